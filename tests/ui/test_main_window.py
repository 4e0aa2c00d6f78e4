"""The main window: pages, Thai by default, import of an invitation list, shortcuts."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QMessageBox, QScrollArea
from pytestqt.qtbot import QtBot

from tests.ui.background import opened, outcome_of, written
from workshop_app.db.database import Database
from workshop_app.services import attendees, ideas, workshops
from workshop_app.ui.context import Changes
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.pages.board_page import BoardPage


def test_pages_and_menus_are_in_thai(thai_window: MainWindow) -> None:
    nav = [thai_window.nav.item(i).text() for i in range(thai_window.nav.count())]
    assert nav == [
        "ตั้งค่างานประชุม",
        "ลงทะเบียน",
        "ระดมความคิด",
        "ลงคะแนน",
        "รายงานการประชุม",
        "แผนปฏิบัติราชการ",
        "ซิงก์ข้อมูล",
    ]
    menus = [a.text() for a in thai_window.menuBar().actions()]
    assert menus == ["&แฟ้ม", "&แก้ไข", "&มุมมอง", "&ช่วยเหลือ"]
    assert thai_window.stack.currentWidget() is thai_window.registration_page
    assert "โปรแกรมประชุมเชิงปฏิบัติการ" in thai_window.windowTitle()


def test_sarabun_covers_thai(thai_window: MainWindow) -> None:
    metrics = QFontMetrics(QFont("Sarabun", 12))
    assert all(metrics.inFontUcs4(ord(c)) for c in "กขคฮะาำิีึืุู่้๊๋์เแโใไ๐๙")


def test_ctrl_z_undoes_a_check_in(qtbot: QtBot, thai_window: MainWindow) -> None:
    context = thai_window.context
    page = thai_window.registration_page
    waiting = [
        r
        for r in context.read(lambda s: attendees.list_attendees(s, context.workshop_id))
        if r.checked_in_at is None
    ]
    thai_window.activateWindow()
    qtbot.waitUntil(thai_window.isActiveWindow)
    page.search.setFocus()
    qtbot.keyClicks(page.search, str(waiting[0].code))
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert context.read(lambda s: attendees.get_attendee(s, waiting[0].id)).checked_in_at
    qtbot.keyClick(page.search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert context.read(lambda s: attendees.get_attendee(s, waiting[0].id)).checked_in_at is None
    qtbot.keyClick(page.search, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert context.read(lambda s: attendees.get_attendee(s, waiting[0].id)).checked_in_at


def _csv(path: Path, rows: list[str]) -> Path:
    path.write_text("\n".join(rows) + "\n", encoding="utf-8-sig")
    return path


def test_import_invitation_list_after_confirmation(
    qtbot: QtBot, thai_window: MainWindow, tmp_path: Path
) -> None:
    context = thai_window.context
    before = len(context.read(lambda s: attendees.list_attendees(s, context.workshop_id)))
    path = _csv(
        tmp_path / "invited.csv",
        [
            "รายชื่อผู้ได้รับเชิญ",
            "ลำดับ,ชื่อ-สกุล,ตำแหน่ง,หน่วยงาน,ภาคส่วน",
            "1,นางสาวกมลา วิริยะ,ผู้อำนวยการ,สำนักงานสถิติจังหวัด,ส่วนราชการ",
            "2,ผศ.ดร.ธวัช มณีโชติ,อาจารย์,มหาวิทยาลัยราชภัฏ,สถาบันการศึกษา",
        ],
    )
    dialog = opened(qtbot, thai_window, thai_window.import_invitation_file(path))
    assert dialog.import_button.text() == "นำเข้า" and dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert written(qtbot, thai_window)[0] == "ok"
    rows = context.read(lambda s: attendees.list_attendees(s, context.workshop_id))
    assert len(rows) == before + 2
    kamala = next(r for r in rows if r.first_name == "กมลา")
    assert (kamala.prefix, kamala.last_name, kamala.invited) == ("นางสาว", "วิริยะ", True)
    counts = thai_window.registration_page.counts_model
    assert counts.index(counts.rowCount() - 1, 1).data() == "42"


def test_bad_import_shows_the_row_and_changes_nothing(
    qtbot: QtBot, thai_window: MainWindow, tmp_path: Path, db: Database
) -> None:
    path = _csv(
        tmp_path / "bad.csv",
        ["ชื่อ,นามสกุล,ภาคส่วน", "สมใจ,ดีเสมอ,ส่วนราชการ", "สมหมาย,ใจงาม,ภาคดาวอังคาร"],
    )
    before = hashlib.sha256(db.path.read_bytes()).hexdigest()
    dialog = opened(qtbot, thai_window, thai_window.import_invitation_file(path))
    assert not dialog.import_button.isEnabled()
    problems = dialog.problem_list.text()
    assert "แถว 3" in problems and "ภาคดาวอังคาร" in problems
    dialog.reject()
    assert hashlib.sha256(db.path.read_bytes()).hexdigest() == before


def test_unreadable_file_shows_one_clear_message(
    qtbot: QtBot, thai_window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "list.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    kind, message = outcome_of(qtbot, thai_window.import_invitation_file(path))
    assert kind == "failed" and thai_window.import_preview is None
    box = thai_window.findChild(QMessageBox, "userErrorBox")
    assert box is not None and box.text() == message
    assert box is not None and box.isVisible() and ".xls" in box.text()
    box.close()


def test_pages_are_built_when_first_shown(qtbot: QtBot, thai_window: MainWindow) -> None:
    """Start-up builds the registration page only (building all seven read the whole
    workshop before the window showed); a page is built when shown or asked for, in its
    place, and shows what was done before it was built."""
    window, context = thai_window, thai_window.context
    board_place = window.stack.widget(2)
    assert window.stack.currentWidget() is window.registration_page
    assert board_place is not None and not isinstance(board_place, BoardPage)  # a place holder
    issue = context.read(lambda s: workshops.list_issues(s, context.workshop_id))[1]
    text = "ส่งเสริมการท่องเที่ยวชุมชนริมทะเลสาบสงขลา"
    context.run(
        lambda s: ideas.add_idea(s, context.workshop_id, issue.id, ideas.IdeaDraft(text)),
        Changes.IDEAS,
    )
    window.show_page(3)  # the voting page
    voting = window.voting_page
    assert window.stack.currentWidget() is voting and window.stack.indexOf(voting) == 3
    with qtbot.waitSignal(board_place.destroyed):
        board = window.board_page  # asked for while another page is shown
        assert window.stack.indexOf(board) == 2 and window.stack.currentWidget() is voting
    assert window.stack.count() == window.nav.count() == 7
    assert window.board_page is board  # built once
    column = board.columns[1]
    assert column.model.rows()[-1].text == text


def test_a_page_built_on_screen_is_laid_out_before_it_is_painted(
    thai_window: MainWindow,
) -> None:
    """The board built when first shown, in a window on screen: its side panel (a scroll
    area) has its contents' full height at once, as when every page was built before
    the window showed (it took several rounds of events to grow, squeezing the lists)."""
    thai_window.show_page(2)
    side = thai_window.board_page.findChild(QScrollArea, "boardSidePanel")
    assert side is not None
    panel = side.widget()
    assert panel is not None
    assert panel.height() >= panel.minimumSizeHint().height()
    suggestions = thai_window.board_page.suggestions
    assert suggestions.height() >= suggestions.minimumSizeHint().height()
