"""Importing the project proposal template: round trips that change nothing but what was
edited (through openpyxl and through LibreOffice, the real client), new rows becoming
projects, and every way a file can be wrong. A file with any problem changes nothing,
and each problem names its sheet, row and column."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import random
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.utils import get_column_letter

from tests.uno_edit import edit_in_libreoffice
from workshop_app.db.database import Database
from workshop_app.export.xlsx_template import FIRST_ROW, HEADER_ROW, write_plan_template
from workshop_app.models import BudgetList
from workshop_app.services.plan_import import PlanImportResult, import_plan, read_plan_file
from workshop_app.services.plan_template import (
    ACTIVITY_SHEET,
    INSTRUCTIONS_SHEET,
    PROJECT_SHEET,
    REPORT_SHEET,
    budget_header,
    gather_plan_template,
)
from workshop_app.services.projects import (
    ActivityDraft,
    ProjectDraft,
    ProjectRow,
    add_project,
    list_projects,
    update_project,
)
from workshop_app.services.table_import import ImportProblem, ImportRejectedError
from workshop_app.services.workshops import PLAN_YEARS_AHEAD, create_workshop, list_issues
from workshop_app.thai.dates import fiscal_year_be
from workshop_app.thai.normalize import to_thai_digits

NAME = "ชื่อโครงการ"
ISSUE = "ประเด็นการพัฒนา"
# The demo's plan year: its date is today, and the plan is drafted two fiscal years ahead.
YEAR = fiscal_year_be(dt.date.today()) + PLAN_YEARS_AHEAD
BUDGET = budget_header(YEAR)
ID = "รหัสโครงการ (ห้ามแก้ไข)"
PRIORITY = "ลำดับความสำคัญ"
LIST = "บัญชี"
LINK = "ลำดับโครงการ"
ACTIVITY = "กิจกรรมหลัก"
ACTIVITY_BUDGET = "งบประมาณ (บาท)"

Edits = dict[tuple[str, int, str], object]  # (sheet, row, header) -> value (None clears)


def row_of(number: int) -> int:
    """The sheet row of the project or activity numbered ``number`` (from 1)."""
    return FIRST_ROW + number - 1


@dataclass(frozen=True)
class Plan:
    workshop_id: str
    filled: Path  # the template with the workshop's 12 projects
    blank: Path


@pytest.fixture
def plan(db: Database, demo_workshop: str, tmp_path: Path) -> Plan:
    filled, blank = tmp_path / "filled.xlsx", tmp_path / "blank.xlsx"
    with db.transaction() as session:
        write_plan_template(
            gather_plan_template(session, demo_workshop, with_projects=True), filled
        )
        write_plan_template(gather_plan_template(session, demo_workshop), blank)
    return Plan(demo_workshop, filled, blank)


@pytest.fixture
def plain(db: Database, tmp_path: Path) -> Plan:
    """A new workshop (no projects) and its blank template: quicker than the demo, for
    files that are refused before any row is read."""
    blank = tmp_path / "plain.xlsx"
    with db.transaction() as session:
        workshop_id = create_workshop(session, "ประชุมเชิงปฏิบัติการ")
        write_plan_template(gather_plan_template(session, workshop_id), blank)
    return Plan(workshop_id, blank, blank)


def projects(db: Database, workshop_id: str) -> list[ProjectRow]:
    with db.transaction() as session:
        return list_projects(session, workshop_id)


def run_import(db: Database, workshop_id: str, path: Path) -> PlanImportResult:
    with db.transaction() as session:
        return import_plan(session, workshop_id, path)


def rejected(db: Database, workshop_id: str, path: Path) -> ImportRejectedError:
    """The import is refused and has written nothing, even inside its own transaction."""
    with db.transaction() as session:
        before = list_projects(session, workshop_id)
        with pytest.raises(ImportRejectedError) as info:
            import_plan(session, workshop_id, path)
        assert not session.new and not session.dirty and not session.deleted
        assert list_projects(session, workshop_id) == before
    return info.value


def header_columns(sheet: Any) -> dict[str, int]:
    return {str(c.value): c.column for c in sheet[HEADER_ROW] if c.value is not None}


def edit(path: Path, edits: Edits, target: Path | None = None) -> Path:
    """Set cells by sheet, row and header with openpyxl (a string starting with "=" is
    stored as a formula, as openpyxl does) and save to ``target`` (else ``path``)."""
    workbook = openpyxl.load_workbook(path)
    for (sheet_name, row, header), value in edits.items():
        sheet = workbook[sheet_name]
        sheet.cell(row, header_columns(sheet)[header]).value = value
    target = target or path
    workbook.save(target)
    return target


def letter(path: Path, sheet: str, header: str) -> str:
    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        first = next(workbook[sheet].iter_rows(min_row=HEADER_ROW, max_row=HEADER_ROW))
        return str(next(c.column_letter for c in first if c.value == header))
    finally:
        workbook.close()


def only(error: ImportRejectedError) -> ImportProblem:
    assert len(error.problems) == 1, error.problems
    return error.problems[0]


def expect_problem(
    error: ImportRejectedError, row: int | None, column: str, thai: str, english: str = ""
) -> None:
    """Some problem is at ``row`` in a column whose label holds ``column`` ("โครงการ!D")
    and says ``thai``; the whole message names the sheet, row and column too."""
    for problem in error.problems:
        if problem.row == row and column in (problem.column or "") and thai in problem.thai:
            assert english in problem.english
            where = f"แถว {row} คอลัมน์ {problem.column}" if row else str(problem.column)
            assert where in error.thai
            return
    raise AssertionError(f"no problem ({row}, {column}, {thai}) in {error.problems}")


# --- round trips ----------------------------------------------------------------------------


def test_exported_projects_import_back_unchanged(db: Database, plan: Plan) -> None:
    before = projects(db, plan.workshop_id)
    assert run_import(db, plan.workshop_id, plan.filled) == PlanImportResult(0, 0, 12)
    after = projects(db, plan.workshop_id)
    assert after == before  # every field, budget, activity, idea link, round, position


def test_an_edited_copy_updates_only_what_changed(db: Database, plan: Plan) -> None:
    before = projects(db, plan.workshop_id)
    issues = {i.number: i for i in list_issues_of(db, plan.workshop_id)}
    edit(
        plan.filled,
        {
            (PROJECT_SHEET, row_of(3), NAME): "โครงการที่แก้ชื่อแล้ว",
            (PROJECT_SHEET, row_of(5), BUDGET): 2_500_000.5,
            (PROJECT_SHEET, row_of(5), PRIORITY): 7,
            (PROJECT_SHEET, row_of(6), ISSUE): "5",
            (PROJECT_SHEET, row_of(6), LIST): "เกินกรอบวงเงิน",
            (ACTIVITY_SHEET, row_of(1), ACTIVITY_BUDGET): 10,
        },
    )
    assert run_import(db, plan.workshop_id, plan.filled) == PlanImportResult(0, 4, 8)
    after = {p.id: p for p in projects(db, plan.workshop_id)}
    expected = {p.id: p.draft for p in before}
    first, third, fifth, sixth = before[0], before[2], before[4], before[5]
    expected[third.id] = replace(third.draft, name="โครงการที่แก้ชื่อแล้ว")
    expected[fifth.id] = replace(fifth.draft, budgets=((YEAR, Decimal("2500000.50")),), priority=7)
    expected[sixth.id] = replace(
        sixth.draft, issue_id=issues[5].id, budget_list=BudgetList.OVER.value
    )
    activities = list(first.draft.activities)
    activities[0] = replace(activities[0], budget=Decimal(10))
    expected[first.id] = replace(first.draft, activities=tuple(activities))
    assert {i: p.draft for i, p in after.items()} == expected
    # Idea links and the vote round stay with the project.
    assert after[third.id].draft.idea_ids == third.draft.idea_ids
    assert after[third.id].draft.round_id == third.draft.round_id
    # A project moved to another issue goes to its end.
    assert after[sixth.id].position == max(
        p.position for p in after.values() if p.draft.issue_id == issues[5].id
    )


def list_issues_of(db: Database, workshop_id: str) -> list[Any]:
    with db.transaction() as session:
        return list_issues(session, workshop_id)


def test_blank_template_rows_become_projects(db: Database, plan: Plan) -> None:
    issues = list_issues_of(db, plan.workshop_id)
    before = {p.id for p in projects(db, plan.workshop_id)}
    edits: Edits = {
        (PROJECT_SHEET, row_of(1), NAME): "  ยกระดับตลาดน้ำคลองแดน  ",
        (PROJECT_SHEET, row_of(1), ISSUE): f"2. {issues[1].title}",
        (PROJECT_SHEET, row_of(1), "แนวทางการพัฒนา"): "พัฒนาแหล่งท่องเที่ยว",
        (PROJECT_SHEET, row_of(1), "หลักการและเหตุผล"): "บรรทัดแรก\nบรรทัดที่สอง",
        (PROJECT_SHEET, row_of(1), "หน่วยดำเนินการ"): "หน่วยงานที่ไม่มีในรายการ",
        (PROJECT_SHEET, row_of(1), BUDGET): 1_250_000,
        (PROJECT_SHEET, row_of(1), PRIORITY): 2,
        (PROJECT_SHEET, row_of(1), LIST): "เกินกรอบวงเงิน",
        # Row 2 left empty: skipped. Row 3: the issue by number in Thai digits and the
        # budget pasted as text.
        (PROJECT_SHEET, row_of(3), NAME): "+ปรับปรุงถนนเลียบชายแดน",
        (PROJECT_SHEET, row_of(3), ISSUE): "๕",
        (PROJECT_SHEET, row_of(3), BUDGET): "๑,๒๕๐,๐๐๐.๕๐",
        (ACTIVITY_SHEET, row_of(1), LINK): 3,
        (ACTIVITY_SHEET, row_of(1), ACTIVITY): "สำรวจเส้นทาง",
        (ACTIVITY_SHEET, row_of(1), ACTIVITY_BUDGET): "250,000",
        (ACTIVITY_SHEET, row_of(1), "หน่วยรับผิดชอบ"): "แขวงทางหลวงสงขลา",
        (ACTIVITY_SHEET, row_of(2), LINK): 1,
        (ACTIVITY_SHEET, row_of(2), ACTIVITY): "จัดอบรมผู้ประกอบการ",
        (ACTIVITY_SHEET, row_of(3), LINK): 3,
        (ACTIVITY_SHEET, row_of(3), ACTIVITY): "ก่อสร้าง",
        (ACTIVITY_SHEET, row_of(3), ACTIVITY_BUDGET): 1_000_000.5,
        (ACTIVITY_SHEET, row_of(3), "หน่วยงานที่เกี่ยวข้อง"): "อบจ.สงขลา",
    }
    edit(plan.blank, edits)
    assert run_import(db, plan.workshop_id, plan.blank) == PlanImportResult(2, 0, 0)
    new = [p for p in projects(db, plan.workshop_id) if p.id not in before]
    assert [p.draft for p in new] == [
        ProjectDraft(
            issue_id=issues[1].id,
            name="ยกระดับตลาดน้ำคลองแดน",
            approach="พัฒนาแหล่งท่องเที่ยว",
            rationale="บรรทัดแรก\nบรรทัดที่สอง",
            implementing_agency="หน่วยงานที่ไม่มีในรายการ",
            priority=2,
            budget_list=BudgetList.OVER.value,
            budgets=((YEAR, Decimal(1_250_000)),),
            activities=(ActivityDraft("จัดอบรมผู้ประกอบการ", Decimal(0)),),
        ),
        ProjectDraft(
            issue_id=issues[4].id,
            name="+ปรับปรุงถนนเลียบชายแดน",
            budgets=((YEAR, Decimal("1250000.50")),),
            activities=(
                ActivityDraft("สำรวจเส้นทาง", Decimal(250_000), "แขวงทางหลวงสงขลา"),
                ActivityDraft("ก่อสร้าง", Decimal("1000000.50"), "", "อบจ.สงขลา"),
            ),
        ),
    ]
    # New projects come last in their issue.
    for project in new:
        same_issue = [
            p for p in projects(db, plan.workshop_id) if p.issue_number == project.issue_number
        ]
        assert same_issue[-1].id == project.id


def test_rows_left_out_leave_their_projects_alone(db: Database, plan: Plan) -> None:
    before = projects(db, plan.workshop_id)
    workbook = openpyxl.load_workbook(plan.filled)
    sheet = workbook[PROJECT_SHEET]
    sheet.delete_rows(row_of(2), 3)  # projects 2-4 gone from the file
    activities = workbook[ACTIVITY_SHEET]
    for row in range(activities.max_row, FIRST_ROW - 1, -1):
        if activities.cell(row, 1).value in (2, 3, 4):
            activities.delete_rows(row)
    workbook.save(plan.filled)
    assert run_import(db, plan.workshop_id, plan.filled) == PlanImportResult(0, 0, 9)
    assert projects(db, plan.workshop_id) == before


def test_columns_missing_from_the_file_keep_stored_values(db: Database, plan: Plan) -> None:
    """Optional columns deleted, a budget year added: the rest of each project is kept."""
    before = projects(db, plan.workshop_id)
    workbook = openpyxl.load_workbook(plan.filled)
    sheet = workbook[PROJECT_SHEET]
    for header in ("ผลลัพธ์", PRIORITY, "แผนพัฒนาภาค"):
        sheet.delete_cols(header_columns(sheet)[header])
    extra = sheet.max_column + 1
    sheet.cell(HEADER_ROW, extra).value = f"งบประมาณปี {to_thai_digits(str(YEAR + 1))}"
    sheet.cell(row_of(1), extra).value = 300_000
    workbook.save(plan.filled)
    assert run_import(db, plan.workshop_id, plan.filled) == PlanImportResult(0, 1, 11)
    after = projects(db, plan.workshop_id)
    first = before[0].draft
    assert after[0].draft == replace(first, budgets=(*first.budgets, (YEAR + 1, Decimal(300_000))))
    assert after[1:] == before[1:]


def test_budget_years_without_a_column_are_kept(db: Database, plan: Plan, tmp_path: Path) -> None:
    with db.transaction() as session:
        row = list_projects(session, plan.workshop_id)[0]
        budgets = ((YEAR, Decimal(100)), (YEAR + 3, Decimal(400)))
        update_project(session, row.id, replace(row.draft, budgets=budgets))
    # The file was written before YEAR + 3 was added: it has no column for it.
    edit(plan.filled, {(PROJECT_SHEET, row_of(1), BUDGET): 150})
    assert run_import(db, plan.workshop_id, plan.filled).updated == 1
    assert projects(db, plan.workshop_id)[0].draft.budgets == (
        (YEAR, Decimal(150)),
        (YEAR + 3, Decimal(400)),
    )


def test_an_emptied_budget_cell_removes_that_years_budget(db: Database, plan: Plan) -> None:
    edit(plan.filled, {(PROJECT_SHEET, row_of(2), BUDGET): None})
    assert run_import(db, plan.workshop_id, plan.filled).updated == 1
    assert projects(db, plan.workshop_id)[1].draft.budgets == ()


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    name=st.text(
        st.sampled_from("กขคงจ่้ีุเแโใไำ ABCxyz019=+-@#'\"&<>.,:;/\\()\t\n๑๒"), min_size=1
    ).filter(lambda t: t.strip()),
    rationale=st.text(st.sampled_from("กขค ก้ี\n=+-@xyz0"), max_size=60),
    amount=st.decimals(min_value=0, max_value=10**11, places=2),
)
def test_any_text_and_amount_survive_the_round_trip(
    db: Database, demo_workshop: str, tmp_path: Path, name: str, rationale: str, amount: Decimal
) -> None:
    path = tmp_path / "fuzz.xlsx"
    with db.session() as session:  # rolled back: each example starts from the demo
        issue_id = list_issues(session, demo_workshop)[0].id
        draft = ProjectDraft(
            issue_id,
            name,
            rationale=rationale,
            budgets=((YEAR, amount),),
            activities=(ActivityDraft(name, amount, rationale),),
        )
        try:
            project_id = add_project(session, demo_workshop, draft)
        except Exception:  # text the form refuses too (all spaces once repaired)
            return
        before = list_projects(session, demo_workshop)
        write_plan_template(gather_plan_template(session, demo_workshop, with_projects=True), path)
        result = import_plan(session, demo_workshop, path)
        assert result.unchanged == len(before) and result.updated == 0
        assert list_projects(session, demo_workshop) == before
        assert any(p.id == project_id for p in before)
        session.rollback()


# --- through LibreOffice --------------------------------------------------------------------


def test_libreoffice_edit_and_save_imports_only_the_edits(
    db: Database, plan: Plan, tmp_path: Path
) -> None:
    before = projects(db, plan.workshop_id)
    name_column = letter(plan.filled, PROJECT_SHEET, NAME)
    budget_column = letter(plan.filled, PROJECT_SHEET, BUDGET)
    saved = tmp_path / "saved-by-libreoffice.xlsx"
    edit_in_libreoffice(
        tmp_path,
        plan.filled,
        [
            {"sheet": PROJECT_SHEET, "cell": f"{name_column}{row_of(2)}", "typed": "ชื่อใหม่จาก Calc"},
            {"sheet": PROJECT_SHEET, "cell": f"{budget_column}{row_of(4)}", "typed": "3,750,000"},
            {"sheet": ACTIVITY_SHEET, "cell": f"D{row_of(1)}", "number": 1234.5},
        ],
        saved_as=saved,
    )
    assert run_import(db, plan.workshop_id, saved) == PlanImportResult(0, 3, 9)
    after = projects(db, plan.workshop_id)
    expected = [p.draft for p in before]
    expected[1] = replace(expected[1], name="ชื่อใหม่จาก Calc")
    expected[3] = replace(expected[3], budgets=((YEAR, Decimal(3_750_000)),))
    activities = list(expected[0].activities)
    activities[0] = replace(activities[0], budget=Decimal("1234.50"))
    expected[0] = replace(expected[0], activities=tuple(activities))
    assert [p.draft for p in after] == expected
    assert [p.id for p in after] == [p.id for p in before]


def test_text_like_formulas_stay_text_through_libreoffice(
    db: Database, plan: Plan, tmp_path: Path
) -> None:
    """Names starting with = + @ written by us, and "=..." typed by an agency into an
    empty row, stay text when LibreOffice opens and saves the file."""
    names = ["=1+2", "+ปรับปรุง", "@x"]
    with db.transaction() as session:
        rows = list_projects(session, plan.workshop_id)
        for row, name in zip(rows, names, strict=False):
            update_project(session, row.id, replace(row.draft, name=name))
        write_plan_template(
            gather_plan_template(session, plan.workshop_id, with_projects=True), plan.filled
        )
    before = projects(db, plan.workshop_id)
    name_column = letter(plan.filled, PROJECT_SHEET, NAME)
    issue_column = letter(plan.filled, PROJECT_SHEET, ISSUE)
    budget_column = letter(plan.filled, PROJECT_SHEET, BUDGET)
    new_row = row_of(14)
    found = edit_in_libreoffice(
        tmp_path,
        plan.filled,
        [
            {"sheet": PROJECT_SHEET, "cell": f"{name_column}{new_row}", "typed": "=5+5"},
            {"sheet": PROJECT_SHEET, "cell": f"{issue_column}{new_row}", "typed": "1"},
            {"sheet": PROJECT_SHEET, "cell": f"{budget_column}{new_row}", "typed": "99"},
        ],
        [{"sheet": PROJECT_SHEET, "cell": f"{name_column}{row}"} for row in (4, 5, 6, new_row)],
    )
    assert [(f["type"], f["string"]) for f in found] == [
        ("TEXT", "=1+2"),
        ("TEXT", "+ปรับปรุง"),
        ("TEXT", "@x"),
        ("TEXT", "=5+5"),
    ]
    assert run_import(db, plan.workshop_id, plan.filled) == PlanImportResult(1, 0, 12)
    after = projects(db, plan.workshop_id)
    assert [p.name for p in after if p.issue_number == 1][-1] == "=5+5"
    assert [p for p in after if p.name != "=5+5"] == before


# --- refused files ----------------------------------------------------------------------------


def test_a_budget_in_words_or_below_zero_is_refused_with_its_cell(db: Database, plan: Plan) -> None:
    column = f"{PROJECT_SHEET}!{letter(plan.filled, PROJECT_SHEET, BUDGET)}"
    edit(
        plan.filled,
        {
            (PROJECT_SHEET, row_of(1), BUDGET): "ห้าแสนบาท",
            (PROJECT_SHEET, row_of(2), BUDGET): "500,000 บาท",
            (PROJECT_SHEET, row_of(3), BUDGET): -5,
            (PROJECT_SHEET, row_of(4), BUDGET): 1.005,
            (PROJECT_SHEET, row_of(5), BUDGET): "1,2,3",
        },
    )
    error = rejected(db, plan.workshop_id, plan.filled)
    assert len(error.problems) == 5
    expect_problem(error, row_of(1), column, "ต้องเป็นตัวเลข", "must be an amount")
    expect_problem(error, row_of(2), column, "ต้องเป็นตัวเลข")
    expect_problem(error, row_of(3), column, "ติดลบไม่ได้", "cannot be negative")
    expect_problem(error, row_of(4), column, "ทศนิยมเกินสองตำแหน่ง", "more than two decimals")
    expect_problem(error, row_of(5), column, "ต้องเป็นตัวเลข")
    assert f"({BUDGET})" in error.thai and "ห้าแสนบาท" in error.thai


def test_formulas_in_read_cells_are_refused(db: Database, plan: Plan) -> None:
    edit(
        plan.filled,
        {
            (PROJECT_SHEET, row_of(2), NAME): "=A1",
            (PROJECT_SHEET, row_of(3), BUDGET): "=1000+2000",
            (ACTIVITY_SHEET, row_of(2), ACTIVITY): '=CONCAT("a","b")',
        },
    )
    error = rejected(db, plan.workshop_id, plan.filled)
    name = f"{PROJECT_SHEET}!{letter(plan.filled, PROJECT_SHEET, NAME)}"
    budget = f"{PROJECT_SHEET}!{letter(plan.filled, PROJECT_SHEET, BUDGET)}"
    expect_problem(error, row_of(2), name, "สูตร", "paste it as values")
    expect_problem(error, row_of(3), budget, "สูตร")
    expect_problem(error, row_of(2), f"{ACTIVITY_SHEET}!C", "สูตร")
    assert len(error.problems) == 3  # no extra "no name" for the formula


def test_every_bad_value_is_named(db: Database, plan: Plan) -> None:
    with db.transaction() as session:
        other = create_workshop(session, "ประชุมอื่น")
        other_issue = list_issues(session, other)[0].id
        other_project = add_project(session, other, ProjectDraft(other_issue, "ของที่อื่น"))
    first_id = projects(db, plan.workshop_id)[0].id
    edit(
        plan.filled,
        {
            (PROJECT_SHEET, row_of(1), ISSUE): "9",
            (PROJECT_SHEET, row_of(2), ISSUE): "ประเด็นที่ไม่มีอยู่จริง",
            (PROJECT_SHEET, row_of(3), ID): other_project,
            (PROJECT_SHEET, row_of(4), ID): "not-a-project",
            (PROJECT_SHEET, row_of(5), ID): first_id,
            (PROJECT_SHEET, row_of(6), PRIORITY): 0,
            (PROJECT_SHEET, row_of(7), PRIORITY): 1.5,
            (PROJECT_SHEET, row_of(8), PRIORITY): "สูง",
            (PROJECT_SHEET, row_of(9), LIST): "กลาง ๆ",
            (PROJECT_SHEET, row_of(10), NAME): None,
            (PROJECT_SHEET, row_of(13), NAME): "โครงการใหม่ที่ไม่มีประเด็น",
            (PROJECT_SHEET, row_of(14), NAME): "โครงการใหม่ที่ใช้ลำดับซ้ำ",
            (PROJECT_SHEET, row_of(14), ISSUE): "1",
            (PROJECT_SHEET, row_of(14), "ลำดับ"): 1,
            (ACTIVITY_SHEET, row_of(1), LINK): 99,
            (ACTIVITY_SHEET, row_of(2), LINK): None,
            (ACTIVITY_SHEET, row_of(3), ACTIVITY): None,
        },
    )
    error = rejected(db, plan.workshop_id, plan.filled)

    def column(sheet: str, header: str) -> str:
        return f"{sheet}!{letter(plan.filled, sheet, header)}"

    issue, id_, priority = (column(PROJECT_SHEET, h) for h in (ISSUE, ID, PRIORITY))
    expect_problem(error, row_of(1), issue, "ไม่รู้จักประเด็น '9'", "unknown issue")
    expect_problem(error, row_of(2), issue, "ไม่รู้จักประเด็น")
    expect_problem(error, row_of(3), id_, "ไม่ใช่โครงการของการประชุมนี้", "not a project of")
    expect_problem(error, row_of(4), id_, "ไม่ใช่โครงการของการประชุมนี้")
    expect_problem(error, row_of(5), id_, "ซ้ำกับแถว 4", "do not copy ids")
    expect_problem(error, row_of(6), priority, "จำนวนเต็มตั้งแต่ 1", "whole number")
    expect_problem(error, row_of(7), priority, "จำนวนเต็มตั้งแต่ 1")
    expect_problem(error, row_of(8), priority, "จำนวนเต็มตั้งแต่ 1")
    expect_problem(error, row_of(9), column(PROJECT_SHEET, LIST), "ไม่รู้จักบัญชี", "unknown list")
    expect_problem(error, row_of(10), column(PROJECT_SHEET, NAME), "กรุณาใส่ชื่อโครงการ")
    expect_problem(error, row_of(14), f"{PROJECT_SHEET}!A", "ลำดับ 1 ซ้ำกับแถว 4", "numbers must")
    expect_problem(error, row_of(13), issue, "กรุณาเลือกประเด็นการพัฒนา", "choose the issue")
    expect_problem(
        error, row_of(1), f"{ACTIVITY_SHEET}!A", "ไม่มีโครงการลำดับ 99", "no project numbered 99"
    )
    expect_problem(error, row_of(2), f"{ACTIVITY_SHEET}!A", "กรุณาใส่ลำดับโครงการ")
    expect_problem(error, row_of(3), f"{ACTIVITY_SHEET}!C", "กรุณาใส่ชื่อกิจกรรม")
    assert len(error.problems) == 15
    assert "... และอีก" not in error.thai  # 15 are all shown


def test_missing_columns_are_named(db: Database, plan: Plan) -> None:
    workbook = openpyxl.load_workbook(plan.filled)
    sheet = workbook[PROJECT_SHEET]
    columns = header_columns(sheet)
    sheet.cell(HEADER_ROW, columns[ISSUE]).value = None
    sheet.cell(HEADER_ROW, columns[ID]).value = "รหัส"
    sheet.cell(HEADER_ROW, columns[BUDGET]).value = "เงิน"
    workbook[ACTIVITY_SHEET].cell(HEADER_ROW, 4).value = None
    workbook.save(plan.filled)
    error = rejected(db, plan.workshop_id, plan.filled)
    assert {(p.row, p.column) for p in error.problems} == {
        (HEADER_ROW, PROJECT_SHEET),
        (HEADER_ROW, ACTIVITY_SHEET),
    }
    thai = error.thai
    for words in (
        f"ไม่พบคอลัมน์ '{ISSUE}' ในแผ่นงาน {PROJECT_SHEET}",
        f"ไม่พบคอลัมน์ '{ID}'",
        "ไม่พบคอลัมน์งบประมาณ",
        f"ไม่พบคอลัมน์ '{ACTIVITY_BUDGET}' ในแผ่นงาน {ACTIVITY_SHEET}",
    ):
        assert words in thai, words
    assert "column 'ประเด็นการพัฒนา' not found on sheet โครงการ" in error.english


def test_no_header_row(db: Database, plain: Plan) -> None:
    workbook = openpyxl.load_workbook(plain.blank)
    for cell in workbook[PROJECT_SHEET][HEADER_ROW]:
        cell.value = None
    workbook.save(plain.blank)
    problem = only(rejected(db, plain.workshop_id, plain.blank))
    assert "ไม่พบแถวหัวตารางในแผ่นงาน โครงการ" in problem.thai
    assert "no header row found on sheet โครงการ" in problem.english


def test_a_repeated_column_is_refused(db: Database, plan: Plan) -> None:
    workbook = openpyxl.load_workbook(plan.filled)
    sheet = workbook[PROJECT_SHEET]
    sheet.cell(HEADER_ROW, sheet.max_column + 1).value = NAME
    workbook.save(plan.filled)
    problem = only(rejected(db, plan.workshop_id, plan.filled))
    assert problem.column == f"{PROJECT_SHEET}!B, {get_column_letter(sheet.max_column)}"
    assert "มีซ้ำกัน 2 คอลัมน์" in problem.thai


def test_the_blank_template_as_sent_holds_no_projects(db: Database, plain: Plan) -> None:
    problem = only(rejected(db, plain.workshop_id, plain.blank))
    assert "ไม่มีโครงการในแผ่นงาน โครงการ" in problem.thai


def _workbook_bytes(sheets: list[str]) -> bytes:
    workbook = openpyxl.Workbook()
    workbook.active.title = sheets[0]
    for name in sheets[1:]:
        workbook.create_sheet(name)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * 20_000_000)  # ratio ~1000
    return buffer.getvalue()


_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
)
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _replaced(template: bytes, member: str, data: str) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(template))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            archive.writestr(
                info.filename, data.encode() if info.filename == member else source.read(info)
            )
    return buffer.getvalue()


def _laughing_workbook(template: bytes) -> bytes:
    """ "Billion laughs" in workbook.xml: openpyxl's parser leaves entities unexpanded."""
    return _replaced(
        template,
        "xl/workbook.xml",
        f"{_LAUGHS}<workbook xmlns='{_MAIN}'><sheets><sheet name='&lol3;' sheetId='1'/>"
        "</sheets></workbook>",
    )


def _laughing_sheet(template: bytes) -> bytes:
    """... and in the โครงการ sheet, which defusedxml refuses to parse."""
    return _replaced(
        template,
        "xl/worksheets/sheet2.xml",
        f"{_LAUGHS}<worksheet xmlns='{_MAIN}'><sheetData><row r='1'><c r='A1' t='inlineStr'>"
        "<is><t>&lol3;</t></is></c></row></sheetData></worksheet>",
    )


BAD_FILES: dict[str, tuple[Callable[[bytes], bytes], str, str]] = {
    "random bytes": (
        lambda _t: random.Random(1).randbytes(5000),
        "ไม่ใช่แฟ้ม Excel (.xlsx)",
        "not a readable Excel",
    ),
    "empty file": (lambda _t: b"", "ไม่ใช่แฟ้ม Excel (.xlsx)", "not a readable Excel"),
    "truncated": (lambda t: t[: len(t) // 2], "ไม่ใช่แฟ้ม Excel", "damaged"),
    "a csv renamed": (
        lambda _t: "ชื่อโครงการ,งบประมาณ\nถนน,100\n".encode(),
        "ไม่ใช่แฟ้ม Excel",
        "not a readable Excel",
    ),
    "old .xls": (
        lambda _t: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000),
        "Excel รุ่นเก่า (.xls)",
        "save it as .xlsx",
    ),
    "zip bomb": (lambda _t: _zip_bomb(), "ขยายตัวผิดปกติ", "inflates abnormally"),
    "a zip but no workbook": (
        lambda _t: _zip_of({"hello.txt": b"hi"}),
        "แฟ้มเสียหายหรือไม่ใช่แฟ้ม Excel",
        "damaged or not an Excel",
    ),
    "entity expansion in the workbook": (
        _laughing_workbook,
        "ไม่พบแผ่นงาน โครงการ, กิจกรรม (แผ่นงานที่พบ: -)",
        "sheets found: -",
    ),
    "entity expansion in a sheet": (
        _laughing_sheet,
        "แฟ้มเสียหายหรือไม่ใช่แฟ้ม Excel (.xlsx)",
        "cannot read",
    ),
    "sheets renamed": (
        lambda _t: _workbook_bytes(["Sheet1", "กิจกรรม"]),
        "ไม่พบแผ่นงาน โครงการ (แผ่นงานที่พบ: Sheet1, กิจกรรม)",
        "sheet โครงการ not found (sheets found: Sheet1, กิจกรรม)",
    ),
    "the report": (
        lambda _t: _workbook_bytes(["สรุป", REPORT_SHEET]),
        "แฟ้มนี้เป็นรายงานบัญชีรายการชุดโครงการ ไม่ใช่แบบเสนอโครงการ",
        "this file is the project list report, not the proposal template",
    ),
    "instructions only": (
        lambda _t: _workbook_bytes([INSTRUCTIONS_SHEET]),
        f"ไม่พบแผ่นงาน {PROJECT_SHEET}, {ACTIVITY_SHEET}",
        "not found",
    ),
}


def _zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize("case", BAD_FILES)
def test_files_that_are_not_a_template_are_refused(
    db: Database, plain: Plan, tmp_path: Path, case: str
) -> None:
    make, thai, english = BAD_FILES[case]
    path = tmp_path / "bad.xlsx"
    path.write_bytes(make(plain.blank.read_bytes()))
    problem = only(rejected(db, plain.workshop_id, path))
    assert thai in problem.thai
    assert english in problem.english


def test_entities_are_refused_by_defusedxml(db: Database, plain: Plan, tmp_path: Path) -> None:
    path = tmp_path / "laughs.xlsx"
    path.write_bytes(_laughing_sheet(plain.blank.read_bytes()))
    causes: list[str] = []
    error: BaseException | None = rejected(db, plain.workshop_id, path)
    while error is not None:
        causes.append(type(error).__name__)
        error = error.__cause__ or error.__context__
    assert "EntitiesForbidden" in causes


def test_a_missing_file(db: Database, plain: Plan, tmp_path: Path) -> None:
    assert "ไม่พบแฟ้ม" in rejected(db, plain.workshop_id, tmp_path / "nowhere.xlsx").thai


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_damaged_bytes_are_refused_or_read_never_crash(
    db: Database, plan: Plan, tmp_path: Path, data: st.DataObject
) -> None:
    """Bytes of a real template overwritten at random: the import refuses the file with
    a UserError (or reads it, if the damage missed what it reads), nothing else."""
    original = bytearray(plan.filled.read_bytes())
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(original) - 1))
        original[at] = data.draw(st.integers(0, 255))
    path = tmp_path / "damaged.xlsx"
    path.write_bytes(bytes(original))
    with db.session() as session:
        with contextlib.suppress(ImportRejectedError):
            read_plan_file(session, plan.workshop_id, path)
        session.rollback()


def test_problems_are_all_listed_beyond_what_the_message_shows(db: Database, plan: Plan) -> None:
    edit(plan.filled, {(PROJECT_SHEET, row_of(n), BUDGET): -1 for n in range(1, 13)})
    edit(plan.filled, {(PROJECT_SHEET, row_of(n), PRIORITY): "x" for n in range(1, 13)})
    error = rejected(db, plan.workshop_id, plan.filled)
    assert len(error.problems) == 24
    assert "... และอีก 9 รายการ" in error.thai
    assert [p.row for p in error.problems[:2]] == [row_of(1), row_of(1)]


def test_plan_is_read_without_writing(db: Database, plan: Plan) -> None:
    """read_plan_file only reads: the counts it plans are what import_plan then does."""
    edit(
        plan.filled,
        {(PROJECT_SHEET, row_of(13), NAME): "ใหม่", (PROJECT_SHEET, row_of(13), ISSUE): 1},
    )
    with db.transaction() as session:
        planned = read_plan_file(session, plan.workshop_id, plan.filled)
        assert not session.new and not session.dirty
    assert [p.project_id is None for p in planned.projects].count(True) == 1
    assert sum(p.changed for p in planned.projects) == 1


def test_rows_without_an_id_are_always_new(db: Database, plan: Plan) -> None:
    """Two imports of the same blank rows add the projects twice (rows without an id are
    always new), as the instructions say."""
    edit(plan.blank, {(PROJECT_SHEET, row_of(1), NAME): "ซ้ำ", (PROJECT_SHEET, row_of(1), ISSUE): 2})
    assert run_import(db, plan.workshop_id, plan.blank).created == 1
    assert run_import(db, plan.workshop_id, plan.blank).created == 1
    assert [p.name for p in projects(db, plan.workshop_id)].count("ซ้ำ") == 2
