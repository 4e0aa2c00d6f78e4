"""Type Thai text as a keyboard would.

QTest.keyClicks only handles ASCII (it asserts on other characters), so Thai is sent as
key events that carry the text, the way a Thai keyboard layout delivers it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(widget: QWidget, text: str) -> None:
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            key = ord(char.upper()) if char.isascii() else 0
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)
