"""Workbooks made in memory (inspector/xlsx.py): openpyxl's own save writes each sheet to the
system temp folder first; ours writes nothing there, and the file reads back the same."""

from __future__ import annotations

import html
import io
from pathlib import Path

import openpyxl
import pytest

from inspector.xlsx import create_sheet, workbook_bytes

SECRET = "张三 身份证 370102199001011234"


def _fill(book: openpyxl.Workbook) -> None:
    for title in ("台账", "名单"):
        sheet = create_sheet(book, title)
        sheet.column_dimensions["A"].width = 30
        sheet.append(["姓名", "金额"])
        sheet.append([SECRET, 12.5])


@pytest.mark.parametrize("write_only", [True, False])
def test_a_workbook_is_made_without_a_temporary_file(system_temp: Path, write_only: bool) -> None:
    book = openpyxl.Workbook(write_only=write_only)
    if not write_only:
        book.remove(book.active)
    _fill(book)
    data = workbook_bytes(book)
    assert list(system_temp.iterdir()) == []
    back = openpyxl.load_workbook(io.BytesIO(data))
    assert back.sheetnames == ["台账", "名单"]
    assert [list(r) for r in back["名单"].iter_rows(values_only=True)] == [
        ["姓名", "金额"],
        [SECRET, 12.5],
    ]
    assert back["台账"].column_dimensions["A"].width == 30


def test_openpyxls_own_save_does_write_there(
    system_temp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check can fail: openpyxl's save puts the sheet's XML in the temp folder, in clear
    (the text as character references)."""
    from openpyxl.worksheet import _writer

    seen: list[bytes] = []
    cleanup = _writer.WorksheetWriter.cleanup

    def look(self: _writer.WorksheetWriter) -> None:
        seen.append(Path(self.out).read_bytes())
        assert Path(self.out).parent == system_temp
        cleanup(self)

    monkeypatch.setattr(_writer.WorksheetWriter, "cleanup", look)
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("名单")
    sheet.append([SECRET])
    book.save(io.BytesIO())
    assert any(SECRET in html.unescape(xml.decode()) for xml in seen)
