"""The interview record (询问笔录) in the app: 询问人 chosen (a recused one
not choosable, one alone refused), the rights, the 执法证件 and the confirmation captured, then
the record previewed, printed (to a PDF printer), saved and signed through the real buttons."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from inspector.inspections import TeamMember, create_inspection
from inspector.record.content import add_question, get_interview, new_interview, update_interview
from inspector.record.status import latest_record
from inspector.signing.keystore import KeyStore
from inspector.workspace import Workspace
from tests.helpers.ledger import interview_ready
from ui.interview_dialog import InterviewDialog, InterviewRecordDialog
from ui.tasks import TaskRunner

PASSPHRASE = "口令-正确-1234"
click = Qt.MouseButton.LeftButton


@pytest.fixture(autouse=True)
def _synchronous(synchronous_tasks: None) -> None:
    """Every job of this file inline (the shared fixture of tests/conftest.py)."""


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    found: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: found.append(text))
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: found.append(text))
    return found


def _visit(ws: Workspace) -> tuple[str, str]:
    inspection_id = create_inspection(
        ws, institution="历城区某社区卫生服务中心", type_code="primary_care", mode="cross",
        district="历城区", team_district="市中区",
        team=[TeamMember("张伟", "370100001", "市中区"), TeamMember("李娜", "370100002", "市中区"),
              TeamMember("王强", "370100003", "历城区")],
        leader="370100002", recusal_override="熟悉当地情况",
    )  # fmt: skip
    interview = new_interview(ws, inspection_id, "刘某", role="护士")
    add_question(ws, interview, "床位上的病人在哪里？", "回家了")
    update_interview(ws, interview, recorder="370100001", id_no="11010519491231002X")
    return inspection_id, interview


def _check(dialog: InterviewDialog, certs: set[str]) -> None:
    for row in range(dialog.interviewers.count()):
        item = dialog.interviewers.item(row)
        on = item.data(Qt.ItemDataRole.UserRole) in certs
        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def test_interviewers_rights_and_confirmation_through_the_buttons(
    qtbot: QtBot, workspace: Workspace, warnings: list[str]
) -> None:
    inspection_id, interview = _visit(workspace)
    dialog = InterviewDialog(workspace, TaskRunner(), inspection_id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.current is not None and dialog.interviewers.count() == 3)
    recused = next(
        dialog.interviewers.item(r)
        for r in range(3)
        if dialog.interviewers.item(r).data(Qt.ItemDataRole.UserRole) == "370100003"
    )
    assert "回避" in recused.text() and not recused.flags() & Qt.ItemFlag.ItemIsEnabled
    _check(dialog, {"370100001"})
    qtbot.mouseClick(dialog.interviewers_button, click)
    assert warnings and "至少两名" in warnings[-1]
    assert get_interview(workspace, interview).interviewers == []
    _check(dialog, {"370100001", "370100003"})  # the recused one, forced on
    qtbot.mouseClick(dialog.interviewers_button, click)
    assert "已回避" in warnings[-1] and get_interview(workspace, interview).interviewers == []
    _check(dialog, {"370100001", "370100002"})
    qtbot.mouseClick(dialog.interviewers_button, click)
    qtbot.waitUntil(lambda: dialog.shown_by.count() == 2)
    dialog.shown_by.setCurrentIndex(dialog.shown_by.findData("370100002"))
    qtbot.mouseClick(dialog.shown_button, click)
    # Signing waits for what is not captured yet, named: 张伟's 执法证件, the rights.
    qtbot.waitUntil(lambda: "询问人张伟（执法证号 370100001）出示执法证件" in dialog.status.text())
    assert "李娜（执法证号 370100002）出示" not in dialog.status.text()
    assert "告知申请执法人员回避的权利" in dialog.status.text()
    dialog.shown_by.setCurrentIndex(dialog.shown_by.findData("370100001"))
    qtbot.mouseClick(dialog.shown_button, click)
    for box in dialog.rights.values():
        box.setChecked(True)
    qtbot.mouseClick(dialog.rights_button, click)  # 回避 told, its answer not given: named
    qtbot.waitUntil(lambda: "被询问人对回避告知的答复" in dialog.status.text())
    # A reply per right, each kept with its own.
    dialog.replies["recusal"].setText("不申请回避")
    dialog.replies["truthful"].setText("明白")
    qtbot.mouseClick(dialog.rights_button, click)
    qtbot.waitUntil(lambda: "告知" not in dialog.status.text())
    assert "确认意见" in dialog.status.text()
    dialog.confirmation.setText("以上笔录我已看过，与我所说的一致")
    qtbot.mouseClick(dialog.confirm_button, click)
    qtbot.waitUntil(lambda: "确认意见" not in dialog.status.text())
    view = get_interview(workspace, interview)
    assert [c for _n, c in view.interviewers] == ["370100001", "370100002"]
    assert {code: reply for code, _at, reply in view.rights_told} == {
        "recusal": "不申请回避",
        "truthful": "明白",
        "read_correct": None,
    }
    assert [c for _n, c, _at in view.credentials_shown] == ["370100002", "370100001"]
    assert view.confirmation_text == "以上笔录我已看过，与我所说的一致"


def _draw(qtbot: QtBot, dialog: InterviewRecordDialog) -> None:
    canvas = dialog.pad.canvas
    points = [(20, 40), (60, 90), (100, 40), (140, 90)]
    qtbot.mousePress(canvas, click, pos=QPoint(*points[0]))
    for x, y in points[1:]:
        qtbot.mouseMove(canvas, QPoint(x, y))
    qtbot.mouseRelease(canvas, click, pos=QPoint(*points[-1]))


def test_preview_print_save_and_sign_the_interview_record(
    qtbot: QtBot,
    workspace: Workspace,
    warnings: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    inspection_id, interview = _visit(workspace)
    interview_ready(workspace, interview, ["370100001", "370100002"])
    store = KeyStore.of(workspace)
    for name, cert in (("张伟", "370100001"), ("李娜", "370100002")):
        store.self_signed_for_trials(name, cert, PASSPHRASE)
    parent = InterviewDialog(workspace, TaskRunner(), inspection_id)
    qtbot.addWidget(parent)
    qtbot.waitUntil(lambda: parent.record_button.isEnabled())
    qtbot.mouseClick(parent.record_button, click)
    dialog = parent.record_dialog
    assert isinstance(dialog, InterviewRecordDialog)
    qtbot.waitUntil(lambda: dialog.interview is not None)
    assert not dialog.preview.print_button.isEnabled()  # nothing made yet
    qtbot.mouseClick(dialog.build_button, click)
    qtbot.waitUntil(lambda: dialog.preview.document.pageCount() >= 1)

    printed = tmp_path / "printed.pdf"

    def to_a_file(chosen: QPrintDialog) -> int:
        chosen.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        chosen.printer().setOutputFileName(str(printed))
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(QPrintDialog, "exec", to_a_file)
    qtbot.mouseClick(dialog.preview.print_button, click)
    printout = QPdfDocument()
    printout.load(str(printed))
    assert printout.pageCount() == dialog.preview.document.pageCount()

    saved = tmp_path / "询问笔录.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
    qtbot.mouseClick(dialog.preview.save_button, click)
    text = subprocess.run(["pdftotext", str(saved), "-"], capture_output=True, text=True).stdout
    assert "询问笔录" in text and "以上笔录我已看过，与我所说的一致" in text

    # By hand: the interviewee, then both 询问人 (the 记录人 is one of them).
    for index in range(3):
        dialog.signer.setCurrentIndex(index)
        _draw(qtbot, dialog)
        qtbot.mouseClick(dialog.save_signature_button, click)
        qtbot.waitUntil(lambda: dialog.pad.is_empty())
    assert not warnings, warnings
    qtbot.mouseClick(dialog.build_button, click)
    qtbot.waitUntil(lambda: "✓" in dialog.status.text())
    for cert in ("370100001", "370100002"):  # the leader last
        dialog.key.setCurrentIndex(
            next(i for i in range(dialog.key.count()) if cert in dialog.key.itemText(i))
        )
        dialog.passphrase.setText(PASSPHRASE)
        qtbot.mouseClick(dialog.sign_button, click)
    assert not warnings, warnings
    record = latest_record(workspace, inspection_id, interview)
    assert record is not None and record.signed_by == {"370100001", "370100002"}
    assert get_interview(workspace, interview).signed
    qtbot.waitUntil(lambda: not dialog.build_button.isEnabled())


def test_the_confirmation_written_on_the_pad_through_the_buttons(
    qtbot: QtBot, workspace: Workspace, warnings: list[str], tmp_path: Path
) -> None:
    """The interviewee writes the closing confirmation on the pad (手写确认…): kept as written
    and printed as written; typing the words said later keeps the handwriting."""
    from inspector.record.build import build_interview_record

    inspection_id, interview = _visit(workspace)
    dialog = InterviewDialog(workspace, TaskRunner(), inspection_id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.current is not None and dialog.write_button.isEnabled())
    assert "确认意见" in dialog.status.text()
    unconfirmed, _ = build_interview_record(workspace, interview, tmp_path / "before.pdf")
    qtbot.mouseClick(dialog.write_button, click)
    pad = dialog.confirmation_pad
    qtbot.waitUntil(pad.isVisible)
    qtbot.mouseClick(pad.save_button, click)  # nothing written yet: asked to write, kept open
    assert warnings == ["请先在框内书写"] and pad.isVisible()
    assert get_interview(workspace, interview).confirmation_png is None
    canvas = pad.pad.canvas
    points = [(30, 60), (90, 120), (160, 50), (260, 130), (380, 70)]
    qtbot.mousePress(canvas, click, pos=QPoint(*points[0]))
    for x, y in points[1:]:
        qtbot.mouseMove(canvas, QPoint(x, y))
    qtbot.mouseRelease(canvas, click, pos=QPoint(*points[-1]))
    qtbot.mouseClick(pad.save_button, click)
    qtbot.waitUntil(lambda: "确认意见" not in dialog.status.text())
    assert warnings == ["请先在框内书写"] and not pad.isVisible()
    view = get_interview(workspace, interview)
    assert view.confirmation_png and view.confirmation_text is None
    assert view.confirmation_strokes and len(view.confirmation_strokes[0]) == len(points)
    assert not dialog.handwriting.pixmap().isNull()  # shown beside the typed words

    confirmed, _ = build_interview_record(workspace, interview, tmp_path / "after.pdf")

    def images(pdf: Path) -> list[str]:
        listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True)
        return [line for line in listing.stdout.splitlines()[2:] if line.split()[2] == "image"]

    text = subprocess.run(["pdftotext", str(confirmed), "-"], capture_output=True, text=True)
    assert "被询问人核对笔录后的确认意见" in text.stdout
    assert len(images(confirmed)) == len(images(unconfirmed)) + 1  # the handwriting itself

    # The words said, typed afterwards: the handwriting stays.
    dialog.confirmation.setText("以上笔录我已看过，与我所说的一致")
    qtbot.mouseClick(dialog.confirm_button, click)
    qtbot.waitUntil(
        lambda: get_interview(workspace, interview).confirmation_text is not None, timeout=5000
    )
    after = get_interview(workspace, interview)
    assert after.confirmation_png == view.confirmation_png
    assert after.confirmation_text == "以上笔录我已看过，与我所说的一致"
    assert warnings == ["请先在框内书写"]
