"""Baht amounts in words and figures, as Thai government documents write them."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop_app.thai.money import baht_text, format_baht
from workshop_app.thai.normalize import to_thai_digits

WORDS: list[tuple[Decimal | int | str, str]] = [
    (0, "ศูนย์บาทถ้วน"),
    (1, "หนึ่งบาทถ้วน"),
    (10, "สิบบาทถ้วน"),
    (11, "สิบเอ็ดบาทถ้วน"),
    (20, "ยี่สิบบาทถ้วน"),
    (21, "ยี่สิบเอ็ดบาทถ้วน"),
    (101, "หนึ่งร้อยเอ็ดบาทถ้วน"),
    (110, "หนึ่งร้อยสิบบาทถ้วน"),
    (1001, "หนึ่งพันเอ็ดบาทถ้วน"),
    (1234, "หนึ่งพันสองร้อยสามสิบสี่บาทถ้วน"),
    (10_000, "หนึ่งหมื่นบาทถ้วน"),
    (120_000, "หนึ่งแสนสองหมื่นบาทถ้วน"),
    (1_000_000, "หนึ่งล้านบาทถ้วน"),
    (1_000_001, "หนึ่งล้านเอ็ดบาทถ้วน"),
    (1_000_010, "หนึ่งล้านสิบบาทถ้วน"),
    (11_000_000, "สิบเอ็ดล้านบาทถ้วน"),
    (21_000_000, "ยี่สิบเอ็ดล้านบาทถ้วน"),
    (101_000_000, "หนึ่งร้อยเอ็ดล้านบาทถ้วน"),
    (
        987_654_321,
        "เก้าร้อยแปดสิบเจ็ดล้านหกแสนห้าหมื่นสี่พันสามร้อยยี่สิบเอ็ดบาทถ้วน",
    ),
    (1_000_000_000_000, "หนึ่งล้านล้านบาทถ้วน"),
    (2_000_001_000_000, "สองล้านเอ็ดล้านบาทถ้วน"),
    (1_000_000_000_001, "หนึ่งล้านล้านเอ็ดบาทถ้วน"),
    (21_000_000_000_000, "ยี่สิบเอ็ดล้านล้านบาทถ้วน"),
    (10**18, "หนึ่งล้านล้านล้านบาทถ้วน"),
    (Decimal("120.75"), "หนึ่งร้อยยี่สิบบาทเจ็ดสิบห้าสตางค์"),
    ("120.75", "หนึ่งร้อยยี่สิบบาทเจ็ดสิบห้าสตางค์"),
    (Decimal("0.50"), "ห้าสิบสตางค์"),
    (Decimal("0.01"), "หนึ่งสตางค์"),
    (Decimal("0.11"), "สิบเอ็ดสตางค์"),
    (Decimal("0.21"), "ยี่สิบเอ็ดสตางค์"),
    (Decimal("1.01"), "หนึ่งบาทหนึ่งสตางค์"),
    (Decimal("1.10"), "หนึ่งบาทสิบสตางค์"),
    (Decimal("1234.00"), "หนึ่งพันสองร้อยสามสิบสี่บาทถ้วน"),
    (Decimal("1E+6"), "หนึ่งล้านบาทถ้วน"),
    # Strings: Thai digits, thousands separators, signs, spaces around.
    ("๑,๒๓๔.๕๐", "หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์"),
    ("1,000,000", "หนึ่งล้านบาทถ้วน"),
    ("  21 ", "ยี่สิบเอ็ดบาทถ้วน"),
    (".5", "ห้าสิบสตางค์"),
    ("7.", "เจ็ดบาทถ้วน"),
    ("+3", "สามบาทถ้วน"),
    ("๐", "ศูนย์บาทถ้วน"),
    # Rounded to satang half up (away from zero), not banker's rounding.
    (Decimal("0.125"), "สิบสามสตางค์"),
    (Decimal("0.005"), "หนึ่งสตางค์"),
    (Decimal("0.0049"), "ศูนย์บาทถ้วน"),
    (Decimal("2.675"), "สองบาทหกสิบแปดสตางค์"),
    (Decimal("0.995"), "หนึ่งบาทถ้วน"),
    (Decimal("99.999"), "หนึ่งร้อยบาทถ้วน"),
    # Negative amounts.
    (-5, "ลบห้าบาทถ้วน"),
    ("-1,234.50", "ลบหนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์"),
    (Decimal("-0.125"), "ลบสิบสามสตางค์"),
    (Decimal("-0.001"), "ศูนย์บาทถ้วน"),  # rounds to zero: no ลบ
    ("-0", "ศูนย์บาทถ้วน"),
]


@pytest.mark.parametrize(("amount", "expected"), WORDS, ids=repr)
def test_baht_text(amount: Decimal | int | str, expected: str) -> None:
    assert baht_text(amount) == expected


FIGURES: list[tuple[Decimal | int | str, str]] = [
    (0, "0.00"),
    (Decimal("1234.5"), "1,234.50"),
    ("๑,๒๓๔.๕", "1,234.50"),
    (1_000_000_000_000, "1,000,000,000,000.00"),
    (Decimal("0.125"), "0.13"),
    (Decimal("-0.125"), "-0.13"),
    (Decimal("-0.001"), "0.00"),
    ("-1234.567", "-1,234.57"),
    (Decimal("999.995"), "1,000.00"),
]


@pytest.mark.parametrize(("amount", "expected"), FIGURES, ids=repr)
def test_format_baht(amount: Decimal | int | str, expected: str) -> None:
    assert format_baht(amount) == expected


def test_format_baht_in_thai_digits() -> None:
    assert format_baht(Decimal("1234.5"), thai_digits=True) == "๑,๒๓๔.๕๐"
    assert format_baht(-7, thai_digits=True) == "-๗.๐๐"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "-",
        ".",
        "abc",
        "12,50",  # a decimal comma (or a typo): not 1,250
        "1,23,456",
        "1000,000",
        ",100",
        "1 234",
        "1.2.3",
        "--1",
        "1e3",
        "NaN",
        "Infinity",
        "1_000",
        "100 บาท",
        "١٢٣",  # Arabic-Indic digits are not Thai digits
    ],
)
def test_unreadable_text_raises_value_error_in_english_and_thai(text: str) -> None:
    with pytest.raises(ValueError, match="Cannot read") as raised:
        baht_text(text)
    assert "อ่าน" in str(raised.value)
    with pytest.raises(ValueError):
        format_baht(text)


@pytest.mark.parametrize("amount", [Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity")])
def test_non_finite_decimal_raises_value_error(amount: Decimal) -> None:
    with pytest.raises(ValueError, match="finite"):
        baht_text(amount)


def test_absurdly_large_amount_raises_value_error() -> None:
    with pytest.raises(ValueError, match="too large"):
        baht_text(Decimal("1E+999999999"))
    with pytest.raises(ValueError, match="too large"):
        baht_text(10**60)
    assert baht_text(10**60 - 1).endswith("บาทถ้วน")


@pytest.mark.parametrize("amount", [1.5, True, None, b"12"])
def test_floats_and_other_types_are_refused(amount: object) -> None:
    with pytest.raises(TypeError):
        baht_text(amount)  # type: ignore[arg-type]


# --- Properties -------------------------------------------------------------------

_NUMBERS = {
    "ศูนย์": 0,
    "หนึ่ง": 1,
    "เอ็ด": 1,
    "สอง": 2,
    "ยี่": 2,
    "สาม": 3,
    "สี่": 4,
    "ห้า": 5,
    "หก": 6,
    "เจ็ด": 7,
    "แปด": 8,
    "เก้า": 9,
}
_PLACES = {"สิบ": 10, "ร้อย": 100, "พัน": 1000, "หมื่น": 10_000, "แสน": 100_000}
_WORD = "|".join(sorted([*_NUMBERS, *_PLACES, "ล้าน"], key=len, reverse=True))


def _read_number(words: str) -> int:
    """An independent reader of Thai number words, to check ``baht_text`` against."""
    tokens = re.findall(_WORD, words)
    assert "".join(tokens) == words, f"unexpected words in {words!r}"
    total = group = 0
    digit: int | None = None
    for token in tokens:
        if token in _NUMBERS:
            assert digit is None, f"two digits in a row in {words!r}"
            digit = _NUMBERS[token]
        elif token in _PLACES:
            group += (1 if digit is None else digit) * _PLACES[token]
            digit = None
        else:  # ล้าน
            total = (total + group + (digit or 0)) * 1_000_000
            group, digit = 0, None
    return total + group + (digit or 0)


def _read_baht_text(text: str) -> Decimal:
    negative = text.startswith("ลบ")
    text = text.removeprefix("ลบ")
    if text == "ศูนย์บาทถ้วน":
        return Decimal(0)
    baht_words, _, rest = text.rpartition("บาท")
    baht = _read_number(baht_words) if baht_words else 0
    if rest == "ถ้วน":
        satang = 0
    else:
        assert rest.endswith("สตางค์"), text
        satang = _read_number(rest.removesuffix("สตางค์"))
        assert 0 < satang < 100
    value = Decimal(baht) + Decimal(satang) / 100
    return -value if negative else value


_amounts = st.decimals(
    min_value=Decimal("-1E+20"), max_value=Decimal("1E+20"), places=2, allow_nan=False
)


@given(_amounts)
def test_words_read_back_as_the_amount(amount: Decimal) -> None:
    """Reading the words back gives the amount: nothing is lost or doubled."""
    assert _read_baht_text(baht_text(amount)) == amount


@given(st.decimals(min_value=-(10**15), max_value=10**15, allow_nan=False, places=4))
def test_ends_in_thuan_exactly_when_there_are_no_satang(amount: Decimal) -> None:
    text = baht_text(amount)
    rounded = Decimal(format_baht(amount).replace(",", ""))
    assert text
    assert text.endswith("ถ้วน") == (rounded % 1 == 0)
    assert text.endswith("สตางค์") == (rounded % 1 != 0)
    assert text.startswith("ลบ") == (rounded < 0)
    assert "หนึ่งสิบ" not in text and "สองสิบ" not in text


@given(_amounts)
def test_thai_digits_and_separators_read_like_the_number(amount: Decimal) -> None:
    figures = format_baht(amount)
    assert Decimal(figures.replace(",", "")) == amount
    assert baht_text(to_thai_digits(figures)) == baht_text(amount)
    assert baht_text(str(amount)) == baht_text(amount)
