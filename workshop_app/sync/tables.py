"""The synced tables: their order, their references, which workshop a row belongs to,
and how a row is written as JSON (bundles, the conflicts table) and read back.

Everything here is derived from the models, so a table a later issue adds is synced
as soon as it is declared with ``SyncedRow`` (and, if it does not carry ``workshop_id``,
named in ``OWNER_COLUMN``).
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    ColumnElement,
    Date,
    Float,
    Integer,
    Select,
    String,
    Table,
    Time,
    select,
    true,
)

from workshop_app.db.hlc import STAMP_PATTERN
from workshop_app.db.types import Money, UtcDateTime
from workshop_app.errors import UserError
from workshop_app.models import Base, SyncConflict, SyncedRow

Row = dict[str, Any]
# Amounts are stored as satang in a 64-bit integer.
MAX_AMOUNT = Decimal(2**63) / 100


def _synced_tables() -> list[Table]:
    synced = {
        mapper.persist_selectable.description
        for mapper in Base.registry.mappers
        if issubclass(mapper.class_, SyncedRow)
    }
    # sorted_tables puts every parent before its children.
    return [table for table in Base.metadata.sorted_tables if table.name in synced]


SYNCED_TABLES: list[Table] = _synced_tables()
TABLES_BY_NAME: dict[str, Table] = {table.name: table for table in SYNCED_TABLES}
CONFLICTS: Table = TABLES_BY_NAME[SyncConflict.__tablename__]

# Tables without a workshop_id column belong to the workshop of the row this column
# points at.
OWNER_COLUMN = {
    "vote_criteria": "round_id",
    "vote_round_events": "round_id",
    "vote_round_ideas": "round_id",
    "ballots": "round_id",
    "paper_tallies": "round_id",
    "ballot_marks": "ballot_id",
    "project_budgets": "project_id",
    "project_activities": "project_id",
    "project_ideas": "project_id",
}


def references(table: Table) -> list[tuple[str, str]]:
    """(column, referenced table) for each foreign key of a synced table."""
    return [
        (column.name, next(iter(column.foreign_keys)).column.table.name)
        for column in table.columns
        if column.foreign_keys
    ]


def dangling_references(rows: Mapping[str, Iterable[Mapping[str, Any]]]) -> dict[str, set[str]]:
    """By referenced table, the ids the rows (by table) point at that are not among the
    rows themselves: what must already be on the other side, or be sent too."""
    tables = {name: list(table_rows) for name, table_rows in rows.items()}
    present = {name: {row["id"] for row in table_rows} for name, table_rows in tables.items()}
    dangling: dict[str, set[str]] = {}
    for name, table_rows in tables.items():
        for column, parent in references(TABLES_BY_NAME[name]):
            for row in table_rows:
                value = row[column]
                if value is not None and value not in present.get(parent, ()):
                    dangling.setdefault(parent, set()).add(value)
    return dangling


def workshop_condition(table: Table, workshop_ids: Iterable[str]) -> ColumnElement[bool]:
    """SQL condition: the row belongs to one of these workshops."""
    ids = list(workshop_ids)
    if table.name == "workshops":
        return table.c.id.in_(ids)
    if "workshop_id" in table.c:
        return table.c.workshop_id.in_(ids)
    column = OWNER_COLUMN[table.name]
    parent = TABLES_BY_NAME[dict(references(table))[column]]
    return table.c[column].in_(select(parent.c.id).where(workshop_condition(parent, ids)))


def rows_query(table: Table, workshop_ids: Iterable[str] | None = None) -> Select[Any]:
    """Every row of the table (of these workshops), in a stable order."""
    condition = true() if workshop_ids is None else workshop_condition(table, workshop_ids)
    return select(table).where(condition).order_by(table.c.id)


class RowError(UserError):
    """A row from outside (a bundle) that does not fit the table."""


def encode_value(value: Any) -> Any:
    """A database value as JSON: dates and times in ISO 8601, amounts as decimal text."""
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, dt.date | dt.time):  # datetime is a date too
        return value.isoformat()
    return value


def encode_row(row: Mapping[str, Any]) -> Row:
    return {name: encode_value(value) for name, value in row.items()}


def row_json(row: Mapping[str, Any]) -> str:
    return json.dumps(encode_row(row), ensure_ascii=False, separators=(",", ":"))


def _decode_value(table: Table, name: str, value: Any) -> Any:
    column = table.c[name]
    kind = column.type
    if value is None:
        if not column.nullable:
            raise ValueError("ต้องมีค่า / must not be empty")
        return None
    if isinstance(kind, Money):
        if not isinstance(value, str):
            raise ValueError("ต้องเป็นข้อความตัวเลข / must be a decimal string")
        try:
            amount = Decimal(value)
            if not amount.is_finite() or abs(amount) >= MAX_AMOUNT:
                raise InvalidOperation
            if amount != amount.quantize(Decimal("0.01")):
                raise InvalidOperation
        except InvalidOperation:
            raise ValueError("ไม่ใช่จำนวนเงิน / not an amount") from None
        return amount
    if isinstance(kind, UtcDateTime | Date | Time):
        return _decode_time(kind, _text(value))
    if isinstance(kind, Boolean):
        if not isinstance(value, bool):
            raise ValueError("ต้องเป็น true/false / must be true or false")
        return value
    if isinstance(kind, Integer):  # BigInteger is an Integer too
        # The server's INTEGER is 32-bit; BIGINT 64-bit.
        limit = 2**63 if isinstance(kind, BigInteger) else 2**31
        if isinstance(value, bool) or not isinstance(value, int) or not -limit <= value < limit:
            raise ValueError("ต้องเป็นจำนวนเต็มในช่วงที่เก็บได้ / must be a whole number in range")
        return value
    if isinstance(kind, Float):
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            raise ValueError("ต้องเป็นตัวเลข / must be a finite number")
        return float(value)
    text = _text(value)
    if name in ("created_hlc", "updated_hlc") and not _is_stamp(text):
        raise ValueError("ไม่ใช่ตราเวลาของโปรแกรม / not a clock stamp")
    # An empty vector is read as the row's own stamp (docs/bundle-format.md).
    if name == "versions" and text and not all(_is_stamp(s) for s in text.split(" ")):
        raise ValueError("ไม่ใช่รายการตราเวลา / not a list of clock stamps")
    if isinstance(kind, String) and kind.length is not None and len(text) > kind.length:
        raise ValueError(f"ยาวเกิน {kind.length} ตัวอักษร / longer than {kind.length}")
    if "\x00" in text:
        raise ValueError("มีอักขระ NUL / contains a NUL character")
    return text


def _decode_time(kind: Any, text: str) -> dt.date | dt.time:
    try:
        if isinstance(kind, Date):
            return dt.date.fromisoformat(text)
        if isinstance(kind, Time):
            return dt.time.fromisoformat(text)
        stamp = dt.datetime.fromisoformat(text)
    except ValueError:
        raise ValueError("ไม่ใช่วันที่หรือเวลาที่ถูกต้อง / not a valid date or time") from None
    if stamp.tzinfo is None:
        raise ValueError("ต้องระบุเขตเวลา / needs a time zone")
    try:
        stamp.astimezone(dt.UTC)  # stored in UTC: must exist there (not before year 1)
    except OverflowError:
        raise ValueError("อยู่นอกช่วงเวลาที่เก็บได้ / out of range") from None
    return stamp


# No genuine stamp lies after 2100; a stamp far ahead would drag every clock it meets.
LAST_WALL_MS = 4_102_444_800_000


def _is_stamp(text: str) -> bool:
    return STAMP_PATTERN.fullmatch(text) is not None and int(text[:15]) < LAST_WALL_MS


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("ต้องเป็นข้อความ / must be text")
    return value


def decode_row(table: Table, data: Any, where: str) -> Row:
    """A row read from JSON, checked against the table; ``where`` names the place."""
    if not isinstance(data, dict):
        raise RowError(f"{where}: ไม่ใช่ข้อมูลแถว", f"{where}: not a row object")
    expected = set(table.c.keys())
    if set(data) != expected:
        missing = ", ".join(sorted(expected - set(data))) or "-"
        unknown = ", ".join(sorted(set(data) - expected)) or "-"
        raise RowError(
            f"{where}: คอลัมน์ไม่ตรงกับตาราง {table.name} (ขาด: {missing}; เกิน: {unknown})",
            f"{where}: columns do not match table {table.name} "
            f"(missing: {missing}; unknown: {unknown})",
        )
    row: Row = {}
    for name, value in data.items():
        try:
            row[name] = _decode_value(table, name, value)
        except ValueError as exc:
            thai, _, english = str(exc).partition(" / ")
            raise RowError(
                f"{where}: คอลัมน์ {name} {thai or english}",
                f"{where}: column {name}: {english or thai}",
            ) from None
    return row
