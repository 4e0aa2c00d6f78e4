"""The projector window: what the room reads from the back of a hotel ballroom.

A second top-level window, full screen: on the second screen when one is attached, and
on top of the main window on a laptop alone (or mirrored onto the projector). It shows
the current issue's cards in large Sarabun type (or all issues side by side), the
workshop title and issue in a plain header, and the facilitator's countdown. It reads
the same models as the board page, so it shows each card the moment it is typed.

The type size follows the screen (the window's height) and how many cards are shown
(few cards, larger type); Ctrl+Plus / Ctrl+Minus move it up or down from there. Esc
leaves the projector (back to the main window), F9 shows or hides it, F11 switches
between full screen and a window.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QGuiApplication,
    QHideEvent,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
    QScreen,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from workshop_app.services.voting import RoundResults
from workshop_app.ui.board_data import BoardData
from workshop_app.ui.card_delegate import BOARD_BACKGROUND, CardDelegate
from workshop_app.ui.card_view import CardView
from workshop_app.ui.join_panel import JoinPanel
from workshop_app.ui.results_chart import ResultsChart
from workshop_app.ui.thai_layout import Breaker, ThaiLabel

DEFAULT_POINT_SIZE = 26.0  # on a window 900 px high showing a dozen cards
REFERENCE_HEIGHT = 900
GRID_COLUMNS = 3  # cards per row for one issue
# Cards shown -> type size factor: a handful fills the screen, a long list stays readable.
CARD_COUNT_FACTORS = ((6, 1.4), (12, 1.15), (24, 1.0), (48, 0.85))
MANY_CARDS_FACTOR = 0.75


def auto_point_size(window_height: int, cards: int) -> float:
    """The type size for a window of this height showing this many cards."""
    factor = next((f for most, f in CARD_COUNT_FACTORS if cards <= most), MANY_CARDS_FACTOR)
    return round(DEFAULT_POINT_SIZE * max(window_height, 300) / REFERENCE_HEIGHT * factor)


def _card_view(delegate: CardDelegate) -> CardView:
    view = CardView(delegate)
    view.follows_newest = True  # the room watches the newest card
    view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return view


class ProjectorWindow(QWidget):
    shown_changed = Signal(bool)  # the projector was shown (True) or hidden (False)
    leave_requested = Signal()  # Esc: back to the main window

    def __init__(self, board: BoardData, breaker: Breaker, language: str = "th") -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("projectorWindow")
        self.board = board
        # The facilitator keeps typing in the main window while this one opens.
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setStyleSheet(f"ProjectorWindow {{ background:{BOARD_BACKGROUND}; }}")
        self.point_size = DEFAULT_POINT_SIZE
        self.on_own_screen = False  # full screen on a second screen, or over the main window
        self.zoom_points = 0.0  # the facilitator's Ctrl+Plus / Ctrl+Minus on the automatic size
        self._auto_size = DEFAULT_POINT_SIZE

        self.title = ThaiLabel()
        self.title.setObjectName("projectorTitle")
        self.issue = ThaiLabel()
        self.issue.setObjectName("projectorIssue")
        self.count = QLabel()
        self.count.setObjectName("projectorCount")
        self.timer = QLabel()
        self.timer.setObjectName("projectorTimer")
        self.timer.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header_text = QVBoxLayout()
        header_text.addWidget(self.title)
        header_text.addWidget(self.issue)
        header = QHBoxLayout()
        header.addLayout(header_text, 1)
        header.addWidget(self.count)
        header.addWidget(self.timer)

        # One issue: a grid of large cards, several per row.
        self.single_delegate = CardDelegate(breaker, self.point_size, language, self)
        self.single_view = _card_view(self.single_delegate)
        self.single_view.setObjectName("projectorCards")
        self.single_view.setFlow(QListView.Flow.LeftToRight)
        self.single_view.setWrapping(True)
        self.single_view.cards_added.connect(self._follow_new_card)
        self.single_view.setSpacing(6)
        # All issues: one column each, smaller type.
        self.all_delegate = CardDelegate(breaker, self.point_size * 0.6, language, self)
        self.all_widget = QWidget()  # one column per issue; made again when issues change
        self.all_views: list[tuple[ThaiLabel, CardView]] = []

        # Vote results, once the facilitator reveals them on the voting page.
        self.results: RoundResults | None = None
        self.results_chart = ResultsChart(self.point_size * 0.7)
        self.results_chart.setObjectName("projectorResults")

        self.stack = QStackedWidget()
        self.stack.addWidget(self.single_view)
        self.stack.addWidget(self.all_widget)
        self.stack.addWidget(self.results_chart)
        # How to join from a phone (QR code, address, walk-in code), beside the cards
        # while the facilitator shows it (ui/phone_panel.py).
        self.join_panel = JoinPanel()
        self.stack.setMinimumWidth(1)  # the panel narrows the cards, never widens the window
        body = QHBoxLayout()
        body.addWidget(self.stack, 1)
        body.addWidget(self.join_panel)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(body, 1)

        for keys, step in (("Ctrl++", 2.0), ("Ctrl+=", 2.0), ("Ctrl+-", -2.0)):
            QShortcut(QKeySequence(keys), self).activated.connect(lambda step=step: self.zoom(step))
        QShortcut(QKeySequence("F11"), self).activated.connect(self.toggle_full_screen)
        QShortcut(QKeySequence("F9"), self).activated.connect(self.leave)
        board.issues_changed.connect(self._rebuild)
        board.current_changed.connect(lambda _index: self._show_current())
        board.cards_changed.connect(self._update_header)
        board.title_changed.connect(self._title_changed)
        board.show_all_changed.connect(lambda _on: self._show_current())
        board.countdown.changed.connect(self._update_timer)
        self._fonts()
        self._title_changed(board.title)
        self._rebuild()
        self._update_timer()

    def _title_changed(self, title: str) -> None:
        self.setWindowTitle(self.tr("Projector — {title}").format(title=title))
        self.title.setText(title)

    # --- showing --------------------------------------------------------------------------

    def show_on_best_screen(self, main_screen: QScreen | None = None) -> None:
        """Full screen on a screen other than the main window's if there is one;
        otherwise full screen on the one screen, on top (Esc or F9 leaves)."""
        main = main_screen or QGuiApplication.primaryScreen()
        others = [s for s in QGuiApplication.screens() if s is not main]
        target = others[0] if others else main
        self.on_own_screen = bool(others)
        self.setScreen(target)
        self.setGeometry(target.geometry())
        self.showFullScreen()
        self.raise_()
        if not others:
            self.activateWindow()  # on top of the main window, and Esc reaches it

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            free = self.screen().availableGeometry()
            self.showNormal()
            self.setGeometry(free.adjusted(free.width() // 8, free.height() // 8, 0, 0))
        else:
            self.showFullScreen()

    def leave(self) -> None:
        self.hide()
        self.leave_requested.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.leave()
            return
        super().keyPressEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.shown_changed.emit(True)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.shown_changed.emit(False)

    def zoom(self, step: float) -> None:
        """Ctrl+Plus / Ctrl+Minus: larger or smaller than the automatic size."""
        self.set_point_size(self.point_size + step)
        self.zoom_points = self.point_size - self._auto_size

    def _shown_count(self) -> int:
        model = self.board.current_model()
        if self.board.show_all or model is None:
            return len(self.board.rows) // max(1, len(self.board.models))
        return model.rowCount()

    def _follow_size(self) -> None:
        """The automatic type size for this window and the cards shown, if it changed."""
        size = auto_point_size(self.height(), self._shown_count())
        if size != self._auto_size:
            self._auto_size = size
            self.set_point_size(size + self.zoom_points)

    def set_point_size(self, point_size: float) -> None:
        self.point_size = max(10.0, min(72.0, point_size))
        self.single_delegate.set_point_size(self.point_size)
        self.all_delegate.set_point_size(self.point_size * 0.6)
        self.results_chart.point_size = self.point_size * 0.7
        self.results_chart.update()
        self._fonts()
        self._layout_cards()

    def _fonts(self) -> None:
        size = self.point_size
        self.title.setStyleSheet(f"font-size:{size * 0.55:.0f}pt; color:#444;")
        self.issue.setStyleSheet(f"font-size:{size * 1.1:.0f}pt; font-weight:bold;")
        self.count.setStyleSheet(f"font-size:{size * 0.6:.0f}pt; color:#444; padding:0 12px;")
        self.timer.setStyleSheet(f"font-size:{size * 1.4:.0f}pt; font-weight:bold;")
        for label, _view in self.all_views:
            label.setStyleSheet(f"font-size:{size * 0.6:.0f}pt; font-weight:bold;")

    def _rebuild(self) -> None:
        """The all-issues view made again in a new container, which takes the old one's
        place in the stack; the old one goes with its labels and views. (Emptying the
        old layout item by item kept Python wrappers of Qt's layout items, which PySide
        may hand back stale: a CI crash in the card delegate.)"""
        container = QWidget()
        columns = QHBoxLayout(container)
        views: list[tuple[ThaiLabel, CardView]] = []
        for model in self.board.models:
            label = ThaiLabel(f"{model.issue.number}. {model.issue.title}")
            view = _card_view(self.all_delegate)
            view.cards_added.connect(self._follow_new_card)
            column = QVBoxLayout()
            column.addWidget(label)
            column.addWidget(view, 1)
            columns.addLayout(column, 1)
            views.append((label, view))
        old, shown = self.all_widget, self.stack.currentWidget() is self.all_widget
        self.stack.insertWidget(self.stack.indexOf(old), container)
        self.stack.removeWidget(old)
        old.deleteLater()
        self.all_widget, self.all_views = container, views
        if shown:
            self.stack.setCurrentWidget(container)
        self._fonts()
        self._show_current()

    def _show_current(self) -> None:
        # Only the views on show hold a model: a view lays out every card whenever one is
        # added, and the room should not wait for views nobody sees.
        show_all = self.board.show_all
        model = None if show_all else self.board.current_model()
        self.single_view.show_cards(model)
        for (_label, view), column_model in zip(self.all_views, self.board.models, strict=True):
            view.show_cards(column_model if show_all else None)
        self.stack.setCurrentWidget(self.all_widget if show_all else self.single_view)
        self._update_header()
        if self.results is not None:
            self._show_results_page()
            return
        self._layout_cards()
        if model is not None and model.rowCount():
            self.single_view.scrollToBottom()
        for _label, view in self.all_views if show_all else ():
            view.scrollToBottom()

    def show_results(self, results: RoundResults | None) -> None:
        """Show a round's results (None: back to the board)."""
        was_showing = self.results is not None
        self.results = results
        if results is not None:
            self._show_results_page()
        elif was_showing:
            self._show_current()

    def _show_results_page(self) -> None:
        assert self.results is not None
        vote_round = self.results.round
        self.issue.setText(
            self.tr("Vote results, round {number}: {title}").format(
                number=vote_round.number, title=vote_round.title
            )
        )
        self.count.setText(
            self.tr("%n ballot(s)", "", self.results.count.ballots)
            + (
                self.tr(" + {paper} on paper").format(paper=self.results.count.paper_votes)
                if self.results.count.paper_votes
                else ""
            )
        )
        self.results_chart.show_round(self.results, message=self.tr("No votes yet"))
        self.stack.setCurrentIndex(2)

    def _update_header(self) -> None:
        model = self.board.current_model()
        if self.board.show_all or model is None:
            self.issue.setText(self.tr("All strategic issues"))
            count = len(self.board.rows)
        else:
            self.issue.setText(
                self.tr("Issue {number}: {title}").format(
                    number=model.issue.number, title=model.issue.title
                )
            )
            count = model.rowCount()
        self.count.setText(self.tr("%n card(s)", "", count))
        if self.isVisible():
            self._follow_size()

    def _update_timer(self) -> None:
        self.timer.setText(self.board.countdown.text())
        finished = self.board.countdown.remaining() <= 0
        colour = "#b3261e" if finished or self.board.countdown.remaining() < 60 else "#111"
        size = self.point_size * 1.4
        self.timer.setStyleSheet(f"font-size:{size:.0f}pt; font-weight:bold; color:{colour};")

    def _follow_new_card(self, last: int) -> None:
        """Keep the newest card in view: the room watches it being typed."""
        view = self.sender()
        if view is self.single_view:
            self.single_view.scrollToBottom()
        elif isinstance(view, CardView):
            view.scrollTo(view.view_index(last))

    def relayout(self) -> None:
        """Lay the cards and the headings out again (their line breaks changed: the Thai
        dictionary has loaded); each heading then takes the height of its new lines."""
        for label in (self.title, self.issue, *(label for label, _view in self.all_views)):
            label.relayout()
        self._layout_cards()

    def _layout_cards(self) -> None:
        width = self.single_view.viewport().width()
        spacing = self.single_view.spacing()
        self.single_delegate.card_width = max(
            120, (width - spacing * (2 * GRID_COLUMNS + 1)) // GRID_COLUMNS
        )
        self.single_view.doItemsLayout()
        for _label, view in self.all_views:
            view.doItemsLayout()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        size = auto_point_size(self.height(), self._shown_count())
        if size != self._auto_size:
            self._follow_size()  # lays the cards out too
        else:
            self._layout_cards()
