"""Erasing a person leaves a tombstone without their contacts or sensitive data, on every
laptop, in every bundle and on the server (issue 21: the phone number travelled in the
tombstone for ever), even where a concurrent edit of the person was kept as a conflict."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import Engine, create_engine, text

from workshop_app.db.database import Database
from workshop_app.services.attendees import (
    AttendeeDraft,
    add_attendee,
    delete_attendee,
    get_attendee,
    update_attendee,
)
from workshop_app.services.workshops import create_workshop, list_sectors
from workshop_app.sync.bundle import export_bundle, import_bundle, read_bundle
from workshop_app.sync.server import sync

PHONE, NEW_PHONE = "0817771234", "0894445678"
EMAIL = "kanchana.b@nakhonphanom.go.th"
NEEDS = "อาหารมังสวิรัติ ใช้รถเข็น"


def _everything(source: Database | Engine) -> str:
    """Every text of every table, as one string to search."""
    engine = source.engine if isinstance(source, Database) else source
    found: list[str] = []
    with engine.connect() as connection:
        for table in ("attendees", "sync_conflicts"):
            for row in connection.execute(text(f"SELECT * FROM {table}")):
                found.extend(str(value) for value in row)
    return "\n".join(found)


def _bundle_text(path: Path) -> str:
    _info, rows = read_bundle(path)
    return json.dumps(rows, ensure_ascii=False, default=str)


def test_an_erased_person_travels_without_their_data(
    laptops: list[Database], server_url: str, tmp_path: Path
) -> None:
    a, b, c = laptops
    with a.transaction() as session:
        workshop_id = create_workshop(session, "ประชุมรับฟังความคิดเห็นแผนพัฒนาจังหวัดนครพนม")
        sector_id = list_sectors(session, workshop_id)[1].id
        draft = AttendeeDraft(
            first_name="กาญจนา",
            last_name="บุญประเสริฐ",
            sector_id=sector_id,
            phone=PHONE,
            email=EMAIL,
            special_needs=NEEDS,
            consent_special_needs=True,
            consent_follow_up=True,
        )
        person = add_attendee(session, workshop_id, draft)
    export_bundle(a, tmp_path / "a0.bundle")
    import_bundle(b, tmp_path / "a0.bundle")
    # Laptop B changes her phone while laptop A erases her: B's edit is kept as a conflict.
    with b.transaction() as session:
        old = get_attendee(session, person).draft()
        update_attendee(session, person, AttendeeDraft(**{**vars(old), "phone": NEW_PHONE}))
    with a.transaction() as session:
        delete_attendee(session, person)
    export_bundle(b, tmp_path / "b1.bundle")
    import_bundle(a, tmp_path / "b1.bundle")
    export_bundle(a, tmp_path / "a1.bundle")
    import_bundle(b, tmp_path / "a1.bundle")
    import_bundle(c, tmp_path / "a1.bundle")
    sync(a, server_url)
    sync(b, server_url)
    server = create_engine(server_url)
    try:
        places = {
            "laptop A": _everything(a),
            "laptop B": _everything(b),
            "laptop C": _everything(c),
            "the server": _everything(server),
            "A's bundle": _bundle_text(tmp_path / "a1.bundle"),
        }
        with server.connect() as connection:
            deleted = connection.execute(
                text("SELECT deleted FROM attendees WHERE id = :id"), {"id": person}
            ).scalar()
    finally:
        server.dispose()
    assert deleted is True
    for where, content in places.items():
        assert "กาญจนา" in content, where  # the tombstone is there, and travelled
        for data in (PHONE, NEW_PHONE, EMAIL, NEEDS):
            assert data not in content, f"{data} is still in {where}"
    with a.session() as session:
        conflicts = session.execute(
            text("SELECT count(*) FROM sync_conflicts WHERE row_id = :id"), {"id": person}
        ).scalar()
    assert conflicts == 1  # the concurrent edit was kept for review, without the phone
