"""Long work off the UI thread (Anki's CollectionOp, Picard's run_task): a core function runs with
a reporter; progress, result and failure come back to the UI thread as signals. A progress dialog
with a cancel button appears only if the work lasts (~600 ms); cancel is checked by the core
between two whole steps.

Where it runs: the database has one thread. A task runs on the database executor
(ui/ops/executor.py) unless it is declared ``cpu=True``, work that opens no session (a workbook or
a PDF made from what was read before, thumbnails read from the store): that runs on the global
QThreadPool beside it. The autosaver's writes submitted while a long task runs wait behind it
(keyed: only each item's newest state is written when it ends), nothing lost. The tests' thread
check (tests/helpers/threads.py) fails a session opened by a ``cpu`` task.

Tests set ``TaskRunner.synchronous = True`` (with the executor's, tests/conftest.py
``synchronous_tasks``) to run the work inline, deterministically.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from inspector.errors import InspectorError
from inspector.progress import Cancelled
from ui.core_messages import core_message
from ui.errors import bug_message, report_bug

if TYPE_CHECKING:
    from ui.ops.changes import OpChanges

PROGRESS_DELAY_MS = 600


class TaskSignals(QObject):
    started = Signal(int, str)  # total, label
    progressed = Signal(int, str)  # done, message
    succeeded = Signal(object)
    failed = Signal(str)  # a message for the user
    cancelled = Signal()
    finished = Signal()  # after any of the three above


class SignalReporter:
    """The core's reporter, emitting Qt signals (queued across threads by Qt)."""

    def __init__(self, signals: TaskSignals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def start(self, total: int, label: str) -> None:
        self._signals.started.emit(total, label)

    def advance(self, done: int, message: str = "") -> None:
        self._signals.progressed.emit(done, message)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


class Task(QRunnable):
    def __init__(self, work: Callable[[SignalReporter], Any], cpu: bool = False) -> None:
        super().__init__()
        self.signals = TaskSignals()
        self.reporter = SignalReporter(self.signals)
        self._work = work
        self.cpu = cpu  # runs on the pool, opens no session
        self.setAutoDelete(False)

    def run(self) -> None:
        from ui.ops.executor import DATABASE, POOL, working

        try:
            with working(POOL if self.cpu else DATABASE):
                result = self._work(self.reporter)
        except Cancelled:
            self.signals.cancelled.emit()
        except InspectorError as error:
            self.signals.failed.emit(core_message(error))
        except Exception as error:  # a bug: tell the user, keep the app alive, keep the trace
            report_bug(error)  # the log and the crash dialog (ui/errors.py)
            self.signals.failed.emit(bug_message(error))
        else:
            self.signals.succeeded.emit(result)
        self.signals.finished.emit()


class TaskRunner(QObject):
    """Starts tasks and keeps them alive until they finish."""

    synchronous = False  # tests: run inline on the calling thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._running: set[Task] = set()

    def run(
        self,
        work: Callable[[SignalReporter], Any],
        *,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[str], None] | None = None,
        progress_parent: QWidget | None = None,
        label: str = "",
        changes: OpChanges | Callable[[Any], OpChanges] | None = None,
        cpu: bool = False,
    ) -> Task:
        """Run ``work`` on the database executor, in turn with every other database job, or,
        ``cpu=True`` for work that opens no session, on the pool. A task that changes data names
        what it changes: on success, ``changes`` (or what it makes of the result) go out on the
        app's one signal, ``ops().changed``, before ``on_success``."""
        task = Task(work, cpu)
        if changes is not None:

            def announce(result: Any) -> None:
                from ui.ops import ops

                made = changes(result) if callable(changes) else changes
                if made:
                    ops().changed.emit(made, self.parent())

            task.signals.succeeded.connect(announce)
        if on_success is not None:
            task.signals.succeeded.connect(on_success)
        if on_failure is not None:
            task.signals.failed.connect(on_failure)
        if progress_parent is not None:
            ProgressDialog(task, progress_parent, label)
        self._running.add(task)
        task.signals.finished.connect(lambda: self._running.discard(task))
        if self.synchronous:
            task.run()
        elif cpu:
            QThreadPool.globalInstance().start(task)
        else:
            from ui.ops import ops

            # Task.run reports its own outcome (signals), a bug included.
            ops().executor.submit(task.run)
        return task

    def wait(self) -> None:
        """Until every task has ended: the pool's, and the executor's (with what waits there)."""
        from ui.ops import ops

        QThreadPool.globalInstance().waitForDone()
        ops().flush()


class ProgressDialog(QProgressDialog):
    """Shown after PROGRESS_DELAY_MS if the task is still running; cancel stops it between two
    whole steps (the core checks the reporter)."""

    def __init__(self, task: Task, parent: QWidget, label: str) -> None:
        super().__init__(label or "请稍候…", "取消", 0, 0, parent)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(PROGRESS_DELAY_MS)
        self.setAutoClose(False)
        self.setAutoReset(False)
        # QProgressDialog shows itself once minimumDuration has passed, not before.
        self._task = task
        task.signals.started.connect(self._on_started)
        task.signals.progressed.connect(self._on_progress)
        task.signals.finished.connect(self._on_finished)
        self.canceled.connect(self._on_cancel)

    def _on_started(self, total: int, label: str) -> None:
        self.setMaximum(max(total, 0))
        if label:
            self.setLabelText(label)

    def _on_progress(self, done: int, message: str) -> None:
        self.setValue(done)
        if message:
            self.setLabelText(message)

    def _on_cancel(self) -> None:
        self._task.reporter.cancel()
        self.setLabelText("正在取消…")

    def _on_finished(self) -> None:
        self.hide()
        self.deleteLater()
