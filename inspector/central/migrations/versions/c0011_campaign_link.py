"""A draw made within a campaign (专项行动) and the visits it assigned carry the campaign's id
(inspector/central/assignments.py): the campaign's page counts its assignments and a laptop
tags the visit it plans with the campaign.

Revision ID: c0011_campaign_link
Revises: c0010_assignments
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0011_campaign_link"
down_revision = "c0010_assignments"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("office_draws", sa.Column("campaign_id", sa.String(36), nullable=True))
    op.add_column("assignments", sa.Column("campaign_id", sa.String(36), nullable=True))
    op.create_index("ix_assignments_campaign_id", "assignments", ["campaign_id"])


def downgrade() -> None:
    op.drop_index("ix_assignments_campaign_id", table_name="assignments")
    op.drop_column("assignments", "campaign_id")
    op.drop_column("office_draws", "campaign_id")
