"""What the office assigned and this laptop pulled (``office_assignments``, sync assignments):
a local table (its inspections and leads travel, not it). A new table only.

Revision ID: 0030_assignments
Revises: 0029_campaigns
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0030_assignments"
down_revision = "0029_campaigns"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "office_assignments",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("inspection_id", sa.String(length=36), nullable=True),
        sa.Column("lead_id", sa.String(length=36), nullable=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("team", sa.Text(), nullable=False),
        sa.Column("assigned_by", sa.String(length=64), nullable=False),
        sa.Column("assigned_on", sa.Date(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("withdrawn", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_device_id", sa.String(length=36), nullable=True),
        sa.Column("change_seq", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_office_assignments")),
    )
    # A synced row goes only with its tombstone, as every synced row (inspector/audit.py).
    op.execute(
        "CREATE TRIGGER IF NOT EXISTS office_assignments_delete_needs_tombstone "
        "BEFORE DELETE ON office_assignments "
        "WHEN NOT EXISTS (SELECT 1 FROM tombstones WHERE table_name = 'office_assignments' "
        "AND entity_id = OLD.id) "
        "BEGIN SELECT RAISE(ABORT, 'a synced row is deleted only with its tombstone'); END"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS office_assignments_delete_needs_tombstone")
    op.drop_table("office_assignments")
