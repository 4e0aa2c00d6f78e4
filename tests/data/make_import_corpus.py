"""Make the import corpus: invitation lists, committee lists, flipchart transcripts and
hearing comments in the layouts and encodings Thai provincial offices send, and files
that must be refused. Each file is written from the people (or ideas) below, so the test
(tests/services/test_import_corpus.py) checks every field it imports against them.

Run: ``python tests/data/make_import_corpus.py`` (needs LibreOffice, soffice, for the
files converted and re-saved by it). The files are committed; run it again only to
change the corpus.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

CORPUS = Path(__file__).resolve().parent / "import_corpus"
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")

GOV = "ส่วนราชการ"
STATE = "รัฐวิสาหกิจ"
LOCAL = "องค์กรปกครองส่วนท้องถิ่น"
PRIVATE = "ภาคเอกชน"
CIVIL = "ภาคประชาสังคม"
CITIZEN = "ภาคประชาชน"
ACADEMIA = "สถาบันการศึกษา"
OTHER = "อื่น ๆ"


@dataclass(frozen=True)
class Person:
    prefix: str
    first: str
    last: str
    position: str
    organisation: str
    sector: str
    phone: str = ""  # as it must be stored (leading 0 and all)
    email: str = ""
    role: str = "participant"
    body_role: str = ""  # a member's role in the body, as the workshop's list names it

    @property
    def full(self) -> str:
        return f"{self.prefix}{self.first} {self.last}"


@dataclass(frozen=True)
class Card:
    issue: int
    text: str
    kind: str = "proposal"
    sector: str | None = None
    group: str = ""
    # A public hearing's record (stored as given; the commenter blank when anonymous).
    commenter: str = ""
    organisation: str = ""
    anonymous: bool = False
    answer: str = ""
    plan_change: str = ""


@dataclass(frozen=True)
class Expected:
    """What importing a corpus file must give (people or cards, in file order)."""

    kind: str  # "invitations" or "ideas"
    people: tuple[Person, ...] = ()
    cards: tuple[Card, ...] = ()
    inferred: int = 0  # people whose sector was inferred from the organisation
    sheet: str | None = None  # the sheet the import must read
    options: tuple[str, ...] = ()  # extra CLI options


@dataclass(frozen=True)
class Bad:
    """A file that must be refused: the words its message holds (Thai, English)."""

    kind: str
    thai: tuple[str, ...]
    english: tuple[str, ...]
    options: tuple[str, ...] = ()


# People of an invitation list in Trang and Phatthalung (invented, realistic).
PEOPLE: tuple[Person, ...] = (
    Person("นาย", "ธนวัฒน์", "ศรีสมบูรณ์", "ปลัดจังหวัดตรัง", "ศาลากลางจังหวัดตรัง", GOV, "075218047"),
    Person(
        "นางสาว",
        "กนกพร",
        "แก้วประดิษฐ์",
        "นักวิเคราะห์นโยบายและแผนชำนาญการ",
        "สำนักงานจังหวัดตรัง",
        GOV,
        "0819571234",
    ),
    Person("นาง", "ศิริพร", "บุญญาศิริ", "เกษตรจังหวัดตรัง", "สำนักงานเกษตรจังหวัดตรัง", GOV, "075215522"),
    Person("ว่าที่ร้อยตรี", "ปกรณ์", "ชูเชิด", "ปลัดอำเภอ", "ที่ทำการปกครองอำเภอกันตัง", GOV, "0897365510"),
    Person("นาย", "อดิศักดิ์", "หมัดหลี", "ผู้จัดการ", "การไฟฟ้าส่วนภูมิภาคจังหวัดตรัง", STATE, "075219100"),
    Person(
        "นางสาว",
        "จิราพร",
        "ทองสุข",
        "หัวหน้างานบริการลูกค้า",
        "การประปาส่วนภูมิภาคสาขาตรัง",
        STATE,
        "0623381420",
    ),
    Person("นาย", "ประเสริฐ", "เพชรรัตน์", "ผู้อำนวยการสาขา", "ธ.ก.ส. สาขาห้วยยอด", STATE, "0951120034"),
    Person(
        "นาย",
        "สมพงษ์",
        "ขาวผ่อง",
        "นายกองค์การบริหารส่วนจังหวัดตรัง",
        "องค์การบริหารส่วนจังหวัดตรัง",
        LOCAL,
        "075214320",
    ),
    Person("นาง", "วรรณา", "หนูเอียด", "ปลัดเทศบาล", "เทศบาลนครตรัง", LOCAL, "0864409917"),
    Person("นาย", "อับดุลเลาะ", "สาและ", "นายก อบต.", "อบต.เกาะลิบง", LOCAL, "0812207765"),
    Person("นาย", "ชาญวิทย์", "ตันติวงศ์", "ประธานหอการค้า", "หอการค้าจังหวัดตรัง", PRIVATE, "0818976543"),
    Person("นางสาว", "พิมพ์ชนก", "ลิ้มสกุล", "รองประธาน", "สภาอุตสาหกรรมจังหวัดตรัง", PRIVATE, "0990011223"),
    Person(
        "นาย", "วีระพงษ์", "เจริญผล", "กรรมการผู้จัดการ", "บริษัท ตรังยางพารา จำกัด", PRIVATE, "075251188"
    ),
    Person(
        "ผศ.ดร.",
        "นิพนธ์",
        "แซ่ลิ่ม",
        "ผู้อำนวยการวิทยาเขต",
        "มหาวิทยาลัยราชมงคลศรีวิชัย วิทยาเขตตรัง",
        ACADEMIA,
        "0857732190",
    ),
    Person("นาง", "สุภาวดี", "ช่วยชู", "ผู้อำนวยการ", "วิทยาลัยเทคนิคตรัง", ACADEMIA, "075218555"),
    Person(
        "นาย", "มานพ", "ทองเนื้อแข็ง", "ผู้อำนวยการโรงเรียน", "โรงเรียนวิเชียรมาตุ", ACADEMIA, "0832209876"
    ),
    Person("นาง", "อารีย์", "ดำแก้ว", "ประธานมูลนิธิ", "มูลนิธิรักษ์ทะเลอันดามัน", CIVIL, "0878801234"),
    Person("นาย", "บุญเลิศ", "หมื่นหนู", "ผู้ใหญ่บ้าน", "ผู้ใหญ่บ้านหมู่ 4 ตำบลนาโยงเหนือ", CITIZEN, "0897770123"),
    Person("นางสาว", "รัชนี", "ขุนทอง", "ประธานกลุ่ม", "วิสาหกิจชุมชนผ้าทอนาหมื่นศรี", CITIZEN, "0612223344"),
    Person("นาย", "เกียรติศักดิ์", "แสงอรุณ", "นักวิชาการอิสระ", "ชมรมคนรักตรัง", OTHER, ""),
)

# A committee (the provincial development committee) with roles.
COMMITTEE: tuple[tuple[Person, str], ...] = (
    (
        Person(
            "นาย",
            "สุรพล",
            "จันทร์แก้ว",
            "ผู้ว่าราชการจังหวัดพัทลุง",
            "ศาลากลางจังหวัดพัทลุง",
            GOV,
            "074613029",
            role="member",
        ),
        "ประธานกรรมการ",
    ),
    (
        Person(
            "นาย",
            "อำนาจ",
            "ปานแก้ว",
            "รองผู้ว่าราชการจังหวัดพัทลุง",
            "ศาลากลางจังหวัดพัทลุง",
            GOV,
            "074613030",
            role="member",
        ),
        "รองประธานกรรมการ",
    ),
    (
        Person(
            "นาง",
            "ปราณี",
            "ศรีเมือง",
            "นายกองค์การบริหารส่วนจังหวัดพัทลุง",
            "องค์การบริหารส่วนจังหวัดพัทลุง",
            LOCAL,
            "074612222",
            role="member",
        ),
        "กรรมการ",
    ),
    (
        Person(
            "นาย",
            "ทวีศักดิ์",
            "คงแก้ว",
            "ประธานหอการค้าจังหวัดพัทลุง",
            "หอการค้าจังหวัดพัทลุง",
            PRIVATE,
            "0817474747",
            role="member",
        ),
        "กรรมการ",
    ),
    (
        Person(
            "รศ.ดร.",
            "จรัญ",
            "ขุนทอง",
            "รองอธิการบดี",
            "มหาวิทยาลัยทักษิณ วิทยาเขตพัทลุง",
            ACADEMIA,
            "0896571000",
            role="member",
        ),
        "กรรมการ",
    ),
    (
        Person(
            "นางสาว",
            "มณีรัตน์",
            "เพ็ชรสุวรรณ",
            "หัวหน้าสำนักงานจังหวัดพัทลุง",
            "สำนักงานจังหวัดพัทลุง",
            GOV,
            "074613055",
            role="member",
        ),
        "กรรมการและเลขานุการ",
    ),
    (
        Person(
            "นาย", "ภาณุพงศ์", "ชูช่วย", "นักวิเคราะห์นโยบายและแผน", "สำนักงานจังหวัดพัทลุง", GOV, "0931234567"
        ),
        "ผู้เข้าร่วมสังเกตการณ์",
    ),
)

CARDS: tuple[Card, ...] = (
    Card(1, "ราคายางพาราตกต่ำ เกษตรกรขาดรายได้ในช่วงฤดูฝน", "problem", CITIZEN, "1"),
    Card(1, "ส่งเสริมการแปรรูปยางพาราเป็นผลิตภัณฑ์มูลค่าสูง", "proposal", PRIVATE, "1"),
    Card(1, "= ต้นทุนปุ๋ยสูงกว่ารายได้ (ความเห็นของเกษตรกร)", "problem", None, "1"),
    Card(2, "หาดปากเมงและเกาะกระดานเป็นแหล่งท่องเที่ยวที่มีศักยภาพ", "strength", LOCAL, "2"),
    Card(2, "ขาดท่าเทียบเรือที่ได้มาตรฐานสำหรับนักท่องเที่ยว", "problem", None, "2"),
    Card(2, "โครงการพัฒนาเส้นทางท่องเที่ยวเชื่อมอันดามัน", "project", STATE, "2"),
    Card(3, "ผู้สูงอายุในชนบทเข้าถึงบริการสาธารณสุขได้ยาก", "problem", CIVIL, "3"),
    Card(3, "ต้องการศูนย์ดูแลเด็กเล็กในทุกตำบล", "need", CITIZEN, "3"),
    Card(4, "ป่าชายเลนเสื่อมโทรมจากการบุกรุก", "problem", GOV, "4"),
    Card(4, "ฟื้นฟูหญ้าทะเลเพื่อพะยูนที่เกาะลิบง", "proposal", ACADEMIA, "4"),
)

KIND_THAI = {
    "problem": "ปัญหา",
    "strength": "จุดแข็ง/ศักยภาพ",
    "need": "ความต้องการ",
    "proposal": "ข้อเสนอแนะ",
    "project": "ข้อเสนอโครงการ",
    "other": "อื่น ๆ",
}

EXPECTED: dict[str, Expected | Bad] = {}


def _as_number(phone: str) -> int | str:
    """A phone number typed into Excel as a number: the leading 0 is lost."""
    return int(phone) if phone else ""


def _title(sheet: Worksheet, width: int, *lines: str) -> None:
    for line in lines:
        sheet.append([line])
        row = sheet.max_row
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)


def _save(workbook: openpyxl.Workbook, name: str, expected: Expected | Bad) -> Path:
    path = CORPUS / name
    workbook.save(path)
    EXPECTED[name] = expected
    return path


def _text(
    name: str,
    rows: Sequence[Sequence[object]],
    expected: Expected | Bad,
    *,
    encoding: str = "utf-8",
    delimiter: str = ",",
    line_end: str = "\r\n",
) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator=line_end).writerows(rows)
    path = CORPUS / name
    path.write_bytes(buffer.getvalue().encode(encoding))
    EXPECTED[name] = expected
    return path


def _by_sector(people: Sequence[Person]) -> list[tuple[str, list[Person]]]:
    groups: dict[str, list[Person]] = {}
    for person in people:
        groups.setdefault(person.sector, []).append(person)
    return list(groups.items())


def _grouped(people: Sequence[Person]) -> tuple[Person, ...]:
    return tuple(p for _sector, group in _by_sector(people) for p in group)


# --- invitation lists -----------------------------------------------------------------


def sector_column() -> None:
    """The plain layout: merged title rows, a sector column, phones typed as text."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "รายชื่อ"
    _title(sheet, 9, "บัญชีรายชื่อผู้เข้าร่วมประชุมเชิงปฏิบัติการ", "ทบทวนแผนพัฒนาจังหวัดตรัง พ.ศ. 2571-2575")
    sheet.append([])
    sheet.append(
        ["ลำดับ", "คำนำหน้า", "ชื่อ", "นามสกุล", "ตำแหน่ง", "หน่วยงาน", "ภาคส่วน", "โทรศัพท์", "อีเมล"]
    )
    for n, p in enumerate(PEOPLE[:12], start=1):
        email = f"{p.first[:2]}{n}@trang.go.th" if p.sector == GOV else ""
        sheet.append(
            [n, p.prefix, p.first, p.last, p.position, p.organisation, p.sector, p.phone, email]
        )
    people = tuple(
        Person(**{**vars(p), "email": f"{p.first[:2]}{n}@trang.go.th" if p.sector == GOV else ""})
        for n, p in enumerate(PEOPLE[:12], start=1)
    )
    _save(book, "inv_sector_column.xlsx", Expected("invitations", people))


def sector_headings() -> None:
    """Sector heading rows ("1. ส่วนราชการ"), one name cell, Thai-digit sequence, phones
    stored as numbers (leading 0 lost), "ชื่อ - สกุล", "หน่วยงาน/สังกัด", "โทร"."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    _title(sheet, 5, "รายชื่อผู้เข้าร่วมประชุม")
    sheet.append(["ที่", "ชื่อ - สกุล", "ตำแหน่ง", "หน่วยงาน/สังกัด", "โทร"])
    n = 0
    for index, (sector, group) in enumerate(_by_sector(PEOPLE), start=1):
        sheet.append([f"{index}. {sector} ({len(group)} คน)"])
        sheet.merge_cells(
            start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=5
        )
        for p in group:
            n += 1
            sheet.append(
                [
                    str(n).translate(THAI_DIGITS),
                    p.full,
                    p.position,
                    p.organisation,
                    _as_number(p.phone),
                ]
            )
    sheet.append(["รวมทั้งสิ้น 20 คน"])
    _save(book, "inv_sector_headings.xlsx", Expected("invitations", _grouped(PEOPLE)))


def no_sector() -> None:
    """No sector at all: told by the organisation (shown as inferred)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["ลำดับที่", "คำนำหน้าชื่อ", "ชื่อ", "สกุล", "ตำแหน่ง", "สังกัด", "เบอร์โทรศัพท์"])
    for n, p in enumerate(PEOPLE, start=1):
        sheet.append([n, p.prefix, p.first, p.last, p.position, p.organisation, p.phone])
    _save(book, "inv_no_sector.xlsx", Expected("invitations", PEOPLE, inferred=len(PEOPLE)))


def hidden_sheet() -> None:
    """Last year's list on a hidden first sheet: never read."""
    book = openpyxl.Workbook()
    old = book.active
    old.title = "ปี 2568"
    old.append(["ลำดับ", "ชื่อ-สกุล", "หน่วยงาน", "ภาคส่วน"])
    old.append([1, "นายสมปอง ในอดีต", "สำนักงานจังหวัดตรัง", GOV])
    old.sheet_state = "hidden"
    sheet = book.create_sheet("ปี 2569")
    sheet.append(["ลำดับ", "ชื่อ-สกุล", "ตำแหน่ง", "หน่วยงาน", "ภาคส่วน", "โทรศัพท์"])
    for n, p in enumerate(PEOPLE[4:10], start=1):
        sheet.append([n, p.full, p.position, p.organisation, p.sector, p.phone])
    book.active = 1
    _save(book, "inv_hidden_sheet.xlsx", Expected("invitations", PEOPLE[4:10], sheet="ปี 2569"))


def second_sheet() -> None:
    """The list on the second sheet, notes on the first."""
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "คำชี้แจง"
    notes.append(["กรุณาส่งรายชื่อภายในวันที่ 15 มกราคม 2570"])
    notes.append(["ติดต่อ สำนักงานจังหวัดตรัง โทร 075 218 047"])
    sheet = book.create_sheet("รายชื่อผู้เข้าร่วม")
    sheet.append(
        ["No.", "Title", "First name", "Last name", "Position", "Organization", "Sector", "Tel"]
    )
    for n, p in enumerate(PEOPLE[10:16], start=1):
        sheet.append([n, p.prefix, p.first, p.last, p.position, p.organisation, p.sector, p.phone])
    _save(
        book, "inv_second_sheet.xlsx", Expected("invitations", PEOPLE[10:16], sheet="รายชื่อผู้เข้าร่วม")
    )


def _rewrite_sheet_xml(path: Path, change: Callable[[bytes], bytes]) -> None:
    data = path.read_bytes()
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename.startswith("xl/worksheets/sheet"):
                content = change(content)
            target.writestr(info, content)
    path.write_bytes(out.getvalue())


def stale_dimension() -> None:
    """A writer left <dimension ref="A1:G5"/> on a sheet of 21 rows."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["ลำดับ", "คำนำหน้า", "ชื่อ", "นามสกุล", "หน่วยงาน", "ภาคส่วน", "โทรศัพท์"])
    for n, p in enumerate(PEOPLE, start=1):
        sheet.append([n, p.prefix, p.first, p.last, p.organisation, p.sector, p.phone])
    path = _save(
        book,
        "inv_stale_dimension.xlsx",
        Expected("invitations", tuple(Person(**{**vars(p), "position": ""}) for p in PEOPLE)),
    )
    _rewrite_sheet_xml(
        path, lambda x: re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:G5"/>', x)
    )


def a1_dimension() -> None:
    """A writer left <dimension ref="A1"/>: the whole sheet must still be read."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["ชื่อ-สกุล", "หน่วยงาน", "ภาคส่วน"])
    for p in PEOPLE[:8]:
        sheet.append([p.full, p.organisation, p.sector])
    path = _save(
        book,
        "inv_a1_dimension.xlsx",
        Expected(
            "invitations",
            tuple(Person(**{**vars(p), "position": "", "phone": ""}) for p in PEOPLE[:8]),
        ),
    )
    _rewrite_sheet_xml(
        path, lambda x: re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1"/>', x)
    )


def merged_sector() -> None:
    """The sector typed once and merged down beside its people."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "ผู้เข้าร่วม"
    _title(sheet, 6, "รายชื่อผู้เข้าร่วมประชุมประชาคมจังหวัดตรัง")
    sheet.append(["ภาคส่วน", "ที่", "ชื่อ - นามสกุล", "ตำแหน่ง", "หน่วยงาน", "มือถือ"])
    n = 0
    for sector, group in _by_sector(PEOPLE):
        top = sheet.max_row + 1
        for index, p in enumerate(group):
            n += 1
            sheet.append(
                [sector if index == 0 else None, n, p.full, p.position, p.organisation, p.phone]
            )
        if len(group) > 1:
            sheet.merge_cells(start_row=top, start_column=1, end_row=sheet.max_row, end_column=1)
    _save(book, "inv_merged_sector.xlsx", Expected("invitations", _grouped(PEOPLE)))


def english_headers() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Invitees"
    sheet.append(["#", "Name", "Job title", "Agency", "Sector", "Mobile", "E-mail"])
    people = []
    for n, p in enumerate(PEOPLE[12:20], start=1):
        email = f"guest{n}@example.ac.th"
        english = {
            GOV: "Government agencies",
            STATE: "State enterprises",
            LOCAL: "Local government",
            PRIVATE: "Private sector",
            CIVIL: "Civil society",
            CITIZEN: "Citizens",
            ACADEMIA: "Academia",
            OTHER: "Other",
        }[p.sector]
        sheet.append([n, p.full, p.position, p.organisation, english, p.phone, email])
        people.append(Person(**{**vars(p), "email": email}))
    _save(book, "inv_english_headers.xlsx", Expected("invitations", tuple(people)))


def committee_roles() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "คณะกรรมการ"
    _title(sheet, 6, "คณะกรรมการพัฒนาจังหวัดพัทลุง")
    sheet.append(["ที่", "ชื่อ - สกุล", "ตำแหน่ง", "หน่วยงาน", "ตำแหน่งในคณะกรรมการ", "โทร"])
    for n, (p, role) in enumerate(COMMITTEE, start=1):
        sheet.append([n, p.full, p.position, p.organisation, role, _as_number(p.phone)])
    _save(
        book,
        "committee_roles.xlsx",
        Expected(
            "invitations",
            tuple(_member(p, role) for p, role in COMMITTEE),
            inferred=len(COMMITTEE),
        ),
    )


def _member(person: Person, role: str) -> Person:
    return Person(**{**vars(person), "body_role": role if person.role == "member" else ""})


# A province's appointing order (คำสั่งจังหวัด) of its integrated administration committee
# (ก.บ.จ.), in the order of the order: the advisor first, then the chair, the deputies,
# the members, the secretary, a joint secretary (a role the default list lacks) and the
# assistant secretaries.
COMMITTEE_ORDER: tuple[tuple[Person, str], ...] = tuple(
    (Person(prefix, first, last, position, organisation, sector, role="member"), role)
    for prefix, first, last, position, organisation, sector, role in (
        (
            "นาย",
            "ไพโรจน์",
            "ศรีสุวรรณ",
            "ผู้ตรวจราชการกระทรวงมหาดไทย เขตตรวจราชการที่ 7",
            "สำนักงานปลัดกระทรวงมหาดไทย",
            GOV,
            "ที่ปรึกษา",
        ),
        (
            "นาย",
            "ธีรยุทธ",
            "สุวรรณรัตน์",
            "ผู้ว่าราชการจังหวัดสตูล",
            "ศาลากลางจังหวัดสตูล",
            GOV,
            "ประธานกรรมการ",
        ),
        (
            "นาย",
            "อนุชา",
            "หลีเส็น",
            "รองผู้ว่าราชการจังหวัดสตูล",
            "ศาลากลางจังหวัดสตูล",
            GOV,
            "รองประธานกรรมการ",
        ),
        (
            "นางสาว",
            "เพ็ญศรี",
            "ดาราหมาน",
            "รองผู้ว่าราชการจังหวัดสตูล",
            "ศาลากลางจังหวัดสตูล",
            GOV,
            "รองประธานกรรมการ",
        ),
        (
            "นาย",
            "สุไลมาน",
            "ปะดุกา",
            "ปลัดจังหวัดสตูล",
            "ที่ทำการปกครองจังหวัดสตูล",
            GOV,
            "กรรมการ",
        ),
        (
            "นาง",
            "จิราภรณ์",
            "ละใบแด",
            "พาณิชย์จังหวัดสตูล",
            "สำนักงานพาณิชย์จังหวัดสตูล",
            GOV,
            "กรรมการ",
        ),
        (
            "นาย",
            "อาหลี",
            "หมีนเส็น",
            "นายกองค์การบริหารส่วนจังหวัดสตูล",
            "องค์การบริหารส่วนจังหวัดสตูล",
            LOCAL,
            "กรรมการ",
        ),
        (
            "นาย",
            "วรวุฒิ",
            "แซ่อึ้ง",
            "ประธานหอการค้าจังหวัดสตูล",
            "หอการค้าจังหวัดสตูล",
            PRIVATE,
            "กรรมการ",
        ),
        (
            "ผศ.ดร.",
            "นูรีซัน",
            "เจ๊ะแม",
            "ผู้แทนมหาวิทยาลัย",
            "มหาวิทยาลัยราชภัฏสงขลา วิทยาเขตสตูล",
            ACADEMIA,
            "กรรมการ",
        ),
        (
            "นางสาว",
            "นันทนา",
            "เกปัน",
            "หัวหน้าสำนักงานจังหวัดสตูล",
            "สำนักงานจังหวัดสตูล",
            GOV,
            "กรรมการและเลขานุการ",
        ),
        (
            "นาย",
            "ศักดิ์ชัย",
            "บินหมาน",
            "ผู้อำนวยการกองยุทธศาสตร์และงบประมาณ",
            "องค์การบริหารส่วนจังหวัดสตูล",
            LOCAL,
            "กรรมการและเลขานุการร่วม",
        ),
        (
            "นางสาว",
            "ฮาซีซะห์",
            "สาเหาะ",
            "หัวหน้ากลุ่มงานยุทธศาสตร์และข้อมูลเพื่อการพัฒนาจังหวัด",
            "สำนักงานจังหวัดสตูล",
            GOV,
            "กรรมการและผู้ช่วยเลขานุการ",
        ),
        (
            "นาย",
            "กิตติพงษ์",
            "ทองสม",
            "นักวิเคราะห์นโยบายและแผนชำนาญการ",
            "สำนักงานจังหวัดสตูล",
            GOV,
            "กรรมการและผู้ช่วยเลขานุการ",
        ),
    )
)


def committee_order() -> None:
    """An appointing order typed into a workbook: its heading as title rows, Thai digits
    in the sequence, the role column headed บทบาทในคณะกรรมการ, no sector, no phones."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "คำสั่งแต่งตั้ง"
    _title(
        sheet,
        5,
        "คำสั่งจังหวัดสตูล",
        "ที่ ๑๘๗๔/๒๕๖๖",
        "เรื่อง แต่งตั้งคณะกรรมการบริหารงานจังหวัดแบบบูรณาการ (ก.บ.จ.สตูล)",
    )
    sheet.append([])
    sheet.append(["ลำดับที่", "ชื่อ – สกุล", "ตำแหน่ง", "หน่วยงาน", "บทบาทในคณะกรรมการ"])
    for n, (p, role) in enumerate(COMMITTEE_ORDER, start=1):
        sheet.append([str(n).translate(THAI_DIGITS), p.full, p.position, p.organisation, role])
    sheet.append([])
    sheet.append(["สั่ง ณ วันที่ ๑๔ มิถุนายน พ.ศ. ๒๕๖๖"])
    _save(
        book,
        "committee_order.xlsx",
        Expected(
            "invitations",
            tuple(_member(p, role) for p, role in COMMITTEE_ORDER),
            inferred=len(COMMITTEE_ORDER),
        ),
    )


def duplicates_in_file() -> None:
    """Two people typed twice: refused without --skip-duplicates; with it, the first
    row of each is kept."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["ลำดับ", "ชื่อ-สกุล", "หน่วยงาน", "ภาคส่วน", "โทรศัพท์"])
    rows = [*PEOPLE[:6], PEOPLE[1], PEOPLE[4]]
    for n, p in enumerate(rows, start=1):
        sheet.append([n, p.full, p.organisation, p.sector, p.phone])
    _save(
        book,
        "inv_duplicates.xlsx",
        Expected(
            "invitations",
            tuple(Person(**{**vars(p), "position": ""}) for p in PEOPLE[:6]),
            options=("--skip-duplicates",),
        ),
    )


def column_override() -> None:
    """Headers the app cannot know ("ผู้แทน", "ช่องทางติดต่อ"): named with --column."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["ลำดับ", "ผู้แทน", "หน่วยงาน", "ภาคส่วน", "ช่องทางติดต่อ"])
    for n, p in enumerate(PEOPLE[6:12], start=1):
        sheet.append([n, p.full, p.organisation, p.sector, f"โทร {p.phone}"])
    _save(
        book,
        "inv_column_override.xlsx",
        Expected(
            "invitations",
            tuple(Person(**{**vars(p), "position": "", "phone": ""}) for p in PEOPLE[6:12]),
            options=("--column", "full_name=ผู้แทน"),
        ),
    )


def _rows(people: Sequence[Person]) -> list[list[str]]:
    rows = [["ลำดับ", "คำนำหน้า", "ชื่อ", "นามสกุล", "ตำแหน่ง", "หน่วยงาน", "ภาคส่วน", "โทรศัพท์"]]
    rows += [
        [str(n), p.prefix, p.first, p.last, p.position, p.organisation, p.sector, p.phone]
        for n, p in enumerate(people, start=1)
    ]
    return rows


def text_files() -> None:
    people = PEOPLE[:10]
    _text("inv_utf8_bom.csv", _rows(people), Expected("invitations", people), encoding="utf-8-sig")
    people = PEOPLE[10:20]
    _text("inv_utf8_semicolon.csv", _rows(people), Expected("invitations", people), delimiter=";")
    people = PEOPLE[2:14]
    _text("inv_tis620.csv", _rows(people), Expected("invitations", people), encoding="cp874")
    people = PEOPLE[5:17]
    # Excel's "Unicode Text": UTF-16 LE with BOM, tab-separated.
    _text(
        "inv_unicode_text.txt",
        _rows(people),
        Expected("invitations", people),
        encoding="utf-16",
        delimiter="\t",
    )
    people = PEOPLE[8:18]
    _text("inv_mac_cr.csv", _rows(people), Expected("invitations", people), line_end="\r")
    # Mixed line ends, and a position typed on two lines inside a quoted cell.
    people = PEOPLE[:9]
    rows = _rows(people)
    rows[3][4] = "นักวิเคราะห์นโยบาย\rและแผนชำนาญการ"
    text = ""
    for n, row in enumerate(rows):
        line = io.StringIO()
        csv.writer(line, lineterminator=("\r\n", "\n", "\r")[n % 3]).writerow(row)
        text += line.getvalue()
    (CORPUS / "inv_mixed_line_ends.csv").write_bytes(text.encode("utf-8"))
    fixed = list(people)
    fixed[2] = Person(**{**vars(fixed[2]), "position": "นักวิเคราะห์นโยบาย และแผนชำนาญการ"})
    EXPECTED["inv_mixed_line_ends.csv"] = Expected("invitations", tuple(fixed))
    # Thai digits everywhere, as typed on a Thai keyboard.
    people = PEOPLE[3:11]
    rows = [["ที่", "ชื่อ - สกุล", "หน่วยงาน", "ภาคส่วน", "โทร."]]
    rows += [
        [
            str(n).translate(THAI_DIGITS),
            p.full,
            p.organisation,
            p.sector,
            p.phone.translate(THAI_DIGITS),
        ]
        for n, p in enumerate(people, start=1)
    ]
    _text(
        "inv_thai_digits.csv",
        rows,
        Expected("invitations", tuple(Person(**{**vars(p), "position": ""}) for p in people)),
        encoding="utf-8-sig",
    )


# --- ideas and comments ---------------------------------------------------------------


def flipchart() -> None:
    """A flipchart transcript: "ประเด็นยุทธศาสตร์ที่", "ความคิดเห็น/ข้อเสนอ"; one idea
    starts with "=" and is text."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "กลุ่มย่อย"
    _title(sheet, 5, "สรุปผลการระดมความคิดเห็นกลุ่มย่อย")
    sheet.append(["ลำดับ", "ประเด็นยุทธศาสตร์ที่", "ความคิดเห็น/ข้อเสนอ", "ประเภท", "ภาคส่วน", "กลุ่ม"])
    for n, card in enumerate(CARDS, start=1):
        sheet.append(
            [n, card.issue, None, KIND_THAI[card.kind], card.sector or "", f"กลุ่ม {card.group}"]
        )
        text_cell = sheet.cell(row=sheet.max_row, column=3)
        text_cell.value = card.text
        text_cell.data_type = "s"  # "=..." stays text, as Excel keeps it
    cards = tuple(Card(c.issue, c.text, c.kind, c.sector, f"กลุ่ม {c.group}") for c in CARDS)
    _save(book, "ideas_flipchart.xlsx", Expected("ideas", cards=cards))


def idea_headings() -> None:
    """Issue heading rows above their ideas; no issue column."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["ที่", "ความคิดเห็น", "ประเภท"])
    order = []
    for issue in (1, 2, 3, 4):
        sheet.append([f"ประเด็นยุทธศาสตร์ที่ {issue}"])
        for n, card in enumerate((c for c in CARDS if c.issue == issue), start=1):
            sheet.append([n, None, KIND_THAI[card.kind]])
            sheet.cell(row=sheet.max_row, column=2, value=card.text).data_type = "s"
            order.append(Card(card.issue, card.text, card.kind))
    _save(book, "ideas_headings.xlsx", Expected("ideas", cards=tuple(order)))


def _card_rows(cards: Sequence[Card]) -> list[list[str]]:
    rows = [["ประเด็น", "ข้อเสนอแนะ", "ประเภท", "ภาคส่วน", "กลุ่ม"]]
    rows += [[str(c.issue), c.text, KIND_THAI[c.kind], c.sector or "", c.group] for c in cards]
    return rows


def idea_texts() -> None:
    _text(
        "ideas_unicode_text.txt",
        _card_rows(CARDS),
        Expected("ideas", cards=CARDS),
        encoding="utf-16",
        delimiter="\t",
    )
    _text(
        "ideas_tis620.csv",
        _card_rows(CARDS[3:]),
        Expected("ideas", cards=CARDS[3:]),
        encoding="cp874",
    )


def hearing_comments() -> None:
    """Comments written down at a public hearing."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "ความคิดเห็น"
    _title(sheet, 4, "สรุปความคิดเห็นจากการประชุมรับฟังความคิดเห็น (ประชาพิจารณ์)")
    sheet.append(["ลำดับที่", "ประเด็นการพัฒนาที่", "ข้อคิดเห็น", "ภาคส่วน"])
    cards = CARDS[::2]
    for n, c in enumerate(cards, start=1):
        sheet.append([n, f"ประเด็นที่ {c.issue}", None, c.sector or ""])
        sheet.cell(row=sheet.max_row, column=3, value=c.text).data_type = "s"
    _save(
        book,
        "hearing_comments.xlsx",
        Expected("ideas", cards=tuple(Card(c.issue, c.text, "proposal", c.sector) for c in cards)),
    )


# Comments at the public hearing on Trang's 4-year plan, with the province's answers.
HEARING: tuple[Card, ...] = (
    Card(
        1,
        "ควรเพิ่มโครงการตลาดกลางยางพาราระดับอำเภอไว้ในแผน",
        commenter="นายสุชาติ ทองขาว",
        organisation="สหกรณ์กองทุนสวนยางบ้านนาวง",
        answer="จังหวัดจะบรรจุโครงการพัฒนาตลาดกลางยางพาราในแผนปฏิบัติราชการประจำปี พ.ศ. 2568",
        plan_change="เพิ่มโครงการในประเด็นการพัฒนาที่ 1",
    ),
    Card(
        2,
        "ท่าเรือเกาะมุกควรมีทางลาดสำหรับผู้สูงอายุและผู้พิการ",
        anonymous=True,  # the commenter cell says ไม่ประสงค์ออกนาม
        answer="มอบสำนักงานโยธาธิการและผังเมืองจังหวัดตรังสำรวจและออกแบบ",
        plan_change="-",
    ),
    Card(
        3,
        "ขอให้มีรถรับส่งผู้ป่วยติดเตียงไปโรงพยาบาลในพื้นที่ห่างไกล",
        commenter="นางสาวอัมพร หนูแดง",
        organisation="อาสาสมัครสาธารณสุขประจำหมู่บ้าน ตำบลบ้านควน",
        anonymous=True,  # named in the transcript, ticked as not to be named
        answer="มอบสำนักงานสาธารณสุขจังหวัดพิจารณาร่วมกับองค์การบริหารส่วนจังหวัด",
    ),
    Card(
        4,
        "= ปริมาณขยะทะเลเพิ่มขึ้นทุกปี ควรมีเป้าหมายการลดขยะในแผน",
        commenter="นายหมาด เจ๊ะหลง",
        organisation="ชมรมประมงพื้นบ้านอ่าวกันตัง",
        answer="เพิ่มตัวชี้วัดปริมาณขยะทะเลที่จัดเก็บได้",
        plan_change="เพิ่มตัวชี้วัดในประเด็นการพัฒนาที่ 4 (ร้อยละของขยะทะเลที่ลดลง)",
    ),
    Card(
        1,
        "ควรส่งเสริมปาล์มน้ำมันคุณภาพสูงควบคู่กับยางพารา",
        organisation="องค์การบริหารส่วนตำบลนาโยงใต้",
    ),
)


def hearing_transcript() -> None:
    """The secretariat's summary table of a hearing: one row per comment with who made
    it, an anonymous column ticked with ✓, the province's answer and the plan change."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "สรุปการรับฟัง"
    _title(
        sheet,
        8,
        "สรุปผลการรับฟังความคิดเห็นต่อร่างแผนพัฒนาจังหวัดตรัง (พ.ศ. 2566 - 2570) ฉบับทบทวน",
        "วันที่ 21 กรกฎาคม 2566 ณ ห้องประชุมศาลากลางจังหวัดตรัง",
    )
    sheet.append(
        [
            "ลำดับ",
            "ประเด็นการพัฒนาที่",
            "ความคิดเห็น/ข้อเสนอแนะ",
            "ผู้ให้ความคิดเห็น",
            "หน่วยงาน",
            "ไม่ประสงค์ออกนาม",
            "คำชี้แจงของจังหวัด",
            "การปรับปรุงแผน",
        ]
    )
    for n, c in enumerate(HEARING, start=1):
        named = c.commenter or ("" if not c.anonymous else "ไม่ประสงค์ออกนาม")
        tick = "✓" if c.anonymous and c.commenter else ""
        sheet.append(
            [n, c.issue, None, named, c.organisation, tick, c.answer, c.plan_change or None]
        )
        sheet.cell(row=sheet.max_row, column=3, value=c.text).data_type = "s"
    _save(book, "hearing_transcript.xlsx", Expected("ideas", cards=HEARING))
    # The same comments saved by Excel as "CSV UTF-8": other headers, no anonymous
    # column (the commenter cell says it), answered ones only.
    answered = tuple(c for c in HEARING if c.answer and not (c.anonymous and c.commenter))
    rows: list[list[object]] = [
        ["ที่", "ประเด็น", "ความคิดเห็น", "ผู้เสนอ", "หน่วยงาน/องค์กร", "คำชี้แจง", "สิ่งที่แก้ไขในแผน"]
    ]
    rows += [
        [
            n,
            c.issue,
            c.text,
            c.commenter or "ไม่ประสงค์ออกนาม",
            c.organisation,
            c.answer,
            c.plan_change,
        ]
        for n, c in enumerate(answered, start=1)
    ]
    _text("hearing_transcript.csv", rows, Expected("ideas", cards=answered), encoding="utf-8-sig")


# --- through LibreOffice ---------------------------------------------------------------


class Soffice:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.profile = (folder / "profile").as_uri()

    def convert(self, source: Path, to: str, *extra: str) -> Path:
        out = self.folder / "out"
        out.mkdir(exist_ok=True)
        command = [
            "soffice",
            f"-env:UserInstallation={self.profile}",
            "--headless",
            *extra,
            "--convert-to",
            to,
            "--outdir",
            str(out),
            str(source),
        ]
        subprocess.run(command, check=True, capture_output=True, timeout=240)
        return out / f"{source.stem}.{to.split(':')[0]}"


def through_libreoffice(office: Soffice) -> None:
    # A CSV opened in LibreOffice Calc and saved as .xlsx: phones become numbers.
    people = PEOPLE[:14]
    source = office.folder / "inv_libreoffice_from_csv.csv"
    source.write_text("\n".join(",".join(r) for r in _rows(people)), encoding="utf-8")
    made = office.convert(source, "xlsx", "--infilter=CSV:44,34,76,1")
    shutil.copy(made, CORPUS / "inv_libreoffice_from_csv.xlsx")
    EXPECTED["inv_libreoffice_from_csv.xlsx"] = Expected("invitations", people)
    # Ideas in a semicolon-separated UTF-8 text, opened and saved by LibreOffice.
    source = office.folder / "ideas_libreoffice.csv"
    source.write_bytes(
        "\n".join(
            ";".join(r)
            for r in _card_rows(CARDS[:6])[:1]
            + [
                [
                    str(c.issue),
                    c.text.replace("=", "เท่ากับ"),
                    KIND_THAI[c.kind],
                    c.sector or "",
                    c.group,
                ]
                for c in CARDS[:6]
            ]
        ).encode("utf-8")
    )
    made = office.convert(source, "xlsx", "--infilter=CSV:59,34,76,1")
    shutil.copy(made, CORPUS / "ideas_libreoffice.xlsx")
    EXPECTED["ideas_libreoffice.xlsx"] = Expected(
        "ideas",
        cards=tuple(
            Card(c.issue, c.text.replace("=", "เท่ากับ"), c.kind, c.sector, c.group)
            for c in CARDS[:6]
        ),
    )
    # Workbooks written by openpyxl and re-saved by LibreOffice (merged cells, headings,
    # a hidden sheet).
    for name in (
        "inv_sector_headings.xlsx",
        "inv_hidden_sheet.xlsx",
        "committee_roles.xlsx",
        "committee_order.xlsx",
        "hearing_transcript.xlsx",
    ):
        copy = office.folder / name.replace(".xlsx", "_lo.xlsx")
        shutil.copy(CORPUS / name, copy)
        made = office.convert(copy, "xlsx:Calc MS Excel 2007 XML")
        shutil.copy(made, CORPUS / copy.name)
        EXPECTED[copy.name] = EXPECTED[name]


def strict_ooxml() -> None:
    """Excel's "Strict Open XML Spreadsheet": the same parts under the Strict names."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "รายชื่อ"
    for row in _rows(PEOPLE[:7]):
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(buffer) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename.endswith((".xml", ".rels")):
                content = re.sub(
                    rb"http://schemas\.openxmlformats\.org/(\w+)/2006/",
                    rb"http://purl.oclc.org/ooxml/\1/",
                    content,
                )
                if info.filename == "xl/workbook.xml":
                    content = content.replace(b"<workbook ", b'<workbook conformance="strict" ', 1)
            target.writestr(info, content)
    (CORPUS / "inv_strict.xlsx").write_bytes(out.getvalue())
    EXPECTED["inv_strict.xlsx"] = Expected("invitations", PEOPLE[:7])


# --- bad files ------------------------------------------------------------------------


def bad_files() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "รายชื่อ"
    sheet.append(["ลำดับ", "ชื่อ", "นามสกุล", "หน่วยงาน", "ภาคส่วน"])
    sheet.append([1, "สมชาย", "ทองดี", "สำนักงานจังหวัดตรัง", GOV])
    sheet.append([2, '=CONCATENATE("ก","ข")', "ทองดี", "หอการค้าจังหวัดตรัง", PRIVATE])
    _save(
        book,
        "bad_formula.xlsx",
        Bad(
            "invitations",
            ("แผ่นงาน 'รายชื่อ'", "แถว 3", "คอลัมน์ B (ชื่อ)", "สูตร"),
            ("sheet 'รายชื่อ'", "row 3", "column B (ชื่อ)", "formula"),
        ),
    )
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "ความคิดเห็น"
    sheet.append(["ประเด็น", "ความคิดเห็น"])
    sheet.append([1, "ส่งเสริมตลาดยางพารา"])
    sheet.append([2.5, "พัฒนาท่าเรือกันตัง"])
    _save(
        book,
        "bad_issue_fraction.xlsx",
        Bad(
            "ideas",
            ("แผ่นงาน 'ความคิดเห็น'", "แถว 3", "คอลัมน์ A (ประเด็น)", "'2.5'", "จำนวนเต็ม"),
            ("sheet 'ความคิดเห็น'", "row 3", "column A (ประเด็น)", "'2.5'", "whole number"),
        ),
    )
    rows = [["ชื่อ-สกุล", "หน่วยงาน", "ภาคส่วน"], ["นายสมศักดิ์ ทองมา", "สำนักงานจังหวัดตรัง", "ราชการส่วนกลาง"]]
    _text(
        "bad_unknown_sector.csv",
        rows,
        Bad(
            "invitations",
            ("แถว 2", "คอลัมน์ ภาคส่วน", "ราชการส่วนกลาง"),
            ("row 2", "column ภาคส่วน", "unknown sector 'ราชการส่วนกลาง'"),
        ),
    )
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "หมายเหตุ"
    notes.append(["รายชื่ออยู่ในแผ่นงานที่ซ่อนไว้"])
    hidden = book.create_sheet("รายชื่อ")
    hidden.append(["ชื่อ-สกุล", "หน่วยงาน", "ภาคส่วน"])
    hidden.append(["นายสมศักดิ์ ทองมา", "สำนักงานจังหวัดตรัง", GOV])
    hidden.sheet_state = "hidden"
    _save(
        book,
        "bad_only_hidden.xlsx",
        Bad(
            "invitations",
            ("ไม่พบแถวหัวตาราง", "'หมายเหตุ'", "ซ่อนไว้", "'รายชื่อ'"),
            ("no header row", "'หมายเหตุ'", "hidden", "'รายชื่อ'"),
        ),
    )
    _save(
        book,
        "bad_hidden_chosen.xlsx",
        Bad(
            "invitations",
            ("แผ่นงาน 'รายชื่อ' ถูกซ่อนไว้",),
            ("sheet 'รายชื่อ' is hidden",),
            options=("--sheet", "รายชื่อ"),
        ),
    )
    (CORPUS / "bad_old_excel.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    EXPECTED["bad_old_excel.xls"] = Bad("invitations", (".xls",), (".xls",))
    (CORPUS / "bad_binary.csv").write_bytes(bytes(range(256)) * 4)
    EXPECTED["bad_binary.csv"] = Bad("invitations", ("อ่านตัวอักษร",), ("cannot read the text",))
    EXPECTED["inv_duplicates.xlsx#refused"] = Bad(
        "invitations",
        ("แถว 3", "ซ้ำที่แถว 8", "แถว 6", "ซ้ำที่แถว 9"),
        ("row 3", "again in row(s) 8", "row 6", "again in row(s) 9"),
    )


def main() -> int:
    if CORPUS.exists():
        shutil.rmtree(CORPUS)
    CORPUS.mkdir()
    for make in (
        sector_column,
        sector_headings,
        no_sector,
        hidden_sheet,
        second_sheet,
        stale_dimension,
        a1_dimension,
        merged_sector,
        english_headers,
        committee_roles,
        committee_order,
        duplicates_in_file,
        column_override,
        text_files,
        flipchart,
        idea_headings,
        idea_texts,
        hearing_comments,
        hearing_transcript,
        strict_ooxml,
        bad_files,
    ):
        make()
    with tempfile.TemporaryDirectory() as folder:
        through_libreoffice(Soffice(Path(folder)))
    expected = {
        name: {"bad" if isinstance(e, Bad) else "good": asdict(e)} for name, e in EXPECTED.items()
    }
    (CORPUS / "expected.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    print(f"{len(list(CORPUS.iterdir())) - 1} files in {CORPUS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
