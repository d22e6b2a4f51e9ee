"""Excel workbooks (openpyxl) made in memory. openpyxl writes each sheet's XML to a file of its
own in the system temp folder before zipping it (``worksheet/_writer.create_temporary_file``),
removed after the save or at exit: the ledger's findings or the audit log in clear outside the
data directory, and left there when the process is killed mid-save. Here the sheets go to
memory; the workbook's bytes are then the caller's to write where the user asked."""

from __future__ import annotations

import datetime
import io
import zipfile
from collections.abc import Iterable
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
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


# What a spreadsheet reads as the start of a formula when the cell is typed or edited (OWASP's
# CSV-injection list): such text is also marked "quote prefix", as Excel marks text typed after
# an apostrophe, so editing the cell in Excel or WPS does not turn it into a formula either.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _as_text(cell: Any) -> Any:
    if isinstance(cell.value, str):
        cell.data_type = "s"  # openpyxl made it "f" when it began with "="
        if cell.value.startswith(FORMULA_START):
            cell.quotePrefix = True
    return cell


def append_row(sheet: Any, values: Iterable[Any]) -> None:
    """``sheet.append(values)`` with every str written as text (never a formula); numbers,
    dates and cells that are not text are written as they are."""
    values = list(values)
    if getattr(sheet.parent, "write_only", False):
        row = []
        for value in values:
            if isinstance(value, Cell):  # WriteOnlyCell makes a Cell
                row.append(_as_text(value))
            elif isinstance(value, str):
                row.append(_as_text(WriteOnlyCell(sheet, value=value)))
            else:
                row.append(value)
        type(sheet).append(sheet, row)
        return
    type(sheet).append(sheet, values)
    row = sheet._current_row
    for column in range(1, len(values) + 1):
        _as_text(sheet.cell(row=row, column=column))


def create_sheet(book: Workbook, title: str) -> Any:
    """``book.create_sheet(title)``, whose ``append`` is :func:`append_row`; in a write-only
    workbook, one whose rows are streamed to memory rather than to openpyxl's temp file."""
    sheet = book.create_sheet(title)
    sheet.append = lambda values: append_row(sheet, values)
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
