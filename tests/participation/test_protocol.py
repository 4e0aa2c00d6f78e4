"""The participant server's protocol with real clients on loopback (aiohttp's client,
real sockets): the page and fonts, joining, state pushes to many WebSockets at once,
ideas and ballots sent twice, long polling, change signals, restart."""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time
from typing import Any

import aiohttp
import pytest
from sqlalchemy import func, select

from tests.participation.conftest import (
    PAGE,
    Venue,
    bearer,
    dots_round,
    hello,
    next_of,
    next_state,
    run,
)
from tests.participation.phone_state import applied
from workshop_app.errors import UserError
from workshop_app.models import Ballot, CastBy, Idea
from workshop_app.participation import ParticipantServer, messages, self_check, server
from workshop_app.services import ideas, phones, voting, workshops
from workshop_app.services.vote_counting import Mark


def test_the_page_static_files_and_fonts_are_served(venue: Venue) -> None:
    async def scenario(client: aiohttp.ClientSession) -> None:
        page = await client.get(venue.url + "/")
        assert page.status == 200 and await page.text() == PAGE
        assert page.headers["Content-Type"] == "text/html; charset=utf-8"
        policy = page.headers["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
        assert page.headers["X-Content-Type-Options"] == "nosniff"
        script = await client.get(venue.url + "/static/app.js")
        assert script.headers["Content-Type"].startswith("text/javascript")
        font = await client.get(venue.url + "/fonts/Sarabun-Regular.ttf")
        assert font.status == 200 and font.headers["Content-Type"] == "font/ttf"
        assert (await font.read())[:4] == b"\x00\x01\x00\x00"
        for path in (
            "/static/../server.py",
            "/static/%2e%2e%2fserver.py",
            "/static/.hidden",
            "/static/index.py",
            "/fonts/OFL.txt",
            "/fonts/..%2f..%2fpyproject.toml",
            "/api/tokens",
            "/admin",
        ):
            answer = await client.get(venue.url + path)
            assert answer.status == 404, path
            assert (await answer.json())["error"]["code"] == "not_found"

    run(scenario)


def test_info_names_the_workshop_and_sectors_and_nobody(venue: Venue) -> None:
    async def scenario(client: aiohttp.ClientSession) -> None:
        answer = await client.get(venue.url + "/api/info")
        info = await answer.json()
        assert info["workshop"]["title"] == "ประชุมเชิงปฏิบัติการทบทวนแผนพัฒนาจังหวัดเชียงราย"
        assert "วิสาหกิจชุมชนชาอูหลง" in [s["name"] for s in info["sectors"]]
        assert "บุญมี" not in await answer.text()

    run(scenario)


def test_many_websockets_get_the_state_and_every_idea_pushed(venue: Venue) -> None:
    text = "ขยายเวลาเปิดด่านแม่สายถึงสี่ทุ่มในช่วงเทศกาล"

    async def scenario(client: aiohttp.ClientSession) -> None:
        sockets = await asyncio.gather(*(hello(client, venue.url, t) for t in venue.tokens))
        first = sockets[0][1]
        assert first["type"] == "state" and first["issue"]["id"] == venue.issue_id
        assert {s["me"]["name"] for _ws, s in sockets} >= {"บุญมี ใจมา0"}
        assert venue.server.connected_by_sector() == {
            "สภาอุตสาหกรรมจังหวัด": 18,
            "วิสาหกิจชุมชนชาอูหลง": 18,
        }
        sender = sockets[5][0]
        await sender.send_json(
            {
                "type": "idea",
                "submission_id": "web-0001-aaaa",
                "issue_id": venue.issue_id,
                "kind": "proposal",
                "text": text,
            }
        )
        ack = await next_of(sender, "ack")
        assert ack["ok"] is True and ack["status"] == "on_board"
        assert ack["submission_id"] == "web-0001-aaaa"
        pushed = await asyncio.gather(*(next_state(ws, s) for ws, s in sockets))
        for number, state in enumerate(pushed):
            assert state["version"] > first["version"]
            assert [(i["text"], i["mine"]) for i in state["ideas"]] == [(text, number == 5)]
        for ws, _state in sockets:
            await ws.close()

    run(scenario)
    with venue.db.session() as session:
        idea = session.scalars(select(Idea)).one()
    assert (idea.author_id, idea.sector_id) == (venue.people[5], venue.sectors[1])
    time.sleep(server.CHANGE_INTERVAL * 2)
    assert venue.server.connected_by_sector() == {}
    seen = set().union(*venue.changes)
    assert {"connections", "ideas"} <= seen
    # Batched: 36 connections, an idea and 36 disconnections in a handful of calls.
    assert len(venue.changes) < 20


def test_pushes_are_throttled_under_a_burst_of_ideas(venue: Venue) -> None:
    async def scenario(client: aiohttp.ClientSession) -> int:
        watcher, state = await hello(client, venue.url, venue.tokens[0])
        started = time.monotonic()
        answers = await asyncio.gather(
            *(
                client.post(
                    venue.url + "/api/ideas",
                    json={
                        "submission_id": f"burst-{n:04d}-x",
                        "issue_id": venue.issue_id,
                        "kind": "problem",
                        "text": f"รถบรรทุกติดคิวหน้าด่านช่วงเช้า ครั้งที่ {n}",
                    },
                    headers=bearer(venue.tokens[n]),
                )
                for n in range(1, 31)
            )
        )
        assert [a.status for a in answers] == [200] * 30
        pushes = 0
        while True:
            state = await next_state(watcher, state)
            pushes += 1
            if len(state["ideas"]) == 30:
                break
        elapsed = time.monotonic() - started
        await watcher.close()
        # Thirty changes reach the phone in at most one push per interval (plus one).
        assert pushes <= elapsed / server.PUSH_INTERVAL + 2
        return pushes

    assert run(scenario) < 30


def test_an_idea_and_a_ballot_sent_twice_count_once(venue: Venue) -> None:
    round_id, cards = dots_round(venue)
    body = {
        "submission_id": "resend-0001-q",
        "issue_id": venue.issue_id,
        "kind": "need",
        "text": "ขอป้ายบอกทางภาษาจีนและพม่า",
    }
    ballot = {
        "submission_id": "ballot-0001-q",
        "round_id": round_id,
        "marks": [
            {"idea_id": cards[0], "value": 2, "criterion_id": None},
            {"idea_id": cards[3], "value": 2},
        ],
    }

    async def scenario(client: aiohttp.ClientSession) -> None:
        token = venue.tokens[7]
        first = await (
            await client.post(venue.url + "/api/ideas", json=body, headers=bearer(token))
        ).json()
        ws, state = await hello(client, venue.url, token)
        await ws.send_json({"type": "idea", **body})
        again = await next_of(ws, "ack")
        assert again["idea_id"] == first["idea_id"] and again["ok"]
        cast = await client.post(venue.url + "/api/ballots", json=ballot, headers=bearer(token))
        ballot_id = (await cast.json())["ballot_id"]
        await ws.send_json({"type": "ballot", **ballot})
        resent = await next_of(ws, "ack")
        assert resent == {
            "type": "ack",
            "submission_id": "ballot-0001-q",
            "ok": True,
            "ballot_id": ballot_id,
        }
        state = await next_state(ws, state)
        while state["round"] is None or state["round"]["my_ballot"] is None:
            state = await next_state(ws, state)
        assert state["round"]["my_ballot"]["marks"][0]["value"] == 2
        await ws.close()

    run(scenario)
    with venue.db.session() as session:
        assert session.scalar(select(func.count()).select_from(Idea)) == 5  # 4 cards + 1
        ballots = session.scalars(select(Ballot).where(Ballot.deleted.is_(False))).all()
    assert [(b.attendee_id, b.cast_by) for b in ballots] == [(venue.people[7], CastBy.PHONE)]


def test_thirty_six_phones_vote_at_once(venue: Venue) -> None:
    round_id, cards = dots_round(venue)

    async def vote(client: aiohttp.ClientSession, number: int, token: str) -> dict[str, object]:
        ws, _state = await hello(client, venue.url, token)
        await ws.send_json(
            {
                "type": "ballot",
                "submission_id": f"vote-{number:04d}-z",
                "round_id": round_id,
                "marks": [{"idea_id": cards[number % 4], "value": 2, "criterion_id": None}],
            }
        )
        ack = await next_of(ws, "ack")
        await ws.close()
        return ack

    async def scenario(client: aiohttp.ClientSession) -> list[dict[str, object]]:
        return await asyncio.gather(*(vote(client, n, t) for n, t in enumerate(venue.tokens)))

    acks = run(scenario)
    assert all(ack["ok"] for ack in acks)
    with venue.db.session() as session:
        results = voting.round_results(session, round_id)
    assert len(results.ballots) == 36
    assert {b.cast_by for b in results.ballots} == {CastBy.PHONE.value}


def test_long_polling_waits_for_a_change(venue: Venue, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(server, "POLL_WAIT", 1.5)

    async def scenario(client: aiohttp.ClientSession) -> None:
        token = venue.tokens[2]
        first = await (await client.get(venue.url + "/api/state", headers=bearer(token))).json()
        assert "type" not in first and first["me"]["sector"] == "สภาอุตสาหกรรมจังหวัด"
        version = first["version"]
        started = time.monotonic()
        quiet = await client.get(f"{venue.url}/api/state?since={version}", headers=bearer(token))
        assert (await quiet.json())["version"] == version
        assert time.monotonic() - started >= 1.4
        waiting = asyncio.ensure_future(
            client.get(f"{venue.url}/api/state?since={version}", headers=bearer(token))
        )
        await asyncio.sleep(0.3)
        assert not waiting.done()
        with venue.db.transaction() as session:
            ideas.add_idea(
                session, venue.workshop_id, venue.issue_id, ideas.IdeaDraft("เพิ่มรถโดยสารข้ามแดน")
            )
        venue.server.notify_changed()  # the host wrote: phones are told
        answer = await (await waiting).json()
        assert answer["version"] > version
        assert [i["text"] for i in answer["ideas"]] == ["เพิ่มรถโดยสารข้ามแดน"]
        stale = await client.get(f"{venue.url}/api/state?since=17", headers=bearer(token))
        assert (await stale.json())["version"] > 17  # from before a restart: answered at once

    run(scenario)
    assert venue.server.connected_by_sector() == {"สภาอุตสาหกรรมจังหวัด": 1}


def test_a_walk_in_joins_by_http_and_gets_a_working_token(venue: Venue) -> None:
    with venue.db.transaction() as session:
        code = phones.walk_in_code(session, venue.workshop_id)

    async def scenario(client: aiohttp.ClientSession) -> None:
        body = {
            "code": code,
            "first_name": "ดวงใจ",
            "last_name": "แสนคำ",
            "sector_id": venue.sectors[1],
            "submission_id": "walkin-0001-p",
        }
        joined = await client.post(venue.url + "/api/walk-in", json=body)
        token = (await joined.json())["token"]
        again = await client.post(venue.url + "/api/walk-in", json=body)
        assert (await again.json())["token"] == token
        wrong = await client.post(
            venue.url + "/api/walk-in",
            json={**body, "code": "x" + code[1:], "submission_id": "walkin-0002-p"},
        )
        assert wrong.status == 403
        assert (await wrong.json())["error"]["code"] == "wrong_code"
        state = await (await client.get(venue.url + "/api/state", headers=bearer(token))).json()
        assert state["me"] == {
            "name": "ดวงใจ แสนคำ",
            "sector": "วิสาหกิจชุมชนชาอูหลง",
            "checked_in": True,
        }

    run(scenario)
    time.sleep(server.CHANGE_INTERVAL * 2)
    assert any("attendees" in kinds for kinds in venue.changes)


def test_phones_reconnect_after_a_restart(venue: Venue) -> None:
    async def scenario(client: aiohttp.ClientSession) -> None:
        sockets = [await hello(client, venue.url, t) for t in venue.tokens[:10]]
        venue.server.stop()
        for ws, _state in sockets:
            message = await ws.receive(timeout=10)
            assert message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
        assert not venue.server.running
        venue.start()
        again = await asyncio.gather(*(hello(client, venue.url, t) for t in venue.tokens[:10]))
        assert all(state["type"] == "state" for _ws, state in again)
        for ws, _state in again:
            await ws.close()

    run(scenario)


def test_stop_is_prompt_with_a_poll_waiting_and_sockets_open(venue: Venue) -> None:
    """aiohttp's shutdown waited for the waiting poll (2 s, then 2 s more to cancel it):
    stop took 4 s. The phones here run in a thread of their own, as real phones would
    go on answering while the laptop stops its server."""
    url, token = venue.url, venue.tokens[11]
    polling = threading.Event()
    seen: dict[str, Any] = {}

    async def phones_meanwhile(client: aiohttp.ClientSession) -> None:
        sockets = [await hello(client, url, t) for t in venue.tokens[:30]]
        first = await (await client.get(url + "/api/state", headers=bearer(token))).json()
        poll = asyncio.ensure_future(
            client.get(f"{url}/api/state?since={first['version']}", headers=bearer(token))
        )
        await asyncio.sleep(0.3)
        seen["waiting"] = not poll.done()
        polling.set()
        answer = await poll
        seen["poll"] = (answer.status, (await answer.json())["version"] == first["version"])
        seen["closes"] = [(await ws.receive(timeout=5)).type for ws, _state in sockets]

    phones_thread = threading.Thread(target=run, args=(phones_meanwhile,))
    phones_thread.start()
    assert polling.wait(30)
    started = time.monotonic()
    venue.server.stop()
    took = time.monotonic() - started
    phones_thread.join(30)
    assert seen["waiting"]
    assert took < 1.0
    assert seen["poll"] == (200, True)  # the state as it was; the page polls again
    assert set(seen["closes"]) <= {aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED}
    assert len(seen["closes"]) == 30
    with socket.socket() as probe:  # the port is free (as the server binds it)
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind(("127.0.0.1", venue.server.port))
    venue.start()

    async def again(client: aiohttp.ClientSession) -> dict[str, Any]:
        ws, state = await hello(client, venue.url, token)
        await ws.close()
        return state

    assert run(again)["type"] == "state"


def test_a_taken_port_is_a_clear_error(venue: Venue) -> None:
    second = ParticipantServer(venue.db.session, venue.workshop_id, "127.0.0.1", venue.server.port)
    with pytest.raises(UserError) as refused:
        second.start()
    assert str(venue.server.port) in refused.value.english
    assert not second.running


def test_the_self_check_serves_the_page(venue: Venue) -> None:
    assert self_check(venue.db.session, venue.workshop_id, venue.server.static_dir) is None
    assert self_check(venue.db.session, venue.workshop_id, venue.server.static_dir / "x")


def test_the_pushed_encoding_is_each_state_encoded_whole(venue: Venue) -> None:
    round_id, cards = dots_round(venue)
    with venue.db.transaction() as session:
        people = [
            phones.participant_for_token(session, venue.workshop_id, token)
            for token in venue.tokens[:4]
        ]
        first, second, third, _fourth = people
        assert first and second and third
        phones.submit_idea(session, first, "enc-000001", venue.issue_id, "need", 'ทาง "เลี่ยง" เมือง')
        phones.set_phone_moderation(session, venue.workshop_id, True)
        phones.submit_idea(session, second, "enc-000002", venue.issue_id, "other", "รอ\\nอนุมัติ")
        phones.submit_idea(session, first, "enc-000004", venue.issue_id, "need", "ของฉันที่รอ")
        phones.submit_ballot(session, third, "enc-000003", round_id, [Mark(cards[1], 2)])
        parts = phones.state_parts(session, venue.workshop_id, people)  # type: ignore[arg-type]
    texts = messages.encode_states(42, parts, people)  # type: ignore[arg-type]
    for person in people:
        assert person is not None
        whole = {"type": "state", "version": 42, **parts.state_for(person)}
        assert json.loads(texts[person.attendee_id]) == whole
    with venue.db.transaction() as session:
        phones.set_phone_issue(session, venue.workshop_id, None)
        voting.close_round(session, round_id)
        empty = phones.state_parts(session, venue.workshop_id, people)  # type: ignore[arg-type]
    assert json.loads(messages.encode_states(1, empty, [first])[first.attendee_id])["round"] is None


def test_a_phone_is_not_sent_a_state_that_says_nothing_new(venue: Venue) -> None:
    round_id, cards = dots_round(venue)

    async def scenario(client: aiohttp.ClientSession) -> None:
        voter, voter_state = await hello(client, venue.url, venue.tokens[11])
        other, other_state = await hello(client, venue.url, venue.tokens[12])
        await voter.send_json(
            {
                "type": "ballot",
                "submission_id": "quiet-00001",
                "round_id": round_id,
                "marks": [{"idea_id": cards[2], "value": 1, "criterion_id": None}],
            }
        )
        assert (await next_of(voter, "ack"))["ok"]
        voter_state = mine = await next_state(voter, voter_state)
        assert mine["round"]["my_ballot"]["marks"][0]["idea_id"] == cards[2]
        with pytest.raises(asyncio.TimeoutError):  # the other phone's state is the same
            await other.receive(timeout=server.PUSH_INTERVAL * 4)
        await other.send_json({"type": "idea", **_idea_body("quiet-00002", venue.issue_id)})
        assert (await next_of(other, "ack"))["ok"]
        for ws, state in ((voter, voter_state), (other, other_state)):
            state = await next_state(ws, state)
            assert "ขอไฟส่องสว่างถนนเลียบน้ำโขง" in [i["text"] for i in state["ideas"]]
            await ws.close()

    run(scenario)


def _idea_body(submission: str, issue_id: str) -> dict[str, str]:
    return {
        "submission_id": submission,
        "issue_id": issue_id,
        "kind": "need",
        "text": "ขอไฟส่องสว่างถนนเลียบน้ำโขง",
    }


def test_phones_are_sent_only_the_cards_that_changed(venue: Venue) -> None:
    """The facilitator adds 200 cards, then moves and deletes one; a phone joined before
    holds, by patches alone, what a phone joining after is sent whole, and each patch
    is small however long the board is."""
    drafts = [
        (venue.issue_id, ideas.IdeaDraft(f"ลานจอดรถบรรทุกหน้าด่านพรมแดนแห่งที่ {n}", "need"))
        for n in range(200)
    ]

    async def scenario(client: aiohttp.ClientSession) -> None:
        early, state = await hello(client, venue.url, venue.tokens[2])
        with venue.db.transaction() as session:
            ids = ideas.add_ideas(session, venue.workshop_id, drafts)
        venue.server.notify_changed()
        state = await next_state(early, state)
        while len(state["ideas"]) < 200:
            state = await next_state(early, state)
        with venue.db.transaction() as session:
            ideas.move_idea(session, ids[150], venue.issue_id, ids[3])
            ideas.delete_idea(session, ids[7])
            ideas.add_idea(
                session,
                venue.workshop_id,
                venue.issue_id,
                ideas.IdeaDraft("ตั้งศูนย์บริการนักท่องเที่ยวจีน", "proposal", author_id=venue.people[2]),
            )
        venue.server.notify_changed()
        raw = await early.receive_str(timeout=10)
        patch = json.loads(raw)
        # The new card; the moved one is only in the new order.
        assert patch["type"] == "ideas" and len(patch["upsert"]) == 1
        assert patch["remove"] == [ids[7]] and len(patch["order"]) == 200
        # The ids of the new order and one card, not the 200 cards' text.
        assert len(raw.encode()) < len(json.dumps(patch["order"])) + 400
        state = applied(state, patch)
        late, whole = await hello(client, venue.url, venue.tokens[2])
        assert whole["type"] == "state" and state == whole
        assert [i["mine"] for i in state["ideas"]].count(True) == 1
        # A phone that lost track asks again ("sync") and is sent the whole state.
        await early.send_json({"type": "sync"})
        assert await next_of(early, "state") == whole
        for ws in (early, late):
            await ws.close()

    run(scenario)


def test_a_change_a_phone_does_not_show_leaves_its_version(venue: Venue) -> None:
    """A card on another issue changes nothing on the phone: it is sent nothing, and the
    next patch still applies to the version it holds."""

    def card(issue_id: str, text: str) -> None:
        with venue.db.transaction() as session:
            ideas.add_idea(session, venue.workshop_id, issue_id, ideas.IdeaDraft(text, "need"))
        venue.server.notify_changed()

    with venue.db.transaction() as session:
        other_issue = workshops.add_issue(session, venue.workshop_id, "เกษตรอินทรีย์ดอยวาวี")

    async def scenario(client: aiohttp.ClientSession) -> None:
        ws, state = await hello(client, venue.url, venue.tokens[20])
        card(other_issue, "ตั้งโรงคั่วกาแฟของวิสาหกิจชุมชน")
        with pytest.raises(asyncio.TimeoutError):
            await ws.receive(timeout=server.PUSH_INTERVAL * 3)
        card(venue.issue_id, "สร้างจุดพักรถบรรทุกก่อนถึงด่าน")
        state = await next_state(ws, state)  # applied() checks the patch's base
        assert [i["text"] for i in state["ideas"]] == ["สร้างจุดพักรถบรรทุกก่อนถึงด่าน"]
        await ws.close()

    run(scenario)
