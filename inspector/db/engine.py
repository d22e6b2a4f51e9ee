"""The one place that makes the database engine and sessions, and opens a database file (with
inspector/db/connect.py, its DB-API half, which the early home list uses without SQLAlchemy).

An encrypted data directory's database is SQLCipher (``sqlcipher3``, SQLCipher 4: AES-256 pages
with HMAC-SHA512), opened with a raw 256-bit key (``PRAGMA key = "x'…'"``: no per-connection key
derivation; the key comes from the master key, see inspector/crypto/vault.py). A plain data
directory (tests, and the one ``home encrypt`` converts) opens with the standard sqlite3 module
as before. Backups are copies over the same module and key, so a backup is as encrypted as its
database.
"""

from __future__ import annotations

import sqlite3
import uuid
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from inspector.db.connect import _sqlcipher, connect
from inspector.db.errors import known_failure
from inspector.db.models import Setting
from inspector.errors import StorageError


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # The sqlite3 module's own transaction handling skips BEGIN before DDL; take it over so that
    # every transaction, migrations included, is a real one (SQLAlchemy's documented recipe).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    # FULL: a committed answer survives a power cut, not only a crash (WAL+NORMAL may lose it).
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _on_begin(connection: Any) -> None:
    # BEGIN IMMEDIATE where asked (inspector/audit.py): the write lock before the first read.
    mode = connection.get_execution_options().get("sqlite_begin", "")
    connection.exec_driver_sql(f"BEGIN {mode}".strip())


# The key each engine was made with, for backups over the same key (never written anywhere).
_KEYS: weakref.WeakKeyDictionary[Engine, bytes | None] = weakref.WeakKeyDictionary()


def make_engine(path: Path, key: bytes | None = None) -> Engine:
    path.parent.mkdir(parents=True, exist_ok=True)
    # The default pool keeps a few connections open, one per thread at a time. A connection per
    # use (NullPool) cost a connect, and a WAL checkpoint at every close, on each answer saved
    # and each photo taken in.
    if key is None:
        engine = create_engine(f"sqlite:///{path}", pool_size=4, max_overflow=4)
    else:
        engine = create_engine(
            f"sqlite:///{path}",
            module=_sqlcipher(),
            creator=lambda: connect(path, key),
            pool_size=4,
            max_overflow=4,
        )
    _KEYS[engine] = key
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def copy_database(engine: Engine, target: Path) -> None:
    """A consistent copy of the engine's database into ``target`` through SQLite's backup API
    (safe with WAL, unlike a file copy), read over one of the engine's own connections. With
    :func:`make_engine`, the one place that opens a database file."""
    raw = engine.raw_connection()
    try:
        source = raw.driver_connection
        assert source is not None
        destination = connect(target, engine_key(engine))
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        raw.close()


def engine_key(engine: Engine) -> bytes | None:
    """The SQLCipher key an engine was made with (None: plain)."""
    return _KEYS.get(engine)


def encrypt_database(source: Path, target: Path, key: bytes) -> None:
    """Copy a plain database into a new SQLCipher file (``sqlcipher_export``): every table,
    index, trigger and the schema version, as one statement."""
    connection = _sqlcipher().connect(str(source))
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{key.hex()}'\"", (str(target),))
        connection.execute("SELECT sqlcipher_export('encrypted')")
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        connection.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        connection.execute("DETACH DATABASE encrypted")
    finally:
        connection.close()


def scratch_connection(path: Path, key: bytes | None = None) -> Any:
    """A throw-away SQLite file for bulk work (the claims sample's rows): no journal, no
    fsync, a 32 MB cache for its index and sorts. Never the data directory's database. In an
    encrypted data directory it is SQLCipher under a key of its own, forgotten when done."""
    connection = connect(path, key) if key is not None else sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = OFF")
    connection.execute("PRAGMA synchronous = OFF")
    connection.execute("PRAGMA cache_size = -32768")
    return connection


class WriteOutsideChange(RuntimeError):
    """A bug: a row written by a session that no ``ws.change`` opened (see :class:`_Session`)."""


class _Session(Session):
    """Every session the app opens. Outside ``ws.change`` it is read-only: a flush that would
    write any row but a :class:`Setting` (the device id, the UI's own state) raises. This is what
    makes the audited unit of work (inspector/audit.py) the only door to the data, not a
    convention; ``change`` marks its session with ``info["change"]``."""


def _read_only_outside_change(session: Session, _context: Any, _instances: Any) -> None:
    if "change" in session.info:
        return
    rows = [
        row
        for row in (*session.new, *session.dirty, *session.deleted)
        if not isinstance(row, Setting) and (row not in session.dirty or session.is_modified(row))
    ]
    if rows:
        names = ", ".join(sorted({type(row).__name__ for row in rows}))
        raise WriteOutsideChange(f"write outside ws.change: {names}")


event.listen(_Session, "before_flush", _read_only_outside_change)

# Called as each session opens (tests arm it: ui/ops and tests/helpers/threads.py); None in the
# app. The UI's rule "no session on the UI thread" is checked here, where every session starts.
session_opened: Callable[[], None] | None = None


class Database:
    """Engine, sessions and this laptop's device id."""

    def __init__(self, path: Path, key: bytes | None = None) -> None:
        self.path = path
        self.engine = make_engine(path, key)
        self._sessions = sessionmaker(self.engine, class_=_Session, expire_on_commit=False)
        self._device_id: str | None = None
        self.locked = False

    @classmethod
    def in_memory(cls) -> Database:
        """A throwaway database in memory with the laptop's tables (``Base.metadata``: no
        migrations, triggers or foreign-key checks), for the laptop's own queries over rows
        gathered elsewhere (the central service's reports, inspector/central/reports.py).
        One connection, shared by the threads that use it one after another."""
        from sqlalchemy.pool import StaticPool

        from inspector.db.models import Base

        db = cls.__new__(cls)
        db.path = Path(":memory:")
        db.engine = create_engine(
            "sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False}
        )
        Base.metadata.create_all(db.engine)
        db._sessions = sessionmaker(db.engine, class_=_Session, expire_on_commit=False)
        db._device_id = None
        db.locked = False
        return db

    def lock(self) -> None:
        """Close every connection and forget the key (an encrypted directory's lock): each
        later session is refused until :meth:`unlock`."""
        self.engine.dispose()
        _KEYS.pop(self.engine, None)
        # The engine's connection factory holds the key: drop it (and its sessions) for an
        # engine over nothing. Python cannot wipe the bytes; no reference to them is kept.
        self.engine = create_engine("sqlite://")
        self._sessions = sessionmaker(self.engine, class_=_Session, expire_on_commit=False)
        self.locked = True

    def unlock(self, key: bytes | None) -> None:
        engine = make_engine(self.path, key)
        try:
            with engine.connect():  # the key is checked here, before anything uses it
                pass
        except BaseException:
            engine.dispose()
            raise
        self.engine = engine
        self._sessions = sessionmaker(self.engine, class_=_Session, expire_on_commit=False)
        self.locked = False

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed when the block ends, rolled back if it raises."""
        if self.locked:
            raise StorageError("数据目录已锁定：请先解锁")
        if session_opened is not None:
            session_opened()
        session = self._sessions()
        try:
            yield session
            session.commit()
        except DBAPIError as error:  # known failures by SQLite's code; a bug stays itself
            session.rollback()
            known = known_failure(error)
            if known is None:
                raise
            raise known from error
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def reading(self) -> Iterator[Any]:
        """One of the engine's DB-API connections, for statements written in SQL once and run
        before SQLAlchemy is loaded too (inspector/listing.py); errors as :meth:`session`'s."""
        if self.locked:
            raise StorageError("数据目录已锁定：请先解锁")
        if session_opened is not None:
            session_opened()
        raw = self.engine.raw_connection()
        try:
            yield raw.driver_connection
        except Exception as error:
            known = known_failure(error)
            if known is None:
                raise
            raise known from error
        finally:
            raw.close()

    def load_device_id(self) -> str:
        """This laptop's id, made on first use. Called once at open, after migrations, so that
        no later write has to make it inside another transaction."""
        with self.session() as session:
            setting = session.get(Setting, "device_id")
            if setting is None:
                setting = Setting(key="device_id", value=str(uuid.uuid4()))
                session.add(setting)
            self._device_id = setting.value
        return self._device_id

    @property
    def device_id(self) -> str:
        if self._device_id is None:
            raise RuntimeError("device id not loaded: open the database through Workspace.open")
        return self._device_id

    def setting(self, key: str) -> str | None:
        with self.session() as session:
            return session.scalar(select(Setting.value).where(Setting.key == key))

    def set_setting(self, key: str, value: str) -> None:
        with self.session() as session:
            session.merge(Setting(key=key, value=value))

    def dispose(self) -> None:
        self.engine.dispose()
