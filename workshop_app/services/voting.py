"""Vote rounds in the database: set-up, opening and closing, ballots, paper tallies,
results. The arithmetic is in ``vote_counting``; this module loads, checks and stores.

Rules a user meets here:

* a round's ideas, method and settings can change only while it is a draft;
* votes are taken only while it is open; a closed round changes in nothing (reopening it
  is logged, like opening and closing);
* a ballot needs a checked-in attendee (or none: an anonymous paper form); a second
  ballot from the same person is refused unless the user chose to replace the first;
* paper tallies cannot add up to more than the people present could have given.

Cards merged after they were put in a round are counted through the card they were
merged into (the "root" on the board).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workshop_app.db.types import natural_id, new_id
from workshop_app.errors import FieldError, UserError
from workshop_app.models import (
    Attendee,
    Ballot,
    BallotMark,
    CastBy,
    Idea,
    IdeaKind,
    PaperTally,
    RoundState,
    Sector,
    VoteCriterion,
    VoteMethod,
    VoteRound,
    VoteRoundEvent,
    VoteRoundIdea,
)
from workshop_app.models.base import SyncedRow
from workshop_app.services import vote_counting
from workshop_app.services.vote_counting import CastBallot, CountSettings, Mark, RoundCount, Tally
from workshop_app.thai.names import full_name
from workshop_app.thai.normalize import to_arabic_digits

METHOD_LABELS: dict[str, tuple[str, str]] = {
    VoteMethod.DOTS.value: ("ติดดาว (โหวตแบบจุด)", "Dot voting"),
    VoteMethod.RANKING.value: ("จัดอันดับ", "Ranking"),
    VoteMethod.CRITERIA.value: ("ให้คะแนนตามเกณฑ์", "Weighted criteria"),
    VoteMethod.APPROVAL.value: ("ยกมือเห็นด้วย", "Approval (show of hands)"),
}
STATE_LABELS: dict[str, tuple[str, str]] = {
    RoundState.DRAFT.value: ("ร่าง", "Draft"),
    RoundState.OPEN.value: ("เปิดลงคะแนน", "Open"),
    RoundState.CLOSED.value: ("ปิดแล้ว", "Closed"),
}
CAST_LABELS: dict[str, tuple[str, str]] = {
    CastBy.STAFF.value: ("เจ้าหน้าที่บันทึก", "Entered by staff"),
    CastBy.KIOSK.value: ("ลงคะแนนเองที่จอ", "Ballot screen"),
    CastBy.PAPER.value: ("กระดาษ/สติกเกอร์", "Paper"),
    CastBy.PHONE.value: ("ลงคะแนนจากโทรศัพท์", "Phone"),
}
# The national criteria for provincial project proposals, scored 0-4 each.
DEFAULT_CRITERIA: tuple[tuple[str, float], ...] = (
    ("ความสอดคล้องกับประเด็นการพัฒนา", 1.0),
    ("วัตถุประสงค์ ผลผลิต ผลลัพธ์ชัดเจน", 1.0),
    ("กลุ่มเป้าหมาย/ผู้ได้รับประโยชน์ชัดเจน", 1.0),
    ("ความพร้อมในการดำเนินการ", 1.0),
)


def label(labels: dict[str, tuple[str, str]], key: str, language: str = "th") -> str:
    thai, english = labels.get(key, (key, key))
    return thai if language == "th" else english


@dataclass(frozen=True)
class RoundDraft:
    title: str
    method: str
    idea_ids: tuple[str, ...]
    chosen_by: str = ""
    dots_per_voter: int = 5
    cap_per_idea: int = 2
    rank_count: int = 3
    scale_max: int = 4
    criteria: tuple[tuple[str, float], ...] = ()  # (name, weight)


@dataclass(frozen=True)
class RoundRow:
    id: str
    number: int
    title: str
    method: str
    state: str
    chosen_by: str
    dots_per_voter: int
    cap_per_idea: int
    rank_count: int
    scale_max: int
    revealed: bool
    criteria: tuple[tuple[str, str, float], ...]  # (id, name, weight)
    idea_ids: tuple[str, ...]  # as on the board now (merged cards through their target)

    def settings(self) -> CountSettings:
        return CountSettings(
            method=self.method,
            dots_per_voter=self.dots_per_voter,
            cap_per_idea=self.cap_per_idea,
            rank_count=self.rank_count,
            scale_max=self.scale_max,
            criteria=tuple((c, w) for c, _n, w in self.criteria),
        )

    def draft(self) -> RoundDraft:
        return RoundDraft(
            title=self.title,
            method=self.method,
            idea_ids=self.idea_ids,
            chosen_by=self.chosen_by,
            dots_per_voter=self.dots_per_voter,
            cap_per_idea=self.cap_per_idea,
            rank_count=self.rank_count,
            scale_max=self.scale_max,
            criteria=tuple((n, w) for _c, n, w in self.criteria),
        )


@dataclass(frozen=True)
class BallotRow:
    id: str
    attendee_id: str | None
    voter_name: str
    code: int | None
    sector_id: str | None
    cast_by: str
    at: dt.datetime
    marks: tuple[Mark, ...]


@dataclass(frozen=True)
class RoundEventRow:
    action: str
    at: dt.datetime
    device_id: str


@dataclass(frozen=True)
class SectorTurnout:
    sector_id: str | None
    name: str
    colour: str
    present: int  # checked in
    voted: int  # ballots cast


@dataclass(frozen=True)
class RoundResults:
    round: RoundRow
    count: RoundCount
    idea_texts: dict[str, str]
    turnout: list[SectorTurnout]
    present: int
    ballots: list[BallotRow]  # the ballots counted, oldest first


class DuplicateBallotError(UserError):
    """The attendee has a ballot in this round already; the caller may replace it."""

    def __init__(self, existing_id: str, name: str) -> None:
        super().__init__(f"{name} ลงคะแนนในรอบนี้แล้ว", f"{name} has already voted in this round.")
        self.existing_id = existing_id


# --- rows that stand for a key -------------------------------------------------------------

KeyedRow = TypeVar("KeyedRow", bound=SyncedRow)


def _keeper(rows: Iterable[KeyedRow], natural: str) -> KeyedRow | None:
    """The row that stands for a key among the rows stored with that key: a live one
    before a tombstone, then the one with the key's natural id, then the latest stamp.

    New rows of a key get its natural id (``natural_id``), so there is one row per key;
    more than one happen only in files from before natural ids (random ids, and two
    laptops' rows merged). Readers and writers pick the same row, so what is shown is what
    an edit (and its undo) changes; writers make the others tombstones."""
    return max(rows, key=lambda r: (not r.deleted, r.id == natural, r.updated_hlc), default=None)


def _bury(rows: Iterable[SyncedRow], keep: SyncedRow | None = None) -> None:
    """Make tombstones of ``rows`` (except ``keep``) that are not tombstones yet."""
    for row in rows:
        if row is not keep and not row.deleted:
            row.deleted = True


# --- loading ------------------------------------------------------------------------------


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _round(session: Session, round_id: str) -> VoteRound:
    found = session.get(VoteRound, round_id)
    if found is None or found.deleted:
        raise UserError("ไม่พบรอบการลงคะแนนนี้", "This vote round does not exist.")
    return found


def _roots(session: Session, idea_ids: Iterable[str]) -> dict[str, str]:
    """Each of ``idea_ids`` -> the card it is shown as on the board: itself, or the card
    it was merged into, at any depth. Reads only the chains it needs."""
    roots: dict[str, str] = {}
    parent: dict[str, str | None] = {}
    pending = set(idea_ids)
    while pending:
        rows = session.execute(
            select(Idea.id, Idea.merged_into_id).where(Idea.id.in_(pending))
        ).all()
        pending = set()
        for idea_id, merged_into in rows:
            parent[idea_id] = merged_into
            if merged_into is not None and merged_into not in parent:
                pending.add(merged_into)
    for idea_id in idea_ids:
        current, seen = idea_id, {idea_id}
        while parent.get(current) is not None:
            current = parent[current] or current
            if current in seen:  # the services never make a cycle; stop anyway
                break
            seen.add(current)
        roots[idea_id] = current
    return roots


def _round_row(session: Session, vote_round: VoteRound) -> RoundRow:
    by_name: dict[str, list[VoteCriterion]] = defaultdict(list)
    for criterion in session.scalars(
        select(VoteCriterion)
        .where(VoteCriterion.round_id == vote_round.id, VoteCriterion.deleted.is_(False))
        .order_by(VoteCriterion.position, VoteCriterion.created_hlc)
    ):
        by_name[criterion.name].append(criterion)
    # One criterion per name (see ``_write_parts``), also in files from before natural ids
    # where two laptops' copies of a draft round were merged.
    criteria: list[tuple[str, str, float]] = []
    for name, same in by_name.items():
        kept = same[0]
        if len(same) > 1:
            kept = _keeper(same, _criterion_id(vote_round.id, name)) or kept
        criteria.append((kept.id, kept.name, kept.weight))
    ideas = session.execute(
        select(VoteRoundIdea.idea_id, Idea.deleted, Idea.merged_into_id)
        .join(Idea, Idea.id == VoteRoundIdea.idea_id)
        .where(VoteRoundIdea.round_id == vote_round.id, VoteRoundIdea.deleted.is_(False))
        .order_by(VoteRoundIdea.position)
    ).all()
    merged = [idea_id for idea_id, _deleted, into in ideas if into is not None]
    roots = _roots(session, merged) if merged else {}
    shown: list[str] = []
    for idea_id, deleted, _into in ideas:
        root = roots.get(idea_id, idea_id)
        if not deleted and root not in shown:
            shown.append(root)
    return RoundRow(
        id=vote_round.id,
        number=vote_round.number,
        title=vote_round.title,
        method=vote_round.method,
        state=vote_round.state,
        chosen_by=vote_round.chosen_by,
        dots_per_voter=vote_round.dots_per_voter,
        cap_per_idea=vote_round.cap_per_idea,
        rank_count=vote_round.rank_count,
        scale_max=vote_round.scale_max,
        revealed=vote_round.revealed,
        criteria=tuple((c, n, w) for c, n, w in criteria),
        idea_ids=tuple(shown),
    )


def get_round(session: Session, round_id: str) -> RoundRow:
    return _round_row(session, _round(session, round_id))


def list_rounds(session: Session, workshop_id: str) -> list[RoundRow]:
    rounds = session.scalars(
        select(VoteRound)
        .where(VoteRound.workshop_id == workshop_id, VoteRound.deleted.is_(False))
        .order_by(VoteRound.number)
    ).all()
    return [_round_row(session, r) for r in rounds]


# --- choosing ideas -----------------------------------------------------------------------


def ideas_of_issue(
    session: Session, workshop_id: str, issue_id: str, kind: str | None = IdeaKind.PROJECT
) -> list[str]:
    """The cards on the board under one issue (of one kind, or all kinds), in board order."""
    query = select(Idea.id).where(
        Idea.workshop_id == workshop_id,
        Idea.issue_id == issue_id,
        Idea.deleted.is_(False),
        Idea.merged_into_id.is_(None),
        Idea.awaiting_moderation.is_(False),
    )
    if kind:
        query = query.where(Idea.kind == str(kind))
    return list(session.scalars(query.order_by(Idea.position)).all())


def top_of_round(session: Session, round_id: str, n: int) -> list[str]:
    """The top ``n`` ideas of a round (ties at the edge included), best first."""
    return vote_counting.top_ideas(round_results(session, round_id).count, n)


# --- setting up ---------------------------------------------------------------------------


def _clean_round(session: Session, workshop_id: str, draft: RoundDraft) -> RoundDraft:
    title = " ".join(draft.title.split())
    if not title:
        raise FieldError("title", "กรุณาตั้งชื่อรอบการลงคะแนน", "Give the round a title.")
    if draft.method not in METHOD_LABELS:
        raise FieldError(
            "method", f"ไม่รู้จักวิธีลงคะแนน {draft.method}", f"Unknown method {draft.method}."
        )
    if not draft.idea_ids:
        raise FieldError("ideas", "ยังไม่ได้เลือกความคิดที่จะลงคะแนน", "Choose the ideas to vote on.")
    if len(set(draft.idea_ids)) != len(draft.idea_ids):
        raise FieldError("ideas", "มีความคิดซ้ำในรายการ", "An idea is listed twice.")
    for idea_id in draft.idea_ids:
        idea = session.get(Idea, idea_id)
        if idea is None or idea.deleted or idea.workshop_id != workshop_id:
            raise FieldError(
                "ideas",
                "มีความคิดที่ถูกลบหรือไม่ได้อยู่ในงานประชุมนี้",
                "An idea was deleted or belongs to another workshop.",
            )
        if idea.awaiting_moderation:
            raise FieldError(
                "ideas",
                "มีความคิดที่ยังรอผู้ดำเนินการรับขึ้นกระดาน",
                "An idea is still waiting for the facilitator to accept it onto the board.",
            )
    numbers = {
        "dots_per_voter": (draft.dots_per_voter, 1, 100, "จำนวนดาวต่อคน", "Dots per voter"),
        "cap_per_idea": (draft.cap_per_idea, 1, 100, "ดาวสูงสุดต่อความคิด", "Most dots per idea"),
        "rank_count": (draft.rank_count, 1, 20, "จำนวนอันดับ", "Ranks per voter"),
        "scale_max": (draft.scale_max, 1, 10, "คะแนนเต็มต่อเกณฑ์", "Top score per criterion"),
    }
    for name, (value, low, high, thai, english) in numbers.items():
        if not low <= value <= high:
            raise FieldError(
                name,
                f"{thai}ต้องอยู่ระหว่าง {low} ถึง {high}",
                f"{english} must be from {low} to {high}.",
            )
    criteria: list[tuple[str, float]] = []
    for name, weight in draft.criteria:
        clean = " ".join(name.split())
        if not clean:
            continue
        if any(clean == known for known, _weight in criteria):
            # A criterion is known by its name: on the ballot form's columns, in the
            # results, and as the key of its row (see ``_write_parts``).
            raise FieldError(
                "criteria",
                f"มีเกณฑ์ \u201c{clean}\u201d ซ้ำในรายการ",
                f"The criterion \u201c{clean}\u201d is listed twice.",
            )
        if not 0 < weight <= 100:
            raise FieldError(
                "criteria",
                f"น้ำหนักของเกณฑ์ \u201c{clean}\u201d ต้องมากกว่า 0 และไม่เกิน 100",
                f"The weight of \u201c{clean}\u201d must be above 0 and at most 100.",
            )
        criteria.append((clean, float(weight)))
    if draft.method == VoteMethod.CRITERIA and not criteria:
        raise FieldError(
            "criteria", "การให้คะแนนตามเกณฑ์ต้องมีอย่างน้อยหนึ่งเกณฑ์", "Add at least one criterion."
        )
    return RoundDraft(
        title=title,
        method=draft.method,
        idea_ids=tuple(draft.idea_ids),
        chosen_by=" ".join(draft.chosen_by.split()),
        dots_per_voter=draft.dots_per_voter,
        cap_per_idea=min(draft.cap_per_idea, draft.dots_per_voter),
        rank_count=draft.rank_count,
        scale_max=draft.scale_max,
        criteria=tuple(criteria) if draft.method == VoteMethod.CRITERIA else (),
    )


def _criterion_id(round_id: str, name: str) -> str:
    return natural_id("vote_criteria", round_id, name)


def _write_parts(session: Session, vote_round: VoteRound, draft: RoundDraft) -> None:
    """Store the round's ideas and criteria, upserting by natural key: the row of each
    key is reused (brought back if a tombstone), one is added if there is none, and rows
    no longer wanted become tombstones. Two laptops editing the same draft round thus
    write the same rows, and sync merges them instead of listing everything twice.

    An idea is a row per (round, idea). A criterion is a row per (round, name): people
    know a criterion by its name (it heads its column on the ballot form and its line in
    the results; ``_clean_round`` refuses a name given twice), so changing its weight or
    its place keeps its row and id, a renamed criterion is a new one (the old becomes a
    tombstone), and two laptops adding the same criterion add one row, while two adding
    different ones keep both."""
    round_id = vote_round.id
    with session.no_autoflush:
        stored_ideas: dict[str, list[VoteRoundIdea]] = defaultdict(list)
        for idea_row in session.scalars(
            select(VoteRoundIdea).where(VoteRoundIdea.round_id == round_id)
        ):
            stored_ideas[idea_row.idea_id].append(idea_row)
        stored_criteria: dict[str, list[VoteCriterion]] = defaultdict(list)
        for criterion_row in session.scalars(
            select(VoteCriterion).where(VoteCriterion.round_id == round_id)
        ):
            stored_criteria[criterion_row.name].append(criterion_row)
        for position, idea_id in enumerate(draft.idea_ids):
            natural = natural_id("vote_round_ideas", round_id, idea_id)
            rows = stored_ideas.pop(idea_id, [])
            idea_row_kept = _keeper(rows, natural)
            if idea_row_kept is None:
                session.add(
                    VoteRoundIdea(id=natural, round_id=round_id, idea_id=idea_id, position=position)
                )
            else:
                idea_row_kept.position, idea_row_kept.deleted = position, False
            _bury(rows, idea_row_kept)
        for position, (name, weight) in enumerate(draft.criteria):
            natural = _criterion_id(round_id, name)
            criteria_rows = stored_criteria.pop(name, [])
            criterion_kept = _keeper(criteria_rows, natural)
            if criterion_kept is None:
                session.add(
                    VoteCriterion(
                        id=natural, round_id=round_id, name=name, weight=weight, position=position
                    )
                )
            else:
                criterion_kept.weight, criterion_kept.position = weight, position
                criterion_kept.deleted = False
            _bury(criteria_rows, criterion_kept)
        for idea_rows in stored_ideas.values():
            _bury(idea_rows)
        for criteria_rows in stored_criteria.values():
            _bury(criteria_rows)


def create_round(
    session: Session, workshop_id: str, draft: RoundDraft, round_id: str | None = None
) -> str:
    """Create a draft round; ``round_id`` lets redo recreate it with the same id."""
    clean = _clean_round(session, workshop_id, draft)
    number = (
        session.scalar(
            select(func.max(VoteRound.number)).where(VoteRound.workshop_id == workshop_id)
        )
        or 0
    ) + 1
    vote_round = VoteRound(
        workshop_id=workshop_id,
        title=clean.title,
        method=clean.method,
        state=RoundState.DRAFT.value,
        chosen_by=clean.chosen_by,
        dots_per_voter=clean.dots_per_voter,
        cap_per_idea=clean.cap_per_idea,
        rank_count=clean.rank_count,
        scale_max=clean.scale_max,
        revealed=False,
        number=number,
    )
    if round_id is not None:
        existing = session.get(VoteRound, round_id)
        if existing is not None:  # redo of a create that was undone
            existing.deleted = False
            return existing.id
        vote_round.id = round_id
    session.add(vote_round)
    session.flush()
    _write_parts(session, vote_round, clean)
    return vote_round.id


def update_round(session: Session, round_id: str, draft: RoundDraft) -> None:
    vote_round = _round(session, round_id)
    if vote_round.state != RoundState.DRAFT:
        raise UserError(
            "แก้ไขวิธีลงคะแนนหรือรายการความคิดได้เฉพาะรอบที่ยังเป็นร่าง",
            "Only a draft round's method, settings and ideas can be changed.",
        )
    clean = _clean_round(session, vote_round.workshop_id, draft)
    vote_round.title = clean.title
    vote_round.method = clean.method
    vote_round.chosen_by = clean.chosen_by
    vote_round.dots_per_voter = clean.dots_per_voter
    vote_round.cap_per_idea = clean.cap_per_idea
    vote_round.rank_count = clean.rank_count
    vote_round.scale_max = clean.scale_max
    _write_parts(session, vote_round, clean)


def delete_round(session: Session, round_id: str) -> None:
    vote_round = _round(session, round_id)
    if vote_round.state == RoundState.CLOSED:
        raise UserError(
            "ลบรอบที่ปิดแล้วไม่ได้ (ผลการลงคะแนนเป็นหลักฐาน)",
            "A closed round cannot be deleted (its result is on record).",
        )
    vote_round.deleted = True


def restore_round(session: Session, round_id: str) -> None:
    found = session.get(VoteRound, round_id)
    if found is not None:
        found.deleted = False


def _set_state(session: Session, round_id: str, state: RoundState, action: str) -> None:
    vote_round = _round(session, round_id)
    vote_round.state = state.value
    session.add(VoteRoundEvent(round_id=round_id, action=action, at=_now()))


def open_round(session: Session, round_id: str) -> None:
    vote_round = _round(session, round_id)
    if vote_round.state == RoundState.OPEN:
        return
    action = "reopen" if vote_round.state == RoundState.CLOSED else "open"
    _set_state(session, round_id, RoundState.OPEN, action)


def close_round(session: Session, round_id: str) -> None:
    vote_round = _round(session, round_id)
    if vote_round.state != RoundState.OPEN:
        raise UserError("ปิดได้เฉพาะรอบที่เปิดอยู่", "Only an open round can be closed.")
    _set_state(session, round_id, RoundState.CLOSED, "close")


def back_to_draft(session: Session, round_id: str) -> None:
    """Undo of opening: only while nothing has been voted."""
    vote_round = _round(session, round_id)
    if vote_round.state != RoundState.OPEN:
        raise UserError("กลับเป็นร่างได้เฉพาะรอบที่เปิดอยู่", "Only an open round can go back to draft.")
    if _has_votes(session, round_id):
        raise UserError(
            "รอบนี้มีการลงคะแนนแล้ว กลับเป็นร่างไม่ได้",
            "Votes have been cast in this round; it cannot go back to draft.",
        )
    vote_round.state = RoundState.DRAFT.value
    session.add(VoteRoundEvent(round_id=round_id, action="draft", at=_now()))


def round_events(session: Session, round_id: str) -> list[RoundEventRow]:
    rows = session.scalars(
        select(VoteRoundEvent)
        .where(VoteRoundEvent.round_id == round_id)
        .order_by(VoteRoundEvent.created_hlc)
    ).all()
    return [RoundEventRow(e.action, e.at, e.device_id) for e in rows]


def set_revealed(session: Session, round_id: str, revealed: bool) -> None:
    _round(session, round_id).revealed = revealed


def _has_votes(session: Session, round_id: str) -> bool:
    ballot = session.scalar(
        select(Ballot.id).where(Ballot.round_id == round_id, Ballot.deleted.is_(False)).limit(1)
    )
    tally = session.scalar(
        select(PaperTally.id)
        .where(PaperTally.round_id == round_id, PaperTally.deleted.is_(False))
        .where(PaperTally.count > 0)
        .limit(1)
    )
    return ballot is not None or tally is not None


def _require_open(vote_round: VoteRound) -> None:
    if vote_round.state == RoundState.DRAFT:
        raise UserError("รอบนี้ยังไม่เปิดลงคะแนน", "This round is not open for voting yet.")
    if vote_round.state == RoundState.CLOSED:
        raise UserError("รอบนี้ปิดแล้ว แก้ไขคะแนนไม่ได้", "This round is closed; its votes cannot change.")


# --- ballots ------------------------------------------------------------------------------


def _voter(session: Session, workshop_id: str, attendee_id: str) -> Attendee:
    attendee = session.get(Attendee, attendee_id)
    if attendee is None or attendee.deleted or attendee.workshop_id != workshop_id:
        raise UserError("ไม่พบผู้ลงคะแนนในทะเบียน", "The voter is not in the register.")
    if attendee.checked_in_at is None:
        raise UserError(
            f"{attendee.first_name} {attendee.last_name} ยังไม่ได้ลงทะเบียนเข้าร่วม จึงลงคะแนนไม่ได้",
            f"{attendee.first_name} {attendee.last_name} has not checked in, so cannot vote.",
        )
    return attendee


def find_voter(session: Session, workshop_id: str, code: str) -> str:
    """The attendee with registration number ``code`` (Thai or Arabic digits)."""
    digits = to_arabic_digits(code.strip())
    if not (digits.isascii() and digits.isdigit()):
        raise UserError("กรุณาพิมพ์เลขทะเบียนเป็นตัวเลข", "Type the registration number.")
    holders = session.execute(
        select(Attendee.id, Attendee.first_name, Attendee.last_name).where(
            Attendee.workshop_id == workshop_id,
            Attendee.code == int(digits),
            Attendee.deleted.is_(False),
        )
    ).all()
    if not holders:
        raise UserError(f"ไม่พบเลขทะเบียน {digits}", f"No attendee has number {digits}.")
    if len(holders) > 1:
        # Files merged from before numbers were unique per laptop: never guess who it is.
        names = ", ".join(f"{first} {last}".strip() for _id, first, last in holders)
        raise UserError(
            f"เลขทะเบียน {digits} ซ้ำกัน ({names}) กรุณาให้ฝ่ายลงทะเบียนตรวจสอบและแก้เลขทะเบียน",
            f"Number {digits} is held by more than one person ({names}); ask the "
            "registration desk to give them distinct numbers.",
        )
    return str(holders[0].id)


def existing_ballot(session: Session, round_id: str, attendee_id: str) -> str | None:
    """The attendee's ballot in the round: the one counted (the latest, see
    ``list_ballots``) if laptops merged gave them more than one."""
    return session.scalar(
        select(Ballot.id)
        .where(
            Ballot.round_id == round_id,
            Ballot.attendee_id == attendee_id,
            Ballot.deleted.is_(False),
        )
        .order_by(Ballot.at.desc(), Ballot.updated_hlc.desc())
        .limit(1)
    )


def cast_ballot(
    session: Session,
    round_id: str,
    attendee_id: str | None,
    marks: Sequence[Mark],
    cast_by: str = CastBy.STAFF.value,
    *,
    replace: bool = False,
    ballot_id: str | None = None,
) -> str:
    """Store a ballot; return its id. ``attendee_id`` None is an anonymous paper form.

    A second ballot from one person raises DuplicateBallotError unless ``replace``: then
    the first one is withdrawn (kept as a tombstone, so undo brings it back)."""
    vote_round = _round(session, round_id)
    _require_open(vote_round)
    if cast_by not in CAST_LABELS:
        raise UserError(f"ไม่รู้จักวิธีส่งคะแนน {cast_by}", f"Unknown way of casting {cast_by}.")
    row = _round_row(session, vote_round)
    # Marks name the cards of the round; a card merged since is counted as its target.
    unknown = [m.idea_id for m in marks if m.idea_id not in row.idea_ids]
    roots = _roots(session, unknown) if unknown else {}
    resolved = [Mark(roots.get(m.idea_id, m.idea_id), m.value, m.criterion_id) for m in marks]
    vote_counting.check_ballot(row.settings(), row.idea_ids, resolved)
    sector_id: str | None = None
    if attendee_id is not None:
        attendee = _voter(session, vote_round.workshop_id, attendee_id)
        sector_id = attendee.sector_id
        previous = existing_ballot(session, round_id, attendee_id)
        if previous is not None:
            if not replace:
                raise DuplicateBallotError(
                    previous, f"{attendee.first_name} {attendee.last_name}".strip()
                )
            withdraw_ballot(session, previous)
    elif cast_by != CastBy.PAPER:
        raise UserError(
            "บัตรที่ไม่ระบุผู้ลงคะแนนต้องเป็นบัตรกระดาษ", "A ballot without a voter must be paper."
        )
    ballot = Ballot(
        id=ballot_id or new_id(),
        round_id=round_id,
        attendee_id=attendee_id,
        sector_id=sector_id,
        cast_by=cast_by,
        at=_now(),
    )
    session.add(ballot)
    for mark in resolved:
        session.add(
            BallotMark(
                ballot_id=ballot.id,
                idea_id=mark.idea_id,
                criterion_id=mark.criterion_id,
                value=mark.value,
            )
        )
    return ballot.id


def _ballot(session: Session, ballot_id: str) -> Ballot:
    ballot = session.get(Ballot, ballot_id)
    if ballot is None:
        raise UserError("ไม่พบบัตรลงคะแนนนี้", "This ballot does not exist.")
    return ballot


def withdraw_ballot(session: Session, ballot_id: str) -> None:
    """Take a ballot out of the count (a tombstone; ``restore_ballot`` undoes it).

    Older ballots of the same person (from other laptops, merged; never counted, see
    ``list_ballots``) are withdrawn with it: else withdrawing or replacing the ballot
    counted would bring an older one back into the count, and a new ballot of the person
    would be refused as a second one."""
    ballot = _ballot(session, ballot_id)
    _require_open(_round(session, ballot.round_id))
    older: list[Ballot] = []
    if ballot.attendee_id is not None:
        others = session.scalars(
            select(Ballot).where(
                Ballot.round_id == ballot.round_id,
                Ballot.attendee_id == ballot.attendee_id,
                Ballot.deleted.is_(False),
                Ballot.id != ballot.id,
            )
        ).all()
        newest = (ballot.at, ballot.updated_hlc)
        older = [b for b in others if (b.at, b.updated_hlc) < newest]
    ballot.deleted = True
    for other in older:
        other.deleted = True


def restore_ballot(session: Session, ballot_id: str) -> None:
    ballot = _ballot(session, ballot_id)
    _require_open(_round(session, ballot.round_id))
    if ballot.attendee_id is not None:
        other = existing_ballot(session, ballot.round_id, ballot.attendee_id)
        if other is not None and other != ballot_id:
            raise DuplicateBallotError(other, "")
    ballot.deleted = False


def list_ballots(session: Session, round_id: str) -> list[BallotRow]:
    # Plain columns rather than ORM objects: results are recomputed after every ballot,
    # and building 300 Ballot and Attendee objects each time was most of that work.
    rows = session.execute(
        select(
            Ballot.id,
            Ballot.attendee_id,
            Ballot.sector_id,
            Ballot.cast_by,
            Ballot.at,
            Ballot.updated_hlc,
            Attendee.prefix,
            Attendee.first_name,
            Attendee.last_name,
            Attendee.code,
        )
        .outerjoin(Attendee, Attendee.id == Ballot.attendee_id)
        .where(Ballot.round_id == round_id, Ballot.deleted.is_(False))
        .order_by(Ballot.created_hlc)
    ).all()
    # One ballot per named voter. A laptop refuses a second ballot of the same person, but
    # two laptops offline can each take one, and after merging both are live (ballots keep
    # random ids: replacing one withdraws it as a tombstone that undo brings back, so two
    # ballots of a person are two rows). Only the latest counts, by when it was cast and
    # then by stamp, like the later version of any row. Anonymous paper forms (no
    # attendee) are all different forms: all count.
    latest: dict[str, tuple[dt.datetime, str, str]] = {}
    for row in rows:
        if row.attendee_id is None:
            continue
        seen = latest.get(row.attendee_id)
        if seen is None or (row.at, row.updated_hlc) > seen[:2]:
            latest[row.attendee_id] = (row.at, row.updated_hlc, row.id)
    ballots = [r for r in rows if r.attendee_id is None or latest[r.attendee_id][2] == r.id]
    marks: dict[str, list[Mark]] = defaultdict(list)
    for ballot_id, idea_id, value, criterion_id in session.execute(
        select(BallotMark.ballot_id, BallotMark.idea_id, BallotMark.value, BallotMark.criterion_id)
        .join(Ballot, Ballot.id == BallotMark.ballot_id)
        .where(Ballot.round_id == round_id, Ballot.deleted.is_(False))
    ):
        marks[ballot_id].append(Mark(idea_id, value, criterion_id))
    return [
        BallotRow(
            id=ballot_id,
            attendee_id=attendee_id,
            voter_name=full_name(prefix, first, last) if attendee_id else "",
            code=code,
            sector_id=sector_id,
            cast_by=cast_by,
            at=at,
            marks=tuple(marks[ballot_id]),
        )
        for ballot_id, attendee_id, sector_id, cast_by, at, _hlc, prefix, first, last, code in (
            ballots
        )
    ]


# --- paper tallies ------------------------------------------------------------------------


def _present(session: Session, workshop_id: str, sector_id: str | None = None) -> int:
    query = select(func.count(Attendee.id)).where(
        Attendee.workshop_id == workshop_id,
        Attendee.deleted.is_(False),
        Attendee.checked_in_at.is_not(None),
    )
    if sector_id is not None:
        query = query.where(Attendee.sector_id == sector_id)
    return session.scalar(query) or 0


def get_tally(
    session: Session, round_id: str, idea_id: str, sector_id: str | None, rank: int | None = None
) -> int:
    found = _tally_row(session, round_id, idea_id, sector_id, rank)
    return found.count if found is not None and not found.deleted else 0


def _tally_id(round_id: str, idea_id: str, sector_id: str | None, rank: int | None) -> str:
    """A paper count is one row per (round, idea, sector, rank), the same on every laptop."""
    return natural_id("paper_tallies", round_id, idea_id, sector_id, rank)


def _tally_rows(
    session: Session, round_id: str, idea_id: str, sector_id: str | None, rank: int | None
) -> list[PaperTally]:
    """The rows stored for one key: by the key's columns, so rows from before natural
    ids (random ids) are found too."""
    query = select(PaperTally).where(
        PaperTally.round_id == round_id,
        PaperTally.idea_id == idea_id,
        PaperTally.sector_id.is_(None) if sector_id is None else PaperTally.sector_id == sector_id,
        PaperTally.rank.is_(None) if rank is None else PaperTally.rank == rank,
    )
    return list(session.scalars(query.order_by(PaperTally.created_hlc)))


def _tally_row(
    session: Session, round_id: str, idea_id: str, sector_id: str | None, rank: int | None
) -> PaperTally | None:
    rows = _tally_rows(session, round_id, idea_id, sector_id, rank)
    return _keeper(rows, _tally_id(round_id, idea_id, sector_id, rank))


def set_tally(
    session: Session,
    round_id: str,
    idea_id: str,
    sector_id: str | None,
    count: int,
    rank: int | None = None,
) -> int:
    """Set the paper count for one idea (and sector, and rank); return the count it had,
    so that undo can set it back."""
    vote_round = _round(session, round_id)
    _require_open(vote_round)
    row = _round_row(session, vote_round)
    if vote_round.method == VoteMethod.CRITERIA:
        raise UserError(
            "การให้คะแนนตามเกณฑ์บันทึกเป็นรายใบ ไม่ใช่ยอดรวม",
            "Criteria scores are entered sheet by sheet, not as counts.",
        )
    if idea_id not in row.idea_ids:
        raise UserError("ความคิดนี้ไม่อยู่ในรอบการลงคะแนน", "This idea is not in the round.")
    if count < 0:
        raise FieldError("count", "จำนวนต้องไม่ติดลบ", "A count cannot be negative.")
    if vote_round.method == VoteMethod.RANKING:
        if rank is None or not 1 <= rank <= vote_round.rank_count:
            raise FieldError(
                "rank",
                f"ระบุอันดับ 1 ถึง {vote_round.rank_count}",
                f"Give a rank from 1 to {vote_round.rank_count}.",
            )
    else:
        rank = None
    sector_name = ""
    if sector_id is not None:
        sector = session.get(Sector, sector_id)
        if sector is None or sector.deleted or sector.workshop_id != vote_round.workshop_id:
            raise UserError("ไม่พบภาคส่วนนี้", "This sector does not exist.")
        sector_name = sector.name
    natural = _tally_id(round_id, idea_id, sector_id, rank)
    rows = _tally_rows(session, round_id, idea_id, sector_id, rank)
    existing = _keeper(rows, natural)
    before = existing.count if existing is not None and not existing.deleted else 0
    _check_tally_limits(session, vote_round, idea_id, sector_id, sector_name, rank, count - before)
    if existing is None:
        session.add(
            PaperTally(
                id=natural,
                round_id=round_id,
                idea_id=idea_id,
                sector_id=sector_id,
                rank=rank,
                count=count,
            )
        )
    else:
        existing.count = count
        existing.deleted = False
        _bury(rows, existing)  # copies of the key merged from before natural ids
    return before


def _check_tally_limits(
    session: Session,
    vote_round: VoteRound,
    idea_id: str,
    sector_id: str | None,
    sector_name: str,
    rank: int | None,
    change: int,
) -> None:
    """Refuse a count that makes more votes than the people present could have given:
    checked for the sector's colour (its people present) and for the whole room."""
    if change <= 0:
        return
    scopes: list[tuple[str | None, str]] = [(None, "")]
    if sector_id is not None:
        scopes.insert(0, (sector_id, sector_name))
    for scope, name in scopes:
        present = _present(session, vote_round.workshop_id, scope)
        for limit, used, what in _tally_budgets(session, vote_round, idea_id, scope, rank, present):
            if used + change > limit:
                where_th = (
                    (name if name.startswith("ภาค") else f"ภาค{name}") if name else "ทุกภาคส่วน"
                )
                where_en = name or "all sectors"
                raise FieldError(
                    "count",
                    f"ยอดนี้ทำให้มี{what[0]}รวม {used + change} ซึ่งเกินกว่าที่ผู้มาประชุม "
                    f"({where_th} {present} คน) จะให้ได้ ({limit})",
                    f"This count makes {used + change} {what[1]} in all, more than the people "
                    f"present ({where_en}: {present}) could give ({limit}).",
                )


def _tally_budgets(
    session: Session,
    vote_round: VoteRound,
    idea_id: str,
    sector_id: str | None,
    rank: int | None,
    present: int,
) -> list[tuple[int, int, tuple[str, str]]]:
    """(most possible, already counted, what) for each limit a new paper count must keep,
    among the ``present`` people of ``sector_id`` (None: everyone)."""
    tallies = select(func.coalesce(func.sum(PaperTally.count), 0)).where(
        PaperTally.round_id == vote_round.id, PaperTally.deleted.is_(False)
    )
    marks = (
        select(func.coalesce(func.sum(BallotMark.value), 0), func.count(BallotMark.id))
        .join(Ballot, Ballot.id == BallotMark.ballot_id)
        .where(
            Ballot.round_id == vote_round.id,
            Ballot.deleted.is_(False),
            BallotMark.deleted.is_(False),
        )
    )
    if sector_id is not None:
        tallies = tallies.where(PaperTally.sector_id == sector_id)
        marks = marks.where(Ballot.sector_id == sector_id)

    def counted(idea_only: bool, rank_only: bool, by_sum: bool) -> int:
        t, m = tallies, marks
        if idea_only:
            t = t.where(PaperTally.idea_id == idea_id)
            m = m.where(BallotMark.idea_id == idea_id)
        if rank_only:
            t = t.where(PaperTally.rank == rank)
            m = m.where(BallotMark.value == rank)
        total, number_of_marks = session.execute(m).one()
        return int(session.scalar(t) or 0) + int((total if by_sum else number_of_marks) or 0)

    method = vote_round.method
    if method == VoteMethod.DOTS:
        return [
            (present * vote_round.dots_per_voter, counted(False, False, True), ("ดาว", "dots")),
            (
                present * vote_round.cap_per_idea,
                counted(True, False, True),
                ("ดาวของความคิดนี้", "dots on this idea"),
            ),
        ]
    if method == VoteMethod.APPROVAL:  # one hand per person per idea
        return [(present, counted(True, False, False), ("เสียงยกมือ", "hands"))]
    # ranking: one idea per person at each rank, and each idea once per person
    return [
        (present, counted(False, True, False), (f"คนที่ให้อันดับ {rank}", f"voters at rank {rank}")),
        (present, counted(True, False, False), ("คนที่จัดอันดับความคิดนี้", "voters ranking this idea")),
    ]


def list_tallies(session: Session, round_id: str) -> list[Tally]:
    """The live paper counts, one per (idea, sector, rank): where a file from before
    natural ids holds two laptops' rows of one key, the one ``set_tally`` edits counts."""
    rows = session.scalars(
        select(PaperTally)
        .where(PaperTally.round_id == round_id, PaperTally.deleted.is_(False))
        .order_by(PaperTally.created_hlc)
    ).all()
    by_key: dict[tuple[str, str | None, int | None], list[PaperTally]] = defaultdict(list)
    for row in rows:
        by_key[row.idea_id, row.sector_id, row.rank].append(row)
    tallies: list[Tally] = []
    for (idea_id, sector_id, rank), same in by_key.items():
        kept = same[0]
        if len(same) > 1:
            kept = _keeper(same, _tally_id(round_id, idea_id, sector_id, rank)) or kept
        tallies.append(Tally(idea_id, sector_id, kept.count, rank))
    return tallies


# --- results ------------------------------------------------------------------------------


def round_results(session: Session, round_id: str) -> RoundResults:
    vote_round = _round(session, round_id)
    workshop_id = vote_round.workshop_id
    row = _round_row(session, vote_round)
    listed = list_ballots(session, round_id)
    tally_list = list_tallies(session, round_id)
    roots = _roots(
        session,
        {m.idea_id for b in listed for m in b.marks} | {t.idea_id for t in tally_list},
    )
    ballots = [
        CastBallot(
            b.id,
            b.sector_id,
            b.cast_by,
            tuple(Mark(roots.get(m.idea_id, m.idea_id), m.value, m.criterion_id) for m in b.marks),
        )
        for b in listed
    ]
    tallies = [
        Tally(roots.get(t.idea_id, t.idea_id), t.sector_id, t.count, t.rank) for t in tally_list
    ]
    count = vote_counting.count_round(row.settings(), row.idea_ids, ballots, tallies)
    texts = {
        idea_id: text
        for idea_id, text in session.execute(
            select(Idea.id, Idea.text).where(Idea.id.in_(row.idea_ids))
        ).all()
    }
    sectors = session.execute(
        select(Sector.id, Sector.name, Sector.colour)
        .where(Sector.workshop_id == workshop_id, Sector.deleted.is_(False))
        .order_by(Sector.position)
    ).all()
    present: dict[str, int] = {
        sector_id: number
        for sector_id, number in session.execute(
            select(Attendee.sector_id, func.count(Attendee.id))
            .where(
                Attendee.workshop_id == workshop_id,
                Attendee.deleted.is_(False),
                Attendee.checked_in_at.is_not(None),
            )
            .group_by(Attendee.sector_id)
        ).all()
    }
    turnout = [
        SectorTurnout(
            s_id, name, colour, present.get(s_id, 0), count.ballots_by_sector.get(s_id, 0)
        )
        for s_id, name, colour in sectors
    ]
    return RoundResults(row, count, texts, turnout, sum(present.values()), listed)
