"""The registration page's sign-in sheet button, driven as at the desk: the sheet without
phone codes by default, and with each person's code on their row once ticked, on the
address chosen as for the phone cards."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from tests.qr_codes import pdf_codes
from tests.ui.conftest import shown_main_window
from workshop_app.models import PhoneToken
from workshop_app.services import phones
from workshop_app.ui import settings
from workshop_app.ui.context import WorkshopContext
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.phone_panel import THIS_LAPTOP_ONLY, ServerAddressDialog
from workshop_app.ui.signin_sheet_action import SigninSheetButton


@pytest.fixture
def window(
    qtbot: QtBot, context: WorkshopContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr(settings, "settings_store", lambda: store)  # keep the user's own
    window = shown_main_window(qtbot, context)
    window.show_page(1)
    yield window
    window.phones.stop()


def _wait(qtbot: QtBot, button: SigninSheetButton, window: MainWindow) -> None:
    assert button.handle is not None
    with qtbot.waitSignal(button.handle.ended, timeout=60000):
        pass
    banner = window.registration_page.banner
    assert banner.property("kind") == "ok", banner.text()


def test_sign_in_sheet_with_and_without_phone_codes(
    qtbot: QtBot,
    window: MainWindow,
    context: WorkshopContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    targets = iter([tmp_path / "แบบลงทะเบียน.pdf", tmp_path / "พร้อมคิวอาร์.pdf"])
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(next(targets)), ""))
    )
    button = window.registration_page.findChild(SigninSheetButton, "exportSigninSheet")
    assert button is not None

    # By default no codes (meetings without phones), and no tokens issued.
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    options = button.options
    assert options is not None and not options.phone_links.isChecked()
    options.order.setCurrentIndex(options.order.findData("name"))
    options.accept()
    assert button.findChild(ServerAddressDialog) is None  # no address asked
    _wait(qtbot, button, window)
    assert pdf_codes(tmp_path / "แบบลงทะเบียน.pdf", tmp_path / "plain", (200,)) == set()
    assert context.read(lambda s: s.query(PhoneToken).count()) == 0
    assert "Wrote the sign-in sheet" in window.registration_page.banner.text()

    # Ticked: the address as for the cards, then every person's own link on the sheet.
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    options = button.options
    assert options is not None
    options.phone_links.setChecked(True)
    options.accept()
    dialog = button.dialog
    assert dialog is not None
    assert dialog.host.findData("0.0.0.0") < 0  # a printed link needs one address
    assert dialog.windowTitle() == "Address printed in the sign-in sheet's QR codes"
    dialog.host.setCurrentIndex(dialog.host.findData(THIS_LAPTOP_ONLY))
    dialog.port.setValue(8791)
    dialog.accept()
    _wait(qtbot, button, window)
    base = "http://127.0.0.1:8791"
    links = context.read(lambda s: phones.phone_links(s, context.workshop_id, base))
    read = pdf_codes(tmp_path / "พร้อมคิวอาร์.pdf", tmp_path / "phones", (200,))
    assert read == {link.url for link in links}
