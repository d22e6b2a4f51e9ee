"""The institution's purchase records with the 追溯码 of each box received (入库扫码, or the
traceability platform's 收货 list), imported for an inspection so that every scanned box can be
checked against what the institution bought.

A purchase-trace import of its own, beside the 进销存 reconciliation's purchase file
(inspector/stock/ledgers.py) rather than an extra column of it: the reconciliation compares
quantities per drug over a period and keeps no rows, the sweep needs every code of every box
kept for the days of the visit. The file is read by the same reader (inspector/tables.py: Excel
or CSV, GBK or UTF-8, a title above the header) with the same drug-name and date headers.

A row may list several codes (a line of ten boxes), separated by commas, semicolons, spaces or
line breaks. A file with any refused row is refused whole, as the reconciliation's are."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select

from inspector.db.models import Inspection, TracePurchase, new_id, utcnow
from inspector.errors import InvalidInput
from inspector.progress import NullReporter, Reporter, check_cancel
from inspector.registry.cells import CellError, parse_date_cell
from inspector.stock.ledgers import _DATE, _NAME
from inspector.stock.ledgers import Kind as StockKind
from inspector.tables import TableSpec, cell_text, read_table
from inspector.trace.codes import check
from inspector.workspace import Workspace

MAX_ROWS = 500_000
MAX_CODES = 2_000_000  # codes in one file: years of a hospital pharmacy's boxes

_CODES = ("追溯码", "药品追溯码", "追溯码列表", "药品追溯码列表", "电子监管码", "监管码",
          "trace_code", "traceability code")  # fmt: skip
_BUYER = ("购进机构", "收货单位", "收货机构", "购货单位", "采购单位", "购入单位", "入库机构",
          "医疗机构", "定点医药机构", "机构名称", "机构编码", "定点医药机构编号")  # fmt: skip

SPEC = TableSpec(
    field_names={"codes": "追溯码", "name": "药品名称", "date": "购进日期", "buyer": "购进机构"},
    aliases={
        "codes": _CODES,
        "name": _NAME,
        "date": _DATE[StockKind.PURCHASES],
        "buyer": _BUYER,
    },
    required=("codes",),
    max_rows=MAX_ROWS,
    too_many="{name} 超过 {limit} 行，不像是购进记录",
)
_SPLIT = re.compile(r"[\s,;，；、]+")


@dataclass(frozen=True)
class PurchaseLine:
    row: int
    code: str
    drug_name: str
    purchased_on: date | None
    buyer: str


@dataclass
class PurchaseFile:
    source_name: str
    sha256: str
    lines: list[PurchaseLine] = field(default_factory=list)
    refused: list[tuple[int, str]] = field(default_factory=list)


def _codes(value: Any) -> list[str]:
    if isinstance(value, int | float) and not isinstance(value, bool):
        # Excel keeps 15 significant digits: a 20-digit code typed as a number has lost its end.
        raise CellError(
            "追溯码被存成了数字（Excel 只保留 15 位），末几位已丢失：请把该列设为文本后重新导出"
        )
    text = cell_text(value)
    parts = [p for p in _SPLIT.split(text) if p]
    if not parts:
        raise CellError("追溯码为空")
    codes = []
    for part in parts:
        checked = check(part)
        if checked.code is None:
            raise CellError(f"“{checked.text}”不是药品追溯码：{checked.why}")
        codes.append(checked.code)
    return codes


def read_purchases(path: Path, reporter: Reporter | None = None) -> PurchaseFile:
    """Read one file; raises InvalidInput when it cannot be used at all (format, header, no
    追溯码 column); rows that cannot be read are listed in ``refused``."""
    path = Path(path)
    table = read_table(path, SPEC, reporter)
    try:
        with path.open("rb") as handle:
            sha = hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError as error:
        raise InvalidInput(
            "无法读取 {name}：{error}", name=path.name, error=error.strerror or str(error)
        ) from error
    result = PurchaseFile(path.name, sha)
    columns = table.header.columns
    count = 0
    for number, cells in table.rows:

        def cell(fld: str, cells: Sequence[Any] = cells) -> Any:
            index = columns.get(fld)
            return cells[index] if index is not None and index < len(cells) else None

        if not any(cell_text(c) for c in cells):
            continue
        try:
            codes = _codes(cell("codes"))
            day = parse_date_cell(cell("date"), "购进日期") if "date" in columns else None
        except CellError as error:
            result.refused.append((number, str(error)))
            continue
        count += len(codes)
        if count > MAX_CODES:
            raise InvalidInput("{name} 的追溯码超过 {limit} 个", name=path.name, limit=MAX_CODES)
        name, buyer = cell_text(cell("name"))[:200], cell_text(cell("buyer"))[:200]
        result.lines.extend(PurchaseLine(number, code, name, day, buyer) for code in codes)
    return result


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()


def is_own(buyer: str, names: Sequence[str]) -> bool:
    """Whether the buyer a row names is the visited institution: no buyer (the institution's
    own file), or its name or 协议编号 as written, spaces and full-width forms aside."""
    return not buyer.strip() or _compact(buyer) in {_compact(n) for n in names if n}


@dataclass(frozen=True)
class Imported:
    source_name: str
    sha256: str
    codes: int
    other_buyer: int  # codes another institution bought
    refused: tuple[tuple[int, str], ...] = ()

    @property
    def ok(self) -> bool:
        return not self.refused


def import_purchases(
    ws: Workspace, inspection_id: str, path: Path, reporter: Reporter | None = None
) -> Imported:
    """Read the file and keep its codes for the inspection, in one audited change
    (``trace.purchases``). A file with refused rows stores nothing and returns them; the same
    file twice is refused."""
    reporter = reporter or NullReporter()
    read = read_purchases(Path(path), reporter)
    if read.refused:
        return Imported(read.source_name, read.sha256, 0, 0, tuple(read.refused))
    if not read.lines:
        raise InvalidInput("{name} 中没有追溯码", name=read.source_name)
    check_cancel(reporter)
    with ws.change(None, "trace.purchases", inspection=inspection_id) as ch:
        inspection = ch.inspection
        assert isinstance(inspection, Inspection)
        already = ch.session.scalar(
            select(func.count())
            .select_from(TracePurchase)
            .where(
                TracePurchase.inspection_id == inspection.id,
                TracePurchase.source_sha256 == read.sha256,
            )
        )
        if already:
            raise InvalidInput("{name} 已经导入过（内容相同）", name=read.source_name)
        names = [inspection.institution.name, inspection.institution.agreement_no or ""]
        now = utcnow()
        rows = [
            {
                "id": new_id(),
                "inspection_id": inspection.id,
                "code": line.code,
                "drug_name": line.drug_name,
                "purchased_on": line.purchased_on,
                "buyer": line.buyer,
                "own": is_own(line.buyer, names),
                "source_name": read.source_name,
                "source_sha256": read.sha256,
                "row_no": line.row,
                "device_id": ch.device_id,
                "created_at": now,
                "updated_at": now,
                "change_device_id": ch.device_id,
                "change_seq": ch.seq,
            }
            for line in read.lines
        ]
        # Core inserts in one statement a batch: a hundred thousand codes in seconds, not
        # one ORM object each.
        ch.session.execute(insert(TracePurchase), rows)
        other = sum(1 for row in rows if not row["own"])
        ch.entity(kind="trace_purchases", id=read.sha256)
        ch.state = {"source": read.source_name, "sha256": read.sha256, "codes": len(rows)}
        ch.details.update(source=read.source_name, sha256=read.sha256, codes=len(rows))
    return Imported(read.source_name, read.sha256, len(rows), other)


def purchase_codes(ws: Workspace, inspection_id: str) -> list[tuple[str, bool, str]]:
    """The inspection's purchase codes as the classifier takes them: (code, own, buyer)."""
    with ws.db.session() as session:
        return [
            (code, bool(own), buyer)
            for code, own, buyer in session.execute(
                select(TracePurchase.code, TracePurchase.own, TracePurchase.buyer).where(
                    TracePurchase.inspection_id == inspection_id
                )
            )
        ]
