"""The law's minimums of an on-site record (inspector/record/legal.py): each member's showing of
the 执法证件 (行政处罚法 art. 42, 条例 art. 29) and recusal; the notices told (回避, 配合义务,
意见) with when, by whom and the party's answer; a 暗访's disclosure time; a person's 身份证号
as the party; a finding's 不涉及金额 flag and the reason it has no evidence. Columns added only
to existing tables (no table rebuild, so their lock and tombstone triggers stay as they are).

Revision ID: 0020_legal_minimums
Revises: 0019_bureau_and_times
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020_legal_minimums"
down_revision = "0019_bureau_and_times"
branch_labels = None
depends_on = None


def _columns() -> dict[str, list[sa.Column]]:
    return {
        "inspection_members": [
            sa.Column("cert_shown_at", sa.DateTime(), nullable=True),
            sa.Column("recused", sa.Boolean(), nullable=False, server_default="0"),
            sa.Column("recusal_reason", sa.Text(), nullable=True),
        ],
        "inspections": [
            sa.Column("party_id_no", sa.String(length=18), nullable=True),
            sa.Column("disclosed_at", sa.DateTime(), nullable=True),
            sa.Column("recusal_told_at", sa.DateTime(), nullable=True),
            sa.Column("recusal_told_by", sa.String(length=36), nullable=True),
            sa.Column("duty_told_at", sa.DateTime(), nullable=True),
            sa.Column("duty_told_by", sa.String(length=36), nullable=True),
            sa.Column("duty_reply", sa.Text(), nullable=True),
            sa.Column("opinion_told_at", sa.DateTime(), nullable=True),
            sa.Column("opinion_told_by", sa.String(length=36), nullable=True),
        ],
        "answers": [
            sa.Column("no_amount", sa.Boolean(), nullable=False, server_default="0"),
            sa.Column("no_evidence_reason", sa.Text(), nullable=True),
        ],
    }


def upgrade() -> None:
    for table, columns in _columns().items():
        for column in columns:
            op.add_column(table, column)


def downgrade() -> None:
    # SQLite drops a column in place (3.35+) when nothing refers to it: no rebuild either.
    for table, columns in _columns().items():
        for column in reversed(columns):
            op.drop_column(table, column.name)
