"""Voting: rounds, their ideas and criteria, ballots with marks, paper tallies, the
round's open/close log.

Revision ID: 0003_voting
Revises: 0002_ideas
Create Date: 2026-11-21
"""

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0003_voting"
down_revision = "0002_ideas"
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


def _table(name: str, *columns: Any, indexed: tuple[str, ...] = ()) -> None:
    op.create_table(name, *columns, *_sync_columns(name))
    op.create_index(f"ix_{name}_updated_hlc", name, ["updated_hlc"])
    for column in indexed:
        op.create_index(f"ix_{name}_{column}", name, [column])


def upgrade() -> None:
    _table(
        "vote_rounds",
        sa.Column("workshop_id", sa.String(36), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("method", sa.String(16), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("chosen_by", sa.Text(), nullable=False),
        sa.Column("dots_per_voter", sa.Integer(), nullable=False),
        sa.Column("cap_per_idea", sa.Integer(), nullable=False),
        sa.Column("rank_count", sa.Integer(), nullable=False),
        sa.Column("scale_max", sa.Integer(), nullable=False),
        sa.Column("revealed", sa.Boolean(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        _fk("vote_rounds", "workshop_id", "workshops"),
        indexed=("workshop_id",),
    )
    _table(
        "vote_round_ideas",
        sa.Column("round_id", sa.String(36), nullable=False),
        sa.Column("idea_id", sa.String(36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        _fk("vote_round_ideas", "round_id", "vote_rounds"),
        _fk("vote_round_ideas", "idea_id", "ideas"),
        indexed=("round_id", "idea_id"),
    )
    _table(
        "vote_criteria",
        sa.Column("round_id", sa.String(36), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        _fk("vote_criteria", "round_id", "vote_rounds"),
        indexed=("round_id",),
    )
    _table(
        "vote_round_events",
        sa.Column("round_id", sa.String(36), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        _fk("vote_round_events", "round_id", "vote_rounds"),
        indexed=("round_id",),
    )
    _table(
        "ballots",
        sa.Column("round_id", sa.String(36), nullable=False),
        sa.Column("attendee_id", sa.String(36), nullable=True),
        sa.Column("sector_id", sa.String(36), nullable=True),
        sa.Column("cast_by", sa.String(16), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        _fk("ballots", "round_id", "vote_rounds"),
        _fk("ballots", "attendee_id", "attendees"),
        _fk("ballots", "sector_id", "sectors"),
        indexed=("round_id", "attendee_id"),
    )
    _table(
        "ballot_marks",
        sa.Column("ballot_id", sa.String(36), nullable=False),
        sa.Column("idea_id", sa.String(36), nullable=False),
        sa.Column("criterion_id", sa.String(36), nullable=True),
        sa.Column("value", sa.Integer(), nullable=False),
        _fk("ballot_marks", "ballot_id", "ballots"),
        _fk("ballot_marks", "idea_id", "ideas"),
        _fk("ballot_marks", "criterion_id", "vote_criteria"),
        indexed=("ballot_id",),
    )
    _table(
        "paper_tallies",
        sa.Column("round_id", sa.String(36), nullable=False),
        sa.Column("idea_id", sa.String(36), nullable=False),
        sa.Column("sector_id", sa.String(36), nullable=True),
        sa.Column("rank", sa.Integer(), nullable=True),
        sa.Column("count", sa.Integer(), nullable=False),
        _fk("paper_tallies", "round_id", "vote_rounds"),
        _fk("paper_tallies", "idea_id", "ideas"),
        _fk("paper_tallies", "sector_id", "sectors"),
        indexed=("round_id",),
    )


def downgrade() -> None:
    for table in (
        "paper_tallies",
        "ballot_marks",
        "ballots",
        "vote_round_events",
        "vote_criteria",
        "vote_round_ideas",
        "vote_rounds",
    ):
        op.drop_table(table)
