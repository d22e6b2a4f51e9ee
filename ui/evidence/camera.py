"""Taking a photo with the laptop's camera (QtMultimedia), where there is one. Where there is
none, or QtMultimedia cannot load (Debian's libpulse0 missing), :func:`available_cameras` says
why and the strip's camera button is disabled with that reason: nothing crashes."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLoggingCategory, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.files import scratch_prefix


@dataclass
class CameraCheck:
    devices: list[Any] = field(default_factory=list)  # QCameraDevice
    reason: str = ""  # why there is none

    @property
    def available(self) -> bool:
        return bool(self.devices)


def _multimedia() -> Any:
    # Loading the FFmpeg backend logs a warning for each optional library it does not find
    # (VA-API, PipeWire): noise on a laptop without them, not a fault.
    QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver.warning=false")
    from PySide6 import QtMultimedia

    return QtMultimedia


def available_cameras() -> CameraCheck:
    """Load QtMultimedia (and with it FFmpeg: slow the first time) and list the cameras."""
    translate = QCoreApplication.translate  # literal calls, so that lupdate finds them
    try:
        multimedia = _multimedia()
    except ImportError as error:
        reason = translate("CameraDialog", "摄像头不可用：多媒体组件无法加载（%1）")
        return CameraCheck(reason=reason.replace("%1", str(error)))
    devices = list(multimedia.QMediaDevices.videoInputs())
    if not devices:
        return CameraCheck(
            reason=translate(
                "CameraDialog", "未检测到摄像头。可用手机或相机拍照后，导入照片或存储卡文件夹。"
            )
        )
    return CameraCheck(devices=devices)


class CameraDialog(QDialog):
    """Live view and a shutter button. ``captured`` carries the path of each photo taken (a
    JPEG in a scratch folder of the data directory, ``folder_root``, that lives as long as the
    dialog; one a crash leaves is removed at the next start); the strip takes it in and deletes
    it once the store holds it (encrypted there when the data directory is)."""

    captured = Signal(str)

    def __init__(
        self,
        check: CameraCheck,
        parent: QWidget | None = None,
        folder_root: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("拍照取证"))
        self.resize(760, 600)
        if not check.available:
            raise ValueError(check.reason or "no camera")
        multimedia = _multimedia()
        from PySide6.QtMultimediaWidgets import QVideoWidget

        self._folder = tempfile.TemporaryDirectory(
            prefix=scratch_prefix() if folder_root is not None else "inspector-camera-",
            dir=folder_root,
        )
        self._count = 0
        self._devices = check.devices
        self.session = multimedia.QMediaCaptureSession(self)
        self.capture = multimedia.QImageCapture(self)
        self.capture.setFileFormat(multimedia.QImageCapture.FileFormat.JPEG)
        self.session.setImageCapture(self.capture)
        self.video = QVideoWidget(self)
        self.session.setVideoOutput(self.video)
        self.camera: Any = None

        self.choice = QComboBox()
        for device in check.devices:
            self.choice.addItem(device.description())
        self.choice.currentIndexChanged.connect(self._use)
        self.shutter = QPushButton(self.tr("拍照"))
        self.shutter.setDefault(True)
        self.shutter.clicked.connect(self.take)
        self.message = QLabel("")
        done = QPushButton(self.tr("完成"))
        done.clicked.connect(self.accept)

        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("摄像头：")))
        row.addWidget(self.choice, 1)
        row.addWidget(self.shutter)
        row.addWidget(done)
        layout = QVBoxLayout(self)
        layout.addWidget(self.video, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.capture.imageSaved.connect(self._saved)
        self.capture.errorOccurred.connect(self._error)
        self.capture.readyForCaptureChanged.connect(self.shutter.setEnabled)
        self._use(0)

    def _use(self, index: int) -> None:
        multimedia = _multimedia()
        if self.camera is not None:
            self.camera.stop()
        self.camera = multimedia.QCamera(self._devices[index], self)
        self.camera.errorOccurred.connect(
            lambda *_: self.message.setText(self.camera.errorString())
        )
        self.session.setCamera(self.camera)
        self.camera.start()

    def take(self) -> None:
        self._count += 1
        target = Path(self._folder.name) / f"camera-{self._count:03d}.jpg"
        self.capture.captureToFile(str(target))
        self.message.setText(self.tr("正在保存…"))

    def _saved(self, _id: int, path: str) -> None:
        self.message.setText(self.tr("已拍摄 %n 张", "", self._count))
        self.captured.emit(path)

    def _error(self, _id: int, _error: Any, text: str) -> None:
        self.message.setText(self.tr("拍照失败：%1").replace("%1", text))

    def done(self, result: int) -> None:
        if self.camera is not None:
            self.camera.stop()
        super().done(result)

    def closeEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        if self.camera is not None:
            self.camera.stop()
        super().closeEvent(event)


def camera_button_state(check: CameraCheck) -> tuple[bool, str]:
    """Whether the camera button is enabled, and its tooltip."""
    if check.available:
        return True, QCoreApplication.translate("CameraDialog", "用电脑摄像头拍照取证")
    return False, check.reason
