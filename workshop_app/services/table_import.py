"""What every spreadsheet import shares: finding the header row, naming problems by row
and column, refusing the whole file, and reading sector names the way people write them.

Imports are all or nothing: a file is read and checked completely before anything is
written, and every problem is reported with its row and column.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sqlalchemy.orm import Session

from workshop_app.errors import UserError
from workshop_app.export.tables import Cell, Table, column_letter
from workshop_app.services.presets import DEFAULT_SECTORS
from workshop_app.services.workshops import list_sectors
from workshop_app.thai.normalize import search_key

HEADER_SEARCH_ROWS = 30
MAX_PROBLEMS_SHOWN = 15

# Other ways people write the default sectors.
SECTOR_ALIASES: dict[str, str] = {
    "ราชการ": "ส่วนราชการ",
    "หน่วยงานราชการ": "ส่วนราชการ",
    "ภาครัฐ": "ส่วนราชการ",
    "government": "ส่วนราชการ",
    "อปท": "องค์กรปกครองส่วนท้องถิ่น",
    "ท้องถิ่น": "องค์กรปกครองส่วนท้องถิ่น",
    "เอกชน": "ภาคเอกชน",
    "ธุรกิจ": "ภาคเอกชน",
    "business": "ภาคเอกชน",
    "ประชาสังคม": "ภาคประชาสังคม",
    "ngo": "ภาคประชาสังคม",
    "ประชาชน": "ภาคประชาชน",
    "มหาวิทยาลัย": "สถาบันการศึกษา",
    "วิชาการ": "สถาบันการศึกษา",
    "university": "สถาบันการศึกษา",
    "อื่นๆ": "อื่น ๆ",
}

_HEADER_NOISE = re.compile(r"[\s\-–—_./:()*]+")


def header_key(text: str) -> str:
    return _HEADER_NOISE.sub("", search_key(text))


def header_lookup(synonyms: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """header_key of every way of writing a header -> the field it names."""
    return {header_key(s): name for name, words in synonyms.items() for s in words}


@dataclass(frozen=True)
class ImportProblem:
    row: int | None
    column: str | None  # "C (ภาคส่วน)" or "ภาคส่วน"
    thai: str
    english: str

    def message(self, language: str = "th") -> str:
        where_th = " ".join(
            p
            for p in (
                f"แถว {self.row}" if self.row else "",
                f"คอลัมน์ {self.column}" if self.column else "",
            )
            if p
        )
        where_en = ", ".join(
            p
            for p in (
                f"row {self.row}" if self.row else "",
                f"column {self.column}" if self.column else "",
            )
            if p
        )
        if language == "th":
            return f"{where_th}: {self.thai}" if where_th else self.thai
        return f"{where_en}: {self.english}" if where_en else self.english


class ImportRejectedError(UserError):
    """The file was not imported; ``problems`` names every row and column at fault."""

    def __init__(self, file_name: str, problems: list[ImportProblem]) -> None:
        self.problems = problems

        def summary(language: str) -> str:
            lines = [p.message(language) for p in problems[:MAX_PROBLEMS_SHOWN]]
            more = len(problems) - MAX_PROBLEMS_SHOWN
            if more > 0:
                lines.append(
                    f"... และอีก {more} รายการ" if language == "th" else f"... and {more} more"
                )
            return "\n".join(lines)

        super().__init__(
            f"ไม่ได้นำเข้าแฟ้ม {file_name} (ไม่มีการเปลี่ยนแปลงข้อมูล) เพราะพบปัญหา {len(problems)} รายการ:\n"
            + summary("th"),
            f"{file_name} was not imported (nothing changed): {len(problems)} problem(s):\n"
            + summary("en"),
        )


@dataclass(frozen=True)
class HeaderColumns:
    """A table's header row, the column of each field it names, and the header text used
    to name a field in messages ("C (ภาคส่วน)" when the file has column letters)."""

    table: Table
    header_index: int
    columns: dict[str, int]
    headers: dict[str, str]

    def label(self, name: str) -> str:
        header = self.headers[name]
        if self.table.column_labels:
            return f"{column_letter(self.columns[name])} ({header})"
        return header

    def rows(self) -> Iterator[tuple[int, dict[str, str], list[ImportProblem]]]:
        """Each row below the header that is not blank: its number in the file, its
        stripped values by field, and a problem for each used cell holding a formula."""
        table = self.table
        start = self.header_index + 1
        for row, number in zip(table.rows[start:], table.row_numbers[start:], strict=True):
            values: dict[str, str] = {}
            problems: list[ImportProblem] = []
            for name, column in self.columns.items():
                cell = row[column] if column < len(row) else Cell("")
                if cell.is_formula:
                    problems.append(
                        ImportProblem(
                            number,
                            self.label(name),
                            f"ช่องนี้เป็นสูตร ({cell.text[:40]}) กรุณาวางเป็นค่าแทน",
                            f"the cell holds a formula ({cell.text[:40]}); paste it as a value",
                        )
                    )
                values[name] = cell.text.strip()
            if any(values.values()):  # blank lines between groups are skipped
                yield number, values, problems


def label_lookup(labels: dict[str, tuple[str, str]], aliases: dict[str, str]) -> dict[str, str]:
    """header_key of a value's key, its Thai and English label or an alias -> the key
    (the kinds of idea, the budget lists)."""
    lookup = {header_key(key): key for key in labels}
    for key, (thai, english) in labels.items():
        lookup[header_key(thai)] = key
        lookup[header_key(english)] = key
    for alias, key in aliases.items():
        lookup[header_key(alias)] = key
    return lookup


def find_header(
    table: Table, lookup: dict[str, str], required: Iterable[str]
) -> tuple[int, dict[str, int]] | None:
    """Index of the header row (among the first rows, below any titles) and the column of
    each field it names; the row must name one of ``required`` and at least two fields."""
    needed = set(required)
    best: tuple[int, dict[str, int]] | None = None
    for index, row in enumerate(table.rows[:HEADER_SEARCH_ROWS]):
        columns: dict[str, int] = {}
        for column, cell in enumerate(row):
            name = lookup.get(header_key(cell.text))
            if name and name not in columns:
                columns[name] = column
        named = bool(needed & columns.keys()) and len(columns) >= 2
        if named and (best is None or len(columns) > len(best[1])):
            best = (index, columns)
    return best


def sector_lookup(session: Session, workshop_id: str) -> dict[str, str]:
    """header_key of a sector's name, its English default name or an alias -> its id."""
    sectors = list_sectors(session, workshop_id)
    by_name = {header_key(s.name): s.id for s in sectors}
    lookup = dict(by_name)
    for thai, english, _colour in DEFAULT_SECTORS:
        if header_key(thai) in by_name:
            lookup[header_key(english)] = by_name[header_key(thai)]
    for alias, thai in SECTOR_ALIASES.items():
        if header_key(thai) in by_name:
            lookup.setdefault(header_key(alias), by_name[header_key(thai)])
    return lookup
