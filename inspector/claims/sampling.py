"""Choosing the bills a team reviews on site (seeds 003, 004), from a settlement export, and
attaching them to an inspection. Seed 004: 对2018年以来住院医疗费用超过5万元的票据全面复查；
…对五万元以下的票据抽样复查；…对门诊费用排名前100位的参保人员进行全面复查. Seed 003: 第三方复核
抽查比例不低于10%.

The rules, in this order (a bill is listed once, under the first rule that takes it):

1. ``large_inpatient``: every inpatient bill dated on or after ``since`` whose total is over
   the threshold (50,000 yuan);
2. ``flagged`` (结合智能监控数据, seed 004): of the other bills dated on or after ``since``,
   every one the rule engine flagged (a set of 结算单号 given with the rules), when they are no
   more than ceil(rate × the other bills); when they are more, that many of them, those with
   the smallest SHA-256 of ``"<seed>/<结算单号>"``;
3. ``random``: the rest of ceil(rate × the other bills), among the other bills not flagged,
   those with the smallest SHA-256 of ``"<seed>/<结算单号>"`` (read as a number): the same
   file, seed and flagged set give the same bills whatever the order of the rows, and anyone
   with the file can recompute them;
4. ``top_outpatient``: the outpatient bills of ``year`` of the ``top`` patients (by 参保人编号,
   else name) whose outpatient totals of that year are highest (ties by 参保人编号).

The file is read once, row by row, into a scratch SQLite file beside the data (flat memory:
the rules are SQL over it); any refused row (named by its row number) or repeated 结算单号
refuses the whole file, because a sample over part of an export is not the sample stated.
"""

from __future__ import annotations

import hashlib
import math
import os
import shutil
import sqlite3
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import select

from inspector.claims.reader import (
    KIND_NAMES,
    RowError,
    line_parser,
    open_source,
    row_parser,
)
from inspector.db.engine import scratch_connection
from inspector.db.models import ClaimBill, ClaimSample, utcnow
from inspector.errors import InvalidInput, NotFound
from inspector.files import scratch_prefix
from inspector.progress import NullReporter, Reporter, check_cancel
from inspector.tables import TableSpec, cell_text, read_table
from inspector.workspace import Workspace

LARGE = "large_inpatient"
FLAGGED = "flagged"
RANDOM = "random"
TOP = "top_outpatient"
RULE_NAMES = {
    LARGE: "住院大额全查",
    FLAGGED: "智能监控疑点",
    RANDOM: "随机抽样",
    TOP: "门诊费用前列参保人",
}
RULE_ORDER = {LARGE: 0, FLAGGED: 1, RANDOM: 2, TOP: 3}
VERDICTS = {"pending": "未核实", "ok": "核实无误", "problem": "发现问题"}
THIRD_PARTY_MIN = Decimal("0.10")
REASONS_KEPT = 200  # refused rows named in the report (all are counted)
BATCH = 20_000


@dataclass(frozen=True)
class Rules:
    since: date
    seed: int
    rate: Decimal = Decimal("0.10")
    threshold_fen: int = 5_000_000  # 50,000 yuan
    year: int | None = None  # default: the year of the latest outpatient bill
    top: int = 100
    third_party: bool = False  # 第三方复核: the rate must be at least 10 %
    # The bills the rule engine flagged (结算单号), taken first among the sampled ones.
    flagged: frozenset[str] = field(default=frozenset(), repr=False)
    flagged_source: str = ""  # where the flagged set came from (the rules run, a file)

    def check(self) -> None:
        if not Decimal(0) <= self.rate <= Decimal(1):
            raise InvalidInput("抽样比例应在 0 到 1 之间（如 0.1 表示 10%）")
        if self.third_party and self.rate < THIRD_PARTY_MIN:
            raise InvalidInput(
                "第三方复核的抽查比例不得低于 10%"
                "（《东西湖区打击欺诈骗取医保基金专项治理工作方案》）"
            )
        if self.threshold_fen < 0 or self.top < 0:
            raise InvalidInput("金额阈值和人数不能为负数")
        if not 0 <= self.seed < 2**63:
            raise InvalidInput("随机种子应为非负整数")

    def flagged_sha256(self) -> str:
        """The flagged set's fingerprint: the sorted 结算单号, one a line."""
        return hashlib.sha256("".join(f"{n}\n" for n in sorted(self.flagged)).encode()).hexdigest()

    def describe(self, year: int | None) -> str:
        flagged = ""
        if self.flagged:
            source = f"，{self.flagged_source}" if self.flagged_source else ""
            flagged = (
                f"其中智能监控疑点票据（{len(self.flagged):,} 个结算单号{source}，清单 SHA-256 "
                f"{self.flagged_sha256()}）先全部列入，超过抽样数时按同一种子取最小者，"
                "余数再随机抽取"
            )
        return (
            f"{self.since.isoformat()} 以来住院总费用超过 "
            f"{self.threshold_fen / 100:,.2f} 元的全部票据；"
            f"其余票据按 {self.rate * 100:g}% 抽样（种子 {self.seed}，"
            f"按 SHA-256(种子/结算单号) 取最小者{'；' + flagged if flagged else ''}）；"
            f"{year if year is not None else '—'} 年门诊费用前 {self.top} 名参保人的全部门诊票据"
        )

    def to_data(self) -> dict[str, Any]:
        data = asdict(self)
        data["since"] = self.since.isoformat()
        data["rate"] = str(self.rate)
        # The set itself is not stated (it may be thousands of numbers): its size and
        # fingerprint are, so the same set can be shown to be the one used.
        del data["flagged"]
        if self.flagged:
            data["flagged_count"] = len(self.flagged)
            data["flagged_sha256"] = self.flagged_sha256()
        else:
            del data["flagged_source"]
        return data


def parse_rate(text: str) -> Decimal:
    """``0.1``, ``10%`` or ``10％``."""
    raw = text.strip().replace("％", "%")
    try:
        value = Decimal(raw[:-1]) / 100 if raw.endswith("%") else Decimal(raw)
    except InvalidOperation as error:
        raise InvalidInput("抽样比例“{text}”不是数字", text=text) from error
    if not value.is_finite():
        raise InvalidInput("抽样比例“{text}”不是数字", text=text)
    return value


FLAGGED_FILE = TableSpec(
    field_names={"bill_no": "结算单号"},
    aliases={"bill_no": ("结算单号", "就诊ID", "结算ID", "settlement_no")},
    required=("bill_no",),
    max_rows=2_000_000,
    too_many="{name} 的行数超过 {limit}，不像是疑点结算单号清单",
)


def read_flagged(path: Path) -> frozenset[str]:
    """The 结算单号 the rule engine flagged, from a file: a text file with one a line (.txt),
    or a table (.xlsx, .csv) with a 结算单号 column."""
    path = Path(path)
    if path.suffix.lower() == ".txt":
        from inspector.tables import checked_lines, sniff_encoding

        if not path.is_file():
            raise NotFound("找不到文件：{path}", path=str(path))
        lines = checked_lines(path, sniff_encoding(path))
        return frozenset(line.strip().lstrip("\ufeff") for line in lines if line.strip())
    table = read_table(path, FLAGGED_FILE)
    column = table.header.columns["bill_no"]
    return frozenset(
        text
        for _number, cells in table.rows
        if column < len(cells) and (text := cell_text(cells[column]))
    )


def flagged_from_rules(ws: Workspace, inspection: str, rules: Rules) -> Rules:
    """``rules`` with the bills the inspection's latest rule run flagged (结合智能监控数据),
    named by that run; refused when the rules were never run (a sample stated as flagged-first
    with nothing flagged would mislead)."""
    from inspector.rules.store import flagged_settlements, latest_run

    run = latest_run(ws, inspection)
    if run is None:
        raise InvalidInput("本次检查还没有运行规则：请先导入费用明细并运行规则")
    source = f"{run['ran_at']:%Y-%m-%d %H:%M} 的规则运行，命中 {run['hit_count']} 处"
    if rules.flagged_source:
        source = f"{rules.flagged_source}；{source}"
    return replace(
        rules,
        flagged=frozenset(rules.flagged | flagged_settlements(ws, inspection)),
        flagged_source=source,
    )


def draw_hash(seed: int, bill_no: str) -> int:
    """The number that orders bills for the random rule (63 bits, so SQLite keeps it)."""
    digest = hashlib.sha256(f"{seed}/{bill_no}".encode()).digest()
    return int.from_bytes(digest[:8], "big") >> 1


@dataclass
class Refused:
    row: int
    reason: str


@dataclass
class SampleReport:
    """What reading a file and applying the rules gave. The list itself stays in the scratch
    file until :meth:`close` (use it as a context manager), read by :meth:`iter_bills`, so a
    list of 100,000 bills is never held in memory."""

    source: Path
    source_sha256: str
    rows: int  # data rows read
    refused_count: int = 0
    refused: list[Refused] = field(default_factory=list)  # the first REASONS_KEPT
    year: int | None = None
    rest: int = 0  # bills the random rule drew from
    flagged_in_rest: int = 0  # flagged bills among them (the flagged rule took all or a draw)
    counts: dict[str, int] = field(default_factory=dict)
    sample_id: str | None = None
    scratch: Path | None = None
    # An encrypted data directory's scratch file is SQLCipher under this one-off key (repr off).
    scratch_key: bytes | None = field(default=None, repr=False)

    @property
    def ok(self) -> bool:
        return self.refused_count == 0

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def iter_bills(self, batch: int = 5000) -> Iterator[dict[str, Any]]:
        """The listed bills in rule order (large, random by row; top by rank, then row)."""
        if self.scratch is None or not self.ok:
            return
        cols = ", ".join(f"b.{c}" for c in _COLUMNS[:-1])
        db = scratch_connection(self.scratch / "bills.db", self.scratch_key)
        try:
            cursor = db.execute(
                f"SELECT {cols}, c.rule, c.spender_rank FROM chosen c "
                "JOIN bills b ON b.bill_no = c.bill_no ORDER BY c.rule_order, c.sort_key"
            )
            names = (*_COLUMNS[:-1], "rule", "spender_rank")
            while rows := cursor.fetchmany(batch):
                for values in rows:
                    yield dict(zip(names, values, strict=True))
        finally:
            db.close()

    @property
    def bills(self) -> list[dict[str, Any]]:
        return list(self.iter_bills())

    def close(self) -> None:
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)
            self.scratch = None

    def __enter__(self) -> SampleReport:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_COLUMNS = (
    "row", "bill_no", "patient_name", "patient_id", "institution", "kind", "bill_date",
    "admitted", "discharged", "total_fen", "fund_fen", "items", "h",
)  # fmt: skip


def _scratch(ws: Workspace) -> Path:
    # Inside the data directory (patients' data stays where the data is kept), named so that
    # a later start removes it when this process was killed (inspector/files.py).
    return Path(tempfile.mkdtemp(prefix=scratch_prefix(), dir=ws.home.root))


def _load(
    db: sqlite3.Connection, rows: Iterator[Any], header: Any, rules: Rules, report: SampleReport,
    reporter: Reporter, delimiter: str,
) -> None:  # fmt: skip
    db.execute(f"CREATE TABLE bills ({', '.join(_COLUMNS)})")
    batch: list[tuple[Any, ...]] = []
    prefix = f"{rules.seed}/".encode()
    sha256 = hashlib.sha256
    parse = row_parser(header)
    parse_line = line_parser(header, delimiter)
    for number, cells in rows:
        try:
            bill = parse_line(number, cells) if type(cells) is str else parse(number, cells)
        except RowError as error:
            report.rows += 1
            report.refused_count += 1
            if len(report.refused) < REASONS_KEPT:
                report.refused.append(Refused(number, str(error)))
            continue
        if bill is None:
            continue  # a blank row
        report.rows += 1
        digest = sha256(prefix + bill[1].encode()).digest()  # = draw_hash(seed, bill_no)
        batch.append((*bill, int.from_bytes(digest[:8], "big") >> 1))
        if len(batch) >= BATCH:
            db.executemany(f"INSERT INTO bills VALUES ({','.join('?' * len(_COLUMNS))})", batch)
            batch.clear()
            check_cancel(reporter)
            reporter.advance(report.rows, f"已读取 {report.rows:,} 行")
    if batch:
        db.executemany(f"INSERT INTO bills VALUES ({','.join('?' * len(_COLUMNS))})", batch)


def _duplicates(db: sqlite3.Connection, report: SampleReport) -> None:
    db.execute("CREATE INDEX bills_no ON bills (bill_no)")
    for bill_no, first, rows in db.execute(
        "SELECT bill_no, MIN(row), GROUP_CONCAT(row) FROM bills GROUP BY bill_no "
        "HAVING COUNT(*) > 1 ORDER BY MIN(row)"
    ):
        for row in sorted(int(r) for r in str(rows).split(","))[1:]:
            report.refused_count += 1
            if len(report.refused) < REASONS_KEPT:
                report.refused.append(Refused(row, f"结算单号 {bill_no} 与第 {first} 行重复"))
    report.refused.sort(key=lambda r: r.row)


def _select(db: sqlite3.Connection, rules: Rules, report: SampleReport) -> None:
    """The three rules, as SQL over the scratch table, into ``chosen`` (a bill once, under
    the first rule that takes it)."""
    db.execute(
        "CREATE TABLE chosen (bill_no TEXT PRIMARY KEY, rule TEXT, rule_order INTEGER, "
        "sort_key INTEGER, spender_rank INTEGER)"
    )
    large = "(kind = 'inpatient' AND total_fen > :threshold AND bill_date >= :since)"
    params: dict[str, Any] = {"threshold": rules.threshold_fen, "since": rules.since.isoformat()}
    db.execute(
        f"INSERT INTO chosen SELECT bill_no, '{LARGE}', 0, row, NULL FROM bills WHERE {large}",
        params,
    )
    rest_where = f"bill_date >= :since AND NOT {large}"
    report.rest = db.execute(f"SELECT COUNT(*) FROM bills WHERE {rest_where}", params).fetchone()[0]
    params["k"] = math.ceil(rules.rate * report.rest)
    db.execute("CREATE TEMP TABLE flagged_nos (bill_no TEXT PRIMARY KEY)")
    db.executemany("INSERT INTO flagged_nos VALUES (?)", [(n,) for n in sorted(rules.flagged)])
    is_flagged = "bill_no IN (SELECT bill_no FROM flagged_nos)"
    report.flagged_in_rest = db.execute(
        f"SELECT COUNT(*) FROM bills WHERE {rest_where} AND {is_flagged}", params
    ).fetchone()[0]
    # Flagged first: all of them, or the seeded draw among them when they are more than k.
    db.execute(
        f"INSERT INTO chosen SELECT bill_no, '{FLAGGED}', 1, row, NULL FROM ("
        f"SELECT bill_no, row FROM bills WHERE {rest_where} AND {is_flagged} "
        "ORDER BY h, bill_no LIMIT :k)",
        params,
    )
    params["k"] = max(0, params["k"] - min(report.flagged_in_rest, params["k"]))
    db.execute(
        f"INSERT INTO chosen SELECT bill_no, '{RANDOM}', 2, row, NULL FROM ("
        f"SELECT bill_no, row FROM bills WHERE {rest_where} AND NOT {is_flagged} "
        "ORDER BY h, bill_no LIMIT :k)",
        params,
    )
    year = rules.year
    if year is None:
        latest = db.execute(
            "SELECT MAX(bill_date) FROM bills WHERE kind = 'outpatient'"
        ).fetchone()[0]
        year = int(latest[:4]) if latest else None
    report.year = year
    if year is not None and rules.top > 0:
        span = {"start": f"{year:04d}-01-01", "end": f"{year:04d}-12-31", "top": rules.top}
        in_year = "b.kind = 'outpatient' AND b.bill_date BETWEEN :start AND :end"
        db.execute("CREATE TEMP TABLE top_ids (patient_id TEXT PRIMARY KEY, rank INTEGER)")
        top = db.execute(
            f"SELECT b.patient_id, SUM(b.total_fen) AS spent FROM bills b WHERE {in_year} "
            "GROUP BY b.patient_id ORDER BY spent DESC, b.patient_id LIMIT :top",
            span,
        ).fetchall()
        db.executemany(
            "INSERT INTO top_ids VALUES (?, ?)",
            [(pid, rank) for rank, (pid, _spent) in enumerate(top, start=1)],
        )
        db.execute(
            f"INSERT OR IGNORE INTO chosen SELECT b.bill_no, '{TOP}', 3, "
            f"t.rank * 4294967296 + b.row, t.rank FROM bills b "
            f"JOIN top_ids t ON t.patient_id = b.patient_id WHERE {in_year}",
            span,
        )
        # A top spender's bill already listed under another rule still shows the rank.
        db.execute(
            "UPDATE chosen SET spender_rank = (SELECT t.rank FROM bills b JOIN top_ids t "
            f"ON t.patient_id = b.patient_id WHERE b.bill_no = chosen.bill_no AND {in_year}) "
            "WHERE spender_rank IS NULL",
            {k: v for k, v in span.items() if k != "top"},
        )
    found = dict(db.execute("SELECT rule, COUNT(*) FROM chosen GROUP BY rule").fetchall())
    rules_used = (LARGE, FLAGGED, RANDOM, TOP) if rules.flagged else (LARGE, RANDOM, TOP)
    report.counts = {rule: found.get(rule, 0) for rule in rules_used}
    db.commit()


def build_sample(
    ws: Workspace, path: Path, rules: Rules, reporter: Reporter | None = None
) -> SampleReport:
    """Read the export and apply the rules. Changes nothing stored."""
    reporter = reporter or NullReporter()
    rules.check()
    path = Path(path)
    source = open_source(path)
    with path.open("rb") as handle:
        sha = hashlib.file_digest(handle, "sha256").hexdigest()
    report = SampleReport(
        source=path,
        source_sha256=sha,
        rows=0,
        scratch=_scratch(ws),
        scratch_key=os.urandom(32) if ws.encrypted else None,
    )
    try:
        assert report.scratch is not None
        db = scratch_connection(report.scratch / "bills.db", report.scratch_key)
        try:
            reporter.start(0, f"正在读取 {path.name}…")
            try:
                _load(db, source.rows, source.header, rules, report, reporter, source.delimiter)
            finally:
                source.close()
            _duplicates(db, report)
            if report.ok:
                _select(db, rules, report)
            db.commit()
        finally:
            db.close()
    except BaseException:
        report.close()
        raise
    if not report.ok:
        report.close()
    return report


def attach_sample(ws: Workspace, inspection: str, report: SampleReport, rules: Rules) -> str:
    """Store the list on the inspection, in one ``claims.sample`` event. Refuses a report
    with refused rows."""
    if not report.ok:
        raise InvalidInput("有 {n} 行被拒绝，未建立抽样清单", n=report.refused_count)
    with ws.change(None, "claims.sample", inspection=inspection) as ch:
        assert ch.inspection is not None
        stated = {**rules.to_data(), "year": report.year, "counts": report.counts,
                  "rest": report.rest, "description": rules.describe(report.year)}  # fmt: skip
        if rules.flagged:
            stated["flagged_in_rest"] = report.flagged_in_rest
        sample = ch.add(
            ClaimSample(
                inspection_id=ch.inspection.id,
                source_name=report.source.name,
                source_sha256=report.source_sha256,
                source_rows=report.rows,
                rules=stated,
            )
        )
        ch.session.flush()
        ch.entity(sample)
        # Straight to the driver: the scratch file holds the values already in the forms
        # SQLAlchemy stores (ISO dates, integers), and a list of 100,000 bills through the
        # ORM's per-row processing would take minutes.
        now = utcnow().replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")
        fixed = (ch.device_id, ch.device_id, ch.seq, now, now, sample.id, ch.inspection.id)
        sql = (
            f"INSERT INTO claim_bills ({', '.join(_BILL_COLUMNS)}) "
            f"VALUES ({', '.join('?' * len(_BILL_COLUMNS))})"
        )
        connection = ch.session.connection()
        rows: list[tuple[Any, ...]] = []
        count = 0
        for d in report.iter_bills():
            rows.append(
                (*fixed, str(uuid.uuid4()), d["rule"], d["row"], d["bill_no"], d["patient_name"],
                 d["patient_id"], d["institution"], d["kind"], d["bill_date"], d["admitted"],
                 d["discharged"], d["total_fen"], d["fund_fen"], d["items"], d["spender_rank"],
                 "pending", "", "[]")
            )  # fmt: skip
            count += 1
            if len(rows) >= 5000:
                connection.exec_driver_sql(sql, rows)
                rows.clear()
        if rows:
            connection.exec_driver_sql(sql, rows)
        ch.details.update(
            {"source": report.source.name, "source_sha256": report.source_sha256,
             "rows": report.rows, "rules": stated, "bills": count}
        )  # fmt: skip
        report.sample_id = sample.id
        return sample.id


_BILL_COLUMNS = (
    "device_id", "change_device_id", "change_seq", "created_at", "updated_at", "sample_id",
    "inspection_id", "id", "rule", "source_row", "bill_no", "patient_name", "patient_id",
    "institution", "kind", "bill_date", "admitted", "discharged", "total_fen", "fund_fen",
    "items", "spender_rank", "verdict", "note", "evidence_ids",
)  # fmt: skip


@dataclass(frozen=True)
class BillView:
    bill_no: str
    rule: str
    rule_name: str
    source_row: int
    patient_name: str
    patient_id: str
    institution: str
    kind_name: str
    bill_date: date
    total_fen: int
    fund_fen: int | None
    spender_rank: int | None
    verdict: str
    verdict_name: str
    note: str
    evidence_ids: list[str]


@dataclass(frozen=True)
class SampleView:
    id: str
    source_name: str
    source_sha256: str
    source_rows: int
    rules: dict[str, Any]
    bills: list[BillView]


def samples_of(ws: Workspace, inspection: str) -> list[SampleView]:
    from inspector.inspections import resolve_id

    with ws.db.session() as session:
        target = resolve_id(session, inspection)
        found = []
        for sample in session.scalars(
            select(ClaimSample)
            .where(ClaimSample.inspection_id == target.id)
            .order_by(ClaimSample.created_at)
        ):
            bills = session.scalars(select(ClaimBill).where(ClaimBill.sample_id == sample.id)).all()
            order = RULE_ORDER
            views = [
                BillView(
                    b.bill_no,
                    b.rule,
                    RULE_NAMES.get(b.rule, b.rule),
                    b.source_row,
                    b.patient_name,
                    b.patient_id,
                    b.institution,
                    KIND_NAMES.get(b.kind, b.kind),
                    b.bill_date,
                    b.total_fen,
                    b.fund_fen,
                    b.spender_rank,
                    b.verdict,
                    VERDICTS.get(b.verdict, b.verdict),
                    b.note,
                    list(b.evidence_ids),
                )
                for b in sorted(bills, key=lambda b: (order.get(b.rule, 9), b.source_row))
            ]
            found.append(
                SampleView(
                    sample.id,
                    sample.source_name,
                    sample.source_sha256,
                    sample.source_rows,
                    dict(sample.rules),
                    views,
                )
            )
        return found


def mark_bill(
    ws: Workspace,
    inspection: str,
    bill_no: str,
    verdict: str,
    note: str = "",
    evidence_ids: list[str] | None = None,
) -> None:
    """The team's verdict on a listed bill: 核实无误 (ok) or 发现问题 (problem), with a note and
    evidence of this inspection. A problem needs a note."""
    if verdict not in VERDICTS:
        raise InvalidInput(
            "核实结果应为 ok（核实无误）、problem（发现问题）或 pending，而不是“{verdict}”",
            verdict=verdict,
        )
    if verdict == "problem" and not note.strip():
        raise InvalidInput("发现问题时请写明问题")
    from inspector.evidence.manage import resolve_evidence

    with ws.change(None, "claims.mark", inspection=inspection) as ch:
        assert ch.inspection is not None
        found = ch.session.scalars(
            select(ClaimBill).where(
                ClaimBill.inspection_id == ch.inspection.id, ClaimBill.bill_no == bill_no.strip()
            )
        ).all()
        if not found:
            raise NotFound("该检查的抽样清单中没有结算单号 {bill_no}", bill_no=bill_no)
        if len(found) > 1:
            raise InvalidInput("结算单号 {bill_no} 在多份抽样清单中", bill_no=bill_no)
        bill = found[0]
        # The ids as typed (the 8 digits a list prints, say), kept whole.
        linked = [
            resolve_evidence(ch.session, text, ch.inspection.id).id for text in evidence_ids or []
        ]
        bill.verdict = verdict
        bill.note = note.strip()
        if evidence_ids is not None:
            bill.evidence_ids = sorted(set(bill.evidence_ids) | set(linked))
        ch.entity(bill)
