"""What each device delivered of each laptop's log (``pushed_logs``): the server judges a
push's claim to know another laptop's changes by it. Filled from the audit events the server
holds, each counted for the device whose push brought it first.

Revision ID: c0006_trust
Revises: c0005_office_list
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0006_trust"
down_revision = "c0005_office_list"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pushed_logs",
        sa.Column("device_id", sa.String(64), primary_key=True),
        sa.Column("log_device_id", sa.String(64), primary_key=True),
        sa.Column("seq", sa.Integer, nullable=False),
    )
    op.execute(
        "insert into pushed_logs (device_id, log_device_id, seq) "
        "select p.device_id, r.change_device_id, max(r.change_seq) from rows r "
        "join pushes p on p.bundle_id = r.bundle_id "
        "where r.table_name = 'audit_events' and r.change_device_id is not null "
        "and r.change_seq is not null group by p.device_id, r.change_device_id"
    )


def downgrade() -> None:
    op.drop_table("pushed_logs")
