"""The server's own settings, one value per name: the id of the file store this database
belongs to (every server on the database must use that store; service.Central checks the
marker file in the store against it at start).

Revision ID: c0004_server_settings
Revises: c0003_office_users
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0004_server_settings"
down_revision = "c0003_office_users"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "server_settings",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("server_settings")
