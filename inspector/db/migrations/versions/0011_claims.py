"""Claims sampling for on-site review: samples of settled bills attached to an
inspection, each bill with the team's verdict. New tables only, with their tombstone triggers.

Revision ID: 0011_claims
Revises: 0010_planning
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_claims"
down_revision = "0010_planning"
branch_labels = None
depends_on = None

NEW_SYNCED = ("claim_samples", "claim_bills")


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
        "claim_samples",
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("source_name", sa.String(length=500), nullable=False),
        sa.Column("source_sha256", sa.String(length=64), nullable=False),
        sa.Column("source_rows", sa.Integer(), nullable=False),
        sa.Column("rules", sa.JSON(), nullable=False),
        *_synced(),
        sa.ForeignKeyConstraint(
            ["inspection_id"], ["inspections.id"],
            name=op.f("fk_claim_samples_inspection_id_inspections"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_samples")),
    )  # fmt: skip
    op.create_index("ix_claim_samples_inspection", "claim_samples", ["inspection_id"])
    op.create_table(
        "claim_bills",
        sa.Column("sample_id", sa.String(length=36), nullable=False),
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("rule", sa.String(length=16), nullable=False),
        sa.Column("source_row", sa.Integer(), nullable=False),
        sa.Column("bill_no", sa.String(length=100), nullable=False),
        sa.Column("patient_name", sa.String(length=100), nullable=False),
        sa.Column("patient_id", sa.String(length=64), nullable=False),
        sa.Column("institution", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("bill_date", sa.Date(), nullable=False),
        sa.Column("admitted", sa.Date(), nullable=True),
        sa.Column("discharged", sa.Date(), nullable=True),
        sa.Column("total_fen", sa.BigInteger(), nullable=False),
        sa.Column("fund_fen", sa.BigInteger(), nullable=True),
        sa.Column("items", sa.Text(), nullable=False, server_default=""),
        sa.Column("spender_rank", sa.Integer(), nullable=True),
        sa.Column("verdict", sa.String(length=16), nullable=False, server_default="pending"),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.Column("evidence_ids", sa.JSON(), nullable=False),
        *_synced(),
        sa.ForeignKeyConstraint(
            ["sample_id"], ["claim_samples.id"],
            name=op.f("fk_claim_bills_sample_id_claim_samples"),
        ),
        sa.ForeignKeyConstraint(
            ["inspection_id"], ["inspections.id"],
            name=op.f("fk_claim_bills_inspection_id_inspections"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_bills")),
        sa.UniqueConstraint("sample_id", "bill_no", name=op.f("uq_claim_bills_sample_id")),
    )  # fmt: skip
    op.create_index("ix_claim_bills_inspection", "claim_bills", ["inspection_id"])
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
    op.drop_index("ix_claim_bills_inspection", "claim_bills")
    op.drop_table("claim_bills")
    op.drop_index("ix_claim_samples_inspection", "claim_samples")
    op.drop_table("claim_samples")
