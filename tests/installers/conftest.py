"""The one-folder app, built once per test session from this checkout with PyInstaller
(about a minute) and shared by the Linux package and Windows installer tests; and
makensis, which compiles the Windows installer script."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
NSIS_SCRIPT = ROOT / "installers" / "windows" / "workshop-app.nsi"
MAKENSIS = shutil.which("makensis")


def build_app(folder: Path) -> Path:
    """Build the one-folder app from this checkout into ``folder``; its path."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "ERROR",
            "--distpath",
            str(folder / "dist"),
            "--workpath",
            str(folder / "work"),
            str(ROOT / "installers" / "workshop-app.spec"),
        ],
        check=True,
        cwd=folder,
    )
    return folder / "dist" / "workshop-app"


@pytest.fixture(scope="session")
def built_app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built app folder (``workshop-app`` and ``_internal/``)."""
    return build_app(tmp_path_factory.mktemp("pyinstaller"))


def app_version(app_folder: Path) -> str:
    """The version the built app reports (``workshop-app 0.1.0``)."""
    printed = subprocess.run(
        [str(app_folder / "workshop-app"), "--version"],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    return printed.split()[1]


def makensis(*arguments: str) -> subprocess.CompletedProcess[str]:
    """Compile the Windows installer script; warnings are errors (-WX)."""
    assert MAKENSIS is not None, "makensis is missing: run scripts/install-system-packages.sh"
    return subprocess.run(
        [MAKENSIS, "-WX", "-V2", *arguments, str(NSIS_SCRIPT)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
