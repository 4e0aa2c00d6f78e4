"""The shapes of what phones send (docs/participant-api.md), checked before anything
reaches the database: a body of another shape is refused whole with a message naming
the field, in Thai and English."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from workshop_app.services.vote_counting import Mark

MAX_ID_CHARS = 64
MAX_TEXT_CHARS = 4000  # the services refuse a card over 1,000 characters, with its own message
MAX_NAME_CHARS = 200
MAX_MARKS = 1000


class ProtocolError(Exception):
    """A request of the wrong shape (HTTP 400)."""

    def __init__(self, code: str, thai: str, english: str) -> None:
        super().__init__(english)
        self.code = code
        self.thai = thai
        self.english = english


def _field_error(name: str, thai: str, english: str) -> ProtocolError:
    return ProtocolError("invalid_field", f"ช่อง {name}: {thai}", f"field {name}: {english}")


def parse_json(data: bytes | str) -> dict[str, Any]:
    """A JSON object from a body or a WebSocket message."""
    try:
        value = json.loads(data)
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        raise ProtocolError(
            "malformed", "ข้อมูลไม่ใช่ JSON ที่ถูกต้อง", "the body is not valid JSON"
        ) from None
    if not isinstance(value, dict):
        raise ProtocolError("malformed", "ข้อมูลต้องเป็นออบเจกต์ JSON", "the body must be a JSON object")
    return value


def _only(body: dict[str, Any], allowed: set[str]) -> None:
    unknown = sorted(set(body) - allowed - {"type"})
    if unknown:
        names = ", ".join(unknown)[:200]
        raise ProtocolError("unexpected_field", f"มีช่องที่ไม่รู้จัก: {names}", f"unknown fields: {names}")


def _text(body: dict[str, Any], name: str, limit: int, *, required: bool = True) -> str:
    value = body.get(name)
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise _field_error(name, "ต้องเป็นข้อความ", "must be text")
    if len(value) > limit:
        raise _field_error(name, f"ยาวเกิน {limit} ตัวอักษร", f"longer than {limit} characters")
    return value


@dataclass(frozen=True)
class IdeaBody:
    submission_id: str
    issue_id: str
    kind: str
    text: str


@dataclass(frozen=True)
class BallotBody:
    submission_id: str
    round_id: str
    marks: tuple[Mark, ...]


@dataclass(frozen=True)
class WalkInBody:
    code: str
    first_name: str
    last_name: str
    sector_id: str
    submission_id: str


def idea_body(body: dict[str, Any]) -> IdeaBody:
    _only(body, {"submission_id", "issue_id", "kind", "text"})
    return IdeaBody(
        submission_id=_text(body, "submission_id", MAX_ID_CHARS),
        issue_id=_text(body, "issue_id", MAX_ID_CHARS),
        kind=_text(body, "kind", MAX_ID_CHARS),
        text=_text(body, "text", MAX_TEXT_CHARS),
    )


def _mark(item: Any, number: int) -> Mark:
    where = f"marks[{number}]"
    if not isinstance(item, dict):
        raise _field_error(where, "ต้องเป็นออบเจกต์", "must be an object")
    unknown = set(item) - {"idea_id", "value", "criterion_id"}
    if unknown:
        raise _field_error(where, "มีช่องที่ไม่รู้จัก", "has unknown fields")
    idea_id = item.get("idea_id")
    value = item.get("value")
    criterion = item.get("criterion_id")
    if not isinstance(idea_id, str) or len(idea_id) > MAX_ID_CHARS:
        raise _field_error(f"{where}.idea_id", "ต้องเป็นรหัสข้อความ", "must be an id")
    # bool is an int in Python: true is not a score.
    if isinstance(value, bool) or not isinstance(value, int) or not -1000 <= value <= 1000:
        raise _field_error(f"{where}.value", "ต้องเป็นจำนวนเต็ม", "must be a whole number")
    if criterion is not None and (not isinstance(criterion, str) or len(criterion) > MAX_ID_CHARS):
        raise _field_error(f"{where}.criterion_id", "ต้องเป็นรหัสหรือ null", "must be an id or null")
    return Mark(idea_id, value, criterion)


def ballot_body(body: dict[str, Any]) -> BallotBody:
    _only(body, {"submission_id", "round_id", "marks"})
    marks = body.get("marks")
    if not isinstance(marks, list):
        raise _field_error("marks", "ต้องเป็นรายการ", "must be a list")
    if len(marks) > MAX_MARKS:
        raise _field_error("marks", f"มีเกิน {MAX_MARKS} รายการ", f"more than {MAX_MARKS} marks")
    return BallotBody(
        submission_id=_text(body, "submission_id", MAX_ID_CHARS),
        round_id=_text(body, "round_id", MAX_ID_CHARS),
        marks=tuple(_mark(item, number) for number, item in enumerate(marks)),
    )


def walk_in_body(body: dict[str, Any]) -> WalkInBody:
    _only(body, {"code", "first_name", "last_name", "sector_id", "submission_id"})
    return WalkInBody(
        code=_text(body, "code", 16),
        first_name=_text(body, "first_name", MAX_NAME_CHARS),
        last_name=_text(body, "last_name", MAX_NAME_CHARS, required=False),
        sector_id=_text(body, "sector_id", MAX_ID_CHARS),
        submission_id=_text(body, "submission_id", MAX_ID_CHARS),
    )
