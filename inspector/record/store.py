"""The kept record files (``<data dir>/records/<inspection>/``): every read and write of a record
PDF goes through here, as bytes or a copy written where the user asks — never as a path handed
to a caller to read. Records are known by their *name* (``records/<inspection>/<file>.pdf``, as
the database stores it); in an encrypted data directory the file under that name is
AES-256-GCM (inspector/crypto/files.py) and lies at ``records/<HMAC of the name>``, so the
directory shows neither inspections nor file names."""

from __future__ import annotations

import hashlib
from pathlib import Path, PurePosixPath

from inspector.errors import StorageError
from inspector.evidence.store import disk_message
from inspector.files import write_atomically
from inspector.paths import DataDir


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
            raise StorageError(disk_message(error)) from error
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
            raise StorageError(disk_message(error)) from error
        return Path(target)
