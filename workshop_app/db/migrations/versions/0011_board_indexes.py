"""Indexes for what the board asks after every keystroke that adds or moves a card:
the cards changed since a clock stamp, the cards merged into others, and the end of an
issue's column. With only single-column indexes SQLite took the workshop's index and
read all of its cards each time (2,000 in a large workshop, about 2.5 ms per add).

Revision ID: 0011_board_indexes
Revises: 0010_phones
Create Date: 2026-12-07
"""

from alembic import op

revision = "0011_board_indexes"
down_revision = "0010_phones"
branch_labels = None
depends_on = None
# Indexes only: bundles keep following 0010_phones (db.database.data_revision).
changes_data = False


def upgrade() -> None:
    # Each replaces the single-column index it starts with (a lookup by that column
    # alone uses the pair as well).
    op.drop_index("ix_ideas_workshop_id", "ideas")
    op.create_index("ix_ideas_workshop_id_updated_hlc", "ideas", ["workshop_id", "updated_hlc"])
    op.drop_index("ix_ideas_issue_id", "ideas")
    op.create_index("ix_ideas_issue_id_position", "ideas", ["issue_id", "position"])
    op.create_index(
        "ix_ideas_workshop_id_merged_into_id", "ideas", ["workshop_id", "merged_into_id"]
    )


def downgrade() -> None:
    op.drop_index("ix_ideas_workshop_id_merged_into_id", "ideas")
    op.drop_index("ix_ideas_issue_id_position", "ideas")
    op.create_index("ix_ideas_issue_id", "ideas", ["issue_id"])
    op.drop_index("ix_ideas_workshop_id_updated_hlc", "ideas")
    op.create_index("ix_ideas_workshop_id", "ideas", ["workshop_id"])
