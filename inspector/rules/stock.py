"""The 进销存 files (inspector/stock/ledgers.py) as the table ``stock_lines`` the 进销存 rule
reads: each line under the detail's item code. A line with a 医保编码 keeps it; a line without
one takes the code of the detail's item of the same name (name matched as
inspector/stock/reconcile.py matches names: full-width folded, spaces removed); a line that
matches no item is left out, as a drug never settled has nothing to compare."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import duckdb

from inspector.errors import InvalidInput
from inspector.rules.engine import StockLedgers
from inspector.rules.knowledge import insert_rows
from inspector.stock.ledgers import DATED, Kind, Ledger, drug_key

KINDS = {Kind.PURCHASES: "purchases", Kind.SALES: "sales", Kind.OPENING: "opening"}


def load_stock(
    con: duckdb.DuckDBPyConnection, ledgers: Sequence[Ledger], start: date, end: date
) -> StockLedgers:
    """Fill ``stock_lines`` from the purchase and sales files (and the opening stock, when
    given) over the period; the detail is the settlements."""
    if end < start:
        raise InvalidInput("核对期间的结束日期早于开始日期")
    kinds = {ledger.kind for ledger in ledgers}
    if not {Kind.PURCHASES, Kind.SALES} <= kinds:
        raise InvalidInput("进销存规则需要购进和销售（发药）两份记录")
    for ledger in ledgers:
        if not ledger.ok:
            raise InvalidInput(
                "{name} 有 {n} 行无法读取，请修改后重新导入",
                name=ledger.source_name,
                n=len(ledger.refused),
            )
    # The detail's distinct item names (thousands, not the million rows) by their match key.
    by_name = {
        drug_key(name, ""): code
        for code, name in con.execute(
            "SELECT item_code, any_value(item_name) FROM detail GROUP BY item_code"
        ).fetchall()
    }
    rows: list[tuple[str, str, float]] = []
    for ledger in ledgers:
        kind = KINDS.get(ledger.kind)
        if kind is None:
            continue
        for line in ledger.lines:
            if ledger.kind in DATED and line.day is not None and not start <= line.day <= end:
                continue
            code = line.code or by_name.get(drug_key(line.name, ""))
            if code:
                rows.append((code, kind, float(line.quantity)))
    con.execute("DROP TABLE IF EXISTS stock_lines")
    con.execute("CREATE TABLE stock_lines (code VARCHAR, kind VARCHAR, quantity DOUBLE)")
    insert_rows(con, "stock_lines", 3, rows)
    return StockLedgers(start=start, end=end, has_opening=Kind.OPENING in kinds)
