"""Draw the app icon (a planning board of coloured cards with a Thai letter) as PNG and
ICO. Run once after changing it: ``python installers/icons/make_icons.py``; the files
are committed, so builds need nothing but the files."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QImage, QPainter

HERE = Path(__file__).resolve().parent
FONT = HERE.parent.parent / "resources" / "fonts" / "Sarabun-Bold.ttf"
# Sector colours of the board: cards as stickers on a flipchart.
CARDS = ("#1f77b4", "#2ca02c", "#ff7f0e", "#d62728", "#9467bd", "#8c564b")


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    unit = size / 16
    painter.setBrush(QColor("#f7f4ea"))
    painter.setPen(QColor("#3d3d3d"))
    painter.drawRoundedRect(QRectF(unit, unit, 14 * unit, 14 * unit), 2 * unit, 2 * unit)
    for number, colour in enumerate(CARDS):
        column, row = number % 3, number // 3
        painter.setBrush(QColor(colour))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawRoundedRect(
            QRectF((2.2 + column * 4) * unit, (2.5 + row * 3) * unit, 3.4 * unit, 2.4 * unit),
            0.5 * unit,
            0.5 * unit,
        )
    family = QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(str(FONT)))
    font = QFont(family[0] if family else "Sans", 1)
    font.setPixelSize(int(6 * unit))
    painter.setFont(font)
    painter.setPen(QColor("#3d3d3d"))
    painter.drawText(QRectF(0, 8 * unit, size, 7 * unit), Qt.AlignmentFlag.AlignCenter, "ผ")
    painter.end()
    return image


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    ok = draw(256).save(str(HERE / "workshop-app.png"))
    ok &= draw(64).save(str(HERE / "workshop-app.ico"))
    del app
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
