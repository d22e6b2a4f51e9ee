"""What encryption at rest costs: each piece of work on a plain and on an encrypted
data directory in the same run, alternating, through the same core functions.

    .venv/bin/python benchmarks/bench_encryption.py [--only unlock,answer,intake,record,home]

- unlock: deriving the keys from the passphrase (Argon2id, 64 MiB, 3 passes, 4 lanes) and
  opening the workspace (median of 7);
- answer: one committed answer (``save_answer``), median and 90th percentile of 200;
- intake: ``add_evidence`` of 100 phone photos (8-12 MP, benchmarks/bench_intake.py);
- record: build + two signatures of the record of 150 items and 100 photos
  (benchmarks/bench_record.py's inspection), median of 2 per mode;
- home: the home list over 5,000 inspections opens, and filters by name
  (benchmarks/bench_app.py's data), median of 7.

Target: each encrypted figure at most 1.25x the plain one; unlock under 0.5 s. Say the load.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from inspector.crypto.home import create_encrypted, unlock  # noqa: E402
from inspector.crypto.vault import Keys  # noqa: E402
from inspector.workspace import Workspace  # noqa: E402

HOLDER = "370100001"
PASSPHRASE = "bench passphrase 1234"
MODES = ("plain", "encrypted")
KEYS: dict[Path, Keys] = {}

# The other benchmarks open ``Workspace.open(home)``; here an encrypted home gets its keys.
_open = Workspace.open.__func__  # type: ignore[attr-defined]


def _open_with_keys(cls: type[Workspace], home: Any = None, keys: Keys | None = None) -> Any:
    if keys is None and home is not None:
        keys = KEYS.get(Path(home).resolve())
    return _open(cls, home, keys)


Workspace.open = classmethod(_open_with_keys)  # type: ignore[method-assign,assignment]


def fresh(root: Path, mode: str) -> Path:
    home = root / mode
    if mode == "encrypted":
        KEYS[home.resolve()] = create_encrypted(home, HOLDER, PASSPHRASE)
    return home


def copy_home(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    if source.resolve() in KEYS:
        KEYS[target.resolve()] = KEYS[source.resolve()]
    return target


def ratio(figures: dict[str, float]) -> str:
    plain, encrypted = figures["plain"], figures["encrypted"]
    verdict = "ok" if encrypted <= 1.25 * plain else "OVER 1.25x"
    return f"{encrypted / plain:.2f}x ({verdict})"


def median_ms(action: Callable[[], object], runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def bench_unlock(root: Path) -> None:
    home = fresh(root / "unlock", "encrypted")
    Workspace.open(home).close()
    derive = median_ms(lambda: unlock(home, HOLDER, PASSPHRASE))

    def open_close() -> None:
        Workspace.open(home, unlock(home, HOLDER, PASSPHRASE)).close()

    plain = fresh(root / "unlock", "plain")
    Workspace.open(plain).close()
    both = median_ms(open_close)
    bare = median_ms(lambda: Workspace.open(plain).close())
    print(
        f"unlock: keys from the passphrase {derive:.0f} ms; passphrase to an open workspace "
        f"{both:.0f} ms (a plain workspace opens in {bare:.0f} ms) — target < 500 ms"
    )


def bench_answer(root: Path, count: int = 300) -> None:
    """Both workspaces open side by side, the saves interleaved (plain, encrypted, encrypted,
    plain, ...): a change in the machine's load falls on both alike."""
    from inspector.inspections import TeamMember, create_inspection, get_inspection, save_answer

    spaces: dict[str, tuple[Workspace, str, list[str]]] = {}
    for mode in MODES:
        ws = Workspace.open(fresh(root / "answer", mode))
        inspection_id = create_inspection(
            ws,
            institution="某社区卫生服务中心",
            type_code="primary_care",
            mode="surprise",
            district="历城区",
            team=[TeamMember("张伟", HOLDER), TeamMember("李娜", "370100002")],
        )
        codes = [item.code for item in get_inspection(ws, inspection_id).checklist.items]
        spaces[mode] = (ws, inspection_id, codes)
    times: dict[str, list[float]] = {mode: [] for mode in MODES}
    try:
        for number in range(count):
            for mode in MODES if number % 2 == 0 else MODES[::-1]:
                ws, inspection_id, codes = spaces[mode]
                code = codes[number % len(codes)]
                start = time.perf_counter()
                save_answer(ws, inspection_id, code, ("ok", "problem", "na")[number % 3],
                            note=f"第 {number} 次")  # fmt: skip
                times[mode].append((time.perf_counter() - start) * 1000)
    finally:
        for ws, _id, _codes in spaces.values():
            ws.close()
    figures = {mode: statistics.median(values) for mode, values in times.items()}
    p90 = {mode: statistics.quantiles(values, n=10)[-1] for mode, values in times.items()}
    print(
        f"answer commit, median of {count} interleaved: plain {figures['plain']:.2f} ms "
        f"(p90 {p90['plain']:.2f}), encrypted {figures['encrypted']:.2f} ms "
        f"(p90 {p90['encrypted']:.2f}) = {ratio(figures)}"
    )


def bench_intake(root: Path, photos: list[Path], rounds: int = 3) -> None:
    from inspector.evidence.intake import add_evidence
    from inspector.inspections import TeamMember, create_inspection

    runs: dict[str, list[float]] = {mode: [] for mode in MODES}
    cpu: dict[str, list[float]] = {mode: [] for mode in MODES}
    for round_ in range(rounds):
        # Alternating, the order swapped each round: neither mode always runs on a warm cache.
        for mode in MODES if round_ % 2 == 0 else MODES[::-1]:
            home = fresh(root / "intake" / str(round_), mode)
            with Workspace.open(home) as ws:
                inspection_id = create_inspection(
                    ws,
                    institution="某社区卫生服务中心",
                    type_code="primary_care",
                    mode="surprise",
                    district="历城区",
                    team=[TeamMember("张伟", HOLDER)],
                )
                start, cpu_start = time.perf_counter(), time.process_time()
                results = add_evidence(ws, inspection_id, photos, added_by=HOLDER)
                runs[mode].append(time.perf_counter() - start)
                cpu[mode].append(time.process_time() - cpu_start)
                assert all(r.ok for r in results), [r.error for r in results if not r.ok][:3]
            shutil.rmtree(home)
    figures = {mode: statistics.median(values) for mode, values in runs.items()}
    shown = {mode: ", ".join(f"{v:.2f}" for v in values) for mode, values in runs.items()}
    used = {mode: statistics.median(values) for mode, values in cpu.items()}
    print(
        f"intake of {len(photos)} photos, median of {rounds}: plain {figures['plain']:.2f} s "
        f"({shown['plain']}), encrypted {figures['encrypted']:.2f} s ({shown['encrypted']}) "
        f"= {ratio(figures)}; CPU seconds (all threads, less moved by others' load): plain "
        f"{used['plain']:.2f}, encrypted {used['encrypted']:.2f}"
    )


def bench_record(root: Path, photos: Path) -> None:
    import contextlib
    import io
    import json

    import bench_record

    prepared: dict[str, tuple[Path, dict[str, str]]] = {}
    for mode in MODES:
        home = fresh(root / "record", mode)
        prepared[mode] = (home, bench_record.prepare(home, photos))
    runs: dict[str, list[float]] = {mode: [] for mode in MODES}
    for run in range(2):
        for mode in MODES:
            template, ids = prepared[mode]
            home = copy_home(template, root / "record" / f"{mode}-{run}")
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                bench_record.timed(home, ids)
            runs[mode].append(json.loads(out.getvalue().strip().splitlines()[-1])["total"])
    figures = {mode: statistics.median(values) for mode, values in runs.items()}
    print(
        f"record build + 2 signatures ({bench_record.ITEMS} items, {bench_record.PHOTOS} photos): "
        f"plain {figures['plain']:.2f} s {runs['plain']}, encrypted {figures['encrypted']:.2f} s "
        f"{runs['encrypted']} = {ratio(figures)}"
    )


def bench_home(root: Path) -> None:
    import bench_app
    from PySide6.QtWidgets import QApplication

    from ui.home import HomePage

    qt = QApplication.instance() or QApplication([])
    opened: dict[str, float] = {}
    searched: dict[str, float] = {}
    for mode in MODES:
        home = fresh(root / "home", mode)
        start = time.perf_counter()
        bench_app.populate(home)
        print(f"  populated {mode} in {time.perf_counter() - start:.0f} s")
    for mode in MODES:
        with Workspace.open(root / "home" / mode) as ws:
            opened[mode] = median_ms(lambda ws=ws: HomePage(ws).deleteLater())
            page = HomePage(ws)

            def search(page: HomePage = page) -> None:
                page.search.setText("第12")
                page.apply_filters()
                page.search.setText("")
                page.apply_filters()

            searched[mode] = median_ms(search) / 2
            page.deleteLater()
    print(
        f"home list of {bench_app.INSPECTIONS:,} inspections opens: plain {opened['plain']:.1f} ms,"
        f" encrypted {opened['encrypted']:.1f} ms = {ratio(opened)}; filter by name: plain "
        f"{searched['plain']:.1f} ms, encrypted {searched['encrypted']:.1f} ms = {ratio(searched)}"
    )
    del qt


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", default="unlock,answer,intake,record,home")
    parser.add_argument("--photos", type=int, default=100)
    args = parser.parse_args()
    parts = set(args.only.split(","))
    root = Path(tempfile.mkdtemp(prefix="inspector-encryption-bench-"))
    print(f"{os.cpu_count()} cores; load average " + ", ".join(f"{v:.2f}" for v in os.getloadavg()))
    try:
        if "unlock" in parts:
            bench_unlock(root)
        if "answer" in parts:
            bench_answer(root)
        if parts & {"intake", "record"}:
            from bench_intake import make_photos

            folder = root / "photos"
            folder.mkdir()
            photos = make_photos(folder, args.photos)
            if "intake" in parts:
                bench_intake(root, photos)
            if "record" in parts:
                bench_record(root, folder)
        if "home" in parts:
            bench_home(root)
    finally:
        print("load average after: " + ", ".join(f"{v:.2f}" for v in os.getloadavg()))
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
