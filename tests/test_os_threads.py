"""A thread that yields to the window runs below the process's priority, by the same
steps whichever thread started it (Linux: nice per thread)."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable

import pytest

from workshop_app.os_threads import yield_to_the_window

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="per-thread nice is Linux's"
)


def nice_of(thread_id: int) -> int:
    return os.getpriority(os.PRIO_PROCESS, thread_id)


def in_a_thread(work: Callable[[list[int]], None]) -> list[int]:
    """Run ``work`` (which appends to the list it is given) in a new thread."""
    found: list[int] = []
    thread = threading.Thread(target=work, args=(found,))
    thread.start()
    thread.join()
    return found


def test_the_thread_runs_below_the_window_and_the_window_stays() -> None:
    window = nice_of(threading.get_native_id())
    expected = min(19, window + 10)

    def lowered(found: list[int]) -> None:
        found.append(nice_of(threading.get_native_id()))
        yield_to_the_window()
        found.append(nice_of(threading.get_native_id()))

        # A thread it starts inherits its nice; lowered again, it stays one step down.
        def child(inner: list[int]) -> None:
            yield_to_the_window()
            inner.append(nice_of(threading.get_native_id()))

        found.extend(in_a_thread(child))

    before, after, grandchild = in_a_thread(lowered)
    assert before == window
    assert after == expected > window or after == expected == 19
    assert grandchild == expected
    assert nice_of(threading.get_native_id()) == window
