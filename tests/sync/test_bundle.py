"""Bundles between laptops: cumulative, idempotent, any order, conflicts kept, signing."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from tests.sync.replicas import small_demo, snapshot
from workshop_app.db.database import Database
from workshop_app.services.ideas import IdeaDraft, add_idea, list_ideas, update_idea
from workshop_app.services.workshops import list_workshops
from workshop_app.sync.bundle import (
    BundleError,
    export_bundle,
    import_bundle,
    read_bundle,
    read_key_file,
)
from workshop_app.sync.conflicts import Resolution, list_conflicts, set_resolution, take_version


def _swap(first: Database, second: Database, folder: Path) -> None:
    """Each laptop imports the other's bundle."""
    export_bundle(first, folder / "first.bundle")
    export_bundle(second, folder / "second.bundle")
    import_bundle(second, folder / "first.bundle")
    import_bundle(first, folder / "second.bundle")


def _first_idea(database: Database, workshop_id: str) -> tuple[str, str]:
    with database.session() as session:
        idea = list_ideas(session, workshop_id)[0]
        return idea.id, idea.issue_id


def _edit(database: Database, idea_id: str, text: str) -> None:
    with database.transaction() as session:
        update_idea(session, idea_id, IdeaDraft(text=text))


def test_a_bundle_copies_a_workshop_exactly_and_twice_changes_nothing(
    laptops: list[Database], tmp_path: Path
) -> None:
    source, target, _ = laptops
    small_demo(source)
    info = export_bundle(source, tmp_path / "a.bundle")
    assert info.rows["ideas"] == 60 and not info.signed
    first = import_bundle(target, tmp_path / "a.bundle")
    assert first.merge.counts("ideas").new == 60 and first.merge.conflicts == 0
    assert snapshot(target) == snapshot(source)
    again = import_bundle(target, tmp_path / "a.bundle")
    assert again.merge.changed == 0
    assert snapshot(target) == snapshot(source)


def test_bundles_in_any_order_give_the_same_result(laptops: list[Database], tmp_path: Path) -> None:
    a, b, c = laptops
    workshop_id = small_demo(a)
    export_bundle(a, tmp_path / "base.bundle")
    import_bundle(b, tmp_path / "base.bundle")
    idea_id, issue_id = _first_idea(a, workshop_id)
    _edit(a, idea_id, "ถนนชำรุด (แก้ที่เครื่อง ก)")
    with b.transaction() as session:
        add_idea(session, workshop_id, issue_id, IdeaDraft(text="ตลาดน้ำชุมชน"))
    export_bundle(a, tmp_path / "a.bundle")
    export_bundle(b, tmp_path / "b.bundle")
    import_bundle(c, tmp_path / "b.bundle")
    import_bundle(c, tmp_path / "a.bundle")
    import_bundle(a, tmp_path / "b.bundle")
    assert snapshot(c) == snapshot(a)
    texts = {row["text"] for row in snapshot(c)["ideas"].values()}
    assert {"ถนนชำรุด (แก้ที่เครื่อง ก)", "ตลาดน้ำชุมชน"} <= texts


def test_concurrent_edits_keep_the_later_and_the_other_for_review(
    laptops: list[Database], tmp_path: Path
) -> None:
    a, b, _ = laptops
    workshop_id = small_demo(a)
    export_bundle(a, tmp_path / "base.bundle")
    import_bundle(b, tmp_path / "base.bundle")
    idea_id, _ = _first_idea(a, workshop_id)
    _edit(a, idea_id, "ฉบับเครื่อง ก")
    _edit(b, idea_id, "ฉบับเครื่อง ข")  # later stamp: wins
    _swap(a, b, tmp_path)
    assert snapshot(a) == snapshot(b)
    assert snapshot(a)["ideas"][idea_id]["text"] == "ฉบับเครื่อง ข"
    with a.session() as session:
        [conflict] = list_conflicts(session, workshop_id)
    assert conflict.row_id == idea_id and conflict.table_name == "ideas"
    assert {(d.column, d.this_version, d.current) for d in conflict.differences} >= {
        ("text", "ฉบับเครื่อง ก", "ฉบับเครื่อง ข")
    }
    # Taking the other version is an edit: it reaches the other laptop, and the version
    # it replaced is kept in turn.
    with a.transaction() as session:
        replaced = take_version(session, conflict.id)
    _swap(a, b, tmp_path)
    assert snapshot(b)["ideas"][idea_id]["text"] == "ฉบับเครื่อง ก"
    assert snapshot(a) == snapshot(b)
    with b.session() as session:
        assert list_conflicts(session, workshop_id) == []
        everything = list_conflicts(session, workshop_id, include_resolved=True)
    assert {c.resolution for c in everything} == {Resolution.TAKEN, Resolution.REPLACED}
    with b.transaction() as session:
        take_version(session, replaced)
        set_resolution(session, conflict.id, Resolution.KEPT)
    assert snapshot(b)["ideas"][idea_id]["text"] == "ฉบับเครื่อง ข"


def test_a_workshop_bundle_holds_only_that_workshop(
    laptops: list[Database], tmp_path: Path
) -> None:
    a, b, _ = laptops
    first = small_demo(a)
    second = small_demo(a)
    info = export_bundle(a, tmp_path / "one.bundle", workshop_ids=[second])
    assert [w["id"] for w in info.workshops] == [second]
    import_bundle(b, tmp_path / "one.bundle")
    with b.session() as session:
        assert [w.id for w in list_workshops(session)] == [second]
    with pytest.raises(BundleError, match="no workshop"):
        export_bundle(a, tmp_path / "none.bundle", workshop_ids=["nope"])
    assert not (tmp_path / "none.bundle").exists()
    assert first != second


def test_signed_bundles_with_a_province_key(laptops: list[Database], tmp_path: Path) -> None:
    a, b, _ = laptops
    small_demo(a)
    (tmp_path / "province.key").write_text("สงขลา-key-0123456789abcdef")
    key = read_key_file(tmp_path / "province.key")
    export_bundle(a, tmp_path / "signed.bundle", key=key)
    export_bundle(a, tmp_path / "unsigned.bundle")
    before = snapshot(b)
    with pytest.raises(BundleError, match="not signed"):
        import_bundle(b, tmp_path / "unsigned.bundle", key=key)
    # Signed and encrypted: another province's key cannot even read it.
    with pytest.raises(BundleError, match="cannot be decrypted"):
        import_bundle(b, tmp_path / "signed.bundle", key=b"another province's key!!")
    assert snapshot(b) == before
    assert import_bundle(b, tmp_path / "signed.bundle", key=key).info.signed
    (tmp_path / "short.key").write_text("short")
    with pytest.raises(BundleError, match="too short"):
        read_key_file(tmp_path / "short.key")


def test_a_bundle_with_a_gap_is_refused_whole(laptops: list[Database], tmp_path: Path) -> None:
    a, b, _ = laptops
    small_demo(a)
    export_bundle(a, tmp_path / "full.bundle")
    # Leave out the strategic issues (and say so in the manifest): the ideas point at
    # issues that are neither in the bundle nor in the target database.
    with zipfile.ZipFile(tmp_path / "full.bundle") as source:
        manifest = json.loads(source.read("manifest.json"))
        manifest["parts"] = [p for p in manifest["parts"] if p["table"] != "strategic_issues"]
        with zipfile.ZipFile(tmp_path / "gap.bundle", "w") as target:
            target.writestr("manifest.json", json.dumps(manifest))
            for part in manifest["parts"]:
                target.writestr(part["path"], source.read(part["path"]))
    read_bundle(tmp_path / "gap.bundle")  # well-formed ...
    with pytest.raises(BundleError, match=r"strategic_issues .* gap"):
        import_bundle(b, tmp_path / "gap.bundle")  # ... but incomplete
    assert all(not rows for rows in snapshot(b).values())
