"""Declarative base and the columns every synced table carries."""

from __future__ import annotations

from sqlalchemy import Boolean, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from workshop_app.db.types import new_id

# Explicit constraint names so that migrations (and SQLite batch mode) can find them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class SyncedRow:
    """Columns for rows that travel between devices.

    ``created_hlc``/``updated_hlc`` are hybrid-logical-clock stamps and ``device_id`` the
    device that wrote the row last; the database layer fills them in at every flush
    (see ``workshop_app.db.database``), so services never set them by hand. Rows are never
    deleted: ``deleted`` is a tombstone that sync carries to the other devices.
    """

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_hlc: Mapped[str] = mapped_column(String(64))
    updated_hlc: Mapped[str] = mapped_column(String(64), index=True)
    device_id: Mapped[str] = mapped_column(String(36))
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    versions: Mapped[str] = mapped_column(Text, default="", server_default="")
