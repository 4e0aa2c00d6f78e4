"""What the benchmarks share: the nearest-rank percentile and the table of figures."""

from __future__ import annotations

import cProfile
import gc
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


class CpuClock:
    """CPU time of this process per measured action, beside the wall-clock figures: the
    machine the benchmarks run on may be shared, and CPU time shows the work itself."""

    def __init__(self) -> None:
        self.spent: list[float] = []  # milliseconds
        self._start = 0.0

    def start(self) -> None:
        self._start = time.process_time()

    def stop(self) -> None:
        self.spent.append((time.process_time() - self._start) * 1000)


class CollectorPauses:
    """How long Python's cyclic garbage collector stopped every thread, per collection,
    while started: a full collection of a big heap stalls the window whatever it does."""

    def __init__(self) -> None:
        self.pauses: dict[int, list[float]] = {0: [], 1: [], 2: []}  # generation -> ms
        self._began = 0.0

    def _note(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._began = time.perf_counter()
        else:
            self.pauses[info["generation"]].append((time.perf_counter() - self._began) * 1000)

    def start(self) -> None:
        gc.callbacks.append(self._note)

    def stop(self) -> str:
        """Stop listening; what was seen, in a line."""
        gc.callbacks.remove(self._note)
        full = self.pauses[2]
        longest = max((p for pauses in self.pauses.values() for p in pauses), default=0.0)
        return (
            f"{sum(map(len, self.pauses.values()))} garbage collections, the longest "
            f"{longest:.1f} ms; {len(full)} full, {sum(full):.0f} ms in all"
        )


def profiled(path: str | None) -> cProfile.Profile | None:
    """A started profiler when ``path`` is given (``--profile``), else None."""
    if not path:
        return None
    profile = cProfile.Profile()
    profile.enable()
    return profile


def save_profile(profile: cProfile.Profile | None, path: str | None) -> None:
    if profile is not None and path:
        profile.disable()
        profile.dump_stats(path)


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
