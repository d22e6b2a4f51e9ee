"""Reading a table a bureau or an institution hands over (.xlsx, or CSV in UTF-8, UTF-16 or
GBK): the header row found by its Chinese (or English) column names wherever title rows put it,
then the data rows with the row numbers Excel shows. What the columns are is a
:class:`TableSpec`; the registry import and the 进销存 ledgers are two of them.

A CSV file is read record by record, each line checked to be in the file's encoding
(:func:`checked_lines`, shared with inspector/claims/reader.py); the rows kept are capped by the
spec, and a file past the cap is refused before the rest of it is read."""

from __future__ import annotations

import codecs
import csv
import itertools
import re
import unicodedata
import warnings
import zipfile
from collections.abc import Iterator, Mapping, Sequence
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


SNIFF_BYTES = 1 << 20  # the encoding is decided on the first MiB; the rest must agree, line by line
ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "utf-16": "UTF-16", "gb18030": "GBK"}


def detect_encoding(data: bytes, *, final: bool = True) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode text"), else GB18030,
    which is what a Chinese Excel writes as "CSV" and is a superset of GBK and GB2312.
    ``final=False``: ``data`` is the start of a file (a character cut at its end is no error)."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data, final=final)
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    try:
        codecs.getincrementaldecoder("gb18030")().decode(data, final=final)
    except UnicodeDecodeError as error:
        raise InvalidInput(
            "无法识别 CSV 文件的编码（支持 UTF-8 和 GBK/GB18030），请在 Excel 中另存为"
            "“CSV UTF-8”或 .xlsx"
        ) from error
    return "gb18030"


def sniff_encoding(path: Path) -> str:
    """The encoding of a CSV file (:func:`detect_encoding`), from its first MiB, or, while
    that is all ASCII (which reads the same in each), from the first MiB that is not."""
    with path.open("rb") as handle:
        while chunk := handle.read(SNIFF_BYTES):
            if not chunk.isascii():  # a BOM is not ASCII; the chunk starts a character
                try:
                    return detect_encoding(chunk, final=False)
                except InvalidInput:
                    return _encoding_of_start(chunk)
    return "utf-8"


def _encoding_of_start(chunk: bytes) -> str:
    """Neither encoding reads the whole chunk: a file of parts in different encodings. The
    one its first lines are in (UTF-8 when they are non-ASCII UTF-8, which GBK text practically
    never is), so that the line-by-line check names the line where the other part begins."""
    for encoding in ("utf-8", "gb18030"):
        try:
            chunk.decode(encoding)
        except UnicodeDecodeError as error:
            start = chunk[: error.start]
            if b"\n" in start and (encoding != "utf-8" or not start.isascii()):
                return encoding
    return detect_encoding(chunk, final=False)  # raises: no line reads in either


_NOT_LATIN = re.compile("[^\x00-\xff]+$")


def _eight_bit_in_utf16(line: str, byte_order: str) -> bool:
    """Whether a line read as UTF-16 hides 8-bit text (UTF-8 rows appended to Excel's "Unicode
    text"): read as UTF-16, such bytes pair up into characters none of which is below U+0100
    (in UTF-16 a delimiter, a digit or a line break has a zero byte), so all the rows run into
    one line. Its bytes are the 8-bit text: from its first 8-bit line break on, valid UTF-8
    with delimiters. Only the end of the line after its last character below U+0100 is looked
    at (the rows may follow the last UTF-16 line without a line break, after its last cell's
    Chinese text); a cell's own Chinese text practically never reads as UTF-8 with line breaks
    and delimiters."""
    found = _NOT_LATIN.search(line.rstrip("\r\n"))
    if found is None:
        return False
    raw = found.group().encode(byte_order, "surrogatepass")
    _, newline, rest = raw.partition(b"\n")
    if not newline or len(rest) < 8:
        return False
    try:
        text = rest.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return any(d in text for d in ",\t;")


def checked_lines(path: Path, encoding: str) -> Iterator[str]:
    """The lines of a CSV file as text (line ends kept, as ``open(newline="")`` gives them),
    each checked to be in ``encoding``: a file whose parts are in different encodings (rows
    appended by another program) is refused at the first line that is not, never read as one
    merged cell or as garbled text. Used by every CSV reader (registry, 进销存, settlement
    data). The file is closed when the lines are read or the iterator is closed.

    An 8-bit file (UTF-8, GBK) is read as text; a NUL in a line is UTF-16 text, and where it
    stops decoding the line is found again in its bytes (text is decoded ahead in blocks). A
    UTF-16 file's lines are checked by :func:`_eight_bit_in_utf16`."""
    if encoding == "utf-16":
        yield from _utf16_lines(path)
        return
    number = 0
    with path.open(encoding=encoding, newline="") as handle:
        try:
            for number, line in enumerate(handle, start=1):
                if "\x00" in line:  # a zero byte in every ASCII character: UTF-16 text
                    raise _mixed(path, number, encoding)
                yield line
        except UnicodeDecodeError as error:
            raise _mixed(path, _undecodable_line(path, encoding, number + 1), encoding) from error


def _undecodable_line(path: Path, encoding: str, start: int) -> int:
    """The number of the first line from ``start`` on that does not decode (lines counted as
    ``open(newline="")`` counts them: a lone CR ends one too)."""
    number = 0
    with path.open("rb") as handle:
        for raw in handle:
            for piece in raw.splitlines(keepends=True) if b"\r" in raw[:-2] else (raw,):
                number += 1
                if number < start:
                    continue
                try:
                    piece.decode(encoding if number > 1 else _first_line(encoding))
                except UnicodeDecodeError:
                    return number
    return start


def _first_line(encoding: str) -> str:
    return "utf-8-sig" if encoding in ("utf-8", "utf-8-sig") else encoding


def _utf16_lines(path: Path) -> Iterator[str]:
    with path.open("rb") as raw:
        bom = raw.read(2)
    byte_order = "utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-16-be"
    number = 1
    with path.open(encoding="utf-16", newline="") as handle:
        lines = iter(handle)
        while True:
            try:
                line = next(lines)
            except StopIteration:
                return
            except UnicodeDecodeError as error:  # named from the line reading stopped at
                raise _mixed(path, number, "utf-16") from error
            if _eight_bit_in_utf16(line, byte_order):
                raise _mixed(path, number, "utf-16")
            yield line
            number += 1


def _mixed(path: Path, line: int, encoding: str) -> InvalidInput:
    return InvalidInput(
        "{name} 第 {line} 行起的文字编码与文件开头（{encoding}）不一致：文件可能由不同编码的"
        "部分拼接而成。请在 Excel 中打开后另存为“CSV UTF-8”或 .xlsx 再导入",
        name=path.name,
        line=line,
        encoding=ENCODING_NAMES.get(encoding, encoding),
    )


def _csv_records(path: Path, encoding: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """The file's records (row number, cells), streamed; closes the file when done."""
    lines = checked_lines(path, encoding)
    try:
        yield from enumerate(csv.reader(lines, delimiter=delimiter), start=1)
    except csv.Error as error:
        raise InvalidInput(
            "{name} 不是有效的 CSV 文件：{error}", name=path.name, error=str(error)
        ) from error
    finally:
        lines.close()


def _csv_table(
    path: Path, spec: TableSpec, reporter: Reporter
) -> tuple[str, Header | None, list[tuple[int, list[str]]]]:
    """The encoding, the header and the records of a CSV file. The delimiter is the one whose
    first rows name the most columns; then the records are read one by one, refused past the
    spec's row limit before the rest of the file is read (memory grows with the rows kept, not
    with the file)."""
    encoding = sniff_encoding(path)
    best: tuple[int, str, Header | None] | None = None
    for delimiter in (",", "\t", ";"):
        records = _csv_records(path, encoding, delimiter)
        try:
            head = list(itertools.islice(records, HEADER_SCAN_ROWS))
        finally:
            records.close()
        header = find_header(head, spec)
        score = len(header.columns) if header else 0
        if best is None or score > best[0]:
            best = (score, delimiter, header)
    assert best is not None
    _, delimiter, header = best
    rows: list[tuple[int, list[str]]] = []
    records = _csv_records(path, encoding, delimiter)
    try:
        for number, cells in records:
            if number % 500 == 0:
                check_cancel(reporter)
            if number > spec.max_rows:
                raise InvalidInput(spec.too_many, name=path.name, limit=spec.max_rows)
            rows.append((number, cells))
    finally:
        records.close()
    return encoding, header, rows


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
            encoding, header, rows = _csv_table(path, spec, reporter)
        except OSError as error:
            raise InvalidInput(
                "无法读取 {name}：{error}", name=path.name, error=error.strerror or str(error)
            ) from error
        if header is None or any(f not in header.columns for f in spec.required):
            raise _missing_columns_error(path, header, None, spec)
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
