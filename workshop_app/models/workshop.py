"""A workshop and what belongs to it: strategic issues, agenda items, sectors."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, Time
from sqlalchemy.orm import Mapped, mapped_column

from workshop_app.models.base import Base, SyncedRow


class WorkshopKind(enum.StrEnum):
    """The five kinds of workshop seen in the provinces (DOMAIN.md), plus other."""

    GOAL_20_YEAR = "goal_20_year"  # เป้าหมายการพัฒนาจังหวัด 20 ปี
    DISTRICT_STRATEGY = "district_strategy"  # ขับเคลื่อนยุทธศาสตร์กับนายอำเภอ
    PLAN_REVIEW_ANNUAL = "plan_review_annual"  # ทบทวนแผน 5 ปี + แผนปฏิบัติราชการประจำปี
    PUBLIC_HEARING = "public_hearing"  # ทบทวนและรับฟังความคิดเห็นแผน 4 ปี
    COMMITTEE_MEETING = "committee_meeting"  # ประชุม ก.บ.จ.
    OTHER = "other"


class Workshop(SyncedRow, Base):
    __tablename__ = "workshops"

    title: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(32), default=WorkshopKind.OTHER.value)
    province: Mapped[str] = mapped_column(Text, default="")
    fiscal_year: Mapped[int | None] = mapped_column(Integer)  # B.E.
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    start_time: Mapped[dt.time | None] = mapped_column(Time)
    end_time: Mapped[dt.time | None] = mapped_column(Time)
    venue: Mapped[str] = mapped_column(Text, default="")
    chair: Mapped[str] = mapped_column(Text, default="")
    organiser: Mapped[str] = mapped_column(Text, default="")
    vision: Mapped[str] = mapped_column(Text, default="")
    meeting_number: Mapped[int | None] = mapped_column(Integer)  # ครั้งที่ n/พ.ศ.
    meeting_year: Mapped[int | None] = mapped_column(Integer)  # B.E.
    # Who writes the minutes and who checks them: their signature blocks end the minutes.
    minutes_taker: Mapped[str] = mapped_column(Text, default="", server_default="")
    minutes_taker_position: Mapped[str] = mapped_column(Text, default="", server_default="")
    minutes_checker: Mapped[str] = mapped_column(Text, default="", server_default="")
    minutes_checker_position: Mapped[str] = mapped_column(Text, default="", server_default="")
    # What attendees are told at the door (PDPA s.23): purpose and retention.
    privacy_notice: Mapped[str] = mapped_column(Text, default="")
    # The workshop's own words (places, agencies, products), one per line: added to the
    # word segmenter's dictionary for duplicate suggestions and Thai line breaking.
    glossary: Mapped[str] = mapped_column(Text, default="", server_default="")
    # The body whose meeting this is (คณะกรรมการ...), named in the minutes' title.
    body_name: Mapped[str] = mapped_column(Text, default="", server_default="")
    # The chair of the meeting (``chair`` is the name): a member (then its id) or not;
    # when chairing on someone's behalf, whom for and why they are away.
    chair_position: Mapped[str] = mapped_column(Text, default="", server_default="")
    chair_attendee_id: Mapped[str | None] = mapped_column(String(36))
    chair_on_behalf_of: Mapped[str] = mapped_column(Text, default="", server_default="")
    chair_away_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    # Members needed for a quorum; None: more than half of the members.
    quorum: Mapped[int | None] = mapped_column(Integer)
    # The goals under discussion (vision is the 20-year vision).
    goal_20_year: Mapped[str] = mapped_column(Text, default="", server_default="")
    goal_5_year: Mapped[str] = mapped_column(Text, default="", server_default="")
    long_term_targets: Mapped[str] = mapped_column(Text, default="", server_default="")
    # Participants in the minutes: "names", "appendix" (counts by sector, the names
    # attached) or "auto" (the appendix above ``appendix_threshold`` participants).
    participant_listing: Mapped[str] = mapped_column(
        String(16), default="auto", server_default="auto"
    )
    appendix_threshold: Mapped[int] = mapped_column(Integer, default=60, server_default="60")


class StrategicIssue(SyncedRow, Base):
    __tablename__ = "strategic_issues"

    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshops.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    goal: Mapped[str] = mapped_column(Text, default="")
    # ตัวชี้วัดและค่าเป้าหมายของประเด็น: printed at the head of each project brief.
    indicators: Mapped[str] = mapped_column(Text, default="", server_default="")


class AgendaItem(SyncedRow, Base):
    __tablename__ = "agenda_items"

    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshops.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    notes: Mapped[str] = mapped_column(Text, default="")
    resolution: Mapped[str] = mapped_column(Text, default="")
    # The minutes report the brainstorm and vote results under this item (at most one).
    shows_results: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    # A sub-item (5.1, 5.2) names its item; ``number`` counts within the parent.
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("agenda_items.id"), index=True)
    day_id: Mapped[str | None] = mapped_column(ForeignKey("meeting_days.id"))
    # ``notes`` is what the item is about (set up before); ``record`` is what the
    # meeting said about it (written for the minutes).
    record: Mapped[str] = mapped_column(Text, default="", server_default="")


class Sector(SyncedRow, Base):
    __tablename__ = "sectors"

    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshops.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    colour: Mapped[str] = mapped_column(String(9), default="#808080")  # "#rrggbb"
