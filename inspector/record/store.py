"""The kept record files (``<data dir>/records/<inspection>/``): every read and write of a record
PDF goes through here, as bytes or a copy written where the user asks — never as a path handed
to a caller to read. Records are known by their *name* (``records/<inspection>/<file>.pdf``, as
the database stores it); in an encrypted data directory the file under that name is
AES-256-GCM (inspector/crypto/files.py) and lies at ``records/<HMAC of the name>``, so the
directory shows neither inspections nor file names."""

from __future__ import annotations

import hashlib
import os
import tempfile
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath
from typing import IO, TYPE_CHECKING, Any

from inspector.errors import StorageError
from inspector.evidence.store import _try_lock, disk_error
from inspector.files import fsync_dir, write_atomically
from inspector.paths import DataDir

if TYPE_CHECKING:
    from inspector.db.engine import Database


CHUNK = 1 << 20


class Journal:
    """A locked journal of record files being written (see :meth:`RecordStore.journal`)."""

    def __init__(self, path: Path, handle: IO[bytes]) -> None:
        self.path = path
        self.handle = handle

    def close(self) -> None:
        """The rows are committed (or the work wrote nothing): the journal goes."""
        self.path.unlink(missing_ok=True)
        self.handle.close()

    def abandon(self) -> None:
        """The work failed: leave the journal for the next start to finish."""
        self.handle.close()


INCOMING = ".incoming"  # journals of record files written before their rows were committed


class RecordStore:
    def __init__(self, home: DataDir) -> None:
        if home.cipher is None and home.encrypted:  # locked: never read or write in clear
            raise StorageError("数据目录已锁定：请先解锁")
        self.home = home
        self.cipher = home.cipher

    def _path(self, name: str) -> Path:
        if self.cipher is not None:
            parts = PurePosixPath(name.replace("\\", "/")).parts
            if len(parts) < 2 or parts[0] != "records" or ".." in parts:
                raise StorageError("记录文件不在数据目录的 records 中：{name}", name=name)
            return self.home.records / self.cipher.name(str(PurePosixPath(*parts)))
        path = (self.home.root / name).resolve()
        if self.home.records.resolve() not in path.parents:
            raise StorageError("记录文件不在数据目录的 records 中：{name}", name=name)
        return path

    def name_for(self, inspection_id: str, file_name: str) -> str:
        """The name a new record file of the inspection is kept by."""
        return str(PurePosixPath("records", inspection_id, file_name))

    def sibling_name(self, name: str, file_name: str) -> str:
        """The name of a new file next to a kept one (a signed version of the record)."""
        return str(PurePosixPath(name.replace("\\", "/")).with_name(file_name))

    def write(self, name: str, data: bytes | memoryview) -> Path:
        """Keep ``data`` under ``name``, atomically and fsynced (encrypted when the data
        directory is). Returns where it lies (for the plain store, the PDF itself)."""
        path = self._path(name)
        payload = self.cipher.encrypt(data) if self.cipher is not None else data
        try:
            write_atomically(path, payload)
        except OSError as error:
            raise disk_error(error) from error
        return path

    def new_file(self, inspection_id: str, file_name: str) -> tuple[Path, str]:
        """Plain stores only (older callers that write the file themselves): where a new record
        file goes and its name. Use :meth:`name_for` and :meth:`write`."""
        if self.cipher is not None:
            raise StorageError("加密的数据目录中记录文件只能经由 RecordStore.write 写入")
        path = self.home.records / inspection_id / file_name
        path.parent.mkdir(parents=True, exist_ok=True)
        return path, str(path.relative_to(self.home.root))

    def sibling(self, name: str, file_name: str) -> tuple[Path, str]:
        """Plain stores only, like :meth:`new_file`."""
        if self.cipher is not None:
            raise StorageError("加密的数据目录中记录文件只能经由 RecordStore.write 写入")
        path = self._path(name).with_name(file_name)
        return path, str(path.relative_to(self.home.root.resolve()))

    def read_bytes(self, name: str) -> bytes:
        try:
            path = self._path(name)
            if self.cipher is not None:
                return self.cipher.read(path)
            return path.read_bytes()
        except FileNotFoundError as error:
            raise StorageError("记录文件缺失：{name}", name=name) from error
        except OSError as error:
            raise StorageError(
                "无法读取记录文件 {name}：{error}", name=name, error=error.strerror or error
            ) from error

    def save_copy(self, name: str, target: Path, sha256: str | None = None) -> Path:
        """Write a copy where the user asks (fsynced, atomically); checked against the hash
        the database keeps when given."""
        data = self.read_bytes(name)
        if sha256 is not None and hashlib.sha256(data).hexdigest() != sha256:
            raise StorageError("记录文件已被改动，未另存：{name}", name=name)
        try:
            write_atomically(Path(target), data, mode=0o666)
        except OSError as error:
            raise disk_error(error) from error
        return Path(target)

    def open(self, name: str) -> IO[bytes]:
        """A kept record file for reading, streamed (a bundle copies it out), decrypted when
        the data directory is encrypted."""
        try:
            path = self._path(name)
            return self.cipher.open(path) if self.cipher is not None else path.open("rb")
        except FileNotFoundError as error:
            raise StorageError("记录文件缺失：{name}", name=name) from error
        except OSError as error:
            raise StorageError(
                "无法读取记录文件 {name}：{error}", name=name, error=error.strerror or error
            ) from error

    def size_of(self, name: str) -> int:
        """The size of the record (the PDF's bytes, not its encrypted file's)."""
        if self.cipher is not None:
            with self.open(name) as data:
                return data.seek(0, os.SEEK_END)
        try:
            return self._path(name).stat().st_size
        except OSError as error:
            raise StorageError("记录文件缺失：{name}", name=name) from error

    def hash_of(self, name: str) -> str | None:
        """The SHA-256 of a kept record file (its PDF bytes), None when it is missing."""
        try:
            with self.open(name) as data:
                digest = hashlib.sha256()
                while chunk := data.read(CHUNK):
                    digest.update(chunk)
        except StorageError:
            if not self._path(name).exists():
                return None
            raise
        return digest.hexdigest()

    def journal(self, names: Iterable[str]) -> Journal:
        """Write down, durably, the record files a piece of work is about to write (a
        bundle's import), locked while it runs: if it dies before its rows are committed,
        :meth:`clean_incoming` removes the files no row names. Close it once committed.
        (In an encrypted directory the journal names records by their HMAC file names.)"""
        folder = self.home.records / INCOMING
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{uuid.uuid4().hex}.journal"
        out = path.open("wb")
        if not _try_lock(out):
            out.close()
            raise StorageError("无法锁定临时文件")
        out.write("".join(f"{self._journal_name(n)}\n" for n in names).encode("utf-8"))
        out.flush()
        os.fsync(out.fileno())
        fsync_dir(folder)
        return Journal(path, out)

    def _journal_name(self, name: str) -> str:
        # What a journal may hold in clear: the name, or in an encrypted store its file name.
        return self._path(name).name if self.cipher is not None else name

    def put_stream(self, name: str, source: IO[bytes], sha256: str) -> None:
        """Keep a record file under the name the database gives it, from a stream whose
        bytes must hash to ``sha256`` (temporary file, fsync, rename; encrypted as it is
        written when the directory is). The same bytes already there: nothing is written.
        Other bytes under that name: refused."""
        path = self._path(name)
        existing = self.hash_of(name)
        if existing == sha256:
            return
        if existing is not None:
            raise StorageError("记录文件 {name} 已存在且内容不同，未覆盖", name=name)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".in-")
        digest = hashlib.sha256()
        try:
            with os.fdopen(handle, "wb") as raw:
                out: Any = self.cipher.writer(raw) if self.cipher is not None else raw
                while chunk := source.read(CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
                if self.cipher is not None:
                    out.close()
                raw.flush()
                os.fsync(raw.fileno())
            if digest.hexdigest() != sha256:
                raise StorageError("记录文件 {name} 的内容与其 SHA-256 不符", name=name)
            os.replace(temporary, path)
        except OSError as error:
            Path(temporary).unlink(missing_ok=True)
            raise disk_error(error) from error
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        fsync_dir(path.parent)

    def clean_incoming(self, referenced: Callable[[set[str] | None], set[str]]) -> int:
        """Finish an interrupted import: the record files a left-over journal names that no
        row refers to are deleted, with the journal. Returns how many files went."""
        folder = self.home.records / INCOMING
        if not folder.is_dir():
            return 0
        removed = 0
        for journal in sorted(folder.glob("*.journal")):
            try:
                handle = journal.open("ab")
            except OSError:
                continue
            try:
                if not _try_lock(handle):
                    continue  # an import still running
            finally:
                handle.close()
            try:
                names = {n for n in journal.read_text("utf-8", "replace").splitlines() if n}
            except OSError:
                continue
            for path in self._unreferenced(names, referenced):
                if path.is_file():
                    path.unlink()
                    removed += 1
            journal.unlink(missing_ok=True)
        return removed

    def _unreferenced(
        self, names: set[str], referenced: Callable[[set[str] | None], set[str]]
    ) -> list[Path]:
        """The files of a journal's names that no row refers to."""
        if self.cipher is None:
            keep = referenced(names)
            found = []
            for name in names - keep:
                try:
                    found.append(self._path(name))
                except StorageError:
                    continue
            return found
        # Encrypted: the journal holds file names; a row's name maps to its file name.
        kept = {self._path(n).name for n in referenced(None)}
        return [self.home.records / n for n in names - kept if "/" not in n and n != INCOMING]


def referenced_records(db: Database) -> Callable[[set[str] | None], set[str]]:
    """Of these record file names, the ones a row names (None: every name a row gives)."""
    from sqlalchemy import select

    from inspector.db.models import CaseDocument, EnforcementDocument, Record, RectificationOrder

    columns = (Record.path, RectificationOrder.path, EnforcementDocument.path, CaseDocument.path)

    def referenced(names: set[str] | None) -> set[str]:
        with db.session() as session:
            if names is None:
                return {path for column in columns for path in session.scalars(select(column))}
            if not names:
                return set()
            wanted = sorted(names)
            return {
                path
                for column in columns
                for path in session.scalars(select(column).where(column.in_(wanted)))
            }

    return referenced
