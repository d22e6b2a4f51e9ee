"""The problem ledger and the 情况报告 at scale. Prints figures; run:

    .venv/bin/python benchmarks/bench_ledger.py [--keep DIR]

5,000 signed inspections with 4 findings each (20,000) over two years, 800 institutions in 12
districts: the inspections and answers are written in bulk (as bench_app.py does); the ledger
rows are then entered by the core's own catch-up (``enter_signed``: one audited change), and
statuses, recovered amounts, deadlines and case steps are spread over the rows in bulk.

1. Ledger filter: one page (200 rows) and the totals, as the 台账 screen and ``ledger list``
   ask, for no filter, a district, a status, a text search, a type and period, the deadlines
   due. Target < 100 ms. Median of 7 runs each.
2. Report: the figures of a year, for all districts and for one; the workbook with charts and
   the PDF with charts. Target < 3 s. Median of 3.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

INSPECTIONS = 5_000
FINDINGS_PER_INSPECTION = 4
DISTRICTS = [
    "历下区",
    "市中区",
    "槐荫区",
    "天桥区",
    "历城区",
    "长清区",
    "章丘区",
    "济阳区",
    "莱芜区",
    "钢城区",
    "平阴县",
    "商河县",
]
MODES = ["surprise", "flying", "random", "cross", "third_party"]


def median_ms(action: Callable[[], object], runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def populate(home: Path) -> float:
    """Returns the seconds the core took to enter the 20,000 findings in the ledger."""
    from sqlalchemy import text

    from inspector.inspections import TeamMember, create_inspection, get_inspection
    from inspector.ledger.entries import enter_signed
    from inspector.workspace import Workspace

    rng = random.Random(20261203)
    with Workspace.open(home) as ws:
        team = [TeamMember("张伟", "370100001"), TeamMember("李娜", "370100002")]
        templates = []
        for type_code in ("public_hospital", "primary_care", "private_hospital", "retail_pharmacy"):
            first = create_inspection(
                ws,
                institution=f"模板{type_code}",
                type_code=type_code,
                mode="surprise",
                district="历下区",
                team=team,
            )
            view = get_inspection(ws, first)
            with ws.db.engine.connect() as connection:
                sha = connection.execute(
                    text("select snapshot_sha256 from inspections where id = :id"), {"id": first}
                ).scalar_one()
            problems = [item for item in view.checklist.items if item.violations]
            templates.append((view.institution_type, sha, len(view.checklist.items), problems))
        with ws.db.engine.connect() as connection:
            leader = connection.execute(text("select id from inspectors limit 1")).scalar()
        now = datetime.now(UTC).replace(tzinfo=None)
        institutions = [
            {
                "id": str(uuid.uuid4()),
                "name": f"{DISTRICTS[n % 12]}第{n}医疗机构",
                "type": templates[n % 4][0],
                "district": DISTRICTS[n % 12],
            }
            for n in range(800)
        ]
        inspections, members, answers = [], [], []
        for number in range(INSPECTIONS):
            place = institutions[number % len(institutions)]
            type_code, sha, items, problems = templates[number % 4]
            ended = now - timedelta(minutes=rng.randint(0, 730 * 24 * 60))
            inspection_id = str(uuid.uuid4())
            inspections.append(
                {
                    "id": inspection_id,
                    "created": ended - timedelta(hours=3),
                    "ended": ended,
                    "institution": place["id"],
                    "mode": MODES[number % len(MODES)],
                    "district": place["district"],
                    "sha": sha,
                    "items": items,
                }
            )
            members.append({"inspection": inspection_id, "inspector": leader})
            for item in rng.sample(problems, FINDINGS_PER_INSPECTION):
                answers.append(
                    {
                        "id": str(uuid.uuid4()),
                        "inspection": inspection_id,
                        "code": item.code,
                        "note": "现场发现",
                        "amount": rng.randint(100, 5_000_000),
                        "violation": rng.choice(item.violations),
                        "created": ended,
                    }
                )
        with ws.db.engine.begin() as connection:
            connection.execute(
                text(
                    "insert into institutions (id, device_id, created_at, updated_at, name,"
                    " type_code, district) values (:id, 'bench', :now, :now, :name, :type,"
                    " :district)"
                ),
                [{**row, "now": now} for row in institutions],
            )
            connection.execute(
                text(
                    "insert into inspections (id, device_id, created_at, updated_at,"
                    " institution_id, mode, status, district, focus, snapshot_sha256,"
                    " item_count, started_at, ended_at) values (:id, 'bench', :created,"
                    " :created, :institution, :mode, 'awaiting_signatures', :district, '[]',"
                    " :sha, :items, :created, :ended)"
                ),
                inspections,
            )
            connection.execute(
                text(
                    "insert into inspection_members (inspection_id, inspector_id, role,"
                    " position) values (:inspection, :inspector, 'leader', 0)"
                ),
                members,
            )
            connection.execute(
                text(
                    "insert into answers (id, device_id, created_at, updated_at, inspection_id,"
                    " item_code, result, note, amount_fen, violation_code) values (:id, 'bench',"
                    " :created, :created, :inspection, :code, 'problem', :note, :amount,"
                    " :violation)"
                ),
                answers,
            )
            connection.execute(
                text("update inspections set status = 'signed' where device_id = 'bench'")
            )
        start = time.perf_counter()
        entered = enter_signed(ws)
        enter_seconds = time.perf_counter() - start
        assert entered == INSPECTIONS * FINDINGS_PER_INSPECTION, entered
        # Where the rows stand a while after the visits (bulk, for the benchmark only).
        with ws.db.engine.begin() as connection:
            rows = connection.execute(
                text("select id, amount_fen, found_on from ledger_entries")
            ).all()
            updates, steps = [], []
            today = date.today()
            for row_id, amount, _found in rows:
                status = rng.choices(
                    ["pending", "in_progress", "rectified", "transferred"], [30, 30, 35, 5]
                )[0]
                deadline = (
                    today + timedelta(days=rng.randint(-60, 60)) if rng.random() < 0.5 else None
                )
                recovered = rng.randint(0, amount) if status != "pending" else 0
                updates.append(
                    {"id": row_id, "status": status, "recovered": recovered, "deadline": deadline}
                )
                if status == "transferred" or rng.random() < 0.1:
                    steps.append(
                        {
                            "id": str(uuid.uuid4()),
                            "entry": row_id,
                            "now": now,
                            "kind": "police"
                            if status == "transferred"
                            else rng.choice(["agreement", "penalty"]),
                            "day": today - timedelta(days=rng.randint(0, 300)),
                        }
                    )
            connection.execute(
                text(
                    "update ledger_entries set status = :status, recovered_fen = :recovered,"
                    " deadline = :deadline where id = :id"
                ),
                updates,
            )
            connection.execute(
                text(
                    "insert into case_actions (id, device_id, created_at, updated_at, entry_id,"
                    " kind, on_date, receiving_body, document_no) values (:id, 'bench', :now,"
                    " :now, :entry, :kind, :day, '某单位', '某文号')"
                ),
                steps,
            )
        with ws.db.engine.connect() as connection:
            connection.exec_driver_sql("ANALYZE")
    return enter_seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keep", type=Path, help="build the data here and keep it")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-ledger-"))
    try:
        run(folder)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


def run(folder: Path) -> None:
    home = folder / "home"
    started = time.perf_counter()
    enter_seconds = populate(home)
    print(
        f"data: {INSPECTIONS:,} signed inspections, "
        f"{INSPECTIONS * FINDINGS_PER_INSPECTION:,} findings "
        f"(built in {time.perf_counter() - started:.1f} s; the core entered the ledger rows "
        f"in {enter_seconds:.2f} s)"
    )

    from inspector.ledger.entries import LedgerFilter, ledger_totals, search_entries
    from inspector.ledger.report import report_figures, write_pdf, write_workbook
    from inspector.workspace import Workspace

    today = date.today()
    with Workspace.open(home) as ws:
        cases = {
            "no filter": LedgerFilter(),
            "district": LedgerFilter(district="历城区"),
            "status 整改中": LedgerFilter(status="in_progress"),
            "search 医疗机构第12": LedgerFilter(text="第12"),
            "type + last quarter": LedgerFilter(
                type_code="retail_pharmacy", since=today - timedelta(days=91), until=today
            ),
            "due within 7 days": LedgerFilter(due_by=today + timedelta(days=7)),
        }
        from inspector.ledger.entries import missing_entries

        ms = median_ms(lambda: missing_entries(ws))
        print(f"check for findings not yet in the ledger (each ledger list/open): {ms:.1f} ms")
        print("ledger filter (a page of 200 rows + totals), median of 7, target < 100 ms:")
        for name, filters in cases.items():

            def page(filters: LedgerFilter = filters) -> None:
                search_entries(ws, filters, limit=200)
                ledger_totals(ws, filters)

            count = ledger_totals(ws, filters).count
            print(f"  {name:<22} {median_ms(page):7.1f} ms   ({count:,} rows match)")
        since = today - timedelta(days=365)
        print("report (one year), median of 3, target < 3 s:")
        for scope in (None, "历城区"):
            ms = median_ms(lambda scope=scope: report_figures(ws, since, today, scope), runs=3)
            figures = report_figures(ws, since, today, scope)
            print(
                f"  figures, {scope or '全部区县':<6} {ms:7.1f} ms   ({figures.inspections:,} "
                f"inspections, {figures.findings:,} findings)"
            )
        figures = report_figures(ws, since, today)
        out = folder / "报告"
        ms = median_ms(lambda: write_workbook(figures, out.with_suffix(".xlsx")), runs=3)
        print(f"  workbook with charts  {ms:7.1f} ms")
        ms = median_ms(lambda: write_pdf(figures, out.with_suffix(".pdf")), runs=3)
        print(f"  PDF with charts       {ms:7.1f} ms")

        def whole() -> None:
            done = report_figures(ws, since, today)
            write_workbook(done, out.with_suffix(".xlsx"))
            write_pdf(done, out.with_suffix(".pdf"))

        print(f"  figures + both files  {median_ms(whole, runs=3):7.1f} ms")


if __name__ == "__main__":
    main()
