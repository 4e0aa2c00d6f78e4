"""The brainstorm board, made for typing as fast as people talk.

The entry box keeps the focus: type, Enter, and the card is on the current issue's column
(and on the projector). F5 / Shift+F5 change the kind of the next card, F6 / Shift+F6 its
sector (function keys work whatever the keyboard layout, Thai or English);
Ctrl+PgDown / Ctrl+PgUp go to the next or previous issue. In a column: F2 edits a card,
Delete deletes, Alt+Up/Down reorders, Alt+Left/Right moves it to the neighbouring issue,
Ctrl+M merges the selected cards into the top one, Ctrl+Shift+M gives back the cards
merged into it. Cards can also be dragged within and between columns. Ctrl+Z undoes.

The page puts the board together and runs its actions (undoable commands); its parts
live apart: the columns (``ui.board_columns``), the entry box (``ui.board_entry``), the
merge panel (``ui.board_merge_panel``), the timer and projector box (``ui.board_timer``),
and the cards both the page and the projector show (``ui.board_data``).
"""

from __future__ import annotations

import math
import time
import uuid
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QKeySequence, QPixmap, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from workshop_app.services import ideas, workshops
from workshop_app.services.idea_duplicates import DuplicateFinder, WordWeights
from workshop_app.services.ideas import KIND_LABELS, IdeaDraft, IdeaRow, kind_label
from workshop_app.services.workshops import SectorRow
from workshop_app.thai.segment import Segmenter, dictionary_loaded, segmenter, start_loading
from workshop_app.ui.board_columns import IssueColumn
from workshop_app.ui.board_data import BoardData
from workshop_app.ui.board_entry import IdeaEntry
from workshop_app.ui.board_merge_panel import MergePanel
from workshop_app.ui.board_timer import TimerBox
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
from workshop_app.ui.thai_layout import Breaker
from workshop_app.ui.widgets import Banner, SteadyLabel, narrow_combo

__all__ = ["BoardPage", "IssueColumn"]

SUGGESTION_LIMIT = 5
SUGGESTION_DELAY_MS = 150
# Cards added or changed (phones send several a second) update the suggestions at most
# this often: each update scores the whole column on the GUI's thread.
CARDS_SUGGESTION_INTERVAL_MS = 1000
COMPACT_LINES = 3  # lines of text on the cards of the narrow (not current) columns


def _swatch(colour: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


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
        self._cards_suggestion_timer = QTimer(self)
        self._cards_suggestion_timer.setSingleShot(True)
        self._cards_suggestion_timer.timeout.connect(self.update_suggestions)
        self._suggested_at = -math.inf  # time.monotonic() of the last update_suggestions
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
        narrow_combo(self.filter_sector)
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
        self.idea_entry = IdeaEntry(context.language)
        self.idea_entry.add_requested.connect(self.add_from_entry)
        self.idea_entry.text_changed.connect(self._entry_changed)
        # Its parts, as the page's: typing, kind, sector and group of the next card.
        self.entry, self.kind = self.idea_entry.entry, self.idea_entry.kind
        self.sector, self.group = self.idea_entry.sector, self.idea_entry.group
        self.banner = Banner()

        # --- side panel: timer and projector, merging, counts
        self.merge_panel = MergePanel()
        self.merge_panel.merge_suggestion_button.clicked.connect(self.merge_into_suggestion)
        self.merge_panel.merge_button.clicked.connect(self.merge_selected)
        self.merge_panel.unmerge_button.clicked.connect(self.unmerge_selected)
        # Its parts, as the page's (the merge actions below use them).
        self.suggestions = self.merge_panel.suggestions
        self.merge_suggestion_button = self.merge_panel.merge_suggestion_button
        self.merge_button = self.merge_panel.merge_button
        self.merged_list = self.merge_panel.merged_list
        self.unmerge_button = self.merge_panel.unmerge_button

        self.timer_box = TimerBox(board)
        self.timer_box.projector_button.clicked.connect(self.projector_requested)
        self.timer_label, self.minutes = self.timer_box.timer_label, self.timer_box.minutes
        self.start_button = self.timer_box.start_button
        self.projector_button = self.timer_box.projector_button
        self.show_all = self.timer_box.show_all

        counts_box = QGroupBox(self.tr("Cards per sector (current issue)"))
        # A list, not a rich-text label: a label's new text re-lays out the whole page,
        # and the counts change with every card typed.
        self.sector_counts = QListWidget()
        self.sector_counts.setObjectName("sectorIdeaCounts")
        self.sector_counts.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.sector_counts.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.sector_counts.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # One line each: laid out by the first line's size, not each line's text measured
        # again whenever a count changes (every card typed).
        self.sector_counts.setUniformItemSizes(True)
        self.sector_counts.setStyleSheet("QListWidget { background:transparent; border:none; }")
        QVBoxLayout(counts_box).addWidget(self.sector_counts)

        self.side_layout = side = QVBoxLayout()
        side.addWidget(self.timer_box)
        side.addWidget(self.merge_panel, 1)
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
        left.addWidget(self.idea_entry)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(side_scroll)

        self._shortcuts()
        board.issues_changed.connect(self.rebuild_columns)
        board.current_changed.connect(lambda _index: self._show_current())
        board.cards_changed.connect(self._cards_changed)
        context.changed.connect(self._on_changed)
        self.reload_sectors()
        self.rebuild_columns()
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
        self.timer_box.set_projector_shown(shown)

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
        self.idea_entry.set_sectors(self.sectors)

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
            column.view.cards_added.connect(self._scroll_to_new_card)
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
        self._update_merge_button()
        # Not restarted by every change: under a steady stream of phone cards the
        # suggestions still follow, once a second, and typing is not slowed by them.
        if not self._suggestion_timer.isActive() and not self._cards_suggestion_timer.isActive():
            since_ms = (time.monotonic() - self._suggested_at) * 1000
            wait_ms = max(SUGGESTION_DELAY_MS, CARDS_SUGGESTION_INTERVAL_MS - since_ms)
            self._cards_suggestion_timer.start(int(wait_ms))

    def _show_current(self) -> None:
        for number, column in enumerate(self.columns):
            current = number == self.board.current
            delegate = self.board_delegate if current else self.compact_delegate
            # A card being edited keeps the delegate that made its editor, which commits it;
            # the column changes its look once the editor closes.
            if column.view.state() != QAbstractItemView.State.EditingState:
                column.view.use_delegate(delegate)
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
            self._suggestion_timer.start()  # the merge panel's cards, word-wrapped now

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

    def _scroll_to_new_card(self, last: int) -> None:
        column = self.current_column()
        if column is not None and self.sender() is column.view:
            index = column.view.view_index(last)
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

    def _entry_changed(self) -> None:
        self._suggestion_timer.start()

    def _selection_changed(self) -> None:
        self._update_merge_button()
        self._suggestion_timer.start()

    def _update_merge_button(self) -> None:
        column = self.current_column()
        selected = column.selected_rows() if column else []
        self.merge_button.setEnabled(len(selected) >= 2)

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
        self._cards_suggestion_timer.stop()
        self._suggested_at = time.monotonic()
        card = self._selected_card()
        merged: list[IdeaRow] = []
        if card is not None and card.merged_count:
            merged = self.context.read(lambda s: ideas.merged_into(s, card.id))
        self.merge_panel.show_merged(merged)
        text = self.entry.text()
        if text.strip():
            self.merge_panel.show_typed_suggestions(self.suggest_for(text))
        elif card is None:
            self.merge_panel.clear_suggestions()
        else:
            self.merge_panel.show_card_suggestions(self.suggest_for(card.text, card.id))

    # --- actions --------------------------------------------------------------------------

    def draft_from_entry(self) -> IdeaDraft:
        return self.idea_entry.draft()

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
        chosen = self.merge_panel.chosen_suggestion_id()
        if column is None or card is None or chosen is None:
            return
        target = next((r for r in column.model.rows() if r.id == chosen), None)
        if target is None:
            return
        self.context.undo_stack.push(merge_ideas_command(self.context, target, [card]))
        column.select_idea(target.id)

    def unmerge_selected(self) -> None:
        column = self.current_column()
        card = column.current_row() if column else None
        if card is None:
            return
        self._unmerge(card, self.merge_panel.chosen_merged_ids() or None)

    def _unmerge(self, card: IdeaRow, source_ids: list[str] | None) -> None:
        if source_ids is None:
            source_ids = [r.id for r in self.context.read(lambda s: ideas.merged_into(s, card.id))]
        if source_ids:
            self.context.undo_stack.push(unmerge_ideas_command(self.context, card, source_ids))
            column = self.current_column()
            if column is not None:
                column.select_idea(card.id)  # keep it selected to take out the next one

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self.entry.setFocus)
