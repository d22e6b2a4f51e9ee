"""Saving as the team types: every change goes to the database executor at once (ui/ops), so
the UI never waits on a disk flush and nothing typed stays only in memory for more than a moment.

Writes are keyed (one key per checklist item); a write still waiting when a newer one for the same
key arrives is replaced by it. That is safe because each write carries the item's whole state,
not a difference. The AutoSaver is the keyed face of the one executor, not a thread of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Signal

from ui.ops import OpChanges, ops


class AutoSaver(QObject):
    saved = Signal(str, object)  # key, when (datetime)
    failed = Signal(str, str)  # key, message for the user
    busy = Signal(bool)  # its own writes waiting or under way

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ops = ops()
        # The keys whose latest write has not come back. Its own, not the executor's "busy":
        # that one is set by every read too, and ended after the last write's "saved", so
        # "正在保存…" stayed on screen after the save.
        self._outstanding: set[str] = set()

    def submit(
        self, key: str, write: Callable[[], object], changes: OpChanges | None = None
    ) -> None:
        """Write on the executor; ``changes`` (default: answers) go out on the app's signal."""

        def done(_result: Any) -> None:
            self._settle(key)
            self.saved.emit(key, datetime.now().astimezone())

        def failed(message: str) -> None:
            self._settle(key)
            self.failed.emit(key, message)

        # A write still waiting for the same key is replaced (and never answers): the key
        # stays outstanding until the write that replaced it does.
        first = not self._outstanding
        self._outstanding.add(key)
        if first:
            self.busy.emit(True)
        self._ops.mutate(
            write,
            changes if changes is not None else OpChanges(answers=True),
            parent=self,
            success=done,
            failure=failed,
            key=f"autosave:{key}",
        )

    def _settle(self, key: str) -> None:
        self._outstanding.discard(key)
        if not self._outstanding:
            self.busy.emit(False)

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every submitted write is on disk. True when done within the timeout."""
        return self._ops.flush(timeout)

    def close(self) -> None:
        self.flush()

    @property
    def pending(self) -> bool:
        """Writes of its own not yet on disk."""
        return bool(self._outstanding)
