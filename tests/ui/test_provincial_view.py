"""The provincial view on a real server: the province's workshops, ideas side by side,
duplicate pairs across workshops highlighted, read-only, in Thai."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QAbstractItemView, QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import text
from sqlalchemy.orm import Session

from tests.postgres import ThrowawayPostgres
from tests.sync.conftest import postgres_server, server_url  # noqa: F401
from tests.sync.test_province import TITLE_B, TwoWorkshops, fill_server
from tests.ui.background import outcome_of, result_of, ticks_while_running
from workshop_app.db.database import open_database
from workshop_app.services.demo import create_demo_workshop
from workshop_app.services.province import (
    cross_workshop_duplicates,
    ideas_side_by_side,
    province_workshops,
)
from workshop_app.services.workshops import kind_name
from workshop_app.sync.server import connect_server, server_label, sync
from workshop_app.thai.collate import thai_sort_key
from workshop_app.thai.dates import format_thai_date
from workshop_app.ui.app import install_translator, load_fonts
from workshop_app.ui.provincial_view import (
    HIGHLIGHT,
    ID_ROLE,
    WHERE_ROLE,
    DuplicateModel,
    ProvincialView,
    SideBySideModel,
    WorkshopTableModel,
)

OpenView = Callable[[str], ProvincialView]


@pytest.fixture(scope="module")
def filled(
    postgres_server: ThrowawayPostgres,  # noqa: F811
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[TwoWorkshops]:
    """One server with the two laptops' workshops for the tests that only read it."""
    url = postgres_server.create_database()
    yield fill_server(url, tmp_path_factory.mktemp("laptops"))
    postgres_server.drop_database(url.rsplit("/", 1)[1])


@pytest.fixture
def open_view(qtbot: QtBot) -> Iterator[OpenView]:
    """Opens the window on a server URL, in Thai."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    load_fonts()
    translator = install_translator(app, "th")
    engines = []

    def open_on(url: str) -> ProvincialView:
        engine = connect_server(url)
        engines.append(engine)
        window = ProvincialView(engine, server_label(url), "th")
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: not window.busy(), timeout=30000)
        return window

    yield open_on
    for engine in engines:
        engine.dispose()
    if translator is not None:
        app.removeTranslator(translator)


@pytest.fixture
def view(open_view: OpenView, filled: TwoWorkshops) -> ProvincialView:
    return open_view(filled.url)


def _show_both(qtbot: QtBot, window: ProvincialView, filled: TwoWorkshops) -> None:
    window.select_workshops([filled.a, filled.b])
    window.show_selection()
    qtbot.waitUntil(lambda: not window.busy(), timeout=30000)


def _column(window: ProvincialView, column: int) -> list[str]:
    model = window.workshop_proxy
    return [str(model.index(row, column).data()) for row in range(model.rowCount())]


def test_workshops_of_the_province_in_thai(view: ProvincialView, filled: TwoWorkshops) -> None:
    headers = [
        view.workshop_proxy.headerData(c, Qt.Orientation.Horizontal)
        for c in range(view.workshop_proxy.columnCount())
    ]
    assert headers == [
        "งานประชุม",
        "ประเภท",
        "จังหวัด",
        "ปีงบประมาณ",
        "วันที่",
        "เชิญ",
        "มาแล้ว",
        "ความคิดเห็น",
        "โครงการ",
        "รอบลงคะแนน",
    ]
    assert view.workshop_proxy.rowCount() == 2
    assert TITLE_B in _column(view, 0)
    assert set(_column(view, 1)) == {kind_name("plan_review_annual", "th")}
    assert set(_column(view, 4)) == {format_thai_date(dt.date.today())}  # B.E.
    assert sorted(_column(view, 7)) == ["58", "60"]  # ideas on the boards
    assert view.windowTitle().startswith("มุมมองระดับจังหวัด: postgresql+psycopg://workshop:***@")
    assert view.statusBar().currentMessage() == "มีงานประชุมบนเซิร์ฟเวอร์ 2 งาน"
    assert view.hint.text().startswith("เลือกงานประชุมตั้งแต่สองงานขึ้นไป")


def test_read_only_notice_and_nothing_to_edit(qtbot: QtBot, view: ProvincialView) -> None:
    assert view.notice.isVisible()
    assert view.notice.text().startswith("ดูได้อย่างเดียว: ข้อมูลงานประชุมแก้ไขที่เครื่องของแต่ละงาน")
    assert "ซิงก์" in view.notice.text() and "F5" in view.notice.text()
    assert view.refresh_button.text() == "โหลดใหม่ (F5)"
    for table in (view.workshop_view, view.side_view, view.duplicate_view):
        assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    # Even a write by mistake is refused by the server: the session is read-only.
    write = view.read(lambda s: s.execute(text("UPDATE workshops SET title = 'x'")))
    assert result_of(qtbot, write) is None
    assert "read-only" in view.message.text() and view.message.isVisible()
    assert result_of(qtbot, view.read(province_workshops)) is not None
    assert not view.message.isVisible()


def test_a_slow_server_leaves_the_window_answering_and_stop_drops_the_read(
    qtbot: QtBot, view: ProvincialView
) -> None:
    """While the server takes its time, the event loop goes on (a timer fires) and the
    status bar says it is reading; Stop ends the wait and keeps what is shown."""
    slow = view.read(lambda s: s.execute(text("SELECT pg_sleep(0.6)")).scalar())
    assert view.reading_bar.isVisible() and view.stop_button.isVisible()
    assert ticks_while_running(qtbot, slow) > 10
    assert not view.reading_bar.isVisible()
    rows = view.workshop_proxy.rowCount()
    slower = view.read(lambda s: s.execute(text("SELECT pg_sleep(0.6)")).scalar())
    qtbot.mouseClick(view.stop_button, Qt.MouseButton.LeftButton)
    assert outcome_of(qtbot, slower)[0] == "cancelled"
    assert view.message.property("kind") == "warn"
    assert view.message.text() == "หยุดอ่านแล้ว ตารางแสดงข้อมูลที่อ่านไว้ก่อนหน้า"
    assert view.workshop_proxy.rowCount() == rows and not view.busy()


def test_sortable_workshop_table(view: ProvincialView) -> None:
    view.workshop_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    titles = _column(view, 0)
    assert titles == sorted(titles, key=thai_sort_key)
    view.workshop_view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert _column(view, 0) == titles[::-1]
    view.workshop_view.sortByColumn(7, Qt.SortOrder.AscendingOrder)
    assert _column(view, 7) == ["58", "60"]


def test_two_workshops_side_by_side(
    qtbot: QtBot, view: ProvincialView, filled: TwoWorkshops
) -> None:
    view.select_workshops([filled.a])
    qtbot.wait(10)
    view.show_selection()
    assert view.side_model.columnCount() == 0 and view.duplicate_model.rowCount() == 0
    view.select_workshops([filled.a, filled.b])  # the view reads once the clicks pause
    qtbot.waitUntil(lambda: view.side_model.columnCount() == 2)
    model = view.side_model
    ids = [w.id for w in model.side().workshops]
    assert set(ids) == {filled.a, filled.b}
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(2)]
    assert headers[ids.index(filled.b)].endswith(TITLE_B)
    assert headers[0].startswith("1. ") and headers[1].startswith("2. ")
    assert view.hint.text() == ("ความคิดเห็นบนกระดานของงานประชุม 2 งาน จัดกลุ่มตามลำดับที่ของประเด็นยุทธศาสตร์")
    # Issue 1: its header row, then the cards of each workshop in board order.
    assert model.is_issue_row(0)
    assert str(model.index(0, 0).data()).startswith("ประเด็นที่ 1: ")
    column_b = ids.index(filled.b)
    side = model.side()
    first = side.issues[0]
    shown_b = [model.index(row, column_b).data() for row in range(1, first.height() + 1)]
    expected_b = [c.text for c in first.ideas[filled.b]]
    assert shown_b[: len(expected_b)] == expected_b
    assert all(text is None for text in shown_b[len(expected_b) :])
    # Issue 6 exists in B only.
    issue_rows = [r for r in range(model.rowCount()) if model.is_issue_row(r)]
    assert len(issue_rows) == 6
    sixth = issue_rows[-1]
    assert model.index(sixth, 1 - column_b).data() == "ประเด็นที่ 6: (งานประชุมนี้ไม่มีประเด็นนี้)"
    assert model.index(sixth, column_b).data() == "ประเด็นที่ 6: การพัฒนาเมืองอัจฉริยะ"
    # Cards are wrapped: a long card's row is taller than a one-line row.
    heights = {view.side_view.rowHeight(r) for r in range(1, model.rowCount())}
    assert len(heights) > 1


def test_duplicate_pair_highlights_both_cards(
    qtbot: QtBot, view: ProvincialView, filled: TwoWorkshops
) -> None:
    _show_both(qtbot, view, filled)
    pairs = view.duplicate_model
    count = pairs.rowCount()
    assert count > 0
    assert view.duplicates_title.text() == f"ความคิดเห็นที่อาจซ้ำกันระหว่างงานประชุม: {count} คู่"
    row = next(
        r
        for r, pair in enumerate(pairs.rows())
        if {pair.first.id, pair.second.id} == {filled.idea_a, filled.idea_b}
    )
    pair = pairs.rows()[row]
    assert pairs.index(row, 0).data().endswith("%")
    assert pairs.index(row, 1).data() == pair.first.text
    assert pairs.index(row, 2).data() == pair.second.text
    titles = {w.id: w.title for w in view.side_model.side().workshops}
    where = str(pairs.index(row, 2).data(WHERE_ROLE))
    assert where.startswith("ประเด็นที่ 1 · ") and where.endswith(titles[pair.second.workshop_id])
    view.duplicate_view.selectRow(row)
    model = view.side_model
    assert model.highlighted() == {filled.idea_a, filled.idea_b}
    for idea in (filled.idea_a, filled.idea_b):
        index = model.index_of(idea)
        assert index.data(ID_ROLE) == idea
        brush = index.data(Qt.ItemDataRole.BackgroundRole)
        assert isinstance(brush, QBrush) and brush.color() == HIGHLIGHT
    first = model.index_of(pair.first.id)
    assert view.side_view.visualRect(first).intersects(view.side_view.viewport().rect())
    # Another pair: only its two cards are marked.
    other = 1 if row == 0 else 0
    view.duplicate_view.selectRow(other)
    chosen = pairs.rows()[other]
    assert model.highlighted() == {chosen.first.id, chosen.second.id}
    for idea in {filled.idea_a, filled.idea_b} - model.highlighted():
        assert model.index_of(idea).data(Qt.ItemDataRole.BackgroundRole) is None


def test_refresh_reads_what_laptops_synced_since(
    qtbot: QtBot,
    open_view: OpenView,
    server_url: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    province = fill_server(server_url, tmp_path)
    window = open_view(server_url)
    _show_both(qtbot, window, province)
    assert window.workshop_proxy.rowCount() == 2
    third = open_database(tmp_path / "c.sqlite")
    with third.transaction() as session:
        create_demo_workshop(session, "small", seed=11)
    sync(third, server_url)
    third.close()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts fire only in the active window
    qtbot.keyClick(window.workshop_view, Qt.Key.Key_F5)
    assert window.busy()  # read in the background
    qtbot.waitUntil(lambda: not window.busy(), timeout=30000)
    assert window.workshop_proxy.rowCount() == 3
    assert window.statusBar().currentMessage() == "มีงานประชุมบนเซิร์ฟเวอร์ 3 งาน"
    assert set(window.selected_ids()) == {province.a, province.b}  # kept
    assert window.side_model.columnCount() == 2


def test_item_models_pass_the_model_tester(
    qtmodeltester: ModelTester, filled: TwoWorkshops
) -> None:
    engine = connect_server(filled.url)
    try:
        with Session(engine) as session:
            rows = province_workshops(session)
            side = ideas_side_by_side(session, [filled.a, filled.b])
            pairs = cross_workshop_duplicates(session, [filled.a, filled.b])
    finally:
        engine.dispose()
    workshops_model = WorkshopTableModel("th")
    workshops_model.set_rows(rows)
    qtmodeltester.check(workshops_model)
    side_model = SideBySideModel("th")
    side_model.set_side(side)
    side_model.highlight([pairs[0].first.id, pairs[0].second.id])
    assert side_model.rowCount() > 60 and side_model.columnCount() == 2
    qtmodeltester.check(side_model)
    duplicates = DuplicateModel()
    duplicates.set_pairs(pairs, side.workshops)
    qtmodeltester.check(duplicates)
    for empty in (WorkshopTableModel("th"), SideBySideModel("th"), DuplicateModel()):
        qtmodeltester.check(empty)
    assert side_model.index_of("no-such-card") == QModelIndex()
