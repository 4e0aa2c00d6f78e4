"""The sync page: copy a workshop to and from other computers, and review conflicts.

Three ways to move data: a bundle file on a USB stick (export here, import there), or
the provincial server (push and pull in one click). A province key, when set, signs
every exported bundle and makes imports refuse a bundle without its signature.

When two computers changed the same row without seeing each other's change, the later
change is in use and the other is kept for review: the right half of the page lists
them, shows what differs, and keeps the current version or takes the other one (each
one undoable step).

The operations run in the GUI thread: a bundle or a sync takes seconds, and a progress
bar fed by the sync API's progress callback (with the events processed) keeps the
window painted meanwhile.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QItemSelectionModel, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Date, Table, select
from sqlalchemy.orm import Session

from workshop_app.db.types import UtcDateTime
from workshop_app.errors import UserError
from workshop_app.services import workshops
from workshop_app.sync import bundle, conflicts, server
from workshop_app.sync.address import AddressError, parse_server_address
from workshop_app.sync.conflicts import ConflictRow, Resolution
from workshop_app.sync.merge import TableCounts
from workshop_app.sync.tables import TABLES_BY_NAME, references
from workshop_app.thai.dates import (
    THAI_TZ,
    be_year,
    format_thai_date,
    format_thai_date_short,
    format_thai_time,
)
from workshop_app.thai.linebreak import break_pieces
from workshop_app.ui import settings
from workshop_app.ui.commands import ServiceCommand, short_label
from workshop_app.ui.context import Changes, WorkshopContext
from workshop_app.ui.item_models import RowTableModel
from workshop_app.ui.thai_layout import ThaiLabel
from workshop_app.ui.widgets import Banner

BUNDLE_SUFFIX = ".wsbundle"
BUNDLE_SUFFIXES = (BUNDLE_SUFFIX, ".zip")  # a bundle is a zip; a renamed copy is accepted

# Every synced table, as a facilitator calls it (Thai, English).
TABLE_LABELS: dict[str, tuple[str, str]] = {
    "sync_conflicts": ("ฉบับที่ขัดแย้งกัน", "Conflicting versions"),
    "workshops": ("การประชุม", "Workshops"),
    "agenda_items": ("ระเบียบวาระการประชุม", "Agenda items"),
    "reference_items": ("รายการอ้างอิงของแผน", "Reference list items"),
    "sectors": ("ภาคส่วน", "Sectors"),
    "strategic_issues": ("ประเด็นยุทธศาสตร์", "Strategic issues"),
    "vote_rounds": ("รอบการลงคะแนน", "Vote rounds"),
    "attendees": ("ผู้เข้าร่วม", "Attendees"),
    "projects": ("โครงการ", "Projects"),
    "vote_criteria": ("เกณฑ์การให้คะแนน", "Voting criteria"),
    "vote_round_events": ("การเปิด/ปิดรอบลงคะแนน", "Vote round events"),
    "ballots": ("บัตรลงคะแนน", "Ballots"),
    "ideas": ("ความคิดเห็น/ข้อเสนอ", "Ideas"),
    "project_activities": ("กิจกรรมของโครงการ", "Project activities"),
    "project_budgets": ("งบประมาณโครงการรายปี", "Project budgets by year"),
    "ballot_marks": ("คะแนนในบัตร", "Ballot marks"),
    "idea_merge_events": ("การรวมความคิดเห็น", "Idea merges"),
    "paper_tallies": ("ผลนับคะแนนบนกระดาษ", "Paper tallies"),
    "project_ideas": ("ความคิดเห็นที่มาของโครงการ", "Ideas behind projects"),
    "vote_round_ideas": ("ความคิดเห็นในรอบลงคะแนน", "Ideas in vote rounds"),
}

# The fields a person edits, as the forms call them; "table.column" overrides "column".
COLUMN_LABELS: dict[str, tuple[str, str]] = {
    "title": ("ชื่อเรื่อง", "Title"),
    "text": ("ข้อความ", "Text"),
    "name": ("ชื่อ", "Name"),
    "kind": ("ประเภท", "Kind"),
    "issue_id": ("ประเด็นยุทธศาสตร์", "Strategic issue"),
    "sector_id": ("ภาคส่วน", "Sector"),
    "breakout_group": ("กลุ่มย่อย", "Breakout group"),
    "author_id": ("ผู้เสนอ", "Proposed by"),
    "position": ("ลำดับ", "Order"),
    "attendees.position": ("ตำแหน่ง", "Position"),
    "number": ("ลำดับที่", "Number"),
    "merged_into_id": ("รวมเข้ากับ", "Merged into"),
    "deleted": ("ถูกลบ", "Deleted"),
    "prefix": ("คำนำหน้า", "Prefix"),
    "first_name": ("ชื่อ", "First name"),
    "last_name": ("นามสกุล", "Last name"),
    "organisation": ("หน่วยงาน", "Organisation"),
    "phone": ("โทรศัพท์", "Phone"),
    "email": ("อีเมล", "Email"),
    "role": ("บทบาท", "Role"),
    "checked_in_at": ("เวลาลงทะเบียน", "Checked in at"),
    "code": ("รหัส", "Code"),
    "goal": ("เป้าประสงค์", "Goal"),
    "indicators": ("ตัวชี้วัด", "Indicators"),
    "notes": ("บันทึก", "Notes"),
    "resolution": ("มติที่ประชุม", "Resolution"),
    "venue": ("สถานที่", "Venue"),
    "province": ("จังหวัด", "Province"),
    "start_date": ("วันที่เริ่ม", "Start date"),
    "end_date": ("วันที่สิ้นสุด", "End date"),
    "budget": ("งบประมาณ", "Budget"),
    "amount": ("จำนวนเงิน", "Amount"),
    "fiscal_year": ("ปีงบประมาณ", "Fiscal year"),
    "rationale": ("หลักการและเหตุผล", "Rationale"),
    "objectives": ("วัตถุประสงค์", "Objectives"),
    "target_area": ("พื้นที่เป้าหมาย", "Target area"),
    "implementing_agency": ("หน่วยงานดำเนินการ", "Implementing agency"),
    "priority": ("ลำดับความสำคัญ", "Priority"),
    "funding_source": ("แหล่งงบประมาณ", "Funding source"),
    "colour": ("สี", "Colour"),
}

# Kept in step with other columns by the services (search keys): never edited, so a
# difference in them only repeats one shown beside it.
DERIVED_COLUMNS = frozenset({"search_text", "first_name_key", "last_name_key", "sort_key"})
# The column that names a referenced row (first match wins), as sync.conflicts does.
NAME_COLUMNS = ("title", "text", "name", "label", "code", "number")


def table_label(table: str, language: str) -> str:
    thai, english = TABLE_LABELS.get(table, (table, table))
    return thai if language == "th" else english


def column_label(table: str, column: str, language: str) -> str:
    thai, english = COLUMN_LABELS.get(f"{table}.{column}") or COLUMN_LABELS.get(
        column, (column, column)
    )
    return thai if language == "th" else english


def thai_moment(moment: dt.datetime, *, short: bool = True) -> str:
    """A moment in Thai time, B.E.: "7 มี.ค. 69 14.05 น." (or the full date), never
    broken across lines (no-break spaces)."""
    local = moment.astimezone(THAI_TZ)
    day = format_thai_date_short(local.date()) if short else format_thai_date(local.date())
    return f"{day} {format_thai_time(local)}".replace(" ", "\N{NO-BREAK SPACE}")


def short_title(title: str, limit: int = 40) -> str:
    """The start of a workshop title, cut between words, fit for a file name."""
    kept = ""
    for piece in break_pieces(title):
        if kept and len(kept) + len(piece.rstrip()) > limit:
            break
        kept += piece
    kept = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", kept)
    return re.sub(r"\s+", " ", kept).strip(" .(-") or "workshop"


def be_date_stamp(day: dt.date) -> str:
    """2569-03-07: a B.E. date that sorts in file listings."""
    return f"{be_year(day.year)}-{day.month:02d}-{day.day:02d}"


def split_address(address: str) -> tuple[str, str | None]:
    """A server address without its password, and the password if one was typed in it;
    an address that is not a URL at all comes back as typed (the sync explains why)."""
    try:
        parsed = parse_server_address(address)
    except AddressError:
        return address, None
    if parsed.password is None:
        return address, None
    # No password in any form (user:secret@, ?password=, a password holding "@").
    return parsed.bare, parsed.password


# --- models ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SummaryLine:
    label: str
    figures: tuple[int, ...]
    total: bool = False


class SummaryModel(RowTableModel[SummaryLine]):
    """What arrived (or went) per table: one row per table, a total row last."""

    def __init__(self) -> None:
        super().__init__()
        self.headers: Sequence[str] = ()

    def set_summary(self, headers: Sequence[str], lines: list[SummaryLine]) -> None:
        self.beginResetModel()
        self.headers = tuple(headers)
        self._rows = list(lines)
        self.endResetModel()

    def cell(self, row: SummaryLine, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.label
            if 0 < column <= len(row.figures):
                return f"{row.figures[column - 1]:,}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and row.total:
            font = QFont()
            font.setBold(True)
            return font
        return None


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


# --- the page -------------------------------------------------------------------------------


class SyncPage(QWidget):
    def __init__(self, context: WorkshopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._stale = True

        # Bundle files
        bundle_box = QGroupBox(self.tr("Bundle file (USB stick)"))
        bundle_help = ThaiLabel(
            self.tr(
                "Copy data to a computer without the internet: export a bundle file, carry "
                "it on a USB stick, and import it there. Importing the same file twice "
                "changes nothing."
            )
        )
        bundle_help.setWordWrap(True)
        self.this_workshop = QRadioButton(self.tr("This workshop only"))
        self.all_workshops = QRadioButton(self.tr("All workshops in this database file"))
        self.this_workshop.setChecked(True)
        scope = QButtonGroup(self)
        scope.addButton(self.this_workshop)
        scope.addButton(self.all_workshops)
        self.export_button = QPushButton(self.tr("Export bundle…"))
        self.export_button.clicked.connect(self._ask_and_export)
        self.import_button = QPushButton(self.tr("Import bundle…"))
        self.import_button.clicked.connect(self._ask_and_import)
        bundle_buttons = QHBoxLayout()
        bundle_buttons.addWidget(self.export_button)
        bundle_buttons.addWidget(self.import_button)
        bundle_buttons.addStretch(1)
        bundle_layout = QVBoxLayout(bundle_box)
        bundle_layout.addWidget(bundle_help)
        bundle_layout.addWidget(self.this_workshop)
        bundle_layout.addWidget(self.all_workshops)
        bundle_layout.addLayout(bundle_buttons)

        # The provincial server
        server_box = QGroupBox(self.tr("Provincial server"))
        self.server = QLineEdit(settings.SYNC_SERVER.get(settings.settings_store()))
        self.server.setPlaceholderText("postgresql+psycopg://user@host/database")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("never saved"))
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.clicked.connect(self.sync_with_server)
        self.password.returnPressed.connect(self.sync_with_server)
        server_form = QFormLayout()
        server_form.addRow(self.tr("Address"), self.server)
        server_form.addRow(self.tr("Password"), self.password)
        server_buttons = QHBoxLayout()
        server_buttons.addWidget(self.sync_button)
        server_buttons.addStretch(1)
        server_layout = QVBoxLayout(server_box)
        server_layout.addLayout(server_form)
        server_layout.addLayout(server_buttons)

        # The province key
        key_box = QGroupBox(self.tr("Province key"))
        self.key_label = QLabel()
        self.key_label.setWordWrap(True)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_button = QPushButton(self.tr("Choose key file…"))
        self.key_button.clicked.connect(self._ask_for_key)
        self.clear_key_button = QPushButton(self.tr("Clear"))
        self.clear_key_button.clicked.connect(lambda: self.set_key_file(None))
        key_buttons = QHBoxLayout()
        key_buttons.addWidget(self.key_button)
        key_buttons.addWidget(self.clear_key_button)
        key_buttons.addStretch(1)
        key_layout = QVBoxLayout(key_box)
        key_layout.addWidget(self.key_label)
        key_layout.addLayout(key_buttons)

        # Progress, outcome, and what arrived
        self.progress_label = QLabel()
        self.progress = QProgressBar()
        self.progress_label.setVisible(False)
        self.progress.setVisible(False)
        self.message = Banner()
        summary_box = QGroupBox(self.tr("What arrived"))
        self.source_label = ThaiLabel(self.tr("Nothing imported or synced yet."))
        self.source_label.setWordWrap(True)
        self.summary_model = SummaryModel()
        self.summary = QTableView()
        self.summary.setModel(self.summary_model)
        self.summary.verticalHeader().setVisible(False)
        self.summary.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.summary.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.summary.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        summary_layout = QVBoxLayout(summary_box)
        summary_layout.addWidget(self.source_label)
        summary_layout.addWidget(self.summary, 1)

        self.controls = QWidget()  # disabled while an operation runs
        controls_layout = QVBoxLayout(self.controls)
        controls_layout.setContentsMargins(0, 0, 0, 0)
        controls_layout.addWidget(bundle_box)
        controls_layout.addWidget(server_box)
        controls_layout.addWidget(key_box)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.controls)
        left_layout.addWidget(self.progress_label)
        left_layout.addWidget(self.progress)
        left_layout.addWidget(self.message)
        left_layout.addStretch(1)

        # Conflicts to review
        review_box = QGroupBox(self.tr("Conflicting edits to review"))
        review_help = ThaiLabel(
            self.tr(
                "Two computers changed the same item without seeing each other's change. "
                "The later change is in use; the other version is kept here until you "
                "choose."
            )
        )
        review_help.setWordWrap(True)
        self.show_resolved = QCheckBox(self.tr("Show resolved"))
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
        self.keep_button = QPushButton(self.tr("Keep current"))
        self.keep_button.setToolTip(self.tr("The version in use stays; this one is set aside."))
        self.keep_button.clicked.connect(self.keep_current)
        self.take_button = QPushButton(self.tr("Take this version"))
        self.take_button.setToolTip(
            self.tr("This version replaces the one in use (which is kept for review).")
        )
        self.take_button.clicked.connect(self.take_version)
        review_buttons = QHBoxLayout()
        review_buttons.addStretch(1)
        review_buttons.addWidget(self.keep_button)
        review_buttons.addWidget(self.take_button)
        review_top = QHBoxLayout()
        review_top.addWidget(self.conflict_count, 1)
        review_top.addWidget(self.show_resolved)
        review_layout = QVBoxLayout(review_box)
        review_layout.addWidget(review_help)
        review_layout.addLayout(review_top)
        review_layout.addWidget(self.conflict_view, 2)
        review_layout.addWidget(self.versions_label)
        review_layout.addWidget(self.difference_view, 3)
        review_layout.addLayout(review_buttons)

        # What arrived above, what to decide below: both in view after an import.
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(summary_box)
        right.addWidget(review_box)
        right.setChildrenCollapsible(False)
        self.right = right
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self._show_key()
        context.changed.connect(self._on_changed)
        self.load()

    # --- the conflicts ------------------------------------------------------------------

    def _on_changed(self, _changes: Changes) -> None:
        # The list shows rows of every table (the current side of each difference), so
        # any change may alter it; hidden, it waits until it is shown.
        if self.isVisible():
            self.load()
        else:
            self._stale = True

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not getattr(self, "_sized", False):  # the summary gets room for ten tables, once
            self._sized = True
            height = max(self.right.height(), 600)
            self.right.setSizes([int(height * 0.45), int(height * 0.55)])
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
        self.conflict_count.setText(
            self.tr("%n conflict(s) waiting for a decision", "", open_count)
            if open_count
            else self.tr("No conflicts waiting for a decision.")
        )
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
            Resolution.OPEN: self.tr("Waiting"),
            Resolution.KEPT: self.tr("Current kept"),
            Resolution.TAKEN: self.tr("This version taken"),
            Resolution.REPLACED: self.tr("Replaced"),
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
            version_device=self._device(row.version_device),
            differences=differences,
        )

    def _device(self, device_id: str) -> str:
        if device_id == self.context.database.device_id:
            return self.tr("this computer")
        return self.tr("computer {id}").format(id=device_id[:8] or "?")

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
            return self.tr("Yes") if value else self.tr("No")
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
                self.tr(
                    "“{item}” ({table}): this version was written {version} on {device}; "
                    "the current one {current}"
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

    # --- the province key ---------------------------------------------------------------

    def key_file(self) -> str:
        return settings.PROVINCE_KEY.get(settings.settings_store())

    def _show_key(self) -> None:
        path = self.key_file()
        if path:
            self.key_label.setText(
                self.tr(
                    "Key file: {path}\nExported bundles are signed; only signed bundles "
                    "are imported."
                ).format(path=path)
            )
        else:
            self.key_label.setText(
                self.tr("No province key: bundles are not signed, and any bundle is imported.")
            )
        self.clear_key_button.setEnabled(bool(path))

    def _ask_for_key(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the province key file"),
            str(Path(self.key_file()).parent if self.key_file() else Path.home()),
            self.tr("All files (*)"),
        )
        if path:
            self.set_key_file(Path(path))

    def set_key_file(self, path: Path | None) -> bool:
        """Use this key file from now on (checked first), or none."""
        if path is not None:
            try:
                bundle.read_key_file(path)
            except UserError as exc:
                self._failed(exc)
                return False
        settings.PROVINCE_KEY.set(settings.settings_store(), str(path) if path else "")
        self._show_key()
        self.message.show_message(
            self.tr("Province key set.") if path else self.tr("Province key cleared."), "ok"
        )
        return True

    def _key(self) -> bytes | None:
        path = self.key_file()
        return bundle.read_key_file(Path(path)) if path else None

    # --- running an operation -----------------------------------------------------------

    @contextlib.contextmanager
    def _busy(self, text: str) -> Iterator[None]:
        self.message.clear_message()
        self.controls.setEnabled(False)
        self.progress_label.setText(text)
        self.progress_label.setVisible(True)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self._pump()
        try:
            yield
        finally:
            self.progress.setVisible(False)
            self.progress_label.setVisible(False)
            self.controls.setEnabled(True)

    def _pump(self) -> None:
        # Paint the progress; the user's clicks wait (the controls are disabled anyway).
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def _step(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, total))
        self._pump()

    def _failed(self, exc: UserError) -> None:
        text = exc.message(self.context.language)
        self.message.show_message(text, "error")
        self.context.user_error.emit(text)

    def _arrived(self) -> None:
        # Rows from other devices arrived underneath the local undo history: undoing a
        # local command now would act on rows that changed since, so the history ends
        # here. Every page reloads, since any table may have changed.
        self.context.undo_stack.clear()
        self.context.changed.emit(Changes.ALL)

    # --- bundles ------------------------------------------------------------------------

    def _folder(self) -> Path:
        folder = settings.BUNDLE_FOLDER.get(settings.settings_store())
        return Path(folder) if folder and Path(folder).is_dir() else Path.home()

    def default_bundle_name(self, today: dt.date | None = None) -> str:
        day = today or dt.datetime.now(THAI_TZ).date()
        if self.all_workshops.isChecked():
            name = self.context.database.path.stem
        else:
            workshop_id = self.context.workshop_id
            name = short_title(
                self.context.read(lambda s: workshops.get_workshop(s, workshop_id).title)
            )
        return f"{name} {be_date_stamp(day)}{BUNDLE_SUFFIX}"

    def _ask_and_export(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export bundle"),
            str(self._folder() / self.default_bundle_name()),
            self.tr("Workshop bundles (*.wsbundle)"),
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> bundle.BundleInfo | None:
        """Write a bundle of this workshop (or all) to ``path``: whole, or nothing."""
        if path.suffix.lower() not in BUNDLE_SUFFIXES:
            path = path.with_name(path.name + BUNDLE_SUFFIX)
        workshop_ids = None if self.all_workshops.isChecked() else [self.context.workshop_id]
        try:
            key = self._key()
            with self._busy(self.tr("Writing {file}…").format(file=path.name)):
                info = bundle.export_bundle(
                    self.context.database, path, workshop_ids, key, progress=self._step
                )
        except UserError as exc:
            self._failed(exc)
            return None
        settings.BUNDLE_FOLDER.set(settings.settings_store(), str(path.parent))
        rows = sum(info.rows.values())
        count = len(info.workshops)
        text = self.tr("Wrote %n row(s) of {workshops} to {path}.", "", rows).format(
            workshops=self.tr("%n workshop(s)", "", count), path=path
        )
        if info.signed:
            text += " " + self.tr("Signed with the province key.")
        self.message.show_message(text, "ok")
        return info

    def _ask_and_import(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import bundle"),
            str(self._folder()),
            self.tr("Workshop bundles (*.wsbundle *.zip);;All files (*)"),
        )
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path) -> bundle.ImportResult | None:
        """Merge a bundle into this database: all of it, or (on any problem) nothing."""
        try:
            key = self._key()
            with self._busy(self.tr("Importing {file}…").format(file=path.name)):
                result = bundle.import_bundle(self.context.database, path, key, progress=self._step)
        except UserError as exc:
            self._failed(exc)
            return None
        settings.BUNDLE_FOLDER.set(settings.settings_store(), str(path.parent))
        self._arrived()
        self._show_import(path, result)
        return result

    def _show_import(self, path: Path, result: bundle.ImportResult) -> None:
        info = result.info
        try:
            made = thai_moment(dt.datetime.fromisoformat(info.created_utc), short=False)
        except ValueError:
            made = info.created_utc
        titles = ", ".join(w["title"] for w in info.workshops)
        signed = self.tr("signed with the province key") if info.signed else self.tr("not signed")
        self.source_label.setText(
            self.tr(
                "From {file}: made {made} on {device} (app {version}), {signed}.\n"
                "Workshops: {titles}"
            ).format(
                file=path.name,
                made=made,
                device=self._device(info.device_id),
                version=info.app_version,
                signed=signed,
                titles=titles or "—",
            )
        )
        merge = result.merge
        self._show_counts(
            [
                self.tr("Data"),
                self.tr("New"),
                self.tr("Updated"),
                self.tr("Unchanged"),
                self.tr("Conflicts"),
            ],
            [
                (name, (c.new, c.updated, c.unchanged, c.conflicts))
                for name, c in merge.tables.items()
            ],
        )
        changed, conflicts_found = merge.changed, merge.conflicts
        text = self.tr("Imported {file}: %n row(s) new or updated.", "", changed).format(
            file=path.name
        )
        if conflicts_found:
            text += " " + self.tr(
                "%n conflicting edit(s) to review on the right.", "", conflicts_found
            )
        self.message.show_message(text, "warn" if conflicts_found else "ok")

    def _show_counts(
        self, headers: list[str], counts: Sequence[tuple[str, tuple[int, ...]]]
    ) -> None:
        """One line per table (in the order of TABLE_LABELS), a total line last."""
        order = list(TABLE_LABELS)
        ordered = sorted(counts, key=lambda c: (order.index(c[0]) if c[0] in order else 99, c[0]))
        language = self.context.language
        lines = [SummaryLine(table_label(name, language), f) for name, f in ordered]
        if lines:
            totals = tuple(
                sum(column) for column in zip(*(line.figures for line in lines), strict=True)
            )
            lines.append(SummaryLine(self.tr("Total"), totals, total=True))
        self.summary_model.set_summary(headers, lines)
        # The table names get the room the figures leave (set again: a reset forgets it).
        self.summary.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    # --- the server ---------------------------------------------------------------------

    def sync_with_server(self) -> server.SyncResult | None:
        """Push and pull with the provincial server; the password is used for this call
        only (it is never stored, and the address field never shows it)."""
        address, typed = split_address(self.server.text().strip())
        if typed is not None and not self.password.text():
            self.password.setText(typed)  # pasted inside the address: moved where it belongs
        self.server.setText(address)
        if not address:
            self.message.show_message(self.tr("Type the server's address first."), "warn")
            return None
        try:
            label = parse_server_address(address).label
        except AddressError:
            label = ""  # not an address: not remembered; the sync says what is wrong
        if label:
            settings.SYNC_SERVER.set(settings.settings_store(), label)
        pulled: list[int] = []

        def step(phase: str, rows: int) -> None:
            if phase == "pull":
                pulled[:] = [rows]
            text = (
                self.tr("Sending to the server… %n row(s)", "", rows)
                if phase == "push"
                else self.tr("Receiving from the server… %n row(s)", "", rows)
            )
            self.progress_label.setText(text)
            self._pump()

        try:
            with self._busy(self.tr("Connecting to {server}…").format(server=label or address)):
                result = server.sync(
                    self.context.database,
                    address,
                    progress=step,
                    password=self.password.text() or None,
                )
        except UserError as exc:
            if pulled and pulled[0]:
                self._arrived()  # the batches received before the failure are kept
            self._failed(exc)
            return None
        self.password.clear()
        self._arrived()
        self._show_sync(label or address, result)
        return result

    def _show_sync(self, label: str, result: server.SyncResult) -> None:
        now = thai_moment(dt.datetime.now(dt.UTC), short=False)
        self.source_label.setText(
            self.tr("Synced with {server} at {time}").format(server=label, time=now)
        )
        sent_by_table, received_by_table = result.pushed.tables, result.pulled.tables
        counts: list[tuple[str, tuple[int, ...]]] = []
        for name in {*sent_by_table, *received_by_table}:
            out, came = _counts(sent_by_table, name), _counts(received_by_table, name)
            figures = (
                out.new + out.updated + out.unchanged + out.conflicts,
                came.new,
                came.updated,
                out.conflicts + came.conflicts,
            )
            counts.append((name, figures))
        self._show_counts(
            [
                self.tr("Data"),
                self.tr("Sent"),
                self.tr("Received new"),
                self.tr("Received updated"),
                self.tr("Conflicts"),
            ],
            counts,
        )
        conflicts_found = result.pulled.conflicts + result.pushed.conflicts
        sent, received = result.pushed_rows, result.pulled_rows
        text = (
            self.tr("Sync done: %n row(s) sent", "", sent)
            + ", "
            + self.tr("%n row(s) received.", "", received)
        )
        if conflicts_found:
            text += " " + self.tr(
                "%n conflicting edit(s) to review on the right.", "", conflicts_found
            )
        self.message.show_message(text, "warn" if conflicts_found else "ok")


def _counts(tables: dict[str, TableCounts], table: str) -> TableCounts:
    return tables.get(table) or TableCounts()


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
