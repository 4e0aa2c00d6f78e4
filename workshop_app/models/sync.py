"""What sync keeps in the database: conflicting versions, outbox, log and cursors."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Index, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column

from workshop_app.models.base import Base, SyncedRow


class SyncConflict(SyncedRow, Base):
    """A version of a row that lost to a concurrent edit made on another device.

    Kept for review, never dropped. The id is derived from (table, row, version), so two
    devices that meet the same conflict record it as the same row, and the conflicts
    themselves sync like everything else.
    """

    __tablename__ = "sync_conflicts"

    workshop_id: Mapped[str | None] = mapped_column(String(36))
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    version_hlc: Mapped[str] = mapped_column(String(64))  # the losing version's stamp
    winner_hlc: Mapped[str] = mapped_column(String(64))
    data: Mapped[str] = mapped_column(Text)  # the losing version, as in a bundle (JSON)
    resolution: Mapped[str] = mapped_column(String(16), default="")  # "", kept, taken


# Local writes not yet acknowledged by the provincial server.
sync_outbox = Table(
    "sync_outbox",
    Base.metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("table_name", String(64), nullable=False),
    Column("row_id", String(36), nullable=False),
    Index("ix_sync_outbox_row_id", "row_id"),
    sqlite_autoincrement=True,
)

# On the provincial server: every row written, in commit order. ``source_device`` is the
# device whose pushed version is stored as is (it need not pull the row back).
sync_log = Table(
    "sync_log",
    Base.metadata,
    Column("seq", BigInteger().with_variant(Integer(), "sqlite"), primary_key=True),
    Column("table_name", String(64), nullable=False),
    Column("row_id", String(36), nullable=False),
    Column("source_device", String(36), nullable=True),
    Index("ix_sync_log_row_id", "row_id"),
)

# On the provincial server: the last outbox number applied from each device.
sync_devices = Table(
    "sync_devices",
    Base.metadata,
    Column("device_id", String(36), primary_key=True),
    Column("pushed_seq", BigInteger, nullable=False),
    # Changes after every push; a laptop file with another epoch is an older copy.
    Column("epoch", Text, nullable=True),
)

# On a laptop: how far it has pulled from each server (address without password).
sync_servers = Table(
    "sync_servers",
    Base.metadata,
    Column("server", Text, primary_key=True),
    Column("pulled_seq", BigInteger, nullable=False),
    # The server's id and epoch when last synced; another means it is a new, restored or
    # rebuilt server: everything is sent again and pulled from the start.
    Column("server_id", Text, nullable=True),
    Column("epoch", Text, nullable=True),
    # The last outbox number the server acknowledged, and to which device id (a copied
    # file is a new device): a server that knows less was put back to an earlier state.
    Column("acked_seq", BigInteger, nullable=True),
    Column("acked_device", Text, nullable=True),
)

# On the provincial server (one row): its id, its epoch, and the anchor that tells a
# restored or copied database from the one the epoch was started on.
sync_identity = Table(
    "sync_identity",
    Base.metadata,
    Column("id", Integer, primary_key=True),
    Column("server_id", Text, nullable=False),
    Column("epoch", Text, nullable=False),
    Column("anchor", Text, nullable=False),
)
