"""The brainstorm board, made for typing as fast as people talk.

The entry box keeps the focus: type, Enter, and the card is on the current issue's column
(and on the projector). F5 / Shift+F5 change the kind of the next card, F6 / Shift+F6 its
sector (function keys work whatever the keyboard layout, Thai or English);
Ctrl+PgDown / Ctrl+PgUp go to the next or previous issue. In a column: F2 edits a card,
Delete deletes, Alt+Up/Down reorders, Alt+Left/Right moves it to the neighbouring issue,
Ctrl+M merges the selected cards into the top one, Ctrl+Shift+M gives back the cards
merged into it. Cards can also be dragged within and between columns. Ctrl+Z undoes.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QIcon,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPixmap,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from workshop_app.services import ideas, workshops
from workshop_app.services.idea_duplicates import DuplicateFinder, WordWeights
from workshop_app.services.ideas import KIND_LABELS, IdeaDraft, IdeaRow, kind_label
from workshop_app.services.workshops import SectorRow
from workshop_app.thai.segment import Segmenter, dictionary_loaded, segmenter, start_loading
from workshop_app.ui.board_data import BoardData, IdeaFilterProxy, IdeaListModel
from workshop_app.ui.card_delegate import CardDelegate
from workshop_app.ui.commands import (
    add_idea_command,
    delete_ideas_command,
    edit_idea_command,
    merge_ideas_command,
    move_idea_command,
    unmerge_ideas_command,
)
from workshop_app.ui.context import Changes, WorkshopContext
from workshop_app.ui.thai_layout import Breaker, ThaiLabel
from workshop_app.ui.widgets import Banner, SteadyLabel

SUGGESTION_LIMIT = 5
SUGGESTION_DELAY_MS = 150
COMPACT_LINES = 3  # lines of text on the cards of the narrow (not current) columns
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


class CardListView(QListView):
    """A column of cards. Keys that act on cards are turned into signals for the page."""

    key_action = Signal(str)  # "delete", "up", "down", "left", "right", "merge", "unmerge"
    activated_column = Signal()
    editor_closed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setWordWrap(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setStyleSheet("QListView { background:#f4f1ea; border:none; }")
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

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
        self.proxy = IdeaFilterProxy()
        self.proxy.setSourceModel(model)
        self.header = ThaiLabel()
        self.header.setCursor(Qt.CursorShape.PointingHandCursor)
        self.header.mousePressEvent = lambda _event: self.clicked.emit()  # type: ignore[method-assign]
        # The count changes on every filter keystroke; in the word-wrapped title it made
        # Qt measure all the headers again each time.
        self.count_label = SteadyLabel("(0000/0000)")
        self.count_label.setStyleSheet("color:#666")
        self.view = CardListView()
        self.view.setObjectName(f"column{model.issue.number}")
        self.view.setModel(self.proxy)
        self.view.setItemDelegate(delegate)
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

    def select_idea(self, idea_id: str) -> None:
        row = self.model.row_of(idea_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row))
        if index.isValid():
            self.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self.view.scrollTo(index)


def _swatch(colour: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


def _narrow(combo: QComboBox) -> None:
    """A dropdown as wide as about 12 characters (long sector names are elided, shown
    whole in the list): with the widths of the longest names the board did not fit a
    1366×768 laptop at 125 %."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(12)


class BoardPage(QWidget):
    projector_requested = Signal()
    relayout_cards = Signal()  # card texts will break differently: views lay out again

    def __init__(
        self, context: WorkshopContext, board: BoardData, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.board = board
        self.sectors: list[SectorRow] = []
        self.columns: list[IssueColumn] = []
        self._segmenter: Segmenter | None = None
        self._workshop_words: tuple[str, ...] | None = None
        self.breaker = Breaker(self.workshop_words)
        self._finder: DuplicateFinder | None = None
        self._suggestion_timer = QTimer(self)
        self._suggestion_timer.setSingleShot(True)
        self._suggestion_timer.setInterval(SUGGESTION_DELAY_MS)
        self._suggestion_timer.timeout.connect(self.update_suggestions)
        self._weights: dict[str, WordWeights] = {}
        self.board_delegate = CardDelegate(self.breaker, 12.0, context.language, self)
        self.compact_delegate = CardDelegate(
            self.breaker, 9.0, context.language, self, details=False, max_lines=COMPACT_LINES
        )
        board.on_drop = self.drop_cards
        board.on_edit = self.edit_card_text

        # --- filter row
        self.filter_text = QLineEdit()
        self.filter_text.setObjectName("boardFilter")
        self.filter_text.setPlaceholderText(self.tr("Filter cards (Ctrl+F)"))
        self.filter_text.setClearButtonEnabled(True)
        self.filter_kind = QComboBox()
        self.filter_kind.setObjectName("boardFilterKind")
        self.filter_sector = QComboBox()
        self.filter_sector.setObjectName("boardFilterSector")
        _narrow(self.filter_sector)
        self.filter_text.textChanged.connect(self.apply_filter)
        self.filter_kind.currentIndexChanged.connect(self.apply_filter)
        self.filter_sector.currentIndexChanged.connect(self.apply_filter)
        # Changes on every filter keystroke: a label that does not re-lay out the page.
        self.total_label = SteadyLabel(
            self.tr("Showing {shown} of {total} cards").format(shown="0000", total="0000")
        )
        self.total_label.setObjectName("boardTotal")
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.filter_text, 2)
        filter_row.addWidget(self.filter_kind)
        filter_row.addWidget(self.filter_sector)
        filter_row.addWidget(self.total_label, 1)

        # --- the columns
        self.columns_row = QHBoxLayout()
        self.columns_row.setSpacing(4)

        # --- entry
        self.entry = QLineEdit()
        self.entry.setObjectName("ideaEntry")
        self.entry.setPlaceholderText(
            self.tr("Type an idea, Enter adds it to the current issue (F5 kind, F6 sector)")
        )
        self.entry.setStyleSheet("font-size:15pt; padding:6px;")
        self.entry.returnPressed.connect(self.add_from_entry)
        self.entry.installEventFilter(self)
        self.entry.textChanged.connect(self._entry_changed)
        self.kind = QComboBox()
        self.kind.setObjectName("ideaKind")
        for kind in KIND_LABELS:
            self.kind.addItem(kind_label(kind, context.language), kind)
        self.kind.setCurrentIndex(list(KIND_LABELS).index("proposal"))
        self.sector = QComboBox()
        self.sector.setObjectName("ideaSector")
        _narrow(self.sector)
        self.group = QLineEdit()
        self.group.setObjectName("ideaGroup")
        self.group.setPlaceholderText(self.tr("Group"))
        self.group.setMaximumWidth(110)
        add_button = QPushButton(self.tr("Add (Enter)"))
        add_button.clicked.connect(self.add_from_entry)
        # Two lines: the entry box gets the whole width (long ideas, narrow laptop
        # screens), its kind, sector and group below it.
        entry_details = QHBoxLayout()
        entry_details.addWidget(self.kind)
        entry_details.addWidget(self.sector)
        entry_details.addWidget(self.group)
        entry_details.addStretch(1)
        entry_details.addWidget(add_button)
        entry_row = QVBoxLayout()
        entry_row.setSpacing(2)
        entry_row.addWidget(self.entry)
        entry_row.addLayout(entry_details)
        self.banner = Banner()

        # --- side panel: suggestions, merged cards, timer, projector, counts
        self.suggestions = QListWidget()
        self.suggestions.setObjectName("duplicateSuggestions")
        self.suggestions.setWordWrap(True)
        self.suggestion_title = QLabel(self.tr("Possible duplicates"))
        self.merge_suggestion_button = QPushButton(self.tr("Merge selected card into this one"))
        self.merge_suggestion_button.clicked.connect(self.merge_into_suggestion)
        self.merge_button = QPushButton(self.tr("Merge selected cards (Ctrl+M)"))
        self.merge_button.clicked.connect(self.merge_selected)
        self.merged_list = QListWidget()
        self.merged_list.setObjectName("mergedCards")
        self.merged_list.setWordWrap(True)
        self.merged_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.unmerge_button = QPushButton(self.tr("Take out of the merge (Ctrl+Shift+M)"))
        self.unmerge_button.clicked.connect(self.unmerge_selected)
        merge_box = QGroupBox(self.tr("Merging"))
        merge_layout = QVBoxLayout(merge_box)
        merge_layout.addWidget(self.suggestion_title)
        merge_layout.addWidget(self.suggestions, 2)
        merge_layout.addWidget(self.merge_suggestion_button)
        merge_layout.addWidget(self.merge_button)
        self.merged_title = QLabel(self.tr("Cards merged into the selected card"))
        merge_layout.addWidget(self.merged_title)
        merge_layout.addWidget(self.merged_list, 1)
        merge_layout.addWidget(self.unmerge_button)

        timer_box = QGroupBox(self.tr("Timer and projector"))
        timer_layout = QGridLayout(timer_box)
        self.timer_label = QLabel()
        self.timer_label.setObjectName("boardTimer")
        self.timer_label.setStyleSheet("font-size:22pt; font-weight:bold;")
        self.minutes = QDoubleSpinBox()
        self.minutes.setObjectName("timerMinutes")
        self.minutes.setRange(0.5, 240)
        self.minutes.setDecimals(1)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setValue(board.countdown.remaining() / 60)
        self.minutes.valueChanged.connect(board.countdown.set_minutes)
        self.start_button = QPushButton()
        self.start_button.setObjectName("timerStart")
        self.start_button.clicked.connect(self.toggle_timer)
        reset_button = QPushButton(self.tr("Reset"))
        reset_button.setObjectName("timerReset")
        reset_button.clicked.connect(board.countdown.reset)
        self.projector_button = projector_button = QPushButton()
        projector_button.setObjectName("openProjector")
        projector_button.clicked.connect(self.projector_requested)
        self.set_projector_shown(False)
        self.show_all = QCheckBox(self.tr("Projector shows all issues"))
        self.show_all.setObjectName("projectorShowAll")
        self.show_all.toggled.connect(board.set_show_all)
        timer_layout.addWidget(self.timer_label, 0, 0, 1, 2)
        timer_layout.addWidget(self.minutes, 1, 0)
        timer_layout.addWidget(self.start_button, 1, 1)
        timer_layout.addWidget(reset_button, 2, 0, 1, 2)
        timer_layout.addWidget(projector_button, 3, 0, 1, 2)
        timer_layout.addWidget(self.show_all, 4, 0, 1, 2)

        counts_box = QGroupBox(self.tr("Cards per sector (current issue)"))
        # A list, not a rich-text label: a label's new text re-lays out the whole page,
        # and the counts change with every card typed.
        self.sector_counts = QListWidget()
        self.sector_counts.setObjectName("sectorIdeaCounts")
        self.sector_counts.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.sector_counts.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.sector_counts.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sector_counts.setStyleSheet("QListWidget { background:transparent; border:none; }")
        QVBoxLayout(counts_box).addWidget(self.sector_counts)

        self.side_layout = side = QVBoxLayout()
        side.addWidget(timer_box)
        side.addWidget(merge_box, 1)
        side.addWidget(counts_box)
        side_widget = QWidget()
        side_widget.setLayout(side)
        # On a laptop screen the panel scrolls rather than pushing the entry box down.
        side_scroll = QScrollArea()
        side_scroll.setObjectName("boardSidePanel")
        side_scroll.setWidget(side_widget)
        side_scroll.setWidgetResizable(True)
        side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side_scroll.setFixedWidth(300 + side_scroll.verticalScrollBar().sizeHint().width())

        left = QVBoxLayout()
        left.addLayout(filter_row)
        # Many issues on a narrow screen: the columns scroll sideways, the window stays.
        columns_widget = QWidget()
        columns_widget.setLayout(self.columns_row)
        self.columns_row.setContentsMargins(0, 0, 0, 0)
        columns_scroll = QScrollArea()
        columns_scroll.setObjectName("boardColumns")
        columns_scroll.setWidget(columns_widget)
        columns_scroll.setWidgetResizable(True)
        columns_scroll.setFrameShape(QFrame.Shape.NoFrame)
        columns_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left.addWidget(columns_scroll, 1)
        left.addWidget(self.banner)
        left.addLayout(entry_row)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(side_scroll)

        self._shortcuts()
        board.issues_changed.connect(self.rebuild_columns)
        board.current_changed.connect(lambda _index: self._show_current())
        board.cards_changed.connect(self._cards_changed)
        board.countdown.changed.connect(self._update_timer)
        context.changed.connect(self._on_changed)
        self.reload_sectors()
        self.rebuild_columns()
        self._update_timer()
        if not dictionary_loaded():
            start_loading()
            self._dictionary_poll = QTimer(self)
            self._dictionary_poll.setInterval(100)
            self._dictionary_poll.timeout.connect(self._check_dictionary)
            self._dictionary_poll.start()
        self.setFocusProxy(self.entry)

    def add_side_box(self, box: QWidget) -> None:
        """A box in the side panel below the timer (the phones' box, ui/phone_panel.py)."""
        self.side_layout.insertWidget(1, box)

    def set_projector_shown(self, shown: bool) -> None:
        self.projector_button.setText(
            self.tr("Hide projector (F9)") if shown else self.tr("Show on projector (F9)")
        )

    # --- set-up ---------------------------------------------------------------------------

    def _shortcut(self, keys: str, slot: Callable[[], object]) -> None:
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)

    def _shortcuts(self) -> None:
        self._shortcut("F5", lambda: self._cycle(self.kind, 1))
        self._shortcut("Shift+F5", lambda: self._cycle(self.kind, -1))
        self._shortcut("F6", lambda: self._cycle(self.sector, 1))
        self._shortcut("Shift+F6", lambda: self._cycle(self.sector, -1))
        self._shortcut("Ctrl+PgDown", lambda: self.go_to_issue(self.board.current + 1))
        self._shortcut("Ctrl+PgUp", lambda: self.go_to_issue(self.board.current - 1))
        self._shortcut("Ctrl+F", self.filter_text.setFocus)
        self._shortcut("Ctrl+E", self.entry.setFocus)

    @staticmethod
    def _cycle(combo: QComboBox, step: int) -> None:
        if combo.count():
            combo.setCurrentIndex((combo.currentIndex() + step) % combo.count())

    def reload_sectors(self) -> None:
        workshop_id = self.context.workshop_id
        self.sectors = self.context.read(lambda s: workshops.list_sectors(s, workshop_id))
        chosen = self.sector.currentData()
        self.sector.blockSignals(True)
        self.sector.clear()
        self.sector.addItem(self.tr("No sector"), None)
        for sector in self.sectors:
            self.sector.addItem(sector.name, sector.id)
        index = self.sector.findData(chosen)
        self.sector.setCurrentIndex(max(0, index))
        self.sector.blockSignals(False)

        kind_chosen, sector_chosen = (
            self.filter_kind.currentData(),
            self.filter_sector.currentData(),
        )
        for combo in (self.filter_kind, self.filter_sector):
            combo.blockSignals(True)
            combo.clear()
        self.filter_kind.addItem(self.tr("All kinds"), None)
        for kind in KIND_LABELS:
            self.filter_kind.addItem(kind_label(kind, self.context.language), kind)
        self.filter_sector.addItem(self.tr("All sectors"), None)
        for sector in self.sectors:
            self.filter_sector.addItem(sector.name, sector.id)
        self.filter_kind.setCurrentIndex(max(0, self.filter_kind.findData(kind_chosen)))
        self.filter_sector.setCurrentIndex(max(0, self.filter_sector.findData(sector_chosen)))
        for combo in (self.filter_kind, self.filter_sector):
            combo.blockSignals(False)

    def rebuild_columns(self) -> None:
        for column in self.columns:
            self.columns_row.removeWidget(column)
            column.deleteLater()
        self.columns = []
        for number, model in enumerate(self.board.models):
            column = IssueColumn(model, self.compact_delegate)
            column.clicked.connect(lambda number=number: self.go_to_issue(number))
            column.view.key_action.connect(self._card_key)
            column.view.editor_closed.connect(self._editor_closed)
            column.view.selectionModel().currentChanged.connect(
                lambda _current, _previous: self._selection_changed()
            )
            column.view.selectionModel().selectionChanged.connect(
                lambda _selected, _deselected: self._selection_changed()
            )
            model.rowsInserted.connect(self._scroll_to_new_card)
            self.columns.append(column)
            self.columns_row.addWidget(column)
        self._weights.clear()
        self.apply_filter()
        self._show_current()

    # --- reacting -------------------------------------------------------------------------

    def _on_changed(self, changes: Changes) -> None:
        if changes & Changes.SECTORS:
            self.reload_sectors()
        if changes & Changes.WORKSHOP:  # the glossary may have changed
            self._segmenter = None
            self._finder = None
            self.breaker.forget()

    def _cards_changed(self) -> None:
        self._weights.clear()
        for column in self.columns:
            column.update_header()
        self._update_counts()
        self._selection_changed()

    def _show_current(self) -> None:
        for number, column in enumerate(self.columns):
            current = number == self.board.current
            delegate = self.board_delegate if current else self.compact_delegate
            # A card being edited keeps the delegate that made its editor, which commits it;
            # the column changes its look once the editor closes.
            if column.view.state() != QAbstractItemView.State.EditingState:
                column.view.setItemDelegate(delegate)
            # Overview columns have cards of one height: no per-card measuring (speed).
            column.view.setUniformItemSizes(not current)
            column.set_current(current)
            self.columns_row.setStretch(number, 4 if current else 1)
            column.view.doItemsLayout()
        self._update_counts()
        self._entry_changed()
        self._selection_changed()

    def _editor_closed(self) -> None:
        for number, column in enumerate(self.columns):
            wanted = self.board_delegate if number == self.board.current else self.compact_delegate
            if column.view.itemDelegate() is not wanted:
                QTimer.singleShot(0, self._show_current)
                return

    def _check_dictionary(self) -> None:
        """Once the Thai dictionary is loaded, lay the cards out again with word breaks."""
        if dictionary_loaded():
            self._dictionary_poll.stop()
            self.breaker.forget()
            self.relayout_cards.emit()
            for column in self.columns:
                column.header.relayout()
                column.view.doItemsLayout()

    def go_to_issue(self, index: int) -> None:
        if self.board.models:
            self.board.set_current(index % len(self.board.models))
        column = self.current_column()
        if column is not None and column.view.currentIndex().isValid():
            column.view.scrollTo(column.view.currentIndex())

    def current_column(self) -> IssueColumn | None:
        return self.columns[self.board.current] if self.columns else None

    def apply_filter(self) -> None:
        text = self.filter_text.text()
        kind, sector = self.filter_kind.currentData(), self.filter_sector.currentData()
        for column in self.columns:
            column.proxy.set_filter(text, kind, sector)
            column.update_header()
        self._update_counts()

    def _update_counts(self) -> None:
        total = len(self.board.rows)
        shown = sum(c.proxy.rowCount() for c in self.columns)
        if any(c.proxy.is_filtering() for c in self.columns):
            self.total_label.setText(
                self.tr("Showing {shown} of {total} cards").format(shown=shown, total=total)
            )
        else:
            self.total_label.setText(self.tr("{total} cards").format(total=total))
        column = self.current_column()
        lines: list[tuple[str, str | None]] = []  # (text, swatch colour)
        if column is not None:
            counts = ideas.count_ideas(column.model.rows())
            lines = [
                (f"{s.name}: {counts.by_sector[s.id]}", s.colour)
                for s in self.sectors
                if counts.by_sector.get(s.id)
            ]
            if counts.by_sector.get(None):
                text = self.tr("No sector: {count}").format(count=counts.by_sector[None])
                lines.append((text, None))
            if not lines:
                lines.append((self.tr("No cards yet"), None))
        self._show_sector_counts(lines)

    def _show_sector_counts(self, lines: list[tuple[str, str | None]]) -> None:
        """Change the list's items in place when there are as many (the usual case)."""
        view = self.sector_counts
        resized = view.count() != len(lines)
        if resized:
            view.clear()
            for _ in lines:
                view.addItem(QListWidgetItem())
        for number, (text, colour) in enumerate(lines):
            item = view.item(number)
            if item.text() != text:
                item.setText(text)
            if item.data(Qt.ItemDataRole.UserRole) != colour:
                item.setData(Qt.ItemDataRole.UserRole, colour)
                item.setIcon(_swatch(colour) if colour else QIcon())
        if resized:  # tall enough for every line (a new line count is rare)
            rows = sum(view.sizeHintForRow(n) for n in range(view.count()))
            view.setFixedHeight(rows + 2 * view.frameWidth() + 4)

    def sector_count_lines(self) -> list[str]:
        """The lines of the per-sector counts, as shown."""
        view = self.sector_counts
        return [view.item(n).text() for n in range(view.count())]

    def _update_timer(self) -> None:
        countdown = self.board.countdown
        self.timer_label.setText(countdown.text())
        self.start_button.setText(self.tr("Pause") if countdown.running else self.tr("Start"))

    def toggle_timer(self) -> None:
        if self.board.countdown.running:
            self.board.countdown.pause()
        else:
            self.board.countdown.start()

    def _scroll_to_new_card(self, _parent: QModelIndex, _first: int, last: int) -> None:
        column = self.current_column()
        if column is not None and self.sender() is column.model:
            index = column.proxy.mapFromSource(column.model.index(last))
            if index.isValid():
                column.view.scrollTo(index)

    # --- duplicate suggestions ------------------------------------------------------------

    def workshop_segmenter(self) -> Segmenter:
        """The word segmenter with this workshop's glossary and province added; one for
        both line breaking and duplicate suggestions (building one takes half a second)."""
        if self._segmenter is None:
            self._segmenter = segmenter(self.workshop_words())
        return self._segmenter

    def workshop_words(self) -> tuple[str, ...]:
        """The workshop's glossary and province: words for the segmenter, and names a
        line never breaks inside."""
        if self._workshop_words is None:
            workshop_id = self.context.workshop_id
            details = self.context.read(lambda s: workshops.get_workshop(s, workshop_id))
            words = (*workshops.glossary_words(details.glossary), details.province)
            self._workshop_words = tuple(w for w in words if w.strip())
        return self._workshop_words

    def finder(self) -> DuplicateFinder:
        if self._finder is None:
            self._finder = DuplicateFinder(self.workshop_segmenter())
        return self._finder

    def suggest_for(self, text: str, exclude_id: str | None = None) -> list[tuple[IdeaRow, float]]:
        """Cards of the current issue that may say the same as ``text``."""
        column = self.current_column()
        if column is None or not text.strip():
            return []
        rows = [r for r in column.model.rows() if r.id != exclude_id]
        finder = self.finder()
        issue_id = column.model.issue.id
        if issue_id not in self._weights:
            self._weights[issue_id] = finder.weights(r.text for r in column.model.rows())
        by_id = {r.id: r for r in rows}
        found = finder.suggest(
            text,
            [(r.id, r.text) for r in rows],
            limit=SUGGESTION_LIMIT,
            weights=self._weights[issue_id],
        )
        return [(by_id[s.idea_id], s.score) for s in found]

    def _show_suggestions(self, text: str, exclude_id: str | None) -> None:
        self.suggestions.clear()
        for row, score in self.suggest_for(text, exclude_id):
            item = QListWidgetItem(f"{row.text}  ({round(score * 100)}%)")
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.suggestions.addItem(item)
        if self.suggestions.count():
            self.suggestions.setCurrentRow(0)
        self.merge_suggestion_button.setEnabled(
            exclude_id is not None and self.suggestions.count() > 0
        )

    def _entry_changed(self) -> None:
        self._suggestion_timer.start()

    def _selection_changed(self) -> None:
        column = self.current_column()
        selected = column.selected_rows() if column else []
        self.merge_button.setEnabled(len(selected) >= 2)
        self._suggestion_timer.start()

    def _selected_card(self) -> IdeaRow | None:
        """The card the merge panel is about: the current card if it is selected."""
        column = self.current_column()
        if column is None:
            return None
        selected = column.selected_rows()
        card = column.current_row()
        if card is not None and card not in selected:
            card = selected[0] if selected else None
        return card

    def update_suggestions(self) -> None:
        """Fill the merge panel: cards similar to what is being typed, or else to the
        selected card, and the cards merged into the selected card. Runs once typing or
        clicking pauses (SUGGESTION_DELAY_MS), not at every keystroke."""
        self._suggestion_timer.stop()
        card = self._selected_card()
        self._show_merged(card)
        text = self.entry.text()
        if text.strip():
            self.suggestion_title.setText(self.tr("Already on the board? Similar cards:"))
            self._show_suggestions(text, None)
            return
        if card is None:
            self.suggestion_title.setText(self.tr("Possible duplicates"))
            self.suggestions.clear()
            self.merge_suggestion_button.setEnabled(False)
            return
        self.suggestion_title.setText(self.tr("Possible duplicates of the selected card:"))
        self._show_suggestions(card.text, card.id)

    def _show_merged(self, card: IdeaRow | None) -> None:
        self.merged_list.clear()
        if card is not None and card.merged_count:
            merged = self.context.read(lambda s: ideas.merged_into(s, card.id))
            for row in merged:
                item = QListWidgetItem(row.text)
                item.setData(Qt.ItemDataRole.UserRole, row.id)
                self.merged_list.addItem(item)
        self.unmerge_button.setEnabled(self.merged_list.count() > 0)

    # --- actions --------------------------------------------------------------------------

    def draft_from_entry(self) -> IdeaDraft:
        return IdeaDraft(
            self.entry.text(),
            kind=str(self.kind.currentData()),
            sector_id=self.sector.currentData(),
            breakout_group=self.group.text(),
        )

    def add_from_entry(self) -> None:
        column = self.current_column()
        if column is None:
            self.banner.show_message(self.tr("Add a strategic issue first (Setup page)."), "error")
            return
        if not self.entry.text().strip():
            # A hint beside the box, not a box to click away: Enter on an empty entry
            # happens all the time while the room is still talking.
            self.banner.show_message(self.tr("Type the idea first, then press Enter."), "warn")
            self.entry.setFocus()
            return
        idea_id = str(uuid.uuid4())
        command = add_idea_command(
            self.context, column.model.issue.id, self.draft_from_entry(), idea_id
        )
        self.context.undo_stack.push(command)
        if command.succeeded:
            # setText, not clear(): clear() is undoable in the line edit, and Ctrl+Z must
            # undo the card, not bring the typed text back.
            self.entry.setText("")
            self.banner.clear_message()
            column.select_idea(idea_id)
            self.entry.setFocus()
            self._selection_changed()

    def edit_card_text(self, row: IdeaRow, text: str) -> bool:
        draft = IdeaDraft(text, row.kind, row.sector_id, row.breakout_group, row.author_id)
        if text == row.text:
            return False
        command = edit_idea_command(self.context, row, draft)
        self.context.undo_stack.push(command)
        return command.succeeded

    def drop_cards(self, ids: list[str], issue_id: str, before_id: str | None) -> None:
        rows = {r.id: r for r in self.board.rows}
        moving = [rows[i] for i in ids if i in rows and i != before_id]
        if not moving:
            return
        stack = self.context.undo_stack
        if len(moving) > 1:
            stack.beginMacro(self.tr("Move %n card(s)", "", len(moving)))
        for row in moving:
            stack.push(move_idea_command(self.context, row, issue_id, before_id))
        if len(moving) > 1:
            stack.endMacro()
        target = next((c for c in self.columns if c.model.issue.id == issue_id), None)
        if target is not None:
            target.select_idea(moving[0].id)

    def _card_key(self, action: str) -> None:
        column = self.current_column()
        if column is None or self.sender() is not column.view:
            return
        card = column.current_row()
        if action == "delete":
            self.delete_selected()
        elif action == "merge":
            self.merge_selected()
        elif action == "unmerge" and card is not None and card.merged_count:
            self._unmerge(card, None)
        elif card is not None and action in ("up", "down"):
            self.move_card_vertically(card, -1 if action == "up" else 1)
        elif card is not None and action in ("left", "right"):
            self.move_card_to_issue(card, -1 if action == "left" else 1)

    def move_card_vertically(self, card: IdeaRow, offset: int) -> None:
        before = self.context.read(lambda s: ideas.neighbour_id(s, card.id, offset))
        if before == card.id:
            return
        self.context.undo_stack.push(move_idea_command(self.context, card, card.issue_id, before))
        column = self.current_column()
        if column is not None:
            column.select_idea(card.id)

    def move_card_to_issue(self, card: IdeaRow, offset: int) -> None:
        target = self.board.current + offset
        if not (0 <= target < len(self.columns)):
            return
        issue_id = self.columns[target].model.issue.id
        self.context.undo_stack.push(move_idea_command(self.context, card, issue_id, None))
        self.go_to_issue(target)
        self.columns[target].select_idea(card.id)
        self.columns[target].view.setFocus()

    def delete_selected(self) -> None:
        column = self.current_column()
        rows = column.selected_rows() if column else []
        if rows:
            self.context.undo_stack.push(delete_ideas_command(self.context, rows))

    def merge_selected(self) -> None:
        column = self.current_column()
        rows = column.selected_rows() if column else []
        if len(rows) < 2:
            self.banner.show_message(
                self.tr("Select two or more cards to merge (Ctrl+click or Shift+click)."), "error"
            )
            return
        target, sources = rows[0], rows[1:]
        self.context.undo_stack.push(merge_ideas_command(self.context, target, sources))
        if column is not None:
            column.select_idea(target.id)

    def merge_into_suggestion(self) -> None:
        column = self.current_column()
        card = column.current_row() if column else None
        item = self.suggestions.currentItem()
        if column is None or card is None or item is None:
            return
        target = next(
            (r for r in column.model.rows() if r.id == item.data(Qt.ItemDataRole.UserRole)), None
        )
        if target is None:
            return
        self.context.undo_stack.push(merge_ideas_command(self.context, target, [card]))
        column.select_idea(target.id)

    def unmerge_selected(self) -> None:
        column = self.current_column()
        card = column.current_row() if column else None
        if card is None:
            return
        chosen = [
            str(item.data(Qt.ItemDataRole.UserRole)) for item in self.merged_list.selectedItems()
        ]
        self._unmerge(card, chosen or None)

    def _unmerge(self, card: IdeaRow, source_ids: list[str] | None) -> None:
        if source_ids is None:
            source_ids = [r.id for r in self.context.read(lambda s: ideas.merged_into(s, card.id))]
        if source_ids:
            self.context.undo_stack.push(unmerge_ideas_command(self.context, card, source_ids))
            column = self.current_column()
            if column is not None:
                column.select_idea(card.id)  # keep it selected to take out the next one

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

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self.entry.setFocus)
