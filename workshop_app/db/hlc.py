"""Hybrid logical clock: stamps that order every write across devices.

A stamp is a string that sorts in time order, so SQLite and PostgreSQL can compare
stamps with plain ``<``: ``"<15-digit wall ms>.<6-digit counter>.<device id>"``.
The device id at the end breaks ties between two devices at the same instant, which
makes the order total ("the later stamp wins" always picks one version).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass


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
            return Stamp(self._wall, self._counter, self.device_id).encode()

    def observe(self, remote: str) -> None:
        """Move past a stamp received from another device (used by sync)."""
        other = Stamp.decode(remote)
        with self._lock:
            if (other.wall_ms, other.counter) > (self._wall, self._counter):
                self._wall, self._counter = other.wall_ms, other.counter
