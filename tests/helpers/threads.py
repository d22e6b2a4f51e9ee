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

# Reads on the UI thread not yet moved onto ui/ops: the known offenders, by the ui/ function that
# opens the session. None of them writes (a write on the UI thread is never allowed). Each one
# moved onto ``ops().query`` is taken off this list.
KNOWN_UI_THREAD_SESSIONS: frozenset[str] = frozenset(
    {
        "ui/checklist_page.py:load",
    }
)


def _ui_caller() -> str | None:
    for frame in reversed(traceback.extract_stack()):
        path = Path(frame.filename)
        if path.is_relative_to(UI) and path.name != "executor.py":
            return f"{path.relative_to(UI.parent).as_posix()}:{frame.name}"
    return None


def _on_ui_thread() -> bool:
    from ui.ops.executor import on_worker

    return threading.current_thread() is threading.main_thread() and not on_worker()


@contextmanager
def ui_thread_guard() -> Iterator[list[str]]:
    """Collects, while armed, the ui/ functions that opened a session on the UI thread, and
    as ``write: <function>`` those that wrote through it (never allowed)."""
    from sqlalchemy import event
    from sqlalchemy.orm import Session

    found: list[str] = []

    def opened() -> None:
        if _on_ui_thread() and (caller := _ui_caller()) is not None:
            found.append(caller)

    def flushing(session: Session, _context: object, _instances: object) -> None:
        writes = session.new or session.dirty or session.deleted
        if writes and _on_ui_thread() and (caller := _ui_caller()) is not None:
            found.append(f"write: {caller}")

    previous, engine.session_opened = engine.session_opened, opened
    event.listen(Session, "before_flush", flushing)
    try:
        yield found
    finally:
        event.remove(Session, "before_flush", flushing)
        engine.session_opened = previous
