"""Line breaks in Thai: only between words, and the text survives unchanged."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from workshop_app.thai.linebreak import break_pieces, split_compound, wrap

SENTENCE = "ส่งเสริมการแปรรูปยางพาราเป็นผลิตภัณฑ์ชุมชน เพื่อเพิ่มรายได้ของเกษตรกร"


def test_pieces_are_whole_words_and_join_back() -> None:
    pieces = break_pieces(SENTENCE)
    assert "".join(pieces) == SENTENCE
    assert "ยางพารา" in [p.strip() for p in pieces]
    assert "ผลิตภัณฑ์" in [p.strip() for p in pieces]
    # The space stays with the word before it.
    assert "ชุมชน " in pieces


def test_wrap_breaks_between_words_only() -> None:
    lines = wrap(SENTENCE, len, 16)
    assert len(lines) > 2
    assert all(len(line) <= 16 for line in lines)
    boundaries, position = set(), 0
    for piece in break_pieces(SENTENCE):
        position += len(piece)
        boundaries.add(position)
    position = 0
    for line in lines[:-1]:
        start = SENTENCE.index(line, position)
        position = start + len(line)
        assert position in boundaries or SENTENCE[position] == " ", line


def test_a_word_longer_than_the_line_gets_its_own_line() -> None:
    assert wrap("ก abcdefg ข", len, 3) == ["ก", "abcdefg", "ข"]


def test_new_lines_are_kept() -> None:
    assert wrap("ยางพารา\nปาล์มน้ำมัน", len, math.inf) == ["ยางพารา", "ปาล์มน้ำมัน"]


THAI_AND_LATIN = st.text(
    alphabet=st.sampled_from(list("กขคงจยางพาราเป็นผลิตภัณฑ์ชุมชนabc 12")), max_size=60
)


@settings(max_examples=60, deadline=None)
@given(THAI_AND_LATIN, st.integers(min_value=1, max_value=30))
def test_wrapping_loses_no_character(text: str, width: int) -> None:
    assert "".join(break_pieces(text)) == text
    lines = wrap(text, len, width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_a_compound_too_long_for_the_line_breaks_between_its_words() -> None:
    assert split_compound("องค์กรปกครองส่วนท้องถิ่น") == ["องค์กร", "ปกครอง", "ส่วนท้องถิ่น"]
    assert split_compound("ยางพารา") == ["ยาง", "พารา"]
    assert split_compound("ภูชี้ฟ้าxyz") == ["ภูชี้ฟ้าxyz"]
    lines = wrap("ภาคองค์กรปกครองส่วนท้องถิ่น", len, 12)
    assert lines == ["ภาคองค์กร", "ปกครอง", "ส่วนท้องถิ่น"]


def test_no_line_starts_with_a_closing_mark_or_mai_yamok() -> None:
    pieces = break_pieces("บัตร (เจ้าหน้าที่บันทึก 100) และหน่วยงานอื่น ๆ ร่วมด้วย")
    assert "".join(pieces) == "บัตร (เจ้าหน้าที่บันทึก 100) และหน่วยงานอื่น ๆ ร่วมด้วย"
    assert not any(p.lstrip()[:1] in (")", "ๆ") for p in pieces)
    assert not any(p.rstrip().endswith("(") for p in pieces)
    assert any(p.startswith("อื่น ๆ") for p in pieces)
