"""Undo commands. Each redo/undo calls a service through the context: one transaction each,
never a widget (the pattern of Orange's canvas commands)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QUndoCommand
from sqlalchemy.orm import Session

from workshop_app.services import attendees, ideas
from workshop_app.thai.names import full_name
from workshop_app.ui.context import BackgroundOperation, Changes, Progress, WorkshopContext

# The action plan's services (and the spreadsheet reader under them) are imported by the
# commands that use them: the registration page, the first one shown, needs none of them.
if TYPE_CHECKING:
    from workshop_app.services import plan_import, projects

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
        again: Operation | None = None,
    ) -> None:
        """``again``: what a redo after an undo does, when it is not ``do`` once more."""
        super().__init__(text)
        self._context = context
        self._do = do
        self._undo = undo
        self._again = again
        self._changes = changes
        self.result: object = None
        self.succeeded = False

    def redo(self) -> None:
        marker = object()
        operation = self._again if self.succeeded and self._again is not None else self._do
        outcome = self._context.run(lambda s: operation(s) or marker, self._changes)
        self.succeeded = outcome is not None
        self.result = None if outcome is marker else outcome
        if not self.succeeded:
            self.setObsolete(True)

    def undo(self) -> None:
        self._context.run(self._undo, self._changes)


def check_in_command(
    context: WorkshopContext, attendee: attendees.AttendeeRow, day_id: str | None = None
) -> ServiceCommand:
    """Check a person in (on one day of the meeting when ``day_id`` is given)."""
    return ServiceCommand(
        context,
        QCoreApplication.translate("Commands", "Check in {name}").format(name=attendee.full_name),
        lambda s: attendees.check_in(s, attendee.id, day_id=day_id),
        lambda s: attendees.undo_check_in(s, attendee.id, day_id=day_id),
    )


def undo_check_in_command(
    context: WorkshopContext, attendee: attendees.AttendeeRow, day_id: str | None = None
) -> ServiceCommand:
    checked_in_at = attendee.checked_in_at
    return ServiceCommand(
        context,
        QCoreApplication.translate("Commands", "Cancel check-in of {name}").format(
            name=attendee.full_name
        ),
        lambda s: attendees.undo_check_in(s, attendee.id, day_id=day_id),
        lambda s: attendees.check_in(s, attendee.id, at=checked_in_at, day_id=day_id),
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


def short_label(text: str) -> str:
    """A card's or row's text cut to fit in an undo entry's name."""
    return text if len(text) <= 30 else text[:29] + "…"


def add_idea_command(
    context: WorkshopContext, issue_id: str, draft: ideas.IdeaDraft, idea_id: str
) -> ServiceCommand:
    return ServiceCommand(
        context,
        QCoreApplication.translate("Commands", "Add idea “{text}”").format(
            text=short_label(draft.text)
        ),
        lambda s: ideas.add_idea(s, context.workshop_id, issue_id, draft, idea_id),
        lambda s: ideas.delete_idea(s, idea_id),
        Changes.IDEAS,
        again=lambda s: ideas.restore_idea(s, idea_id),  # the undo left a tombstone
    )


def edit_idea_command(
    context: WorkshopContext, before: ideas.IdeaRow, after: ideas.IdeaDraft
) -> ServiceCommand:
    old = before.draft()
    return ServiceCommand(
        context,
        QCoreApplication.translate("Commands", "Edit idea “{text}”").format(
            text=short_label(before.text)
        ),
        lambda s: ideas.update_idea(s, before.id, after),
        lambda s: ideas.update_idea(s, before.id, old),
        Changes.IDEAS,
    )


def each_card_command(
    context: WorkshopContext,
    text: str,
    rows: list[ideas.IdeaRow],
    do: Callable[[Session, str], object],
    undo: Callable[[Session, str], object],
) -> ServiceCommand:
    """``do`` to each card in one transaction; undone by ``undo`` to each."""
    ids = [r.id for r in rows]

    def each(action: Callable[[Session, str], object]) -> Operation:
        def run(session: Session) -> None:
            for idea_id in ids:
                action(session, idea_id)

        return run

    return ServiceCommand(context, text, each(do), each(undo), Changes.IDEAS)


def delete_ideas_command(context: WorkshopContext, rows: list[ideas.IdeaRow]) -> ServiceCommand:
    count = len(rows)  # a plain name: lupdate misses a %n whose count is a call
    return each_card_command(
        context,
        QCoreApplication.translate("Commands", "Delete %n idea(s)", "", count),
        rows,
        ideas.delete_idea,
        ideas.restore_idea,
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
            text=short_label(row.text)
        ),
        move,
        back,
        Changes.IDEAS,
    )


def merge_ideas_command(
    context: WorkshopContext, target: ideas.IdeaRow, sources: list[ideas.IdeaRow]
) -> ServiceCommand:
    ids = [r.id for r in sources]
    count = len(ids)
    return ServiceCommand(
        context,
        QCoreApplication.translate("Commands", "Merge %n idea(s) into “{text}”", "", count).format(
            text=short_label(target.text)
        ),
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
            text=short_label(target.text)
        ),
        lambda s: ideas.unmerge_ideas(s, target.id, source_ids),
        lambda s: ideas.merge_ideas(s, target.id, source_ids),
        Changes.IDEAS,
    )


# --- the action plan ------------------------------------------------------------------------


def add_project_command(
    context: WorkshopContext, draft: projects.ProjectDraft, project_id: str
) -> ServiceCommand:
    from workshop_app.services import projects

    return ServiceCommand(
        context,
        QCoreApplication.translate("Commands", "Add project “{name}”").format(
            name=short_label(draft.name)
        ),
        lambda s: projects.add_project(s, context.workshop_id, draft, project_id),
        lambda s: projects.delete_project(s, project_id),
        Changes.PROJECTS,
    )


def edit_project_command(
    context: WorkshopContext,
    project_id: str,
    before: projects.ProjectDraft,
    after: projects.ProjectDraft,
) -> ServiceCommand:
    from workshop_app.services import projects

    return ServiceCommand(
        context,
        QCoreApplication.translate("Commands", "Edit project “{name}”").format(
            name=short_label(before.name)
        ),
        lambda s: projects.update_project(s, project_id, after),
        lambda s: projects.update_project(s, project_id, before),
        Changes.PROJECTS,
    )


def delete_project_command(context: WorkshopContext, row: projects.ProjectRow) -> ServiceCommand:
    from workshop_app.services import projects

    return ServiceCommand(
        context,
        QCoreApplication.translate("Commands", "Delete project “{name}”").format(
            name=short_label(row.name)
        ),
        lambda s: projects.delete_project(s, row.id),
        lambda s: projects.restore_project(s, row.id),
        Changes.PROJECTS,
    )


def move_project_command(
    context: WorkshopContext, row: projects.ProjectRow, offset: int
) -> ServiceCommand:
    from workshop_app.services import projects

    applied: list[int] = []  # the move actually made (clamped at the ends of the issue)

    def move(session: Session) -> None:
        applied[:] = [projects.move_project(session, row.id, offset)]

    def back(session: Session) -> None:
        projects.move_project(session, row.id, -applied[0])

    return ServiceCommand(
        context,
        QCoreApplication.translate("Commands", "Move project “{name}”").format(
            name=short_label(row.name)
        ),
        move,
        back,
        Changes.PROJECTS,
    )


def promote_ideas_command(
    context: WorkshopContext, idea_ids: list[str], round_id: str | None
) -> ServiceCommand:
    """Promote ideas to projects; redo brings back the same projects (same ids)."""
    from workshop_app.services import projects

    created: list[str] = []
    count = len(idea_ids)

    def promote(session: Session) -> projects.Promotion:
        result = projects.promote_ideas(
            session, context.workshop_id, idea_ids, round_id, created_ids(idea_ids)
        )
        if not created:
            created[:] = result.created
        return result

    def created_ids(ids: list[str]) -> list[str]:
        return list(created) if len(created) == len(ids) else []

    def take_back(session: Session) -> None:
        for project_id in created:
            projects.delete_project(session, project_id)

    return ServiceCommand(
        context,
        QCoreApplication.translate("Commands", "Promote %n idea(s) to projects", "", count),
        promote,
        take_back,
        Changes.PROJECTS,
    )


def edit_reference_list_command(
    context: WorkshopContext, name: str, before: list[str], after: list[str]
) -> ServiceCommand:
    from workshop_app.services import reference_lists

    return ServiceCommand(
        context,
        QCoreApplication.translate("Commands", "Edit list “{name}”").format(
            name=reference_lists.list_label(name, context.language)
        ),
        lambda s: reference_lists.set_reference_list(s, context.workshop_id, name, after),
        lambda s: reference_lists.set_reference_list(s, context.workshop_id, name, before),
        Changes.PROJECTS,
    )


@dataclass(frozen=True)
class PlanImported:
    """A filled template written in the background, and every project as it was before
    and after (what undo and redo put back: the file may have changed since)."""

    result: plan_import.PlanImportResult
    before: dict[str, projects.ProjectDraft]
    after: dict[str, projects.ProjectDraft]


def _project_drafts(session: Session, workshop_id: str) -> dict[str, projects.ProjectDraft]:
    from workshop_app.services import projects

    return {r.id: r.draft for r in projects.list_projects(session, workshop_id)}


def import_plan_in_background(
    context: WorkshopContext, path: Path, owner: QObject
) -> BackgroundOperation[PlanImported]:
    """Read, check and write a filled template on a worker thread, all or nothing: a
    refusal or Cancel (up to the commit) leaves every project as it was. Once it
    succeeded, ``plan_imported_command`` makes it one undoable step."""
    from workshop_app.services import plan_import

    workshop_id = context.workshop_id

    def work(session: Session, progress: Progress) -> PlanImported:
        before = _project_drafts(session, workshop_id)
        progress.report(0, 0, "read")  # how long reading takes is not known
        plan = plan_import.read_plan_file(session, workshop_id, path)

        def rows(done: int, total: int) -> None:  # Cancel: all is rolled back
            progress.report(done, total, "write")

        result = plan_import.apply_plan(session, plan, rows)
        after = _project_drafts(session, workshop_id)
        count = len(plan.projects)
        progress.report(count, count, "commit")  # the last point Cancel rolls it all back
        return PlanImported(result, before, after)

    return context.run_in_background(work, Changes.PROJECTS, writes=True, owner=owner)


class _AlreadyDoneCommand(ServiceCommand):
    """A command whose action was already stored (in the background): pushing it does
    nothing; undo and later redos call the services as any command does."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.succeeded = True
        self._pushed = False

    def redo(self) -> None:
        if self._pushed:
            super().redo()
        self._pushed = True


def plan_imported_command(
    context: WorkshopContext, path: Path, imported: PlanImported
) -> ServiceCommand:
    """The undo step of a template imported in the background: undo puts back every
    project as it was before, redo as it was after."""
    from workshop_app.services import projects

    workshop_id = context.workshop_id

    def apply(
        session: Session,
        wanted: dict[str, projects.ProjectDraft],
        current: dict[str, projects.ProjectDraft],
    ) -> None:
        for project_id in current.keys() - wanted.keys():
            projects.delete_project(session, project_id)
        for project_id, draft in wanted.items():
            if project_id not in current:
                projects.add_project(session, workshop_id, draft, project_id)
            elif current[project_id] != draft:
                projects.update_project(session, project_id, draft)

    command = _AlreadyDoneCommand(
        context,
        QCoreApplication.translate("Commands", "Import projects from {file}").format(
            file=path.name
        ),
        lambda s: apply(s, imported.after, imported.before),
        lambda s: apply(s, imported.before, imported.after),
        Changes.PROJECTS,
    )
    command.result = imported.result
    return command
