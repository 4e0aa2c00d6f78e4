"""The import corpus (tests/data/import_corpus, made by tests/data/make_import_corpus.py):
invitation lists, committee lists, flipchart transcripts and hearing comments in the
layouts, programs and encodings secretariats use. Each good file is imported through the
command line and every field stored is checked against the people or ideas it was made
from; each bad file exits 2 with one clear message (Thai and English) naming where, no
traceback, and leaves the database file byte for byte as it was."""

from __future__ import annotations

import gc
import hashlib
import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from workshop_app.cli import EXIT_USER_ERROR, main
from workshop_app.db.database import open_database
from workshop_app.models import Idea
from workshop_app.readers.tables import read_file
from workshop_app.services.attendees import list_attendees
from workshop_app.services.idea_import import load_idea_file
from workshop_app.services.ideas import list_ideas
from workshop_app.services.invitation_import import load_invitation_list
from workshop_app.services.meetings import list_members
from workshop_app.services.workshops import create_workshop, list_issues, list_workshops

CORPUS = Path(__file__).resolve().parent.parent / "data" / "import_corpus"
EXPECTED: dict[str, dict[str, dict[str, Any]]] = json.loads(
    (CORPUS / "expected.json").read_text(encoding="utf-8")
)
GOOD = sorted(name for name, e in EXPECTED.items() if "good" in e)
BAD = sorted(name for name, e in EXPECTED.items() if "bad" in e)
COMMAND = {"invitations": "import-attendees", "ideas": "import-ideas"}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workshop of the Trang province's plan review with its 5 issues and the 8
    default sectors, nobody registered yet."""
    path = tmp_path_factory.mktemp("corpus") / "template.sqlite"
    database = open_database(path)
    try:
        with database.transaction() as session:
            create_workshop(session, "ประชุมเชิงปฏิบัติการทบทวนแผนพัฒนาจังหวัดตรัง")
    finally:
        database.close()
    return path


@pytest.fixture
def db_path(template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "workshop.sqlite"
    shutil.copy(template, path)
    return path


def _workshop(db_path: Path) -> str:
    database = open_database(db_path)
    try:
        with database.session() as session:
            return list_workshops(session)[0].id
    finally:
        database.close()


def _file_state(path: Path) -> str:
    gc.collect()
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _source(name: str) -> Path:
    return CORPUS / name.split("#")[0]


def _comment_details(idea: Idea | None) -> tuple[str, str, bool, str, str]:
    assert idea is not None
    return (
        idea.commenter_name,
        idea.commenter_organisation,
        idea.anonymous,
        idea.answer,
        idea.plan_change,
    )


def test_the_corpus_is_large_enough() -> None:
    files = [p for p in CORPUS.iterdir() if p.name != "expected.json"]
    assert len(files) >= 25
    assert {p.name for p in files} == {n.split("#")[0] for n in EXPECTED}


@pytest.mark.parametrize("name", GOOD)
def test_good_file_imports_every_field(
    name: str, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = EXPECTED[name]["good"]
    workshop_id = _workshop(db_path)
    capsys.readouterr()
    argv = [COMMAND[expected["kind"]], "--db", str(db_path), "--lang", "en"]
    argv += [*expected["options"], "--workshop", workshop_id, str(_source(name))]
    assert main(argv) == 0, capsys.readouterr().err
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1  # one line: what was imported
    database = open_database(db_path)
    try:
        with database.session() as session:
            if expected["kind"] == "invitations":
                assert out[0].startswith(f"imported {len(expected['people'])} people from {name}")
                stored = [
                    (
                        r.prefix,
                        r.first_name,
                        r.last_name,
                        r.position,
                        r.organisation,
                        r.sector_name,
                        r.phone,
                        r.email,
                        r.role,
                    )
                    for r in sorted(list_attendees(session, workshop_id), key=lambda r: r.code)
                ]
                wanted = [
                    (
                        p["prefix"],
                        p["first"],
                        p["last"],
                        p["position"],
                        p["organisation"],
                        p["sector"],
                        p["phone"],
                        p["email"],
                        p["role"],
                    )
                    for p in expected["people"]
                ]
                assert stored == wanted
                # Members in the order of the list, each with the role it gives.
                members = [
                    (m.attendee.first_name, m.attendee.last_name, m.role)
                    for m in list_members(session, workshop_id)
                ]
                assert members == [
                    (p["first"], p["last"], p["body_role"])
                    for p in expected["people"]
                    if p["body_role"]
                ]
                if not expected["options"]:
                    invitations = load_invitation_list(
                        session, workshop_id, read_file(_source(name))
                    )
                    assert invitations.inferred == expected["inferred"]
                located = invitations.located if not expected["options"] else None
            else:
                assert out[0] == f"imported {len(expected['cards'])} ideas from {name}"
                numbers = {i.id: i.number for i in list_issues(session, workshop_id)}
                stored_cards = [
                    (
                        numbers[r.issue_id],
                        r.text,
                        r.kind,
                        r.sector_name or None,
                        r.breakout_group,
                        *_comment_details(session.get(Idea, r.id)),
                    )
                    for r in list_ideas(session, workshop_id)
                ]
                wanted_cards = sorted(
                    (
                        (
                            c["issue"],
                            c["text"],
                            c["kind"],
                            c["sector"],
                            c["group"],
                            c["commenter"],
                            c["organisation"],
                            c["anonymous"],
                            c["answer"],
                            c["plan_change"],
                        )
                        for c in expected["cards"]
                    ),
                    key=lambda c: c[0],  # the board lists by issue, file order within
                )
                assert stored_cards == wanted_cards
                located = load_idea_file(session, workshop_id, read_file(_source(name))).located
            if expected["sheet"]:
                assert located is not None and located.sheet == expected["sheet"]
    finally:
        database.close()


@pytest.mark.parametrize("name", BAD)
def test_bad_file_is_refused_whole(
    name: str, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = EXPECTED[name]["bad"]
    workshop_id = _workshop(db_path)
    before = _file_state(db_path)
    capsys.readouterr()
    for language in ("th", "en"):
        argv = [COMMAND[expected["kind"]], "--db", str(db_path), "--lang", language]
        argv += [*expected["options"], "--workshop", workshop_id, str(_source(name))]
        assert main(argv) == EXIT_USER_ERROR
        out, err = capsys.readouterr()
        assert out == "" and "Traceback" not in err
        first = err.splitlines()[0]
        assert _source(name).name in first or "sheet" in first or "แผ่นงาน" in first
        for words in expected["thai" if language == "th" else "english"]:
            assert words in err, (language, words, err)
    assert _file_state(db_path) == before
