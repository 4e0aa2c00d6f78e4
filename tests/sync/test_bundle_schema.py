"""The bundle format's JSON Schema: the committed copy is current, a real bundle passes
it line by line, and the schema and ``decode_row`` refuse the same broken rows."""

from __future__ import annotations

import copy
import json
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator  # type: ignore[import-untyped]

from workshop_app.db.database import open_database
from workshop_app.services.demo import create_demo_workshop
from workshop_app.sync.bundle import MANIFEST, export_bundle
from workshop_app.sync.schema import bundle_schema
from workshop_app.sync.tables import TABLES_BY_NAME, Row, RowError, decode_row

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "docs" / "bundle-manifest.schema.json"
REGENERATE = "python -m workshop_app.sync.schema > docs/bundle-manifest.schema.json"

Bundle = tuple[dict[str, Any], dict[str, list[Row]]]


def _validator(schema: dict[str, Any]) -> Any:
    # With the format checker "date" is checked too, not only the patterns.
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Bundle]:
    """A real bundle's manifest and its rows (as JSON), by table."""
    folder = tmp_path_factory.mktemp("bundle")
    database = open_database(folder / "a.sqlite")
    try:
        with database.transaction() as session:
            create_demo_workshop(session, "small")
        export_bundle(database, folder / "a.bundle")
    finally:
        database.close()
    with zipfile.ZipFile(folder / "a.bundle") as archive:
        manifest = json.loads(archive.read(MANIFEST))
        rows = {
            part["table"]: [
                json.loads(line) for line in archive.read(part["path"]).decode().splitlines()
            ]
            for part in manifest["parts"]
        }
    yield manifest, rows


def test_the_committed_schema_is_current() -> None:
    schema = bundle_schema()
    Draft202012Validator.check_schema(schema)
    expected = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    assert SCHEMA_FILE.read_text(encoding="utf-8") == expected, (
        f"docs/bundle-manifest.schema.json is out of date; regenerate it: {REGENERATE}"
    )


def test_a_real_bundle_passes_the_schema_line_by_line(bundle: Bundle) -> None:
    manifest, rows = bundle
    schema = bundle_schema()
    assert [e.message for e in _validator(schema).iter_errors(manifest)] == []
    # Amounts, dates, times, timestamps, numbers and nulls all occur.
    assert {"workshops", "attendees", "ideas", "project_budgets", "ballots"} <= set(rows)
    errors = []
    for part in manifest["parts"]:
        table = part["table"]
        validator = _validator(schema["$defs"][table])
        assert len(rows[table]) == part["rows"]
        for number, row in enumerate(rows[table], start=1):
            errors += [f"{part['path']}:{number}: {e.message}" for e in validator.iter_errors(row)]
    assert errors == []


def _set(column: str, value: Any) -> Callable[[Row], None]:
    def change(row: Row) -> None:
        row[column] = value

    return change


def _drop(column: str) -> Callable[[Row], None]:
    def change(row: Row) -> None:
        del row[column]

    return change


BROKEN_ROWS = {
    "amount with three decimals": ("project_budgets", _set("amount", "1250.005")),
    "amount as a number": ("project_budgets", _set("amount", 1250.5)),
    "unknown column": ("ideas", _set("colour", "#ff0000")),
    "missing column": ("ideas", _drop("text")),
    "null in a required column": ("ideas", _set("text", None)),
    "text over its length": ("ideas", _set("kind", "p" * 17)),
    "NUL in text": ("workshops", _set("title", "ประชุม\x00")),
    "number as text": ("ideas", _set("position", "1.5")),
    "0 for false": ("ideas", _set("deleted", 0)),
    "integer too large": ("attendees", _set("code", 2**63)),
    "impossible date": ("workshops", _set("start_date", "2026-02-30")),
    "time past midnight": ("workshops", _set("start_time", "24:30:00")),
    "timestamp without zone": ("ballots", _set("at", "2026-01-15T09:30:00")),
}


@pytest.mark.parametrize("case", BROKEN_ROWS)
def test_the_schema_and_decode_row_refuse_the_same_rows(bundle: Bundle, case: str) -> None:
    name, change = BROKEN_ROWS[case]
    table = TABLES_BY_NAME[name]
    validator = _validator(bundle_schema()["$defs"][name])
    row = copy.deepcopy(bundle[1][name][0])
    assert validator.is_valid(row)
    decode_row(table, row, "good")
    change(row)
    assert not validator.is_valid(row)
    with pytest.raises(RowError):
        decode_row(table, row, case)
