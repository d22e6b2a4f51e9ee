"""Hand signatures bound to what was signed: each keeps the data hash (without the hand
signatures) and its format it was given on, and when and why it became void (a change to the
data after it); a 拒签 witness's identity and relation to the party; how the party confirmed the
record, and who else was present for it. Columns added to existing tables (no table rebuild, so
their triggers stay as they are). Signatures made before have no hash: on an inspection not yet
locked they are void at the next build and must be given again.

Revision ID: 0018_signature_binding
Revises: 0017_interview_document
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018_signature_binding"
down_revision = "0017_interview_document"
branch_labels = None
depends_on = None

_SIGNATURE_COLUMNS = (
    sa.Column("data_sha256", sa.String(64), nullable=True),
    sa.Column("hash_format", sa.Integer(), nullable=True),
    sa.Column("voided_at", sa.DateTime(), nullable=True),
    sa.Column("void_reason", sa.String(200), nullable=True),
    sa.Column("id_no", sa.String(40), nullable=True),
    sa.Column("relation", sa.String(100), nullable=True),
    sa.Column("confirmation", sa.String(16), nullable=True),
)


def upgrade() -> None:
    for column in _SIGNATURE_COLUMNS:
        op.add_column("handwritten_signatures", column)
    op.add_column(
        "inspections",
        sa.Column("party_present", sa.JSON(), nullable=False, server_default="[]"),
    )


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35+), not a batch rebuild: the tables keep their triggers and
    # their other columns' constraints as the earlier migrations made them.
    op.execute("ALTER TABLE inspections DROP COLUMN party_present")
    for column in reversed(_SIGNATURE_COLUMNS):
        op.execute(f"ALTER TABLE handwritten_signatures DROP COLUMN {column.name}")
