"""The bar chart of a round's ranking, each bar stacked by sector (on the voting page and,
larger, on the projector). Drawn with QPainter: no chart library is needed for bars."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
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


def chart_legend(results: RoundResults, bars: list[ChartBar]) -> list[tuple[str, str]]:
    """(sector name, colour) for each colour used in ``bars``, in sector order."""
    used = {colour for bar in bars for _value, colour in bar.parts}
    legend = [(t.name, t.colour) for t in results.turnout if t.colour in used]
    if NO_SECTOR_COLOUR in used:
        legend.append((QCoreApplication.translate("ResultsChart", "No sector"), NO_SECTOR_COLOUR))
    return legend


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
        self.legend: list[tuple[str, str]] = []  # (sector name, colour) under the bars
        self.message = ""
        self.point_size = point_size
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_bars(
        self, bars: list[ChartBar], message: str = "", legend: list[tuple[str, str]] | None = None
    ) -> None:
        self.bars = bars
        self.legend = legend or []
        self.message = message
        self.update()

    def show_round(
        self, results: RoundResults, *, balanced: bool = False, message: str = ""
    ) -> None:
        """The round's top ideas, with a legend of the sector colours they use."""
        bars = chart_bars(results, balanced=balanced)
        self.set_bars(bars, message, chart_legend(results, bars))

    def _legend_rows(self, metrics: QFontMetrics, margin: int) -> list[list[tuple[str, str]]]:
        """The legend entries flowed into rows that fit the width."""
        swatch = metrics.height()
        rows: list[list[tuple[str, str]]] = [[]]
        used = margin
        for name, colour in self.legend:
            width = swatch + 4 + metrics.horizontalAdvance(name) + 2 * margin
            if rows[-1] and used + width > self.width() - margin:
                rows.append([])
                used = margin
            rows[-1].append((name, colour))
            used += width
        return [row for row in rows if row]

    def chart_layout(self) -> ChartLayout:
        """Where everything goes at the widget's present size: the legend's rows at the
        bottom, the bars in the room left above them. Rows shrink (and their text with
        them) to fit that room, so a legend never covers a bar however many ideas."""
        font = QFont("Sarabun")
        font.setPointSizeF(self.point_size)
        metrics = QFontMetrics(font)
        margin = metrics.height() // 2
        swatch = metrics.height()
        line = swatch * 1.3
        legend_rows = self._legend_rows(metrics, margin)
        legend: list[tuple[QRectF, QRectF, str, str]] = []
        legend_top = self.height() - margin - len(legend_rows) * line
        top = legend_top
        for row in legend_rows:
            left = float(margin)
            for name, colour in row:
                mark = QRectF(left, top + swatch * 0.15, swatch * 0.7, swatch * 0.7)
                left += swatch * 0.7 + 4
                width = metrics.horizontalAdvance(name)
                legend.append((mark, QRectF(left, top, width + 2, swatch), name, colour))
                left += width + 2 * margin
            top += line
        bars_bottom = (legend_top - margin) if legend_rows else (self.height() - margin)
        room = max(0.0, bars_bottom - margin)
        wanted = metrics.height() + 4  # a row that holds its label at full size
        count = max(1, len(self.bars))
        row_height = min(room / count, metrics.height() * 2.2)
        label_font = QFont(font)
        if row_height < wanted:  # many ideas on a low chart: smaller text, not overlap
            label_font.setPointSizeF(max(1.0, self.point_size * row_height / wanted))
        label_metrics = QFontMetrics(label_font)
        label_width = int(self.width() * 0.42)
        value_width = label_metrics.horizontalAdvance("0000.00") + margin
        bar_left = margin + label_width + margin
        bar_room = max(10, self.width() - bar_left - value_width - margin)
        top_value = max((b.value for b in self.bars), default=0.0) or 1.0
        rows: list[BarRow] = []
        for index, bar in enumerate(self.bars):
            row_top = margin + index * row_height
            height = row_height * 0.7
            bar_top = row_top + (row_height - height) / 2
            parts = []
            left = float(bar_left)
            for value, colour in bar.parts:
                part_width = bar_room * value / top_value
                parts.append((QRectF(left, bar_top, part_width, height), colour))
                left += part_width
            rows.append(
                BarRow(
                    bar,
                    QRectF(margin, row_top, label_width, row_height),
                    QRectF(bar_left, bar_top, left - bar_left, height),
                    tuple(parts),
                    QRectF(left + 4, row_top, value_width, row_height),
                )
            )
        return ChartLayout(font, label_font, rows, legend)

    def sizeHint(self) -> QSize:
        return QSize(500, 300)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        layout = self.chart_layout()
        painter.setFont(layout.font)
        if not self.bars:
            painter.setPen(QColor("#666666"))
            painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignCenter), self.message)
            return
        left_middle = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for mark, text_rect, name, colour in layout.legend:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colour))
            painter.drawRect(mark)
            painter.setPen(QColor("#111111"))
            painter.drawText(text_rect, left_middle, name)
        painter.setFont(layout.label_font)
        label_metrics = QFontMetrics(layout.label_font)
        for row in layout.rows:
            painter.setPen(QColor("#111111"))
            width = int(row.label.width())
            label = label_metrics.elidedText(row.bar.label, Qt.TextElideMode.ElideRight, width)
            painter.drawText(row.label, left_middle, label)
            painter.setPen(Qt.PenStyle.NoPen)
            for rect, colour in row.parts:
                painter.setBrush(QColor(colour))
                painter.drawRect(rect)
            painter.setPen(QColor("#111111"))
            painter.drawText(row.value, left_middle, number(row.bar.value))


@dataclass(frozen=True)
class BarRow:
    """One idea's row: its label, the whole bar (the union of its sector parts), the
    parts, and the value at the bar's end."""

    bar: ChartBar
    label: QRectF
    whole: QRectF
    parts: tuple[tuple[QRectF, str], ...]
    value: QRectF


@dataclass(frozen=True)
class ChartLayout:
    font: QFont  # the legend's (and the empty chart's message)
    label_font: QFont  # the rows' labels and values: smaller when rows must shrink
    rows: list[BarRow]
    legend: list[tuple[QRectF, QRectF, str, str]]  # swatch, text, sector name, colour
