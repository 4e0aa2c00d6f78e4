"""The project proposal template's columns (แบบเสนอโครงการ), defined once: the writer
(``export/xlsx_template.py``) writes them and the importer (``services/plan_import.py``)
finds them by these headers. Plain definitions, below both, so that neither the reader
nor the writer has to import the other.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from workshop_app.services.projects import TEXT_FIELDS, ProjectRow, list_projects, plan_years
from workshop_app.services.reference_lists import all_reference_lists
from workshop_app.services.workshops import NumberedRow, get_workshop, list_issues
from workshop_app.thai.dates import fiscal_year_be
from workshop_app.thai.normalize import to_arabic_digits

INSTRUCTIONS_SHEET = "คำชี้แจง"
PROJECT_SHEET = "โครงการ"
ACTIVITY_SHEET = "กิจกรรม"
# The action-plan report's sheet: a file with it is the report, not a filled template.
REPORT_SHEET = "บัญชีรายการชุดโครงการ"


class Kind(enum.StrEnum):
    """What a column holds, which decides how it is written and read."""

    ROW_KEY = "row_key"  # ลำดับ: a whole number the กิจกรรม sheet refers to
    ID = "id"  # the project's id (empty for a new project)
    ISSUE = "issue"  # "n. title", "n" or the title
    TEXT = "text"
    AMOUNT = "amount"  # baht
    WHOLE = "whole"  # a whole number >= 1 (the priority)
    BUDGET_LIST = "budget_list"  # ในกรอบวงเงิน / เกินกรอบวงเงิน
    FORMULA = "formula"  # written by us for the reader's convenience, never imported


@dataclass(frozen=True)
class Column:
    key: str  # a ProjectDraft / ActivityDraft field, or "row", "id", "total", "budget:2571"
    header: str
    width: float
    kind: Kind
    dropdown: str | None = None  # key of a list on the hidden sheet
    other_headers: tuple[str, ...] = ()  # other headers the importer accepts
    required: bool = False  # the importer refuses a sheet without it

    @property
    def headers(self) -> tuple[str, ...]:
        return (self.header, *self.other_headers)


# Dropdown lists of the text fields (reference list names, see reference_lists.py).
_TEXT_DROPDOWNS = {
    "implementing_agency": "agency",
    "funding_source": "funding_source",
    "national_strategy": "national_strategy",
    "master_plan": "master_plan",
    "national_plan": "national_plan",
}
_TEXT_WIDTHS = {
    "name": 40,
    "approach": 30,
    "programme": 24,
    "rationale": 45,
    "objectives": 40,
    "indicators": 36,
    "target_area": 26,
    "implementing_agency": 28,
    "duration": 18,
    "funding_source": 20,
    "outputs": 30,
    "outcomes": 30,
    "national_strategy": 28,
    "master_plan": 30,
    "national_plan": 36,
    "regional_plan": 24,
}

ROW_COLUMN = Column(
    "row", "ลำดับ", 7, Kind.ROW_KEY, other_headers=("ลำดับที่", "ที่", "no"), required=True
)
ISSUE_COLUMN = Column(
    "issue_id",
    "ประเด็นการพัฒนา",
    32,
    Kind.ISSUE,
    dropdown="issue",
    other_headers=("ประเด็น", "ประเด็นยุทธศาสตร์", "issue"),
    required=True,
)
TEXT_COLUMNS: dict[str, Column] = {
    name: Column(
        name,
        thai,
        _TEXT_WIDTHS.get(name, 24),
        Kind.TEXT,
        dropdown=_TEXT_DROPDOWNS.get(name),
        other_headers=(english, name),
        required=name == "name",
    )
    for name, thai, english in TEXT_FIELDS
}
TOTAL_COLUMN = Column("total", "รวมงบประมาณ (บาท)", 16, Kind.FORMULA)
PRIORITY_COLUMN = Column(
    "priority", "ลำดับความสำคัญ", 11, Kind.WHOLE, other_headers=("priority", "จัดลำดับความสำคัญ")
)
BUDGET_LIST_COLUMN = Column(
    "budget_list",
    "บัญชี",
    17,
    Kind.BUDGET_LIST,
    dropdown="budget_list",
    other_headers=("budget list", "บัญชีงบประมาณ", "กรอบวงเงิน"),
)
ID_COLUMN = Column(
    "id",
    "รหัสโครงการ (ห้ามแก้ไข)",
    30,
    Kind.ID,
    other_headers=("รหัสโครงการ", "project id", "id"),
    required=True,
)

ACTIVITY_COLUMNS: tuple[Column, ...] = (
    Column(
        "row",
        "ลำดับโครงการ",
        10,
        Kind.ROW_KEY,
        other_headers=("ลำดับที่โครงการ", "ลำดับ", "project no"),
        required=True,
    ),
    Column("project_name", "ชื่อโครงการ (แสดงเอง)", 40, Kind.FORMULA),
    Column(
        "name",
        "กิจกรรมหลัก",
        44,
        Kind.TEXT,
        other_headers=("กิจกรรม", "ชื่อกิจกรรม", "activity"),
        required=True,
    ),
    Column(
        "budget",
        "งบประมาณ (บาท)",
        16,
        Kind.AMOUNT,
        other_headers=("งบประมาณ", "budget"),
        required=True,
    ),
    Column(
        "responsible_unit",
        "หน่วยรับผิดชอบ",
        30,
        Kind.TEXT,
        dropdown="agency",
        other_headers=("หน่วยงานรับผิดชอบ", "responsible unit"),
        required=True,
    ),
    Column(
        "related_units",
        "หน่วยงานที่เกี่ยวข้อง",
        30,
        Kind.TEXT,
        dropdown="agency",
        other_headers=("หน่วยที่เกี่ยวข้อง", "related units"),
        required=True,
    ),
)

# Any spelling of "งบประมาณปี 2571 (บาท)" once spaces are gone and digits are Arabic.
_BUDGET_HEADER = re.compile(
    r"(?:งบประมาณ|งบ|budget)(?:ปี|fy)?(?:งบประมาณ)?(?:พ\.?ศ\.?)?([0-9]{4})(?:\(?บาท\)?)?",
    re.IGNORECASE,
)


def budget_header(year: int) -> str:
    return f"งบประมาณปี {year} (บาท)"


def budget_year(header: str) -> int | None:
    """The fiscal year a budget column's header names, or None if it is not one."""
    match = _BUDGET_HEADER.fullmatch("".join(to_arabic_digits(header).split()))
    return int(match.group(1)) if match else None


def budget_column(year: int) -> Column:
    return Column(f"budget:{year}", budget_header(year), 16, Kind.AMOUNT)


def project_columns(years: Sequence[int]) -> list[Column]:
    """The โครงการ sheet's columns: number and name first (they stay on screen when the
    sheet scrolls right), then the brief's fields in order, the budgets, the ranking."""
    texts = [TEXT_COLUMNS[name] for name, _th, _en in TEXT_FIELDS if name != "name"]
    return [
        ROW_COLUMN,
        TEXT_COLUMNS["name"],
        ISSUE_COLUMN,
        *texts,
        *(budget_column(year) for year in years),
        TOTAL_COLUMN,
        PRIORITY_COLUMN,
        BUDGET_LIST_COLUMN,
        ID_COLUMN,
    ]


def issue_choice(number: int, title: str) -> str:
    """How the issue dropdown names an issue."""
    return f"{number}. {title}"


@dataclass(frozen=True)
class PlanTemplateContent:
    """What the template writer (``export/xlsx_template.py``) lays out, gathered once."""

    workshop_title: str
    issues: list[NumberedRow]
    projects: list[ProjectRow]  # written into the sheet; empty for a blank template
    years: list[int]  # the budget-year columns
    reference_lists: dict[str, list[str]]  # list name -> its items


def gather_plan_template(
    session: Session, workshop_id: str, *, with_projects: bool = False
) -> PlanTemplateContent:
    """The template of ``workshop_id``: blank for agencies to fill in, or with the
    workshop's projects (``with_projects``) to edit and import back."""
    workshop = get_workshop(session, workshop_id)
    rows = list_projects(session, workshop_id)
    # The years come from every project even in a blank template, so that its columns
    # match the plan's.
    years = plan_years(workshop.fiscal_year, [r.draft for r in rows]) or [
        fiscal_year_be(dt.date.today())
    ]
    return PlanTemplateContent(
        workshop_title=workshop.title,
        issues=list_issues(session, workshop_id),
        projects=rows if with_projects else [],
        years=years,
        reference_lists=all_reference_lists(session, workshop_id),
    )
