"""What every window shares (ui/app_filter.py): the wheel over a dropdown or number box
that has not got the focus changes nothing; a dialog never opens larger than the screen."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QSpinBox, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from workshop_app.services import projects
from workshop_app.ui.app_filter import install_app_behaviour
from workshop_app.ui.context import WorkshopContext
from workshop_app.ui.pages.action_plan_page import ActionPlanPage


def _wheel(widget: QWidget, steps: int) -> None:
    """Turn the wheel over the middle of the widget (negative: towards the user)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def _value(box: QComboBox | QSpinBox) -> int:
    return box.currentIndex() if isinstance(box, QComboBox) else box.value()


def test_wheel_over_an_unfocused_dropdown_of_the_project_brief_changes_nothing(
    qtbot: QtBot, context: WorkshopContext
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_app_behaviour(app)
    page = ActionPlanPage(context)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    qtbot.waitExposed(page)
    before = context.read(lambda s: projects.list_projects(s, context.workshop_id))[0]
    boxes: list[QComboBox | QSpinBox] = [
        page.form.issue,
        page.form.priority,
        *page.form.choices.values(),
    ]
    shown = [(box, _value(box)) for box in boxes]
    page.form.lines["name"].setFocus()
    for box, _before in shown:
        _wheel(box, -1)
        _wheel(box, 1)
        _wheel(box, -1)
    for box, value in shown:
        assert _value(box) == value, box
    after = context.read(lambda s: projects.list_projects(s, context.workshop_id))[0]
    assert after.draft == before.draft
    assert context.undo_stack.count() == 0


def test_wheel_still_works_on_the_box_with_the_focus(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_app_behaviour(app)
    holder = QWidget()
    qtbot.addWidget(holder)
    spin = QSpinBox()
    spin.setRange(0, 10)
    spin.setValue(5)
    QVBoxLayout(holder).addWidget(spin)
    holder.show()
    holder.activateWindow()
    qtbot.waitUntil(holder.isActiveWindow)
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    _wheel(spin, 1)
    assert spin.value() == 6


def test_a_dialog_opens_within_the_screen(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_app_behaviour(app)
    dialog = QDialog()
    qtbot.addWidget(dialog)
    free = dialog.screen().availableGeometry()
    dialog.resize(free.width() + 300, free.height() + 200)
    dialog.move(free.right() - 50, free.bottom() - 50)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert free.contains(dialog.frameGeometry())
