"""The ballot screen voters use on the laptop, full screen."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.errors import UserError
from workshop_app.models import CastBy
from workshop_app.services import voting
from workshop_app.services.attendees import get_attendee
from workshop_app.services.voting import RoundRow
from workshop_app.ui.ballot_form import BallotForm, ballot_help
from workshop_app.ui.context import WorkshopContext
from workshop_app.ui.thai_layout import ThaiLabel
from workshop_app.ui.vote_commands import cast_ballot_command


class BallotScreen(QDialog):
    """The ballot screen for voters (full screen on the laptop): type your registration
    number, vote, confirm; the screen then clears itself for the next person."""

    def __init__(
        self, context: WorkshopContext, vote_round: RoundRow, texts: dict[str, str]
    ) -> None:
        super().__init__(None)
        self.setObjectName("ballotScreen")
        self.setWindowTitle(self.tr("Ballot screen — {title}").format(title=vote_round.title))
        self.context = context
        self.vote_round = vote_round
        self.voter_id: str | None = None
        self.voter_name = ""
        self._big = big = "font-size:16pt;"
        title = ThaiLabel(vote_round.title)
        title.setWordWrap(True)
        title.setStyleSheet("font-size:20pt; font-weight:bold;")
        self.code = QLineEdit()
        self.code.setObjectName("ballotCode")
        self.code.setPlaceholderText(self.tr("Your registration number, then Enter"))
        self.code.setStyleSheet(big)
        self.code.returnPressed.connect(self.identify)
        self.who = ThaiLabel()
        self.who.setObjectName("ballotVoter")
        self.who.setStyleSheet(big)
        self.who.setWordWrap(True)
        self.help = ThaiLabel(ballot_help(vote_round, context.language))
        self.help.setWordWrap(True)
        self.help.setStyleSheet("font-size:13pt;")
        self.form = BallotForm(context.language)
        self.form.setStyleSheet("font-size:14pt;")
        self.form.set_round(vote_round, texts)
        self.submit = QPushButton(self.tr("Cast my vote (Ctrl+Enter)"))
        self.submit.setObjectName("ballotSubmit")
        self.submit.setStyleSheet(big)
        self.submit.clicked.connect(self.cast)
        # Not the dialog's default button: Enter after the registration number must only
        # identify the voter, never cast an empty ballot.
        self.submit.setAutoDefault(False)
        self.submit.setDefault(False)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.cast)
        self.message = ThaiLabel()
        self.message.setObjectName("ballotMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(big)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.code)
        layout.addWidget(self.who)
        layout.addWidget(self.help)
        layout.addWidget(self.form, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.submit)
        self.reset()

    def reset(self) -> None:
        self.voter_id = None
        self.voter_name = ""
        self.code.clear()
        self.code.setEnabled(True)
        self.who.setText(self.tr("Who is voting?"))
        self.form.clear_marks()
        self.form.setEnabled(False)
        self.submit.setEnabled(False)
        self.code.setFocus()

    def _say(self, text: str, ok: bool) -> None:
        colour = "#1b7f3b" if ok else "#b3261e"
        # Plain text in the colour (a ThaiLabel: broken between Thai words everywhere).
        self.message.setStyleSheet(f"{self._big} color:{colour};")
        self.message.setText(text)

    def identify(self) -> None:
        code = self.code.text()
        try:
            voter_id = self.context.read(
                lambda s: voting.find_voter(s, self.context.workshop_id, code)
            )
            row = self.context.read(lambda s: get_attendee(s, voter_id))
        except UserError as exc:
            self._say(exc.message(self.context.language), False)
            return
        if row.checked_in_at is None:
            self._say(
                self.tr("{name} has not checked in at the door, so cannot vote yet.").format(
                    name=row.full_name
                ),
                False,
            )
            return
        self.voter_id, self.voter_name = voter_id, row.full_name
        self.code.setEnabled(False)
        self.who.setText(self.tr("Voting: {name}").format(name=row.full_name))
        self.message.clear()
        self.form.setEnabled(True)
        self.submit.setEnabled(True)
        self.form.setFocus()
        self.form.setCurrentCell(0, 1)

    def cast(self) -> None:
        if self.voter_id is None:
            return
        try:
            marks = self.form.marks()
        except UserError as exc:
            self._say(exc.message(self.context.language), False)
            return
        round_id, voter_id = self.vote_round.id, self.voter_id
        replaces = self.context.read(lambda s: voting.existing_ballot(s, round_id, voter_id))
        if replaces is not None and not replace_earlier_ballot(self, self.voter_name):
            self.reset()
            return
        command = cast_ballot_command(
            self.context,
            round_id,
            voter_id,
            marks,
            CastBy.KIOSK.value,
            replaces=replaces,
            name=self.voter_name,
        )
        # A refusal (over the budget, the round closed meanwhile) must be read here: the
        # main window's message is hidden behind this full-screen dialog.
        refusals: list[str] = []
        self.context.user_error.connect(refusals.append)
        try:
            self.context.undo_stack.push(command)
        finally:
            self.context.user_error.disconnect(refusals.append)
        if refusals:
            self._say(refusals[-1], False)
        if command.succeeded:
            name = self.voter_name
            self.reset()
            self._say(self.tr("Thank you, {name}: your vote is counted.").format(name=name), True)


def replace_earlier_ballot(parent: QWidget, name: str) -> bool:
    """Ask whether a second ballot from ``name`` replaces their first (the user decides)."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("VotingPage", "Already voted"),
        QCoreApplication.translate(
            "VotingPage", "{name} has voted in this round already. Replace that ballot?"
        ).format(name=name),
    )
    return answer == QMessageBox.StandardButton.Yes
