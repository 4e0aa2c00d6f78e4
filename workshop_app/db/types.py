"""Column types shared by the models."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, DateTime
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


def new_id() -> str:
    return str(uuid.uuid4())


# Namespace of the natural ids (never change it: ids already stored depend on it).
NATURAL_NAMESPACE = uuid.UUID("3d0f5c2a-7b1e-4e8a-9c64-51a2f0e7b8d3")
_SEPARATOR = "\x1f"  # unit separator: not in ids, numbers or names typed by users
_NONE = "\x1e"  # record separator: None, told apart from ""


def natural_id(*parts: str | int | None) -> str:
    """The id of the row that stands for the natural key ``parts``, the same on every
    device: a uuid5 of the parts (start them with the table's name).

    Rows with random ids (``new_id``) that two laptops create for the same key, say the
    paper count of one idea in one round, are two rows after sync, and both are counted.
    A row that stands for a key gets this id instead, so two devices creating "the same"
    row create the same row, and sync merges their versions (the later wins, the other is
    kept as a conflict for review) instead of keeping two. ``None`` is a part of its own,
    not the same as ``""``.
    """
    texts: list[str] = []
    for part in parts:
        if part is None:
            texts.append(_NONE)
            continue
        text = str(part)
        if _SEPARATOR in text or _NONE in text:
            raise ValueError(f"a part of a natural key holds a separator: {text!r}")
        texts.append(text)
    return str(uuid.uuid5(NATURAL_NAMESPACE, _SEPARATOR.join(texts)))


class UtcDateTime(TypeDecorator[dt.datetime]):
    """A timezone-aware UTC datetime, stored naive (SQLite has no time zones)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("UtcDateTime needs an aware datetime")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        assert isinstance(value, dt.datetime)
        return value.replace(tzinfo=dt.UTC)


class Money(TypeDecorator[Decimal]):
    """An amount of baht, stored exactly as whole satang (an integer)."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        satang = Decimal(value) * 100
        if satang != satang.to_integral_value():
            raise ValueError(f"{value} has a fraction of a satang")
        return int(satang)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return Decimal(int(value)) / 100
