"""Hand-over bundles: the exports made (for ``--since`` a receiver), the imports
merged, and the conflicts an import kept for the leader. New tables only, with their tombstone
triggers.

Revision ID: 0013_bundles
Revises: 0012_ledger
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_bundles"
down_revision = "0012_ledger"
branch_labels = None
depends_on = None

NEW_SYNCED = ("bundle_exports", "bundle_imports", "bundle_conflicts")


def _synced() -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_device_id", sa.String(length=36), nullable=True),
        sa.Column("change_seq", sa.Integer(), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "bundle_exports",
        sa.Column("bundle_id", sa.String(length=36), nullable=False),
        sa.Column("receiver", sa.String(length=200), nullable=True),
        sa.Column("manifest_sha256", sa.String(length=64), nullable=False),
        sa.Column("heads", sa.JSON(), nullable=False),
        sa.Column("since", sa.JSON(), nullable=True),
        sa.Column("signer", sa.JSON(), nullable=False),
        *_synced(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bundle_exports")),
    )
    op.create_index("ix_bundle_exports_receiver", "bundle_exports", ["receiver"])
    op.create_table(
        "bundle_imports",
        sa.Column("bundle_id", sa.String(length=36), nullable=False),
        sa.Column("manifest_sha256", sa.String(length=64), nullable=False),
        sa.Column("exporter_device_id", sa.String(length=36), nullable=False),
        sa.Column("signer", sa.JSON(), nullable=False),
        sa.Column("summary", sa.JSON(), nullable=False),
        *_synced(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bundle_imports")),
    )
    op.create_index("ix_bundle_imports_bundle", "bundle_imports", ["bundle_id"])
    op.create_table(
        "bundle_conflicts",
        sa.Column("inspection_id", sa.String(length=36), nullable=True),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("local_id", sa.String(length=64), nullable=True),
        sa.Column("incoming_id", sa.String(length=64), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("local_state", sa.JSON(), nullable=True),
        sa.Column("incoming_state", sa.JSON(), nullable=False),
        sa.Column("bundle_id", sa.String(length=36), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False, server_default="open"),
        sa.Column("settled_by", sa.String(length=64), nullable=True),
        sa.Column("settled_at", sa.DateTime(), nullable=True),
        *_synced(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bundle_conflicts")),
    )
    op.create_index("ix_bundle_conflicts_inspection", "bundle_conflicts", ["inspection_id"])
    for table in NEW_SYNCED:
        op.execute(
            f"CREATE TRIGGER IF NOT EXISTS {table}_delete_needs_tombstone BEFORE DELETE ON {table} "
            f"WHEN NOT EXISTS (SELECT 1 FROM tombstones WHERE table_name = '{table}' "
            "AND entity_id = OLD.id) "
            "BEGIN SELECT RAISE(ABORT, 'a synced row is deleted only with its tombstone'); END"
        )


def downgrade() -> None:
    for table in NEW_SYNCED:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_delete_needs_tombstone")
    op.drop_index("ix_bundle_conflicts_inspection", "bundle_conflicts")
    op.drop_table("bundle_conflicts")
    op.drop_index("ix_bundle_imports_bundle", "bundle_imports")
    op.drop_table("bundle_imports")
    op.drop_index("ix_bundle_exports_receiver", "bundle_exports")
    op.drop_table("bundle_exports")
