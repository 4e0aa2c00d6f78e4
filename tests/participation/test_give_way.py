"""The server gives way to the laptop's user: while the host says its user is being
served (a card typed on the laptop; ``give_way``), pushes and phones' writes wait, at
most GIVE_WAY_MAX at each point, so the typed card does not share the interpreter lock
with them; and they do not wait when the host is idle."""

from __future__ import annotations

import os
import sys
import threading
import time

import aiohttp
import pytest

from tests.participation.conftest import Venue, hello, next_state, run
from tests.participation.phone_state import applied
from workshop_app.participation.server import GIVE_WAY_MAX
from workshop_app.services import ideas


class Host:
    """A host whose user is busy until ``busy_until`` (time.monotonic())."""

    def __init__(self) -> None:
        self.busy_until = 0.0
        self.asked = 0

    def give_way(self) -> float:
        self.asked += 1
        return max(0.0, self.busy_until - time.monotonic())


def _add_on_the_laptop(venue: Venue, text: str) -> None:
    with venue.db.transaction() as session:
        ideas.add_idea(session, venue.workshop_id, venue.issue_id, ideas.IdeaDraft(text, "need"))
    venue.server.notify_changed()


def test_pushes_and_writes_wait_while_the_user_is_served_and_no_longer(venue: Venue) -> None:
    host = Host()
    venue.start(give_way=host.give_way)

    async def scenario(client: aiohttp.ClientSession) -> dict[str, float]:
        ws, state = await hello(client, venue.url, venue.tokens[0])
        taken: dict[str, float] = {}

        # The user is busy for 5 s: the push waits, but not for all of it.
        host.busy_until = time.monotonic() + 5.0
        start = time.monotonic()
        _add_on_the_laptop(venue, "ขยายถนนเลียบแม่น้ำโขงเชียงของ")
        state = await next_state(ws, state)
        taken["push while busy"] = time.monotonic() - start
        texts = [card["text"] for card in state["ideas"]]
        assert "ขยายถนนเลียบแม่น้ำโขงเชียงของ" in texts

        # A phone's idea while the user is busy: its write waits, then is acknowledged.
        host.busy_until = time.monotonic() + 5.0
        start = time.monotonic()
        await ws.send_json(
            {
                "type": "idea",
                "submission_id": "give-way-0001",
                "issue_id": venue.issue_id,
                "kind": "proposal",
                "text": "จุดพักรถบรรทุกสินค้าหน้าด่านแม่สาย",
            }
        )
        while True:  # the push of its idea may come before the acknowledgement
            message = await ws.receive_json(timeout=10)
            if message["type"] == "ack":
                break
            state = applied(state, message)
        taken["write while busy"] = time.monotonic() - start
        assert message["ok"] is True

        # Idle again: the next push comes without waiting for the host.
        host.busy_until = 0.0
        while not any(c["text"] == "จุดพักรถบรรทุกสินค้าหน้าด่านแม่สาย" for c in state["ideas"]):
            state = await next_state(ws, state)
        asked = host.asked
        start = time.monotonic()
        _add_on_the_laptop(venue, "ศูนย์บริการนักท่องเที่ยวสามเหลี่ยมทองคำ")
        await next_state(ws, state)
        taken["push when idle"] = time.monotonic() - start
        assert host.asked > asked  # asked, and told 0
        await ws.close()
        return taken

    taken = run(scenario)
    assert GIVE_WAY_MAX * 0.9 <= taken["push while busy"] < 1.5, taken
    assert GIVE_WAY_MAX * 0.9 <= taken["write while busy"] < 1.5, taken
    # Idle: the push waits only for the push interval left since the last one.
    assert taken["push when idle"] < 1.0, taken


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread nice is Linux's")
def test_the_servers_threads_run_below_the_window(venue: Venue) -> None:
    """On two cores the server's threads, the window's and the rest of the laptop
    compete: the window's thread comes first (os_threads.yield_to_the_window)."""
    venue.start()

    async def scenario(client: aiohttp.ClientSession) -> None:
        ws, _state = await hello(client, venue.url, venue.tokens[1])  # read: phones-read
        await ws.send_json(
            {
                "type": "idea",
                "submission_id": "below-window-01",
                "issue_id": venue.issue_id,
                "kind": "need",
                "text": "ลานจอดรถโดยสารประจำทางหน้าตลาดสด",
            }
        )
        while (await ws.receive_json(timeout=10))["type"] != "ack":  # written: phones-write
            pass
        await ws.close()

    run(scenario)
    window = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    servers = {
        thread.name.split("_")[0]: os.getpriority(os.PRIO_PROCESS, thread.native_id or 0)
        for thread in threading.enumerate()
        if thread.name.startswith(("participant-server", "phones-write", "phones-read"))
    }
    assert set(servers) == {"participant-server", "phones-write", "phones-read"}, servers
    assert all(nice == min(19, window + 10) for nice in servers.values()), (window, servers)
