"""A JSON Schema (draft 2020-12) of bundles, built from the code so it cannot drift.

The document validates ``manifest.json``; under ``$defs`` it has one schema per synced
table for the lines of ``tables/<table>.jsonl``. Row schemas follow ``decode_row``: every
column, nothing else, the column's type; amounts, dates and times in the exact form the
app writes (``decode_row`` also takes a few other spellings, see docs/bundle-format.md).

Regenerate the committed copy with
``python -m workshop_app.sync.schema > docs/bundle-manifest.schema.json``.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import BigInteger, Boolean, Column, Date, Float, Integer, String, Table, Time

from workshop_app.db.database import data_revision
from workshop_app.db.types import Money, UtcDateTime
from workshop_app.sync.bundle import FORMAT, FORMAT_VERSION, MAX_PART_BYTES, PART_NAME
from workshop_app.sync.tables import SYNCED_TABLES

Schema = dict[str, Any]

# Patterns as well as formats: in draft 2020-12 "format" is only an annotation unless a
# validator is asked to check it. [0-9], not \d: Python's \d also matches Thai digits.
DATE = "[0-9]{4}-[0-9]{2}-[0-9]{2}"
CLOCK = "([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]"
PATTERNS = {
    "amount": "^-?[0-9]+\\.[0-9]{2}$",
    "date": f"^{DATE}$",
    "date-time": f"^{DATE}T{CLOCK}(\\.[0-9]+)?(Z|[+-][0-9]{{2}}:[0-9]{{2}})$",
    # A local wall-clock time without offset: not format "time" (RFC 3339 full-time,
    # which requires an offset).
    "time": f"^{CLOCK}(\\.[0-9]{{6}})?$",
    "text": "^[^\\u0000]*$",  # decode_row refuses NUL
    "sha256": "^[0-9a-f]{64}$",
}
LARGEST_INTEGER = 2**63 - 1  # decode_row refuses abs(value) >= 2**63


def _string(pattern: str, **more: Any) -> Schema:
    return {"type": "string", "pattern": PATTERNS[pattern], **more}


def column_schema(column: Column[Any]) -> Schema:
    """The JSON a column's value is written as (``encode_value``) and read back from."""
    kind = column.type
    schema: Schema
    if isinstance(kind, Money):
        schema = _string("amount")
    elif isinstance(kind, UtcDateTime):
        schema = _string("date-time", format="date-time")
    elif isinstance(kind, Date):
        schema = _string("date", format="date")
    elif isinstance(kind, Time):
        schema = _string("time")
    elif isinstance(kind, Boolean):
        schema = {"type": "boolean"}
    elif isinstance(kind, Integer | BigInteger):
        schema = {"type": "integer", "minimum": -LARGEST_INTEGER, "maximum": LARGEST_INTEGER}
    elif isinstance(kind, Float):
        schema = {"type": "number"}
    else:  # String and Text: any text without NUL, at most the column's length
        schema = _string("text")
        if isinstance(kind, String) and kind.length is not None:
            schema["maxLength"] = kind.length
    if column.nullable:
        schema["type"] = [schema["type"], "null"]
    return schema


def row_schema(table: Table) -> Schema:
    return {
        "title": f"A line of tables/{table.name}.jsonl",
        "type": "object",
        "required": [column.name for column in table.columns],
        "additionalProperties": False,
        "properties": {column.name: column_schema(column) for column in table.columns},
    }


def _closed(properties: Schema) -> Schema:
    return {
        "type": "object",
        "required": list(properties),
        "additionalProperties": False,
        "properties": properties,
    }


def bundle_schema() -> Schema:
    text: Schema = {"type": "string"}
    count: Schema = {"type": "integer", "minimum": 0}
    part = _closed(
        {
            "path": {"type": "string", "pattern": f"^{PART_NAME.pattern}$"},
            "table": {"enum": [table.name for table in SYNCED_TABLES]},
            "rows": count,
            "bytes": {**count, "maximum": MAX_PART_BYTES},
            "sha256": _string("sha256"),
        }
    )
    part["description"] = (
        "One table's JSON Lines file. The table must be the one named in the path, and "
        "no path may appear twice."
    )
    manifest = _closed(
        {
            "format": {"const": FORMAT},
            "format_version": {"const": FORMAT_VERSION},
            "schema": {"const": data_revision()},
            "app_version": text,
            "device_id": {**text, "format": "uuid"},
            "created_utc": _string("date-time", format="date-time"),
            "workshops": {"type": "array", "items": _closed({"id": text, "title": text})},
            "parts": {"type": "array", "items": part},
        }
    )
    # Optional: false when the attendees' contact fields were left out (empty).
    manifest["properties"]["contacts"] = {"type": "boolean"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Workshop bundle: manifest.json",
        "description": (
            "The manifest of a bundle (see docs/bundle-format.md). The rows of "
            "tables/<table>.jsonl follow $defs/<table>, one JSON object per line."
        ),
        **manifest,
        "$defs": {table.name: row_schema(table) for table in SYNCED_TABLES},
    }


if __name__ == "__main__":
    print(json.dumps(bundle_schema(), indent=2, ensure_ascii=False))
