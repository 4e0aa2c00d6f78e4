"""Import a filled project proposal template (``export/xlsx_template.py``): all or nothing.

Rows of the "โครงการ" sheet with a project id update that project (its idea links and vote
round are kept); rows without one add projects; projects not in the file are left alone.
The "กิจกรรม" sheet gives each project's main activities, naming the project by the
"ลำดับ" of its row; they replace the activities of a project the file updates. A column
the template has but the file lacks (other than the required ones) leaves that field of
an updated project as it was; so does a budget year without a column.

The whole file is read and checked before anything is written: every problem is reported
with its sheet, row and column, and a file with any problem changes nothing. The writes
go through the projects service in the caller's transaction.

Spreadsheets come from other people's computers: the file may be no xlsx at all, a zip
bomb, damaged, or hold formulas. It is opened with openpyxl in read-only mode after the
zip's sizes are checked (openpyxl parses sheets with defusedxml, and other parts with
lxml, without expanding entities), and each cell's type is looked at, so a formula "=A1"
and the text "=A1" are told apart.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from workshop_app.errors import FieldError, UserError
from workshop_app.models import BudgetList
from workshop_app.readers.tables import Cell, Table, check_zip, column_letter, read_file
from workshop_app.services.plan_template import (
    ACTIVITY_COLUMNS,
    ACTIVITY_SHEET,
    PROJECT_SHEET,
    REPORT_SHEET,
    Column,
    Kind,
    budget_year,
    issue_choice,
    project_columns,
)
from workshop_app.services.projects import (
    BUDGET_LIST_LABELS,
    FISCAL_YEARS,
    MAX_TEXT_CHARS,
    TEXT_FIELD_NAMES,
    ActivityDraft,
    ProjectDraft,
    ProjectRow,
    add_project,
    check_amount,
    clean_project,
    clean_text,
    list_projects,
    update_project,
)
from workshop_app.services.table_import import (
    HEADER_SEARCH_ROWS,
    ImportProblem,
    ImportRejectedError,
    header_key,
    label_lookup,
)
from workshop_app.services.workshops import NumberedRow, list_issues
from workshop_app.thai.money import parse_baht
from workshop_app.thai.normalize import normalize_thai, to_arabic_digits

MAX_COLUMNS = 100  # the template has about 25; cells further right are not read
MAX_PRIORITY = 100_000
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # .xls, and any password-protected Office file
_ISSUE_NUMBER = re.compile(r"^(?:ประเด็น(?:ยุทธศาสตร์|การพัฒนา)?(?:ที่)?|issue)?\s*([0-9]+)(?:[.)\s]|$)")
_WHOLE = re.compile(r"[0-9]+")
# Other ways of writing the two lists (compared after header_key).
_BUDGET_LIST_ALIASES = {
    "ในกรอบ": BudgetList.WITHIN.value,
    "บัญชีในกรอบวงเงิน": BudgetList.WITHIN.value,
    "เกินกรอบ": BudgetList.OVER.value,
    "บัญชีเกินกรอบวงเงิน": BudgetList.OVER.value,
}


@dataclass(frozen=True)
class PlanImportResult:
    created: int
    updated: int
    unchanged: int = 0  # rows with an id whose project already holds exactly this


@dataclass(frozen=True)
class PlannedProject:
    source_row: int
    project_id: str | None  # None: a new project
    draft: ProjectDraft  # cleaned
    changed: bool


@dataclass(frozen=True)
class PlanImport:
    workshop_id: str
    file_name: str
    projects: list[PlannedProject]


# --- reading the workbook -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Cell:
    kind: str  # "text", "number", "formula" or "other" (a date, a boolean, an error)
    text: str
    number: int | float | None = None


_Row = list[_Cell | None]


def _reject(file_name: str, thai: str, english: str) -> ImportRejectedError:
    return ImportRejectedError(file_name, [ImportProblem(None, None, thai, english)])


def _cell(cell: Cell) -> _Cell | None:
    if not cell.text.strip():
        return None
    if cell.is_formula:
        return _Cell("formula", cell.text)
    if cell.number:
        value = float(cell.text)
        return _Cell("number", cell.text, int(value) if value.is_integer() else value)
    if cell.date or cell.other:
        return _Cell("other", cell.text)
    return _Cell("text", cell.text)


def _sheet_rows(table: Table) -> list[tuple[int, _Row]]:
    """The sheet's rows that hold anything, with their numbers."""
    rows: list[tuple[int, _Row]] = []
    for number, cells in zip(table.row_numbers, table.rows, strict=True):
        row = [_cell(c) for c in cells[:MAX_COLUMNS]]
        while row and row[-1] is None:
            row.pop()
        if row:
            rows.append((number, row))
    return rows


def _find_sheet(names: Sequence[str], wanted: str) -> str | None:
    if wanted in names:
        return wanted
    return next((n for n in names if header_key(n) == header_key(wanted)), None)


def _read_workbook(path: Path) -> dict[str, list[tuple[int, _Row]]]:
    """The rows of the โครงการ and กิจกรรม sheets; ImportRejectedError if the file is not
    a readable template."""
    name = path.name
    if not path.is_file():
        raise _reject(name, f"ไม่พบแฟ้ม {path}", f"file not found: {path}")
    with path.open("rb") as handle:
        start = handle.read(len(OLE_MAGIC))
    if start == OLE_MAGIC:
        raise _reject(
            name,
            "แฟ้มนี้เป็น Excel รุ่นเก่า (.xls) หรือแฟ้มที่ตั้งรหัสผ่านไว้ กรุณาบันทึกเป็น .xlsx "
            "โดยไม่ตั้งรหัสผ่าน แล้วนำเข้าอีกครั้ง",
            "this is an old Excel file (.xls) or a password-protected one; save it as .xlsx "
            "without a password and import it again",
        )
    try:
        check_zip(path)  # sizes and ratios, before any XML is parsed
    except UserError as exc:
        raise _reject(name, exc.thai, exc.english) from exc
    try:
        # readers/ reads every row whatever the sheet declares, and never hidden sheets.
        source = read_file(path)
    except UserError as exc:
        if exc.__cause__ is not None:  # damage found by openpyxl or in a sheet
            raise _damaged(name, exc.__cause__) from exc
        raise _reject(name, exc.thai, exc.english) from exc
    sheets = {table.name: table for table in source.sheets}
    names = list(sheets)
    found = {wanted: _find_sheet(names, wanted) for wanted in (PROJECT_SHEET, ACTIVITY_SHEET)}
    missing = [wanted for wanted, title in found.items() if title is None]
    if missing:
        raise _missing_sheets(name, names, missing)
    return {
        wanted: _sheet_rows(sheets[title]) for wanted, title in found.items() if title is not None
    }


def _damaged(name: str, exc: BaseException) -> ImportRejectedError:
    why = type(exc).__name__
    return _reject(
        name,
        f"อ่านแฟ้มไม่ได้: แฟ้มเสียหายหรือไม่ใช่แฟ้ม Excel (.xlsx) ({why})",
        f"cannot read the file: damaged or not an Excel (.xlsx) file ({why})",
    )


def _missing_sheets(name: str, names: list[str], missing: list[str]) -> ImportRejectedError:
    found = ", ".join(names) or "-"
    if REPORT_SHEET in names:
        return _reject(
            name,
            f"แฟ้มนี้เป็นรายงานบัญชีรายการชุดโครงการ ไม่ใช่แบบเสนอโครงการ จึงนำเข้าไม่ได้ "
            f"กรุณาใช้แบบเสนอโครงการที่ส่งออกจากโปรแกรม (มีแผ่นงาน {PROJECT_SHEET} และ "
            f"{ACTIVITY_SHEET}) (แผ่นงานที่พบ: {found})",
            "this file is the project list report, not the proposal template, and cannot be "
            "imported; use the proposal template the app exports (sheets "
            f"{PROJECT_SHEET} and {ACTIVITY_SHEET}) (sheets found: {found})",
        )
    wanted = ", ".join(missing)
    return _reject(
        name,
        f"ไม่พบแผ่นงาน {wanted} (แผ่นงานที่พบ: {found}) กรุณาใช้แบบเสนอโครงการที่ส่งออกจากโปรแกรม "
        "และอย่าเปลี่ยนชื่อแผ่นงาน",
        f"sheet {wanted} not found (sheets found: {found}); use the proposal template the app "
        "exports and keep its sheet names",
    )


# --- finding the columns ------------------------------------------------------------------


@dataclass
class _Columns:
    """Where a sheet's header row is and the column of each field it names."""

    sheet: str
    header_row: int
    index: dict[str, int]  # column key -> 0-based column
    headers: dict[str, str]  # column key -> the header as written in the file

    def label(self, key: str) -> str:
        return f"{self.sheet}!{column_letter(self.index[key])} ({self.headers[key]})"

    def get(self, row: _Row, key: str) -> _Cell | None:
        column = self.index.get(key)
        return row[column] if column is not None and column < len(row) else None


def _find_columns(
    sheet: str,
    rows: list[tuple[int, _Row]],
    columns: Sequence[Column],
    anchor: str,
    budgets: bool,
    problems: list[ImportProblem],
) -> _Columns | None:
    """The header row: among the first rows, the one naming ``anchor`` and the most
    columns. Problems: no header row, a required column missing, a column twice."""
    lookup = {
        header_key(h): c.key for c in columns if c.kind is not Kind.FORMULA for h in c.headers
    }
    best: tuple[int, dict[str, list[tuple[int, str]]]] | None = None
    for number, row in rows:
        if number > HEADER_SEARCH_ROWS:
            break
        found: dict[str, list[tuple[int, str]]] = {}
        for index, cell in enumerate(row):
            if cell is None or cell.kind != "text":
                continue
            key = lookup.get(header_key(cell.text))
            year = budget_year(cell.text) if budgets and key is None else None
            if year is not None:
                key = f"budget:{year}"
            if key is not None:
                found.setdefault(key, []).append((index, cell.text.strip()))
        if anchor in found and (best is None or len(found) > len(best[1])):
            best = (number, found)
    required = [c for c in columns if c.required]
    if best is None:
        names = ", ".join(c.header for c in required)
        problems.append(
            ImportProblem(
                None,
                sheet,
                f"ไม่พบแถวหัวตารางในแผ่นงาน {sheet} (ต้องมีคอลัมน์ {names}) "
                "กรุณาใช้แบบเสนอโครงการและอย่าแก้ไขหัวตาราง",
                f"no header row found on sheet {sheet} (it needs the columns {names}); use the "
                "template and keep its headers",
            )
        )
        return None
    number, found = best
    result = _Columns(
        sheet,
        number,
        {key: places[0][0] for key, places in found.items()},
        {key: places[0][1] for key, places in found.items()},
    )
    for key, places in found.items():
        if len(places) > 1:
            letters = ", ".join(column_letter(index) for index, _header in places)
            problems.append(
                ImportProblem(
                    number,
                    f"{sheet}!{letters}",
                    f"คอลัมน์ '{places[0][1]}' มีซ้ำกัน {len(places)} คอลัมน์ ให้เหลือคอลัมน์เดียว",
                    f"the column '{places[0][1]}' appears {len(places)} times; keep only one",
                )
            )
        year = int(key.split(":")[1]) if key.startswith("budget:") else None
        if year is not None and year not in FISCAL_YEARS:
            problems.append(
                ImportProblem(
                    number,
                    result.label(key),
                    f"ปีงบประมาณ {year} ในหัวคอลัมน์ไม่ถูกต้อง (ใช้ปี พ.ศ. เช่น 2571)",
                    f"the fiscal year {year} in the header is wrong (use B.E., e.g. 2571)",
                )
            )
    for column in required:
        if column.key not in found:
            problems.append(
                ImportProblem(
                    number,
                    sheet,
                    f"ไม่พบคอลัมน์ '{column.header}' ในแผ่นงาน {sheet} (อย่าลบหรือเปลี่ยนชื่อหัวตาราง)",
                    f"column '{column.header}' not found on sheet {sheet} "
                    "(do not delete or rename headers)",
                )
            )
    if budgets and not any(key.startswith("budget:") for key in found):
        problems.append(
            ImportProblem(
                number,
                sheet,
                f"ไม่พบคอลัมน์งบประมาณ (เช่น 'งบประมาณปี 2571 (บาท)') ในแผ่นงาน {sheet}",
                f"no budget column (such as 'งบประมาณปี 2571 (บาท)') on sheet {sheet}",
            )
        )
    return result


# --- reading values -----------------------------------------------------------------------


class _RowReader:
    """Reads one row's cells by column key; each problem is added to ``problems``."""

    def __init__(self, columns: _Columns, number: int, row: _Row) -> None:
        self.columns = columns
        self.number = number
        self.row = row
        self.problems: list[ImportProblem] = []
        self.formulas: set[str] = set()  # keys whose cell held a formula (reported)

    def blank(self, key: str) -> bool:
        """True if the cell is empty (a formula is reported, not blank)."""
        return self.columns.get(self.row, key) is None

    def problem(self, key: str | None, thai: str, english: str) -> None:
        where = self.columns.label(key) if key else self.columns.sheet
        self.problems.append(ImportProblem(self.number, where, thai, english))

    def cell(self, key: str) -> _Cell | None:
        """The cell, or None if it is empty, or a formula (which is a problem)."""
        cell = self.columns.get(self.row, key)
        if cell is not None and cell.kind == "formula":
            self.formulas.add(key)
            shown = cell.text[:40]
            self.problem(
                key,
                f"ช่องนี้เป็นสูตร ({shown}) กรุณาคัดลอกแล้ววางแบบค่า (Paste Special > Values)",
                f"the cell holds a formula ({shown}); copy it and paste it as values",
            )
            return None
        return cell

    def text(self, key: str) -> str:
        cell = self.cell(key)
        return "" if cell is None else cell.text

    def amount(self, key: str, what_th: str, what_en: str) -> Decimal | None:
        cell = self.cell(key)
        if cell is None:
            return None
        try:
            if cell.kind == "number":
                assert cell.number is not None
                number = cell.number
                amount = Decimal(number) if isinstance(number, int) else Decimal(repr(number))
            elif cell.kind == "text":
                amount = parse_baht(cell.text)  # a figure pasted as text: "1,250,000", Thai digits
            else:
                raise ValueError(cell.text)
        except ValueError:
            self.problem(
                key,
                f"{what_th}ต้องเป็นตัวเลขจำนวนเงินบาท (พบ '{cell.text[:40]}')",
                f"{what_en} must be an amount of baht as a number (found '{cell.text[:40]}')",
            )
            return None
        try:
            return check_amount(key, amount, what_th, what_en)
        except FieldError as exc:
            self.problem(key, exc.thai, exc.english)
            return None

    def whole(self, key: str, what_th: str, what_en: str) -> int | None:
        """A whole number from 1 up, or None if the cell is empty."""
        cell = self.cell(key)
        if cell is None:
            return None
        value: int | None = None
        if cell.kind == "number" and cell.number is not None and float(cell.number).is_integer():
            value = int(cell.number)
        elif cell.kind == "text":
            digits = to_arabic_digits(cell.text.strip())
            value = int(digits) if _WHOLE.fullmatch(digits) else None
        if value is None or not 1 <= value <= MAX_PRIORITY:
            self.problem(
                key,
                f"{what_th}ต้องเป็นเลขจำนวนเต็มตั้งแต่ 1 ขึ้นไป (พบ '{cell.text[:40]}')",
                f"{what_en} must be a whole number from 1 up (found '{cell.text[:40]}')",
            )
            return None
        return value

    def clean(self, key: str, name: str) -> str:
        """Text of a project field, repaired as the form repairs it."""
        try:
            return clean_text(name, self.text(key))
        except FieldError as exc:
            self.problem(key, exc.thai, exc.english)
            return ""


def _issue_lookup(issues: list[NumberedRow]) -> Callable[[str], str | None]:
    by_key: dict[str, str] = {}
    for issue in issues:
        by_key[header_key(issue_choice(issue.number, issue.title))] = issue.id
        by_key.setdefault(header_key(issue.title), issue.id)
    by_number = {issue.number: issue.id for issue in issues}

    def find(text: str) -> str | None:
        found = by_key.get(header_key(text))
        if found:
            return found
        plain = to_arabic_digits(normalize_thai(text)).casefold()
        match = _ISSUE_NUMBER.match(plain)
        if match is None:
            return None
        # "2. <a title>": the title decides if it is an issue's (issues may have been
        # renumbered since the template was written); else the number does.
        rest = header_key(plain[match.end() :])
        if rest in by_key:
            return by_key[rest]
        return by_number.get(int(match.group(1)))

    return find


# --- checking the sheets ------------------------------------------------------------------


@dataclass
class _ProjectRowRead:
    number: int
    key: int | None  # its ลำดับ
    project_id: str | None
    draft: ProjectDraft
    activities: list[ActivityDraft] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)


def _read_projects(
    session: Session,
    workshop_id: str,
    columns: _Columns,
    rows: list[tuple[int, _Row]],
    existing: dict[str, ProjectRow],
) -> list[_ProjectRowRead]:
    issues = list_issues(session, workshop_id)
    find_issue = _issue_lookup(issues)
    issue_names = ", ".join(str(i.number) for i in issues)
    lists = label_lookup(BUDGET_LIST_LABELS, _BUDGET_LIST_ALIASES)
    list_names = " / ".join(thai for thai, _en in BUDGET_LIST_LABELS.values())
    years = sorted(int(k.split(":")[1]) for k in columns.index if k.startswith("budget:"))
    read_keys = [k for k in columns.index if k != "row"]
    keys_seen: dict[int, int] = {}
    ids_seen: dict[str, int] = {}
    result: list[_ProjectRowRead] = []
    for number, row in rows:
        if number <= columns.header_row:
            continue
        # The ลำดับ is filled in on the template's empty rows: alone it is no project.
        if all(columns.get(row, k) is None for k in read_keys):
            continue
        read = _RowReader(columns, number, row)
        key = read.whole("row", "ลำดับ", "the row number")
        if key is not None:
            if key in keys_seen:
                read.problem(
                    "row",
                    f"ลำดับ {key} ซ้ำกับแถว {keys_seen[key]} (ลำดับต้องไม่ซ้ำกัน)",
                    f"number {key} is used by row {keys_seen[key]} too (numbers must differ)",
                )
            keys_seen.setdefault(key, number)

        project_id = read.text("id").strip() or None
        old: ProjectRow | None = None
        if project_id is not None:
            old = existing.get(project_id)
            if old is None:
                read.problem(
                    "id",
                    f"รหัสโครงการ '{project_id[:40]}' ไม่ใช่โครงการของการประชุมนี้ (อาจถูกลบไปแล้ว) "
                    "หากเป็นโครงการใหม่ให้ลบรหัสออก",
                    f"project id '{project_id[:40]}' is not a project of this workshop (it may "
                    "have been deleted); for a new project leave the id empty",
                )
            elif project_id in ids_seen:
                read.problem(
                    "id",
                    f"รหัสโครงการซ้ำกับแถว {ids_seen[project_id]} (อย่าคัดลอกรหัสไปแถวอื่น "
                    "โครงการใหม่ให้เว้นว่าง)",
                    f"the project id is on row {ids_seen[project_id]} too (do not copy ids; "
                    "leave it empty for a new project)",
                )
            ids_seen.setdefault(project_id, number)
        base = old.draft if old is not None else ProjectDraft(issue_id="", name="")

        issue_text = read.text("issue_id").strip()
        issue_id = find_issue(issue_text) if issue_text else None
        if read.blank("issue_id"):
            read.problem(
                "issue_id",
                f"กรุณาเลือกประเด็นการพัฒนา (เลขที่ {issue_names} หรือชื่อประเด็น)",
                f"choose the issue (number {issue_names} or its title)",
            )
        elif issue_id is None and issue_text:
            read.problem(
                "issue_id",
                f"ไม่รู้จักประเด็น '{issue_text[:60]}' (ใช้เลขที่ประเด็น {issue_names} หรือเลือกจากรายการ)",
                f"unknown issue '{issue_text[:60]}' (use an issue number, {issue_names}, or "
                "choose from the list)",
            )

        texts: dict[str, Any] = {
            name: read.clean(name, name) if name in columns.index else base.text(name)
            for name in TEXT_FIELD_NAMES
        }
        if not texts["name"] and "name" not in read.formulas:
            read.problem("name", "กรุณาใส่ชื่อโครงการ", "give the project a name")

        budgets = {year: amount for year, amount in base.budgets if year not in years}
        for year in years:
            amount = read.amount(f"budget:{year}", f"งบประมาณปี {year} ", f"the budget for {year}")
            if amount is not None:
                budgets[year] = amount

        priority = base.priority
        if "priority" in columns.index:
            priority = read.whole("priority", "ลำดับความสำคัญ", "the priority")
        budget_list = base.budget_list or BudgetList.WITHIN.value
        if "budget_list" in columns.index:
            list_text = read.text("budget_list").strip()
            budget_list = (
                lists.get(header_key(list_text), "") if list_text else BudgetList.WITHIN.value
            )
            if not budget_list:
                read.problem(
                    "budget_list",
                    f"ไม่รู้จักบัญชี '{list_text[:40]}' (ใช้ได้: {list_names})",
                    f"unknown list '{list_text[:40]}' (one of: {list_names})",
                )

        draft = replace(
            base,
            issue_id=issue_id or "",
            **texts,
            priority=priority,
            budget_list=budget_list or BudgetList.WITHIN.value,
            budgets=tuple(sorted(budgets.items())),
            activities=(),
        )
        result.append(_ProjectRowRead(number, key, project_id, draft, problems=read.problems))
    return result


def _read_activities(
    columns: _Columns,
    rows: list[tuple[int, _Row]],
    projects: dict[int, _ProjectRowRead],
    problems: list[ImportProblem],
) -> None:
    """Add each activity to its project (by the project's ลำดับ), in sheet order."""
    read_keys = [k for k in columns.index if k != "row"]
    for number, row in rows:
        if number <= columns.header_row or all(columns.get(row, k) is None for k in read_keys):
            continue
        read = _RowReader(columns, number, row)
        key = read.whole("row", "ลำดับโครงการ", "the project number")
        project = projects.get(key) if key is not None else None
        if read.blank("row"):
            read.problem(
                "row",
                f"กรุณาใส่ลำดับโครงการ (เลขในช่อง ลำดับ ของแผ่นงาน {PROJECT_SHEET})",
                f"give the project's number (its ลำดับ on sheet {PROJECT_SHEET})",
            )
        elif key is not None and project is None:
            read.problem(
                "row",
                f"ไม่มีโครงการลำดับ {key} ในแผ่นงาน {PROJECT_SHEET}",
                f"there is no project numbered {key} on sheet {PROJECT_SHEET}",
            )
        name = read.text("name")
        units = read.text("responsible_unit")
        related = read.text("related_units")
        budget = read.amount("budget", "งบประมาณกิจกรรม ", "the activity's budget")
        cleaned = [normalize_thai(t) for t in (name, units, related)]  # one line each
        for text, column_key in zip(
            cleaned, ("name", "responsible_unit", "related_units"), strict=True
        ):
            if len(text) > MAX_TEXT_CHARS:
                read.problem(
                    column_key,
                    f"ข้อความยาว {len(text):,} ตัวอักษร เกินกำหนด {MAX_TEXT_CHARS:,} ตัวอักษร",
                    f"the text is {len(text):,} characters long, more than {MAX_TEXT_CHARS:,}",
                )
        if not cleaned[0] and "name" not in read.formulas:
            read.problem("name", "กรุณาใส่ชื่อกิจกรรม", "give the activity a name")
        problems.extend(read.problems)
        if project is not None and not read.problems:
            project.activities.append(
                ActivityDraft(cleaned[0], budget or Decimal(0), cleaned[1], cleaned[2])
            )


def read_plan_file(session: Session, workshop_id: str, path: Path) -> PlanImport:
    """Read and check the whole file; ImportRejectedError listing every problem."""
    sheets = _read_workbook(path)
    problems: list[ImportProblem] = []
    project_sheet = _find_columns(
        PROJECT_SHEET, sheets[PROJECT_SHEET], project_columns([]), "name", True, problems
    )
    activity_sheet = _find_columns(
        ACTIVITY_SHEET, sheets[ACTIVITY_SHEET], ACTIVITY_COLUMNS, "name", False, problems
    )
    if problems or project_sheet is None or activity_sheet is None:
        raise ImportRejectedError(path.name, problems)

    existing = {row.id: row for row in list_projects(session, workshop_id)}
    read = _read_projects(session, workshop_id, project_sheet, sheets[PROJECT_SHEET], existing)
    by_key = {p.key: p for p in reversed(read) if p.key is not None}  # first of a repeat
    activity_problems: list[ImportProblem] = []
    _read_activities(activity_sheet, sheets[ACTIVITY_SHEET], by_key, activity_problems)

    planned: list[PlannedProject] = []
    for project in read:
        problems.extend(project.problems)
        if project.problems:
            continue
        draft = replace(project.draft, activities=tuple(project.activities))
        try:
            clean = clean_project(session, workshop_id, draft)
        except FieldError as exc:  # a check the reading above does not repeat
            if exc.field in project_sheet.index:
                where = project_sheet.label(exc.field)
            else:
                where = ACTIVITY_SHEET if exc.field == "activities" else PROJECT_SHEET
            problems.append(ImportProblem(project.number, where, exc.thai, exc.english))
            continue
        old = existing.get(project.project_id) if project.project_id else None
        changed = old is None or clean != old.draft
        planned.append(PlannedProject(project.number, project.project_id, clean, changed))
    problems.extend(activity_problems)
    if problems:
        raise ImportRejectedError(path.name, problems)
    if not planned:
        raise _reject(
            path.name,
            f"ไม่มีโครงการในแผ่นงาน {PROJECT_SHEET} (แถวว่างทั้งหมด)",
            f"no projects on sheet {PROJECT_SHEET} (every row is empty)",
        )
    return PlanImport(workshop_id, path.name, planned)


def apply_plan(
    session: Session, plan: PlanImport, progress: Callable[[int, int], None] | None = None
) -> PlanImportResult:
    """Write the checked plan in the caller's transaction, in file order. ``progress``
    (done, total) is told every few dozen projects."""
    created = updated = unchanged = 0
    for done, project in enumerate(plan.projects):
        if progress is not None and done % 50 == 0:
            progress(done, len(plan.projects))
        if project.project_id is None:
            add_project(session, plan.workshop_id, project.draft)
            created += 1
        elif project.changed:
            update_project(session, project.project_id, project.draft)
            updated += 1
        else:
            unchanged += 1
    return PlanImportResult(created, updated, unchanged)


def import_plan(session: Session, workshop_id: str, path: Path) -> PlanImportResult:
    """Check the whole file, then create and update its projects (all or nothing)."""
    return apply_plan(session, read_plan_file(session, workshop_id, path))
