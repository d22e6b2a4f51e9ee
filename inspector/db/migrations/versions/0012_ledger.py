"""After the visit: the problem ledger (问题台账), the case path of each finding, the
回头看 and its verdicts, rectification orders; and the link from a 回头看 to the inspection it
follows up.

New tables with their tombstone triggers; one column added with ALTER TABLE ADD COLUMN (no
table is rebuilt, so the lock, custody and tombstone triggers stay as they are). Findings of
inspections signed before this migration are entered in the ledger by
``inspector.ledger.entries.enter_signed`` (an audited change) when the ledger is first shown
or listed, not here: a migration writes no audit event.

Revision ID: 0012_ledger
Revises: 0011_claims
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_ledger"
down_revision = "0011_claims"
branch_labels = None
depends_on = None

NEW_SYNCED = ("ledger_entries", "case_actions", "follow_up_items", "rectification_orders")


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
        "ledger_entries",
        sa.Column("answer_id", sa.String(length=36), nullable=False),
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("institution_id", sa.String(length=36), nullable=False),
        sa.Column("institution_name", sa.String(length=200), nullable=False),
        sa.Column("type_code", sa.String(length=32), nullable=False),
        sa.Column("district", sa.String(length=100), nullable=False),
        sa.Column("mode", sa.String(length=32), nullable=False),
        sa.Column("found_on", sa.Date(), nullable=False),
        sa.Column("item_code", sa.String(length=16), nullable=False),
        sa.Column("item_title", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.Column("violation_code", sa.String(length=16), nullable=True),
        sa.Column("amount_fen", sa.BigInteger(), nullable=True),
        sa.Column("evidence_count", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("status", sa.String(length=16), nullable=False, server_default="pending"),
        sa.Column("recovered_fen", sa.BigInteger(), nullable=False, server_default="0"),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("progress_note", sa.Text(), nullable=False, server_default=""),
        sa.Column("closed_by_id", sa.String(length=36), nullable=True),
        sa.Column("follow_up_verdict", sa.String(length=16), nullable=True),
        *_synced(),
        _fk("ledger_entries", "answer_id", "answers"),
        _fk("ledger_entries", "inspection_id", "inspections"),
        _fk("ledger_entries", "institution_id", "institutions"),
        _fk("ledger_entries", "closed_by_id", "inspections"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledger_entries")),
        sa.UniqueConstraint("answer_id", name=op.f("uq_ledger_entries_answer_id")),
    )
    for name, columns in (
        ("ix_ledger_entries_status_found_on", ["status", "found_on"]),
        ("ix_ledger_entries_district_found_on", ["district", "found_on"]),
        ("ix_ledger_entries_found_on", ["found_on"]),
        ("ix_ledger_entries_institution", ["institution_id"]),
        ("ix_ledger_entries_inspection", ["inspection_id"]),
        ("ix_ledger_entries_deadline", ["deadline"]),
    ):
        op.create_index(name, "ledger_entries", columns)
    op.create_table(
        "case_actions",
        sa.Column("entry_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("receiving_body", sa.String(length=200), nullable=False),
        sa.Column("document_no", sa.String(length=100), nullable=False),
        sa.Column("statement", sa.Text(), nullable=False, server_default=""),
        sa.Column("statement_on", sa.Date(), nullable=True),
        sa.Column("recovered_fen", sa.BigInteger(), nullable=False, server_default="0"),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        *_synced(),
        _fk("case_actions", "entry_id", "ledger_entries"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_actions")),
    )
    op.create_index("ix_case_actions_entry", "case_actions", ["entry_id"])
    op.create_table(
        "follow_up_items",
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("entry_id", sa.String(length=36), nullable=False),
        sa.Column("item_code", sa.String(length=16), nullable=False),
        sa.Column("verdict", sa.String(length=16), nullable=True),
        *_synced(),
        _fk("follow_up_items", "inspection_id", "inspections"),
        _fk("follow_up_items", "entry_id", "ledger_entries"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_up_items")),
        sa.UniqueConstraint(
            "inspection_id", "item_code", name=op.f("uq_follow_up_items_inspection_id")
        ),
    )
    op.create_index("ix_follow_up_items_entry", "follow_up_items", ["entry_id"])
    op.create_table(
        "rectification_orders",
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("order_no", sa.String(length=40), nullable=False),
        sa.Column("path", sa.String(length=500), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("deadlines", sa.JSON(), nullable=False),
        sa.Column("signature_box", sa.JSON(), nullable=False),
        sa.Column("signed_by", sa.String(length=64), nullable=True),
        *_synced(),
        _fk("rectification_orders", "inspection_id", "inspections"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rectification_orders")),
    )
    op.create_index(
        "ix_rectification_orders_inspection", "rectification_orders", ["inspection_id"]
    )
    # SQLite's ADD COLUMN takes a REFERENCES clause without rebuilding the table.
    op.execute(
        "ALTER TABLE inspections ADD COLUMN follows_id VARCHAR(36) REFERENCES inspections (id)"
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
    op.execute("ALTER TABLE inspections DROP COLUMN follows_id")
    op.drop_table("rectification_orders")
    op.drop_table("follow_up_items")
    op.drop_table("case_actions")
    op.drop_table("ledger_entries")
