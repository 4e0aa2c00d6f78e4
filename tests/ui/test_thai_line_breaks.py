"""No name, place, agency or compound is ever cut at the end of a line on the board's
cards, its column headers or the projector, with libthai and without it (Windows has
none; Qt then finds no Thai word breaks of its own). The line breaks are read back from
Qt's text layout in a child process (tests/ui/thai_breaks_child.py); without libthai, the
child runs in a private mount namespace where an empty file hides the libthai shared
object, as on a laptop without it (needs root and unshare, as in CI)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ui.hide_libthai import can_hide_libthai, libthai, without_libthai

CHILD = Path(__file__).with_name("thai_breaks_child.py")
ROOT = Path(__file__).resolve().parents[2]


# With libthai everywhere; without it only where it can be hidden (root, as CI runs).
CASES = ["with libthai"] + (["without libthai"] if can_hide_libthai() else [])


def _run_child(tmp_path: Path, hide_libthai: bool) -> dict[str, object]:
    output = tmp_path / "breaks.json"
    command = [sys.executable, str(CHILD), str(output)]
    if hide_libthai:
        command = without_libthai(command, tmp_path)
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run(command, check=True, env=environment, timeout=300, capture_output=True)
    return json.loads(output.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.mark.parametrize("case", CASES)
def test_no_name_is_cut_on_the_board_or_the_projector(tmp_path: Path, case: str) -> None:
    report = _run_child(tmp_path, hide_libthai=case == "without libthai")
    assert report["cuts"] == []
    assert report["overflows"] == []  # cards are drawn in those lines, within the card
    assert isinstance(report["cards_checked"], int) and report["cards_checked"] > 60
    if case == "without libthai":
        assert report["libthai_loaded"] is False
    elif libthai() is not None:
        # Qt's own breaks (libthai's) would have cut names in the same texts: the test
        # reads the breaks the app makes, not a coincidence of Qt's.
        assert report["libthai_loaded"] is True
        assert isinstance(report["plain_qt_cuts"], int) and report["plain_qt_cuts"] > 0
    # No minimum width is that of an unbreakable Thai title: a header may be narrower
    # than a third of its text.
    minimum, text = report["header_minimum_width"], report["header_text_width"]
    assert isinstance(minimum, int) and isinstance(text, float)
    assert minimum < text / 3
