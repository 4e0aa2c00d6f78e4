"""The Windows installer script, compiled here by makensis (Debian package nsis) against
the Linux build of the one-folder app: this proves the script (pages, languages,
sections, uninstaller) is valid and packs the whole app. The real installer is built
from the Windows build on a Windows runner (.github/workflows/installers.yml); nothing
here can run it.

makensis runs with -WX, so a warning fails the test: a Thai text missing from the
installer's pages is such a warning.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.installers.conftest import MAKENSIS, app_version, makensis

needs_makensis = pytest.mark.skipif(
    MAKENSIS is None and shutil.which("dpkg") is None,
    reason="makensis is installed by make on Debian systems only",
)


@needs_makensis
@pytest.mark.slow
def test_the_script_compiles_into_an_installer_holding_the_whole_app(
    tmp_path: Path, built_app: Path
) -> None:
    version = app_version(built_app)
    installer = tmp_path / f"workshop-app-{version}-setup.exe"
    result = makensis(
        f"-DDIST={built_app}", f"-DVERSION={version}", f"-DOUTFILE={installer}", "-DNO_COMPRESSION"
    )
    assert result.returncode == 0, result.stdout + result.stderr

    content = installer.read_bytes()
    assert content[:2] == b"MZ"  # a Windows program
    # Uncompressed, the installer's language tables are readable: both languages are
    # there, and the Thai came through as Thai (the script was read as UTF-8).
    for text in ("โปรแกรมประชุมเชิงปฏิบัติการ", "ติดตั้งสำหรับฉันเท่านั้น", "Workshop app", "Desktop shortcut"):
        assert text.encode("utf-16-le") in content, text
    assert version.encode("utf-16-le") in content

    # 7-Zip reads NSIS installers: every file of the app folder is inside, and the
    # uninstaller is written at install time.
    listing = subprocess.run(
        ["7z", "l", "-slt", str(installer)], capture_output=True, text=True, check=True
    ).stdout
    packed = {line[len("Path = ") :] for line in listing.splitlines() if line.startswith("Path = ")}
    app_files = {
        path.relative_to(built_app).as_posix()
        for path in built_app.rglob("*")
        if path.is_file() or path.is_symlink()
    }
    assert app_files <= packed, sorted(app_files - packed)[:10]
    assert "uninstall.exe" in packed
    for needed in (
        "_internal/workshop_app/resources/fonts/Sarabun-Regular.ttf",
        "_internal/workshop_app/resources/translations/workshop_app_th.qm",
        "_internal/workshop_app/db/migrations/env.py",
    ):
        assert needed in packed


@needs_makensis
def test_the_script_names_what_is_missing_when_compiled_without_the_app() -> None:
    result = makensis()
    assert result.returncode != 0
    assert "Name the built app folder" in result.stdout + result.stderr
