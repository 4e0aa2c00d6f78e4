"""What the action plan workbook (``export/xlsx_action_plan.py``) shows, gathered once as
plain data: the plan itself (workshop, issues, projects, years), the voted rounds'
results, every idea, attendance by sector and the reference lists behind the dropdowns.
The writer only lays this out; it never reads the database.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from workshop_app.models import RoundState
from workshop_app.services.attendees import SectorCount, sector_counts
from workshop_app.services.ideas import IdeaRow, list_ideas
from workshop_app.services.projects import ProjectRow, list_projects, plan_years
from workshop_app.services.reference_lists import all_reference_lists
from workshop_app.services.voting import RoundResults, list_rounds, round_results
from workshop_app.services.workshops import (
    WorkshopDetails,
    get_workshop,
    issue_indicators,
    list_issues,
)


@dataclass(frozen=True)
class IssueInfo:
    id: str
    number: int
    title: str
    indicators: str  # ตัวชี้วัดและค่าเป้าหมายของประเด็น

    @property
    def heading(self) -> str:
        return f"ประเด็นการพัฒนาที่ {self.number} {self.title}"


@dataclass(frozen=True)
class PlanData:
    workshop: WorkshopDetails
    issues: list[IssueInfo]
    projects: list[ProjectRow]
    years: list[int]

    @property
    def title(self) -> str:
        """แผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ. 2569 จังหวัดสงขลา"""
        text = "แผนปฏิบัติราชการประจำปี"
        if self.workshop.fiscal_year:
            text += f"งบประมาณ พ.ศ. {self.workshop.fiscal_year}"
        province = self.workshop.province.strip()
        if province:
            text += " " + (province if province.startswith("จังหวัด") else f"จังหวัด{province}")
        return text

    def projects_of(self, issue_id: str) -> list[ProjectRow]:
        return [p for p in self.projects if p.draft.issue_id == issue_id]


@dataclass(frozen=True)
class ActionPlanContent:
    plan: PlanData
    votes: list[RoundResults]  # the rounds past draft, in the rounds' order
    ideas: list[IdeaRow]
    attendance: list[SectorCount]
    reference_lists: dict[str, list[str]]  # list name -> its items


def gather_action_plan(session: Session, workshop_id: str) -> ActionPlanContent:
    """Everything the action plan workbook of ``workshop_id`` shows."""
    voted = [r for r in list_rounds(session, workshop_id) if r.state != RoundState.DRAFT.value]
    return ActionPlanContent(
        plan=_read_plan(session, workshop_id),
        votes=[round_results(session, r.id) for r in voted],
        ideas=list_ideas(session, workshop_id),
        attendance=sector_counts(session, workshop_id),
        reference_lists=all_reference_lists(session, workshop_id),
    )


def _read_plan(session: Session, workshop_id: str) -> PlanData:
    workshop = get_workshop(session, workshop_id)
    projects = list_projects(session, workshop_id)
    indicators = issue_indicators(session, workshop_id)
    issues = [
        IssueInfo(i.id, i.number, i.title, indicators.get(i.id) or "")
        for i in list_issues(session, workshop_id)
    ]
    # A project under an issue deleted since still counts in the plan's totals: show it.
    known = {i.id for i in issues}
    for row in projects:
        if row.draft.issue_id not in known:
            known.add(row.draft.issue_id)
            issues.append(
                IssueInfo(
                    row.draft.issue_id,
                    row.issue_number,
                    row.issue_title,
                    indicators.get(row.draft.issue_id) or "",
                )
            )
    years = plan_years(workshop.fiscal_year, (p.draft for p in projects))
    return PlanData(workshop, issues, projects, years)
