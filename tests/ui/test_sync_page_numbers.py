"""The sync page tells who got a new registration number when a merge met two people
with one number (issue 21): after a bundle import and after a sync with a real server,
in Thai. A sync with the server can be cancelled, and the next one carries on."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.postgres import ThrowawayPostgres
from tests.sync.conftest import postgres_server, server_url  # noqa: F401
from tests.sync.replicas import snapshot
from tests.ui.background import outcome_of, result_of
from tests.ui.test_sync_page import make_page, store  # noqa: F401
from workshop_app.db.database import Database, open_database
from workshop_app.models import Attendee, Sector
from workshop_app.services.attendees import AttendeeDraft, add_attendee
from workshop_app.services.workshops import create_workshop
from workshop_app.sync import server
from workshop_app.sync.bundle import export_bundle, import_bundle
from workshop_app.sync.server import sync
from workshop_app.ui.app import install_translator, load_fonts
from workshop_app.ui.context import WorkshopContext


@pytest.fixture
def thai(qtbot: QtBot) -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    load_fonts()
    locale = QLocale()
    translator = install_translator(app, "th")
    yield
    QLocale.setDefault(locale)
    if translator is not None:
        app.removeTranslator(translator)


@pytest.fixture
def two_desks(tmp_path: Path) -> Iterator[tuple[Database, Database, str]]:
    """The main desk's laptop (it made the workshop) and a second desk holding a copy."""
    main_desk = open_database(tmp_path / "โต๊ะลงทะเบียนหลัก.sqlite")
    with main_desk.transaction() as session:
        workshop_id = create_workshop(session, "ประชุมระดมความคิดเห็นแผนพัฒนาจังหวัดน่าน", province="น่าน")
        sector = session.scalars(select(Sector.id).where(Sector.workshop_id == workshop_id)).first()
        assert sector is not None
        for first, last in (("ประยูร", "อินทะวงศ์"), ("ลำดวน", "ไชยมงคล")):
            add_attendee(session, workshop_id, AttendeeDraft(first, sector, last))
    export_bundle(main_desk, tmp_path / "เริ่มงาน.wsbundle")
    second_desk = open_database(tmp_path / "โต๊ะที่สอง.sqlite")
    import_bundle(second_desk, tmp_path / "เริ่มงาน.wsbundle")
    yield main_desk, second_desk, workshop_id
    main_desk.close()
    second_desk.close()


def _give_both_number(
    main_desk: Database, second_desk: Database, workshop_id: str, code: int
) -> None:
    """What a file from an older version holds: each desk numbered a walk-in ``code``."""
    for database, (prefix, first, last) in (
        (main_desk, ("นาง", "บัวผัน", "สุริยะ")),
        (second_desk, ("นาย", "เกรียงไกร", "ปัญญาดี")),
    ):
        with database.transaction() as session:
            sector = session.scalars(
                select(Sector.id).where(Sector.workshop_id == workshop_id)
            ).first()
            assert sector is not None
            draft = AttendeeDraft(first, sector, last, prefix=prefix)
            add_attendee(session, workshop_id, draft, invited=False, code=code)


def _code_of(database: Database, first_name: str) -> int:
    with database.session() as session:
        return session.scalars(select(Attendee.code).where(Attendee.first_name == first_name)).one()


def test_an_import_lists_who_got_a_new_number(
    qtbot: QtBot,
    two_desks: tuple[Database, Database, str],
    tmp_path: Path,
    store: QSettings,  # noqa: F811
    thai: None,
) -> None:
    main_desk, second_desk, workshop_id = two_desks
    _give_both_number(main_desk, second_desk, workshop_id, 17)
    export_bundle(second_desk, tmp_path / "โต๊ะที่สอง.wsbundle")
    page = make_page(qtbot, WorkshopContext(main_desk, workshop_id, "th"))
    assert not page.renumbered_label.isVisible()
    assert result_of(qtbot, page.import_from(tmp_path / "โต๊ะที่สอง.wsbundle")) is not None
    new_code = _code_of(main_desk, "เกรียงไกร")
    assert new_code != 17 and _code_of(main_desk, "บัวผัน") == 17  # the earlier keeps it
    listed = page.renumbered_label.text()
    assert page.renumbered_label.isVisible()
    assert f"เลขทะเบียน 17 ซ้ำกัน: นายเกรียงไกร ปัญญาดี ได้เลขใหม่ {new_code}" in listed
    assert "บัวผัน" not in listed
    assert page.message.property("kind") == "warn"
    assert "1 คนได้เลขทะเบียนใหม่" in page.message.text()
    # An import that renumbers no one clears the list.
    export_bundle(second_desk, tmp_path / "อีกครั้ง.wsbundle")
    result_of(qtbot, page.import_from(tmp_path / "อีกครั้ง.wsbundle"))
    assert not page.renumbered_label.isVisible()


def test_a_sync_lists_who_got_a_new_number(
    qtbot: QtBot,
    two_desks: tuple[Database, Database, str],
    server_url: str,  # noqa: F811
    postgres_server: ThrowawayPostgres,  # noqa: F811
    store: QSettings,  # noqa: F811
    thai: None,
) -> None:
    main_desk, second_desk, workshop_id = two_desks
    sync(main_desk, server_url)
    sync(second_desk, server_url)
    _give_both_number(main_desk, second_desk, workshop_id, 23)
    sync(second_desk, server_url)
    page = make_page(qtbot, WorkshopContext(main_desk, workshop_id, "th"))
    page.server.setText(server_url)
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    assert page.running_operation is not None
    outcome_of(qtbot, page.running_operation)
    assert page.message.property("kind") == "warn", page.message.text()
    new_code = _code_of(main_desk, "เกรียงไกร")
    assert new_code != 23
    assert (
        f"เลขทะเบียน 23 ซ้ำกัน: นายเกรียงไกร ปัญญาดี ได้เลขใหม่ {new_code}" in page.renumbered_label.text()
    )
    # The new number went to the server in the same sync, and on to the second desk.
    sync(second_desk, server_url)
    assert _code_of(second_desk, "เกรียงไกร") == new_code


def test_a_cancelled_sync_keeps_what_was_committed_and_the_next_carries_on(
    qtbot: QtBot,
    context: WorkshopContext,
    tmp_path: Path,
    server_url: str,  # noqa: F811
    postgres_server: ThrowawayPostgres,  # noqa: F811
    store: QSettings,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Small batches, so that the demo workshop takes several and Cancel lands between two.
    monkeypatch.setattr(server, "sync", functools.partial(sync, batch_rows=25))
    page = make_page(qtbot, context)
    page.server.setText(server_url)
    pressed: list[bool] = []

    def press_cancel() -> None:
        dialog = page.cancel_dialog
        # Once rows go out (Cancel while connecting would abandon the sync before any).
        sending = dialog is not None and dialog.labelText().startswith("Sending")
        if dialog is not None and dialog.isVisible() and sending and not pressed:
            button = dialog.findChild(QPushButton)
            assert button is not None and button.text() == "Cancel"
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            pressed.append(True)

    timer = QTimer()
    timer.timeout.connect(press_cancel)
    timer.start(0)  # fires while the sync runs: the window goes on answering
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    assert page.running_operation is not None
    assert outcome_of(qtbot, page.running_operation)[0] == "cancelled"
    timer.stop()
    assert pressed and page.cancel_dialog is None
    assert page.message.property("kind") == "warn"
    cancelled = re.search(r"Sync cancelled after sending (\d+)", page.message.text())
    assert cancelled is not None, page.message.text()
    assert int(cancelled.group(1)) > 0
    assert page.controls.isEnabled() and not page.progress.isVisible()
    # A laptop that syncs now gets part of the workshop; after the next sync, all of it.
    partner = open_database(tmp_path / "สำนักงานจังหวัด.sqlite")
    try:
        sync(partner, server_url)
        assert snapshot(partner)["ideas"] != snapshot(context.database)["ideas"]
        page.server.setText(server_url)
        qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
        assert page.running_operation is not None
        outcome_of(qtbot, page.running_operation)
        assert page.message.property("kind") == "ok", page.message.text()
        assert "new or was restored" not in page.message.text()  # carried on, not afresh
        sync(partner, server_url)
        for table in ("ideas", "attendees", "workshops"):
            assert snapshot(partner)[table] == snapshot(context.database)[table]
    finally:
        partner.close()
