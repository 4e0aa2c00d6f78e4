"""Importing an invitation list (.xlsx or .csv): the formats provinces send, and every
way a file can be bad. A bad file imports nothing and leaves the database file as it was."""

from __future__ import annotations

import csv
import gc
import hashlib
import os
import sqlite3
import zipfile
from collections.abc import Callable, Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest

from workshop_app.db.database import open_database
from workshop_app.errors import UserError
from workshop_app.models import AttendeeRole
from workshop_app.readers.tables import MAX_UNPACKED_BYTES
from workshop_app.services.attendees import AttendeeDraft, AttendeeRow, add_attendee, list_attendees
from workshop_app.services.invitation_import import (
    InvitationPlan,
    apply_invitation_plan,
    read_invitation_list,
)
from workshop_app.services.meetings import list_members, list_roles
from workshop_app.services.table_import import ImportRejectedError
from workshop_app.services.workshops import create_workshop, list_sectors

Rows = Sequence[Sequence[object]]

THAI_HEADER = ["ลำดับ", "คำนำหน้า", "ชื่อ", "นามสกุล", "ตำแหน่ง", "หน่วยงาน", "ภาคส่วน", "โทรศัพท์"]


def good_row(n: int, sector: str = "ส่วนราชการ") -> list[object]:
    """A distinct, valid person under THAI_HEADER."""
    return [n, "นาย", f"ทดสอบ{n}", "ใจดี", "ผู้อำนวยการ", f"หน่วยงานที่ {n}", sector, ""]


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


@dataclass(frozen=True)
class Snapshot:
    sha256: str
    counts: dict[str, int]
    dump_sha256: str


def snapshot(path: Path) -> Snapshot:
    """Everything stored in the file: its bytes (after folding the WAL into it), the row
    count of every table and a hash of a full SQL dump."""
    gc.collect()  # let go of any connection still waiting for the collector
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        counts = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
        dump = "\n".join(conn.iterdump())
    return Snapshot(
        hashlib.sha256(path.read_bytes()).hexdigest(),
        counts,
        hashlib.sha256(dump.encode()).hexdigest(),
    )


@dataclass(frozen=True)
class Setup:
    db_path: Path
    workshop_id: str


@pytest.fixture
def setup(tmp_path: Path) -> Setup:
    """A closed database file with one workshop and two people already registered."""
    path = tmp_path / "workshop.sqlite"
    database = open_database(path)
    try:
        with database.transaction() as session:
            workshop_id = create_workshop(session, "ประชุมทบทวนแผนพัฒนาจังหวัด")
            sectors = list_sectors(session, workshop_id)
            for first, last, organisation in (
                ("สมชาย", "ใจดี", "สำนักงานจังหวัด"),
                ("วนิดา", "ศรีสุข", "หอการค้าจังหวัด"),
            ):
                add_attendee(
                    session,
                    workshop_id,
                    AttendeeDraft(
                        first_name=first,
                        last_name=last,
                        organisation=organisation,
                        sector_id=sectors[0].id,
                    ),
                )
    finally:
        database.close()
    return Setup(path, workshop_id)


def run_import(setup: Setup, file: Path, *, skip_duplicates: bool = False) -> InvitationPlan:
    """Read and apply a file in one transaction, as the GUI and the CLI do."""
    database = open_database(setup.db_path)
    try:
        with database.transaction() as session:
            plan = read_invitation_list(session, setup.workshop_id, file)
            apply_invitation_plan(session, plan, skip_likely_duplicates=skip_duplicates)
        return plan
    finally:
        database.close()


def people(setup: Setup) -> list[AttendeeRow]:
    database = open_database(setup.db_path)
    try:
        with database.session() as session:
            return sorted(list_attendees(session, setup.workshop_id), key=lambda r: r.code)
    finally:
        database.close()


def by_name(setup: Setup) -> dict[str, AttendeeRow]:
    return {f"{r.first_name} {r.last_name}".strip(): r for r in people(setup)}


def sector_names(setup: Setup) -> dict[str, str]:
    database = open_database(setup.db_path)
    try:
        with database.session() as session:
            return {s.id: s.name for s in list_sectors(session, setup.workshop_id)}
    finally:
        database.close()


def rejected(setup: Setup, file: Path, error: type[UserError] = ImportRejectedError) -> UserError:
    """Import ``file``, expecting ``error``; prove the database did not change at all."""
    before = snapshot(setup.db_path)
    with pytest.raises(error) as excinfo:
        run_import(setup, file)
    after = snapshot(setup.db_path)
    assert after == before
    assert before.counts["attendees"] == 2
    return excinfo.value


# --- files that import -------------------------------------------------------------------


def test_thai_headers_below_two_title_rows(setup: Setup, tmp_path: Path) -> None:
    """The usual provincial sheet: a title, a date line, then the header; blank lines
    between groups are skipped; Thai digits and a number-typed phone are repaired."""
    file = write_xlsx(
        tmp_path / "รายชื่อ.xlsx",
        [
            ["รายชื่อผู้เข้าร่วมประชุมเชิงปฏิบัติการทบทวนแผนพัฒนาจังหวัด"],
            ["วันที่ 25 พฤษภาคม 2566 ณ ห้องประชุมศาลากลางจังหวัด"],
            [*THAI_HEADER, "อีเมล", "บทบาท"],
            [
                1,
                "นาย",
                "สมศักดิ์",
                "รักษ์ไทย",
                "ผู้อำนวยการ",
                "สำนักงานเกษตรจังหวัด",
                "ส่วนราชการ",
                "๐๘๑-๒๓๔-๕๖๗๘",
                "Somsak@Example.GO.TH",
                "กรรมการ",
            ],
            [2, "", "นางสาวอรุณี", "แก้วมณี", "ประธาน", "หอการค้าจังหวัด", "ภาคเอกชน", 812345678],
            [None] * 10,
            [],
            [3, "ผศ.ดร.", "ชุติมา", "บุญมา", "อาจารย์", "มหาวิทยาลัยราชภัฏ", "สถาบันการศึกษา"],
        ],
    )
    plan = run_import(setup, file)
    assert plan.header_row == 3
    assert [i.source_row for i in plan.invitees] == [4, 5, 8]
    assert plan.likely_duplicates == []
    found = by_name(setup)
    sectors = sector_names(setup)
    somsak = found["สมศักดิ์ รักษ์ไทย"]
    assert (somsak.prefix, somsak.position, somsak.organisation) == (
        "นาย",
        "ผู้อำนวยการ",
        "สำนักงานเกษตรจังหวัด",
    )
    assert somsak.phone == "081-234-5678"
    assert somsak.email == "somsak@example.go.th"
    assert somsak.role == AttendeeRole.MEMBER.value
    assert somsak.invited and not somsak.walk_in and somsak.checked_in_at is None
    arunee = found["อรุณี แก้วมณี"]
    assert arunee.prefix == "นางสาว"  # split off the name cell
    assert arunee.phone == "0812345678"  # the leading 0 Excel dropped is back
    assert arunee.role == AttendeeRole.PARTICIPANT.value
    assert sectors[arunee.sector_id] == "ภาคเอกชน"
    assert found["ชุติมา บุญมา"].prefix == "ผศ.ดร."
    assert [r.code for r in people(setup)] == [1, 2, 3, 4, 5]


def test_english_headers_and_english_sector_names(setup: Setup, tmp_path: Path) -> None:
    """English headers in any case and spacing; sectors by English name or an alias."""
    file = write_csv(
        tmp_path / "invitees.csv",
        [
            ["Prefix", "First Name", "Last name", "Position", "Organization", "SECTOR", "Mobile"],
            ["Mr.", "John", "Smith", "Advisor", "UNDP", "Other", "0812345678"],
            ["นาย", "อนุชา", "ทองคำ", "ผู้จัดการ", "การประปาส่วนภูมิภาค", "State enterprises", ""],
            ["", "ศุภชัย", "พรหมมา", "อาจารย์", "มหาวิทยาลัย", "university", ""],
            ["", "ดวงใจ", "มีสุข", "", "ที่ว่าการอำเภอ", "government", ""],
        ],
    )
    run_import(setup, file)
    found = by_name(setup)
    sectors = sector_names(setup)
    assert found["John Smith"].prefix == "Mr."
    assert [sectors[found[n].sector_id] for n in ("John Smith", "อนุชา ทองคำ")] == [
        "อื่น ๆ",
        "รัฐวิสาหกิจ",
    ]
    assert sectors[found["ศุภชัย พรหมมา"].sector_id] == "สถาบันการศึกษา"
    assert sectors[found["ดวงใจ มีสุข"].sector_id] == "ส่วนราชการ"


def test_single_full_name_column_with_prefixes(setup: Setup, tmp_path: Path) -> None:
    """One "ชื่อ-สกุล" column: prefix, first and last name are split; อปท. is a sector."""
    file = write_xlsx(
        tmp_path / "names.xlsx",
        [
            ["ที่", "ชื่อ-สกุล", "ตำแหน่ง", "สังกัด", "ภาคส่วน", "เบอร์โทร"],
            [1, "ผศ.ดร.สมชาย ใจดี", "อาจารย์", "มหาวิทยาลัยทักษิณ", "สถาบันการศึกษา", "๐๗๔๓๑๑๘๘๕"],
            [2, "นางสาวสุดา  ใจงาม", "ปลัดเทศบาล", "เทศบาลเมือง", "อปท.", ""],
            [3, "นายประเสริฐ วงศ์สวัสดิ์", "นายก อบต.", "อบต.ท่าข้าม", "อปท", ""],
            [4, "สมหญิง", "ประชาชน", "", "ภาคประชาชน", ""],
        ],
    )
    run_import(setup, file)
    found = by_name(setup)
    sectors = sector_names(setup)
    assert (found["สมชาย ใจดี"].prefix, found["สมชาย ใจดี"].organisation) == (
        "ผศ.ดร.",
        "มหาวิทยาลัยทักษิณ",
    )
    assert found["สมชาย ใจดี"].phone == "074311885"
    assert found["สุดา ใจงาม"].prefix == "นางสาว"
    assert sectors[found["สุดา ใจงาม"].sector_id] == "องค์กรปกครองส่วนท้องถิ่น"
    assert sectors[found["ประเสริฐ วงศ์สวัสดิ์"].sector_id] == "องค์กรปกครองส่วนท้องถิ่น"
    assert found["สมหญิง"].prefix == "" and found["สมหญิง"].last_name == ""


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp874", "utf-8"])
def test_csv_in_the_encodings_thai_excel_writes(
    setup: Setup, tmp_path: Path, encoding: str
) -> None:
    """UTF-8 with BOM (Excel "CSV UTF-8"), TIS-620/cp874 (Excel on Thai Windows), UTF-8."""
    file = write_csv(
        tmp_path / f"list-{encoding}.csv",
        [
            ["คำนำหน้า", "ชื่อ", "นามสกุล", "หน่วยงาน", "ภาคส่วน", "โทรศัพท์"],
            ["นาง", "กาญจนา", "แสงทอง", "สำนักงานพัฒนาชุมชนจังหวัด", "ส่วนราชการ", "๐๘๙๑๑๑๒๒๒๓"],
            [],
            ["นาย", "ไพโรจน์", "เพชรรัตน์", "มูลนิธิพัฒนาชุมชน", "ภาคประชาสังคม", ""],
        ],
        encoding=encoding,
    )
    if encoding == "cp874":
        assert not file.read_bytes().startswith(b"\xef\xbb\xbf")
        with pytest.raises(UnicodeDecodeError):
            file.read_bytes().decode("utf-8")
    plan = run_import(setup, file)
    assert [i.source_row for i in plan.invitees] == [2, 4]
    found = by_name(setup)
    assert found["กาญจนา แสงทอง"].organisation == "สำนักงานพัฒนาชุมชนจังหวัด"
    assert found["กาญจนา แสงทอง"].phone == "0891112223"
    assert found["ไพโรจน์ เพชรรัตน์"].prefix == "นาย"


def test_semicolon_separated_csv(setup: Setup, tmp_path: Path) -> None:
    """A CSV saved with ; separators (European Excel settings) is read too."""
    file = tmp_path / "semicolon.csv"
    file.write_text("ชื่อ;นามสกุล;ภาคส่วน\nมาลัย;บัวขาว;ภาคประชาชน\nรัตนา;ธนสาร;ภาคเอกชน\n")
    run_import(setup, file)
    assert {"มาลัย บัวขาว", "รัตนา ธนสาร"} <= set(by_name(setup))


def test_likely_duplicates_are_reported_and_can_be_skipped(setup: Setup, tmp_path: Path) -> None:
    """People already registered (same name and organisation, however typed) are listed in
    plan.likely_duplicates; skip_likely_duplicates leaves them out."""
    rows = [
        ["ชื่อ", "นามสกุล", "หน่วยงาน", "ภาคส่วน"],
        ["นายสมชาย", "ใจดี", "ส\u0e4d\u0e32นักงานจังหวัด", "ส่วนราชการ"],  # registered already
        ["สมชาย", "ใจดี", "เทศบาลนคร", "อปท."],  # same name, other organisation
        ["ธนากร", "ยอดดำเนิน", "สมาคมท่องเที่ยวจังหวัด", "ภาคเอกชน"],
    ]
    file = write_xlsx(tmp_path / "again.xlsx", rows)
    before = snapshot(setup.db_path)
    database = open_database(setup.db_path)
    try:
        with database.transaction() as session:
            plan = read_invitation_list(session, setup.workshop_id, file)
            assert [(i.source_row, e.full_name) for i, e in plan.likely_duplicates] == [
                (2, "สมชาย ใจดี")
            ]
            added = apply_invitation_plan(session, plan, skip_likely_duplicates=True)
        assert added == 2
    finally:
        database.close()
    assert snapshot(setup.db_path).counts["attendees"] == before.counts["attendees"] + 2
    assert [r.organisation for r in people(setup) if r.first_name == "สมชาย"] == [
        "สำนักงานจังหวัด",
        "เทศบาลนคร",
    ]
    plan = run_import(setup, write_xlsx(tmp_path / "third.xlsx", rows[:2]))
    assert len(plan.likely_duplicates) == 1  # without skipping, imported anyway
    assert len(people(setup)) == 5


def test_reading_alone_changes_nothing(setup: Setup, tmp_path: Path) -> None:
    """read_invitation_list only makes a plan; the database is untouched until applied."""
    file = write_xlsx(tmp_path / "plan.xlsx", [THAI_HEADER, good_row(1), good_row(2)])
    before = snapshot(setup.db_path)
    database = open_database(setup.db_path)
    try:
        with database.session() as session:
            plan = read_invitation_list(session, setup.workshop_id, file)
    finally:
        database.close()
    assert len(plan.invitees) == 2
    assert snapshot(setup.db_path) == before


# --- files that are refused ----------------------------------------------------------------


def test_no_name_column(setup: Setup, tmp_path: Path) -> None:
    """Without a name column: refused in one problem naming the header row and saying
    how to name the column."""
    file = write_xlsx(
        tmp_path / "noname.xlsx",
        [["ตำแหน่ง", "หน่วยงาน", "ภาคส่วน"], ["ผู้อำนวยการ", "สำนักงานจังหวัด", "ส่วนราชการ"]],
    )
    error = rejected(setup, file)
    assert isinstance(error, ImportRejectedError)
    assert [(p.row, p.column) for p in error.problems] == [(1, None)]
    assert "no name column" in error.english and "--column full_name=" in error.english
    assert "ไม่มีคอลัมน์ชื่อ" in error.thai
    assert "noname.xlsx" in error.english


def test_no_sector_column(setup: Setup, tmp_path: Path) -> None:
    """Names but no sector column: the sector is told by the organisation, marked as
    inferred in the plan for the user to confirm; an organisation that tells nothing
    goes to 'other'."""
    file = write_csv(
        tmp_path / "nosector.csv",
        [
            ["รายชื่อ"],
            ["ชื่อ", "นามสกุล", "หน่วยงาน"],
            ["สมศักดิ์", "รักษ์ไทย", "สำนักงานเกษตรจังหวัด"],
            ["ปรีชา", "บุญมา", "เทศบาลตำบลบ้านนา"],
            ["อรุณี", "ทองคำ", "ชมรมผู้สูงอายุ"],
        ],
    )
    plan = run_import(setup, file)
    assert plan.inferred == 3
    names = sector_names(setup)
    found = {name: names[row.sector_id] for name, row in by_name(setup).items()}
    assert found["สมศักดิ์ รักษ์ไทย"] == "ส่วนราชการ"
    assert found["ปรีชา บุญมา"] == "องค์กรปกครองส่วนท้องถิ่น"
    assert found["อรุณี ทองคำ"] == "อื่น ๆ"


def test_empty_csv_file(setup: Setup, tmp_path: Path) -> None:
    """A 0-byte .csv is refused as empty."""
    file = tmp_path / "empty.csv"
    file.write_bytes(b"")
    assert "the file is empty" in rejected(setup, file).english


def test_xlsx_with_an_empty_sheet(setup: Setup, tmp_path: Path) -> None:
    """A workbook whose first sheet has nothing in it is refused as empty."""
    file = write_xlsx(tmp_path / "empty.xlsx", [])
    assert "the file is empty" in rejected(setup, file).english


def test_header_without_people(setup: Setup, tmp_path: Path) -> None:
    """A header row and nothing below it imports nobody, and says so."""
    file = write_xlsx(tmp_path / "header.xlsx", [THAI_HEADER, [None] * 8])
    assert "no people below the header row" in rejected(setup, file).english


def test_random_bytes_named_xlsx(setup: Setup, tmp_path: Path) -> None:
    """A file that is not a zip at all is a clear UserError, not a crash."""
    file = tmp_path / "invitees.xlsx"
    file.write_bytes(os.urandom(20_000))
    error = rejected(setup, file, UserError)
    assert "not a readable Excel (.xlsx) file" in error.english
    assert "invitees.xlsx" in error.thai


def test_zip_that_is_not_a_workbook(setup: Setup, tmp_path: Path) -> None:
    """A real zip without a workbook inside is refused as a damaged .xlsx."""
    file = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(file, "w") as archive:
        archive.writestr("photo.txt", "ไม่ใช่แฟ้ม Excel")
    assert "cannot read photos.xlsx" in rejected(setup, file, UserError).english


def test_old_xls_file(setup: Setup, tmp_path: Path) -> None:
    """Old .xls files are refused with advice to save as .xlsx or .csv."""
    file = tmp_path / "old.xls"
    file.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(4096))
    error = rejected(setup, file, UserError)
    assert "old Excel file (.xls)" in error.english
    assert ".xlsx" in error.thai


def test_other_file_types(setup: Setup, tmp_path: Path) -> None:
    """A .pdf is not an invitation list."""
    file = tmp_path / "list.pdf"
    file.write_bytes(b"%PDF-1.4")
    assert "only .xlsx, .csv or .txt" in rejected(setup, file, UserError).english


def test_formula_in_a_used_column(setup: Setup, tmp_path: Path) -> None:
    """A formula in a column that is read names its row and column (letter and header);
    a formula in a column that is not read does no harm to the message."""
    file = write_xlsx(
        tmp_path / "formula.xlsx",
        [THAI_HEADER, good_row(1), [2, "นาย", '=CONCAT("สม","ชาย")', "ใจดี", "", "x", "ส่วนราชการ"]],
    )
    error = rejected(setup, file)
    assert isinstance(error, ImportRejectedError)
    assert [(p.row, p.column) for p in error.problems] == [(3, "C (ชื่อ)")]
    assert "row 3, column C (ชื่อ): the cell holds a formula" in error.english
    assert "แถว 3 คอลัมน์ C (ชื่อ)" in error.thai


def test_duplicate_rows_inside_the_file(setup: Setup, tmp_path: Path) -> None:
    """The same person twice in one file (however typed) names both rows."""
    file = write_xlsx(
        tmp_path / "twice.xlsx",
        [
            THAI_HEADER,
            good_row(1),
            [2, "นาย", "ไพโรจน์", "แสงทอง", "", "หอการค้าจังหวัด", "ภาคเอกชน"],
            good_row(3),
            [4, "นาย", "ไพโรจน์", "  แสงทอง", "ประธาน", "หอการค้า จังหวัด", "ภาคเอกชน"],
        ],
    )
    error = rejected(setup, file)
    assert "row 3: same name and organisation again in row(s) 5" in error.english
    assert "แถว 3: ชื่อและหน่วยงานเดียวกันซ้ำที่แถว 5" in error.thai


def test_unknown_sector(setup: Setup, tmp_path: Path) -> None:
    """An unknown sector names the row and the column, and lists the valid sectors."""
    file = write_xlsx(
        tmp_path / "sector.xlsx", [["รายชื่อ"], THAI_HEADER, good_row(1), good_row(2, "ดาวอังคาร")]
    )
    error = rejected(setup, file)
    assert "row 4, column G (ภาคส่วน): unknown sector 'ดาวอังคาร'" in error.english
    assert "ส่วนราชการ, รัฐวิสาหกิจ" in error.english
    assert "แถว 4 คอลัมน์ G (ภาคส่วน)" in error.thai


def test_unknown_sector_in_csv_names_the_column_by_its_header(setup: Setup, tmp_path: Path) -> None:
    """A CSV has no column letters: the column is named by its header."""
    file = write_csv(tmp_path / "s.csv", [["ชื่อ", "ภาคส่วน"], ["สมชาย", "ทหาร"]])
    assert "row 2, column ภาคส่วน: unknown sector 'ทหาร'" in rejected(setup, file).english


def test_bad_email_names_the_row(setup: Setup, tmp_path: Path) -> None:
    """A value the register would refuse (a bad e-mail) is reported with its row."""
    file = write_csv(
        tmp_path / "mail.csv",
        [
            ["ชื่อ", "ภาคส่วน", "อีเมล"],
            ["สมชาย", "ส่วนราชการ", "ok@example.com"],
            ["วิชัย", "อื่น ๆ", "วิชัย@"],
        ],
    )
    error = rejected(setup, file)
    assert "row 3" in error.english and "'วิชัย@'" in error.english


def test_missing_name_in_a_row(setup: Setup, tmp_path: Path) -> None:
    """A row with a sector but no name is a problem in the name column."""
    file = write_xlsx(
        tmp_path / "noname-row.xlsx", [THAI_HEADER, [1, "นาย", "", "", "", "", "อื่น ๆ"]]
    )
    assert "row 2, column C (ชื่อ): the name is empty" in rejected(setup, file).english


def test_every_problem_is_counted_and_the_list_is_capped(setup: Setup, tmp_path: Path) -> None:
    """20 bad rows: all are counted, 15 are shown, then "... and 5 more"."""
    file = write_xlsx(
        tmp_path / "many.xlsx", [THAI_HEADER, *(good_row(n, "ไม่มี") for n in range(1, 21))]
    )
    error = rejected(setup, file)
    assert isinstance(error, ImportRejectedError)
    assert len(error.problems) == 20
    assert "20 problem(s)" in error.english
    assert error.english.count("unknown sector") == 15
    assert error.english.endswith("... and 5 more")
    assert error.thai.endswith("... และอีก 5 รายการ")


def test_ten_good_rows_and_one_bad_row_import_nothing(setup: Setup, tmp_path: Path) -> None:
    """All or nothing: one bad row in the middle stops the whole file."""
    rows: list[list[object]] = [[*THAI_HEADER], *(good_row(n) for n in range(1, 11))]
    rows.insert(6, [99, "นาย", "คนผิด", "ที่ผิด", "", "", "ภาคที่ไม่มี"])
    file = write_xlsx(tmp_path / "almost.xlsx", rows)
    error = rejected(setup, file)
    assert isinstance(error, ImportRejectedError)
    assert [p.row for p in error.problems] == [7]
    assert len(people(setup)) == 2
    good = write_xlsx(tmp_path / "fixed.xlsx", [r for r in rows if r[0] != 99])
    run_import(setup, good)  # the corrected file then imports all ten
    assert len(people(setup)) == 12


def _bomb(path: Path, write_sheet: Callable[[zipfile.ZipFile], None]) -> Path:
    """An .xlsx whose parts are those of a real workbook, except the first sheet."""
    real = write_xlsx(path.with_suffix(".real.xlsx"), [THAI_HEADER, good_row(1)])
    with zipfile.ZipFile(real) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                out.writestr(info.filename, source.read(info))
        write_sheet(out)
    return path


def test_zip_bomb_is_refused_before_inflating(setup: Setup, tmp_path: Path) -> None:
    """A sheet of 128 MiB of white space (valid XML, compressed ~1000:1 to about 130 kB) is
    refused from the zip directory alone."""

    def sheet(out: zipfile.ZipFile) -> None:
        with out.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as handle:
            handle.write(b'<?xml version="1.0"?><worksheet><sheetData>')
            chunk = b" " * (1 << 20)
            for _ in range(128):
                handle.write(chunk)
            handle.write(b"</sheetData></worksheet>")

    file = _bomb(tmp_path / "bomb.xlsx", sheet)
    assert file.stat().st_size < 1_000_000
    error = rejected(setup, file, UserError)
    assert "inflates abnormally" in error.english
    assert "bomb.xlsx" in error.english


def test_highly_compressed_sheet_under_the_size_cap_is_refused(
    setup: Setup, tmp_path: Path
) -> None:
    """Ratio check: 20 MiB (under the 64 MiB cap) that compresses more than 200:1."""

    def sheet(out: zipfile.ZipFile) -> None:
        out.writestr("xl/worksheets/sheet1.xml", b"<worksheet>" + bytes(20 << 20) + b"</worksheet>")

    assert MAX_UNPACKED_BYTES > 20 << 20
    assert (
        "inflates abnormally"
        in rejected(setup, _bomb(tmp_path / "r.xlsx", sheet), UserError).english
    )


def test_too_much_data_even_uncompressed_is_refused(setup: Setup, tmp_path: Path) -> None:
    """Size cap: parts totalling more than 64 MiB are refused even at a 1:1 ratio."""

    def sheet(out: zipfile.ZipFile) -> None:
        out.writestr("xl/worksheets/sheet1.xml", b"<worksheet/>")
        out.writestr("xl/media/big.bin", os.urandom(MAX_UNPACKED_BYTES + 1), zipfile.ZIP_STORED)

    assert (
        "inflates abnormally"
        in rejected(setup, _bomb(tmp_path / "big.xlsx", sheet), UserError).english
    )


def test_roles_of_a_working_group_and_a_second_list(setup: Setup, tmp_path: Path) -> None:
    """Roles however spaced, ประธาน for the list's ประธานกรรมการ, observers as participants;
    a second list's members come after the first's, each in the order of its file."""
    first = write_csv(
        tmp_path / "คณะทำงาน.csv",
        [
            ["ลำดับ", "ชื่อ-สกุล", "หน่วยงาน", "ภาคส่วน", "ตำแหน่งในคณะทำงาน"],
            [1, "นายเอกชัย ศรีวิชัย", "สำนักงานจังหวัดพัทลุง", "ส่วนราชการ", "ประธาน"],
            [2, "นางสาวศิริรัตน์ ทองคำ", "สำนักงานจังหวัดพัทลุง", "ส่วนราชการ", "กรรมการ และเลขานุการ"],
            [3, "นายวิทยา แก้วทอง", "เทศบาลเมืองพัทลุง", "อปท.", "กรรมการ"],
            [4, "นางจันทนา พรหมแก้ว", "หอการค้าจังหวัดพัทลุง", "ภาคเอกชน", "ผู้เข้าร่วมสังเกตการณ์"],
        ],
    )
    plan = run_import(setup, first)
    assert plan.members == 3 and plan.new_roles == []
    second = write_csv(
        tmp_path / "เพิ่มเติม.csv",
        [
            ["ชื่อ-สกุล", "หน่วยงาน", "ภาคส่วน", "บทบาท"],
            ["นายสมพร ขวัญแก้ว", "สภาอุตสาหกรรมจังหวัดพัทลุง", "ภาคเอกชน", "รองประธาน"],
            ["นายอดุลย์ หมัดหลี", "สำนักงานพาณิชย์จังหวัดพัทลุง", "ส่วนราชการ", "กรรมการและเลขานุการร่วม"],
        ],
    )
    plan = run_import(setup, second)
    assert plan.new_roles == ["กรรมการและเลขานุการร่วม"]
    database = open_database(setup.db_path)
    try:
        with database.session() as session:
            members = [
                (m.attendee.first_name, m.role) for m in list_members(session, setup.workshop_id)
            ]
            roles = [r.name for r in list_roles(session, setup.workshop_id)]
    finally:
        database.close()
    assert members == [
        ("เอกชัย", "ประธานกรรมการ"),
        ("ศิริรัตน์", "กรรมการและเลขานุการ"),
        ("วิทยา", "กรรมการ"),
        ("สมพร", "รองประธานกรรมการ"),
        ("อดุลย์", "กรรมการและเลขานุการร่วม"),
    ]
    assert roles[-1] == "กรรมการและเลขานุการร่วม"
    observer = next(p for p in people(setup) if p.first_name == "จันทนา")
    assert observer.role == AttendeeRole.PARTICIPANT.value


def test_text_that_names_no_role_is_refused(setup: Setup, tmp_path: Path) -> None:
    file = write_xlsx(
        tmp_path / "คณะกรรมการ.xlsx",
        [
            ["ที่", "ชื่อ - สกุล", "หน่วยงาน", "ภาคส่วน", "ตำแหน่งในคณะกรรมการ"],
            [1, "นายชาตรี บุญส่ง", "สำนักงานจังหวัดพัทลุง", "ส่วนราชการ", "กรรมการ"],
            [2, "นางอุไร เพชรรัตน์", "สำนักงานจังหวัดพัทลุง", "ส่วนราชการ", "ผู้ประสานงาน"],
        ],
    )
    before = snapshot(setup.db_path)
    with pytest.raises(ImportRejectedError) as raised:
        run_import(setup, file)
    (problem,) = raised.value.problems
    assert (problem.row, problem.column_index) == (3, 4)
    assert "ไม่รู้จักตำแหน่งในคณะ 'ผู้ประสานงาน'" in problem.thai
    assert "unknown role 'ผู้ประสานงาน'" in problem.english and "ประธานกรรมการ" in problem.english
    assert snapshot(setup.db_path) == before
