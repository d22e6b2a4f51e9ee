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


SCRATCH_PREFIX = ".build-"


def scratch_prefix() -> str:
    """The prefix of a scratch folder made by this process: it names the process, so that a later
    start can tell a folder left by a killed run from one another process is still using."""
    return f"{SCRATCH_PREFIX}{os.getpid()}-"


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # it exists (or we cannot tell): keep its folder
    return True


def clean_stale_scratch(root: Path) -> int:
    """Remove the scratch folders (``.build-<pid>-…``) that killed runs left under ``root``.
    A folder whose process still runs is kept. Returns how many were removed."""
    removed = 0
    try:
        entries = list(root.glob(f"{SCRATCH_PREFIX}*"))
    except OSError:
        return 0
    for entry in entries:
        if not entry.is_dir() or entry.is_symlink():
            continue
        pid_text = entry.name[len(SCRATCH_PREFIX) :].split("-", 1)[0]
        # Older versions named them ".build-<random>": no process to ask, and no run of this
        # version makes such a name, so they are leftovers.
        if pid_text.isdigit() and _alive(int(pid_text)):
            continue
        shutil.rmtree(entry, ignore_errors=True)
        if not entry.exists():
            removed += 1
    return removed
