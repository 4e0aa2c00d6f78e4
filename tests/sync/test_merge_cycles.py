"""Cards merged into each other on two laptops, and merge chains thousands deep.

Crossed merges (A into B on one laptop, B into A on another) once took both cards off
every board with no conflict recorded; a chain of 3,000 merges arriving in a bundle made
the board, the minutes and the action plan fail with RecursionError."""

from __future__ import annotations

import itertools
from pathlib import Path

from sqlalchemy import text, update

from tests.sync.replicas import snapshot
from workshop_app.db.database import Database
from workshop_app.export.xlsx_action_plan import write_action_plan
from workshop_app.models import Idea
from workshop_app.services.action_plan import gather_action_plan
from workshop_app.services.ideas import IdeaDraft, add_idea, list_ideas, merge_ideas
from workshop_app.services.minutes import gather_minutes
from workshop_app.services.workshops import add_issue, create_workshop
from workshop_app.sync.bundle import export_bundle, import_bundle
from workshop_app.sync.conflicts import list_conflicts
from workshop_app.sync.merge import CYCLE_REPAIR_DEVICE
from workshop_app.sync.server import sync

CARDS = (
    "สร้างฝายชะลอน้ำบนต้นน้ำลำพะเนียง",
    "ขุดลอกหนองน้ำสาธารณะบ้านโนนสะอาด",
    "ส่งเสริมการปลูกหม่อนเลี้ยงไหมในกลุ่มแม่บ้าน",
)


def _workshop(database: Database) -> tuple[str, list[str]]:
    with database.transaction() as session:
        workshop_id = create_workshop(session, "ทบทวนแผนพัฒนาจังหวัดหนองบัวลำภู")
        issue_id = add_issue(session, workshop_id, "การบริหารจัดการน้ำ")
        ideas = [add_idea(session, workshop_id, issue_id, IdeaDraft(text=t)) for t in CARDS]
    return workshop_id, ideas


def _board(database: Database, workshop_id: str) -> dict[str, int]:
    with database.session() as session:
        return {idea.id: idea.merged_count for idea in list_ideas(session, workshop_id)}


def _exchange(first: Database, second: Database, folder: Path, name: str) -> None:
    export_bundle(first, folder / f"{name}-1.wsbundle")
    export_bundle(second, folder / f"{name}-2.wsbundle")
    import_bundle(second, folder / f"{name}-1.wsbundle")
    import_bundle(first, folder / f"{name}-2.wsbundle")


def test_crossed_merges_by_bundle_keep_every_card(laptops: list[Database], tmp_path: Path) -> None:
    a, b, _ = laptops
    workshop_id, (dam, pond, silk) = _workshop(a)
    export_bundle(a, tmp_path / "start.wsbundle")
    import_bundle(b, tmp_path / "start.wsbundle")
    with a.transaction() as session:  # the water group merges the pond into the dam
        merge_ideas(session, dam, [pond])
    with b.transaction() as session:  # meanwhile the other room: the dam into the pond
        merge_ideas(session, pond, [dam])
    _exchange(a, b, tmp_path, "crossed")
    # The later merge (the dam into the pond, on b) lost: the dam is back on the board,
    # the pond merged into it.
    assert _board(a, workshop_id) == _board(b, workshop_id) == {dam: 1, silk: 0}
    assert snapshot(a) == snapshot(b)
    with a.session() as session:
        [conflict] = list_conflicts(session, workshop_id)
    assert conflict.row_id == dam
    assert {d.column for d in conflict.differences} >= {"merged_into_id"}
    # Once repaired, passing the bundles again changes nothing anywhere.
    _exchange(a, b, tmp_path, "again")
    assert snapshot(a) == snapshot(b)
    assert len(snapshot(a)["sync_conflicts"]) == 1


def test_crossed_merges_through_the_server_keep_every_card(
    laptops: list[Database], server_url: str
) -> None:
    a, b, c = laptops
    workshop_id, (dam, pond, silk) = _workshop(a)
    sync(a, server_url)
    sync(b, server_url)
    with b.transaction() as session:
        merge_ideas(session, silk, [dam])
    with a.transaction() as session:
        merge_ideas(session, dam, [silk])
    sync(b, server_url)
    sync(a, server_url)  # the server repairs the cycle as this push arrives
    for laptop in (b, c, a, b):
        sync(laptop, server_url)
    assert _board(a, workshop_id) == _board(b, workshop_id) == _board(c, workshop_id)
    assert _board(c, workshop_id) == {pond: 0, silk: 1}  # a's merge was the later one
    assert snapshot(a) == snapshot(b) == snapshot(c)
    repaired = snapshot(c)["ideas"][silk]
    assert repaired["merged_into_id"] is None and repaired["device_id"] == CYCLE_REPAIR_DEVICE
    assert len(snapshot(c)["sync_conflicts"]) == 1


def test_a_merge_chain_thousands_deep_arriving_in_a_bundle(
    laptops: list[Database], tmp_path: Path
) -> None:
    a, b, _ = laptops
    depth = 3000
    with a.transaction() as session:
        workshop_id = create_workshop(session, "ประชุมระดมความคิดเห็นอำเภอศรีบุญเรือง")
        issue_id = add_issue(session, workshop_id, "ยกระดับรายได้เกษตรกร")
        ids = [
            add_idea(session, workshop_id, issue_id, IdeaDraft(text=f"ข้อเสนอกลุ่มที่ {n}"))
            for n in range(depth)
        ]
        # A chain no one would make by hand: each card merged into the next.
        for child, parent in itertools.pairwise(ids):
            session.execute(update(Idea).where(Idea.id == child).values(merged_into_id=parent))
    export_bundle(a, tmp_path / "chain.wsbundle")
    import_bundle(b, tmp_path / "chain.wsbundle")
    assert _board(b, workshop_id) == {ids[-1]: depth - 1}
    with b.session() as session:
        minutes = gather_minutes(session, workshop_id)
        assert minutes is not None
        write_action_plan(gather_action_plan(session, workshop_id), tmp_path / "plan.xlsx")
        chained = session.execute(
            text("SELECT count(*) FROM ideas WHERE merged_into_id IS NOT NULL")
        ).scalar_one()
    assert chained == depth - 1
    assert (tmp_path / "plan.xlsx").stat().st_size > 0
