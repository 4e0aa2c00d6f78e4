"""Registration at the door: attendees, check-in, walk-ins, search, counts per sector."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from typing import Any

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session

from workshop_app.db.types import natural_id
from workshop_app.errors import FieldError, UserError
from workshop_app.models import (
    Attendee,
    AttendeeRole,
    CheckIn,
    MeetingDay,
    Sector,
    SyncConflict,
    Workshop,
)
from workshop_app.models.attendee import ERASED_FIELDS
from workshop_app.services.registration_numbers import code_allocator, next_code
from workshop_app.services.rows import live_row
from workshop_app.thai.collate import thai_sort_key
from workshop_app.thai.dates import format_thai_date
from workshop_app.thai.names import full_name
from workshop_app.thai.normalize import normalize_thai, search_key, to_arabic_digits


@dataclass(frozen=True)
class AttendeeDraft:
    """What a person tells us about themself, before it is stored."""

    first_name: str
    sector_id: str
    last_name: str = ""
    prefix: str = ""
    position: str = ""
    organisation: str = ""
    phone: str = ""
    email: str = ""
    role: str = AttendeeRole.PARTICIPANT.value
    consent_photos: bool = False
    consent_follow_up: bool = False
    special_needs: str = ""
    consent_special_needs: bool = False
    stands_in_for: str = ""  # a stand-in: whom they sit for ("มาประชุมแทน ...")
    absence_reason: str = ""  # an absent member: why (ผู้ไม่มาประชุม)


@dataclass(frozen=True)
class AttendeeRow:
    id: str
    code: int
    prefix: str
    first_name: str
    last_name: str
    position: str
    organisation: str
    sector_id: str
    sector_name: str
    sector_colour: str
    role: str
    invited: bool
    walk_in: bool
    checked_in_at: dt.datetime | None
    phone: str
    email: str
    consent_photos: bool
    consent_follow_up: bool
    special_needs: str
    consent_special_needs: bool
    stands_in_for: str
    absence_reason: str
    # The body: the member's role and place (services.meetings), the member a stand-in
    # replaces.
    body_role_id: str | None = None
    member_order: int | None = None
    stand_in_for_id: str | None = None

    @property
    def full_name(self) -> str:
        return full_name(self.prefix, self.first_name, self.last_name)

    def draft(self) -> AttendeeDraft:
        """The editable part of this row, e.g. to restore it on undo."""
        return AttendeeDraft(**{f.name: getattr(self, f.name) for f in fields(AttendeeDraft)})


@dataclass(frozen=True)
class SectorCount:
    sector_id: str
    name: str
    colour: str
    invited: int
    present: int
    walk_ins: int


@dataclass(frozen=True)
class CheckInResult:
    attendee: AttendeeRow
    already_checked_in: bool


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^[0-9+() \-#,/]*$")


def identity_key(first_name: str, last_name: str, organisation: str) -> str:
    """Key under which two registrations are likely the same person."""
    name = search_key(f"{first_name}{last_name}").replace(" ", "")
    return f"{name}|{search_key(organisation).replace(' ', '')}"


def clean_draft(session: Session, workshop_id: str, draft: AttendeeDraft) -> AttendeeDraft:
    """Normalize and validate a draft; raise UserError naming the field that is wrong."""
    sector = session.get(Sector, draft.sector_id)
    if sector is None or sector.deleted or sector.workshop_id != workshop_id:
        raise FieldError("sector", "กรุณาเลือกภาคส่วน", "choose a sector")
    cleaned = replace(
        draft,
        prefix=normalize_thai(draft.prefix),
        first_name=normalize_thai(draft.first_name),
        last_name=normalize_thai(draft.last_name),
        position=normalize_thai(draft.position),
        organisation=normalize_thai(draft.organisation),
        phone=to_arabic_digits(normalize_thai(draft.phone)),
        email=normalize_thai(draft.email).lower(),
        special_needs=draft.special_needs.strip(),
        stands_in_for=normalize_thai(draft.stands_in_for),
        absence_reason=normalize_thai(draft.absence_reason),
    )
    if not cleaned.first_name:
        raise FieldError("first_name", "กรุณาใส่ชื่อ", "the first name cannot be empty")
    if cleaned.email and not _EMAIL.match(cleaned.email):
        raise FieldError(
            "email", f"อีเมล '{cleaned.email}' ไม่ถูกต้อง", f"e-mail '{cleaned.email}' is not valid"
        )
    if not _PHONE.match(cleaned.phone):
        raise FieldError(
            "phone",
            f"เบอร์โทรศัพท์ '{cleaned.phone}' ไม่ถูกต้อง",
            f"phone '{cleaned.phone}' is not valid",
        )
    if cleaned.role not in {r.value for r in AttendeeRole}:
        raise FieldError(
            "role", f"บทบาท '{cleaned.role}' ไม่ถูกต้อง", f"role '{cleaned.role}' is not valid"
        )
    if cleaned.special_needs and not cleaned.consent_special_needs:
        raise FieldError(
            "special_needs",
            "ข้อมูลอาหารหรือความต้องการพิเศษเป็นข้อมูลอ่อนไหว บันทึกได้เมื่อเจ้าของข้อมูลยินยอมเท่านั้น",
            "diet or access needs are sensitive data: record them only with the person's consent",
        )
    return cleaned


def _search_text(attendee: Attendee) -> str:
    parts = (
        str(attendee.code),
        attendee.first_name,
        attendee.last_name,
        attendee.prefix,
        attendee.organisation,
        attendee.position,
    )
    return " ".join(search_key(p) for p in parts if p)


def _apply(attendee: Attendee, draft: AttendeeDraft) -> None:
    for name, value in vars(draft).items():
        setattr(attendee, name, value)
    attendee.search_text = _search_text(attendee)
    attendee.first_name_key = search_key(attendee.first_name)
    attendee.last_name_key = search_key(attendee.last_name)
    attendee.sort_key = name_sort_key(attendee.first_name, attendee.last_name)


def _require_workshop(session: Session, workshop_id: str) -> None:
    live_row(session, Workshop, workshop_id, "งานประชุม", "workshop")


def add_attendee(
    session: Session,
    workshop_id: str,
    draft: AttendeeDraft,
    *,
    invited: bool = True,
    walk_in: bool = False,
    checked_in_at: dt.datetime | None = None,
    attendee_id: str | None = None,
    code: int | None = None,
) -> str:
    """Store one person. ``attendee_id`` lets undo/redo re-create the same row."""
    _require_workshop(session, workshop_id)
    draft = clean_draft(session, workshop_id, draft)
    attendee = Attendee(
        workshop_id=workshop_id,
        code=code if code is not None else next_code(session, workshop_id),
        invited=invited,
        walk_in=walk_in,
        checked_in_at=checked_in_at,
    )
    if attendee_id is not None:
        attendee.id = attendee_id
    _apply(attendee, draft)
    session.add(attendee)
    session.flush()
    return attendee.id


def add_attendees(
    session: Session,
    workshop_id: str,
    drafts: list[AttendeeDraft],
    *,
    invited: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> list[str]:
    """Store many people at once (an imported list), numbered from this laptop's range
    (registration_numbers): each draft checked as add_attendee checks it, one flush for all.
    ``progress`` (done, total) is told every few hundred people."""
    _require_workshop(session, workshop_id)
    # Held so that checking each draft's sector finds it in the session, not the file.
    sectors = session.scalars(select(Sector).where(Sector.workshop_id == workshop_id)).all()
    codes = code_allocator(session, workshop_id)
    attendees = []
    for done, draft in enumerate(drafts):
        if progress is not None and done % 200 == 0:
            progress(done, len(drafts))
        attendee = Attendee(workshop_id=workshop_id, code=next(codes), invited=invited)
        _apply(attendee, clean_draft(session, workshop_id, draft))
        attendees.append(attendee)
    session.add_all(attendees)
    session.flush()
    del sectors
    return [a.id for a in attendees]


def register_walk_in(
    session: Session, workshop_id: str, draft: AttendeeDraft, attendee_id: str | None = None
) -> str:
    """Someone who was not on the invitation list arrives: register and check in at once."""
    existing = session.get(Attendee, attendee_id) if attendee_id else None
    if existing is not None:  # redo after undo: bring the same row back
        existing.deleted = False
        _apply(existing, clean_draft(session, workshop_id, draft))  # the undo erased it
        existing.checked_in_at = _now()
        session.flush()
        return existing.id
    return add_attendee(
        session,
        workshop_id,
        draft,
        invited=False,
        walk_in=True,
        checked_in_at=_now(),
        attendee_id=attendee_id,
    )


def _live_attendee(session: Session, attendee_id: str) -> Attendee:
    return live_row(session, Attendee, attendee_id, "ผู้เข้าร่วม", "attendee")


def update_attendee(session: Session, attendee_id: str, draft: AttendeeDraft) -> None:
    attendee = _live_attendee(session, attendee_id)
    _apply(attendee, clean_draft(session, attendee.workshop_id, draft))
    session.flush()


def delete_attendee(session: Session, attendee_id: str) -> None:
    """Erase a person: a tombstone without their contacts or sensitive data, which
    travels to every device; also blanked in any conflicting version kept of them."""
    attendee = _live_attendee(session, attendee_id)
    attendee.deleted = True
    for name, blank in ERASED_FIELDS.items():
        setattr(attendee, name, blank)
    for conflict in session.scalars(
        select(SyncConflict).where(
            SyncConflict.table_name == Attendee.__tablename__, SyncConflict.row_id == attendee_id
        )
    ):
        conflict.data = json.dumps(
            {**json.loads(conflict.data), **ERASED_FIELDS},
            ensure_ascii=False,
            separators=(",", ":"),
        )
    session.flush()


def restore_attendee(session: Session, attendee_id: str) -> None:
    attendee = session.get(Attendee, attendee_id)
    if attendee is None:
        raise UserError(f"ไม่พบผู้เข้าร่วมรหัส {attendee_id}", f"no attendee with id {attendee_id}")
    attendee.deleted = False
    session.flush()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# Check-in days are the venue's days: Thai time, whatever the laptop's clock zone.
THAI_TIME = dt.timezone(dt.timedelta(hours=7))


def _meeting_days(session: Session, workshop_id: str) -> list[MeetingDay]:
    return list(
        session.scalars(
            select(MeetingDay)
            .where(MeetingDay.workshop_id == workshop_id, ~MeetingDay.deleted)
            .order_by(MeetingDay.date)
        )
    )


def _check_in_day(
    session: Session, workshop_id: str, at: dt.datetime, day_id: str | None
) -> MeetingDay | None:
    """The day a check-in belongs to: the one named, or the one of ``at`` (Thai time);
    None for a workshop without days. A day outside the workshop is refused."""
    days = _meeting_days(session, workshop_id)
    if not days:
        if day_id is not None:
            raise UserError(f"ไม่พบวันประชุมรหัส {day_id}", f"no meeting day with id {day_id}")
        return None
    if day_id is not None:
        for day in days:
            if day.id == day_id:
                return day
        raise UserError(
            f"วันประชุมรหัส {day_id} ไม่ใช่วันของงานประชุมนี้",
            f"meeting day {day_id} is not a day of this workshop",
        )
    date = at.astimezone(THAI_TIME).date()
    for day in days:
        if day.date == date:
            return day
    listed = ", ".join(format_thai_date(d.date) for d in days)
    raise UserError(
        f"ลงทะเบียนวันที่ {format_thai_date(date)} ไม่ได้: ไม่ใช่วันประชุม (วันประชุม: {listed})",
        f"cannot check in on {date.isoformat()}: not a day of the meeting "
        f"({', '.join(d.date.isoformat() for d in days)})",
    )


def check_in(
    session: Session,
    attendee_id: str,
    at: dt.datetime | None = None,
    *,
    day_id: str | None = None,
) -> CheckInResult:
    """Mark a person present (on one day, when the workshop has days). Checking in twice
    on the same day keeps the first time and says so; each day is checked in apart."""
    attendee = _live_attendee(session, attendee_id)
    moment = at or _now()
    day = _check_in_day(session, attendee.workshop_id, moment, day_id)
    if day is None:
        already = attendee.checked_in_at is not None
    else:
        row_id = natural_id("check_ins", attendee.id, day.id)
        existing = session.get(CheckIn, row_id)
        already = existing is not None and not existing.deleted
        if existing is None:
            session.add(
                CheckIn(
                    id=row_id,
                    workshop_id=attendee.workshop_id,
                    attendee_id=attendee.id,
                    day_id=day.id,
                    at=moment,
                )
            )
        elif existing.deleted:
            existing.deleted = False
            existing.at = moment
    # checked_in_at: present on any day (the first check-in), as votes and counts use it.
    if attendee.checked_in_at is None:
        attendee.checked_in_at = moment
    session.flush()
    return CheckInResult(get_attendee(session, attendee_id), already)


def undo_check_in(session: Session, attendee_id: str, *, day_id: str | None = None) -> None:
    """Take back a check-in: of one day, or of every day when no day is named."""
    attendee = _live_attendee(session, attendee_id)
    check_ins = list(
        session.scalars(select(CheckIn).where(CheckIn.attendee_id == attendee.id, ~CheckIn.deleted))
    )
    for row in check_ins:
        if day_id is None or row.day_id == day_id:
            row.deleted = True
    remaining = [row.at for row in check_ins if not row.deleted]
    attendee.checked_in_at = min(remaining) if remaining else None
    session.flush()


def present_on(session: Session, workshop_id: str, day_id: str | None) -> set[str]:
    """The ids of the people present on a day (on any day when ``day_id`` is None or
    the workshop has no days)."""
    if day_id is not None:
        return set(
            session.scalars(
                select(CheckIn.attendee_id).where(
                    CheckIn.workshop_id == workshop_id, CheckIn.day_id == day_id, ~CheckIn.deleted
                )
            )
        )
    return set(
        session.scalars(
            select(Attendee.id).where(
                Attendee.workshop_id == workshop_id,
                ~Attendee.deleted,
                Attendee.checked_in_at.is_not(None),
            )
        )
    )


def _rows_query(workshop_id: str):  # type: ignore[no-untyped-def]
    return (
        select(Attendee, Sector.name, Sector.colour)
        .join(Sector, Sector.id == Attendee.sector_id)
        .where(Attendee.workshop_id == workshop_id, ~Attendee.deleted)
    )


def _row(attendee: Attendee, sector_name: str, sector_colour: str) -> AttendeeRow:
    return AttendeeRow(
        id=attendee.id,
        code=attendee.code,
        prefix=attendee.prefix,
        first_name=attendee.first_name,
        last_name=attendee.last_name,
        position=attendee.position,
        organisation=attendee.organisation,
        sector_id=attendee.sector_id,
        sector_name=sector_name,
        sector_colour=sector_colour,
        role=attendee.role,
        invited=attendee.invited,
        walk_in=attendee.walk_in,
        checked_in_at=attendee.checked_in_at,
        phone=attendee.phone,
        email=attendee.email,
        consent_photos=attendee.consent_photos,
        consent_follow_up=attendee.consent_follow_up,
        special_needs=attendee.special_needs,
        consent_special_needs=attendee.consent_special_needs,
        stands_in_for=attendee.stands_in_for,
        absence_reason=attendee.absence_reason,
        body_role_id=attendee.body_role_id,
        member_order=attendee.member_order,
        stand_in_for_id=attendee.stand_in_for_id,
    )


def get_attendee(session: Session, attendee_id: str) -> AttendeeRow:
    attendee = _live_attendee(session, attendee_id)
    sector = session.get(Sector, attendee.sector_id)
    assert sector is not None
    return _row(attendee, sector.name, sector.colour)


def name_sort_key(first_name: str, last_name: str) -> str:
    """Thai convention: people are ordered by first name, then last name, in dictionary
    order (thai.collate). Stored per row, so SQL can order by it; a U+0001 separator
    (below every character a name holds) makes the string order equal to comparing
    (first, last) primary keys, then tie-breakers. Not NUL: PostgreSQL text refuses it."""
    first_primary, first_full = thai_sort_key(first_name)
    last_primary, last_full = thai_sort_key(last_name)
    return "\x01".join((first_primary, last_primary, first_full, last_full))


def list_attendees(session: Session, workshop_id: str) -> list[AttendeeRow]:
    statement = _rows_query(workshop_id).order_by(Attendee.sort_key, Attendee.code)
    return [_row(a, name, colour) for a, name, colour in session.execute(statement)]


def person_with_number(session: Session, workshop_id: str, typed: str) -> AttendeeRow | None:
    """The person whose registration number is ``typed`` (Thai or Arabic digits), for
    Enter at the registration desk; None when ``typed`` is not a whole number or nobody
    holds it. A number held by more than one person (two laptops' walk-ins in a file from
    before numbers were unique, not yet renumbered by a merge) is refused, naming them
    all: checking in either would be a guess."""
    digits = to_arabic_digits(typed.strip())
    if not (digits.isascii() and digits.isdigit()):
        return None
    statement = _rows_query(workshop_id).where(Attendee.code == int(digits))
    holders = [_row(a, name, colour) for a, name, colour in session.execute(statement)]
    if len(holders) > 1:
        names = ", ".join(sorted(h.full_name for h in holders))
        raise UserError(
            f"เลขทะเบียน {digits} มีผู้ใช้มากกว่าหนึ่งคน ({names}) จึงยังไม่ลงทะเบียนให้ใคร: "
            "กด ↑/↓ เลือกคนที่มาแล้วกด Enter หรือค้นด้วยชื่อ",
            f"Number {digits} is held by more than one person ({names}), so nobody was "
            "checked in: pick the one who came with ↑/↓ and press Enter, or search by name.",
        )
    return holders[0] if holders else None


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_attendees(
    session: Session, workshop_id: str, query: str, limit: int = 50
) -> list[AttendeeRow]:
    """Search as you type: every word of the query must occur in the name, organisation,
    position or registration code.

    Best matches first: the registration code or the start of the first name, then the
    start of the last name, then the start of any other word, then anywhere. Among equals,
    people not yet checked in come first (they are the ones at the door), then Thai name
    order. Ranking, ordering and the limit all run in SQL, so a one-letter query over
    thousands of invitees converts only ``limit`` rows.
    """
    tokens = search_key(query).split()
    statement = _rows_query(workshop_id)
    for token in tokens:
        pattern = f"%{_like_escape(token)}%"
        statement = statement.where(Attendee.search_text.like(pattern, escape="\\"))
    if tokens:
        head = _like_escape(tokens[0])
        rank = case(
            (Attendee.code == (int(tokens[0]) if tokens[0].isdigit() else -1), 0),
            (Attendee.first_name_key.like(f"{head}%", escape="\\"), 0),
            (Attendee.last_name_key.like(f"{head}%", escape="\\"), 1),
            (Attendee.search_text.like(f"% {head}%", escape="\\"), 2),
            else_=3,
        )
        statement = statement.order_by(rank, Attendee.checked_in_at.is_not(None))
    statement = statement.order_by(Attendee.sort_key, Attendee.code).limit(limit)
    return [_row(a, name, colour) for a, name, colour in session.execute(statement)]


def sector_counts(
    session: Session, workshop_id: str, *, day_id: str | None = None
) -> list[SectorCount]:
    """Invited, present and walk-in counts per sector, in the workshop's sector order;
    present on one day when ``day_id`` is given."""

    def count_where(condition: ColumnElement[bool] | Any) -> ColumnElement[int]:
        return func.sum(case((condition, 1), else_=0))

    counts = {
        sector_id: (int(invited or 0), int(here or 0), int(walk or 0))
        for sector_id, invited, here, walk in session.execute(
            select(
                Attendee.sector_id,
                count_where(Attendee.invited),
                count_where(Attendee.checked_in_at.is_not(None)),
                count_where(Attendee.walk_in),
            )
            .where(Attendee.workshop_id == workshop_id, ~Attendee.deleted)
            .group_by(Attendee.sector_id)
        )
    }
    if day_id is not None:
        present: dict[str, int] = {}
        for sector_id in session.scalars(
            select(Attendee.sector_id)
            .join(CheckIn, CheckIn.attendee_id == Attendee.id)
            .where(CheckIn.day_id == day_id, ~CheckIn.deleted, ~Attendee.deleted)
        ):
            present[sector_id] = present.get(sector_id, 0) + 1
        counts = {
            sector_id: (invited, present.get(sector_id, 0), walk)
            for sector_id, (invited, _here, walk) in counts.items()
        }
    sectors = session.scalars(
        select(Sector)
        .where(Sector.workshop_id == workshop_id, ~Sector.deleted)
        .order_by(Sector.position)
    )
    return [SectorCount(s.id, s.name, s.colour, *counts.get(s.id, (0, 0, 0))) for s in sectors]


def find_likely_duplicates(
    session: Session, workshop_id: str, first_name: str, last_name: str, organisation: str
) -> list[AttendeeRow]:
    """People already registered who are probably the same person (name + organisation)."""
    key = identity_key(first_name, last_name, organisation)
    return [
        row
        for row in list_attendees(session, workshop_id)
        if identity_key(row.first_name, row.last_name, row.organisation) == key
    ]
