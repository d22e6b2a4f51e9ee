"""The kept record files (``<data dir>/records/<inspection>/``): every read of a record PDF goes
through here, as bytes or a copy written where the user asks — never as a path handed to a
caller, so that this is the one place that will decrypt them when the data are encrypted.
Writers (the build, the signing) ask it where a new file goes."""

from __future__ import annotations

import hashlib
from pathlib import Path

from inspector.errors import StorageError
from inspector.evidence.store import disk_message
from inspector.files import write_atomically
from inspector.paths import DataDir


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
