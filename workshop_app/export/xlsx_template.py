"""The project proposal template (แบบเสนอโครงการ): a workbook agencies fill in, one row per
project, and the secretariat imports back (``services/plan_import.py``).

Sheets: "คำชี้แจง" (how to fill it in), "โครงการ" (one row per project), "กิจกรรม" (main
activities, each naming its project by the "ลำดับ" of the project's row) and a hidden
sheet with the dropdown lists. The columns are defined once here; the writer writes
them and the importer finds them by these headers.

With ``with_projects=True`` the sheet holds the workshop's current projects, each with
its id, so an edited copy updates those projects when imported.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from workshop_app.export.xlsx_common import (
    BAHT_FORMAT,
    BODY_FONT,
    BOLD_FONT,
    BOX,
    TEXT_FORMAT,
    THAI_FONT,
    TITLE_FONT,
    WRAP,
    add_dropdown,
    add_lists_sheet,
    header_row,
    print_setup,
    put_amount,
    put_text,
    save_workbook,
)
from workshop_app.services.plan_template import (
    ACTIVITY_COLUMNS,
    ACTIVITY_SHEET,
    INSTRUCTIONS_SHEET,
    PROJECT_SHEET,
    TEXT_COLUMNS,
    Column,
    Kind,
    PlanTemplateContent,
    issue_choice,
    project_columns,
)
from workshop_app.services.projects import (
    BUDGET_LIST_LABELS,
    ProjectDraft,
    ProjectRow,
)

HEADER_ROW = 3  # rows 1-2: title and a one-line reminder
FIRST_ROW = HEADER_ROW + 1
BLANK_PROJECT_ROWS = 100  # empty rows, numbered and formatted, below the projects
BLANK_ACTIVITY_ROWS = 300
WHOLE_FORMAT = "0"
ID_FONT = Font(name=THAI_FONT, size=8, color="808080")
ID_FILL = PatternFill("solid", fgColor="EDEDED")
TOP_CENTRE = Alignment(horizontal="center", vertical="top")
ONE_LINE = Alignment(vertical="top")  # not wrapped
NOTE_FONT = Font(name=THAI_FONT, size=10, italic=True, color="595959")
# Row heights are written by us: LibreOffice does not fit rows to wrapped text when it
# opens an .xlsx, so a row of long text would show one line. Sarabun needs room above
# and below its marks: about 18 pt a line at 11 pt.
LINE_POINTS = 18.0
MAX_ROW_POINTS = 409.0  # Excel's limit
_THAI_MARKS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")  # take no width of their own


def _safe(text: str) -> str:
    """``text`` without the control characters an .xlsx cannot hold (openpyxl raises on
    them; a pasted text may carry them past the project form)."""
    return str(ILLEGAL_CHARACTERS_RE.sub("", text))


def _letter(index: int) -> str:
    return str(get_column_letter(index))


def _lines(text: str, width: float) -> int:
    """About how many lines ``text`` takes wrapped in a column ``width`` characters wide."""
    per_line = max(1.0, width * 1.05)
    return sum(
        max(1, -(-len(_THAI_MARKS.sub("", paragraph)) // int(per_line)))
        for paragraph in text.split("\n")
    )


def _fit_row(sheet: Worksheet, row: int, cells: Sequence[tuple[str, float]]) -> None:
    """Make ``row`` tall enough for the longest of its wrapped texts (text, column width)."""
    lines = max((_lines(text, width) for text, width in cells if text), default=1)
    if lines > 1:
        sheet.row_dimensions[row].height = min(MAX_ROW_POINTS, lines * LINE_POINTS + 2)


# --- writing ------------------------------------------------------------------------------


def write_plan_template(content: PlanTemplateContent, path: Path) -> None:
    """Write the gathered template to ``path`` (whole or not at all): blank for agencies
    to fill in, or with the workshop's projects to edit and import back."""
    years = content.years
    written = content.projects
    issues = content.issues
    issue_names = {i.id: _safe(issue_choice(i.number, i.title)) for i in issues}
    title = _safe(content.workshop_title)

    workbook = Workbook()
    instructions = workbook.active
    assert instructions is not None
    instructions.title = INSTRUCTIONS_SHEET
    project_sheet = workbook.create_sheet(PROJECT_SHEET)
    activity_sheet = workbook.create_sheet(ACTIVITY_SHEET)
    lists: dict[str, Sequence[str]] = {
        "issue": list(issue_names.values()),
        **{
            name: [_safe(item) for item in items] for name, items in content.reference_lists.items()
        },
        "budget_list": [thai for thai, _en in BUDGET_LIST_LABELS.values()],
    }
    list_names = add_lists_sheet(workbook, lists)

    columns = project_columns(years)
    _write_projects(project_sheet, columns, written, issue_names, list_names, title, years)
    _write_activities(activity_sheet, written, list_names, len(written) + BLANK_PROJECT_ROWS)
    _write_instructions(
        instructions, title, years, [issue_names[i.id] for i in issues], len(written)
    )
    save_workbook(workbook, path)


def _title(sheet: Worksheet, title: str, note: str) -> None:
    put_text(sheet.cell(1, 1), title, TITLE_FONT)
    put_text(sheet.cell(2, 1), note, NOTE_FONT)


def _body(cell: Cell, column: Column) -> None:
    """Style of an input cell, filled or not: what a person types there keeps its kind."""
    cell.border = BOX
    if column.kind is Kind.ID:
        cell.font, cell.fill, cell.number_format = ID_FONT, ID_FILL, TEXT_FORMAT
        cell.alignment = ONE_LINE
        return
    cell.font = BODY_FONT
    cell.alignment = WRAP
    if column.kind in (Kind.TEXT, Kind.ISSUE, Kind.BUDGET_LIST):
        cell.number_format = TEXT_FORMAT
    elif column.kind in (Kind.ROW_KEY, Kind.WHOLE):
        cell.number_format = WHOLE_FORMAT
        cell.alignment = TOP_CENTRE
    else:  # amounts and their total
        cell.number_format = BAHT_FORMAT


def _project_values(
    index: int, project: ProjectRow, issue_names: dict[str, str]
) -> dict[str, object]:
    draft: ProjectDraft = project.draft
    values: dict[str, object] = {name: draft.text(name) for name in TEXT_COLUMNS}
    values.update(
        row=index,
        id=project.id,
        issue_id=issue_names.get(draft.issue_id, ""),
        priority=draft.priority,
        budget_list=BUDGET_LIST_LABELS[draft.budget_list][0],
    )
    for year, amount in draft.budgets:
        values[f"budget:{year}"] = amount
    return values


def _put(cell: Cell, column: Column, value: object) -> None:
    if value is None or value == "":
        return
    if column.kind is Kind.AMOUNT:
        assert isinstance(value, Decimal)
        put_amount(cell, value)
    elif column.kind in (Kind.ROW_KEY, Kind.WHOLE):
        cell.value = value
    else:
        put_text(cell, _safe(str(value)), ID_FONT if column.kind is Kind.ID else BODY_FONT)


def _write_projects(
    sheet: Worksheet,
    columns: list[Column],
    projects: list[ProjectRow],
    issue_names: dict[str, str],
    list_names: dict[str, str],
    title: str,
    years: list[int],
) -> None:
    _title(
        sheet,
        f"แบบเสนอโครงการ: {title}",
        "หนึ่งแถวต่อหนึ่งโครงการ · งบประมาณใส่เป็นตัวเลขหน่วยบาท · อ่านวิธีกรอกในแผ่นงาน "
        f"“{INSTRUCTIONS_SHEET}” · กิจกรรมหลักกรอกในแผ่นงาน “{ACTIVITY_SHEET}”",
    )
    header_row(sheet, HEADER_ROW, [c.header for c in columns], [c.width for c in columns])
    position = {c.key: index for index, c in enumerate(columns, start=1)}
    first_budget = _letter(position[f"budget:{years[0]}"])
    last_budget = _letter(position[f"budget:{years[-1]}"])
    last_row = FIRST_ROW + len(projects) + BLANK_PROJECT_ROWS - 1
    for offset in range(len(projects) + BLANK_PROJECT_ROWS):
        row = FIRST_ROW + offset
        number = offset + 1
        values: dict[str, object] = (
            _project_values(number, projects[offset], issue_names)
            if offset < len(projects)
            else {"row": number}
        )
        for column in columns:
            cell = sheet.cell(row, position[column.key])
            _body(cell, column)
            if column.kind is Kind.FORMULA:
                # Blank until a budget is typed, so empty rows show nothing.
                span = f"{first_budget}{row}:{last_budget}{row}"
                cell.value = f'=IF(COUNT({span})=0,"",SUM({span}))'
            else:
                _put(cell, column, values.get(column.key))
        _fit_row(sheet, row, [(str(values.get(c.key) or ""), c.width) for c in columns])
    for column in columns:
        if column.dropdown:
            letter = _letter(position[column.key])
            add_dropdown(
                sheet,
                list_names[column.dropdown],
                f"{letter}{FIRST_ROW}:{letter}{last_row}",
                title=column.header,
            )
    sheet.freeze_panes = f"C{FIRST_ROW}"
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{_letter(len(columns))}{last_row}"
    sheet.row_dimensions[HEADER_ROW].height = 36
    # Too wide for one page: printed across several, each row's pages one after another.
    print_setup(sheet, f"{HEADER_ROW}:{HEADER_ROW}", landscape=True, fit_width=False)
    sheet.page_setup.pageOrder = "overThenDown"


def _write_activities(
    sheet: Worksheet, projects: list[ProjectRow], list_names: dict[str, str], project_rows: int
) -> None:
    _title(
        sheet,
        "กิจกรรมหลักของโครงการ",
        "หนึ่งแถวต่อหนึ่งกิจกรรม · ช่อง “ลำดับโครงการ” ใส่เลขในช่อง “ลำดับ” ของโครงการในแผ่นงาน "
        f"“{PROJECT_SHEET}” · ชื่อโครงการจะแสดงเอง",
    )
    columns = ACTIVITY_COLUMNS
    header_row(sheet, HEADER_ROW, [c.header for c in columns], [c.width for c in columns])
    filled = [
        {
            "row": number,
            "name": activity.name,
            "budget": activity.budget,
            "responsible_unit": activity.responsible_unit,
            "related_units": activity.related_units,
        }
        for number, project in enumerate(projects, start=1)
        for activity in project.draft.activities
    ]
    count = len(filled) + BLANK_ACTIVITY_ROWS
    last_project = FIRST_ROW + project_rows - 1
    names = f"'{PROJECT_SHEET}'!$B${FIRST_ROW}:$B${last_project}"
    numbers = f"'{PROJECT_SHEET}'!$A${FIRST_ROW}:$A${last_project}"
    for offset in range(count):
        row = FIRST_ROW + offset
        values: dict[str, object] = filled[offset] if offset < len(filled) else {}
        for index, column in enumerate(columns, start=1):
            cell = sheet.cell(row, index)
            _body(cell, column)
            if column.kind is Kind.FORMULA:
                cell.value = (
                    f'=IF(A{row}="","",IFERROR(INDEX({names},MATCH(A{row},{numbers},0)),'
                    '"(ไม่พบลำดับนี้)"))'
                )
                # One line: the name is looked up, so the row height cannot allow for it.
                cell.font, cell.alignment = NOTE_FONT, ONE_LINE
            else:
                _put(cell, column, values.get(column.key))
        _fit_row(sheet, row, [(str(values.get(c.key) or ""), c.width) for c in columns])
    last_row = FIRST_ROW + count - 1
    for index, column in enumerate(columns, start=1):
        if column.dropdown:
            letter = _letter(index)
            add_dropdown(
                sheet,
                list_names[column.dropdown],
                f"{letter}{FIRST_ROW}:{letter}{last_row}",
                title=column.header,
            )
    sheet.freeze_panes = f"A{FIRST_ROW}"
    sheet.row_dimensions[HEADER_ROW].height = 36
    print_setup(sheet, f"{HEADER_ROW}:{HEADER_ROW}", landscape=True)


def _write_instructions(
    sheet: Worksheet, title: str, years: list[int], issues: list[str], projects: int
) -> None:
    year_text = ", ".join(str(y) for y in years)
    dropdowns = "ประเด็นการพัฒนา, " + ", ".join(c.header for c in TEXT_COLUMNS.values() if c.dropdown)
    lines: list[tuple[str, Font]] = [
        (f"แบบเสนอโครงการ: {title}", TITLE_FONT),
        (f"ปีงบประมาณ พ.ศ. {year_text}", BOLD_FONT),
        ("", BODY_FONT),
        ("วิธีกรอก", BOLD_FONT),
        (
            f"1. กรอกโครงการในแผ่นงาน “{PROJECT_SHEET}” หนึ่งแถวต่อหนึ่งโครงการ เริ่มที่แถว {FIRST_ROW} "
            "ต้องมีอย่างน้อย ชื่อโครงการ และ ประเด็นการพัฒนา แถวที่ว่างทั้งแถวจะถูกข้าม",
            BODY_FONT,
        ),
        (
            "2. ประเด็นการพัฒนา: เลือกจากรายการ หรือพิมพ์เลขที่ประเด็น (เช่น 2) หรือชื่อประเด็นให้ตรงกับ"
            "รายการด้านล่าง",
            BODY_FONT,
        ),
        (
            f"3. งบประมาณ: ใส่เป็นตัวเลขหน่วยบาท (ไม่ใช่ล้านบาท) ไม่ต้องพิมพ์คำว่า “บาท” ทศนิยมไม่เกิน 2 "
            f"ตำแหน่ง ไม่ติดลบ หนึ่งคอลัมน์ต่อปีงบประมาณ ({year_text}) ช่อง “รวมงบประมาณ” คำนวณให้เอง",
            BODY_FONT,
        ),
        (
            f"4. ช่องที่มีรายการให้เลือก: {dropdowns}, บัญชี หากค่าที่ต้องการไม่มีในรายการ พิมพ์เองได้ "
            "(ยกเว้นประเด็นการพัฒนา ซึ่งต้องตรงกับรายการ)",
            BODY_FONT,
        ),
        (
            "5. ลำดับความสำคัญ: เลขจำนวนเต็มตั้งแต่ 1 (1 = สำคัญที่สุด) หรือเว้นว่าง · บัญชี: "
            "“ในกรอบวงเงิน” หรือ “เกินกรอบวงเงิน” (เว้นว่าง = ในกรอบวงเงิน)",
            BODY_FONT,
        ),
        (
            f"6. กิจกรรมหลัก: กรอกในแผ่นงาน “{ACTIVITY_SHEET}” หนึ่งแถวต่อหนึ่งกิจกรรม ช่อง “ลำดับโครงการ” "
            f"ใส่เลขในช่อง “ลำดับ” ของโครงการในแผ่นงาน “{PROJECT_SHEET}” (ห้ามใช้เลขลำดับซ้ำกัน)",
            BODY_FONT,
        ),
        (
            "7. รหัสโครงการ: ห้ามแก้ไขหรือคัดลอกไปแถวอื่น โครงการใหม่ให้เว้นว่าง "
            "แถวที่มีรหัสจะปรับปรุงโครงการเดิม แถวที่ไม่มีรหัสจะเพิ่มเป็นโครงการใหม่",
            BODY_FONT,
        ),
        (
            "8. ห้ามเปลี่ยนชื่อแผ่นงานหรือหัวตาราง ห้ามใช้สูตรในช่องที่กรอก (คัดลอกแล้ววางแบบค่า) "
            "และบันทึกเป็นแฟ้ม Excel (.xlsx)",
            BODY_FONT,
        ),
    ]
    if projects:
        lines.append(
            (
                f"แฟ้มนี้มีโครงการเดิม {projects:,} โครงการ แก้ไขในแถวเดิมได้ "
                "โครงการที่ลบแถวออกจะไม่ถูกลบจากแผน",
                BOLD_FONT,
            )
        )
    lines += [("", BODY_FONT), ("ประเด็นการพัฒนา", BOLD_FONT)]
    lines += [(issue, BODY_FONT) for issue in issues]
    # Fits a portrait A4 page unscaled even where Calibri is missing: LibreOffice then
    # measures widths in DejaVu Sans, a wider font, and (7.4) does not shrink this
    # one-column sheet to the page width, so a wider column is cut off in print.
    width = 76
    for row, (text, font) in enumerate(lines, start=1):
        cell = sheet.cell(row, 1)
        if text:
            put_text(cell, text, font)
        cell.alignment = WRAP
        _fit_row(sheet, row, [(text, width)])
    sheet.column_dimensions["A"].width = width
    print_setup(sheet, None, landscape=False)
