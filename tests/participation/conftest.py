"""A venue for the participant server's tests: a real SQLite file with a workshop in
Chiang Rai, 36 checked-in people with cards, an issue open to phones, a server on a free
loopback port serving a small page (the real page is tested with a browser elsewhere)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import aiohttp
import pytest

from tests.participation.phone_state import applied
from workshop_app.db.database import Database
from workshop_app.participation import Limits, ParticipantServer
from workshop_app.services import attendees, ideas, phones, voting
from workshop_app.services.voting import RoundDraft
from workshop_app.services.workshops import add_issue, add_sector, create_workshop

T = TypeVar("T")

FIRST = ("บุญมี", "คำแสน", "อำพร", "จันทร์เพ็ญ", "ทองคำ", "ศรีนวล", "แสงเดือน", "ปัญญา", "สุดใจ")
LAST = ("ใจมา", "อินต๊ะ", "กันทะวงศ์", "ปินตา")
PAGE = '<!doctype html><html lang="th"><meta charset="utf-8"><title>ร่วมเสนอความคิด</title></html>'


@dataclass
class Venue:
    db: Database
    workshop_id: str
    issue_id: str
    sectors: list[str]
    tokens: list[str]  # one per person, in the order people were added
    people: list[str]
    server: ParticipantServer
    changes: list[frozenset[str]] = field(default_factory=list)

    @property
    def url(self) -> str:
        return self.server.url

    def start(
        self, limits: Limits | None = None, give_way: Callable[[], float] | None = None
    ) -> str:
        """Start (or restart, with other limits or a host to give way to) the server on
        its port."""
        self.server.stop()
        port = self.server.port
        self.server = ParticipantServer(
            self.db.session,
            self.workshop_id,
            "127.0.0.1",
            port,
            on_change=self.changes.append,
            limits=limits,
            static_dir=self.server.static_dir,
            give_way=give_way,
        )
        return self.server.start()


def make_people(db: Database, workshop_id: str, sectors: list[str], count: int) -> list[str]:
    drafts = [
        attendees.AttendeeDraft(
            FIRST[n % len(FIRST)],
            sectors[n % len(sectors)],
            f"{LAST[n % len(LAST)]}{n}",
            organisation="เทศบาลตำบลเวียงชัย",
        )
        for n in range(count)
    ]
    with db.transaction() as session:
        ids = attendees.add_attendees(session, workshop_id, drafts)
        for person in ids:
            attendees.check_in(session, person)
    return ids


@pytest.fixture
def venue(db: Database, tmp_path: Path) -> Iterator[Venue]:
    with db.transaction() as session:
        workshop_id = create_workshop(session, "ประชุมเชิงปฏิบัติการทบทวนแผนพัฒนาจังหวัดเชียงราย")
        issue_id = add_issue(session, workshop_id, "การค้าชายแดนแม่สายและเชียงของ")
        sectors = [
            add_sector(session, workshop_id, "สภาอุตสาหกรรมจังหวัด", "#1d3557"),
            add_sector(session, workshop_id, "วิสาหกิจชุมชนชาอูหลง", "#6a994e"),
        ]
        phones.set_phone_issue(session, workshop_id, issue_id)
    people = make_people(db, workshop_id, sectors, 36)
    with db.transaction() as session:
        tokens = [
            link.url.split("#", 1)[1]
            for link in sorted(
                phones.phone_links(session, workshop_id, "http://x"),
                key=lambda link: people.index(link.attendee_id),
            )
        ]
    static = tmp_path / "static"
    static.mkdir()
    (static / "index.html").write_text(PAGE, encoding="utf-8")
    (static / "app.js").write_text("document.title = 'ok';", encoding="utf-8")
    changes: list[frozenset[str]] = []
    server = ParticipantServer(
        db.session, workshop_id, "127.0.0.1", 0, on_change=changes.append, static_dir=static
    )
    server.start()
    found = Venue(db, workshop_id, issue_id, sectors, tokens, people, server, changes)
    yield found
    found.server.stop()


def dots_round(venue: Venue) -> tuple[str, list[str]]:
    """A dot round open over four cards of the open issue: (round id, card ids)."""
    with venue.db.transaction() as session:
        cards = [
            ideas.add_idea(
                session, venue.workshop_id, venue.issue_id, ideas.IdeaDraft(text, "project")
            )
            for text in (
                "ศูนย์กระจายสินค้าชายแดนเชียงของ",
                "ถนนเลี่ยงเมืองแม่สาย",
                "ตลาดชาและกาแฟดอยแม่สลอง",
                "ด่านศุลกากรอัจฉริยะ",
            )
        ]
        round_id = voting.create_round(
            session,
            venue.workshop_id,
            RoundDraft("คัดเลือกโครงการการค้าชายแดน", "dots", tuple(cards)),
        )
        voting.open_round(session, round_id)
    venue.server.notify_changed()
    return round_id, cards


def run(scenario: Callable[[aiohttp.ClientSession], Awaitable[T]]) -> T:
    """Run a scenario with an HTTP client session (aiohttp, real sockets on loopback)."""

    async def main() -> T:
        async with aiohttp.ClientSession() as client:
            return await scenario(client)

    return asyncio.run(main())


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def hello(
    client: aiohttp.ClientSession, url: str, token: str
) -> tuple[aiohttp.ClientWebSocketResponse, dict[str, Any]]:
    """A WebSocket that said hello, and the first state it got."""
    ws = await client.ws_connect(url + "/ws")
    await ws.send_json({"type": "hello", "token": token})
    state = await ws.receive_json(timeout=10)
    return ws, state


async def next_of(
    ws: aiohttp.ClientWebSocketResponse, kind: str, timeout: float = 10
) -> dict[str, Any]:
    """The next message of ``kind`` ("state", "ack") on the socket."""
    while True:
        message: dict[str, Any] = await ws.receive_json(timeout=timeout)
        if message.get("type") == kind:
            return message


async def next_state(
    ws: aiohttp.ClientWebSocketResponse, state: dict[str, Any], timeout: float = 10
) -> dict[str, Any]:
    """The phone's state after the next push on the socket (a whole state or a patch)."""
    while True:
        message: dict[str, Any] = await ws.receive_json(timeout=timeout)
        if message.get("type") in ("state", "ideas"):
            return applied(state, message)
