"""Opening a database file over DB-API (SQLCipher keyed, or plain sqlite3), without SQLAlchemy:
the engine (inspector/db/engine.py) makes its connections here, and so does the home list's
reader that runs before SQLAlchemy is imported (inspector/listing.py)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

CIPHER_CACHE_KIB = -32768


def _sqlcipher() -> Any:
    from sqlcipher3 import dbapi2

    return dbapi2


def connect(path: Path | str, key: bytes | None) -> Any:
    """A DB-API connection to ``path``: SQLCipher keyed with ``key``, or plain sqlite3."""
    if key is None:
        return sqlite3.connect(path, check_same_thread=False)
    module = _sqlcipher()
    connection = module.connect(str(path), check_same_thread=False)
    try:
        # Its own log would print "hmac check failed" to stderr on a wrong key: we say it.
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        # A page read from the file costs a decryption and an HMAC check; the OS's file cache
        # spares a plain database the reads, SQLCipher's own page cache spares these. 32 MB per
        # connection (SQLite's default is 2 MB) keeps a searched list's pages decrypted.
        connection.execute(f"PRAGMA cache_size = {CIPHER_CACHE_KIB}")
        # The key is checked on the first read; a wrong key is "file is not a database".
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        connection.close()
        raise
    return connection
