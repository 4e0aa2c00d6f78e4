"""The setup of a meeting's record, shown on the setup page: the body and its chair, the
goals discussed, the quorum and how participants are listed; the days of the meeting;
the body's roles and the members in their order.

Each field is saved when you leave it, each button is one committed action, as on the
rest of the setup page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
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
from workshop_app.services.meetings import DayRow, GroupRow, MemberRow, RoleRow
from workshop_app.services.workshops import NumberedRow
from workshop_app.thai.dates import format_thai_date, format_thai_time
from workshop_app.ui.commands import ServiceCommand
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


class MemberList(QListWidget):
    """The members in their order. A member is moved by dragging it to its new place, or
    with Ctrl+Up / Ctrl+Down; the list itself never moves the row: it reports the move
    (``moved(from_row, to_row)``), which is stored, and the list is then reloaded."""

    moved = Signal(int, int)

    def __init__(self) -> None:
        super().__init__()
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)

    def drop_row(self, point: QPoint) -> int:
        """The place a drop at ``point`` (viewport coordinates) puts the dragged row:
        before the row under it when on its upper half, else after it."""
        index = self.indexAt(point)
        if not index.isValid():
            return self.count()
        rect = self.visualRect(index)
        return index.row() + (0 if point.y() < rect.center().y() else 1)

    def dropEvent(self, event: QDropEvent) -> None:
        source = self.currentRow()
        target = self.drop_row(event.position().toPoint())
        event.setDropAction(Qt.DropAction.CopyAction)  # the view must not remove a row
        event.accept()
        if source < 0:
            return
        if target > source:
            target -= 1
        if target != source:
            # After the drag has ended: the move reloads the list this event is still in.
            QTimer.singleShot(0, lambda: self.moved.emit(source, target))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(Qt.Key(event.key()))
        if step and event.modifiers() == Qt.KeyboardModifier.ControlModifier:
            row = self.currentRow()
            if 0 <= row + step < self.count() and row >= 0:
                self.moved.emit(row, row + step)
            return
        super().keyPressEvent(event)


class MeetingSetupBox(QWidget):
    def __init__(self, context: WorkshopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._loading = False
        self._days: list[DayRow] = []
        self._roles: list[RoleRow] = []
        self._members: list[MemberRow] = []
        self._groups: list[GroupRow] = []
        self._issues: list[NumberedRow] = []

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
        self.roles.currentRowChanged.connect(self._show_role)
        self.role_name = QLineEdit()
        self.role_name.setPlaceholderText(self.tr("New role, e.g. กรรมการและผู้ช่วยเลขานุการ"))
        self.add_role_button = QPushButton(self.tr("Add role"))
        self.add_role_button.clicked.connect(self._add_role)
        self.rename_role_button = QPushButton(self.tr("Rename"))
        self.rename_role_button.clicked.connect(self._rename_role)
        self.delete_role_button = QPushButton(self.tr("Delete"))
        self.delete_role_button.clicked.connect(self._delete_role)
        role_row = QHBoxLayout()
        role_row.addWidget(self.role_name, 1)
        for role_button in (self.add_role_button, self.rename_role_button, self.delete_role_button):
            role_row.addWidget(role_button)
        for text, step in ((self.tr("Up"), -1), (self.tr("Down"), 1)):
            button = QPushButton(text)
            button.setToolTip(self.tr("Move the selected role"))
            button.clicked.connect(lambda _c=False, s=step: self._move_role(s))
            role_row.addWidget(button)
        self.members = MemberList()
        self.members.setFixedHeight(140)
        self.members.setToolTip(self.tr("Drag a member to its place, or Ctrl+Up / Ctrl+Down"))
        self.members.moved.connect(self._reorder_member)
        self.member_role = QComboBox()
        self.set_role_button = QPushButton(self.tr("Give the selected member this role"))
        self.set_role_button.clicked.connect(self._set_role)
        self.member_up = QPushButton(self.tr("Member up"))
        self.member_up.clicked.connect(lambda: self._move_member(-1))
        self.member_down = QPushButton(self.tr("Member down"))
        self.member_down.clicked.connect(lambda: self._move_member(1))
        # Two short rows, not one long one: the page must fit a 1366-pixel laptop screen.
        member_row = QHBoxLayout()
        member_row.addWidget(self.member_role, 1)
        member_row.addWidget(self.set_role_button)
        move_row = QHBoxLayout()
        move_row.addWidget(self.member_up)
        move_row.addWidget(self.member_down)
        body_box = QGroupBox(self.tr("The body: roles in protocol order, members in order"))
        body_layout = QVBoxLayout(body_box)
        body_layout.addWidget(self.roles)
        body_layout.addLayout(role_row)
        body_layout.addWidget(self.members)
        body_layout.addLayout(member_row)
        body_layout.addLayout(move_row)

        # --- breakout groups ---------------------------------------------------------------
        self.groups = QListWidget()
        self.groups.setFixedHeight(80)
        self.groups.currentRowChanged.connect(self._show_group)
        self.group_name = QLineEdit()
        self.group_name.setPlaceholderText(self.tr("Group, e.g. กลุ่มอำเภอเมือง"))
        self.group_issue = QComboBox()
        self.group_facilitator = QLineEdit()
        self.group_facilitator.setPlaceholderText(self.tr("Facilitator"))
        self.group_presenter = QLineEdit()
        self.group_presenter.setPlaceholderText(self.tr("Presenter"))
        self.group_report = QPlainTextEdit()
        self.group_report.setTabChangesFocus(True)
        self.group_report.setFixedHeight(50)
        self.group_report.setPlaceholderText(self.tr("What the group reported"))
        self.add_group_button = QPushButton(self.tr("Add group"))
        self.add_group_button.clicked.connect(self._add_group)
        self.save_group_button = QPushButton(self.tr("Save group"))
        self.save_group_button.clicked.connect(self._save_group)
        self.delete_group_button = QPushButton(self.tr("Delete group"))
        self.delete_group_button.clicked.connect(self._delete_group)
        group_row = QHBoxLayout()
        group_row.addWidget(self.group_name, 2)
        group_row.addWidget(self.group_issue, 1)
        people_row = QHBoxLayout()
        people_row.addWidget(self.group_facilitator)
        people_row.addWidget(self.group_presenter)
        group_buttons = QHBoxLayout()
        for group_button in (
            self.add_group_button,
            self.save_group_button,
            self.delete_group_button,
        ):
            group_buttons.addWidget(group_button)
        groups_box = QGroupBox(self.tr("Breakout groups (by issue or by district)"))
        groups_layout = QVBoxLayout(groups_box)
        groups_layout.addWidget(self.groups)
        groups_layout.addLayout(group_row)
        groups_layout.addLayout(people_row)
        groups_layout.addWidget(self.group_report)
        groups_layout.addLayout(group_buttons)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for group in (record_box, days_box, body_box, groups_box):
            layout.addWidget(group)
        context.changed.connect(self._on_changed)
        self.load()

    # --- loading ---------------------------------------------------------------------------

    def _on_changed(self, changes: Changes) -> None:
        if changes & (Changes.WORKSHOP | Changes.ATTENDEES | Changes.AGENDA | Changes.ISSUES):
            self.load()

    def load(self) -> None:
        workshop_id = self.context.workshop_id

        def read(session: Session) -> tuple[object, ...]:
            return (
                workshops.get_workshop(session, workshop_id),
                meetings.list_days(session, workshop_id),
                meetings.list_roles(session, workshop_id),
                meetings.list_members(session, workshop_id),
                meetings.list_groups(session, workshop_id),
                workshops.list_issues(session, workshop_id),
            )

        details, days, roles, members, groups, issues = self.context.read(read)
        assert isinstance(details, workshops.WorkshopDetails)
        self._days, self._roles, self._members = days, roles, members  # type: ignore[assignment]
        self._groups, self._issues = groups, issues  # type: ignore[assignment]
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
            selected_role = self.roles.currentRow()
            self.roles.clear()
            self.member_role.clear()
            for role in self._roles:
                self.roles.addItem(f"{role.position}. {role.name}")
                self.member_role.addItem(role.name, role.id)
            if 0 <= selected_role < self.roles.count():
                self.roles.setCurrentRow(selected_role)
            selected_group = self.groups.currentRow()
            self.groups.clear()
            self.group_issue.clear()
            self.group_issue.addItem(self.tr("(no issue: e.g. by district)"), None)
            issue_titles = {}
            for issue in self._issues:
                issue_titles[issue.id] = f"{issue.number}. {issue.title}"
                self.group_issue.addItem(issue_titles[issue.id], issue.id)
            for group in self._groups:
                about = (
                    f"  [{issue_titles[group.issue_id]}]" if group.issue_id in issue_titles else ""
                )
                self.groups.addItem(f"{group.number}. {group.name}{about}")
            if 0 <= selected_group < self.groups.count():
                self.groups.setCurrentRow(selected_group)
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
        added: list[str] = []

        def add(session: Session) -> None:
            added.append(meetings.add_day(session, workshop_id, day, start, end))

        if self._push(
            self.tr("Add day {date}").format(date=format_thai_date(day)),
            add,
            lambda s: meetings.delete_day(s, added[-1]),
            Changes.WORKSHOP | Changes.AGENDA,
        ):
            self.day_start.clear()
            self.day_end.clear()

    def _delete_day(self) -> None:
        row = self.days.currentRow()
        if 0 <= row < len(self._days):
            day = self._days[row]
            self._push(
                self.tr("Delete day {date}").format(date=format_thai_date(day.date)),
                lambda s: meetings.delete_day(s, day.id),
                lambda s: meetings.restore_day(s, day.id),
                Changes.WORKSHOP | Changes.AGENDA,
            )

    def _add_role(self) -> None:
        name = self.role_name.text()
        workshop_id = self.context.workshop_id
        added: list[str] = []

        def add(session: Session) -> None:
            added.append(meetings.add_role(session, workshop_id, name))

        if self._push(
            self.tr("Add role {name}").format(name=name.strip()),
            add,
            lambda s: meetings.delete_role(s, added[-1]),
        ):
            self.role_name.clear()

    def _move_role(self, step: int) -> None:
        row = self.roles.currentRow()
        if 0 <= row < len(self._roles) and 0 <= row + step < len(self._roles):
            role = self._roles[row]
            if self._push(
                self.tr("Move role {name}").format(name=role.name),
                lambda s: meetings.move_role(s, role.id, step),
                lambda s: meetings.move_role(s, role.id, -step),
            ):
                self.roles.setCurrentRow(row + step)

    def _set_role(self) -> None:
        row = self.members.currentRow()
        role_id = self.member_role.currentData()
        if 0 <= row < len(self._members) and role_id:
            member = self._members[row]
            attendee_id = member.attendee.id
            before = member.attendee.body_role_id  # None: a member with no role yet
            self._push(
                self.tr("Set the role of {name}").format(name=member.attendee.full_name),
                lambda s: meetings.set_member_role(s, attendee_id, role_id),
                lambda s: meetings.set_member_role(s, attendee_id, before),
                Changes.WORKSHOP | Changes.ATTENDEES,
            )

    def _push(
        self,
        text: str,
        do: Callable[[Session], object],
        undo: Callable[[Session], object],
        changes: Changes = Changes.WORKSHOP,
    ) -> bool:
        command = ServiceCommand(self.context, text, do, undo, changes)
        self.context.undo_stack.push(command)
        return command.succeeded

    def _move_member(self, step: int) -> None:
        row = self.members.currentRow()
        if 0 <= row + step < len(self._members) and row >= 0:
            self._reorder_member(row, row + step)

    def _reorder_member(self, source: int, target: int) -> None:
        """Store a member's move (a drag, a button or Ctrl+Up/Down) as one undoable step."""
        if not (0 <= source < len(self._members) and 0 <= target < len(self._members)):
            return
        order = [m.attendee.id for m in self._members]
        moved = order.pop(source)
        order.insert(target, moved)
        workshop_id = self.context.workshop_id
        before = self.context.read(lambda s: meetings.member_orders(s, workshop_id))
        name = self._members[source].attendee.full_name
        if self._push(
            self.tr("Move member {name}").format(name=name),
            lambda s: meetings.set_member_order(s, workshop_id, order),
            lambda s: meetings.restore_member_orders(s, workshop_id, before),
            Changes.WORKSHOP | Changes.ATTENDEES,
        ):
            self.members.setCurrentRow(target)

    def _selected_role(self) -> RoleRow | None:
        row = self.roles.currentRow()
        return self._roles[row] if 0 <= row < len(self._roles) else None

    def _show_role(self, row: int) -> None:
        if 0 <= row < len(self._roles) and not self._loading:
            self.role_name.setText(self._roles[row].name)

    def _rename_role(self) -> None:
        role = self._selected_role()
        name = self.role_name.text()
        if role is None:
            return
        self._push(
            self.tr("Rename role {name}").format(name=role.name),
            lambda s: meetings.rename_role(s, role.id, name),
            lambda s: meetings.rename_role(s, role.id, role.name),
            Changes.WORKSHOP | Changes.ATTENDEES,
        )

    def _delete_role(self) -> None:
        role = self._selected_role()
        if role is None:
            return
        if self._push(
            self.tr("Delete role {name}").format(name=role.name),
            lambda s: meetings.delete_role(s, role.id),
            lambda s: meetings.restore_role(s, role.id, role.position),
        ):
            self.role_name.clear()

    # --- breakout groups -----------------------------------------------------------------

    def _selected_group(self) -> GroupRow | None:
        row = self.groups.currentRow()
        return self._groups[row] if 0 <= row < len(self._groups) else None

    def _show_group(self, row: int) -> None:
        if not (0 <= row < len(self._groups)) or self._loading:
            return
        group = self._groups[row]
        self.group_name.setText(group.name)
        self.group_issue.setCurrentIndex(max(0, self.group_issue.findData(group.issue_id)))
        self.group_facilitator.setText(group.facilitator)
        self.group_presenter.setText(group.presenter)
        self.group_report.setPlainText(group.report)

    def _clear_group_fields(self) -> None:
        for line in (self.group_name, self.group_facilitator, self.group_presenter):
            line.clear()
        self.group_report.clear()
        self.group_issue.setCurrentIndex(0)

    def _add_group(self) -> None:
        workshop_id = self.context.workshop_id
        name = self.group_name.text()
        issue_id = self.group_issue.currentData()
        people = (self.group_facilitator.text(), self.group_presenter.text())
        report = self.group_report.toPlainText()
        added: list[str] = []  # the new group's id, for the undo

        def add(session: Session) -> None:
            added[:] = [
                meetings.add_group(
                    session,
                    workshop_id,
                    name,
                    issue_id=issue_id,
                    facilitator=people[0],
                    presenter=people[1],
                    report=report,
                )
            ]

        if self._push(
            self.tr("Add group {name}").format(name=name.strip()),
            add,
            lambda s: meetings.delete_group(s, added[0]),
        ):
            self._clear_group_fields()
            self.groups.setCurrentRow(-1)

    def _save_group(self) -> None:
        old = self._selected_group()
        if old is None:
            return
        new = GroupRow(
            old.id,
            old.number,
            self.group_name.text(),
            self.group_issue.currentData(),
            self.group_facilitator.text(),
            self.group_presenter.text(),
            self.group_report.toPlainText(),
        )

        def store(row: GroupRow) -> Callable[[Session], None]:
            def apply(session: Session) -> None:
                meetings.rename_group(session, row.id, row.name)
                meetings.set_group_issue(session, row.id, row.issue_id)
                meetings.update_group(
                    session,
                    row.id,
                    facilitator=row.facilitator,
                    presenter=row.presenter,
                    report=row.report,
                )

            return apply

        self._push(self.tr("Edit group {name}").format(name=old.name), store(new), store(old))

    def _delete_group(self) -> None:
        group = self._selected_group()
        if group is None:
            return
        if self._push(
            self.tr("Delete group {name}").format(name=group.name),
            lambda s: meetings.delete_group(s, group.id),
            lambda s: meetings.restore_group(s, group.id, group.number),
        ):
            self._clear_group_fields()
