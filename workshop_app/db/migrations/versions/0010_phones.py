"""Participants' phones: the laptop-local tables of the participant server (card
tokens, submission ids, per-workshop settings: never synced), ideas awaiting the
facilitator's moderation (synced), and ballots cast by phone (a new cast_by value, no
column change).

Revision ID: 0010_phones
Revises: 0009_meeting_records
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_phones"
down_revision = "0009_meeting_records"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "phone_tokens",
        sa.Column("attendee_id", sa.String(36), nullable=False),
        sa.Column("workshop_id", sa.String(36), nullable=False),
        sa.Column("token", sa.String(64), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["attendee_id"], ["attendees.id"], name="fk_phone_tokens_attendee_id_attendees"
        ),
        sa.ForeignKeyConstraint(
            ["workshop_id"], ["workshops.id"], name="fk_phone_tokens_workshop_id_workshops"
        ),
        sa.PrimaryKeyConstraint("attendee_id", name="pk_phone_tokens"),
        sa.UniqueConstraint("token", name="uq_phone_tokens_token"),
    )
    op.create_index("ix_phone_tokens_workshop_id", "phone_tokens", ["workshop_id"])
    op.create_table(
        "phone_submissions",
        sa.Column("workshop_id", sa.String(36), nullable=False),
        sa.Column("sender", sa.String(36), nullable=False),
        sa.Column("submission_id", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("result_id", sa.String(36), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["workshop_id"], ["workshops.id"], name="fk_phone_submissions_workshop_id_workshops"
        ),
        sa.PrimaryKeyConstraint(
            "workshop_id", "sender", "submission_id", name="pk_phone_submissions"
        ),
    )
    op.create_table(
        "phone_settings",
        sa.Column("workshop_id", sa.String(36), nullable=False),
        sa.Column("walk_in_code", sa.String(6), nullable=False),
        sa.Column("issue_id", sa.String(36), nullable=True),
        sa.Column("moderation", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["workshop_id"], ["workshops.id"], name="fk_phone_settings_workshop_id_workshops"
        ),
        sa.PrimaryKeyConstraint("workshop_id", name="pk_phone_settings"),
    )
    with op.batch_alter_table("ideas") as batch:
        batch.add_column(
            sa.Column("awaiting_moderation", sa.Boolean(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    with op.batch_alter_table("ideas") as batch:
        batch.drop_column("awaiting_moderation")
    op.drop_table("phone_settings")
    op.drop_table("phone_submissions")
    op.drop_index("ix_phone_tokens_workshop_id", "phone_tokens")
    op.drop_table("phone_tokens")
