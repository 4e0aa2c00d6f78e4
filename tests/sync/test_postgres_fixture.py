"""The throwaway PostgreSQL server behaves like the provincial one: UTF-8, passwords over
TCP, one database per test."""

from __future__ import annotations

import pytest
from sqlalchemy import URL, create_engine, make_url, text
from sqlalchemy.exc import OperationalError

from tests.postgres import ThrowawayPostgres

THAI = "ประชุมเชิงปฏิบัติการ จังหวัดน่าน ๒๕๖๘ — ผู้เข้าร่วม"


def test_thai_text_round_trips(server_url: str) -> None:
    engine = create_engine(server_url)
    try:
        with engine.begin() as conn:
            assert conn.scalar(text("SHOW server_encoding")) == "UTF8"
            conn.execute(text("CREATE TABLE note (body text NOT NULL)"))
            conn.execute(text("INSERT INTO note (body) VALUES (:body)"), {"body": THAI})
        with engine.connect() as conn:
            assert conn.scalar(text("SELECT body FROM note")) == THAI
            assert conn.scalar(text("SELECT length(body) FROM note")) == len(THAI)
    finally:
        engine.dispose()


def test_connects_over_tcp_with_a_password(server_url: str) -> None:
    engine = create_engine(server_url)
    try:
        with engine.connect() as conn:
            assert conn.scalar(text("SELECT current_user")) == "workshop"
            assert conn.scalar(text("SELECT host(inet_server_addr())")) == "127.0.0.1"
    finally:
        engine.dispose()

    url = make_url(server_url)
    # URL.set(password=None) would keep the password: build the password-less URL anew.
    without_password = URL.create(
        url.drivername, username=url.username, host=url.host, port=url.port, database=url.database
    )
    for attempt in (url.set(password="wrong"), without_password):
        refused = create_engine(attempt)
        try:
            with pytest.raises(OperationalError), refused.connect():
                pass
        finally:
            refused.dispose()


def test_each_call_gives_a_separate_database(postgres_server: ThrowawayPostgres) -> None:
    first = postgres_server.create_database()
    second = postgres_server.create_database()
    assert first != second
    engines = [create_engine(first), create_engine(second)]
    try:
        with engines[0].begin() as conn:
            conn.execute(text("CREATE TABLE only_in_first (id integer)"))
        with engines[1].connect() as conn:
            assert conn.scalar(text("SELECT to_regclass('only_in_first')")) is None
    finally:
        for engine in engines:
            engine.dispose()
        for url in (first, second):
            postgres_server.drop_database(make_url(url).database or "")


def test_kill_connections_breaks_open_sessions(
    postgres_server: ThrowawayPostgres, server_url: str
) -> None:
    dbname = make_url(server_url).database or ""
    engine = create_engine(server_url)
    try:
        with engine.connect() as conn:
            conn.scalar(text("SELECT 1"))
            assert postgres_server.kill_connections(dbname) == 1
            with pytest.raises(OperationalError):
                conn.scalar(text("SELECT 1"))
    finally:
        engine.dispose()
