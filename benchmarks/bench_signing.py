"""Signing a record-sized PDF twice (inspector, then leader) and verifying it.

    .venv/bin/python benchmarks/bench_signing.py [--mb 10] [--rounds 5]

Makes a PDF of about --mb MB with reportlab, placing tests/data/photos/mobile/jolla.jpg (0.8 MB)
by path on page after page (embedded byte for byte, as the record places photos; each copy gets
a JPEG comment with its number, or reportlab would embed the one image once), and two keys
(EC P-256 and RSA-2048, PKCS#12 files issued by a test CA, imported into a temporary data
directory). Not timed: imports, making the PDF and the keys, unlocking the keys. Timed, in
library time (median of --rounds): ``sign_pdf`` by the inspector, ``sign_pdf`` by the leader,
``verify_pdf`` of the twice-signed file, and, for comparison, poppler's ``pdfsig`` on it (a
child process, start-up included).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reportlab import rl_config  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from inspector.signing import pdfsig_verdict, sign_pdf, verify_pdf  # noqa: E402
from tests.helpers.signing_pki import (  # noqa: E402
    INSPECTOR_BOX,
    LEADER_BOX,
    make_ca,
    make_store,
    register_font,
    unlock,
)

PHOTO = ROOT / "tests" / "data" / "photos" / "mobile" / "jolla.jpg"


def photo_copies(folder: Path, count: int) -> list[Path]:
    """The photo ``count`` times, each with a JPEG comment (COM segment) naming its number."""
    data = PHOTO.read_bytes()
    copies = []
    for number in range(count):
        comment = f"copy {number}".encode("ascii")
        segment = b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment
        path = folder / f"photo-{number}.jpg"
        path.write_bytes(data[:2] + segment + data[2:])
        copies.append(path)
    return copies


def make_record(path: Path, megabytes: float) -> None:
    rl_config.useA85 = 0  # FIELD-NOTES: ASCII85 makes images 25% larger
    font = register_font()
    pages = max(1, round(megabytes * 1e6 / PHOTO.stat().st_size))
    photos = photo_copies(path.parent, pages)
    page = canvas.Canvas(str(path), pagesize=A4, initialFontName=font)
    for number, photo in enumerate(photos):
        page.setFont(font, 12)
        page.drawString(60, 800, f"现场检查记录 · 照片附件 第 {number + 1} 页")
        page.drawImage(str(photo), 60, 300, width=475, height=475 * 3 / 4)
        page.showPage()
    page.save()


def _median(times: list[float]) -> str:
    return f"{statistics.median(times) * 1000:7.1f} ms (min {min(times) * 1000:.1f})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        record = folder / "record.pdf"
        make_record(record, args.mb)
        store = make_store(folder, make_ca())
        inspector, leader = unlock(store, "张伟"), unlock(store, "李娜")
        print(f"record: {record.stat().st_size / 1e6:.1f} MB")
        print(f"keys: inspector {inspector.info.key_type}, leader {leader.info.key_type}")

        first_times, second_times, verify_times, pdfsig_times = [], [], [], []
        for round_no in range(args.rounds):
            once, twice = folder / f"1-{round_no}.pdf", folder / f"2-{round_no}.pdf"
            start = time.perf_counter()
            sign_pdf(record, once, inspector, field_name="inspector-1", box=INSPECTOR_BOX)
            first_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            sign_pdf(once, twice, leader, field_name="leader", box=LEADER_BOX)
            second_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            report = verify_pdf(twice)
            verify_times.append(time.perf_counter() - start)
            assert report.ok, report.lines()
            start = time.perf_counter()
            verdict = pdfsig_verdict(twice)
            pdfsig_times.append(time.perf_counter() - start)
            assert verdict.ok or not verdict.available
            once.unlink()
            if round_no < args.rounds - 1:
                twice.unlink()
        print(f"signed twice: {twice.stat().st_size / 1e6:.1f} MB")
        print(f"sign (inspector, EC P-256): {_median(first_times)}")
        print(f"sign (leader, RSA-2048):    {_median(second_times)}")
        print(f"verify (2 signatures):      {_median(verify_times)}")
        print(f"pdfsig (child process):     {_median(pdfsig_times)}")
        if sys.platform.startswith("linux"):
            import resource

            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"peak RSS of this process:   {peak:7.0f} MB")


if __name__ == "__main__":
    main()
