"""The action log (全过程记录): reading, verifying and exporting the chain of events that the
unit of work (:mod:`inspector.change`, ``ws.change``) appends, one per user action.

:func:`verify` walks every device's chain and names the first broken or missing link;
:func:`audit_head` is the hash a record states. ``Change``, ``change`` and the state hashes are
re-exported from here for the modules that import them so.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inspector import ids
from inspector.change import (  # noqa: F401  (re-exported: the unit of work lives there)
    GENESIS,
    Change,
    Row,
    _plain,
    change,
    entry_hash,
    row_state,
    state_hash,
)
from inspector.db.models import (
    AUDIT_EVENT_FIELDS,
    AuditEvent,
    Base,
    InspectionMember,
    Synced,
    Tombstone,
)
from inspector.hashing import canonical_json, sha256_of

if TYPE_CHECKING:
    from inspector.workspace import Workspace


def audit_head(ws: Workspace) -> str:
    """The hash of the log's head: SHA-256 over each device's last event hash, in device
    order (one device: still hashed, so the form does not change when a second one syncs)."""
    with ws.db.session() as session:
        heads = _heads(session)
    return sha256_of(sorted([device, digest] for device, digest in heads))


def log_state(ws: Workspace) -> tuple[str, int]:
    """The head hash (:func:`audit_head`) and how many events the log holds: what a record
    states of the log at its build."""
    with ws.db.session() as session:
        heads = _heads(session)
        count = session.scalar(select(func.count()).select_from(AuditEvent)) or 0
    return sha256_of(sorted([device, digest] for device, digest in heads)), count


def _heads(session: Session) -> list[tuple[str, str]]:
    latest = (
        select(AuditEvent.device_id, func.max(AuditEvent.seq).label("seq"))
        .group_by(AuditEvent.device_id)
        .subquery()
    )
    rows = session.execute(
        select(AuditEvent.device_id, AuditEvent.hash).join(
            latest,
            (AuditEvent.device_id == latest.c.device_id) & (AuditEvent.seq == latest.c.seq),
        )
    ).all()
    return [(device, digest) for device, digest in rows]


@dataclass(frozen=True)
class Problem:
    device_id: str
    seq: int
    event_id: str | None
    message: str


@dataclass(frozen=True)
class AuditCheck:
    events: int
    devices: int
    problem: Problem | None  # the first broken or missing link

    @property
    def ok(self) -> bool:
        return self.problem is None


def _stamped_max(session: Session) -> dict[str, int]:
    """The highest change number each device stamped on any row: an event the log lacks past
    its last entry (a deleted head) shows here."""
    found: dict[str, int] = {}
    for mapper in Base.registry.mappers:
        cls = mapper.class_
        if not (isinstance(cls, type) and issubclass(cls, Synced | InspectionMember)):
            continue
        for device, top in session.execute(
            select(cls.change_device_id, func.max(cls.change_seq))
            .where(cls.change_device_id.is_not(None))
            .group_by(cls.change_device_id)
        ):
            found[device] = max(found.get(device, 0), top or 0)
    for device, top in session.execute(
        select(Tombstone.device_id, func.max(Tombstone.change_seq)).group_by(Tombstone.device_id)
    ):
        found[device] = max(found.get(device, 0), top or 0)
    return found


def verify(ws: Workspace) -> AuditCheck:
    """Walk each device's chain in order; the first event whose body, hash, link or number
    does not fit is named."""
    with ws.db.session() as session:
        rows = session.scalars(
            select(AuditEvent).order_by(AuditEvent.device_id, AuditEvent.seq)
        ).all()
        stamped = _stamped_max(session)
    devices: dict[str, list[AuditEvent]] = {}
    for row in rows:
        devices.setdefault(row.device_id, []).append(row)
    for device in sorted(set(devices) | set(stamped)):
        chain = devices.get(device, [])
        problem = _check_chain(device, chain, stamped.get(device, 0))
        if problem is not None:
            return AuditCheck(len(rows), len(devices), problem)
    return AuditCheck(len(rows), len(devices), None)


def device_origins(ws: Workspace) -> list[Any]:
    """Every device of the log with how this laptop knows it (this laptop, or the bundle that
    first brought it and who vouched for its chain): inspector/bundle/devices.py."""
    from inspector.bundle.devices import device_origins as origins

    with ws.db.session() as session:
        return origins(session, ws.db.device_id)


def _check_chain(device: str, chain: list[AuditEvent], stamped: int) -> Problem | None:
    prev = GENESIS
    expected = 1
    for row in chain:
        if row.seq != expected:
            return Problem(device, expected, None, f"缺少第 {expected} 条操作记录（已被删除）")
        try:
            facts = json.loads(row.body)
        except ValueError:
            return Problem(device, row.seq, row.id, f"第 {row.seq} 条操作记录内容已损坏")
        if entry_hash(row.body) != row.hash:
            return Problem(device, row.seq, row.id, f"第 {row.seq} 条操作记录的内容与其哈希不符")
        if row.prev_hash != prev or facts.get("prev") != prev:
            return Problem(device, row.seq, row.id, f"第 {row.seq} 条操作记录与上一条的链接断开")
        columns = {key: getattr(row, key) for key in AUDIT_EVENT_FIELDS}
        columns["at"] = row.at.isoformat()
        for key, value in columns.items():
            if facts.get(key) != value:
                return Problem(
                    device, row.seq, row.id, f"第 {row.seq} 条操作记录的字段 {key} 被改动"
                )
        prev = row.hash
        expected += 1
    if stamped >= expected:
        return Problem(device, expected, None, f"缺少第 {expected} 条及以后的操作记录（已被删除）")
    return None


def events(
    ws: Workspace, *, inspection: str | None = None, device: str | None = None
) -> list[AuditEvent]:
    with ws.db.session() as session:
        query = select(AuditEvent).order_by(AuditEvent.device_id, AuditEvent.seq)
        if inspection is not None:
            query = query.where(
                ids.prefix_filter(AuditEvent.inspection_id, inspection, ids.INSPECTION)
            )
        if device is not None:
            query = query.where(AuditEvent.device_id == device)
        return list(session.scalars(query))


ACTION_NAMES = {
    "answer.save": "记录检查结果",
    "answer.clear": "清除检查结果",
    "statement.set": "记录被检查单位意见",
    "signature.add": "手写签名",
    "signature.refuse": "记录拒签",
    "signature.void": "签名失效（签名后记录内容有变更）",
    "party.present": "记录被检查单位在场人员",
    "seal.add": "加入封存清单",
    "seal.remove": "移出封存清单",
    "evidence.add": "添加证据",
    "evidence.caption": "证据说明",
    "evidence.link": "证据关联条目",
    "evidence.annotate": "标注证据",
    "evidence.remove": "移除证据",
    "evidence.export": "导出证据",
    "inspection.create": "新建检查",
    "inspection.finish": "完成现场检查",
    "inspection.reopen": "重新打开检查",
    "inspection.amend": "新建更正记录",
    "record.build": "生成检查记录",
    "record.sign": "数字签名",
    "interview.create": "新建询问笔录",
    "interview.question": "记录询问问答",
    "registry.import": "导入定点机构名册",
    "settings.set": "修改设置",
    "draw.run": "双随机抽查",
    "roster.add": "登记检查人员",
    "roster.remove": "移出检查人员名录",
    "conflict.add": "登记回避关系",
    "institution.rate": "登记风险等级和信用等级",
    "claims.sample": "结算数据抽样",
    "claims.mark": "记录票据核实结果",
    "ledger.enter": "问题录入台账",
    "ledger.progress": "记录整改进展",
    "case.add": "记录案件处理",
    # The case procedure (inspector/cases/).
    "case.open": "登记案件",
    "case.file": "立案",
    "case.not_file": "不予立案",
    "case.investigate": "调查终结",
    "case.review": "案件审核（法制审核）",
    "case.notify": "事先告知",
    "case.statement": "记录陈述申辩",
    "case.waive": "书面放弃陈述申辩和听证",
    "case.hearing_request": "申请听证",
    "case.hearing": "听证",
    "case.decide": "作出处罚决定",
    "case.serve": "送达",
    "case.execute": "执行",
    "case.close": "结案",
    "case.withdraw": "撤销立案",
    "case.terminate": "终止调查",
    "case.extend": "延长办案期限",
    "case.measure": "记录处理措施",
    "case.measure_cancel": "撤回处理措施",
    "case.payment": "记录缴款",
    "followup.create": "新建回头看",
    "followup.verdict": "记录回头看整改结论",
    "order.build": "生成整改通知书",
    "order.sign": "签名整改通知书",
    "bundle.export": "导出交接包",
    "bundle.import": "导入交接包",
    "bundle.settle": "处理交接冲突",
    "key.create_device": "生成设备密钥",
    "measure.decide": "决定封存或先行登记保存",
    "measure.sign_list": "登记强制措施清单的签名",
    "measure.extend": "延长封存期限",
    "measure.end": "解除或处理强制措施",
    "measure.document": "生成强制措施文书",
    "measure.case": "强制措施归入案件",
    "enforcement.sign": "签名强制措施或移送文书",
    "referral.send": "案件移送",
    "referral.receipt": "登记移送签收",
    "referral.feedback": "登记移送反馈",
    "referral.return": "登记移送退回",
    "referral.receive": "登记其他部门移送的案件",
    "referral.link": "移送来的案件转为线索或案件",
}


EXPORT_COLUMNS = (*AUDIT_EVENT_FIELDS, "prev_hash", "hash", "id")


def event_data(row: AuditEvent) -> dict[str, Any]:
    data: dict[str, Any] = {key: getattr(row, key) for key in EXPORT_COLUMNS}
    data["at"] = row.at.isoformat()
    data["action_name"] = ACTION_NAMES.get(row.action, row.action)
    data["details"] = json.loads(row.body).get("details", {})
    return data


def find_event(ws: Workspace, text: str) -> AuditEvent:
    """An event by its id or an unambiguous prefix of it (at least 4 characters)."""
    with ws.db.session() as session:
        return ids.resolve_prefix(session, AuditEvent.id, text, ids.EVENT)


def export_events(ws: Workspace, target: Path) -> int:
    """Write the whole log to ``target``: JSON lines (``.jsonl``/``.json``) or Excel
    (``.xlsx``), in device and order. Returns the number of events."""
    from inspector.errors import InvalidInput
    from inspector.files import write_atomically

    suffix = target.suffix.lower()
    if suffix not in (".jsonl", ".json", ".xlsx"):
        raise InvalidInput("导出文件的扩展名应为 .jsonl 或 .xlsx")
    rows = [event_data(row) for row in events(ws)]
    if suffix == ".xlsx":
        import openpyxl

        from inspector.xlsx import create_sheet, workbook_bytes

        book = openpyxl.Workbook(write_only=True)
        sheet = create_sheet(book, "操作记录")
        header = [*EXPORT_COLUMNS, "action_name", "details"]
        sheet.append(header)
        for data in rows:
            sheet.append([canonical_json(data[k]) if k == "details" else data[k] for k in header])
        payload = workbook_bytes(book)
    else:
        payload = "".join(canonical_json(data) + "\n" for data in rows).encode("utf-8")
    write_atomically(target, payload, mode=0o644)
    return len(rows)
