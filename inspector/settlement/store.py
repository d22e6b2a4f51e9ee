"""The settlement detail of an inspection, kept in the data directory and read into an
in-memory DuckDB table ``detail`` (inspector/settlement/schema.py) for the rules and the 追溯码
sweep.

Where the rows live, and why (figures in benchmarks/README.md): one file per inspection in
``<data dir>/settlement/``, the normalised rows (ISO dates, fen) as text records, gzip-compressed,
and encrypted with the data directory's file cipher (AES-GCM, inspector/crypto/files.py) when
the directory is encrypted. DuckDB 2.0.1 cannot write an encrypted database offline, and its
reader of Python file objects needs fsspec (not shipped), so the file is decrypted and
decompressed in memory and handed to DuckDB a few MB at a time as one string that DuckDB splits
and casts (no plaintext byte on disk, no pandas). The workspace's SQLite database is not used:
a million rows in it would be copied by every migration backup and every ``home encrypt``, and
reading them back costs a Python object per cell.

An import is all or nothing: the rows are written to a scratch folder inside the data directory
(encrypted as they are written), read back into DuckDB and counted, and only then, in one audited
change (``detail.import``), moved into place; any refused row, a cancel or an error removes the
scratch folder and leaves what was stored as it was. The DuckDB connection keeps nothing on disk:
no temp directory (it cannot spill), no extensions, and no file access once the table is loaded.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import duckdb

from inspector.claims.reader import RowError
from inspector.errors import NotFound, StorageError
from inspector.files import scratch_prefix
from inspector.progress import NullReporter, Reporter, check_cancel
from inspector.settlement.reader import open_detail_file, row_reader
from inspector.settlement.schema import COLUMN_NAMES, DETAIL_COLUMNS, create_detail_table
from inspector.workspace import Workspace

if TYPE_CHECKING:
    from inspector.crypto.files import FileCipher

FORMAT = 1  # of the stored file: the columns of schema.py in order, no header
REASONS_KEPT = 200  # refused rows named (all are counted)
CHUNK = 4 << 20  # bytes of records handed to DuckDB at a time: peak memory grows with it
FIELD, RECORD = "\x1f", "\x1e"  # ASCII's unit and record separators
RECORD_BYTE = RECORD.encode()
PROGRESS_EVERY = 20_000
# DuckDB's own memory, kept under the engine run's budget (600 MB for a million rows with the
# interpreter); without a temp directory a query past it fails instead of spilling to disk.
MEMORY_LIMIT = "450MB"
FOLDER = "settlement"


@dataclass
class Refused:
    row: int
    reason: str


@dataclass(frozen=True)
class DetailInfo:
    """What is stored for an inspection's detail (the manifest), without its rows."""

    inspection_id: str
    source_name: str
    source_sha256: str
    source_format: str  # "csv" | "xlsx"
    encoding: str  # "UTF-8" | "GBK" | "UTF-16" | "xlsx"
    sheet: str | None
    rows: int
    blank_rows: int
    settlements: int
    persons: int
    first_charge: str | None  # YYYY-MM-DD HH:MM:SS
    last_charge: str | None
    amount_fen: int
    columns: list[str]  # the schema's columns the file had (others are NULL)
    ignored_headers: list[str]
    institution: str
    # The institution's level in the registry (一级/二级/三级…) when the detail was imported:
    # the 限医疗机构级别 rule reads it from here.
    institution_level: str | None
    imported_at: str
    data_sha256: str  # of the stored file's bytes (as stored, encrypted or not)
    format: int = FORMAT

    def to_data(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ImportReport:
    source: Path
    source_sha256: str
    rows: int = 0
    blank_rows: int = 0
    refused_count: int = 0
    refused: list[Refused] = field(default_factory=list)  # the first REASONS_KEPT, by row
    info: DetailInfo | None = None  # set when stored
    replaced: bool = False  # an earlier import of the inspection was replaced

    @property
    def ok(self) -> bool:
        return self.refused_count == 0


# --- where ---------------------------------------------------------------------------------


def _paths(ws: Workspace, inspection_id: str) -> tuple[Path, Path]:
    """The stored data file and manifest of an inspection. In an encrypted directory the
    names are keyed hashes, so the folder does not show which inspections have detail."""
    cipher = ws.home.cipher
    stem = cipher.name(f"{FOLDER}/{inspection_id}") if cipher else inspection_id
    folder = ws.home.root / FOLDER
    return folder / f"{stem}.detail", folder / f"{stem}.json"


def _resolve(ws: Workspace, inspection: str) -> tuple[str, str, str | None]:
    from inspector.change import resolve_id

    with ws.db.session() as session:
        found = resolve_id(session, inspection)
        return found.id, found.institution.name, found.institution.level


# --- import --------------------------------------------------------------------------------


class _Sealed:
    """The file cipher's writer as gzip needs it (gzip flushes its file object)."""

    def __init__(self, writer: Any) -> None:
        self.writer = writer

    def write(self, data: bytes) -> int:
        return self.writer.write(data)

    def flush(self) -> None:
        pass  # a segment is sealed and written when full, the last one at close

    def close(self) -> None:
        self.writer.close()


class _Sink:
    """The stored file being written: records → UTF-8 → gzip → (AES-GCM) → the scratch file.

    A record is its fields joined by US (U+001F), ended by RS (U+001E); a blank field is
    empty (NULL). The reader refuses cells holding such characters, so they only separate."""

    def __init__(self, ws: Workspace, path: Path) -> None:
        self.raw = path.open("wb")
        cipher = ws.home.cipher
        self.layer: Any = _Sealed(cipher.writer(self.raw)) if cipher else self.raw
        self.gz = gzip.GzipFile(fileobj=self.layer, mode="wb", compresslevel=1, mtime=0)
        self.pending: list[str] = []

    def write(self, row: tuple[str | None, ...]) -> None:
        self.pending.append(FIELD.join([v or "" for v in row]))
        if len(self.pending) >= 5000:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            self.gz.write(("".join(p + RECORD for p in self.pending)).encode("utf-8"))
            self.pending.clear()

    def finish(self) -> None:
        self.flush()
        self.gz.close()
        if self.layer is not self.raw:
            self.layer.close()
        self.raw.flush()
        os.fsync(self.raw.fileno())
        self.raw.close()

    def abandon(self) -> None:
        with suppress(Exception):
            self.raw.close()


def import_detail(
    ws: Workspace, inspection: str, path: Path, reporter: Reporter | None = None
) -> ImportReport:
    """Read a detail file and store it as the inspection's detail, replacing an earlier one.
    Any refused row refuses the whole file (the report names them); nothing is stored then."""
    reporter = reporter or NullReporter()
    path = Path(path)
    inspection_id, institution, level = _resolve(ws, inspection)
    source = open_detail_file(path)
    try:
        with path.open("rb") as handle:
            sha = hashlib.file_digest(handle, "sha256").hexdigest()
        report = ImportReport(source=path, source_sha256=sha)
        scratch = Path(tempfile.mkdtemp(prefix=scratch_prefix(), dir=ws.home.root))
    except BaseException:
        source.close()
        raise
    try:
        data = scratch / "detail"
        sink = _Sink(ws, data)
        try:
            reporter.start(0, f"正在读取 {path.name}…")
            _write_rows(source.rows, source.header, sink, report, reporter)
        except BaseException:
            sink.abandon()
            raise
        finally:
            source.close()
        sink.finish()
        if not report.ok:
            report.refused.sort(key=lambda r: r.row)
            return report
        check_cancel(reporter)
        reporter.start(0, "正在核对导入的明细…")
        with data.open("rb") as handle:
            data_sha = hashlib.file_digest(handle, "sha256").hexdigest()
        counts = _count(ws, data, report.rows)
        check_cancel(reporter)
        info = DetailInfo(
            inspection_id=inspection_id,
            source_name=path.name,
            source_sha256=sha,
            source_format=source.kind,
            encoding=source.encoding_name,
            sheet=source.sheet,
            rows=report.rows,
            blank_rows=report.blank_rows,
            columns=[c for c in COLUMN_NAMES if c == "row_no" or c in source.header.columns],
            ignored_headers=source.header.ignored[:50],
            institution=institution,
            institution_level=level,
            imported_at=_now(),
            data_sha256=data_sha,
            **counts,
        )
        manifest = scratch / "manifest"
        body = json.dumps(info.to_data(), ensure_ascii=False, sort_keys=True).encode("utf-8")
        manifest.write_bytes(ws.home.cipher.encrypt(body) if ws.home.cipher else body)
        target, target_manifest = _paths(ws, inspection_id)
        with ws.change(None, "detail.import", inspection=inspection_id) as ch:
            report.replaced = target_manifest.exists()
            ch.entity(kind="settlement_detail", id=inspection_id)
            ch.state = {k: v for k, v in info.to_data().items() if k != "imported_at"}
            ch.details.update(
                {"source": path.name, "source_sha256": sha, "rows": report.rows,
                 "settlements": info.settlements, "replaced": report.replaced}
            )  # fmt: skip
            target.parent.mkdir(exist_ok=True)
            # The manifest goes last: a detail is there when its manifest is (and the manifest
            # names the data file's hash, so a kill between the two is caught at the next read).
            os.replace(data, target)
            os.replace(manifest, target_manifest)
        report.info = info
        return report
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _write_rows(
    rows: Iterator[tuple[int, Any]],
    header: Any,
    sink: _Sink,
    report: ImportReport,
    reporter: Reporter,
) -> None:
    read = row_reader(header)
    write = sink.write
    for number, cells in rows:
        try:
            row = read(number, cells)
        except RowError as error:
            report.rows += 1
            report.refused_count += 1
            if len(report.refused) < REASONS_KEPT:
                report.refused.append(Refused(number, str(error)))
            continue
        if row is None:
            report.blank_rows += 1
            continue
        report.rows += 1
        if report.refused_count == 0:  # after a refusal nothing will be kept: only read on
            write(row)
        if report.rows % PROGRESS_EVERY == 0:
            check_cancel(reporter)
            reporter.advance(report.rows, f"已读取 {report.rows:,} 行")


def _now() -> str:
    from datetime import UTC, datetime

    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _count(ws: Workspace, data: Path, expected: int) -> dict[str, Any]:
    """The stored file read back as :func:`open_detail` reads it: the figures ``detail show``
    gives, and a check that every row written is there."""
    con = _connect()
    try:
        _load(ws, data, con)
        rows, settlements, persons, first, last, amount = con.execute(
            "SELECT count(*), count(DISTINCT settlement_no), count(DISTINCT person_id), "
            "strftime(min(charged_at), '%Y-%m-%d %H:%M:%S'), "
            "strftime(max(charged_at), '%Y-%m-%d %H:%M:%S'), coalesce(sum(amount_fen), 0) "
            "FROM detail"
        ).fetchone()  # type: ignore[misc]
    finally:
        con.close()
    if rows != expected:
        raise StorageError(
            "写入的明细读回时行数不符（写入 {written} 行，读回 {read} 行），未保存",
            written=expected,
            read=rows,
        )
    return {"settlements": settlements, "persons": persons, "first_charge": first,
            "last_charge": last, "amount_fen": int(amount)}  # fmt: skip


# --- reading --------------------------------------------------------------------------------


def _connect() -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB that writes nothing to disk: no temp directory (a query past the
    memory limit fails rather than spill plaintext), no extensions fetched or loaded."""
    return duckdb.connect(
        ":memory:",
        config={
            "temp_directory": "",
            "memory_limit": MEMORY_LIMIT,
            "threads": 2,
            "autoinstall_known_extensions": False,
            "autoload_known_extensions": False,
        },
    )


_SQL_TYPES = {c.name: c.sql_type for c in DETAIL_COLUMNS}


def _load(ws: Workspace, data: Path, con: duckdb.DuckDBPyConnection) -> None:
    """Fill table ``detail`` from a stored file: decrypted and decompressed in memory, a few
    MB of records at a time, each chunk one string that DuckDB splits and casts itself (one
    value crosses from Python per chunk, not one per cell: 2.7 times faster than binding
    lists of cells, see benchmarks/README.md)."""
    create_detail_table(con)
    cipher = ws.home.cipher
    with data.open("rb") as raw:
        source: IO[bytes] = cipher.reader(raw) if cipher else raw
        with gzip.GzipFile(fileobj=source, mode="rb") as gz:
            rest = b""
            while chunk := gz.read(CHUNK):
                chunk = rest + chunk
                end = chunk.rfind(RECORD_BYTE)
                if end < 0:
                    rest = chunk
                    continue
                _insert(con, chunk[:end])
                rest = chunk[end + 1 :]
            if rest:
                raise StorageError("费用明细文件已损坏（列数不符）")


def _insert(con: duckdb.DuckDBPyConnection, records: bytes) -> None:
    try:
        con.execute(_INSERT, [records.decode("utf-8")])
    except (duckdb.ConversionException, duckdb.InvalidInputException, UnicodeDecodeError) as e:
        raise StorageError("费用明细文件已损坏（列数不符）") from e


_INSERT = (
    "INSERT INTO detail SELECT "
    + ", ".join(
        f"CAST(NULLIF(f[{i + 1}], '') AS {_SQL_TYPES[name]})" for i, name in enumerate(COLUMN_NAMES)
    )
    + " FROM (SELECT string_split(r, chr(31)) AS f FROM "  # FIELD
    + "(SELECT unnest(string_split($1, chr(30))) AS r)) "  # RECORD
    + f"WHERE CASE WHEN len(f) = {len(COLUMN_NAMES)} THEN true ELSE error('columns') END"
)


def _read_manifest(ws: Workspace, manifest: Path) -> DetailInfo:
    try:
        raw = manifest.read_bytes()
    except FileNotFoundError:
        raise NotFound("该检查还没有导入费用明细（detail import）") from None
    body = ws.home.cipher.decrypt(raw) if ws.home.cipher else raw
    try:
        data = json.loads(body)
        if data.get("format") != FORMAT:
            raise ValueError(data.get("format"))
        return DetailInfo(**data)
    except (ValueError, TypeError) as error:
        raise StorageError("费用明细的说明文件已损坏：{path}", path=str(manifest)) from error


def detail_info(ws: Workspace, inspection: str) -> DetailInfo:
    """The stored detail's figures (raises NotFound when the inspection has none)."""
    inspection_id, _name, _level = _resolve(ws, inspection)
    _data, manifest = _paths(ws, inspection_id)
    info = _read_manifest(ws, manifest)
    if info.inspection_id != inspection_id:
        raise StorageError("费用明细文件与检查不符（可能被替换），请删除后重新导入")
    return info


@contextmanager
def open_detail(ws: Workspace, inspection: str) -> Iterator[duckdb.DuckDBPyConnection]:
    """An in-memory DuckDB connection holding the inspection's detail as table ``detail``
    (exactly schema.py's columns), closed when the block ends. Nothing it does reaches the
    disk: file access is off once the table is loaded and the configuration locked, so a
    rule's SQL cannot ``COPY`` the rows out. Raises NotFound when there is no detail, and
    StorageError when the stored file is not the one imported."""
    info = detail_info(ws, inspection)
    data, _manifest = _paths(ws, info.inspection_id)
    try:
        with data.open("rb") as handle:
            stored_sha = hashlib.file_digest(handle, "sha256").hexdigest()
    except FileNotFoundError:
        raise StorageError("费用明细文件缺失，请重新导入") from None
    if stored_sha != info.data_sha256:
        raise StorageError("费用明细文件与导入时不符（已损坏或被替换），请删除后重新导入")
    con = _connect()
    try:
        _load(ws, data, con)
        con.execute("SET enable_external_access = false")
        con.execute("SET lock_configuration = true")
        yield con
    finally:
        con.close()


def drop_detail(ws: Workspace, inspection: str) -> DetailInfo:
    """Remove the inspection's detail (an audited ``detail.drop``); allowed on a finished
    inspection too: the rows are working data, the findings are kept elsewhere."""
    info = detail_info(ws, inspection)
    data, manifest = _paths(ws, info.inspection_id)
    with ws.change(None, "detail.drop", inspection=info.inspection_id, editable=False) as ch:
        ch.entity(kind="settlement_detail", id=info.inspection_id)
        ch.state = None
        ch.details.update({"source": info.source_name, "rows": info.rows})
        manifest.unlink()  # first: without its manifest a data file is never read
        data.unlink(missing_ok=True)
    return info


def encrypt_plain_details(source: Path, target: Path, cipher: FileCipher) -> int:
    """``home encrypt``'s copy of a plain directory's details (inspector/crypto/home.py): each
    data file encrypted as it is (the same gzip CSV), under the keyed name, and its manifest
    with the new file's hash, encrypted. A data file that no longer matches its manifest keeps
    the old hash, so reading it still says it was changed. Returns how many were copied."""
    if not source.is_dir():
        return 0
    target.mkdir(parents=True, exist_ok=True)
    copied = 0
    for manifest in sorted(source.glob("*.json")):
        data = json.loads(manifest.read_bytes())
        plain = manifest.with_suffix(".detail")
        if not plain.is_file():
            continue
        stem = cipher.name(f"{FOLDER}/{data['inspection_id']}")
        out = target / f"{stem}.detail"
        with plain.open("rb") as handle:
            intact = hashlib.file_digest(handle, "sha256").hexdigest() == data["data_sha256"]
        with plain.open("rb") as handle, out.open("wb") as raw:
            writer = cipher.writer(raw)
            while chunk := handle.read(1 << 20):
                writer.write(chunk)
            writer.close()
            raw.flush()
            os.fsync(raw.fileno())
        if intact:
            with out.open("rb") as handle:
                data["data_sha256"] = hashlib.file_digest(handle, "sha256").hexdigest()
        body = json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")
        (target / f"{stem}.json").write_bytes(cipher.encrypt(body))
        copied += 1
    return copied
