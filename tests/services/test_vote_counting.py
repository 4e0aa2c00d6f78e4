"""Counting a vote round (pure arithmetic): every method on tables worked out by hand,
ties and competition ranks, refused ballots, sector balancing, and property tests."""

from __future__ import annotations

import math
from collections.abc import Sequence

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workshop_app.errors import UserError
from workshop_app.models import VoteMethod
from workshop_app.services.vote_counting import (
    CastBallot,
    CountSettings,
    IdeaResult,
    Mark,
    RoundCount,
    Tally,
    check_ballot,
    count_round,
    top_ideas,
)

DOTS = CountSettings(VoteMethod.DOTS.value, dots_per_voter=5, cap_per_idea=2)
APPROVAL = CountSettings(VoteMethod.APPROVAL.value)
RANKING = CountSettings(VoteMethod.RANKING.value, rank_count=3)
CRITERIA = CountSettings(
    VoteMethod.CRITERIA.value, scale_max=4, criteria=(("c1", 1.0), ("c2", 3.0))
)

A, B, C, D, E = "idea-a", "idea-b", "idea-c", "idea-d", "idea-e"
GOV, PRIVATE, PEOPLE = "sector-gov", "sector-private", "sector-people"


def _ballot(
    ballot_id: str, sector: str | None, *marks: tuple[str, int], cast_by: str = "staff"
) -> CastBallot:
    return CastBallot(ballot_id, sector, cast_by, tuple(Mark(i, v) for i, v in marks))


def _scored(
    ballot_id: str, sector: str | None, scores: dict[str, tuple[int, ...]], criteria: Sequence[str]
) -> CastBallot:
    """A criteria ballot: ``scores`` gives each idea its scores in criteria order."""
    marks = tuple(
        Mark(idea, value, criterion)
        for idea, values in scores.items()
        for criterion, value in zip(criteria, values, strict=True)
    )
    return CastBallot(ballot_id, sector, "staff", marks)


def _table(count: RoundCount) -> list[tuple[str, float, int, bool]]:
    """(idea, score, rank, tied) best first, as a report would print them."""
    return [(r.idea_id, r.score, r.rank, r.tied) for r in count.ideas]


def _balanced_table(count: RoundCount) -> dict[str, tuple[float, int, bool]]:
    return {r.idea_id: (r.balanced_score, r.balanced_rank, r.balanced_tied) for r in count.ideas}


def _refused(settings_: CountSettings, ideas: Sequence[str], marks: Sequence[Mark]) -> UserError:
    with pytest.raises(UserError) as caught:
        check_ballot(settings_, ideas, marks)
    error = caught.value
    assert error.thai.strip() and error.english.strip()
    assert error.thai != error.english
    return error


# --- dots -----------------------------------------------------------------------------------


def test_dots_one_point_per_dot_ballots_and_paper_tallies() -> None:
    ballots = [
        _ballot("b1", GOV, (A, 2), (B, 2), (C, 1)),
        _ballot("b2", GOV, (A, 1), (C, 2)),
        _ballot("b3", PRIVATE, (B, 2), (D, 2), (A, 1)),
        _ballot("b4", None, (C, 1), cast_by="paper"),
    ]
    tallies = [Tally(A, GOV, 3), Tally(D, PRIVATE, 1), Tally(B, None, 2), Tally(C, GOV, 0)]
    count = count_round(DOTS, [A, B, C, D], ballots, tallies)
    # A: gov 2 + 1 + 3 (tally) = 6, private 1          -> 7
    # B: gov 2, private 2, no sector 2 (tally)          -> 6
    # C: gov 1 + 2 (+ a tally of 0), no sector 1        -> 4
    # D: private 2 + 1 (tally)                          -> 3
    assert _table(count) == [
        (A, 7.0, 1, False),
        (B, 6.0, 2, False),
        (C, 4.0, 3, False),
        (D, 3.0, 4, False),
    ]
    assert count.result(A).by_sector == {GOV: 6.0, PRIVATE: 1.0}
    assert count.result(B).by_sector == {GOV: 2.0, PRIVATE: 2.0, None: 2.0}
    assert count.result(C).by_sector == {GOV: 3.0, None: 1.0}
    assert count.result(D).by_sector == {PRIVATE: 3.0}
    # voters: ballots that marked the idea (tallies are not voters)
    assert {r.idea_id: r.voters for r in count.ideas} == {A: 3, B: 2, C: 3, D: 1}
    assert count.ballots == 4
    assert count.ballots_by_sector == {GOV: 2, PRIVATE: 1, None: 1}
    assert count.ballots_by_cast == {"staff": 3, "paper": 1}
    assert count.paper_votes == 3 + 1 + 2 + 0
    # gov: A 6 + B 2 + C 3 = 11; private: A 1 + B 2 + D 3 = 6; none: B 2 + C 1 = 3
    assert count.points_by_sector == {GOV: 11.0, PRIVATE: 6.0, None: 3.0}


def test_dots_refusals_name_the_cap_and_the_budget() -> None:
    ideas = [A, B, C, D]
    over_cap = _refused(DOTS, ideas, [Mark(A, 3)])
    assert over_cap.english == "At most 2 dots on one idea (this ballot gives 3)."
    assert over_cap.thai == "ให้ดาวความคิดเดียวได้ไม่เกิน 2 ดวง (บัตรนี้ให้ 3 ดวง)"

    over_budget = _refused(DOTS, ideas, [Mark(A, 2), Mark(B, 2), Mark(C, 2)])
    assert over_budget.english == "Over the budget: 6 dots used of 5."
    assert over_budget.thai == "ใช้ดาวเกินจำนวนที่มี: ใช้ 6 ดวง จาก 5 ดวง"

    assert _refused(DOTS, ideas, [Mark(A, 0)]).english == "Dots on an idea must be 1 or more."
    assert _refused(DOTS, ideas, [Mark(A, -1)]).english == "Dots on an idea must be 1 or more."
    twice = _refused(DOTS, ideas, [Mark(A, 1), Mark(A, 1)])
    assert twice.english == "An idea appears twice on the ballot."


def test_dots_exactly_at_the_cap_and_budget_is_accepted() -> None:
    check_ballot(DOTS, [A, B, C], [Mark(A, 2), Mark(B, 2), Mark(C, 1)])
    check_ballot(DOTS, [A, B, C], [Mark(A, 1)])
    one_big_cap = CountSettings(VoteMethod.DOTS.value, dots_per_voter=3, cap_per_idea=3)
    check_ballot(one_big_cap, [A], [Mark(A, 3)])
    assert _refused(one_big_cap, [A, B], [Mark(A, 3), Mark(B, 1)]).english == (
        "Over the budget: 4 dots used of 3."
    )


def test_any_method_refuses_an_empty_ballot_and_unknown_ideas() -> None:
    for settings_ in (DOTS, APPROVAL, RANKING, CRITERIA):
        empty = _refused(settings_, [A, B], [])
        assert empty.english == "The ballot has no votes on it."
        assert empty.thai == "ยังไม่ได้ลงคะแนนให้ความคิดใดเลย"
        stranger = _refused(settings_, [A, B], [Mark(E, 1, "c1")])
        assert stranger.english == "The ballot votes for an idea that is not in this round."


def test_unknown_method_is_refused() -> None:
    error = _refused(CountSettings("lottery"), [A], [Mark(A, 1)])
    assert error.english == "Unknown voting method lottery."


# --- approval -------------------------------------------------------------------------------


def test_approval_one_point_per_yes_and_ties_keep_the_round_order() -> None:
    ballots = [
        _ballot("b1", GOV, (A, 1), (B, 1)),
        _ballot("b2", GOV, (A, 1)),
        _ballot("b3", PEOPLE, (B, 1), (C, 1)),
    ]
    tallies = [Tally(A, None, 2), Tally(C, PEOPLE, 3)]
    # A: 1 + 1 + 2 hands = 4;  B: 1 + 1 = 2;  C: 1 + 3 hands = 4
    count = count_round(APPROVAL, [A, B, C], ballots, tallies)
    assert _table(count) == [(A, 4.0, 1, True), (C, 4.0, 1, True), (B, 2.0, 3, False)]
    # The same votes in another round order: the tie is listed in that order instead.
    reordered = count_round(APPROVAL, [C, B, A], ballots, tallies)
    assert _table(reordered) == [(C, 4.0, 1, True), (A, 4.0, 1, True), (B, 2.0, 3, False)]
    assert count.paper_votes == 5


def test_approval_refuses_more_than_one_hand_per_idea() -> None:
    error = _refused(APPROVAL, [A, B], [Mark(A, 2)])
    assert error.english == "A show of hands counts 1 per idea."
    assert _refused(APPROVAL, [A, B], [Mark(A, 0)]).english == "A show of hands counts 1 per idea."
    twice = _refused(APPROVAL, [A, B], [Mark(A, 1), Mark(A, 1)])
    assert twice.english == "An idea appears twice on the ballot."
    check_ballot(APPROVAL, [A, B], [Mark(A, 1), Mark(B, 1)])


# --- ranking --------------------------------------------------------------------------------


def test_ranking_borda_points_for_ballots_and_rank_tallies() -> None:
    ballots = [
        _ballot("b1", GOV, (A, 1), (B, 2), (C, 3)),  # A 3, B 2, C 1
        _ballot("b2", PRIVATE, (B, 1), (A, 2)),  # B 3, A 2
        _ballot("b3", GOV, (C, 1)),  # C 3
    ]
    tallies = [
        Tally(D, PEOPLE, 2, rank=1),  # 2 voters x 3 points = 6
        Tally(A, None, 4, rank=3),  # 4 voters x 1 point  = 4
        Tally(B, GOV, 1, rank=2),  # 1 voter  x 2 points = 2
    ]
    count = count_round(RANKING, [A, B, C, D], ballots, tallies)
    # A: 3 + 2 + 4 = 9;  B: 2 + 3 + 2 = 7;  D: 6;  C: 1 + 3 = 4
    assert _table(count) == [
        (A, 9.0, 1, False),
        (B, 7.0, 2, False),
        (D, 6.0, 3, False),
        (C, 4.0, 4, False),
    ]
    assert count.result(A).by_sector == {GOV: 3.0, PRIVATE: 2.0, None: 4.0}
    assert count.result(B).by_sector == {GOV: 2.0 + 2.0, PRIVATE: 3.0}
    assert count.result(C).by_sector == {GOV: 4.0}
    assert count.result(D).by_sector == {PEOPLE: 6.0}
    assert count.paper_votes == 2 + 4 + 1


def test_ranking_top_five_gives_five_points_to_first_and_one_to_fifth() -> None:
    top5 = CountSettings(VoteMethod.RANKING.value, rank_count=5)
    ideas = [A, B, C, D, E]
    ballots = [_ballot("b1", None, (E, 1), (D, 2), (C, 3), (B, 4), (A, 5))]
    tallies = [Tally(A, None, 3, rank=5)]  # 3 x 1 point
    count = count_round(top5, ideas, ballots, tallies)
    # E 5, D 4, C 3, B 2, A 1 + 3 = 4  -> A and D tie at 4
    assert _table(count) == [
        (E, 5.0, 1, False),
        (A, 4.0, 2, True),
        (D, 4.0, 2, True),
        (C, 3.0, 4, False),
        (B, 2.0, 5, False),
    ]


def test_ranking_refuses_ranks_out_of_range_and_duplicates() -> None:
    ideas = [A, B, C, D]
    for bad in (0, 4, -1):
        error = _refused(RANKING, ideas, [Mark(A, bad)])
        assert error.english == "Ranks must be from 1 to 3."
        assert error.thai == "อันดับต้องอยู่ระหว่าง 1 ถึง 3"
    same_rank = _refused(RANKING, ideas, [Mark(A, 1), Mark(B, 1)])
    assert same_rank.english == "Two ideas have the same rank."
    same_idea = _refused(RANKING, ideas, [Mark(A, 1), Mark(A, 2)])
    assert same_idea.english == "An idea appears twice on the ballot."
    check_ballot(RANKING, ideas, [Mark(C, 3), Mark(A, 1)])  # a gap at rank 2 is allowed


# --- criteria -------------------------------------------------------------------------------


def test_criteria_weighted_mean_per_ballot_then_mean_over_scorers() -> None:
    names = ("c1", "c2")  # weights 1 and 3, total 4
    ballots = [
        # A: (4*1 + 2*3) / 4 = 2.5;   B: (0*1 + 4*3) / 4 = 3.0
        _scored("x", GOV, {A: (4, 2), B: (0, 4)}, names),
        # A: (2*1 + 2*3) / 4 = 2.0
        _scored("y", GOV, {A: (2, 2)}, names),
        # A: 0;   C: (4 + 12) / 4 = 4.0
        _scored("z", PRIVATE, {A: (0, 0), C: (4, 4)}, names),
    ]
    tallies = [Tally(D, GOV, 9)]  # paper tallies do not count in a criteria round
    count = count_round(CRITERIA, [A, B, C, D], ballots, tallies)
    # A: (2.5 + 2.0 + 0) / 3 = 1.5; B: 3.0; C: 4.0; D: not scored, 0
    assert _table(count) == [
        (C, 4.0, 1, False),
        (B, 3.0, 2, False),
        (A, 1.5, 3, False),
        (D, 0.0, 4, False),
    ]
    # A's shares: gov (2.5 + 2.0) / 3 = 1.5, private 0 / 3 = 0
    assert count.result(A).by_sector == {GOV: 1.5, PRIVATE: 0.0}
    assert count.result(B).by_sector == {GOV: 3.0}
    assert count.result(C).by_sector == {PRIVATE: 4.0}
    assert count.result(D).by_sector == {}
    assert {r.idea_id: r.voters for r in count.ideas} == {A: 3, B: 1, C: 1, D: 0}
    # balanced: the mean of the sector means. A: gov (2.5 + 2.0) / 2 = 2.25, private 0
    # -> (2.25 + 0) / 2 = 1.125
    assert _balanced_table(count) == {
        C: (4.0, 1, False),
        B: (3.0, 2, False),
        A: (1.125, 3, False),
        D: (0.0, 4, False),
    }
    assert count.paper_votes == 0
    assert count.points_by_sector == {}
    assert count.ballots == 3


def test_criteria_weights_count_even_when_a_score_is_zero() -> None:
    heavy = CountSettings(
        VoteMethod.CRITERIA.value, scale_max=4, criteria=(("c1", 1.0), ("c2", 1.0), ("c3", 2.0))
    )
    ballot = _scored("x", None, {A: (4, 0, 0), B: (0, 0, 4)}, ("c1", "c2", "c3"))
    count = count_round(heavy, [A, B], [ballot])
    # A: 4*1 / (1 + 1 + 2) = 1.0;  B: 4*2 / 4 = 2.0
    assert _table(count) == [(B, 2.0, 1, False), (A, 1.0, 2, False)]


def test_criteria_refusals() -> None:
    ideas = [A, B]
    incomplete = _refused(CRITERIA, ideas, [Mark(A, 3, "c1")])
    assert incomplete.english == "An idea that is scored needs a score on every criterion."
    assert incomplete.thai == "ความคิดที่ให้คะแนนต้องได้คะแนนครบทุกเกณฑ์"
    # complete for A, incomplete for B
    half = [Mark(A, 1, "c1"), Mark(A, 1, "c2"), Mark(B, 1, "c2")]
    assert _refused(CRITERIA, ideas, half).english == incomplete.english
    unknown = _refused(CRITERIA, ideas, [Mark(A, 1, "c1"), Mark(A, 1, "c9")])
    assert unknown.english == "A score is for an unknown criterion."
    no_criterion = _refused(CRITERIA, ideas, [Mark(A, 1)])
    assert no_criterion.english == "A score is for an unknown criterion."
    for bad in (5, -1):
        error = _refused(CRITERIA, ideas, [Mark(A, bad, "c1"), Mark(A, 1, "c2")])
        assert error.english == "Scores must be from 0 to 4."
        assert error.thai == "คะแนนต้องอยู่ระหว่าง 0 ถึง 4"
    twice = [Mark(A, 1, "c1"), Mark(A, 2, "c1"), Mark(A, 1, "c2")]
    assert _refused(CRITERIA, ideas, twice).english == "A criterion is scored twice for one idea."
    no_criteria = CountSettings(VoteMethod.CRITERIA.value)
    assert _refused(no_criteria, ideas, [Mark(A, 1, "c1")]).english == (
        "This round has no criteria yet."
    )
    # the edges of the scale and an idea left unscored are fine
    check_ballot(CRITERIA, ideas, [Mark(A, 0, "c1"), Mark(A, 4, "c2")])


# --- ties -----------------------------------------------------------------------------------


def test_competition_ranks_one_two_two_four() -> None:
    ballots = [
        _ballot("b1", None, (A, 2), (B, 2), (C, 1)),
        _ballot("b2", None, (A, 2), (C, 1), (D, 1)),
        _ballot("b3", None, (A, 1), (B, 1), (C, 1)),
    ]
    # A 5, B 3, C 3, D 1, E 0
    count = count_round(DOTS, [A, B, C, D, E], ballots)
    assert _table(count) == [
        (A, 5.0, 1, False),
        (B, 3.0, 2, True),
        (C, 3.0, 2, True),
        (D, 1.0, 4, False),
        (E, 0.0, 5, False),
    ]


def test_ideas_with_no_votes_share_the_last_rank() -> None:
    count = count_round(DOTS, [A, B, C, D], [_ballot("b1", None, (C, 1))])
    assert _table(count) == [
        (C, 1.0, 1, False),
        (A, 0.0, 2, True),
        (B, 0.0, 2, True),
        (D, 0.0, 2, True),
    ]


def test_no_votes_at_all_ties_everything_first() -> None:
    count = count_round(DOTS, [A, B], [])
    assert _table(count) == [(A, 0.0, 1, True), (B, 0.0, 1, True)]
    assert count.ballots == 0
    assert count.ballots_by_sector == {}
    assert count.points_by_sector == {}


def test_floating_point_noise_is_still_a_tie() -> None:
    weights = CountSettings(
        VoteMethod.CRITERIA.value,
        scale_max=4,
        criteria=(("c1", 0.1), ("c2", 0.2), ("c3", 0.7)),
    )
    names = ("c1", "c2", "c3")
    # A: 1 x 0.7 = 0.7;  B: 1 x 0.1 + 3 x 0.2 = 0.7 (0.7000000000000001 in floating point)
    ballots = [_scored("x", None, {A: (0, 0, 1), B: (1, 3, 0)}, names)]
    count = count_round(weights, [A, B], ballots)
    assert count.result(A).score == pytest.approx(0.7)
    assert count.result(B).score == pytest.approx(0.7)
    assert [(r.idea_id, r.rank, r.tied) for r in count.ideas] == [(A, 1, True), (B, 1, True)]


# --- sector balancing -----------------------------------------------------------------------


def test_balanced_score_gives_each_sector_that_voted_the_same_weight() -> None:
    ballots = [
        _ballot("g1", GOV, (A, 2), (B, 1)),
        _ballot("g2", GOV, (A, 2), (B, 1)),
        _ballot("g3", GOV, (A, 2)),
        _ballot("p1", PRIVATE, (B, 1), (C, 1)),
    ]
    count = count_round(DOTS, [A, B, C], ballots)
    # raw: A 6 (gov), B 2 (gov) + 1 (private) = 3, C 1 (private)
    # gov has 8 points, private 2; grand total 10, 2 sectors
    # gov scale 10 / (2 x 8) = 0.625, private 10 / (2 x 2) = 2.5
    # A: 6 x 0.625 = 3.75;  B: 2 x 0.625 + 1 x 2.5 = 3.75;  C: 1 x 2.5 = 2.5
    assert _table(count) == [(A, 6.0, 1, False), (B, 3.0, 2, False), (C, 1.0, 3, False)]
    assert _balanced_table(count) == {
        A: (3.75, 1, True),
        B: (3.75, 1, True),
        C: (2.5, 3, False),
    }
    assert count.points_by_sector == {GOV: 8.0, PRIVATE: 2.0}


def test_balanced_score_counts_no_sector_as_a_group() -> None:
    ballots = [
        _ballot("g1", GOV, (A, 2), (B, 1)),
        _ballot("g2", GOV, (A, 2), (B, 1)),
        _ballot("g3", GOV, (A, 2)),
        _ballot("p1", PRIVATE, (B, 1), (C, 1)),
    ]
    tallies = [Tally(C, None, 2)]
    count = count_round(DOTS, [A, B, C], ballots, tallies)
    # gov 8, private 2, no sector 2; grand 12, 3 groups
    # scales: gov 12 / 24 = 0.5; private 12 / 6 = 2; none 12 / 6 = 2
    # A: 6 x 0.5 = 3;  B: 2 x 0.5 + 1 x 2 = 3;  C: 1 x 2 + 2 x 2 = 6
    assert _balanced_table(count) == {
        C: (6.0, 1, False),
        A: (3.0, 2, True),
        B: (3.0, 2, True),
    }
    assert math.fsum(r.balanced_score for r in count.ideas) == 12.0


def test_balanced_ranking_with_paper_rank_tallies() -> None:
    top2 = CountSettings(VoteMethod.RANKING.value, rank_count=2)
    ballots = [_ballot("g1", GOV, (A, 1), (B, 2)), _ballot("g2", GOV, (A, 1), (B, 2))]
    tallies = [Tally(B, PEOPLE, 1, rank=1)]
    count = count_round(top2, [A, B], ballots, tallies)
    # raw: A 2 + 2 = 4; B 1 + 1 (gov) + 2 (people, 1 voter at rank 1) = 4 -> tie
    # gov 6 points, people 2; grand 8; gov scale 8 / 12 = 2/3, people 8 / 4 = 2
    # A: 4 x 2/3 = 8/3;  B: 2 x 2/3 + 2 x 2 = 16/3
    assert [(r.idea_id, r.rank, r.tied) for r in count.ideas] == [(A, 1, True), (B, 1, True)]
    assert count.result(A).balanced_score == pytest.approx(8 / 3)
    assert count.result(B).balanced_score == pytest.approx(16 / 3)
    assert (count.result(B).balanced_rank, count.result(A).balanced_rank) == (1, 2)


# --- top ideas ------------------------------------------------------------------------------


def test_top_ideas_lets_every_tie_at_the_edge_through() -> None:
    ballots = [
        _ballot("b1", None, (A, 2), (B, 2), (C, 1)),
        _ballot("b2", None, (A, 2), (C, 1), (D, 1)),
        _ballot("b3", None, (A, 1), (B, 1), (C, 1)),
    ]
    count = count_round(DOTS, [A, B, C, D, E], ballots)  # A 5, B 3, C 3, D 1, E 0
    assert top_ideas(count, 1) == [A]
    assert top_ideas(count, 2) == [A, B, C]
    assert top_ideas(count, 3) == [A, B, C]
    assert top_ideas(count, 4) == [A, B, C, D]
    assert top_ideas(count, 5) == [A, B, C, D, E]
    assert top_ideas(count, 50) == [A, B, C, D, E]
    assert top_ideas(count, 0) == []
    assert top_ideas(count, -3) == []


def test_top_ideas_when_everything_ties() -> None:
    count = count_round(APPROVAL, [C, A, B], [_ballot("b", None, (A, 1), (B, 1), (C, 1))])
    assert top_ideas(count, 1) == [C, A, B]


# --- property tests -------------------------------------------------------------------------

IDEA_POOL = ("p1", "p2", "p3", "p4", "p5")
SECTOR_POOL: tuple[str | None, ...] = (None, GOV, PRIVATE, PEOPLE)
CAST_POOL = ("staff", "kiosk", "paper")

RoundInput = tuple[CountSettings, list[str], list[CastBallot], list[Tally]]


@st.composite
def _settings(draw: st.DrawFn) -> CountSettings:
    method = draw(st.sampled_from(list(VoteMethod)))
    if method == VoteMethod.DOTS:
        budget = draw(st.integers(1, 6))
        return CountSettings(
            method.value, dots_per_voter=budget, cap_per_idea=draw(st.integers(1, budget))
        )
    if method == VoteMethod.RANKING:
        return CountSettings(method.value, rank_count=draw(st.integers(1, 4)))
    if method == VoteMethod.CRITERIA:
        weights = draw(
            st.lists(
                st.floats(0.1, 100, allow_nan=False, allow_infinity=False), min_size=1, max_size=3
            )
        )
        return CountSettings(
            method.value,
            scale_max=draw(st.integers(1, 5)),
            criteria=tuple((f"c{n}", w) for n, w in enumerate(weights)),
        )
    return CountSettings(method.value)


@st.composite
def _marks(draw: st.DrawFn, settings_: CountSettings, ideas: list[str]) -> tuple[Mark, ...]:
    """The marks of one valid ballot."""
    chosen = draw(st.permutations(ideas))
    chosen = chosen[: draw(st.integers(1, len(chosen)))]
    method = settings_.method
    if method == VoteMethod.DOTS:
        marks: list[Mark] = []
        left = settings_.dots_per_voter
        for idea in chosen:
            if left < 1:
                break
            dots = draw(st.integers(1, min(settings_.cap_per_idea, left)))
            marks.append(Mark(idea, dots))
            left -= dots
        return tuple(marks)
    if method == VoteMethod.RANKING:
        ranks = draw(st.permutations(range(1, settings_.rank_count + 1)))
        return tuple(Mark(idea, rank) for idea, rank in zip(chosen, ranks, strict=False))
    if method == VoteMethod.CRITERIA:
        return tuple(
            Mark(idea, draw(st.integers(0, settings_.scale_max)), criterion)
            for idea in chosen
            for criterion, _weight in settings_.criteria
        )
    return tuple(Mark(idea, 1) for idea in chosen)


@st.composite
def _rounds(draw: st.DrawFn, min_ballots: int = 0) -> RoundInput:
    settings_ = draw(_settings())
    ideas = list(IDEA_POOL[: draw(st.integers(1, len(IDEA_POOL)))])
    ballots = [
        CastBallot(
            f"b{n}",
            draw(st.sampled_from(SECTOR_POOL)),
            draw(st.sampled_from(CAST_POOL)),
            draw(_marks(settings_, ideas)),
        )
        for n in range(draw(st.integers(min_ballots, 8)))
    ]
    tallies: list[Tally] = []
    if settings_.method != VoteMethod.CRITERIA:
        for _ in range(draw(st.integers(0, 5))):
            rank = (
                draw(st.integers(1, settings_.rank_count))
                if settings_.method == VoteMethod.RANKING
                else None
            )
            tallies.append(
                Tally(
                    draw(st.sampled_from(ideas)),
                    draw(st.sampled_from(SECTOR_POOL)),
                    draw(st.integers(0, 12)),
                    rank,
                )
            )
    for ballot in ballots:  # the generator makes valid ballots only
        check_ballot(settings_, ideas, ballot.marks)
    return settings_, ideas, ballots, tallies


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _same_result(first: IdeaResult, second: IdeaResult) -> None:
    assert first.idea_id == second.idea_id
    assert _close(first.score, second.score)
    assert _close(first.balanced_score, second.balanced_score)
    assert (first.rank, first.tied) == (second.rank, second.tied)
    assert (first.balanced_rank, first.balanced_tied) == (
        second.balanced_rank,
        second.balanced_tied,
    )
    assert first.voters == second.voters
    assert first.by_sector.keys() == second.by_sector.keys()
    for sector, share in first.by_sector.items():
        assert _close(share, second.by_sector[sector])


def _same_count(first: RoundCount, second: RoundCount) -> None:
    assert [r.idea_id for r in first.ideas] == [r.idea_id for r in second.ideas]
    for one, other in zip(first.ideas, second.ideas, strict=True):
        _same_result(one, other)
    assert first.ballots == second.ballots
    assert first.ballots_by_sector == second.ballots_by_sector
    assert first.ballots_by_cast == second.ballots_by_cast
    assert first.paper_votes == second.paper_votes
    assert first.points_by_sector.keys() == second.points_by_sector.keys()
    for sector, points in first.points_by_sector.items():
        assert _close(points, second.points_by_sector[sector])


def _mark_points(settings_: CountSettings, mark: Mark) -> int:
    """Points of one mark, written out per method (the docstring's table)."""
    if settings_.method == VoteMethod.RANKING:
        return settings_.rank_count + 1 - mark.value  # rank 1 earns k, rank k earns 1
    return mark.value  # dots: one per dot; approval: the 1 of a yes


PROPERTY_SETTINGS = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@PROPERTY_SETTINGS
@given(data=st.data())
def test_property_order_of_ballots_and_tallies_does_not_matter(data: st.DataObject) -> None:
    settings_, ideas, ballots, tallies = data.draw(_rounds())
    shuffled_ballots = data.draw(st.permutations(ballots))
    shuffled_tallies = data.draw(st.permutations(tallies))
    _same_count(
        count_round(settings_, ideas, ballots, tallies),
        count_round(settings_, ideas, shuffled_ballots, shuffled_tallies),
    )


@PROPERTY_SETTINGS
@given(data=st.data())
def test_property_removing_a_ballot_takes_out_exactly_its_votes(data: st.DataObject) -> None:
    settings_, ideas, ballots, tallies = data.draw(_rounds(min_ballots=1))
    index = data.draw(st.integers(0, len(ballots) - 1))
    removed = ballots[index]
    others = ballots[:index] + ballots[index + 1 :]
    full = count_round(settings_, ideas, ballots, tallies)
    without = count_round(settings_, ideas, others, tallies)

    assert without.ballots == full.ballots - 1
    expected_sectors = dict(full.ballots_by_sector)
    expected_sectors[removed.sector_id] -= 1
    assert without.ballots_by_sector == {s: n for s, n in expected_sectors.items() if n}
    marked = {m.idea_id for m in removed.marks}
    for idea in ideas:
        assert without.result(idea).voters == full.result(idea).voters - (idea in marked)
    if settings_.method != VoteMethod.CRITERIA:
        for idea in ideas:
            taken = sum(_mark_points(settings_, m) for m in removed.marks if m.idea_id == idea)
            assert _close(without.result(idea).score, full.result(idea).score - taken)
            before = full.result(idea).by_sector.get(removed.sector_id, 0.0)
            after = without.result(idea).by_sector.get(removed.sector_id, 0.0)
            assert _close(after, before - taken)
    else:
        for idea in set(ideas) - marked:  # an idea the ballot did not score keeps its score
            assert _close(without.result(idea).score, full.result(idea).score)

    # Putting it back (at the end this time) gives the full result again.
    _same_count(count_round(settings_, ideas, [*others, removed], tallies), full)
    _same_count(count_round(settings_, ideas, others, tallies), without)


@PROPERTY_SETTINGS
@given(data=st.data())
def test_property_sector_shares_add_up_to_the_score(data: st.DataObject) -> None:
    settings_, ideas, ballots, tallies = data.draw(_rounds())
    count = count_round(settings_, ideas, ballots, tallies)
    assert sorted(r.idea_id for r in count.ideas) == sorted(ideas)
    for result in count.ideas:
        assert _close(math.fsum(result.by_sector.values()), result.score)
    ranks = [r.rank for r in count.ideas]
    assert ranks == sorted(ranks)
    assert ranks[0] == 1
    if settings_.method != VoteMethod.CRITERIA:
        # Balancing moves points between ideas but keeps the grand total.
        assert _close(
            math.fsum(r.balanced_score for r in count.ideas),
            math.fsum(r.score for r in count.ideas),
        )
        assert _close(
            math.fsum(count.points_by_sector.values()),
            math.fsum(r.score for r in count.ideas),
        )
    else:
        for result in count.ideas:
            assert 0.0 <= result.score <= settings_.scale_max + 1e-9
