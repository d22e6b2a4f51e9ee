"""A handwritten signature pad: strokes from a mouse, a touch screen or a stylus (with its
pressure), kept as points (x, y, time in ms, pressure) and drawn to a PNG for the record.

``SignaturePad`` is the pad with its hint and its 撤销一笔 / 清除 buttons; ``SignatureCanvas`` is
the surface that takes the strokes (tests send their mouse events to ``pad.canvas``)."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QElapsedTimer,
    QEvent,
    QIODevice,
    QPointF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

Point = tuple[float, float, int, float]  # x, y (pixels of the pad), ms since the first point, 0-1
Stroke = list[Point]

INK = QColor(16, 24, 64)
BASE_WIDTH = 2.6  # pixels at full pressure
MOUSE_PRESSURE = 1.0  # a mouse or a finger without pressure draws at full width


def _width(pressure: float, scale: float = 1.0) -> float:
    return BASE_WIDTH * scale * (0.35 + 0.65 * max(0.0, min(pressure, 1.0)))


def _paint_strokes(painter: QPainter, strokes: list[Stroke], scale: float) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    for stroke in strokes:
        if len(stroke) == 1:  # a dot
            x, y, _, pressure = stroke[0]
            radius = _width(pressure, scale) / 2
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(INK)
            painter.drawEllipse(QPointF(x * scale, y * scale), radius, radius)
            continue
        for (x1, y1, _, p1), (x2, y2, _, p2) in pairwise(stroke):
            pen = QPen(INK, _width((p1 + p2) / 2, scale))
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            painter.drawLine(QPointF(x1 * scale, y1 * scale), QPointF(x2 * scale, y2 * scale))


class SignatureCanvas(QWidget):
    """The surface that takes strokes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents, True)
        self.setMinimumSize(360, 140)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self._strokes: list[Stroke] = []
        self._current: Stroke | None = None
        self._clock = QElapsedTimer()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's API)
        return QSize(520, 200)

    # --- the strokes -----------------------------------------------------------------------

    def strokes(self) -> list[Stroke]:
        return [list(stroke) for stroke in self._strokes]

    def is_empty(self) -> bool:
        return not self._strokes

    def clear(self) -> None:
        if self._strokes or self._current:
            self._strokes.clear()
            self._current = None
            self.update()
            self.changed.emit()

    def undo_stroke(self) -> None:
        if self._strokes:
            self._strokes.pop()
            self.update()
            self.changed.emit()

    def _begin(self, pos: QPointF, pressure: float) -> None:
        if not self._strokes or not self._clock.isValid():
            self._clock.start()
        self._current = [self._point(pos, pressure)]
        self._strokes.append(self._current)
        self.update()

    def _extend(self, pos: QPointF, pressure: float) -> None:
        if self._current is None:
            return
        point = self._point(pos, pressure)
        if point[:2] != self._current[-1][:2]:
            self._current.append(point)
            self.update()

    def _end(self, pos: QPointF | None, pressure: float) -> None:
        if self._current is None:
            return
        if pos is not None:
            self._extend(pos, pressure)
        self._current = None
        self.changed.emit()

    def _point(self, pos: QPointF, pressure: float) -> Point:
        x = max(0.0, min(pos.x(), float(self.width())))
        y = max(0.0, min(pos.y(), float(self.height())))
        return (round(x, 2), round(y, 2), int(self._clock.elapsed()), round(pressure, 3))

    # --- input: mouse, stylus, touch -------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position(), MOUSE_PRESSURE)
            event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(event.position(), MOUSE_PRESSURE)
            event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._end(event.position(), MOUSE_PRESSURE)
            event.accept()

    def tabletEvent(self, event: QTabletEvent) -> None:  # noqa: N802
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self._begin(event.position(), event.pressure())
        elif kind == QEvent.Type.TabletMove and event.pressure() > 0:
            self._extend(event.position(), event.pressure())
        elif kind == QEvent.Type.TabletRelease:
            self._end(None, event.pressure())
        event.accept()  # no synthesized mouse events after it

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        touch_types = (
            QEvent.Type.TouchBegin,
            QEvent.Type.TouchUpdate,
            QEvent.Type.TouchEnd,
            QEvent.Type.TouchCancel,
        )
        if kind in touch_types and isinstance(event, QTouchEvent):
            points = event.points()
            if points:
                point = points[0]  # one finger writes; a second is ignored
                pressure = point.pressure() if point.pressure() > 0 else MOUSE_PRESSURE
                if kind == QEvent.Type.TouchBegin:
                    self._begin(point.position(), pressure)
                elif kind == QEvent.Type.TouchUpdate:
                    self._extend(point.position(), pressure)
                else:
                    self._end(point.position(), pressure)
            event.accept()
            return True
        return super().event(event)

    # --- drawing ---------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(255, 255, 255))
        baseline = self.height() * 0.78
        painter.setPen(QPen(QColor(200, 200, 210), 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(16, baseline), QPointF(self.width() - 16, baseline))
        _paint_strokes(painter, self._strokes, 1.0)
        painter.end()

    def to_png(self, width_px: int) -> bytes:
        """The strokes on a transparent image ``width_px`` wide, with the pad's proportions."""
        width_px = max(1, int(width_px))
        scale = width_px / max(1, self.width())
        height_px = max(1, round(self.height() * scale))
        image = QImage(width_px, height_px, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        _paint_strokes(painter, self._strokes, scale)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        return bytes(data.data())


class SignaturePad(QWidget):
    """The pad, a hint, and buttons to undo the last stroke or clear it all."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = SignatureCanvas(self)
        self.hint = QLabel(self.tr("请在框内签名（鼠标、触摸屏或手写笔）"))
        self.undo_button = QPushButton(self.tr("撤销一笔"))
        self.clear_button = QPushButton(self.tr("清除"))
        self.undo_button.clicked.connect(self.undo_stroke)
        self.clear_button.clicked.connect(self.clear)
        self.canvas.changed.connect(self._on_changed)

        buttons = QHBoxLayout()
        buttons.addWidget(self.hint, 1)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    def _update_buttons(self) -> None:
        empty = self.canvas.is_empty()
        self.undo_button.setEnabled(not empty)
        self.clear_button.setEnabled(not empty)

    def _on_changed(self) -> None:
        self._update_buttons()
        self.changed.emit()

    def strokes(self) -> list[Stroke]:
        return self.canvas.strokes()

    def is_empty(self) -> bool:
        return self.canvas.is_empty()

    def to_png(self, width_px: int) -> bytes:
        return self.canvas.to_png(width_px)

    def clear(self) -> None:
        self.canvas.clear()

    def undo_stroke(self) -> None:
        self.canvas.undo_stroke()
