"""The record as a legal document (issue 16): the party's legal representative, address, phone
and 统一社会信用代码, the recorder (记录人), the recusal notice and any recusal override on the
inspection; the recorder of an interview. Columns added only (no table rebuild, so the lock
and tombstone triggers stay as they are).

Revision ID: 0013_record_party
Revises: 0011_claims
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_record_party"
down_revision = "0011_claims"
branch_labels = None
depends_on = None



def _inspection_columns() -> list[sa.Column]:
    return [
        sa.Column("party_legal_rep", sa.String(length=100), nullable=True),
        sa.Column("party_address", sa.String(length=300), nullable=True),
        sa.Column("party_phone", sa.String(length=40), nullable=True),
        sa.Column("party_credit_code", sa.String(length=18), nullable=True),
        sa.Column("recorder_id", sa.String(length=36), nullable=True),
        sa.Column("recusal_told", sa.Boolean(), nullable=False, server_default="0"),
        sa.Column("recusal_reply", sa.Text(), nullable=True),
        sa.Column("recusal_overrides", sa.JSON(), nullable=False, server_default="[]"),
    ]


def upgrade() -> None:
    for column in _inspection_columns():
        op.add_column("inspections", column)
    op.add_column("interviews", sa.Column("recorder_id", sa.String(length=36), nullable=True))


def downgrade() -> None:
    # SQLite drops a column in place (3.35+) when nothing refers to it: no rebuild either.
    op.drop_column("interviews", "recorder_id")
    for column in reversed(_inspection_columns()):
        op.drop_column("inspections", column.name)
