"""Saving as the team types: every change goes to one database worker thread at once, so the UI
never waits on a disk flush and nothing typed stays only in memory for more than a moment.

Writes are keyed (one key per checklist item); a write still waiting when a newer one for the same
key arrives is replaced by it. That is safe because each write carries the item's whole state,
not a difference.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Signal

from inspector.errors import InspectorError
from ui.core_messages import core_message


class AutoSaver(QObject):
    saved = Signal(str, object)  # key, when (datetime)
    failed = Signal(str, str)  # key, message for the user
    busy = Signal(bool)  # writes waiting or under way

    synchronous = False  # tests: write on the calling thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: dict[str, Callable[[], object]] = {}
        self._condition = threading.Condition()
        self._writing = False
        self._closed = False
        self._thread: threading.Thread | None = None
        if not self.synchronous:
            self._thread = threading.Thread(target=self._loop, name="autosave", daemon=True)
            self._thread.start()

    def submit(self, key: str, write: Callable[[], object]) -> None:
        if self._thread is None:
            self._run(key, write)
            return
        with self._condition:
            if self._closed:
                raise RuntimeError("autosaver closed")
            self._pending.pop(key, None)  # the newer write goes to the end of the queue
            self._pending[key] = write
            self._condition.notify_all()
        self.busy.emit(True)

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every submitted write is on disk. True when done within the timeout."""
        if self._thread is None:
            return True
        with self._condition:
            return self._condition.wait_for(
                lambda: not self._pending and not self._writing, timeout=timeout
            )

    def close(self) -> None:
        self.flush()
        with self._condition:
            self._closed = True
            self._condition.notify_all()
        if self._thread is not None:
            self._thread.join()

    @property
    def pending(self) -> bool:
        with self._condition:
            return bool(self._pending) or self._writing

    def _loop(self) -> None:
        while True:
            with self._condition:
                self._condition.wait_for(lambda: self._pending or self._closed)
                if not self._pending and self._closed:
                    return
                key = next(iter(self._pending))
                write = self._pending.pop(key)
                self._writing = True
            try:
                self._run(key, write)
            finally:
                with self._condition:
                    self._writing = False
                    idle = not self._pending
                    self._condition.notify_all()
                if idle:
                    self.busy.emit(False)

    def _run(self, key: str, write: Callable[[], object]) -> None:
        try:
            write()
        except InspectorError as error:
            self.failed.emit(key, core_message(error))
        except Exception as error:  # a bug must not kill the writer thread
            self.failed.emit(key, f"内部错误：{type(error).__name__}: {error}")
        else:
            self.saved.emit(key, datetime.now().astimezone())
