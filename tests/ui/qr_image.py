"""Reading back a QR code the app drew: the dark and light modules of a pixmap, compared
with the code of the text it should hold (the same symbol, so the same text)."""

from __future__ import annotations

from PySide6.QtGui import QPixmap

from workshop_app.ui.join_panel import QR_BORDER, qr_code


def modules(pixmap: QPixmap, count: int) -> list[list[bool]]:
    """The ``count`` × ``count`` modules inside the quiet zone, dark = True, sampled at
    each module's centre."""
    image = pixmap.toImage()
    side = count + 2 * QR_BORDER
    step = image.width() / side
    assert abs(image.height() / side - step) < 0.01, "the code is not square"
    grid = []
    for row in range(count):
        y = int((row + QR_BORDER + 0.5) * step)
        line = []
        for column in range(count):
            x = int((column + QR_BORDER + 0.5) * step)
            line.append(image.pixelColor(x, y).lightness() < 128)
        grid.append(line)
    return grid


def holds(pixmap: QPixmap, text: str) -> bool:
    """Whether the pixmap shows the QR code of ``text`` (all modules, quiet zone white)."""
    code = qr_code(text)
    expected = [[bool(bit) for bit in row] for row in code.matrix]
    image = pixmap.toImage()
    quiet = [image.pixelColor(x, 1).lightness() > 200 for x in range(0, image.width(), 3)]
    return all(quiet) and modules(pixmap, len(expected)) == expected
