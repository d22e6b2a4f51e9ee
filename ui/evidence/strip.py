"""The evidence strip: thumbnails of an inspection's evidence (or one checklist item's), with
buttons to add files, a folder (a camera card) or a photo from the camera, and drag and drop.
Intake runs off the UI thread through the TaskRunner, with progress and cancel; thumbnails are
the upright ones stored at intake, read off the UI thread too."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QImage, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from inspector.errors import InspectorError
from inspector.evidence.intake import IntakeResult, add_evidence, add_evidence_bytes
from inspector.evidence.manage import remove_evidence, thumb_bytes
from inspector.inspections import EDITABLE, EvidenceView, InspectionView, get_inspection
from inspector.workspace import Workspace
from ui.core_messages import core_message
from ui.errors import arg
from ui.evidence.camera import (
    CameraCheck,
    CameraDialog,
    Shot,
    available_cameras,
    camera_button_state,
)
from ui.evidence.images import stored_image
from ui.ops import OpChanges, ops
from ui.strings import status_name
from ui.tasks import TaskRunner

ICON_SIDE = 128
ID_ROLE = Qt.ItemDataRole.UserRole


def load_thumbnails(ws: Workspace, views: Sequence[EvidenceView]) -> dict[str, QImage]:
    """Read the stored thumbnails (QImage is safe off the UI thread; QPixmap is not)."""
    images: dict[str, QImage] = {}
    for view in views:
        image = stored_image(lambda v=view: thumb_bytes(ws, v))  # upright: made so at intake
        if not image.isNull():
            images[view.id] = image
    return images


def keep_shots(ws: Workspace, shots: Sequence[Shot]) -> list[tuple[Shot, IntakeResult | str]]:
    """Each camera shot made a JPEG in memory and handed to the store; a shot refused comes
    back with the reason, so the others still go in."""
    kept: list[tuple[Shot, IntakeResult | str]] = []
    for shot in shots:
        try:
            result = add_evidence_bytes(
                ws,
                shot.inspection_id,
                shot.name,
                shot.jpeg(),
                item_code=shot.item_code,
                added_by=shot.added_by,
            )
        except InspectorError as error:
            kept.append((shot, core_message(error)))
        else:
            kept.append((shot, result))
    return kept


def summarise(results: Sequence[IntakeResult]) -> tuple[str, str]:
    """A one-line summary and the details (per file) of an intake."""
    translate = QCoreApplication.translate  # literal calls, so that lupdate finds them
    stored = [r for r in results if r.ok and not r.duplicate]
    duplicates = [r for r in results if r.duplicate]
    failed = [r for r in results if not r.ok]
    warned = [r for r in results if r.ok and r.time_warning]
    parts = [translate("EvidenceStrip", "已添加 %n 个文件", "", len(stored))]
    if duplicates:
        parts.append(translate("EvidenceStrip", "%n 个已在此处，未重复添加", "", len(duplicates)))
    if failed:
        parts.append(translate("EvidenceStrip", "%n 个未保存", "", len(failed)))
    if warned:
        parts.append(
            translate("EvidenceStrip", "%n 张照片的拍摄时间与检查时间相差较大", "", len(warned))
        )
    # The file's name, then what the core said about it (in Chinese: the core's own words).
    line = translate("EvidenceStrip", "%1：%2")
    details = [arg(line, r.name, str(r.error)) for r in failed]
    details += [arg(line, r.name, str(r.time_warning)) for r in warned]
    separator = translate("EvidenceStrip", "，", "between the parts of a summary")
    return separator.join(parts), "\n".join(details)


class EvidenceStrip(QWidget):
    """Thumbnails of the evidence of an inspection or one checklist item."""

    changed = Signal()  # evidence added, changed or removed
    loaded = Signal()  # thumbnails shown (tests wait on it)

    def __init__(
        self, workspace: Workspace, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.runner = runner
        self.inspection_id: str | None = None
        self.item_code: str | None = None
        self.view: InspectionView | None = None
        self.evidence: list[EvidenceView] = []
        self.last_results: list[IntakeResult] = []
        self.unsaved_shots: list[Shot] = []  # camera shots the store has not taken yet
        self._shots_in_flight: list[Shot] = []
        self._saving_shots = False
        self.setAcceptDrops(True)

        self.title = QLabel(self.tr("证据"))
        self.adder = QComboBox()
        self.adder.setToolTip(self.tr("添加人（本检查组成员）"))
        self.add_files_button = QPushButton(self.tr("添加文件…"))
        self.add_files_button.setToolTip(
            self.tr("照片、扫描件（PDF、多页 TIFF）、手机照片（HEIC）、视频")
        )
        self.add_files_button.clicked.connect(self.choose_files)
        self.add_folder_button = QPushButton(self.tr("添加文件夹…"))
        self.add_folder_button.setToolTip(self.tr("整个文件夹，如相机或手机存储卡的 DCIM 文件夹"))
        self.add_folder_button.clicked.connect(self.choose_folder)
        self.camera_button = QPushButton(self.tr("拍照…"))
        # Probed lazily (see probe_camera): QtMultimedia loads FFmpeg, slow on an old laptop.
        self.camera_check: CameraCheck | None = None
        self._probe_scheduled = False
        self._buttons_enabled = False
        self.camera_button.setEnabled(False)
        self.camera_button.setToolTip(self.tr("正在检测摄像头…"))
        self.camera_button.clicked.connect(self.open_camera)
        self.sealing_button = QPushButton(self.tr("封存清单…"))
        self.sealing_button.clicked.connect(self.open_sealing_list)

        self.list = QListWidget()
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setFlow(QListView.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setIconSize(QSize(ICON_SIDE, ICON_SIDE))
        self.list.setGridSize(QSize(ICON_SIDE + 24, ICON_SIDE + 40))
        self.list.setMinimumHeight(ICON_SIDE + 56)
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.list.itemActivated.connect(lambda item: self.open_viewer(item.data(ID_ROLE)))
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self.list.setAcceptDrops(False)  # the strip takes the drop

        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.hint = QLabel(self.tr("可将照片、文件或文件夹拖到这里"))
        self.hint.setStyleSheet("color: grey")

        buttons = QHBoxLayout()
        buttons.addWidget(self.title)
        buttons.addStretch(1)
        buttons.addWidget(QLabel(self.tr("添加人：")))
        buttons.addWidget(self.adder)
        for button in (
            self.add_files_button,
            self.add_folder_button,
            self.camera_button,
            self.sealing_button,
        ):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.list)
        layout.addWidget(self.hint)
        layout.addWidget(self.message)
        self._set_enabled(False, self.tr("请先选择一次检查"))

    # --- API --------------------------------------------------------------------------

    def set_target(self, inspection_id: str | None, item_code: str | None = None) -> None:
        """Show the evidence of an inspection (``item_code`` None) or of one of its items."""
        self.inspection_id = inspection_id
        self.item_code = item_code
        self.message.clear()
        self.refresh()

    def set_added_by(self, cert_no: str | None) -> None:
        index = self.adder.findData(cert_no)
        if index >= 0:
            self.adder.setCurrentIndex(index)

    @property
    def added_by(self) -> str | None:
        data = self.adder.currentData()
        return str(data) if data else None

    @property
    def editable(self) -> bool:
        return self.view is not None and self.view.status in EDITABLE

    def refresh(self) -> None:
        if self.inspection_id is None:
            self.view = None
            self.evidence = []
            self.list.clear()
            self._set_enabled(False, self.tr("请先选择一次检查"))
            return
        ws, inspection_id = self.workspace, self.inspection_id
        # Read on the database executor; results arrive in the order asked (one thread), so
        # the last item chosen is the one shown.
        ops().query(
            lambda: get_inspection(ws, inspection_id),
            parent=self,
            success=self._refreshed,
            failure=self._unreadable,
        )

    def _unreadable(self, message: str) -> None:
        self.view = None
        self.evidence = []
        self.list.clear()
        self._set_enabled(False, message)

    def _refreshed(self, view: InspectionView) -> None:
        ws = self.workspace
        self.view = view
        self.inspection_id = self.view.id
        self._fill_team()
        views = [
            v for v in self.view.evidence if self.item_code is None or v.item_code == self.item_code
        ]
        self.evidence = views
        count = str(len(views))
        if self.item_code:
            title = arg(self.tr("条目 %1 的证据（%2）"), self.item_code, count)
        else:
            title = arg(self.tr("本次检查的证据（%1）"), count)
        self.title.setText(title)
        if self.editable:
            self._set_enabled(True, "")
        else:
            status = status_name(self.view.status)
            self._set_enabled(False, arg(self.tr("检查状态为“%1”，证据不能再添加或移除"), status))
        self.runner.run(
            lambda _reporter: load_thumbnails(ws, views),
            on_success=lambda images: self._show(views, images),
            on_failure=self._failed,
            cpu=True,  # files of the store, no session: beside the database's work
        )

    def add_paths(self, paths: Sequence[str | Path]) -> None:
        """Take files or folders in (the buttons and a drop come here)."""
        if not paths:
            return
        if self.inspection_id is None or not self.editable:
            self.message.setText(self.tr("当前不能添加证据"))
            return
        ws = self.workspace
        inspection_id = self.inspection_id
        item_code = self.item_code
        by = self.added_by
        files = [Path(p) for p in paths]
        task = self.runner.run(
            lambda reporter: add_evidence(
                ws, inspection_id, files, item_code=item_code, added_by=by, reporter=reporter
            ),
            on_success=self._added,
            changes=OpChanges(evidence=True).about(inspection_id),
            on_failure=self._failed,
            progress_parent=self.window(),
            label=self.tr("正在导入证据…"),
        )
        task.signals.cancelled.connect(self._cancelled)

    def add_shot(self, shot: Shot) -> None:
        """Keep a photo from the camera: made a JPEG and handed to the store from memory, for
        the inspection (and item, and team member) shown when it was taken. A shot the store
        could not take stays in ``unsaved_shots`` and is tried again with the next one."""
        shot.inspection_id = self.inspection_id or ""
        shot.item_code = self.item_code
        shot.added_by = self.added_by
        self.unsaved_shots.append(shot)
        if self.inspection_id is None or not self.editable:
            self._shots_refused(self.tr("当前不能添加证据"))
        else:
            self._save_shots()

    def _save_shots(self) -> None:
        if self._saving_shots or not self.unsaved_shots:
            return
        self._saving_shots = True
        ws = self.workspace
        shots = self._shots_in_flight = list(self.unsaved_shots)
        self.runner.run(
            lambda _reporter: keep_shots(ws, shots),
            on_success=self._shots_kept,
            changes=OpChanges(evidence=True),
            on_failure=self._shots_refused,
        )

    def _shots_kept(self, kept: list[tuple[Shot, IntakeResult | str]]) -> None:
        results = []
        for shot, outcome in kept:
            if isinstance(outcome, IntakeResult):
                results.append(outcome)
                if outcome.ok:
                    self.unsaved_shots.remove(shot)
        self._added(results)
        problems = [outcome for _shot, outcome in kept if isinstance(outcome, str)]
        problems += [o.error for _shot, o in kept if isinstance(o, IntakeResult) and o.error]
        self._shots_refused("；".join(problems) if self.unsaved_shots else "")

    def _shots_refused(self, text: str) -> None:
        if self.unsaved_shots and text:
            count = len(self.unsaved_shots)
            self._failed(
                self.tr("%n 张照片尚未保存（仍在内存中，下次拍照时再试）：", "", count) + text
            )
        self._saving_shots = False
        if any(all(s is not shot for s in self._shots_in_flight) for shot in self.unsaved_shots):
            self._save_shots()  # shots taken meanwhile

    def remove(self, evidence_ids: Sequence[str], *, confirm: bool = True) -> None:
        if not evidence_ids:
            return
        if confirm:
            answer = QMessageBox.question(
                self,
                self.tr("移除证据"),
                self.tr(
                    "从本次检查中移除选中的 %n 件证据？\n"
                    "保管记录会保留移除的记录（文件名、哈希、移除人和时间）。",
                    "",
                    len(evidence_ids),
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        ids = list(evidence_ids)
        by = self.added_by

        def work() -> list[str]:
            problems = []
            for evidence_id in ids:
                try:
                    remove_evidence(self.workspace, evidence_id, by=by)
                except InspectorError as error:  # shown; the others still go
                    problems.append(core_message(error))
            return problems

        def done(problems: list[str]) -> None:
            self.message.setText("；".join(problems) if problems else self.tr("已移除"))
            self.refresh()
            self.changed.emit()

        changes = OpChanges(evidence=True)
        if self.view is not None:
            changes = changes.about(self.view.id)
        ops().mutate(work, changes, parent=self, success=done, failure=self.message.setText)

    # --- buttons ----------------------------------------------------------------------

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("选择证据文件"),
            "",
            self.tr("照片和文件")
            + " (*.jpg *.jpeg *.png *.heic *.heif *.tif *.tiff *.webp *.bmp *.gif"
            + " *.pdf *.mp4 *.mov);;"
            + self.tr("所有文件")
            + " (*)",
        )
        self.add_paths(paths)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择文件夹（如存储卡的 DCIM）"))
        if folder:
            self.add_paths([folder])

    def probe_camera(self) -> CameraCheck:
        """Look for cameras once (loading QtMultimedia, so FFmpeg: not at construction but when
        the strip is first shown or the camera is asked for), then set the camera button."""
        if self.camera_check is None:
            self.camera_check = available_cameras()
            enabled, tip = camera_button_state(self.camera_check)
            self.camera_button.setEnabled(self._buttons_enabled and enabled)
            self.camera_button.setToolTip(tip)
        return self.camera_check

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self.camera_check is None and not self._probe_scheduled:
            self._probe_scheduled = True  # once the strip is on screen, not before
            QTimer.singleShot(0, self, self.probe_camera)

    def open_camera(self) -> None:
        check = self.probe_camera()
        if not check.available:
            self.message.setText(check.reason)
            return
        dialog = CameraDialog(check, self)
        self.connect_camera(dialog)
        dialog.exec()

    def connect_camera(self, dialog: CameraDialog) -> None:
        """Each shot of the dialog kept; once it closes, shots not saved yet tried again."""
        dialog.shot_taken.connect(self.add_shot)
        dialog.finished.connect(self._save_shots)

    def open_viewer(self, evidence_id: str) -> None:
        from ui.evidence.viewer import EvidenceViewer

        viewer = EvidenceViewer(self.workspace, self.runner, evidence_id, self)
        viewer.changed.connect(self._changed)
        viewer.show()

    def open_sealing_list(self) -> None:
        if self.inspection_id is None:
            return
        from ui.evidence.sealing import SealingListDialog

        dialog = SealingListDialog(self.workspace, self.runner, self.inspection_id, self)
        dialog.set_added_by(self.added_by)
        dialog.changed.connect(self.changed)
        dialog.show()

    # --- drag and drop ----------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt's name)
        urls = event.mimeData().urls()
        if self.editable and urls and all(url.isLocalFile() for url in urls):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt's name)
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths and self.editable:
            event.acceptProposedAction()
            self.add_paths(paths)
        else:
            event.ignore()

    # --- internals --------------------------------------------------------------------

    def _fill_team(self) -> None:
        assert self.view is not None
        current = self.adder.currentData()
        self.adder.blockSignals(True)
        self.adder.clear()
        self.adder.addItem(self.tr("（未指定）"), None)
        member = self.tr("%1（%2）", "a team member: name (certificate number)")
        for name, cert, _role in self.view.team:
            self.adder.addItem(arg(member, name, cert), cert)
        index = self.adder.findData(current) if current else -1
        if index < 0 and self.view.leader is not None:
            index = self.adder.findData(self.view.leader[1])
        self.adder.setCurrentIndex(max(index, 0))
        self.adder.blockSignals(False)

    def _set_enabled(self, enabled: bool, reason: str) -> None:
        for button in (self.add_files_button, self.add_folder_button):
            button.setEnabled(enabled)
        self._buttons_enabled = enabled
        check = self.camera_check  # None: not probed yet, the button stays off till then
        self.camera_button.setEnabled(enabled and check is not None and check.available)
        self.sealing_button.setEnabled(self.inspection_id is not None)
        self.hint.setText(self.tr("可将照片、文件或文件夹拖到这里") if enabled else reason)

    def _show(self, views: Sequence[EvidenceView], images: dict[str, QImage]) -> None:
        if views is not self.evidence:
            return  # a later refresh has replaced this one
        self.list.clear()
        fallback = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        for view in views:
            image = images.get(view.id)
            icon = QIcon(QPixmap.fromImage(image)) if image is not None else fallback
            label = view.original_name
            if len(label) > 18:
                label = label[:8] + "…" + label[-8:]
            if view.time_warning:
                label = "⚠ " + label
            item = QListWidgetItem(icon, label)
            item.setData(ID_ROLE, view.id)
            tip = [view.original_name, f"SHA-256 {view.sha256}"]
            if view.caption:
                tip.insert(1, view.caption)
            if view.source_sha256:
                tip.append(self.tr("标注副本（原件未改动）"))
            for note in (view.metadata_warning, view.time_warning):
                if note:
                    tip.append(arg(self.tr("注意：%1"), note))
            item.setToolTip("\n".join(tip))
            self.list.addItem(item)
        self.loaded.emit()

    def _added(self, results: list[IntakeResult]) -> None:
        self.last_results = results
        summary, details = summarise(results)
        self.message.setText(summary)
        self.message.setToolTip(details)
        if any(not r.ok for r in results):
            self.message.setStyleSheet("color: #b00020")
        else:
            self.message.setStyleSheet("")
        self.refresh()
        self.changed.emit()

    def _cancelled(self) -> None:
        self.message.setText(self.tr("导入已取消；已导入的文件保留在本次检查中"))
        self.refresh()
        self.changed.emit()

    def _failed(self, text: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b00020")

    def _changed(self) -> None:
        self.refresh()
        self.changed.emit()

    def _menu(self, position: Any) -> None:
        selected = [item.data(ID_ROLE) for item in self.list.selectedItems()]
        if not selected:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("查看…"), lambda: self.open_viewer(selected[0]))
        remove = menu.addAction(self.tr("从本次检查中移除…"), lambda: self.remove(selected))
        remove.setEnabled(self.editable)
        menu.exec(self.list.viewport().mapToGlobal(position))
