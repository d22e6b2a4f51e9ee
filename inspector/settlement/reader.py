"""Reading a settlement detail file (费用明细: one row per charged item; .xlsx, or CSV in UTF-8
with or without BOM, GBK/GB18030 or UTF-16) row by row, in constant memory.

The header is found as every table of a bureau's is (inspector/tables.py: Chinese or English
names, full-width forms folded, a title above it); a CSV file is checked line by line to be in
one encoding (:func:`inspector.tables.checked_lines`), so a file whose parts were written in
different encodings is refused at the line where the second part begins. Cells are read with
the claims reader's parsers (dates, yuan to fen). Each data row becomes a tuple of
:data:`inspector.settlement.schema.COLUMN_NAMES` in text form (ISO dates, integers in fen, ``None``
for blank) or is refused with its number and every reason."""

from __future__ import annotations

import csv
import itertools
import math
import re
import warnings
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from inspector.claims.reader import RowError, parse_date, parse_money
from inspector.errors import InvalidInput, NotFound
from inspector.settlement.schema import COLUMN_NAMES, DETAIL_COLUMNS
from inspector.tables import (
    ENCODING_NAMES,
    HEADER_SCAN_ROWS,
    Header,
    TableSpec,
    cell_text,
    checked_lines,
    find_header,
    fold,
    sniff_encoding,
)

FIELD_NAMES = {c.name: c.label for c in DETAIL_COLUMNS if c.name != "row_no"}
ALIASES: dict[str, tuple[str, ...]] = {
    "settlement_no": ("结算单号", "就诊ID", "就诊流水号", "结算ID", "结算流水号", "结算编号",
                      "就诊编号", "单据号", "settlement_no"),
    "person_id": ("人员编号", "身份证号", "证件号码", "参保人编号", "个人编号", "社会保障号",
                  "社会保障号码", "身份证号码", "person_id"),
    "gender": ("性别", "gender", "sex"),
    "birth_date": ("出生日期", "birth_date"),
    "age": ("年龄", "age"),
    "medical_type": ("医疗类别", "就诊类型", "就医类型", "medical_type"),
    "admitted_on": ("入院日期", "入院时间", "admitted_on"),
    "discharged_on": ("出院日期", "出院时间", "discharged_on"),
    "died_on": ("死亡日期", "死亡时间", "died_on"),
    "charged_at": ("费用发生时间", "费用发生日期", "收费时间", "收费日期", "明细发生时间",
                   "charged_at"),
    "item_code": ("医保目录编码", "项目编码", "医保项目编码", "医保编码", "目录编码",
                  "国家编码", "医保目录代码", "item_code"),
    "item_name": ("项目名称", "医保项目名称", "医保目录名称", "目录名称", "药品名称", "item_name"),
    "quantity": ("数量", "quantity"),
    "unit_price_fen": ("单价", "unit_price"),
    "amount_fen": ("金额", "明细金额", "费用金额", "明细项目费用总额", "amount"),
    "department": ("开单科室", "开单科室名称", "科室", "department"),
    "doctor": ("开单医师", "开单医生", "开单医师姓名", "医师", "doctor"),
    "trace_code": ("追溯码", "药品追溯码", "商品追溯码", "trace_code"),
}  # fmt: skip
REQUIRED = tuple(c.name for c in DETAIL_COLUMNS if c.required and c.name != "row_no")
SPEC = TableSpec(
    field_names=FIELD_NAMES,
    aliases=ALIASES,
    required=REQUIRED,
    max_rows=0,  # not used: the file is streamed (the store has no row cap)
    too_many="",
)
# Longest text kept per column: a longer cell is refused (a hostile or broken export), never cut.
MAX_LENGTH = {"settlement_no": 100, "person_id": 64, "medical_type": 50, "item_code": 100,
              "item_name": 300, "department": 100, "doctor": 100, "trace_code": 200}  # fmt: skip
MAX_CELL = 1000  # any cell, used or not, longer than this refuses its row
MAX_QUANTITY = 1e9
MAX_AGE = 150
GENDERS = {"男": "男", "女": "女", "1": "男", "2": "女", "m": "男", "f": "女", "male": "男",
           "female": "女", "男性": "男", "女性": "女", "0": None, "9": None, "未知": None,
           "未说明": None, "未知的性别": None, "未说明的性别": None}  # fmt: skip

Row = tuple[str | None, ...]  # COLUMN_NAMES, as text (None: blank)


@dataclass
class DetailSource:
    """An opened detail file: its form, the header found and its data rows, streamed."""

    path: Path
    kind: str  # "csv" | "xlsx"
    encoding: str | None
    sheet: str | None
    header: Header
    rows: Iterator[tuple[int, Sequence[Any]]]
    close: Callable[[], None]

    @property
    def encoding_name(self) -> str:
        if self.encoding is None:
            return "xlsx"
        return ENCODING_NAMES.get(self.encoding, self.encoding)


def _missing(path: Path, header: Header | None, sheet: str | None) -> InvalidInput:
    found = header.columns if header else {}
    missing = [f for f in REQUIRED if f not in found]
    wanted = "；".join(f"{FIELD_NAMES[f]}（可写作 {'/'.join(ALIASES[f][:3])}）" for f in missing)
    where = f"（工作表“{sheet}”）" if sheet else ""
    if header is None:
        return InvalidInput(
            "{name}{where} 的前 {rows} 行中找不到费用明细的表头，需要这些列：{wanted}",
            name=path.name,
            where=where,
            rows=HEADER_SCAN_ROWS,
            wanted=wanted,
        )
    return InvalidInput(
        "{name}{where} 第 {row} 行的表头缺少费用明细必需的列：{wanted}",
        name=path.name,
        where=where,
        row=header.row,
        wanted=wanted,
    )


def _check_header(path: Path, header: Header | None, sheet: str | None) -> Header:
    if header is None or any(f not in header.columns for f in REQUIRED):
        raise _missing(path, header, sheet)
    if "birth_date" not in header.columns and "age" not in header.columns:
        raise InvalidInput(
            "{name} 第 {row} 行的表头缺少出生日期或年龄（限年龄、限儿童的规则需要其一）",
            name=path.name,
            row=header.row,
        )
    return header


def open_detail_file(path: Path) -> DetailSource:
    """Open a detail file and find its header. Raises InvalidInput for a file that cannot be
    used at all (format, encoding, no header, a required column missing)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise InvalidInput(
            "{name} 是旧版 Excel (.xls) 文件，请在 Excel 中另存为 .xlsx 或 CSV 后再导入",
            name=path.name,
        )
    if suffix not in (".csv", ".txt", ".xlsx", ".xlsm"):
        raise InvalidInput("{name}：只能导入 Excel (.xlsx) 或 CSV 文件", name=path.name)
    if not path.is_file():
        raise NotFound("找不到文件：{path}", path=str(path))
    if path.stat().st_size == 0:
        raise InvalidInput("{name} 是空文件", name=path.name)
    if suffix in (".csv", ".txt"):
        return _open_csv(path)
    return _open_xlsx(path)


def _csv_records(lines: Iterator[str], delimiter: str, path: Path) -> Iterator[tuple[int, Any]]:
    number = 0
    try:
        for number, cells in enumerate(csv.reader(lines, delimiter=delimiter), start=1):
            yield number, cells
    except csv.Error as error:
        # csv counts physical lines; the record that failed is the next one
        raise InvalidInput(
            "{name} 第 {row} 行不是有效的 CSV（{error}）：单元格过大或引号不成对",
            name=path.name,
            row=number + 1,
            error=str(error),
        ) from error


def _open_csv(path: Path) -> DetailSource:
    encoding = sniff_encoding(path)
    best: tuple[int, str, Header | None] | None = None
    for delimiter in (",", "\t", ";"):
        lines = checked_lines(path, encoding)
        try:
            head = list(itertools.islice(_csv_records(lines, delimiter, path), HEADER_SCAN_ROWS))
        finally:
            lines.close()
        header = find_header(head, SPEC)
        score = len(header.columns) if header else 0
        if best is None or score > best[0]:
            best = (score, delimiter, header)
    assert best is not None
    _, delimiter, found = best
    header = _check_header(path, found, None)
    lines = checked_lines(path, encoding)
    records = _csv_records(lines, delimiter, path)
    rows = ((n, cells) for n, cells in records if n > header.row)
    return DetailSource(path, "csv", encoding, None, header, rows, lines.close)


def _open_xlsx(path: Path) -> DetailSource:
    import openpyxl  # only an Excel import needs it

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            # Formulas are read as written (data_only=False): a cached result may be stale or
            # absent, so a formula cell is refused with its row rather than read as a number.
            book = openpyxl.load_workbook(path, read_only=True, data_only=False)
        except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
            raise InvalidInput(
                "{name} 不是有效的 Excel (.xlsx) 文件：{error}", name=path.name, error=str(error)
            ) from error
    try:
        sheets = [s for s in book.worksheets if hasattr(s, "iter_rows")]
        if book.active in sheets:  # the sheet shown when the file was saved is looked at first
            sheets.remove(book.active)
            sheets.insert(0, book.active)
        first_error: InvalidInput | None = None
        for sheet in sheets:
            sheet.reset_dimensions()  # some writers record a wrong used range
            numbered = enumerate(sheet.iter_rows(values_only=True), start=1)
            head = list(itertools.islice(numbered, HEADER_SCAN_ROWS))
            try:
                header = _check_header(path, find_header(head, SPEC), sheet.title)
            except InvalidInput as error:
                first_error = first_error or error
                continue
            rows = _xlsx_rows(path, [r for r in head if r[0] > header.row], numbered)
            return DetailSource(path, "xlsx", None, sheet.title, header, rows, book.close)
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        book.close()
        raise InvalidInput(
            "{name} 不是有效的 Excel (.xlsx) 文件：{error}", name=path.name, error=str(error)
        ) from error
    except BaseException:
        book.close()
        raise
    book.close()
    raise first_error or InvalidInput("{name} 中没有工作表", name=path.name)


def _xlsx_rows(
    path: Path, first: list[tuple[int, Any]], rest: Iterator[tuple[int, Any]]
) -> Iterator[tuple[int, Any]]:
    yield from first
    try:
        yield from rest
    except (zipfile.BadZipFile, KeyError, ValueError) as error:  # a damaged sheet part
        raise InvalidInput(
            "{name} 不是有效的 Excel (.xlsx) 文件：{error}", name=path.name, error=str(error)
        ) from error


# --- cells ---------------------------------------------------------------------------------

_TIME_RE = re.compile(
    r"^(\d{4})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?)"
    r"(?:\s*[T ]?\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$",
    re.ASCII,
)
EXCEL_EPOCH = datetime(1899, 12, 30)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def parse_timestamp(value: Any, what: str) -> str | None:
    """A date or a date and time, as ``YYYY-MM-DD HH:MM:SS``; None when blank."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.replace(microsecond=0).isoformat(sep=" ")
    if isinstance(value, date):
        return f"{value.isoformat()} 00:00:00"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 18264 <= value <= 73050:  # an Excel serial date (1950-2099) with its time
            moment = EXCEL_EPOCH + timedelta(days=float(value))
            return moment.replace(microsecond=0).isoformat(sep=" ")
        raise RowError(f"{what}“{value}”不是日期时间")
    text = fold(str(value))
    if not text:
        return None
    match = _TIME_RE.match(text)
    try:
        if match:
            g = match.groups()
            year, month, day = (int(x) for x in (g[0], g[1] or g[3], g[2] or g[4]))
            hour, minute, second = int(g[5] or 0), int(g[6] or 0), int(g[7] or 0)
            return datetime(year, month, day, hour, minute, second).isoformat(sep=" ")
        if re.fullmatch(r"[0-9]{8}", text):
            return f"{date(int(text[:4]), int(text[4:6]), int(text[6:])).isoformat()} 00:00:00"
        if re.fullmatch(r"[0-9]{14}", text):
            return datetime.strptime(text, "%Y%m%d%H%M%S").isoformat(sep=" ")
    except ValueError as error:
        raise RowError(f"{what}“{text}”不是有效的日期时间") from error
    raise RowError(f"{what}“{text}”不是可识别的日期时间")


def parse_quantity(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise RowError(f"数量“{value}”不是数字")
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = fold(str(value)).replace(",", "")
        if not text:
            return None
        try:
            number = float(text)
        except ValueError:
            raise RowError(f"数量“{text[:40]}”不是数字") from None
    if not math.isfinite(number) or abs(number) > MAX_QUANTITY:
        raise RowError(f"数量“{value}”不是有效的数字")
    if number < 0:
        raise RowError(f"数量“{value}”为负数（冲销行请在导出时去掉）")
    return repr(number) if not number.is_integer() else str(int(number))


def parse_gender(value: Any) -> str | None:
    text = fold(cell_text(value)).lower()
    if not text:
        return None
    if text not in GENDERS:
        raise RowError(f"性别“{text[:20]}”无法识别（应为男或女）")
    return GENDERS[text]


def parse_age(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise RowError(f"年龄“{value}”不是整数")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = fold(str(value)).removesuffix("岁")
    if not text:
        return None
    if not text.isascii() or not text.isdigit() or int(text) > MAX_AGE:
        raise RowError(f"年龄“{str(value)[:20]}”不是 0 到 {MAX_AGE} 之间的整数")
    return int(text)


def _age_at(birth: date, when: date) -> int:
    return when.year - birth.year - ((when.month, when.day) < (birth.month, birth.day))


def row_reader(header: Header) -> Callable[[int, Sequence[Any]], Row | None]:
    """A function reading one data row to its :data:`Row` (None for a blank row), or raising
    RowError with every reason the row is refused, joined."""
    cols = header.columns
    text_fields = [f for f in MAX_LENGTH if f in cols]
    dates: dict[Any, date | None] = {}
    stamps: dict[Any, str | None] = {}

    def day(value: Any, fld: str) -> date | None:
        key = value if isinstance(value, str) else None
        if key is not None and key in dates:
            return dates[key]
        found = parse_date(value, FIELD_NAMES[fld])
        if key is not None:
            if len(dates) > 100_000:
                dates.clear()
            dates[key] = found
        return found

    def stamp(value: Any) -> str | None:
        key = value if isinstance(value, str) else None
        if key is not None and key in stamps:
            return stamps[key]
        found = parse_timestamp(value, FIELD_NAMES["charged_at"])
        if key is not None:
            if len(stamps) > 100_000:
                stamps.clear()
            stamps[key] = found
        return found

    def read(number: int, cells: Sequence[Any]) -> Row | None:
        if not any(c is not None and (not isinstance(c, str) or c.strip()) for c in cells):
            return None  # a blank row
        reasons: list[str] = []
        try:
            joined = "".join(cells)  # a CSV row: all text
        except TypeError:
            joined = "".join(c for c in cells if isinstance(c, str))
        if _CONTROL.search(joined):
            # The store separates fields and records with such characters (store.py).
            raise RowError("有单元格含不可见的控制字符")
        for cell in cells:
            if isinstance(cell, str):
                if len(cell) > MAX_CELL:
                    reasons.append(f"有单元格过长（{len(cell):,} 个字符）")
                    break
                if cell[:1] == "=" and len(cell) > 1:
                    reasons.append(f"有单元格是公式（{cell[:30]}），请粘贴为数值后再导入")
                    break
        if reasons:
            raise RowError("；".join(reasons))

        def get(fld: str) -> Any:
            i = cols.get(fld)
            if i is None or i >= len(cells):
                return None
            value = cells[i]
            return None if isinstance(value, str) and not value.strip() else value

        out: dict[str, Any] = {}
        for fld in text_fields:
            value = get(fld)
            if isinstance(value, (datetime, date, bool)):
                reasons.append(f"{FIELD_NAMES[fld]}“{value}”不是文字或编码")
                out[fld] = str(value)  # named once: not also as blank
                continue
            text = fold(cell_text(value)) if value is not None else ""
            if len(text) > MAX_LENGTH[fld]:
                reasons.append(f"{FIELD_NAMES[fld]}过长（{len(text)} 个字符）")
            out[fld] = text or None
        for fld in REQUIRED:
            if fld in text_fields and not out.get(fld):
                reasons.append(f"{FIELD_NAMES[fld]}为空")
        for fld in ("gender",):
            try:
                out[fld] = parse_gender(get(fld))
            except RowError as error:
                reasons.append(str(error))
        for fld in ("birth_date", "admitted_on", "discharged_on", "died_on"):
            try:
                out[fld] = day(get(fld), fld)
            except RowError as error:
                reasons.append(str(error))
        try:
            out["charged_at"] = stamp(get("charged_at"))
            if out["charged_at"] is None:
                reasons.append("费用发生时间为空")
        except RowError as error:
            reasons.append(str(error))
        try:
            out["age"] = parse_age(get("age"))
        except RowError as error:
            reasons.append(str(error))
        try:
            out["quantity"] = parse_quantity(get("quantity"))
            if out["quantity"] is None:
                reasons.append("数量为空")
        except RowError as error:
            reasons.append(str(error))
        for fld, what in (("unit_price_fen", "单价"), ("amount_fen", "金额")):
            value = get(fld)
            if isinstance(value, (datetime, date)):
                reasons.append(f"{what}“{value}”不是金额")
                continue
            try:
                fen = parse_money(value, what)
            except RowError as error:
                reasons.append(str(error))
                continue
            out[fld] = None if fen is None else str(fen)
        if "amount_fen" in out and out["amount_fen"] is None:
            reasons.append("金额为空")
        admitted, discharged = out.get("admitted_on"), out.get("discharged_on")
        if admitted and discharged and discharged < admitted:
            reasons.append("出院日期早于入院日期")
        if reasons:
            raise RowError("；".join(reasons))
        birth = out.get("birth_date")
        if out.get("age") is None and birth is not None:
            out["age"] = _age_at(birth, date.fromisoformat(out["charged_at"][:10]))
        for fld in ("birth_date", "admitted_on", "discharged_on", "died_on"):
            if out.get(fld) is not None:
                out[fld] = out[fld].isoformat()
        if out.get("age") is not None:
            out["age"] = str(out["age"])
        out["row_no"] = str(number)
        return tuple(out.get(name) for name in COLUMN_NAMES)

    return read
