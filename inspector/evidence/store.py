"""The content-addressed file store: every evidence file is kept once, unchanged, under the
SHA-256 of its bytes. All file writes of evidence go through here, and so does encryption at
rest: in an encrypted data directory (a :class:`~inspector.crypto.files.FileCipher` given) each
file is AES-256-GCM under its own key, from the first byte written to the scratch folder (no
plaintext copy ever touches the disk), and stored under an HMAC of its hash and suffix.

Files come in through a :class:`Scratch`: a folder of its own under ``.incoming/`` holding the
temporary copies and a journal of every hash the work may put into (or take out of) the store,
locked while the work runs. The order for each file is: copy to a temporary name and fsync;
journal its hash and fsync; rename into the store; only then is the database row committed.
So a crash at any moment leaves either a stored file named in a journal, or a row whose file
is there. At the next start :meth:`EvidenceStore.clean_incoming` opens the journals that no
live process holds, removes the stored files they name that no row refers to, and removes the
folder: nothing half-made and no file that no row names is left behind.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import tempfile
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from inspector.crypto.files import FileCipher
from inspector.errors import StorageError
from inspector.files import fsync_dir

CHUNK = 1 << 20
INCOMING = ".incoming"
JOURNAL = "journal"
LOCK = "lock"

Referenced = Callable[[set[str]], set[str]]  # of these hashes, the ones a database row names


def disk_error(error: OSError) -> StorageError:
    """A file that could not be written, as the user's message (a template, translatable)."""
    import errno

    if error.errno == errno.ENOSPC:
        return StorageError("磁盘已满，文件未保存。请清理磁盘空间后重试；已保存的数据未受影响。")
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return StorageError("没有写入数据目录的权限（或磁盘为只读），文件未保存。")
    return StorageError("文件未保存：{error}", error=error.strerror or str(error))


def disk_message(error: OSError) -> str:
    """:func:`disk_error`'s text (callers that build the error themselves)."""
    return str(disk_error(error))


def _try_lock(handle: IO[bytes]) -> bool:
    """An exclusive lock held until the handle is closed or the process dies."""
    try:
        if os.name == "nt":
            import msvcrt

            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as data:
        while chunk := data.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass
class Staged:
    """A file copied into a scratch folder, hashed and flushed, not yet in the store."""

    path: Path
    sha256: str
    size: int
    # In an encrypted store, the bytes as read (a photo up to KEEP_PLAIN), so that the decode
    # that follows need not decrypt the staged copy again; dropped once decoded. Memory only.
    plain: bytes | None = field(default=None, repr=False)


KEEP_PLAIN = 32 << 20


class Scratch:
    """One piece of work's temporary files and journal (see the module's docstring). Methods may
    be called from several threads at once."""

    def __init__(self, store: EvidenceStore) -> None:
        self.store = store
        store.incoming.mkdir(parents=True, exist_ok=True)
        self.directory = store.incoming / uuid.uuid4().hex
        self.directory.mkdir()
        self._lock_handle = (self.directory / LOCK).open("wb")
        if not _try_lock(self._lock_handle):  # a fresh folder: nobody else can hold it
            self._lock_handle.close()
            raise StorageError("无法锁定临时文件夹")
        self._journal = (self.directory / JOURNAL).open("ab")
        self._guard = threading.Lock()
        self.journaled: set[tuple[str, str]] = set()

    # --- in ---------------------------------------------------------------------------

    def stage(self, source: Path) -> Staged:
        """Copy a file in, hashing the bytes as they are read (never the whole file in memory)."""
        handle, temporary = tempfile.mkstemp(dir=self.directory, prefix="in-")
        digest = hashlib.sha256()
        size = 0
        cipher = self.store.cipher
        kept: list[bytes] | None = [] if cipher is not None else None
        try:
            with os.fdopen(handle, "wb") as out, source.open("rb") as data:
                writer = cipher.writer(out) if cipher is not None else None
                while chunk := data.read(CHUNK):
                    digest.update(chunk)
                    (writer or out).write(chunk)
                    size += len(chunk)
                    if kept is not None and size <= KEEP_PLAIN:
                        kept.append(chunk)
                    else:
                        kept = None  # too big to hold: the decode reads the staged copy
                if writer is not None:
                    writer.close()  # seals the last segment
                out.flush()
                os.fsync(out.fileno())
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        plain = b"".join(kept) if kept is not None else None
        return Staged(Path(temporary), digest.hexdigest(), size, plain)

    def stage_bytes(self, data: bytes) -> Staged:
        handle, temporary = tempfile.mkstemp(dir=self.directory, prefix="in-")
        cipher = self.store.cipher
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(cipher.encrypt(data) if cipher is not None else data)
                out.flush()
                os.fsync(out.fileno())
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return Staged(Path(temporary), hashlib.sha256(data).hexdigest(), len(data))

    def open(self, staged: Staged) -> IO[bytes]:
        """A staged file's bytes for reading (decrypted as read in an encrypted store)."""
        if staged.plain is not None:
            return io.BytesIO(staged.plain)
        return self.store._open_path(staged.path)

    def journal(self, entries: Iterable[tuple[str, str]]) -> None:
        """Write down, durably, hashes (with their suffix) this work may add or remove."""
        new = [entry for entry in entries if entry not in self.journaled]
        if not new:
            return
        with self._guard:
            self._journal.write("".join(f"{sha} {suffix}\n" for sha, suffix in new).encode())
            self._journal.flush()
            os.fsync(self._journal.fileno())
            self.journaled.update(new)

    def keep(self, items: Iterable[tuple[Staged, str]]) -> None:
        """Journal, then move staged files into the store under their hash. A file whose bytes
        are already kept is not touched: the same photo twice is one file."""
        items = list(items)
        self.journal((staged.sha256, suffix) for staged, suffix in items)
        directories: set[Path] = set()
        for staged, suffix in items:
            target = self.store.path_for(staged.sha256, suffix)
            if target.is_file():
                staged.path.unlink(missing_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staged.path, target)
            directories.add(target.parent)
        for directory in directories:
            fsync_dir(directory)

    def stage_stream(
        self,
        source: IO[bytes],
        expected_sha256: str | None = None,
        *,
        hashed_by_caller: bool = False,
    ) -> Staged:
        """Copy a stream in (a bundle's member), hashing as it is read; with
        ``expected_sha256``, bytes that hash otherwise are refused and nothing is kept. With
        ``hashed_by_caller`` (and ``expected_sha256``) the caller hashes the bytes it hands
        over itself and keeps the file only once they match (a bundle's import): not twice."""
        handle, temporary = tempfile.mkstemp(dir=self.directory, prefix="in-")
        digest = None if hashed_by_caller and expected_sha256 else hashlib.sha256()
        size = 0
        cipher = self.store.cipher
        try:
            with os.fdopen(handle, "wb") as out:
                # Encrypted from the first byte in an encrypted store, as stage() does.
                writer = cipher.writer(out) if cipher is not None else None
                while chunk := source.read(CHUNK):
                    if digest is not None:
                        digest.update(chunk)
                    (writer or out).write(chunk)
                    size += len(chunk)
                if writer is not None:
                    writer.close()
                out.flush()
                os.fsync(out.fileno())
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        actual = expected_sha256 if digest is None else digest.hexdigest()
        staged = Staged(Path(temporary), str(actual), size)
        if expected_sha256 is not None and staged.sha256 != expected_sha256:
            self.discard(staged)
            raise StorageError(
                "文件内容与其 SHA-256 不符：应为 {expected}，实为 {actual}",
                expected=expected_sha256,
                actual=staged.sha256,
            )
        return staged

    def put_bytes(self, data: bytes, suffix: str) -> str:
        staged = self.stage_bytes(data)
        self.keep([(staged, suffix)])
        return staged.sha256

    def discard(self, staged: Staged) -> None:
        staged.path.unlink(missing_ok=True)

    # --- out --------------------------------------------------------------------------

    def remove_unreferenced(self, referenced: Referenced) -> int:
        """Delete the journaled files that no row names (work cancelled or failed, or files
        whose last row was removed). Returns how many were deleted."""
        return _remove_unreferenced(self.store, self.journaled, referenced)

    def close(self, referenced: Referenced | None) -> None:
        """End the work: clean up what no row names, then remove the folder. Without a way to
        ask the database, the folder is left for the next start to finish."""
        if referenced is None:
            self._journal.close()
            self._lock_handle.close()
            return
        self.remove_unreferenced(referenced)
        self._journal.close()
        self._lock_handle.close()
        shutil.rmtree(self.directory, ignore_errors=True)


def _remove_unreferenced(
    store: EvidenceStore, entries: set[tuple[str, str]], referenced: Referenced
) -> int:
    if not entries:
        return 0
    keep = referenced({sha for sha, _ in entries})
    removed = 0
    for sha, suffix in entries:
        if sha in keep:
            continue
        path = store.path_for(sha, suffix)
        if path.is_file():
            path.unlink()
            removed += 1
    return removed


def _read_journal(path: Path) -> set[tuple[str, str]]:
    entries: set[tuple[str, str]] = set()
    try:
        text = path.read_bytes().decode("ascii", "replace")
    except OSError:
        return entries
    for line in text.splitlines():
        sha, _, suffix = line.partition(" ")
        # A line cut by a crash is incomplete: its file was never renamed into the store.
        if len(sha) == 64 and all(c in "0123456789abcdef" for c in sha) and suffix[:1] == ".":
            entries.add((sha, suffix.strip()))
    return entries


class EvidenceStore:
    def __init__(self, root: Path, cipher: FileCipher | None = None) -> None:
        self.root = root
        self.incoming = root / INCOMING
        self.cipher = cipher
        self.locked = False

    @property
    def encrypted(self) -> bool:
        return self.cipher is not None

    def lock(self) -> None:
        """Forget the cipher: every read and write is refused until :meth:`unlock`."""
        self.cipher = None
        self.locked = True

    def unlock(self, cipher: FileCipher) -> None:
        self.cipher = cipher
        self.locked = False

    def _check_open(self) -> None:
        if self.locked:
            raise StorageError("数据目录已锁定：请先解锁")

    def path_for(self, sha256: str, suffix: str) -> Path:
        self._check_open()
        if self.cipher is not None:
            name = self.cipher.name(f"{sha256}{suffix}")
            return self.root / name[:2] / name
        # The suffix (from the detected type, never the user's file name) keeps the plain store
        # readable by hand; readers get bytes, and reportlab is given the JPEG's bytes.
        return self.root / sha256[:2] / f"{sha256}{suffix}"

    def _open_path(self, path: Path) -> IO[bytes]:
        self._check_open()
        if self.cipher is not None:
            return self.cipher.open(path)
        return path.open("rb")

    @contextmanager
    def scratch(self, referenced: Referenced | None) -> Iterator[Scratch]:
        """A scratch folder for one piece of work; cleaned when the block ends, however it
        ends. Disk errors become a StorageError with a message for the user."""
        self._check_open()
        try:
            work = Scratch(self)
        except OSError as error:
            raise disk_error(error) from error
        try:
            yield work
        finally:
            work.close(referenced)

    def put(self, source: Path, suffix: str) -> tuple[str, int]:
        """Copy one file in (no row: for tools and tests). Returns its hash and size."""
        try:
            with self.scratch(lambda hashes: hashes) as work:
                staged = work.stage(source)
                work.keep([(staged, suffix)])
                return staged.sha256, staged.size
        except OSError as error:
            raise disk_error(error) from error

    def copy_in(self, source: Path, sha256: str, suffix: str) -> None:
        """Write a file of another store under its known hash (``home encrypt`` fills a new
        encrypted store from the plain one; the caller verifies and fsyncs the folders)."""
        target = self.path_for(sha256, suffix)
        target.parent.mkdir(parents=True, exist_ok=True)
        with source.open("rb") as data, target.open("wb") as out:
            writer = self.cipher.writer(out) if self.cipher is not None else None
            while chunk := data.read(CHUNK):
                (writer or out).write(chunk)
            if writer is not None:
                writer.close()
            out.flush()
            os.fsync(out.fileno())

    def open(self, sha256: str, suffix: str) -> IO[bytes]:
        """A stored file for reading: how every reader gets at evidence (the one place that
        will decrypt it when the store is encrypted). Missing: a StorageError saying so."""
        try:
            return self._open_path(self.path_for(sha256, suffix))
        except FileNotFoundError as error:
            raise StorageError("证据文件缺失：{sha256}", sha256=sha256) from error
        except OSError as error:
            raise StorageError(
                "无法读取证据文件 {sha256}：{error}", sha256=sha256, error=error.strerror or error
            ) from error

    def read_bytes(self, sha256: str, suffix: str) -> bytes:
        with self.open(sha256, suffix) as handle:
            return handle.read()

    def has(self, sha256: str, suffix: str) -> bool:
        """Whether a file with these bytes is kept (by name: :meth:`hash_of` reads it)."""
        return self.path_for(sha256, suffix).is_file()

    def size_of(self, sha256: str, suffix: str) -> int:
        """The size of the file's bytes (not of its encrypted form)."""
        if self.cipher is not None:
            with self.open(sha256, suffix) as data:
                return data.seek(0, os.SEEK_END)
        try:
            return self.path_for(sha256, suffix).stat().st_size
        except FileNotFoundError as error:
            raise StorageError("证据文件缺失：{sha256}", sha256=sha256) from error

    def hash_of(self, sha256: str, suffix: str) -> str | None:
        """Recompute the hash of a stored file (None if it is missing)."""
        path = self.path_for(sha256, suffix)
        if not path.is_file():
            return None
        if self.cipher is None:
            return file_sha256(path)
        digest = hashlib.sha256()
        try:
            with self._open_path(path) as data:
                while chunk := data.read(CHUNK):
                    digest.update(chunk)
        except StorageError:
            return "damaged"  # a tag that fails: not the bytes that were kept
        return digest.hexdigest()

    def files(self) -> Iterator[Path]:
        """Every stored file (not the scratch folders)."""
        if not self.root.is_dir():
            return
        for directory in sorted(self.root.iterdir()):
            if directory.is_dir() and directory.name != INCOMING:
                yield from sorted(p for p in directory.iterdir() if p.is_file())

    def clean_incoming(self, referenced: Referenced | None = None) -> int:
        """Finish what interrupted work left: temporary files are removed, and stored files
        that a dead journal names and no row refers to are deleted. Folders of work still
        running (in this or another process) are left alone. Returns how many files went."""
        if not self.incoming.is_dir():
            return 0
        removed = 0
        for entry in sorted(self.incoming.iterdir()):
            if not entry.is_dir():
                entry.unlink(missing_ok=True)  # a temporary file of an older version
                removed += 1
                continue
            lock_path = entry / LOCK
            try:
                handle = lock_path.open("ab")
            except OSError:
                continue
            try:
                if not _try_lock(handle):
                    continue  # alive
                if referenced is None:
                    continue  # cannot tell which files rows name: leave it for a later start
                removed += _remove_unreferenced(self, _read_journal(entry / JOURNAL), referenced)
                removed += sum(1 for p in entry.iterdir() if p.name.startswith("in-"))
            finally:
                handle.close()
            shutil.rmtree(entry, ignore_errors=True)
        return removed
