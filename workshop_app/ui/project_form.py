"""The form of one project: every field of the project list and of the project brief.

The form never writes to the database itself. When the user finishes a field (leaves it,
presses Enter, picks from a list, or stops typing in a long text for a moment) it emits
``edited(before, after)`` with the project's stored draft and the form's draft; the page
turns that into one undoable command. While budgets are typed it emits ``budgets_typed``
so the totals can follow each keystroke.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop_app.models import ReferenceListName
from workshop_app.services.projects import (
    BUDGET_LIST_LABELS,
    ActivityDraft,
    ProjectDraft,
    ProjectRow,
    field_label,
)
from workshop_app.services.workshops import NumberedRow
from workshop_app.thai.money import parse_baht
from workshop_app.ui.thai_layout import ThaiLabel
from workshop_app.ui.widgets import AutosaveTextEdit

# Which reference list offers the values of which field.
LIST_OF_FIELD = {
    "implementing_agency": ReferenceListName.AGENCY.value,
    "funding_source": ReferenceListName.FUNDING_SOURCE.value,
    "national_strategy": ReferenceListName.NATIONAL_STRATEGY.value,
    "master_plan": ReferenceListName.MASTER_PLAN.value,
    "national_plan": ReferenceListName.NATIONAL_PLAN.value,
}
LONG_FIELDS = ("rationale", "objectives", "indicators", "target_area", "outputs", "outcomes")
LINE_FIELDS = ("approach", "name", "duration", "regional_plan")
ACTIVITY_COLUMNS = 4  # name, budget, responsible unit, related units


def format_amount(amount: Decimal | None) -> str:
    if amount is None:
        return ""
    return f"{amount:,.2f}".removesuffix(".00")


class ProjectForm(QScrollArea):
    edited = Signal(object, object)  # ProjectDraft before, ProjectDraft after
    budgets_typed = Signal(object)  # ProjectDraft with the budgets as typed so far
    problem = Signal(str)  # a figure that cannot be read

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self._row: ProjectRow | None = None
        self._loading = False
        self._idea_lines: list[str] = []
        self._years: list[int] = []  # the plan's fiscal years: each gets a budget field
        self.setWidgetResizable(True)
        # The form follows the width of its column; only its height scrolls.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        layout = QVBoxLayout(body)
        self.setWidget(body)

        self.issue = QComboBox()
        self.issue.activated.connect(lambda _index: self.commit())
        self.programme = self._list_box()
        self.lines: dict[str, QLineEdit] = {}
        for name in LINE_FIELDS:
            line = QLineEdit()
            line.setObjectName(name)
            line.editingFinished.connect(self.commit)
            self.lines[name] = line
        self.texts: dict[str, AutosaveTextEdit] = {}
        for name in LONG_FIELDS:
            text = AutosaveTextEdit(lambda _text: self.commit())
            text.setObjectName(name)
            text.setFixedHeight(70)
            self.texts[name] = text
        self.choices: dict[str, QComboBox] = {name: self._list_box() for name in LIST_OF_FIELD}
        self.priority = QSpinBox()
        self.priority.setRange(0, 9999)
        self.priority.setSpecialValueText("—")  # 0: no priority given
        self.priority.editingFinished.connect(self.commit)
        self.budget_list = QComboBox()
        for key, (thai, english) in BUDGET_LIST_LABELS.items():
            self.budget_list.addItem(thai if language == "th" else english, key)
        self.budget_list.activated.connect(lambda _index: self.commit())

        heading = QFormLayout()
        heading.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        heading.addRow(self.tr("Strategic issue"), self.issue)
        heading.addRow(self._label("approach"), self.lines["approach"])
        heading.addRow(self._label("programme"), self.programme)
        layout.addLayout(heading)

        brief = QGroupBox(self.tr("Project brief"))
        form = QFormLayout(brief)
        # Thai labels are long: each above its field keeps the form narrow and readable.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow("1. " + self._label("name"), self.lines["name"])
        form.addRow("2. " + self._label("rationale"), self.texts["rationale"])
        form.addRow("3. " + self._label("objectives"), self.texts["objectives"])
        form.addRow("4. " + self._label("indicators"), self.texts["indicators"])
        form.addRow("5. " + self._label("target_area"), self.texts["target_area"])
        form.addRow("6. " + self.tr("Main activities"), self._activities_box())
        form.addRow("7. " + self._label("implementing_agency"), self.choices["implementing_agency"])
        form.addRow("8. " + self._label("duration"), self.lines["duration"])
        form.addRow("9. " + self.tr("Budget (baht)"), self._budgets_box())
        form.addRow(self._label("funding_source"), self.choices["funding_source"])
        form.addRow("10. " + self._label("outputs"), self.texts["outputs"])
        form.addRow("11. " + self._label("outcomes"), self.texts["outcomes"])
        layout.addWidget(brief)

        alignment = QGroupBox(self.tr("Alignment and priority"))
        aligned = QFormLayout(alignment)
        aligned.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for name in ("national_strategy", "master_plan", "national_plan"):
            aligned.addRow(self._label(name), self.choices[name])
        aligned.addRow(self._label("regional_plan"), self.lines["regional_plan"])
        aligned.addRow(self.tr("Priority (from the vote)"), self.priority)
        aligned.addRow(self.tr("List"), self.budget_list)
        layout.addWidget(alignment)

        self.ideas = QListWidget()
        self.ideas.setWordWrap(True)
        self.ideas.setFixedHeight(90)
        sources = QGroupBox(self.tr("Ideas and votes it came from"))
        QVBoxLayout(sources).addWidget(self.ideas)
        layout.addWidget(sources)
        layout.addStretch(1)
        self.setEnabled(False)

    def _label(self, field: str) -> str:
        return field_label(field, self.language)

    def _list_box(self) -> QComboBox:
        """An editable dropdown: pick from the list, or type a value not in it."""
        box = QComboBox()
        box.setEditable(True)
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(12)
        box.activated.connect(lambda _index: self.commit())
        line = box.lineEdit()
        assert line is not None
        line.editingFinished.connect(self.commit)
        return box

    def _budgets_box(self) -> QWidget:
        box = QWidget()
        self.budget_grid = QGridLayout(box)
        self._budget_row_widgets: list[QWidget] = []  # a label and a field per fiscal year
        self.budget_grid.setContentsMargins(0, 0, 0, 0)
        self.budget_fields: dict[int, QLineEdit] = {}
        self.new_year = QSpinBox()
        self.new_year.setRange(2500, 2700)
        self.add_year_button = QPushButton(self.tr("Add a year"))
        self.add_year_button.clicked.connect(lambda: self._add_year(self.new_year.value()))
        self.budget_total = ThaiLabel()
        return box

    def _activities_box(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.activities = QTableWidget(0, ACTIVITY_COLUMNS)
        self.activities.setHorizontalHeaderLabels(
            [
                self.tr("Activity"),
                self.tr("Budget"),
                self.tr("Responsible unit"),
                self.tr("Related units"),
            ]
        )
        header = self.activities.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 90), (2, 130), (3, 130)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.activities.setColumnWidth(column, width)
        self.activities.setFixedHeight(130)
        self.activities.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.activities.itemChanged.connect(lambda _item: self.commit())
        buttons = QHBoxLayout()
        add = QPushButton(self.tr("Add activity"))
        add.clicked.connect(self._add_activity)
        remove = QPushButton(self.tr("Remove activity"))
        remove.clicked.connect(self._remove_activity)
        self.activities_total = QLabel()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addWidget(self.activities_total, 1)
        layout.addWidget(self.activities)
        layout.addLayout(buttons)
        return box

    # --- showing a project --------------------------------------------------------------

    def set_choices(
        self,
        issues: Sequence[NumberedRow],
        lists: dict[str, list[str]],
        programmes: Sequence[str],
    ) -> None:
        """The entries each dropdown offers (the typed value stays if it is not one)."""
        self._loading = True
        try:
            self.issue.clear()
            for issue in issues:
                self.issue.addItem(f"{issue.number}. {issue.title}", issue.id)
            for name, box in self.choices.items():
                self._fill(box, lists[LIST_OF_FIELD[name]])
            self._fill(self.programme, programmes)
        finally:
            self._loading = False
        if self._row is not None:
            self.show_project(self._row, self._idea_lines)

    @staticmethod
    def _fill(box: QComboBox, entries: Sequence[str]) -> None:
        text = box.currentText()
        if [box.itemText(i) for i in range(box.count())] != list(entries):
            box.clear()
            box.addItems(list(entries))
        box.setCurrentText(text)

    def project_id(self) -> str | None:
        return self._row.id if self._row else None

    def show_project(self, row: ProjectRow | None, idea_lines: Sequence[str] = ()) -> None:
        """Show a stored project (None: an empty, disabled form). Fields being edited keep
        what is typed in them."""
        for text in self.texts.values():
            text.save_now()  # typing not yet saved belongs to the project shown until now
        same = self._row is not None and row is not None and self._row.id == row.id
        self._row = row
        self._idea_lines = list(idea_lines)
        self.setEnabled(row is not None)
        draft = row.draft if row else ProjectDraft("", "")
        self._loading = True
        try:
            self.issue.setCurrentIndex(max(0, self.issue.findData(draft.issue_id)))
            self._set_text(self.programme, draft.programme, same)
            for name, line in self.lines.items():
                if not (same and line.hasFocus()):
                    line.setText(draft.text(name))
            for name, text in self.texts.items():
                if not (same and text.hasFocus()):
                    text.load(draft.text(name))
            for name, box in self.choices.items():
                self._set_text(box, draft.text(name), same)
            self.priority.setValue(draft.priority or 0)
            self.budget_list.setCurrentIndex(max(0, self.budget_list.findData(draft.budget_list)))
            self._show_budgets(draft, same)
            self._show_activities(draft.activities)
            self.ideas.clear()
            self.ideas.addItems(self._idea_lines)
        finally:
            self._loading = False

    @staticmethod
    def _set_text(box: QComboBox, text: str, keep_focus: bool) -> None:
        line = box.lineEdit()
        if not (keep_focus and line is not None and line.hasFocus()):
            box.setCurrentText(text)

    def set_years(self, years: Sequence[int]) -> None:
        self._years = list(years)
        if self._row is not None:
            self._show_budgets(self._row.draft, True)

    def _show_budgets(self, draft: ProjectDraft, keep_focus: bool) -> None:
        years = sorted(set(self._years) | {y for y, _a in draft.budgets})
        if list(self.budget_fields) != years:
            # Widgets leave the grid through removeWidget, which deletes the grid's item
            # in C++: Python never holds a QLayoutItem (a wrapper of one outlived its
            # item once and later stood for an unrelated widget at the same address).
            for widget in self._budget_row_widgets:
                self.budget_grid.removeWidget(widget)
                widget.deleteLater()
            for widget in (self.budget_total, self.new_year, self.add_year_button):
                self.budget_grid.removeWidget(widget)
            self._budget_row_widgets = []
            self.budget_fields = {}
            for index, year in enumerate(years):
                field = QLineEdit()
                field.setObjectName(f"budget_{year}")
                field.setAlignment(Qt.AlignmentFlag.AlignRight)
                field.setPlaceholderText("0")
                field.editingFinished.connect(self.commit)
                field.textEdited.connect(lambda _text: self._budgets_typed())
                self.budget_fields[year] = field
                year_label = QLabel(self.tr("FY {year}").format(year=year))
                self.budget_grid.addWidget(year_label, index, 0)
                self.budget_grid.addWidget(field, index, 1)
                self._budget_row_widgets += [year_label, field]
            row = len(years)
            self.budget_grid.addWidget(self.budget_total, row, 0, 1, 2)
            self.budget_grid.addWidget(self.new_year, row + 1, 0)
            self.budget_grid.addWidget(self.add_year_button, row + 1, 1)
            self.new_year.setValue((years[-1] + 1) if years else 2570)
        for year, field in self.budget_fields.items():
            if not (keep_focus and field.hasFocus()):
                field.setText(format_amount(draft.budget(year)))
        self._show_budget_total(draft.total)

    def _show_budget_total(self, total: Decimal) -> None:
        """The project's total; and when the main activities add up to something else,
        that the budget is the sum of the fiscal years (activities' budgets do not add
        themselves into it: a total of 0 beside costed activities looked like a bug)."""
        self._budget_total = total
        text = self.tr("Total {amount} baht").format(amount=f"{total:,.2f}")
        activities = getattr(self, "_activities_sum", Decimal(0))
        differs = activities > 0 and activities != total
        if differs:
            text += "\n" + self.tr(
                "The main activities (item 6) add up to {amount} baht. The project's budget "
                "is what is entered per fiscal year above."
            ).format(amount=f"{activities:,.2f}")
        self.budget_total.setWordWrap(True)
        self.budget_total.setStyleSheet("color:#6b4500;" if differs else "")
        self.budget_total.setText(text)

    def _add_year(self, year: int) -> None:
        if year not in self.budget_fields and self._row is not None:
            self._years = sorted({*self._years, year})
            self._show_budgets(self.draft() or self._row.draft, True)
            self.budget_fields[year].setFocus()

    def _show_activities(self, activities: Sequence[ActivityDraft]) -> None:
        self.activities.blockSignals(True)
        self.activities.setRowCount(len(activities))
        for row, activity in enumerate(activities):
            values = (
                activity.name,
                format_amount(activity.budget),
                activity.responsible_unit,
                activity.related_units,
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 1:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.activities.setItem(row, column, item)
        self.activities.blockSignals(False)
        total = sum((a.budget for a in activities), Decimal(0))
        self.activities_total.setText(
            self.tr("Activities total {amount} baht").format(amount=f"{total:,.2f}")
        )
        self._activities_sum = total
        self._show_budget_total(getattr(self, "_budget_total", Decimal(0)))

    def _add_activity(self) -> None:
        self.activities.blockSignals(True)
        row = self.activities.rowCount()
        self.activities.insertRow(row)
        for column in range(ACTIVITY_COLUMNS):
            self.activities.setItem(row, column, QTableWidgetItem(""))
        self.activities.blockSignals(False)
        self.activities.setCurrentCell(row, 0)
        first = self.activities.item(row, 0)
        if first is not None:
            self.activities.editItem(first)

    def _remove_activity(self) -> None:
        row = self.activities.currentRow()
        if row >= 0:
            self.activities.removeRow(row)
            self.commit()

    # --- reading what is typed ------------------------------------------------------------

    def _amount(self, text: str, where: str) -> Decimal | None:
        """A typed figure (None if empty); ValueError with a message naming ``where``."""
        if not text.strip():
            return None
        try:
            return parse_baht(text)
        except ValueError:
            raise ValueError(
                self.tr("{where}: “{text}” is not an amount of baht").format(where=where, text=text)
            ) from None

    def _typed_budgets(self) -> tuple[tuple[int, Decimal], ...]:
        budgets = []
        for year, field in self.budget_fields.items():
            amount = self._amount(field.text(), self.tr("FY {year}").format(year=year))
            if amount is not None:
                budgets.append((year, amount))
        return tuple(budgets)

    def draft(self) -> ProjectDraft | None:
        """What the form holds now; None (and ``problem``) if a figure cannot be read."""
        if self._row is None:
            return None
        try:
            budgets = self._typed_budgets()
            activities = []
            for row in range(self.activities.rowCount()):
                cells = [
                    (item.text() if (item := self.activities.item(row, c)) else "")
                    for c in range(ACTIVITY_COLUMNS)
                ]
                where = self.tr("Activity {number}").format(number=row + 1)
                budget = self._amount(cells[1], where) or Decimal(0)
                activities.append(ActivityDraft(cells[0], budget, cells[2], cells[3]))
        except ValueError as exc:
            self.problem.emit(str(exc))
            return None
        texts: dict[str, Any] = {name: line.text() for name, line in self.lines.items()}
        texts |= {name: text.toPlainText() for name, text in self.texts.items()}
        texts |= {name: box.currentText() for name, box in self.choices.items()}
        return replace(
            self._row.draft,
            issue_id=str(self.issue.currentData() or self._row.draft.issue_id),
            programme=self.programme.currentText(),
            priority=self.priority.value() or None,
            budget_list=str(self.budget_list.currentData()),
            budgets=budgets,
            activities=tuple(activities),
            **texts,
        )

    def commit(self) -> None:
        """Hand the page what changed, if anything."""
        if self._loading or self._row is None:
            return
        after = self.draft()
        if after is not None and after != self._row.draft:
            self.edited.emit(self._row.draft, after)

    def _budgets_typed(self) -> None:
        if self._row is None:
            return
        try:
            budgets = self._typed_budgets()
        except ValueError:
            return  # half-typed; the total shows the last readable figures
        typed = replace(self._row.draft, budgets=budgets)
        self._show_budget_total(typed.total)
        self.budgets_typed.emit(typed)
