"""Help → About: version, what runs the app, the bundled licenses, the OFL text; in Thai."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from tests.ui.conftest import shown_main_window
from workshop_app import __version__
from workshop_app.db.database import head_revision
from workshop_app.ui.about_dialog import APP_NAME_EN, APP_NAME_TH, AboutDialog
from workshop_app.ui.context import WorkshopContext
from workshop_app.ui.main_window import MainWindow


def _help_menu(window: MainWindow) -> QMenu:
    last = window.menuBar().actions()[-1]  # Help is the last menu, by convention
    menu = last.menu()
    assert isinstance(menu, QMenu)
    return menu


def _open_about(qtbot: QtBot, window: MainWindow, about_text: str) -> AboutDialog:
    actions = [a for a in _help_menu(window).actions() if a.text() == about_text]
    assert len(actions) == 1
    actions[0].trigger()
    dialog = window.about_dialog
    assert isinstance(dialog, AboutDialog)
    qtbot.waitExposed(dialog)
    assert dialog.isVisible()
    return dialog


def test_about_opens_from_the_help_menu(qtbot: QtBot, context: WorkshopContext) -> None:
    window = shown_main_window(qtbot, context)
    assert window.menuBar().actions()[-1].text() == "&Help"
    dialog = _open_about(qtbot, window, "About")
    assert dialog.windowTitle() == "About Workshop app"
    assert __version__ in dialog.version_label.text()
    versions = dict(dialog.versions)
    assert set(versions) >= {"Python", "Qt", "PySide6", "SQLAlchemy", "ReportLab", "openpyxl"}
    assert set(versions) >= {"PyThaiNLP", "psycopg", "alembic", "Database schema revision"}
    assert versions["Database schema revision"] == head_revision()
    assert "not installed" not in versions.values()

    # The Sarabun line, and the OFL text one click away.
    assert "Sarabun" in dialog.font_line.text()
    assert "SIL Open Font License 1.1" in dialog.font_line.text()
    dialog.tabs.setCurrentIndex(1)
    assert dialog.tabs.currentIndex() != dialog.ofl_tab_index
    dialog.ofl_button.click()
    assert dialog.tabs.currentWidget() is dialog.ofl_view
    assert dialog.ofl_view.isReadOnly()
    assert "SIL OPEN FONT LICENSE" in dialog.ofl_view.toPlainText()

    # One row per bundled component, Sarabun and PySide6 with their licenses.
    tree = dialog.license_tree
    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    rows = {item.text(0): item for item in items if item is not None}
    assert rows["Sarabun"].text(2) == "SIL Open Font License 1.1"
    assert "LGPL" in rows["PySide6"].text(2)
    assert rows["PySide6"].text(1) and rows["SQLAlchemy"].text(3).startswith("http")

    dialog.close_button.click()
    assert not dialog.isVisible()
    # Opening it again shows the same dialog.
    assert _open_about(qtbot, window, "About") is dialog


def test_copy_details_puts_versions_and_licenses_on_the_clipboard(
    qtbot: QtBot, context: WorkshopContext
) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    copied = QApplication.clipboard().text()
    assert copied.startswith(f"{APP_NAME_EN} / {APP_NAME_TH} {__version__}")
    assert "Sarabun" in copied and "SIL Open Font License 1.1" in copied
    assert "SIL OPEN FONT LICENSE" not in copied  # the OFL text itself is not copied
    assert dialog.copy_button.text() == "Copied"


def test_about_is_in_thai(qtbot: QtBot, thai_window: MainWindow) -> None:
    assert thai_window.menuBar().actions()[-1].text() == "&ช่วยเหลือ"
    dialog = _open_about(qtbot, thai_window, "เกี่ยวกับโปรแกรม")
    assert dialog.windowTitle() == "เกี่ยวกับโปรแกรมประชุมเชิงปฏิบัติการ"
    assert dialog.version_label.text() == f"รุ่น {__version__}"
    tabs = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert tabs == ["รุ่นของซอฟต์แวร์", "สัญญาอนุญาต", "สัญญาอนุญาตแบบอักษร (OFL)"]
    assert dialog.font_line.text().startswith("แบบอักษร Sarabun: SIL Open Font License 1.1")
    assert dialog.ofl_button.text() == "แสดงข้อความสัญญาอนุญาตแบบอักษร"
    assert dialog.close_button.text() == "ปิด"
    assert "รุ่นโครงสร้างฐานข้อมูล" in dict(dialog.versions)
    dialog.ofl_button.click()
    assert "SIL OPEN FONT LICENSE" in dialog.ofl_view.toPlainText()
