"""Planning the visit: the 双随机 draw (draws, the roster and conflicts of interest,
risk level and credit of institutions), and the link from a drawn inspection to its draw.

Columns are added with ALTER TABLE ADD COLUMN (no table is rebuilt, so the lock, custody and
tombstone triggers stay as they are); the new synced tables get their tombstone trigger.

Revision ID: 0010_planning
Revises: 0009_trust_list
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_planning"
down_revision = "0009_trust_list"
branch_labels = None
depends_on = None

NEW_SYNCED = ("draws", "inspector_conflicts")


def _synced() -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_device_id", sa.String(length=36), nullable=True),
        sa.Column("change_seq", sa.Integer(), nullable=True),
    ]


def tombstone_trigger(table: str) -> tuple[str, str]:
    return (
        f"{table}_delete_needs_tombstone",
        f"BEFORE DELETE ON {table} WHEN NOT EXISTS (SELECT 1 FROM tombstones "
        f"WHERE table_name = '{table}' AND entity_id = OLD.id) "
        "BEGIN SELECT RAISE(ABORT, 'a synced row is deleted only with its tombstone'); END",
    )


def upgrade() -> None:
    op.add_column("institutions", sa.Column("risk_level", sa.String(length=16), nullable=True))
    op.add_column("institutions", sa.Column("credit_rating", sa.String(length=16), nullable=True))
    op.add_column(
        "inspectors", sa.Column("on_roster", sa.Boolean(), nullable=False, server_default="0")
    )
    op.add_column(
        "inspectors", sa.Column("can_lead", sa.Boolean(), nullable=False, server_default="0")
    )
    op.create_table(
        "draws",
        sa.Column("method", sa.String(length=32), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("inputs", sa.Text(), nullable=False),
        sa.Column("inputs_sha256", sa.String(length=64), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        *_synced(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_draws")),
    )
    op.create_table(
        "inspector_conflicts",
        sa.Column("inspector_id", sa.String(length=36), nullable=False),
        sa.Column("institution_id", sa.String(length=36), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False, server_default=""),
        *_synced(),
        sa.ForeignKeyConstraint(
            ["inspector_id"], ["inspectors.id"],
            name=op.f("fk_inspector_conflicts_inspector_id_inspectors"),
        ),
        sa.ForeignKeyConstraint(
            ["institution_id"], ["institutions.id"],
            name=op.f("fk_inspector_conflicts_institution_id_institutions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspector_conflicts")),
        sa.UniqueConstraint(
            "inspector_id", "institution_id", name=op.f("uq_inspector_conflicts_inspector_id")
        ),
    )  # fmt: skip
    # SQLite's ADD COLUMN takes a REFERENCES clause without rebuilding the table.
    op.execute("ALTER TABLE inspections ADD COLUMN draw_id VARCHAR(36) REFERENCES draws (id)")
    for table in NEW_SYNCED:
        name, body = tombstone_trigger(table)
        op.execute(f"CREATE TRIGGER IF NOT EXISTS {name} {body}")


def downgrade() -> None:
    for table in NEW_SYNCED:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_delete_needs_tombstone")
    op.execute("ALTER TABLE inspections DROP COLUMN draw_id")
    op.drop_table("inspector_conflicts")
    op.drop_table("draws")
    for table, column in (
        ("inspectors", "can_lead"),
        ("inspectors", "on_roster"),
        ("institutions", "credit_rating"),
        ("institutions", "risk_level"),
    ):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
