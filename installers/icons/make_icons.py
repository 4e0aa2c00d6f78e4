"""Draw the app icon (a planning board of coloured cards with a Thai letter) as PNG and
ICO. Run once after changing it: ``python installers/icons/make_icons.py``; the files
are committed, so builds need nothing but the files.

The ICO holds every size Windows asks for (16 px in lists up to 256 px on large tiles),
each drawn at its size rather than scaled, as PNG entries (read by Windows Vista on).
The ICNS is the same for macOS's application bundle."""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
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


ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico_bytes(sizes: tuple[int, ...]) -> bytes:
    """An ICO file: a 6-byte header, one 16-byte entry per image, then the PNG images."""
    images = [png_bytes(draw(size)) for size in sizes]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries = b""
    for size, image in zip(sizes, images, strict=True):
        # Width and height 0 mean 256; 32 bits per pixel; size and offset of the PNG.
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(image), offset)
        offset += len(image)
    return header + entries + b"".join(images)


# ICNS element types that hold a PNG of the given size (macOS 10.7 on).
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}


def icns_bytes() -> bytes:
    """An ICNS file: 'icns' and the file's length, then per image its type, length, PNG."""
    elements = b""
    for size, kind in ICNS_TYPES.items():
        image = png_bytes(draw(size))
        elements += kind + struct.pack(">I", 8 + len(image)) + image
    return b"icns" + struct.pack(">I", 8 + len(elements)) + elements


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    ok = draw(256).save(str(HERE / "workshop-app.png"))
    (HERE / "workshop-app.ico").write_bytes(ico_bytes(ICO_SIZES))
    (HERE / "workshop-app.icns").write_bytes(icns_bytes())
    del app
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
