"""Reading a settlement export (结算数据: Excel or CSV, UTF-8 or GBK) row by row, in constant
memory: the header found as in the registry import (Chinese names, full-width forms, a title
above it), each data row parsed to a :class:`Bill` or refused with its row number and reason.
"""

from __future__ import annotations

import csv
import itertools
import re
import unicodedata
import warnings
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from operator import itemgetter
from pathlib import Path
from typing import Any

from inspector.errors import InvalidInput, NotFound
from inspector.tables import checked_lines, sniff_encoding

FIELDS = (
    "bill_no", "patient_name", "patient_id", "institution", "kind", "admitted", "discharged",
    "visit_date", "settled", "total", "fund", "items",
)  # fmt: skip
FIELD_NAMES = {
    "bill_no": "结算单号",
    "patient_name": "姓名",
    "patient_id": "参保人编号",
    "institution": "机构名称",
    "kind": "就诊类型",
    "admitted": "入院日期",
    "discharged": "出院日期",
    "visit_date": "就诊日期",
    "settled": "结算日期",
    "total": "总费用",
    "fund": "基金支付",
    "items": "项目",
}
HEADER_ALIASES = {
    "bill_no": ("结算单号", "结算编号", "结算流水号", "单据号", "票据号", "就诊流水号", "流水号",
                "结算id", "bill_no", "bill"),
    "patient_name": ("姓名", "患者姓名", "参保人姓名", "参保人", "患者", "patient", "patient_name"),
    "patient_id": ("参保人编号", "个人编号", "个人电脑号", "身份证号", "证件号码", "社会保障号",
                   "社会保障号码", "patient_id"),
    "institution": ("机构名称", "定点机构", "定点机构名称", "医疗机构", "医疗机构名称",
                    "定点医药机构名称", "就诊机构", "institution"),
    "kind": ("就诊类型", "医疗类别", "就医类型", "类别", "住院/门诊", "门诊/住院", "kind"),
    "admitted": ("入院日期", "入院时间", "admitted", "admission_date"),
    "discharged": ("出院日期", "出院时间", "discharged", "discharge_date"),
    "visit_date": ("就诊日期", "就诊时间", "门诊日期", "购药日期", "visit_date"),
    "settled": ("结算日期", "结算时间", "settled", "settlement_date"),
    "total": ("总费用", "医疗总费用", "费用总额", "总金额", "医疗费总额", "total"),
    "fund": ("基金支付", "统筹支付", "统筹基金支付", "医保基金支付", "基金支付金额", "fund_paid",
             "fund"),
    "items": ("项目", "明细", "费用明细", "诊疗项目", "项目明细", "items"),
}  # fmt: skip
HEADER_SCAN_ROWS = 20
MAX_LENGTH = {"bill_no": 100, "patient_name": 100, "patient_id": 64, "institution": 200}
MAX_FEN = 10**13

INPATIENT = "inpatient"
OUTPATIENT = "outpatient"
KIND_NAMES = {INPATIENT: "住院", OUTPATIENT: "门诊"}


class RowError(ValueError):
    """A cell that cannot be read; the message is the row's reason (Chinese)."""


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def _header_key(text: str) -> str:
    key = re.sub(r"[\s_\-*]+", "", _fold(text).lower())
    key = re.sub(r"\((?:必填|选填|可选|元|required|optional)\)$", "", key)
    return key


_INDEX = {_header_key(a): fld for fld, aliases in HEADER_ALIASES.items() for a in aliases}


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace("\u3000", " ").strip()


@dataclass(frozen=True)
class Header:
    row: int
    columns: dict[str, int]
    ignored: list[str]


def find_header(rows: Sequence[tuple[int, Sequence[Any]]]) -> Header | None:
    best: tuple[int, int, Sequence[Any]] | None = None
    for number, cells in rows:
        found = {_INDEX.get(_header_key(cell_text(c))) for c in cells if cell_text(c)} - {None}
        if found and (best is None or len(found) > best[0]):
            best = (len(found), number, cells)
    if best is None:
        return None
    _, number, cells = best
    columns: dict[str, int] = {}
    ignored: list[str] = []
    for index, cell in enumerate(cells):
        text = cell_text(cell)
        fld = _INDEX.get(_header_key(text)) if text else None
        if fld is None:
            if text:
                ignored.append(text)
            continue
        if fld in columns:
            raise InvalidInput(
                "第 {number} 行的表头中有两列都表示{field}，请删去或改名其中一列",
                number=number,
                field=FIELD_NAMES[fld],
            )
        columns[fld] = index
    return Header(number, columns, ignored)


def missing_columns(header: Header | None) -> list[str]:
    """The required columns the header lacks (as Chinese names)."""
    found = header.columns if header else {}
    missing = [FIELD_NAMES[f] for f in ("bill_no", "kind", "total") if f not in found]
    if "patient_id" not in found and "patient_name" not in found:
        missing.append("参保人编号或姓名")
    if not any(f in found for f in ("admitted", "discharged", "visit_date", "settled")):
        missing.append("日期（入院/出院/就诊/结算日期）")
    return missing


# --- cells -------------------------------------------------------------------------------

EXCEL_EPOCH = date(1899, 12, 30)
_DATE_RE = re.compile(
    r"^(\d{4})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?)"
    r"(?:\s*[T ]?\s*\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$",
    re.ASCII,
)


def parse_date(value: Any, what: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 18264 <= value <= 73050:
            return EXCEL_EPOCH + timedelta(days=int(value))
        raise RowError(f"{what}“{value}”不是日期")
    text = str(value).strip()
    if not text:
        return None
    if len(text) == 10 and text[4] == "-":
        try:
            return date.fromisoformat(text)  # the common case, fast
        except ValueError:
            pass
    text = _fold(text)
    match = _DATE_RE.match(text)
    try:
        if match:
            year, month, day = (int(g) for g in match.groups() if g is not None)
            return date(year, month, day)
        if re.fullmatch(r"[0-9]{8}", text):
            return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError as error:
        raise RowError(f"{what}“{text}”不是有效的日期") from error
    raise RowError(f"{what}“{text}”不是可识别的日期")


_MONEY_RE = re.compile(r"([0-9]+)(?:\.([0-9]{1,2})0*)?")


def parse_money(value: Any, what: str) -> int | None:
    """Yuan to fen, exactly. Blank is None; negative or more than two decimals is refused."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise RowError(f"{what}“{value}”不是金额")
    if isinstance(value, int):
        text = str(value)
    elif isinstance(value, float):
        text = repr(value) if "e" not in repr(value) else format(value, "f")
    else:
        text = re.sub(r"[,，\s¥￥元]", "", str(value))
    if not text:
        return None
    match = _MONEY_RE.fullmatch(text)
    if match is None:
        if text.startswith("-"):
            raise RowError(f"{what}“{text}”为负数（冲销行请在导出时去掉）")
        raise RowError(f"{what}“{text}”不是金额（最多两位小数）")
    fen = int(match.group(1)) * 100 + int((match.group(2) or "0").ljust(2, "0"))
    if fen >= MAX_FEN:
        raise RowError(f"{what}“{text}”过大")
    return fen


def parse_kind(value: Any) -> str:
    text = _fold(cell_text(value))
    if not text:
        raise RowError("就诊类型为空")
    if "住院" in text or text.lower() == "inpatient":
        return INPATIENT
    if "门" in text or "急诊" in text or "购药" in text or text.lower() == "outpatient":
        return OUTPATIENT
    raise RowError(f"就诊类型“{text}”无法识别（应为住院或门诊）")


@dataclass(frozen=True, slots=True)
class Bill:
    row: int
    bill_no: str
    patient_name: str
    patient_id: str  # the key of a patient: the id when given, else the name
    institution: str
    kind: str
    bill_date: date  # inpatient: discharge (else admission, settlement); outpatient: visit
    admitted: date | None
    discharged: date | None
    total_fen: int
    fund_fen: int | None
    items: str


def parse_row(number: int, cells: Sequence[Any], header: Header) -> Bill:
    """One data row to a bill. Raises RowError with every reason, joined."""
    cols = header.columns
    get = lambda fld: cells[cols[fld]] if fld in cols and cols[fld] < len(cells) else None  # noqa: E731
    reasons: list[str] = []
    bill_no = _fold(cell_text(get("bill_no")))
    if not bill_no:
        reasons.append("结算单号为空")
    name = cell_text(get("patient_name"))
    pid = _fold(cell_text(get("patient_id")))
    if not name and not pid:
        reasons.append("参保人编号和姓名都为空")
    for fld, text in (("bill_no", bill_no), ("patient_name", name), ("patient_id", pid)):
        if len(text) > MAX_LENGTH[fld]:
            reasons.append(f"{FIELD_NAMES[fld]}过长")
    institution = cell_text(get("institution"))[: MAX_LENGTH["institution"]]
    kind = ""
    try:
        kind = parse_kind(get("kind"))
    except RowError as error:
        reasons.append(str(error))
    dates: dict[str, date | None] = {}
    for fld in ("admitted", "discharged", "visit_date", "settled"):
        try:
            dates[fld] = parse_date(get(fld), FIELD_NAMES[fld])
        except RowError as error:
            reasons.append(str(error))
            dates[fld] = None
    total = fund = None
    try:
        total = parse_money(get("total"), "总费用")
        if total is None:
            reasons.append("总费用为空")
    except RowError as error:
        reasons.append(str(error))
    try:
        fund = parse_money(get("fund"), "基金支付")
    except RowError as error:
        reasons.append(str(error))
    if total is not None and fund is not None and fund > total:
        reasons.append("基金支付大于总费用")
    if kind == INPATIENT:
        when = dates["discharged"] or dates["admitted"] or dates["settled"] or dates["visit_date"]
        if dates["admitted"] and dates["discharged"] and dates["discharged"] < dates["admitted"]:
            reasons.append("出院日期早于入院日期")
    else:
        when = dates["visit_date"] or dates["settled"] or dates["discharged"] or dates["admitted"]
    if when is None and not reasons:
        reasons.append("没有日期")
    if reasons:
        raise RowError("；".join(reasons))
    assert when is not None and total is not None
    return Bill(
        number, bill_no, name, pid or name, institution, kind, when, dates["admitted"],
        dates["discharged"], total, fund, cell_text(get("items")),
    )  # fmt: skip


# --- files -------------------------------------------------------------------------------


@dataclass
class Source:
    path: Path
    kind: str  # csv | xlsx
    encoding: str | None
    header: Header
    # Data rows, streamed: cells, or for a CSV line without quotes the line itself (read by
    # :func:`line_parser`, the fast path).
    rows: Iterator[tuple[int, Sequence[Any] | str]]
    close: Any
    delimiter: str = ","


def _csv_rows(lines: Iterator[str], delimiter: str) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(lines, delimiter=delimiter)
    number = 0
    try:
        for number, cells in enumerate(reader, start=1):
            yield number, cells
    except csv.Error as error:
        raise InvalidInput(
            "第 {number} 行不是有效的 CSV：{error}", number=number + 1, error=error
        ) from error


def open_source(path: Path) -> Source:
    """Open a settlement export and find its header. Raises InvalidInput for a file that
    cannot be used at all (format, encoding, no header, a required column missing)."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".txt", ".xlsx", ".xlsm"):
        raise InvalidInput("{file}：只能导入 Excel (.xlsx) 或 CSV 文件", file=path.name)
    if not path.is_file():
        raise NotFound("找不到文件：{path}", path=path)
    if path.stat().st_size == 0:
        raise InvalidInput("{file} 是空文件", file=path.name)
    if suffix in (".csv", ".txt"):
        encoding = sniff_encoding(path)
        with path.open(encoding=encoding, errors="replace", newline="") as probe:
            sample = probe.read(1 << 16)
        counts = {d: sample.count(d) for d in (",", "\t", ";")}
        delimiter = max(counts, key=lambda d: counts[d])
        # every line checked to be in the file's encoding (mixed files refused at the line)
        checked = checked_lines(path, encoding)
        try:
            rows = _csv_rows(checked, delimiter)
            head = []
            for item in rows:
                head.append(item)
                if item[0] >= HEADER_SCAN_ROWS:
                    break
            header = find_header(head)
            _require(path, header)
        except BaseException:
            checked.close()
            raise
        assert header is not None
        first = [r for r in head if r[0] > header.row]
        after = head[-1][0] + 1 if head else 1
        lines = _lines(checked, delimiter, after)
        return Source(path, "csv", encoding, header, _chain(first, lines), checked.close, delimiter)
    return _open_xlsx(path)


def _lines(lines: Iterator[str], delimiter: str, number: int) -> Iterator[tuple[int, Any]]:
    """The records after the header region: a line as it is when it has no quote (one line,
    one record), else the record the csv module reads from it and the lines it spans."""
    try:
        for line in lines:
            if '"' in line:
                cells = next(csv.reader(itertools.chain([line], lines), delimiter=delimiter))
                yield number, cells
            else:
                yield number, line
            number += 1
    except csv.Error as error:
        raise InvalidInput(
            "第 {number} 行不是有效的 CSV：{error}", number=number, error=error
        ) from error


def _chain(first: list[Any], rest: Iterator[Any]) -> Iterator[Any]:
    yield from first
    yield from rest


def _require(path: Path, header: Header | None) -> None:
    missing = missing_columns(header)
    if header is None:
        raise InvalidInput(
            "{file} 的前 {rows} 行中找不到结算数据的表头", file=path.name, rows=HEADER_SCAN_ROWS
        )
    if missing:
        raise InvalidInput(
            "{file} 第 {row} 行的表头缺少：{missing}",
            file=path.name,
            row=header.row,
            missing="、".join(missing),
        )


def _open_xlsx(path: Path) -> Source:
    import openpyxl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
            raise InvalidInput(
                "{file} 不是有效的 Excel (.xlsx) 文件：{error}", file=path.name, error=error
            ) from error
    sheet = book.active if book.active is not None else book.worksheets[0]
    sheet.reset_dimensions()
    numbered = enumerate(sheet.iter_rows(values_only=True), start=1)
    head = []
    for number, cells in numbered:
        head.append((number, cells))
        if number >= HEADER_SCAN_ROWS:
            break
    try:
        header = find_header(head)
        _require(path, header)
    except BaseException:
        book.close()
        raise
    assert header is not None
    first = [r for r in head if r[0] > header.row]
    return Source(path, "xlsx", None, header, _chain(first, numbered), book.close)


# --- the fast path -----------------------------------------------------------------------

Row = tuple[Any, ...]  # (row, bill_no, name, patient key, institution, kind, bill date (ISO),
# admitted (ISO or None), discharged (ISO or None), total fen, fund fen, items)


def bill_tuple(bill: Bill) -> Row:
    return (
        bill.row, bill.bill_no, bill.patient_name, bill.patient_id, bill.institution, bill.kind,
        bill.bill_date.isoformat(), bill.admitted.isoformat() if bill.admitted else None,
        bill.discharged.isoformat() if bill.discharged else None, bill.total_fen, bill.fund_fen,
        bill.items,
    )  # fmt: skip


def row_parser(header: Header) -> Any:
    """A parser for one data row: the plain case (text cells as a CSV gives them, ISO dates,
    amounts like 1234.50) is read with memoised dates and kinds; anything else goes through
    :func:`parse_row`, which also gives every reason a row is refused. Both give the same
    tuple for the same row (tested)."""
    present = [(fld, header.columns[fld]) for fld in FIELDS if fld in header.columns]
    pick = itemgetter(*[i for _fld, i in present])
    missing = len(present)  # the slot of the "" appended for a column the file lacks
    slot = {fld: n for n, (fld, _i) in enumerate(present)}
    slots = [slot.get(fld, missing) for fld in FIELDS]
    s_no, s_name, s_pid, s_inst, s_kind, s_adm, s_dis, s_visit = slots[:8]
    s_settled, s_total, s_fund, s_items = slots[8:]
    kinds: dict[str, str] = {}
    dates: dict[str, str] = {}

    def iso(text: str) -> str | None:
        if not text:
            return None
        found = dates.get(text)
        if found is None:
            if len(text) != 10 or text[4] != "-" or text[7] != "-":
                raise RowError(text)
            found = date.fromisoformat(text).isoformat()  # raises ValueError when not a date
            if len(dates) > 100_000:
                dates.clear()
            dates[text] = found
        return found

    def fen(text: str) -> int | None:
        if not text:
            return None
        if len(text) > 3 and text[-3] == ".":
            digits = text[:-3] + text[-2:]
        elif "." not in text:
            digits = text + "00"
        elif len(text) > 2 and text[-2] == ".":
            digits = text[:-2] + text[-1] + "0"
        else:
            raise RowError(text)
        if len(digits) > 13 or not digits.isascii() or not digits.isdigit():
            raise RowError(text)
        return int(digits)

    def parse(number: int, cells: Sequence[Any]) -> Row | None:
        """The row's tuple; None for a blank row."""
        try:
            raw = pick(cells)
            joined = "".join(raw)  # TypeError when a cell is not text
            if "\u3000" in joined:
                raise RowError("slow")
            if not joined.strip() and not "".join(cells).strip():
                return None
            v = [c.strip() for c in raw]
            v.append("")
            bill_no, name, pid = v[s_no], v[s_name], v[s_pid]
            if not bill_no or not (name or pid) or not bill_no.isascii() or not pid.isascii():
                raise RowError("slow")
            if len(bill_no) > 100 or len(name) > 100 or len(pid) > 64:
                raise RowError("slow")
            kind_text = v[s_kind]
            kind = kinds.get(kind_text)
            if kind is None:
                kind = parse_kind(kind_text)
                kinds[kind_text] = kind
            admitted = iso(v[s_adm])
            discharged = iso(v[s_dis])
            visit = iso(v[s_visit])
            settled = iso(v[s_settled])
            total = fen(v[s_total])
            fund = fen(v[s_fund])
            if total is None or (fund is not None and fund > total):
                raise RowError("slow")
            if kind == INPATIENT:
                when = discharged or admitted or settled or visit
                if admitted and discharged and discharged < admitted:
                    raise RowError("slow")
            else:
                when = visit or settled or discharged or admitted
            if when is None:
                raise RowError("slow")
            return (
                number, bill_no, name, pid or name, v[s_inst][:200], kind, when, admitted,
                discharged, total, fund, v[s_items],
            )  # fmt: skip
        except (RowError, ValueError, TypeError, IndexError):
            if not any(c is not None and str(c).strip() for c in cells):
                return None
            return bill_tuple(parse_row(number, cells, header))

    return parse


def line_parser(header: Header, delimiter: str) -> Any:
    """The fastest path, for a CSV line without quotes: one regular expression built from the
    header takes the fields apart and checks their forms (ASCII 结算单号 and 参保人编号, ISO
    dates, amounts with at most two decimals); what it cannot read goes to :func:`row_parser`
    with the line split at the delimiter, which gives the same tuple or the reasons."""
    cells_parse = row_parser(header)
    width = max(header.columns.values()) + 1
    by_index = {i: fld for fld, i in header.columns.items()}
    d = re.escape(delimiter)
    free = f'[^{d}"\u3000\r\n]*'
    shapes = {
        "bill_no": "([0-9A-Za-z_./-]{1,100})",
        "patient_id": "([0-9A-Za-z_./-]{0,64})",
        "admitted": "([0-9]{4}-[0-9]{2}-[0-9]{2})?",
        "discharged": "([0-9]{4}-[0-9]{2}-[0-9]{2})?",
        "visit_date": "([0-9]{4}-[0-9]{2}-[0-9]{2})?",
        "settled": "([0-9]{4}-[0-9]{2}-[0-9]{2})?",
        "total": "([0-9]{1,11})(?:\\.([0-9]{1,2}))?",
        "fund": "(?:([0-9]{1,11})(?:\\.([0-9]{1,2}))?)?",
    }
    parts = [shapes.get(by_index.get(i, ""), f"({free})" if i in by_index else free)
             for i in range(width)]  # fmt: skip
    pattern = re.compile(d.join(parts) + f"(?:{d}[^\r\n]*)?\r?\n?", re.ASCII)
    groups: list[str] = []
    for i in range(width):
        fld = by_index.get(i)
        if fld is None:
            continue
        groups += [fld + ".yuan", fld + ".fen"] if fld in ("total", "fund") else [fld]
    slot = {name: n for n, name in enumerate(groups)}
    missing = len(groups)

    def at(name: str) -> int:
        return slot.get(name, missing)

    g_no, g_name, g_pid, g_inst, g_kind = (at(f) for f in FIELDS[:5])
    g_adm, g_dis, g_visit, g_settled = (at(f) for f in FIELDS[5:9])
    g_ty, g_tf, g_fy, g_ff, g_items = (
        at("total.yuan"), at("total.fen"), at("fund.yuan"), at("fund.fen"), at("items")
    )  # fmt: skip
    kinds: dict[str, str] = {}
    dates: dict[str, str] = {}

    def iso(text: str | None) -> str | None:
        if not text:
            return None
        found = dates.get(text)
        if found is None:
            found = date.fromisoformat(text).isoformat()  # ValueError: not a date
            if len(dates) > 100_000:
                dates.clear()
            dates[text] = found
        return found

    date_slots = [g for g in (g_adm, g_dis, g_visit, g_settled) if g != missing]
    check = iso

    def parse(number: int, line: str) -> Row | None:
        match = pattern.fullmatch(line)
        try:
            if match is None:
                raise RowError("slow")
            v = [*match.groups(), None]
            for g in date_slots:  # every date checked once (memoised): 2023-02-30 fails
                text = v[g]
                if text and text not in dates:
                    check(text)
            name = (v[g_name] or "").strip()
            pid = v[g_pid] or ""
            if not (name or pid) or len(name) > 100:
                raise RowError("slow")
            kind = kinds.get(v[g_kind] or "")
            if kind is None:
                kind = kinds[v[g_kind] or ""] = parse_kind(v[g_kind] or "")
            frac = v[g_tf]
            total = int(
                v[g_ty] + (frac + "0" if len(frac) == 1 else frac) if frac else v[g_ty] + "00"
            )
            fund = None
            if v[g_fy] is not None:
                frac = v[g_ff]
                fund = int(
                    v[g_fy] + (frac + "0" if len(frac) == 1 else frac) if frac else v[g_fy] + "00"
                )
                if fund > total:
                    raise RowError("slow")
            admitted, discharged = v[g_adm] or None, v[g_dis] or None
            if kind == INPATIENT:
                when = discharged or admitted or v[g_settled] or v[g_visit]
                if admitted and discharged and discharged < admitted:
                    raise RowError("slow")
            else:
                when = v[g_visit] or v[g_settled] or discharged or admitted
            if not when:
                raise RowError("slow")
            return (
                number, v[g_no], name, pid or name, (v[g_inst] or "").strip()[:200], kind,
                when, admitted, discharged, total, fund, (v[g_items] or "").strip(),
            )  # fmt: skip
        except (RowError, ValueError, TypeError):
            return cells_parse(number, line.rstrip("\r\n").split(delimiter))

    return parse
