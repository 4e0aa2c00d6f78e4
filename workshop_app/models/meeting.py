"""What the record of each kind of meeting needs beyond the register and the board:
the body's roles, the days of the meeting and check-in per day, motions voted by the
members, and breakout groups (DOMAIN.md, records of each kind)."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import Date, ForeignKey, Integer, String, Text, Time
from sqlalchemy.orm import Mapped, mapped_column

from workshop_app.db.types import UtcDateTime
from workshop_app.models.base import Base, SyncedRow


class BodyRole(SyncedRow, Base):
    """A role in the workshop's body (ประธานกรรมการ, กรรมการและเลขานุการ ...): the list is
    the workshop's own, in protocol order, which is the default order of the members."""

    __tablename__ = "body_roles"

    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshops.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)


class MeetingDay(SyncedRow, Base):
    """One day of a workshop, with its own times; check-in and agenda items belong to a day."""

    __tablename__ = "meeting_days"

    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshops.id"), index=True)
    date: Mapped[dt.date] = mapped_column(Date)
    start_time: Mapped[dt.time | None] = mapped_column(Time)
    end_time: Mapped[dt.time | None] = mapped_column(Time)


class CheckIn(SyncedRow, Base):
    """A person present on one day. Its id is natural (attendee, day): two laptops at the
    door checking in the same person on the same day make one row."""

    __tablename__ = "check_ins"

    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshops.id"), index=True)
    attendee_id: Mapped[str] = mapped_column(ForeignKey("attendees.id"), index=True)
    day_id: Mapped[str] = mapped_column(ForeignKey("meeting_days.id"), index=True)
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class MotionChoice(enum.StrEnum):
    FOR = "for"  # เห็นชอบ
    AGAINST = "against"  # ไม่เห็นชอบ
    ABSTAIN = "abstain"  # งดออกเสียง


class Motion(SyncedRow, Base):
    """A question put to the members under an agenda item. Votes are either recorded
    member by member (``MotionVote``) or, for a show of hands, entered as counts."""

    __tablename__ = "motions"

    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshops.id"), index=True)
    agenda_item_id: Mapped[str] = mapped_column(ForeignKey("agenda_items.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    for_count: Mapped[int | None] = mapped_column(Integer)
    against_count: Mapped[int | None] = mapped_column(Integer)
    abstain_count: Mapped[int | None] = mapped_column(Integer)


class MotionVote(SyncedRow, Base):
    """One member's vote on a motion (cast by the member or by their stand-in). Its id
    is natural (motion, member): voting again replaces the vote."""

    __tablename__ = "motion_votes"

    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshops.id"), index=True)
    motion_id: Mapped[str] = mapped_column(ForeignKey("motions.id"), index=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("attendees.id"))
    choice: Mapped[str] = mapped_column(String(16))


class BreakoutGroup(SyncedRow, Base):
    """A breakout group (by issue or by district); its ideas are the cards whose
    ``breakout_group`` is its name."""

    __tablename__ = "breakout_groups"

    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshops.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    issue_id: Mapped[str | None] = mapped_column(ForeignKey("strategic_issues.id"))
    facilitator: Mapped[str] = mapped_column(Text, default="")
    presenter: Mapped[str] = mapped_column(Text, default="")
    report: Mapped[str] = mapped_column(Text, default="")
