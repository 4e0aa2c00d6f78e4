"""Reviewing conflicts: when two computers changed the same row without seeing each
other's change, the later change is in use and the other is kept for review. This part of
the sync page lists them, shows what differs, and keeps the current version or takes the
other one (each one undoable step).

Its texts keep the sync page's translation context ("SyncPage"), where they were first
translated.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Date, Table, select
from sqlalchemy.orm import Session

from workshop_app.db.types import UtcDateTime
from workshop_app.sync import conflicts
from workshop_app.sync.conflicts import ConflictRow, Resolution
from workshop_app.sync.labels import column_label, table_label
from workshop_app.sync.tables import TABLES_BY_NAME, references
from workshop_app.thai.dates import (
    THAI_TZ,
    format_thai_date,
    format_thai_date_short,
    format_thai_time,
)
from workshop_app.ui.commands import ServiceCommand, short_label
from workshop_app.ui.context import Changes, WorkshopContext
from workshop_app.ui.item_models import RowTableModel
from workshop_app.ui.thai_layout import ThaiLabel

# Kept in step with other columns by the services (search keys): never edited, so a
# difference in them only repeats one shown beside it.
DERIVED_COLUMNS = frozenset({"search_text", "first_name_key", "last_name_key", "sort_key"})
# The column that names a referenced row (first match wins), as sync.conflicts does.
NAME_COLUMNS = ("title", "text", "name", "label", "code", "number")


def thai_moment(moment: dt.datetime, *, short: bool = True) -> str:
    """A moment in Thai time, B.E.: "7 มี.ค. 69 14.05 น." (or the full date), never
    broken across lines (no-break spaces)."""
    local = moment.astimezone(THAI_TZ)
    day = format_thai_date_short(local.date()) if short else format_thai_date(local.date())
    return f"{day} {format_thai_time(local)}".replace(" ", "\N{NO-BREAK SPACE}")


@dataclass(frozen=True)
class ShownDifference:
    field: str
    this_version: str
    current: str


@dataclass(frozen=True)
class ShownConflict:
    """A conflict as the page shows it: labels and values ready to read."""

    row: ConflictRow
    table: str
    status: str
    version_written: str
    current_written: str
    version_device: str
    differences: tuple[ShownDifference, ...]


class ConflictTableModel(RowTableModel[ShownConflict]):
    def __init__(self) -> None:
        super().__init__()
        self.headers = (
            QCoreApplication.translate("SyncModels", "Data"),
            QCoreApplication.translate("SyncModels", "Item"),
            QCoreApplication.translate("SyncModels", "This version written"),
            QCoreApplication.translate("SyncModels", "Current version written"),
            QCoreApplication.translate("SyncModels", "Status"),
        )

    def cell(self, row: ShownConflict, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                row.table,
                row.row.title,
                row.version_written,
                row.current_written,
                row.status,
            )
            return values[column] if 0 <= column < len(values) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 1:
                return row.row.title
            if column == 2:
                return QCoreApplication.translate("SyncModels", "Written on {device}").format(
                    device=row.version_device
                )
        return None


class DifferenceTableModel(RowTableModel[ShownDifference]):
    def __init__(self) -> None:
        super().__init__()
        self.headers = (
            QCoreApplication.translate("SyncModels", "Field"),
            QCoreApplication.translate("SyncModels", "This version"),
            QCoreApplication.translate("SyncModels", "Current version"),
        )

    def cell(self, row: ShownDifference, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = (row.field, row.this_version, row.current)
            return values[column] if 0 <= column < len(values) else None
        return None


# --- undo commands --------------------------------------------------------------------------


def keep_current_command(context: WorkshopContext, row: ConflictRow) -> ServiceCommand:
    """Mark the conflict settled, the current version staying; undo opens it again."""
    previous: list[str] = []

    def keep(session: Session) -> None:
        previous[:] = [conflicts.set_resolution(session, row.id, Resolution.KEPT)]

    def back(session: Session) -> None:
        conflicts.set_resolution(session, row.id, previous[0] if previous else row.resolution)

    return ServiceCommand(
        context,
        QCoreApplication.translate("SyncCommands", "Keep the current version of “{item}”").format(
            item=short_label(row.title)
        ),
        keep,
        back,
        Changes.NONE,  # only the conflicts list shows it, and it reloads on any change
    )


def take_version_command(context: WorkshopContext, row: ConflictRow) -> ServiceCommand:
    """Make the other version current; undo takes back the version it replaced."""
    replaced: list[str] = []

    def take(session: Session) -> None:
        replaced[:] = [conflicts.take_version(session, row.id)]

    def back(session: Session) -> None:
        conflicts.take_version(session, replaced[0])
        conflicts.set_resolution(session, row.id, row.resolution)

    return ServiceCommand(
        context,
        QCoreApplication.translate("SyncCommands", "Take the other version of “{item}”").format(
            item=short_label(row.title)
        ),
        take,
        back,
        Changes.ALL,  # the row may be of any table: every page reloads
    )


# --- the review -------------------------------------------------------------------------------


class ConflictReview(QGroupBox):
    """The list of conflicting versions of a workshop, what differs, and the two choices."""

    def __init__(
        self,
        context: WorkshopContext,
        count_text: Callable[[int], str],
        parent: QWidget | None = None,
    ) -> None:
        """``count_text`` says how many conflicts wait (a plural the page translates: the
        translation tools take plurals from ``tr`` only)."""
        super().__init__(
            QCoreApplication.translate("SyncPage", "Conflicting edits to review"), parent
        )
        self.context = context
        self._count_text = count_text
        self._stale = True
        review_help = ThaiLabel(
            QCoreApplication.translate(
                "SyncPage",
                "Two computers changed the same item without seeing each other's change. "
                "The later change is in use; the other version is kept here until you "
                "choose.",
            )
        )
        review_help.setWordWrap(True)
        self.show_resolved = QCheckBox(QCoreApplication.translate("SyncPage", "Show resolved"))
        self.show_resolved.toggled.connect(lambda _on: self.load())
        self.conflict_model = ConflictTableModel()
        self.conflict_view = QTableView()
        self.conflict_view.setModel(self.conflict_model)
        self.conflict_view.verticalHeader().setVisible(False)
        self.conflict_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.conflict_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.conflict_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.conflict_view.setWordWrap(False)
        header = self.conflict_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        selection = self.conflict_view.selectionModel()
        selection.currentRowChanged.connect(lambda _now, _before: self._show_current())
        self.conflict_count = QLabel()
        self.versions_label = ThaiLabel()
        self.versions_label.setWordWrap(True)
        self.difference_model = DifferenceTableModel()
        self.difference_view = QTableView()
        self.difference_view.setModel(self.difference_model)
        self.difference_view.verticalHeader().setVisible(False)
        self.difference_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.difference_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.difference_view.setWordWrap(True)
        self.difference_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        differences = self.difference_view.horizontalHeader()
        differences.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        differences.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        differences.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.keep_button = QPushButton(QCoreApplication.translate("SyncPage", "Keep current"))
        self.keep_button.setToolTip(
            QCoreApplication.translate(
                "SyncPage", "The version in use stays; this one is set aside."
            )
        )
        self.keep_button.clicked.connect(self.keep_current)
        self.take_button = QPushButton(QCoreApplication.translate("SyncPage", "Take this version"))
        self.take_button.setToolTip(
            QCoreApplication.translate(
                "SyncPage", "This version replaces the one in use (which is kept for review)."
            )
        )
        self.take_button.clicked.connect(self.take_version)
        review_buttons = QHBoxLayout()
        review_buttons.addStretch(1)
        review_buttons.addWidget(self.keep_button)
        review_buttons.addWidget(self.take_button)
        review_top = QHBoxLayout()
        review_top.addWidget(self.conflict_count, 1)
        review_top.addWidget(self.show_resolved)
        review_layout = QVBoxLayout(self)
        review_layout.addWidget(review_help)
        review_layout.addLayout(review_top)
        review_layout.addWidget(self.conflict_view, 2)
        review_layout.addWidget(self.versions_label)
        review_layout.addWidget(self.difference_view, 3)
        review_layout.addLayout(review_buttons)
        context.changed.connect(self._on_changed)
        self.load()

    def _on_changed(self, _changes: Changes) -> None:
        # The list shows rows of every table (the current side of each difference), so
        # any change may alter it; hidden, it waits until it is shown.
        if self.isVisible():
            self.load()
        else:
            self._stale = True

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._stale:
            self.load()

    def load(self) -> None:
        workshop_id = self.context.workshop_id
        include_resolved = self.show_resolved.isChecked()

        def read(session: Session) -> list[ShownConflict]:
            rows = conflicts.list_conflicts(session, workshop_id, include_resolved)
            return [self._shown(session, row) for row in rows]

        selected = self.current_conflict()
        shown = self.context.read(read)
        self._stale = False
        self.conflict_model.set_rows(shown)
        open_count = sum(1 for c in shown if c.row.resolution == Resolution.OPEN)
        self.conflict_count.setText(self._count_text(open_count))
        rows = [c.row.id for c in shown]
        if rows:
            at = rows.index(selected.id) if selected and selected.id in rows else 0
            self.conflict_view.selectionModel().setCurrentIndex(
                self.conflict_model.index(at, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._show_current()

    def _shown(self, session: Session, row: ConflictRow) -> ShownConflict:
        language = self.context.language
        statuses = {
            Resolution.OPEN: QCoreApplication.translate("SyncPage", "Waiting"),
            Resolution.KEPT: QCoreApplication.translate("SyncPage", "Current kept"),
            Resolution.TAKEN: QCoreApplication.translate("SyncPage", "This version taken"),
            Resolution.REPLACED: QCoreApplication.translate("SyncPage", "Replaced"),
        }
        table = TABLES_BY_NAME.get(row.table_name)
        pointers = dict(references(table)) if table is not None else {}
        differences = tuple(
            ShownDifference(
                column_label(row.table_name, d.column, language),
                self._value(session, table, pointers, d.column, d.this_version),
                self._value(session, table, pointers, d.column, d.current),
            )
            for d in row.differences
            if d.column not in DERIVED_COLUMNS
        )
        return ShownConflict(
            row=row,
            table=table_label(row.table_name, language),
            status=statuses.get(row.resolution, row.resolution),
            version_written=thai_moment(row.version_time),
            current_written=thai_moment(row.current_time),
            version_device=device_name(row.version_device, self.context.database.device_id),
            differences=differences,
        )

    def _value(
        self,
        session: Session,
        table: Table | None,
        pointers: dict[str, str],
        column: str,
        value: Any,
    ) -> str:
        """A stored JSON value as a person reads it."""
        if value is None or value == "":
            return "—"
        if isinstance(value, bool):
            return (
                QCoreApplication.translate("SyncPage", "Yes")
                if value
                else QCoreApplication.translate("SyncPage", "No")
            )
        if column in pointers and isinstance(value, str):
            return _referenced_name(session, pointers[column], value)
        kind = table.c[column].type if table is not None and column in table.c else None
        try:
            if isinstance(kind, UtcDateTime):
                return thai_moment(dt.datetime.fromisoformat(str(value)), short=False)
            if isinstance(kind, Date):
                return format_thai_date(dt.date.fromisoformat(str(value)))
        except ValueError:
            pass
        return str(value)

    def current_conflict(self) -> ConflictRow | None:
        shown = self.conflict_model.row_at(self.conflict_view.currentIndex().row())
        return shown.row if shown is not None else None

    def _show_current(self) -> None:
        shown = self.conflict_model.row_at(self.conflict_view.currentIndex().row())
        if shown is None:
            self.difference_model.set_rows([])
            self.versions_label.setText("")
        else:
            self.difference_model.set_rows(list(shown.differences))
            self.versions_label.setText(
                QCoreApplication.translate(
                    "SyncPage",
                    "“{item}” ({table}): this version was written {version} on {device}; "
                    "the current one {current}",
                ).format(
                    item=shown.row.title,
                    table=shown.table,
                    version=shown.version_written,
                    device=shown.version_device,
                    current=shown.current_written,
                )
            )
        resolution = shown.row.resolution if shown else None
        self.keep_button.setEnabled(resolution == Resolution.OPEN)
        # A kept or replaced version can still be taken (a change of mind after the
        # undo history is gone); a taken one is the current version already.
        self.take_button.setEnabled(shown is not None and resolution != Resolution.TAKEN)

    def select_conflict(self, conflict_id: str) -> None:
        for number, shown in enumerate(self.conflict_model.rows()):
            if shown.row.id == conflict_id:
                self.conflict_view.selectRow(number)
                return

    def keep_current(self) -> None:
        row = self.current_conflict()
        if row is not None:
            self.context.undo_stack.push(keep_current_command(self.context, row))

    def take_version(self) -> None:
        row = self.current_conflict()
        if row is not None:
            self.context.undo_stack.push(take_version_command(self.context, row))
            self.select_conflict(row.id)


def device_name(device_id: str, this_device: str) -> str:
    """A device as a person reads it: this computer, or the start of its id."""
    if device_id == this_device:
        return QCoreApplication.translate("SyncPage", "this computer")
    return QCoreApplication.translate("SyncPage", "computer {id}").format(id=device_id[:8] or "?")


def _referenced_name(session: Session, table_name: str, row_id: str) -> str:
    """What a referenced row is called (an issue's title, a person's name)."""
    table = TABLES_BY_NAME.get(table_name)
    if table is None:
        return row_id
    found = session.execute(select(table).where(table.c.id == row_id)).mappings().first()
    if found is None:
        return row_id[:8]
    if "first_name" in found:
        return f"{found['first_name']} {found.get('last_name') or ''}".strip()
    for column in NAME_COLUMNS:
        if found.get(column) not in (None, ""):
            return str(found[column])
    return row_id[:8]
