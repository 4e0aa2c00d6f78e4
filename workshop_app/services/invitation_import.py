"""Import an invitation list or a committee list (.xlsx, .csv, .txt): all rows or none.

The lists come from each province's own spreadsheet: Thai or English headers, a title
or two above the header row, the sector as a column, as heading rows ("ส่วนราชการ" alone
on a row, then its people) or not at all (then told by the organisation's name, shown as
inferred), one name cell or prefix / first / last columns, prefixes typed into the name,
Thai digits, phone numbers that lost their leading 0 in Excel.

Planning reads the file into a plan (people to add, people typed twice in the file,
likely duplicates of people already registered, every problem by sheet, row and column)
without touching the database; applying the plan writes it in one transaction.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from workshop_app.errors import FieldError
from workshop_app.models import AttendeeRole, Sector
from workshop_app.readers.tables import Cell, SourceFile, read_file
from workshop_app.services.attendees import (
    AttendeeDraft,
    AttendeeRow,
    add_attendees,
    clean_draft,
    identity_key,
    list_attendees,
)
from workshop_app.services.meetings import (
    find_role,
    list_members,
    list_roles,
    set_member,
    set_member_order,
)
from workshop_app.services.table_import import (
    SEQUENCE,
    ColumnMeaning,
    ImportChoice,
    ImportProblem,
    ImportRejectedError,
    LocatedTable,
    RowProgress,
    SectorReader,
    header_key,
    locate_table,
    relocate,
)
from workshop_app.thai.names import split_full_name, split_prefix
from workshop_app.thai.normalize import normalize_thai, to_arabic_digits

_PHONE_LIKE = re.compile(r"^\+?[0-9๐-๙][0-9๐-๙ \-]{6,14}$")
_EMAIL_LIKE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _looks_like_phone(text: str) -> bool:
    return bool(_PHONE_LIKE.match(text)) and 8 <= sum(ch.isdigit() for ch in text) <= 11


def _looks_like_email(text: str) -> bool:
    return bool(_EMAIL_LIKE.match(text))


# What a column of an invitation or committee list can mean. Adding one is one entry
# here; the row reading below takes ``values[key]``.
COLUMNS: tuple[ColumnMeaning, ...] = (
    SEQUENCE,
    ColumnMeaning("prefix", "คำนำหน้า", "prefix", ("คำนำหน้า", "คำนำหน้าชื่อ", "คำนำหน้านาม", "title")),
    ColumnMeaning(
        "first_name", "ชื่อ", "first name", ("ชื่อ", "ชื่อจริง", "firstname", "givenname", "first")
    ),
    ColumnMeaning(
        "last_name",
        "นามสกุล",
        "last name",
        ("นามสกุล", "สกุล", "lastname", "surname", "familyname", "last"),
    ),
    ColumnMeaning(
        "full_name",
        "ชื่อ-สกุล",
        "full name",
        (
            "ชื่อสกุล",
            "ชื่อ - สกุล",
            "ชื่อนามสกุล",
            "ชื่อและนามสกุล",
            "ชื่อ-นามสกุล",
            "ชื่อผู้เข้าร่วม",
            "ชื่อผู้เข้าร่วมประชุม",
            "ชื่อผู้เข้าประชุม",
            "รายชื่อ",
            "รายชื่อผู้เข้าร่วมประชุม",
            "ชื่อกรรมการ",
            "name",
            "fullname",
        ),
    ),
    ColumnMeaning("position", "ตำแหน่ง", "position", ("ตำแหน่ง", "jobtitle", "position")),
    ColumnMeaning(
        "organisation",
        "หน่วยงาน",
        "organisation",
        (
            "หน่วยงาน",
            "สังกัด",
            "องค์กร",
            "หน่วยงานองค์กร",
            "หน่วยงาน/สังกัด",
            "หน่วยงานต้นสังกัด",
            "ส่วนราชการหน่วยงาน",
            "ชื่อหน่วยงาน",
            "สถานที่ทำงาน",
            "organization",
            "agency",
            "affiliation",
        ),
    ),
    ColumnMeaning(
        "sector",
        "ภาคส่วน",
        "sector",
        ("ภาคส่วน", "ภาค", "ประเภทหน่วยงาน", "กลุ่มภาคส่วน", "ประเภท", "กลุ่ม"),
    ),
    ColumnMeaning(
        "phone",
        "โทรศัพท์",
        "phone",
        (
            "โทรศัพท์",
            "เบอร์โทร",
            "เบอร์โทรศัพท์",
            "โทร",
            "โทร.",
            "มือถือ",
            "หมายเลขโทรศัพท์",
            "เบอร์ติดต่อ",
            "telephone",
            "mobile",
            "tel",
        ),
        _looks_like_phone,
    ),
    ColumnMeaning("email", "อีเมล", "e-mail", ("อีเมล", "อีเมล์", "email", "mail"), _looks_like_email),
    ColumnMeaning(
        "role",
        "ตำแหน่งในคณะ",
        "role in the body",
        (
            "บทบาท",
            "ฐานะ",
            "ตำแหน่งในคณะ",
            "ตำแหน่งในคณะกรรมการ",
            "ตำแหน่งในคณะทำงาน",
            "ตำแหน่งในคณะอนุกรรมการ",
            "ฐานะในคณะกรรมการ",
            "role",
        ),
    ),
)
NAME_COLUMNS = ("first_name", "full_name")
# A role cell with one of these words names a role in the body: one the workshop's list
# lacks is added to it (the list is editable), since a secretariat copies the roles of
# the appointing order as written ("กรรมการและเลขานุการร่วม", "รองประธานกรรมการคนที่หนึ่ง").
MEMBER_WORDS = (
    "กรรมการ",
    "ประธาน",
    "เลขานุการ",
    "ที่ปรึกษา",
    "คณะทำงาน",
    "member",
    "committee",
    "chair",
    "secretary",
    "advis",
)
# A role cell that starts with one of these says the person is not a member
# ("ผู้เข้าร่วมสังเกตการณ์"; compared after header_key).
PARTICIPANT_WORDS = (
    "ผู้เข้าร่วม",
    "ผู้เข้าร่วมประชุม",
    "ผู้เข้าประชุม",
    "ผู้สังเกตการณ์",
    "ผู้ติดตาม",
    "วิทยากร",
    "participant",
    "observer",
    "speaker",
    "สังเกตการณ์",
)
# Thai landlines have 9 digits (0 + area code + number), mobiles 10: a number typed
# into Excel as a number lost its leading 0.
_LANDLINE_NO_ZERO = re.compile(r"[2-7]\d{7}")
_MOBILE_NO_ZERO = re.compile(r"[689]\d{8}")


class DuplicateChoice(enum.Enum):
    """What to do with a person typed more than once in the same file."""

    REFUSE = "refuse"
    KEEP_FIRST = "keep_first"
    KEEP_ALL = "keep_all"


@dataclass(frozen=True)
class PlannedInvitee:
    source_row: int
    draft: AttendeeDraft
    sector_inferred: bool = False  # told by the organisation's name, for the user to confirm
    duplicate_of: int | None = None  # the row of the first of this person in the file
    body_role: str = ""  # the role in the body (a member), as the workshop's list names it


@dataclass
class InvitationPlan:
    workshop_id: str
    file_name: str
    header_row: int
    invitees: list[PlannedInvitee]
    # (row in the file, person already registered) pairs that are probably the same.
    likely_duplicates: list[tuple[PlannedInvitee, AttendeeRow]] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    located: LocatedTable | None = None
    # Roles named in the file that the workshop's list lacks: added at its end.
    new_roles: list[str] = field(default_factory=list)

    @property
    def members(self) -> int:
        return sum(1 for i in self.invitees if i.body_role)

    @property
    def file_duplicates(self) -> list[list[int]]:
        """The rows of each person typed more than once, the first row first."""
        groups: dict[int, list[int]] = {}
        for invitee in self.invitees:
            if invitee.duplicate_of is not None:
                groups.setdefault(invitee.duplicate_of, [invitee.duplicate_of]).append(
                    invitee.source_row
                )
        return list(groups.values())

    @property
    def inferred(self) -> int:
        return sum(1 for i in self.invitees if i.sector_inferred)

    @property
    def sheet_note(self) -> tuple[str, str]:
        return self.located.sheet_note if self.located else ("", "")


_PARTICIPANT_KEYS = tuple(header_key(w) for w in PARTICIPANT_WORDS)


class _RoleReader:
    """Reads a role cell against the workshop's list of roles in its body."""

    def __init__(self, session: Session, workshop_id: str) -> None:
        self.by_key = {header_key(r.name): r.name for r in list_roles(session, workshop_id)}
        self.listing = ", ".join(self.by_key.values())
        self.added: list[str] = []

    def find(self, text: str) -> str | None:
        """The role's name in the list ("" for a participant; a new role is noted in
        ``added``), or None when the cell names no role."""
        key = header_key(text)
        if not key or key.startswith(_PARTICIPANT_KEYS):
            return ""
        # "ประธาน" in a list whose role is "ประธานกรรมการ" (and the like).
        for candidate in (key, key + "กรรมการ"):
            if candidate in self.by_key:
                return self.by_key[candidate]
        if not any(word in key for word in MEMBER_WORDS):
            return None
        name = normalize_thai(text)
        self.by_key[key] = name
        self.added.append(name)
        return name


def fix_phone(cell: Cell | None, text: str) -> str:
    """The phone as typed, with Thai digits made Arabic and the leading 0 back on a
    number Excel stored as a number."""
    phone = to_arabic_digits(text).strip()
    lost_zero = _LANDLINE_NO_ZERO.fullmatch(phone) or _MOBILE_NO_ZERO.fullmatch(phone)
    if cell is not None and lost_zero:
        phone = "0" + phone
    return phone


def load_invitation_list(
    session: Session,
    workshop_id: str,
    source: SourceFile,
    choice: ImportChoice | None = None,
    meanings_by_column: Mapping[int, str] | None = None,
    progress: RowProgress | None = None,
) -> InvitationPlan:
    """Plan the import of a file already read, with every problem listed in the plan
    (nothing raised for a row's problem; the preview shows them in place)."""
    located = locate_table(source, COLUMNS, NAME_COLUMNS, choice or ImportChoice())
    if meanings_by_column:
        located = relocate(located, meanings_by_column)
    return _plan(session, workshop_id, located, progress)


def _names(values: dict[str, str], located: LocatedTable) -> tuple[str, str, str]:
    prefix = values.get("prefix", "")
    first, last = values.get("first_name", ""), values.get("last_name", "")
    if not first and values.get("full_name"):
        split = split_full_name(values["full_name"])
        return prefix or split[0], split[1], last or split[2]
    if first and not located.has("last_name") and " " in first.strip():
        # One cell for the whole name under a header that said "ชื่อ".
        split = split_full_name(first)
        return prefix or split[0], split[1], split[2]
    if not prefix:
        prefix, first = split_prefix(first)
    return prefix, first, last


def _plan(
    session: Session, workshop_id: str, located: LocatedTable, progress: RowProgress | None
) -> InvitationPlan:
    problems: list[ImportProblem] = []
    invitees: list[PlannedInvitee] = []
    first_seen: dict[str, int] = {}
    problem = located.problem
    if not any(located.has(name) for name in NAME_COLUMNS):
        problems.append(
            problem(
                located.header_row,
                None,
                "ไม่มีคอลัมน์ชื่อ: เลือกความหมาย 'ชื่อ' หรือ 'ชื่อ-สกุล' ให้คอลัมน์หนึ่ง "
                "(หรือใช้ --column full_name=หัวคอลัมน์)",
                "no name column: give one column the meaning 'first name' or 'full name' "
                "(or use --column full_name=HEADER)",
            )
        )
        return InvitationPlan(
            workshop_id, located.source.name, located.header_row, [], [], problems, located
        )
    sectors = SectorReader(session, workshop_id)
    roles = _RoleReader(session, workshop_id)
    # Held so that checking each person's sector finds it in the session, not the file.
    loaded = session.scalars(select(Sector).where(Sector.workshop_id == workshop_id)).all()
    name_column = "first_name" if located.has("first_name") else "full_name"
    with_sector_column = located.has("sector")

    for row in located.rows(heading_of=sectors.heading, progress=progress):
        number, values, row_problems = row.number, row.values, row.problems
        prefix, first, last = _names(values, located)
        if not first:
            row_problems.append(problem(number, name_column, "ไม่มีชื่อ", "the name is empty"))
        sector_text = values.get("sector", "")
        inferred = False
        sector_id: str | None
        if sector_text:
            sector_id = sectors.cell(sector_text)
            if sector_id is None:
                row_problems.append(
                    problem(
                        number,
                        "sector",
                        f"ไม่รู้จักภาคส่วน '{sector_text}' (ใช้ได้: {sectors.listing})",
                        f"unknown sector '{sector_text}' (one of: {sectors.listing})",
                    )
                )
        elif row.heading:
            sector_id = row.heading
        else:
            sector_id = sectors.from_organisation(values.get("organisation", ""))
            if sector_id is None:
                sector_id = sectors.other
            inferred = True
            if sector_id is None:
                row_problems.append(
                    problem(
                        number,
                        "sector" if with_sector_column else "organisation",
                        "บอกภาคส่วนไม่ได้: ใส่ภาคส่วนในคอลัมน์ 'ภาคส่วน' หรือเป็นแถวหัวกลุ่ม",
                        "cannot tell the sector: give it in a 'sector' column or a heading row",
                    )
                )
        found_role = roles.find(values["role"]) if values.get("role") else ""
        if found_role is None:
            row_problems.append(
                problem(
                    number,
                    "role",
                    f"ไม่รู้จักตำแหน่งในคณะ '{values['role']}' (ใช้ได้: {roles.listing} "
                    "หรือเว้นว่างสำหรับผู้เข้าร่วมประชุม)",
                    f"unknown role '{values['role']}' (one of: {roles.listing}, "
                    "or empty for a participant)",
                )
            )
        body_role = found_role or ""
        role = AttendeeRole.MEMBER.value if body_role else AttendeeRole.PARTICIPANT.value
        phone = fix_phone(row.cells.get("phone"), values.get("phone", ""))
        if row_problems:
            problems.extend(row_problems)
            continue
        assert sector_id is not None
        draft = AttendeeDraft(
            prefix=prefix,
            first_name=first,
            last_name=last,
            position=values.get("position", ""),
            organisation=values.get("organisation", ""),
            sector_id=sector_id,
            phone=phone,
            email=values.get("email", ""),
            role=role,
        )
        try:
            draft = clean_draft(session, workshop_id, draft)
        except FieldError as exc:
            where = exc.field if located.has(exc.field) else None
            problems.append(problem(number, where, exc.thai, exc.english))
            continue
        key = identity_key(draft.first_name, draft.last_name, draft.organisation)
        duplicate_of = first_seen.setdefault(key, number)
        invitees.append(
            PlannedInvitee(
                number,
                draft,
                inferred,
                duplicate_of if duplicate_of != number else None,
                body_role,
            )
        )

    del loaded
    if not invitees and not problems:
        problems.append(
            problem(None, None, "ไม่มีรายชื่อใต้แถวหัวตาราง", "no people below the header row")
        )
    registered = {
        identity_key(r.first_name, r.last_name, r.organisation): r
        for r in list_attendees(session, workshop_id)
    }
    likely = [
        (invitee, registered[key])
        for invitee in invitees
        if (
            key := identity_key(
                invitee.draft.first_name, invitee.draft.last_name, invitee.draft.organisation
            )
        )
        in registered
    ]
    return InvitationPlan(
        workshop_id,
        located.source.name,
        located.header_row,
        invitees,
        likely,
        problems,
        located,
        roles.added,
    )


def read_invitation_list(
    session: Session, workshop_id: str, path: Path, choice: ImportChoice | None = None
) -> InvitationPlan:
    """Read, parse and check the whole file; raise ImportRejectedError listing every
    problem (people typed twice are reported by the plan, not refused here)."""
    plan = load_invitation_list(session, workshop_id, read_file(path), choice)
    if plan.problems:
        raise ImportRejectedError(path.name, plan.problems)
    return plan


def duplicate_rows_problem(plan: InvitationPlan) -> ImportRejectedError:
    """The refusal of a file that lists someone more than once."""
    sheet = plan.located.sheet if plan.located else None
    problems = [
        ImportProblem(
            rows[0],
            None,
            "ชื่อและหน่วยงานเดียวกันซ้ำที่แถว " + ", ".join(map(str, rows[1:])),
            "same name and organisation again in row(s) " + ", ".join(map(str, rows[1:])),
            sheet=sheet,
        )
        for rows in plan.file_duplicates
    ]
    return ImportRejectedError(plan.file_name, problems)


def apply_invitation_plan(
    session: Session,
    plan: InvitationPlan,
    *,
    skip_likely_duplicates: bool = False,
    file_duplicates: DuplicateChoice = DuplicateChoice.REFUSE,
    progress: RowProgress | None = None,
) -> int:
    """Add the planned people (in the caller's transaction); return how many were added.
    People typed twice in the file are refused, kept once (the first row) or kept all."""
    if plan.problems:
        raise ImportRejectedError(plan.file_name, plan.problems)
    if plan.file_duplicates and file_duplicates is DuplicateChoice.REFUSE:
        raise duplicate_rows_problem(plan)
    skipped = {id(invitee) for invitee, _existing in plan.likely_duplicates}
    kept = [
        invitee
        for invitee in plan.invitees
        if not (skip_likely_duplicates and id(invitee) in skipped)
        and not (invitee.duplicate_of is not None and file_duplicates is DuplicateChoice.KEEP_FIRST)
    ]
    drafts = [i.draft for i in kept]
    ids = add_attendees(session, plan.workshop_id, drafts, invited=True, progress=progress)
    _make_members(
        session,
        plan.workshop_id,
        [(i, invitee.body_role) for i, invitee in zip(ids, kept, strict=True)],
    )
    return len(kept)


def _make_members(session: Session, workshop_id: str, people: list[tuple[str, str]]) -> None:
    """Make the imported members members with their roles, in the order of the list (an
    appointing order lists them in protocol order), after the members already there."""
    imported = [(attendee_id, role) for attendee_id, role in people if role]
    if not imported:
        return
    new_ids = {attendee_id for attendee_id, _role in imported}
    earlier = [
        m.attendee.id for m in list_members(session, workshop_id) if m.attendee.id not in new_ids
    ]
    role_ids: dict[str, str] = {}
    for attendee_id, role in imported:
        if role not in role_ids:
            role_ids[role] = find_role(session, workshop_id, role)
        set_member(session, attendee_id, role_ids[role])
    set_member_order(session, workshop_id, [*earlier, *(a for a, _role in imported)])
