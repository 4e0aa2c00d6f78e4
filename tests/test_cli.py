"""The command line: demo, list, import-attendees and import-ideas, in Thai and English; bad input
exits non-zero with a clear message on stderr and changes nothing."""

from __future__ import annotations

import csv
import hashlib
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import openpyxl
import pytest

from workshop_app.cli import EXIT_USER_ERROR, main
from workshop_app.db.database import open_database
from workshop_app.services.attendees import list_attendees, sector_counts
from workshop_app.services.ideas import IdeaRow, count_ideas, list_ideas
from workshop_app.services.projects import list_projects
from workshop_app.services.workshops import list_issues, list_workshops

HEADER = ["คำนำหน้า", "ชื่อ", "นามสกุล", "หน่วยงาน", "ภาคส่วน"]


@pytest.fixture(autouse=True)
def _no_default_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever happens, never touch the real user's database."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setattr(
        "workshop_app.cli.default_db_path", lambda: tmp_path / "default" / "workshops.sqlite"
    )
    monkeypatch.delenv("WORKSHOP_APP_LANG", raising=False)


def _write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def _state(path: Path) -> tuple[str, int, str]:
    """(sha256 of the file with its WAL folded in, attendee count, SQL dump hash)."""
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        count = conn.execute("SELECT count(*) FROM attendees").fetchone()[0]
        dump = hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    return hashlib.sha256(path.read_bytes()).hexdigest(), count, dump


def _only_workshop(db_path: Path) -> str:
    database = open_database(db_path)
    try:
        with database.session() as session:
            (summary,) = list_workshops(session)
            return summary.id
    finally:
        database.close()


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(path)]) == 0
    return path


def test_demo_small_prints_thai_by_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`demo` creates the small workshop and says so in Thai."""
    path = tmp_path / "small.sqlite"
    assert main(["demo", "--db", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("สร้างงานประชุมตัวอย่าง ") and str(path) in out
    assert err == ""
    database = open_database(path)
    try:
        with database.session() as session:
            (summary,) = list_workshops(session)
            assert (summary.invited, len(list_issues(session, summary.id))) == (40, 5)
    finally:
        database.close()


def test_demo_large_fills_all_sectors_and_six_issues(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`demo --size large`: 300 invitees plus walk-ins, every one of the 8 sectors used,
    6 strategic issues, and the English message with --lang en."""
    path = tmp_path / "large.sqlite"
    assert main(["demo", "--size", "large", "--db", str(path), "--lang", "en"]) == 0
    assert capsys.readouterr().out.startswith("created demo workshop ")
    workshop_id = _only_workshop(path)
    database = open_database(path)
    try:
        with database.session() as session:
            people = list_attendees(session, workshop_id)
            counts = sector_counts(session, workshop_id)
            issues = list_issues(session, workshop_id)
    finally:
        database.close()
    assert sum(p.invited for p in people) == 300
    walk_ins = [p for p in people if p.walk_in]
    assert len(walk_ins) == 12 and all(p.checked_in_at is not None for p in walk_ins)
    assert len(counts) == 8 and all(c.invited + c.walk_ins > 0 for c in counts)
    assert len(issues) == 6
    present = sum(c.present for c in counts)
    assert 0.5 * 300 < present - 12 < 0.9 * 300


def test_demo_if_missing_keeps_an_existing_workshop(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`demo --if-missing` (used by `make run`) does nothing the second time."""
    capsys.readouterr()
    before = _state(demo_db)
    assert main(["demo", "--if-missing", "--db", str(demo_db)]) == 0
    assert capsys.readouterr().out == ""
    assert _state(demo_db) == before


def test_list_shows_one_tab_separated_line_per_workshop(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`list`: id, date, invited, present, title."""
    capsys.readouterr()
    assert main(["list", "--db", str(demo_db)]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    workshop_id, day, invited, present, title = line.split("\t")
    assert workshop_id == _only_workshop(demo_db)
    assert len(day) == 10 and day[4] == "-"
    assert invited == "40" and 0 < int(present) <= 43
    assert title.startswith("ประชุมเชิงปฏิบัติการทบทวนแผนพัฒนาจังหวัดสงขลา")


def test_import_attendees_with_a_short_workshop_id(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Importing by the first characters of the workshop id adds the people and reports
    in the chosen language."""
    workshop_id = _only_workshop(demo_db)
    file = _write_csv(
        tmp_path / "invitees.csv",
        [HEADER, ["นาย", "ทดสอบ", "นำเข้า", "สำนักงานจังหวัด", "ส่วนราชการ"]],
    )
    capsys.readouterr()
    argv = ["import-attendees", "--db", str(demo_db), "--workshop", workshop_id[:8], str(file)]
    assert main(argv) == 0
    assert capsys.readouterr().out.strip() == "นำเข้า 1 คนจาก invitees.csv"
    second = _write_csv(
        tmp_path / "more.csv", [HEADER, ["นาง", "ทดสอบสอง", "นำเข้า", "เทศบาลนคร", "อปท."]]
    )
    assert main([*argv[:-1], "--lang", "en", str(second)]) == 0
    assert capsys.readouterr().out.strip() == "imported 1 people from more.csv"
    assert _state(demo_db)[1] == 45


def test_import_reports_and_skips_likely_duplicates(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A person already registered is named; --skip-duplicates leaves them out."""
    workshop_id = _only_workshop(demo_db)
    database = open_database(demo_db)
    try:
        with database.session() as session:
            known = list_attendees(session, workshop_id)[0]
    finally:
        database.close()
    file = _write_csv(
        tmp_path / "dup.csv",
        [
            HEADER,
            [known.prefix, known.first_name, known.last_name, known.organisation, "อื่น ๆ"],
            ["", "คนใหม่", "จริง", "ที่ไหนสักแห่ง", "อื่น ๆ"],
        ],
    )
    capsys.readouterr()
    args = ["import-attendees", "--db", str(demo_db), "--workshop", workshop_id, "--lang", "en"]
    assert main([*args, "--skip-duplicates", str(file)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "imported 1 people from dup.csv",
        "1 look already registered (same name and organisation): skipped",
        f"  row 2: may be {known.full_name} ({known.organisation})",
    ]
    assert _state(demo_db)[1] == 44
    assert main([*args, str(file)]) == 0  # without the option they are imported too
    out = capsys.readouterr().out
    assert out.startswith("imported 2 people from dup.csv\n2 look already registered")
    assert "imported too" in out
    assert _state(demo_db)[1] == 46


def test_import_of_a_bad_file_fails_and_changes_nothing(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exit status 2, nothing on stdout, the reason on stderr (a summary line that names
    the file, then one line per problem naming row and column), no traceback, database
    unchanged."""
    workshop_id = _only_workshop(demo_db)
    file = _write_csv(
        tmp_path / "bad.csv",
        [HEADER, ["นาย", "หนึ่ง", "ดี", "ก", "ส่วนราชการ"], ["นาย", "สอง", "ดี", "ข", "ดาวอังคาร"]],
    )
    before = _state(demo_db)
    capsys.readouterr()
    argv = ["import-attendees", "--db", str(demo_db), "--workshop", workshop_id, str(file)]
    assert main([*argv, "--lang", "en"]) == EXIT_USER_ERROR
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.splitlines()
    assert lines[0] == "bad.csv was not imported (nothing changed): 1 problem(s):"
    assert lines[1].startswith("row 3, column ภาคส่วน: unknown sector 'ดาวอังคาร'")
    assert len(lines) == 2 and "Traceback" not in err
    assert main(argv) == EXIT_USER_ERROR
    assert capsys.readouterr().err.startswith("ไม่ได้นำเข้าแฟ้ม bad.csv (ไม่มีการเปลี่ยนแปลงข้อมูล)")
    assert _state(demo_db) == before


@pytest.mark.parametrize(
    ("make_args", "english"),
    [
        (lambda db, f: ["--workshop", "ffffffff", str(f)], "no workshop with id ffffffff"),
        (lambda db, f: ["--workshop", "", str(f)], "matches several workshops"),
        (lambda db, f: ["--workshop", "x", str(f.with_name("missing.csv"))], "file not found"),
    ],
)
def test_other_import_failures_are_one_line(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    make_args: object,
    english: str,
) -> None:
    """Unknown or ambiguous workshop, missing file: exit 2 and exactly one line."""
    db_path = tmp_path / "two.sqlite"
    for _ in range(2):
        assert main(["demo", "--db", str(db_path)]) == 0
    file = _write_csv(tmp_path / "ok.csv", [HEADER, ["", "ใคร", "สักคน", "ที่ใด", "อื่น ๆ"]])
    before = _state(db_path)
    capsys.readouterr()
    extra = make_args(db_path, file)  # type: ignore[operator]
    assert main(["import-attendees", "--db", str(db_path), "--lang", "en", *extra]) == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.splitlines()) == 1 and english in err
    assert _state(db_path) == before


def test_missing_file_does_not_create_a_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A typo in the file name must not leave a new database file behind."""
    db_path = tmp_path / "new.sqlite"
    argv = ["import-attendees", "--db", str(db_path), "--workshop", "x", "nope.csv"]
    assert main(argv) == EXIT_USER_ERROR
    assert "ไม่พบแฟ้ม nope.csv" in capsys.readouterr().err
    assert not db_path.exists()


def test_mistyped_database_path_does_not_create_a_database(tmp_path: Path) -> None:
    """Importing into a database that does not exist fails without creating it."""
    db_path = tmp_path / "typo.sqlite"
    file = _write_csv(tmp_path / "ok.csv", [HEADER, ["", "ใคร", "สักคน", "ที่ใด", "อื่น ๆ"]])
    argv = ["import-attendees", "--db", str(db_path), "--workshop", "x", str(file)]
    assert main(argv) == EXIT_USER_ERROR
    assert not db_path.exists()


def test_bad_database_file_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`list` on a file that is not a database: exit 2, one line, file untouched."""
    path = tmp_path / "junk.sqlite"
    path.write_bytes(b"not a database at all" * 100)
    assert main(["list", "--db", str(path), "--lang", "en"]) == EXIT_USER_ERROR
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "not an SQLite database" in err
    assert path.read_bytes() == b"not a database at all" * 100


def test_language_from_the_environment(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """WORKSHOP_APP_LANG=en switches messages to English; --lang wins over it."""
    monkeypatch.setenv("WORKSHOP_APP_LANG", "en")
    capsys.readouterr()
    assert main(["import-attendees", "--db", str(demo_db), "--workshop", "x", "no.csv"]) == 2
    assert capsys.readouterr().err.startswith("file not found")
    argv = ["import-attendees", "--db", str(demo_db), "--lang", "th", "--workshop", "x", "no.csv"]
    assert main(argv) == 2
    assert capsys.readouterr().err.startswith("ไม่พบแฟ้ม")


def test_options_before_the_command_are_honoured(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`workshop-app --db X --lang en demo` uses X and English, like `demo --db X`."""
    path = tmp_path / "before.sqlite"
    assert main(["--db", str(path), "--lang", "en", "demo"]) == 0
    assert capsys.readouterr().out.startswith("created demo workshop")
    assert path.exists()


def test_module_entry_point_as_a_subprocess(tmp_path: Path) -> None:
    """`python -m workshop_app` runs the same commands with real exit codes and streams."""
    db_path = tmp_path / "sub.sqlite"
    env = {**os.environ, "WORKSHOP_APP_LANG": "en"}
    command = [sys.executable, "-m", "workshop_app"]
    created = subprocess.run(
        [*command, "demo", "--db", str(db_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert created.returncode == 0, created.stderr
    assert created.stdout.startswith("created demo workshop") and created.stderr == ""
    before = _state(db_path)
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"\x00garbage" * 50)
    failed = subprocess.run(
        [*command, "import-attendees", "--db", str(db_path), "--workshop", "", str(bad)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert failed.returncode == EXIT_USER_ERROR
    assert failed.stdout == ""
    assert failed.stderr.splitlines() == [
        "bad.xlsx is not a readable Excel (.xlsx) file, or it is damaged"
    ]
    assert _state(db_path) == before


# --- import-ideas ---------------------------------------------------------------------


def _board(db_path: Path, workshop_id: str) -> list[IdeaRow]:
    """The cards on the board of a workshop, by issue number then top to bottom."""
    database = open_database(db_path)
    try:
        with database.session() as session:
            return list_ideas(session, workshop_id)
    finally:
        database.close()


def test_import_ideas_prints_the_count_and_stores_the_ideas(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`import-ideas` adds the cards at the bottom of their issues' columns, in file
    order, and says how many in the chosen language."""
    workshop_id = _only_workshop(demo_db)
    before = _board(demo_db, workshop_id)
    assert len(before) == 60  # the small demo's cards
    workbook = openpyxl.Workbook()
    for row in (
        ["ผลการระดมความคิดเห็นกลุ่มย่อย"],
        ["ประเด็น", "ความคิดเห็น", "ประเภท", "ภาคส่วน", "กลุ่ม"],
        [2, "ส่งเสริมการท่องเที่ยวเชิงวัฒนธรรมในเมืองเก่าสงขลา", "ข้อเสนอแนะ", "ภาคเอกชน", "กลุ่ม 2"],
        ["๑", "ราคายางพาราตกต่ำ", "ปัญหา", "ภาคประชาชน", "กลุ่ม 1"],
        ["ประเด็นที่ 2", "ถนนเข้าแหล่งท่องเที่ยวชำรุด", "ปัญหา", "อปท.", "กลุ่ม 2"],
    ):
        workbook.active.append(row)
    file = tmp_path / "ideas.xlsx"
    workbook.save(file)
    capsys.readouterr()
    argv = ["import-ideas", "--db", str(demo_db), "--workshop", workshop_id[:8], str(file)]
    assert main(argv) == 0
    out, err = capsys.readouterr()
    assert (out.strip(), err) == ("นำเข้า 3 ความคิดเห็นจาก ideas.xlsx", "")
    after = _board(demo_db, workshop_id)
    assert len(after) == 63
    with closing(sqlite3.connect(demo_db)) as conn:
        assert conn.execute("SELECT count(*) FROM ideas").fetchone()[0] == 63
    database = open_database(demo_db)
    try:
        with database.session() as session:
            issues = list_issues(session, workshop_id)
    finally:
        database.close()

    def column(number: int) -> list[str]:
        return [r.text for r in after if r.issue_id == issues[number - 1].id]

    assert column(2)[-2:] == [
        "ส่งเสริมการท่องเที่ยวเชิงวัฒนธรรมในเมืองเก่าสงขลา",
        "ถนนเข้าแหล่งท่องเที่ยวชำรุด",
    ]
    assert column(1)[-1] == "ราคายางพาราตกต่ำ"
    added = {r.text: r for r in after if r.id not in {b.id for b in before}}
    assert added["ราคายางพาราตกต่ำ"].kind == "problem"
    assert added["ถนนเข้าแหล่งท่องเที่ยวชำรุด"].sector_name == "องค์กรปกครองส่วนท้องถิ่น"
    assert added["ส่งเสริมการท่องเที่ยวเชิงวัฒนธรรมในเมืองเก่าสงขลา"].breakout_group == "กลุ่ม 2"
    # In English, from a CSV.
    second = _write_csv(tmp_path / "more.csv", [["Issue", "Idea"], ["3", "ต้องการศูนย์ดูแลผู้สูงอายุ"]])
    assert main([*argv[:-1], "--lang", "en", str(second)]) == 0
    assert capsys.readouterr().out.strip() == "imported 1 ideas from more.csv"
    assert len(_board(demo_db, workshop_id)) == 64


def test_import_ideas_of_a_bad_file_names_the_row_and_adds_nothing(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One bad row among good ones: exit 2, nothing on stdout, the row and column on
    stderr, no traceback, the database file unchanged."""
    workshop_id = _only_workshop(demo_db)
    file = _write_csv(
        tmp_path / "bad-ideas.csv",
        [
            ["ประเด็น", "ความคิดเห็น", "ประเภท"],
            ["1", "ราคายางพาราตกต่ำ", "ปัญหา"],
            ["9", "ส่งเสริมการท่องเที่ยว", "ข้อเสนอแนะ"],
            ["2", "ถนนชำรุด", "ปัญหา"],
        ],
    )
    before = _state(demo_db)
    capsys.readouterr()
    argv = ["import-ideas", "--db", str(demo_db), "--workshop", workshop_id, str(file)]
    assert main([*argv, "--lang", "en"]) == EXIT_USER_ERROR
    out, err = capsys.readouterr()
    assert out == "" and "Traceback" not in err
    lines = err.splitlines()
    assert lines[0] == "bad-ideas.csv was not imported (nothing changed): 1 problem(s):"
    assert lines[1].startswith("row 3, column ประเด็น: unknown issue '9'")
    assert len(lines) == 2
    assert main(argv) == EXIT_USER_ERROR
    err = capsys.readouterr().err
    assert err.startswith("ไม่ได้นำเข้าแฟ้ม bad-ideas.csv (ไม่มีการเปลี่ยนแปลงข้อมูล)")
    assert "แถว 3 คอลัมน์ ประเด็น" in err
    assert _state(demo_db) == before
    assert len(_board(demo_db, workshop_id)) == 60


def test_import_ideas_of_a_missing_file_does_not_create_a_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db_path = tmp_path / "new.sqlite"
    argv = ["import-ideas", "--db", str(db_path), "--workshop", "x", str(tmp_path / "nope.xlsx")]
    assert main([*argv, "--lang", "en"]) == EXIT_USER_ERROR
    out, err = capsys.readouterr()
    assert out == "" and err.splitlines() == [f"file not found: {tmp_path / 'nope.xlsx'}"]
    assert not db_path.exists()
    assert main(argv) == EXIT_USER_ERROR
    assert "ไม่พบแฟ้ม" in capsys.readouterr().err
    assert not db_path.exists()


@pytest.mark.slow
def test_demo_large_puts_2000_ideas_on_the_board_of_all_six_issues(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "large.sqlite"
    assert main(["demo", "--size", "large", "--db", str(path)]) == 0
    capsys.readouterr()
    workshop_id = _only_workshop(path)
    cards = _board(path, workshop_id)
    database = open_database(path)
    try:
        with database.session() as session:
            issues = list_issues(session, workshop_id)
    finally:
        database.close()
    counts = count_ideas(cards)
    assert counts.total == len(cards) == 2000
    assert len(issues) == 6
    assert set(counts.by_issue) == {i.id for i in issues}
    assert all(n >= 300 for n in counts.by_issue.values())
    assert len({c.id for c in cards}) == 2000
    assert all(c.merged_count == 0 and c.text.strip() == c.text for c in cards)


def _projects(db_path: Path, workshop_id: str) -> list[object]:
    database = open_database(db_path)
    try:
        with database.session() as session:
            return [(r.id, r.draft) for r in list_projects(session, workshop_id)]
    finally:
        database.close()


def test_action_plan_export_template_and_import_plan(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`export action-plan` and `export template --with-projects` write workbooks;
    `import-plan` of the unchanged template changes nothing and says so; a bad file
    exits 2 with the reason on stderr and changes nothing."""
    workshop_id = _only_workshop(demo_db)
    common = ["--db", str(demo_db), "--workshop", workshop_id[:8], "--lang", "en"]
    plan = tmp_path / "plan.xlsx"
    assert main(["export", "action-plan", *common, "--out", str(plan)]) == 0
    assert "บัญชีรายการชุดโครงการ" in openpyxl.load_workbook(plan, read_only=True).sheetnames
    template = tmp_path / "template.xlsx"
    assert main(["export", "template", *common, "--with-projects", "--out", str(template)]) == 0
    before = _projects(demo_db, workshop_id)
    capsys.readouterr()
    assert main(["import-plan", *common, str(template)]) == 0
    assert capsys.readouterr().out.strip() == (
        "imported from template.xlsx: 0 new, 0 updated, 12 unchanged projects"
    )
    assert _projects(demo_db, workshop_id) == before

    assert main(["export", "action-plan", *common, "--out", str(tmp_path / "plan.pdf")]) == 2
    assert "written as .xlsx only" in capsys.readouterr().err
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(os.urandom(2000))
    state = _state(demo_db)
    assert main(["import-plan", *common, str(junk)]) == EXIT_USER_ERROR
    out, err = capsys.readouterr()
    assert out == "" and "junk.xlsx" in err and "Traceback" not in err
    assert _state(demo_db) == state
