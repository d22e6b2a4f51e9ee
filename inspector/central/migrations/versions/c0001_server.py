"""The central server's first schema: enrollment, devices, nonces, blobs, pushes, the rows the
laptops pushed, the office's inspection list, its audit log and the published reference data.

Revision ID: c0001_server
Revises:
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "c0001_server"
down_revision = None
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "enrollment_codes",
        sa.Column("code_sha256", sa.String(64), primary_key=True),
        sa.Column("district", sa.String(100), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("expires_at", TZ, nullable=False),
        sa.Column("used_at", TZ),
        sa.Column("used_by", sa.String(64)),
    )
    op.create_table(
        "devices",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("laptop_device_id", sa.String(64), nullable=False),
        sa.Column("district", sa.String(100), nullable=False),
        sa.Column("certificate_pem", sa.Text, nullable=False),
        sa.Column("enrolled_at", TZ, nullable=False),
        sa.Column("revoked_at", TZ),
    )
    op.create_table(
        "device_signers",
        sa.Column("device_id", sa.String(64), primary_key=True),
        sa.Column("fingerprint_sha256", sa.String(64), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("certificate_pem", sa.Text, nullable=False),
    )
    op.create_table(
        "nonces",
        sa.Column("device_id", sa.String(64), primary_key=True),
        sa.Column("nonce", sa.String(64), primary_key=True),
        sa.Column("seen_at", TZ, nullable=False),
    )
    op.create_index("ix_nonces_seen_at", "nonces", ["seen_at"])
    op.create_table(
        "blobs",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("suffix", sa.String(16), primary_key=True),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("stored_at", TZ, nullable=False),
    )
    op.create_table(
        "pushes",
        sa.Column("bundle_id", sa.String(36), primary_key=True),
        sa.Column("device_id", sa.String(64), nullable=False),
        sa.Column("manifest", sa.Text, nullable=False),
        sa.Column("signature", sa.Text, nullable=False),
        sa.Column("manifest_sha256", sa.String(64), nullable=False),
        sa.Column("started_at", TZ, nullable=False),
        sa.Column("committed_at", TZ),
        sa.Column("summary", JSONB),
    )
    op.create_table(
        "rows",
        sa.Column("table_name", sa.String(64), primary_key=True),
        sa.Column("row_key", sa.Text, primary_key=True),
        sa.Column("inspection_id", sa.String(36)),
        sa.Column("data", JSONB, nullable=False),
        sa.Column("change_device_id", sa.String(64)),
        sa.Column("change_seq", sa.Integer),
        sa.Column("bundle_id", sa.String(36), nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
    )
    op.create_index("ix_rows_inspection_id", "rows", ["inspection_id"])
    op.create_table(
        "inspections",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("institution", sa.Text, nullable=False),
        sa.Column("district", sa.String(100)),
        sa.Column("team_district", sa.String(100)),
        sa.Column("type", sa.String(32)),
        sa.Column("mode", sa.String(32)),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("record_no", sa.String(64)),
        sa.Column("started_at", TZ),
        sa.Column("amends_id", sa.String(36)),
        sa.Column("device_id", sa.String(64), nullable=False),
        sa.Column("pushed_at", TZ, nullable=False),
    )
    for column in ("district", "type", "mode", "status", "started_at"):
        op.create_index(f"ix_inspections_{column}", "inspections", [column])
    op.create_table(
        "server_events",
        sa.Column("id", sa.BigInteger, primary_key=True, autoincrement=True),
        sa.Column("at", TZ, nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("device_id", sa.String(64)),
        sa.Column("inspection_id", sa.String(36)),
        sa.Column("details", JSONB, nullable=False),
    )
    op.create_index("ix_server_events_at", "server_events", ["at"])
    op.create_index("ix_server_events_inspection_id", "server_events", ["inspection_id"])
    op.create_table(
        "publications",
        sa.Column("kind", sa.String(32), primary_key=True),
        sa.Column("version", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("body", sa.LargeBinary, nullable=False),
        sa.Column("signature", sa.LargeBinary, nullable=False),
        sa.Column("signer", sa.Text, nullable=False),
        sa.Column("published_at", TZ, nullable=False),
    )


def downgrade() -> None:
    for table in (
        "publications",
        "server_events",
        "inspections",
        "rows",
        "pushes",
        "blobs",
        "nonces",
        "device_signers",
        "devices",
        "enrollment_codes",
    ):
        op.drop_table(table)
