"""Amounts of money as Thai government documents write them.

``baht_text`` spells an amount out in words, the way a budget line or a receipt repeats
the figure in brackets: 1,234.50 -> "หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์". A whole number
of baht ends in "ถ้วน" ("exactly"); an amount under one baht is only satang.

Spelling rules:

* the tens digit 1 is "สิบ" (never "หนึ่งสิบ") and 2 is "ยี่สิบ";
* a units digit 1 is "เอ็ด" when anything higher comes before it in the same number
  (11 สิบเอ็ด, 101 หนึ่งร้อยเอ็ด, 1,000,001 หนึ่งล้านเอ็ด) and "หนึ่ง" when it stands alone;
  baht and satang are separate numbers, so 1.01 is "หนึ่งบาทหนึ่งสตางค์";
* above a million the count of millions is spelled the same way and followed by
  "ล้าน", so a million millions is "หนึ่งล้านล้าน";
* a negative amount starts with "ลบ".

Amounts are rounded to whole satang **half up** (half away from zero, as people round
money by hand): 0.125 -> 0.13 and -0.125 -> -0.13. Python's default, banker's rounding,
would give 0.12. An amount that rounds to zero is "ศูนย์บาทถ้วน", with no "ลบ".

Both functions accept ``Decimal``, ``int`` or ``str``. A string may use Thai digits and
thousands separators ("๑,๒๓๔.๕๐"); separators must group by threes, so "12,50" (a
decimal comma, or a typo) is refused rather than read as 1,250. Binary floats are
refused (``TypeError``): 0.1 + 0.2 is not 0.30 baht; pass a ``Decimal`` or a string.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, localcontext

from workshop_app.thai.normalize import to_arabic_digits, to_thai_digits

_DIGITS = ("ศูนย์", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า")
# Place names within a group of six digits, from the units up.
_PLACES = ("", "สิบ", "ร้อย", "พัน", "หมื่น", "แสน")
_MILLION = 1_000_000

# Amounts this large are surely a mistake (and a Decimal such as 1E+999999999 would
# take a long time to spell out): ten "ล้าน" levels is far beyond any budget.
_MAX_INTEGER_DIGITS = 60

# After Thai digits become Arabic: optional sign, digits with or without correctly
# placed thousands separators, optional fraction. ASCII digits only (``\d`` would
# also accept other scripts' digits).
_AMOUNT = re.compile(
    r"""
    (?P<sign>[+-]?)
    (?P<integer>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)?
    (?:\.(?P<fraction>[0-9]*))?
    """,
    re.VERBOSE,
)


def _unreadable(amount: object, why: str = "") -> ValueError:
    detail = f" ({why})" if why else ""
    return ValueError(
        f"Cannot read {amount!r} as an amount of baht{detail}. อ่าน {amount!r} เป็นจำนวนเงินบาทไม่ได้"
    )


def _parse_text(text: str) -> Decimal:
    cleaned = to_arabic_digits(text.strip())
    match = _AMOUNT.fullmatch(cleaned)
    if (
        not cleaned
        or match is None
        or not (match["integer"] or match["fraction"])  # "", "-", "." have no digits
    ):
        raise _unreadable(text)
    integer = (match["integer"] or "0").replace(",", "")
    fraction = match["fraction"] or "0"
    return Decimal(f"{match['sign']}{integer}.{fraction}")


def parse_baht(text: str) -> Decimal:
    """An amount typed by a person ("1,250,000", "๑๒๐.๗๕", "-5"): ValueError if it is not one."""
    return _parse_text(text)


def _to_satang(amount: Decimal | int | str) -> int:
    """The amount as a signed whole number of satang, rounded half up (away from zero)."""
    if isinstance(amount, bool) or not isinstance(amount, Decimal | int | str):
        raise TypeError(
            f"amount must be a Decimal, int or str, not {type(amount).__name__}; "
            "for money use Decimal('12.34') or '12.34' instead of a float"
        )
    if isinstance(amount, str):
        value = _parse_text(amount)
    elif isinstance(amount, int):
        value = Decimal(amount)
    else:
        value = amount
        if not value.is_finite():
            raise _unreadable(amount, "not a finite number / ไม่ใช่จำนวนจำกัด")
    if value.adjusted() >= _MAX_INTEGER_DIGITS:
        raise _unreadable(amount, "too large / จำนวนมากเกินไป")
    # Enough precision that neither the scaling nor the rounding loses a digit.
    with localcontext() as context:
        context.prec = max(context.prec, value.adjusted() + 10)
        satang = (value * 100).to_integral_value(rounding=ROUND_HALF_UP)
    return int(satang)


def _group_words(number: int, *, more_before: bool) -> str:
    """Words for 0 <= number < 1,000,000; ``more_before``: higher digits precede it."""
    words: list[str] = []
    digits = f"{number:06d}"
    for position, char in enumerate(digits):
        digit = int(char)
        place = len(digits) - 1 - position
        if digit == 0:
            continue
        if place == 1 and digit == 1:
            words.append("สิบ")
        elif place == 1 and digit == 2:
            words.append("ยี่สิบ")
        elif place == 0 and digit == 1 and (more_before or number > 1):
            words.append("เอ็ด")
        else:
            words.append(_DIGITS[digit] + _PLACES[place])
    return "".join(words)


def _number_words(number: int) -> str:
    """Words for a positive whole number, with "ล้าน" after each group of millions."""
    millions, rest = divmod(number, _MILLION)
    if millions == 0:
        return _group_words(rest, more_before=False)
    words = _number_words(millions) + "ล้าน"
    if rest:
        words += _group_words(rest, more_before=True)
    return words


def baht_text(amount: Decimal | int | str) -> str:
    """The amount in Thai words: ``Decimal("120.75")`` -> "หนึ่งร้อยยี่สิบบาทเจ็ดสิบห้าสตางค์".

    Rounds to whole satang half up (see the module notes). Raises ``ValueError`` for a
    string or ``Decimal`` that is not a readable amount and ``TypeError`` for a float.
    """
    signed = _to_satang(amount)
    baht, satang = divmod(abs(signed), 100)
    if baht == 0 and satang == 0:
        return "ศูนย์บาทถ้วน"
    text = "ลบ" if signed < 0 else ""
    if baht:
        text += _number_words(baht) + "บาท"
    text += _number_words(satang) + "สตางค์" if satang else "ถ้วน"
    return text


def format_baht(amount: Decimal | int | str, *, thai_digits: bool = False) -> str:
    """The amount in figures with two decimals and thousands separators: "1,234.50".

    Rounds like ``baht_text``; a negative amount starts with "-". With ``thai_digits``
    the digits are Thai ("๑,๒๓๔.๕๐").
    """
    signed = _to_satang(amount)
    baht, satang = divmod(abs(signed), 100)
    text = f"{'-' if signed < 0 else ''}{baht:,}.{satang:02d}"
    return to_thai_digits(text) if thai_digits else text
