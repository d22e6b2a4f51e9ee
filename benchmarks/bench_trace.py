"""The 追溯码 sweep at a visit's size: 5,000 scans against 1,000,000 settlement-detail rows.

    .venv/bin/python benchmarks/bench_trace.py [--rows 1000000] [--scans 5000] [--rounds 5]

Makes the detail in an in-memory DuckDB configured as the detail store's (``open_detail``: its
memory limit, no temp directory to spill to; the table of inspector/settlement/schema.py; 3 rows
in 4 with a code, some rows listing three), 20,000 purchase codes imported
through ``import_purchases`` into a fresh data directory, and 5,000 scans (4,500 codes, 500 of
them scanned twice; 1 in 10 a settled code, 1 in 50 settled twice) (not timed). Then:

- classify: the one DuckDB query over all 5,000 codes, median of --rounds: one-shot
  (``classify``: the detail's codes exploded in the same query) and in an open sweep
  (``Sweep.classify``: against the index of the detail's codes the sweep made once);
- scan, one at a time: 200 single scans through ``Sweep.scan`` (each its own audited change,
  as the app records a code per Enter): latency p50/p95 (target: under 100 ms, a scanner's
  pace is about one code a second);
- scan, piped: the 5,000 scans in batches of 500 (``trace scan`` reading a list);
- summary: the whole log read back and every code classified again (``Sweep.summary``);
- the scan log PDF of 5,000 scans (``log_pdf``);
- peak RSS (VmHWM) after each phase.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import duckdb  # noqa: E402

from inspector.inspections import TeamMember, create_inspection  # noqa: E402
from inspector.settlement.schema import create_detail_table  # noqa: E402
from inspector.settlement.store import _connect as store_connection  # noqa: E402
from inspector.trace.classify import classify  # noqa: E402
from inspector.trace.purchases import import_purchases  # noqa: E402
from inspector.trace.report import log_pdf  # noqa: E402
from inspector.trace.scans import Sweep  # noqa: E402
from inspector.workspace import Workspace  # noqa: E402

BASE = 81_000_000_000_000_000_000


def _peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def make_detail(rows: int) -> duckdb.DuckDBPyConnection:
    """``rows`` rows; row i (i % 4 != 0) carries code BASE + i, every 97th lists three. In a
    connection configured as the detail store's (its memory limit, no temp directory)."""
    con = store_connection()
    create_detail_table(con)
    con.execute(
        f"""
        INSERT INTO detail (row_no, settlement_no, person_id, charged_at, item_code, item_name,
                            quantity, amount_fen, trace_code)
        SELECT i, 'JS' || (i // 3), 'P' || (i % 50000),
               TIMESTAMP '2025-01-01' + INTERVAL (i % 365) DAY, 'XA' || (i % 2000),
               '药品' || (i % 2000), 1, 500 + i % 3000,
               CASE WHEN i % 4 = 0 THEN NULL
                    WHEN i % 97 = 0 THEN ({BASE}::HUGEINT + i)::VARCHAR || ',' ||
                         ({BASE}::HUGEINT + i + 1)::VARCHAR || ',' ||
                         ({BASE}::HUGEINT + i + 2)::VARCHAR
                    ELSE ({BASE}::HUGEINT + i)::VARCHAR END
        FROM range(1, {rows} + 1) t(i)
        """
    )
    # Settled twice: the same code on a second row of another bill.
    con.execute(
        f"""
        INSERT INTO detail (row_no, settlement_no, person_id, charged_at, item_code, item_name,
                            quantity, amount_fen, trace_code)
        SELECT {rows} + i, 'JSX' || i, 'P1', TIMESTAMP '2025-12-01', 'XA1', '药品1', 1, 800,
               ({BASE}::HUGEINT + i * 20 + 1)::VARCHAR
        FROM range(1, 2000) t(i)
        """
    )
    return con


def make_scans(scans: int, rows: int, rng: random.Random) -> list[str]:
    distinct = scans - scans // 10
    codes = []
    for n in range(distinct):
        if n % 10 == 0:  # a settled code: on the shelf, 回流
            codes.append(str(BASE + rng.randrange(1, rows) | 1))
        elif n % 50 == 1:  # settled twice (the second inserts above)
            codes.append(str(BASE + rng.randrange(1, 2000) * 20 + 1))
        else:  # never settled
            codes.append(str(BASE + 10 * rows + n))
    codes = list(dict.fromkeys(codes))
    out = codes + [rng.choice(codes) for _ in range(scans - len(codes))]
    rng.shuffle(out)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--scans", type=int, default=5_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(27)
    start = time.perf_counter()
    con = make_detail(args.rows)
    print(f"detail: {args.rows:,} rows made in {time.perf_counter() - start:.1f} s (not timed); "
          f"peak RSS {_peak_mb():.0f} MB")  # fmt: skip
    scans = make_scans(args.scans, args.rows, rng)
    with tempfile.TemporaryDirectory() as folder:
        ws = Workspace.open(Path(folder) / "home")
        inspection = create_inspection(
            ws, institution="某医院", type_code="public_hospital", mode="surprise",
            district="历城区", team=[TeamMember("张伟", "370100001")],
        )  # fmt: skip
        bought = [c for c in dict.fromkeys(scans)][: len(set(scans)) * 9 // 10]
        bought += [str(BASE + 20 * args.rows + n) for n in range(20_000 - len(bought))]
        purchases = Path(folder) / "购进追溯码.csv"
        purchases.write_text(
            "药品追溯码,药品名称\n" + "".join(f"{c},某药\n" for c in bought), encoding="utf-8"
        )
        t = time.perf_counter()
        import_purchases(ws, inspection, purchases)
        print(f"purchase import: {len(bought):,} codes in {time.perf_counter() - t:.2f} s")

        with Sweep(ws, inspection, detail=con) as sweep:
            print(f"sweep opened (detail's codes indexed): peak RSS {_peak_mb():.0f} MB")
            for label, run in (
                ("one-shot (detail scanned)", lambda: classify(con, scans, sweep.purchases)),
                ("in the sweep (indexed)", lambda: sweep.classify(scans)),
            ):
                times = []
                for _ in range(args.rounds):
                    t = time.perf_counter()
                    found = run()
                    times.append(time.perf_counter() - t)
                counts: dict[str, int] = {}
                for c in found.values():
                    counts[c.result] = counts.get(c.result, 0) + 1
                print(
                    f"classify {label}, {len(scans):,} scans ({len(found):,} codes) against "
                    f"{args.rows:,} rows: median {statistics.median(times) * 1000:.0f} ms "
                    f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}); {counts}; "
                    f"peak RSS {_peak_mb():.0f} MB"
                )
            single = []
            for code in scans[:200]:
                t = time.perf_counter()
                sweep.scan([code], "scanner")
                single.append(time.perf_counter() - t)
            single.sort()
            print(
                f"one scan at a time (200): p50 {statistics.median(single) * 1000:.0f} ms, "
                f"p95 {single[int(len(single) * 0.95)] * 1000:.0f} ms, "
                f"max {single[-1] * 1000:.0f} ms; peak RSS {_peak_mb():.0f} MB"
            )
            t = time.perf_counter()
            for at in range(200, len(scans), 500):
                sweep.scan(scans[at : at + 500], "stdin")
            piped = time.perf_counter() - t
            print(
                f"piped, batches of 500 ({len(scans) - 200:,} scans): {piped:.2f} s "
                f"({(len(scans) - 200) / piped:,.0f} scans/s); peak RSS {_peak_mb():.0f} MB"
            )
            t = time.perf_counter()
            summary = sweep.summary()
            print(
                f"summary ({len(summary.scans):,} scans read, {len(summary.codes):,} codes "
                f"classified): {time.perf_counter() - t:.2f} s; peak RSS {_peak_mb():.0f} MB"
            )
            t = time.perf_counter()
            pdf = log_pdf(summary, institution="某医院", inspection_id=summary.inspection_id)
            print(
                f"log PDF: {len(pdf) / 1e6:.1f} MB in {time.perf_counter() - t:.2f} s; "
                f"peak RSS {_peak_mb():.0f} MB"
            )
        ws.close()


if __name__ == "__main__":
    main()
