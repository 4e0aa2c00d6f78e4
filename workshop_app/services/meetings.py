"""The record of each kind of meeting: the body with its roles and the members' order,
stand-ins, the days of a meeting, motions voted by the members with the quorum,
public-hearing comments with the province's answers, and breakout groups.

Every function validates before it changes anything, and raises ``UserError`` naming
what is wrong; the caller's transaction then leaves the database as it was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workshop_app.db.types import natural_id
from workshop_app.errors import UserError
from workshop_app.models import (
    AgendaItem,
    Attendee,
    AttendeeRole,
    BodyRole,
    BreakoutGroup,
    CheckIn,
    Idea,
    MeetingDay,
    Motion,
    MotionChoice,
    MotionVote,
    StrategicIssue,
    Workshop,
)
from workshop_app.services.attendees import AttendeeRow, get_attendee, list_attendees, present_on
from workshop_app.services.rows import live_row
from workshop_app.services.workshops import move_within
from workshop_app.thai.dates import format_thai_date
from workshop_app.thai.normalize import normalize_thai

CHOICE_LABELS = {
    MotionChoice.FOR.value: "เห็นชอบ",
    MotionChoice.AGAINST.value: "ไม่เห็นชอบ",
    MotionChoice.ABSTAIN.value: "งดออกเสียง",
}
ANONYMOUS = "ไม่ประสงค์ออกนาม"


def _workshop(session: Session, workshop_id: str) -> Workshop:
    return live_row(session, Workshop, workshop_id, "งานประชุม", "workshop")


def _attendee(session: Session, attendee_id: str, what: str = "ผู้เข้าร่วม") -> Attendee:
    return live_row(session, Attendee, attendee_id, what, "attendee")


# --- The body's roles ---------------------------------------------------------------


@dataclass(frozen=True)
class RoleRow:
    id: str
    position: int
    name: str


def _roles(session: Session, workshop_id: str) -> list[BodyRole]:
    return list(
        session.scalars(
            select(BodyRole)
            .where(BodyRole.workshop_id == workshop_id, ~BodyRole.deleted)
            .order_by(BodyRole.position, BodyRole.created_hlc)
        )
    )


def list_roles(session: Session, workshop_id: str) -> list[RoleRow]:
    return [RoleRow(r.id, r.position, r.name) for r in _roles(session, workshop_id)]


def _role_name(session: Session, workshop_id: str, name: str, own_id: str = "") -> str:
    name = normalize_thai(name)
    if not name:
        raise UserError("กรุณาใส่ชื่อตำแหน่งในคณะ", "the role needs a name")
    if any(r.name == name and r.id != own_id for r in _roles(session, workshop_id)):
        raise UserError(f"มีตำแหน่ง '{name}' อยู่แล้ว", f"there is already a role '{name}'")
    return name


def add_role(session: Session, workshop_id: str, name: str) -> str:
    """Add a role at the end of the list (protocol order)."""
    _workshop(session, workshop_id)
    role = BodyRole(
        workshop_id=workshop_id,
        position=len(_roles(session, workshop_id)) + 1,
        name=_role_name(session, workshop_id, name),
    )
    session.add(role)
    session.flush()
    return role.id


def _live_role(session: Session, role_id: str) -> BodyRole:
    return live_row(session, BodyRole, role_id, "ตำแหน่งในคณะ", "role")


def rename_role(session: Session, role_id: str, name: str) -> None:
    role = _live_role(session, role_id)
    role.name = _role_name(session, role.workshop_id, name, role.id)
    session.flush()


def move_role(session: Session, role_id: str, offset: int) -> None:
    role = _live_role(session, role_id)
    move_within(_roles(session, role.workshop_id), role, offset, "position")
    session.flush()


def delete_role(session: Session, role_id: str) -> None:
    """Remove a role nobody holds."""
    role = _live_role(session, role_id)
    holders = [
        f"{a.prefix}{a.first_name} {a.last_name}".strip()
        for a in session.scalars(
            select(Attendee)
            .where(Attendee.body_role_id == role.id, ~Attendee.deleted)
            .order_by(Attendee.code)
        )
    ]
    if holders:
        # Naming who holds it tells the user whom to give another role first.
        names = ", ".join(holders)
        raise UserError(
            f"ลบตำแหน่ง '{role.name}' ไม่ได้ เพราะ {names} ดำรงตำแหน่งนี้อยู่",
            f"cannot delete role '{role.name}': {names} hold it",
        )
    role.deleted = True
    for position, other in enumerate(_roles(session, role.workshop_id), start=1):
        if other.position != position:
            other.position = position
    session.flush()


def restore_role(session: Session, role_id: str, position: int) -> None:
    """Bring a deleted role back at its place in the list (undoing ``delete_role``)."""
    role = session.get(BodyRole, role_id)
    if role is None:
        raise UserError(f"ไม่พบตำแหน่งในคณะรหัส {role_id}", f"no role with id {role_id}")
    others = _roles(session, role.workshop_id)
    role.name = _role_name(session, role.workshop_id, role.name, role.id)
    others.insert(max(0, min(len(others), position - 1)), role)
    role.deleted = False
    for number, other in enumerate(others, start=1):
        if other.position != number:
            other.position = number
    session.flush()


def find_role(session: Session, workshop_id: str, name: str) -> str:
    """The id of the role called ``name`` (added at the end if the list lacks it)."""
    name = normalize_thai(name)
    for role in _roles(session, workshop_id):
        if role.name == name:
            return role.id
    return add_role(session, workshop_id, name)


# --- Members -------------------------------------------------------------------------


@dataclass(frozen=True)
class MemberRow:
    attendee: AttendeeRow
    role: str  # the role's name ("" when none was given)
    number: int  # place in the member list, from 1


def _members(session: Session, workshop_id: str) -> list[Attendee]:
    """The members in their order: the order the user set, else by role (protocol
    order), then by the order of the list they came from (registration code)."""
    roles = {r.id: r.position for r in _roles(session, workshop_id)}
    members = session.scalars(
        select(Attendee).where(
            Attendee.workshop_id == workshop_id,
            ~Attendee.deleted,
            Attendee.role == AttendeeRole.MEMBER.value,
        )
    )

    def key(member: Attendee) -> tuple[int, int, int, int]:
        ordered = member.member_order is not None
        role = roles.get(member.body_role_id or "", len(roles) + 1)
        return (0 if ordered else 1, member.member_order or 0, role, member.code)

    return sorted(members, key=key)


def list_members(session: Session, workshop_id: str) -> list[MemberRow]:
    roles = {r.id: r.name for r in _roles(session, workshop_id)}
    return [
        MemberRow(get_attendee(session, m.id), roles.get(m.body_role_id or "", ""), number)
        for number, m in enumerate(_members(session, workshop_id), start=1)
    ]


def set_member(session: Session, attendee_id: str, role_id: str | None) -> None:
    """Make a person a member of the body in a role, or (``role_id`` None) no longer a
    member. A stand-in is never made a member: they sit for one."""
    attendee = _attendee(session, attendee_id)
    if role_id is None:
        if session.scalar(
            select(func.count()).where(Attendee.stand_in_for_id == attendee.id, ~Attendee.deleted)
        ):
            raise UserError(
                "ยกเลิกการเป็นกรรมการไม่ได้ เพราะมีผู้มาประชุมแทนบุคคลนี้ กรุณายกเลิกผู้มาประชุมแทนก่อน",
                "this member has a stand-in: remove the stand-in first",
            )
        attendee.role = AttendeeRole.PARTICIPANT.value
        attendee.body_role_id = None
        attendee.member_order = None
        session.flush()
        return
    role = _live_role(session, role_id)
    if role.workshop_id != attendee.workshop_id:
        raise UserError("ตำแหน่งนี้เป็นของงานประชุมอื่น", "the role belongs to another workshop")
    if attendee.stand_in_for_id is not None:
        raise UserError(
            f"{attendee.first_name} {attendee.last_name} มาประชุมแทนกรรมการ จึงตั้งเป็นกรรมการไม่ได้",
            "a stand-in cannot be made a member",
        )
    attendee.role = AttendeeRole.MEMBER.value
    attendee.body_role_id = role.id
    session.flush()


def set_member_order(session: Session, workshop_id: str, attendee_ids: list[str]) -> None:
    """Put the members in this order (after a drag): every member exactly once."""
    members = {m.id: m for m in _members(session, workshop_id)}
    if sorted(attendee_ids) != sorted(members):
        raise UserError(
            "ลำดับกรรมการต้องมีกรรมการทุกคนครบ คนละหนึ่งครั้ง",
            "the member order must name every member exactly once",
        )
    for number, attendee_id in enumerate(attendee_ids, start=1):
        if members[attendee_id].member_order != number:
            members[attendee_id].member_order = number
    session.flush()


def move_member(session: Session, attendee_id: str, offset: int) -> None:
    """Move a member up (offset -1) or down (+1) the list; the whole order is then kept
    as the user's."""
    attendee = _attendee(session, attendee_id)
    members = _members(session, attendee.workshop_id)
    if attendee not in members:
        raise UserError("บุคคลนี้ไม่ได้เป็นกรรมการ", "this person is not a member")
    move_within(members, attendee, offset, "member_order")
    session.flush()


def member_orders(session: Session, workshop_id: str) -> dict[str, int | None]:
    """Each member's place as the user set it (None: the default order), to be put back
    by ``restore_member_orders`` when a reordering is undone."""
    return {m.id: m.member_order for m in _members(session, workshop_id)}


def restore_member_orders(
    session: Session, workshop_id: str, orders: dict[str, int | None]
) -> None:
    for member in _members(session, workshop_id):
        if member.id in orders and member.member_order != orders[member.id]:
            member.member_order = orders[member.id]
    session.flush()


def reset_member_order(session: Session, workshop_id: str) -> None:
    """Back to the default order: by role, then the order of the imported list."""
    for member in _members(session, workshop_id):
        member.member_order = None
    session.flush()


# --- Stand-ins -------------------------------------------------------------------------


def set_stand_in(session: Session, stand_in_id: str, member_id: str | None) -> None:
    """Record that a person sits for a member ("... มาประชุมแทน ..."), or (None) not."""
    stand_in = _attendee(session, stand_in_id)
    if member_id is None:
        stand_in.stand_in_for_id = None
        session.flush()
        return
    member = _attendee(session, member_id, "กรรมการ")
    name = f"{member.prefix}{member.first_name} {member.last_name}".strip()
    if member.workshop_id != stand_in.workshop_id or member.role != AttendeeRole.MEMBER.value:
        raise UserError(
            f"{name} ไม่ได้เป็นกรรมการของคณะนี้ จึงมีผู้มาประชุมแทนไม่ได้",
            f"{member.first_name} {member.last_name} is not a member of this body: "
            "nobody can stand in for them",
        )
    if stand_in.id == member.id or stand_in.role == AttendeeRole.MEMBER.value:
        raise UserError(
            "กรรมการมาประชุมแทนกรรมการด้วยกันไม่ได้", "a member cannot stand in for a member"
        )
    other = session.scalar(
        select(Attendee).where(
            Attendee.stand_in_for_id == member.id, ~Attendee.deleted, Attendee.id != stand_in.id
        )
    )
    if other is not None:
        raise UserError(
            f"{name} มีผู้มาประชุมแทนแล้ว ({other.first_name} {other.last_name})",
            f"{member.first_name} {member.last_name} already has a stand-in",
        )
    stand_in.stand_in_for_id = member.id
    session.flush()


# --- Days ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class DayRow:
    id: str
    number: int  # วันที่ 1, 2 ... of the meeting
    date: dt.date
    start_time: dt.time | None
    end_time: dt.time | None


def _days(session: Session, workshop_id: str) -> list[MeetingDay]:
    return list(
        session.scalars(
            select(MeetingDay)
            .where(MeetingDay.workshop_id == workshop_id, ~MeetingDay.deleted)
            .order_by(MeetingDay.date)
        )
    )


def list_days(session: Session, workshop_id: str) -> list[DayRow]:
    return [
        DayRow(d.id, n, d.date, d.start_time, d.end_time)
        for n, d in enumerate(_days(session, workshop_id), start=1)
    ]


def _check_times(start: dt.time | None, end: dt.time | None) -> None:
    if start and end and end <= start:
        raise UserError(
            f"เวลาเลิกประชุม {end:%H.%M} น. ต้องหลังเวลาเริ่ม {start:%H.%M} น.",
            f"the end time {end:%H:%M} must be after the start time {start:%H:%M}",
        )


def _span_days(workshop: Workshop, days: list[MeetingDay]) -> None:
    """The workshop's dates and times follow its days."""
    if days:
        workshop.start_date, workshop.end_date = days[0].date, days[-1].date
        workshop.start_time, workshop.end_time = days[0].start_time, days[-1].end_time


def add_day(
    session: Session,
    workshop_id: str,
    date: dt.date,
    start_time: dt.time | None = None,
    end_time: dt.time | None = None,
) -> str:
    workshop = _workshop(session, workshop_id)
    _check_times(start_time, end_time)
    if any(d.date == date for d in _days(session, workshop_id)):
        raise UserError(
            f"มีวันประชุม {format_thai_date(date)} อยู่แล้ว", f"{date.isoformat()} is a day already"
        )
    day = MeetingDay(workshop_id=workshop_id, date=date, start_time=start_time, end_time=end_time)
    session.add(day)
    session.flush()
    _span_days(workshop, _days(session, workshop_id))
    session.flush()
    return day.id


def _live_day(session: Session, day_id: str) -> MeetingDay:
    return live_row(session, MeetingDay, day_id, "วันประชุม", "meeting day")


def update_day(
    session: Session,
    day_id: str,
    *,
    date: dt.date | None = None,
    start_time: dt.time | None = None,
    end_time: dt.time | None = None,
) -> None:
    day = _live_day(session, day_id)
    new_date = date or day.date
    if any(d.date == new_date and d.id != day.id for d in _days(session, day.workshop_id)):
        raise UserError(
            f"มีวันประชุม {format_thai_date(new_date)} อยู่แล้ว",
            f"{new_date.isoformat()} is a day already",
        )
    start = start_time or day.start_time
    end = end_time or day.end_time
    _check_times(start, end)
    day.date, day.start_time, day.end_time = new_date, start, end
    session.flush()
    _span_days(_workshop(session, day.workshop_id), _days(session, day.workshop_id))
    session.flush()


def delete_day(session: Session, day_id: str) -> None:
    """Remove a day nobody checked in on and no agenda item belongs to."""
    day = _live_day(session, day_id)
    used = session.scalar(
        select(func.count()).where(CheckIn.day_id == day.id, ~CheckIn.deleted)
    ) or session.scalar(
        select(func.count()).where(AgendaItem.day_id == day.id, ~AgendaItem.deleted)
    )
    if used:
        raise UserError(
            f"ลบวันประชุม {format_thai_date(day.date)} ไม่ได้ เพราะมีการลงทะเบียนหรือระเบียบวาระในวันนั้น",
            f"cannot delete {day.date.isoformat()}: people checked in or agenda items on it",
        )
    day.deleted = True
    session.flush()


# --- Quorum and motions --------------------------------------------------------------------


@dataclass(frozen=True)
class Quorum:
    members: int
    present: int  # members present themselves or through a stand-in
    required: int
    set_by_user: bool

    @property
    def met(self) -> bool:
        return self.present >= self.required


def members_present(session: Session, workshop_id: str, day_id: str | None = None) -> set[str]:
    """The ids of the members present (on a day): in person or through a stand-in."""
    here = present_on(session, workshop_id, day_id)
    members = {m.id for m in _members(session, workshop_id)}
    present = members & here
    for stand_in_id, member_id in session.execute(
        select(Attendee.id, Attendee.stand_in_for_id).where(
            Attendee.workshop_id == workshop_id,
            ~Attendee.deleted,
            Attendee.stand_in_for_id.is_not(None),
        )
    ):
        if stand_in_id in here and member_id in members:
            present.add(member_id)
    return present


def quorum(session: Session, workshop_id: str, day_id: str | None = None) -> Quorum:
    """Members, those present, and the quorum: the body's own number, or more than half."""
    workshop = _workshop(session, workshop_id)
    members = len(_members(session, workshop_id))
    required = workshop.quorum if workshop.quorum else members // 2 + 1
    present = len(members_present(session, workshop_id, day_id))
    return Quorum(members, present, required, workshop.quorum is not None)


@dataclass(frozen=True)
class MotionResult:
    id: str
    agenda_item_id: str
    text: str
    for_votes: int
    against: int
    abstain: int
    counted: bool  # any vote or count recorded

    @property
    def carried(self) -> bool:
        return self.for_votes > self.against


def _agenda_item(session: Session, item_id: str) -> AgendaItem:
    return live_row(session, AgendaItem, item_id, "ระเบียบวาระ", "agenda item")


def add_motion(session: Session, agenda_item_id: str, text: str) -> str:
    """Put a question to the members under an agenda item."""
    item = _agenda_item(session, agenda_item_id)
    text = normalize_thai(text)
    if not text:
        raise UserError("กรุณาใส่เรื่องที่ขอมติ", "the motion needs a text")
    motion = Motion(workshop_id=item.workshop_id, agenda_item_id=item.id, text=text)
    session.add(motion)
    session.flush()
    return motion.id


def _motion(session: Session, motion_id: str) -> Motion:
    return live_row(session, Motion, motion_id, "ญัตติ", "motion")


def _item_day(session: Session, motion: Motion) -> str | None:
    item = _agenda_item(session, motion.agenda_item_id)
    if item.day_id is None and item.parent_id is not None:
        return _agenda_item(session, item.parent_id).day_id
    return item.day_id


def cast_motion_vote(session: Session, motion_id: str, attendee_id: str, choice: str) -> None:
    """A member (or the stand-in sitting for one) votes; only members present vote, and
    voting again replaces the vote."""
    motion = _motion(session, motion_id)
    if choice not in CHOICE_LABELS:
        raise UserError(
            f"คะแนนเสียง '{choice}' ไม่ถูกต้อง (for, against หรือ abstain)",
            f"vote '{choice}' is not for, against or abstain",
        )
    voter = _attendee(session, attendee_id)
    name = f"{voter.prefix}{voter.first_name} {voter.last_name}".strip()
    if voter.workshop_id != motion.workshop_id:
        raise UserError(f"{name} ไม่ได้อยู่ในงานประชุมนี้", "this person is not at this meeting")
    member_id = voter.id if voter.role == AttendeeRole.MEMBER.value else voter.stand_in_for_id
    if member_id is None:
        raise UserError(
            f"{name} ไม่ได้เป็นกรรมการหรือผู้มาประชุมแทนกรรมการ จึงลงมติไม่ได้",
            f"{voter.first_name} {voter.last_name} is neither a member nor a member's "
            "stand-in and cannot vote on a motion",
        )
    if member_id not in members_present(session, motion.workshop_id, _item_day(session, motion)):
        raise UserError(
            f"{name} ยังไม่ได้ลงทะเบียนเข้าประชุม จึงลงมติไม่ได้",
            f"{voter.first_name} {voter.last_name} has not checked in and cannot vote",
        )
    if voter.role == AttendeeRole.MEMBER.value and voter.id not in present_on(
        session, motion.workshop_id, _item_day(session, motion)
    ):
        raise UserError(
            f"{name} มีผู้มาประชุมแทน ผู้มาประชุมแทนเป็นผู้ลงมติ",
            "this member has a stand-in at the meeting: the stand-in votes",
        )
    row_id = natural_id("motion_votes", motion.id, member_id)
    vote = session.get(MotionVote, row_id)
    if vote is None:
        session.add(
            MotionVote(
                id=row_id,
                workshop_id=motion.workshop_id,
                motion_id=motion.id,
                member_id=member_id,
                choice=choice,
            )
        )
    else:
        vote.choice, vote.deleted = choice, False
    session.flush()


def set_motion_counts(
    session: Session, motion_id: str, for_votes: int, against: int = 0, abstain: int = 0
) -> None:
    """A show of hands: the counts, at most one per member present."""
    motion = _motion(session, motion_id)
    if session.scalar(
        select(MotionVote.id).where(MotionVote.motion_id == motion.id, ~MotionVote.deleted).limit(1)
    ):
        # The members' own votes are what the record counts: counts entered beside them
        # would be stored and never shown.
        raise UserError(
            f"ญัตติ '{motion.text}' บันทึกการลงมติของกรรมการรายบุคคลแล้ว จึงใส่จำนวนเสียงแทนไม่ได้",
            f"motion '{motion.text}' has the members' own votes: counts cannot replace them",
        )
    if min(for_votes, against, abstain) < 0:
        raise UserError("จำนวนเสียงต้องไม่ติดลบ", "vote counts cannot be negative")
    present = len(members_present(session, motion.workshop_id, _item_day(session, motion)))
    if for_votes + against + abstain > present:
        raise UserError(
            f"รวม {for_votes + against + abstain} เสียง มากกว่ากรรมการที่มาประชุม ({present} คน)",
            f"{for_votes + against + abstain} votes are more than the members present ({present})",
        )
    motion.for_count, motion.against_count, motion.abstain_count = for_votes, against, abstain
    session.flush()


def update_motion(session: Session, motion_id: str, text: str) -> None:
    """Reword a motion (its votes stay)."""
    motion = _motion(session, motion_id)
    text = normalize_thai(text)
    if not text:
        raise UserError("กรุณาใส่เรื่องที่ขอมติ", "the motion needs a text")
    motion.text = text
    session.flush()


def clear_motion_counts(session: Session, motion_id: str) -> None:
    """No show of hands recorded (undoing the first counts entered)."""
    motion = _motion(session, motion_id)
    motion.for_count = motion.against_count = motion.abstain_count = None
    session.flush()


def delete_motion(session: Session, motion_id: str) -> None:
    """Remove a motion with its votes (``restore_motion`` brings it back)."""
    motion = _motion(session, motion_id)
    motion.deleted = True
    session.flush()


def restore_motion(session: Session, motion_id: str) -> None:
    motion = session.get(Motion, motion_id)
    if motion is None:
        raise UserError(f"ไม่พบญัตติรหัส {motion_id}", f"no motion with id {motion_id}")
    motion.deleted = False
    session.flush()


def motion_results(session: Session, agenda_item_id: str) -> list[MotionResult]:
    """The motions of an agenda item with their counts (members' votes, else the show of
    hands entered)."""
    results = []
    motions = session.scalars(
        select(Motion)
        .where(Motion.agenda_item_id == agenda_item_id, ~Motion.deleted)
        .order_by(Motion.created_hlc)
    )
    for motion in motions:
        choices = list(
            session.scalars(
                select(MotionVote.choice).where(
                    MotionVote.motion_id == motion.id, ~MotionVote.deleted
                )
            )
        )
        if choices:
            counts = [choices.count(c.value) for c in MotionChoice]
            counted = True
        else:
            counts = [motion.for_count or 0, motion.against_count or 0, motion.abstain_count or 0]
            counted = motion.for_count is not None
        for_votes, against, abstain = counts
        results.append(
            MotionResult(
                motion.id, agenda_item_id, motion.text, for_votes, against, abstain, counted
            )
        )
    return results


# --- Public-hearing comments -----------------------------------------------------------------


@dataclass(frozen=True)
class CommentRow:
    id: str
    issue_id: str
    text: str
    commenter: str  # name and organisation, or ไม่ประสงค์ออกนาม
    answer: str
    plan_change: str


@dataclass(frozen=True)
class CommentDetails:
    """Who made a comment and the province's answer; None leaves a field as it is."""

    commenter_name: str | None = None
    commenter_organisation: str | None = None
    anonymous: bool | None = None
    answer: str | None = None
    plan_change: str | None = None


def set_comment_details(
    session: Session,
    idea_id: str,
    *,
    commenter_name: str | None = None,
    commenter_organisation: str | None = None,
    anonymous: bool | None = None,
    answer: str | None = None,
    plan_change: str | None = None,
) -> None:
    """Who made a comment (or that they asked not to be named), the province's answer
    (คำชี้แจง) and what changes in the plan."""
    details = CommentDetails(commenter_name, commenter_organisation, anonymous, answer, plan_change)
    set_many_comment_details(session, [(idea_id, details)])


def set_many_comment_details(
    session: Session, details: Sequence[tuple[str, CommentDetails]]
) -> None:
    """set_comment_details for many comments (an imported hearing transcript): every
    comment checked first, one flush for all."""
    ideas = []
    for idea_id, _details in details:
        idea = session.get(Idea, idea_id)
        if idea is None or idea.deleted:
            raise UserError(f"ไม่พบความคิดเห็นรหัส {idea_id}", f"no comment with id {idea_id}")
        ideas.append(idea)
    for idea, (_id, given) in zip(ideas, details, strict=True):
        if given.commenter_name is not None:
            idea.commenter_name = normalize_thai(given.commenter_name)
        if given.commenter_organisation is not None:
            idea.commenter_organisation = normalize_thai(given.commenter_organisation)
        if given.anonymous is not None:
            idea.anonymous = given.anonymous
        if given.answer is not None:
            idea.answer = given.answer.strip()
        if given.plan_change is not None:
            idea.plan_change = given.plan_change.strip()
    session.flush()


def commenter_label(idea: Idea, author: Attendee | None) -> str:
    if idea.anonymous:
        return ANONYMOUS
    name, organisation = idea.commenter_name, idea.commenter_organisation
    if not name and author is not None:
        name = f"{author.prefix}{author.first_name} {author.last_name}".strip()
        organisation = organisation or author.organisation
    return " ".join(p for p in (name, organisation) if p)


def has_comment_details(session: Session, workshop_id: str) -> bool:
    """Whether any comment names its commenter or has an answer: a hearing's record."""
    return (
        session.scalar(
            select(Idea.id)
            .where(
                Idea.workshop_id == workshop_id,
                ~Idea.deleted,
                ~Idea.awaiting_moderation,
                (Idea.commenter_name != "") | Idea.anonymous | (Idea.answer != ""),
            )
            .limit(1)
        )
        is not None
    )


def list_comments(session: Session, workshop_id: str) -> list[CommentRow]:
    """The comments (cards on the board, not merged away) with commenter and answer, in
    issue then board order."""
    rows = session.execute(
        select(Idea, Attendee)
        .outerjoin(Attendee, Attendee.id == Idea.author_id)
        .join(StrategicIssue, StrategicIssue.id == Idea.issue_id)
        .where(
            Idea.workshop_id == workshop_id,
            ~Idea.deleted,
            ~Idea.awaiting_moderation,
            Idea.merged_into_id.is_(None),
        )
        .order_by(StrategicIssue.number, Idea.position)
    )
    return [
        CommentRow(
            idea.id,
            idea.issue_id,
            idea.text,
            commenter_label(idea, author),
            idea.answer,
            idea.plan_change,
        )
        for idea, author in rows
    ]


# --- Breakout groups -------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupRow:
    id: str
    number: int
    name: str
    issue_id: str | None
    facilitator: str
    presenter: str
    report: str


def _groups(session: Session, workshop_id: str) -> list[BreakoutGroup]:
    return list(
        session.scalars(
            select(BreakoutGroup)
            .where(BreakoutGroup.workshop_id == workshop_id, ~BreakoutGroup.deleted)
            .order_by(BreakoutGroup.number)
        )
    )


def list_groups(session: Session, workshop_id: str) -> list[GroupRow]:
    return [
        GroupRow(g.id, g.number, g.name, g.issue_id, g.facilitator, g.presenter, g.report)
        for g in _groups(session, workshop_id)
    ]


def add_group(
    session: Session,
    workshop_id: str,
    name: str,
    *,
    issue_id: str | None = None,
    facilitator: str = "",
    presenter: str = "",
    report: str = "",
) -> str:
    """A breakout group (by issue or by district); the cards whose breakout group is its
    name are its ideas."""
    _workshop(session, workshop_id)
    name = normalize_thai(name)
    if not name:
        raise UserError("กรุณาใส่ชื่อกลุ่มย่อย", "the group needs a name")
    if any(g.name == name for g in _groups(session, workshop_id)):
        raise UserError(f"มีกลุ่ม '{name}' อยู่แล้ว", f"there is already a group '{name}'")
    if issue_id is not None:
        issue = session.get(StrategicIssue, issue_id)
        if issue is None or issue.deleted or issue.workshop_id != workshop_id:
            raise UserError(f"ไม่พบประเด็นรหัส {issue_id}", f"no issue with id {issue_id}")
    group = BreakoutGroup(
        workshop_id=workshop_id,
        number=len(_groups(session, workshop_id)) + 1,
        name=name,
        issue_id=issue_id,
        facilitator=normalize_thai(facilitator),
        presenter=normalize_thai(presenter),
        report=report.strip(),
    )
    session.add(group)
    session.flush()
    return group.id


def _live_group(session: Session, group_id: str) -> BreakoutGroup:
    return live_row(session, BreakoutGroup, group_id, "กลุ่มย่อย", "group")


def rename_group(session: Session, group_id: str, name: str) -> None:
    """Rename a group; its cards (whose breakout group is its name) follow it."""
    group = _live_group(session, group_id)
    name = normalize_thai(name)
    if not name:
        raise UserError("กรุณาใส่ชื่อกลุ่มย่อย", "the group needs a name")
    if any(g.name == name and g.id != group.id for g in _groups(session, group.workshop_id)):
        raise UserError(f"มีกลุ่ม '{name}' อยู่แล้ว", f"there is already a group '{name}'")
    for idea in session.scalars(
        select(Idea).where(
            Idea.workshop_id == group.workshop_id,
            Idea.breakout_group == group.name,
            ~Idea.deleted,
        )
    ):
        idea.breakout_group = name
    group.name = name
    session.flush()


def set_group_issue(session: Session, group_id: str, issue_id: str | None) -> None:
    """The issue a group works on (None: a group by district or by anything else)."""
    group = _live_group(session, group_id)
    if issue_id is not None:
        issue = session.get(StrategicIssue, issue_id)
        if issue is None or issue.deleted or issue.workshop_id != group.workshop_id:
            raise UserError(f"ไม่พบประเด็นรหัส {issue_id}", f"no issue with id {issue_id}")
    group.issue_id = issue_id
    session.flush()


def _renumber_groups(session: Session, workshop_id: str) -> None:
    for number, group in enumerate(_groups(session, workshop_id), start=1):
        if group.number != number:
            group.number = number


def delete_group(session: Session, group_id: str) -> None:
    """Remove a group (its cards stay on the board); ``restore_group`` brings it back
    in its place."""
    group = _live_group(session, group_id)
    group.deleted = True
    session.flush()
    _renumber_groups(session, group.workshop_id)
    session.flush()


def restore_group(session: Session, group_id: str, number: int) -> None:
    group = session.get(BreakoutGroup, group_id)
    if group is None:
        raise UserError(f"ไม่พบกลุ่มย่อยรหัส {group_id}", f"no group with id {group_id}")
    others = _groups(session, group.workshop_id)
    if any(g.name == group.name for g in others if g.id != group.id):
        raise UserError(f"มีกลุ่ม '{group.name}' อยู่แล้ว", f"there is already a group '{group.name}'")
    for other in others:
        if other.number >= number:
            other.number += 1
    group.deleted, group.number = False, number
    session.flush()
    _renumber_groups(session, group.workshop_id)
    session.flush()


def update_group(
    session: Session,
    group_id: str,
    *,
    facilitator: str | None = None,
    presenter: str | None = None,
    report: str | None = None,
) -> None:
    group = _live_group(session, group_id)
    if facilitator is not None:
        group.facilitator = normalize_thai(facilitator)
    if presenter is not None:
        group.presenter = normalize_thai(presenter)
    if report is not None:
        group.report = report.strip()
    session.flush()


def attendees_by_id(session: Session, workshop_id: str) -> dict[str, AttendeeRow]:
    return {row.id: row for row in list_attendees(session, workshop_id)}
