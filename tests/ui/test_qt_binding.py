"""The Qt binding itself: a build that loses references to None aborts the app.

PySide6 6.12.0 drops one reference to None on every call of a Qt method that returns
nothing. On Python 3.11 (where None is not immortal) the app then aborts with
"deallocating None" after a few thousand such calls, in the middle of a workshop.
pyproject.toml keeps that build out; this test catches it or a later one like it.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QTableWidget, QTableWidgetItem
from pytestqt.qtbot import QtBot

CALLS = 2000


def test_void_qt_calls_keep_the_references_to_none(qtbot: QtBot) -> None:
    table = QTableWidget(4, 4)
    qtbot.addWidget(table)
    before = sys.getrefcount(None)
    for number in range(CALLS):
        table.setItem(number % 4, 1, QTableWidgetItem(str(number)))
        table.setRowCount(4)
        table.blockSignals(False)
    lost = before - sys.getrefcount(None)
    # A few references may come and go with the interpreter's own bookkeeping; a
    # broken binding loses one per call (thousands here).
    assert lost < CALLS // 10
