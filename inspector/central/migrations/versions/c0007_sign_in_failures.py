"""Wrong office passwords counted in the database (``office_sign_in_failures``): every server on
one database slows the same client down, and a restart forgets nothing.

Revision ID: c0007_sign_in_failures
Revises: c0006_trust
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0007_sign_in_failures"
down_revision = "c0006_trust"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "office_sign_in_failures",
        sa.Column("client", sa.String(64), primary_key=True),
        sa.Column("user_name", sa.String(64), primary_key=True),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("last_at", sa.Float, nullable=False),
    )
    op.create_index("ix_office_sign_in_failures_last_at", "office_sign_in_failures", ["last_at"])


def downgrade() -> None:
    op.drop_table("office_sign_in_failures")
