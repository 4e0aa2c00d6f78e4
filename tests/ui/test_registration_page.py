"""The registration page, driven by keyboard only, as at the door."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from tests.ui.keyboard import type_text
from workshop_app.services import attendees, meetings
from workshop_app.ui.context import Changes, WorkshopContext
from workshop_app.ui.dialogs import AttendeeDialog
from workshop_app.ui.pages.registration_page import RegistrationPage


def _page(qtbot: QtBot, context: WorkshopContext) -> RegistrationPage:
    page = RegistrationPage(context)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)  # shortcuts (F2, F4) need an active window
    page.search.setFocus()
    return page


def _not_yet_arrived(context: WorkshopContext) -> list[attendees.AttendeeRow]:
    rows = context.read(lambda s: attendees.list_attendees(s, context.workshop_id))
    return [r for r in rows if r.checked_in_at is None]


def _present(context: WorkshopContext) -> int:
    counts = context.read(lambda s: attendees.sector_counts(s, context.workshop_id))
    return sum(c.present for c in counts)


def test_type_and_enter_checks_in_the_top_match(qtbot: QtBot, context: WorkshopContext) -> None:
    """Typing a code and pressing Enter checks that person in and clears the box."""
    person = _not_yet_arrived(context)[0]
    page = _page(qtbot, context)
    before = _present(context)
    type_text(page.search, str(person.code))
    assert page.results_model.row_at(0) is not None
    assert page.results_model.row_at(0).id == person.id  # type: ignore[union-attr]
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    stored = context.read(lambda s: attendees.get_attendee(s, person.id))
    assert stored.checked_in_at is not None
    assert page.search.text() == ""
    assert page.banner.property("kind") == "ok"
    assert person.full_name in page.banner.text()
    assert _present(context) == before + 1
    total_row = page.counts_model.rowCount() - 1
    assert page.counts_model.index(total_row, 2).data() == str(before + 1)


def test_down_arrow_then_enter_checks_in_the_second_match(
    qtbot: QtBot, context: WorkshopContext
) -> None:
    waiting = _not_yet_arrived(context)
    page = _page(qtbot, context)
    type_text(page.search, waiting[0].first_name)
    shown = page.results_model.rows()
    assert len(shown) >= 2, "the demo has several people with each first name"
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    second = context.read(lambda s: attendees.get_attendee(s, shown[1].id))
    first = context.read(lambda s: attendees.get_attendee(s, shown[0].id))
    assert second.checked_in_at is not None
    assert first.checked_in_at == shown[0].checked_in_at  # untouched


def test_second_check_in_warns_and_keeps_the_first_time(
    qtbot: QtBot, context: WorkshopContext
) -> None:
    person = _not_yet_arrived(context)[0]
    page = _page(qtbot, context)
    for _ in range(2):
        type_text(page.search, str(person.code))
        qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.banner.property("kind") == "warn"
    assert "already checked in" in page.banner.text()
    assert context.undo_stack.count() == 1


def test_undo_and_redo_of_a_check_in(qtbot: QtBot, context: WorkshopContext) -> None:
    person = _not_yet_arrived(context)[0]
    page = _page(qtbot, context)
    before = _present(context)
    type_text(page.search, str(person.code))
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    context.undo_stack.undo()
    assert context.read(lambda s: attendees.get_attendee(s, person.id)).checked_in_at is None
    assert _present(context) == before
    context.undo_stack.redo()
    assert context.read(lambda s: attendees.get_attendee(s, person.id)).checked_in_at is not None


def test_no_match_tells_how_to_register_a_walk_in(qtbot: QtBot, context: WorkshopContext) -> None:
    page = _page(qtbot, context)
    type_text(page.search, "ไม่มีใครชื่อนี้แน่นอน")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.results_model.rowCount() == 0
    assert "F2" in page.banner.text()


def test_walk_in_by_keyboard(qtbot: QtBot, context: WorkshopContext) -> None:
    """F2 opens the form; typing and Enter registers and checks the person in; undo removes."""
    page = _page(qtbot, context)
    before = _present(context)
    type_text(page.search, "วิมลรัตน์ ทดสอบงาน")
    qtbot.keyClick(page.search, Qt.Key.Key_F2)
    dialog = page.findChild(AttendeeDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.first_name.text() == "วิมลรัตน์"
    assert dialog.last_name.text() == "ทดสอบงาน"
    type_text(dialog.organisation, "สำนักงานทดสอบ")
    sector_box: QComboBox = dialog.sector
    sector_box.setFocus()
    assert sector_box.currentIndex() == -1  # no sector until one is chosen
    qtbot.keyClick(sector_box, Qt.Key.Key_Down)
    qtbot.keyClick(sector_box, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.organisation, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    QApplication.processEvents()
    found = context.read(
        lambda s: attendees.search_attendees(s, context.workshop_id, "วิมลรัตน์ ทดสอบงาน")
    )
    assert len(found) == 1
    assert found[0].walk_in and found[0].checked_in_at is not None
    assert found[0].sector_name == "รัฐวิสาหกิจ"  # the second sector, Down twice
    assert _present(context) == before + 1
    context.undo_stack.undo()
    assert (
        context.read(lambda s: attendees.search_attendees(s, context.workshop_id, "วิมลรัตน์")) == []
    )


def test_walk_in_form_refuses_empty_name_in_place(qtbot: QtBot, context: WorkshopContext) -> None:
    page = _page(qtbot, context)
    qtbot.keyClick(page.search, Qt.Key.Key_F2)
    dialog = page.findChild(AttendeeDialog)
    assert dialog is not None
    qtbot.keyClick(dialog.first_name, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.message.property("kind") == "error"
    dialog.reject()


def test_walk_in_that_looks_like_an_invitee_asks_first(
    qtbot: QtBot, context: WorkshopContext
) -> None:
    person = _not_yet_arrived(context)[0]
    page = _page(qtbot, context)
    qtbot.keyClick(page.search, Qt.Key.Key_F2)
    dialog = page.findChild(AttendeeDialog)
    assert dialog is not None
    type_text(dialog.first_name, person.first_name)
    type_text(dialog.last_name, person.last_name)
    type_text(dialog.organisation, person.organisation)
    dialog.sector.setCurrentIndex(0)
    qtbot.keyClick(dialog.organisation, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.message.property("kind") == "warn"
    assert str(person.code) in dialog.message.text()
    dialog.reject()


def test_cancel_check_in_button(qtbot: QtBot, context: WorkshopContext) -> None:
    rows = context.read(lambda s: attendees.list_attendees(s, context.workshop_id))
    present = next(r for r in rows if r.checked_in_at is not None)
    page = _page(qtbot, context)
    type_text(page.search, str(present.code))
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    assert context.read(lambda s: attendees.get_attendee(s, present.id)).checked_in_at is None
    context.undo_stack.undo()
    restored = context.read(lambda s: attendees.get_attendee(s, present.id))
    assert restored.checked_in_at == present.checked_in_at


def test_walk_in_banner_goes_away_on_undo(qtbot: QtBot, context: WorkshopContext) -> None:
    page = _page(qtbot, context)
    type_text(page.search, "นางสาวเกศินี ทองประเสริฐวงศ์")
    qtbot.keyClick(page.search, Qt.Key.Key_F2)
    dialog = page.findChild(AttendeeDialog)
    assert dialog is not None
    # The prefix typed in the search box goes to its own field, not into the first name.
    assert dialog.prefix.currentText() == "นางสาว"
    assert dialog.first_name.text() == "เกศินี"
    assert dialog.last_name.text() == "ทองประเสริฐวงศ์"
    type_text(dialog.organisation, "องค์การบริหารส่วนตำบลบ้านเหล่า")
    qtbot.keyClick(dialog.organisation, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.message.property("kind") == "error"  # no sector yet
    dialog.sector.setCurrentIndex(2)
    qtbot.keyClick(dialog.organisation, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert page.banner.isVisibleTo(page) and page.banner.property("kind") == "ok"
    context.undo_stack.undo()
    assert not page.banner.isVisibleTo(page)
    context.undo_stack.redo()
    found = context.read(
        lambda s: attendees.search_attendees(s, context.workshop_id, "เกศินี ทองประเสริฐวงศ์")
    )
    assert [(p.prefix, p.first_name) for p in found] == [("นางสาว", "เกศินี")]


def test_prefix_typed_into_the_first_name_moves_to_its_field(
    qtbot: QtBot, context: WorkshopContext
) -> None:
    page = _page(qtbot, context)
    qtbot.keyClick(page.search, Qt.Key.Key_F2)
    dialog = page.findChild(AttendeeDialog)
    assert dialog is not None
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.first_name.setFocus()
    type_text(dialog.first_name, "ดร.ประเสริฐ")
    qtbot.keyClick(dialog.first_name, Qt.Key.Key_Tab)
    assert (dialog.prefix.currentText(), dialog.first_name.text()) == ("ดร.", "ประเสริฐ")
    dialog.reject()


def test_a_two_day_meeting_checks_in_each_day_apart(qtbot: QtBot, context: WorkshopContext) -> None:
    """Someone here on day 1 is checked in again on day 2 (not "already checked in"),
    and the counts follow the chosen day."""
    workshop_id = context.workshop_id
    day_1 = context.run(
        lambda s: meetings.add_day(s, workshop_id, dt.date(2026, 8, 24)), Changes.WORKSHOP
    )
    day_2 = context.run(
        lambda s: meetings.add_day(s, workshop_id, dt.date(2026, 8, 25)), Changes.WORKSHOP
    )
    person = _not_yet_arrived(context)[0]
    page = _page(qtbot, context)
    assert page.day.isVisibleTo(page) and page.day.count() == 2
    for day in (day_1, day_2):
        page.day.setCurrentIndex(page.day.findData(day))
        type_text(page.search, str(person.code))
        qtbot.keyClick(page.search, Qt.Key.Key_Return)
        assert "already" not in page.banner.text()
    present = context.read(lambda s: attendees.present_on(s, workshop_id, day_2))
    assert person.id in present and len(present) == 1
    assert "1" in page.present_total.text()


def test_a_stand_in_is_linked_to_a_member_only(qtbot: QtBot, context: WorkshopContext) -> None:
    page = _page(qtbot, context)
    rows = context.read(lambda s: attendees.list_attendees(s, context.workshop_id))
    represented = {r.stand_in_for_id for r in rows}
    member = next(r for r in rows if r.role == "member" and r.id not in represented)
    participants = [r for r in rows if r.role != "member" and r.stand_in_for_id is None]
    assert page.set_stand_in(participants[0], member.id)
    assert not page.set_stand_in(participants[1], participants[2].id)  # not a member
    stored = context.read(lambda s: attendees.get_attendee(s, participants[1].id))
    assert stored.stand_in_for_id is None


def _two_with_one_number(context: WorkshopContext, code: int) -> list[str]:
    """Two walk-ins numbered ``code`` on two laptops by an older version, merged."""
    workshop_id = context.workshop_id
    sector_id = context.read(lambda s: attendees.list_attendees(s, workshop_id))[0].sector_id
    drafts = [
        attendees.AttendeeDraft(
            "พิมพ์ชนก", sector_id, "แสงอรุณ", prefix="นางสาว", organisation="สำนักงานเกษตรจังหวัดยโสธร"
        ),
        attendees.AttendeeDraft(
            "อดิศักดิ์", sector_id, "มูลสาร", prefix="นาย", organisation="อบต.บ้านเหล่า"
        ),
    ]
    with context.database.transaction() as session:
        return [
            attendees.add_attendee(session, workshop_id, draft, invited=False, code=code)
            for draft in drafts
        ]


def test_a_number_held_by_two_checks_in_neither_until_one_is_picked(
    qtbot: QtBot, context: WorkshopContext
) -> None:
    pimchanok, adisak = _two_with_one_number(context, 9305)
    page = _page(qtbot, context)
    before = _present(context)
    type_text(page.search, "9305")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert _present(context) == before  # neither was checked in
    assert page.banner.property("kind") == "warn"
    assert "นางสาวพิมพ์ชนก แสงอรุณ" in page.banner.text()
    assert "นายอดิศักดิ์ มูลสาร" in page.banner.text()
    assert page.search.text() == "9305"  # both still listed, to pick from
    listed = {page.results_model.row_at(r).id for r in range(page.results_model.rowCount())}  # type: ignore[union-attr]
    assert {pimchanok, adisak} <= listed
    # Picked with the arrow keys: that one, and only that one.
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    picked = page.current_attendee()
    assert picked is not None and picked.id in (pimchanok, adisak)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    other = adisak if picked.id == pimchanok else pimchanok
    assert context.read(lambda s: attendees.get_attendee(s, picked.id)).checked_in_at is not None
    assert context.read(lambda s: attendees.get_attendee(s, other)).checked_in_at is None
    assert _present(context) == before + 1
