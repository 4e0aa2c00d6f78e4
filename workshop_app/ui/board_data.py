"""What the board page and the projector window both show: one list model per strategic
issue, the current issue, and the countdown timer. Both windows read the same models, so
what the room sees on the projector is exactly what the facilitator sees on the board.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from workshop_app.services import ideas, workshops
from workshop_app.services.ideas import IdeaRow
from workshop_app.services.workshops import NumberedRow
from workshop_app.ui.context import Changes, WorkshopContext

AnyIndex = QModelIndex | QPersistentModelIndex
_INVALID = QModelIndex()
IDEA_MIME_TYPE = "application/x-workshop-idea-ids"

# Roles the card delegate and the filter read.
IDEA_ROLE = Qt.ItemDataRole.UserRole + 1  # the IdeaRow itself


def _in_order_within(part: list[str], whole: list[str]) -> bool:
    """Whether ``whole`` holds every id of ``part``, in the same order."""
    remaining = iter(whole)
    for item in part:  # plain loops: this runs over a whole column at every refresh
        for other in remaining:
            if other == item:
                break
        else:
            return False
    return True


class IdeaListModel(QAbstractListModel):
    """The cards of one strategic issue, top to bottom.

    Cards can be dragged (their ids travel as IDEA_MIME_TYPE) and dropped onto any
    column; the drop is handed to ``on_drop(ids, issue_id, before_id)``, which runs an
    undoable command, and the models are then refreshed from the database.
    """

    def __init__(self, issue: NumberedRow) -> None:
        super().__init__()
        self.issue = issue
        self._rows: list[IdeaRow] = []
        self.on_drop: Callable[[list[str], str, str | None], None] | None = None
        self.on_edit: Callable[[IdeaRow, str], bool] | None = None

    def set_rows(self, rows: list[IdeaRow]) -> bool:
        """Show these cards; return whether anything changed. Cards only added (wherever
        they fall) or only taken away are inserted or removed, keeping the selection
        and the scroll; anything else resets the list."""
        if rows == self._rows:
            return False
        old_ids = [r.id for r in self._rows]
        new_ids = [r.id for r in rows]
        if new_ids == old_ids:
            self._rows = list(rows)
            self.dataChanged.emit(self.index(0), self.index(len(rows) - 1))
            return True
        if _in_order_within(old_ids, new_ids):
            # Added: mostly at the bottom (typing in the room), but a card typed here and
            # one from a phone or another laptop may share a place and sort either way.
            self._insert_runs(rows, set(old_ids))
        elif _in_order_within(new_ids, old_ids):
            self._remove_runs(set(new_ids))  # deleted or merged away
        else:
            self.beginResetModel()
            self._rows = list(rows)
            self.endResetModel()
            return True
        # A card kept unchanged is the very same object (BoardData keeps them): "is" first.
        changed = [i for i, row in enumerate(self._rows) if row is not rows[i] and row != rows[i]]
        self._rows = list(rows)
        for i in changed:  # the cards kept may have changed as well (merged counts)
            self.dataChanged.emit(self.index(i), self.index(i))
        return True

    def _insert_runs(self, rows: list[IdeaRow], kept: set[str]) -> None:
        """Insert each run of cards not in ``kept`` where ``rows`` has it, top first."""
        at = 0
        while at < len(rows):
            if rows[at].id in kept:
                at += 1
                continue
            end = at
            while end < len(rows) and rows[end].id not in kept:
                end += 1
            self.beginInsertRows(_INVALID, at, end - 1)
            self._rows[at:at] = rows[at:end]
            self.endInsertRows()
            at = end

    def _remove_runs(self, kept: set[str]) -> None:
        """Remove each run of cards not in ``kept``, bottom first."""
        end = len(self._rows)
        while end > 0:
            if self._rows[end - 1].id in kept:
                end -= 1
                continue
            start = end - 1
            while start > 0 and self._rows[start - 1].id not in kept:
                start -= 1
            self.beginRemoveRows(_INVALID, start, end - 1)
            del self._rows[start:end]
            self.endRemoveRows()
            end = start

    def rows(self) -> list[IdeaRow]:
        return list(self._rows)

    def row_at(self, row: int) -> IdeaRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, idea_id: str) -> int:
        for number, row in enumerate(self._rows):
            if row.id == idea_id:
                return number
        return -1

    def rowCount(self, parent: AnyIndex = _INVALID) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        number = index.row()  # -1 for an invalid index
        if not 0 <= number < len(self._rows):
            return None
        row = self._rows[number]
        if role == IDEA_ROLE:  # first: the delegate asks for every card on every layout
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return row.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.text
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.row_at(index.row()) if index.isValid() else None
        if role != Qt.ItemDataRole.EditRole or row is None or self.on_edit is None:
            return False
        return self.on_edit(row, str(value))  # the refresh shows the stored text

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid():
            return flags | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsEditable
        return flags | Qt.ItemFlag.ItemIsDropEnabled

    # --- drag and drop ---------------------------------------------------------------------

    def mimeTypes(self) -> list[str]:
        return [IDEA_MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids = [self._rows[i.row()].id for i in sorted(indexes, key=lambda i: i.row())]
        mime = QMimeData()
        mime.setData(IDEA_MIME_TYPE, QByteArray(" ".join(ids).encode()))
        mime.setText("\n".join(self._rows[i.row()].text for i in indexes))
        return mime

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        return data.hasFormat(IDEA_MIME_TYPE)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        if not data.hasFormat(IDEA_MIME_TYPE) or self.on_drop is None:
            return False
        ids = bytes(data.data(IDEA_MIME_TYPE).data()).decode().split()
        if parent.isValid():  # dropped onto a card: goes above it
            row = parent.row()
        before = self._rows[row].id if 0 <= row < len(self._rows) else None
        callback, issue_id = self.on_drop, self.issue.id
        # Run after the drop event returns: the command refreshes (resets) the models,
        # which must not happen while the view is still handling the drop.
        QTimer.singleShot(0, lambda: callback(ids, issue_id, before))
        return False  # the view must not remove rows itself; the refresh does it


class Countdown(QObject):
    """The facilitator's countdown, shown on the board and on the projector."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._total = 10 * 60.0
        self._remaining = self._total
        self._started_at: float | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._tick)

    @property
    def running(self) -> bool:
        return self._started_at is not None

    def remaining(self) -> float:
        if self._started_at is None:
            return self._remaining
        return max(0.0, self._remaining - (time.monotonic() - self._started_at))

    def set_minutes(self, minutes: float) -> None:
        self._total = max(0.0, minutes * 60)
        self.reset()

    def start(self) -> None:
        if self._started_at is None and self.remaining() > 0:
            self._started_at = time.monotonic()
            self._timer.start()
            self.changed.emit()

    def pause(self) -> None:
        if self._started_at is not None:
            self._remaining = self.remaining()
            self._started_at = None
            self._timer.stop()
            self.changed.emit()

    def reset(self) -> None:
        self._started_at = None
        self._timer.stop()
        self._remaining = self._total
        self.changed.emit()

    def text(self) -> str:
        seconds = round(self.remaining())
        return f"{seconds // 60:02d}:{seconds % 60:02d}"

    def _tick(self) -> None:
        if self.remaining() <= 0:
            self._remaining = 0.0
            self._started_at = None
            self._timer.stop()
        self.changed.emit()


class BoardData(QObject):
    """The cards of every issue, kept current from the database after each change."""

    issues_changed = Signal()  # the list of issues (columns) changed
    current_changed = Signal(int)  # index of the current issue
    cards_changed = Signal()  # some column's cards changed (counts to update)
    show_all_changed = Signal(bool)  # projector: all issues, or the current one
    title_changed = Signal(str)  # the workshop's title

    def __init__(self, context: WorkshopContext) -> None:
        super().__init__()
        self.context = context
        self.models: list[IdeaListModel] = []
        self.current = 0
        self.show_all = False
        self.countdown = Countdown()
        self.title = ""
        self.rows: list[IdeaRow] = []  # every card on the board, column by column
        self._cards: dict[str, IdeaRow] = {}
        self._merged_counts: dict[str, int] = {}  # as the last refresh read them
        self._stamp = ""
        self.on_drop: Callable[[list[str], str, str | None], None] | None = None
        self.on_edit: Callable[[IdeaRow, str], bool] | None = None
        context.changed.connect(self._on_changed)
        self.reload_issues()

    def _on_changed(self, changes: Changes) -> None:
        if changes & (Changes.ISSUES | Changes.WORKSHOP):
            self.reload_issues()
        elif changes & (Changes.SECTORS | Changes.ATTENDEES):
            self.refresh(full=True)  # sector names and colours, authors' names
        elif changes & Changes.IDEAS:
            self.refresh()

    def reload_issues(self) -> None:
        workshop_id = self.context.workshop_id
        issues, title = self.context.read(
            lambda s: (
                workshops.list_issues(s, workshop_id),
                workshops.get_workshop(s, workshop_id).title,
            )
        )
        if title != self.title:
            self.title = title
            self.title_changed.emit(title)
        if [m.issue for m in self.models] != issues:
            self.models = [IdeaListModel(issue) for issue in issues]
            for model in self.models:
                model.on_drop = self._dropped
                model.on_edit = self._edited
            self.current = min(self.current, max(0, len(self.models) - 1))
            self.issues_changed.emit()
        self.refresh(full=True)

    def _dropped(self, ids: list[str], issue_id: str, before_id: str | None) -> None:
        if self.on_drop is not None:
            self.on_drop(ids, issue_id, before_id)

    def _edited(self, row: IdeaRow, text: str) -> bool:
        return self.on_edit(row, text) if self.on_edit is not None else False

    def refresh(self, full: bool = False) -> None:
        """Bring the columns up to date: every card when ``full``, otherwise only the cards
        changed since the newest stamp the last refresh saw (a keystroke must not re-read
        2,000 cards). Writes commit in the order of their stamps, the phones' server's
        as well as this window's (db.database stamps under the write lock), so no card
        committed later can carry an older stamp."""
        workshop_id = self.context.workshop_id
        since = "" if full else self._stamp
        delta = self.context.read(lambda s: ideas.board_changes(s, workshop_id, since))
        self._stamp = delta.stamp
        if not since:
            self._cards = {}
            touched = {m.issue.id for m in self.models}
        else:
            touched = set()
        for idea_id in delta.gone:
            old = self._cards.pop(idea_id, None)
            if old is not None:
                touched.add(old.issue_id)
        for card in delta.cards:
            old = self._cards.get(card.id)
            if old is not None:
                touched.add(old.issue_id)
            self._cards[card.id] = card
            touched.add(card.issue_id)
        # Cards read now carry their counts; the others change only when a count did.
        if delta.merged_counts != self._merged_counts:
            for idea_id, card in self._cards.items():
                count = delta.merged_counts.get(idea_id, 0)
                if card.merged_count != count:
                    self._cards[idea_id] = replace(card, merged_count=count)
                    touched.add(card.issue_id)
        self._merged_counts = delta.merged_counts
        if not touched:
            return
        by_issue: dict[str, list[IdeaRow]] = {issue_id: [] for issue_id in touched}
        for card in self._cards.values():
            if card.issue_id in by_issue:
                by_issue[card.issue_id].append(card)
        changed = False
        for model in self.models:
            if model.issue.id in by_issue:
                cards = sorted(by_issue[model.issue.id], key=lambda c: (c.position, c.id))
                changed |= model.set_rows(cards)
        if changed:
            self.rows = [card for model in self.models for card in model.rows()]
            self.cards_changed.emit()

    def set_current(self, index: int) -> None:
        if self.models and 0 <= index < len(self.models) and index != self.current:
            self.current = index
            self.current_changed.emit(index)

    def set_show_all(self, show_all: bool) -> None:
        if show_all != self.show_all:
            self.show_all = show_all
            self.show_all_changed.emit(show_all)

    def current_model(self) -> IdeaListModel | None:
        return self.models[self.current] if self.models else None

    def model_for(self, issue_id: str) -> IdeaListModel | None:
        return next((m for m in self.models if m.issue.id == issue_id), None)
