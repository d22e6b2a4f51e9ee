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
