"""Two writers in one process (the GUI thread and the phones' server's writer thread)
share one database and one clock: whichever commits later must stamp later, or a reader
that asks for "what changed since the newest stamp I saw" (the board) misses a card."""

from __future__ import annotations

import sqlite3
import threading
import time
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from workshop_app.db.database import (
    BUSY_TIMEOUT_S,
    Database,
    WriteGate,
    open_database,
    storage_error,
)
from workshop_app.models import Idea, Workshop
from workshop_app.services.ideas import BoardChanges, IdeaDraft, add_idea, board_changes
from workshop_app.services.workshops import add_issue, create_workshop, update_workshop

PHONE_CARD = "ขุดลอกอ่างเก็บน้ำห้วยแม่ปุง ตำบลแม่สุก"
TYPED_CARD = "ติดตั้งระบบประปาหมู่บ้านพลังงานแสงอาทิตย์ บ้านปงคอบ"


def _workshop_with_an_issue(db: Database) -> tuple[str, str]:
    with db.transaction() as session:
        workshop_id = create_workshop(
            session, "ประชุมเชิงปฏิบัติการจัดทำแผนพัฒนาอำเภอแจ้ห่ม จังหวัดลำปาง", province="ลำปาง"
        )
        issue_id = add_issue(session, workshop_id, "น้ำเพื่อการเกษตรและการอุปโภค")
    return workshop_id, issue_id


def test_the_writer_that_commits_later_stamps_later(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Writer A (the phones' server) takes its card's stamp from the shared clock and is
    held right there, inside its flush; writer B (the GUI) adds a card meanwhile. B must
    wait for A (not fail), and the card committed second must carry the later stamp; a
    reader that read right after B's commit finds A's card then, or later among the cards
    changed since the newest stamp it saw."""
    workshop_id, issue_id = _workshop_with_an_issue(db)
    a_stamped = threading.Event()
    a_may_go_on = threading.Event()
    held_the_lock: list[str] = []  # card ids, in the order their writers held the lock
    errors: list[BaseException] = []
    seen_after_b: list[BoardChanges] = []
    clock_now = db.clock.now

    def now_holding_writer_a() -> str:
        stamp = clock_now()
        if threading.current_thread() is thread_a and not a_stamped.is_set():
            a_stamped.set()
            assert a_may_go_on.wait(10)
        return stamp

    monkeypatch.setattr(db.clock, "now", now_holding_writer_a)

    def writer(text: str) -> None:
        try:
            with db.transaction() as session:
                card = add_idea(session, workshop_id, issue_id, IdeaDraft(text))
                held_the_lock.append(card)  # flushed: this transaction holds the lock
            if text == TYPED_CARD:
                with db.session() as session:  # the board, refreshed after B's card
                    seen_after_b.append(board_changes(session, workshop_id))
        except BaseException as exc:  # reported below
            errors.append(exc)

    thread_a = threading.Thread(target=writer, args=(PHONE_CARD,))
    thread_b = threading.Thread(target=writer, args=(TYPED_CARD,))
    thread_a.start()
    try:
        assert a_stamped.wait(10), "writer A never stamped its card"
        thread_b.start()
        thread_b.join(1.0)  # B commits now, or waits for A's write lock
    finally:
        a_may_go_on.set()
        thread_a.join(15)
    thread_b.join(15)
    assert not thread_a.is_alive() and not thread_b.is_alive()
    assert errors == [], f"a writer failed: {errors!r}"

    with db.session() as session:
        cards = session.query(Idea).filter(Idea.workshop_id == workshop_id).all()
        text_of = {card.id: card.text for card in cards}
        stamp_of = {card.text: card.updated_hlc for card in cards}
        first, second = (text_of[card] for card in held_the_lock)
        assert stamp_of[first] < stamp_of[second], (
            f"committed first: {first!r} stamped {stamp_of[first]}; committed second: "
            f"{second!r} stamped {stamp_of[second]}, earlier"
        )
        (seen,) = seen_after_b
        later = board_changes(session, workshop_id, seen.stamp)
    shown = {text_of[card.id] for card in [*seen.cards, *later.cards]}
    assert shown == {PHONE_CARD, TYPED_CARD}, (
        f"the board saw only {sorted(shown)} after remembering the stamp {seen.stamp}"
    )


def test_a_transaction_that_changes_nothing_takes_no_write_lock(db: Database) -> None:
    """Setting a field to the value it has flushes nothing: it must not wait for (or
    take) the write lock, so a read never queues behind another program's write."""
    with db.transaction() as session:
        workshop_id = create_workshop(session, "ประชุมคณะทำงานอำเภอแจ้ห่ม", venue="ห้องประชุมอำเภอ")
    with closing(sqlite3.connect(db.path, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")  # another writer holds the lock throughout
        try:
            start = time.monotonic()
            with db.transaction() as session:
                update_workshop(session, workshop_id, venue="ห้องประชุมอำเภอ")
                session.flush()
                assert session.get(Workshop, workshop_id) is not None
            assert time.monotonic() - start < 1.0, "the unchanged row waited for the lock"
        finally:
            other.execute("ROLLBACK")


def test_writers_of_one_process_take_turns_at_the_gate_and_wake_at_once(tmp_path: Path) -> None:
    """A writer waiting for another one of this process is let in when it ends, not at
    SQLite's next poll (1, 2, 5, 10, 15... ms apart); a gate held too long is refused as
    a busy file is, and a transaction inside another on one thread passes."""
    database = open_database(tmp_path / "gate.sqlite")
    gate = database.write_gate
    entered: list[float] = []

    def second_writer() -> None:
        with database.transaction():
            entered.append(time.perf_counter())

    with database.transaction():
        with database.transaction():  # the same thread: reentrant
            pass
        worker = threading.Thread(target=second_writer)
        worker.start()
        time.sleep(0.12)  # SQLite's busy handler would next look at about 0.133 s
        assert entered == []
        left = time.perf_counter()
    worker.join(5)
    assert entered and entered[0] - left < 0.01

    impatient = WriteGate(timeout_s=0.05)
    with impatient.held():
        failed: list[BaseException] = []

        def refused() -> None:
            try:
                with impatient.held():
                    pass
            except OperationalError as error:
                failed.append(error)

        other = threading.Thread(target=refused)
        other.start()
        other.join(5)
    assert failed and "locked" in str(failed[0])
    assert storage_error(failed[0], database.path).message("en").endswith("Try again.")
    assert gate.timeout_s == BUSY_TIMEOUT_S
