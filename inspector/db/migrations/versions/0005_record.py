"""The signed record: the party's statement, record numbers, amendments, interview records,
handwritten and digital signatures.

Revision ID: 0005_record
Revises: 0003_app
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_record"
down_revision = "0003_app"
branch_labels = None
depends_on = None


def _synced() -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    ]


def upgrade() -> None:
    with op.batch_alter_table("inspections") as batch:
        batch.add_column(
            sa.Column("party_statement", sa.Text(), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("party_representative", sa.String(length=100), nullable=True))
        batch.add_column(sa.Column("party_title", sa.String(length=100), nullable=True))
        batch.add_column(sa.Column("record_no", sa.String(length=40), nullable=True))
        batch.add_column(sa.Column("amends_id", sa.String(length=36), nullable=True))
        batch.create_foreign_key(
            op.f("fk_inspections_amends_id_inspections"), "inspections", ["amends_id"], ["id"]
        )
    op.create_table(
        "interviews",
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("interviewee_name", sa.String(length=100), nullable=False),
        sa.Column("interviewee_role", sa.String(length=100), nullable=True),
        sa.Column("interviewee_id_no", sa.String(length=40), nullable=True),
        sa.Column("place", sa.String(length=300), nullable=True),
        sa.Column("started_at", sa.DateTime(), nullable=True),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.Column("questions", sa.JSON(), nullable=False),
        *_synced(),
        sa.ForeignKeyConstraint(
            ["inspection_id"], ["inspections.id"],
            name=op.f("fk_interviews_inspection_id_inspections"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interviews")),
    )
    op.create_index("ix_interviews_inspection", "interviews", ["inspection_id"])
    with op.batch_alter_table("records") as batch:
        batch.add_column(sa.Column("interview_id", sa.String(length=36), nullable=True))
        batch.add_column(sa.Column("data_sha256", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("record_no", sa.String(length=40), nullable=True))
        batch.add_column(
            sa.Column("signature_boxes", sa.JSON(), nullable=False, server_default="{}")
        )
        batch.create_foreign_key(
            op.f("fk_records_interview_id_interviews"), "interviews", ["interview_id"], ["id"]
        )
    op.create_table(
        "handwritten_signatures",
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("interview_id", sa.String(length=36), nullable=True),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("inspector_id", sa.String(length=36), nullable=True),
        sa.Column("signer_name", sa.String(length=100), nullable=False),
        sa.Column("strokes", sa.JSON(), nullable=False),
        sa.Column("image_png", sa.LargeBinary(), nullable=True),
        sa.Column("refused", sa.Boolean(), nullable=False),
        sa.Column("refusal_reason", sa.Text(), nullable=True),
        sa.Column("signed_at", sa.DateTime(), nullable=False),
        *_synced(),
        sa.ForeignKeyConstraint(
            ["inspection_id"], ["inspections.id"],
            name=op.f("fk_handwritten_signatures_inspection_id_inspections"),
        ),
        sa.ForeignKeyConstraint(
            ["interview_id"], ["interviews.id"],
            name=op.f("fk_handwritten_signatures_interview_id_interviews"),
        ),
        sa.ForeignKeyConstraint(
            ["inspector_id"], ["inspectors.id"],
            name=op.f("fk_handwritten_signatures_inspector_id_inspectors"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handwritten_signatures")),
    )
    op.create_index(
        "ix_handwritten_signatures_inspection", "handwritten_signatures", ["inspection_id"]
    )
    op.create_table(
        "record_signatures",
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("inspector_id", sa.String(length=36), nullable=False),
        sa.Column("field_name", sa.String(length=64), nullable=False),
        sa.Column("certificate_sha256", sa.String(length=64), nullable=False),
        sa.Column("pdf_sha256", sa.String(length=64), nullable=False),
        sa.Column("signed_at", sa.DateTime(), nullable=False),
        *_synced(),
        sa.ForeignKeyConstraint(
            ["record_id"], ["records.id"], name=op.f("fk_record_signatures_record_id_records")
        ),
        sa.ForeignKeyConstraint(
            ["inspector_id"], ["inspectors.id"],
            name=op.f("fk_record_signatures_inspector_id_inspectors"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_record_signatures")),
    )
    op.create_index("ix_record_signatures_record", "record_signatures", ["record_id"])
    create_lock_triggers()


# A signed inspection is locked: the core refuses every change, and these triggers refuse it
# again for any other path into the database (a script, a future bug). A later migration that
# rebuilds one of these tables (batch mode) must create them again.
LOCK_TRIGGERS = {
    "inspections_locked_update": (
        "BEFORE UPDATE ON inspections WHEN OLD.status = 'signed' "
        "BEGIN SELECT RAISE(ABORT, 'inspection is signed and locked'); END"
    ),
    "inspections_locked_delete": (
        "BEFORE DELETE ON inspections WHEN OLD.status = 'signed' "
        "BEGIN SELECT RAISE(ABORT, 'inspection is signed and locked'); END"
    ),
    "answers_locked_insert": (
        "BEFORE INSERT ON answers WHEN "
        "(SELECT status FROM inspections WHERE id = NEW.inspection_id) = 'signed' "
        "BEGIN SELECT RAISE(ABORT, 'inspection is signed and locked'); END"
    ),
    "answers_locked_update": (
        "BEFORE UPDATE ON answers WHEN "
        "(SELECT status FROM inspections WHERE id = OLD.inspection_id) = 'signed' "
        "BEGIN SELECT RAISE(ABORT, 'inspection is signed and locked'); END"
    ),
    "answers_locked_delete": (
        "BEFORE DELETE ON answers WHEN "
        "(SELECT status FROM inspections WHERE id = OLD.inspection_id) = 'signed' "
        "BEGIN SELECT RAISE(ABORT, 'inspection is signed and locked'); END"
    ),
    "handwritten_locked_insert": (
        "BEFORE INSERT ON handwritten_signatures WHEN "
        "(SELECT status FROM inspections WHERE id = NEW.inspection_id) = 'signed' "
        "BEGIN SELECT RAISE(ABORT, 'inspection is signed and locked'); END"
    ),
    "handwritten_locked_delete": (
        "BEFORE DELETE ON handwritten_signatures WHEN "
        "(SELECT status FROM inspections WHERE id = OLD.inspection_id) = 'signed' "
        "BEGIN SELECT RAISE(ABORT, 'inspection is signed and locked'); END"
    ),
    "record_signatures_append_only": (
        "BEFORE UPDATE ON record_signatures "
        "BEGIN SELECT RAISE(ABORT, 'record signatures are append-only'); END"
    ),
}


def create_lock_triggers() -> None:
    for name, body in LOCK_TRIGGERS.items():
        op.execute(f"CREATE TRIGGER IF NOT EXISTS {name} {body}")


def downgrade() -> None:
    for name in LOCK_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_index("ix_record_signatures_record", "record_signatures")
    op.drop_table("record_signatures")
    op.drop_index("ix_handwritten_signatures_inspection", "handwritten_signatures")
    op.drop_table("handwritten_signatures")
    with op.batch_alter_table("records") as batch:
        batch.drop_constraint(op.f("fk_records_interview_id_interviews"), type_="foreignkey")
        batch.drop_column("signature_boxes")
        batch.drop_column("record_no")
        batch.drop_column("data_sha256")
        batch.drop_column("interview_id")
    op.drop_index("ix_interviews_inspection", "interviews")
    op.drop_table("interviews")
    with op.batch_alter_table("inspections") as batch:
        batch.drop_constraint(op.f("fk_inspections_amends_id_inspections"), type_="foreignkey")
        for column in ("amends_id", "record_no", "party_title", "party_representative",
                       "party_statement"):
            batch.drop_column(column)
