"""Claims sampling on a large settlement export: time and memory.

    .venv/bin/python benchmarks/bench_claims.py [--rows 1000000] [--encoding gb18030]

Writes a settlement CSV of N rows (not timed; GBK/GB18030 by default, as a Chinese Excel
saves "CSV") with a title row above the header, about 1/6 inpatient bills (2 % of them over
50,000 yuan), 20,000 patients, dates 2018-2024, then times ``build_sample`` (read, parse and
check every row, the three rules, 10 % sample) and ``attach_sample`` (the list stored on an
inspection in one event). Prints the rows per second and the process's peak RSS before and
after, and the RSS sampled every 100,000 rows while reading, to show that memory stays flat.
Target: 1,000,000 rows in under 30 s.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from inspector.claims.sampling import Rules, attach_sample, build_sample  # noqa: E402
from inspector.inspections import TeamMember, create_inspection  # noqa: E402
from inspector.workspace import Workspace  # noqa: E402

HEADER = (
    "结算单号,参保人编号,姓名,定点机构名称,医疗类别,入院日期,出院日期,就诊日期,"
    "医疗总费用,统筹基金支付,项目\n"
)


def write_settlements(path: Path, rows: int, encoding: str, seed: int = 7) -> None:
    rng = random.Random(seed)
    start = date(2018, 1, 1)
    with path.open("w", encoding=encoding, newline="") as out:
        out.write("某区医保结算数据导出\n")
        out.write(HEADER)
        for n in range(rows):
            day = start + timedelta(days=rng.randrange(2555))
            patient = rng.randrange(20_000)
            if rng.random() < 1 / 6:
                total = (
                    rng.randrange(5_500_000, 12_000_000)
                    if rng.random() < 0.02
                    else (rng.randrange(200_000, 4_000_000))
                )
                out_day = day + timedelta(days=rng.randrange(1, 20))
                fund = total * 7 // 10
                line = (f"B{n:08d},P{patient:06d},患者{patient},某某医院,住院,{day},{out_day},,"
                        f"{total // 100}.{total % 100:02d},{fund // 100}.{fund % 100:02d},"
                        "床位费;检查费")  # fmt: skip
            else:
                total = rng.randrange(1_000, 80_000)
                line = (f"B{n:08d},P{patient:06d},患者{patient},某某医院,普通门诊,,,{day},"
                        f"{total // 100}.{total % 100:02d},{total // 200}.00,西药费")  # fmt: skip
            out.write(line + "\n")


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Sampler:
    """A reporter that samples peak RSS as the rows go by."""

    def __init__(self) -> None:
        self.marks: list[tuple[int, float]] = []

    def start(self, total: int, label: str) -> None:
        pass

    def advance(self, done: int, message: str = "") -> None:
        if not self.marks or done - self.marks[-1][0] >= 100_000:
            self.marks.append((done, rss_mb()))

    @property
    def cancelled(self) -> bool:
        return False


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--encoding", default="gb18030")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "结算数据.csv"
        made = time.perf_counter()
        write_settlements(source, args.rows, args.encoding)
        print(f"wrote {args.rows:,} rows, {source.stat().st_size / 1e6:.0f} MB "
              f"({args.encoding}) in {time.perf_counter() - made:.1f} s (not timed)")  # fmt: skip
        ws = Workspace.open(Path(tmp) / "home")
        inspection = create_inspection(
            ws, institution="某某医院", type_code="public_hospital", mode="surprise",
            district="历城区", team=[TeamMember("张伟", "370100001")],
        )  # fmt: skip
        rules = Rules(since=date(2018, 1, 1), seed=20261203)
        before = rss_mb()
        sampler = Sampler()
        began = time.perf_counter()
        report = build_sample(ws, source, rules, sampler)
        built = time.perf_counter()
        attach_sample(ws, inspection, report, rules)
        report.close()
        done = time.perf_counter()
        ws.close()
    print(f"read and sampled: {built - began:.1f} s ({report.rows / (built - began):,.0f} rows/s)")
    print(f"stored on the inspection: {done - built:.1f} s; total {done - began:.1f} s")
    print(f"list: {report.counts} of {report.rows:,} rows (random from {report.rest:,})")
    print(f"peak RSS: {before:.0f} MB before, {rss_mb():.0f} MB after")
    print("peak RSS while reading: " + ", ".join(f"{n // 1000}k {m:.0f}" for n, m in sampler.marks))


if __name__ == "__main__":
    main()
