"""The reference lists the action plan's dropdowns offer: the national strategies, the
master plans, the national plan's milestones, funding sources and the province's agencies.

The app ships each list as a text file in ``resources/reference`` (one entry per line, so
the secretariat can read and correct them). A workshop uses the shipped list until the
user edits it; the edit stores the workshop's own copy (synced like any other row).
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from workshop_app.db.types import natural_id
from workshop_app.errors import UserError
from workshop_app.models import ReferenceItem, ReferenceListName
from workshop_app.resources import resources_dir
from workshop_app.thai.normalize import normalize_thai

LIST_LABELS: dict[str, tuple[str, str]] = {
    ReferenceListName.NATIONAL_STRATEGY.value: ("ยุทธศาสตร์ชาติ", "National strategy"),
    ReferenceListName.MASTER_PLAN.value: (
        "แผนแม่บทภายใต้ยุทธศาสตร์ชาติ",
        "Master plan under the national strategy",
    ),
    ReferenceListName.NATIONAL_PLAN.value: (
        "แผนพัฒนาเศรษฐกิจและสังคมแห่งชาติ",
        "National economic and social development plan",
    ),
    ReferenceListName.FUNDING_SOURCE.value: ("แหล่งงบประมาณ", "Funding source"),
    ReferenceListName.AGENCY.value: ("หน่วยงาน", "Agency"),
}
LIST_NAMES = tuple(LIST_LABELS)
MAX_ITEMS = 500


def list_label(name: str, language: str = "th") -> str:
    thai, english = LIST_LABELS[name]
    return thai if language == "th" else english


@cache
def shipped_list(name: str) -> tuple[str, ...]:
    """The list as shipped with the app (notes starting with # left out)."""
    path = resources_dir() / "reference" / f"{name}.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _check_name(name: str) -> None:
    if name not in LIST_LABELS:
        raise UserError(f"ไม่รู้จักรายการอ้างอิง '{name}'", f"unknown reference list '{name}'")


def _item_id(workshop_id: str, name: str, position: int) -> str:
    """An entry is one row per (workshop, list, position), the same on every laptop: two
    laptops that both make the workshop's own copy of a list (or both add a 31st entry)
    write the same rows, and sync merges them instead of listing every entry twice."""
    return natural_id("reference_items", workshop_id, name, position)


def _keeper(rows: list[ReferenceItem], natural: str) -> ReferenceItem:
    """The row of a position among those stored there (more than one only in files from
    before natural ids): a live one first, then the natural id, then the latest stamp."""
    return max(rows, key=lambda r: (not r.deleted, r.id == natural, r.updated_hlc))


def _stored(session: Session, workshop_id: str, name: str) -> dict[int, list[ReferenceItem]]:
    """The stored rows of a list (tombstones too) by position, in order."""
    by_position: dict[int, list[ReferenceItem]] = defaultdict(list)
    for item in session.scalars(
        select(ReferenceItem)
        .where(ReferenceItem.workshop_id == workshop_id, ReferenceItem.list_name == name)
        .order_by(ReferenceItem.position, ReferenceItem.created_hlc)
    ):
        by_position[item.position].append(item)
    return by_position


def reference_list(session: Session, workshop_id: str, name: str) -> list[str]:
    """The workshop's list: its own copy if it was ever edited, else the shipped one."""
    _check_name(name)
    stored = _stored(session, workshop_id, name)
    if not stored:
        return list(shipped_list(name))
    kept = [
        rows[0] if len(rows) == 1 else _keeper(rows, _item_id(workshop_id, name, position))
        for position, rows in stored.items()
    ]
    return [item.name for item in kept if not item.deleted]


def all_reference_lists(session: Session, workshop_id: str) -> dict[str, list[str]]:
    return {name: reference_list(session, workshop_id, name) for name in LIST_NAMES}


def set_reference_list(session: Session, workshop_id: str, name: str, items: list[str]) -> None:
    """Store the workshop's own copy of a list: entries cleaned, blanks and repeats dropped.

    Rows are reused position by position, so an edit rewrites only the entries that
    changed (fewer rows to sync); entries no longer there become tombstones. A position
    with no row yet gets one with its natural id (``_item_id``).
    """
    _check_name(name)
    cleaned: list[str] = []
    for item in items:
        text = normalize_thai(" ".join(item.split()))
        if text and text not in cleaned:
            cleaned.append(text)
    if len(cleaned) > MAX_ITEMS:
        raise UserError(
            f"รายการยาวเกิน {MAX_ITEMS} รายการ", f"a list can hold at most {MAX_ITEMS} entries"
        )
    stored = _stored(session, workshop_id, name)
    had_copy = bool(stored)
    for position, text in enumerate(cleaned):
        rows = stored.pop(position, [])
        if rows:
            row = _keeper(rows, _item_id(workshop_id, name, position))
            row.name, row.deleted = text, False
            _bury(rows, row)  # copies of the position merged from before natural ids
        else:
            session.add(
                ReferenceItem(
                    id=_item_id(workshop_id, name, position),
                    workshop_id=workshop_id,
                    list_name=name,
                    position=position,
                    name=text,
                )
            )
    for rows in stored.values():
        _bury(rows)
    if not cleaned and not had_copy:
        # An emptied list must stay empty, not fall back to the shipped one: keep a
        # tombstone as the marker that the workshop has its own (empty) copy.
        session.add(
            ReferenceItem(
                id=_item_id(workshop_id, name, 0),
                workshop_id=workshop_id,
                list_name=name,
                position=0,
                name="",
                deleted=True,
            )
        )
    session.flush()


def _bury(rows: list[ReferenceItem], keep: ReferenceItem | None = None) -> None:
    for row in rows:
        if row is not keep and not row.deleted:
            row.deleted = True
