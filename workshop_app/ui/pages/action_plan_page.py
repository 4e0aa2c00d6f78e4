"""The action-plan page: the projects of next year's plan, grouped by strategic issue.

The secretariat promotes the voted ideas into projects, fills in each project's brief,
sees the budget totals per issue and per funding source follow the figures as they are
typed, and exports the workbook for the province (or a blank template for agencies, and
imports it back filled in). Every edit is one undoable step.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from workshop_app.db.types import new_id
from workshop_app.models import IdeaKind, RoundState
from workshop_app.services import (
    action_plan,
    plan_template,
    projects,
    reference_lists,
    voting,
    workshops,
)
from workshop_app.services.projects import BUDGET_LIST_LABELS, ProjectDraft, ProjectRow
from workshop_app.services.vote_report import rank_text
from workshop_app.ui import commands
from workshop_app.ui.context import (
    BackgroundOperation,
    Changes,
    OperationCancelledError,
    Progress,
    WorkshopContext,
)
from workshop_app.ui.file_names import default_export_name
from workshop_app.ui.plan_dialogs import (
    Candidate,
    CandidateSource,
    PromoteDialog,
    ReferenceListsDialog,
)
from workshop_app.ui.project_form import ProjectForm, format_amount
from workshop_app.ui.widgets import (
    Banner,
    follow_export,
    hidden_behind_another_page,
    progress_box,
)

# The page shows these; a change to any of them reloads it.
SHOWN = Changes.PROJECTS | Changes.ISSUES | Changes.WORKSHOP | Changes.IDEAS | Changes.VOTES


def write_workbook(session: Session, workshop_id: str, path: Path, *, template: bool) -> None:
    """The action-plan workbook, or the blank template for the agencies: gathered with
    ``session`` (in the background operation that calls this), then laid out."""
    # Imported when a workbook is written: the spreadsheet writer (openpyxl) was a
    # tenth of the app's start-up, and most sessions never export.
    if template:
        from workshop_app.export.xlsx_template import write_plan_template

        write_plan_template(plan_template.gather_plan_template(session, workshop_id), path)
    else:
        from workshop_app.export.xlsx_action_plan import write_action_plan

        write_action_plan(action_plan.gather_action_plan(session, workshop_id), path)


class ActionPlanPage(QWidget):
    def __init__(self, context: WorkshopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._rows: list[ProjectRow] = []
        self._issues: list[workshops.NumberedRow] = []
        self._votes: dict[str, list[projects.IdeaVote]] = {}
        self._idea_texts: dict[str, str] = {}
        self._fiscal_year: int | None = None
        self._stale = True

        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Project"), self.tr("Priority"), self.tr("Budget")])
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.tree.setWordWrap(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.currentItemChanged.connect(lambda _now, _before: self._show_current())

        self.promote_button = QPushButton(self.tr("Promote ideas…"))
        self.promote_button.clicked.connect(self.promote)
        self.add_button = QPushButton(self.tr("New project"))
        self.add_button.clicked.connect(self.add_project)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self.delete_project)
        self.up_button = QPushButton("▲")
        self.up_button.setToolTip(self.tr("Move up"))
        self.up_button.clicked.connect(lambda: self.move_project(-1))
        self.down_button = QPushButton("▼")
        self.down_button.setToolTip(self.tr("Move down"))
        self.down_button.clicked.connect(lambda: self.move_project(1))
        list_buttons = QHBoxLayout()
        for button in (
            self.promote_button,
            self.add_button,
            self.delete_button,
            self.up_button,
            self.down_button,
        ):
            list_buttons.addWidget(button)
        list_side = QWidget()
        list_layout = QVBoxLayout(list_side)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addLayout(list_buttons)
        list_layout.addWidget(self.tree, 1)

        self.form = ProjectForm(context.language)
        self.form.edited.connect(self._edited)
        self.form.budgets_typed.connect(self._show_totals)
        self.message = Banner()
        self.form.problem.connect(lambda text: self.message.show_message(text, "error"))

        self.totals = QTableWidget(0, 2)
        self.totals.setHorizontalHeaderLabels([self.tr("Total"), self.tr("Baht")])
        self.totals.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.totals.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        self.totals.verticalHeader().setVisible(False)
        self.totals.setWordWrap(True)
        self.totals.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lists_button = QPushButton(self.tr("Reference lists…"))
        self.lists_button.clicked.connect(self.edit_lists)
        self.export_button = QPushButton(self.tr("Export action plan (Excel)…"))
        self.export_button.clicked.connect(lambda: self._ask_and_export(template=False))
        self.template_button = QPushButton(self.tr("Export template for agencies…"))
        self.template_button.clicked.connect(lambda: self._ask_and_export(template=True))
        self.import_button = QPushButton(self.tr("Import filled template…"))
        self.import_button.clicked.connect(self._ask_and_import)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel(self.tr("Budget totals")))
        side_layout.addWidget(self.totals, 1)
        for button in (
            self.lists_button,
            self.export_button,
            self.template_button,
            self.import_button,
        ):
            side_layout.addWidget(button)
        side_layout.addWidget(self.message)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(list_side)
        splitter.addWidget(self.form)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 4)
        splitter.setStretchFactor(2, 2)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        context.changed.connect(self._on_changed)
        self.load()

    # --- what is stored -----------------------------------------------------------------

    def load(self) -> None:
        workshop_id = self.context.workshop_id

        def read(session: Session) -> tuple[Any, ...]:
            rows = projects.list_projects(session, workshop_id)
            ideas = {i for r in rows for i in r.draft.idea_ids}
            return (
                rows,
                workshops.list_issues(session, workshop_id),
                workshops.get_workshop(session, workshop_id).fiscal_year,
                reference_lists.all_reference_lists(session, workshop_id),
                projects.votes_by_idea(session, workshop_id) if self._stale else self._votes,
                projects.idea_texts(session, ideas),
            )

        rows, issues, fiscal_year, lists, votes, texts = self.context.read(read)
        self._rows, self._issues, self._fiscal_year = rows, issues, fiscal_year
        self._votes, self._idea_texts = votes, texts
        self._stale = False
        programmes = sorted({r.draft.programme for r in rows if r.draft.programme})
        self.form.set_choices(issues, lists, programmes)
        self.form.set_years(projects.plan_years(fiscal_year, [r.draft for r in rows]))
        self._fill_tree()
        self._show_current()
        self._show_totals(None)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if getattr(self, "_load_when_shown", False):
            self._load_when_shown = False
            self.load()
        if not getattr(self, "_sized", False):  # the form gets the most room, once
            self._sized = True
            width = max(self.width(), 900)
            self.splitter.setSizes([int(width * 0.36), int(width * 0.42), int(width * 0.22)])

    def _on_changed(self, changes: Changes) -> None:
        if changes & (Changes.VOTES | Changes.IDEAS):
            self._stale = True  # the votes shown beside the ideas
        if changes & SHOWN:
            if hidden_behind_another_page(self):
                self._load_when_shown = True  # every card typed on the board: not now
            else:
                self.load()

    def _fill_tree(self) -> None:
        selected = self.form.project_id()
        self.tree.blockSignals(True)
        self.tree.clear()
        by_issue: dict[str, list[ProjectRow]] = defaultdict(list)
        for row in self._rows:
            by_issue[row.draft.issue_id].append(row)
        current: QTreeWidgetItem | None = None
        for issue in self._issues:
            rows = by_issue.get(issue.id, [])
            total = sum((r.draft.total for r in rows), Decimal(0))
            parent = QTreeWidgetItem(
                [
                    self.tr("Issue {number}: {title}").format(
                        number=issue.number, title=issue.title
                    ),
                    "",
                    format_amount(total),
                ]
            )
            font = parent.font(0)
            font.setBold(True)
            for column in range(3):
                parent.setFont(column, font)
            parent.setData(0, Qt.ItemDataRole.UserRole, "")
            parent.setFlags(parent.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            self.tree.addTopLevelItem(parent)
            for row in rows:
                item = QTreeWidgetItem(
                    [row.name, str(row.draft.priority or ""), format_amount(row.draft.total)]
                )
                item.setData(0, Qt.ItemDataRole.UserRole, row.id)
                item.setToolTip(0, row.name)
                item.setTextAlignment(
                    2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
                parent.addChild(item)
                if row.id == selected:
                    current = item
            parent.setExpanded(True)
        if current is None:
            current = next(self.project_items(), None)
        if current is not None:
            self.tree.setCurrentItem(current)
        self.tree.blockSignals(False)

    def current_row(self) -> ProjectRow | None:
        item = self.tree.currentItem()
        project_id = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        return next((r for r in self._rows if r.id == project_id), None)

    def project_items(self) -> Iterator[QTreeWidgetItem]:
        """The tree's project items (under their issues), top to bottom."""
        root = self.tree.invisibleRootItem()
        for i in range(root.childCount()):
            issue = root.child(i)
            for j in range(issue.childCount() if issue else 0):
                item = issue.child(j) if issue else None
                if item is not None:
                    yield item

    def select_project(self, project_id: str) -> None:
        for item in self.project_items():
            if item.data(0, Qt.ItemDataRole.UserRole) == project_id:
                self.tree.setCurrentItem(item)
                return

    def _show_current(self) -> None:
        row = self.current_row()
        lines = []
        if row is not None:
            for idea_id in row.draft.idea_ids:
                line = f"“{self._idea_texts.get(idea_id, '')}”"
                for vote in self._votes.get(idea_id, []):
                    line += "  " + self.tr("round {number}: rank {rank}, score {score}").format(
                        number=vote.round_number,
                        rank=rank_text(vote.rank, vote.tied),
                        score=f"{vote.score:g}",
                    )
                lines.append(line)
        self.form.show_project(row, lines)
        for button in (self.delete_button, self.up_button, self.down_button):
            button.setEnabled(row is not None)

    def _show_totals(self, typed: ProjectDraft | None) -> None:
        """Totals per issue, per funding source and per list; ``typed`` stands in for
        the stored draft of the project being edited, so the totals follow the typing."""
        drafts = [
            typed if typed is not None and r.id == self.form.project_id() else r.draft
            for r in self._rows
        ]
        totals = projects.plan_totals(drafts)
        language = self.context.language
        lines: list[tuple[str, Decimal, bool]] = [(self.tr("Whole plan"), totals.total, True)]
        for issue in self._issues:
            amount = totals.by_issue.get(issue.id, Decimal(0))
            lines.append((self.tr("Issue {number}").format(number=issue.number), amount, False))
        for source, amount in sorted(totals.by_source.items()):
            lines.append((source or self.tr("(no funding source)"), amount, False))
        for key, (thai, english) in BUDGET_LIST_LABELS.items():
            label = thai if language == "th" else english
            lines.append((label, totals.by_list.get(key, Decimal(0)), False))
        self.totals.setRowCount(len(lines))
        for index, (label, amount, bold) in enumerate(lines):
            name, figure = QTableWidgetItem(label), QTableWidgetItem(format_amount(amount))
            figure.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if bold:
                font = name.font()
                font.setBold(True)
                name.setFont(font)
                figure.setFont(font)
            self.totals.setItem(index, 0, name)
            self.totals.setItem(index, 1, figure)

    # --- actions ------------------------------------------------------------------------

    def _edited(self, before: ProjectDraft, after: ProjectDraft) -> None:
        project_id = self.form.project_id()
        if project_id is None:
            return
        self.message.clear_message()
        command = commands.edit_project_command(self.context, project_id, before, after)
        self.context.undo_stack.push(command)

    def add_project(self) -> None:
        if not self._issues:
            self.message.show_message(
                self.tr("Add a strategic issue on the setup page first."), "warn"
            )
            return
        row = self.current_row()
        issue_id = row.draft.issue_id if row else self._issues[0].id
        draft = ProjectDraft(issue_id, self.tr("New project"))
        project_id = new_id()
        self.context.undo_stack.push(commands.add_project_command(self.context, draft, project_id))
        self.select_project(project_id)
        self.form.lines["name"].setFocus()
        self.form.lines["name"].selectAll()

    def delete_project(self) -> None:
        row = self.current_row()
        if row is not None:
            self.context.undo_stack.push(commands.delete_project_command(self.context, row))

    def move_project(self, offset: int) -> None:
        row = self.current_row()
        if row is not None:
            self.context.undo_stack.push(commands.move_project_command(self.context, row, offset))
            self.select_project(row.id)

    def promote_sources(self) -> tuple[list[CandidateSource], set[str]]:
        """What the promote dialog offers: each voted round's results, best first, then
        each issue's project ideas."""
        workshop_id = self.context.workshop_id

        def read(session: Session) -> tuple[list[CandidateSource], set[str]]:
            sources = []
            for vote_round in voting.list_rounds(session, workshop_id):
                if vote_round.state == RoundState.DRAFT.value:
                    continue
                results = voting.round_results(session, vote_round.id)
                candidates = tuple(
                    Candidate(
                        r.idea_id, results.idea_texts.get(r.idea_id, ""), r.rank, r.tied, r.score
                    )
                    for r in results.count.ideas
                )
                label = self.tr("Vote round {number}: {title}").format(
                    number=vote_round.number, title=vote_round.title
                )
                sources.append(CandidateSource(label, vote_round.id, candidates))
            for issue in workshops.list_issues(session, workshop_id):
                ids = voting.ideas_of_issue(session, workshop_id, issue.id, IdeaKind.PROJECT)
                texts = projects.idea_texts(session, ids)
                label = self.tr("Project ideas of issue {number} (no vote)").format(
                    number=issue.number
                )
                candidates = tuple(Candidate(i, texts[i]) for i in ids)
                sources.append(CandidateSource(label, None, candidates))
            return sources, projects.promoted_idea_ids(session, workshop_id)

        return self.context.read(read)

    def promote(self) -> None:
        sources, already = self.promote_sources()
        dialog = PromoteDialog(sources, already, self)

        def finished(result: int) -> None:
            chosen = dialog.chosen()
            if result != PromoteDialog.DialogCode.Accepted or not chosen:
                return
            command = commands.promote_ideas_command(self.context, chosen, dialog.round_id())
            self.context.undo_stack.push(command)
            if command.succeeded:
                self.message.show_message(self.tr("%n project(s) added", "", len(chosen)), "ok")

        dialog.finished.connect(finished)
        dialog.open()
        self.promote_dialog = dialog  # for tests

    def edit_lists(self) -> None:
        workshop_id = self.context.workshop_id
        lists = self.context.read(lambda s: reference_lists.all_reference_lists(s, workshop_id))
        dialog = ReferenceListsDialog(lists, self.context.language, self)

        def finished(result: int) -> None:
            changed = dialog.changed()
            if result != ReferenceListsDialog.DialogCode.Accepted or not changed:
                return
            stack = self.context.undo_stack
            stack.beginMacro(self.tr("Edit reference lists"))
            for name, items in changed.items():
                stack.push(
                    commands.edit_reference_list_command(self.context, name, lists[name], items)
                )
            stack.endMacro()

        dialog.finished.connect(finished)
        dialog.open()
        self.lists_dialog = dialog  # for tests

    # --- files ---------------------------------------------------------------------------

    def _ask_and_export(self, *, template: bool) -> None:
        document = (
            self.tr("Action plan template for agencies") if template else self.tr("Action plan")
        )
        name = default_export_name(self.context, document, ".xlsx")
        title = (
            self.tr("Export template for agencies") if template else self.tr("Export action plan")
        )
        path, _filter = QFileDialog.getSaveFileName(
            self, title, str(Path.home() / name), self.tr("Excel workbook (*.xlsx)")
        )
        if path:
            self.export_in_background(Path(path), template=template)

    def export_in_background(
        self, path: Path, *, template: bool = False
    ) -> BackgroundOperation[Path]:
        """Write the workbook on a worker thread: the window keeps answering, a progress
        box offers Cancel, and a cancelled or refused export leaves no file."""
        for text in self.form.texts.values():
            text.save_now()
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        workshop_id = self.context.workshop_id

        def write(session: Session, progress: Progress) -> Path:
            progress.report(0, 1)
            write_workbook(session, workshop_id, path, template=template)
            try:
                progress.report(1, 1)
            except OperationCancelledError:
                path.unlink(missing_ok=True)  # cancelled while writing: no file
                raise
            return path

        operation = self.context.run_in_background(write, owner=self)
        follow_export(self, operation, self.message, path)
        self.export_operation = operation  # for tests
        return operation

    def _ask_and_import(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import filled template"),
            str(Path.home()),
            self.tr("Excel workbook (*.xlsx)"),
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> BackgroundOperation[commands.PlanImported]:
        """Import a filled template (all or nothing) in the background, with progress and
        Cancel; once written it is one undoable step."""
        operation = commands.import_plan_in_background(self.context, path, self)
        progress_box(
            self,
            operation,
            self.tr("Importing {file}…").format(file=path.name),
        )

        def imported(done: commands.PlanImported) -> None:
            self.context.undo_stack.push(commands.plan_imported_command(self.context, path, done))
            result = done.result
            text = self.tr(
                "Imported {file}: {created} new, {updated} updated, {unchanged} unchanged projects"
            )
            self.message.show_message(
                text.format(
                    file=path.name,
                    created=result.created,
                    updated=result.updated,
                    unchanged=result.unchanged,
                ),
                "ok",
            )

        operation.succeeded.connect(imported)
        operation.failed.connect(lambda message: self.message.show_message(message, "error"))
        operation.cancelled.connect(
            lambda: self.message.show_message(
                self.tr("Import cancelled: no project was changed."), "warn"
            )
        )
        return operation
