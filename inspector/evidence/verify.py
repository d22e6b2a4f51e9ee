"""Checking an inspection's evidence against its chain of custody: every entry's hash and link
to the one before, every stored file's hash, and that the rows in the database are what the
chain says they should be. Each mismatch is named: which file, which entry."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from inspector.db.models import CustodyEvent, Evidence, SealItem
from inspector.evidence import custody
from inspector.evidence.manage import stored_files
from inspector.inspections import resolve_id
from inspector.progress import NullReporter, Reporter, check_cancel
from inspector.workspace import Workspace

# The fields of a row that the chain must account for.
_EVIDENCE_FIELDS = ("sha256", "item_code", "caption", "thumb_sha256", "print_sha256")
_SEAL_FIELDS = ("position", "description", "quantity", "unit", "evidence_ids")


@dataclass
class Problem:
    kind: str  # "entry", "file", "row"
    where: str  # e.g. "第 7 条记录", "证据 a1b2c3d4 照片.jpg 的原件"
    message: str

    def __str__(self) -> str:
        return f"{self.where}：{self.message}"


@dataclass
class VerifyReport:
    inspection_id: str
    entries: int = 0
    files: int = 0
    evidence: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_evidence(
    ws: Workspace, inspection_id: str, reporter: Reporter | None = None
) -> VerifyReport:
    reporter = reporter or NullReporter()
    with ws.db.session() as session:
        inspection = resolve_id(session, inspection_id)
        report = VerifyReport(inspection_id=inspection.id)
        events = list(
            session.scalars(
                select(CustodyEvent)
                .where(CustodyEvent.inspection_id == inspection.id)
                .order_by(CustodyEvent.seq)
            )
        )
        rows = list(
            session.scalars(select(Evidence).where(Evidence.inspection_id == inspection.id))
        )
        seals = list(
            session.scalars(select(SealItem).where(SealItem.inspection_id == inspection.id))
        )
        session.expunge_all()
    report.entries = len(events)
    report.evidence = len(rows)
    evidence_state, seal_state = _check_chain(report, events)
    _check_rows(report, rows, seals, evidence_state, seal_state)
    files = [(row, role, sha, suffix) for row in rows for role, sha, suffix in stored_files(row)]
    reporter.start(len(files), "校验证据文件")
    for done, (row, role, sha, suffix) in enumerate(files, start=1):
        check_cancel(reporter)
        actual = ws.store.hash_of(sha, suffix)
        where = f"证据 {row.id[:8]} {row.original_name} 的{role}"
        if actual is None:
            report.problems.append(Problem("file", where, f"文件缺失（{sha}{suffix}）"))
        elif actual != sha:
            report.problems.append(
                Problem("file", where, f"文件内容已改变：应为 {sha}，实为 {actual}")
            )
        report.files += 1
        reporter.advance(done, row.original_name)
    return report


def _check_chain(
    report: VerifyReport, events: list[CustodyEvent]
) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    """Recompute each device's chain; return what the chains say the evidence and the sealing
    list are (the entries applied in the order they were made)."""
    evidence: dict[str, dict[str, Any]] = {}
    seals: dict[str, dict[str, Any]] = {}
    chains: dict[str, list[CustodyEvent]] = {}
    for event in events:
        chains.setdefault(event.device_id, []).append(event)
    bodies: list[tuple[str, str, int, dict[str, Any]]] = []
    for device, chain in sorted(chains.items()):
        label = f"设备 {device[:8]} 的" if len(chains) > 1 else ""
        for event, body in _check_device_chain(report, sorted(chain, key=lambda e: e.seq), label):
            bodies.append((str(body.get("at") or ""), device, event.seq, body))
    if len(chains) > 1:  # interleave the devices by their clocks; one device: its own order
        bodies.sort(key=lambda b: (b[0], b[1], b[2]))
    for _at, _device, _seq, body in bodies:
        _apply(body, evidence, seals)
    return evidence, seals


def _check_device_chain(
    report: VerifyReport, events: list[CustodyEvent], label: str
) -> list[tuple[CustodyEvent, dict[str, Any]]]:
    prev = custody.GENESIS
    expected_seq = 1
    good: list[tuple[CustodyEvent, dict[str, Any]]] = []
    for event in events:
        name = custody.EVENT_NAMES.get(event.event, event.event)
        where = f"{label}保管记录第 {event.seq} 条（{name}）"
        if event.seq != expected_seq:
            report.problems.append(
                Problem("entry", where, f"序号不连续：此处应为第 {expected_seq} 条")
            )
        expected_seq = event.seq + 1
        actual = custody.entry_hash(event.body)
        if actual != event.hash:
            report.problems.append(
                Problem("entry", where, f"内容已被改动：哈希应为 {event.hash}，重算为 {actual}")
            )
        if event.prev_hash != prev:
            report.problems.append(
                Problem("entry", where, "与上一条记录的链接断开（上一条被改动、删除或插入）")
            )
        try:
            body = json.loads(event.body)
        except ValueError:
            report.problems.append(Problem("entry", where, "记录内容不是有效的 JSON"))
            prev = event.hash
            continue
        mismatched = [
            name
            for name, column in (
                ("prev", event.prev_hash),
                ("seq", event.seq),
                ("event", event.event),
                ("evidence_id", event.evidence_id),
                ("inspection_id", event.inspection_id),
                ("device_id", event.device_id),
            )
            if body.get(name) != column
        ]
        if mismatched:
            report.problems.append(
                Problem("entry", where, "记录的字段与其内容不符：" + "、".join(mismatched))
            )
        good.append((event, body))
        prev = event.hash
    return good


def _apply(
    body: dict[str, Any], evidence: dict[str, dict[str, Any]], seals: dict[str, dict[str, Any]]
) -> None:
    event = body.get("event")
    data = body.get("data") or {}
    evidence_id = body.get("evidence_id")
    if event in ("added", "annotated") and evidence_id:
        evidence[evidence_id] = {name: data.get(name) for name in _EVIDENCE_FIELDS}
        evidence[evidence_id]["name"] = data.get("name")
        evidence[evidence_id]["caption"] = data.get("caption") or ""
    elif event == "linked" and evidence_id in evidence:
        evidence[evidence_id]["item_code"] = data.get("item_code")
    elif event == "captioned" and evidence_id in evidence:
        evidence[evidence_id]["caption"] = data.get("caption") or ""
    elif event == "removed" and evidence_id:
        evidence.pop(evidence_id, None)
    elif event == "sealed" and data.get("seal_item_id"):
        seals[data["seal_item_id"]] = {name: data.get(name) for name in _SEAL_FIELDS}
    elif event == "seal_removed" and data.get("seal_item_id"):
        seals.pop(data["seal_item_id"], None)


def _check_rows(
    report: VerifyReport,
    rows: list[Evidence],
    seals: list[SealItem],
    evidence_state: dict[str, dict[str, Any]],
    seal_state: dict[str, dict[str, Any]],
) -> None:
    seen: set[str] = set()
    for row in rows:
        where = f"证据 {row.id[:8]} {row.original_name}"
        seen.add(row.id)
        state = evidence_state.get(row.id)
        if state is None:
            report.problems.append(Problem("row", where, "保管记录中没有它的添加记录"))
            continue
        for name in _EVIDENCE_FIELDS:
            value = getattr(row, name) or ("" if name == "caption" else None)
            if value != state[name]:
                report.problems.append(
                    Problem(
                        "row",
                        where,
                        f"数据库中的 {name} 与保管记录不符：{value!r}，记录为 {state[name]!r}",
                    )
                )
    for evidence_id, state in evidence_state.items():
        if evidence_id not in seen:
            report.problems.append(
                Problem(
                    "row",
                    f"证据 {evidence_id[:8]} {state.get('name') or ''}".strip(),
                    "已从数据库中消失，但保管记录中没有移除记录",
                )
            )
    seen_seals: set[str] = set()
    for item in seals:
        where = f"封存清单第 {item.position} 项"
        seen_seals.add(item.id)
        state = seal_state.get(item.id)
        if state is None:
            report.problems.append(Problem("row", where, "保管记录中没有它的封存记录"))
            continue
        current = {name: getattr(item, name) for name in _SEAL_FIELDS}
        current["evidence_ids"] = list(current["evidence_ids"] or [])
        for name in _SEAL_FIELDS:
            if current[name] != state[name]:
                report.problems.append(
                    Problem("row", where, f"{name} 与保管记录不符：{current[name]!r}")
                )
    for seal_id, state in seal_state.items():
        if seal_id not in seen_seals:
            report.problems.append(
                Problem(
                    "row",
                    f"封存清单第 {state.get('position')} 项",
                    "已从数据库中消失，但保管记录中没有移出记录",
                )
            )
