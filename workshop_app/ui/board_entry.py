"""The board's entry box: where the secretary types the next card, and its kind, sector
and breakout group. Enter (or the button) asks the page to add the card; the box keeps
the keyboard, and Ctrl+Z / Ctrl+Y in it undo and redo board actions once there is no
typing in it to undo."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.services.ideas import KIND_LABELS, IdeaDraft, kind_label
from workshop_app.services.workshops import SectorRow
from workshop_app.ui.widgets import narrow_combo


class IdeaEntry(QWidget):
    """The entry box (``entry``) on its own line, its kind, sector and group below it."""

    add_requested = Signal()  # Enter in the box, or the Add button
    text_changed = Signal()  # what is typed changed (duplicate suggestions follow it)

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = QLineEdit()
        self.entry.setObjectName("ideaEntry")
        self.entry.setPlaceholderText(
            self.tr("Type an idea, Enter adds it to the current issue (F5 kind, F6 sector)")
        )
        self.entry.setStyleSheet("font-size:15pt; padding:6px;")
        self.entry.returnPressed.connect(self.add_requested)
        self.entry.installEventFilter(self)
        self.entry.textChanged.connect(lambda _text: self.text_changed.emit())
        self.kind = QComboBox()
        self.kind.setObjectName("ideaKind")
        for kind in KIND_LABELS:
            self.kind.addItem(kind_label(kind, language), kind)
        self.kind.setCurrentIndex(list(KIND_LABELS).index("proposal"))
        self.sector = QComboBox()
        self.sector.setObjectName("ideaSector")
        narrow_combo(self.sector)
        self.group = QLineEdit()
        self.group.setObjectName("ideaGroup")
        self.group.setPlaceholderText(self.tr("Group"))
        self.group.setMaximumWidth(110)
        self.add_button = QPushButton(self.tr("Add (Enter)"))
        self.add_button.clicked.connect(self.add_requested)
        # Two lines: the entry box gets the whole width (long ideas, narrow laptop
        # screens), its kind, sector and group below it.
        details = QHBoxLayout()
        details.addWidget(self.kind)
        details.addWidget(self.sector)
        details.addWidget(self.group)
        details.addStretch(1)
        details.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.entry)
        layout.addLayout(details)
        self.setFocusProxy(self.entry)

    def set_sectors(self, sectors: list[SectorRow]) -> None:
        """The workshop's sectors in the dropdown; the chosen one stays chosen."""
        chosen = self.sector.currentData()
        self.sector.blockSignals(True)
        self.sector.clear()
        self.sector.addItem(self.tr("No sector"), None)
        for sector in sectors:
            self.sector.addItem(sector.name, sector.id)
        index = self.sector.findData(chosen)
        self.sector.setCurrentIndex(max(0, index))
        self.sector.blockSignals(False)

    def draft(self) -> IdeaDraft:
        return IdeaDraft(
            self.entry.text(),
            kind=str(self.kind.currentData()),
            sector_id=self.sector.currentData(),
            breakout_group=self.group.text(),
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Z / Ctrl+Y in the entry box undo and redo board actions, unless there is
        typing in the box to undo (after Enter the box is empty and has none)."""
        if watched is self.entry and event.type() == QEvent.Type.ShortcutOverride:
            assert isinstance(event, QKeyEvent)
            ctrl_y = QKeySequence(event.keyCombination()) == QKeySequence("Ctrl+Y")
            undo = event.matches(QKeySequence.StandardKey.Undo)
            redo = ctrl_y or event.matches(QKeySequence.StandardKey.Redo)
            if (undo and not self.entry.isUndoAvailable()) or (
                redo and not self.entry.isRedoAvailable()
            ):
                event.ignore()  # the window's Undo/Redo shortcut takes it
                return True
        return super().eventFilter(watched, event)
