"""The brainstorm board's columns: one per strategic issue, its header and its cards.

The page (``pages.board_page``) decides which column is current and what the keys on a
column do; a column shows its issue's cards through the board's filter and reports
clicks, card keys and closed editors."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QFrame,
    QVBoxLayout,
    QWidget,
)

from workshop_app.services.ideas import IdeaRow
from workshop_app.ui.board_data import IdeaListModel
from workshop_app.ui.card_delegate import CardDelegate
from workshop_app.ui.card_view import CardView, IdeaFilterProxy
from workshop_app.ui.thai_layout import ThaiLabel
from workshop_app.ui.widgets import SteadyLabel

# Keys on a column of cards -> what they do (page actions, see BoardPage._card_key).
CARD_KEYS = {
    (Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier): "delete",
    (Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier): "up",
    (Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier): "down",
    (Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier): "left",
    (Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier): "right",
    (Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier): "merge",
    (
        Qt.Key.Key_M,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    ): "unmerge",
}


class CardListView(CardView):
    """A column of cards through the board's filter. Keys that act on cards are turned
    into signals for the page."""

    key_action = Signal(str)  # "delete", "up", "down", "left", "right", "merge", "unmerge"
    activated_column = Signal()
    editor_closed = Signal()

    def __init__(self, delegate: CardDelegate) -> None:
        super().__init__(delegate, filtered=True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        action = CARD_KEYS.get((Qt.Key(event.key()), modifiers))
        if action is not None and self.state() != QAbstractItemView.State.EditingState:
            self.key_action.emit(action)
            event.accept()
            return
        super().keyPressEvent(event)

    # The columns share their delegates, and a delegate tells every view using it when
    # one of its editors is done: each view takes only its own editors (Qt warned
    # "commitData called with an editor that does not belong to this view" otherwise).
    def commitData(self, editor: QWidget) -> None:
        if editor is not None and editor.parentWidget() is self.viewport():
            super().commitData(editor)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        if editor is not None and editor.parentWidget() is self.viewport():
            super().closeEditor(editor, hint)
            self.editor_closed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        # After the click has picked its card: making the column current lays it out
        # again with larger cards, which would move the card under the mouse.
        QTimer.singleShot(0, self.activated_column.emit)


class IssueColumn(QFrame):
    """One strategic issue: its header (number, title, count) and its cards."""

    clicked = Signal()

    def __init__(self, model: IdeaListModel, delegate: CardDelegate) -> None:
        super().__init__()
        self.model = model
        self.header = ThaiLabel()
        self.header.setCursor(Qt.CursorShape.PointingHandCursor)
        self.header.mousePressEvent = lambda _event: self.clicked.emit()  # type: ignore[method-assign]
        # The count changes on every filter keystroke; in the word-wrapped title it made
        # Qt measure all the headers again each time.
        self.count_label = SteadyLabel("(0000/0000)")
        self.count_label.setStyleSheet("color:#666")
        self.view = CardListView(delegate)
        self.view.setObjectName(f"column{model.issue.number}")
        self.view.show_cards(model)
        assert self.view.filter is not None
        self.proxy: IdeaFilterProxy = self.view.filter
        self.view.activated_column.connect(self.clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        layout.addWidget(self.header)
        layout.addWidget(self.count_label)
        layout.addWidget(self.view, 1)
        self.set_current(False)

    def set_current(self, current: bool) -> None:
        self.current = current
        self.setStyleSheet(
            "IssueColumn { border:2px solid %s; border-radius:6px; }"
            % ("#1f5fa8" if current else "#d0d0d0")
        )
        self.update_header()

    def update_header(self) -> None:
        issue = self.model.issue
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        count = f"{shown}/{total}" if self.proxy.is_filtering() else f"{total}"
        self.count_label.setText(f"({count})")
        size = 13.0 if self.current else 10.0
        if self.header.font().pointSizeF() != size:
            font = QFont(self.header.font())
            font.setPointSizeF(size)
            font.setBold(True)
            self.header.setFont(font)
        self.header.setText(f"{issue.number}. {issue.title}")

    def selected_rows(self) -> list[IdeaRow]:
        """Selected cards in column order (the top one first)."""
        indexes = sorted(self.view.selectionModel().selectedIndexes(), key=lambda i: i.row())
        rows = [self.model.row_at(self.proxy.mapToSource(i).row()) for i in indexes]
        return [r for r in rows if r is not None]

    def current_row(self) -> IdeaRow | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(index).row())

    def index_of(self, idea_id: str) -> QModelIndex:
        """The view's index of a card (invalid when it is not in this column or filtered out)."""
        row = self.model.row_of(idea_id)
        return self.view.view_index(row) if row >= 0 else QModelIndex()

    def select_idea(self, idea_id: str) -> None:
        index = self.index_of(idea_id)
        if index.isValid():
            self.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self.view.scrollTo(index)
