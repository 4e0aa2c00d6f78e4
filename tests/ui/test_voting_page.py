"""The voting page, driven as on the day: the ballot screen by the voters' keyboard, paper
counts typed from the wall, ballots typed by staff, results revealed on the projector,
rounds made, opened and closed with the buttons. The database is checked through the
services after every action."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from workshop_app.models import CastBy, VoteMethod
from workshop_app.services import attendees, voting, workshops
from workshop_app.services.attendees import AttendeeRow
from workshop_app.services.vote_counting import Mark, Tally
from workshop_app.services.voting import BallotRow, RoundResults, RoundRow
from workshop_app.ui import ballot_screen, settings
from workshop_app.ui.ballot_form import EntryTable
from workshop_app.ui.ballot_screen import BallotScreen
from workshop_app.ui.context import Changes, WorkshopContext
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.pages import voting_page
from workshop_app.ui.pages.voting_page import VotingPage
from workshop_app.ui.round_dialog import NewRoundDialog
from workshop_app.ui.vote_commands import cast_ballot_command, reveal_command

CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton
RESULTS_TAB, TALLY_TAB, BALLOT_TAB = 0, 1, 2
Step = Callable[[NewRoundDialog], None]  # what a test does in one showing of a dialog

pytestmark = pytest.mark.qt_log_ignore(
    # The offscreen platform cannot raise a window (the ballot screen and the projector).
    "This plugin does not support raise",
    extend=True,
)


# --- fixtures and helpers ------------------------------------------------------------------------


@pytest.fixture
def errors(context: WorkshopContext) -> list[str]:
    """The refusals the main window would show in its error box."""
    found: list[str] = []
    context.user_error.connect(found.append)
    return found


@pytest.fixture
def page(qtbot: QtBot, context: WorkshopContext) -> Iterator[VotingPage]:
    """The voting page alone, active (its Ctrl+Enter shortcut needs an active window)."""
    page = VotingPage(context)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    _activate(qtbot, page)
    yield page
    if page.ballot_screen is not None:
        page.ballot_screen.close()


def _activate(qtbot: QtBot, window: QWidget) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def _open_round(
    context: WorkshopContext,
    method: str = VoteMethod.DOTS.value,
    *,
    ideas: int = 4,
    dots: int = 5,
    cap: int = 2,
) -> str:
    """A new round on the first cards of issue 3, opened through the services."""

    def make(session: Session) -> str:
        issue = workshops.list_issues(session, context.workshop_id)[2]
        idea_ids = voting.ideas_of_issue(session, context.workshop_id, issue.id, None)[:ideas]
        assert len(idea_ids) == ideas
        round_id = voting.create_round(
            session,
            context.workshop_id,
            voting.RoundDraft(
                f"Test round ({method})",
                method,
                tuple(idea_ids),
                dots_per_voter=dots,
                cap_per_idea=cap,
            ),
        )
        voting.open_round(session, round_id)
        return round_id

    with context.database.transaction() as session:
        return make(session)


def _show_round(page: VotingPage, round_id: str) -> RoundRow:
    page.reload()
    page.select_round(round_id)
    vote_round = page.current_round()
    assert vote_round is not None and vote_round.id == round_id
    return vote_round


def _people(context: WorkshopContext) -> list[AttendeeRow]:
    return context.read(lambda s: attendees.list_attendees(s, context.workshop_id))


def _present(context: WorkshopContext) -> list[AttendeeRow]:
    return [p for p in _people(context) if p.checked_in_at is not None]


def _absent(context: WorkshopContext) -> list[AttendeeRow]:
    return [p for p in _people(context) if p.checked_in_at is None]


def _rounds(context: WorkshopContext) -> list[RoundRow]:
    return context.read(lambda s: voting.list_rounds(s, context.workshop_id))


def _round(context: WorkshopContext, round_id: str) -> RoundRow:
    return context.read(lambda s: voting.get_round(s, round_id))


def _ballots(context: WorkshopContext, round_id: str) -> list[BallotRow]:
    return context.read(lambda s: voting.list_ballots(s, round_id))


def _marks(ballot: BallotRow) -> dict[str, int]:
    return {m.idea_id: m.value for m in ballot.marks}


def _score(context: WorkshopContext, round_id: str, idea_id: str) -> float:
    results = context.read(lambda s: voting.round_results(s, round_id))
    return results.count.result(idea_id).score


def _tally(context: WorkshopContext, round_id: str, idea_id: str, sector_id: str | None) -> int:
    return context.read(lambda s: voting.get_tally(s, round_id, idea_id, sector_id))


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def _type(qtbot: QtBot, text: str) -> None:
    """Type ASCII text into whatever has the focus (a cell's editor once it opens)."""
    for char in text:
        qtbot.keyClick(_focused(), char)
        QApplication.processEvents()  # as between two real key presses


def _enter(qtbot: QtBot, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(_focused(), Qt.Key.Key_Return, modifier)
    QApplication.processEvents()


def _enter_cells(qtbot: QtBot, table: EntryTable, column: int, values: dict[int, str]) -> None:
    """Type each value in its row of ``column`` and press Enter.

    Each cell is chosen first, as with the arrow keys or a click (Enter moving one row
    down is tested on its own)."""
    for row, value in values.items():
        table.setFocus()
        assert table.hasFocus()
        table.setCurrentCell(row, column)
        _type(qtbot, value)
        _enter(qtbot)


def _item(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    item = table.item(row, column)
    assert item is not None, f"no item at {row}, {column}"
    return item


def _text(table: QTableWidget, row: int, column: int) -> str:
    return _item(table, row, column).text()


def _editable(table: QTableWidget, row: int, column: int) -> bool:
    return bool(_item(table, row, column).flags() & Qt.ItemFlag.ItemIsEditable)


def _headers(table: QTableWidget) -> list[str]:
    """The column headers, without the spaces and line breaks that wrap them."""
    found = [table.horizontalHeaderItem(c) for c in range(table.columnCount())]
    return [_squeezed(h.text()) if h is not None else "" for h in found]


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _column_texts(table: EntryTable, column: int = 1) -> list[str]:
    return [_text(table, row, column) for row in range(table.rowCount())]


def _button(page: QWidget, text: str) -> QPushButton:
    return next(b for b in page.findChildren(QPushButton) if b.text() == text)


def _ballot_screen(qtbot: QtBot, page: VotingPage) -> BallotScreen:
    """Open the ballot screen with its button, as the facilitator does."""
    qtbot.mouseClick(page.kiosk_button, LEFT)
    screen = page.ballot_screen
    assert screen is not None
    qtbot.addWidget(screen)
    qtbot.waitExposed(screen)
    _activate(qtbot, screen)
    qtbot.waitUntil(screen.code.hasFocus)
    return screen


def _identify(qtbot: QtBot, screen: BallotScreen, code: str) -> None:
    assert screen.code.hasFocus()
    _type(qtbot, code)
    _enter(qtbot)


def _vote_at_screen(qtbot: QtBot, screen: BallotScreen, code: str, values: dict[int, str]) -> None:
    """A voter's whole turn: number, Enter, the dots, Ctrl+Enter."""
    _identify(qtbot, screen, code)
    assert screen.form.hasFocus()
    _enter_cells(qtbot, screen.form, 1, values)
    _enter(qtbot, CTRL)


def _start_tallies(qtbot: QtBot, page: VotingPage) -> None:
    page.tabs.setCurrentIndex(TALLY_TAB)
    page.tally_table.setFocus()
    qtbot.waitUntil(page.tally_table.hasFocus)


# --- the ballot screen ---------------------------------------------------------------------------


def test_ballot_screen_by_keyboard_stores_a_kiosk_ballot_and_resets(
    qtbot: QtBot, page: VotingPage, context: WorkshopContext, errors: list[str]
) -> None:
    round_id = _open_round(context)
    ideas = _show_round(page, round_id).idea_ids
    voter, second = _present(context)[:2]
    screen = _ballot_screen(qtbot, page)
    assert not screen.form.isEnabled() and not screen.submit.isEnabled()
    assert screen.who.text() == "Who is voting?"

    _identify(qtbot, screen, str(voter.code))
    assert screen.who.text() == f"Voting: {voter.full_name}"
    assert screen.form.isEnabled() and screen.submit.isEnabled()
    assert not screen.code.isEnabled()
    assert screen.form.hasFocus()
    assert (screen.form.currentRow(), screen.form.currentColumn()) == (0, 1)
    _enter_cells(qtbot, screen.form, 1, {0: "2", 2: "1", 3: "2"})
    assert _column_texts(screen.form) == ["2", "", "1", "2"]
    assert _ballots(context, round_id) == []  # nothing stored before the voter confirms
    _enter(qtbot, CTRL)

    [ballot] = _ballots(context, round_id)
    assert (ballot.attendee_id, ballot.code) == (voter.id, voter.code)
    assert ballot.cast_by == CastBy.KIOSK.value
    assert ballot.sector_id == voter.sector_id
    assert _marks(ballot) == {ideas[0]: 2, ideas[2]: 1, ideas[3]: 2}
    assert _score(context, round_id, ideas[0]) == 2
    assert errors == []
    assert context.undo_stack.undoText() == f"Ballot of {voter.full_name}"
    # Ready for the next person: the number box empty and focused, the form locked and clear.
    assert screen.code.text() == "" and screen.code.isEnabled()
    assert screen.code.hasFocus()
    assert not screen.form.isEnabled() and not screen.submit.isEnabled()
    assert screen.voter_id is None and screen.who.text() == "Who is voting?"
    assert _column_texts(screen.form) == ["", "", "", ""]
    assert screen.message.text().endswith(f"Thank you, {voter.full_name}: your vote is counted.")
    # The page counted it at once.
    assert page.results is not None and page.results.count.ballots == 1
    assert page.results.count.ballots_by_cast == {CastBy.KIOSK.value: 1}
    page.tabs.setCurrentIndex(BALLOT_TAB)
    assert page.ballot_list.rowCount() == 1
    assert _text(page.ballot_list, 0, 1) == voter.full_name
    assert _text(page.ballot_list, 0, 2) == voter.sector_name
    assert _text(page.ballot_list, 0, 3) == "Ballot screen"

    _vote_at_screen(qtbot, screen, str(second.code), {1: "1"})
    assert [b.attendee_id for b in _ballots(context, round_id)] == [voter.id, second.id]
    assert _score(context, round_id, ideas[1]) == 1
    assert page.ballot_list.rowCount() == 2


def test_ballot_screen_refuses_an_unknown_number(
    qtbot: QtBot, page: VotingPage, context: WorkshopContext
) -> None:
    round_id = _open_round(context)
    _show_round(page, round_id)
    screen = _ballot_screen(qtbot, page)
    unknown = max(p.code for p in _people(context)) + 1
    _identify(qtbot, screen, str(unknown))
    assert f"No attendee has number {unknown}." in screen.message.text()
    assert screen.voter_id is None
    assert not screen.form.isEnabled() and not screen.submit.isEnabled()
    _enter(qtbot, CTRL)  # nobody to cast for
    assert _ballots(context, round_id) == []
    assert context.undo_stack.count() == 0


def test_ballot_screen_refuses_someone_not_checked_in(
    qtbot: QtBot, page: VotingPage, context: WorkshopContext
) -> None:
    round_id = _open_round(context)
    _show_round(page, round_id)
    absent = _absent(context)[0]
    screen = _ballot_screen(qtbot, page)
    _identify(qtbot, screen, str(absent.code))
    assert f"{absent.full_name} has not checked in at the door" in screen.message.text()
    assert screen.voter_id is None
    assert not screen.form.isEnabled() and not screen.submit.isEnabled()
    _enter(qtbot, CTRL)
    assert _ballots(context, round_id) == []


def test_ballot_screen_refuses_a_ballot_over_the_dot_budget(
    qtbot: QtBot, page: VotingPage, context: WorkshopContext, errors: list[str]
) -> None:
    round_id = _open_round(context, dots=5, cap=2)
    _show_round(page, round_id)
    voter = _present(context)[0]
    screen = _ballot_screen(qtbot, page)
    _vote_at_screen(qtbot, screen, str(voter.code), {0: "2", 1: "2", 2: "2"})  # 6 of 5

    assert _ballots(context, round_id) == []
    assert errors == ["Over the budget: 6 dots used of 5."]
    assert context.undo_stack.count() == 0  # nothing to undo
    # The voter is still at the screen, the ballot as typed, to correct it.
    assert screen.voter_id == voter.id and screen.form.isEnabled()
    assert _column_texts(screen.form) == ["2", "2", "2", ""]
    _enter_cells(qtbot, screen.form, 1, {2: "1"})
    _enter(qtbot, CTRL)
    [ballot] = _ballots(context, round_id)
    assert sum(_marks(ballot).values()) == 5


def test_ballot_screen_shows_the_voter_why_a_ballot_was_refused(
    qtbot: QtBot, page: VotingPage, context: WorkshopContext
) -> None:
    round_id = _open_round(context, dots=5, cap=2)
    _show_round(page, round_id)
    screen = _ballot_screen(qtbot, page)
    _vote_at_screen(qtbot, screen, str(_present(context)[0].code), {0: "2", 1: "2", 2: "2"})
    assert _ballots(context, round_id) == []
    assert "Over the budget: 6 dots used of 5." in screen.message.text()


def test_ballot_screen_reports_a_typing_mistake_in_place(
    qtbot: QtBot, page: VotingPage, context: WorkshopContext, errors: list[str]
) -> None:
    round_id = _open_round(context)
    _show_round(page, round_id)
    screen = _ballot_screen(qtbot, page)
    _vote_at_screen(qtbot, screen, str(_present(context)[0].code), {1: "x"})
    assert "Row 2" in screen.message.text() and "is not a whole number" in screen.message.text()
    assert _ballots(context, round_id) == [] and errors == []


@pytest.mark.parametrize("replace", [True, False], ids=["replace", "keep"])
def test_second_ballot_at_the_screen_asks_to_replace(
    qtbot: QtBot,
    page: VotingPage,
    context: WorkshopContext,
    monkeypatch: pytest.MonkeyPatch,
    replace: bool,
) -> None:
    round_id = _open_round(context)
    ideas = _show_round(page, round_id).idea_ids
    voter = _present(context)[0]
    asked: list[str] = []

    def answer(_parent: QWidget, name: str) -> bool:
        asked.append(name)
        return replace

    monkeypatch.setattr(ballot_screen, "replace_earlier_ballot", answer)
    screen = _ballot_screen(qtbot, page)
    _vote_at_screen(qtbot, screen, str(voter.code), {0: "2"})
    [first] = _ballots(context, round_id)
    assert asked == []  # a first ballot asks nothing

    _vote_at_screen(qtbot, screen, str(voter.code), {1: "1", 2: "1"})
    assert asked == [voter.full_name]
    [stored] = _ballots(context, round_id)
    if replace:
        assert stored.id != first.id and stored.attendee_id == voter.id
        assert stored.cast_by == CastBy.KIOSK.value
        assert _marks(stored) == {ideas[1]: 1, ideas[2]: 1}
        assert _score(context, round_id, ideas[0]) == 0
        assert "your vote is counted" in screen.message.text()
        context.undo_stack.undo()  # the first ballot comes back
        assert [b.id for b in _ballots(context, round_id)] == [first.id]
        context.undo_stack.redo()
        assert [b.id for b in _ballots(context, round_id)] == [stored.id]
    else:
        assert stored == first
        assert _score(context, round_id, ideas[1]) == 0
        assert context.undo_stack.count() == 1
    # Either way the screen is ready for the next person.
    assert screen.code.text() == "" and screen.code.hasFocus()
    assert screen.voter_id is None and not screen.form.isEnabled()


def test_enter_on_the_registration_number_only_identifies_the_voter(
    qtbot: QtBot,
    page: VotingPage,
    context: WorkshopContext,
    errors: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    round_id = _open_round(context)
    ideas = _show_round(page, round_id).idea_ids
    voted, newcomer = _present(context)[:2]
    with context.database.transaction() as session:
        voting.cast_ballot(session, round_id, voted.id, [Mark(ideas[0], 1)], CastBy.KIOSK.value)
    asked: list[str] = []

    def answer(_parent: QWidget, name: str) -> bool:
        asked.append(name)
        return False

    monkeypatch.setattr(ballot_screen, "replace_earlier_ballot", answer)
    screen = _ballot_screen(qtbot, page)
    _identify(qtbot, screen, str(newcomer.code))
    refused = list(errors)
    screen.reset()  # the next person
    _identify(qtbot, screen, str(voted.code))
    assert refused == []  # no empty ballot was cast for the newcomer
    assert asked == []  # nor was the replace question asked before voting
    assert screen.voter_id == voted.id and screen.form.hasFocus()
    assert [b.attendee_id for b in _ballots(context, round_id)] == [voted.id]


def test_enter_after_a_typed_value_moves_one_row_down(
    qtbot: QtBot, page: VotingPage, context: WorkshopContext
) -> None:
    round_id = _open_round(context, ideas=6)
    ideas = _show_round(page, round_id).idea_ids
    voter = _present(context)[0]
    screen = _ballot_screen(qtbot, page)
    _identify(qtbot, screen, str(voter.code))
    form = screen.form
    assert (form.currentRow(), form.currentColumn()) == (0, 1)
    _type(qtbot, "2")
    _enter(qtbot)
    assert form.currentRow() == 1
    _enter(qtbot)  # no dots on idea 2
    assert form.currentRow() == 2
    _type(qtbot, "1")
    _enter(qtbot)
    assert form.currentRow() == 3
    _enter(qtbot, CTRL)
    [ballot] = _ballots(context, round_id)
    assert _marks(ballot) == {ideas[0]: 2, ideas[2]: 1}


# --- paper tallies -------------------------------------------------------------------------------


def test_paper_tallies_typed_from_the_wall(
    qtbot: QtBot, page: VotingPage, context: WorkshopContext, errors: list[str]
) -> None:
    round_id = _open_round(context, dots=5, cap=2)
    ideas = _show_round(page, round_id).idea_ids
    results = page.results
    assert results is not None
    table = page.tally_table
    _start_tallies(qtbot, page)
    assert _headers(table) == ["Idea", "All", *[_squeezed(t.name) for t in results.turnout]]
    sector = results.turnout[0].sector_id

    _enter_cells(qtbot, table, 1, {0: "3", 2: "4"})  # the "All" column
    assert _tally(context, round_id, ideas[0], None) == 3
    assert _tally(context, round_id, ideas[1], None) == 0
    assert _tally(context, round_id, ideas[2], None) == 4
    assert _column_texts(table) == ["3", "", "4", ""]
    _enter_cells(qtbot, table, 2, {1: "2"})  # stickers of the first sector's colour
    assert _tally(context, round_id, ideas[1], sector) == 2
    assert _column_texts(table, 2) == ["", "2", "", ""]
    tallies = context.read(lambda s: voting.list_tallies(s, round_id))
    assert {(t.idea_id, t.sector_id, t.count) for t in tallies} == {
        (ideas[0], None, 3),
        (ideas[2], None, 4),
        (ideas[1], sector, 2),
    }
    assert errors == []
    assert context.undo_stack.count() == 3
    # The results follow each count.
    page.tabs.setCurrentIndex(RESULTS_TAB)
    results = page.results
    assert results is not None and results.count.paper_votes == 9
    assert _text(page.results_table, 0, 1) == "4"  # idea 3 leads
    assert _text(page.results_table, 0, 3) == results.idea_texts[ideas[2]]
    assert page.summary.text().endswith("9 counted on paper")


def test_paper_tally_over_the_limit_is_refused_and_the_cell_restored(
    qtbot: QtBot, page: VotingPage, context: WorkshopContext, errors: list[str]
) -> None:
    round_id = _open_round(context, dots=5, cap=2)
    ideas = _show_round(page, round_id).idea_ids
    present = len(_present(context))
    table = page.tally_table
    _start_tallies(qtbot, page)
    _enter_cells(qtbot, table, 1, {0: "3"})
    assert context.undo_stack.count() == 1

    over = present * 5 + 1  # more dots than everyone present had
    _enter_cells(qtbot, table, 1, {0: str(over)})
    assert errors == [
        f"This count makes {over} dots in all, more than the people present "
        f"(all sectors: {present}) could give ({present * 5})."
    ]
    assert _tally(context, round_id, ideas[0], None) == 3
    assert _text(table, 0, 1) == "3"
    assert context.undo_stack.count() == 1

    errors.clear()
    _enter_cells(qtbot, table, 1, {1: str(present * 2 + 1)})  # over 2 dots each on one idea
    assert len(errors) == 1 and "dots on this idea in all" in errors[0]
    assert _tally(context, round_id, ideas[1], None) == 0
    assert _text(table, 1, 1) == ""

    errors.clear()
    _enter_cells(qtbot, table, 1, {1: "x"})
    assert errors == ["Row 2: “x” is not a whole number."]
    assert _text(table, 1, 1) == ""
    assert context.read(lambda s: voting.list_tallies(s, round_id)) == [Tally(ideas[0], None, 3)]


def test_paper_tally_undo_and_redo(
    qtbot: QtBot, page: VotingPage, context: WorkshopContext
) -> None:
    round_id = _open_round(context)
    idea = _show_round(page, round_id).idea_ids[0]
    table = page.tally_table
    _start_tallies(qtbot, page)
    _enter_cells(qtbot, table, 1, {0: "3"})
    _enter_cells(qtbot, table, 1, {0: "5"})
    assert _tally(context, round_id, idea, None) == 5
    assert context.undo_stack.undoText() == "Paper count 5"

    context.undo_stack.undo()
    assert _tally(context, round_id, idea, None) == 3
    assert _text(table, 0, 1) == "3"
    assert _score(context, round_id, idea) == 3
    context.undo_stack.undo()
    assert _tally(context, round_id, idea, None) == 0
    assert _text(table, 0, 1) == ""
    context.undo_stack.redo()
    context.undo_stack.redo()
    assert _tally(context, round_id, idea, None) == 5
    assert _text(table, 0, 1) == "5"
    assert page.results is not None and page.results.count.paper_votes == 5


def test_tally_sheet_keeps_the_keyboard_after_a_count(
    qtbot: QtBot, page: VotingPage, context: WorkshopContext
) -> None:
    round_id = _open_round(context, ideas=6)
    ideas = _show_round(page, round_id).idea_ids
    table = page.tally_table
    _start_tallies(qtbot, page)
    table.setCurrentCell(2, 1)
    _type(qtbot, "3")
    _enter(qtbot)
    assert _tally(context, round_id, ideas[2], None) == 3
    assert table.hasFocus()
    assert (table.currentRow(), table.currentColumn()) == (3, 1)
    _type(qtbot, "4")
    _enter(qtbot)
    assert _tally(context, round_id, ideas[3], None) == 4


# --- ballots typed by staff ----------------------------------------------------------------------


def test_staff_ballot_then_withdraw_and_undo(
    qtbot: QtBot, page: VotingPage, context: WorkshopContext, errors: list[str]
) -> None:
    round_id = _open_round(context)
    ideas = _show_round(page, round_id).idea_ids
    voter = _present(context)[0]
    page.tabs.setCurrentIndex(BALLOT_TAB)
    page.voter_code.setFocus()
    qtbot.waitUntil(page.voter_code.hasFocus)
    _type(qtbot, str(voter.code))
    _enter_cells(qtbot, page.ballot_form, 1, {0: "1", 1: "2"})
    qtbot.mouseClick(_button(page, "Save ballot (Ctrl+Enter)"), LEFT)

    [ballot] = _ballots(context, round_id)
    assert (ballot.attendee_id, ballot.cast_by) == (voter.id, CastBy.STAFF.value)
    assert ballot.sector_id == voter.sector_id
    assert _marks(ballot) == {ideas[0]: 1, ideas[1]: 2}
    assert errors == []
    # Cleared for the next sheet.
    assert page.voter_code.text() == "" and page.voter_code.hasFocus()
    assert _column_texts(page.ballot_form) == ["", "", "", ""]

    # An anonymous paper form, saved with Ctrl+Enter.
    _enter_cells(qtbot, page.ballot_form, 1, {3: "2"})
    _enter(qtbot, CTRL)
    ballots = _ballots(context, round_id)
    assert [(b.attendee_id, b.cast_by) for b in ballots] == [
        (voter.id, CastBy.STAFF.value),
        (None, CastBy.PAPER.value),
    ]
    paper = ballots[1]
    assert paper.sector_id is None and _marks(paper) == {ideas[3]: 2}
    assert errors == []
    assert page.ballot_list.rowCount() == 2
    assert _text(page.ballot_list, 0, 1) == voter.full_name
    assert _text(page.ballot_list, 0, 3) == "Entered by staff"
    assert _text(page.ballot_list, 1, 1) == "(anonymous paper form)"
    assert _text(page.ballot_list, 1, 3) == "Paper"

    page.ballot_list.selectRow(0)
    qtbot.mouseClick(_button(page, "Withdraw selected ballot"), LEFT)
    assert [b.id for b in _ballots(context, round_id)] == [paper.id]
    assert page.ballot_list.rowCount() == 1
    assert _score(context, round_id, ideas[1]) == 0
    assert context.undo_stack.undoText() == f"Withdraw ballot of {voter.full_name}"

    context.undo_stack.undo()
    assert [b.id for b in _ballots(context, round_id)] == [ballot.id, paper.id]
    assert _score(context, round_id, ideas[1]) == 2
    assert page.ballot_list.rowCount() == 2
    context.undo_stack.redo()
    assert [b.id for b in _ballots(context, round_id)] == [paper.id]


@pytest.mark.parametrize("replace", [True, False], ids=["replace", "keep"])
def test_staff_ballot_for_someone_who_voted_asks_to_replace(
    qtbot: QtBot,
    page: VotingPage,
    context: WorkshopContext,
    monkeypatch: pytest.MonkeyPatch,
    replace: bool,
) -> None:
    round_id = _open_round(context)
    ideas = _show_round(page, round_id).idea_ids
    voter = _present(context)[0]
    with context.database.transaction() as session:
        first = voting.cast_ballot(
            session, round_id, voter.id, [Mark(ideas[0], 1)], CastBy.KIOSK.value
        )
    page.reload()
    asked: list[str] = []

    def answer(_parent: QWidget, name: str) -> bool:
        asked.append(name)
        return replace

    monkeypatch.setattr(voting_page, "replace_earlier_ballot", answer)
    page.tabs.setCurrentIndex(BALLOT_TAB)
    page.voter_code.setFocus()
    _type(qtbot, str(voter.code))
    _enter_cells(qtbot, page.ballot_form, 1, {1: "2"})
    _enter(qtbot, CTRL)

    assert asked == [voter.full_name]
    [stored] = _ballots(context, round_id)
    if replace:
        assert stored.id != first and stored.cast_by == CastBy.STAFF.value
        assert _marks(stored) == {ideas[1]: 2}
        assert page.voter_code.text() == ""
    else:
        assert stored.id == first and _marks(stored) == {ideas[0]: 1}
        assert page.voter_code.text() == str(voter.code)  # kept, to correct or clear
        assert context.undo_stack.count() == 0


# --- revealing results ---------------------------------------------------------------------------


def test_reveal_checkbox_sends_results_to_the_projector(
    qtbot: QtBot, page: VotingPage, context: WorkshopContext
) -> None:
    dots, ranking, _criteria = _rounds(context)
    page.select_round(dots.id)
    assert page.revealed_results() is None and not page.reveal.isChecked()
    sent: list[object] = []
    page.projector_results.connect(sent.append)

    def last() -> object:  # what the projector was last sent
        return sent[-1]

    page.reveal.setFocus()
    qtbot.keyClick(page.reveal, Qt.Key.Key_Space)
    assert page.reveal.isChecked() and _round(context, dots.id).revealed
    shown = last()
    assert isinstance(shown, RoundResults)
    assert shown.round.id == dots.id and shown.round.revealed
    assert shown.count.ballots == 12  # the demo's dots round
    assert page.revealed_results() is shown
    assert context.undo_stack.undoText() == "Show results on the projector"

    qtbot.keyClick(page.reveal, Qt.Key.Key_Space)
    assert not page.reveal.isChecked() and not _round(context, dots.id).revealed
    assert last() is None and page.revealed_results() is None

    context.undo_stack.undo()  # shown again
    assert page.reveal.isChecked()
    again = last()
    assert isinstance(again, RoundResults) and again.round.id == dots.id
    # Looking at another round, not revealed: the projector goes back to the board.
    page.select_round(ranking.id)
    assert not page.reveal.isChecked() and last() is None
    assert page.revealed_results() is None
    page.select_round(dots.id)
    assert page.reveal.isChecked() and isinstance(last(), RoundResults)


def test_revealed_results_appear_on_the_projector(
    qtbot: QtBot, context: WorkshopContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr(settings, "settings_store", lambda: store)  # keep the user's own
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_projector()
    projector = window.projector
    assert projector is not None
    qtbot.addWidget(projector)
    qtbot.waitExposed(projector)
    window.show_page(3)
    page = window.voting_page
    dots = _rounds(context)[0]
    page.select_round(dots.id)
    board = projector.stack.currentIndex()

    def projected() -> RoundResults | None:
        assert projector is not None
        return projector.results

    assert projector.stack.currentWidget() is not projector.results_chart
    assert projected() is None

    qtbot.mouseClick(page.reveal, LEFT)
    assert projector.stack.currentWidget() is projector.results_chart
    shown = projected()
    assert shown is not None and shown.round.id == dots.id
    assert projector.issue.text().startswith(f"Vote results, round {dots.number}: ")
    assert projector.count.text().startswith("12 ballot")

    # Going back to the board brings the cards back; the voting page, the results.
    window.show_page(2)
    assert projected() is None and projector.stack.currentIndex() == board
    window.show_page(3)
    assert projector.stack.currentWidget() is projector.results_chart

    qtbot.mouseClick(page.reveal, LEFT)
    assert projected() is None
    assert projector.stack.currentIndex() == board
    assert not projector.issue.text().startswith("Vote results")
    projector.close()


# --- rounds --------------------------------------------------------------------------------------


def _drive_dialogs(steps: list[Step]) -> Callable[[], None]:
    """Drive each NewRoundDialog as it opens (it runs its own event loop): one step per
    showing. If a step fails the dialog is cancelled, so a test never hangs."""

    def drive() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, NewRoundDialog):
            QTimer.singleShot(10, drive)
            return
        step = steps.pop(0)
        try:
            step(dialog)
        except BaseException:
            steps.clear()
            dialog.reject()
            raise
        if steps:
            QTimer.singleShot(0, drive)

    return drive


def test_round_lifecycle_by_the_buttons(
    qtbot: QtBot, page: VotingPage, context: WorkshopContext, errors: list[str]
) -> None:
    before = _rounds(context)

    def untitled(dialog: NewRoundDialog) -> None:
        dialog.title.setFocus()
        qtbot.keyClick(dialog.title, Qt.Key.Key_Return)  # no title: refused, asked again

    def ranking(dialog: NewRoundDialog) -> None:
        dialog.title.setFocus()
        qtbot.keyClicks(dialog.title, "Final ranking")
        dialog.method.setFocus()
        qtbot.keyClick(dialog.method, Qt.Key.Key_Down)  # dots -> ranking
        assert dialog.method.currentData() == VoteMethod.RANKING.value
        assert dialog.source.currentText() == "Issue 1: Project idea"
        qtbot.keyClick(dialog.title, Qt.Key.Key_Return)

    steps: list[Step] = [untitled, ranking]
    QTimer.singleShot(0, _drive_dialogs(steps))
    qtbot.mouseClick(_button(page, "New round..."), LEFT)
    assert steps == []
    _activate(qtbot, page)

    assert errors == ["Give the round a title."]
    rounds = _rounds(context)
    assert [r.id for r in rounds[:-1]] == [r.id for r in before]
    new = rounds[-1]
    assert (new.title, new.method, new.state) == ("Final ranking", "ranking", "draft")
    assert new.number == before[-1].number + 1
    assert page.current_round() == new
    assert page.open_button.isEnabled() and page.open_button.text() == "Open voting"
    assert not page.close_button.isEnabled() and not page.kiosk_button.isEnabled()

    qtbot.mouseClick(page.open_button, LEFT)
    assert _round(context, new.id).state == "open"
    assert page.close_button.isEnabled() and page.kiosk_button.isEnabled()
    assert not page.open_button.isEnabled()
    # Ranking tallies: one column per rank, typed in while the round is open.
    _start_tallies(qtbot, page)
    table = page.tally_table
    assert table.columnCount() == 1 + new.rank_count
    assert _editable(table, 0, 1)

    qtbot.mouseClick(page.close_button, LEFT)
    assert _round(context, new.id).state == "closed"
    assert [e.action for e in context.read(lambda s: voting.round_events(s, new.id))] == [
        "open",
        "close",
    ]
    assert page.open_button.text() == "Reopen voting" and page.open_button.isEnabled()
    assert not page.close_button.isEnabled() and not page.kiosk_button.isEnabled()
    # A closed round takes no more votes: the tally sheet opens no editor...
    assert not _editable(table, 0, 1)
    table.setFocus()
    table.setCurrentCell(0, 1)
    _type(qtbot, "1")
    assert _focused() is table
    _enter(qtbot)
    assert context.read(lambda s: voting.list_tallies(s, new.id)) == []
    # ... and a ballot typed by staff is refused.
    page.tabs.setCurrentIndex(BALLOT_TAB)
    page.voter_code.setFocus()
    _type(qtbot, str(_present(context)[0].code))
    _enter_cells(qtbot, page.ballot_form, 1, {0: "1"})
    _enter(qtbot, CTRL)
    assert errors[-1] == "This round is closed; its votes cannot change."
    assert _ballots(context, new.id) == []

    context.undo_stack.undo()  # the close
    assert _round(context, new.id).state == "open"
    assert page.close_button.isEnabled() and page.kiosk_button.isEnabled()
    page.tabs.setCurrentIndex(TALLY_TAB)
    assert _editable(table, 0, 1)
    context.undo_stack.undo()  # the opening
    assert _round(context, new.id).state == "draft"
    context.undo_stack.undo()  # the new round
    assert [r.id for r in _rounds(context)] == [r.id for r in before]
    assert page.current_round() != new
    context.undo_stack.redo()
    assert [r.id for r in _rounds(context)][-1] == new.id


def test_new_round_dialog_shows_only_the_chosen_methods_settings(
    qtbot: QtBot, page: VotingPage, context: WorkshopContext
) -> None:
    dialog = NewRoundDialog(context, page)
    qtbot.addWidget(dialog)
    dialog.show()

    def shown() -> set[str]:
        widgets = {
            "dots": dialog.dots,
            "cap": dialog.cap,
            "ranks": dialog.ranks,
            "scale": dialog.scale,
            "criteria": dialog.criteria,
            "top": dialog.top_n,
        }
        return {name for name, widget in widgets.items() if dialog.form.isRowVisible(widget)}

    expected = {
        VoteMethod.DOTS: {"dots", "cap"},
        VoteMethod.RANKING: {"ranks"},
        VoteMethod.CRITERIA: {"scale", "criteria"},
        VoteMethod.APPROVAL: set(),
    }
    for method, names in expected.items():
        dialog.method.setCurrentIndex(dialog.method.findData(method.value))
        assert shown() == names, method
    top = next(i for i in range(dialog.source.count()) if dialog.source.itemData(i)[0] == "top")
    dialog.source.setCurrentIndex(top)
    assert "top" in shown()
    dialog.reject()


def test_sticker_only_round_shows_who_was_present_not_zero_voters(
    qtbot: QtBot, page: VotingPage, context: WorkshopContext
) -> None:
    """Stickers counted on the wall and typed in: no ballots, so "0 / 15" read as if
    nobody voted. The table then shows who was present, and says why."""
    round_id = _open_round(context)
    vote_round = _show_round(page, round_id)
    idea_id = vote_round.idea_ids[0]
    context.run(lambda s: voting.set_tally(s, round_id, idea_id, None, 9), Changes.VOTES)
    table = page.turnout_table
    header = table.horizontalHeaderItem(1)
    assert header is not None and "stickers" in header.text()
    present = page.results.present if page.results else -1
    last = table.item(table.rowCount() - 1, 1)
    assert last is not None and last.text() == str(present)
    assert all(
        " / " not in (table.item(r, 1) or QTableWidgetItem()).text()
        for r in range(table.rowCount())
    )


def test_a_ballot_recounts_the_round_without_listing_the_rounds_again(
    page: VotingPage, context: WorkshopContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A ballot or a paper count changes only what a round counts (Changes.BALLOTS): the
    page recounts the round shown and keeps its list of rounds, which took a third of
    the time from a ballot to the projector; a change of the rounds lists them again."""
    round_id = _open_round(context)
    ideas = _show_round(page, round_id).idea_ids
    listed: list[str] = []
    list_rounds = voting.list_rounds

    def counting_list_rounds(session: Session, workshop_id: str) -> list[RoundRow]:
        listed.append(workshop_id)
        return list_rounds(session, workshop_id)

    monkeypatch.setattr(voting, "list_rounds", counting_list_rounds)
    voter = _present(context)[1]
    command = cast_ballot_command(
        context, round_id, voter.id, [Mark(ideas[2], 2)], CastBy.STAFF.value
    )
    context.undo_stack.push(command)
    assert command.succeeded
    assert page.results is not None and page.results.count.ballots == 1
    assert listed == []
    assert _text(page.results_table, 0, 3) == page.results.idea_texts[ideas[2]]
    context.undo_stack.undo()
    assert page.results.count.ballots == 0 and listed == []

    context.undo_stack.push(reveal_command(context, round_id, True))
    assert listed == [context.workshop_id]
    vote_round = page.current_round()
    assert vote_round is not None and vote_round.revealed
