"""The office's campaigns (专项行动) as this laptop installed them from ``sync pull``
(inspector/campaigns/local.py), and the campaign a new inspection is tagged with
(``inspections.campaign_id``: travels with the inspection in bundles and pushes, so the
office's coverage and reports can filter by it). A new table and one added column (no table
rebuilt, so every other table's triggers stay as they are).

Revision ID: 0029_campaigns
Revises: 0027_trace_scans
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0029_campaigns"
down_revision = "0027_trace_scans"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "campaigns",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("doc_no", sa.String(length=100), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_device_id", sa.String(length=36), nullable=True),
        sa.Column("change_seq", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaigns")),
    )
    # No foreign key: an inspection tagged on one laptop reaches laptops and the server that
    # may not have installed the campaign yet.
    op.add_column("inspections", sa.Column("campaign_id", sa.String(length=36), nullable=True))


def downgrade() -> None:
    op.drop_column("inspections", "campaign_id")
    op.drop_table("campaigns")
