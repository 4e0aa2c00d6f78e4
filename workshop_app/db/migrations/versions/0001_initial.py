"""Initial schema: device clock, workshops, issues, agenda, sectors, attendees.

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-21
"""

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None

SYNCED_TABLES = ("workshops", "strategic_issues", "agenda_items", "sectors", "attendees")


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


def _workshop_fk(table: str) -> list[Any]:
    return [
        sa.Column("workshop_id", sa.String(36), nullable=False),
        sa.ForeignKeyConstraint(
            ["workshop_id"], ["workshops.id"], name=f"fk_{table}_workshop_id_workshops"
        ),
    ]


def upgrade() -> None:
    # Local, never synced: this file's device id and the clock's last stamp.
    op.create_table(
        "local_device",
        sa.Column("device_id", sa.String(36), primary_key=True),
        sa.Column("last_hlc", sa.String(64), nullable=True),
    )
    op.create_table(
        "workshops",
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("province", sa.Text(), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("start_time", sa.Time(), nullable=True),
        sa.Column("end_time", sa.Time(), nullable=True),
        sa.Column("venue", sa.Text(), nullable=False),
        sa.Column("chair", sa.Text(), nullable=False),
        sa.Column("organiser", sa.Text(), nullable=False),
        sa.Column("vision", sa.Text(), nullable=False),
        sa.Column("meeting_number", sa.Integer(), nullable=True),
        sa.Column("meeting_year", sa.Integer(), nullable=True),
        sa.Column("privacy_notice", sa.Text(), nullable=False),
        *_sync_columns("workshops"),
    )
    op.create_table(
        "strategic_issues",
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("goal", sa.Text(), nullable=False),
        *_workshop_fk("strategic_issues"),
        *_sync_columns("strategic_issues"),
    )
    op.create_table(
        "agenda_items",
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("resolution", sa.Text(), nullable=False),
        *_workshop_fk("agenda_items"),
        *_sync_columns("agenda_items"),
    )
    op.create_table(
        "sectors",
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("colour", sa.String(9), nullable=False),
        *_workshop_fk("sectors"),
        *_sync_columns("sectors"),
    )
    op.create_table(
        "attendees",
        sa.Column("sector_id", sa.String(36), nullable=False),
        sa.Column("code", sa.Integer(), nullable=False),
        sa.Column("prefix", sa.Text(), nullable=False),
        sa.Column("first_name", sa.Text(), nullable=False),
        sa.Column("last_name", sa.Text(), nullable=False),
        sa.Column("position", sa.Text(), nullable=False),
        sa.Column("organisation", sa.Text(), nullable=False),
        sa.Column("phone", sa.String(64), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("invited", sa.Boolean(), nullable=False),
        sa.Column("walk_in", sa.Boolean(), nullable=False),
        sa.Column("checked_in_at", sa.DateTime(), nullable=True),
        sa.Column("consent_photos", sa.Boolean(), nullable=False),
        sa.Column("consent_follow_up", sa.Boolean(), nullable=False),
        sa.Column("special_needs", sa.Text(), nullable=False),
        sa.Column("consent_special_needs", sa.Boolean(), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("first_name_key", sa.Text(), nullable=False),
        sa.Column("last_name_key", sa.Text(), nullable=False),
        sa.Column("sort_key", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["sector_id"], ["sectors.id"], name="fk_attendees_sector_id_sectors"
        ),
        *_workshop_fk("attendees"),
        *_sync_columns("attendees"),
    )
    for table in SYNCED_TABLES:
        op.create_index(f"ix_{table}_updated_hlc", table, ["updated_hlc"])
        if table != "workshops":
            op.create_index(f"ix_{table}_workshop_id", table, ["workshop_id"])
    op.create_index("ix_attendees_sector_id", "attendees", ["sector_id"])
    op.create_index("ix_attendees_sort_key", "attendees", ["workshop_id", "sort_key"])


def downgrade() -> None:
    for table in reversed(SYNCED_TABLES):
        op.drop_table(table)
    op.drop_table("local_device")
