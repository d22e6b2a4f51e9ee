"""Writing a file so that a crash leaves the old file or the new one, never half of one: a
temporary name beside the target, flushed to disk, renamed over it, and the folder flushed."""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path


def fsync_dir(directory: Path) -> None:
    """Make a rename in ``directory`` durable (POSIX; Windows cannot open a folder for it)."""
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(
    target: Path,
    data: bytes | memoryview | Path,
    *,
    mode: int = 0o600,
    make_parents: bool = True,
) -> None:
    """Write ``data`` (bytes, or the contents of a file) to ``target`` atomically. ``mode`` is
    the new file's permission before the umask: private by default."""
    if make_parents:
        target.parent.mkdir(parents=True, exist_ok=True)
    # The name ends in .tmp: a leftover is never taken for a .yaml or .pdf by a folder scan.
    temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        with os.fdopen(fd, "wb") as out:
            if isinstance(data, Path):
                with data.open("rb") as source:
                    shutil.copyfileobj(source, out)
            else:
                out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    fsync_dir(target.parent)
