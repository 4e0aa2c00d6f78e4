"""Noticing copies: where this file was opened last (computer and path), so a copied
file becomes a device of its own; and the push epoch this file shares with the server,
so a backup put back in place is noticed before it reuses acknowledged numbers.

Revision ID: 0007_device_home
Revises: 0006_sync
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_device_home"
down_revision = "0006_sync"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("local_device") as batch:
        batch.add_column(sa.Column("home", sa.Text(), nullable=True))
        batch.add_column(sa.Column("push_epoch", sa.Text(), nullable=True))
    with op.batch_alter_table("sync_devices") as batch:
        batch.add_column(sa.Column("epoch", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_devices") as batch:
        batch.drop_column("epoch")
    with op.batch_alter_table("local_device") as batch:
        batch.drop_column("push_epoch")
        batch.drop_column("home")
