"""Operations: the one way the UI changes data or reads what takes time (as Anki's
aqt/operations over its taskman).

    ops().mutate(lambda: mark_bill(ws, ...), OpChanges(answers=True).about(inspection_id),
                 parent=self, success=..., failure=...)
    ops().query(lambda: get_inspection(ws, inspection_id), parent=self, success=self.show)

Every job runs on the one database executor (ui/ops/executor.py), never on the UI thread; so do
the long tasks of ui/tasks.py that touch the database. Only work without a session (a workbook or
PDF made from what was read, thumbnails read from the store) runs on the CPU pool. When a
mutation succeeds, its :class:`OpChanges` go out on ONE app-wide signal,
:attr:`Operations.changed`, and every page that shows data refreshes from it (the page that asked
gets it too, as ``initiator``).

A failure the user can act on (an InspectorError) reaches ``failure`` as the message to show; a
bug is printed with its trace and shown as an internal error. Callbacks of a widget deleted in
the meantime (a dialog closed) are dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from shiboken6 import isValid

from ui.ops.changes import OpChanges
from ui.ops.executor import DatabaseExecutor, on_worker

__all__ = ["OpChanges", "Operations", "Pending", "on_worker", "ops"]


class Pending:
    """An operation submitted: its outcome once known (at once when the executor runs inline,
    as in tests; later, on the UI thread, otherwise). Callers that must act on the outcome do so
    in ``success``/``failure``; this is for returning it where it is already known."""

    def __init__(self) -> None:
        self.ok: bool | None = None  # None: still running
        self.result: Any = None

    def __bool__(self) -> bool:
        return bool(self.ok)


class Operations(QObject):
    changed = Signal(object, object)  # OpChanges, initiator (the QObject that asked, or None)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.executor = DatabaseExecutor(self)

    def mutate(
        self,
        work: Callable[[], Any],
        changes: OpChanges | Callable[[Any], OpChanges],
        *,
        parent: QObject | None = None,
        success: Callable[[Any], None] | None = None,
        failure: Callable[[str], None] | None = None,
        key: str | None = None,
    ) -> Pending:
        """Run a core mutation on the executor; on success announce ``changes`` (or what the
        function makes of the result), then call ``success(result)``."""
        pending = Pending()

        def done(result: Any) -> None:
            pending.ok, pending.result = True, result
            made = changes(result) if callable(changes) else changes
            if made:
                self.changed.emit(made, parent)
            if success is not None and _alive(parent):
                success(result)

        self.executor.submit(work, key=key, done=done, failed=_failed(parent, failure, pending))
        return pending

    def query(
        self,
        work: Callable[[], Any],
        *,
        parent: QObject | None = None,
        success: Callable[[Any], None] | None = None,
        failure: Callable[[str], None] | None = None,
    ) -> Pending:
        """Run a read on the executor; ``success(result)`` on the UI thread."""
        pending = Pending()

        def done(result: Any) -> None:
            pending.ok, pending.result = True, result
            if success is not None and _alive(parent):
                success(result)

        self.executor.submit(work, done=done, failed=_failed(parent, failure, pending))
        return pending

    def flush(self, timeout: float | None = None) -> bool:
        return self.executor.flush(timeout)


def _alive(parent: QObject | None) -> bool:
    return parent is None or isValid(parent)


def _failed(
    parent: QObject | None, failure: Callable[[str], None] | None, pending: Pending
) -> Callable[[BaseException], None]:
    def failed(error: BaseException) -> None:
        pending.ok = False
        from inspector.errors import InspectorError
        from ui.core_messages import core_message

        if isinstance(error, InspectorError):
            message = core_message(error)
        else:  # a bug: keep the trace, tell the user, keep the app alive
            from ui.errors import bug_message, report_bug  # the crash dialog and the log

            report_bug(error)
            message = bug_message(error)
        if failure is not None and _alive(parent):
            failure(message)

    return failed


_operations: Operations | None = None


def ops() -> Operations:
    """The app's operations (one executor, one ``changed`` signal), made on first use."""
    global _operations
    if _operations is None or not isValid(_operations):
        _operations = Operations(QCoreApplication.instance())
    return _operations
