"""A card added to a long column while another Python thread is busy (the phone server,
an import): how long until the board column and the projector have laid it out.

The app's card views (``ui.card_view``) hold each card's size in Qt, so a layout makes
no call into Python per card. For comparison, the same views with the sizes asked of a
Python ``sizeHint`` for every card (the board until issue 22's last step): PySide lets
go of the interpreter lock around each such call, so beside a busy thread each waits
for the lock, more so at longer switch intervals (Python's 5 ms, the app's 1 ms before).

Run: ``python bench/busy_layout.py`` (offscreen; ``--cards N``).
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from figures import Figure, percentile, report
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

from workshop_app.services.ideas import IdeaRow
from workshop_app.services.workshops import NumberedRow
from workshop_app.ui.app import make_application
from workshop_app.ui.board_data import IDEA_ROLE, IdeaListModel
from workshop_app.ui.card_delegate import CardDelegate
from workshop_app.ui.card_view import CardView
from workshop_app.ui.context import GUI_SWITCH_INTERVAL_S
from workshop_app.ui.thai_layout import Breaker

TARGET_MS = 50.0
PLACES = ("บ้านห้วยทราย", "บ้านปงคอบ", "ตำบลแม่สุก", "บ้านหนองบัวคำ", "ดอยวาวี")


def _card(number: int) -> IdeaRow:
    return IdeaRow(
        id=f"card-{number:05d}",
        issue_id="issue-1",
        text=f"ขยายเขตประปาหมู่บ้านถึง{PLACES[number % len(PLACES)]} ระยะที่ {number}",
        kind="need",
        sector_id=None,
        sector_name="",
        sector_colour="#6a994e",
        breakout_group="",
        author_id=None,
        author_name="",
        position=float(number),
        merged_count=0,
        search_text="",
    )


class PythonSizeDelegate(CardDelegate):
    """The card delegate answering Qt's size question in Python, card by card."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        view = option.widget
        assert isinstance(view, CardView)
        return self.card_size(index.data(IDEA_ROLE).text, view.card_width())


def _adds(cards: int, busy: bool, interval: float, python_sizes: bool = False) -> list[float]:
    """Milliseconds each of 30 cards took from insert to laid out and painted."""
    issue = NumberedRow(id="issue-1", number=1, title="การท่องเที่ยวชุมชน", detail="")
    model = IdeaListModel(issue)
    kind = PythonSizeDelegate if python_sizes else CardDelegate
    views = []
    for filtered, points in ((True, 12.0), (False, 20.0)):  # the board, the projector
        view = CardView(kind(Breaker(), points, "th"), filtered=filtered)
        view.show_cards(model)
        view.resize(420, 700)
        view.show()
        views.append(view)
    rows = [_card(n) for n in range(cards)]
    model.set_rows(rows)
    QApplication.processEvents()
    stop = threading.Event()

    def work() -> None:  # pure Python, as a push or a write is for most of its time
        total = 0
        while not stop.is_set():
            total += sum(range(200))

    before = sys.getswitchinterval()
    sys.setswitchinterval(interval)
    worker = threading.Thread(target=work, daemon=True)
    if busy:
        worker.start()
    took = []
    try:
        for number in range(cards, cards + 30):
            rows = [*rows, _card(number)]
            start = time.perf_counter()
            model.set_rows(rows)
            views[0].scrollToBottom()
            QApplication.processEvents()
            took.append((time.perf_counter() - start) * 1000)
    finally:
        stop.set()
        if busy:
            worker.join()
        sys.setswitchinterval(before)
        for view in views:
            view.close()
    return took


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=400)
    args = parser.parse_args()
    make_application("th")
    figures: list[Figure] = []
    alone = _adds(args.cards, False, GUI_SWITCH_INTERVAL_S)
    figures.append(
        (f"{args.cards} cards, no other thread, median", percentile(alone, 0.5), TARGET_MS, "ms")
    )
    # Python's default, the app's until issue 22, and the app's now
    for interval in (0.005, 0.001, GUI_SWITCH_INTERVAL_S):
        busy = _adds(args.cards, True, interval, python_sizes=True)
        print(
            f"for comparison, sizes from Python, switch interval {interval * 1000:g} ms: "
            f"median {percentile(busy, 0.5):.0f} ms, p95 {percentile(busy, 0.95):.0f} ms",
            flush=True,
        )
    busy = _adds(args.cards, True, GUI_SWITCH_INTERVAL_S)
    label = f"{args.cards} cards, a busy thread (the app's switch interval), "
    figures.append((label + "median", percentile(busy, 0.5), TARGET_MS, "ms"))
    figures.append((label + "p95", percentile(busy, 0.95), TARGET_MS, "ms"))
    report("A card added beside a busy thread (board column and projector, offscreen)", figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
