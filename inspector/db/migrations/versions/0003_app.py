"""The desktop app: checklist snapshots moved to their own table (kept once, by hash), item
counts for the home list, indexes for its filters and the registry.

Revision ID: 0003_app
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import hashlib
import json

import sqlalchemy as sa
from alembic import op

revision = "0003_app"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "checklist_snapshots",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Text(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_checklist_snapshots")),
    )
    with op.batch_alter_table("inspections") as batch:
        batch.add_column(sa.Column("item_count", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("snapshot_sha256", sa.String(length=64), nullable=True))
    connection = op.get_bind()
    rows = connection.execute(
        sa.text("select id, checklist, checklist_version from inspections")
    ).all()
    for inspection_id, checklist, version in rows:
        data = json.loads(checklist) if isinstance(checklist, str) else checklist
        canonical = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        sha256 = hashlib.sha256(canonical.encode()).hexdigest()
        connection.execute(
            sa.text(
                "insert or ignore into checklist_snapshots (sha256, version, data)"
                " values (:sha, :version, :data)"
            ),
            {"sha": sha256, "version": version, "data": canonical},
        )
        count = sum(len(section["items"]) for section in data.get("sections", []))
        connection.execute(
            sa.text(
                "update inspections set item_count = :count, snapshot_sha256 = :sha where id = :id"
            ),
            {"count": count, "sha": sha256, "id": inspection_id},
        )
    with op.batch_alter_table("inspections") as batch:
        batch.alter_column("snapshot_sha256", existing_type=sa.String(length=64), nullable=False)
        batch.create_foreign_key(
            op.f("fk_inspections_snapshot_sha256_checklist_snapshots"),
            "checklist_snapshots",
            ["snapshot_sha256"],
            ["sha256"],
        )
        batch.drop_column("checklist")
        batch.drop_column("checklist_version")
    op.create_index("ix_inspections_status_created_at", "inspections", ["status", "created_at"])
    op.create_index("ix_inspections_district", "inspections", ["district"])
    op.create_index("ix_inspections_institution_id", "inspections", ["institution_id"])
    op.create_index("ix_institutions_agreement_no", "institutions", ["agreement_no"])


def downgrade() -> None:
    op.drop_index("ix_institutions_agreement_no", "institutions")
    op.drop_index("ix_inspections_institution_id", "inspections")
    op.drop_index("ix_inspections_district", "inspections")
    op.drop_index("ix_inspections_status_created_at", "inspections")
    with op.batch_alter_table("inspections") as batch:
        batch.add_column(sa.Column("checklist", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("checklist_version", sa.Text(), nullable=True))
    op.execute(
        "update inspections set"
        " checklist = (select data from checklist_snapshots where sha256 = snapshot_sha256),"
        " checklist_version = (select version from checklist_snapshots"
        " where sha256 = snapshot_sha256)"
    )
    with op.batch_alter_table("inspections") as batch:
        batch.alter_column("checklist", existing_type=sa.JSON(), nullable=False)
        batch.alter_column("checklist_version", existing_type=sa.Text(), nullable=False)
        batch.drop_constraint(
            op.f("fk_inspections_snapshot_sha256_checklist_snapshots"), type_="foreignkey"
        )
        batch.drop_column("snapshot_sha256")
        batch.drop_column("item_count")
    op.drop_table("checklist_snapshots")
