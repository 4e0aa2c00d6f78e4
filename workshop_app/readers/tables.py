"""Read every visible sheet of an .xlsx, or a CSV/tab-separated text, as rows of text.

Spreadsheets come from other people's computers: a file may be damaged, renamed, hold
formulas, be a zip bomb, or be written by a program that leaves the workbook's own
bookkeeping wrong. What is read here must be what the user sees in Excel:

* the ``<dimension>`` element a sheet declares is ignored (some writers leave it stale,
  and openpyxl's read-only mode would stop there): every ``<row>`` is read;
* hidden sheets are never read, only named, so the caller can say they were skipped;
* a cell merged down several rows gives its value to each of them (a sector typed once
  beside its people);
* numbers keep what they were: ``Cell.number`` says the cell held a number, so a phone
  number that lost its leading 0 can be recognised; dates become ISO dates;
* only real formula cells are formulas: text that starts with "=" is text;
* Strict Open XML workbooks are read through the transitional names;
* text files: UTF-8 with or without BOM, UTF-16 with BOM (Excel's "Unicode Text"),
  TIS-620/cp874; comma, semicolon or tab; CR, LF or CRLF line ends, even mixed.

Each problem becomes a UserError naming the file; nothing here writes anything.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import warnings
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workshop_app.errors import UserError

# An invitation list of thousands of people is well under 5 MB unpacked.
MAX_UNPACKED_BYTES = 64 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200
MAX_ROWS = 50_000
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, or an encrypted .xlsx
SEPARATORS = (",", ";", "\t")

_STRICT_NAMESPACE = re.compile(rb"http://purl\.oclc\.org/ooxml/(\w+)/")
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\s+ref=\"([A-Z]+)(\d+):([A-Z]+)(\d+)\"")


@dataclass(frozen=True)
class Cell:
    text: str
    is_formula: bool = False
    number: bool = False  # the cell held a number (not text that looks like one)
    date: bool = False  # the cell held a date; ``text`` is its ISO form
    other: bool = False  # a true/false value or an error (#N/A), shown as Excel shows it


BLANK = Cell("")


@dataclass(frozen=True)
class Table:
    """One sheet: rows of cells; ``row_numbers[i]`` is the row number the user sees for
    ``rows[i]``; ``name`` is the sheet's name ("" for a text file)."""

    rows: list[list[Cell]]
    row_numbers: list[int]
    column_labels: bool  # True: columns are lettered (A, B, ...) as in a spreadsheet
    name: str = ""


@dataclass(frozen=True)
class SourceFile:
    """What a file holds: its visible sheets in workbook order, and the names of the
    hidden ones (never read)."""

    name: str
    sheets: list[Table]
    hidden: list[str] = field(default_factory=list)
    strict: bool = False  # read from a Strict Open XML workbook


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA"""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def column_index(letters: str) -> int:
    """A -> 0, AA -> 26"""
    index = 0
    for char in letters:
        index = index * 26 + ord(char) - 64
    return index - 1


def _one_line_ends(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _number_text(value: float) -> str:
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def _cell(value: object, data_type: str = "") -> Cell:
    if value is None:
        return BLANK
    if isinstance(value, bool):
        return Cell("TRUE" if value else "FALSE", other=True)
    if isinstance(value, int):
        return Cell(str(value), number=True)
    if isinstance(value, float):
        return Cell(_number_text(value), number=True)
    if isinstance(value, dt.datetime):
        text = value.date().isoformat() if value.time() == dt.time() else value.isoformat()
        return Cell(text, date=True)
    if isinstance(value, dt.date):
        return Cell(value.isoformat(), date=True)
    text = _one_line_ends(str(value))
    return Cell(text, is_formula=data_type == "f")


_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
EXCEL_EPOCH = dt.date(1899, 12, 30)  # day 0 of Excel's 1900 date system (its 1900-02-29 bug)


def cell_date(cell: Cell) -> dt.date | None:
    """The date a cell of a date column holds: a date cell; an Excel date serial that
    lost its date format (45678 -> 2025-01-20); or text typed as day/month/year, in the
    Buddhist Era (12/3/2569) or the Christian. None if it is no date."""
    text = cell.text.strip().translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))
    if not text:
        return None
    if cell.date:
        try:
            return dt.date.fromisoformat(text[:10])
        except ValueError:
            return None
    if cell.number:
        try:
            serial = float(text)
        except ValueError:
            return None
        if 1 <= serial < 2_958_466 and serial.is_integer():  # up to 9999-12-31
            return EXCEL_EPOCH + dt.timedelta(days=int(serial))
        return None
    match = _DAY_MONTH_YEAR.match(text)
    if match is None:
        return None
    day, month, year = (int(g) for g in match.groups())
    if year > 2400:  # Buddhist Era
        year -= 543
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def check_zip(path: Path) -> None:
    """Refuse an archive that is not a zip or inflates abnormally, before any part of it
    is parsed (spreadsheets and sync bundles)."""
    try:
        with zipfile.ZipFile(path) as archive:
            total = 0
            for info in archive.infolist():
                total += info.file_size
                ratio = info.file_size / max(info.compress_size, 1)
                if total > MAX_UNPACKED_BYTES or ratio > MAX_COMPRESSION_RATIO:
                    raise UserError(
                        f"แฟ้ม {path.name} ขยายตัวผิดปกติเมื่อแตกออก (อาจเป็นแฟ้มอันตราย) จึงไม่นำเข้า",
                        f"{path.name} inflates abnormally when unpacked (possibly malicious); "
                        "not imported",
                    )
    except zipfile.BadZipFile as exc:
        raise UserError(
            f"แฟ้ม {path.name} ไม่ใช่แฟ้ม Excel (.xlsx) ที่อ่านได้ หรือแฟ้มเสียหาย",
            f"{path.name} is not a readable Excel (.xlsx) file, or it is damaged",
        ) from exc


def _too_many_rows(file_name: str, sheet: str) -> UserError:
    where_th = f" แผ่นงาน {sheet}" if sheet else ""
    where_en = f" sheet {sheet}" if sheet else ""
    return UserError(
        f"แฟ้ม {file_name}{where_th} มีเกิน {MAX_ROWS:,} แถว",
        f"{file_name}{where_en} has over {MAX_ROWS:,} rows",
    )


def _transitional_copy(path: Path) -> io.BytesIO | None:
    """A Strict Open XML workbook rewritten in memory with the transitional namespaces
    openpyxl knows (the parts are otherwise the same); None for a transitional one."""
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        workbook_part = next((n for n in names if n.endswith("workbook.xml")), "")
        if not workbook_part or not _STRICT_NAMESPACE.search(archive.read(workbook_part)):
            return None
        copy = io.BytesIO()
        with zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as out:
            for name in names:
                data = archive.read(name)
                if name.endswith((".xml", ".rels")):
                    data = _STRICT_NAMESPACE.sub(
                        rb"http://schemas.openxmlformats.org/\1/2006/", data
                    )
                out.writestr(name, data)
    copy.seek(0)
    return copy


def _merged_down(data: bytes) -> list[tuple[int, int, int, int]]:
    """(first column, first row, last column, last row) of each merged range spanning
    several rows, from the sheet's XML (read-only openpyxl does not report merges)."""
    ranges = []
    for first_col, first_row, last_col, last_row in _MERGE.findall(data):
        if int(last_row) > int(first_row):
            ranges.append(
                (
                    column_index(first_col.decode()),
                    int(first_row),
                    column_index(last_col.decode()),
                    int(last_row),
                )
            )
    return ranges


def _fill_merged(
    rows: list[list[Cell]], numbers: list[int], merged: list[tuple[int, int, int, int]]
) -> None:
    """Copy the value of each cell merged down several rows into the rows below it, in
    the range's first column (a title merged across columns stays in one cell)."""
    index_of = {number: index for index, number in enumerate(numbers)}
    for first_col, first_row, _last_col, last_row in merged:
        top = index_of.get(first_row)
        if top is None or first_col >= len(rows[top]):
            continue
        value = rows[top][first_col]
        for number in range(first_row + 1, last_row + 1):
            index = index_of.get(number)
            if index is None:
                continue
            row = rows[index]
            if len(row) <= first_col:
                row.extend([BLANK] * (first_col + 1 - len(row)))
            row[first_col] = value


_CELL_REF = re.compile(r"([A-Z]+)(\d+)")


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_C, _ROW, _V, _F, _IS, _T = (f"{_MAIN}{t}" for t in ("c", "row", "v", "f", "is", "t"))


def _sheet_cell(element: Any, shared: Sequence[Any], dates: Any, epoch: Any) -> Cell:
    kind = element.get("t", "n")
    formula = element.find(_F)
    if formula is not None:
        return Cell(_one_line_ends("=" + (formula.text or "")), is_formula=True)
    if kind == "inlineStr":
        inline = element.find(_IS)
        text = "".join(t.text or "" for t in inline.iter(_T)) if inline is not None else ""
        return Cell(_one_line_ends(text)) if text else BLANK
    value = element.findtext(_V)
    if value is None:
        return BLANK
    if kind == "s":
        text = str(shared[int(value)])
        return Cell(_one_line_ends(text)) if text else BLANK
    if kind == "str":
        return Cell(_one_line_ends(value))
    if kind == "e":
        return Cell(value, other=True)
    if kind == "b":
        return Cell("TRUE" if value == "1" else "FALSE", other=True)
    if kind == "d":
        midnight = value.endswith("T00:00:00") or len(value) == 10
        return Cell(value[:10] if midnight else value, date=True)
    number = float(value)
    style = element.get("s")
    if style is not None and int(style) in dates:
        from openpyxl.utils.datetime import from_excel

        return _cell(from_excel(number, epoch))
    return Cell(_number_text(number), number=True)


def _read_sheet(data: bytes, title: str, reader: Any, file_name: str) -> Table:
    """Every <row> of a sheet's XML, whatever its <dimension> declares. Parsed here
    rather than through openpyxl's cell objects: ten times less work per cell, the same
    values (shared strings, inline strings, numbers, dates by their style, formulas)."""
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        # Entities need a DTD: a sheet that has one goes through defusedxml, which
        # refuses it (no spreadsheet program writes one).
        from defusedxml.ElementTree import iterparse
    else:
        # Without a DTD nothing can be expanded: the standard library's C parser,
        # ten times faster than defusedxml's, which makes each element a Python call.
        from xml.etree.ElementTree import iterparse

    shared = reader.shared_strings
    dates = reader.wb._date_formats  # style ids whose number format is a date
    epoch = reader.wb.epoch
    rows: list[list[Cell]] = []
    numbers: list[int] = []
    row: list[Cell] = []
    number = 0
    with io.BytesIO(data) as stream:
        for _event, element in iterparse(stream, events=("end",)):
            tag = element.tag
            if tag == _C:
                reference = _CELL_REF.match(element.get("r", ""))
                column = column_index(reference.group(1)) if reference else len(row)
                if column >= len(row):
                    row.extend([BLANK] * (column - len(row)))
                    row.append(_sheet_cell(element, shared, dates, epoch))
                else:
                    row[column] = _sheet_cell(element, shared, dates, epoch)
            elif tag == _ROW:
                number = int(element.get("r") or number + 1)
                if number > MAX_ROWS:
                    raise _too_many_rows(file_name, title)
                while row and not row[-1].text:
                    row.pop()
                rows.append(row)
                numbers.append(number)
                row = []
                element.clear()
    return Table(rows, numbers, column_labels=True, name=title)


def _read_xlsx(path: Path) -> SourceFile:
    with path.open("rb") as handle:
        if handle.read(len(OLE_MAGIC)) == OLE_MAGIC:
            raise UserError(
                f"แฟ้ม {path.name} เป็น Excel รุ่นเก่า (.xls) หรือตั้งรหัสผ่านไว้ กรุณาบันทึกเป็น "
                ".xlsx โดยไม่ตั้งรหัสผ่าน",
                f"{path.name} is an old Excel file (.xls) or password-protected; save it as "
                ".xlsx without a password",
            )
    check_zip(path)
    # Imported here: openpyxl is slow to import and only needed for .xlsx.
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.styles.stylesheet import apply_stylesheet

    source: Path | io.BytesIO = path
    strict = False
    try:
        transitional = _transitional_copy(path)
        if transitional is not None:
            source, strict = transitional, True
        with warnings.catch_warnings():
            # openpyxl warns of parts it drops (extensions, data validation); none is
            # read here and the user can do nothing about them.
            warnings.simplefilter("ignore")
            # The workbook's structure, shared strings and styles only: openpyxl's
            # read-only sheets would scan each sheet for its size before it is read.
            reader = ExcelReader(source, read_only=True, data_only=False)
            reader.read_manifest()
            reader.read_strings()
            reader.read_workbook()
            apply_stylesheet(reader.archive, reader.wb)
            listed = list(reader.parser.find_sheets())
    except Exception as exc:  # openpyxl raises many types for damaged files
        raise UserError(
            f"อ่านแฟ้ม {path.name} ไม่ได้: แฟ้มเสียหายหรือไม่ใช่ .xlsx ({type(exc).__name__})",
            f"cannot read {path.name}: damaged or not an .xlsx file ({type(exc).__name__})",
        ) from exc
    sheets: list[Table] = []
    hidden: list[str] = []
    try:
        archive = reader.archive
        for sheet, relation in listed:
            if (sheet.state or "visible") != "visible":
                hidden.append(sheet.name)
                continue
            if "chartsheet" in (relation.Type or ""):  # a chart: no cells
                continue
            part = relation.target
            data = archive.read(part.lstrip("/"))
            table = _read_sheet(data, sheet.name, reader, path.name)
            _fill_merged(table.rows, table.row_numbers, _merged_down(data))
            sheets.append(table)
    except UserError:
        raise
    except Exception as exc:  # damage found while reading the rows
        raise UserError(
            f"อ่านแฟ้ม {path.name} ไม่ได้: แฟ้มเสียหาย ({type(exc).__name__})",
            f"cannot read {path.name}: the file is damaged ({type(exc).__name__})",
        ) from exc
    finally:
        reader.archive.close()
    return SourceFile(path.name, sheets, hidden, strict)


def decode_text(data: bytes, name: str) -> str:
    """Text of a CSV or tab-separated file in the encodings Thai offices' computers use."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode Text": UTF-16
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    elif b"\x00" not in data:
        # Excel on Thai Windows saves CSV in TIS-620 (cp874) unless told to use UTF-8.
        for encoding in ("utf-8-sig", "cp874"):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                continue
    raise UserError(
        f"อ่านตัวอักษรในแฟ้ม {name} ไม่ได้ (ต้องเป็นแฟ้มข้อความ UTF-8, UTF-16 หรือ TIS-620)",
        f"cannot read the text of {name} (expected UTF-8, UTF-16 or TIS-620 text)",
    )


def guess_separator(text: str) -> str:
    """The separator the most lines share the same nonzero count of (a title line
    above the table has none; commas inside the text vary from line to line)."""
    lines = [line for line in text.splitlines()[:60] if line.strip()]
    best, best_score = ",", 0
    for separator in SEPARATORS:
        counts: dict[int, int] = {}
        for line in lines:
            count = line.count(separator)
            if count:
                counts[count] = counts.get(count, 0) + 1
        score = max(counts.values(), default=0)
        if score > best_score:
            best, best_score = separator, score
    return best


# A CR doubled before a CRLF (a file converted twice) is a stray, not a line end.
_STRAY_CR = re.compile(r"\r+(?=\r\n)")


def _read_text(path: Path) -> SourceFile:
    data = path.read_bytes()
    if len(data) > MAX_UNPACKED_BYTES:
        raise UserError(f"แฟ้ม {path.name} ใหญ่เกินไป", f"{path.name} is too large")
    text = _STRAY_CR.sub("", decode_text(data, path.name))
    separator = guess_separator(text)
    # newline="" lets the csv module take CR, LF and CRLF as line ends, mixed too, and
    # keep line breaks inside quoted cells.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    rows: list[list[Cell]] = []
    try:
        for values in reader:
            if len(rows) >= MAX_ROWS:
                raise _too_many_rows(path.name, "")
            # A text file holds no formulas: "=..." is what someone typed.
            rows.append([Cell(_one_line_ends(v)) if v else BLANK for v in values])
    except csv.Error as exc:
        raise UserError(
            f"อ่านแฟ้ม {path.name} ไม่ได้ที่บรรทัด {reader.line_num}: {exc}",
            f"cannot read {path.name} at line {reader.line_num}: {exc}",
        ) from exc
    table = Table(rows, list(range(1, len(rows) + 1)), column_labels=False)
    return SourceFile(path.name, [table])


def read_file(path: Path) -> SourceFile:
    """Every visible sheet of ``path`` (.xlsx/.xlsm, or .csv/.txt/.tsv text)."""
    if not path.is_file():
        raise UserError(f"ไม่พบแฟ้ม {path}", f"file not found: {path}")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if suffix in (".csv", ".txt", ".tsv"):
        return _read_text(path)
    if suffix == ".xls":
        raise UserError(
            f"แฟ้ม {path.name} เป็น Excel รุ่นเก่า (.xls) กรุณาบันทึกเป็น .xlsx หรือ .csv ก่อน",
            f"{path.name} is an old Excel file (.xls); save it as .xlsx or .csv first",
        )
    raise UserError(
        f"นำเข้าได้เฉพาะแฟ้ม .xlsx, .csv หรือ .txt (ได้รับ {path.name})",
        f"only .xlsx, .csv or .txt files can be imported (got {path.name})",
    )


def read_table(path: Path) -> Table:
    """The first visible sheet of ``path``."""
    source = read_file(path)
    if not source.sheets:
        raise UserError(f"แฟ้ม {path.name} ไม่มีแผ่นงานที่มองเห็น", f"{path.name} has no visible sheet")
    return source.sheets[0]
