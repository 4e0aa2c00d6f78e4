"""The action plan's projects: promote voted ideas, edit, order, total the budgets.

A project keeps the ideas it came from (``project_ideas``), so its votes stay one click
away, and the priority its vote gave it. Every field of the project list (บัญชีรายการชุด
โครงการ) and of the project brief (แบบ จ.1-1, items 1-11) is a field of ``ProjectDraft``;
the workbook export and the template import read and write exactly these.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar, cast

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workshop_app.db.types import natural_id, new_id
from workshop_app.errors import FieldError, UserError
from workshop_app.models import (
    BudgetList,
    Idea,
    Project,
    ProjectActivity,
    ProjectBudget,
    ProjectIdea,
    RoundState,
    StrategicIssue,
    VoteRound,
    Workshop,
)
from workshop_app.models.base import SyncedRow
from workshop_app.services.voting import round_results
from workshop_app.services.workshops import move_within
from workshop_app.thai.normalize import normalize_thai, without_control

# The text fields of a project, in the order of the project brief, with their labels.
TEXT_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("approach", "แนวทางการพัฒนา", "Development approach"),
    ("programme", "แผนงาน", "Programme"),
    ("name", "ชื่อโครงการ", "Project name"),
    ("rationale", "หลักการและเหตุผล", "Rationale"),
    ("objectives", "วัตถุประสงค์", "Objectives"),
    ("indicators", "ตัวชี้วัดและค่าเป้าหมาย", "Indicators and targets"),
    ("target_area", "กลุ่มเป้าหมาย/พื้นที่ดำเนินการ", "Target group and area"),
    ("implementing_agency", "หน่วยดำเนินการ", "Implementing agency"),
    ("duration", "ระยะเวลาดำเนินการ", "Duration"),
    ("funding_source", "แหล่งงบประมาณ", "Funding source"),
    ("outputs", "ผลผลิต", "Outputs"),
    ("outcomes", "ผลลัพธ์", "Outcomes"),
    ("national_strategy", "ยุทธศาสตร์ชาติ", "National strategy"),
    ("master_plan", "แผนแม่บทภายใต้ยุทธศาสตร์ชาติ", "Master plan"),
    ("national_plan", "แผนพัฒนาเศรษฐกิจและสังคมแห่งชาติ", "National plan"),
    ("regional_plan", "แผนพัฒนาภาค", "Regional plan"),
)
TEXT_FIELD_NAMES = tuple(name for name, _th, _en in TEXT_FIELDS)
# Fields written on one line (names, lists' entries); the others keep their line breaks.
ONE_LINE_FIELDS = frozenset(
    {
        "approach",
        "programme",
        "name",
        "implementing_agency",
        "duration",
        "funding_source",
        "national_strategy",
        "master_plan",
        "national_plan",
    }
)
BUDGET_LIST_LABELS: dict[str, tuple[str, str]] = {
    BudgetList.WITHIN.value: ("ในกรอบวงเงิน", "Within the ceiling"),
    BudgetList.OVER.value: ("เกินกรอบวงเงิน", "Over the ceiling"),
}
MAX_TEXT_CHARS = 5000
# No province asks for a trillion baht: a larger figure is a typing mistake.
MAX_AMOUNT = Decimal("1000000000000")
FISCAL_YEARS = range(2500, 2701)  # B.E.


def field_label(name: str, language: str = "th") -> str:
    for field_name, thai, english in TEXT_FIELDS:
        if field_name == name:
            return thai if language == "th" else english
    raise KeyError(name)


@dataclass(frozen=True)
class ActivityDraft:
    """A main activity (brief item 6)."""

    name: str
    budget: Decimal = Decimal(0)
    responsible_unit: str = ""
    related_units: str = ""


@dataclass(frozen=True)
class ProjectDraft:
    """Everything the user edits about a project."""

    issue_id: str
    name: str
    approach: str = ""
    programme: str = ""
    rationale: str = ""
    objectives: str = ""
    indicators: str = ""
    target_area: str = ""
    implementing_agency: str = ""
    duration: str = ""
    funding_source: str = ""
    outputs: str = ""
    outcomes: str = ""
    national_strategy: str = ""
    master_plan: str = ""
    national_plan: str = ""
    regional_plan: str = ""
    priority: int | None = None
    budget_list: str = BudgetList.WITHIN.value
    budgets: tuple[tuple[int, Decimal], ...] = ()  # (fiscal year B.E., baht), by year
    activities: tuple[ActivityDraft, ...] = ()
    idea_ids: tuple[str, ...] = ()  # the cards it was promoted from
    round_id: str | None = None  # the vote its priority came from

    @property
    def total(self) -> Decimal:
        return sum((amount for _year, amount in self.budgets), Decimal(0))

    def budget(self, year: int) -> Decimal | None:
        return next((amount for y, amount in self.budgets if y == year), None)

    def text(self, name: str) -> str:
        value = getattr(self, name)
        assert isinstance(value, str)
        return value


@dataclass(frozen=True)
class ProjectRow:
    id: str
    issue_number: int
    issue_title: str
    position: int
    draft: ProjectDraft

    @property
    def name(self) -> str:
        return self.draft.name


@dataclass(frozen=True)
class Promotion:
    created: list[str]  # project ids, in the order of the ideas given
    already: list[str]  # ids of ideas that were projects already (left alone)


@dataclass(frozen=True)
class PlanTotals:
    """Budget sums of a set of projects (exact, in baht)."""

    total: Decimal = Decimal(0)
    by_issue: dict[str, Decimal] = field(default_factory=dict)
    by_source: dict[str, Decimal] = field(default_factory=dict)  # "" = no source given
    by_year: dict[int, Decimal] = field(default_factory=dict)
    by_list: dict[str, Decimal] = field(default_factory=dict)


def plan_totals(drafts: Iterable[ProjectDraft]) -> PlanTotals:
    by_issue: dict[str, Decimal] = defaultdict(Decimal)
    by_source: dict[str, Decimal] = defaultdict(Decimal)
    by_year: dict[int, Decimal] = defaultdict(Decimal)
    by_list: dict[str, Decimal] = defaultdict(Decimal)
    total = Decimal(0)
    for draft in drafts:
        amount = draft.total
        total += amount
        by_issue[draft.issue_id] += amount
        by_source[draft.funding_source] += amount
        by_list[draft.budget_list] += amount
        for year, value in draft.budgets:
            by_year[year] += value
    return PlanTotals(total, dict(by_issue), dict(by_source), dict(by_year), dict(by_list))


def plan_years(fiscal_year: int | None, drafts: Iterable[ProjectDraft]) -> list[int]:
    """The fiscal years the plan's budget columns show: the workshop's year and every
    year a project has a budget for."""
    years = {year for draft in drafts for year, _amount in draft.budgets}
    if fiscal_year:
        years.add(fiscal_year)
    return sorted(years)


# --- checking input -----------------------------------------------------------------------


def clean_text(name: str, value: str) -> str:
    """A field's text repaired (Thai typing slips, stray spaces); FieldError if too long."""
    if name in ONE_LINE_FIELDS:
        text = normalize_thai(without_control(value))
    else:
        lines = [normalize_thai(without_control(line)) for line in value.splitlines()]
        text = "\n".join(lines).strip("\n")
    if len(text) > MAX_TEXT_CHARS:
        label = field_label(name)
        raise FieldError(
            name,
            f"{label} ยาว {len(text):,} ตัวอักษร เกินกำหนด {MAX_TEXT_CHARS:,} ตัวอักษร",
            f"{field_label(name, 'en')} is {len(text):,} characters long, "
            f"more than {MAX_TEXT_CHARS:,}",
        )
    return text


def check_amount(name: str, amount: Decimal, what_th: str, what_en: str) -> Decimal:
    """A budget figure: not negative, whole satang, not absurdly large."""
    try:
        finite = amount.is_finite()
    except (AttributeError, InvalidOperation):
        finite = False
    if not finite:
        raise FieldError(name, f"{what_th}ต้องเป็นตัวเลข", f"{what_en} must be a number")
    if amount < 0:
        raise FieldError(name, f"{what_th}ติดลบไม่ได้", f"{what_en} cannot be negative")
    if amount > MAX_AMOUNT:
        raise FieldError(
            name, f"{what_th}มากเกินไป ({amount:,})", f"{what_en} is too large ({amount:,})"
        )
    if amount != amount.quantize(Decimal("0.01")):
        raise FieldError(
            name,
            f"{what_th}มีทศนิยมเกินสองตำแหน่ง (สตางค์)",
            f"{what_en} has more than two decimals (satang)",
        )
    return amount.quantize(Decimal("0.01"))


def _live_issue(session: Session, workshop_id: str, issue_id: str) -> StrategicIssue:
    issue = session.get(StrategicIssue, issue_id)
    if issue is None or issue.deleted or issue.workshop_id != workshop_id:
        raise FieldError("issue_id", "ไม่พบประเด็นการพัฒนาที่เลือก", "the chosen issue does not exist")
    return issue


def clean_project(session: Session, workshop_id: str, draft: ProjectDraft) -> ProjectDraft:
    """The draft repaired and checked; FieldError naming the first field at fault."""
    _live_issue(session, workshop_id, draft.issue_id)
    texts: dict[str, Any] = {name: clean_text(name, draft.text(name)) for name in TEXT_FIELD_NAMES}
    if not texts["name"]:
        raise FieldError("name", "กรุณาใส่ชื่อโครงการ", "give the project a name")
    if draft.priority is not None and not 1 <= draft.priority <= 100_000:
        raise FieldError(
            "priority", "ลำดับความสำคัญต้องเป็นเลข 1 ขึ้นไป", "the priority must be 1 or more"
        )
    if draft.budget_list not in BUDGET_LIST_LABELS:
        raise FieldError(
            "budget_list", f"ไม่รู้จักบัญชี '{draft.budget_list}'", f"unknown list '{draft.budget_list}'"
        )
    budgets: dict[int, Decimal] = {}
    for year, amount in draft.budgets:
        if year not in FISCAL_YEARS:
            raise FieldError(
                "budgets",
                f"ปีงบประมาณ {year} ไม่ถูกต้อง (ใช้ พ.ศ.)",
                f"fiscal year {year} is wrong (use B.E.)",
            )
        if year in budgets:
            raise FieldError(
                "budgets", f"ปีงบประมาณ {year} ซ้ำกัน", f"fiscal year {year} is given twice"
            )
        budgets[year] = check_amount(
            "budgets", amount, f"งบประมาณปี {year} ", f"the budget for {year}"
        )
    activities = []
    for number, activity in enumerate(draft.activities, start=1):
        name = clean_text("name", activity.name)
        units = clean_text("implementing_agency", activity.responsible_unit)
        related = clean_text("implementing_agency", activity.related_units)
        budget = check_amount(
            "activities",
            activity.budget,
            f"งบประมาณกิจกรรมที่ {number} ",
            f"activity {number}'s budget",
        )
        if not name:
            if units or related or budget:
                raise FieldError(
                    "activities",
                    f"กรุณาใส่ชื่อกิจกรรมที่ {number}",
                    f"give activity {number} a name",
                )
            continue  # an empty row of the table
        activities.append(ActivityDraft(name, budget, units, related))
    return replace(
        draft,
        **texts,
        budgets=tuple(sorted(budgets.items())),
        activities=tuple(activities),
        idea_ids=tuple(dict.fromkeys(draft.idea_ids)),
    )


# --- reading ------------------------------------------------------------------------------


def _live_project(session: Session, project_id: str) -> Project:
    project = session.get(Project, project_id)
    if project is None or project.deleted:
        raise UserError("ไม่พบโครงการนี้", "This project does not exist.")
    return project


def _rows(session: Session, projects: Sequence[Project]) -> list[ProjectRow]:
    """Rows for ``projects`` with their budgets, activities and ideas, in four queries."""
    ids = [p.id for p in projects]
    budgets: dict[str, list[tuple[int, Decimal]]] = defaultdict(list)
    activities: dict[str, list[ActivityDraft]] = defaultdict(list)
    ideas: dict[str, list[str]] = defaultdict(list)
    issues: dict[str, tuple[int, str]] = {}
    if ids:
        by_year: dict[tuple[str, int], list[ProjectBudget]] = defaultdict(list)
        for b in session.scalars(
            select(ProjectBudget)
            .where(ProjectBudget.project_id.in_(ids), ProjectBudget.deleted.is_(False))
            .order_by(ProjectBudget.fiscal_year, ProjectBudget.created_hlc)
        ):
            by_year[b.project_id, b.fiscal_year].append(b)
        # One budget per project and year, also in files from before natural ids where
        # two laptops' rows of a year were merged (else the plan would count it twice).
        for (project_id, year), same in by_year.items():
            kept = same[0] if len(same) == 1 else _keeper(same, _budget_id(project_id, year))
            if kept is not None:
                budgets[project_id].append((year, kept.amount))
        for a in session.scalars(
            select(ProjectActivity)
            .where(ProjectActivity.project_id.in_(ids), ProjectActivity.deleted.is_(False))
            .order_by(ProjectActivity.position, ProjectActivity.created_hlc)
        ):
            activities[a.project_id].append(
                ActivityDraft(a.name, a.budget, a.responsible_unit, a.related_units)
            )
        for link in session.scalars(
            select(ProjectIdea)
            .where(ProjectIdea.project_id.in_(ids), ProjectIdea.deleted.is_(False))
            .order_by(ProjectIdea.created_hlc)
        ):
            if link.idea_id not in ideas[link.project_id]:
                ideas[link.project_id].append(link.idea_id)
        issue_ids = {p.issue_id for p in projects}
        issues = {
            i: (number, title)
            for i, number, title in session.execute(
                select(StrategicIssue.id, StrategicIssue.number, StrategicIssue.title).where(
                    StrategicIssue.id.in_(issue_ids)
                )
            )
        }
    rows = []
    for p in projects:
        texts = {name: getattr(p, name) for name in TEXT_FIELD_NAMES}
        draft = ProjectDraft(
            issue_id=p.issue_id,
            **texts,
            priority=p.priority,
            budget_list=p.budget_list,
            budgets=tuple(budgets[p.id]),
            activities=tuple(activities[p.id]),
            idea_ids=tuple(ideas[p.id]),
            round_id=p.round_id,
        )
        number, title = issues.get(p.issue_id, (0, ""))
        rows.append(ProjectRow(p.id, number, title, p.position, draft))
    return rows


def list_projects(session: Session, workshop_id: str) -> list[ProjectRow]:
    """The workshop's projects in plan order: by issue number, then position."""
    projects = session.scalars(
        select(Project)
        .join(StrategicIssue, StrategicIssue.id == Project.issue_id)
        .where(Project.workshop_id == workshop_id, Project.deleted.is_(False))
        .order_by(StrategicIssue.number, Project.position)
    ).all()
    return _rows(session, projects)


def get_project(session: Session, project_id: str) -> ProjectRow:
    return _rows(session, [_live_project(session, project_id)])[0]


def promoted_idea_ids(session: Session, workshop_id: str) -> set[str]:
    """Ideas some live project of the workshop came from."""
    return set(
        session.scalars(
            select(ProjectIdea.idea_id)
            .join(Project, Project.id == ProjectIdea.project_id)
            .where(
                Project.workshop_id == workshop_id,
                Project.deleted.is_(False),
                ProjectIdea.deleted.is_(False),
            )
        ).all()
    )


@dataclass(frozen=True)
class IdeaVote:
    round_number: int
    round_title: str
    rank: int
    tied: bool
    score: float


def votes_by_idea(session: Session, workshop_id: str) -> dict[str, list[IdeaVote]]:
    """Each idea's place in every round that has results (open or closed)."""
    found: dict[str, list[IdeaVote]] = defaultdict(list)
    rounds = session.scalars(
        select(VoteRound)
        .where(
            VoteRound.workshop_id == workshop_id,
            VoteRound.deleted.is_(False),
            VoteRound.state != RoundState.DRAFT.value,
        )
        .order_by(VoteRound.number)
    )
    for vote_round in rounds:
        for result in round_results(session, vote_round.id).count.ideas:
            found[result.idea_id].append(
                IdeaVote(
                    vote_round.number, vote_round.title, result.rank, result.tied, result.score
                )
            )
    return dict(found)


def idea_texts(session: Session, idea_ids: Iterable[str]) -> dict[str, str]:
    ids = list(idea_ids)
    if not ids:
        return {}
    rows = session.execute(select(Idea.id, Idea.text).where(Idea.id.in_(ids)))
    return {idea_id: text for idea_id, text in rows}


# --- writing ------------------------------------------------------------------------------


def _end_position(session: Session, issue_id: str) -> int:
    last = session.scalar(
        select(func.max(Project.position)).where(
            Project.issue_id == issue_id, Project.deleted.is_(False)
        )
    )
    return 0 if last is None else last + 1


def _write(session: Session, project: Project, draft: ProjectDraft, *, new: bool = False) -> None:
    """Store a clean draft's fields and children in one flush, reusing child rows where
    they match (so an edit of one figure rewrites one row, not all of them). A ``new``
    project has no children yet, so nothing is looked up."""
    with session.no_autoflush:  # one flush at the end, not one before each lookup
        for name in TEXT_FIELD_NAMES:
            if getattr(project, name) != draft.text(name):
                setattr(project, name, draft.text(name))
        if project.issue_id != draft.issue_id:
            project.issue_id = draft.issue_id
            project.position = _end_position(session, draft.issue_id)
        project.priority = draft.priority
        project.budget_list = draft.budget_list
        project.round_id = draft.round_id
        _put_children(session, project.id, draft, new=new)
    session.flush()


# A project's children stand for natural keys and get natural ids (``natural_id``): a
# budget is one row per (project, fiscal year), an activity one per (project, position)
# (the brief's table is numbered rows, and rows are reused by their number), a link one
# per (project, idea), each ``natural_id(table, project, key)``. Two laptops adding the
# budget of the same year, or a fourth activity, to the same project write the same row,
# and sync merges the two versions (the later wins, the other is kept for review) instead
# of keeping both, which would count the money twice.

KeyedRow = TypeVar("KeyedRow", bound=SyncedRow)


def _budget_id(project_id: str, year: int) -> str:
    return natural_id("project_budgets", project_id, year)


def _keeper(rows: Iterable[KeyedRow], natural: str) -> KeyedRow | None:
    """The row that stands for a key among the rows stored with it: a live one before a
    tombstone, then the one with the natural id, then the latest stamp. More than one row
    per key exist only in files from before natural ids; readers and writers pick the
    same one, and writers make the others tombstones."""
    return max(rows, key=lambda r: (not r.deleted, r.id == natural, r.updated_hlc), default=None)


def _bury(rows: Iterable[SyncedRow], keep: SyncedRow | None = None) -> None:
    for row in rows:
        if row is not keep and not row.deleted:
            row.deleted = True


# The children of a project, by table: the key column and, per key, the other values.
Child = ProjectBudget | ProjectActivity | ProjectIdea
Children = list[tuple[type[Child], str, dict[Any, dict[str, Any]]]]


def _children(draft: ProjectDraft) -> Children:
    return [
        (
            ProjectBudget,
            "fiscal_year",
            {year: {"amount": amount} for year, amount in draft.budgets},
        ),
        (
            ProjectActivity,
            "position",
            {position: _activity(a) for position, a in enumerate(draft.activities)},
        ),
        (ProjectIdea, "idea_id", {idea_id: {} for idea_id in draft.idea_ids}),
    ]


def _put_children(session: Session, project_id: str, draft: ProjectDraft, *, new: bool) -> None:
    """Upsert the children by natural key: the row of each key is reused (brought back if
    a tombstone, so undo and redo reuse rows too), one with the key's natural id is added
    if there is none, and rows no longer wanted become tombstones. Rows are found by their
    key columns, so those from before natural ids (random ids) are reused as before. A
    ``new`` project has no children to look up (an import adds hundreds)."""
    for model, key_column, wanted in _children(draft):
        stored: dict[Any, list[Child]] = defaultdict(list)
        if not new:
            query = select(model).where(model.project_id == project_id)
            for row in session.scalars(query):
                stored[getattr(row, key_column)].append(cast(Child, row))
        for key, values in wanted.items():
            same_key = stored.pop(key, [])
            natural = natural_id(model.__tablename__, project_id, key)
            kept = _keeper(same_key, natural)
            if kept is None:
                session.add(model(id=natural, project_id=project_id, **{key_column: key}, **values))
            else:
                for name, value in {**values, "deleted": False}.items():
                    if getattr(kept, name) != value:
                        setattr(kept, name, value)
            _bury(same_key, kept)
        for same_key in stored.values():
            _bury(same_key)


def _activity(activity: ActivityDraft) -> dict[str, Any]:
    return {
        "name": activity.name,
        "budget": activity.budget,
        "responsible_unit": activity.responsible_unit,
        "related_units": activity.related_units,
    }


def add_project(
    session: Session, workshop_id: str, draft: ProjectDraft, project_id: str | None = None
) -> str:
    """Add a project at the end of its issue; ``project_id`` lets undo/redo reuse an id."""
    workshop = session.get(Workshop, workshop_id)
    if workshop is None or workshop.deleted:
        raise UserError("ไม่พบการประชุมนี้", "This workshop does not exist.")
    clean = clean_project(session, workshop_id, draft)
    existing = session.get(Project, project_id) if project_id else None
    if existing is not None:  # redo of an add that was undone: bring the same row back
        existing.deleted = False
        _write(session, existing, clean)
        return existing.id
    project = Project(
        id=project_id or new_id(),  # known before the flush, for the children's rows
        workshop_id=workshop_id,
        issue_id=clean.issue_id,
        position=_end_position(session, clean.issue_id),
        name=clean.name,
    )
    session.add(project)
    _write(session, project, clean, new=True)
    return project.id


def update_project(session: Session, project_id: str, draft: ProjectDraft) -> None:
    project = _live_project(session, project_id)
    _write(session, project, clean_project(session, project.workshop_id, draft))


def delete_project(session: Session, project_id: str) -> None:
    _live_project(session, project_id).deleted = True
    session.flush()


def restore_project(session: Session, project_id: str) -> None:
    project = session.get(Project, project_id)
    if project is None:
        raise UserError("ไม่พบโครงการนี้", "This project does not exist.")
    project.deleted = False
    session.flush()


def move_project(session: Session, project_id: str, offset: int) -> int:
    """Move a project up (negative) or down within its issue; return the offset applied
    (clamped at the ends), so that undo can move it back by its negative."""
    project = _live_project(session, project_id)
    siblings = list(
        session.scalars(
            select(Project)
            .where(Project.issue_id == project.issue_id, Project.deleted.is_(False))
            .order_by(Project.position)
        )
    )
    applied = move_within(siblings, project, offset, "position")
    session.flush()
    return applied


# --- promoting ideas ----------------------------------------------------------------------


def promote_ideas(
    session: Session,
    workshop_id: str,
    idea_ids: Sequence[str],
    round_id: str | None = None,
    project_ids: Sequence[str] = (),
) -> Promotion:
    """Make a project of each idea (its text as the name, under its issue), linked to the
    idea. With ``round_id`` the project's priority is the idea's rank in that round.
    Ideas that are projects already are left alone. ``project_ids`` (one per idea) lets
    undo/redo bring back the same projects."""
    ranks: dict[str, int] = {}
    if round_id is not None:
        vote_round = session.get(VoteRound, round_id)
        if vote_round is None or vote_round.deleted or vote_round.workshop_id != workshop_id:
            raise UserError("ไม่พบรอบการลงคะแนนนี้", "This vote round does not exist.")
        if vote_round.state == RoundState.DRAFT.value:
            raise UserError(
                "รอบนี้ยังไม่ได้ลงคะแนน จึงยังไม่มีลำดับความสำคัญ",
                "This round has not been voted on yet, so it gives no priority.",
            )
        ranks = {r.idea_id: r.rank for r in round_results(session, round_id).count.ideas}
    promoted = promoted_idea_ids(session, workshop_id)
    created: list[str] = []
    already: list[str] = []
    for index, idea_id in enumerate(idea_ids):
        idea = session.get(Idea, idea_id)
        if idea is None or idea.deleted or idea.workshop_id != workshop_id:
            raise UserError("ไม่พบความคิดเห็นที่เลือก", "The chosen idea does not exist.")
        if idea_id in promoted:
            already.append(idea_id)
            continue
        draft = ProjectDraft(
            issue_id=idea.issue_id,
            name=idea.text,
            priority=ranks.get(idea_id),
            idea_ids=(idea_id,),
            round_id=round_id if idea_id in ranks else None,
        )
        wanted_id = project_ids[index] if index < len(project_ids) else None
        created.append(add_project(session, workshop_id, draft, wanted_id))
        promoted.add(idea_id)
    return Promotion(created, already)
