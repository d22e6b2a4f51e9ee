"""The kept record files (``<data dir>/records/<inspection>/``): every read of a record PDF goes
through here, as bytes or a copy written where the user asks — never as a path handed to a
caller, so that this is the one place that will decrypt them when the data are encrypted.
Writers (the build, the signing) ask it where a new file goes."""

from __future__ import annotations

import hashlib
import os
import tempfile
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, TYPE_CHECKING

from inspector.errors import StorageError
from inspector.evidence.store import _try_lock, disk_message
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
        self.home = home

    def _path(self, name: str) -> Path:
        path = (self.home.root / name).resolve()
        if self.home.records.resolve() not in path.parents:
            raise StorageError(f"记录文件不在数据目录的 records 中：{name}")
        return path

    def new_file(self, inspection_id: str, file_name: str) -> tuple[Path, str]:
        """Where a new record file of the inspection is written, and the name it is kept by
        (relative to the data directory, as the database stores it)."""
        path = self.home.records / inspection_id / file_name
        path.parent.mkdir(parents=True, exist_ok=True)
        return path, str(path.relative_to(self.home.root))

    def sibling(self, name: str, file_name: str) -> tuple[Path, str]:
        """A new file next to a kept one (a signed version next to the record it signs)."""
        path = self._path(name).with_name(file_name)
        return path, str(path.relative_to(self.home.root.resolve()))

    def read_bytes(self, name: str) -> bytes:
        try:
            return self._path(name).read_bytes()
        except FileNotFoundError as error:
            raise StorageError(f"记录文件缺失：{name}") from error
        except OSError as error:
            raise StorageError(f"无法读取记录文件 {name}：{error.strerror or error}") from error

    def save_copy(self, name: str, target: Path, sha256: str | None = None) -> Path:
        """Write a copy where the user asks (fsynced, atomically); checked against the hash
        the database keeps when given."""
        data = self.read_bytes(name)
        if sha256 is not None and hashlib.sha256(data).hexdigest() != sha256:
            raise StorageError(f"记录文件已被改动，未另存：{name}")
        try:
            write_atomically(Path(target), data, mode=0o666)
        except OSError as error:
            raise StorageError(disk_message(error)) from error
        return Path(target)

    def open(self, name: str) -> IO[bytes]:
        """A kept record file for reading, streamed (a bundle copies it out)."""
        try:
            return self._path(name).open("rb")
        except FileNotFoundError as error:
            raise StorageError("记录文件缺失：{name}", name=name) from error
        except OSError as error:
            raise StorageError(
                "无法读取记录文件 {name}：{error}", name=name, error=error.strerror or error
            ) from error

    def size_of(self, name: str) -> int:
        try:
            return self._path(name).stat().st_size
        except OSError as error:
            raise StorageError("记录文件缺失：{name}", name=name) from error

    def hash_of(self, name: str) -> str | None:
        """The SHA-256 of a kept record file, None when it is missing."""
        try:
            with self._path(name).open("rb") as data:
                digest = hashlib.sha256()
                while chunk := data.read(CHUNK):
                    digest.update(chunk)
        except FileNotFoundError:
            return None
        return digest.hexdigest()

    def journal(self, names: Iterable[str]) -> Journal:
        """Write down, durably, the record files a piece of work is about to write (a
        bundle's import), locked while it runs: if it dies before its rows are committed,
        :meth:`clean_incoming` removes the files no row names. Close it once committed."""
        folder = self.home.records / INCOMING
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{uuid.uuid4().hex}.journal"
        out = path.open("wb")
        if not _try_lock(out):
            out.close()
            raise StorageError("无法锁定临时文件")
        out.write("".join(f"{name}\n" for name in names).encode("utf-8"))
        out.flush()
        os.fsync(out.fileno())
        fsync_dir(folder)
        return Journal(path, out)

    def put_stream(self, name: str, source: IO[bytes], sha256: str) -> None:
        """Keep a record file under the name the database gives it, from a stream whose
        bytes must hash to ``sha256`` (temporary file, fsync, rename). The same bytes already
        there: nothing is written. Other bytes under that name: refused."""
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
            with os.fdopen(handle, "wb") as out:
                while chunk := source.read(CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            if digest.hexdigest() != sha256:
                raise StorageError("记录文件 {name} 的内容与其 SHA-256 不符", name=name)
            os.replace(temporary, path)
        except OSError as error:
            Path(temporary).unlink(missing_ok=True)
            raise StorageError(disk_message(error)) from error
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        fsync_dir(path.parent)

    def clean_incoming(self, referenced: Callable[[set[str]], set[str]]) -> int:
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
            keep = referenced(names)
            for name in names - keep:
                try:
                    path = self._path(name)
                except StorageError:
                    continue
                if path.is_file():
                    path.unlink()
                    removed += 1
            journal.unlink(missing_ok=True)
        return removed


def referenced_records(db: Database) -> Callable[[set[str]], set[str]]:
    """Of these record file names, the ones a row names."""
    from sqlalchemy import select

    from inspector.db.models import Record, RectificationOrder

    def referenced(names: set[str]) -> set[str]:
        if not names:
            return set()
        wanted = sorted(names)
        with db.session() as session:
            return set(session.scalars(select(Record.path).where(Record.path.in_(wanted)))) | set(
                session.scalars(
                    select(RectificationOrder.path).where(RectificationOrder.path.in_(wanted))
                )
            )

    return referenced
