"""The office list at a million inspections: indexes in the list's order (started_at DESC
NULLS LAST, id), alone and after district and after team_district (a district's user sees
both: one index scan each, merged), and the filter values in a small table the commit keeps
(office_filter_values), so that a page view reads neither a sort nor four DISTINCT scans.

Revision ID: c0005_office_list
Revises: c0004_server_settings
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0005_office_list"
down_revision = "c0004_server_settings"
branch_labels = None
depends_on = None

ORDER = [sa.text("started_at DESC NULLS LAST"), sa.text("id")]
NAMES = ("district", "type", "mode", "status")


def upgrade() -> None:
    op.create_index("ix_inspections_list", "inspections", ORDER)
    # with the filters' columns: a district's count (its page's total) is read from the index
    # alone, not from a hundred thousand rows of the table
    op.create_index(
        "ix_inspections_district_list",
        "inspections",
        [sa.text("district"), *ORDER],
        postgresql_include=["team_district", "type", "mode", "status"],
    )
    op.create_index(
        "ix_inspections_team_district_list",
        "inspections",
        [sa.text("team_district"), *ORDER],
        postgresql_include=["district", "type", "mode", "status"],
    )
    # served by the indexes above (their first columns)
    op.drop_index("ix_inspections_district", "inspections")
    op.drop_index("ix_inspections_started_at", "inspections")
    op.create_table(
        "office_filter_values",
        sa.Column("name", sa.String(16), primary_key=True),
        sa.Column("value", sa.String(100), primary_key=True),
        sa.Column("district", sa.String(100), primary_key=True),  # "" for none
        sa.Column("team_district", sa.String(100), primary_key=True),  # "" for none
    )
    for name in NAMES:
        op.execute(
            f"INSERT INTO office_filter_values (name, value, district, team_district) "
            f"SELECT DISTINCT '{name}', {name}, coalesce(district, ''), "
            f"coalesce(team_district, '') FROM inspections WHERE {name} IS NOT NULL"
        )


def downgrade() -> None:
    op.drop_table("office_filter_values")
    op.create_index("ix_inspections_started_at", "inspections", ["started_at"])
    op.create_index("ix_inspections_district", "inspections", ["district"])
    op.drop_index("ix_inspections_team_district_list", "inspections")
    op.drop_index("ix_inspections_district_list", "inspections")
    op.drop_index("ix_inspections_list", "inspections")
