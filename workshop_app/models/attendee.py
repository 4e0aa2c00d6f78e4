"""People invited to, or present at, a workshop."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from workshop_app.db.types import UtcDateTime
from workshop_app.models.base import Base, SyncedRow


class AttendeeRole(enum.StrEnum):
    MEMBER = "member"  # committee member: listed under ผู้มาประชุม / ผู้ไม่มาประชุม
    PARTICIPANT = "participant"  # everyone else: ผู้เข้าร่วมประชุม


class Attendee(SyncedRow, Base):
    __tablename__ = "attendees"
    # The register lists people in Thai name order within a workshop.
    __table_args__ = (Index("ix_attendees_sort_key", "workshop_id", "sort_key"),)

    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshops.id"), index=True)
    sector_id: Mapped[str] = mapped_column(ForeignKey("sectors.id"), index=True)
    # Registration number shown on the badge and typed at the ballot screen.
    code: Mapped[int] = mapped_column(Integer)
    prefix: Mapped[str] = mapped_column(Text, default="")
    first_name: Mapped[str] = mapped_column(Text)
    last_name: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[str] = mapped_column(Text, default="")
    organisation: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(String(64), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    role: Mapped[str] = mapped_column(String(16), default=AttendeeRole.PARTICIPANT.value)
    # Minutes: whom a stand-in sits for ("... มาประชุมแทน ..."), and why an absent
    # member did not come (ผู้ไม่มาประชุม).
    stands_in_for: Mapped[str] = mapped_column(Text, default="", server_default="")
    absence_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    # A member's role in the body and place in the member list (None: by role, then
    # import order); a stand-in's link to the member they replace.
    body_role_id: Mapped[str | None] = mapped_column(ForeignKey("body_roles.id"))
    member_order: Mapped[int | None] = mapped_column(Integer)
    stand_in_for_id: Mapped[str | None] = mapped_column(ForeignKey("attendees.id"), index=True)
    invited: Mapped[bool] = mapped_column(Boolean, default=True)
    walk_in: Mapped[bool] = mapped_column(Boolean, default=False)
    checked_in_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    # PDPA: the register rests on the public task; these extras need consent.
    consent_photos: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_follow_up: Mapped[bool] = mapped_column(Boolean, default=False)
    # Diet or access needs are sensitive data (s.26): kept only with explicit consent.
    special_needs: Mapped[str] = mapped_column(Text, default="")
    consent_special_needs: Mapped[bool] = mapped_column(Boolean, default=False)
    # Derived from the fields above by services.attendees, so that search as you type and
    # Thai name order run in SQL: normalized text to search, the normalized first and last
    # names (ranking), and a key giving Thai dictionary order by first then last name.
    search_text: Mapped[str] = mapped_column(Text, default="")
    first_name_key: Mapped[str] = mapped_column(Text, default="")
    last_name_key: Mapped[str] = mapped_column(Text, default="")
    sort_key: Mapped[str] = mapped_column(Text, default="")


# PDPA: what erasing a person blanks. Their tombstone still travels to every device and
# the server (so that the deletion does), but without their contacts or sensitive data.
ERASED_FIELDS: dict[str, str | bool] = {
    "phone": "",
    "email": "",
    "special_needs": "",
    "consent_special_needs": False,
    "consent_photos": False,
    "consent_follow_up": False,
}
