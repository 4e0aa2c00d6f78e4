"""Labels that lay out Thai themselves (ThaiLabel, the Banner): lines between words, a
minimum width of one word, the text kept as given."""

from __future__ import annotations

from PySide6.QtGui import QFontMetricsF
from pytestqt.qtbot import QtBot

from workshop_app.thai.segment import dictionary
from workshop_app.ui.thai_layout import ThaiLabel, _wrap_at_spaces
from workshop_app.ui.widgets import Banner

TITLE = "การบริหารจัดการน้ำของสำนักงานโยธาธิการและผังเมืองจังหวัดฉะเชิงเทราในอำเภอบางน้ำเปรี้ยว"


def test_a_label_wraps_between_words_and_its_minimum_is_one_word(
    qtbot: QtBot, fresh_thai_dictionary: None
) -> None:
    label = ThaiLabel(TITLE)
    qtbot.addWidget(label)
    width = QFontMetricsF(label.font()).horizontalAdvance(TITLE)
    assert label.minimumSizeHint().width() < width / 4
    lines = label.shown_lines(int(width / 3))
    assert len(lines) >= 3 and "".join(lines) == TITLE
    assert any("อำเภอบางน้ำเปรี้ยว" in line for line in lines)
    assert label.heightForWidth(int(width / 3)) > label.heightForWidth(int(width) + 10)
    assert label.text() == TITLE


def test_the_banner_lays_out_its_message_and_keeps_it(qtbot: QtBot) -> None:
    dictionary()
    banner = Banner()
    qtbot.addWidget(banner)
    banner.show_message(TITLE, "warn")
    assert banner.text() == TITLE and banner.isVisible()
    assert banner.minimumSizeHint().width() < banner.sizeHint().width()
    assert len(banner.shown_lines(200)) > 1


def test_before_the_dictionary_loads_lines_break_at_spaces_or_between_clusters() -> None:
    lines = _wrap_at_spaces("สำนักงานโยธาธิการและผังเมือง abc def", len, 8)
    assert all(len(line) <= 8 for line in lines)
    assert "".join(lines).replace(" ", "") == "สำนักงานโยธาธิการและผังเมืองabcdef"
    assert "ำ" not in [line[:1] for line in lines]  # never a mark at a line's start


def test_a_cleared_label_draws_no_old_lines(qtbot: QtBot) -> None:
    # QLabel.clear() bypasses setText: the lines laid out for the old text stayed drawn
    # (the ballot screen clears its message for the next voter).
    label = ThaiLabel("ขอบคุณคุณสุนันทา แก้วมณี ลงคะแนนเรียบร้อยแล้ว")
    qtbot.addWidget(label)
    label.resize(400, 60)
    label.show()
    assert label.shown_lines()
    label.clear()
    assert label.text() == "" and label.shown_lines() in ((), ("",))
