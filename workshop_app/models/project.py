"""The action plan: projects promoted from the workshop's ideas, their yearly budgets and
main activities, the ideas each came from, and the reference lists its dropdowns offer.

Money is stored as whole satang (``Money``), so sums are exact and the same on every
device; services and exports see ``Decimal`` baht.
"""

from __future__ import annotations

import enum
from decimal import Decimal

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from workshop_app.db.types import Money
from workshop_app.models.base import Base, SyncedRow


class BudgetList(enum.StrEnum):
    """Provinces keep proposals within the budget ceiling apart from those above it."""

    WITHIN = "within"  # บัญชีในกรอบวงเงิน
    OVER = "over"  # บัญชีเกินกรอบวงเงิน


class ReferenceListName(enum.StrEnum):
    """The lists the project form and the workbook's dropdowns offer."""

    NATIONAL_STRATEGY = "national_strategy"  # ยุทธศาสตร์ชาติ (6)
    MASTER_PLAN = "master_plan"  # แผนแม่บทภายใต้ยุทธศาสตร์ชาติ (23)
    NATIONAL_PLAN = "national_plan"  # แผนพัฒนาฯ ฉบับที่ 13: หมุดหมาย (13)
    FUNDING_SOURCE = "funding_source"  # แหล่งงบประมาณ
    AGENCY = "agency"  # หน่วยงานในจังหวัด


class Project(SyncedRow, Base):
    """One project of the action plan (the project list's row and the project brief)."""

    __tablename__ = "projects"

    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshops.id"), index=True)
    issue_id: Mapped[str] = mapped_column(ForeignKey("strategic_issues.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)  # order within the issue
    approach: Mapped[str] = mapped_column(Text, default="")  # แนวทางการพัฒนา
    programme: Mapped[str] = mapped_column(Text, default="")  # แผนงาน
    name: Mapped[str] = mapped_column(Text)
    rationale: Mapped[str] = mapped_column(Text, default="")
    objectives: Mapped[str] = mapped_column(Text, default="")
    indicators: Mapped[str] = mapped_column(Text, default="")  # ตัวชี้วัดและค่าเป้าหมาย
    target_area: Mapped[str] = mapped_column(Text, default="")
    implementing_agency: Mapped[str] = mapped_column(Text, default="")
    duration: Mapped[str] = mapped_column(Text, default="")  # ระยะเวลาดำเนินการ
    funding_source: Mapped[str] = mapped_column(Text, default="")
    outputs: Mapped[str] = mapped_column(Text, default="")
    outcomes: Mapped[str] = mapped_column(Text, default="")
    national_strategy: Mapped[str] = mapped_column(Text, default="")
    master_plan: Mapped[str] = mapped_column(Text, default="")
    national_plan: Mapped[str] = mapped_column(Text, default="")
    regional_plan: Mapped[str] = mapped_column(Text, default="")
    # จัดลำดับความสำคัญ: from the vote it was promoted from, editable afterwards.
    priority: Mapped[int | None] = mapped_column(Integer)
    budget_list: Mapped[str] = mapped_column(String(16), default=BudgetList.WITHIN.value)
    # The vote round whose result set the priority (None: added by hand or imported).
    round_id: Mapped[str | None] = mapped_column(ForeignKey("vote_rounds.id"))


class ProjectBudget(SyncedRow, Base):
    """The project's budget for one fiscal year (B.E.)."""

    __tablename__ = "project_budgets"

    project_id: Mapped[str] = mapped_column(ForeignKey("projects.id"), index=True)
    fiscal_year: Mapped[int] = mapped_column(Integer)
    amount: Mapped[Decimal] = mapped_column(Money)


class ProjectActivity(SyncedRow, Base):
    """A main activity (กิจกรรมหลัก) with its budget and units (brief item 6)."""

    __tablename__ = "project_activities"

    project_id: Mapped[str] = mapped_column(ForeignKey("projects.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    budget: Mapped[Decimal] = mapped_column(Money)
    responsible_unit: Mapped[str] = mapped_column(Text, default="")
    related_units: Mapped[str] = mapped_column(Text, default="")


class ProjectIdea(SyncedRow, Base):
    """A brainstorm card the project came from (its votes are reached through it)."""

    __tablename__ = "project_ideas"

    project_id: Mapped[str] = mapped_column(ForeignKey("projects.id"), index=True)
    idea_id: Mapped[str] = mapped_column(ForeignKey("ideas.id"), index=True)


class ReferenceItem(SyncedRow, Base):
    """A workshop's own copy of a reference list, made when the list is first edited;
    until then the list shipped in ``resources/reference`` applies."""

    __tablename__ = "reference_items"

    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshops.id"), index=True)
    list_name: Mapped[str] = mapped_column(String(32))
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
