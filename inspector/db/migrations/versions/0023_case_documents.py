"""The documents of a case (立案审批表, 调查终结报告, 法制审核意见, 事先告知书, 陈述申辩笔录,
听证告知书 and 笔录, 决定书, 送达回证, 结案报告): one row each, its PDF in the record store
with its SHA-256, who may sign it and who did. A new table with its tombstone trigger.

Revision ID: 0023_case_documents
Revises: 0022_cases
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0023_case_documents"
down_revision = "0022_cases"
branch_labels = None
depends_on = None

TABLE = "case_documents"


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("title", sa.String(length=40), nullable=False),
        sa.Column("doc_no", sa.String(length=100), nullable=True),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("path", sa.String(length=500), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.Column("signer_role", sa.String(length=16), nullable=False),
        sa.Column("signers", sa.JSON(), nullable=False),
        sa.Column("signature_box", sa.JSON(), nullable=False),
        sa.Column("signatures", sa.JSON(), nullable=False),
        sa.Column("signed_by", sa.String(length=64), nullable=True),
        sa.Column("signed_at", sa.DateTime(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_device_id", sa.String(length=36), nullable=True),
        sa.Column("change_seq", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_documents")),
    )
    op.create_index("ix_case_documents_case", TABLE, ["case_id", "kind"])
    op.execute(
        f"CREATE TRIGGER IF NOT EXISTS {TABLE}_delete_needs_tombstone BEFORE DELETE ON {TABLE} "
        f"WHEN NOT EXISTS (SELECT 1 FROM tombstones WHERE table_name = '{TABLE}' "
        "AND entity_id = OLD.id) "
        "BEGIN SELECT RAISE(ABORT, 'a synced row is deleted only with its tombstone'); END"
    )


def downgrade() -> None:
    op.execute(f"DROP TRIGGER IF EXISTS {TABLE}_delete_needs_tombstone")
    op.drop_index("ix_case_documents_case", TABLE)
    op.drop_table(TABLE)
