"""Projects of the action plan against a real SQLite file: promotion from a vote keeps
the link and the rank, edits are checked and stored exactly, refusals change nothing."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from workshop_app.db.database import Database
from workshop_app.errors import FieldError, UserError
from workshop_app.models import Project, ProjectActivity, ProjectBudget, RoundState
from workshop_app.services import projects, reference_lists, voting
from workshop_app.services.ideas import IdeaDraft, add_idea
from workshop_app.services.projects import ActivityDraft, ProjectDraft
from workshop_app.services.workshops import create_workshop, list_issues


@pytest.fixture
def empty_workshop(db: Database) -> tuple[str, list[str]]:
    """A workshop with its issues and no projects."""
    with db.transaction() as session:
        workshop_id = create_workshop(session, "ประชุมทดสอบ")
        issues = [i.id for i in list_issues(session, workshop_id)]
    return workshop_id, issues


def test_the_demo_has_projects_promoted_from_its_votes(db: Database, demo_workshop: str) -> None:
    with db.session() as session:
        rows = projects.list_projects(session, demo_workshop)
        closed = [r for r in voting.list_rounds(session, demo_workshop) if r.state == "closed"]
        assert len(rows) == 12
        # Plan order: by issue number, then position.
        assert [(r.issue_number, r.position) for r in rows] == sorted(
            (r.issue_number, r.position) for r in rows
        )
        voted = [r for r in rows if r.draft.round_id is not None]
        assert voted and {r.draft.round_id for r in voted} <= {c.id for c in closed}
        for row in voted:
            results = voting.round_results(session, row.draft.round_id or "")
            (idea_id,) = row.draft.idea_ids
            assert results.count.result(idea_id).rank == row.draft.priority
        assert all(r.draft.total > 0 and r.draft.activities for r in rows)


def test_promoting_a_rounds_top_ideas_links_them_and_takes_their_rank(
    db: Database, demo_workshop: str
) -> None:
    with db.transaction() as session:
        for row in projects.list_projects(session, demo_workshop):
            projects.delete_project(session, row.id)
        ranking = next(
            r for r in voting.list_rounds(session, demo_workshop) if r.method == "ranking"
        )
        top = voting.top_of_round(session, ranking.id, 3)
        result = projects.promote_ideas(session, demo_workshop, top, ranking.id)
        again = projects.promote_ideas(session, demo_workshop, top[:1], ranking.id)
    assert len(result.created) == len(top) and result.already == []
    assert again.created == [] and again.already == top[:1]
    with db.session() as session:
        ranks = {r.idea_id: r.rank for r in voting.round_results(session, ranking.id).count.ideas}
        rows = {r.id: r for r in projects.list_projects(session, demo_workshop)}
        texts = {i: t for i, t in voting.round_results(session, ranking.id).idea_texts.items()}
    for project_id, idea_id in zip(result.created, top, strict=True):
        draft = rows[project_id].draft
        assert draft.idea_ids == (idea_id,)
        assert draft.priority == ranks[idea_id]
        assert draft.name == texts[idea_id]
        assert draft.round_id == ranking.id


def test_a_draft_round_gives_no_priority(db: Database, demo_workshop: str) -> None:
    with db.transaction() as session:
        idea_ids = voting.ideas_of_issue(
            session, demo_workshop, list_issues(session, demo_workshop)[3].id, kind=None
        )
        round_id = voting.create_round(
            session, demo_workshop, voting.RoundDraft("รอบร่าง", "dots", tuple(idea_ids[:3]))
        )
        assert voting.get_round(session, round_id).state == RoundState.DRAFT.value
    with pytest.raises(UserError, match="not been voted"), db.transaction() as session:
        projects.promote_ideas(session, demo_workshop, idea_ids[:3], round_id)


def test_edits_are_stored_exactly_and_reuse_child_rows(
    db: Database, empty_workshop: tuple[str, list[str]]
) -> None:
    workshop_id, issues = empty_workshop
    draft = ProjectDraft(
        issue_id=issues[0],
        name="  โครงการ ส่งเสริม   ตลาดเกษตร ",
        objectives="1. เพื่อเพิ่มรายได้\n\n2. เพื่อลดต้นทุน  ",
        budgets=((2570, Decimal("1250000.50")), (2569, Decimal("300000"))),
        activities=(
            ActivityDraft("อบรม", Decimal("100000"), "สำนักงานเกษตรจังหวัด"),
            ActivityDraft(""),  # an empty row of the form's table is dropped
        ),
    )
    with db.transaction() as session:
        project_id = projects.add_project(session, workshop_id, draft)
    with db.session() as session:
        stored = projects.get_project(session, project_id).draft
    assert stored.name == "โครงการ ส่งเสริม ตลาดเกษตร"
    assert stored.objectives == "1. เพื่อเพิ่มรายได้\n\n2. เพื่อลดต้นทุน"
    assert stored.budgets == ((2569, Decimal("300000")), (2570, Decimal("1250000.50")))
    assert stored.total == Decimal("1550000.50")
    assert stored.activities == (ActivityDraft("อบรม", Decimal("100000"), "สำนักงานเกษตรจังหวัด"),)

    changed = replace(stored, budgets=((2570, Decimal("1")),), activities=())
    with db.transaction() as session:
        projects.update_project(session, project_id, changed)
    with db.session() as session:
        assert projects.get_project(session, project_id).draft == changed
        # The 2570 row was reused; the 2569 row and the activity are tombstones.
        budgets = session.scalars(
            select(ProjectBudget).where(ProjectBudget.project_id == project_id)
        ).all()
        assert sorted((b.fiscal_year, b.deleted) for b in budgets) == [(2569, True), (2570, False)]
        assert session.scalar(select(func.count(ProjectActivity.id))) == 1


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"name": "   "}, "name", "name"),
        ({"budgets": ((2570, Decimal("-5")),)}, "budgets", "negative"),
        ({"budgets": ((2570, Decimal("1.005")),)}, "budgets", "decimals"),
        ({"budgets": ((2026, Decimal("5")),)}, "budgets", "B.E."),
        ({"budgets": ((2570, Decimal(1)), (2570, Decimal(2)))}, "budgets", "twice"),
        ({"budgets": ((2570, Decimal("1e13")),)}, "budgets", "too large"),
        ({"priority": 0}, "priority", "priority"),
        ({"budget_list": "maybe"}, "budget_list", "unknown list"),
        ({"issue_id": "no-such-issue"}, "issue_id", "issue"),
        ({"activities": (ActivityDraft("", Decimal(5)),)}, "activities", "activity 1"),
        ({"rationale": "ก" * 5001}, "rationale", "5,001"),
    ],
)
def test_bad_input_names_the_field_and_changes_nothing(
    db: Database,
    empty_workshop: tuple[str, list[str]],
    change: dict[str, object],
    field: str,
    message: str,
) -> None:
    workshop_id, issues = empty_workshop
    with db.transaction() as session:
        project_id = projects.add_project(
            session, workshop_id, ProjectDraft(issues[0], "เดิม", budgets=((2570, Decimal(10)),))
        )
    before = _snapshot(db, workshop_id)
    bad = replace(ProjectDraft(issues[0], "ใหม่"), **change)  # type: ignore[arg-type]
    with pytest.raises(FieldError, match=message) as refused, db.transaction() as session:
        projects.update_project(session, project_id, bad)
    assert refused.value.field == field
    with pytest.raises(FieldError), db.transaction() as session:
        projects.add_project(session, workshop_id, bad)
    assert _snapshot(db, workshop_id) == before


def _snapshot(db: Database, workshop_id: str) -> list[object]:
    with db.session() as session:
        return [(r.id, r.position, r.draft) for r in projects.list_projects(session, workshop_id)]


def test_moving_changing_issue_deleting_and_restoring(
    db: Database, empty_workshop: tuple[str, list[str]]
) -> None:
    workshop_id, issues = empty_workshop
    with db.transaction() as session:
        ids = [
            projects.add_project(session, workshop_id, ProjectDraft(issues[0], f"โครงการ {n}"))
            for n in range(3)
        ]
        # Clamped to the top: two places, which undo moves back.
        assert projects.move_project(session, ids[2], -5) == -2
    with db.session() as session:
        assert [r.id for r in projects.list_projects(session, workshop_id)] == [
            ids[2],
            ids[0],
            ids[1],
        ]
    with db.transaction() as session:
        row = projects.get_project(session, ids[2])
        projects.update_project(session, ids[2], replace(row.draft, issue_id=issues[1]))
        projects.delete_project(session, ids[0])
    with db.session() as session:
        rows = projects.list_projects(session, workshop_id)
        assert [(r.id, r.issue_number) for r in rows] == [(ids[1], 1), (ids[2], 2)]
    with db.transaction() as session:
        projects.restore_project(session, ids[0])
        with pytest.raises(UserError):
            projects.delete_project(session, "missing")
    with db.session() as session:
        assert len(projects.list_projects(session, workshop_id)) == 3


def test_undoing_an_add_and_redoing_it_keeps_one_row(
    db: Database, empty_workshop: tuple[str, list[str]]
) -> None:
    workshop_id, issues = empty_workshop
    draft = ProjectDraft(issues[0], "โครงการเดียว", budgets=((2570, Decimal(5)),))
    with db.transaction() as session:
        project_id = projects.add_project(session, workshop_id, draft)
        projects.delete_project(session, project_id)
        again = projects.add_project(session, workshop_id, draft, project_id)
    assert again == project_id
    with db.session() as session:
        assert session.scalar(select(func.count(Project.id))) == 1
        assert projects.get_project(session, project_id).draft.total == Decimal(5)


def test_totals_by_issue_source_year_and_list_are_exact() -> None:
    drafts = [
        ProjectDraft("i1", "ก", funding_source="งบจังหวัด", budgets=((2570, Decimal("0.10")),)),
        ProjectDraft(
            "i1",
            "ข",
            funding_source="งบจังหวัด",
            budget_list="over",
            budgets=((2570, Decimal("0.20")), (2571, Decimal(7))),
        ),
        ProjectDraft("i2", "ค", budgets=((2571, Decimal(1)),)),
    ]
    totals = projects.plan_totals(drafts)
    assert totals.total == Decimal("8.30")
    assert totals.by_issue == {"i1": Decimal("7.30"), "i2": Decimal(1)}
    assert totals.by_source == {"งบจังหวัด": Decimal("7.30"), "": Decimal(1)}
    assert totals.by_year == {2570: Decimal("0.30"), 2571: Decimal(8)}
    assert totals.by_list == {"within": Decimal("1.10"), "over": Decimal("7.20")}
    assert projects.plan_years(2569, drafts) == [2569, 2570, 2571]


def test_promoted_ideas_are_known_and_a_deleted_project_frees_its_idea(
    db: Database, empty_workshop: tuple[str, list[str]]
) -> None:
    workshop_id, issues = empty_workshop
    with db.transaction() as session:
        idea_id = add_idea(session, workshop_id, issues[0], IdeaDraft("สร้างตลาดกลางสินค้าเกษตร"))
        (project_id,) = projects.promote_ideas(session, workshop_id, [idea_id]).created
        assert projects.promoted_idea_ids(session, workshop_id) == {idea_id}
        projects.delete_project(session, project_id)
        assert projects.promoted_idea_ids(session, workshop_id) == set()
        # Redo of the promotion brings the same project back.
        assert projects.promote_ideas(
            session, workshop_id, [idea_id], None, [project_id]
        ).created == [project_id]


def test_reference_lists_ship_with_the_app_and_a_workshop_can_edit_its_own(
    db: Database, empty_workshop: tuple[str, list[str]]
) -> None:
    workshop_id, _issues = empty_workshop
    with db.session() as session:
        lists = reference_lists.all_reference_lists(session, workshop_id)
    assert len(lists["national_strategy"]) == 6
    assert len(lists["master_plan"]) == 23
    assert len(lists["national_plan"]) == 13
    assert "งบจังหวัด" in lists["funding_source"]
    assert "สำนักงานจังหวัด" in lists["agency"]
    with db.transaction() as session:
        reference_lists.set_reference_list(
            session,
            workshop_id,
            "agency",
            ["  เทศบาลนครหาดใหญ่ ", "", "เทศบาลนครหาดใหญ่", "อบจ.สงขลา"],
        )
    with db.session() as session:
        assert reference_lists.reference_list(session, workshop_id, "agency") == [
            "เทศบาลนครหาดใหญ่",
            "อบจ.สงขลา",
        ]
    with db.transaction() as session:
        reference_lists.set_reference_list(session, workshop_id, "funding_source", [])
        reference_lists.set_reference_list(session, workshop_id, "agency", ["อบจ.สงขลา"])
    with db.session() as session:
        assert reference_lists.reference_list(session, workshop_id, "funding_source") == []
        assert reference_lists.reference_list(session, workshop_id, "agency") == ["อบจ.สงขลา"]
    with pytest.raises(UserError), db.transaction() as session:
        reference_lists.set_reference_list(session, workshop_id, "planets", ["ดาวอังคาร"])
