"""Participants' phones: card tokens, walk-ins, ideas and ballots sent from phones, the
facilitator's moderation, and what a phone is shown (its "state").

Everything here is a plain service (a session first): the participant server
(``workshop_app.participation``) calls these, one transaction per write, and so can a
test or the GUI. Rules:

* a token is a random secret of 192 bits bound to one attendee of one workshop; it is
  kept on this laptop only (``PhoneToken`` is not synced), so a card can be printed
  again; revoking replaces it, and the old card stops working at once;
* each submission carries the id its phone made for it: a resend with the same id gets
  the first answer back and changes nothing (no second idea, ballot or walk-in);
* an idea goes to the issue the facilitator opened to phones, under the sender's name
  and sector (kept for the record; the projector decides whether to show it); with
  moderation on it waits off the board until accepted;
* a ballot goes to the open round under the same rules as the ballot screen (the voter
  must be checked in; the round's method, budget and cap) and replaces the person's own
  earlier ballot in that round, so a phone can change its vote while the round is open.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workshop_app.errors import FieldError, UserError
from workshop_app.models import (
    Attendee,
    Ballot,
    BallotMark,
    CastBy,
    Idea,
    PhoneSettings,
    PhoneSubmission,
    PhoneToken,
    RoundState,
    Sector,
    StrategicIssue,
    VoteRound,
    VoteRoundEvent,
    Workshop,
)
from workshop_app.services import attendees, ideas, voting
from workshop_app.services.ideas import KIND_LABELS, IdeaDraft, IdeaRow
from workshop_app.services.rows import live_row
from workshop_app.services.vote_counting import Mark
from workshop_app.thai.names import full_name
from workshop_app.thai.normalize import normalize_thai, to_arabic_digits

TOKEN_BYTES = 24  # 192 bits; token_urlsafe gives 32 characters
# What a token or a submission id may look like: anything else is refused before a query.
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{32,64}")
SUBMISSION_PATTERN = re.compile(r"[A-Za-z0-9_.:-]{8,64}")
MAX_NAME_CHARS = 100
WALK_IN_SENDER = ""  # the sender of a walk-in: no attendee yet


class PhoneRequestError(UserError):
    """A phone's request that cannot be carried out: ``code`` names the reason for the
    page, ``status`` is the HTTP status the participant server answers with."""

    def __init__(self, code: str, status: int, thai: str, english: str) -> None:
        super().__init__(thai, english)
        self.code = code
        self.status = status


@dataclass(frozen=True)
class PhoneLink:
    """One printed card."""

    attendee_id: str
    registration_number: int | None
    name: str
    sector_name: str
    url: str  # base_url + "/#" + token


@dataclass(frozen=True)
class Participant:
    attendee_id: str
    workshop_id: str
    name: str
    sector_id: str | None
    sector_name: str


@dataclass(frozen=True)
class SubmissionResult:
    """What a submission made: the idea or ballot id, its status ("on_board" or
    "pending" for an idea, "counted" for a ballot, "removed" for an idea the
    facilitator rejected since) and whether this was a resend of one already applied."""

    id: str
    status: str
    repeated: bool = False


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _workshop(session: Session, workshop_id: str) -> Workshop:
    return live_row(session, Workshop, workshop_id, "งานประชุม", "workshop")


# --- tokens and cards -------------------------------------------------------------------------


def _issue_token(session: Session, attendee: Attendee) -> str:
    token = secrets.token_urlsafe(TOKEN_BYTES)
    row = session.get(PhoneToken, attendee.id)
    if row is None:
        session.add(
            PhoneToken(
                attendee_id=attendee.id,
                workshop_id=attendee.workshop_id,
                token=token,
                issued_at=_now(),
            )
        )
    else:
        row.token = token
        row.workshop_id = attendee.workshop_id
        row.issued_at = _now()
    session.flush()
    return token


def _link(attendee: Attendee, sector_name: str, token: str, base_url: str) -> PhoneLink:
    return PhoneLink(
        attendee_id=attendee.id,
        registration_number=attendee.code,
        name=full_name(attendee.prefix, attendee.first_name, attendee.last_name),
        sector_name=sector_name,
        url=f"{base_url.rstrip('/')}/#{token}",
    )


def phone_links(session: Session, workshop_id: str, base_url: str) -> list[PhoneLink]:
    """Every registered person's card, in Thai name order; a person without a token yet
    is given one."""
    _workshop(session, workshop_id)
    tokens = dict(
        session.execute(
            select(PhoneToken.attendee_id, PhoneToken.token).where(
                PhoneToken.workshop_id == workshop_id
            )
        ).all()
    )
    rows = session.execute(
        select(Attendee, Sector.name)
        .join(Sector, Sector.id == Attendee.sector_id)
        .where(Attendee.workshop_id == workshop_id, Attendee.deleted.is_(False))
        .order_by(Attendee.sort_key, Attendee.code)
    ).all()
    links = []
    for attendee, sector_name in rows:
        token = tokens.get(attendee.id) or _issue_token(session, attendee)
        links.append(_link(attendee, sector_name, token, base_url))
    return links


def _live_attendee(session: Session, attendee_id: str) -> Attendee:
    return live_row(session, Attendee, attendee_id, "ผู้เข้าร่วม", "attendee")


def phone_link(session: Session, workshop_id: str, attendee_id: str, base_url: str) -> PhoneLink:
    """One person's card (given a token if they have none yet)."""
    attendee = _live_attendee(session, attendee_id)
    if attendee.workshop_id != workshop_id:
        raise UserError("ผู้เข้าร่วมคนนี้อยู่ในงานประชุมอื่น", "this attendee belongs to another workshop")
    row = session.get(PhoneToken, attendee_id)
    token = row.token if row is not None else _issue_token(session, attendee)
    sector = session.get(Sector, attendee.sector_id)
    return _link(attendee, sector.name if sector else "", token, base_url)


def revoke_phone_token(session: Session, attendee_id: str) -> None:
    """The person's card (and any phone that joined with it) stops working; a new card
    with a new token can be printed."""
    _issue_token(session, _live_attendee(session, attendee_id))


MANY_TOKENS = 20  # more tokens than this are looked up among all the workshop's


def participants_for_tokens(
    session: Session, workshop_id: str, tokens: Sequence[str]
) -> dict[str, Participant]:
    """``participant_for_token`` for many tokens in one query (the phones connected to
    the server, checked again before each push): token -> participant, the tokens
    revoked or of people deleted since left out."""
    wanted = [t for t in tokens if isinstance(t, str) and TOKEN_PATTERN.fullmatch(t)]
    if not wanted:
        return {}
    # Plain columns, not ORM objects: the phones are checked again before every push.
    query = (
        select(
            PhoneToken.token,
            Attendee.id,
            Attendee.prefix,
            Attendee.first_name,
            Attendee.last_name,
            Attendee.sector_id,
            Sector.name,
        )
        .join(Attendee, Attendee.id == PhoneToken.attendee_id)
        .outerjoin(Sector, Sector.id == Attendee.sector_id)
        .where(
            PhoneToken.workshop_id == workshop_id,
            Attendee.workshop_id == workshop_id,
            Attendee.deleted.is_(False),
        )
    )
    if len(wanted) <= MANY_TOKENS:
        rows = session.execute(query.where(PhoneToken.token.in_(wanted))).all()
    else:  # every token of the workshop, kept or not here: no IN of 300 compiled each time
        kept = set(wanted)
        rows = [row for row in session.execute(query) if row[0] in kept]
    return {
        token: Participant(
            attendee_id=attendee_id,
            workshop_id=workshop_id,
            name=full_name(prefix, first_name, last_name),
            sector_id=sector_id,
            sector_name=sector_name or "",
        )
        for token, attendee_id, prefix, first_name, last_name, sector_id, sector_name in rows
    }


def participant_for_token(session: Session, workshop_id: str, token: str) -> Participant | None:
    """Who holds ``token`` in this workshop; None for an unknown, revoked or malformed
    token, a token of another workshop, or a person since deleted."""
    return participants_for_tokens(session, workshop_id, [token]).get(token)


# --- settings -----------------------------------------------------------------------------------


def _settings(session: Session, workshop_id: str) -> PhoneSettings:
    _workshop(session, workshop_id)
    settings = session.get(PhoneSettings, workshop_id)
    if settings is None:
        settings = PhoneSettings(workshop_id=workshop_id, walk_in_code="", moderation=False)
        session.add(settings)
        session.flush()
    return settings


def _new_code() -> str:
    return f"{secrets.randbelow(1_000_000):06d}"


def walk_in_code(session: Session, workshop_id: str) -> str:
    """The six digits a walk-in types to join (shown on the projector); made on first use."""
    settings = _settings(session, workshop_id)
    if not settings.walk_in_code:
        settings.walk_in_code = _new_code()
        session.flush()
    return settings.walk_in_code


def new_walk_in_code(session: Session, workshop_id: str) -> str:
    """A new walk-in code (the old one, seen by too many, stops working)."""
    settings = _settings(session, workshop_id)
    code = _new_code()
    while code == settings.walk_in_code:
        code = _new_code()
    settings.walk_in_code = code
    session.flush()
    return code


def set_phone_issue(session: Session, workshop_id: str, issue_id: str | None) -> None:
    """The strategic issue phones send ideas to (None: phones send no ideas)."""
    settings = _settings(session, workshop_id)
    if issue_id is not None:
        issue = session.get(StrategicIssue, issue_id)
        if issue is None or issue.deleted or issue.workshop_id != workshop_id:
            raise UserError("ไม่พบประเด็นยุทธศาสตร์ที่เลือก", "the chosen strategic issue does not exist")
    settings.issue_id = issue_id
    session.flush()


def phone_issue(session: Session, workshop_id: str) -> str | None:
    """The issue open to phones; None when none is, or the one chosen was deleted since."""
    settings = session.get(PhoneSettings, workshop_id)
    if settings is None or settings.issue_id is None:
        return None
    issue = session.get(StrategicIssue, settings.issue_id)
    if issue is None or issue.deleted or issue.workshop_id != workshop_id:
        return None
    return issue.id


def set_phone_moderation(session: Session, workshop_id: str, on: bool) -> None:
    """With moderation on, ideas from phones wait until the facilitator accepts them.
    Turning it off does not accept what waits: the facilitator still decides those."""
    _settings(session, workshop_id).moderation = bool(on)
    session.flush()


def phone_moderation(session: Session, workshop_id: str) -> bool:
    settings = session.get(PhoneSettings, workshop_id)
    return settings is not None and settings.moderation


# --- submissions ----------------------------------------------------------------------------


def _check_submission_id(submission_id: object) -> str:
    if not isinstance(submission_id, str) or not SUBMISSION_PATTERN.fullmatch(submission_id):
        raise PhoneRequestError(
            "bad_submission_id",
            400,
            "รหัสการส่งไม่ถูกต้อง (ตัวอักษรอังกฤษหรือตัวเลข 8-64 ตัว)",
            "the submission id is not valid (8-64 letters, digits, '-', '_', '.' or ':')",
        )
    return submission_id


def _earlier(
    session: Session, workshop_id: str, sender: str, submission_id: str, kind: str
) -> PhoneSubmission | None:
    found = session.get(PhoneSubmission, (workshop_id, sender, _check_submission_id(submission_id)))
    if found is not None and found.kind != kind:
        raise PhoneRequestError(
            "submission_id_reused",
            409,
            "รหัสการส่งนี้ใช้กับการส่งอย่างอื่นไปแล้ว",
            "this submission id was already used for something else",
        )
    return found


def _record(
    session: Session, workshop_id: str, sender: str, submission_id: str, kind: str, result: str
) -> None:
    session.add(
        PhoneSubmission(
            workshop_id=workshop_id,
            sender=sender,
            submission_id=submission_id,
            kind=kind,
            result_id=result,
            at=_now(),
        )
    )  # flushed with the commit: one flush less per submission


def _clean_name(value: object, field: str, thai: str, english: str, *, required: bool) -> str:
    text = normalize_thai(value) if isinstance(value, str) else ""
    if required and not text:
        raise FieldError(field, f"กรุณาใส่{thai}", f"type your {english}")
    if len(text) > MAX_NAME_CHARS:
        raise FieldError(
            field,
            f"{thai}ยาวเกิน {MAX_NAME_CHARS} ตัวอักษร",
            f"the {english} is longer than {MAX_NAME_CHARS} characters",
        )
    return text


def join_as_walk_in(
    session: Session,
    workshop_id: str,
    code: str,
    first_name: str,
    last_name: str,
    sector_id: str,
    submission_id: str,
) -> str:
    """Register someone without a card who typed the walk-in code (as a walk-in, checked
    in, as at the registration desk); return their token. A resend of the same
    submission gives the same token back, unless it was revoked since."""
    earlier = _earlier(session, workshop_id, WALK_IN_SENDER, submission_id, "walk_in")
    if earlier is not None:
        issued = session.get(PhoneToken, earlier.result_id)
        attendee = session.get(Attendee, earlier.result_id)
        if (
            issued is None
            or attendee is None
            or attendee.deleted
            or _aware(issued.issued_at) > _aware(earlier.at)
        ):
            raise PhoneRequestError(
                "revoked",
                401,
                "บัตรนี้ถูกยกเลิกแล้ว กรุณาติดต่อเจ้าหน้าที่",
                "this card was revoked; ask the staff",
            )
        return issued.token
    expected = walk_in_code(session, workshop_id)
    typed = to_arabic_digits(code.strip()) if isinstance(code, str) else ""
    if not secrets.compare_digest(typed.encode(), expected.encode()):
        raise PhoneRequestError(
            "wrong_code",
            403,
            "รหัสเข้าร่วมไม่ถูกต้อง ดูรหัสบนจอโปรเจกเตอร์",
            "the walk-in code is wrong; see the code on the projector",
        )
    first = _clean_name(first_name, "first_name", "ชื่อ", "first name", required=True)
    last = _clean_name(last_name, "last_name", "นามสกุล", "last name", required=False)
    if not isinstance(sector_id, str):
        raise FieldError("sector", "กรุณาเลือกภาคส่วน", "choose a sector")
    draft = attendees.AttendeeDraft(first_name=first, last_name=last, sector_id=sector_id)
    attendee_id = attendees.register_walk_in(session, workshop_id, draft)
    token = _issue_token(session, _live_attendee(session, attendee_id))
    _record(session, workshop_id, WALK_IN_SENDER, submission_id, "walk_in", attendee_id)
    return token


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def _idea_status(session: Session, idea_id: str) -> str:
    idea = session.get(Idea, idea_id)
    if idea is None or idea.deleted:
        return "removed"
    return "pending" if idea.awaiting_moderation else "on_board"


def submit_idea(
    session: Session,
    participant: Participant,
    submission_id: str,
    issue_id: str,
    kind: str,
    text: str,
) -> SubmissionResult:
    """An idea from a phone, on the issue open to phones, under the sender's name and
    sector; pending when moderation is on. Idempotent per ``submission_id``."""
    workshop_id = participant.workshop_id
    earlier = _earlier(session, workshop_id, participant.attendee_id, submission_id, "idea")
    if earlier is not None:
        return SubmissionResult(earlier.result_id, _idea_status(session, earlier.result_id), True)
    if issue_id is None or issue_id != phone_issue(session, workshop_id):
        raise PhoneRequestError(
            "issue_not_open",
            409,
            "ประเด็นนี้ไม่ได้เปิดรับความคิดเห็นแล้ว",
            "this issue is not open for ideas any more",
        )
    if not isinstance(text, str) or not isinstance(kind, str):
        raise FieldError("text", "กรุณาพิมพ์ข้อความของความคิดเห็น", "type the text of the idea")
    pending = phone_moderation(session, workshop_id)
    draft = IdeaDraft(
        text=text, kind=kind, sector_id=participant.sector_id, author_id=participant.attendee_id
    )
    idea_id = ideas.add_idea(session, workshop_id, issue_id, draft, awaiting_moderation=pending)
    _record(session, workshop_id, participant.attendee_id, submission_id, "idea", idea_id)
    return SubmissionResult(idea_id, "pending" if pending else "on_board")


def open_phone_round(session: Session, workshop_id: str) -> VoteRound | None:
    """The round phones vote in: the open round (the one opened last, if several)."""
    opened = (
        select(func.max(VoteRoundEvent.at))
        .where(VoteRoundEvent.round_id == VoteRound.id, VoteRoundEvent.action != "close")
        .correlate(VoteRound)
        .scalar_subquery()
    )
    return session.scalars(
        select(VoteRound)
        .where(
            VoteRound.workshop_id == workshop_id,
            VoteRound.deleted.is_(False),
            VoteRound.state == RoundState.OPEN.value,
        )
        .order_by(opened.desc().nulls_last(), VoteRound.number.desc())
        .limit(1)
    ).first()


def submit_ballot(
    session: Session,
    participant: Participant,
    submission_id: str,
    round_id: str,
    marks: Sequence[Mark],
) -> SubmissionResult:
    """A ballot from a phone in the open round (cast by phone), replacing the person's
    own earlier ballot in it. Idempotent per ``submission_id``: a resend never counts
    twice, nor brings back a ballot replaced since."""
    workshop_id = participant.workshop_id
    earlier = _earlier(session, workshop_id, participant.attendee_id, submission_id, "ballot")
    if earlier is not None:
        return SubmissionResult(earlier.result_id, "counted", True)
    # Any open round of the workshop takes the ballot (the state shows the one opened
    # last): a phone that still shows a round opened earlier can still vote in it.
    vote_round = session.get(VoteRound, round_id) if isinstance(round_id, str) else None
    if (
        vote_round is None
        or vote_round.deleted
        or vote_round.workshop_id != workshop_id
        or vote_round.state != RoundState.OPEN.value
    ):
        raise PhoneRequestError(
            "round_not_open",
            409,
            "รอบการลงคะแนนนี้ปิดแล้วหรือยังไม่เปิด",
            "this vote round is closed or not open yet",
        )
    attendee = _live_attendee(session, participant.attendee_id)
    if attendee.checked_in_at is None:
        raise PhoneRequestError(
            "not_checked_in",
            409,
            "ท่านยังไม่ได้ลงทะเบียนเข้าร่วมที่โต๊ะลงทะเบียน จึงยังลงคะแนนไม่ได้",
            "you have not checked in at the registration desk yet, so cannot vote",
        )
    ballot_id = voting.cast_ballot(
        session, round_id, participant.attendee_id, marks, CastBy.PHONE.value, replace=True
    )
    session.flush()
    _record(session, workshop_id, participant.attendee_id, submission_id, "ballot", ballot_id)
    return SubmissionResult(ballot_id, "counted")


# --- moderation -------------------------------------------------------------------------------


def pending_ideas(session: Session, workshop_id: str) -> list[IdeaRow]:
    """Ideas from phones awaiting the facilitator's moderation, oldest first per issue."""
    return ideas.list_pending_ideas(session, workshop_id)


def accept_idea(session: Session, idea_id: str) -> None:
    """Put an idea awaiting moderation on the board (at the end of its column)."""
    ideas.accept_pending_idea(session, idea_id)


def unaccept_idea(session: Session, idea_id: str) -> None:
    """Take an accepted idea off the board, awaiting moderation again (undoes accept_idea)."""
    ideas.return_to_moderation(session, idea_id)


def reject_idea(session: Session, idea_id: str) -> None:
    """Refuse an idea awaiting moderation: deleted like any card (restore_idea undoes)."""
    ideas.delete_idea(session, idea_id)


# --- what a phone is shown ----------------------------------------------------------------------


def _issue_state(session: Session, workshop_id: str) -> dict[str, Any] | None:
    issue_id = phone_issue(session, workshop_id)
    issue = session.get(StrategicIssue, issue_id) if issue_id else None
    if issue is None:
        return None
    return {"id": issue.id, "number": issue.number, "title": issue.title}


def _round_state(session: Session, workshop_id: str) -> dict[str, Any] | None:
    vote_round = open_phone_round(session, workshop_id)
    if vote_round is None:
        return None
    row = voting.get_round(session, vote_round.id)
    texts = dict(session.execute(select(Idea.id, Idea.text).where(Idea.id.in_(row.idea_ids))).all())
    return {
        "id": row.id,
        "number": row.number,
        "title": row.title,
        "method": row.method,
        "dots_per_voter": row.dots_per_voter,
        "cap_per_idea": row.cap_per_idea,
        "rank_count": row.rank_count,
        "scale_max": row.scale_max,
        "criteria": [{"id": c, "name": name} for c, name, _weight in row.criteria],
        "cards": [{"id": i, "text": texts.get(i, "")} for i in row.idea_ids],
    }


def _ballots_of(
    session: Session, round_id: str, attendee_ids: Sequence[str]
) -> dict[str, list[dict[str, Any]]]:
    """Each person's counted ballot in the round (the latest, as ``list_ballots``), as
    the marks a phone shows."""
    latest: dict[str, tuple[dt.datetime, str, str]] = {}
    for ballot_id, attendee_id, at, stamp in session.execute(
        select(Ballot.id, Ballot.attendee_id, Ballot.at, Ballot.updated_hlc).where(
            Ballot.round_id == round_id,
            Ballot.deleted.is_(False),
            Ballot.attendee_id.in_(attendee_ids),
        )
    ):
        voter = str(attendee_id)
        seen = latest.get(voter)
        if seen is None or (at, stamp) > seen[:2]:
            latest[voter] = (at, stamp, ballot_id)
    owner = {ballot_id: attendee_id for attendee_id, (_a, _s, ballot_id) in latest.items()}
    marks: dict[str, list[dict[str, Any]]] = {attendee_id: [] for attendee_id in latest}
    if owner:
        for ballot_id, idea_id, value, criterion_id in session.execute(
            select(
                BallotMark.ballot_id, BallotMark.idea_id, BallotMark.value, BallotMark.criterion_id
            ).where(BallotMark.ballot_id.in_(list(owner)), BallotMark.deleted.is_(False))
        ):
            marks[owner[ballot_id]].append(
                {"idea_id": idea_id, "value": value, "criterion_id": criterion_id}
            )
    return marks


@dataclass(frozen=True)
class StateParts:
    """What phones are shown, read once for many phones: the parts everyone shares, and
    each person's own pending ideas, ballot and check-in. ``state_for`` puts one phone's
    state together; the server also encodes the shared parts once per push."""

    workshop: dict[str, Any]
    kinds: list[dict[str, str]]
    issue: dict[str, Any] | None
    board: list[tuple[str | None, dict[str, Any]]]  # (author id, the idea without "mine")
    round: dict[str, Any] | None  # without "my_ballot"
    pending: dict[str, list[dict[str, Any]]]  # attendee id -> their ideas awaiting moderation
    ballots: dict[str, list[dict[str, Any]]]  # attendee id -> the marks of their ballot
    checked_in: frozenset[str]

    def me(self, participant: Participant) -> dict[str, Any]:
        return {
            "name": participant.name,
            "sector": participant.sector_name,
            "checked_in": participant.attendee_id in self.checked_in,
        }

    def my_ballot(self, attendee_id: str) -> dict[str, Any] | None:
        marks = self.ballots.get(attendee_id)
        return None if marks is None else {"marks": marks}

    def state_for(self, participant: Participant) -> dict[str, Any]:
        me = participant.attendee_id
        shown = [{**idea, "mine": author == me} for author, idea in self.board]
        shown += self.pending.get(me, [])
        round_state = None
        if self.round is not None:
            round_state = {**self.round, "my_ballot": self.my_ballot(me)}
        return {
            "me": self.me(participant),
            "workshop": self.workshop,
            "kinds": self.kinds,
            "issue": self.issue,
            "ideas": shown,
            "round": round_state,
        }


def _phone_cards(
    session: Session, issue_id: str, pending: bool
) -> Sequence[tuple[str, str, str, str | None]]:
    """The issue's live cards on the board (or awaiting moderation), in the board's
    order: (id, kind, text, author id). Only what phones show, read before each push:
    not the board's sectors, authors' names and merged counts."""
    return session.execute(
        select(Idea.id, Idea.kind, Idea.text, Idea.author_id)
        .where(
            Idea.issue_id == issue_id,
            Idea.deleted.is_(False),
            Idea.merged_into_id.is_(None),
            Idea.awaiting_moderation.is_(pending),
        )
        .order_by(Idea.position, Idea.id)
    ).all()


def state_parts(
    session: Session,
    workshop_id: str,
    participants: Sequence[Participant],
    shared: StateParts | None = None,
) -> StateParts:
    """The parts of the phones' states: shared ones read once, each person's own ideas
    and ballot in one query each for all (the server sends 300 states after a change).
    ``shared``: parts read a moment ago whose shared ones are still current (nothing
    changed since): only the participants' own are read (300 phones reconnecting)."""
    ids = [p.attendee_id for p in participants]
    if shared is None:
        workshop = {"title": _workshop(session, workshop_id).title}
        issue = _issue_state(session, workshop_id)
        vote_round = _round_state(session, workshop_id)
        board: list[tuple[str | None, dict[str, Any]]] = []
        if issue is not None:
            for idea_id, kind, text, author_id in _phone_cards(session, issue["id"], False):
                item = {"id": idea_id, "kind": kind, "text": text, "status": "on_board"}
                board.append((author_id, item))
    else:
        workshop, issue, vote_round, board = (
            shared.workshop,
            shared.issue,
            shared.round,
            shared.board,
        )
    pending: dict[str, list[dict[str, Any]]] = defaultdict(list)
    if issue is not None:
        wanted = set(ids)
        for idea_id, kind, text, author_id in _phone_cards(session, issue["id"], True):
            if author_id in wanted:
                pending[str(author_id)].append(
                    {"id": idea_id, "kind": kind, "text": text, "mine": True, "status": "pending"}
                )
    checked_in = frozenset(
        attendee_id
        for attendee_id, at in session.execute(
            select(Attendee.id, Attendee.checked_in_at).where(Attendee.id.in_(ids))
        )
        if at is not None
    )
    return StateParts(
        workshop=workshop,
        kinds=[{"key": key, "th": th, "en": en} for key, (th, en) in KIND_LABELS.items()],
        issue=issue,
        board=board,
        round=vote_round,
        pending=dict(pending),
        ballots=_ballots_of(session, vote_round["id"], ids) if vote_round else {},
        checked_in=checked_in,
    )


def participant_states(
    session: Session, workshop_id: str, participants: Sequence[Participant]
) -> dict[str, dict[str, Any]]:
    """The state of each participant's phone (by attendee id), without "version"."""
    parts = state_parts(session, workshop_id, participants)
    return {p.attendee_id: parts.state_for(p) for p in participants}


def participant_state(session: Session, participant: Participant) -> dict[str, Any]:
    """What the participant's phone shows (the protocol's "state", without "version")."""
    return participant_states(session, participant.workshop_id, [participant])[
        participant.attendee_id
    ]


def public_info(session: Session, workshop_id: str) -> dict[str, Any]:
    """What anyone on the network may see before joining: the workshop's title and its
    sectors (for the walk-in form). Nothing personal."""
    workshop = _workshop(session, workshop_id)
    sectors = session.execute(
        select(Sector.id, Sector.name)
        .where(Sector.workshop_id == workshop_id, Sector.deleted.is_(False))
        .order_by(Sector.position)
    ).all()
    return {
        "workshop": {"title": workshop.title},
        "sectors": [{"id": sector_id, "name": name} for sector_id, name in sectors],
        "walk_in": True,
    }
