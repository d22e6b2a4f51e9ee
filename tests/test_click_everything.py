"""Every window of the app, clicked everywhere (tests/helpers/clicks.py): each button and menu
action a user can reach, with realistic data made through the core in a fresh data directory.
A click that raises, warns or shows 内部错误 fails the test, naming the click."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from inspector.inspections import list_inspections, save_answer
from inspector.record.build import build_record
from inspector.workspace import Workspace
from ui.tasks import TaskRunner

from .helpers.clicks import Clicker
from .ledger_helpers import plan, signed_inspection, team_keys


@pytest.fixture
def clicker(qtbot: QtBot, qtlog: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Clicker]:
    yield Clicker(qtbot, qtlog, monkeypatch)


def _inspections(ws: Workspace) -> list[tuple[str, str]]:
    return sorted((view.id, view.status.value) for view in list_inspections(ws))


def test_record_dialog_of_a_draft(qtbot: QtBot, clicker: Clicker, workspace: Workspace) -> None:
    from ui.record_dialog import RecordDialog

    inspection_id = plan(workspace, "历城区某社区卫生服务中心")
    save_answer(workspace, inspection_id, "P1.1", "problem", note="未公示", amount="120.00")
    build_record(workspace, inspection_id)
    dialog = RecordDialog(workspace, TaskRunner(), inspection_id)
    qtbot.addWidget(dialog)
    report = clicker.run(dialog)
    assert any(path.endswith("打印…") for path in report.clicked)
    # 打印… asks for a printer (cancelled here), 另存为… for a file.
    assert [o.name for o in report.opened_by("打印…")] == ["QPrintDialog"]


def test_record_dialog_of_a_signed_inspection(
    qtbot: QtBot, clicker: Clicker, workspace: Workspace
) -> None:
    from ui.record_dialog import RecordDialog

    keys = team_keys(workspace)
    inspection_id = signed_inspection(
        workspace, keys, "历城区某社区卫生服务中心", [("P1.1", "120.00", None)]
    )
    before = _inspections(workspace)
    dialog = RecordDialog(workspace, TaskRunner(), inspection_id)
    qtbot.addWidget(dialog)
    report = clicker.run(dialog)
    # 制作更正记录… asks first; answered No, no amendment is made.
    assert [o.kind for o in report.opened_by("制作更正记录…")] == ["question"]
    assert _inspections(workspace) == before
