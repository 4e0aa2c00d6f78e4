"""Phones benchmark: the participant server with 300 (and 1,000) WebSocket clients on
loopback.

Run: ``python bench/phones.py`` (``--phones N``, ``--big N`` for the large run, 0 to
skip it; ``--idea-seconds S``; ``--strict`` exits 1 when a target fails).

This process is the app: it holds the database (a temporary SQLite file with the large
demo workshop, everyone checked in, an issue open to phones and a dot round open over
12 project ideas) and runs ``ParticipantServer`` in its thread, as the GUI does. The
phones are a second process (this file with ``--client``): one asyncio loop with one
aiohttp WebSocket per phone, each saying hello with its card's token, so the server's
memory is measured without the clients'. Measured:

* connecting all phones (each gets its first state);
* the app's resident memory (RSS) with every phone connected, minus before any was;
* ballots: every phone sends one ballot at a random moment within 10 s
  (``--ballot-seconds``; less than 2 s for 1,000 phones is more than the writer takes,
  which shows how many it gets through a second); each ack's
  latency (send -> ack), ballots lost (no ack, or not in the database) and duplicated
  (more than one counted ballot of a person); the change signal for the projector after
  the last ballot and the round's results read fresh then (what the voting page and the
  projector do on that signal);
* ideas: 5 ideas a second for 60 s, each from a random phone; the latency from sending
  to each connected phone having the idea in a pushed state, over every (idea, phone);
* restart: the server stopped (how long ``stop`` takes with every phone connected)
  and started again on its port; the time until every phone has reconnected (the
  page's backoff: 0.5 s, then doubled with jitter, at most 4 s) and got its state again.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from figures import Figure, percentile, report

BALLOT_SPREAD = 10.0  # seconds over which the ballots are sent, unless told
GRACE = 5.0  # seconds after a phase for late answers


def _rss_mb() -> float:
    """This process's resident memory now, in MB (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _spread(seconds: list[float]) -> str:
    """Latencies in a line of the report: the median and the worst."""
    return f"p50 {percentile(seconds, 0.5) * 1000:.0f} ms, max {max(seconds) * 1000:.0f} ms"


def _p95(name: str, seconds: list[float]) -> Figure:
    """The figure of a latency, by its 95th percentile (target: under a second)."""
    return (name, percentile(seconds, 0.95) * 1000, 1000, "ms")


def _raise_file_limit() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


# --- the phones (a process of their own) ----------------------------------------------------


class Phones:
    """Many phones in one event loop; each keeps one WebSocket and reconnects like the
    page does when it closes."""

    def __init__(self, url: str, tokens: list[str]) -> None:
        import aiohttp

        self.url = url
        self.tokens = tokens
        # No limit on connections: aiohttp's default of 100 would hold the rest back.
        self.client = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0))
        self.sockets: list[Any] = [None] * len(tokens)
        self.ready = [asyncio.Event() for _ in tokens]
        self.acks: dict[str, asyncio.Future[dict[str, Any]]] = {}
        self.sent: list[tuple[str, float]] = []  # idea markers and when each was sent
        self.seen: list[dict[int, float]] = [{} for _ in tokens]  # phone -> idea -> when
        self.low = [0] * len(tokens)  # per phone: the first idea it has not seen yet
        self.connects = [0] * len(tokens)  # per phone: connections that got a state
        self.closing = False
        self.tasks = [asyncio.ensure_future(self._keep(n)) for n in range(len(tokens))]

    async def _keep(self, number: int) -> None:
        """Connect, read until closed, reconnect with backoff."""
        backoff = 0.5
        while not self.closing:
            try:
                ws = await self.client.ws_connect(self.url + "/ws", heartbeat=None)
            except Exception:
                await asyncio.sleep(backoff * random.uniform(0.8, 1.2))
                backoff = min(4.0, backoff * 2)
                continue
            await ws.send_str(json.dumps({"type": "hello", "token": self.tokens[number]}))
            self.sockets[number] = ws
            async for message in ws:
                if message.type.name != "TEXT":
                    break
                self._take(number, message.data)
                backoff = 0.5
            self.sockets[number] = None
            self.ready[number] = asyncio.Event()
            if not self.closing:
                await asyncio.sleep(backoff * random.uniform(0.8, 1.2))
                backoff = min(4.0, backoff * 2)

    def _take(self, number: int, data: str) -> None:
        whole = data.startswith('{"type":"state"')
        if whole or data.startswith('{"type":"ideas"'):  # a whole state, or new cards
            if whole and not self.ready[number].is_set():
                self.connects[number] += 1
                self.ready[number].set()
            now = time.time()
            seen = self.seen[number]
            # Only the ideas not seen yet, from the first such on: each is searched for
            # in a few pushes, not in every push to the end.
            for index in range(self.low[number], min(len(self.sent), self.low[number] + 100)):
                if index not in seen and self.sent[index][0] in data:
                    seen[index] = now
            while self.low[number] in seen:
                self.low[number] += 1
        elif data.startswith('{"type":"ack"'):
            answer = json.loads(data)
            waiting = self.acks.pop(str(answer.get("submission_id")), None)
            if waiting is not None and not waiting.done():
                waiting.set_result(answer)

    async def all_back(self, timeout: float) -> tuple[int, float]:
        """Wait until every phone has connected again and got a state: how many did,
        and when the last did."""
        deadline = time.time() + timeout
        while time.time() < deadline and min(self.connects) < 2:
            await asyncio.sleep(0.02)
        return sum(1 for c in self.connects if c >= 2), time.time()

    async def all_ready(self, timeout: float) -> tuple[int, float]:
        start = time.time()
        waits = [asyncio.wait_for(event.wait(), timeout) for event in self.ready]
        results = await asyncio.gather(*waits, return_exceptions=True)
        return sum(1 for r in results if r is True), time.time() - start

    async def submit(self, number: int, body: dict[str, Any]) -> tuple[float, bool]:
        """Send on phone ``number``; (seconds to the ack, acknowledged ok)."""
        waiting: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self.acks[body["submission_id"]] = waiting
        start = time.time()
        ws = self.sockets[number]
        if ws is None:
            return float("inf"), False
        await ws.send_str(json.dumps(body, ensure_ascii=False))
        try:
            answer = await asyncio.wait_for(waiting, 30)
        except TimeoutError:
            return float("inf"), False
        return time.time() - start, bool(answer.get("ok"))

    async def ballots(self, round_id: str, cards: list[str], spread: float) -> dict[str, Any]:
        async def one(number: int) -> tuple[float, bool, float]:
            await asyncio.sleep(random.uniform(0, spread))
            picks = random.sample(cards, 3)
            marks = [{"idea_id": picks[0], "value": 2, "criterion_id": None}]
            marks += [{"idea_id": c, "value": 1, "criterion_id": None} for c in picks[1:]]
            body = {
                "type": "ballot",
                "submission_id": f"bench-ballot-{number:05d}",
                "round_id": round_id,
                "marks": marks,
            }
            latency, ok = await self.submit(number, body)
            return latency, ok, time.time()

        results = await asyncio.gather(*(one(n) for n in range(len(self.tokens))))
        acked = [r for r in results if r[1]]
        return {
            "latencies": [r[0] for r in acked],
            "lost": len(results) - len(acked),
            "last_ack": max((r[2] for r in acked), default=0.0),
        }

    async def ideas(self, issue_id: str, rate: float, seconds: float) -> dict[str, Any]:
        count = int(rate * seconds)
        start = time.time()
        acks = []
        for index in range(count):
            await asyncio.sleep(max(0.0, start + index / rate - time.time()))
            marker = f"#{index:05d}#"
            self.sent.append((marker, time.time()))
            number = random.randrange(len(self.tokens))
            body = {
                "type": "idea",
                "submission_id": f"bench-idea-{index:05d}",
                "issue_id": issue_id,
                "kind": random.choice(["problem", "need", "proposal", "project"]),
                "text": f"{marker} ขอให้ปรับปรุงถนนสายบ้านหนองบัว-บ้านโคกสูง และทำรางระบายน้ำ",
            }
            acks.append(asyncio.ensure_future(self.submit(number, body)))
        answered = await asyncio.gather(*acks)
        await asyncio.sleep(GRACE)
        latencies = []
        missing = 0
        for seen in self.seen:
            for index, (_marker, at) in enumerate(self.sent):
                if index in seen:
                    latencies.append(seen[index] - at)
                else:
                    missing += 1
        return {
            "latencies": latencies,
            "missing": missing,
            "acks": [a[0] for a in answered if a[1]],
            "ideas": count,
        }

    async def close(self) -> None:
        self.closing = True
        for ws in self.sockets:
            if ws is not None:
                await ws.close()
        for task in self.tasks:
            task.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)
        await self.client.close()


async def _client_main() -> None:
    """Read commands (JSON lines) on stdin, answer each with a JSON line on stdout."""
    loop = asyncio.get_running_loop()
    phones: Phones | None = None
    while True:
        line = await loop.run_in_executor(None, sys.stdin.readline)
        if not line:
            break
        command = json.loads(line)
        answer: dict[str, Any] = {}
        if command["cmd"] == "connect":
            phones = Phones(command["url"], command["tokens"])
            ready, seconds = await phones.all_ready(command["timeout"])
            answer = {"ready": ready, "seconds": seconds}
        elif command["cmd"] == "ballots" and phones:
            answer = await phones.ballots(
                command["round_id"], command["cards"], command.get("spread", BALLOT_SPREAD)
            )
        elif command["cmd"] == "ideas" and phones:
            answer = await phones.ideas(command["issue_id"], command["rate"], command["seconds"])
        elif command["cmd"] == "reconnect" and phones:
            ready, at = await phones.all_back(command["timeout"])
            answer = {"ready": ready, "at": at}
        elif command["cmd"] == "close":
            if phones:
                await phones.close()
            answer = {"closed": True}
        print(json.dumps(answer), flush=True)
        if command["cmd"] == "close":
            break


# --- the app ----------------------------------------------------------------------------------


class ClientProcess:
    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--client"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ},
        )

    def ask(self, **command: Any) -> dict[str, Any]:
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(json.dumps(command) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError("the phones' process ended")
        answer: dict[str, Any] = json.loads(line)
        return answer

    def close(self) -> None:
        if self.process.poll() is None:
            with contextlib.suppress(RuntimeError, BrokenPipeError):
                self.ask(cmd="close")
            self.process.wait(timeout=60)


def _venue(path: Path, phones_count: int) -> tuple[Any, str, str, str, list[str], list[str]]:
    """The large demo with ``phones_count`` invitees, all checked in and with cards."""
    from sqlalchemy import select

    from workshop_app.db.database import open_database
    from workshop_app.models import Attendee
    from workshop_app.services import attendees, ideas, phones, voting, workshops
    from workshop_app.services.demo import create_demo_workshop

    database = open_database(path)
    with database.transaction() as session:
        # The demo needs its 300 people for its own votes; the bench uses the first ones.
        workshop_id = create_demo_workshop(session, "large", invitees=max(300, phones_count))
    with database.transaction() as session:
        present = set(
            session.scalars(
                select(Attendee.id).where(
                    Attendee.workshop_id == workshop_id, Attendee.checked_in_at.is_not(None)
                )
            )
        )
        for row in attendees.list_attendees(session, workshop_id):
            if row.id not in present:
                attendees.check_in(session, row.id)
        issues = workshops.list_issues(session, workshop_id)
        # Ideas go to an issue of their own: the board phones see grows from empty.
        issue_id = workshops.add_issue(session, workshop_id, "ข้อเสนอจากโทรศัพท์ของผู้เข้าร่วม")
        phones.set_phone_issue(session, workshop_id, issue_id)
        for vote_round in voting.list_rounds(session, workshop_id):
            if vote_round.state == "open":
                voting.close_round(session, vote_round.id)
        cards = voting.ideas_of_issue(session, workshop_id, issues[0].id)[:12]
        if len(cards) < 12:
            cards = [r.id for r in ideas.list_ideas(session, workshop_id)][:12]
        round_id = voting.create_round(
            session,
            workshop_id,
            voting.RoundDraft("ลงคะแนนจากโทรศัพท์", "dots", tuple(cards), dots_per_voter=4),
        )
        voting.open_round(session, round_id)
        links = phones.phone_links(session, workshop_id, "http://bench")
    tokens = [link.url.split("#", 1)[1] for link in links][:phones_count]
    return database, workshop_id, issue_id, round_id, cards, tokens


def run(
    phones_count: int, idea_seconds: float, ballot_seconds: float = BALLOT_SPREAD
) -> list[Figure]:
    from sqlalchemy import func, select

    from workshop_app.models import Ballot
    from workshop_app.participation import ParticipantServer
    from workshop_app.services import voting

    label = f"{phones_count} phones"
    with tempfile.TemporaryDirectory() as folder:
        database, workshop_id, issue_id, round_id, cards, tokens = _venue(
            Path(folder) / "phones.sqlite", phones_count
        )
        signals: list[tuple[float, frozenset[str]]] = []
        server = ParticipantServer(
            database.session,
            workshop_id,
            "127.0.0.1",
            0,
            on_change=lambda kinds: signals.append((time.time(), kinds)),
        )
        url = server.start()
        time.sleep(1.0)
        rss_idle = _rss_mb()
        phones = ClientProcess()
        figures: list[Figure] = []
        try:
            connected = phones.ask(cmd="connect", url=url, tokens=tokens, timeout=120)
            time.sleep(2.0)
            rss_busy = _rss_mb()
            print(
                f"{label}: {connected['ready']} connected in {connected['seconds']:.1f} s; "
                f"app RSS {rss_idle:.0f} MB with none, {rss_busy:.0f} MB with all",
                flush=True,
            )
            figures.append((f"{label}: not connected", phones_count - connected["ready"], 1, ""))
            figures.append(
                (f"{label}: app memory, all connected minus none", rss_busy - rss_idle, 300, "MB")
            )

            cpu, wall = time.process_time(), time.time()
            ballots = phones.ask(
                cmd="ballots", round_id=round_id, cards=cards, spread=ballot_seconds
            )
            cpu, wall = time.process_time() - cpu, time.time() - wall
            print(
                f"{label}: app CPU {cpu:.1f} s in {wall:.1f} s of ballots "
                f"({cpu / phones_count * 1000:.1f} ms a ballot, pushes included); "
                f"load {os.getloadavg()[0]:.1f}",
                flush=True,
            )
            time.sleep(1.0)
            with database.session() as session:
                counted = voting.list_ballots(session, round_id)
                stored = session.scalar(
                    select(func.count())
                    .select_from(Ballot)
                    .where(Ballot.round_id == round_id, Ballot.deleted.is_(False))
                )
            after = [
                at
                for at, kinds in signals
                if "ballots" in kinds and at >= ballots["last_ack"] - 0.5
            ]
            signal_at = min(after) if after else float("inf")
            start = time.perf_counter()
            with database.session() as session:
                voting.round_results(session, round_id)
            recount = time.perf_counter() - start
            people = {b.attendee_id for b in counted}
            acks = ballots["latencies"] or [float("inf")]
            print(
                f"{label}: ballots acked {len(ballots['latencies'])}, counted {len(counted)}, "
                f"stored {stored}; ack {_spread(acks)}; results recount {recount * 1000:.0f} ms",
                flush=True,
            )
            within = f"all sent within {ballot_seconds:g} s"
            figures.append(_p95(f"{label}: ballot ack p95 ({within})", acks))
            figures.append(
                (f"{label}: ballots lost", ballots["lost"] + phones_count - len(people), 1, "")
            )
            figures.append((f"{label}: ballots duplicated", (stored or 0) - len(people), 1, ""))
            figures.append(
                (
                    f"{label}: last ballot to change signal + results recount",
                    (max(0.0, signal_at - ballots["last_ack"]) + recount) * 1000,
                    1000,
                    "ms",
                )
            )

            if idea_seconds > 0:
                rss_before = _rss_mb()
                cpu, wall = time.process_time(), time.time()
                ideas = phones.ask(cmd="ideas", issue_id=issue_id, rate=5.0, seconds=idea_seconds)
                cpu, wall = time.process_time() - cpu, time.time() - wall
                print(
                    f"{label}: app CPU {cpu:.1f} s in {wall:.1f} s of ideas "
                    f"({cpu / wall:.2f} of a core; {cpu / ideas['ideas'] * 1000:.0f} ms an idea, "
                    f"pushes to every phone included); load {os.getloadavg()[0]:.1f}",
                    flush=True,
                )
                latencies = ideas["latencies"] or [float("inf")]
                print(
                    f"{label}: {ideas['ideas']} ideas over {idea_seconds:.0f} s; push latency "
                    f"{_spread(latencies)} over {len(latencies)} (idea, phone) pairs; ack p95 "
                    f"{percentile(ideas['acks'] or [float('inf')], 0.95) * 1000:.0f} ms; "
                    f"app RSS {rss_before:.0f} -> {_rss_mb():.0f} MB",
                    flush=True,
                )
                push_name = f"{label}: 5 ideas/s, send to every phone's push, p95"
                figures.append(_p95(push_name, latencies))
                figures.append((f"{label}: ideas missing on a phone", ideas["missing"], 1, ""))

            stopping = time.time()
            server.stop()
            stopped = time.time()
            figures.append(
                (f"{label}: stop with every phone connected", stopped - stopping, 1, "s")
            )
            server = ParticipantServer(
                database.session, workshop_id, "127.0.0.1", int(url.rsplit(":", 1)[1])
            )
            server.start()
            back = phones.ask(cmd="reconnect", timeout=60)
            print(
                f"{label}: {back['ready']} reconnected {back['at'] - stopped:.1f} s after the stop",
                flush=True,
            )
            figures.append(
                (f"{label}: all reconnected after a restart", back["at"] - stopped, 10, "s")
            )
            figures.append((f"{label}: not reconnected", phones_count - back["ready"], 1, ""))
        finally:
            phones.close()
            server.stop()
            database.close()
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--client", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--phones", type=int, default=300)
    parser.add_argument("--big", type=int, default=1000, help="the large run's phones (0: none)")
    parser.add_argument("--idea-seconds", type=float, default=60.0)
    parser.add_argument(
        "--ballot-seconds",
        type=float,
        default=BALLOT_SPREAD,
        help="seconds the ballots are sent over",
    )
    parser.add_argument("--strict", action="store_true")
    args = parser.parse_args()
    _raise_file_limit()
    if args.client:
        asyncio.run(_client_main())
        return 0
    print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores", flush=True)
    figures = run(args.phones, args.idea_seconds, args.ballot_seconds)
    met = report(f"Phones ({args.phones}, loopback)", figures)
    if args.big:
        big = run(args.big, min(args.idea_seconds, 20.0), args.ballot_seconds)
        report(f"Phones ({args.big}, loopback; reported, targets are for 300)", big)
    return 1 if args.strict and not met else 0


if __name__ == "__main__":
    threading.current_thread().name = "bench"
    sys.exit(main())
