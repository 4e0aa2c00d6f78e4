"""The participant server on a shared venue network: forged and revoked tokens, another
workshop's ids, oversized and malformed requests, a flood from one address, a script in
an idea's text, and tokens kept out of every log."""

from __future__ import annotations

import asyncio
import json
import logging
import socket

import aiohttp
import pytest
from sqlalchemy import func, select

from tests.participation.conftest import (
    Venue,
    bearer,
    hello,
    make_people,
    next_of,
    next_state,
    run,
)
from workshop_app.models import Ballot, Idea
from workshop_app.participation import Limits
from workshop_app.services import ideas, phones, voting
from workshop_app.services.voting import RoundDraft
from workshop_app.services.workshops import add_issue, create_workshop, list_sectors


def _idea(submission: str, issue_id: str, text: str = "ลดค่าธรรมเนียมผ่านแดน") -> dict[str, str]:
    return {"submission_id": submission, "issue_id": issue_id, "kind": "proposal", "text": text}


async def _error(answer: aiohttp.ClientResponse) -> tuple[int, str]:
    body = await answer.json()
    assert body["ok"] is False and body["error"]["th"] and body["error"]["en"]
    return answer.status, body["error"]["code"]


def test_forged_missing_and_revoked_tokens_are_refused(venue: Venue) -> None:
    forged = venue.tokens[0][:-2] + ("AA" if not venue.tokens[0].endswith("AA") else "BB")

    async def scenario(client: aiohttp.ClientSession) -> None:
        url = venue.url
        for headers in ({}, bearer(forged), {"Authorization": "Basic abc"}, bearer("x" * 500)):
            answer = await client.get(url + "/api/state", headers=headers)
            assert await _error(answer) == (401, "unauthorized")
        answer = await client.post(
            url + "/api/ideas", json=_idea("forged-0001", venue.issue_id), headers=bearer(forged)
        )
        assert await _error(answer) == (401, "unauthorized")
        ws = await client.ws_connect(url + "/ws")
        await ws.send_json({"type": "hello", "token": forged})
        refused = await ws.receive_json(timeout=5)
        assert refused["type"] == "error" and refused["error"]["code"] == "unauthorized"
        await ws.receive(timeout=5)
        assert ws.close_code == 4401
        # A phone connected with a card that is then revoked is cut off at the next push.
        victim, _state = await hello(client, url, venue.tokens[3])
        with venue.db.transaction() as session:
            phones.revoke_phone_token(session, venue.people[3])
        venue.server.notify_changed()
        message = await next_of(victim, "error")
        assert message["error"]["code"] == "unauthorized"
        await victim.receive(timeout=5)
        assert victim.close_code == 4401
        answer = await client.get(url + "/api/state", headers=bearer(venue.tokens[3]))
        assert answer.status == 401

    run(scenario)
    with venue.db.session() as session:
        assert session.scalar(select(func.count()).select_from(Idea)) == 0


def test_another_workshops_token_and_ids_reach_nothing(venue: Venue) -> None:
    with venue.db.transaction() as session:
        other = create_workshop(session, "เวทีประชาคมอำเภอเชียงแสน")
        other_issue = add_issue(session, other, "ท่องเที่ยวสามเหลี่ยมทองคำ")
        phones.set_phone_issue(session, other, other_issue)
        card = ideas.add_idea(session, other, other_issue, ideas.IdeaDraft("ล่องเรือแม่น้ำโขง"))
        other_round = voting.create_round(
            session, other, RoundDraft("รอบอำเภอ", "approval", (card,))
        )
        voting.open_round(session, other_round)
    outsider = make_people(venue.db, other, [list_sectors_of(venue, other)], 1)[0]
    with venue.db.transaction() as session:
        other_token = phones.phone_link(session, other, outsider, "http://x").url.split("#")[1]
        own_card = ideas.add_idea(
            session, venue.workshop_id, venue.issue_id, ideas.IdeaDraft("ศูนย์ตรวจสินค้าเกษตร")
        )
        own_round = voting.create_round(
            session, venue.workshop_id, RoundDraft("รอบจังหวัด", "approval", (own_card,))
        )
        voting.open_round(session, own_round)

    async def scenario(client: aiohttp.ClientSession) -> None:
        url = venue.url
        answer = await client.get(url + "/api/state", headers=bearer(other_token))
        assert answer.status == 401  # this server serves one workshop
        token = venue.tokens[0]
        answer = await client.post(
            url + "/api/ideas", json=_idea("cross-00001", other_issue), headers=bearer(token)
        )
        assert await _error(answer) == (409, "issue_not_open")
        ballot: dict[str, object] = {
            "submission_id": "cross-00002",
            "round_id": other_round,
            "marks": [],
        }
        answer = await client.post(url + "/api/ballots", json=ballot, headers=bearer(token))
        assert await _error(answer) == (409, "round_not_open")
        ballot = {
            "submission_id": "cross-00003",
            "round_id": own_round,
            "marks": [{"idea_id": card, "value": 1, "criterion_id": None}],
        }
        answer = await client.post(url + "/api/ballots", json=ballot, headers=bearer(token))
        assert (await _error(answer))[0] == 400
        state = await (await client.get(url + "/api/state", headers=bearer(token))).text()
        assert "ล่องเรือ" not in state and "เชียงแสน" not in state

    run(scenario)
    with venue.db.session() as session:
        assert session.scalar(select(func.count()).select_from(Ballot)) == 0


def list_sectors_of(venue: Venue, workshop_id: str) -> str:
    with venue.db.session() as session:
        return list_sectors(session, workshop_id)[0].id


def test_oversized_and_malformed_requests_are_refused(venue: Venue) -> None:
    token = venue.tokens[1]

    async def scenario(client: aiohttp.ClientSession) -> None:
        url = venue.url
        post = url + "/api/ideas"
        big = json.dumps(_idea("big-000001", venue.issue_id, "ก" * 20_000))
        answer = await client.post(post, data=big, headers=bearer(token))
        assert await _error(answer) == (413, "too_large")
        cases = [
            (b"{not json", "malformed"),
            (b"[1, 2]", "malformed"),
            (b"\xff\xfe", "malformed"),
            (b"[" * 5000 + b"]" * 5000, "malformed"),
            (
                json.dumps({**_idea("bad-00001", venue.issue_id), "author_id": "x"}).encode(),
                "unexpected_field",
            ),
            (
                json.dumps({**_idea("bad-00002", venue.issue_id), "text": 42}).encode(),
                "invalid_field",
            ),
            (json.dumps({"submission_id": "bad-00003"}).encode(), "invalid_field"),
            (json.dumps(_idea("short", venue.issue_id)).encode(), "bad_submission_id"),
            (json.dumps(_idea("bad-00004", venue.issue_id, " \u200b ")).encode(), "invalid_text"),
            (
                json.dumps({**_idea("bad-00005", venue.issue_id), "kind": "gossip"}).encode(),
                "invalid_kind",
            ),
        ]
        for data, code in cases:
            answer = await client.post(post, data=data, headers=bearer(token))
            assert await _error(answer) == (400, code), data[:60]
        ballots = url + "/api/ballots"
        for marks in (
            "all",
            [{"idea_id": "x", "value": True}],
            [{"idea_id": "x", "value": 10**30}],
            [1],
        ):
            body = {"submission_id": "ballot-bad-1", "round_id": "r", "marks": marks}
            answer = await client.post(ballots, json=body, headers=bearer(token))
            assert (await _error(answer))[0] == 400
        answer = await client.get(url + "/api/state?since=abc", headers=bearer(token))
        assert await _error(answer) == (400, "invalid_since")
        answer = await client.delete(url + "/api/ideas", headers=bearer(token))
        assert answer.status == 405
        # WebSocket: an oversized message closes the socket; junk gets a refusal.
        ws, _state = await hello(client, url, token)
        await ws.send_str("{nope")
        ack = await next_of(ws, "ack")
        assert ack["ok"] is False and ack["error"]["code"] == "malformed"
        await ws.send_json({"type": "delete_everything", "submission_id": "junk-00001"})
        ack = await next_of(ws, "ack")
        assert ack["error"]["code"] == "unknown_type" and ack["submission_id"] == "junk-00001"
        await ws.send_str(
            json.dumps({"type": "idea", **_idea("huge-00001", venue.issue_id, "ข" * 30_000)})
        )
        closing = await ws.receive(timeout=5)
        assert closing.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
        assert ws.close_code == 1009  # message too big

    run(scenario)
    with venue.db.session() as session:
        assert session.scalar(select(func.count()).select_from(Idea)) == 0


def test_a_script_in_an_idea_comes_back_as_text(venue: Venue) -> None:
    text = '<script>fetch("/api/state")</script><img src=x onerror=alert(1)> & "ข้าว"'

    async def scenario(client: aiohttp.ClientSession) -> None:
        ws, _state = await hello(client, venue.url, venue.tokens[4])
        other, other_state = await hello(client, venue.url, venue.tokens[9])
        await ws.send_json({"type": "idea", **_idea("xss-000001", venue.issue_id, text)})
        assert (await next_of(ws, "ack"))["ok"]
        state = await next_state(other, other_state)
        assert state["ideas"][0]["text"] == text
        answer = await client.get(venue.url + "/api/state", headers=bearer(venue.tokens[9]))
        assert answer.headers["Content-Type"].startswith("application/json")
        assert (await answer.json())["ideas"][0]["text"] == text

    run(scenario)
    with venue.db.session() as session:
        assert [row.text for row in ideas.list_ideas(session, venue.workshop_id)] == [text]


def test_a_flood_from_one_address_is_limited(venue: Venue) -> None:
    venue.start(Limits(exempt_loopback=False, address_rate=5, address_burst=10))

    async def scenario(client: aiohttp.ClientSession) -> None:
        answers = await asyncio.gather(*(client.get(venue.url + "/api/info") for _ in range(40)))
        statuses = [a.status for a in answers]
        assert statuses.count(200) <= 12 and statuses.count(429) >= 28
        limited = next(a for a in answers if a.status == 429)
        assert await _error(limited) == (429, "rate_limited")
        await asyncio.sleep(1.0)  # the bucket refills
        assert (await client.get(venue.url + "/api/info")).status == 200

    run(scenario)


def test_a_flood_from_one_token_and_walk_in_guessing_are_limited(venue: Venue) -> None:
    venue.start(Limits(exempt_loopback=False, token_rate=1, token_burst=5, walk_in_burst=3))
    token = venue.tokens[6]

    async def scenario(client: aiohttp.ClientSession) -> None:
        answers = [
            await client.post(
                venue.url + "/api/ideas",
                json=_idea(f"flood-{n:05d}", venue.issue_id, f"ข้อเสนอซ้ำ {n}"),
                headers=bearer(token),
            )
            for n in range(12)
        ]
        assert [a.status for a in answers].count(429) >= 6
        guesses = [
            await client.post(
                venue.url + "/api/walk-in",
                json={
                    "code": f"{n:06d}",
                    "first_name": "สมปอง",
                    "last_name": "",
                    "sector_id": venue.sectors[0],
                    "submission_id": f"guess-{n:05d}",
                },
            )
            for n in range(8)
        ]
        assert [g.status for g in guesses][-4:] == [429] * 4
        # Another phone is not held back by the flood.
        other = await client.get(venue.url + "/api/state", headers=bearer(venue.tokens[8]))
        assert other.status == 200

    run(scenario)
    with venue.db.session() as session:
        assert (session.scalar(select(func.count()).select_from(Idea)) or 0) <= 6


def test_one_token_opens_few_sockets(venue: Venue) -> None:
    venue.start(Limits(sockets_per_token=2))

    async def scenario(client: aiohttp.ClientSession) -> None:
        kept = [await hello(client, venue.url, venue.tokens[0]) for _ in range(2)]
        ws = await client.ws_connect(venue.url + "/ws")
        await ws.send_json({"type": "hello", "token": venue.tokens[0]})
        refused = await ws.receive_json(timeout=5)
        assert refused["error"]["code"] == "too_many_connections"
        for opened, _state in kept:
            await opened.close()

    run(scenario)


def test_a_socket_from_another_site_is_refused(venue: Venue) -> None:
    async def scenario(client: aiohttp.ClientSession) -> None:
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await client.ws_connect(venue.url + "/ws", origin="http://evil.example")
        assert refused.value.status == 403

    run(scenario)


def test_tokens_never_reach_the_log(venue: Venue, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    token = venue.tokens[10]

    async def scenario(client: aiohttp.ClientSession) -> None:
        await client.get(venue.url + "/api/state", headers=bearer(token))
        await client.post(venue.url + "/api/ideas", data=b"{", headers=bearer(token))
        ws, _state = await hello(client, venue.url, token)
        await ws.send_json({"type": "idea", **_idea("log-000001", venue.issue_id)})
        await next_of(ws, "ack")
        await ws.close()
        await client.get(venue.url + f"/static/{token}.js")

    run(scenario)
    # Malformed requests carrying the token: aiohttp logs their errors.
    host, port = "127.0.0.1", venue.server.port
    for raw in (
        f"GET /api/state HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\x01\r\n\r\n",
        f"G\x00T /{token} HTTP/1.1\r\n\r\n",
        f"GET /api/state HTTP/1.1\r\nX-{token}: {'a' * 9000}\r\n\r\n",
    ):
        with socket.create_connection((host, port), timeout=5) as connection:
            connection.sendall(raw.encode("latin-1"))
            connection.recv(4096)
    venue.server.stop()
    assert caplog.records  # something was logged at DEBUG: the check means something
    assert any(r.name.startswith("aiohttp") for r in caplog.records)
    assert token not in caplog.text
