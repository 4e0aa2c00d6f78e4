"""The projector's join panel: the QR code of the join page, big enough to scan from the
back of the room, the short address to type and the walk-in code."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.qr_image import holds
from workshop_app.ui.board_data import BoardData
from workshop_app.ui.context import WorkshopContext
from workshop_app.ui.join_panel import JoinInfo, qr_pixmap
from workshop_app.ui.projector import ProjectorWindow
from workshop_app.ui.thai_layout import Breaker

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise", extend=True)


def test_qr_pixmap_holds_the_address_in_whole_pixels(qtbot: QtBot) -> None:
    url = "http://10.0.7.41:8765/"
    pixmap = qr_pixmap(url, 400)
    assert holds(pixmap, url)
    assert not holds(pixmap, "http://10.0.7.42:8765/")
    assert 300 < pixmap.width() <= 400  # whole pixels per module, as large as fits


def test_short_address_is_what_people_type() -> None:
    info = JoinInfo("http://192.168.8.100:8765/", "305172")
    assert info.short_address == "192.168.8.100:8765"


def test_projector_shows_and_hides_the_join_panel(qtbot: QtBot, context: WorkshopContext) -> None:
    board = BoardData(context)
    projector = ProjectorWindow(board, Breaker(), "en")
    qtbot.addWidget(projector)
    projector.resize(1366, 768)
    projector.show()
    qtbot.waitExposed(projector)
    cards_width = projector.single_view.width()
    panel = projector.join_panel
    assert not panel.isVisible()

    info = JoinInfo("http://192.168.8.100:8765/", "305172")
    panel.show_join(info)
    qtbot.waitUntil(lambda: projector.single_view.width() < cards_width)
    assert panel.isVisible()
    # The cards make room; the window stays on its screen.
    assert (projector.width(), projector.height()) == (1366, 768)
    assert panel.address.text() == "192.168.8.100:8765"
    assert panel.walk_in_code.text() == "305 172"
    qr = panel.qr.pixmap()
    assert holds(qr, info.url)
    # Scannable from the back of a ballroom: over a third of the screen's height.
    assert qr.height() > projector.height() / 3

    panel.show_join(None)
    assert not panel.isVisible()
    qtbot.waitUntil(lambda: projector.single_view.width() == cards_width)
