"""The sync page: bundles exported and imported through the page (real SQLite files,
real bundles), the summary of what arrived, conflicts reviewed as undoable steps, the
province key, and the server's password kept out of every store."""

from __future__ import annotations

import datetime as dt
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.sync.replicas import snapshot
from tests.ui.background import outcome_of, result_of, ticks_while_running
from workshop_app.db.database import Database, open_database
from workshop_app.models import WorkshopKind
from workshop_app.services import ideas, workshops
from workshop_app.services.ideas import IdeaDraft
from workshop_app.sync.bundle import export_bundle, import_bundle, read_bundle
from workshop_app.sync.conflicts import Resolution, list_conflicts
from workshop_app.sync.labels import TABLE_LABELS
from workshop_app.sync.tables import SYNCED_TABLES
from workshop_app.ui import commands, settings
from workshop_app.ui.app import install_translator, load_fonts
from workshop_app.ui.context import Changes, WorkshopContext
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.pages.sync_page import SyncPage, split_address

SERVER = "postgresql+psycopg://u@127.0.0.1:1/x"  # nothing listens on port 1
PASSWORD = "s3cret-Pässwörd"


# --- fixtures and helpers ----------------------------------------------------------------------


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> QSettings:
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr(settings, "settings_store", lambda: store)  # keep the user's own
    return store


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Database]:
    """A second laptop's database, with a workshop of its own."""
    database = open_database(tmp_path / "other.sqlite")
    yield database
    database.close()


def other_context(database: Database, language: str = "en") -> WorkshopContext:
    with database.transaction() as session:
        workshop_id = workshops.create_workshop(session, "ประชุมเครื่องที่สอง", WorkshopKind.OTHER)
    return WorkshopContext(database, workshop_id, language)


def make_page(qtbot: QtBot, context: WorkshopContext) -> SyncPage:
    page = SyncPage(context)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    return page


def errors_of(context: WorkshopContext) -> list[str]:
    shown: list[str] = []
    context.user_error.connect(shown.append)
    return shown


def summary(page: SyncPage) -> dict[str, list[str]]:
    model = page.summary_model
    return {
        str(model.index(row, 0).data()): [
            str(model.index(row, column).data()) for column in range(1, model.columnCount())
        ]
        for row in range(model.rowCount())
    }


def summary_headers(page: SyncPage) -> list[str]:
    model = page.summary_model
    return [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]


def idea_text(database: Database, idea_id: str) -> str:
    with database.session() as session:
        return ideas.get_idea(session, idea_id).text


def edit_idea(database: Database, idea_id: str, text: str) -> None:
    with database.transaction() as session:
        ideas.update_idea(session, idea_id, IdeaDraft(text=text))


def first_idea(database: Database, workshop_id: str) -> str:
    with database.session() as session:
        return ideas.list_ideas(session, workshop_id)[0].id


@pytest.fixture
def conflicted(
    qtbot: QtBot, db: Database, demo_workshop: str, other: Database, tmp_path: Path, store: Any
) -> tuple[SyncPage, str]:
    """Two laptops edit the same idea; this one imports the other's bundle (through the
    page), in Thai. The other laptop's edit is later, so it wins and this one's waits."""
    load_fonts()
    export_bundle(db, tmp_path / "base.wsbundle")
    import_bundle(other, tmp_path / "base.wsbundle")
    idea_id = first_idea(db, demo_workshop)
    edit_idea(db, idea_id, "ฉบับเครื่อง ก")
    edit_idea(other, idea_id, "ฉบับเครื่อง ข")
    export_bundle(other, tmp_path / "other.wsbundle")
    page = make_page(qtbot, WorkshopContext(db, demo_workshop, "th"))
    assert result_of(qtbot, page.import_from(tmp_path / "other.wsbundle")) is not None
    return page, idea_id


# --- bundles -----------------------------------------------------------------------------------


def test_every_synced_table_has_a_label() -> None:
    assert {t.name for t in SYNCED_TABLES} <= set(TABLE_LABELS)
    assert TABLE_LABELS["ideas"][0] == "ความคิดเห็น/ข้อเสนอ"
    assert TABLE_LABELS["attendees"][0] == "ผู้เข้าร่วม"


def test_export_then_import_shows_what_arrived(
    qtbot: QtBot,
    context: WorkshopContext,
    other: Database,
    tmp_path: Path,
    store: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sender = make_page(qtbot, context)
    suggested: list[str] = []

    def save_as(_parent: object, _title: str, path: str, _filter: str) -> tuple[str, str]:
        suggested.append(path)
        return str(tmp_path / "to-province"), ""  # typed without the extension

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    qtbot.mouseClick(sender.export_button, Qt.MouseButton.LeftButton)
    assert sender.running_operation is not None and not sender.controls.isEnabled()
    assert ticks_while_running(qtbot, sender.running_operation) > 0  # the window answered
    written = tmp_path / "to-province.wsbundle"
    assert written.is_file()
    assert suggested[0].endswith(".wsbundle") and "ประชุมเชิงปฏิบัติการ" in suggested[0]
    assert sender.message.property("kind") == "ok"
    assert str(written) in sender.message.text() and "row(s) of 1 workshop(s)" in (
        sender.message.text()
    )
    assert not sender.progress.isVisible() and sender.controls.isEnabled()

    receiver_context = other_context(other, "th")
    receiver = make_page(qtbot, receiver_context)
    # A local step that would act on rows which another device's changes may touch.
    receiver_context.undo_stack.push(
        commands.ServiceCommand(
            receiver_context,
            "add issue",
            lambda s: workshops.add_issue(s, receiver_context.workshop_id, "ประเด็นเดิม"),
            lambda s: None,
            Changes.ISSUES,
        )
    )
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_args: (str(written), ""))
    )
    with qtbot.waitSignal(receiver_context.changed) as changed:
        qtbot.mouseClick(receiver.import_button, Qt.MouseButton.LeftButton)
    assert changed.args == [Changes.ALL]  # every page reloads
    assert receiver_context.undo_stack.count() == 0
    shown = summary(receiver)
    assert summary_headers(receiver) == ["Data", "New", "Updated", "Unchanged", "Conflicts"]
    assert shown["ความคิดเห็น/ข้อเสนอ"] == ["60", "0", "0", "0"]
    assert shown["การประชุม"] == ["1", "0", "0", "0"]
    assert list(shown)[-1] == "Total"
    assert "to-province.wsbundle" in receiver.source_label.text()
    assert "not signed" in receiver.source_label.text()
    assert str(dt.date.today().year + 543) in receiver.source_label.text()  # B.E.
    titles = {w.title for w in receiver_context.read(workshops.list_workshops)}
    assert titles == {"ประชุมเครื่องที่สอง", context.read(workshops.list_workshops)[0].title}
    assert snapshot(other)["ideas"] == snapshot(context.database)["ideas"]
    # The same bundle again: nothing new.
    result_of(qtbot, receiver.import_from(written))
    assert summary(receiver)["ความคิดเห็น/ข้อเสนอ"] == ["0", "0", "60", "0"]


def test_an_import_reloads_the_other_pages(
    qtbot: QtBot, context: WorkshopContext, other: Database, tmp_path: Path, store: QSettings
) -> None:
    export_bundle(context.database, tmp_path / "base.wsbundle")
    import_bundle(other, tmp_path / "base.wsbundle")
    window = MainWindow(WorkshopContext(other, context.workshop_id, "en"))
    qtbot.addWidget(window)
    idea_id = first_idea(context.database, context.workshop_id)
    edit_idea(context.database, idea_id, "ถนนเลียบชายหาดชำรุด (แก้ที่เครื่องอื่น)")
    export_bundle(context.database, tmp_path / "later.wsbundle")
    assert "ถนนเลียบชายหาดชำรุด (แก้ที่เครื่องอื่น)" not in {r.text for r in window.board.rows}
    result_of(qtbot, window.sync_page.import_from(tmp_path / "later.wsbundle"))
    assert "ถนนเลียบชายหาดชำรุด (แก้ที่เครื่องอื่น)" in {r.text for r in window.board.rows}
    assert summary(window.sync_page)["Ideas"] == ["0", "1", "59", "0"]


def test_default_name_and_all_workshops(
    qtbot: QtBot, context: WorkshopContext, tmp_path: Path, store: QSettings
) -> None:
    page = make_page(qtbot, context)
    # Cut between words: "จังหวัดสงขลา" is one (a province with its prefix), too long
    # for the 40 characters left.
    assert page.default_bundle_name(dt.date(2026, 3, 7)) == (
        "ประชุมเชิงปฏิบัติการทบทวนแผนพัฒนา 2569-03-07.wsbundle"
    )
    context.run(
        lambda s: workshops.create_workshop(s, "ประชุมอีกงาน", WorkshopKind.OTHER), Changes.NONE
    )
    page.all_workshops.setChecked(True)
    assert page.default_bundle_name(dt.date(2026, 3, 7)) == "workshop 2569-03-07.wsbundle"
    info = result_of(qtbot, page.export_to(tmp_path / "all.zip"))  # .zip is kept
    assert info is not None and len(info.workshops) == 2
    assert (tmp_path / "all.zip").is_file()
    assert settings.BUNDLE_FOLDER.get(store) == str(tmp_path)


def test_a_bundle_without_contact_details(
    qtbot: QtBot, context: WorkshopContext, tmp_path: Path, store: QSettings
) -> None:
    page = make_page(qtbot, context)
    page.without_contacts.setChecked(True)
    info = result_of(qtbot, page.export_to(tmp_path / "for-the-district.wsbundle"))
    assert info is not None and not info.contacts
    assert "Without contact details." in page.message.text()
    _info, rows = read_bundle(tmp_path / "for-the-district.wsbundle")
    assert rows["attendees"] and all(
        (row["phone"], row["email"], row["special_needs"]) == ("", "", "")
        for row in rows["attendees"]
    )


def test_a_damaged_bundle_is_refused_and_nothing_changes(
    qtbot: QtBot, context: WorkshopContext, tmp_path: Path, store: QSettings
) -> None:
    page = make_page(qtbot, context)
    errors = errors_of(context)
    bad = tmp_path / "bad.wsbundle"
    bad.write_bytes(b"not a zip at all")
    context.undo_stack.push(commands.check_in_command(context, _waiting(context)))
    before = snapshot(context.database)
    assert result_of(qtbot, page.import_from(bad)) is None
    assert len(errors) == 1 and "bad.wsbundle" in errors[0] and "not changed" in errors[0]
    assert page.message.property("kind") == "error"
    assert context.undo_stack.count() == 1  # nothing arrived: the history stays
    assert snapshot(context.database) == before


def _waiting(context: WorkshopContext) -> Any:
    from workshop_app.services import attendees

    rows = context.read(lambda s: attendees.list_attendees(s, context.workshop_id))
    return next(r for r in rows if r.checked_in_at is None)


# --- the province key --------------------------------------------------------------------------


def test_with_a_province_key_unsigned_bundles_are_refused(
    qtbot: QtBot,
    context: WorkshopContext,
    other: Database,
    tmp_path: Path,
    store: QSettings,
) -> None:
    key = tmp_path / "songkhla.key"
    key.write_text("a-province-key-of-enough-length\n")
    export_bundle(context.database, tmp_path / "unsigned.wsbundle")
    settings.PROVINCE_KEY.set(store, str(key))
    receiver_context = other_context(other, "th")
    receiver = make_page(qtbot, receiver_context)
    errors = errors_of(receiver_context)
    before = snapshot(other)
    assert result_of(qtbot, receiver.import_from(tmp_path / "unsigned.wsbundle")) is None
    assert len(errors) == 1 and "ไม่มีลายมือชื่อ" in errors[0]
    assert receiver.message.text() == errors[0]
    assert snapshot(other) == before
    assert receiver.summary_model.rowCount() == 0
    # Signed by a page with the key: accepted, and said so.
    sender = make_page(qtbot, context)
    info = result_of(qtbot, sender.export_to(tmp_path / "signed.wsbundle"))
    assert info is not None and info.signed
    assert "Signed and encrypted with the province key" in sender.message.text()
    assert read_bundle(tmp_path / "signed.wsbundle", key.read_bytes().strip())[0].signed
    result = result_of(qtbot, receiver.import_from(tmp_path / "signed.wsbundle"))
    assert result is not None and result.merge.counts("ideas").new == 60
    assert "signed with the province key" in receiver.source_label.text()


def test_choosing_and_clearing_the_key(
    qtbot: QtBot,
    context: WorkshopContext,
    tmp_path: Path,
    store: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = make_page(qtbot, context)
    assert not page.clear_key_button.isEnabled()
    errors = errors_of(context)
    short = tmp_path / "short.key"
    short.write_text("too short")
    assert not page.set_key_file(short)
    assert "too short" in errors[0] and settings.PROVINCE_KEY.get(store) == ""
    key = tmp_path / "province.key"
    key.write_text("0123456789abcdef0123456789abcdef")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_args: (str(key), "")))
    qtbot.mouseClick(page.key_button, Qt.MouseButton.LeftButton)
    assert settings.PROVINCE_KEY.get(store) == str(key)
    assert str(key) in page.key_label.text() and page.clear_key_button.isEnabled()
    qtbot.mouseClick(page.clear_key_button, Qt.MouseButton.LeftButton)
    assert settings.PROVINCE_KEY.get(store) == ""
    assert str(key) not in page.key_label.text()


# --- conflicts ---------------------------------------------------------------------------------


def test_a_conflict_is_listed_with_both_versions(conflicted: tuple[SyncPage, str]) -> None:
    page, _idea_id = conflicted
    assert summary(page)["ความคิดเห็น/ข้อเสนอ"][3] == "1"
    assert page.message.property("kind") == "warn"
    model = page.review.conflict_model
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == "ความคิดเห็น/ข้อเสนอ"
    assert model.index(0, 1).data() == "ฉบับเครื่อง ข"  # the current version names the row
    written = str(model.index(0, 2).data()).replace("\N{NO-BREAK SPACE}", " ")
    assert written.endswith(" น.") and f" {(dt.date.today().year + 543) % 100:02d} " in written
    differences = page.review.difference_model
    assert [differences.index(0, c).data() for c in range(3)] == [
        "ข้อความ",
        "ฉบับเครื่อง ก",
        "ฉบับเครื่อง ข",
    ]
    assert differences.rowCount() == 1  # the search key follows the text: not repeated
    assert "this computer" in page.review.versions_label.text()
    assert page.review.keep_button.isEnabled() and page.review.take_button.isEnabled()


def test_take_this_version_is_one_undo_step(qtbot: QtBot, conflicted: tuple[SyncPage, str]) -> None:
    page, idea_id = conflicted
    context, database = page.context, page.context.database
    with qtbot.waitSignal(context.changed) as changed:
        qtbot.mouseClick(page.review.take_button, Qt.MouseButton.LeftButton)
    assert changed.args == [Changes.ALL]
    assert idea_text(database, idea_id) == "ฉบับเครื่อง ก"
    assert page.review.conflict_model.rowCount() == 0
    assert context.undo_stack.count() == 1
    context.undo_stack.undo()
    assert idea_text(database, idea_id) == "ฉบับเครื่อง ข"
    assert page.review.conflict_model.rowCount() == 1
    assert page.review.difference_model.index(0, 1).data() == "ฉบับเครื่อง ก"
    context.undo_stack.redo()
    assert idea_text(database, idea_id) == "ฉบับเครื่อง ก"
    assert page.review.conflict_model.rowCount() == 0
    # Nothing was lost: the replaced version waits among the resolved ones.
    page.review.show_resolved.setChecked(True)
    shown = page.review.conflict_model.rows()
    replaced = [c for c in shown if c.row.resolution == Resolution.REPLACED]
    assert any(d.this_version == "ฉบับเครื่อง ข" for c in replaced for d in c.differences)


def test_keep_current_hides_it_and_undo_brings_it_back(
    qtbot: QtBot, conflicted: tuple[SyncPage, str]
) -> None:
    page, idea_id = conflicted
    context = page.context
    qtbot.mouseClick(page.review.keep_button, Qt.MouseButton.LeftButton)
    assert idea_text(context.database, idea_id) == "ฉบับเครื่อง ข"
    assert page.review.conflict_model.rowCount() == 0
    assert "No conflicts" in page.review.conflict_count.text()
    page.review.show_resolved.setChecked(True)
    assert page.review.conflict_model.rowCount() == 1
    assert page.review.conflict_model.index(0, 4).data() == "Current kept"
    assert not page.review.keep_button.isEnabled() and page.review.take_button.isEnabled()
    page.review.show_resolved.setChecked(False)
    context.undo_stack.undo()
    assert page.review.conflict_model.rowCount() == 1
    assert page.review.conflict_model.index(0, 4).data() == "Waiting"
    [conflict] = context.read(lambda s: list_conflicts(s, context.workshop_id))
    assert conflict.resolution == Resolution.OPEN
    context.undo_stack.redo()
    assert page.review.conflict_model.rowCount() == 0


def test_the_page_follows_edits_made_elsewhere(
    qtbot: QtBot, conflicted: tuple[SyncPage, str]
) -> None:
    """The current side of a difference is the row as it is now."""
    page, idea_id = conflicted
    context = page.context
    context.run(lambda s: ideas.update_idea(s, idea_id, IdeaDraft(text="ฉบับแก้ใหม่")), Changes.IDEAS)
    assert page.review.difference_model.index(0, 2).data() == "ฉบับแก้ใหม่"


def test_the_models_pass_the_model_tester(
    qtmodeltester: ModelTester, conflicted: tuple[SyncPage, str]
) -> None:
    page, _idea_id = conflicted
    qtmodeltester.check(page.summary_model)
    qtmodeltester.check(page.review.conflict_model)
    qtmodeltester.check(page.review.difference_model)


# --- the server --------------------------------------------------------------------------------


def test_an_unreachable_server_is_explained_and_the_password_kept_nowhere(
    qtbot: QtBot, context: WorkshopContext, tmp_path: Path, store: QSettings
) -> None:
    page = make_page(qtbot, context)
    errors = errors_of(context)
    context.undo_stack.push(commands.check_in_command(context, _waiting(context)))
    before = snapshot(context.database)
    page.server.setText(SERVER)
    page.password.setText(PASSWORD)
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    assert page.running_operation is not None
    assert outcome_of(qtbot, page.running_operation)[0] == "failed"
    assert len(errors) == 1
    assert "127.0.0.1" in errors[0] and PASSWORD not in errors[0]
    assert page.message.property("kind") == "error"
    assert page.controls.isEnabled() and not page.progress.isVisible()
    assert context.undo_stack.count() == 1  # nothing arrived
    assert snapshot(context.database) == before
    assert settings.SYNC_SERVER.get(store) == SERVER
    store.sync()
    stored = (tmp_path / "settings.ini").read_bytes()
    values = " ".join(str(store.value(k)) for k in store.allKeys())
    assert PASSWORD not in values and PASSWORD.encode() not in stored
    assert "s3cret" not in values and b"s3cret" not in stored
    assert page.server.text() == SERVER
    assert page.password.echoMode() == page.password.EchoMode.Password


@pytest.fixture
def silent_server() -> Iterator[str]:
    """An address whose computer takes the connection and never answers (a server
    frozen, or a firewall that swallows packets): libpq waits its whole connect
    timeout. Closing the socket at the end resets the waiting connection."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)  # never accepted: the startup packet is never answered
    port = listener.getsockname()[1]
    try:
        yield f"postgresql+psycopg://planner@127.0.0.1:{port}/yala_plan"
    finally:
        listener.close()


def test_cancel_while_connecting_abandons_the_attempt_at_once(
    qtbot: QtBot, context: WorkshopContext, store: QSettings, silent_server: str
) -> None:
    page = make_page(qtbot, context)
    errors = errors_of(context)
    context.undo_stack.push(commands.check_in_command(context, _waiting(context)))
    before = snapshot(context.database)
    page.server.setText(silent_server)
    operation = page.sync_with_server()
    assert operation is not None
    qtbot.wait(500)  # well inside the connect timeout: still connecting
    assert operation.running
    box = page.cancel_dialog
    assert box is not None and box.isVisible()
    cancel = box.findChild(QPushButton)
    assert cancel is not None
    started = time.monotonic()
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert outcome_of(qtbot, operation, timeout=5000)[0] == "cancelled"
    assert time.monotonic() - started < 1.0
    assert errors == []
    assert page.message.property("kind") == "warn" and page.controls.isEnabled()
    assert snapshot(context.database) == before  # nothing sent, nothing received


def test_a_password_pasted_into_the_address_is_moved_out_of_it(
    qtbot: QtBot, context: WorkshopContext, tmp_path: Path, store: QSettings
) -> None:
    page = make_page(qtbot, context)
    errors_of(context)
    page.server.setText("postgresql+psycopg://u:s3cret@127.0.0.1:1/x")
    operation = page.sync_with_server()
    assert operation is not None
    outcome_of(qtbot, operation)
    assert page.server.text() == SERVER
    assert page.password.text() == "s3cret"  # where it belongs, for the next try
    store.sync()
    assert b"s3cret" not in (tmp_path / "settings.ini").read_bytes()
    assert settings.SYNC_SERVER.get(store) == SERVER
    # A fresh page shows the remembered address, and no password.
    again = make_page(qtbot, context)
    assert again.server.text() == SERVER and again.password.text() == ""


def test_an_address_that_is_not_one_is_explained_and_not_remembered(
    qtbot: QtBot, context: WorkshopContext, store: QSettings
) -> None:
    page = make_page(qtbot, context)
    errors = errors_of(context)
    page.server.setText("province server")
    page.password.setText(PASSWORD)
    operation = page.sync_with_server()
    assert operation is not None and outcome_of(qtbot, operation)[0] == "failed"
    assert "not a server address" in errors[0] and PASSWORD not in errors[0]
    assert settings.SYNC_SERVER.get(store) == ""
    page.server.setText("")
    assert page.sync_with_server() is None
    assert page.message.property("kind") == "warn" and len(errors) == 1


def test_split_address() -> None:
    assert split_address("postgresql+psycopg://u:p%40ss@h:5432/db?sslmode=require") == (
        "postgresql+psycopg://u@h:5432/db?sslmode=require",
        "p@ss",
    )
    assert split_address(SERVER) == (SERVER, None)
    assert split_address("not an address") == ("not an address", None)


# --- in the main window ------------------------------------------------------------------------


def test_the_page_is_last_in_the_window_with_its_shortcut_in_thai(
    qtbot: QtBot, db: Database, demo_workshop: str, store: QSettings
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    load_fonts()
    locale = QLocale()
    translator = install_translator(app, "th")
    try:
        window = MainWindow(WorkshopContext(db, demo_workshop, "th"))
        qtbot.addWidget(window)
        last = window.nav.count() - 1
        assert last == 6 and window.nav.item(last).text() == "ซิงก์ข้อมูล"
        assert window.sync_page is window.stack.widget(last)  # built when first asked for
        view = window.menuBar().actions()[2].menu()
        assert isinstance(view, QMenu)
        action = next(a for a in view.actions() if a.text() == "ซิงก์ข้อมูล")
        assert action.shortcut().toString() == "Ctrl+7"
        action.trigger()
        assert window.stack.currentWidget() is window.sync_page
        page = window.sync_page
        assert page.export_button.text() == "ส่งออกแฟ้มชุดข้อมูล…"
        assert page.review.conflict_count.text() == "ไม่มีรายการรอการตัดสิน"
    finally:
        QLocale.setDefault(locale)
        if translator is not None:
            app.removeTranslator(translator)


def test_a_cancelled_bundle_export_or_import_leaves_no_file_and_changes_nothing(
    qtbot: QtBot, context: WorkshopContext, other: Database, tmp_path: Path, store: QSettings
) -> None:
    page = make_page(qtbot, context)
    folder = tmp_path / "แฟลชไดรฟ์"
    folder.mkdir()
    operation = page.export_to(folder / "ส่งสำนักงานจังหวัดปัตตานี.wsbundle")
    operation.cancel()
    assert outcome_of(qtbot, operation)[0] == "cancelled"
    assert list(folder.iterdir()) == []  # no bundle, no half-written part
    assert page.message.property("kind") == "warn" and page.controls.isEnabled()

    export_bundle(context.database, folder / "ครบ.wsbundle")
    receiver = make_page(qtbot, other_context(other))
    before = snapshot(other)
    imported = receiver.import_from(folder / "ครบ.wsbundle")
    imported.cancel()
    assert outcome_of(qtbot, imported)[0] == "cancelled"
    assert snapshot(other) == before
    assert "nothing was changed" in receiver.message.text()
