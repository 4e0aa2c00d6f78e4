"""What rows from elsewhere (a bundle, a push) must satisfy before any is merged.

- No clock stamp lies further ahead of the receiver's clock than ``MAX_CLOCK_SKEW_MS``:
  a stamp in 2099 would drag every clock it meets, and each later edit of those rows
  would have to beat it. The refusal names the device whose clock is wrong.
- Each row names as its writer (``device_id``) the device of its own stamp.
- Each reference stays within the row's workshop: a card of one workshop may not sit
  under another workshop's issue (counts by sector and province would disagree).

The checks read only the rows and the database; the caller says what ``now`` is (the
laptop's clock for a bundle, the server's for a push).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import Connection, Table, select

from workshop_app.errors import UserError
from workshop_app.sync.merge import CHUNK, id_in
from workshop_app.sync.tables import OWNER_COLUMN, SYNCED_TABLES, TABLES_BY_NAME, Row, references

# A day: laptops in the field are often minutes or hours off, never a day if set at all.
MAX_CLOCK_SKEW_MS = 24 * 60 * 60 * 1000


class AdmissionError(UserError):
    """Rows refused whole; the message says which and why (the caller says from where)."""


def check_rows(connection: Connection, rows: Mapping[str, Sequence[Row]], now_ms: int) -> None:
    """Raise AdmissionError for the first rule the rows break."""
    _check_clocks(rows, now_ms)
    _check_writers(rows)
    _check_workshops(connection, rows)


def _when(wall_ms: int) -> str:
    moment = dt.datetime.fromtimestamp(wall_ms / 1000, dt.UTC)
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def _check_clocks(rows: Mapping[str, Sequence[Row]], now_ms: int) -> None:
    limit = now_ms + MAX_CLOCK_SKEW_MS
    for table, table_rows in rows.items():
        for row in table_rows:
            stamps = [row["created_hlc"], row["updated_hlc"], *row["versions"].split()]
            for stamp in stamps:
                wall = int(stamp[:15])
                if wall > limit:
                    device = stamp.split(".", 2)[2]
                    raise AdmissionError(
                        f"เครื่อง {device} ประทับเวลา {_when(wall)} ไว้ในข้อมูล ({table} {row['id']}) "
                        f"ล่วงหน้านาฬิกาเครื่องรับ ({_when(now_ms)}) เกินหนึ่งวัน "
                        "ให้ตั้งวันเวลาของเครื่องนั้นให้ถูกต้อง",
                        f"device {device} stamped {table} {row['id']} at {_when(wall)}, more "
                        f"than a day ahead of this clock ({_when(now_ms)}); set that "
                        "device's date and time right",
                    )


def _check_writers(rows: Mapping[str, Sequence[Row]]) -> None:
    for table, table_rows in rows.items():
        for row in table_rows:
            stamped_by = row["updated_hlc"].split(".", 2)[2]
            if row["device_id"] != stamped_by:
                raise AdmissionError(
                    f"{table} {row['id']} ระบุผู้เขียนเป็นเครื่อง {row['device_id']} "
                    f"แต่ตราเวลาเป็นของเครื่อง {stamped_by}",
                    f"{table} {row['id']} names device {row['device_id']} as its writer, "
                    f"but its stamp is device {stamped_by}'s",
                )


Key = tuple[str, str]  # (table, row id)


def _check_workshops(connection: Connection, rows: Mapping[str, Sequence[Row]]) -> None:
    owner: dict[Key, str] = {}
    for table in SYNCED_TABLES:
        for row in rows.get(table.name, ()):
            if table.name == "workshops":
                owner[(table.name, row["id"])] = row["id"]
            elif "workshop_id" in table.c and row["workshop_id"] is not None:
                owner[(table.name, row["id"])] = row["workshop_id"]
    # Rows without workshop_id belong to their owner's workshop; owners come first.
    for table in SYNCED_TABLES:
        column = OWNER_COLUMN.get(table.name)
        if column is None or not rows.get(table.name):
            continue
        parent = dict(references(table))[column]
        _look_up(connection, parent, (row[column] for row in rows[table.name]), owner)
        for row in rows[table.name]:
            if (parent, row[column]) in owner:
                owner[(table.name, row["id"])] = owner[(parent, row[column])]
    for table in SYNCED_TABLES:
        table_rows = rows.get(table.name, ())
        for column, parent in references(table):
            _look_up(connection, parent, (row[column] for row in table_rows), owner)
            for row in table_rows:
                workshop = owner.get((table.name, row["id"]))
                theirs = owner.get((parent, row[column]))
                if row[column] is None or workshop is None or theirs is None:
                    continue  # a missing parent is a gap, told elsewhere
                if theirs != workshop:
                    raise AdmissionError(
                        f"{table.name} {row['id']} ของงานประชุม {workshop} อ้างถึง {parent} "
                        f"{row[column]} ซึ่งเป็นของงานประชุมอื่น ({theirs})",
                        f"{table.name} {row['id']} of workshop {workshop} refers to {parent} "
                        f"{row[column]}, which belongs to another workshop ({theirs})",
                    )


def _look_up(
    connection: Connection, table_name: str, ids: Iterable[str | None], owner: dict[Key, str]
) -> None:
    """Add to ``owner`` the workshops of stored rows not yet known."""
    wanted = sorted({i for i in ids if i is not None and (table_name, i) not in owner})
    if not wanted:
        return
    table = TABLES_BY_NAME[table_name]
    if table_name == "workshops":
        owner.update(((table_name, i), i) for i in wanted)
        return
    column = "workshop_id" if "workshop_id" in table.c else OWNER_COLUMN[table_name]
    found = _stored(connection, table, column, wanted)
    if column != "workshop_id":
        parent = dict(references(table))[column]
        _look_up(connection, parent, found.values(), owner)
        found = {i: owner[(parent, p)] for i, p in found.items() if (parent, p) in owner}
    owner.update(((table_name, i), w) for i, w in found.items())


def _stored(connection: Connection, table: Table, column: str, ids: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        query = select(table.c.id, table.c[column]).where(id_in(connection, table.c.id, chunk))
        found.update((i, value) for i, value in connection.execute(query) if value is not None)
    return found
