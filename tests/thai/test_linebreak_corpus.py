"""Where the layout breaks Thai lines on real official prose, judged by ICU, and names and
compounds a Thai reader keeps whole (issue 19). The measure itself is bench/linebreak.py;
this test holds its thresholds."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from workshop_app.thai.linebreak import (
    ZERO_WIDTH_SPACE,
    break_pieces,
    display_text,
    split_compound,
    without_break_marks,
)
from workshop_app.thai.segment import segmenter

BENCH = Path(__file__).resolve().parents[2] / "bench" / "linebreak.py"


def _bench() -> ModuleType:
    """bench/linebreak.py, the measure (bench/ is a folder of scripts, not a package)."""
    if "bench_linebreak" not in sys.modules:
        spec = importlib.util.spec_from_file_location("bench_linebreak", BENCH)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["bench_linebreak"] = module  # its dataclass looks itself up there
        spec.loader.exec_module(module)
    return sys.modules["bench_linebreak"]


def test_the_corpus_is_real_prose_with_its_sources() -> None:
    bench = _bench()
    text = bench.CORPUS.read_text(encoding="utf-8")
    sources = [line for line in text.splitlines() if line.startswith("## http")]
    assert len(sources) >= 15
    assert sum(len(p) for p in bench.corpus_paragraphs()) > 10_000


def test_icu_accepts_the_layouts_breaks_and_none_falls_inside_a_name(
    fresh_thai_dictionary: None,
) -> None:
    bench = _bench()
    result = bench.measure(bench.corpus_paragraphs())
    assert result.breaks > 1000
    assert result.accepted_share >= bench.ICU_TARGET, result.refused
    assert result.inside_names == []


@pytest.mark.parametrize(
    "text, whole",
    [
        ("ด่านปาดังเบซาร์", "ปาดังเบซาร์"),
        ("ชาวบ้านอำเภอจะนะ", "อำเภอจะนะ"),
        ("การค้าชายแดน", "ชายแดน"),
        ("สำนักงานโยธาธิการและผังเมือง", "โยธาธิการ"),
        ("สำนักงานโยธาธิการและผังเมือง", "สำนักงาน"),
        ("บริหารจัดการน้ำ", "บริหารจัดการ"),
        ("อำเภอบางน้ำเปรี้ยว", "อำเภอบางน้ำเปรี้ยว"),
        ("อำเภอสนามชัยเขตจังหวัดฉะเชิงเทรา", "อำเภอสนามชัยเขต"),
        ("มหาวิทยาลัยราชภัฏราชนครินทร์", "ราชนครินทร์"),
        ("มหาวิทยาลัยราชภัฏราชนครินทร์", "ราชภัฏ"),
        ("เทศบาลนครหาดใหญ่ร่วมกับท้องถิ่น", "เทศบาลนครหาดใหญ่"),
        ("การดำเนินโครงการตามแผน", "โครงการ"),
        # Our dictionary's loose compounds (ริมทะเล, การแปร) must not take a word apart.
        ("ล่องเรือชมวิถีชุมชนริมทะเลสาบ", "ทะเลสาบ"),
        ("ศูนย์การแปรรูปสับปะรดของวิสาหกิจชุมชน", "แปรรูป"),
    ],
)
def test_names_and_compounds_stay_whole(text: str, whole: str) -> None:
    start = text.index(whole)
    position, breaks = 0, []
    for piece in break_pieces(text):
        position += len(piece)
        breaks.append(position)
    assert not [b for b in breaks if start < b < start + len(whole)], break_pieces(text)


@pytest.mark.parametrize(
    "word, parts",
    [
        ("องค์กรปกครองส่วนท้องถิ่น", ["องค์กร", "ปกครอง", "ส่วนท้องถิ่น"]),
        ("สำนักงาน", ["สำนักงาน"]),
        ("ชายแดน", ["ชายแดน"]),
        ("โยธาธิการ", ["โยธาธิการ"]),
        ("อำเภอจะนะ", ["อำเภอ", "จะนะ"]),
        ("เทศบาลนครหาดใหญ่", ["เทศบาลนคร", "หาดใหญ่"]),
        ("บริหารจัดการ", ["บริหาร", "จัดการ"]),
        ("“ระเบียบวาระ", ["“ระเบียบ", "วาระ"]),
    ],
)
def test_a_too_long_word_goes_between_its_own_words_never_inside_a_name(
    word: str, parts: list[str]
) -> None:
    assert split_compound(word) == parts


def test_a_workshop_name_is_never_split() -> None:
    assert split_compound("ภูชี้ฟ้าพัฒนา", ("ภูชี้ฟ้า",)) in (["ภูชี้ฟ้า", "พัฒนา"], ["ภูชี้ฟ้าพัฒนา"])
    assert "ภูชี้ฟ้า" in [p.strip() for p in break_pieces("ส่งเสริมภูชี้ฟ้า", ("ภูชี้ฟ้า",))]


def test_abbreviations_and_numbers_stay_with_their_words() -> None:
    pieces = [p.strip() for p in break_pieces("การประชุม ก.บ.ก. ครั้งที่ 6/2562 ยาว 1,650เมตร")]
    assert "ก.บ.ก." in pieces
    assert "1,650เมตร" in pieces
    assert "ดร.ทศพร" in [p.strip() for p in break_pieces("ดร.ทศพร ศิริสัมพันธ์")]


def test_display_text_marks_breaks_only_for_display() -> None:
    segmenter().words("ก")  # the dictionary is loaded
    text = "ชาวบ้านตำบลนาทับ COVID-19 ขาดแคลนน้ำ"
    shown = display_text(text)
    assert ZERO_WIDTH_SPACE in shown
    assert "COVID-19" in shown  # no marks inside Latin words and numbers
    assert without_break_marks(shown) == text
