"""The institution's 进销存 files as the team receives them (Excel or CSV, GBK or UTF-8, a title
above the header): purchases (购进/入库), sales or dispensing (销售/发药/出库), the settlements
uploaded to the fund (医保结算), the book stock at the start of the period (期初库存) and the
team's count on site (盘点). Each row becomes a :class:`Line`, or is refused by its row number
with the reason; a file with any refused row is refused whole, so no reconciliation ever rests
on a silently skipped row."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from pathlib import Path
from typing import Any

from inspector.errors import InspectorError, InvalidInput
from inspector.inspections import parse_amount
from inspector.registry.cells import CellError, parse_date_cell
from inspector.tables import Table, TableSpec, cell_text, fold, read_table


class Kind(StrEnum):
    PURCHASES = "purchases"
    SALES = "sales"
    SETTLEMENTS = "settlements"
    OPENING = "opening"
    COUNT = "count"


KIND_NAMES = {
    Kind.PURCHASES: "购进记录",
    Kind.SALES: "销售（发药）记录",
    Kind.SETTLEMENTS: "医保结算记录",
    Kind.OPENING: "期初库存",
    Kind.COUNT: "现场盘点",
}
DATED = (Kind.PURCHASES, Kind.SALES, Kind.SETTLEMENTS)
MAX_ROWS = 500_000  # a year of a hospital pharmacy's lines; more is not a ledger
MAX_QUANTITY = Decimal("1e9")
TOTALS = {"合计", "小计", "总计", "本页合计", "累计"}

_COMMON_NAMES = {
    "name": "药品（耗材）名称",
    "spec": "规格",
    "unit": "单位",
    "code": "医保编码",
    "quantity": "数量",
    "amount": "金额",
    "date": "日期",
}
_NAME = ("药品名称", "药品通用名", "通用名称", "通用名", "品名", "名称", "商品名称", "耗材名称",
         "药品耗材名称", "项目名称", "name", "drug")  # fmt: skip
_SPEC = ("规格", "规格型号", "型号", "药品规格", "spec")
_UNIT = ("单位", "计量单位", "包装单位", "unit")
_CODE = ("医保编码", "医保药品编码", "国家医保编码", "药品编码", "医保目录编码", "编码", "code")
_QUANTITY = {
    Kind.PURCHASES: ("购进数量", "入库数量", "采购数量", "数量", "quantity"),
    Kind.SALES: ("销售数量", "发药数量", "出库数量", "使用数量", "数量", "quantity"),
    Kind.SETTLEMENTS: ("结算数量", "医保结算数量", "数量", "quantity"),
    Kind.OPENING: ("期初库存", "期初数量", "期初结存", "库存数量", "账面库存", "数量", "quantity"),
    Kind.COUNT: ("实盘数量", "盘点数量", "实存数量", "实际库存", "数量", "quantity"),
}
_AMOUNT = {
    Kind.PURCHASES: ("购进金额", "采购金额", "入库金额", "进价金额", "金额", "amount"),
    Kind.SALES: ("销售金额", "发药金额", "金额", "amount"),
    Kind.SETTLEMENTS: ("结算金额", "医保结算金额", "费用金额", "金额", "amount"),
}
_DATE = {
    Kind.PURCHASES: ("购进日期", "入库日期", "采购日期", "日期", "date"),
    Kind.SALES: ("销售日期", "发药日期", "出库日期", "使用日期", "日期", "date"),
    Kind.SETTLEMENTS: ("结算日期", "费用发生日期", "日期", "date"),
}


def spec_of(kind: Kind) -> TableSpec:
    aliases: dict[str, Sequence[str]] = {
        "name": _NAME, "spec": _SPEC, "unit": _UNIT, "code": _CODE,
        "quantity": _QUANTITY[kind],
    }  # fmt: skip
    if kind in _AMOUNT:
        aliases["amount"] = _AMOUNT[kind]
    if kind in _DATE:
        aliases["date"] = _DATE[kind]
    required = ("name", "quantity", "date") if kind in DATED else ("name", "quantity")
    return TableSpec(
        field_names={f: _COMMON_NAMES[f] for f in aliases},
        aliases=aliases,
        required=required,
        max_rows=MAX_ROWS,
        too_many="{name} 超过 {limit} 行，不像是进销存台账",
    )


SPECS = {kind: spec_of(kind) for kind in Kind}


def drug_key(name: str, spec: str) -> str:
    """How lines of different files are matched: the name and the specification as written,
    full-width folded, spaces removed (``人血白蛋白 10g`` and ``人血白蛋白１０ｇ`` are one)."""
    return re.sub(r"\s+", "", fold(name)) + "|" + re.sub(r"\s+", "", fold(spec)).lower()


@dataclass(frozen=True)
class Line:
    row: int
    name: str
    spec: str
    unit: str
    code: str
    quantity: Decimal
    amount_fen: int | None = None
    day: date | None = None


@dataclass(frozen=True)
class Refused:
    row: int
    reason: str


@dataclass
class Ledger:
    """One file read: its lines, or the rows refused."""

    kind: Kind
    source_name: str
    sha256: str
    lines: list[Line] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)
    has_spec: bool = False  # the file has a 规格 column
    skipped: list[int] = field(default_factory=list)  # rows of totals (合计、小计) left out

    @property
    def ok(self) -> bool:
        return not self.refused


def _quantity(value: Any) -> Decimal:
    text = cell_text(value).replace(",", "").replace("，", "")
    if not text:
        raise CellError("数量为空")
    try:
        quantity = Decimal(fold(text))
    except InvalidOperation as error:
        raise CellError(f"数量“{text}”不是数字") from error
    if not quantity.is_finite() or quantity < 0:
        raise CellError(f"数量“{text}”不能为负数或非数字")
    if quantity >= MAX_QUANTITY:
        raise CellError(f"数量“{text}”过大")
    return quantity.normalize() if quantity == quantity.to_integral() else quantity


def _amount(value: Any) -> int | None:
    """Yuan as the ledger writes them, to fen: the app's one money parser, its refusal the
    row's reason."""
    try:
        return parse_amount(cell_text(value))
    except InspectorError as error:
        raise CellError(str(error)) from error


def _line(kind: Kind, number: int, cells: Sequence[Any], columns: Mapping[str, int]) -> Line:
    def cell(fld: str) -> Any:
        index = columns.get(fld)
        return cells[index] if index is not None and index < len(cells) else None

    name = cell_text(cell("name"))
    if not name:
        raise CellError("药品（耗材）名称为空")
    if len(name) > 200:
        raise CellError("药品（耗材）名称过长")
    day = None
    if kind in DATED:
        day = parse_date_cell(cell("date"), "日期")
        if day is None:
            raise CellError("日期为空")
    return Line(
        row=number,
        name=name,
        spec=cell_text(cell("spec"))[:200],
        unit=cell_text(cell("unit"))[:50],
        code=cell_text(cell("code"))[:100],
        quantity=_quantity(cell("quantity")),
        amount_fen=_amount(cell("amount")) if "amount" in columns else None,
        day=day,
    )


def read_ledger(path: Path, kind: Kind, reporter: Any = None) -> Ledger:
    """Read one file; raises InvalidInput when the file cannot be used at all (format, header,
    a required column missing); rows that cannot be read are listed in ``refused``."""
    path = Path(path)
    table: Table = read_table(path, SPECS[kind], reporter)
    try:
        with path.open("rb") as handle:
            sha = hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError as error:
        raise InvalidInput(
            "无法读取 {name}：{error}", name=path.name, error=error.strerror or str(error)
        ) from error
    ledger = Ledger(kind, path.name, sha, has_spec="spec" in table.header.columns)
    for number, cells in table.rows:
        if not any(cell_text(c) for c in cells):
            continue  # blank rows between blocks, as ledgers printed from Excel have
        if any(re.sub(r"\s+", "", cell_text(c)) in TOTALS for c in cells):
            ledger.skipped.append(number)  # said in the result: a sum is not a drug
            continue
        try:
            ledger.lines.append(_line(kind, number, cells, table.header.columns))
        except CellError as error:
            ledger.refused.append(Refused(number, str(error)))
    return ledger
