"""Excel workbooks (openpyxl) made in memory. openpyxl writes each sheet's XML to a file of its
own in the system temp folder before zipping it (``worksheet/_writer.create_temporary_file``),
removed after the save or at exit: the ledger's findings or the audit log in clear outside the
data directory, and left there when the process is killed mid-save. Here the sheets go to
memory; the workbook's bytes are then the caller's to write where the user asked."""

from __future__ import annotations

import datetime
import io
import zipfile
from typing import Any

from openpyxl import Workbook
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.writer.excel import ExcelWriter


class _MemorySheetWriter(WorksheetWriter):  # type: ignore[misc]
    def __init__(self, ws: Any) -> None:
        super().__init__(ws, out=io.BytesIO())

    def cleanup(self) -> None:
        pass  # nothing on disk to remove


class _MemoryExcelWriter(ExcelWriter):  # type: ignore[misc]
    def write_worksheet(self, ws: Any) -> None:
        # openpyxl's own, but the sheet's XML taken from memory (writestr, not write).
        ws._drawing = _drawing(ws)
        if self.workbook.write_only:
            if not ws.closed:
                ws.close()
            writer = ws._writer
        else:
            writer = _MemorySheetWriter(ws)
            writer.write()
        ws._rels = writer._rels
        if isinstance(writer.out, io.BytesIO):
            self._archive.writestr(ws.path[1:], writer.out.getvalue())
        else:  # a write-only sheet not made by create_sheet below: openpyxl's temp file
            self._archive.write(writer.out, ws.path[1:])
        self.manifest.append(ws)
        writer.cleanup()


def _drawing(ws: Any) -> Any:
    from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing

    drawing = SpreadsheetDrawing()
    drawing.charts = ws._charts
    drawing.images = ws._images
    return drawing


def create_sheet(book: Workbook, title: str) -> Any:
    """``book.create_sheet(title)``; in a write-only workbook, one whose rows are streamed to
    memory rather than to openpyxl's temp file."""
    sheet = book.create_sheet(title)
    if book.write_only:

        def writer() -> None:  # openpyxl's WriteOnlyWorksheet._get_writer, to memory
            if sheet._writer is None:
                sheet._writer = _MemorySheetWriter(sheet)
                sheet._writer.write_top()

        sheet._get_writer = writer
    return sheet


def workbook_bytes(book: Workbook) -> bytes:
    """The workbook as an .xlsx file's bytes, no sheet written to disk on the way."""
    out = io.BytesIO()
    archive = zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    book.properties.modified = datetime.datetime.now(tz=datetime.UTC).replace(tzinfo=None)
    _MemoryExcelWriter(book, archive).save()  # closes the archive
    return out.getvalue()
