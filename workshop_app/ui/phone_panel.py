"""The facilitator's side of taking part by phone (issue 22).

``PhoneServerHost`` owns the window's one participant server (participation/server.py):
it starts and stops it on the address chosen in ``ServerAddressDialog``, keeps the issue
open to phones on the board's current issue (or the one chosen), switches moderation,
accepts and rejects the ideas waiting for it, and puts the join code on the projector.

What phones write reaches the GUI as the server's ``on_change`` calls, made on the
server's thread: a signal carries them onto the Qt thread, where they are gathered and
handed on as the context's ordinary change flags at most ``1000 / BATCH_MS`` times a
second (less when refreshing takes long), so the board, the projector and the vote
results refresh as they do after a card typed here, and never once per submission. What
the facilitator writes here (cards, rounds, moderation) is pushed to the phones with
``notify_changed``.

``PhonePanel`` is the box that shows and drives it, on the board page (everything) and
on the voting page (the server and who is connected).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtNetwork import QAbstractSocket, QNetworkInterface
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from workshop_app.errors import UserError
from workshop_app.services import ideas, phones
from workshop_app.services.ideas import IdeaRow, kind_label
from workshop_app.services.workshops import NumberedRow
from workshop_app.ui import settings
from workshop_app.ui.commands import ServiceCommand, each_card_command
from workshop_app.ui.context import Changes, WorkshopContext, share_the_interpreter_with_the_gui
from workshop_app.ui.join_panel import JoinInfo
from workshop_app.ui.thai_layout import ThaiLabel
from workshop_app.ui.widgets import SteadyLabel

# The server (aiohttp) and the projector are imported when first used: the registration
# page, the first one shown, holds the phone-card buttons and should start quickly.
if TYPE_CHECKING:
    from workshop_app.participation.server import ParticipantServer
    from workshop_app.ui.board_data import BoardData
    from workshop_app.ui.projector import ProjectorWindow

BATCH_MS = 250  # phone changes reach the views at most four times a second
# Under load (a refresh taking long) the wait grows to twice the last refresh, up to
# this: the secretary's typing keeps two thirds of the GUI thread.
MAX_BATCH_MS = 600
# After the facilitator's own edit, phones' changes wait at least this long: the card
# just typed is drawn first, not after a refresh that happened to fall due with it.
AFTER_OWN_EDIT_MS = 120
NOTIFY_DELAY_MS = 150  # the host's own changes, pushed to the phones this much later
ALL_NETWORKS = "0.0.0.0"
THIS_LAPTOP_ONLY = "127.0.0.1"
# What the server reports -> what the views refresh.
SERVER_CHANGES = {
    "ideas": Changes.IDEAS,
    "ballots": Changes.VOTES,
    "attendees": Changes.ATTENDEES,
}
# What the facilitator changes that phones show (cards, the issue, rounds, names).
SEEN_BY_PHONES = (
    Changes.IDEAS
    | Changes.VOTES
    | Changes.ISSUES
    | Changes.WORKSHOP
    | Changes.SECTORS
    | Changes.ATTENDEES
)
FOLLOW_BOARD = "follow"
CLOSED = "closed"


def lan_addresses() -> list[tuple[str, str]]:
    """This laptop's IPv4 addresses on its networks (address, interface name), private
    ones (a router's 192.168.x.x, 10.x.x.x) first: those are the ones phones reach."""
    found: list[tuple[bool, str, str]] = []
    wanted = QNetworkInterface.InterfaceFlag.IsUp | QNetworkInterface.InterfaceFlag.IsRunning
    for interface in QNetworkInterface.allInterfaces():
        flags = interface.flags()
        if (flags & wanted) != wanted or flags & QNetworkInterface.InterfaceFlag.IsLoopBack:
            continue
        for entry in interface.addressEntries():
            address = entry.ip()
            if address.protocol() != QAbstractSocket.NetworkLayerProtocol.IPv4Protocol:
                continue
            found.append(
                (not address.isPrivateUse(), address.toString(), interface.humanReadableName())
            )
    return [(address, name) for _public, address, name in sorted(found)]


class ServerAddressDialog(QDialog):
    """Where the participant server listens: one of this laptop's networks and a port."""

    def __init__(self, parent: QWidget | None = None, *, for_cards: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("phoneServerDialog")
        self.setWindowTitle(
            self.tr("Address printed on the phone cards")
            if for_cards
            else self.tr("Start the phone server")
        )
        store = settings.settings_store()
        self.host = QComboBox()
        self.host.setObjectName("phoneServerHost")
        self.host.setEditable(True)
        for address, interface in lan_addresses():
            self.host.addItem(f"{address}  ({interface})", address)
        if not for_cards:  # a card needs the one address phones will reach
            self.host.addItem(
                self.tr("{address}  (every network)").format(address=ALL_NETWORKS), ALL_NETWORKS
            )
        self.host.addItem(
            self.tr("{address}  (this laptop only, for a test)").format(address=THIS_LAPTOP_ONLY),
            THIS_LAPTOP_ONLY,
        )
        remembered = settings.PHONE_SERVER_HOST.get(store)
        index = self.host.findData(remembered) if remembered else -1
        self.host.setCurrentIndex(max(0, index))
        self.port = QSpinBox()
        self.port.setObjectName("phoneServerPort")
        self.port.setRange(1024, 65535)
        self.port.setValue(settings.PHONE_SERVER_PORT.get(store))
        hint = ThaiLabel(
            self.tr(
                "The cards hold this address: start the phone server on it at the venue "
                "(with the team's own travel router the laptop usually keeps its address)."
            )
            if for_cards
            else self.tr(
                "Choose the network the phones are on (the travel router or the venue's "
                "Wi-Fi). Phones open the address shown once the server runs."
            )
        )
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Choose") if for_cards else self.tr("Start")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Network address"), self.host)
        form.addRow(self.tr("Port"), self.port)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def chosen_host(self) -> str:
        """The address chosen, or typed (the list shows addresses with their network)."""
        index = self.host.currentIndex()
        typed = self.host.currentText().strip()
        if index >= 0 and typed == self.host.itemText(index):
            return str(self.host.itemData(index))
        return typed.split()[0] if typed else ALL_NETWORKS

    def base_url(self) -> str:
        """The join page's address on the chosen network, as printed on the cards."""
        return f"http://{self.chosen_host()}:{self.port.value()}"

    def remember(self) -> None:
        store = settings.settings_store()
        settings.PHONE_SERVER_HOST.set(store, self.chosen_host())
        settings.PHONE_SERVER_PORT.set(store, self.port.value())


def _setting_stored(context: WorkshopContext, store: Callable[[Session], None]) -> bool:
    """Store one of the phones' settings (no undo: a setting, not an edit of the work)."""

    def run(session: Session) -> bool:
        store(session)
        return True

    return context.run(run, Changes.NONE) is not None


def accept_ideas_command(context: WorkshopContext, rows: list[IdeaRow]) -> ServiceCommand:
    """Accept phone ideas onto the board; undone, they wait to be checked again."""
    count = len(rows)  # a plain name: lupdate misses a %n whose count is a call
    return each_card_command(
        context,
        QCoreApplication.translate("Commands", "Accept %n phone idea(s)", "", count),
        rows,
        phones.accept_idea,
        phones.unaccept_idea,
    )


def reject_ideas_command(context: WorkshopContext, rows: list[IdeaRow]) -> ServiceCommand:
    """Reject phone ideas waiting to be checked; undone as a deleted card is."""
    count = len(rows)  # a plain name: lupdate misses a %n whose count is a call
    return each_card_command(
        context,
        QCoreApplication.translate("Commands", "Reject %n phone idea(s)", "", count),
        rows,
        phones.reject_idea,
        ideas.restore_idea,
    )


class PhoneServerHost(QObject):
    """The window's participant server and the facilitator's choices about phones."""

    changed = Signal()  # running or not, address, issue open, moderation, pending ideas
    connections_changed = Signal()  # phones connected per sector
    _from_server = Signal(object)  # the kinds changed; emitted on the server's thread

    def __init__(
        self,
        context: WorkshopContext,
        board: BoardData | Callable[[], BoardData],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        # The board's cards are read when phones first need them (the window builds them
        # with the board page), not when the first page shows the phone-card buttons.
        self._board_source = board
        self._board: BoardData | None = None
        self.server: ParticipantServer | None = None
        self.follow_board = True
        self.chosen_issue_id: str | None = None  # when not following; None: closed
        self.join_on_projector = False
        self.projector: ProjectorWindow | None = None
        self.connections: dict[str, int] = {}
        self.pending: list[IdeaRow] = []
        self.walk_in_code = ""
        self._written_issue: str | bool | None = False  # False: not written yet
        self._kinds: set[str] = set()
        self._handing_on = False  # the views are refreshing for a phone's change
        self._batch = QTimer(self)
        self._batch.setSingleShot(True)
        self._batch_ms = BATCH_MS  # longer while refreshing takes long
        self._batch.timeout.connect(self._hand_on)
        # The facilitator's writes reach the phones a moment later, together: the push to
        # hundreds of phones runs on the server's thread and would share the interpreter
        # with the repaint of the card just typed.
        self._notify = QTimer(self)
        self._notify.setSingleShot(True)
        self._notify.setInterval(NOTIFY_DELAY_MS)
        self._notify.timeout.connect(self._notify_phones)
        # Across threads: queued onto this object's (the GUI) thread.
        self._from_server.connect(self._server_changed)
        context.changed.connect(self._context_changed)
        workshop_id = context.workshop_id
        self.moderation = context.read(lambda s: phones.phone_moderation(s, workshop_id))
        self._read_pending()

    @property
    def board(self) -> BoardData:
        if self._board is None:
            from workshop_app.ui.board_data import BoardData

            source = self._board_source
            board = source if isinstance(source, BoardData) else source()
            board.current_changed.connect(lambda _index: self._issue_choice_changed())
            board.issues_changed.connect(self._issue_choice_changed)
            self._board = board
        return self._board

    # --- the server ----------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.server is not None and self.server.running

    @property
    def url(self) -> str:
        return self.server.url if self.server is not None and self.server.running else ""

    def start(self, host: str, port: int) -> bool:
        """Start serving phones; False (and the reason shown) if it cannot."""
        if self.running:
            return True
        from workshop_app.participation.server import ParticipantServer

        share_the_interpreter_with_the_gui()  # the server's threads beside the GUI

        server = ParticipantServer(
            self.context.database.session,
            self.context.workshop_id,
            host,
            port,
            on_change=self._from_server.emit,
            give_way=self.context.user_action_left,  # the laptop's user first
            write_gate=self.context.database.write_gate.held,
        )
        try:
            server.start()
        except UserError as exc:  # the port is taken, the address is not this laptop's
            self.context.user_error.emit(exc.message(self.context.language))
            return False
        self.server = server
        workshop_id = self.context.workshop_id
        code = self.context.run(lambda s: phones.walk_in_code(s, workshop_id), Changes.NONE)
        self.walk_in_code = code or ""
        self._written_issue = False
        self._write_phone_issue()
        self._read_pending()
        self._update_projector()
        self.changed.emit()
        self._read_connections()
        return True

    def stop(self) -> None:
        """Stop serving phones (the port is free again); the phones wait and rejoin by
        themselves once it is started again."""
        server, self.server = self.server, None
        if server is not None:
            server.stop()
        self.connections = {}
        self._update_projector()
        self.changed.emit()
        self.connections_changed.emit()

    def _notify_phones(self) -> None:
        if self.server is not None:
            self.server.notify_changed()

    def connected_count(self) -> int:
        return sum(self.connections.values())

    def _server_changed(self, kinds: object) -> None:
        if isinstance(kinds, (set, frozenset)):
            self._kinds.update(str(k) for k in kinds)
        if not self._batch.isActive():
            self._batch.start(self._batch_ms)

    def _hand_on(self) -> None:
        """The phones' changes since the last time, as one set of change flags."""
        kinds, self._kinds = self._kinds, set()
        flags = Changes.NONE
        for kind, flag in SERVER_CHANGES.items():
            if kind in kinds:
                flags |= flag
        if flags:
            start = time.perf_counter()
            self._handing_on = True  # the server already told the phones
            try:
                self.context.changed.emit(flags)
            finally:
                self._handing_on = False
            took_ms = (time.perf_counter() - start) * 1000
            self._batch_ms = int(min(MAX_BATCH_MS, max(BATCH_MS, 2 * took_ms)))
        if "connections" in kinds:
            self._read_connections()

    def _read_connections(self) -> None:
        server = self.server
        connections = server.connected_by_sector() if server is not None and self.running else {}
        if connections != self.connections:
            self.connections = connections
            self.connections_changed.emit()

    def _context_changed(self, changes: Changes) -> None:
        # Ideas wait only under moderation (or from before it was switched off): no
        # query for each card typed on the board otherwise.
        if changes & (Changes.IDEAS | Changes.ISSUES) and (self.moderation or self.pending):
            before = self.pending
            self._read_pending()
            if self.pending != before:
                self.changed.emit()
        if changes & Changes.ISSUES:
            self.changed.emit()  # the list of issues to open to phones
        if changes & Changes.ATTENDEES and self.running:
            self._read_connections()  # a sector renamed, a walk-in registered
        batch = self._batch
        if not self._handing_on and batch.isActive() and batch.remainingTime() < AFTER_OWN_EDIT_MS:
            batch.start(AFTER_OWN_EDIT_MS)
        if self.server is not None and not self._handing_on and changes & SEEN_BY_PHONES:
            self._notify.start()  # once the card typed is on screen, not during it

    # --- the issue open to phones --------------------------------------------------------

    def set_issue_choice(self, choice: str) -> None:
        """FOLLOW_BOARD, CLOSED, or an issue's id."""
        self.follow_board = choice == FOLLOW_BOARD
        self.chosen_issue_id = None if choice in (FOLLOW_BOARD, CLOSED) else choice
        self._issue_choice_changed()

    def issue_choice(self) -> str:
        if self.follow_board:
            return FOLLOW_BOARD
        return self.chosen_issue_id or CLOSED

    def issue_for_phones(self) -> NumberedRow | None:
        if self.follow_board:
            model = self.board.current_model()
            return model.issue if model is not None else None
        model = self.board.model_for(self.chosen_issue_id) if self.chosen_issue_id else None
        return model.issue if model is not None else None

    def _issue_choice_changed(self) -> None:
        self._write_phone_issue()
        self.changed.emit()

    def _write_phone_issue(self) -> None:
        """Store the issue open to phones, when the server runs and it changed (not a
        transaction for every Ctrl+PgDown through the issues)."""
        if not self.running:
            return
        issue = self.issue_for_phones()
        issue_id = issue.id if issue is not None else None
        if issue_id == self._written_issue:
            return
        workshop_id = self.context.workshop_id
        if (
            _setting_stored(
                self.context, lambda s: phones.set_phone_issue(s, workshop_id, issue_id)
            )
            and self.server is not None
        ):
            self._written_issue = issue_id
            self.server.notify_changed()

    # --- moderation ------------------------------------------------------------------------

    def set_moderation(self, on: bool) -> None:
        workshop_id = self.context.workshop_id
        if _setting_stored(self.context, lambda s: phones.set_phone_moderation(s, workshop_id, on)):
            self.moderation = on
            if self.server is not None:
                self.server.notify_changed()
        self.changed.emit()

    def _read_pending(self) -> None:
        workshop_id = self.context.workshop_id
        self.pending = self.context.read(lambda s: phones.pending_ideas(s, workshop_id))

    def accept(self, rows: list[IdeaRow]) -> None:
        """Put these waiting ideas on the board (and the projector); Ctrl+Z takes them
        back to waiting."""
        if rows:
            self.context.undo_stack.push(accept_ideas_command(self.context, rows))

    def reject(self, rows: list[IdeaRow]) -> None:
        if rows:
            self.context.undo_stack.push(reject_ideas_command(self.context, rows))

    # --- the projector ---------------------------------------------------------------------

    def attach_projector(self, projector: ProjectorWindow) -> None:
        self.projector = projector
        self._update_projector()

    def set_join_on_projector(self, shown: bool) -> None:
        self.join_on_projector = shown
        self._update_projector()
        self.changed.emit()

    def new_walk_in_code(self) -> None:
        """A new code for walk-ins (the old one went round outside the room); people
        who joined with the old one stay joined."""
        workshop_id = self.context.workshop_id
        code = self.context.run(lambda s: phones.new_walk_in_code(s, workshop_id), Changes.NONE)
        if code:
            self.walk_in_code = code
            self._update_projector()
            self.changed.emit()

    def join_info(self) -> JoinInfo | None:
        if not self.running:
            return None
        return JoinInfo(self.url, self.walk_in_code)

    def _update_projector(self) -> None:
        projector = self.projector
        if projector is None:
            return
        info = self.join_info() if self.join_on_projector else None
        if projector.join_panel.info != info:
            projector.join_panel.show_join(info)
            # The cards get the width the panel leaves (or gives back) once laid out.
            QTimer.singleShot(0, projector.relayout)


def _set_lines(view: QListWidget, lines: list[str]) -> None:
    """Change the list's lines in place (no re-layout of the page when as many)."""
    resized = view.count() != len(lines)
    if resized:
        view.clear()
        for _ in lines:
            view.addItem(QListWidgetItem())
    for number, text in enumerate(lines):
        item = view.item(number)
        if item.text() != text:
            item.setText(text)
    if resized:
        rows = sum(view.sizeHintForRow(n) for n in range(view.count()))
        view.setFixedHeight(rows + 2 * view.frameWidth() + 4)


class PhonePanel(QGroupBox):
    """The phone server's box: its state and address, phones connected per sector; on
    the board page also the issue open to phones, moderation and the join code."""

    def __init__(self, host: PhoneServerHost, *, full: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Phones"))
        self.setObjectName("phonePanel" if full else "phonePanelCompact")
        self.host = host
        self.full = full
        self.dialog: ServerAddressDialog | None = None
        self.state = ThaiLabel()
        self.state.setObjectName("phoneServerState")
        self.address = QLabel()
        self.address.setObjectName("phoneServerUrl")
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address.setStyleSheet("font-size:13pt; font-weight:bold; color:#1f5fa8;")
        self.start_button = QPushButton()
        self.start_button.setObjectName("phoneServerStart")
        self.start_button.clicked.connect(self.start_or_stop)
        self.connected = SteadyLabel(self.tr("Phones connected: {count}").format(count="0000"))
        self.connected.setObjectName("phonesConnected")
        self.by_sector = QListWidget()
        self.by_sector.setObjectName("phonesBySector")
        self.by_sector.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.by_sector.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.by_sector.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.by_sector.setStyleSheet("QListWidget { background:transparent; border:none; }")
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(self.address)
        layout.addWidget(self.start_button)
        layout.addWidget(self.connected)
        layout.addWidget(self.by_sector)
        if full:
            self._build_board_part(layout)
        host.changed.connect(self.refresh)
        host.connections_changed.connect(self.refresh_connections)
        self.refresh()
        self.refresh_connections()

    def _build_board_part(self, layout: QVBoxLayout) -> None:
        self.issue = QComboBox()
        self.issue.setObjectName("phoneIssue")
        self.issue.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.issue.setMinimumContentsLength(12)
        self.issue.activated.connect(lambda _index: self._issue_chosen())
        self.issue_label = ThaiLabel()
        self.issue_label.setObjectName("phoneIssueLabel")
        self.issue_label.setStyleSheet("font-weight:bold;")
        self.join = QCheckBox(self.tr("QR code on the projector"))
        self.join.setObjectName("phoneJoinOnProjector")
        self.join.toggled.connect(self.host.set_join_on_projector)
        self.walk_in = ThaiLabel()
        self.walk_in.setObjectName("phoneWalkInCode")
        self.new_code_button = QPushButton(self.tr("New code"))
        self.new_code_button.setObjectName("phoneNewWalkInCode")
        self.new_code_button.setToolTip(
            self.tr("Give walk-ins a new code (people who joined stay joined)")
        )
        self.new_code_button.clicked.connect(self.host.new_walk_in_code)
        self.moderation = QCheckBox(self.tr("Check ideas first"))
        self.moderation.setObjectName("phoneModeration")
        self.moderation.setToolTip(
            self.tr("Ideas from phones wait here until you accept them onto the board")
        )
        self.moderation.toggled.connect(self._moderation_toggled)
        self.pending_title = QLabel()
        self.pending_title.setObjectName("phonePendingTitle")
        self.pending = QListWidget()
        self.pending.setObjectName("phonePendingIdeas")
        self.pending.setWordWrap(True)
        self.pending.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.pending.setMaximumHeight(160)
        self.pending.setAlternatingRowColors(True)  # where one idea ends and the next begins
        self._pending_shown: list[IdeaRow] = []
        self.accept_button = QPushButton(self.tr("Accept"))
        self.accept_button.setObjectName("phoneAccept")
        self.accept_button.clicked.connect(lambda: self.host.accept(self.selected_pending()))
        self.reject_button = QPushButton(self.tr("Reject"))
        self.reject_button.setObjectName("phoneReject")
        self.reject_button.clicked.connect(lambda: self.host.reject(self.selected_pending()))
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.reject_button)
        layout.addWidget(self.issue_label)
        layout.addWidget(self.issue)
        layout.addWidget(self.join)
        self.walk_in_row = QWidget()
        walk_in = QHBoxLayout(self.walk_in_row)
        walk_in.setContentsMargins(0, 0, 0, 0)
        walk_in.addWidget(self.walk_in, 1)
        walk_in.addWidget(self.new_code_button)
        layout.addWidget(self.walk_in_row)
        layout.addWidget(self.moderation)
        layout.addWidget(self.pending_title)
        layout.addWidget(self.pending)
        layout.addLayout(buttons)

    # --- showing --------------------------------------------------------------------------

    def refresh(self) -> None:
        host = self.host
        running = host.running
        self.state.setText(
            self.tr("Phones can join at:") if running else self.tr("The phone server is off.")
        )
        self.address.setText(host.url)
        self.address.setVisible(running)
        self.start_button.setText(
            self.tr("Stop the phone server") if running else self.tr("Start the phone server…")
        )
        self.connected.setVisible(running)
        self.by_sector.setVisible(running and bool(host.connections))
        if self.full:
            self._refresh_board_part()

    def _refresh_board_part(self) -> None:
        host = self.host
        running = host.running
        self._fill_issue_choices()
        issue = host.issue_for_phones()
        if issue is None:
            text = self.tr("Phones cannot send ideas now (no issue open to them).")
        else:
            text = self.tr("Phones send ideas to issue {number}").format(number=issue.number)
        self.issue_label.setText(text)
        self.issue_label.setVisible(running)
        self.issue.setVisible(running)
        self.join.setVisible(running)
        self.walk_in_row.setVisible(running)
        self.walk_in.setText(self.tr("Walk-in code: {code}").format(code=host.walk_in_code))
        self.join.blockSignals(True)
        self.join.setChecked(host.join_on_projector)
        self.join.blockSignals(False)
        self.moderation.blockSignals(True)
        self.moderation.setChecked(host.moderation)
        self.moderation.blockSignals(False)
        waiting = host.pending
        shown = host.moderation or bool(waiting)
        self.pending_title.setText(
            self.tr("Waiting to be checked: {count}").format(count=len(waiting))
        )
        if waiting != self._pending_shown:  # not at every card typed on the board
            self._pending_shown = list(waiting)
            chosen = {r.id for r in self.selected_pending()}
            language = host.context.language
            self.pending.clear()
            for row in waiting:
                where = f"{row.sector_name} · " if row.sector_name else ""
                item = QListWidgetItem(f"{row.text}\n({where}{kind_label(row.kind, language)})")
                item.setData(Qt.ItemDataRole.UserRole, row)
                self.pending.addItem(item)
                item.setSelected(row.id in chosen)
        self.pending_title.setVisible(shown)
        self.pending.setVisible(shown)
        self.accept_button.setVisible(shown)
        self.reject_button.setVisible(shown)
        self.accept_button.setEnabled(bool(waiting))
        self.reject_button.setEnabled(bool(waiting))

    def _fill_issue_choices(self) -> None:
        wanted: list[tuple[str, str]] = [(self.tr("Follows the board's issue"), FOLLOW_BOARD)]
        wanted += [
            (f"{m.issue.number}. {m.issue.title}", m.issue.id) for m in self.host.board.models
        ]
        wanted.append((self.tr("Closed to ideas"), CLOSED))
        combo = self.issue
        present = [(combo.itemText(n), str(combo.itemData(n))) for n in range(combo.count())]
        combo.blockSignals(True)
        if present != wanted:
            combo.clear()
            for text, data in wanted:
                combo.addItem(text, data)
        combo.setCurrentIndex(max(0, combo.findData(self.host.issue_choice())))
        combo.blockSignals(False)

    def refresh_connections(self) -> None:
        host = self.host
        self.connected.setText(
            self.tr("Phones connected: {count}").format(count=host.connected_count())
        )
        lines = [f"{name}: {count}" for name, count in sorted(host.connections.items()) if count]
        _set_lines(self.by_sector, lines)
        self.by_sector.setVisible(host.running and bool(lines))

    def selected_pending(self) -> list[IdeaRow]:
        if not self.full:
            return []
        rows = [item.data(Qt.ItemDataRole.UserRole) for item in self.pending.selectedItems()]
        if not rows and self.pending.count():  # nothing chosen: the oldest one
            rows = [self.pending.item(0).data(Qt.ItemDataRole.UserRole)]
        return [r for r in rows if isinstance(r, IdeaRow)]

    # --- acting -----------------------------------------------------------------------------

    def start_or_stop(self) -> None:
        if self.host.running:
            self.host.stop()
            return
        dialog = self.dialog = ServerAddressDialog(self)
        dialog.finished.connect(self._dialog_finished(dialog))
        dialog.open()  # window-modal, not blocking, as the app's other dialogs

    def _dialog_finished(self, dialog: ServerAddressDialog) -> Callable[[int], None]:
        def finished(result: int) -> None:
            self.dialog = None
            if result == QDialog.DialogCode.Accepted:
                dialog.remember()
                self.host.start(dialog.chosen_host(), dialog.port.value())
            dialog.deleteLater()

        return finished

    def _issue_chosen(self) -> None:
        self.host.set_issue_choice(str(self.issue.currentData()))

    def _moderation_toggled(self, on: bool) -> None:
        self.host.set_moderation(on)
