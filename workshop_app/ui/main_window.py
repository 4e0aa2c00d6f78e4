"""The main window: one page per stage that exists, menus for files and undo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QWidget,
)

from workshop_app.errors import UserError
from workshop_app.services import idea_import, invitation_import, workshops
from workshop_app.services.voting import RoundResults
from workshop_app.ui import settings
from workshop_app.ui.about_dialog import AboutDialog
from workshop_app.ui.board_data import BoardData
from workshop_app.ui.context import Changes, WorkshopContext
from workshop_app.ui.dialogs import NewWorkshopDialog, OpenWorkshopDialog
from workshop_app.ui.import_dialog import IDEAS, INVITATIONS, ImportPreviewDialog
from workshop_app.ui.pages.action_plan_page import ActionPlanPage
from workshop_app.ui.pages.board_page import BoardPage
from workshop_app.ui.pages.minutes_page import MinutesPage
from workshop_app.ui.pages.registration_page import RegistrationPage
from workshop_app.ui.pages.setup_page import SetupPage
from workshop_app.ui.pages.sync_page import SyncPage
from workshop_app.ui.pages.voting_page import VotingPage
from workshop_app.ui.phone_cards_action import PhoneCardsButton
from workshop_app.ui.phone_panel import PhonePanel, PhoneServerHost
from workshop_app.ui.projector import ProjectorWindow


class MainWindow(QMainWindow):
    # Asks the application to open another database (path) or switch language.
    open_database_requested = Signal(str, str)  # path, workshop id ("" = most recent)
    language_requested = Signal(str)

    def __init__(self, context: WorkshopContext) -> None:
        super().__init__()
        self.context = context
        self.setObjectName("mainWindow")
        self._fit_to_screen(QSize(1280, 800))

        self.nav = QListWidget()
        self.nav.setFixedWidth(190)
        self.nav.setStyleSheet(
            "QListWidget { font-size:13pt; } QListWidget::item { padding:10px; }"
        )
        self.stack = QStackedWidget()
        self.setup_page = SetupPage(context)
        self.registration_page = RegistrationPage(context)
        self.board = BoardData(context)
        self.board_page = BoardPage(context, self.board)
        self.board_page.projector_requested.connect(self.open_projector)
        self.projector: ProjectorWindow | None = None
        self.about_dialog: AboutDialog | None = None
        self.voting_page = VotingPage(context)
        self.voting_page.projector_results.connect(self._results_to_projector)
        # Phones (issue 22): one participant server for the window, its box on the board
        # and voting pages, its join code on the projector.
        self.phones = PhoneServerHost(context, self.board, self)
        self.board_page.add_side_box(PhonePanel(self.phones, full=True))
        self.voting_page.add_round_box(PhonePanel(self.phones, full=False))
        banner = self.registration_page.banner
        self.registration_page.add_button(PhoneCardsButton(self.phones, banner))
        self.registration_page.add_button(
            PhoneCardsButton(self.phones, banner, self.registration_page.current_attendee)
        )
        self._add_page(self.tr("Setup"), self.setup_page)
        self._add_page(self.tr("Registration"), self.registration_page)
        self._add_page(self.tr("Brainstorm"), self.board_page)
        self._add_page(self.tr("Voting"), self.voting_page)
        self.minutes_page = MinutesPage(context)
        self._add_page(self.tr("Minutes"), self.minutes_page)
        self.action_plan_page = ActionPlanPage(context)
        self._add_page(self.tr("Action plan"), self.action_plan_page)
        self.sync_page = SyncPage(context)
        self._add_page(self.tr("Sync"), self.sync_page)
        self.nav.currentRowChanged.connect(self._show_stack_page)
        # A page wider or taller than the screen (a 1366×768 laptop at 125 %) scrolls
        # inside the window instead of making the window larger than the screen.
        self.page_scroll = QScrollArea()
        self.page_scroll.setObjectName("pageScroll")
        self.page_scroll.setWidgetResizable(True)
        self.page_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.page_scroll.setWidget(self.stack)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.nav)
        layout.addWidget(self.page_scroll, 1)
        self.setCentralWidget(central)

        self._build_menus()
        context.changed.connect(self._on_changed)
        context.user_error.connect(self.show_error)
        self.statusBar().showMessage(self.tr("Database: {path}").format(path=context.database.path))
        self._update_title()
        self.show_page(1)  # the door is where a workshop day starts

    def _fit_to_screen(self, preferred: QSize) -> None:
        """The preferred size, or the screen's free area (less the title bar and the
        frame the system adds) when that is smaller; then the window opens maximised."""
        free = self.screen().availableGeometry().size() - QSize(16, 40)
        self.opens_maximised = not (
            preferred.width() <= free.width() and preferred.height() <= free.height()
        )
        self.resize(preferred.boundedTo(free))

    def _add_page(self, title: str, page: QWidget) -> None:
        self.nav.addItem(QListWidgetItem(title))
        page.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.stack.addWidget(page)

    def _show_stack_page(self, index: int) -> None:
        # Only the page on show counts towards the minimum size (a stacked layout takes
        # the largest of all its pages): the others are Ignored.
        for number in range(self.stack.count()):
            policy = QSizePolicy.Policy.Preferred if number == index else QSizePolicy.Policy.Ignored
            page = self.stack.widget(number)
            if page is not None:
                page.setSizePolicy(policy, policy)
        self.stack.setCurrentIndex(index)
        self._results_to_projector(self.voting_page.revealed_results())

    def show_page(self, index: int) -> None:
        self.nav.setCurrentRow(index)

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(
            self._action(
                self.tr("New workshop..."), self.new_workshop, QKeySequence.StandardKey.New
            )
        )
        file_menu.addAction(
            self._action(
                self.tr("Open workshop..."), self.open_workshop, QKeySequence.StandardKey.Open
            )
        )
        file_menu.addAction(self._action(self.tr("Open database file..."), self.open_database_file))
        self.recent_menu = file_menu.addMenu(self.tr("Recent workshops"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(
                self.tr("Import invitation list..."), self.import_invitation_list, "Ctrl+I"
            )
        )
        file_menu.addAction(self._action(self.tr("Import ideas..."), self.import_ideas))
        file_menu.addAction(self._action(self.tr("Back up database now"), self.back_up))
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(self.tr("Quit"), self.close, QKeySequence.StandardKey.Quit)
        )

        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        undo = self.context.undo_stack.createUndoAction(self, self.tr("Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.context.undo_stack.createRedoAction(self, self.tr("Redo"))
        redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        if QKeySequence("Ctrl+Y") not in redo_keys:  # the Windows habit, on every system
            redo_keys.append(QKeySequence("Ctrl+Y"))
        redo.setShortcuts(redo_keys)
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        pages = (
            self.tr("Setup"),
            self.tr("Registration"),
            self.tr("Brainstorm"),
            self.tr("Voting"),
            self.tr("Minutes"),
            self.tr("Action plan"),
            self.tr("Sync"),
        )
        for index, name in enumerate(pages):
            view_menu.addAction(self._action(name, self._page_opener(index), f"Ctrl+{index + 1}"))
        view_menu.addAction(self._action(self.tr("Projector window"), self.open_projector, "F9"))
        language_menu = view_menu.addMenu(self.tr("Language"))
        for code, label in (("th", "ไทย"), ("en", "English")):
            action = self._action(label, self._language_switcher(code))
            action.setCheckable(True)
            action.setChecked(code == self.context.language)
            language_menu.addAction(action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.about_action = self._action(self.tr("About"), self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        help_menu.addAction(self.about_action)

    def _page_opener(self, index: int) -> Callable[[], None]:
        return lambda: self.show_page(index)

    def _language_switcher(self, language: str) -> Callable[[], None]:
        return lambda: self.language_requested.emit(language)

    def _opener(self, db_path: str, workshop_id: str) -> Callable[[], None]:
        return lambda: self.open_database_requested.emit(db_path, workshop_id)

    # --- reacting ------------------------------------------------------------------------------

    def _on_changed(self, changes: Changes) -> None:
        if changes & Changes.WORKSHOP:
            self._update_title()

    def _update_title(self) -> None:
        workshop_id = self.context.workshop_id
        title = self.context.read(lambda s: workshops.get_workshop(s, workshop_id).title)
        self.setWindowTitle(self.tr("{title} — Workshop app").format(title=title))
        settings.remember_workshop(
            settings.settings_store(), str(self.context.database.path), workshop_id, title
        )

    def show_about(self) -> None:
        if self.about_dialog is None:
            self.about_dialog = AboutDialog(self)
        self.about_dialog.open()  # window-modal but not blocking, like the other dialogs

    def show_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 15000)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Cannot do that"), message, parent=self)
        box.setObjectName("userErrorBox")
        box.open()  # window-modal but not blocking: the event loop keeps running

    # --- file actions ---------------------------------------------------------------------------

    def new_workshop(self) -> None:
        dialog = NewWorkshopDialog(self.context.language, self)

        def finished(result: int) -> None:
            if result != NewWorkshopDialog.DialogCode.Accepted:
                return
            workshop_id = self.context.run(
                lambda s: workshops.create_workshop(
                    s,
                    dialog.title.text(),
                    dialog.kind_value(),
                    province=dialog.province.text(),
                    start_date=dialog.date.date(),
                    venue=dialog.venue.text(),
                ),
                Changes.NONE,
            )
            if workshop_id:
                self.open_database_requested.emit(str(self.context.database.path), workshop_id)

        dialog.finished.connect(finished)
        dialog.open()

    def open_workshop(self) -> None:
        summaries = self.context.read(workshops.list_workshops)
        dialog = OpenWorkshopDialog(summaries, self)

        def finished(result: int) -> None:
            chosen = dialog.selected_id()
            if result == OpenWorkshopDialog.DialogCode.Accepted and chosen:
                self.open_database_requested.emit(str(self.context.database.path), chosen)

        dialog.finished.connect(finished)
        dialog.open()

    def open_database_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Open database file"),
            str(self.context.database.path.parent),
            self.tr("Workshop databases (*.sqlite *.db);;All files (*)"),
        )
        if path:
            self.open_database_requested.emit(path, "")

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for db_path, workshop_id, title in settings.RECENT_WORKSHOPS.get(settings.settings_store()):
            label = f"{title}  ({Path(db_path).name})"
            self.recent_menu.addAction(self._action(label, self._opener(db_path, workshop_id)))

    def import_invitation_list(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import invitation list"),
            str(Path.home()),
            self.tr("Spreadsheets (*.xlsx *.csv)"),
        )
        if path:
            self.import_invitation_file(Path(path))

    def import_invitation_file(self, path: Path) -> ImportPreviewDialog | None:
        """Preview the whole file (nothing written); import it once the user accepts."""
        try:
            dialog = ImportPreviewDialog(self.context, path, INVITATIONS, self)
        except UserError as exc:
            self.show_error(exc.message(self.context.language))
            return None

        def accepted() -> None:
            plan = dialog.plan
            assert isinstance(plan, invitation_import.InvitationPlan)
            added = self.context.run(
                lambda s: invitation_import.apply_invitation_plan(
                    s, plan, file_duplicates=dialog.duplicates
                ),
                Changes.ATTENDEES,
            )
            if added is not None:
                self.statusBar().showMessage(
                    self.tr("Imported {count} people.").format(count=added), 15000
                )

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def open_projector(self) -> None:
        """F9 and the board's button: show the projector, or hide it when it is shown."""
        if self.projector is not None and self.projector.isVisible():
            self.projector.leave()
            return
        if self.projector is None:
            self.projector = ProjectorWindow(
                self.board, self.board_page.breaker, self.context.language
            )
            self.projector.shown_changed.connect(self.board_page.set_projector_shown)
            self.projector.leave_requested.connect(self._back_from_projector)
            self.phones.attach_projector(self.projector)
        self._results_to_projector(self.voting_page.revealed_results())
        self.projector.show_on_best_screen(self.screen())
        if self.projector.on_own_screen:
            self.activateWindow()  # typing goes on in this window, not the projector

    def _back_from_projector(self) -> None:
        self.raise_()
        self.activateWindow()

    def _results_to_projector(self, results: object) -> None:
        """Vote results go on the projector only while the voting page is the one shown:
        going back to the board brings the cards back."""
        if self.projector is None:
            return
        on_voting_page = self.stack.currentWidget() is self.voting_page
        revealed = results if isinstance(results, RoundResults) and on_voting_page else None
        self.projector.show_results(revealed)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.phones.stop()  # frees the port for the next window or the next run
        if self.projector is not None:
            self.projector.close()
        super().closeEvent(event)

    def import_ideas(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import ideas"),
            str(Path.home()),
            self.tr("Spreadsheets (*.xlsx *.csv)"),
        )
        if path:
            self.import_idea_file(Path(path))

    def import_idea_file(self, path: Path) -> ImportPreviewDialog | None:
        """Preview the whole file (nothing written), then add every card in one transaction."""
        try:
            dialog = ImportPreviewDialog(self.context, path, IDEAS, self)
        except UserError as exc:
            self.show_error(exc.message(self.context.language))
            return None

        def accepted() -> None:
            plan = dialog.plan
            assert isinstance(plan, idea_import.IdeaImportPlan)
            added = self.context.run(lambda s: idea_import.apply_idea_plan(s, plan), Changes.IDEAS)
            if added is not None:
                self.statusBar().showMessage(
                    self.tr("Imported {count} ideas from {file}.").format(
                        count=added, file=plan.file_name
                    ),
                    15000,
                )

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def back_up(self) -> None:
        try:
            target = self.context.database.backup()
        except UserError as exc:  # full disk, read-only folder (it names the file)
            self.show_error(exc.message(self.context.language))
            return
        self.statusBar().showMessage(self.tr("Backup saved: {path}").format(path=target), 15000)
