"""Every window of the app, clicked everywhere (tests/helpers/clicks.py): each button and menu
action a user can reach, with realistic data made through the core in a fresh data directory.
A click that raises, warns or shows 内部错误 fails the test, naming the click."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog
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


def test_record_dialog_of_a_draft(
    qtbot: QtBot, clicker: Clicker, workspace: Workspace, tmp_path: Path
) -> None:
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    from ui.record_dialog import RecordDialog

    inspection_id = plan(workspace, "历城区某社区卫生服务中心")
    save_answer(workspace, inspection_id, "P1.1", "problem", note="未公示", amount="120.00")
    build_record(workspace, inspection_id)
    dialog = RecordDialog(workspace, TaskRunner(), inspection_id)
    qtbot.addWidget(dialog)
    printed = tmp_path / "printed.pdf"

    def print_to_a_file(chosen: QDialog) -> int:
        assert isinstance(chosen, QPrintDialog)
        chosen.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        chosen.printer().setOutputFileName(str(printed))
        return int(QDialog.DialogCode.Accepted.value)

    clicker.answers[QPrintDialog] = print_to_a_file
    report = clicker.run(dialog)
    # 打印… asks for a printer (the clicked(bool) once arrived as the printer: TypeError) and
    # prints every page of the record.
    assert [o.name for o in report.opened_by("打印…")] == ["QPrintDialog"]
    document = QPdfDocument()
    document.load(str(printed))
    assert document.pageCount() == dialog.document.pageCount() >= 1


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
