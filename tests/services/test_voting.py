"""Vote rounds in the database: set-up, opening and closing, ballots, paper tallies and
results, against a real SQLite file. Every refusal must leave the database as it was."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from workshop_app.db.database import Database
from workshop_app.errors import FieldError, UserError
from workshop_app.models import (
    Ballot,
    BallotMark,
    CastBy,
    IdeaKind,
    PaperTally,
    RoundState,
    VoteCriterion,
    VoteMethod,
    VoteRound,
    VoteRoundEvent,
    VoteRoundIdea,
)
from workshop_app.services.attendees import (
    AttendeeDraft,
    add_attendee,
    check_in,
    delete_attendee,
    get_attendee,
    list_attendees,
    sector_counts,
    undo_check_in,
    update_attendee,
)
from workshop_app.services.ideas import (
    IdeaDraft,
    add_idea,
    delete_idea,
    merge_ideas,
    unmerge_ideas,
)
from workshop_app.services.vote_counting import Mark, RoundCount, Tally
from workshop_app.services.voting import (
    DuplicateBallotError,
    RoundDraft,
    RoundResults,
    back_to_draft,
    cast_ballot,
    close_round,
    create_round,
    delete_round,
    find_voter,
    get_round,
    get_tally,
    ideas_of_issue,
    list_ballots,
    list_rounds,
    list_tallies,
    open_round,
    restore_ballot,
    restore_round,
    round_events,
    round_results,
    set_revealed,
    set_tally,
    top_of_round,
    update_round,
    withdraw_ballot,
)
from workshop_app.services.workshops import create_workshop, list_issues, list_sectors

NOON = dt.datetime(2026, 5, 25, 5, 0, tzinfo=dt.UTC)
PRESENT = 5  # checked in: three in government (sector 0), two in private (sector 3)
VOTE_TABLES = (VoteRound, VoteRoundIdea, VoteCriterion, VoteRoundEvent, Ballot, BallotMark)


@dataclass(frozen=True)
class Hall:
    workshop_id: str
    sector_ids: list[str]
    gov: list[str]  # codes 1, 2, 3: checked in, sector 0 (ส่วนราชการ)
    absent: str  # code 4: sector 0, not checked in
    private: list[str]  # codes 5, 6: checked in, sector 3 (ภาคเอกชน)
    ideas: list[str]  # four project cards of issue 1, in board order
    proposal: str  # a proposal card of issue 1 (after the projects)
    elsewhere: str  # a project card of issue 2
    issue_ids: list[str]
    other_workshop_id: str
    other_sector: str
    other_attendee: str  # code 1 of the other workshop, checked in
    other_idea: str

    @property
    def gov_sector(self) -> str:
        return self.sector_ids[0]

    @property
    def private_sector(self) -> str:
        return self.sector_ids[3]


PROJECTS = (
    "โครงการยกระดับการผลิตข้าวแบบแปลงใหญ่",
    "โครงการพัฒนาตลาดน้ำสู่การท่องเที่ยวคุณภาพ",
    "โครงการพัฒนาคุณภาพชีวิตผู้สูงอายุ",
    "โครงการบริหารจัดการขยะมูลฝอยแบบบูรณาการ",
)


@pytest.fixture
def hall(db: Database) -> Hall:
    with db.transaction() as session:
        workshop_id = create_workshop(session, "ประชุมจัดลำดับความสำคัญโครงการ จังหวัดสงขลา")
        sectors = [s.id for s in list_sectors(session, workshop_id)]
        issues = [i.id for i in list_issues(session, workshop_id)]

        def person(first: str, last: str, sector: str, here: bool) -> str:
            return add_attendee(
                session,
                workshop_id,
                AttendeeDraft(first_name=first, last_name=last, sector_id=sector),
                checked_in_at=NOON if here else None,
            )

        gov = [
            person("สมชาย", "ใจดี", sectors[0], True),
            person("วนิดา", "ศรีสุข", sectors[0], True),
            person("ประเสริฐ", "ทองคำ", sectors[0], True),
        ]
        absent = person("กาญจนา", "บุญมา", sectors[0], False)
        private = [
            person("อนุชา", "มีสุข", sectors[3], True),
            person("รัตนา", "แสงทอง", sectors[3], True),
        ]
        ideas = [
            add_idea(session, workshop_id, issues[0], IdeaDraft(text, IdeaKind.PROJECT.value))
            for text in PROJECTS
        ]
        proposal = add_idea(
            session, workshop_id, issues[0], IdeaDraft("ส่งเสริมการแปรรูปยางพาราเพื่อเพิ่มมูลค่า")
        )
        elsewhere = add_idea(
            session,
            workshop_id,
            issues[1],
            IdeaDraft("โครงการพัฒนาด่านสะเดา", IdeaKind.PROJECT.value),
        )
        other_id = create_workshop(session, "ประชุมประชาคมอำเภอ")
        other_sector = list_sectors(session, other_id)[0].id
        other_attendee = add_attendee(
            session,
            other_id,
            AttendeeDraft(first_name="สมหญิง", last_name="แก้วมณี", sector_id=other_sector),
            checked_in_at=NOON,
        )
        other_idea = add_idea(
            session,
            other_id,
            list_issues(session, other_id)[0].id,
            IdeaDraft("โครงการถนนเชื่อมหมู่บ้าน", IdeaKind.PROJECT.value),
        )
        return Hall(
            workshop_id=workshop_id,
            sector_ids=sectors,
            gov=gov,
            absent=absent,
            private=private,
            ideas=ideas,
            proposal=proposal,
            elsewhere=elsewhere,
            issue_ids=issues,
            other_workshop_id=other_id,
            other_sector=other_sector,
            other_attendee=other_attendee,
            other_idea=other_idea,
        )


# --- helpers ------------------------------------------------------------------------------


def _draft(hall: Hall, method: str = VoteMethod.DOTS.value, **changes: Any) -> RoundDraft:
    base = RoundDraft(title="จัดลำดับโครงการ ประเด็นที่ 1", method=method, idea_ids=tuple(hall.ideas))
    return dataclasses.replace(base, **changes)


def _new_round(
    db: Database,
    hall: Hall,
    method: str = VoteMethod.DOTS.value,
    *,
    opened: bool = True,
    **changes: Any,
) -> str:
    with db.transaction() as session:
        round_id = create_round(session, hall.workshop_id, _draft(hall, method, **changes))
        if opened:
            open_round(session, round_id)
        return round_id


def _cast(
    db: Database,
    round_id: str,
    attendee_id: str | None,
    *marks: tuple[str, int],
    cast_by: str = CastBy.STAFF.value,
    replace: bool = False,
) -> str:
    with db.transaction() as session:
        return cast_ballot(
            session,
            round_id,
            attendee_id,
            [Mark(i, v) for i, v in marks],
            cast_by,
            replace=replace,
        )


def _tally(
    db: Database,
    round_id: str,
    idea_id: str,
    sector_id: str | None,
    count: int,
    rank: int | None = None,
) -> int:
    with db.transaction() as session:
        return set_tally(session, round_id, idea_id, sector_id, count, rank)


def _do(db: Database, action: Callable[[Session], object]) -> None:
    with db.transaction() as session:
        action(session)


def _results(db: Database, round_id: str) -> RoundResults:
    with db.session() as session:
        return round_results(session, round_id)


def _count(db: Database, round_id: str) -> RoundCount:
    return _results(db, round_id).count


def _scores(db: Database, round_id: str) -> dict[str, float]:
    return {r.idea_id: r.score for r in _count(db, round_id).ideas}


def _state(db: Database, round_id: str) -> str:
    with db.session() as session:
        return get_round(session, round_id).state


def _events(db: Database, round_id: str) -> list[str]:
    with db.session() as session:
        return [e.action for e in round_events(session, round_id)]


def _snapshot(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the voting tables (and the tallies), to prove nothing changed."""
    with db.session() as session:
        snapshot: dict[str, list[tuple[Any, ...]]] = {}
        for model in (*VOTE_TABLES, PaperTally):
            table = model.__table__
            rows = session.execute(select(table).order_by(table.c.id)).all()
            snapshot[model.__tablename__] = [tuple(r) for r in rows]
        return snapshot


def _refused(
    db: Database, action: Callable[[Session], object], error: type[UserError] = UserError
) -> UserError:
    """Run ``action`` in a transaction; it must raise ``error`` and change nothing."""
    before = _snapshot(db)
    with pytest.raises(error) as caught, db.transaction() as session:
        action(session)
    assert _snapshot(db) == before
    assert caught.value.thai.strip() and caught.value.english.strip()
    return caught.value


def _ballot_rows(db: Database) -> tuple[int, int]:
    """(ballots in the count, ballots stored including withdrawn)."""
    with db.session() as session:
        rows = session.scalars(select(Ballot)).all()
        return sum(not b.deleted for b in rows), len(rows)


def _turnout(results: RoundResults) -> dict[str | None, tuple[int, int]]:
    return {t.sector_id: (t.present, t.voted) for t in results.turnout}


# --- setting up rounds ----------------------------------------------------------------------


def test_create_round_stores_a_clean_draft(db: Database, hall: Hall) -> None:
    with db.transaction() as session:
        first = create_round(
            session,
            hall.workshop_id,
            _draft(
                hall,
                title="  รอบที่   1 \n จัดลำดับ ",
                chosen_by="  ข้อเสนอโครงการ   ทั้งหมด ",
                dots_per_voter=3,
                cap_per_idea=9,
                criteria=(("ไม่ใช้", 1.0),),
            ),
        )
        second = create_round(
            session,
            hall.workshop_id,
            _draft(
                hall,
                VoteMethod.CRITERIA.value,
                idea_ids=(hall.ideas[2], hall.ideas[0]),
                criteria=(("  ", 5.0), (" ความสอดคล้อง ", 1), ("ความพร้อม", 2.5)),
            ),
        )
    with db.session() as session:
        one = get_round(session, first)
        two = get_round(session, second)
        assert [r.id for r in list_rounds(session, hall.workshop_id)] == [first, second]
        assert list_rounds(session, hall.other_workshop_id) == []
    assert (one.number, one.title, one.chosen_by) == (1, "รอบที่ 1 จัดลำดับ", "ข้อเสนอโครงการ ทั้งหมด")
    assert (one.state, one.revealed, one.method) == (RoundState.DRAFT, False, VoteMethod.DOTS)
    assert (one.dots_per_voter, one.cap_per_idea) == (3, 3)  # the cap cannot exceed the budget
    assert one.criteria == ()  # criteria only for a criteria round
    assert one.idea_ids == tuple(hall.ideas)
    assert two.number == 2
    assert two.idea_ids == (hall.ideas[2], hall.ideas[0])
    assert [(name, weight) for _id, name, weight in two.criteria] == [
        ("ความสอดคล้อง", 1.0),
        ("ความพร้อม", 2.5),
    ]
    assert two.settings().criteria == tuple((c, w) for c, _n, w in two.criteria)
    assert two.draft().criteria == (("ความสอดคล้อง", 1.0), ("ความพร้อม", 2.5))
    assert _events(db, first) == []


BAD_DRAFTS: list[tuple[dict[str, Any], str, str]] = [
    ({"title": "   "}, "title", "Give the round a title."),
    ({"method": "lottery"}, "method", "Unknown method lottery."),
    ({"idea_ids": ()}, "ideas", "Choose the ideas to vote on."),
    ({"idea_ids": ("A", "A")}, "ideas", "An idea is listed twice."),
    (
        {"idea_ids": ("no-such-idea",)},
        "ideas",
        "An idea was deleted or belongs to another workshop.",
    ),
    ({"dots_per_voter": 0}, "dots_per_voter", "Dots per voter must be from 1 to 100."),
    ({"dots_per_voter": 101}, "dots_per_voter", "Dots per voter must be from 1 to 100."),
    ({"cap_per_idea": 0}, "cap_per_idea", "Most dots per idea must be from 1 to 100."),
    ({"rank_count": 0}, "rank_count", "Ranks per voter must be from 1 to 20."),
    ({"rank_count": 21}, "rank_count", "Ranks per voter must be from 1 to 20."),
    ({"scale_max": 0}, "scale_max", "Top score per criterion must be from 1 to 10."),
    ({"scale_max": 11}, "scale_max", "Top score per criterion must be from 1 to 10."),
    (
        {"criteria": (("ความพร้อม", 0.0),)},
        "criteria",
        "The weight of \u201cความพร้อม\u201d must be above 0 and at most 100.",
    ),
    (
        {"criteria": (("ความพร้อม", 100.5),)},
        "criteria",
        "The weight of \u201cความพร้อม\u201d must be above 0 and at most 100.",
    ),
    ({"method": VoteMethod.CRITERIA.value}, "criteria", "Add at least one criterion."),
    (
        {"method": VoteMethod.CRITERIA.value, "criteria": (("  ", 1.0),)},
        "criteria",
        "Add at least one criterion.",
    ),
]


@pytest.mark.parametrize(("changes", "field", "english"), BAD_DRAFTS)
def test_create_round_refuses_a_bad_draft(
    db: Database, hall: Hall, changes: dict[str, Any], field: str, english: str
) -> None:
    draft = _draft(hall, **changes)
    if draft.idea_ids == ("A", "A"):
        draft = dataclasses.replace(draft, idea_ids=(hall.ideas[0], hall.ideas[0]))
    error = _refused(db, lambda s: create_round(s, hall.workshop_id, draft), FieldError)
    assert isinstance(error, FieldError)
    assert (error.field, error.english) == (field, english)


def test_create_round_refuses_deleted_and_foreign_ideas(db: Database, hall: Hall) -> None:
    _do(db, lambda s: delete_idea(s, hall.ideas[3]))
    for idea in (hall.ideas[3], hall.other_idea):
        draft = _draft(hall, idea_ids=(hall.ideas[0], idea))
        error = _refused(
            db, partial(create_round, workshop_id=hall.workshop_id, draft=draft), FieldError
        )
        assert error.english == "An idea was deleted or belongs to another workshop."


def test_update_round_only_while_draft(db: Database, hall: Hall) -> None:
    round_id = _new_round(
        db, hall, VoteMethod.CRITERIA.value, opened=False, criteria=(("ความพร้อม", 1.0),)
    )
    with db.session() as session:
        old_criteria = get_round(session, round_id).criteria
    changed = _draft(
        hall,
        VoteMethod.CRITERIA.value,
        title="รอบใหม่",
        idea_ids=(hall.ideas[3], hall.elsewhere),
        scale_max=5,
        criteria=(("ผลกระทบ", 2.0), ("ความคุ้มค่า", 1.0)),
    )
    _do(db, lambda s: update_round(s, round_id, changed))
    with db.session() as session:
        row = get_round(session, round_id)
        stored_criteria = session.scalars(
            select(VoteCriterion).where(VoteCriterion.round_id == round_id)
        ).all()
    assert (row.title, row.scale_max, row.number) == ("รอบใหม่", 5, 1)
    assert row.idea_ids == (hall.ideas[3], hall.elsewhere)
    assert [(n, w) for _c, n, w in row.criteria] == [("ผลกระทบ", 2.0), ("ความคุ้มค่า", 1.0)]
    # the old criterion is kept as a tombstone only
    assert {c.id for c in stored_criteria if c.deleted} == {c for c, _n, _w in old_criteria}

    bad = dataclasses.replace(changed, title="")
    assert _refused(db, lambda s: update_round(s, round_id, bad), FieldError).english == (
        "Give the round a title."
    )
    _do(db, lambda s: open_round(s, round_id))
    expected = "Only a draft round's method, settings and ideas can be changed."
    assert _refused(db, lambda s: update_round(s, round_id, changed)).english == expected
    _do(db, lambda s: close_round(s, round_id))
    assert _refused(db, lambda s: update_round(s, round_id, changed)).english == expected


def test_delete_round_refuses_a_closed_round(db: Database, hall: Hall) -> None:
    draft_id = _new_round(db, hall, opened=False)
    open_id = _new_round(db, hall)
    closed_id = _new_round(db, hall)
    _do(db, lambda s: close_round(s, closed_id))
    _do(db, lambda s: delete_round(s, draft_id))
    _do(db, lambda s: delete_round(s, open_id))
    error = _refused(db, lambda s: delete_round(s, closed_id))
    assert error.english == "A closed round cannot be deleted (its result is on record)."
    with db.session() as session:
        assert [r.id for r in list_rounds(session, hall.workshop_id)] == [closed_id]
    gone = _refused(db, lambda s: get_round(s, draft_id))
    assert gone.english == "This vote round does not exist."
    _do(db, lambda s: restore_round(s, draft_id))
    with db.session() as session:
        assert [r.id for r in list_rounds(session, hall.workshop_id)] == [draft_id, closed_id]


def test_create_round_with_an_id_brings_back_an_undone_round(db: Database, hall: Hall) -> None:
    with db.transaction() as session:
        round_id = create_round(session, hall.workshop_id, _draft(hall), round_id="round-redo")
    assert round_id == "round-redo"
    _do(db, lambda s: delete_round(s, round_id))
    with db.transaction() as session:
        again = create_round(session, hall.workshop_id, _draft(hall), round_id=round_id)
    assert again == round_id
    with db.session() as session:
        assert [r.id for r in list_rounds(session, hall.workshop_id)] == [round_id]


def test_set_revealed(db: Database, hall: Hall) -> None:
    round_id = _new_round(db, hall)
    _do(db, lambda s: set_revealed(s, round_id, True))
    with db.session() as session:
        assert get_round(session, round_id).revealed
    _do(db, lambda s: close_round(s, round_id))
    _do(db, lambda s: set_revealed(s, round_id, False))
    with db.session() as session:
        assert not get_round(session, round_id).revealed
    assert _refused(db, lambda s: set_revealed(s, "no-such-round", True)).english == (
        "This vote round does not exist."
    )


# --- opening and closing --------------------------------------------------------------------


def test_open_close_reopen_are_logged(db: Database, hall: Hall) -> None:
    round_id = _new_round(db, hall, opened=False)
    assert _state(db, round_id) == RoundState.DRAFT
    error = _refused(db, lambda s: close_round(s, round_id))
    assert error.english == "Only an open round can be closed."
    _do(db, lambda s: open_round(s, round_id))
    _do(db, lambda s: open_round(s, round_id))  # already open: nothing happens, nothing logged
    assert (_state(db, round_id), _events(db, round_id)) == (RoundState.OPEN, ["open"])
    _do(db, lambda s: close_round(s, round_id))
    assert _refused(db, lambda s: close_round(s, round_id)).english == (
        "Only an open round can be closed."
    )
    _do(db, lambda s: open_round(s, round_id))
    assert _state(db, round_id) == RoundState.OPEN
    _do(db, lambda s: close_round(s, round_id))
    assert _state(db, round_id) == RoundState.CLOSED
    assert _events(db, round_id) == ["open", "close", "reopen", "close"]
    with db.session() as session:
        events = round_events(session, round_id)
    assert all(e.at.tzinfo is not None and e.device_id for e in events)
    assert [e.at for e in events] == sorted(e.at for e in events)


def test_back_to_draft_only_while_nothing_is_voted(db: Database, hall: Hall) -> None:
    round_id = _new_round(db, hall)
    _do(db, lambda s: back_to_draft(s, round_id))
    assert _state(db, round_id) == RoundState.DRAFT
    assert _events(db, round_id) == ["open", "draft"]
    _do(db, lambda s: update_round(s, round_id, _draft(hall, dots_per_voter=3)))
    _do(db, lambda s: open_round(s, round_id))
    assert _events(db, round_id) == ["open", "draft", "open"]

    ballot = _cast(db, round_id, hall.gov[0], (hall.ideas[0], 1))
    expected = "Votes have been cast in this round; it cannot go back to draft."
    assert _refused(db, lambda s: back_to_draft(s, round_id)).english == expected
    _do(db, lambda s: withdraw_ballot(s, ballot))
    _tally(db, round_id, hall.ideas[1], None, 0)  # a tally of 0 is no vote
    _do(db, lambda s: back_to_draft(s, round_id))
    _do(db, lambda s: open_round(s, round_id))
    _tally(db, round_id, hall.ideas[1], None, 2)
    assert _refused(db, lambda s: back_to_draft(s, round_id)).english == expected
    assert _state(db, round_id) == RoundState.OPEN


def test_back_to_draft_refuses_a_closed_round(db: Database, hall: Hall) -> None:
    round_id = _new_round(db, hall)
    _do(db, lambda s: close_round(s, round_id))
    _refused(db, lambda s: back_to_draft(s, round_id))
    assert _state(db, round_id) == RoundState.CLOSED


# --- choosing ideas -------------------------------------------------------------------------


def test_ideas_of_issue_lists_board_cards_of_one_kind(db: Database, hall: Hall) -> None:
    with db.transaction() as session:
        merged = add_idea(
            session, hall.workshop_id, hall.issue_ids[0], IdeaDraft("ซ้ำ", IdeaKind.PROJECT.value)
        )
        deleted = add_idea(
            session, hall.workshop_id, hall.issue_ids[0], IdeaDraft("ลบ", IdeaKind.PROJECT.value)
        )
        merge_ideas(session, hall.ideas[0], [merged])
        delete_idea(session, deleted)
    with db.session() as session:
        assert ideas_of_issue(session, hall.workshop_id, hall.issue_ids[0]) == hall.ideas
        assert ideas_of_issue(session, hall.workshop_id, hall.issue_ids[0], None) == [
            *hall.ideas,
            hall.proposal,
        ]
        assert ideas_of_issue(
            session, hall.workshop_id, hall.issue_ids[0], IdeaKind.PROPOSAL.value
        ) == [hall.proposal]
        assert ideas_of_issue(session, hall.workshop_id, hall.issue_ids[1]) == [hall.elsewhere]
        assert ideas_of_issue(session, hall.workshop_id, hall.issue_ids[2]) == []


def test_top_of_round_includes_ties_at_the_edge(db: Database, hall: Hall) -> None:
    i0, i1, i2, _i3 = hall.ideas
    round_id = _new_round(db, hall)
    _cast(db, round_id, hall.gov[0], (i0, 2), (i1, 2), (i2, 1))
    _cast(db, round_id, hall.gov[1], (i0, 2), (i2, 2))
    _cast(db, round_id, hall.gov[2], (i0, 1))
    # i0: 5, i1: 2, i2: 3 ... make i1 and i2 tie with a paper tally of 1 on i1
    _tally(db, round_id, i1, None, 1)
    with db.session() as session:
        assert top_of_round(session, round_id, 1) == [i0]
        assert top_of_round(session, round_id, 2) == [i0, i1, i2]
        assert top_of_round(session, round_id, 4) == hall.ideas
        assert top_of_round(session, round_id, 0) == []


# --- finding the voter ----------------------------------------------------------------------


def test_find_voter_by_registration_number(db: Database, hall: Hall) -> None:
    with db.session() as session:
        assert find_voter(session, hall.workshop_id, "2") == hall.gov[1]
        assert find_voter(session, hall.workshop_id, "๕") == hall.private[0]
        assert find_voter(session, hall.workshop_id, "  ๐๐๖ ") == hall.private[1]
        assert find_voter(session, hall.workshop_id, "4") == hall.absent  # found, not checked
        assert find_voter(session, hall.workshop_id, "1") == hall.gov[0]
        assert find_voter(session, hall.other_workshop_id, "1") == hall.other_attendee
    missing = _refused(db, lambda s: find_voter(s, hall.workshop_id, "99"))
    assert (missing.english, missing.thai) == ("No attendee has number 99.", "ไม่พบเลขทะเบียน 99")
    assert _refused(db, lambda s: find_voter(s, hall.workshop_id, "๑๒")).english == (
        "No attendee has number 12."
    )
    for junk in ("", "  ", "abc", "1.5", "-1", "๑ก"):
        error = _refused(db, partial(find_voter, workshop_id=hall.workshop_id, code=junk))
        assert error.english == "Type the registration number."
    _do(db, lambda s: delete_attendee(s, hall.gov[2]))
    assert _refused(db, lambda s: find_voter(s, hall.workshop_id, "3")).english == (
        "No attendee has number 3."
    )


def test_find_voter_refuses_superscript_digits_politely(db: Database, hall: Hall) -> None:
    with db.session() as session, pytest.raises(UserError):
        find_voter(session, hall.workshop_id, "²")


# --- ballots --------------------------------------------------------------------------------


def test_cast_ballot_stores_the_voter_sector_and_marks(db: Database, hall: Hall) -> None:
    i0, i1, i2, _i3 = hall.ideas
    round_id = _new_round(db, hall)
    first = _cast(db, round_id, hall.gov[0], (i0, 2), (i1, 1))
    second = _cast(db, round_id, hall.private[1], (i2, 2), cast_by=CastBy.KIOSK.value)
    paper = _cast(db, round_id, None, (i0, 1), cast_by=CastBy.PAPER.value)
    with db.session() as session:
        rows = {b.id: b for b in list_ballots(session, round_id)}
    assert set(rows) == {first, second, paper}
    assert (rows[first].voter_name, rows[first].code) == ("สมชาย ใจดี", 1)
    assert (rows[first].sector_id, rows[first].cast_by) == (hall.gov_sector, CastBy.STAFF)
    assert sorted(rows[first].marks, key=lambda m: m.idea_id) == sorted(
        [Mark(i0, 2), Mark(i1, 1)], key=lambda m: m.idea_id
    )
    assert (rows[second].code, rows[second].sector_id) == (6, hall.private_sector)
    assert rows[second].cast_by == CastBy.KIOSK
    assert (rows[paper].attendee_id, rows[paper].voter_name, rows[paper].code) == (None, "", None)
    assert (rows[paper].sector_id, rows[paper].cast_by) == (None, CastBy.PAPER)
    assert all(r.at.tzinfo is not None for r in rows.values())
    count = _count(db, round_id)
    assert count.ballots_by_cast == {"staff": 1, "kiosk": 1, "paper": 1}
    assert count.ballots_by_sector == {hall.gov_sector: 1, hall.private_sector: 1, None: 1}


def test_a_voter_must_be_checked_in_and_in_the_register(db: Database, hall: Hall) -> None:
    round_id = _new_round(db, hall)
    mark = [Mark(hall.ideas[0], 1)]
    absent = _refused(db, lambda s: cast_ballot(s, round_id, hall.absent, mark))
    assert absent.english == "กาญจนา บุญมา has not checked in, so cannot vote."
    assert absent.thai == "กาญจนา บุญมา ยังไม่ได้ลงทะเบียนเข้าร่วม จึงลงคะแนนไม่ได้"
    for stranger in (hall.other_attendee, "no-such-person"):
        error = _refused(
            db, partial(cast_ballot, round_id=round_id, attendee_id=stranger, marks=mark)
        )
        assert error.english == "The voter is not in the register."
    _do(db, lambda s: delete_attendee(s, hall.gov[0]))
    gone = _refused(db, lambda s: cast_ballot(s, round_id, hall.gov[0], mark))
    assert gone.english == "The voter is not in the register."
    _do(db, lambda s: undo_check_in(s, hall.gov[1]))
    left = _refused(db, lambda s: cast_ballot(s, round_id, hall.gov[1], mark))
    assert left.english == "วนิดา ศรีสุข has not checked in, so cannot vote."
    assert _ballot_rows(db) == (0, 0)


def test_only_paper_ballots_may_be_anonymous(db: Database, hall: Hall) -> None:
    round_id = _new_round(db, hall)
    mark = [Mark(hall.ideas[0], 1)]
    for how in (CastBy.STAFF.value, CastBy.KIOSK.value):
        error = _refused(
            db, partial(cast_ballot, round_id=round_id, attendee_id=None, marks=mark, cast_by=how)
        )
        assert error.english == "A ballot without a voter must be paper."
    unknown = _refused(db, lambda s: cast_ballot(s, round_id, hall.gov[0], mark, "robot"))
    assert unknown.english == "Unknown way of casting robot."
    # any number of anonymous paper forms; a named paper form keeps the voter's sector
    _cast(db, round_id, None, (hall.ideas[0], 1), cast_by=CastBy.PAPER.value)
    _cast(db, round_id, None, (hall.ideas[0], 2), cast_by=CastBy.PAPER.value)
    _cast(db, round_id, hall.private[0], (hall.ideas[1], 1), cast_by=CastBy.PAPER.value)
    count = _count(db, round_id)
    assert count.ballots_by_sector == {None: 2, hall.private_sector: 1}
    assert count.ballots_by_cast == {"paper": 3}
    assert _scores(db, round_id)[hall.ideas[0]] == 3.0


def test_cast_ballot_refuses_draft_closed_and_unknown_rounds(db: Database, hall: Hall) -> None:
    round_id = _new_round(db, hall, opened=False)
    mark = [Mark(hall.ideas[0], 1)]
    draft = _refused(db, lambda s: cast_ballot(s, round_id, hall.gov[0], mark))
    assert draft.english == "This round is not open for voting yet."
    _do(db, lambda s: open_round(s, round_id))
    _do(db, lambda s: close_round(s, round_id))
    closed = _refused(db, lambda s: cast_ballot(s, round_id, hall.gov[0], mark))
    assert closed.english == "This round is closed; its votes cannot change."
    assert closed.thai == "รอบนี้ปิดแล้ว แก้ไขคะแนนไม่ได้"
    missing = _refused(db, lambda s: cast_ballot(s, "no-such-round", hall.gov[0], mark))
    assert missing.english == "This vote round does not exist."
    deleted_round = _new_round(db, hall)
    _do(db, lambda s: delete_round(s, deleted_round))
    gone = _refused(db, lambda s: cast_ballot(s, deleted_round, hall.gov[0], mark))
    assert gone.english == "This vote round does not exist."
    _do(db, lambda s: open_round(s, round_id))  # reopened: votes are taken again
    _cast(db, round_id, hall.gov[0], (hall.ideas[0], 1))
    assert _ballot_rows(db) == (1, 1)


def test_cast_ballot_checks_the_marks(db: Database, hall: Hall) -> None:
    round_id = _new_round(db, hall)  # 5 dots, at most 2 on one idea
    i0, i1, i2, _i3 = hall.ideas
    cases: list[tuple[list[Mark], str]] = [
        ([], "The ballot has no votes on it."),
        ([Mark(i0, 3)], "At most 2 dots on one idea (this ballot gives 3)."),
        ([Mark(i0, 2), Mark(i1, 2), Mark(i2, 2)], "Over the budget: 6 dots used of 5."),
        ([Mark(hall.proposal, 1)], "The ballot votes for an idea that is not in this round."),
        ([Mark(hall.other_idea, 1)], "The ballot votes for an idea that is not in this round."),
    ]
    for marks, english in cases:
        error = _refused(
            db, partial(cast_ballot, round_id=round_id, attendee_id=hall.gov[0], marks=marks)
        )
        assert error.english == english
    ranking = _new_round(db, hall, VoteMethod.RANKING.value, rank_count=2)
    bad_rank = _refused(db, lambda s: cast_ballot(s, ranking, hall.gov[0], [Mark(i0, 3)]))
    assert bad_rank.english == "Ranks must be from 1 to 2."
    same = [Mark(i0, 1), Mark(i1, 1)]
    assert _refused(db, lambda s: cast_ballot(s, ranking, hall.gov[0], same)).english == (
        "Two ideas have the same rank."
    )
    assert _ballot_rows(db) == (0, 0)


def test_a_second_ballot_is_refused_unless_replacing(db: Database, hall: Hall) -> None:
    i0, i1, _i2, _i3 = hall.ideas
    round_id = _new_round(db, hall)
    first = _cast(db, round_id, hall.gov[0], (i0, 2))
    marks = [Mark(i1, 1)]
    with pytest.raises(DuplicateBallotError) as caught:
        _do(db, lambda s: cast_ballot(s, round_id, hall.gov[0], marks))
    assert caught.value.existing_id == first
    assert caught.value.english == "สมชาย ใจดี has already voted in this round."
    assert caught.value.thai == "สมชาย ใจดี ลงคะแนนในรอบนี้แล้ว"
    _refused(db, lambda s: cast_ballot(s, round_id, hall.gov[0], marks), DuplicateBallotError)
    # the same person on the kiosk is the same person
    _refused(
        db,
        lambda s: cast_ballot(s, round_id, hall.gov[0], marks, CastBy.KIOSK.value),
        DuplicateBallotError,
    )
    # a bad ballot is refused before anything is replaced
    _refused(db, lambda s: cast_ballot(s, round_id, hall.gov[0], [Mark(i1, 9)], replace=True))
    second = _cast(db, round_id, hall.gov[0], (i1, 1), replace=True)
    assert second != first
    with db.session() as session:
        assert [b.id for b in list_ballots(session, round_id)] == [second]
        withdrawn = session.get(Ballot, first)
        assert withdrawn is not None and withdrawn.deleted
    assert _ballot_rows(db) == (1, 2)
    assert _scores(db, round_id) == {i0: 0.0, i1: 1.0, hall.ideas[2]: 0.0, hall.ideas[3]: 0.0}
    # the same person may vote in another round
    other_round = _new_round(db, hall)
    _cast(db, other_round, hall.gov[0], (i0, 1))


def test_withdraw_and_restore_give_back_the_same_results(db: Database, hall: Hall) -> None:
    i0, i1, i2, i3 = hall.ideas
    round_id = _new_round(db, hall, VoteMethod.RANKING.value)
    _cast(db, round_id, hall.gov[0], (i0, 1), (i1, 2), (i2, 3))
    middle = _cast(db, round_id, hall.private[0], (i3, 1), (i0, 2))
    _cast(db, round_id, None, (i2, 1), cast_by=CastBy.PAPER.value)
    _tally(db, round_id, i1, hall.gov_sector, 2, rank=1)
    before = _results(db, round_id)
    _do(db, lambda s: withdraw_ballot(s, middle))
    during = _count(db, round_id)
    assert during.ballots == before.count.ballots - 1
    assert during.result(i3).score == 0.0
    assert during.result(i0).score == before.count.result(i0).score - 2  # rank 2 of 3
    assert _turnout(_results(db, round_id))[hall.private_sector] == (2, 0)
    _do(db, lambda s: restore_ballot(s, middle))
    after = _results(db, round_id)
    assert after.count == before.count
    assert after.turnout == before.turnout
    missing = _refused(db, lambda s: withdraw_ballot(s, "no-such-ballot"))
    assert missing.english == "This ballot does not exist."
    assert _refused(db, lambda s: restore_ballot(s, "no-such-ballot")).english == (
        "This ballot does not exist."
    )


def test_restore_is_refused_when_the_voter_has_voted_again(db: Database, hall: Hall) -> None:
    i0, i1, _i2, _i3 = hall.ideas
    round_id = _new_round(db, hall)
    first = _cast(db, round_id, hall.gov[0], (i0, 2))
    second = _cast(db, round_id, hall.gov[0], (i1, 2), replace=True)
    error = _refused(db, lambda s: restore_ballot(s, first), DuplicateBallotError)
    assert isinstance(error, DuplicateBallotError)
    assert error.existing_id == second
    # undo of the replacement: withdraw the second, bring back the first
    _do(db, lambda s: withdraw_ballot(s, second))
    _do(db, lambda s: restore_ballot(s, first))
    assert _scores(db, round_id)[i0] == 2.0
    assert _scores(db, round_id)[i1] == 0.0


def test_withdraw_and_restore_are_refused_once_closed(db: Database, hall: Hall) -> None:
    round_id = _new_round(db, hall)
    kept = _cast(db, round_id, hall.gov[0], (hall.ideas[0], 1))
    withdrawn = _cast(db, round_id, hall.gov[1], (hall.ideas[1], 1))
    _do(db, lambda s: withdraw_ballot(s, withdrawn))
    _do(db, lambda s: close_round(s, round_id))
    closed = "This round is closed; its votes cannot change."
    assert _refused(db, lambda s: withdraw_ballot(s, kept)).english == closed
    assert _refused(db, lambda s: restore_ballot(s, withdrawn)).english == closed
    assert _ballot_rows(db) == (1, 2)


def test_ballot_keeps_the_sector_at_casting_time(db: Database, hall: Hall) -> None:
    round_id = _new_round(db, hall)
    _cast(db, round_id, hall.gov[0], (hall.ideas[0], 2))
    with db.transaction() as session:
        draft = get_attendee(session, hall.gov[0]).draft()
        update_attendee(
            session, hall.gov[0], dataclasses.replace(draft, sector_id=hall.private_sector)
        )
    with db.session() as session:
        assert [b.sector_id for b in list_ballots(session, round_id)] == [hall.gov_sector]
    results = _results(db, round_id)
    assert results.count.result(hall.ideas[0]).by_sector == {hall.gov_sector: 2.0}
    assert results.count.ballots_by_sector == {hall.gov_sector: 1}
    turnout = _turnout(results)
    assert turnout[hall.gov_sector] == (2, 1)  # present now, voted then
    assert turnout[hall.private_sector] == (3, 0)
    # a ballot cast after the edit goes to the new sector
    _cast(db, round_id, hall.gov[0], (hall.ideas[1], 1), replace=True)
    assert _count(db, round_id).ballots_by_sector == {hall.private_sector: 1}


# --- paper tallies --------------------------------------------------------------------------


def test_set_tally_returns_the_count_it_replaces(db: Database, hall: Hall) -> None:
    round_id = _new_round(db, hall, dots_per_voter=5, cap_per_idea=5)
    i0 = hall.ideas[0]
    assert _tally(db, round_id, i0, hall.gov_sector, 4) == 0
    assert _tally(db, round_id, i0, hall.gov_sector, 7) == 4
    assert _tally(db, round_id, i0, None, 3, rank=2) == 0  # rank means nothing for dots
    with db.session() as session:
        assert get_tally(session, round_id, i0, hall.gov_sector) == 7
        assert get_tally(session, round_id, i0, None) == 3
        assert get_tally(session, round_id, i0, hall.private_sector) == 0
        assert sorted(list_tallies(session, round_id), key=lambda t: t.count) == [
            Tally(i0, None, 3),
            Tally(i0, hall.gov_sector, 7),
        ]
    assert _tally(db, round_id, i0, hall.gov_sector, 0) == 7
    assert _tally(db, round_id, i0, hall.gov_sector, 0) == 0
    with db.session() as session:
        rows = session.scalars(select(PaperTally).where(PaperTally.round_id == round_id)).all()
    assert len(rows) == 2  # one row per idea and sector, updated in place
    count = _count(db, round_id)
    assert count.result(i0).score == 3.0
    assert count.paper_votes == 3


def test_set_tally_refusals(db: Database, hall: Hall) -> None:
    i0 = hall.ideas[0]
    draft = _new_round(db, hall, opened=False)
    assert _refused(db, lambda s: set_tally(s, draft, i0, None, 1)).english == (
        "This round is not open for voting yet."
    )
    round_id = _new_round(db, hall)
    negative = _refused(db, lambda s: set_tally(s, round_id, i0, None, -1), FieldError)
    assert isinstance(negative, FieldError)
    assert (negative.field, negative.english) == ("count", "A count cannot be negative.")
    for idea in (hall.proposal, hall.other_idea, "no-such-idea"):
        error = _refused(
            db, partial(set_tally, round_id=round_id, idea_id=idea, sector_id=None, count=1)
        )
        assert error.english == "This idea is not in the round."
    for sector in (hall.other_sector, "no-such-sector"):
        error = _refused(
            db, partial(set_tally, round_id=round_id, idea_id=i0, sector_id=sector, count=1)
        )
        assert error.english == "This sector does not exist."
    criteria = _new_round(db, hall, VoteMethod.CRITERIA.value, criteria=(("ความพร้อม", 1.0),))
    error = _refused(db, lambda s: set_tally(s, criteria, i0, None, 1))
    assert error.english == "Criteria scores are entered sheet by sheet, not as counts."
    _do(db, lambda s: close_round(s, round_id))
    assert _refused(db, lambda s: set_tally(s, round_id, i0, None, 1)).english == (
        "This round is closed; its votes cannot change."
    )
    assert _refused(db, lambda s: set_tally(s, "no-such-round", i0, None, 1)).english == (
        "This vote round does not exist."
    )


def test_dot_tallies_cannot_exceed_the_dots_of_the_people_present(db: Database, hall: Hall) -> None:
    i0, i1, i2, i3 = hall.ideas
    round_id = _new_round(db, hall, dots_per_voter=5, cap_per_idea=5)
    # 5 present x 5 dots = 25 in all
    _tally(db, round_id, i0, None, 25)
    error = _refused(db, lambda s: set_tally(s, round_id, i0, None, 26), FieldError)
    assert error.english == (
        "This count makes 26 dots in all, more than the people present "
        "(all sectors: 5) could give (25)."
    )
    assert error.thai == ("ยอดนี้ทำให้มีดาวรวม 26 ซึ่งเกินกว่าที่ผู้มาประชุม (ทุกภาคส่วน 5 คน) จะให้ได้ (25)")
    assert _tally(db, round_id, i0, None, 20) == 25
    _tally(db, round_id, i1, None, 5)
    assert _refused(db, lambda s: set_tally(s, round_id, i2, None, 1)).english.startswith(
        "This count makes 26 dots in all"
    )
    # ballots use up dots too: 20 + 4 on paper and 1 on a ballot = 25
    _tally(db, round_id, i1, None, 4)
    _cast(db, round_id, hall.gov[0], (i3, 1))
    assert _refused(db, lambda s: set_tally(s, round_id, i2, None, 1)).english.startswith(
        "This count makes 26 dots in all"
    )
    # an absent person's dots do not count; the absent person checking in adds 5
    _do(db, lambda s: check_in(s, hall.absent))
    _tally(db, round_id, i2, None, 5)
    assert _count(db, round_id).result(i2).score == 5.0


def test_dot_tallies_per_sector_count_that_sector_only(db: Database, hall: Hall) -> None:
    i0, i1, _i2, _i3 = hall.ideas
    round_id = _new_round(db, hall, dots_per_voter=5, cap_per_idea=5)
    # private: 2 present x 5 = 10; one private ballot of 3 dots leaves 7 for paper
    _cast(db, round_id, hall.private[0], (i1, 3))
    _cast(db, round_id, hall.gov[0], (i1, 5))  # another sector: does not count here
    _tally(db, round_id, i0, hall.private_sector, 7)
    error = _refused(db, lambda s: set_tally(s, round_id, i0, hall.private_sector, 8))
    assert error.english == (
        "This count makes 11 dots in all, more than the people present "
        "(ภาคเอกชน: 2) could give (10)."
    )
    assert "(ภาคเอกชน 2 คน) จะให้ได้ (10)" in error.thai
    gov = _refused(db, lambda s: set_tally(s, round_id, i0, hall.gov_sector, 11))
    assert "(ส่วนราชการ: 3) could give (15)" in gov.english
    assert "(ภาคส่วนราชการ 3 คน)" in gov.thai
    _tally(db, round_id, i0, hall.gov_sector, 10)  # 5 on a gov ballot + 10 = 15
    # nobody of the last sector is here: no dots at all from it
    nobody = hall.sector_ids[7]
    assert _tally(db, round_id, i0, nobody, 0) == 0
    assert "could give (0)" in _refused(db, lambda s: set_tally(s, round_id, i0, nobody, 1)).english
    # lowering a count is always allowed, even after people left
    _do(db, lambda s: undo_check_in(s, hall.private[1]))  # private limit now 5, used 10
    assert _tally(db, round_id, i0, hall.private_sector, 6) == 7
    assert _refused(db, lambda s: set_tally(s, round_id, i0, hall.private_sector, 7)).english


def test_sector_dot_tallies_still_respect_the_grand_total(db: Database, hall: Hall) -> None:
    round_id = _new_round(db, hall, dots_per_voter=5, cap_per_idea=5)
    _tally(db, round_id, hall.ideas[0], None, 25)
    _refused(db, lambda s: set_tally(s, round_id, hall.ideas[1], hall.gov_sector, 1))


def test_dot_tally_on_one_idea_respects_the_cap(db: Database, hall: Hall) -> None:
    round_id = _new_round(db, hall, dots_per_voter=5, cap_per_idea=2)
    _tally(db, round_id, hall.ideas[0], None, 10)
    _refused(db, lambda s: set_tally(s, round_id, hall.ideas[0], None, 11))


def test_hands_per_idea_cannot_exceed_the_people_present(db: Database, hall: Hall) -> None:
    i0, i1, _i2, _i3 = hall.ideas
    round_id = _new_round(db, hall, VoteMethod.APPROVAL.value)
    _cast(db, round_id, hall.gov[0], (i0, 1))
    _tally(db, round_id, i0, None, 4)  # 1 ballot + 4 hands = 5 present
    error = _refused(db, lambda s: set_tally(s, round_id, i0, None, 5))
    assert error.english == (
        "This count makes 6 hands in all, more than the people present "
        "(all sectors: 5) could give (5)."
    )
    assert "เสียงยกมือรวม 6" in error.thai
    _tally(db, round_id, i1, None, 5)  # every idea has its own hands
    sector_round = _new_round(db, hall, VoteMethod.APPROVAL.value)
    _cast(db, sector_round, hall.gov[0], (i0, 1))
    _cast(db, sector_round, hall.private[0], (i0, 1))
    _tally(db, sector_round, i0, hall.gov_sector, 2)  # gov: 3 present, 1 ballot
    assert "(ส่วนราชการ: 3) could give (3)" in (
        _refused(db, lambda s: set_tally(s, sector_round, i0, hall.gov_sector, 3)).english
    )
    assert _count(db, round_id).result(i0).score == 5.0
    assert _count(db, sector_round).result(i0).score == 4.0


def test_rank_tallies_one_idea_per_person_at_each_rank(db: Database, hall: Hall) -> None:
    i0, i1, i2, i3 = hall.ideas
    round_id = _new_round(db, hall, VoteMethod.RANKING.value, rank_count=3)
    _cast(db, round_id, hall.gov[0], (i0, 1), (i1, 2))
    _tally(db, round_id, i1, None, 3, rank=1)  # rank 1: 1 ballot + 3
    _tally(db, round_id, i2, None, 1, rank=1)  # = 5 present
    error = _refused(db, lambda s: set_tally(s, round_id, i3, None, 1, 1), FieldError)
    assert error.english == (
        "This count makes 6 voters at rank 1 in all, more than the people present "
        "(all sectors: 5) could give (5)."
    )
    assert "คนที่ให้อันดับ 1" in error.thai
    _tally(db, round_id, i0, None, 4, rank=2)  # rank 2: 1 ballot + 4 = 5
    _tally(db, round_id, i3, None, 5, rank=3)
    for bad in (None, 0, 4):
        rank_error = _refused(
            db,
            partial(set_tally, round_id=round_id, idea_id=i3, sector_id=None, count=1, rank=bad),
            FieldError,
        )
        assert isinstance(rank_error, FieldError)
        assert (rank_error.field, rank_error.english) == ("rank", "Give a rank from 1 to 3.")
    # i0: 3 (ballot) + 4 x 2 = 11; i1: 2 + 3 x 3 = 11; i2: 1 x 3 = 3; i3: 5 x 1 = 5
    assert _scores(db, round_id) == {i0: 11.0, i1: 11.0, i3: 5.0, i2: 3.0}
    count = _count(db, round_id)
    assert [(r.idea_id, r.rank, r.tied) for r in count.ideas] == [
        (i0, 1, True),
        (i1, 1, True),
        (i3, 3, False),
        (i2, 4, False),
    ]
    assert count.paper_votes == 3 + 1 + 4 + 5


# --- results --------------------------------------------------------------------------------


def test_round_results_dots_with_turnout(db: Database, hall: Hall) -> None:
    i0, i1, i2, i3 = hall.ideas
    round_id = _new_round(db, hall)  # 5 dots, at most 2 on one idea
    _cast(db, round_id, hall.gov[0], (i0, 2), (i1, 2), (i2, 1))
    _cast(db, round_id, hall.gov[1], (i0, 1), (i2, 2))
    _cast(db, round_id, hall.private[0], (i1, 2), (i3, 2), (i0, 1), cast_by=CastBy.KIOSK.value)
    _cast(db, round_id, None, (i2, 1), cast_by=CastBy.PAPER.value)
    _tally(db, round_id, i0, hall.gov_sector, 3)
    _tally(db, round_id, i3, hall.private_sector, 1)
    _tally(db, round_id, i1, None, 2)
    results = _results(db, round_id)
    # i0: gov 2 + 1 + 3 = 6, private 1 -> 7;   i1: gov 2, private 2, none 2 -> 6
    # i2: gov 1 + 2, none 1 -> 4;              i3: private 2 + 1 -> 3
    assert [(r.idea_id, r.score, r.rank) for r in results.count.ideas] == [
        (i0, 7.0, 1),
        (i1, 6.0, 2),
        (i2, 4.0, 3),
        (i3, 3.0, 4),
    ]
    assert results.count.result(i0).by_sector == {hall.gov_sector: 6.0, hall.private_sector: 1.0}
    assert results.count.result(i1).by_sector == {
        hall.gov_sector: 2.0,
        hall.private_sector: 2.0,
        None: 2.0,
    }
    assert results.idea_texts == dict(zip(hall.ideas, PROJECTS, strict=True))
    assert results.present == PRESENT
    assert results.round.id == round_id
    # every sector of the workshop in order: present (checked in now) and voted (ballots)
    assert [t.sector_id for t in results.turnout] == hall.sector_ids
    expected = {s: (0, 0) for s in hall.sector_ids}
    expected[hall.gov_sector] = (3, 2)
    expected[hall.private_sector] = (2, 1)
    assert _turnout(results) == expected
    assert all(t.name and t.colour.startswith("#") for t in results.turnout)
    assert results.count.ballots == 4
    assert results.count.paper_votes == 6


def test_round_results_criteria(db: Database, hall: Hall) -> None:
    i0, i1, i2, i3 = hall.ideas
    round_id = _new_round(
        db,
        hall,
        VoteMethod.CRITERIA.value,
        criteria=(("ความสอดคล้องกับประเด็นการพัฒนา", 1.0), ("ความพร้อมในการดำเนินการ", 3.0)),
    )
    with db.session() as session:
        c1, c2 = (c for c, _n, _w in get_round(session, round_id).criteria)

    def scores(**by_idea: tuple[int, int]) -> list[Mark]:
        ideas = {"i0": i0, "i1": i1, "i2": i2}
        return [
            Mark(ideas[key], value, criterion)
            for key, (s1, s2) in by_idea.items()
            for criterion, value in ((c1, s1), (c2, s2))
        ]

    with db.transaction() as session:
        cast_ballot(session, round_id, hall.gov[0], scores(i0=(4, 2), i1=(0, 4)))
        cast_ballot(session, round_id, hall.gov[1], scores(i0=(2, 2)))
        cast_ballot(session, round_id, hall.private[0], scores(i0=(0, 0), i2=(4, 4)))
    incomplete = [Mark(i3, 4, c1)]
    error = _refused(db, lambda s: cast_ballot(s, round_id, hall.gov[2], incomplete))
    assert error.english == "An idea that is scored needs a score on every criterion."
    over = [Mark(i3, 5, c1), Mark(i3, 1, c2)]
    assert _refused(db, lambda s: cast_ballot(s, round_id, hall.gov[2], over)).english == (
        "Scores must be from 0 to 4."
    )
    count = _count(db, round_id)
    # i0: ballots (4*1 + 2*3)/4 = 2.5, (2 + 6)/4 = 2.0, 0 -> mean 1.5
    # i1: (0 + 12)/4 = 3.0;  i2: (4 + 12)/4 = 4.0;  i3: not scored
    assert [(r.idea_id, r.score, r.rank, r.voters) for r in count.ideas] == [
        (i2, 4.0, 1, 1),
        (i1, 3.0, 2, 1),
        (i0, 1.5, 3, 3),
        (i3, 0.0, 4, 0),
    ]
    assert count.result(i0).by_sector == {hall.gov_sector: 1.5, hall.private_sector: 0.0}
    # balanced: gov mean (2.5 + 2.0) / 2 = 2.25, private 0 -> 1.125
    assert count.result(i0).balanced_score == 1.125


def test_merged_cards_count_through_their_target(db: Database, hall: Hall) -> None:
    i0, i1, i2, i3 = hall.ideas
    round_id = _new_round(db, hall, idea_ids=(i0, i1, i2))
    _cast(db, round_id, hall.gov[0], (i1, 2), (i0, 1))
    _cast(db, round_id, hall.gov[1], (i1, 1))
    _tally(db, round_id, i1, hall.private_sector, 2)
    before = _results(db, round_id)
    assert _scores(db, round_id) == {i0: 1.0, i1: 5.0, i2: 0.0}

    _do(db, lambda s: merge_ideas(s, i0, [i1]))
    results = _results(db, round_id)
    assert results.round.idea_ids == (i0, i2)
    # i0: 1 + 2 + 1 (ballots) + 2 (paper) = 6, from 2 voters (gov[0] marked both cards)
    assert [(r.idea_id, r.score, r.voters) for r in results.count.ideas] == [
        (i0, 6.0, 2),
        (i2, 0.0, 0),
    ]
    assert results.count.result(i0).by_sector == {hall.gov_sector: 4.0, hall.private_sector: 2.0}
    assert set(results.idea_texts) == {i0, i2}
    # a vote for the merged card now goes to its target
    _cast(db, round_id, hall.gov[2], (i1, 1))
    with db.session() as session:
        marks = [b.marks for b in list_ballots(session, round_id) if b.attendee_id == hall.gov[2]]
    assert marks == [(Mark(i0, 1),)]
    assert _refused(db, lambda s: set_tally(s, round_id, i1, None, 1)).english == (
        "This idea is not in the round."
    )
    # merged into a card that was not in the round: that card takes its place
    _do(db, lambda s: merge_ideas(s, i3, [i2]))
    assert _results(db, round_id).round.idea_ids == (i0, i3)
    _do(db, lambda s: unmerge_ideas(s, i3))
    # unmerging gives the original count back, apart from the ballot cast since
    _do(db, lambda s: unmerge_ideas(s, i0))
    with db.session() as session:
        late = next(b.id for b in list_ballots(session, round_id) if b.attendee_id == hall.gov[2])
    _do(db, lambda s: withdraw_ballot(s, late))
    assert _results(db, round_id).count == before.count


def test_merged_criteria_scores_stay_on_the_scale(db: Database, hall: Hall) -> None:
    i0, i1, _i2, _i3 = hall.ideas
    round_id = _new_round(db, hall, VoteMethod.CRITERIA.value, criteria=(("ก", 1.0), ("ข", 3.0)))
    with db.session() as session:
        c1, c2 = (c for c, _n, _w in get_round(session, round_id).criteria)
    marks = [Mark(i, 4, c) for i in (i0, i1) for c in (c1, c2)]
    _do(db, lambda s: cast_ballot(s, round_id, hall.gov[0], marks))
    _do(db, lambda s: merge_ideas(s, i0, [i1]))
    assert _count(db, round_id).result(i0).score == 4.0


def test_demo_workshop_turnout_matches_the_register(db: Database, demo_workshop: str) -> None:
    with db.session() as session:
        issue = list_issues(session, demo_workshop)[0].id
        ideas = ideas_of_issue(session, demo_workshop, issue, None)[:4]
        people = list_attendees(session, demo_workshop)
        present_by_sector = {c.sector_id: c.present for c in sector_counts(session, demo_workshop)}
    here = [p for p in people if p.checked_in_at is not None]
    away = [p for p in people if p.checked_in_at is None]
    assert len(ideas) == 4 and here and away
    with db.transaction() as session:
        round_id = create_round(
            session,
            demo_workshop,
            RoundDraft("ยกมือ", VoteMethod.APPROVAL.value, tuple(ideas)),
        )
        open_round(session, round_id)
        for person in here:
            cast_ballot(session, round_id, person.id, [Mark(ideas[0], 1)])
    error = _refused(db, lambda s: cast_ballot(s, round_id, away[0].id, [Mark(ideas[0], 1)]))
    assert error.english.endswith("has not checked in, so cannot vote.")
    with db.session() as session:
        code = str(here[0].code).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
        assert find_voter(session, demo_workshop, code) == here[0].id
    results = _results(db, round_id)
    assert results.present == len(here)
    assert {t.sector_id: t.present for t in results.turnout} == present_by_sector
    assert all(t.voted == t.present for t in results.turnout)
    assert results.count.result(ideas[0]).score == float(len(here))
    assert results.count.result(ideas[0]).voters == len(here)
    # nobody can raise another hand for that idea on paper
    assert _refused(db, lambda s: set_tally(s, round_id, ideas[0], None, 1)).english
    with db.session() as session:
        assert top_of_round(session, round_id, 1) == [ideas[0]]


def test_recount_from_previous_results_equals_a_fresh_count(db: Database, hall: Hall) -> None:
    """The voting page recounts after each ballot from the results it holds (the ballots
    read before are not read again); every recount equals a count read afresh, through
    new ballots, a withdrawal, its undo, a replaced ballot and a paper count."""
    round_id = _new_round(db, hall)
    a, b, c, d = hall.ideas
    shown = _results(db, round_id)

    def recount(check_reused: bool = True) -> None:
        nonlocal shown
        with db.session() as session:
            again = round_results(session, round_id, shown)
        assert again == _results(db, round_id)
        if check_reused:  # the ballots read before are the very same rows
            before = {ballot.id: ballot for ballot in shown.ballots}
            for ballot in again.ballots:
                assert ballot.id not in before or before[ballot.id] is ballot
        shown = again

    first = _cast(db, round_id, hall.gov[0], (a, 2), (b, 1))
    recount()
    _cast(db, round_id, hall.gov[1], (b, 2), (c, 2), cast_by=CastBy.KIOSK.value)
    recount()
    paper = _cast(db, round_id, None, (d, 1), cast_by=CastBy.PAPER.value)
    recount()
    _do(db, lambda s: withdraw_ballot(s, first))
    recount()
    assert [ballot.id for ballot in shown.ballots if ballot.id == first] == []
    _do(db, lambda s: restore_ballot(s, first))
    recount()
    assert shown.count.ballots == 3
    _cast(db, round_id, hall.gov[0], (c, 1), replace=True)
    recount()
    _tally(db, round_id, a, hall.private_sector, 4)
    recount()
    assert _scores(db, round_id)[a] == 4 and shown.count.ballots == 3
    assert paper in {ballot.id for ballot in shown.ballots}
    other = _new_round(db, hall, title="จัดลำดับโครงการ รอบที่ 2")
    with db.session() as session:  # results of another round are not reused
        assert round_results(session, other, shown) == _results(db, other)
