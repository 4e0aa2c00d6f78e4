"""Fixtures for GUI tests: a context over a real demo database, fonts loaded."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from workshop_app.db.database import Database
from workshop_app.ui.app import load_fonts
from workshop_app.ui.context import WorkshopContext


@pytest.fixture
def context(qtbot: QtBot, db: Database, demo_workshop: str) -> WorkshopContext:
    load_fonts()
    return WorkshopContext(db, demo_workshop, "en")
