"""Export and import of a hand-over bundle against a plain copy of the same bytes.

    .venv/bin/python benchmarks/bench_bundle.py [--inspections 20] [--photos 500] [--keep DIR]

Makes N phone-size photos (8-12 MP, as benchmarks/bench_intake.py makes them; not timed), takes
them into M inspections of a fresh data directory (not timed), then times, in the same run:

- export: ``export_bundle`` of everything (the rows, every original, thumbnail and print copy
  through the evidence store, the manifest and its signature), against a plain copy of the
  same files (each read through the store and written to a folder, each fsynced: what ``cp``
  and a safe removal of the USB stick do);
- import: ``import_bundle`` into a second fresh data directory (verify every hash and chain
  first, stage the files while hashing, rename them into the store, one transaction), against a
  plain copy of the bundle's bytes, as one file and as the member files each fsynced.

Target: each at most 2x its plain copy; memory flat (peak RSS growth printed for
each phase, with the RSS sampled as the files go by).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from PIL import Image, ImageChops  # noqa: E402

from inspector.bundle import export_bundle, import_bundle  # noqa: E402
from inspector.evidence.intake import add_evidence  # noqa: E402
from inspector.evidence.manage import stored_files  # noqa: E402
from inspector.inspections import TeamMember, create_inspection  # noqa: E402
from inspector.workspace import Workspace  # noqa: E402

CHUNK = 1 << 20
SOURCE = ROOT / "tests" / "data" / "photos" / "mobile" / "jolla.jpg"
SIZES = [(3264, 2448), (3648, 2736), (4000, 3000)]  # 8, 10 and 12 MP


def _status(field: str) -> int:
    """A VmXXX figure of this process in KiB (Linux)."""
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def _reset_peak() -> None:
    with open("/proc/self/clear_refs", "w", encoding="ascii") as handle:
        handle.write("5")  # VmHWM back to the current RSS


def _make(job: tuple[int, Path]) -> int:
    """One phone-size photo with sensor-like grain, different from every other (as
    benchmarks/bench_intake.py makes them)."""
    index, folder = job
    size = SIZES[index % len(SIZES)]
    with Image.open(SOURCE) as source:
        image = source.convert("RGB").resize(size, Image.Resampling.BICUBIC)
    grain = Image.effect_noise(size, 10).convert("RGB")
    image = ImageChops.add(image, grain, scale=1.0, offset=-128)
    x, y = (index * 97) % (size[0] - 200), (index * 61) % (size[1] - 200)
    image.paste((index % 256, (index * 7) % 256, (index * 13) % 256), (x, y, x + 96, y + 96))
    path = folder / f"IMG_{index:04d}.jpg"
    image.save(path, quality=92)
    return path.stat().st_size


def make_photos(folder: Path, count: int) -> list[Path]:
    existing = sorted(folder.glob("IMG_*.jpg"))
    if len(existing) == count:
        return existing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(os.cpu_count() or 1) as pool:
        sizes = list(pool.map(_make, [(i, folder) for i in range(count)]))
    print(f"made {count} photos: {sum(sizes) / 1e6:.0f} MB, 8-12 MP")
    return sorted(folder.glob("IMG_*.jpg"))


class Sampler:
    """A reporter that samples the RSS as the files go by."""

    def __init__(self) -> None:
        self.samples: list[int] = []

    def start(self, total: int, label: str) -> None:
        self.samples.append(_status("VmRSS"))

    def advance(self, done: int, message: str = "") -> None:
        if done % 100 == 0:
            self.samples.append(_status("VmRSS"))

    @property
    def cancelled(self) -> bool:
        return False


def copy_files(pairs: list[tuple[object, Path]]) -> int:
    """Copy each (source handle factory, target) and fsync each target; returns bytes."""
    total = 0
    for opener, target in pairs:
        with opener() as source, target.open("wb") as out:  # type: ignore[operator]
            while chunk := source.read(CHUNK):
                out.write(chunk)
                total += len(chunk)
            out.flush()
            os.fsync(out.fileno())
    return total


def setup(home: Path, photos: list[Path], inspections: int) -> None:
    per = len(photos) // inspections
    with Workspace.open(home) as ws:
        for n in range(inspections):
            inspection_id = create_inspection(
                ws,
                institution=f"某社区卫生服务中心 {n + 1}",
                type_code="primary_care",
                mode="surprise",
                district="历城区",
                team=[TeamMember("张伟", "370100001"), TeamMember("李娜", "370100002")],
            )
            add_evidence(ws, inspection_id, photos[n * per : (n + 1) * per])


def measure(label: str, run: object) -> tuple[float, int]:
    _reset_peak()
    before = _status("VmRSS")
    start = time.perf_counter()
    run()  # type: ignore[operator]
    elapsed = time.perf_counter() - start
    growth = _status("VmHWM") - before
    print(f"{label}: {elapsed:.2f} s, peak RSS growth {growth / 1024:.0f} MB")
    return elapsed, growth


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--inspections", type=int, default=20)
    parser.add_argument("--photos", type=int, default=500)
    parser.add_argument("--keep", type=Path, help="keep the photos here between runs")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="bench-bundle-"))
    try:
        folder = args.keep or scratch / "photos"
        folder.mkdir(parents=True, exist_ok=True)
        photos = make_photos(folder, args.photos)
        sender, receiver = scratch / "sender", scratch / "receiver"
        started = time.perf_counter()
        setup(sender, photos, args.inspections)
        print(f"set up {args.inspections} inspections, {len(photos)} photos "
              f"({time.perf_counter() - started:.0f} s, not timed)")  # fmt: skip
        Workspace.open(receiver).close()
        connection = sqlite3.connect(receiver / "inspector.sqlite3")
        connection.execute("update settings set value = 'receiver' where key = 'device_id'")
        connection.commit()
        connection.close()
        bundle = scratch / "交接包.zip"

        with Workspace.open(sender) as ws:
            from sqlalchemy import select

            from inspector.db.models import Evidence

            with ws.db.session() as session:
                rows = list(session.scalars(select(Evidence)))
            files = sorted({(sha, suffix) for row in rows for _r, sha, suffix in stored_files(row)})
            plain = scratch / "plain-export"
            plain.mkdir()
            pairs = [
                ((lambda s=sha, x=suffix: ws.store.open(s, x)), plain / f"{sha}{suffix}")
                for sha, suffix in files
            ]
            copy_time, _ = measure(
                f"plain copy of the {len(files)} stored files", lambda: copy_files(pairs)
            )
            sampler = Sampler()
            export_time, _export_growth = measure(
                "export_bundle",
                lambda: export_bundle(ws, bundle, reporter=sampler),
            )
            export_samples = sampler.samples
        size = bundle.stat().st_size
        print(f"bundle: {size / 1e6:.0f} MB, {len(files)} evidence files")
        print(f"export / plain copy: {export_time / copy_time:.2f}x  (target <= 2x)")
        print("RSS during export (MB): " + ", ".join(f"{s / 1024:.0f}" for s in export_samples))

        one = scratch / "plain-import.zip"
        one_time, _ = measure(
            "plain copy of the bundle (one file, fsynced)",
            lambda: copy_files([((lambda: bundle.open("rb")), one)]),
        )
        members = scratch / "plain-members"
        members.mkdir()
        with zipfile.ZipFile(bundle) as archive:
            names = [i.filename for i in archive.infolist()]
            pairs = [
                ((lambda n=name: archive.open(n)), members / name.replace("/", "_"))
                for name in names
            ]
            members_time, _ = measure(
                f"plain copy of the {len(names)} members (each fsynced)", lambda: copy_files(pairs)
            )
        with Workspace.open(receiver) as ws:
            sampler = Sampler()
            import_time, _import_growth = measure(
                "import_bundle", lambda: import_bundle(ws, bundle, reporter=sampler)
            )
            import_samples = sampler.samples
        print(f"import / plain copy of the bundle: {import_time / one_time:.2f}x")
        print(
            f"import / plain copy of its members: {import_time / members_time:.2f}x  (target <= 2x)"
        )
        print("RSS during import (MB): " + ", ".join(f"{s / 1024:.0f}" for s in import_samples))
        print(f"load average: {os.getloadavg()[0]:.2f}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
