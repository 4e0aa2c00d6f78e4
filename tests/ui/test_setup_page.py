"""The setup page saves each field as it is left, and refuses bad values in place."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from tests.ui.keyboard import type_text
from workshop_app.services import attendees, meetings, workshops
from workshop_app.ui.context import Changes, WorkshopContext
from workshop_app.ui.pages.setup_page import SetupPage


def _page(qtbot: QtBot, context: WorkshopContext) -> SetupPage:
    page = SetupPage(context)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    return page


def _replace_text(qtbot: QtBot, box: QLineEdit, text: str) -> None:
    """Select what the field holds, type over it and press Enter."""
    box.setFocus()
    box.selectAll()
    type_text(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def _details(context: WorkshopContext) -> workshops.WorkshopDetails:
    return context.read(lambda s: workshops.get_workshop(s, context.workshop_id))


def test_editing_a_field_commits_it(qtbot: QtBot, context: WorkshopContext) -> None:
    page = _page(qtbot, context)
    _replace_text(qtbot, page.venue, "ห้องประชุมศาลากลางจังหวัด")
    assert _details(context).venue == "ห้องประชุมศาลากลางจังหวัด"


def test_thai_date_and_time_entry(qtbot: QtBot, context: WorkshopContext) -> None:
    page = _page(qtbot, context)
    _replace_text(qtbot, page.start_date, "25/5/2569")
    _replace_text(qtbot, page.end_date, "26 พ.ค. 69")
    _replace_text(qtbot, page.start_time, "09.30")
    details = _details(context)
    assert details.start_date == dt.date(2026, 5, 25)
    assert details.end_date == dt.date(2026, 5, 26)
    assert details.start_time == dt.time(9, 30)
    assert page.start_date.text() == "25 พฤษภาคม 2569"


def test_bad_time_is_refused_and_nothing_changes(qtbot: QtBot, context: WorkshopContext) -> None:
    page = _page(qtbot, context)
    before = _details(context)
    page.end_time.setFocus()
    page.end_time.selectAll()
    with qtbot.waitSignal(context.user_error) as blocker:
        type_text(page.end_time, "25.99")
        qtbot.keyClick(page.end_time, Qt.Key.Key_Return)
    assert "25.99" in str(blocker.args[0])
    assert _details(context) == before
    assert page.end_time.text() == "16.30 น."


def test_end_before_start_is_refused(qtbot: QtBot, context: WorkshopContext) -> None:
    page = _page(qtbot, context)
    before = _details(context)
    assert before.start_date is not None
    earlier = before.start_date - dt.timedelta(days=3)
    page.end_date.setFocus()
    page.end_date.selectAll()
    with qtbot.waitSignal(context.user_error):
        type_text(page.end_date, f"{earlier.day}/{earlier.month}/{earlier.year + 543}")
        qtbot.keyClick(page.end_date, Qt.Key.Key_Return)
    assert _details(context).end_date == before.end_date


def test_issues_add_edit_move_delete(qtbot: QtBot, context: WorkshopContext) -> None:
    page = _page(qtbot, context)
    count = page.issues_model.rowCount()
    qtbot.mouseClick(page.issues.add_button, Qt.MouseButton.LeftButton)
    assert page.issues_model.rowCount() == count + 1
    index = page.issues_model.index(count, 1)
    assert page.issues_model.setData(index, "การพัฒนาเมืองอัจฉริยะ")
    issues = context.read(lambda s: workshops.list_issues(s, context.workshop_id))
    assert issues[-1].title == "การพัฒนาเมืองอัจฉริยะ"
    page.issues.view.selectRow(count)
    qtbot.mouseClick(page.issues.up_button, Qt.MouseButton.LeftButton)
    issues = context.read(lambda s: workshops.list_issues(s, context.workshop_id))
    assert issues[-2].title == "การพัฒนาเมืองอัจฉริยะ"
    assert [i.number for i in issues] == list(range(1, count + 2))
    page.issues.view.selectRow(count - 1)
    qtbot.mouseClick(page.issues.delete_button, Qt.MouseButton.LeftButton)
    issues = context.read(lambda s: workshops.list_issues(s, context.workshop_id))
    assert "การพัฒนาเมืองอัจฉริยะ" not in [i.title for i in issues]
    assert [i.number for i in issues] == list(range(1, count + 1))


def test_empty_issue_title_is_refused(qtbot: QtBot, context: WorkshopContext) -> None:
    page = _page(qtbot, context)
    with qtbot.waitSignal(context.user_error):
        assert not page.issues_model.setData(page.issues_model.index(0, 1), "  ")
    assert page.issues_model.index(0, 1).data() != ""


def test_sector_in_use_cannot_be_deleted(qtbot: QtBot, context: WorkshopContext) -> None:
    page = _page(qtbot, context)
    counts = context.read(lambda s: attendees.sector_counts(s, context.workshop_id))
    used = next(i for i, c in enumerate(counts) if c.invited)
    page.sectors.view.selectRow(used)
    with qtbot.waitSignal(context.user_error):
        qtbot.mouseClick(page.sectors.delete_button, Qt.MouseButton.LeftButton)
    assert page.sectors_model.rowCount() == len(counts)


def test_sector_rename_and_colour(qtbot: QtBot, context: WorkshopContext) -> None:
    page = _page(qtbot, context)
    model = page.sectors_model
    assert model.setData(model.index(7, 0), "ผู้สังเกตการณ์")
    assert model.setData(model.index(7, 1), "#123abc")
    with qtbot.waitSignal(context.user_error):
        assert not model.setData(model.index(7, 1), "red")
    sectors = context.read(lambda s: workshops.list_sectors(s, context.workshop_id))
    assert (sectors[7].name, sectors[7].colour) == ("ผู้สังเกตการณ์", "#123abc")


def test_setup_edits_are_undoable(qtbot: QtBot, context: WorkshopContext) -> None:
    """Ctrl+Z takes back a changed field, an edited cell, a move and an added row."""
    page = _page(qtbot, context)
    before = _details(context).venue
    _replace_text(qtbot, page.venue, "โรงแรมบีพี สมิหลา บีช")
    assert _details(context).venue == "โรงแรมบีพี สมิหลา บีช"
    context.undo_stack.undo()
    assert _details(context).venue == before
    assert page.venue.text() == before
    context.undo_stack.redo()
    assert _details(context).venue == "โรงแรมบีพี สมิหลา บีช"

    issues = context.read(lambda s: workshops.list_issues(s, context.workshop_id))
    first = issues[0]
    page.issues_model.setData(page.issues_model.index(0, 1), "ยกระดับเศรษฐกิจฐานรากลุ่มน้ำทะเลสาบ")
    assert (
        context.read(lambda s: workshops.list_issues(s, context.workshop_id))[0].title
        != first.title
    )
    context.undo_stack.undo()
    assert context.read(lambda s: workshops.list_issues(s, context.workshop_id))[0] == first

    page.issues.view.selectRow(0)
    page.issues.down_button.click()
    moved = context.read(lambda s: workshops.list_issues(s, context.workshop_id))
    assert moved[1].id == first.id
    context.undo_stack.undo()
    assert context.read(lambda s: workshops.list_issues(s, context.workshop_id)) == issues

    page.sectors.add_button.click()
    QApplication.processEvents()
    added = context.read(lambda s: workshops.list_sectors(s, context.workshop_id))
    context.undo_stack.undo()
    after = context.read(lambda s: workshops.list_sectors(s, context.workshop_id))
    assert len(after) == len(added) - 1


def test_every_row_the_setup_page_deletes_comes_back_with_undo(
    qtbot: QtBot, context: WorkshopContext
) -> None:
    """Agenda items (with their sub-items), issues, sectors, days, roles and groups: a
    delete is one step on the undo stack; undo restores the row in its place, redo
    deletes it again."""
    page = _page(qtbot, context)
    box = page.meeting
    workshop_id = context.workshop_id
    items = context.read(lambda s: workshops.list_agenda(s, workshop_id))
    second = next(a for a in items if a.number == 2 and a.parent_id is None)
    context.run(
        lambda s: workshops.add_agenda_item(
            s, workshop_id, "รายงานผลการประชุมกลุ่มย่อยอำเภอจะนะ", parent_id=second.id
        ),
        Changes.AGENDA,
    )
    box.day_date.set_date(dt.date(2026, 8, 18))
    qtbot.mouseClick(box.add_day_button, Qt.MouseButton.LeftButton)
    box.role_name.setText("ผู้ช่วยเลขานุการ")
    qtbot.mouseClick(box.add_role_button, Qt.MouseButton.LeftButton)
    box.group_name.setText("กลุ่มอำเภอริมทะเลสาบสงขลา")
    qtbot.mouseClick(box.add_group_button, Qt.MouseButton.LeftButton)
    free = next(
        i
        for i, c in enumerate(context.read(lambda s: attendees.sector_counts(s, workshop_id)))
        if not c.invited
    )

    def everything() -> tuple[object, ...]:
        return context.read(
            lambda s: (
                workshops.list_agenda(s, workshop_id),
                workshops.list_issues(s, workshop_id),
                workshops.list_sectors(s, workshop_id),
                meetings.list_days(s, workshop_id),
                meetings.list_roles(s, workshop_id),
                meetings.list_groups(s, workshop_id),
            )
        )

    before = everything()
    deletes = (
        (lambda: page.agenda.view.selectRow(items.index(second)), page.agenda.delete_button),
        (lambda: page.issues.view.selectRow(1), page.issues.delete_button),
        (lambda: page.sectors.view.selectRow(free), page.sectors.delete_button),
        (lambda: box.days.setCurrentRow(0), box.delete_day_button),
        (lambda: box.roles.setCurrentRow(len(box._roles) - 1), box.delete_role_button),
        (lambda: box.groups.setCurrentRow(0), box.delete_group_button),
    )
    for number, (select, button) in enumerate(deletes):
        step = context.undo_stack.index()
        select()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert context.undo_stack.index() == step + 1, number
        deleted = everything()
        assert deleted[number] != before[number], number
        context.undo_stack.undo()
        assert everything() == before, number
        context.undo_stack.redo()
        assert everything() == deleted, number
        context.undo_stack.undo()
    assert everything() == before
    shown = [page.agenda_model.index(r, 1).data() for r in range(page.agenda_model.rowCount())]
    assert "รายงานผลการประชุมกลุ่มย่อยอำเภอจะนะ" in shown and second.title in shown


def test_the_record_setup_chair_days_quorum_and_member_order(
    qtbot: QtBot, context: WorkshopContext
) -> None:
    """The chair on the governor's behalf, two days, a quorum above the membership
    refused, and a member moved up the list and given a role."""
    page = _page(qtbot, context)
    box = page.meeting
    _replace_text(qtbot, box.fields["chair_on_behalf_of"], "ผู้ว่าราชการจังหวัดสงขลา")
    assert _details(context).chair_on_behalf_of == "ผู้ว่าราชการจังหวัดสงขลา"
    box.day_date.set_date(dt.date(2026, 3, 9))
    box.day_start.setText("09.00")
    box.day_end.setText("16.00")
    qtbot.mouseClick(box.add_day_button, Qt.MouseButton.LeftButton)
    box.day_date.set_date(dt.date(2026, 3, 10))
    qtbot.mouseClick(box.add_day_button, Qt.MouseButton.LeftButton)
    assert box.days.count() == 2
    assert _details(context).end_date == dt.date(2026, 3, 10)
    members = len(box._members)
    box.quorum.setValue(members + 1)
    box.quorum.editingFinished.emit()
    assert _details(context).quorum is None  # refused: more than the members
    box.members.setCurrentRow(members - 1)
    last = box._members[-1].attendee.id
    qtbot.mouseClick(box.member_up, Qt.MouseButton.LeftButton)
    assert box._members[-2].attendee.id == last
    box.member_role.setCurrentIndex(box.member_role.findText("กรรมการและเลขานุการ"))
    qtbot.mouseClick(box.set_role_button, Qt.MouseButton.LeftButton)
    assert next(m for m in box._members if m.attendee.id == last).role == "กรรมการและเลขานุการ"
