"""Vote rounds: which ideas, which method, and every vote cast in them.

A round holds per-person ballots (each with its marks) and paper tallies (counts per
idea, optionally per sector and, for ranking, per rank) side by side. Every vote keeps
how it was cast and, for a ballot, the sector of the voter when it was cast, so results
by sector do not change when someone's sector is edited later.
"""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import Boolean, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from workshop_app.db.types import UtcDateTime
from workshop_app.models.base import Base, SyncedRow


class VoteMethod(enum.StrEnum):
    DOTS = "dots"  # ติดดาว/ติดสติกเกอร์: a budget of dots, at most ``cap`` on one idea
    RANKING = "ranking"  # จัดอันดับ: top-k, Borda points (first gets k)
    CRITERIA = "criteria"  # ให้คะแนนตามเกณฑ์: 0..scale per criterion, weighted mean
    APPROVAL = "approval"  # ยกมือ: yes to any number of ideas


class RoundState(enum.StrEnum):
    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"


class CastBy(enum.StrEnum):
    """How a vote reached the laptop."""

    STAFF = "staff"  # a ballot typed by staff for a checked-in attendee
    KIOSK = "kiosk"  # a ballot the voter entered on the ballot screen
    PAPER = "paper"  # counted from stickers or paper forms
    PHONE = "phone"  # sent by the voter from their own phone (the participant server)


class VoteRound(SyncedRow, Base):
    __tablename__ = "vote_rounds"

    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshops.id"), index=True)
    title: Mapped[str] = mapped_column(Text)
    method: Mapped[str] = mapped_column(String(16))
    state: Mapped[str] = mapped_column(String(16), default=RoundState.DRAFT.value)
    # How the ideas were chosen, in words ("ข้อเสนอโครงการทั้งหมดของประเด็นที่ 2").
    chosen_by: Mapped[str] = mapped_column(Text, default="")
    dots_per_voter: Mapped[int] = mapped_column(Integer, default=5)
    cap_per_idea: Mapped[int] = mapped_column(Integer, default=2)
    rank_count: Mapped[int] = mapped_column(Integer, default=3)  # ranking: top-k
    scale_max: Mapped[int] = mapped_column(Integer, default=4)  # criteria: 0..scale_max
    # The projector shows the results only after the facilitator reveals them.
    revealed: Mapped[bool] = mapped_column(Boolean, default=False)
    number: Mapped[int] = mapped_column(Integer)  # 1, 2, 3 ... in the workshop


class VoteRoundIdea(SyncedRow, Base):
    __tablename__ = "vote_round_ideas"

    round_id: Mapped[str] = mapped_column(ForeignKey("vote_rounds.id"), index=True)
    idea_id: Mapped[str] = mapped_column(ForeignKey("ideas.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)


class VoteCriterion(SyncedRow, Base):
    __tablename__ = "vote_criteria"

    round_id: Mapped[str] = mapped_column(ForeignKey("vote_rounds.id"), index=True)
    name: Mapped[str] = mapped_column(Text)
    weight: Mapped[float] = mapped_column(Float, default=1.0)
    position: Mapped[int] = mapped_column(Integer)


class VoteRoundEvent(SyncedRow, Base):
    """Opening, closing and reopening of a round, with time and device (the audit)."""

    __tablename__ = "vote_round_events"

    round_id: Mapped[str] = mapped_column(ForeignKey("vote_rounds.id"), index=True)
    action: Mapped[str] = mapped_column(String(16))  # open, close, reopen
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class Ballot(SyncedRow, Base):
    """One person's votes in one round (or one anonymous paper form: no attendee)."""

    __tablename__ = "ballots"

    round_id: Mapped[str] = mapped_column(ForeignKey("vote_rounds.id"), index=True)
    attendee_id: Mapped[str | None] = mapped_column(ForeignKey("attendees.id"), index=True)
    # The voter's sector when the ballot was cast (see the module docstring).
    sector_id: Mapped[str | None] = mapped_column(ForeignKey("sectors.id"))
    cast_by: Mapped[str] = mapped_column(String(16))
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class BallotMark(SyncedRow, Base):
    """One mark on a ballot: dots on an idea, an idea's rank, a yes, or a score on one
    criterion."""

    __tablename__ = "ballot_marks"

    ballot_id: Mapped[str] = mapped_column(ForeignKey("ballots.id"), index=True)
    idea_id: Mapped[str] = mapped_column(ForeignKey("ideas.id"))
    criterion_id: Mapped[str | None] = mapped_column(ForeignKey("vote_criteria.id"))
    value: Mapped[int] = mapped_column(Integer)


class PaperTally(SyncedRow, Base):
    """A count from the wall: dots (or hands, or voters who put the idea at ``rank``) for
    one idea, from one sector's colour of sticker or from all (``sector_id`` None)."""

    __tablename__ = "paper_tallies"

    round_id: Mapped[str] = mapped_column(ForeignKey("vote_rounds.id"), index=True)
    idea_id: Mapped[str] = mapped_column(ForeignKey("ideas.id"))
    sector_id: Mapped[str | None] = mapped_column(ForeignKey("sectors.id"))
    rank: Mapped[int | None] = mapped_column(Integer)  # ranking only
    count: Mapped[int] = mapped_column(Integer)
