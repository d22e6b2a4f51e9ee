"""What the office assigns (inspector/central/assignments.py): the 双随机 draws made at the
office (``office_draws``) and the visits and leads assigned to teams (``assignments``).

Revision ID: c0010_assignments
Revises: c0009_campaigns
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "c0010_assignments"
down_revision = "c0009_campaigns"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "office_draws",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("inputs", sa.Text, nullable=False),
        sa.Column("inputs_sha256", sa.String(64), nullable=False),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("result", JSONB, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
    )
    op.create_table(
        "assignments",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("district", sa.String(100), nullable=False),
        sa.Column("inspectors", JSONB, nullable=False),
        sa.Column("target", JSONB, nullable=False),
        sa.Column("inspection_id", sa.String(36)),
        sa.Column("lead_id", sa.String(36)),
        sa.Column("draw_id", sa.String(36)),
        sa.Column("mode", sa.String(32)),
        sa.Column("assigned_on", sa.Date, nullable=False),
        sa.Column("deadline", sa.Date),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("pulled_at", sa.DateTime(timezone=True)),
        sa.Column("pulled_by", sa.String(64)),
        sa.Column("withdrawn_at", sa.DateTime(timezone=True)),
    )
    op.create_index("ix_assignments_district", "assignments", ["district"])
    op.create_index("ix_assignments_inspection_id", "assignments", ["inspection_id"])
    op.create_index("ix_assignments_lead_id", "assignments", ["lead_id"])


def downgrade() -> None:
    op.drop_table("assignments")
    op.drop_table("office_draws")
