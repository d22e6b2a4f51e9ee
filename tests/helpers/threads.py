"""The UI's rule "the database has one thread", checked where every session opens (the hook
``inspector.db.engine.session_opened``). tests/conftest.py arms it for every test that uses
``qtbot``: a session opened by code in ui/ anywhere but in a job of the database executor
(ui/ops/executor.py ``on_database_thread``) fails the test: on the UI thread, on a thread of the
CPU pool (a ``cpu=True`` task of ui/tasks.py, inline in tests or not), or on any thread of its
own. A write there is named as a write.

Sessions the test itself opens (to set up or to check) are not the UI's and pass. There is no
list of known offenders: every session of ui/ code opens on the database executor.
"""

from __future__ import annotations

import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import inspector.db.engine as engine

UI = Path(__file__).resolve().parents[2] / "ui"


def _ui_caller() -> str | None:
    for frame in reversed(traceback.extract_stack()):
        path = Path(frame.filename)
        if path.is_relative_to(UI) and path.name != "executor.py":
            return f"{path.relative_to(UI.parent).as_posix()}:{frame.name}"
    return None


def _off_the_database_thread() -> bool:
    from ui.ops.executor import on_database_thread

    return not on_database_thread()


@contextmanager
def ui_thread_guard() -> Iterator[list[str]]:
    """Collects, while armed, the ui/ functions that opened a session anywhere but on the
    database executor, and as ``write: <function>`` those that wrote through it. Threads of the
    pool append here too (a list's append is atomic)."""
    from sqlalchemy import event
    from sqlalchemy.orm import Session

    found: list[str] = []

    def opened() -> None:
        if _off_the_database_thread() and (caller := _ui_caller()) is not None:
            found.append(caller)

    def flushing(session: Session, _context: object, _instances: object) -> None:
        writes = session.new or session.dirty or session.deleted
        if writes and _off_the_database_thread() and (caller := _ui_caller()) is not None:
            found.append(f"write: {caller}")

    previous, engine.session_opened = engine.session_opened, opened
    event.listen(Session, "before_flush", flushing)
    try:
        yield found
    finally:
        event.remove(Session, "before_flush", flushing)
        engine.session_opened = previous


# The same check, by what it now guards.
database_thread_guard = ui_thread_guard
