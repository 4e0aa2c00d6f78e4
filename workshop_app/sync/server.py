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
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from workshop_app.db.database import Database, upgrade_server
from workshop_app.db.types import new_id
from workshop_app.errors import UserError
from workshop_app.models import sync_devices, sync_log, sync_outbox, sync_servers
from workshop_app.sync.address import AddressError, parse_server_address
from workshop_app.sync.address import server_label as server_label  # callers take it here
from workshop_app.sync.merge import (
    MergeResult,
    Source,
    begin_merge,
    fetch_rows,
    journal_entries,
    merge_rows,
)
from workshop_app.sync.tables import TABLES_BY_NAME, Row, dangling_references

BATCH_ROWS = 500
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


def connect_server(url: str, password: str | None = None) -> Engine:
    """An engine on the provincial server, its schema created or upgraded. ``password``
    (typed in a window) is used for this connection only, not put into ``url``."""
    try:
        address = parse_server_address(url)
        parsed = address.connect_url()
        if password:
            parsed = parsed.set(password=password)
        if parsed.get_backend_name() != "postgresql":
            raise ArgumentError(parsed.get_backend_name())
        # A server that does not answer at all must not hang the window for minutes.
        engine = create_engine(parsed, pool_pre_ping=True, connect_args={"connect_timeout": 15})
    except (ArgumentError, NoSuchModuleError, ValueError) as exc:
        raise SyncError(
            f"ที่อยู่เซิร์ฟเวอร์ไม่ถูกต้อง: ต้องเป็น postgresql+psycopg://ผู้ใช้@เครื่อง/ฐานข้อมูล ({exc})",
            f"not a server address: use postgresql+psycopg://user@host/database ({exc})",
        ) from None
    try:
        upgrade_server(engine, server_label(url))
    except DBAPIError as exc:
        engine.dispose()
        raise _unreachable(url, exc) from None
    return engine


def failure_reason(exc: DBAPIError) -> str:
    """The first line of what the server or its driver said, for a message."""
    said = str(exc.orig).strip() if exc.orig else ""
    return said.splitlines()[0] if said else str(exc)


def _unreachable(url: str, exc: DBAPIError) -> SyncError:
    reason = failure_reason(exc)
    with contextlib.suppress(AddressError):
        secret = parse_server_address(url).password
        if secret:  # a driver may repeat its connection string in a message
            reason = reason.replace(secret, "***")
    return SyncError(
        f"ติดต่อเซิร์ฟเวอร์ {server_label(url)} ไม่สำเร็จ: {reason} ข้อมูลที่ส่งหรือรับแล้วยังอยู่ครบ ลองซิงก์ใหม่ได้",
        f"cannot sync with {server_label(url)}: {reason}. "
        "What was already sent or received is kept; sync again.",
    )


def sync(
    database: Database,
    url: str,
    batch_rows: int = BATCH_ROWS,
    checkpoint: Checkpoint | None = None,
    progress: Progress | None = None,
    password: str | None = None,
) -> SyncResult:
    """Push, pull, and push what the pull merged (conflicts settled here)."""
    engine = connect_server(url, password)
    result = SyncResult()
    try:
        push(database, engine, result, batch_rows, checkpoint, progress)
        pull(database, engine, server_label(url), result, batch_rows, checkpoint, progress)
        push(database, engine, result, batch_rows, checkpoint, progress)
    except DBAPIError as exc:
        raise _unreachable(url, exc) from None
    finally:
        engine.dispose()
    return result


def push(
    database: Database,
    engine: Engine,
    result: SyncResult,
    batch_rows: int = BATCH_ROWS,
    checkpoint: Checkpoint | None = None,
    progress: Progress | None = None,
) -> None:
    with engine.connect() as server:
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
        with engine.begin() as server:
            begin_merge(server)
            # Under the merge lock: a batch the server already applied (its
            # acknowledgement was lost) is not applied again.
            if _device_cursor(server, device, lock=True)[0] < last:
                result.pushed.add(
                    merge_rows(server, rows, database.clock, Source.PUSH, sender=device)
                )
                _set_cursor(
                    server, sync_devices, "device_id", device, {"pushed_seq": last, "epoch": epoch}
                )
            if checkpoint:
                checkpoint("push:before-commit")
        if checkpoint:
            checkpoint("push:after-commit")
        acknowledged = last
        pushed_any = True
        result.pushed_rows += sum(len(r) for r in rows.values())
        if progress:
            progress("push", result.pushed_rows)
    # The server's cursor is what counts: entries are dropped once, at the end (a push
    # cut short drops them at the start of the next one).
    _drop_acknowledged(database, acknowledged)
    if pushed_any:
        _next_epoch(database, engine, epoch)


def _next_epoch(database: Database, engine: Engine, epoch: str) -> None:
    """A new epoch after each push, on the server first: a backup of this file taken
    before now carries an older one. Cut between the two, the next push sees a mismatch
    and goes on as a new device, which loses nothing."""
    following = new_id()
    with engine.begin() as server:
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
        with engine.connect().execution_options(isolation_level="REPEATABLE READ") as server:
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
