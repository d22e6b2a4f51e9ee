"""Database failures sorted by SQLite's result code (as qutebrowser's misc/sql.py does): the ones
the user can do something about (a full disk, another program holding the file, a damaged or
read-only file) become a :class:`StorageError` with a message; anything else (a constraint
failure, a misused connection) is a bug and stays the exception it is, for the crash report.

The code, not the message's words: SQLite's texts change between versions and are English.
Python's sqlite3 (3.11+) and sqlcipher3 both put it on the exception (``sqlite_errorcode``);
sqlite3 gives the extended code (e.g. 2067, SQLITE_CONSTRAINT_UNIQUE), sqlcipher3 the primary
one (19), so only the low byte, the primary code, is compared (https://sqlite.org/rescode.html).
"""

from __future__ import annotations

import logging

from inspector.errors import StorageError

log = logging.getLogger(__name__)

# Primary result codes (https://sqlite.org/rescode.html).
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_PROTOCOL = 15
SQLITE_CONSTRAINT = 19
SQLITE_NOTADB = 26

DISK_FULL = "磁盘已满，未能保存。请清理磁盘空间后重试；已保存的数据未受影响。"
BUSY = "数据库正被另一个程序使用，请稍后重试。"
CORRUPT = "数据库文件已损坏或不是 Inspector 的数据库，请从备份恢复。"
READ_ONLY = "数据目录为只读，无法保存。请检查数据目录的写权限。"
CANT_OPEN = "无法打开数据库文件：请检查数据目录是否存在、是否有读写权限。"
IO_ERROR = "读写数据库文件时出错（磁盘或存储设备故障），未能保存。请检查磁盘后重试。"
SIGNED_AND_LOCKED = "该检查已数字签名并锁定，不能修改；如需更正请新建更正记录。"

MESSAGES: dict[int, str] = {
    SQLITE_FULL: DISK_FULL,
    SQLITE_BUSY: BUSY,
    SQLITE_LOCKED: BUSY,
    SQLITE_PROTOCOL: BUSY,  # a WAL lock race: transient, as busy
    SQLITE_CORRUPT: CORRUPT,
    SQLITE_NOTADB: CORRUPT,
    SQLITE_READONLY: READ_ONLY,
    SQLITE_CANTOPEN: CANT_OPEN,
    SQLITE_IOERR: IO_ERROR,
}

# The lock triggers of a signed inspection (migration 0005) abort with this text, our own words
# in our own schema (a constraint failure, code 19): the one refusal a user can meet. The
# schema's other triggers guard against bugs (a tombstone-less delete, an edited signature).
LOCK_TRIGGER = "inspection is signed and locked"


def sqlite_code(error: BaseException) -> int | None:
    """SQLite's primary result code of a DB-API error, or of the one SQLAlchemy wraps."""
    original = getattr(error, "orig", None) or error
    code = getattr(original, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def known_failure(error: BaseException) -> StorageError | None:
    """The user's message for a failure they can act on; None for a bug."""
    code = sqlite_code(error)
    if code == SQLITE_CONSTRAINT:
        original = getattr(error, "orig", None) or error
        if str(original) == LOCK_TRIGGER:
            return StorageError(SIGNED_AND_LOCKED)
        return None
    if code is None or code not in MESSAGES:
        return None
    log.warning("database: %s", getattr(getattr(error, "orig", error), "sqlite_errorname", code))
    return StorageError(MESSAGES[code])


def classify(error: BaseException) -> BaseException:
    """What to raise for a database error: a :class:`StorageError` (``from`` the error) for a
    known failure, the error itself for a bug."""
    known = known_failure(error)
    if known is None:
        return error
    known.__cause__ = error
    return known
