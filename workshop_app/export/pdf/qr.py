"""QR codes of the phones' personal links, drawn as vector squares: on the phone cards
(export/phone_cards.py) and, optionally, on each row of the sign-in sheet
(export/pdf/signin.py). Both print the same link, so the same code."""

from __future__ import annotations

import segno
from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

QR_BORDER = 2  # modules of white around the code (cut lines or cell padding give the rest)


def qr_matrix(url: str) -> list[list[bool]]:
    """The dark modules of ``url``'s QR code, row by row (quiet zone included). Error
    correction M at least (segno raises it when the code's size allows): a card bent
    or smudged in a pocket still reads."""
    code = segno.make_qr(url, error="m")
    return [[bool(module) for module in row] for row in code.matrix_iter(border=QR_BORDER)]


def draw_qr(canvas: Canvas, x: float, y: float, size: float, matrix: list[list[bool]]) -> None:
    """The code ``size`` points square with its lower left corner at (x, y), as vector
    squares (sharp at any printer resolution); each row's runs of dark modules drawn as
    one rectangle."""
    module = size / len(matrix)
    canvas.saveState()
    canvas.setFillColor(colors.black)
    canvas.setStrokeColor(colors.black)
    canvas.setLineWidth(0)
    for row_number, row in enumerate(matrix):
        row_y = y + size - (row_number + 1) * module
        start: int | None = None
        for column, dark in enumerate([*row, False]):
            if dark and start is None:
                start = column
            elif not dark and start is not None:
                # A hair wider and taller: no white seams between neighbouring squares.
                canvas.rect(
                    x + start * module,
                    row_y - 0.05,
                    (column - start) * module + 0.05,
                    module + 0.1,
                    stroke=0,
                    fill=1,
                )
                start = None
    canvas.restoreState()


class QRCode(Flowable):  # type: ignore[misc]
    """``url``'s code, ``size`` points square, as a table cell's content."""

    def __init__(self, url: str, size: float) -> None:
        super().__init__()
        self.url = url
        self.size = size

    def wrap(self, _available_width: float, _available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        draw_qr(self.canv, 0, 0, self.size, qr_matrix(self.url))
