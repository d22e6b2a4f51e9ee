"""The record inside the app: make it, preview it, see whether it is current, print it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from inspector.inspections import TeamMember, create_inspection, record_answer
from inspector.workspace import Workspace
from ui.record_dialog import RecordDialog
from ui.tasks import TaskRunner


@pytest.fixture(autouse=True)
def _synchronous(synchronous_tasks: None) -> None:
    """Every job of this file inline (the shared fixture of tests/conftest.py)."""


def test_make_preview_and_print_the_record(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    inspection_id = create_inspection(
        workspace,
        institution="某药店",
        type_code="retail_pharmacy",
        mode="surprise",
        district="市中区",
        team=[TeamMember("张伟", "370100001")],
    )
    record_answer(workspace, inspection_id, "P2.4", "problem", note="药师不在岗")
    dialog = RecordDialog(workspace, TaskRunner(), inspection_id)
    qtbot.addWidget(dialog)
    assert "还没有生成记录" in dialog.status.text()
    assert not dialog.print_button.isEnabled()

    dialog.build()
    assert dialog.record is not None
    assert dialog.document.status() == QPdfDocument.Status.Ready
    assert dialog.document.pageCount() >= 1
    assert "与当前数据一致" in dialog.status.text()
    assert "手写 —" in dialog.status.text()

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert dialog.print_record(printer) == dialog.document.pageCount()
    printed = QPdfDocument()
    printed.load(str(tmp_path / "printed.pdf"))
    assert printed.pageCount() == dialog.document.pageCount()

    record_answer(workspace, inspection_id, "P2.4", "problem", note="药师不在岗，无排班表")
    dialog.refresh()
    assert "请重新生成" in dialog.status.text()


def test_a_signed_record_offers_an_amendment(qtbot: QtBot, workspace: Workspace) -> None:
    import sqlite3

    from inspector.db.models import InspectionStatus
    from inspector.inspections import get_inspection

    inspection_id = create_inspection(
        workspace,
        institution="某药店",
        type_code="retail_pharmacy",
        mode="surprise",
        district="市中区",
        team=[TeamMember("张伟", "370100001")],
    )
    record_answer(workspace, inspection_id, "P2.4", "problem", note="药师不在岗")
    connection = sqlite3.connect(workspace.home.database)
    connection.execute("update inspections set status = 'signed'")
    connection.commit()
    connection.close()
    dialog = RecordDialog(workspace, TaskRunner(), inspection_id)
    qtbot.addWidget(dialog)
    assert dialog.amend_button.isVisibleTo(dialog)
    assert not dialog.build_button.isEnabled()
    with qtbot.waitSignal(dialog.amended) as emitted:
        dialog.amend(confirm=False)
    amendment = get_inspection(workspace, emitted.args[0])
    assert amendment.status is InspectionStatus.IN_PROGRESS
    assert amendment.answers["P2.4"].note == "药师不在岗"
