"""The new-round dialog of the voting page: title, method, the settings of that method
only, and which ideas go to the vote."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workshop_app.errors import UserError
from workshop_app.models import VoteMethod
from workshop_app.services import voting, workshops
from workshop_app.services.ideas import kind_label
from workshop_app.services.vote_report import number
from workshop_app.services.voting import (
    METHOD_LABELS,
    label,
)
from workshop_app.thai.normalize import to_arabic_digits
from workshop_app.ui.context import WorkshopContext


class NewRoundDialog(QDialog):
    """Title, method and its settings, and which ideas: an issue's cards of one kind,
    or the top N of an earlier round."""

    def __init__(self, context: WorkshopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newRoundDialog")
        self.setWindowTitle(self.tr("New vote round"))
        self.context = context
        language = context.language
        self.title = QLineEdit()
        self.title.setObjectName("roundTitle")
        self.method = QComboBox()
        self.method.setObjectName("roundMethod")
        for method in METHOD_LABELS:
            self.method.addItem(label(METHOD_LABELS, method, language), method)
        self.dots = QSpinBox()
        self.dots.setRange(1, 100)
        self.dots.setValue(5)
        self.cap = QSpinBox()
        self.cap.setRange(1, 100)
        self.cap.setValue(2)
        self.ranks = QSpinBox()
        self.ranks.setRange(1, 20)
        self.ranks.setValue(3)
        self.scale = QSpinBox()
        self.scale.setRange(1, 10)
        self.scale.setValue(4)
        self.criteria = QPlainTextEdit(
            "\n".join(f"{name} | {number(weight)}" for name, weight in voting.DEFAULT_CRITERIA)
        )
        self.criteria.setObjectName("roundCriteria")
        self.source = QComboBox()
        self.source.setObjectName("roundSource")
        issues = context.read(lambda s: workshops.list_issues(s, context.workshop_id))
        self.rounds = context.read(lambda s: voting.list_rounds(s, context.workshop_id))
        for issue in issues:
            for kind in ("project", None):
                what = kind_label(kind, language) if kind else self.tr("all cards")
                self.source.addItem(
                    self.tr("Issue {number}: {what}").format(number=issue.number, what=what),
                    ("issue", issue.id, kind, issue.number),
                )
        for earlier in self.rounds:
            self.source.addItem(
                self.tr("Top ideas of round {number}").format(number=earlier.number),
                ("top", earlier.id, None, earlier.number),
            )
        self.top_n = QSpinBox()
        self.top_n.setRange(1, 100)
        self.top_n.setValue(8)
        self.form = form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Method"), self.method)
        form.addRow(self.tr("Ideas"), self.source)
        form.addRow(self.tr("How many (top N)"), self.top_n)
        form.addRow(self.tr("Dots per voter"), self.dots)
        form.addRow(self.tr("Most dots on one idea"), self.cap)
        form.addRow(self.tr("Ranks per voter (top k)"), self.ranks)
        form.addRow(self.tr("Top score per criterion"), self.scale)
        form.addRow(self.tr("Criteria (name | weight)"), self.criteria)
        # Each method's own settings; the others are hidden, not merely ignored.
        self.method_settings: dict[str, tuple[QWidget, ...]] = {
            VoteMethod.DOTS: (self.dots, self.cap),
            VoteMethod.RANKING: (self.ranks,),
            VoteMethod.CRITERIA: (self.scale, self.criteria),
            VoteMethod.APPROVAL: (),
        }
        self.method.currentIndexChanged.connect(self._show_chosen_settings)
        self.source.currentIndexChanged.connect(self._show_chosen_settings)
        self._show_chosen_settings()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _show_chosen_settings(self) -> None:
        chosen = self.method.currentData()
        for method, widgets in self.method_settings.items():
            for widget in widgets:
                self.form.setRowVisible(widget, method == chosen)
        source = self.source.currentData()
        self.form.setRowVisible(self.top_n, source is not None and source[0] == "top")
        self.adjustSize()

    def draft(self) -> voting.RoundDraft:
        """What was filled in; UserError if the criteria lines cannot be read."""
        kind_of, source_id, kind, source_number = self.source.currentData()
        language = self.context.language
        if kind_of == "issue":
            ideas = self.context.read(
                lambda s: voting.ideas_of_issue(s, self.context.workshop_id, source_id, kind)
            )
            chosen_by = self.source.currentText()
        else:
            top = self.top_n.value()
            ideas = self.context.read(lambda s: voting.top_of_round(s, source_id, top))
            chosen_by = (
                f"{top} อันดับแรกของรอบที่ {source_number}"
                if language == "th"
                else f"Top {top} of round {source_number}"
            )
        criteria: list[tuple[str, float]] = []
        for line_number, line in enumerate(self.criteria.toPlainText().splitlines(), start=1):
            if not line.strip():
                continue
            name, _bar, weight_text = line.partition("|")
            try:
                weight = float(to_arabic_digits(weight_text.strip()) or "1")
            except ValueError:
                raise UserError(
                    f"เกณฑ์บรรทัดที่ {line_number}: น้ำหนัก \u201c{weight_text.strip()}\u201d ไม่ใช่ตัวเลข",
                    f"Criteria line {line_number}: the weight \u201c{weight_text.strip()}\u201d "
                    "is not a number.",
                ) from None
            criteria.append((name.strip(), weight))
        return voting.RoundDraft(
            title=self.title.text(),
            method=self.method.currentData(),
            idea_ids=tuple(ideas),
            chosen_by=chosen_by,
            dots_per_voter=self.dots.value(),
            cap_per_idea=self.cap.value(),
            rank_count=self.ranks.value(),
            scale_max=self.scale.value(),
            criteria=tuple(criteria),
        )
