"""Installer benchmark: what building and starting the packaged app costs.

Run: ``python bench/installers.py`` (or ``make bench``; needs makensis, which ``make``
installs on Debian). In a temporary folder it:

* builds the one-folder app with PyInstaller from this checkout, and measures the folder;
* packages it as a .deb (installers/linux/build-deb.sh);
* compiles the Windows installer script against it with the installer's own solid LZMA
  compression (the Windows build differs in content, so this size is an estimate);
* runs the built app's --self-test three times from a clean environment and reads the
  time from start to the main window that it prints.
"""

from __future__ import annotations

import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from figures import Figure, report

# The tests' build and makensis call serve the bench as well.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.installers.conftest import MAKENSIS, app_version, build_app, makensis

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024


def run(
    command: list[str], cwd: Path | None = None, env: dict[str, str] | None = None
) -> tuple[float, str]:
    """Seconds the command took, and what it printed."""
    start = time.perf_counter()
    done = subprocess.run(command, check=True, capture_output=True, text=True, cwd=cwd, env=env)
    return time.perf_counter() - start, done.stdout


def folder_size(folder: Path) -> int:
    return sum(
        path.stat().st_size
        for path in folder.rglob("*")
        if path.is_file() and not path.is_symlink()
    )


def main() -> int:
    if MAKENSIS is None:
        print("makensis is missing: run scripts/install-system-packages.sh (as root)")
        return 1
    with tempfile.TemporaryDirectory(prefix="bench-installers-") as temporary:
        work = Path(temporary)
        start = time.perf_counter()
        app = build_app(work)
        build_seconds = time.perf_counter() - start
        version = app_version(app)

        deb_seconds, printed = run(
            [str(ROOT / "installers/linux/build-deb.sh"), str(app), str(work)]
        )
        deb = Path(printed.strip())

        setup = work / f"workshop-app-{version}-setup.exe"
        start = time.perf_counter()
        compiled = makensis(f"-DDIST={app}", f"-DVERSION={version}", f"-DOUTFILE={setup}")
        nsis_seconds = time.perf_counter() - start
        assert compiled.returncode == 0, compiled.stdout

        clean = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(work),
            "LANG": "C.UTF-8",
            "QT_QPA_PLATFORM": "offscreen",
        }
        to_window, whole = [], []
        for _ in range(3):
            seconds, printed = run([str(app / "workshop-app"), "--self-test"], env=clean, cwd=work)
            shown = re.search(r"shown ([\d.]+) s after start", printed)
            assert shown is not None, printed
            to_window.append(float(shown.group(1)))
            whole.append(seconds)

        figures: list[Figure] = [
            ("PyInstaller build of the one-folder app", build_seconds, 180, "s"),
            ("app folder", folder_size(app) / MB, 300, "MB"),
            (".deb package (gzip -1)", deb.stat().st_size / MB, 150, "MB"),
            (".deb packaging time", deb_seconds, 60, "s"),
            (
                "Windows installer from this folder (solid LZMA)",
                setup.stat().st_size / MB,
                150,
                "MB",
            ),
            ("makensis time (solid LZMA)", nsis_seconds, 600, "s"),
            (
                "self-test: start to main window (median of 3)",
                statistics.median(to_window),
                10,
                "s",
            ),
            ("self-test: whole run (median of 3)", statistics.median(whole), 30, "s"),
        ]
    return 0 if report(f"Installers (version {version})", figures) else 1


if __name__ == "__main__":
    sys.exit(main())
