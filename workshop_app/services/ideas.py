"""The brainstorm board: ideas under each strategic issue, moved, merged and unmerged.

A card that is merged into another stays in the database with ``merged_into_id`` set,
so an unmerge gives it back exactly; every merge and unmerge is written to the merge
log with the time and the device. Only cards that are neither deleted nor merged are on
the board ("roots"); a root shows how many cards were merged into it, at any depth.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, bindparam, func, select
from sqlalchemy.orm import Session

from workshop_app.errors import FieldError, UserError
from workshop_app.models import (
    Attendee,
    Idea,
    IdeaKind,
    IdeaMergeEvent,
    MergeAction,
    Sector,
    StrategicIssue,
)
from workshop_app.thai.names import full_name
from workshop_app.thai.normalize import normalize_thai, search_key, without_control

MAX_IDEA_CHARS = 1000  # a card, not an essay: longer text is refused, never cut
# Positions closer than this are renumbered 1, 2, 3 ... before inserting between them.
_MIN_GAP = 1e-6

KIND_LABELS: dict[str, tuple[str, str]] = {
    IdeaKind.PROBLEM.value: ("ปัญหา", "Problem"),
    IdeaKind.STRENGTH.value: ("จุดแข็ง/ศักยภาพ", "Strength"),
    IdeaKind.NEED.value: ("ความต้องการ", "Need"),
    IdeaKind.PROPOSAL.value: ("ข้อเสนอแนะ", "Proposal"),
    IdeaKind.PROJECT.value: ("ข้อเสนอโครงการ", "Project idea"),
    IdeaKind.OTHER.value: ("อื่น ๆ", "Other"),
}


# C0 and C1 control characters (tab and line breaks included): pasted text brings them.
def kind_label(kind: str, language: str = "th") -> str:
    thai, english = KIND_LABELS.get(kind, (kind, kind))
    return thai if language == "th" else english


@dataclass(frozen=True)
class IdeaDraft:
    """What the secretary typed for one card."""

    text: str
    kind: str = IdeaKind.PROPOSAL.value
    sector_id: str | None = None
    breakout_group: str = ""
    author_id: str | None = None


@dataclass(frozen=True)
class IdeaRow:
    id: str
    issue_id: str
    text: str
    kind: str
    sector_id: str | None
    sector_name: str
    sector_colour: str
    breakout_group: str
    author_id: str | None
    author_name: str
    position: float
    merged_count: int  # cards merged into this one, at any depth
    search_text: str

    def draft(self) -> IdeaDraft:
        return IdeaDraft(self.text, self.kind, self.sector_id, self.breakout_group, self.author_id)


@dataclass(frozen=True)
class IdeaPlace:
    """Where a card is on the board: its column and the card below it (None: at the
    bottom). Moving the card to its old place undoes a move, whatever was renumbered."""

    issue_id: str
    before_id: str | None
    # The exact position it had: reused on undo when it still lies between the same
    # neighbours, so the card also comes back to its place among hidden (merged,
    # deleted) cards, which matters once those come back.
    position: float | None = None


@dataclass(frozen=True)
class MergeEventRow:
    id: str
    action: str
    target_id: str
    source_ids: tuple[str, ...]
    at: dt.datetime
    device_id: str


@dataclass(frozen=True)
class IdeaCounts:
    by_issue: dict[str, int]
    by_sector: dict[str | None, int]  # None: cards with no sector
    total: int


# --- checking what was typed ----------------------------------------------------------------


def clean_idea_text(text: str) -> str:
    """The text of a card, repaired; raise FieldError if it is empty or too long."""
    text = normalize_thai(without_control(text))
    if not text:
        raise FieldError("text", "กรุณาพิมพ์ข้อความของความคิดเห็น", "type the text of the idea")
    if len(text) > MAX_IDEA_CHARS:
        raise FieldError(
            "text",
            f"ข้อความยาว {len(text):,} ตัวอักษร เกินกำหนด {MAX_IDEA_CHARS:,} ตัวอักษร "
            "กรุณาแบ่งเป็นหลายความคิดเห็น",
            f"the text is {len(text):,} characters long, more than {MAX_IDEA_CHARS:,}; "
            "split it into several ideas",
        )
    return text


def _clean_draft(
    session: Session, workshop_id: str, draft: IdeaDraft, current: Idea | None = None
) -> IdeaDraft:
    """The draft repaired and checked. A sector or author the card already has is kept
    even if it was deleted since, so that the card's text can still be corrected."""
    text = clean_idea_text(draft.text)
    if draft.kind not in KIND_LABELS:
        raise FieldError(
            "kind", f"ไม่รู้จักประเภทความคิดเห็น '{draft.kind}'", f"unknown kind of idea '{draft.kind}'"
        )
    if draft.sector_id is not None and (current is None or draft.sector_id != current.sector_id):
        sector = session.get(Sector, draft.sector_id)
        if sector is None or sector.deleted or sector.workshop_id != workshop_id:
            raise FieldError("sector", "ไม่พบภาคส่วนที่เลือก", "the chosen sector does not exist")
    if draft.author_id is not None and (current is None or draft.author_id != current.author_id):
        author = session.get(Attendee, draft.author_id)
        if author is None or author.deleted or author.workshop_id != workshop_id:
            raise FieldError("author", "ไม่พบผู้เสนอที่เลือก", "the chosen author does not exist")
    return IdeaDraft(
        text, draft.kind, draft.sector_id, normalize_thai(draft.breakout_group), draft.author_id
    )


# Asked at every card added: built once (see "reading the board" below).
_LIVE_ISSUE = select(StrategicIssue.id).where(
    StrategicIssue.id == bindparam("issue_id"),
    StrategicIssue.workshop_id == bindparam("workshop_id"),
    StrategicIssue.deleted.is_(False),
)
_COLUMN_END = select(func.max(Idea.position)).where(Idea.issue_id == bindparam("issue_id"))


def _live_issue(session: Session, workshop_id: str, issue_id: str) -> None:
    """Refuse an issue that is not the workshop's or was deleted."""
    if session.scalar(_LIVE_ISSUE, {"issue_id": issue_id, "workshop_id": workshop_id}) is None:
        raise UserError("ไม่พบประเด็นยุทธศาสตร์ที่เลือก", "the chosen strategic issue does not exist")


def _idea(session: Session, idea_id: str) -> Idea:
    idea = session.get(Idea, idea_id)
    if idea is None:
        raise UserError(f"ไม่พบความคิดเห็นรหัส {idea_id}", f"no idea with id {idea_id}")
    return idea


def _live_idea(session: Session, idea_id: str) -> Idea:
    idea = _idea(session, idea_id)
    if idea.deleted:
        raise UserError(
            f"ความคิดเห็น '{_short(idea.text)}' ถูกลบไปแล้ว",
            f"the idea '{_short(idea.text)}' was deleted",
        )
    return idea


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- adding, editing, deleting ---------------------------------------------------------------


def _end_position(session: Session, issue_id: str) -> float:
    last = session.scalar(_COLUMN_END, {"issue_id": issue_id})
    return float(last) + 1.0 if last is not None else 1.0


def add_idea(
    session: Session,
    workshop_id: str,
    issue_id: str,
    draft: IdeaDraft,
    idea_id: str | None = None,
    *,
    awaiting_moderation: bool = False,
) -> str:
    """Add a card at the end of the issue's column; return its id.

    ``idea_id``: the new card's id, chosen beforehand so that an undone add can be
    redone under it (restore_idea). ``awaiting_moderation``: a card from a phone that
    stays off the board until the facilitator accepts it.
    """
    _live_issue(session, workshop_id, issue_id)
    draft = _clean_draft(session, workshop_id, draft)
    idea = Idea(
        workshop_id=workshop_id,
        issue_id=issue_id,
        text=draft.text,
        kind=draft.kind,
        sector_id=draft.sector_id,
        breakout_group=draft.breakout_group,
        author_id=draft.author_id,
        position=_end_position(session, issue_id),
        search_text=search_key(draft.text),
        awaiting_moderation=awaiting_moderation,
    )
    if idea_id is not None:
        idea.id = idea_id
    session.add(idea)
    session.flush()
    return idea.id


def add_ideas(
    session: Session,
    workshop_id: str,
    cards: list[tuple[str, IdeaDraft]],
    progress: Callable[[int, int], None] | None = None,
) -> list[str]:
    """Add many (issue id, draft) cards at once (an imported transcript), each at the end
    of its issue's column in the order given: each checked as add_idea checks it, the
    column ends looked up once, one flush for all. Returns their ids, in the order given.
    ``progress`` (done, total) is told every few hundred cards."""
    ends: dict[str, float] = {}
    # Held so that checking each card's sector finds it in the session, not the file.
    sectors = session.scalars(select(Sector).where(Sector.workshop_id == workshop_id)).all()
    ideas = []
    for done, (issue_id, draft) in enumerate(cards):
        if progress is not None and done % 200 == 0:
            progress(done, len(cards))
        if issue_id not in ends:
            _live_issue(session, workshop_id, issue_id)
            ends[issue_id] = _end_position(session, issue_id)
        else:
            ends[issue_id] += 1.0
        cleaned = _clean_draft(session, workshop_id, draft)
        ideas.append(
            Idea(
                workshop_id=workshop_id,
                issue_id=issue_id,
                text=cleaned.text,
                kind=cleaned.kind,
                sector_id=cleaned.sector_id,
                breakout_group=cleaned.breakout_group,
                author_id=cleaned.author_id,
                position=ends[issue_id],
                search_text=search_key(cleaned.text),
            )
        )
    session.add_all(ideas)
    session.flush()
    del sectors
    return [idea.id for idea in ideas]


def update_idea(session: Session, idea_id: str, draft: IdeaDraft) -> None:
    idea = _live_idea(session, idea_id)
    draft = _clean_draft(session, idea.workshop_id, draft, current=idea)
    idea.text = draft.text
    idea.kind = draft.kind
    idea.sector_id = draft.sector_id
    idea.breakout_group = draft.breakout_group
    idea.author_id = draft.author_id
    idea.search_text = search_key(draft.text)
    session.flush()


def delete_idea(session: Session, idea_id: str) -> None:
    """Take a card off the board (a tombstone: restore_idea brings it back)."""
    _live_idea(session, idea_id).deleted = True
    session.flush()


def restore_idea(session: Session, idea_id: str) -> None:
    _idea(session, idea_id).deleted = False
    session.flush()


# --- moving -----------------------------------------------------------------------------------


def _column(session: Session, issue_id: str, *, on_board_only: bool = True) -> list[Idea]:
    """The cards in an issue's column, top to bottom: those on the board, or all of them
    (merged and deleted cards keep their place, so that they come back to it)."""
    query = select(Idea).where(Idea.issue_id == issue_id).order_by(Idea.position, Idea.id)
    if on_board_only:
        query = query.where(
            Idea.deleted.is_(False),
            Idea.merged_into_id.is_(None),
            Idea.awaiting_moderation.is_(False),
        )
    return list(session.scalars(query))


def idea_place(session: Session, idea_id: str) -> IdeaPlace:
    idea = _live_idea(session, idea_id)
    column = [c.id for c in _column(session, idea.issue_id)]
    index = column.index(idea.id) if idea.id in column else len(column)
    below = column[index + 1] if index + 1 < len(column) else None
    return IdeaPlace(idea.issue_id, below, idea.position)


def move_idea(
    session: Session,
    idea_id: str,
    issue_id: str,
    before_id: str | None = None,
    position: float | None = None,
) -> IdeaPlace:
    """Put a card in ``issue_id``'s column just above ``before_id`` (None: at the bottom),
    at ``position`` if that lies there (undo gives the old one).

    Returns where the card was, so that ``move_idea(**old)`` undoes the move.
    """
    idea = _live_idea(session, idea_id)
    _live_issue(session, idea.workshop_id, issue_id)
    if idea.merged_into_id is not None:
        raise UserError("ย้ายการ์ดที่ถูกรวมไปแล้วไม่ได้", "a merged card cannot be moved")
    old = idea_place(session, idea_id)
    if before_id == idea.id:
        return old  # dropped onto itself
    board = [c for c in _column(session, issue_id) if c.id != idea.id]
    index = len(board)
    if before_id is not None:
        ids = [c.id for c in board]
        if before_id not in ids:
            raise UserError(
                "ไม่พบการ์ดปลายทางในคอลัมน์นี้", "the card to move before is not in that column"
            )
        index = ids.index(before_id)
    idea.issue_id = issue_id
    idea.position = _position_between(session, issue_id, idea, board, index, position)
    session.flush()
    return old


def _position_between(
    session: Session,
    issue_id: str,
    idea: Idea,
    board: list[Idea],
    index: int,
    wanted: float | None = None,
) -> float:
    """A position for ``idea`` between board cards ``index - 1`` and ``index``: ``wanted``
    if it lies there and no other card has it, else the middle of the widest gap between
    the cards (hidden ones included) there, so that no two cards share a position."""
    for _attempt in range(2):
        everything = [c for c in _column(session, issue_id, on_board_only=False) if c is not idea]
        low = (
            board[index - 1].position
            if index > 0
            else min((c.position for c in everything), default=1.0) - 2.0
        )
        high = (
            board[index].position
            if index < len(board)
            else max((c.position for c in everything), default=0.0) + 2.0
        )
        taken = sorted(c.position for c in everything if low < c.position < high)
        if wanted is not None and low < wanted < high and wanted not in taken:
            return wanted
        points = [low, *taken, high]
        gap, start = max((b - a, a) for a, b in itertools.pairwise(points))
        if gap >= _MIN_GAP:
            return start + gap / 2
        # Too close after many drops in one spot: number the whole column (hidden cards
        # too, so they keep their place) 1, 2, 3 ... and try again.
        for number, card in enumerate(everything, start=1):
            card.position = float(number)
        session.flush()
    raise AssertionError("positions are 1 apart after renumbering")


def neighbour_id(session: Session, idea_id: str, offset: int) -> str | None:
    """For moving a card up (-1) or down (+1) with the keyboard: the id of the card it
    should then be placed before (None: the bottom), or the card's own id if it cannot
    move further."""
    idea = _live_idea(session, idea_id)
    if idea.merged_into_id is not None:
        raise UserError("ย้ายการ์ดที่ถูกรวมไปแล้วไม่ได้", "a merged card cannot be moved")
    column = [c.id for c in _column(session, idea.issue_id)]
    index = column.index(idea.id)
    target = index + offset
    if target < 0 or target >= len(column):
        return idea.id
    after = target + 1 if offset > 0 else target
    return column[after] if after < len(column) else None


# --- merging -----------------------------------------------------------------------------------


def _log(
    session: Session, workshop_id: str, action: MergeAction, target: str, ids: list[str]
) -> None:
    session.add(
        IdeaMergeEvent(
            workshop_id=workshop_id,
            action=action.value,
            target_id=target,
            source_ids=" ".join(ids),
            at=dt.datetime.now(dt.UTC),
        )
    )


def merge_ideas(session: Session, target_id: str, source_ids: Sequence[str]) -> None:
    """Merge cards into ``target_id``: they leave the board but are kept (see unmerge)."""
    target = _live_idea(session, target_id)
    if target.merged_into_id is not None:
        raise UserError(
            f"การ์ด '{_short(target.text)}' ถูกรวมเข้ากับการ์ดอื่นไปแล้ว จึงรับการรวมไม่ได้",
            f"the card '{_short(target.text)}' was itself merged into another",
        )
    ids = list(dict.fromkeys(source_ids))
    if not ids:
        raise UserError("เลือกการ์ดที่จะรวมอย่างน้อยหนึ่งใบ", "choose at least one card to merge")
    if target_id in ids:
        raise UserError("รวมการ์ดเข้ากับตัวเองไม่ได้", "a card cannot be merged into itself")
    for source_id in ids:
        source = _live_idea(session, source_id)
        if source.workshop_id != target.workshop_id:
            raise UserError(
                "รวมการ์ดต่างงานประชุมกันไม่ได้", "cards of different workshops cannot be merged"
            )
        if source.merged_into_id is not None:
            raise UserError(
                f"การ์ด '{_short(source.text)}' ถูกรวมไปแล้ว",
                f"the card '{_short(source.text)}' is already merged",
            )
        source.merged_into_id = target.id
    _log(session, target.workshop_id, MergeAction.MERGE, target.id, ids)
    session.flush()


def unmerge_ideas(
    session: Session, target_id: str, source_ids: Sequence[str] | None = None
) -> list[str]:
    """Give back cards merged into ``target_id`` (all of them when ``source_ids`` is None);
    they return to the board where they were. Return the ids given back."""
    target = _idea(session, target_id)
    merged = {
        i.id: i
        for i in session.scalars(
            select(Idea).where(Idea.merged_into_id == target_id, Idea.deleted.is_(False))
        )
    }
    ids = list(merged) if source_ids is None else list(dict.fromkeys(source_ids))
    for source_id in ids:
        if source_id not in merged:
            raise UserError(
                "การ์ดที่เลือกไม่ได้ถูกรวมไว้ในการ์ดนี้", "the chosen card is not merged into this one"
            )
        merged[source_id].merged_into_id = None
    if ids:
        _log(session, target.workshop_id, MergeAction.UNMERGE, target.id, ids)
    session.flush()
    return ids


def merged_into(session: Session, target_id: str) -> list[IdeaRow]:
    """The cards merged directly into ``target_id``."""
    target = _idea(session, target_id)
    return _rows(session, target.workshop_id, Idea.merged_into_id == target_id)


def merge_history(session: Session, workshop_id: str) -> list[MergeEventRow]:
    events = session.scalars(
        select(IdeaMergeEvent)
        .where(IdeaMergeEvent.workshop_id == workshop_id)
        .order_by(IdeaMergeEvent.created_hlc)
    )
    return [
        MergeEventRow(e.id, e.action, e.target_id, tuple(e.source_ids.split()), e.at, e.device_id)
        for e in events
    ]


# --- reading the board -----------------------------------------------------------------------

# The board's questions are built once, with the workshop and the rest as parameters:
# building a statement and working out its key for SQLAlchemy's cache took more time
# than SQLite took to answer it, and the board asks after every card added.

_WORKSHOP = Idea.workshop_id == bindparam("workshop_id")


def _card_rows(pending: bool) -> Select[*tuple[Any, ...]]:
    """Live cards of a workshop (the parameter ``workshop_id``) as plain columns, not
    ORM objects (the board reads thousands of cards at once: about 15 µs a card), by
    issue number then position: those on the board, or those awaiting moderation."""
    return (
        select(
            Idea.id,
            Idea.issue_id,
            Idea.text,
            Idea.kind,
            Idea.sector_id,
            Sector.name,
            Sector.colour,
            Idea.breakout_group,
            Idea.author_id,
            Attendee.prefix,
            Attendee.first_name,
            Attendee.last_name,
            Idea.position,
            Idea.search_text,
        )
        .join(StrategicIssue, StrategicIssue.id == Idea.issue_id)
        .outerjoin(Sector, Sector.id == Idea.sector_id)
        .outerjoin(Attendee, Attendee.id == Idea.author_id)
        .where(_WORKSHOP, Idea.deleted.is_(False), Idea.awaiting_moderation.is_(pending))
        .order_by(StrategicIssue.number, Idea.position)
    )


_MERGED_CARDS = select(Idea.id, Idea.merged_into_id).where(
    _WORKSHOP, Idea.deleted.is_(False), Idea.merged_into_id.is_not(None)
)
_CHANGED_SINCE = select(
    Idea.id, Idea.deleted, Idea.merged_into_id, Idea.awaiting_moderation, Idea.updated_hlc
).where(_WORKSHOP, Idea.updated_hlc > bindparam("since"))
_BOARD_CARDS = _card_rows(pending=False).where(Idea.merged_into_id.is_(None))
_CARDS_BY_ID = _card_rows(pending=False).where(Idea.id.in_(bindparam("ids", expanding=True)))


def _merged_counts(session: Session, workshop_id: str) -> dict[str, int]:
    """For every card, how many live cards were merged into it at any depth."""
    children: dict[str, list[str]] = defaultdict(list)
    for idea_id, parent_id in session.execute(_MERGED_CARDS, {"workshop_id": workshop_id}):
        children[str(parent_id)].append(idea_id)
    # Walked with a stack, not recursion: a chain of merges may be thousands deep.
    counts: dict[str, int] = {}
    walking: set[str] = set()  # on the current path: a cycle arriving from another device
    for root in children:
        stack = [(root, False)]
        while stack:
            idea_id, finished = stack.pop()
            if finished:
                walking.discard(idea_id)
                counts[idea_id] = sum(1 + counts.get(c, 0) for c in children.get(idea_id, ()))
            elif idea_id not in counts and idea_id not in walking:
                walking.add(idea_id)
                stack.append((idea_id, True))
                stack.extend((c, False) for c in children.get(idea_id, ()))
    return {parent: counts[parent] for parent in children}


def _rows(
    session: Session,
    workshop_id: str,
    *conditions: ColumnElement[bool],
    counts: dict[str, int] | None = None,
    pending: bool = False,
) -> list[IdeaRow]:
    """Live cards of a workshop that meet ``conditions``, by issue number then position;
    ``counts`` are the merged counts if the caller has already read them. ``pending``:
    the cards from phones awaiting moderation instead of those accepted (only those are
    ever on the board, in votes, minutes or plans)."""
    query = _card_rows(pending).where(*conditions)
    return _read_rows(session, workshop_id, query, {}, counts)


def _read_rows(
    session: Session,
    workshop_id: str,
    query: Select[*tuple[Any, ...]],
    parameters: dict[str, object],
    counts: dict[str, int] | None,
) -> list[IdeaRow]:
    """The cards ``query`` (one of ``_card_rows``) finds for the workshop and
    ``parameters``, with their merged counts (read here when not given)."""
    if counts is None:
        counts = _merged_counts(session, workshop_id)
    rows = []
    for r in session.execute(query, {"workshop_id": workshop_id, **parameters}):
        author = full_name(r.prefix, r.first_name, r.last_name)
        rows.append(
            IdeaRow(
                id=r.id,
                issue_id=r.issue_id,
                text=r.text,
                kind=r.kind,
                sector_id=r.sector_id,
                sector_name=r.name or "",
                sector_colour=r.colour or "",
                breakout_group=r.breakout_group,
                author_id=r.author_id,
                author_name=author,
                position=r.position,
                merged_count=counts.get(r.id, 0),
                search_text=r.search_text,
            )
        )
    return rows


def list_ideas(session: Session, workshop_id: str, issue_id: str | None = None) -> list[IdeaRow]:
    """The cards on the board (live, not merged), by issue number then position."""
    conditions: list[ColumnElement[bool]] = [Idea.merged_into_id.is_(None)]
    if issue_id is not None:
        conditions.append(Idea.issue_id == issue_id)
    return _rows(session, workshop_id, *conditions)


def list_pending_ideas(session: Session, workshop_id: str) -> list[IdeaRow]:
    """The cards sent from phones that await the facilitator's moderation (off the
    board), by issue number then the order they came in."""
    return _rows(session, workshop_id, Idea.merged_into_id.is_(None), pending=True)


def accept_pending_idea(session: Session, idea_id: str) -> None:
    """Put a card that awaited moderation on the board, at the end of its column."""
    idea = _live_idea(session, idea_id)
    if not idea.awaiting_moderation:
        return  # accepted already (by a second click, or on another laptop)
    idea.awaiting_moderation = False
    idea.position = _end_position(session, idea.issue_id)
    session.flush()


def return_to_moderation(session: Session, idea_id: str) -> None:
    """Take an accepted card off the board, awaiting moderation again (undoes
    ``accept_pending_idea``; its place comes back at the end when it is accepted again)."""
    idea = _live_idea(session, idea_id)
    idea.awaiting_moderation = True
    session.flush()


@dataclass(frozen=True)
class BoardChanges:
    """What changed on a workshop's board since a clock stamp (see ``board_changes``)."""

    stamp: str  # the newest stamp seen: pass it to the next call
    cards: list[IdeaRow]  # cards on the board that are new or changed
    gone: list[str]  # ids of cards that left the board (deleted or merged)
    merged_counts: dict[str, int]  # every card with cards merged into it


def board_changes(session: Session, workshop_id: str, since: str = "") -> BoardChanges:
    """Cards changed since the clock stamp ``since`` ("" = every card on the board).

    The board applies these to the cards it holds instead of reading 2,000 cards again
    after each keystroke. Every local write moves the device's clock forward and local
    writes commit in the order of their stamps (they stamp under the write lock, see
    db.database), so a stamp never misses a change made on this laptop, by any thread;
    sync replaces the whole board.
    """
    changed = session.execute(_CHANGED_SINCE, {"workshop_id": workshop_id, "since": since}).all()
    stamp = max((r.updated_hlc for r in changed), default=since)
    # A card awaiting moderation is not on the board: one accepted arrives as changed.
    gone = [r.id for r in changed if r.deleted or r.merged_into_id or r.awaiting_moderation]
    off_board = set(gone)
    on_board = [r.id for r in changed if r.id not in off_board]
    counts = _merged_counts(session, workshop_id)
    cards: list[IdeaRow] = []
    if not since:
        cards = _read_rows(session, workshop_id, _BOARD_CARDS, {}, counts)
    elif on_board:
        cards = _read_rows(session, workshop_id, _CARDS_BY_ID, {"ids": on_board}, counts)
    return BoardChanges(stamp, cards, gone, counts)


def get_idea(session: Session, idea_id: str) -> IdeaRow:
    idea = _live_idea(session, idea_id)
    return _rows(session, idea.workshop_id, Idea.id == idea_id, pending=idea.awaiting_moderation)[0]


def count_ideas(rows: Iterable[IdeaRow]) -> IdeaCounts:
    """Cards per issue and per sector (each card counts once; merged cards not again)."""
    by_issue: Counter[str] = Counter()
    by_sector: Counter[str | None] = Counter()
    total = 0
    for row in rows:
        by_issue[row.issue_id] += 1
        by_sector[row.sector_id] += 1
        total += 1
    return IdeaCounts(dict(by_issue), dict(by_sector), total)
