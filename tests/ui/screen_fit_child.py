"""Child process of test_screen_fit.py: the real GUI on the X server named by DISPLAY.

Opens the given database's workshop in Thai the way the app starts, visits every page,
every dialog and the projector, and prints one line per problem: a window or dialog
larger than the screen or reaching past its edge, or an entry box outside the screen
(or, for the boxes people type into all day, not fully in view). Exit status 1 if any.

Usage: python screen_fit_child.py DATABASE
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRect, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from workshop_app.ui.app import GuiController, make_application
from workshop_app.ui.main_window import MainWindow

ENTRY_TYPES = (QLineEdit, QTextEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox)
# The boxes typed into all day: they must be wholly in view without scrolling.
MAIN_ENTRIES = ("registrationSearch", "ideaEntry")
DESK_PAGES = ("page ลงทะเบียน",)  # every button in view there, without scrolling
SETTLE_MS = 250

problems: list[str] = []


def settle(app: QApplication, ms: int = SETTLE_MS) -> None:
    """Let the window manager-less X server map and lay out what was just shown."""
    done: list[bool] = []
    QTimer.singleShot(ms, lambda: done.append(True))
    while not done:
        app.processEvents()


def describe(widget: QWidget) -> str:
    name = widget.objectName() or type(widget).__name__
    return f"{name} «{widget.windowTitle()}»" if widget.isWindow() else name


def check_window(window: QWidget, where: str, screen: QRect) -> None:
    frame = window.frameGeometry()
    if frame.width() > screen.width() or frame.height() > screen.height():
        problems.append(
            f"{where}: {describe(window)} is {frame.width()}×{frame.height()}, "
            f"larger than the screen {screen.width()}×{screen.height()}"
        )
    elif not screen.contains(frame):
        problems.append(f"{where}: {describe(window)} at {frame} reaches past the screen")
    hint = window.minimumSizeHint().expandedTo(window.minimumSize())
    if hint.width() > screen.width() or hint.height() > screen.height():
        problems.append(
            f"{where}: {describe(window)} cannot shrink below {hint.width()}×{hint.height()}"
        )
    at_the_desk = where in DESK_PAGES
    for button in window.findChildren(QAbstractButton):
        # A button the layout had no room for is cut off, or needs the page scrolled. At
        # the desk every button must be in view: at 1280×720 and 125 % the registration
        # buttons and the print buttons were below the fold, and the right column was
        # cut at the side. Elsewhere a button in a scrolled area (the board's side
        # panel, a long form) may be out of view until scrolled to.
        if not button.isVisible() or button.window() != window:
            continue
        if _inside(button, QAbstractItemView if at_the_desk else QAbstractScrollArea):
            continue
        if button.visibleRegion().boundingRect() != button.rect():
            problems.append(f"{where}: button {describe(button)} «{button.text()}» is cut off")
    for entry in window.findChildren(QWidget):
        if not isinstance(entry, ENTRY_TYPES) or not entry.isVisible() or entry.window() != window:
            continue
        if isinstance(entry.parentWidget(), ENTRY_TYPES):
            continue  # the line edit inside a spin box or an editable combo box
        visible = entry.visibleRegion().boundingRect()
        shown = QRect(entry.mapToGlobal(visible.topLeft()), visible.size())
        if entry.objectName() in MAIN_ENTRIES and visible != entry.rect():
            problems.append(f"{where}: {describe(entry)} is not wholly in view ({visible})")
        elif not visible.isEmpty() and not screen.contains(shown):
            problems.append(f"{where}: entry box {describe(entry)} at {shown} is off-screen")


def _inside(widget: QWidget, kind: type[QWidget]) -> bool:
    """Whether the widget is inside a widget of ``kind``."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, kind):
            return True
        parent = parent.parentWidget()
    return False


def check_all(app: QApplication, where: str) -> None:
    screen = app.primaryScreen().availableGeometry()
    for window in app.topLevelWidgets():
        if window.isVisible():
            check_window(window, where, screen)


def visit_dialog(app: QApplication, where: str, open_it: Callable[[], object]) -> None:
    """Open a dialog (modal loops included), check every window, then close what opened."""
    before = {w for w in app.topLevelWidgets() if w.isVisible()}
    seen: list[bool] = []

    def check_and_close() -> None:
        settle(app)
        opened = [w for w in app.topLevelWidgets() if w.isVisible() and w not in before]
        if not opened:
            problems.append(f"{where}: no window opened")
        check_all(app, where)
        seen.append(True)
        for window in opened:
            if isinstance(window, QDialog):
                window.reject()
            else:
                window.close()

    QTimer.singleShot(0, check_and_close)
    open_it()
    while not seen:
        app.processEvents()
    settle(app, 50)


def visit(window: MainWindow, app: QApplication) -> None:
    pages = [window.nav.item(i).text() for i in range(window.nav.count())]
    for index, name in enumerate(pages):
        window.show_page(index)
        settle(app)
        check_all(app, f"page {name}")

    registration = window.registration_page
    window.show_page(window.stack.indexOf(registration))
    visit_dialog(app, "walk-in form", registration.open_walk_in)
    registration.results.selectRow(0)
    visit_dialog(app, "attendee details", registration.edit_current)
    visit_dialog(app, "new workshop", window.new_workshop)
    visit_dialog(app, "open workshop", window.open_workshop)
    visit_dialog(app, "about", window.show_about)
    visit_dialog(app, "message box", lambda: window.show_error("ทดสอบข้อความ " * 40))
    # Thai with no space in it: without libthai, Qt's own label cannot wrap it at all.
    unbroken = "บันทึกรายงานการประชุมไม่ได้เพราะแฟ้มของสำนักงานจังหวัดถูกเปิดค้างไว้" * 4
    visit_dialog(app, "message box without spaces", lambda: window.show_error(unbroken))

    voting = window.voting_page
    window.show_page(window.stack.indexOf(voting))
    settle(app)
    visit_dialog(app, "new voting round", voting.new_round)
    visit_dialog(app, "ballot screen", voting.open_ballot_screen)

    plan = window.action_plan_page
    window.show_page(window.stack.indexOf(plan))
    settle(app)
    visit_dialog(app, "promote ideas", plan.promote)
    visit_dialog(app, "reference lists", plan.edit_lists)

    window.show_page(window.stack.indexOf(window.board_page))
    settle(app)
    visit_dialog(app, "projector", window.open_projector)


def main() -> int:
    app = make_application("th")
    controller = GuiController(app, "th")
    if not controller.open(Path(sys.argv[1]), None):
        print("the database did not open")
        return 2
    window = controller.window
    assert window is not None
    settle(app, 500)
    check_all(app, "start")
    visit(window, app)
    for problem in problems:
        print(problem, flush=True)
    screen = app.primaryScreen()
    print(f"checked on {screen.size().width()}×{screen.size().height()} (logical)", flush=True)
    # Qt loads libthai when it first breaks Thai text: by now, if it is there at all.
    loaded = "/libthai.so" in Path("/proc/self/maps").read_text()
    print(f"libthai loaded: {'yes' if loaded else 'no'}", flush=True)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
