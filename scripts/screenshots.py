"""Save screenshots of every page, in Thai and English, for review; the provincial view
too when PostgreSQL's server programs are installed. `make screenshots` runs it in Xvfb
at 1366×768, the screen of most government laptops, with the main window maximised.

Usage: xvfb-run -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb \
       python scripts/screenshots.py OUTPUT_FOLDER   (offscreen when no platform is set)
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from workshop_app.db.database import Database, open_database
from workshop_app.services import ideas
from workshop_app.services.demo import create_demo_workshop
from workshop_app.services.workshops import update_workshop
from workshop_app.sync.bundle import export_bundle, import_bundle
from workshop_app.sync.server import connect_server, server_label, sync
from workshop_app.thai.segment import dictionary
from workshop_app.ui import settings
from workshop_app.ui.app import install_translator, make_application
from workshop_app.ui.context import BackgroundOperation, WorkshopContext
from workshop_app.ui.dialogs import AttendeeDialog, NewWorkshopDialog
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.provincial_view import ProvincialView


def save_shot(widget: QWidget, path: Path) -> None:
    """The widget as it is now, as a PNG; its path printed."""
    widget.grab().save(str(path))
    print(path)


def conflicting_bundle(database: Database, workshop_id: str, folder: Path) -> Path:
    """A bundle from another laptop that edited the first idea while this one did too."""
    other = open_database(folder / "other-laptop.sqlite")
    export_bundle(database, folder / "base.wsbundle")
    import_bundle(other, folder / "base.wsbundle")
    with database.session() as session:
        idea = ideas.list_ideas(session, workshop_id)[0]
    for laptop, text in (
        (database, idea.text + " ในอำเภอสิงหนคร"),
        (other, idea.text + " และพัฒนาบรรจุภัณฑ์เพื่อส่งออก"),  # later: wins
    ):
        with laptop.transaction() as session:
            ideas.update_idea(session, idea.id, ideas.IdeaDraft(text=text))
    path = folder / "จากเครื่องกลุ่มย่อย 2569-03-07.wsbundle"
    export_bundle(other, path)
    other.close()
    return path


def wait_while(busy: Callable[[], bool], limit_s: float = 120) -> None:
    """Let the event loop run while work goes on in the background."""
    deadline = time.monotonic() + limit_s
    while busy() and time.monotonic() < deadline:
        QTest.qWait(20)


def wait_for(operation: BackgroundOperation[Any]) -> None:
    wait_while(lambda: operation.running)


def provincial_view_shots(out: Path, app: QApplication, folder: Path) -> None:
    """The provincial view on a throwaway PostgreSQL server that two laptops synced their
    workshops to, a duplicate pair across them chosen. Skipped without PostgreSQL."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/ is not installed
    from tests.postgres import ThrowawayPostgres

    try:
        server = ThrowawayPostgres()
    except RuntimeError as exc:
        print(f"no provincial view screenshots: {exc}")
        return
    with server:
        url = server.create_database()
        for name, seed in (("district-a", 2569), ("district-b", 7)):
            laptop = open_database(folder / f"{name}.sqlite")
            with laptop.transaction() as session:
                workshop_id = create_demo_workshop(session, "small", seed=seed)
                if name == "district-b":
                    update_workshop(
                        session,
                        workshop_id,
                        title="ประชุมรับฟังความคิดเห็นร่างแผนพัฒนาจังหวัดสงขลา อำเภอหาดใหญ่",
                    )
            sync(laptop, url)
            laptop.close()
        engine = connect_server(url)
        try:
            for language in ("th", "en"):
                translator = install_translator(app, language)
                window = ProvincialView(engine, server_label(url), language)
                window.show()
                wait_while(window.busy)  # the server is read in the background
                window.select_workshops([r.id for r in window.workshop_model.rows()])
                window.show_selection()
                wait_while(window.busy)
                pairs = window.duplicate_model.rows()
                # A pair that is alike but not the same text shows what the finder does.
                chosen = next((n for n, p in enumerate(pairs) if p.score < 0.99), 0)
                window.duplicate_view.selectRow(chosen)
                QApplication.processEvents()
                save_shot(window, out / f"provincial-{language}.png")
                window.close()
                if translator is not None:
                    app.removeTranslator(translator)
        finally:
            engine.dispose()


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = make_application("th")
    # The pages as a user sees them: the Thai dictionary loads in the background once the
    # first window is up, a moment before anyone reaches the board (load it now).
    dictionary()
    with tempfile.TemporaryDirectory() as folder:
        # The user's own settings stay untouched (and a province key set there would
        # refuse the unsigned bundle of the sync shots).
        store = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        settings.settings_store = lambda: store
        database = open_database(Path(folder) / "demo.sqlite")
        with database.transaction() as session:
            workshop_id = create_demo_workshop(session, "large")
        bundle: Path | None = None
        for language in ("th", "en"):
            translator = install_translator(app, language)
            window = MainWindow(WorkshopContext(database, workshop_id, language))
            window.show()
            # As on the laptop: maximised (there is no window manager to do it under Xvfb).
            window.setGeometry(window.screen().availableGeometry())
            for index, name in enumerate(("setup", "registration", "board")):
                window.show_page(index)
                if name == "registration":
                    window.registration_page.search.setText("สม")
                if name == "board":
                    window.board_page.entry.setText("ส่งเสริมการแปรรูปยางพาราเพื่อเพิ่มมูลค่า")
                    window.board_page.update_suggestions()
                QApplication.processEvents()
                save_shot(window, out / f"{name}-{language}.png")
            # Minutes: the agenda item that reports the results, and the PDF preview.
            window.show_page(4)
            window.minutes_page.agenda.setCurrentRow(3)
            window.minutes_page.update_preview()
            QTest.qWait(50)  # the preview the page asked for when shown starts over
            wait_while(window.minutes_page.previewing)  # written in the background
            QTest.qWait(1500)  # QPdfView renders its pages in the background
            save_shot(window, out / f"minutes-{language}.png")
            # Action plan: the first project of issue 1 and the totals.
            window.show_page(5)
            QApplication.processEvents()
            save_shot(window, out / f"action-plan-{language}.png")
            window.open_projector()
            projector = window.projector
            assert projector is not None
            window.board.countdown.set_minutes(15)
            for show_all in (False, True):
                window.board.set_show_all(show_all)
                QApplication.processEvents()
                save_shot(projector, out / f"projector{'-all' if show_all else ''}-{language}.png")
            window.board.set_show_all(False)
            # Voting: the first demo round (dots, stickers per sector) on each tab, its
            # results revealed on the projector, and the ballot screen of the open round.
            window.show_page(3)
            voting = window.voting_page
            voting.select_round(voting.rounds[0].id)
            for tab, name in enumerate(("results", "tallies", "ballots")):
                voting.tabs.setCurrentIndex(tab)
                QApplication.processEvents()
                save_shot(window, out / f"voting-{name}-{language}.png")
            voting.tabs.setCurrentIndex(0)
            voting.reveal.setChecked(True)
            QApplication.processEvents()
            save_shot(projector, out / f"projector-results-{language}.png")
            voting.context.undo_stack.undo()  # hide them again
            voting.select_round(voting.rounds[-1].id)
            voting.open_ballot_screen()
            screen = voting.ballot_screen
            assert screen is not None
            screen.code.setText("1")
            screen.identify()
            QApplication.processEvents()
            save_shot(screen, out / f"ballot-screen-{language}.png")
            screen.close()
            projector.close()
            page = window.registration_page
            page.search.setText("วิมลรัตน์ ทดสอบงาน")
            page.open_walk_in()
            QApplication.processEvents()
            dialog = page.findChild(AttendeeDialog)
            if dialog is not None:
                save_shot(dialog, out / f"walk-in-{language}.png")
                dialog.reject()
            new_dialog = NewWorkshopDialog(language)
            new_dialog.show()
            QApplication.processEvents()
            save_shot(new_dialog, out / f"new-workshop-{language}.png")
            new_dialog.close()
            # Sync: a bundle from another laptop imported, its summary, and a conflict.
            if bundle is None:
                bundle = conflicting_bundle(database, workshop_id, Path(folder))
            window.show_page(6)
            wait_for(window.sync_page.import_from(bundle))
            QApplication.processEvents()
            save_shot(window, out / f"sync-{language}.png")
            window.close()
            if translator is not None:
                app.removeTranslator(translator)
        database.close()
        provincial_view_shots(out, app, Path(folder))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
