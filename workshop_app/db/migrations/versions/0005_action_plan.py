"""Action plan: projects with their yearly budgets, main activities and source ideas;
the workshop's own copies of the reference lists; the indicators of a strategic issue
(printed in the header of each project brief).

Revision ID: 0005_action_plan
Revises: 0004_minutes
Create Date: 2026-11-21
"""

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0005_action_plan"
down_revision = "0004_minutes"
branch_labels = None
depends_on = None

TABLES = ("reference_items", "project_ideas", "project_activities", "project_budgets", "projects")


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


def _text(name: str) -> Any:
    return sa.Column(name, sa.Text(), nullable=False)


def upgrade() -> None:
    with op.batch_alter_table("strategic_issues") as batch:
        batch.add_column(sa.Column("indicators", sa.Text(), nullable=False, server_default=""))
    _table(
        "projects",
        sa.Column("workshop_id", sa.String(36), nullable=False),
        sa.Column("issue_id", sa.String(36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        *(
            _text(name)
            for name in (
                "approach",
                "programme",
                "name",
                "rationale",
                "objectives",
                "indicators",
                "target_area",
                "implementing_agency",
                "duration",
                "funding_source",
                "outputs",
                "outcomes",
                "national_strategy",
                "master_plan",
                "national_plan",
                "regional_plan",
            )
        ),
        sa.Column("priority", sa.Integer(), nullable=True),
        sa.Column("budget_list", sa.String(16), nullable=False),
        sa.Column("round_id", sa.String(36), nullable=True),
        _fk("projects", "workshop_id", "workshops"),
        _fk("projects", "issue_id", "strategic_issues"),
        _fk("projects", "round_id", "vote_rounds"),
        indexed=("workshop_id", "issue_id"),
    )
    _table(
        "project_budgets",
        sa.Column("project_id", sa.String(36), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        _fk("project_budgets", "project_id", "projects"),
        indexed=("project_id",),
    )
    _table(
        "project_activities",
        sa.Column("project_id", sa.String(36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        _text("name"),
        sa.Column("budget", sa.BigInteger(), nullable=False),
        _text("responsible_unit"),
        _text("related_units"),
        _fk("project_activities", "project_id", "projects"),
        indexed=("project_id",),
    )
    _table(
        "project_ideas",
        sa.Column("project_id", sa.String(36), nullable=False),
        sa.Column("idea_id", sa.String(36), nullable=False),
        _fk("project_ideas", "project_id", "projects"),
        _fk("project_ideas", "idea_id", "ideas"),
        indexed=("project_id", "idea_id"),
    )
    _table(
        "reference_items",
        sa.Column("workshop_id", sa.String(36), nullable=False),
        sa.Column("list_name", sa.String(32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        _text("name"),
        _fk("reference_items", "workshop_id", "workshops"),
        indexed=("workshop_id",),
    )


def downgrade() -> None:
    for table in TABLES:
        op.drop_table(table)
    with op.batch_alter_table("strategic_issues") as batch:
        batch.drop_column("indicators")
