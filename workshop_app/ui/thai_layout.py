"""Thai text laid out for Qt with the app's own line breaks, the same on every platform.

Qt finds Thai word breaks only through libthai: Linux desktops have it, Windows and
macOS do not, and where it is present it breaks where its dictionary says, inside names
the app's segmenter keeps whole ("เทศบาลนครหาด|ใหญ่"). So:

* cards, column headers and the projector's headings are laid out here, line by line,
  with ``thai.linebreak.fill_lines`` and Qt's font metrics; Qt only draws the lines and
  never wraps them (``ThaiLabel``, ``Breaker.lines``);
* other text that Qt wraps (tooltips, table and list cells) goes through
  ``display_text`` (``ThaiTextFunnel``, on the application): zero-width spaces between
  words, so that even without libthai a line can break between Thai words and no
  minimum width is that of a whole sentence.

Nothing here changes stored text; the marks exist only in what Qt is given to show.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6 import QtGui
from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QFont, QFontMetricsF, QHelpEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QGridLayout,
    QLabel,
    QMessageBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

from workshop_app.thai.linebreak import (
    break_pieces,
    cut_clusters,
    display_text,
    fill_lines,
    split_compound,
)
from workshop_app.thai.segment import dictionary_loaded, start_loading
from workshop_app.ui.context import spare_the_collector

# Lines are filled a little short of the room: a line's width measured piece by piece
# can differ from the whole line's by a fraction of a pixel.
_SLACK = 1.0
_CACHE_LIMIT = 20_000
AnyIndex = QModelIndex | QPersistentModelIndex
# A label's minimum width is its widest word, up to this (a long web address may go
# over two lines instead of widening the window).
_WIDEST_MINIMUM = 240
_RUNS = re.compile(r"\S+\s*|\s+")


class Measure:
    """Widths of text pieces in one font, remembered (a card's words recur)."""

    def __init__(self, font: QFont) -> None:
        self.key = font.key()
        self.metrics = QFontMetricsF(font)
        self._widths: dict[str, float] = {}

    def __call__(self, text: str) -> float:
        width = self._widths.get(text)
        if width is None:
            if len(self._widths) > _CACHE_LIMIT:
                self._widths.clear()
            width = self._widths[text] = self.metrics.horizontalAdvance(text)
        return width


_measures: dict[str, Measure] = {}


def measure_for(font: QFont) -> Measure:
    key = font.key()
    found = _measures.get(key)
    if found is None:
        found = _measures[key] = Measure(font)
    return found


def wrap_lines(
    text: str, measure: Callable[[str], float], width: float, extra_words: tuple[str, ...] = ()
) -> list[str]:
    """``text`` in lines at most ``width`` wide, broken only between the segmenter's
    words; a word wider than a line goes by the words of its compound, else by whole
    character clusters (never a mark without its letter)."""
    room = max(1.0, width - _SLACK)
    if "\n" not in text and measure(text) <= room:
        return [text]  # one line: no need to find the words (most short cards)
    if not dictionary_loaded():  # the first second after start: lines at spaces only
        return _wrap_at_spaces(text, measure, room)
    return [
        line.text
        for line in fill_lines(
            text,
            measure,
            lambda _n: room,
            extra_words,
            cut=lambda word, fits: cut_clusters(word, fits, measure),
        )
    ]


def _wrap_at_spaces(text: str, measure: Callable[[str], float], room: float) -> list[str]:
    """Greedy lines broken at white space, and a run wider than a line between its
    character clusters (no dictionary needed)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        runs = _RUNS.findall(paragraph)
        while runs:
            run = runs.pop(0)
            if measure(run.rstrip()) > room and len(parts := cut_clusters(run, room, measure)) > 1:
                runs[:0] = parts
                continue
            if line.strip() and measure((line + run).rstrip()) > room:
                lines.append(line.rstrip())
                line = ""
            line += run
        lines.append(line.rstrip())
    return lines


class Breaker:
    """The line breaks of one workshop's text (its glossary and province are words),
    remembered per text and width."""

    def __init__(self, words: Callable[[], tuple[str, ...]] = tuple) -> None:
        self._words = words  # the workshop's own words (glossary, province)
        self._lines: dict[tuple[str, str, int], tuple[str, ...]] = {}
        self.generation = 0  # counts forget(): users' own caches of lines follow it

    def forget(self) -> None:
        """Drop remembered layouts (the glossary changed, or the dictionary loaded)."""
        self._lines.clear()
        self.generation += 1

    def words(self) -> tuple[str, ...]:
        return self._words() if dictionary_loaded() else ()

    def breakable(self, text: str) -> str:
        """``text`` with zero-width spaces between words, for text Qt wraps itself."""
        return display_text(text, self.words())

    def lines(self, text: str, measure: Measure, width: int) -> tuple[str, ...]:
        """``text`` laid out in lines of at most ``width`` pixels by ``measure`` (a
        font's, from ``measure_for``)."""
        key = (text, measure.key, width)
        found = self._lines.get(key)
        if found is None:
            found = tuple(wrap_lines(text, measure, width, self.words()))
            if len(self._lines) > _CACHE_LIMIT:
                self._lines.clear()
            self._lines[key] = found
        return found


class ThaiLabel(QLabel):
    """A word-wrapped plain-text label whose lines break where the app's segmenter says
    (``wrap_lines``), with or without libthai; its minimum width is that of its widest
    word, never of a whole Thai sentence."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)  # tells layouts the height depends on the width
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._laid: dict[tuple[int, str], tuple[str, ...]] = {}  # (room, font): lines
        self._widest: dict[str, int] = {}  # font: the widest word's width
        self.setText(text)

    def setText(self, text: str) -> None:  # QLabel's name, on purpose
        if text != self.text():
            self._laid.clear()
            self._widest.clear()
            super().setText(text)

    def clear(self) -> None:  # QLabel.clear would bypass setText and leave old lines
        self.setText("")

    def relayout(self) -> None:
        """Lay the text out again (the dictionary has loaded)."""
        self._laid.clear()
        self._widest.clear()
        self.updateGeometry()
        self.update()

    def shown_lines(self, width: int | None = None) -> tuple[str, ...]:
        """The lines as drawn at ``width`` (the label's own by default)."""
        room = self._room(self.width()) if width is None else width
        key = (room, f"{self.font().key()} {dictionary_loaded()}")
        lines = self._laid.get(key)
        if lines is None:
            if len(self._laid) > 16:  # sizes asked while a layout settles
                self._laid.clear()
            measure = measure_for(self.font())
            lines = self._laid[key] = tuple(wrap_lines(self.text(), measure, room))
        return lines

    def _room(self, width: int) -> int:
        margins = self.contentsMargins()
        return max(1, width - margins.left() - margins.right() - 2 * self.margin())

    def _extra_height(self) -> int:
        margins = self.contentsMargins()
        return margins.top() + margins.bottom() + 2 * self.margin()

    def _widest_word(self) -> int:
        """The widest piece a line can hold: a word, or a part of a compound (asked on
        every layout pass: remembered)."""
        key = f"{self.font().key()} {dictionary_loaded()}"
        found = self._widest.get(key)
        if found is None:
            found = self._widest[key] = self._measure_widest_word()
        return found

    def _measure_widest_word(self) -> int:
        measure = measure_for(self.font())
        if dictionary_loaded():
            pieces = [piece.strip() for piece in break_pieces(self.text().replace("\n", " "))]
            words = [part for piece in pieces if piece for part in split_compound(piece)]
        else:
            words = self.text().split()
        return int(max((measure(w) for w in words), default=0.0)) + 2

    def heightForWidth(self, width: int) -> int:
        lines = len(self.shown_lines(self._room(width))) if self.text() else 0
        spacing = measure_for(self.font()).metrics.lineSpacing()
        return int(lines * spacing + 0.999) + self._extra_height()

    def sizeHint(self) -> QSize:
        """As QLabel sizes wrapped text: about 80 characters wide, narrower for a short
        text (half as wide under four lines, a quarter under two)."""
        extra = self.width() - self._room(self.width())
        measure = measure_for(self.font())
        width = int(80 * measure.metrics.averageCharWidth())
        for lines_under, share in ((4, 2), (2, 4)):
            lines = self.shown_lines(width)
            widest = max((measure(line) for line in lines), default=0.0)
            if len(lines) < lines_under and widest > width / share:
                width = max(self._widest_word(), width // share)
        lines = self.shown_lines(width)
        widest = int(max((measure(line) for line in lines), default=0.0)) + 2
        return QSize(widest + extra, self.heightForWidth(widest + extra))

    def minimumSizeHint(self) -> QSize:
        extra = self.width() - self._room(self.width())
        width = min(self._widest_word(), _WIDEST_MINIMUM) + extra
        return QSize(width, self.heightForWidth(max(self.width(), width)))

    def paintEvent(self, event: QPaintEvent) -> None:
        QFrame.paintEvent(self, event)  # background and frame from the style sheet
        painter = QPainter(self)
        painter.setFont(self.font())
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        area = self.contentsRect().adjusted(
            self.margin(), self.margin(), -self.margin(), -self.margin()
        )
        spacing = measure_for(self.font()).metrics.lineSpacing()
        top = float(area.top())
        horizontal = self.alignment() & Qt.AlignmentFlag.AlignHorizontal_Mask
        for line in self.shown_lines():
            rect = QRect(area.left(), int(top), area.width(), int(spacing + 1))
            painter.drawText(rect, int(horizontal | Qt.AlignmentFlag.AlignTop), line)
            top += spacing


class ThaiItemDelegate(QStyledItemDelegate):
    """The standard delegate, showing cell text with zero-width spaces between Thai words
    (``display_text``): a wrapped cell breaks between words, and only in what it shows;
    editing and the model's data are untouched."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        super().initStyleOption(option, index)
        # Only where the view wraps (setWordWrap): a one-line cell is elided anyway.
        if option.text and option.features & QStyleOptionViewItem.ViewItemFeature.WrapText:
            option.text = display_text(option.text)


class ThaiTextFunnel(QObject):
    """Installed on the application once: the places where Qt shows text the app does not
    lay out itself get their Thai word breaks here.

    * tooltips (of widgets and of item views' cells) are shown with ``display_text``;
    * an item view with the standard delegate gets ``ThaiItemDelegate``;
    * a message box shows its plain text in a ``ThaiLabel`` put in place of Qt's own
      label (``show_in_thai_label``), so ``text()`` stays as given.
    Labels are not touched: their ``text()`` is what they show, and it must stay as
    given (the app's wrapping labels are ``ThaiLabel``).
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            return self._tooltip(watched, event)
        if kind == QEvent.Type.Show and isinstance(watched, QMessageBox):
            for name in MESSAGE_BOX_LABELS:
                show_in_thai_label(watched, name)
        if (
            kind == QEvent.Type.Polish
            and isinstance(watched, QAbstractItemView)
            and type(watched.itemDelegate()) is QStyledItemDelegate
        ):
            watched.setItemDelegate(ThaiItemDelegate(watched))
        return False

    @staticmethod
    def _tooltip(watched: QObject, event: QHelpEvent) -> bool:
        if not isinstance(watched, QWidget):
            return False
        view = watched.parent()
        if isinstance(view, QAbstractItemView) and watched is view.viewport():
            index = view.indexAt(event.pos())
            tip = index.data(Qt.ItemDataRole.ToolTipRole) if index.isValid() else None
            area = view.visualRect(index)
        else:
            tip, area = watched.toolTip(), watched.rect()
        if not isinstance(tip, str) or not tip or tip.lstrip().startswith("<"):
            return False  # Qt shows it as usual
        QToolTip.showText(event.globalPos(), display_text(tip), watched, area)
        return True


# Qt's own labels in a QMessageBox: the text, and the informative text under it.
MESSAGE_BOX_LABELS = ("qt_msgbox_label", "qt_msgbox_informativelabel")
# A message box's text label is at least this wide (or as wide as its text on one
# line): Qt sizes the box by its layout's minimum, which for a ThaiLabel is one word.
_MESSAGE_WIDTH = 400


def show_in_thai_label(box: QMessageBox, name: str) -> None:
    """Show the plain text of ``box``'s label ``name`` in a ThaiLabel in its place.

    Qt's label stays in the box, hidden, holding the text: ``QMessageBox.text()`` and
    Ctrl+C read it, as given. Done on every show, so a box shown again after its
    ``setText`` shows the new text."""
    original = box.findChild(QLabel, name)
    layout = box.layout()
    if original is None or not isinstance(layout, QGridLayout):
        return
    text = original.text()
    replacement = box.findChild(ThaiLabel, f"{name}_thai")
    rich = original.textFormat() == Qt.TextFormat.RichText or (
        original.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
    )
    if rich or not text:
        if replacement is not None:
            replacement.hide()
            original.setVisible(bool(text))
        return
    if replacement is None:
        replacement = ThaiLabel(parent=box)
        replacement.setObjectName(f"{name}_thai")
        replacement.setFont(original.font())
        replacement.setAlignment(original.alignment())
        replacement.setContentsMargins(original.contentsMargins())
        position: tuple[int, int, int, int] = layout.getItemPosition(  # type: ignore[assignment]
            layout.indexOf(original)
        )
        layout.addWidget(replacement, *position)
    replacement.setText(text)
    replacement.setMinimumWidth(min(replacement.sizeHint().width(), _MESSAGE_WIDTH))
    original.hide()
    replacement.show()


def install_text_funnel(app: QApplication) -> ThaiTextFunnel:
    funnel = ThaiTextFunnel(app)
    app.installEventFilter(funnel)
    return funnel


class DictionaryLoader(QObject):
    """Starts loading the Thai dictionary once the event loop runs (after the first window
    is built) and, when it is loaded, lays every ``ThaiLabel`` out again with word breaks.

    Loading it while the first window was being built made that half a second slower:
    the loading thread and the GUI thread share one interpreter lock. Until it is loaded,
    text breaks at spaces only (``wrap_lines``); the board page follows it on its own."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._poll = QTimer(self)
        self._poll.setInterval(100)
        self._poll.timeout.connect(self._check)
        QTimer.singleShot(0, self._start)

    def _start(self) -> None:
        if dictionary_loaded():
            return
        start_loading()
        self._poll.start()

    def _check(self) -> None:
        if dictionary_loaded():
            self._poll.stop()
            for widget in QApplication.allWidgets():
                if isinstance(widget, ThaiLabel):
                    widget.relayout()
            spare_the_collector()  # the dictionary and the first window stay
