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
import threading
from collections.abc import Callable
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


class Progress:
    """What a background operation is handed: report how far it got; it stops (by
    ``OperationCancelledError``) at its next report after the user cancelled."""

    def __init__(self, operation: BackgroundOperation[Any]) -> None:
        self._operation = operation

    @property
    def cancelled(self) -> bool:
        return self._operation.cancel_requested.is_set()

    def report(self, done: int, total: int) -> None:
        if self.cancelled:
            raise OperationCancelledError
        self._operation.worker_progressed.emit(done, total)


class BackgroundOperation(QObject, Generic[T]):
    """One operation running on a worker thread. Its public signals are emitted on the
    GUI thread (the worker emits the private ones, which this object, living on the GUI
    thread, receives queued), so any slot may touch widgets."""

    progressed = Signal(int, int)  # done, total
    succeeded = Signal(object)  # the operation's result
    failed = Signal(str)  # a UserError's message, in the UI language
    cancelled = Signal()
    ended = Signal()  # after any of the three above

    worker_progressed = Signal(int, int)
    worker_ended = Signal(str, object)  # "ok" / "failed" / "cancelled", result or message

    def __init__(self) -> None:
        super().__init__()
        self.cancel_requested = threading.Event()
        self.running = True
        self.worker_progressed.connect(self._progressed)
        self.worker_ended.connect(self._ended)

    def cancel(self) -> None:
        self.cancel_requested.set()

    def _progressed(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)

    def _ended(self, outcome: str, value: object) -> None:
        self.running = False
        if outcome == "ok":
            self.succeeded.emit(value)
        elif outcome == "failed":
            self.failed.emit(str(value))
        else:
            self.cancelled.emit()
        self.ended.emit()
        self.deleteLater()


class _Runner(QRunnable):
    def __init__(self, work: Callable[[], None]) -> None:
        super().__init__()
        self._work = work

    def run(self) -> None:
        self._work()


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

    def read(self, query: Callable[[Session], T]) -> T:
        """Run a read-only query in a fresh session."""
        with self.database.session() as session:
            return query(session)

    def run(self, operation: Callable[[Session], T], changes: Changes) -> T | None:
        """Run one user action and commit it; None (and a user_error) if it was refused."""
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
    ) -> BackgroundOperation[T]:
        """Run ``operation(session, progress)`` on a worker thread, in its own session (a
        transaction committed at the end when it ``writes``). Connect to the returned
        object's signals; ``changed`` is emitted with ``changes`` when it succeeded."""
        handle: BackgroundOperation[T] = BackgroundOperation()
        handle.setParent(self)  # kept alive until it ends
        progress = Progress(handle)
        language = self.language
        database = self.database

        def work() -> None:
            outcome: tuple[str, object]
            try:
                if writes:
                    with database.transaction() as session:
                        outcome = ("ok", operation(session, progress))
                else:
                    with database.session() as session:
                        outcome = ("ok", operation(session, progress))
            except OperationCancelledError:
                outcome = ("cancelled", None)
            except UserError as exc:
                outcome = ("failed", exc.message(language))
            handle.worker_ended.emit(*outcome)

        handle.succeeded.connect(self._emit_changes(changes))
        QThreadPool.globalInstance().start(_Runner(work))
        return handle

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
