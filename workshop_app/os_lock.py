"""An operating-system lock on an open file, without waiting: ``flock`` on POSIX,
``msvcrt.locking`` on Windows. The system lets go of it when the holder exits, even
after a crash or ``kill -9``. Used for the one-writer lock beside a database file
(db/file_lock.py) and for the notes of exports in progress (export/files.py); it knows
nothing of either, so both layers may use it."""

from __future__ import annotations

import os
import sys

# Windows locks byte ranges, and a locked range cannot be read by others: lock one byte
# far past the holder's note so the note stays readable.
_WINDOWS_LOCK_OFFSET = 1 << 20


def try_lock(fd: int) -> bool:
    """Lock the open file ``fd`` without waiting; False if another holds it."""
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    # flock, not lockf: flock locks belong to the open file, lockf locks to the process
    # (and any close() of the file by the process would silently drop them).
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)
