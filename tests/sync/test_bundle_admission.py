"""Bundles and pushes whose rows are well formed but must not be let in: clock stamps
far ahead (once accepted, after which every bundle from that laptop was refused
everywhere), a writer that is not the stamp's device, a manifest naming another device
than the rows, references across workshops. The server applies the same rules."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.sync import test_bundle_fuzz as fuzz
from tests.sync.replicas import small_demo, snapshot
from tests.sync.test_bundle_fuzz import Bundles, Target, assert_refused, rewrite, with_row
from workshop_app.db.database import Database
from workshop_app.services.ideas import IdeaDraft, list_ideas, update_idea
from workshop_app.sync.bundle import import_bundle
from workshop_app.sync.server import SyncError, sync
from workshop_app.sync.tables import Row

YEAR_2099_MS = 4_070_908_800_000
ANOTHER_DEVICE = "3f0b6c2a-9d4e-4c1b-8a7f-5e2d1c0b9a88"

# The fuzz tests' bundle of a small demo workshop, and a fresh target file per test.
bundles = fuzz.bundles
target = fuzz.target


def _set(**values: object) -> Callable[[Row], object]:
    return lambda row: row.update(values)


def _stamped_2099(row: Row) -> None:
    stamp = f"{YEAR_2099_MS:015d}.000000.{row['device_id']}"
    row.update(updated_hlc=stamp, versions=stamp)


def test_stamps_far_ahead_are_refused_naming_the_device(
    bundles: Bundles, target: Target, tmp_path: Path
) -> None:
    path = with_row(bundles, tmp_path / "2099.wsbundle", "ideas", 3, _stamped_2099)
    device = json.loads(bundles.line("ideas", 3))["device_id"]
    error = assert_refused(target, path, f"device {device}", "2099-", "more than a day ahead")
    assert device in error.thai
    # Nothing was observed: the clock and a genuine bundle from that laptop are fine.
    import_bundle(target.database, bundles.valid)


def test_a_row_whose_writer_is_not_its_stamps_device_is_refused(
    bundles: Bundles, target: Target, tmp_path: Path
) -> None:
    path = with_row(
        bundles,
        tmp_path / "writer.wsbundle",
        "ideas",
        3,
        lambda r: r.update(device_id=ANOTHER_DEVICE),
    )
    assert_refused(target, path, f"names device {ANOTHER_DEVICE} as its writer")


def test_a_manifest_that_does_not_match_its_rows_is_refused(
    bundles: Bundles, target: Target, tmp_path: Path
) -> None:
    # Said to be made years before its own device wrote the rows it holds.
    early = rewrite(
        bundles.valid,
        tmp_path / "early.wsbundle",
        manifest=lambda m: m.update(created_utc="2020-01-01T00:00:00+00:00"),
    )
    assert_refused(target, early, "the manifest does not match the rows")
    not_a_device = rewrite(
        bundles.valid,
        tmp_path / "device.wsbundle",
        manifest=lambda m: m.update(device_id="laptop-of-the-governor"),
    )
    assert_refused(target, not_a_device, "malformed manifest.json (device_id)")


def test_a_reference_into_another_workshop_is_refused(
    bundles: Bundles, target: Target, tmp_path: Path
) -> None:
    with target.database.engine.connect() as connection:
        foreign_issue = (
            connection.execute(text("SELECT id FROM strategic_issues")).scalars().first()
        )
    path = with_row(
        bundles,
        tmp_path / "across.wsbundle",
        "ideas",
        3,
        lambda r: r.update(issue_id=foreign_issue),
    )
    assert_refused(target, path, f"refers to strategic_issues {foreign_issue}", "another workshop")


def _stamp_ahead_in_file(database: Database, idea_id: str) -> None:
    """What a laptop with its date set to 2099 writes: a row stamped then, queued."""
    stamp = f"{YEAR_2099_MS:015d}.000000.{database.device_id}"
    with sqlite3.connect(database.path) as connection:
        connection.execute(
            "UPDATE ideas SET updated_hlc = ?, versions = ? WHERE id = ?", (stamp, stamp, idea_id)
        )
        connection.execute(
            "INSERT INTO sync_outbox (table_name, row_id) VALUES ('ideas', ?)", (idea_id,)
        )
    connection.close()


def test_the_server_refuses_a_push_stamped_far_ahead(
    laptops: list[Database], server_url: str
) -> None:
    a, b, _ = laptops
    workshop_id = small_demo(a)
    sync(a, server_url)
    with a.session() as session:
        idea_id = list_ideas(session, workshop_id)[0].id
    _stamp_ahead_in_file(a, idea_id)
    engine = create_engine(server_url)
    before = snapshot(engine)
    with pytest.raises(SyncError, match=f"server refused .*device {a.device_id}.*2099-"):
        sync(a, server_url)
    assert snapshot(engine) == before
    engine.dispose()
    # Other laptops go on syncing.
    sync(b, server_url)
    with b.transaction() as session:
        update_idea(session, idea_id, IdeaDraft(text="ซ่อมถนนลาดยางสายบ้านนาคำ-บ้านโคกสูง"))
    sync(b, server_url)


def test_the_server_refuses_a_push_across_workshops(
    laptops: list[Database], server_url: str
) -> None:
    a, b, _ = laptops
    first = small_demo(a)
    sync(a, server_url)
    second = small_demo(b)
    sync(b, server_url)
    with b.engine.connect() as connection:
        foreign_issue = connection.scalar(
            text("SELECT id FROM strategic_issues WHERE workshop_id = :w"), {"w": second}
        )
    with a.session() as session:
        idea_id = list_ideas(session, first)[0].id
    # A file edited by hand (or by another program): a card under another workshop's issue.
    with sqlite3.connect(a.path) as edited:
        edited.execute("UPDATE ideas SET issue_id = ? WHERE id = ?", (foreign_issue, idea_id))
        edited.execute(
            "INSERT INTO sync_outbox (table_name, row_id) VALUES ('ideas', ?)", (idea_id,)
        )
    edited.close()
    with pytest.raises(SyncError, match=f"ideas {idea_id} of workshop {first}.*another workshop"):
        sync(a, server_url)
