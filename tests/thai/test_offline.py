"""PyThaiNLP never reaches the network: the package turns its offline modes on.

``tests/conftest.py`` sets the same variables for the test process, so each check runs
in a fresh interpreter whose environment has them removed: only the package can have
set them there.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

_VARIABLES = ("PYTHAINLP_OFFLINE", "PYTHAINLP_READ_ONLY")
_ROOT = Path(__file__).resolve().parents[2]


def _run_clean(code: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a new interpreter without the PyThaiNLP variables set."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in _VARIABLES and key != "PYTHAINLP_READ_MODE"
    }
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=_ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_importing_the_package_sets_the_offline_variables() -> None:
    code = (
        "import json, os\n"
        f"assert not any(v in os.environ for v in {_VARIABLES!r})\n"
        "import workshop_app\n"
        f"print(json.dumps({{v: os.environ.get(v) for v in {_VARIABLES!r}}}))\n"
    )
    result = _run_clean(code)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == dict.fromkeys(_VARIABLES, "1")


def test_segmenter_works_offline() -> None:
    code = (
        "import json, os, socket, sys\n"
        # Any attempt to open a connection fails the run.
        "def refuse(*args, **kwargs):\n"
        "    raise AssertionError(f'network access: {args!r}')\n"
        "socket.socket.connect = refuse\n"
        "socket.socket.connect_ex = refuse\n"
        "socket.create_connection = refuse\n"
        "socket.getaddrinfo = refuse\n"
        "from workshop_app.thai import segment\n"
        f"variables = {{v: os.environ.get(v) for v in {_VARIABLES!r}}}\n"
        "words = segment.segmenter().words('ยางพาราแปรรูป')\n"
        "print(json.dumps({'variables': variables, 'words': words,"
        " 'pythainlp_imported': 'pythainlp' in sys.modules}))\n"
    )
    result = _run_clean(code)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["variables"] == dict.fromkeys(_VARIABLES, "1")
    assert report["pythainlp_imported"]
    assert report["words"] == ["ยางพารา", "แปรรูป"]
