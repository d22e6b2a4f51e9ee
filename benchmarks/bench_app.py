"""Desktop app speed. Prints figures; run:

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_app.py [--keep DIR] [--packaged]
    xvfb-run -a env QT_QPA_PLATFORM=xcb .venv/bin/python benchmarks/bench_app.py   # a real X

1. Start-up against a bare PySide6 window in the same run, each a whole process (interpreter
   start included), alternately, median of 5: from just before the process is started to the
   first paint of the window (targets: first paint <= 1.5x the bare window's), to the home list
   filled with the newest inspections and painted (<= 3x; read before the core is in, see
   ui/app.py early_list), to the core loaded and the workspace attached, and to the
   process's exit after the smoke test opened the newest checklist too. The child is told the
   start time (INSPECTOR_T0) and prints its figures; the bare window is timed the same way.
   With --packaged, the same for the PyInstaller build in dist/inspector (scripts/build.sh)
   against the bare window packaged alike (built once into build/bench-bare).
2. With 5,000 inspections and 500,000 answers: the home list opens and filters (target < 100 ms),
   an inspection's checklist opens (target < 100 ms). Median of 7 in-process runs each.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

INSPECTIONS = 5_000
ANSWERS_PER_INSPECTION = 100
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

# The bare window, timed as the app times its own first paint (ui/app.py, FirstPaint): at the
# event loop's turn after the window's first paint event.
BARE = """
import os, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget
origin = float(os.environ["INSPECTOR_T0"])
app = QApplication([])
window = QMainWindow()
window.setCentralWidget(QWidget())
window.resize(1280, 720)


def done():
    print(f"first paint {(time.time() - origin) * 1000:.0f} ms", flush=True)
    app.quit()


class Paint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, done)
        return False


watcher = Paint()
window.centralWidget().installEventFilter(watcher)
window.show()
app.exec()
"""
FIGURE = re.compile(r"(first paint|list filled|core loaded|checklist opened) (\d+) ms")


def median_ms(action: Callable[[], object], runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def timed_process(command: list[str]) -> dict[str, float]:
    """Run a child told its start time; its printed figures (ms) and its exit ("exit")."""
    environment = dict(os.environ)
    start = time.time()
    environment["INSPECTOR_T0"] = repr(start)
    done = subprocess.run(command, capture_output=True, cwd=ROOT, env=environment, text=True)
    ended = (time.time() - start) * 1000
    if done.returncode != 0:
        raise SystemExit(f"{command[1]} failed: {done.stderr.strip()}")
    figures = {name: float(ms) for name, ms in FIGURE.findall(done.stdout)}
    figures["exit"] = ended
    return figures


def start_up(
    home: Path, bare_command: list[str], app_command: list[str], runs: int = 5
) -> tuple[list[dict[str, float]], list[dict[str, float]]]:
    """Bare window and app alternately, so that load on the machine falls on both alike."""
    bare: list[dict[str, float]] = []
    app: list[dict[str, float]] = []
    # Warm: the files in the page cache, and the list's names kept by a session before (an
    # earlier start writes them, as any start after the first finds them).
    timed_process(bare_command)
    timed_process(app_command)
    for _ in range(runs):
        bare.append(timed_process(bare_command))
        app.append(timed_process(app_command))
    return bare, app


PACKAGED_APP = ROOT / "dist" / "inspector" / "inspector"  # scripts/build.sh makes it
PACKAGED_BARE = ROOT / "build" / "bench-bare"


def packaged_bare() -> Path:
    """The bare window packaged as the app is (PyInstaller, one folder), built once: the
    bootloader's unpacking and its importer then fall on both sides of the ratio."""
    program = PACKAGED_BARE / "dist" / "bare" / "bare"
    if not program.exists():
        PACKAGED_BARE.mkdir(parents=True, exist_ok=True)
        script = PACKAGED_BARE / "bare.py"
        script.write_text(BARE, encoding="utf-8")
        pyinstaller = Path(sys.executable).with_name("pyinstaller")
        subprocess.run(
            [
                str(pyinstaller),
                "--noconfirm",
                "--log-level",
                "WARN",
                "--onedir",
                "--distpath",
                str(PACKAGED_BARE / "dist"),
                "--workpath",
                str(PACKAGED_BARE / "work"),
                "--specpath",
                str(PACKAGED_BARE),
                str(script),
            ],
            check=True,
        )
    return program


def report(label: str, bare: list[dict[str, float]], app: list[dict[str, float]]) -> None:
    bare_paint = median_of(bare, "first paint")
    paint = median_of(app, "first paint")
    filled = median_of(app, "list filled")
    print(
        f"{label}start-up, whole processes, median of 5 "
        "(each run: bare / app first paint / list filled / core loaded):"
    )
    for one, other in zip(bare, app, strict=True):
        print(
            f"  {one['first paint']:.0f} / {other['first paint']:.0f} / "
            f"{other['list filled']:.0f} / {other['core loaded']:.0f} ms"
        )
    print(f"{label}bare PySide6 window, start to first paint: {bare_paint:.0f} ms")
    print(
        f"{label}Inspector, start to first paint (frame, menus, the list's placeholder): "
        f"{paint:.0f} ms = {paint / bare_paint:.2f}x bare (target <= 1.5x)"
    )
    print(
        f"{label}Inspector, start to the home list filled ({INSPECTIONS:,} inspections): "
        f"{filled:.0f} ms = {filled / bare_paint:.2f}x bare (target <= 3x)"
    )
    loaded = median_of(app, "core loaded")
    print(
        f"{label}Inspector, start to the core loaded and the workspace attached (what opening "
        f"an inspection or any change waits for): {loaded:.0f} ms = {loaded / bare_paint:.2f}x"
        " bare"
    )
    print(
        f"{label}Inspector, start to the newest inspection's checklist opened (as a restart "
        f"reopens the last one): {median_of(app, 'checklist opened'):.0f} ms"
    )
    print(
        f"{label}process start to exit: bare {median_of(bare, 'exit'):.0f} ms, Inspector smoke "
        f"test (home, then the newest checklist opened) {median_of(app, 'exit'):.0f} ms"
    )


def median_of(runs: list[dict[str, float]], name: str) -> float:
    return statistics.median(run[name] for run in runs)


def load_text() -> str:
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


def populate(home: Path) -> None:
    """5,000 inspections with 100 answers each, written in bulk (the core makes one real
    inspection per checklist kind; the rest are rows copied from it with new ids)."""
    from sqlalchemy import text

    from inspector.inspections import TeamMember, create_inspection, get_inspection
    from inspector.workspace import Workspace

    rng = random.Random(20261122)
    with Workspace.open(home) as ws:
        team = [
            TeamMember("张伟", "370100001", "历下区"),
            TeamMember("李娜", "370100002", "市中区"),
        ]
        kinds = [
            (
                "public_hospital",
                [
                    "fields_2023",
                    "drug_purchasing",
                    "claim_review",
                    "cross_region",
                    "key_drugs_2023",
                ],
            ),
            ("primary_care", []),
            ("private_hospital", ["fields_2023"]),
            ("retail_pharmacy", []),
        ]
        templates = []
        for type_code, focus in kinds:
            first = create_inspection(
                ws,
                institution=f"模板{type_code}",
                type_code=type_code,
                mode="surprise",
                district="历下区",
                team=team,
                focus=focus,
            )
            templates.append(get_inspection(ws, first))
        now = datetime.now(UTC)
        institutions, inspections, members, answers = [], [], [], []
        for number in range(800):
            institutions.append(
                {
                    "id": str(uuid.uuid4()),
                    "name": f"{rng.choice(DISTRICTS)}第{number}医疗机构",
                    "type": templates[number % 4].institution_type,
                    "district": DISTRICTS[number % len(DISTRICTS)],
                }
            )
        people = ws.db.engine.connect()
        leader_id = people.execute(text("select id from inspectors limit 1")).scalar()
        people.close()
        for number in range(INSPECTIONS - len(templates)):
            place = institutions[number % len(institutions)]
            template = templates[number % 4]
            inspection_id = str(uuid.uuid4())
            created = now - timedelta(hours=number * 3)
            inspections.append(
                {
                    "id": inspection_id,
                    "device": "bench",
                    "created": created.replace(tzinfo=None),
                    "institution": place["id"],
                    "mode": "surprise",
                    "status": rng.choice(["draft", "in_progress", "awaiting_signatures", "signed"]),
                    "district": place["district"],
                    "sha": _snapshot_sha(ws, template.id),
                    "items": len(template.checklist.items),
                }
            )
            members.append({"inspection": inspection_id, "inspector": leader_id})
            codes = [item.code for item in template.checklist.items]
            codes += [f"X.{n}" for n in range(ANSWERS_PER_INSPECTION - len(codes))]
            for code in codes:
                result = rng.choices(["ok", "problem", "na", "unchecked"], [70, 10, 10, 10])[0]
                answers.append(
                    {
                        "id": str(uuid.uuid4()),
                        "inspection": inspection_id,
                        "code": code,
                        "result": result,
                        "note": "现场核对一致" if result == "ok" else "",
                        "amount": rng.randint(100, 10_000_00) if result == "problem" else None,
                        "created": created.replace(tzinfo=None),
                    }
                )
        with ws.db.engine.begin() as connection:
            connection.execute(
                text(
                    "insert into institutions (id, device_id, created_at, updated_at, name,"
                    " type_code, district) values (:id, 'bench', :now, :now, :name, :type,"
                    " :district)"
                ),
                [{**row, "now": now.replace(tzinfo=None)} for row in institutions],
            )
            connection.execute(
                text(
                    "insert into inspections (id, device_id, created_at, updated_at,"
                    " institution_id, mode, status, district, focus, snapshot_sha256,"
                    " item_count) values (:id, :device, :created, :created, :institution,"
                    " :mode, :status, :district, '[]', :sha, :items)"
                ),
                # A signed inspection takes no more answers (triggers of migration 0005):
                # inserted awaiting signatures, signed once its answers are in.
                [
                    {**row, "status": "awaiting_signatures"} if row["status"] == "signed" else row
                    for row in inspections
                ],
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
                    " item_code, result, note, amount_fen) values (:id, 'bench', :created,"
                    " :created, :inspection, :code, :result, :note, :amount)"
                ),
                answers,
            )
            connection.execute(
                text("update inspections set status = 'signed' where id = :id"),
                [{"id": row["id"]} for row in inspections if row["status"] == "signed"],
            )
        with ws.db.engine.connect() as connection:
            connection.exec_driver_sql("ANALYZE")


def _snapshot_sha(ws: object, inspection_id: str) -> str:
    from sqlalchemy import text

    with ws.db.engine.connect() as connection:  # type: ignore[attr-defined]
        return connection.execute(
            text("select snapshot_sha256 from inspections where id = :id"), {"id": inspection_id}
        ).scalar_one()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keep", help="populate (or reuse) this data directory")
    parser.add_argument(
        "--packaged",
        action="store_true",
        help="also the PyInstaller build (dist/inspector) against a bare window packaged alike",
    )
    args = parser.parse_args()
    home = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="inspector-bench-"))

    if not (home / "inspector.sqlite3").exists():
        start = time.perf_counter()
        populate(home)
        print(
            f"populated {INSPECTIONS} inspections, {INSPECTIONS * ANSWERS_PER_INSPECTION:,} "
            f"answers in {time.perf_counter() - start:.1f} s "
            f"({(home / 'inspector.sqlite3').stat().st_size / 1e6:.0f} MB)"
        )

    platform = os.environ.get("QT_QPA_PLATFORM", "")
    print(f"{os.cpu_count()} cores; Qt platform {platform}; load average " + load_text())
    bare_command = [sys.executable, "-c", BARE]
    app_command = [sys.executable, "main.py", "--smoke-test", "--home", str(home)]
    report("", *start_up(home, bare_command, app_command))
    if args.packaged:
        if not PACKAGED_APP.exists():
            raise SystemExit(f"{PACKAGED_APP} is missing: build it first (bash scripts/build.sh)")
        bare_command = [str(packaged_bare())]
        app_command = [str(PACKAGED_APP), "--smoke-test", "--home", str(home)]
        print("load average " + load_text())
        report("[packaged] ", *start_up(home, bare_command, app_command))
    print("load average after: " + load_text())

    from PySide6.QtWidgets import QApplication

    from inspector.db.models import InspectionStatus
    from inspector.inspections import count_inspections
    from inspector.workspace import Workspace
    from ui.autosave import AutoSaver
    from ui.checklist_page import ChecklistPage
    from ui.home import HomePage
    from ui.ops import ops

    qt = QApplication.instance() or QApplication([])

    def shown(action: Callable[[], object]) -> Callable[[], None]:
        """``action``, timed until what it read on the database executor is on the screen."""

        def run() -> None:
            action()
            while True:
                ops().flush()
                QApplication.processEvents()  # the results, shown; they may ask for more
                if not ops().executor.pending:
                    return

        return run

    with Workspace.open(home) as ws:
        assert count_inspections(ws) == INSPECTIONS
        opened = median_ms(shown(lambda: HomePage(ws).deleteLater()))
        page = HomePage(ws)
        shown(lambda: None)()
        print(f"home list opens: {opened:.1f} ms (target < 100)")

        def search(text: str) -> Callable[[], None]:
            def run() -> None:
                page.search.setText(text)
                page.apply_filters()

            return shown(run)

        print(
            f"filter by name (search '第12'): {median_ms(search('第12')):.1f} ms "
            f"→ {page.model.total} rows"
        )
        shown(lambda: page.search.setText(""))()

        def by_status() -> None:
            page.status.setCurrentIndex(page.status.findData(InspectionStatus.SIGNED))
            page.status.setCurrentIndex(0)

        print(f"filter by status and back: {median_ms(shown(by_status)) / 2:.1f} ms per filter")
        shown(lambda: page.district.setCurrentIndex(page.district.findData("历城区")))()
        print(
            f"filter by district: {median_ms(shown(page.apply_filters)):.1f} ms"
            f" → {page.model.total} rows"
        )
        shown(lambda: page.district.setCurrentIndex(0))()
        scroll = median_ms(
            shown(lambda: page.model.fetchMore(page.model.index(0, 0).parent())), runs=5
        )
        print(f"next page of 200 while scrolling: {scroll:.1f} ms")

        saver = AutoSaver()
        checklist = ChecklistPage(ws, saver)
        target = page.model.rows[3].id
        # Until it is on the screen: read on the database executor, then shown.
        opening = median_ms(shown(lambda: checklist.load(target)))
        print(f"open an inspection's checklist: {opening:.1f} ms (target < 100)")
        saver.close()
    del qt


if __name__ == "__main__":
    main()
