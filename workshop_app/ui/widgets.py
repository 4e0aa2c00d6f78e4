"""Small widgets: Thai date entry, a message banner, a self-saving text field, the
progress box of a background operation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QResizeEvent, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLineEdit,
    QPlainTextEdit,
    QProgressDialog,
    QSizePolicy,
    QTableWidget,
    QWidget,
)

from workshop_app.thai.dates import format_thai_date, parse_thai_date
from workshop_app.thai.linebreak import wrap
from workshop_app.ui.context import BackgroundOperation
from workshop_app.ui.thai_layout import ThaiLabel


class ThaiDateEdit(QLineEdit):
    """A date typed the Thai way ("25/5/2569", "25 พ.ค. 69") and shown in full B.E. form.

    Qt has no Buddhist calendar, so QDateEdit would show C.E. years.
    """

    date_edited = Signal(object)  # dt.date | None, emitted when a valid entry is finished
    invalid_entry = Signal(str)  # the text that could not be read

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._date: dt.date | None = None
        self.setPlaceholderText(self.tr("e.g. 25/5/2569"))
        self.editingFinished.connect(self._finish)

    def date(self) -> dt.date | None:
        return self._date

    def set_date(self, value: dt.date | None) -> None:
        self._date = value
        self.setText(format_thai_date(value) if value else "")

    def _finish(self) -> None:
        try:
            value = parse_thai_date(self.text())
        except ValueError:
            self.invalid_entry.emit(self.text())
            self.set_date(self._date)
            return
        changed = value != self._date
        self.set_date(value)
        if changed:
            self.date_edited.emit(value)


class Banner(ThaiLabel):
    """A coloured message: the door staff see at a glance what happened. Its lines break
    between Thai words on every platform (ThaiLabel)."""

    STYLES: ClassVar[dict[str, str]] = {
        "ok": "background:#e3f4e8; color:#14532d; border:1px solid #86c79b;",
        "warn": "background:#fff4d6; color:#6b4500; border:1px solid #e0b54a;",
        "error": "background:#fde2e1; color:#7f1d1d; border:1px solid #e08a86;",
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self._undo_stack: QUndoStack | None = None
        self._done_at: int | None = None  # the undo stack's index after the action shown
        self.clear_message()

    def show_done(self, text: str, stack: QUndoStack, kind: str = "ok") -> None:
        """A message about the action just pushed on ``stack``: it goes away when that
        action is undone (a green "registered" banner must not outlive its undo)."""
        if self._undo_stack is not stack:
            self._undo_stack = stack
            stack.indexChanged.connect(self._undo_index_changed)
        self.show_message(text, kind)
        self._done_at = stack.index()

    def _undo_index_changed(self, index: int) -> None:
        if self._done_at is not None and index < self._done_at:
            self.clear_message()

    def show_message(self, text: str, kind: str = "ok") -> None:
        self._done_at = None
        self.setText(text)
        self.setStyleSheet(f"QLabel {{ {self.STYLES[kind]} padding:8px; font-size:13pt; }}")
        self.setProperty("kind", kind)
        self.setVisible(True)

    def clear_message(self) -> None:
        self._done_at = None
        self.setText("")
        self.setProperty("kind", "")
        self.setVisible(False)


class SteadyLabel(QWidget):
    """One line of plain text whose changes do not lay the window out again.

    A QLabel asks its layout to recompute on every setText; for a count that changes on
    each filter keystroke that re-measured the whole board page (the word-wrapped column
    headers most of all). This widget only repaints; its width is set for ``widest``.
    """

    def __init__(self, widest: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._widest = widest
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:  # the QLabel name, on purpose
        if text != self._text:
            self._text = text
            self.setToolTip(text)
            self.update()

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance(self._widest) + 8, metrics.height() + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.sizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        shown = self.fontMetrics().elidedText(
            self._text, Qt.TextElideMode.ElideRight, self.width() - 4
        )
        painter.drawText(
            self.rect().adjusted(4, 0, 0, 0),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            shown,
        )


def set_header_labels(table: QTableWidget, labels: list[str]) -> None:
    """Give ``table`` these column headers, touching it only if they differ.

    Setting headers re-lays out the whole header; pages that refresh after every vote
    would otherwise pay for that each time.
    """
    current = [
        item.text() if (item := table.horizontalHeaderItem(column)) is not None else ""
        for column in range(table.columnCount())
    ]
    if current != labels:
        table.setColumnCount(len(labels))
        table.setHorizontalHeaderLabels(labels)


def wrapped_header(table: QTableWidget, text: str, width: int) -> str:
    """``text`` on as many lines as it needs to fit ``width`` pixels in the table's
    header, broken between Thai words (Qt breaks header text only at spaces)."""
    metrics = table.horizontalHeader().fontMetrics()
    return "\n".join(wrap(text, metrics.horizontalAdvance, width))


# Text is saved this long after the typing stops, and when the field loses the focus.
SAVE_DELAY_MS = 800


class AutosaveTextEdit(QPlainTextEdit):
    """A multi-line field that saves itself shortly after each change, so a long record
    typed into it is never lost to a crash or a closed lid."""

    def __init__(self, on_save: Callable[[str], None]) -> None:
        super().__init__()
        self._on_save = on_save
        self._dirty = False  # typed but not saved yet
        self.setTabChangesFocus(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)
        self.textChanged.connect(self._changed)

    def load(self, text: str) -> None:
        """Show stored text (unsaved typing is saved first)."""
        self.save_now()
        if text != self.toPlainText():
            self.blockSignals(True)
            self.setPlainText(text)
            self.blockSignals(False)

    def _changed(self) -> None:
        self._dirty = True
        self._timer.start()

    def save_now(self) -> None:
        self._timer.stop()
        if self._dirty:
            self._dirty = False
            self._on_save(self.toPlainText())

    def focusOutEvent(self, event: Any) -> None:
        super().focusOutEvent(event)
        self.save_now()


def hidden_behind_another_page(page: QWidget) -> bool:
    """True when the page's window is on screen but another page is shown: the page can
    refresh when it is shown instead of on every change (each card typed on the board
    reloaded the hidden action-plan and voting pages, 1 s of the 1.2 s it took)."""
    return page.window().isVisible() and not page.isVisible()


def progress_box(
    parent: QWidget,
    operation: BackgroundOperation[Any],
    text: str,
    *,
    cancellable: bool = True,
    delay_ms: int = 400,
) -> QProgressDialog:
    """The box that follows a background operation: its progress and, when the work can
    stop safely, Cancel. Window-modal: no other edit starts meanwhile, while the window
    keeps repainting and its timers run. It shows only after ``delay_ms`` (quick work
    shows no box) and closes itself when the operation ends."""
    box = QProgressDialog(text, "", 0, 0, parent)
    box.setObjectName("operationProgress")
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setAutoReset(False)
    box.setAutoClose(False)
    # QProgressDialog's own delay counts only from a first value, and some work (a sync)
    # knows no total: the box shows itself after the delay while the work goes on.
    box.setMinimumDuration(24 * 3600 * 1000)
    QTimer.singleShot(delay_ms, box, lambda: box.show() if operation.running else None)
    if cancellable:
        box.setCancelButtonText(QCoreApplication.translate("ProgressBox", "Cancel"))
        box.canceled.connect(operation.cancel)
        box.canceled.connect(
            lambda: box.setLabelText(
                QCoreApplication.translate("ProgressBox", "Stopping at the next safe point…")
            )
        )
    else:
        box.setCancelButton(None)  # no button: it cannot stop

    def advance(done: int, total: int, _stage: str) -> None:
        box.setMaximum(max(total, 0))
        if total:
            box.setValue(min(done, total))

    operation.progressed.connect(advance)
    operation.ended.connect(box.close)
    operation.ended.connect(box.deleteLater)
    return box


def follow_export(
    parent: QWidget, operation: BackgroundOperation[Any], banner: Banner, path: Path
) -> QProgressDialog:
    """An export in the background: its progress box with Cancel, and how it ended on
    the page's banner (written, refused with the reason, or cancelled with no file)."""
    box = progress_box(
        parent,
        operation,
        QCoreApplication.translate("Export", "Writing {file}…").format(file=path.name),
    )
    operation.succeeded.connect(
        lambda _result: banner.show_message(
            QCoreApplication.translate("Export", "Wrote {path}").format(path=path), "ok"
        )
    )
    operation.failed.connect(lambda message: banner.show_message(message, "error"))
    operation.cancelled.connect(
        lambda: banner.show_message(
            QCoreApplication.translate("Export", "Export cancelled: no file was written."),
            "warn",
        )
    )
    return box


def narrow_combo(combo: QComboBox) -> None:
    """A dropdown as wide as about 12 characters (long names are elided, shown whole in
    the list): with the widths of the longest sector names the board did not fit a
    1366×768 laptop at 125 %."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(12)


class ButtonRows(QWidget):
    """Buttons in one row when the width allows, else two to a row. Four Thai buttons in
    one row need about 750 pixels: in a window 1,024 wide (1280×720 at 125 %) they made
    the registration page wider than the window."""

    def __init__(self, buttons: list[QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._buttons = buttons
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._per_row = 0
        self._arrange(len(buttons))

    def _spacing(self) -> int:
        return max(0, self._grid.horizontalSpacing())

    def _one_row_width(self) -> int:
        widths = [button.sizeHint().width() for button in self._buttons]
        return sum(widths) + self._spacing() * (len(widths) - 1)

    def minimumSizeHint(self) -> QSize:
        pairs = [self._buttons[i : i + 2] for i in range(0, len(self._buttons), 2)]
        width = max(sum(b.minimumSizeHint().width() for b in pair) for pair in pairs)
        return QSize(width + self._spacing(), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        per_row = len(self._buttons) if event.size().width() >= self._one_row_width() else 2
        if per_row != self._per_row:
            self._arrange(per_row)
        super().resizeEvent(event)

    def _arrange(self, per_row: int) -> None:
        for button in self._buttons:
            self._grid.removeWidget(button)
        for number, button in enumerate(self._buttons):
            self._grid.addWidget(button, number // per_row, number % per_row)
        self._per_row = per_row
        self.updateGeometry()
