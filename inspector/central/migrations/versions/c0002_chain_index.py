"""An index on the rows' change stamps: an incremental push is checked against the server's
copy of each laptop's log (audit entry by device and number), and each chain's first new entry
against the one before it.

Revision ID: c0002_chain_index
Revises: c0001_server
Create Date: 2026-12-04
"""

from __future__ import annotations

from alembic import op

revision = "c0002_chain_index"
down_revision = "c0001_server"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_rows_change_stamp", "rows", ["table_name", "change_device_id", "change_seq"]
    )


def downgrade() -> None:
    op.drop_index("ix_rows_change_stamp", "rows")
