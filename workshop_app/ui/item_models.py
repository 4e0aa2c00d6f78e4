"""Qt item models over lists of plain rows fetched by services (never live ORM objects)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from workshop_app.services.attendees import AttendeeRow, SectorCount
from workshop_app.services.workshops import NumberedRow, SectorRow
from workshop_app.thai.dates import format_thai_time

Row = TypeVar("Row")
AnyIndex = QModelIndex | QPersistentModelIndex
_INVALID = QModelIndex()


def local_time(moment: dt.datetime) -> str:
    return format_thai_time(moment)


class RowTableModel(QAbstractTableModel, Generic[Row]):
    """A read-only table over a list of rows; subclasses say what each column shows."""

    headers: Sequence[str] = ()

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Row] = []

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Row]:
        return list(self._rows)

    def row_at(self, row: int) -> Row | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: AnyIndex = _INVALID) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = _INVALID) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self.headers):
            return self.headers[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        return self.cell(self._rows[index.row()], index.column(), role)

    def cell(self, row: Row, column: int, role: int) -> Any:
        """What ``column`` of ``row`` shows in ``role``; each subclass defines its columns."""
        return None


class AttendeeTableModel(RowTableModel[AttendeeRow]):
    """People found by the registration search."""

    def __init__(self) -> None:
        super().__init__()
        self.headers = (
            QCoreApplication.translate("ItemModels", "No."),
            QCoreApplication.translate("ItemModels", "Name"),
            QCoreApplication.translate("ItemModels", "Position"),
            QCoreApplication.translate("ItemModels", "Organisation"),
            QCoreApplication.translate("ItemModels", "Sector"),
            QCoreApplication.translate("ItemModels", "Status"),
        )

    def status_text(self, row: AttendeeRow) -> str:
        if row.checked_in_at is None:
            return QCoreApplication.translate("ItemModels", "Not yet arrived")
        text = QCoreApplication.translate("ItemModels", "Present {time}").format(
            time=local_time(row.checked_in_at)
        )
        if row.walk_in:
            text += " " + QCoreApplication.translate("ItemModels", "(walk-in)")
        return text

    def cell(self, row: AttendeeRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                str(row.code),
                row.full_name,
                row.position,
                row.organisation,
                row.sector_name,
                self.status_text(row),
            )
            return values[column]
        if role == Qt.ItemDataRole.DecorationRole and column == 4:
            return QColor(row.sector_colour)
        if role == Qt.ItemDataRole.ForegroundRole and column == 5:
            return QBrush(QColor("#1b7f3b" if row.checked_in_at else "#8a5a00"))
        if role == Qt.ItemDataRole.FontRole and column == 1:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == 1 and row.special_needs:
            return row.special_needs
        return None


class SectorCountsModel(RowTableModel[SectorCount]):
    """Live counts per sector, with a total row at the bottom."""

    def __init__(self) -> None:
        super().__init__()
        self.headers = (
            QCoreApplication.translate("ItemModels", "Sector"),
            QCoreApplication.translate("ItemModels", "Invited"),
            QCoreApplication.translate("ItemModels", "Present"),
            QCoreApplication.translate("ItemModels", "Walk-ins"),
        )

    def set_rows(self, rows: list[SectorCount]) -> None:
        total = SectorCount(
            "",
            QCoreApplication.translate("ItemModels", "Total"),
            "",
            sum(r.invited for r in rows),
            sum(r.present for r in rows),
            sum(r.walk_ins for r in rows),
        )
        super().set_rows([*rows, total])

    def cell(self, row: SectorCount, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.name, str(row.invited), str(row.present), str(row.walk_ins))[column]
        if role == Qt.ItemDataRole.DecorationRole and column == 0 and row.colour:
            return QColor(row.colour)
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and not row.sector_id:
            font = QFont()
            font.setBold(True)
            return font
        return None


Setter = Callable[[Any, int, str], bool]


class EditableRowModel(RowTableModel[Row]):
    """A table whose editable cells hand the new text to ``setter(row, column, text)``,
    which runs a service and returns whether it was accepted."""

    editable_columns: frozenset[int] = frozenset()

    def __init__(self, setter: Setter) -> None:
        super().__init__()
        self._setter = setter

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() in self.editable_columns:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if index.column() not in self.editable_columns:
            return False
        row = self.row_at(index.row())
        return row is not None and self._setter(row, index.column(), str(value))


class NumberedRowModel(EditableRowModel[NumberedRow]):
    """Strategic issues (number, title, goal) or agenda items (number, title, notes)."""

    editable_columns = frozenset({1, 2})

    def __init__(self, setter: Setter, detail_header: str) -> None:
        super().__init__(setter)
        self.headers = (
            QCoreApplication.translate("ItemModels", "No."),
            QCoreApplication.translate("ItemModels", "Title"),
            detail_header,
        )

    def cell(self, row: NumberedRow, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == 0:
                # Sub-items show their printed number (5.1), indented under their item
                # as on the minutes page.
                number = row.label or str(row.number)
                return f"    {number}" if row.parent_id else number
            return (row.title, row.detail)[column - 1]
        return None


class SectorRowModel(EditableRowModel[SectorRow]):
    """Sectors: name and colour (shown as a swatch with its #rrggbb code)."""

    editable_columns = frozenset({0, 1})

    def __init__(self, setter: Setter) -> None:
        super().__init__(setter)
        self.headers = (
            QCoreApplication.translate("ItemModels", "Sector"),
            QCoreApplication.translate("ItemModels", "Colour"),
        )

    def cell(self, row: SectorRow, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return (row.name, row.colour)[column]
        if role == Qt.ItemDataRole.DecorationRole and column == 1:
            return QColor(row.colour)
        return None
