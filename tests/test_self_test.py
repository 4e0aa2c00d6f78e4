"""``workshop-app --self-test``: the check an installation runs, from a clean environment."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

CHECKS = (
    "version",
    "resources",
    "Thai dictionary (offline)",
    "Thai font",
    "database",
    "main window",
    "every page",
    "minutes PDF",
    "action-plan workbook",
    "participant server",
)


def _self_test(tmp_path: Path, *extra: str, **env: str) -> subprocess.CompletedProcess[str]:
    # A clean environment, as after an install: no QT_QPA_PLATFORM, no settings of ours.
    clean = {"PATH": os.environ["PATH"], "HOME": str(tmp_path), "LANG": "C.UTF-8", **env}
    return subprocess.run(
        [sys.executable, "-m", "workshop_app", "--self-test", *extra],
        capture_output=True,
        text=True,
        env=clean,
        timeout=120,
        check=False,
    )


def test_the_self_test_passes_and_saves_a_thai_main_window(tmp_path: Path) -> None:
    shot = tmp_path / "main.png"
    result = _self_test(tmp_path, "--screenshot", str(shot))
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert [line.split(":")[0] for line in lines[: len(CHECKS)]] == [f"ok   {c}" for c in CHECKS]
    assert "Sarabun draws all" in result.stdout
    assert "7 pages opened; minutes preview of" in result.stdout
    assert lines[-1].startswith(f"self-test: {len(CHECKS)} of {len(CHECKS)} checks passed")
    image = QImage(str(shot))
    assert not image.isNull() and image.width() >= 1280 and image.height() >= 800
    # The user's own settings were not touched (recent workshops and the like).
    assert not list(tmp_path.glob(".config/**/*.conf"))


def test_a_failed_check_is_named_and_the_status_is_one(tmp_path: Path) -> None:
    # PyThaiNLP allowed online: the installation is not what we ship.
    result = _self_test(tmp_path, PYTHAINLP_OFFLINE="0")
    assert result.returncode == 1
    assert "FAIL Thai dictionary (offline): RuntimeError: PYTHAINLP_OFFLINE" in result.stdout
    assert "ok   minutes PDF" in result.stdout  # the other checks still ran
