"""The UI's path to the database, timed as the app runs it (not inline): an answer saved by the
autosaver, photos taken in and a record built by the task runner, an inspection's checklist
opened, each until its outcome is back on the UI thread. Where the work runs is what changes
between versions (the pool beside the executor before, the one database thread now); the core
functions are the same as bench_unit_of_work.py's.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_threads.py [--answers 200]
        [--photos 40] [--code /path/to/other/checkout] [--json]

Run it alternately against two checkouts on the same machine and compare medians; say the load.
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
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent.parent


def run(code: Path, answers: int, photos: int) -> dict[str, Any]:
    sys.path.insert(0, str(code))
    sys.path.insert(0, str(code / "benchmarks"))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    inspections = importlib.import_module("inspector.inspections")
    intake = importlib.import_module("inspector.evidence.intake")
    build = importlib.import_module("inspector.record.build")
    workspace_module = importlib.import_module("inspector.workspace")
    autosave = importlib.import_module("ui.autosave")
    tasks = importlib.import_module("ui.tasks")
    checklist_page = importlib.import_module("ui.checklist_page")
    ops = importlib.import_module("ui.ops").ops
    photos_of = importlib.import_module("bench_unit_of_work")._photos

    app = QApplication.instance() or QApplication([])
    loop = QEventLoop()

    def until(done: Callable[[], bool]) -> None:
        while not done():
            loop.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)

    def shown() -> None:
        """Until every read on the executor is back and shown (they may ask for more)."""
        while True:
            ops().flush()
            QApplication.processEvents()
            if not ops().executor.pending:
                return

    member = inspections.TeamMember
    team = [member("张伟", "370100001"), member("李娜", "370100002")]
    results: dict[str, Any] = {"code": str(code)}
    with tempfile.TemporaryDirectory(prefix="bench-threads-") as scratch:
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

            saver = autosave.AutoSaver()
            saved: list[str] = []
            saver.saved.connect(lambda key, _when: saved.append(key))
            times = []
            for number in range(answers):
                item = codes[number % len(codes)]
                result = cycle[number % len(cycle)]
                note = f"第 {number} 次" if result == "problem" else ""
                key = f"answer:{number}"
                start = time.perf_counter()
                saver.submit(
                    key,
                    lambda i=item, r=result, n=note: inspections.save_answer(
                        ws, inspection_id, i, r, note=n
                    ),
                )
                until(lambda k=key: bool(saved) and saved[-1] == k)
                times.append(time.perf_counter() - start)
            times.sort()
            results["answer_ms_median"] = round(statistics.median(times) * 1000, 2)
            results["answer_ms_p90"] = round(times[int(len(times) * 0.9)] * 1000, 2)

            runner = tasks.TaskRunner()

            def task(work: Callable[[Any], Any]) -> float:
                ended: list[bool] = []
                start = time.perf_counter()
                made = runner.run(work)
                made.signals.finished.connect(lambda: ended.append(True))
                until(lambda: bool(ended))
                return time.perf_counter() - start

            folder = root / "photos"
            folder.mkdir()
            files = photos_of(folder, photos, HERE)
            seconds = task(lambda reporter: intake.add_evidence(ws, inspection_id, files))
            results["intake_photos_per_s"] = round(photos / seconds, 1)

            page = checklist_page.ChecklistPage(ws, saver)
            opening = []
            for _ in range(7):
                start = time.perf_counter()
                page.load(inspection_id)
                shown()
                opening.append(time.perf_counter() - start)
            results["checklist_open_ms"] = round(statistics.median(opening) * 1000, 1)
            page.deleteLater()

            inspections.finish_inspection(ws, inspection_id)
            results["record_s"] = round(
                task(lambda reporter: build.build_record(ws, inspection_id, None, reporter)), 2
            )
            saver.close()
        finally:
            ws.close()
    shutil.rmtree(root, ignore_errors=True)
    results["load"] = os.getloadavg()[0]
    del app
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--code", type=Path, default=HERE, help="the checkout to measure")
    parser.add_argument("--answers", type=int, default=200)
    parser.add_argument("--photos", type=int, default=40)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    figures = run(args.code.resolve(), args.answers, args.photos)
    if args.json:
        print(json.dumps(figures, ensure_ascii=False))
        return
    print(f"code: {figures['code']}")
    print(
        f"answer (saved, back on the UI thread): median {figures['answer_ms_median']} ms, "
        f"90th percentile {figures['answer_ms_p90']} ms"
    )
    print(f"intake (a task): {figures['intake_photos_per_s']} photos/s")
    print(f"checklist opened (read and shown): {figures['checklist_open_ms']} ms")
    print(f"record (a task): {figures['record_s']} s")
    print(f"load average (1 min): {figures['load']:.2f}")


if __name__ == "__main__":
    main()
