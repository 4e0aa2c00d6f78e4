"""How people join from their phones, as the projector shows it: the join page's QR code,
its short address to type, and the walk-in code for people without a card.

Sized from the projector's height, so that the code can be scanned from the back of a
hotel ballroom (about a third of a 1080-line screen) and the address read from there.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import segno
from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from workshop_app.ui.thai_layout import ThaiLabel

QR_BORDER = 4  # modules of white around the code: readers need the quiet zone
QR_SHARE_OF_HEIGHT = 0.6  # of the panel's height
MIN_QR_PIXELS = 160


@dataclass(frozen=True)
class JoinInfo:
    url: str  # the join page, e.g. http://192.168.1.20:8765/
    walk_in_code: str

    @property
    def short_address(self) -> str:
        """The address as people type it: browsers add the http:// themselves."""
        address = self.url.removeprefix("http://").removeprefix("https://")
        return address.rstrip("/")


def qr_code(text: str) -> segno.QRCode:
    # Medium error correction: readable through a projector's blur and keystone.
    return segno.make(text, error="m", micro=False, boost_error=False)


def qr_pixmap(text: str, size: int) -> QPixmap:
    """The QR code of ``text`` at most ``size`` pixels wide, each module a whole number
    of pixels (a code scaled by a fraction blurs its edges and reads worse)."""
    code = qr_code(text)
    modules = code.symbol_size(scale=1, border=QR_BORDER)[0]
    scale = max(1, size // modules)
    png = io.BytesIO()
    code.save(png, kind="png", scale=scale, border=QR_BORDER, dark="#000000", light="#ffffff")
    pixmap = QPixmap()
    pixmap.loadFromData(png.getvalue(), "PNG")
    return pixmap


class JoinPanel(QFrame):
    """The projector's join panel: shown beside the cards while the facilitator wants it."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("projectorJoin")
        self.setStyleSheet("#projectorJoin { background:#ffffff; border-radius:12px; }")
        self.info: JoinInfo | None = None
        self._qr_size = 0
        self.heading = ThaiLabel()
        self.heading.setObjectName("projectorJoinHeading")
        self.heading.setWordWrap(True)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr = QLabel()
        self.qr.setObjectName("projectorQr")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setMinimumSize(1, 1)  # the code follows the panel, never the other way
        self.address = QLabel()
        self.address.setObjectName("projectorJoinAddress")
        self.address.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.walk_in = ThaiLabel()
        self.walk_in.setObjectName("projectorWalkIn")
        self.walk_in.setWordWrap(True)
        self.walk_in.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.walk_in_code = QLabel()
        self.walk_in_code.setObjectName("projectorWalkInCode")
        self.walk_in_code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.column = layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.qr, 1)
        layout.addWidget(self.address)
        layout.addWidget(self.walk_in)
        layout.addWidget(self.walk_in_code)
        self.hide()

    def show_join(self, info: JoinInfo | None) -> None:
        """Show how to join (None: hide the panel)."""
        self.info = info
        if info is None:
            self.hide()
            return
        self.heading.setText(self.tr("Join from your phone"))
        self.address.setText(info.short_address)
        self.walk_in.setText(self.tr("No card? Type the address above, then this code:"))
        # Spaced in threes: read out and typed without losing a digit.
        code = info.walk_in_code
        self.walk_in_code.setText(f"{code[:3]} {code[3:]}" if len(code) == 6 else code)
        self._qr_size = 0  # draw it again for this address
        self._fit()
        self.show()

    def _fit(self) -> None:
        """Sizes from the height the projector gives the panel: the code as large as the
        texts leave room for, never making the window taller than its screen."""
        height = max(self.height(), 300)
        point = max(12, height // 28)
        self.heading.setStyleSheet(f"font-size:{point}pt; font-weight:bold; color:#222;")
        self.address.setStyleSheet(f"font-size:{point + 4}pt; font-weight:bold; color:#111;")
        self.walk_in.setStyleSheet(f"font-size:{max(10, point - 6)}pt; color:#333;")
        self.walk_in_code.setStyleSheet(f"font-size:{point + 8}pt; font-weight:bold; color:#111;")
        wanted = int(height * QR_SHARE_OF_HEIGHT)
        layout = self.column
        margins = layout.contentsMargins()
        texts = sum(
            label.heightForWidth(wanted) if label.wordWrap() else label.sizeHint().height()
            for label in (self.heading, self.address, self.walk_in, self.walk_in_code)
        )
        room = height - texts - 4 * layout.spacing() - margins.top() - margins.bottom()
        qr_size = max(MIN_QR_PIXELS, min(wanted, room))
        self.setFixedWidth(wanted + margins.left() + margins.right() + 16)
        if self.info is not None and qr_size != self._qr_size:
            self._qr_size = qr_size
            self.qr.setPixmap(qr_pixmap(self.info.url, qr_size))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().height() != event.oldSize().height():
            self._fit()
