"""Waiting in a test for an operation the GUI runs in the background."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from workshop_app.ui.context import BackgroundOperation
from workshop_app.ui.import_dialog import ImportPreviewDialog
from workshop_app.ui.main_window import MainWindow


def outcome_of(
    qtbot: QtBot, operation: BackgroundOperation[Any], timeout: int = 120_000
) -> tuple[str, Any]:
    """Wait (with the event loop running) until the operation ends: ("ok", result),
    ("failed", message) or ("cancelled", None)."""
    ended: list[tuple[str, Any]] = []
    operation.succeeded.connect(lambda result: ended.append(("ok", result)))
    operation.failed.connect(lambda message: ended.append(("failed", message)))
    operation.cancelled.connect(lambda: ended.append(("cancelled", None)))
    qtbot.waitUntil(lambda: bool(ended), timeout=timeout)
    return ended[0]


def result_of(qtbot: QtBot, operation: BackgroundOperation[Any], timeout: int = 120_000) -> Any:
    """The operation's result, or None when it was refused or cancelled."""
    kind, value = outcome_of(qtbot, operation, timeout)
    return value if kind == "ok" else None


def ticks_while_running(qtbot: QtBot, operation: BackgroundOperation[Any]) -> int:
    """How often a 10 ms timer fired while the operation ran: the event loop went on
    (a GUI thread busy with the work would fire it never)."""
    from PySide6.QtCore import QTimer

    ticks: list[bool] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(operation.running))
    timer.start(10)
    try:
        outcome_of(qtbot, operation)
    finally:
        timer.stop()
    return sum(ticks)


def opened(
    qtbot: QtBot, window: MainWindow, reading: BackgroundOperation[Any]
) -> ImportPreviewDialog:
    """The preview the window opens once the file was read and checked in the background."""
    assert result_of(qtbot, reading) is not None
    dialog = window.import_preview
    assert dialog is not None and dialog.isVisible()
    return dialog


def settled(qtbot: QtBot, dialog: ImportPreviewDialog) -> None:
    """Wait for the planning a choice of sheet or meaning started in the background."""
    qtbot.waitUntil(lambda: dialog.planning is None, timeout=60_000)


def written(qtbot: QtBot, window: MainWindow) -> tuple[str, Any]:
    """How the import accepted last ended, once written in the background."""
    assert window.running_import is not None
    return outcome_of(qtbot, window.running_import)
