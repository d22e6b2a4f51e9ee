"""The rule engine over a large settlement detail: time per rule and peak memory.

    .venv/bin/python benchmarks/bench_rules.py [--rows 1000000] [--rounds 1]

Makes a detail of N rows inside DuckDB (not timed; SQL over ``range``, so the generator is not
what is measured): 100,000 patients, 10 rows a bill on average, one bill in five a stay of 2-11
days with its bed, nursing and meal days, 2,000 item codes of which the knowledge lists name
some (20,000 目录 prices, 400 限性别, 300 限年龄, 300 限频次, 200 once-a-day, 200 互斥 pairs, 200
限级别, 800 drugs with their daily dose, the bed, nursing and meal items; one row in 50 takes a
restricted item, one in 1,000 is priced above the 目录), drugs with a 追溯码 drawn so that some
repeat, two years of charges, and 进销存 lines for 500 drugs. The anomalies
are those chance makes (thousands of hits), not planted. Then, in the same connection as
``open_detail`` makes it (inspector/settlement/store.py: 2 threads, 450 MB, no temp directory):
loads the knowledge file and runs every rule of the starter set plus the 进销存 rule, as
``rules run`` does. Prints each rule's seconds and hits, the total, and the process's peak RSS
before and after. Target: 1,000,000 rows through every rule in < 60 s, peak RSS < 600 MB.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from inspector.rules.engine import RunContext, StockLedgers, run_rules  # noqa: E402
from inspector.rules.formats import KnowledgeFile  # noqa: E402
from inspector.rules.knowledge import load_knowledge  # noqa: E402
from inspector.rules.library import load_rule_library  # noqa: E402
from inspector.settlement.schema import create_detail_table  # noqa: E402
from inspector.settlement.store import _connect  # noqa: E402

CODES = 2000  # item codes I0000 … I1999; I0000-I0799 are drugs
BASIC = ("B1", "B2", "B3")  # bed, nursing, meals


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_detail(con, rows: int) -> None:  # type: ignore[no-untyped-def]
    create_detail_table(con)
    con.execute(
        f"""
        INSERT INTO detail
        WITH r AS (
            SELECT i AS row_no, i // 10 AS s, hash(i // 10) AS hs, hash(i) AS hr
            FROM range({rows}) t(i)
        ),
        b AS (
            SELECT *, hs % 100000 AS p, (hs % 5 = 0) AS stay, 2 + (hs // 7) % 10 AS nights,
                DATE '2024-01-01' + CAST((hs // 13) % 700 AS INTEGER) AS day0,
                -- one row in 50 takes one of the 800 items the lists restrict
                CASE WHEN hr % 50 = 0 THEN 1200 + (hr // 3) % 800 ELSE (hr // 3) % 1200 END
                    AS item,
                -- one row in 1,000 above the 目录 price
                CASE WHEN hr % 1000 = 1 THEN 6000 ELSE 100 + (hr // 17) % 5000 END AS price
            FROM r
        )
        SELECT row_no + 2,
            'S' || s::VARCHAR,
            'P' || p::VARCHAR,
            CASE WHEN p % 2 = 0 THEN '男' ELSE '女' END,
            DATE '1940-01-01' + CAST(p % 25000 AS INTEGER),
            NULL,
            CASE WHEN stay THEN '住院' ELSE '门诊' END,
            CASE WHEN stay THEN day0 END,
            CASE WHEN stay THEN day0 + CAST(nights AS INTEGER) END,
            CASE WHEN p % 5000 = 0 THEN DATE '2025-06-01' END,
            CAST(CASE WHEN stay THEN day0 + CAST(row_no % nights AS INTEGER) ELSE day0 END
                AS TIMESTAMP) + INTERVAL 9 HOUR,
            CASE WHEN stay AND row_no % 10 < 3 THEN ['B1', 'B2', 'B3'][row_no % 10 + 1]
                 ELSE 'I' || lpad(item::VARCHAR, 4, '0') END,
            '项目' || item::VARCHAR,
            CAST(1 + hr % 4 AS DOUBLE),
            CAST(price AS BIGINT),
            CAST((1 + hr % 4) * price AS BIGINT),
            '内科', '王医生',
            CASE WHEN item < 800 AND NOT stay
                 THEN '8' || lpad(((hr // 101) % {rows * 4})::VARCHAR, 19, '0') END
        FROM b
        """
    )


def knowledge() -> KnowledgeFile:
    def code(i: int) -> str:
        return f"I{i:04d}"

    return KnowledgeFile.model_validate(
        {
            "format": "inspector-knowledge/1", "id": "bench", "version": "2026.1",
            "title": "bench", "source": "generated",
            "gender": [{"code": code(1200 + i), "gender": "女"} for i in range(400)],
            "age": [{"code": code(1600 + i), "max_age": 17} for i in range(300)],
            "frequency": [{"code": code(1700 + i), "max_quantity": 3} for i in range(300)],
            "repeat": [{"code": code(1200 + i)} for i in range(200)],
            "exclusive": [{"code_a": code(1200 + i), "code_b": code(1400 + i)} for i in range(200)],
            "level": [{"code": code(1800 + i), "min_level": 3} for i in range(200)],
            "price": [{"code": f"X{i:05d}" if i >= CODES else code(i), "price": "51.00"}
                      for i in range(20000)],
            "drug": [{"code": code(i), "daily_quantity": 1 + i % 3} for i in range(800)],
            "basic": [{"code": c} for c in BASIC],
        }
    )  # fmt: skip


def stock_lines(con) -> StockLedgers:  # type: ignore[no-untyped-def]
    con.execute("CREATE TABLE stock_lines (code VARCHAR, kind VARCHAR, quantity DOUBLE)")
    con.execute(
        """
        INSERT INTO stock_lines
        SELECT 'I' || lpad(i::VARCHAR, 4, '0'), k, CAST(1000 + hash(i) % 5000 AS DOUBLE)
        FROM range(500) t(i), (VALUES ('purchases'), ('sales')) v(k)
        """
    )
    return StockLedgers(date(2025, 1, 1), date(2025, 12, 31), has_opening=False)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument(
        "--save", action="store_true", help="also keep the last round's hits in a workspace"
    )
    args = parser.parse_args()
    library = load_rule_library()
    rules = list(library.rules.values())
    con = _connect()
    started = time.perf_counter()
    make_detail(con, args.rows)
    print(f"detail: {args.rows:,} rows made in {time.perf_counter() - started:.1f} s (not timed)")
    stock = stock_lines(con)
    print(f"peak RSS before the rules: {peak_mb():.0f} MB")
    for round_no in range(1, args.rounds + 1):
        started = time.perf_counter()
        load_knowledge(con, [knowledge()])
        loaded = time.perf_counter() - started
        result = run_rules(con, rules, RunContext(institution_level=1, stock=stock))
        total = time.perf_counter() - started
        counts: dict[str, int] = {}
        for hit in result.hits:
            counts[hit.rule_code] = counts.get(hit.rule_code, 0) + 1
        print(f"\nround {round_no}: knowledge loaded in {loaded:.2f} s")
        for rule in rules:
            seconds = result.seconds.get(rule.code)
            shown = "skipped" if seconds is None else f"{seconds:6.2f} s"
            print(f"  {rule.code:<8} {rule.type:<12} {shown}  {counts.get(rule.code, 0):>7,} hits")
        print(f"  all rules: {total:.1f} s, {len(result.hits):,} hits; skipped {result.skipped}")
        print(f"  peak RSS: {peak_mb():.0f} MB")
    if args.save:
        save(args.rows, library, result)


def save(rows: int, library, result) -> None:  # type: ignore[no-untyped-def]
    """The hits kept as ``rules run`` keeps them (one audited change), then read back."""
    import tempfile

    from inspector.inspections import TeamMember, create_inspection
    from inspector.rules.store import _save, flagged_settlements, rule_hits
    from inspector.workspace import Workspace

    with tempfile.TemporaryDirectory() as folder, Workspace.open(folder) as ws:
        inspection = create_inspection(
            ws, institution="某医院", type_code="public_hospital", mode="surprise",
            district="历城区", team=[TeamMember("张伟", "370100001")],
        )  # fmt: skip
        started = time.perf_counter()
        _save(ws, inspection, rows, library, 1, None, result)
        kept = time.perf_counter() - started
        started = time.perf_counter()
        hits = rule_hits(ws, inspection)
        read = time.perf_counter() - started
        started = time.perf_counter()
        flagged = flagged_settlements(ws, inspection)
        bills = time.perf_counter() - started
    print(f"\nkept {len(result.hits):,} hits in {kept:.1f} s; rule_hits {read:.1f} s "
          f"({len(hits):,}); flagged_settlements {bills:.1f} s ({len(flagged):,} bills); "
          f"peak RSS {peak_mb():.0f} MB")  # fmt: skip


if __name__ == "__main__":
    main()
