"""Merge versions of rows received from elsewhere into a database (laptop or server).

One rule for every transport (bundle, push, pull), so that every replica ends the same
whatever the order things arrive in:

- a row not yet here is inserted;
- a version that has seen the stored one (its version vector is ahead) replaces it;
- a version the stored one has already seen is ignored;
- two versions made without seeing each other: the later stamp wins the row, the row's
  vector becomes the join of both (so the result has "seen" both and is ahead of each),
  and the losing version is kept in ``sync_conflicts`` for review.

The result does not depend on the order: the winner is the version with the highest
stamp, the vector is the join of all, and the conflicts are a set keyed by (table, row,
losing stamp). Conflicts themselves are plain last-writer-wins rows.

Cards merged into each other on two devices (A into B here, B into A there) make a
cycle no single row shows, and every card of it would leave the board. Every replica
breaks such a cycle the same way: the card whose merge is the later (highest stamp)
comes back to the board, and its merged version is kept as a conflict. The repair is a
version computed from the cycle alone (stamped just after the losing merge, by a fixed
pseudo-device), so replicas that repair the same cycle write the very same version.
"""

from __future__ import annotations

import enum
import functools
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Connection,
    String,
    Table,
    any_,
    insert,
    literal,
    select,
    text,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Dialect

from workshop_app.db.hlc import (
    MAX_COUNTER,
    HybridLogicalClock,
    Order,
    Stamp,
    advance_versions,
    compare_versions,
    join_versions,
)
from workshop_app.models import sync_log, sync_outbox
from workshop_app.models.attendee import ERASED_FIELDS
from workshop_app.services.registration_numbers import Renumbered, renumber_after_merge
from workshop_app.sync.tables import (
    CONFLICTS,
    OWNER_COLUMN,
    SYNCED_TABLES,
    TABLES_BY_NAME,
    Row,
    references,
    row_json,
)

# Namespace of the conflict ids (uuid5 of "table/row/stamp").
CONFLICT_NAMESPACE = uuid.UUID("6c1f3b1e-8a4e-4d0e-9a57-2f1c0d7b9e21")
# SQLite accepts at most 32766 variables in one statement; stay far below.
CHUNK = 500
# The writer of the version that breaks a cycle of merged cards (see above).
CYCLE_REPAIR_DEVICE = "00000000-0000-4000-8000-6d6572676564"


class Source(enum.Enum):
    """Where the versions come from; decides what is written to the journal."""

    BUNDLE = "bundle"  # a file: the server may not have these rows yet
    PULL = "pull"  # the server: it has them already
    PUSH = "push"  # a laptop, applied on the server


@dataclass
class TableCounts:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0


@dataclass
class MergeResult:
    tables: dict[str, TableCounts] = field(default_factory=dict)
    # People given a new registration number because the merge met theirs on another
    # (services.registration_numbers), to be shown to the user.
    renumbered: list[Renumbered] = field(default_factory=list)

    def counts(self, table: str) -> TableCounts:
        return self.tables.setdefault(table, TableCounts())

    def add(self, other: MergeResult) -> None:
        for name, counts in other.tables.items():
            mine = self.counts(name)
            mine.new += counts.new
            mine.updated += counts.updated
            mine.unchanged += counts.unchanged
            mine.conflicts += counts.conflicts
        self.renumbered.extend(other.renumbered)

    @property
    def changed(self) -> int:
        return sum(c.new + c.updated for c in self.tables.values())

    @property
    def conflicts(self) -> int:
        return sum(c.conflicts for c in self.tables.values())


def is_server(connection: Connection) -> bool:
    return connection.dialect.name == "postgresql"


def begin_merge(connection: Connection) -> None:
    """Prepare a transaction that merges rows: references are checked at commit (a batch
    may hold a child before its parent), and on the server one merge at a time, so the
    change log's order is the commit order that pulls follow."""
    if is_server(connection):
        connection.execute(text("SELECT pg_advisory_xact_lock(728100)"))
        connection.execute(text("SET CONSTRAINTS ALL DEFERRED"))
    else:
        # pysqlite opens the transaction lazily, at the first write; the pragma only lasts
        # until the end of the current transaction, so open it first (IMMEDIATE: take the
        # write lock now rather than fail halfway through the merge).
        if not connection.connection.dbapi_connection.in_transaction:  # type: ignore[union-attr]
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        connection.execute(text("PRAGMA defer_foreign_keys = ON"))


def id_in(
    connection: Connection, column: ColumnElement[str], ids: Sequence[str]
) -> ColumnElement[bool]:
    """``column IN ids``; on PostgreSQL as one array parameter, which the driver sends
    as is, where 500 separate parameters cost more to prepare than the query to run."""
    if is_server(connection):
        return column == any_(literal(list(ids), ARRAY(String)))
    return column.in_(ids)


def journal_entries(
    connection: Connection, journal: Any, ids: Iterable[str], after: int = 0
) -> set[tuple[str, str]]:
    """(table, row) of the rows among ``ids`` with an entry in ``journal`` (the outbox or
    the server's log) after number ``after``."""
    found: set[tuple[str, str]] = set()
    wanted = sorted(set(ids))
    for start in range(0, len(wanted), CHUNK):
        query = (
            select(journal.c.table_name, journal.c.row_id)
            .where(id_in(connection, journal.c.row_id, wanted[start : start + CHUNK]))
            .where(journal.c.seq > after)
            .distinct()
        )
        found.update((t, r) for t, r in connection.execute(query))
    return found


def _logged_ids(connection: Connection, incoming: Mapping[str, Sequence[Row]]) -> set[str]:
    """Which of the incoming rows the server has: every row it holds came through a merge
    and is in its log, so one indexed query replaces a read of each table (on a first
    push, most of the batch's time)."""
    ids = (row["id"] for rows in incoming.values() for row in rows)
    return {row_id for _, row_id in journal_entries(connection, sync_log, ids)}


def fetch_rows(connection: Connection, table: Table, ids: Iterable[str]) -> dict[str, Row]:
    found: dict[str, Row] = {}
    wanted = list(dict.fromkeys(ids))
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        query = select(table).where(id_in(connection, table.c.id, chunk))
        for row in connection.execute(query).mappings():
            found[row["id"]] = dict(row)
    return found


def merge_rows(
    connection: Connection,
    incoming: Mapping[str, Sequence[Row]],
    clock: HybridLogicalClock,
    source: Source,
    sender: str | None = None,
) -> MergeResult:
    """Merge rows (by table name) into the database on ``connection``, in the caller's
    transaction (started with ``begin_merge``). ``sender`` is the device the versions
    come from, if one device sent them all (push)."""
    result = MergeResult()
    latest = max((r["updated_hlc"] for rows in incoming.values() for r in rows), default=None)
    if latest is not None:
        clock.observe(latest)  # later local edits must stamp later than what arrived
    conflicts: list[Row] = []
    journal: list[tuple[str, str, bool]] = []  # (table, row id, stored as received)
    known = _logged_ids(connection, incoming) if is_server(connection) else None
    for table in SYNCED_TABLES:
        rows = incoming.get(table.name)
        if not rows:
            continue
        counts = result.counts(table.name)
        ids = [r["id"] for r in rows]
        if known is not None:
            ids = [i for i in ids if i in known]
        stored = fetch_rows(connection, table, ids) if ids else {}
        written: dict[str, Row] = {}
        # Whether the row is written exactly as it arrived (then its sender has it).
        as_received: dict[str, bool] = {}
        for row in rows:
            row = {**row, "versions": row["versions"] or row["updated_hlc"]}
            if table.name == "attendees" and row["deleted"]:
                row.update(ERASED_FIELDS)  # an erased person, sent by an older version
            old = written.get(row["id"]) or stored.get(row["id"])
            order = (
                Order.NEWER if old is None else compare_versions(row["versions"], old["versions"])
            )
            if old is None or order is Order.NEWER:
                if old is None:
                    counts.new += 1
                else:
                    counts.updated += 1
                written[row["id"]] = row
                as_received[row["id"]] = True
            elif order is Order.CONCURRENT:
                winner, loser = (
                    (row, old) if row["updated_hlc"] > old["updated_hlc"] else (old, row)
                )
                written[row["id"]] = {
                    **winner,
                    "versions": join_versions(row["versions"], old["versions"]),
                }
                as_received[row["id"]] = False
                if table is not CONFLICTS:
                    conflicts.append(_conflict_record(connection, table, loser, winner))
                counts.conflicts += 1
            else:
                counts.unchanged += 1
        _insert(connection, table, [r for i, r in written.items() if i not in stored])
        _upsert(connection, table, [r for i, r in written.items() if i in stored])
        journal.extend((table.name, row_id, as_received[row_id]) for row_id in written)
    merged_ideas = [row for row in incoming.get("ideas", ()) if row["merged_into_id"]]
    if merged_ideas:
        repaired, losers = _break_merge_cycles(connection, merged_ideas)
        if repaired:
            ideas = TABLES_BY_NAME["ideas"]
            _upsert(connection, ideas, repaired)
            fixed = {row["id"] for row in repaired}
            journal = [e for e in journal if not (e[0] == "ideas" and e[1] in fixed)]
            journal.extend(("ideas", row_id, False) for row_id in sorted(fixed))
            conflicts.extend(
                _conflict_record(connection, ideas, loser, fix)
                for loser, fix in zip(losers, repaired, strict=True)
            )
            result.counts("ideas").conflicts += len(repaired)
    if conflicts:
        recorded = fetch_rows(connection, CONFLICTS, (c["id"] for c in conflicts))
        fresh = list({c["id"]: c for c in conflicts if c["id"] not in recorded}.values())
        _insert(connection, CONFLICTS, fresh)
        journal.extend((CONFLICTS.name, c["id"], False) for c in fresh)
    _write_journal(connection, journal, source, sender)
    if not is_server(connection) and incoming.get("attendees"):
        # A laptop settles registration numbers met twice (the server only stores).
        workshops = {row["workshop_id"] for row in incoming["attendees"]}
        result.renumbered = renumber_after_merge(connection, clock, workshops)
    return result


def _break_merge_cycles(
    connection: Connection, arrived: Sequence[Row]
) -> tuple[list[Row], list[Row]]:
    """Cycles of merged cards in the workshops of the merged cards that arrived: for
    each, the repaired version of its latest merge, and that merge as it was."""
    ideas = TABLES_BY_NAME["ideas"]
    workshops = sorted({row["workshop_id"] for row in arrived})
    parent: dict[str, str] = {}
    stamp: dict[str, str] = {}
    query = select(ideas.c.id, ideas.c.merged_into_id, ideas.c.updated_hlc).where(
        ideas.c.workshop_id.in_(workshops), ideas.c.merged_into_id.is_not(None)
    )
    for row_id, merged_into, updated in connection.execute(query):
        parent[row_id], stamp[row_id] = merged_into, updated
    losers: list[str] = []
    state: dict[str, int] = {}  # 1: on the path being walked, 2: done
    for start in sorted(parent):
        path: list[str] = []
        node: str | None = start
        while node is not None and node in parent and node not in state:
            state[node] = 1
            path.append(node)
            node = parent[node]
        if node is not None and state.get(node) == 1:  # the walk came back: a cycle
            cycle = path[path.index(node) :]
            losers.append(max(cycle, key=lambda i: (stamp[i], i)))
        for visited in path:
            state[visited] = 2
    if not losers:
        return [], []
    stored = fetch_rows(connection, ideas, losers)
    before = [stored[i] for i in losers]
    return [_repaired(row) for row in before], before


def _repaired(row: Row) -> Row:
    """The card back on the board, in a version every replica computes alike."""
    merge = Stamp.decode(row["updated_hlc"])
    wall, counter = merge.wall_ms, merge.counter + 1
    if counter > MAX_COUNTER:
        wall, counter = wall + 1, 0
    stamp = Stamp(wall, counter, CYCLE_REPAIR_DEVICE).encode()
    return {
        **row,
        "merged_into_id": None,
        "updated_hlc": stamp,
        "device_id": CYCLE_REPAIR_DEVICE,
        "versions": advance_versions(row["versions"], stamp),
    }


def _write_journal(
    connection: Connection,
    journal: list[tuple[str, str, bool]],
    source: Source,
    sender: str | None,
) -> None:
    if not journal:
        return
    if is_server(connection):
        # Every write on the server is logged for the pulls; the sender need not pull
        # back a version it sent itself.
        entries = [
            {"table_name": t, "row_id": r, "source_device": sender if same else None}
            for t, r, same in journal
        ]
        _copy_rows(connection, sync_log, entries)
        return
    # A laptop forwards to the server what the server may not have: everything from a
    # bundle, and from a pull only what the merge changed.
    entries = [
        {"table_name": t, "row_id": r}
        for t, r, same in journal
        if source is Source.BUNDLE or not same
    ]
    if entries:
        connection.execute(insert(sync_outbox), entries)


def _insert(connection: Connection, table: Table, rows: list[Row]) -> None:
    """Add rows known to be absent (the merge read the table under its lock)."""
    if not rows:
        return
    if is_server(connection):
        _copy_rows(connection, table, rows)
    else:
        connection.execute(insert(table), rows)


def _copy_rows(connection: Connection, table: Table, rows: list[Row]) -> None:
    """PostgreSQL COPY: a first push of a whole workshop loads about ten times faster
    than with INSERT statements. Values go through each column's own conversion (amounts
    to satang, times to UTC), as an INSERT would."""
    columns = [c for c in table.columns if c.name in rows[0]]
    converters = _converters(connection.dialect, table, tuple(c.name for c in columns))
    names = ", ".join(f'"{c.name}"' for c in columns)
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    with cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row(
                [
                    value if convert is None else convert(value)
                    for value, convert in zip(
                        (row[c.name] for c in columns), converters, strict=True
                    )
                ]
            )


@functools.cache
def _converters(dialect: Dialect, table: Table, names: tuple[str, ...]) -> list[Any]:
    """Each column's conversion to the driver's value (made once: building them is slow)."""
    return [table.c[name].type.bind_processor(dialect) for name in names]


def _upsert(connection: Connection, table: Table, rows: list[Row]) -> None:
    if not rows:
        return
    dialect = postgresql if is_server(connection) else sqlite
    statement = dialect.insert(table)
    columns = {c.name: statement.excluded[c.name] for c in table.columns if c.name != "id"}
    statement = statement.on_conflict_do_update(index_elements=[table.c.id], set_=columns)
    for start in range(0, len(rows), CHUNK):
        connection.execute(statement, rows[start : start + CHUNK])


def conflict_id(table: str, row_id: str, version_hlc: str) -> str:
    return str(uuid.uuid5(CONFLICT_NAMESPACE, f"{table}/{row_id}/{version_hlc}"))


def _conflict_record(connection: Connection, table: Table, loser: Row, winner: Row) -> Row:
    # Stamped with the winner's stamp, not this device's clock: every device that meets
    # the same two versions writes the very same record, so replicas agree at once.
    stamp = winner["updated_hlc"]
    if table.name == "attendees" and winner["deleted"]:
        loser = {**loser, **ERASED_FIELDS}  # an erased person's data is kept nowhere
    return {
        "id": conflict_id(table.name, loser["id"], loser["updated_hlc"]),
        "workshop_id": workshop_of(connection, table, loser),
        "table_name": table.name,
        "row_id": loser["id"],
        "version_hlc": loser["updated_hlc"],
        "winner_hlc": winner["updated_hlc"],
        "data": row_json(loser),
        "resolution": "",
        "created_hlc": stamp,
        "updated_hlc": stamp,
        "device_id": winner["device_id"],
        "deleted": False,
        "versions": stamp,
    }


def workshop_of(connection: Connection, table: Table, row: Mapping[str, Any]) -> str | None:
    """The workshop a row belongs to, following its owner (round, ballot, project)."""
    while table.name != "workshops":
        if "workshop_id" in table.c:
            return str(row["workshop_id"])
        column = OWNER_COLUMN[table.name]
        table = TABLES_BY_NAME[dict(references(table))[column]]
        parent = connection.execute(select(table).where(table.c.id == row[column]))
        found = parent.mappings().first()
        if found is None:
            return None
        row = dict(found)
    return str(row["id"])
