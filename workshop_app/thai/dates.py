"""Dates and times written the Thai official way: Buddhist Era years, full month names."""

from __future__ import annotations

import datetime as dt

from workshop_app.thai.normalize import to_thai_digits

BE_OFFSET = 543

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
    """09.30 น."""
    text = f"{moment.hour:02d}.{moment.minute:02d} น."
    return to_thai_digits(text) if thai_digits else text


def fiscal_year_be(day: dt.date) -> int:
    """Thai fiscal year (B.E.) of a date: FY 2568 runs 1 Oct 2567 - 30 Sep 2568."""
    year_be = be_year(day.year)
    return year_be + 1 if day.month >= 10 else year_be
