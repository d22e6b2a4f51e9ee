"""The record as a legal document: the party's legal representative, address, phone
and 统一社会信用代码, the recorder (记录人), the recusal notice and any recusal override on the
inspection; the recorder of an interview; and ``drug_checks``, the per-entry findings on the
reference lists (附件1), with its tombstone and lock triggers. Columns added only to existing
tables (no table rebuild, so their lock and tombstone triggers stay as they are).

Revision ID: 0014_record_party
Revises: 0013_bundles
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_record_party"
down_revision = "0013_bundles"
branch_labels = None
depends_on = None



def _inspection_columns() -> list[sa.Column]:
    return [
        sa.Column("party_legal_rep", sa.String(length=100), nullable=True),
        sa.Column("party_address", sa.String(length=300), nullable=True),
        sa.Column("party_phone", sa.String(length=40), nullable=True),
        sa.Column("party_credit_code", sa.String(length=18), nullable=True),
        sa.Column("recorder_id", sa.String(length=36), nullable=True),
        sa.Column("recusal_told", sa.Boolean(), nullable=False, server_default="0"),
        sa.Column("recusal_reply", sa.Text(), nullable=True),
        sa.Column("recusal_overrides", sa.JSON(), nullable=False, server_default="[]"),
    ]


LOCKED = "BEGIN SELECT RAISE(ABORT, 'inspection is signed and locked'); END"
TRIGGERS = {
    "drug_checks_delete_needs_tombstone": (
        "BEFORE DELETE ON drug_checks WHEN NOT EXISTS (SELECT 1 FROM tombstones "
        "WHERE table_name = 'drug_checks' AND entity_id = OLD.id) "
        "BEGIN SELECT RAISE(ABORT, 'a synced row is deleted only with its tombstone'); END"
    ),
    **{
        f"drug_checks_locked_{event.lower()}": (
            f"BEFORE {event} ON drug_checks WHEN "
            f"(SELECT status FROM inspections WHERE id = {row}.inspection_id) = 'signed' {LOCKED}"
        )
        for event, row in (("INSERT", "NEW"), ("UPDATE", "OLD"), ("DELETE", "OLD"))
    },
}


def upgrade() -> None:
    for column in _inspection_columns():
        op.add_column("inspections", column)
    op.add_column("interviews", sa.Column("recorder_id", sa.String(length=36), nullable=True))
    op.create_table(
        "drug_checks",
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("item_code", sa.String(length=16), nullable=False),
        sa.Column("list_code", sa.String(length=16), nullable=False),
        sa.Column("entry_no", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("count", sa.String(length=32), nullable=True),
        sa.Column("unit", sa.String(length=16), nullable=False, server_default=""),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_device_id", sa.String(length=36), nullable=True),
        sa.Column("change_seq", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["inspection_id"], ["inspections.id"],
            name=op.f("fk_drug_checks_inspection_id_inspections"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_drug_checks")),
        sa.UniqueConstraint(
            "inspection_id", "list_code", "entry_no", name=op.f("uq_drug_checks_inspection_id")
        ),
    )  # fmt: skip
    op.create_index("ix_drug_checks_inspection", "drug_checks", ["inspection_id"])
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER IF NOT EXISTS {name} {body}")


def downgrade() -> None:
    # SQLite drops a column in place (3.35+) when nothing refers to it: no rebuild either.
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_index("ix_drug_checks_inspection", "drug_checks")
    op.drop_table("drug_checks")
    op.drop_column("interviews", "recorder_id")
    for column in reversed(_inspection_columns()):
        op.drop_column("inspections", column.name)
