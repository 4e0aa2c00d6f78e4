"""What the benchmarks share: the nearest-rank percentile and the table of figures."""

from __future__ import annotations

import math
import time
from collections.abc import Callable

Figure = tuple[str, float, float, str]  # label, value, target (value must be below), unit


def timed_runs(action: Callable[[], object], runs: int) -> list[float]:
    """Seconds each of ``runs`` calls of ``action`` took."""
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        seconds.append(time.perf_counter() - start)
    return seconds


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile: the smallest value with ``share`` of them at or below."""
    ordered = sorted(values)
    return ordered[max(1, math.ceil(share * len(ordered))) - 1]


def report(title: str, figures: list[Figure]) -> bool:
    """Print ``figures`` under ``title`` with PASS/FAIL; True if every target is met."""
    print(title)
    met = True
    for label, value, target, unit in figures:
        ok = value < target
        met &= ok
        verdict = "PASS" if ok else "FAIL"
        print(f"  {label:58s} {value:8.2f} {unit:2s} (target < {target:g} {unit}) {verdict}")
    return met
