"""The import preview: what the app understood of a spreadsheet before anything is
written. The sheet to read, the meaning guessed for each column (changeable), every row
as it is in the file with its problems marked in place and inferred sectors shown, and
what to do with people listed twice. The meanings chosen for a set of headers are
remembered for the next file with the same headers.

Its own texts go through ``self.tr`` (Thai in resources/translations); what the services
say (problems, the sheet note, column meanings) comes in the workshop's language.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from workshop_app.errors import UserError
from workshop_app.readers.tables import SourceFile, column_letter, read_file
from workshop_app.services import idea_import, invitation_import
from workshop_app.services.idea_import import IdeaImportPlan
from workshop_app.services.invitation_import import DuplicateChoice, InvitationPlan
from workshop_app.services.table_import import (
    IGNORE,
    ImportChoice,
    ImportProblem,
    LocatedTable,
    RowProgress,
    header_key,
)
from workshop_app.services.workshops import list_sectors
from workshop_app.ui import settings
from workshop_app.ui.context import BackgroundOperation, Progress, WorkshopContext
from workshop_app.ui.thai_layout import ThaiLabel
from workshop_app.ui.widgets import progress_box

INVITATIONS = "invitations"
IDEAS = "ideas"
PROBLEM_COLOUR = QColor("#f8d0d0")
INFERRED_COLOUR = QColor("#fff2c0")
_Index = QModelIndex | QPersistentModelIndex


Plan = InvitationPlan | IdeaImportPlan


@dataclass(frozen=True)
class Planned:
    """What the worker made of the file with the sheet and meanings chosen: the plan, or
    (``plan`` None) why there is none (no table on that sheet), in the UI language."""

    plan: Plan | None
    refusal: str
    meanings: dict[int, str]


@dataclass(frozen=True)
class FirstPreview:
    """The file as read, and its first plan: what the preview dialog opens with."""

    source: SourceFile
    planned: Planned


def _load(
    session: Session,
    kind: str,
    workshop_id: str,
    source: SourceFile,
    sheet: str | None,
    meanings: dict[int, str],
    progress: RowProgress,
) -> Plan:
    choice = ImportChoice(sheet=sheet)
    if kind == INVITATIONS:
        return invitation_import.load_invitation_list(
            session, workshop_id, source, choice, meanings, progress
        )
    return idea_import.load_idea_file(session, workshop_id, source, choice, meanings, progress)


def column_signature(kind: str, located: LocatedTable) -> str:
    """The key under which the meanings chosen for a set of headers are remembered."""
    headers = "|".join(header_key(c.header) for c in located.columns)
    return f"{kind}:" + hashlib.sha256(headers.encode()).hexdigest()[:20]


def _planner(
    context: WorkshopContext,
    kind: str,
    sheet: str | None,
    meanings: dict[int, str],
    remembered: bool,
) -> Callable[[Session, SourceFile, Progress], Planned]:
    """The planning of a file read, for a worker thread: everything it needs (the
    remembered meanings too: the settings are read here, on the GUI thread) is taken
    now, so the worker touches no widget."""
    workshop_id, language = context.workshop_id, context.language
    stored = dict(settings.IMPORT_COLUMNS.get(settings.settings_store())) if remembered else {}

    def plan(session: Session, source: SourceFile, progress: Progress) -> Planned:
        chosen = dict(meanings)

        def rows(done: int, total: int) -> None:  # Cancel stops between two rows
            progress.report(done, total, "check")

        try:
            loaded = _load(session, kind, workshop_id, source, sheet, chosen, rows)
            if stored and loaded.located is not None:
                again = stored.get(column_signature(kind, loaded.located))
                if isinstance(again, dict) and again:
                    chosen = {int(k): str(v) for k, v in again.items()}
                    loaded = _load(session, kind, workshop_id, source, sheet, chosen, rows)
        except UserError as exc:  # no table on that sheet, no name column: said in place
            return Planned(None, exc.message(language), chosen)
        return Planned(loaded, "", chosen)

    return plan


def start_preview(
    context: WorkshopContext, path: Path, kind: str, owner: QObject
) -> BackgroundOperation[FirstPreview]:
    """Read the file and plan its import on a worker thread (10,000 rows take seconds);
    nothing is written. A file that cannot be read is refused (one message); Cancel
    stops after the reading or between two rows of the checking, and opens nothing."""
    plan = _planner(context, kind, None, {}, remembered=True)

    def work(session: Session, progress: Progress) -> FirstPreview:
        progress.report(0, 0, "read")  # how long reading takes is not known
        source = read_file(path)
        return FirstPreview(source, plan(session, source, progress))

    return context.run_in_background(work, owner=owner)


@dataclass(frozen=True)
class _RowMarks:
    problems: dict[int | None, list[str]]  # column index (None: the row) -> messages
    note: str


class PreviewModel(QAbstractTableModel):
    """The rows below the header as they are in the file, plus a note column: problems
    are painted on their cell (tooltip: the message), inferred sectors are noted."""

    def __init__(self) -> None:
        super().__init__()
        self.located: LocatedTable | None = None
        self.marks: dict[int, _RowMarks] = {}
        self.headers: list[str] = []

    def show(self, located: LocatedTable | None, marks: dict[int, _RowMarks]) -> None:
        self.beginResetModel()
        self.located = located
        self.marks = marks
        self.endResetModel()

    def _rows(self) -> int:
        if self.located is None:
            return 0
        return len(self.located.table.rows) - self.located.header_index - 1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._rows()

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.located is None:
            return 0
        return len(self.located.columns) + 1

    def _position(self, index: _Index) -> tuple[int, list[Any]]:
        assert self.located is not None
        at = self.located.header_index + 1 + index.row()
        return self.located.table.row_numbers[at], self.located.table.rows[at]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.located is None:
            return None
        number, cells = self._position(index)
        marks = self.marks.get(number)
        note_column = len(self.located.columns)
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == note_column:
                if marks is None:
                    return ""
                return " ".join([*marks.problems.get(None, []), marks.note]).strip()
            return cells[column].text if column < len(cells) else ""
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.BackgroundRole):
            if marks is None:
                return None
            messages = marks.problems.get(None if column == note_column else column)
            if role == Qt.ItemDataRole.ToolTipRole:
                return "\n".join(messages) if messages else None
            if messages:
                return QBrush(PROBLEM_COLOUR)
            if column == note_column and marks.note:
                return QBrush(INFERRED_COLOUR)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or self.located is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(self.located.table.row_numbers[self.located.header_index + 1 + section])
        if section < len(self.headers):
            return self.headers[section]
        return None


class ImportPreviewDialog(QDialog):
    """Preview of an invitation list, committee list (``INVITATIONS``) or a transcript of
    ideas or comments (``IDEAS``); accepted only when the file has no problem left.
    After ``accepted``, ``plan`` and ``duplicates`` say what to import."""

    def __init__(
        self,
        context: WorkshopContext,
        path: Path,
        kind: str,
        first: FirstPreview,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importPreview")
        self.context = context
        self.kind = kind
        self.path = path
        self.source: SourceFile = first.source
        self.sheet: str | None = None
        self.meanings: dict[int, str] = {}
        self.plan: Plan | None = None
        # The planning under way in the background (a sheet or a meaning chosen), and
        # how many were started: only the last one's result is shown.
        self.planning: BackgroundOperation[Planned] | None = None
        self._plannings = 0
        self.duplicates = DuplicateChoice.KEEP_FIRST
        self._sector_names = {
            s.id: s.name for s in context.read(lambda s: list_sectors(s, context.workshop_id))
        }
        self.setWindowTitle(
            self.tr("Import a list of people") if kind == INVITATIONS else self.tr("Import ideas")
        )
        self.resize(1000, 680)

        self.sheet_picker = QComboBox()
        self.sheet_picker.setObjectName("importSheet")
        for sheet in self.source.sheets:
            self.sheet_picker.addItem(sheet.name or path.name, sheet.name)
        self.sheet_picker.setEnabled(len(self.source.sheets) > 1)
        self.sheet_note = ThaiLabel()
        self.sheet_note.setObjectName("importSheetNote")
        self.sheet_note.setWordWrap(True)
        self.columns = QTableWidget(0, 3)
        self.columns.setObjectName("importColumns")
        self.columns.setHorizontalHeaderLabels(
            [
                self.tr("Column"),
                self.tr("Examples"),
                self.tr("Meaning"),
            ]
        )
        self.columns.horizontalHeader().setStretchLastSection(True)
        self.columns.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.model = PreviewModel()
        self.preview = QTableView()
        self.preview.setObjectName("importRows")
        self.preview.setModel(self.model)
        self.summary = ThaiLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.problem_list = ThaiLabel()
        self.problem_list.setObjectName("importProblems")
        self.problem_list.setWordWrap(True)
        self.problem_list.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.duplicate_box = QGroupBox(self.tr("People listed twice"))
        self.duplicate_rows = ThaiLabel()
        self.duplicate_rows.setWordWrap(True)
        self.keep_first = QRadioButton(self.tr("Keep the first of each"))
        self.keep_first.setObjectName("keepFirst")
        self.keep_all = QRadioButton(self.tr("Keep all"))
        self.keep_all.setObjectName("keepAll")
        self.keep_first.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.keep_first)
        group.addButton(self.keep_all)
        box_layout = QVBoxLayout(self.duplicate_box)
        box_layout.addWidget(self.duplicate_rows)
        choices = QHBoxLayout()
        choices.addWidget(self.keep_first)
        choices.addWidget(self.keep_all)
        box_layout.addLayout(choices)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(self.tr("Import"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Sheet"), self.sheet_picker)
        form.addRow("", self.sheet_note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("What each column holds")))
        layout.addWidget(self.columns, 2)
        layout.addWidget(self.preview, 5)
        layout.addWidget(self.summary)
        layout.addWidget(self.problem_list)
        layout.addWidget(self.duplicate_box)
        layout.addWidget(self.buttons)

        self.sheet_picker.currentIndexChanged.connect(self._sheet_chosen)
        self._planned(first.planned)

    # --- planning ---------------------------------------------------------------------

    def _replan(self, *, remembered: bool = False) -> None:
        """Plan again with the sheet and meanings now chosen, in the background (the
        checks of 10,000 rows take seconds); Import waits for it."""
        plan = _planner(self.context, self.kind, self.sheet, self.meanings, remembered)
        source = self.source
        self._plannings += 1
        number = self._plannings
        self.import_button.setEnabled(False)
        operation = self.context.run_in_background(
            lambda session, progress: plan(session, source, progress), owner=self
        )
        self.planning = operation
        # No Cancel: the preview must match the choices; the dialog's Cancel is after it.
        progress_box(
            self,
            operation,
            self.tr("Checking {file}…").format(file=self.path.name),
            cancellable=False,
        )

        def planned(result: Planned) -> None:
            if number == self._plannings:  # a later choice's planning is under way
                self._planned(result)

        def ended() -> None:
            if number == self._plannings:
                self.planning = None

        operation.succeeded.connect(planned)
        operation.failed.connect(
            lambda message: (
                self._planned(Planned(None, message, self.meanings))
                if number == self._plannings
                else None
            )
        )
        operation.ended.connect(ended)

    def _planned(self, planned: Planned) -> None:
        self.meanings = dict(planned.meanings)
        self.plan = planned.plan
        if planned.plan is None:
            self.model.show(None, {})
            self.columns.setRowCount(0)
            self.summary.setText(planned.refusal)
            self.problem_list.setText("")
            self.duplicate_box.setVisible(False)
            self.import_button.setEnabled(False)
            return
        self._show(planned.plan)

    def _sheet_chosen(self, index: int) -> None:
        self.sheet = self.sheet_picker.itemData(index)
        self.meanings = {}
        self._replan(remembered=True)

    def _meaning_chosen(self, column: int, picker: QComboBox) -> None:
        self.meanings[column] = str(picker.currentData())
        self._replan()

    # --- showing ----------------------------------------------------------------------

    def _show(self, plan: Plan) -> None:
        located = plan.located
        assert located is not None
        language = self.context.language
        thai_note, english_note = plan.sheet_note
        self.sheet_note.setText(thai_note if language == "th" else english_note)
        if located.sheet is not None:
            self.sheet_picker.blockSignals(True)
            self.sheet_picker.setCurrentIndex(max(0, self.sheet_picker.findData(located.sheet)))
            self.sheet_picker.blockSignals(False)
        self._show_columns(located)
        marks: dict[int, dict[int | None, list[str]]] = {}
        for problem in plan.problems:
            if problem.row is not None:
                text = problem.thai if language == "th" else problem.english
                marks.setdefault(problem.row, {}).setdefault(problem.column_index, []).append(text)
        notes: dict[int, str] = {}
        if isinstance(plan, InvitationPlan):
            for invitee in plan.invitees:
                if invitee.sector_inferred:
                    name = self._sector_names.get(invitee.draft.sector_id, "")
                    notes[invitee.source_row] = self.tr("sector (inferred): {name}").format(
                        name=name
                    )
                if invitee.duplicate_of is not None:
                    notes[invitee.source_row] = (
                        notes.get(invitee.source_row, "")
                        + " "
                        + self.tr("same as row {row}").format(row=invitee.duplicate_of)
                    ).strip()
        self.model.headers = [
            f"{column_letter(c.index)} {c.header}".strip()
            if located.table.column_labels
            else c.header or str(c.index + 1)
            for c in located.columns
        ] + [self.tr("Note")]
        self.model.show(
            located,
            {
                row: _RowMarks(marks.get(row, {}), notes.get(row, ""))
                for row in set(marks) | set(notes)
            },
        )
        self._show_summary(plan)

    def _show_columns(self, located: LocatedTable) -> None:
        self.columns.setRowCount(len(located.columns))
        start = located.header_index + 1
        for row, column in enumerate(located.columns):
            name = column.header or self.tr("(no header)")
            if located.table.column_labels:
                name = f"{column_letter(column.index)}: {name}"
            self.columns.setItem(row, 0, QTableWidgetItem(name))
            examples = [
                r[column.index].text
                for r in located.table.rows[start : start + 8]
                if column.index < len(r) and r[column.index].text.strip()
            ][:3]
            self.columns.setItem(row, 1, QTableWidgetItem(" · ".join(examples)))
            picker = QComboBox()
            picker.setObjectName(f"meaning{column.index}")
            picker.addItem(self.tr("— not imported —"), IGNORE)
            for meaning in located.meanings:
                picker.addItem(meaning.label(self.context.language), meaning.key)
            picker.setCurrentIndex(max(0, picker.findData(column.meaning)))
            if column.decided_by in ("content",):
                picker.setToolTip(self.tr("guessed from the values"))
            picker.currentIndexChanged.connect(
                lambda _i, c=column.index, p=picker: self._meaning_chosen(c, p)
            )
            self.columns.setCellWidget(row, 2, picker)

    def _show_summary(self, plan: Plan) -> None:
        problems = plan.problems
        if isinstance(plan, InvitationPlan):
            count = len(plan.invitees)
            text = self.tr("{count} people found").format(count=count)
            if plan.members:
                text += self.tr(
                    "; {count} of them members of the body, in the order of the file"
                ).format(count=plan.members)
            if plan.new_roles:
                text += self.tr("; roles added to the body's list: {roles}").format(
                    roles=", ".join(plan.new_roles)
                )
            if plan.inferred:
                text += self.tr(
                    "; the sector of {count} was inferred from the organisation (yellow): "
                    "check them"
                ).format(count=plan.inferred)
            if plan.likely_duplicates:
                text += self.tr("; {count} look already registered").format(
                    count=len(plan.likely_duplicates)
                )
            groups = plan.file_duplicates
            self.duplicate_box.setVisible(bool(groups))
            self.duplicate_rows.setText(
                self.tr("Rows of the same person: ")
                + "; ".join(", ".join(map(str, rows)) for rows in groups)
            )
        else:
            text = self.tr("{count} ideas found").format(count=len(plan.ideas))
            answered = sum(1 for i in plan.ideas if i.details is not None)
            if answered:
                text += self.tr("; {count} with a commenter or the province's answer").format(
                    count=answered
                )
            self.duplicate_box.setVisible(False)
        if problems:
            text += self.tr(
                " — {count} problem(s) (red cells): fix the file or choose other column meanings"
            ).format(count=len(problems))
        self.summary.setText(text)
        self.problem_list.setText("\n".join(self._message(p) for p in problems[:8]))
        self.import_button.setEnabled(not problems)

    def _message(self, problem: ImportProblem) -> str:
        return problem.message(self.context.language)

    def accept(self) -> None:
        if self.plan is None or self.plan.problems or self.planning is not None:
            return
        self.duplicates = (
            DuplicateChoice.KEEP_ALL if self.keep_all.isChecked() else DuplicateChoice.KEEP_FIRST
        )
        if self.meanings and self.plan.located is not None:
            store = settings.settings_store()
            stored = dict(settings.IMPORT_COLUMNS.get(store))
            stored[column_signature(self.kind, self.plan.located)] = {
                str(k): v for k, v in self.meanings.items()
            }
            settings.IMPORT_COLUMNS.set(store, stored)
        super().accept()
