"""The Thai translation is complete and compiled from the current sources."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from workshop_app.resources import translation_file
from workshop_app.ui.app import install_translator

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "translations" / "workshop_app_th.ts"
QT_TS_FILE = ROOT / "resources" / "translations" / "qtbase_th.ts"  # Qt's own buttons, dialogs
BIN = Path(sys.executable).parent


def _translated_text(translation: ET.Element) -> str:
    """The Thai text; a plural (%n) message holds it in <numerusform> (Thai has one)."""
    forms = [form.text or "" for form in translation.iter("numerusform")]
    return "".join(forms) if forms else translation.text or ""


def _unfinished(ts_path: Path) -> list[str]:
    root = ET.parse(ts_path).getroot()
    return [
        str(message.findtext("source"))
        for message in root.iter("message")
        if (translation := message.find("translation")) is None
        or translation.get("type") in ("unfinished", "vanished", "obsolete")
        or not _translated_text(translation).strip()
    ]


def test_every_ui_string_has_a_thai_translation(tmp_path: Path) -> None:
    """Re-scan the UI sources: a string without a Thai translation fails here."""
    scratch = tmp_path / "th.ts"
    shutil.copy(TS_FILE, scratch)
    sources = sorted(str(p) for p in (ROOT / "workshop_app" / "ui").rglob("*.py"))
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), *sources, "-ts", str(scratch), "-no-obsolete"],
        check=True,
        capture_output=True,
    )
    assert _unfinished(scratch) == [], "run `make translations` and translate the new strings"
    assert len(list(ET.parse(scratch).getroot().iter("message"))) > 100


def test_compiled_translation_is_up_to_date(tmp_path: Path) -> None:
    compiled = tmp_path / "th.qm"
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(TS_FILE), str(QT_TS_FILE), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )
    assert compiled.read_bytes() == translation_file("th").read_bytes()


def test_qt_standard_buttons_and_dialogs_are_in_thai(qtbot: QtBot) -> None:
    """Qt ships no Thai translation: OK/Cancel, Yes/No and the file dialog come from ours."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translator = install_translator(app, "th")
    try:
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Yes
            | QDialogButtonBox.StandardButton.No
        )
        qtbot.addWidget(buttons)
        texts = [b.text().replace("&", "") for b in buttons.buttons()]
        assert sorted(texts) == sorted(["ตกลง", "ยกเลิก", "ใช่", "ไม่"])
        assert QCoreApplication.translate("QFileDialog", "File &name:") == "&ชื่อไฟล์:"
        assert QCoreApplication.translate("QMessageBox", "Show Details...") == "แสดงรายละเอียด..."
    finally:
        if translator is not None:
            app.removeTranslator(translator)
