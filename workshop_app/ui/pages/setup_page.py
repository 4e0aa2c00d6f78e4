"""The setup page: the workshop's details, its strategic issues, agenda and sectors.

Each field is saved when you leave it (every user action is committed at once).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from workshop_app.errors import UserError
from workshop_app.models import AgendaItem, StrategicIssue, WorkshopKind
from workshop_app.services import workshops
from workshop_app.services.workshops import Numbered, NumberedRow, SectorRow, WorkshopDetails
from workshop_app.thai.dates import format_thai_time
from workshop_app.ui.commands import ServiceCommand, short_label
from workshop_app.ui.context import Changes, WorkshopContext
from workshop_app.ui.item_models import EditableRowModel, NumberedRowModel, SectorRowModel
from workshop_app.ui.meeting_setup import MeetingSetupBox
from workshop_app.ui.widgets import ThaiDateEdit


class CommitOnLeavePlainTextEdit(QPlainTextEdit):
    """A multi-line field that reports its text when it loses the focus."""

    def __init__(self, on_leave: Callable[[str], None]) -> None:
        super().__init__()
        self._on_leave = on_leave
        self.setTabChangesFocus(True)
        self.setFixedHeight(70)

    def focusOutEvent(self, event: Any) -> None:
        super().focusOutEvent(event)
        self._on_leave(self.toPlainText())


class ListEditor(QGroupBox):
    """A table of rows with Add / Delete / Up / Down buttons."""

    def __init__(
        self,
        title: str,
        model: EditableRowModel[Any],
        on_add: Callable[[], None],
        on_delete: Callable[[Any], object],
        on_move: Callable[[Any, int], object],
    ) -> None:
        super().__init__(title)
        self.model = model
        self.view = QTableView()
        self.view.setModel(model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.add_button = QPushButton(self.tr("Add"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.up_button = QPushButton(self.tr("Move up"))
        self.down_button = QPushButton(self.tr("Move down"))
        self.add_button.clicked.connect(on_add)
        self.delete_button.clicked.connect(lambda: self._with_current(on_delete))
        self.up_button.clicked.connect(lambda: self._with_current(lambda r: on_move(r, -1)))
        self.down_button.clicked.connect(lambda: self._with_current(lambda r: on_move(r, 1)))
        self.buttons = QHBoxLayout()
        for button in (self.add_button, self.delete_button, self.up_button, self.down_button):
            self.buttons.addWidget(button)
        self.buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addLayout(self.buttons)

    def add_extra_button(self, button: QPushButton) -> None:
        """Put another button in the row, before the stretch."""
        self.buttons.insertWidget(self.buttons.count() - 1, button)

    def current(self) -> Any:
        selected = self.view.selectionModel().selectedRows()
        return self.model.row_at(selected[0].row()) if selected else None

    def _with_current(self, action: Callable[[Any], object]) -> None:
        row = self.current()
        if row is not None:
            action(row)


class SetupPage(QWidget):
    def __init__(self, context: WorkshopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._loading = False

        self.title = QLineEdit()
        self.kind = QComboBox()
        for kind in WorkshopKind:
            self.kind.addItem(workshops.kind_name(kind.value, context.language), kind.value)
        # Kind names are long Thai sentences: do not let them widen the whole page.
        self.kind.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.kind.setMinimumContentsLength(24)
        self.province = QLineEdit()
        self.fiscal_year = self._year_box()
        self.start_date = ThaiDateEdit()
        self.end_date = ThaiDateEdit()
        self.start_time = QLineEdit()
        self.end_time = QLineEdit()
        for time_box in (self.start_time, self.end_time):
            time_box.setPlaceholderText(self.tr("e.g. 09.00"))
        self.venue = QLineEdit()
        self.chair = QLineEdit()
        self.organiser = QLineEdit()
        self.vision = CommitOnLeavePlainTextEdit(lambda text: self._save("vision", text))
        self.meeting_number = QSpinBox()
        self.meeting_number.setRange(0, 999)
        self.meeting_number.setSpecialValueText("-")
        self.meeting_year = self._year_box()
        self.privacy_notice = CommitOnLeavePlainTextEdit(
            lambda text: self._save("privacy_notice", text)
        )
        # Place names, agencies, products: kept whole by the word segmenter (card line
        # breaks, duplicate suggestions).
        self.glossary = CommitOnLeavePlainTextEdit(lambda text: self._save("glossary", text))
        self.glossary.setObjectName("glossary")
        self.glossary.setPlaceholderText("ภูชี้ฟ้า\nสะเดา\nข้าวสังข์หยด")

        for name in ("title", "province", "venue", "chair", "organiser"):
            line: QLineEdit = getattr(self, name)
            line.editingFinished.connect(self._saver(name, line))
        self.kind.activated.connect(lambda _i: self._save("kind", self.kind.currentData()))
        self.fiscal_year.editingFinished.connect(
            lambda: self._save("fiscal_year", self.fiscal_year.value() or None)
        )
        self.meeting_number.editingFinished.connect(
            lambda: self._save("meeting_number", self.meeting_number.value() or None)
        )
        self.meeting_year.editingFinished.connect(
            lambda: self._save("meeting_year", self.meeting_year.value() or None)
        )
        self.start_date.date_edited.connect(lambda d: self._save("start_date", d))
        self.end_date.date_edited.connect(lambda d: self._save("end_date", d))
        for date_box in (self.start_date, self.end_date):
            date_box.invalid_entry.connect(self._bad_date)
        self.start_time.editingFinished.connect(lambda: self._save_time("start_time"))
        self.end_time.editingFinished.connect(lambda: self._save_time("end_time"))

        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Province"), self.province)
        form.addRow(self.tr("Fiscal year (B.E.)"), self.fiscal_year)
        dates = QHBoxLayout()
        dates.addWidget(self.start_date)
        dates.addWidget(self.end_date)
        form.addRow(self.tr("Dates (first, last)"), dates)
        times = QHBoxLayout()
        times.addWidget(self.start_time)
        times.addWidget(self.end_time)
        form.addRow(self.tr("Start and end time"), times)
        form.addRow(self.tr("Venue"), self.venue)
        form.addRow(self.tr("Chair"), self.chair)
        form.addRow(self.tr("Organiser"), self.organiser)
        form.addRow(self.tr("Vision"), self.vision)
        meeting = QHBoxLayout()
        meeting.addWidget(self.meeting_number)
        meeting.addWidget(self.meeting_year)
        form.addRow(self.tr("Meeting no. / B.E. year"), meeting)
        form.addRow(self.tr("Privacy notice shown at registration"), self.privacy_notice)
        form.addRow(self.tr("Glossary (the workshop's own words, one per line)"), self.glossary)
        details_box = QGroupBox(self.tr("Workshop"))
        details_box.setLayout(form)
        # The body, chair, goals, quorum, days, roles and members of the record.
        self.meeting = MeetingSetupBox(context)
        details_column = QVBoxLayout()
        details_column.addWidget(details_box)
        details_column.addWidget(self.meeting)

        self.issues_model = NumberedRowModel(self._set_issue_cell, self.tr("Goal"))
        self.issues = self._numbered_editor(
            self.tr("Strategic issues"),
            self.issues_model,
            self._add_issue,
            StrategicIssue,
            Changes.ISSUES,
        )
        self.agenda_model = NumberedRowModel(self._set_agenda_cell, self.tr("Notes"))
        self.agenda = self._numbered_editor(
            self.tr("Agenda"), self.agenda_model, self._add_agenda_item, AgendaItem, Changes.AGENDA
        )
        self.sectors_model = SectorRowModel(self._set_sector_cell)
        self.sectors = ListEditor(
            self.tr("Sectors"),
            self.sectors_model,
            self._add_sector,
            self._delete_sector,
            lambda row, step: self._undoable(
                lambda s: workshops.move_sector(s, row.id, step),
                lambda s: workshops.move_sector(s, row.id, -step),
                Changes.SECTORS,
            ),
        )
        self.colour_button = QPushButton(self.tr("Colour..."))
        self.colour_button.clicked.connect(self._pick_colour)
        self.sectors.add_extra_button(self.colour_button)

        lists = QVBoxLayout()
        lists.addWidget(self.issues)
        lists.addWidget(self.agenda)
        lists.addWidget(self.sectors)
        columns = QHBoxLayout()
        columns.addLayout(details_column, 1)
        columns.addLayout(lists, 1)
        inner = QWidget()
        inner.setLayout(columns)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        context.changed.connect(self._on_changed)
        self.load_details()
        self.load_lists(Changes.ALL)

    def _numbered_editor(
        self,
        title: str,
        model: NumberedRowModel,
        on_add: Callable[[], None],
        table: type[Numbered],
        changes: Changes,
    ) -> ListEditor:
        """The editor of strategic issues or of agenda items: they differ only in table."""
        return ListEditor(
            title,
            model,
            on_add,
            lambda row: self._delete_numbered(table, row, changes),
            lambda row, step: self._undoable(
                lambda s: workshops.move_numbered(s, table, row.id, step),
                lambda s: workshops.move_numbered(s, table, row.id, -step),
                changes,
            ),
        )

    def _saver(self, field: str, line: QLineEdit) -> Callable[[], None]:
        return lambda: self._save(field, line.text())

    @staticmethod
    def _year_box() -> QSpinBox:
        box = QSpinBox()
        box.setRange(0, 2700)
        box.setSpecialValueText("-")
        return box

    # --- loading ----------------------------------------------------------------------------

    def _on_changed(self, changes: Changes) -> None:
        if changes & Changes.WORKSHOP:
            self.load_details()
        self.load_lists(changes)

    def load_details(self) -> None:
        workshop_id = self.context.workshop_id
        details: WorkshopDetails = self.context.read(
            lambda s: workshops.get_workshop(s, workshop_id)
        )
        self._loading = True
        try:
            self.title.setText(details.title)
            self.kind.setCurrentIndex(max(0, self.kind.findData(details.kind)))
            self.province.setText(details.province)
            self.fiscal_year.setValue(details.fiscal_year or 0)
            self.start_date.set_date(details.start_date)
            self.end_date.set_date(details.end_date)
            self.start_time.setText(
                format_thai_time(details.start_time) if details.start_time else ""
            )
            self.end_time.setText(format_thai_time(details.end_time) if details.end_time else "")
            self.venue.setText(details.venue)
            self.chair.setText(details.chair)
            self.organiser.setText(details.organiser)
            for box in (self.title, self.province, self.venue, self.chair, self.organiser):
                box.setCursorPosition(0)  # show the start of long Thai titles
            if self.vision.toPlainText() != details.vision:
                self.vision.setPlainText(details.vision)
            self.meeting_number.setValue(details.meeting_number or 0)
            self.meeting_year.setValue(details.meeting_year or 0)
            if self.privacy_notice.toPlainText() != details.privacy_notice:
                self.privacy_notice.setPlainText(details.privacy_notice)
            if self.glossary.toPlainText() != details.glossary:
                self.glossary.setPlainText(details.glossary)
        finally:
            self._loading = False

    def load_lists(self, changes: Changes) -> None:
        workshop_id = self.context.workshop_id
        if changes & Changes.ISSUES:
            self.issues_model.set_rows(
                self.context.read(lambda s: workshops.list_issues(s, workshop_id))
            )
        if changes & Changes.AGENDA:
            self.agenda_model.set_rows(
                self.context.read(lambda s: workshops.list_agenda(s, workshop_id))
            )
        if changes & Changes.SECTORS:
            self.sectors_model.set_rows(
                self.context.read(lambda s: workshops.list_sectors(s, workshop_id))
            )

    # --- saving -------------------------------------------------------------------------------

    def _save(self, field: str, value: object) -> None:
        """Store one field of the workshop as an undoable step (Ctrl+Z takes it back)."""
        if self._loading:
            return
        workshop_id = self.context.workshop_id
        stored = self.context.read(lambda s: getattr(workshops.get_workshop(s, workshop_id), field))
        if stored == value:
            return
        if not self._undoable(
            lambda s: workshops.update_workshop(s, workshop_id, **{field: value}),
            lambda s: workshops.update_workshop(s, workshop_id, **{field: stored}),
            Changes.WORKSHOP,
        ):
            self.load_details()  # refused: show what is stored

    def _undoable(
        self,
        do: Callable[[Session], object],
        undo: Callable[[Session], object],
        changes: Changes,
        text: str = "",
    ) -> bool:
        """One setup edit on the undo stack; False if the service refused it."""
        command = ServiceCommand(
            self.context, text or self.tr("Edit the workshop set-up"), do, undo, changes
        )
        self.context.undo_stack.push(command)
        return command.succeeded

    def _delete_numbered(self, table: type[Numbered], row: NumberedRow, changes: Changes) -> None:
        """Delete an issue or an agenda item (with its sub-items) as one undoable step:
        undo brings it back under its old number."""
        deleted_with: list[str] = []

        def delete(session: Session) -> None:
            deleted_with[:] = workshops.delete_numbered(session, table, row.id)

        self._undoable(
            delete,
            lambda s: workshops.restore_numbered(s, table, row.id, row.number, deleted_with),
            changes,
            self.tr("Delete {title}").format(title=short_label(row.title)),
        )

    def _delete_sector(self, row: SectorRow) -> None:
        self._undoable(
            lambda s: workshops.delete_sector(s, row.id),
            lambda s: workshops.restore_sector(s, row.id, row.position),
            Changes.SECTORS,
            self.tr("Delete sector {name}").format(name=short_label(row.name)),
        )

    def _undoable_add(
        self,
        add: Callable[[Session], str],
        remove: Callable[[Session, str], object],
        changes: Changes,
    ) -> None:
        """Add a row; undo removes the row the last redo added."""
        added: list[str] = []

        def do(session: Session) -> str:
            added.append(add(session))
            return added[-1]

        self._undoable(do, lambda s: remove(s, added[-1]), changes)

    def _save_time(self, field: str) -> None:
        box: QLineEdit = getattr(self, field)
        try:
            value = workshops.parse_time(box.text())
        except UserError as exc:
            self.context.user_error.emit(exc.message(self.context.language))
            self.load_details()
            return
        self._save(field, value)

    def _bad_date(self, text: str) -> None:
        self.context.user_error.emit(
            self.tr("'{text}' is not a date. Type it like 25/5/2569.").format(text=text)
        )

    def _set_issue_cell(self, row: NumberedRow, column: int, text: str) -> bool:
        field = "title" if column == 1 else "goal"
        old = row.title if column == 1 else row.detail
        return self._undoable(
            lambda s: workshops.update_issue(s, row.id, **{field: text}),
            lambda s: workshops.update_issue(s, row.id, **{field: old}),
            Changes.ISSUES,
        )

    def _set_agenda_cell(self, row: NumberedRow, column: int, text: str) -> bool:
        if column == 1:
            return self._undoable(
                lambda s: workshops.update_agenda_item(s, row.id, title=text),
                lambda s: workshops.update_agenda_item(s, row.id, title=row.title),
                Changes.AGENDA,
            )
        return self._undoable(
            lambda s: workshops.update_agenda_item(s, row.id, notes=text),
            lambda s: workshops.update_agenda_item(s, row.id, notes=row.detail),
            Changes.AGENDA,
        )

    def _set_sector_cell(self, row: SectorRow, column: int, text: str) -> bool:
        field = "name" if column == 0 else "colour"
        old = row.name if column == 0 else row.colour
        return self._undoable(
            lambda s: workshops.update_sector(s, row.id, **{field: text}),
            lambda s: workshops.update_sector(s, row.id, **{field: old}),
            Changes.SECTORS,
        )

    def _add_issue(self) -> None:
        workshop_id = self.context.workshop_id
        number = self.issues_model.rowCount() + 1
        title = self.tr("Strategic issue {number}").format(number=number)
        self._undoable_add(
            lambda s: workshops.add_issue(s, workshop_id, title),
            lambda s, added: workshops.delete_numbered(s, StrategicIssue, added),
            Changes.ISSUES,
        )
        self._edit_last(self.issues, 1)

    def _add_agenda_item(self) -> None:
        workshop_id = self.context.workshop_id
        title = self.tr("New agenda item")
        self._undoable_add(
            lambda s: workshops.add_agenda_item(s, workshop_id, title),
            lambda s, added: workshops.delete_numbered(s, AgendaItem, added),
            Changes.AGENDA,
        )
        self._edit_last(self.agenda, 1)

    def _add_sector(self) -> None:
        workshop_id = self.context.workshop_id
        existing = {r.name for r in self.sectors_model.rows()}
        number = 1
        while (name := self.tr("New sector {number}").format(number=number)) in existing:
            number += 1
        self._undoable_add(
            lambda s: workshops.add_sector(s, workshop_id, name),
            lambda s, added: workshops.delete_sector(s, added),
            Changes.SECTORS,
        )
        self._edit_last(self.sectors, 0)

    @staticmethod
    def _edit_last(editor: ListEditor, column: int) -> None:
        last = editor.model.rowCount() - 1
        if last >= 0:
            index = editor.model.index(last, column)
            editor.view.setCurrentIndex(index)
            editor.view.edit(index)

    def _pick_colour(self) -> None:
        row = self.sectors.current()
        if row is None:
            return
        dialog = QColorDialog(QColor(row.colour), self)
        dialog.setWindowTitle(self.tr("Sector colour"))
        dialog.colorSelected.connect(lambda colour: self._set_sector_cell(row, 1, colour.name()))
        dialog.open()
