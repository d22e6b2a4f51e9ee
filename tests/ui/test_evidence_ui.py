"""The evidence widgets offscreen, over a real data directory: the strip (files, folders, drag
and drop, the camera fed with frames in place of a device), the viewer, the annotation editor
and the sealing list."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage
from pytestqt.qtbot import QtBot

from inspector.evidence.custody import read_chain
from inspector.evidence.intake import add_evidence
from inspector.evidence.sealing import list_seal_items
from inspector.evidence.verify import verify_evidence
from inspector.inspections import get_inspection, reopen_inspection
from inspector.workspace import Workspace
from tests.helpers.evidence import new_inspection
from tests.helpers.homes import PHOTOS, ROOT
from tests.helpers.lawful import finish_lawfully
from ui.evidence import (
    AnnotationEditor,
    EvidenceStrip,
    EvidenceViewer,
    SealingListDialog,
    available_cameras,
)
from ui.evidence.camera import CameraCheck, CameraDialog
from ui.tasks import TaskRunner


@pytest.fixture
def runner(synchronous_tasks: None) -> TaskRunner:
    return TaskRunner()


@pytest.fixture
def strip(qtbot: QtBot, workspace: Workspace, runner: TaskRunner) -> EvidenceStrip:
    widget = EvidenceStrip(workspace, runner)
    qtbot.addWidget(widget)
    widget.resize(900, 260)
    widget.show()
    return widget


def test_without_a_camera_the_button_says_so_and_nothing_crashes(
    strip: EvidenceStrip, workspace: Workspace
) -> None:
    check = available_cameras()
    assert not check.available  # this machine has no camera
    assert "摄像头" in check.reason
    strip.set_target(new_inspection(workspace))
    assert not strip.camera_button.isEnabled()
    assert strip.camera_button.toolTip() == check.reason
    strip.open_camera()  # called anyway (a shortcut, say): a message, no crash
    assert strip.message.text() == check.reason


LAZY_CAMERA_SCRIPT = """
import json, sys
from PySide6.QtWidgets import QApplication
from inspector.workspace import Workspace
from ui.evidence import EvidenceStrip
from ui.tasks import TaskRunner

from tests.helpers.tasks import inline_tasks

app = QApplication([])
with inline_tasks(), Workspace.open(sys.argv[1]) as ws:
    strip = EvidenceStrip(ws, TaskRunner())
    strip.set_target(sys.argv[2])
    built = "PySide6.QtMultimedia" in sys.modules
    waiting = strip.camera_button.toolTip()
    strip.show()
    shown = "PySide6.QtMultimedia" in sys.modules  # the probe waits for the event loop
    for _ in range(100):
        app.processEvents()
        if strip.camera_check is not None:
            break
    probed = "PySide6.QtMultimedia" in sys.modules
    print(json.dumps([built, waiting, shown, probed, strip.camera_button.isEnabled()]))
"""


def test_the_strip_probes_for_cameras_only_once_shown(workspace: Workspace, home: Path) -> None:
    # In a child process: other tests here have imported QtMultimedia already.
    done = subprocess.run(
        [sys.executable, "-c", LAZY_CAMERA_SCRIPT, str(home), new_inspection(workspace)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    built, waiting, shown, probed, enabled = json.loads(done.stdout.strip().splitlines()[-1])
    assert not built and not shown  # constructing (and showing) the strip loads no FFmpeg
    assert waiting == "正在检测摄像头…"
    assert probed and not enabled  # then the probe ran: no camera on this machine


def test_the_camera_probe_runs_once_when_shown_or_asked_for(
    qtbot: QtBot, workspace: Workspace, runner: TaskRunner
) -> None:
    inspection_id = new_inspection(workspace)
    shown = EvidenceStrip(workspace, runner)
    qtbot.addWidget(shown)
    shown.set_target(inspection_id)
    assert shown.camera_check is None and not shown.camera_button.isEnabled()
    assert shown.camera_button.toolTip() == "正在检测摄像头…"
    shown.show()
    qtbot.waitUntil(lambda: shown.camera_check is not None)
    check = shown.camera_check
    assert check is not None and not check.available
    assert not shown.camera_button.isEnabled()
    assert shown.camera_button.toolTip() == check.reason
    shown.hide()
    shown.show()
    qtbot.wait(10)
    assert shown.camera_check is check  # cached: probed once
    hidden = EvidenceStrip(workspace, runner)  # never shown: the camera asked for (a shortcut)
    qtbot.addWidget(hidden)
    hidden.set_target(inspection_id)
    hidden.open_camera()
    assert hidden.camera_check is not None and hidden.camera_check is hidden.probe_camera()
    assert hidden.message.text() == hidden.camera_check.reason
    assert not hidden.camera_button.isEnabled()
    assert hidden.camera_button.toolTip() == hidden.camera_check.reason


def test_an_unknown_inspection_is_a_message_not_a_crash(strip: EvidenceStrip) -> None:
    strip.set_target("ffffffff")
    assert "没有编号为" in strip.hint.text()
    assert not strip.add_files_button.isEnabled() and strip.list.count() == 0


def test_adding_files_and_a_folder_shows_upright_thumbnails(
    qtbot: QtBot, strip: EvidenceStrip, workspace: Workspace, tmp_path: Path
) -> None:
    inspection_id = new_inspection(workspace)
    strip.set_target(inspection_id)
    assert strip.add_files_button.isEnabled() and strip.list.count() == 0
    assert strip.added_by == "370100001"  # the leader (first member) by default
    strip.set_added_by("370100002")
    bad = tmp_path / "坏文件.jpg"
    bad.write_text("不是图片", encoding="utf-8")
    with qtbot.waitSignal(strip.changed):
        strip.add_paths([PHOTOS / "orientation" / "portrait_6.jpg", bad])
    assert strip.list.count() == 1
    assert "已添加 1 个文件" in strip.message.text() and "1 个未保存" in strip.message.text()
    assert "坏文件.jpg" in strip.message.toolTip()
    with qtbot.waitSignal(strip.changed):
        strip.add_paths([PHOTOS / "gps"])
    assert strip.list.count() == 10
    # Thumbnails are the stored upright ones: portrait_6 is taller than wide.
    icon = strip.list.item(0).icon()
    size = icon.availableSizes()[0]
    assert size.height() > size.width()
    view = get_inspection(workspace, inspection_id)
    assert {e.added_by for e in view.evidence} == {"李娜"}
    assert "⚠" in strip.list.item(1).text()  # 2008 photos: far from the visit


# Offscreen there is no GPU: QtMultimedia converts the frames for the live view on the CPU and
# says so once, as a warning.
NO_GPU = "No RHI backend"


def _camera(strip: EvidenceStrip) -> tuple[CameraDialog, Any]:
    """The camera dialog as the strip opens it, fed by a QVideoFrameInput in place of a camera
    device (there is none offscreen): the capture session, QImageCapture and all after are real."""
    assert not available_cameras().available  # and QtMultimedia loaded as the app does
    from PySide6.QtMultimedia import QVideoFrameInput

    frames = QVideoFrameInput()
    dialog = CameraDialog(CameraCheck(), strip, frames=frames)
    strip.connect_camera(dialog)
    # Not shown: offscreen, the live view's native window has no surface to paint on.
    return dialog, frames


def shoot(
    qtbot: QtBot, strip: EvidenceStrip, dialog: CameraDialog, frames: Any, scene: int = 1
) -> None:
    """Press the shutter and let the 'camera' deliver its next frame (``scene``: which)."""
    from PySide6.QtMultimedia import QVideoFrame

    frame = QImage(str(PHOTOS / "orientation" / f"landscape_{scene}.jpg"))
    with qtbot.waitSignal(dialog.shot_taken):
        dialog.take()
        assert frames.sendVideoFrame(QVideoFrame(frame))


@pytest.mark.qt_log_ignore(NO_GPU)
def test_a_camera_shot_goes_to_the_store_from_memory(
    qtbot: QtBot, strip: EvidenceStrip, workspace: Workspace, home: Path
) -> None:
    """Captured to memory, made a JPEG with its time in EXIF and handed to the store: no file
    appears outside the store, and the intake reads the time and the taker."""
    inspection_id = new_inspection(workspace)
    strip.set_target(inspection_id)
    strip.set_added_by("370100002")
    before = {p for p in home.rglob("*") if p.is_file()}
    dialog, frames = _camera(strip)
    shoot(qtbot, strip, dialog, frames)
    assert not strip.unsaved_shots
    (evidence,) = get_inspection(workspace, inspection_id).evidence
    assert evidence.original_name.startswith("camera-") and evidence.added_by == "李娜"
    assert evidence.media_type == "image/jpeg"
    assert evidence.captured_at is not None
    assert abs((datetime.now(UTC) - evidence.captured_at).total_seconds()) < 60
    assert evidence.time_warning is None
    new = {p for p in home.rglob("*") if p.is_file()} - before
    stored = {workspace.store.path_for(evidence.sha256, ".jpg")}
    assert stored <= new  # the original, its thumbnail and print copy: the store's, nothing else
    assert all(p.relative_to(home).parts[0] == "evidence" for p in new), new
    dialog.accept()


@pytest.mark.qt_log_ignore(NO_GPU)
def test_a_camera_shot_the_store_refuses_is_kept_and_saved_with_the_next(
    qtbot: QtBot, strip: EvidenceStrip, workspace: Workspace
) -> None:
    """Evidence is never lost: a shot refused (here the inspection was finished behind the
    strip's back) stays in memory, said so, and goes in with the next shot once it can."""
    inspection_id = new_inspection(workspace)
    strip.set_target(inspection_id)
    dialog, frames = _camera(strip)
    finish_lawfully(workspace, inspection_id)
    shoot(qtbot, strip, dialog, frames)
    assert len(strip.unsaved_shots) == 1
    assert "尚未保存" in strip.message.text()
    assert get_inspection(workspace, inspection_id).evidence == []
    shoot(qtbot, strip, dialog, frames, 2)  # the strip knows now: kept, not tried
    assert len(strip.unsaved_shots) == 2
    assert strip.message.text().startswith("2 张照片尚未保存")
    reopen_inspection(workspace, inspection_id)
    strip.refresh()
    shoot(qtbot, strip, dialog, frames, 3)
    assert not strip.unsaved_shots
    names = sorted(e.original_name for e in get_inspection(workspace, inspection_id).evidence)
    assert [name[-8:] for name in names] == ["-001.jpg", "-002.jpg", "-003.jpg"]
    dialog.accept()


def test_drag_and_drop_of_files(qtbot: QtBot, strip: EvidenceStrip, workspace: Workspace) -> None:
    inspection_id = new_inspection(workspace)
    strip.set_target(inspection_id)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(PHOTOS / "cameras" / "Canon_40D.jpg"))])
    enter = QDragEnterEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    strip.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    with qtbot.waitSignal(strip.changed):
        strip.dropEvent(drop)
    assert strip.list.count() == 1


def test_a_checklist_item_strip_shows_only_that_items_evidence(
    qtbot: QtBot, strip: EvidenceStrip, workspace: Workspace
) -> None:
    inspection_id = new_inspection(workspace)
    item = get_inspection(workspace, inspection_id).checklist.items[0].code
    add_evidence(workspace, inspection_id, [PHOTOS / "gps" / "DSCN0010.jpg"])
    strip.set_target(inspection_id, item)
    assert strip.list.count() == 0 and item in strip.title.text()
    with qtbot.waitSignal(strip.changed):
        strip.add_paths([PHOTOS / "gps" / "DSCN0012.jpg"])
    assert strip.list.count() == 1
    assert [e.item_code for e in get_inspection(workspace, inspection_id).evidence] == [None, item]
    strip.set_target(inspection_id, None)
    assert strip.list.count() == 2


def test_a_finished_inspection_cannot_take_or_lose_evidence_in_the_strip(
    qtbot: QtBot, strip: EvidenceStrip, workspace: Workspace
) -> None:
    inspection_id = new_inspection(workspace)
    [result] = add_evidence(workspace, inspection_id, [PHOTOS / "gps" / "DSCN0010.jpg"])
    finish_lawfully(workspace, inspection_id)
    strip.set_target(inspection_id)
    assert not strip.add_files_button.isEnabled() and not strip.add_folder_button.isEnabled()
    assert "待签字" in strip.hint.text()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(PHOTOS / "gps" / "DSCN0012.jpg"))])
    enter = QDragEnterEvent(
        QPointF(1, 1), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    strip.dragEnterEvent(enter)
    assert not enter.isAccepted()
    strip.remove([result.evidence_id or ""], confirm=False)
    assert "待签字" in strip.message.text()
    assert strip.list.count() == 1


def test_the_viewer_edits_caption_and_link_and_removes(
    qtbot: QtBot, workspace: Workspace, runner: TaskRunner
) -> None:
    inspection_id = new_inspection(workspace)
    [result] = add_evidence(workspace, inspection_id, [PHOTOS / "orientation" / "landscape_8.jpg"])
    viewer = EvidenceViewer(workspace, runner, (result.evidence_id or "")[:8])
    qtbot.addWidget(viewer)
    viewer.show()
    assert viewer.view is not None and not viewer._pixmap.isNull()
    assert viewer._pixmap.width() > viewer._pixmap.height()  # upright landscape
    viewer.caption.setPlainText("药品柜")
    with qtbot.waitSignal(viewer.changed):
        viewer.save_caption()
    viewer.item.setCurrentIndex(2)
    code = viewer.item.currentData()
    with qtbot.waitSignal(viewer.changed):
        viewer.save_item()
    [view] = get_inspection(workspace, inspection_id).evidence
    assert (view.caption, view.item_code) == ("药品柜", code)
    with qtbot.waitSignal(viewer.changed):
        viewer.remove(confirm=False)
    assert get_inspection(workspace, inspection_id).evidence == []
    assert verify_evidence(workspace, inspection_id).ok


def test_annotation_editor_draws_and_saves_a_derived_copy(
    qtbot: QtBot, workspace: Workspace, runner: TaskRunner
) -> None:
    inspection_id = new_inspection(workspace)
    [result] = add_evidence(workspace, inspection_id, [PHOTOS / "orientation" / "portrait_3.jpg"])
    original = result.evidence_id or ""
    editor = AnnotationEditor(workspace, runner, original)
    qtbot.addWidget(editor)
    editor.show()
    canvas = editor.canvas
    rect = canvas.picture_rect()
    assert rect.height() > rect.width()  # portrait, upright
    start = rect.topLeft() + QPointF(rect.width() * 0.2, rect.height() * 0.2)
    end = rect.topLeft() + QPointF(rect.width() * 0.6, rect.height() * 0.5)
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start.toPoint())
    qtbot.mouseMove(canvas, end.toPoint())
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=end.toPoint())
    editor.set_tool("circle")
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=end.toPoint())
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=(end + QPointF(40, 30)).toPoint())
    editor.set_tool("text")
    canvas.text_provider = lambda: "重复收费"
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=start.toPoint())
    assert [s.kind for s in canvas.shapes] == ["arrow", "circle", "text"]
    arrow = canvas.shapes[0]
    assert arrow.x1 == pytest.approx(0.2, abs=0.02) and arrow.y2 == pytest.approx(0.5, abs=0.02)
    canvas.undo()
    canvas.text_provider = lambda: "重复收费"
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=start.toPoint())
    image = QImage(canvas.size(), QImage.Format.Format_RGB32)
    canvas.render(image)  # the preview paints without error
    with qtbot.waitSignal(editor.saved) as saved:
        editor.save_button.click()
    new_id = saved.args[0]
    views = {v.id: v for v in get_inspection(workspace, inspection_id).evidence}
    assert views[new_id].source_sha256 == views[original].sha256
    with workspace.db.session() as session:
        chain = read_chain(session, inspection_id)
    assert chain[-1].event == "annotated"
    assert [s["kind"] for s in chain[-1].data["shapes"]] == ["arrow", "circle", "text"]


def test_sealing_list_dialog(qtbot: QtBot, workspace: Workspace, runner: TaskRunner) -> None:
    inspection_id = new_inspection(workspace)
    [photo] = add_evidence(workspace, inspection_id, [PHOTOS / "gps" / "DSCN0029.jpg"])
    dialog = SealingListDialog(workspace, runner, inspection_id)
    qtbot.addWidget(dialog)
    dialog.set_added_by("370100001")
    dialog.show()
    assert dialog.photos.count() == 1
    dialog.description.setText("门诊收费日志 2024 年 1-6 月")
    dialog.quantity.setText("0")
    dialog.add()
    assert "大于 0" in dialog.message.text() and dialog.table.rowCount() == 0
    dialog.quantity.setText("6")
    dialog.unit.setCurrentText("本")
    dialog.photos.item(0).setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(dialog.changed):
        dialog.add()
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 5).text() == "DSCN0029.jpg"
    [item] = list_seal_items(workspace, inspection_id)
    assert (item.quantity, item.unit, item.evidence_ids, item.added_by) == (
        "6",
        "本",
        [photo.evidence_id],
        "张伟",
    )
    dialog.table.selectRow(0)
    with qtbot.waitSignal(dialog.changed):
        dialog.remove_selected()
    assert dialog.table.rowCount() == 0
    finish_lawfully(workspace, inspection_id)
    dialog.refresh()
    assert not dialog.add_button.isEnabled()
