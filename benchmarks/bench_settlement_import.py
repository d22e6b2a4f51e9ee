"""Settlement detail (费用明细): import a file of N rows and load it into DuckDB, for each way
of keeping the rows that leaves no plaintext on an encrypted laptop. Each phase runs in a
process of its own, so its peak RSS is its own.

    .venv/bin/python benchmarks/bench_settlement_import.py [--rows 1000000] [--keep DIR]

The file: N clean rows (tests/helpers/settlement.py), UTF-8 CSV, made first (not timed). Then:

- **file, encrypted** (chosen): ``import_detail`` into an encrypted data directory (read and
  check every row, write gzip text records through AES-GCM, read them back to count, one
  audited change);
  then ``open_detail`` (decrypt, gunzip, hand DuckDB 4 MB of records at a time as one string
  that it splits and casts into the ``detail`` table) and one GROUP BY over the table;
- **file, plain**: the same in a plain data directory (the same loader without the cipher);
- **bound as lists**: the plain file's records bound to DuckDB as a Python list per column
  and unnested (the way that crosses one Python object per cell);
- **SQLCipher table**: the same parsed rows into a SQLCipher database (as the workspace's own
  database would keep them), then loaded into DuckDB by ``fetchmany`` batches, unnested the
  same way as the store's file (DuckDB cannot read SQLCipher);
- **executemany**: DuckDB's ``executemany`` of row tuples (the obvious way without pandas or
  pyarrow), on 50,000 rows, extrapolated.

DuckDB's Python ``read_csv`` of a file object (which would read the decrypted stream without
our batching) needs fsspec, which is not shipped: it fails with "required module 'fsspec' is not
installed" (printed below as a check).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PASSPHRASE = "bench passphrase for the detail 1"
HOLDER = "370100001"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _workspace(home: Path, encrypted: bool):  # type: ignore[no-untyped-def]
    from inspector.crypto.home import create_encrypted, unlock
    from inspector.workspace import Workspace

    if encrypted:
        keys = unlock(home, HOLDER, PASSPHRASE) if home.exists() else None
        if keys is None:
            keys = create_encrypted(home, HOLDER, PASSPHRASE)
        return Workspace.open(home, keys)
    return Workspace.open(home)


def phase_make(args: argparse.Namespace) -> dict[str, float]:
    from tests.helpers.settlement import iter_clean_rows, write_detail

    started = time.perf_counter()
    write_detail(Path(args.file), iter_clean_rows(args.rows, seed=11))
    return {"seconds": time.perf_counter() - started, "bytes": Path(args.file).stat().st_size}


def phase_import(args: argparse.Namespace) -> dict[str, float]:
    from inspector.settlement.store import import_detail
    from tests.helpers.claims import claims_inspection

    ws = _workspace(Path(args.home), args.encrypted)
    try:
        inspection = claims_inspection(ws)
        started = time.perf_counter()
        report = import_detail(ws, inspection, Path(args.file))
        seconds = time.perf_counter() - started
        assert report.ok and report.info is not None, report.refused[:3]
        stored = sum(p.stat().st_size for p in (Path(args.home) / "settlement").iterdir())
    finally:
        ws.close()
    return {"seconds": seconds, "peak_mb": _peak_mb(), "stored_bytes": stored,
            "inspection": inspection}  # type: ignore[dict-item]  # fmt: skip


def phase_load(args: argparse.Namespace) -> dict[str, float]:
    from inspector.settlement.store import open_detail

    ws = _workspace(Path(args.home), args.encrypted)
    try:
        before = _peak_mb()
        started = time.perf_counter()
        with open_detail(ws, args.inspection) as con:
            loaded = time.perf_counter() - started
            t = time.perf_counter()
            con.execute(
                "SELECT person_id, item_code, count(*), sum(amount_fen) FROM detail "
                "GROUP BY ALL ORDER BY 4 DESC LIMIT 10"
            ).fetchall()
            query = time.perf_counter() - t
            memory = con.execute("SELECT sum(memory_usage_bytes) FROM duckdb_memory()").fetchone()[
                0
            ]  # type: ignore[index]
    finally:
        ws.close()
    return {"seconds": loaded, "query_seconds": query, "peak_mb": _peak_mb(),
            "peak_before_mb": before, "duckdb_mb": memory / 2**20}  # fmt: skip


def phase_sqlcipher(args: argparse.Namespace) -> dict[str, float]:
    """Rows into a SQLCipher table, then into DuckDB as the store loads its file (a string of
    records per chunk)."""
    from inspector.db.engine import scratch_connection
    from inspector.settlement.reader import open_detail_file, row_reader
    from inspector.settlement.schema import COLUMN_NAMES
    from inspector.settlement.store import FIELD, RECORD, _connect, _insert, create_detail_table

    db_path = Path(args.home) / "detail.sqlcipher"
    db = scratch_connection(db_path, os.urandom(32))
    started = time.perf_counter()
    db.execute(f"CREATE TABLE detail ({', '.join(COLUMN_NAMES)})")
    source = open_detail_file(Path(args.file))
    read = row_reader(source.header)
    batch = []
    insert = f"INSERT INTO detail VALUES ({','.join('?' * len(COLUMN_NAMES))})"
    for number, cells in source.rows:
        row = read(number, cells)
        if row is not None:
            batch.append(row)
        if len(batch) >= 20_000:
            db.executemany(insert, batch)
            batch.clear()
    if batch:
        db.executemany(insert, batch)
    db.commit()
    source.close()
    imported = time.perf_counter() - started
    import_peak = _peak_mb()
    started = time.perf_counter()
    con = _connect()
    create_detail_table(con)
    cursor = db.execute("SELECT * FROM detail")
    while rows := cursor.fetchmany(20_000):
        text = RECORD.join(FIELD.join(v or "" for v in row) for row in rows)
        _insert(con, text.encode("utf-8"))
    loaded = time.perf_counter() - started
    count = con.execute("SELECT count(*) FROM detail").fetchone()[0]  # type: ignore[index]
    assert count == args.rows, count
    con.close()
    db.close()
    return {"import_seconds": imported, "import_peak_mb": import_peak, "seconds": loaded,
            "peak_mb": _peak_mb(), "stored_bytes": db_path.stat().st_size}  # fmt: skip


def phase_lists(args: argparse.Namespace) -> dict[str, float]:
    """The stored file's records bound to DuckDB as one Python list per column (10,000 rows at
    a time) and unnested: the other way without pandas or pyarrow."""
    import gzip

    from inspector.settlement.schema import COLUMN_NAMES, DETAIL_COLUMNS
    from inspector.settlement.store import FIELD, RECORD, _connect, create_detail_table

    (data,) = (Path(args.home) / "settlement").glob("*.detail")
    started = time.perf_counter()
    con = _connect()
    create_detail_table(con)
    types = {c.name: c.sql_type for c in DETAIL_COLUMNS}
    sql = (
        "INSERT INTO detail SELECT "
        + ", ".join(f"CAST(c{i} AS {types[n]})" for i, n in enumerate(COLUMN_NAMES))
        + " FROM (SELECT "
        + ", ".join(f"unnest(${i + 1}) AS c{i}" for i in range(len(COLUMN_NAMES)))
        + ")"
    )
    records = gzip.decompress(data.read_bytes()).decode("utf-8").split(RECORD)[:-1]
    for start in range(0, len(records), 10_000):
        rows = [r.split(FIELD) for r in records[start : start + 10_000]]
        con.execute(sql, [[v or None for v in c] for c in zip(*rows, strict=True)])
    return {"seconds": time.perf_counter() - started, "peak_mb": _peak_mb()}


def phase_executemany(args: argparse.Namespace) -> dict[str, float]:
    from inspector.settlement.reader import open_detail_file, row_reader
    from inspector.settlement.store import _connect, create_detail_table

    sample = 5_000
    source = open_detail_file(Path(args.file))
    read = row_reader(source.header)
    rows = []
    for number, cells in source.rows:
        row = read(number, cells)
        if row is not None:
            rows.append(row)
        if len(rows) == sample:
            break
    source.close()
    con = _connect()
    create_detail_table(con)
    started = time.perf_counter()
    con.executemany(f"INSERT INTO detail VALUES ({','.join('?' * len(rows[0]))})", rows)
    seconds = time.perf_counter() - started
    return {"seconds_per_million": seconds * 1_000_000 / sample}


def phase_fsspec(_args: argparse.Namespace) -> dict[str, str]:
    import io

    import duckdb

    try:
        duckdb.connect().read_csv(io.BytesIO(b"a\n1\n")).fetchall()
    except duckdb.Error as error:
        return {"read_csv_file_object": str(error)[:120]}
    return {"read_csv_file_object": "works"}


PHASES = {"make": phase_make, "import": phase_import, "load": phase_load,
          "sqlcipher": phase_sqlcipher, "lists": phase_lists,
          "executemany": phase_executemany,
          "fsspec": phase_fsspec}  # fmt: skip


def _child(phase: str, **options: object) -> dict[str, object]:
    argv = [sys.executable, __file__, "--phase", phase]
    for key, value in options.items():
        if value is True:
            argv.append(f"--{key}")
        elif value not in (None, False):
            argv += [f"--{key}", str(value)]
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"{phase} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path)
    parser.add_argument("--phase", choices=PHASES)
    parser.add_argument("--file")
    parser.add_argument("--home")
    parser.add_argument("--inspection")
    parser.add_argument("--encrypted", action="store_true")
    args = parser.parse_args()
    if args.phase:
        print(json.dumps(PHASES[args.phase](args)))
        return
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-detail-"))
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "费用明细.csv"
    try:
        made = _child("make", rows=args.rows, file=source)
        print(f"file: {args.rows:,} rows, {made['bytes'] / 2**20:.0f} MB UTF-8 CSV "
              f"(made in {made['seconds']:.0f} s)")  # fmt: skip
        print("DuckDB read_csv(file object):", _child("fsspec")["read_csv_file_object"])
        for label, encrypted in (("file, encrypted", True), ("file, plain", False)):
            home = folder / ("encrypted" if encrypted else "plain")
            shutil.rmtree(home, ignore_errors=True)
            done = _child("import", file=source, home=home, encrypted=encrypted)
            load = _child("load", home=home, inspection=done["inspection"], encrypted=encrypted)
            print(f"{label}: import {done['seconds']:.1f} s (peak RSS {done['peak_mb']:.0f} MB),"
                  f" stored {done['stored_bytes'] / 2**20:.0f} MB; load {load['seconds']:.1f} s"
                  f" (peak RSS {load['peak_mb']:.0f} MB, before {load['peak_before_mb']:.0f} MB,"
                  f" DuckDB {load['duckdb_mb']:.0f} MB),"
                  f" GROUP BY {load['query_seconds']:.2f} s")  # fmt: skip
        done = _child("lists", home=folder / "plain")
        print(f"plain file, bound as lists: load {done['seconds']:.1f} s"
              f" (peak RSS {done['peak_mb']:.0f} MB)")  # fmt: skip
        home = folder / "sqlcipher"
        home.mkdir(exist_ok=True)
        done = _child("sqlcipher", file=source, home=home, rows=args.rows)
        print(f"SQLCipher table: import {done['import_seconds']:.1f} s (peak RSS "
              f"{done['import_peak_mb']:.0f} MB), stored {done['stored_bytes'] / 2**20:.0f} MB;"
              f" load {done['seconds']:.1f} s (peak RSS {done['peak_mb']:.0f} MB)")  # fmt: skip
        done = _child("executemany", file=source)
        print(f"DuckDB executemany: {done['seconds_per_million']:.0f} s per million rows")
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
