"""Alembic environment of the central server's schema (not the laptop's): the connection is
handed in by inspector/central/db.py through ``config.attributes["connection"]``."""

from __future__ import annotations

from alembic import context

from inspector.central.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata)
with context.begin_transaction():
    context.run_migrations()
