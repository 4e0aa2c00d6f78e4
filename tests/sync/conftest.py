"""Fixtures for the sync tests: one throwaway PostgreSQL server for the whole session and
a fresh, empty database on it for each test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.postgres import ThrowawayPostgres
from workshop_app.db.database import Database, open_database


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[ThrowawayPostgres]:
    # Started once: a cluster takes about a second to create, a database only milliseconds.
    with ThrowawayPostgres() as server:
        yield server


@pytest.fixture
def server_url(postgres_server: ThrowawayPostgres) -> Iterator[str]:
    """The SQLAlchemy URL of a new database, reached as `workshop` with a password."""
    url = postgres_server.create_database()
    yield url
    postgres_server.drop_database(url.rsplit("/", 1)[1])


@pytest.fixture
def laptops(tmp_path: Path) -> Iterator[list[Database]]:
    """Three empty laptop files, each a device of its own."""
    opened = [open_database(tmp_path / f"laptop{n}.sqlite") for n in range(3)]
    yield opened
    for database in opened:
        database.close()
