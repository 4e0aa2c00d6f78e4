"""The minutes as PDF: the regulation's headings in order, the results under the agenda
item that reports them, Thai that reads back exactly and breaks only between words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.pdf_reading import PdfReading, read_pdf, shared_check
from workshop_app.cli import main
from workshop_app.db.database import Database
from workshop_app.export.pdf.minutes import write_minutes_pdf
from workshop_app.services.attendees import list_attendees
from workshop_app.services.demo import create_demo_workshop
from workshop_app.services.ideas import list_ideas, merge_ideas

HEADINGS = (
    "รายงานการประชุม",
    "ครั้งที่",
    "เมื่อวันที่",
    "ณห้องประชุม",
    "ผู้มาประชุม",
    "ผู้ไม่มาประชุม",
    "ผู้เข้าร่วมประชุม",
    "เริ่มประชุมเวลา",
    "ระเบียบวาระที่",
    "มติที่ประชุม",
    "เลิกประชุมเวลา",
    "ผู้จดรายงานการประชุม",
    "ผู้ตรวจรายงานการประชุม",
)


def write(
    db: Database, workshop_id: str, path: Path, thai_digits: bool = True, appendix: bool = True
) -> PdfReading:
    with db.session() as session:
        source = write_minutes_pdf(
            session, workshop_id, path, thai_digits=thai_digits, with_appendix=appendix
        )
    reading = read_pdf(path, source)
    assert reading.clean, (reading.bad_breaks[:10], reading.missing[:5])
    source_file = path.with_suffix(".txt")
    source_file.write_text(source, encoding="utf-8")
    shared = shared_check(path, source_file)
    if shared is not None:
        assert shared[0] == 0, shared[1]
    return reading


def test_small_demo_minutes_in_the_regulations_order(
    db: Database, demo_workshop: str, tmp_path: Path
) -> None:
    with db.transaction() as s:  # three cards on the same idea
        ideas = list_ideas(s, demo_workshop)
        merge_ideas(s, ideas[0].id, [ideas[1].id, ideas[2].id])
    reading = write(db, demo_workshop, tmp_path / "minutes.pdf")
    text = reading.text
    flat = "".join(text.split())
    positions = [flat.index(heading) for heading in HEADINGS]
    assert positions == sorted(positions)
    assert "ครั้งที่ ๑/" in text
    assert re.search(r"เริ่มประชุมเวลา ๐๘\.๓๐ น\.", text)
    assert re.search("[-\u2010] ๒ [-\u2010]", text)  # page numbers from page 2
    assert not text.startswith("- ๑")
    assert "มาประชุมแทน" in flat and "ผู้ไม่มาประชุม" in flat
    assert "(รวม๓บัตร)" in flat
    # The results sit under agenda item 4, before its resolution.
    item_4 = flat.index("ระเบียบวาระที่๔")
    assert item_4 < flat.index("ประเด็นการพัฒนาที่๑") < flat.index("การลงคะแนนรอบที่๑")
    assert flat.index("การลงคะแนนรอบที่๑") < flat.index("เห็นชอบผลการจัดลำดับความสำคัญ")
    assert flat.index("เห็นชอบผลการจัดลำดับความสำคัญ") < flat.index("ระเบียบวาระที่๕")
    assert "ภาคผนวก" in flat
    with db.session() as s:
        people = list_attendees(s, demo_workshop)
    for person in people:  # PDPA: names, positions and organisations only
        assert not person.phone or person.phone not in text
        assert not person.email or person.email not in text
    absent = [p for p in people if p.checked_in_at is None and p.role != "member"]
    assert absent and all("".join(p.full_name.split()) not in flat for p in absent[:5])


def test_arabic_digits_without_the_appendix(
    db: Database, demo_workshop: str, tmp_path: Path
) -> None:
    reading = write(db, demo_workshop, tmp_path / "minutes.pdf", thai_digits=False, appendix=False)
    flat = "".join(reading.text.split())
    assert "ครั้งที่1/" in flat and "ระเบียบวาระที่4" in flat
    assert "ภาคผนวก" not in flat
    assert not re.search("[๐-๙]", reading.text)


@pytest.mark.slow
def test_large_demo_minutes_pass_the_thai_check(db: Database, tmp_path: Path) -> None:
    with db.transaction() as session:
        workshop_id = create_demo_workshop(session, "large")
    reading = write(db, workshop_id, tmp_path / "minutes.pdf")
    assert reading.thai_breaks > 300  # long lists and tables: many lines end in Thai


def test_export_minutes_command(
    db: Database, demo_workshop: str, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_dir = db_path.parent / "exports"
    out_dir.mkdir()
    common = ["--db", str(db_path), "--workshop", demo_workshop, "--lang", "en"]
    pdf = out_dir / "minutes.pdf"
    assert main(["export", "minutes", *common, "--out", str(pdf), "--arabic-digits"]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    assert main(["export", "minutes", *common, "--out", str(out_dir / "minutes.odt")]) == 2
    assert ".pdf or .docx only" in capsys.readouterr().err
    missing = out_dir / "no-such-folder" / "minutes.pdf"
    assert main(["export", "minutes", *common, "--out", str(missing)]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert sorted(p.name for p in out_dir.iterdir()) == ["minutes.pdf"]


def test_a_chart_caption_stays_on_its_charts_page(
    db: Database, demo_workshop: str, tmp_path: Path
) -> None:
    """The caption and its chart (bars and the legend of sectors) share one page."""
    reading = write(db, demo_workshop, tmp_path / "minutes.pdf")
    pages = reading.text.split("\f")
    captions = 0
    for page in pages:
        for match in re.finditer(r"คะแนน \S+ ลำดับแรก แยกตามภาคส่วนของผู้ลงคะแนน", page):
            captions += 1
            after = page[match.end() :]
            assert any(sector in after for sector in ("ส่วนราชการ", "ภาคประชาชน", "ภาคเอกชน"))
    assert captions >= 2
