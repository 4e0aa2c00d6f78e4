"""Helpers for the sync tests: what a replica holds, for comparing replicas."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from workshop_app.db.database import Database
from workshop_app.services.demo import create_demo_workshop
from workshop_app.sync.tables import SYNCED_TABLES, encode_row, rows_query


def snapshot(source: Database | Engine) -> dict[str, dict[str, dict[str, Any]]]:
    """Every synced row by table and id, as JSON values (every column compared)."""
    engine = source.engine if isinstance(source, Database) else source
    with engine.connect() as connection:
        return {
            table.name: {
                row["id"]: encode_row(dict(row))
                for row in connection.execute(rows_query(table)).mappings()
            }
            for table in SYNCED_TABLES
        }


def small_demo(database: Database) -> str:
    """The small demo workshop (394 rows) on one laptop; its id."""
    with database.transaction() as session:
        return create_demo_workshop(session, "small")


def outbox_size(database: Database) -> int:
    with database.engine.connect() as connection:
        return int(connection.exec_driver_sql("SELECT count(*) FROM sync_outbox").scalar_one())
