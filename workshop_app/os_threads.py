"""A thread's scheduling priority, lowered for work that must not slow the window: the
phones' server runs in the app's own process, and on a two-core laptop its threads,
the window's thread and whatever else runs compete for the cores.

``nice`` per thread on Linux (a thread id is a process id to ``setpriority``),
``SetThreadPriority`` on Windows; elsewhere nothing. Lowering never needs privileges."""

from __future__ import annotations

import contextlib
import os
import sys
import threading

# Linux: ten steps of nice below the window (each about 1.25 times less CPU when both
# want it). Windows: "below normal", one step.
_NICE_STEPS = 10
_WINDOWS_BELOW_NORMAL = -1


def yield_to_the_window() -> None:
    """Lower the calling thread's priority below the window's (best effort, silent)."""
    if sys.platform == "win32":
        import ctypes
        from ctypes import wintypes

        # Its own handle on the library, with the functions' real types: a thread handle
        # is pointer-sized, and ctypes would pass the pseudo-handle as a 32-bit int.
        kernel32 = ctypes.WinDLL("kernel32")
        kernel32.GetCurrentThread.restype = wintypes.HANDLE
        kernel32.SetThreadPriority.argtypes = (wintypes.HANDLE, ctypes.c_int)
        kernel32.SetThreadPriority.restype = wintypes.BOOL
        kernel32.SetThreadPriority(kernel32.GetCurrentThread(), _WINDOWS_BELOW_NORMAL)
        return
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):
            # From the process's (its main thread's) nice, not this thread's: a thread
            # inherits its creator's, and the server's threads start one another.
            window = os.getpriority(os.PRIO_PROCESS, os.getpid())
            os.setpriority(
                os.PRIO_PROCESS, threading.get_native_id(), min(19, window + _NICE_STEPS)
            )
