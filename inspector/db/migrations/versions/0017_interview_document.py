"""The interview record (询问笔录) as a document: the 询问人 chosen for it, the interviewee's
relation to the party, the 执法证件 shown (who, when), the rights told, the interviewee's own
closing confirmation (typed, or written on the pad), and, on each handwritten signature, the
hash of the interview's content it was given on (a later change voids it). Columns added only
to existing tables (no table rebuild, so their lock and tombstone triggers stay as they are).

Revision ID: 0017_interview_document
Revises: 0016_record_hash_format
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017_interview_document"
down_revision = "0016_record_hash_format"
branch_labels = None
depends_on = None

COLUMNS = [
    sa.Column("interviewer_ids", sa.JSON(), nullable=False, server_default="[]"),
    sa.Column("interviewee_relation", sa.String(length=100), nullable=True),
    sa.Column("credentials_shown", sa.JSON(), nullable=False, server_default="[]"),
    sa.Column("rights_told", sa.JSON(), nullable=False, server_default="[]"),
    sa.Column("confirmation_text", sa.Text(), nullable=True),
    sa.Column("confirmation_strokes", sa.JSON(), nullable=True),
    sa.Column("confirmation_png", sa.LargeBinary(), nullable=True),
    sa.Column("confirmed_at", sa.DateTime(), nullable=True),
]


def upgrade() -> None:
    for column in COLUMNS:
        op.add_column("interviews", column)
    op.add_column(
        "handwritten_signatures", sa.Column("content_sha256", sa.String(length=64), nullable=True)
    )


def downgrade() -> None:
    with op.batch_alter_table("handwritten_signatures") as batch:
        batch.drop_column("content_sha256")
    with op.batch_alter_table("interviews") as batch:
        for column in reversed(COLUMNS):
            batch.drop_column(column.name)
