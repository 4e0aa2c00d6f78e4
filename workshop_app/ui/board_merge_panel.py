"""The board's merge panel: cards that may say the same as what is being typed (or as
the selected card), the buttons that merge, and the cards merged into the selected card
with the button that takes them out again. The page finds the suggestions and runs the
merges (undoable commands); the panel shows them and says what was chosen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.services.ideas import IdeaRow


class MergePanel(QGroupBox):
    """Possible duplicates above, the selected card's merged cards below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Merging"))
        self.suggestions = QListWidget()
        self.suggestions.setObjectName("duplicateSuggestions")
        self.suggestions.setWordWrap(True)
        self.suggestion_title = QLabel(self.tr("Possible duplicates"))
        self.merge_suggestion_button = QPushButton(self.tr("Merge selected card into this one"))
        self.merge_button = QPushButton(self.tr("Merge selected cards (Ctrl+M)"))
        self.merged_list = QListWidget()
        self.merged_list.setObjectName("mergedCards")
        self.merged_list.setWordWrap(True)
        self.merged_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.unmerge_button = QPushButton(self.tr("Take out of the merge (Ctrl+Shift+M)"))
        self.merged_title = QLabel(self.tr("Cards merged into the selected card"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.suggestion_title)
        layout.addWidget(self.suggestions, 2)
        layout.addWidget(self.merge_suggestion_button)
        layout.addWidget(self.merge_button)
        layout.addWidget(self.merged_title)
        layout.addWidget(self.merged_list, 1)
        layout.addWidget(self.unmerge_button)

    def show_typed_suggestions(self, found: list[tuple[IdeaRow, float]]) -> None:
        """Cards similar to what is being typed (nothing to merge yet)."""
        self.suggestion_title.setText(self.tr("Already on the board? Similar cards:"))
        self._show_suggestions(found, can_merge=False)

    def show_card_suggestions(self, found: list[tuple[IdeaRow, float]]) -> None:
        """Cards similar to the selected card, which can be merged into the one chosen."""
        self.suggestion_title.setText(self.tr("Possible duplicates of the selected card:"))
        self._show_suggestions(found, can_merge=True)

    def clear_suggestions(self) -> None:
        self.suggestion_title.setText(self.tr("Possible duplicates"))
        self.suggestions.clear()
        self.merge_suggestion_button.setEnabled(False)

    def _show_suggestions(self, found: list[tuple[IdeaRow, float]], can_merge: bool) -> None:
        self.suggestions.clear()
        for row, score in found:
            item = QListWidgetItem(f"{row.text}  ({round(score * 100)}%)")
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.suggestions.addItem(item)
        if self.suggestions.count():
            self.suggestions.setCurrentRow(0)
        self.merge_suggestion_button.setEnabled(can_merge and self.suggestions.count() > 0)

    def chosen_suggestion_id(self) -> str | None:
        item = self.suggestions.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def show_merged(self, merged: list[IdeaRow]) -> None:
        """The cards merged into the selected card (none: nothing to take out)."""
        self.merged_list.clear()
        for row in merged:
            item = QListWidgetItem(row.text)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.merged_list.addItem(item)
        self.unmerge_button.setEnabled(self.merged_list.count() > 0)

    def chosen_merged_ids(self) -> list[str]:
        return [
            str(item.data(Qt.ItemDataRole.UserRole)) for item in self.merged_list.selectedItems()
        ]
