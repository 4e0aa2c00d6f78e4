"""Splitting an honorific prefix off a Thai name as people type it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop_app.thai.names import KNOWN_PREFIXES, split_full_name, split_prefix
from workshop_app.thai.normalize import normalize_thai


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("นายสมชาย", ("นาย", "สมชาย")),  # no space, the usual way it is typed
        ("นาย สมชาย", ("นาย", "สมชาย")),
        ("นางสุดา", ("นาง", "สุดา")),
        ("นางสาวสุดา", ("นางสาว", "สุดา")),  # the longer prefix wins over นาง
        ("น.ส.สุดา", ("น.ส.", "สุดา")),
        ("ดร.สมชาย", ("ดร.", "สมชาย")),
        ("ผศ.ดร.สมชาย", ("ผศ.ดร.", "สมชาย")),  # not ผศ. + "ดร.สมชาย"
        ("รศ.ดร. วนิดา", ("รศ.ดร.", "วนิดา")),
        ("ว่าที่ร้อยตรีอนุชา", ("ว่าที่ร้อยตรี", "อนุชา")),
        ("พ.ต.อ.ณรงค์", ("พ.ต.อ.", "ณรงค์")),
        ("Mr. John", ("Mr.", "John")),
        ("mrs. Smith", ("Mrs.", "Smith")),
        ("สมชาย", ("", "สมชาย")),  # no prefix
        ("นาย", ("", "นาย")),  # a prefix alone is not split off
        ("นายก", ("", "นายก")),  # one letter left: not a name, keep everything
    ],
)
def test_split_prefix(typed: str, expected: tuple[str, str]) -> None:
    """The honorific is split off; what is left is the name as written."""
    assert split_prefix(typed) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("ผศ.ดร.สมชาย ใจดี", ("ผศ.ดร.", "สมชาย", "ใจดี")),
        ("นางสาวสุดา  ใจงาม", ("นางสาว", "สุดา", "ใจงาม")),
        ("นายสมชาย", ("นาย", "สมชาย", "")),
        ("สมหญิง ศรีสุข", ("", "สมหญิง", "ศรีสุข")),
        (" นาย\u200bประเสริฐ  วงศ์สวัสดิ์ ", ("นาย", "ประเสริฐ", "วงศ์สวัสดิ์")),
        ("นาง\u0e40\u0e40สงเดือน ทองค\u0e4d\u0e32", ("นาง", "แสงเดือน", "ทองคำ")),
        ("ดร.ณัฐวุฒิ ณ สงขลา", ("ดร.", "ณัฐวุฒิ", "ณ สงขลา")),  # a two-word last name
    ],
)
def test_split_full_name(typed: str, expected: tuple[str, str, str]) -> None:
    """Prefix, first name and last name from one "ชื่อ-สกุล" cell, typing errors repaired."""
    assert split_full_name(typed) == expected


def test_name_beginning_like_a_prefix_keeps_its_letters() -> None:
    """นายิกา is a given name, not นาย + ิกา: a name never starts with a vowel sign."""
    assert split_full_name("นายิกา ศรีเนียน") == ("", "นายิกา", "ศรีเนียน")


def test_longest_prefix_is_not_taken_when_it_cuts_a_word() -> None:
    """นางสาวิตรี is นาง + สาวิตรี (Mrs Savitri), not นางสาว + ิตรี."""
    assert split_full_name("นางสาวิตรี ใจดี") == ("นาง", "สาวิตรี", "ใจดี")


def test_known_prefixes_are_tried_longest_first() -> None:
    """So that ผศ.ดร. wins over ผศ. and นางสาว over นาง."""
    lengths = [len(p) for p in KNOWN_PREFIXES]
    assert lengths == sorted(lengths, reverse=True)


@given(
    st.sampled_from(KNOWN_PREFIXES),
    st.text(alphabet="กขคงจชซดตนบปผพมยรลวสหอะาิีุู่้์ ", min_size=0, max_size=12),
)
def test_no_letter_is_ever_lost(prefix: str, rest: str) -> None:
    """Prefix and name put back together are the normalized input, spaces aside."""
    typed = prefix + rest
    found, name = split_prefix(typed)
    assert (found + name).replace(" ", "") == normalize_thai(typed).replace(" ", "")
