"""The app context the GUI passes around, and the one way the GUI runs a service.

``WorkshopContext.run`` opens a transaction, runs a service function, commits, and emits
``changed`` with flags saying what changed, so each view refreshes only what it shows
(the pattern of Anki's CollectionOp/OpChanges). A UserError rolls back, changes nothing
and is emitted as ``user_error`` for the window to show.

``WorkshopContext.run_in_background`` is the same for long work (exports, imports, sync,
queries on the provincial server): the operation runs on a worker thread in its own
session, reports progress, can be cancelled, and on the GUI thread its result is handed
on and the same change flags are emitted (Anki's CollectionOp/QueryOp run in the
background). The window keeps repainting and answering meanwhile.
"""

from __future__ import annotations

import enum
import gc
import sys
import threading
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QUndoStack
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from workshop_app.db.database import Database, storage_error
from workshop_app.errors import UserError
from workshop_app.services import workshops

T = TypeVar("T")


class Changes(enum.Flag):
    NONE = 0
    WORKSHOP = enum.auto()
    ISSUES = enum.auto()
    AGENDA = enum.auto()
    SECTORS = enum.auto()
    ATTENDEES = enum.auto()
    IDEAS = enum.auto()
    ROUNDS = enum.auto()  # vote rounds themselves: made, opened, closed, revealed
    BALLOTS = enum.auto()  # what is counted in a round: ballots, paper tallies
    VOTES = ROUNDS | BALLOTS
    PROJECTS = enum.auto()  # the action plan, its reference lists
    ALL = WORKSHOP | ISSUES | AGENDA | SECTORS | ATTENDEES | IDEAS | VOTES | PROJECTS


class OperationCancelledError(Exception):
    """Raised inside a background operation by ``Progress.report`` once cancel was asked."""


# How long (seconds) a Python thread may hold the interpreter lock while another waits.
# Python's default is 5 ms. The GUI thread needs the lock for every event (the app's
# event filter and slots are Python), so beside a busy worker (an import checking 10,000
# rows, the phones' server) each event waited up to 5 ms for it and the window all but
# stopped: a 10 ms timer fired twice in 1.3 s. At 1 ms it fired about every 50 ms. Worse,
# PySide lets go of the lock around each call into Qt, and every call from Qt into Python
# then waits its turn: when the card lists still asked Python each card's size, adding a
# card to a 400-card column beside one busy thread took 357 ms at 1 ms, 32 ms at 0.2 ms,
# against 16 ms with no other thread (the card views now keep sizes in Qt: ui.card_view).
GUI_SWITCH_INTERVAL_S = 0.0002
# How long the phones' server holds back its own work (pushes, groups of writes) after
# the user's action starts here (``WorkshopContext.user_action_left``): the action's
# write, the board's refresh and the repaint, without sharing the interpreter lock.
USER_ACTION_S = 0.1
# Python's cyclic collector walks every object once this many middle-aged collections
# have run (its default is 10).
FULL_COLLECTION_EVERY = 100
YIELD_TO_GUI_S = 0.002  # the worker's pause at each progress report


class Progress:
    """What a background operation is handed: report how far it got; it stops (by
    ``OperationCancelledError``) at its next report after the user cancelled."""

    SHOWN_EVERY_S = 0.04  # a writer reporting every paragraph would flood the window

    def __init__(self, operation: BackgroundOperation[Any]) -> None:
        self._operation = operation
        self._shown_at = 0.0
        self._stage = ""

    @property
    def cancelled(self) -> bool:
        return self._operation.cancel_requested.is_set()

    def report(self, done: int, total: int, stage: str = "") -> None:
        """``total`` 0: how much is left is unknown; ``stage``: which part of the work
        (the operation's own word, e.g. "push"), for the window to name. Every report
        checks for Cancel; the window is told at most every SHOWN_EVERY_S seconds, and
        at once when the stage changes."""
        if self.cancelled:
            raise OperationCancelledError
        # Each report is a point where the worker steps aside for a moment: the GUI thread,
        # waiting for Python's lock to handle an event, takes it now instead of waiting
        # for the next switch (reports come every few hundred rows: ~50 in 10,000).
        time.sleep(YIELD_TO_GUI_S)
        now = time.monotonic()
        if stage != self._stage or now - self._shown_at >= self.SHOWN_EVERY_S:
            self._shown_at, self._stage = now, stage
            self._operation.worker_progressed.emit(done, total, stage)


class BackgroundOperation(QObject, Generic[T]):
    """One operation running on a worker thread. Its public signals are emitted on the
    GUI thread (the worker emits the private ones, which this object, living on the GUI
    thread, receives queued), so any slot may touch widgets."""

    progressed = Signal(int, int, str)  # done, total, stage
    succeeded = Signal(object)  # the operation's result
    failed = Signal(str)  # a UserError's message, in the UI language
    cancelled = Signal()
    ended = Signal()  # after any of the three above (or a defect, sent to the crash dialog)

    worker_progressed = Signal(int, int, str)
    worker_ended = Signal(str, object)  # "ok" / "failed" / "cancelled" / "defect", the value
    done = Signal(object)  # the result, whether or not its owner is still there

    def __init__(self) -> None:
        super().__init__()
        self.cancel_requested = threading.Event()
        self.running = True
        self._owner_gone = False
        self.worker_progressed.connect(self._progressed)
        self.worker_ended.connect(self._ended)

    def cancel(self) -> None:
        self.cancel_requested.set()

    def belongs_to(self, owner: QObject) -> None:
        """The page that shows this operation: once it is gone (its window closed), the
        operation is cancelled and tells nobody how it ended (what it stored is still
        announced through ``done``, for the context's change flags)."""
        owner.destroyed.connect(self._forget_owner)

    def _forget_owner(self) -> None:
        self._owner_gone = True
        self.cancel()

    def _progressed(self, done: int, total: int, stage: str) -> None:
        if self.running and not self._owner_gone:  # none shown after the end
            self.progressed.emit(done, total, stage)

    def _ended(self, outcome: str, value: object) -> None:
        self.running = False
        if outcome == "ok":
            self.done.emit(value)
        if self._owner_gone and outcome != "defect":
            self.deleteLater()
            return
        try:
            if outcome == "ok":
                self.succeeded.emit(value)
            elif outcome == "failed":
                self.failed.emit(str(value))
            elif outcome == "cancelled":
                self.cancelled.emit()
            else:  # a defect: the crash dialog and the log, as on the GUI thread
                assert isinstance(value, BaseException)
                sys.excepthook(type(value), value, value.__traceback__)
        finally:
            self.ended.emit()
            self.deleteLater()


class _Runner(QRunnable):
    def __init__(self, work: Callable[[], None]) -> None:
        super().__init__()
        self._work = work

    def run(self) -> None:
        self._work()


def spare_the_collector() -> None:
    """Take every object alive now out of Python's cyclic garbage collector (gc.freeze).

    The window, its pages, the board's cards and the Thai dictionary live until the app
    closes, yet each full collection walked them all: about 200,000 objects, up to
    0.2 s during which no thread runs Python, the window and the phone server
    included (measured by bench/phone_gui.py). Called once such a set of long-lived
    objects is built (the dictionary loaded, a page built). What is garbage at that
    moment is kept for good: a little memory, once per page.

    Full collections also come ten times less often: with phones sending ideas there
    were about eleven a minute, each stopping everything for 20-50 ms."""
    gc.freeze()
    young, middle, full = gc.get_threshold()
    gc.set_threshold(young, middle, max(full, FULL_COLLECTION_EVERY))


def share_the_interpreter_with_the_gui() -> None:
    """Let the GUI thread take Python's lock back quickly from worker threads."""
    if sys.getswitchinterval() > GUI_SWITCH_INTERVAL_S:
        sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)


def start_in_background(
    parent: QObject,
    operation: Callable[[Session, Progress], T],
    open_session: Callable[[], AbstractContextManager[Session]],
    refusal: Callable[[Exception], str | None],
    owner: QObject | None = None,
) -> BackgroundOperation[T]:
    """Run ``operation(session, progress)`` on a worker thread in a session of its own
    (``open_session``). ``refusal`` turns an error of the user's input or environment
    into the message to show (None: a defect, which goes to the crash dialog). The one
    way the GUI runs long work: the workshop's (``WorkshopContext.run_in_background``)
    and the provincial view's queries on the server."""
    share_the_interpreter_with_the_gui()
    handle: BackgroundOperation[T] = BackgroundOperation()
    handle.setParent(parent)  # kept alive until it ends
    if owner is not None and owner is not parent:
        handle.belongs_to(owner)
    progress = Progress(handle)

    def work() -> None:
        outcome: tuple[str, object]
        try:
            with open_session() as session:
                outcome = ("ok", operation(session, progress))
        except OperationCancelledError:
            outcome = ("cancelled", None)
        except Exception as exc:  # every ending must reach the window
            message = refusal(exc)
            outcome = ("defect", exc) if message is None else ("failed", message)
        try:
            handle.worker_ended.emit(*outcome)
        except RuntimeError:  # its window was closed meanwhile: nobody waits for it
            if outcome[0] == "defect":
                raise

    QThreadPool.globalInstance().start(_Runner(work))
    return handle


class WorkshopContext(QObject):
    """An open database, the workshop being worked on, and its undo stack."""

    changed = Signal(object)  # Changes
    user_error = Signal(str)  # message in the UI language

    def __init__(self, database: Database, workshop_id: str, language: str = "th") -> None:
        super().__init__()
        self.database = database
        self.workshop_id = workshop_id
        self.language = language
        self.undo_stack = QUndoStack(self)
        self._serving_user_until = 0.0  # time.monotonic()

    def user_action_left(self) -> float:
        """Seconds left of the time kept for the user's last action (USER_ACTION_S): the
        phones' server gives way meanwhile. Read from the server's thread."""
        return max(0.0, self._serving_user_until - time.monotonic())

    def read(self, query: Callable[[Session], T]) -> T:
        """Run a read-only query in a fresh session."""
        with self.database.session() as session:
            return query(session)

    def run(self, operation: Callable[[Session], T], changes: Changes) -> T | None:
        """Run one user action and commit it; None (and a user_error) if it was refused."""
        self._serving_user_until = time.monotonic() + USER_ACTION_S
        try:
            with self.database.transaction() as session:
                result = operation(session)
        except UserError as exc:
            self.user_error.emit(exc.message(self.language))
            return None
        except (DBAPIError, OSError) as exc:  # the disk or the file: full, read-only, locked
            error = storage_error(exc, self.database.path)
            self.user_error.emit(error.message(self.language))
            return None
        self.changed.emit(changes)
        return result

    def run_in_background(
        self,
        operation: Callable[[Session, Progress], T],
        changes: Changes = Changes.NONE,
        *,
        writes: bool = False,
        owner: QObject | None = None,
    ) -> BackgroundOperation[T]:
        """Run ``operation(session, progress)`` on a worker thread, in its own session (a
        transaction committed at the end when it ``writes``). Connect to the returned
        object's signals; ``changed`` is emitted with ``changes`` when it succeeded.
        ``owner``: the page that follows it (see ``BackgroundOperation.belongs_to``)."""
        database = self.database
        open_session = database.transaction if writes else database.session
        handle = start_in_background(self, operation, open_session, self.refusal, owner)
        handle.done.connect(self._emit_changes(changes))
        return handle

    def refusal(self, exc: Exception) -> str | None:
        """The message for a refused operation (bad input, the disk, the file), in the UI
        language; None for anything else (a defect)."""
        if isinstance(exc, UserError):
            return exc.message(self.language)
        if isinstance(exc, DBAPIError | OSError):  # full, read-only, locked
            return storage_error(exc, self.database.path).message(self.language)
        return None

    def _emit_changes(self, changes: Changes) -> Callable[[object], None]:
        return lambda _result: self.changed.emit(changes) if changes else None

    def save_workshop_field(self, field: str, value: object) -> bool:
        """Store one field of the workshop when it differs from what is stored; False if
        the service refused it (the reason went to ``user_error``)."""
        workshop_id = self.workshop_id
        stored = self.read(lambda s: getattr(workshops.get_workshop(s, workshop_id), field))
        if stored == value:
            return True

        def update(session: Session) -> object:
            return workshops.update_workshop(session, workshop_id, **{field: value})

        return self.run(update, Changes.WORKSHOP) is not None
