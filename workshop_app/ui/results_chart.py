"""The bar chart of a round's ranking, each bar stacked by sector (on the voting page and,
larger, on the projector). Drawn with QPainter: no chart library is needed for bars."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from workshop_app.services.vote_report import number, ranked
from workshop_app.services.voting import RoundResults

NO_SECTOR_COLOUR = "#9e9e9e"


@dataclass(frozen=True)
class ChartBar:
    label: str  # rank and idea text
    value: float
    parts: tuple[tuple[float, str], ...]  # (value, colour) per sector, in sector order


def chart_bars(results: RoundResults, *, balanced: bool = False, most: int = 15) -> list[ChartBar]:
    """The top ``most`` ideas as bars. Balanced: each sector's part scaled like the score."""
    colours: dict[str | None, str] = {t.sector_id: t.colour for t in results.turnout}
    order = [t.sector_id for t in results.turnout] + [None]
    bars = []
    for rank, value, result in ranked(results.count, balanced=balanced)[:most]:
        total = sum(result.by_sector.values())
        scale = value / total if total else 0.0
        parts = tuple(
            (result.by_sector[s] * scale, colours.get(s, NO_SECTOR_COLOUR))
            for s in order
            if result.by_sector.get(s)
        )
        bars.append(ChartBar(f"{rank}. {results.idea_texts.get(result.idea_id, '')}", value, parts))
    return bars


class ResultsChart(QWidget):
    """Horizontal bars, best at the top; the label on the left, the value at the bar's end."""

    def __init__(self, point_size: float = 10.0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultsChart")
        self.bars: list[ChartBar] = []
        self.message = ""
        self.point_size = point_size
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_bars(self, bars: list[ChartBar], message: str = "") -> None:
        self.bars = bars
        self.message = message
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(500, 300)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        font = QFont("Sarabun")
        font.setPointSizeF(self.point_size)
        painter.setFont(font)
        metrics = QFontMetrics(font)
        if not self.bars:
            painter.setPen(QColor("#666666"))
            painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignCenter), self.message)
            return
        margin = metrics.height() // 2
        label_width = int(self.width() * 0.42)
        value_width = metrics.horizontalAdvance("0000.00") + margin
        bar_left = margin + label_width + margin
        bar_room = max(10, self.width() - bar_left - value_width - margin)
        row_height = max(metrics.height() + 4, (self.height() - 2 * margin) / len(self.bars))
        row_height = min(row_height, metrics.height() * 2.2)
        top_value = max((b.value for b in self.bars), default=0.0) or 1.0
        for index, bar in enumerate(self.bars):
            top = margin + index * row_height
            painter.setPen(QColor("#111111"))
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_width)
            painter.drawText(
                QRectF(margin, top, label_width, row_height),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                label,
            )
            left = float(bar_left)
            height = row_height * 0.7
            bar_top = top + (row_height - height) / 2
            painter.setPen(Qt.PenStyle.NoPen)
            for value, colour in bar.parts:
                width = bar_room * value / top_value
                painter.setBrush(QColor(colour))
                painter.drawRect(QRectF(left, bar_top, width, height))
                left += width
            painter.setPen(QColor("#111111"))
            painter.drawText(
                QRectF(left + 4, top, value_width, row_height),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                number(bar.value),
            )
