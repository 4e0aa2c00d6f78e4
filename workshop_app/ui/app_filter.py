"""Behaviour every window of the app shares, set once on the application.

- The mouse wheel never changes a dropdown or a number box that does not have the focus:
  scrolling a long form over one used to change and save the value under the pointer
  (the implementing agency, the funding source). The wheel scrolls the form instead.
- A dialog never opens larger than the screen it is on (a 1366×768 laptop at 125 %
  leaves 1093×614 for it), nor reaching past the screen's edge.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QDialog, QWidget

# Room for the title bar and frame the window system adds around a dialog.
FRAME_ALLOWANCE = QSize(16, 40)


class AppBehaviour(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Wheel and isinstance(watched, QComboBox | QAbstractSpinBox):
            if not watched.hasFocus():
                event.ignore()  # handled here, not accepted: the parent (the form) scrolls
                return True
        elif kind == QEvent.Type.Show and isinstance(watched, QDialog) and watched.isWindow():
            fit_on_screen(watched)
        return False


def fit_on_screen(window: QWidget) -> None:
    """Shrink the window to its screen's free area if it is larger, and move it inside."""
    free = window.screen().availableGeometry()
    room = free.size() - FRAME_ALLOWANCE
    size = window.size()
    if size.width() > room.width() or size.height() > room.height():
        window.resize(size.boundedTo(room).expandedTo(window.minimumSize()))
    frame = window.frameGeometry()
    x = min(max(frame.x(), free.x()), free.right() + 1 - frame.width())
    y = min(max(frame.y(), free.y()), free.bottom() + 1 - frame.height())
    if (x, y) != (frame.x(), frame.y()):
        window.move(max(x, free.x()), max(y, free.y()))


def install_app_behaviour(app: QApplication) -> AppBehaviour:
    """Install the shared behaviour once; the same object on later calls."""
    existing = app.findChild(AppBehaviour)
    if existing is not None:
        return existing
    behaviour = AppBehaviour(app)
    app.installEventFilter(behaviour)
    return behaviour
