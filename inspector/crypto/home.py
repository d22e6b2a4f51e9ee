"""An encrypted data directory: making one, unlocking it, and turning a plain one into one.

``encrypt_home`` is crash-safe. It builds the encrypted copy in ``<data dir>/.encrypting/``
(the database by ``sqlcipher_export``, every evidence file, record, key file and backup
re-encrypted under the new master key), verifies it (every table's row count, every evidence
file and record decrypts to the hash the database keeps), and only then writes ``COMMITTED``
into it (fsynced). Until that file exists the plain directory is the data directory and a
kill leaves it as it was (the next open removes the half-built copy). Once it exists the
switch rolls forward, at the next open if a kill stops it: each plain part is removed and the
encrypted part renamed in its place, the key file last, then the folder goes. Every step can
be done again, so a kill during the switch finishes at the next start.

Removing a file does not overwrite its blocks (SSDs and journaling file systems keep copies):
a directory that was plain for a long time should also have its free space wiped, or better
be encrypted before first use, which is what the app leads a new user to do.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

from inspector.crypto.files import FileCipher
from inspector.crypto.vault import Keys, Vault, VaultError
from inspector.errors import InvalidInput, StorageError
from inspector.files import fsync_dir, write_atomically
from inspector.paths import ENCRYPTING, DataDir, resolve_home
from inspector.progress import NullReporter, Reporter

STAGING = ENCRYPTING
COMMITTED = "COMMITTED"
# The parts of a data directory the switch replaces, in order (the key file comes last).
PARTS = ("inspector.sqlite3", "evidence", "records", "keys", "backups", "settlement")


def finish_interrupted(root: Path) -> str | None:
    """Finish or undo an encryption a kill interrupted. Called before a data directory is
    opened. Returns "rolled back", "finished" or None (nothing to do)."""
    staging = root / STAGING
    if not staging.is_dir():
        return None
    if not (staging / COMMITTED).is_file():
        shutil.rmtree(staging, ignore_errors=True)
        return "rolled back"
    _switch(root, staging)
    return "finished"


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


def _switch(root: Path, staging: Path) -> None:
    for part in PARTS:
        new = staging / part
        if not new.exists():
            continue  # moved already (or the plain directory had none)
        old = root / part
        _remove(old)
        if part == "inspector.sqlite3":
            for suffix in ("-wal", "-shm", "-journal"):
                (root / f"{part}{suffix}").unlink(missing_ok=True)
        os.replace(new, old)
        fsync_dir(root)
    if (staging / "vault.json").exists():
        os.replace(staging / "vault.json", root / "vault.json")
        fsync_dir(root)
    if (root / "vault.json").exists():  # an encrypted directory keeps no plain log of actions
        from inspector.diagnostics import drop_plain_log

        drop_plain_log(root)
    shutil.rmtree(staging, ignore_errors=True)
    fsync_dir(root)


# --- unlocking -------------------------------------------------------------------------------


def load_vault(home: str | Path | DataDir | None) -> Vault:
    data_dir = home if isinstance(home, DataDir) else resolve_home(home)
    finish_interrupted(data_dir.root)
    return Vault.load(data_dir.root)


def unlock(home: str | Path | DataDir | None, holder: str, passphrase: str) -> Keys:
    return load_vault(home).unlock(holder.strip(), passphrase)


def default_holder(vault: Vault, holder: str | None) -> str:
    """Who unlocks: the one given, or the only inspector with a passphrase."""
    if holder:
        return holder.strip()
    holders = vault.holders()
    if len(holders) == 1:
        return holders[0]
    raise InvalidInput(
        "本数据目录有多名检查人员的口令（{holders}）：请用 --as 执法证号 说明是谁",
        holders="、".join(holders),
    )


def create_encrypted(home: str | Path | None, holder: str, passphrase: str) -> Keys:
    """Make a new, empty data directory encrypted from the start (its first inspector's
    passphrase). Refused where data already is: use :func:`encrypt_home`."""
    data_dir = resolve_home(home)
    finish_interrupted(data_dir.root)
    if data_dir.encrypted:
        raise VaultError("数据目录已经加密：{root}", root=data_dir.root)
    if data_dir.database.exists():
        raise VaultError("数据目录中已有数据：请用 home encrypt 加密它")
    data_dir.root.mkdir(parents=True, exist_ok=True)
    vault, keys = Vault.create(data_dir.root, holder, passphrase)
    vault.save()
    return keys


# --- turning a plain directory into an encrypted one ------------------------------------------


def _walk(folder: Path) -> Iterator[Path]:
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                yield path


def _encrypt_file(cipher: FileCipher, source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with source.open("rb") as data, target.open("wb") as out:
        writer = cipher.writer(out)
        while chunk := data.read(1 << 20):
            writer.write(chunk)
        writer.close()
        out.flush()
        os.fsync(out.fileno())


def encrypt_home(
    home: str | Path | None,
    holder: str,
    passphrase: str,
    reporter: Reporter | None = None,
) -> Keys:
    """Encrypt a plain data directory in place (see the module's docstring). ``holder`` (a
    执法证号) gets the first passphrase wrap."""
    from inspector.workspace import Workspace

    reporter = reporter or NullReporter()
    data_dir = resolve_home(home)
    finish_interrupted(data_dir.root)
    if data_dir.encrypted:
        raise VaultError("数据目录已经加密：{root}", root=data_dir.root)
    if not data_dir.database.exists():
        raise VaultError("数据目录中没有数据库：{root}", root=data_dir.root)
    # Bring the plain directory to this version and finish interrupted work first.
    with Workspace.open(data_dir.root) as ws:
        evidence = list(ws.store.files())
        from inspector.db.models import Record

        with ws.db.session() as session:
            kept = {row.path: row.sha256 for row in session.query(Record).all()}
        counts = _row_counts(ws.db.engine)

    vault, keys = Vault.create(data_dir.root, holder, passphrase)
    staging = data_dir.root / STAGING
    shutil.rmtree(staging, ignore_errors=True)
    try:
        staging.mkdir()
        done = _build_encrypted(data_dir, staging, vault, keys, evidence, kept, counts, reporter)
    except Exception as error:
        # Nothing plain was touched before COMMITTED: the copy goes, the directory stays plain.
        shutil.rmtree(staging, ignore_errors=True)
        cause = error.__cause__ if isinstance(error, StorageError) else error
        if _disk_full(cause):
            raise StorageError(
                "磁盘空间不足，数据目录未加密，原数据目录未改动。加密时需要约与现有数据同样大小的"
                "空闲空间，请清理磁盘后重试。"
            ) from error
        if isinstance(cause, OSError):
            raise StorageError(
                "无法写入加密副本（{error}），数据目录未加密，原数据目录未改动。",
                error=cause.strerror or str(cause),
            ) from error
        raise
    reporter.advance(done, "切换")
    _switch(data_dir.root, staging)
    return keys


def _disk_full(error: BaseException | None) -> bool:
    """No space left: a file's write, or SQLite's (SQLCipher's) SQLITE_FULL while the database
    is copied (by its result code, see inspector/db/errors.py)."""
    from inspector.db.errors import SQLITE_FULL, sqlite_code

    if isinstance(error, OSError):
        return error.errno in (errno.ENOSPC, errno.EDQUOT)
    return error is not None and sqlite_code(error) == SQLITE_FULL


def _build_encrypted(
    data_dir: DataDir,
    staging: Path,
    vault: Vault,
    keys: Keys,
    evidence: list[Path],
    kept: dict[str, str],
    counts: dict[str, int],
    reporter: Reporter,
) -> int:
    """The encrypted copy in ``staging``, verified, then COMMITTED written into it. Returns
    the steps done (for the reporter)."""
    from inspector.db.engine import Database, encrypt_database

    cipher = keys.file_cipher()
    target = DataDir(staging, cipher=cipher)
    files = [*evidence, *_walk(data_dir.records), *_walk(data_dir.keys)]
    backups = sorted(data_dir.backups.glob("*.sqlite3")) if data_dir.backups.is_dir() else []
    reporter.start(len(files) + len(backups) + 2, "正在加密数据目录…")
    done = 0

    encrypt_database(data_dir.database, target.database, keys.database)
    done += 1
    reporter.advance(done, "数据库")
    from inspector.evidence.store import EvidenceStore

    new_store = EvidenceStore(target.evidence, cipher)
    for path in evidence:
        logical = path.name  # <sha256><suffix>
        sha, suffix = logical[:64], logical[64:]
        new_store.copy_in(path, sha, suffix)
        done += 1
        reporter.advance(done, logical)
    from inspector.record.store import RecordStore

    new_records = RecordStore(target)
    for path in _walk(data_dir.records):
        name = "records/" + path.relative_to(data_dir.records).as_posix()
        new_records.write(name, path.read_bytes())
        done += 1
    for path in _walk(data_dir.keys):
        relative = path.relative_to(data_dir.keys)
        out = target.keys / relative
        if relative.parts[0] == "trusted":  # public CA certificates, read by other tools too
            out.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, out)
        else:
            _encrypt_file(cipher, path, out)
        done += 1
    # The settlement detail (inspector/settlement/store.py): patients' charges, never left plain.
    from inspector.settlement.store import FOLDER, encrypt_plain_details

    done += encrypt_plain_details(data_dir.root / FOLDER, staging / FOLDER, cipher)
    target.backups.mkdir(parents=True, exist_ok=True)
    for path in backups:
        encrypt_database(path, target.backups / path.name, keys.database)
        done += 1
        reporter.advance(done, path.name)
    for folder in (target.evidence, target.records, target.keys, target.backups):
        folder.mkdir(parents=True, exist_ok=True)
        for directory in {p.parent for p in _walk(folder)} | {folder}:
            fsync_dir(directory)

    # Verify before anything plain is touched.
    check = Database(target.database, keys.database)
    try:
        if _row_counts(check.engine) != counts:
            raise VaultError("加密副本的数据与原数据不一致，已放弃加密；原数据目录未改动。")
    finally:
        check.dispose()
    for path in evidence:
        sha, suffix = path.name[:64], path.name[64:]
        if new_store.hash_of(sha, suffix) != sha:
            raise VaultError("加密副本的证据文件校验失败，已放弃加密；原数据目录未改动。")
    for name, sha in kept.items():
        try:
            same = hashlib.sha256(new_records.read_bytes(name)).hexdigest() == sha
        except Exception:  # a record the database names but the folder lacked: as before
            same = not (data_dir.root / name).exists()
        if not same:
            raise VaultError("加密副本的记录文件校验失败，已放弃加密；原数据目录未改动。")
    vault.root = staging
    vault.save()
    write_atomically(staging / COMMITTED, b"verified\n")
    return done + 1


def _row_counts(engine: object) -> dict[str, int]:
    from sqlalchemy import Engine

    assert isinstance(engine, Engine)
    with engine.connect() as connection:
        tables = [
            row[0]
            for row in connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return {
            table: int(connection.exec_driver_sql(f'SELECT count(*) FROM "{table}"').scalar() or 0)
            for table in tables
        }
