"""Sync: version vectors on every synced row, the outbox, the server's change log and
device cursors, the client's pull cursors, and the conflicts kept for review.

Revision ID: 0006_sync
Revises: 0005_action_plan
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_sync"
down_revision = "0005_action_plan"
branch_labels = None
depends_on = None

# Parents before children, so that the outbox sends a parent before its children.
SYNCED_TABLES = (
    "workshops",
    "agenda_items",
    "reference_items",
    "sectors",
    "strategic_issues",
    "vote_rounds",
    "attendees",
    "projects",
    "vote_criteria",
    "vote_round_events",
    "ballots",
    "ideas",
    "project_activities",
    "project_budgets",
    "ballot_marks",
    "idea_merge_events",
    "paper_tallies",
    "project_ideas",
    "vote_round_ideas",
)


def upgrade() -> None:
    for table in SYNCED_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("versions", sa.Text(), nullable=False, server_default=""))
        # Every existing row is its last writer's version.
        op.execute(f"UPDATE {table} SET versions = updated_hlc")
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        # Attendees' sort keys were NUL-separated; PostgreSQL text cannot hold NUL.
        op.execute("UPDATE attendees SET sort_key = replace(sort_key, char(0), char(1))")
    op.create_table(
        "sync_conflicts",
        sa.Column("workshop_id", sa.String(36), nullable=True),
        sa.Column("table_name", sa.String(64), nullable=False),
        sa.Column("row_id", sa.String(36), nullable=False),
        sa.Column("version_hlc", sa.String(64), nullable=False),
        sa.Column("winner_hlc", sa.String(64), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("resolution", sa.String(16), nullable=False),
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("created_hlc", sa.String(64), nullable=False),
        sa.Column("updated_hlc", sa.String(64), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("versions", sa.Text(), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("id", name="pk_sync_conflicts"),
    )
    op.create_index("ix_sync_conflicts_updated_hlc", "sync_conflicts", ["updated_hlc"])
    op.create_index("ix_sync_conflicts_row_id", "sync_conflicts", ["row_id"])
    # Local writes not yet acknowledged by the provincial server (laptops).
    op.create_table(
        "sync_outbox",
        sa.Column("seq", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("table_name", sa.String(64), nullable=False),
        sa.Column("row_id", sa.String(36), nullable=False),
        sqlite_autoincrement=True,  # never reuse a number the server has acknowledged
    )
    op.create_index("ix_sync_outbox_row_id", "sync_outbox", ["row_id"])
    # Every row written on the provincial server, in commit order (pulls follow it).
    op.create_table(
        "sync_log",
        sa.Column("seq", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True),
        sa.Column("table_name", sa.String(64), nullable=False),
        sa.Column("row_id", sa.String(36), nullable=False),
        sa.Column("source_device", sa.String(36), nullable=True),
    )
    op.create_index("ix_sync_log_row_id", "sync_log", ["row_id"])
    # The server's per-device cursor: the last outbox number applied from each device.
    op.create_table(
        "sync_devices",
        sa.Column("device_id", sa.String(36), primary_key=True),
        sa.Column("pushed_seq", sa.BigInteger(), nullable=False),
    )
    # A laptop's pull cursor per server (the address without any password).
    op.create_table(
        "sync_servers",
        sa.Column("server", sa.Text(), primary_key=True),
        sa.Column("pulled_seq", sa.BigInteger(), nullable=False),
    )
    for table in SYNCED_TABLES:
        op.execute(
            f"INSERT INTO sync_outbox (table_name, row_id) SELECT '{table}', id FROM {table}"
        )
    if bind.dialect.name == "postgresql":
        # A batch may hold an idea and the idea it was merged into, in any order: the
        # server checks references when the batch commits (SET CONSTRAINTS ALL DEFERRED).
        inspector = sa.inspect(bind)
        for table in SYNCED_TABLES:
            for foreign_key in inspector.get_foreign_keys(table):
                op.execute(
                    f'ALTER TABLE {table} ALTER CONSTRAINT "{foreign_key["name"]}" '
                    "DEFERRABLE INITIALLY IMMEDIATE"
                )


def downgrade() -> None:
    for name in ("sync_servers", "sync_devices", "sync_log", "sync_outbox", "sync_conflicts"):
        op.drop_table(name)
    for table in SYNCED_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("versions")
