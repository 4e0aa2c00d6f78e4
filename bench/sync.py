"""Sync benchmark: the large demo pushed to a PostgreSQL server, and as a bundle.

Run: ``python bench/sync.py`` (or ``make bench``). Starts a throwaway PostgreSQL server
(as the tests do), builds the large demo (2,000 ideas, 312 attendees, 150 projects, three
vote rounds) in a temporary SQLite file, then times, three times each:

* pushing the whole outbox to an empty, migrated server database (batches of 500 rows,
  each merged in one server transaction with its change-log entries and the device's
  cursor), against loading the same rows, already in memory, with PostgreSQL COPY into
  another empty database: the goal is a push within 3x of COPY;
* a sync with nothing new (connect, check the schema, push, pull, push): < 0.2 s;
* a sync with a server restored from a dump taken before the laptop's push (pg_dump,
  then pg_restore --clean): the laptop notices the new epoch, queues every row it holds
  and sends the whole large demo again, then pulls the log from the start: < 3 s;
* exporting the demo to a bundle, and importing that bundle into an empty file: < 3 s.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from figures import Figure, report, timed_runs
from sqlalchemy import create_engine

# The throwaway server of the tests (tests/postgres.py) serves the bench as well.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.postgres import ThrowawayPostgres
from workshop_app.db.database import Database, open_database
from workshop_app.services.demo import create_demo_workshop
from workshop_app.sync.bundle import export_bundle, import_bundle
from workshop_app.sync.server import SyncResult, connect_server, push, sync
from workshop_app.sync.tables import SYNCED_TABLES

RUNS = 3


def copy_load(server: ThrowawayPostgres, rows: dict[str, list[tuple[object, ...]]]) -> float:
    """Seconds to COPY the rows into an empty migrated database, one transaction."""
    url = server.create_database()
    connect_server(url).dispose()
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")  # connected before the clock starts
            connection.commit()
            start = time.perf_counter()
            with connection.begin():
                cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
                for table in SYNCED_TABLES:
                    columns = ", ".join(c.name for c in table.columns)
                    with cursor.copy(f"COPY {table.name} ({columns}) FROM STDIN") as copy:
                        for row in rows.get(table.name, []):
                            copy.write_row(row)
            # The commit counts: the references are checked there, as in a push.
            seconds = time.perf_counter() - start
    finally:
        engine.dispose()
    return seconds


def restored_server_syncs(server: ThrowawayPostgres, laptop: Database, url: str) -> list[float]:
    """Seconds of each sync right after the server was put back to an empty backup."""
    dbname = url.rsplit("/", 1)[1]
    empty = server.create_database()
    connect_server(empty).dispose()
    backup = server.dump(empty.rsplit("/", 1)[1])
    times = []
    for _ in range(RUNS):
        server.restore(dbname, backup, recreate=False)
        start = time.perf_counter()
        result = sync(laptop, url)
        times.append(time.perf_counter() - start)
        assert result.fresh_start, "the restore went unnoticed"
    print(f"restored server: re-sent {result.pushed_rows:,} rows")
    return times


def main() -> int:
    with tempfile.TemporaryDirectory() as folder, ThrowawayPostgres() as server:
        root = Path(folder)
        demo = root / "demo.sqlite"
        database = open_database(demo)
        with database.transaction() as session:
            create_demo_workshop(session, "large")
        # The rows as stored (amounts as satang, dates as text), ready for COPY.
        rows: dict[str, list[tuple[object, ...]]] = {}
        with database.engine.connect() as connection:
            for table in SYNCED_TABLES:
                columns = ", ".join(c.name for c in table.columns)
                result = connection.exec_driver_sql(f"SELECT {columns} FROM {table.name}")
                rows[table.name] = [tuple(row) for row in result]
        total = sum(len(r) for r in rows.values())
        database.close()
        print(f"large demo: {total:,} rows in {len(SYNCED_TABLES)} tables")

        push_times: list[float] = []
        for run in range(RUNS):
            copy = root / f"push{run}.sqlite"
            shutil.copy(demo, copy)
            laptop = open_database(copy)
            url = server.create_database()
            engine = connect_server(url)
            start = time.perf_counter()
            push(laptop, engine, SyncResult())
            push_times.append(time.perf_counter() - start)
            engine.dispose()
            if run == RUNS - 1:
                again_times = timed_runs(lambda: sync(laptop, url), RUNS)  # noqa: B023
                restored_times = restored_server_syncs(server, laptop, url)
            laptop.close()
        copy_times = [copy_load(server, rows) for _ in range(RUNS)]

        source = open_database(demo)
        bundle = root / "demo.wsbundle"
        export_times = timed_runs(lambda: export_bundle(source, bundle), RUNS)
        source.close()
        import_times = []
        for run in range(RUNS):
            target = open_database(root / f"import{run}.sqlite")
            start = time.perf_counter()
            import_bundle(target, bundle)
            import_times.append(time.perf_counter() - start)
            target.close()
        print(f"bundle: {bundle.stat().st_size / 1024:.0f} KB")

    push_median = statistics.median(push_times)
    copy_median = statistics.median(copy_times)
    print(f"push median {push_median:.2f} s, COPY median {copy_median:.2f} s")
    figures: list[Figure] = [
        (
            "push to an empty server / COPY of the same rows (medians)",
            push_median / copy_median,
            3.0,
            "x",
        ),
        ("sync with nothing new, median", statistics.median(again_times), 0.2, "s"),
        ("sync with nothing new, worst", max(again_times), 0.2, "s"),
        ("sync with a restored server, median", statistics.median(restored_times), 3.0, "s"),
        ("sync with a restored server, worst", max(restored_times), 3.0, "s"),
        ("bundle export, median", statistics.median(export_times), 3.0, "s"),
        ("bundle export, worst", max(export_times), 3.0, "s"),
        ("bundle import into an empty file, median", statistics.median(import_times), 3.0, "s"),
        ("bundle import into an empty file, worst", max(import_times), 3.0, "s"),
    ]
    return 0 if report("Sync (large demo)", figures) else 1


if __name__ == "__main__":
    sys.exit(main())
