"""Dates and times as Thai official documents write them."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop_app.thai.dates import (
    THAI_MONTHS,
    THAI_MONTHS_SHORT,
    be_year,
    ce_year,
    fiscal_year_be,
    format_thai_date,
    format_thai_date_short,
    format_thai_time,
    parse_thai_date,
)


def test_full_date_has_day_full_month_and_buddhist_era_year() -> None:
    """25 May 2023 is written 25 พฤษภาคม 2566 (the minutes' เมื่อวันที่ line)."""
    assert format_thai_date(dt.date(2023, 5, 25)) == "25 พฤษภาคม 2566"
    assert format_thai_date(dt.date(2025, 1, 1)) == "1 มกราคม 2568"


def test_full_date_in_thai_digits() -> None:
    """The same date with real Thai digits (U+0E50-0E59), not a font trick."""
    assert format_thai_date(dt.date(2023, 5, 25), thai_digits=True) == "๒๕ พฤษภาคม ๒๕๖๖"


def test_short_date() -> None:
    """7 March 2025 in short form is 7 มี.ค. 68; the year keeps two digits."""
    assert format_thai_date_short(dt.date(2025, 3, 7)) == "7 มี.ค. 68"
    assert format_thai_date_short(dt.date(2057, 12, 31)) == "31 ธ.ค. 00"


def test_every_month_has_its_thai_name() -> None:
    """Twelve distinct full names, January first, and the short forms line up."""
    assert len(set(THAI_MONTHS)) == 12 and len(set(THAI_MONTHS_SHORT)) == 12
    assert [format_thai_date(dt.date(2024, m, 1)).split()[1] for m in (1, 2, 12)] == [
        "มกราคม",
        "กุมภาพันธ์",
        "ธันวาคม",
    ]
    assert THAI_MONTHS_SHORT[4] == "พ.ค." and THAI_MONTHS[4] == "พฤษภาคม"


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (dt.time(9, 30), "09.30 น."),
        (dt.time(16, 5), "16.05 น."),
        (dt.time(0, 0), "00.00 น."),
        (dt.datetime(2025, 3, 7, 13, 45, 59), "13.45 น."),
    ],
)
def test_time_is_written_with_a_dot_and_na(moment: dt.time | dt.datetime, expected: str) -> None:
    """Times read "09.30 น." (hours and minutes, two digits each)."""
    assert format_thai_time(moment) == expected


def test_aware_time_is_shown_in_thai_time() -> None:
    """A UTC check-in time of 02.30 is 09.30 น. in Thailand, whatever the laptop's zone."""
    moment = dt.datetime(2025, 3, 7, 2, 30, tzinfo=dt.UTC)
    assert format_thai_time(moment) == "09.30 น."
    assert format_thai_time(dt.datetime(2025, 3, 7, 20, 15, tzinfo=dt.UTC)) == "03.15 น."


def test_time_in_thai_digits() -> None:
    """เริ่มประชุมเวลา ๐๙.๓๐ น."""
    assert format_thai_time(dt.time(9, 30), thai_digits=True) == "๐๙.๓๐ น."


@pytest.mark.parametrize(
    ("day", "fiscal_year"),
    [
        (dt.date(2024, 9, 30), 2567),  # last day of FY 2567
        (dt.date(2024, 10, 1), 2568),  # FY 2568 starts 1 Oct 2567
        (dt.date(2025, 1, 15), 2568),
        (dt.date(2025, 9, 30), 2568),
        (dt.date(2025, 10, 1), 2569),
        (dt.date(2024, 12, 31), 2568),
    ],
)
def test_fiscal_year_runs_october_to_september(day: dt.date, fiscal_year: int) -> None:
    """ปีงบประมาณ: 1 October to 30 September, named by the year it ends in."""
    assert fiscal_year_be(day) == fiscal_year


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)))
def test_fiscal_year_is_the_be_year_or_the_next(day: dt.date) -> None:
    """Jan-Sep: the B.E. year of the date; Oct-Dec: the next one."""
    expected = be_year(day.year) + (1 if day.month >= 10 else 0)
    assert fiscal_year_be(day) == expected


@given(st.integers(min_value=1, max_value=9999))
def test_buddhist_era_is_543_years_ahead(year: int) -> None:
    """2025 CE is 2568 B.E., and the conversion round-trips."""
    assert be_year(year) == year + 543
    assert ce_year(be_year(year)) == year


@pytest.mark.parametrize(
    "typed",
    [
        "25/5/2566",
        "25-05-2566",
        "25 พฤษภาคม 2566",
        "25 พฤษภาคม พ.ศ. 2566",
        "25 พ.ค. 66",
        "25 พ.ค 66",
        "๒๕/๕/๒๕๖๖",
        " 25/5/2023 ",  # a Christian-era year is accepted too
    ],
)
def test_parse_thai_date_reads_the_ways_people_type_it(typed: str) -> None:
    """Every common way of typing 25 May 2023 (B.E. 2566) gives that date."""
    assert parse_thai_date(typed) == dt.date(2023, 5, 25)


def test_parse_thai_date_empty_is_no_date() -> None:
    """Empty or blank text means no date, not an error."""
    assert parse_thai_date("") is None
    assert parse_thai_date(" \u200b ") is None


@pytest.mark.parametrize(
    "typed", ["31/2/2566", "25/13/2566", "25 พฤษภา 2566", "25/5", "abc/5/2566", "25 May 2023"]
)
def test_parse_thai_date_refuses_nonsense(typed: str) -> None:
    """Impossible dates, unknown month names and missing parts raise ValueError."""
    with pytest.raises(ValueError, match=r"."):
        parse_thai_date(typed)


@given(st.dates(min_value=dt.date(1857, 1, 1), max_value=dt.date(2156, 12, 31)), st.booleans())
def test_formatted_dates_parse_back(day: dt.date, thai_digits: bool) -> None:
    """What format_thai_date writes, parse_thai_date reads back to the same date."""
    assert parse_thai_date(format_thai_date(day, thai_digits=thai_digits)) == day


@given(st.dates(min_value=dt.date(1957, 1, 1), max_value=dt.date(2056, 12, 31)))
def test_short_dates_parse_back_within_the_century(day: dt.date) -> None:
    """ "7 มี.ค. 68" style dates round-trip for B.E. 2500-2599."""
    assert parse_thai_date(format_thai_date_short(day)) == day
