"""The case procedure (inspector/cases/): a case opened from findings or from a lead, its
steps, its measures and the payments on them. New tables with their tombstone triggers; no
existing table changes.

Revision ID: 0022_cases
Revises: 0021_member_stamps
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0022_cases"
down_revision = "0021_member_stamps"
branch_labels = None
depends_on = None

NEW_SYNCED = ("cases", "case_steps", "case_measures", "case_payments")


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
        "cases",
        sa.Column("institution_id", sa.String(length=36), nullable=True),
        sa.Column("party_name", sa.String(length=200), nullable=False),
        sa.Column("party_kind", sa.String(length=16), nullable=False),
        sa.Column("inspection_id", sa.String(length=36), nullable=True),
        sa.Column("lead_id", sa.String(length=36), nullable=True),
        sa.Column("visit_on", sa.Date(), nullable=False),
        sa.Column("entry_ids", sa.JSON(), nullable=False),
        sa.Column("summary", sa.Text(), server_default="", nullable=False),
        sa.Column("bureau", sa.JSON(), nullable=True),
        sa.Column("stage", sa.String(length=16), server_default="open", nullable=False),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("officers", sa.JSON(), nullable=False),
        sa.Column("filed_on", sa.Date(), nullable=True),
        sa.Column("extensions", sa.JSON(), nullable=False),
        sa.Column("notified_on", sa.Date(), nullable=True),
        sa.Column("statement_days", sa.Integer(), nullable=True),
        sa.Column("hearing_days", sa.Integer(), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("served_on", sa.Date(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("end_reason", sa.Text(), nullable=True),
        *_synced(),
        _fk("cases", "institution_id", "institutions"),
        _fk("cases", "inspection_id", "inspections"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cases")),
    )
    op.create_index("ix_cases_stage", "cases", ["stage"])
    op.create_index("ix_cases_institution", "cases", ["institution_id"])
    op.create_table(
        "case_steps",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("people", sa.JSON(), nullable=False),
        sa.Column("document_no", sa.String(length=100), nullable=True),
        sa.Column("facts", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        *_synced(),
        _fk("case_steps", "case_id", "cases"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_steps")),
    )
    op.create_index("ix_case_steps_case", "case_steps", ["case_id"])
    op.create_table(
        "case_measures",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("article", sa.String(length=16), nullable=True),
        sa.Column("basis_fen", sa.BigInteger(), nullable=True),
        sa.Column("amount_fen", sa.BigInteger(), nullable=True),
        sa.Column("discretion", sa.String(length=16), nullable=True),
        sa.Column("reason", sa.Text(), server_default="", nullable=False),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("period_from", sa.Date(), nullable=True),
        sa.Column("period_to", sa.Date(), nullable=True),
        sa.Column("cancelled", sa.Boolean(), server_default="0", nullable=False),
        *_synced(),
        _fk("case_measures", "case_id", "cases"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_measures")),
    )
    op.create_index("ix_case_measures_case", "case_measures", ["case_id"])
    op.create_table(
        "case_payments",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("measure_id", sa.String(length=36), nullable=False),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.Column("receipt_no", sa.String(length=100), server_default="", nullable=False),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        *_synced(),
        _fk("case_payments", "case_id", "cases"),
        _fk("case_payments", "measure_id", "case_measures"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_payments")),
    )
    op.create_index("ix_case_payments_case", "case_payments", ["case_id"])
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
    op.drop_table("case_payments")
    op.drop_table("case_measures")
    op.drop_table("case_steps")
    op.drop_table("cases")
