"""Leads (疑点/线索) and their on-site verification: a lead, where it came from, its 交办 and
deadline, the reporter's identity sealed to the office's key; a lead attached to an inspection
as an item to verify (verdict, note, evidence, amount). A verified lead's finding is a ledger
row like an answer's: ``ledger_entries.answer_id`` becomes optional and ``lead_check_id`` names
the verification. SQLite cannot relax NOT NULL in place: the ledger table is rebuilt and its
triggers (dropped with the old table) are made again exactly as they were.

Revision ID: 0026_leads
Revises: 0025_rule_hits
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0026_leads"
down_revision = "0025_rule_hits"
branch_labels = None
depends_on = None

NEW_SYNCED = ("leads", "lead_checks")


def _synced() -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_device_id", sa.String(length=36), nullable=True),
        sa.Column("change_seq", sa.Integer(), nullable=True),
    ]


def _ledger_triggers() -> list[tuple[str, str]]:
    connection = op.get_bind()
    return [
        (str(name), str(sql))
        for name, sql in connection.execute(
            sa.text(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                "AND tbl_name = 'ledger_entries'"
            )
        ).all()
    ]


def upgrade() -> None:
    op.create_table(
        "leads",
        sa.Column("number", sa.String(length=64), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("institution_name", sa.String(length=200), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("amount_fen", sa.BigInteger(), nullable=True),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("assigned_by", sa.String(length=100), nullable=False, server_default=""),
        sa.Column("assigned_to", sa.String(length=100), nullable=False, server_default=""),
        sa.Column("assigned_on", sa.Date(), nullable=True),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("reporter_sealed", sa.Text(), nullable=True),
        sa.Column("result", sa.Text(), nullable=False, server_default=""),
        sa.Column("reward_fen", sa.BigInteger(), nullable=True),
        sa.Column("rule_code", sa.String(length=32), nullable=True),
        sa.Column("settlement_nos", sa.JSON(), nullable=False),
        sa.Column("inspection_id", sa.String(length=36), nullable=True),
        *_synced(),
        sa.ForeignKeyConstraint(
            ["inspection_id"], ["inspections.id"], name=op.f("fk_leads_inspection_id_inspections")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_leads")),
        sa.UniqueConstraint("number", name=op.f("uq_leads_number")),
    )
    op.create_index("ix_leads_inspection", "leads", ["inspection_id"])
    op.create_table(
        "lead_checks",
        sa.Column("lead_id", sa.String(length=36), nullable=False),
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.String(length=64), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("verdict", sa.String(length=16), nullable=False, server_default="pending"),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.Column("amount_fen", sa.BigInteger(), nullable=True),
        sa.Column("evidence_ids", sa.JSON(), nullable=False),
        *_synced(),
        sa.ForeignKeyConstraint(
            ["lead_id"], ["leads.id"], name=op.f("fk_lead_checks_lead_id_leads")
        ),
        sa.ForeignKeyConstraint(
            ["inspection_id"], ["inspections.id"],
            name=op.f("fk_lead_checks_inspection_id_inspections"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lead_checks")),
        sa.UniqueConstraint("lead_id", "inspection_id", name=op.f("uq_lead_checks_lead_id")),
    )  # fmt: skip
    op.create_index("ix_lead_checks_inspection", "lead_checks", ["inspection_id"])
    for table in NEW_SYNCED:
        op.execute(
            f"CREATE TRIGGER IF NOT EXISTS {table}_delete_needs_tombstone BEFORE DELETE ON {table} "
            f"WHEN NOT EXISTS (SELECT 1 FROM tombstones WHERE table_name = '{table}' "
            "AND entity_id = OLD.id) "
            "BEGIN SELECT RAISE(ABORT, 'a synced row is deleted only with its tombstone'); END"
        )
    saved = _ledger_triggers()
    for name, _sql in saved:
        op.execute(f"DROP TRIGGER {name}")
    with op.batch_alter_table("ledger_entries", recreate="always") as batch:
        batch.alter_column("answer_id", existing_type=sa.String(length=36), nullable=True)
        batch.add_column(sa.Column("lead_check_id", sa.String(length=36), nullable=True))
        batch.create_foreign_key(
            op.f("fk_ledger_entries_lead_check_id_lead_checks"),
            "lead_checks",
            ["lead_check_id"],
            ["id"],
        )
        batch.create_unique_constraint(op.f("uq_ledger_entries_lead_check_id"), ["lead_check_id"])
    for _name, sql in saved:
        op.execute(sql)


def downgrade() -> None:
    saved = _ledger_triggers()
    for name, _sql in saved:
        op.execute(f"DROP TRIGGER {name}")
    # A lead's ledger rows have no answer: they go with the leads.
    op.execute("DELETE FROM ledger_entries WHERE answer_id IS NULL")
    with op.batch_alter_table("ledger_entries", recreate="always") as batch:
        batch.drop_constraint("uq_ledger_entries_lead_check_id", type_="unique")
        batch.drop_constraint("fk_ledger_entries_lead_check_id_lead_checks", type_="foreignkey")
        batch.drop_column("lead_check_id")
        batch.alter_column("answer_id", existing_type=sa.String(length=36), nullable=False)
    for _name, sql in saved:
        op.execute(sql)
    for table in NEW_SYNCED:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_delete_needs_tombstone")
    op.drop_table("lead_checks")
    op.drop_table("leads")
