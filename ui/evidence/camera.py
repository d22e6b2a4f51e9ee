"""Taking a photo with the laptop's camera (QtMultimedia), where there is one. Where there is
none, or QtMultimedia cannot load (Debian's libpulse0 missing), :func:`available_cameras` says
why and the strip's camera button is disabled with that reason: nothing crashes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from PIL import Image
from PySide6.QtCore import QCoreApplication, QLoggingCategory, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.evidence.shot import camera_jpeg, shot_name
from ui.errors import arg


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
        return CameraCheck(reason=arg(reason, str(error)))
    devices = list(multimedia.QMediaDevices.videoInputs())
    if not devices:
        return CameraCheck(
            reason=translate(
                "CameraDialog", "未检测到摄像头。可用手机或相机拍照后，导入照片或存储卡文件夹。"
            )
        )
    return CameraCheck(devices=devices)


@dataclass(eq=False)  # each shot is itself: two of the same scene are two shots
class Shot:
    """A photo taken, held in memory until the store has it: the frame as Qt gave it, when, and
    with which camera; where it goes (inspection, item, who took it) is set by the strip."""

    image: QImage
    taken_at: datetime
    camera: str
    number: int
    inspection_id: str = ""
    item_code: str | None = None
    added_by: str | None = None

    @property
    def name(self) -> str:
        return shot_name(self.taken_at, self.number)

    def jpeg(self) -> bytes:
        """The JPEG with its EXIF, made in memory (off the UI thread: a QImage may be read from
        another thread)."""
        return camera_jpeg(pixels(self.image), self.taken_at, self.camera or None)


def pixels(image: QImage) -> Image.Image:
    """A QImage's pixels as a Pillow image (RGB), copied."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    data = bytes(rgb.constBits())  # rows padded to bytesPerLine
    size = (rgb.width(), rgb.height())
    return Image.frombuffer("RGB", size, data, "raw", "RGB", rgb.bytesPerLine(), 1).copy()


class CameraDialog(QDialog):
    """Live view and a shutter button. ``shot_taken`` carries each photo as a :class:`Shot`,
    captured to memory (``QImageCapture.capture``, not ``captureToFile``): nothing of it is
    written to disk before the store has it, encrypted when the data directory is.

    ``frames`` stands in for the camera device where there is none (the tests, offscreen): a
    ``QVideoFrameInput`` feeding the same capture session, so that all but the device is real."""

    shot_taken = Signal(object)  # Shot

    def __init__(
        self,
        check: CameraCheck,
        parent: QWidget | None = None,
        frames: Any = None,  # QVideoFrameInput
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("拍照取证"))
        self.resize(760, 600)
        if not check.available and frames is None:
            raise ValueError(check.reason or "no camera")
        multimedia = _multimedia()
        from PySide6.QtMultimediaWidgets import QVideoWidget

        self._count = 0
        self._devices = check.devices
        self._frames = frames
        self.session = multimedia.QMediaCaptureSession(self)
        self.capture = multimedia.QImageCapture(self)
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
        self.capture.imageCaptured.connect(self._captured)
        self.capture.errorOccurred.connect(self._error)
        self.capture.readyForCaptureChanged.connect(self.shutter.setEnabled)
        if frames is not None:
            self.session.setVideoFrameInput(frames)
        else:
            self._use(0)

    def _use(self, index: int) -> None:
        if self._frames is not None:
            return
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
        self.capture.capture()
        self.message.setText(self.tr("正在拍照…"))

    def _captured(self, _id: int, image: QImage) -> None:
        # FFmpeg's backend gives no metadata with the frame (its imageMetadataAvailable is
        # empty, and its file path wrote none either): the time is the laptop's, now.
        self._count += 1
        shot = Shot(image, datetime.now().astimezone(), self.choice.currentText(), self._count)
        self.message.setText(self.tr("已拍摄 %n 张", "", self._count))
        self.shot_taken.emit(shot)

    def _error(self, _id: int, _error: Any, text: str) -> None:
        self.message.setText(arg(self.tr("拍照失败：%1"), text))

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
