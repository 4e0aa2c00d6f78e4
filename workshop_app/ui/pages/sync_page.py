"""The sync page: copy a workshop to and from other computers, and review conflicts.

This module sends and receives data: a bundle file on a USB stick (export here, import
there), or the provincial server (push and pull in one click). A province key, when set,
signs and encrypts every exported bundle and makes imports refuse a bundle without it.
What arrived is summed up per kind of data.

Reviewing the conflicts that sync brings (the right half of the page) is
``conflict_review.ConflictReview``.

Each operation runs off the GUI thread (``WorkshopContext.run_in_background``): the
window keeps answering while a progress box follows it. A bundle export can be
cancelled until its file is complete (then no file is left); an import while the bundle
is read and checked (then nothing changed). A sync with the server is cancelled between
batches: the sync API reports progress between them, each committed whole on its side,
so a cancelled sync is an interrupted one (what was committed stays, the next sync
carries on from there).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
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
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from workshop_app.errors import UserError
from workshop_app.services import workshops
from workshop_app.services.registration_numbers import Renumbered
from workshop_app.sync.address import AddressError, parse_server_address
from workshop_app.sync.labels import TABLE_LABELS, table_label
from workshop_app.sync.merge import TableCounts
from workshop_app.thai.dates import (
    THAI_TZ,
    be_year,
)
from workshop_app.thai.linebreak import break_pieces
from workshop_app.ui import settings
from workshop_app.ui.context import BackgroundOperation, Changes, Progress, WorkshopContext
from workshop_app.ui.item_models import RowTableModel
from workshop_app.ui.pages.conflict_review import ConflictReview, device_name, thai_moment
from workshop_app.ui.thai_layout import ThaiLabel
from workshop_app.ui.widgets import Banner, progress_box

# The bundle and server modules (cryptography, psycopg) are imported when first used:
# importing them with the page was a sixth of the app's start-up.
if TYPE_CHECKING:
    from workshop_app.sync import bundle, server

BUNDLE_SUFFIX = ".wsbundle"
BUNDLE_SUFFIXES = (BUNDLE_SUFFIX, ".zip")  # a bundle is a zip; a renamed copy is accepted


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


# --- the page -------------------------------------------------------------------------------


class SyncPage(QWidget):
    def __init__(self, context: WorkshopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.cancel_dialog: QProgressDialog | None = None  # while a server sync runs
        self.running_operation: BackgroundOperation[Any] | None = None

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
        self.without_contacts = QCheckBox(
            self.tr("Leave out phone numbers, e-mails and diet or access needs")
        )
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
        bundle_layout.addWidget(self.without_contacts)
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
        self.key_label = ThaiLabel()
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
        # People the merge gave a new registration number: their badge shows the old one.
        self.renumbered_label = ThaiLabel()
        self.renumbered_label.setWordWrap(True)
        self.renumbered_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.renumbered_label.setVisible(False)
        summary_layout = QVBoxLayout(summary_box)
        summary_layout.addWidget(self.source_label)
        summary_layout.addWidget(self.summary, 1)
        summary_layout.addWidget(self.renumbered_label)

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

        # What arrived above, what to decide below: both in view after an import.
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(summary_box)
        self.review = ConflictReview(context, self._waiting_text)
        right.addWidget(self.review)
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

    def _waiting_text(self, count: int) -> str:
        if count:
            return self.tr("%n conflict(s) waiting for a decision", "", count)
        return self.tr("No conflicts waiting for a decision.")

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not getattr(self, "_sized", False):  # the summary gets room for ten tables, once
            self._sized = True
            height = max(self.right.height(), 600)
            self.right.setSizes([int(height * 0.45), int(height * 0.55)])

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
        from workshop_app.sync import bundle  # on first use: see the imports

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

    def _key_reader(self) -> Callable[[], bytes | None]:
        """Reads the province key (on the worker thread: a key on a slow USB stick)."""
        from workshop_app.sync import bundle  # on first use: see the imports

        path = self.key_file()
        return lambda: bundle.read_key_file(Path(path)) if path else None

    # --- running an operation -----------------------------------------------------------

    def _start(
        self, operation: BackgroundOperation[Any], text: str, *, delay_ms: int = 400
    ) -> QProgressDialog:
        """Follow a background operation: the page's bar and a progress box; the
        controls wait until it ends."""
        self.message.clear_message()
        self.controls.setEnabled(False)
        self.progress_label.setText(text)
        self.progress_label.setVisible(True)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.running_operation = operation
        box = progress_box(self, operation, text, delay_ms=delay_ms)
        operation.progressed.connect(self._step)
        operation.ended.connect(self._idle)
        return box

    def _step(self, done: int, total: int, _stage: str) -> None:
        self.progress.setRange(0, max(total, 0))
        if total:
            self.progress.setValue(min(done, total))

    def _idle(self) -> None:
        self.progress.setVisible(False)
        self.progress_label.setVisible(False)
        self.controls.setEnabled(True)
        self.running_operation = None

    def _refused(self, message: str) -> None:
        self.message.show_message(message, "error")
        self.context.user_error.emit(message)

    def _failed(self, exc: UserError) -> None:
        self._refused(exc.message(self.context.language))

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

    def export_to(self, path: Path) -> BackgroundOperation[bundle.BundleInfo]:
        """Write a bundle of this workshop (or all) to ``path`` in the background: whole,
        or (refused or cancelled) no file at all."""
        from workshop_app.sync import bundle  # on first use: see the imports

        if path.suffix.lower() not in BUNDLE_SUFFIXES:
            path = path.with_name(path.name + BUNDLE_SUFFIX)
        workshop_ids = None if self.all_workshops.isChecked() else [self.context.workshop_id]
        contacts = not self.without_contacts.isChecked()
        database, key = self.context.database, self._key_reader()

        def write(_session: Session, progress: Progress) -> bundle.BundleInfo:
            def step(done: int, total: int) -> None:
                if done < total:  # the last report comes after the file is whole
                    progress.report(done, total)

            return bundle.export_bundle(
                database, path, workshop_ids, key(), progress=step, contacts=contacts
            )

        operation = self.context.run_in_background(write, owner=self)
        self._start(operation, self.tr("Writing {file}…").format(file=path.name))

        def written(info: bundle.BundleInfo) -> None:
            settings.BUNDLE_FOLDER.set(settings.settings_store(), str(path.parent))
            rows = sum(info.rows.values())
            count = len(info.workshops)
            text = self.tr("Wrote %n row(s) of {workshops} to {path}.", "", rows).format(
                workshops=self.tr("%n workshop(s)", "", count), path=path
            )
            if info.signed:
                text += " " + self.tr("Signed and encrypted with the province key.")
            if not info.contacts:
                text += " " + self.tr("Without contact details.")
            self.message.show_message(text, "ok")

        operation.succeeded.connect(written)
        operation.failed.connect(self._refused)
        operation.cancelled.connect(
            lambda: self.message.show_message(
                self.tr("Export cancelled: no file was written."), "warn"
            )
        )
        return operation

    def _ask_and_import(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import bundle"),
            str(self._folder()),
            self.tr("Workshop bundles (*.wsbundle *.zip);;All files (*)"),
        )
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path) -> BackgroundOperation[bundle.ImportResult]:
        """Merge a bundle into this database in the background: all of it, or (refused,
        or cancelled while the bundle is read and checked) nothing."""
        from workshop_app.sync import bundle  # on first use: see the imports

        database, key = self.context.database, self._key_reader()

        def merge(_session: Session, progress: Progress) -> bundle.ImportResult:
            # Reports come while the bundle is read and checked; once the merge has
            # begun, it runs to its end in one transaction (a late Cancel is too late).
            return bundle.import_bundle(database, path, key(), progress=progress.report)

        operation = self.context.run_in_background(merge, owner=self)
        self._start(operation, self.tr("Importing {file}…").format(file=path.name))

        def merged(result: bundle.ImportResult) -> None:
            settings.BUNDLE_FOLDER.set(settings.settings_store(), str(path.parent))
            self._arrived()
            self._show_import(path, result)

        operation.succeeded.connect(merged)
        operation.failed.connect(self._refused)
        operation.cancelled.connect(
            lambda: self.message.show_message(
                self.tr("Import cancelled: nothing was changed."), "warn"
            )
        )
        return operation

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
                device=device_name(info.device_id, self.context.database.device_id),
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
        text += self._show_renumbered(merge.renumbered)
        self.message.show_message(text, "warn" if conflicts_found or merge.renumbered else "ok")

    def _show_renumbered(self, changes: Sequence[Renumbered]) -> str:
        """List who got a new registration number in the merge (shown under the summary
        until the next import or sync); the sentence to add to the outcome, or ""."""
        lines = [
            self.tr("Number {old} was held twice: {name} is now {new}.").format(
                old=change.old_code, name=change.name, new=change.new_code
            )
            for change in changes
        ]
        if lines:
            heading = self.tr(
                "New registration numbers (badges printed with the old number need the new one):"
            )
            self.renumbered_label.setText("\n".join([heading, *lines]))
        self.renumbered_label.setVisible(bool(lines))
        if not lines:
            return ""
        return " " + self.tr(
            "%n person(s) got a new registration number: see the list under the summary.",
            "",
            len(lines),
        )

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

    def sync_with_server(self) -> BackgroundOperation[server.SyncResult] | None:
        """Push and pull with the provincial server in the background; the password is
        used for this call only (it is never stored, and the address field never shows
        it). None if there is no address to sync with."""
        from workshop_app.sync import server  # on first use: see the imports

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
        database, password = self.context.database, self.password.text() or None
        done = {"push": 0, "pull": 0}  # written by the worker, read once it ended

        def exchange(_session: Session, progress: Progress) -> server.SyncResult:
            def step(phase: str, rows: int) -> None:
                done[phase] = rows
                progress.report(rows, 0, phase)  # between batches: Cancel stops here

            return server.sync(database, address, progress=step, password=password)

        operation = self.context.run_in_background(exchange, owner=self)
        connecting = self.tr("Connecting to {server}…").format(server=label or address)
        # A sync always takes a while: Cancel at hand at once.
        self.cancel_dialog = self._start(operation, connecting, delay_ms=0)
        box = self.cancel_dialog

        def step(_done: int, _total: int, phase: str) -> None:
            if phase == "connect":  # still reaching the server: "Connecting…" stays
                return
            rows = done.get(phase, 0)
            if phase == "push":
                text = self.tr("Sending to the server… %n row(s)", "", rows)
            else:
                text = self.tr("Receiving from the server… %n row(s)", "", rows)
            self.progress_label.setText(text)
            box.setLabelText(text)

        def synced(result: server.SyncResult) -> None:
            self.password.clear()
            self._arrived()
            self._show_sync(label or address, result)

        def cancelled() -> None:
            if done["pull"]:
                self._arrived()  # the batches received before Cancel are kept
            self.message.show_message(
                self.tr(
                    "Sync cancelled after sending {sent} and receiving {received} row(s). "
                    "What was sent or received is kept; sync again to carry on from there."
                ).format(sent=done["push"], received=done["pull"]),
                "warn",
            )

        def refused(message: str) -> None:
            if done["pull"]:
                self._arrived()  # the batches received before the failure are kept
            self._refused(message)

        def ended() -> None:
            self.cancel_dialog = None

        operation.progressed.connect(step)
        operation.succeeded.connect(synced)
        operation.cancelled.connect(cancelled)
        operation.failed.connect(refused)
        operation.ended.connect(ended)
        return operation

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
        if result.fresh_start:
            text = (
                self.tr(
                    "This server is new or was restored from a backup: everything on this "
                    "computer was sent to it again."
                )
                + " "
                + text
            )
        if conflicts_found:
            text += " " + self.tr(
                "%n conflicting edit(s) to review on the right.", "", conflicts_found
            )
        # Only a laptop renumbers (the server stores what it is sent): the pull's merges.
        renumbered = [*result.pushed.renumbered, *result.pulled.renumbered]
        text += self._show_renumbered(renumbered)
        self.message.show_message(text, "warn" if conflicts_found or renumbered else "ok")


def _counts(tables: dict[str, TableCounts], table: str) -> TableCounts:
    return tables.get(table) or TableCounts()
