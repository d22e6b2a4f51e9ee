"""The signed record. Prints figures; run:

    .venv/bin/python benchmarks/bench_record.py

A record of 150 checklist items and 100 phone photos (8-12 MP, print-size copies made at
intake), with handwritten signatures, is built and then signed twice (inspector, then leader)
with trial keys. Targets: at most 3 s; at most 1.5x a bare reportlab document that places the
same image files by path, made in the same run; the PDF under 25 MB; peak memory under 400 MB.
The timed work runs in a fresh child process so that its peak memory is its own.
"""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

ITEMS = 150
PHOTOS = 100
PASSPHRASE = "bench-passphrase-1"
STROKES = [[[0, 0], [20, 30], [40, 0], [60, 30]], [[5, 40], [55, 40]]]


def prepare(home: Path, photos: Path) -> dict[str, str]:
    """Not timed: an inspection with 150 answered items, 100 photos taken in, signatures."""
    from bench_intake import make_photos

    from inspector.checklists.composer import Checklist, ComposedSection, compose
    from inspector.db.models import Inspection
    from inspector.evidence.intake import add_evidence
    from inspector.inspections import (
        TeamMember,
        _snapshot,
        create_inspection,
        finish_inspection,
        record_answer,
    )
    from inspector.record.content import add_signature, set_statement
    from inspector.signing.keystore import KeyStore
    from inspector.workspace import Workspace

    photos.mkdir(parents=True, exist_ok=True)
    make_photos(photos, PHOTOS)
    with Workspace.open(home) as ws:
        team = [TeamMember("张伟", "370100001"), TeamMember("李娜", "370100002")]
        inspection_id = create_inspection(
            ws,
            institution="某三级医院",
            type_code="public_hospital",
            mode="surprise",
            district="历下区",
            team=team,
            leader="370100002",
            focus=["fields_2023", "drug_purchasing", "claim_review", "cross_region"],
        )
        # Our checklists have about 60 items; repeat its sections (new codes) up to 150.
        base = compose(
            ws.library,
            "public_hospital",
            "surprise",
            ["fields_2023", "drug_purchasing", "claim_review", "cross_region"],
        )
        sections, count, round_ = [], 0, 0
        while count < ITEMS:
            for section in base.sections:
                items = []
                for item in section.items:
                    if count == ITEMS:
                        break
                    code = item.code if round_ == 0 else f"Z{round_}.{count}"
                    items.append(item.__class__(**{**item.__dict__, "code": code}))
                    count += 1
                if items:
                    sections.append(
                        ComposedSection(
                            section.code, section.title, section.title_en, section.point, items
                        )
                    )
            round_ += 1
        big = Checklist(**{**base.__dict__, "sections": sections})
        with ws.db.session() as session:
            inspection = session.get(Inspection, inspection_id)
            assert inspection is not None
            inspection.snapshot = _snapshot(session, big)
            inspection.item_count = ITEMS
        for number, item in enumerate(big.items):
            if number % 7 == 0:
                record_answer(
                    ws,
                    inspection_id,
                    item.code,
                    "problem",
                    note="病历与收费明细不符，详见证据照片",
                    amount="1234.56",
                    violation=item.violations[0],
                )
            else:
                record_answer(ws, inspection_id, item.code, "ok", note="现场核对一致")
        results = add_evidence(
            ws, inspection_id, sorted(photos.glob("*.jpg")), item_code=big.items[0].code
        )
        assert all(r.ok for r in results), [r.error for r in results if not r.ok]
        set_statement(ws, inspection_id, "无异议。", "王某", "院长")
        for member in team:
            add_signature(
                ws, inspection_id, "inspector", member.name, STROKES, cert_no=member.cert_no
            )
        add_signature(ws, inspection_id, "party", "王某", STROKES)
        finish_inspection(ws, inspection_id)
        store = KeyStore(ws.home)
        keys = {
            m.cert_no: store.self_signed_for_trials(m.name, m.cert_no, PASSPHRASE).key_id
            for m in team
        }
    return {"inspection": inspection_id, **keys}


def timed(home: Path, ids: dict[str, str]) -> None:
    """In a child process: build and sign; print the figures as JSON."""
    from inspector.record.build import build_record
    from inspector.record.signing import sign_record
    from inspector.workspace import Workspace

    with Workspace.open(home) as ws:
        start = time.perf_counter()
        build_record(ws, ids["inspection"])
        built = time.perf_counter()
        sign_record(ws, ids["inspection"], ids["370100001"], PASSPHRASE)
        final = sign_record(ws, ids["inspection"], ids["370100002"], PASSPHRASE)
        done = time.perf_counter()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "build": built - start,
                "sign": done - built,
                "total": done - start,
                "size": final.path.stat().st_size,
                "peak_mb": peak_mb,
                "path": str(final.path),
            }
        )
    )


def bare(home: Path, out: Path) -> None:
    """In a child process: the same print copies placed by path, nothing else."""
    from PIL import Image as PILImage
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import Image, SimpleDocTemplate

    from inspector.inspections import get_inspection, search_inspections
    from inspector.workspace import Workspace

    rl_config.useA85 = 0
    with Workspace.open(home) as ws:
        (row,) = search_inspections(ws)
        prints = [
            ws.store.path_for(e.print_sha256, ".jpg")
            for e in get_inspection(ws, row.id).evidence
            if e.print_sha256
        ]
    start = time.perf_counter()
    flowables = []
    for path in prints:
        with PILImage.open(path) as header:
            w, h = header.size
        scale = min(120 * mm / w, 95 * mm / h)
        flowables.append(Image(str(path), width=w * scale, height=h * scale))
    SimpleDocTemplate(str(out), pagesize=A4).build(flowables)
    print(
        json.dumps(
            {
                "total": time.perf_counter() - start,
                "images": len(prints),
                "size": out.stat().st_size,
            }
        )
    )


def child(mode: str, home: Path, extra: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, mode, str(home), extra],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] in ("timed", "bare"):
        home = Path(sys.argv[2])
        if sys.argv[1] == "timed":
            timed(home, json.loads(sys.argv[3]))
        else:
            bare(home, Path(sys.argv[3]))
        return
    scratch = Path(tempfile.mkdtemp(prefix="inspector-record-bench-"))
    start = time.perf_counter()
    template = scratch / "template"
    ids = prepare(template, scratch / "photos")
    print(
        f"prepared {ITEMS} items, {PHOTOS} photos of 8-12 MP in {time.perf_counter() - start:.1f} s"
    )
    runs, baselines = [], []
    for run in range(3):
        home = scratch / f"run{run}"
        subprocess.run(["cp", "-a", str(template), str(home)], check=True)
        runs.append(child("timed", home, json.dumps(ids)))
        baselines.append(child("bare", home, str(scratch / f"bare{run}.pdf")))
    total = statistics.median(r["total"] for r in runs)
    base = statistics.median(b["total"] for b in baselines)
    print(
        f"build the record: {statistics.median(r['build'] for r in runs):.2f} s; "
        f"two signatures: {statistics.median(r['sign'] for r in runs):.2f} s"
    )
    print(f"build + sign: {total:.2f} s (target <= 3 s)")
    print(
        f"bare reportlab, the same {baselines[0]['images']:.0f} print copies by path: "
        f"{base:.2f} s -> {total / base:.2f}x (target <= 1.5x)"
    )
    print(
        f"signed PDF: {runs[0]['size'] / 1e6:.1f} MB (target < 25 MB); "
        f"bare: {baselines[0]['size'] / 1e6:.1f} MB"
    )
    print(
        f"peak memory of the build-and-sign process: "
        f"{max(r['peak_mb'] for r in runs):.0f} MB (target < 400 MB)"
    )


if __name__ == "__main__":
    main()
