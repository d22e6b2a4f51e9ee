"""Jobs inline: the database executor (ui/ops) and the CPU pool (ui/tasks.py) run each job on
the calling thread, deterministically, each still marked as the executor's or the pool's (the
thread check of tests/helpers/threads.py keeps its meaning: a session in a pool job fails it).
The ``synchronous_tasks`` fixture of tests/conftest.py is this, for a whole test."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def inline_tasks() -> Iterator[None]:
    from ui.ops.executor import DatabaseExecutor
    from ui.tasks import TaskRunner

    TaskRunner.synchronous = True
    DatabaseExecutor.synchronous = True
    try:
        yield
    finally:
        TaskRunner.synchronous = False
        DatabaseExecutor.synchronous = False
