"""The annotation editor: draw arrows and circles (press, drag, release) and place text (click)
over the photo's upright print copy, then save them as a derived copy. The copy is drawn by the
core (inspector/evidence/annotate.py) from the same shapes, in coordinates relative to the
picture, so what is saved is what the command line would make; the original stays unchanged."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.evidence.annotate import DEFAULT_COLOR, KINDS, Shape
from inspector.evidence.manage import annotate_evidence, locate_evidence, print_bytes
from inspector.inspections import EvidenceView, get_inspection
from inspector.workspace import Workspace
from ui.errors import arg
from ui.evidence.images import stored_image
from ui.ops import OpChanges, ops
from ui.tasks import TaskRunner

TextProvider = Callable[[], str | None]


class AnnotationCanvas(QWidget):
    """The picture, scaled to fit, with the shapes drawn so far."""

    shapes_changed = Signal()

    def __init__(self, pixmap: QPixmap, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pixmap = pixmap
        self.shapes: list[Shape] = []
        self.tool = "arrow"
        self.color = DEFAULT_COLOR
        self._start: QPointF | None = None
        self._current: QPointF | None = None
        self.text_provider: TextProvider = self._ask_text
        self.setMinimumSize(480, 360)
        self.setMouseTracking(False)

    # --- geometry: widget pixels <-> 0..1 of the picture ---------------------------------

    def picture_rect(self) -> QRectF:
        if self.pixmap.isNull():
            return QRectF(0, 0, self.width(), self.height())
        scale = min(self.width() / self.pixmap.width(), self.height() / self.pixmap.height())
        width, height = self.pixmap.width() * scale, self.pixmap.height() * scale
        return QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)

    def to_relative(self, point: QPointF) -> tuple[float, float]:
        rect = self.picture_rect()
        x = (point.x() - rect.left()) / rect.width()
        y = (point.y() - rect.top()) / rect.height()
        return min(max(x, 0.0), 1.0), min(max(y, 0.0), 1.0)

    def to_widget(self, x: float, y: float) -> QPointF:
        rect = self.picture_rect()
        return QPointF(rect.left() + x * rect.width(), rect.top() + y * rect.height())

    # --- editing ------------------------------------------------------------------------

    def add_shape(self, shape: Shape) -> None:
        self.shapes.append(shape)
        self.shapes_changed.emit()
        self.update()

    def undo(self) -> None:
        if self.shapes:
            self.shapes.pop()
            self.shapes_changed.emit()
            self.update()

    def _ask_text(self) -> str | None:
        text, ok = QInputDialog.getText(self, self.tr("文字标注"), self.tr("文字："))
        return text if ok and text.strip() else None

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if self.tool == "text":
            text = self.text_provider()
            if text:
                x, y = self.to_relative(event.position())
                self.add_shape(Shape("text", x, y, text=text.strip(), color=self.color))
            return
        self._start = self._current = event.position()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        if self._start is not None:
            self._current = event.position()
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        if self._start is None or event.button() != Qt.MouseButton.LeftButton:
            return
        x1, y1 = self.to_relative(self._start)
        x2, y2 = self.to_relative(event.position())
        self._start = self._current = None
        if abs(x2 - x1) < 0.01 and abs(y2 - y1) < 0.01:
            self.update()
            return  # a click, not a drag
        if self.tool == "circle" and (abs(x2 - x1) < 0.005 or abs(y2 - y1) < 0.005):
            self.update()
            return
        self.add_shape(Shape(self.tool, x1, y1, x2, y2, color=self.color))

    # --- drawing ------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.picture_rect()
        if not self.pixmap.isNull():
            painter.drawPixmap(rect.toRect(), self.pixmap)
        shapes = list(self.shapes)
        if self._start is not None and self._current is not None:
            x1, y1 = self.to_relative(self._start)
            x2, y2 = self.to_relative(self._current)
            shapes.append(Shape(self.tool, x1, y1, x2, y2, color=self.color))
        side = max(rect.width(), rect.height())
        line = max(2.0, side / 300)
        for shape in shapes:
            color = QColor(shape.color)
            painter.setPen(QPen(color, line))
            start = self.to_widget(shape.x1, shape.y1)
            if shape.kind == "text":
                font = QFont()
                font.setPixelSize(max(10, round(side / 28)))
                painter.setFont(font)
                box = painter.fontMetrics().boundingRect(shape.text)
                box.moveTopLeft(start.toPoint())
                painter.fillRect(box.adjusted(-3, -3, 3, 3), QColor("white"))
                painter.drawText(box, Qt.AlignmentFlag.AlignLeft, shape.text)
                continue
            end = self.to_widget(shape.x2, shape.y2)
            if shape.kind == "circle":
                painter.drawEllipse(QRectF(start, end).normalized())
                continue
            painter.drawLine(start, end)
            angle = math.atan2(end.y() - start.y(), end.x() - start.x())
            head = max(line * 5, side / 40)
            points = [
                end,
                QPointF(
                    end.x() - head * math.cos(angle - 0.45), end.y() - head * math.sin(angle - 0.45)
                ),
                QPointF(
                    end.x() - head * math.cos(angle + 0.45), end.y() - head * math.sin(angle + 0.45)
                ),
            ]
            painter.setBrush(color)
            painter.drawPolygon(points)
            painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.end()


class AnnotationEditor(QDialog):
    """Emits ``saved`` with the new evidence id once the annotated copy is stored."""

    saved = Signal(str)

    def __init__(
        self,
        workspace: Workspace,
        runner: TaskRunner,
        evidence_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.runner = runner
        self.evidence_id = evidence_id
        self.setWindowTitle(self.tr("标注（保存为副本，原件不变）"))
        self.resize(1000, 720)
        self.canvas = AnnotationCanvas(QPixmap(), self)
        self.canvas.setEnabled(False)  # no drawing until the picture is shown

        self.tools = QButtonGroup(self)
        self.tool_buttons: dict[str, QPushButton] = {}
        names = {"arrow": self.tr("箭头"), "circle": self.tr("圆圈"), "text": self.tr("文字")}
        row_layout = QHBoxLayout()
        for kind, name in KINDS.items():
            button = QPushButton(names.get(kind, name))
            button.setCheckable(True)
            button.setChecked(kind == "arrow")
            button.clicked.connect(lambda _checked=False, k=kind: self.set_tool(k))
            self.tools.addButton(button)
            self.tool_buttons[kind] = button
            row_layout.addWidget(button)
        self.undo_button = QPushButton(self.tr("撤销"))
        self.undo_button.clicked.connect(self.canvas.undo)
        row_layout.addWidget(self.undo_button)
        row_layout.addStretch(1)
        self.save_button = QPushButton(self.tr("保存为标注副本"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save)
        cancel = QPushButton(self.tr("取消"))
        cancel.clicked.connect(self.reject)
        row_layout.addWidget(self.save_button)
        row_layout.addWidget(cancel)
        self.message = QLabel(self.tr("拖动画箭头或圆圈；选“文字”后点击图片写字。"))
        self.canvas.shapes_changed.connect(
            lambda: self.save_button.setEnabled(bool(self.canvas.shapes))
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.canvas, 1)
        layout.addLayout(row_layout)
        layout.addWidget(self.message)

        def read() -> tuple[str, EvidenceView]:
            found_id, inspection_id = locate_evidence(workspace, evidence_id)
            inspection = get_inspection(workspace, inspection_id)
            return found_id, next(e for e in inspection.evidence if e.id == found_id)

        ops().query(
            read,
            parent=self,
            success=lambda found: self._show(*found),
            failure=self.message.setText,
        )

    def _show(self, evidence_id: str, view: EvidenceView) -> None:
        """The evidence, read on the database executor: its picture on the canvas."""
        self.evidence_id = evidence_id
        image = stored_image(lambda: print_bytes(self.workspace, view))
        self.canvas.pixmap = QPixmap.fromImage(image)
        self.canvas.setEnabled(True)
        self.canvas.update()

    def set_tool(self, kind: str) -> None:
        self.canvas.tool = kind
        for name, button in self.tool_buttons.items():
            button.setChecked(name == kind)

    def _by(self) -> str | None:
        parent = self.parent()
        while parent is not None:
            added_by = getattr(parent, "added_by", None)
            if isinstance(added_by, str):
                return added_by
            parent = parent.parent()
        return None

    def save(self) -> None:
        shapes = list(self.canvas.shapes)
        if not shapes:
            return
        ws = self.workspace
        evidence_id = self.evidence_id
        by = self._by()
        self.save_button.setEnabled(False)
        self.message.setText(self.tr("正在保存…"))
        self.runner.run(
            lambda _reporter: annotate_evidence(ws, evidence_id, shapes, by=by),
            on_success=self._saved,
            changes=OpChanges(evidence=True),
            on_failure=self._failed,
        )

    def _saved(self, new_id: str) -> None:
        self.message.setText(self.tr("已保存标注副本"))
        self.saved.emit(new_id)
        self.accept()

    def _failed(self, text: str) -> None:
        self.message.setText(arg(self.tr("保存失败：%1"), text))
        self.save_button.setEnabled(True)
