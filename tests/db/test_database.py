"""Opening a database file: durability settings, clock stamps, refusal and backups."""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from workshop_app.db.database import (
    MIGRATIONS_DIR,
    Database,
    DatabaseError,
    backup_copy,
    head_revision,
    is_known_revision,
    open_database,
)
from workshop_app.db.hlc import HybridLogicalClock, Stamp
from workshop_app.models import Workshop
from workshop_app.services.workshops import create_workshop, update_workshop


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _closed_database(path: Path, title: str = "ประชุมทดสอบ") -> str:
    """Create a database holding one workshop, close it, return the workshop id."""
    database = open_database(path)
    try:
        with database.transaction() as session:
            return create_workshop(session, title)
    finally:
        database.close()


def _set_revision(path: Path, revision: str) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    conn.close()


def _open_fds(path: Path) -> list[str]:
    """Files of this process open on ``path`` or its -wal/-shm companions (Linux)."""
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith(str(path)):
            found.append(target)
    return found


@pytest.fixture
def gc_disabled() -> Iterator[None]:
    """Freeze the cyclic collector so that a leaked connection stays visible."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def test_new_file_is_durable_wal_full_with_foreign_keys(db: Database) -> None:
    """WAL journal, synchronous=FULL (2) and foreign keys on every connection of the engine."""
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_foreign_keys_are_enforced(db: Database) -> None:
    """A row pointing at a workshop that does not exist is refused by SQLite itself."""
    with pytest.raises(Exception, match="FOREIGN KEY"), db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO sectors (id, created_hlc, updated_hlc, device_id, deleted, "
                "position, name, colour, workshop_id) "
                "VALUES ('s', 'h', 'h', 'd', 0, 1, 'x', '#000000', 'no-such-workshop')"
            )
        )


def test_new_file_is_at_the_head_revision(db: Database) -> None:
    """Migrations ran: alembic_version holds the newest revision."""
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
            head_revision()
        )


def test_reopening_keeps_the_device_id(db_path: Path) -> None:
    """The device id is created once per file and survives closing and reopening."""
    first = open_database(db_path)
    device_id = first.device_id
    first.close()
    second = open_database(db_path)
    try:
        assert second.device_id == device_id
        assert re.fullmatch(r"[0-9a-f-]{36}", device_id)
    finally:
        second.close()
    other = open_database(db_path.with_name("other.sqlite"))
    try:
        assert other.device_id != device_id
    finally:
        other.close()


def test_a_copied_file_is_another_device(db_path: Path) -> None:
    """A file copied to another folder or computer (the workshop handed to a breakout
    room's laptop) writes under its own device id: two files under one id would make
    their edits look like one history to sync."""
    original = open_database(db_path)
    device_id = original.device_id
    original.close()
    copy = db_path.with_name("copy.sqlite")
    shutil.copy(db_path, copy)
    copied = open_database(copy)
    try:
        assert copied.device_id != device_id
        new_id = copied.device_id
    finally:
        copied.close()
    again = open_database(copy)
    try:
        assert again.device_id == new_id  # the copy keeps its own id from then on
    finally:
        again.close()
    reopened = open_database(db_path)
    try:
        assert reopened.device_id == device_id
    finally:
        reopened.close()


def test_insert_fills_the_stamps(db: Database) -> None:
    """created_hlc, updated_hlc and device_id are set by the database layer on insert."""
    with db.transaction() as session:
        workshop_id = create_workshop(session, "ประชุมทดสอบ")
    with db.session() as session:
        workshop = session.get(Workshop, workshop_id)
        assert workshop is not None
        assert workshop.created_hlc == workshop.updated_hlc
        assert workshop.device_id == db.device_id
        assert Stamp.decode(workshop.created_hlc).device_id == db.device_id


def test_update_moves_updated_hlc_forward_only(db: Database) -> None:
    """An update gives a later updated_hlc and keeps created_hlc; the last stamp is saved."""
    with db.transaction() as session:
        workshop_id = create_workshop(session, "ประชุมทดสอบ")
    with db.session() as session:
        before = session.get(Workshop, workshop_id)
        assert before is not None
        created, updated = before.created_hlc, before.updated_hlc
    with db.transaction() as session:
        update_workshop(session, workshop_id, venue="ห้องประชุมชั้น 2")
    with db.session() as session:
        after = session.get(Workshop, workshop_id)
        assert after is not None
        assert after.created_hlc == created
        assert after.updated_hlc > updated
        saved = session.execute(text("SELECT last_hlc FROM local_device")).scalar()
        assert saved == after.updated_hlc


def test_unchanged_rows_keep_their_stamp(db: Database) -> None:
    """Reading a row, or setting a field to the value it has, writes no new stamp."""
    with db.transaction() as session:
        workshop_id = create_workshop(session, "ประชุมทดสอบ", venue="ห้อง 1")
    with db.session() as session:
        stamp = session.get(Workshop, workshop_id).updated_hlc  # type: ignore[union-attr]
    with db.transaction() as session:
        update_workshop(session, workshop_id, venue="ห้อง 1")
    with db.session() as session:
        assert session.get(Workshop, workshop_id).updated_hlc == stamp  # type: ignore[union-attr]


def test_clock_continues_after_reopening(db_path: Path) -> None:
    """After reopening, new stamps are later than every stamp written before."""
    workshop_id = _closed_database(db_path)
    database = open_database(db_path)
    try:
        with database.session() as session:
            old = session.get(Workshop, workshop_id).updated_hlc  # type: ignore[union-attr]
        assert database.clock.now() > old
    finally:
        database.close()


def test_hlc_is_monotonic_when_the_wall_clock_goes_back() -> None:
    """Stamps keep increasing while the wall clock jumps back or stands still."""
    readings = iter([1_000, 1_000, 400, 400, 999, 1_001, 5, 2_000])
    clock = HybridLogicalClock("dev-a", wall_clock_ms=lambda: next(readings))
    stamps = [clock.now() for _ in range(8)]
    assert stamps == sorted(stamps)
    assert len(set(stamps)) == len(stamps)
    decoded = [Stamp.decode(s) for s in stamps]
    assert [(s.wall_ms, s.counter) for s in decoded] == [
        (1_000, 0),
        (1_000, 1),
        (1_000, 2),
        (1_000, 3),
        (1_000, 4),
        (1_001, 0),
        (1_001, 1),
        (2_000, 0),
    ]


def test_hlc_resumes_after_its_last_stamp_even_if_the_clock_is_behind() -> None:
    """A clock restarted from a saved stamp never issues an earlier one."""
    saved = Stamp(10_000, 7, "dev-a").encode()
    clock = HybridLogicalClock("dev-a", saved, wall_clock_ms=lambda: 50)
    assert clock.now() > saved
    assert Stamp.decode(clock.now()).wall_ms == 10_000


def test_hlc_observe_moves_past_a_remote_stamp() -> None:
    """After seeing another device's later stamp, the next local stamp is later still."""
    clock = HybridLogicalClock("dev-a", wall_clock_ms=lambda: 100)
    remote = Stamp(9_000, 3, "dev-b").encode()
    clock.observe(remote)
    assert clock.now() > remote


def test_stamps_sort_as_text_in_time_order() -> None:
    """Encoded stamps compare as strings exactly as they compare as tuples."""
    stamps = [Stamp(5, 10, "b"), Stamp(5, 9, "z"), Stamp(12, 0, "a"), Stamp(5, 10, "a")]
    assert sorted(s.encode() for s in stamps) == [s.encode() for s in sorted(stamps)]
    assert Stamp.decode(stamps[0].encode()) == stamps[0]


def test_newer_schema_is_refused_and_left_untouched(db_path: Path) -> None:
    """A file from a newer app version is refused with a message; its bytes do not change."""
    _closed_database(db_path)
    _set_revision(db_path, "9999_from_the_future")
    before_bytes = db_path.read_bytes()
    before_hash = _sha256(db_path)
    with pytest.raises(DatabaseError) as refused:
        open_database(db_path)
    assert "9999_from_the_future" in refused.value.english
    assert "newer version" in refused.value.english
    assert "รุ่นที่ใหม่กว่า" in refused.value.thai
    assert db_path.read_bytes() == before_bytes
    assert _sha256(db_path) == before_hash
    assert not list(db_path.parent.glob("*before-upgrade*"))
    wal = db_path.with_name(db_path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def test_random_bytes_are_refused_clearly(tmp_path: Path) -> None:
    """A file that is not SQLite at all gives a DatabaseError that says so."""
    path = tmp_path / "not-a-database.sqlite"
    data = b"PK\x03\x04" + os.urandom(8192)
    path.write_bytes(data)
    with pytest.raises(DatabaseError) as refused:
        open_database(path)
    assert "not an SQLite database" in refused.value.english
    assert "ไม่ใช่ฐานข้อมูล SQLite" in refused.value.thai
    assert path.read_bytes() == data


def test_sqlite_file_of_another_program_is_refused(tmp_path: Path) -> None:
    """An SQLite file without our schema table is not taken over."""
    path = tmp_path / "contacts.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
        conn.execute("INSERT INTO contacts VALUES ('สมชาย')")
    conn.close()
    before = _sha256(path)
    with pytest.raises(DatabaseError, match="not a workshop database"):
        open_database(path)
    assert _sha256(path) == before


def test_folder_is_refused(tmp_path: Path) -> None:
    """A folder path is a clear error, not a crash."""
    with pytest.raises(DatabaseError, match="is a folder"):
        open_database(tmp_path)


def test_empty_file_becomes_a_new_database(tmp_path: Path) -> None:
    """A zero-byte file (e.g. made by a file manager) is initialised, not refused."""
    path = tmp_path / "empty.sqlite"
    path.touch()
    database = open_database(path)
    try:
        with database.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM workshops")).scalar() == 0
    finally:
        database.close()


def test_opening_a_current_database_makes_no_backup(db_path: Path) -> None:
    """Only an upgrade copies the file; opening an up-to-date one writes no backup."""
    _closed_database(db_path)
    companions = {db_path.name + "-wal", db_path.name + "-shm", db_path.name + ".lock"}
    before = {p.name for p in db_path.parent.iterdir()} - companions
    for _ in range(2):
        open_database(db_path).close()
    after = {p.name for p in db_path.parent.iterdir()} - companions
    assert after == before == {db_path.name}


def test_backup_copy_is_a_consistent_timestamped_copy(db_path: Path) -> None:
    """backup_copy writes a complete copy beside the file, named with date and time."""
    workshop_id = _closed_database(db_path, "ประชุมก่อนสำรอง")
    database = open_database(db_path)
    try:
        # A committed write still in the WAL must be in the copy too.
        with database.transaction() as session:
            update_workshop(session, workshop_id, venue="ศาลากลางจังหวัด")
        started = dt.datetime.now().replace(microsecond=0)
        copy = backup_copy(db_path, reason="before-upgrade")
        second = database.backup()
    finally:
        database.close()
    assert copy.parent == db_path.parent
    match = re.fullmatch(r"workshop\.before-upgrade-(\d{8}-\d{6})\.sqlite", copy.name)
    assert match, copy.name
    stamp = dt.datetime.strptime(match[1], "%Y%m%d-%H%M%S")
    assert abs((stamp - started).total_seconds()) <= 2
    assert second != copy and second.name.startswith("workshop.backup-")
    with sqlite3.connect(copy) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        row = conn.execute("SELECT title, venue FROM workshops").fetchone()
    conn.close()
    assert row == ("ประชุมก่อนสำรอง", "ศาลากลางจังหวัด")
    reopened = open_database(copy)  # the copy is itself a usable database
    reopened.close()


def test_backups_in_the_same_second_do_not_overwrite_each_other(db_path: Path) -> None:
    """Two backups a moment apart get two different files."""
    _closed_database(db_path)
    copies = {backup_copy(db_path) for _ in range(3)}
    assert len(copies) == 3
    assert all(c.exists() for c in copies)


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc (Linux)")
def test_closing_leaves_no_file_open(db_path: Path, gc_disabled: None) -> None:
    """After Database.close() this process holds no handle on the file or its WAL (Windows
    could not move or delete it otherwise), and the WAL is folded back into the file. The
    collector is off, so a connection left for it to close would show."""
    _closed_database(db_path)
    open_database(db_path).close()
    assert _open_fds(db_path) == []
    assert sorted(p.name for p in db_path.parent.iterdir()) == [db_path.name]


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc (Linux)")
def test_refusal_and_backup_leave_no_file_open(db_path: Path, gc_disabled: None) -> None:
    """Refusing a newer file and making a backup copy close every connection they open."""
    _closed_database(db_path)
    copy = backup_copy(db_path)
    assert _open_fds(db_path) == [] and _open_fds(copy) == []
    _set_revision(db_path, "9999_from_the_future")
    with pytest.raises(DatabaseError):
        open_database(db_path)
    assert _open_fds(db_path) == []


def test_the_schema_revision_read_from_the_files_is_alembics() -> None:
    # The head and the known revisions are read from the migration files as text, so
    # that opening an up-to-date file does not import Alembic (a sixth of start-up).
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory(str(MIGRATIONS_DIR))
    assert head_revision() == scripts.get_current_head()
    for script in scripts.walk_revisions():
        assert is_known_revision(script.revision)
    assert not is_known_revision("0099_from_a_newer_app")


def test_opening_an_up_to_date_file_does_not_import_alembic(db_path: Path) -> None:
    open_database(db_path).close()  # created (and migrated) here
    program = (
        "import sys\n"
        "from workshop_app.db.database import open_database\n"
        f"open_database({str(db_path)!r}).close()\n"
        "assert 'alembic' not in sys.modules, 'alembic was imported'\n"
    )
    root = Path(__file__).resolve().parents[2]  # the app's own tree first on the path
    subprocess.run([sys.executable, "-c", program], check=True, timeout=60, cwd=root)
