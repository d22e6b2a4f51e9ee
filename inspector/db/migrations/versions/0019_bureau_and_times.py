"""The issuing authority (执法主体), document numbers (文号) and 检查时间 entered: each inspection keeps the bureau
it is carried out in the name of (a copy of the bureau's name, 统一社会信用代码, address and
number templates as they were when it was named), and this laptop's ledger of the numbers it
has given out, one row each, never deleted, so that a number is given once; and whether the
start and end of the visit were entered by the team (then the clock no longer sets them).
Columns added to
an existing table (no table rebuild, so its triggers stay as they are) and a new table.

Revision ID: 0019_bureau_and_times
Revises: 0018_signature_binding
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019_bureau_and_times"
down_revision = "0018_signature_binding"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("inspections", sa.Column("bureau", sa.JSON(), nullable=True))
    op.add_column(
        "inspections",
        sa.Column("times_entered", sa.Boolean(), nullable=False, server_default="0"),
    )
    op.create_table(
        "document_numbers",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("bureau", sa.String(100), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(100), nullable=False),
        sa.Column("subject_id", sa.String(36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("bureau", "kind", "year", "seq", name="uq_document_numbers_seq"),
        sa.UniqueConstraint("bureau", "number", name="uq_document_numbers_number"),
    )
    # Given once: a number's row is never changed or removed.
    op.execute(
        "CREATE TRIGGER document_numbers_no_update BEFORE UPDATE ON document_numbers "
        "BEGIN SELECT RAISE(ABORT, 'document numbers are never changed'); END"
    )
    op.execute(
        "CREATE TRIGGER document_numbers_no_delete BEFORE DELETE ON document_numbers "
        "BEGIN SELECT RAISE(ABORT, 'document numbers are never removed'); END"
    )


def downgrade() -> None:
    op.drop_table("document_numbers")
    # Not batch mode: a rebuilt table would change how its foreign keys are written, and
    # 0012's own downgrade drops a column by plain ALTER TABLE.
    op.execute("ALTER TABLE inspections DROP COLUMN bureau")
    op.execute("ALTER TABLE inspections DROP COLUMN times_entered")
