"""How a brainstorm card is drawn, on the board and (larger) on the projector.

Qt breaks Thai lines only where libthai says (Windows has none: no breaks at all; Linux
has it: breaks inside names the app keeps whole). The card text is therefore laid out
in lines by the app itself (``thai_layout.Breaker.lines``: between the words of the
app's segmenter) and Qt only draws those lines. The stored text is never changed.
"""

from __future__ import annotations

import itertools
from collections import OrderedDict

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPen,
    QPixmap,
    QStaticText,
    QTransform,
)
from PySide6.QtWidgets import (
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from workshop_app.services.ideas import IdeaRow, kind_label
from workshop_app.ui.board_data import IDEA_ROLE
from workshop_app.ui.thai_layout import Breaker, measure_for

# Drawn cards kept (see CardDelegate.paint), for all card views together, in device
# pixels: about 32 MB, a projector screen of large cards and the board's columns at
# 125 % several times over.
PICTURE_PIXELS = 8_000_000
# What card views show between and around the cards (ui.card_view, the projector). A
# card's picture is filled with it, not left transparent, so that its rounded corners
# need no blending: an opaque copy took a quarter of the time of a transparent one.
BOARD_BACKGROUND = "#f4f1ea"


class Pictures:
    """Pictures by key, the least recently used dropped beyond ``most_pixels``."""

    def __init__(self, most_pixels: int) -> None:
        self.most_pixels = most_pixels
        self._pictures: OrderedDict[tuple[object, ...], QPixmap] = OrderedDict()
        self._pixels = 0

    def get(self, key: tuple[object, ...]) -> QPixmap | None:
        picture = self._pictures.get(key)
        if picture is not None:
            self._pictures.move_to_end(key)
        return picture

    def keep(self, key: tuple[object, ...], picture: QPixmap) -> None:
        self._pictures[key] = picture
        self._pixels += picture.width() * picture.height()
        while self._pixels > self.most_pixels and len(self._pictures) > 1:
            _key, old = self._pictures.popitem(last=False)
            self._pixels -= old.width() * old.height()


_PICTURES = Pictures(PICTURE_PIXELS)
_DELEGATE_SERIALS = itertools.count()  # not id(): a new delegate may reuse a gone one's


KIND_COLOURS = {
    "problem": "#b3261e",
    "strength": "#1b7f3b",
    "need": "#8a5a00",
    "proposal": "#1f5fa8",
    "project": "#6a3fa0",
    "other": "#555555",
}


class CardDelegate(QStyledItemDelegate):
    """A card: sector colour stripe, kind, the text, merged count, sector name."""

    def __init__(
        self,
        breaker: Breaker,
        point_size: float = 12.0,
        language: str = "th",
        parent: QWidget | None = None,
        details: bool = True,
        max_lines: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.breaker = breaker
        # Cards of at most ``max_lines`` lines, all of one height (the narrow overview
        # columns): the view then lays out thousands of cards without asking each one its
        # size, which keeps filtering and adding fast. The rest of the text is elided.
        self.max_lines = max_lines
        self.language = language
        self.details = details  # kind and sector lines (off on the compact columns)
        self.card_width: int | None = None  # fixed width (projector grid); else the view's
        self._generation = breaker.generation
        self._serial = next(_DELEGATE_SERIALS)
        self.set_point_size(point_size)

    def set_point_size(self, point_size: float) -> None:
        self.point_size = point_size
        self.text_font = QFont("Sarabun")
        self.text_font.setPointSizeF(point_size)
        self.small_font = QFont("Sarabun")
        self.small_font.setPointSizeF(max(7.0, point_size * 0.7))
        self.margin = max(4, round(point_size * 0.6))
        self._metrics = QFontMetrics(self.text_font)
        self._small_metrics = QFontMetrics(self.small_font)
        self._measure = measure_for(self.text_font)
        self._heights: dict[tuple[str, int], int] = {}
        self._sizes: dict[tuple[str, int], QSize] = {}  # card size by text and card width
        self._elisions: dict[tuple[str, int], tuple[str, int]] = {}

    @staticmethod
    def _row(index: QModelIndex | QPersistentModelIndex) -> IdeaRow | None:
        row = index.data(IDEA_ROLE)
        return row if isinstance(row, IdeaRow) else None

    def _text_width(self, item_width: int) -> int:
        """Width of the text inside a card ``item_width`` wide (see paint)."""
        return item_width - 4 - 6 - 2 * self.margin

    def _lines(self, text: str, width: int) -> tuple[str, ...]:
        return self.breaker.lines(text, self._measure, max(10, width))

    def _follow_breaker(self) -> None:
        """Forget laid-out cards when the breaker has new words (glossary, dictionary)."""
        if self._generation != self.breaker.generation:
            self._generation = self.breaker.generation
            self._elisions.clear()
            self._heights.clear()
            self._sizes.clear()

    def _text_height(self, text: str, width: int) -> int:
        """Height of ``text`` laid out in lines of ``width``; remembered, since a view
        asks again for every card whenever one card is added."""
        if self._generation != self.breaker.generation:
            self._follow_breaker()
        key = (text, width)
        height = self._heights.get(key)
        if height is None:
            height = self._metrics.lineSpacing() * max(1, len(self._lines(text, width)))
            if len(self._heights) > 50_000:
                self._heights.clear()
            self._heights[key] = height
        return height

    def _shown(self, text: str, width: int) -> tuple[str, int]:
        """The lines of ``text`` joined by new lines, and the height they take; with
        ``max_lines``, the first ``max_lines`` lines, the last one ending in "…"."""
        self._follow_breaker()
        key = (text, width)
        found = self._elisions.get(key)
        if found is not None:
            return found
        lines = self._lines(text, width)
        if self.max_lines is not None:
            height = self._metrics.lineSpacing() * self.max_lines
            if len(lines) > self.max_lines:
                # The last line shown ends in "…" (cut shorter if "…" does not fit).
                last = lines[self.max_lines - 1] + "\u2026"
                last = self._metrics.elidedText(last, Qt.TextElideMode.ElideRight, width)
                lines = (*lines[: self.max_lines - 1], last)
        else:
            height = self._text_height(text, width)
        if len(self._elisions) > 20_000:
            self._elisions.clear()
        found = self._elisions[key] = ("\n".join(lines), height)
        return found

    def _static_text(self, text: str) -> QStaticText:
        """``text``, already in lines, laid out as they are. Not kept: a card is drawn
        once into a picture (paint), which is what repaints copy."""
        # Plain-text QStaticText ignores "\n": the lines go as line separators.
        static = QStaticText(text.replace("\n", "\u2028"))
        static.setTextFormat(Qt.TextFormat.PlainText)
        static.setTextWidth(-1)  # the lines are ours: Qt must not wrap them again
        static.prepare(QTransform(), self.text_font)
        return static

    def layout_key(self) -> tuple[float, int]:
        """What card sizes depend on besides the text and the width: a view lays its
        cards out again when this changes (ui.card_view)."""
        return (self.point_size, self.breaker.generation)

    def card_size(self, text: str, width: int) -> QSize:
        """The size of a card showing ``text``, ``width`` wide, with the gap below it.
        Views read it from their model (ui.card_view), never through ``sizeHint``:
        remembered per text and width, so a view's new width costs a look-up per card."""
        if self._generation != self.breaker.generation:
            self._follow_breaker()
        # Cards cut to max_lines are all of one height: one size, whatever the text.
        key = ("" if self.max_lines is not None else text, width)
        size = self._sizes.get(key)
        if size is None:
            size = self._size(key[0], width)
            if len(self._sizes) > 50_000:
                self._sizes.clear()
            self._sizes[key] = size
        return size

    def _size(self, text: str, width: int) -> QSize:
        inner = self._text_width(width)
        if self.max_lines is not None:
            text_height = self._metrics.lineSpacing() * self.max_lines
        else:
            text_height = self._text_height(text, inner)
        height = text_height + 2 * self.margin
        if self.details:  # kind and sector lines, air before the sector (see _draw)
            height += self._small_metrics.height() * 2 + self.margin
        return QSize(width, height + self.margin)  # + the gap between cards

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        # Each card is drawn once into a picture and then copied: drawing it takes some
        # 25 calls into Qt, and PySide lets go of Python's lock around each, so beside a
        # busy thread (the phones' server) every repaint of the cards in view waited for
        # the lock 25 times per card. A copy is one call.
        row = self._row(index)
        if row is None:
            return
        rect = option.rect
        # Drawn as wide as its size was worked out for (card_size, kept by the view's
        # model): a list stretches its items across the viewport, a few pixels wider, and
        # the text laid out again at that width took time and could take other lines.
        hint = index.data(Qt.ItemDataRole.SizeHintRole)
        width = rect.width()
        if isinstance(hint, QSize) and 0 < hint.width() < width:
            width = hint.width()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        ratio = painter.device().devicePixelRatioF()
        # The type and the line breaks are in the key: pictures drawn before a change are
        # not found again and age out.
        key = (self._serial, self.layout_key(), row, width, rect.height(), selected, ratio)
        self._follow_breaker()
        picture = _PICTURES.get(key)
        if picture is None:
            picture = QPixmap(QSize(width, rect.height()) * ratio)
            picture.setDevicePixelRatio(ratio)
            picture.fill(QColor(BOARD_BACKGROUND))
            on_picture = QPainter(picture)
            self._draw(on_picture, QRect(0, 0, width, rect.height()), row, selected)
            on_picture.end()
            _PICTURES.keep(key, picture)
        painter.drawPixmap(rect.topLeft(), picture)

    def _draw(self, painter: QPainter, rect: QRect, row: IdeaRow, selected: bool) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = QRectF(rect.adjusted(2, 1, -2, -self.margin))  # 4 narrower: _text_width
        painter.setPen(QPen(QColor("#1f5fa8" if selected else "#c9c9c9"), 2 if selected else 1))
        painter.setBrush(QColor("#e8f0fb" if selected else "#fffef5"))
        painter.drawRoundedRect(card, 6, 6)
        stripe = QRectF(card.left(), card.top(), 6, card.height())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(row.sector_colour or "#bbbbbb"))
        painter.drawRoundedRect(stripe, 3, 3)

        left = rect.left() + 2 + 6 + self.margin
        right = left + self._text_width(rect.width())
        top = int(card.top()) + self.margin
        small = QFontMetrics(self.small_font)
        if self.details:
            painter.setFont(self.small_font)
            painter.setPen(QColor(KIND_COLOURS.get(row.kind, "#555555")))
            painter.drawText(
                QRect(left, top, right - left, small.height()),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                kind_label(row.kind, self.language),
            )
            top += small.height()
        if row.merged_count:
            painter.setFont(self.small_font)
            badge = f"+{row.merged_count}"
            badge_width = small.horizontalAdvance(badge) + self.margin
            badge_rect = QRect(
                right - badge_width, int(card.top()) + 3, badge_width, small.height()
            )
            painter.setBrush(QColor("#1f5fa8"))
            painter.drawRoundedRect(QRectF(badge_rect), 4, 4)
            painter.setPen(QColor("white"))
            painter.drawText(badge_rect, int(Qt.AlignmentFlag.AlignCenter), badge)
        painter.setFont(self.text_font)
        painter.setPen(QColor("#111111"))
        text, text_height = self._shown(row.text, right - left)
        painter.drawStaticText(left, top, self._static_text(text))
        # A little air before the sector line: the text's lower vowels and the line's
        # upper marks touched in narrow columns. Taken from the room below it (_size).
        top += text_height + self.margin // 2
        if self.details and (row.sector_name or row.breakout_group):
            painter.setFont(self.small_font)
            painter.setPen(QColor("#666666"))
            detail = " · ".join(p for p in (row.sector_name, row.breakout_group) if p)
            painter.drawText(
                QRect(left, top, right - left, small.height()),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                small.elidedText(detail, Qt.TextElideMode.ElideRight, right - left),
            )
        painter.restore()
