"""Phones through the real GUI: the main window and the projector (offscreen) with the
participant server started from the board page's phone box, and 300 phones on loopback.

Run: ``python bench/phone_gui.py`` (``--phones N``, ``--idea-seconds S``, ``--strict``
exits 1 when a target fails). bench/phones.py measures the server alone; this measures
what the facilitator and the room see while it runs, in the same process as the app
(the phones are a second process, bench/phones.py's client):

* the app's resident memory with every phone connected, minus the same app with none;
* ideas: 5 a second from random phones for 60 s, each one's time from being sent to
  being in the projector's copy of the column (the model the projector paints). The phones' process
  sends idea *n* at its start + n / 5 s; its start is taken as the moment the command
  was handed to it, so a late send counts against the figure, never for it;
* meanwhile the secretary adds a card by keyboard every half second: from Enter until
  board and projector hold it and have repainted (bench/board.py's measure);
* ballots: every phone votes once at a random moment within 10 s, with the round's
  results on the projector (the voting page shown, results revealed); the time from the
  last ballot's acknowledgement to the projector showing every counted ballot.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from figures import CollectorPauses, Figure, percentile, profiled, report, save_profile
from phones import ClientProcess, _raise_file_limit, _rss_mb, _venue
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QApplication

from workshop_app.services import ideas
from workshop_app.services.voting import RoundResults
from workshop_app.thai.segment import dictionary_loaded
from workshop_app.ui.app import make_application
from workshop_app.ui.context import WorkshopContext
from workshop_app.ui.main_window import MainWindow

ADD_TARGET_MS = 50.0
SEEN_TARGET_MS = 1000.0
MARKER = re.compile(r"#(\d{5})#")


def spin_until(
    done: Callable[[], bool], timeout: float, every: Callable[[], None] | None = None
) -> None:
    """Keep the GUI's event loop running until ``done`` (calling ``every`` between)."""
    deadline = time.time() + timeout
    while not done() and time.time() < deadline:
        QApplication.processEvents()
        if every is not None:
            every()
        time.sleep(0.005)


def ask_in_background(phones: ClientProcess, **command: Any) -> dict[str, Any]:
    """Ask the phones' process while the GUI keeps running (the answer comes at the end)."""
    answer: dict[str, Any] = {}
    worker = threading.Thread(target=lambda: answer.update(phones.ask(**command)), daemon=True)
    worker.start()
    spin_until(lambda: not worker.is_alive(), 600)
    return answer


def run(phones_count: int, idea_seconds: float, profile_path: str | None = None) -> list[Figure]:
    label = f"{phones_count} phones, GUI"
    figures: list[Figure] = []
    make_application("th")
    with tempfile.TemporaryDirectory() as folder:
        database, workshop_id, issue_id, round_id, cards, tokens = _venue(
            Path(folder) / "phones.sqlite", phones_count
        )
        context = WorkshopContext(database, workshop_id, "th")
        window = MainWindow(context)
        window.show_page(2)
        window.show()
        spin_until(dictionary_loaded, 30)
        window.board.set_current(
            next(n for n, m in enumerate(window.board.models) if m.issue.id == issue_id)
        )
        window.open_projector()
        projector = window.projector
        assert projector is not None
        page = window.board_page
        adds: list[float] = []
        splits: list[tuple[float, float]] = []  # per add: ms in the add itself, GUI CPU ms
        next_add = [time.time() + 0.5]

        def type_a_card() -> None:
            if time.time() < next_add[0]:
                return
            next_add[0] += 0.5
            page.entry.setText(f"ขยายเขตประปาหมู่บ้านถึงบ้านห้วยทราย ({len(adds) + 1})")
            start, cpu_start = time.perf_counter(), time.thread_time()
            page.add_from_entry()
            added = time.perf_counter()
            QApplication.processEvents()
            adds.append((time.perf_counter() - start) * 1000)
            # Where the time went: the add itself, what ran after it, the GUI thread's CPU.
            splits.append(((added - start) * 1000, (time.thread_time() - cpu_start) * 1000))

        # The secretary's typing in this app before the server starts: the machine's own.
        alone_until = time.time() + 5.0
        spin_until(lambda: time.time() > alone_until, 10, type_a_card)
        alone, adds[:] = list(adds), []
        host = window.phones
        assert host.start("127.0.0.1", 0)
        spin_until(lambda: False, 1.0)
        rss_idle = _rss_mb()
        phones = ClientProcess()
        try:
            connected = ask_in_background(
                phones, cmd="connect", url=host.url, tokens=tokens, timeout=120
            )
            spin_until(lambda: host.connected_count() >= connected["ready"], 10)
            spin_until(lambda: False, 2.0)
            rss_busy = _rss_mb()
            print(
                f"{label}: {connected['ready']} connected in {connected['seconds']:.1f} s, "
                f"{host.connected_count()} counted by the phone box; app RSS "
                f"{rss_idle:.0f} MB with none, {rss_busy:.0f} MB with all",
                flush=True,
            )
            figures.append(
                (f"{label}: app memory, all connected minus none", rss_busy - rss_idle, 300, "MB")
            )

            # --- ideas, and the secretary typing meanwhile
            column = window.board.model_for(issue_id)
            projector_cards = projector.single_view.sizes  # the projector's copy of the column
            assert column is not None and projector_cards is not None
            assert projector_cards.cards is column
            seen: dict[int, float] = {}

            def on_projector(_parent: QModelIndex, first: int, last: int) -> None:
                now = time.time()
                for row in range(first, last + 1):
                    card = projector_cards.row_at(row)
                    found = MARKER.search(card.text) if card is not None else None
                    if found is not None:
                        seen.setdefault(int(found.group(1)), now)

            projector_cards.rowsInserted.connect(on_projector)
            # A refresh that reorders the column resets the model instead of inserting.
            projector_cards.modelReset.connect(
                lambda: on_projector(QModelIndex(), 0, projector_cards.rowCount() - 1)
            )
            # The same typing before any idea comes: what the machine gives without them.
            quiet_until = time.time() + 5.0
            spin_until(lambda: time.time() > quiet_until, 10, type_a_card)
            quiet, adds[:] = list(adds), []
            splits[:] = []
            answer: dict[str, Any] = {}
            sent_from = time.time()
            worker = threading.Thread(
                target=lambda: answer.update(
                    phones.ask(cmd="ideas", issue_id=issue_id, rate=5.0, seconds=idea_seconds)
                ),
                daemon=True,
            )
            profile = profiled(profile_path)  # the GUI thread while ideas come
            # CPU seconds, less sensitive than wall times to what else the machine runs.
            cpu_from, gui_cpu_from, wall_from = time.process_time(), time.thread_time(), time.time()
            collector = CollectorPauses()
            collector.start()
            worker.start()
            spin_until(lambda: not worker.is_alive(), idea_seconds + 120, type_a_card)
            save_profile(profile, profile_path)
            collected = collector.stop()
            wall = time.time() - wall_from
            app_cpu = (time.process_time() - cpu_from) / wall * 100
            gui_cpu = (time.thread_time() - gui_cpu_from) / wall * 100
            print(
                f"{label}: while ideas came the app used {app_cpu:.0f} % of a core, "
                f"its GUI thread {gui_cpu:.0f} % (load average {os.getloadavg()[0]:.2f}); "
                f"{collected}",
                flush=True,
            )
            count = int(answer["ideas"])
            # A card the signals did not show (a refresh that changed it in place) counts
            # as seen only now, after the run: against the figure, never for it.
            on_projector(QModelIndex(), 0, projector_cards.rowCount() - 1)
            latencies = [
                (seen[n] - (sent_from + n / 5.0)) * 1000 for n in range(count) if n in seen
            ]
            missing = count - len(latencies)
            refused = count - len(answer["acks"])  # not acknowledged ok: never on the board
            stored = {
                int(found.group(1))
                for row in context.read(lambda s: ideas.list_ideas(s, workshop_id, issue_id))
                if (found := MARKER.search(row.text)) is not None
            }
            # Stored but not shown: the board's refresh missed a committed card.
            unshown = sorted(n for n in stored if n not in seen)
            print(
                f"{label}: {count} ideas over {idea_seconds:.0f} s; on the projector p50 "
                f"{percentile(latencies, 0.5):.0f} ms, max {max(latencies):.0f} ms; "
                f"{missing} missing ({refused} not acknowledged, stored but not shown: "
                f"{unshown}); {len(adds)} cards typed "
                f"meanwhile, p50 "
                f"{percentile(adds, 0.5):.1f} ms, max {max(adds):.1f} ms",
                flush=True,
            )
            figures.append(
                (
                    f"{label}: 5 ideas/s, sent to on the projector, p95",
                    percentile(latencies, 0.95),
                    SEEN_TARGET_MS,
                    "ms",
                )
            )
            figures.append((f"{label}: ideas missing on the projector", missing, 1, ""))
            print(
                f"{label}: the same typing with the phones connected, before any idea: p50 "
                f"{percentile(quiet, 0.5):.1f} ms, p95 {percentile(quiet, 0.95):.1f} ms; "
                f"without the server: p50 {percentile(alone, 0.5):.1f} ms, "
                f"p95 {percentile(alone, 0.95):.1f} ms",
                flush=True,
            )
            slowest = sorted(zip(adds, splits, strict=True), reverse=True)[
                : max(1, len(adds) // 20)
            ]
            print(
                f"{label}: the slowest 5 % of those adds (ms: whole, in the add itself, "
                f"GUI thread CPU): "
                + ", ".join(f"{whole:.0f}/{own:.0f}/{cpu:.0f}" for whole, (own, cpu) in slowest),
                flush=True,
            )
            figures.append(
                (
                    f"{label}: add a card by keyboard meanwhile, p95",
                    percentile(adds, 0.95),
                    ADD_TARGET_MS,
                    "ms",
                )
            )

            # --- ballots, with the results on the projector
            window.show_page(3)
            voting = window.voting_page
            voting.reload()
            voting.select_round(round_id)
            voting.reveal.setChecked(True)
            shown: list[tuple[float, int]] = []

            def on_results(results: object) -> None:
                if isinstance(results, RoundResults) and projector.results is results:
                    shown.append((time.time(), results.count.ballots))

            voting.projector_results.connect(on_results)
            ballots = ask_in_background(phones, cmd="ballots", round_id=round_id, cards=cards)
            acked = len(ballots["latencies"])
            spin_until(lambda: bool(shown) and shown[-1][1] >= acked, 10)
            on_screen = next((at for at, n in shown if n >= acked), float("inf"))
            acks = ballots["latencies"] or [float("inf")]
            print(
                f"{label}: {acked} ballots acked (ack p95 {percentile(acks, 0.95) * 1000:.0f} ms), "
                f"{ballots['lost']} lost; the projector showed {shown[-1][1] if shown else 0} "
                f"ballots {(on_screen - ballots['last_ack']) * 1000:.0f} ms after the last ack, "
                f"after {len(shown)} refreshes",
                flush=True,
            )
            figures.append(
                (
                    f"{label}: last ballot ack to results on the projector",
                    (on_screen - ballots["last_ack"]) * 1000,
                    SEEN_TARGET_MS,
                    "ms",
                )
            )
            figures.append((f"{label}: ballots lost", ballots["lost"], 1, ""))
        finally:
            phones.close()
            host.stop()
            projector.close()
            window.close()
            database.close()
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phones", type=int, default=300)
    parser.add_argument("--idea-seconds", type=float, default=60.0)
    parser.add_argument("--strict", action="store_true")
    parser.add_argument("--profile", metavar="FILE", help="cProfile the GUI thread during ideas")
    args = parser.parse_args()
    _raise_file_limit()
    print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores", flush=True)
    figures = run(args.phones, args.idea_seconds, args.profile)
    met = report(f"Phones through the GUI ({args.phones}, loopback, offscreen)", figures)
    return 1 if args.strict and not met else 0


if __name__ == "__main__":
    sys.exit(main())
