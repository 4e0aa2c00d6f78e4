"""The action-plan page: promote voted ideas, edit a project's brief (each edit one undo
step), totals that follow the typing, reference lists, export and import of workbooks."""

from __future__ import annotations

import threading
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from tests.ui.background import outcome_of, result_of, ticks_while_running
from tests.ui.keyboard import type_text
from workshop_app.errors import UserError
from workshop_app.services import projects, reference_lists, voting
from workshop_app.services.projects import ProjectRow
from workshop_app.ui import commands
from workshop_app.ui.context import Changes, Progress, WorkshopContext
from workshop_app.ui.pages.action_plan_page import ActionPlanPage


def stored(context: WorkshopContext) -> list[ProjectRow]:
    return context.read(lambda s: projects.list_projects(s, context.workshop_id))


def make_page(qtbot: QtBot, context: WorkshopContext) -> ActionPlanPage:
    page = ActionPlanPage(context)
    qtbot.addWidget(page)
    page.resize(1400, 850)
    page.show()
    return page


def cell(page: ActionPlanPage, row: int, column: int) -> str:
    item = page.totals.item(row, column)
    assert item is not None
    return item.text()


def totals_shown(page: ActionPlanPage) -> dict[str, str]:
    return {cell(page, row, 0): cell(page, row, 1) for row in range(page.totals.rowCount())}


def current_text(page: ActionPlanPage) -> str:
    item = page.tree.currentItem()
    assert item is not None
    return item.text(0)


def test_the_tree_groups_projects_by_issue_with_their_totals(
    qtbot: QtBot, context: WorkshopContext
) -> None:
    page = make_page(qtbot, context)
    rows = stored(context)
    assert len(list(page.project_items())) == len(rows) == 12
    first_issue = page.tree.topLevelItem(0)
    assert first_issue is not None
    expected = sum((r.draft.total for r in rows if r.issue_number == 1), Decimal(0))
    assert first_issue.text(2) == f"{expected:,.0f}"
    assert totals_shown(page)["Whole plan"] == f"{sum(r.draft.total for r in rows):,.0f}"
    # The first project is shown in the form, with the idea and vote it came from.
    assert page.form.lines["name"].text() == rows[0].name
    assert "round 1: rank 1" in page.form.ideas.item(0).text()


def test_editing_a_field_is_one_undo_step(qtbot: QtBot, context: WorkshopContext) -> None:
    page = make_page(qtbot, context)
    before = stored(context)[0]
    name = page.form.lines["name"]
    name.setFocus()
    name.selectAll()
    type_text(name, "โครงการตลาดนัดเกษตรกรสงขลา")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert stored(context)[0].name == "โครงการตลาดนัดเกษตรกรสงขลา"
    assert current_text(page) == "โครงการตลาดนัดเกษตรกรสงขลา"
    context.undo_stack.undo()
    assert stored(context)[0].draft == before.draft
    assert name.text() == before.name
    context.undo_stack.redo()
    assert stored(context)[0].name == "โครงการตลาดนัดเกษตรกรสงขลา"


def test_totals_follow_the_budget_as_it_is_typed(qtbot: QtBot, context: WorkshopContext) -> None:
    page = make_page(qtbot, context)
    row = stored(context)[0]
    (year, amount), *_ = row.draft.budgets
    field = page.form.budget_fields[year]
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "1000000")
    others = sum((r.draft.total for r in stored(context)[1:]), Decimal(0))
    # Not stored yet, but the totals already show it.
    assert stored(context)[0].draft.total == amount
    assert totals_shown(page)["Whole plan"] == f"{others + 1_000_000:,.0f}"
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert stored(context)[0].draft.budgets[0] == (year, Decimal(1_000_000))


def test_an_unreadable_amount_is_refused_and_nothing_changes(
    qtbot: QtBot, context: WorkshopContext
) -> None:
    page = make_page(qtbot, context)
    before = stored(context)
    year = before[0].draft.budgets[0][0]
    field = page.form.budget_fields[year]
    field.setFocus()
    field.selectAll()
    type_text(field, "ห้าแสน")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert stored(context) == before
    assert page.message.property("kind") == "error"
    assert "is not an amount of baht" in page.message.text()


def test_promoting_the_top_of_a_round(qtbot: QtBot, context: WorkshopContext) -> None:
    page = make_page(qtbot, context)
    for row in stored(context):
        context.undo_stack.push(commands.delete_project_command(context, row))
    assert stored(context) == []
    page.promote()
    dialog = page.promote_dialog
    dialog.source.setCurrentIndex(1)  # round 2, the ranking
    dialog.top.setValue(3)
    chosen = dialog.chosen()
    assert len(chosen) == 3
    assert dialog.ok is not None
    dialog.ok.click()
    rows = stored(context)
    assert [r.draft.idea_ids[0] for r in rows] == chosen
    ranking = context.read(lambda s: voting.round_results(s, dialog.round_id() or ""))
    ranks = {r.idea_id: r.rank for r in ranking.count.ideas}
    assert [r.draft.priority for r in rows] == [ranks[i] for i in chosen]
    context.undo_stack.undo()
    assert stored(context) == []
    context.undo_stack.redo()
    assert [r.draft.idea_ids[0] for r in stored(context)] == chosen


def test_editing_a_reference_list_feeds_the_dropdown(
    qtbot: QtBot, context: WorkshopContext
) -> None:
    page = make_page(qtbot, context)
    page.edit_lists()
    dialog = page.lists_dialog
    dialog.which.setCurrentIndex(dialog.which.findData("agency"))
    dialog.text.setPlainText("เทศบาลนครหาดใหญ่\nองค์การบริหารส่วนจังหวัดสงขลา")
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok is not None
    ok.click()
    agencies = context.read(
        lambda s: reference_lists.reference_list(s, context.workshop_id, "agency")
    )
    assert agencies == ["เทศบาลนครหาดใหญ่", "องค์การบริหารส่วนจังหวัดสงขลา"]
    box = page.form.choices["implementing_agency"]
    assert [box.itemText(i) for i in range(box.count())] == agencies
    context.undo_stack.undo()
    assert box.count() > 2


def test_export_and_import_from_the_page(
    qtbot: QtBot, context: WorkshopContext, tmp_path: Path
) -> None:
    page = make_page(qtbot, context)
    plan = tmp_path / "plan.xlsx"
    assert result_of(qtbot, page.export_in_background(plan)) == plan
    assert "บัญชีรายการชุดโครงการ" in openpyxl.load_workbook(plan, read_only=True).sheetnames
    template = tmp_path / "template.xlsx"
    assert result_of(qtbot, page.export_in_background(template, template=True)) == template
    workbook = openpyxl.load_workbook(template)
    sheet = workbook["โครงการ"]
    header = [c.value for c in sheet[_header_row(sheet)]]
    row = _header_row(sheet) + 1
    sheet.cell(row, header.index("ประเด็นการพัฒนา") + 1, "1")
    sheet.cell(row, header.index("ชื่อโครงการ") + 1, "โครงการจากหน่วยงาน")
    workbook.save(template)
    count = len(stored(context))
    assert result_of(qtbot, page.import_file(template)) is not None
    assert len(stored(context)) == count + 1
    assert "1 new" in page.message.text()
    context.undo_stack.undo()
    assert len(stored(context)) == count
    context.undo_stack.redo()
    assert len(stored(context)) == count + 1
    context.undo_stack.undo()

    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a workbook")
    kind, message = outcome_of(qtbot, page.import_file(broken))
    assert kind == "failed" and message == page.message.text()
    assert page.message.property("kind") == "error"
    assert len(stored(context)) == count


def _template_with_projects(page: ActionPlanPage, qtbot: QtBot, path: Path, count: int) -> Path:
    """The page's own template filled by the district offices: ``count`` new projects."""
    result_of(qtbot, page.export_in_background(path, template=True))
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["โครงการ"]
    header = [c.value for c in sheet[_header_row(sheet)]]
    first = _header_row(sheet) + 1
    districts = ("รัตภูมิ", "สะเดา", "จะนะ", "เทพา", "นาทวี", "สทิงพระ", "ระโนด")
    for number in range(count):
        row = first + number
        sheet.cell(row, header.index("ประเด็นการพัฒนา") + 1, "1")
        name = f"ปรับปรุงถนนสายหลักอำเภอ{districts[number % len(districts)]} ช่วงที่ {number + 1}"
        sheet.cell(row, header.index("ชื่อโครงการ") + 1, name)
    workbook.save(path)
    return path


def test_a_large_template_is_imported_while_the_window_goes_on_and_cancel_changes_nothing(
    qtbot: QtBot, context: WorkshopContext, tmp_path: Path
) -> None:
    page = make_page(qtbot, context)
    filled = _template_with_projects(page, qtbot, tmp_path / "แผนอำเภอสงขลา.xlsx", 1500)
    before = stored(context)
    cancelled = page.import_file(filled)
    cancelled.cancel()
    assert outcome_of(qtbot, cancelled)[0] == "cancelled"
    assert stored(context) == before
    assert context.undo_stack.count() == 0
    assert page.message.property("kind") == "warn"

    operation = page.import_file(filled)
    assert ticks_while_running(qtbot, operation) > 3
    assert len(stored(context)) == len(before) + 1500
    context.undo_stack.undo()
    assert stored(context) == before


def _header_row(sheet: object) -> int:
    for row in sheet.iter_rows(min_row=1, max_row=10):  # type: ignore[attr-defined]
        if any(c.value == "ชื่อโครงการ" for c in row):
            return int(row[0].row)
    raise AssertionError("no header row")


def test_moving_a_project_and_undoing_it(qtbot: QtBot, context: WorkshopContext) -> None:
    page = make_page(qtbot, context)
    before = [r.id for r in stored(context)]
    page.select_project(before[1])
    page.move_project(-5)  # clamped: one place up, to the top of its issue
    assert [r.id for r in stored(context)][:2] == [before[1], before[0]]
    shown = page.current_row()
    assert shown is not None and shown.id == before[1]
    context.undo_stack.undo()
    assert [r.id for r in stored(context)] == before


def test_the_form_says_how_activity_budgets_relate_to_the_project_budget(
    qtbot: QtBot, context: WorkshopContext
) -> None:
    """Costed activities beside a project budget of 0 looked like a sum that failed; the
    form now says the budget is what is entered per fiscal year."""
    first = stored(context)[0]
    activities = (
        projects.ActivityDraft("อบรมเกษตรกรผู้ปลูกทุเรียน", Decimal("180000")),
        projects.ActivityDraft("ศึกษาดูงานแปลงใหญ่จังหวัดจันทบุรี", Decimal("95000")),
    )
    draft = replace(first.draft, activities=activities, budgets=())
    context.run(lambda s: projects.update_project(s, first.id, draft), Changes.PROJECTS)
    page = make_page(qtbot, context)
    page.select_project(first.id)
    text = page.form.budget_total.text()
    assert "Total 0.00 baht" in text
    assert "add up to 275,000.00 baht" in text
    assert "per fiscal year" in text


def test_export_runs_in_the_background_and_can_be_cancelled(
    qtbot: QtBot, context: WorkshopContext, tmp_path: Path
) -> None:
    """The workbook is written on a worker thread (the window keeps answering); Cancel
    leaves no file."""
    page = make_page(qtbot, context)
    target = tmp_path / "แผนปฏิบัติราชการ-สงขลา.xlsx"
    operation = page.export_in_background(target)
    with qtbot.waitSignal(operation.succeeded, timeout=60000) as done:
        assert operation.running  # the call returned at once; the work goes on
    assert done.args == [target] and target.is_file()
    assert openpyxl.load_workbook(target).sheetnames
    assert page.message.property("kind") == "ok"

    cancelled = tmp_path / "ยกเลิก.xlsx"
    operation = page.export_in_background(cancelled)
    operation.cancel()
    with qtbot.waitSignal(operation.cancelled, timeout=60000):
        pass
    assert not cancelled.exists()
    assert page.message.property("kind") == "warn"


def test_background_operation_emits_the_change_flags_and_reports_refusals(
    qtbot: QtBot, context: WorkshopContext
) -> None:
    """One function on the context runs an operation in its own session off the GUI
    thread and emits the same change flags as ``run`` when it ends."""
    seen: list[Changes] = []
    context.changed.connect(seen.append)
    first = stored(context)[0]

    def rename(session: Session, progress: Progress) -> str:
        progress.report(1, 1)
        draft = replace(projects.get_project(session, first.id).draft, name="โครงการจากงานเบื้องหลัง")
        projects.update_project(session, first.id, draft)
        return threading.current_thread().name

    operation = context.run_in_background(rename, Changes.PROJECTS, writes=True)
    with qtbot.waitSignal(operation.succeeded, timeout=30000) as done:
        pass
    assert done.args[0] != threading.current_thread().name  # ran on a worker thread
    assert seen == [Changes.PROJECTS]
    assert stored(context)[0].name == "โครงการจากงานเบื้องหลัง"

    def refused(session: Session, progress: Progress) -> None:
        raise UserError("ไม่พบแฟ้มที่เลือก", "The chosen file was not found.")

    refusal = context.run_in_background(refused, Changes.PROJECTS, writes=True)
    with qtbot.waitSignal(refusal.failed, timeout=30000) as failed:
        pass
    assert failed.args == ["The chosen file was not found."]
    assert seen == [Changes.PROJECTS]  # a refusal changes nothing


def test_adding_fiscal_years_rebuilds_the_budget_rows_in_place(
    qtbot: QtBot, context: WorkshopContext
) -> None:
    page = make_page(qtbot, context)
    form = page.form
    years = sorted(form.budget_fields)
    for extra in (years[-1] + 1, years[-1] + 3):
        form.new_year.setValue(extra)
        qtbot.mouseClick(form.add_year_button, Qt.MouseButton.LeftButton)
        years = sorted({*years, extra})
        assert sorted(form.budget_fields) == years
        # A label and a field per year, then the total, the year box and its button:
        # the rows of the years before are gone, not left behind in the grid.
        assert form.budget_grid.count() == 2 * len(years) + 3
    button_at = form.budget_grid.getItemPosition(form.budget_grid.indexOf(form.add_year_button))
    assert button_at[:2] == (len(years) + 1, 1)  # type: ignore[index]
    # Moving to another project gives its years again; the form keeps working.
    page.tree.setCurrentItem(list(page.project_items())[1])
    assert form.budget_grid.count() == 2 * len(form.budget_fields) + 3
