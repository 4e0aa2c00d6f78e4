"""A list of cards that Qt lays out without calling Python for each card.

A list view asks every card its size whenever one card is added. With the size computed
in Python (a delegate's ``sizeHint``) that is one call from Qt into Python per card: 2
views x 400 cards per added card. PySide lets go of Python's lock around each call, so
beside a busy thread (the phones' server) every call waits its turn, and adding a card
to a long column took 30-70 ms instead of 2.

Here each view shows its cards through its own ``CardSizes``, a Qt item model that holds
each card's size (``Qt.SizeHintRole``), worked out in Python once when the card comes and
again only when the view's width or type changes. The delegate draws; the size is Qt's
to read. Each view has its own copy because the board and the projector draw the same
cards at different sizes.

    IdeaListModel (board_data, shared) -> CardSizes (one per view) [-> IdeaFilterProxy] -> CardView
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QResizeEvent, QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QListView

from workshop_app.services.ideas import IdeaRow
from workshop_app.thai.normalize import search_key
from workshop_app.ui.board_data import IDEA_ROLE, IdeaListModel
from workshop_app.ui.card_delegate import BOARD_BACKGROUND, CardDelegate

AnyIndex = QModelIndex | QPersistentModelIndex
_ITEM_FLAGS = (
    Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsEditable
    | Qt.ItemFlag.ItemIsDragEnabled
    | Qt.ItemFlag.ItemNeverHasChildren
)


class CardSizes(QStandardItemModel):
    """One view's copy of a column: per card its ``IdeaRow`` (``IDEA_ROLE``), its text and
    its size in that view, following the column's inserts, removals, resets and changes
    row for row. Editing, dragging and dropping go to the column.

    Only ``data`` must stay unimplemented here: the view reads sizes through it, and a
    Python ``data`` would put a Python call per card back into every layout."""

    sizes_changed = Signal()  # a card's size changed outside a layout: lay out again

    def __init__(self, cards: IdeaListModel, view: CardView) -> None:
        super().__init__()
        self.cards = cards
        self._view = view
        self.invisibleRootItem().setFlags(Qt.ItemFlag.ItemIsDropEnabled)
        self.setColumnCount(1)
        cards.rowsInserted.connect(self._inserted)
        cards.rowsRemoved.connect(self._removed)
        cards.modelReset.connect(self._reset)
        cards.dataChanged.connect(self._changed)
        self._reset()

    def detach(self) -> None:
        """Stop following the column (the view shows another one)."""
        for signal, slot in (
            (self.cards.rowsInserted, self._inserted),
            (self.cards.rowsRemoved, self._removed),
            (self.cards.modelReset, self._reset),
            (self.cards.dataChanged, self._changed),
        ):
            signal.disconnect(slot)

    def row_at(self, row: int) -> IdeaRow | None:
        return self.cards.row_at(row)

    def _item(self, card: IdeaRow) -> QStandardItem:
        item = QStandardItem(card.text)
        item.setToolTip(card.text)  # the whole text, where a narrow column cuts it short
        item.setFlags(_ITEM_FLAGS)
        item.setData(card, IDEA_ROLE)
        item.setData(self._view.card_size(card), Qt.ItemDataRole.SizeHintRole)
        return item

    def _inserted(self, _parent: AnyIndex, first: int, last: int) -> None:
        rows = [self.cards.row_at(n) for n in range(first, last + 1)]
        items = [self._item(card) for card in rows if card is not None]
        self.invisibleRootItem().insertRows(first, items)

    def _removed(self, _parent: AnyIndex, first: int, last: int) -> None:
        self.removeRows(first, last - first + 1)

    def _reset(self) -> None:
        self.beginResetModel()
        self.blockSignals(True)  # one reset for the views, not a removal and an insert
        try:
            self.removeRows(0, self.rowCount())
            items = [self._item(card) for card in self.cards.rows()]
            self.invisibleRootItem().insertRows(0, items)
        finally:
            self.blockSignals(False)
        self.endResetModel()

    def _changed(self, top: AnyIndex, bottom: AnyIndex, _roles: Any = None) -> None:
        resized = False
        for number in range(top.row(), bottom.row() + 1):
            card, item = self.cards.row_at(number), self.item(number)
            if card is None or item is None:
                continue
            size = self._view.card_size(card)
            resized |= item.data(Qt.ItemDataRole.SizeHintRole) != size
            item.setData(card.text, Qt.ItemDataRole.DisplayRole)
            item.setData(card.text, Qt.ItemDataRole.ToolTipRole)
            item.setData(size, Qt.ItemDataRole.SizeHintRole)
            item.setData(card, IDEA_ROLE)
        if resized:
            self.sizes_changed.emit()

    def resize_all(self) -> None:
        """Work out every card's size again (the view is about to lay them out)."""
        self.blockSignals(True)  # the layout that follows reads them; nothing else does
        try:
            for number, card in enumerate(self.cards.rows()):
                item = self.item(number)
                if item is not None:
                    item.setData(self._view.card_size(card), Qt.ItemDataRole.SizeHintRole)
        finally:
            self.blockSignals(False)

    # --- what the view asks of the model, answered by the column ---------------------------

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        # An edited card goes to the column (an undoable command); the refresh that
        # follows brings the stored text back here.
        if not index.isValid():
            return False
        return self.cards.setData(self.cards.index(index.row()), value, role)

    def mimeTypes(self) -> list[str]:
        return self.cards.mimeTypes()

    def mimeData(self, indexes: Any) -> QMimeData:
        return self.cards.mimeData([self.cards.index(i.row()) for i in indexes])

    def supportedDropActions(self) -> Qt.DropAction:
        return self.cards.supportedDropActions()

    def supportedDragActions(self) -> Qt.DropAction:
        return self.cards.supportedDragActions()

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        return self.cards.canDropMimeData(data, action, row, column, self._to_cards(parent))

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        return self.cards.dropMimeData(data, action, row, column, self._to_cards(parent))

    def _to_cards(self, index: AnyIndex) -> QModelIndex:
        return self.cards.index(index.row()) if index.isValid() else QModelIndex()


class IdeaFilterProxy(QSortFilterProxyModel):
    """The board's filter: text (normalized Thai, any word), kind and sector."""

    def __init__(self) -> None:
        super().__init__()
        self._words: list[str] = []
        self._kind: str | None = None
        self._sector: str | None = None

    def set_filter(self, text: str, kind: str | None, sector_id: str | None) -> None:
        self.beginFilterChange()
        self._words = search_key(text).split()
        self._kind = kind or None
        self._sector = sector_id or None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def is_filtering(self) -> bool:
        return bool(self._words or self._kind or self._sector)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, CardSizes)
        row = model.row_at(source_row)
        if row is None:
            return False
        if self._kind and row.kind != self._kind:
            return False
        if self._sector and row.sector_id != self._sector:
            return False
        return all(word in row.search_text for word in self._words)


class CardView(QListView):
    """A list of cards drawn by a ``CardDelegate``, laid out by Qt alone (see above).

    ``show_cards`` and ``use_delegate`` take the place of ``setModel`` and
    ``setItemDelegate``; ``filtered`` puts the board's filter between the cards and the
    view (``self.filter``)."""

    cards_added = Signal(int)  # the column's row of the last card added, once the view has it

    def __init__(self, delegate: CardDelegate, filtered: bool = False) -> None:
        super().__init__()
        self.delegate = delegate
        self.filter = IdeaFilterProxy() if filtered else None
        self.sizes: CardSizes | None = None
        self._sized_for: tuple[object, ...] | None = None
        # Kept on the newest card while it is in view (the projector): laid out again at
        # another width, the list would otherwise stay where the old bottom was.
        self.follows_newest = False
        self.setItemDelegate(delegate)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setStyleSheet(f"QListView {{ background:{BOARD_BACKGROUND}; border:none; }}")

    def cards(self) -> IdeaListModel | None:
        """The column shown (None: none)."""
        return self.sizes.cards if self.sizes is not None else None

    def show_cards(self, cards: IdeaListModel | None) -> None:
        if self.cards() is cards:
            return
        old = self.sizes
        self.sizes = CardSizes(cards, self) if cards is not None else None
        self._sized_for = self._size_key()
        if self.sizes is not None:
            self.sizes.sizes_changed.connect(self.scheduleDelayedItemsLayout)
        if self.filter is not None and self.sizes is not None:
            self.filter.setSourceModel(self.sizes)
            if self.model() is not self.filter:
                self.setModel(self.filter)
        else:
            self.setModel(self.sizes)
        if self.sizes is not None:  # after the view's own handlers: it has the card
            self.sizes.rowsInserted.connect(self._added)
        if old is not None:
            old.detach()
            old.deleteLater()

    def _added(self, _parent: QModelIndex, _first: int, last: int) -> None:
        self.cards_added.emit(last)

    def use_delegate(self, delegate: CardDelegate) -> None:
        if delegate is not self.delegate:
            self.delegate = delegate
            self.setItemDelegate(delegate)
            self.scheduleDelayedItemsLayout()

    def view_index(self, row: int) -> QModelIndex:
        """The view's index of the column's card ``row`` (invalid when filtered out)."""
        if self.sizes is None:
            return QModelIndex()
        index = self.sizes.index(row, 0)
        return self.filter.mapFromSource(index) if self.filter is not None else index

    def card_width(self) -> int:
        return self.delegate.card_width or max(60, self.viewport().width() - 4)

    def card_size(self, card: IdeaRow) -> QSize:
        return self.delegate.card_size(card.text, self.card_width())

    def _size_key(self) -> tuple[object, ...]:
        return (self.delegate, self.delegate.layout_key(), self.card_width())

    def resizeEvent(self, event: QResizeEvent) -> None:
        # The viewport's: card sizes follow its width (QListView lays out again after a
        # change of width only when it wraps text itself, which this view does not ask).
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._size_key() != self._sized_for:
            self.scheduleDelayedItemsLayout()

    def doItemsLayout(self) -> None:
        # Qt's one call into Python per layout: sizes follow the width and type first,
        # once the view is on screen (while a page is built, its views pass through
        # several widths; the cards are measured at the one they are shown at).
        key = self._size_key()
        if key != self._sized_for and self.sizes is not None and self.isVisible():
            self.sizes.resize_all()
            self._sized_for = key
        bar = self.verticalScrollBar()
        at_bottom = self.follows_newest and bar.value() >= bar.maximum()
        super().doItemsLayout()
        if at_bottom:
            self.scrollToBottom()
