"""One ballot as a table: a row per idea, a number column per vote (dots, rank, yes = 1,
or one score per criterion). Typed by keyboard: a digit, Enter goes to the next row.
Used by staff on the voting page and by voters on the ballot screen."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from workshop_app.errors import UserError
from workshop_app.models import VoteMethod
from workshop_app.services.vote_counting import Mark
from workshop_app.services.voting import RoundRow
from workshop_app.thai.normalize import to_arabic_digits
from workshop_app.ui.widgets import wrapped_header

HEADER_WIDTH = 150  # pixels, the most a number column's header takes before wrapping


def value_columns(vote_round: RoundRow, language: str) -> list[tuple[str, str | None]]:
    """(header, criterion id) for each number column of the ballot."""
    th = language == "th"
    if vote_round.method == VoteMethod.CRITERIA:
        return [(name, criterion_id) for criterion_id, name, _weight in vote_round.criteria]
    header = {
        VoteMethod.DOTS: (
            f"ดาว (ไม่เกิน {vote_round.cap_per_idea})"
            if th
            else f"Dots (at most {vote_round.cap_per_idea})"
        ),
        VoteMethod.RANKING: f"อันดับ (1-{vote_round.rank_count})"
        if th
        else f"Rank (1-{vote_round.rank_count})",
        VoteMethod.APPROVAL: "เห็นด้วย (1)" if th else "Yes (1)",
    }.get(VoteMethod(vote_round.method), "")
    return [(header, None)]


def ballot_help(vote_round: RoundRow, language: str) -> str:
    th = language == "th"
    method = vote_round.method
    if method == VoteMethod.DOTS:
        return (
            f"ใส่จำนวนดาวหน้าความคิดที่เลือก รวมไม่เกิน {vote_round.dots_per_voter} ดวง "
            f"ความคิดละไม่เกิน {vote_round.cap_per_idea} ดวง"
            if th
            else f"Put dots next to the ideas you choose: {vote_round.dots_per_voter} in all, "
            f"at most {vote_round.cap_per_idea} on one idea."
        )
    if method == VoteMethod.RANKING:
        return (
            f"ใส่อันดับ 1 ถึง {vote_round.rank_count} หน้าความคิดที่เลือก (1 = สำคัญที่สุด)"
            if th
            else f"Rank your top {vote_round.rank_count}: 1 is the most important."
        )
    if method == VoteMethod.APPROVAL:
        return (
            "ใส่ 1 หน้าความคิดที่เห็นด้วย (เลือกได้หลายข้อ)"
            if th
            else "Put 1 next to every idea you support."
        )
    return (
        f"ให้คะแนน 0 ถึง {vote_round.scale_max} ทุกเกณฑ์ ในความคิดที่จะให้คะแนน"
        if th
        else f"Score each idea you rate from 0 to {vote_round.scale_max} on every criterion."
    )


class _EnterMovesDown(QStyledItemDelegate):
    """Enter in a cell's editor saves the value and moves to the next row, once.

    Left to Qt, Enter while editing reaches the table three times (the editor passes it
    on, the current-cell change closes the editor, and a queued commit closes it again),
    so the cursor jumped rows; here the editor consumes it.
    """

    def __init__(self, table: EntryTable) -> None:
        super().__init__(table)
        self.table = table

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and isinstance(editor, QWidget)
        ):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self.table.next_cell()
            return True
        return super().eventFilter(editor, event)


class EntryTable(QTableWidget):
    """A table typed like a tally sheet: a number, Enter, and the next row is ready."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        # Rows follow the wrapped idea text as the columns change width (a few dozen
        # rows at most, so measuring them all is cheap).
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setItemDelegate(_EnterMovesDown(self))

    def next_cell(self) -> None:
        row, column = self.currentRow(), max(1, self.currentColumn())
        if row + 1 < self.rowCount():
            self.setCurrentCell(row + 1, column)
        elif column + 1 < self.columnCount():
            self.setCurrentCell(0, column + 1)
        self.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.rowCount():
            self.next_cell()
            event.accept()
            return
        super().keyPressEvent(event)


class BallotForm(EntryTable):
    def __init__(self, language: str = "th") -> None:
        super().__init__()
        self.setObjectName("ballotForm")
        self.language = language
        self.vote_round: RoundRow | None = None
        self.columns: list[tuple[str, str | None]] = []
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.verticalHeader().setVisible(False)

    def set_round(self, vote_round: RoundRow | None, texts: dict[str, str]) -> None:
        self.vote_round = vote_round
        self.clear()
        if vote_round is None:
            self.setRowCount(0)
            self.setColumnCount(0)
            return
        self.columns = value_columns(vote_round, self.language)
        idea_header = "ความคิด" if self.language == "th" else "Idea"
        self.setColumnCount(1 + len(self.columns))
        # Criterion names are long: wrapped, so that the ideas keep most of the width.
        self.setHorizontalHeaderLabels(
            [idea_header, *[wrapped_header(self, h, HEADER_WIDTH) for h, _c in self.columns]]
        )
        self.setRowCount(len(vote_round.idea_ids))
        for row, idea_id in enumerate(vote_round.idea_ids):
            item = QTableWidgetItem(f"{row + 1}. {texts.get(idea_id, '')}")
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.setItem(row, 0, item)
            for column in range(1, 1 + len(self.columns)):
                cell = QTableWidgetItem("")
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.setItem(row, column, cell)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 1 + len(self.columns)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        if self.rowCount():
            self.setCurrentCell(0, 1)

    def clear_marks(self) -> None:
        for row in range(self.rowCount()):
            for column in range(1, self.columnCount()):
                item = self.item(row, column)
                if item is not None:
                    item.setText("")
        if self.rowCount():
            self.setCurrentCell(0, 1)

    def set_marks(self, marks: tuple[Mark, ...]) -> None:
        self.clear_marks()
        if self.vote_round is None:
            return
        rows = {idea: n for n, idea in enumerate(self.vote_round.idea_ids)}
        columns = {criterion: n + 1 for n, (_h, criterion) in enumerate(self.columns)}
        for mark in marks:
            item = self.item(rows.get(mark.idea_id, -1), columns.get(mark.criterion_id, 1))
            if item is not None:
                item.setText(str(mark.value))

    def marks(self) -> list[Mark]:
        """The marks typed; UserError naming the row if a cell is not a whole number."""
        if self.vote_round is None:
            return []
        found: list[Mark] = []
        for row, idea_id in enumerate(self.vote_round.idea_ids):
            for column, (header, criterion_id) in enumerate(self.columns, start=1):
                item = self.item(row, column)
                text = to_arabic_digits(item.text().strip()) if item is not None else ""
                if not text:
                    continue
                if not text.isdigit():
                    raise UserError(
                        f"แถวที่ {row + 1} ช่อง \u201c{header}\u201d: \u201c{text}\u201d ไม่ใช่ตัวเลข",
                        f"Row {row + 1}, \u201c{header}\u201d: \u201c{text}\u201d is not a "
                        "whole number.",
                    )
                value = int(text)
                if value == 0 and criterion_id is None:
                    continue  # 0 dots, no rank: no mark
                found.append(Mark(idea_id, value, criterion_id))
        return found
