"""A kept record's PDF on screen, and the ways out of it: print it (the PDF itself on a CUPS
queue, else each page rendered at 300 dpi), save a copy. Shared by the inspection record's
dialog and the interview record's (询问笔录)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QObject,
    QPointF,
    QRectF,
)
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.errors import InspectorError
from inspector.record.status import RecordView, record_bytes, save_record_copy
from inspector.workspace import Workspace
from ui.errors import show_error

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


def print_document(
    parent: QWidget,
    document: QPdfDocument,
    data: Callable[[], bytes],
    title: str,
    printer: QPrinter | None = None,
) -> int:
    """Print a kept PDF shown in ``document``: the PDF itself on a CUPS queue (Linux), else
    each page rendered at 300 dpi (Windows, or printing to a file). Without ``printer`` the
    print dialog asks for one. ``data`` reads the bytes (only a CUPS queue needs them); a
    refusal is told to the user. Returns the pages sent (0: none)."""
    if printer is None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, parent).exec() != QDialog.DialogCode.Accepted:
            return 0
    command = cups_command(printer, title)
    if command is None:
        return print_pdf(document, printer)
    cannot = QCoreApplication.translate("RecordPreview", "无法打印")
    try:
        send_to_cups(command, data())
    except PrintError as error:
        QMessageBox.warning(parent, cannot, str(error))
        return 0
    except InspectorError as error:
        show_error(parent, cannot, error)
        return 0
    return document.pageCount()


def load_record(workspace: Workspace, record: RecordView, document: QPdfDocument) -> QBuffer:
    """Show a kept record from its bytes (read through the record store, never by its path).
    The buffer is the document's child: it lives as long as the document reads from it."""
    return show_bytes(record_bytes(workspace, record), document)


def show_bytes(data: bytes, document: QPdfDocument) -> QBuffer:
    """A PDF's bytes (read before, on the database executor) into ``document``; the buffer is
    the document's child."""
    parent: QObject = document
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    return buffer


class RecordPreview(QWidget):
    """A record shown (QtPdf), with 打印… and 另存为… for it. ``title`` names the document in
    the dialogs it opens and the file name it suggests (检查记录, 询问笔录)."""

    def __init__(self, workspace: Workspace, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.title = title
        self.record: RecordView | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None  # the record's bytes the document reads
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        self.print_button = QPushButton(self.tr("打印…"))
        self.save_button = QPushButton(self.tr("另存为…"))
        # Not connected directly: clicked(bool) would arrive as the printer.
        self.print_button.clicked.connect(lambda: self.print_record())
        self.save_button.clicked.connect(lambda: self.save_copy())
        for button in (self.print_button, self.save_button):
            button.setMinimumHeight(40)  # a finger's size on a tablet
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.show_record(None)

    def show_record(self, record: RecordView | None) -> None:
        self.record = record
        self.print_button.setEnabled(record is not None)
        self.save_button.setEnabled(record is not None)
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
            self._buffer = None
        if record is not None:
            try:
                self._buffer = load_record(self.workspace, record, self.document)
            except InspectorError as error:
                show_error(self, self.title, error)

    def print_record(self, printer: QPrinter | None = None) -> int:
        """Print the record: as the PDF itself on a CUPS queue (Linux), else each page rendered
        at 300 dpi (Windows, or printing to a file). Returns the pages sent."""
        if self.record is None:
            return 0
        workspace, record = self.workspace, self.record
        return print_document(
            self,
            self.document,
            lambda: record_bytes(workspace, record),
            f"{self.title} {record.record_no or ''}".strip(),
            printer,
        )

    def save_copy(self) -> Path | None:
        """A copy where the user chooses, checked against the hash kept for the record."""
        if self.record is None:
            return None
        suggested = str(Path.home() / f"{self.title}-{self.record.record_no}.pdf")
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("另存为"), suggested, self.tr("PDF 文件 (*.pdf)")
        )
        if not target:
            return None
        try:
            return save_record_copy(self.workspace, self.record, Path(target))
        except InspectorError as error:
            show_error(self, self.tr("另存为"), error)
            return None
