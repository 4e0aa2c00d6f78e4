"""The messages pushed to phones, and how each is encoded once for hundreds of phones.

A phone is sent a whole ``state`` when it joins, when it polls, when it asks (``sync``)
and when anything but the open issue's cards changed for it: the issue, the round, its
own ballot, its own ideas waiting for the facilitator, its check-in. When only cards
changed, the common case while the room sends five ideas a second, it is sent an
``ideas`` patch holding only those cards. A whole state of a 300-card board is about
60 KB: 300 phones made 18 MB a push to encode, deflate and carry over the venue's Wi-Fi,
two or three times a second, and the work shared the laptop's two cores with the
facilitator's typing. A patch of one new card is a few hundred bytes.

A patch names the version it applies to (``base``); the server sends one only to a
phone whose last message from it had that version, so a phone that sees another base
has missed something and asks for a whole state again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from workshop_app.services.phones import Participant, StateParts

Card = tuple[str | None, dict[str, Any]]  # (author's attendee id, the card without "mine")
STATE_PREFIX = b'{"type":"state",'


def dump(value: Any) -> bytes:
    """Compact UTF-8 JSON (Thai as it is, not as escapes: half the bytes)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def frame(parts: StateParts) -> tuple[object, ...]:
    """What every phone is shown apart from the cards: when it changes, phones are sent
    whole states. The same objects when the shared parts were reused, so comparing two
    frames is quick."""
    return (parts.workshop, parts.kinds, parts.issue, parts.round)


OwnPart = tuple[object, ...]


def own_part(parts: StateParts, participant: Participant) -> OwnPart:
    """What only this person is shown (name, check-in, own waiting ideas, own ballot):
    when it changes, the person's phone is sent a whole state. Compared as it is, not
    encoded: it is taken for every phone at every push."""
    me = participant.attendee_id
    return (parts.me(participant), parts.pending.get(me), parts.ballots.get(me))


@dataclass(frozen=True)
class BoardPatch:
    """How one board became another: cards new or changed (in the new board's order),
    cards gone, and the new order of all cards when adding the new cards at the end
    would not give it (a card moved)."""

    upsert: list[Card]
    remove: list[str]
    order: list[str] | None


def board_patch(old: Sequence[Card], new: Sequence[Card]) -> BoardPatch | None:
    """The patch from ``old`` to ``new``; None when they show the same."""
    before = {idea["id"]: (author, idea) for author, idea in old}
    new_ids = [idea["id"] for _author, idea in new]
    kept = set(new_ids)
    remove = [idea_id for idea_id in before if idea_id not in kept]
    upsert = [(author, idea) for author, idea in new if before.get(idea["id"]) != (author, idea)]
    # What the phone's list becomes when it removes, changes in place and adds at the end.
    expected = [idea["id"] for _author, idea in old if idea["id"] in kept]
    expected += [idea["id"] for _author, idea in upsert if idea["id"] not in before]
    if not remove and not upsert and expected == new_ids:
        return None
    return BoardPatch(upsert, remove, None if expected == new_ids else new_ids)


def encode_patch(version: int, patch: BoardPatch) -> tuple[bytes, dict[str, bytes]]:
    """The ``ideas`` message of ``patch`` without its ``base`` (it goes after the head
    ``{"type":"ideas","version":V,"base":`` that ``patch_message`` puts on): the body
    every phone is sent, and the body for each author of a card in it (theirs "mine")."""
    authors = {author for author, _idea in patch.upsert if author is not None}

    def body(me: str | None) -> bytes:
        cards = [{**idea, "mine": me is not None and author == me} for author, idea in patch.upsert]
        order = b"" if patch.order is None else b',"order":' + dump(patch.order)
        return b',"upsert":' + dump(cards) + b',"remove":' + dump(patch.remove) + order + b"}"

    head = b'{"type":"ideas","version":' + str(version).encode() + b',"base":'
    return head, {**{author: head + body(author) for author in authors}, "": head + body(None)}


def patch_message(encoded: tuple[bytes, dict[str, bytes]], attendee_id: str, base: int) -> bytes:
    """One phone's ``ideas`` message from ``encode_patch``'s bodies."""
    head, bodies = encoded
    whole = bodies.get(attendee_id, bodies[""])
    return head + str(base).encode() + whole[len(head) :]


def encode_states(
    version: int, parts: StateParts, participants: Iterable[Participant]
) -> dict[str, bytes]:
    """The "state" message of each participant (by attendee id), as UTF-8 JSON. The same
    as encoding each ``parts.state_for`` whole, but what everyone shares (the board,
    the round) is encoded once and each message is put together from bytes: with 300
    phones and a board of 300 cards, encoding every state whole took most of a push."""
    shared = (
        b',"workshop":' + dump(parts.workshop) + b',"kinds":' + dump(parts.kinds)
        + b',"issue":' + dump(parts.issue)
    )  # fmt: skip
    others = [dump({**idea, "mine": False}) for _author, idea in parts.board]
    board = b",".join(others)
    # Where each card starts in ``board``, to put a person's own cards in as "mine".
    starts: list[int] = []
    offset = 0
    for item in others:
        starts.append(offset)
        offset += len(item) + 1
    by_author: dict[str | None, list[int]] = {}
    for index, (author, _idea) in enumerate(parts.board):
        by_author.setdefault(author, []).append(index)
    round_head = None if parts.round is None else dump(parts.round)[:-1] + b',"my_ballot":'
    head = STATE_PREFIX + b'"version":' + str(version).encode() + b',"me":'
    texts: dict[str, bytes] = {}
    for participant in participants:
        me = participant.attendee_id
        pieces = [head, dump(parts.me(participant)), shared, b',"ideas":[']
        done = 0
        for index in by_author.get(me, ()):
            pieces += [board[done : starts[index]], dump({**parts.board[index][1], "mine": True})]
            done = starts[index] + len(others[index])
        pieces.append(board[done:])
        items = len(others)
        for idea in parts.pending.get(me, ()):
            pieces += [b"," if items else b"", dump(idea)]
            items += 1
        pieces.append(b'],"round":')
        if round_head is None:
            pieces.append(b"null")
        else:
            pieces += [round_head, dump(parts.my_ballot(me)), b"}"]
        pieces.append(b"}")
        texts[me] = b"".join(pieces)
    return texts


Holding = tuple[str, int, Sequence[Card] | None, tuple[object, ...], OwnPart]
"""What a phone was last sent: its token, the version, the cards, the frame, its own part."""


@dataclass(frozen=True)
class Push:
    """One push: for each phone, in the order asked, the version its message applies to
    (a patch's base), the message (None: nothing new for it) and its own part now."""

    parts: StateParts
    messages: list[tuple[int, bytes | None, OwnPart]]


def push_messages(
    version: int,
    parts: StateParts,
    participants: dict[str, Participant],
    holding: Sequence[Holding],
) -> Push:
    """The message each phone needs to show ``parts``: a whole state, an ``ideas``
    patch, or nothing. A phone whose token is gone gets None (the caller refuses it).
    Patches are made and encoded once for all phones holding the same cards."""
    now = frame(parts)
    same_frame: dict[int, bool] = {}  # by the id of a frame phones hold
    patches: dict[int, tuple[bytes, dict[str, bytes]] | None] = {}  # by the id of a board
    planned: list[tuple[int, Participant | None, bytes | None, OwnPart]] = []
    wanting_whole: dict[str, Participant] = {}
    for token, base, board, held_frame, held_own in holding:
        participant = participants.get(token)
        if participant is None:
            planned.append((base, None, None, ()))
            continue
        own = own_part(parts, participant)
        key = id(held_frame)
        if key not in same_frame:
            same_frame[key] = held_frame == now
        if board is None or not same_frame[key] or own != held_own:
            wanting_whole[participant.attendee_id] = participant
            planned.append((base, participant, None, own))
            continue
        if id(board) not in patches:
            patch = board_patch(board, parts.board)
            patches[id(board)] = None if patch is None else encode_patch(version, patch)
        encoded = patches[id(board)]
        message = None if encoded is None else patch_message(encoded, participant.attendee_id, base)
        planned.append((base, None, message, own))
    wholes = encode_states(version, parts, wanting_whole.values()) if wanting_whole else {}
    return Push(
        parts,
        [
            (base, wholes[whole_for.attendee_id] if whole_for is not None else message, own)
            for base, whole_for, message, own in planned
        ],
    )
