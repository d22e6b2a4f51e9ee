"""The registry file's columns and cells: the header names a bureau's list uses, and the
parsers of a cell (text, dates as Excel serials or typed, institution types by name)."""

from __future__ import annotations

import enum
import re
from datetime import date, datetime, timedelta
from typing import Any

from inspector.checklists.library import Library
from inspector.tables import cell_text, fold

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


EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 is 1900-01-01; Excel's phantom 1900-02-29 skipped
SERIAL_RANGE = (18264, 73050)  # 1950-01-01 .. 2099-12-31: an agreement date, not a count
_DATE_RE = re.compile(
    r"^(\d{4})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?)"
    r"(?:\s*[T ]?\s*\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$",
    re.ASCII,
)


def _from_serial(serial: float, shown: str, what: str) -> date:
    if not SERIAL_RANGE[0] <= serial <= SERIAL_RANGE[1]:
        raise CellError(f"{what}“{shown}”不是日期")
    return EXCEL_EPOCH + timedelta(days=int(serial))


def parse_date_cell(value: Any, what: str = "协议到期日") -> date | None:
    """A date cell (the registry's expiry, a ledger's date): an Excel date, an Excel serial
    number, or text written as 2025-12-31, 2025/12/31, 2025.12.31, 2025年12月31日 or 20251231
    (a time after it is ignored). Blank is None. Raises CellError with the reason in Chinese,
    naming the column as ``what``."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise CellError(f"{what}“{value}”不是日期")
    if isinstance(value, (int, float)):
        return _from_serial(value, cell_text(value), what)
    text = fold(str(value))
    if not text:
        return None
    match = _DATE_RE.match(text)
    if match:
        year, month, day = (int(g) for g in match.groups() if g is not None)
    elif re.fullmatch(r"[0-9]{8}", text):
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:])
    elif re.fullmatch(r"[0-9]{5}(?:\.[0-9]+)?", text):
        return _from_serial(float(text), text, what)
    else:
        raise CellError(f"{what}“{text}”不是可识别的日期（应写成 2025-12-31 或 2025年12月31日）")
    try:
        return date(year, month, day)
    except ValueError as error:
        raise CellError(f"{what}“{text}”不是有效的日期") from error


def _type_key(text: str) -> str:
    return re.sub(r"\s+", "", fold(text)).lower()


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
