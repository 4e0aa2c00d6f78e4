"""The setup of a meeting's record, shown on the setup page: the body and its chair, the
goals discussed, the quorum and how participants are listed; the days of the meeting;
the body's roles and the members in their order.

Each field is saved when you leave it, each button is one committed action, as on the
rest of the setup page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from workshop_app.errors import UserError
from workshop_app.services import meetings, workshops
from workshop_app.services.meetings import DayRow, MemberRow, RoleRow
from workshop_app.thai.dates import format_thai_date, format_thai_time
from workshop_app.ui.context import Changes, WorkshopContext
from workshop_app.ui.widgets import ThaiDateEdit

TEXT_FIELDS = ("body_name", "chair_position", "chair_on_behalf_of", "chair_away_reason")
GOAL_FIELDS = ("goal_20_year", "goal_5_year", "long_term_targets")
LISTINGS = ("auto", "names", "appendix")


class _GoalEdit(QPlainTextEdit):
    """A short multi-line field saved when it loses the focus."""

    def __init__(self, on_leave: Callable[[str], None]) -> None:
        super().__init__()
        self._on_leave = on_leave
        self.setTabChangesFocus(True)
        self.setFixedHeight(50)

    def focusOutEvent(self, event: object) -> None:
        super().focusOutEvent(event)  # type: ignore[arg-type]
        self._on_leave(self.toPlainText())


class MeetingSetupBox(QWidget):
    def __init__(self, context: WorkshopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._loading = False
        self._days: list[DayRow] = []
        self._roles: list[RoleRow] = []
        self._members: list[MemberRow] = []

        # --- the body, the chair, goals, quorum, listing ----------------------------
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        labels = {
            "body_name": self.tr("Body (committee) whose meeting this is"),
            "chair_position": self.tr("Chair's position"),
            "chair_on_behalf_of": self.tr("Chairing on behalf of (e.g. the governor)"),
            "chair_away_reason": self.tr("Why they are away (e.g. on official duty)"),
        }
        for field in TEXT_FIELDS:
            line = QLineEdit()
            line.setObjectName(field)
            line.editingFinished.connect(self._line_saver(field, line))
            self.fields[field] = line
            form.addRow(labels[field], line)
        self.goals: dict[str, _GoalEdit] = {}
        goal_labels = {
            "goal_20_year": self.tr("20-year goal"),
            "goal_5_year": self.tr("5-year goal"),
            "long_term_targets": self.tr("Long-term targets (e.g. 4M 2S)"),
        }
        for field in GOAL_FIELDS:
            edit = _GoalEdit(self._text_saver(field))
            edit.setObjectName(field)
            self.goals[field] = edit
            form.addRow(goal_labels[field], edit)
        self.quorum = QSpinBox()
        self.quorum.setRange(0, 999)
        self.quorum.setSpecialValueText(self.tr("more than half of the members"))
        self.quorum.editingFinished.connect(
            lambda: self._save("quorum", self.quorum.value() or None)
        )
        form.addRow(self.tr("Quorum (members)"), self.quorum)
        self.listing = QComboBox()
        for value, label in zip(
            LISTINGS,
            (
                self.tr("Names, or counts with the names attached above:"),
                self.tr("Names of every participant"),
                self.tr("Counts by sector, names attached"),
            ),
            strict=True,
        ):
            self.listing.addItem(label, value)
        self.listing.activated.connect(
            lambda _i: self._save("participant_listing", self.listing.currentData())
        )
        self.threshold = QSpinBox()
        self.threshold.setRange(1, 9999)
        self.threshold.editingFinished.connect(
            lambda: self._save("appendix_threshold", self.threshold.value())
        )
        listing = QHBoxLayout()
        listing.addWidget(self.listing, 1)
        listing.addWidget(self.threshold)
        form.addRow(self.tr("Participants in the minutes"), listing)
        record_box = QGroupBox(self.tr("The record of the meeting"))
        record_box.setLayout(form)

        # --- days ---------------------------------------------------------------------
        self.days = QListWidget()
        self.days.setFixedHeight(80)
        self.day_date = ThaiDateEdit()
        self.day_start = QLineEdit()
        self.day_end = QLineEdit()
        for time_box in (self.day_start, self.day_end):
            time_box.setPlaceholderText(self.tr("e.g. 09.00"))
        self.add_day_button = QPushButton(self.tr("Add day"))
        self.add_day_button.clicked.connect(self._add_day)
        self.delete_day_button = QPushButton(self.tr("Delete day"))
        self.delete_day_button.clicked.connect(self._delete_day)
        day_row = QHBoxLayout()
        for day_widget in (self.day_date, self.day_start, self.day_end, self.add_day_button):
            day_row.addWidget(day_widget)
        day_row.addWidget(self.delete_day_button)
        days_box = QGroupBox(self.tr("Days of the meeting (check-in, times and items per day)"))
        days_layout = QVBoxLayout(days_box)
        days_layout.addWidget(self.days)
        days_layout.addLayout(day_row)

        # --- roles and members ------------------------------------------------------------
        self.roles = QListWidget()
        self.roles.setFixedHeight(90)
        self.role_name = QLineEdit()
        self.role_name.setPlaceholderText(self.tr("New role, e.g. กรรมการและผู้ช่วยเลขานุการ"))
        self.add_role_button = QPushButton(self.tr("Add role"))
        self.add_role_button.clicked.connect(self._add_role)
        role_row = QHBoxLayout()
        role_row.addWidget(self.role_name, 1)
        role_row.addWidget(self.add_role_button)
        for text, step in ((self.tr("Role up"), -1), (self.tr("Role down"), 1)):
            button = QPushButton(text)
            button.clicked.connect(lambda _c=False, s=step: self._move_role(s))
            role_row.addWidget(button)
        self.members = QListWidget()
        self.members.setFixedHeight(140)
        self.member_role = QComboBox()
        self.set_role_button = QPushButton(self.tr("Give the selected member this role"))
        self.set_role_button.clicked.connect(self._set_role)
        self.member_up = QPushButton(self.tr("Member up"))
        self.member_up.clicked.connect(lambda: self._move_member(-1))
        self.member_down = QPushButton(self.tr("Member down"))
        self.member_down.clicked.connect(lambda: self._move_member(1))
        member_row = QHBoxLayout()
        for member_widget in (
            self.member_role,
            self.set_role_button,
            self.member_up,
            self.member_down,
        ):
            member_row.addWidget(member_widget)
        body_box = QGroupBox(self.tr("The body: roles in protocol order, members in order"))
        body_layout = QVBoxLayout(body_box)
        body_layout.addWidget(self.roles)
        body_layout.addLayout(role_row)
        body_layout.addWidget(self.members)
        body_layout.addLayout(member_row)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for group in (record_box, days_box, body_box):
            layout.addWidget(group)
        context.changed.connect(self._on_changed)
        self.load()

    # --- loading ---------------------------------------------------------------------------

    def _on_changed(self, changes: Changes) -> None:
        if changes & (Changes.WORKSHOP | Changes.ATTENDEES | Changes.AGENDA):
            self.load()

    def load(self) -> None:
        workshop_id = self.context.workshop_id

        def read(session: Session) -> tuple[object, ...]:
            return (
                workshops.get_workshop(session, workshop_id),
                meetings.list_days(session, workshop_id),
                meetings.list_roles(session, workshop_id),
                meetings.list_members(session, workshop_id),
            )

        details, days, roles, members = self.context.read(read)
        assert isinstance(details, workshops.WorkshopDetails)
        self._days, self._roles, self._members = days, roles, members  # type: ignore[assignment]
        self._loading = True
        try:
            for field, line in self.fields.items():
                if not line.hasFocus():
                    line.setText(str(getattr(details, field)))
            for field, edit in self.goals.items():
                if not edit.hasFocus() and edit.toPlainText() != getattr(details, field):
                    edit.setPlainText(getattr(details, field))
            self.quorum.setValue(details.quorum or 0)
            self.listing.setCurrentIndex(max(0, self.listing.findData(details.participant_listing)))
            self.threshold.setValue(details.appendix_threshold)
            self.days.clear()
            for day in self._days:
                times = " - ".join(format_thai_time(t) for t in (day.start_time, day.end_time) if t)
                self.days.addItem(f"{day.number}. {format_thai_date(day.date)}  {times}")
            self.roles.clear()
            self.member_role.clear()
            for role in self._roles:
                self.roles.addItem(f"{role.position}. {role.name}")
                self.member_role.addItem(role.name, role.id)
            selected = self.members.currentRow()
            self.members.clear()
            for member in self._members:
                person = member.attendee
                held = f"  ({member.role})" if member.role else ""
                self.members.addItem(f"{member.number}. {person.full_name} {person.position}{held}")
            if 0 <= selected < self.members.count():
                self.members.setCurrentRow(selected)
        finally:
            self._loading = False

    # --- saving ----------------------------------------------------------------------------

    def _save(self, field: str, value: object) -> None:
        if self._loading:
            return
        if not self.context.save_workshop_field(field, value):
            self.load()

    def _text_saver(self, field: str) -> Callable[[str], None]:
        return lambda text: self._save(field, text.strip())

    def _line_saver(self, field: str, line: QLineEdit) -> Callable[[], None]:
        return lambda: self._save(field, line.text().strip())

    def _run(self, operation: Callable[[Session], object], changes: Changes) -> bool:
        return self.context.run(lambda s: operation(s) or True, changes) is not None

    def _add_day(self) -> None:
        date = self.day_date.date()
        if date is None:
            self.context.user_error.emit(self.tr("Type the day's date first, like 25/5/2569."))
            return
        try:
            start = workshops.parse_time(self.day_start.text())
            end = workshops.parse_time(self.day_end.text())
        except UserError as exc:
            self.context.user_error.emit(exc.message(self.context.language))
            return
        workshop_id = self.context.workshop_id
        day: dt.date = date
        if self._run(
            lambda s: meetings.add_day(s, workshop_id, day, start, end),
            Changes.WORKSHOP | Changes.AGENDA,
        ):
            self.day_start.clear()
            self.day_end.clear()

    def _delete_day(self) -> None:
        row = self.days.currentRow()
        if 0 <= row < len(self._days):
            day_id = self._days[row].id
            self._run(lambda s: meetings.delete_day(s, day_id), Changes.WORKSHOP)

    def _add_role(self) -> None:
        name = self.role_name.text()
        workshop_id = self.context.workshop_id
        if self._run(lambda s: meetings.add_role(s, workshop_id, name), Changes.WORKSHOP):
            self.role_name.clear()

    def _move_role(self, step: int) -> None:
        row = self.roles.currentRow()
        if 0 <= row < len(self._roles):
            role_id = self._roles[row].id
            if self._run(lambda s: meetings.move_role(s, role_id, step), Changes.WORKSHOP):
                self.roles.setCurrentRow(max(0, min(len(self._roles) - 1, row + step)))

    def _set_role(self) -> None:
        row = self.members.currentRow()
        role_id = self.member_role.currentData()
        if 0 <= row < len(self._members) and role_id:
            attendee_id = self._members[row].attendee.id
            self._run(
                lambda s: meetings.set_member(s, attendee_id, role_id),
                Changes.WORKSHOP | Changes.ATTENDEES,
            )

    def _move_member(self, step: int) -> None:
        row = self.members.currentRow()
        if 0 <= row < len(self._members):
            attendee_id = self._members[row].attendee.id
            if self._run(
                lambda s: meetings.move_member(s, attendee_id, step),
                Changes.WORKSHOP | Changes.ATTENDEES,
            ):
                self.members.setCurrentRow(max(0, min(len(self._members) - 1, row + step)))
