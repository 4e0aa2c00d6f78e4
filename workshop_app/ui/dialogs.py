"""Dialogs: new workshop, open workshop, attendee (walk-in or edit)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from workshop_app.errors import UserError
from workshop_app.models import AttendeeRole, WorkshopKind
from workshop_app.services import attendees, workshops
from workshop_app.services.attendees import AttendeeDraft, AttendeeRow
from workshop_app.services.workshops import SectorRow, WorkshopSummary
from workshop_app.thai.dates import format_thai_date
from workshop_app.thai.names import split_prefix
from workshop_app.ui.context import WorkshopContext
from workshop_app.ui.thai_layout import ThaiLabel
from workshop_app.ui.widgets import Banner, ThaiDateEdit

COMMON_PREFIXES = ("นาย", "นาง", "นางสาว", "ดร.", "ผศ.", "ผศ.ดร.", "รศ.ดร.", "ว่าที่ร้อยตรี")


def _ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(QCoreApplication.translate("Dialogs", "OK"))
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
        QCoreApplication.translate("Dialogs", "Cancel")
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class NewWorkshopDialog(QDialog):
    """Title, kind, province, date and venue; the kind's preset fills in the rest."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New workshop"))
        self.title = QLineEdit()
        self.kind = QComboBox()
        for kind in WorkshopKind:
            self.kind.addItem(workshops.kind_name(kind.value, language), kind.value)
        self.kind.setCurrentIndex(list(WorkshopKind).index(WorkshopKind.PLAN_REVIEW_ANNUAL))
        self.province = QLineEdit()
        self.date = ThaiDateEdit()
        self.date.set_date(dt.date.today())
        self.venue = QLineEdit()
        self.error = Banner()
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Province"), self.province)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Venue"), self.venue)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(_ok_cancel(self))
        self.resize(560, 0)

    def kind_value(self) -> WorkshopKind:
        return WorkshopKind(self.kind.currentData())

    def accept(self) -> None:
        if not self.title.text().strip():
            self.error.show_message(self.tr("The workshop needs a title."), "error")
            self.title.setFocus()
            return
        super().accept()


class OpenWorkshopDialog(QDialog):
    """Pick one of the workshops stored in the open database."""

    def __init__(self, summaries: list[WorkshopSummary], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open workshop"))
        self.list = QListWidget()
        for summary in summaries:
            day = format_thai_date(summary.start_date) if summary.start_date else ""
            text = self.tr("{title}\n{date}  ·  invited {invited}, present {present}").format(
                title=summary.title, date=day, invited=summary.invited, present=summary.present
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, summary.id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Workshops in this database:")))
        layout.addWidget(self.list)
        layout.addWidget(_ok_cancel(self))
        self.resize(640, 400)

    def selected_id(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else None


class AttendeeDialog(QDialog):
    """Register a walk-in, or edit someone's details. Shows the privacy notice (PDPA s.23)
    and asks separately for each consent."""

    def __init__(
        self,
        context: WorkshopContext,
        sectors: list[SectorRow],
        privacy_notice: str,
        existing: AttendeeRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._existing = existing
        self._duplicates_confirmed = False
        self.setWindowTitle(
            self.tr("Edit attendee") if existing else self.tr("Walk-in registration")
        )
        self.prefix = QComboBox()
        self.prefix.setEditable(True)
        self.prefix.addItems(list(COMMON_PREFIXES))
        self.prefix.setCurrentText("")
        self.first_name = QLineEdit()
        self.first_name.editingFinished.connect(self._take_prefix_out_of_first_name)
        self.last_name = QLineEdit()
        self.position = QLineEdit()
        self.organisation = QLineEdit()
        self.sector = QComboBox()
        for sector in sectors:
            self.sector.addItem(sector.name, sector.id)
        # No sector chosen until the staff ask: a default was kept by people who were not
        # from government agencies, and the counts per sector came out wrong.
        self.sector.setPlaceholderText(self.tr("Choose the sector"))
        self.sector.setCurrentIndex(-1)
        self.role = QComboBox()
        self.role.addItem(self.tr("Participant"), AttendeeRole.PARTICIPANT.value)
        self.role.addItem(self.tr("Committee member"), AttendeeRole.MEMBER.value)
        self.stands_in_for = QLineEdit()
        self.stands_in_for.setPlaceholderText(self.tr("e.g. Governor of Khon Kaen"))
        self.absence_reason = QLineEdit()
        self.absence_reason.setPlaceholderText(self.tr("e.g. on official duty"))
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.consent_photos = QCheckBox(self.tr("Agrees to appear in publicity photos"))
        self.consent_follow_up = QCheckBox(self.tr("Agrees to be contacted after the workshop"))
        self.special_needs = QPlainTextEdit()
        self.special_needs.setFixedHeight(48)
        self.consent_special_needs = QCheckBox(
            self.tr("Explicitly agrees that the diet or access needs above are recorded")
        )
        notice = ThaiLabel(privacy_notice)
        notice.setWordWrap(True)
        notice.setStyleSheet("color:#444; font-size:10pt;")
        self.message = Banner()

        form = QFormLayout()
        form.addRow(self.tr("Prefix"), self.prefix)
        form.addRow(self.tr("First name"), self.first_name)
        form.addRow(self.tr("Last name"), self.last_name)
        form.addRow(self.tr("Position"), self.position)
        form.addRow(self.tr("Organisation"), self.organisation)
        form.addRow(self.tr("Sector"), self.sector)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Stands in for"), self.stands_in_for)
        form.addRow(self.tr("Reason for absence"), self.absence_reason)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("E-mail"), self.email)
        form.addRow(self.consent_photos)
        form.addRow(self.consent_follow_up)
        form.addRow(self.tr("Diet or access needs"), self.special_needs)
        form.addRow(self.consent_special_needs)
        fields = QWidget()
        fields_layout = QVBoxLayout(fields)
        fields_layout.setContentsMargins(0, 0, 0, 0)
        fields_layout.addLayout(form)
        fields_layout.addWidget(notice)
        # The form scrolls on a short laptop screen; the message and OK stay in view.
        scroll = QScrollArea()
        scroll.setWidget(fields)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumHeight(200)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addWidget(_ok_cancel(self))
        if existing:
            self._fill(existing)
        self.first_name.setFocus()
        self.resize(600, fields.sizeHint().height() + 120)

    def set_typed_name(self, typed: str) -> None:
        """What the door staff typed in the search box: "นายสมชาย ใจดี" fills the prefix,
        the first name and the last name."""
        prefix, rest = split_prefix(typed.strip())
        first, _, last = rest.strip().partition(" ")
        if prefix:
            self.prefix.setCurrentText(prefix)
        self.first_name.setText(first)
        self.last_name.setText(last.strip())

    def _take_prefix_out_of_first_name(self) -> None:
        if self.prefix.currentText().strip():
            return
        prefix, first = split_prefix(self.first_name.text())
        if prefix:
            self.prefix.setCurrentText(prefix)
            self.first_name.setText(first)

    def _fill(self, row: AttendeeRow) -> None:
        self.prefix.setCurrentText(row.prefix)
        self.first_name.setText(row.first_name)
        self.last_name.setText(row.last_name)
        self.position.setText(row.position)
        self.organisation.setText(row.organisation)
        self.sector.setCurrentIndex(max(0, self.sector.findData(row.sector_id)))
        self.role.setCurrentIndex(max(0, self.role.findData(row.role)))
        self.stands_in_for.setText(row.stands_in_for)
        self.absence_reason.setText(row.absence_reason)
        self.phone.setText(row.phone)
        self.email.setText(row.email)
        self.consent_photos.setChecked(row.consent_photos)
        self.consent_follow_up.setChecked(row.consent_follow_up)
        self.special_needs.setPlainText(row.special_needs)
        self.consent_special_needs.setChecked(row.consent_special_needs)

    def draft(self) -> AttendeeDraft:
        prefix = self.prefix.currentText().strip()
        first = self.first_name.text()
        if not prefix:  # "นายสมชาย" typed into the first-name box
            prefix, first = split_prefix(first)
        return AttendeeDraft(
            prefix=prefix,
            first_name=first,
            last_name=self.last_name.text(),
            position=self.position.text(),
            organisation=self.organisation.text(),
            sector_id=str(self.sector.currentData() or ""),
            phone=self.phone.text(),
            email=self.email.text(),
            role=str(self.role.currentData()),
            stands_in_for=self.stands_in_for.text(),
            absence_reason=self.absence_reason.text(),
            consent_photos=self.consent_photos.isChecked(),
            consent_follow_up=self.consent_follow_up.isChecked(),
            special_needs=self.special_needs.toPlainText(),
            consent_special_needs=self.consent_special_needs.isChecked(),
        )

    def accept(self) -> None:
        """Validate with the service before closing; a problem is shown here, in place."""
        draft = self.draft()
        workshop_id = self._context.workshop_id
        if self.sector.count() and self.sector.currentIndex() < 0:
            self.message.show_message(self.tr("Choose the person's sector."), "error")
            self.sector.setFocus()
            return
        try:
            self._context.read(lambda s: attendees.clean_draft(s, workshop_id, draft))
        except UserError as exc:
            self.message.show_message(exc.message(self._context.language), "error")
            return
        if self._existing is None and not self._duplicates_confirmed:
            matches = self._context.read(
                lambda s: attendees.find_likely_duplicates(
                    s, workshop_id, draft.first_name, draft.last_name, draft.organisation
                )
            )
            if matches:
                self._duplicates_confirmed = True
                self.message.show_message(
                    self.tr(
                        "{name} ({organisation}, no. {code}) is already registered. "
                        "Cancel and check them in instead, or press OK again to add a new person."
                    ).format(
                        name=matches[0].full_name,
                        organisation=matches[0].organisation,
                        code=matches[0].code,
                    ),
                    "warn",
                )
                return
        super().accept()
