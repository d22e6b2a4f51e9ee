"""Evidence with a chain of custody: captions, derived copies (thumbnail, print copy, annotated
copy), the custody log and the sealing list; triggers that keep the custody log append-only and
an evidence row's file fixed, whatever path writes to the database. (That a finished or signed
inspection's evidence cannot change is enforced in the core: a trigger here would have to read
``inspections``, and SQLite then refuses any later batch migration that recreates that table.)

Note for later migrations: SQLite's batch mode recreates a table, which drops its triggers.
A migration that batch-alters ``evidence`` or ``custody_events`` must create the triggers below
again (``create_triggers``).

Revision ID: 0002_evidence
Revises: 0001
Create Date: 2026-11-22 15:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = "0002_evidence"
down_revision = "0001"
branch_labels = None
depends_on = None

TRIGGERS = {
    # An original is never replaced: its bytes' hash and what it was derived from never change.
    "evidence_file_is_fixed": """
        CREATE TRIGGER evidence_file_is_fixed
        BEFORE UPDATE OF sha256, size, media_type, source_sha256, derived_from ON evidence
        BEGIN SELECT RAISE(ABORT, '证据文件不能被替换'); END""",
    "custody_events_no_update": """
        CREATE TRIGGER custody_events_no_update BEFORE UPDATE ON custody_events
        BEGIN SELECT RAISE(ABORT, '证据保管记录只能追加，不能修改'); END""",
    "custody_events_no_delete": """
        CREATE TRIGGER custody_events_no_delete BEFORE DELETE ON custody_events
        BEGIN SELECT RAISE(ABORT, '证据保管记录只能追加，不能删除'); END""",
}


def create_triggers() -> None:
    for sql in TRIGGERS.values():
        op.execute(sql)


def upgrade() -> None:
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("caption", sa.Text(), server_default="", nullable=False)
        )
        batch_op.add_column(sa.Column("pages", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("thumb_sha256", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("print_sha256", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("derived_from", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("source_sha256", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("annotation", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("time_warning", sa.Text(), nullable=True))
        batch_op.create_foreign_key(
            op.f("fk_evidence_derived_from_evidence"), "evidence", ["derived_from"], ["id"]
        )

    op.create_table(
        "custody_events",
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("event", sa.String(length=32), nullable=False),
        sa.Column("evidence_id", sa.String(length=36), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspections.id"],
            name=op.f("fk_custody_events_inspection_id_inspections"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_custody_events")),
        sa.UniqueConstraint(
            "inspection_id", "seq", name=op.f("uq_custody_events_inspection_id")
        ),
    )
    with op.batch_alter_table("custody_events", schema=None) as batch_op:
        batch_op.create_index("ix_custody_events_evidence", ["evidence_id"], unique=False)

    op.create_table(
        "seal_items",
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("quantity", sa.String(length=32), nullable=False),
        sa.Column("unit", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.Column("evidence_ids", sa.JSON(), nullable=False),
        sa.Column("added_by", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["added_by"],
            ["inspectors.id"],
            name=op.f("fk_seal_items_added_by_inspectors"),
        ),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspections.id"],
            name=op.f("fk_seal_items_inspection_id_inspections"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_seal_items")),
        sa.UniqueConstraint(
            "inspection_id", "position", name=op.f("uq_seal_items_inspection_id")
        ),
    )
    create_triggers()


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("seal_items")
    with op.batch_alter_table("custody_events", schema=None) as batch_op:
        batch_op.drop_index("ix_custody_events_evidence")
    op.drop_table("custody_events")
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("fk_evidence_derived_from_evidence"), type_="foreignkey")
        batch_op.drop_column("time_warning")
        batch_op.drop_column("annotation")
        batch_op.drop_column("source_sha256")
        batch_op.drop_column("derived_from")
        batch_op.drop_column("print_sha256")
        batch_op.drop_column("thumb_sha256")
        batch_op.drop_column("pages")
        batch_op.drop_column("caption")
