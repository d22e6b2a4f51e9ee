"""One head again: the evidence (0002) and app/record (0003, 0005) branches meet here, so that
every later migration has one parent and a database one revision row.

Revision ID: 0006_one_head
Revises: 0002_evidence, 0005_record
Create Date: 2026-12-02
"""

from __future__ import annotations

revision = "0006_one_head"
down_revision = ("0002_evidence", "0005_record")
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass  # a merge point: no schema change


def downgrade() -> None:
    pass
