"""The central service: push against bundle export + a plain HTTPS upload, a resumed
push after a kill at 50%, 50 laptops pushing at once, and the office list at 100,000
inspections. Everything on loopback, on a throwaway PostgreSQL cluster, the server over HTTPS
with a test CA, as the tests run it.

    .venv/bin/python benchmarks/bench_central.py [--inspections 20] [--photos 500] [--clients 50]

Photos are phone-size (8-12 MP) as bench_bundle.py makes them (not timed), taken into the
inspections of a fresh data directory (not timed). Then, in the same run:

- export: ``export_bundle`` of everything to a file (E);
- plain upload: that file's bytes in one HTTPS PUT to a minimal receiver that writes and
  fsyncs them (U, benchmarks/plain_upload.py);
- push: ``sync push`` of everything to an empty server: the manifest (made as the export makes
  it, the files read from the stores, no bundle file), every member
  in acknowledged chunks of up to 8 MiB, each signed and fsynced, the commit's verify and merge (P).
  Target: P <= 1.5 x (E + U);
- resume: a push to a second empty server killed (SIGKILL) when the server holds 50% of the
  bytes, then pushed again: the bytes sent a second time. Target: at most 5% of the total;
- 50 laptops at once: each its own data directory with one inspection and 4 photos, enrolled,
  all pushing at the same moment (threads): errors, duplicates, commit latency p50/p95;
- the office list: 100,000 inspections in the server's table, the page (GET /office, the first
  50 and the filter values) and a filtered page, median of 5, target under 200 ms.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import signal
import sqlite3
import ssl
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_bundle import make_photos, setup  # noqa: E402

from inspector.bundle import export_bundle  # noqa: E402
from inspector.central.client import enroll, push  # noqa: E402
from inspector.central.office import Office  # noqa: E402
from inspector.central.service import Central  # noqa: E402
from inspector.evidence.intake import add_evidence  # noqa: E402
from inspector.inspections import TeamMember, create_inspection  # noqa: E402
from inspector.workspace import Workspace  # noqa: E402
from tests.helpers.central import Server, free_port, make_tls, start_cluster, wait_for_port  # noqa: E402

SMALL = sorted((ROOT / "tests" / "data" / "photos" / "gps").glob("*.jpg"))


def held(server: Server) -> int:
    return sum(
        p.stat().st_size
        for folder in ("files", "uploads")
        for p in (server.store / folder).rglob("*")
        if p.is_file()
    )


def laptop(template: Path, where: Path, device: str) -> Path:
    shutil.copytree(template, where)
    connection = sqlite3.connect(where / "inspector.sqlite3")
    connection.execute("update settings set value = ? where key = 'device_id'", (device,))
    connection.commit()
    connection.close()
    return where


def plain_upload(bundle: Path, tls_ca: Path, work: Path) -> float:
    port = free_port()
    folder = work / "plain"
    folder.mkdir()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "plain_upload:app",
            "--port",
            str(port),
            "--ssl-certfile",
            str(work / "tls" / "server.pem"),
            "--ssl-keyfile",
            str(work / "tls" / "server-key.pem"),
            "--log-level",
            "warning",
        ],
        cwd=ROOT / "benchmarks",
        env={**os.environ, "UPLOAD_DIR": str(folder)},
    )
    try:
        wait_for_port(port, process)
        context = ssl.create_default_context(cafile=str(tls_ca))
        connection = http.client.HTTPSConnection("127.0.0.1", port, context=context)
        size = bundle.stat().st_size
        start = time.perf_counter()
        with bundle.open("rb") as body:
            connection.request("PUT", "/upload", body=body, headers={"Content-Length": str(size)})
            answer = json.loads(connection.getresponse().read())
        elapsed = time.perf_counter() - start
        assert answer["size"] == size
        connection.close()
        return elapsed
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--inspections", type=int, default=20)
    parser.add_argument("--photos", type=int, default=500)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--office-rows", type=int, default=100_000)
    parser.add_argument("--photo-dir", help="keep the made photos here between runs")
    args = parser.parse_args()
    started = start_cluster()
    if started is None:
        sys.exit("PostgreSQL is not installed (scripts/setup.sh dev installs it)")
    cluster, stop = started
    work = Path(tempfile.mkdtemp(prefix="bench-central-"))
    servers: list[Server] = []
    try:
        (work / "tls").mkdir()
        tls = make_tls(work / "tls")
        photos_dir = Path(args.photo_dir) if args.photo_dir else work / "photos"
        photos_dir.mkdir(parents=True, exist_ok=True)
        photos = make_photos(photos_dir, args.photos)
        template = work / "template"
        Workspace.open(template).close()
        home = laptop(template, work / "laptop", "bench-laptop")
        t = time.perf_counter()
        setup(home, photos, args.inspections)
        print(
            f"setup: {args.inspections} inspections, {len(photos)} photos "
            f"({time.perf_counter() - t:.0f} s, not timed)"
        )

        def server() -> Server:
            running = Server(cluster, tls, work / f"store-{len(servers)}")
            servers.append(running)
            running.start()
            return running

        # --- export + plain upload against push -----------------------------------------
        with Workspace.open(home) as ws:
            t = time.perf_counter()
            exported = export_bundle(ws, work / "export.zip")
            export_s = time.perf_counter() - t
        size = exported.size
        upload_s = plain_upload(work / "export.zip", tls.ca, work)
        (work / "export.zip").unlink()
        shutil.rmtree(work / "plain")
        print(
            f"export: {export_s:.2f} s ({size / 1e6:.0f} MB); plain HTTPS upload: {upload_s:.2f} s"
        )
        first = server()
        with Workspace.open(home) as ws:
            enroll(ws, first.url, first.code(), tls.ca)
            t = time.perf_counter()
            result = push(ws)
            push_s = time.perf_counter() - t
        ratio = push_s / (export_s + upload_s)
        print(
            f"push: {push_s:.2f} s, sent {result.sent_bytes / 1e6:.0f} MB, commit "
            f"{result.commit_seconds:.2f} s; push / (export + upload) = {ratio:.2f}x "
            f"(target <= 1.5x)"
        )
        first.kill()

        # --- resume after a kill at 50% ---------------------------------------------------
        second = server()
        other = laptop(home, work / "laptop-resume", "bench-laptop")  # the same data
        with Workspace.open(other) as ws:
            enroll(ws, second.url, second.code(), tls.ca)
        pushing = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "sync", "push", "--home", str(other)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        while held(second) < size // 2 and pushing.poll() is None:
            time.sleep(0.02)
        pushing.send_signal(signal.SIGKILL)
        pushing.wait()
        acknowledged = held(second)
        with Workspace.open(other) as ws:
            resumed = push(ws)
        again = resumed.sent_bytes - (size - acknowledged)
        print(
            f"resume: killed at {acknowledged / size:.0%} held; the resumed push sent "
            f"{resumed.sent_bytes / 1e6:.0f} MB, of which {max(again, 0) / 1e6:.1f} MB again "
            f"= {max(again, 0) / size:.2%} of {size / 1e6:.0f} MB (target <= 5%)"
        )
        second.kill()

        # --- 50 laptops at once ----------------------------------------------------------
        crowd_server = server()
        central = Central(crowd_server.db, crowd_server.store)
        homes = []
        for n in range(args.clients):
            where = laptop(template, work / f"client-{n}", f"client-{n:03d}")
            with Workspace.open(where) as ws:
                inspection_id = create_inspection(
                    ws,
                    institution=f"某药店 {n}",
                    type_code="retail_pharmacy",
                    mode="surprise",
                    district=f"区{n % 5}",
                    team=[TeamMember("张伟", f"3701{n:05d}")],
                )
                add_evidence(ws, inspection_id, SMALL[n % 5 : n % 5 + 4])
                enroll(ws, crowd_server.url, central.new_code(f"区{n % 5}"), tls.ca)
            homes.append(where)
        latencies: list[float] = []
        errors: list[str] = []
        gate = threading.Barrier(len(homes))

        def one(where: Path) -> None:
            with Workspace.open(where) as ws:
                gate.wait()
                try:
                    latencies.append(push(ws).commit_seconds)
                except Exception as error:  # counted and printed: the figure is "no error"
                    errors.append(f"{type(error).__name__}: {error}")

        t = time.perf_counter()
        threads = [threading.Thread(target=one, args=(h,)) for h in homes]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=600)
        wall = time.perf_counter() - t
        count = int(crowd_server.sql("select count(*) from inspections").strip())
        dup = crowd_server.sql(
            "select count(*) from (select data->>'id' from rows where table_name = 'evidence' "
            "group by data->>'id' having count(*) > 1) d"
        ).strip()
        ordered = sorted(latencies) or [0.0]
        p95 = ordered[min(len(ordered) - 1, round(0.95 * len(ordered)) - 1)]
        print(
            f"{len(homes)} laptops at once: {wall:.1f} s wall, errors {len(errors)}, "
            f"inspections on the server {count} (expected {len(homes)}), duplicate evidence "
            f"rows {dup}; commit latency p50 {statistics.median(latencies) * 1000:.0f} ms, "
            f"p95 {p95 * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms"
        )
        for error in errors[:5]:
            print("  error:", error)

        # --- the office list at 100,000 inspections -------------------------------------------
        crowd_server.sql(
            "insert into inspections (id, institution, district, team_district, type, mode, "
            "status, record_no, started_at, device_id, pushed_at) "
            "select md5(g::text)::uuid::text, '某机构 ' || g, '区' || (g % 12), null, "
            "(array['primary_care','retail_pharmacy','public_hospital'])[1 + g % 3], "
            "(array['routine','surprise','special','cross'])[1 + g % 4], "
            "(array['draft','in_progress','signed'])[1 + g % 3], 'JC' || g, "
            f"now() - (g || ' minutes')::interval, 'bench', now() "
            f"from generate_series(1, {args.office_rows}) g"
        )
        crowd_server.sql("analyze inspections")
        office = Office(central.engine)
        office.add_user("bench", "bench-password-2026")
        cookie = {"Cookie": f"inspector_office={office.sign_in('bench', 'bench-password-2026')}"}
        context = ssl.create_default_context(cafile=str(tls.ca))
        connection = http.client.HTTPSConnection("127.0.0.1", crowd_server.port, context=context)
        for label, target in (
            ("the first page", "/office"),
            (
                "filtered (district, status, period)",
                "/office?district=%E5%8C%BA3&status=signed&since=2026-01-01",
            ),
        ):
            times = []
            for _ in range(6):
                t = time.perf_counter()
                connection.request("GET", target, headers=cookie)  # signed in
                response = connection.getresponse()
                body = response.read()
                times.append(time.perf_counter() - t)
                assert response.status == 200 and b"<table>" in body
            total = int(crowd_server.sql("select count(*) from inspections").strip())
            print(
                f"office list at {total} inspections, {label}: median "
                f"{statistics.median(times[1:]) * 1000:.0f} ms (target < 200 ms)"
            )
        connection.close()
        central.close()
    finally:
        for running in servers:
            running.kill()
        stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
