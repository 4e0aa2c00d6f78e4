"""Undo commands. Each redo/undo calls a service through the context: one transaction each,
never a widget (the pattern of Orange's canvas commands)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from sqlalchemy.orm import Session

from workshop_app.services import attendees, ideas
from workshop_app.thai.names import full_name
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
    name = full_name(draft.prefix, draft.first_name, draft.last_name)
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


# --- the brainstorm board ---------------------------------------------------------------------


def _card_label(text: str) -> str:
    return text if len(text) <= 30 else text[:29] + "…"


def add_idea_command(
    context: WorkshopContext, issue_id: str, draft: ideas.IdeaDraft, idea_id: str
) -> ServiceCommand:
    return ServiceCommand(
        context,
        QCoreApplication.translate("Commands", "Add idea “{text}”").format(
            text=_card_label(draft.text)
        ),
        lambda s: ideas.add_idea(s, context.workshop_id, issue_id, draft, idea_id),
        lambda s: ideas.delete_idea(s, idea_id),
        Changes.IDEAS,
    )


def edit_idea_command(
    context: WorkshopContext, before: ideas.IdeaRow, after: ideas.IdeaDraft
) -> ServiceCommand:
    old = before.draft()
    return ServiceCommand(
        context,
        QCoreApplication.translate("Commands", "Edit idea “{text}”").format(
            text=_card_label(before.text)
        ),
        lambda s: ideas.update_idea(s, before.id, after),
        lambda s: ideas.update_idea(s, before.id, old),
        Changes.IDEAS,
    )


def delete_ideas_command(context: WorkshopContext, rows: list[ideas.IdeaRow]) -> ServiceCommand:
    ids = [r.id for r in rows]

    def delete(session: Session) -> None:
        for idea_id in ids:
            ideas.delete_idea(session, idea_id)

    def restore(session: Session) -> None:
        for idea_id in ids:
            ideas.restore_idea(session, idea_id)

    return ServiceCommand(
        context,
        QCoreApplication.translate("Commands", "Delete %n idea(s)", "", len(ids)),
        delete,
        restore,
        Changes.IDEAS,
    )


def move_idea_command(
    context: WorkshopContext, row: ideas.IdeaRow, issue_id: str, before_id: str | None
) -> ServiceCommand:
    old: list[ideas.IdeaPlace] = []

    def move(session: Session) -> None:
        old[:] = [ideas.move_idea(session, row.id, issue_id, before_id)]

    def back(session: Session) -> None:
        ideas.move_idea(session, row.id, old[0].issue_id, old[0].before_id, old[0].position)

    return ServiceCommand(
        context,
        QCoreApplication.translate("Commands", "Move idea “{text}”").format(
            text=_card_label(row.text)
        ),
        move,
        back,
        Changes.IDEAS,
    )


def merge_ideas_command(
    context: WorkshopContext, target: ideas.IdeaRow, sources: list[ideas.IdeaRow]
) -> ServiceCommand:
    ids = [r.id for r in sources]
    return ServiceCommand(
        context,
        QCoreApplication.translate(
            "Commands", "Merge %n idea(s) into “{text}”", "", len(ids)
        ).format(text=_card_label(target.text)),
        lambda s: ideas.merge_ideas(s, target.id, ids),
        lambda s: ideas.unmerge_ideas(s, target.id, ids),
        Changes.IDEAS,
    )


def unmerge_ideas_command(
    context: WorkshopContext, target: ideas.IdeaRow, source_ids: list[str]
) -> ServiceCommand:
    return ServiceCommand(
        context,
        QCoreApplication.translate("Commands", "Unmerge “{text}”").format(
            text=_card_label(target.text)
        ),
        lambda s: ideas.unmerge_ideas(s, target.id, source_ids),
        lambda s: ideas.merge_ideas(s, target.id, source_ids),
        Changes.IDEAS,
    )
