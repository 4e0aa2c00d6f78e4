"""Phone cards: every attendee's QR code reads back (zbarimg, on the printed page as a
phone's camera would see it) as their own link, the link and the short address are
printed in words too, and the Thai reads back exactly and breaks only between words."""

from __future__ import annotations

import re
import secrets
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.pdf_reading import SHARED_CHECK, pdf_text, read_pdf, shared_check
from tests.qr_codes import pdf_codes
from workshop_app.cli import main
from workshop_app.db.database import Database, open_database
from workshop_app.errors import UserError
from workshop_app.export.phone_cards import CardSheet, short_address, write_phone_cards
from workshop_app.services.attendees import AttendeeDraft, add_attendee
from workshop_app.services.phones import phone_links
from workshop_app.services.workshops import create_workshop, list_sectors

TITLE = "การประชุมเชิงปฏิบัติการทบทวนแผนพัฒนาจังหวัดน่าน พ.ศ. 2571–2575"
BASE = "http://10.42.0.1:8765"


@dataclass(frozen=True)
class Person:
    registration_number: int | None
    name: str
    sector_name: str
    url: str


def people() -> list[Person]:
    rows = [
        ("นายเกียรติศักดิ์ ปัญญาวงศ์", "ภาครัฐ"),
        ("นางสาวสุภาวดี อินทรประเสริฐ", "ภาคเอกชน"),
        ("ว่าที่ร้อยตรีณัฐวุฒิ ศรีวิชัยเจริญรุ่งเรืองกุล", "ภาคประชาสังคมและสภาองค์กรชุมชนตำบล"),
        ("นางจันทร์เพ็ญ ไชยวงค์", "องค์กรปกครองส่วนท้องถิ่น"),
        ("นายบุญส่ง กันทะวงศ์", "ภาครัฐ"),
        ("นางสาวปวีณา ทาแก้ว", "ภาควิชาการ"),
        ("นายสุริยันต์ มณีวรรณ", "ภาคเอกชน"),
        ("นางอำไพ ธิจักร", "ภาครัฐ"),
        ("นายไพฑูรย์ อุปนันท์", ""),  # a walk-in who gave no sector
        ("นางสาวรัตนาภรณ์ สุยะ", "ภาคประชาสังคมและสภาองค์กรชุมชนตำบล"),
    ]
    return [
        Person(
            number if number != 9 else None, name, sector, f"{BASE}/#{secrets.token_urlsafe(24)}"
        )
        for number, (name, sector) in enumerate(rows, start=1)
    ]


def test_every_card_reads_back_as_its_owners_link(tmp_path: Path) -> None:
    cards = people()
    pdf = tmp_path / "cards.pdf"
    write_phone_cards(CardSheet(TITLE, cards), pdf)

    assert pdf_codes(pdf, tmp_path, (200, 300, 150), len(cards)) == {p.url for p in cards}
    # Eight cards a page: ten people take two pages.
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert re.search(r"^Pages:\s+2$", info.stdout, re.MULTILINE)

    text = pdf_text(pdf)
    squeezed = "".join(text.split())
    for person in cards:
        assert person.url in squeezed  # the link in full, under its code
        assert "".join(person.name.split()) in squeezed
    # The short address alone on each card, besides inside each full link.
    assert squeezed.count(short_address(BASE)) == 2 * len(cards)
    assert squeezed.count("เลขทะเบียน") == len(cards) - 1  # not for the one without
    for number in (1, 2, 10):
        assert f"เลขทะเบียน{number}" in squeezed


def test_thai_reads_back_exactly_and_breaks_between_words(tmp_path: Path) -> None:
    cards = people()
    pdf = tmp_path / "cards.pdf"
    write_phone_cards(CardSheet(TITLE, cards), pdf)
    hint = "สแกนคิวอาร์โค้ดด้วยกล้องโทรศัพท์ หรือพิมพ์ที่อยู่นี้ในเบราว์เซอร์"
    source = "\n".join([TITLE, hint, *(f"{p.name}\n{p.sector_name}" for p in cards)])
    reading = read_pdf(pdf, source)
    assert reading.clean, (reading.bad_breaks, reading.missing[:5])
    source_file = tmp_path / "source.txt"
    source_file.write_text(source, encoding="utf-8")
    checked = shared_check(pdf, source_file)
    if checked is not None:
        assert checked[0] == 0, checked[1]


def test_short_address_is_host_and_port() -> None:
    assert short_address("http://192.168.1.10:8765/#abc") == "192.168.1.10:8765"
    assert short_address("http://10.0.0.2/#abc") == "10.0.0.2"


def test_no_attendees_and_failures_leave_no_file(tmp_path: Path) -> None:
    pdf = tmp_path / "cards.pdf"
    with pytest.raises(UserError) as refused:
        write_phone_cards(CardSheet(TITLE, []), pdf)
    assert "ไม่มีบัตร" in refused.value.message("th")
    assert list(tmp_path.iterdir()) == []

    @dataclass(frozen=True)
    class Broken:
        registration_number: int | None = 11
        name: str = "นายประยูร ขันแก้ว"
        url: str = f"{BASE}/#x"

        @property
        def sector_name(self) -> str:
            raise RuntimeError("the card's data could not be read")

    # A card that fails half-way through the ninth card (the second page) leaves nothing.
    with pytest.raises(RuntimeError):
        write_phone_cards(CardSheet(TITLE, [*people()[:8], Broken()]), pdf)
    assert list(tmp_path.iterdir()) == []


# --- from the command line, on a real workshop ---------------------------------------------


def _lamphun_workshop(db: Database) -> tuple[str, list[str]]:
    with db.transaction() as session:
        workshop_id = create_workshop(
            session, "ประชุมเชิงปฏิบัติการแผนพัฒนากลุ่มจังหวัดภาคเหนือตอนบน 1", province="ลำพูน"
        )
        sector_ids = [s.id for s in list_sectors(session, workshop_id)]
        people = (
            ("นาย", "สมบัติ", "ก๋าคำ"),
            ("นาง", "ศรีนวล", "จันทร์ตา"),
            ("นางสาว", "ปิยะนุช", "วงศ์สุยะ"),
        )
        ids = [
            add_attendee(session, workshop_id, AttendeeDraft(first, sector_ids[n], last, prefix))
            for n, (prefix, first, last) in enumerate(people)
        ]
    return workshop_id, ids


def test_cli_writes_every_attendees_card(db: Database, db_path: Path, tmp_path: Path) -> None:
    workshop_id, _ids = _lamphun_workshop(db)
    db.close()  # the command takes the file's writer lock
    out = tmp_path / "cards.pdf"
    base = "http://192.168.50.1:8765"
    args = ["export", "phone-cards", "--db", str(db_path), "--workshop", workshop_id[:8]]
    assert main([*args, "--out", str(out), "--base-url", base + "/"]) == 0

    again = open_database(db_path)
    try:
        with again.transaction() as session:
            links = phone_links(session, workshop_id, base)
    finally:
        again.close()
    # The tokens the command issued are the ones kept: cards printed again are the same.
    folder = tmp_path / "pages"
    folder.mkdir()
    assert pdf_codes(out, folder, (200, 300, 150), len(links)) == {link.url for link in links}
    squeezed = "".join(pdf_text(out).split())
    for link in links:
        assert "".join(link.name.split()) in squeezed
        assert link.url in squeezed
    checked = subprocess.run(
        [sys.executable, str(SHARED_CHECK), str(out)], capture_output=True, text=True
    )
    if SHARED_CHECK.exists():
        assert checked.returncode == 0, checked.stdout


def test_cli_refuses_a_bad_address_and_writes_nothing(
    db: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workshop_id, _ids = _lamphun_workshop(db)
    db.close()
    out = tmp_path / "cards.pdf"
    args = ["export", "phone-cards", "--db", str(db_path), "--workshop", workshop_id]
    assert main([*args, "--out", str(out), "--base-url", "192.168.50.1:8765"]) == 2
    error = capsys.readouterr().err.strip()
    assert error.startswith("ที่อยู่ของบัตรต้องขึ้นต้นด้วย http://") and "\n" not in error
    assert main([*args, "--out", str(tmp_path / "cards.docx")]) == 2
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.suffix in (".pdf", ".docx", ".part")]


def test_cli_without_an_address_uses_this_computers(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    workshop_id, _ids = _lamphun_workshop(db)
    db.close()
    out = tmp_path / "cards.pdf"
    args = ["export", "phone-cards", "--db", str(db_path), "--workshop", workshop_id]
    assert main([*args, "--out", str(out)]) == 0
    folder = tmp_path / "pages"
    folder.mkdir()
    codes = pdf_codes(out, folder, (200, 300, 150), 3)
    assert len(codes) == 3
    for code in codes:
        address = urlsplit(code)
        assert address.scheme == "http" and address.port == 8765
        assert address.hostname and address.hostname != "0.0.0.0"
        assert len(address.fragment) >= 32  # the token: 24 random bytes or more


def test_cli_refuses_while_another_program_holds_the_file(
    db: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Cards issue keys (a write): with the GUI holding the file, one clear line."""
    workshop_id, _ids = _lamphun_workshop(db)
    db.close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from workshop_app.db.database import open_database;"
            "d = open_database(sys.argv[1]); print('held', flush=True); time.sleep(60)",
            str(db_path),
        ],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        out = tmp_path / "cards.pdf"
        args = ["export", "phone-cards", "--db", str(db_path), "--workshop", workshop_id]
        assert main([*args, "--out", str(out)]) == 2
        error = capsys.readouterr().err.strip()
        assert "เปิดใช้งานอยู่ในโปรแกรมอื่น" in error and "\n" not in error
        assert not out.exists()
    finally:
        holder.kill()
        holder.wait()
