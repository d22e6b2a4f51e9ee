"""Sync with the central server: the server this laptop is enrolled with and the
pushes the server confirmed. New tables only, with their tombstone triggers.

Revision ID: 0015_sync
Revises: 0014_record_party
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015_sync"
down_revision = "0014_record_party"
branch_labels = None
depends_on = None

NEW_SYNCED = ("sync_servers", "sync_pushes")


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
        "sync_servers",
        sa.Column("url", sa.String(length=300), nullable=False),
        sa.Column("server_device", sa.String(length=64), nullable=False),
        sa.Column("district", sa.String(length=100), nullable=False),
        sa.Column("ca_pem", sa.Text(), nullable=True),
        sa.Column("pulled", sa.JSON(), nullable=False),
        *_synced(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_servers")),
    )
    op.create_table(
        "sync_pushes",
        sa.Column("url", sa.String(length=300), nullable=False),
        sa.Column("bundle_id", sa.String(length=36), nullable=False),
        sa.Column("manifest_sha256", sa.String(length=64), nullable=False),
        sa.Column("heads", sa.JSON(), nullable=False),
        sa.Column("inspections", sa.JSON(), nullable=False),
        sa.Column("summary", sa.JSON(), nullable=False),
        sa.Column("confirmed_at", sa.DateTime(), nullable=False),
        *_synced(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_pushes")),
    )
    op.create_index("ix_sync_pushes_url", "sync_pushes", ["url"])
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
    op.drop_index("ix_sync_pushes_url", "sync_pushes")
    op.drop_table("sync_pushes")
    op.drop_table("sync_servers")
