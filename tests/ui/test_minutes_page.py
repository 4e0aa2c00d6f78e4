"""The minutes page: what the secretariat types is stored as they type, the preview
shows the PDF, and exports write PDF or DOCX whole or report why not."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from pytestqt.qtbot import QtBot

from tests.pdf_reading import pdf_text
from tests.ui.background import outcome_of, result_of, ticks_while_running
from tests.ui.conftest import shown_main_window
from tests.ui.keyboard import type_text
from workshop_app.services import meetings, workshops
from workshop_app.ui.context import WorkshopContext
from workshop_app.ui.pages.minutes_page import MinutesPage
from workshop_app.ui.widgets import SAVE_DELAY_MS


def agenda(context: WorkshopContext) -> list[workshops.NumberedRow]:
    return context.read(lambda s: workshops.list_agenda(s, context.workshop_id))


def make_page(qtbot: QtBot, context: WorkshopContext) -> MinutesPage:
    page = MinutesPage(context)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    return page


def test_typing_a_record_is_saved_without_leaving_the_field(
    qtbot: QtBot, context: WorkshopContext
) -> None:
    page = make_page(qtbot, context)
    page.agenda.setCurrentRow(1)
    page.record.setFocus()
    page.record.selectAll()
    type_text(page.record, "ที่ประชุมรับทราบสถานการณ์น้ำท่วม")
    # Saved shortly after the typing stops, while the field still has the focus.
    # Into the item's record, not its setup notes.
    qtbot.waitUntil(lambda: agenda(context)[1].record == "ที่ประชุมรับทราบสถานการณ์น้ำท่วม")
    assert page.record.toPlainText() == "ที่ประชุมรับทราบสถานการณ์น้ำท่วม"


def test_switching_items_keeps_each_items_text(qtbot: QtBot, context: WorkshopContext) -> None:
    page = make_page(qtbot, context)
    page.agenda.setCurrentRow(0)
    page.resolution.setPlainText("รับทราบ และมอบหมายจังหวัดดำเนินการ")
    page.agenda.setCurrentRow(2)  # at once, before the save delay has passed
    items = agenda(context)
    assert items[0].resolution == "รับทราบ และมอบหมายจังหวัดดำเนินการ"
    assert page.resolution.toPlainText() == items[2].resolution
    page.agenda.setCurrentRow(0)
    assert page.resolution.toPlainText() == "รับทราบ และมอบหมายจังหวัดดำเนินการ"
    qtbot.wait(SAVE_DELAY_MS + 100)  # the timer of the first item saves nothing twice
    assert agenda(context)[2].resolution == items[2].resolution


def test_choosing_where_the_results_go(qtbot: QtBot, context: WorkshopContext) -> None:
    page = make_page(qtbot, context)
    page.agenda.setCurrentRow(2)
    page.shows_results.setChecked(True)
    flags = [item.shows_results for item in agenda(context)]
    assert flags == [i == 2 for i in range(len(flags))]
    assert page.agenda.item(2).text().endswith("★")
    assert not page.agenda.item(3).text().endswith("★")
    assert page.agenda.currentRow() == 2


def test_signature_names_are_stored(qtbot: QtBot, context: WorkshopContext) -> None:
    page = make_page(qtbot, context)
    line = page.signature_fields["minutes_checker"]
    line.setFocus()
    line.selectAll()
    type_text(line, "นางสาวพรทิพย์ ใจงาม")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    details = context.read(lambda s: workshops.get_workshop(s, context.workshop_id))
    assert details.minutes_checker == "นางสาวพรทิพย์ ใจงาม"


def test_preview_shows_the_minutes_and_exports_write_pdf_and_docx(
    qtbot: QtBot, context: WorkshopContext, tmp_path: Path
) -> None:
    page = make_page(qtbot, context)
    page.show()
    qtbot.waitUntil(
        lambda: page.preview_document.status() == QPdfDocument.Status.Ready, timeout=60000
    )
    assert page.preview_document.pageCount() > 3
    assert "รายงานการประชุม" in page.preview_document.getAllText(0).text()

    page.thai_digits.setChecked(False)
    page.appendix.setChecked(False)
    qtbot.waitUntil(lambda: page.preview_operation is None, timeout=60000)
    pdf = tmp_path / "รายงานการประชุม-สงขลา.pdf"
    operation = page.export(pdf)
    assert not page.pdf_button.isEnabled()  # one export at a time
    assert ticks_while_running(qtbot, operation) > 0  # the window went on answering
    text = pdf_text(pdf)
    assert "ภาคผนวก" not in text and "ครั้งที่ 1/" in text
    assert page.message.property("kind") == "ok"
    docx = tmp_path / "รายงานการประชุม-สงขลา.docx"
    assert result_of(qtbot, page.export(docx)) == docx
    assert docx.read_bytes().startswith(b"PK")
    assert page.pdf_button.isEnabled() and not page.progress.isVisible()


def test_a_cancelled_export_writes_no_file(
    qtbot: QtBot, context: WorkshopContext, tmp_path: Path
) -> None:
    page = make_page(qtbot, context)
    folder = tmp_path / "ส่งออก"
    folder.mkdir()
    for suffix in (".pdf", ".docx"):
        target = folder / f"รายงานการประชุม-ยกเลิก{suffix}"
        operation = page.export(target)
        operation.cancel()
        assert outcome_of(qtbot, operation)[0] == "cancelled"
        assert list(folder.iterdir()) == []  # no file, no half-written part
        assert page.message.property("kind") == "warn"
        assert "no file was written" in page.message.text()


def test_a_refused_export_says_why_and_writes_nothing(
    qtbot: QtBot, context: WorkshopContext, tmp_path: Path
) -> None:
    page = make_page(qtbot, context)
    target = tmp_path / "no-such-folder" / "minutes.pdf"
    assert outcome_of(qtbot, page.export(target))[0] == "failed"
    assert page.message.property("kind") == "error"
    assert "does not exist" in page.message.text()
    assert not target.parent.exists()


def test_a_sub_item_and_a_counted_motion_are_recorded(
    qtbot: QtBot, context: WorkshopContext
) -> None:
    """Under item 4, a sub-item 4.1 with its own motion, counted by show of hands; a
    count above the members present is refused and nothing is stored."""
    page = make_page(qtbot, context)
    page.agenda.setCurrentRow(3)
    qtbot.mouseClick(page.add_sub_item, Qt.MouseButton.LeftButton)
    rows = agenda(context)
    sub = next(r for r in rows if r.parent_id is not None)
    assert sub.label == "4.1"
    page.agenda.setCurrentRow(rows.index(sub))
    assert page.agenda.currentItem().text().strip().startswith("4.1.")
    page.motion_text.setText("เห็นชอบโครงการจัดการน้ำเสียชุมชน")
    page.motion_counts["for"].setValue(999)
    qtbot.mouseClick(page.add_motion, Qt.MouseButton.LeftButton)
    assert context.read(lambda s: meetings.motion_results(s, sub.id)) == []
    page.motion_counts["for"].setValue(2)
    page.motion_counts["abstain"].setValue(1)
    qtbot.mouseClick(page.add_motion, Qt.MouseButton.LeftButton)
    [result] = context.read(lambda s: meetings.motion_results(s, sub.id))
    assert (result.text, result.for_votes, result.against, result.abstain) == (
        "เห็นชอบโครงการจัดการน้ำเสียชุมชน",
        2,
        0,
        1,
    )
    assert page.motions.count() == 1


def test_a_hearing_comment_gets_the_provinces_answer(
    qtbot: QtBot, context: WorkshopContext
) -> None:
    page = make_page(qtbot, context)
    assert page.comment.count() > 0
    page.comment.setCurrentIndex(2)
    idea_id = page.comment.currentData()
    page.answer.setText("จังหวัดบรรจุไว้ในแผนงานพัฒนาแหล่งน้ำแล้ว")
    page.plan_change.setText("เพิ่มตัวชี้วัดพื้นที่รับประโยชน์")
    qtbot.mouseClick(page.save_answer, Qt.MouseButton.LeftButton)
    stored = next(
        c
        for c in context.read(lambda s: meetings.list_comments(s, context.workshop_id))
        if c.id == idea_id
    )
    assert (stored.answer, stored.plan_change) == (
        "จังหวัดบรรจุไว้ในแผนงานพัฒนาแหล่งน้ำแล้ว",
        "เพิ่มตัวชี้วัดพื้นที่รับประโยชน์",
    )
    assert page.comment.currentData() == idea_id  # still on the same comment


def test_cards_typed_on_the_board_reach_the_hidden_minutes_page_when_it_is_shown(
    qtbot: QtBot, context: WorkshopContext
) -> None:
    # Reading every comment on each card typed made adding a card take half a second
    # with 2,000 cards: the hidden page now reads them when it is shown.
    window = shown_main_window(qtbot, context)
    window.show_page(2)  # the board
    page = window.minutes_page
    before = page.comment.count()
    window.board_page.entry.setText("ขอให้ขยายเขตประปาหมู่บ้านถึงบ้านหนองบัวแดง")
    window.board_page.add_from_entry()
    assert page.comment.count() == before  # not read while another page is shown
    window.show_page(4)  # the minutes
    qtbot.waitUntil(lambda: page.comment.count() == before + 1)
    texts = [page.comment.itemText(n) for n in range(page.comment.count())]
    assert any("ขอให้ขยายเขตประปาหมู่บ้านถึงบ้านหนองบัวแดง" in text for text in texts)
