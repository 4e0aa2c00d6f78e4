"""What the participant server keeps on the laptop that runs it (never synced).

Phone tokens are secrets printed on cards: they stay on the laptop (so the cards can be
printed again) and never travel in a bundle or a push, which is why these tables are not
``SyncedRow``s (sync takes exactly the SyncedRow tables, see ``workshop_app.sync.tables``).
The settings and submission ids are about this laptop's server too: another laptop that
runs a server for a breakout room has its own walk-in code and open issue.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from workshop_app.db.types import UtcDateTime
from workshop_app.models.base import Base


class PhoneToken(Base):
    """The secret in one attendee's card link (one per attendee; revoking replaces it)."""

    __tablename__ = "phone_tokens"

    attendee_id: Mapped[str] = mapped_column(ForeignKey("attendees.id"), primary_key=True)
    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshops.id"), index=True)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    issued_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class PhoneSubmission(Base):
    """A submission a phone made, by the id the phone gave it: a resend finds it here and
    gets the first answer again instead of a second idea, ballot or walk-in."""

    __tablename__ = "phone_submissions"

    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshops.id"), primary_key=True)
    # Who sent it ("" for a walk-in, who has no attendee yet): one phone cannot take
    # another's submission id.
    sender: Mapped[str] = mapped_column(String(36), primary_key=True)
    submission_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # idea, ballot, walk_in
    result_id: Mapped[str] = mapped_column(String(36))  # the idea, ballot or attendee
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class PhoneSettings(Base):
    """How this laptop's server takes part from phones in one workshop."""

    __tablename__ = "phone_settings"

    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshops.id"), primary_key=True)
    walk_in_code: Mapped[str] = mapped_column(String(6), default="")
    # The strategic issue phones send ideas to (None: none open).
    issue_id: Mapped[str | None] = mapped_column(String(36))
    moderation: Mapped[bool] = mapped_column(Boolean, default=False)
