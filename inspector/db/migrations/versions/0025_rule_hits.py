"""The rule engine's runs and hits over an inspection's settlement detail (inspector/rules/):
new tables only. This laptop's own working data (not in bundles): the hits are made again from
the detail by running the rules, and what the team makes of them travels as leads and findings.

Revision ID: 0025_rule_hits
Revises: 0024_compulsory_referral
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0025_rule_hits"
down_revision = "0024_compulsory_referral"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rule_runs",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("ran_at", sa.DateTime(), nullable=False),
        sa.Column("detail_rows", sa.Integer(), nullable=False),
        sa.Column("library", sa.JSON(), nullable=False),
        sa.Column("context", sa.JSON(), nullable=False),
        sa.Column("hit_count", sa.Integer(), nullable=False),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["inspection_id"], ["inspections.id"],
            name=op.f("fk_rule_runs_inspection_id_inspections"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rule_runs")),
    )  # fmt: skip
    op.create_index("ix_rule_runs_inspection", "rule_runs", ["inspection_id", "ran_at"])
    op.create_table(
        "rule_hits",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("run_id", sa.String(length=36), nullable=False),
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("rule_code", sa.String(length=32), nullable=False),
        sa.Column("rule_name", sa.String(length=200), nullable=False),
        sa.Column("rule_type", sa.String(length=32), nullable=False),
        sa.Column("person_id", sa.String(length=64), nullable=True),
        sa.Column("settlement_nos", sa.JSON(), nullable=False),
        sa.Column("row_nos", sa.JSON(), nullable=False),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"], ["rule_runs.id"], name=op.f("fk_rule_hits_run_id_rule_runs"),
        ),
        sa.ForeignKeyConstraint(
            ["inspection_id"], ["inspections.id"],
            name=op.f("fk_rule_hits_inspection_id_inspections"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rule_hits")),
        sa.UniqueConstraint("run_id", "ordinal", name=op.f("uq_rule_hits_run_id")),
    )  # fmt: skip
    op.create_index("ix_rule_hits_inspection", "rule_hits", ["inspection_id"])


def downgrade() -> None:
    op.drop_index("ix_rule_hits_inspection", "rule_hits")
    op.drop_table("rule_hits")
    op.drop_index("ix_rule_runs_inspection", "rule_runs")
    op.drop_table("rule_runs")
