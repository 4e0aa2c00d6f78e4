"""The voting page (ลงคะแนน): rounds on the left; for the chosen round, paper tallies,
ballots typed by staff, the ballot screen for voters, and the results with their chart.

Every entry goes through an undo command that calls ``services.voting``; the results are
recounted from the database after each change (a 300-ballot round takes a few ms)."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workshop_app.errors import UserError
from workshop_app.models import CastBy, VoteMethod
from workshop_app.services import voting
from workshop_app.services.attendees import get_attendee
from workshop_app.services.vote_report import cast_summary, number, ranked
from workshop_app.services.voting import (
    CAST_LABELS,
    METHOD_LABELS,
    STATE_LABELS,
    RoundResults,
    RoundRow,
    label,
)
from workshop_app.thai.normalize import to_arabic_digits
from workshop_app.ui.ballot_form import BallotForm, EntryTable, ballot_help
from workshop_app.ui.ballot_screen import BallotScreen, replace_earlier_ballot
from workshop_app.ui.commands import ServiceCommand
from workshop_app.ui.context import Changes, WorkshopContext
from workshop_app.ui.results_chart import ResultsChart
from workshop_app.ui.round_dialog import NewRoundDialog
from workshop_app.ui.thai_layout import ThaiLabel
from workshop_app.ui.vote_commands import (
    cast_ballot_command,
    close_round_command,
    create_round_command,
    delete_round_command,
    open_round_command,
    reveal_command,
    tally_command,
    withdraw_ballot_command,
)
from workshop_app.ui.widgets import hidden_behind_another_page, set_header_labels, wrapped_header

TALLY_HEADER_WIDTH = 80  # pixels: sector names wrap so that the ideas keep the width
IDEA_COLUMN_MIN = 280  # pixels


class VotingPage(QWidget):
    projector_results = Signal(object)  # RoundResults to show on the projector, or None

    def __init__(self, context: WorkshopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.rounds: list[RoundRow] = []
        self.results: RoundResults | None = None
        self.ballot_screen: BallotScreen | None = None
        self._filling = False  # the tally table is being filled, not typed in
        self._columns: list[tuple[str, str | None, int | None]] = []  # tally columns
        self._ballots: list[voting.BallotRow] = []  # as listed in the ballot table

        # --- rounds
        self.round_list = QListWidget()
        self.round_list.setWordWrap(True)
        self.round_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.round_list.setObjectName("roundList")
        self.round_list.currentRowChanged.connect(lambda _row: self.refresh_round())
        new_button = QPushButton(self.tr("New round..."))
        new_button.setObjectName("newRound")
        new_button.clicked.connect(self.new_round)
        self.open_button = QPushButton(self.tr("Open voting"))
        self.open_button.setObjectName("openRound")
        self.open_button.clicked.connect(self.open_round)
        self.close_button = QPushButton(self.tr("Close voting"))
        self.close_button.setObjectName("closeRound")
        self.close_button.clicked.connect(self.close_round)
        self.delete_button = QPushButton(self.tr("Delete round"))
        self.delete_button.clicked.connect(self.delete_round)
        self.reveal = QCheckBox(self.tr("Results on the projector"))
        self.reveal.setObjectName("revealResults")
        self.reveal.toggled.connect(self.set_revealed)
        self.kiosk_button = QPushButton(self.tr("Ballot screen for voters..."))
        self.kiosk_button.setObjectName("openBallotScreen")
        self.kiosk_button.clicked.connect(self.open_ballot_screen)
        self.round_info = ThaiLabel()
        self.round_info.setObjectName("roundInfo")
        self.round_info.setWordWrap(True)
        self.round_column = left = QVBoxLayout()
        left.addWidget(self.round_list, 1)
        left.addWidget(new_button)
        for button in (self.open_button, self.close_button, self.delete_button):
            left.addWidget(button)
        left.addWidget(self.kiosk_button)
        left.addWidget(self.reveal)
        left.addWidget(self.round_info)
        left_widget = QWidget()
        left_widget.setLayout(left)

        # --- paper tallies
        self.tally_table = EntryTable()
        self.tally_table.setObjectName("tallyTable")
        self.tally_table.itemChanged.connect(self._tally_edited)
        self.tally_table.verticalHeader().hide()  # the idea column numbers the rows
        self.tally_help = ThaiLabel()
        self.tally_help.setWordWrap(True)
        self.tally_tab = tally_tab = QWidget()
        tally_layout = QVBoxLayout(tally_tab)
        tally_layout.addWidget(self.tally_help)
        tally_layout.addWidget(self.tally_table, 1)

        # --- ballots typed by staff
        self.voter_code = QLineEdit()
        self.voter_code.setObjectName("staffVoterCode")
        self.voter_code.setPlaceholderText(
            self.tr("Registration number (empty: an anonymous paper form)")
        )
        self.ballot_form = BallotForm(context.language)
        self.ballot_form.setObjectName("staffBallotForm")
        cast_button = QPushButton(self.tr("Save ballot (Ctrl+Enter)"))
        cast_button.setObjectName("staffCast")
        cast_button.clicked.connect(self.cast_staff_ballot)
        self.ballot_list = QTableWidget()
        self.ballot_list.setObjectName("ballotList")
        self.ballot_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.ballot_list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        withdraw_button = QPushButton(self.tr("Withdraw selected ballot"))
        withdraw_button.clicked.connect(self.withdraw_selected)
        self.ballot_tab = ballot_tab = QWidget()
        ballot_layout = QVBoxLayout(ballot_tab)
        ballot_layout.addWidget(self.voter_code)
        ballot_layout.addWidget(self.ballot_form, 2)
        ballot_layout.addWidget(cast_button)
        ballot_layout.addWidget(self.ballot_list, 1)
        ballot_layout.addWidget(withdraw_button)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), ballot_tab)
            shortcut.activated.connect(self.cast_staff_ballot)

        # --- results
        self.balanced = QCheckBox(self.tr("Balance sectors (each sector weighs the same)"))
        self.balanced.setObjectName("balancedResults")
        self.balanced.toggled.connect(lambda _on: self._show_results())
        self.summary = ThaiLabel()
        self.summary.setObjectName("resultsSummary")
        self.summary.setWordWrap(True)
        self.results_table = QTableWidget()
        self.results_table.setObjectName("resultsTable")
        self.results_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.chart = ResultsChart(10.0)
        self.turnout_table = QTableWidget()
        self.turnout_table.verticalHeader().hide()
        self.results_table.verticalHeader().hide()  # the rank column numbers the rows
        self.turnout_table.setObjectName("turnoutTable")
        self.turnout_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        chart_and_turnout = QWidget()
        chart_row = QHBoxLayout(chart_and_turnout)
        chart_row.setContentsMargins(0, 0, 0, 0)
        chart_row.addWidget(self.chart, 1)
        chart_row.addWidget(self.turnout_table)
        results_split = QSplitter(Qt.Orientation.Vertical)
        results_split.addWidget(self.results_table)
        results_split.addWidget(chart_and_turnout)
        results_tab = QWidget()
        results_layout = QVBoxLayout(results_tab)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.balanced)
        results_layout.addLayout(top)
        results_layout.addWidget(results_split, 1)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("votingTabs")
        self.tabs.addTab(results_tab, self.tr("Results"))
        self.tabs.addTab(tally_tab, self.tr("Paper tallies"))
        self.tabs.addTab(ballot_tab, self.tr("Ballots"))
        # The tally sheet and the ballot list are filled when their tab is shown: results
        # are recomputed after every ballot, and refilling hidden tables cost the time.
        self._stale_tabs: set[QWidget] = set()
        # What the tally sheet shows apart from the counts; when unchanged, a refresh
        # only rewrites the counts.
        self._tally_layout: object = None
        self.tabs.currentChanged.connect(lambda _index: self._fill_current_tab())

        splitter = QSplitter()
        splitter.addWidget(left_widget)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 4)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        context.changed.connect(self._on_changed)
        self.reload()

    def add_round_box(self, box: QWidget) -> None:
        """A box below the rounds' buttons (the phones' box, ui/phone_panel.py)."""
        self.round_column.addWidget(box)

    # --- loading ------------------------------------------------------------------------

    def _on_changed(self, changes: Changes) -> None:
        rounds = changes & (Changes.ROUNDS | Changes.IDEAS | Changes.ATTENDEES | Changes.SECTORS)
        if not rounds and not changes & Changes.BALLOTS:
            return
        if hidden_behind_another_page(self):
            self._reload_when_shown = True  # every card typed on the board: not now
        elif rounds:
            self.reload()
        else:  # a ballot or a paper count: the rounds are as they were, only the counts
            self.refresh_round(recount=True)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if getattr(self, "_reload_when_shown", False):
            self._reload_when_shown = False
            self.reload()

    def current_round(self) -> RoundRow | None:
        row = self.round_list.currentRow()
        return self.rounds[row] if 0 <= row < len(self.rounds) else None

    def reload(self) -> None:
        chosen = self.current_round()
        chosen_id = chosen.id if chosen else None
        self.rounds = self.context.read(lambda s: voting.list_rounds(s, self.context.workshop_id))
        language = self.context.language
        self.round_list.blockSignals(True)
        self.round_list.clear()
        for vote_round in self.rounds:
            item = QListWidgetItem(
                f"{vote_round.number}. {vote_round.title}\n"
                f"{label(METHOD_LABELS, vote_round.method, language)} · "
                f"{label(STATE_LABELS, vote_round.state, language)}"
            )
            self.round_list.addItem(item)
        index = next((n for n, r in enumerate(self.rounds) if r.id == chosen_id), -1)
        if index < 0 and self.rounds:
            index = len(self.rounds) - 1
        self.round_list.setCurrentRow(index)
        self.round_list.blockSignals(False)
        self.refresh_round()

    def select_round(self, round_id: str) -> None:
        index = next((n for n, r in enumerate(self.rounds) if r.id == round_id), -1)
        if index >= 0:
            self.round_list.setCurrentRow(index)

    def refresh_round(self, recount: bool = False) -> None:
        """Show the chosen round. ``recount``: only its ballots or paper counts changed,
        here, since its results were read: the ballots read then are not read again."""
        vote_round = self.current_round()
        state = vote_round.state if vote_round else None
        self.open_button.setEnabled(state in ("draft", "closed"))
        self.open_button.setText(
            self.tr("Reopen voting") if state == "closed" else self.tr("Open voting")
        )
        self.close_button.setEnabled(state == "open")
        self.delete_button.setEnabled(state in ("draft", "open"))
        self.kiosk_button.setEnabled(state == "open")
        self.reveal.blockSignals(True)
        self.reveal.setChecked(bool(vote_round and vote_round.revealed))
        self.reveal.setEnabled(vote_round is not None)
        self.reveal.blockSignals(False)
        if vote_round is None:
            self.results = None
            self.round_info.setText(self.tr("No vote round yet: make one with New round."))
            self.tally_table.setRowCount(0)
            self._tally_layout = None
            self.ballot_form.set_round(None, {})
            self.ballot_list.setRowCount(0)
            self._show_results()
            return
        round_id = vote_round.id
        previous = self.results if recount else None
        self.results = self.context.read(lambda s: voting.round_results(s, round_id, previous))
        language = self.context.language
        self.round_info.setText(
            f"{label(METHOD_LABELS, vote_round.method, language)}\n"
            f"{vote_round.chosen_by}\n{ballot_help(vote_round, language)}"
        )
        texts = self.results.idea_texts
        if self.ballot_form.vote_round != vote_round:
            self.ballot_form.set_round(vote_round, texts)
        self._stale_tabs = {self.tally_tab, self.ballot_tab}
        self._fill_current_tab()
        self._show_results()

    def _fill_current_tab(self) -> None:
        tab = self.tabs.currentWidget()
        vote_round = self.current_round()
        if tab not in self._stale_tabs or vote_round is None or self.results is None:
            return
        self._stale_tabs.discard(tab)
        if tab is self.tally_tab:
            self._fill_tallies(vote_round, self.results.idea_texts)
        elif tab is self.ballot_tab:
            self._fill_ballots()

    # --- rounds -------------------------------------------------------------------------

    def new_round(self) -> None:
        dialog = NewRoundDialog(self.context, self)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                draft = dialog.draft()
            except UserError as exc:
                self.context.user_error.emit(exc.message(self.context.language))
                continue
            round_id = str(uuid.uuid4())
            command = create_round_command(self.context, draft, round_id)
            self.context.undo_stack.push(command)
            if command.succeeded:
                self.select_round(round_id)
                return

    def _push_for_round(self, make: Callable[[WorkshopContext, RoundRow], ServiceCommand]) -> None:
        vote_round = self.current_round()
        if vote_round is not None:
            self.context.undo_stack.push(make(self.context, vote_round))

    def open_round(self) -> None:
        self._push_for_round(open_round_command)

    def close_round(self) -> None:
        self._push_for_round(close_round_command)

    def delete_round(self) -> None:
        self._push_for_round(delete_round_command)

    def set_revealed(self, revealed: bool) -> None:
        vote_round = self.current_round()
        if vote_round is not None:
            self.context.undo_stack.push(reveal_command(self.context, vote_round.id, revealed))

    def open_ballot_screen(self) -> None:
        vote_round = self.current_round()
        if vote_round is None or self.results is None:
            return
        self.ballot_screen = BallotScreen(self.context, vote_round, self.results.idea_texts)
        self.ballot_screen.showFullScreen()

    # --- tallies --------------------------------------------------------------------------

    def _tally_columns(self, vote_round: RoundRow) -> list[tuple[str, str | None, int | None]]:
        """(header, sector id, rank) per count column."""
        if vote_round.method == VoteMethod.RANKING:
            return [
                (self.tr("Rank {rank}").format(rank=rank), None, rank)
                for rank in range(1, vote_round.rank_count + 1)
            ]
        assert self.results is not None
        columns: list[tuple[str, str | None, int | None]] = [(self.tr("All"), None, None)]
        columns += [(t.name, t.sector_id, None) for t in self.results.turnout]
        return columns

    def _fill_tallies(self, vote_round: RoundRow, texts: dict[str, str]) -> None:
        self._filling = True
        table = self.tally_table
        if vote_round.method == VoteMethod.CRITERIA:
            self._tally_layout = None
            table.clear()
            self.tally_help.setText(
                self.tr("Criteria scores are entered sheet by sheet on the Ballots tab.")
            )
            table.setRowCount(0)
            table.setColumnCount(0)
            self._filling = False
            return
        self.tally_help.setText(
            self.tr(
                "Counts from the wall: type a number and Enter. Sticker colours by sector go "
                "in their sector's column; counts of mixed colours in All."
            )
            if vote_round.method != VoteMethod.RANKING
            else self.tr("For each idea: how many paper forms put it at each rank.")
        )
        self._columns = self._tally_columns(vote_round)
        counts: dict[tuple[str, str | None, int | None], int] = {}
        round_id = vote_round.id
        for tally in self.context.read(lambda s: voting.list_tallies(s, round_id)):
            counts[(tally.idea_id, tally.sector_id, tally.rank)] = tally.count
        editable = vote_round.state == "open"
        layout = (round_id, vote_round.idea_ids, tuple(self._columns), editable, texts)
        if layout == self._tally_layout:
            # Only counts changed (one was just typed): update the cells in place, so
            # the cursor and the keyboard stay where the typist is.
            for row, idea_id in enumerate(vote_round.idea_ids):
                for column, (_header, sector_id, rank) in enumerate(self._columns, start=1):
                    count = counts.get((idea_id, sector_id, rank), 0)
                    cell = table.item(row, column)
                    if cell is not None and cell.text() != (str(count) if count else ""):
                        cell.setText(str(count) if count else "")
            self._filling = False
            return
        self._tally_layout = layout
        table.clear()
        table.setColumnCount(1 + len(self._columns))
        table.setHorizontalHeaderLabels(
            [
                self.tr("Idea"),
                *[wrapped_header(table, h, TALLY_HEADER_WIDTH) for h, _s, _r in self._columns],
            ]
        )
        table.setRowCount(len(vote_round.idea_ids))
        for row, idea_id in enumerate(vote_round.idea_ids):
            item = QTableWidgetItem(f"{row + 1}. {texts.get(idea_id, '')}")
            item.setToolTip(texts.get(idea_id, ""))
            item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            table.setItem(row, 0, item)
            for column, (_header, sector_id, rank) in enumerate(self._columns, start=1):
                count = counts.get((idea_id, sector_id, rank), 0)
                cell = QTableWidgetItem(str(count) if count else "")
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                if editable:
                    flags |= Qt.ItemFlag.ItemIsEditable
                cell.setFlags(flags)
                table.setItem(row, column, cell)
        header = table.horizontalHeader()
        for column in range(1, table.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, TALLY_HEADER_WIDTH + 12)
        # The ideas take the width left over, but never so little that they cannot be
        # read: with many sectors the count columns scroll instead.
        counts_width = (table.columnCount() - 1) * (TALLY_HEADER_WIDTH + 12)
        header.resizeSection(0, max(IDEA_COLUMN_MIN, table.viewport().width() - counts_width))
        self._filling = False

    def _tally_edited(self, item: QTableWidgetItem) -> None:
        vote_round = self.current_round()
        if self._filling or vote_round is None or item.column() == 0:
            return
        text = to_arabic_digits(item.text().strip()) or "0"
        idea_id = vote_round.idea_ids[item.row()]
        _header, sector_id, rank = self._columns[item.column() - 1]
        round_id = vote_round.id
        before = self.context.read(
            lambda s: voting.get_tally(s, round_id, idea_id, sector_id, rank)
        )
        if not text.isdigit():
            self.context.user_error.emit(
                self.tr("Row {row}: “{text}” is not a whole number.").format(
                    row=item.row() + 1, text=item.text()
                )
            )
            self._restore_cell(item, before)
            return
        count = int(text)
        if count == before:
            return
        command = tally_command(self.context, round_id, idea_id, sector_id, rank, count, before)
        self.context.undo_stack.push(command)
        if not command.succeeded:
            self._restore_cell(item, before)

    def _restore_cell(self, item: QTableWidgetItem, count: int) -> None:
        self._filling = True
        item.setText(str(count) if count else "")
        self._filling = False

    # --- ballots --------------------------------------------------------------------------

    def cast_staff_ballot(self) -> None:
        vote_round = self.current_round()
        if vote_round is None:
            return
        code = self.voter_code.text().strip()
        try:
            marks = self.ballot_form.marks()
            voter_id = (
                self.context.read(lambda s: voting.find_voter(s, self.context.workshop_id, code))
                if code
                else None
            )
        except UserError as exc:
            self.context.user_error.emit(exc.message(self.context.language))
            return
        name = ""
        replaces: str | None = None
        if voter_id is not None:
            name = self.context.read(lambda s: get_attendee(s, voter_id)).full_name
            round_id = vote_round.id
            replaces = self.context.read(lambda s: voting.existing_ballot(s, round_id, voter_id))
            if replaces is not None and not replace_earlier_ballot(self, name):
                return
        cast_by = CastBy.STAFF.value if voter_id else CastBy.PAPER.value
        command = cast_ballot_command(
            self.context, vote_round.id, voter_id, marks, cast_by, replaces=replaces, name=name
        )
        self.context.undo_stack.push(command)
        if command.succeeded:
            self.voter_code.clear()
            self.ballot_form.clear_marks()
            self.voter_code.setFocus()

    def _fill_ballots(self) -> None:
        vote_round = self.current_round()
        table = self.ballot_list
        if vote_round is None:
            self._ballots = []
            table.setRowCount(0)
            return
        ballots = self.results.ballots if self.results else []
        self._ballots = ballots
        language = self.context.language
        names = {t.sector_id: t.name for t in self.results.turnout} if self.results else {}
        set_header_labels(
            table, [self.tr("No."), self.tr("Voter"), self.tr("Sector"), self.tr("Cast by")]
        )
        table.setRowCount(len(ballots))
        for row, ballot in enumerate(ballots):
            values = (
                str(ballot.code) if ballot.code is not None else "-",
                ballot.voter_name or self.tr("(anonymous paper form)"),
                names.get(ballot.sector_id, "-"),
                label(CAST_LABELS, ballot.cast_by, language),
            )
            for column, value in enumerate(values):
                table.setItem(row, column, QTableWidgetItem(value))
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

    def withdraw_selected(self) -> None:
        row = self.ballot_list.currentRow()
        if 0 <= row < len(self._ballots):
            self.context.undo_stack.push(withdraw_ballot_command(self.context, self._ballots[row]))

    def revealed_results(self) -> RoundResults | None:
        """The current round's results if the facilitator put them on the projector."""
        results = self.results
        return results if results is not None and results.round.revealed else None

    # --- results --------------------------------------------------------------------------

    def _show_results(self) -> None:
        results = self.results
        table = self.results_table
        balanced = self.balanced.isChecked()
        if results is None:
            table.setRowCount(0)
            self.summary.setText("")
            self.chart.set_bars([], self.tr("No results yet"))
            self.turnout_table.setRowCount(0)
            self.projector_results.emit(None)
            return
        count = results.count
        language = self.context.language
        cast = cast_summary(count, language)
        self.summary.setText(
            self.tr("{ballots} ballots ({cast}); {paper} counted on paper").format(
                ballots=count.ballots, cast=cast or "-", paper=count.paper_votes
            )
        )
        ordered = ranked(count, balanced=balanced)
        set_header_labels(
            table, [self.tr("Rank"), self.tr("Score"), self.tr("Voters"), self.tr("Idea")]
        )
        table.setRowCount(len(ordered))
        for row, (rank, score, result) in enumerate(ordered):
            text = results.idea_texts.get(result.idea_id, "")
            values = (rank, number(score), str(result.voters), text)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column < 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                else:
                    item.setToolTip(text)  # long ideas are elided in the column
                table.setItem(row, column, item)
        # Sized once after filling: in ResizeToContents mode every setItem re-measured
        # the whole column (a quarter of a millisecond per cell).
        for column in range(3):
            table.resizeColumnToContents(column)
        table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.chart.show_round(results, balanced=balanced, message=self.tr("No votes yet"))

        turnout = self.turnout_table
        # Stickers counted on the wall say nothing of who voted: "0 / 15" read as nobody.
        stickers_only = count.ballots == 0 and count.paper_votes > 0
        set_header_labels(
            turnout,
            [
                self.tr("Sector"),
                self.tr("Present (stickers: voters not counted)")
                if stickers_only
                else self.tr("Voted / present"),
            ],
        )
        turnout.setRowCount(len(results.turnout) + 1)
        for row, sector in enumerate(results.turnout):
            turnout.setItem(row, 0, QTableWidgetItem(sector.name))
            shown = f"{sector.present}" if stickers_only else f"{sector.voted} / {sector.present}"
            turnout.setItem(row, 1, QTableWidgetItem(shown))
        total = len(results.turnout)
        turnout.setItem(total, 0, QTableWidgetItem(self.tr("Total")))
        voted = sum(t.voted for t in results.turnout)
        shown = f"{results.present}" if stickers_only else f"{voted} / {results.present}"
        turnout.setItem(total, 1, QTableWidgetItem(shown))
        # Sector names in full: the table takes the width its contents need.
        turnout.resizeColumnsToContents()
        turnout.setMinimumWidth(
            turnout.horizontalHeader().length() + turnout.verticalScrollBar().sizeHint().width() + 4
        )
        self.projector_results.emit(results if results.round.revealed else None)
