"""Push to and pull from the provincial office's PostgreSQL server.

Push: the laptop's outbox, in order, in batches of about 500 rows; each batch is merged
on the server in one transaction that also moves this device's cursor
(``sync_devices.pushed_seq``). Only then does the laptop drop those outbox entries. A
lost acknowledgement is harmless: the next push reads the cursor first and drops what
the server already has, and a re-sent batch is skipped by the cursor check.

Pull: the server's change log (``sync_log``) after this laptop's cursor, in commit order,
in batches; each batch is merged on the laptop in one transaction that also moves the
cursor (``sync_servers.pulled_seq``). An interrupted sync resumes at the last batch.

Rows are sent as they are now, not as they were when written, so a batch also carries
any row its rows point at that the other side may not have yet (a parent changed after
the batch's window): every batch is complete on its own.

The server's life: it has an id and an epoch (``sync_identity``). A restore from a dump,
a copied database or a new, empty one shows as another id or epoch than the laptop
remembers, and so does a server that knows less than it acknowledged to this laptop. The
laptop then queues every row it holds, sends them all and pulls the whole log: merging
is idempotent, so nothing is lost or doubled, and every replica converges.

Every statement has a deadline: the server ends one that runs too long (and a
transaction left idle), and the laptop cuts a connection that stops answering (a
stopped or frozen server never answers, though its computer still acknowledges packets).
"""

from __future__ import annotations

import os
import socket
import threading
import weakref
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext, suppress
from dataclasses import dataclass, field
from typing import Any

import psycopg
from sqlalchemy import (
    Connection,
    Engine,
    create_engine,
    delete,
    event,
    func,
    insert,
    literal,
    select,
    text,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from workshop_app.db.database import Database, upgrade_server
from workshop_app.db.types import new_id
from workshop_app.errors import UserError
from workshop_app.models import (
    sync_devices,
    sync_identity,
    sync_log,
    sync_outbox,
    sync_servers,
)
from workshop_app.sync.address import AddressError, parse_server_address
from workshop_app.sync.address import server_label as server_label  # callers take it here
from workshop_app.sync.admission import AdmissionError, check_rows
from workshop_app.sync.merge import (
    MergeResult,
    Source,
    begin_merge,
    fetch_rows,
    journal_entries,
    merge_rows,
)
from workshop_app.sync.tables import SYNCED_TABLES, TABLES_BY_NAME, Row, dangling_references

BATCH_ROWS = 500
# Seconds the server may take to answer anything (connect, a statement, a batch).
TIMEOUT_SECONDS = 60
# Test seam: called at named points of a sync ("push:before-commit", ...); a test makes
# it raise to cut the connection there.
Checkpoint = Callable[[str], None]
Progress = Callable[[str, int], None]  # (phase, rows so far)


class SyncError(UserError):
    """The server cannot be reached or refused the sync; what was done stays done."""


@dataclass
class SyncResult:
    pushed: MergeResult = field(default_factory=MergeResult)  # as merged on the server
    pulled: MergeResult = field(default_factory=MergeResult)  # as merged here
    pushed_rows: int = 0
    pulled_rows: int = 0
    # Why everything was sent again and pulled from the start ("" if it was not).
    fresh_start: str = ""


def connect_server(
    url: str, password: str | None = None, timeout: float = TIMEOUT_SECONDS
) -> Engine:
    """An engine on the provincial server, its schema created or upgraded. ``password``
    (typed in a window) is used for this connection only, not put into ``url``.
    ``timeout``: seconds the server may take to connect or to answer a statement."""
    try:
        address = parse_server_address(url)
        parsed = address.connect_url()
        if password:
            parsed = parsed.set(password=password)
        if parsed.get_backend_name() != "postgresql":
            raise ArgumentError(parsed.get_backend_name())
        engine = create_engine(parsed, pool_pre_ping=True, connect_args=_deadlines(timeout))
        _DEADLINES[engine] = _Deadline(engine, timeout)
    except (ArgumentError, NoSuchModuleError, ValueError) as exc:
        raise SyncError(
            f"ที่อยู่เซิร์ฟเวอร์ไม่ถูกต้อง: ต้องเป็น postgresql+psycopg://ผู้ใช้@เครื่อง/ฐานข้อมูล ({exc})",
            f"not a server address: use postgresql+psycopg://user@host/database ({exc})",
        ) from None
    try:
        with _DEADLINES[engine].exchange():
            upgrade_server(engine, server_label(url))
    except DBAPIError as exc:
        engine.dispose()
        raise _unreachable(url, exc, timeout=timeout, expired=_DEADLINES[engine].expired) from None
    return engine


CONNECT_POLL_SECONDS = 0.05


def _connect_abandonably(
    url: str, password: str | None, timeout: float, progress: Progress
) -> Engine:
    """``connect_server`` on a thread of its own, the caller asking ``progress`` every
    CONNECT_POLL_SECONDS whether to go on: libpq's connect blocks until the server
    answers or ``timeout`` runs out (a server that never answers holds it a whole
    minute), and Cancel must not wait for that. An abandoned attempt ends on its own
    (by the timeout at the latest) and closes the engine it may still get."""
    lock = threading.Lock()
    ended: list[Engine | BaseException] = []
    abandoned = threading.Event()
    finished = threading.Event()

    def attempt() -> None:
        outcome: Engine | BaseException
        try:
            outcome = connect_server(url, password, timeout)
        except BaseException as exc:  # handed to the caller, who raises it
            outcome = exc
        with lock:
            ended.append(outcome)
            if abandoned.is_set() and isinstance(outcome, Engine):
                outcome.dispose()  # nobody will use it
        finished.set()

    threading.Thread(target=attempt, name="sync-connect", daemon=True).start()
    while not finished.wait(CONNECT_POLL_SECONDS):
        try:
            progress("connect", 0)
        except BaseException:
            with lock:
                if not ended:  # still trying: the attempt is left to end by itself
                    abandoned.set()
                elif isinstance(ended[0], Engine):
                    ended[0].dispose()
            raise
    outcome = ended[0]
    if isinstance(outcome, BaseException):
        raise outcome
    return outcome


def _deadlines(timeout: float) -> dict[str, Any]:
    """libpq settings: connect within ``timeout``; the server ends a statement running
    longer, or a transaction left idle (a laptop gone mid-batch frees the merge lock);
    keepalives notice a computer that is gone from the network."""
    milliseconds = max(1, int(timeout * 1000))
    return {
        "connect_timeout": max(2, round(timeout)),  # libpq: whole seconds, at least 2
        "keepalives": 1,
        "keepalives_idle": 10,
        "keepalives_interval": 5,
        "keepalives_count": 3,
        "tcp_user_timeout": milliseconds,
        "options": (
            f"-c statement_timeout={milliseconds} "
            f"-c idle_in_transaction_session_timeout={2 * milliseconds}"
        ),
    }


class _Deadline:
    """Cuts the connections of an engine when one exchange with the server (checking a
    connection out, its statements, the commit) takes longer than ``timeout`` seconds.
    A stopped server process never answers nor ends the statement itself, and its
    computer's kernel keeps acknowledging packets, so keepalives see nothing wrong;
    shutting the sockets down wakes the driver, which then fails the exchange."""

    def __init__(self, engine: Engine, timeout: float) -> None:
        self.timeout = timeout
        self.expired = False
        self._connections: weakref.WeakSet[Any] = weakref.WeakSet()
        event.listen(engine, "connect", lambda dbapi, _record: self._connections.add(dbapi))

    @contextmanager
    def exchange(self) -> Iterator[None]:
        timer = threading.Timer(self.timeout, self._cut)
        timer.daemon = True
        timer.start()
        try:
            yield
        finally:
            timer.cancel()

    def _cut(self) -> None:
        self.expired = True
        for connection in list(self._connections):
            try:
                descriptor = os.dup(connection.fileno())
            except (OSError, ValueError, AttributeError, psycopg.Error):
                continue  # closed already
            with socket.socket(fileno=descriptor) as stream, suppress(OSError):
                stream.shutdown(socket.SHUT_RDWR)


_DEADLINES: weakref.WeakKeyDictionary[Engine, _Deadline] = weakref.WeakKeyDictionary()


def _exchange(engine: Engine) -> AbstractContextManager[None]:
    """One exchange with the server, under the engine's deadline (if it has one)."""
    deadline = _DEADLINES.get(engine)
    return deadline.exchange() if deadline else nullcontext()


def failure_reason(exc: DBAPIError) -> str:
    """The first line of what the server or its driver said, for a message."""
    said = str(exc.orig).strip() if exc.orig else ""
    return said.splitlines()[0] if said else str(exc)


def _unreachable(
    url: str,
    exc: DBAPIError,
    result: SyncResult | None = None,
    timeout: float | None = None,
    expired: bool = False,
) -> SyncError:
    reason = failure_reason(exc)
    with suppress(AddressError):
        secret = parse_server_address(url).password
        if secret:  # a driver may repeat its connection string in a message
            reason = reason.replace(secret, "***")
    reason_th = reason
    if expired and timeout is not None:
        reason_th = f"เซิร์ฟเวอร์ไม่ตอบภายใน {timeout:g} วินาที"
        reason = f"the server did not answer within {timeout:g} s"
    done_th = done_en = ""
    if result is not None and (result.pushed_rows or result.pulled_rows):
        done_th = f" ก่อนขาดการติดต่อส่งแล้ว {result.pushed_rows} แถว รับแล้ว {result.pulled_rows} แถว"
        done_en = (
            f" Before that, {result.pushed_rows} rows were sent and {result.pulled_rows} received."
        )
    return SyncError(
        f"ติดต่อเซิร์ฟเวอร์ {server_label(url)} ไม่สำเร็จ: {reason_th}{done_th} "
        "ข้อมูลที่ส่งหรือรับแล้วยังอยู่ครบ ซิงก์อีกครั้งจะทำต่อจากที่ค้างไว้",
        f"cannot sync with {server_label(url)}: {reason}.{done_en} "
        "What was already sent or received is kept; sync again to carry on from there.",
    )


def sync(
    database: Database,
    url: str,
    batch_rows: int = BATCH_ROWS,
    checkpoint: Checkpoint | None = None,
    progress: Progress | None = None,
    password: str | None = None,
    timeout: float = TIMEOUT_SECONDS,
) -> SyncResult:
    """Push, pull, and push what the pull merged (conflicts settled here). A server
    this file has not synced with in its present life (new, restored, rebuilt) first
    gets everything this file holds, and is pulled from the start. ``progress`` is also
    called (phase "connect") while the server is being reached: whatever it raises
    (the GUI's Cancel) abandons the attempt at once."""
    if progress is None:
        engine = connect_server(url, password, timeout)
    else:
        engine = _connect_abandonably(url, password, timeout, progress)
    label = server_label(url)
    result = SyncResult()
    try:
        result.fresh_start = settle_epoch(database, engine, label)
        acknowledged = push(database, engine, result, batch_rows, checkpoint, progress)
        _remember_acknowledged(database, label, acknowledged)
        pull(database, engine, label, result, batch_rows, checkpoint, progress)
        acknowledged = push(database, engine, result, batch_rows, checkpoint, progress)
        _remember_acknowledged(database, label, acknowledged)
    except DBAPIError as exc:
        deadline = _DEADLINES.get(engine)
        expired = deadline is not None and deadline.expired
        raise _unreachable(url, exc, result, timeout, expired) from None
    finally:
        engine.dispose()
    return result


# Why a laptop starts afresh with a server (SyncResult.fresh_start).
NEW_SERVER = "new-server"  # never synced with it (or it is a new, empty database)
NEW_EPOCH = "new-epoch"  # restored or copied: the server noticed
SERVER_BEHIND = "server-behind"  # knows less than it acknowledged: this laptop noticed

_IDENTITY = text(
    "SELECT server_id, epoch, anchor, "
    "(SELECT oid FROM pg_database WHERE datname = current_database())::text"
    " || ':' || 'sync_log'::regclass::oid::text || ':' || xmin::text AS actual "
    "FROM sync_identity WHERE id = 1"
)
# The anchor of the row version this transaction writes (its xmin is this transaction).
_NEW_ANCHOR = text(
    "(SELECT oid FROM pg_database WHERE datname = current_database())::text"
    " || ':' || 'sync_log'::regclass::oid::text"
    " || ':' || (pg_current_xact_id()::text::bigint % 4294967296)::text"
)


@dataclass
class ServerState:
    server_id: str
    epoch: str
    last_seq: int  # the last entry of its change log
    pushed_seq: int  # this device's last outbox number it applied (0: none)


def server_state(engine: Engine, device: str) -> ServerState:
    """The server's id, epoch and positions; a new epoch is started first if the
    database is not the one its epoch was started on (a restore, a copy)."""
    with _exchange(engine), engine.begin() as server:
        row = server.execute(_IDENTITY).one()
        if row.actual != row.anchor:
            server.execute(text("SELECT pg_advisory_xact_lock(728102)"))
            row = server.execute(_IDENTITY).one()  # another laptop may have done it
            if row.actual != row.anchor:
                _start_server_epoch(server)
                row = server.execute(_IDENTITY).one()
        last_seq = server.scalar(select(func.max(sync_log.c.seq))) or 0
        pushed_seq = _device_cursor(server, device)[0]
    return ServerState(row.server_id, row.epoch, int(last_seq), pushed_seq)


def _start_server_epoch(server: Connection, expected: str | None = None) -> None:
    """A new epoch on the server (if its epoch is still ``expected``, when given)."""
    statement = update(sync_identity).where(sync_identity.c.id == 1)
    if expected is not None:
        statement = statement.where(sync_identity.c.epoch == expected)
    server.execute(statement.values(epoch=new_id(), anchor=_NEW_ANCHOR))


def settle_epoch(database: Database, engine: Engine, label: str) -> str:
    """Make sure the server has everything this file holds: if the server is not the one
    this file last synced with, or was put back to an earlier state, every row is queued
    again and the pull starts over. Returns why it started afresh ("" if it did not)."""
    state = server_state(engine, database.device_id)
    with database.engine.connect() as local:
        known = local.execute(select(sync_servers).where(sync_servers.c.server == label)).first()
        synced_before = (local.scalar(select(func.count()).select_from(sync_servers)) or 0) > 0
    if known is None and not synced_before:
        # A first sync: every row this file holds waits in its outbox already (nothing
        # was ever acknowledged and dropped), so only the server is remembered.
        with database.engine.begin() as local:
            _set_cursor(local, sync_servers, "server", label, _fresh_cursor(database, state))
        return ""
    if known is None or known.server_id != state.server_id:
        reason = NEW_SERVER
    elif known.epoch != state.epoch:
        reason = NEW_EPOCH
    elif state.last_seq < known.pulled_seq or (
        known.acked_device == database.device_id and state.pushed_seq < (known.acked_seq or 0)
    ):
        # Restored some other way (a file-level copy, a replica promoted): every laptop
        # must start afresh, so the epoch moves on for all of them.
        reason = SERVER_BEHIND
        with _exchange(engine), engine.begin() as server:
            server.execute(text("SELECT pg_advisory_xact_lock(728102)"))
            _start_server_epoch(server, expected=state.epoch)
        state = server_state(engine, database.device_id)
    else:
        return ""
    # The server's cursor for this device stays: if it does not match this file, the
    # push takes the file for an older copy and goes on as a new device, which loses
    # nothing (after a restore of the server that is a needless but harmless change).
    with database.engine.begin() as local:
        queue_everything(local)
        _set_cursor(local, sync_servers, "server", label, _fresh_cursor(database, state))
    return reason


def _fresh_cursor(database: Database, state: ServerState) -> dict[str, Any]:
    """What this file remembers of a server it starts afresh with: pull from the start."""
    return {
        "pulled_seq": 0,
        "server_id": state.server_id,
        "epoch": state.epoch,
        "acked_seq": 0,
        "acked_device": database.device_id,
    }


def queue_everything(local: Connection) -> None:
    """Put every row this file holds in its outbox (parents first), once."""
    queued = select(sync_outbox.c.row_id)
    for table in SYNCED_TABLES:
        local.execute(
            insert(sync_outbox).from_select(
                ["table_name", "row_id"],
                select(literal(table.name), table.c.id).where(table.c.id.not_in(queued)),
            )
        )


def _remember_acknowledged(database: Database, label: str, acknowledged: int) -> None:
    with database.engine.begin() as local:
        local.execute(
            update(sync_servers)
            .where(sync_servers.c.server == label)
            .values(acked_seq=acknowledged, acked_device=database.device_id)
        )


def push(
    database: Database,
    engine: Engine,
    result: SyncResult,
    batch_rows: int = BATCH_ROWS,
    checkpoint: Checkpoint | None = None,
    progress: Progress | None = None,
) -> int:
    """Send the outbox; returns the last outbox number the server has acknowledged."""
    with _exchange(engine), engine.connect() as server:
        acknowledged, server_epoch = _device_cursor(server, database.device_id)
    with database.engine.begin() as local:
        epoch = database.push_epoch(local)
        if server_epoch is not None and server_epoch != epoch:
            # The server knows a later state of this device than this file: the file is
            # an older copy (a backup put back). Its new writes would reuse outbox
            # numbers the server has acknowledged, so it goes on as a new device.
            database.become_new_device(local)
            acknowledged, epoch = 0, None
        if epoch is None:
            epoch = new_id()
            database.set_push_epoch(local, epoch)
    device = database.device_id
    pushed_any = False
    _drop_acknowledged(database, acknowledged)  # an acknowledgement lost last time
    while True:
        with database.engine.connect() as local:
            entries = local.execute(
                select(sync_outbox.c.seq, sync_outbox.c.table_name, sync_outbox.c.row_id)
                .where(sync_outbox.c.seq > acknowledged)
                .order_by(sync_outbox.c.seq)
                .limit(batch_rows)
            ).all()
            if not entries:
                break
            last = entries[-1].seq
            rows = _complete_batch(
                local,
                [(e.table_name, e.row_id) for e in entries],
                sync_outbox,
                after=last,
            )
        with _exchange(engine), engine.begin() as server:
            begin_merge(server)
            # Under the merge lock: a batch the server already applied (its
            # acknowledgement was lost) is not applied again.
            if _device_cursor(server, device, lock=True)[0] < last:
                _admit(server, rows, device)
                result.pushed.add(
                    merge_rows(server, rows, database.clock, Source.PUSH, sender=device)
                )
                _set_cursor(
                    server, sync_devices, "device_id", device, {"pushed_seq": last, "epoch": epoch}
                )
            if checkpoint:
                checkpoint("push:before-commit")
        result.pushed_rows += sum(len(r) for r in rows.values())  # committed there
        if checkpoint:
            checkpoint("push:after-commit")
        acknowledged = last
        pushed_any = True
        if progress:
            progress("push", result.pushed_rows)
    # The server's cursor is what counts: entries are dropped once, at the end (a push
    # cut short drops them at the start of the next one).
    _drop_acknowledged(database, acknowledged)
    if pushed_any:
        _next_epoch(database, engine, epoch)
    return acknowledged


def _next_epoch(database: Database, engine: Engine, epoch: str) -> None:
    """A new epoch after each push, on the server first: a backup of this file taken
    before now carries an older one. Cut between the two, the next push sees a mismatch
    and goes on as a new device, which loses nothing."""
    following = new_id()
    with _exchange(engine), engine.begin() as server:
        server.execute(
            update(sync_devices)
            .where(sync_devices.c.device_id == database.device_id)
            .where(sync_devices.c.epoch == epoch)
            .values(epoch=following)
        )
    with database.engine.begin() as local:
        database.set_push_epoch(local, following)


def pull(
    database: Database,
    engine: Engine,
    label: str,
    result: SyncResult,
    batch_rows: int = BATCH_ROWS,
    checkpoint: Checkpoint | None = None,
    progress: Progress | None = None,
) -> None:
    device = database.device_id
    with database.engine.connect() as local:
        cursor = local.scalar(
            select(sync_servers.c.pulled_seq).where(sync_servers.c.server == label)
        )
    cursor = cursor or 0
    while True:
        # One snapshot: the log and the rows it names agree.
        with (
            _exchange(engine),
            engine.connect().execution_options(isolation_level="REPEATABLE READ") as server,
        ):
            entries = server.execute(
                select(sync_log.c.seq, sync_log.c.table_name, sync_log.c.row_id)
                .where(sync_log.c.seq > cursor)
                .where(sync_log.c.source_device.is_(None) | (sync_log.c.source_device != device))
                .order_by(sync_log.c.seq)
                .limit(batch_rows)
            ).all()
            if entries:
                last = entries[-1].seq
                rows = _complete_batch(
                    server,
                    [(e.table_name, e.row_id) for e in entries],
                    sync_log,
                    after=last,
                )
            else:  # only this device's own pushes are left: step over them
                last = server.scalar(select(func.max(sync_log.c.seq))) or 0
                rows = {}
        if last <= cursor:
            return
        if checkpoint:
            checkpoint("pull:after-read")
        with database.engine.begin() as local:
            begin_merge(local)
            result.pulled.add(merge_rows(local, rows, database.clock, Source.PULL))
            _set_cursor(local, sync_servers, "server", label, {"pulled_seq": last})
            database.remember_clock(local)
            if checkpoint:
                checkpoint("pull:before-commit")
        cursor = last
        result.pulled_rows += sum(len(r) for r in rows.values())
        if progress:
            progress("pull", result.pulled_rows)


def _admit(server: Connection, rows: dict[str, list[Row]], device: str) -> None:
    """The server's own rules for what it takes in, against its own clock."""
    now_ms = server.scalar(text("SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint"))
    try:
        check_rows(server, rows, int(now_ms))
    except AdmissionError as exc:
        raise SyncError(
            f"เซิร์ฟเวอร์ไม่รับข้อมูลจากเครื่องนี้ ({device}): {exc.thai} ข้อมูลในเครื่องนี้ยังอยู่ครบ",
            f"the server refused what this laptop ({device}) sent: {exc.english}. "
            "Nothing was lost here.",
        ) from None


def _device_cursor(server: Connection, device: str, lock: bool = False) -> tuple[int, str | None]:
    """The last outbox number the server applied from this device, and its push epoch."""
    query = select(sync_devices.c.pushed_seq, sync_devices.c.epoch).where(
        sync_devices.c.device_id == device
    )
    if lock:
        query = query.with_for_update()
    row = server.execute(query).first()
    return (int(row.pushed_seq), row.epoch) if row else (0, None)


def _set_cursor(
    connection: Connection, table: Any, key: str, value: str, values: dict[str, Any]
) -> None:
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(table).values({key: value, **values})
    connection.execute(statement.on_conflict_do_update(index_elements=[key], set_=values))


def _drop_acknowledged(database: Database, seq: int) -> None:
    with database.engine.begin() as local:
        local.execute(delete(sync_outbox).where(sync_outbox.c.seq <= seq))
        database.remember_clock(local)


def _complete_batch(
    connection: Connection,
    entries: Sequence[tuple[str, str]],
    journal: Any,
    after: int,
) -> dict[str, list[Row]]:
    """The current rows named by the entries, plus every row they point at (again and
    again) with a ``journal`` entry after the batch: the other side may not have it yet."""
    wanted: dict[str, set[str]] = {}
    for table, row_id in entries:
        wanted.setdefault(table, set()).add(row_id)
    rows: dict[str, dict[str, Row]] = {}
    while wanted:
        for table, ids in wanted.items():
            found = fetch_rows(connection, TABLES_BY_NAME[table], ids)
            rows.setdefault(table, {}).update(found)
        fetched = {
            table: [rows[table][i] for i in ids if i in rows[table]]
            for table, ids in wanted.items()
        }
        pointed = {
            row_id
            for parent, ids in dangling_references(fetched).items()
            for row_id in ids
            if row_id not in rows.get(parent, {})
        }
        wanted = {}
        for table, row_id in journal_entries(connection, journal, pointed, after):
            if row_id not in rows.get(table, {}):
                wanted.setdefault(table, set()).add(row_id)
    return {table: list(found.values()) for table, found in rows.items()}
