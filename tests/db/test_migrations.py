"""The migrations build exactly the schema the models describe, and upgrade old files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, create_engine, inspect, text

from workshop_app.db.database import (
    _alembic_config,
    data_revision,
    head_revision,
    open_database,
)
from workshop_app.models import Base
from workshop_app.services.workshops import create_workshop, get_workshop


def test_migrated_schema_matches_the_models(tmp_path: Path) -> None:
    database = open_database(tmp_path / "schema.sqlite")
    try:
        with database.engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"compare_type": True, "render_as_batch": True}
            )
            differences = compare_metadata(context, Base.metadata)
    finally:
        database.close()
    # local_device is kept by the database layer itself, outside the ORM.
    unexpected = [
        d for d in differences if not (d[0] == "remove_table" and d[1].name == "local_device")
    ]
    assert unexpected == []


def test_a_file_from_the_first_version_is_upgraded_with_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    database = open_database(path)
    with database.transaction() as session:
        workshop_id = create_workshop(session, "ประชุมปีที่แล้ว")
    database.close()
    # Back to revision 0007 through the later migrations' own downgrades (SQLite cannot
    # drop a column that a foreign key names; 0008's drops the server identity), on a
    # connection without foreign keys enforced, then by hand below.
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        command.downgrade(_alembic_config(connection), "0007_device_home")
    engine.dispose()
    # Turn the file back into a first-version file: no voting or idea tables, no glossary,
    # none of the minutes columns, no action plan.
    with sqlite3.connect(path) as conn:
        for table in (
            "reference_items",
            "project_ideas",
            "project_activities",
            "project_budgets",
            "projects",
            "paper_tallies",
            "ballot_marks",
            "ballots",
            "vote_round_events",
            "vote_criteria",
            "vote_round_ideas",
            "vote_rounds",
        ):
            conn.execute(f"DROP TABLE {table}")
        conn.execute("DROP TABLE idea_merge_events")
        conn.execute("DROP TABLE ideas")
        conn.execute("ALTER TABLE workshops DROP COLUMN glossary")
        for column in (
            "minutes_taker",
            "minutes_taker_position",
            "minutes_checker",
            "minutes_checker_position",
        ):
            conn.execute(f"ALTER TABLE workshops DROP COLUMN {column}")
        conn.execute("ALTER TABLE attendees DROP COLUMN stands_in_for")
        conn.execute("ALTER TABLE attendees DROP COLUMN absence_reason")
        conn.execute("ALTER TABLE agenda_items DROP COLUMN shows_results")
        conn.execute("ALTER TABLE strategic_issues DROP COLUMN indicators")
        for table in (
            "sync_servers",
            "sync_devices",
            "sync_log",
            "sync_outbox",
            "sync_conflicts",
        ):
            conn.execute(f"DROP TABLE {table}")
        for table in ("workshops", "strategic_issues", "agenda_items", "sectors", "attendees"):
            conn.execute(f"ALTER TABLE {table} DROP COLUMN versions")
        conn.execute("ALTER TABLE local_device DROP COLUMN home")
        conn.execute("ALTER TABLE local_device DROP COLUMN push_epoch")
        conn.execute("UPDATE alembic_version SET version_num = '0001_initial'")
    conn.close()

    database = open_database(path)
    try:
        with database.session() as session:
            workshop = get_workshop(session, workshop_id)
            assert workshop.title == "ประชุมปีที่แล้ว"
            assert workshop.glossary == ""
            assert workshop.minutes_taker == ""
            # The rows written before sync existed are their writer's version, and wait
            # in the outbox like any new write.
            stamps = session.execute(text("SELECT versions, updated_hlc FROM workshops")).one()
            assert stamps[0] == stamps[1]
            outbox = session.execute(text("SELECT table_name, row_id FROM sync_outbox")).all()
            assert ("workshops", workshop_id) in outbox
        revision = (
            database.engine.connect()
            .exec_driver_sql("SELECT version_num FROM alembic_version")
            .scalar_one()
        )
        assert revision == head_revision()
    finally:
        database.close()
    assert list(tmp_path.glob("old.before-upgrade-*"))


def _columns(connection: Connection) -> dict[str, list[tuple[str, str, bool]]]:
    inspector = inspect(connection)
    return {
        table: [
            (c["name"], str(c["type"]), bool(c["nullable"])) for c in inspector.get_columns(table)
        ]
        for table in inspector.get_table_names()
    }


def test_a_migration_that_says_it_changes_no_data_changes_no_column(tmp_path: Path) -> None:
    """Bundles follow data_revision, which passes over such migrations: each of them,
    run up and down again, leaves every table's columns as they were."""
    scripts = ScriptDirectory.from_config(_alembic_config())
    index_only = [
        s for s in scripts.walk_revisions() if getattr(s.module, "changes_data", True) is False
    ]
    assert index_only, "0011_board_indexes says it changes no data"
    newest_with_data = next(
        s.revision
        for s in scripts.walk_revisions()  # newest first
        if getattr(s.module, "changes_data", True) is not False
    )
    assert data_revision() == newest_with_data != head_revision()
    path = tmp_path / "index_only.sqlite"
    open_database(path).close()
    engine = create_engine(f"sqlite:///{path}")
    try:
        for script in index_only:
            with engine.begin() as connection:
                command.downgrade(_alembic_config(connection), str(script.down_revision))
                before = _columns(connection)
                command.upgrade(_alembic_config(connection), script.revision)
                assert _columns(connection) == before, script.revision
            with engine.begin() as connection:
                command.upgrade(_alembic_config(connection), "head")
    finally:
        engine.dispose()
