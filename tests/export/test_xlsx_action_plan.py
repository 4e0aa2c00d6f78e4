"""The action plan workbook: the project list grouped issue → programme → project with
live totals, a brief (แบบ จ.1-1) per project, the votes, the ideas and the attendance; Thai
everywhere, printable, safe against formulas typed as text, and totals that LibreOffice
computes to the app's own figures."""

from __future__ import annotations

import re
import subprocess
import zipfile
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl import Workbook

from tests.libreoffice import LibreOffice
from workshop_app.db.database import Database
from workshop_app.errors import UserError
from workshop_app.export.xlsx_action_plan import (
    ATTENDANCE_SHEET,
    IDEAS_SHEET,
    LINE_POINTS,
    LIST_SHEET,
    MAX_ROW_POINTS,
    ROW_PADDING,
    VOTES_SHEET,
    sheet_name,
    write_action_plan,
)
from workshop_app.models import StrategicIssue, VoteMethod
from workshop_app.services import projects, voting
from workshop_app.services.action_plan import gather_action_plan
from workshop_app.services.attendees import sector_counts
from workshop_app.services.ideas import kind_label, list_ideas, merge_ideas
from workshop_app.services.projects import BUDGET_LIST_LABELS, ProjectRow, plan_totals
from workshop_app.services.vote_report import ranked
from workshop_app.services.workshops import get_workshop, list_issues
from workshop_app.thai.money import baht_text

ISSUE_INDICATORS = "มูลค่าผลผลิตเกษตรเพิ่มขึ้นร้อยละ 3 ต่อปี\nเกษตรกรได้รับมาตรฐาน GAP 500 ราย"
INJECTED = '=HYPERLINK("http://x","คลิก")'
DRAFT_ROUND = "รอบร่างที่ยังไม่ได้ลงคะแนน"
LIST_FIELDS = (
    "name",
    "national_strategy",
    "master_plan",
    "national_plan",
    "regional_plan",
    "funding_source",
    "implementing_agency",
)


def prepare(db: Database, workshop_id: str) -> None:
    """What the demo lacks: issue 1's indicators, a project over two fiscal years, one
    with no programme, one whose name is a formula, merged cards, a round not voted on."""
    with db.transaction() as session:
        issues = list_issues(session, workshop_id)
        issue = session.get(StrategicIssue, issues[0].id)
        assert issue is not None
        issue.indicators = ISSUE_INDICATORS
        year = get_workshop(session, workshop_id).fiscal_year
        assert year is not None
        rows = projects.list_projects(session, workshop_id)
        two_years = ((year, Decimal(1_200_000)), (year + 1, Decimal(800_000)))
        projects.update_project(session, rows[0].id, replace(rows[0].draft, budgets=two_years))
        last_of_issue_1 = [r for r in rows if r.issue_number == 1][-1]
        projects.update_project(
            session, last_of_issue_1.id, replace(last_of_issue_1.draft, programme="")
        )
        projects.update_project(session, rows[-1].id, replace(rows[-1].draft, name=INJECTED))
        cards = [i.id for i in list_ideas(session, workshop_id) if i.issue_id == issues[1].id]
        merge_ideas(session, cards[0], cards[1:3])
        voting.create_round(
            session,
            workshop_id,
            voting.RoundDraft(DRAFT_ROUND, VoteMethod.DOTS.value, tuple(cards[3:6])),
        )


@pytest.fixture
def workbook_path(db: Database, demo_workshop: str, tmp_path: Path) -> Path:
    prepare(db, demo_workshop)
    path = tmp_path / "plan.xlsx"
    with db.session() as session:
        write_action_plan(gather_action_plan(session, demo_workshop), path)
    return path


def plan_order(rows: list[ProjectRow]) -> list[ProjectRow]:
    """The list's order: by issue; projects without a programme first, then each
    programme in the order of its first project."""
    ordered: list[ProjectRow] = []
    for number in sorted({r.issue_number for r in rows}):
        of_issue = [r for r in rows if r.issue_number == number]
        programmes = list(dict.fromkeys(r.draft.programme for r in of_issue))
        for programme in sorted(programmes, key=lambda p: p != ""):
            ordered += [r for r in of_issue if r.draft.programme == programme]
    return ordered


def project_rows(sheet: Any) -> list[int]:
    """The list's project rows (those numbered "issue.n")."""
    return [
        cell.row
        for cell in sheet["A"]
        if isinstance(cell.value, str) and re.fullmatch(r"\d+\.\d+", cell.value)
    ]


def brief_names(book: Any, rows: list[ProjectRow]) -> dict[str, str]:
    """Project id -> the name of its brief sheet, by its number on the list."""
    listed = book[LIST_SHEET]
    return {
        row.id: f"จ.1-1 ({listed.cell(line, 1).value})"
        for row, line in zip(plan_order(rows), project_rows(listed), strict=True)
    }


def row_values(sheet: Any, row: int) -> list[Any]:
    return [cell.value for cell in sheet[row]]


def test_project_list_groups_issues_programmes_and_projects(
    db: Database, demo_workshop: str, workbook_path: Path
) -> None:
    with db.session() as session:
        rows = projects.list_projects(session, demo_workshop)
        issues = list_issues(session, demo_workshop)
        workshop = get_workshop(session, demo_workshop)
    year = workshop.fiscal_year
    assert year is not None
    book = openpyxl.load_workbook(workbook_path)
    assert book.sheetnames[:4] == [LIST_SHEET, VOTES_SHEET, IDEAS_SHEET, ATTENDANCE_SHEET]
    assert len([n for n in book.sheetnames if n.startswith("จ.1-1 (")]) == len(rows)
    assert book.sheetnames[-1] == "รายการอ้างอิง"
    assert book["รายการอ้างอิง"].sheet_state == "hidden"

    sheet = book[LIST_SHEET]
    assert sheet["A1"].value == (
        f"บัญชีรายการชุดโครงการตามแผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ. {year} จังหวัดสงขลา"
    )
    assert sheet["A2"].value == workshop.title
    assert row_values(sheet, 3) == [
        "ลำดับ",
        "แผนงาน/โครงการ",
        "ความสอดคล้อง",
        None,
        None,
        None,
        "แหล่งงบประมาณ",
        "หน่วยดำเนินการ",
        "งบประมาณ (บาท)",
        None,
        None,
        "ลำดับความสำคัญ",
        "บัญชี (ในกรอบ/เกินกรอบวงเงิน)",
    ]
    assert row_values(sheet, 4)[2:11] == [
        "ยุทธศาสตร์ชาติ",
        "แผนแม่บทฯ",
        "แผนพัฒนาฯ แห่งชาติ",
        "แผนพัฒนาภาค",
        None,
        None,
        f"พ.ศ. {year}",
        f"พ.ศ. {year + 1}",
        "รวม",
    ]
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {"A3:A4", "B3:B4", "C3:F3", "I3:K3", "L3:L4", "M3:M4"} <= merged

    # Issue rows, then projects without a programme, then each programme and its projects.
    expected: list[tuple[str, str]] = []
    by_issue = {i.id: i for i in issues}
    for issue in issues:
        expected.append(("issue", f"ประเด็นการพัฒนาที่ {issue.number} {issue.title}"))
        shown = ""
        for row in plan_order(rows):
            if row.draft.issue_id != issue.id:
                continue
            if row.draft.programme and row.draft.programme != shown:
                shown = row.draft.programme
                expected.append(("programme", shown))
            expected.append(("project", row.id))
    found: list[tuple[str, str]] = []
    listed = iter(plan_order(rows))
    numbers: dict[int, int] = {}
    line = 5
    while sheet.cell(line, 1).value != "รวมทั้งสิ้น":
        first, second = sheet.cell(line, 1).value, sheet.cell(line, 2).value
        if first is None:
            found.append(("programme", second))
        elif str(first).startswith("ประเด็นการพัฒนาที่"):
            found.append(("issue", first))
        else:
            project = next(listed)
            found.append(("project", project.id))
            issue_number = by_issue[project.draft.issue_id].number
            numbers[issue_number] = numbers.get(issue_number, 0) + 1
            assert first == f"{issue_number}.{numbers[issue_number]}"
            link = sheet.cell(line, 1).hyperlink
            assert link.location == f"'จ.1-1 ({first})'!A1"
            draft = project.draft
            values = row_values(sheet, line)
            assert values[1:8] == [getattr(draft, f) or None for f in LIST_FIELDS]
            assert values[8:10] == [draft.budget(year), draft.budget(year + 1)]
            assert values[10] == f"=SUM(I{line}:J{line})"
            assert values[11:] == [draft.priority, BUDGET_LIST_LABELS[draft.budget_list][0]]
            for column in "IJK":
                assert sheet[f"{column}{line}"].number_format == "#,##0"
        line += 1
    assert found == expected
    assert expected[1] == ("project", [r for r in rows if r.issue_number == 1][-1].id)

    # Subtotals: each issue over its rows, each programme over its projects.
    issue_rows = [
        r for r in range(5, line) if str(sheet.cell(r, 1).value).startswith("ประเด็นการพัฒนา")
    ]
    for start, end in zip(issue_rows, [*issue_rows[1:], line], strict=True):
        assert sheet.cell(start, 11).value == f"=SUBTOTAL(9,K{start + 1}:K{end - 1})"
        assert sheet.cell(start, 1).font.b and sheet.cell(start, 1).fill.fgColor.rgb.endswith(
            "F2F2F2"
        )
    programme_row = next(r for r in range(5, line) if sheet.cell(r, 1).value is None)
    assert sheet.cell(programme_row, 9).value.startswith(f"=SUBTOTAL(9,I{programme_row + 1}:")
    assert [sheet.cell(line, c).value for c in (9, 10, 11)] == [
        f"=SUBTOTAL(9,{c}5:{c}{line - 1})" for c in "IJK"
    ]
    destinations = list(book.defined_names["grand_total"].destinations)
    assert destinations == [(LIST_SHEET, f"$K${line}")]
    assert sheet.cell(line + 1, 1).value == "รวมในกรอบวงเงิน"
    assert sheet.cell(line + 1, 11).value == (
        f'=SUMIF($M$5:$M${line - 1},"ในกรอบวงเงิน",K5:K{line - 1})'
    )

    # Frozen header, A4 landscape fitted to the width, headers repeated, page numbers.
    assert sheet.freeze_panes == "C5"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.paperSize == 9  # A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
    assert sheet.print_title_rows == "$3:$4"
    assert sheet.oddFooter.center.text == "หน้า &P / &N"

    # Dropdowns from the hidden lists on the list-valued columns of the project rows.
    numbered = project_rows(sheet)
    first, last = numbered[0], numbered[-1]
    validations = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
    assert validations == {
        f"C{first}:C{last}": "=list_national_strategy",
        f"D{first}:D{last}": "=list_master_plan",
        f"E{first}:E{last}": "=list_national_plan",
        f"G{first}:G{last}": "=list_funding_source",
        f"H{first}:H{last}": "=list_agency",
    }


def test_every_sheet_is_thai_framed_and_printable(workbook_path: Path) -> None:
    # The Normal style's font (the first) is Sarabun: cells typed into later are Thai too.
    with zipfile.ZipFile(workbook_path) as archive:
        styles = archive.read("xl/styles.xml").decode()
    first_font = re.search(r"<font>.*?</font>", styles, re.S)
    assert first_font is not None and '<name val="Sarabun"' in first_font.group(0)
    book = openpyxl.load_workbook(workbook_path)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None:
                    assert cell.font.name == "Sarabun", (sheet.title, cell.coordinate)
        if sheet.sheet_state == "hidden":
            continue
        assert sheet.freeze_panes is not None
        assert sheet.page_setup.paperSize == 9  # A4
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.page_setup.fitToWidth == 1
        assert sheet.print_title_rows
        assert sheet.oddFooter.center.text == "หน้า &P / &N"
        brief = sheet.title.startswith("จ.1-1")
        assert sheet.page_setup.orientation == ("portrait" if brief else "landscape")
        # Rows are a line of Sarabun high, or as high as their text (openpyxl sizes no row).
        assert sheet.sheet_format.defaultRowHeight == LINE_POINTS + ROW_PADDING
        assert sheet.sheet_format.customHeight
        for number in range(1, sheet.max_row + 1):
            height = sheet.row_dimensions[number].height
            assert height is None or LINE_POINTS <= height <= MAX_ROW_POINTS


def brief_rows(sheet: Any) -> dict[str, int]:
    """Caption (column A) -> its row."""
    return {
        cell.value: cell.row for cell in sheet["A"] if isinstance(cell.value, str) and cell.row > 2
    }


def test_each_project_has_a_brief_with_items_1_to_11(
    db: Database, demo_workshop: str, workbook_path: Path
) -> None:
    with db.session() as session:
        rows = projects.list_projects(session, demo_workshop)
        issue = list_issues(session, demo_workshop)[0]
        year = get_workshop(session, demo_workshop).fiscal_year
    book = openpyxl.load_workbook(workbook_path)
    project = rows[0]  # the one over two years, in issue 1
    draft = project.draft
    name = brief_names(book, rows)[project.id]
    sheet = book[name]
    number = name.removeprefix("จ.1-1 (").removesuffix(")")
    assert sheet["A1"].value == f"แบบ จ.1-1 ข้อมูลโครงการ (Project Brief) ลำดับที่ {number}"
    at = brief_rows(sheet)
    captions = [
        "ประเด็นการพัฒนา",
        "แนวทางการพัฒนา",
        "ตัวชี้วัดและค่าเป้าหมายของประเด็น",
        "แผนงาน",
        "1. ชื่อโครงการ",
        "2. หลักการและเหตุผล",
        "3. วัตถุประสงค์",
        "4. ตัวชี้วัดและค่าเป้าหมาย",
        "5. กลุ่มเป้าหมาย/พื้นที่ดำเนินการ",
        "6. กิจกรรมหลัก",
        "7. หน่วยดำเนินการ",
        "8. ระยะเวลาดำเนินการ",
        "9. งบประมาณ",
        "10. ผลผลิต",
        "11. ผลลัพธ์",
        "ยุทธศาสตร์ชาติ",
        "แผนแม่บทภายใต้ยุทธศาสตร์ชาติ",
        "แผนพัฒนาเศรษฐกิจและสังคมแห่งชาติ",
        "แผนพัฒนาภาค",
        "แหล่งงบประมาณ",
        "ลำดับความสำคัญ",
    ]
    assert [c for c in at if c in captions] == captions  # all there, in this order
    texts = {
        "ประเด็นการพัฒนา": f"ประเด็นการพัฒนาที่ 1 {issue.title}",
        "แนวทางการพัฒนา": draft.approach,
        "ตัวชี้วัดและค่าเป้าหมายของประเด็น": ISSUE_INDICATORS,
        "แผนงาน": draft.programme,
        "1. ชื่อโครงการ": draft.name,
        "2. หลักการและเหตุผล": draft.rationale,
        "3. วัตถุประสงค์": draft.objectives,
        "4. ตัวชี้วัดและค่าเป้าหมาย": draft.indicators,
        "5. กลุ่มเป้าหมาย/พื้นที่ดำเนินการ": draft.target_area,
        "7. หน่วยดำเนินการ": draft.implementing_agency,
        "8. ระยะเวลาดำเนินการ": draft.duration,
        "10. ผลผลิต": draft.outputs,
        "11. ผลลัพธ์": draft.outcomes,
        "ยุทธศาสตร์ชาติ": draft.national_strategy,
        "แผนพัฒนาภาค": draft.regional_plan,
        "แหล่งงบประมาณ": draft.funding_source,
    }
    for caption, text in texts.items():
        assert sheet.cell(at[caption], 2).value == text, caption
    assert sheet.cell(at["ลำดับความสำคัญ"], 2).value == draft.priority
    # Two lines of objectives get two lines of height.
    assert sheet.row_dimensions[at["3. วัตถุประสงค์"]].height >= 2 * LINE_POINTS

    # 6: the activities with a total formula.
    start = at["6. กิจกรรมหลัก"]
    assert row_values(sheet, start)[1:] == [
        "กิจกรรม",
        "งบประมาณ (บาท)",
        "หน่วยงานรับผิดชอบ",
        "หน่วยงานที่เกี่ยวข้อง",
    ]
    table = [row_values(sheet, start + 1 + n)[1:] for n in range(len(draft.activities))]
    assert table == [
        [f"{n}. {a.name}", int(a.budget), a.responsible_unit, a.related_units]
        for n, a in enumerate(draft.activities, start=1)
    ]
    total_row = start + 1 + len(draft.activities)
    assert row_values(sheet, total_row)[1:3] == ["รวม", f"=SUM(C{start + 1}:C{total_row - 1})"]

    # 9: the budget per year, the total, and the total in words.
    start = at["9. งบประมาณ"]
    assert year is not None
    assert [row_values(sheet, start + n)[1:3] for n in range(3)] == [
        [f"ปีงบประมาณ พ.ศ. {year}", 1_200_000],
        [f"ปีงบประมาณ พ.ศ. {year + 1}", 800_000],
        ["รวม", f"=SUM(C{start}:C{start + 1})"],
    ]
    assert sheet.cell(start + 2, 4).value == f"({baht_text(Decimal(2_000_000))})"
    assert sheet.cell(start, 3).number_format == "#,##0"

    assert sheet.page_setup.orientation == "portrait"
    assert sheet.print_title_rows == "$1:$2"


def test_a_long_rationale_is_split_between_paragraphs_into_rows_that_fit(
    db: Database, demo_workshop: str, tmp_path: Path
) -> None:
    paragraph = "จังหวัดมีความจำเป็นต้องพัฒนาแหล่งท่องเที่ยวและยกระดับการบริการให้ได้มาตรฐานสากล" * 2
    rationale = "\n".join(f"{n}. {paragraph}" for n in range(1, 30))
    with db.transaction() as session:
        row = projects.list_projects(session, demo_workshop)[0]
        projects.update_project(session, row.id, replace(row.draft, rationale=rationale))
        rows = projects.list_projects(session, demo_workshop)
    path = tmp_path / "plan.xlsx"
    with db.session() as session:
        write_action_plan(gather_action_plan(session, demo_workshop), path)
    book = openpyxl.load_workbook(path)
    sheet = book[brief_names(book, rows)[row.id]]
    start = brief_rows(sheet)["2. หลักการและเหตุผล"]
    end = brief_rows(sheet)["3. วัตถุประสงค์"]
    assert end - start >= 2  # more than one row
    assert "\n".join(sheet.cell(r, 2).value for r in range(start, end)) == rationale
    assert f"A{start}:A{end - 1}" in {str(r) for r in sheet.merged_cells.ranges}


def test_votes_ideas_and_attendance_sheets(
    db: Database, demo_workshop: str, workbook_path: Path
) -> None:
    with db.session() as session:
        rounds = [
            voting.round_results(session, r.id)
            for r in voting.list_rounds(session, demo_workshop)
            if r.state != "draft"
        ]
        ideas = list_ideas(session, demo_workshop)
        issues = list_issues(session, demo_workshop)
        counts = sector_counts(session, demo_workshop)
    book = openpyxl.load_workbook(workbook_path)

    # Votes: each voted round, best first, ties as "3=" (text), numbers as numbers.
    sheet = book[VOTES_SHEET]
    sectors = [t.name for t in rounds[0].turnout]
    assert row_values(sheet, 4)[4 : 4 + len(sectors)] == sectors
    assert sheet["E3"].value == "คะแนนจากแต่ละภาคส่วน"
    column_a = [c.value for c in sheet["A"]]
    assert not any(DRAFT_ROUND in str(v) for v in column_a)
    for results in rounds:
        start = column_a.index(f"รอบที่ {results.round.number}: {results.round.title}") + 1
        assert sheet.cell(start + 1, 1).value.startswith("วิธี: ")
        for offset, (rank, score, result) in enumerate(ranked(results.count)):
            values = row_values(sheet, start + 2 + offset)
            assert values[0] == (rank if result.tied else int(rank))
            assert values[1:4] == [
                results.idea_texts[result.idea_id],
                round(score, 2),
                result.voters,
            ]
            shares = [result.by_sector.get(t.sector_id) for t in results.turnout]
            assert values[4 : 4 + len(shares)] == [
                None if s is None else round(s, 2) for s in shares
            ]
    tied = [c for c in sheet["A"] if isinstance(c.value, str) and c.value.endswith("=")]
    assert tied and all(c.data_type == "s" for c in tied)
    assert sheet.freeze_panes == "A5"

    # Ideas: grouped by issue, with kind, sector, group and merged cards as numbers.
    sheet = book[IDEAS_SHEET]
    assert row_values(sheet, 3) == [
        "ลำดับ",
        "ความคิดเห็น",
        "ประเภท",
        "ภาคส่วน",
        "กลุ่มย่อย",
        "จำนวนบัตรที่รวมไว้",
    ]
    expected: list[list[Any]] = []
    for issue in issues:
        cards = [i for i in ideas if i.issue_id == issue.id]
        heading = f"ประเด็นการพัฒนาที่ {issue.number} {issue.title} ({len(cards):,} ความคิดเห็น)"
        expected.append([heading, None, None, None, None, None])
        expected += [
            [
                n,
                i.text,
                kind_label(i.kind),
                i.sector_name or None,
                i.breakout_group or None,
                i.merged_count,
            ]
            for n, i in enumerate(cards, start=1)
        ]
    assert [list(r) for r in sheet.iter_rows(min_row=4, values_only=True)] == expected
    assert any(row[5] == 2 for row in expected)  # the two cards merged in prepare()

    # Attendance per sector and a total row of SUM formulas.
    sheet = book[ATTENDANCE_SHEET]
    assert row_values(sheet, 3) == ["ภาคส่วน", "ได้รับเชิญ", "มาประชุม", "ลงทะเบียนหน้างาน"]
    last = 3 + len(counts)
    assert [list(r) for r in sheet.iter_rows(min_row=4, max_row=last, values_only=True)] == [
        [c.name, c.invited, c.present, c.walk_ins] for c in counts
    ]
    assert row_values(sheet, last + 1) == ["รวม"] + [f"=SUM({c}4:{c}{last})" for c in "BCD"]


def test_text_typed_like_a_formula_stays_text(
    db: Database, demo_workshop: str, workbook_path: Path
) -> None:
    book = openpyxl.load_workbook(workbook_path)
    listed = book[LIST_SHEET]
    cell = next(c for c in listed["B"] if c.value == INJECTED)
    assert cell.data_type == "s" and cell.quotePrefix
    number = listed.cell(cell.row, 1).value
    brief = book[f"จ.1-1 ({number})"]
    cell = brief.cell(brief_rows(brief)["1. ชื่อโครงการ"], 2)
    assert cell.value == INJECTED and cell.data_type == "s" and cell.quotePrefix


def test_satang_show_when_a_figure_has_them(
    db: Database, demo_workshop: str, tmp_path: Path
) -> None:
    with db.transaction() as session:
        row = projects.list_projects(session, demo_workshop)[0]
        year = row.draft.budgets[0][0]
        budgets = ((year, Decimal("1234567.50")),)
        projects.update_project(session, row.id, replace(row.draft, budgets=budgets))
    path = tmp_path / "plan.xlsx"
    with db.session() as session:
        write_action_plan(gather_action_plan(session, demo_workshop), path)
    sheet = openpyxl.load_workbook(path)[LIST_SHEET]
    cell = next(c for c in sheet["I"] if c.value == 1234567.5)
    assert cell.number_format == "#,##0.00"


def test_sheet_names_are_ones_excel_takes() -> None:
    used: set[str] = set()
    assert sheet_name("จ.1-1 (1.3)", used) == "จ.1-1 (1.3)"
    assert sheet_name("จ.1-1 (1.3)", used) == "จ.1-1 (1.3) (2)"
    long = sheet_name("a/b\\c?d*e[f]g:h" + "ก" * 40, used)
    assert len(long) == 31 and not set("[]:*?/\\") & set(long)
    assert sheet_name("A" * 40, used) != sheet_name("a" * 40, used)  # Excel ignores case


def test_a_failed_write_raises_and_leaves_no_file(
    db: Database, demo_workshop: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    with db.session() as session:
        with pytest.raises(UserError):
            write_action_plan(
                gather_action_plan(session, demo_workshop), folder
            )  # a folder, not a file
        missing = tmp_path / "no-such-folder" / "plan.xlsx"
        with pytest.raises(UserError):
            write_action_plan(gather_action_plan(session, demo_workshop), missing)
        assert not missing.parent.exists()

        target = folder / "plan.xlsx"
        target.write_bytes(b"yesterday's plan")

        def fail(self: Workbook, path: str) -> None:
            Path(path).write_bytes(b"PK half a file")
            raise OSError("the disk filled up")

        monkeypatch.setattr(Workbook, "save", fail)
        with pytest.raises(UserError, match="disk filled up"):
            write_action_plan(gather_action_plan(session, demo_workshop), target)
    assert target.read_bytes() == b"yesterday's plan"
    assert [p.name for p in folder.iterdir()] == ["plan.xlsx"]


def decimal(value: Any) -> Decimal:
    return Decimal(str(value if value is not None else 0))


def test_libreoffice_prints_it_and_computes_the_apps_totals(
    db: Database, demo_workshop: str, workbook_path: Path, tmp_path: Path
) -> None:
    with db.session() as session:
        rows = projects.list_projects(session, demo_workshop)
        issues = list_issues(session, demo_workshop)
        counts = sector_counts(session, demo_workshop)
        year = get_workshop(session, demo_workshop).fiscal_year
    office = LibreOffice(tmp_path)

    pdf = office.convert(workbook_path, "pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    pages = int(re.search(r"Pages:\s+(\d+)", info.stdout).group(1))  # type: ignore[union-attr]
    assert pages >= 4 + len(rows)  # the list, votes, ideas, attendance, a page per brief
    command = ["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"]
    text = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    assert "บัญชีรายการชุดโครงการ" in text and "แบบ จ.1-1 ข้อมูลโครงการ" in text
    assert rows[1].name in text and "ผลการลงคะแนน" in text and f"หน้า 1 / {pages}" in text
    fonts = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True)
    assert "Sarabun-Regular" in fonts.stdout and "Sarabun-Bold" in fonts.stdout

    # LibreOffice recalculates every formula on loading; its figures are the app's.
    computed = openpyxl.load_workbook(
        office.convert(workbook_path, "xlsx", tmp_path / "recalculated"), data_only=True
    )
    original = openpyxl.load_workbook(workbook_path)

    def named(name: str) -> Decimal:
        ((title, coordinate),) = original.defined_names[name].destinations
        return decimal(computed[title][coordinate.replace("$", "")].value)

    totals = plan_totals(r.draft for r in rows)
    assert year is not None and totals.total > 0
    assert named("grand_total") == totals.total
    for issue in issues:
        assert named(f"issue_{issue.number}_total") == totals.by_issue.get(issue.id, Decimal(0))
    for fiscal_year in (year, year + 1):
        assert named(f"year_{fiscal_year}_total") == totals.by_year[fiscal_year]
    for key in BUDGET_LIST_LABELS:
        assert named(f"budget_{key}_total") == totals.by_list.get(key, Decimal(0))

    listed = computed[LIST_SHEET]
    names = brief_names(original, rows)
    for row, line in zip(plan_order(rows), project_rows(original[LIST_SHEET]), strict=True):
        assert decimal(listed.cell(line, 11).value) == row.draft.total
        brief = computed[names[row.id]]
        at = brief_rows(brief)
        activities = at["6. กิจกรรมหลัก"] + 1 + len(row.draft.activities)
        assert decimal(brief.cell(activities, 3).value) == sum(
            (a.budget for a in row.draft.activities), Decimal(0)
        )
        budget = at["9. งบประมาณ"] + max(1, len(row.draft.budgets))
        assert decimal(brief.cell(budget, 3).value) == row.draft.total
    assert any(c.value == INJECTED for c in listed["B"])  # still the text typed

    attendance = computed[ATTENDANCE_SHEET]
    total_row = [attendance.cell(4 + len(counts), c).value for c in (2, 3, 4)]
    assert total_row == [
        sum(c.invited for c in counts),
        sum(c.present for c in counts),
        sum(c.walk_ins for c in counts),
    ]
