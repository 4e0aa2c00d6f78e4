"""Dates and times written the Thai official way: Buddhist Era years, full month names."""

from __future__ import annotations

import datetime as dt

from workshop_app.thai.normalize import to_thai_digits

BE_OFFSET = 543
# Workshops happen in Thailand: times are shown in Thai time whatever the laptop's zone.
THAI_TZ = dt.timezone(dt.timedelta(hours=7), "ICT")

THAI_MONTHS = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
THAI_MONTHS_SHORT = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)


def be_year(year_ce: int) -> int:
    return year_ce + BE_OFFSET


def ce_year(year_be: int) -> int:
    return year_be - BE_OFFSET


def format_thai_date(day: dt.date, *, thai_digits: bool = False) -> str:
    """25 พฤษภาคม 2566"""
    text = f"{day.day} {THAI_MONTHS[day.month - 1]} {be_year(day.year)}"
    return to_thai_digits(text) if thai_digits else text


def format_thai_date_short(day: dt.date) -> str:
    """7 มี.ค. 68"""
    return f"{day.day} {THAI_MONTHS_SHORT[day.month - 1]} {be_year(day.year) % 100:02d}"


def format_thai_time(moment: dt.time | dt.datetime, *, thai_digits: bool = False) -> str:
    """09.30 น. (an aware datetime is shown in Thai time)"""
    if isinstance(moment, dt.datetime) and moment.tzinfo is not None:
        moment = moment.astimezone(THAI_TZ)
    text = f"{moment.hour:02d}.{moment.minute:02d} น."
    return to_thai_digits(text) if thai_digits else text


def fiscal_year_be(day: dt.date) -> int:
    """Thai fiscal year (B.E.) of a date: FY 2568 runs 1 Oct 2567 - 30 Sep 2568."""
    year_be = be_year(day.year)
    return year_be + 1 if day.month >= 10 else year_be


def parse_thai_date(text: str) -> dt.date | None:
    """Read a date as Thai users type it; return None for empty text.

    Accepts "25/5/2566", "25-05-2566", "25 พฤษภาคม 2566", "25 พ.ค. 66", Thai digits,
    and Christian-era years (a year below 2400 is taken as C.E.). Raises ValueError.
    """
    from workshop_app.thai.normalize import normalize_thai, to_arabic_digits

    cleaned = to_arabic_digits(normalize_thai(text)).replace("พ.ศ.", "").strip()
    if not cleaned:
        return None
    parts = cleaned.replace("/", " ").replace("-", " ").split()
    if len(parts) != 3:
        raise ValueError(f"not a date: {text!r}")
    day_text, month_text, year_text = parts
    if month_text.isdigit():
        month = int(month_text)
    elif month_text in THAI_MONTHS:
        month = THAI_MONTHS.index(month_text) + 1
    elif month_text in THAI_MONTHS_SHORT or month_text + "." in THAI_MONTHS_SHORT:
        short = month_text if month_text in THAI_MONTHS_SHORT else month_text + "."
        month = THAI_MONTHS_SHORT.index(short) + 1
    else:
        raise ValueError(f"unknown month: {month_text!r}")
    if not (day_text.isdigit() and year_text.isdigit()):
        raise ValueError(f"not a date: {text!r}")
    year = int(year_text)
    if year < 100:  # "66" in a Thai short date is B.E. 2566
        year += 2500
    if year >= 2400:
        year -= BE_OFFSET
    return dt.date(year, month, int(day_text))
