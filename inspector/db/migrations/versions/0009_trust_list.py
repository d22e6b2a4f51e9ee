"""The trust list: the bureau's CA certificates a record's signers must chain to.
A synced table (later pulled from the central service), deleted only with a tombstone.

Revision ID: 0009_trust_list
Revises: 0008_unit_of_work
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_trust_list"
down_revision = "0008_unit_of_work"
branch_labels = None
depends_on = None

TOMBSTONE_TRIGGER = (
    "trusted_certificates_delete_needs_tombstone",
    "BEFORE DELETE ON trusted_certificates WHEN NOT EXISTS (SELECT 1 FROM tombstones "
    "WHERE table_name = 'trusted_certificates' AND entity_id = OLD.id) "
    "BEGIN SELECT RAISE(ABORT, 'a synced row is deleted only with its tombstone'); END",
)


def upgrade() -> None:
    op.create_table(
        "trusted_certificates",
        sa.Column("fingerprint_sha256", sa.String(length=64), nullable=False),
        sa.Column("subject", sa.String(length=500), nullable=False),
        sa.Column("not_before", sa.DateTime(), nullable=False),
        sa.Column("not_after", sa.DateTime(), nullable=False),
        sa.Column("pem", sa.Text(), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_device_id", sa.String(length=36), nullable=True),
        sa.Column("change_seq", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trusted_certificates")),
        sa.UniqueConstraint(
            "fingerprint_sha256", name=op.f("uq_trusted_certificates_fingerprint_sha256")
        ),
    )
    name, body = TOMBSTONE_TRIGGER
    op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    op.execute(f"DROP TRIGGER IF EXISTS {TOMBSTONE_TRIGGER[0]}")
    op.drop_table("trusted_certificates")
