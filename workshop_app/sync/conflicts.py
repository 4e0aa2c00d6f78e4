"""Review of conflicting versions: list them, keep the current one, or take the other.

Taking the other version is an ordinary edit made here (a new stamp, later than both),
so it reaches every device by the next sync. The version it replaces is kept as a
conflict of its own (resolution "replaced"), so taking is never a loss and can be
undone by taking that one back.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workshop_app.db.hlc import Stamp
from workshop_app.errors import UserError
from workshop_app.models import Base, SyncConflict
from workshop_app.sync.merge import conflict_id
from workshop_app.sync.tables import TABLES_BY_NAME, decode_row, encode_row

# Bookkeeping columns: not shown as differences, never copied from another version.
SYNC_COLUMNS = frozenset({"id", "created_hlc", "updated_hlc", "device_id", "versions"})
# The column that names a row for a person, per table (first match wins).
TITLE_COLUMNS = ("title", "text", "name", "first_name", "label", "code", "number")


class Resolution:
    OPEN = ""
    KEPT = "kept"  # the current version stays
    TAKEN = "taken"  # this version replaced the current one
    REPLACED = "replaced"  # this was the current version until another was taken


@dataclass(frozen=True)
class FieldDifference:
    column: str
    this_version: Any  # JSON values, as in a bundle
    current: Any


@dataclass(frozen=True)
class ConflictRow:
    id: str
    table_name: str
    row_id: str
    title: str  # what the row is, for a person (the current version's name or text)
    version_device: str
    version_time: dt.datetime  # when the losing version was written (UTC)
    current_time: dt.datetime
    differences: list[FieldDifference]
    resolution: str


def stamp_time(stamp: str) -> dt.datetime:
    return dt.datetime.fromtimestamp(Stamp.decode(stamp).wall_ms / 1000, dt.UTC)


def _mapped_class(table_name: str) -> type[Any]:
    for mapper in Base.registry.mappers:
        if mapper.persist_selectable.description == table_name:
            return mapper.class_
    raise KeyError(table_name)


def _current_row(session: Session, table_name: str, row_id: str) -> dict[str, Any]:
    table = TABLES_BY_NAME[table_name]
    found = session.execute(select(table).where(table.c.id == row_id)).mappings().first()
    return encode_row(dict(found)) if found else {}


def _title(row: dict[str, Any]) -> str:
    if "first_name" in row:
        return f"{row['first_name']} {row.get('last_name', '')}".strip()
    for column in TITLE_COLUMNS:
        if row.get(column) not in (None, ""):
            return str(row[column])
    return str(row.get("id", ""))


def list_conflicts(
    session: Session, workshop_id: str | None = None, include_resolved: bool = False
) -> list[ConflictRow]:
    """Conflicts of a workshop (or all), newest first; open ones only unless asked."""
    query = select(SyncConflict).where(SyncConflict.deleted.is_(False))
    if workshop_id is not None:
        query = query.where(SyncConflict.workshop_id == workshop_id)
    if not include_resolved:
        query = query.where(SyncConflict.resolution == Resolution.OPEN)
    rows = []
    for conflict in session.scalars(query.order_by(SyncConflict.version_hlc.desc())):
        version = json.loads(conflict.data)
        current = _current_row(session, conflict.table_name, conflict.row_id)
        differences = [
            FieldDifference(column, value, current.get(column))
            for column, value in version.items()
            if column not in SYNC_COLUMNS and current.get(column) != value
        ]
        rows.append(
            ConflictRow(
                id=conflict.id,
                table_name=conflict.table_name,
                row_id=conflict.row_id,
                title=_title(current or version),
                version_device=str(version.get("device_id", "")),
                version_time=stamp_time(conflict.version_hlc),
                current_time=stamp_time(current.get("updated_hlc") or conflict.winner_hlc),
                differences=differences,
                resolution=conflict.resolution,
            )
        )
    return rows


def _conflict(session: Session, conflict_id_: str) -> SyncConflict:
    conflict = session.get(SyncConflict, conflict_id_)
    if conflict is None or conflict.deleted:
        raise UserError("ไม่พบข้อมูลที่ขัดแย้งรายการนี้", "no such conflicting version")
    return conflict


def set_resolution(session: Session, conflict_id_: str, resolution: str) -> str:
    """Mark a conflict (kept / open again); returns the resolution it had."""
    conflict = _conflict(session, conflict_id_)
    previous = conflict.resolution
    conflict.resolution = resolution
    session.flush()
    return previous


def take_version(session: Session, conflict_id_: str) -> str:
    """Make the conflicting version the current one; returns the id of the conflict that
    now holds the version it replaced (take that one to go back)."""
    conflict = _conflict(session, conflict_id_)
    table = TABLES_BY_NAME[conflict.table_name]
    target = session.get(_mapped_class(conflict.table_name), conflict.row_id)
    if target is None:
        raise UserError("ไม่พบแถวข้อมูลที่ขัดแย้ง", "the row of this conflict no longer exists")
    current = _current_row(session, conflict.table_name, conflict.row_id)
    replaced_id = conflict_id(conflict.table_name, conflict.row_id, current["updated_hlc"])
    replaced = session.get(SyncConflict, replaced_id)
    if replaced is None:
        session.add(
            SyncConflict(
                id=replaced_id,
                workshop_id=conflict.workshop_id,
                table_name=conflict.table_name,
                row_id=conflict.row_id,
                version_hlc=current["updated_hlc"],
                winner_hlc=conflict.version_hlc,
                data=json.dumps(current, ensure_ascii=False, separators=(",", ":")),
                resolution=Resolution.REPLACED,
            )
        )
    else:
        replaced.resolution = Resolution.REPLACED
    version = decode_row(table, json.loads(conflict.data), f"sync_conflicts {conflict.id}")
    for column, value in version.items():
        if column not in SYNC_COLUMNS:
            setattr(target, column, value)
    conflict.resolution = Resolution.TAKEN
    session.flush()
    return replaced_id
