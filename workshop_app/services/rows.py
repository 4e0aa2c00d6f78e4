"""Finding a stored row that the user means: one that exists and is not deleted."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from workshop_app.errors import UserError
from workshop_app.models.base import SyncedRow

Row = TypeVar("Row", bound=SyncedRow)


def live_row(session: Session, model: type[Row], row_id: str, thai: str, english: str) -> Row:
    """The row of ``model`` with ``row_id``; a deleted or unknown one is refused, naming
    what was looked for (``thai``/``english``: "ตำแหน่งในคณะ"/"role") and the id."""
    row = session.get(model, row_id)
    if row is None or row.deleted:
        raise UserError(f"ไม่พบ{thai}รหัส {row_id}", f"no {english} with id {row_id}")
    return row


def live_rows(
    session: Session, model: type[Row], workshop_id: str, order_by: Sequence[Any]
) -> list[Row]:
    """The rows of ``model`` that belong to the workshop and are not deleted, sorted by
    the columns of ``order_by`` (e.g. ``(BodyRole.position, BodyRole.created_hlc)``)."""
    in_workshop = inspect(model).columns["workshop_id"] == workshop_id
    return list(
        session.scalars(select(model).where(in_workshop, ~model.deleted).order_by(*order_by))
    )
