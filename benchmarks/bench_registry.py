"""The registry reader's memory on a big file.

    .venv/bin/python benchmarks/bench_registry.py [--rows 1000000 90000] [--encoding gb18030]
        [--source DIR]

For each row count, writes a registry CSV (not timed; GBK by default, as a Chinese Excel saves
"CSV": a title row, the header, then rows of a name, a type, a district, an agreement number
and a date), then reads it with ``read_source`` in a child process and prints the file's size,
the Python heap's peak (tracemalloc) and the child's peak RSS growth, and how the read ended
(rows read, or the row-limit refusal). The registry's limit is 100,000 rows: a 1,000,000-row
file is refused; the reader should refuse it without first holding the whole file.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import json, resource, sys, time, tracemalloc
sys.path.insert(0, {root!r})
from pathlib import Path
from inspector.errors import InvalidInput
from inspector.registry.source import read_source
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
tracemalloc.start()
start = time.perf_counter()
try:
    outcome = f"{{len(read_source(Path({path!r})).rows)}} rows"
except InvalidInput as error:
    outcome = f"refused: {{error}}"
seconds = time.perf_counter() - start
_, peak = tracemalloc.get_traced_memory()
tracemalloc.stop()
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"peak": peak, "rss_kib": after - before, "seconds": seconds,
                  "outcome": outcome}}))
"""


def write_registry(path: Path, rows: int, encoding: str) -> None:
    rng = random.Random(5)
    kinds = ["基层医疗机构", "定点零售药店", "社会办医疗机构", "二级及以上公立医疗机构"]
    districts = ["历下区", "市中区", "槐荫区", "天桥区", "历城区", "长清区", "章丘区"]
    with path.open("w", encoding=encoding, newline="") as out:
        out.write("某市医疗保障局 定点医药机构名单\r\n")
        out.write("机构名称,机构类型,所在区县,协议编号,协议到期日期\r\n")
        for n in range(rows):
            out.write(
                f"{rng.choice(districts)}某某社区卫生服务站{n:07d},{rng.choice(kinds)},"
                f"{rng.choice(districts)},XY{n:08d},2027-{1 + n % 12:02d}-{1 + n % 28:02d}\r\n"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[1_000_000, 90_000])
    parser.add_argument("--encoding", default="gb18030")
    parser.add_argument(
        "--source", type=Path, default=ROOT, help="the code to measure (e.g. an older checkout)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for rows in args.rows:
            path = Path(folder) / f"名单-{rows}.csv"
            write_registry(path, rows, args.encoding)
            size = path.stat().st_size
            code = CHILD.format(root=str(args.source), path=str(path))
            done = subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            )
            data = json.loads(done.stdout)
            print(
                f"{rows:>9,} rows, file {size / 2**20:7.1f} MiB: heap peak "
                f"{data['peak'] / 2**20:8.1f} MiB ({data['peak'] / size:5.1f}× the file), "
                f"RSS growth {data['rss_kib'] / 1024:8.1f} MiB, {data['seconds']:5.1f} s; "
                f"{data['outcome'][:60]}"
            )
            path.unlink()


if __name__ == "__main__":
    main()
