"""The record's setup and minutes as a secretariat edits them by keyboard and mouse: the
members' order by drag or Ctrl+Up/Down, roles renamed or refused deletion, breakout
groups, the agenda's sub-items on the setup page, and motions edited or deleted, each
one undoable step."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QListWidget
from pytestqt.qtbot import QtBot

from tests.ui.keyboard import type_text
from workshop_app.db.database import Database
from workshop_app.models import AttendeeRole, WorkshopKind
from workshop_app.services import attendees, meetings, workshops
from workshop_app.services.attendees import AttendeeDraft
from workshop_app.ui.app import load_fonts
from workshop_app.ui.context import WorkshopContext
from workshop_app.ui.pages.minutes_page import MinutesPage
from workshop_app.ui.pages.setup_page import SetupPage

# A ก.บ.จ. meeting in Phatthalung: (prefix, first, last, position, role), in import order.
MEMBERS = (
    ("นาย", "อนุสรณ์", "แก้ววิเชียร", "ผู้ว่าราชการจังหวัดพัทลุง", "ประธานกรรมการ"),
    ("นาง", "จิราพร", "ศรีสุวรรณ", "ปลัดจังหวัดพัทลุง", "กรรมการ"),
    ("นาย", "ประเสริฐ", "ทองขาว", "พัฒนาการจังหวัดพัทลุง", "กรรมการ"),
    ("นางสาว", "วรรณา", "เพชรรัตน์", "หัวหน้าสำนักงานจังหวัดพัทลุง", "กรรมการและเลขานุการ"),
    ("ว่าที่ร้อยตรี", "สมชาย", "ขุนทอง", "รองผู้ว่าราชการจังหวัดพัทลุง", "รองประธานกรรมการ"),
)


@pytest.fixture
def committee(qtbot: QtBot, db: Database) -> WorkshopContext:
    """The committee with its five members, checked in, and an agenda item 4 with 4.1."""
    load_fonts()
    with db.transaction() as session:
        workshop_id = workshops.create_workshop(
            session,
            "การประชุมคณะกรรมการบริหารงานจังหวัดแบบบูรณาการ (ก.บ.จ.) พัทลุง ครั้งที่ 2/2569",
            WorkshopKind.COMMITTEE_MEETING,
            province="พัทลุง",
            start_date=dt.date(2026, 2, 17),
            venue="ห้องประชุมป่าพะยอม ศาลากลางจังหวัดพัทลุง",
        )
        sector = workshops.list_sectors(session, workshop_id)[0].id
        for prefix, first, last, position, role in MEMBERS:
            draft = AttendeeDraft(first, sector, last, prefix, position, "จังหวัดพัทลุง")
            attendee_id = attendees.add_attendee(session, workshop_id, draft)
            meetings.set_member(
                session, attendee_id, meetings.find_role(session, workshop_id, role)
            )
            attendees.check_in(session, attendee_id)
        item = workshops.add_agenda_item(session, workshop_id, "เรื่องเพื่อพิจารณา")
        workshops.add_agenda_item(
            session, workshop_id, "ร่างแผนปฏิบัติราชการประจำปี พ.ศ. 2570", parent_id=item
        )
    return WorkshopContext(db, workshop_id, "en")


def _setup_page(qtbot: QtBot, context: WorkshopContext) -> SetupPage:
    page = SetupPage(context)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def _member_names(context: WorkshopContext) -> list[str]:
    rows = context.read(lambda s: meetings.list_members(s, context.workshop_id))
    return [row.attendee.first_name for row in rows]


def _click_row(qtbot: QtBot, listing: QListWidget, row: int) -> None:
    listing.scrollToItem(listing.item(row))
    centre = listing.visualItemRect(listing.item(row)).center()
    qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def _drop_on(listing: QListWidget, row: int, upper_half: bool) -> None:
    """Release a dragged row over ``row``: its upper half puts it before, else after.
    The drop goes straight to the list's handler: the application routes a drop only
    while a real drag (a nested event loop of the platform) is under way."""
    rect = listing.visualItemRect(listing.item(row))
    y = rect.top() + 2 if upper_half else rect.bottom() - 2
    mime = listing.model().mimeData([listing.currentIndex()])
    drop = QDropEvent(
        QPointF(rect.center().x(), y),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    listing.dropEvent(drop)


def test_members_reordered_by_drag_and_by_ctrl_arrows_each_one_undo(
    qtbot: QtBot, committee: WorkshopContext
) -> None:
    page = _setup_page(qtbot, committee)
    box = page.meeting
    # Default order: by role (protocol order), then the order of the list.
    assert _member_names(committee) == ["อนุสรณ์", "สมชาย", "จิราพร", "ประเสริฐ", "วรรณา"]
    # Drag the secretary (last) onto the upper half of the third row.
    _click_row(qtbot, box.members, 4)
    _drop_on(box.members, 2, upper_half=True)
    qtbot.waitUntil(lambda: _member_names(committee)[2] == "วรรณา")
    assert _member_names(committee) == ["อนุสรณ์", "สมชาย", "วรรณา", "จิราพร", "ประเสริฐ"]
    assert box.members.item(2).text().startswith("3. นางสาววรรณา เพชรรัตน์")
    # Ctrl+Down moves the selected member one place down.
    _click_row(qtbot, box.members, 0)
    qtbot.keyClick(box.members, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert _member_names(committee) == ["สมชาย", "อนุสรณ์", "วรรณา", "จิราพร", "ประเสริฐ"]
    assert box.members.currentRow() == 1
    qtbot.keyClick(box.members, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert _member_names(committee)[0] == "อนุสรณ์"
    # Each move is one step on the undo stack: three undos give the default order back.
    stack = committee.undo_stack
    assert stack.count() == 3
    stack.undo()
    assert _member_names(committee)[:2] == ["สมชาย", "อนุสรณ์"]
    stack.undo()
    stack.undo()
    assert _member_names(committee) == ["อนุสรณ์", "สมชาย", "จิราพร", "ประเสริฐ", "วรรณา"]
    assert box.members.item(4).text().startswith("5. นางสาววรรณา")
    # A drop on its own place changes nothing.
    _click_row(qtbot, box.members, 1)
    _drop_on(box.members, 1, upper_half=False)
    QApplication.processEvents()
    assert stack.count() == 3 and stack.index() == 0


def test_role_renamed_and_a_held_role_refused_deletion_naming_who_holds_it(
    qtbot: QtBot, committee: WorkshopContext
) -> None:
    page = _setup_page(qtbot, committee)
    box = page.meeting
    roles = [r.name for r in box._roles]
    secretary = roles.index("กรรมการและเลขานุการ")
    _click_row(qtbot, box.roles, secretary)
    assert box.role_name.text() == "กรรมการและเลขานุการ"
    with qtbot.waitSignal(committee.user_error) as refusal:
        qtbot.mouseClick(box.delete_role_button, Qt.MouseButton.LeftButton)
    assert "นางสาววรรณา เพชรรัตน์" in str(refusal.args[0])
    assert "กรรมการและเลขานุการ" in str(refusal.args[0])
    assert len(box._roles) == len(roles)
    # Rename by typing over the name.
    box.role_name.selectAll()
    type_text(box.role_name, "กรรมการและเลขานุการคณะกรรมการ")
    qtbot.mouseClick(box.rename_role_button, Qt.MouseButton.LeftButton)
    holder = next(m for m in box._members if m.attendee.first_name == "วรรณา")
    assert holder.role == "กรรมการและเลขานุการคณะกรรมการ"
    # A role nobody holds goes, and Undo brings it back in its place.
    adviser = [r.name for r in box._roles].index("ที่ปรึกษา")
    _click_row(qtbot, box.roles, adviser)
    qtbot.mouseClick(box.delete_role_button, Qt.MouseButton.LeftButton)
    assert "ที่ปรึกษา" not in [r.name for r in box._roles]
    committee.undo_stack.undo()
    assert [r.name for r in box._roles][adviser] == "ที่ปรึกษา"
    committee.undo_stack.undo()
    assert holder.attendee.id in {
        m.attendee.id for m in box._members if m.role == "กรรมการและเลขานุการ"
    }


def test_breakout_groups_added_edited_deleted_and_undone(
    qtbot: QtBot, committee: WorkshopContext
) -> None:
    with committee.database.transaction() as session:
        issue = workshops.add_issue(session, committee.workshop_id, "การท่องเที่ยวทะเลน้อย")
    page = _setup_page(qtbot, committee)
    box = page.meeting
    for name, facilitator in (
        ("กลุ่มอำเภอเมืองพัทลุง", "นายสุริยา ชูแก้ว"),
        ("กลุ่มอำเภอควนขนุน", "นางกาญจนา หนูเอียด"),
    ):
        box.group_name.setFocus()
        type_text(box.group_name, name)
        type_text(box.group_facilitator, facilitator)
        qtbot.mouseClick(box.add_group_button, Qt.MouseButton.LeftButton)
    groups = committee.read(lambda s: meetings.list_groups(s, committee.workshop_id))
    assert [(g.number, g.name, g.facilitator) for g in groups] == [
        (1, "กลุ่มอำเภอเมืองพัทลุง", "นายสุริยา ชูแก้ว"),
        (2, "กลุ่มอำเภอควนขนุน", "นางกาญจนา หนูเอียด"),
    ]
    # Rename the second to an issue group and give it the issue and a presenter.
    _click_row(qtbot, box.groups, 1)
    assert box.group_name.text() == "กลุ่มอำเภอควนขนุน"
    box.group_name.selectAll()
    type_text(box.group_name, "กลุ่มประเด็นท่องเที่ยว")
    box.group_issue.setCurrentIndex(box.group_issue.findData(issue))
    type_text(box.group_presenter, "นายวีระ พรหมแก้ว")
    qtbot.mouseClick(box.save_group_button, Qt.MouseButton.LeftButton)
    edited = committee.read(lambda s: meetings.list_groups(s, committee.workshop_id))[1]
    assert (edited.name, edited.issue_id, edited.presenter) == (
        "กลุ่มประเด็นท่องเที่ยว",
        issue,
        "นายวีระ พรหมแก้ว",
    )
    assert "การท่องเที่ยวทะเลน้อย" in box.groups.item(1).text()
    # A name already taken is refused in place.
    _click_row(qtbot, box.groups, 1)
    box.group_name.selectAll()
    with qtbot.waitSignal(committee.user_error):
        type_text(box.group_name, "กลุ่มอำเภอเมืองพัทลุง")
        qtbot.mouseClick(box.save_group_button, Qt.MouseButton.LeftButton)
    # Delete the first: the other becomes group 1; Undo puts it back as group 1.
    _click_row(qtbot, box.groups, 0)
    qtbot.mouseClick(box.delete_group_button, Qt.MouseButton.LeftButton)
    left = committee.read(lambda s: meetings.list_groups(s, committee.workshop_id))
    assert [(g.number, g.name) for g in left] == [(1, "กลุ่มประเด็นท่องเที่ยว")]
    committee.undo_stack.undo()
    back = committee.read(lambda s: meetings.list_groups(s, committee.workshop_id))
    assert [g.name for g in back] == ["กลุ่มอำเภอเมืองพัทลุง", "กลุ่มประเด็นท่องเที่ยว"]
    committee.undo_stack.undo()  # the edit
    assert committee.read(lambda s: meetings.list_groups(s, committee.workshop_id))[1].name == (
        "กลุ่มอำเภอควนขนุน"
    )


def test_setup_agenda_shows_sub_items_numbered_and_indented(
    qtbot: QtBot, committee: WorkshopContext
) -> None:
    page = _setup_page(qtbot, committee)
    model = page.agenda_model
    numbers = [str(model.index(row, 0).data()) for row in range(model.rowCount())]
    titles = [str(model.index(row, 1).data()) for row in range(model.rowCount())]
    sub = titles.index("ร่างแผนปฏิบัติราชการประจำปี พ.ศ. 2570")
    # The sub-item follows its item (the preset's agenda has one of that title too).
    assert titles[sub - 1] == "เรื่องเพื่อพิจารณา"
    assert numbers[sub] == f"    {numbers[sub - 1]}.1"
    assert not numbers[sub - 1].startswith(" ")


def test_motion_edited_and_deleted_on_the_minutes_page(
    qtbot: QtBot, committee: WorkshopContext
) -> None:
    page = MinutesPage(committee)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    qtbot.waitExposed(page)
    labels = [page.agenda.item(row).text() for row in range(page.agenda.count())]
    page.agenda.setCurrentRow(next(i for i, t in enumerate(labels) if "2570" in t))
    item_id = page._item_id
    assert item_id is not None
    page.motion_text.setFocus()
    type_text(page.motion_text, "เห็นชอบร่างแผนปฏิบัติราชการประจำปี พ.ศ. 2570")
    page.motion_counts["for"].setValue(4)
    page.motion_counts["abstain"].setValue(1)
    qtbot.mouseClick(page.add_motion, Qt.MouseButton.LeftButton)
    assert page.motions.count() == 1 and not page.save_motion.isEnabled()
    # Pick it, reword it and correct the counts.
    _click_row(qtbot, page.motions, 0)
    assert page.motion_counts["for"].value() == 4
    page.motion_text.selectAll()
    type_text(page.motion_text, "เห็นชอบร่างแผนฯ พ.ศ. 2570 ตามที่แก้ไข")
    page.motion_counts["for"].setValue(3)
    page.motion_counts["against"].setValue(1)
    qtbot.mouseClick(page.save_motion, Qt.MouseButton.LeftButton)
    result = committee.read(lambda s: meetings.motion_results(s, item_id))
    assert [(r.text, r.for_votes, r.against, r.abstain) for r in result] == [
        ("เห็นชอบร่างแผนฯ พ.ศ. 2570 ตามที่แก้ไข", 3, 1, 1)
    ]
    # More votes than members present are refused and nothing changes.
    _click_row(qtbot, page.motions, 0)
    page.motion_counts["for"].setValue(9)
    with qtbot.waitSignal(committee.user_error):
        qtbot.mouseClick(page.save_motion, Qt.MouseButton.LeftButton)
    assert committee.read(lambda s: meetings.motion_results(s, item_id))[0].for_votes == 3
    # Delete, then undo the delete and the edit.
    _click_row(qtbot, page.motions, 0)
    qtbot.mouseClick(page.delete_motion, Qt.MouseButton.LeftButton)
    assert committee.read(lambda s: meetings.motion_results(s, item_id)) == []
    assert page.motions.count() == 0 and page.motion_text.text() == ""
    committee.undo_stack.undo()
    committee.undo_stack.undo()
    result = committee.read(lambda s: meetings.motion_results(s, item_id))
    assert [(r.text, r.for_votes, r.against, r.abstain) for r in result] == [
        ("เห็นชอบร่างแผนปฏิบัติราชการประจำปี พ.ศ. 2570", 4, 0, 1)
    ]
    assert page.motions.count() == 1


def test_a_role_given_to_a_member_who_had_none_is_undone(
    qtbot: QtBot, committee: WorkshopContext
) -> None:
    """A member listed without a role (an invited head of agency) gets one on the setup
    page; Undo leaves them a member with no role, Redo gives it again."""
    with committee.database.transaction() as session:
        sector = workshops.list_sectors(session, committee.workshop_id)[0].id
        draft = AttendeeDraft(
            "ณัฐวุฒิ",
            sector,
            "บุญช่วย",
            "นาย",
            "โยธาธิการและผังเมืองจังหวัดพัทลุง",
            "สำนักงานโยธาธิการและผังเมืองจังหวัดพัทลุง",
            role=AttendeeRole.MEMBER.value,
        )
        newcomer = attendees.add_attendee(session, committee.workshop_id, draft)
    page = _setup_page(qtbot, committee)
    box = page.meeting

    def role_of_newcomer() -> str:
        rows = committee.read(lambda s: meetings.list_members(s, committee.workshop_id))
        return next(r.role for r in rows if r.attendee.id == newcomer)

    assert role_of_newcomer() == ""
    row = next(i for i, m in enumerate(box._members) if m.attendee.id == newcomer)
    _click_row(qtbot, box.members, row)
    box.member_role.setCurrentIndex(box.member_role.findText("กรรมการ"))
    qtbot.mouseClick(box.set_role_button, Qt.MouseButton.LeftButton)
    assert role_of_newcomer() == "กรรมการ"
    assert committee.undo_stack.count() == 1
    committee.undo_stack.undo()
    assert role_of_newcomer() == ""
    assert newcomer in {m.attendee.id for m in box._members}
    committee.undo_stack.redo()
    assert role_of_newcomer() == "กรรมการ"
