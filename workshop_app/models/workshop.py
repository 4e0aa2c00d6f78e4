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


class Sector(SyncedRow, Base):
    __tablename__ = "sectors"

    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshops.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    colour: Mapped[str] = mapped_column(String(9), default="#808080")  # "#rrggbb"
