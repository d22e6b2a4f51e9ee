"""The sweep of one inspection: codes scanned, each checked and kept in the scan log at once.

The log is evidence of what was on the shelf and when: every scan is a row of ``trace_scans``
(time, code, how it was read, what it was found to be then), append-only, each holding the
previous scan's hash (one chain per inspection and device, as the custody chain), written in
one audited change per batch of scans (``trace.scan``) whose event holds the chain's new head.
A malformed code is told and not stored; a code scanned again in the same sweep is kept as a
scan (the team did scan it twice) but counted once, with a note naming its first scan.

Classification (classify.py) reads the settlement detail through the DuckDB connection the
detail store gives (``open_detail``), and the purchase records imported for the inspection."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager, ExitStack, nullcontext
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import duckdb
from sqlalchemy import select

from inspector.change import resolve_id
from inspector.db.models import TraceScan, new_id, utcnow
from inspector.errors import InvalidInput, NotFound
from inspector.hashing import canonical_json
from inspector.inspections import mark_started
from inspector.trace import HITS, NORMAL, RESULTS, SOURCES
from inspector.trace.classify import (
    Classified,
    classify_indexed,
    drop,
    index_detail,
    load_purchases,
)
from inspector.trace.codes import Checked, check
from inspector.trace.purchases import purchase_codes
from inspector.workspace import Workspace

GENESIS = "0" * 64
MAX_BATCH = 10_000  # scans in one change: a pasted list; a scanner sends one at a time


def entry_hash(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Scan:
    """One stored scan, with what it is found to be."""

    seq: int
    device_id: str
    scanned_at: datetime
    code: str
    source: str
    result: str  # as found at the scan
    repeat_of: int | None
    hash: str
    found: Classified | None = None  # as found now (the sweep's summary) or at the scan

    @property
    def note(self) -> str:
        return "" if self.repeat_of is None else f"重复扫描（首次为第 {self.repeat_of} 次扫描）"


@dataclass
class ScanBatch:
    scans: list[Scan] = field(default_factory=list)
    refused: list[Checked] = field(default_factory=list)


@dataclass
class SweepSummary:
    inspection_id: str
    scans: list[Scan]  # the whole log, in order
    codes: list[Classified]  # each code once, in the order first scanned, as found now
    detail_checked: bool
    purchases_checked: bool
    heads: dict[str, str]  # device → the last scan's hash

    @property
    def repeats(self) -> int:
        return sum(1 for s in self.scans if s.repeat_of is not None)

    @property
    def counts(self) -> dict[str, int]:
        counted = dict.fromkeys(RESULTS, 0)
        for found in self.codes:
            counted[found.result] += 1
        return counted

    @property
    def hits(self) -> list[Classified]:
        """The codes found wrong, the weightiest finding first, then in the order scanned."""
        found = [c for c in self.codes if c.result in HITS]
        return sorted(found, key=lambda c: HITS.index(c.result))

    @property
    def amount_fen(self) -> int:
        """The fund's money on the settlements of boxes found on the shelf."""
        return sum(c.amount_fen for c in self.codes if c.uses)

    def to_data(self) -> dict[str, Any]:
        return {
            "inspection_id": self.inspection_id,
            "scans": len(self.scans),
            "codes": len(self.codes),
            "repeats": self.repeats,
            "counts": self.counts,
            "amount_fen": self.amount_fen,
            "detail_checked": self.detail_checked,
            "purchases_checked": self.purchases_checked,
            "heads": self.heads,
            "hits": [
                {"code": c.code, "result": c.result, "flags": list(c.flags), "uses": c.uses,
                 "settlement_nos": list(c.settlement_nos), "row_nos": list(c.row_nos),
                 "amount_fen": c.amount_fen, "item_name": c.item_name, "buyers": list(c.buyers)}
                for c in self.hits
            ],
        }  # fmt: skip


def open_detail_of(
    ws: Workspace, inspection_id: str
) -> AbstractContextManager[duckdb.DuckDBPyConnection | None]:
    """The inspection's settlement detail (table ``detail``, in memory, for the block), or
    None when none is imported. A stored detail that is damaged or replaced is refused
    (StorageError), not taken for none."""
    from inspector.settlement.store import detail_info, open_detail

    try:
        detail_info(ws, inspection_id)
    except NotFound:
        return nullcontext(None)
    return open_detail(ws, inspection_id)


_OPEN = object()  # Sweep(detail=...) not given: open the inspection's own


class Sweep:
    """A sweep under way: the detail connection and the purchase codes held while scanning
    (one window, one ``trace scan`` run). Not thread-safe: use it from one thread (the app's
    database executor)."""

    def __init__(self, ws: Workspace, inspection_id: str, detail: Any = _OPEN) -> None:
        self.ws = ws
        with ws.db.session() as session:
            self.inspection_id = resolve_id(session, inspection_id).id
        self._owned = detail is _OPEN
        self._stack = ExitStack()
        if detail is _OPEN:
            con = self._stack.enter_context(open_detail_of(ws, self.inspection_id))
        else:
            con = detail
        self.detail_checked = con is not None
        self.con = con if con is not None else self._stack.enter_context(duckdb.connect())
        # The detail's codes, indexed once: each scan is then a join, not a pass over the
        # detail (a scanner sends a code a second; a year's detail is a million rows).
        self._index = index_detail(self.con, "detail" if self.detail_checked else None)
        self._bought = ""
        self.purchases: list[tuple[str, bool, str]] = []
        self.reload()

    def reload(self) -> None:
        """Read the purchase codes again (after an import)."""
        self.purchases = purchase_codes(self.ws, self.inspection_id)
        old, self._bought = self._bought, load_purchases(self.con, self.purchases)
        if old:
            drop(self.con, old)

    @property
    def purchases_checked(self) -> bool:
        return bool(self.purchases)

    def classify(self, codes: Sequence[str]) -> dict[str, Classified]:
        return classify_indexed(
            self.con,
            codes,
            index=self._index,
            purchases=self._bought,
            checked=self.purchases_checked,
        )

    def scan(self, texts: Iterable[str], source: str, actor: str | None = None) -> ScanBatch:
        """Check, classify and store a batch of scanned texts (one change). Refused texts are
        returned, not stored; nothing is stored when no text is a code."""
        if source not in SOURCES:
            raise ValueError(f"unknown scan source {source!r}")
        batch = ScanBatch()
        codes: list[str] = []
        for text in texts:
            checked = check(text)
            if checked.code is None:
                batch.refused.append(checked)
            else:
                codes.append(checked.code)
        if len(codes) > MAX_BATCH:
            raise InvalidInput("一次最多记录 {limit} 个追溯码", limit=MAX_BATCH)
        if not codes:
            return batch
        found = self.classify(codes)
        batch.scans = record_scans(self.ws, self.inspection_id, codes, source, found, actor)
        return batch

    def summary(self) -> SweepSummary:
        """The whole log, and every code once, classified now in one query."""
        scans = list_scans(self.ws, self.inspection_id)
        order = list(dict.fromkeys(s.code for s in scans))
        found = self.classify(order) if order else {}
        heads: dict[str, str] = {}
        for s in scans:
            heads[s.device_id] = s.hash
        return SweepSummary(
            self.inspection_id,
            [_with(s, found.get(s.code)) for s in scans],
            [found[code] for code in order],
            self.detail_checked,
            self.purchases_checked,
            heads,
        )

    def close(self) -> None:
        if not self._owned:
            drop(self.con, self._index, self._bought)  # the caller's connection stays open
        self._stack.close()

    def __enter__(self) -> Sweep:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _with(scan: Scan, found: Classified | None) -> Scan:
    return Scan(
        scan.seq, scan.device_id, scan.scanned_at, scan.code, scan.source, scan.result,
        scan.repeat_of, scan.hash, found,
    )  # fmt: skip


def _view(row: TraceScan, found: Classified | None = None) -> Scan:
    return Scan(
        row.seq, row.device_id, row.scanned_at, row.code, row.source, row.result,
        row.repeat_of, row.hash, found,
    )  # fmt: skip


def record_scans(
    ws: Workspace,
    inspection_id: str,
    codes: Sequence[str],
    source: str,
    found: dict[str, Classified],
    actor: str | None = None,
) -> list[Scan]:
    """Append the scans of valid ``codes`` to the log, in one audited change."""
    with ws.change(actor, "trace.scan", inspection=inspection_id) as ch:
        assert ch.inspection is not None
        inspection = ch.inspection.id
        session = ch.session
        last = session.scalars(
            select(TraceScan)
            .where(TraceScan.inspection_id == inspection, TraceScan.device_id == ch.device_id)
            .order_by(TraceScan.seq.desc())
            .limit(1)
        ).first()
        seq, prev = (0, GENESIS) if last is None else (last.seq, last.hash)
        # The first scan of each code in this sweep, from any laptop of the team.
        first: dict[str, int] = {}
        wanted = sorted(set(codes))
        for start in range(0, len(wanted), 500):  # SQLite's limit on bound values
            for code, at in session.execute(
                select(TraceScan.code, TraceScan.seq)
                .where(
                    TraceScan.inspection_id == inspection,
                    TraceScan.code.in_(wanted[start : start + 500]),
                    TraceScan.repeat_of.is_(None),
                )
                .order_by(TraceScan.scanned_at)
            ):
                first.setdefault(code, at)
        made: list[Scan] = []
        for code in codes:
            seq += 1
            moment = utcnow()
            result = found[code].result if code in found else NORMAL
            repeat_of = first.get(code)
            body = canonical_json(
                {
                    "inspection_id": inspection,
                    "seq": seq,
                    "prev": prev,
                    "at": moment.isoformat(),
                    "device_id": ch.device_id,
                    "code": code,
                    "source": source,
                    "result": result,
                    "repeat_of": repeat_of,
                }
            )
            digest = entry_hash(body)
            row = ch.add(
                TraceScan(
                    id=new_id(),
                    inspection_id=inspection,
                    seq=seq,
                    scanned_at=moment,
                    code=code,
                    source=source,
                    result=result,
                    repeat_of=repeat_of,
                    body=body,
                    prev_hash=prev,
                    hash=digest,
                    created_at=moment,
                    updated_at=moment,
                )
            )
            made.append(_view(row, found.get(code)))
            first.setdefault(code, seq)
            prev = digest
        mark_started(ch.inspection)  # scanning the shelf is work on site, as an answer is
        ch.entity(kind="trace_scans", id=f"{ch.device_id}:{seq}")
        ch.state = {"head": prev, "seq": seq}
        ch.details.update(scans=len(codes), last_seq=seq, source=source)
    return made


def list_scans(ws: Workspace, inspection_id: str) -> list[Scan]:
    with ws.db.session() as session:
        rows = session.scalars(
            select(TraceScan)
            .where(TraceScan.inspection_id == inspection_id)
            .order_by(TraceScan.scanned_at, TraceScan.device_id, TraceScan.seq)
        ).all()
        return [_view(row) for row in rows]


def verify_scans(ws: Workspace, inspection_id: str) -> list[str]:
    """What is wrong with the inspection's scan log, each chain checked from its start: an
    entry changed, removed or reordered. Empty when every chain holds."""
    problems: list[str] = []
    with ws.db.session() as session:
        rows = session.scalars(
            select(TraceScan)
            .where(TraceScan.inspection_id == inspection_id)
            .order_by(TraceScan.device_id, TraceScan.seq)
        ).all()
        prev: dict[str, tuple[int, str]] = {}
        for row in rows:
            seq, last = prev.get(row.device_id, (0, GENESIS))
            if row.seq != seq + 1:
                problems.append(f"设备 {row.device_id[:8]} 第 {seq + 1} 条扫码记录缺失")
            if row.prev_hash != last or entry_hash(row.body) != row.hash:
                problems.append(f"设备 {row.device_id[:8]} 第 {row.seq} 条扫码记录被改动")
            else:
                facts = _facts(row.body)
                if (facts.get("code"), facts.get("result"), facts.get("seq")) != (
                    row.code,
                    row.result,
                    row.seq,
                ):
                    problems.append(f"设备 {row.device_id[:8]} 第 {row.seq} 条扫码记录被改动")
            prev[row.device_id] = (row.seq, row.hash)
    return problems


def _facts(body: str) -> dict[str, Any]:
    import json

    try:
        data = json.loads(body)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}
