"""Property: whatever several laptops do offline, and however they sync (bundles, the
server, cut connections, lost acknowledgements, any order), and whatever happens to the
server (put back to an earlier backup, replaced by a new empty one), they end identical,
with every row anyone created, none twice, and every overwritten version either seen by
the edit that replaced it or kept as a conflict.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, text

from tests.postgres import ThrowawayPostgres
from tests.sync.replicas import snapshot
from workshop_app.db.database import Database, open_database
from workshop_app.errors import UserError
from workshop_app.services import voting
from workshop_app.services.ideas import (
    IdeaDraft,
    add_idea,
    delete_idea,
    list_ideas,
    merge_ideas,
    move_idea,
    update_idea,
)
from workshop_app.services.workshops import add_issue, create_workshop
from workshop_app.sync.bundle import export_bundle, import_bundle
from workshop_app.sync.server import connect_server, sync

FAULTS = (
    None,
    "push:before-commit",  # the server rolls the batch back
    "push:after-commit",  # the acknowledgement is lost
    "pull:after-read",
    "pull:before-commit",  # the laptop rolls the batch back
)
TEXTS = st.text(alphabet="กขคงจฉชซยรลวสหอะาิีเแ่้ ", min_size=1, max_size=12).filter(
    lambda s: s.strip() != ""
)
Versions = set[tuple[str, str, str]]  # (table, row id, stamp)


class CutError(Exception):
    """The connection dropped at a checkpoint."""


@dataclass
class World:
    folder: Path
    laptops: list[Database]
    server_url: str
    workshop_id: str
    created_ideas: set[str] = field(default_factory=set)
    versions: Versions = field(default_factory=set)  # every version any laptop wrote
    replaced: Versions = field(default_factory=set)  # versions a later local edit had seen
    bundles: int = 0
    backup: Path | None = None  # the server's latest pg_dump


@pytest.fixture(scope="module")
def base_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One laptop's file with a workshop ready for the random edits: two issues, six
    ideas and an open dot-vote round on four of them."""
    path = tmp_path_factory.mktemp("base") / "base.sqlite"
    database = open_database(path)
    with database.transaction() as session:
        workshop_id = create_workshop(session, "ทดสอบการซิงก์")
        # The preset brings the sectors; the random edits need two issues.
        issues = [add_issue(session, workshop_id, f"ประเด็น {n}") for n in (1, 2)]
        ideas = [
            add_idea(session, workshop_id, issues[n % 2], IdeaDraft(text=f"ความคิด {n}"))
            for n in range(6)
        ]
        round_id = voting.create_round(
            session,
            workshop_id,
            voting.RoundDraft(title="โหวต", method="dots", idea_ids=tuple(ideas[:4])),
        )
        voting.open_round(session, round_id)
    database.close()
    return path


@pytest.fixture(scope="module")
def server_template(postgres_server: ThrowawayPostgres) -> str:
    """A migrated server database that each example copies (migrations take a second)."""
    url = postgres_server.create_database("sync_template")
    connect_server(url).dispose()
    return "sync_template"


def _laptop(base: Path, path: Path) -> Database:
    """A copy of the base file that is a device of its own (a new device id)."""
    shutil.copy(base, path)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE local_device SET device_id = ?", (str(uuid.uuid4()),))
    connection.close()
    return open_database(path)


@pytest.fixture
def worlds(
    base_file: Path, server_template: str, postgres_server: ThrowawayPostgres, tmp_path: Path
) -> Iterator[Any]:
    made: list[World] = []

    def make(devices: int) -> World:
        folder = tmp_path / f"world{len(made)}"
        folder.mkdir()
        laptops = [_laptop(base_file, folder / f"laptop{n}.sqlite") for n in range(devices)]
        url = postgres_server.create_database(template=server_template)
        with laptops[0].session() as session:
            workshop_id = session.execute(text("SELECT id FROM workshops")).scalar_one()
        world = World(folder, laptops, url, workshop_id)
        world.versions = _all_versions(laptops[0])
        made.append(world)
        return world

    yield make
    for world in made:
        for database in world.laptops:
            database.close()
        postgres_server.drop_database(world.server_url.rsplit("/", 1)[1])


def _all_versions(database: Database) -> Versions:
    return {
        (table, row_id, row["updated_hlc"])
        for table, rows in snapshot(database).items()
        if table != "sync_conflicts"
        for row_id, row in rows.items()
    }


def _live_ideas(database: Database, workshop_id: str) -> list[Any]:
    with database.session() as session:
        return sorted(list_ideas(session, workshop_id), key=lambda idea: idea.id)


def _local_edit(world: World, device: int, op: tuple[Any, ...]) -> None:
    """Apply one random edit on one laptop; an edit the laptop's state refuses (a card
    merged away meanwhile, a closed round, ...) is skipped, as a user would be told."""
    database = world.laptops[device]
    ideas = _live_ideas(database, world.workshop_id)
    before = _all_versions(database)
    kind = op[0]
    try:
        with database.transaction() as session:
            issues = (
                session.execute(text("SELECT id FROM strategic_issues ORDER BY number"))
                .scalars()
                .all()
            )
            if kind == "add":
                idea_id = add_idea(
                    session, world.workshop_id, issues[op[1] % len(issues)], IdeaDraft(text=op[2])
                )
                world.created_ideas.add(idea_id)
            elif not ideas:
                return
            elif kind == "edit":
                update_idea(session, ideas[op[1] % len(ideas)].id, IdeaDraft(text=op[2]))
            elif kind == "move":
                move_idea(session, ideas[op[1] % len(ideas)].id, issues[op[2] % len(issues)])
            elif kind == "merge":
                target, source = ideas[op[1] % len(ideas)], ideas[op[2] % len(ideas)]
                merge_ideas(session, target.id, [source.id])
            elif kind == "delete":
                delete_idea(session, ideas[op[1] % len(ideas)].id)
            elif kind == "vote":
                [round_id] = session.execute(text("SELECT id FROM vote_rounds")).scalars()
                in_round = voting.get_round(session, round_id).idea_ids
                voting.set_tally(session, round_id, in_round[op[1] % len(in_round)], None, op[2])
    except UserError:
        return
    after = _all_versions(database)
    new = after - before
    world.versions |= new
    changed_rows = {(table, row_id) for table, row_id, _ in new}
    world.replaced |= {v for v in before - after if (v[0], v[1]) in changed_rows}


def _server_life(world: World, server: ThrowawayPostgres, kind: str) -> None:
    """The provincial office backs its server up, puts a backup back, or replaces it by a
    new empty database at the same address."""
    dbname = world.server_url.rsplit("/", 1)[1]
    if kind == "backup":
        world.backup = server.dump(dbname)
    elif kind == "restore" and world.backup is not None:
        server.restore(dbname, world.backup, recreate=False)
    elif kind == "new-server":
        server.drop_database(dbname)
        server.create_database(dbname)
        world.backup = None


def _transfer(world: World, op: tuple[Any, ...]) -> None:
    kind = op[0]
    if kind == "bundle":
        source, target = world.laptops[op[1]], world.laptops[op[2]]
        path = world.folder / f"bundle{world.bundles}.wsbundle"
        world.bundles += 1
        export_bundle(source, path)
        import_bundle(target, path)
        return
    _, device, fault, when = op
    seen = {"count": 0}

    def checkpoint(name: str) -> None:
        if name == fault:
            seen["count"] += 1
            if seen["count"] == when + 1:
                raise CutError(name)

    with contextlib.suppress(CutError):  # a cut sync: the next one carries on
        sync(world.laptops[device], world.server_url, batch_rows=4, checkpoint=checkpoint)


def _operations(devices: int) -> st.SearchStrategy[list[tuple[Any, ...]]]:
    device = st.integers(0, devices - 1)
    index = st.integers(0, 50)
    edit = st.one_of(
        st.tuples(st.just("add"), device, index, TEXTS),
        st.tuples(st.just("edit"), device, index, TEXTS),
        st.tuples(st.just("move"), device, index, index),
        st.tuples(st.just("merge"), device, index, index),
        st.tuples(st.just("delete"), device, index),
        st.tuples(st.just("vote"), device, index, st.integers(0, 30)),
    )
    transfer = st.one_of(
        st.tuples(st.just("bundle"), device, device),
        st.tuples(st.just("server"), device, st.sampled_from(FAULTS), st.integers(0, 2)),
    )
    life = st.tuples(st.sampled_from(["backup", "restore", "new-server"]))
    return st.lists(st.one_of(edit, edit, edit, transfer, transfer, life), min_size=5, max_size=30)


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[int, list[tuple[Any, ...]]]:
    devices = draw(st.integers(3, 5))
    return devices, draw(_operations(devices))


@pytest.mark.slow
@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(scenario=scenarios())
def test_laptops_converge_without_loss_or_duplicates(
    worlds: Any, postgres_server: ThrowawayPostgres, scenario: tuple[int, list[tuple[Any, ...]]]
) -> None:
    devices, operations = scenario
    world: World = worlds(devices)
    for op in operations:
        if op[0] in ("backup", "restore", "new-server"):
            _server_life(world, postgres_server, op[0])
        elif op[0] in ("bundle", "server"):
            _transfer(world, op)
        else:
            _local_edit(world, op[1], (op[0], *op[2:]))
    # Then everyone syncs with the server, without faults, until nothing moves.
    for _ in range(4):
        for laptop in world.laptops:
            sync(laptop, world.server_url, batch_rows=7)
    engine = create_engine(world.server_url)
    try:
        final = snapshot(engine)
    finally:
        engine.dispose()
    for laptop in world.laptops:
        assert snapshot(laptop) == final
        with laptop.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_key_check").all() == []
    # Every idea anyone created is there, once (ids are never reissued, and the number
    # of rows is the base's six plus the ones created).
    assert world.created_ideas <= set(final["ideas"])
    assert len(final["ideas"]) == 6 + len(world.created_ideas)
    # One paper count per (round, idea, sector, rank), whichever laptops set it.
    keys = [
        (t["round_id"], t["idea_id"], t["sector_id"], t["rank"])
        for t in final["paper_tallies"].values()
        if not t["deleted"]
    ]
    assert len(keys) == len(set(keys))
    # No version was dropped unseen: it is the current one, or a later edit was made on
    # top of it, or it is kept as a conflict.
    kept = {
        (c["table_name"], c["row_id"], c["version_hlc"]) for c in final["sync_conflicts"].values()
    }
    current = {(t, r, row["updated_hlc"]) for t, rows in final.items() for r, row in rows.items()}
    lost = world.versions - current - world.replaced - kept
    assert lost == set()
