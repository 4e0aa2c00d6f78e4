"""normalize_thai repairs how Thai is mistyped; search_key and the digit helpers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop_app.thai.normalize import (
    THAI_DIGITS,
    normalize_thai,
    search_key,
    to_arabic_digits,
    to_thai_digits,
)

# Thai letters, the marks that are typed in the wrong order or twice, spaces and the
# invisible characters that come with text pasted from the web.
THAI_TEXT = st.text(
    alphabet=st.sampled_from(
        list("กขงชดตนบปมยรลวสหอะาำเแโใไ")
        + list("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39")  # vowels above/below
        + list("\u0e48\u0e49\u0e4a\u0e4b\u0e47\u0e4c\u0e4d")  # tone marks, ็ ์ ํ
        + [" ", "\t", "\u00a0", "\u200b", "\ufeff", "\u00ad"]
    ),
    max_size=30,
)
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("ก\u0e48\u0e35", "กี่"),  # ไม้เอก typed before สระอี
        ("ป\u0e48\u0e34นแก\u0e49ว", "ปิ่นแก้ว"),  # before สระอิ
        ("ป\u0e48\u0e39", "ปู่"),  # before สระอู (below)
        ("น\u0e49\u0e33", "น้ำ"),  # already correct: unchanged
    ],
)
def test_tone_mark_typed_before_vowel_is_moved_after_it(typed: str, expected: str) -> None:
    """A tone mark typed before an upper or lower vowel ends up after it."""
    assert normalize_thai(typed) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("กี่\u0e48", "กี่"),  # tone mark twice
        ("ก\u0e35\u0e35่", "กี่"),  # vowel twice
        ("การันต์\u0e4c", "การันต์"),  # thanthakhat twice
        ("เล็\u0e47ก", "เล็ก"),  # mai taikhu twice
    ],
)
def test_doubled_marks_are_collapsed(typed: str, expected: str) -> None:
    """A mark typed twice in a row counts once."""
    assert normalize_thai(typed) == expected


def test_two_sara_e_become_sara_ae() -> None:
    """แ typed as two เ is the same letter as แ (U+0E41)."""
    assert normalize_thai("\u0e40\u0e40ก้ว") == "\u0e41ก้ว"
    assert normalize_thai("ศรี\u0e40\u0e40สง") == "ศรีแสง"


def test_nikhahit_plus_sara_aa_becomes_sara_am() -> None:
    """ํ + า (how some keyboards and PDFs give สระอำ) is the single letter ำ."""
    assert normalize_thai("ส\u0e4d\u0e32นักงาน") == "สำนักงาน"
    assert normalize_thai("น\u0e49\u0e4d\u0e32") == "น้ำ"


def test_nikhahit_before_tone_mark_and_sara_aa_becomes_sara_am() -> None:
    """นํ้า looks exactly like น้ำ on screen, so it must normalize to it."""
    assert normalize_thai("น\u0e4d\u0e49\u0e32") == "น้ำ"


def test_doubled_tone_mark_typed_before_vowel_is_repaired() -> None:
    """ก + ่ + ่ + ี (tone typed twice, before the vowel) is กี่, and a second pass agrees."""
    typed = "ก\u0e48\u0e48\u0e35"
    assert normalize_thai(typed) == "กี่"
    assert normalize_thai(normalize_thai(typed)) == normalize_thai(typed)


@pytest.mark.parametrize("invisible", list(ZERO_WIDTH))
def test_zero_width_characters_are_removed(invisible: str) -> None:
    """Zero-width spaces, joiners, BOM and soft hyphens pasted from the web disappear."""
    assert normalize_thai(f"สม{invisible}ชาย") == "สมชาย"
    assert normalize_thai(f"{invisible}สมชาย{invisible}") == "สมชาย"


def test_white_space_is_folded_and_trimmed() -> None:
    """Runs of spaces, tabs, no-break spaces and newlines become one space."""
    assert normalize_thai("  สมชาย \t\u00a0 ใจดี\n") == "สมชาย ใจดี"
    assert normalize_thai(" \t\n") == ""


def test_correct_text_is_left_alone() -> None:
    """Well-formed Thai, Latin text and digits pass through unchanged."""
    text = "สำนักงานจังหวัดสงขลา ถนนราชดำเนิน 90000 Songkhla"
    assert normalize_thai(text) == text


@given(THAI_TEXT)
def test_output_has_no_invisible_characters_or_loose_space(text: str) -> None:
    """Whatever is typed, the result has no zero-width characters or untidy spaces."""
    result = normalize_thai(text)
    assert not any(c in ZERO_WIDTH for c in result)
    assert result == result.strip()
    assert "  " not in result
    assert "\t" not in result and "\u00a0" not in result


@given(THAI_TEXT)
def test_output_has_no_double_sara_e_or_split_sara_am(text: str) -> None:
    """เเ and ํา never survive normalization."""
    result = normalize_thai(text)
    assert "\u0e40\u0e40" not in result
    assert "\u0e4d\u0e32" not in result


def test_search_key_folds_case_digits_and_typing_errors() -> None:
    """search_key makes what a user types comparable to what is stored."""
    assert search_key("ABC Co., Ltd.") == "abc co., ltd."
    assert search_key("รหัส ๑๒๓") == "รหัส 123"
    assert search_key("ส\u0e4d\u0e32นักงาน  \u0e40\u0e40ก้ว") == search_key("สำนักงาน แก้ว")
    assert search_key("ป\u0e48\u0e34น") == "ปิ่น"


def test_thai_and_arabic_digits_convert_both_ways() -> None:
    """Thai digits ๐-๙ (U+0E50-0E59) map one to one onto 0-9; other text is kept."""
    assert "".join(chr(0x0E50 + i) for i in range(10)) == THAI_DIGITS
    assert to_arabic_digits("๐๘๑-๒๓๔-๕๖๗๘") == "081-234-5678"
    assert to_thai_digits("ครั้งที่ 1/2568 เวลา 09.30 น.") == "ครั้งที่ ๑/๒๕๖๘ เวลา ๐๙.๓๐ น."
    assert to_arabic_digits("ไม่มีตัวเลข") == "ไม่มีตัวเลข"


@given(st.text(alphabet="0123456789 ./-", max_size=20))
def test_digit_conversion_round_trips(text: str) -> None:
    """Arabic -> Thai -> Arabic gives back the same text, and Thai output has no 0-9."""
    thai = to_thai_digits(text)
    assert to_arabic_digits(thai) == text
    assert not any(c in "0123456789" for c in thai)
