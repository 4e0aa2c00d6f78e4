"""Fixtures for GUI tests: a context over a real demo database, fonts loaded; the main
window shown, in English or in Thai, or on the brainstorm page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from workshop_app.db.database import Database
from workshop_app.ui import settings
from workshop_app.ui.app import install_translator, load_fonts
from workshop_app.ui.context import WorkshopContext
from workshop_app.ui.main_window import MainWindow


@pytest.fixture
def context(qtbot: QtBot, db: Database, demo_workshop: str) -> Iterator[WorkshopContext]:
    load_fonts()
    yield WorkshopContext(db, demo_workshop, "en")
    finish_background_work()


def finish_background_work() -> None:
    """Let work a page started in the background (a preview) end before its database
    is closed and its folder removed."""
    QThreadPool.globalInstance().waitForDone(120_000)
    QApplication.processEvents()


def shown_main_window(qtbot: QtBot, context: WorkshopContext) -> MainWindow:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def thai_window(qtbot: QtBot, db: Database, demo_workshop: str) -> Iterator[MainWindow]:
    """The main window in Thai (the translator is removed afterwards)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    load_fonts()
    translator = install_translator(app, "th")
    yield shown_main_window(qtbot, WorkshopContext(db, demo_workshop, "th"))
    finish_background_work()
    if translator is not None:
        app.removeTranslator(translator)


@pytest.fixture
def board_window(
    qtbot: QtBot, context: WorkshopContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> MainWindow:
    """The main window shown on the brainstorm page, with settings of its own (the
    user's own are left alone)."""
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr(settings, "settings_store", lambda: store)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show_page(2)
    window.show()
    qtbot.waitExposed(window)
    return window
