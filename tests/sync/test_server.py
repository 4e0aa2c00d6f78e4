"""Push and pull with a real PostgreSQL server: batches, cursors, faults, conflicts."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from tests.sync.replicas import outbox_size, small_demo, snapshot
from workshop_app.cli import main
from workshop_app.db.database import Database, DatabaseError, head_revision, open_database
from workshop_app.services.ideas import IdeaDraft, list_ideas, update_idea
from workshop_app.sync.conflicts import list_conflicts
from workshop_app.sync.server import Checkpoint, SyncError, connect_server, failure_reason, sync

# Test passwords contain Thai, so they are written URL-quoted in the address.
PASSWORD_QUOTED = "secret-%E0%B8%9E-1"


def _server_rows(url: str) -> dict[str, dict[str, dict[str, object]]]:
    engine = create_engine(url)
    try:
        return snapshot(engine)
    finally:
        engine.dispose()


class ConnectionCutError(Exception):
    """The network dropped at a checkpoint."""


def _cut_at(point: str, after: int = 0) -> Checkpoint:
    """A checkpoint that cuts the sync the ``after``-th time it reaches ``point``."""
    seen = {"count": 0}

    def checkpoint(name: str) -> None:
        if name == point:
            if seen["count"] == after:
                seen["count"] += 1
                raise ConnectionCutError(point)
            seen["count"] += 1

    return checkpoint


def test_push_then_pull_gives_identical_replicas(laptops: list[Database], server_url: str) -> None:
    a, b, _ = laptops
    small_demo(a)
    first = sync(a, server_url, batch_rows=100)
    assert first.pushed_rows >= 394 and first.pushed.counts("ideas").new == 60
    assert outbox_size(a) == 0
    pulled = sync(b, server_url)
    assert pulled.pulled.counts("ideas").new == 60
    assert snapshot(b) == snapshot(a) == _server_rows(server_url)
    again = sync(a, server_url)
    assert (again.pushed_rows, again.pulled_rows) == (0, 0)


def test_the_server_schema_comes_from_the_same_migrations(server_url: str) -> None:
    connect_server(server_url).dispose()
    engine = create_engine(server_url)
    with engine.begin() as connection:
        assert connection.scalar(text("SELECT version_num FROM alembic_version")) == head_revision()
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    engine.dispose()
    with pytest.raises(DatabaseError, match="newer version"):
        connect_server(server_url)


@pytest.mark.parametrize("point", ["push:before-commit", "push:after-commit"])
def test_an_interrupted_push_resumes_without_loss_or_duplicates(
    laptops: list[Database], server_url: str, point: str
) -> None:
    a, b, _ = laptops
    small_demo(a)
    with pytest.raises(ConnectionCutError):
        sync(a, server_url, batch_rows=50, checkpoint=_cut_at(point, after=2))
    assert outbox_size(a) > 0
    sync(a, server_url, batch_rows=50)
    assert outbox_size(a) == 0
    engine = create_engine(server_url)
    with engine.connect() as connection:
        # After a lost acknowledgement the batch was re-sent and skipped by the cursor.
        logged = connection.execute(
            text("SELECT count(*), count(DISTINCT row_id) FROM sync_log")
        ).one()
    engine.dispose()
    assert logged[0] == logged[1]
    sync(b, server_url)
    assert snapshot(b) == snapshot(a) == _server_rows(server_url)


def test_an_interrupted_pull_resumes(laptops: list[Database], server_url: str) -> None:
    a, b, _ = laptops
    small_demo(a)
    sync(a, server_url)
    with pytest.raises(ConnectionCutError):
        sync(b, server_url, batch_rows=40, checkpoint=_cut_at("pull:before-commit", after=3))
    partial = sum(len(rows) for rows in snapshot(b).values())
    assert 0 < partial < 394
    result = sync(b, server_url, batch_rows=40)
    assert 0 < result.pulled_rows < 394 + 40  # resumed, not started over
    assert snapshot(b) == snapshot(a)


def test_concurrent_edits_through_the_server_keep_both_versions(
    laptops: list[Database], server_url: str
) -> None:
    a, b, c = laptops
    workshop_id = small_demo(a)
    sync(a, server_url)
    sync(b, server_url)
    with a.session() as session:
        idea_id = list_ideas(session, workshop_id)[0].id
    with a.transaction() as session:
        update_idea(session, idea_id, IdeaDraft(text="ฉบับเครื่อง ก"))
    with b.transaction() as session:
        update_idea(session, idea_id, IdeaDraft(text="ฉบับเครื่อง ข"))
    sync(b, server_url)
    result = sync(a, server_url)  # a's version loses on the server; a pulls b's
    assert result.pushed.conflicts == 1
    sync(b, server_url)
    sync(c, server_url)
    assert snapshot(a) == snapshot(b) == snapshot(c) == _server_rows(server_url)
    assert snapshot(c)["ideas"][idea_id]["text"] == "ฉบับเครื่อง ข"
    with c.session() as session:
        [conflict] = list_conflicts(session, workshop_id)
    assert {(d.column, d.this_version) for d in conflict.differences} >= {("text", "ฉบับเครื่อง ก")}


def test_the_password_is_never_stored(
    laptops: list[Database], server_url: str, tmp_path: Path
) -> None:
    a, _, _ = laptops
    small_demo(a)
    sync(a, server_url)
    with a.engine.connect() as connection:
        [label] = connection.execute(text("SELECT server FROM sync_servers")).scalars()
    assert "***" in label and PASSWORD_QUOTED not in label
    a.close()
    stored = b"".join(p.read_bytes() for p in tmp_path.glob("laptop0.sqlite*"))
    assert PASSWORD_QUOTED.encode() not in stored and "secret-พ-1".encode() not in stored


def test_an_unreachable_server_is_a_clear_message(laptops: list[Database]) -> None:
    a, _, _ = laptops
    small_demo(a)
    with pytest.raises(SyncError, match=r"cannot sync with .*:\*\*\*@127\.0\.0\.1:1/") as caught:
        sync(a, "postgresql+psycopg://workshop:pw@127.0.0.1:1/none")
    assert "pw" not in caught.value.english.replace("psycopg", "")
    with pytest.raises(SyncError, match="not a server address"):
        sync(a, "mysql://x@y/z")


def test_command_line_sync(
    tmp_path: Path, server_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = tmp_path / "first.sqlite", tmp_path / "second.sqlite"
    assert main(["demo", "--db", str(first)]) == 0
    assert main(["sync", "--db", str(first), "--server", server_url, "--lang", "en"]) == 0
    assert main(["sync", "--db", str(second), "--server", server_url, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "sent 0 rows, received" in out and "Ideas: 60 new" in out
    assert PASSWORD_QUOTED not in out


def test_a_restored_backup_continues_as_a_new_device(
    laptops: list[Database], server_url: str, tmp_path: Path
) -> None:
    """A backup put back in place has an older outbox: the server has acknowledged numbers
    it will give again. It must not lose the writes made after the restore."""
    a, b, _ = laptops
    workshop_id = small_demo(a)
    backup = a.backup()
    with a.session() as session:
        idea_id = list_ideas(session, workshop_id)[0].id
    with a.transaction() as session:
        update_idea(session, idea_id, IdeaDraft(text="แก้ก่อนซิงก์"))
    sync(a, server_url)
    path = a.path
    old_device = a.device_id
    a.close()
    shutil.copy(backup, path)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    restored = open_database(path)
    try:
        with restored.transaction() as session:
            update_idea(session, idea_id, IdeaDraft(text="แก้หลังกู้คืนแฟ้มสำรอง"))
        sync(restored, server_url)
        assert restored.device_id != old_device
        sync(b, server_url)
        assert snapshot(b)["ideas"][idea_id]["text"] == "แก้หลังกู้คืนแฟ้มสำรอง"
        assert snapshot(b) == snapshot(restored)
    finally:
        restored.close()


def test_a_failure_reason_is_the_drivers_first_line_or_the_whole_error() -> None:
    said = DBAPIError("SELECT 1", {}, Exception("connection refused\n\tIs the server running?"))
    assert failure_reason(said) == "connection refused"
    silent = DBAPIError("SELECT 1", {}, Exception(""))  # once an IndexError
    assert failure_reason(silent) == str(silent)
