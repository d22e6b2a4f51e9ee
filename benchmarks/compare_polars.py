"""Why the rule engine is DuckDB and not Polars: three rule types written in both, over the
same 1,000,000-row detail, each engine in a process of its own (so each peak RSS is its own).

    .venv/bin/python benchmarks/compare_polars.py --polars-python /path/to/venv/bin/python

Polars is not one of Inspector's dependencies: the Polars side runs in an interpreter that has
``polars`` (the figures in benchmarks/README.md were taken with polars 2.1.0 in a throwaway
virtual environment); it imports nothing of Inspector's. The detail is made by bench_rules.py's
generator and written to a Parquet file in a temporary folder (not timed); each engine then
reads it and runs 限性别 (a join and a group), 挂床 (days grouped per stay, then runs of
consecutive days) and 重复开药 (prescriptions grouped, then each against the one before in a
window).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

RULES = ("XB-01", "GC-01", "CK-01")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make(parquet: Path, rows: int) -> None:
    import duckdb
    from bench_rules import make_detail

    con = duckdb.connect()
    make_detail(con, rows)
    con.execute(f"COPY detail TO '{parquet}' (FORMAT parquet)")


def run_duckdb(parquet: Path) -> dict[str, object]:
    from bench_rules import knowledge

    from inspector.rules.engine import RunContext, run_rules
    from inspector.rules.knowledge import load_knowledge
    from inspector.rules.library import load_rule_library
    from inspector.settlement.store import _connect

    con = _connect()
    started = time.perf_counter()
    con.execute(f"CREATE TABLE detail AS SELECT * FROM read_parquet('{parquet}')")
    load_knowledge(con, [knowledge()])
    read = time.perf_counter() - started
    library = load_rule_library()
    rules = [library.rules[code] for code in RULES]
    result = run_rules(con, rules, RunContext(institution_level=1))
    counts = {code: sum(1 for h in result.hits if h.rule_code == code) for code in RULES}
    return {"read": read, "seconds": result.seconds, "hits": counts, "peak_mb": peak_mb()}


def run_polars(parquet: Path) -> dict[str, object]:
    import polars as pl

    started = time.perf_counter()
    d = pl.read_parquet(parquet)
    # bench_rules.knowledge()'s lists, written out (this side imports nothing of Inspector's)
    gender = pl.DataFrame(
        {"code": [f"I{1200 + i:04d}" for i in range(400)], "k_gender": ["女"] * 400}
    )
    drug = pl.DataFrame(
        {"code": [f"I{i:04d}" for i in range(800)], "daily": [1.0 + i % 3 for i in range(800)]}
    )
    basic = ["B1", "B2", "B3"]
    read = time.perf_counter() - started
    seconds: dict[str, float] = {}
    hits: dict[str, int] = {}

    t = time.perf_counter()
    xb = (
        d.join(gender, left_on="item_code", right_on="code")
        .filter(pl.col("gender").is_in(["男", "女"]) & (pl.col("gender") != pl.col("k_gender")))
        .group_by("settlement_no", "item_code")
        .agg(pl.col("person_id").first(), pl.col("row_no").sort(), pl.col("amount_fen").sum())
    )
    seconds["XB-01"], hits["XB-01"] = time.perf_counter() - t, xb.height

    t = time.perf_counter()
    days = (
        d.filter(pl.col("medical_type") == "住院")
        .with_columns(pl.col("charged_at").dt.date().alias("day"))
        .group_by("settlement_no", "day")
        .agg(pl.col("item_code").is_in(basic).all().alias("basic_only"),
             pl.col("row_no"), pl.col("amount_fen").sum())
        .filter(pl.col("basic_only"))
        .sort("settlement_no", "day")
        .with_columns((pl.col("day") - pl.duration(days=pl.col("day").rank("ordinal")
                       .over("settlement_no"))).alias("island"))
        .group_by("settlement_no", "island")
        .agg(pl.len().alias("n"),
             pl.col("row_no").list.explode(keep_nulls=False, empty_as_null=False),
             pl.col("amount_fen").sum())
        .filter(pl.col("n") >= 3)
    )  # fmt: skip
    seconds["GC-01"], hits["GC-01"] = time.perf_counter() - t, days.height

    t = time.perf_counter()
    supplies = (
        d.join(drug, left_on="item_code", right_on="code")
        .filter(pl.col("medical_type") != "住院")
        .group_by("person_id", "settlement_no", "item_code")
        .agg(pl.col("charged_at").min().dt.date().alias("start"),
             (pl.col("quantity").sum() / pl.col("daily").first()).alias("days"),
             pl.col("row_no"), pl.col("amount_fen").sum())
        .sort("person_id", "item_code", "start", "settlement_no")
        .with_columns((pl.col("start") + pl.duration(days=pl.col("days").ceil())).alias("end"))
        .with_columns(pl.col("end").shift(1).over("person_id", "item_code").alias("prev_end"))
        .with_columns((pl.col("prev_end") - pl.col("start")).dt.total_days().alias("overlap"))
        .filter(pl.col("overlap") > 3)
    )  # fmt: skip
    seconds["CK-01"], hits["CK-01"] = time.perf_counter() - t, supplies.height
    return {"read": read, "seconds": seconds, "hits": hits, "peak_mb": peak_mb()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--engine", choices=("duckdb", "polars"))
    parser.add_argument("--parquet")
    parser.add_argument("--polars-python", default=sys.executable)
    args = parser.parse_args()
    if args.engine:
        run = run_duckdb if args.engine == "duckdb" else run_polars
        print(json.dumps(run(Path(args.parquet))))
        return
    with tempfile.TemporaryDirectory() as folder:
        parquet = Path(folder) / "detail.parquet"
        make(parquet, args.rows)
        for engine in ("duckdb", "polars"):
            python = args.polars_python if engine == "polars" else sys.executable
            done = subprocess.run(
                [python, __file__, "--engine", engine, "--parquet", str(parquet)],
                capture_output=True, text=True, check=True,
            )  # fmt: skip
            figures = json.loads(done.stdout.strip().splitlines()[-1])
            rules = "  ".join(
                f"{code} {figures['seconds'][code]:.2f} s ({figures['hits'][code]} hits)"
                for code in RULES
            )
            print(f"{engine:<7} read {figures['read']:.2f} s  {rules}  "
                  f"peak RSS {figures['peak_mb']:.0f} MB")  # fmt: skip


if __name__ == "__main__":
    main()
