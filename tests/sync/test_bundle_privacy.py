"""Personal data on a USB stick: with a province key the whole bundle is encrypted
(AES-GCM: unreadable without the key, refused if altered), and an export can leave the
attendees' contact fields out."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from tests.sync.replicas import small_demo, snapshot
from workshop_app.cli import main
from workshop_app.db.database import Database
from workshop_app.models import Attendee
from workshop_app.sync.bundle import (
    CONTACT_FIELDS,
    ENCRYPTED_MAGIC,
    BundleError,
    export_bundle,
    import_bundle,
    read_bundle,
)

KEY = b"nakhon-phanom-province-2570-key"
PHONE, EMAIL, NEEDS = "081-234-5678", "somsri.k@nakhonphanom.go.th", "อาหารฮาลาล ใช้รถเข็น"


def _with_contacts(database: Database, workshop_id: str) -> str:
    """An attendee with a phone, an e-mail and a diet need (given with consent)."""
    with database.transaction() as session:
        attendee = session.scalars(
            select(Attendee).where(Attendee.workshop_id == workshop_id).order_by(Attendee.code)
        ).first()
        assert attendee is not None
        attendee.phone, attendee.email, attendee.special_needs = PHONE, EMAIL, NEEDS
        attendee.consent_special_needs = True
        return attendee.id


def test_a_bundle_with_a_province_key_is_encrypted(laptops: list[Database], tmp_path: Path) -> None:
    a, b, c = laptops
    attendee_id = _with_contacts(a, small_demo(a))
    path = tmp_path / "encrypted.wsbundle"
    info = export_bundle(a, path, key=KEY)
    assert info.encrypted and info.signed
    data = path.read_bytes()
    assert data.startswith(ENCRYPTED_MAGIC)
    for clear in (PHONE, EMAIL, NEEDS, "manifest.json", "attendees"):
        assert clear.encode() not in data
    import_bundle(b, path, KEY)
    assert snapshot(b) == snapshot(a)
    assert snapshot(b)["attendees"][attendee_id]["phone"] == PHONE
    # Without the key, with another key, or altered by one byte: refused, nothing changed.
    with pytest.raises(BundleError, match="no province key is set here"):
        import_bundle(c, path)
    with pytest.raises(BundleError, match="cannot be decrypted"):
        import_bundle(c, path, b"udon-thani-province-2570-key-xx")
    altered = tmp_path / "altered.wsbundle"
    flipped = bytearray(data)
    flipped[len(data) // 2] ^= 0x01
    altered.write_bytes(bytes(flipped))
    with pytest.raises(BundleError, match="altered or damaged"):
        import_bundle(c, altered, KEY)
    assert sum(len(rows) for rows in snapshot(c).values()) == 0


def test_a_bundle_without_contacts_carries_none_and_blanks_none(
    laptops: list[Database], tmp_path: Path
) -> None:
    a, b, c = laptops
    workshop_id = small_demo(a)
    export_bundle(a, tmp_path / "full.wsbundle")
    import_bundle(b, tmp_path / "full.wsbundle")
    attendee_id = _with_contacts(a, workshop_id)
    with a.transaction() as session:  # and a change that should travel
        attendee = session.get(Attendee, attendee_id)
        assert attendee is not None
        attendee.position = "ปลัดอำเภอ"
    export_bundle(a, tmp_path / "full-again.wsbundle")
    import_bundle(b, tmp_path / "full-again.wsbundle")  # b holds the contacts now
    path = tmp_path / "without.wsbundle"
    assert not export_bundle(a, path, contacts=False).contacts
    info, rows = read_bundle(path)
    assert not info.contacts
    for row in rows["attendees"]:
        assert all(row[name] == "" for name in CONTACT_FIELDS)
    import_bundle(c, path)
    assert snapshot(c)["attendees"][attendee_id]["phone"] == ""
    assert snapshot(c)["attendees"][attendee_id]["position"] == "ปลัดอำเภอ"
    import_bundle(b, path)
    kept = snapshot(b)["attendees"][attendee_id]
    assert (kept["phone"], kept["email"], kept["special_needs"]) == (PHONE, EMAIL, NEEDS)


def test_command_line_export_encrypted_and_without_contacts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, target = tmp_path / "source.sqlite", tmp_path / "target.sqlite"
    key_file = tmp_path / "province.key"
    key_file.write_bytes(KEY)
    out = tmp_path / "for-the-province.wsbundle"
    assert main(["demo", "--db", str(source)]) == 0
    export = ["bundle", "export", "--db", str(source), "--out", str(out), "--lang", "en"]
    assert main([*export, "--key", str(key_file), "--without-contacts"]) == 0
    assert "(signed, encrypted), without contact fields" in capsys.readouterr().out
    assert out.read_bytes().startswith(ENCRYPTED_MAGIC)
    into = ["bundle", "import", str(out), "--db", str(target), "--lang", "en"]
    assert main(into) == 2
    assert "no province key is set here" in capsys.readouterr().err
    assert main([*into, "--key", str(key_file)]) == 0
