"""Reading a registry file (.xlsx, or CSV in UTF-8 or GBK): finding the header row, and the
rows with their numbers, whatever title rows come first."""

from __future__ import annotations

import codecs
import csv
import io
import re
import warnings
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from inspector.errors import InvalidInput, NotFound
from inspector.progress import NullReporter, Reporter, check_cancel
from inspector.registry.cells import (
    FIELD_NAMES,
    HEADER_ALIASES,
    HEADER_SCAN_ROWS,
    MAX_ROWS,
    REQUIRED,
    cell_text,
    fold,
)

# --- reading the file --------------------------------------------------------------------


def _header_key(text: str) -> str:
    """Full-width folded, lower case, without spaces, "_", "-", "*" or a trailing "(必填)"."""
    key = re.sub(r"[\s_\-*]+", "", fold(text).lower())
    return re.sub(r"\((?:必填|选填|可选|required|optional)\)$", "", key)


_HEADER_INDEX = {
    _header_key(alias): fld for fld, aliases in HEADER_ALIASES.items() for alias in aliases
}


def _header_field(value: Any) -> str | None:
    text = cell_text(value)
    return _HEADER_INDEX.get(_header_key(text)) if text else None


@dataclass(frozen=True)
class Header:
    row: int
    columns: dict[str, int]  # field -> column index (0-based)
    labels: dict[str, str]  # field -> the header text as written
    ignored: list[str]  # header texts of columns not used


def _find_header(rows: Sequence[tuple[int, Sequence[Any]]]) -> Header | None:
    """The first row naming the most known columns. None if no row names any.
    Raises InvalidInput when a column is named twice."""
    best: tuple[int, int, Sequence[Any]] | None = None
    for number, cells in rows:
        found = {_header_field(c) for c in cells} - {None}
        if found and (best is None or len(found) > best[0]):
            best = (len(found), number, cells)
    if best is None:
        return None
    _, number, cells = best
    columns: dict[str, int] = {}
    labels: dict[str, str] = {}
    ignored: list[str] = []
    for index, cell in enumerate(cells):
        fld = _header_field(cell)
        if fld is None:
            if cell_text(cell):
                ignored.append(cell_text(cell))
            continue
        if fld in columns:
            raise InvalidInput(
                f"第 {number} 行的表头中“{labels[fld]}”和“{cell_text(cell)}”都表示"
                f"{FIELD_NAMES[fld]}，请删去或改名其中一列"
            )
        columns[fld] = index
        labels[fld] = cell_text(cell)
    return Header(row=number, columns=columns, labels=labels, ignored=ignored)


def detect_encoding(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode text"), else GB18030,
    which is what a Chinese Excel writes as "CSV" and is a superset of GBK and GB2312."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    try:
        data.decode("gb18030")
    except UnicodeDecodeError as error:
        raise InvalidInput(
            "无法识别 CSV 文件的编码（支持 UTF-8 和 GBK/GB18030），请在 Excel 中另存为"
            "“CSV UTF-8”或 .xlsx"
        ) from error
    return "gb18030"


def _csv_table(path: Path, data: bytes) -> tuple[str, list[tuple[int, list[str]]]]:
    encoding = detect_encoding(data)
    text = data.decode(encoding)
    best: tuple[int, list[tuple[int, list[str]]]] | None = None
    for delimiter in (",", "\t", ";"):
        try:
            reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
            rows = list(enumerate(reader, start=1))
        except csv.Error as error:
            raise InvalidInput(f"{path.name} 不是有效的 CSV 文件：{error}") from error
        head = _find_header(rows[:HEADER_SCAN_ROWS])
        score = len(head.columns) if head else 0
        if best is None or score > best[0]:
            best = (score, rows)
    assert best is not None
    return encoding, best[1]


@dataclass
class SourceFile:
    """The table read from a file: where its header is and its data rows."""

    path: Path
    kind: str  # "xlsx" or "csv"
    encoding: str | None
    sheet: str | None
    header: Header
    rows: list[tuple[int, Sequence[Any]]]  # row number as shown in Excel, cells


def _missing_columns_error(path: Path, header: Header | None, sheet: str | None) -> InvalidInput:
    where = f"（工作表“{sheet}”）" if sheet else ""
    found = header.columns if header else {}
    missing = [f for f in REQUIRED if f not in found]
    wanted = "；".join(
        f"{FIELD_NAMES[f]}（可写作 {'/'.join(HEADER_ALIASES[f][:3])}）" for f in missing
    )
    if header is None:
        return InvalidInput(
            f"{path.name}{where} 的前 {HEADER_SCAN_ROWS} 行中找不到表头，需要这些列：{wanted}"
        )
    return InvalidInput(f"{path.name}{where} 第 {header.row} 行的表头缺少必需的列：{wanted}")


def read_source(path: Path, reporter: Reporter | None = None) -> SourceFile:
    """Read a registry file. Raises InvalidInput (in Chinese) for a file that cannot be used at
    all: unknown format, unreadable, no header, a required column missing, too many rows."""
    reporter = reporter or NullReporter()
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise InvalidInput(
            f"{path.name} 是旧版 Excel (.xls) 文件，请在 Excel 中另存为 .xlsx 或 CSV 后再导入"
        )
    if suffix not in (".xlsx", ".xlsm", ".csv", ".txt"):
        raise InvalidInput(f"{path.name}：只能导入 Excel (.xlsx) 或 CSV 文件")
    if not path.is_file():
        raise NotFound(f"找不到文件：{path}")
    if path.stat().st_size == 0:
        raise InvalidInput(f"{path.name} 是空文件")
    reporter.start(0, f"正在读取 {path.name}…")
    if suffix in (".csv", ".txt"):
        try:
            data = path.read_bytes()
        except OSError as error:
            raise InvalidInput(f"无法读取 {path.name}：{error.strerror or error}") from error
        encoding, rows = _csv_table(path, data)
        header = _find_header(rows[:HEADER_SCAN_ROWS])
        if header is None or any(f not in header.columns for f in REQUIRED):
            raise _missing_columns_error(path, header, None)
        if len(rows) > MAX_ROWS:
            raise InvalidInput(f"{path.name} 超过 {MAX_ROWS} 行，不像是机构名单")
        return SourceFile(path, "csv", encoding, None, header, rows[header.row :])
    return _read_xlsx(path, reporter)


def _read_xlsx(path: Path, reporter: Reporter) -> SourceFile:
    import openpyxl  # only an Excel import needs it

    # openpyxl warns about styles, validations and extensions it does not read; none matter
    # for reading cell values.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
            raise InvalidInput(f"{path.name} 不是有效的 Excel (.xlsx) 文件：{error}") from error
        try:
            sheets = list(book.worksheets)
            active = book.active
            if active in sheets:  # the sheet shown when the file was saved is looked at first
                sheets.remove(active)
                sheets.insert(0, active)
            first_error: InvalidInput | None = None
            for sheet in sheets:
                if not hasattr(sheet, "iter_rows"):
                    continue  # a chart sheet
                sheet.reset_dimensions()  # some writers record a wrong used range
                numbered = enumerate(sheet.iter_rows(values_only=True), start=1)
                head: list[tuple[int, Sequence[Any]]] = []
                for number, cells in numbered:
                    head.append((number, cells))
                    if number >= HEADER_SCAN_ROWS:
                        break
                header = _find_header(head)
                if header is None or any(f not in header.columns for f in REQUIRED):
                    first_error = first_error or _missing_columns_error(path, header, sheet.title)
                    continue
                rows = [r for r in head if r[0] > header.row]
                for number, cells in numbered:
                    if number % 500 == 0:
                        check_cancel(reporter)
                    if len(rows) >= MAX_ROWS:
                        raise InvalidInput(f"{path.name} 超过 {MAX_ROWS} 行，不像是机构名单")
                    rows.append((number, cells))
                return SourceFile(path, "xlsx", None, sheet.title, header, rows)
        except (zipfile.BadZipFile, KeyError, ValueError) as error:
            raise InvalidInput(f"{path.name} 不是有效的 Excel (.xlsx) 文件：{error}") from error
        finally:
            book.close()
    raise first_error or InvalidInput(f"{path.name} 中没有工作表")
