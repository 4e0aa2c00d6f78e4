"""Read the first sheet of an .xlsx or a .csv as rows of text, safely.

Spreadsheets come from other people's computers: a file may be damaged, renamed, hold
formulas, or be a zip bomb. Each problem becomes a UserError naming the file; nothing
here writes anything.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from workshop_app.errors import UserError

# An invitation list of thousands of people is well under 5 MB unpacked.
MAX_UNPACKED_BYTES = 64 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200
MAX_ROWS = 50_000


@dataclass(frozen=True)
class Cell:
    text: str
    is_formula: bool = False


@dataclass(frozen=True)
class Table:
    """Rows of cells; ``row_numbers[i]`` is the row number the user sees for ``rows[i]``."""

    rows: list[list[Cell]]
    row_numbers: list[int]
    column_labels: bool  # True: columns are lettered (A, B, ...) as in a spreadsheet


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA"""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _cell_text(value: object) -> Cell:
    if value is None:
        return Cell("")
    if isinstance(value, bool):
        return Cell("1" if value else "")
    if isinstance(value, float) and value.is_integer():
        return Cell(str(int(value)))
    if isinstance(value, dt.datetime | dt.date):
        return Cell(value.isoformat())
    text = str(value)
    return Cell(text, is_formula=text.startswith("="))


def check_zip(path: Path) -> None:
    """Refuse an archive that is not a zip or inflates abnormally, before any part of it
    is parsed (spreadsheets and, later, sync bundles)."""
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


def _read_xlsx(path: Path) -> Table:
    check_zip(path)
    import openpyxl  # imported here: it is slow to import and only needed for .xlsx

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many types for damaged files
        raise UserError(
            f"อ่านแฟ้ม {path.name} ไม่ได้: แฟ้มเสียหายหรือไม่ใช่ .xlsx ({type(exc).__name__})",
            f"cannot read {path.name}: damaged or not an .xlsx file ({type(exc).__name__})",
        ) from exc
    try:
        sheet = workbook.worksheets[0]
        rows: list[list[Cell]] = []
        numbers: list[int] = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            if number > MAX_ROWS:
                raise UserError(
                    f"แฟ้ม {path.name} มีเกิน {MAX_ROWS:,} แถว",
                    f"{path.name} has over {MAX_ROWS:,} rows",
                )
            rows.append([_cell_text(v) for v in values])
            numbers.append(number)
    finally:
        workbook.close()
    return Table(rows, numbers, column_labels=True)


def _decode(data: bytes, name: str) -> str:
    # Excel on Thai Windows saves CSV in TIS-620 (cp874) unless told to use UTF-8.
    for encoding in ("utf-8-sig", "cp874"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UserError(
        f"อ่านตัวอักษรในแฟ้ม {name} ไม่ได้ (ต้องเป็น UTF-8 หรือ TIS-620)",
        f"cannot decode {name} (expected UTF-8 or TIS-620 text)",
    )


def _read_csv(path: Path) -> Table:
    data = path.read_bytes()
    if len(data) > MAX_UNPACKED_BYTES:
        raise UserError(f"แฟ้ม {path.name} ใหญ่เกินไป", f"{path.name} is too large")
    if b"\x00" in data:
        raise UserError(f"แฟ้ม {path.name} ไม่ใช่แฟ้มข้อความ CSV", f"{path.name} is not a CSV text file")
    text = _decode(data, path.name)
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(
            text[:4096], delimiters=",;\t"
        )
    except csv.Error:
        dialect = csv.excel
    rows = [[_cell_text(v) for v in row] for row in csv.reader(io.StringIO(text), dialect)]
    if len(rows) > MAX_ROWS:
        raise UserError(
            f"แฟ้ม {path.name} มีเกิน {MAX_ROWS:,} แถว", f"{path.name} has over {MAX_ROWS:,} rows"
        )
    return Table(rows, list(range(1, len(rows) + 1)), column_labels=False)


def read_table(path: Path) -> Table:
    """Read the first sheet of ``path`` (.xlsx or .csv)."""
    if not path.is_file():
        raise UserError(f"ไม่พบแฟ้ม {path}", f"file not found: {path}")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if suffix in (".csv", ".txt"):
        return _read_csv(path)
    if suffix == ".xls":
        raise UserError(
            f"แฟ้ม {path.name} เป็น Excel รุ่นเก่า (.xls) กรุณาบันทึกเป็น .xlsx หรือ .csv ก่อน",
            f"{path.name} is an old Excel file (.xls); save it as .xlsx or .csv first",
        )
    raise UserError(
        f"นำเข้าได้เฉพาะแฟ้ม .xlsx หรือ .csv (ได้รับ {path.name})",
        f"only .xlsx or .csv files can be imported (got {path.name})",
    )
