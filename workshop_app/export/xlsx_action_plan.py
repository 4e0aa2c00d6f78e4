"""The annual action plan (แผนปฏิบัติราชการประจำปี) as an Excel workbook.

Sheets, in tab order: the project list (บัญชีรายการชุดโครงการ) grouped issue → programme →
project, the vote results, every idea, attendance by sector, one project brief (แบบ จ.1-1)
per project, and the hidden reference lists behind the dropdowns. The summary sheets come
before the briefs so that a plan of 150 projects still shows them among the first tabs;
each project's number on the list links to its brief.

Totals are formulas (SUBTOTAL per issue and programme, SUM per project), so they stay
right when the secretariat edits a figure in Excel. openpyxl computes no formula and sizes
no row: Excel and LibreOffice compute the formulas on opening, and the row heights are
estimated here from the text so that wrapped Thai prints whole.

Styles are named styles registered once per workbook; a cell takes a copy of one style's
index array instead of four style objects of its own, which keeps 150 briefs fast.
"""

from __future__ import annotations

import contextlib
import gc
import re
from collections.abc import Iterator, Sequence
from copy import copy
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, NamedStyle
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from workshop_app.export.xlsx_common import (
    BAHT_FORMAT,
    BODY_FONT,
    BOLD_FONT,
    BOX,
    CENTRE,
    GROUP_FILL,
    HEADER_FILL,
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
from workshop_app.services.action_plan import ActionPlanContent, IssueInfo, PlanData
from workshop_app.services.ideas import IdeaRow, kind_label
from workshop_app.services.projects import (
    BUDGET_LIST_LABELS,
    ProjectDraft,
    ProjectRow,
    field_label,
)
from workshop_app.services.vote_report import cast_summary, rank_text
from workshop_app.services.voting import (
    METHOD_LABELS,
    STATE_LABELS,
    RoundResults,
    label,
)
from workshop_app.thai.money import baht_text

LIST_SHEET = "บัญชีรายการชุดโครงการ"
VOTES_SHEET = "ผลการลงคะแนน"
IDEAS_SHEET = "ความคิดเห็นทั้งหมด"
ATTENDANCE_SHEET = "ผู้เข้าร่วมตามภาคส่วน"
BRIEF_PREFIX = "จ.1-1"
GRAND_TOTAL_NAME = "grand_total"  # defined name of the plan's grand total cell
SATANG_FORMAT = "#,##0.00"

# Row heights, estimated (openpyxl sizes no row, and neither Excel nor LibreOffice sizes a
# row that has a height). A line of Sarabun 11 pt is 20.4 pt in Excel (it spaces lines by
# the font's Windows metrics, 1.85 em) and 14.2 pt in LibreOffice (1.3 em): rows are
# sized for Excel, so LibreOffice prints them a little airy but never cut.
# A unit of column width is the Normal font's (Sarabun's) digit, 6 pt, about one Thai
# letter (marks above and below take no width). Lines break between words, so fewer
# letters fit, and fewer still in a narrow column, where a long word moves a larger part
# of a line down. Checked against LibreOffice's optimal heights for the 6,600 rows of the
# large demo: no row is a line short.
LINE_POINTS = 20.5
TITLE_LINE_POINTS = 26.0  # 14 pt
ROW_PADDING = 2.0
LETTERS_PER_UNIT = 0.85
BOLD_LETTERS_PER_UNIT = 0.78
TITLE_LETTERS_PER_UNIT = 0.6  # 14 pt bold
NARROW_COLUMN, NARROW_WASTE = 25.0, 3  # letters lost per line in a column narrower than this
MAX_ROW_POINTS = 400.0  # Excel's limit is 409 pt
_MARKS = {
    code: None
    for code in (0x0E31, *range(0x0E34, 0x0E3B), *range(0x0E47, 0x0E4F))  # Thai marks (Mn)
}
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")

# The project list's columns before the budget columns: (header, width, draft field).
LIST_COLUMNS: tuple[tuple[str, float, str], ...] = (
    ("ลำดับ", 7, ""),
    ("แผนงาน/โครงการ", 36, "name"),
    ("ยุทธศาสตร์ชาติ", 16, "national_strategy"),
    ("แผนแม่บทฯ", 16, "master_plan"),
    ("แผนพัฒนาฯ แห่งชาติ", 22, "national_plan"),
    ("แผนพัฒนาภาค", 14, "regional_plan"),
    ("แหล่งงบประมาณ", 14, "funding_source"),
    ("หน่วยดำเนินการ", 18, "implementing_agency"),
)
ALIGNMENT_COLUMNS = (3, 6)  # "ความสอดคล้อง": national strategy ... regional plan
YEAR_WIDTH, TOTAL_WIDTH, PRIORITY_WIDTH, LIST_WIDTH = 14.0, 15.0, 10.0, 13.0
# Dropdown list key -> the draft field it fills (the list's columns).
DROPDOWN_FIELDS = {
    "national_strategy": "national_strategy",
    "master_plan": "master_plan",
    "national_plan": "national_plan",
    "funding_source": "funding_source",
    "agency": "implementing_agency",
}
BRIEF_WIDTHS = (22.0, 30.0, 13.0, 18.0, 18.0)  # label, then four content columns

BOXED_STYLES = frozenset({"plan text", "plan bold", "plan group", "plan total", "plan header"})
TOP_RIGHT = Alignment(horizontal="right", vertical="top")
TOP_CENTRE = Alignment(horizontal="center", vertical="top", wrap_text=True)
TITLE_ALIGN = Alignment(horizontal="center", vertical="center", wrap_text=True)


def write_action_plan(content: ActionPlanContent, path: Path) -> None:
    """Write the gathered action plan to ``path`` (whole or not at all)."""
    with _cyclic_gc_paused():
        book = _PlanBook(content.plan)
        book.project_list()
        book.votes(content.votes)
        book.ideas(content.ideas)
        book.attendance([(s.name, s.invited, s.present, s.walk_ins) for s in content.attendance])
        book.briefs()
        lists = content.reference_lists
        book.dropdowns(add_lists_sheet(book.workbook, {k: lists[k] for k in DROPDOWN_FIELDS}))
        save_workbook(book.workbook, path)


@contextlib.contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """The cyclic garbage collector off while the workbook is built: openpyxl makes some
    300,000 objects for 150 briefs, none of them garbage, and the collector walked them
    over and over (a tenth to a fifth of the time). Reference counting still frees."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# --- what the workbook shows ----------------------------------------------------------------


def programme_groups(projects: Sequence[ProjectRow]) -> list[tuple[str, list[ProjectRow]]]:
    """An issue's projects by programme: those without one first, then each programme in
    the order its first project has in the plan."""
    groups: dict[str, list[ProjectRow]] = {"": []}
    for row in projects:
        groups.setdefault(row.draft.programme, []).append(row)
    return [(name, rows) for name, rows in groups.items() if rows]


# --- layout helpers ---------------------------------------------------------------------------


def text_lines(text: str, width: float, letters_per_unit: float = LETTERS_PER_UNIT) -> int:
    """How many lines ``text`` wraps to in a column ``width`` units wide (an estimate)."""
    per_line = max(
        1, int(width * letters_per_unit) - (NARROW_WASTE if width < NARROW_COLUMN else 0)
    )
    return sum(max(1, -(-len(line.translate(_MARKS)) // per_line)) for line in text.split("\n"))


def row_points(lines: int) -> float:
    return min(MAX_ROW_POINTS, lines * LINE_POINTS + ROW_PADDING)


def split_to_fit(text: str, width: float) -> list[str]:
    """``text`` cut between paragraphs into pieces that each fit one row's height, so a long
    rationale prints whole instead of being cut off at Excel's tallest row."""
    most = int((MAX_ROW_POINTS - ROW_PADDING) // LINE_POINTS)
    pieces: list[str] = []
    current: list[str] = []
    lines = 0
    for paragraph in text.split("\n"):
        needed = text_lines(paragraph, width)
        if current and lines + needed > most:
            pieces.append("\n".join(current))
            current, lines = [], 0
        current.append(paragraph)
        lines += needed
    pieces.append("\n".join(current))
    return pieces


def sheet_name(wanted: str, used: set[str]) -> str:
    """A sheet name Excel takes: no []:*?/\\, at most 31 characters, unique (Excel
    compares names ignoring case)."""
    base = _SHEET_NAME_BAD.sub("-", wanted).strip("'")[:31] or "แผ่นงาน"
    name, number = base, 2
    while name.casefold() in used:
        suffix = f" ({number})"
        name = base[: 31 - len(suffix)] + suffix
        number += 1
    used.add(name.casefold())
    return name


def _letter(column: int) -> str:
    return str(get_column_letter(column))


def _style(name: str, font: Font, **parts: object) -> NamedStyle:
    style = NamedStyle(name=name, font=font)
    for key, value in parts.items():
        setattr(style, key, value)
    return style


def _named_styles(money: str) -> list[NamedStyle]:
    boxed = {"border": BOX, "alignment": WRAP}
    amount = {"border": BOX, "alignment": TOP_RIGHT, "number_format": money}
    return [
        _style("plan text", BODY_FONT, **boxed),
        _style("plan centre", BODY_FONT, border=BOX, alignment=TOP_CENTRE),
        _style("plan bold", BOLD_FONT, **boxed),
        _style("plan group", BOLD_FONT, fill=GROUP_FILL, **boxed),
        _style("plan total", BOLD_FONT, fill=HEADER_FILL, **boxed),
        _style("plan header", BOLD_FONT, fill=HEADER_FILL, border=BOX, alignment=CENTRE),
        _style("plan amount", BODY_FONT, **amount),
        _style("plan amount bold", BOLD_FONT, **amount),
        _style("plan amount group", BOLD_FONT, fill=GROUP_FILL, **amount),
        _style("plan amount total", BOLD_FONT, fill=HEADER_FILL, **amount),
        _style("plan number", BODY_FONT, border=BOX, alignment=TOP_RIGHT),
        _style("plan number total", BOLD_FONT, fill=HEADER_FILL, border=BOX, alignment=TOP_RIGHT),
        _style("plan title", TITLE_FONT, alignment=TITLE_ALIGN),
        _style("plan subtitle", BOLD_FONT, alignment=TITLE_ALIGN),
    ]


# --- the workbook ----------------------------------------------------------------------------


class _PlanBook:
    """The workbook being built: one method per sheet."""

    def __init__(self, plan: PlanData) -> None:
        self.plan = plan
        amounts = [a for p in plan.projects for _y, a in p.draft.budgets]
        amounts += [a.budget for p in plan.projects for a in p.draft.activities]
        # Whole baht as the plans print them; satang shown only when a figure has some.
        self.money = BAHT_FORMAT if all(a == int(a) for a in amounts) else SATANG_FORMAT
        self.workbook = Workbook()
        # The Normal style's font is the workbook's first: in Sarabun, cells typed into
        # later are Thai too, and column widths (counted in the Normal font's digits) mean
        # the same in Excel and LibreOffice instead of depending on whether Calibri or a
        # stand-in is installed. openpyxl has no public setting for it.
        self.workbook._fonts = IndexedList([BODY_FONT])
        styles = _named_styles(self.money)
        for style in styles:
            self.workbook.add_named_style(style)
        self.fonts = {s.name: s.font for s in styles}
        self.arrays = {s.name: s.as_tuple() for s in styles}
        self.workbook.properties.title = plan.title
        self.workbook.properties.creator = "workshop-app"
        self.used_names: set[str] = set()
        self.brief_names = {
            row.id: sheet_name(f"{BRIEF_PREFIX} ({number})", self.used_names)
            for number, row in self._numbered_projects()
        }
        self.dropdown_rows: list[int] = []
        self.list_sheet: Worksheet | None = None

    def _numbered_projects(self) -> list[tuple[str, ProjectRow]]:
        """Each project with its number "issue.n" (n counts within the issue, in list order)."""
        numbered = []
        for issue in self.plan.issues:
            rows = [
                r for _p, group in programme_groups(self.plan.projects_of(issue.id)) for r in group
            ]
            numbered += [(f"{issue.number}.{n}", row) for n, row in enumerate(rows, start=1)]
        return numbered

    # cells

    def style(self, cell: Cell, name: str) -> None:
        """What ``cell.style = name`` does (openpyxl's descriptor copies the named style's
        index array), without searching the workbook's style list by name each time: that
        search was a third of the time spent on 150 briefs."""
        cell._style = copy(self.arrays[name])

    def put(self, sheet: Worksheet, row: int, column: int, value: object, style: str) -> Cell:
        """A styled cell: user text through ``put_text``, budgets through ``put_amount``,
        anything else (numbers, formulas the app writes) as it is."""
        cell = sheet.cell(row, column)
        self.style(cell, style)
        if isinstance(value, str):
            if value:
                put_text(cell, value, self.fonts[style])
        elif isinstance(value, Decimal):
            put_amount(cell, value, self.fonts[style])
            if self.money != BAHT_FORMAT:
                cell.number_format = self.money
        else:
            cell.value = value
        return cell

    def fit(self, sheet: Worksheet, row: int, lines: int) -> None:
        """The row tall enough for ``lines`` lines. A one-line row keeps the sheet's default
        height (see ``default_height``): 2,000 ideas mostly fit on one line, and a row with no
        size of its own costs nothing to build or to write."""
        if lines > 1:
            sheet.row_dimensions[row].height = row_points(lines)

    def new_sheet(self, name: str) -> Worksheet:
        sheet = self.workbook.create_sheet(name)
        self.default_height(sheet)
        return sheet

    @staticmethod
    def default_height(sheet: Worksheet) -> None:
        """One line of Sarabun as the sheet's row height (Excel's would be Calibri's)."""
        sheet.sheet_format.defaultRowHeight = row_points(1)
        sheet.sheet_format.customHeight = True

    def formula(self, sheet: Worksheet, row: int, column: int, formula: str, style: str) -> Cell:
        """A formula the app writes (never user text)."""
        cell = sheet.cell(row, column)
        self.style(cell, style)
        cell.value = formula
        return cell

    def merged(
        self,
        sheet: Worksheet,
        row: int,
        first: int,
        last: int,
        text: str,
        style: str,
        rows: int = 1,
    ) -> Cell:
        """Text across columns ``first``..``last`` (and ``rows`` rows down), boxed whole."""
        if style in BOXED_STYLES:  # the covered cells draw the box's edges in Excel
            for column in range(first, last + 1):
                for r in range(row, row + rows):
                    if r != row or column != first:
                        self.style(sheet.cell(r, column), style)
        cell = self.put(sheet, row, first, text, style)
        if last > first or rows > 1:
            # Only recorded: every cell of the range already has the style and its box.
            # (openpyxl's merge_cells rebuilds each edge cell's border as a new object,
            # some 3 ms a merge: 12 s for the 4,000 merges of 150 project briefs.)
            sheet.merged_cells.add(
                CellRange(min_col=first, min_row=row, max_col=last, max_row=row + rows - 1)
            )
        return cell

    def titles(
        self, sheet: Worksheet, widths: Sequence[float], first: str, second: str | None = None
    ) -> None:
        """Rows 1 and 2: what the sheet is, then (by default) the plan and the workshop."""
        if second is None:
            second = " · ".join(t for t in (self.plan.title, self.plan.workshop.title) if t)
        last_column, width = len(widths), sum(widths)
        self.merged(sheet, 1, 1, last_column, first, "plan title")
        self.merged(sheet, 2, 1, last_column, second, "plan subtitle")
        lines = text_lines(first, width, TITLE_LETTERS_PER_UNIT)
        sheet.row_dimensions[1].height = min(
            MAX_ROW_POINTS, lines * TITLE_LINE_POINTS + ROW_PADDING
        )
        self.fit(sheet, 2, text_lines(second, width, BOLD_LETTERS_PER_UNIT))

    def define(self, name: str, sheet: Worksheet, cell: Cell) -> None:
        if name not in self.workbook.defined_names:
            reference = f"{quote_sheetname(sheet.title)}!${cell.column_letter}${cell.row}"
            self.workbook.defined_names[name] = DefinedName(name, attr_text=reference)

    def two_row_header(
        self,
        sheet: Worksheet,
        labels: Sequence[str],
        widths: Sequence[float],
        groups: dict[int, tuple[int, str]],
    ) -> None:
        """Header rows 3 and 4: a group's caption (first column -> (last column, caption))
        above its columns' labels; every other label spans both rows."""
        for column, width in enumerate(widths, start=1):
            sheet.column_dimensions[_letter(column)].width = width
        column = 1
        while column <= len(labels):
            if column in groups:
                last, caption = groups[column]
                self.merged(sheet, 3, column, last, caption, "plan header")
                for inner in range(column, last + 1):
                    self.put(sheet, 4, inner, labels[inner - 1], "plan header")
                column = last + 1
            else:
                self.merged(sheet, 3, column, column, labels[column - 1], "plan header", rows=2)
                column += 1
        lines = max(
            text_lines(t, w, BOLD_LETTERS_PER_UNIT) for t, w in zip(labels, widths, strict=True)
        )
        self.fit(sheet, 4, lines)

    # 1. the project list

    def project_list(self) -> None:
        sheet = self.workbook.active
        self.default_height(sheet)
        sheet.title = sheet_name(LIST_SHEET, self.used_names)
        self.list_sheet = sheet
        years = self.plan.years
        first_year = len(LIST_COLUMNS) + 1
        total_column = first_year + len(years)
        widths = [w for _h, w, _f in LIST_COLUMNS]
        widths += [YEAR_WIDTH] * len(years) + [TOTAL_WIDTH, PRIORITY_WIDTH, LIST_WIDTH]
        self.titles(sheet, widths, f"{LIST_SHEET}ตาม{self.plan.title}", self.plan.workshop.title)
        self._list_header(sheet, widths, first_year, total_column)

        amount_columns = list(range(first_year, total_column + 1))
        row = 5
        for issue in self.plan.issues:
            issue_row, row = row, row + 1
            for programme, members in programme_groups(self.plan.projects_of(issue.id)):
                group_row = row
                if programme:
                    row += 1
                for project in members:
                    self._project_row(sheet, row, project, widths, first_year, total_column)
                    row += 1
                if programme:
                    text = programme
                    self.merged(sheet, group_row, 2, first_year - 1, text, "plan bold")
                    self.put(sheet, group_row, 1, None, "plan bold")
                    for column in (total_column + 1, total_column + 2):
                        self.put(sheet, group_row, column, None, "plan bold")
                    self._subtotals(sheet, group_row, row - 1, amount_columns, "plan amount bold")
                    height = text_lines(
                        text, sum(widths[1 : first_year - 1]), BOLD_LETTERS_PER_UNIT
                    )
                    self.fit(sheet, group_row, height)
            self.merged(sheet, issue_row, 1, first_year - 1, issue.heading, "plan group")
            for column in (total_column + 1, total_column + 2):
                self.put(sheet, issue_row, column, None, "plan group")
            self._subtotals(sheet, issue_row, row - 1, amount_columns, "plan amount group")
            lines = text_lines(issue.heading, sum(widths[: first_year - 1]), BOLD_LETTERS_PER_UNIT)
            self.fit(sheet, issue_row, lines)
            self.define(f"issue_{issue.number}_total", sheet, sheet.cell(issue_row, total_column))
        self._list_totals(sheet, row, amount_columns, years)
        sheet.freeze_panes = "C5"
        print_setup(sheet, "3:4")

    def _list_header(
        self, sheet: Worksheet, widths: Sequence[float], first_year: int, total_column: int
    ) -> None:
        """The headers, with "ความสอดคล้อง" over the four alignment columns and
        "งบประมาณ (บาท)" over the years and the total."""
        labels = [h for h, _w, _f in LIST_COLUMNS]
        labels += [f"พ.ศ. {y}" for y in self.plan.years]
        labels += ["รวม", "ลำดับความสำคัญ", "บัญชี (ในกรอบ/เกินกรอบวงเงิน)"]
        groups = {
            ALIGNMENT_COLUMNS[0]: (ALIGNMENT_COLUMNS[1], "ความสอดคล้อง"),
            first_year: (total_column, "งบประมาณ (บาท)"),
        }
        self.two_row_header(sheet, labels, widths, groups)

    def _project_row(
        self,
        sheet: Worksheet,
        row: int,
        project: ProjectRow,
        widths: Sequence[float],
        first_year: int,
        total_column: int,
    ) -> None:
        draft = project.draft
        brief = self.brief_names[project.id]
        number = brief[len(BRIEF_PREFIX) + 2 : -1]  # "1.3" of "จ.1-1 (1.3)"
        cell = self.put(sheet, row, 1, number, "plan centre")
        cell.hyperlink = Hyperlink(ref="", location=f"{quote_sheetname(brief)}!A1")
        lines = 1
        for column, (_header, width, field) in enumerate(LIST_COLUMNS[1:], start=2):
            text = draft.text(field)
            self.put(sheet, row, column, text, "plan text")
            lines = max(lines, text_lines(text, width))
        for column, year in enumerate(self.plan.years, start=first_year):
            self.put(sheet, row, column, draft.budget(year), "plan amount")
        first, last = _letter(first_year), _letter(total_column - 1)
        self.formula(sheet, row, total_column, f"=SUM({first}{row}:{last}{row})", "plan amount")
        self.put(sheet, row, total_column + 1, draft.priority, "plan centre")
        budget_list = BUDGET_LIST_LABELS.get(draft.budget_list, (draft.budget_list, ""))[0]
        self.put(sheet, row, total_column + 2, budget_list, "plan centre")
        lines = max(lines, text_lines(budget_list, widths[total_column + 1]))
        self.fit(sheet, row, lines)
        self.dropdown_rows.append(row)

    def _subtotals(
        self,
        sheet: Worksheet,
        row: int,
        last: int,
        columns: Sequence[int],
        style: str,
    ) -> None:
        """SUBTOTAL(9, ...) over the rows below ``row`` up to ``last``, or 0 when there are
        none (an issue with no project yet)."""
        for column in columns:
            letter = _letter(column)
            if last > row:
                formula = f"=SUBTOTAL(9,{letter}{row + 1}:{letter}{last})"
                self.formula(sheet, row, column, formula, style)
            else:
                self.put(sheet, row, column, Decimal(0), style)

    def _list_totals(
        self, sheet: Worksheet, row: int, columns: Sequence[int], years: Sequence[int]
    ) -> None:
        """The grand total (SUBTOTAL skips the issue and programme subtotals it spans),
        then the in-ceiling and over-ceiling lists' sums."""
        label_end = columns[0] - 1
        total_column = columns[-1]
        list_column = _letter(total_column + 2)
        last_data = row - 1
        self.merged(sheet, row, 1, label_end, "รวมทั้งสิ้น", "plan total")
        for column in columns:
            letter = _letter(column)
            if last_data >= 5:
                formula = f"=SUBTOTAL(9,{letter}5:{letter}{last_data})"
                cell = self.formula(sheet, row, column, formula, "plan amount total")
            else:
                cell = self.put(sheet, row, column, Decimal(0), "plan amount total")
            if column == total_column:
                self.define(GRAND_TOTAL_NAME, sheet, cell)
            else:
                self.define(f"year_{years[column - columns[0]]}_total", sheet, cell)
        for column in (total_column + 1, total_column + 2):
            self.put(sheet, row, column, None, "plan total")
        for key, (thai, _english) in BUDGET_LIST_LABELS.items():
            row += 1
            self.merged(sheet, row, 1, label_end, f"รวม{thai}", "plan bold")
            for column in columns:
                letter = _letter(column)
                if last_data >= 5:
                    formula = (
                        f'=SUMIF(${list_column}$5:${list_column}${last_data},"{thai}",'
                        f"{letter}5:{letter}{last_data})"
                    )
                    cell = self.formula(sheet, row, column, formula, "plan amount bold")
                else:
                    cell = self.put(sheet, row, column, Decimal(0), "plan amount bold")
                if column == total_column:
                    self.define(f"budget_{key}_total", sheet, cell)
            for column in (total_column + 1, total_column + 2):
                self.put(sheet, row, column, None, "plan bold")

    def dropdowns(self, lists: dict[str, str]) -> None:
        """Dropdowns on the list-valued columns, from the first to the last project row
        (the issue and programme rows between are merged across these columns, so the
        dropdown never shows there). Warnings, not errors: an agency missing from the list
        is still a real agency."""
        if self.list_sheet is None or not self.dropdown_rows:
            return
        first, last = min(self.dropdown_rows), max(self.dropdown_rows)
        columns = {field: n for n, (_h, _w, field) in enumerate(LIST_COLUMNS, start=1) if field}
        for key, field in DROPDOWN_FIELDS.items():
            letter = _letter(columns[field])
            add_dropdown(
                self.list_sheet,
                lists[key],
                f"{letter}{first}:{letter}{last}",
                title=field_label(field),
            )

    # 2. the project briefs (แบบ จ.1-1)

    def briefs(self) -> None:
        for number, project in self._numbered_projects():
            issue = next(i for i in self.plan.issues if i.id == project.draft.issue_id)
            sheet = self.new_sheet(self.brief_names[project.id])
            self._brief(sheet, number, issue, project.draft)

    def _brief(self, sheet: Worksheet, number: str, issue: IssueInfo, draft: ProjectDraft) -> None:
        for column, width in enumerate(BRIEF_WIDTHS, start=1):
            sheet.column_dimensions[_letter(column)].width = width
        title = f"แบบ {BRIEF_PREFIX} ข้อมูลโครงการ (Project Brief) ลำดับที่ {number}"
        self.titles(sheet, BRIEF_WIDTHS, title, self.plan.title)
        row = 3
        header = (
            ("ประเด็นการพัฒนา", issue.heading),
            ("แนวทางการพัฒนา", draft.approach),
            ("ตัวชี้วัดและค่าเป้าหมายของประเด็น", issue.indicators),
            ("แผนงาน", draft.programme),
        )
        for caption, text in header:
            row = self._brief_text(sheet, row, caption, text)
        items = (
            ("1", "name"),
            ("2", "rationale"),
            ("3", "objectives"),
            ("4", "indicators"),
            ("5", "target_area"),
        )
        for item, field in items:
            style = "plan bold" if field == "name" else "plan text"
            row = self._brief_text(
                sheet, row, f"{item}. {field_label(field)}", draft.text(field), style
            )
        row = self._brief_activities(sheet, row, draft)
        for item, field in (("7", "implementing_agency"), ("8", "duration")):
            row = self._brief_text(sheet, row, f"{item}. {field_label(field)}", draft.text(field))
        row = self._brief_budget(sheet, row, draft)
        for item, field in (("10", "outputs"), ("11", "outcomes")):
            row = self._brief_text(sheet, row, f"{item}. {field_label(field)}", draft.text(field))
        self.merged(sheet, row, 1, 5, "ความสอดคล้องและลำดับความสำคัญ", "plan header")
        row += 1
        for field in (
            "national_strategy",
            "master_plan",
            "national_plan",
            "regional_plan",
            "funding_source",
        ):
            row = self._brief_text(sheet, row, field_label(field), draft.text(field))
        self.put(sheet, row, 1, "ลำดับความสำคัญ", "plan group")
        self.put(sheet, row, 2, draft.priority, "plan centre")
        list_label = BUDGET_LIST_LABELS.get(draft.budget_list, (draft.budget_list, ""))[0]
        self.put(sheet, row, 3, "บัญชี", "plan group")
        self.merged(sheet, row, 4, 5, list_label, "plan text")
        sheet.freeze_panes = "A3"
        print_setup(sheet, "1:2", landscape=False)

    def _brief_text(
        self, sheet: Worksheet, row: int, caption: str, text: str, style: str = "plan text"
    ) -> int:
        """A captioned text across the content columns (several rows if very long); the
        next free row."""
        width = sum(BRIEF_WIDTHS[1:])
        pieces = split_to_fit(text, width)
        for offset, piece in enumerate(pieces):
            self.merged(sheet, row + offset, 2, 5, piece, style)
            lines = max(
                text_lines(piece, width),
                text_lines(caption, BRIEF_WIDTHS[0], BOLD_LETTERS_PER_UNIT),
            )
            self.fit(sheet, row + offset, lines)
        self.merged(sheet, row, 1, 1, caption, "plan group", rows=len(pieces))
        return row + len(pieces)

    def _brief_activities(self, sheet: Worksheet, row: int, draft: ProjectDraft) -> int:
        """Item 6: activity, budget, responsible unit, related units, and their total."""
        first = row
        captions = ("กิจกรรม", "งบประมาณ (บาท)", "หน่วยงานรับผิดชอบ", "หน่วยงานที่เกี่ยวข้อง")
        for column, caption in enumerate(captions, start=2):
            self.put(sheet, row, column, caption, "plan header")
        lines = max(
            text_lines(c, w, BOLD_LETTERS_PER_UNIT)
            for c, w in zip(captions, BRIEF_WIDTHS[1:], strict=True)
        )
        self.fit(sheet, row, lines)
        row += 1
        activities = draft.activities or ()
        for number, activity in enumerate(activities, start=1):
            texts = (
                f"{number}. {activity.name}",
                activity.responsible_unit,
                activity.related_units,
            )
            self.put(sheet, row, 2, texts[0], "plan text")
            self.put(sheet, row, 3, activity.budget, "plan amount")
            self.put(sheet, row, 4, texts[1], "plan text")
            self.put(sheet, row, 5, texts[2], "plan text")
            lines = max(
                text_lines(text, width)
                for text, width in zip(texts, (BRIEF_WIDTHS[1], *BRIEF_WIDTHS[3:]), strict=True)
            )
            self.fit(sheet, row, lines)
            row += 1
        if not activities:
            self.merged(sheet, row, 2, 5, "-", "plan text")
            row += 1
        self.put(sheet, row, 2, "รวม", "plan bold")
        if activities:
            self.formula(sheet, row, 3, f"=SUM(C{first + 1}:C{row - 1})", "plan amount bold")
        else:
            self.put(sheet, row, 3, Decimal(0), "plan amount bold")
        self.merged(sheet, row, 4, 5, "", "plan bold")
        row += 1
        self.merged(sheet, first, 1, 1, "6. กิจกรรมหลัก", "plan group", rows=row - first)
        return row

    def _brief_budget(self, sheet: Worksheet, row: int, draft: ProjectDraft) -> int:
        """Item 9: the budget per fiscal year, the total, and the total in Thai words."""
        first = row
        budgets = list(draft.budgets)
        if not budgets and self.plan.workshop.fiscal_year:
            budgets = [(self.plan.workshop.fiscal_year, Decimal(0))]
        for year, amount in budgets:
            self.put(sheet, row, 2, f"ปีงบประมาณ พ.ศ. {year}", "plan text")
            self.put(sheet, row, 3, amount, "plan amount")
            self.merged(sheet, row, 4, 5, "", "plan text")
            row += 1
        self.put(sheet, row, 2, "รวม", "plan bold")
        if budgets:
            self.formula(sheet, row, 3, f"=SUM(C{first}:C{row - 1})", "plan amount bold")
        else:
            self.put(sheet, row, 3, Decimal(0), "plan amount bold")
        self.merged(sheet, row, 4, 5, f"({baht_text(draft.total)})", "plan bold")
        lines = text_lines(
            f"({baht_text(draft.total)})", sum(BRIEF_WIDTHS[3:]), BOLD_LETTERS_PER_UNIT
        )
        self.fit(sheet, row, lines)
        row += 1
        self.merged(sheet, first, 1, 1, "9. งบประมาณ", "plan group", rows=row - first)
        return row

    # 3. the vote results

    def votes(self, rounds: Sequence[RoundResults]) -> None:
        sheet = self.new_sheet(sheet_name(VOTES_SHEET, self.used_names))
        sectors: dict[str | None, str] = {}
        for results in rounds:
            sectors.update((t.sector_id, t.name) for t in results.turnout)
        if any(None in r.by_sector for results in rounds for r in results.count.ideas):
            sectors[None] = "ไม่ระบุภาคส่วน"
        widths = [9.0, 56.0, 10.0, 11.0] + [13.0] * len(sectors)
        last_column = len(widths)
        self.titles(sheet, widths, "ผลการลงคะแนน")
        labels = ["อันดับ", "ความคิดเห็น", "คะแนน", "ผู้ลงคะแนน", *sectors.values()]
        groups = {5: (last_column, "คะแนนจากแต่ละภาคส่วน")} if sectors else {}
        self.two_row_header(sheet, labels, widths, groups)
        row = 5
        if not rounds:
            self.merged(sheet, row, 1, last_column, "ยังไม่มีผลการลงคะแนน", "plan text")
        for results in rounds:
            row = self._round(sheet, row, results, list(sectors), widths)
        sheet.freeze_panes = "A5"
        print_setup(sheet, "3:4")

    def _round(
        self,
        sheet: Worksheet,
        row: int,
        results: RoundResults,
        sectors: Sequence[str | None],
        widths: Sequence[float],
    ) -> int:
        """A round's title and method line, then its ideas best first; the next free row."""
        last_column = len(widths)
        vote_round, count = results.round, results.count
        title = f"รอบที่ {vote_round.number}: {vote_round.title}"
        self.merged(sheet, row, 1, last_column, title, "plan group")
        self.fit(sheet, row, text_lines(title, sum(widths), BOLD_LETTERS_PER_UNIT))
        facts = [
            f"วิธี: {label(METHOD_LABELS, vote_round.method)}",
            f"สถานะ: {label(STATE_LABELS, vote_round.state)}",
            f"บัตร {count.ballots} ใบ"
            + (f" ({cast_summary(count, 'th')})" if count.ballots else ""),
        ]
        if count.paper_votes:
            facts.append(f"ยอดนับจากกระดาษ/สติกเกอร์ {count.paper_votes}")
        if vote_round.chosen_by:
            facts.append(f"ความคิดเห็นที่ลงคะแนน: {vote_round.chosen_by}")
        line = " · ".join(facts)
        self.merged(sheet, row + 1, 1, last_column, line, "plan text")
        self.fit(sheet, row + 1, text_lines(line, sum(widths)))
        row += 2
        for result in sorted(count.ideas, key=lambda r: r.rank):
            text = results.idea_texts.get(result.idea_id, "")
            rank: object = rank_text(result.rank, True) if result.tied else result.rank
            self.put(sheet, row, 1, rank, "plan centre")
            self.put(sheet, row, 2, text, "plan text")
            self.put(sheet, row, 3, round(result.score, 2), "plan number")
            self.put(sheet, row, 4, result.voters, "plan number")
            for column, sector in enumerate(sectors, start=5):
                share = result.by_sector.get(sector)
                self.put(
                    sheet, row, column, None if share is None else round(share, 2), "plan number"
                )
            self.fit(sheet, row, text_lines(text, widths[1]))
            row += 1
        return row + 1  # a blank row between rounds

    # 4. every idea

    def ideas(self, ideas: Sequence[IdeaRow]) -> None:
        sheet = self.new_sheet(sheet_name(IDEAS_SHEET, self.used_names))
        labels = ("ลำดับ", "ความคิดเห็น", "ประเภท", "ภาคส่วน", "กลุ่มย่อย", "จำนวนบัตรที่รวมไว้")
        widths = (7.0, 60.0, 16.0, 25.0, 14.0, 12.0)
        self.titles(sheet, widths, "ความคิดเห็นทั้งหมด")
        header_row(sheet, 3, labels, widths)
        lines = max(
            text_lines(t, w, BOLD_LETTERS_PER_UNIT) for t, w in zip(labels, widths, strict=True)
        )
        self.fit(sheet, 3, lines)
        by_issue: dict[str, list[IdeaRow]] = {}
        for idea in ideas:
            by_issue.setdefault(idea.issue_id, []).append(idea)
        row = 4
        for issue in self.plan.issues:
            cards = by_issue.get(issue.id, [])
            heading = f"{issue.heading} ({len(cards):,} ความคิดเห็น)"
            self.merged(sheet, row, 1, len(labels), heading, "plan group")
            self.fit(sheet, row, text_lines(heading, sum(widths), BOLD_LETTERS_PER_UNIT))
            row += 1
            for number, idea in enumerate(cards, start=1):
                self.put(sheet, row, 1, number, "plan centre")
                self.put(sheet, row, 2, idea.text, "plan text")
                self.put(sheet, row, 3, kind_label(idea.kind), "plan text")
                self.put(sheet, row, 4, idea.sector_name, "plan text")
                self.put(sheet, row, 5, idea.breakout_group, "plan text")
                self.put(sheet, row, 6, idea.merged_count, "plan number")
                lines = max(
                    text_lines(idea.text, widths[1]),
                    text_lines(idea.sector_name, widths[3]),
                    text_lines(idea.breakout_group, widths[4]),
                )
                self.fit(sheet, row, lines)
                row += 1
        sheet.freeze_panes = "A4"
        print_setup(sheet, "3:3")

    # 5. attendance by sector

    def attendance(self, counts: Sequence[tuple[str, int, int, int]]) -> None:
        """(sector, invited, present, walk-ins) per sector, and a total row of SUMs."""
        sheet = self.new_sheet(sheet_name(ATTENDANCE_SHEET, self.used_names))
        labels = ("ภาคส่วน", "ได้รับเชิญ", "มาประชุม", "ลงทะเบียนหน้างาน")
        widths = (36.0, 14.0, 14.0, 16.0)
        self.titles(sheet, widths, "ผู้เข้าร่วมประชุมตามภาคส่วน")
        header_row(sheet, 3, labels, widths)
        row = 4
        for name, *numbers in counts:
            self.put(sheet, row, 1, name, "plan text")
            for column, value in enumerate(numbers, start=2):
                self.put(sheet, row, column, value, "plan number")
            self.fit(sheet, row, text_lines(name, widths[0]))
            row += 1
        self.put(sheet, row, 1, "รวม", "plan total")
        for column in range(2, len(labels) + 1):
            letter = _letter(column)
            formula = f"=SUM({letter}4:{letter}{row - 1})" if row > 4 else "=0"
            self.formula(sheet, row, column, formula, "plan number total")
        sheet.freeze_panes = "A4"
        print_setup(sheet, "3:3")
