"""The Thai layout engine: breaks between words, shaped marks, text that copies out."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.platypus import SimpleDocTemplate

from tests.pdf_reading import read_pdf, shared_check
from workshop_app.export.pdf.fonts import register_fonts
from workshop_app.export.pdf.thai_text import TextStyle, ThaiParagraph, layout_lines, text_width

# The hard cases of Thai type: tone marks over ป ฝ ฟ and over upper vowels, สระอำ with
# tone marks, ฐ ญ with lower vowels, numbers, English, names not in any dictionary.
WORDS = (
    "ปู่",
    "ป้า",
    "ฝั่ง",
    "ฟ้า",
    "ที่นั่น",
    "น้ำ",
    "ค่ำ",
    "ทำ",
    "ฐานข้อมูล",
    "กตัญญู",
    "ปฏิบัติการ",
    "ฎีกา",
    "ยางพารา",
    "ปาล์มน้ำมัน",
    "ผลิตภัณฑ์ชุมชน",
    "องค์กรปกครองส่วนท้องถิ่น",
    "นายสมชาย",
    "ใจดี",
    "นางสาววิมลรัตน์",
    "ทองคำ",
    "อำเภอรัตภูมิ",
    "จังหวัดสงขลา",
    "2569",
    "งบประมาณ",
    "1,250,000",
    "บาท",
    "GAP",
    "Smart",
    "Farming",
    "OTOP",
    "ร้อยละ",
    "15.5",
    "การท่องเที่ยวเชิงสร้างสรรค์",
    "ศักยภาพ",
    "ผู้สูงอายุ",
    "๒๕๖๙",
)
MARKS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c"
NAMES = ("สมชาย", "วิมลรัตน์", "รัตภูมิ")


def stress_text(seed: int, paragraphs: int = 8) -> str:
    rng = random.Random(seed)
    out = []
    for _ in range(paragraphs):
        words = [rng.choice(WORDS) + (" " if rng.random() < 0.3 else "") for _ in range(90)]
        out.append("".join(words).strip())
    out.append("ปฏิบัติการ" * 25)  # one "word" wider than the line
    return "\n\n".join(out)


def write_pdf(path: Path, text: str, style: TextStyle) -> None:
    register_fonts()
    document = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=3 * cm, rightMargin=2 * cm)
    document.build([ThaiParagraph(p, style, NAMES) for p in text.split("\n\n")])


@pytest.mark.parametrize("alignment", ["left", "justify"])
def test_stress_text_breaks_only_between_words_and_copies_out(
    tmp_path: Path, alignment: str
) -> None:
    text = stress_text(7)
    pdf = tmp_path / "stress.pdf"
    write_pdf(pdf, text, TextStyle(alignment=alignment, first_indent=2 * cm))  # type: ignore[arg-type]
    reading = read_pdf(pdf, text)
    assert reading.thai_breaks > 50  # the text really wraps, many times
    assert reading.clean, (reading.bad_breaks, reading.missing[:5], reading.private_use)
    # Tone marks and สระอำ come back as typed, not decomposed or lost.
    for word in ("ปู่", "ฝั่ง", "ที่นั่น", "น้ำ", "ค่ำ", "กตัญญู", "๒๕๖๙"):
        assert word in reading.text
    assert "\u0e4d\u0e32" not in reading.text  # ำ never comes out as ํ + า
    source = tmp_path / "stress.txt"
    source.write_text(text, encoding="utf-8")
    shared = shared_check(pdf, source)
    if shared is not None:
        assert shared[0] == 0, shared[1]


def test_lines_never_overflow_and_keep_every_character() -> None:
    register_fonts()
    style = TextStyle()
    for seed in range(5):
        text = stress_text(seed, paragraphs=2).replace("\n\n", "\n")
        for width in (60.0, 150.0, 420.0):
            lines = layout_lines(text, width, style, NAMES)
            assert "".join(line.text for line in lines).replace(" ", "") == text.replace(
                " ", ""
            ).replace("\n", "")
            for line in lines:
                assert text_width(line.text, style) <= width or len(line.pieces) == 1


def test_a_long_word_is_cut_between_character_clusters_only() -> None:
    register_fonts()
    lines = layout_lines("กตัญญูกตัญญูกตัญญูกตัญญู", 40.0, TextStyle())
    assert len(lines) > 1
    for line in lines:
        assert (
            line.text[0]
            not in "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c"
        )


def test_a_paragraph_splits_across_pages(tmp_path: Path) -> None:
    text = "\n\n".join([stress_text(3, paragraphs=1).split("\n\n")[0] * 6])
    pdf = tmp_path / "long.pdf"
    write_pdf(pdf, text, TextStyle(alignment="justify"))
    reading = read_pdf(pdf, text)
    assert reading.text.count("\f") >= 2  # more than one page
    assert reading.clean, reading.bad_breaks
