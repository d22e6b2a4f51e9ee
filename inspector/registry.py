"""The registry of designated institutions (定点医药机构名单): importing the bureau's list from an
Excel (.xlsx) or CSV file, searching it, and checking an institution's agreement (point 1 of the
eight inspection points: P1.1 是否签订协议, P1.2 协议是否到期).

An import is read first (:func:`preview`: every row with what would happen to it, and why a row
is refused), then applied (:func:`apply`) in one transaction: the accepted rows all, or nothing.
A re-import updates, never duplicates: a row is the same institution as a stored one when it has
the same agreement number, or, failing that, the same name and district. A blank optional cell
leaves the stored value as it is.
"""

from __future__ import annotations

import codecs
import csv
import enum
import io
import re
import unicodedata
import warnings
import zipfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple, Protocol

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from inspector.checklists.library import Library
from inspector.db.models import Institution, institution_id
from inspector.errors import InvalidInput, NotFound
from inspector.progress import NullReporter, Reporter, check_cancel
from inspector.workspace import Workspace

# --- columns -----------------------------------------------------------------------------

FIELDS = ("name", "type", "district", "agreement_no", "expiry", "level")
REQUIRED = ("name", "type", "district")
FIELD_NAMES = {
    "name": "机构名称",
    "type": "机构类型",
    "district": "所在区县",
    "agreement_no": "协议编号",
    "expiry": "协议到期日",
    "level": "等级",
}
# Header texts recognised for each column, compared by _header_key (full-width folded; case,
# spaces, "_", "-" and "*" ignored; a trailing "(必填)" dropped).
HEADER_ALIASES = {
    "name": ("机构名称", "名称", "定点机构名称", "医药机构名称", "单位名称", "name",
             "institution", "institution_name"),
    "type": ("机构类型", "类型", "机构类别", "类别", "type", "type_code", "institution_type"),
    "district": ("所在区县", "区县", "所属区县", "区(县)", "district"),
    "agreement_no": ("协议编号", "定点协议编号", "服务协议编号", "agreement_no",
                     "agreement_number", "agreement"),
    "expiry": ("协议到期日", "协议有效期至", "到期日期", "到期日", "协议到期日期", "有效期至",
               "expiry", "expiry_date", "agreement_expiry"),
    "level": ("等级", "机构等级", "医院等级", "level"),
}  # fmt: skip
HEADER_SCAN_ROWS = 20  # the header is looked for in the first rows (a title may come first)
MAX_ROWS = 100_000  # a bureau's list is thousands of rows; more is not a registry file
MAX_LENGTH = {"name": 200, "district": 100, "agreement_no": 100, "level": 50}  # the columns'

# Type cells: a type code, the type's Chinese (or English) name from the checklist library, or
# one of these common names. Kept small on purpose: a word that could mean two types (医院,
# 诊所, 公立医院) is refused rather than guessed.
TYPE_SYNONYMS = {
    "定点药店": "retail_pharmacy",
    "零售药店": "retail_pharmacy",
    "药店": "retail_pharmacy",
    "社区卫生服务中心": "primary_care",
    "社区卫生服务站": "primary_care",
    "乡镇卫生院": "primary_care",
    "村卫生室": "primary_care",
    "基层医疗卫生机构": "primary_care",
    "民营医院": "private_hospital",
    "社会办医": "private_hospital",
    "民营医疗机构": "private_hospital",
    "二级及以上公立医院": "public_hospital",
    "医保经办机构": "insurance_agency",
}
# Only these groups of types are institutions with an agreement (not 医师, 参保人员, 救助).
REGISTRY_GROUPS = ("medical", "pharmacy", "agency")


class RowStatus(enum.StrEnum):
    NEW = "new"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    REFUSED = "refused"


ROW_STATUS_NAMES = {
    RowStatus.NEW: "新增",
    RowStatus.UPDATE: "更新",
    RowStatus.UNCHANGED: "无变化",
    RowStatus.REFUSED: "拒绝",
}


# --- cell parsers ------------------------------------------------------------------------


class CellError(ValueError):
    """A cell that cannot be read; the message (Chinese) becomes the row's reason."""


def _fold(text: str) -> str:
    """Full-width letters, digits and punctuation to their ASCII forms; spaces trimmed."""
    return unicodedata.normalize("NFKC", text).strip()


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


EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 is 1900-01-01; Excel's phantom 1900-02-29 skipped
SERIAL_RANGE = (18264, 73050)  # 1950-01-01 .. 2099-12-31: an agreement date, not a count
_DATE_RE = re.compile(
    r"^(\d{4})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?)"
    r"(?:\s*[T ]?\s*\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$",
    re.ASCII,
)


def _from_serial(serial: float, shown: str) -> date:
    if not SERIAL_RANGE[0] <= serial <= SERIAL_RANGE[1]:
        raise CellError(f"协议到期日“{shown}”不是日期")
    return EXCEL_EPOCH + timedelta(days=int(serial))


def parse_date_cell(value: Any) -> date | None:
    """An expiry cell: an Excel date, an Excel serial number, or text written as 2025-12-31,
    2025/12/31, 2025.12.31, 2025年12月31日 or 20251231 (a time after it is ignored). Blank is
    None. Raises CellError with the reason in Chinese."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise CellError(f"协议到期日“{value}”不是日期")
    if isinstance(value, (int, float)):
        return _from_serial(value, cell_text(value))
    text = _fold(str(value))
    if not text:
        return None
    match = _DATE_RE.match(text)
    if match:
        year, month, day = (int(g) for g in match.groups() if g is not None)
    elif re.fullmatch(r"[0-9]{8}", text):
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:])
    elif re.fullmatch(r"[0-9]{5}(?:\.[0-9]+)?", text):
        return _from_serial(float(text), text)
    else:
        raise CellError(
            f"协议到期日“{text}”不是可识别的日期（应写成 2025-12-31 或 2025年12月31日）"
        )
    try:
        return date(year, month, day)
    except ValueError as error:
        raise CellError(f"协议到期日“{text}”不是有效的日期") from error


def _type_key(text: str) -> str:
    return re.sub(r"\s+", "", _fold(text)).lower()


def type_lookup(library: Library) -> dict[str, str]:
    """Every accepted way of writing a type (as compared by _type_key) to its code: the codes,
    Chinese and English names of all types in the library, and TYPE_SYNONYMS."""
    table: dict[str, str] = {}
    for code, kind in library.types.items():
        for text in (code, kind.name, kind.name_en):
            table[_type_key(text)] = code
    for text, code in TYPE_SYNONYMS.items():
        if code in library.types:
            table.setdefault(_type_key(text), code)
    return table


def parse_type_cell(value: Any, library: Library, lookup: dict[str, str] | None = None) -> str:
    """A type cell to its code. Raises CellError saying what can be written."""
    text = cell_text(value)
    if not text:
        raise CellError("机构类型为空")
    table = lookup if lookup is not None else type_lookup(library)
    code = table.get(_type_key(text))
    if code is None:
        names = "、".join(t.name for t in library.types.values() if t.group in REGISTRY_GROUPS)
        raise CellError(f"机构类型“{text}”无法识别（可填：{names}，或类型代码）")
    if library.types[code].group not in REGISTRY_GROUPS:
        raise CellError(f"“{text}”不是定点医药机构的类型，不能列入机构名单")
    return code


# --- reading the file --------------------------------------------------------------------


def _header_key(text: str) -> str:
    """Full-width folded, lower case, without spaces, "_", "-", "*" or a trailing "(必填)"."""
    key = re.sub(r"[\s_\-*]+", "", _fold(text).lower())
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


# --- rows --------------------------------------------------------------------------------


@dataclass(frozen=True)
class RegistryEntry:
    """One institution as the file gives it. None in an optional field: the cell was blank (or
    the column absent), and the stored value stays."""

    name: str
    type_code: str
    district: str
    agreement_no: str | None
    agreement_expiry: date | None
    level: str | None


@dataclass
class PreviewRow:
    row: int  # the row number in the file, as Excel shows it
    cells: dict[str, str]  # field -> the cell as written
    status: RowStatus
    reason: str = ""  # why refused (Chinese); for an update, what changes
    entry: RegistryEntry | None = None  # None when refused for its content
    institution_id: str | None = None  # the stored institution updated or unchanged

    @property
    def status_name(self) -> str:
        return ROW_STATUS_NAMES[self.status]

    @property
    def accepted(self) -> bool:
        return self.status is not RowStatus.REFUSED


@dataclass
class Preview:
    path: Path
    kind: str
    encoding: str | None
    sheet: str | None
    header_row: int
    columns: dict[str, str]  # field -> header text as found
    ignored_columns: list[str]
    rows: list[PreviewRow] = field(default_factory=list)

    @property
    def counts(self) -> dict[RowStatus, int]:
        found = Counter(row.status for row in self.rows)
        return {status: found.get(status, 0) for status in RowStatus}

    @property
    def refused(self) -> list[PreviewRow]:
        return [row for row in self.rows if row.status is RowStatus.REFUSED]

    @property
    def to_write(self) -> int:
        counts = self.counts
        return counts[RowStatus.NEW] + counts[RowStatus.UPDATE]

    def summary(self) -> str:
        counts = self.counts
        return (
            f"共 {len(self.rows)} 行：新增 {counts[RowStatus.NEW]}，"
            f"更新 {counts[RowStatus.UPDATE]}，无变化 {counts[RowStatus.UNCHANGED]}，"
            f"拒绝 {counts[RowStatus.REFUSED]}"
        )


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _parse_row(
    number: int, cells: Sequence[Any], header: Header, library: Library, lookup: dict[str, str]
) -> PreviewRow | None:
    """A data row to an entry or a refusal. None for a blank row (skipped, not reported)."""
    raw = {
        fld: cells[index] if index < len(cells) else None for fld, index in header.columns.items()
    }
    shown = {fld: cell_text(raw.get(fld)) for fld in FIELDS}
    if not any(shown.values()):
        return None
    reasons: list[str] = []
    name = _clean(shown["name"])
    district = _clean(shown["district"])
    if not name:
        reasons.append("机构名称为空")
    if not district:
        reasons.append("所在区县为空")
    type_code = ""
    try:
        type_code = parse_type_cell(raw.get("type"), library, lookup)
    except CellError as error:
        reasons.append(str(error))
    agreement_no = _fold(shown["agreement_no"]).replace(" ", "") or None
    expiry = None
    try:
        expiry = parse_date_cell(raw.get("expiry"))
    except CellError as error:
        reasons.append(str(error))
    if expiry is not None and agreement_no is None:
        reasons.append("有协议到期日却没有协议编号")
    level = _clean(shown["level"]) or None
    for fld, value in (
        ("name", name),
        ("district", district),
        ("agreement_no", agreement_no),
        ("level", level),
    ):
        if value and len(value) > MAX_LENGTH[fld]:
            reasons.append(f"{FIELD_NAMES[fld]}过长（最多 {MAX_LENGTH[fld]} 个字）")
    if reasons:
        return PreviewRow(number, shown, RowStatus.REFUSED, "；".join(reasons))
    entry = RegistryEntry(name, type_code, district, agreement_no, expiry, level)
    return PreviewRow(number, shown, RowStatus.NEW, entry=entry)


class _Stored(Protocol):
    id: str
    name: str
    type_code: str
    district: str
    agreement_no: str | None
    agreement_expiry: date | None
    level: str | None


def _changes(stored: _Stored, entry: RegistryEntry, library: Library) -> list[str]:
    def type_name(code: str) -> str:
        kind = library.types.get(code)
        return kind.name if kind else code

    changes: list[str] = []
    pairs: list[tuple[str, Any, Any, Any]] = [
        ("name", stored.name, entry.name, None),
        ("type", stored.type_code, entry.type_code, type_name),
        ("district", stored.district, entry.district, None),
        ("agreement_no", stored.agreement_no, entry.agreement_no, None),
        ("expiry", stored.agreement_expiry, entry.agreement_expiry, None),
        ("level", stored.level, entry.level, None),
    ]
    for fld, old, new, show in pairs:
        if new is None or new == old:
            continue
        show = show or (lambda v: "（空）" if v is None else str(v))
        changes.append(f"{FIELD_NAMES[fld]}：{show(old)} → {show(new)}")
    return changes


def _plan(rows: list[PreviewRow], stored: Iterable[_Stored], library: Library) -> None:
    """Decide new / update / unchanged / refused for each parsed row, against the stored
    institutions and the rows before it. Changes the rows in place."""
    by_number: dict[str, list[_Stored]] = {}
    by_place: dict[tuple[str, str], list[_Stored]] = {}
    for place in stored:
        if place.agreement_no:
            by_number.setdefault(place.agreement_no, []).append(place)
        by_place.setdefault((place.name, place.district), []).append(place)
    seen_numbers: dict[str, int] = {}
    seen_places: dict[tuple[str, str], int] = {}
    claimed: dict[str, int] = {}
    for row in rows:
        entry = row.entry
        if entry is None:
            continue
        row.status, row.reason, row.institution_id = RowStatus.NEW, "", None
        place_key = (entry.name, entry.district)

        def refuse(reason: str, row: PreviewRow = row) -> None:
            row.status, row.reason, row.institution_id = RowStatus.REFUSED, reason, None

        if entry.agreement_no and entry.agreement_no in seen_numbers:
            refuse(f"协议编号 {entry.agreement_no} 与第 {seen_numbers[entry.agreement_no]} 行重复")
            continue
        if place_key in seen_places:
            refuse(f"与第 {seen_places[place_key]} 行的机构名称和区县相同")
            continue
        target: _Stored | None = None
        same_number = by_number.get(entry.agreement_no, []) if entry.agreement_no else []
        same_place = by_place.get(place_key, [])
        if len(same_number) > 1:
            refuse(f"已登记的机构中有 {len(same_number)} 家使用协议编号 {entry.agreement_no}")
            continue
        if same_number:
            target = same_number[0]
            others = [p for p in same_place if p.id != target.id]
            if others:
                refuse(
                    f"协议编号 {entry.agreement_no} 已登记为“{target.name}”（{target.district}），"
                    f"而同名同区县的机构已另有登记"
                )
                continue
        elif len(same_place) > 1:
            refuse(f"已登记的机构中有 {len(same_place)} 家同名同区县")
            continue
        elif same_place:
            target = same_place[0]
        if target is not None and target.id in claimed:
            refuse(f"与第 {claimed[target.id]} 行对应同一家已登记的机构")
            continue
        if entry.agreement_no:
            seen_numbers[entry.agreement_no] = row.row
        seen_places[place_key] = row.row
        if target is None:
            continue
        claimed[target.id] = row.row
        row.institution_id = target.id
        changes = _changes(target, entry, library)
        row.status = RowStatus.UPDATE if changes else RowStatus.UNCHANGED
        row.reason = "；".join(changes)


def _parse_rows(source: SourceFile, library: Library, reporter: Reporter) -> list[PreviewRow]:
    lookup = type_lookup(library)
    parsed: list[PreviewRow] = []
    for number, cells in source.rows:
        if number % 200 == 0:
            check_cancel(reporter)
        row = _parse_row(number, cells, source.header, library, lookup)
        if row is not None:
            parsed.append(row)
    return parsed


def preview(path: str | Path, ws: Workspace, reporter: Reporter | None = None) -> Preview:
    """Read a registry file and say, row by row, what importing it would do. Changes nothing.
    Raises InvalidInput when the file as a whole cannot be used."""
    reporter = reporter or NullReporter()
    source = read_source(Path(path), reporter)
    rows = _parse_rows(source, ws.library, reporter)
    check_cancel(reporter)
    with ws.db.session() as session:
        _plan(rows, session.scalars(select(Institution)).all(), ws.library)
    return Preview(
        path=source.path,
        kind=source.kind,
        encoding=source.encoding,
        sheet=source.sheet,
        header_row=source.header.row,
        columns=dict(source.header.labels),
        ignored_columns=list(source.header.ignored),
        rows=rows,
    )


@dataclass
class ImportResult:
    rows: list[PreviewRow]  # as decided when written (the database may have changed since the
    # preview)

    @property
    def counts(self) -> dict[RowStatus, int]:
        found = Counter(row.status for row in self.rows)
        return {status: found.get(status, 0) for status in RowStatus}

    @property
    def refused(self) -> list[PreviewRow]:
        return [row for row in self.rows if row.status is RowStatus.REFUSED]

    def summary(self) -> str:
        counts = self.counts
        text = (
            f"已导入：新增 {counts[RowStatus.NEW]} 家，更新 {counts[RowStatus.UPDATE]} 家，"
            f"无变化 {counts[RowStatus.UNCHANGED]} 家"
        )
        if counts[RowStatus.REFUSED]:
            text += f"；拒绝 {counts[RowStatus.REFUSED]} 行（未导入）"
        return text


def apply(ws: Workspace, planned: Preview, reporter: Reporter | None = None) -> ImportResult:
    """Write the accepted rows of a preview in one transaction. The rows are matched again
    against the database as it is now; a cancel (through the reporter) or a failure leaves the
    database as it was."""
    reporter = reporter or NullReporter()
    rows = [
        PreviewRow(r.row, dict(r.cells), r.status, r.reason, r.entry, r.institution_id)
        for r in planned.rows
    ]
    with ws.change(None, "registry.import") as ch:
        session = ch.session
        ch.entity(kind="registry", id=planned.path.name)
        stored = {p.id: p for p in session.scalars(select(Institution)).all()}
        _plan(rows, stored.values(), ws.library)
        work = [r for r in rows if r.status in (RowStatus.NEW, RowStatus.UPDATE)]
        reporter.start(len(work), f"正在导入 {len(work)} 家机构…")
        for done, row in enumerate(work, start=1):
            check_cancel(reporter)
            _write(ws, session, row, stored)
            if done % 50 == 0 or done == len(work):
                reporter.advance(done, f"已处理 {done}/{len(work)}")
        check_cancel(reporter)
        ch.details.update(
            {status.value: sum(1 for r in rows if r.status is status) for status in RowStatus}
        )
    return ImportResult(rows)


def _write(
    ws: Workspace, session: Session, row: PreviewRow, stored: dict[str, Institution]
) -> None:
    entry = row.entry
    assert entry is not None
    if row.status is RowStatus.NEW:
        place = Institution(
            # Known now (no flush per row, the inserts go out in batches), and the same on
            # every laptop that imports the same registry.
            id=institution_id(entry.agreement_no, entry.name, entry.district),
            name=entry.name,
            type_code=entry.type_code,
            district=entry.district,
            agreement_no=entry.agreement_no,
            agreement_expiry=entry.agreement_expiry,
            level=entry.level,
        )
        session.add(place)
        row.institution_id = place.id
        return
    assert row.institution_id is not None
    place = stored[row.institution_id]
    place.name = entry.name
    place.type_code = entry.type_code
    place.district = entry.district
    if entry.agreement_no is not None:
        place.agreement_no = entry.agreement_no
    if entry.agreement_expiry is not None:
        place.agreement_expiry = entry.agreement_expiry
    if entry.level is not None:
        place.level = entry.level


# --- the agreement check (point 1) -------------------------------------------------------


class AgreementStatus(enum.StrEnum):
    OK = "ok"
    EXPIRING = "expiring"  # within EXPIRING_DAYS, the expiry day included
    EXPIRED = "expired"
    NO_EXPIRY = "no_expiry"  # an agreement number, but no expiry date on record
    NO_AGREEMENT = "no_agreement"
    NOT_IN_REGISTRY = "not_in_registry"


EXPIRING_DAYS = 30
AGREEMENT_STATUS_NAMES = {
    AgreementStatus.OK: "协议有效",
    AgreementStatus.EXPIRING: "协议即将到期",
    AgreementStatus.EXPIRED: "协议已过期",
    AgreementStatus.NO_EXPIRY: "未登记到期日",
    AgreementStatus.NO_AGREEMENT: "无协议记录",
    AgreementStatus.NOT_IN_REGISTRY: "不在名单中",
}
# Which items of point 1 a status is to be checked against on site.
AGREEMENT_ITEMS = {
    AgreementStatus.OK: (),
    AgreementStatus.EXPIRING: ("P1.2",),
    AgreementStatus.EXPIRED: ("P1.2",),
    AgreementStatus.NO_EXPIRY: ("P1.2",),
    AgreementStatus.NO_AGREEMENT: ("P1.1",),
    AgreementStatus.NOT_IN_REGISTRY: ("P1.1",),
}


class AgreementCheck(NamedTuple):
    status: AgreementStatus
    message: str  # Chinese, one line, names the checklist item

    @property
    def flagged(self) -> bool:
        """True when the visit must look at point 1 (anything but a valid agreement)."""
        return self.status is not AgreementStatus.OK

    @property
    def items(self) -> tuple[str, ...]:
        return AGREEMENT_ITEMS[self.status]

    @property
    def label(self) -> str:
        return AGREEMENT_STATUS_NAMES[self.status]


class HasAgreement(Protocol):
    @property
    def agreement_no(self) -> str | None: ...

    @property
    def agreement_expiry(self) -> date | None: ...


def agreement_status(
    institution: HasAgreement | None, on_date: date | None = None
) -> AgreementCheck:
    """The agreement of an institution (an ``Institution`` row or an ``InstitutionInfo``; None
    when it is not in the registry) on the day of the visit (default: today). The agreement is
    valid through its expiry day."""
    on_date = on_date or date.today()
    if institution is None:
        return AgreementCheck(
            AgreementStatus.NOT_IN_REGISTRY,
            "该机构不在定点机构名单中：现场核实是否签订医保定点服务协议（P1.1）",
        )
    number, expiry = institution.agreement_no, institution.agreement_expiry
    if not number and expiry is None:
        return AgreementCheck(
            AgreementStatus.NO_AGREEMENT,
            "名单中没有该机构的定点协议记录：现场核实是否签订医保定点服务协议（P1.1）",
        )
    if expiry is None:
        return AgreementCheck(
            AgreementStatus.NO_EXPIRY,
            f"协议 {number} 未登记到期日：现场核实协议是否在有效期内（P1.2）",
        )
    left = (expiry - on_date).days
    shown = f"协议 {number}" if number else "协议"
    if left < 0:
        return AgreementCheck(
            AgreementStatus.EXPIRED,
            f"{shown}已于 {expiry.isoformat()} 到期（已过 {-left} 天）："
            "核实到期后是否仍在医保结算（P1.2）",
        )
    if left <= EXPIRING_DAYS:
        when = "今天到期" if left == 0 else f"将于 {expiry.isoformat()} 到期（还有 {left} 天）"
        return AgreementCheck(AgreementStatus.EXPIRING, f"{shown}{when}：核实续签情况（P1.2）")
    return AgreementCheck(AgreementStatus.OK, f"{shown}有效期至 {expiry.isoformat()}")


# --- reading the registry ----------------------------------------------------------------


@dataclass(frozen=True)
class InstitutionInfo:
    """An institution as the UI and the command line show it (no session held)."""

    id: str
    name: str
    type_code: str
    type_name: str
    district: str
    agreement_no: str | None
    agreement_expiry: date | None
    level: str | None

    def agreement(self, on_date: date | None = None) -> AgreementCheck:
        return agreement_status(self, on_date)

    @property
    def agreement_message(self) -> str:
        """The agreement check for a visit today, in Chinese."""
        return self.agreement().message


def _info(place: Institution, library: Library) -> InstitutionInfo:
    kind = library.types.get(place.type_code)
    return InstitutionInfo(
        id=place.id,
        name=place.name,
        type_code=place.type_code,
        type_name=kind.name if kind else place.type_code,
        district=place.district,
        agreement_no=place.agreement_no,
        agreement_expiry=place.agreement_expiry,
        level=place.level,
    )


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_institutions(
    ws: Workspace, text: str = "", type_code: str | None = None, limit: int | None = None
) -> list[InstitutionInfo]:
    """Institutions whose name, agreement number or district contains each word of ``text``
    (spaces separate words), by name."""
    query = select(Institution)
    for word in text.split():
        pattern = _like(word)
        query = query.where(
            or_(
                Institution.name.like(pattern, escape="\\"),
                Institution.agreement_no.like(pattern, escape="\\"),
                Institution.district.like(pattern, escape="\\"),
            )
        )
    if type_code:
        query = query.where(Institution.type_code == type_code)
    query = query.order_by(Institution.name, Institution.district)
    if limit is not None:
        query = query.limit(limit)
    with ws.db.session() as session:
        return [_info(place, ws.library) for place in session.scalars(query)]


def get_institution(ws: Workspace, institution_id: str) -> InstitutionInfo:
    with ws.db.session() as session:
        place = session.get(Institution, institution_id)
        if place is None:
            raise NotFound("找不到该机构")
        return _info(place, ws.library)


def find_institution(ws: Workspace, text: str) -> InstitutionInfo:
    """One institution by its agreement number or its exact name. A name used in several
    districts is refused with the districts listed."""
    text = text.strip()
    if not text:
        raise InvalidInput("请填写机构名称或协议编号")
    with ws.db.session() as session:
        found = session.scalars(
            select(Institution).where(Institution.agreement_no == _fold(text).replace(" ", ""))
        ).all()
        if not found:
            found = session.scalars(select(Institution).where(Institution.name == text)).all()
        if not found:
            raise NotFound(f"机构名单中没有“{text}”（可用 institution list --search 查找）")
        if len(found) > 1:
            listed = "、".join(f"{p.district}（协议 {p.agreement_no or '无'}）" for p in found)
            raise InvalidInput(f"“{text}”对应多家机构：{listed}。请用协议编号指定")
        return _info(found[0], ws.library)


def check_agreement(
    ws: Workspace, name: str, district: str, on_date: date | None = None
) -> AgreementCheck:
    """The agreement check for an institution typed by name and district (not picked from the
    registry): not in the registry when no institution of that name and district is stored."""
    with ws.db.session() as session:
        place = session.scalar(
            select(Institution).where(
                Institution.name == name.strip(), Institution.district == district.strip()
            )
        )
        return agreement_status(place, on_date)
