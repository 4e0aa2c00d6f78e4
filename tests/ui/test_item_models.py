"""Every item model passes pytest-qt's model tester with real rows."""

from __future__ import annotations

from pytestqt.modeltest import ModelTester

from workshop_app.services import attendees, workshops
from workshop_app.ui.context import WorkshopContext
from workshop_app.ui.item_models import (
    AttendeeTableModel,
    NumberedRowModel,
    SectorCountsModel,
    SectorRowModel,
)


def _accept(_row: object, _column: int, _text: str) -> bool:
    return True


def test_attendee_table_model(qtmodeltester: ModelTester, context: WorkshopContext) -> None:
    model = AttendeeTableModel()
    model.set_rows(context.read(lambda s: attendees.list_attendees(s, context.workshop_id)))
    assert model.rowCount() == 43
    qtmodeltester.check(model)


def test_sector_counts_model(qtmodeltester: ModelTester, context: WorkshopContext) -> None:
    model = SectorCountsModel()
    model.set_rows(context.read(lambda s: attendees.sector_counts(s, context.workshop_id)))
    assert model.rowCount() == 9  # 8 sectors and the total
    assert model.index(8, 1).data() == "40"
    qtmodeltester.check(model)


def test_numbered_row_model(qtmodeltester: ModelTester, context: WorkshopContext) -> None:
    model = NumberedRowModel(_accept, "Goal")
    model.set_rows(context.read(lambda s: workshops.list_issues(s, context.workshop_id)))
    qtmodeltester.check(model)


def test_sector_row_model(qtmodeltester: ModelTester, context: WorkshopContext) -> None:
    model = SectorRowModel(_accept)
    model.set_rows(context.read(lambda s: workshops.list_sectors(s, context.workshop_id)))
    qtmodeltester.check(model)


def test_empty_models(qtmodeltester: ModelTester) -> None:
    for model in (AttendeeTableModel(), SectorRowModel(_accept)):
        qtmodeltester.check(model)
