"""The provincial view: every workshop of the province, read from the provincial server.

The provincial office's PostgreSQL server holds every workshop the laptops synced to it,
in the same tables as a laptop's SQLite file, so these functions take any ``Session``
(the server's, or a laptop file's in the tests). They only read: data is changed on the
laptops and reaches the server by sync.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from workshop_app.errors import UserError
from workshop_app.models import (
    Attendee,
    Idea,
    Project,
    Sector,
    StrategicIssue,
    VoteRound,
    Workshop,
)
from workshop_app.services.idea_duplicates import THRESHOLD, DuplicateFinder
from workshop_app.services.workshops import glossary_words
from workshop_app.thai.collate import thai_sort_key
from workshop_app.thai.segment import segmenter

# Cards whose character trigrams overlap less than this (Dice coefficient) are not
# compared at all: none of the suggested pairs of tests/data/idea_pairs*.csv overlaps
# less than 0.37. Comparing every card of one workshop with every card of another costs
# about 80 µs a pair, a minute for two workshops of 2,000 cards; this cut leaves about
# one pair in twenty to compare (DuplicateFinder.suggest skips only pairs sharing none).
CANDIDATE_OVERLAP = 0.3
DEFAULT_DUPLICATE_LIMIT = 100


@dataclass(frozen=True)
class ProvinceWorkshop:
    """One workshop of the province with what it holds, for the provincial table."""

    id: str
    title: str
    kind: str
    province: str
    fiscal_year: int | None  # B.E.
    start_date: dt.date | None
    venue: str
    invited: int
    present: int
    ideas: int  # cards on the board (live, not merged into another)
    projects: int
    vote_rounds: int


@dataclass(frozen=True)
class SideIdea:
    """A card on a workshop's board, as the side-by-side view shows it."""

    id: str
    workshop_id: str
    issue_number: int
    text: str
    kind: str
    sector_name: str
    sector_colour: str


@dataclass(frozen=True)
class IssueGroup:
    """One issue number across the chosen workshops: each workshop's title for it ("" if
    the workshop has no issue with this number) and its cards in board order."""

    number: int
    titles: dict[str, str]  # workshop id -> issue title
    ideas: dict[str, list[SideIdea]]  # workshop id -> cards (every chosen workshop)

    def height(self) -> int:
        """The most cards any one workshop has under this number."""
        return max((len(cards) for cards in self.ideas.values()), default=0)


@dataclass(frozen=True)
class SideBySide:
    workshops: list[ProvinceWorkshop]  # in the order asked for
    issues: list[IssueGroup]  # by issue number

    def idea(self, idea_id: str) -> SideIdea | None:
        for group in self.issues:
            for cards in group.ideas.values():
                for card in cards:
                    if card.id == idea_id:
                        return card
        return None


@dataclass(frozen=True)
class CrossDuplicate:
    """Two cards of different workshops that look like the same idea."""

    score: float  # DuplicateFinder's score, THRESHOLD to 1
    first: SideIdea
    second: SideIdea


def _count_by_workshop(
    session: Session, workshop_column: Any, *conditions: ColumnElement[bool]
) -> dict[str, int]:
    """Rows per workshop meeting ``conditions``: one grouped query for every workshop."""
    query = select(workshop_column, func.count()).where(*conditions).group_by(workshop_column)
    return {str(workshop_id): int(count) for workshop_id, count in session.execute(query)}


def _on_board() -> list[ColumnElement[bool]]:
    """Cards on a board: live, not merged away, accepted (not awaiting moderation), under
    an issue that is live."""
    return [
        Idea.deleted.is_(False),
        Idea.merged_into_id.is_(None),
        Idea.awaiting_moderation.is_(False),
        StrategicIssue.deleted.is_(False),
    ]


def province_workshops(session: Session) -> list[ProvinceWorkshop]:
    """Every live workshop with its counts, by date (undated last), then Thai title order.

    Six queries whatever the number of workshops: the workshops, then one grouped count
    per kind of row.
    """
    invited = _count_by_workshop(
        session, Attendee.workshop_id, Attendee.deleted.is_(False), Attendee.invited.is_(True)
    )
    present = _count_by_workshop(
        session,
        Attendee.workshop_id,
        Attendee.deleted.is_(False),
        Attendee.checked_in_at.is_not(None),
    )
    ideas = {
        str(workshop_id): int(count)
        for workshop_id, count in session.execute(
            select(Idea.workshop_id, func.count())
            .join(StrategicIssue, StrategicIssue.id == Idea.issue_id)
            .where(*_on_board())
            .group_by(Idea.workshop_id)
        )
    }
    projects = _count_by_workshop(session, Project.workshop_id, Project.deleted.is_(False))
    rounds = _count_by_workshop(session, VoteRound.workshop_id, VoteRound.deleted.is_(False))
    found = [
        ProvinceWorkshop(
            id=w.id,
            title=w.title,
            kind=w.kind,
            province=w.province,
            fiscal_year=w.fiscal_year,
            start_date=w.start_date,
            venue=w.venue,
            invited=invited.get(w.id, 0),
            present=present.get(w.id, 0),
            ideas=ideas.get(w.id, 0),
            projects=projects.get(w.id, 0),
            vote_rounds=rounds.get(w.id, 0),
        )
        for w in session.scalars(select(Workshop).where(Workshop.deleted.is_(False)))
    ]
    found.sort(
        key=lambda w: (
            w.start_date is None,
            w.start_date or dt.date.min,
            thai_sort_key(w.title),
            w.id,
        )
    )
    return found


def _chosen(session: Session, workshop_ids: Sequence[str]) -> list[ProvinceWorkshop]:
    """The chosen live workshops, in the order given (each once); unknown ids refused."""
    wanted = list(dict.fromkeys(workshop_ids))
    by_id = {w.id: w for w in province_workshops(session) if w.id in wanted}
    missing = [w for w in wanted if w not in by_id]
    if missing:
        raise UserError(
            f"ไม่พบงานประชุมรหัส {', '.join(missing)} บนเซิร์ฟเวอร์",
            f"no workshop with id {', '.join(missing)} on the server",
        )
    return [by_id[w] for w in wanted]


def ideas_side_by_side(session: Session, workshop_ids: Sequence[str]) -> SideBySide:
    """The cards on the boards of the chosen workshops, grouped by strategic issue.

    Each workshop has its own issue rows, so issues of different workshops are matched
    by their NUMBER: the workshops of one province usually work on the provincial plan's
    strategic issues, numbered the same ("ประเด็นที่ 2" is tourism in every one of them).
    Each group keeps every workshop's own title for its number, so a difference shows.
    A workshop with two live issues of one number (edits from two laptops) has both
    titles joined and both columns' cards, one issue after the other.
    """
    chosen = _chosen(session, workshop_ids)
    ids = [w.id for w in chosen]
    titles: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for workshop_id, number, title in session.execute(
        select(StrategicIssue.workshop_id, StrategicIssue.number, StrategicIssue.title)
        .where(StrategicIssue.workshop_id.in_(ids), StrategicIssue.deleted.is_(False))
        .order_by(StrategicIssue.number, StrategicIssue.created_hlc)
    ):
        titles[number][workshop_id].append(title)
    cards: dict[int, dict[str, list[SideIdea]]] = defaultdict(lambda: defaultdict(list))
    query = (
        select(
            Idea.id,
            Idea.workshop_id,
            StrategicIssue.number,
            Idea.text,
            Idea.kind,
            Sector.name,
            Sector.colour,
        )
        .join(StrategicIssue, StrategicIssue.id == Idea.issue_id)
        .outerjoin(Sector, Sector.id == Idea.sector_id)
        .where(Idea.workshop_id.in_(ids), *_on_board())
        .order_by(StrategicIssue.number, StrategicIssue.created_hlc, Idea.position, Idea.id)
    )
    for r in session.execute(query):
        card = SideIdea(r.id, r.workshop_id, r.number, r.text, r.kind, r.name or "", r.colour or "")
        cards[r.number][r.workshop_id].append(card)
    groups = [
        IssueGroup(
            number=number,
            titles={w: " / ".join(titles[number].get(w, [])) for w in ids},
            ideas={w: list(cards[number].get(w, [])) for w in ids},
        )
        for number in sorted(set(titles) | set(cards))
    ]
    return SideBySide(chosen, groups)


@functools.lru_cache(maxsize=8)
def _finder(extra_words: frozenset[str]) -> DuplicateFinder:
    """One finder per set of glossary words: it remembers each text's features, so that a
    second look at the same workshops (a refresh, another selection) is quick."""
    return DuplicateFinder(segmenter(extra_words))


def duplicate_finder(session: Session, workshop_ids: Iterable[str]) -> DuplicateFinder:
    """A DuplicateFinder whose segmenter knows the workshops' glossaries and provinces,
    as the board's does for its one workshop."""
    words: set[str] = set()
    for glossary, province in session.execute(
        select(Workshop.glossary, Workshop.province).where(Workshop.id.in_(list(workshop_ids)))
    ):
        words.update(glossary_words(glossary or ""))
        if province:
            words.add(province)
    return _finder(frozenset(words))


def cross_workshop_duplicates(
    session: Session,
    workshop_ids: Sequence[str],
    limit: int = DEFAULT_DUPLICATE_LIMIT,
    threshold: float = THRESHOLD,
) -> list[CrossDuplicate]:
    """Pairs of cards of DIFFERENT chosen workshops that look like the same idea, best
    first (at most ``limit``), whatever their issues.

    Scored by DuplicateFinder as on the board, with word weights taken over every card of
    the chosen workshops. Each text is compared once (a text typed on several cards is
    common), and only pairs whose trigrams overlap at least CANDIDATE_OVERLAP are scored.
    """
    side = ideas_side_by_side(session, workshop_ids)
    finder = duplicate_finder(session, (w.id for w in side.workshops))
    by_workshop: dict[str, list[SideIdea]] = defaultdict(list)
    for group in side.issues:
        for workshop_id, cards in group.ideas.items():
            by_workshop[workshop_id].extend(cards)
    weights = finder.weights(card.text for cards in by_workshop.values() for card in cards)
    order = {w.id: index for index, w in enumerate(side.workshops)}
    found: list[CrossDuplicate] = []
    workshops = [w.id for w in side.workshops]
    for first_index, first_id in enumerate(workshops):
        for second_id in workshops[first_index + 1 :]:
            texts = _similar_texts(
                finder,
                [c.text for c in by_workshop[first_id]],
                [c.text for c in by_workshop[second_id]],
            )
            if not texts:
                continue
            cards_a = _by_text(by_workshop[first_id])
            cards_b = _by_text(by_workshop[second_id])
            for text_a, text_b in texts:
                score = finder.score(text_a, text_b, weights)
                if score < threshold:
                    continue
                for a in cards_a[text_a]:
                    for b in cards_b[text_b]:
                        found.append(CrossDuplicate(score, a, b))
    found.sort(
        key=lambda d: (
            -d.score,
            order[d.first.workshop_id],
            order[d.second.workshop_id],
            d.first.issue_number,
            d.second.issue_number,
            d.first.id,
            d.second.id,
        )
    )
    return found[:limit]


def _by_text(cards: Iterable[SideIdea]) -> dict[str, list[SideIdea]]:
    grouped: dict[str, list[SideIdea]] = defaultdict(list)
    for card in cards:
        grouped[card.text].append(card)
    return grouped


def _similar_texts(
    finder: DuplicateFinder, first: Iterable[str], second: Iterable[str]
) -> list[tuple[str, str]]:
    """(text of ``first``, text of ``second``) pairs worth scoring: their character
    trigrams overlap at least CANDIDATE_OVERLAP (Dice), counted through an index of the
    second side's trigrams."""
    texts_b = sorted(set(second))
    grams_b = [finder.features(t).trigrams for t in texts_b]
    index: dict[str, list[int]] = defaultdict(list)
    for position, grams in enumerate(grams_b):
        for gram in grams:
            index[gram].append(position)
    pairs: list[tuple[str, str]] = []
    for text in sorted(set(first)):
        grams = finder.features(text).trigrams
        shared = Counter(chain.from_iterable(index.get(g, ()) for g in grams))
        for position, count in shared.items():
            if 2 * count >= CANDIDATE_OVERLAP * (len(grams) + len(grams_b[position])):
                pairs.append((text, texts_b[position]))
    return pairs
