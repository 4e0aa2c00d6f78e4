"""The one way the GUI runs long work (``WorkshopContext.run_in_background``): every
ending reaches the window: a refusal of the disk as a message, a defect in the crash
dialog, and a page closed meanwhile hears nothing while the change flags still go out."""

from __future__ import annotations

import sys
from pathlib import Path
from types import TracebackType

import pytest
import shiboken6
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from tests.ui.background import outcome_of
from workshop_app.services import workshops
from workshop_app.ui.context import Changes, Progress, WorkshopContext


def test_a_full_disk_is_a_message_not_a_crash(
    qtbot: QtBot, context: WorkshopContext, tmp_path: Path
) -> None:
    def write(_session: Session, _progress: Progress) -> None:
        raise OSError(28, "No space left on device", str(tmp_path / "แผนพัฒนาจังหวัดยะลา.xlsx"))

    kind, message = outcome_of(qtbot, context.run_in_background(write))
    assert kind == "failed"
    assert "full" in message or "space" in message


def test_a_defect_reaches_the_crash_dialog_and_the_operation_still_ends(
    qtbot: QtBot, context: WorkshopContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    reported: list[type[BaseException]] = []

    def hook(kind: type[BaseException], _value: BaseException, _tb: TracebackType | None) -> None:
        reported.append(kind)

    monkeypatch.setattr(sys, "excepthook", hook)

    def broken(_session: Session, _progress: Progress) -> None:
        raise KeyError("a defect, not the user's doing")

    operation = context.run_in_background(broken)
    with qtbot.waitSignal(operation.ended, timeout=30000):
        pass
    assert reported == [KeyError]


def test_a_page_closed_meanwhile_hears_nothing_but_the_changes_go_out(
    qtbot: QtBot, context: WorkshopContext
) -> None:
    page = QWidget()
    heard: list[object] = []
    seen: list[Changes] = []
    context.changed.connect(seen.append)
    workshop_id = context.workshop_id

    def rename(session: Session, _progress: Progress) -> str:
        workshops.update_workshop(session, workshop_id, venue="หอประชุมอำเภอเบตง")
        return "renamed"

    operation = context.run_in_background(rename, Changes.WORKSHOP, writes=True, owner=page)
    operation.succeeded.connect(heard.append)
    shiboken6.delete(page)  # closed before the end of the work reaches the window
    qtbot.waitUntil(lambda: seen == [Changes.WORKSHOP], timeout=30000)
    assert heard == []
    venue = context.read(lambda s: workshops.get_workshop(s, workshop_id).venue)
    assert venue == "หอประชุมอำเภอเบตง"
