"""Alembic environment: always run from inspector.db.migrate with a connection handed in."""

from __future__ import annotations

from alembic import context

from inspector.db.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite alters tables by copying them; batch mode does that for us.
    render_as_batch=True,
    # One transaction for the whole upgrade: all steps land, or none do.
    transaction_per_migration=False,
)
with context.begin_transaction():
    context.run_migrations()
    # Migrations run with foreign keys off (see migrate.migration_connection): check every
    # reference before the transaction commits, as SQLite's own procedure for altering tables
    # says, and undo everything if one is broken.
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise RuntimeError(f"migration left broken references: {broken[:5]}")
