"""Reading a table a bureau or an institution hands over (.xlsx, or CSV in UTF-8, UTF-16 or
GBK): the header row found by its Chinese (or English) column names wherever title rows put it,
then the data rows with the row numbers Excel shows. What the columns are is a
:class:`TableSpec`; the registry import and the 进销存 ledgers are two of them.

Whole files are read into memory: these are lists of thousands of rows, capped by the spec
(a settlement export of millions of rows is streamed by inspector/claims/reader.py instead)."""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
import warnings
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from inspector.errors import InvalidInput, NotFound
from inspector.progress import NullReporter, Reporter, check_cancel

HEADER_SCAN_ROWS = 20  # the header is looked for in the first rows (a title may come first)


@dataclass(frozen=True)
class TableSpec:
    """The columns of one kind of table."""

    field_names: Mapping[str, str]  # field -> its Chinese name, for messages
    # Header texts recognised for each field, compared by header_key (full-width folded;
    # case, spaces, "_", "-" and "*" ignored; a trailing "(必填)" or "(元)" dropped).
    aliases: Mapping[str, Sequence[str]]
    required: Sequence[str]
    max_rows: int
    too_many: str  # message template ({name}, {limit}) for a file far larger than such a table
    index: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index = {header_key(a): fld for fld, names in self.aliases.items() for a in names}
        object.__setattr__(self, "index", index)

    def field_of(self, value: Any) -> str | None:
        text = cell_text(value)
        return self.index.get(header_key(text)) if text else None


def fold(text: str) -> str:
    """Full-width letters, digits and punctuation to their ASCII forms; spaces trimmed."""
    return unicodedata.normalize("NFKC", text).strip()


def header_key(text: str) -> str:
    key = re.sub(r"[\s_\-*]+", "", fold(text).lower())
    return re.sub(r"\((?:必填|选填|可选|元|required|optional)\)$", "", key)


def cell_text(value: Any) -> str:
    """A cell as the user sees it: numbers without a spurious ``.0``, dates as YYYY-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return format(Decimal(repr(value)), "f")
    return str(value).replace("\u3000", " ").strip()


@dataclass(frozen=True)
class Header:
    row: int
    columns: dict[str, int]  # field -> column index (0-based)
    labels: dict[str, str]  # field -> the header text as written
    ignored: list[str]  # header texts of columns not used


def find_header(rows: Sequence[tuple[int, Sequence[Any]]], spec: TableSpec) -> Header | None:
    """The first row naming the most known columns. None if no row names any.
    Raises InvalidInput when a column is named twice."""
    best: tuple[int, int, Sequence[Any]] | None = None
    for number, cells in rows:
        found = {spec.field_of(c) for c in cells} - {None}
        if found and (best is None or len(found) > best[0]):
            best = (len(found), number, cells)
    if best is None:
        return None
    _, number, cells = best
    columns: dict[str, int] = {}
    labels: dict[str, str] = {}
    ignored: list[str] = []
    for index, cell in enumerate(cells):
        fld = spec.field_of(cell)
        if fld is None:
            if cell_text(cell):
                ignored.append(cell_text(cell))
            continue
        if fld in columns:
            raise InvalidInput(
                "第 {row} 行的表头中“{first}”和“{second}”都表示{what}，请删去或改名其中一列",
                row=number,
                first=labels[fld],
                second=cell_text(cell),
                what=spec.field_names[fld],
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


def _csv_table(path: Path, data: bytes, spec: TableSpec) -> tuple[str, list[tuple[int, list[str]]]]:
    encoding = detect_encoding(data)
    text = data.decode(encoding)
    best: tuple[int, list[tuple[int, list[str]]]] | None = None
    for delimiter in (",", "\t", ";"):
        try:
            reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
            rows = list(enumerate(reader, start=1))
        except csv.Error as error:
            raise InvalidInput(
                "{name} 不是有效的 CSV 文件：{error}", name=path.name, error=str(error)
            ) from error
        head = find_header(rows[:HEADER_SCAN_ROWS], spec)
        score = len(head.columns) if head else 0
        if best is None or score > best[0]:
            best = (score, rows)
    assert best is not None
    return encoding, best[1]


@dataclass
class Table:
    """The table read from a file: where its header is and its data rows."""

    path: Path
    kind: str  # "xlsx" or "csv"
    encoding: str | None
    sheet: str | None
    header: Header
    rows: list[tuple[int, Sequence[Any]]]  # row number as shown in Excel, cells


def _missing_columns_error(
    path: Path, header: Header | None, sheet: str | None, spec: TableSpec
) -> InvalidInput:
    where = f"（工作表“{sheet}”）" if sheet else ""
    found = header.columns if header else {}
    missing = [f for f in spec.required if f not in found]
    wanted = "；".join(
        f"{spec.field_names[f]}（可写作 {'/'.join(spec.aliases[f][:3])}）" for f in missing
    )
    if header is None:
        return InvalidInput(
            "{name}{where} 的前 {rows} 行中找不到表头，需要这些列：{wanted}",
            name=path.name,
            where=where,
            rows=HEADER_SCAN_ROWS,
            wanted=wanted,
        )
    return InvalidInput(
        "{name}{where} 第 {row} 行的表头缺少必需的列：{wanted}",
        name=path.name,
        where=where,
        row=header.row,
        wanted=wanted,
    )


def read_table(path: Path, spec: TableSpec, reporter: Reporter | None = None) -> Table:
    """Read a table. Raises InvalidInput (in Chinese) for a file that cannot be used at all:
    unknown format, unreadable, no header, a required column missing, too many rows."""
    reporter = reporter or NullReporter()
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise InvalidInput(
            "{name} 是旧版 Excel (.xls) 文件，请在 Excel 中另存为 .xlsx 或 CSV 后再导入",
            name=path.name,
        )
    if suffix not in (".xlsx", ".xlsm", ".csv", ".txt"):
        raise InvalidInput("{name}：只能导入 Excel (.xlsx) 或 CSV 文件", name=path.name)
    if not path.is_file():
        raise NotFound("找不到文件：{path}", path=str(path))
    if path.stat().st_size == 0:
        raise InvalidInput("{name} 是空文件", name=path.name)
    reporter.start(0, f"正在读取 {path.name}…")
    if suffix in (".csv", ".txt"):
        try:
            data = path.read_bytes()
        except OSError as error:
            raise InvalidInput(
                "无法读取 {name}：{error}", name=path.name, error=error.strerror or str(error)
            ) from error
        encoding, rows = _csv_table(path, data, spec)
        header = find_header(rows[:HEADER_SCAN_ROWS], spec)
        if header is None or any(f not in header.columns for f in spec.required):
            raise _missing_columns_error(path, header, None, spec)
        if len(rows) > spec.max_rows:
            raise InvalidInput(spec.too_many, name=path.name, limit=spec.max_rows)
        return Table(path, "csv", encoding, None, header, rows[header.row :])
    return _read_xlsx(path, spec, reporter)


def _read_xlsx(path: Path, spec: TableSpec, reporter: Reporter) -> Table:
    import openpyxl  # only an Excel import needs it

    # openpyxl warns about styles, validations and extensions it does not read; none matter
    # for reading cell values.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
            raise _not_excel(path, error) from error
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
                header = find_header(head, spec)
                if header is None or any(f not in header.columns for f in spec.required):
                    first_error = first_error or _missing_columns_error(
                        path, header, sheet.title, spec
                    )
                    continue
                rows = [r for r in head if r[0] > header.row]
                for number, cells in numbered:
                    if number % 500 == 0:
                        check_cancel(reporter)
                    if len(rows) >= spec.max_rows:
                        raise InvalidInput(spec.too_many, name=path.name, limit=spec.max_rows)
                    rows.append((number, cells))
                return Table(path, "xlsx", None, sheet.title, header, rows)
        except (zipfile.BadZipFile, KeyError, ValueError) as error:
            raise _not_excel(path, error) from error
        finally:
            book.close()
    raise first_error or InvalidInput("{name} 中没有工作表", name=path.name)


def _not_excel(path: Path, error: Exception) -> InvalidInput:
    return InvalidInput(
        "{name} 不是有效的 Excel (.xlsx) 文件：{error}", name=path.name, error=str(error)
    )
