"""The server's content-addressed store: every member of a pushed bundle (evidence files, the
rows' JSON lines, record PDFs) under ``<DIR>/files/<ab>/<sha256><suffix>``, the laptop's hash
layout. A file arrives in acknowledged chunks into ``<DIR>/uploads/``; only a file whose bytes
hash to its name is moved into the store, so anything the store holds is what was signed."""

from __future__ import annotations

import errno
import fcntl
import hashlib
import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from inspector.errors import InspectorError, InvalidInput

_SHA = re.compile(r"^[0-9a-f]{64}$")
_SUFFIX = re.compile(r"^(\.[A-Za-z0-9_-]{1,10}){1,3}$")
CHUNK = 1 << 20
# The store's id, kept in the store itself and in the database (server_settings): a server
# whose store does not hold its database's id is pointed at another store (docs/deployment.md).
MARKER = "inspector-store-id"
_MARKER_ID = re.compile(r"^[0-9a-f]{32}$")


class UploadMismatch(InspectorError):
    """A chunk that does not start where the server's copy ends (the client resumes there)."""

    def __init__(self, offset: int) -> None:
        super().__init__("上传位置不符，服务器已确认到第 {offset} 字节", offset=offset)
        self.offset = offset


FULL = (errno.ENOSPC, errno.EDQUOT)


class StoreFull(InspectorError):
    """The store's disk (or its quota) is full: answered 507, the client may resume later."""


class TempFull(InspectorError):
    """The server's temporary directory is full at a commit: answered 503, nothing stored."""


def check_file_name(sha256: str, suffix: str) -> None:
    if not _SHA.match(sha256) or not _SUFFIX.match(suffix) or len(suffix) > 16:
        raise InspectorError("文件名无效：{sha256}{suffix}", sha256=sha256[:64], suffix=suffix[:16])


class ServerStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.files = self.root / "files"
        self.uploads = self.root / "uploads"
        self.files.mkdir(parents=True, exist_ok=True)
        self.uploads.mkdir(parents=True, exist_ok=True)
        # The hash of each upload so far, while this process has seen every byte of it (after
        # a restart the file is hashed again from disk when it is whole).
        self._digests: dict[tuple[str, str], tuple[int, Any]] = {}

    def marker(self) -> str | None:
        """The store's id from its marker file; None when there is none (or it is not one)."""
        try:
            text = (self.root / MARKER).read_text(encoding="ascii").strip()
        except (FileNotFoundError, UnicodeDecodeError):
            return None
        return text if _MARKER_ID.match(text) else None

    def mark(self, marker: str) -> None:
        """Write the store's id, durably (before the database names it)."""
        temporary = self.root / f"{MARKER}.{os.getpid()}.tmp"
        with temporary.open("w", encoding="ascii") as handle:
            handle.write(marker + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, self.root / MARKER)
        directory = os.open(self.root, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)

    def _stored(self, sha256: str, suffix: str) -> Path:
        check_file_name(sha256, suffix)
        return self.files / sha256[:2] / f"{sha256}{suffix}"

    def _partial(self, sha256: str, suffix: str) -> Path:
        check_file_name(sha256, suffix)
        return self.uploads / f"{sha256}{suffix}.part"

    def has(self, sha256: str, suffix: str) -> bool:
        return self._stored(sha256, suffix).is_file()

    def open(self, sha256: str, suffix: str) -> IO[bytes]:
        return self._stored(sha256, suffix).open("rb")

    def size_of(self, sha256: str, suffix: str) -> int:
        return self._stored(sha256, suffix).stat().st_size

    def put(self, data: bytes, suffix: str) -> str:
        """Keep a file the server made (an archived record, inspector/central/archive.py), by
        its SHA-256, durably; returns the SHA-256. A file already held is left as it is."""
        sha256 = hashlib.sha256(data).hexdigest()
        target = self._stored(sha256, suffix)
        if target.is_file():
            return sha256
        temporary = self.uploads / f"{sha256}{suffix}.{os.getpid()}.{threading.get_ident()}.made"
        with temporary.open("wb") as handle:
            self._write(handle, data)
        target.parent.mkdir(exist_ok=True)
        os.replace(temporary, target)
        directory = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
        return sha256

    def remove(self, sha256: str, suffix: str) -> None:
        """Forget a stored file nothing names (what a refused push alone brought)."""
        self._stored(sha256, suffix).unlink(missing_ok=True)

    def thumbnail(self, sha256: str, suffix: str) -> bytes:
        """The office page's thumbnail of a stored image the laptop pushed none for (made
        before laptops made thumbnails, or lost): made once with Pillow, as a laptop makes
        its own (inspector/evidence/media.py), and kept under ``<DIR>/thumbs`` (derived:
        remade if removed). InvalidInput if the file is no image Pillow reads."""
        from inspector.evidence.media import inspect_file

        kept = self.root / "thumbs" / sha256[:2] / f"{sha256}{suffix}.jpg"
        check_file_name(sha256, suffix)
        try:
            return kept.read_bytes()
        except FileNotFoundError:
            pass
        source = self._stored(sha256, suffix)
        made = inspect_file(
            source, derive=True, opener=lambda: source.open("rb"), size=source.stat().st_size
        ).thumbnail
        if not made:
            raise InvalidInput("不是可识别的图片、PDF 或视频文件")
        kept.parent.mkdir(parents=True, exist_ok=True)
        partial = kept.with_name(f"{kept.name}.{os.getpid()}.{threading.get_ident()}.part")
        partial.write_bytes(made)
        os.replace(partial, kept)  # whole or not there, whoever asks at the same time
        return made

    def acknowledged(self, sha256: str, suffix: str) -> int:
        """How many bytes of an unfinished upload the server holds (0: none)."""
        try:
            return self._partial(sha256, suffix).stat().st_size
        except FileNotFoundError:
            return 0

    @contextmanager
    def _locked(self, sha256: str, suffix: str) -> Iterator[IO[bytes]]:
        # Two laptops may send the same photo at once: one writer per file at a time.
        handle = self._partial(sha256, suffix).open("ab")
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            yield handle
        finally:
            handle.close()

    def append(self, sha256: str, suffix: str, size: int, offset: int, data: bytes) -> int:
        """Write ``data`` at ``offset`` of the upload (which must be where it ends), durably;
        when the file is whole and its hash is its name, move it into the store. Returns the
        bytes acknowledged (``size`` once stored)."""
        if self.has(sha256, suffix):
            return size
        with self._locked(sha256, suffix) as handle:
            if self.has(sha256, suffix):
                return size
            held = os.fstat(handle.fileno()).st_size
            if held != offset or offset + len(data) > size:
                raise UploadMismatch(held)
            try:
                self._write(handle, data)
            except OSError as error:
                if error.errno not in FULL:
                    raise
                # nothing half-written: the upload ends where it was acknowledged
                handle.truncate(held)
                raise StoreFull(
                    "服务器的文件库磁盘已满，文件未保存（已确认的部分保留）；"
                    "请联系管理员清理空间后再推送"
                ) from error
            key = (sha256, suffix)
            known = self._digests.pop(key, None)
            digest = known[1] if known is not None and known[0] == offset else None
            if digest is None and offset == 0:
                digest = hashlib.sha256()
            if digest is not None:
                digest.update(data)
            held += len(data)
            if held < size:
                if digest is not None:
                    self._digests[key] = (held, digest)
                return held
            partial = self._partial(sha256, suffix)
            if digest is None:
                digest = hashlib.sha256()
                with partial.open("rb") as source:
                    while chunk := source.read(CHUNK):
                        digest.update(chunk)
            if digest.hexdigest() != sha256:
                partial.unlink(missing_ok=True)
                raise InspectorError(
                    "收到的文件与其摘要不符，已丢弃，请重新推送：{sha256}", sha256=sha256[:12]
                )
            target = self._stored(sha256, suffix)
            target.parent.mkdir(exist_ok=True)
            os.replace(partial, target)
            directory = os.open(target.parent, os.O_RDONLY)
            try:
                os.fsync(directory)
            finally:
                os.close(directory)
            return size

    @staticmethod
    def _write(handle: IO[bytes], data: bytes) -> None:
        """Bytes appended to an upload, durably (the seam a full disk meets)."""
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())

    def expire_partials(self, before: float) -> tuple[int, int]:
        """Remove the unfinished uploads last written before ``before`` (a POSIX time), each
        under its writer's lock (one being written now is left). Returns (files, bytes)."""
        files = size = 0
        for partial in sorted(self.uploads.glob("*.part")):
            try:  # not created again if it went meanwhile
                handle = os.open(partial, os.O_WRONLY | os.O_APPEND)
            except FileNotFoundError:
                continue
            try:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    continue
                held = os.fstat(handle)
                if held.st_mtime >= before:
                    continue
                partial.unlink(missing_ok=True)
                files += 1
                size += held.st_size
            finally:
                os.close(handle)
        return files, size
