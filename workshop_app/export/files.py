"""Writing export files whole or not at all.

An export is written to a hidden ``.part`` file beside its target and renamed over it
at the end. A process killed meanwhile (``kill -9``, a power cut) cannot remove its
``.part``: each export in progress is therefore noted in the app's state folder, in a
small note file that the writing process keeps locked. At the next start
(``remove_abandoned_parts``) a note nobody holds any more names a ``.part`` to delete;
a note still locked belongs to an export running in another process and is left alone.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import tempfile
from collections.abc import Iterator
from pathlib import Path

import platformdirs

from workshop_app.errors import UserError
from workshop_app.os_lock import try_lock, unlock

NOTE_SUFFIX = ".export"


def notes_folder() -> Path:
    return Path(platformdirs.user_state_dir("workshop-app", appauthor=False)) / "exports"


@contextlib.contextmanager
def _noted(temporary: str) -> Iterator[None]:
    """Note ``temporary`` as an export in progress, locked while the block runs. An
    export never fails for want of a note (a read-only profile): it goes unnoted."""
    fd = -1
    name = f"{os.getpid()}-{secrets.token_hex(6)}"
    note = notes_folder() / f"{name}{NOTE_SUFFIX}"
    with contextlib.suppress(OSError):
        note.parent.mkdir(parents=True, exist_ok=True)
        # Written and locked under another name first: a start in another process that
        # sees the note always finds it locked.
        writing = note.with_name(f"{name}.writing")
        fd = os.open(writing, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
        os.write(fd, os.fsencode(temporary))
        if try_lock(fd):
            os.replace(writing, note)
        else:  # cannot happen to a file just made; stay safe
            os.close(fd)
            fd = -1
            writing.unlink()
    try:
        yield
    finally:
        if fd >= 0:
            with contextlib.suppress(OSError):
                unlock(fd)
            os.close(fd)
            with contextlib.suppress(OSError):
                note.unlink()


def remove_abandoned_parts() -> list[Path]:
    """Delete the ``.part`` files of exports whose process died; the ones removed."""
    removed: list[Path] = []
    try:
        notes = sorted(notes_folder().glob(f"*{NOTE_SUFFIX}"))
    except OSError:
        return removed
    for note in notes:
        try:
            fd = os.open(note, os.O_RDWR)
        except OSError:
            continue
        try:
            if not try_lock(fd):
                continue  # an export running in another process right now
            part = Path(os.fsdecode(note.read_bytes()))
            # Only ever a hidden .part the app made: a damaged note deletes nothing else.
            if part.name.startswith(".") and part.suffix == ".part" and part.is_file():
                part.unlink()
                removed.append(part)
            unlock(fd)
        except OSError:
            continue
        finally:
            os.close(fd)
        with contextlib.suppress(OSError):
            note.unlink()
    return removed


@contextlib.contextmanager
def written_whole(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path`` to write to; it replaces ``path`` only when the
    block ends without an error, so a failed export leaves no half-written file."""
    path = Path(path)
    if path.is_dir():
        raise UserError(f"{path} เป็นโฟลเดอร์ กรุณาระบุชื่อแฟ้ม", f"{path} is a folder; give a file name.")
    if not path.parent.is_dir():
        raise UserError(f"ไม่มีโฟลเดอร์ {path.parent}", f"The folder {path.parent} does not exist.")
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".part", dir=path.parent
        )
        os.close(handle)
    except OSError as exc:
        raise _cannot_write(path, exc) from exc
    with _noted(temporary):
        try:
            yield Path(temporary)
            # mkstemp makes the file private (0600); an export is an ordinary document.
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
            os.replace(temporary, path)
        except OSError as exc:  # disk full, the file open in another program, ...
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise _cannot_write(path, exc) from exc
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise


def _cannot_write(path: Path, exc: OSError) -> UserError:
    why = exc.strerror or str(exc)
    return UserError(f"เขียนแฟ้ม {path} ไม่ได้: {why}", f"cannot write {path}: {why}")
