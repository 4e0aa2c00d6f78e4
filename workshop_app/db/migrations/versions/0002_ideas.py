"""Brainstorm: ideas, the merge log, and the workshop's own words (glossary).

Revision ID: 0002_ideas
Revises: 0001_initial
Create Date: 2026-11-21
"""

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0002_ideas"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def _sync_columns(table: str) -> list[Any]:
    """The columns every synced table carries (models.base.SyncedRow), frozen here."""
    return [
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("created_hlc", sa.String(64), nullable=False),
        sa.Column("updated_hlc", sa.String(64), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
    ]


def _fk(table: str, column: str, target: str) -> Any:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"], name=f"fk_{table}_{column}_{target}")


def upgrade() -> None:
    with op.batch_alter_table("workshops") as batch:
        batch.add_column(sa.Column("glossary", sa.Text(), nullable=False, server_default=""))
    op.create_table(
        "ideas",
        sa.Column("workshop_id", sa.String(36), nullable=False),
        sa.Column("issue_id", sa.String(36), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("sector_id", sa.String(36), nullable=True),
        sa.Column("breakout_group", sa.Text(), nullable=False),
        sa.Column("author_id", sa.String(36), nullable=True),
        sa.Column("position", sa.Float(), nullable=False),
        sa.Column("merged_into_id", sa.String(36), nullable=True),
        sa.Column("search_text", sa.Text(), nullable=False),
        _fk("ideas", "workshop_id", "workshops"),
        _fk("ideas", "issue_id", "strategic_issues"),
        _fk("ideas", "sector_id", "sectors"),
        _fk("ideas", "author_id", "attendees"),
        _fk("ideas", "merged_into_id", "ideas"),
        *_sync_columns("ideas"),
    )
    op.create_table(
        "idea_merge_events",
        sa.Column("workshop_id", sa.String(36), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("target_id", sa.String(36), nullable=False),
        sa.Column("source_ids", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        _fk("idea_merge_events", "workshop_id", "workshops"),
        _fk("idea_merge_events", "target_id", "ideas"),
        *_sync_columns("idea_merge_events"),
    )
    for table in ("ideas", "idea_merge_events"):
        op.create_index(f"ix_{table}_updated_hlc", table, ["updated_hlc"])
        op.create_index(f"ix_{table}_workshop_id", table, ["workshop_id"])
    op.create_index("ix_ideas_issue_id", "ideas", ["issue_id"])
    op.create_index("ix_ideas_merged_into_id", "ideas", ["merged_into_id"])
    op.create_index("ix_idea_merge_events_target_id", "idea_merge_events", ["target_id"])


def downgrade() -> None:
    op.drop_table("idea_merge_events")
    op.drop_table("ideas")
    with op.batch_alter_table("workshops") as batch:
        batch.drop_column("glossary")
