"""The GUI under faults of the file: a second program on an open database is told, in
Thai, who holds it; a busy database is a message, never a traceback; a crash report
names the error's type and place, never the data in its message (issue 21)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy.exc import IntegrityError

from workshop_app.db.database import Database, open_database
from workshop_app.errors import safe_traceback
from workshop_app.services.attendees import (
    AttendeeDraft,
    add_attendee,
    get_attendee,
    list_attendees,
)
from workshop_app.services.workshops import create_workshop, list_sectors
from workshop_app.ui.app import GuiController
from workshop_app.ui.context import Changes, WorkshopContext

HOLDER = textwrap.dedent(
    """
    import sys
    from workshop_app.db.database import open_database
    database = open_database(sys.argv[1])
    print("open", flush=True)
    sys.stdin.read()
    """
)


def _message_of_next_box(qtbot: QtBot) -> list[str]:
    """Read and close the next message box the app shows (it blocks while open)."""
    seen: list[str] = []

    def close_box() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.close()
        else:
            QTimer.singleShot(50, close_box)

    QTimer.singleShot(50, close_box)
    return seen


def test_a_second_gui_is_told_in_thai_who_holds_the_file(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "ประชุมจังหวัดสุรินทร์.sqlite"
    database = open_database(path)
    with database.transaction() as session:
        create_workshop(session, "ทบทวนแผนพัฒนาจังหวัดสุรินทร์")
    database.close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        controller = GuiController(app, "en")  # the file's message is Thai by language
        controller.language = "th"
        seen = _message_of_next_box(qtbot)
        assert controller.open(path, None) is False
        assert len(seen) == 1
        assert "เปิดใช้งานอยู่ในโปรแกรมอื่น" in seen[0] and f"(PID) {holder.pid}" in seen[0]
        assert controller.window is None
    finally:
        holder.kill()
        holder.wait(timeout=30)


def test_a_busy_database_is_a_message_and_changes_nothing(
    context: WorkshopContext, db: Database
) -> None:
    shown: list[str] = []
    context.user_error.connect(shown.append)
    sector = context.read(lambda s: list_sectors(s, context.workshop_id)[0].id)
    other = sqlite3.connect(db.path, isolation_level=None)  # another program writing
    try:
        other.execute("BEGIN IMMEDIATE")
        result = context.run(
            lambda s: add_attendee(
                s, context.workshop_id, AttendeeDraft("ณัฐพล", sector, "แสงอรุณ", phone="0861112222")
            ),
            Changes.ATTENDEES,
        )
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert result is None
    assert len(shown) == 1 and "busy in another program" in shown[0]
    assert "0861112222" not in shown[0]


def test_a_crash_report_names_the_error_not_the_data(db: Database, demo_workshop: str) -> None:
    """An unexpected database error's text repeats the statement's values; the report
    (log file and crash dialog) keeps the type and the place only."""
    with db.session() as session:
        someone = next(
            row for row in list_attendees(session, demo_workshop) if row.phone and row.email
        )
    with pytest.raises(IntegrityError) as caught, db.transaction() as session:
        sector = get_attendee(session, someone.id).sector_id
        add_attendee(
            session,
            demo_workshop,
            AttendeeDraft(
                someone.first_name,
                sector,
                someone.last_name,
                phone=someone.phone,
                email=someone.email,
            ),
            attendee_id=someone.id,  # the same id again: the INSERT fails
        )
    assert someone.phone in str(caught.value)  # what used to reach the log
    report = safe_traceback(caught.value)
    assert "sqlalchemy.exc.IntegrityError" in report and "attendees.py" in report
    for value in (someone.phone, someone.email, someone.first_name):
        assert value not in report
