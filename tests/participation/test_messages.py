"""The pushed messages (participation/messages.py): whole states and ``ideas`` patches.

The test that matters: for any change of the board, a phone that applies the patch as
the page does ends with exactly the state a phone joining now is sent whole."""

from __future__ import annotations

import json
import random
from dataclasses import replace
from typing import Any

from tests.participation.phone_state import applied
from workshop_app.participation import messages
from workshop_app.services.phones import Participant, StateParts

KINDS = [{"key": "problem", "th": "ปัญหา", "en": "Problem"}]
WORDS = ["ถนน", "น้ำประปา", "ตลาดชุมชน", "ท่องเที่ยว", "กาแฟดอยช้าง", "ฝุ่นควัน", "ชายแดน"]
MALAI = Participant("att-malai", "ws-cr", "มาลัย ศรีเมือง", "sec-1", "หอการค้าจังหวัด")
SOMPONG = Participant("att-sompong", "ws-cr", "สมปอง แก้วกาศ", "sec-2", "เกษตรกร")


def _parts(board: list[messages.Card], **changes: Any) -> StateParts:
    parts = StateParts(
        workshop={"title": "ทบทวนแผนพัฒนาจังหวัดเชียงราย พ.ศ. 2571"},
        kinds=KINDS,
        issue={"id": "iss-2", "number": 2, "title": "การค้าชายแดน"},
        board=board,
        round=None,
        pending={
            "att-malai": [
                {"id": "p-1", "kind": "problem", "text": "รอ", "mine": True, "status": "pending"}
            ]
        },
        ballots={},
        checked_in=frozenset({"att-malai"}),
    )
    return replace(parts, **changes)


def _card(number: int, author: str | None, text: str | None = None) -> messages.Card:
    item = {"id": f"idea-{number:03d}", "kind": "problem", "status": "on_board"}
    return author, {**item, "text": text or f"{WORDS[number % len(WORDS)]} ข้อ {number}"}


def _whole(version: int, parts: StateParts, person: Participant) -> dict[str, Any]:
    whole: dict[str, Any] = json.loads(
        messages.encode_states(version, parts, [person])[person.attendee_id]
    )
    return whole


def _pushed(
    version: int, parts: StateParts, before: StateParts, sent: dict[str, Any], person: Participant
) -> dict[str, Any] | None:
    own = messages.own_part(before, person)
    holding = [("tok", sent["version"], before.board, messages.frame(before), own)]
    push = messages.push_messages(version, parts, {"tok": person}, holding)
    [(base, message, _own)] = push.messages
    assert base == sent["version"]
    return None if message is None else json.loads(message)


def test_a_new_card_is_sent_alone_and_marked_mine_for_its_author() -> None:
    before = _parts([_card(n, "att-sompong") for n in range(40)])
    after = _parts([*before.board, _card(40, "att-malai", "ขอสะพานข้ามแม่น้ำรวก")])
    for person, mine in ((MALAI, True), (SOMPONG, False)):
        sent = _whole(7, before, person)
        message = _pushed(8, after, before, sent, person)
        assert message is not None and message["type"] == "ideas"
        assert message["upsert"] == [
            {"id": "idea-040", "kind": "problem", "status": "on_board",
             "text": "ขอสะพานข้ามแม่น้ำรวก", "mine": mine}
        ]  # fmt: skip
        assert message["remove"] == [] and "order" not in message and message["base"] == 7
        assert len(json.dumps(message, ensure_ascii=False).encode()) < 300
        assert applied(sent, message) == _whole(8, after, person)


def test_nothing_is_sent_when_nothing_a_phone_shows_changed() -> None:
    parts = _parts([_card(n, None) for n in range(5)])
    same = _parts(list(parts.board))
    assert _pushed(9, same, parts, _whole(8, parts, SOMPONG), SOMPONG) is None


def test_a_change_beside_the_cards_sends_the_whole_state() -> None:
    before = _parts([_card(n, None) for n in range(5)])
    sent = _whole(3, before, MALAI)
    opened = {"id": "rnd-1", "number": 1, "title": "จัดลำดับ", "method": "dots", "cards": []}
    for after in (
        _parts(before.board, round=opened),  # a round opened
        _parts(before.board, issue={"id": "iss-3", "number": 3, "title": "เกษตรปลอดภัย"}),
        _parts(before.board, pending={}),  # her waiting idea accepted or rejected
        _parts(before.board, checked_in=frozenset()),
    ):
        message = _pushed(4, after, before, sent, MALAI)
        assert message is not None and message["type"] == "state"
        assert message == _whole(4, after, MALAI)


def test_any_edit_of_the_board_patched_gives_the_whole_state() -> None:
    chooser = random.Random(2571)
    board = [_card(n, chooser.choice(["att-malai", "att-sompong", None])) for n in range(30)]
    sent = {person.attendee_id: _whole(1, _parts(board), person) for person in (MALAI, SOMPONG)}
    number = 30
    for version in range(2, 60):
        before = _parts(board)
        board = list(board)
        for _edit in range(chooser.randint(1, 4)):
            edit = chooser.choice(["add", "add", "remove", "move", "retext", "author"])
            if edit == "add" or not board:
                board.insert(chooser.randint(0, len(board)), _card(number, "att-sompong"))
                number += 1
            elif edit == "remove":
                board.pop(chooser.randrange(len(board)))
            elif edit == "move":
                board.insert(
                    chooser.randint(0, len(board) - 1), board.pop(chooser.randrange(len(board)))
                )
            elif edit == "retext":
                at = chooser.randrange(len(board))
                author, idea = board[at]
                board[at] = (author, {**idea, "text": idea["text"] + " (แก้ไข)"})
            else:
                at = chooser.randrange(len(board))
                board[at] = ("att-malai", board[at][1])
        after = _parts(board)
        for person in (MALAI, SOMPONG):
            state = sent[person.attendee_id]
            message = _pushed(version, after, before, state, person)
            if message is not None:
                assert message["type"] == "ideas"
                state = applied(state, message)
            expected = _whole(version, after, person)
            assert state["ideas"] == expected["ideas"], (version, person.name)
            sent[person.attendee_id] = expected


def test_phones_holding_the_same_cards_share_one_patch() -> None:
    before = _parts([_card(n, None) for n in range(300)])
    after = _parts([*before.board, _card(300, None)])
    own = messages.own_part(before, SOMPONG)
    holding = [(f"tok-{n}", 5, before.board, messages.frame(before), own) for n in range(300)]
    push = messages.push_messages(6, after, {f"tok-{n}": SOMPONG for n in range(300)}, holding)
    sizes = {len(message or b"") for _base, message, _own in push.messages}
    assert len(sizes) == 1 and sizes.pop() < 300
    # A token that no longer opens anything: no message (the server refuses the socket).
    gone = messages.push_messages(6, after, {}, holding[:1])
    assert gone.messages == [(5, None, ())]
