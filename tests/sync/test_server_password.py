"""The server's password is never stored or printed, whatever form the address takes
(issue 21: ``?password=`` and a password holding "@" were stored in plain text)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from psycopg import sql
from sqlalchemy import text

from tests.postgres import WORKSHOP_PASSWORD, WORKSHOP_USER, ThrowawayPostgres
from tests.sync.replicas import small_demo
from workshop_app.cli import main
from workshop_app.db.database import open_database
from workshop_app.sync.address import parse_server_address, server_label
from workshop_app.sync.server import SyncError, sync

# A password as careless people type it: "@", "?", "/", "#" and Thai, never escaped.
AWKWARD = "ลำปาง@ZQ9?/#x"


@pytest.fixture
def awkward_password(postgres_server: ThrowawayPostgres) -> Iterator[str]:
    """The test user's password changed to AWKWARD for one test, then put back."""

    def set_password(password: str) -> None:
        with postgres_server._superuser_connection() as conn:
            conn.execute(
                sql.SQL("ALTER ROLE {} PASSWORD {}").format(
                    sql.Identifier(WORKSHOP_USER), sql.Literal(password)
                )
            )

    set_password(AWKWARD)
    try:
        yield AWKWARD
    finally:
        set_password(WORKSHOP_PASSWORD)


def _forms(server_url: str, password: str) -> dict[str, str]:
    """The same server written the ways people write it, each with ``password``."""
    where = server_url.split("@", 1)[1]  # 127.0.0.1:port/db
    user, escaped = f"postgresql+psycopg://{WORKSHOP_USER}", quote(password, safe="")
    return {
        "in the URL, escaped": f"{user}:{escaped}@{where}",
        "in the URL, raw": f"{user}:{password}@{where}",
        "?password=": f"{user}@{where}?password={escaped}",
        "plain postgresql://, ?password=": f"postgresql://{WORKSHOP_USER}@{where}"
        f"?sslmode=disable&password={escaped}",
    }


def _pieces(password: str) -> list[str]:
    """What of a password must never show: it whole, escaped, and a part of it found
    nowhere else (the demo's data holds Thai place names)."""
    return [password, quote(password, safe=""), "@ZQ", "ZQ8", "ZQ9"]


def test_every_form_of_an_address_is_read_as_meant() -> None:
    cases = {
        "postgresql+psycopg://lekha:p@ss@db.nan.go.th:5432/province?sslmode=require": (
            "lekha",
            "p@ss",
            "db.nan.go.th",
            "postgresql+psycopg://lekha:***@db.nan.go.th:5432/province?sslmode=require",
        ),
        "postgresql+psycopg://strategy@10.0.0.5/plan?password=p%40ss&sslpassword=k": (
            "strategy",
            "p@ss",
            "10.0.0.5",
            "postgresql+psycopg://strategy:***@10.0.0.5/plan",
        ),
        "postgresql+psycopg://strategy@10.0.0.5?password=a@b": (
            "strategy",
            "a@b",
            "10.0.0.5",
            "postgresql+psycopg://strategy:***@10.0.0.5",
        ),
        "postgresql+psycopg://office:a?b/c@[::1]:5433/nan": (
            "office",
            "a?b/c",
            "::1",
            "postgresql+psycopg://office:***@[::1]:5433/nan",
        ),
    }
    for typed, (user, password, host, label) in cases.items():
        address = parse_server_address(typed)
        assert (address.url.username, address.password, address.url.host) == (user, password, host)
        assert address.label == label
        assert server_label(typed) == label
        assert "***" not in address.bare and password not in address.bare


def test_an_unreadable_address_shows_no_part_that_may_be_a_password() -> None:
    assert server_label("postgresql+psycopg://office:ความลับ@host:port5/db") == (
        "postgresql+psycopg://…"
    )


@pytest.mark.parametrize(
    "form",
    ["in the URL, escaped", "in the URL, raw", "?password=", "plain postgresql://, ?password="],
)
def test_the_password_is_never_stored_or_printed(
    tmp_path: Path,
    server_url: str,
    awkward_password: str,
    form: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    address = _forms(server_url, awkward_password)[form]
    path = tmp_path / "ห้องย่อย 2.sqlite"
    laptop = open_database(path)
    small_demo(laptop)
    laptop.close()
    assert main(["sync", "--db", str(path), "--server", address, "--lang", "en"]) == 0
    printed = capsys.readouterr()
    assert "synced with" in printed.out and ":***@127.0.0.1" in printed.out
    laptop = open_database(path)
    with laptop.engine.connect() as connection:
        [label] = connection.execute(text("SELECT server FROM sync_servers")).scalars()
    laptop.close()
    stored = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    for piece in _pieces(awkward_password):
        assert piece not in label
        assert piece not in printed.out + printed.err
        assert piece.encode() not in stored


def test_a_failed_sync_does_not_print_the_password(
    tmp_path: Path, server_url: str, awkward_password: str
) -> None:
    wrong = awkward_password.replace("ZQ9", "ZQ8")
    address = _forms(server_url, wrong)["?password="]
    laptop = open_database(tmp_path / "ตาก.sqlite")
    try:
        small_demo(laptop)
        with pytest.raises(SyncError) as refused:
            sync(laptop, address)
    finally:
        laptop.close()
    said = refused.value.message("en") + refused.value.message("th")
    assert "password authentication failed" in said
    for piece in _pieces(wrong):
        assert piece not in said


def test_the_provincial_list_never_prints_the_password(
    server_url: str, awkward_password: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """`list --db ADDRESS` (the provincial view's command) with each form of a wrong
    password: one line naming the server, without the password."""
    wrong = awkward_password.replace("ZQ9", "ZQ8")
    for form, address in _forms(server_url, wrong).items():
        assert main(["list", "--db", address, "--lang", "en"]) == 2, form
        printed = capsys.readouterr()
        assert len(printed.err.splitlines()) == 1, (form, printed.err)
        assert "127.0.0.1" in printed.err
        for piece in _pieces(wrong):
            assert piece not in printed.out + printed.err, form
