"""Bring a database to this version of the schema: back up first, upgrade in one transaction,
and refuse a database made by a newer Inspector."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from inspector.errors import DatabaseTooNew

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revisions() -> set[str]:
    """The newest revision of each branch. Work on separate issues may add migrations side by
    side from the same parent; the database then carries one row per branch."""
    return set(ScriptDirectory.from_config(_config()).get_heads())


def current_revisions(engine: Engine) -> set[str]:
    with engine.connect() as connection:
        return set(MigrationContext.configure(connection).get_current_heads())


def backup(database: Path, backups: Path, label: str) -> Path:
    """A consistent copy through SQLite's backup API (safe with WAL, unlike a file copy)."""
    backups.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = backups / f"{database.stem}-{stamp}-{label}.sqlite3"
    source = sqlite3.connect(database)
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    return target


def upgrade(engine: Engine, database: Path, backups: Path) -> Path | None:
    """Upgrade to head. Returns the backup made, if any (none for a new database)."""
    config = _config()
    scripts = ScriptDirectory.from_config(config)
    current = current_revisions(engine)
    heads = head_revisions()
    if current == heads:
        return None
    for revision in sorted(current):
        try:
            scripts.get_revision(revision)
        except Exception as error:
            raise DatabaseTooNew(
                f"数据库 {database} 由更新版本的 Inspector 创建（结构版本 {revision}），"
                "本程序无法打开。请升级 Inspector；数据未被改动。"
            ) from error
    label = "before-" + "+".join(sorted(heads))
    made = backup(database, backups, label) if current else None
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "heads")
    return made
