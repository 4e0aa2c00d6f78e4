"""Running a child process as on a laptop without libthai (Windows has none; Qt then
finds no Thai word breaks of its own): in a private mount namespace, an empty file is
bind-mounted over the libthai shared object the dynamic linker names. Needs root and
unshare, as in CI."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path


def libthai() -> str | None:
    """The libthai shared object the dynamic linker finds, if any."""
    listing = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
    for line in listing.splitlines():
        if "libthai.so" in line and "=>" in line:
            return line.split("=>")[-1].strip()
    return None


def can_hide_libthai() -> bool:
    return os.geteuid() == 0 and shutil.which("unshare") is not None and libthai() is not None


def without_libthai(command: list[str], scratch: Path) -> list[str]:
    """``command`` run with libthai hidden from it (an empty file in ``scratch``)."""
    empty = scratch / "empty-libthai"
    empty.write_bytes(b"")
    library = libthai()
    assert library is not None
    script = 'mount --bind "$1" "$2" && shift 2 && exec "$@"'
    return ["unshare", "-m", "sh", "-c", script, "sh", str(empty), library, *command]
