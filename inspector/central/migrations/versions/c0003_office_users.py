"""The office page's sign-in: its users (Argon2id password hashes, an optional district) and
their sessions (the SHA-256 of each token, its CSRF token and expiry).

Revision ID: c0003_office_users
Revises: c0002_chain_index
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0003_office_users"
down_revision = "c0002_chain_index"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "office_users",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("district", sa.String(100)),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("disabled_at", TZ),
    )
    op.create_table(
        "office_sessions",
        sa.Column("token_sha256", sa.String(64), primary_key=True),
        sa.Column("user_name", sa.String(64), nullable=False),
        sa.Column("csrf", sa.String(64), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("expires_at", TZ, nullable=False),
    )
    op.create_index("ix_office_sessions_expires_at", "office_sessions", ["expires_at"])


def downgrade() -> None:
    op.drop_table("office_sessions")
    op.drop_table("office_users")
