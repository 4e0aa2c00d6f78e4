"""The provincial view's services and `list` on a real server holding the workshops of two
laptops; every other command refuses a server as --db."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, event
from sqlalchemy.orm import Session

from workshop_app.cli import EXIT_USER_ERROR, database_argument, main
from workshop_app.db.database import Database, open_database
from workshop_app.errors import UserError
from workshop_app.services import ideas, projects, voting, workshops
from workshop_app.services.demo import create_demo_workshop
from workshop_app.services.idea_duplicates import THRESHOLD
from workshop_app.services.province import (
    cross_workshop_duplicates,
    ideas_side_by_side,
    province_workshops,
)
from workshop_app.sync.server import connect_server, sync
from workshop_app.thai.collate import thai_sort_key

TITLE_B = "ประชุมรับฟังความคิดเห็นร่างแผนพัฒนาจังหวัดสงขลา อำเภอหาดใหญ่"
# Nobody listens on port 1: a server address that can never be reached.
UNREACHABLE = "postgresql+psycopg://workshop@127.0.0.1:1/nowhere"


@dataclass(frozen=True)
class TwoWorkshops:
    """A server filled by two laptops, and what the tests look for on it."""

    url: str
    a: str  # workshop ids
    b: str
    idea_a: str  # a card of A ...
    idea_b: str  # ... and B's card edited to say nearly the same
    merged: str  # a card of A merged into another, and one deleted: not on the board
    deleted: str


def _laptop(path: Path, seed: int) -> tuple[Database, str]:
    database = open_database(path)
    with database.transaction() as session:
        return database, create_demo_workshop(session, "small", seed=seed)


def fill_server(url: str, folder: Path) -> TwoWorkshops:
    """Two laptops with two different demo workshops synced to the server at ``url``.

    On A two cards leave the board (one merged, one deleted); on B the workshop gets
    another title, an issue 6 that A has not, and one card is edited to say what a card
    of A says, with a few words more: a duplicate across the two workshops.
    """
    laptop_a, a = _laptop(folder / "a.sqlite", 2569)
    laptop_b, b = _laptop(folder / "b.sqlite", 7)
    try:
        with laptop_a.transaction() as session:
            cards = ideas.list_ideas(session, a)
            idea_a = cards[0]
            ideas.merge_ideas(session, cards[2].id, [cards[1].id])
            ideas.delete_idea(session, cards[3].id)
        with laptop_b.transaction() as session:
            workshops.update_workshop(session, b, title=TITLE_B)
            workshops.add_issue(session, b, "การพัฒนาเมืองอัจฉริยะ")
            card_b = ideas.list_ideas(session, b)[0]
            draft = ideas.IdeaDraft(idea_a.text + " ในทุกอำเภอ", sector_id=card_b.sector_id)
            ideas.update_idea(session, card_b.id, draft)
        sync(laptop_a, url)
        sync(laptop_b, url)
    finally:
        laptop_a.close()
        laptop_b.close()
    return TwoWorkshops(url, a, b, idea_a.id, card_b.id, cards[1].id, cards[3].id)


@pytest.fixture
def province(server_url: str, tmp_path: Path) -> TwoWorkshops:
    return fill_server(server_url, tmp_path)


@pytest.fixture
def server(province: TwoWorkshops) -> Iterator[Session]:
    engine = connect_server(province.url)
    with Session(engine) as session:
        yield session
    engine.dispose()


def _laptop_view(path: Path, workshop_id: str) -> tuple[int, int, int, int, list[str]]:
    """(invited, present, projects, vote rounds, card ids) as the laptop itself sees them."""
    database = open_database(path)
    try:
        with database.session() as session:
            (summary,) = [s for s in workshops.list_workshops(session) if s.id == workshop_id]
            return (
                summary.invited,
                summary.present,
                len(projects.list_projects(session, workshop_id)),
                len(voting.list_rounds(session, workshop_id)),
                [card.id for card in ideas.list_ideas(session, workshop_id)],
            )
    finally:
        database.close()


def test_every_workshop_of_the_province_with_its_counts(
    province: TwoWorkshops, server: Session, tmp_path: Path
) -> None:
    found = province_workshops(server)
    assert {w.id for w in found} == {province.a, province.b}
    # Same day: Thai title order.
    assert [w.title for w in found] == sorted((w.title for w in found), key=thai_sort_key)
    for workshop, laptop in ((province.a, "a.sqlite"), (province.b, "b.sqlite")):
        (row,) = [w for w in found if w.id == workshop]
        invited, present, project_count, rounds, cards = _laptop_view(tmp_path / laptop, workshop)
        assert (row.invited, row.present, row.projects, row.vote_rounds, row.ideas) == (
            invited,
            present,
            project_count,
            rounds,
            len(cards),
        )
        assert row.kind == "plan_review_annual" and row.province == "สงขลา"
        assert row.start_date == dt.date.today() and row.fiscal_year is not None
    (a,) = [w for w in found if w.id == province.a]
    assert a.ideas == 58 and a.invited == 40 and a.projects > 0 and a.vote_rounds > 0


def test_workshops_by_date_then_thai_title_without_deleted_ones(db: Database) -> None:
    """On a laptop file too; a constant number of queries however many workshops."""
    with db.transaction() as session:
        later = workshops.create_workshop(session, "ไก่", start_date=dt.date(2026, 3, 1))
        early_b = workshops.create_workshop(session, "เขียว", start_date=dt.date(2026, 1, 5))
        early_a = workshops.create_workshop(session, "ขาว", start_date=dt.date(2026, 1, 5))
        undated = workshops.create_workshop(session, "กา")
        gone = workshops.create_workshop(session, "ลบแล้ว", start_date=dt.date(2026, 1, 1))
        workshops.delete_workshop(session, gone)
    statements = _count_statements(db.engine)
    with db.session() as session:
        found = province_workshops(session)
    # ขาว before เขียว: Thai order (plain code point order puts เขียว first).
    assert [w.id for w in found] == [early_a, early_b, later, undated]
    assert all(w.invited == w.present == w.ideas == w.projects == w.vote_rounds == 0 for w in found)
    assert len(statements) <= 6


def _count_statements(engine: Engine) -> list[str]:
    seen: list[str] = []

    @event.listens_for(engine, "before_cursor_execute")
    def remember(*args: object) -> None:
        seen.append(str(args[2]))

    return seen


def test_ideas_side_by_side_grouped_by_issue_number(
    province: TwoWorkshops, server: Session, tmp_path: Path
) -> None:
    side = ideas_side_by_side(server, [province.b, province.a])
    assert [w.id for w in side.workshops] == [province.b, province.a]  # as asked
    assert [g.number for g in side.issues] == [1, 2, 3, 4, 5, 6]
    issues_a = {i.number: i.title for i in _issues(tmp_path / "a.sqlite", province.a)}
    for group in side.issues[:5]:
        assert group.titles[province.a] == issues_a[group.number]
        assert group.titles[province.b] == issues_a[group.number]  # the same demo plan
    sixth = side.issues[5]
    assert sixth.titles == {province.b: "การพัฒนาเมืองอัจฉริยะ", province.a: ""}
    assert sixth.ideas == {province.b: [], province.a: []}
    for workshop, laptop in ((province.a, "a.sqlite"), (province.b, "b.sqlite")):
        cards = [c.id for g in side.issues for c in g.ideas[workshop]]
        assert cards == _laptop_view(tmp_path / laptop, workshop)[4]  # board order
    shown = {c.id for g in side.issues for cards in g.ideas.values() for c in cards}
    assert province.merged not in shown and province.deleted not in shown
    edited = side.idea(province.idea_b)
    assert edited is not None and edited.text.endswith(" ในทุกอำเภอ") and edited.issue_number == 1
    with pytest.raises(UserError, match="no workshop"):
        ideas_side_by_side(server, [province.a, "no-such-workshop"])


def _issues(path: Path, workshop_id: str) -> list[workshops.NumberedRow]:
    database = open_database(path)
    try:
        with database.session() as session:
            return workshops.list_issues(session, workshop_id)
    finally:
        database.close()


def test_duplicates_across_workshops(province: TwoWorkshops, server: Session) -> None:
    found = cross_workshop_duplicates(server, [province.a, province.b])
    assert found, "the edited card must be found"
    assert all(d.first.workshop_id == province.a for d in found)
    assert all(d.second.workshop_id == province.b for d in found)
    assert all(d.score >= THRESHOLD for d in found)
    assert [d.score for d in found] == sorted((d.score for d in found), reverse=True)
    pairs = {(d.first.id, d.second.id): d.score for d in found}
    assert THRESHOLD <= pairs[(province.idea_a, province.idea_b)] < 1.0
    assert len(cross_workshop_duplicates(server, [province.a, province.b], limit=3)) == 3
    assert cross_workshop_duplicates(server, [province.a]) == []  # no other workshop


def test_list_prints_the_province_workshops(
    province: TwoWorkshops, capsys: pytest.CaptureFixture[str]
) -> None:
    """`list --db URL`: the file's `list` format, one line per workshop on the server;
    a plain postgresql:// address works too."""
    plain = province.url.replace("postgresql+psycopg://", "postgresql://")
    for url in (province.url, plain):
        assert main(["list", "--db", url]) == 0
        lines = capsys.readouterr().out.splitlines()
        assert len(lines) == 2
        rows = {line.split("\t")[0]: line.split("\t") for line in lines}
        assert set(rows) == {province.a, province.b}
        assert rows[province.b][1] == dt.date.today().isoformat()
        assert rows[province.b][2] == "40" and rows[province.b][4] == TITLE_B


def test_list_of_an_unreachable_server_is_one_clear_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["list", "--db", UNREACHABLE, "--lang", "en"]) == EXIT_USER_ERROR
    err = capsys.readouterr().err
    assert "workshop@127.0.0.1:1/nowhere" in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "command",
    [
        ["demo"],
        ["import-ideas", "--workshop", "x", "ideas.csv"],
        ["export", "minutes", "--workshop", "x", "--out", "m.pdf"],
        ["sync", "--server", UNREACHABLE],
        ["bundle", "export", "--out", "b.wsbundle"],
    ],
)
def test_other_commands_refuse_the_server(
    command: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The server is only viewed: one line, in Thai or English, pointing at `sync`; it is
    not even contacted, and no file is made."""
    monkeypatch.chdir(tmp_path)
    # The bundle commands take --db after their action.
    at = 2 if command[0] == "bundle" else 1
    argv = [*command[:at], "--db", UNREACHABLE, *command[at:]]
    assert main(argv) == EXIT_USER_ERROR
    err = capsys.readouterr().err
    assert err.startswith("เซิร์ฟเวอร์ของจังหวัดเปิดดูได้อย่างเดียว") and "sync" in err
    assert len(err.strip().splitlines()) == 1
    assert main([*argv, "--lang", "en"]) == EXIT_USER_ERROR
    err = capsys.readouterr().err
    assert err.startswith("the provincial server is only viewed") and "sync --db FILE" in err
    assert list(tmp_path.iterdir()) == []


def test_gui_on_a_server_opens_the_provincial_view(monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[tuple[str, str | None]] = []

    def fake_view(url: str, language: str | None = None) -> int:
        opened.append((url, language))
        return 0

    monkeypatch.setattr("workshop_app.ui.app.run_provincial_view", fake_view)
    monkeypatch.delenv("WORKSHOP_APP_LANG", raising=False)
    assert main(["--db", "postgresql://u@h/db"]) == 0
    assert main(["--db", "postgresql+psycopg://u@h/db", "--lang", "en"]) == 0
    assert opened == [
        ("postgresql+psycopg://u@h/db", None),
        ("postgresql+psycopg://u@h/db", "en"),
    ]


def test_database_argument_keeps_file_paths() -> None:
    assert database_argument("workshops.sqlite") == Path("workshops.sqlite")
    assert database_argument("/data/postgresql/x.sqlite") == Path("/data/postgresql/x.sqlite")
    assert database_argument("POSTGRESQL+psycopg://u@h/d") == "POSTGRESQL+psycopg://u@h/d"
