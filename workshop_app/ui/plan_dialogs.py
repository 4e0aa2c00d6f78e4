"""Dialogs of the action-plan page: promote ideas to projects, edit the reference lists."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workshop_app.services import vote_report
from workshop_app.services.reference_lists import LIST_NAMES, list_label


@dataclass(frozen=True)
class Candidate:
    """An idea offered for promotion, with its place in the chosen vote (if any)."""

    idea_id: str
    text: str
    rank: int | None = None
    tied: bool = False
    score: float | None = None


@dataclass(frozen=True)
class CandidateSource:
    """A vote round's results, or an issue's project ideas that were not voted on."""

    label: str
    round_id: str | None
    candidates: tuple[Candidate, ...]


class PromoteDialog(QDialog):
    """Pick the ideas to become projects: by default the top of the chosen round."""

    def __init__(
        self,
        sources: Sequence[CandidateSource],
        already: set[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Promote ideas to projects"))
        self.resize(720, 560)
        self._sources = list(sources)
        self._already = already
        self.source = QComboBox()
        for source in self._sources:
            self.source.addItem(source.label)
        self.top = QSpinBox()
        self.top.setRange(0, 500)
        self.top.setValue(5)
        self.top.setSuffix(self.tr(" ideas"))
        self.top.valueChanged.connect(lambda _value: self._check_top())
        self.ideas = QListWidget()
        self.ideas.setWordWrap(True)
        self.ideas.itemChanged.connect(lambda _item: self._update_count())
        self.count = QLabel()
        form = QFormLayout()
        form.addRow(self.tr("From"), self.source)
        form.addRow(self.tr("Tick the top"), self.top)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.ideas, 1)
        layout.addWidget(self.count)
        layout.addWidget(buttons)
        self.source.currentIndexChanged.connect(lambda _index: self._show_source())
        self._show_source()

    def round_id(self) -> str | None:
        index = self.source.currentIndex()
        return self._sources[index].round_id if 0 <= index < len(self._sources) else None

    def _show_source(self) -> None:
        index = self.source.currentIndex()
        candidates = self._sources[index].candidates if 0 <= index < len(self._sources) else ()
        self.ideas.blockSignals(True)
        self.ideas.clear()
        for candidate in candidates:
            text = candidate.text
            if candidate.rank is not None:
                rank = vote_report.rank_text(candidate.rank, candidate.tied)
                score = vote_report.number(candidate.score or 0)
                text = f"{rank}. {text}  ({score})"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, candidate.idea_id)
            if candidate.idea_id in self._already:
                item.setText(text + "  " + self.tr("(already a project)"))
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            else:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.ideas.addItem(item)
        self.ideas.blockSignals(False)
        self._check_top()

    def _check_top(self) -> None:
        """Tick the first n ideas that are not projects yet (best first in a round)."""
        self.ideas.blockSignals(True)
        wanted = self.top.value()
        for row in range(self.ideas.count()):
            item = self.ideas.item(row)
            if item.flags() & Qt.ItemFlag.ItemIsEnabled:
                item.setCheckState(
                    Qt.CheckState.Checked if row < wanted else Qt.CheckState.Unchecked
                )
        self.ideas.blockSignals(False)
        self._update_count()

    def _update_count(self) -> None:
        chosen = len(self.chosen())
        self.count.setText(self.tr("%n idea(s) will become projects", "", chosen))
        if self.ok is not None:
            self.ok.setEnabled(chosen > 0)

    def chosen(self) -> list[str]:
        return [
            str(item.data(Qt.ItemDataRole.UserRole))
            for row in range(self.ideas.count())
            if (item := self.ideas.item(row)).checkState() == Qt.CheckState.Checked
        ]


class ReferenceListsDialog(QDialog):
    """Edit the workshop's reference lists, one entry per line."""

    def __init__(
        self, lists: dict[str, list[str]], language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reference lists"))
        self.resize(640, 520)
        self.original = {name: list(items) for name, items in lists.items()}
        self.edited = {name: list(items) for name, items in lists.items()}
        self.which = QComboBox()
        for name in LIST_NAMES:
            self.which.addItem(list_label(name, language), name)
        self.text = QPlainTextEdit()
        self.text.textChanged.connect(self._keep)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.which)
        layout.addWidget(
            QLabel(self.tr("One entry per line. The dropdowns and the workbooks offer these."))
        )
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.which.currentIndexChanged.connect(lambda _index: self._show())
        self._show()

    def _name(self) -> str:
        return str(self.which.currentData())

    def _show(self) -> None:
        self.text.blockSignals(True)
        self.text.setPlainText("\n".join(self.edited[self._name()]))
        self.text.blockSignals(False)

    def _keep(self) -> None:
        self.edited[self._name()] = self.text.toPlainText().splitlines()

    def changed(self) -> dict[str, list[str]]:
        """The lists the user changed, as typed (the service cleans them)."""
        return {
            name: items
            for name, items in self.edited.items()
            if [i.strip() for i in items if i.strip()] != self.original[name]
        }
