"""The 情况报告 over every laptop (inspector/central/reports.py): what ``central report`` and
the office page's download cost the server, over 2,000 signed inspections pushed by 50 laptops.

    .venv/bin/python benchmarks/bench_central_report.py [--inspections 2000] [--laptops 50]
        [--runs 3]

A throwaway PostgreSQL cluster (tests/helpers/central.py, fsync off), the server's schema by
its migrations (service.Central), then the rows written with COPY into ``rows`` as pushes
leave them (not timed) and ANALYZEd: per inspection 20 answers (2 of them findings), 5
evidence rows and 30 audit events (the rows a report does not read, there to be skipped),
the institution (400 in all) and one of 3 checklist snapshots (each about 150 kB of JSON);
a ledger row per finding, a 协议处理 step on one finding in five; 300 cases with 3 steps, 2
measures and a payment each. 12 districts, a year of visits.

Each figure is the median of ``--runs`` calls of the module's own functions, after one
unmeasured warm-up: gathering the rows in scope (PostgreSQL), filling the in-memory SQLite
database, report_figures over it, and writing the workbook and the PDF; for the year and all
districts, one district, and one quarter."""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402
from sqlalchemy import JSON, BigInteger, Boolean, Date, Enum, Integer, LargeBinary  # noqa: E402

from inspector.bundle import rows as bundle_rows  # noqa: E402
from inspector.central.reports import (  # noqa: E402
    Asked,
    gather,
    scratch_workspace,
    write_files,
)
from inspector.central.service import Central  # noqa: E402
from inspector.db.models import UTCDateTime  # noqa: E402
from inspector.ledger.report import report_figures  # noqa: E402
from tests.helpers.central import start_cluster  # noqa: E402

DISTRICTS = [
    "历下区", "市中区", "槐荫区", "天桥区", "历城区", "长清区",
    "章丘区", "济阳区", "莱芜区", "钢城区", "平阴县", "商河县",
]  # fmt: skip
TYPES = ["public_hospital", "private_hospital", "primary_care", "retail_pharmacy", "clinic"]
MODES = ["surprise", "flying", "random", "cross", "follow_up"]
VIOLATIONS = ["VH04", "VP01", None, "VH01", "VH02"]
YEAR = date(2026, 1, 1)


def _id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def row(table: str, /, **given: Any) -> dict[str, Any]:
    """A row of ``name`` as a push carries it: the values given, every other column its
    type's plain value (NULL where it may be)."""
    now = datetime(2026, 6, 1, tzinfo=UTC)
    values: dict[str, Any] = {}
    for column in bundle_rows.table(table).columns:
        if column.name in given:
            values[column.name] = given[column.name]
            continue
        kind = column.type
        if column.nullable and not column.primary_key:
            values[column.name] = None
        elif isinstance(kind, UTCDateTime):
            values[column.name] = now
        elif isinstance(kind, Date):
            values[column.name] = now.date()
        elif isinstance(kind, Boolean):
            values[column.name] = False
        elif isinstance(kind, Integer | BigInteger):
            values[column.name] = 0
        elif isinstance(kind, JSON):
            values[column.name] = []
        elif isinstance(kind, Enum):
            values[column.name] = kind.enums[0]
        elif isinstance(kind, LargeBinary):
            values[column.name] = b""
        else:
            values[column.name] = "x"
    return bundle_rows.encode(table, values)


def fill(url: str, inspections: int, laptops: int) -> dict[str, int]:
    rng = random.Random(20261207)
    devices = [f"laptop-{n:02d}" for n in range(laptops)]
    out: list[tuple[Any, ...]] = []
    counts: dict[str, int] = {}

    def add(name: str, data: dict[str, Any], inspection: str | None, device: str) -> None:
        key = json.dumps([data[k] for k in bundle_rows.primary_key(name)], ensure_ascii=False)
        out.append((name, key, inspection, json.dumps(data, ensure_ascii=False), device))
        counts[name] = counts.get(name, 0) + 1

    snapshots = []
    for n in range(3):
        sha = f"{n:064x}"
        items = [
            {"code": f"P{i}", "title": "检查项目" * 20, "text": "说明" * 60} for i in range(400)
        ]
        add("checklist_snapshots", row("checklist_snapshots", sha256=sha, data={"items": items}),
            None, devices[0])  # fmt: skip
        snapshots.append(sha)
    institutions = []
    for n in range(400):
        district = DISTRICTS[n % len(DISTRICTS)]
        data = row(
            "institutions",
            id=_id(rng),
            name=f"{district}第{n}医疗机构",
            district=district,
            type_code=TYPES[n % len(TYPES)],
        )
        add("institutions", data, None, devices[n % laptops])
        institutions.append(data)
    entries = []
    for n in range(inspections):
        device = devices[n % laptops]
        place = institutions[rng.randrange(len(institutions))]
        inspection = _id(rng)
        ended = datetime.combine(YEAR, datetime.min.time(), UTC) + timedelta(
            seconds=rng.randrange(360 * 86400)
        )
        add("inspections", row(
            "inspections", id=inspection, institution_id=place["id"], mode=rng.choice(MODES),
            district=place["district"], status="signed", snapshot_sha256=rng.choice(snapshots),
            started_at=(ended - timedelta(hours=3)).isoformat(), ended_at=ended.isoformat(),
            device_id=device, change_device_id=device, change_seq=n,
        ), inspection, device)  # fmt: skip
        for i in range(20):
            answer = _id(rng)
            problem = i < 2
            add("answers", row(
                "answers", id=answer, inspection_id=inspection, item_code=f"P{i}",
                result="problem" if problem else "ok", note="发现的问题" * 5,
            ), inspection, device)  # fmt: skip
            if problem:
                entry = row(
                    "ledger_entries", id=_id(rng), answer_id=answer, inspection_id=inspection,
                    institution_id=place["id"], institution_name=place["name"],
                    type_code=place["type_code"], district=place["district"], mode="surprise",
                    found_on=ended.date().isoformat(), item_code=f"P{i}", item_title="问题" * 8,
                    violation_code=rng.choice(VIOLATIONS), amount_fen=rng.randrange(1, 10**7),
                    status=rng.choice(["pending", "in_progress", "rectified", "transferred"]),
                    recovered_fen=rng.randrange(0, 10**5),
                )  # fmt: skip
                add("ledger_entries", entry, inspection, device)
                entries.append((entry, device))
                if rng.random() < 0.2:
                    add("case_actions", row(
                        "case_actions", id=_id(rng), entry_id=entry["id"], kind="agreement",
                        on_date=entry["found_on"], receiving_body="市医保局", document_no="协-1",
                    ), inspection, device)  # fmt: skip
        for _ in range(5):
            sha = f"{rng.getrandbits(256):064x}"
            add("evidence", row("evidence", id=_id(rng), inspection_id=inspection, sha256=sha),
                inspection, device)  # fmt: skip
        for seq in range(30):
            add("audit_events", row(
                "audit_events", id=_id(rng), device_id=device, seq=n * 30 + seq,
                inspection_id=inspection, action="answer.save", body="x" * 200,
            ), inspection, device)  # fmt: skip
    for _ in range(300):
        entry, device = entries[rng.randrange(len(entries))]
        case = _id(rng)
        add("cases", row(
            "cases", id=case, institution_id=entry["institution_id"],
            party_name=entry["institution_name"], party_kind="org",
            inspection_id=entry["inspection_id"], visit_on=entry["found_on"],
            entry_ids=[entry["id"]], stage="decided", opened_on=entry["found_on"],
            decided_on=entry["found_on"],
        ), None, device)  # fmt: skip
        for kind in ("file", "investigate", "decide"):
            add("case_steps", row("case_steps", id=_id(rng), case_id=case, kind=kind,
                                  on_date=entry["found_on"]), None, device)  # fmt: skip
        refund = _id(rng)
        add("case_measures", row("case_measures", id=refund, case_id=case, kind="refund",
                                 amount_fen=entry["amount_fen"], on_date=entry["found_on"]),
            None, device)  # fmt: skip
        add("case_measures", row("case_measures", id=_id(rng), case_id=case, kind="fine",
                                 amount_fen=2 * entry["amount_fen"], on_date=entry["found_on"]),
            None, device)  # fmt: skip
        add("case_payments", row("case_payments", id=_id(rng), case_id=case, measure_id=refund,
                                 amount_fen=entry["amount_fen"], on_date=entry["found_on"]),
            None, device)  # fmt: skip
    with psycopg.connect(url) as connection:
        with (
            connection.cursor() as cursor,
            cursor.copy(
                "COPY rows (table_name, row_key, inspection_id, data, change_device_id, "
                "bundle_id, deleted) FROM STDIN"
            ) as copy,
        ):
            for name, key, inspection, data, device in out:
                copy.write_row((name, key, inspection, data, device, "bench", False))
        connection.execute("ANALYZE rows")
    return counts


def timed(call: Callable[[], Any], runs: int) -> tuple[float, Any]:
    call()  # warm-up
    times, result = [], None
    for _ in range(runs):
        begun = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - begun)
    return statistics.median(times), result


def measure(central: Central, asked: Asked, runs: int, folder: Path) -> dict[str, Any]:
    def gathered() -> Any:
        with central.engine.connect() as c, c.begin():
            return gather(c, asked)

    gather_s, tables = timed(gathered, runs)

    fills, figured, figures = [], [], None
    for _ in range(runs + 1):  # the first is the warm-up
        begun = time.perf_counter()
        with scratch_workspace(tables) as ws:
            middle = time.perf_counter()
            figures = report_figures(ws, asked.since, asked.until, asked.district)
            figured.append(time.perf_counter() - middle)
        fills.append(middle - begun)
    assert figures is not None
    fill_s, figures_s = statistics.median(fills[1:]), statistics.median(figured[1:])
    xlsx_s, _ = timed(
        lambda: write_files(figures, "济南市医疗保障局", xlsx=folder / "r.xlsx"), runs
    )
    pdf_s, _ = timed(lambda: write_files(figures, "济南市医疗保障局", pdf=folder / "r.pdf"), runs)
    return {
        "rows": sum(len(held) for held in tables.values()),
        "inspections": figures.inspections,
        "findings": figures.findings,
        "cases": figures.case_count,
        "gather": gather_s,
        "fill": fill_s,
        "figures": figures_s,
        "xlsx": xlsx_s,
        "pdf": pdf_s,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--inspections", type=int, default=2000)
    parser.add_argument("--laptops", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    started = start_cluster()
    if started is None:
        sys.exit("PostgreSQL is not installed")
    cluster, stop = started
    try:
        url = cluster.create_database()
        with tempfile.TemporaryDirectory() as folder:
            central = Central(url, Path(folder) / "store")
            try:
                begun = time.perf_counter()
                counts = fill(url, args.inspections, args.laptops)
                print(
                    f"rows on the server: {sum(counts.values()):,} "
                    f"({', '.join(f'{k} {v:,}' for k, v in sorted(counts.items()))}); "
                    f"written in {time.perf_counter() - begun:.1f} s"
                )
                print(
                    "| report | rows loaded | inspections | findings | cases | gather (PG) "
                    "| fill (SQLite) | report_figures | total | xlsx | pdf |"
                )
                print(
                    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
                )
                for label, asked in (
                    ("a year, all districts", Asked(YEAR, date(2026, 12, 31))),
                    ("a year, one district", Asked(YEAR, date(2026, 12, 31), "历城区")),
                    ("a quarter, all districts", Asked(date(2026, 4, 1), date(2026, 6, 30))),
                ):
                    m = measure(central, asked, args.runs, Path(folder))
                    total = m["gather"] + m["fill"] + m["figures"]
                    print(
                        f"| {label} | {m['rows']:,} | {m['inspections']:,} | {m['findings']:,} "
                        f"| {m['cases']} | {m['gather']:.2f} s | {m['fill']:.2f} s "
                        f"| {m['figures']:.2f} s | {total:.2f} s | {m['xlsx']:.2f} s "
                        f"| {m['pdf']:.2f} s |"
                    )
            finally:
                central.close()
    finally:
        stop()


if __name__ == "__main__":
    main()
