"""The unit of work (issue 8): the action log (audit_events), tombstones of deleted rows, and
the last change (device, audit number) on every synced row.

Columns are added with ALTER TABLE ADD COLUMN (no table is rebuilt, so the lock and custody
triggers stay as they are).

Revision ID: 0008_unit_of_work
Revises: 0006_one_head
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_unit_of_work"
down_revision = "0006_one_head"
branch_labels = None
depends_on = None

SYNCED_TABLES = (
    "institutions",
    "inspectors",
    "inspections",
    "answers",
    "evidence",
    "custody_events",
    "seal_items",
    "records",
    "handwritten_signatures",
    "record_signatures",
    "interviews",
)

# custody_events refuse every DELETE already (0002).
TOMBSTONED = tuple(t for t in SYNCED_TABLES if t != "custody_events")

LOG_TRIGGERS = {
    "audit_events_no_update": (
        "BEFORE UPDATE ON audit_events "
        "BEGIN SELECT RAISE(ABORT, '操作记录只能追加，不能修改'); END"
    ),
    "audit_events_no_delete": (
        "BEFORE DELETE ON audit_events "
        "BEGIN SELECT RAISE(ABORT, '操作记录只能追加，不能删除'); END"
    ),
    "tombstones_no_update": (
        "BEFORE UPDATE ON tombstones BEGIN SELECT RAISE(ABORT, '删除记录不能修改'); END"
    ),
    "tombstones_no_delete": (
        "BEFORE DELETE ON tombstones BEGIN SELECT RAISE(ABORT, '删除记录不能删除'); END"
    ),
}


# SQLite fires the newest trigger first: the lock triggers of a signed inspection (0005) are
# made again after the tombstone triggers, so that a delete there still says "locked".
_LOCKED = "BEGIN SELECT RAISE(ABORT, 'inspection is signed and locked'); END"
RELOCKED = {
    "inspections_locked_delete": f"BEFORE DELETE ON inspections WHEN OLD.status = 'signed' {_LOCKED}",
    "answers_locked_delete": (
        "BEFORE DELETE ON answers WHEN "
        f"(SELECT status FROM inspections WHERE id = OLD.inspection_id) = 'signed' {_LOCKED}"
    ),
    "handwritten_locked_delete": (
        "BEFORE DELETE ON handwritten_signatures WHEN "
        f"(SELECT status FROM inspections WHERE id = OLD.inspection_id) = 'signed' {_LOCKED}"
    ),
}


def tombstone_trigger(table: str) -> tuple[str, str]:
    return (
        f"{table}_delete_needs_tombstone",
        f"BEFORE DELETE ON {table} WHEN NOT EXISTS (SELECT 1 FROM tombstones "
        f"WHERE table_name = '{table}' AND entity_id = OLD.id) "
        "BEGIN SELECT RAISE(ABORT, 'a synced row is deleted only with its tombstone'); END",
    )


def triggers() -> dict[str, str]:
    found = dict(LOG_TRIGGERS)
    found.update(tombstone_trigger(table) for table in TOMBSTONED)
    return found


def upgrade() -> None:
    op.create_table(
        "audit_events",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=True),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("inspection_id", sa.String(length=36), nullable=True),
        sa.Column("entity_type", sa.String(length=64), nullable=True),
        sa.Column("entity_id", sa.String(length=64), nullable=True),
        sa.Column("state_sha256", sa.String(length=64), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
        sa.UniqueConstraint("device_id", "seq", name=op.f("uq_audit_events_device_id")),
    )
    op.create_index("ix_audit_events_inspection", "audit_events", ["inspection_id"])
    op.create_table(
        "tombstones",
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("inspection_id", sa.String(length=36), nullable=True),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=False),
        sa.Column("state_sha256", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "entity_id", name=op.f("pk_tombstones")),
    )
    for table in SYNCED_TABLES:
        op.add_column(table, sa.Column("change_device_id", sa.String(length=36), nullable=True))
        op.add_column(table, sa.Column("change_seq", sa.Integer(), nullable=True))
    for name, body in triggers().items():
        op.execute(f"CREATE TRIGGER IF NOT EXISTS {name} {body}")
    for name, body in RELOCKED.items():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    for name in triggers():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for table in SYNCED_TABLES:
        # SQLite's own DROP COLUMN (3.35+): no rebuild, so the tables keep their triggers.
        op.execute(f"ALTER TABLE {table} DROP COLUMN change_seq")
        op.execute(f"ALTER TABLE {table} DROP COLUMN change_device_id")
    op.drop_table("tombstones")
    op.drop_index("ix_audit_events_inspection", "audit_events")
    op.drop_table("audit_events")
