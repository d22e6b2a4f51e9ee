"""The unit of work: the action log (audit_events), tombstones of deleted rows, and
the last change (device, audit number) on every synced row.

Columns are added with ALTER TABLE ADD COLUMN (no table is rebuilt, so the lock and custody
triggers stay as they are).

Revision ID: 0008_unit_of_work
Revises: 0006_one_head
Create Date: 2026-12-02
"""

from __future__ import annotations

import uuid

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


# Frozen copy of inspector.db.models.natural_id (a migration must not change with the code).
NAMESPACE = uuid.UUID("6f1c2d3e-8b7a-5c4d-9e0f-1a2b3c4d5e6f")


def _natural_id(kind: str, *parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, "\x1f".join([kind, *(p.strip() for p in parts)])))


def _institution_id(agreement_no: str | None, name: str, district: str) -> str:
    if agreement_no and agreement_no.strip():
        return _natural_id("institution-agreement", agreement_no)
    return _natural_id("institution", name, district)


INSPECTOR_REFS = (
    ("inspection_members", "inspector_id"),
    ("evidence", "added_by"),
    ("seal_items", "added_by"),
    ("handwritten_signatures", "inspector_id"),
    ("record_signatures", "inspector_id"),
)
INSTITUTION_REFS = (("inspections", "institution_id"),)


def _rekey(
    connection: sa.Connection, table: str, refs: tuple[tuple[str, str], ...], new: dict[str, str]
) -> None:
    taken = {row[0] for row in connection.execute(sa.text(f"SELECT id FROM {table}"))}
    for old, fresh in new.items():
        if fresh == old or fresh in taken:  # a clash (two rows, one key) keeps its old id
            continue
        connection.execute(sa.text(f"UPDATE {table} SET id = :new WHERE id = :old"), {"new": fresh, "old": old})
        for ref_table, column in refs:
            connection.execute(
                sa.text(f"UPDATE {ref_table} SET {column} = :new WHERE {column} = :old"),
                {"new": fresh, "old": old},
            )
        taken.discard(old)
        taken.add(fresh)


def rekey_natural_ids(connection: sa.Connection) -> None:
    """Inspectors and institutions made with random ids get the ids of their natural keys,
    with every reference; the lock triggers (a signed inspection refuses UPDATE) are lifted for
    the re-keying and made again exactly as they were. Then every reference is checked."""
    saved = connection.execute(
        sa.text(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN "
            "('inspections', 'record_signatures')"
        )
    ).all()
    for name, _sql in saved:
        connection.execute(sa.text(f"DROP TRIGGER {name}"))
    inspectors = {
        row.id: _natural_id("inspector", row.cert_no)
        for row in connection.execute(sa.text("SELECT id, cert_no FROM inspectors"))
    }
    _rekey(connection, "inspectors", INSPECTOR_REFS, inspectors)
    institutions = {
        row.id: _institution_id(row.agreement_no, row.name, row.district)
        for row in connection.execute(
            sa.text("SELECT id, agreement_no, name, district FROM institutions")
        )
    }
    _rekey(connection, "institutions", INSTITUTION_REFS, institutions)
    for _name, sql in saved:
        connection.execute(sa.text(sql))
    broken = connection.execute(sa.text("PRAGMA foreign_key_check")).all()
    if broken:
        raise RuntimeError(f"re-keying left dangling references: {broken[:5]}")


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
    rekey_natural_ids(op.get_bind())
    custody_chain_per_device()


CUSTODY_TRIGGERS = {
    "custody_events_no_update": (
        "BEFORE UPDATE ON custody_events "
        "BEGIN SELECT RAISE(ABORT, '证据保管记录只能追加，不能修改'); END"
    ),
    "custody_events_no_delete": (
        "BEFORE DELETE ON custody_events "
        "BEGIN SELECT RAISE(ABORT, '证据保管记录只能追加，不能删除'); END"
    ),
}


def custody_chain_per_device() -> None:
    """The custody chain is numbered per inspection and device. A database before this migration
    made every entry on one laptop, so its numbers already are; the table is rebuilt for the new unique
    key and its append-only triggers (dropped with the old table) are made again. A chain
    someone cut is not refused here: ``verify-evidence`` names the gap."""
    with op.batch_alter_table("custody_events", recreate="always") as batch:
        batch.drop_constraint("uq_custody_events_inspection_id", type_="unique")
        batch.create_unique_constraint(
            "uq_custody_events_inspection_id", ["inspection_id", "device_id", "seq"]
        )
    for name, body in CUSTODY_TRIGGERS.items():
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
