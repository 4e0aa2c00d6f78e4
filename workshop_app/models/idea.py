"""Brainstorm ideas (the cards on the wall) and the log of merges."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import Boolean, Float, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from workshop_app.db.types import UtcDateTime
from workshop_app.models.base import Base, SyncedRow


class IdeaKind(enum.StrEnum):
    PROBLEM = "problem"  # ปัญหา
    STRENGTH = "strength"  # จุดแข็ง/ศักยภาพ
    NEED = "need"  # ความต้องการ
    PROPOSAL = "proposal"  # ข้อเสนอแนะ
    PROJECT = "project"  # ข้อเสนอโครงการ
    OTHER = "other"  # อื่น ๆ


class Idea(SyncedRow, Base):
    __tablename__ = "ideas"
    # What the board asks after every card added (services.ideas.board_changes and the
    # end of a column): without the pairs SQLite read all of a workshop's cards each time.
    __table_args__ = (
        Index("ix_ideas_workshop_id_updated_hlc", "workshop_id", "updated_hlc"),
        Index("ix_ideas_workshop_id_merged_into_id", "workshop_id", "merged_into_id"),
        Index("ix_ideas_issue_id_position", "issue_id", "position"),
    )

    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshops.id"))
    issue_id: Mapped[str] = mapped_column(ForeignKey("strategic_issues.id"))
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16), default=IdeaKind.PROPOSAL.value)
    sector_id: Mapped[str | None] = mapped_column(ForeignKey("sectors.id"))
    breakout_group: Mapped[str] = mapped_column(Text, default="")
    author_id: Mapped[str | None] = mapped_column(ForeignKey("attendees.id"))
    # Order within the issue's column. A fraction, so that a card dropped between two
    # others gets a position between theirs and no other row is rewritten (fewer rows
    # to sync); the column is renumbered only when two positions get too close.
    position: Mapped[float] = mapped_column(Float)
    # Set when this card was merged into another; the card is kept, off the board, and
    # comes back when it is unmerged.
    merged_into_id: Mapped[str | None] = mapped_column(ForeignKey("ideas.id"), index=True)
    # Normalized, case-folded text for the board's filter (services.ideas keeps it).
    search_text: Mapped[str] = mapped_column(Text, default="")
    # A public hearing's comment: who made it (unless they asked not to be named), the
    # province's answer (คำชี้แจง) and what changes in the plan because of it.
    commenter_name: Mapped[str] = mapped_column(Text, default="", server_default="")
    commenter_organisation: Mapped[str] = mapped_column(Text, default="", server_default="")
    anonymous: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    answer: Mapped[str] = mapped_column(Text, default="", server_default="")
    plan_change: Mapped[str] = mapped_column(Text, default="", server_default="")
    # Sent from a phone while the facilitator moderates: off the board, out of votes,
    # minutes and plans until accepted. Synced: the record says which ideas were taken.
    awaiting_moderation: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


class MergeAction(enum.StrEnum):
    MERGE = "merge"
    UNMERGE = "unmerge"


class IdeaMergeEvent(SyncedRow, Base):
    """One merge or unmerge: which cards went into (or came out of) which, when, where.

    ``device_id`` (from SyncedRow) records the laptop it was done on.
    """

    __tablename__ = "idea_merge_events"

    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshops.id"), index=True)
    action: Mapped[str] = mapped_column(String(16))
    target_id: Mapped[str] = mapped_column(ForeignKey("ideas.id"), index=True)
    # The ids of the cards merged or unmerged, space separated.
    source_ids: Mapped[str] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
