"""The scripting API: what a secretariat does to carry a meeting, as plain functions.

Every function takes the database file first (a path), then ids and plain values
(text, numbers, dates, times), and returns ids or frozen rows of plain data: never ORM
objects, never a session to manage. Each call that changes something is one
transaction: it is committed whole, or (on a ``UserError``, whose message names what is
wrong, in Thai and English) nothing changes. ``__all__`` is the contract; a test pins
it, so a change to it is deliberate. See docs/api.md.

    from workshop_app import api
    db = "hearing.sqlite"
    w = api.create_workshop(db, "ประชุมรับฟังความคิดเห็น...", "public_hearing")
    day = api.add_day(db, w, datetime.date(2024, 3, 14), "09.00", "12.00")
    ...
    api.export_minutes(db, w, "minutes.pdf")
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal, TypeVar
from urllib.parse import urlsplit

from sqlalchemy.orm import Session

from workshop_app.db.database import Database, open_database
from workshop_app.errors import UserError
from workshop_app.models import AgendaItem, Attendee, AttendeeRole, StrategicIssue, WorkshopKind
from workshop_app.participation import ParticipantServer
from workshop_app.services import (
    attendees,
    ideas,
    meetings,
    minutes,
    phones,
    projects,
    voting,
    workshops,
)
from workshop_app.services.attendees import AttendeeRow
from workshop_app.services.ideas import IdeaRow
from workshop_app.services.meetings import (
    CommentRow,
    DayRow,
    GroupRow,
    MemberRow,
    MotionResult,
    Quorum,
    RoleRow,
)
from workshop_app.services.minutes import MinutesContent
from workshop_app.services.vote_counting import Mark
from workshop_app.services.workshops import NumberedRow, SectorRow, WorkshopDetails

__all__ = [
    "UserError",
    "add_agenda_item",
    "add_attendee",
    "add_comment",
    "add_day",
    "add_group",
    "add_issue",
    "add_motion",
    "add_project",
    "add_role",
    "add_sector",
    "agenda",
    "cast_ballot",
    "cast_motion_vote",
    "check_in",
    "close",
    "close_round",
    "comments",
    "create_round",
    "create_workshop",
    "days",
    "delete_agenda_item",
    "delete_issue",
    "export_hearing_summary",
    "export_minutes",
    "export_phone_cards",
    "export_signin_sheet",
    "find_attendee",
    "groups",
    "idea_list",
    "issues",
    "list_workshops",
    "members",
    "minutes_content",
    "motion_results",
    "people",
    "quorum",
    "roles",
    "sectors",
    "set_chair",
    "set_comment_answer",
    "set_member",
    "set_member_order",
    "set_motion_counts",
    "set_stand_in",
    "start_phone_server",
    "undo_check_in",
    "update_agenda_item",
    "update_workshop",
    "workshop",
]

T = TypeVar("T")
PHONE_PORT = 8765  # the participant server's port unless told otherwise (serve --port)
_open: dict[Path, Database] = {}


def _database(db: str | Path) -> Database:
    path = Path(db).expanduser().resolve()
    if path not in _open:
        _open[path] = open_database(path)
    return _open[path]


def _write(db: str | Path, action: Callable[[Session], T]) -> T:
    with _database(db).transaction() as session:
        return action(session)


def _read(db: str | Path, query: Callable[[Session], T]) -> T:
    with _database(db).session() as session:
        return query(session)


def close(db: str | Path | None = None) -> None:
    """Close one database file (or every one this module opened)."""
    paths = list(_open) if db is None else [Path(db).expanduser().resolve()]
    for path in paths:
        database = _open.pop(path, None)
        if database is not None:
            database.close()


def _issue_id(session: Session, workshop_id: str, number: int) -> str:
    """The id of the workshop's strategic issue numbered ``number``."""
    issue = next(
        (i for i in workshops.list_issues(session, workshop_id) if i.number == number), None
    )
    if issue is None:
        raise UserError(f"ไม่พบประเด็นการพัฒนาที่ {number}", f"no issue number {number}")
    return issue.id


def _time(value: str | dt.time | None) -> dt.time | None:
    return workshops.parse_time(value) if isinstance(value, str) else value


# --- Workshops ------------------------------------------------------------------------


def create_workshop(
    db: str | Path,
    title: str,
    kind: str = WorkshopKind.PLAN_REVIEW_ANNUAL.value,
    *,
    province: str = "",
    start_date: dt.date | None = None,
    venue: str = "",
) -> str:
    """A new workshop from the preset of its kind (goal_20_year, district_strategy,
    plan_review_annual, public_hearing, committee_meeting, other); returns its id."""
    try:
        chosen = WorkshopKind(kind)
    except ValueError:
        raise UserError(
            f"ไม่รู้จักประเภทงานประชุม '{kind}'", f"unknown workshop kind '{kind}'"
        ) from None
    return _write(
        db,
        lambda s: workshops.create_workshop(
            s, title, chosen, province=province, start_date=start_date, venue=venue
        ),
    )


def list_workshops(db: str | Path) -> list[workshops.WorkshopSummary]:
    """Every workshop in the file, newest first."""
    return _read(db, workshops.list_workshops)


def workshop(db: str | Path, workshop_id: str) -> WorkshopDetails:
    """Every field of a workshop."""
    return _read(db, lambda s: workshops.get_workshop(s, workshop_id))


def update_workshop(db: str | Path, workshop_id: str, **changes: Any) -> WorkshopDetails:
    """Change fields of ``WorkshopDetails`` (times may be given as "09.30")."""
    for name in ("start_time", "end_time"):
        if name in changes:
            changes[name] = _time(changes[name])
    return _write(db, lambda s: workshops.update_workshop(s, workshop_id, **changes))


def set_chair(
    db: str | Path,
    workshop_id: str,
    *,
    attendee_id: str | None = None,
    name: str = "",
    position: str = "",
    on_behalf_of: str = "",
    away_reason: str = "",
) -> WorkshopDetails:
    """Who chairs the meeting: a registered person (``attendee_id``) or a name and
    position; ``on_behalf_of`` whom they chair for (e.g. "ผู้ว่าราชการจังหวัดน่าน") and
    why that person is away (default ติดราชการ)."""

    def action(session: Session) -> WorkshopDetails:
        chair_name, chair_position = name, position
        if attendee_id is not None:
            person = attendees.get_attendee(session, attendee_id)
            chair_name = chair_name or person.full_name
            chair_position = chair_position or person.position
        if not chair_name:
            raise UserError("กรุณาระบุประธานในที่ประชุม", "name the chair of the meeting")
        return workshops.update_workshop(
            session,
            workshop_id,
            chair=chair_name,
            chair_position=chair_position,
            chair_attendee_id=attendee_id,
            chair_on_behalf_of=on_behalf_of,
            chair_away_reason=away_reason,
        )

    return _write(db, action)


def sectors(db: str | Path, workshop_id: str) -> list[SectorRow]:
    """The sectors in order."""
    return _read(db, lambda s: workshops.list_sectors(s, workshop_id))


def add_sector(db: str | Path, workshop_id: str, name: str, colour: str = "#808080") -> str:
    """A sector at the end of the list."""
    return _write(db, lambda s: workshops.add_sector(s, workshop_id, name, colour))


def issues(db: str | Path, workshop_id: str) -> list[NumberedRow]:
    """The strategic issues in order."""
    return _read(db, lambda s: workshops.list_issues(s, workshop_id))


def add_issue(db: str | Path, workshop_id: str, title: str, goal: str = "") -> str:
    """A strategic issue at the end of the list."""
    return _write(db, lambda s: workshops.add_issue(s, workshop_id, title, goal))


def delete_issue(db: str | Path, issue_id: str) -> None:
    """Remove an issue (a preset's placeholder, say); the others are renumbered."""
    _write(db, lambda s: workshops.delete_numbered(s, StrategicIssue, issue_id))


# --- Days and agenda ----------------------------------------------------------------------


def days(db: str | Path, workshop_id: str) -> list[DayRow]:
    """The days of the meeting in date order."""
    return _read(db, lambda s: meetings.list_days(s, workshop_id))


def add_day(
    db: str | Path,
    workshop_id: str,
    date: dt.date,
    start_time: str | dt.time | None = None,
    end_time: str | dt.time | None = None,
) -> str:
    """A day of the meeting with its times ("09.00"); the workshop's dates follow its days."""
    return _write(
        db, lambda s: meetings.add_day(s, workshop_id, date, _time(start_time), _time(end_time))
    )


def agenda(db: str | Path, workshop_id: str) -> list[NumberedRow]:
    """The agenda in order, sub-items after their item, with labels "5", "5.1" ..."""
    return _read(db, lambda s: workshops.list_agenda(s, workshop_id))


def add_agenda_item(
    db: str | Path,
    workshop_id: str,
    title: str,
    notes: str = "",
    *,
    parent_id: str | None = None,
    day_id: str | None = None,
) -> str:
    """An agenda item at the end (or a sub-item, 5.1, under ``parent_id``), on a day."""
    return _write(
        db,
        lambda s: workshops.add_agenda_item(
            s, workshop_id, title, notes, parent_id=parent_id, day_id=day_id
        ),
    )


def update_agenda_item(
    db: str | Path,
    item_id: str,
    *,
    title: str | None = None,
    notes: str | None = None,
    record: str | None = None,
    resolution: str | None = None,
    shows_results: bool | None = None,
    day_id: str | None = None,
) -> None:
    """``notes`` is the item's setup; ``record`` what the meeting said (the minutes)."""
    _write(
        db,
        lambda s: workshops.update_agenda_item(
            s,
            item_id,
            title=title,
            notes=notes,
            record=record,
            resolution=resolution,
            shows_results=shows_results,
            day_id=day_id,
        ),
    )


def delete_agenda_item(db: str | Path, item_id: str) -> None:
    """Remove an agenda item (with its sub-items); the others are renumbered."""
    _write(db, lambda s: workshops.delete_numbered(s, AgendaItem, item_id))


# --- People, the body, stand-ins, check-in --------------------------------------------------


def people(db: str | Path, workshop_id: str) -> list[AttendeeRow]:
    """Everyone registered, in Thai name order."""
    return _read(db, lambda s: attendees.list_attendees(s, workshop_id))


def add_attendee(
    db: str | Path,
    workshop_id: str,
    first_name: str,
    last_name: str = "",
    *,
    sector: str,
    prefix: str = "",
    position: str = "",
    organisation: str = "",
    role: str | None = None,
    absence_reason: str = "",
    stands_in_for: str = "",
) -> str:
    """Register a person on the invitation list; ``sector`` by name; ``role`` a role of
    the body (by name, added to the list if new) makes them a member; ``stands_in_for``
    whom they sit for when that person is no member (else use ``set_stand_in``)."""

    def action(session: Session) -> str:
        sector_id = next(
            (x.id for x in workshops.list_sectors(session, workshop_id) if x.name == sector),
            None,
        )
        if sector_id is None:
            raise UserError(f"ไม่พบภาคส่วน '{sector}'", f"no sector '{sector}'")
        draft = attendees.AttendeeDraft(
            first_name,
            sector_id,
            last_name,
            prefix,
            position,
            organisation,
            role=AttendeeRole.MEMBER.value if role else AttendeeRole.PARTICIPANT.value,
            absence_reason=absence_reason,
            stands_in_for=stands_in_for,
        )
        attendee_id = attendees.add_attendee(session, workshop_id, draft)
        if role:
            meetings.set_member(
                session, attendee_id, meetings.find_role(session, workshop_id, role)
            )
        return attendee_id

    return _write(db, action)


def find_attendee(db: str | Path, workshop_id: str, text: str) -> str:
    """The id of the one person whose name (or code) matches ``text``."""
    found = _read(db, lambda s: attendees.search_attendees(s, workshop_id, text, limit=2))
    if len(found) != 1:
        raise UserError(
            f"ค้นหา '{text}' พบ {len(found)} คน (ต้องพบคนเดียว)",
            f"'{text}' matches {len(found)} people (one wanted)",
        )
    return found[0].id


def check_in(
    db: str | Path,
    attendee_id: str,
    *,
    day_id: str | None = None,
    at: dt.datetime | None = None,
) -> bool:
    """Check a person in (on a day); return whether they were checked in already."""
    return _write(
        db, lambda s: attendees.check_in(s, attendee_id, at, day_id=day_id).already_checked_in
    )


def undo_check_in(db: str | Path, attendee_id: str, *, day_id: str | None = None) -> None:
    """Take back a check-in (of one day, or of every day)."""
    _write(db, lambda s: attendees.undo_check_in(s, attendee_id, day_id=day_id))


def roles(db: str | Path, workshop_id: str) -> list[RoleRow]:
    """The roles of the body in protocol order."""
    return _read(db, lambda s: meetings.list_roles(s, workshop_id))


def add_role(db: str | Path, workshop_id: str, name: str) -> str:
    """A role of the body at the end of the protocol order."""
    return _write(db, lambda s: meetings.add_role(s, workshop_id, name))


def members(db: str | Path, workshop_id: str) -> list[MemberRow]:
    """The body's members in their order, with their roles."""
    return _read(db, lambda s: meetings.list_members(s, workshop_id))


def set_member(db: str | Path, attendee_id: str, role: str | None) -> None:
    """Make a person a member in ``role`` (by name), or no longer a member (None)."""

    def action(session: Session) -> None:
        person = session.get(Attendee, attendee_id)
        if person is None or person.deleted:
            raise UserError(f"ไม่พบผู้เข้าร่วมรหัส {attendee_id}", f"no attendee {attendee_id}")
        workshop_id = person.workshop_id
        role_id = meetings.find_role(session, workshop_id, role) if role else None
        meetings.set_member(session, attendee_id, role_id)

    _write(db, action)


def set_member_order(db: str | Path, workshop_id: str, attendee_ids: list[str]) -> None:
    """The members in this order (every member once), as after a drag."""
    _write(db, lambda s: meetings.set_member_order(s, workshop_id, attendee_ids))


def set_stand_in(db: str | Path, stand_in_id: str, member_id: str | None) -> None:
    """``stand_in_id`` sits for the member ``member_id`` (None: no longer)."""
    _write(db, lambda s: meetings.set_stand_in(s, stand_in_id, member_id))


def quorum(db: str | Path, workshop_id: str, day_id: str | None = None) -> Quorum:
    """Members, members present (in person or through a stand-in), and the quorum."""
    return _read(db, lambda s: meetings.quorum(s, workshop_id, day_id))


# --- Motions ----------------------------------------------------------------------------------


def add_motion(db: str | Path, agenda_item_id: str, text: str) -> str:
    """A question put to the members under an agenda item."""
    return _write(db, lambda s: meetings.add_motion(s, agenda_item_id, text))


def cast_motion_vote(db: str | Path, motion_id: str, attendee_id: str, choice: str) -> None:
    """``choice``: "for" (เห็นชอบ), "against" (ไม่เห็นชอบ) or "abstain" (งดออกเสียง)."""
    _write(db, lambda s: meetings.cast_motion_vote(s, motion_id, attendee_id, choice))


def set_motion_counts(
    db: str | Path, motion_id: str, for_votes: int, against: int = 0, abstain: int = 0
) -> None:
    """A show of hands: for, against and abstain, at most one per member present."""
    _write(db, lambda s: meetings.set_motion_counts(s, motion_id, for_votes, against, abstain))


def motion_results(db: str | Path, agenda_item_id: str) -> list[MotionResult]:
    """The motions of an agenda item with their counts."""
    return _read(db, lambda s: meetings.motion_results(s, agenda_item_id))


# --- Ideas, comments, groups ------------------------------------------------------------------


def add_comment(
    db: str | Path,
    workshop_id: str,
    issue_number: int,
    text: str,
    *,
    commenter: str = "",
    organisation: str = "",
    anonymous: bool = False,
    answer: str = "",
    plan_change: str = "",
    group: str = "",
    sector: str | None = None,
) -> str:
    """An idea or comment under issue ``issue_number``, with who made it (or anonymous),
    the province's answer and the plan change; ``group`` the breakout group."""

    def action(session: Session) -> str:
        issue_id = _issue_id(session, workshop_id, issue_number)
        sector_id = None
        if sector is not None:
            sector_id = next(
                (x.id for x in workshops.list_sectors(session, workshop_id) if x.name == sector),
                None,
            )
        draft = ideas.IdeaDraft(text, sector_id=sector_id, breakout_group=group)
        idea_id = ideas.add_idea(session, workshop_id, issue_id, draft)
        meetings.set_comment_details(
            session,
            idea_id,
            commenter_name=commenter,
            commenter_organisation=organisation,
            anonymous=anonymous,
            answer=answer,
            plan_change=plan_change,
        )
        return idea_id

    return _write(db, action)


def set_comment_answer(
    db: str | Path, idea_id: str, answer: str, plan_change: str | None = None
) -> None:
    """The province's answer (คำชี้แจง) to a comment, and the change in the plan."""
    _write(
        db,
        lambda s: meetings.set_comment_details(s, idea_id, answer=answer, plan_change=plan_change),
    )


def comments(db: str | Path, workshop_id: str) -> list[CommentRow]:
    """The comments with commenter (or ไม่ประสงค์ออกนาม), answer and plan change."""
    return _read(db, lambda s: meetings.list_comments(s, workshop_id))


def add_group(
    db: str | Path,
    workshop_id: str,
    name: str,
    *,
    issue_number: int | None = None,
    facilitator: str = "",
    presenter: str = "",
    report: str = "",
) -> str:
    """A breakout group (by issue or district) with its facilitator, presenter and report."""

    def action(session: Session) -> str:
        issue_id = None
        if issue_number is not None:
            issue_id = next(
                (
                    i.id
                    for i in workshops.list_issues(session, workshop_id)
                    if i.number == issue_number
                ),
                None,
            )
        return meetings.add_group(
            session,
            workshop_id,
            name,
            issue_id=issue_id,
            facilitator=facilitator,
            presenter=presenter,
            report=report,
        )

    return _write(db, action)


def groups(db: str | Path, workshop_id: str) -> list[GroupRow]:
    """The breakout groups in order."""
    return _read(db, lambda s: meetings.list_groups(s, workshop_id))


def idea_list(db: str | Path, workshop_id: str) -> list[IdeaRow]:
    """The ideas on the board (cards not merged away), issue then board order."""
    return _read(db, lambda s: ideas.list_ideas(s, workshop_id))


# --- Participants' phones ------------------------------------------------------------------


def start_phone_server(
    db: str | Path,
    workshop_id: str,
    *,
    host: str = "0.0.0.0",
    port: int = 8765,
    issue_number: int | None = None,
) -> ParticipantServer:
    """Serve the participants' page and API (docs/participant-api.md) for one workshop, in
    a thread of its own; returns the running server (``.url`` is the address phones
    use; call ``.stop()`` when done). ``host``: the interface to listen on ("0.0.0.0":
    every one); ``issue_number``: open this strategic issue to ideas from phones."""
    database = _database(db)
    with database.transaction() as session:
        workshops.get_workshop(session, workshop_id)  # refuses an unknown workshop
        if issue_number is not None:
            phones.set_phone_issue(
                session, workshop_id, _issue_id(session, workshop_id, issue_number)
            )
    server = ParticipantServer(
        database.session, workshop_id, host, port, write_gate=database.write_gate.held
    )
    server.start()
    return server


# --- Vote rounds and the action plan ----------------------------------------------------------


def create_round(
    db: str | Path,
    workshop_id: str,
    title: str,
    idea_ids: list[str],
    *,
    method: str = "dots",
    dots_per_voter: int = 5,
    cap_per_idea: int = 2,
    rank_count: int = 3,
) -> str:
    """A vote round on these ideas ("dots", "ranking", "approval"), opened at once."""

    def action(session: Session) -> str:
        draft = voting.RoundDraft(
            title,
            method,
            tuple(idea_ids),
            dots_per_voter=dots_per_voter,
            cap_per_idea=cap_per_idea,
            rank_count=rank_count,
        )
        round_id = voting.create_round(session, workshop_id, draft)
        voting.open_round(session, round_id)
        return round_id

    return _write(db, action)


def cast_ballot(db: str | Path, round_id: str, attendee_id: str, marks: dict[str, int]) -> str:
    """A ballot: ``marks`` maps idea ids to dots (or a rank, or 1 for a yes)."""
    chosen = [Mark(idea_id, value) for idea_id, value in marks.items()]
    return _write(db, lambda s: voting.cast_ballot(s, round_id, attendee_id, chosen))


def close_round(db: str | Path, round_id: str) -> None:
    """Close a vote round: no more ballots."""
    _write(db, lambda s: voting.close_round(s, round_id))


def add_project(
    db: str | Path,
    workshop_id: str,
    issue_number: int,
    name: str,
    *,
    budgets: dict[int, Decimal | int | str] | None = None,
    implementing_agency: str = "",
    funding_source: str = "",
) -> str:
    """A project of the action plan under issue ``issue_number``, with its budget by
    fiscal year (B.E.)."""

    def action(session: Session) -> str:
        issue_id = _issue_id(session, workshop_id, issue_number)
        draft = projects.ProjectDraft(
            issue_id,
            name,
            implementing_agency=implementing_agency,
            funding_source=funding_source,
            budgets=tuple((year, Decimal(amount)) for year, amount in (budgets or {}).items()),
        )
        return projects.add_project(session, workshop_id, draft)

    return _write(db, action)


# --- Documents --------------------------------------------------------------------------------


def minutes_content(
    db: str | Path, workshop_id: str, *, thai_digits: bool = True
) -> MinutesContent:
    """What the minutes say, as plain data."""
    return _read(db, lambda s: minutes.gather_minutes(s, workshop_id, thai_digits=thai_digits))


def export_minutes(
    db: str | Path,
    workshop_id: str,
    path: str | Path,
    *,
    thai_digits: bool = True,
    with_appendix: bool = True,
) -> None:
    """The minutes as PDF or DOCX (by the file's extension), whole or not at all."""
    out = Path(path)
    if out.suffix.lower() == ".docx":
        from workshop_app.export.docx_minutes import write_minutes_docx

        _read(
            db,
            lambda s: write_minutes_docx(
                s, workshop_id, out, thai_digits=thai_digits, with_appendix=with_appendix
            ),
        )
    elif out.suffix.lower() == ".pdf":
        from workshop_app.export.pdf.minutes import write_minutes_pdf

        _read(
            db,
            lambda s: write_minutes_pdf(
                s, workshop_id, out, thai_digits=thai_digits, with_appendix=with_appendix
            ),
        )
    else:
        raise UserError(
            f"เขียนรายงานการประชุมเป็น .pdf หรือ .docx เท่านั้น: {out.name}",
            f"the minutes are written as .pdf or .docx only: {out.name}",
        )


def export_hearing_summary(
    db: str | Path, workshop_id: str, path: str | Path, *, thai_digits: bool = True
) -> None:
    """The hearing summary (สรุปผลการรับฟังความคิดเห็น) as PDF: comment, commenter,
    answer and plan change, per issue."""
    from workshop_app.export.pdf.hearing import write_hearing_summary_pdf

    _read(
        db,
        lambda s: write_hearing_summary_pdf(s, workshop_id, Path(path), thai_digits=thai_digits),
    )


def export_signin_sheet(
    db: str | Path,
    workshop_id: str,
    path: str | Path,
    *,
    order: Literal["sector", "name"] = "sector",
    thai_digits: bool = False,
    phone_links: bool = False,
    base_url: str | None = None,
) -> None:
    """The sign-in sheet (by sector or in name order), one part per day of the meeting.
    With ``phone_links`` each row also holds the QR code of the person's personal phone
    link, the same link as their phone card (``base_url`` as for ``export_phone_cards``;
    attendees without a token yet are given one, a write). Off by default: the sheet is
    printed for meetings without phones too."""
    from workshop_app.export.pdf.signin import write_signin_sheet
    from workshop_app.services import phones

    if not phone_links:
        _read(
            db,
            lambda s: write_signin_sheet(
                s, workshop_id, Path(path), order=order, thai_digits=thai_digits
            ),
        )
        return
    url = _phone_base_url(
        base_url, "ที่อยู่ของคิวอาร์โค้ดบนแบบลงทะเบียน", "the sign-in sheet's phone link address"
    )

    def write(session: Session) -> None:
        # In the transaction that issues the missing tokens: a sheet that could not be
        # written leaves no tokens that no paper carries.
        links = {
            link.attendee_id: link.url for link in phones.phone_links(session, workshop_id, url)
        }
        write_signin_sheet(
            session,
            workshop_id,
            Path(path),
            order=order,
            thai_digits=thai_digits,
            phone_links=links,
        )

    _write(db, write)


def _phone_base_url(base_url: str | None, thai_what: str, english_what: str) -> str:
    """The address phones open, checked (``thai_what``/``english_what`` name what prints
    it in the message); default: this computer's network address and the participant
    server's default port."""
    from workshop_app.participation.server import lan_address

    if base_url is None:
        base_url = f"http://{lan_address()}:{PHONE_PORT}"
    url = base_url.strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UserError(
            f"{thai_what}ต้องขึ้นต้นด้วย http:// และมีชื่อเครื่องหรือเลขไอพี: {base_url}",
            f"{english_what} must start with http:// and name a host: {base_url}",
        )
    return url


def export_phone_cards(
    db: str | Path, workshop_id: str, path: str | Path, *, base_url: str | None = None
) -> None:
    """The phone cards as PDF: each attendee's personal link (``base_url`` + "/#" + their
    token) as a QR code, eight cards an A4 page, whole or not at all. ``base_url``: the
    address phones open (default: this computer's network address and the participant
    server's default port). Attendees without a token yet are given one (a write: the
    file's writer lock is needed)."""
    from workshop_app.export.phone_cards import CardSheet, write_phone_cards
    from workshop_app.services import phones

    url = _phone_base_url(base_url, "ที่อยู่ของบัตร", "the cards' address")

    def gather(session: Session) -> CardSheet:
        details = workshops.get_workshop(session, workshop_id)
        links = phones.phone_links(session, workshop_id, url)
        words = (details.province, *workshops.glossary_words(details.glossary))
        return CardSheet(details.title, links, tuple(w for w in words if w and " " not in w))

    write_phone_cards(_write(db, gather), Path(path))
