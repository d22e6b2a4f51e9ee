"""The record of an inspection inside the app: preview (QtPdf), its status at a glance (current or
out of date, who has signed), make it again, print it, save a copy."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.db.models import InspectionStatus
from inspector.errors import InspectorError
from inspector.inspections import InspectionView, get_inspection
from inspector.record.build import build_record
from inspector.record.content import amend_inspection, signatures
from inspector.record.status import RecordView, latest_record, record_bytes, save_record_copy
from inspector.workspace import Workspace
from ui.errors import arg, show_error
from ui.ops import OpChanges, ops
from ui.tasks import TaskRunner

# QtPdf renders pages only as pictures. At the printer's own resolution (1200 dpi for Qt's
# high-resolution mode) an 18-page record took 96.7 s and a 180 MB job; 300 dpi is what office
# printers print text and photos at, the QR code's module is still 6 dots, and the same record
# prints in seconds (benchmarks/bench_print.py).
PRINT_DPI = 300


def print_pdf(document: QPdfDocument, printer: QPrinter, dpi: int = PRINT_DPI) -> int:
    """Print every page of a PDF, each scaled to the printer's page, rendered at ``dpi`` (or
    the printer's resolution when lower). Returns the pages sent."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        area = printer.pageRect(QPrinter.Unit.DevicePixel)
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            size = document.pagePointSize(page)
            device = min(area.width() / size.width(), area.height() / size.height())
            render = min(device, dpi / 72)
            image = document.render(page, (size * render).toSize())
            # No alpha channel: an opaque page, without a soft mask in the job.
            image = image.convertToFormat(QImage.Format.Format_RGB888)
            painter.drawImage(QRectF(QPointF(0, 0), size * device), image)
    finally:
        painter.end()
    return document.pageCount()


def cups_command(printer: QPrinter, title: str) -> list[str] | None:
    """The ``lp`` command that prints a PDF as it is (vectors: the printer's own resolution, no
    picture of each page) on the CUPS queue chosen in the print dialog, or None where there is
    no CUPS (Windows) or the printer is not a queue (a PDF file)."""
    lp = shutil.which("lp")
    if (
        lp is None
        or printer.outputFormat() is not QPrinter.OutputFormat.NativeFormat
        or not printer.printerName()
    ):
        return None
    command = [lp, "-d", printer.printerName(), "-t", title, "-n", str(printer.copyCount())]
    if printer.printRange() is QPrinter.PrintRange.PageRange and printer.fromPage():
        command += ["-P", f"{printer.fromPage()}-{printer.toPage() or printer.fromPage()}"]
    sides = {
        QPrinter.DuplexMode.DuplexLongSide: "two-sided-long-edge",
        QPrinter.DuplexMode.DuplexShortSide: "two-sided-short-edge",
        QPrinter.DuplexMode.DuplexNone: "one-sided",
    }.get(printer.duplex())
    if sides:
        command += ["-o", f"sides={sides}"]
    return command


def send_to_cups(command: list[str], data: bytes) -> None:
    """Spool the PDF's bytes (read through the record store) on stdin: no copy on disk."""
    try:
        subprocess.run(command, input=data, capture_output=True, check=True, timeout=120)
    except (OSError, subprocess.SubprocessError) as error:
        detail = getattr(error, "stderr", b"") or b""
        raise PrintError(detail.decode("utf-8", "replace").strip() or str(error)) from error


class PrintError(Exception):
    """The print system refused the job; the message is its own."""


def load_record(workspace: Workspace, record: RecordView, document: QPdfDocument) -> QBuffer:
    """Show a kept record from its bytes (read through the record store, never by its path).
    The buffer is the document's child: it lives as long as the document reads from it."""
    parent: QObject = document
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(record_bytes(workspace, record)))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    return buffer


class RecordDialog(QDialog):
    signatures_requested = Signal(str)  # inspection id: open the signing screen
    amended = Signal(str)  # the new inspection that corrects this signed one
    changed = Signal()

    def __init__(
        self,
        workspace: Workspace,
        runner: TaskRunner,
        inspection_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.runner = runner
        self.inspection_id = inspection_id
        self.record: RecordView | None = None
        self._hand: set[str] = set()  # 执法证号 of the inspectors who signed by hand
        self.setWindowTitle(self.tr("检查记录"))
        self.resize(1200, 740)

        layout = QHBoxLayout(self)
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None  # the record's bytes the document reads
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout.addWidget(self.view, 3)

        side = QVBoxLayout()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.status.setMinimumWidth(300)
        side.addWidget(self.status)
        self.build_button = QPushButton(self.tr("生成 / 更新记录"))
        self.sign_button = QPushButton(self.tr("签名…"))
        self.print_button = QPushButton(self.tr("打印…"))
        self.save_button = QPushButton(self.tr("另存为…"))
        self.amend_button = QPushButton(self.tr("制作更正记录…"))
        self.amend_button.setToolTip(
            self.tr("已签名的记录不能修改：更正是一项新的检查，关联原记录，原记录保持不变")
        )
        close = QPushButton(self.tr("关闭"))
        for button in (
            self.build_button,
            self.sign_button,
            self.print_button,
            self.save_button,
            self.amend_button,
        ):
            button.setMinimumHeight(40)
            side.addWidget(button)
        side.addStretch(1)
        side.addWidget(close)
        layout.addLayout(side, 1)

        self.build_button.clicked.connect(self.build)
        self.sign_button.clicked.connect(lambda: self.signatures_requested.emit(inspection_id))
        # Not connected directly: clicked(bool) would arrive as the printer.
        self.print_button.clicked.connect(lambda: self.print_record())
        self.save_button.clicked.connect(self.save_copy)
        # Not connected directly: clicked(bool) would arrive as confirm=False.
        self.amend_button.clicked.connect(lambda: self.amend())
        close.clicked.connect(self.accept)
        self.refresh()

    def refresh(self) -> None:
        """Read the newest record, the inspection and the hand signatures on the database
        executor (the record's data hash is recomputed: it takes time), then show them."""
        ws, inspection_id = self.workspace, self.inspection_id

        def read() -> tuple[RecordView | None, InspectionView, set[str], list[str]]:
            from inspector.inspections import clock_warnings

            hand = {sig.cert_no for sig in signatures(ws, inspection_id) if sig.role == "inspector"}
            view = get_inspection(ws, inspection_id)
            return latest_record(ws, inspection_id), view, hand, clock_warnings(ws, view.id)

        ops().query(
            read,
            parent=self,
            success=lambda found: self._show(*found),
            failure=lambda message: QMessageBox.warning(self, self.tr("检查记录"), message),
        )

    def _show(
        self,
        record: RecordView | None,
        view: InspectionView,
        hand: set[str],
        warnings: list[str] | None = None,
    ) -> None:
        self.record = record
        self._hand = hand
        signed = view.status is InspectionStatus.SIGNED
        self.build_button.setEnabled(not signed)
        has_record = self.record is not None
        self.print_button.setEnabled(has_record)
        self.save_button.setEnabled(has_record)
        # Locked: nobody signs any more (the amendment is the way to change it).
        self.sign_button.setEnabled(not signed)
        self.amend_button.setVisible(signed)
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
            self._buffer = None
        if self.record is not None:
            try:
                self._buffer = load_record(self.workspace, self.record, self.document)
            except InspectorError as error:
                show_error(self, self.tr("检查记录"), error)
        text = self.status_html(view.status, view.team)
        if warnings:
            # The laptop's clock disagrees with the photos or the server: the 检查时间 the
            # record prints may be wrong (kept on the inspection's log too).
            shown = "<br/>".join(
                "⚠ " + w.replace("&", "&amp;").replace("<", "&lt;") for w in warnings
            )
            text += f"<br/><span style='color:#8a4b00'>{shown}</span>"
        self.status.setText(text)

    def status_html(self, status: InspectionStatus, team: list) -> str:  # type: ignore[type-arg]
        record = self.record
        if record is None:
            return self.tr("还没有生成记录。")
        lines = [
            arg(self.tr("<b>记录编号</b> %1"), record.record_no or "—"),
            arg(self.tr("生成于 %1"), record.created_at.astimezone().strftime("%Y-%m-%d %H:%M")),
        ]
        if record.current:
            lines.append(self.tr("<span style='color:#1e7d32'>✓ 与当前数据一致</span>"))
        else:
            lines.append(
                self.tr("<span style='color:#b3261e'>✗ 记录生成后数据有变更，请重新生成</span>")
            )
        hand = self._hand
        lines.append(self.tr("<b>签名</b>"))
        for name, cert, role in team:
            leader = self.tr("（组长）") if role.value == "leader" else ""
            marks = [
                self.tr("手写 ✓") if cert in hand else self.tr("手写 —"),
                self.tr("数字 ✓") if cert in record.signed_by else self.tr("数字 —"),
            ]
            lines.append(f"{name}{leader}：{'　'.join(marks)}")
        if status is InspectionStatus.SIGNED:
            lines.append(self.tr("<b>已签名锁定</b>：不能再修改，更正须制作更正记录。"))
        return "<br/>".join(lines)

    def build(self) -> None:
        def done(_result: object) -> None:
            self.refresh()
            self.changed.emit()

        self.runner.run(
            lambda reporter: build_record(self.workspace, self.inspection_id, None, reporter),
            on_success=done,
            changes=OpChanges(record=True).about(self.inspection_id),
            on_failure=lambda message: QMessageBox.warning(self, self.tr("无法生成记录"), message),
            progress_parent=self,
            label=self.tr("正在生成检查记录…"),
        )

    def amend(self, confirm: bool = True) -> None:
        if (
            confirm
            and QMessageBox.question(
                self,
                self.tr("制作更正记录"),
                self.tr(
                    "将新建一项更正检查，复制原检查的答案和证据供修改；原记录保持不变。继续吗？"
                ),
            )
            != QMessageBox.StandardButton.Yes
        ):
            return

        def done(new_id: str) -> None:
            self.amended.emit(new_id)
            self.accept()

        ws, inspection_id = self.workspace, self.inspection_id
        ops().mutate(
            lambda: amend_inspection(ws, inspection_id),
            lambda new_id: (
                OpChanges(inspection=True, record=True).about(inspection_id).about(new_id)
            ),
            parent=self,
            success=done,
            failure=lambda message: QMessageBox.warning(self, self.tr("无法更正"), message),
        )

    def print_record(self, printer: QPrinter | None = None) -> int:
        """Print the record: as the PDF itself on a CUPS queue (Linux), else each page rendered
        at 300 dpi (Windows, or printing to a file). Returns the pages sent."""
        if self.record is None:
            return 0
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            dialog = QPrintDialog(printer, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return 0
        command = cups_command(printer, f"检查记录 {self.record.record_no or ''}".strip())
        if command is None:
            return print_pdf(self.document, printer)
        try:
            send_to_cups(command, record_bytes(self.workspace, self.record))
        except PrintError as error:
            QMessageBox.warning(self, self.tr("无法打印"), str(error))
            return 0
        except InspectorError as error:
            show_error(self, self.tr("无法打印"), error)
            return 0
        return self.document.pageCount()

    def save_copy(self) -> None:
        if self.record is None:
            return
        suggested = str(Path.home() / f"检查记录-{self.record.record_no}.pdf")
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("另存检查记录"), suggested, self.tr("PDF 文件 (*.pdf)")
        )
        if target:
            try:
                save_record_copy(self.workspace, self.record, Path(target))
            except InspectorError as error:
                show_error(self, self.tr("另存检查记录"), error)
