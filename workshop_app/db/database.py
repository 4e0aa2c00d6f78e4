"""Open a workshop database: checks, backup, migrations, durability, stamping.

One ``Database`` object is the app context handed to services, the GUI and the CLI
(never a global). It owns the engine, the session factory and this device's clock.
"""

from __future__ import annotations

import ast
import datetime as dt
import functools
import os
import platform
import re
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import URL, Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from workshop_app.db import file_lock
from workshop_app.db.hlc import HybridLogicalClock, advance_versions
from workshop_app.db.types import new_id
from workshop_app.errors import UserError

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class DatabaseError(UserError):
    """The database cannot be opened; the message says why."""


def _alembic_config(connection: Any = None) -> Config:
    # Alembic is imported only when a schema is actually created or upgraded: importing it
    # took a sixth of the app's start-up, and an up-to-date file never needs it.
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def _upgrade(connection: Connection) -> None:
    from alembic import command

    command.upgrade(_alembic_config(connection), "head")


@functools.cache
def _migrations() -> ScriptDirectory:
    """The shipped migrations (read once: they cannot change while the app runs)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config())


_REVISION_LINE = re.compile(r"^(down_revision|revision)\s*(?::[^=]*)?=\s*(.+)$", re.MULTILINE)
# A migration that changes no table's columns (indexes only) says so in its module:
# ``changes_data = False``. Bundles carry the data revision (see data_revision).
_INDEX_ONLY_LINE = re.compile(r"^changes_data\s*(?::[^=]*)?=\s*False\s*$", re.MULTILINE)


@dataclass(frozen=True)
class _MigrationFile:
    revision: str
    down_revision: str | None
    index_only: bool  # ``changes_data = False``


@functools.cache
def _migration_files() -> tuple[_MigrationFile, ...]:
    """The shipped migrations, read as text (without importing Alembic); empty when a
    file holds anything but one literal revision and down revision, and then Alembic is
    asked instead."""
    files: list[_MigrationFile] = []
    for script in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        source = script.read_text(encoding="utf-8")
        found = dict(_REVISION_LINE.findall(source))
        if not found:
            continue  # __init__.py
        try:
            revision = ast.literal_eval(found["revision"].strip())
            down = ast.literal_eval(found.get("down_revision", "None").strip())
        except (KeyError, ValueError, SyntaxError):
            return ()
        if not isinstance(revision, str) or not (down is None or isinstance(down, str)):
            return ()  # a merge point (a tuple of parents): Alembic knows those
        files.append(_MigrationFile(revision, down, bool(_INDEX_ONLY_LINE.search(source))))
    return tuple(files)


@functools.cache
def _revision_chain() -> dict[str, str | None]:
    """Each shipped revision and the one before it (empty: ask Alembic)."""
    return {file.revision: file.down_revision for file in _migration_files()}


def data_revision() -> str:
    """The newest revision that changed the tables' columns: what a bundle's rows follow.

    An app whose later migrations only add indexes writes and reads the same bundles as
    the app before them: the laptops of a province need not update together for an
    index. (The file itself is at ``head_revision``.)"""
    revision = head_revision()
    chain = _revision_chain()
    skipped = {file.revision for file in _migration_files() if file.index_only}
    while revision in skipped and chain.get(revision) is not None:
        revision = str(chain[revision])
    return revision


def head_revision() -> str:
    chain = _revision_chain()
    heads = set(chain) - set(chain.values())
    if len(heads) == 1:
        return heads.pop()
    head = _migrations().get_current_head()  # several heads: Alembic says what is wrong
    assert head is not None
    return head


def _stored_revision(path: Path) -> str | None:
    """Read the schema revision without writing a byte (read-only connection).

    Returns None for an empty file; raises DatabaseError for a file that is not ours.
    """
    # as_uri() percent-escapes the path: a "?", "#" or "%" in a file name would otherwise
    # end the path or start an escape, and SQLite would open another (empty) file.
    uri = f"{path.as_uri()}?mode=ro"
    try:
        # closing(): sqlite3's own context manager commits but does not close.
        with closing(sqlite3.connect(uri, uri=True)) as conn:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            if not tables:
                return None
            if "alembic_version" not in tables:
                raise DatabaseError(
                    f"แฟ้ม {path} ไม่ใช่ฐานข้อมูลของโปรแกรมนี้",
                    f"{path} is not a workshop database",
                )
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            return str(row[0]) if row else None
    except sqlite3.OperationalError as exc:  # locked, unreadable: not damaged
        raise storage_error(exc, path) from None
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(
            f"เปิดแฟ้ม {path} ไม่ได้: ไม่ใช่ฐานข้อมูล SQLite หรือแฟ้มเสียหาย ({exc})",
            f"cannot open {path}: not an SQLite database or the file is damaged ({exc})",
        ) from exc


def backup_copy(path: Path, reason: str = "backup") -> Path:
    """Copy a live database consistently (SQLite backup API) beside the original."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    stem = path.stem
    # A long name (80 Thai letters are 240 bytes) plus the stamp may pass the 255 bytes a
    # file name may have (and SQLite adds "-journal" while it writes the copy): shorten
    # the copy's name, never the original's.
    while stem and len(os.fsencode(f"{stem}.{reason}-{stamp}-99{path.suffix}-journal")) > 255:
        stem = stem[:-1]
    target = path.with_name(f"{stem}.{reason}-{stamp}{path.suffix}")
    counter = 1
    while target.exists():
        target = path.with_name(f"{stem}.{reason}-{stamp}-{counter}{path.suffix}")
        counter += 1
    try:
        with closing(sqlite3.connect(path)) as source, closing(sqlite3.connect(target)) as copy:
            source.backup(copy)
    except (OSError, sqlite3.Error) as exc:
        target.unlink(missing_ok=True)  # no half copy that looks like a backup
        why = getattr(exc, "strerror", None) or str(exc)
        raise DatabaseError(
            f"สำรองแฟ้ม {path} เป็น {target.name} ไม่ได้: {why}",
            f"cannot back up {path} as {target.name}: {why}",
        ) from None
    return target


def storage_error(exc: BaseException, path: Path) -> UserError:
    """One clear message for a failure of the disk or the database file (full disk,
    read-only, locked, damaged), from the driver's own words only: SQLAlchemy's text of
    the error would carry the statement's values (names, phones) to the screen or log."""
    original = getattr(exc, "orig", None) or exc
    said = str(original).splitlines()[0] if str(original) else type(original).__name__
    errno_ = getattr(original, "errno", None)
    lowered = said.lower()
    if errno_ == 28 or "disk is full" in lowered or "no space" in lowered:  # ENOSPC
        return DatabaseError(
            f"ดิสก์เต็ม บันทึกลง {path} ไม่ได้ ไม่มีการเปลี่ยนแปลงข้อมูล กรุณาเพิ่มพื้นที่ว่างแล้วลองใหม่",
            f"the disk is full: nothing was saved to {path}. Free some space and try again.",
        )
    if errno_ in (1, 13, 30) or "readonly" in lowered or "read-only" in lowered:
        return DatabaseError(
            f"{path} เขียนไม่ได้ (อ่านได้อย่างเดียว) ไม่มีการเปลี่ยนแปลงข้อมูล",
            f"{path} is read-only: nothing was changed.",
        )
    if "locked" in lowered or "busy" in lowered:
        return DatabaseError(
            f"ฐานข้อมูล {path} ถูกโปรแกรมอื่นใช้งานอยู่ ไม่มีการเปลี่ยนแปลงข้อมูล ลองใหม่อีกครั้ง",
            f"{path} is busy in another program: nothing was changed. Try again.",
        )
    if isinstance(original, OSError):
        where = original.filename or path
        why = original.strerror or type(original).__name__
        return UserError(f"ใช้แฟ้ม {where} ไม่ได้: {why}", f"cannot use {where}: {why}")
    return DatabaseError(
        f"ใช้ฐานข้อมูล {path} ไม่ได้: {said} ไม่มีการเปลี่ยนแปลงข้อมูล",
        f"cannot use the database {path}: {said}. Nothing was changed.",
    )


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    # FULL: a power cut on a field laptop must not lose an acknowledged check-in.
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
    cursor.close()


# The stamping's statements, built once: every write runs them.
_TAKE_WRITE_LOCK = text("UPDATE local_device SET last_hlc = last_hlc")
_STORED_CLOCK = text("SELECT last_hlc FROM local_device")
_STORE_CLOCK = text("UPDATE local_device SET last_hlc = :hlc")
_TO_OUTBOX = text("INSERT INTO sync_outbox (table_name, row_id) VALUES (:table, :row)")


def _stamp_synced_rows(session: Session, _context: Any, _instances: Any) -> None:
    """Stamp every new or changed synced row and put it in the outbox, in this flush.

    Each row gets a fresh clock stamp, this device's id and the stamp in its version
    vector. The outbox entry is written in the same transaction as the row, so a sync
    never misses a committed write and never sends one that was rolled back.

    Stamps are taken while this transaction holds the database's write lock, so that
    writes commit in the order of their stamps: two writers in one process (the GUI and
    the phones' server) share the clock, and a reader that asks for the rows changed
    since the newest stamp it saw (the board) would never see a row stamped before
    another but committed after it.
    """
    # session.new builds a new set at each access: taken once, or an import of 10,000
    # rows spends most of its time here.
    new = list(session.new)
    new_ids = {id(obj) for obj in new}
    to_stamp = [
        (obj, id(obj) in new_ids)
        for obj in new + list(session.dirty)
        if hasattr(type(obj), "updated_hlc")
        and (id(obj) in new_ids or session.is_modified(obj, include_collections=False))
    ]
    if not to_stamp:
        return  # nothing to stamp: a flush that writes nothing takes no write lock
    clock: HybridLogicalClock = session.info["clock"]
    # A write first: pysqlite begins the transaction at the first write, and SQLite gives
    # the write lock then (waiting up to busy_timeout while another writer holds it). The
    # stored position is the truth: another Database object on this file (the GUI
    # reopening it, a command run in the same process) may have stamped later.
    session.execute(_TAKE_WRITE_LOCK)
    # Read apart, not with RETURNING: SQLite before 3.35 (older system Pythons) lacks it.
    stored = session.execute(_STORED_CLOCK).scalar()
    if stored:
        clock.observe(stored)
    outbox: list[dict[str, str]] = []
    latest = ""
    for obj, is_new in to_stamp:
        latest = clock.now()
        if is_new:
            obj.id = obj.id or new_id()  # the outbox needs it before the INSERT
            obj.created_hlc = latest
        obj.updated_hlc = latest
        obj.device_id = clock.device_id
        obj.versions = advance_versions(obj.versions or "", latest)
        outbox.append({"table": type(obj).__tablename__, "row": obj.id})
    session.execute(_STORE_CLOCK, {"hlc": latest})
    session.execute(_TO_OUTBOX, outbox)


@contextmanager
def stamped_session(connection: Connection, clock: HybridLogicalClock) -> Iterator[Session]:
    """An ORM session inside the caller's transaction on ``connection`` (a merge), whose
    writes are stamped and put in the outbox like any local edit."""
    session = Session(bind=connection, info={"clock": clock})
    event.listen(session, "before_flush", _stamp_synced_rows)
    try:
        yield session
    finally:
        session.close()


BUSY_TIMEOUT_S = 5.0  # how long a write waits for another writer (PRAGMA busy_timeout)


class WriteGate:
    """The writers of one process take turns here before SQLite's write lock.

    A writer that waits is let in the moment the other one ends. SQLite's own busy handler
    polls instead, sleeping 1, 2, 5, 10, 15, 20, 25... ms between tries: a card typed on
    the laptop while the phones' server committed a group of ideas waited up to 54 ms
    for a lock freed much earlier. Writers in other processes still meet SQLite's lock.
    Reentrant: a transaction inside another on the same thread passes."""

    def __init__(self, timeout_s: float = BUSY_TIMEOUT_S) -> None:
        self.timeout_s = timeout_s
        self._lock = threading.RLock()

    @contextmanager
    def held(self) -> Iterator[None]:
        if not self._lock.acquire(timeout=self.timeout_s):
            # As SQLite would say it: the callers' handling of a busy file applies.
            raise OperationalError("BEGIN", None, sqlite3.OperationalError("database is locked"))
        try:
            yield
        finally:
            self._lock.release()


class Database:
    """An open workshop database file."""

    def __init__(
        self,
        path: Path,
        engine: Engine,
        device_id: str,
        last_hlc: str | None,
        locked: bool = False,
    ):
        self.path = path
        self.locked = locked  # this process holds the file's writer lock (file_lock)
        self.engine = engine
        self.device_id = device_id
        self.clock = HybridLogicalClock(device_id, last_hlc)
        self._sessions = sessionmaker(engine, expire_on_commit=False, info={"clock": self.clock})
        self.write_gate = WriteGate()  # the GUI, the phones' server, background work
        event.listen(self._sessions, "before_flush", _stamp_synced_rows)

    def session(self) -> Session:
        return self._sessions()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One user action: everything inside is committed together, or nothing."""
        with self.write_gate.held(), self._sessions() as session, session.begin():
            yield session

    def become_new_device(self, connection: Connection) -> None:
        """Write from now on under a new device id (this file was copied or restored)."""
        self.device_id = new_id()
        self.clock.device_id = self.device_id
        connection.execute(
            text("UPDATE local_device SET device_id = :d, push_epoch = NULL"),
            {"d": self.device_id},
        )

    def push_epoch(self, connection: Connection) -> str | None:
        return connection.execute(text("SELECT push_epoch FROM local_device")).scalar()

    def set_push_epoch(self, connection: Connection, epoch: str) -> None:
        connection.execute(text("UPDATE local_device SET push_epoch = :e"), {"e": epoch})

    def remember_clock(self, connection: Connection) -> None:
        """Store the clock's position after it observed stamps from elsewhere (sync), so
        that an edit made after a restart still stamps later than what arrived."""
        connection.execute(text("UPDATE local_device SET last_hlc = :h"), {"h": self.clock.now()})

    def backup(self) -> Path:
        return backup_copy(self.path)

    def close(self) -> None:
        self.engine.dispose()
        if self.locked:
            self.locked = False
            file_lock.release(self.path)


def is_known_revision(revision: str) -> bool:
    """Whether this app's migrations know the schema revision (it is this one or older)."""
    chain = _revision_chain()
    if chain:
        return revision in chain
    from alembic.util.exc import CommandError

    try:
        return _migrations().get_revision(revision) is not None
    except CommandError:
        return False


def _refuse_newer_schema(stored: str | None, where: str) -> None:
    if stored is not None and not is_known_revision(stored):
        raise DatabaseError(
            f"ฐานข้อมูล {where} สร้างจากโปรแกรมรุ่นที่ใหม่กว่า (รุ่นโครงสร้าง {stored}) "
            "กรุณาปรับปรุงโปรแกรมก่อนเปิดแฟ้มนี้ แฟ้มไม่ได้ถูกแก้ไข",
            f"{where} was written by a newer version of the app (schema {stored}); "
            "update the app to open it. The file was not changed.",
        )


def upgrade_server(engine: Engine, where: str) -> None:
    """Create or upgrade the provincial server's schema with the same migrations as a
    laptop's file; a schema from a newer app is refused and left alone."""
    with engine.begin() as connection:
        # One upgrade at a time when several laptops sync with a new server at once.
        connection.execute(text("SELECT pg_advisory_xact_lock(728101)"))
        stored = None
        if inspect(connection).has_table("alembic_version"):
            stored = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        _refuse_newer_schema(stored, where)
        if stored != head_revision():
            _upgrade(connection)


def sqlite_url(path: Path) -> URL:
    """The SQLAlchemy URL of a database file, built from parts: a "?" or "#" in the name
    stays part of the file name instead of starting a query or a fragment."""
    return URL.create("sqlite", database=str(path))


def _refuse_read_only(path: Path) -> None:
    """A file or folder that cannot be written is said so (not called damaged): SQLite
    needs to write the file and its journal files beside it."""
    folder_writable = os.access(path.parent, os.W_OK)
    file_writable = not path.exists() or os.access(path, os.W_OK)
    if folder_writable and file_writable:
        return
    where = path if not file_writable else path.parent
    raise DatabaseError(
        f"{where} เขียนไม่ได้ (อ่านได้อย่างเดียว) โปรแกรมต้องบันทึกลงแฟ้มฐานข้อมูลและโฟลเดอร์ของแฟ้ม "
        "กรุณาคัดลอกแฟ้มไปไว้ในโฟลเดอร์ที่เขียนได้ แฟ้มไม่ได้ถูกแก้ไข",
        f"{where} is read-only; the app must write the database file and its folder. Copy "
        "the file to a folder you can write to. The file was not changed.",
    )


def open_database(path: str | Path, *, read_only: bool = False) -> Database:
    """Open (creating or upgrading as needed) the database at ``path``.

    The process takes the file's writer lock (file_lock); another process holding it is
    refused, naming it. ``read_only``: a command that only reads may open the file while
    another process writes it (SQLite's WAL lets readers and a writer work at once), as
    long as nothing needs writing on open (no upgrade).

    Before an upgrade the file is copied to a timestamped backup. A database written by
    a newer version of the app is refused and left untouched.
    """
    path = Path(path).expanduser().resolve()
    if path.is_dir():
        raise DatabaseError(f"{path} เป็นโฟลเดอร์ ไม่ใช่แฟ้มฐานข้อมูล", f"{path} is a folder")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(
            f"สร้างโฟลเดอร์ {path.parent} ไม่ได้: {exc.strerror or type(exc).__name__}",
            f"cannot create the folder {path.parent}: {exc.strerror or type(exc).__name__}",
        ) from None
    _refuse_read_only(path)
    try:
        file_lock.acquire(path)
        locked = True
    except file_lock.DatabaseInUseError:
        if not read_only:
            raise
        locked = False
    try:
        return _open_locked(path, locked)
    except BaseException:
        if locked:
            file_lock.release(path)
        raise


def _open_locked(path: Path, locked: bool) -> Database:
    stored = _stored_revision(path) if path.exists() and path.stat().st_size > 0 else None
    _refuse_newer_schema(stored, str(path))
    if not locked and stored != head_revision():
        raise file_lock.DatabaseInUseError(path, file_lock.read_holder(path))
    engine = create_engine(sqlite_url(path))
    event.listen(engine, "connect", _set_sqlite_pragmas)
    try:
        device_id, last_hlc = _prepare(path, engine, stored, locked)
    except BaseException:
        engine.dispose()
        raise
    return Database(path, engine, device_id, last_hlc, locked=locked)


def _prepare(
    path: Path, engine: Engine, stored: str | None, locked: bool
) -> tuple[str, str | None]:
    """Upgrade the schema if needed and read (or make) this device's id and clock."""
    if stored != head_revision():
        if stored is not None:
            backup_copy(path, reason="before-upgrade")
        with engine.begin() as connection:
            _upgrade(connection)
    home = f"{platform.node()}:{path}"
    with engine.begin() as connection:
        row = connection.execute(text("SELECT device_id, last_hlc, home FROM local_device")).first()
        if row is None:
            if not locked:
                raise file_lock.DatabaseInUseError(path, file_lock.read_holder(path))
            device_id, last_hlc = new_id(), None
            connection.execute(
                text("INSERT INTO local_device (device_id, last_hlc, home) VALUES (:d, NULL, :h)"),
                {"d": device_id, "h": home},
            )
        else:
            device_id, last_hlc = row[0], row[1]
            if row[2] != home and locked:
                if row[2] is not None:
                    # A copied file (another computer, another folder) is another device:
                    # two files writing under one device id would make their edits look
                    # like one history, and sync could drop one side's version unseen.
                    device_id = new_id()
                connection.execute(
                    text("UPDATE local_device SET device_id = :d, home = :h"),
                    {"d": device_id, "h": home},
                )
    return device_id, last_hlc
