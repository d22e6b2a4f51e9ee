"""The record as a legal document in the app: the party's particulars and the recorder on the
signing screen, a recusal override asked for and kept, and amendments told apart from their
originals."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from inspector.inspections import TeamMember, create_inspection, get_inspection
from inspector.record.content import amend_inspection, get_party_details
from inspector.record.facts import gather_facts
from inspector.workspace import Workspace
from ui.home import InspectionListModel
from ui.main_window import MainWindow
from ui.new_inspection import NewInspectionDialog
from ui.signing_dialog import SigningDialog
from ui.tasks import TaskRunner


@pytest.fixture(autouse=True)
def _synchronous(synchronous_tasks: None) -> None:
    """Every job of this file inline (the shared fixture of tests/conftest.py)."""


def _pharmacy(ws: Workspace) -> str:
    return create_inspection(
        ws,
        institution="历下区康泰大药房",
        type_code="retail_pharmacy",
        mode="surprise",
        district="历下区",
        team=[TeamMember("张伟", "370100001"), TeamMember("李娜", "370100002")],
    )


def test_the_signing_screen_keeps_the_party_and_the_recorder(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    inspection_id = _pharmacy(workspace)
    dialog = SigningDialog(workspace, TaskRunner(), inspection_id)
    qtbot.addWidget(dialog)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    dialog.credit_code.setText("91350100M000100Y44")
    assert not dialog.save_party()
    assert "校验位" in warnings[0]
    assert get_party_details(workspace, inspection_id).credit_code is None
    dialog.credit_code.setText("91350100M000100Y43")
    dialog.legal_rep.setText("赵某")
    dialog.recorder.setCurrentIndex(dialog.recorder.findData("370100002"))
    dialog.recusal_told.setChecked(True)
    with qtbot.waitSignal(dialog.changed):
        assert dialog.save_party()
    party = get_party_details(workspace, inspection_id)
    assert (party.credit_code, party.legal_rep, party.recorder_name) == (
        "91350100M000100Y43",
        "赵某",
        "李娜",
    )
    assert party.recusal_told
    again = SigningDialog(workspace, TaskRunner(), inspection_id)
    qtbot.addWidget(again)
    assert again.legal_rep.text() == "赵某" and again.recorder.currentData() == "370100002"


def test_a_recusal_override_is_asked_for_and_recorded(qtbot: QtBot, workspace: Workspace) -> None:
    dialog = NewInspectionDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.institution.setText("历下区康泰大药房")
    dialog.kind.setCurrentIndex(dialog.kind.findData("retail_pharmacy"))
    dialog.mode.setCurrentIndex(dialog.mode.findData("cross"))
    dialog.district.setText("历下区")
    dialog.team_district.setText("槐荫区")
    dialog.team.item(0, 0).setText("王强")
    dialog.team.item(0, 1).setText("370100007")
    dialog.team.item(0, 2).setText("历下区")
    assert "王强" in dialog.recusal_warning()

    def answer(reason: str) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QInputDialog)
        if reason:
            box.setTextValue(reason)
            box.accept()
        else:
            box.reject()

    QTimer.singleShot(0, lambda: answer(""))
    dialog._create()  # cancelled: nothing made
    assert dialog.created_id is None
    QTimer.singleShot(0, lambda: answer("唯一熟悉进销存系统的人员"))
    dialog._create()
    assert dialog.created_id is not None
    facts = gather_facts(workspace, get_inspection(workspace, dialog.created_id))
    assert facts.party.recusal_overrides == (("王强", "历下区", "唯一熟悉进销存系统的人员"),)


def test_the_home_list_tells_an_amendment_from_its_original(
    qtbot: QtBot, workspace: Workspace
) -> None:
    inspection_id = _pharmacy(workspace)
    connection = sqlite3.connect(workspace.home.database)
    connection.execute("update inspections set status = 'signed' where id = ?", (inspection_id,))
    connection.commit()
    connection.close()
    amendment = amend_inspection(workspace, inspection_id)
    model = InspectionListModel(workspace)
    model.refresh()
    names = {model.rows[r].id: model.data(model.index(r, 2)) for r in range(model.rowCount())}
    assert names[amendment] == "历下区康泰大药房（更正记录）"
    assert names[inspection_id] == "历下区康泰大药房（已更正）"


def _checklist(qtbot: QtBot, workspace: Workspace) -> tuple[MainWindow, str]:
    inspection_id = create_inspection(
        workspace,
        institution="历下区康泰大药房",
        type_code="retail_pharmacy",
        mode="surprise",
        district="历下区",
        team=[TeamMember("张伟", "370100001")],
        focus=["key_drugs_2023"],
    )
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):  # shortcuts fire in the active window only
        window.show()
        window.activateWindow()
    window.open_inspection(inspection_id)
    return window, inspection_id


def test_the_key_drug_list_shows_on_its_item_and_saves_each_entry(
    qtbot: QtBot, workspace: Workspace
) -> None:
    from inspector.drug_checks import drug_checks

    window, inspection_id = _checklist(qtbot, workspace)
    page = window.checklist
    page.select("P2.4")
    assert not page.drugs.isVisibleTo(page)
    page.select("FK.1")
    assert page.drugs.isVisibleTo(page) and "西药（附件1）" in page.drugs.title()
    table = page.drugs.table
    assert table.rowCount() == 30 and table.item(0, 1).text() == "人血白蛋白"
    table.item(0, 3).setText("12")
    table.item(0, 4).setText("支")
    table.item(0, 5).setText("库存与结算量不符")
    window.saver.flush()
    (check,) = drug_checks(workspace, inspection_id)
    assert (check.entry_no, check.count, check.unit, check.note) == (
        1,
        "12",
        "支",
        "库存与结算量不符",
    )
    page.select("FK.2")
    page.select("FK.1")
    assert page.drugs.table.item(0, 3).text() == "12"  # shown again from what was entered
    window.close()


def test_ctrl_z_in_the_note_and_ctrl_y_redo(qtbot: QtBot, workspace: Workspace) -> None:
    window, inspection_id = _checklist(qtbot, workspace)
    page = window.checklist
    page.select("P2.4")
    page.note.setFocus()
    qtbot.keyClicks(page.note, "abc")
    assert page.note.toPlainText() == "abc"
    qtbot.keyClick(page.note, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.note.toPlainText() == ""
    qtbot.keyClick(page.note, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert page.note.toPlainText() == "abc"
    window.saver.flush()
    assert get_inspection(workspace, inspection_id).answers["P2.4"].note == "abc"
    window.close()


def test_enter_in_the_registry_search_chooses_and_starts_nothing(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    from tests.helpers.registry import fill_registry

    fill_registry(workspace, tmp_path)
    dialog = NewInspectionDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    picker = dialog.picker
    assert picker is not None
    with qtbot.waitSignal(picker.results_changed):
        picker.search.setText("历城区过期")
    picker.search.setFocus()
    with qtbot.waitSignal(picker.chosen):
        qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert dialog.institution.text() == "历城区过期药店"
    assert dialog.created_id is None and dialog.isVisible()  # not started, no error box


def test_a_checklist_notice_stays_until_closed(qtbot: QtBot, workspace: Workspace) -> None:
    workspace.notices.append("清单文件 focus-x.yaml 有误，已使用上次可用的版本")
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    assert window.notice.isVisible() and "上次可用" in window.notice.text()
    # Not a status-bar message: that one times out before the user has read it.
    assert "上次可用" not in window.statusBar().currentMessage()
    qtbot.mouseClick(window.notice, Qt.MouseButton.LeftButton)
    assert not window.notice.isVisible()
    window.close()


def test_the_english_ui_does_not_cut_results_or_headers(qtbot: QtBot, workspace: Workspace) -> None:
    from inspector.db.models import Result
    from ui.app import Translations
    from ui.strings import result_name

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translations = Translations(app)
    translations.apply("en")
    try:
        window, _inspection_id = _checklist(qtbot, workspace)
        page = window.checklist
        page.set_result(Result.PROBLEM)
        tree = page.tree
        assert result_name(Result.PROBLEM) == "Problem found"
        needed = tree.fontMetrics().horizontalAdvance("Problem found")
        assert tree.columnWidth(1) > needed
        # Words built around values were not found by lupdate and stayed Chinese.
        page.select("P2.4")
        assert page.item_section.text().startswith("Inspection point 2: ")
        assert page.sources.text().startswith("Sources: ")
        window.show_home()
        table = window.home.table
        metrics = table.horizontalHeader().fontMetrics()
        model = table.model()
        for column in range(model.columnCount()):
            if column == 2:  # stretches
                continue
            title = model.headerData(column, Qt.Orientation.Horizontal)
            assert table.columnWidth(column) > metrics.horizontalAdvance(title), title
        window.close()
    finally:
        translations.apply("zh_CN")


def test_printing_renders_pages_at_300_dpi_not_the_printers_1200(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    import shutil
    import subprocess

    from PySide6.QtPrintSupport import QPrinter

    from ui.record_dialog import RecordDialog

    if shutil.which("pdfimages") is None:
        pytest.skip("needs poppler-utils")
    inspection_id = _pharmacy(workspace)
    dialog = RecordDialog(workspace, TaskRunner(), inspection_id)
    qtbot.addWidget(dialog)
    dialog.build()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert printer.resolution() == 1200
    assert dialog.print_record(printer) == dialog.document.pageCount()
    listing = subprocess.run(
        ["pdfimages", "-list", str(tmp_path / "printed.pdf")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()[2:]
    widths = {int(line.split()[3]) for line in listing}
    assert len(listing) == dialog.document.pageCount()  # one opaque picture a page, no mask
    assert widths == {round(595.28 * 300 / 72)}  # A4 at 300 dpi: 2480 px, not 9921


def test_interview_records_in_the_app_with_a_recorder_and_edits(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    import subprocess

    from inspector.record.build import build_interview_record
    from inspector.record.content import get_interviews
    from ui.interview_dialog import InterviewDialog

    inspection_id = _pharmacy(workspace)
    dialog = InterviewDialog(workspace, TaskRunner(), inspection_id)
    qtbot.addWidget(dialog)
    assert not dialog.ask_button.isEnabled()  # nothing to ask into yet
    dialog.new_name.setText("钱某")
    dialog.recorder.setCurrentIndex(dialog.recorder.findData("370100002"))
    interview_id = dialog.create()
    assert interview_id is not None and dialog.list.count() == 1
    dialog.role.setText("店员")
    assert dialog.save_particulars()
    dialog.question.setText("药师今天在吗？")
    dialog.answer.setPlainText("不在，请假了")
    assert dialog.ask()
    dialog.question.setText("有请假条吗？")
    dialog.answer.setPlainText("没有")
    assert dialog.ask()
    dialog.table.item(0, 1).setText("不在，今天休息")  # corrected before signing
    dialog.table.item(1, 0).setText("")  # an empty question removes it
    (interview,) = get_interviews(workspace, inspection_id)
    assert interview.interviewee_role == "店员" and interview.recorder_name == "李娜"
    assert interview.questions == [{"q": "药师今天在吗？", "a": "不在，今天休息"}]
    pdf, _ = build_interview_record(workspace, interview_id, tmp_path / "询问.pdf")
    text = "".join(
        subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.split()
    )
    assert "记录人李娜（执法证号370100002）" in text and "不在，今天休息" in text
    assert "被询问人核对签字（每页）" in text


def _file_queue() -> tuple[str, Path] | None:
    """A CUPS queue whose backend writes each job to a file (tests/data/cups/inspector-file says
    how to set one up), where there is one."""
    import shutil
    import subprocess

    if shutil.which("lpstat") is None:
        return None
    listing = subprocess.run(["lpstat", "-v"], capture_output=True, text=True, check=False)
    for line in listing.stdout.splitlines():
        found = re.match(r"device for (\S+): inspector-file:(/\S+)", line)
        if found:
            return found.group(1), Path(found.group(2))
    return None


def test_on_a_cups_queue_the_pdf_itself_is_printed(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    import time

    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    from inspector.record.status import record_bytes
    from ui.record_dialog import RecordDialog, cups_command

    pdf_printer = QPrinter()
    pdf_printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    assert cups_command(pdf_printer, "x") is None  # printing to a file renders pages
    queue = _file_queue()
    if queue is None:
        pytest.skip("needs a CUPS queue on tests/data/cups/inspector-file")
    name, target = queue
    printer = QPrinter(QPrinterInfo.printerInfo(name))
    printer.setCopyCount(2)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(1, 2)
    command = cups_command(printer, "检查记录")
    assert command is not None
    assert command[1:] == ["-d", name, "-t", "检查记录", "-n", "2", "-P", "1-2", *command[-2:]]
    inspection_id = _pharmacy(workspace)
    dialog = RecordDialog(workspace, TaskRunner(), inspection_id)
    qtbot.addWidget(dialog)
    dialog.build()
    assert dialog.record is not None
    data = record_bytes(workspace, dialog.record)
    target.unlink(missing_ok=True)
    assert dialog.print_record(QPrinter(QPrinterInfo.printerInfo(name))) >= 1
    # The queue's device is another process: wait for the file it writes, for at most 30 s.
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not (target.exists() and target.stat().st_size):
        time.sleep(0.05)
    assert target.read_bytes() == data  # the record's own bytes: vectors, not page pictures
