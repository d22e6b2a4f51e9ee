"""The 追溯码 sweep on site (inspector/trace/): the scans, append-only and hash-chained per
inspection and device, and the institution's purchase records with their codes. New tables
only (no table rebuilt, so every other table's triggers stay as they are).

Revision ID: 0027_trace_scans
Revises: 0026_leads
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0027_trace_scans"
down_revision = "0026_leads"
branch_labels = None
depends_on = None

SCAN_TRIGGERS = {
    "trace_scans_no_update": (
        "BEFORE UPDATE ON trace_scans "
        "BEGIN SELECT RAISE(ABORT, '追溯码扫码记录只能追加，不能修改'); END"
    ),
    "trace_scans_no_delete": (
        "BEFORE DELETE ON trace_scans "
        "BEGIN SELECT RAISE(ABORT, '追溯码扫码记录只能追加，不能删除'); END"
    ),
    # A purchase row goes only with its tombstone, as every synced row (inspector/audit.py).
    "trace_purchases_delete_needs_tombstone": (
        "BEFORE DELETE ON trace_purchases "
        "WHEN NOT EXISTS (SELECT 1 FROM tombstones WHERE table_name = 'trace_purchases' "
        "AND entity_id = OLD.id) "
        "BEGIN SELECT RAISE(ABORT, 'a synced row is deleted only with its tombstone'); END"
    ),
}


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
        "trace_scans",
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("scanned_at", sa.DateTime(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("result", sa.String(length=16), nullable=False),
        sa.Column("repeat_of", sa.Integer(), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        *_synced(),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspections.id"],
            name=op.f("fk_trace_scans_inspection_id_inspections"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trace_scans")),
        sa.UniqueConstraint(
            "inspection_id", "device_id", "seq", name=op.f("uq_trace_scans_inspection_id")
        ),
    )
    op.create_index("ix_trace_scans_inspection_code", "trace_scans", ["inspection_id", "code"])
    op.create_table(
        "trace_purchases",
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("drug_name", sa.String(length=200), nullable=False, server_default=""),
        sa.Column("purchased_on", sa.Date(), nullable=True),
        sa.Column("buyer", sa.String(length=200), nullable=False, server_default=""),
        sa.Column("own", sa.Boolean(), nullable=False, server_default="1"),
        sa.Column("source_name", sa.String(length=500), nullable=False),
        sa.Column("source_sha256", sa.String(length=64), nullable=False),
        sa.Column("row_no", sa.Integer(), nullable=False),
        *_synced(),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspections.id"],
            name=op.f("fk_trace_purchases_inspection_id_inspections"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trace_purchases")),
    )
    op.create_index(
        "ix_trace_purchases_inspection_code", "trace_purchases", ["inspection_id", "code"]
    )
    for name, body in SCAN_TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    for name in SCAN_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_index("ix_trace_purchases_inspection_code", table_name="trace_purchases")
    op.drop_table("trace_purchases")
    op.drop_index("ix_trace_scans_inspection_code", table_name="trace_scans")
    op.drop_table("trace_scans")
