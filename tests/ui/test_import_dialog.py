"""The import preview, driven from the keyboard: pick the sheet, give a column its
meaning, choose what to do with a person listed twice, import; the choice of meanings is
remembered for the next file with the same headers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.ui.background import opened, outcome_of, settled, ticks_while_running, written
from workshop_app.db.database import Database
from workshop_app.models import StrategicIssue
from workshop_app.services import attendees, ideas
from workshop_app.ui import settings
from workshop_app.ui.app import install_translator
from workshop_app.ui.context import WorkshopContext
from workshop_app.ui.import_dialog import ImportPreviewDialog
from workshop_app.ui.main_window import MainWindow

CORPUS = Path(__file__).resolve().parents[1] / "data" / "import_corpus"


@pytest.fixture
def window(
    qtbot: QtBot, db: Database, demo_workshop: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr(settings, "settings_store", lambda: store)  # keep the user's own
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translator = install_translator(app, "th")  # the dialog's own texts come from it
    window = MainWindow(WorkshopContext(db, demo_workshop, "th"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    if translator is not None:
        app.removeTranslator(translator)


def _list_file(path: Path) -> Path:
    """Notes on the first sheet, the list on the second under a header the app cannot
    know ("ผู้แทน"), one person typed twice, last year's list on a hidden sheet."""
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "คำชี้แจง"
    notes.append(["ส่งรายชื่อผู้แทนหน่วยงานภายในวันที่ 20 มกราคม"])
    sheet = book.create_sheet("รายชื่อ")
    sheet.append(["ที่", "ผู้แทน", "หน่วยงาน", "ภาคส่วน", "โทร"])
    sheet.append([1, "นายไพศาล รัตนพันธ์", "สำนักงานพาณิชย์จังหวัดสตูล", "ส่วนราชการ", 74711234])
    sheet.append([2, "นางจันทร์เพ็ญ หลีเหม", "เทศบาลเมืองสตูล", "อปท.", 812345678])
    sheet.append([3, "นายไพศาล รัตนพันธ์", "สำนักงานพาณิชย์จังหวัดสตูล", "ส่วนราชการ", 74711234])
    old = book.create_sheet("ปีที่แล้ว")
    old.append(["ชื่อ-สกุล", "หน่วยงาน", "ภาคส่วน"])
    old.append(["นายสมปอง อดีตกาล", "สำนักงานจังหวัดสตูล", "ส่วนราชการ"])
    old.sheet_state = "hidden"
    book.save(path)
    return path


def _press(qtbot: QtBot, widget: QWidget, key: Qt.Key, times: int = 1) -> None:
    widget.setFocus()
    for _ in range(times):
        qtbot.keyClick(widget, key)


def _choose(qtbot: QtBot, combo: QComboBox, data: object) -> None:
    """Move a combo box to the item holding ``data`` with the arrow keys."""
    target = combo.findData(data)
    assert target >= 0
    step = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    _press(qtbot, combo, step, abs(target - combo.currentIndex()))
    assert combo.currentIndex() == target
    dialog = combo.window()
    assert isinstance(dialog, ImportPreviewDialog)
    settled(qtbot, dialog)


def _meaning(dialog: ImportPreviewDialog, column: int) -> QComboBox:
    combo = dialog.findChild(QComboBox, f"meaning{column}")
    assert combo is not None
    return combo


def _names(window: MainWindow) -> list[str]:
    context = window.context
    rows = context.read(lambda s: attendees.list_attendees(s, context.workshop_id))
    return [r.full_name for r in rows]


def test_sheet_meaning_duplicates_by_keyboard(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    before = _names(window)
    dialog = opened(qtbot, window, window.import_invitation_file(_list_file(tmp_path / "สตูล.xlsx")))
    assert dialog is not None and dialog.isVisible()
    # The list's sheet was chosen and the choice explained; the hidden sheet not offered.
    picker = dialog.sheet_picker
    assert [picker.itemText(i) for i in range(picker.count())] == ["คำชี้แจง", "รายชื่อ"]
    assert picker.currentText() == "รายชื่อ"
    assert "ปีที่แล้ว" in dialog.sheet_note.text() and "ซ่อน" in dialog.sheet_note.text()
    # No name column yet: the problem is shown and import is not possible.
    assert not dialog.import_button.isEnabled()
    assert "ไม่มีคอลัมน์ชื่อ" in dialog.problem_list.text()
    # Picking the notes sheet says there is no table there; back to the list.
    _press(qtbot, picker, Qt.Key.Key_Up)
    assert picker.currentText() == "คำชี้แจง"
    settled(qtbot, dialog)
    assert "ไม่พบแถวหัวตาราง" in dialog.summary.text()
    _press(qtbot, picker, Qt.Key.Key_Down)
    assert picker.currentText() == "รายชื่อ"
    settled(qtbot, dialog)
    # Column B holds the full names; the phone column was read from its header.
    assert _meaning(dialog, 4).currentData() == "phone"
    _choose(qtbot, _meaning(dialog, 1), "full_name")
    assert dialog.import_button.isEnabled()
    assert dialog.duplicate_box.isVisible() and "2, 4" in dialog.duplicate_rows.text()
    note_column = dialog.model.columnCount() - 1
    assert "ซ้ำกับแถว 2" in dialog.model.index(2, note_column).data()
    # Keep every row, by keyboard, and import with Enter.
    _press(qtbot, dialog.keep_all, Qt.Key.Key_Space)
    assert dialog.keep_all.isChecked()
    _press(qtbot, dialog.import_button, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert written(qtbot, window)[0] == "ok"
    added = [n for n in _names(window) if n not in before]
    assert sorted(added) == sorted(["นายไพศาล รัตนพันธ์", "นางจันทร์เพ็ญ หลีเหม", "นายไพศาล รัตนพันธ์"])
    context = window.context
    phones = {
        r.phone
        for r in context.read(lambda s: attendees.list_attendees(s, context.workshop_id))
        if r.first_name in ("ไพศาล", "จันทร์เพ็ญ")
    }
    assert phones == {"074711234", "0812345678"}


def test_remembered_meanings_and_keep_first(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    first = opened(
        qtbot, window, window.import_invitation_file(_list_file(tmp_path / "ครั้งแรก.xlsx"))
    )
    assert first is not None
    _choose(qtbot, _meaning(first, 1), "full_name")
    _press(qtbot, first.buttons.button(first.buttons.StandardButton.Cancel), Qt.Key.Key_Space)
    assert not first.isVisible()  # cancelled: nothing imported, nothing remembered
    before = _names(window)
    again = opened(
        qtbot, window, window.import_invitation_file(_list_file(tmp_path / "อีกครั้ง.xlsx"))
    )
    assert again is not None and _meaning(again, 1).currentData() == ""
    _choose(qtbot, _meaning(again, 1), "full_name")
    assert again.keep_first.isChecked()
    _press(qtbot, again.import_button, Qt.Key.Key_Return)
    assert written(qtbot, window)[0] == "ok"
    assert sorted(n for n in _names(window) if n not in before) == sorted(
        ["นายไพศาล รัตนพันธ์", "นางจันทร์เพ็ญ หลีเหม"]
    )
    # The same headers next time: the meaning chosen is already there.
    third = opened(
        qtbot, window, window.import_invitation_file(_list_file(tmp_path / "ครั้งที่สาม.xlsx"))
    )
    assert third is not None
    assert _meaning(third, 1).currentData() == "full_name"
    _press(qtbot, third, Qt.Key.Key_Escape)
    assert not third.isVisible()


def test_inferred_sectors_are_marked(qtbot: QtBot, window: MainWindow) -> None:
    dialog = opened(qtbot, window, window.import_invitation_file(CORPUS / "inv_no_sector.xlsx"))
    assert dialog is not None and dialog.import_button.isEnabled()
    note_column = dialog.model.columnCount() - 1
    assert dialog.model.index(0, note_column).data() == "ภาคส่วน (อนุมาน): ส่วนราชการ"
    assert "อนุมาน" in dialog.summary.text()
    dialog.reject()


def test_ideas_preview_marks_the_bad_cell_and_imports_a_good_file(
    qtbot: QtBot, window: MainWindow
) -> None:
    bad = opened(qtbot, window, window.import_idea_file(CORPUS / "bad_issue_fraction.xlsx"))
    assert bad is not None and not bad.import_button.isEnabled()
    cell = bad.model.index(1, 0)  # row 3 of the sheet, column A
    assert "2.5" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert cell.data(Qt.ItemDataRole.BackgroundRole) is not None
    bad.reject()
    context = window.context
    before = len(context.read(lambda s: ideas.list_ideas(s, context.workshop_id)))
    good = opened(qtbot, window, window.import_idea_file(CORPUS / "ideas_flipchart.xlsx"))
    assert good is not None and good.import_button.isEnabled()
    _press(qtbot, good.import_button, Qt.Key.Key_Return)
    assert written(qtbot, window)[0] == "ok"
    after = context.read(lambda s: ideas.list_ideas(s, context.workshop_id))
    assert len(after) == before + 10
    assert any(r.text.startswith("= ต้นทุนปุ๋ย") for r in after)


def test_committee_and_hearing_columns_are_summed_up(qtbot: QtBot, window: MainWindow) -> None:
    """An appointing order: its members and the role it adds to the list; a hearing
    transcript: how many comments carry a commenter or an answer."""
    dialog = opened(qtbot, window, window.import_invitation_file(CORPUS / "committee_order.xlsx"))
    assert dialog is not None and dialog.import_button.isEnabled()
    assert _meaning(dialog, 4).currentData() == "role"
    summary = dialog.summary.text()
    assert "พบ 13 คน เป็นกรรมการ 13 คน เรียงตามลำดับในแฟ้ม" in summary
    assert "เพิ่มตำแหน่งในคณะ: กรรมการและเลขานุการร่วม" in summary
    dialog.reject()
    hearing = opened(qtbot, window, window.import_idea_file(CORPUS / "hearing_transcript.csv"))
    assert hearing is not None and hearing.import_button.isEnabled()
    meanings = [_meaning(hearing, c).currentData() for c in range(3, 7)]
    assert meanings == ["commenter", "organisation", "answer", "plan_change"]
    assert "มีผู้ให้ความคิดเห็นหรือคำชี้แจงของจังหวัด 3 รายการ" in hearing.summary.text()
    hearing.reject()


# --- long files: read, checked and written in the background ---------------------------


def _many_invitees(path: Path, count: int) -> Path:
    """An invitation list of a whole region's network, as a provincial office exports it."""
    firsts = ("สมศักดิ์", "วราภรณ์", "ณรงค์ฤทธิ์", "ปิยะนุช", "เกรียงไกร", "อัมพร", "ชาตรี")
    lasts = ("ศรีสมบูรณ์", "ใจดีงาม", "ทองประเสริฐ", "แก้วมณี", "บุญญาศิริ")
    places = (
        ("สำนักงานเกษตรอำเภอหล่มสัก", "ส่วนราชการ"),
        ("เทศบาลตำบลวังชมภู", "องค์กรปกครองส่วนท้องถิ่น"),
        ("วิสาหกิจชุมชนแปรรูปมะขามหวานเขาค้อ", "ภาคเอกชน"),
        ("โรงพยาบาลส่งเสริมสุขภาพตำบลนาป่า", "ส่วนราชการ"),
    )
    lines = ["ที่,ชื่อ-สกุล,หน่วยงาน,ภาคส่วน"]
    for number in range(count):
        organisation, sector = places[number % len(places)]
        name = f"{firsts[number % 7]} {lasts[number % 5]}{number:05d}"
        lines.append(f"{number + 1},{name},{organisation},{sector}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _many_ideas(path: Path, count: int) -> Path:
    """A hearing's comments typed in by the secretariat, one line each."""
    texts = (
        "ควรขยายเขตประปาหมู่บ้านให้ทั่วถึงตำบลท่าพล",
        "เสนอให้ปรับปรุงถนนเลียบคลองชลประทานสายหนองไผ่",
        "ส่งเสริมตลาดชุมชนสินค้าเกษตรปลอดภัยอำเภอชนแดน",
    )
    lines = ["ที่,ประเด็น,ความคิดเห็น"]
    lines += [f"{n + 1},{n % 3 + 1},{texts[n % 3]} (ครั้งที่ {n + 1})" for n in range(count)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_ten_thousand_invitees_never_freeze_the_window(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = _many_invitees(tmp_path / "เครือข่ายเพชรบูรณ์.csv", 10_000)
    before = _names(window)
    reading = window.import_invitation_file(path)
    assert ticks_while_running(qtbot, reading) > 3  # the window went on meanwhile
    dialog = window.import_preview
    assert dialog is not None and dialog.isVisible()
    assert dialog.import_button.isEnabled()
    # Cancel while it is being written: nothing was added.
    dialog.accept()
    assert window.running_import is not None
    window.running_import.cancel()
    assert written(qtbot, window)[0] == "cancelled"
    assert _names(window) == before
    assert window.statusBar().currentMessage() == "ยกเลิกการนำเข้าแล้ว: ไม่มีข้อมูลใดถูกเพิ่ม"
    # Again, to the end: the window goes on while the 10,000 are written.
    again = opened(qtbot, window, window.import_invitation_file(path))
    again.accept()
    assert window.running_import is not None
    assert ticks_while_running(qtbot, window.running_import) > 3
    assert len(_names(window)) == len(before) + 10_000


def test_cancel_while_reading_opens_nothing_and_a_refused_write_is_one_message(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    context = window.context
    count = len(context.read(lambda s: ideas.list_ideas(s, context.workshop_id)))
    reading = window.import_idea_file(_many_ideas(tmp_path / "ความคิดเห็นประชาคม.csv", 10_000))
    reading.cancel()
    assert outcome_of(qtbot, reading)[0] == "cancelled"
    assert window.import_preview is None
    # The issues went meanwhile (deleted on another laptop, merged from its bundle): the
    # write is refused in one message, in Thai, and nothing is added.
    dialog = opened(qtbot, window, window.import_idea_file(CORPUS / "ideas_flipchart.xlsx"))
    assert dialog.import_button.isEnabled()
    with context.database.transaction() as session:
        for issue in session.scalars(
            select(StrategicIssue).where(StrategicIssue.workshop_id == context.workshop_id)
        ):
            issue.deleted = True
    dialog.accept()
    kind, message = written(qtbot, window)
    assert kind == "failed" and message
    box = window.findChild(QMessageBox, "userErrorBox")
    assert box is not None and box.text() == message
    assert "Traceback" not in message
    box.close()
    assert len(context.read(lambda s: ideas.list_ideas(s, context.workshop_id))) == count
