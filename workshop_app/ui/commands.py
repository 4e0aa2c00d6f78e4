"""Undo commands. Each redo/undo calls a service through the context: one transaction each,
never a widget (the pattern of Orange's canvas commands)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from sqlalchemy.orm import Session

from workshop_app.services import attendees
from workshop_app.ui.context import Changes, WorkshopContext

Operation = Callable[[Session], object]


class ServiceCommand(QUndoCommand):
    """A pair of service calls: one does the action, the other takes it back.

    If the action is refused (a UserError), the command marks itself obsolete so the
    undo stack drops it instead of offering to undo something that never happened.
    """

    def __init__(
        self,
        context: WorkshopContext,
        text: str,
        do: Operation,
        undo: Operation,
        changes: Changes = Changes.ATTENDEES,
    ) -> None:
        super().__init__(text)
        self._context = context
        self._do = do
        self._undo = undo
        self._changes = changes
        self.result: object = None
        self.succeeded = False

    def redo(self) -> None:
        marker = object()
        outcome = self._context.run(lambda s: self._do(s) or marker, self._changes)
        self.succeeded = outcome is not None
        self.result = None if outcome is marker else outcome
        if not self.succeeded:
            self.setObsolete(True)

    def undo(self) -> None:
        self._context.run(self._undo, self._changes)


def check_in_command(context: WorkshopContext, attendee: attendees.AttendeeRow) -> ServiceCommand:
    return ServiceCommand(
        context,
        QCoreApplication.translate("Commands", "Check in {name}").format(name=attendee.full_name),
        lambda s: attendees.check_in(s, attendee.id),
        lambda s: attendees.undo_check_in(s, attendee.id),
    )


def undo_check_in_command(
    context: WorkshopContext, attendee: attendees.AttendeeRow
) -> ServiceCommand:
    checked_in_at = attendee.checked_in_at
    return ServiceCommand(
        context,
        QCoreApplication.translate("Commands", "Cancel check-in of {name}").format(
            name=attendee.full_name
        ),
        lambda s: attendees.undo_check_in(s, attendee.id),
        lambda s: attendees.check_in(s, attendee.id, at=checked_in_at),
    )


def walk_in_command(
    context: WorkshopContext, draft: attendees.AttendeeDraft, attendee_id: str
) -> ServiceCommand:
    name = f"{draft.prefix}{draft.first_name} {draft.last_name}".strip()
    return ServiceCommand(
        context,
        QCoreApplication.translate("Commands", "Register walk-in {name}").format(name=name),
        lambda s: attendees.register_walk_in(s, context.workshop_id, draft, attendee_id),
        lambda s: attendees.delete_attendee(s, attendee_id),
    )


def edit_attendee_command(
    context: WorkshopContext, before: attendees.AttendeeRow, after: attendees.AttendeeDraft
) -> ServiceCommand:
    old = before.draft()
    return ServiceCommand(
        context,
        QCoreApplication.translate("Commands", "Edit {name}").format(name=before.full_name),
        lambda s: attendees.update_attendee(s, before.id, after),
        lambda s: attendees.update_attendee(s, before.id, old),
    )
