"""Writing export files whole or not at all."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from workshop_app.errors import UserError


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
