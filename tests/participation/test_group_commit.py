"""Phones' writes are committed in groups: what the writing thread finds queued when it
is free goes into one transaction, each write in a savepoint of its own. The writer is
held up here the way the GUI holds it up, by another connection's write transaction on
the same SQLite file, so that the phones' ballots queue behind it."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import aiohttp
from sqlalchemy import event, select

from tests.participation.conftest import Venue, dots_round, hello, run
from workshop_app.models import Ballot, PhoneSubmission


@contextmanager
def commits_counted(venue: Venue) -> Iterator[list[int]]:
    """How many transactions the app's database engine commits inside the block."""
    count = [0]

    def counted(_connection: Any) -> None:
        count[0] += 1

    event.listen(venue.db.engine, "commit", counted)
    try:
        yield count
    finally:
        event.remove(venue.db.engine, "commit", counted)


def _ballot(submission: str, round_id: str, card: str, value: int) -> dict[str, Any]:
    return {
        "type": "ballot",
        "submission_id": submission,
        "round_id": round_id,
        "marks": [{"idea_id": card, "value": value, "criterion_id": None}],
    }


async def _answer(ws: aiohttp.ClientWebSocketResponse) -> dict[str, Any] | None:
    """The next ack on the socket, or None when the server closes it instead."""
    while True:
        message = await ws.receive(timeout=15)
        if message.type != aiohttp.WSMsgType.TEXT:
            return None
        body: dict[str, Any] = message.json()
        if body.get("type") == "ack":
            return body


def _stored(venue: Venue, round_id: str) -> dict[str, str]:
    """Attendee -> their counted ballot in the round."""
    with venue.db.session() as session:
        ballots = session.scalars(
            select(Ballot).where(Ballot.round_id == round_id, Ballot.deleted.is_(False))
        ).all()
    return {b.attendee_id or "": b.id for b in ballots}


def test_a_group_commits_the_good_ballots_refuses_the_bad_one_alone(venue: Venue) -> None:
    round_id, cards = dots_round(venue)
    tokens = venue.tokens[:4]
    gui = sqlite3.connect(venue.db.path, isolation_level=None)

    async def scenario(client: aiohttp.ClientSession) -> list[dict[str, Any] | None]:
        sockets = [(await hello(client, venue.url, t))[0] for t in tokens]
        # The same phone twice (two tabs): its ballot resent while the first is queued.
        second_tab, _state = await hello(client, venue.url, tokens[1])
        gui.execute("BEGIN IMMEDIATE")  # the GUI is writing: the server's writer waits
        await sockets[0].send_json(_ballot("group-0000-a", round_id, cards[0], 2))
        await asyncio.sleep(0.3)  # the first ballot has the writer, waiting for the file
        await sockets[1].send_json(_ballot("group-0001-a", round_id, cards[1], 2))
        await sockets[2].send_json(_ballot("group-0002-a", round_id, cards[2], 3))  # cap 2
        await sockets[3].send_json(_ballot("group-0003-a", round_id, cards[3], 1))
        await second_tab.send_json(_ballot("group-0001-a", round_id, cards[1], 2))
        await asyncio.sleep(0.3)
        gui.execute("COMMIT")
        answers = await asyncio.gather(*(_answer(ws) for ws in [*sockets, second_tab]))
        for ws in [*sockets, second_tab]:
            await ws.close()
        return answers

    with commits_counted(venue) as commits:
        first, good, bad, other, resent = run(scenario)
    gui.close()
    # The first ballot alone, then the four queued behind it together.
    assert commits[0] == 2
    assert first is not None and first["ok"]
    assert good is not None and good["ok"] and other is not None and other["ok"]
    assert bad is not None and not bad["ok"] and bad["submission_id"] == "group-0002-a"
    assert bad["error"]["code"] == "refused"
    assert resent is not None and resent["ok"] and resent["ballot_id"] == good["ballot_id"]
    stored = _stored(venue, round_id)
    people = venue.people
    assert stored == {
        people[0]: first["ballot_id"],
        people[1]: good["ballot_id"],
        people[3]: other["ballot_id"],
    }
    with venue.db.session() as session:
        recorded = session.scalars(
            select(PhoneSubmission.submission_id).where(PhoneSubmission.kind == "ballot")
        ).all()
    assert sorted(recorded) == ["group-0000-a", "group-0001-a", "group-0003-a"]


def test_a_fault_in_the_group_acknowledges_none_of_it(venue: Venue) -> None:
    round_id, cards = dots_round(venue)
    tokens = venue.tokens[10:14]
    faulty = venue.people[12]
    gui = sqlite3.connect(venue.db.path, isolation_level=None)

    async def send_all(client: aiohttp.ClientSession) -> list[dict[str, Any] | None]:
        sockets = [(await hello(client, venue.url, t))[0] for t in tokens]
        gui.execute("BEGIN IMMEDIATE")
        await sockets[0].send_json(_ballot("fault-0000-b", round_id, cards[0], 1))
        await asyncio.sleep(0.3)
        for number, ws in enumerate(sockets[1:], start=1):
            await ws.send_json(_ballot(f"fault-{number:04d}-b", round_id, cards[number], 2))
            await asyncio.sleep(0.02)  # in this order within the group
        await asyncio.sleep(0.3)
        gui.execute("COMMIT")
        answers = await asyncio.gather(*(_answer(ws) for ws in sockets))
        for ws in sockets:
            await ws.close()
        return answers

    # The disk fails under the third ballot of the group (a database error, not a
    # rule broken): the trigger stands for it.
    gui.execute(
        "CREATE TRIGGER failing_disk BEFORE INSERT ON ballots "
        f"WHEN NEW.attendee_id = '{faulty}' BEGIN SELECT RAISE(ABORT, 'disk I/O'); END"
    )
    first, *group = run(send_all)
    assert first is not None and first["ok"]
    assert all(answer is None or not answer["ok"] for answer in group)
    assert _stored(venue, round_id) == {venue.people[10]: first["ballot_id"]}

    # The disk is mended; the phones send again (same ids): each counted once.
    gui.execute("DROP TRIGGER failing_disk")
    again = run(send_all)
    gui.close()
    assert all(answer is not None and answer["ok"] for answer in again)
    assert again[0] is not None and again[0]["ballot_id"] == first["ballot_id"]
    assert set(_stored(venue, round_id)) == set(venue.people[10:14])
