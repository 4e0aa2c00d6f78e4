"""Shared fixtures. Every test that stores data uses a real SQLite file in tmp_path."""

from __future__ import annotations

import os

# Before anything imports Qt (PyThaiNLP is kept offline by workshop_app itself).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from workshop_app.db.database import Database, open_database
from workshop_app.services.demo import create_demo_workshop


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "workshop.sqlite"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def demo_workshop(db: Database) -> str:
    """A small demo workshop: 40 invitees (about 60 % checked in), 3 walk-ins, 5 issues."""
    with db.transaction() as session:
        return create_demo_workshop(session, "small")
