"""thai_sort_key gives the order of the Royal Institute dictionary, not code point order."""

from __future__ import annotations

import random

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from workshop_app.thai.collate import thai_sort_key, thai_sorted
from workshop_app.thai.normalize import normalize_thai

CONSONANTS = "กขคงจฉชซญดตถทธนบปผพฟภมยรลวศสหอฮ"
LEADING_VOWELS = "เแโใไ"
TAIL = st.text(alphabet=CONSONANTS + "ะัาิีึืุู่้๊๋็์", max_size=6)


def test_leading_vowels_sort_by_the_consonant_after_them() -> None:
    """ไก่ and เกม sort among the ก words, before ขา; plain sorted() puts them last."""
    words = ["ไก่", "กา", "เกม", "ขา"]
    assert thai_sorted(words) == ["กา", "เกม", "ไก่", "ขา"]
    assert sorted(words) == ["กา", "ขา", "เกม", "ไก่"]  # code point order is wrong


def test_consonant_follower_comes_before_vowel_follower() -> None:
    """In the dictionary กง and กรรม come before กะ and กา (consonants sort before vowels)."""
    assert thai_sorted(["กา", "กะ", "กรรม", "กง"]) == ["กง", "กรรม", "กะ", "กา"]


def test_following_vowels_then_leading_vowels_in_dictionary_order() -> None:
    """Under one consonant: ะ ั า ำ ิ ี ึ ื ุ ู, then the เ แ โ ใ ไ words."""
    expected = [
        "กะ",
        "กัน",
        "กา",
        "กำ",
        "กิน",
        "กี",
        "กึก",
        "กือ",
        "กุ้ง",
        "กู",
        "เก",
        "แก",
        "โก",
        "ใกล้",
        "ไก",
    ]
    shuffled = expected[:]
    random.Random(7).shuffle(shuffled)
    assert thai_sorted(shuffled) == expected


def test_tone_marks_only_break_ties() -> None:
    """กา ก่า ก้า come together, before กาก; a tone mark never outweighs a letter."""
    assert thai_sorted(["กาก", "ก้า", "กา", "ก่า"]) == ["กา", "ก่า", "ก้า", "กาก"]
    assert thai_sorted(["กลาด", "กล้า"]) == ["กล้า", "กลาด"]


def test_a_word_comes_before_its_longer_compounds() -> None:
    """กลุ่ม before กลุ่มย่อย, ไม้ before ไม้แก่."""
    assert thai_sorted(["กลุ่มย่อย", "กลุ่ม"]) == ["กลุ่ม", "กลุ่มย่อย"]
    assert thai_sorted(["ไม้แก่", "ไม้"]) == ["ไม้", "ไม้แก่"]


def test_first_names_in_dictionary_order() -> None:
    """An attendance sheet: ก ช พ(ไพ) ส(สม) ส(แส) อ(เอ)."""
    names = ["เอกชัย", "แสงเดือน", "ไพโรจน์", "สมชาย", "กาญจนา", "ชุติมา"]
    assert thai_sorted(names) == ["กาญจนา", "ชุติมา", "ไพโรจน์", "สมชาย", "แสงเดือน", "เอกชัย"]
    assert sorted(names) != thai_sorted(names)


def test_mistyped_text_sorts_like_the_correct_text() -> None:
    """The key normalizes first: เเ typed for แ and a misplaced tone mark change nothing."""
    assert thai_sort_key("\u0e40\u0e40สงทอง") == thai_sort_key("แสงทอง")
    assert thai_sort_key("ป\u0e48\u0e34น") == thai_sort_key("ปิ่น")


@pytest.mark.parametrize("vowel", list(LEADING_VOWELS))
def test_each_leading_vowel_files_under_its_consonant(vowel: str) -> None:
    """x + ก ... sorts after ก and before ข, whichever leading vowel x is."""
    assert thai_sorted([f"{vowel}ข", f"{vowel}ก", "ขา", "กา"]) == [
        "กา",
        f"{vowel}ก",
        "ขา",
        f"{vowel}ข",
    ]


@given(
    st.sampled_from(CONSONANTS),
    st.sampled_from(CONSONANTS),
    st.sampled_from(["", *LEADING_VOWELS]),
    st.sampled_from(["", *LEADING_VOWELS]),
    TAIL,
    TAIL,
)
def test_the_first_consonant_decides_before_anything_else(
    c1: str, c2: str, v1: str, v2: str, tail1: str, tail2: str
) -> None:
    """Two words whose first consonants differ sort by those consonants (dictionary order
    of consonants is code point order), whatever leading vowels and letters follow."""
    assume(c1 != c2)
    first, second = v1 + c1 + tail1, v2 + c2 + tail2
    assert (thai_sort_key(first) < thai_sort_key(second)) == (c1 < c2)


@given(st.text(alphabet=CONSONANTS + LEADING_VOWELS + "ะาิี่้ \u200b", max_size=12))
def test_key_ignores_how_the_text_was_typed(text: str) -> None:
    """The key of a string equals the key of its normalized form."""
    assert thai_sort_key(text) == thai_sort_key(normalize_thai(text))
