"""Every scanned code against the settlement detail and the purchase records, in ONE DuckDB
query (a join over all codes, not a loop): a visit scans thousands of boxes against a year of
detail, offline.

- A code in the detail was dispensed and settled with the fund: the box should not be on the
  shelf. Once: 已结算仍在架 (回流药: bought back, or never dispensed); more than once: 重复结算
  (the same box settled twice, or a code copied onto other boxes). A 拆零 sale settles one box
  over several bills and is the institution's to show.
- A code no purchase record names was not bought by the institution (无购进记录); one only
  other institutions' records name came from elsewhere (非本机构购进: 串换 or 回流 through
  another institution). Without purchase records imported, these are not checked, and said.

The detail's ``trace_code`` may hold one code or several (a row of three boxes lists three,
separated by commas or spaces, as the 医保 upload does): the amount of such a row is shared
equally among its codes."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

import duckdb

from inspector.trace import NORMAL, NOT_PURCHASED, OTHER_BUYER, REPEATED, RETURNED


@dataclass(frozen=True)
class Classified:
    code: str
    result: str  # the first of ``flags``, or 正常
    flags: tuple[str, ...]
    uses: int  # times the detail settles the code
    settlement_nos: tuple[str, ...]
    row_nos: tuple[int, ...]  # the detail rows, evidence of the hit
    amount_fen: int  # the fund's money on those rows (this code's share)
    item_name: str
    purchased: bool | None  # None: purchase records not checked
    buyers: tuple[str, ...]  # other institutions whose records name the code

    @property
    def hit(self) -> bool:
        return self.result != NORMAL


# One code a row, or several: a row's codes are its runs of digits (exactly one 20-digit code
# is the common case and is not split).
_CODES_OF = """
    SELECT row_no, unnest(parts) AS code, len(parts) AS n
    FROM (
        SELECT row_no,
               CASE WHEN length(trace_code) = 20 THEN [trace_code]
                    ELSE list_filter(regexp_split_to_array(trace_code, '[^0-9]+'),
                                     lambda x: x <> '') END AS parts
        FROM {detail}
        WHERE trace_code IS NOT NULL AND trace_code <> ''
    )
"""
# The index's rows with what the finding names from the detail row (joined by the row number,
# for the few codes a query asks about).
_WITH_ROWS = """
    SELECT i.row_no, d.settlement_no, d.item_name, d.amount_fen, i.code, i.n
    FROM {codes} i JOIN {detail} d ON d.row_no = i.row_no
"""
_EMPTY = """
    SELECT NULL::INTEGER AS row_no, NULL::VARCHAR AS settlement_no, NULL::VARCHAR AS item_name,
           NULL::BIGINT AS amount_fen, NULL::VARCHAR AS code, NULL::INTEGER AS n
    WHERE false
"""
_QUERY = """
WITH settled AS (
    SELECT code, count(*) AS uses,
           list(DISTINCT settlement_no ORDER BY settlement_no) AS bills,
           list(row_no ORDER BY row_no) AS rows,
           sum(round(coalesce(amount_fen, 0) / n))::BIGINT AS amount_fen,
           min(item_name) AS item_name
    FROM {index} WHERE code IN (SELECT code FROM {codes}) GROUP BY code
),
bought AS (
    SELECT code, bool_or(own) AS own, bool_or(NOT own) AS other,
           list(DISTINCT buyer ORDER BY buyer) FILTER (WHERE NOT own) AS buyers
    FROM {purchases} WHERE code IN (SELECT code FROM {codes}) GROUP BY code
),
flagged AS (
    SELECT c.code, coalesce(s.uses, 0) AS uses, s.bills, s.rows,
           coalesce(s.amount_fen, 0) AS amount_fen, coalesce(s.item_name, '') AS item_name,
           CASE WHEN $checked THEN coalesce(b.own, false) END AS purchased,
           coalesce(b.buyers, []) AS buyers,
           list_filter([
               CASE WHEN coalesce(s.uses, 0) >= 2 THEN '{repeated}' END,
               CASE WHEN coalesce(s.uses, 0) >= 1 THEN '{returned}' END,
               CASE WHEN $checked AND NOT coalesce(b.own, false) AND coalesce(b.other, false)
                    THEN '{other}' END,
               CASE WHEN $checked AND b.code IS NULL THEN '{none}' END
           ], lambda x: x IS NOT NULL) AS flags
    FROM (SELECT DISTINCT code FROM {codes}) c
    LEFT JOIN settled s ON s.code = c.code
    LEFT JOIN bought b ON b.code = c.code
)
SELECT code, coalesce(flags[1], '{normal}') AS result, flags, uses, coalesce(bills, []),
       coalesce(rows, []), amount_fen, item_name, purchased, buyers
FROM flagged ORDER BY code
"""


def _name(kind: str) -> str:
    return f"trace_{kind}_{uuid.uuid4().hex[:12]}"


def index_detail(
    con: duckdb.DuckDBPyConnection, detail: str | None = "detail", *, keep: bool = True
) -> str:
    """A view of the detail's codes, one row per code per detail row (its number, settlement,
    item and amount). Kept (``keep``, for a sweep): the codes are read once into a narrow
    temporary table (code, row number, codes in the row: a few tens of MB for a million rows,
    inside the detail store's memory limit), so that each scan is a join over it and only the
    rows found are joined back to the detail. Not kept: a view over the detail, for a single
    query. ``detail=None`` (no detail imported): empty."""
    name = _name("settled")
    if detail is None:
        con.execute(f"CREATE TEMP VIEW {name} AS {_EMPTY}")
    elif keep:
        codes = f"{name}_codes"
        con.execute(f"CREATE TEMP TABLE {codes} AS {_CODES_OF.format(detail=detail)}")
        con.execute(f"CREATE TEMP VIEW {name} AS {_WITH_ROWS.format(codes=codes, detail=detail)}")
    else:
        codes = f"({_CODES_OF.format(detail=detail)})"
        con.execute(f"CREATE TEMP VIEW {name} AS {_WITH_ROWS.format(codes=codes, detail=detail)}")
    return name


def load_purchases(
    con: duckdb.DuckDBPyConnection, purchases: Sequence[tuple[str, bool, str]]
) -> str:
    """A temporary table of the purchase codes: (code, bought by the visited institution,
    buyer as written)."""
    name = _name("bought")
    con.execute(
        f"CREATE TEMP TABLE {name} AS SELECT unnest($c::VARCHAR[]) AS code, "
        "unnest($o::BOOLEAN[]) AS own, unnest($b::VARCHAR[]) AS buyer",
        {
            "c": [p[0] for p in purchases],
            "o": [p[1] for p in purchases],
            "b": [p[2] for p in purchases],
        },
    )
    return name


def drop(con: duckdb.DuckDBPyConnection, *tables: str) -> None:
    """Drop what :func:`index_detail`, :func:`load_purchases` made (an index: its view, then
    its table of codes)."""
    views = {
        row[0]
        for row in con.execute("SELECT view_name FROM duckdb_views() WHERE temporary").fetchall()
    }
    for table in tables:
        if table in views:
            con.execute(f"DROP VIEW {table}")
            con.execute(f"DROP TABLE IF EXISTS {table}_codes")
        else:
            con.execute(f"DROP TABLE IF EXISTS {table}")


def classify_indexed(
    con: duckdb.DuckDBPyConnection,
    codes: Sequence[str],
    *,
    index: str,
    purchases: str,
    checked: bool,
) -> dict[str, Classified]:
    """Classify ``codes`` (valid, duplicates allowed) in one query, against the tables
    :func:`index_detail` and :func:`load_purchases` made (``checked``: purchase records were
    imported; without, no code is said to lack one)."""
    codes_table = _name("codes")
    con.execute(
        f"CREATE TEMP TABLE {codes_table} AS SELECT unnest($codes::VARCHAR[]) AS code",
        {"codes": list(codes)},
    )
    try:
        sql = _QUERY.format(
            index=index, codes=codes_table, purchases=purchases, repeated=REPEATED,
            returned=RETURNED, other=OTHER_BUYER, none=NOT_PURCHASED, normal=NORMAL,
        )  # fmt: skip
        found = con.execute(sql, {"checked": checked}).fetchall()
    finally:
        drop(con, codes_table)
    return {
        row[0]: Classified(
            code=row[0],
            result=row[1],
            flags=tuple(row[2]),
            uses=row[3],
            settlement_nos=tuple(row[4]),
            row_nos=tuple(row[5]),
            amount_fen=int(row[6]),
            item_name=row[7],
            purchased=row[8],
            buyers=tuple(row[9]),
        )
        for row in found
    }


def classify(
    con: duckdb.DuckDBPyConnection,
    codes: Sequence[str],
    purchases: Sequence[tuple[str, bool, str]] | None,
    *,
    detail: str | None = "detail",
) -> dict[str, Classified]:
    """Classify ``codes`` once against the table ``detail`` of ``con`` (None: no detail
    imported, settlement not checked) and ``purchases`` (None or empty: not checked)."""
    index = index_detail(con, detail, keep=False)
    bought = load_purchases(con, purchases or [])
    try:
        return classify_indexed(con, codes, index=index, purchases=bought, checked=bool(purchases))
    finally:
        drop(con, index, bought)
