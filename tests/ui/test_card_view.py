"""Card views (ui.card_view): each view's copy of a column follows the column card for
card, with each card's size for that view, and Qt lays the cards out without calling
Python once per card (beside the phones' server such calls waited for the interpreter
lock: bench/busy_layout.py)."""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

import workshop_app
from workshop_app.services.ideas import IdeaRow
from workshop_app.services.workshops import NumberedRow
from workshop_app.ui.app import load_fonts
from workshop_app.ui.board_data import IDEA_ROLE, IdeaListModel
from workshop_app.ui.card_delegate import BOARD_BACKGROUND, CardDelegate, Pictures
from workshop_app.ui.card_view import CardView
from workshop_app.ui.thai_layout import Breaker

APP_FOLDER = str(Path(workshop_app.__file__).parent)
PLACES = ("บ้านนาคูหา", "บ้านโคกสว่าง", "ตำบลหนองแวง", "บ้านดงเย็น", "บ้านกุดจิก", "ตำบลนาแก")
WORKS = (
    "ขุดลอกหนองน้ำสาธารณะ{place}",
    "ซ่อมสร้างถนนลูกรังเข้าพื้นที่การเกษตร{place} ระยะทาง {number} กิโลเมตร",
    "ส่งเสริมกลุ่มทอผ้าไหมและจัดหาตลาดออนไลน์ให้สมาชิกกลุ่มแม่บ้าน{place}",
    "ติดตั้งโซลาร์เซลล์สูบน้ำ {number} จุด",
)


def _card(number: int, issue_id: str = "issue-3") -> IdeaRow:
    place = PLACES[number % len(PLACES)]
    text = WORKS[number % len(WORKS)].format(place=place, number=number % 17 + 1)
    return IdeaRow(
        id=f"idea-{issue_id}-{number:04d}", issue_id=issue_id, text=text, kind="proposal",
        sector_id=None, sector_name="องค์กรปกครองส่วนท้องถิ่น", sector_colour="#386641",
        breakout_group="", author_id=None, author_name="", position=float(number),
        merged_count=0, search_text=text,
    )  # fmt: skip


def _column(issue_id: str = "issue-3") -> IdeaListModel:
    return IdeaListModel(NumberedRow(id=issue_id, number=3, title="เกษตรและน้ำ", detail=""))


@pytest.fixture
def views(qtbot: QtBot) -> Iterator[list[CardView]]:
    """A board column (through the filter, 12 pt) and a projector grid (20 pt, cards of a
    fixed width), shown offscreen."""
    load_fonts()
    breaker = Breaker()
    board = CardView(CardDelegate(breaker, 12.0, "th"), filtered=True)
    projector_delegate = CardDelegate(breaker, 20.0, "th")
    projector_delegate.card_width = 300
    projector = CardView(projector_delegate)
    for view, width in ((board, 360), (projector, 980)):
        qtbot.addWidget(view)
        view.resize(width, 600)
        view.show()
    yield [board, projector]


def _assert_copy_of(view: CardView, column: IdeaListModel) -> None:
    """The view's model holds the column's cards, in order, each at its size in this view."""
    sizes = view.sizes
    assert sizes is not None and view.cards() is column
    assert sizes.rowCount() == column.rowCount()
    for number, card in enumerate(column.rows()):
        index = sizes.index(number, 0)
        assert index.data(IDEA_ROLE) == card
        assert index.data() == index.data(Qt.ItemDataRole.ToolTipRole) == card.text
        assert index.data(Qt.ItemDataRole.SizeHintRole) == view.card_size(card)


def test_each_view_copy_follows_the_column_card_for_card(
    qtbot: QtBot, qtmodeltester: ModelTester, views: list[CardView]
) -> None:
    """Random inserts between cards, removals, reorders (a reset) and changed texts: the
    copies stay equal to the column, pass Qt's model tester, and a card whose text grew
    asks its view to lay out again."""
    chooser = random.Random(6612)
    column = _column()
    cards = [_card(n) for n in range(30)]
    column.set_rows(list(cards))
    for view in views:
        view.show_cards(column)
        qtmodeltester.check(view.model())
        _assert_copy_of(view, column)
    relayouts: list[CardView] = []
    for view in views:
        assert view.sizes is not None
        view.sizes.sizes_changed.connect(lambda view=view: relayouts.append(view))
    number = 1000
    for _step in range(80):
        roll = chooser.random()
        if roll < 0.45:
            for _new in range(chooser.randint(1, 4)):
                cards.insert(chooser.randint(0, len(cards)), _card(number))
                number += 1
        elif roll < 0.7 and len(cards) > 3:
            for _gone in range(chooser.randint(1, 3)):
                cards.pop(chooser.randrange(len(cards)))
        elif roll < 0.8:
            chooser.shuffle(cards)
        else:
            at = chooser.randrange(len(cards))
            longer = cards[at].text + " พร้อมจัดอบรมการดูแลรักษาให้คณะกรรมการหมู่บ้าน" * 3
            cards[at] = replace(cards[at], text=longer)
            relayouts.clear()
            column.set_rows(list(cards))
            assert relayouts == views  # each copy's card is taller: both lay out again
            continue
        column.set_rows(list(cards))
        for view in views:
            _assert_copy_of(view, column)
    for view in views:
        _assert_copy_of(view, column)


def test_a_view_shown_another_column_stops_following_the_first(views: list[CardView]) -> None:
    projector = views[1]
    first, second = _column("issue-1"), _column("issue-2")
    first.set_rows([_card(n, "issue-1") for n in range(5)])
    second.set_rows([_card(n, "issue-2") for n in range(8)])
    projector.show_cards(first)
    old = projector.sizes
    projector.show_cards(second)
    first.set_rows([_card(n, "issue-1") for n in range(9)])
    assert old is not None and old.rowCount() == 5  # left as it was, and let go
    _assert_copy_of(projector, second)
    projector.show_cards(None)
    assert projector.cards() is None and projector.model() is None


def test_sizes_follow_the_views_width_and_type(qtbot: QtBot, views: list[CardView]) -> None:
    board = views[0]
    column = _column()
    long_card = replace(_card(2), text=" ".join(WORKS).format(place="บ้านนาคูหา", number=3))
    column.set_rows([_card(0), long_card, _card(1)])
    board.show_cards(column)
    QApplication.processEvents()
    wide = board.visualRect(board.view_index(1)).height()
    board.resize(200, 600)
    qtbot.waitUntil(lambda: board.visualRect(board.view_index(1)).height() > wide)
    _assert_copy_of(board, column)
    narrow = board.visualRect(board.view_index(1)).height()
    board.delegate.set_point_size(16.0)
    board.doItemsLayout()
    assert board.visualRect(board.view_index(1)).height() > narrow
    _assert_copy_of(board, column)


class _SizeFromPython(CardDelegate):
    """Sizes asked of Python card by card: what the views must not do."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return self.card_size(index.data(IDEA_ROLE).text, 300)


def _app_calls(action: Any) -> list[str]:
    """Names of the app's (and this file's) Python functions called, from Qt or not,
    while ``action`` runs."""
    calls: list[str] = []

    def profile(frame: FrameType, event: str, _arg: object) -> None:
        if event == "call" and frame.f_code.co_filename.startswith((APP_FOLDER, __file__)):
            calls.append(frame.f_code.co_name)

    sys.setprofile(profile)
    try:
        action()
    finally:
        sys.setprofile(None)
    return calls


@pytest.mark.parametrize("python_sizes", [False, True], ids=["card view", "python sizeHint"])
def test_laying_out_calls_python_for_no_card(
    qtbot: QtBot, views: list[CardView], python_sizes: bool
) -> None:
    """400 cards laid out again, then one card added and shown: the app's Python runs a
    few times per layout, never once per card. The second case (sizes from a Python
    sizeHint) shows the count would see per-card calls."""
    board = views[0]
    if python_sizes:
        board.use_delegate(_SizeFromPython(Breaker(), 12.0, "th"))
    column = _column()
    cards = [_card(n) for n in range(400)]
    column.set_rows(list(cards))
    board.show_cards(column)
    QApplication.processEvents()

    laid_out = _app_calls(board.doItemsLayout)

    def add_a_card() -> None:
        column.set_rows([*cards, _card(400)])
        board.scrollToBottom()
        QApplication.processEvents()

    added = _app_calls(add_a_card)
    if python_sizes:
        assert laid_out.count("sizeHint") >= 400
        return
    assert len(laid_out) < 10, laid_out
    # What Qt calls per card: the new card's size, once (CardView.card_size asks
    # CardDelegate.card_size); the filter, for the new card; the cards in view, drawn.
    assert added.count("card_size") == 2, added
    assert "sizeHint" not in added and "data" not in added
    assert added.count("filterAcceptsRow") == 1
    assert 0 < added.count("paint") < 40


def _largest_difference(one: QImage, other: QImage) -> int:
    """The largest difference of any colour channel of any pixel (same format and size)."""
    first, second = bytes(one.constBits()), bytes(other.constBits())
    return max(abs(a - b) for a, b in zip(first, second, strict=True))


def test_a_card_is_drawn_once_and_copied_until_it_changes(
    qtbot: QtBot, views: list[CardView], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Drawing a card takes some 25 calls into Qt (each lets go of the interpreter lock);
    the delegate draws each card once into a picture and copies it. What shows is what
    drawing it directly shows, and a changed card (merged count, text, selection) is
    drawn again."""
    board = views[0]
    column = _column()
    cards = [_card(n) for n in range(6)]
    column.set_rows(list(cards))
    board.show_cards(column)
    QApplication.processEvents()
    drawn: list[str] = []
    draw = CardDelegate._draw

    def counted_draw(
        delegate: CardDelegate, painter: QPainter, rect: QRect, row: IdeaRow, selected: bool
    ) -> None:
        drawn.append(row.id)
        draw(delegate, painter, rect, row, selected)

    monkeypatch.setattr(CardDelegate, "_draw", counted_draw)
    first = board.grab().toImage()
    board.viewport().repaint()
    assert drawn == [] and board.grab().toImage() == first  # copies only

    # The copy is the card as drawn directly on the board's background, as wide as its
    # size was worked out for (the list stretches the item a little wider: background).
    rect = board.visualRect(board.view_index(2))
    sized = board.card_size(cards[2])
    assert sized.width() < rect.width()
    direct = QImage(rect.size(), QImage.Format.Format_ARGB32_Premultiplied)
    direct.fill(QColor(BOARD_BACKGROUND))
    painter = QPainter(direct)
    draw(board.delegate, painter, QRect(0, 0, sized.width(), rect.height()), cards[2], False)
    painter.end()
    copied = QImage(rect.size(), QImage.Format.Format_ARGB32_Premultiplied)
    copied.fill(Qt.GlobalColor.white)
    painter = QPainter(copied)
    option = QStyleOptionViewItem()
    option.rect = QRect(QPoint(0, 0), rect.size())
    board.delegate.paint(painter, option, board.view_index(2))
    painter.end()
    # The picture covers the card's whole width (opaque: no white shows through).
    assert copied.copy(0, 0, sized.width(), rect.height()) == direct.copy(
        0, 0, sized.width(), rect.height()
    )

    cards[2] = replace(cards[2], merged_count=3)
    column.set_rows(list(cards))
    board.setCurrentIndex(board.view_index(4))
    qtbot.waitUntil(lambda: {cards[2].id, cards[4].id} <= set(drawn))
    assert board.grab().toImage() != first


def test_a_view_following_the_newest_card_keeps_it_in_view_at_any_width(
    qtbot: QtBot, views: list[CardView]
) -> None:
    """The projector follows the newest card: laid out again at another width (the
    window placed on the projector's screen, the join panel shown beside the cards), it
    stays on the newest card instead of where the old bottom was."""
    projector = views[1]
    projector.follows_newest = True
    column = _column()
    column.set_rows([_card(n) for n in range(150)])
    projector.show_cards(column)
    projector.scrollToBottom()

    def newest_in_view() -> bool:
        rect = projector.visualRect(projector.view_index(149))
        return projector.viewport().rect().contains(rect.center())

    qtbot.waitUntil(newest_in_view)
    for width in (640, 1200, 800):
        projector.delegate.card_width = width // 3 - 12
        projector.resize(width, 600)
        qtbot.waitUntil(lambda: projector.viewport().width() < projector.width())
        qtbot.wait(150)  # the delayed layout after a resize
        assert newest_in_view(), width


def test_pictures_kept_are_bounded_the_least_recently_used_dropped(qtbot: QtBot) -> None:
    pictures = Pictures(most_pixels=3 * 100 * 80)
    for name in ("a", "b", "c"):
        pictures.keep((name,), QPixmap(100, 80))
    assert pictures.get(("a",)) is not None  # used: now the most recent
    pictures.keep(("d",), QPixmap(100, 80))
    assert pictures.get(("b",)) is None
    assert all(pictures.get((name,)) is not None for name in ("a", "c", "d"))
