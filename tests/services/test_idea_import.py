"""Importing brainstorm ideas from a spreadsheet (.xlsx or .csv): the layouts that come
back from breakout groups and surveys, and every way a row can be wrong. A file with any
bad row adds nothing, and each problem names its row and column."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import select

from workshop_app.db.database import Database
from workshop_app.errors import UserError
from workshop_app.models import Idea, IdeaKind, StrategicIssue
from workshop_app.services.idea_import import (
    IdeaImportPlan,
    apply_idea_plan,
    read_idea_file,
)
from workshop_app.services.ideas import MAX_IDEA_CHARS, IdeaDraft, IdeaRow, add_idea, list_ideas
from workshop_app.services.table_import import ImportProblem, ImportRejectedError
from workshop_app.services.workshops import (
    create_workshop,
    delete_numbered,
    list_issues,
    list_sectors,
    update_issue,
)

Rows = Sequence[Sequence[object]]

TITLES = (
    "การพัฒนาเศรษฐกิจการเกษตรและอุตสาหกรรมเกษตรมูลค่าสูง",
    "การส่งเสริมการท่องเที่ยวเชิงวัฒนธรรมและธรรมชาติอย่างยั่งยืน",
    "การพัฒนาคุณภาพชีวิตและสังคมที่เข้มแข็ง",
    "การบริหารจัดการทรัพยากรธรรมชาติและสิ่งแวดล้อมอย่างสมดุล",
    "การพัฒนาการค้าชายแดนและโลจิสติกส์",
)
THAI_HEADER = ["ลำดับ", "ประเด็น", "ความคิดเห็น", "ประเภท", "ภาคส่วน", "กลุ่ม"]
ENGLISH_HEADER = ["No.", "Issue", "Idea", "Type", "Sector", "Group"]
EXISTING = "ขาดแคลนน้ำเพื่อการเกษตรในฤดูแล้ง"


@dataclass(frozen=True)
class Board:
    workshop_id: str
    issue_ids: list[str]  # issue number n is issue_ids[n - 1]
    sector_ids: dict[str, str]  # Thai name -> id
    existing_id: str  # a card already on the board of issue 1


@pytest.fixture
def board(db: Database) -> Board:
    """A workshop whose 5 issues have real titles, with one card already on issue 1, and
    a second workshop (its issues must never be matched)."""
    with db.transaction() as session:
        workshop_id = create_workshop(session, "ประชุมเชิงปฏิบัติการทบทวนแผนพัฒนาจังหวัด")
        issue_ids = [i.id for i in list_issues(session, workshop_id)]
        for issue_id, title in zip(issue_ids, TITLES, strict=True):
            update_issue(session, issue_id, title=title)
        existing = add_idea(session, workshop_id, issue_ids[0], IdeaDraft(EXISTING))
        sectors = {s.name: s.id for s in list_sectors(session, workshop_id)}
        other = create_workshop(session, "ประชุมประชาคมอำเภอ")
        update_issue(session, list_issues(session, other)[0].id, title="ประเด็นของอำเภอ")
    return Board(workshop_id, issue_ids, sectors, existing)


def write_xlsx(path: Path, rows: Rows) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    return path


def write_csv(path: Path, rows: Rows, encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def run_import(db: Database, board: Board, file: Path) -> IdeaImportPlan:
    """Read and apply a file in one transaction, as the GUI and the CLI do."""
    with db.transaction() as session:
        plan = read_idea_file(session, board.workshop_id, file)
        assert apply_idea_plan(session, plan) == len(plan.ideas)
    return plan


def cards(db: Database, board: Board) -> list[IdeaRow]:
    """Every card on the board, by issue number then top to bottom."""
    with db.session() as session:
        return list_ideas(session, board.workshop_id)


def column(db: Database, board: Board, number: int) -> list[str]:
    with db.session() as session:
        return [r.text for r in list_ideas(session, board.workshop_id, board.issue_ids[number - 1])]


def stored(db: Database) -> list[tuple[Any, ...]]:
    """Every stored idea row, to prove a refused import changed nothing."""
    with db.session() as session:
        rows = session.execute(
            select(Idea.id, Idea.issue_id, Idea.text, Idea.position, Idea.updated_hlc).order_by(
                Idea.id
            )
        )
        return [tuple(r) for r in rows]


def rejected(db: Database, board: Board, file: Path) -> ImportRejectedError:
    """Import ``file``, expecting it to be refused; prove that nothing was stored."""
    before = stored(db)
    with pytest.raises(ImportRejectedError) as excinfo:
        run_import(db, board, file)
    assert stored(db) == before
    assert len(before) == 1  # only the card that was there before
    error = excinfo.value
    assert error.problems
    assert error.thai.strip() and error.english.strip() and error.thai != error.english
    assert file.name in error.english and file.name in error.thai
    for problem in error.problems:
        assert problem.thai.strip() and problem.english.strip()
    return error


def where(problems: list[ImportProblem]) -> list[tuple[int | None, str | None]]:
    return [(p.row, p.column) for p in problems]


# --- files that import -----------------------------------------------------------------


def test_thai_headers_below_title_rows(db: Database, board: Board, tmp_path: Path) -> None:
    """A flipchart transcript: a title, a date line, a blank line, then the header; blank
    rows between groups are skipped; the issue given as a number, a Thai digit,
    "ประเด็นที่ 2" and as its title; kinds and sectors by their Thai names."""
    file = write_xlsx(
        tmp_path / "ผลการระดมความคิดเห็น.xlsx",
        [
            ["สรุปผลการระดมความคิดเห็น ประชุมเชิงปฏิบัติการทบทวนแผนพัฒนาจังหวัด"],
            ["วันที่ 25 พฤษภาคม 2569 ณ ห้องประชุมศาลากลางจังหวัด"],
            [],
            THAI_HEADER,
            [1, 1, "ราคายางพาราตกต่ำ", "ปัญหา", "ภาคประชาชน", "กลุ่ม 1"],
            [2, "๒", "ส่งเสริมการท่องเที่ยวชุมชน", "ข้อเสนอแนะ", "ภาคเอกชน", "กลุ่ม 2"],
            [None] * 6,
            [],
            [3, "ประเด็นที่ 2", "พัฒนาบรรจุภัณฑ์สินค้า OTOP", "ข้อเสนอโครงการ", "", "กลุ่ม 2"],
            [4, TITLES[2], "ผู้สูงอายุขาดผู้ดูแล", "ความต้องการ", "ส่วนราชการ"],
            ["", "  ", "", "", "", ""],
            [5, 5.0, "เพิ่มช่องทางการค้าชายแดน", "จุดแข็ง/ศักยภาพ", "สถาบันการศึกษา", ""],
        ],
    )
    plan = run_import(db, board, file)
    assert (plan.workshop_id, plan.file_name) == (board.workshop_id, "ผลการระดมความคิดเห็น.xlsx")
    assert [i.source_row for i in plan.ideas] == [5, 6, 9, 10, 12]
    i1, i2, i3, _i4, i5 = board.issue_ids
    s = board.sector_ids
    assert [(i.issue_id, i.draft) for i in plan.ideas] == [
        (i1, IdeaDraft("ราคายางพาราตกต่ำ", "problem", s["ภาคประชาชน"], "กลุ่ม 1")),
        (i2, IdeaDraft("ส่งเสริมการท่องเที่ยวชุมชน", "proposal", s["ภาคเอกชน"], "กลุ่ม 2")),
        (i2, IdeaDraft("พัฒนาบรรจุภัณฑ์สินค้า OTOP", "project", None, "กลุ่ม 2")),
        (i3, IdeaDraft("ผู้สูงอายุขาดผู้ดูแล", "need", s["ส่วนราชการ"], "")),
        (i5, IdeaDraft("เพิ่มช่องทางการค้าชายแดน", "strength", s["สถาบันการศึกษา"], "")),
    ]
    rows = cards(db, board)
    assert [(r.text, r.issue_id) for r in rows] == [
        (EXISTING, i1),
        ("ราคายางพาราตกต่ำ", i1),
        ("ส่งเสริมการท่องเที่ยวชุมชน", i2),
        ("พัฒนาบรรจุภัณฑ์สินค้า OTOP", i2),
        ("ผู้สูงอายุขาดผู้ดูแล", i3),
        ("เพิ่มช่องทางการค้าชายแดน", i5),
    ]
    stored_row = rows[1]
    assert (stored_row.kind, stored_row.sector_name, stored_row.breakout_group) == (
        "problem",
        "ภาคประชาชน",
        "กลุ่ม 1",
    )
    assert stored_row.merged_count == 0 and stored_row.author_id is None


def test_english_headers_in_a_utf8_csv(db: Database, board: Board, tmp_path: Path) -> None:
    """A survey export: English headers in another order, English kind and sector names
    in any case, a UTF-8 CSV with a byte order mark; no kind means a proposal."""
    file = write_csv(
        tmp_path / "survey.csv",
        [
            ["Group", "Sector", "Idea", "Issue", "Type"],
            ["A", "Private sector", "Cross-border e-commerce platform", "5", "Project idea"],
            ["B", "LOCAL GOVERNMENT", "ถนนเชื่อมหมู่บ้านชำรุด", "1", "problem"],
            ["", "", "ตลาดน้ำคลองแดนมีเอกลักษณ์", "2", "Strength"],
            ["C", "citizens", "ต้องการศูนย์ดูแลเด็กเล็ก", "3", ""],
        ],
        encoding="utf-8-sig",
    )
    plan = run_import(db, board, file)
    s = board.sector_ids
    assert [(i.source_row, i.draft) for i in plan.ideas] == [
        (2, IdeaDraft("Cross-border e-commerce platform", "project", s["ภาคเอกชน"], "A")),
        (3, IdeaDraft("ถนนเชื่อมหมู่บ้านชำรุด", "problem", s["องค์กรปกครองส่วนท้องถิ่น"], "B")),
        (4, IdeaDraft("ตลาดน้ำคลองแดนมีเอกลักษณ์", "strength", None, "")),
        (5, IdeaDraft("ต้องการศูนย์ดูแลเด็กเล็ก", "proposal", s["ภาคประชาชน"], "C")),
    ]
    assert column(db, board, 5) == ["Cross-border e-commerce platform"]
    assert column(db, board, 1) == [EXISTING, "ถนนเชื่อมหมู่บ้านชำรุด"]


def test_thai_csv_saved_by_excel_in_cp874(db: Database, board: Board, tmp_path: Path) -> None:
    """Excel on Thai Windows saves CSV in TIS-620 (cp874); other words for the kinds and
    the sectors are understood; a comma inside a quoted cell stays in the text."""
    file = write_csv(
        tmp_path / "กลุ่มย่อย.csv",
        [
            ["ประเด็นยุทธศาสตร์", "ข้อเสนอ", "ประเภท", "ภาค", "กลุ่มย่อย"],
            ["ประเด็นที่ ๑", "ต้นทุนการผลิตสูง, ปุ๋ยแพง", "อุปสรรค", "ประชาชน", "กลุ่ม ๑"],
            ["๔", "ป่าชายเลนเสื่อมโทรม", "จุดอ่อน", "อปท.", "กลุ่ม ๒"],
            ["๔", "มีเครือข่ายอาสาสมัครดูแลป่าชายเลน", "โอกาส", "ประชาสังคม", "กลุ่ม ๒"],
            ["๒", "ยกระดับมาตรฐานโฮมสเตย์", "แนวทาง", "เอกชน", ""],
            ["๓", "โครงการพัฒนาคุณภาพชีวิตผู้พิการ", "โครงการ", "ราชการ", ""],
            ["๓", "ขอให้มีรถโดยสารเข้าหมู่บ้าน", "อื่นๆ", "อื่น ๆ", ""],
        ],
        encoding="cp874",
    )
    with pytest.raises(UnicodeDecodeError):
        file.read_bytes().decode("utf-8")  # really not UTF-8
    plan = run_import(db, board, file)
    s = board.sector_ids
    assert [(board.issue_ids.index(i.issue_id) + 1, i.draft) for i in plan.ideas] == [
        (1, IdeaDraft("ต้นทุนการผลิตสูง, ปุ๋ยแพง", "problem", s["ภาคประชาชน"], "กลุ่ม ๑")),
        (4, IdeaDraft("ป่าชายเลนเสื่อมโทรม", "problem", s["องค์กรปกครองส่วนท้องถิ่น"], "กลุ่ม ๒")),
        (4, IdeaDraft("มีเครือข่ายอาสาสมัครดูแลป่าชายเลน", "strength", s["ภาคประชาสังคม"], "กลุ่ม ๒")),
        (2, IdeaDraft("ยกระดับมาตรฐานโฮมสเตย์", "proposal", s["ภาคเอกชน"], "")),
        (3, IdeaDraft("โครงการพัฒนาคุณภาพชีวิตผู้พิการ", "project", s["ส่วนราชการ"], "")),
        (3, IdeaDraft("ขอให้มีรถโดยสารเข้าหมู่บ้าน", "other", s["อื่น ๆ"], "")),
    ]
    assert len(cards(db, board)) == 7


@pytest.mark.parametrize(
    "issue",
    [
        3,
        3.0,
        "3",
        " 3 ",
        "๓",
        "ประเด็นที่ 3",
        "ประเด็นที่ ๓",
        "ประเด็นที่3",
        "ประเด็นยุทธศาสตร์ที่ 3",
        "ประเด็นการพัฒนาที่ 3",
        "issue 3",
        TITLES[2],
        "การพัฒนาคุณภาพชีวิต และสังคมที่เข้มแข็ง",  # the title, spaced differently
    ],
    ids=repr,
)
def test_ways_of_naming_the_issue(
    db: Database, board: Board, tmp_path: Path, issue: object
) -> None:
    file = write_xlsx(tmp_path / "issue.xlsx", [["ประเด็น", "ความคิดเห็น"], [issue, "ข้อเสนอ"]])
    (idea,) = run_import(db, board, file).ideas
    assert idea.issue_id == board.issue_ids[2]
    assert column(db, board, 3) == ["ข้อเสนอ"]


@pytest.mark.parametrize("issue", ["Issue 3", "ISSUE 3"])
def test_issue_number_in_english_with_a_capital(
    db: Database, board: Board, tmp_path: Path, issue: str
) -> None:
    file = write_csv(tmp_path / "issue.csv", [["Issue", "Idea"], [issue, "Better roads"]])
    (idea,) = run_import(db, board, file).ideas
    assert idea.issue_id == board.issue_ids[2]


KIND_NAMES = {
    "ปัญหา": IdeaKind.PROBLEM,
    "จุดแข็ง/ศักยภาพ": IdeaKind.STRENGTH,
    "ความต้องการ": IdeaKind.NEED,
    "ข้อเสนอแนะ": IdeaKind.PROPOSAL,
    "ข้อเสนอโครงการ": IdeaKind.PROJECT,
    "อื่น ๆ": IdeaKind.OTHER,
    "Problem": IdeaKind.PROBLEM,
    "Strength": IdeaKind.STRENGTH,
    "Need": IdeaKind.NEED,
    "Proposal": IdeaKind.PROPOSAL,
    "Project idea": IdeaKind.PROJECT,
    "Other": IdeaKind.OTHER,
    "project": IdeaKind.PROJECT,
    "NEED": IdeaKind.NEED,
    "จุดแข็ง": IdeaKind.STRENGTH,
    "ศักยภาพ": IdeaKind.STRENGTH,
    "โอกาส": IdeaKind.STRENGTH,
    "จุดอ่อน": IdeaKind.PROBLEM,
    "อุปสรรค": IdeaKind.PROBLEM,
    "ปัญหา/อุปสรรค": IdeaKind.PROBLEM,
    "ข้อเสนอ": IdeaKind.PROPOSAL,
    "แนวทาง": IdeaKind.PROPOSAL,
    "โครงการ": IdeaKind.PROJECT,
    "อื่นๆ": IdeaKind.OTHER,
    " ปัญหา ": IdeaKind.PROBLEM,
}


@pytest.mark.parametrize(("written", "kind"), KIND_NAMES.items(), ids=list(KIND_NAMES))
def test_kind_names_and_other_words_for_them(
    db: Database, board: Board, tmp_path: Path, written: str, kind: IdeaKind
) -> None:
    file = write_xlsx(
        tmp_path / "kind.xlsx", [["ประเด็น", "ความคิดเห็น", "ประเภท"], [1, "ข้อความ", written]]
    )
    (idea,) = run_import(db, board, file).ideas
    assert idea.draft.kind == kind.value
    assert cards(db, board)[-1].kind == kind.value


SECTOR_NAMES = {
    "ส่วนราชการ": "ส่วนราชการ",
    "รัฐวิสาหกิจ": "รัฐวิสาหกิจ",
    "องค์กรปกครองส่วนท้องถิ่น": "องค์กรปกครองส่วนท้องถิ่น",
    "ภาคเอกชน": "ภาคเอกชน",
    "ภาคประชาสังคม": "ภาคประชาสังคม",
    "ภาคประชาชน": "ภาคประชาชน",
    "สถาบันการศึกษา": "สถาบันการศึกษา",
    "อื่น ๆ": "อื่น ๆ",
    "Government agencies": "ส่วนราชการ",
    "State enterprises": "รัฐวิสาหกิจ",
    "local government": "องค์กรปกครองส่วนท้องถิ่น",
    "Academia": "สถาบันการศึกษา",
    "อปท.": "องค์กรปกครองส่วนท้องถิ่น",
    "อปท": "องค์กรปกครองส่วนท้องถิ่น",
    "ท้องถิ่น": "องค์กรปกครองส่วนท้องถิ่น",
    "ภาครัฐ": "ส่วนราชการ",
    "หน่วยงานราชการ": "ส่วนราชการ",
    "เอกชน": "ภาคเอกชน",
    "ธุรกิจ": "ภาคเอกชน",
    "NGO": "ภาคประชาสังคม",
    "ประชาชน": "ภาคประชาชน",
    "มหาวิทยาลัย": "สถาบันการศึกษา",
    "อื่นๆ": "อื่น ๆ",
}


@pytest.mark.parametrize(("written", "name"), SECTOR_NAMES.items(), ids=list(SECTOR_NAMES))
def test_sector_names_and_aliases(
    db: Database, board: Board, tmp_path: Path, written: str, name: str
) -> None:
    file = write_csv(
        tmp_path / "sector.csv", [["ประเด็น", "ความคิดเห็น", "ภาคส่วน"], ["1", "ข้อความ", written]]
    )
    (idea,) = run_import(db, board, file).ideas
    assert idea.draft.sector_id == board.sector_ids[name]
    assert cards(db, board)[-1].sector_name == name


def test_text_is_repaired_like_typed_text(db: Database, board: Board, tmp_path: Path) -> None:
    """Line breaks inside a cell, tone marks typed before the vowel, เเ for แ and
    surrounding spaces are repaired as on the board; the longest allowed text is kept
    whole."""
    longest = "ก" * MAX_IDEA_CHARS
    file = write_xlsx(
        tmp_path / "repair.xlsx",
        [
            ["ประเด็น", "ความคิดเห็น"],
            [1, "  ส่งเสริมการแปรรูป\nผลผลิตการเกษตร  "],
            [1, "ปัญหาน\u0e49\u0e35ต้องแก้ไข"],
            [1, "\u0e40\u0e40หล่งน้ำตื้นเขิน"],
            [2, longest],
        ],
    )
    run_import(db, board, file)
    assert column(db, board, 1) == [
        EXISTING,
        "ส่งเสริมการแปรรูป ผลผลิตการเกษตร",
        "ปัญหานี้ต้องแก้ไข",
        "แหล่งน้ำตื้นเขิน",
    ]
    assert column(db, board, 2) == [longest]


def test_order_of_the_cards_is_kept(db: Database, board: Board, tmp_path: Path) -> None:
    """60 rows spread over the issues: each column gets its cards in file order, below
    the cards already there."""
    rows: list[list[object]] = [["ประเด็น", "ความคิดเห็น"]]
    expected: dict[int, list[str]] = {n: [] for n in range(1, 6)}
    expected[1].append(EXISTING)
    for n in range(60):
        number = (n * 7) % 5 + 1
        text = f"ความคิดเห็นลำดับที่ {n + 1:02d} ของประเด็น {number}"
        rows.append([number, text])
        expected[number].append(text)
    plan = run_import(db, board, write_xlsx(tmp_path / "order.xlsx", rows))
    assert [i.source_row for i in plan.ideas] == list(range(2, 62))
    for number in range(1, 6):
        assert column(db, board, number) == expected[number]
    # A second import of the same file goes below the first.
    run_import(db, board, write_xlsx(tmp_path / "again.xlsx", rows[:3]))
    assert (rows[1][0], rows[2][0]) == (1, 3)
    assert column(db, board, 1)[-2:] == [expected[1][-1], rows[1][1]]
    assert column(db, board, 3)[-2:] == [expected[3][-1], rows[2][1]]
    assert len(cards(db, board)) == 1 + 60 + 2


# --- files that are refused --------------------------------------------------------------


def test_one_bad_row_adds_nothing(db: Database, board: Board, tmp_path: Path) -> None:
    """Nine good rows and one with an unknown sector: nothing is added, and the one
    problem names its row and column letter."""
    rows: list[list[object]] = [["รายงานผลกลุ่มย่อย"], [*THAI_HEADER]]
    rows += [[n, 1 + n % 5, f"ข้อเสนอที่ {n}", "ข้อเสนอแนะ", "ภาคเอกชน", ""] for n in range(1, 10)]
    rows.insert(7, [99, 2, "ส่งเสริมการท่องเที่ยว", "ข้อเสนอแนะ", "ดาวอังคาร", ""])
    error = rejected(db, board, write_xlsx(tmp_path / "one-bad.xlsx", rows))
    (problem,) = error.problems
    assert (problem.row, problem.column) == (8, "E (ภาคส่วน)")
    assert "unknown sector 'ดาวอังคาร'" in problem.english
    assert "ดาวอังคาร" in problem.thai
    assert "ภาคเอกชน" in problem.english  # the names that would do
    assert error.english.splitlines()[0] == "one-bad.xlsx was not imported (nothing changed): " + (
        "1 problem(s):"
    )
    assert error.english.splitlines()[1].startswith(
        "sheet 'Sheet', row 8, column E (ภาคส่วน): unknown sector"
    )
    assert error.thai.splitlines()[1].startswith("แผ่นงาน 'Sheet' แถว 8 คอลัมน์ E (ภาคส่วน): ")


def test_every_problem_names_its_row_and_column(db: Database, board: Board, tmp_path: Path) -> None:
    """Each kind of bad cell, in one file: every problem is reported (not only the
    first), in row order, with the row number and column letter the user sees."""
    file = write_xlsx(
        tmp_path / "bad.xlsx",
        [
            ["ผลการระดมความคิดเห็น"],
            THAI_HEADER,
            [1, 1, "ข้อความที่ดี", "ปัญหา", "ส่วนราชการ", ""],
            [2, 1, "", "ปัญหา", "", ""],  # no text
            [3, 1, "ก" * 10_000, "", "", ""],  # far too long
            [4, 9, "ข้อความ", "", "", ""],  # no issue 9
            [5, "การศึกษา", "ข้อความ", "", "", ""],  # no such title
            [6, "", "ข้อความ", "", "", ""],  # no issue at all
            [7, 1, "ข้อความ", "ความฝัน", "", ""],  # unknown kind
            [8, 1, "ข้อความ", "", "ดาวอังคาร", ""],  # unknown sector
            [9, 1, "=A9&B9", "", "", ""],  # a formula
            [10, 1, "ข้อความ", "", '=IF(A1="","อปท.","")', ""],  # a formula
            [11, 2, "ข้อความที่ดี", "ข้อเสนอแนะ", "ภาคเอกชน", "กลุ่ม 1"],
        ],
    )
    error = rejected(db, board, file)
    assert where(error.problems)[:9] == [
        (4, "C (ความคิดเห็น)"),
        (5, "C (ความคิดเห็น)"),
        (6, "B (ประเด็น)"),
        (7, "B (ประเด็น)"),
        (8, "B (ประเด็น)"),
        (9, "D (ประเภท)"),
        (10, "E (ภาคส่วน)"),
        (11, "C (ความคิดเห็น)"),
        (12, "E (ภาคส่วน)"),
    ]
    # The formula in the sector column may also be reported as an unknown sector.
    assert set(where(error.problems)[9:]) <= {(12, "E (ภาคส่วน)")}
    english = [p.english for p in error.problems]
    assert "type the text" in english[0]
    assert "10,000" in english[1] and str(MAX_IDEA_CHARS) in english[1].replace(",", "")
    assert "unknown issue '9'" in english[2] and "1, 2, 3, 4, 5" in english[2]
    assert "unknown issue 'การศึกษา'" in english[3]
    assert "no issue: give its number" in english[4]
    assert "unknown kind 'ความฝัน'" in english[5] and "ข้อเสนอโครงการ" in english[5]
    assert "unknown sector 'ดาวอังคาร'" in english[6]
    assert "formula (=A9&B9)" in english[7] and "paste it as a value" in english[7]
    assert "formula (=IF(" in english[8]
    assert f"{len(error.problems)} problem(s)" in error.english


def test_problems_in_a_csv_name_the_column_by_its_header(
    db: Database, board: Board, tmp_path: Path
) -> None:
    """A CSV has no column letters: the column is named by its header."""
    file = write_csv(
        tmp_path / "bad.csv",
        [["ประเด็น", "ความคิดเห็น", "ประเภท"], ["1", "ดี", ""], ["7", "", "ฝัน"]],
    )
    error = rejected(db, board, file)
    assert where(error.problems) == [(3, "ประเด็น"), (3, "ความคิดเห็น"), (3, "ประเภท")]
    assert error.problems[0].message("en").startswith("row 3, column ประเด็น: unknown issue")
    assert error.problems[0].message("th").startswith("แถว 3 คอลัมน์ ประเด็น: ")


def test_many_problems_are_summarised(db: Database, board: Board, tmp_path: Path) -> None:
    """All problems are listed in .problems; the message shows the first 15 and a count."""
    rows: list[list[object]] = [["ประเด็น", "ความคิดเห็น"]]
    rows += [[9, f"ข้อความ {n}"] for n in range(40)]
    error = rejected(db, board, write_xlsx(tmp_path / "many.xlsx", rows))
    assert [p.row for p in error.problems] == list(range(2, 42))
    lines = error.english.splitlines()
    assert lines[0].endswith("40 problem(s):")
    assert len(lines) == 1 + 15 + 1 and lines[-1] == "... and 25 more"
    assert error.thai.splitlines()[-1] == "... และอีก 25 รายการ"


def test_an_issue_of_another_workshop_or_a_deleted_one_is_unknown(
    db: Database, board: Board, tmp_path: Path
) -> None:
    """Titles are looked up in this workshop only, among the issues not deleted."""
    with db.transaction() as session:
        delete_numbered(session, StrategicIssue, board.issue_ids[4])
    file = write_csv(
        tmp_path / "elsewhere.csv",
        [["ประเด็น", "ความคิดเห็น"], ["ประเด็นของอำเภอ", "ก"], [TITLES[4], "ข"], ["5", "ค"]],
    )
    error = rejected(db, board, file)
    assert where(error.problems) == [(2, "ประเด็น"), (3, "ประเด็น"), (4, "ประเด็น")]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("empty.csv", b""),
        ("blank-lines.csv", b"\r\n\r\n \r\n"),
        ("bom-only.csv", b"\xef\xbb\xbf"),
    ],
)
def test_empty_csv_has_no_header(
    db: Database, board: Board, tmp_path: Path, name: str, content: bytes
) -> None:
    file = tmp_path / name
    file.write_bytes(content)
    (problem,) = rejected(db, board, file).problems
    assert (problem.row, problem.column) == (None, None)
    assert "no header row found" in problem.english


def test_empty_workbook_has_no_header(db: Database, board: Board, tmp_path: Path) -> None:
    (problem,) = rejected(db, board, write_xlsx(tmp_path / "empty.xlsx", [])).problems
    assert (problem.row, problem.column) == (None, None)
    assert "no header row found" in problem.english


def test_file_without_the_needed_header(db: Database, board: Board, tmp_path: Path) -> None:
    rows: list[list[object]] = [
        [1, "ราคายางพาราตกต่ำ", "ปัญหา"],
        [2, "ส่งเสริมการท่องเที่ยว", "ข้อเสนอแนะ"],
    ]
    (problem,) = rejected(db, board, write_xlsx(tmp_path / "no-header.xlsx", rows)).problems
    assert (problem.row, problem.column) == (None, None)
    assert "no header row found" in problem.english and "'issue'" in problem.english
    assert "ประเด็น" in problem.thai


def test_attendee_list_by_mistake(db: Database, board: Board, tmp_path: Path) -> None:
    """Its name and organisation columns read as a hearing's commenter columns: the
    problem is then the missing idea column, in the header row."""
    rows: list[list[object]] = [
        ["คำนำหน้า", "ชื่อ", "นามสกุล", "หน่วยงาน"],
        ["นาย", "สมชาย", "ใจดี", "สำนักงานจังหวัด"],
    ]
    (problem,) = rejected(db, board, write_xlsx(tmp_path / "people.xlsx", rows)).problems
    assert (problem.row, problem.column) == (1, None)
    assert "no idea column" in problem.english and "ความคิดเห็น" in problem.thai


def test_no_idea_column(db: Database, board: Board, tmp_path: Path) -> None:
    """A header without an idea column: one problem naming the header row."""
    rows: list[list[object]] = [["ประเด็น", "ประเภท", "ภาคส่วน"], [1, "ปัญหา", "ภาคประชาชน"]]
    (problem,) = rejected(db, board, write_xlsx(tmp_path / "no-idea.xlsx", rows)).problems
    assert (problem.row, problem.column) == (1, None)
    assert "no idea column" in problem.english and "--column text=" in problem.english


def test_no_issue_column_nor_heading_rows(db: Database, board: Board, tmp_path: Path) -> None:
    """Ideas without an issue column and without an issue heading above them: each row is
    refused, naming it."""
    rows: list[list[object]] = [
        ["ความคิดเห็น", "ประเภท", "ภาคส่วน"],
        ["ราคายางพาราตกต่ำ", "ปัญหา", "ภาคประชาชน"],
    ]
    (problem,) = rejected(db, board, write_xlsx(tmp_path / "no-issue.xlsx", rows)).problems
    assert (problem.row, problem.column) == (2, None)
    assert "no issue" in problem.english and "ประเด็น" in problem.thai


def test_header_with_no_ideas_below(db: Database, board: Board, tmp_path: Path) -> None:
    file = write_xlsx(tmp_path / "header-only.xlsx", [["หัวเรื่อง"], THAI_HEADER, [None] * 6, []])
    (problem,) = rejected(db, board, file).problems
    assert (problem.row, problem.column) == (None, None)
    assert problem.english == "no ideas below the header row"


def test_reading_alone_changes_nothing(db: Database, board: Board, tmp_path: Path) -> None:
    """read_idea_file only plans; the cards are added by apply_idea_plan."""
    file = write_csv(tmp_path / "plan.csv", [["ประเด็น", "ความคิดเห็น"], ["2", "ก"], ["3", "ข"]])
    before = stored(db)
    with db.transaction() as session:
        plan = read_idea_file(session, board.workshop_id, file)
    assert len(plan.ideas) == 2
    assert stored(db) == before


def test_not_a_spreadsheet_is_a_user_error(db: Database, board: Board, tmp_path: Path) -> None:
    """A damaged or wrong kind of file is refused with a plain message, nothing added."""
    before = stored(db)
    damaged = tmp_path / "damaged.xlsx"
    damaged.write_bytes(b"\x00not a workbook" * 20)
    word = tmp_path / "minutes.docx"
    word.write_bytes(b"PK\x03\x04")
    for file in (damaged, word, tmp_path / "missing.csv"):
        with pytest.raises(UserError) as excinfo, db.transaction() as session:
            read_idea_file(session, board.workshop_id, file)
        assert not isinstance(excinfo.value, ImportRejectedError)
        assert file.name in excinfo.value.english
    assert stored(db) == before


def test_an_anonymous_cell_that_is_neither_yes_nor_no(
    db: Database, board: Board, tmp_path: Path
) -> None:
    rows: list[list[object]] = [
        ["ประเด็น", "ความคิดเห็น", "ผู้ให้ความคิดเห็น", "ไม่ประสงค์ออกนาม", "คำชี้แจง"],
        [1, "ขอให้ขุดลอกคลองส่งน้ำบ้านควนโพธิ์", "นายอำนวย ชูแก้ว", "✓", "รับไปพิจารณา"],
        [2, "ควรมีจุดจอดรถนักท่องเที่ยวที่ทะเลน้อย", "นางสาวปวีณา รักษ์ทอง", "บางส่วน", ""],
    ]
    error = rejected(db, board, write_xlsx(tmp_path / "รับฟัง.xlsx", rows))
    assert where(error.problems) == [(3, "D (ไม่ประสงค์ออกนาม)")]
    assert "'บางส่วน'" in error.problems[0].thai and "'บางส่วน'" in error.problems[0].english
