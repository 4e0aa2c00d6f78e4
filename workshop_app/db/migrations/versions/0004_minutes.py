"""Minutes: who a stand-in sits for and why a member is absent (ผู้มาประชุม /
ผู้ไม่มาประชุม), the minute-taker and checker who sign the minutes, and the agenda item
under which the workshop's results are reported.

Revision ID: 0004_minutes
Revises: 0003_voting
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_minutes"
down_revision = "0003_voting"
branch_labels = None
depends_on = None

ATTENDEE_COLUMNS = ("stands_in_for", "absence_reason")
WORKSHOP_COLUMNS = (
    "minutes_taker",
    "minutes_taker_position",
    "minutes_checker",
    "minutes_checker_position",
)


def upgrade() -> None:
    with op.batch_alter_table("attendees") as batch:
        for name in ATTENDEE_COLUMNS:
            batch.add_column(sa.Column(name, sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("workshops") as batch:
        for name in WORKSHOP_COLUMNS:
            batch.add_column(sa.Column(name, sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("agenda_items") as batch:
        batch.add_column(
            sa.Column("shows_results", sa.Boolean(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    with op.batch_alter_table("agenda_items") as batch:
        batch.drop_column("shows_results")
    with op.batch_alter_table("workshops") as batch:
        for name in WORKSHOP_COLUMNS:
            batch.drop_column(name)
    with op.batch_alter_table("attendees") as batch:
        for name in ATTENDEE_COLUMNS:
            batch.drop_column(name)
