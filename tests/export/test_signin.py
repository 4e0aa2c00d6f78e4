"""The sign-in sheet: every invitee once, grouped by sector or in Thai name order, in a
PDF whose Thai reads back exactly and breaks only between words."""

from __future__ import annotations

import os
import re
import stat
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from reportlab.lib.units import cm

from tests.pdf_reading import pdf_text, read_pdf, shared_check
from tests.qr_codes import zbar_codes
from workshop_app import api
from workshop_app.cli import main
from workshop_app.db.database import Database, open_database
from workshop_app.export.files import written_whole
from workshop_app.export.pdf.document import LEFT_MARGIN
from workshop_app.export.pdf.signin import PHONE_WIDTHS, QR_COLUMN, write_signin_sheet
from workshop_app.models import PhoneToken
from workshop_app.services.attendees import AttendeeDraft, AttendeeRow, add_attendee, list_attendees
from workshop_app.services.demo import create_demo_workshop
from workshop_app.services.phones import phone_links
from workshop_app.services.workshops import create_workshop, get_workshop, list_sectors


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


# --- The phone links' QR codes on the sheet (issue 22) -----------------------------------

PHAYAO_PEOPLE = (
    ("นาย", "อนุชา", "ขันแก้ว", "ปลัดอำเภอ", "ที่ว่าการอำเภอเชียงคำ"),
    ("นาง", "วิไลวรรณ", "ใจมา", "นักวิชาการเกษตรชำนาญการ", "สำนักงานเกษตรจังหวัดพะเยา"),
    ("นางสาว", "กัญญารัตน์", "ปัญญาดี", "ประธานกลุ่ม", "วิสาหกิจชุมชนผ้าทอไทลื้อบ้านธาตุสบแวน"),
    ("นาย", "ประเสริฐ", "สุวรรณรัตน์", "นายกเทศมนตรี", "เทศบาลตำบลบ้านต๊ำ"),
    ("ว่าที่ร้อยตรี", "ธีรวัฒน์", "คำปัน", "อาจารย์", "มหาวิทยาลัยพะเยา"),
    ("นาง", "สุนันทา", "อินต๊ะวงศ์", "รองประธาน", "หอการค้าจังหวัดพะเยา"),
    ("นาย", "ศักดิ์ชัย", "ธรรมวงศ์", "ผู้ใหญ่บ้าน", "บ้านแม่ใส หมู่ 4"),
)
PHAYAO_TITLE = "ประชุมเชิงปฏิบัติการทบทวนแผนพัฒนาจังหวัดพะเยา ประจำปีงบประมาณ 2571"


def _phayao_workshop(db: Database) -> str:
    with db.transaction() as session:
        workshop_id = create_workshop(session, PHAYAO_TITLE, province="พะเยา")
        sector_ids = [s.id for s in list_sectors(session, workshop_id)]
        for n, (prefix, first, last, position, organisation) in enumerate(PHAYAO_PEOPLE):
            draft = AttendeeDraft(
                first, sector_ids[n % 3], last, prefix, position, organisation, f"081-234-56{n:02d}"
            )
            add_attendee(session, workshop_id, draft)
    return workshop_id


def _row_codes(pdf: Path, folder: Path) -> dict[int, list[str]]:
    """Row number -> the codes zbarimg reads in that row's QR cell alone, on the pages
    rendered at 200 dpi (a phone photographing one row sees no other code)."""
    dpi = 200
    scale = dpi / 72
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(folder / "p")], check=True)
    pages = sorted(folder.glob("p-*.png"), key=lambda p: int(p.stem.split("-")[1]))
    bbox = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    codes: dict[int, list[str]] = {}
    number_column_end = LEFT_MARGIN + PHONE_WIDTHS[0]
    qr_left = LEFT_MARGIN + 16 * cm - QR_COLUMN
    for page_number, page_xml in enumerate(bbox.split("<page ")[1:]):
        image = Image.open(pages[page_number])
        for match in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>(\d+)\s*</word>', page_xml
        ):
            if float(match[1]) > number_column_end:
                continue
            # The cell's top is 14 points above the number's box (padding and the font's
            # ascent); the code at the top of its cell, the next row's a cell lower.
            row_top = float(match[2]) - 14
            left, top = round(qr_left * scale), round((row_top - 1) * scale)
            right = round((qr_left + QR_COLUMN) * scale)
            bottom = round((row_top + QR_COLUMN + 1) * scale)
            crop = folder / f"row{match[3]}.png"
            image.crop((left, top, right, bottom)).save(crop)
            codes[int(match[3])] = zbar_codes(crop)
    return codes


def test_sheet_with_phone_links_prints_each_persons_own_code(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    workshop_id = _phayao_workshop(db)
    db.close()  # the export takes the file's writer lock (it issues tokens)
    base = "http://192.168.1.10:8080"
    sheet = tmp_path / "แบบลงทะเบียน.pdf"
    cards = tmp_path / "บัตร.pdf"
    try:
        api.export_signin_sheet(
            db_path, workshop_id, sheet, order="name", phone_links=True, base_url=base + "/"
        )
        api.export_phone_cards(db_path, workshop_id, cards, base_url=base)
    finally:
        api.close(db_path)
    again = open_database(db_path)
    try:
        with again.session() as session:
            people = list_attendees(session, workshop_id)
        with again.transaction() as session:
            links = {link.attendee_id: link.url for link in phone_links(session, workshop_id, base)}
    finally:
        again.close()

    rows = tmp_path / "rows"
    rows.mkdir()
    by_row = _row_codes(sheet, rows)
    # Name order: row n is the n-th person; their code, and only theirs, in their row.
    assert by_row == {n: [links[p.id]] for n, p in enumerate(people, start=1)}
    # The same links as on the phone cards (the tokens the sheet issued were kept).
    card_pages = tmp_path / "cards"
    card_pages.mkdir()
    subprocess.run(["pdftoppm", "-r", "200", "-png", str(cards), str(card_pages / "c")], check=True)
    on_cards = {code for page in card_pages.glob("c-*.png") for code in zbar_codes(page)}
    assert on_cards == set(links.values())

    source = "\n".join(
        [PHAYAO_TITLE, *(f"{p.full_name}\n{p.position}\n{p.organisation}" for p in people)]
    )
    reading = read_pdf(sheet, source)
    assert reading.clean, (reading.bad_breaks, reading.missing[:5])
    assert "คิวอาร์" in reading.text
    for person in people:
        assert person.phone not in reading.text  # PDPA: still no phone numbers
    source_file = tmp_path / "source.txt"
    source_file.write_text(source, encoding="utf-8")
    checked = shared_check(sheet, source_file)
    if checked is not None:
        assert checked[0] == 0, checked[1]


def test_sheet_without_phone_links_is_as_before_and_issues_no_token(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    workshop_id = _phayao_workshop(db)
    db.close()
    plain = tmp_path / "plain.pdf"
    try:
        api.export_signin_sheet(db_path, workshop_id, plain)
    finally:
        api.close(db_path)
    folder = tmp_path / "pages"
    folder.mkdir()
    subprocess.run(["pdftoppm", "-r", "200", "-png", str(plain), str(folder / "p")], check=True)
    assert [code for page in folder.glob("p-*.png") for code in zbar_codes(page)] == []
    assert "คิวอาร์" not in pdf_text(plain)
    # The columns of the sheet without phones, at their old widths.
    words = subprocess.run(
        ["pdftotext", "-bbox", str(plain), "-"], capture_output=True, text=True, check=True
    ).stdout
    signature = re.search(r'xMin="([\d.]+)"[^>]*>ลายมือชื่อ\s*</word>', words)
    assert signature is not None and float(signature[1]) > LEFT_MARGIN + 13.5 * cm
    again = open_database(db_path)
    try:
        with again.session() as session:
            assert session.query(PhoneToken).count() == 0  # a sheet without codes writes nothing
    finally:
        again.close()


@pytest.mark.parametrize("language", ["th", "en"])
def test_cli_refuses_a_bad_phone_address_and_writes_nothing(
    db: Database,
    db_path: Path,
    capsys: pytest.CaptureFixture[str],
    language: str,
) -> None:
    workshop_id = _phayao_workshop(db)
    db.close()
    tmp_path = db_path.parent / "exports"
    tmp_path.mkdir()
    out = tmp_path / "signin.pdf"
    args = ["export", "signin", "--db", str(db_path), "--workshop", workshop_id[:8]]
    bad = [
        "--out",
        str(out),
        "--phone-links",
        "--base-url",
        "192.168.1.10:8080",
        "--lang",
        language,
    ]
    assert main([*args, *bad]) == 2
    error = capsys.readouterr().err.strip()
    assert "\n" not in error and "192.168.1.10:8080" in error
    if language == "th":
        assert error.startswith("ที่อยู่ของคิวอาร์โค้ดบนแบบลงทะเบียนต้องขึ้นต้นด้วย http://")
    else:
        assert error.startswith("the sign-in sheet's phone link address must start with http://")
    assert sorted(tmp_path.iterdir()) == []

    # The command line with a good address: the codes of the same links.
    assert (
        main([*args, "--out", str(out), "--phone-links", "--base-url", "http://10.0.5.2:8765"]) == 0
    )
    folder = tmp_path / "pages"
    folder.mkdir()
    codes = _row_codes(out, folder)
    assert len(codes) == len(PHAYAO_PEOPLE)
    assert all(len(c) == 1 and c[0].startswith("http://10.0.5.2:8765/#") for c in codes.values())
