"""The participant server: aiohttp in a thread of its own, with its own event loop.

Phones reach it over the venue network (docs/participant-api.md). The event loop only
parses, checks and sends; database reads run on one worker thread and writes (through
``services.phones``) on another, so neither a slow disk nor the GUI (which holds the
same database) ever blocks the loop, and the loop never blocks the GUI. Every change (a
phone's write, or the host's ``notify_changed``) raises the state version; phones get
the new state pushed at most ``PUSH_INTERVAL`` apart, so 300 phones and five ideas a
second make a few pushes a second, not hundreds.

Group commit: writes that arrive while the writing thread is busy queue up, and the
thread then takes all of them into ONE transaction (one fsync), each inside a savepoint
of its own. A write refused by a rule (a closed round, too many dots, a revoked token)
is undone alone and answered with its refusal; the others commit. Any other error (the
disk, a bug) undoes the whole group and none of it is acknowledged as done: the phones
send again, and the submission ids make a resend count once, also when two copies of
one submission fall in the same group (the first one's record is in the session when
the second looks for it). A phone is acknowledged only after the commit holding its
write. A lone write waits for nobody: a group is whatever queued meanwhile, at most
``GROUP_MAX`` writes, so that acknowledgements keep flowing when hundreds queue.

Stopping: a poll waiting for a change is answered at once, every socket is closed with
1001, then aiohttp's runner ends; ``stop`` returns when the port is free again.

Security on a shared network: the server listens on the host it is given only; the
token never appears in a URL the server sees and is never logged (no access log; errors
are logged as ``safe_traceback``, without messages); every request is size-limited,
rate-limited per address and per token, and shape-checked; a token opens one person's
view of one workshop; nothing the facilitator does is served.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import json
import logging
import re
import socket
import threading
import time
from collections.abc import Awaitable, Callable, Coroutine, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from aiohttp import WSCloseCode, WSMsgType, web
from sqlalchemy.orm import Session

from workshop_app.errors import FieldError, UserError, safe_traceback
from workshop_app.os_threads import yield_to_the_window
from workshop_app.participation import protocol
from workshop_app.participation.messages import (
    STATE_PREFIX,
    Card,
    OwnPart,
    Push,
    encode_states,
    frame,
    own_part,
    push_messages,
)
from workshop_app.participation.protocol import ProtocolError
from workshop_app.resources import font_files
from workshop_app.services import phones
from workshop_app.services.phones import Participant, PhoneRequestError

log = logging.getLogger(__name__)


class _WithoutDetails(logging.Filter):
    """aiohttp's own log records without their values and exception texts: the error of
    a malformed request quotes the bytes it stopped at, which may be a header holding a
    token; the remote address is left out too. The kind of error is kept."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.exc_info[1] is not None:
            kind = type(record.exc_info[1]).__name__
            record.msg = f"{record.msg} ({kind}; details left out)"
            record.exc_info = None
            record.exc_text = None
        record.args = ()
        return True


_WITHOUT_DETAILS = _WithoutDetails()
for _name in ("aiohttp.server", "aiohttp.web", "aiohttp.access", "aiohttp.websocket"):
    logging.getLogger(_name).addFilter(_WITHOUT_DETAILS)

STATIC_DIR = Path(__file__).resolve().parent / "static"
PUSH_INTERVAL = 0.4  # seconds between two state pushes, at least
CHANGE_INTERVAL = 0.3  # seconds between two ``on_change`` calls, at least
POLL_WAIT = 25.0  # how long GET /api/state?since=N waits for a change
ASK_GATHER = 0.02  # seconds phones' first states are gathered to be read together
# Writes committed together at the most: one commit (one fsync) per group, and still an
# acknowledgement every 0.1-0.3 s when a thousand ballots queue (a write is ~3-7 ms of
# work; none in a group is acknowledged before the group's commit).
GROUP_MAX = 32
HELLO_WAIT = 10.0  # a WebSocket that says nothing for this long is closed
SEND_WAIT = 10.0  # a phone that does not take a push in this long is dropped
# The longest the server's own work (a push, a group of writes) waits at one point
# while the host serves its user (``give_way``): phones' updates come this much later
# at worst, and the laptop's typing is not shared with them.
GIVE_WAY_MAX = 0.15
POLLER_SEEN = POLL_WAIT + 15.0  # a polling phone counts as connected this long
CLOSE_UNAUTHORIZED = 4401  # WebSocket close code: unknown or revoked token
_FILE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}")
_STATIC_TYPES = {
    ".html": "text/html",
    ".js": "text/javascript",
    ".css": "text/css",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
}

T = TypeVar("T")


@dataclass(frozen=True)
class Limits:
    """Sizes and rates the server accepts. ``exempt_loopback``: requests from this
    computer itself (the bench, the self-test) are not rate-limited per address; a
    phone never comes from loopback."""

    max_body: int = 16 * 1024  # bytes of an HTTP body
    max_message: int = 16 * 1024  # bytes of a WebSocket message
    address_rate: float = 20.0  # requests (and WebSocket messages) a second per address
    address_burst: float = 60.0
    token_rate: float = 5.0  # submissions and state requests a second per token
    token_burst: float = 20.0
    walk_in_rate: float = 0.1  # walk-in attempts a second per address (the code is 6 digits)
    walk_in_burst: float = 5.0
    sockets_per_token: int = 4
    sockets_per_address: int = 40
    max_sockets: int = 3000
    exempt_loopback: bool = True


class _Buckets:
    """Token buckets by key: ``allow`` takes one unit if the key has one left."""

    def __init__(self, rate: float, burst: float, max_keys: int = 50_000) -> None:
        self.rate = rate
        self.burst = burst
        self.max_keys = max_keys
        self._buckets: dict[str, tuple[float, float]] = {}

    def allow(self, key: str, now: float) -> bool:
        level, stamp = self._buckets.get(key, (self.burst, now))
        level = min(self.burst, level + (now - stamp) * self.rate)
        if level < 1.0:
            self._buckets[key] = (level, now)
            return False
        if len(self._buckets) >= self.max_keys and key not in self._buckets:
            # Full buckets hold no information: forget them (a flood of made-up keys).
            self._buckets = {
                k: v
                for k, v in self._buckets.items()
                if v[0] + (now - v[1]) * self.rate < self.burst
            }
        self._buckets[key] = (level - 1.0, now)
        return True


class _RefusedError(Exception):
    """An answer other than success: HTTP status, code and message."""

    def __init__(self, status: int, code: str, thai: str, english: str) -> None:
        super().__init__(english)
        self.status = status
        self.code = code
        self.thai = thai
        self.english = english

    def body(self) -> dict[str, Any]:
        return {"ok": False, "error": {"code": self.code, "th": self.thai, "en": self.english}}


def _unauthorized() -> _RefusedError:
    return _RefusedError(
        401,
        "unauthorized",
        "ลิงก์หรือบัตรนี้ใช้ไม่ได้แล้ว กรุณาติดต่อเจ้าหน้าที่",
        "this link or card no longer works; ask the staff",
    )


def _rate_limited() -> _RefusedError:
    return _RefusedError(
        429, "rate_limited", "ส่งถี่เกินไป กรุณารอสักครู่แล้วลองใหม่", "too many requests; wait a moment"
    )


def _too_large() -> _RefusedError:
    return _RefusedError(413, "too_large", "ข้อมูลที่ส่งมีขนาดใหญ่เกินไป", "the request is too large")


def _not_found() -> _RefusedError:
    return _RefusedError(404, "not_found", "ไม่พบหน้าที่ต้องการ", "not found")


def _too_many_sockets() -> _RefusedError:
    return _RefusedError(
        429, "too_many_connections", "เชื่อมต่อพร้อมกันมากเกินไป", "too many connections at once"
    )


def _refusal_of(error: Exception) -> _RefusedError:
    """The answer to an error from the services or the protocol checks."""
    if isinstance(error, _RefusedError):
        return error
    if isinstance(error, ProtocolError):
        return _RefusedError(400, error.code, error.thai, error.english)
    if isinstance(error, PhoneRequestError):
        return _RefusedError(error.status, error.code, error.thai, error.english)
    if isinstance(error, FieldError):
        return _RefusedError(400, f"invalid_{error.field}", error.thai, error.english)
    if isinstance(error, UserError):
        return _RefusedError(400, "refused", error.thai, error.english)
    raise error


def _json(status: int, body: dict[str, Any]) -> web.Response:
    return web.Response(
        status=status,
        text=json.dumps(body, ensure_ascii=False, separators=(",", ":")),
        content_type="application/json",
        charset="utf-8",
        headers={"Cache-Control": "no-store"},
    )


def lan_address() -> str:
    """This computer's address on the local network (for the URL on the cards), found
    without sending anything; 127.0.0.1 when it has no network."""
    for probe in ("10.255.255.255", "192.168.255.255", "172.31.255.255"):
        with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect((probe, 1))  # UDP: chooses a route, sends nothing
            address = str(s.getsockname()[0])
            if not address.startswith(("127.", "0.")):
                return address
    return "127.0.0.1"


def _is_loopback(address: str) -> bool:
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


@dataclass(eq=False)  # each connection is itself, whatever it holds
class _Phone:
    """A phone connected by WebSocket."""

    ws: web.WebSocketResponse
    token: str
    participant: Participant
    address: str
    # What the phone was last sent (messages.py): the version, the cards, the rest of
    # what everyone sees, and its own part. A push sends it a patch of the cards when
    # only they changed, and nothing when nothing did.
    sent_version: int = -1
    board: Sequence[Card] | None = None
    frame: tuple[object, ...] = ()
    own: OwnPart = ()

    def remember(self, version: int, parts: phones.StateParts, own: OwnPart) -> None:
        self.sent_version = version
        self.board, self.frame, self.own = parts.board, frame(parts), own


@dataclass(frozen=True)
class _WholeState:
    """A phone's whole state message, with what it was made from."""

    message: bytes
    version: int
    parts: phones.StateParts
    own: OwnPart


class ParticipantServer:
    """The HTTP/WebSocket server for one workshop's participants. ``start`` runs it in a
    thread of its own; ``stop`` ends it and closes every connection (phones reconnect by
    themselves when it starts again)."""

    def __init__(
        self,
        session_factory: Callable[[], Session],
        workshop_id: str,
        host: str = "0.0.0.0",
        port: int = 8765,
        *,
        on_change: Callable[[frozenset[str]], None] | None = None,
        limits: Limits | None = None,
        static_dir: Path | None = None,
        give_way: Callable[[], float] | None = None,
        write_gate: Callable[[], AbstractContextManager[None]] | None = None,
    ) -> None:
        """``give_way``: seconds the host asks the server to hold back its own work
        just now (the laptop's user is being served), 0 when none; asked from the
        server's thread. ``write_gate``: held around each group of writes, the turn
        this process's writers take before SQLite's lock (``Database.write_gate``)."""
        self._session_factory = session_factory
        self._give_way_for = give_way
        self._write_gate = write_gate or contextlib.nullcontext
        self.workshop_id = workshop_id
        self.host = host
        self.port = port
        self._on_change = on_change
        self.limits = limits or Limits()
        self.static_dir = static_dir or STATIC_DIR
        self._fonts = {path.name: path for path in font_files()}
        self._url = ""
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None
        # Writes on one thread, one at a time (SQLite has one writer); reads (the states
        # pushed) on another, so that a phone's idea is never queued behind a push.
        self._db: ThreadPoolExecutor | None = None
        self._reader: ThreadPoolExecutor | None = None
        # Writes waiting for the writing thread, each with what awaits its outcome; the
        # thread takes up to GROUP_MAX of them and commits them together (group commit).
        self._queued_writes: list[tuple[Callable[[Session], Any], asyncio.Future[Any]]] = []
        self._writing = False
        self._stopping: asyncio.Event | None = None
        # Loop-thread state.
        self._version = 0
        self._changed: asyncio.Event | None = None
        self._phones: set[_Phone] = set()
        self._sockets_by_token: dict[str, int] = {}
        self._sockets_by_address: dict[str, int] = {}
        self._push_busy = False
        self._push_again = False
        self._push_started = 0.0
        # The parts read last, and the generation of what everyone shares they were read
        # at (used on the reading thread only); the generation moves on at every change
        # but one to people's own parts (a ballot), which marks them dirty instead.
        self._shared: tuple[int, phones.StateParts | None] = (-1, None)
        self._generation = 0
        self._dirty: set[str] | None = None
        self._asking: list[tuple[Participant, asyncio.Future[_WholeState]]] = []
        self._tasks: set[asyncio.Task[None]] = set()
        self._next_push = 0.0
        self._pending_kinds: set[str] = set()
        self._change_scheduled = False
        self._last_change = 0.0
        self._by_address = _Buckets(self.limits.address_rate, self.limits.address_burst)
        self._by_token = _Buckets(self.limits.token_rate, self.limits.token_burst)
        self._walk_ins = _Buckets(self.limits.walk_in_rate, self.limits.walk_in_burst)
        # Read from other threads (connected_by_sector): guarded by the lock.
        self._presence_lock = threading.Lock()
        self._socket_people: dict[str, tuple[str, int]] = {}  # attendee -> (sector, sockets)
        self._pollers: dict[str, tuple[str, float]] = {}  # attendee -> (sector, last seen)

    # --- life ------------------------------------------------------------------------------

    @property
    def url(self) -> str:
        return self._url

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive() and bool(self._url)

    def start(self) -> str:
        """Start serving; return the URL phones use. UserError if the port is taken."""
        if self.running:
            return self._url
        started = threading.Event()
        failure: list[BaseException] = []
        self._db = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="phones-write", initializer=yield_to_the_window
        )
        self._reader = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="phones-read", initializer=yield_to_the_window
        )
        self._thread = threading.Thread(
            target=self._run, args=(started, failure), name="participant-server", daemon=True
        )
        self._thread.start()
        started.wait()
        if failure:
            self._thread.join()
            self._thread = None
            self._db.shutdown(wait=True)
            if self._reader is not None:
                self._reader.shutdown(wait=True)
            error = failure[0]
            if isinstance(error, OSError):
                raise UserError(
                    f"เปิดเซิร์ฟเวอร์สำหรับโทรศัพท์ที่ {self.host}:{self.port} ไม่ได้ "
                    f"(พอร์ตอาจถูกใช้อยู่แล้ว หรือไม่มีที่อยู่นี้ในเครื่อง: {error.strerror or error})",
                    f"cannot serve phones on {self.host}:{self.port} (the port may be in "
                    f"use, or this computer has no such address: {error.strerror or error})",
                ) from None
            raise error
        return self._url

    def _run(self, started: threading.Event, failure: list[BaseException]) -> None:
        yield_to_the_window()
        loop = asyncio.new_event_loop()
        self._loop = loop
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(self._serve(started))
        except BaseException as error:  # reported to start(), which raises it
            if not started.is_set():
                failure.append(error)
                started.set()
            else:
                log.error("participant server stopped: %s", safe_traceback(error))
        finally:
            with contextlib.suppress(Exception):
                loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()
            self._loop = None
            self._url = ""

    async def _serve(self, started: threading.Event) -> None:
        self._stopping = asyncio.Event()
        self._changed = asyncio.Event()
        # Above every version an earlier run of the server could have reached, so that a
        # polling phone's "since" from before a restart is never taken as current.
        self._version = int(time.time() * 1000)
        app = web.Application(
            client_max_size=self.limits.max_body, middlewares=[self._guard], handler_args={}
        )
        app.router.add_get("/", self._index)
        app.router.add_get("/static/{name}", self._static)
        app.router.add_get("/fonts/{name}", self._font)
        app.router.add_get("/api/info", self._info)
        app.router.add_post("/api/walk-in", self._walk_in)
        app.router.add_get("/api/state", self._state)
        app.router.add_post("/api/ideas", self._ideas)
        app.router.add_post("/api/ballots", self._ballots)
        app.router.add_get("/ws", self._socket)
        # No access log: a request line or header could carry what must not be logged.
        self._runner = web.AppRunner(
            app, access_log=None, handle_signals=False, shutdown_timeout=2.0
        )
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port, backlog=1024)
        try:
            await site.start()
        except BaseException:
            await self._runner.cleanup()
            raise
        port = self.port
        for address in self._runner.addresses:
            if isinstance(address, tuple):
                port = int(address[1])
                break
        self.port = port
        shown = lan_address() if self.host in ("", "0.0.0.0", "::") else self.host
        if ":" in shown:
            shown = f"[{shown}]"
        self._url = f"http://{shown}:{port}"
        started.set()
        await self._stopping.wait()
        # Every phone told at once (one by one, 300 took most of a minute); a phone that
        # does not answer its close in 2 s is dropped. Phones reconnect by themselves.
        closing = [
            asyncio.wait_for(
                phone.ws.close(code=WSCloseCode.GOING_AWAY, message=b"server stopping"), 2.0
            )
            for phone in list(self._phones)
        ]
        await asyncio.gather(*closing, return_exceptions=True)
        await self._runner.cleanup()

    def stop(self) -> None:
        """Stop serving and close every connection; returns when all is closed."""
        loop, thread = self._loop, self._thread
        if loop is not None and self._stopping is not None:
            with contextlib.suppress(RuntimeError):  # the loop has just ended
                loop.call_soon_threadsafe(self._stopping.set)
        if thread is not None:
            thread.join(timeout=30)
        self._thread = None
        for executor in (self._db, self._reader):
            if executor is not None:
                executor.shutdown(wait=True)
        self._db = self._reader = None
        with self._presence_lock:
            self._socket_people.clear()
            self._pollers.clear()
        self._url = ""

    # --- what the host asks -------------------------------------------------------------------

    def connected_by_sector(self) -> dict[str, int]:
        """Sector name -> people whose phones are connected now (by WebSocket, or polling
        within the last ``POLLER_SEEN`` seconds); each person once."""
        now = time.monotonic()
        with self._presence_lock:
            people = {a: sector for a, (sector, _n) in self._socket_people.items()}
            for attendee, (sector, seen) in self._pollers.items():
                if now - seen <= POLLER_SEEN:
                    people.setdefault(attendee, sector)
        counts: dict[str, int] = {}
        for sector in people.values():
            counts[sector] = counts.get(sector, 0) + 1
        return counts

    def notify_changed(self) -> None:
        """The host wrote something phones show (the board, a round, the open issue):
        send the new state to the phones (throttled). Safe from any thread."""
        loop = self._loop
        if loop is not None:
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(self._bump, frozenset())

    # --- database, off the loop ---------------------------------------------------------------

    async def _read(self, query: Callable[[Session], T]) -> T:
        def run() -> T:
            with self._session_factory() as session:
                return query(session)

        assert self._reader is not None
        return await asyncio.get_running_loop().run_in_executor(self._reader, run)

    async def _write(self, action: Callable[[Session], T]) -> T:
        """``action``'s result once the transaction holding it is committed. Writes
        asked for while the writing thread is busy wait and go in the next group."""
        done: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._queued_writes.append((action, done))
        if not self._writing:
            self._writing = True
            self._background(self._write_queued())
        result: T = await done
        return result

    async def _write_queued(self) -> None:
        """Commit the queued writes, a group at a time, until none is left."""
        loop = asyncio.get_running_loop()
        try:
            while self._queued_writes:
                await self._give_way()
                group = self._queued_writes[:GROUP_MAX]
                del self._queued_writes[:GROUP_MAX]
                assert self._db is not None
                try:
                    outcomes = await loop.run_in_executor(
                        self._db, self._commit_group, [action for action, _done in group]
                    )
                except Exception as error:  # the group's transaction failed: nobody is ok
                    outcomes = [(False, error)] * len(group)
                for (_action, done), (ok, value) in zip(group, outcomes, strict=True):
                    if done.done():
                        continue
                    if ok:
                        done.set_result(value)
                    else:
                        done.set_exception(value)
        finally:
            self._writing = False

    def _commit_group(self, actions: list[Callable[[Session], Any]]) -> list[tuple[bool, Any]]:
        """Apply writes in one transaction, each in a savepoint of its own: a write
        refused (a rule broken) is undone alone and its refusal is its outcome. Any
        other error undoes the whole group (raised: every write in it fails). On the
        writing thread."""
        outcomes: list[tuple[bool, Any]] = []
        with self._write_gate(), self._session_factory() as session, session.begin():
            _begin_immediate(session)
            for action in actions:
                try:
                    with session.begin_nested():
                        outcomes.append((True, action(session)))
                except (_RefusedError, ProtocolError, UserError) as refusal:
                    outcomes.append((False, refusal))
        return outcomes

    # --- versions, pushes and change signals (on the loop) ----------------------------------------

    def _bump(self, kinds: Iterable[str], people: Iterable[str] | None = None) -> None:
        """Something changed: a new version, a push soon. ``people``: only these
        attendees' own parts changed (their ballots); None: anything may have."""
        self._version += 1
        if people is None:
            self._generation += 1
            self._dirty = None
        elif self._dirty is not None:
            self._dirty.update(people)
        if self._changed is not None:
            self._changed.set()
            self._changed = asyncio.Event()
        kinds = frozenset(kinds)
        if kinds:
            self._note_change(kinds)
        self._schedule_push()

    def _schedule_push(self) -> None:
        if self._push_busy:
            self._push_again = True
            return
        self._push_busy = True
        loop = asyncio.get_running_loop()
        delay = max(0.0, self._next_push - loop.time())
        loop.call_later(delay, self._start_push)

    def _start_push(self) -> None:
        self._push_again = False
        self._push_started = asyncio.get_running_loop().time()
        task = self._background(self._push())
        task.add_done_callback(self._push_done)

    def _push_done(self, task: asyncio.Task[None]) -> None:
        self._push_busy = False
        # The next push waits at least PUSH_INTERVAL from this one's start, and as long
        # as this one took after its end: pushing to hundreds of phones then takes at
        # most half the time, and the rest is left for their ideas and ballots.
        now = asyncio.get_running_loop().time()
        self._next_push = max(self._push_started + PUSH_INTERVAL, now + (now - self._push_started))
        if not task.cancelled() and task.exception() is not None:
            log.error("state push failed: %s", safe_traceback(task.exception()))  # type: ignore[arg-type]
        if self._push_again:
            self._schedule_push()

    def _background(self, work: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        """A task of the server's own, held until it ends (the loop keeps only a weak
        reference to a task)."""
        task = asyncio.get_running_loop().create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def _state_message(self, participant: Participant) -> _WholeState:
        """One phone's whole "state" message now (a hello, a poll, a sync). Phones asking
        at about the same moment (300 reconnecting after a restart) are answered from
        one read: what everyone shares is reused if nothing changed since, and the
        phones' own parts are read in one query each for all of them."""
        waiting: asyncio.Future[_WholeState] = asyncio.get_running_loop().create_future()
        self._asking.append((participant, waiting))
        if len(self._asking) == 1:
            self._background(self._answer_asking())
        return await waiting

    async def _answer_asking(self) -> None:
        await asyncio.sleep(ASK_GATHER)
        asking, self._asking = self._asking, []
        version, generation = self._version, self._generation
        people = list({p.attendee_id: p for p, _future in asking}.values())

        def read(session: Session) -> dict[str, _WholeState]:
            parts = self._parts(session, generation, people)
            texts = encode_states(version, parts, people)
            return {
                p.attendee_id: _WholeState(texts[p.attendee_id], version, parts, own_part(parts, p))
                for p in people
            }

        try:
            states = await self._read(read)
        except Exception as error:  # each waiting request fails as it would alone
            for _participant, future in asking:
                if not future.done():
                    future.set_exception(error)
            return
        for participant, future in asking:
            if not future.done():
                future.set_result(states[participant.attendee_id])

    def _parts(
        self, session: Session, generation: int, people: list[Participant]
    ) -> phones.StateParts:
        """The parts of these people's states, the shared ones reused from the last read
        when only people's own parts (ballots) changed since. On the reading thread."""
        known, shared = self._shared
        parts = phones.state_parts(
            session, self.workshop_id, people, shared if known == generation else None
        )
        if known != generation:
            self._shared = (generation, parts)
        return parts

    async def _give_way(self) -> None:
        """Wait while the host serves its user (``give_way``), GIVE_WAY_MAX at most.

        The server's threads and the GUI share one interpreter lock: a push planned or
        sent, or a group of writes, while a card is typed on the laptop, makes the typed
        card wait its turn for the lock call by call. The GUI's part is short (a card
        added, drawn) and the phones hardly notice a tenth of a second more."""
        if self._give_way_for is None:
            return
        waited = 0.0
        while waited < GIVE_WAY_MAX:
            pause = min(self._give_way_for(), GIVE_WAY_MAX - waited)
            if pause <= 0:
                return
            await asyncio.sleep(pause)
            waited += pause

    async def _push(self) -> None:
        await self._give_way()
        # Only the phones whose own part changed, when nothing else did (ballots).
        dirty, self._dirty = self._dirty, set()
        connected = [
            p
            for p in self._phones
            if not p.ws.closed and (dirty is None or p.participant.attendee_id in dirty)
        ]
        if not connected:
            return
        version, generation = self._version, self._generation
        tokens = list({p.token for p in connected})
        # What each phone holds, taken here on the loop, which alone changes it.
        holding = [(p.token, p.sent_version, p.board, p.frame, p.own) for p in connected]

        def read(session: Session) -> tuple[dict[str, Participant], Push]:
            found = phones.participants_for_tokens(session, self.workshop_id, tokens)
            people = list({p.attendee_id: p for p in found.values()}.values())
            parts = self._parts(session, generation, people)
            # Encoded here, off the loop: whole states of a long board are megabytes.
            return found, push_messages(version, parts, found, holding)

        found, push = await self._read(read)
        await self._give_way()
        sends = []
        again = False
        for phone, (base, message, own) in zip(connected, push.messages, strict=True):
            participant = found.get(phone.token)
            if participant is None:
                sends.append(self._refuse_socket(phone.ws, _unauthorized()))
                continue
            if message is None:  # nothing new: it keeps its version, and what it holds
                continue
            whole = message.startswith(STATE_PREFIX)
            if phone.sent_version != base and not (whole and version > phone.sent_version):
                # Sent something else meanwhile (its first state): a patch made for what
                # it held before no longer fits; it gets a whole state next time.
                phone.board, again = None, True
                continue
            phone.remember(version, push.parts, own)
            sends.append(self._send_bytes(phone.ws, message))
        await asyncio.gather(*sends)
        if again:
            self._bump(())

    async def _send(self, ws: web.WebSocketResponse, text: str) -> None:
        await self._send_bytes(ws, text.encode("utf-8"))

    async def _send_bytes(self, ws: web.WebSocketResponse, data: bytes) -> None:
        """Send UTF-8 JSON as a text message (encoded once, for hundreds of phones)."""
        if ws.closed:
            return
        try:
            await asyncio.wait_for(ws.send_frame(data, WSMsgType.TEXT), SEND_WAIT)
        except (TimeoutError, ConnectionError, RuntimeError):
            # A phone gone or too slow: closed; it reconnects and gets the state anew.
            with contextlib.suppress(Exception):
                await asyncio.wait_for(ws.close(code=WSCloseCode.GOING_AWAY), 1.0)

    def _note_change(self, kinds: Iterable[str]) -> None:
        if self._on_change is None:
            return
        self._pending_kinds.update(kinds)
        if self._change_scheduled:
            return
        self._change_scheduled = True
        loop = asyncio.get_running_loop()
        delay = max(0.0, self._last_change + CHANGE_INTERVAL - loop.time())
        loop.call_later(delay, self._flush_changes)

    def _flush_changes(self) -> None:
        self._change_scheduled = False
        self._last_change = asyncio.get_running_loop().time()
        kinds, self._pending_kinds = frozenset(self._pending_kinds), set()
        if kinds and self._on_change is not None:
            try:
                self._on_change(kinds)
            except Exception as error:  # the host's bug must not stop the server
                log.error("on_change failed: %s", safe_traceback(error))

    # --- the gate every request passes ------------------------------------------------------------

    @web.middleware
    async def _guard(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        try:
            self._limit_address(request)
            length = request.content_length
            if length is not None and length > self.limits.max_body:
                raise _too_large()
            response = await handler(request)
        except web.HTTPException as error:  # aiohttp's own: no route, wrong method, too large
            if error.status == 404:
                refusal = _not_found()
            elif error.status == 413:
                refusal = _too_large()
            else:
                refusal = _RefusedError(
                    error.status, "http_error", "คำขอไม่ถูกต้อง", error.reason or "bad request"
                )
            response = _json(refusal.status, refusal.body())
        except (_RefusedError, ProtocolError, UserError) as error:
            refusal = _refusal_of(error)
            response = _json(refusal.status, refusal.body())
        except asyncio.CancelledError:
            raise
        except Exception as error:  # a bug: logged without its message (it may hold data)
            log.error("participant request failed: %s", safe_traceback(error))
            response = _json(
                500,
                {
                    "ok": False,
                    "error": {
                        "code": "internal",
                        "th": "เกิดข้อผิดพลาดในเครื่องผู้ดำเนินการ กรุณาลองใหม่",
                        "en": "the facilitator's computer had a problem; try again",
                    },
                },
            )
        if not response.prepared:
            headers = response.headers
            headers.setdefault("X-Content-Type-Options", "nosniff")
            headers.setdefault("Referrer-Policy", "no-referrer")
            headers.setdefault("X-Frame-Options", "DENY")
            headers.setdefault(
                "Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self'; font-src 'self'; "
                f"img-src 'self' data:; connect-src 'self' ws://{request.host}; "
                "frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
            )
        return response

    def _limit_address(self, request: web.Request) -> None:
        address = request.remote or ""
        if self.limits.exempt_loopback and _is_loopback(address):
            return
        if not self._by_address.allow(address, time.monotonic()):
            raise _rate_limited()

    def _limit_token(self, token: str) -> None:
        if not self._by_token.allow(token, time.monotonic()):
            raise _rate_limited()

    async def _body(self, request: web.Request) -> dict[str, Any]:
        data = await request.read()  # client_max_size refuses a longer body (413)
        if len(data) > self.limits.max_body:
            raise _too_large()
        return protocol.parse_json(data)

    @staticmethod
    def _bearer(request: web.Request) -> str:
        header = request.headers.get("Authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token:
            raise _unauthorized()
        return token.strip()

    async def _participant(self, token: str) -> Participant:
        found = await self._read(
            lambda session: phones.participant_for_token(session, self.workshop_id, token)
        )
        if found is None:
            raise _unauthorized()
        return found

    # --- files -----------------------------------------------------------------------------

    def _file(self, folder: Path, name: str, content_type: str) -> web.FileResponse:
        path = folder / name
        if not _FILE_NAME.fullmatch(name) or not path.is_file():
            raise _not_found()
        return web.FileResponse(
            path, headers={"Content-Type": content_type, "Cache-Control": "no-cache"}
        )

    async def _index(self, request: web.Request) -> web.StreamResponse:
        return self._file(self.static_dir, "index.html", "text/html; charset=utf-8")

    async def _static(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        content_type = _STATIC_TYPES.get(Path(name).suffix.lower())
        if content_type is None:
            raise _not_found()
        if content_type.startswith("text/") or content_type.endswith("json"):
            content_type += "; charset=utf-8"
        return self._file(self.static_dir, name, content_type)

    async def _font(self, request: web.Request) -> web.StreamResponse:
        path = self._fonts.get(request.match_info["name"])
        if path is None:
            raise _not_found()
        return web.FileResponse(
            path, headers={"Content-Type": "font/ttf", "Cache-Control": "max-age=86400"}
        )

    # --- the API ---------------------------------------------------------------------------

    async def _info(self, request: web.Request) -> web.StreamResponse:
        info = await self._read(lambda session: phones.public_info(session, self.workshop_id))
        return _json(200, info)

    async def _walk_in(self, request: web.Request) -> web.StreamResponse:
        address = request.remote or ""
        exempt = self.limits.exempt_loopback and _is_loopback(address)
        if not exempt and not self._walk_ins.allow(address, time.monotonic()):
            raise _rate_limited()
        body = protocol.walk_in_body(await self._body(request))
        token = await self._write(
            lambda session: phones.join_as_walk_in(
                session,
                self.workshop_id,
                body.code,
                body.first_name,
                body.last_name,
                body.sector_id,
                body.submission_id,
            )
        )
        self._note_change({"attendees"})
        return _json(200, {"token": token})

    async def _state(self, request: web.Request) -> web.StreamResponse:
        token = self._bearer(request)
        self._limit_token(token)
        since_text = request.query.get("since")
        participant = await self._participant(token)
        self._seen_polling(participant)
        if since_text is not None:
            if not since_text.isascii() or not since_text.isdigit() or len(since_text) > 18:
                raise ProtocolError("invalid_since", "since ต้องเป็นตัวเลข", "since must be a number")
            since = int(since_text)
            if since == self._version and await self._change_or_stop(POLL_WAIT):
                participant = await self._participant(token)  # revoked while waiting?
                self._seen_polling(participant)
        whole = await self._state_message(participant)
        return web.Response(
            body=b"{" + whole.message.removeprefix(STATE_PREFIX),  # the state without "type"
            content_type="application/json",
            charset="utf-8",
            headers={"Cache-Control": "no-store"},
        )

    async def _change_or_stop(self, timeout: float) -> bool:
        """Wait until the version moves on, the server stops, or ``timeout`` passes;
        False when the server is stopping. A poll waiting when the server stops is
        answered at once: else aiohttp's shutdown waits ``shutdown_timeout`` for it, then
        fails the request's body (which a poll never reads) and waits as long again
        before cancelling it, and ``stop`` took 4 s."""
        changed, stopping = self._changed, self._stopping
        if changed is None or stopping is None:
            return False
        if stopping.is_set():
            return False
        waits = [asyncio.ensure_future(changed.wait()), asyncio.ensure_future(stopping.wait())]
        try:
            await asyncio.wait(waits, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for wait in waits:
                wait.cancel()
        return not stopping.is_set()

    def _seen_polling(self, participant: Participant) -> None:
        with self._presence_lock:
            known = participant.attendee_id in self._pollers
            self._pollers[participant.attendee_id] = (participant.sector_name, time.monotonic())
        if not known:
            self._note_change({"connections"})

    async def _ideas(self, request: web.Request) -> web.StreamResponse:
        token = self._bearer(request)
        self._limit_token(token)
        answer = await self._submit_idea(token, protocol.idea_body(await self._body(request)))
        return _json(200, answer)

    async def _ballots(self, request: web.Request) -> web.StreamResponse:
        token = self._bearer(request)
        self._limit_token(token)
        answer = await self._submit_ballot(token, protocol.ballot_body(await self._body(request)))
        return _json(200, answer)

    async def _submit_idea(self, token: str, body: protocol.IdeaBody) -> dict[str, Any]:
        def write(session: Session) -> phones.SubmissionResult:
            participant = phones.participant_for_token(session, self.workshop_id, token)
            if participant is None:
                raise _unauthorized()
            return phones.submit_idea(
                session, participant, body.submission_id, body.issue_id, body.kind, body.text
            )

        result = await self._write(write)
        if not result.repeated:
            self._bump({"ideas"})
        return {"ok": True, "idea_id": result.id, "status": result.status}

    async def _submit_ballot(self, token: str, body: protocol.BallotBody) -> dict[str, Any]:
        def write(session: Session) -> tuple[phones.SubmissionResult, str]:
            participant = phones.participant_for_token(session, self.workshop_id, token)
            if participant is None:
                raise _unauthorized()
            result = phones.submit_ballot(
                session, participant, body.submission_id, body.round_id, body.marks
            )
            return result, participant.attendee_id

        result, voter = await self._write(write)
        if not result.repeated:
            self._bump({"ballots"}, people={voter})
        return {"ok": True, "ballot_id": result.id}

    # --- the WebSocket ------------------------------------------------------------------------

    def _origin_allowed(self, request: web.Request) -> bool:
        """A page of another site may not open a socket here in the phone's name."""
        origin = request.headers.get("Origin")
        if origin is None:
            return True
        return origin.split("://", 1)[-1].rstrip("/") == request.host

    async def _socket(self, request: web.Request) -> web.StreamResponse:
        if not self._origin_allowed(request):
            raise _RefusedError(403, "forbidden_origin", "ไม่อนุญาต", "not allowed from another site")
        address = request.remote or ""
        exempt = self.limits.exempt_loopback and _is_loopback(address)
        if len(self._phones) >= self.limits.max_sockets or (
            not exempt
            and self._sockets_by_address.get(address, 0) >= self.limits.sockets_per_address
        ):
            raise _too_many_sockets()
        ws = web.WebSocketResponse(
            heartbeat=30.0, max_msg_size=self.limits.max_message, timeout=2.0
        )
        await ws.prepare(request)
        self._sockets_by_address[address] = self._sockets_by_address.get(address, 0) + 1
        try:
            phone = await self._hello(ws, address)
            if phone is not None:
                await self._converse(phone)
        except Exception as error:  # a bug: the socket is closed, the server carries on
            log.error("participant socket failed: %s", safe_traceback(error))
            with contextlib.suppress(Exception):
                await asyncio.wait_for(ws.close(code=WSCloseCode.INTERNAL_ERROR), 1.0)
        finally:
            left = self._sockets_by_address.get(address, 1) - 1
            if left > 0:
                self._sockets_by_address[address] = left
            else:
                self._sockets_by_address.pop(address, None)
        return ws

    async def _hello(self, ws: web.WebSocketResponse, address: str) -> _Phone | None:
        try:
            message = await ws.receive(timeout=HELLO_WAIT)
        except TimeoutError:
            await ws.close(code=WSCloseCode.POLICY_VIOLATION, message=b"no hello")
            return None
        if message.type != WSMsgType.TEXT:
            await ws.close(code=WSCloseCode.POLICY_VIOLATION)
            return None
        try:
            body = protocol.parse_json(message.data)
        except ProtocolError as error:
            await self._refuse_socket(ws, _refusal_of(error))
            return None
        token = body.get("token")
        if body.get("type") != "hello" or not isinstance(token, str) or len(token) > 128:
            await self._refuse_socket(ws, _unauthorized())
            return None
        try:
            self._limit_token(token)
            participant = await self._participant(token)
        except _RefusedError as refusal:
            await self._refuse_socket(ws, refusal)
            return None
        if self._sockets_by_token.get(token, 0) >= self.limits.sockets_per_token:
            await self._refuse_socket(ws, _too_many_sockets())
            return None
        phone = _Phone(ws, token, participant, address)
        self._connect(phone)
        await self._send_whole_state(phone)
        return phone

    async def _send_whole_state(self, phone: _Phone) -> None:
        """A phone's whole state: its first, or one it asked for (``sync``)."""
        whole = await self._state_message(phone.participant)
        if whole.version >= phone.sent_version:  # a push may have sent a newer one
            phone.remember(whole.version, whole.parts, whole.own)
            await self._send_bytes(phone.ws, whole.message)

    async def _refuse_socket(self, ws: web.WebSocketResponse, refusal: _RefusedError) -> None:
        with contextlib.suppress(Exception):
            await ws.send_str(json.dumps({"type": "error", **refusal.body()}, ensure_ascii=False))
            code = CLOSE_UNAUTHORIZED if refusal.status == 401 else WSCloseCode.POLICY_VIOLATION
            await asyncio.wait_for(ws.close(code=code), 2.0)

    def _connect(self, phone: _Phone) -> None:
        self._phones.add(phone)
        self._sockets_by_token[phone.token] = self._sockets_by_token.get(phone.token, 0) + 1
        attendee = phone.participant.attendee_id
        with self._presence_lock:
            sector, count = self._socket_people.get(attendee, (phone.participant.sector_name, 0))
            self._socket_people[attendee] = (sector, count + 1)
        self._note_change({"connections"})

    def _disconnect(self, phone: _Phone) -> None:
        self._phones.discard(phone)
        left = self._sockets_by_token.get(phone.token, 1) - 1
        if left > 0:
            self._sockets_by_token[phone.token] = left
        else:
            self._sockets_by_token.pop(phone.token, None)
        attendee = phone.participant.attendee_id
        with self._presence_lock:
            sector, count = self._socket_people.get(attendee, ("", 1))
            if count > 1:
                self._socket_people[attendee] = (sector, count - 1)
            else:
                self._socket_people.pop(attendee, None)
        self._note_change({"connections"})

    async def _converse(self, phone: _Phone) -> None:
        ws = phone.ws
        exempt = self.limits.exempt_loopback and _is_loopback(phone.address)
        try:
            async for message in ws:
                if message.type != WSMsgType.TEXT:
                    await ws.close(code=WSCloseCode.UNSUPPORTED_DATA)
                    break
                now = time.monotonic()
                if (not exempt and not self._by_address.allow(phone.address, now)) or (
                    not self._by_token.allow(phone.token, now)
                ):
                    await self._ack(ws, _submission_of(message.data), _rate_limited())
                    continue
                await self._answer(phone, message.data)
        finally:
            self._disconnect(phone)

    async def _answer(self, phone: _Phone, data: str) -> None:
        submission: Any = None
        try:
            body = protocol.parse_json(data)
            submission = body.get("submission_id")
            kind = body.get("type")
            if kind == "idea":
                answer = await self._submit_idea(phone.token, protocol.idea_body(body))
            elif kind == "ballot":
                answer = await self._submit_ballot(phone.token, protocol.ballot_body(body))
            elif kind == "sync":  # the phone missed a patch: it gets the whole state
                phone.participant = await self._participant(phone.token)
                await self._send_whole_state(phone)
                return
            else:
                raise ProtocolError("unknown_type", "ไม่รู้จักชนิดของข้อความ", "unknown message type")
        except (_RefusedError, ProtocolError, UserError) as error:
            refusal = _refusal_of(error)
            await self._ack(phone.ws, submission, refusal)
            if refusal.status == 401:
                await phone.ws.close(code=CLOSE_UNAUTHORIZED)
            return
        await self._send(
            phone.ws,
            json.dumps(
                {"type": "ack", "submission_id": submission, **answer},
                ensure_ascii=False,
                separators=(",", ":"),
            ),
        )

    async def _ack(
        self, ws: web.WebSocketResponse, submission: Any, refusal: _RefusedError
    ) -> None:
        if not isinstance(submission, str) or len(submission) > protocol.MAX_ID_CHARS:
            submission = None
        body = {"type": "ack", "submission_id": submission, **refusal.body()}
        await self._send(ws, json.dumps(body, ensure_ascii=False, separators=(",", ":")))


def _begin_immediate(session: Session) -> None:
    """Open the session's SQLite transaction now, as a writer. Python's sqlite3 would
    open it only at the first INSERT or UPDATE, and a SAVEPOINT before that would be a
    transaction of its own, committed at its release; taking the write lock at the start
    also lets SQLite's busy timeout wait for the GUI's write to end."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return
    raw = connection.connection.dbapi_connection
    if raw is not None and not getattr(raw, "in_transaction", True):
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def _submission_of(data: str) -> Any:
    try:
        return protocol.parse_json(data).get("submission_id")
    except ProtocolError:
        return None


def self_check(
    session_factory: Callable[[], Session], workshop_id: str, static_dir: Path | None = None
) -> str | None:
    """Start a server on a free loopback port, fetch its page and /api/info, stop it.
    None when all is well; else what failed, in English (for the self-test)."""
    import urllib.request

    server = ParticipantServer(session_factory, workshop_id, "127.0.0.1", 0, static_dir=static_dir)
    try:
        url = server.start()
    except UserError as error:
        return error.english
    try:
        for path, wanted in (("/", "text/html"), ("/api/info", "application/json")):
            with urllib.request.urlopen(url + path, timeout=10) as response:
                kind = response.headers.get("Content-Type", "")
                if response.status != 200 or not kind.startswith(wanted):
                    return f"{path}: HTTP {response.status} {kind}"
                if not response.read():
                    return f"{path}: empty"
    except OSError as error:
        return f"the participant server did not answer: {type(error).__name__}"
    finally:
        server.stop()
    return None
