"""The one database executor: a single worker thread that runs every database job of the UI,
in order, so the database has one thread (SQLite's busy timeout no longer arbitrates between the
UI thread, the autosaver and a pool). The quick reads and writes of ui/ops run here, and so do the
long tasks of ui/tasks.py that touch the database (a record built, a bundle imported, photos
taken in: :meth:`DatabaseExecutor.submit` of a :class:`ui.tasks.Task`); the autosaver's writes
wait behind such a task, nothing lost. Results and failures come back to the UI thread through
one queued signal, as Anki's taskman hands closures back to the main thread.

Jobs may carry a key: a job still waiting when a newer one with the same key arrives is replaced
by it (the autosaver's coalescing: each write carries an item's whole state, not a difference).

Tests set ``DatabaseExecutor.synchronous = True`` (tests/conftest.py ``synchronous_tasks``) to run
jobs inline, deterministically; inline or not, a job runs "on the database executor"
(:func:`on_database_thread`), which is what the thread check of the tests looks at. A job of the
CPU pool (ui/tasks.py, work without sessions) is marked as the pool's: a session opened there
fails the check as one opened on the UI thread does.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Signal

_local = threading.local()

DATABASE, POOL = "database", "pool"  # who runs the job: the one database thread, or the CPU pool


def _kinds() -> list[str]:
    kinds: list[str] | None = getattr(_local, "kinds", None)
    if kinds is None:
        kinds = _local.kinds = []
    return kinds


def on_worker() -> bool:
    """True while a job of the executor (or of the CPU pool, ui/tasks.py) runs on this thread."""
    return bool(_kinds())


def on_database_thread() -> bool:
    """True while a job of the database executor runs on this thread (its own thread, or inline
    in tests); the innermost job counts: a pool job run inline inside one is the pool's."""
    kinds = _kinds()
    return bool(kinds) and kinds[-1] == DATABASE


@contextmanager
def working(kind: str = DATABASE) -> Iterator[None]:
    """Marks the running thread as the executor's (or, ``POOL``, the pool's) while a job runs."""
    kinds = _kinds()
    kinds.append(kind)
    try:
        yield
    finally:
        kinds.pop()


@dataclass
class Job:
    work: Callable[[], Any]
    done: Callable[[Any], None] | None
    failed: Callable[[BaseException], None] | None


class DatabaseExecutor(QObject):
    busy = Signal(bool)  # jobs waiting or under way
    _deliver = Signal()  # queued to the UI thread: closures are waiting

    synchronous = False  # tests: run jobs inline on the calling thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: dict[str, Job] = {}
        self._condition = threading.Condition()
        self._running = False
        self._closures: list[Callable[[], None]] = []
        self._closures_lock = threading.Lock()
        self._numbers = itertools.count()
        self._thread = threading.Thread(target=self._loop, name="database", daemon=True)
        self._thread.start()
        self._deliver.connect(self._run_closures)

    def submit(
        self,
        work: Callable[[], Any],
        *,
        key: str | None = None,
        done: Callable[[Any], None] | None = None,
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run ``work`` on the database thread; ``done(result)`` or ``failed(error)`` then run on
        the UI thread. ``failed`` is given the exception (InspectorError or a bug). A long task
        (ui/tasks.py) runs here whole: the jobs submitted meanwhile, keyed writes included, wait
        behind it in order."""
        job = Job(work, done, failed)
        if self.synchronous:
            self._run(job, inline=True)
            return
        name = key if key is not None else f"#{next(self._numbers)}"
        with self._condition:
            self._pending.pop(name, None)  # the newer job goes to the end of the queue
            self._pending[name] = job
            self._condition.notify_all()
        self.busy.emit(True)

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every submitted job has run (their callbacks may still be queued to the
        UI thread). True when done within the timeout."""
        if threading.current_thread() is self._thread:
            return True  # a job waiting for itself
        with self._condition:
            return self._condition.wait_for(
                lambda: not self._pending and not self._running, timeout=timeout
            )

    @property
    def thread(self) -> threading.Thread:
        return self._thread

    @property
    def pending(self) -> bool:
        with self._condition:
            return bool(self._pending) or self._running

    def _loop(self) -> None:
        while True:
            with self._condition:
                self._condition.wait_for(lambda: bool(self._pending))
                name = next(iter(self._pending))
                job = self._pending.pop(name)
                self._running = True
            try:
                self._run(job, inline=False)
            finally:
                with self._condition:
                    self._running = False
                    idle = not self._pending
                    self._condition.notify_all()
                if idle:
                    self.busy.emit(False)

    def _run(self, job: Job, *, inline: bool) -> None:
        callback: Callable[[], None]
        try:
            with working(DATABASE):
                result = job.work()
        except BaseException as error:  # a bug must not kill the database thread
            if job.failed is None:
                from ui.errors import report_bug  # the crash dialog and the log

                report_bug(error)
                return
            callback = partial(job.failed, error)
        else:
            if job.done is None:
                return
            callback = partial(job.done, result)
        if inline:
            callback()
            return
        with self._closures_lock:
            self._closures.append(callback)
        self._deliver.emit()

    def _run_closures(self) -> None:
        with self._closures_lock:
            closures, self._closures = self._closures, []
        for closure in closures:
            closure()
