"""Counting a vote round: pure arithmetic on ballots and paper tallies, no database.

Every method is turned into points per idea and per sector, so one ranking, one
breakdown by sector and one sector-balanced ranking serve them all:

* dots: one point per dot; approval: one point per yes;
* ranking (top-k, Borda): rank 1 earns k points, rank k earns 1; a paper tally of c
  voters who put an idea at rank r earns c x (k - r + 1);
* criteria: each ballot gives an idea its weighted mean score (sum of weight x score over
  the sum of weights); the idea's result is the mean over the ballots that scored it, and
  a sector's share is its part of that mean.

Sums use ``math.fsum`` (exactly rounded), so the result does not depend on the order in
which ballots and tallies arrive. Ideas with equal scores share a rank ("3=" in reports);
the ranks are competition ranks (1, 2, 2, 4).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from workshop_app.errors import UserError
from workshop_app.models import VoteMethod

# Scores closer than this are a tie (they differ only by floating point rounding).
_TIE_DIGITS = 9


@dataclass(frozen=True)
class CountSettings:
    method: str
    dots_per_voter: int = 5
    cap_per_idea: int = 2
    rank_count: int = 3
    scale_max: int = 4
    criteria: tuple[tuple[str, float], ...] = ()  # (criterion id, weight), in order


@dataclass(frozen=True)
class Mark:
    idea_id: str
    value: int  # dots, a rank (1 = first), 1 for a yes, or a score
    criterion_id: str | None = None


@dataclass(frozen=True)
class CastBallot:
    id: str
    sector_id: str | None
    cast_by: str
    marks: tuple[Mark, ...]


@dataclass(frozen=True)
class Tally:
    idea_id: str
    sector_id: str | None
    count: int
    rank: int | None = None


@dataclass(frozen=True)
class IdeaResult:
    idea_id: str
    score: float
    by_sector: dict[str | None, float]  # each sector's share; the shares add up to score
    balanced_score: float
    rank: int
    tied: bool  # another idea has the same score
    balanced_rank: int
    balanced_tied: bool
    voters: int  # ballots that marked this idea (paper tallies not included)


@dataclass(frozen=True)
class RoundCount:
    ideas: list[IdeaResult]  # best first; equal scores in the round's order
    ballots: int
    ballots_by_sector: dict[str | None, int]
    ballots_by_cast: dict[str, int]
    paper_votes: int  # the sum of the paper tallies (dots, hands or rank places)
    points_by_sector: dict[str | None, float] = field(default_factory=dict)

    def result(self, idea_id: str) -> IdeaResult:
        return next(r for r in self.ideas if r.idea_id == idea_id)


# --- checking one ballot ------------------------------------------------------------------


def check_ballot(settings: CountSettings, idea_ids: Sequence[str], marks: Sequence[Mark]) -> None:
    """Raise UserError (Thai and English) if ``marks`` are not a valid ballot."""
    known = set(idea_ids)
    if not marks:
        raise UserError("ยังไม่ได้ลงคะแนนให้ความคิดใดเลย", "The ballot has no votes on it.")
    for mark in marks:
        if mark.idea_id not in known:
            raise UserError(
                "บัตรมีความคิดที่ไม่อยู่ในรอบการลงคะแนนนี้",
                "The ballot votes for an idea that is not in this round.",
            )
    method = settings.method
    if method == VoteMethod.DOTS:
        _check_dots(settings, marks)
    elif method == VoteMethod.RANKING:
        _check_ranking(settings, marks)
    elif method == VoteMethod.APPROVAL:
        _check_once_each(marks)
        if any(m.value != 1 for m in marks):
            raise UserError("การยกมือนับได้ครั้งละ 1 เสียง", "A show of hands counts 1 per idea.")
    elif method == VoteMethod.CRITERIA:
        _check_criteria(settings, marks)
    else:
        raise UserError(f"ไม่รู้จักวิธีลงคะแนน {method}", f"Unknown voting method {method}.")


def _check_once_each(marks: Sequence[Mark]) -> None:
    ideas = [m.idea_id for m in marks]
    if len(set(ideas)) != len(ideas):
        raise UserError("ความคิดเดียวกันอยู่ในบัตรมากกว่าหนึ่งครั้ง", "An idea appears twice on the ballot.")


def _check_dots(settings: CountSettings, marks: Sequence[Mark]) -> None:
    _check_once_each(marks)
    for mark in marks:
        if mark.value < 1:
            raise UserError("จำนวนดาวต้องเป็น 1 ขึ้นไป", "Dots on an idea must be 1 or more.")
        if mark.value > settings.cap_per_idea:
            raise UserError(
                f"ให้ดาวความคิดเดียวได้ไม่เกิน {settings.cap_per_idea} ดวง (บัตรนี้ให้ {mark.value} ดวง)",
                f"At most {settings.cap_per_idea} dots on one idea "
                f"(this ballot gives {mark.value}).",
            )
    used = sum(m.value for m in marks)
    if used > settings.dots_per_voter:
        raise UserError(
            f"ใช้ดาวเกินจำนวนที่มี: ใช้ {used} ดวง จาก {settings.dots_per_voter} ดวง",
            f"Over the budget: {used} dots used of {settings.dots_per_voter}.",
        )


def _check_ranking(settings: CountSettings, marks: Sequence[Mark]) -> None:
    _check_once_each(marks)
    ranks = [m.value for m in marks]
    k = settings.rank_count
    if any(not 1 <= r <= k for r in ranks):
        raise UserError(f"อันดับต้องอยู่ระหว่าง 1 ถึง {k}", f"Ranks must be from 1 to {k}.")
    if len(set(ranks)) != len(ranks):
        raise UserError("อันดับเดียวกันให้ความคิดได้เพียงหนึ่งความคิด", "Two ideas have the same rank.")


def _check_criteria(settings: CountSettings, marks: Sequence[Mark]) -> None:
    criteria = {c for c, _w in settings.criteria}
    if not criteria:
        raise UserError("รอบนี้ยังไม่มีเกณฑ์การให้คะแนน", "This round has no criteria yet.")
    scored: dict[str, set[str]] = defaultdict(set)
    for mark in marks:
        if mark.criterion_id not in criteria:
            raise UserError("คะแนนไม่ตรงกับเกณฑ์ของรอบนี้", "A score is for an unknown criterion.")
        if not 0 <= mark.value <= settings.scale_max:
            raise UserError(
                f"คะแนนต้องอยู่ระหว่าง 0 ถึง {settings.scale_max}",
                f"Scores must be from 0 to {settings.scale_max}.",
            )
        if mark.criterion_id in scored[mark.idea_id]:
            raise UserError(
                "ให้คะแนนเกณฑ์เดียวกันซ้ำในความคิดเดียวกัน", "A criterion is scored twice for one idea."
            )
        scored[mark.idea_id].add(mark.criterion_id)
    for idea_criteria in scored.values():
        if idea_criteria != criteria:
            raise UserError(
                "ความคิดที่ให้คะแนนต้องได้คะแนนครบทุกเกณฑ์",
                "An idea that is scored needs a score on every criterion.",
            )


# --- counting -------------------------------------------------------------------------------


def points(settings: CountSettings, mark_value: int) -> int:
    """Points a ballot mark earns, for the methods that add up (not criteria)."""
    if settings.method == VoteMethod.RANKING:
        return settings.rank_count - mark_value + 1
    return mark_value


def tally_points(settings: CountSettings, tally: Tally) -> int:
    if settings.method == VoteMethod.RANKING:
        return tally.count * (settings.rank_count - (tally.rank or 1) + 1)
    return tally.count


def count_round(
    settings: CountSettings,
    idea_ids: Sequence[str],
    ballots: Iterable[CastBallot],
    tallies: Iterable[Tally] = (),
) -> RoundCount:
    """Results of a round: ``idea_ids`` in the round's order (it breaks no ties: tied
    ideas share a rank and are listed in that order)."""
    order = {idea: n for n, idea in enumerate(idea_ids)}
    terms: dict[str, dict[str | None, list[float]]] = {i: defaultdict(list) for i in idea_ids}
    voters: dict[str, int] = defaultdict(int)
    scorers: dict[str, dict[str | None, int]] = {i: defaultdict(int) for i in idea_ids}
    ballots_by_sector: dict[str | None, int] = defaultdict(int)
    ballots_by_cast: dict[str, int] = defaultdict(int)
    ballot_count = 0
    weights = dict(settings.criteria)
    total_weight = math.fsum(weights.values())
    criteria = settings.method == VoteMethod.CRITERIA

    for ballot in ballots:
        ballot_count += 1
        ballots_by_sector[ballot.sector_id] += 1
        ballots_by_cast[ballot.cast_by] += 1
        marked: set[str] = set()
        if criteria:
            # Scores per (idea, criterion); two cards merged after the vote give two
            # scores for one criterion, and count as their mean.
            given: dict[tuple[str, str], list[int]] = defaultdict(list)
            for mark in ballot.marks:
                if mark.idea_id in terms and mark.criterion_id in weights:
                    given[(mark.idea_id, mark.criterion_id)].append(mark.value)
            weighted: dict[str, list[float]] = defaultdict(list)
            for (idea, criterion), values in given.items():
                weighted[idea].append(weights[criterion] * math.fsum(values) / len(values))
            for idea, parts in weighted.items():
                mean = math.fsum(parts) / total_weight if total_weight else 0.0
                terms[idea][ballot.sector_id].append(mean)
                scorers[idea][ballot.sector_id] += 1
                marked.add(idea)
        else:
            # One ballot's points per idea: dots add up; a yes or a rank counts once (the
            # best one) when cards were merged after the vote.
            earned: dict[str, int] = {}
            for mark in ballot.marks:
                if mark.idea_id in terms:
                    value = points(settings, mark.value)
                    if settings.method == VoteMethod.DOTS:
                        earned[mark.idea_id] = earned.get(mark.idea_id, 0) + value
                    else:
                        earned[mark.idea_id] = max(earned.get(mark.idea_id, 0), value)
            for idea, value in earned.items():
                terms[idea][ballot.sector_id].append(value)
                marked.add(idea)
        for idea in marked:
            voters[idea] += 1

    paper_votes = 0
    if not criteria:  # paper score sheets are entered as anonymous ballots
        for tally in tallies:
            paper_votes += tally.count
            if tally.idea_id in terms and tally.count:
                terms[tally.idea_id][tally.sector_id].append(tally_points(settings, tally))

    by_sector: dict[str, dict[str | None, float]] = {}
    score: dict[str, float] = {}
    balanced: dict[str, float] = {}
    if criteria:
        for idea in idea_ids:
            n = sum(scorers[idea].values())
            sums = {s: math.fsum(v) for s, v in terms[idea].items()}
            by_sector[idea] = {s: total / n for s, total in sums.items()} if n else {}
            score[idea] = math.fsum(sums.values()) / n if n else 0.0
            means = [sums[s] / scorers[idea][s] for s in sums if scorers[idea][s]]
            balanced[idea] = math.fsum(means) / len(means) if means else 0.0
        points_by_sector: dict[str | None, float] = {}  # means do not add up by sector
    else:
        for idea in idea_ids:
            by_sector[idea] = {s: math.fsum(v) for s, v in terms[idea].items()}
            score[idea] = math.fsum(by_sector[idea].values())
        sector_terms: dict[str | None, list[float]] = defaultdict(list)
        for idea in idea_ids:
            for sector, share in by_sector[idea].items():
                sector_terms[sector].append(share)
        points_by_sector = {s: math.fsum(v) for s, v in sector_terms.items()}
        groups = [s for s, total in points_by_sector.items() if total > 0]
        grand = math.fsum(points_by_sector[s] for s in groups)
        for idea in idea_ids:
            # Each sector's points are scaled so that every sector that voted weighs the
            # same in all, and the grand total stays what it was.
            balanced[idea] = math.fsum(
                by_sector[idea].get(s, 0.0) * grand / (len(groups) * points_by_sector[s])
                for s in groups
            )

    ranks, tied = _ranks(idea_ids, score, order)
    balanced_ranks, balanced_tied = _ranks(idea_ids, balanced, order)
    results = [
        IdeaResult(
            idea_id=idea,
            score=score[idea],
            by_sector=by_sector[idea],
            balanced_score=balanced[idea],
            rank=ranks[idea],
            tied=idea in tied,
            balanced_rank=balanced_ranks[idea],
            balanced_tied=idea in balanced_tied,
            voters=voters[idea],
        )
        for idea in idea_ids
    ]
    results.sort(key=lambda r: (r.rank, order[r.idea_id]))
    return RoundCount(
        ideas=results,
        ballots=ballot_count,
        ballots_by_sector=dict(ballots_by_sector),
        ballots_by_cast=dict(ballots_by_cast),
        paper_votes=paper_votes,
        points_by_sector=dict(points_by_sector),
    )


def _ranks(
    idea_ids: Sequence[str], score: dict[str, float], order: dict[str, int]
) -> tuple[dict[str, int], set[str]]:
    """Competition ranks (1, 2, 2, 4) by score, and the ideas that share their rank."""
    keyed = sorted(idea_ids, key=lambda i: (-round(score[i], _TIE_DIGITS), order[i]))
    ranks: dict[str, int] = {}
    tied: set[str] = set()
    previous: float | None = None
    for position, idea in enumerate(keyed, start=1):
        value = round(score[idea], _TIE_DIGITS)
        if previous is not None and value == previous:
            ranks[idea] = ranks[keyed[position - 2]]
            tied.add(idea)
            tied.add(keyed[position - 2])
        else:
            ranks[idea] = position
        previous = value
    return ranks, tied


def top_ideas(count: RoundCount, n: int) -> list[str]:
    """The ideas ranked n or better: ties at the edge all go through (none is dropped by
    the order they happen to be listed in)."""
    if n <= 0:
        return []
    return [r.idea_id for r in count.ideas if r.rank <= n]
