"""The database has one thread: every session the UI's work opens (a quick operation, a long task
such as a record built or photos taken in, the checklist opened, the core loaded at start) opens
on the database executor's thread; only work without a session runs on the CPU pool. The check
of tests/helpers/threads.py, armed for every UI test, fails a session of ui/ code on any other
thread, the jobs run inline or not."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QThreadPool, QTranslator
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

import inspector.db.engine as engine
from inspector.inspections import get_inspection, record_answer
from inspector.progress import Cancelled
from inspector.resources import resource_path
from inspector.workspace import Workspace
from tests.helpers.homes import PHOTOS
from tests.helpers.ledger import plan
from tests.helpers.tasks import inline_tasks
from tests.helpers.threads import UI, ui_thread_guard
from ui.autosave import AutoSaver
from ui.ops import OpChanges, ops
from ui.tasks import SignalReporter, TaskRunner

# A long task written the old way: a function of ui/ that opens sessions, handed to the runner.
OLD_TASK = (
    "from inspector.inspections import list_inspections\n"
    "def count(ws):\n"
    "    return len(list_inspections(ws))\n"
)


def _old_task() -> Any:
    scope: dict[str, Any] = {}
    exec(compile(OLD_TASK, str(UI / "old_task.py"), "exec"), scope)
    return scope["count"]


@contextmanager
def session_threads() -> Iterator[list[str]]:
    """The name of the thread each session opened on, while in the block (the tests' own
    check, if armed, still sees every session)."""
    seen: list[str] = []
    previous = engine.session_opened

    def opened() -> None:
        seen.append(threading.current_thread().name)
        if previous is not None:
            previous()

    engine.session_opened = opened
    try:
        yield seen
    finally:
        engine.session_opened = previous


def test_a_session_opened_on_a_pool_thread_fails_the_check(
    qapp: QApplication, workspace: Workspace
) -> None:
    """What every long task did before: its sessions opened on a thread of the global pool,
    beside the executor. The check names it, run on the pool or inline; the same work as a task
    of the database executor is not seen. (No qtbot: the autouse check would fail this test.)"""
    count = _old_task()
    runner = TaskRunner()
    with ui_thread_guard() as found, session_threads() as threads:
        runner.run(lambda _reporter: count(workspace), cpu=True)
        assert QThreadPool.globalInstance().waitForDone(60_000)
    assert threads and "database" not in threads and threading.main_thread().name not in threads
    assert set(found) == {"ui/old_task.py:count"}

    with inline_tasks(), ui_thread_guard() as found:  # inline, yet counted as the pool's
        runner.run(lambda _reporter: count(workspace), cpu=True)
    assert set(found) == {"ui/old_task.py:count"}

    with ui_thread_guard() as found, session_threads() as threads:
        runner.run(lambda _reporter: count(workspace))  # a task: on the database executor
        assert ops().flush(60)
    assert found == [] and set(threads) == {"database"}
    QApplication.processEvents()  # its signals, delivered while the task is still referenced


def test_building_a_record_opens_every_session_on_the_database_thread(
    qtbot: QtBot, workspace: Workspace
) -> None:
    """生成记录 clicked, run as the app runs it (not inline): the record is built, and each of
    its sessions (reading the inspection, storing the record, the preview's read) opened on
    the database thread. Before, the build ran on the pool."""
    from ui.record_dialog import RecordDialog

    inspection_id = plan(workspace, "历城区某社区卫生服务中心")
    record_answer(workspace, inspection_id, "P1.1", "problem", note="未公示")
    dialog = RecordDialog(workspace, TaskRunner(), inspection_id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "还没有生成记录" in dialog.status.text())
    with session_threads() as threads, qtbot.waitSignal(dialog.changed, timeout=60_000):
        qtbot.mouseClick(dialog.build_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.record is not None, timeout=60_000)
    assert threads and set(threads) == {"database"}


def test_photos_taken_in_open_their_sessions_on_the_database_thread(
    qtbot: QtBot, workspace: Workspace
) -> None:
    """Photo intake from the evidence strip, asynchronous: stored on the database thread; the
    thumbnails (files of the store, no session) read on the pool."""
    from ui.evidence import EvidenceStrip

    inspection_id = plan(workspace, "历城区某社区卫生服务中心")
    strip = EvidenceStrip(workspace, TaskRunner())
    qtbot.addWidget(strip)
    strip.set_target(inspection_id)
    qtbot.waitUntil(strip.add_files_button.isEnabled)  # the inspection read on the executor
    with session_threads() as threads, qtbot.waitSignal(strip.changed, timeout=60_000):
        strip.add_paths([PHOTOS / "orientation" / "portrait_6.jpg"])
    assert ops().flush(60) and QThreadPool.globalInstance().waitForDone(60_000)
    assert threads and set(threads) == {"database"}
    assert len(get_inspection(workspace, inspection_id).evidence) == 1


def test_writes_typed_during_a_long_task_wait_behind_it_and_cancel_still_works(
    qtbot: QtBot, workspace: Workspace
) -> None:
    """A long task holds the database thread: the progress dialog shows after its delay, the
    answers typed meanwhile wait (the newest of each key kept), and 取消 stops the task; then
    the writes go in, nothing lost."""
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    gate = threading.Event()
    started = threading.Event()

    def long(reporter: SignalReporter) -> str:
        reporter.start(2, "长任务")
        started.set()
        assert gate.wait(30)
        if reporter.cancelled:
            raise Cancelled()
        return "done"

    task = TaskRunner().run(long, progress_parent=parent, label="长任务")
    assert started.wait(30)
    saver = AutoSaver()
    saver.submit("note", lambda: workspace.db.set_setting("typed", "一"), OpChanges())
    saver.submit("note", lambda: workspace.db.set_setting("typed", "一二"), OpChanges())
    assert saver.pending and workspace.db.setting("typed") is None  # behind the task
    progress = parent.findChild(QProgressDialog)
    assert progress is not None
    qtbot.waitUntil(progress.isVisible, timeout=10_000)  # after PROGRESS_DELAY_MS
    cancel = progress.findChild(QPushButton)
    assert cancel is not None
    with qtbot.waitSignal(task.signals.cancelled, timeout=30_000):
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        gate.set()
    with qtbot.waitSignal(saver.saved, timeout=30_000):
        pass
    assert saver.flush(30)
    assert workspace.db.setting("typed") == "一二"


def test_the_checklist_is_read_on_the_database_thread_and_shown_when_it_arrives(
    qtbot: QtBot, workspace: Workspace
) -> None:
    from ui.main_window import MainWindow

    inspection_id = plan(workspace, "历城区某社区卫生服务中心")
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.ready, timeout=30_000)
    with session_threads() as threads, qtbot.waitSignal(window.checklist.loaded) as shown:
        window.open_inspection(inspection_id)
        assert window.pages.currentWidget() is window.home  # not shown before it is read
    assert shown.args == [inspection_id]
    assert window.pages.currentWidget() is window.checklist
    assert window.checklist.view is not None and window.checklist.view.id == inspection_id
    assert threads and set(threads) == {"database"}
    assert window.saver.flush(30)


def test_an_inspection_asked_for_twice_is_shown_once(qtbot: QtBot, workspace: Workspace) -> None:
    """A double click on a home row asks twice (doubleClicked and activated): only the newest
    read is shown, so an item chosen once the page is shown is not taken back by the older one."""
    from ui.main_window import MainWindow

    first = plan(workspace, "历城区某社区卫生服务中心")
    second = plan(workspace, "槐荫区乙药店", type_code="retail_pharmacy", district="槐荫区")
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.ready, timeout=30_000)
    seen: list[str] = []
    window.checklist.loaded.connect(seen.append)
    with qtbot.waitSignal(window.checklist.loaded):
        window.open_inspection(first)
        window.open_inspection(second)
        window.open_inspection(second)
    codes = list(window.checklist.items)
    window.checklist.select(codes[3])
    assert ops().flush(30)
    QApplication.processEvents()  # any older read's answer: dropped
    assert seen == [second]
    assert window.checklist.inspection_id == second and window.checklist.current == codes[3]
    assert window.saver.flush(30)


def test_the_core_is_loaded_on_the_database_thread(qtbot: QtBot, home: Path) -> None:
    """The workspace is opened (migrations, its settings read) on the executor's thread: the
    database has one thread from its opening on."""
    from ui.app import CoreLoader

    loader = CoreLoader(str(home))
    with session_threads() as threads, qtbot.waitSignal(loader.loaded, timeout=60_000):
        loader.start()
    loader.join()
    assert loader.workspace is not None
    try:
        assert loader.thread is ops().executor.thread
        assert threads and set(threads) == {"database"}
    finally:
        loader.workspace.close()


@pytest.fixture
def english(qapp: QCoreApplication) -> Iterator[None]:
    translator = QTranslator()
    assert translator.load(str(resource_path("translations", "inspector_en.qm")))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def test_a_bug_in_a_task_or_an_operation_is_told_in_the_users_language(
    qtbot: QtBot, english: None
) -> None:
    def bug(*_args: object) -> None:
        raise RuntimeError("boom")

    said: list[str] = []
    with inline_tasks():
        TaskRunner().run(bug, on_failure=said.append)
        ops().query(bug, failure=said.append)
    assert len(said) == 2
    for message in said:
        assert message.startswith("Internal error: RuntimeError: boom.")
        assert "log" in message and "内部错误" not in message
