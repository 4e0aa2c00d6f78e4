"""The provincial view: the app opened on the provincial server (``--db postgresql+...``).

Every workshop the laptops synced to the server in one sortable table; selecting two or
more shows their brainstorm cards side by side (one column per workshop, rows grouped
by strategic issue number) and the cards of different workshops that look like the
same idea. Read-only: workshops are changed on the laptops and reach the server by
sync; Refresh (F5) reads the server again.

The server is read off the GUI thread (``context.start_in_background``, the app's one way
to run long work): the window stays usable while a slow or far server answers, the
status bar shows that it is reading, and Stop (or a newer selection) drops a read whose
answer is no longer wanted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QKeySequence,
    QPainter,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from workshop_app.errors import UserError
from workshop_app.services.ideas import kind_label
from workshop_app.services.province import (
    DEFAULT_DUPLICATE_LIMIT,
    CrossDuplicate,
    IssueGroup,
    ProvinceWorkshop,
    SideBySide,
    SideIdea,
    cross_workshop_duplicates,
    ideas_side_by_side,
    province_workshops,
)
from workshop_app.services.workshops import kind_name
from workshop_app.sync.server import failure_reason
from workshop_app.thai.collate import thai_sort_key
from workshop_app.thai.dates import format_thai_date, format_thai_date_short
from workshop_app.ui.context import BackgroundOperation, Progress, start_in_background
from workshop_app.ui.item_models import RowTableModel
from workshop_app.ui.thai_layout import Breaker, ThaiLabel
from workshop_app.ui.widgets import Banner

T = TypeVar("T")
AnyIndex = QModelIndex | QPersistentModelIndex
_INVALID = QModelIndex()

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # a value that sorts the column the right way
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # workshop id (workshop table), card id (cards)
HIGHLIGHT = QColor("#ffe08a")  # the two cards of the chosen duplicate pair
ISSUE_BACKGROUND = QColor("#e4ebf5")
NO_SECTOR_COLOUR = "#bbbbbb"  # card_delegate's stripe for a card without a sector
SELECTION_DELAY_MS = 250  # Ctrl+click through several workshops: read once at the end
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_TOP_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)


def workshop_label(workshop: ProvinceWorkshop, number: int) -> str:
    """How the ``number``-th chosen workshop is named in the column headers and the
    duplicate pairs: its number (the column), title and date (the workshops of one
    province often share a title), short first: a narrow column cuts the end off."""
    if workshop.start_date is None:
        return f"{number}. {workshop.title}"
    return f"{number}. {format_thai_date_short(workshop.start_date)} · {workshop.title}"


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class WorkshopTableModel(RowTableModel[ProvinceWorkshop]):
    """The province's workshops; SORT_ROLE sorts titles in Thai order, dates by date."""

    COUNT_COLUMNS = frozenset(range(5, 10))

    def __init__(self, language: str) -> None:
        super().__init__()
        self.language = language
        self.headers = (
            QCoreApplication.translate("ProvincialView", "Workshop"),
            QCoreApplication.translate("ProvincialView", "Kind"),
            QCoreApplication.translate("ProvincialView", "Province"),
            QCoreApplication.translate("ProvincialView", "Fiscal year"),
            QCoreApplication.translate("ProvincialView", "Date"),
            QCoreApplication.translate("ProvincialView", "Invited"),
            QCoreApplication.translate("ProvincialView", "Present"),
            QCoreApplication.translate("ProvincialView", "Ideas"),
            QCoreApplication.translate("ProvincialView", "Projects"),
            QCoreApplication.translate("ProvincialView", "Vote rounds"),
        )
        self._ranks: dict[tuple[int, str], int] = {}

    def set_rows(self, rows: list[ProvinceWorkshop]) -> None:
        # Text columns sort by their rank in Thai dictionary order.
        ranks: dict[tuple[int, str], int] = {}
        for column in (0, 1, 2):
            texts = sorted({self._text(r, column) for r in rows}, key=thai_sort_key)
            ranks.update(((column, text), rank) for rank, text in enumerate(texts))
        self._ranks = ranks
        super().set_rows(rows)

    def _text(self, row: ProvinceWorkshop, column: int) -> str:
        if column == 0:
            return row.title
        if column == 1:
            return kind_name(row.kind, self.language)
        if column == 2:
            return row.province
        if column == 3:
            return str(row.fiscal_year) if row.fiscal_year else ""
        if column == 4:
            return format_thai_date(row.start_date) if row.start_date else ""
        counts = (row.invited, row.present, row.ideas, row.projects, row.vote_rounds)
        return str(counts[column - 5])

    def cell(self, row: ProvinceWorkshop, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == SORT_ROLE:
            if column in (0, 1, 2):
                return self._ranks.get((column, self._text(row, column)), 0)
            if column == 3:
                return row.fiscal_year or 0
            if column == 4:
                return (row.start_date or dt.date.max).isoformat()
            return int(self._text(row, column))
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole and column in (0, 1):
            return "\n".join(p for p in (row.title, self._text(row, 1), row.venue) if p)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.COUNT_COLUMNS:
            return _RIGHT
        return None


@dataclass(frozen=True)
class _Line:
    """One row of the side-by-side table: an issue's header, or its ``card``-th cards."""

    group: IssueGroup
    card: int | None  # None: the issue header row


class SideBySideModel(QAbstractTableModel):
    """One column per workshop; for each issue number a header row (each workshop's
    title for the issue), then its cards, the first cards of every workshop in one row."""

    def __init__(self, language: str) -> None:
        super().__init__()
        self.language = language
        self._side = SideBySide([], [])
        self._lines: list[_Line] = []
        self._highlighted: frozenset[str] = frozenset()
        self._places: dict[str, tuple[int, int]] = {}  # card id -> (row, column)

    def set_side(self, side: SideBySide) -> None:
        self.beginResetModel()
        self._side = side
        self._lines = []
        self._places = {}
        columns = [w.id for w in side.workshops]
        for group in side.issues:
            self._lines.append(_Line(group, None))
            for number in range(group.height()):
                for column, workshop_id in enumerate(columns):
                    cards = group.ideas.get(workshop_id, [])
                    if number < len(cards):
                        self._places[cards[number].id] = (len(self._lines), column)
                self._lines.append(_Line(group, number))
        self._highlighted = frozenset(i for i in self._highlighted if i in self._places)
        self.endResetModel()

    def side(self) -> SideBySide:
        return self._side

    def rowCount(self, parent: AnyIndex = _INVALID) -> int:
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: AnyIndex = _INVALID) -> int:
        return 0 if parent.isValid() else len(self._side.workshops)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < len(self._side.workshops):
            return None
        workshop = self._side.workshops[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return workshop_label(workshop, section + 1)
        if role == Qt.ItemDataRole.ToolTipRole:
            label = workshop_label(workshop, section + 1)
            return "\n".join(p for p in (label, workshop.venue) if p)
        return None

    def _line_at(self, index: AnyIndex) -> _Line | None:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        if not 0 <= index.column() < len(self._side.workshops):
            return None
        return self._lines[index.row()]

    def card_at(self, index: AnyIndex) -> SideIdea | None:
        line = self._line_at(index)
        if line is None or line.card is None:
            return None
        cards = line.group.ideas.get(self._side.workshops[index.column()].id, [])
        return cards[line.card] if line.card < len(cards) else None

    def is_issue_row(self, row: int) -> bool:
        return 0 <= row < len(self._lines) and self._lines[row].card is None

    def index_of(self, idea_id: str) -> QModelIndex:
        place = self._places.get(idea_id)
        return self.index(*place) if place else QModelIndex()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        line = self._line_at(index)
        if line is None:
            return None
        if line.card is None:
            return self._issue_data(line.group, index.column(), role)
        card = self.card_at(index)
        if card is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return card.text
        if role == ID_ROLE:
            return card.id
        if role == Qt.ItemDataRole.ToolTipRole:
            kind = kind_label(card.kind, self.language)
            return " · ".join(p for p in (kind, card.sector_name) if p)
        if role == Qt.ItemDataRole.BackgroundRole and card.id in self._highlighted:
            return QBrush(HIGHLIGHT)
        if role == Qt.ItemDataRole.DecorationRole:  # the sector's colour, as on the board
            return QColor(card.sector_colour or NO_SECTOR_COLOUR)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _TOP_LEFT
        return None

    def _issue_data(self, group: IssueGroup, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            title = group.titles.get(self._side.workshops[column].id, "")
            return (
                QCoreApplication.translate("ProvincialView", "Issue {number}: {title}").format(
                    number=group.number, title=title
                )
                if title
                else QCoreApplication.translate(
                    "ProvincialView", "Issue {number}: (none in this workshop)"
                ).format(number=group.number)
            )
        if role == Qt.ItemDataRole.FontRole:
            return _bold()
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(ISSUE_BACKGROUND)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _TOP_LEFT
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.card_at(index) is not None:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return Qt.ItemFlag.ItemIsEnabled

    def highlighted(self) -> frozenset[str]:
        return self._highlighted

    def highlight(self, idea_ids: Sequence[str]) -> None:
        """Mark these cards (the chosen duplicate pair), unmarking the others."""
        changed = self._highlighted ^ frozenset(idea_ids)
        self._highlighted = frozenset(i for i in idea_ids if i in self._places)
        for idea_id in changed:
            index = self.index_of(idea_id)
            if index.isValid():
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.BackgroundRole])


WHERE_ROLE = Qt.ItemDataRole.UserRole + 3  # duplicate pair: the card's workshop and issue
WHERE_GAP = 3  # pixels between a card's text and its workshop line


class DuplicateModel(RowTableModel[CrossDuplicate]):
    """Pairs of cards of different workshops that look alike: how alike, and each card
    (its text; WHERE_ROLE: its workshop and issue)."""

    def __init__(self) -> None:
        super().__init__()
        self.headers = (
            QCoreApplication.translate("ProvincialView", "Alike"),
            QCoreApplication.translate("ProvincialView", "Idea"),
            QCoreApplication.translate("ProvincialView", "Looks like"),
        )
        self._labels: dict[str, str] = {}

    def set_pairs(self, pairs: list[CrossDuplicate], workshops: list[ProvinceWorkshop]) -> None:
        self._labels = {w.id: workshop_label(w, n) for n, w in enumerate(workshops, start=1)}
        self.set_rows(pairs)

    def where(self, card: SideIdea) -> str:
        return QCoreApplication.translate("ProvincialView", "Issue {number} · {workshop}").format(
            number=card.issue_number, workshop=self._labels.get(card.workshop_id, "")
        )

    def cell(self, row: CrossDuplicate, column: int, role: int) -> Any:
        card = row.first if column == 1 else row.second
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{round(row.score * 100)}%" if column == 0 else card.text
        if column == 0:
            return _RIGHT if role == Qt.ItemDataRole.TextAlignmentRole else None
        if role == WHERE_ROLE:
            return self.where(card)
        if role == ID_ROLE:
            return card.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{card.text}\n— {self.where(card)}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _TOP_LEFT
        return None


class WrappingDelegate(QStyledItemDelegate):
    """Wrapped cell text that breaks between Thai words (see thai_layout.Breaker); a
    cell with WHERE_ROLE data gets it on one more line, smaller and cut to fit."""

    def __init__(self, breaker: Breaker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.breaker = breaker

    def initStyleOption(self, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        super().initStyleOption(option, index)
        if option.text:
            option.text = self.breaker.breakable(option.text)

    @staticmethod
    def _where_font(option: QStyleOptionViewItem) -> QFont:
        font = QFont(option.font)
        font.setPointSizeF(font.pointSizeF() * 0.85)
        return font

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        size = super().sizeHint(option, index)
        if index.data(WHERE_ROLE):
            line = QFontMetrics(self._where_font(option)).height()
            size.setHeight(size.height() + line + WHERE_GAP)
        return size

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        where = index.data(WHERE_ROLE)
        if not where:
            super().paint(painter, option, index)
            return
        font = self._where_font(option)
        line = QFontMetrics(font).height()
        rect = QRect(option.rect)
        text_option = QStyleOptionViewItem(option)
        text_option.rect = rect.adjusted(0, 0, 0, -line - WHERE_GAP)
        super().paint(painter, text_option, index)
        painter.save()
        painter.setFont(font)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(QColor("#f0f0f0" if selected else "#5f6368"))
        box = QRect(rect.left() + 4, rect.bottom() - line - 2, rect.width() - 8, line)
        elided = QFontMetrics(font).elidedText(str(where), Qt.TextElideMode.ElideRight, box.width())
        painter.drawText(
            box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), elided
        )
        painter.restore()


def _table(delegate: QStyledItemDelegate) -> QTableView:
    view = QTableView()
    view.setItemDelegate(delegate)
    view.setWordWrap(True)
    view.verticalHeader().setVisible(False)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    return view


class ProvincialView(QMainWindow):
    """The provincial server's workshops, read-only."""

    def __init__(self, engine: Engine, server: str, language: str = "th") -> None:
        super().__init__()
        self.setObjectName("provincialView")
        self.language = language
        self.server = server
        # A PostgreSQL session that could not write even by mistake.
        self.engine = (
            engine.execution_options(postgresql_readonly=True)
            if engine.dialect.name == "postgresql"
            else engine
        )
        self.setWindowTitle(self.tr("Provincial view: {server}").format(server=server))
        self.resize(1280, 800)
        self.breaker = Breaker()
        self.delegate = WrappingDelegate(self.breaker, self)

        self.notice = ThaiLabel(
            self.tr(
                "Read-only: workshops are changed on the laptops and arrive here when "
                "they sync. Refresh (F5) reads the server again."
            )
        )
        self.notice.setObjectName("readOnlyNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(
            "QLabel { background:#eef4fb; color:#1d3b5f; border:1px solid #a9c3e3; padding:6px; }"
        )
        self.refresh_action = QAction(self.tr("Refresh"), self)
        self.refresh_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.refresh_action.triggered.connect(self.refresh)
        self.addAction(self.refresh_action)
        self.refresh_button = QPushButton(self.tr("Refresh (F5)"))
        self.refresh_button.setObjectName("refreshButton")
        self.refresh_button.clicked.connect(self.refresh)
        self.message = Banner()

        self.workshop_model = WorkshopTableModel(language)
        self.workshop_proxy = QSortFilterProxyModel(self)
        self.workshop_proxy.setSourceModel(self.workshop_model)
        self.workshop_proxy.setSortRole(SORT_ROLE)
        self.workshop_view = QTableView()
        self.workshop_view.setObjectName("provinceWorkshops")
        self.workshop_view.setModel(self.workshop_proxy)
        self.workshop_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.workshop_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.workshop_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.workshop_view.verticalHeader().setVisible(False)
        self.workshop_view.setWordWrap(False)
        self.workshop_view.horizontalHeader().setSortIndicator(4, Qt.SortOrder.AscendingOrder)
        self.workshop_view.setSortingEnabled(True)
        header = self.workshop_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 220)
        selection = self.workshop_view.selectionModel()
        selection.selectionChanged.connect(self._workshops_selected)
        self._selection_timer = QTimer(self)
        self._selection_timer.setSingleShot(True)
        self._selection_timer.setInterval(SELECTION_DELAY_MS)
        self._selection_timer.timeout.connect(self.show_selection)

        self.hint = ThaiLabel()
        self.hint.setObjectName("selectionHint")
        self.hint.setWordWrap(True)
        self.side_model = SideBySideModel(language)
        self.side_view = _table(self.delegate)
        self.side_view.setObjectName("sideBySide")
        self.side_view.setModel(self.side_model)
        self.side_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.side_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.side_view.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.duplicates_title = QLabel(self.tr("Possible duplicates across workshops"))
        self.duplicates_title.setStyleSheet("QLabel { font-weight:bold; }")
        self.duplicate_model = DuplicateModel()
        self.duplicate_view = _table(self.delegate)
        self.duplicate_view.setObjectName("crossDuplicates")
        self.duplicate_view.setModel(self.duplicate_model)
        self.duplicate_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.duplicate_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        dup_header = self.duplicate_view.horizontalHeader()
        dup_header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        dup_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        dup_header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.duplicate_view.selectionModel().currentRowChanged.connect(self._pair_chosen)

        # Wrapped rows are as tall as their text at the columns' width: measured again
        # (once) after the columns change width.
        self._rows_timer = QTimer(self)
        self._rows_timer.setSingleShot(True)
        self._rows_timer.setInterval(100)
        self._rows_timer.timeout.connect(self._fit_rows)
        self.side_view.horizontalHeader().sectionResized.connect(self._rows_timer.start)
        dup_header.sectionResized.connect(self._rows_timer.start)

        top = QHBoxLayout()
        top.addWidget(self.notice, 1)
        top.addWidget(self.refresh_button)
        side_box = QWidget()
        side_layout = QVBoxLayout(side_box)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.hint)
        side_layout.addWidget(self.side_view, 1)
        duplicates_box = QWidget()
        duplicates_layout = QVBoxLayout(duplicates_box)
        duplicates_layout.setContentsMargins(0, 0, 0, 0)
        duplicates_layout.addWidget(self.duplicates_title)
        duplicates_layout.addWidget(self.duplicate_view, 1)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(side_box)
        lower.addWidget(duplicates_box)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 2)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.workshop_view)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        # While the server is read: a busy bar and Stop, at the right of the status bar.
        self._reading: list[BackgroundOperation[Any]] = []
        self._selection_read: BackgroundOperation[Any] | None = None
        self.reading_bar = QProgressBar()
        self.reading_bar.setObjectName("readingServer")
        self.reading_bar.setRange(0, 0)
        self.reading_bar.setMaximumWidth(160)
        self.reading_bar.setFormat(self.tr("Reading the server…"))
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setObjectName("stopReading")
        self.stop_button.clicked.connect(self.stop_reading)
        self.statusBar().addPermanentWidget(self.reading_bar)
        self.statusBar().addPermanentWidget(self.stop_button)
        self._show_reading()
        self.refresh()

    # --- reading the server -------------------------------------------------------------

    def _refusal(self, exc: Exception) -> str | None:
        if isinstance(exc, DBAPIError):
            return self.tr("Cannot read from the server {server}: {reason}").format(
                server=self.server, reason=failure_reason(exc)
            )
        if isinstance(exc, UserError):
            return exc.message(self.language)
        return None

    def read(self, query: Callable[[Session], T]) -> BackgroundOperation[T]:
        """Run a query on the server off the GUI thread; a failure (the reason) is shown
        above the tables. Connect to the result; a read stopped meanwhile ends as
        cancelled, its answer dropped."""

        def run(session: Session, progress: Progress) -> T:
            result = query(session)
            progress.report(1, 1)  # stopped while the server answered: not wanted now
            return result

        operation = start_in_background(self, run, lambda: Session(self.engine), self._refusal)
        self._reading.append(operation)
        self._show_reading()
        operation.succeeded.connect(lambda _result: self.message.clear_message())
        operation.failed.connect(lambda message: self.message.show_message(message, "error"))

        def ended() -> None:
            self._reading.remove(operation)
            self._show_reading()

        operation.ended.connect(ended)
        return operation

    def busy(self) -> bool:
        """A read of the server is under way."""
        return bool(self._reading)

    def _show_reading(self) -> None:
        self.reading_bar.setVisible(self.busy())
        self.stop_button.setVisible(self.busy())

    def stop_reading(self) -> None:
        """Drop every read under way: the tables keep what they show."""
        for operation in self._reading:
            operation.cancel()
        if self._reading:
            self.message.show_message(
                self.tr("Stopped: the tables show what was read before."), "warn"
            )

    def refresh(self) -> BackgroundOperation[list[ProvinceWorkshop]]:
        """Read the workshops again, keeping the selection, and what it shows."""
        operation = self.read(province_workshops)
        operation.succeeded.connect(self._show_workshops)
        return operation

    def _show_workshops(self, rows: list[ProvinceWorkshop]) -> None:
        chosen = self.selected_ids()
        selection = self.workshop_view.selectionModel()
        selection.blockSignals(True)
        self.workshop_model.set_rows(rows)
        self.select_workshops([r.id for r in rows if r.id in chosen])
        selection.blockSignals(False)
        count = len(rows)  # a plain name: lupdate misses a %n whose count is a call
        self.statusBar().showMessage(self.tr("%n workshop(s) on the server", "", count))
        self.show_selection()

    # --- selection ----------------------------------------------------------------------

    def selected_ids(self) -> list[str]:
        """The selected workshops, in the table's order."""
        rows = sorted(i.row() for i in self.workshop_view.selectionModel().selectedRows())
        return [str(self.workshop_proxy.index(r, 0).data(ID_ROLE)) for r in rows]

    def select_workshops(self, workshop_ids: Sequence[str]) -> None:
        wanted = set(workshop_ids)
        selection = QItemSelection()
        for row in range(self.workshop_proxy.rowCount()):
            index = self.workshop_proxy.index(row, 0)
            if index.data(ID_ROLE) in wanted:
                last = self.workshop_proxy.index(row, self.workshop_proxy.columnCount() - 1)
                selection.select(index, last)
        self.workshop_view.selectionModel().select(
            selection, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def _workshops_selected(self) -> None:
        self._selection_timer.start()

    def show_selection(self) -> None:
        """Fill the side-by-side table and the duplicate pairs for the selection (read
        in the background; a read for an older selection is dropped)."""
        self._selection_timer.stop()
        if self._selection_read is not None:
            self._selection_read.cancel()
            self._selection_read = None
        chosen = self.selected_ids()
        if len(chosen) < 2:
            self.hint.setText(
                self.tr(
                    "Select two or more workshops (Ctrl+click) to see their ideas side by "
                    "side and the ideas that look alike."
                )
            )
            self.side_model.set_side(SideBySide([], []))
            self.duplicate_model.set_pairs([], [])
            self.duplicates_title.setText(self.tr("Possible duplicates across workshops"))
            return
        operation = self.read(
            lambda s: (ideas_side_by_side(s, chosen), cross_workshop_duplicates(s, chosen))
        )
        self._selection_read = operation
        operation.succeeded.connect(self._show_found)

        def ended() -> None:
            if self._selection_read is operation:
                self._selection_read = None

        operation.ended.connect(ended)

    def _show_found(self, found: tuple[SideBySide, list[CrossDuplicate]]) -> None:
        side, pairs = found
        self.hint.setText(
            self.tr(
                "Ideas on the boards of {count} workshops, grouped by strategic issue number."
            ).format(count=len(side.workshops))
        )
        self.side_model.set_side(side)
        self.side_model.highlight([])  # no pair is chosen in the new list
        self.duplicate_model.set_pairs(pairs, side.workshops)
        count = len(pairs)
        if count >= DEFAULT_DUPLICATE_LIMIT:  # there may be more: the list is cut
            title = self.tr(
                "Possible duplicates across workshops: the %n most alike pairs", "", count
            )
        else:
            title = self.tr("Possible duplicates across workshops: %n pair(s)", "", count)
        self.duplicates_title.setText(title)
        self._fit_rows()

    def _fit_rows(self) -> None:
        self._rows_timer.stop()
        self.side_view.resizeRowsToContents()
        self.duplicate_view.resizeRowsToContents()

    def _pair_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        pair = self.duplicate_model.row_at(current.row())
        if pair is None:
            self.side_model.highlight([])
            return
        self.side_model.highlight([pair.first.id, pair.second.id])
        for card in (pair.second, pair.first):  # the first ends up in view
            index = self.side_model.index_of(card.id)
            if index.isValid():
                self.side_view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
