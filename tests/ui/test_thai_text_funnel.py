"""Text Qt wraps by itself — tooltips, table and list cells, message boxes — is shown
with zero-width spaces between Thai words (thai_layout.ThaiTextFunnel), so it breaks
between words without libthai; what the widgets and models hold stays as typed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QFontMetricsF, QHelpEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMessageBox,
    QPushButton,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QToolTip,
)
from pytestqt.qtbot import QtBot

from workshop_app.thai.linebreak import ZERO_WIDTH_SPACE, without_break_marks
from workshop_app.thai.segment import dictionary
from workshop_app.ui.thai_layout import (
    ThaiItemDelegate,
    ThaiLabel,
    ThaiTextFunnel,
    install_text_funnel,
)

# The offscreen platform cannot raise the tooltip window.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise", extend=True)

TEXT = "สำนักงานโยธาธิการและผังเมืองจังหวัดสงขลาตรวจถนนในอำเภอจะนะและอำเภอสะบ้าย้อย"


@pytest.fixture
def funnel(qapp: QApplication) -> Iterator[ThaiTextFunnel]:
    dictionary()  # loaded, as it is a second after the app starts
    installed = install_text_funnel(qapp)
    yield installed
    qapp.removeEventFilter(installed)
    installed.deleteLater()


def test_a_tooltip_shows_word_breaks_and_the_widget_keeps_its_text(
    qtbot: QtBot, funnel: ThaiTextFunnel
) -> None:
    button = QPushButton("ตรวจ")
    button.setToolTip(TEXT)
    qtbot.addWidget(button)
    button.show()
    qtbot.waitExposed(button)
    event = QHelpEvent(QEvent.Type.ToolTip, QPoint(2, 2), button.mapToGlobal(QPoint(2, 2)))
    QApplication.sendEvent(button, event)
    assert ZERO_WIDTH_SPACE in QToolTip.text()
    assert without_break_marks(QToolTip.text()) == TEXT
    assert button.toolTip() == TEXT
    QToolTip.hideText()


def test_table_cells_show_word_breaks_and_hold_the_typed_text(
    qtbot: QtBot, funnel: ThaiTextFunnel
) -> None:
    table = QTableWidget(1, 1)
    table.setWordWrap(True)
    table.setItem(0, 0, QTableWidgetItem(TEXT))
    qtbot.addWidget(table)
    table.show()
    qtbot.waitExposed(table)
    delegate = table.itemDelegate()
    assert isinstance(delegate, ThaiItemDelegate)
    option = QStyleOptionViewItem()
    option.features = QStyleOptionViewItem.ViewItemFeature.WrapText  # as a wrapping view
    delegate.initStyleOption(option, table.model().index(0, 0))
    assert ZERO_WIDTH_SPACE in option.text
    one_line = QStyleOptionViewItem()  # a view that does not wrap elides: no marks needed
    delegate.initStyleOption(one_line, table.model().index(0, 0))
    assert one_line.text == TEXT
    item = table.item(0, 0)
    assert item is not None and item.text() == TEXT
    assert table.model().index(0, 0).data(Qt.ItemDataRole.DisplayRole) == TEXT


def test_a_message_box_breaks_its_thai_between_words_and_keeps_its_text(
    qtbot: QtBot, funnel: ThaiTextFunnel
) -> None:
    message = (
        "นำเข้าไม่ได้เพราะแฟ้มรายชื่อจากสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดสงขลา"
        "ไม่มีคอลัมน์ตำแหน่งและหน่วยงานของผู้เข้าร่วมประชุมที่อำเภอจะนะ"
    )
    box = QMessageBox(QMessageBox.Icon.Warning, "ทำไม่ได้", message)
    box.setInformativeText("ตรวจแฟ้มที่องค์การบริหารส่วนจังหวัดส่งมาแล้วลองใหม่")
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    shown = box.findChild(ThaiLabel, "qt_msgbox_label_thai")
    assert shown is not None and shown.isVisible()
    # Laid out by the app's segmenter, not by Qt (which without libthai cannot wrap
    # Thai at all and widened the box to the whole sentence).
    lines = shown.shown_lines()
    assert len(lines) > 1 and "".join(lines) == message
    assert box.width() < QFontMetricsF(shown.font()).horizontalAdvance(message) / 2
    informative = box.findChild(ThaiLabel, "qt_msgbox_informativelabel_thai")
    assert informative is not None and informative.isVisible()
    # What callers read, and what Ctrl+C copies, is the text as given.
    assert box.text() == message and ZERO_WIDTH_SPACE not in shown.text()
    hidden = box.findChild(QLabel, "qt_msgbox_label")  # what Ctrl+C copies on Windows
    assert hidden is not None and hidden.text() == message and not hidden.isVisible()
    box.hide()
    box.setText("บันทึกแล้ว")
    box.show()
    assert shown.text() == "บันทึกแล้ว"


def test_a_rich_text_message_box_keeps_qt_s_own_label(qtbot: QtBot, funnel: ThaiTextFunnel) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, "เกี่ยวกับ", "<b>ระบบประชุม</b> รุ่นใหม่")
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    assert box.findChild(ThaiLabel, "qt_msgbox_label_thai") is None
    label = box.findChild(QLabel, "qt_msgbox_label")
    assert label is not None and label.isVisible()
