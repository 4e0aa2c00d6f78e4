"""The registration page, made for the door: type, Enter, next person.

The search box keeps the focus. Typing filters the list as you type; Up/Down pick
a row; Enter checks in the picked (by default the top) match, or the holder of a typed
registration number (a number two people hold is refused until one is picked); F2 opens
the walk-in form;
Ctrl+Z undoes. Counts per sector update live beside the list.
"""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from workshop_app.errors import UserError
from workshop_app.services import attendees, meetings, workshops
from workshop_app.services.attendees import AttendeeRow
from workshop_app.thai.dates import format_thai_date
from workshop_app.thai.names import full_name
from workshop_app.ui.commands import (
    check_in_command,
    edit_attendee_command,
    undo_check_in_command,
    walk_in_command,
)
from workshop_app.ui.context import Changes, WorkshopContext
from workshop_app.ui.dialogs import AttendeeDialog
from workshop_app.ui.item_models import AttendeeTableModel, SectorCountsModel, local_time
from workshop_app.ui.thai_layout import ThaiLabel
from workshop_app.ui.widgets import Banner, ButtonRows

SEARCH_LIMIT = 50


class RegistrationPage(QWidget):
    def __init__(self, context: WorkshopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context

        self.search = QLineEdit()
        self.search.setObjectName("registrationSearch")
        self.search.setPlaceholderText(
            self.tr("Type a name, organisation or number, then Enter to check in")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setStyleSheet("font-size:16pt; padding:6px;")
        self.search.textChanged.connect(self._typed)
        self.search.returnPressed.connect(self.check_in_current)
        self.search.installEventFilter(self)

        self.results_model = AttendeeTableModel()
        self.results = QTableView()
        self.results.setModel(self.results_model)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.verticalHeader().setVisible(False)
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the search box keeps the keys
        self.results.doubleClicked.connect(lambda _index: self.check_in_current())
        # A row chosen by the arrow keys or a click, not the default top match.
        self._picked = False
        self.results.clicked.connect(lambda _index: setattr(self, "_picked", True))
        header = self.results.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

        self.banner = Banner()
        self.result_count = ThaiLabel()

        self.walk_in_button = QPushButton(self.tr("Walk-in registration (F2)"))
        self.walk_in_button.clicked.connect(self.open_walk_in)
        self.edit_button = QPushButton(self.tr("Edit details (F4)"))
        self.edit_button.clicked.connect(self.edit_current)
        self.cancel_button = QPushButton(self.tr("Cancel check-in"))
        self.cancel_button.clicked.connect(self.cancel_current_check_in)
        self.stand_in_button = QPushButton(self.tr("Stands in for a member…"))
        self.stand_in_button.clicked.connect(self.choose_member_stood_in_for)
        # The day checked in for, at a meeting of several days (hidden without days).
        self.day = QComboBox()
        self.day.setObjectName("checkInDay")
        self.day.currentIndexChanged.connect(lambda _i: self.refresh_counts())
        self._present_today: set[str] | None = None
        QShortcut(QKeySequence(Qt.Key.Key_F2), self, self.open_walk_in)
        QShortcut(QKeySequence(Qt.Key.Key_F4), self, self.edit_current)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.reset_search)

        self.counts_model = SectorCountsModel()
        self.counts = QTableView()
        self.counts.setModel(self.counts_model)
        self.counts.verticalHeader().setVisible(False)
        self.counts.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.counts.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        counts_header = self.counts.horizontalHeader()
        counts_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        counts_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.present_total = ThaiLabel()
        self.present_total.setStyleSheet("font-size:20pt; font-weight:bold;")
        self.notice = ThaiLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color:#555; font-size:9pt;")
        # The privacy notice runs to a dozen lines: on a 1366×768 laptop at 125 % it
        # pushed the print buttons below the window. In a scroll area it gives up
        # height first and scrolls, and the buttons stay whole.
        notice_area = QScrollArea()
        notice_area.setObjectName("privacyNoticeArea")
        notice_area.setWidget(self.notice)
        notice_area.setWidgetResizable(True)
        notice_area.setFrameShape(QFrame.Shape.NoFrame)
        notice_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        notice_area.setMinimumHeight(3 * self.notice.fontMetrics().lineSpacing())

        self.desk_buttons = ButtonRows(
            [self.walk_in_button, self.edit_button, self.cancel_button, self.stand_in_button]
        )
        left = QVBoxLayout()
        left.addWidget(self.search)
        left.addWidget(self.banner)
        left.addWidget(self.results, 1)
        left.addWidget(self.desk_buttons)
        # A line of its own: beside the four buttons on a 1024-pixel-wide window (1280×720
        # at 125 %) it was squeezed to a column of syllables that made the row tall.
        left.addWidget(self.result_count)
        self.side_column = right = QVBoxLayout()
        right.addWidget(self.day)
        right.addWidget(self.present_total)
        right.addWidget(self.counts, 2)
        right.addWidget(notice_area, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 5)
        layout.addLayout(right, 2)

        context.changed.connect(self._on_changed)
        self.refresh_all()

    def add_button(self, button: QWidget) -> None:
        """A button below the counts (the phone cards, ui/phone_cards_action.py)."""
        self.side_column.addWidget(button)

    # --- refreshing -------------------------------------------------------------------

    def _on_changed(self, changes: Changes) -> None:
        if changes & (Changes.ATTENDEES | Changes.SECTORS):
            self.refresh_results()
            self.refresh_counts()
        if changes & Changes.WORKSHOP:
            self.refresh_notice()
            self.refresh_days()
            self.refresh_counts()

    def refresh_all(self) -> None:
        self.refresh_days()
        self.refresh_results()
        self.refresh_counts()
        self.refresh_notice()

    def _typed(self) -> None:
        self._picked = False
        self.refresh_results()

    def refresh_results(self) -> None:
        query = self.search.text()
        workshop_id = self.context.workshop_id
        current = self.current_attendee()
        rows = self.context.read(
            lambda s: attendees.search_attendees(s, workshop_id, query, limit=SEARCH_LIMIT)
        )
        self.results_model.set_rows(rows)
        ids = [r.id for r in rows]
        keep = ids.index(current.id) if current and current.id in ids and not query else 0
        if rows:
            self.results.selectRow(keep)
        self.result_count.setText(
            self.tr("{count} shown").format(count=len(rows))
            if len(rows) < SEARCH_LIMIT
            else self.tr("first {count} shown: type more to narrow").format(count=len(rows))
        )

    def refresh_days(self) -> None:
        """The meeting's days; today's (or the first) is chosen when none was."""
        workshop_id = self.context.workshop_id
        days = self.context.read(lambda s: meetings.list_days(s, workshop_id))
        chosen = self.day.currentData()
        self.day.blockSignals(True)
        self.day.clear()
        for day in days:
            label = self.tr("Day {number}: {date}").format(
                number=day.number, date=format_thai_date(day.date)
            )
            self.day.addItem(label, day.id)
        today = dt.datetime.now(attendees.THAI_TIME).date()
        index = self.day.findData(chosen)
        if index < 0:
            index = next((i for i, d in enumerate(days) if d.date == today), 0)
        self.day.setCurrentIndex(index if days else -1)
        self.day.blockSignals(False)
        self.day.setVisible(bool(days))

    def day_id(self) -> str | None:
        data = self.day.currentData()
        return data if isinstance(data, str) else None

    def _already_here(self, person: AttendeeRow) -> bool:
        if self._present_today is not None:
            return person.id in self._present_today
        return person.checked_in_at is not None

    def refresh_counts(self) -> None:
        workshop_id = self.context.workshop_id
        day_id = self.day_id()
        counts = self.context.read(lambda s: attendees.sector_counts(s, workshop_id, day_id=day_id))
        # Who is here on the chosen day: "already checked in" means today.
        self._present_today = (
            None
            if day_id is None
            else self.context.read(lambda s: attendees.present_on(s, workshop_id, day_id))
        )
        self.counts_model.set_rows(counts)
        present = sum(c.present for c in counts)
        expected = sum(c.invited for c in counts)
        self.present_total.setText(
            self.tr("Present {present} of {invited} invited").format(
                present=present, invited=expected
            )
        )

    def refresh_notice(self) -> None:
        workshop_id = self.context.workshop_id
        details = self.context.read(lambda s: workshops.get_workshop(s, workshop_id))
        self.notice.setText(details.privacy_notice)

    # --- actions --------------------------------------------------------------------------

    def current_attendee(self) -> AttendeeRow | None:
        selected = self.results.selectionModel().selectedRows()
        if selected:
            return self.results_model.row_at(selected[0].row())
        return self.results_model.row_at(0)

    def check_in_current(self) -> None:
        person = self.current_attendee()
        if not self._picked:
            # A typed number checks in its holder; one held by two people checks in nobody.
            typed, workshop_id = self.search.text(), self.context.workshop_id
            try:
                holder = self.context.read(
                    lambda s: attendees.person_with_number(s, workshop_id, typed)
                )
            except UserError as exc:
                self.banner.show_message(exc.message(self.context.language), "warn")
                return
            person = holder or person
        if person is None:
            self.banner.show_message(
                self.tr("Nobody matches. Press F2 to register a walk-in."), "warn"
            )
            return
        if self._already_here(person):
            if self._present_today is not None or person.checked_in_at is None:
                message = self.tr("{name} (no. {code}) already checked in for this day.").format(
                    name=person.full_name, code=person.code
                )
            else:
                message = self.tr("{name} (no. {code}) already checked in at {time}.").format(
                    name=person.full_name, code=person.code, time=local_time(person.checked_in_at)
                )
            self.banner.show_message(message, "warn")
            self.reset_search(keep_banner=True)
            return
        command = check_in_command(self.context, person, self.day_id())
        self.context.undo_stack.push(command)
        if command.succeeded:
            self.banner.show_done(
                self.tr("Checked in: {name} (no. {code}), {sector}.").format(
                    name=person.full_name, code=person.code, sector=person.sector_name
                ),
                self.context.undo_stack,
            )
            self.reset_search(keep_banner=True)

    def cancel_current_check_in(self) -> None:
        person = self.current_attendee()
        if person is None or not self._already_here(person):
            return
        self.context.undo_stack.push(undo_check_in_command(self.context, person, self.day_id()))
        self.banner.show_done(
            self.tr("Check-in of {name} cancelled.").format(name=person.full_name),
            self.context.undo_stack,
            "warn",
        )

    def _sectors_and_notice(self) -> tuple[list[workshops.SectorRow], str]:
        workshop_id = self.context.workshop_id
        sectors = self.context.read(lambda s: workshops.list_sectors(s, workshop_id))
        notice = self.context.read(lambda s: workshops.get_workshop(s, workshop_id).privacy_notice)
        return sectors, notice

    def choose_member_stood_in_for(self) -> None:
        """Link the selected person to the member they stand in for (or unlink)."""
        person = self.current_attendee()
        if person is None:
            return
        workshop_id = self.context.workshop_id
        members = self.context.read(lambda s: meetings.list_members(s, workshop_id))
        names = [self.tr("(nobody: not a stand-in)")] + [
            f"{m.attendee.full_name} {m.attendee.position}".strip() for m in members
        ]
        current = next(
            (i + 1 for i, m in enumerate(members) if m.attendee.id == person.stand_in_for_id), 0
        )
        chosen, ok = QInputDialog.getItem(
            self,
            self.tr("Stands in for"),
            self.tr("{name} stands in for:").format(name=person.full_name),
            names,
            current,
            False,
        )
        if not ok:
            return
        index = names.index(chosen)
        member_id = members[index - 1].attendee.id if index else None
        self.set_stand_in(person, member_id)

    def set_stand_in(self, person: AttendeeRow, member_id: str | None) -> bool:
        def link(session: Session) -> bool:
            meetings.set_stand_in(session, person.id, member_id)
            return True

        return self.context.run(link, Changes.ATTENDEES) is not None

    def open_walk_in(self) -> None:
        sectors, notice = self._sectors_and_notice()
        dialog = AttendeeDialog(self.context, sectors, notice, parent=self)
        typed = self.search.text().strip()
        if typed and not typed.isdigit():  # what the staff typed is usually the name
            dialog.set_typed_name(typed)
        dialog.finished.connect(lambda result: self._walk_in_finished(dialog, result))
        dialog.open()

    def _walk_in_finished(self, dialog: AttendeeDialog, result: int) -> None:
        self.search.setFocus()
        if result != AttendeeDialog.DialogCode.Accepted:
            return
        draft = dialog.draft()
        command = walk_in_command(self.context, draft, str(uuid.uuid4()))
        self.context.undo_stack.push(command)
        if command.succeeded:
            self.banner.show_done(
                self.tr("Walk-in registered and checked in: {name}.").format(
                    name=full_name(draft.prefix, draft.first_name, draft.last_name)
                ),
                self.context.undo_stack,
            )
            self.reset_search(keep_banner=True)

    def edit_current(self) -> None:
        person = self.current_attendee()
        if person is None:
            return
        sectors, notice = self._sectors_and_notice()
        dialog = AttendeeDialog(self.context, sectors, notice, existing=person, parent=self)

        def finished(result: int) -> None:
            self.search.setFocus()
            if result == AttendeeDialog.DialogCode.Accepted:
                self.context.undo_stack.push(
                    edit_attendee_command(self.context, person, dialog.draft())
                )

        dialog.finished.connect(finished)
        dialog.open()

    def reset_search(self, keep_banner: bool = False) -> None:
        if not keep_banner:
            self.banner.clear_message()
        self.search.clear()
        self.search.setFocus()

    # --- keys -------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up/Down/PageUp/PageDown in the search box move through the results, and
        Ctrl+Z / Ctrl+Y undo registration actions rather than the typing in the box."""
        if watched is self.search and event.type() == QEvent.Type.ShortcutOverride:
            assert isinstance(event, QKeyEvent)
            undo_keys = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)
            ctrl_y = QKeySequence(event.keyCombination()) == QKeySequence("Ctrl+Y")
            if ctrl_y or any(event.matches(key) for key in undo_keys):
                event.ignore()  # let the window's Undo/Redo shortcut have it
                return True
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            steps = {
                Qt.Key.Key_Down: 1,
                Qt.Key.Key_Up: -1,
                Qt.Key.Key_PageDown: 10,
                Qt.Key.Key_PageUp: -10,
            }
            step = steps.get(Qt.Key(event.key()))
            if step is not None and self.results_model.rowCount():
                selected = self.results.selectionModel().selectedRows()
                row = selected[0].row() if selected else 0
                row = max(0, min(self.results_model.rowCount() - 1, row + step))
                self.results.selectRow(row)
                self._picked = True
                return True
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.search.setFocus()
