"""The server's identity and epoch, and what a laptop remembers of each server.

A server gets a random id and an epoch when its schema is installed. The epoch changes
when the server finds it was restored from a dump or copied (its anchor, made of the
database's and the change log's object ids and the row's own transaction id, no longer
matches), or when a laptop finds the server behind what it acknowledged. A laptop that
meets another id or another epoch than it remembers re-sends everything it holds and
pulls from the start.

Revision ID: 0008_sync_epoch
Revises: 0007_device_home
Create Date: 2026-12-06
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0008_sync_epoch"
down_revision = "0007_device_home"
branch_labels = None
depends_on = None


def upgrade() -> None:
    identity = op.create_table(
        "sync_identity",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("server_id", sa.Text(), nullable=False),
        sa.Column("epoch", sa.Text(), nullable=False),
        sa.Column("anchor", sa.Text(), nullable=False),
    )
    # The anchor is left empty: the first sync sets it (and starts a fresh epoch).
    op.bulk_insert(identity, [{"id": 1, "server_id": str(uuid.uuid4()), "epoch": "", "anchor": ""}])
    with op.batch_alter_table("sync_servers") as batch:
        batch.add_column(sa.Column("server_id", sa.Text(), nullable=True))
        batch.add_column(sa.Column("epoch", sa.Text(), nullable=True))
        batch.add_column(sa.Column("acked_seq", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("acked_device", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_servers") as batch:
        batch.drop_column("acked_device")
        batch.drop_column("acked_seq")
        batch.drop_column("epoch")
        batch.drop_column("server_id")
    op.drop_table("sync_identity")
