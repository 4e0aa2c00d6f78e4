"""The project proposal template: its sheets, headers, input cells that keep what is typed
as typed, dropdowns, the workshop's projects when asked for, and formulas that work in
LibreOffice."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.libreoffice import LibreOffice
from workshop_app.db.database import Database
from workshop_app.export.xlsx_common import LISTS_SHEET, TEXT_FORMAT
from workshop_app.export.xlsx_template import (
    BLANK_PROJECT_ROWS,
    FIRST_ROW,
    HEADER_ROW,
    write_plan_template,
)
from workshop_app.services.plan_template import (
    ACTIVITY_COLUMNS,
    ACTIVITY_SHEET,
    INSTRUCTIONS_SHEET,
    PROJECT_SHEET,
    Kind,
    budget_header,
    budget_year,
    gather_plan_template,
    issue_choice,
    project_columns,
)
from workshop_app.services.projects import (
    BUDGET_LIST_LABELS,
    TEXT_FIELDS,
    ActivityDraft,
    ProjectRow,
    list_projects,
    update_project,
)
from workshop_app.services.table_import import header_key
from workshop_app.services.workshops import get_workshop, list_issues, update_workshop


@pytest.fixture
def year(db: Database, demo_workshop: str) -> int:
    """The demo's plan year: the fiscal year of its date (today) + 2, so not a literal."""
    with db.transaction() as session:
        fiscal_year = get_workshop(session, demo_workshop).fiscal_year
    assert fiscal_year is not None
    return fiscal_year


@pytest.fixture
def blank(db: Database, demo_workshop: str, tmp_path: Path) -> Path:
    path = tmp_path / "blank.xlsx"
    with db.transaction() as session:
        write_plan_template(gather_plan_template(session, demo_workshop), path)
    return path


@pytest.fixture
def filled(db: Database, demo_workshop: str, tmp_path: Path) -> Path:
    path = tmp_path / "filled.xlsx"
    with db.transaction() as session:
        write_plan_template(gather_plan_template(session, demo_workshop, with_projects=True), path)
    return path


def projects(db: Database, workshop_id: str) -> list[ProjectRow]:
    with db.transaction() as session:
        return list_projects(session, workshop_id)


def headers(sheet: Any) -> dict[str, int]:
    return {str(cell.value): cell.column for cell in sheet[HEADER_ROW] if cell.value is not None}


def test_sheets_in_order_the_lists_hidden(blank: Path) -> None:
    workbook = openpyxl.load_workbook(blank)
    assert workbook.sheetnames == [INSTRUCTIONS_SHEET, PROJECT_SHEET, ACTIVITY_SHEET, LISTS_SHEET]
    assert workbook[LISTS_SHEET].sheet_state == "hidden"
    assert workbook.active.title == INSTRUCTIONS_SHEET


def test_headers_are_the_column_definitions(blank: Path, year: int) -> None:
    workbook = openpyxl.load_workbook(blank)
    sheet = workbook[PROJECT_SHEET]
    written = [cell.value for cell in sheet[HEADER_ROW]]
    expected = project_columns([year])  # the demo's fiscal year, no other year used
    assert written == [c.header for c in expected]
    assert f"งบประมาณปี {year} (บาท)" in written
    # Every text field of the project brief has its column.
    assert {thai for _name, thai, _en in TEXT_FIELDS} <= set(written)
    assert [c.value for c in workbook[ACTIVITY_SHEET][HEADER_ROW]] == [
        c.header for c in ACTIVITY_COLUMNS
    ]
    assert sheet.freeze_panes == f"C{FIRST_ROW}"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"


def test_column_headers_never_collide() -> None:
    """The importer finds columns by header: no two columns may share a way of writing it."""
    for columns in (project_columns([2571, 2572]), list(ACTIVITY_COLUMNS)):
        named: dict[str, set[str]] = {}
        for column in columns:
            for header in column.headers:
                named.setdefault(header_key(header), set()).add(column.key)
        assert {k: v for k, v in named.items() if len(v) > 1} == {}
    assert budget_year(budget_header(2571)) == 2571
    assert budget_year("งบประมาณ ปี ๒๕๗๒") == 2572
    assert budget_year("งบประมาณปี พ.ศ. 2573 (บาท)") == 2573
    assert budget_year("รวมงบประมาณ (บาท)") is None


def test_blank_template_has_numbered_empty_rows_that_keep_typing_as_text(
    blank: Path, year: int
) -> None:
    sheet = openpyxl.load_workbook(blank)[PROJECT_SHEET]
    columns = project_columns([year])
    kinds = {c.header: c.kind for c in columns}
    position = headers(sheet)
    for row in (FIRST_ROW, FIRST_ROW + BLANK_PROJECT_ROWS - 1):
        assert sheet.cell(row, 1).value == row - FIRST_ROW + 1  # the ลำดับ
        for header, column in position.items():
            cell = sheet.cell(row, column)
            if kinds[header] is Kind.FORMULA:
                assert str(cell.value).startswith("=IF(COUNT(")
            elif kinds[header] is not Kind.ROW_KEY:
                assert cell.value is None, header
            if kinds[header] in (Kind.TEXT, Kind.ISSUE, Kind.BUDGET_LIST, Kind.ID):
                assert cell.number_format == TEXT_FORMAT, header
            if kinds[header] is Kind.AMOUNT:
                assert cell.number_format == "#,##0"
    assert sheet.max_row == FIRST_ROW + BLANK_PROJECT_ROWS - 1


def test_dropdowns_offer_the_lists(blank: Path, db: Database, demo_workshop: str) -> None:
    workbook = openpyxl.load_workbook(blank)
    sheet = workbook[PROJECT_SHEET]
    position = headers(sheet)
    by_list = {
        str(v.formula1).lstrip("="): str(v.sqref) for v in sheet.data_validations.dataValidation
    }
    last = FIRST_ROW + BLANK_PROJECT_ROWS - 1

    def cells(header: str) -> str:
        letter = openpyxl.utils.get_column_letter(position[header])
        return f"{letter}{FIRST_ROW}:{letter}{last}"

    assert by_list["list_issue"] == cells("ประเด็นการพัฒนา")
    assert by_list["list_agency"] == cells("หน่วยดำเนินการ")
    assert by_list["list_funding_source"] == cells("แหล่งงบประมาณ")
    assert by_list["list_national_strategy"] == cells("ยุทธศาสตร์ชาติ")
    assert by_list["list_master_plan"] == cells("แผนแม่บทภายใต้ยุทธศาสตร์ชาติ")
    assert by_list["list_national_plan"] == cells("แผนพัฒนาเศรษฐกิจและสังคมแห่งชาติ")
    assert by_list["list_budget_list"] == cells("บัญชี")
    lists = workbook[LISTS_SHEET]
    column = next(c for c in lists[1] if c.value == "issue").column
    with db.transaction() as session:
        issues = list_issues(session, demo_workshop)
    offered = [lists.cell(row, column).value for row in range(2, 2 + len(issues))]
    assert offered == [issue_choice(i.number, i.title) for i in issues]
    assert "list_issue" in workbook.defined_names


def test_with_projects_writes_every_field(
    filled: Path, db: Database, demo_workshop: str, year: int
) -> None:
    rows = projects(db, demo_workshop)
    workbook = openpyxl.load_workbook(filled)
    sheet = workbook[PROJECT_SHEET]
    position = headers(sheet)
    for number, project in enumerate(rows, start=1):
        row = FIRST_ROW + number - 1

        def value(header: str, row: int = row) -> Any:
            return sheet.cell(row, position[header]).value

        draft = project.draft
        assert value("ลำดับ") == number
        assert value("รหัสโครงการ (ห้ามแก้ไข)") == project.id
        assert value("ประเด็นการพัฒนา") == issue_choice(project.issue_number, project.issue_title)
        for name, thai, _en in TEXT_FIELDS:
            assert (value(thai) or "") == draft.text(name), thai
        assert value(f"งบประมาณปี {year} (บาท)") == draft.budget(year)
        assert value("ลำดับความสำคัญ") == draft.priority
        assert value("บัญชี") == BUDGET_LIST_LABELS[draft.budget_list][0]
    # Below the projects: numbered empty rows for new ones.
    assert sheet.cell(FIRST_ROW + len(rows), 1).value == len(rows) + 1
    assert sheet.cell(FIRST_ROW + len(rows), position["ชื่อโครงการ"]).value is None

    activities = workbook[ACTIVITY_SHEET]
    written = [
        (r[0].value, r[2].value, Decimal(r[3].value), r[4].value, r[5].value)
        for r in activities.iter_rows(min_row=FIRST_ROW)
        if r[2].value
    ]
    expected = [
        (number, a.name, a.budget, a.responsible_unit, a.related_units)
        for number, project in enumerate(rows, start=1)
        for a in project.draft.activities
    ]
    assert written == expected
    assert len(expected) == 36  # the small demo: 12 projects of 3 activities


def test_text_like_a_formula_is_written_as_text(
    db: Database, demo_workshop: str, tmp_path: Path
) -> None:
    names = ["=1+2", "+ปรับปรุง", "@x", "-ลดต้นทุน"]
    with db.transaction() as session:
        rows = list_projects(session, demo_workshop)
        for row, name in zip(rows, names, strict=False):
            activity = ActivityDraft("=SUM(A1:A3)", Decimal(5), "@หน่วย", "")
            update_project(session, row.id, replace(row.draft, name=name, activities=(activity,)))
        path = tmp_path / "formula-like.xlsx"
        write_plan_template(gather_plan_template(session, demo_workshop, with_projects=True), path)
    workbook = openpyxl.load_workbook(path, read_only=True)
    cells = [row[1] for row in workbook[PROJECT_SHEET].iter_rows(min_row=FIRST_ROW, max_row=7)]
    assert [c.value for c in cells] == names
    assert {c.data_type for c in cells} == {"s"}
    activity = next(workbook[ACTIVITY_SHEET].iter_rows(min_row=FIRST_ROW, max_row=FIRST_ROW))
    assert (activity[2].value, activity[2].data_type) == ("=SUM(A1:A3)", "s")
    assert (activity[4].value, activity[4].data_type) == ("@หน่วย", "s")
    workbook.close()


def test_budget_columns_cover_every_year_in_use(
    db: Database, demo_workshop: str, tmp_path: Path, year: int
) -> None:
    with db.transaction() as session:
        row = list_projects(session, demo_workshop)[0]
        budgets = ((year, Decimal("1234.56")), (year + 2, Decimal(0)))
        update_project(session, row.id, replace(row.draft, budgets=budgets))
        path = tmp_path / "years.xlsx"
        write_plan_template(gather_plan_template(session, demo_workshop, with_projects=True), path)
        update_workshop(session, demo_workshop, fiscal_year=None)
        path_no_year = tmp_path / "no-year.xlsx"
        write_plan_template(gather_plan_template(session, demo_workshop), path_no_year)
    sheet = openpyxl.load_workbook(path)[PROJECT_SHEET]
    position = headers(sheet)
    assert [budget_year(h) for h in position if budget_year(h)] == [year, year + 2]
    assert sheet.cell(FIRST_ROW, position[budget_header(year)]).value == 1234.56
    assert sheet.cell(FIRST_ROW, position[budget_header(year + 2)]).value == 0
    assert sheet.cell(FIRST_ROW, position[budget_header(year + 2)]).number_format == "#,##0"
    # Without a fiscal year the years in use still give the columns.
    no_year = headers(openpyxl.load_workbook(path_no_year)[PROJECT_SHEET])
    assert [budget_year(h) for h in no_year if budget_year(h)] == [year, year + 2]


def test_instructions_name_the_years_issues_and_rules(blank: Path, year: int) -> None:
    sheet = openpyxl.load_workbook(blank)[INSTRUCTIONS_SHEET]
    text = "\n".join(str(c.value) for c in sheet["A"] if c.value)
    for words in (
        f"ปีงบประมาณ พ.ศ. {year}",
        "หนึ่งแถวต่อหนึ่งโครงการ",
        "หน่วยบาท",
        "ห้ามเปลี่ยนชื่อแผ่นงานหรือหัวตาราง",
        ".xlsx",
        "1. การพัฒนาเศรษฐกิจการเกษตรและอุตสาหกรรมเกษตรมูลค่าสูง",
        "รหัสโครงการ",
        "แหล่งงบประมาณ",
    ):
        assert words in text, words


def test_writes_whole_or_not_at_all(db: Database, demo_workshop: str, tmp_path: Path) -> None:
    path = tmp_path / "missing-folder" / "plan.xlsx"
    with db.transaction() as session, pytest.raises(Exception, match="missing-folder"):
        write_plan_template(gather_plan_template(session, demo_workshop), path)
    assert not path.parent.exists()
    assert list(tmp_path.glob("**/*.part")) == []


def _values(path: Path) -> Iterator[tuple[str, tuple[Any, ...]]]:
    workbook = openpyxl.load_workbook(path, data_only=True, read_only=True)
    for name in (PROJECT_SHEET, ACTIVITY_SHEET):
        for row in workbook[name].iter_rows(min_row=FIRST_ROW, values_only=True):
            yield name, row
    workbook.close()


def test_formulas_compute_in_libreoffice(
    filled: Path, db: Database, tmp_path: Path, year: int
) -> None:
    """The total column and the activity sheet's project names, as LibreOffice computes
    them (it recalculates on load and saves the results)."""
    saved = LibreOffice(tmp_path).convert(filled, "xlsx", tmp_path / "lo")
    rows = list(_values(saved))
    project_rows = [r for sheet, r in rows if sheet == PROJECT_SHEET]
    columns = project_columns([year])
    total = next(i for i, c in enumerate(columns) if c.kind is Kind.FORMULA)
    budget = next(i for i, c in enumerate(columns) if c.key == f"budget:{year}")
    filled_rows = [r for r in project_rows if r[1]]
    assert len(filled_rows) == 12
    for row in filled_rows:
        assert row[total] == row[budget]
    assert all(r[total] in (None, "") for r in project_rows if not r[1])  # blank stays blank
    names = {r[0]: r[1] for r in filled_rows}
    activity_rows = [r for sheet, r in rows if sheet == ACTIVITY_SHEET and r[2]]
    assert activity_rows and all(r[1] == names[r[0]] for r in activity_rows)


def test_libreoffice_renders_the_thai_headers(blank: Path, tmp_path: Path) -> None:
    pdf = LibreOffice(tmp_path).convert(blank, "pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for words in ("วิธีกรอก", "ชื่อโครงการ", "ประเด็นการพัฒนา", "กิจกรรมหลัก", "หน้า 1 /"):
        assert words in text, words


def test_control_characters_are_dropped_not_fatal(
    db: Database, demo_workshop: str, tmp_path: Path
) -> None:
    """A pasted control character becomes a space when stored (an .xlsx cannot hold
    it), and the export works."""
    with db.transaction() as session:
        row = list_projects(session, demo_workshop)[0]
        update_project(session, row.id, replace(row.draft, name="ถนน\x01สาย\x02ใหม่"))
        path = tmp_path / "control.xlsx"
        write_plan_template(gather_plan_template(session, demo_workshop, with_projects=True), path)
    sheet = openpyxl.load_workbook(path)[PROJECT_SHEET]
    assert sheet.cell(FIRST_ROW, 2).value == "ถนน สาย ใหม่"
