"""The facilitator's side of taking part by phone, driven as in the room: the server
started from the board page, real WebSocket clients joining as phones with their cards'
tokens, their ideas and ballots reaching the board, the projector and the results, the
moderation queue, the join code on the projector, and the port freed on stopping."""

from __future__ import annotations

import socket
import subprocess
import threading
import time
import uuid
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QDialogButtonBox, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from tests.qr_codes import pdf_codes
from tests.ui.keyboard import type_text
from tests.ui.phone_client import PhoneClient
from tests.ui.qr_image import holds
from workshop_app.models import CastBy, VoteMethod
from workshop_app.services import attendees, ideas, phones, voting, workshops
from workshop_app.services.attendees import AttendeeRow
from workshop_app.ui import phone_panel
from workshop_app.ui.context import USER_ACTION_S, Changes, WorkshopContext
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.phone_cards_action import PhoneCardsButton
from workshop_app.ui.phone_panel import THIS_LAPTOP_ONLY, PhonePanel, PhoneServerHost

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise", extend=True)


@pytest.fixture
def window(board_window: MainWindow) -> Iterator[MainWindow]:
    """The main window on the brainstorm page; the phone server stopped afterwards."""
    yield board_window
    board_window.phones.stop()
    if board_window.projector is not None:
        board_window.projector.close()


def _tick(qtbot: QtBot, box: QCheckBox) -> None:
    """Click a check box on its box (its middle may be past its short label)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((THIS_LAPTOP_ONLY, 0))
        return int(probe.getsockname()[1])


def _board_panel(window: MainWindow) -> PhonePanel:
    panel = window.board_page.findChild(PhonePanel, "phonePanel")
    assert panel is not None
    return panel


def _start(qtbot: QtBot, window: MainWindow) -> tuple[PhonePanel, int]:
    """Start the server as the facilitator does: the button, this laptop, a free port."""
    panel = _board_panel(window)
    qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert dialog is not None
    dialog.host.setCurrentIndex(dialog.host.findData(THIS_LAPTOP_ONLY))
    port = _free_port()
    dialog.port.setValue(port)
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.phones.running)
    return panel, port


def _present_with_sector(context: WorkshopContext) -> list[AttendeeRow]:
    people = context.read(lambda s: attendees.list_attendees(s, context.workshop_id))
    return [p for p in people if p.checked_in_at is not None and p.sector_id]


def _token(context: WorkshopContext, person: AttendeeRow, base_url: str) -> str:
    link = context.run(
        lambda s: phones.phone_link(s, context.workshop_id, person.id, base_url), Changes.NONE
    )
    assert link is not None
    return link.url.split("#", 1)[1]


def _phone(context: WorkshopContext, person: AttendeeRow, base_url: str) -> PhoneClient:
    return PhoneClient(base_url, _token(context, person, base_url))


def _idea_message(issue_id: str, text: str, kind: str = "proposal") -> dict[str, Any]:
    return {
        "type": "idea",
        "submission_id": str(uuid.uuid4()),
        "issue_id": issue_id,
        "kind": kind,
        "text": text,
    }


def _acknowledged(phone: PhoneClient, submission_id: str) -> bool:
    return phone.ack(submission_id) is not None


def _board_texts(window: MainWindow) -> list[str]:
    return [r.text for r in window.board.rows]


def test_server_starts_from_the_board_and_a_phone_idea_reaches_board_and_projector(
    qtbot: QtBot, window: MainWindow, context: WorkshopContext
) -> None:
    panel, port = _start(qtbot, window)
    url = window.phones.url
    assert url.startswith(f"http://{THIS_LAPTOP_ONLY}:{port}")
    assert panel.address.text() == url
    window.board.set_current(1)  # the facilitator is on issue 2
    assert panel.issue_label.text() == "Phones send ideas to issue 2"
    assert context.read(lambda s: phones.phone_issue(s, context.workshop_id)) == (
        window.board.models[1].issue.id
    )
    qtbot.keyClick(window.board_page.entry, Qt.Key.Key_F9)  # the projector
    assert window.projector is not None
    qtbot.addWidget(window.projector)

    person = _present_with_sector(context)[0]
    phone = _phone(context, person, url)
    try:
        qtbot.waitUntil(lambda: phone.state() is not None)
        state = phone.state()
        assert state is not None and state["issue"]["number"] == 2
        # Who is connected, per sector, on both pages.
        qtbot.waitUntil(lambda: panel.connected.text() == "Phones connected: 1")
        assert panel.by_sector.item(0).text() == f"{person.sector_name}: 1"
        compact = window.voting_page.findChild(PhonePanel, "phonePanelCompact")
        assert compact is not None and compact.connected.text() == "Phones connected: 1"

        text = "จัดตลาดนัดสินค้าเกษตรปลอดภัยที่หน้าที่ว่าการอำเภอทุกวันศุกร์"
        message = _idea_message(window.board.models[1].issue.id, text)
        phone.send(message)
        qtbot.waitUntil(lambda: phone.ack(message["submission_id"]) is not None)
        ack = phone.ack(message["submission_id"])
        assert ack is not None and ack["ok"] and ack["status"] == "on_board"
        # On the board's column and so on the projector, which reads the same models.
        qtbot.waitUntil(lambda: text in [r.text for r in window.board.models[1].rows()])
        card = next(r for r in window.board.models[1].rows() if r.text == text)
        assert card.sector_id == person.sector_id and card.author_id == person.id
        assert window.projector.single_view.cards() is window.board.models[1]

        # The facilitator moves on: the phone is told the new issue.
        window.board_page.go_to_issue(2)  # Ctrl+PgDown
        assert panel.issue_label.text() == "Phones send ideas to issue 3"
        qtbot.waitUntil(lambda: (phone.state() or {}).get("issue", {}).get("number") == 3)
    finally:
        phone.close()
    qtbot.waitUntil(lambda: panel.connected.text() == "Phones connected: 0")


def test_issue_can_be_chosen_or_closed_instead_of_following_the_board(
    qtbot: QtBot, window: MainWindow, context: WorkshopContext
) -> None:
    panel, _port = _start(qtbot, window)
    third = window.board.models[2].issue
    panel.issue.setCurrentIndex(panel.issue.findData(third.id))
    panel.issue.activated.emit(panel.issue.currentIndex())
    window.board.set_current(0)  # the board moves, the phones stay on issue 3
    assert panel.issue_label.text() == "Phones send ideas to issue 3"
    assert context.read(lambda s: phones.phone_issue(s, context.workshop_id)) == third.id
    panel.issue.setCurrentIndex(panel.issue.count() - 1)  # closed to ideas
    panel.issue.activated.emit(panel.issue.currentIndex())
    assert panel.issue_label.text() == "Phones cannot send ideas now (no issue open to them)."
    assert context.read(lambda s: phones.phone_issue(s, context.workshop_id)) is None


def test_phone_ballot_counts_in_the_round_opened_on_the_voting_page(
    qtbot: QtBot, window: MainWindow, context: WorkshopContext
) -> None:
    def draft_round(session: Session) -> str:
        for earlier in voting.list_rounds(session, context.workshop_id):
            if earlier.state == "open":  # the demo's last round: phones see only ours
                voting.close_round(session, earlier.id)
        issue = workshops.list_issues(session, context.workshop_id)[0]
        idea_ids = voting.ideas_of_issue(session, context.workshop_id, issue.id, None)[:4]
        return voting.create_round(
            session,
            context.workshop_id,
            voting.RoundDraft("เลือกแนวทางส่งเสริมอาชีพชุมชน", VoteMethod.DOTS.value, tuple(idea_ids)),
        )

    with context.database.transaction() as session:
        round_id = draft_round(session)
    _panel, _port = _start(qtbot, window)
    window.show_page(3)
    page = window.voting_page
    page.reload()
    page.select_round(round_id)
    phone = _phone(context, _present_with_sector(context)[1], window.phones.url)
    try:
        qtbot.waitUntil(lambda: phone.state() is not None)
        assert phone.state()["round"] is None  # type: ignore[index]
        qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)  # as today
        qtbot.waitUntil(lambda: (phone.state() or {}).get("round") is not None)
        shown = phone.state()["round"]  # type: ignore[index]
        assert shown["id"] == round_id and shown["method"] == "dots"
        first, second = (card["id"] for card in shown["cards"][:2])
        ballot: dict[str, Any] = {
            "type": "ballot",
            "submission_id": str(uuid.uuid4()),
            "round_id": round_id,
            "marks": [
                {"idea_id": first, "value": 2, "criterion_id": None},
                {"idea_id": second, "value": 1, "criterion_id": None},
            ],
        }
        phone.send(ballot)
        qtbot.waitUntil(lambda: phone.ack(ballot["submission_id"]) is not None)
        assert phone.ack(ballot["submission_id"])["ok"]  # type: ignore[index]
        # The results on the voting page, counted with the others, tagged as by phone.
        qtbot.waitUntil(lambda: page.results is not None and page.results.count.ballots == 1)
        assert page.results is not None
        assert [b.cast_by for b in page.results.ballots] == [CastBy.PHONE.value]
        assert "phone" in page.summary.text().lower()
    finally:
        phone.close()


def test_moderation_holds_phone_ideas_until_accepted_or_rejected(
    qtbot: QtBot, window: MainWindow, context: WorkshopContext
) -> None:
    panel, _port = _start(qtbot, window)
    _tick(qtbot, panel.moderation)
    assert context.read(lambda s: phones.phone_moderation(s, context.workshop_id))
    issue_id = window.board.models[0].issue.id
    phone = _phone(context, _present_with_sector(context)[2], window.phones.url)
    kept = "ขยายเวลาเปิดศูนย์เด็กเล็กให้ผู้ปกครองที่ทำงานในโรงงาน"
    refused = "ซื้อรถตู้ใหม่ให้ผู้บริหาร"
    try:
        qtbot.waitUntil(lambda: phone.state() is not None)
        for text in (kept, refused):
            message = _idea_message(issue_id, text, "problem")
            phone.send(message)
            submission_id = str(message["submission_id"])
            qtbot.waitUntil(partial(_acknowledged, phone, submission_id))
            assert phone.ack(submission_id)["status"] == "pending"  # type: ignore[index]
        qtbot.waitUntil(lambda: panel.pending.count() == 2)
        assert panel.pending_title.text() == "Waiting to be checked: 2"
        assert kept not in _board_texts(window) and refused not in _board_texts(window)

        panel.pending.item(0).setSelected(True)
        assert [r.text for r in panel.selected_pending()] == [kept]
        qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: kept in _board_texts(window))
        assert panel.pending.count() == 1
        qtbot.waitUntil(
            lambda: any(
                i["text"] == kept and i["status"] == "on_board"
                for i in (phone.state() or {}).get("ideas", [])
            )
        )

        context.undo_stack.undo()  # accepted by mistake: off the board, waiting again
        qtbot.waitUntil(lambda: kept not in _board_texts(window))
        assert panel.pending.count() == 2
        context.undo_stack.redo()
        qtbot.waitUntil(lambda: kept in _board_texts(window))

        qtbot.mouseClick(panel.reject_button, Qt.MouseButton.LeftButton)  # the one left
        assert panel.pending.count() == 0
        pending = context.read(lambda s: phones.pending_ideas(s, context.workshop_id))
        assert pending == []
        context.undo_stack.undo()  # rejected by mistake: back in the queue
        assert [r.text for r in window.phones.pending] == [refused]
        assert panel.pending.count() == 1
        assert refused not in _board_texts(window)
    finally:
        phone.close()
    listed = context.read(lambda s: ideas.list_ideas(s, context.workshop_id))
    assert refused not in [r.text for r in listed]  # never in votes, minutes or plans


def test_projector_shows_the_join_code_of_the_running_server(
    qtbot: QtBot, window: MainWindow, context: WorkshopContext, tmp_path: Path
) -> None:
    panel, _port = _start(qtbot, window)
    qtbot.keyClick(window.board_page.entry, Qt.Key.Key_F9)
    projector = window.projector
    assert projector is not None
    qtbot.addWidget(projector)
    _tick(qtbot, panel.join)
    join = projector.join_panel
    qtbot.waitUntil(join.isVisible)
    url = window.phones.url
    assert holds(join.qr.pixmap(), url)
    # Read back from the whole projector image, as a phone's camera would see it.
    screen = tmp_path / "projector.png"
    projector.grab().save(str(screen))
    read = subprocess.run(
        ["zbarimg", "-q", "--raw", "-Sdisable", "-Sqrcode.enable", str(screen)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert read.stdout.split() == [url]
    assert join.address.text() == url.removeprefix("http://").rstrip("/")
    code = context.read(lambda s: phones.walk_in_code(s, context.workshop_id))
    assert len(code) == 6 and join.walk_in_code.text().replace(" ", "") == code
    assert code in panel.walk_in.text()
    qtbot.mouseClick(panel.new_code_button, Qt.MouseButton.LeftButton)
    new_code = context.read(lambda s: phones.walk_in_code(s, context.workshop_id))
    assert new_code != code and join.walk_in_code.text().replace(" ", "") == new_code
    # Stopping the server takes the code off the projector.
    qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)
    assert not window.phones.running
    assert not join.isVisible()


def test_stopping_frees_the_port(qtbot: QtBot, window: MainWindow) -> None:
    panel, port = _start(qtbot, window)
    with socket.socket() as taken, pytest.raises(OSError):  # the server holds it
        taken.bind((THIS_LAPTOP_ONLY, port))
    qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)
    assert panel.start_button.text() == "Start the phone server…"
    assert not panel.address.isVisible()
    with socket.socket() as free:
        free.bind((THIS_LAPTOP_ONLY, port))


def test_port_taken_is_refused_with_a_message(qtbot: QtBot, window: MainWindow) -> None:
    with socket.socket() as other_program:
        other_program.bind((THIS_LAPTOP_ONLY, 0))
        other_program.listen()
        port = other_program.getsockname()[1]
        errors: list[str] = []
        window.context.user_error.connect(errors.append)
        assert not window.phones.start(THIS_LAPTOP_ONLY, port)
    assert not window.phones.running and errors and str(port) in errors[0]


def test_phone_changes_reach_the_views_batched(
    qtbot: QtBot, window: MainWindow, context: WorkshopContext
) -> None:
    """A burst of submissions is a few refreshes, not one per submission."""
    host: PhoneServerHost = window.phones
    seen: list[Changes] = []
    context.changed.connect(seen.append)
    for _ in range(200):
        host._from_server.emit(frozenset({"ideas"}))
        host._from_server.emit(frozenset({"ballots"}))
    qtbot.waitUntil(lambda: len(seen) >= 1)
    qtbot.wait(400)
    assert seen == [Changes.IDEAS | Changes.VOTES]


def test_a_card_typed_here_is_drawn_before_the_phones_batch(
    qtbot: QtBot, window: MainWindow, context: WorkshopContext
) -> None:
    """Phones' changes falling due just as the secretary adds a card wait a moment: the
    typed card is refreshed and drawn first, then the phones' cards."""
    host: PhoneServerHost = window.phones
    seen: list[Changes] = []
    context.changed.connect(seen.append)
    host._from_server.emit(frozenset({"ideas"}))
    qtbot.wait(phone_panel.BATCH_MS - 60)  # the phones' batch is due in about 60 ms
    issue_id = window.board.models[0].issue.id
    started = time.monotonic()
    context.run(
        lambda s: ideas.add_idea(
            s, context.workshop_id, issue_id, ideas.IdeaDraft("ขยายถนนสายบ้านโฮ่ง-ลี้")
        ),
        Changes.IDEAS,
    )
    # Put off to AFTER_OWN_EDIT_MS from some moment within the add (the board's refresh
    # and repaint that follow it take longer on a slow machine).
    took_ms = (time.monotonic() - started) * 1000
    assert host._batch.remainingTime() >= phone_panel.AFTER_OWN_EDIT_MS - took_ms - 5
    qtbot.wait(max(0, host._batch.remainingTime() - 30))
    assert seen == [Changes.IDEAS]  # the typed card only
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=1000)


def test_registration_page_prints_phone_cards(
    qtbot: QtBot,
    window: MainWindow,
    context: WorkshopContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Before the day (no server): on the address chosen for it; at the venue: on the
    running server's. Every card's code reads back as its owner's link."""
    targets = iter([tmp_path / "บัตรโทรศัพท์.pdf", tmp_path / "at-the-venue.pdf"])
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(next(targets)), ""))
    )
    window.show_page(1)
    button = window.registration_page.findChild(PhoneCardsButton, "exportPhoneCards")
    assert button is not None
    people = context.read(lambda s: attendees.list_attendees(s, context.workshop_id))

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = button.dialog
    assert dialog is not None
    assert dialog.host.findData("0.0.0.0") < 0  # a card needs one address phones reach
    dialog.host.setCurrentIndex(dialog.host.findData(THIS_LAPTOP_ONLY))
    dialog.port.setValue(8790)
    dialog.accept()
    assert button.handle is not None
    with qtbot.waitSignal(button.handle.ended, timeout=30000):
        pass
    banner = window.registration_page.banner
    assert banner.property("kind") == "ok", banner.text()
    links = sorted(pdf_codes(tmp_path / "บัตรโทรศัพท์.pdf", tmp_path / "before", (200, 300)))
    assert len(links) == len(people)
    assert all(link.startswith("http://127.0.0.1:8790/#") for link in links)

    _panel, port = _start(qtbot, window)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # no question: the server's address
    assert button.dialog is None and button.handle is not None
    with qtbot.waitSignal(button.handle.ended, timeout=30000):
        pass
    # The running server's address; the same people with the same tokens (cards can be
    # printed again): the links as the service gives them, and as the cards print them.
    venue = context.read(lambda s: phones.phone_links(s, context.workshop_id, window.phones.url))
    assert sorted(v.url.split("#")[1] for v in venue) == sorted(b.split("#")[1] for b in links)
    printed = subprocess.run(
        ["pdftotext", str(tmp_path / "at-the-venue.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert printed.count(f"{THIS_LAPTOP_ONLY}:{port}") >= len(people)
    assert "8790" not in printed


def test_one_server_for_the_window_started_from_the_voting_page(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show_page(3)
    compact = window.voting_page.findChild(PhonePanel, "phonePanelCompact")
    assert compact is not None
    qtbot.mouseClick(compact.start_button, Qt.MouseButton.LeftButton)
    dialog = compact.dialog
    assert dialog is not None
    dialog.host.setCurrentIndex(dialog.host.findData(THIS_LAPTOP_ONLY))
    dialog.port.setValue(_free_port())
    dialog.accept()
    qtbot.waitUntil(lambda: window.phones.running)
    assert compact.address.text() == window.phones.url
    board = _board_panel(window)  # the board's box shows the same server
    assert board.address.text() == window.phones.url
    assert board.start_button.text() == compact.start_button.text() == "Stop the phone server"
    qtbot.mouseClick(board.start_button, Qt.MouseButton.LeftButton)
    assert not window.phones.running and compact.start_button.text() == "Start the phone server…"


def test_a_lost_card_is_replaced_and_the_old_one_stops_working(
    qtbot: QtBot,
    window: MainWindow,
    context: WorkshopContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    person = _present_with_sector(context)[3]
    old_token = _token(context, person, "http://192.168.20.5:8765")
    target = tmp_path / "บัตรใหม่.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(target), ""))
    )
    window.show_page(1)
    page = window.registration_page
    type_text(page.search, str(person.code))
    button = page.findChild(PhoneCardsButton, "replacePhoneCard")
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    question = button.question
    assert question is not None and person.full_name in question.text()
    qtbot.mouseClick(question.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    dialog = button.dialog
    assert dialog is not None
    dialog.host.setCurrentIndex(dialog.host.findData(THIS_LAPTOP_ONLY))
    dialog.port.setValue(8791)
    dialog.accept()
    assert button.handle is not None
    with qtbot.waitSignal(button.handle.ended, timeout=30000):
        pass
    assert page.banner.property("kind") == "ok", page.banner.text()
    (new_link,) = pdf_codes(target, tmp_path / "new", (200, 300))  # one card: this person's
    new_token = new_link.split("#", 1)[1]
    assert new_link.startswith("http://127.0.0.1:8791/#") and new_token != old_token

    def holder(token: str) -> str | None:
        found = context.read(lambda s: phones.participant_for_token(s, context.workshop_id, token))
        return found.attendee_id if found is not None else None

    assert holder(old_token) is None
    assert holder(new_token) == person.id


def test_a_phone_card_stamped_before_one_typed_here_is_still_shown(
    qtbot: QtBot, window: MainWindow, context: WorkshopContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The phones' server writes beside the GUI, with the same clock: its card, stamped
    just before one typed here, must not be committed after it and its newer stamp, or
    the board (which reads the cards changed since the newest it showed) never shows it
    (bench/phone_gui.py saw one card in 300 go missing so)."""
    issue_id = window.board.models[0].issue.id
    phone_card = "ซ่อมไฟส่องสว่างถนนเลียบคลองบ้านท่าแพ"
    typed_card = "จัดหาถังขยะแยกประเภทให้ตลาดนัดชุมชนท่าแพ"
    database = context.database
    phone_stamped = threading.Event()
    typed = threading.Event()
    failures: list[BaseException] = []
    clock_now = database.clock.now

    def now_holding_the_phone() -> str:
        stamp = clock_now()
        if threading.current_thread() is phone_writer and not phone_stamped.is_set():
            phone_stamped.set()
            typed.wait(1.0)  # the typed card is stored meanwhile, or waits for the lock
        return stamp

    monkeypatch.setattr(database.clock, "now", now_holding_the_phone)

    def phone_adds_a_card() -> None:  # as the server's writer thread does
        try:
            with database.transaction() as session:
                draft = ideas.IdeaDraft(phone_card)
                ideas.add_idea(session, context.workshop_id, issue_id, draft)
        except BaseException as exc:  # reported below
            failures.append(exc)

    phone_writer = threading.Thread(target=phone_adds_a_card)
    phone_writer.start()
    try:
        assert phone_stamped.wait(10)
        added = context.run(
            lambda s: ideas.add_idea(s, context.workshop_id, issue_id, ideas.IdeaDraft(typed_card)),
            Changes.IDEAS,
        )
    finally:
        typed.set()
        phone_writer.join(10)
    assert added is not None and failures == []
    assert typed_card in _board_texts(window)
    window.phones._from_server.emit(frozenset({"ideas"}))  # the server's change signal
    qtbot.waitUntil(lambda: phone_card in _board_texts(window))


def test_the_server_gives_way_while_the_user_acts_here(
    qtbot: QtBot, window: MainWindow, context: WorkshopContext
) -> None:
    """A user's action here (a card added) asks the phones' server to hold back its own
    work for USER_ACTION_S (tests/participation/test_give_way.py: how it does)."""
    _start(qtbot, window)
    server = window.phones.server
    assert server is not None and server._give_way_for == context.user_action_left
    qtbot.wait(int(USER_ACTION_S * 1000) + 20)
    assert context.user_action_left() == 0.0
    issue_id = window.board.models[0].issue.id
    context.run(
        lambda s: ideas.add_idea(
            s, context.workshop_id, issue_id, ideas.IdeaDraft("ซ่อมสะพานข้ามลำน้ำกก")
        ),
        Changes.IDEAS,
    )
    assert 0.0 < context.user_action_left() <= USER_ACTION_S
    qtbot.waitUntil(lambda: context.user_action_left() == 0.0, timeout=1000)
