"""The office list at 1,000,000 inspections: what one view of GET /office costs the database
(the page of 50 with its total, and the filter values), for the bureau's user (every district)
and a district's user, unfiltered, with each filter, and 2,000 pages deep.

    .venv/bin/python benchmarks/bench_central_list.py [--inspections 1000000] [--runs 5]
        [--keep-db URL]

A throwaway PostgreSQL cluster (tests/helpers/central.py, fsync off), the server's schema by
its migrations (service.Central), then the inspections written with COPY (not timed) and
ANALYZEd: 12 districts of 济南, 15% of them inspected by another district's team, 4
statuses, 7 modes, 6 institution types, three years of start times (0.5% without one).
Each figure is the median of ``--runs`` calls of the service's own functions
(Central.list_inspections, Central.filter_values), each after one unmeasured warm-up.
Target: under 200 ms per page and filter on the 2-core machine.

The same script runs on a server without keyset paging (list_inspections without ``after``):
the deep page is then read with OFFSET, as that server's page links did."""

from __future__ import annotations

import argparse
import inspect
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402
from sqlalchemy import text  # noqa: E402

from inspector.central.service import Central  # noqa: E402
from tests.helpers.central import start_cluster  # noqa: E402

DISTRICTS = [
    "历下区", "市中区", "槐荫区", "天桥区", "历城区", "长清区",
    "章丘区", "济阳区", "莱芜区", "钢城区", "平阴县", "商河县",
]  # fmt: skip
TYPES = ["hospital", "clinic", "pharmacy", "township", "private", "dental"]
MODES = ["surprise", "covert", "flying", "cross", "random", "third_party", "follow_up"]
STATUSES = ["draft", "in_progress", "awaiting_signatures", "signed"]
PAGE = 50


def fill(url: str, count: int) -> None:
    rng = random.Random(20261207)
    now = datetime(2026, 12, 1, tzinfo=UTC)
    columns = (
        "id, institution, district, team_district, type, mode, status, record_no, started_at, "
        "device_id, pushed_at"
    )
    with psycopg.connect(url) as connection:
        with (
            connection.cursor() as cursor,
            cursor.copy(f"COPY inspections ({columns}) FROM STDIN") as copy,
        ):
            for n in range(count):
                district = rng.choice(DISTRICTS)
                team = district if rng.random() < 0.85 else rng.choice(DISTRICTS)
                started = (
                    None
                    if rng.random() < 0.005
                    else now - timedelta(seconds=rng.randrange(3 * 365 * 86400))
                )
                status = rng.choices(STATUSES, weights=(2, 3, 1, 14))[0]
                copy.write_row(
                    (
                        str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                        f"{district}第{n % 997}医院",
                        district,
                        team,
                        rng.choice(TYPES),
                        rng.choice(MODES),
                        status,
                        f"济医保检〔2026〕{n}号" if status == "signed" else None,
                        started,
                        "d" * 64,
                        now,
                    )
                )
        connection.commit()
        connection.autocommit = True
        connection.execute("VACUUM ANALYZE inspections")


def timed(call: Callable[[], Any], runs: int) -> tuple[float, Any]:
    result = call()  # warm-up
    times = []
    for _ in range(runs):
        begun = time.perf_counter()
        result = call()
        times.append((time.perf_counter() - begun) * 1000)
    return statistics.median(times), result


def explain(central: Central, call: Callable[[], Any]) -> None:
    """EXPLAIN (ANALYZE, BUFFERS) of every statement ``call`` sends."""
    from sqlalchemy import event

    sent: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        sent.append((statement, parameters))

    event.listen(central.engine, "before_cursor_execute", record)
    try:
        call()
    finally:
        event.remove(central.engine, "before_cursor_execute", record)
    with central.engine.connect() as c:
        raw = c.connection.driver_connection
        assert raw is not None
        for statement, parameters in sent:
            with raw.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + statement, parameters)
                print("\n" + " ".join(statement.split())[:300])
                print("\n".join(row[0] for row in cursor.fetchall()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--inspections", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--deep", type=int, default=2000, help="the deep page's number")
    parser.add_argument(
        "--explain", action="store_true", help="print the plans of a bureau's and a district's page"
    )
    args = parser.parse_args()

    started = start_cluster()
    if started is None:
        sys.exit("PostgreSQL is not installed")
    cluster, stop = started
    try:
        url = cluster.create_database()
        with tempfile.TemporaryDirectory() as store:
            central = Central(url, Path(store))
            begun = time.perf_counter()
            fill(url, args.inspections)
            print(f"{args.inspections:,} inspections written (COPY, VACUUM ANALYZE) in "
                  f"{time.perf_counter() - begun:.0f} s")  # fmt: skip
            with central.engine.connect() as c:
                sizes = c.execute(
                    text("SELECT pg_relation_size('inspections'), pg_indexes_size('inspections')")
                ).one()
            print(f"inspections: table {sizes[0] >> 20} MiB, its indexes {sizes[1] >> 20} MiB")
            keyset = "after" in inspect.signature(central.list_inspections).parameters
            print(f"paging: {'keyset (after the last row)' if keyset else 'OFFSET'}")
            print(f"{'view':44} {'list ms':>8} {'values ms':>10} {'total ms':>9} {'rows':>9}")
            cases: list[tuple[str, dict[str, Any]]] = [
                ("bureau, page 1", {}),
                ("bureau, district=历城区", {"district": "历城区"}),
                ("bureau, type=pharmacy", {"type_code": "pharmacy"}),
                ("bureau, mode=flying", {"mode": "flying"}),
                ("bureau, status=awaiting_signatures", {"status": "awaiting_signatures"}),
                ("bureau, since..until one month", {"since": "2025-03-01", "until": "2025-03-31"}),
                (
                    "bureau, status+mode+district",
                    {"status": "signed", "mode": "cross", "district": "章丘区"},
                ),
                ("district user 历城区, page 1", {"area": "历城区"}),
                ("district user 历城区, status=draft", {"area": "历城区", "status": "draft"}),
                ("district user 历城区, type=dental", {"area": "历城区", "type_code": "dental"}),
            ]
            worst = 0.0
            for name, filters in cases:
                area = filters.get("area")
                listed, (total, _items) = timed(
                    lambda f=filters: central.list_inspections(limit=PAGE, **f), args.runs
                )
                values, _ = timed(lambda a=area: central.filter_values(a), args.runs)
                worst = max(worst, listed + values)
                print(f"{name:44} {listed:8.1f} {values:10.1f} {listed + values:9.1f} {total:9,}")
            for name, filters in (("bureau", {}), ("district user 历城区", {"area": "历城区"})):
                total, _items = central.list_inspections(limit=PAGE, **filters)
                deep = min(args.deep, -(-total // PAGE))  # a district has fewer pages
                label = f"{name}, page {deep:,}"
                if keyset:
                    # the page links carry the last row's key: walk there once, then time the
                    # page read from the key the page before gave
                    key = None
                    for _ in range(deep - 1):
                        _total, items = central.list_inspections(limit=PAGE, after=key, **filters)
                        key = central.page_key(items[-1])
                    listed, _ = timed(
                        lambda f=filters, k=key: central.list_inspections(limit=PAGE, after=k, **f),
                        args.runs,
                    )
                else:
                    offset = (deep - 1) * PAGE
                    listed, _ = timed(
                        lambda f=filters, o=offset: central.list_inspections(
                            limit=PAGE, offset=o, **f
                        ),
                        args.runs,
                    )
                seen = filters.get("area")
                values, _ = timed(lambda a=seen: central.filter_values(a), 3)
                worst = max(worst, listed + values)
                print(f"{label:44} {listed:8.1f} {values:10.1f} {listed + values:9.1f}")
            print(f"slowest view: {worst:.1f} ms (target < 200 ms)")
            if args.explain:
                for filters in ({}, {"area": "历城区"}):
                    explain(central, lambda f=filters: central.list_inspections(limit=PAGE, **f))
            central.close()
    finally:
        stop()


if __name__ == "__main__":
    main()
