"""The Linux package, end to end: build the one-folder app with PyInstaller from this
checkout (the ``built_app`` fixture), package it as a .deb, install it on this machine,
run the installed `workshop-app --self-test` in a clean environment, and remove the
package.

Installing needs root (CI runs as root). The test does not run where the package is
already installed by someone else, so it never replaces or removes a real installation.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent


def _installed() -> bool:
    status = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", "workshop-app"],
        capture_output=True,
        text=True,
        check=False,
    )
    return status.stdout.strip() == "install ok installed"


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="not a Debian system")
@pytest.mark.skipif(os.geteuid() != 0, reason="installing a .deb needs root")
def test_the_deb_installs_and_its_self_test_passes(tmp_path: Path, built_app: Path) -> None:
    if _installed():
        pytest.skip("workshop-app is installed on this machine; leaving it alone")
    built = subprocess.run(
        [
            str(ROOT / "installers/linux/build-deb.sh"),
            str(built_app),
            str(tmp_path),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    deb = Path(built.stdout.strip())
    assert deb.name.startswith("workshop-app_") and deb.suffix == ".deb"
    contents = subprocess.run(
        ["dpkg-deb", "--contents", str(deb)], check=True, capture_output=True, text=True
    ).stdout
    depends = subprocess.run(
        ["dpkg-deb", "--field", str(deb), "Depends"], check=True, capture_output=True, text=True
    ).stdout
    assert depends.startswith("libc6 (>= 2.") and "libxcb-cursor0" in depends
    for path in (
        "./usr/bin/workshop-app",
        "./usr/share/applications/workshop-app.desktop",
        "./usr/share/icons/hicolor/256x256/apps/workshop-app.png",
        "./opt/workshop-app/_internal/workshop_app/resources/fonts/Sarabun-Regular.ttf",
        "./opt/workshop-app/_internal/workshop_app/db/migrations/env.py",
    ):
        assert path in contents
    subprocess.run(["dpkg", "-i", str(deb)], check=True, capture_output=True)
    try:
        # A clean environment: no virtual environment, no Python path, no display.
        result = subprocess.run(
            ["/usr/bin/workshop-app", "--self-test", "--screenshot", str(tmp_path / "main.png")],
            env={
                "PATH": "/usr/bin:/bin",
                "HOME": str(tmp_path),
                "LANG": "C.UTF-8",
                "QT_QPA_PLATFORM": "offscreen",
            },
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
            cwd=tmp_path,
        )
        print(result.stdout)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "checks passed" in result.stdout and "FAIL" not in result.stdout
        assert (tmp_path / "main.png").stat().st_size > 10_000
    finally:
        subprocess.run(["dpkg", "-r", "workshop-app"], check=True, capture_output=True)
    assert not _installed() and not Path("/opt/workshop-app").exists()
