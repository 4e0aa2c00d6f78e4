"""One writer per database file: an operating-system lock on a file beside it.

Two processes writing one file would share its device id but keep separate clocks, so
an edit could be stamped earlier than one already made, and registration numbers would
be handed out twice. The GUI and every writing command hold this lock while the file is
open; a second process is refused and told who holds it.

The lock is the operating system's (``flock`` on POSIX, ``msvcrt.locking`` on Windows):
it is released when the holder exits, even after a crash or ``kill -9``, so a stale
lock file never blocks anyone. The file itself only says who holds it (computer,
process id, since when); the holder deletes it when it closes the database.

Within one process the lock is shared (counted): the GUI may reopen the file it has
open, and tests may open it twice; a process is one writer with one clock.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import platform
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from workshop_app.errors import UserError
from workshop_app.os_lock import try_lock, unlock


@dataclass(frozen=True)
class Holder:
    """Who holds a database file's lock."""

    computer: str
    pid: int
    since: str  # local time, to the second (YYYY-mm-dd HH:MM:SS)

    def describe(self, language: str) -> str:
        if language == "th":
            return f"เครื่อง {self.computer} โปรแกรมหมายเลข (PID) {self.pid} ตั้งแต่ {self.since}"
        return f"computer {self.computer}, process {self.pid}, since {self.since}"


class DatabaseInUseError(UserError):
    """Another process has the database file open for writing."""

    def __init__(self, path: Path, holder: Holder | None) -> None:
        who_th = holder.describe("th") if holder else "ไม่ทราบว่าโปรแกรมใด"
        who_en = holder.describe("en") if holder else "holder unknown"
        super().__init__(
            f"แฟ้ม {path} เปิดใช้งานอยู่ในโปรแกรมอื่น ({who_th}) "
            "ปิดโปรแกรมนั้นก่อน หรือทำงานนี้ในโปรแกรมที่เปิดอยู่ แฟ้มไม่ได้ถูกแก้ไข",
            f"{path} is open in another program ({who_en}); close it first or do this in "
            "the program that has it open. The file was not changed.",
        )
        self.holder = holder


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


class _Held:
    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.count = 1


_held: dict[Path, _Held] = {}
_held_guard = threading.Lock()


def read_holder(database: Path) -> Holder | None:
    """Who holds (or last held) the lock of ``database``, from the note in its lock file."""
    try:
        note = json.loads(lock_path(database).read_text(encoding="utf-8").strip("\0 \n"))
        return Holder(str(note["computer"]), int(note["pid"]), str(note["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _cannot_lock(database: Path, exc: OSError) -> UserError:
    why = exc.strerror or type(exc).__name__
    return UserError(
        f"สร้างแฟ้มล็อก {lock_path(database)} ข้างฐานข้อมูลไม่ได้: {why}",
        f"cannot create the lock file {lock_path(database)} beside the database: {why}",
    )


def _locked_file(database: Path) -> int | None:
    """The lock file, open and locked by us; None if another process holds it."""
    path = lock_path(database)
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as exc:
            raise _cannot_lock(database, exc) from None
        if not try_lock(fd):
            os.close(fd)
            return None
        if sys.platform == "win32":
            return fd
        # The holder before us deletes the file when it lets go (on POSIX): if we locked
        # a file that was deleted meanwhile, a third process may hold the new one. Only
        # a lock on the file that is at the path counts.
        try:
            if os.stat(path).st_ino == os.fstat(fd).st_ino:
                return fd
        except FileNotFoundError:
            pass
        unlock(fd)
        os.close(fd)


def acquire(database: Path) -> None:
    """Take the writer's lock of ``database`` (a resolved path) or raise DatabaseInUseError."""
    with _held_guard:
        held = _held.get(database)
        if held is not None:
            held.count += 1
            return
        fd = _locked_file(database)
        if fd is None:
            raise DatabaseInUseError(database, read_holder(database))
        note = {
            "computer": platform.node() or "?",
            "pid": os.getpid(),
            "since": dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S"),
        }
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            os.ftruncate(fd, 0)
            os.write(fd, (json.dumps(note) + "\n").encode("utf-8"))
        except OSError:
            pass  # the note is only a courtesy to the next process; the lock is held
        _held[database] = _Held(fd)


def release(database: Path) -> None:
    with _held_guard:
        held = _held.get(database)
        if held is None:
            return
        held.count -= 1
        if held.count > 0:
            return
        del _held[database]
        try:
            if sys.platform != "win32":
                # Deleted while still locked, so that no stale file stays beside the
                # database (the next holder checks it locked the file at the path).
                with contextlib.suppress(OSError):
                    os.unlink(lock_path(database))
            unlock(held.fd)
        finally:
            os.close(held.fd)


def is_held_here(database: Path) -> bool:
    with _held_guard:
        return database in _held
