"""The provincial server's life: restored from a backup, replaced by a new empty one,
frozen. The laptops notice, send again what the server lacks and pull from the start;
every replica ends identical and nothing is lost or doubled."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from tests.postgres import ThrowawayPostgres
from tests.sync.replicas import small_demo, snapshot
from workshop_app.db.database import Database
from workshop_app.services.ideas import IdeaDraft, add_idea, list_ideas, update_idea
from workshop_app.sync.server import (
    NEW_EPOCH,
    NEW_SERVER,
    SERVER_BEHIND,
    Checkpoint,
    SyncError,
    sync,
)


def _server_rows(url: str) -> dict[str, dict[str, dict[str, object]]]:
    engine = create_engine(url)
    try:
        return snapshot(engine)
    finally:
        engine.dispose()


def _add_ideas(database: Database, workshop_id: str, texts: list[str]) -> None:
    with database.transaction() as session:
        issue_id = (
            session.execute(
                text("SELECT id FROM strategic_issues WHERE workshop_id = :w ORDER BY number"),
                {"w": workshop_id},
            )
            .scalars()
            .first()
        )
        assert issue_id is not None
        for wording in texts:
            add_idea(session, workshop_id, issue_id, IdeaDraft(text=wording))


def _converge(laptops: list[Database], url: str) -> None:
    for _ in range(2):
        for laptop in laptops:
            sync(laptop, url, batch_rows=60)


def _dbname(url: str) -> str:
    return url.rsplit("/", 1)[1]


@pytest.mark.parametrize("recreate", [True, False], ids=["new-database", "pg_restore-clean"])
def test_a_server_restored_from_a_dump_gets_back_what_it_lost(
    laptops: list[Database],
    server_url: str,
    postgres_server: ThrowawayPostgres,
    recreate: bool,
) -> None:
    a, b, c = laptops
    workshop_id = small_demo(a)
    sync(a, server_url)
    sync(b, server_url)
    dump = postgres_server.dump(_dbname(server_url))
    # After the nightly backup: both laptops write, push and pull.
    _add_ideas(a, workshop_id, ["ขยายตลาดสินค้าชุมชนสู่ออนไลน์", "ส่งเสริมการท่องเที่ยวเชิงเกษตร"])
    sync(a, server_url)
    with b.session() as session:
        idea_id = list_ideas(session, workshop_id)[3].id
    with b.transaction() as session:
        update_idea(session, idea_id, IdeaDraft(text="ปรับปรุงระบบประปาหมู่บ้าน ต.หนองบัว"))
    _add_ideas(b, workshop_id, ["จัดตั้งศูนย์ดูแลผู้สูงอายุประจำตำบล"])
    sync(b, server_url)
    sync(a, server_url)
    before_restore = snapshot(a)
    assert before_restore == snapshot(b) == _server_rows(server_url)

    postgres_server.restore(_dbname(server_url), dump, recreate=recreate)
    assert _server_rows(server_url) != before_restore  # the server lost the later work

    first = sync(a, server_url)
    assert first.fresh_start == NEW_EPOCH
    assert first.pushed_rows >= sum(len(rows) for rows in before_restore.values())
    _converge([a, b, c], server_url)
    final = _server_rows(server_url)
    assert snapshot(a) == snapshot(b) == snapshot(c) == final
    assert final == before_restore  # nothing lost, nothing doubled, nothing changed
    assert final["ideas"][idea_id]["text"] == "ปรับปรุงระบบประปาหมู่บ้าน ต.หนองบัว"
    again = sync(b, server_url)
    assert (again.fresh_start, again.pushed_rows, again.pulled_rows) == ("", 0, 0)


def test_a_server_put_back_without_a_visible_restore_is_noticed_by_the_laptops(
    laptops: list[Database], server_url: str, postgres_server: ThrowawayPostgres
) -> None:
    """A restore the server itself cannot see (a file-level copy keeps its object ids):
    a laptop that pulled or pushed more than the server now knows starts a new epoch,
    and the other laptops follow it."""
    a, b, _ = laptops
    workshop_id = small_demo(a)
    sync(a, server_url)
    sync(b, server_url)
    dump = postgres_server.dump(_dbname(server_url))
    _add_ideas(a, workshop_id, ["พัฒนาแหล่งน้ำเพื่อการเกษตรในเขตอำเภอเมือง"])
    sync(a, server_url)
    sync(b, server_url)
    postgres_server.restore(_dbname(server_url), dump, recreate=False)
    engine = create_engine(server_url)
    with engine.begin() as connection:  # hide the restore from the server's own check
        connection.execute(
            text(
                "UPDATE sync_identity SET anchor = "
                "(SELECT oid FROM pg_database WHERE datname = current_database())::text"
                " || ':' || 'sync_log'::regclass::oid::text"
                " || ':' || (pg_current_xact_id()::text::bigint % 4294967296)::text"
            )
        )
    engine.dispose()
    noticed = sync(b, server_url)
    assert noticed.fresh_start == SERVER_BEHIND
    followed = sync(a, server_url)
    assert followed.fresh_start == NEW_EPOCH
    _converge([a, b], server_url)
    assert snapshot(a) == snapshot(b) == _server_rows(server_url)
    assert len(snapshot(b)["ideas"]) == 61


def test_a_laptop_works_against_a_new_empty_server(
    laptops: list[Database], server_url: str, postgres_server: ThrowawayPostgres
) -> None:
    """Once a foreign-key error on every try: the outbox no longer held the parents."""
    a, b, _ = laptops
    workshop_id = small_demo(a)
    sync(a, server_url)
    sync(b, server_url)
    _add_ideas(b, workshop_id, ["ฝึกอบรมอาชีพให้เยาวชนนอกระบบการศึกษา"])
    sync(b, server_url)
    # The office rebuilt its server: the same address, an empty database.
    postgres_server.drop_database(_dbname(server_url))
    postgres_server.create_database(_dbname(server_url))
    result = sync(b, server_url)
    assert result.fresh_start == NEW_SERVER
    assert _server_rows(server_url) == snapshot(b)
    # And another new server at another address.
    other = postgres_server.create_database()
    try:
        assert sync(a, other).fresh_start == NEW_SERVER
        _converge([a, b], other)
        assert snapshot(a) == snapshot(b) == _server_rows(other)
    finally:
        postgres_server.drop_database(_dbname(other))


@pytest.fixture
def frozen(postgres_server: ThrowawayPostgres) -> Iterator[list[int]]:
    """The processes a test stopped (SIGSTOP); they go on (SIGCONT) at its end, whatever
    happened, since the server serves the other tests too."""
    stopped: list[int] = []
    yield stopped
    for pid in stopped:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGCONT)


def _freeze(postgres_server: ThrowawayPostgres, stopped: list[int]) -> None:
    for pid in postgres_server.server_processes():
        os.kill(pid, signal.SIGSTOP)
        stopped.append(pid)


def test_a_frozen_server_gives_a_clear_error_in_time(
    laptops: list[Database],
    server_url: str,
    postgres_server: ThrowawayPostgres,
    frozen: list[int],
) -> None:
    a, b, _ = laptops
    small_demo(a)

    # Frozen in the middle of a sync: a statement never gets its answer.
    def freeze_after_first_batch(name: str) -> None:
        if name == "push:after-commit" and not frozen:
            _freeze(postgres_server, frozen)

    checkpoint: Checkpoint = freeze_after_first_batch
    start = time.monotonic()
    cut = r"did not answer within 2 s\. Before that, \d+ rows were sent"
    with pytest.raises(SyncError, match=cut):
        sync(a, server_url, batch_rows=100, checkpoint=checkpoint, timeout=2)
    assert time.monotonic() - start < 15
    # Frozen before a sync: the connection itself is not answered.
    start = time.monotonic()
    with pytest.raises(SyncError, match="cannot sync with"):
        sync(b, server_url, timeout=2)
    assert time.monotonic() - start < 15
    for pid in frozen:
        os.kill(pid, signal.SIGCONT)
    frozen.clear()
    # Thawed: the sync carries on where it stopped.
    sync(a, server_url)
    sync(b, server_url)
    assert snapshot(a) == snapshot(b) == _server_rows(server_url)


class _CancelledError(Exception):
    """What the GUI's Cancel raises from the progress callback."""


def test_a_sync_still_connecting_is_abandoned_at_once(db: Database) -> None:
    """A computer that takes the connection and never answers holds libpq's connect for
    the whole timeout; the progress callback is asked meanwhile, and what it raises
    (Cancel) ends the sync at once, nothing sent or received. Without Cancel, the timeout
    still ends it with the clear error."""
    small_demo(db)
    before = snapshot(db)
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)  # never accepted: the startup packet is never answered
    url = f"postgresql+psycopg://planner@127.0.0.1:{listener.getsockname()[1]}/trat_plan"
    pressed_at = time.monotonic() + 0.4
    phases: list[str] = []

    def cancel_soon(phase: str, _rows: int) -> None:
        phases.append(phase)
        if time.monotonic() >= pressed_at:
            raise _CancelledError

    try:
        with pytest.raises(_CancelledError):
            sync(db, url, progress=cancel_soon, timeout=30)
        assert time.monotonic() - pressed_at < 0.5
        assert set(phases) == {"connect"}
        assert snapshot(db) == before
        start = time.monotonic()
        with pytest.raises(SyncError, match="cannot sync with"):
            sync(db, url, progress=lambda _phase, _rows: None, timeout=2)
        assert time.monotonic() - start < 10
    finally:
        listener.close()
    assert snapshot(db) == before
