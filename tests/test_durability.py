"""Crash durability of check-in: a process killed with SIGKILL at a random moment never
loses a check-in it had acknowledged, and leaves a database that passes integrity_check.

(This proves the application commits before it acknowledges; surviving a power cut is
what WAL + synchronous=FULL add, which a kill cannot show.)
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select, text

from workshop_app.db.database import open_database
from workshop_app.models import Attendee
from workshop_app.services.attendees import undo_check_in
from workshop_app.services.demo import create_demo_workshop

CHILD = Path(__file__).with_name("durability_child.py")
INVITEES = 2000
START_TIMEOUT_S = 60.0

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)"),
]


@dataclass(frozen=True)
class Template:
    path: Path
    workshop_id: str
    attendee_ids: list[str]  # invitees, none checked in


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    """A large demo workshop whose invitees are all waiting at the door (made once)."""
    path = tmp_path_factory.mktemp("durability") / "template.sqlite"
    database = open_database(path)
    try:
        with database.transaction() as session:
            workshop_id = create_demo_workshop(session, "large", invitees=INVITEES)
            invitees = session.scalars(
                select(Attendee)
                .where(Attendee.workshop_id == workshop_id, Attendee.invited)
                .order_by(Attendee.code)
            ).all()
            for attendee in invitees:
                if attendee.checked_in_at is not None:
                    undo_check_in(session, attendee.id)
            attendee_ids = [a.id for a in invitees]
    finally:
        database.close()
    assert len(attendee_ids) == INVITEES
    return Template(path, workshop_id, attendee_ids)


def _copy(source: Path, target: Path) -> None:
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def _run_and_kill(db_path: Path, ids_file: Path, delay_s: float) -> tuple[list[str], int, str]:
    """Start the child, SIGKILL it ``delay_s`` after its first acknowledgement; return the
    acknowledged ids (complete lines only), its exit status and its stderr."""
    stderr_path = db_path.with_suffix(".stderr")
    with stderr_path.open("w") as stderr:
        child = subprocess.Popen(
            [sys.executable, str(CHILD), str(db_path), str(ids_file)],
            stdout=subprocess.PIPE,
            stderr=stderr,
        )
        assert child.stdout is not None
        stdout = child.stdout
        received: list[bytes] = []
        first = threading.Event()

        def read() -> None:
            for line in iter(stdout.readline, b""):
                received.append(line)
                first.set()
            first.set()  # end of output: stop waiting either way

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        try:
            assert first.wait(START_TIMEOUT_S), "the child acknowledged nothing"
            time.sleep(delay_s)
            os.kill(child.pid, signal.SIGKILL)
        finally:
            if child.poll() is None:
                child.kill()
            child.wait(timeout=30)
            reader.join(timeout=30)
            stdout.close()
    acknowledged = [line.decode().strip() for line in received if line.endswith(b"\n")]
    return acknowledged, child.returncode, stderr_path.read_text()


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_acknowledged_check_ins_survive_sigkill(
    template: Template, tmp_path: Path, seed: int
) -> None:
    """Kill the checking-in process at a random moment (0.2-1.0 s into its work): every id
    it acknowledged is checked in, at most the one in flight is checked in unacknowledged,
    nothing else changed, and SQLite finds the file intact."""
    db_path = tmp_path / "workshop.sqlite"
    _copy(template.path, db_path)
    ids_file = tmp_path / "ids.txt"
    ids_file.write_text("\n".join(template.attendee_ids), encoding="utf-8")
    delay = random.Random(seed).uniform(0.2, 1.0)

    acknowledged, status, stderr = _run_and_kill(db_path, ids_file, delay)

    assert status == -signal.SIGKILL, f"the child was not killed mid-run: {status}\n{stderr}"
    assert acknowledged, stderr
    assert len(acknowledged) < len(template.attendee_ids), "finished before the kill"
    assert acknowledged == template.attendee_ids[: len(acknowledged)]  # in order, no gaps

    database = open_database(db_path)  # recovers the WAL left by the killed process
    try:
        with database.engine.connect() as conn:
            assert conn.execute(text("PRAGMA integrity_check")).scalars().all() == ["ok"]
            assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
        with database.session() as session:
            present = set(
                session.scalars(
                    select(Attendee.id).where(
                        Attendee.workshop_id == template.workshop_id,
                        Attendee.invited,
                        Attendee.checked_in_at.is_not(None),
                    )
                )
            )
    finally:
        database.close()
    lost = [i for i in acknowledged if i not in present]
    assert lost == [], f"{len(lost)} acknowledged check-ins lost"
    unacknowledged = present - set(acknowledged)
    assert len(unacknowledged) <= 1  # committed, killed before it could print
    assert unacknowledged <= set(template.attendee_ids[len(acknowledged) : len(acknowledged) + 1])
