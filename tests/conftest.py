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
from workshop_app.thai import linebreak, segment


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


@pytest.fixture
def fresh_thai_dictionary() -> Iterator[None]:
    """The standard Thai dictionary alone. A segmenter adds its workshop's words to the
    one shared dictionary (the app has one workshop open at a time), so workshops made by
    earlier tests would otherwise change how later tests segment text."""
    with segment._lock:
        segment._dictionary = None
        segment._loaded.clear()
    _forget_segmentations()
    segment.dictionary()
    yield
    _forget_segmentations()  # segmenters that had added their words to the old dictionary


def _forget_segmentations() -> None:
    for module in (segment, linebreak):
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()
