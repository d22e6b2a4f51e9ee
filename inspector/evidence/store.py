"""The content-addressed file store: every evidence file is kept once, unchanged, under the
SHA-256 of its bytes. All file writes of evidence go through here (encryption at rest later)."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from inspector.errors import StorageError

CHUNK = 1 << 20
INCOMING = ".incoming"


def _fsync_dir(directory: Path) -> None:
    if os.name == "nt":  # directories cannot be opened for fsync on Windows
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def disk_message(error: OSError) -> str:
    import errno

    if error.errno == errno.ENOSPC:
        return "磁盘已满，文件未保存。请清理磁盘空间后重试；已保存的数据未受影响。"
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "没有写入数据目录的权限（或磁盘为只读），文件未保存。"
    return f"文件未保存：{error.strerror or error}"


class EvidenceStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.incoming = root / INCOMING

    def path_for(self, sha256: str, suffix: str) -> Path:
        # The suffix (from the detected type, never the user's file name) lets viewers and
        # reportlab recognise the file: reportlab embeds a JPEG byte for byte only by its suffix.
        return self.root / sha256[:2] / f"{sha256}{suffix}"

    def put(self, source: Path, suffix: str) -> tuple[str, int]:
        """Copy a file in, hashing the bytes read. Written to a temporary name, flushed and
        renamed, so a crash leaves either the whole file or nothing under its hash."""
        self.incoming.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        handle, temporary = tempfile.mkstemp(dir=self.incoming, prefix="in-")
        try:
            with os.fdopen(handle, "wb") as out, source.open("rb") as data:
                while chunk := data.read(CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
                    size += len(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha256 = digest.hexdigest()
            target = self.path_for(sha256, suffix)
            if target.is_file():
                Path(temporary).unlink()  # the same bytes are already kept: one file, two links
                return sha256, size
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(temporary, target)
            _fsync_dir(target.parent)
            return sha256, size
        except OSError as error:
            Path(temporary).unlink(missing_ok=True)
            raise StorageError(disk_message(error)) from error
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def hash_of(self, sha256: str, suffix: str) -> str | None:
        """Recompute the hash of a stored file (None if it is missing)."""
        path = self.path_for(sha256, suffix)
        if not path.is_file():
            return None
        digest = hashlib.sha256()
        with path.open("rb") as data:
            while chunk := data.read(CHUNK):
                digest.update(chunk)
        return digest.hexdigest()

    def clean_incoming(self) -> int:
        """Remove what an interrupted intake left half-written. Returns how many."""
        if not self.incoming.is_dir():
            return 0
        removed = 0
        for leftover in self.incoming.iterdir():
            leftover.unlink(missing_ok=True)
            removed += 1
        return removed
