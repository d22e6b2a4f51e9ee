"""Evidence intake throughput against the work no intake can skip.

    .venv/bin/python benchmarks/bench_intake.py [--photos 100] [--rounds 3] [--keep DIR]
        [--conditions idle,busy]

Makes N phone-size photos (8, 10 and 12 MP, a few MB each, grain like a phone sensor's, each one
different so every hash is new) from tests/data/photos/mobile/jolla.jpg in a temporary folder
(not timed), then times, in the same run and alternately:

- baseline: read each file, SHA-256 it, and make a draft-mode 320 px thumbnail, one after the
  other (the work no intake can skip);
- intake: ``add_evidence`` into a fresh data directory: copy and fsync the original, one decode
  for thumbnail and print-size copy, both encoded and fsynced, journal, rename, one committed row
  and custody entry per photo (SQLite synchronous=FULL).

Each condition is measured in turn: ``idle`` (nothing else of ours running) and ``busy`` (a
child process spinning on one core for the whole condition, bounded in time, as a second program
or a virus scan would). The load average is printed before each, since other people's work on the
machine moves the figures too.

Targets: intake >= 20 photos/s and >= 0.8x the baseline, idle and busy. Also
printed: the peak RSS growth during intake and the RSS after every tenth photo, to show that
memory stays flat, and the size of the print copies (what a record of these photos weighs).
"""

from __future__ import annotations

import argparse
import hashlib
import math
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image, ImageChops  # noqa: E402

from inspector.evidence.intake import add_evidence  # noqa: E402
from inspector.evidence.manage import list_evidence, print_bytes  # noqa: E402
from inspector.inspections import TeamMember, create_inspection  # noqa: E402
from inspector.workspace import Workspace  # noqa: E402

SOURCE = ROOT / "tests" / "data" / "photos" / "mobile" / "jolla.jpg"
SIZES = [(3264, 2448), (3648, 2736), (4000, 3000)]  # 8, 10 and 12 MP, 4:3 as phones take them


def _status(field: str) -> int:
    """A VmXXX figure of this process in KiB (Linux)."""
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def _reset_peak() -> None:
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as handle:
            handle.write("5")  # resets VmHWM to the current RSS
    except OSError:
        pass


def _base(size: tuple[int, int]) -> Image.Image:
    with Image.open(SOURCE) as source:
        image = source.convert("RGB").resize(size, Image.Resampling.BICUBIC)
    grain = Image.effect_noise(size, 10).convert("RGB")  # sensor noise: real photos' entropy
    return ImageChops.add(image, grain, scale=1.0, offset=-128)


def _make(job: tuple[int, Path]) -> int:
    index, folder = job
    rng = random.Random(index)
    size = SIZES[index % len(SIZES)]
    image = _base(size)
    x, y = rng.randrange(size[0] - 200), rng.randrange(size[1] - 200)
    image.paste(
        (rng.randrange(256), rng.randrange(256), rng.randrange(256)), (x, y, x + 96, y + 96)
    )
    with Image.open(SOURCE) as source:
        exif = source.getexif()
    exif[0x0112] = rng.choice([1, 1, 1, 6, 8, 3])  # some phones held upright or turned
    exif[0x0132] = time.strftime("%Y:%m:%d %H:%M:%S")
    path = folder / f"IMG_{index:04d}.jpg"
    image.save(path, quality=92, exif=exif.tobytes())
    return path.stat().st_size


def make_photos(folder: Path, count: int) -> list[Path]:
    existing = sorted(folder.glob("IMG_*.jpg"))
    if len(existing) == count:
        print(f"reusing {count} photos in {folder}")
        return existing
    for old in existing:
        old.unlink()
    with ProcessPoolExecutor(os.cpu_count() or 1) as pool:
        sizes = list(pool.map(_make, [(i, folder) for i in range(count)]))
    print(
        f"made {count} photos: {sum(sizes) / 1e6:.0f} MB, "
        f"{min(sizes) / 1e6:.1f}-{max(sizes) / 1e6:.1f} MB each, 8-12 MP"
    )
    return sorted(folder.glob("*.jpg"))


CPU: list[float] = []  # process CPU seconds (all threads) of the last baseline or intake


def baseline(paths: list[Path]) -> float:
    """Read, hash and make a draft-mode thumbnail of each photo, sequentially."""
    cpu = time.process_time()
    start = time.perf_counter()
    for path in paths:
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
        digest.hexdigest()
        with Image.open(path) as image:
            width, height = image.size
            scale = 320 / max(width, height)
            image.draft("RGB", (math.ceil(width * scale), math.ceil(height * scale)))
            image.thumbnail((320, 320))
    elapsed = time.perf_counter() - start
    CPU.append(time.process_time() - cpu)
    return elapsed


class RssSampler:
    def __init__(self) -> None:
        self.samples: list[int] = []

    def start(self, total: int, label: str) -> None:
        pass

    def advance(self, done: int, message: str = "") -> None:
        if done % 10 == 0:
            self.samples.append(_status("VmRSS"))

    @property
    def cancelled(self) -> bool:
        return False


BUSY = (
    "import os, sys, time\n"
    "if hasattr(os, 'sched_setaffinity'):\n"
    "    os.sched_setaffinity(0, {int(sys.argv[1])})\n"
    "end = time.monotonic() + float(sys.argv[2])\n"
    "while time.monotonic() < end:\n"
    "    pass\n"
)


class Busy:
    """A child spinning on one core (the last), for at most ``seconds``; stopped on exit."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Busy:
        core = max(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 0
        self.process = subprocess.Popen([sys.executable, "-c", BUSY, str(core), str(self.seconds)])
        time.sleep(0.5)  # let it reach its loop
        return self

    def __exit__(self, *exc: object) -> None:
        assert self.process is not None
        self.process.terminate()
        self.process.wait()


def load_text() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f}, {five:.2f}, {fifteen:.2f}"


def intake(folder: Path, scratch: Path, round_number: int) -> tuple[float, int, list[int], int]:
    home = scratch / f"home-{round_number}"
    with Workspace.open(home) as ws:
        inspection_id = create_inspection(
            ws,
            institution="基准测试医院",
            type_code="public_hospital",
            mode="surprise",
            district="历下区",
            team=[TeamMember("张伟", "370100001")],
        )
        sampler = RssSampler()
        before = _status("VmRSS")
        _reset_peak()
        cpu = time.process_time()
        start = time.perf_counter()
        results = add_evidence(ws, inspection_id, [folder], added_by="370100001", reporter=sampler)
        elapsed = time.perf_counter() - start
        CPU.append(time.process_time() - cpu)
        growth = _status("VmHWM") - before
        failed = [r for r in results if not r.ok]
        if failed:
            raise SystemExit(f"intake failed: {failed[0].name}: {failed[0].error}")
        prints = sum(
            len(data)
            for view in list_evidence(ws, inspection_id)
            if (data := print_bytes(ws, view)) is not None
        )
    shutil.rmtree(home)
    return elapsed, growth, sampler.samples, prints


def measure(folder: Path, scratch: Path, paths: list[Path], rounds: int, tag: str) -> None:
    base_times: list[float] = []
    intake_times: list[float] = []
    growths: list[int] = []
    samples: list[int] = []
    prints = 0
    base_cpu: list[float] = []
    intake_cpu: list[float] = []
    for round_number in range(rounds):
        base_times.append(baseline(paths))
        base_cpu.append(CPU[-1])
        elapsed, growth, samples, prints = intake(folder, scratch, round_number)
        intake_cpu.append(CPU[-1])
        intake_times.append(elapsed)
        growths.append(growth)
    n = len(paths)
    base_rate = n / statistics.median(base_times)
    intake_rate = n / statistics.median(intake_times)
    print(f"[{tag}] baseline (read + SHA-256 + draft thumbnail, sequential):")
    print("  " + ", ".join(f"{n / t:.1f}" for t in base_times) + f" photos/s -> {base_rate:.1f}")
    print(f"[{tag}] intake (add_evidence, all of it):")
    print(
        "  " + ", ".join(f"{n / t:.1f}" for t in intake_times) + f" photos/s -> {intake_rate:.1f}"
    )
    per_photo = [statistics.median(times) / n * 1000 for times in (base_cpu, intake_cpu)]
    print(
        f"[{tag}] CPU per photo (all threads, median): baseline {per_photo[0]:.0f} ms, "
        f"intake {per_photo[1]:.0f} ms"
    )
    print(f"[{tag}] ratio intake/baseline: {intake_rate / base_rate:.2f} (target >= 0.80)")
    print(f"[{tag}] intake >= 20 photos/s: {'yes' if intake_rate >= 20 else 'NO'}")
    print(
        f"[{tag}] peak RSS growth during intake: "
        + ", ".join(f"{g / 1024:.0f} MB" for g in growths)
    )
    print(
        f"[{tag}] RSS after every 10 photos (MB): " + " ".join(f"{s / 1024:.0f}" for s in samples)
    )
    print(f"[{tag}] print copies of {n} photos: {prints / 1e6:.1f} MB (the record's photos)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--keep", help="make the photos here (or reuse those made before)")
    parser.add_argument("--conditions", default="idle,busy", help="idle, busy or both")
    parser.add_argument("--busy-limit", type=float, default=600, help="seconds, at most")
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, Pillow {Image.__version__}")
    with tempfile.TemporaryDirectory(prefix="bench-intake-") as temporary:
        scratch = Path(temporary)
        folder = Path(args.keep) if args.keep else scratch / "DCIM"
        folder.mkdir(parents=True, exist_ok=True)
        paths = make_photos(folder, args.photos)
        baseline(paths[:5])  # warm: files in the page cache, libraries loaded
        for condition in args.conditions.split(","):
            print(f"[{condition}] {load_text()} before")
            if condition == "busy":
                with Busy(args.busy_limit):
                    measure(folder, scratch, paths, args.rounds, condition)
            elif condition == "idle":
                measure(folder, scratch, paths, args.rounds, condition)
            else:
                raise SystemExit(f"unknown condition {condition}")
            print(f"[{condition}] {load_text()} after")


if __name__ == "__main__":
    main()
