"""The format of a record's data hash, kept with the record: the rule by which its
``data_sha256`` was made (inspector.record.facts.HASH_FORMAT), so that a later rule never makes
an earlier record look changed. Records made before have none, which means format 1. A column
added to an existing table (no table rebuild, so its triggers stay as they are).

Revision ID: 0016_record_hash_format
Revises: 0015_sync
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016_record_hash_format"
down_revision = "0015_sync"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("records", sa.Column("hash_format", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("records") as batch:
        batch.drop_column("hash_format")
