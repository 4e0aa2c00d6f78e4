"""Workshops and their setup: strategic issues, agenda items, sectors."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workshop_app.errors import UserError
from workshop_app.models import (
    AgendaItem,
    Attendee,
    AttendeeRole,
    BodyRole,
    MeetingDay,
    Sector,
    StrategicIssue,
    Workshop,
    WorkshopKind,
)
from workshop_app.services.presets import (
    DEFAULT_PRIVACY_NOTICE,
    DEFAULT_SECTORS,
    KIND_NAMES,
    PRESETS,
)
from workshop_app.services.rows import live_row, live_rows
from workshop_app.thai.dates import fiscal_year_be
from workshop_app.thai.normalize import normalize_thai

# The annual action plan is drafted two fiscal years ahead of its budget year (a meeting
# in FY 2566 prepares the FY 2568 plan): the default plan year of a new workshop.
PLAN_YEARS_AHEAD = 2


@dataclass(frozen=True)
class WorkshopDetails:
    """Every editable field of a workshop, as plain data for views and forms."""

    id: str
    title: str
    kind: str
    province: str
    fiscal_year: int | None
    start_date: dt.date | None
    end_date: dt.date | None
    start_time: dt.time | None
    end_time: dt.time | None
    venue: str
    chair: str
    organiser: str
    vision: str
    meeting_number: int | None
    meeting_year: int | None
    privacy_notice: str
    glossary: str  # the workshop's own words, one per line
    minutes_taker: str
    minutes_taker_position: str
    minutes_checker: str
    minutes_checker_position: str
    body_name: str = ""  # คณะกรรมการ... whose meeting this is
    chair_position: str = ""
    chair_attendee_id: str | None = None  # the chair when a registered person
    chair_on_behalf_of: str = ""  # whom the chair stands for ("ผู้ว่าราชการจังหวัด...")
    chair_away_reason: str = ""  # why they are away ("ติดราชการ")
    quorum: int | None = None  # None: more than half of the members
    goal_20_year: str = ""
    goal_5_year: str = ""
    long_term_targets: str = ""
    participant_listing: str = "auto"  # "names", "appendix" or "auto"
    appendix_threshold: int = 60


PARTICIPANT_LISTINGS = ("auto", "names", "appendix")
EDITABLE_FIELDS = tuple(f.name for f in fields(WorkshopDetails) if f.name != "id")


@dataclass(frozen=True)
class WorkshopSummary:
    id: str
    title: str
    kind: str
    start_date: dt.date | None
    venue: str
    invited: int
    present: int


@dataclass(frozen=True)
class NumberedRow:
    """A strategic issue or an agenda item."""

    id: str
    number: int
    title: str
    detail: str  # issue: goal; agenda item: notes
    resolution: str = ""
    shows_results: bool = False  # agenda item: the minutes report the results under it
    # Agenda items: the item a sub-item belongs to, the day, what the meeting said (the
    # minutes' record, apart from ``detail``, set up before), and the number as printed
    # ("5.1" for the first sub-item of item 5).
    parent_id: str | None = None
    day_id: str | None = None
    record: str = ""
    label: str = ""


@dataclass(frozen=True)
class SectorRow:
    id: str
    position: int
    name: str
    colour: str


def _details(workshop: Workshop) -> WorkshopDetails:
    return WorkshopDetails(**{f.name: getattr(workshop, f.name) for f in fields(WorkshopDetails)})


def get_workshop(session: Session, workshop_id: str) -> WorkshopDetails:
    return _details(_live_workshop(session, workshop_id))


def _live_workshop(session: Session, workshop_id: str) -> Workshop:
    return live_row(session, Workshop, workshop_id, "งานประชุม", "workshop")


def find_workshop_id(session: Session, id_or_prefix: str) -> str:
    """Accept a full id or a unique leading part of one (as `workshop-app list` shows)."""
    matches = session.scalars(
        select(Workshop.id).where(Workshop.id.startswith(id_or_prefix), ~Workshop.deleted)
    ).all()
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise UserError(
            f"ไม่พบงานประชุมรหัส {id_or_prefix} (ดูรายการด้วยคำสั่ง list)",
            f"no workshop with id {id_or_prefix} (see the list command)",
        )
    raise UserError(
        f"รหัส {id_or_prefix} ตรงกับหลายงานประชุม กรุณาพิมพ์รหัสให้ยาวขึ้น",
        f"id {id_or_prefix} matches several workshops; type more of it",
    )


def create_workshop(
    session: Session,
    title: str,
    kind: WorkshopKind = WorkshopKind.PLAN_REVIEW_ANNUAL,
    *,
    province: str = "",
    start_date: dt.date | None = None,
    venue: str = "",
) -> str:
    """Create a workshop from the preset of its kind; return its id."""
    title = normalize_thai(title)
    if not title:
        raise UserError("กรุณาใส่ชื่องานประชุม", "the workshop needs a title")
    preset = PRESETS[kind]
    workshop = Workshop(
        title=title,
        kind=kind.value,
        province=normalize_thai(province),
        start_date=start_date,
        end_date=start_date,
        fiscal_year=(fiscal_year_be(start_date) + PLAN_YEARS_AHEAD) if start_date else None,
        meeting_year=(start_date.year + 543) if start_date else None,
        venue=normalize_thai(venue),
        privacy_notice=DEFAULT_PRIVACY_NOTICE,
        body_name=preset.body_name,
        participant_listing=preset.participant_listing,
        appendix_threshold=60,
    )
    session.add(workshop)
    session.flush()
    for position, (name, _english, colour) in enumerate(DEFAULT_SECTORS, start=1):
        session.add(Sector(workshop_id=workshop.id, position=position, name=name, colour=colour))
    for number, agenda_title in enumerate(preset.agenda, start=1):
        session.add(
            AgendaItem(
                workshop_id=workshop.id,
                number=number,
                title=agenda_title,
                shows_results=number == preset.results_item,
            )
        )
    for number, issue_title in enumerate(preset.issues, start=1):
        session.add(StrategicIssue(workshop_id=workshop.id, number=number, title=issue_title))
    for position, role in enumerate(preset.roles, start=1):
        session.add(BodyRole(workshop_id=workshop.id, position=position, name=role))
    session.flush()
    return workshop.id


def kind_name(kind: str, language: str = "th") -> str:
    try:
        thai, english = KIND_NAMES[WorkshopKind(kind)]
    except ValueError:
        return kind
    return thai if language == "th" else english


def list_workshops(session: Session) -> list[WorkshopSummary]:
    invited = (
        select(Attendee.workshop_id, func.count().label("n"))
        .where(~Attendee.deleted, Attendee.invited)
        .group_by(Attendee.workshop_id)
        .subquery()
    )
    present = (
        select(Attendee.workshop_id, func.count().label("n"))
        .where(~Attendee.deleted, Attendee.checked_in_at.is_not(None))
        .group_by(Attendee.workshop_id)
        .subquery()
    )
    rows = session.execute(
        select(Workshop, func.coalesce(invited.c.n, 0), func.coalesce(present.c.n, 0))
        .outerjoin(invited, invited.c.workshop_id == Workshop.id)
        .outerjoin(present, present.c.workshop_id == Workshop.id)
        .where(~Workshop.deleted)
        .order_by(Workshop.start_date.desc(), Workshop.created_hlc.desc())
    ).all()
    return [
        WorkshopSummary(w.id, w.title, w.kind, w.start_date, w.venue, n_inv, n_pres)
        for w, n_inv, n_pres in rows
    ]


_TIME = re.compile(r"^(\d{1,2})[.:](\d{2})$")


def update_workshop(session: Session, workshop_id: str, **changes: Any) -> WorkshopDetails:
    """Change some fields of a workshop; unknown fields and bad values are refused."""
    workshop = _live_workshop(session, workshop_id)
    for name, value in changes.items():
        if name not in EDITABLE_FIELDS:
            raise UserError(f"ไม่มีช่องข้อมูล {name}", f"no field named {name}")
        if name == "glossary":
            value = "\n".join(glossary_words(str(value)))
        elif isinstance(value, str):
            value = normalize_thai(value) if name != "privacy_notice" else value.strip()
        if name == "title" and not value:
            raise UserError("ชื่องานประชุมต้องไม่ว่าง", "the workshop title cannot be empty")
        if name == "kind" and value not in {k.value for k in WorkshopKind}:
            raise UserError(f"ไม่รู้จักประเภทงานประชุม '{value}'", f"unknown workshop kind '{value}'")
        if (
            name in ("fiscal_year", "meeting_year")
            and value is not None
            and not (2400 <= int(value) <= 2700)
        ):
            raise UserError(
                f"ปี พ.ศ. {value} ไม่ถูกต้อง (ใช้ปีพุทธศักราช เช่น 2569)",
                f"year {value} is not a Buddhist Era year (e.g. 2569)",
            )
        if name == "quorum" and value is not None:
            value = _check_quorum(session, workshop_id, int(value))
        if name == "participant_listing" and value not in PARTICIPANT_LISTINGS:
            raise UserError(
                f"รูปแบบรายชื่อผู้เข้าร่วม '{value}' ไม่ถูกต้อง (auto, names หรือ appendix)",
                f"participant listing '{value}' is not auto, names or appendix",
            )
        if name == "appendix_threshold" and int(value) < 1:
            raise UserError(
                "จำนวนผู้เข้าร่วมที่แนบรายชื่อท้ายรายงานต้องเป็น 1 ขึ้นไป",
                "the appendix threshold must be 1 or more",
            )
        if name == "chair_attendee_id" and value:
            chair = session.get(Attendee, value)
            if chair is None or chair.deleted or chair.workshop_id != workshop_id:
                raise UserError(
                    f"ไม่พบผู้เข้าร่วมรหัส {value} ที่จะเป็นประธานในที่ประชุม",
                    f"no attendee {value} to chair the meeting",
                )
        if name == "meeting_number" and value is not None and int(value) < 1:
            raise UserError("ครั้งที่ของการประชุมต้องเป็น 1 ขึ้นไป", "meeting number must be 1 or more")
        setattr(workshop, name, value)
    if workshop.start_date and workshop.end_date and workshop.end_date < workshop.start_date:
        raise UserError("วันสิ้นสุดต้องไม่ก่อนวันเริ่มประชุม", "the end date cannot be before the start date")
    session.flush()
    return _details(workshop)


def _check_quorum(session: Session, workshop_id: str, quorum: int) -> int:
    """A quorum between one member and all of them."""
    members = session.scalar(
        select(func.count()).where(
            Attendee.workshop_id == workshop_id,
            ~Attendee.deleted,
            Attendee.role == AttendeeRole.MEMBER.value,
        )
    )
    if quorum < 1 or quorum > (members or 0):
        raise UserError(
            f"องค์ประชุม {quorum} คนไม่ถูกต้อง: ต้องอยู่ระหว่าง 1 ถึงจำนวนกรรมการ ({members or 0} คน)",
            f"a quorum of {quorum} is not valid: it must be from 1 to the number of members "
            f"({members or 0})",
        )
    return quorum


def glossary_words(text: str) -> list[str]:
    """The words of a glossary typed one per line (or comma separated), normalized."""
    words = (normalize_thai(w) for line in text.splitlines() for w in line.split(","))
    return list(dict.fromkeys(w for w in words if w))


def parse_time(text: str) -> dt.time | None:
    """Accept "09.30", "9:30" or "09.30 น."; empty means no time."""
    cleaned = text.replace("น.", "").strip()
    if not cleaned:
        return None
    match = _TIME.match(cleaned)
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise UserError(
            f"เวลา '{text}' ไม่ถูกต้อง (ตัวอย่าง 09.30)", f"time '{text}' is not valid (e.g. 09.30)"
        )
    return dt.time(int(match[1]), int(match[2]))


def delete_workshop(session: Session, workshop_id: str) -> None:
    _live_workshop(session, workshop_id).deleted = True
    session.flush()


# --- Strategic issues and agenda items: numbered lists -------------------------------

Numbered = TypeVar("Numbered", StrategicIssue, AgendaItem)


def _numbered(
    session: Session, model: type[Numbered], workshop_id: str, parent_id: str | None = None
) -> list[Numbered]:
    """Issues, or the agenda items under one parent (the top-level items by default)."""
    statement = select(model).where(model.workshop_id == workshop_id, ~model.deleted)
    if issubclass(model, AgendaItem):
        statement = statement.where(
            AgendaItem.parent_id.is_(None)
            if parent_id is None
            else AgendaItem.parent_id == parent_id
        )
    return list(session.scalars(statement.order_by(model.number, model.created_hlc)))


def _siblings(session: Session, row: StrategicIssue | AgendaItem) -> list[Any]:
    parent = row.parent_id if isinstance(row, AgendaItem) else None
    return _numbered(session, type(row), row.workshop_id, parent)


def _renumber(items: list[Any], attribute: str = "number") -> None:
    """Number the rows 1, 2, 3 ... in list order (issues and agenda items by ``number``,
    sectors by ``position``), touching only rows whose number changes."""
    for number, item in enumerate(items, start=1):
        if getattr(item, attribute) != number:
            setattr(item, attribute, number)


def move_within(items: list[Any], row: Any, offset: int, attribute: str = "number") -> int:
    """Move ``row`` by ``offset`` places (clamped to the list) and renumber; return the
    offset actually applied (moving back by its negative undoes the move)."""
    index = items.index(row)
    target = max(0, min(len(items) - 1, index + offset))
    items.insert(target, items.pop(index))
    _renumber(items, attribute)
    return target - index


def list_issues(session: Session, workshop_id: str) -> list[NumberedRow]:
    return [
        NumberedRow(i.id, i.number, i.title, i.goal)
        for i in _numbered(session, StrategicIssue, workshop_id)
    ]


def issue_indicators(session: Session, workshop_id: str) -> dict[str, str]:
    """The indicators written for each strategic issue (deleted ones too: a project
    may still sit under one), by issue id."""
    statement = select(StrategicIssue.id, StrategicIssue.indicators).where(
        StrategicIssue.workshop_id == workshop_id
    )
    return {issue_id: text or "" for issue_id, text in session.execute(statement)}


def list_agenda(session: Session, workshop_id: str) -> list[NumberedRow]:
    """The agenda in order, each item followed by its sub-items (5, 5.1, 5.2, 6 ...)."""

    def row(item: AgendaItem, label: str) -> NumberedRow:
        return NumberedRow(
            item.id,
            item.number,
            item.title,
            item.notes,
            item.resolution,
            item.shows_results,
            item.parent_id,
            item.day_id,
            item.record,
            label,
        )

    rows = []
    for item in _numbered(session, AgendaItem, workshop_id):
        rows.append(row(item, str(item.number)))
        for sub in _numbered(session, AgendaItem, workshop_id, item.id):
            rows.append(row(sub, f"{item.number}.{sub.number}"))
    return rows


def _require_title(title: str) -> str:
    title = normalize_thai(title)
    if not title:
        raise UserError("กรุณาใส่ชื่อหัวข้อ", "the title cannot be empty")
    return title


def add_issue(session: Session, workshop_id: str, title: str, goal: str = "") -> str:
    _live_workshop(session, workshop_id)
    number = len(_numbered(session, StrategicIssue, workshop_id)) + 1
    issue = StrategicIssue(
        workshop_id=workshop_id, number=number, title=_require_title(title), goal=goal.strip()
    )
    session.add(issue)
    session.flush()
    return issue.id


def add_agenda_item(
    session: Session,
    workshop_id: str,
    title: str,
    notes: str = "",
    *,
    parent_id: str | None = None,
    day_id: str | None = None,
) -> str:
    """Add an item at the end of the agenda, or a sub-item at the end of an item's."""
    _live_workshop(session, workshop_id)
    if parent_id is not None:
        parent = session.get(AgendaItem, parent_id)
        if parent is None or parent.deleted or parent.workshop_id != workshop_id:
            raise UserError(
                f"ไม่พบระเบียบวาระหลักรหัส {parent_id} ที่จะเพิ่มหัวข้อย่อย",
                f"no agenda item {parent_id} to add a sub-item under",
            )
        if parent.parent_id is not None:
            raise UserError(
                "เพิ่มหัวข้อย่อยได้ใต้ระเบียบวาระหลักเท่านั้น (เช่น 5.1 ใต้วาระที่ 5)",
                "sub-items go under a top-level agenda item only (e.g. 5.1 under item 5)",
            )
    number = len(_numbered(session, AgendaItem, workshop_id, parent_id)) + 1
    item = AgendaItem(
        workshop_id=workshop_id,
        number=number,
        title=_require_title(title),
        notes=notes.strip(),
        parent_id=parent_id,
        day_id=_check_day(session, workshop_id, day_id),
    )
    session.add(item)
    session.flush()
    return item.id


def _live(session: Session, model: type[Numbered], row_id: str) -> Numbered:
    return live_row(session, model, row_id, "รายการ", "item")


def update_issue(
    session: Session, issue_id: str, *, title: str | None = None, goal: str | None = None
) -> None:
    issue = _live(session, StrategicIssue, issue_id)
    if title is not None:
        issue.title = _require_title(title)
    if goal is not None:
        issue.goal = goal.strip()
    session.flush()


def update_agenda_item(
    session: Session,
    item_id: str,
    *,
    title: str | None = None,
    notes: str | None = None,
    resolution: str | None = None,
    shows_results: bool | None = None,
    record: str | None = None,
    day_id: str | None = None,
) -> None:
    """Change an agenda item; ``day_id=""`` takes it off its day."""
    item = _live(session, AgendaItem, item_id)
    if record is not None:
        item.record = record.strip()
    if day_id is not None:
        item.day_id = _check_day(session, item.workshop_id, day_id or None)
    if title is not None:
        item.title = _require_title(title)
    if notes is not None:
        item.notes = notes.strip()
    if resolution is not None:
        item.resolution = resolution.strip()
    if shows_results:  # one item reports the workshop's results: the others stop
        for other in session.scalars(
            select(AgendaItem).where(AgendaItem.workshop_id == item.workshop_id)
        ):
            other.shows_results = False
    if shows_results is not None:
        item.shows_results = shows_results
    session.flush()


def delete_numbered(session: Session, model: type[Numbered], row_id: str) -> list[str]:
    """Tombstone an issue or agenda item and close the gap in the numbering; returns
    the ids of the sub-items deleted with an agenda item (for ``restore_numbered``)."""
    row = _live(session, model, row_id)
    row.deleted = True
    with_it: list[str] = []
    if isinstance(row, AgendaItem):  # its sub-items go with it
        for sub in _numbered(session, AgendaItem, row.workshop_id, row.id):
            sub.deleted = True
            with_it.append(sub.id)
    session.flush()
    _renumber(_siblings(session, row))
    session.flush()
    return with_it


def restore_numbered(
    session: Session,
    model: type[Numbered],
    row_id: str,
    number: int,
    sub_item_ids: Sequence[str] = (),
) -> None:
    """Bring a deleted issue or agenda item back as number ``number`` among its
    siblings, with the sub-items deleted with it (undoing ``delete_numbered``)."""
    row = session.get(model, row_id)
    if row is None:
        thai, english = (
            ("ระเบียบวาระ", "agenda item") if model is AgendaItem else ("ประเด็น", "issue")
        )
        raise UserError(f"ไม่พบ{thai}รหัส {row_id}", f"no {english} with id {row_id}")
    if isinstance(row, AgendaItem) and row.parent_id is not None:
        parent = session.get(AgendaItem, row.parent_id)
        if parent is None or parent.deleted:  # deleted elsewhere since (sync)
            raise UserError(
                f"นำระเบียบวาระ '{row.title}' กลับมาไม่ได้ เพราะวาระหลักของวาระนี้ถูกลบแล้ว",
                f"cannot bring back agenda item '{row.title}': its parent item was deleted",
            )
    _live_workshop(session, row.workshop_id)
    siblings = _siblings(session, row)
    siblings = [s for s in siblings if s.id != row.id]
    siblings.insert(max(0, min(len(siblings), number - 1)), row)
    row.deleted = False
    for sub_id in sub_item_ids:
        sub = session.get(AgendaItem, sub_id)
        if sub is not None and sub.parent_id == row.id:
            sub.deleted = False
    _renumber(siblings)
    session.flush()


def move_numbered(session: Session, model: type[Numbered], row_id: str, offset: int) -> None:
    """Move an issue or agenda item up (offset -1) or down (+1) the list."""
    row = _live(session, model, row_id)
    move_within(_siblings(session, row), row, offset)
    session.flush()


def _check_day(session: Session, workshop_id: str, day_id: str | None) -> str | None:
    if day_id is None:
        return None
    day = session.get(MeetingDay, day_id)
    if day is None or day.deleted or day.workshop_id != workshop_id:
        raise UserError(
            f"ไม่พบวันประชุมรหัส {day_id} ในงานประชุมนี้", f"no meeting day {day_id} in this workshop"
        )
    return day.id


# --- Sectors ----------------------------------------------------------------------------

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def _sectors(session: Session, workshop_id: str) -> list[Sector]:
    return live_rows(session, Sector, workshop_id, (Sector.position, Sector.created_hlc))


def list_sectors(session: Session, workshop_id: str) -> list[SectorRow]:
    return [SectorRow(s.id, s.position, s.name, s.colour) for s in _sectors(session, workshop_id)]


def _check_sector_name(session: Session, workshop_id: str, name: str, own_id: str = "") -> str:
    name = normalize_thai(name)
    if not name:
        raise UserError("กรุณาใส่ชื่อภาคส่วน", "the sector needs a name")
    for sector in _sectors(session, workshop_id):
        if sector.id != own_id and normalize_thai(sector.name).casefold() == name.casefold():
            raise UserError(f"มีภาคส่วน '{name}' อยู่แล้ว", f"there is already a sector '{name}'")
    return name


def _check_colour(colour: str) -> str:
    if not _COLOUR.match(colour):
        raise UserError(
            f"สี '{colour}' ไม่ถูกต้อง (รูปแบบ #rrggbb)", f"colour '{colour}' is not #rrggbb"
        )
    return colour.lower()


def add_sector(session: Session, workshop_id: str, name: str, colour: str = "#808080") -> str:
    _live_workshop(session, workshop_id)
    sector = Sector(
        workshop_id=workshop_id,
        position=len(_sectors(session, workshop_id)) + 1,
        name=_check_sector_name(session, workshop_id, name),
        colour=_check_colour(colour),
    )
    session.add(sector)
    session.flush()
    return sector.id


def _live_sector(session: Session, sector_id: str) -> Sector:
    return live_row(session, Sector, sector_id, "ภาคส่วน", "sector")


def update_sector(
    session: Session, sector_id: str, *, name: str | None = None, colour: str | None = None
) -> None:
    sector = _live_sector(session, sector_id)
    if name is not None:
        sector.name = _check_sector_name(session, sector.workshop_id, name, own_id=sector.id)
    if colour is not None:
        sector.colour = _check_colour(colour)
    session.flush()


def delete_sector(session: Session, sector_id: str) -> None:
    """Tombstone a sector that nobody belongs to."""
    sector = _live_sector(session, sector_id)
    members = session.scalar(
        select(func.count()).where(Attendee.sector_id == sector_id, ~Attendee.deleted)
    )
    if members:
        raise UserError(
            f"ลบภาคส่วน '{sector.name}' ไม่ได้ เพราะมีผู้เข้าร่วม {members} คนอยู่ในภาคส่วนนี้",
            f"cannot delete sector '{sector.name}': {members} attendees belong to it",
        )
    sector.deleted = True
    session.flush()
    _renumber(_sectors(session, sector.workshop_id), "position")
    session.flush()


def restore_sector(session: Session, sector_id: str, position: int) -> None:
    """Bring a deleted sector back at ``position`` in the list (undoing
    ``delete_sector``); refused if another sector took its name meanwhile."""
    sector = session.get(Sector, sector_id)
    if sector is None:
        raise UserError(f"ไม่พบภาคส่วนรหัส {sector_id}", f"no sector with id {sector_id}")
    _live_workshop(session, sector.workshop_id)
    _check_sector_name(session, sector.workshop_id, sector.name, own_id=sector.id)
    others = [s for s in _sectors(session, sector.workshop_id) if s.id != sector.id]
    others.insert(max(0, min(len(others), position - 1)), sector)
    sector.deleted = False
    _renumber(others, "position")
    session.flush()


def move_sector(session: Session, sector_id: str, offset: int) -> None:
    sector = _live_sector(session, sector_id)
    move_within(_sectors(session, sector.workshop_id), sector, offset, "position")
    session.flush()
