"""What every workbook the app writes shares: the Thai font, safe text cells, number
formats, header styles, print setup, and dropdown lists kept on a reference sheet.

Safety: openpyxl writes any string that starts with "=" as a formula. User text goes
through ``put_text``, which stores it as text with a quote prefix, so Excel and
LibreOffice show it as typed and keep it text when the cell is edited.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from workshop_app.export.files import written_whole

THAI_FONT = "Sarabun"  # shipped in resources/fonts; LibreOffice and Excel fall back cleanly
FONT_SIZE = 11
BAHT_FORMAT = "#,##0"
TEXT_FORMAT = "@"  # a cell typed into stays text ("=..." is not a formula)
FORMULA_PREFIXES = ("=", "+", "-", "@")

BODY_FONT = Font(name=THAI_FONT, size=FONT_SIZE)
BOLD_FONT = Font(name=THAI_FONT, size=FONT_SIZE, bold=True)
TITLE_FONT = Font(name=THAI_FONT, size=FONT_SIZE + 3, bold=True)
HEADER_FILL = PatternFill("solid", fgColor="D9E2F3")
GROUP_FILL = PatternFill("solid", fgColor="F2F2F2")
THIN = Side(style="thin", color="808080")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)

LISTS_SHEET = "รายการอ้างอิง"


def put_text(cell: Cell, value: str, font: Font = BODY_FONT) -> None:
    """Write user text that is never read as a formula, whatever it starts with."""
    cell.value = value
    cell.font = font
    if value.startswith(FORMULA_PREFIXES):
        cell.data_type = "s"
        cell.quotePrefix = True


def put_amount(cell: Cell, value: Decimal | None, font: Font = BODY_FONT) -> None:
    """A budget figure as a number with thousands separators (None: an empty cell)."""
    # A whole-baht amount as int, so the cell holds 1250000 and not 1250000.0.
    cell.value = None if value is None else (int(value) if value == int(value) else float(value))
    cell.number_format = BAHT_FORMAT
    cell.font = font


def header_row(
    sheet: Worksheet, row: int, labels: Sequence[str], widths: Sequence[float] = ()
) -> None:
    """Bold, shaded, boxed, wrapped column headers (and column widths, if given)."""
    for column, label in enumerate(labels, start=1):
        cell = sheet.cell(row, column)
        put_text(cell, label, BOLD_FONT)
        cell.fill = HEADER_FILL
        cell.border = BOX
        cell.alignment = CENTRE
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[_letter(column)].width = width


def _letter(column: int) -> str:
    return str(get_column_letter(column))


def print_setup(
    sheet: Worksheet, title_rows: str | None, *, landscape: bool = True, fit_width: bool = True
) -> None:
    """A4, fitted to the page width, header rows repeated on every page, "หน้า n / m" in
    the footer."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    if fit_width:
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0  # as many pages down as needed
    if title_rows:
        sheet.print_title_rows = title_rows
    sheet.oddFooter.center.text = "หน้า &P / &N"
    sheet.oddFooter.center.font = THAI_FONT
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6


def add_lists_sheet(workbook: Workbook, lists: dict[str, Sequence[str]]) -> dict[str, str]:
    """A sheet with one column per dropdown list, each named by a defined name
    ("list_agency"); returns list key -> the formula a DataValidation uses."""
    sheet = workbook.create_sheet(LISTS_SHEET)
    formulas: dict[str, str] = {}
    for column, (key, items) in enumerate(lists.items(), start=1):
        letter = _letter(column)
        put_text(sheet.cell(1, column), key, BOLD_FONT)
        for row, item in enumerate(items, start=2):
            put_text(sheet.cell(row, column), item)
        sheet.column_dimensions[letter].width = 40
        last = max(2, len(items) + 1)
        name = f"list_{key}"
        workbook.defined_names[name] = DefinedName(
            name, attr_text=f"'{LISTS_SHEET}'!${letter}$2:${letter}${last}"
        )
        formulas[key] = name
    sheet.sheet_state = "hidden"
    return formulas


def add_dropdown(
    sheet: Worksheet, list_name: str, cells: str, *, strict: bool = False, title: str = ""
) -> None:
    """A dropdown on ``cells`` ("F5:F400") offering a list from ``add_lists_sheet``.
    Not strict: a value outside the list is allowed with a warning (agencies and
    sources change more often than the app)."""
    validation = DataValidation(
        type="list",
        formula1=f"={list_name}",
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="stop" if strict else "warning",
        errorTitle=title or None,
        error="ค่าที่ใส่ไม่อยู่ในรายการ" if strict else "ค่าที่ใส่ไม่อยู่ในรายการ ต้องการใช้ค่านี้หรือไม่",
    )
    validation.add(cells)
    sheet.add_data_validation(validation)


def save_workbook(workbook: Workbook, path: Path) -> None:
    """Write the workbook whole or not at all (a temporary file renamed into place)."""
    with written_whole(path) as temporary:
        workbook.save(temporary)
