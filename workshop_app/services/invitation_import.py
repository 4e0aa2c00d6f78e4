"""Import an invitation list (.xlsx or .csv): all rows or none.

The lists come from each province's own spreadsheet: Thai or English headers, a title
or two above the header row, prefixes typed into the name, Thai digits in phone numbers.
Reading produces a plan (people to add, likely duplicates of people already registered)
without touching the database; applying the plan writes it in one transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from workshop_app.errors import FieldError
from workshop_app.export.tables import read_table
from workshop_app.models import AttendeeRole
from workshop_app.services.attendees import (
    AttendeeDraft,
    AttendeeRow,
    add_attendee,
    clean_draft,
    identity_key,
    list_attendees,
)
from workshop_app.services.registration_numbers import code_allocator
from workshop_app.services.table_import import (
    HeaderColumns,
    ImportProblem,
    ImportRejectedError,
    find_header,
    header_key,
    header_lookup,
    sector_lookup,
)
from workshop_app.services.workshops import list_sectors
from workshop_app.thai.names import split_full_name, split_prefix
from workshop_app.thai.normalize import search_key, to_arabic_digits

# Header texts (compared after header_key) that name each field.
HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "prefix": ("คำนำหน้า", "คำนำหน้าชื่อ", "คำนำหน้านาม", "prefix", "title", "honorific"),
    "first_name": ("ชื่อ", "ชื่อจริง", "firstname", "givenname", "first"),
    "last_name": ("นามสกุล", "สกุล", "lastname", "surname", "familyname", "last"),
    "full_name": (
        "ชื่อสกุล",
        "ชื่อนามสกุล",
        "ชื่อและนามสกุล",
        "ชื่อผู้เข้าร่วม",
        "ชื่อผู้เข้าร่วมประชุม",
        "name",
        "fullname",
    ),
    "position": ("ตำแหน่ง", "position", "jobtitle"),
    "organisation": (
        "หน่วยงาน",
        "สังกัด",
        "องค์กร",
        "หน่วยงานองค์กร",
        "หน่วยงานสังกัด",
        "ส่วนราชการหน่วยงาน",
        "organisation",
        "organization",
        "agency",
        "affiliation",
    ),
    "sector": ("ภาคส่วน", "ภาค", "ประเภทหน่วยงาน", "กลุ่มภาคส่วน", "sector"),
    "phone": (
        "โทรศัพท์",
        "เบอร์โทร",
        "เบอร์โทรศัพท์",
        "โทร",
        "มือถือ",
        "หมายเลขโทรศัพท์",
        "phone",
        "telephone",
        "mobile",
        "tel",
    ),
    "email": ("อีเมล", "อีเมล์", "email", "mail"),
    "role": ("บทบาท", "ฐานะ", "role"),
}
FIELD_LABELS = {
    "prefix": ("คำนำหน้า", "prefix"),
    "first_name": ("ชื่อ", "first name"),
    "last_name": ("นามสกุล", "last name"),
    "full_name": ("ชื่อ-สกุล", "full name"),
    "position": ("ตำแหน่ง", "position"),
    "organisation": ("หน่วยงาน", "organisation"),
    "sector": ("ภาคส่วน", "sector"),
    "phone": ("โทรศัพท์", "phone"),
    "email": ("อีเมล", "e-mail"),
    "role": ("บทบาท", "role"),
}
MEMBER_WORDS = ("กรรมการ", "member", "committee")

_HEADER_LOOKUP = header_lookup(HEADER_SYNONYMS)


@dataclass(frozen=True)
class PlannedInvitee:
    source_row: int
    draft: AttendeeDraft


@dataclass
class InvitationPlan:
    workshop_id: str
    file_name: str
    header_row: int
    invitees: list[PlannedInvitee]
    # (row in the file, person already registered) pairs that are probably the same.
    likely_duplicates: list[tuple[PlannedInvitee, AttendeeRow]] = field(default_factory=list)


def read_invitation_list(session: Session, workshop_id: str, path: Path) -> InvitationPlan:
    """Parse and check the whole file; raise ImportRejectedError listing every problem."""
    table = read_table(path)
    if not any(cell.text.strip() for row in table.rows for cell in row):
        raise ImportRejectedError(
            path.name, [ImportProblem(None, None, "แฟ้มว่างเปล่า", "the file is empty")]
        )
    found = find_header(table, _HEADER_LOOKUP, required=("first_name", "full_name"))
    if found is None:
        raise ImportRejectedError(
            path.name,
            [
                ImportProblem(
                    None,
                    None,
                    "ไม่พบแถวหัวตาราง: ต้องมีคอลัมน์ 'ชื่อ' (หรือ 'ชื่อ-สกุล') และ 'ภาคส่วน' "
                    "และอาจมี คำนำหน้า นามสกุล ตำแหน่ง หน่วยงาน โทรศัพท์ อีเมล บทบาท",
                    "no header row found: it needs a 'first name' (or 'name') column and a "
                    "'sector' column, optionally prefix, last name, position, organisation, "
                    "phone, e-mail, role",
                )
            ],
        )
    header_index, columns = found
    header_row = table.row_numbers[header_index]
    if "sector" not in columns:
        raise ImportRejectedError(
            path.name,
            [
                ImportProblem(
                    header_row,
                    None,
                    "ไม่พบคอลัมน์ 'ภาคส่วน' ซึ่งจำเป็นสำหรับนับผู้เข้าร่วมตามภาคส่วน",
                    "no 'sector' column; it is needed to count attendees by sector",
                )
            ],
        )

    header = HeaderColumns(
        table, header_index, columns, {name: thai for name, (thai, _en) in FIELD_LABELS.items()}
    )
    label = header.label
    sectors = sector_lookup(session, workshop_id)
    sector_names = ", ".join(s.name for s in list_sectors(session, workshop_id))
    problems: list[ImportProblem] = []
    invitees: list[PlannedInvitee] = []
    first_seen: dict[str, int] = {}

    for number, values, row_problems in header.rows():
        prefix = values.get("prefix", "")
        if "full_name" in columns and not values.get("first_name"):
            split = split_full_name(values["full_name"])
            prefix = prefix or split[0]
            first, last = split[1], values.get("last_name") or split[2]
        else:
            first, last = values.get("first_name", ""), values.get("last_name", "")
            if not prefix:
                prefix, first = split_prefix(first)
        if not first:
            name_column = "first_name" if "first_name" in columns else "full_name"
            row_problems.append(
                ImportProblem(number, label(name_column), "ไม่มีชื่อ", "the name is empty")
            )
        sector_text = values.get("sector", "")
        sector_id = sectors.get(header_key(sector_text))
        if sector_id is None:
            row_problems.append(
                ImportProblem(
                    number,
                    label("sector"),
                    f"ไม่รู้จักภาคส่วน '{sector_text}' (ใช้ได้: {sector_names})",
                    f"unknown sector '{sector_text}' (one of: {sector_names})",
                )
            )
        role = (
            AttendeeRole.MEMBER.value
            if any(w in search_key(values.get("role", "")) for w in MEMBER_WORDS)
            else AttendeeRole.PARTICIPANT.value
        )
        phone = to_arabic_digits(values.get("phone", ""))
        if re.fullmatch(r"[1-9]\d{8}", phone):  # a mobile number stored as a number lost its 0
            phone = "0" + phone
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
            where = label(exc.field) if exc.field in columns else None
            problems.append(ImportProblem(number, where, exc.thai, exc.english))
            continue
        key = identity_key(draft.first_name, draft.last_name, draft.organisation)
        if key in first_seen:
            problems.append(
                ImportProblem(
                    number,
                    None,
                    f"ซ้ำกับแถว {first_seen[key]} (ชื่อและหน่วยงานเดียวกัน)",
                    f"duplicates row {first_seen[key]} (same name and organisation)",
                )
            )
            continue
        first_seen[key] = number
        invitees.append(PlannedInvitee(number, draft))

    if problems:
        raise ImportRejectedError(path.name, problems)
    if not invitees:
        raise ImportRejectedError(
            path.name,
            [ImportProblem(None, None, "ไม่มีรายชื่อใต้แถวหัวตาราง", "no people below the header row")],
        )
    registered = {
        identity_key(r.first_name, r.last_name, r.organisation): r
        for r in list_attendees(session, workshop_id)
    }
    duplicates = [
        (invitee, registered[key])
        for invitee in invitees
        if (
            key := identity_key(
                invitee.draft.first_name, invitee.draft.last_name, invitee.draft.organisation
            )
        )
        in registered
    ]
    return InvitationPlan(workshop_id, path.name, header_row, invitees, duplicates)


def apply_invitation_plan(
    session: Session, plan: InvitationPlan, *, skip_likely_duplicates: bool = False
) -> int:
    """Add the planned people (in the caller's transaction); return how many were added."""
    skipped = {id(invitee) for invitee, _existing in plan.likely_duplicates}
    codes = code_allocator(session, plan.workshop_id)
    added = 0
    for invitee in plan.invitees:
        if skip_likely_duplicates and id(invitee) in skipped:
            continue
        add_attendee(session, plan.workshop_id, invitee.draft, invited=True, code=next(codes))
        added += 1
    return added
