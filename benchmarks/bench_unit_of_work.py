"""What the audited unit of work costs: an answer saved, a batch of photos taken in,
a record built, each through the same core functions the app and the command line call.

    .venv/bin/python benchmarks/bench_unit_of_work.py [--answers 300] [--photos 40] [--json]
    # against another checkout (e.g. code from before the unit of work), same figures:
    .venv/bin/python benchmarks/bench_unit_of_work.py --code /path/to/other/checkout

Each figure is measured in a fresh data directory in this process:

- answer: one committed answer (``save_answer``; earlier: ``record_answer``), median and 90th
  percentile over N saves, cycling through items and results as a team does;
- intake: photos/s for ``add_evidence`` of N photos from tests/data/photos (copies, each made
  distinct so that every hash is new);
- record: seconds to build the record of an inspection with those photos (``build_record``).

Run it alternately against two checkouts on the same machine and compare medians: absolute
figures move with load, so say the load (``uptime``) with them.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent.parent


def _photos(folder: Path, count: int, source_root: Path) -> list[Path]:
    """``count`` distinct JPEGs: the test photos with a few bytes appended (a JPEG reader stops
    at its end marker, so the picture is the same and the hash is new)."""
    sources = sorted(
        p
        for p in (source_root / "tests" / "data" / "photos").rglob("*.jpg")
        if "invalid" not in p.parts
    )
    made = []
    for number in range(count):
        source = sources[number % len(sources)]
        target = folder / f"{number:04d}_{source.name}"
        target.write_bytes(source.read_bytes() + f"bench-{number}".encode())
        made.append(target)
    return made


def run(code: Path, answers: int, photos: int) -> dict[str, Any]:
    sys.path.insert(0, str(code))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    inspections = importlib.import_module("inspector.inspections")
    intake = importlib.import_module("inspector.evidence.intake")
    workspace_module = importlib.import_module("inspector.workspace")
    try:
        build_module = importlib.import_module("inspector.record.build")
    except ImportError:  # code before the record was split: one module
        build_module = importlib.import_module("inspector.record.pdf")
    save = getattr(inspections, "save_answer", None) or inspections.record_answer
    member = inspections.TeamMember
    team = [member("张伟", "370100001"), member("李娜", "370100002")]
    results: dict[str, Any] = {"code": str(code)}
    with tempfile.TemporaryDirectory(prefix="bench-uow-") as scratch:
        root = Path(scratch)
        ws = workspace_module.Workspace.open(root / "home")
        try:
            inspection_id = inspections.create_inspection(
                ws,
                institution="某社区卫生服务中心",
                type_code="primary_care",
                mode="surprise",
                district="历城区",
                team=team,
            )
            view = inspections.get_inspection(ws, inspection_id)
            codes = [item.code for item in view.checklist.items][:40]
            cycle = ["ok", "na", "problem", "ok"]
            times = []
            for number in range(answers):
                code_ = codes[number % len(codes)]
                result = cycle[number % len(cycle)]
                note = f"第 {number} 次" if result == "problem" else ""
                start = time.perf_counter()
                save(ws, inspection_id, code_, result, note=note)
                times.append(time.perf_counter() - start)
            times.sort()
            results["answer_ms_median"] = round(statistics.median(times) * 1000, 2)
            results["answer_ms_p90"] = round(times[int(len(times) * 0.9)] * 1000, 2)

            folder = root / "photos"
            folder.mkdir()
            files = _photos(folder, photos, HERE)
            start = time.perf_counter()
            intake.add_evidence(ws, inspection_id, files)
            seconds = time.perf_counter() - start
            results["intake_photos_per_s"] = round(photos / seconds, 1)

            inspections.finish_inspection(ws, inspection_id)
            start = time.perf_counter()
            build_module.build_record(ws, inspection_id)
            results["record_s"] = round(time.perf_counter() - start, 2)
        finally:
            ws.close()
    shutil.rmtree(root, ignore_errors=True)
    results["load"] = os.getloadavg()[0]
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--code", type=Path, default=HERE, help="the checkout to measure")
    parser.add_argument("--answers", type=int, default=300)
    parser.add_argument("--photos", type=int, default=40)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    figures = run(args.code.resolve(), args.answers, args.photos)
    if args.json:
        print(json.dumps(figures, ensure_ascii=False))
        return
    print(f"code: {figures['code']}")
    print(
        f"answer: median {figures['answer_ms_median']} ms, "
        f"90th percentile {figures['answer_ms_p90']} ms"
    )
    print(f"intake: {figures['intake_photos_per_s']} photos/s")
    print(f"record: {figures['record_s']} s")
    print(f"load average (1 min): {figures['load']:.2f}")


if __name__ == "__main__":
    main()
