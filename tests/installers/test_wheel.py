"""The app as an installed wheel finds its resources and migrations inside the package
(``workshop_app/resources``, force-included by pyproject.toml), not in the checkout.

The wheel is built from this checkout and unpacked into a folder that comes first on
the Python path, so its ``workshop_app`` is the one imported; its self-test must pass.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.installers.conftest import ROOT


@pytest.mark.slow
def test_the_installed_wheel_finds_its_resources_and_passes_its_self_test(
    tmp_path: Path,
) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("workshop_app-*.whl")
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    environment = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    environment |= {"PYTHONPATH": str(site), "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    where = subprocess.run(
        [
            sys.executable,
            "-c",
            "import workshop_app, workshop_app.resources as r; "
            "print(workshop_app.__file__); print(r.resources_dir())",
        ],
        env=environment,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert where == [
        str(site / "workshop_app" / "__init__.py"),
        str(site / "workshop_app" / "resources"),
    ]
    result = subprocess.run(
        [sys.executable, "-m", "workshop_app", "--self-test"],
        env=environment,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "FAIL" not in result.stdout
