"""Operations (ui/ops): one database executor, typed changes on one signal, and the check that
no database session is opened, and nothing written, on the UI thread."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from inspector.errors import InvalidInput
from inspector.inspections import current_inspector
from inspector.workspace import Workspace
from tests.helpers.tasks import inline_tasks
from tests.helpers.threads import UI, ui_thread_guard
from ui.current_inspector import CurrentInspectorDialog
from ui.ops import OpChanges, ops
from ui.ops.executor import DatabaseExecutor, on_worker


def test_choosing_the_current_inspector_writes_on_the_executor(
    qtbot: QtBot, workspace: Workspace
) -> None:
    """The real OK button; the write happens on the database thread (the autouse check of
    tests/conftest.py fails this test if it happened on the UI thread) and its changes come
    back on the one app-wide signal."""
    dialog = CurrentInspectorDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.people.setCurrentIndex(dialog.people.findData(None))  # 新增检查人员…
    dialog.name.setText("王芳")
    dialog.cert_no.setText("370100009")
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    with qtbot.waitSignal(ops().changed) as announced, qtbot.waitSignal(dialog.accepted):
        ok.click()
    changes, initiator = announced.args
    assert isinstance(changes, OpChanges) and changes.settings and not changes.answers
    assert initiator is dialog
    person = current_inspector(workspace)
    assert person is not None and person.cert_no == "370100009"
    assert dialog.chosen is not None and dialog.chosen.cert_no == "370100009"


def test_the_check_names_ui_thread_sessions_and_writes(
    qapp: QApplication, workspace: Workspace
) -> None:
    """What the check of every UI test sees: a session opened by ui/ code on the UI thread is
    named by its function, a write there is named as a write; the same work as an operation
    is not seen at all."""
    # A read and a write made outside an operation, from functions of ui/ on the UI thread.
    source = (
        "from inspector.inspections import known_inspectors, set_current_inspector, TeamMember\n"
        "def fill(ws):\n"
        "    return known_inspectors(ws)\n"
        "def choose(ws):\n"
        "    set_current_inspector(ws, TeamMember('王芳', '370100009'))\n"
    )
    scope: dict[str, object] = {}
    exec(compile(source, str(UI / "old_dialog.py"), "exec"), scope)
    with ui_thread_guard() as found:
        scope["fill"](workspace)  # type: ignore[operator]
    assert found and set(found) == {"ui/old_dialog.py:fill"}

    with ui_thread_guard() as found:
        scope["choose"](workspace)  # type: ignore[operator]
    assert "write: ui/old_dialog.py:choose" in found

    with inline_tasks(), ui_thread_guard() as found:  # inline, yet counted as the executor's
        ops().query(lambda: scope["choose"](workspace))  # type: ignore[operator]
    assert found == []


def test_keyed_jobs_coalesce_and_all_run_in_order_on_one_thread(qtbot: QtBot) -> None:
    executor = DatabaseExecutor()
    gate = threading.Event()
    ran: list[tuple[str, str, bool]] = []
    delivered: list[str] = []

    def job(name: str) -> object:
        def run() -> str:
            if name == "first":
                gate.wait(10)
            ran.append((name, threading.current_thread().name, on_worker()))
            return name

        return run

    executor.submit(job("first"), done=delivered.append)
    executor.submit(job("a: typed 1"), key="a", done=delivered.append)
    executor.submit(job("other"), done=delivered.append)
    executor.submit(job("a: typed 2"), key="a", done=delivered.append)  # replaces the waiting one
    gate.set()
    assert executor.flush(10)
    assert [name for name, _, _ in ran] == ["first", "other", "a: typed 2"]
    assert {(thread, worker) for _, thread, worker in ran} == {("database", True)}
    qtbot.waitUntil(lambda: len(delivered) == 3)  # back on the UI thread, in order
    assert delivered == ["first", "other", "a: typed 2"]


def test_a_refusal_reaches_the_caller_as_its_message_and_announces_nothing(qtbot: QtBot) -> None:
    announced: list[object] = []
    ops().changed.connect(announced.append)
    messages: list[str] = []

    def refuse() -> None:
        raise InvalidInput("没有条目 {code}", code="P9")

    ops().mutate(refuse, OpChanges(answers=True), failure=messages.append)
    qtbot.waitUntil(lambda: bool(messages))
    assert messages == ["没有条目 P9"]
    assert announced == []
    ops().changed.disconnect(announced.append)


def test_the_ops_layer_imports_no_core_at_start(tmp_path: Path) -> None:
    """ui/ops is imported by the autosaver, which the window builds early: it must not pull the
    core (SQLAlchemy, the models) in before the core loader does (the start-up benchmark)."""
    import subprocess
    import sys

    code = (
        "import sys, ui.ops\n"
        "print('sqlalchemy' in sys.modules, 'inspector.workspace' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=UI.parent
    ).stdout.split()
    assert out == ["False", "False"]


def test_no_session_and_no_bare_write_in_the_ui_code() -> None:
    """The static half of the rule (the thread check is the dynamic one): ui/ opens no session
    or connection of its own, and its only direct writes (the UI's own state) are jobs handed to
    the executor."""
    import re

    opened, written = [], []
    for path in sorted(UI.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{path.relative_to(UI.parent)}:{number}"
            if re.search(r"\.(session|reading|raw_connection|connect)\(\)|\bSession\(", line):
                opened.append(where)
            if ".set_setting(" in line and "lambda" not in line:
                written.append(where)
    assert opened == [] and written == []
