"""Compulsory measures (封存, 先行登记保存), referrals to other departments (移送) and the
cases they send here, and the documents of both (inspector/enforcement/). New tables with
their tombstone triggers; nothing existing is changed.

Revision ID: 0024_compulsory_referral
Revises: 0023_case_documents
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0024_compulsory_referral"
down_revision = "0023_case_documents"
branch_labels = None
depends_on = None

NEW_SYNCED = (
    "compulsory_measures",
    "referrals",
    "received_referrals",
    "enforcement_documents",
)


def _synced() -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_device_id", sa.String(length=36), nullable=True),
        sa.Column("change_seq", sa.Integer(), nullable=True),
    ]


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}")
    )


def upgrade() -> None:
    op.create_table(
        "compulsory_measures",
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("decision_no", sa.String(length=100), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("place", sa.Text(), nullable=False, server_default=""),
        sa.Column("approved_by", sa.String(length=100), nullable=False),
        sa.Column("officers", sa.JSON(), nullable=False),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.Column("provisional", sa.Boolean(), nullable=False, server_default="0"),
        sa.Column("list_signed_on", sa.Date(), nullable=True),
        sa.Column("party_signer", sa.String(length=100), nullable=True),
        sa.Column("party_refused", sa.Boolean(), nullable=False, server_default="0"),
        sa.Column("witness", sa.String(length=100), nullable=True),
        sa.Column("extended_on", sa.Date(), nullable=True),
        sa.Column("extension_reason", sa.Text(), nullable=True),
        sa.Column("extension_approved_by", sa.String(length=100), nullable=True),
        sa.Column("extension_no", sa.String(length=100), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=True),
        sa.Column("end_reason", sa.Text(), nullable=True),
        sa.Column("end_no", sa.String(length=100), nullable=True),
        sa.Column("follows_id", sa.String(length=36), nullable=True),
        *_synced(),
        _fk("compulsory_measures", "inspection_id", "inspections"),
        _fk("compulsory_measures", "follows_id", "compulsory_measures"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_compulsory_measures")),
    )
    op.create_index(
        "ix_compulsory_measures_inspection", "compulsory_measures", ["inspection_id"]
    )
    op.create_index("ix_compulsory_measures_case", "compulsory_measures", ["case_id"])
    op.create_table(
        "referrals",
        sa.Column("inspection_id", sa.String(length=36), nullable=True),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("department", sa.String(length=16), nullable=False),
        sa.Column("receiver", sa.String(length=200), nullable=False),
        sa.Column("referral_no", sa.String(length=100), nullable=False),
        sa.Column("referred_on", sa.Date(), nullable=False),
        sa.Column("facts", sa.Text(), nullable=False),
        sa.Column("basis", sa.Text(), nullable=False, server_default=""),
        sa.Column("file_list", sa.JSON(), nullable=False),
        sa.Column("bundle_id", sa.String(length=36), nullable=True),
        sa.Column("bundle_sha256", sa.String(length=64), nullable=True),
        sa.Column("entries", sa.JSON(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=True),
        sa.Column("received_by", sa.String(length=100), nullable=True),
        sa.Column("feedback_on", sa.Date(), nullable=True),
        sa.Column("feedback", sa.Text(), nullable=True),
        sa.Column("returned_on", sa.Date(), nullable=True),
        sa.Column("return_reason", sa.Text(), nullable=True),
        *_synced(),
        _fk("referrals", "inspection_id", "inspections"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referrals")),
    )
    op.create_index("ix_referrals_inspection", "referrals", ["inspection_id"])
    op.create_index("ix_referrals_case", "referrals", ["case_id"])
    op.create_table(
        "received_referrals",
        sa.Column("department", sa.String(length=16), nullable=False),
        sa.Column("sender", sa.String(length=200), nullable=False),
        sa.Column("document_no", sa.String(length=100), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("institution_id", sa.String(length=36), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("lead_id", sa.String(length=36), nullable=True),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        *_synced(),
        _fk("received_referrals", "institution_id", "institutions"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_received_referrals")),
    )
    op.create_table(
        "enforcement_documents",
        sa.Column("inspection_id", sa.String(length=36), nullable=True),
        sa.Column("measure_id", sa.String(length=36), nullable=True),
        sa.Column("referral_id", sa.String(length=36), nullable=True),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("document_no", sa.String(length=100), nullable=False),
        sa.Column("path", sa.String(length=500), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("signers", sa.JSON(), nullable=False),
        sa.Column("signature_box", sa.JSON(), nullable=False),
        sa.Column("signed_by", sa.String(length=64), nullable=True),
        *_synced(),
        _fk("enforcement_documents", "inspection_id", "inspections"),
        _fk("enforcement_documents", "measure_id", "compulsory_measures"),
        _fk("enforcement_documents", "referral_id", "referrals"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enforcement_documents")),
    )
    op.create_index(
        "ix_enforcement_documents_measure", "enforcement_documents", ["measure_id"]
    )
    op.create_index(
        "ix_enforcement_documents_referral", "enforcement_documents", ["referral_id"]
    )
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
    op.drop_table("enforcement_documents")
    op.drop_table("received_referrals")
    op.drop_table("referrals")
    op.drop_table("compulsory_measures")
