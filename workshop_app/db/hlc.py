"""Hybrid logical clock: stamps that order every write across devices.

A stamp is a string that sorts in time order, so SQLite and PostgreSQL can compare
stamps with plain ``<``: ``"<15-digit wall ms>.<6-digit counter>.<device id>"``.
The device id at the end breaks ties between two devices at the same instant, which
makes the order total ("the later stamp wins" always picks one version).
"""

from __future__ import annotations

import enum
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

MAX_COUNTER = 999_999  # six digits: stamps compare as strings only at a fixed width
STAMP_PATTERN = re.compile(r"[0-9]{15}\.[0-9]{6}\.[0-9a-f-]{36}")


@dataclass(frozen=True, order=True)
class Stamp:
    wall_ms: int
    counter: int
    device_id: str

    def encode(self) -> str:
        return f"{self.wall_ms:015d}.{self.counter:06d}.{self.device_id}"

    @staticmethod
    def decode(text: str) -> Stamp:
        wall, counter, device = text.split(".", 2)
        return Stamp(int(wall), int(counter), device)


class HybridLogicalClock:
    """Issue monotonic stamps for one device; ``observe`` merges a stamp from elsewhere."""

    def __init__(
        self,
        device_id: str,
        last: str | None = None,
        wall_clock_ms: Callable[[], int] | None = None,
    ) -> None:
        self.device_id = device_id
        self._wall_clock_ms = wall_clock_ms or (lambda: time.time_ns() // 1_000_000)
        self._lock = threading.Lock()
        previous = Stamp.decode(last) if last else None
        self._wall = previous.wall_ms if previous else 0
        self._counter = previous.counter if previous else 0

    def now(self) -> str:
        """A stamp later than every stamp this clock issued or observed."""
        with self._lock:
            physical = self._wall_clock_ms()
            if physical > self._wall:
                self._wall, self._counter = physical, 0
            else:  # the wall clock went back or stood still: count on
                self._counter += 1
                if self._counter > MAX_COUNTER:  # keep the width fixed: step the time
                    self._wall, self._counter = self._wall + 1, 0
            return Stamp(self._wall, self._counter, self.device_id).encode()

    def observe(self, remote: str) -> None:
        """Move past a stamp received from another device (used by sync)."""
        other = Stamp.decode(remote)
        with self._lock:
            if (other.wall_ms, other.counter) > (self._wall, self._counter):
                self._wall, self._counter = other.wall_ms, other.counter


# Version vectors. A row's ``versions`` holds, for each device that wrote it, the stamp
# of that device's latest write, space-separated and sorted by device. Since a stamp
# names its device and one device's stamps only grow, the vector tells whether one
# version has seen another (an update) or neither has seen the other (a conflict).


class Order(enum.Enum):
    SAME = "same"
    OLDER = "older"  # the first version is an ancestor of the second
    NEWER = "newer"  # the first version has seen the second
    CONCURRENT = "concurrent"  # made without seeing each other


def _entries(versions: str) -> dict[str, str]:
    entries: dict[str, str] = {}
    for stamp in versions.split():
        device = stamp.split(".", 2)[2]
        if stamp > entries.get(device, ""):
            entries[device] = stamp
    return entries


def _encode(entries: dict[str, str]) -> str:
    return " ".join(entries[device] for device in sorted(entries))


def advance_versions(versions: str, stamp: str) -> str:
    """The vector after a write stamped ``stamp`` by its device."""
    entries = _entries(versions)
    entries[stamp.split(".", 2)[2]] = stamp
    return _encode(entries)


def join_versions(first: str, second: str) -> str:
    """A vector that has seen both (what a row is after a conflict was settled)."""
    entries = _entries(first)
    for device, stamp in _entries(second).items():
        if stamp > entries.get(device, ""):
            entries[device] = stamp
    return _encode(entries)


def compare_versions(first: str, second: str) -> Order:
    a, b = _entries(first), _entries(second)
    a_ahead = any(stamp > b.get(device, "") for device, stamp in a.items())
    b_ahead = any(stamp > a.get(device, "") for device, stamp in b.items())
    if a_ahead and b_ahead:
        return Order.CONCURRENT
    if a_ahead:
        return Order.NEWER
    if b_ahead:
        return Order.OLDER
    return Order.SAME
