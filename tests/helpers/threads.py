"""The UI's rule "no database session and no write on the UI thread", checked where every session
opens (the hook ``inspector.db.engine.session_opened``). tests/conftest.py arms it for every test
that uses ``qtbot``: a session opened on the Qt main thread, outside a job of the database
executor or of the CPU pool (ui/ops/executor.py ``on_worker``), by code in ui/, fails the test.

Sessions the test itself opens (to set up or to check) are not the UI's and pass. The UI code not
yet moved onto operations is listed below by name, each entry the innermost ui/ function that
opened the session; a new offender fails, and an entry that no longer offends should be removed.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import inspector.db.engine as engine

UI = Path(__file__).resolve().parents[2] / "ui"

# Reads on the UI thread not yet moved onto ui/ops (none of these writes: writes are all ops).
KNOWN_UI_THREAD_SESSIONS: frozenset[str] = frozenset()


def _ui_caller() -> str | None:
    for frame in reversed(traceback.extract_stack()):
        path = Path(frame.filename)
        if path.is_relative_to(UI) and path.name != "executor.py":
            return f"{path.relative_to(UI.parent).as_posix()}:{frame.name}"
    return None


@contextmanager
def ui_thread_guard() -> Iterator[list[str]]:
    """Collects, while armed, the ui/ functions that opened a session on the UI thread."""
    from ui.ops.executor import on_worker

    found: list[str] = []

    def check() -> None:
        if threading.current_thread() is not threading.main_thread() or on_worker():
            return
        caller = _ui_caller()
        if caller is not None:
            found.append(caller)

    previous, engine.session_opened = engine.session_opened, check
    try:
        yield found
    finally:
        engine.session_opened = previous
