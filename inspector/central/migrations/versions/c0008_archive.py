"""Records that last: the PAdES B-LTA version of each pushed signed PDF (``archived_pdfs``: records,
整改通知书, case and enforcement documents), or its pending state (未归档) until the bureau's TSA
answers.

Revision ID: c0008_archive
Revises: c0007_sign_in_failures
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0008_archive"
down_revision = "c0007_sign_in_failures"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "archived_pdfs",
        sa.Column("source_sha256", sa.String(64), primary_key=True),
        # NULL: a document of a case opened from a lead (no inspection)
        sa.Column("inspection_id", sa.String(36)),
        sa.Column("table_name", sa.String(40), nullable=False),
        sa.Column("document_id", sa.String(36), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("archived_sha256", sa.String(64)),
        sa.Column("timestamps", sa.Integer, nullable=False),
        sa.Column("last_timestamp_at", sa.DateTime(timezone=True)),
        sa.Column("holds_until", sa.DateTime(timezone=True)),
        sa.Column("reason", sa.Text),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_archived_pdfs_inspection_id", "archived_pdfs", ["inspection_id"])
    op.create_index("ix_archived_pdfs_document_id", "archived_pdfs", ["document_id"])
    op.create_index("ix_archived_pdfs_state", "archived_pdfs", ["state"])
    op.create_index("ix_archived_pdfs_holds_until", "archived_pdfs", ["holds_until"])


def downgrade() -> None:
    op.drop_table("archived_pdfs")
