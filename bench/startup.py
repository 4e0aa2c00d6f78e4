"""Start-up benchmark: from starting Python to the main window shown on the large demo.

Run: ``python bench/startup.py`` (offscreen unless QT_QPA_PLATFORM is set). Builds the
large demo (300 invitees, 2,000 ideas) in a temporary SQLite file once, then starts a
fresh Python process several times that imports the app, opens the file the way
``workshop-app gui`` does (``GuiController.open``) and waits until the main window has
been shown and painted. Reports the wall-clock median and worst of the runs, and the
CPU time of the child process (the machine the benchmark runs on may be shared).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from figures import Figure, percentile, report

from workshop_app.db.database import open_database
from workshop_app.services.demo import create_demo_workshop

START_TARGET_S = 2.0
CHILD = """
import resource, sys
from pathlib import Path
from workshop_app.ui.app import GuiController, make_application
from PySide6.QtWidgets import QApplication
app = make_application("th")
controller = GuiController(app, "th")
assert controller.open(Path(sys.argv[1]), None)
QApplication.processEvents()
assert controller.window is not None
controller.window.grab()
usage = resource.getrusage(resource.RUSAGE_SELF)
print(usage.ru_utime + usage.ru_stime, flush=True)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--strict", action="store_true", help="exit 1 if a target is missed")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    root = Path(__file__).resolve().parents[1]
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root), str(root / "bench")])}
    walls: list[float] = []
    cpus: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite"
        database = open_database(path)
        with database.transaction() as session:
            create_demo_workshop(session, "large")
        database.close()
        for _ in range(args.runs):
            start = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-c", CHILD, str(path)],
                env=environment,
                capture_output=True,
                text=True,
                check=True,
            )
            walls.append(time.perf_counter() - start)  # includes the child's exit
            cpus.append(float(done.stdout.strip().splitlines()[-1]))
    results: list[Figure] = [
        ("start to the main window, median", percentile(walls, 0.5), START_TARGET_S, "s"),
        ("start to the main window, worst", max(walls), START_TARGET_S, "s"),
        ("start to the main window, CPU median", percentile(cpus, 0.5), START_TARGET_S, "s"),
    ]
    met = report(f"Start-up on the large demo, {args.runs} runs ({sys.platform})", results)
    return 1 if args.strict and not met else 0


if __name__ == "__main__":
    sys.exit(main())
