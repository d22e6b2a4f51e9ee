"""Files encrypted at rest: AES-256-GCM under a random key per file, that key wrapped by the data
directory's file-wrapping key (derived from its master key, see :mod:`inspector.crypto.vault`).

Format (version 1), all of it authenticated::

    magic "INSP-ENC" (8) | version (1) | wrap nonce (12) | wrapped file key (32 + 16 tag)
    | segment nonce prefix (7) | segments

Each segment is at most 1 MiB of plaintext sealed with AES-GCM (16-byte tag) under the file key,
its nonce the prefix, the segment's number (4 bytes) and a last-segment flag (1 byte), the
header as associated data: a segment cannot be moved, dropped or the file cut short without the
tag failing, and a reader decrypts one segment at a time (a video is never read whole into
memory), seeking as Pillow and reportlab do.

Stored names are an HMAC-SHA256 of the logical name under a key of their own (:meth:`FileCipher.
name`): the data directory shows neither hashes of the photos, nor inspection ids, nor types.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO, BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from inspector.errors import StorageError

MAGIC = b"INSP-ENC"
VERSION = 1
SEGMENT = 1 << 20
TAG = 16
_HEADER = len(MAGIC) + 1 + 12 + 32 + TAG + 7  # 76


def _nonce(prefix: bytes, index: int, last: bool) -> bytes:
    return prefix + index.to_bytes(4, "big") + (b"\x01" if last else b"\x00")


class FileCipher:
    """Encrypts and decrypts the data directory's files. ``wrap_key`` wraps per-file keys;
    ``name_key`` makes stored names."""

    def __init__(self, wrap_key: bytes, name_key: bytes) -> None:
        self._wrap = AESGCM(wrap_key)
        self._name_key = name_key

    def name(self, logical: str) -> str:
        """The stored name of a logical one (``<sha256><suffix>``, ``records/…/x.pdf``)."""
        return hmac.new(self._name_key, logical.encode("utf-8"), hashlib.sha256).hexdigest()

    def _header(self) -> tuple[bytes, AESGCM, bytes]:
        file_key = AESGCM.generate_key(bit_length=256)
        wrap_nonce = os.urandom(12)
        prefix = os.urandom(7)
        head = MAGIC + bytes([VERSION]) + wrap_nonce
        wrapped = self._wrap.encrypt(wrap_nonce, file_key, head)
        return head + wrapped + prefix, AESGCM(file_key), prefix

    def _open_header(self, header: bytes) -> tuple[AESGCM, bytes]:
        if len(header) < _HEADER or header[:8] != MAGIC or header[8] != VERSION:
            raise StorageError("文件不是本数据目录的加密文件，或已损坏")
        head = header[:21]
        try:
            file_key = self._wrap.decrypt(header[9:21], header[21:69], head)
        except InvalidTag as error:
            raise StorageError("文件已损坏，或不属于本数据目录（密钥不符）") from error
        return AESGCM(file_key), header[69:76]

    def writer(self, out: BinaryIO) -> EncryptingWriter:
        return EncryptingWriter(self, out)

    def encrypt(self, data: bytes | memoryview) -> bytes:
        buffer = io.BytesIO()
        with self.writer(buffer) as writer:
            writer.write(data)
        return buffer.getvalue()

    def reader(self, handle: BinaryIO) -> IO[bytes]:
        """A seekable, buffered reader of the plaintext (the handle is closed with it)."""
        return io.BufferedReader(DecryptingReader(self, handle), buffer_size=SEGMENT)

    def decrypt(self, data: bytes) -> bytes:
        with self.reader(io.BytesIO(data)) as reader:
            return reader.read()

    def open(self, path: Path) -> IO[bytes]:
        return self.reader(path.open("rb"))

    def read(self, path: Path) -> bytes:
        with self.open(path) as reader:
            return reader.read()


class EncryptingWriter:
    """Writes plaintext as sealed segments; :meth:`close` seals the last one (required)."""

    def __init__(self, cipher: FileCipher, out: BinaryIO) -> None:
        self.out = out
        header, self._aead, self._prefix = cipher._header()
        self._aad = header
        out.write(header)
        self._pending = bytearray()
        self._index = 0
        self.closed = False

    def write(self, data: bytes | bytearray | memoryview) -> int:
        self._pending += data
        # Keep at least one byte back: the last segment is sealed as such at close.
        while len(self._pending) > SEGMENT:
            self._seal(bytes(self._pending[:SEGMENT]), last=False)
            del self._pending[:SEGMENT]
        return len(data)

    def _seal(self, chunk: bytes, *, last: bool) -> None:
        nonce = _nonce(self._prefix, self._index, last)
        self.out.write(self._aead.encrypt(nonce, chunk, self._aad))
        self._index += 1

    def close(self) -> None:
        if not self.closed:
            self._seal(bytes(self._pending), last=True)
            self._pending.clear()
            self.closed = True

    def __enter__(self) -> EncryptingWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        if exc[0] is None:
            self.close()


class DecryptingReader(io.RawIOBase):
    def __init__(self, cipher: FileCipher, handle: BinaryIO) -> None:
        super().__init__()
        self._handle = handle
        try:
            header = handle.read(_HEADER)
            self._aead, self._prefix = cipher._open_header(header)
            self._aad = header
            total = handle.seek(0, os.SEEK_END) - _HEADER
        except BaseException:
            handle.close()
            raise
        whole = SEGMENT + TAG
        self._segments = max(1, -(-total // whole))
        last = total - (self._segments - 1) * whole - TAG
        if last < 0:
            handle.close()
            raise StorageError("加密文件被截断或已损坏")
        self.size = (self._segments - 1) * SEGMENT + last
        self._position = 0
        self._cached: tuple[int, bytes] | None = None

    def _segment(self, index: int) -> bytes:
        if self._cached is not None and self._cached[0] == index:
            return self._cached[1]
        self._handle.seek(_HEADER + index * (SEGMENT + TAG))
        sealed = self._handle.read(SEGMENT + TAG)
        last = index == self._segments - 1
        try:
            plain = self._aead.decrypt(_nonce(self._prefix, index, last), sealed, self._aad)
        except InvalidTag as error:
            raise StorageError("加密文件已损坏（校验失败）") from error
        self._cached = (index, plain)
        return plain

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._position

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        if whence == os.SEEK_SET:
            position = offset
        elif whence == os.SEEK_CUR:
            position = self._position + offset
        else:
            position = self.size + offset
        if position < 0:
            raise OSError("negative seek position")
        self._position = position
        return position

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._position >= self.size:
            return 0
        index, offset = divmod(self._position, SEGMENT)
        plain = self._segment(index)
        count = min(len(buffer), len(plain) - offset)
        buffer[:count] = plain[offset : offset + count]
        self._position += count
        return count

    def close(self) -> None:
        if not self.closed:
            self._handle.close()
            self._cached = None
        super().close()


def chunks(reader: IO[bytes]) -> Iterator[bytes]:
    while chunk := reader.read(SEGMENT):
        yield chunk
