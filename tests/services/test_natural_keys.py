"""Rows that stand for a natural key (a paper count, a round's idea, a project's budget for
a year...) get the same id on every laptop, so that two laptops creating "the same" row
create one row: after bundles are swapped there is one live row per key, both laptops
agree, and results and totals count it once."""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.sync.replicas import snapshot
from workshop_app.db.database import Database, open_database
from workshop_app.db.types import natural_id
from workshop_app.errors import FieldError
from workshop_app.models import (
    Ballot,
    CastBy,
    IdeaKind,
    PaperTally,
    ProjectActivity,
    ProjectBudget,
    ProjectIdea,
    ReferenceItem,
    VoteCriterion,
    VoteMethod,
    VoteRoundIdea,
)
from workshop_app.services import projects, reference_lists, voting
from workshop_app.services.attendees import AttendeeDraft, add_attendee
from workshop_app.services.ideas import IdeaDraft, add_idea
from workshop_app.services.projects import ActivityDraft, ProjectDraft
from workshop_app.services.vote_counting import Mark
from workshop_app.services.workshops import create_workshop, list_issues, list_sectors
from workshop_app.sync.bundle import export_bundle, import_bundle
from workshop_app.sync.conflicts import list_conflicts

NOON = dt.datetime(2026, 5, 25, 5, 0, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Base:
    """What both laptops start from: a workshop, five people checked in, four cards."""

    workshop_id: str
    issue_id: str
    gov_sector: str
    people: list[str]
    ideas: list[str]


@pytest.fixture
def laptops(tmp_path: Path) -> Iterator[tuple[Database, Database]]:
    a = open_database(tmp_path / "a.sqlite")
    b = open_database(tmp_path / "b.sqlite")
    yield a, b
    a.close()
    b.close()


@pytest.fixture
def base(laptops: tuple[Database, Database], tmp_path: Path) -> Base:
    a, b = laptops
    with a.transaction() as session:
        workshop_id = create_workshop(session, "ประชุมจัดทำแผนพัฒนาจังหวัดสงขลา")
        gov_sector = list_sectors(session, workshop_id)[0].id
        issue_id = list_issues(session, workshop_id)[0].id
        people = [
            add_attendee(
                session,
                workshop_id,
                AttendeeDraft(first_name=first, last_name="ใจดี", sector_id=gov_sector),
                checked_in_at=NOON,
            )
            for first in ("สมชาย", "วนิดา", "ประเสริฐ", "อนุชา", "รัตนา")
        ]
        ideas = [
            add_idea(session, workshop_id, issue_id, IdeaDraft(text, IdeaKind.PROJECT.value))
            for text in (
                "โครงการยกระดับการผลิตข้าวแบบแปลงใหญ่",
                "โครงการพัฒนาตลาดน้ำสู่การท่องเที่ยวคุณภาพ",
                "โครงการพัฒนาคุณภาพชีวิตผู้สูงอายุ",
                "โครงการบริหารจัดการขยะมูลฝอยแบบบูรณาการ",
            )
        ]
    _copy(a, b, tmp_path)
    return Base(workshop_id, issue_id, gov_sector, people, ideas)


# --- helpers ------------------------------------------------------------------------------


def _copy(source: Database, target: Database, folder: Path) -> None:
    export_bundle(source, folder / "base.bundle")
    import_bundle(target, folder / "base.bundle")


def _swap(a: Database, b: Database, folder: Path) -> None:
    """Each laptop imports the other's bundle; afterwards both hold the same rows."""
    export_bundle(a, folder / "a.bundle")
    export_bundle(b, folder / "b.bundle")
    import_bundle(b, folder / "a.bundle")
    import_bundle(a, folder / "b.bundle")
    assert snapshot(a) == snapshot(b)


def _later() -> None:
    """Let the second laptop's edit carry the later stamp (stamps are in milliseconds)."""
    time.sleep(0.01)


def _live_keys(database: Database, model: Any, *columns: str) -> Counter[tuple[Any, ...]]:
    """How many live rows each key has."""
    with database.session() as session:
        rows = session.execute(
            select(*(getattr(model, c) for c in columns)).where(model.deleted.is_(False))
        ).all()
    return Counter(tuple(row) for row in rows)


def _assert_one_per_key(database: Database, model: Any, *columns: str) -> None:
    counts = _live_keys(database, model, *columns)
    assert counts and max(counts.values()) == 1, counts


def _conflict_tables(database: Database, workshop_id: str) -> set[str]:
    with database.session() as session:
        return {c.table_name for c in list_conflicts(session, workshop_id)}


def _open_round(database: Database, base: Base, method: str, **settings: Any) -> str:
    draft = voting.RoundDraft("จัดลำดับโครงการ", method, tuple(base.ideas), **settings)
    with database.transaction() as session:
        round_id = voting.create_round(session, base.workshop_id, draft)
        voting.open_round(session, round_id)
    return round_id


# --- the helper itself --------------------------------------------------------------------


def test_natural_ids_are_stable_and_tell_keys_apart() -> None:
    assert natural_id("paper_tallies", "r", "i", None, 1) == natural_id(
        "paper_tallies", "r", "i", None, 1
    )
    assert natural_id("t", None) != natural_id("t", "")
    assert natural_id("t", "a", "b") != natural_id("t", "ab")
    assert natural_id("t", 2569) == natural_id("t", "2569")
    assert natural_id("project_budgets", "p", 2569) != natural_id("project_ideas", "p", 2569)
    with pytest.raises(ValueError, match="separator"):
        natural_id("t", "a\x1fb")


# --- votes --------------------------------------------------------------------------------


def test_a_criterion_is_known_by_its_name(laptops: tuple[Database, Database], base: Base) -> None:
    a, _b = laptops
    draft = voting.RoundDraft(
        "ให้คะแนน",
        VoteMethod.CRITERIA.value,
        tuple(base.ideas),
        criteria=(("ความพร้อม", 1.0), ("ผลกระทบ", 1.0)),
    )
    with a.transaction() as session:
        round_id = voting.create_round(session, base.workshop_id, draft)
        before = {n: c for c, n, _w in voting.get_round(session, round_id).criteria}
    # A new weight or place keeps the criterion's row; the same name twice is refused.
    with a.transaction() as session:
        voting.update_round(
            session, round_id, replace(draft, criteria=(("ผลกระทบ", 2.0), ("ความพร้อม", 1.0)))
        )
        after = voting.get_round(session, round_id).criteria
    assert after == ((before["ผลกระทบ"], "ผลกระทบ", 2.0), (before["ความพร้อม"], "ความพร้อม", 1.0))
    twice = replace(draft, criteria=(("ความพร้อม", 1.0), (" ความพร้อม ", 2.0)))
    with pytest.raises(FieldError, match="listed twice"), a.transaction() as session:
        voting.update_round(session, round_id, twice)


def test_a_paper_count_set_on_two_laptops_is_one_count(
    laptops: tuple[Database, Database], base: Base, tmp_path: Path
) -> None:
    a, b = laptops
    dots = _open_round(a, base, VoteMethod.DOTS.value, dots_per_voter=5, cap_per_idea=2)
    ranking = _open_round(a, base, VoteMethod.RANKING.value, rank_count=3)
    _copy(a, b, tmp_path)
    first, second = base.ideas[:2]
    with a.transaction() as session:
        voting.set_tally(session, dots, first, None, 3)
        voting.set_tally(session, ranking, first, base.gov_sector, 2, rank=1)
    _later()
    with b.transaction() as session:
        voting.set_tally(session, dots, first, None, 5)
        voting.set_tally(session, dots, second, None, 4)  # only on this laptop
        voting.set_tally(session, ranking, first, base.gov_sector, 1, rank=1)
    _swap(a, b, tmp_path)

    for database in (a, b):
        _assert_one_per_key(database, PaperTally, "round_id", "idea_id", "sector_id", "rank")
        with database.session() as session:
            assert voting.get_tally(session, dots, first, None) == 5  # the later count
            count = voting.round_results(session, dots).count
            assert count.result(first).score == 5.0
            assert count.result(second).score == 4.0
            assert count.paper_votes == 9
            ranked = voting.round_results(session, ranking).count
            assert ranked.paper_votes == 1
            assert ranked.result(first).score == 3.0  # one voter put it first: 3 points
            assert len(voting.list_tallies(session, ranking)) == 1
        # The earlier counts are kept for review, not lost.
        assert _conflict_tables(database, base.workshop_id) == {"paper_tallies"}

    # Editing the merged count changes that one row.
    with a.transaction() as session:
        assert voting.set_tally(session, dots, first, None, 6) == 5
    with a.session() as session:
        assert voting.round_results(session, dots).count.result(first).score == 6.0


def test_a_draft_round_edited_on_two_laptops_lists_each_idea_and_criterion_once(
    laptops: tuple[Database, Database], base: Base, tmp_path: Path
) -> None:
    a, b = laptops
    i0, i1, i2, i3 = base.ideas
    draft = voting.RoundDraft(
        "ให้คะแนนตามเกณฑ์",
        VoteMethod.CRITERIA.value,
        (i0, i1),
        criteria=(("ความพร้อม", 1.0),),
    )
    with a.transaction() as session:
        round_id = voting.create_round(session, base.workshop_id, draft)
    _copy(a, b, tmp_path)
    with a.transaction() as session:
        voting.update_round(
            session,
            round_id,
            replace(
                draft,
                idea_ids=(i0, i1, i2),
                criteria=(("ความพร้อม", 2.0), ("ผลกระทบ", 1.0)),
            ),
        )
    _later()
    with b.transaction() as session:
        voting.update_round(
            session,
            round_id,
            replace(
                draft,
                idea_ids=(i0, i1, i2, i3),
                criteria=(("ความพร้อม", 1.0), ("ผลกระทบ", 3.0)),
            ),
        )
    _swap(a, b, tmp_path)

    for database in (a, b):
        _assert_one_per_key(database, VoteRoundIdea, "round_id", "idea_id")
        _assert_one_per_key(database, VoteCriterion, "round_id", "name")
        with database.session() as session:
            row = voting.get_round(session, round_id)
        assert row.idea_ids == (i0, i1, i2, i3)
        # "ความพร้อม": only laptop A changed it (B wrote the weight it had); "ผลกระทบ":
        # both added it, the later version wins.
        assert [(n, w) for _c, n, w in row.criteria] == [("ความพร้อม", 2.0), ("ผลกระทบ", 3.0)]

    # The merged round opens, takes ballots on its criteria and counts each idea once.
    with a.transaction() as session:
        voting.open_round(session, round_id)
        criteria = [c for c, _n, _w in voting.get_round(session, round_id).criteria]
        voting.cast_ballot(
            session,
            round_id,
            base.people[0],
            [Mark(i0, 4, criteria[0]), Mark(i0, 4, criteria[1])],
        )
    with a.session() as session:
        results = voting.round_results(session, round_id)
    assert [r.idea_id for r in results.count.ideas].count(i0) == 1
    assert len(results.count.ideas) == 4


def test_ballots_of_one_person_from_two_laptops_count_once(
    laptops: tuple[Database, Database], base: Base, tmp_path: Path
) -> None:
    a, b = laptops
    round_id = _open_round(a, base, VoteMethod.APPROVAL.value)
    _copy(a, b, tmp_path)
    voter = base.people[0]
    i0, i1, i2, _i3 = base.ideas
    paper = CastBy.PAPER.value
    with a.transaction() as session:
        voting.cast_ballot(session, round_id, voter, [Mark(i0, 1)])
        voting.cast_ballot(session, round_id, None, [Mark(i2, 1)], paper)
    _later()
    with b.transaction() as session:
        later = voting.cast_ballot(session, round_id, voter, [Mark(i1, 1)])
        voting.cast_ballot(session, round_id, None, [Mark(i2, 1)], paper)
    _swap(a, b, tmp_path)

    for database in (a, b):
        with database.session() as session:
            stored = session.scalars(
                select(Ballot).where(Ballot.round_id == round_id, Ballot.deleted.is_(False))
            ).all()
            results = voting.round_results(session, round_id)
        assert len(stored) == 4  # both ballots of the voter are kept (nothing is lost)
        named = [r for r in results.ballots if r.attendee_id is not None]
        assert [r.id for r in named] == [later]  # but only the latest counts
        assert results.count.ballots == 3  # and both anonymous paper forms
        scores = {r.idea_id: r.score for r in results.count.ideas}
        assert (scores[i0], scores[i1], scores[i2]) == (0.0, 1.0, 2.0)
        assert results.count.ballots_by_sector[base.gov_sector] == 1

    # The voter can still replace their ballot, as the page does it (withdraw the one
    # counted, cast the new one), and undo that; the older ballot does not come back.
    def counted(database: Database) -> list[tuple[str, tuple[Mark, ...]]]:
        with database.session() as session:
            listed = voting.list_ballots(session, round_id)
        return [(r.id, r.marks) for r in listed if r.attendee_id == voter]

    with a.transaction() as session:
        replaces = voting.existing_ballot(session, round_id, voter)
        assert replaces == later
        voting.withdraw_ballot(session, replaces)
        newest = voting.cast_ballot(session, round_id, voter, [Mark(i2, 1)])
    assert counted(a) == [(newest, (Mark(i2, 1),))]
    with a.transaction() as session:  # undo
        voting.withdraw_ballot(session, newest)
        voting.restore_ballot(session, later)
    assert counted(a) == [(later, (Mark(i1, 1),))]
    with a.transaction() as session:  # and withdrawing that one leaves no ballot counted
        voting.withdraw_ballot(session, later)
    assert counted(a) == []


# --- the action plan ----------------------------------------------------------------------


def test_a_project_edited_on_two_laptops_counts_each_years_budget_once(
    laptops: tuple[Database, Database], base: Base, tmp_path: Path
) -> None:
    a, b = laptops
    i0, i1, i2, _i3 = base.ideas
    draft = ProjectDraft(
        issue_id=base.issue_id,
        name="โครงการยกระดับการผลิตข้าวแบบแปลงใหญ่",
        budgets=((2569, Decimal("100000")),),
        activities=(ActivityDraft("อบรมเกษตรกร", Decimal("50000")),),
        idea_ids=(i0,),
    )
    with a.transaction() as session:
        project_id = projects.add_project(session, base.workshop_id, draft)
    _copy(a, b, tmp_path)
    with a.transaction() as session:
        projects.update_project(
            session,
            project_id,
            replace(
                draft,
                budgets=((2569, Decimal("100000")), (2570, Decimal("200000"))),
                activities=(*draft.activities, ActivityDraft("ศึกษาดูงาน", Decimal("20000"))),
                idea_ids=(i0, i1),
            ),
        )
    _later()
    with b.transaction() as session:
        projects.update_project(
            session,
            project_id,
            replace(
                draft,
                budgets=((2569, Decimal("100000")), (2570, Decimal("300000"))),
                activities=(*draft.activities, ActivityDraft("จัดทำแปลงสาธิต", Decimal("30000"))),
                idea_ids=(i0, i1, i2),
            ),
        )
    _swap(a, b, tmp_path)

    for database in (a, b):
        _assert_one_per_key(database, ProjectBudget, "project_id", "fiscal_year")
        _assert_one_per_key(database, ProjectActivity, "project_id", "position")
        _assert_one_per_key(database, ProjectIdea, "project_id", "idea_id")
        with database.session() as session:
            rows = projects.list_projects(session, base.workshop_id)
        [row] = rows
        assert row.draft.budgets == ((2569, Decimal("100000")), (2570, Decimal("300000")))
        assert [x.name for x in row.draft.activities] == ["อบรมเกษตรกร", "จัดทำแปลงสาธิต"]
        assert sorted(row.draft.idea_ids) == sorted((i0, i1, i2))
        totals = projects.plan_totals(r.draft for r in rows)
        assert totals.total == Decimal("400000")
        assert totals.by_year == {2569: Decimal("100000"), 2570: Decimal("300000")}
        assert _conflict_tables(database, base.workshop_id) >= {
            "project_budgets",
            "project_activities",
        }


def test_a_reference_list_first_edited_on_two_laptops_is_one_list(
    laptops: tuple[Database, Database], base: Base, tmp_path: Path
) -> None:
    a, b = laptops
    with a.transaction() as session:
        reference_lists.set_reference_list(
            session, base.workshop_id, "agency", ["อบจ.สงขลา", "เทศบาลนครหาดใหญ่"]
        )
    _later()
    wanted = ["อบจ.สงขลา", "สำนักงานเกษตรจังหวัดสงขลา", "สำนักงานพัฒนาชุมชนจังหวัดสงขลา"]
    with b.transaction() as session:
        reference_lists.set_reference_list(session, base.workshop_id, "agency", wanted)
    _swap(a, b, tmp_path)

    for database in (a, b):
        _assert_one_per_key(database, ReferenceItem, "workshop_id", "list_name", "position")
        with database.session() as session:
            assert reference_lists.reference_list(session, base.workshop_id, "agency") == wanted


# --- undo and redo ------------------------------------------------------------------------


def _ids(database: Database, *models: Any) -> dict[str, set[tuple[str, bool]]]:
    """Every row (tombstones too) of ``models``: (id, deleted)."""
    with database.session() as session:
        return {
            model.__tablename__: {(r.id, r.deleted) for r in session.scalars(select(model))}
            for model in models
        }


def test_redo_after_undo_reuses_the_same_rows(
    qtbot: QtBot, laptops: tuple[Database, Database], base: Base
) -> None:
    # The undo commands of the pages, on a real undo stack: redo after undo must bring
    # back the same rows (same ids), never add new random ones.
    from workshop_app.ui.commands import edit_project_command, edit_reference_list_command
    from workshop_app.ui.context import WorkshopContext
    from workshop_app.ui.vote_commands import create_round_command, tally_command

    a, _b = laptops
    context = WorkshopContext(a, base.workshop_id, "en")
    stack = context.undo_stack
    i0, i1, _i2, _i3 = base.ideas
    models = (
        VoteRoundIdea,
        VoteCriterion,
        PaperTally,
        ProjectBudget,
        ProjectActivity,
        ProjectIdea,
        ReferenceItem,
    )

    round_draft = voting.RoundDraft(
        "ให้คะแนน", VoteMethod.CRITERIA.value, (i0, i1), criteria=(("ความพร้อม", 1.0),)
    )
    stack.push(create_round_command(context, round_draft, "3f1e0c52-0000-4000-8000-000000000001"))
    dots = _open_round(a, base, VoteMethod.DOTS.value)
    stack.push(tally_command(context, dots, i0, None, None, 3, 0))
    stack.push(tally_command(context, dots, i0, None, None, 5, 3))
    project_draft = ProjectDraft(issue_id=base.issue_id, name="โครงการตลาดน้ำ", idea_ids=(i0,))
    with a.transaction() as session:
        project_id = projects.add_project(session, base.workshop_id, project_draft)
    edited = replace(
        project_draft,
        budgets=((2569, Decimal("10")), (2570, Decimal("20"))),
        activities=(ActivityDraft("อบรม", Decimal("5")),),
        idea_ids=(i0, i1),
    )
    stack.push(edit_project_command(context, project_id, project_draft, edited))
    stack.push(edit_reference_list_command(context, "agency", [], ["อบจ.สงขลา", "อบต.คลองแห"]))
    done = _ids(a, *models)

    for _ in range(2):
        for _command in range(stack.count()):
            stack.undo()
        with a.session() as session:
            assert voting.get_tally(session, dots, i0, None) == 0
            assert projects.get_project(session, project_id).draft == project_draft
            assert reference_lists.reference_list(session, base.workshop_id, "agency") == []
        for _command in range(stack.count()):
            stack.redo()
        assert _ids(a, *models) == done  # the same rows, live again; nothing new
        with a.session() as session:
            assert voting.get_tally(session, dots, i0, None) == 5
            assert projects.get_project(session, project_id).draft == edited
            assert reference_lists.reference_list(session, base.workshop_id, "agency") == [
                "อบจ.สงขลา",
                "อบต.คลองแห",
            ]
            stored_round = voting.get_round(session, "3f1e0c52-0000-4000-8000-000000000001")
            assert stored_round.idea_ids == (i0, i1)

    # The rows created have the ids of their keys, whichever laptop makes them.
    with a.session() as session:
        budget_ids = set(
            session.scalars(select(ProjectBudget.id).where(ProjectBudget.project_id == project_id))
        )
        tally_ids = set(session.scalars(select(PaperTally.id).where(PaperTally.round_id == dots)))
    assert budget_ids == {natural_id("project_budgets", project_id, y) for y in (2569, 2570)}
    assert tally_ids == {natural_id("paper_tallies", dots, i0, None, None)}
