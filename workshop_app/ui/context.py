"""The app context the GUI passes around, and the one way the GUI runs a service.

``WorkshopContext.run`` opens a transaction, runs a service function, commits, and emits
``changed`` with flags saying what changed, so each view refreshes only what it shows
(the pattern of Anki's CollectionOp/OpChanges). A UserError rolls back, changes nothing
and is emitted as ``user_error`` for the window to show.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
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
    VOTES = enum.auto()
    PROJECTS = enum.auto()  # the action plan, its reference lists
    ALL = WORKSHOP | ISSUES | AGENDA | SECTORS | ATTENDEES | IDEAS | VOTES | PROJECTS


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
