"""What every spreadsheet import shares: the meanings a column can have, guessing them
from the header and the content, choosing the sheet, finding the table below titles,
heading rows that start a group, naming problems by sheet, row and column, and reading
sector names the way people write them.

Imports are all or nothing: a file is read and checked completely before anything is
written, and every problem is reported with its sheet, row and column.

Adding a kind of column to an import is one ``ColumnMeaning`` entry in that import's
tuple of meanings (its key, its Thai and English label, the headers people give it);
the import then reads ``values[key]`` for each row.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from workshop_app.errors import UserError
from workshop_app.readers.tables import (
    BLANK,
    Cell,
    SourceFile,
    Table,
    column_index,
    column_letter,
)
from workshop_app.services.presets import DEFAULT_SECTORS
from workshop_app.services.workshops import list_sectors
from workshop_app.thai.normalize import search_key, to_arabic_digits

# How far a long import got: (rows done, rows in all). The GUI's Cancel raises from it,
# so it is called only where stopping leaves nothing half done (before a commit).
RowProgress = Callable[[int, int], None]
PROGRESS_EVERY_ROWS = 200

HEADER_SEARCH_ROWS = 30
MAX_PROBLEMS_SHOWN = 15
CONTENT_SAMPLE_ROWS = 60
IGNORE = ""  # the meaning of a column that is not imported

# Other ways people write the default sectors.
SECTOR_ALIASES: dict[str, str] = {
    "ราชการ": "ส่วนราชการ",
    "หน่วยงานราชการ": "ส่วนราชการ",
    "หน่วยงานภาครัฐ": "ส่วนราชการ",
    "ภาครัฐ": "ส่วนราชการ",
    "ภาคราชการ": "ส่วนราชการ",
    "government": "ส่วนราชการ",
    "governmentagency": "ส่วนราชการ",
    "รัฐวิสาหกิจ": "รัฐวิสาหกิจ",
    "stateenterprise": "รัฐวิสาหกิจ",
    "อปท": "องค์กรปกครองส่วนท้องถิ่น",
    "ท้องถิ่น": "องค์กรปกครองส่วนท้องถิ่น",
    "ภาคท้องถิ่น": "องค์กรปกครองส่วนท้องถิ่น",
    "localgovernment": "องค์กรปกครองส่วนท้องถิ่น",
    "เอกชน": "ภาคเอกชน",
    "ภาคธุรกิจเอกชน": "ภาคเอกชน",
    "ธุรกิจ": "ภาคเอกชน",
    "business": "ภาคเอกชน",
    "privatesector": "ภาคเอกชน",
    "ประชาสังคม": "ภาคประชาสังคม",
    "ngo": "ภาคประชาสังคม",
    "civilsociety": "ภาคประชาสังคม",
    "ประชาชน": "ภาคประชาชน",
    "citizens": "ภาคประชาชน",
    "มหาวิทยาลัย": "สถาบันการศึกษา",
    "วิชาการ": "สถาบันการศึกษา",
    "ภาควิชาการ": "สถาบันการศึกษา",
    "สถานศึกษา": "สถาบันการศึกษา",
    "university": "สถาบันการศึกษา",
    "academia": "สถาบันการศึกษา",
    "อื่นๆ": "อื่น ๆ",
    "อื่น": "อื่น ๆ",
}

# Words in an organisation's name that tell its sector (checked in this order: "สำนักงาน
# ส่งเสริมการปกครองท้องถิ่นจังหวัด" is a government office, not a local government).
ORGANISATION_SECTOR_WORDS: tuple[tuple[str, str], ...] = (
    ("สำนักงานส่งเสริมการปกครองท้องถิ่น", "ส่วนราชการ"),
    ("องค์การบริหารส่วน", "องค์กรปกครองส่วนท้องถิ่น"),
    ("อบจ", "องค์กรปกครองส่วนท้องถิ่น"),
    ("อบต", "องค์กรปกครองส่วนท้องถิ่น"),
    ("เทศบาล", "องค์กรปกครองส่วนท้องถิ่น"),
    ("การไฟฟ้า", "รัฐวิสาหกิจ"),
    ("การประปา", "รัฐวิสาหกิจ"),
    ("ธกส", "รัฐวิสาหกิจ"),
    ("ธนาคารเพื่อการเกษตร", "รัฐวิสาหกิจ"),
    ("ธนาคารออมสิน", "รัฐวิสาหกิจ"),
    ("การท่องเที่ยวแห่งประเทศไทย", "รัฐวิสาหกิจ"),
    ("ไปรษณีย์ไทย", "รัฐวิสาหกิจ"),
    ("บริษัททีโอที", "รัฐวิสาหกิจ"),
    ("มหาวิทยาลัย", "สถาบันการศึกษา"),
    ("วิทยาลัย", "สถาบันการศึกษา"),
    ("โรงเรียน", "สถาบันการศึกษา"),
    ("สถาบันอุดมศึกษา", "สถาบันการศึกษา"),
    ("หอการค้า", "ภาคเอกชน"),
    ("สภาอุตสาหกรรม", "ภาคเอกชน"),
    ("สมาคมธนาคาร", "ภาคเอกชน"),
    ("สมาคมท่องเที่ยว", "ภาคเอกชน"),
    ("สมาคมโรงแรม", "ภาคเอกชน"),
    ("บริษัท", "ภาคเอกชน"),
    ("บจก", "ภาคเอกชน"),
    ("หจก", "ภาคเอกชน"),
    ("ห้างหุ้นส่วน", "ภาคเอกชน"),
    ("มูลนิธิ", "ภาคประชาสังคม"),
    ("สมาคม", "ภาคประชาสังคม"),
    ("เครือข่าย", "ภาคประชาสังคม"),
    ("สภาองค์กรชุมชน", "ภาคประชาสังคม"),
    ("วิสาหกิจชุมชน", "ภาคประชาชน"),
    ("ผู้ใหญ่บ้าน", "ภาคประชาชน"),
    ("กำนัน", "ภาคประชาชน"),
    ("ประชาชน", "ภาคประชาชน"),
    ("ศาลากลาง", "ส่วนราชการ"),
    ("ที่ทำการปกครอง", "ส่วนราชการ"),
    ("สำนักงาน", "ส่วนราชการ"),
    ("สาธารณสุข", "ส่วนราชการ"),
    ("โรงพยาบาล", "ส่วนราชการ"),
    ("ตำรวจ", "ส่วนราชการ"),
    ("กองบังคับการ", "ส่วนราชการ"),
    ("กองกำลัง", "ส่วนราชการ"),
    ("ศูนย์", "ส่วนราชการ"),
    ("จังหวัด", "ส่วนราชการ"),
    ("อำเภอ", "ส่วนราชการ"),
)

# Rows below a table that are not data: totals, notes, signatures, the date of an
# appointing order ("สั่ง ณ วันที่ ...").
_FOOTER = re.compile(r"^(รวม|ทั้งหมด|หมายเหตุ|total|note|ลงชื่อ|สั่ง\s*ณ)", re.IGNORECASE)
# Numbering before a heading: "1.", "๑)", "ก.", "กลุ่มที่ 2", "(3)"
_HEADING_NUMBER = re.compile(r"^\s*(?:กลุ่มที่\s*\d+|\(?\d+[.)]|[ก-ฮ][.)])\s*")
# A count after a heading: "(15 คน)", "จำนวน 12 ราย"
_HEADING_COUNT = re.compile(r"\s*(?:\(?\s*(?:จำนวน)?\s*\d+\s*(?:คน|ราย|ท่าน)\s*\)?)\s*:?$")
_HEADER_NOISE = re.compile(r"[\s\-–—_./:()*#]+")
_SEQUENCE = re.compile(r"^\d{1,5}\.?$")


def header_key(text: str) -> str:
    return _HEADER_NOISE.sub("", search_key(text))


def header_lookup(synonyms: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """header_key of every way of writing a header -> the field it names."""
    return {header_key(s): name for name, words in synonyms.items() for s in words}


@dataclass(frozen=True)
class ColumnMeaning:
    """What a column can hold in an import: its key, its label, the headers people give
    it, and a test of a value that lets a column be guessed from its content when its
    header says nothing (None: guessed by header only)."""

    key: str
    thai: str
    english: str
    headers: tuple[str, ...]
    looks_like: Callable[[str], bool] | None = None

    def label(self, language: str) -> str:
        return self.thai if language == "th" else self.english


def _is_sequence(text: str) -> bool:
    return bool(_SEQUENCE.match(to_arabic_digits(text).strip()))


SEQUENCE = ColumnMeaning(
    "sequence",
    "ลำดับที่",
    "No.",
    ("ที่", "ลำดับ", "ลำดับที่", "no", "number", "seq", "ลำดับ ที่"),
    _is_sequence,
)


@dataclass(frozen=True)
class ImportProblem:
    row: int | None
    column: str | None  # "C (ภาคส่วน)" or "ภาคส่วน"
    thai: str
    english: str
    sheet: str | None = None
    column_index: int | None = None  # where to mark it in a preview

    def message(self, language: str = "th") -> str:
        th_parts = (
            f"แผ่นงาน '{self.sheet}'" if self.sheet else "",
            f"แถว {self.row}" if self.row else "",
            f"คอลัมน์ {self.column}" if self.column else "",
        )
        en_parts = (
            f"sheet '{self.sheet}'" if self.sheet else "",
            f"row {self.row}" if self.row else "",
            f"column {self.column}" if self.column else "",
        )
        where_th = " ".join(p for p in th_parts if p)
        where_en = ", ".join(p for p in en_parts if p)
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
class ColumnChoice:
    """One column of the table: its header, its meaning (IGNORE: not imported) and how
    the meaning was decided ("header", "content", "user" or "" when unknown)."""

    index: int
    header: str
    meaning: str
    decided_by: str


@dataclass(frozen=True)
class ImportChoice:
    """What the user overrides: the sheet, and column meanings by header text or by
    column letter (``{"phone": "มือถือ"}``)."""

    sheet: str | None = None
    columns: Mapping[str, str] = field(default_factory=dict)


@dataclass
class SourceRow:
    """A data row: its number in the file, its stripped values by meaning, its cells by
    meaning (to see whether a value was a number or a date), the heading it falls under,
    and its problems so far."""

    number: int
    values: dict[str, str]
    cells: dict[str, Cell]
    heading: str
    problems: list[ImportProblem]


@dataclass
class LocatedTable:
    """The table an import reads: sheet, header row, column meanings, and why this
    sheet (for the user)."""

    source: SourceFile
    table: Table
    header_index: int
    columns: list[ColumnChoice]
    meanings: tuple[ColumnMeaning, ...]
    sheet_note: tuple[str, str]

    @property
    def header_row(self) -> int:
        return self.table.row_numbers[self.header_index]

    @property
    def sheet(self) -> str | None:
        return self.table.name or None

    def column_of(self, meaning: str) -> int | None:
        return next((c.index for c in self.columns if c.meaning == meaning), None)

    def has(self, meaning: str) -> bool:
        return self.column_of(meaning) is not None

    def label(self, meaning: str) -> str:
        column = self.column_of(meaning)
        thai = next((m.thai for m in self.meanings if m.key == meaning), meaning)
        if column is None:
            return thai
        header = self.columns[column].header or thai
        if self.table.column_labels:
            return f"{column_letter(column)} ({header})"
        return header

    def problem(
        self, row: int | None, meaning: str | None, thai: str, english: str
    ) -> ImportProblem:
        return ImportProblem(
            row,
            self.label(meaning) if meaning else None,
            thai,
            english,
            sheet=self.sheet,
            column_index=self.column_of(meaning) if meaning else None,
        )

    def rows(
        self,
        heading_of: Callable[[str], str | None] | None = None,
        progress: RowProgress | None = None,
    ) -> Iterator[SourceRow]:
        """Each data row below the header. Blank rows, footers ("รวม", "หมายเหตุ") and
        heading rows (one cell that ``heading_of`` recognises: the group the rows below
        belong to) are not data; a used cell holding a formula is a problem.
        ``progress``: told how far the reading got, every PROGRESS_EVERY_ROWS rows."""
        used = [(c.index, c.meaning) for c in self.columns if c.meaning not in (IGNORE, "")]
        table = self.table
        start = self.header_index + 1
        heading = ""
        total = len(table.rows) - start
        pairs = zip(table.rows[start:], table.row_numbers[start:], strict=True)
        for done, (row, number) in enumerate(pairs):
            if progress is not None and done % PROGRESS_EVERY_ROWS == 0:
                progress(done, total)
            filled = [(i, c) for i, c in enumerate(row) if c.text.strip()]
            if not filled:
                continue  # blank lines between groups
            texts = [c.text.strip() for _i, c in filled]
            # A number in the sequence column does not stop a row being a heading;
            # a heading typed into that column ("1. ส่วนราชการ") is the heading.
            content = [
                (i, c)
                for i, c in filled
                if not (
                    i < len(self.columns)
                    and self.columns[i].meaning == SEQUENCE.key
                    and _is_sequence(c.text)
                )
            ]
            if len(content) == 1 and heading_of is not None:
                found = heading_of(content[0][1].text.strip())
                if found is not None:
                    heading = found
                    continue
            if _FOOTER.match(texts[0]) and len(filled) <= 2:
                continue
            values: dict[str, str] = {}
            cells: dict[str, Cell] = {}
            problems: list[ImportProblem] = []
            for index, meaning in used:
                cell = row[index] if index < len(row) else BLANK
                if cell.is_formula:
                    problems.append(
                        self.problem(
                            number,
                            meaning,
                            f"ช่องนี้เป็นสูตร ({cell.text[:40]}) กรุณาวางเป็นค่าแทน",
                            f"the cell holds a formula ({cell.text[:40]}); paste it as a value",
                        )
                    )
                values[meaning] = cell.text.strip()
                cells[meaning] = cell
            yield SourceRow(number, values, cells, heading, problems)


def meaning_lookup(meanings: Iterable[ColumnMeaning]) -> dict[str, str]:
    lookup: dict[str, str] = {}
    for meaning in meanings:
        for header in (*meaning.headers, meaning.thai, meaning.english, meaning.key):
            lookup.setdefault(header_key(header), meaning.key)
    return lookup


def guess_by_header(text: str, lookup: Mapping[str, str]) -> str | None:
    """The meaning a header names: exactly one of the known headers, or one of them
    followed by more words ("ความคิดเห็น/ข้อเสนอ", "โทรศัพท์มือถือ"); known headers of
    five letters or more only, so "ชื่อหน่วยงาน" is not taken for "ชื่อ"."""
    key = header_key(text)
    if not key:
        return None
    if key in lookup:
        return lookup[key]
    best = ""
    for known in lookup:
        if len(known) >= 5 and key.startswith(known) and len(known) > len(best):
            best = known
    return lookup[best] if best else None


def _sample(table: Table, start: int, column: int) -> list[str]:
    values = []
    for row in table.rows[start : start + CONTENT_SAMPLE_ROWS]:
        if column < len(row) and row[column].text.strip():
            values.append(row[column].text.strip())
    return values


def _guess_columns(
    table: Table,
    header_index: int,
    meanings: Sequence[ColumnMeaning],
    lookup: Mapping[str, str],
    overrides: Mapping[int, str],
) -> list[ColumnChoice]:
    header = table.rows[header_index]
    width = max((len(r) for r in table.rows[header_index : header_index + 200]), default=0)
    choices: list[ColumnChoice] = []
    taken: set[str] = set(overrides.values()) - {IGNORE}
    for index in range(max(width, len(header))):
        text = header[index].text.strip() if index < len(header) else ""
        if index in overrides:
            choices.append(ColumnChoice(index, text, overrides[index], "user"))
            continue
        meaning = guess_by_header(text, lookup)
        if meaning is not None and meaning not in taken:
            taken.add(meaning)
            choices.append(ColumnChoice(index, text, meaning, "header"))
        else:
            choices.append(ColumnChoice(index, text, IGNORE, ""))
    # Columns whose header said nothing: guess from what they hold.
    for position, choice in enumerate(choices):
        if choice.decided_by:
            continue
        sample = _sample(table, header_index + 1, choice.index)
        if len(sample) < 2:
            continue
        for candidate in meanings:
            if candidate.key in taken or candidate.looks_like is None:
                continue
            if sum(map(candidate.looks_like, sample)) >= 0.8 * len(sample):
                taken.add(candidate.key)
                choices[position] = ColumnChoice(
                    choice.index, choice.header, candidate.key, "content"
                )
                break
    return choices


def _header_score(row: list[Cell], lookup: Mapping[str, str]) -> set[str]:
    return {m for c in row if (m := guess_by_header(c.text, lookup)) is not None}


def locate_table(
    source: SourceFile,
    meanings: tuple[ColumnMeaning, ...],
    required: Sequence[str],
    choice: ImportChoice,
) -> LocatedTable:
    """The sheet (the one chosen, else the visible sheet whose header row names the
    most columns), its header row and column meanings. ``required``: the header row must
    name one of these. Raises ImportRejectedError saying which sheets were looked at."""
    lookup = meaning_lookup(meanings)
    known = {m.key for m in meanings}
    bad = [k for k in choice.columns if k not in known and k != IGNORE]
    if bad:
        names = ", ".join(sorted(known))
        raise ImportRejectedError(
            source.name,
            [
                ImportProblem(
                    None,
                    None,
                    f"ไม่รู้จักความหมายคอลัมน์ {', '.join(bad)} (ใช้ได้: {names})",
                    f"unknown column meaning {', '.join(bad)} (one of: {names})",
                )
            ],
        )
    sheets = source.sheets
    if choice.sheet is not None:
        if choice.sheet in source.hidden:
            raise _sheet_problem(
                source,
                f"แผ่นงาน '{choice.sheet}' ถูกซ่อนไว้ จึงไม่อ่าน",
                f"sheet '{choice.sheet}' is hidden and is never read",
            )
        sheets = [s for s in source.sheets if s.name == choice.sheet]
        if not sheets:
            raise _sheet_problem(
                source,
                f"ไม่พบแผ่นงาน '{choice.sheet}'",
                f"no sheet '{choice.sheet}'",
            )
    wanted_headers = {header_key(h): m for m, h in choice.columns.items()}
    # The header row names two meanings or more; one naming a required meaning is
    # better, then one naming more. A table whose required column has a header the app
    # cannot know is still found: the preview lets the user name that column.
    best: tuple[tuple[bool, int], Table, int] | None = None  # (score, sheet, header index)
    for sheet in sheets:
        for index, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
            named = _header_score(row, lookup)
            keys = {header_key(c.text) for c in row}
            named |= {m for k, m in wanted_headers.items() if k in keys}
            named.discard(SEQUENCE.key)
            if len(named) < 2:
                continue
            score = (bool(named & set(required)), len(named))
            if best is None or score > best[0]:
                best = (score, sheet, index)
    if best is None:
        if not any(c.text.strip() for s in sheets for r in s.rows for c in r):
            raise _sheet_problem(
                source,
                "แฟ้มว่างเปล่า: ไม่พบแถวหัวตาราง",
                "the file is empty: no header row found",
                with_sheets=False,
            )
        needed_th = " หรือ ".join(f"'{m.thai}'" for m in meanings if m.key in required)
        needed_en = " or ".join(f"'{m.english}'" for m in meanings if m.key in required)
        others_th = ", ".join(f"'{m.thai}'" for m in meanings if m.key not in required)
        others_en = ", ".join(f"'{m.english}'" for m in meanings if m.key not in required)
        raise _sheet_problem(
            source,
            f"ไม่พบแถวหัวตาราง: ต้องมีคอลัมน์ {needed_th} และคอลัมน์อื่นอีกอย่างน้อยหนึ่ง ({others_th})",
            f"no header row found: it needs a {needed_en} column and at least one other "
            f"({others_en})",
        )
    _score, table, header_index = best
    header = table.rows[header_index]
    overrides: dict[int, str] = {}
    for meaning, wanted in choice.columns.items():
        key = header_key(wanted)
        found: int | None = next(
            (i for i, c in enumerate(header) if header_key(c.text) == key), None
        )
        if found is None and re.fullmatch(r"[A-Za-z]{1,2}", wanted.strip()):
            found = column_index(wanted.strip().upper())
        if found is None:
            raise ImportRejectedError(
                source.name,
                [
                    ImportProblem(
                        table.row_numbers[header_index],
                        None,
                        f"ไม่พบคอลัมน์หัวตาราง '{wanted}' (สำหรับ {meaning})",
                        f"no column headed '{wanted}' (for {meaning})",
                        sheet=table.name or None,
                    )
                ],
            )
        overrides[found] = meaning
    columns = _guess_columns(table, header_index, meanings, lookup, overrides)
    note = _sheet_note(source, table, choice.sheet is not None)
    return LocatedTable(source, table, header_index, columns, meanings, note)


def relocate(located: LocatedTable, meanings_by_column: Mapping[int, str]) -> LocatedTable:
    """The same table with the user's meaning for some columns (from a preview)."""
    columns = []
    for column in located.columns:
        if column.index in meanings_by_column:
            columns.append(
                ColumnChoice(column.index, column.header, meanings_by_column[column.index], "user")
            )
        else:
            columns.append(column)
    chosen = {m for m in meanings_by_column.values() if m != IGNORE}
    # A meaning the user gave to one column is taken from any other column.
    columns = [
        c
        if c.decided_by == "user" or c.meaning not in chosen
        else ColumnChoice(c.index, c.header, IGNORE, "")
        for c in columns
    ]
    return LocatedTable(
        located.source,
        located.table,
        located.header_index,
        columns,
        located.meanings,
        located.sheet_note,
    )


def _sheet_problem(
    source: SourceFile, thai: str, english: str, *, with_sheets: bool = True
) -> ImportRejectedError:
    if with_sheets and (len(source.sheets) > 1 or source.hidden):
        visible = ", ".join(f"'{s.name}'" for s in source.sheets) or "-"
        thai += f" (แผ่นงานที่อ่าน: {visible}"
        english += f" (sheets read: {visible}"
        if source.hidden:
            hidden = ", ".join(f"'{h}'" for h in source.hidden)
            thai += f"; แผ่นงานที่ซ่อนไว้และไม่อ่าน: {hidden}"
            english += f"; hidden, never read: {hidden}"
        thai += ")"
        english += ")"
    return ImportRejectedError(source.name, [ImportProblem(None, None, thai, english)])


def _sheet_note(source: SourceFile, table: Table, chosen: bool) -> tuple[str, str]:
    if not table.name:
        return ("", "")
    if chosen:
        thai, english = f"อ่านแผ่นงาน '{table.name}' ตามที่เลือก", f"read sheet '{table.name}' as chosen"
    elif len(source.sheets) > 1:
        thai = f"อ่านแผ่นงาน '{table.name}' เพราะหัวตารางตรงที่สุด"
        english = f"read sheet '{table.name}': its header row fits best"
    else:
        thai, english = f"อ่านแผ่นงาน '{table.name}'", f"read sheet '{table.name}'"
    if source.hidden:
        hidden = ", ".join(f"'{h}'" for h in source.hidden)
        thai += f" (ไม่อ่านแผ่นงานที่ซ่อนไว้: {hidden})"
        english += f" (hidden sheets never read: {hidden})"
    return thai, english


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


class SectorReader:
    """A workshop's sectors by the ways people write them, in a cell, as a heading row
    ("๒. ภาคเอกชน (๑๒ คน)") or told by an organisation's name."""

    def __init__(self, session: Session, workshop_id: str) -> None:
        sectors = list_sectors(session, workshop_id)
        self.names = {s.id: s.name for s in sectors}
        by_name = {header_key(s.name): s.id for s in sectors}
        lookup = dict(by_name)
        for thai, english, _colour in DEFAULT_SECTORS:
            if header_key(thai) in by_name:
                lookup[header_key(english)] = by_name[header_key(thai)]
        for alias, thai in SECTOR_ALIASES.items():
            if header_key(thai) in by_name:
                lookup.setdefault(header_key(alias), by_name[header_key(thai)])
        self.lookup = lookup
        self.by_default_name = {
            thai: by_name[header_key(thai)]
            for thai, _en, _c in DEFAULT_SECTORS
            if header_key(thai) in by_name
        }
        self.listing = ", ".join(s.name for s in sectors)
        self._words = [(header_key(w), s) for w, s in ORGANISATION_SECTOR_WORDS]

    def cell(self, text: str) -> str | None:
        return self.lookup.get(header_key(text))

    def heading(self, text: str) -> str | None:
        """The sector a heading row names, with its numbering and count taken off."""
        bare = _HEADING_COUNT.sub("", _HEADING_NUMBER.sub("", to_arabic_digits(text)))
        key = header_key(bare)
        if key in self.lookup:
            return self.lookup[key]
        for prefix in ("กลุ่ม", "ภาค", "กลุ่มภาค", "กลุ่มหน่วยงาน", "ผู้แทน", "ผู้แทนภาค"):
            if key.startswith(prefix) and key[len(prefix) :] in self.lookup:
                return self.lookup[key[len(prefix) :]]
        return None

    def from_organisation(self, organisation: str) -> str | None:
        key = header_key(organisation)
        if not key:
            return None
        for word, thai in self._words:
            if word in key and thai in self.by_default_name:
                return self.by_default_name[thai]
        return None

    @property
    def other(self) -> str | None:
        return self.by_default_name.get("อื่น ๆ")


def sector_lookup(session: Session, workshop_id: str) -> dict[str, str]:
    """header_key of a sector's name, its English default name or an alias -> its id."""
    return SectorReader(session, workshop_id).lookup
