"""How long work reports progress and learns it was cancelled. The core takes a reporter; the UI
passes one that emits signals, tests pass their own, the command line prints."""

from __future__ import annotations

from typing import Protocol


class Cancelled(Exception):
    """The user cancelled; work stopped between two whole steps."""


class Reporter(Protocol):
    def start(self, total: int, label: str) -> None: ...

    def advance(self, done: int, message: str = "") -> None: ...

    @property
    def cancelled(self) -> bool: ...


class NullReporter:
    def start(self, total: int, label: str) -> None:
        pass

    def advance(self, done: int, message: str = "") -> None:
        pass

    @property
    def cancelled(self) -> bool:
        return False


def check_cancel(reporter: Reporter) -> None:
    if reporter.cancelled:
        raise Cancelled()
