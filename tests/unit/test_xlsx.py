"""Workbooks made in memory (inspector/xlsx.py): openpyxl's own save writes each sheet to the
system temp folder first; ours writes nothing there, and the file reads back the same."""

from __future__ import annotations

import html
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from inspector.xlsx import FORMULA_START, append_row, create_sheet, workbook_bytes
from tests.helpers.homes import ROOT

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


# Text that begins as a formula would is written as text.
TYPED = ["=1+2", "=cmd|' /C calc'!A0", "+1", "-2", "@SUM(A1)", "\t=1", "\r=1", "a=b", "普通"]


@pytest.mark.parametrize("write_only", [True, False])
def test_user_text_is_never_a_formula(write_only: bool) -> None:
    from openpyxl.cell import WriteOnlyCell

    book = openpyxl.Workbook(write_only=write_only)
    if not write_only:
        book.remove(book.active)
    sheet = create_sheet(book, "名单")
    sheet.append([*TYPED, 12.5, -3])
    if write_only:  # a cell made by the caller (for its font or format) is fixed too
        sheet.append([WriteOnlyCell(sheet, value="=1+2")])
    else:
        append_row(sheet, ["=1+2"])
    data = workbook_bytes(book)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml
    back = openpyxl.load_workbook(io.BytesIO(data))["名单"]
    rows = [list(r) for r in back.iter_rows(values_only=True)]
    assert rows[0] == [*TYPED, 12.5, -3]  # as typed; numbers stay numbers
    assert rows[1][0] == "=1+2"
    quoted = [c.quotePrefix for c in next(back.iter_rows())][: len(TYPED)]
    assert quoted == [t.startswith(FORMULA_START) for t in TYPED]


def test_openpyxl_alone_writes_such_text_as_a_formula() -> None:
    """The check above can fail: openpyxl's own append makes "=..." a formula."""
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("名单")
    sheet.append(["=cmd|' /C calc'!A0"])
    out = io.BytesIO()
    book.save(out)
    with zipfile.ZipFile(out) as archive:
        assert "<f>" in archive.read("xl/worksheets/sheet1.xml").decode()


def test_every_sheet_is_made_by_create_sheet() -> None:
    """Sheets appended to outside the helper would bypass it: no module makes one itself."""
    root = ROOT
    for path in [*root.glob("inspector/**/*.py"), *root.glob("ui/**/*.py")]:
        if path.name == "xlsx.py":
            continue
        text = path.read_text(encoding="utf-8")
        assert ".create_sheet(" not in text, path
        if "Workbook(" in text:
            assert "book.remove(book.active)" in text or "write_only=True" in text, path
