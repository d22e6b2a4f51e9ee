"""The one way to change the data: an audited unit of work, and the action log (全过程记录).

Every user action is one block::

    with ws.change(actor, "answer.save", inspection=inspection_id) as ch:
        ch.inspection            # loaded, checked editable (unless editable=False)
        row = ch.add(Answer(...))  # new rows: device stamped
        ch.entity(row)           # what the action is about (type/id; state hashed at the end)
        ch.delete(other)         # a tombstone, then the delete (a trigger refuses it without)
        ch.details["note"] = ... # small facts kept in the event

What the block does, in one transaction:

- takes SQLite's write lock first (``BEGIN IMMEDIATE``), so two writers (two windows, the app
  and the command line) never both read the same last event;
- loads the inspection by id or prefix and refuses a change when it is not editable;
- stamps every row it adds or changes with this device and this device's next change number
  (``change_device_id``/``change_seq``, the same number as the event), and a new row's
  ``device_id``;
- appends exactly ONE :class:`~inspector.db.models.AuditEvent`: hash-chained per device, with
  the laptop's clock, the per-device order (``seq``), actor, device, action, entity, and the
  SHA-256 of the entity's new state (canonical JSON, :mod:`inspector.hashing`).

If the block raises, nothing is stored, the log included. ``actor`` is an
:class:`~inspector.db.models.Inspector`, a 执法证号, or None for the workspace's current
inspector (:attr:`Workspace.actor`). :func:`verify` walks every device's chain and names the
first broken or missing link; :func:`audit_head` is the hash a record states.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import event as sa_event
from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from inspector import ids
from inspector.db.models import (
    AUDIT_EVENT_FIELDS,
    AuditEvent,
    Base,
    Inspection,
    Inspector,
    Synced,
    Tombstone,
    utcnow,
)
from inspector.hashing import canonical_json, sha256_of

if TYPE_CHECKING:
    from inspector.workspace import Workspace

GENESIS = "0" * 64

Row = TypeVar("Row", bound=Base)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return hashlib.sha256(value).hexdigest()
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return str(value)


def row_state(row: Base) -> dict[str, Any]:
    """A row's stored columns as plain JSON values (bytes by their SHA-256), without the
    bookkeeping columns a later change stamps."""
    skip = {"updated_at", "change_device_id", "change_seq"}
    mapper = inspect(row).mapper
    return {
        column.key: _plain(getattr(row, column.key))
        for column in mapper.column_attrs
        if column.key not in skip
    }


def state_hash(row: Base) -> str:
    return sha256_of(row_state(row))


def entry_hash(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


@dataclass
class Change:
    """The open unit of work handed to the block (see the module docstring)."""

    session: Session
    device_id: str
    seq: int
    action: str
    actor: str | None
    inspection: Inspection | None
    details: dict[str, Any] = field(default_factory=dict)
    entity_type: str | None = None
    entity_id: str | None = None
    _entity_row: Base | None = None
    state: Any = None  # set to hash this instead of the entity row
    unchanged: bool = False  # set by :meth:`nothing`: no event

    def nothing(self) -> None:
        """The action turned out to change nothing (e.g. the same caption again): no event."""
        self.unchanged = True

    def add(self, row: Row) -> Row:
        if isinstance(row, Synced) and not getattr(row, "device_id", None):
            row.device_id = self.device_id
        self.session.add(row)
        return row

    def entity(
        self, row: Base | None = None, *, kind: str | None = None, id: str | None = None
    ) -> None:
        """Name what the action is about: a row (its new state is hashed at the end), or a
        kind and id (e.g. a setting, a file) with :attr:`state` set by the caller."""
        if row is not None:
            self._entity_row = row
            self.entity_type = row.__tablename__
            self.entity_id = None
        if kind is not None:
            self.entity_type = kind
        if id is not None:
            self.entity_id = id

    def delete(self, row: Synced) -> None:
        """Delete a synced row, leaving its tombstone (a trigger refuses a delete without)."""
        self.session.flush()
        table = row.__tablename__  # type: ignore[attr-defined]
        tombstone = Tombstone(
            table_name=table,
            entity_id=row.id,
            inspection_id=getattr(row, "inspection_id", None),
            device_id=self.device_id,
            change_seq=self.seq,
            deleted_at=utcnow(),
            state_sha256=state_hash(row),  # type: ignore[arg-type]
        )
        self.session.add(tombstone)
        self.session.flush()
        self.session.delete(row)
        if self.entity_type is None:
            self.entity_type, self.entity_id = table, row.id

    def custody(
        self,
        event: str,
        *,
        evidence_id: str | None = None,
        actor: dict[str, str] | None = None,
        data: dict[str, Any] | None = None,
        after: Any = None,
    ) -> Any:
        """Append the inspection's next custody entry (this device's chain) in this change."""
        from inspector.evidence import custody

        assert self.inspection is not None, "a custody entry belongs to an inspection"
        return custody.append(
            self.session,
            self.inspection.id,
            event,
            device_id=self.device_id,
            evidence_id=evidence_id,
            actor=actor,
            data=data,
            after=after,
        )

    def _before_flush(self, _session: Session, _context: Any, _instances: Any) -> None:
        self._stamp()

    def _stamp(self) -> None:
        for row in list(self.session.new) + list(self.session.dirty):
            if not isinstance(row, Synced):
                continue
            if row in self.session.dirty and not self.session.is_modified(row):
                continue
            if not getattr(row, "device_id", None):
                row.device_id = self.device_id
            row.change_device_id = self.device_id
            row.change_seq = self.seq

    def _event(self, prev: str) -> AuditEvent:
        self._stamp()
        self.session.flush()
        if self._entity_row is not None:
            self.entity_id = (
                self.entity_id
                or getattr(self._entity_row, "id", None)
                or getattr(self._entity_row, "sha256", None)
            )
            state = (
                None if self._entity_row in self.session.deleted else state_hash(self._entity_row)
            )
        elif self.state is not None:
            state = sha256_of(_plain(self.state))
        else:
            state = None
        moment = utcnow()
        columns = {
            "device_id": self.device_id,
            "seq": self.seq,
            "at": moment,
            "actor": self.actor,
            "action": self.action,
            "inspection_id": None if self.inspection is None else self.inspection.id,
            "entity_type": self.entity_type,
            "entity_id": self.entity_id,
            "state_sha256": state,
        }
        facts = {
            **columns,
            "at": moment.isoformat(),
            "prev": prev,
            "details": _plain(self.details),
        }
        body = canonical_json(facts)
        event = AuditEvent(**columns, body=body, prev_hash=prev, hash=entry_hash(body))
        self.session.add(event)
        return event


def _actor_key(session: Session, actor: Inspector | str | None) -> str | None:
    if isinstance(actor, Inspector):
        return actor.cert_no
    return actor


def _last(session: Session, device_id: str) -> AuditEvent | None:
    return session.scalars(
        select(AuditEvent)
        .where(AuditEvent.device_id == device_id)
        .order_by(AuditEvent.seq.desc())
        .limit(1)
    ).first()


@contextmanager
def change(
    ws: Workspace,
    actor: Inspector | str | None,
    action: str,
    *,
    inspection: str | None = None,
    editable: bool = True,
    entity: Base | None = None,
) -> Iterator[Change]:
    """One audited user action; see the module docstring."""
    # Imported here: inspections.py builds on this module.
    from inspector.inspections import require_editable, resolve_id

    with ws.db.session() as session:
        session.connection(execution_options={"sqlite_begin": "IMMEDIATE"})
        device = ws.db.device_id
        last = _last(session, device)
        loaded = None
        if inspection is not None:
            loaded = resolve_id(session, inspection)
            if editable:
                require_editable(loaded)
        who = _actor_key(session, actor if actor is not None else ws.actor)
        ch = Change(
            session=session,
            device_id=device,
            seq=1 if last is None else last.seq + 1,
            action=action,
            actor=who,
            inspection=loaded,
        )
        if entity is not None:
            ch.entity(entity)
        session.info["change"] = ch  # how a check tells a write inside a change from one outside
        # Every flush stamps what it writes, also the flushes the block makes itself.
        sa_event.listen(session, "before_flush", ch._before_flush)
        yield ch
        if not ch.unchanged or session.new or session.dirty or session.deleted:
            ch._event(GENESIS if last is None else last.hash)


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
        if not (isinstance(cls, type) and issubclass(cls, Synced)):
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
    "statement.set": "记录陈述申辩",
    "signature.add": "手写签名",
    "signature.refuse": "记录拒签",
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
    "followup.create": "新建回头看",
    "followup.verdict": "记录回头看整改结论",
    "order.build": "生成整改通知书",
    "order.sign": "签名整改通知书",
    "bundle.export": "导出交接包",
    "bundle.import": "导入交接包",
    "bundle.settle": "处理交接冲突",
    "key.create_device": "生成设备密钥",
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
