"""The scan window: codes typed by a USB scanner in a burst, each one recorded in order (none
lost, none merged), a misread told and not stored, a photo of a box decoded, the list coloured
and counted, and finishing puts the log and the hits on P6.5."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from PIL import Image, ImageOps
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from inspector.audit import events
from inspector.inspections import TeamMember, create_inspection, get_inspection
from inspector.settlement.store import import_detail
from inspector.trace import ITEM, NORMAL, RETURNED
from inspector.trace.scans import list_scans
from inspector.workspace import Workspace
from tests.helpers.trace import INSTITUTION, code_of, plant
from ui.tasks import TaskRunner
from ui.trace_dialog import COLOURS, TraceDialog

CODE = "81234567890123456789"


def _inspection(ws: Workspace) -> str:
    return create_inspection(
        ws, institution=INSTITUTION, type_code="public_hospital", mode="surprise",
        district="历城区", team=[TeamMember("张伟", "370100001")],
    )  # fmt: skip


def _dialog(qtbot: QtBot, ws: Workspace, inspection: str, **kwargs: Any) -> TraceDialog:
    dialog = TraceDialog(ws, TaskRunner(), inspection, **kwargs)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.sweep is not None)  # opened on the database executor
    return dialog


def scan(qtbot: QtBot, dialog: TraceDialog, text: str) -> None:
    """As a USB scanner does: the characters, then Enter, into whatever has the keyboard
    (which must be the scan field)."""
    target = QApplication.focusWidget()
    assert target is dialog.scan_input
    qtbot.keyClicks(target, text)
    qtbot.keyClick(target, Qt.Key.Key_Return)


def test_a_burst_of_scans_is_recorded_in_order_none_lost_or_merged(
    qtbot: QtBot, workspace: Workspace
) -> None:
    """On the real database executor: the codes arrive while earlier ones are being recorded."""
    inspection = _inspection(workspace)
    dialog = _dialog(qtbot, workspace, inspection)
    codes = [code_of(n) for n in range(40)] + [code_of(3)]  # the last a repeat
    for code in codes:
        scan(qtbot, dialog, code)  # no wait between codes
    qtbot.waitUntil(lambda: len(dialog.model.rows) == len(codes), timeout=20_000)
    assert dialog.scan_input.text() == ""
    stored = list_scans(workspace, get_inspection(workspace, inspection).id)
    assert [s.code for s in stored] == codes
    assert [s.source for s in stored] == ["scanner"] * len(codes)
    assert stored[-1].repeat_of == 4
    # Newest on top, with its note; counted once.
    assert dialog.model.data(dialog.model.index(0, 2)) == code_of(3)
    assert "重复扫描（首次为第 4 次扫描）" in dialog.model.data(dialog.model.index(0, 5))
    assert "追溯码 40 个（重复扫描 1 次" in dialog.counts.text()


@pytest.mark.usefixtures("synchronous_tasks")
def test_misreads_are_told_and_hits_coloured_and_finishing_records_p6_5(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inspection = _inspection(workspace)
    shelf = plant()
    purchases = shelf.purchase_file(tmp_path / "购进追溯码.csv")
    assert import_detail(workspace, inspection, shelf.detail_file(tmp_path / "明细.csv")).ok
    dialog = _dialog(qtbot, workspace, inspection)
    assert not dialog.finish_button.isEnabled()
    # The purchase records, through the button and the file dialog.
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(purchases), ""))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "追溯码 140 个" in dialog.message.text()
    before = len(events(workspace))
    scan(qtbot, dialog, "6901234567892")
    assert "这是商品条码" in dialog.message.text() and "未记录" in dialog.message.text()
    assert len(events(workspace)) == before and dialog.model.rows == []
    returned = next(c for c, kind in shelf.expected.items() if kind == RETURNED)
    normal = next(c for c, kind in shelf.expected.items() if kind == NORMAL)
    scan(qtbot, dialog, returned)
    scan(qtbot, dialog, normal)
    assert [s.result for s in dialog.model.rows] == [NORMAL, RETURNED]
    brush = dialog.model.data(dialog.model.index(1, 0), Qt.ItemDataRole.BackgroundRole)
    assert brush.color().name() == COLOURS[RETURNED]
    assert dialog.model.data(dialog.model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is None
    assert "已结算仍在架 1" in dialog.counts.text()
    # The keyboard stayed in the scan field while buttons and the list were clicked.
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is dialog.scan_input

    dialog.violation_combo.setCurrentIndex(dialog.violation_combo.findData("VH07"))
    before = len(events(workspace))
    with qtbot.waitSignal(dialog.changed):
        qtbot.mouseClick(dialog.finish_button, Qt.MouseButton.LeftButton)
    assert [e.action for e in events(workspace)[before:]] == ["evidence.add", "answer.save"]
    answer = get_inspection(workspace, inspection).answers[ITEM]
    assert answer.result.value == "problem" and answer.violation_code == "VH07"
    assert returned in answer.note and answer.amount_fen == 2_350
    assert "已记为该条目的问题" in dialog.message.text()


def _frame(code: str) -> QImage:
    mark = zxingcpp.create_barcode(code, zxingcpp.BarcodeFormat.DataMatrix).to_image(scale=6)
    symbol = Image.frombuffer("L", (mark.shape[1], mark.shape[0]), bytes(mark))
    frame = Image.new("RGB", (960, 540), (128, 124, 118))
    frame.paste(ImageOps.expand(symbol, 30, fill=255).convert("RGB"), (380, 200))
    buffer = io.BytesIO()
    frame.save(buffer, "PNG")
    image = QImage()
    image.loadFromData(buffer.getvalue())
    return image


@pytest.mark.qt_log_ignore("No RHI backend")
@pytest.mark.usefixtures("synchronous_tasks")
def test_a_photo_of_a_box_is_decoded_and_recorded(qtbot: QtBot, workspace: Workspace) -> None:
    """The camera dialog of the evidence strip, fed frames in place of a device (none
    offscreen): the shutter pressed, the frame decoded with zxing-cpp, the code recorded."""
    from ui.evidence.camera import CameraCheck, CameraDialog, available_cameras

    assert not available_cameras().available  # and QtMultimedia loaded as the app does
    from PySide6.QtMultimedia import QVideoFrame, QVideoFrameInput

    inspection = _inspection(workspace)
    frames = QVideoFrameInput()
    dialog = _dialog(qtbot, workspace, inspection, frames=frames)
    camera = CameraDialog(CameraCheck(), dialog, frames=frames)
    dialog.connect_camera(camera)
    with qtbot.waitSignal(camera.shot_taken):
        qtbot.mouseClick(camera.shutter, Qt.MouseButton.LeftButton)
        assert frames.sendVideoFrame(QVideoFrame(_frame(CODE)))
    qtbot.waitUntil(lambda: len(dialog.model.rows) == 1)
    (stored,) = list_scans(workspace, get_inspection(workspace, inspection).id)
    assert (stored.code, stored.source) == (CODE, "camera")
    # A frame without a code says so and records nothing.
    blank = QImage(640, 480, QImage.Format.Format_RGB888)
    blank.fill(0x808080)
    with qtbot.waitSignal(camera.shot_taken):
        qtbot.mouseClick(camera.shutter, Qt.MouseButton.LeftButton)
        assert frames.sendVideoFrame(QVideoFrame(blank))
    qtbot.waitUntil(lambda: "未识别到条码" in dialog.message.text())
    assert len(dialog.model.rows) == 1


@pytest.mark.usefixtures("synchronous_tasks")
def test_without_a_camera_the_button_says_why(qtbot: QtBot, workspace: Workspace) -> None:
    dialog = _dialog(qtbot, workspace, _inspection(workspace))
    qtbot.mouseClick(dialog.camera_button, Qt.MouseButton.LeftButton)
    assert "摄像头" in dialog.message.text()
    assert dialog.model.rows == []


@pytest.mark.usefixtures("synchronous_tasks")
def test_the_window_resumes_the_sweep_so_far(qtbot: QtBot, workspace: Workspace) -> None:
    inspection = _inspection(workspace)
    first = _dialog(qtbot, workspace, inspection)
    scan(qtbot, first, CODE)
    qtbot.mouseClick(first.close_button, Qt.MouseButton.LeftButton)
    again = _dialog(qtbot, workspace, inspection)
    assert [s.code for s in again.model.rows] == [CODE]
    scan(qtbot, again, CODE)
    assert again.model.rows[0].repeat_of == 1 and "重复扫描 1 次" in again.counts.text()


def test_p6_5_and_the_plan_menu_open_the_scan_window(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.main_window import MainWindow

    inspection = _inspection(workspace)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.checklist.loaded):  # read on the database executor
        window.open_inspection(inspection)
    page = window.checklist
    page.select("P6.5")
    assert page.trace_button.isVisibleTo(page)
    page.select("P6.1")
    assert not page.trace_button.isVisibleTo(page)
    opened: list[str] = []
    monkeypatch.setattr(TraceDialog, "exec", lambda self: opened.append(self.inspection_id) or 0)
    page.select("P6.5")
    qtbot.mouseClick(page.trace_button, Qt.MouseButton.LeftButton)
    (action,) = [a for a in window.menuBar().actions() if a.text().startswith("计划")]
    (sweep,) = [a for a in action.menu().actions() if a.text() == "追溯码扫码核查…"]
    sweep.trigger()
    assert opened == [inspection, inspection]
