"""A card added to a long column while another Python thread is busy (the phone server,
an import): how long until the board column and the projector have laid it out.

Qt lays out a list of cards by calling Python for each card (the delegate's size), and
PySide lets go of the interpreter lock around calls into Qt, so beside a busy thread
each call may wait for the lock: this measures that, at the switch interval the app
sets (``ui.context.GUI_SWITCH_INTERVAL_S``) and at Python's and 1 ms for comparison.

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
from PySide6.QtWidgets import QApplication, QListView

from workshop_app.services.ideas import IdeaRow
from workshop_app.services.workshops import NumberedRow
from workshop_app.ui.app import make_application
from workshop_app.ui.board_data import IdeaFilterProxy, IdeaListModel
from workshop_app.ui.card_delegate import CardDelegate
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


def _adds(cards: int, busy: bool, interval: float) -> list[float]:
    """Milliseconds each of 30 cards took from insert to laid out and painted."""
    issue = NumberedRow(id="issue-1", number=1, title="การท่องเที่ยวชุมชน", detail="")
    model = IdeaListModel(issue)
    proxy = IdeaFilterProxy()  # the board column shows the cards through its filter
    proxy.setSourceModel(model)
    views = []
    for source, points in ((proxy, 12.0), (model, 20.0)):  # the board, the projector
        view = QListView()
        view.setModel(source)
        view.setItemDelegate(CardDelegate(Breaker(), points, "th", view))
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
    for interval in (0.005, 0.001):  # Python's default, and the app's until issue 22
        busy = _adds(args.cards, True, interval)
        print(
            f"for comparison, switch interval {interval * 1000:g} ms: median "
            f"{percentile(busy, 0.5):.0f} ms, p95 {percentile(busy, 0.95):.0f} ms",
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
