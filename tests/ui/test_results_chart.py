"""The results chart keeps its legend clear of the bars, however many ideas and sectors
(the legend covered the last bars at 1366×768 with fifteen ideas)."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QRectF
from pytestqt.qtbot import QtBot

from workshop_app.ui.app import load_fonts
from workshop_app.ui.results_chart import ChartBar, ResultsChart

SECTORS = [
    ("ส่วนราชการ", "#1f77b4"),
    ("รัฐวิสาหกิจ", "#ff7f0e"),
    ("องค์กรปกครองส่วนท้องถิ่น", "#2ca02c"),
    ("ภาคเอกชน", "#d62728"),
    ("ภาคประชาสังคม", "#9467bd"),
    ("ภาคประชาชน", "#8c564b"),
    ("สถาบันการศึกษา", "#e377c2"),
    ("อื่น ๆ", "#7f7f7f"),
]
IDEAS = [
    "พัฒนาเส้นทางท่องเที่ยวเชิงวัฒนธรรมริมแม่น้ำน่าน",
    "ส่งเสริมการแปรรูปกาแฟอำเภอปัว",
    "ปรับปรุงระบบประปาหมู่บ้านอำเภอเวียงสา",
    "ยกระดับตลาดชายแดนห้วยโก๋น",
    "ฟื้นฟูป่าต้นน้ำดอยภูคา",
    "พัฒนาศักยภาพวิสาหกิจชุมชนผ้าทอไทลื้อ",
    "จัดการขยะชุมชนเทศบาลเมืองน่าน",
    "ส่งเสริมเกษตรอินทรีย์อำเภอท่าวังผา",
    "ขยายถนนสายน่าน–ทุ่งช้าง",
    "พัฒนาระบบเตือนภัยน้ำป่าไหลหลาก",
    "สร้างศูนย์เรียนรู้เศรษฐกิจพอเพียงอำเภอบ่อเกลือ",
    "ส่งเสริมการท่องเที่ยวโดยชุมชนบ้านสะปัน",
    "ยกระดับโรงพยาบาลส่งเสริมสุขภาพตำบล",
    "พัฒนาแหล่งน้ำเพื่อการเกษตรอำเภอนาน้อย",
    "อนุรักษ์ภาพจิตรกรรมฝาผนังวัดภูมินทร์",
]


def _bars(count: int) -> list[ChartBar]:
    bars = []
    for rank, text in enumerate(IDEAS[:count], start=1):
        value = float(60 - 3 * rank)
        share = value / len(SECTORS)
        bars.append(ChartBar(f"{rank}. {text}", value, tuple((share, c) for _n, c in SECTORS)))
    return bars


@pytest.mark.parametrize(
    ("width", "height", "point_size"),
    [
        (1000, 330, 10.0),  # the voting page at 1366×768
        (620, 300, 10.0),
        (420, 240, 10.0),  # a narrow pane: the legend wraps into three rows
        (1366, 700, 22.0),  # the projector
        (1024, 560, 30.0),
    ],
)
def test_the_legend_never_covers_a_bar(
    qtbot: QtBot, width: int, height: int, point_size: float
) -> None:
    load_fonts()
    chart = ResultsChart(point_size)
    qtbot.addWidget(chart)
    chart.resize(width, height)
    chart.set_bars(_bars(15), legend=SECTORS)
    layout = chart.chart_layout()
    assert len(layout.rows) == 15 and len(layout.legend) == len(SECTORS)
    legend = [rect for mark, text, _name, _colour in layout.legend for rect in (mark, text)]
    whole = QRectF(0, 0, width, height)
    for row in layout.rows:
        for drawn in (row.whole, row.label, row.value, *(rect for rect, _c in row.parts)):
            assert not any(drawn.intersects(rect) for rect in legend), (row.bar.label, drawn)
            assert whole.contains(drawn.adjusted(0.5, 0.5, -0.5, -0.5)), drawn
    assert all(whole.contains(rect) for rect in legend)
    rows = [row.whole for row in layout.rows]
    assert all(a.bottom() <= b.top() for a, b in itertools.pairwise(rows))  # no overlap


def test_few_ideas_keep_full_size_rows(qtbot: QtBot) -> None:
    load_fonts()
    chart = ResultsChart(10.0)
    qtbot.addWidget(chart)
    chart.resize(1000, 330)
    chart.set_bars(_bars(4), legend=SECTORS[:3])
    layout = chart.chart_layout()
    assert layout.label_font.pointSizeF() == layout.font.pointSizeF() == 10.0
