"""The main window: one page per stage that exists, menus for files and undo.

Pages are built the first time they are shown (or asked for): building all seven read
the whole workshop and imported every page's modules before the first window could
show, which was most of the start-up time. A page built later reads the data as it is
then, so what it shows is the same as if it had been built at start and kept current.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Signal
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
from sqlalchemy.orm import Session

from workshop_app.errors import UserError
from workshop_app.services import workshops
from workshop_app.ui import settings
from workshop_app.ui.context import (
    BackgroundOperation,
    Changes,
    Progress,
    WorkshopContext,
    spare_the_collector,
)

# What the first window does not need is imported when it is first used (start-up time).
if TYPE_CHECKING:
    from workshop_app.services.voting import RoundResults
    from workshop_app.ui.about_dialog import AboutDialog
    from workshop_app.ui.board_data import BoardData
    from workshop_app.ui.import_dialog import FirstPreview, ImportPreviewDialog
    from workshop_app.ui.pages.action_plan_page import ActionPlanPage
    from workshop_app.ui.pages.board_page import BoardPage
    from workshop_app.ui.pages.minutes_page import MinutesPage
    from workshop_app.ui.pages.registration_page import RegistrationPage
    from workshop_app.ui.pages.setup_page import SetupPage
    from workshop_app.ui.pages.sync_page import SyncPage
    from workshop_app.ui.pages.voting_page import VotingPage
    from workshop_app.ui.phone_panel import PhoneServerHost
    from workshop_app.ui.projector import ProjectorWindow

PageType = TypeVar("PageType", bound=QWidget)

# The pages in the order of the navigation list (and of the View menu's Ctrl+1 ... 7).
SETUP, REGISTRATION, BRAINSTORM, VOTING, MINUTES, ACTION_PLAN, SYNC = range(7)


class MainWindow(QMainWindow):
    # Asks the application to open another database (path) or switch language.
    open_database_requested = Signal(str, str)  # path, workshop id ("" = most recent)
    language_requested = Signal(str)

    def __init__(self, context: WorkshopContext) -> None:
        super().__init__()
        self.context = context
        self.setObjectName("mainWindow")
        # The import preview shown last (one kept: a preview holds its whole file) and
        # the import written last, which tests wait for.
        self.import_preview: ImportPreviewDialog | None = None
        self.running_import: BackgroundOperation[int] | None = None
        self._fit_to_screen(QSize(1280, 800))

        self.nav = QListWidget()
        self.nav.setFixedWidth(190)
        self.nav.setStyleSheet(
            "QListWidget { font-size:13pt; } QListWidget::item { padding:10px; }"
        )
        self.stack = QStackedWidget()
        self.projector: ProjectorWindow | None = None
        self.about_dialog: AboutDialog | None = None
        self._board: BoardData | None = None
        self._phones: PhoneServerHost | None = None
        self._builders: dict[int, Callable[[], QWidget]] = {
            SETUP: self._build_setup_page,
            REGISTRATION: self._build_registration_page,
            BRAINSTORM: self._build_board_page,
            VOTING: self._build_voting_page,
            MINUTES: self._build_minutes_page,
            ACTION_PLAN: self._build_action_plan_page,
            SYNC: self._build_sync_page,
        }
        self._built: dict[int, QWidget] = {}
        for title in self._page_titles():
            self._add_page(title, QWidget())  # a place holder until the page is built
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

    def _page_titles(self) -> tuple[str, ...]:
        return (
            self.tr("Setup"),
            self.tr("Registration"),
            self.tr("Brainstorm"),
            self.tr("Voting"),
            self.tr("Minutes"),
            self.tr("Action plan"),
            self.tr("Sync"),
        )

    def _add_page(self, title: str, page: QWidget) -> None:
        self.nav.addItem(QListWidgetItem(title))
        page.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.stack.addWidget(page)

    # --- the pages, each built when first needed --------------------------------------------

    def _page(self, index: int, kind: type[PageType]) -> PageType:
        """The page at ``index``, built now if it was not yet; it takes its place holder's
        place in the stack."""
        page = self._built.get(index)
        if page is None:
            page = self._builders[index]()
            placeholder = self.stack.widget(index)
            shown = self.stack.currentIndex() == index
            policy = QSizePolicy.Policy.Preferred if shown else QSizePolicy.Policy.Ignored
            page.setSizePolicy(policy, policy)
            self.stack.insertWidget(index, page)
            if shown:
                self.stack.setCurrentIndex(index)
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            self._built[index] = page
        assert isinstance(page, kind)
        return page

    @property
    def board(self) -> BoardData:
        """The cards of every issue, shared by the board page and the projector."""
        if self._board is None:
            from workshop_app.ui.board_data import BoardData

            self._board = BoardData(self.context)
        return self._board

    @property
    def phones(self) -> PhoneServerHost:
        """The window's participant server (issue 22): its box is on the board and voting
        pages, its card buttons on the registration page, its join code on the projector."""
        if self._phones is None:
            from workshop_app.ui.phone_panel import PhoneServerHost

            self._phones = PhoneServerHost(self.context, lambda: self.board, self)
        return self._phones

    @property
    def setup_page(self) -> SetupPage:
        from workshop_app.ui.pages.setup_page import SetupPage

        return self._page(SETUP, SetupPage)

    @property
    def registration_page(self) -> RegistrationPage:
        from workshop_app.ui.pages.registration_page import RegistrationPage

        return self._page(REGISTRATION, RegistrationPage)

    @property
    def board_page(self) -> BoardPage:
        from workshop_app.ui.pages.board_page import BoardPage

        return self._page(BRAINSTORM, BoardPage)

    @property
    def voting_page(self) -> VotingPage:
        from workshop_app.ui.pages.voting_page import VotingPage

        return self._page(VOTING, VotingPage)

    @property
    def minutes_page(self) -> MinutesPage:
        from workshop_app.ui.pages.minutes_page import MinutesPage

        return self._page(MINUTES, MinutesPage)

    @property
    def action_plan_page(self) -> ActionPlanPage:
        from workshop_app.ui.pages.action_plan_page import ActionPlanPage

        return self._page(ACTION_PLAN, ActionPlanPage)

    @property
    def sync_page(self) -> SyncPage:
        from workshop_app.ui.pages.sync_page import SyncPage

        return self._page(SYNC, SyncPage)

    def _build_setup_page(self) -> QWidget:
        from workshop_app.ui.pages.setup_page import SetupPage

        return SetupPage(self.context)

    def _build_registration_page(self) -> QWidget:
        from workshop_app.ui.pages.registration_page import RegistrationPage
        from workshop_app.ui.phone_cards_action import PhoneCardsButton
        from workshop_app.ui.signin_sheet_action import SigninSheetButton

        page = RegistrationPage(self.context)
        page.add_button(SigninSheetButton(self.phones, page.banner))
        page.add_button(PhoneCardsButton(self.phones, page.banner))
        page.add_button(PhoneCardsButton(self.phones, page.banner, page.current_attendee))
        return page

    def _build_board_page(self) -> QWidget:
        from workshop_app.ui.pages.board_page import BoardPage
        from workshop_app.ui.phone_panel import PhonePanel

        page = BoardPage(self.context, self.board)
        page.projector_requested.connect(self.open_projector)
        page.add_side_box(PhonePanel(self.phones, full=True))
        return page

    def _build_voting_page(self) -> QWidget:
        from workshop_app.ui.pages.voting_page import VotingPage
        from workshop_app.ui.phone_panel import PhonePanel

        page = VotingPage(self.context)
        page.projector_results.connect(self._results_to_projector)
        page.add_round_box(PhonePanel(self.phones, full=False))
        return page

    def _build_minutes_page(self) -> QWidget:
        from workshop_app.ui.pages.minutes_page import MinutesPage

        return MinutesPage(self.context)

    def _build_action_plan_page(self) -> QWidget:
        from workshop_app.ui.pages.action_plan_page import ActionPlanPage

        return ActionPlanPage(self.context)

    def _build_sync_page(self) -> QWidget:
        from workshop_app.ui.pages.sync_page import SyncPage

        return SyncPage(self.context)

    def _revealed_results(self) -> RoundResults | None:
        """The vote results the facilitator put on the projector; none before the voting
        page was ever built (results go on the projector only from that page)."""
        return self.voting_page.revealed_results() if VOTING in self._built else None

    def _show_stack_page(self, index: int) -> None:
        built_now = index not in self._built
        if 0 <= index < self.stack.count():
            self._page(index, QWidget)
        # Only the page on show counts towards the minimum size (a stacked layout takes
        # the largest of all its pages): the others are Ignored.
        for number in range(self.stack.count()):
            policy = QSizePolicy.Policy.Preferred if number == index else QSizePolicy.Policy.Ignored
            page = self.stack.widget(number)
            if page is not None:
                page.setSizePolicy(policy, policy)
        self.stack.setCurrentIndex(index)
        if built_now and self.isVisible():
            # A page built into a window on screen: its layouts settle now, before it is
            # first painted (a scroll area learns its contents' size one layout request
            # at a time), as they did when every page was built before the window showed.
            for _ in range(4):
                QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        if built_now:
            spare_the_collector()  # the page lives as long as the window
        self._results_to_projector(self._revealed_results())

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
        for index, name in enumerate(self._page_titles()):
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
            from workshop_app.ui.about_dialog import AboutDialog

            self.about_dialog = AboutDialog(self)
        self.about_dialog.open()  # window-modal but not blocking, like the other dialogs

    def show_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 15000)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Cannot do that"), message, parent=self)
        box.setObjectName("userErrorBox")
        box.open()  # window-modal but not blocking: the event loop keeps running

    # --- file actions ---------------------------------------------------------------------------

    def new_workshop(self) -> None:
        from workshop_app.ui.dialogs import NewWorkshopDialog

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
        from workshop_app.ui.dialogs import OpenWorkshopDialog

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

    def import_invitation_file(self, path: Path) -> BackgroundOperation[FirstPreview]:
        """Preview the whole file (nothing written); import it once the user accepts."""
        from workshop_app.services import invitation_import
        from workshop_app.ui.import_dialog import INVITATIONS

        def write(dialog: ImportPreviewDialog) -> None:
            plan = dialog.plan
            assert isinstance(plan, invitation_import.InvitationPlan)
            duplicates = dialog.duplicates
            self._write_import(
                lambda s, rows: invitation_import.apply_invitation_plan(
                    s, plan, file_duplicates=duplicates, progress=rows
                ),
                Changes.ATTENDEES,
                self.tr("Importing {count} people…").format(count=f"{len(plan.invitees):,}"),
                lambda added: self.tr("Imported {count} people.").format(count=f"{added:,}"),
            )

        return self._preview_import(path, INVITATIONS, write)

    def _preview_import(
        self, path: Path, kind: str, write: Callable[[ImportPreviewDialog], None]
    ) -> BackgroundOperation[FirstPreview]:
        """Read and check the file in the background (progress, Cancel), then show what
        would be imported; ``write`` once the user accepts. A file that cannot be read
        is one message and no dialog."""
        from workshop_app.ui.import_dialog import ImportPreviewDialog, start_preview
        from workshop_app.ui.widgets import progress_box

        operation = start_preview(self.context, path, kind, self)
        progress_box(self, operation, self.tr("Reading {file}…").format(file=path.name))

        def opened(first: FirstPreview) -> None:
            dialog = ImportPreviewDialog(self.context, path, kind, first, self)
            dialog.accepted.connect(lambda: write(dialog))
            if self.import_preview is not None:
                self.import_preview.deleteLater()  # closed long since
            self.import_preview = dialog
            dialog.open()

        operation.succeeded.connect(opened)
        operation.failed.connect(self.show_error)
        return operation

    def _write_import(
        self,
        write: Callable[[Session, Callable[[int, int], None]], int],
        changes: Changes,
        text: str,
        done: Callable[[int], str],
    ) -> BackgroundOperation[int]:
        """Write an accepted import in the background, all or nothing: one transaction,
        which a refusal or Cancel (up to its commit) leaves unwritten."""
        from workshop_app.ui.widgets import progress_box

        def work(session: Session, progress: Progress) -> int:
            def rows(done: int, total: int) -> None:  # Cancel: all is rolled back
                progress.report(done, total, "write")

            added = write(session, rows)
            progress.report(added, added, "commit")  # the last point Cancel rolls back
            return added

        operation = self.context.run_in_background(work, changes, writes=True, owner=self)
        self.running_import = operation
        progress_box(self, operation, text)
        operation.succeeded.connect(lambda added: self.statusBar().showMessage(done(added), 15000))
        operation.failed.connect(self.show_error)
        operation.cancelled.connect(
            lambda: self.statusBar().showMessage(
                self.tr("Import cancelled: nothing was added."), 15000
            )
        )
        return operation

    def open_projector(self) -> None:
        """F9 and the board's button: show the projector, or hide it when it is shown."""
        if self.projector is not None and self.projector.isVisible():
            self.projector.leave()
            return
        if self.projector is None:
            from workshop_app.ui.projector import ProjectorWindow

            board_page = self.board_page  # built now if not yet: its breaker is needed
            self.projector = ProjectorWindow(self.board, board_page.breaker, self.context.language)
            self.projector.shown_changed.connect(board_page.set_projector_shown)
            board_page.relayout_cards.connect(self.projector.relayout)
            self.projector.leave_requested.connect(self._back_from_projector)
            self.phones.attach_projector(self.projector)
        self._results_to_projector(self._revealed_results())
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
        from workshop_app.services.voting import RoundResults

        on_voting_page = self.stack.currentIndex() == VOTING and VOTING in self._built
        revealed = results if isinstance(results, RoundResults) and on_voting_page else None
        self.projector.show_results(revealed)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._phones is not None:
            self._phones.stop()  # frees the port for the next window or the next run
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

    def import_idea_file(self, path: Path) -> BackgroundOperation[FirstPreview]:
        """Preview the whole file (nothing written), then add every card in one transaction."""
        from workshop_app.services import idea_import
        from workshop_app.ui.import_dialog import IDEAS

        def write(dialog: ImportPreviewDialog) -> None:
            plan = dialog.plan
            assert isinstance(plan, idea_import.IdeaImportPlan)
            self._write_import(
                lambda s, rows: idea_import.apply_idea_plan(s, plan, rows),
                Changes.IDEAS,
                self.tr("Importing {count} ideas…").format(count=f"{len(plan.ideas):,}"),
                lambda added: self.tr("Imported {count} ideas from {file}.").format(
                    count=f"{added:,}", file=plan.file_name
                ),
            )

        return self._preview_import(path, IDEAS, write)

    def back_up(self) -> None:
        try:
            target = self.context.database.backup()
        except UserError as exc:  # full disk, read-only folder (it names the file)
            self.show_error(exc.message(self.context.language))
            return
        self.statusBar().showMessage(self.tr("Backup saved: {path}").format(path=target), 15000)
