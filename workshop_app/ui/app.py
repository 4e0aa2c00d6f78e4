"""Start the GUI: fonts, translations, the database, the main window (or, on the
provincial server, the provincial view)."""

from __future__ import annotations

import logging
import sqlite3
import sys
from pathlib import Path
from types import TracebackType

import platformdirs
from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy.exc import DBAPIError

from workshop_app import __version__
from workshop_app.db.database import Database, open_database, storage_error
from workshop_app.errors import UserError, safe_traceback
from workshop_app.export.files import remove_abandoned_parts
from workshop_app.resources import font_files, translation_file
from workshop_app.services import workshops
from workshop_app.ui import settings
from workshop_app.ui.app_filter import install_app_behaviour
from workshop_app.ui.context import WorkshopContext, share_the_interpreter_with_the_gui
from workshop_app.ui.dialogs import NewWorkshopDialog
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.thai_layout import DictionaryLoader, install_text_funnel

UI_FONT_FAMILY = "Sarabun"
UI_FONT_POINTS = 11


def load_fonts() -> list[str]:
    """Register the bundled Sarabun files, so Thai renders on a machine without Thai fonts."""
    families: list[str] = []
    for path in font_files():
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return families


def install_translator(app: QApplication, language: str) -> QTranslator | None:
    """English is the source language of the UI strings; Thai comes from the .qm file."""
    if language != "th":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        return None
    QLocale.setDefault(QLocale(QLocale.Language.Thai, QLocale.Country.Thailand))
    translator = QTranslator(app)
    if not translator.load(str(translation_file("th"))):
        raise FileNotFoundError(f"Thai translation missing: {translation_file('th')}")
    app.installTranslator(translator)
    return translator


def make_application(language: str, argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setOrganizationName(settings.ORGANISATION)
    app.setApplicationName(settings.APPLICATION)
    app.setApplicationVersion(__version__)
    share_the_interpreter_with_the_gui()  # worker threads: dictionary, imports, phones
    if app.property("thaiDictionaryLoader") is None:  # once the first window is built
        app.setProperty("thaiDictionaryLoader", True)
        DictionaryLoader(app)
    load_fonts()
    app.setFont(QFont(UI_FONT_FAMILY, UI_FONT_POINTS))
    if app.property("thaiTextFunnel") is None:  # Thai word breaks in tooltips, cells ...
        app.setProperty("thaiTextFunnel", True)
        install_text_funnel(app)
    install_app_behaviour(app)
    return app


def choose_workshop(database: Database, requested: str | None) -> str | None:
    """The requested workshop, else the most recent one in the database, else None."""
    with database.session() as session:
        if requested:
            return workshops.find_workshop_id(session, requested)
        summaries = workshops.list_workshops(session)
    return summaries[0].id if summaries else None


class GuiController(QObject):
    """Owns the open database and the main window; reopens them on request."""

    def __init__(self, app: QApplication, language: str) -> None:
        super().__init__()
        self.app = app
        self.language = language
        self.translator = install_translator(app, language)
        self.database: Database | None = None
        self.window: MainWindow | None = None

    def open(self, db_path: Path, workshop: str | None) -> bool:
        """Open a database and a workshop in it; False (after telling the user) if not."""
        try:
            database = open_database(db_path)
        except UserError as exc:
            self._critical(exc.message(self.language))
            return False
        except (DBAPIError, sqlite3.Error, OSError) as exc:  # full disk, locked, ...
            self._critical(storage_error(exc, db_path).message(self.language))
            return False
        try:
            workshop_id = choose_workshop(database, workshop)
        except UserError as exc:
            database.close()
            self._critical(exc.message(self.language))
            return False
        if workshop_id is None:
            workshop_id = self._create_first_workshop(database)
            if workshop_id is None:
                database.close()
                return False
        self._show(database, workshop_id)
        return True

    def _create_first_workshop(self, database: Database) -> str | None:
        dialog = NewWorkshopDialog(self.language)
        if dialog.exec() != NewWorkshopDialog.DialogCode.Accepted:
            return None
        with database.transaction() as session:
            return workshops.create_workshop(
                session,
                dialog.title.text(),
                dialog.kind_value(),
                province=dialog.province.text(),
                start_date=dialog.date.date(),
                venue=dialog.venue.text(),
            )

    def _show(self, database: Database, workshop_id: str) -> None:
        old_window, old_database = self.window, self.database
        context = WorkshopContext(database, workshop_id, self.language)
        self.window = MainWindow(context)
        self.window.open_database_requested.connect(self._reopen)
        self.window.language_requested.connect(self._switch_language)
        self.database = database
        if self.window.opens_maximised:
            self.window.showMaximized()
        else:
            self.window.show()
        if old_window is not None:
            old_window.close()
            old_window.deleteLater()
        if old_database is not None and old_database is not database:
            old_database.close()

    def _reopen(self, path: str, workshop_id: str) -> None:
        if self.database is not None and Path(path) == self.database.path and workshop_id:
            self._show(self.database, workshop_id)
        else:
            self.open(Path(path), workshop_id or None)

    def _switch_language(self, language: str) -> None:
        if language == self.language or self.window is None or self.database is None:
            return
        settings.LANGUAGE.set(settings.settings_store(), language)
        if self.translator is not None:
            self.app.removeTranslator(self.translator)
        self.language = language
        self.translator = install_translator(self.app, language)
        self._show(self.database, self.window.context.workshop_id)

    def _critical(self, message: str) -> None:
        QMessageBox.critical(None, "Workshop app", message)


def log_path() -> Path:
    return Path(platformdirs.user_log_dir("workshop-app", appauthor=False)) / "workshop-app.log"


def install_crash_handler() -> None:
    """A bug (any exception that is not a UserError) is logged and shown, not swallowed."""
    path = log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    logging.basicConfig(
        filename=path, level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s"
    )

    def report(
        kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        # Type and place only: an error's message may hold a person's data (PDPA).
        details = safe_traceback(error.with_traceback(trace))
        logging.error("unexpected error\n%s", details)
        if sys.__stderr__ is not None:
            sys.__stderr__.write(details)
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            "Workshop app",
            QCoreApplication.translate(
                "CrashDialog",
                "Something went wrong inside the app. Your data is safe: everything "
                "acknowledged on screen was already saved. Details are in {path}.",
            ).format(path=path),
        )
        box.setDetailedText(details)
        box.exec()

    sys.excepthook = report


def run_gui(db_path: Path, workshop: str | None = None, language: str | None = None) -> int:
    install_crash_handler()
    remove_abandoned_parts()  # of exports killed before they finished (export.files)
    app = make_application(language or "th")
    chosen = language or settings.LANGUAGE.get(settings.settings_store())
    controller = GuiController(app, chosen)
    if not controller.open(db_path, workshop):
        return 2
    return app.exec()


def run_provincial_view(url: str, language: str | None = None) -> int:
    """The provincial view: the workshops on the provincial server at ``url`` (a
    SQLAlchemy URL, postgresql+psycopg://...), read-only. The password may be in the URL,
    in PGPASSWORD or in ~/.pgpass; it is never stored."""
    from workshop_app.sync.server import connect_server, server_label
    from workshop_app.ui.provincial_view import ProvincialView

    install_crash_handler()
    app = make_application(language or "th")
    chosen = language or settings.LANGUAGE.get(settings.settings_store())
    translator = install_translator(app, chosen)
    try:
        engine = connect_server(url)
    except UserError as exc:
        QMessageBox.critical(None, "Workshop app", exc.message(chosen))
        return 2
    try:
        window = ProvincialView(engine, server_label(url), chosen)
        window.show()
        return app.exec()
    finally:
        engine.dispose()
        if translator is not None:
            app.removeTranslator(translator)
