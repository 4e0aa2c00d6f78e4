"""The sign-in sheet: every invitee once, grouped by sector or in Thai name order, in a
PDF whose Thai reads back exactly and breaks only between words."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tests.pdf_reading import read_pdf, shared_check
from workshop_app.cli import main
from workshop_app.db.database import Database
from workshop_app.export.files import written_whole
from workshop_app.export.pdf.signin import write_signin_sheet
from workshop_app.services.attendees import AttendeeRow, list_attendees
from workshop_app.services.demo import create_demo_workshop
from workshop_app.services.workshops import get_workshop, list_sectors


def source_text(
    db: Database, workshop_id: str, order: str = "sector"
) -> tuple[str, list[AttendeeRow]]:
    """Everything the sheet prints, as typed (spaces included, for the break check)."""
    with db.session() as session:
        details = get_workshop(session, workshop_id)
        people = list_attendees(session, workshop_id)
        sectors = [s.name for s in list_sectors(session, workshop_id)]
    used = [name for name in sectors if any(p.sector_name == name for p in people)]
    parts = [details.title, details.venue, *(used if order == "sector" else [])]
    for person in people:
        parts += [person.full_name, person.position, person.organisation]
    return "\n".join(parts), people


def write(db: Database, workshop_id: str, path: Path, order: str = "sector") -> None:
    with db.session() as session:
        write_signin_sheet(session, workshop_id, path, order=order)  # type: ignore[arg-type]


def test_sheet_by_sector_lists_everyone_and_reads_back_exactly(
    db: Database, demo_workshop: str, tmp_path: Path
) -> None:
    pdf = tmp_path / "signin.pdf"
    write(db, demo_workshop, pdf)
    source, people = source_text(db, demo_workshop)
    reading = read_pdf(pdf, source)
    assert reading.clean, (reading.bad_breaks, reading.missing[:5])
    flat = reading.text.replace("\n", " ")
    for title in ("แบบลงทะเบียน", "ลำดับ", "ชื่อ–สกุล", "ตำแหน่ง", "หน่วยงาน", "ลายมือชื่อ"):
        assert title in flat
    squeezed = "".join(reading.text.split())
    for person in people:
        assert "".join(person.full_name.split()) in squeezed
        # PDPA: a sign-in sheet shows no phone numbers or e-mail addresses.
        if person.phone:
            assert person.phone not in reading.text
        if person.email:
            assert person.email not in reading.text
    # Sector headings in the workshop's order; numbers run 1..n across the groups.
    with db.session() as session:
        sectors = [s.name for s in list_sectors(session, demo_workshop)]
    used = [name for name in sectors if any(p.sector_name == name for p in people)]
    positions = [reading.text.index(name) for name in used]
    assert positions == sorted(positions)
    assert f"\n{len(people)}\n" in reading.text or f" {len(people)} " in flat


def test_sheet_in_name_order_follows_thai_dictionary_order(
    db: Database, demo_workshop: str, tmp_path: Path
) -> None:
    pdf = tmp_path / "signin.pdf"
    write(db, demo_workshop, pdf, order="name")
    source, people = source_text(db, demo_workshop, order="name")
    reading = read_pdf(pdf, source)
    assert reading.clean, reading.bad_breaks
    squeezed = "".join(reading.text.split())
    found = [squeezed.index("".join(p.full_name.split())) for p in people]
    assert found == sorted(found)  # list_attendees gives Thai dictionary order


def test_large_demo_sheet_passes_the_thai_check(tmp_path: Path, db: Database) -> None:
    with db.transaction() as session:
        workshop_id = create_demo_workshop(session, "large")
    pdf = tmp_path / "signin.pdf"
    write(db, workshop_id, pdf)
    source, people = source_text(db, workshop_id)
    reading = read_pdf(pdf, source)
    assert len(people) >= 300
    assert reading.clean, (reading.bad_breaks[:10], reading.missing[:5])
    source_file = tmp_path / "source.txt"
    source_file.write_text(source, encoding="utf-8")
    shared = shared_check(pdf, source_file)
    if shared is not None:
        assert shared[0] == 0, shared[1]


def test_a_failed_write_leaves_the_old_file_and_no_part_file(tmp_path: Path) -> None:
    target = tmp_path / "signin.pdf"
    target.write_bytes(b"the sheet printed yesterday")
    with pytest.raises(RuntimeError), written_whole(target) as temporary:
        temporary.write_bytes(b"half a PDF")
        raise RuntimeError("the disk filled up")
    assert target.read_bytes() == b"the sheet printed yesterday"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["signin.pdf"]


def test_a_written_file_is_readable_like_any_document(tmp_path: Path) -> None:
    """Not private to its writer (mkstemp's 0600): colleagues and backups read it."""
    umask = os.umask(0o022)
    try:
        with written_whole(tmp_path / "out.pdf") as temporary:
            temporary.write_bytes(b"%PDF")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "out.pdf").stat().st_mode) == 0o644


def test_export_command_writes_the_sheet_and_refuses_bad_targets(
    db: Database,
    demo_workshop: str,
    db_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    tmp_path = db_path.parent / "exports"
    tmp_path.mkdir()
    out = tmp_path / "signin.pdf"
    common = ["--db", str(db_path), "--workshop", demo_workshop, "--lang", "en"]
    assert main(["export", "signin", *common, "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert main(["export", "signin", *common, "--out", str(tmp_path / "x.docx")]) == 2
    assert ".pdf only" in capsys.readouterr().err
    missing = tmp_path / "no-such-folder" / "signin.pdf"
    assert main(["export", "signin", *common, "--out", str(missing)]) == 2
    assert not missing.parent.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["signin.pdf"]
