"""The projector window: the room sees what the secretary types, the countdown, and all
issues at once when asked. Driven from the board page, as in the room."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QSettings, Qt
from PySide6.QtWidgets import QListView, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from tests.ui.keyboard import type_text
from workshop_app.models import StrategicIssue
from workshop_app.services import ideas, workshops
from workshop_app.ui import settings, thai_layout
from workshop_app.ui.board_data import BoardData, Countdown
from workshop_app.ui.context import Changes, WorkshopContext
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.pages.board_page import BoardPage
from workshop_app.ui.projector import DEFAULT_POINT_SIZE, ProjectorWindow, auto_point_size

# The offscreen platform cannot raise a window (the projector raises itself on opening).
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise", extend=True)
CTRL = Qt.KeyboardModifier.ControlModifier
NEW_IDEA = "ส่งเสริมการท่องเที่ยวเชิงเกษตรในอำเภอสะเดา"


@pytest.fixture
def window(
    qtbot: QtBot, context: WorkshopContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    """The main window on the brainstorm page with the projector open (F9), and the
    main window active again: the secretary keeps typing on the laptop."""
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr(settings, "settings_store", lambda: store)  # keep the user's own
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show_page(2)
    window.show()
    qtbot.waitExposed(window)
    _activate(qtbot, window)
    qtbot.keyClick(window.board_page.entry, Qt.Key.Key_F9)
    assert window.projector is not None
    qtbot.addWidget(window.projector)
    qtbot.waitExposed(window.projector)
    _activate(qtbot, window)
    yield window
    window.projector.close()


def _activate(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts fire only in the active window
    window.board_page.entry.setFocus()
    qtbot.waitUntil(window.board_page.entry.hasFocus)


def _projector(window: MainWindow) -> ProjectorWindow:
    assert window.projector is not None
    return window.projector


def _showing_all(board: BoardData) -> bool:
    return board.show_all


def _running(countdown: Countdown) -> bool:
    return countdown.running


def _texts(model: object) -> list[str]:
    """The cards' texts, as a column (IdeaListModel) or a view's copy (CardSizes) has them."""
    assert isinstance(model, QAbstractItemModel)
    return [str(model.index(r, 0).data()) for r in range(model.rowCount())]


def _type_idea(qtbot: QtBot, page: BoardPage, text: str) -> None:
    type_text(page.entry, text)
    qtbot.keyClick(page.entry, Qt.Key.Key_Return)


def _assert_same(page: BoardPage, projector: ProjectorWindow) -> None:
    """The projector shows the current column's cards: same model, rows and text."""
    column = page.current_column()
    assert column is not None
    assert projector.single_view.cards() is column.model
    shown = projector.single_view.model()  # the view's copy, with the projector's sizes
    assert shown.rowCount() == column.model.rowCount()
    assert _texts(shown) == [r.text for r in column.model.rows()]
    number, title = column.model.issue.number, column.model.issue.title
    assert projector.issue.text() == f"Issue {number}: {title}"
    assert projector.count.text() == f"{column.model.rowCount()} card(s)"


# --- the cards ---------------------------------------------------------------------------------


def test_board_and_projector_show_the_same(
    qtbot: QtBot, window: MainWindow, context: WorkshopContext
) -> None:
    page, projector = window.board_page, _projector(window)
    assert projector.isVisible() and projector.windowTitle().startswith("Projector — ")
    title = context.read(lambda s: workshops.get_workshop(s, context.workshop_id).title)
    assert projector.title.text() == title
    assert projector.stack.currentWidget() is projector.single_view
    _assert_same(page, projector)
    assert projector.count.text() == "12 card(s)"

    _type_idea(qtbot, page, NEW_IDEA)

    _assert_same(page, projector)
    assert _texts(projector.single_view.model())[-1] == NEW_IDEA
    assert projector.count.text() == "13 card(s)"
    stored = context.read(lambda s: ideas.list_ideas(s, context.workshop_id))
    assert NEW_IDEA in [r.text for r in stored]

    # Another issue: the projector follows the board.
    qtbot.keyClick(page.entry, Qt.Key.Key_PageDown, CTRL)
    assert projector.single_view.cards() is window.board.models[1]
    _assert_same(page, projector)
    _type_idea(qtbot, page, "พัฒนาระบบน้ำประปาหมู่บ้าน")
    _assert_same(page, projector)
    assert _texts(projector.single_view.model())[-1] == "พัฒนาระบบน้ำประปาหมู่บ้าน"


def test_undo_takes_the_card_off_the_projector(
    qtbot: QtBot, window: MainWindow, context: WorkshopContext
) -> None:
    page, projector = window.board_page, _projector(window)
    _type_idea(qtbot, page, NEW_IDEA)
    assert projector.single_view.model().rowCount() == 13
    column = page.current_column()
    assert column is not None
    column.view.setFocus()  # the new card is selected there
    qtbot.keyClick(column.view, Qt.Key.Key_Z, CTRL)
    assert projector.single_view.model().rowCount() == 12
    assert NEW_IDEA not in _texts(projector.single_view.model())
    assert projector.count.text() == "12 card(s)"
    qtbot.keyClick(column.view, Qt.Key.Key_Y, CTRL)
    assert _texts(projector.single_view.model())[-1] == NEW_IDEA
    _assert_same(page, projector)


def test_merge_and_delete_show_on_the_projector(
    qtbot: QtBot, window: MainWindow, context: WorkshopContext
) -> None:
    page, projector = window.board_page, _projector(window)
    column = page.current_column()
    assert column is not None
    rows = column.model.rows()
    column.view.setFocus()
    column.view.selectAll()
    qtbot.keyClick(column.view, Qt.Key.Key_M, CTRL)  # everything into the top card
    assert _texts(projector.single_view.model()) == [rows[0].text]
    assert projector.count.text() == "1 card(s)"
    assert context.read(lambda s: ideas.get_idea(s, rows[0].id)).merged_count == 11
    qtbot.keyClick(column.view, Qt.Key.Key_Z, CTRL)
    _assert_same(page, projector)
    assert projector.count.text() == "12 card(s)"


# --- all issues ------------------------------------------------------------------------------


def test_show_all_switches_the_projector_to_every_issue(
    qtbot: QtBot, window: MainWindow, context: WorkshopContext
) -> None:
    page, projector, board = window.board_page, _projector(window), window.board
    assert not page.show_all.isChecked()
    with qtbot.waitSignal(board.show_all_changed) as changed:
        qtbot.mouseClick(page.show_all, Qt.MouseButton.LeftButton)
    assert changed.args == [True] and _showing_all(board)
    assert projector.stack.currentWidget() is projector.all_widget

    assert len(projector.all_views) == len(board.models) == 5
    for (label, view), model in zip(projector.all_views, board.models, strict=True):
        assert view.cards() is model  # the board's very columns, each in a sized copy
        assert label.text() == f"{model.issue.number}. {model.issue.title}"
        assert view.model().rowCount() == 12
        assert _texts(view.model()) == _texts(model)
    assert projector.issue.text() == "All strategic issues"
    assert projector.count.text() == "60 card(s)"

    # A card typed now shows in its issue's list on the projector.
    qtbot.keyClick(page.entry, Qt.Key.Key_PageDown, CTRL)
    _type_idea(qtbot, page, NEW_IDEA)
    assert projector.stack.currentWidget() is projector.all_widget  # still all issues
    second = projector.all_views[1][1].model()
    assert _texts(second)[-1] == NEW_IDEA and second.rowCount() == 13
    assert projector.count.text() == "61 card(s)"

    qtbot.mouseClick(page.show_all, Qt.MouseButton.LeftButton)
    assert not _showing_all(board)
    assert projector.stack.currentWidget() is projector.single_view
    _assert_same(page, projector)


def test_renamed_issue_rebuilds_the_projector(
    qtbot: QtBot, window: MainWindow, context: WorkshopContext
) -> None:
    page, projector, board = window.board_page, _projector(window), window.board
    page.show_all.setChecked(True)
    issue = board.models[2].issue
    old_container = projector.all_widget
    with qtbot.waitSignal(old_container.destroyed):  # made anew, the old one deleted
        context.run(
            lambda s: workshops.update_issue(s, issue.id, title="ประเด็นที่เปลี่ยนชื่อ"),
            Changes.ISSUES,
        )
        assert projector.all_widget is not old_container
        assert projector.stack.indexOf(projector.all_widget) == 1
        assert projector.stack.currentWidget() is projector.all_widget
        assert projector.stack.count() == 3
    assert [view.cards() for _label, view in projector.all_views] == board.models
    assert projector.all_views[2][0].text() == "3. ประเด็นที่เปลี่ยนชื่อ"
    assert all(isinstance(view, QListView) for _label, view in projector.all_views)
    page.show_all.setChecked(False)
    assert projector.single_view.cards() is board.current_model()
    _assert_same(page, projector)
    added = context.run(
        lambda s: workshops.add_issue(s, context.workshop_id, "ประเด็นใหม่"), Changes.ISSUES
    )
    assert added is not None
    assert len(projector.all_views) == len(board.models) == 6
    assert len(page.columns) == 6
    qtbot.mouseClick(page.show_all, Qt.MouseButton.LeftButton)
    assert [view.cards() for _label, view in projector.all_views] == board.models
    assert projector.all_views[5][0].text() == "6. ประเด็นใหม่"


def test_renamed_workshop_shows_on_the_projector(
    qtbot: QtBot, window: MainWindow, context: WorkshopContext
) -> None:
    projector = _projector(window)
    context.run(
        lambda s: workshops.update_workshop(s, context.workshop_id, title="งานที่เปลี่ยนชื่อ"),
        Changes.WORKSHOP,
    )
    assert window.board.title == "งานที่เปลี่ยนชื่อ"
    assert projector.title.text() == "งานที่เปลี่ยนชื่อ"
    assert projector.windowTitle() == "Projector — งานที่เปลี่ยนชื่อ"


# --- type size and full screen -------------------------------------------------------------


def test_ctrl_plus_and_minus_change_the_type_size(qtbot: QtBot, window: MainWindow) -> None:
    projector = _projector(window)
    projector.activateWindow()
    qtbot.waitUntil(projector.isActiveWindow)
    start = projector.point_size
    qtbot.keyClick(projector, Qt.Key.Key_Plus, CTRL)
    assert projector.point_size == start + 2
    qtbot.keyClick(projector, Qt.Key.Key_Minus, CTRL)
    qtbot.keyClick(projector, Qt.Key.Key_Minus, CTRL)
    assert projector.point_size == start - 2
    assert f"font-size:{(start - 2) * 1.1:.0f}pt" in projector.issue.styleSheet()
    for _ in range(40):
        qtbot.keyClick(projector, Qt.Key.Key_Minus, CTRL)
    assert projector.point_size == 10.0  # still readable from the back


def test_type_size_follows_the_screen_and_the_cards_shown(qtbot: QtBot, window: MainWindow) -> None:
    assert auto_point_size(1080, 5) > auto_point_size(768, 5)  # a larger screen
    assert auto_point_size(1080, 5) > auto_point_size(1080, 40)  # fewer cards
    assert auto_point_size(1080, 12) > DEFAULT_POINT_SIZE  # 1080p: larger than before
    projector = _projector(window)
    projector.toggle_full_screen()
    qtbot.waitUntil(lambda: not projector.isFullScreen())
    projector.resize(900, 500)
    qtbot.waitUntil(lambda: projector.height() == 500)
    small = projector.point_size
    projector.resize(900, 1000)
    qtbot.waitUntil(lambda: projector.height() == 1000)
    assert projector.point_size > small
    assert f"font-size:{projector.point_size * 1.1:.0f}pt" in projector.issue.styleSheet()


def test_one_screen_opens_full_screen_on_top(qtbot: QtBot, window: MainWindow) -> None:
    projector = _projector(window)
    assert projector.isFullScreen() and not projector.on_own_screen
    assert projector.geometry() == window.screen().geometry()
    assert window.board_page.projector_button.text() == "Hide projector (F9)"


def test_escape_f9_and_f11_and_the_button(qtbot: QtBot, window: MainWindow) -> None:
    """Esc leaves the projector for the main window; F9 or the board's button brings it
    back; F11 switches between full screen and a window."""
    projector, button = _projector(window), window.board_page.projector_button
    projector.activateWindow()
    qtbot.waitUntil(projector.isActiveWindow)
    qtbot.keyClick(projector, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not projector.isFullScreen())
    assert projector.isVisible()
    qtbot.keyClick(projector, Qt.Key.Key_F11)
    qtbot.waitUntil(projector.isFullScreen)
    qtbot.keyClick(projector, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not projector.isVisible())
    qtbot.waitUntil(window.isActiveWindow)
    assert button.text() == "Show on projector (F9)"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(projector.isVisible)
    assert projector.isFullScreen() and button.text() == "Hide projector (F9)"
    projector.activateWindow()
    qtbot.waitUntil(projector.isActiveWindow)
    qtbot.keyClick(projector, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not projector.isVisible())
    _activate(qtbot, window)
    qtbot.keyClick(window.board_page.entry, Qt.Key.Key_F9)
    qtbot.waitUntil(projector.isVisible)


# --- the countdown ---------------------------------------------------------------------------


def test_countdown_buttons_drive_the_projector_timer(qtbot: QtBot, window: MainWindow) -> None:
    page, projector, countdown = window.board_page, _projector(window), window.board.countdown
    assert projector.timer.text() == page.timer_label.text() == "10:00"
    page.minutes.setFocus()
    page.minutes.selectAll()
    type_text(page.minutes, "0.5")  # half a minute: the shortest the box takes
    assert page.minutes.value() == 0.5
    assert projector.timer.text() == page.timer_label.text() == "00:30"
    assert "#b3261e" in projector.timer.styleSheet()  # under a minute: red

    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert _running(countdown) and page.start_button.text() == "Pause"
    qtbot.waitUntil(lambda: projector.timer.text() == "00:29", timeout=2000)
    assert page.timer_label.text() == projector.timer.text()

    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)  # pause
    assert not _running(countdown) and page.start_button.text() == "Start"
    paused = projector.timer.text()
    left = countdown.remaining()
    qtbot.wait(400)
    assert projector.timer.text() == paused and countdown.remaining() == left

    reset = page.findChild(QPushButton, "timerReset")
    assert reset is not None
    qtbot.mouseClick(reset, Qt.MouseButton.LeftButton)
    assert projector.timer.text() == page.timer_label.text() == "00:30"
    assert not _running(countdown)


def test_countdown_runs_out_and_stops(qtbot: QtBot, window: MainWindow) -> None:
    page, projector, countdown = window.board_page, _projector(window), window.board.countdown
    countdown.set_minutes(0.01)  # 0.6 s
    assert projector.timer.text() == "00:01"
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not _running(countdown), timeout=2000)
    assert projector.timer.text() == page.timer_label.text() == "00:00"
    assert countdown.remaining() == 0
    assert page.start_button.text() == "Start"
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)  # nothing left to run
    assert not _running(countdown)
    countdown.reset()
    assert projector.timer.text() == "00:01"


def test_countdown_alone(qtbot: QtBot) -> None:
    countdown = Countdown()
    assert countdown.text() == "10:00" and not _running(countdown)
    with qtbot.waitSignal(countdown.changed):
        countdown.set_minutes(2.5)
    assert countdown.text() == "02:30"
    countdown.start()
    with qtbot.waitSignal(countdown.changed, timeout=1000):  # ticks while running
        pass
    countdown.pause()
    left = countdown.remaining()
    assert 149 < left < 150
    countdown.pause()  # twice: no change
    assert countdown.remaining() == left
    countdown.start()
    countdown.set_minutes(1)  # a new time stops and resets
    assert not _running(countdown) and countdown.text() == "01:00"
    countdown.set_minutes(-5)
    assert countdown.text() == "00:00"
    countdown.start()
    assert not _running(countdown)


def test_board_and_projector_without_issues(qtbot: QtBot, context: WorkshopContext) -> None:
    """A new workshop whose issues were all removed: empty board and projector, and Enter
    says to add an issue first."""

    def create(session: Session) -> str:
        workshop_id = workshops.create_workshop(session, "งานใหม่")
        for issue in workshops.list_issues(session, workshop_id):
            workshops.delete_numbered(session, StrategicIssue, issue.id)
        return workshop_id

    workshop_id = context.run(create, Changes.NONE)
    assert isinstance(workshop_id, str)
    empty = WorkshopContext(context.database, workshop_id, "en")
    board = BoardData(empty)
    page = BoardPage(empty, board)
    projector = ProjectorWindow(board, page.breaker, "en")
    for widget in (page, projector):
        qtbot.addWidget(widget)
        widget.show()
        qtbot.waitExposed(widget)
    assert board.models == [] and page.columns == []
    assert projector.single_view.cards() is None
    assert projector.issue.text() == "All strategic issues"
    assert projector.count.text() == "0 card(s)"
    assert projector.all_views == []
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    type_text(page.entry, NEW_IDEA)
    qtbot.keyClick(page.entry, Qt.Key.Key_Return)
    assert page.banner.property("kind") == "error"
    assert "strategic issue" in page.banner.text()
    qtbot.keyClick(page.entry, Qt.Key.Key_PageDown, CTRL)  # nowhere to go, no error
    assert board.current == 0
    assert empty.read(lambda s: ideas.list_ideas(s, workshop_id)) == []


LONG_ISSUE = (
    "การพัฒนาเศรษฐกิจฐานรากและการยกระดับรายได้ของเกษตรกรชาวสวนยางพาราและปาล์มน้ำมัน"
    "ในพื้นที่ลุ่มน้ำปากพนังอย่างยั่งยืนด้วยนวัตกรรมและเทคโนโลยีการเกษตรสมัยใหม่"
)


def _heading_fits(projector: ProjectorWindow) -> bool:
    """The issue heading is as high as its lines (no more, no less), above the cards."""
    issue = projector.issue
    return (
        issue.height() == issue.heightForWidth(issue.width())
        and issue.geometry().bottom() < projector.stack.geometry().top()
    )


def test_long_issue_heading_takes_the_height_of_its_lines(
    qtbot: QtBot,
    window: MainWindow,
    context: WorkshopContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A heading laid out before the Thai dictionary had loaded (lines at spaces only)
    is laid out again when it loads, and takes the height of its new lines: it kept the
    old height, and with more lines than before ran into the cards."""
    projector = _projector(window)
    issue = window.board.models[0].issue
    monkeypatch.setattr(thai_layout, "dictionary_loaded", lambda: False)
    context.run(lambda s: workshops.update_issue(s, issue.id, title=LONG_ISSUE), Changes.ISSUES)
    qtbot.waitUntil(lambda: _heading_fits(projector))
    before = len(projector.issue.shown_lines())
    monkeypatch.undo()  # the dictionary has loaded: the board page says so
    window.board_page.relayout_cards.emit()
    assert len(projector.issue.shown_lines()) != before  # broken between words now
    qtbot.waitUntil(lambda: _heading_fits(projector))
    assert projector.issue.text().endswith(LONG_ISSUE)
