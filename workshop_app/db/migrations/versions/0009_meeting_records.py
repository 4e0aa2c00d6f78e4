"""Records of each kind of meeting: the body's roles and the members' order, the chair
of the meeting, stand-ins linked to the member they replace, the days of a meeting with
check-in per day, nested agenda items with their own record, motions voted by members
with a quorum, public-hearing comments with commenter, answer and plan change, the goals
under discussion, breakout groups.

Revision ID: 0009_meeting_records
Revises: 0008_sync_epoch
Create Date: 2026-12-06
"""

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0009_meeting_records"
down_revision = "0008_sync_epoch"
branch_labels = None
depends_on = None

WORKSHOP_TEXTS = (
    "body_name",
    "chair_position",
    "chair_on_behalf_of",
    "chair_away_reason",
    "goal_20_year",
    "goal_5_year",
    "long_term_targets",
)
IDEA_TEXTS = ("commenter_name", "commenter_organisation", "answer", "plan_change")


def _sync_columns(table: str) -> list[Any]:
    """The columns every synced table carries (models.base.SyncedRow), frozen here."""
    return [
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("created_hlc", sa.String(64), nullable=False),
        sa.Column("updated_hlc", sa.String(64), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("versions", sa.Text(), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
    ]


def _fk(table: str, column: str, target: str) -> Any:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"], name=f"fk_{table}_{column}_{target}")


def _table(name: str, *columns: Any, indexed: tuple[str, ...] = ()) -> None:
    op.create_table(
        name,
        sa.Column("workshop_id", sa.String(36), nullable=False),
        *columns,
        _fk(name, "workshop_id", "workshops"),
        *_sync_columns(name),
    )
    op.create_index(f"ix_{name}_updated_hlc", name, ["updated_hlc"])
    for column in ("workshop_id", *indexed):
        op.create_index(f"ix_{name}_{column}", name, [column])


def _add_reference(table: str, column: str, target: str, *, indexed: bool = False) -> None:
    """A nullable reference column added to a table that holds rows. On SQLite, adding
    the foreign key in batch mode would copy and drop the table, which its children's
    foreign keys refuse while they hold rows: the column and its key are added in one
    ALTER TABLE, which SQLite allows for a column that defaults to NULL."""
    name = f"fk_{table}_{column}_{target}"
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            f"ALTER TABLE {table} ADD COLUMN {column} VARCHAR(36) "
            f"CONSTRAINT {name} REFERENCES {target} (id)"
        )
    else:
        op.add_column(table, sa.Column(column, sa.String(36), nullable=True))
        op.create_foreign_key(name, table, target, [column], ["id"])
    if indexed:
        op.create_index(f"ix_{table}_{column}", table, [column])


def upgrade() -> None:
    _table(
        "body_roles",
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
    )
    _table(
        "meeting_days",
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=True),
        sa.Column("end_time", sa.Time(), nullable=True),
    )
    with op.batch_alter_table("workshops") as batch:
        for name in WORKSHOP_TEXTS:
            batch.add_column(sa.Column(name, sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("chair_attendee_id", sa.String(36), nullable=True))
        batch.add_column(sa.Column("quorum", sa.Integer(), nullable=True))
        batch.add_column(
            sa.Column("participant_listing", sa.String(16), nullable=False, server_default="auto")
        )
        batch.add_column(
            sa.Column("appendix_threshold", sa.Integer(), nullable=False, server_default="60")
        )
    _add_reference("attendees", "body_role_id", "body_roles")
    _add_reference("attendees", "stand_in_for_id", "attendees", indexed=True)
    with op.batch_alter_table("attendees") as batch:
        batch.add_column(sa.Column("member_order", sa.Integer(), nullable=True))
    _add_reference("agenda_items", "parent_id", "agenda_items", indexed=True)
    _add_reference("agenda_items", "day_id", "meeting_days")
    with op.batch_alter_table("agenda_items") as batch:
        batch.add_column(sa.Column("record", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("ideas") as batch:
        for name in IDEA_TEXTS:
            batch.add_column(sa.Column(name, sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("anonymous", sa.Boolean(), nullable=False, server_default="0"))
    _table(
        "check_ins",
        sa.Column("attendee_id", sa.String(36), nullable=False),
        sa.Column("day_id", sa.String(36), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        _fk("check_ins", "attendee_id", "attendees"),
        _fk("check_ins", "day_id", "meeting_days"),
        indexed=("attendee_id", "day_id"),
    )
    _table(
        "motions",
        sa.Column("agenda_item_id", sa.String(36), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("for_count", sa.Integer(), nullable=True),
        sa.Column("against_count", sa.Integer(), nullable=True),
        sa.Column("abstain_count", sa.Integer(), nullable=True),
        _fk("motions", "agenda_item_id", "agenda_items"),
        indexed=("agenda_item_id",),
    )
    _table(
        "motion_votes",
        sa.Column("motion_id", sa.String(36), nullable=False),
        sa.Column("member_id", sa.String(36), nullable=False),
        sa.Column("choice", sa.String(16), nullable=False),
        _fk("motion_votes", "motion_id", "motions"),
        _fk("motion_votes", "member_id", "attendees"),
        indexed=("motion_id",),
    )
    _table(
        "breakout_groups",
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("issue_id", sa.String(36), nullable=True),
        sa.Column("facilitator", sa.Text(), nullable=False),
        sa.Column("presenter", sa.Text(), nullable=False),
        sa.Column("report", sa.Text(), nullable=False),
        _fk("breakout_groups", "issue_id", "strategic_issues"),
    )


def downgrade() -> None:
    for table in ("breakout_groups", "motion_votes", "motions", "check_ins"):
        op.drop_table(table)
    with op.batch_alter_table("ideas") as batch:
        for name in (*IDEA_TEXTS, "anonymous"):
            batch.drop_column(name)
    with op.batch_alter_table("agenda_items") as batch:
        batch.drop_index("ix_agenda_items_parent_id")
        for name in ("parent_id", "day_id", "record"):
            batch.drop_column(name)
    with op.batch_alter_table("attendees") as batch:
        batch.drop_index("ix_attendees_stand_in_for_id")
        for name in ("body_role_id", "member_order", "stand_in_for_id"):
            batch.drop_column(name)
    with op.batch_alter_table("workshops") as batch:
        for name in (
            *WORKSHOP_TEXTS,
            "chair_attendee_id",
            "quorum",
            "participant_listing",
            "appendix_threshold",
        ):
            batch.drop_column(name)
    op.drop_table("meeting_days")
    op.drop_table("body_roles")
