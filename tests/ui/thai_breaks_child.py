"""Child process of tests/ui/test_thai_line_breaks.py (run as a script, not collected).

Usage: python thai_breaks_child.py OUTPUT_JSON

Opens a workshop on the board in Thai, with issue titles and cards full of place names,
agencies and compounds, opens the projector, and reads the line breaks back from Qt's
text layout (QTextLayout lines, word wrap on, at the width each text is drawn at) for
the board's cards (current and overview columns), the column headers, the projector's
cards, headings and column titles. Writes what it found as JSON: the names cut
(where the name would have fitted on one line), whether libthai was loaded, and what
plain Qt wrapping would have done with the same texts. The parent runs it with and
without libthai.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtGui import QFont, QFontMetricsF, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication

from workshop_app.db.database import open_database
from workshop_app.services import workshops
from workshop_app.services.demo import create_demo_workshop
from workshop_app.thai.segment import dictionary_loaded
from workshop_app.ui.app import load_fonts
from workshop_app.ui.card_delegate import CardDelegate
from workshop_app.ui.context import WorkshopContext
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.thai_layout import ThaiLabel

# Names, places, agencies and compounds no line may cut (unless one is wider than the
# whole line).
NAMES = (
    "เทศบาลนครหาดใหญ่",
    "องค์กรปกครองส่วนท้องถิ่น",
    "ส่วนท้องถิ่น",
    "ปาดังเบซาร์",
    "อำเภอจะนะ",
    "ชายแดน",
    "สำนักงาน",
    "บริหารจัดการ",
    "บางน้ำเปรี้ยว",
    "สนามชัยเขต",
    "ราชภัฏราชนครินทร์",
    "โยธาธิการ",
    "โครงการ",
    "ท้องถิ่น",
    "สะบ้าย้อย",
    "นาทวี",
    "ผู้ว่าราชการจังหวัด",
    "ฉะเชิงเทรา",
)
ISSUE_TITLES = (
    "การค้าชายแดนด่านปาดังเบซาร์และการบริหารจัดการโลจิสติกส์ของเทศบาลนครหาดใหญ่",
    "ความร่วมมือขององค์กรปกครองส่วนท้องถิ่นในอำเภอจะนะ นาทวี และสะบ้าย้อย",
    "สำนักงานโยธาธิการกับโครงการพัฒนาแหล่งน้ำอำเภอบางน้ำเปรี้ยวและสนามชัยเขต",
)
CARDS = (
    "เทศบาลนครหาดใหญ่ร่วมกับองค์กรปกครองส่วนท้องถิ่นจัดการขยะที่ด่านปาดังเบซาร์",
    "มหาวิทยาลัยราชภัฏราชนครินทร์ศึกษาการค้าชายแดนอำเภอจะนะและสำนักงานพาณิชย์จังหวัด",
    "โครงการบริหารจัดการน้ำอำเภอบางน้ำเปรี้ยวอำเภอสนามชัยเขตจังหวัดฉะเชิงเทรา",
    "ผู้ว่าราชการจังหวัดสั่งการสำนักงานโยธาธิการตรวจถนนท้องถิ่นที่อำเภอนาทวีและสะบ้าย้อย",
)


def qt_lines(text: str, font: QFont, width: float) -> list[str]:
    """The lines Qt's text layout makes of ``text`` (new lines kept) at ``width``."""
    layout = QTextLayout(text.replace("\n", "\u2028"), font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    lines: list[str] = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        shown = layout.text()[line.textStart() : line.textStart() + line.textLength()]
        lines.append(shown.replace("\u2028", ""))
    layout.endLayout()
    return lines


def break_offsets(source: str, lines: list[str]) -> list[int]:
    """Where in ``source`` the lines end (the breaks), ignoring white space and "…"."""
    offsets: list[int] = []
    position = 0
    for line in lines[:-1]:
        body = line.replace("\u200b", "").strip().rstrip("\u2026")
        found = source.find(body, position)
        if found < 0:
            break  # an elided line: the rest is not shown
        position = found + len(body)
        offsets.append(position)
    return offsets


def cuts_in(source: str, lines: list[str], font: QFont, width: float, where: str) -> list[str]:
    metrics = QFontMetricsF(font)
    found = []
    for offset in break_offsets(source, lines):
        for name in NAMES:
            start = source.find(name)
            while start >= 0:
                if start < offset < start + len(name) and metrics.horizontalAdvance(name) <= width:
                    found.append(
                        f"{where}: {source[start:offset]}|{source[offset : start + len(name)]}"
                    )
                start = source.find(name, start + 1)
    return found


def libthai_loaded() -> bool:
    return "/libthai.so" in Path("/proc/self/maps").read_text()


def label_cuts(label: ThaiLabel, where: str) -> list[str]:
    room = label.contentsRect().width()
    lines = qt_lines("\n".join(label.shown_lines()), label.font(), room)
    return cuts_in(label.text(), lines, label.font(), room, where)


def main(argv: list[str]) -> int:
    app = QApplication([])
    load_fonts()
    report: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(Path(folder) / "breaks.sqlite")
        with database.transaction() as session:
            workshop_id = create_demo_workshop(session, "small")
            for title in ISSUE_TITLES:
                workshops.add_issue(session, workshop_id, title)
        window = MainWindow(WorkshopContext(database, workshop_id, "th"))
        window.resize(1366, 740)
        window.show()
        window.show_page(2)
        while not dictionary_loaded():
            time.sleep(0.05)
        for _ in range(5):
            app.processEvents()
            time.sleep(0.05)
        page = window.board_page
        window.open_projector()
        projector = window.projector
        assert projector is not None
        projector.resize(1280, 720)
        cuts: list[str] = []
        plain: list[str] = []
        overflows: list[str] = []
        for number in range(len(page.columns) - len(ISSUE_TITLES), len(page.columns)):
            page.go_to_issue(number)
            for text in CARDS:
                page.entry.setText(text)
                page.add_from_entry()
            app.processEvents()
            for column in page.columns:
                delegate = column.view.itemDelegate()
                assert isinstance(delegate, CardDelegate)
                width = delegate._text_width(column.view.viewport().width() - 4)
                for row in column.model.rows():
                    shown, _height = delegate._shown(row.text, width)
                    lines = qt_lines(shown, delegate.text_font, width)
                    cuts += cuts_in(row.text, lines, delegate.text_font, width, "board card")
                    # What paint draws: as many lines, none wider than the card.
                    drawn = delegate._static_text(shown).size()
                    one_line = delegate._static_text("ก").size().height()
                    if drawn.width() > width + 1 or abs(
                        drawn.height() - len(lines) * one_line
                    ) > len(lines):
                        overflows.append(f"{row.text}: {drawn.width()}x{drawn.height()}")
                    raw = qt_lines(row.text, delegate.text_font, width)
                    plain += cuts_in(row.text, raw, delegate.text_font, width, "plain Qt")
                cuts += label_cuts(column.header, "column header")
            single = projector.single_delegate
            view = projector.single_view
            width = single._text_width(single.card_width or view.viewport().width() - 4)
            current = page.current_column()
            assert current is not None
            for row in current.model.rows():
                shown, _height = single._shown(row.text, width)
                lines = qt_lines(shown, single.text_font, width)
                cuts += cuts_in(row.text, lines, single.text_font, width, "projector card")
            cuts += label_cuts(projector.title, "projector title")
            cuts += label_cuts(projector.issue, "projector issue")
        window.board.set_show_all(True)
        app.processEvents()
        for label, _view in projector.all_views:
            cuts += label_cuts(label, "projector column title")
        header = page.columns[-1].header
        report = {
            "libthai_loaded": libthai_loaded(),
            "cuts": cuts,
            "overflows": overflows,
            "plain_qt_cuts": len(plain),
            "cards_checked": sum(c.model.rowCount() for c in page.columns),
            "header_minimum_width": header.minimumSizeHint().width(),
            "header_text_width": QFontMetricsF(header.font()).horizontalAdvance(header.text()),
        }
        projector.close()
        window.close()
        database.close()
    Path(argv[1]).write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
