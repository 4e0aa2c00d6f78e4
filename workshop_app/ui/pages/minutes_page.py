"""The minutes page: the secretariat writes what was said and resolved under each agenda
item, names who took and who checked the minutes, sees the PDF as it will print, and
exports it as PDF or as an editable Word file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTemporaryDir, QTimer
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from workshop_app.services import meetings, workshops
from workshop_app.services.meetings import MotionResult
from workshop_app.services.workshops import NumberedRow
from workshop_app.ui.commands import ServiceCommand, short_label
from workshop_app.ui.context import (
    BackgroundOperation,
    Changes,
    OperationCancelledError,
    Progress,
    WorkshopContext,
)
from workshop_app.ui.file_names import default_export_name
from workshop_app.ui.widgets import (
    AutosaveTextEdit,
    Banner,
    follow_export,
    hidden_behind_another_page,
)

# What the page shows changes with these; the preview is then out of date.
SHOWN = Changes.ALL


class MinutesPage(QWidget):
    def __init__(self, context: WorkshopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._agenda: list[NumberedRow] = []
        self._item_id: str | None = None  # the agenda item being edited
        self._motions: list[MotionResult] = []  # the motions of that item
        self._stale = True  # the preview no longer shows what is stored
        self._saving = False  # an edit of this page is being stored
        self._preview_dir = QTemporaryDir()
        self._preview_number = 0  # each preview is a new file: the shown one stays whole
        self._preview_shown: Path | None = None
        self.preview_operation: BackgroundOperation[Path] | None = None
        self.export_operation: BackgroundOperation[Path] | None = None

        self.agenda = QListWidget()
        self.agenda.setWordWrap(True)
        self.agenda.currentRowChanged.connect(self._show_item)
        # The record is what the meeting said: apart from the item's setup notes.
        self.record = AutosaveTextEdit(lambda text: self._save_item(record=text))
        self.record.setPlaceholderText(self.tr("What was presented and discussed"))
        self.resolution = AutosaveTextEdit(lambda text: self._save_item(resolution=text))
        self.resolution.setPlaceholderText(self.tr("e.g. Noted / Approved as proposed"))
        self.resolution.setFixedHeight(80)
        self.shows_results = QCheckBox(
            self.tr("Report the brainstorm and vote results under this item")
        )
        self.shows_results.toggled.connect(lambda checked: self._save_item(shows_results=checked))
        item_box = QGroupBox(self.tr("Agenda item"))
        item_form = QVBoxLayout(item_box)
        item_form.addWidget(QLabel(self.tr("Record")))
        item_form.addWidget(self.record, 1)
        item_form.addWidget(QLabel(self.tr("Resolution")))
        item_form.addWidget(self.resolution)
        item_form.addWidget(self.shows_results)
        self.add_sub_item = QPushButton(self.tr("Add sub-item (e.g. 5.1)"))
        self.add_sub_item.clicked.connect(self._add_sub_item)
        item_form.addWidget(self.add_sub_item)

        # Motions voted by the members, counted by show of hands: the counts go into
        # the มติ ("ด้วยคะแนนเสียง ... เสียง").
        self.motions = QListWidget()
        self.motions.setWordWrap(True)
        self.motions.setFixedHeight(70)
        self.motion_text = QLineEdit()
        self.motion_text.setPlaceholderText(self.tr("Motion, e.g. approve the draft plan"))
        self.motion_counts: dict[str, QSpinBox] = {}
        counts = QHBoxLayout()
        for name, label in (
            ("for", self.tr("For")),
            ("against", self.tr("Against")),
            ("abstain", self.tr("Abstain")),
        ):
            spin = QSpinBox()
            spin.setRange(0, 999)
            spin.setObjectName(f"motion_{name}")
            self.motion_counts[name] = spin
            counts.addWidget(QLabel(label))
            counts.addWidget(spin)
        self.add_motion = QPushButton(self.tr("Record the vote"))
        self.add_motion.clicked.connect(self._record_motion)
        counts.addWidget(self.add_motion)
        # A motion picked in the list fills the fields above; these store the changed
        # text and counts in its place, or remove it (each one undoable step).
        self.motions.currentRowChanged.connect(self._show_motion)
        self.save_motion = QPushButton(self.tr("Save the selected motion"))
        self.save_motion.clicked.connect(self._save_motion)
        self.delete_motion = QPushButton(self.tr("Delete the selected motion"))
        self.delete_motion.clicked.connect(self._delete_motion)
        motion_buttons = QHBoxLayout()
        motion_buttons.addWidget(self.save_motion)
        motion_buttons.addWidget(self.delete_motion)
        motion_box = QGroupBox(self.tr("Motions (members' votes)"))
        motion_layout = QVBoxLayout(motion_box)
        motion_layout.addWidget(self.motions)
        motion_layout.addWidget(self.motion_text)
        motion_layout.addLayout(counts)
        motion_layout.addLayout(motion_buttons)
        item_form.addWidget(motion_box)

        # A public hearing: the province's answer to each comment and the plan change.
        self.comment = QComboBox()
        self.comment.setObjectName("hearingComment")
        self.comment.currentIndexChanged.connect(self._show_comment)
        self.answer = QLineEdit()
        self.answer.setPlaceholderText(self.tr("The province's answer"))
        self.plan_change = QLineEdit()
        self.plan_change.setPlaceholderText(self.tr("What changes in the plan"))
        self.save_answer = QPushButton(self.tr("Save the answer"))
        self.save_answer.clicked.connect(self._save_answer)
        hearing = QGroupBox(self.tr("Hearing comments: answers"))
        hearing_form = QFormLayout(hearing)
        hearing_form.addRow(self.tr("Comment"), self.comment)
        hearing_form.addRow(self.tr("Answer"), self.answer)
        hearing_form.addRow(self.tr("Plan change"), self.plan_change)
        hearing_form.addRow(self.save_answer)
        self._comments: list[meetings.CommentRow] = []

        self.signature_fields: dict[str, QLineEdit] = {}
        signatures = QGroupBox(self.tr("Signatures"))
        signature_form = QFormLayout(signatures)
        for field, label in (
            ("minutes_taker", self.tr("Minutes taken by")),
            ("minutes_taker_position", self.tr("Position")),
            ("minutes_checker", self.tr("Checked by")),
            ("minutes_checker_position", self.tr("Position")),
        ):
            line = QLineEdit()
            line.setObjectName(field)
            line.editingFinished.connect(self._signature_saver(field, line))
            self.signature_fields[field] = line
            signature_form.addRow(label, line)

        self.thai_digits = QCheckBox(self.tr("Thai digits (๑ ๒ ๓)"))
        self.thai_digits.setChecked(True)
        self.appendix = QCheckBox(self.tr("Appendix listing every idea"))
        self.appendix.setChecked(True)
        for box in (self.thai_digits, self.appendix):
            box.toggled.connect(self._options_changed)
        self.preview_button = QPushButton(self.tr("Update preview"))
        self.preview_button.clicked.connect(self.update_preview)
        self.pdf_button = QPushButton(self.tr("Export PDF…"))
        self.pdf_button.clicked.connect(lambda: self._ask_and_export(".pdf"))
        self.docx_button = QPushButton(self.tr("Export Word (DOCX)…"))
        self.docx_button.clicked.connect(lambda: self._ask_and_export(".docx"))
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.message = Banner()

        options = QHBoxLayout()
        options.addWidget(self.thai_digits)
        options.addWidget(self.appendix)
        options.addStretch(1)
        buttons = QHBoxLayout()
        for button in (self.preview_button, self.pdf_button, self.docx_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        editor = QWidget()
        editor_layout = QVBoxLayout(editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addWidget(QLabel(self.tr("Agenda")))
        editor_layout.addWidget(self.agenda, 1)
        editor_layout.addWidget(item_box, 2)
        editor_layout.addWidget(hearing)
        editor_layout.addWidget(signatures)
        editor_layout.addLayout(options)
        editor_layout.addLayout(buttons)
        editor_layout.addWidget(self.progress)
        editor_layout.addWidget(self.message)

        self.preview_document = QPdfDocument(self)
        self.preview = QPdfView()
        self.preview.setDocument(self.preview_document)
        self.preview.setPageMode(QPdfView.PageMode.MultiPage)
        self.preview.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        # The editor scrolls on a laptop's low screen (motions and answers made it taller).
        editor_scroll = QScrollArea()
        editor_scroll.setWidgetResizable(True)
        editor_scroll.setWidget(editor)
        splitter.addWidget(editor_scroll)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        context.changed.connect(self._on_changed)
        self.load()

    # --- what is stored ---------------------------------------------------------------

    def load(self) -> None:
        workshop_id = self.context.workshop_id
        details, agenda = self.context.read(
            lambda s: (
                workshops.get_workshop(s, workshop_id),
                workshops.list_agenda(s, workshop_id),
            )
        )
        for field, line in self.signature_fields.items():
            if not line.hasFocus():
                line.setText(str(getattr(details, field)))
        self._agenda = agenda
        row = next((i for i, a in enumerate(agenda) if a.id == self._item_id), 0)
        self.agenda.blockSignals(True)
        self.agenda.clear()
        for item in agenda:
            self.agenda.addItem(QListWidgetItem(self._agenda_label(item)))
        self.agenda.blockSignals(False)
        if agenda:
            self.agenda.setCurrentRow(row)
        self._show_item(self.agenda.currentRow())
        self.load_comments()

    def _show_item(self, row: int) -> None:
        # Typing not yet saved belongs to the item shown until now.
        self.record.save_now()
        self.resolution.save_now()
        item = self._agenda[row] if 0 <= row < len(self._agenda) else None
        self._item_id = item.id if item else None
        for widget in (self.record, self.resolution, self.shows_results, self.add_motion):
            widget.setEnabled(item is not None)
        self.add_sub_item.setEnabled(item is not None and item.parent_id is None)
        # An item recorded before the record had its own field kept it in the notes.
        self.record.load((item.record or item.detail) if item else "")
        self._load_motions()
        self.resolution.load(item.resolution if item else "")
        self.shows_results.blockSignals(True)
        self.shows_results.setChecked(bool(item and item.shows_results))
        self.shows_results.blockSignals(False)

    def _save_item(self, **changes: Any) -> None:
        item_id = self._item_id
        if item_id is None:
            return
        current = next((a for a in self._agenda if a.id == item_id), None)
        stored = {
            "record": (current.record or current.detail) if current else None,
            "resolution": current.resolution if current else None,
            "shows_results": current.shows_results if current else None,
        }
        if all(stored[name] == value for name, value in changes.items()):
            return
        self._saving = True  # this page's own change: keep the cursor where it is
        try:
            self.context.run(
                lambda s: workshops.update_agenda_item(s, item_id, **changes), Changes.AGENDA
            )
        finally:
            self._saving = False

    def _signature_saver(self, field: str, line: QLineEdit) -> Callable[[], None]:
        def save() -> None:
            self.context.save_workshop_field(field, line.text().strip())

        return save

    def _on_changed(self, changes: Changes) -> None:
        if changes & SHOWN:
            self._stale = True
        if changes & Changes.IDEAS:
            # Every card typed on the board is an IDEAS change: reading all 2,000 comments
            # then made adding a card take half a second. Hidden, read them when shown.
            if hidden_behind_another_page(self):
                self._comments_stale = True
            else:
                self.load_comments()
        if not changes & (Changes.AGENDA | Changes.WORKSHOP):
            return
        if self._saving:  # only the stored copy and the ★ of the list change
            workshop_id = self.context.workshop_id
            self._agenda = self.context.read(lambda s: workshops.list_agenda(s, workshop_id))
            for row, item in enumerate(self._agenda[: self.agenda.count()]):
                self.agenda.item(row).setText(self._agenda_label(item))
        else:
            self.load()

    @staticmethod
    def _agenda_label(item: NumberedRow) -> str:
        indent = "      " if item.parent_id else ""
        label = item.label or str(item.number)
        return f"{indent}{label}. {item.title}" + ("  ★" if item.shows_results else "")

    def load_comments(self) -> None:
        workshop_id = self.context.workshop_id
        chosen = self.comment.currentData()
        self._comments = self.context.read(lambda s: meetings.list_comments(s, workshop_id))
        self.comment.blockSignals(True)
        self.comment.clear()
        for comment in self._comments:
            who = f" ({comment.commenter})" if comment.commenter else ""
            self.comment.addItem(f"{comment.text}{who}", comment.id)
        self.comment.setCurrentIndex(max(0, self.comment.findData(chosen)))
        self.comment.blockSignals(False)
        self._show_comment(self.comment.currentIndex())

    def _show_comment(self, index: int) -> None:
        comment = self._comments[index] if 0 <= index < len(self._comments) else None
        self.answer.setText(comment.answer if comment else "")
        self.plan_change.setText(comment.plan_change if comment else "")
        for widget in (self.answer, self.plan_change, self.save_answer):
            widget.setEnabled(comment is not None)

    def _save_answer(self) -> None:
        idea_id = self.comment.currentData()
        if not isinstance(idea_id, str):
            return
        answer, change = self.answer.text(), self.plan_change.text()

        def save(session: Session) -> bool:
            meetings.set_comment_details(session, idea_id, answer=answer, plan_change=change)
            return True

        self.context.run(save, Changes.IDEAS)

    def _load_motions(self) -> None:
        selected = self.motions.currentRow()
        self.motions.blockSignals(True)
        self.motions.clear()
        item_id = self._item_id
        self._motions = (
            []
            if item_id is None
            else self.context.read(lambda s: meetings.motion_results(s, item_id))
        )
        for result in self._motions:
            counts = self.tr("for {f}, against {a}, abstain {b}").format(
                f=result.for_votes, a=result.against, b=result.abstain
            )
            self.motions.addItem(f"{result.text}: {counts}")
        if 0 <= selected < len(self._motions):
            self.motions.setCurrentRow(selected)
        self.motions.blockSignals(False)
        self._show_motion(self.motions.currentRow())

    def _show_motion(self, row: int) -> None:
        chosen = 0 <= row < len(self._motions)
        self.save_motion.setEnabled(chosen)
        self.delete_motion.setEnabled(chosen)
        if not chosen:
            return
        motion = self._motions[row]
        self.motion_text.setText(motion.text)
        for name, value in zip(
            ("for", "against", "abstain"),
            (motion.for_votes, motion.against, motion.abstain),
            strict=True,
        ):
            self.motion_counts[name].setValue(value)

    def _selected_motion(self) -> MotionResult | None:
        row = self.motions.currentRow()
        return self._motions[row] if 0 <= row < len(self._motions) else None

    def _save_motion(self) -> None:
        motion = self._selected_motion()
        if motion is None:
            return
        text = self.motion_text.text()
        votes = [self.motion_counts[name].value() for name in ("for", "against", "abstain")]
        old = motion

        # Counts are stored only when changed: a motion voted member by member can still
        # be reworded (its counts are the members' votes and cannot be typed over).
        recount = votes != [old.for_votes, old.against, old.abstain]

        def change(session: Session) -> None:
            meetings.update_motion(session, old.id, text)
            if recount:
                meetings.set_motion_counts(session, old.id, *votes)

        def change_back(session: Session) -> None:
            meetings.update_motion(session, old.id, old.text)
            if not recount:
                return
            if old.counted:
                meetings.set_motion_counts(session, old.id, old.for_votes, old.against, old.abstain)
            else:
                meetings.clear_motion_counts(session, old.id)

        self.context.undo_stack.push(
            ServiceCommand(
                self.context,
                self.tr("Edit motion {text}").format(text=short_label(old.text)),
                change,
                change_back,
                Changes.AGENDA,
            )
        )

    def _delete_motion(self) -> None:
        motion = self._selected_motion()
        if motion is None:
            return
        motion_id = motion.id
        self.context.undo_stack.push(
            ServiceCommand(
                self.context,
                self.tr("Delete motion {text}").format(text=short_label(motion.text)),
                lambda s: meetings.delete_motion(s, motion_id),
                lambda s: meetings.restore_motion(s, motion_id),
                Changes.AGENDA,
            )
        )
        self.motions.setCurrentRow(-1)
        self.motion_text.clear()
        for spin in self.motion_counts.values():
            spin.setValue(0)

    def _record_motion(self) -> None:
        item_id = self._item_id
        text = self.motion_text.text().strip()
        if item_id is None:
            return
        votes = {name: box.value() for name, box in self.motion_counts.items()}

        def record(session: Session) -> bool:
            motion_id = meetings.add_motion(session, item_id, text)
            meetings.set_motion_counts(
                session, motion_id, votes["for"], votes["against"], votes["abstain"]
            )
            return True

        if self.context.run(record, Changes.AGENDA) is not None:
            self.motion_text.clear()
            for spin in self.motion_counts.values():
                spin.setValue(0)
            self._load_motions()

    def _add_sub_item(self) -> None:
        parent_id = self._item_id
        workshop_id = self.context.workshop_id
        title = self.tr("New sub-item")
        self.context.run(
            lambda s: workshops.add_agenda_item(s, workshop_id, title, parent_id=parent_id),
            Changes.AGENDA,
        )

    def _options_changed(self) -> None:
        self._stale = True
        if self.isVisible():  # show at once what the option does
            self.update_preview()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if getattr(self, "_comments_stale", False):
            self._comments_stale = False
            self.load_comments()
        if self._stale:
            QTimer.singleShot(0, self.update_preview)  # once the page is on screen

    # --- writing the documents ----------------------------------------------------------

    def update_preview(self) -> BackgroundOperation[Path]:
        """Write the PDF for the preview on a worker thread; the page stays usable and
        the preview shows it when it is done. A newer request stops an older one."""
        if self.preview_operation is not None and self.preview_operation.running:
            self.preview_operation.cancel()
        self._preview_number += 1
        path = Path(self._preview_dir.path()) / f"preview-{self._preview_number}.pdf"
        operation = self._write_in_background(path, ".pdf")
        self.preview_operation = operation
        self.progress.setRange(0, 0)  # busy until the first report
        self.progress.setVisible(True)

        self._stale = False  # an edit from now on makes this preview stale again

        def show(_path: object) -> None:
            if self.preview_operation is not operation:  # a newer one is coming
                path.unlink(missing_ok=True)
                return
            previous, self._preview_shown = self._preview_shown, path
            self.preview_document.close()
            self.preview_document.load(str(path))
            if previous is not None:
                previous.unlink(missing_ok=True)

        def refused(message: str) -> None:
            self._stale = True
            self.message.show_message(message, "error")

        def step(done: int, total: int, _stage: str) -> None:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))

        def ended() -> None:
            if self.preview_operation is operation:
                self.progress.setVisible(False)
                self.preview_operation = None

        operation.progressed.connect(step)
        operation.succeeded.connect(show)
        operation.failed.connect(refused)
        operation.ended.connect(ended)
        return operation

    def previewing(self) -> bool:
        """A preview is being written."""
        return self.preview_operation is not None

    def _ask_and_export(self, suffix: str) -> None:
        kinds = {".pdf": self.tr("PDF (*.pdf)"), ".docx": self.tr("Word document (*.docx)")}
        name = default_export_name(self.context, self.tr("Minutes"), suffix)
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export minutes"), str(Path.home() / name), kinds[suffix]
        )
        if path:
            self.export(Path(path))

    def export(self, path: Path) -> BackgroundOperation[Path]:
        """Write the minutes to ``path`` (PDF or DOCX by its extension) on a worker
        thread, with a progress box and Cancel; the outcome is shown on the page. A
        refused or cancelled export leaves no file."""
        suffix = path.suffix.lower()
        if suffix not in (".pdf", ".docx"):
            path, suffix = path.with_suffix(".pdf"), ".pdf"
        operation = self._write_in_background(path, suffix)
        follow_export(self, operation, self.message, path)
        for button in (self.pdf_button, self.docx_button):
            button.setEnabled(False)

        def ended() -> None:
            for button in (self.pdf_button, self.docx_button):
                button.setEnabled(True)

        operation.ended.connect(ended)
        self.export_operation = operation  # for tests
        return operation

    def _write_in_background(self, path: Path, suffix: str) -> BackgroundOperation[Path]:
        """Write the document in a session of its own: what is stored when it starts
        (typing not yet saved is saved first)."""
        self.record.save_now()
        self.resolution.save_now()
        workshop_id = self.context.workshop_id
        thai_digits = self.thai_digits.isChecked()
        with_appendix = self.appendix.isChecked()

        def write(session: Session, progress: Progress) -> Path:
            progress.report(0, 0)
            # The writers (reportlab, python-docx) are imported on first use: importing
            # them with the page was a fifth of the app's start-up.
            if suffix == ".docx":
                from workshop_app.export.docx_minutes import write_minutes_docx

                write_minutes_docx(
                    session, workshop_id, path, thai_digits=thai_digits, with_appendix=with_appendix
                )
            else:
                from workshop_app.export.pdf.minutes import write_minutes_pdf

                write_minutes_pdf(
                    session,
                    workshop_id,
                    path,
                    thai_digits=thai_digits,
                    with_appendix=with_appendix,
                    progress=progress.report,
                )
            try:
                progress.report(1, 1)
            except OperationCancelledError:
                path.unlink(missing_ok=True)  # cancelled as the last page was written
                raise
            return path

        return self.context.run_in_background(write, owner=self)
