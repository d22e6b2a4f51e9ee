"""The change stamps (inspector/audit.py) on a team member's row: its certificate shown and its
recusal change after the visit is made, and a bundle or a push decides between two laptops'
versions of the row by these stamps as for every other row. Columns added to an existing table
(no table rebuild, so its triggers stay as they are).

Revision ID: 0021_member_stamps
Revises: 0020_legal_minimums
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0021_member_stamps"
down_revision = "0020_legal_minimums"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("inspection_members", sa.Column("change_device_id", sa.String(36)))
    op.add_column("inspection_members", sa.Column("change_seq", sa.Integer()))


def downgrade() -> None:
    op.drop_column("inspection_members", "change_seq")
    op.drop_column("inspection_members", "change_device_id")
