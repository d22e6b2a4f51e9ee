"""Bring a database to this version of the schema: back up first, upgrade in one transaction,
and refuse a database made by a newer Inspector."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import OperationalError

from inspector.db.engine import copy_database, make_engine
from inspector.db.revisions import MIGRATIONS, script_heads
from inspector.errors import DatabaseTooNew

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

# Alembic is imported only when a database has to change: importing it costs more than a
# bare Qt window takes to start, and at almost every start the schema is already current.


def stored_revisions(engine: Engine) -> set[str]:
    """What the database says it is at (empty for a new database), over the engine."""
    try:
        with engine.connect() as connection:
            rows = connection.exec_driver_sql("select version_num from alembic_version")
            return {row[0] for row in rows}
    except OperationalError:  # no such table: a new, empty database
        return set()


def _config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revisions() -> set[str]:
    """The newest revision of each branch. Work on separate issues may add migrations side by
    side from the same parent; the database then carries one row per branch."""
    from alembic.script import ScriptDirectory

    return set(ScriptDirectory.from_config(_config()).get_heads())


def current_revisions(engine: Engine) -> set[str]:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return set(MigrationContext.configure(connection).get_current_heads())


def backup(source: Engine | Path, backups: Path, label: str) -> Path:
    """A consistent copy through SQLite's backup API, over the engine's connection (a path:
    an engine is made for it, by the one factory)."""
    backups.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    engine = make_engine(source) if isinstance(source, Path) else source
    database = Path(engine.url.database or "inspector")
    target = backups / f"{database.stem}-{stamp}-{label}.sqlite3"
    try:
        copy_database(engine, target)
    finally:
        if isinstance(source, Path):
            engine.dispose()
    return target


def upgrade(engine: Engine, database: Path, backups: Path) -> Path | None:
    """Upgrade to head. Returns the backup made, if any (none for a new database)."""
    if stored_revisions(engine) == script_heads():
        return None
    from alembic import command
    from alembic.script import ScriptDirectory

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
                "数据库 {database} 由更新版本的 Inspector 创建（结构版本 {revision}），"
                "本程序无法打开。请升级 Inspector；数据未被改动。",
                database=database,
                revision=revision,
            ) from error
    label = "before-" + "+".join(sorted(heads))
    made = backup(engine, backups, label) if current else None
    with migration_connection(engine) as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "heads")
    log.info("schema %s -> %s (backup made: %s)", sorted(current), sorted(heads), made is not None)
    return made


@contextmanager
def migration_connection(engine: Engine) -> Iterator[Connection]:
    """A connection for migrations: foreign keys off (SQLite rebuilds a table to alter it, and
    dropping the old table would fail, or cascade, while answers refer to it), in one
    transaction. The pragma must be set outside a transaction, so on the raw connection."""
    with engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")
        # Triggers name the tables they guard; while a table is dropped and its copy renamed
        # in its place, modern ALTER TABLE would refuse them as dangling.
        raw.execute("PRAGMA legacy_alter_table=ON")
        try:
            with connection.begin():
                yield connection
        finally:
            raw.execute("PRAGMA legacy_alter_table=OFF")
            raw.execute("PRAGMA foreign_keys=ON")
