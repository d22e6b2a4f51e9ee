"""Importing a bundle: verify it whole first (inspector/bundle/verify.py), then merge it in one
unit of work, one ``bundle.import`` event naming who handed it over.

Each row of the bundle is looked up here by its id (ids merge across laptops: README "The
action log"), else by its natural key (an answer by inspection and item, a sealing-list line by
inspection and number). Then:

- not here: inserted as it is, with the change stamps of the laptop that made it (a row this
  laptop deleted stays deleted);
- the same: nothing;
- different: the change stamps decide. This laptop's log already holds the incoming change
  (it saw it and moved on): this laptop's row stays. The exporting laptop's log held this
  laptop's version when it exported (it saw it and changed it after): the incoming row replaces
  it. Neither: both changed it. For an inspection not signed the local row stays, the incoming
  one is kept beside it as a :class:`~inspector.db.models.BundleConflict` for the team leader
  to settle; a signed inspection is immutable, so the import is refused, naming the item
  (ODK Central answers a conflicting instanceID with 409 in the same spirit). An amendment
  (更正记录) is a new inspection naming the one it amends: it is inserted and linked.
- tombstones delete here too; the custody and audit chains are appended, each link checked
  against this laptop's last entry (a gap or a fork refuses the import).

After merging, still inside the transaction, the chains of every device and every inspection
touched are checked again and the foreign keys too: a receiver is left fully imported and
verifiable, or as it was. Evidence files are staged while the bundle is checked and renamed
into the store before the commit (the store's journal removes them if the commit never comes);
record PDFs likewise through the record store's journal.
"""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from cryptography import x509
from sqlalchemy import and_, delete, func, insert, select, text, update
from sqlalchemy.orm import Session

from inspector import ids
from inspector.audit import Change, _check_chain, _stamped_max, state_hash
from inspector.bundle import devices, rows, rules
from inspector.bundle.cases import NAMES as CASE_NAMES
from inspector.bundle.cases import unvouched
from inspector.bundle.format import BundleError, BundleRefused, open_zip
from inspector.bundle.rules import (
    AFTER_SIGNING,
    CASE_PARTS,
    CASE_TABLES,
    FOLLOWED_UP,
    SIGNED_CONTENT,
)
from inspector.bundle.verify import BundleReport, read_rows, verify_bundle
from inspector.db.models import (
    AuditEvent,
    Base,
    BundleConflict,
    BundleImport,
    Case,
    CustodyEvent,
    InspectionStatus,
    MemberRole,
    Record,
    RecordSignature,
    utcnow,
)
from inspector.errors import InspectorError, InvalidInput, StorageError, Term
from inspector.evidence.recovery import referenced_in
from inspector.progress import NullReporter, Reporter
from inspector.record.store import RecordStore, referenced_records
from inspector.workspace import Workspace

GENESIS = "0" * 64
# Rows that two laptops may make independently for the same thing.
NATURAL = {
    "answers": ("inspection_id", "item_code"),
    "seal_items": ("inspection_id", "position"),
    "inspector_conflicts": ("inspector_id", "institution_id"),
    "inspectors": ("cert_no",),
    "drug_checks": ("inspection_id", "list_code", "entry_no"),
}
_IDENTITY = frozenset({"id", "device_id", "created_at", *rows.BOOKKEEPING})
TABLE_NAMES = {
    "institutions": "机构",
    "inspectors": "检查人员",
    "inspections": "检查",
    "inspection_members": "检查组成员",
    "answers": "检查结果",
    "evidence": "证据",
    "seal_items": "封存清单",
    "records": "检查记录",
    "handwritten_signatures": "手写签名",
    "record_signatures": "数字签名",
    "interviews": "询问笔录",
    "claim_samples": "结算抽样",
    "claim_bills": "抽查票据",
    "leads": "线索",
    "lead_checks": "线索核查",
    "draws": "双随机抽查",
    "inspector_conflicts": "回避关系",
    "drug_checks": "重点药品耗材核查",
    "ledger_entries": "问题台账",
    "case_actions": "案件处理",
    "follow_up_items": "回头看条目",
    "rectification_orders": "整改通知书",
    "compulsory_measures": "封存/先行登记保存",
    "referrals": "案件移送",
    "received_referrals": "接收移送案件",
    "enforcement_documents": "强制措施和移送文书",
    **CASE_NAMES,
}


@dataclass
class ConflictView:
    id: str
    inspection_id: str | None
    table_name: str
    label: str
    fields: list[str]
    local_state: dict[str, Any] | None
    incoming_state: dict[str, Any]
    source: str
    status: str
    settled_by: str | None = None


@dataclass
class ImportResult:
    bundle_id: str
    source: str
    inserted: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)
    kept: dict[str, int] = field(default_factory=dict)  # this laptop's newer row stayed
    skipped_deleted: int = 0  # rows deleted here, not brought back
    conflicts: list[ConflictView] = field(default_factory=list)
    files: int = 0  # evidence files that were not here
    records: int = 0
    amendments: list[tuple[str, str]] = field(default_factory=list)  # (new, amended)
    inspections: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(
            sum(self.inserted.values())
            or sum(self.updated.values())
            or sum(self.deleted.values())
            or self.conflicts
        )

    def lines(self) -> list[str]:
        if not self.changed:
            return [f"交接包已导入过（或内容本机都有）：本机数据没有变化。交接人：{self.source}"]
        out = [f"已导入交接包，交接人：{self.source}"]
        for label, counts in (
            ("新增", self.inserted),
            ("更新", self.updated),
            ("删除", self.deleted),
        ):
            parts = [
                f"{TABLE_NAMES.get(k, k)} {v}" for k, v in counts.items() if v and k in TABLE_NAMES
            ]
            if parts:
                out.append(f"{label}：" + "，".join(parts))
        if self.files:
            out.append(f"新的证据文件：{self.files} 个")
        for new, old in self.amendments:
            out.append(f"更正记录 {new[:8]} 已关联到被更正的检查 {old[:8]}")
        if self.conflicts:
            out.append(
                f"冲突 {len(self.conflicts)} 项（两边都修改过，已保留两个版本，请检查组长处理）："
            )
            out += [f"  {c.id[:8]} {c.label}：{'、'.join(c.fields)}" for c in self.conflicts]
        out += [f"注意：{note}" for note in self.notes]
        return out


def trust_for(ws: Workspace, extra: Sequence[x509.Certificate] = ()) -> list[x509.Certificate]:
    """The certificates a bundle's signer may chain to here: the trust list's CA certificates
    (``config trust add``) and any given for this import."""
    from inspector.signing.trust import trust_roots

    return [*trust_roots(ws), *extra]


def missing_files(ws: Workspace, files: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """Of these (sha256, suffix), the evidence files this laptop lacks (what a sender asks
    before sending)."""
    return [(sha, suffix) for sha, suffix in files if not ws.store.has(sha, suffix)]


def preview_bundle(
    ws: Workspace,
    path: Path,
    *,
    trust: Sequence[x509.Certificate] = (),
    reporter: Reporter | None = None,
) -> BundleReport:
    """Verify a bundle against this laptop's trust (nothing is changed): what the app shows
    before importing."""
    roots = trust_for(ws, trust)
    return verify_bundle(path, roots=roots, require_trust=bool(roots), reporter=reporter)


def import_bundle(
    ws: Workspace,
    path: Path,
    *,
    trust: Sequence[x509.Certificate] = (),
    actor: str | None = None,
    reporter: Reporter | None = None,
) -> ImportResult:
    """Verify, then merge the bundle at ``path`` (see the module docstring). ``trust``:
    certificates to trust besides the trust list; when there are any, a signer chaining to
    none of them is refused."""
    reporter = reporter or NullReporter()
    path = Path(path)
    roots = trust_for(ws, trust)
    _check_space(ws, path)
    with ws.store.scratch(referenced_in(ws.db)) as work:
        staged: list[tuple[Any, str]] = []

        def sink(sha: str, suffix: str, stream: IO[bytes]) -> None:
            if not ws.store.has(sha, suffix):
                # verify_bundle hashes these bytes as they pass and refuses the bundle before
                # anything is kept if they do not match.
                staged.append((work.stage_stream(stream, sha, hashed_by_caller=True), suffix))

        report = verify_bundle(
            path, roots=roots, require_trust=bool(roots), reporter=reporter, sink=sink
        )
        if report.referral is not None:
            # Evidence handed to another department: one case, no action log to merge.
            raise BundleError(
                "这是移送证据包（移送书 {number}），只供接收单位核验，不能导入：本机数据未改变",
                number=str(report.referral.get("referral_no") or ""),
            )
        for item in report.manifest.get("requires") or []:
            sha, suffix = str(item.get("sha256")), str(item.get("suffix"))
            if not ws.store.has(sha, suffix):
                raise BundleError(
                    "这是增量交接包，本机缺少它所依赖的证据文件 {sha256}{suffix}："
                    "请先导入此前的交接包",
                    sha256=sha[:16],
                    suffix=suffix,
                )
        work.keep(staged)
        with open_zip(path) as archive:
            names = [n for n in archive.namelist() if n.startswith("records/")]
            journal = ws.records.journal(names)
            try:
                written = 0
                for name in names:
                    sha = _listed_sha(report, name)
                    if ws.records.hash_of(name) != sha:
                        with archive.open(name) as source:
                            ws.records.put_stream(name, source, sha)
                        written += 1
                result = _merge(ws, archive, report, actor)
            except BaseException:
                journal.abandon()
                ws.records.clean_incoming(referenced_records(ws.db))
                raise
            journal.close()
        result.files = len(staged) if result.changed else 0
        result.records = written
    return result


# Left free after an import: the database's journal and the checkpoint need room too.
SPACE_MARGIN = 256 << 20


def _check_space(ws: Workspace, path: Path) -> None:
    """Refuse, before anything is written, a bundle whose files this laptop lacks need more
    room than the data directory's disk has free (less a margin)."""
    from inspector.bundle.verify import _evidence_member

    needed = 0
    with open_zip(path) as archive:
        for info in archive.infolist():
            try:
                evidence = _evidence_member(info.filename)
            except BundleError:
                continue  # named by the verification that follows
            lacking = (
                not ws.store.has(*evidence)
                if evidence is not None
                else info.filename.startswith("records/")
                and ws.records.hash_of(info.filename) is None
            )
            if lacking:
                needed += info.file_size
    free = shutil.disk_usage(ws.home.root).free
    if needed + SPACE_MARGIN > free:
        raise StorageError(
            "磁盘空间不足：导入这个交接包需要约 {needed} MB，数据目录所在的磁盘只剩 {free} MB"
            "（另需留出 {margin} MB）。请清理磁盘空间后重试；本机数据未改变",
            needed=max(1, needed >> 20),
            free=free >> 20,
            margin=SPACE_MARGIN >> 20,
        )


def _listed_sha(report: BundleReport, name: str) -> str:
    for entry in report.manifest["members"]:
        if entry["name"] == name:
            return str(entry["sha256"])
    raise BundleError("交接包缺少清单中列出的文件：{name}", name=name)


def _mapper_class(name: str) -> type[Base]:
    for mapper in Base.registry.mappers:
        if mapper.local_table is not None and mapper.local_table.name == name:
            return mapper.class_
    raise KeyError(name)


class _Merger:
    def __init__(self, ch: Change, report: BundleReport, result: ImportResult) -> None:
        self.ch = ch
        self.session: Session = ch.session
        self.report = report
        self.result = result
        self.here: dict[str, int] = {
            d: int(s)
            for d, s in self.session.execute(
                select(AuditEvent.device_id, func.max(AuditEvent.seq)).group_by(
                    AuditEvent.device_id
                )
            )
        }
        self.there: dict[str, int] = {
            str(k): int(v) for k, v in (report.manifest.get("heads") or {}).items()
        }
        self.signed_here: set[str] = set()
        self.signed_there: set[str] = set()
        self.to_sign: dict[str, datetime] = {}  # inspection -> its updated_at
        self.record_inspection: dict[str, str] = {}
        self.case_inspection: dict[str, str | None] = {}  # case -> its inspection (or none)
        self.touched_inspections: set[str] = set()
        self.touched_tables: set[str] = set()
        self.conflicted: set[tuple[str, str]] = set()
        self.audit_devices: set[str] = set()  # whose chains this import extends
        self.new_devices: dict[str, dict[str, Any]] = {}  # devices first known by this import
        # The rows of each inspection the bundle brings signed: this laptop may hold no others.
        self.signed_rows: dict[tuple[str, str], set[str]] = {}
        # Record rows of inspections signed here that the bundle moves on (to their next
        # signature, judged in finish, when the bundle's signature rows are in).
        self.signed_record_updates: list[tuple[dict[str, Any], dict[str, Any], str]] = []
        self.records: RecordStore | None = None  # set by the import: the record files here

    # --- deciding ---------------------------------------------------------------------------

    def _knows_there(self, device: Any, seq: Any) -> bool:
        return rules.knows(self.there, device, seq)

    def _decide(self, local: dict[str, Any], incoming: dict[str, Any]) -> str:
        return rules.decide(local, incoming, here=self.here, there=self.there)

    def _inspection_of(self, name: str, data: dict[str, Any]) -> str | None:
        if name == "inspections":
            return str(data["id"])
        if name == "record_signatures":
            record = str(data.get("record_id"))
            if record not in self.record_inspection:
                self.record_inspection[record] = str(
                    self.session.scalar(select(Record.inspection_id).where(Record.id == record))
                )
            return self.record_inspection[record]
        if name == "cases":
            self.case_inspection.setdefault(str(data["id"]), data.get("inspection_id"))
        if name in CASE_PARTS:  # a case's row belongs to its case's inspection
            case = str(data.get("case_id"))
            if case not in self.case_inspection:
                self.case_inspection[case] = self.session.scalar(
                    select(Case.inspection_id).where(Case.id == case)
                )
            owner = self.case_inspection[case]
            return None if owner is None else str(owner)
        value = data.get("inspection_id")
        return None if value is None else str(value)

    def _signed(self, inspection: str | None) -> bool:
        return inspection is not None and (
            inspection in self.signed_here or inspection in self.signed_there
        )

    def _refuse(self, name: str, data: dict[str, Any], inspection: str | None, why: str) -> None:
        raise BundleRefused(
            "检查 {inspection} 已签字锁定，交接包中它的{what}与本机不同（{why}）：已拒绝导入，"
            "本机数据未改变。如需更正，请在签字的一方制作更正记录后再交接",
            inspection=(inspection or "")[:8],
            what=_label(name, data),
            why=Term(why),  # translated in the app like the message
        )

    # --- rows -------------------------------------------------------------------------------

    def _local(self, name: str, data: dict[str, Any]) -> dict[str, Any] | None:
        table = rows.table(name)
        keys = rows.primary_key(name)
        row = self.session.execute(
            select(table).where(and_(*(table.c[k] == _bind(name, k, data[k]) for k in keys)))
        ).first()
        if row is None and name in NATURAL:
            natural = NATURAL[name]
            row = self.session.execute(
                select(table).where(
                    and_(*(table.c[k] == _bind(name, k, data.get(k)) for k in natural))
                )
            ).first()
        return None if row is None else rows.encode(name, row)

    def _tombstoned(self, name: str, entity_id: Any) -> bool:
        t = rows.table("tombstones")
        return (
            self.session.execute(
                select(t.c.entity_id).where(t.c.table_name == name, t.c.entity_id == entity_id)
            ).first()
            is not None
        )

    def _count(self, kind: dict[str, int], name: str, data: dict[str, Any] | None = None) -> None:
        kind[name] = kind.get(name, 0) + 1
        self.touched_tables.add(name)
        if data is not None and data.get("change_device_id"):
            # Rows stamped by a laptop need that laptop's log up to the stamp: checked at the end.
            self.audit_devices.add(str(data["change_device_id"]))

    def _insert(self, name: str, data: dict[str, Any]) -> None:
        values = rows.decode(name, data)
        if name == "inspections" and values.get("status") is InspectionStatus.SIGNED:
            # Signed last, after its rows went in (the lock triggers refuse rows after).
            values["status"] = InspectionStatus.AWAITING_SIGNATURES
            self.to_sign[str(data["id"])] = values["updated_at"]
        self.session.execute(insert(rows.table(name)).values(**values))
        self._count(self.result.inserted, name, data)

    def _update(self, name: str, data: dict[str, Any], local: dict[str, Any]) -> None:
        # Only the columns that differ: a trigger guards the file columns of evidence even
        # when set to the same value.
        changed = {k for k, v in data.items() if local.get(k) != v}
        values = rows.decode(name, data)
        if name == "inspections" and values.get("status") is InspectionStatus.SIGNED:
            values["status"] = InspectionStatus.AWAITING_SIGNATURES
            self.to_sign[str(data["id"])] = values["updated_at"]
        table = rows.table(name)
        keys = rows.primary_key(name)
        self.session.execute(
            update(table)
            .where(and_(*(table.c[k] == values[k] for k in keys)))
            .values(**{k: v for k, v in values.items() if k not in keys and k in changed})
        )
        self._count(self.result.updated, name, data)

    def row(self, name: str, data: dict[str, Any]) -> None:
        inspection = self._inspection_of(name, data)
        if name == "inspections" and data.get("status") == InspectionStatus.SIGNED.value:
            self.signed_there.add(str(data["id"]))
        if inspection in self.signed_there and name in SIGNED_CONTENT:
            self.signed_rows.setdefault((inspection, name), set()).add(str(data["id"]))
        local = self._local(name, data)
        if local is None:
            if "id" in data and self._tombstoned(name, data["id"]):
                self.result.skipped_deleted += 1
                return
            if inspection in self.signed_here and not rules.may_add_to_signed(name):
                self._refuse(name, data, inspection, "本机没有这条记录")
            self._insert(name, data)
            if inspection:
                self.touched_inspections.add(inspection)
            if name == "inspections" and data.get("amends_id"):
                self.result.amendments.append((str(data["id"]), str(data["amends_id"])))
            return
        if name == "inspections" and local.get("status") == InspectionStatus.SIGNED.value:
            self.signed_here.add(str(local["id"]))
        if local == data:
            return
        if name == "checklist_snapshots":
            return  # a snapshot is named by its hash: the same hash, the same checklist
        if _without(local, _IDENTITY) == _without(data, _IDENTITY):
            return  # the same facts, made or stamped apart (one registry imported on both)
        if local.get("id") != data.get("id"):
            # The same thing made on both laptops (the same item answered on each).
            if rows.content(_without(local, _IDENTITY)) == rows.content(_without(data, _IDENTITY)):
                return
            action = "conflict"
        else:
            action = self._decide(local, data)
        if name == "case_documents" and local.get("signatures") and action != "keep":
            action = self._next_signed_document(local, data)
        if action == "keep":
            self._keep_signed(name, local, data, inspection)
            self._count(self.result.kept, name)
            return
        if action == "update":
            if inspection in self.signed_here and name not in AFTER_SIGNING:
                self._refuse(name, data, inspection, "交接包中是另一个版本")
            if inspection in self.signed_here and name == "record_signatures":
                # A signature, once made, is what it is (the server holds the same rule).
                self._refuse(name, data, inspection, "签名一经签署不再改动")
            if inspection in self.signed_here and name == "records":
                self.signed_record_updates.append((local, data, inspection))
            self._update(name, data, local)
            if inspection:
                self.touched_inspections.add(inspection)
            return
        if self._signed(inspection) and name not in FOLLOWED_UP:
            self._refuse(name, data, inspection, "两边各自修改过")
        self._conflict(name, local, data, inspection)

    def _next_signed_document(self, local: dict[str, Any], data: dict[str, Any]) -> str:
        """A case document signed here becomes the bundle's version only when that is its next
        signature (rules.next_signed_document), whichever laptop changed it last: an older copy,
        another file or a signature taken away is refused."""
        paths = {
            str(local.get("sha256")): local.get("path"),
            str(data.get("sha256")): data.get("path"),
        }

        def extends(before: str, after: str) -> bool:
            return self.records is not None and _file_extends(
                self.records, str(paths[before]), str(paths[after])
            )

        why = rules.next_signed_document(local, data, extends, rows.content)
        if why is not None:
            raise BundleRefused(
                "案件文书 {document}（{title}）已有签名，交接包中它的版本不是本机版本之后的签名"
                "版本（{why}）：已拒绝导入，本机数据未改变",
                document=str(data.get("id"))[:8],
                title=str(local.get("title") or ""),
                why=Term(why),
            )
        return "update"

    def check_cases(self, archive: zipfile.ZipFile) -> None:
        """Every row of a case in the bundle is as the change that stamped it left it
        (inspector/bundle/cases.py); the log is merged, so that change is here."""
        for name in CASE_TABLES:
            for data in read_rows(archive, name):
                event = self.session.execute(
                    select(
                        AuditEvent.action,
                        AuditEvent.entity_type,
                        AuditEvent.entity_id,
                        AuditEvent.state_sha256,
                        AuditEvent.body,
                    ).where(
                        AuditEvent.device_id == data.get("change_device_id"),
                        AuditEvent.seq == data.get("change_seq"),
                    )
                ).first()
                why = unvouched(name, data, None if event is None else event._asdict())
                if why is not None:
                    raise BundleRefused(
                        "交接包中的{what} {id} 与给它盖章的操作（设备 {device} 第 {seq} 条）不符"
                        "（{why}）：已拒绝导入，本机数据未改变",
                        what=Term(CASE_NAMES[name]),
                        id=str(data.get("id"))[:8],
                        device=str(data.get("change_device_id"))[:8],
                        seq=data.get("change_seq"),
                        why=Term(why),
                    )

    def _keep_signed(
        self, name: str, local: dict[str, Any], data: dict[str, Any], inspection: str | None
    ) -> None:
        """This laptop keeps its row: refused when the bundle says the inspection is signed
        (its signed rows are not this laptop's), and when either side signed it and the two
        rows carry the same change stamp with different content (one change cannot have made
        both: the bundle's row was altered after it was made, and "没有变化" would hide it), or
        both signed it and a row the record states differs."""
        if name in AFTER_SIGNING:
            return
        if inspection in self.signed_there and inspection not in self.signed_here:
            self._refuse(name, data, inspection, "本机有对方签字时没有的修改")
        stamp = ("change_device_id", "change_seq")
        if self._signed(inspection) and all(local.get(k) == data.get(k) for k in stamp):
            self._refuse(name, data, inspection, "改动标记相同而内容不同，交接包中的这一行被改过")
        if inspection in self.signed_there and name in SIGNED_CONTENT:
            # Signed on both sides: what the record states cannot differ (the lock triggers
            # keep these rows as they were signed).
            self._refuse(name, data, inspection, "与本机签字的版本不同")

    def _conflict(
        self,
        name: str,
        local: dict[str, Any] | None,
        incoming: dict[str, Any],
        inspection: str | None,
    ) -> None:
        fields = (
            ["已删除"]
            if incoming.get("deleted")
            else sorted(
                k
                for k in set(rows.content(incoming)) | set(rows.content(local or {}))
                if k not in _IDENTITY and (local or {}).get(k) != incoming.get(k)
            )
        )
        key = (name, _entity(name, incoming))
        existing = self.session.scalars(
            select(BundleConflict).where(
                BundleConflict.table_name == name,
                BundleConflict.incoming_id == key[1],
                BundleConflict.status == "open",
            )
        ).all()
        if any(c.incoming_state == incoming for c in existing) or key in self.conflicted:
            return  # the same conflict, kept already (the same bundle again)
        self.conflicted.add(key)
        row = self.ch.add(
            BundleConflict(
                inspection_id=inspection,
                table_name=name,
                local_id=None if local is None else _entity(name, local),
                incoming_id=key[1],
                label=_label(name, incoming),
                fields=fields,
                local_state=local,
                incoming_state=incoming,
                bundle_id=self.report.bundle_id,
                source=self.report.source_text(),
            )
        )
        self.session.flush()
        self.result.conflicts.append(_view(row))

    # --- tombstones and chains -----------------------------------------------------------------

    def tombstone(self, data: dict[str, Any]) -> None:
        t = rows.table("tombstones")
        name, entity = str(data["table_name"]), str(data["entity_id"])
        if self._tombstoned(name, entity):
            return
        if name not in rows.TABLES:
            raise BundleError("交接包中的删除记录指向未知的数据表：{table}", table=name)
        cls = _mapper_class(name)
        local = self.session.get(cls, entity)
        inspection = data.get("inspection_id")
        self.session.execute(insert(t).values(**rows.decode("tombstones", data)))
        self._count(self.result.inserted, "tombstones")
        if local is None:
            return
        stamp = (getattr(local, "change_device_id", None), getattr(local, "change_seq", None))
        same = state_hash(local) == data.get("state_sha256")
        encoded = rows.encode(name, {c.name: getattr(local, c.key) for c in _columns(cls)})
        self.session.expunge(local)
        if same or self._knows_there(*stamp):
            if self._signed(inspection):
                self._refuse(name, encoded, inspection, "交接包中删除了它")
            table = rows.table(name)
            self.session.execute(delete(table).where(table.c.id == entity))
            self._count(self.result.deleted, name)
            if inspection:
                self.touched_inspections.add(str(inspection))
            return
        if self._signed(inspection):
            self._refuse(name, encoded, inspection, "对方删除了它，本机修改过")
        self._conflict(name, encoded, {"id": entity, "deleted": True, **data}, inspection)

    def chain(self, name: str, data: dict[str, Any]) -> None:
        """Append a custody or audit entry after this laptop's last of its chain."""
        cls: Any = AuditEvent if name == "audit_events" else CustodyEvent
        group = (
            (cls.device_id == data["device_id"],)
            if name == "audit_events"
            else (cls.inspection_id == data["inspection_id"], cls.device_id == data["device_id"])
        )
        label = "操作记录" if name == "audit_events" else "证据保管记录"
        where = f"设备 {str(data['device_id'])[:8]} 的{label}第 {data['seq']} 条"
        same = self.session.execute(select(cls.hash).where(*group, cls.seq == data["seq"])).scalar()
        if name == "audit_events":
            self._admit_device(str(data["device_id"]), int(data["seq"]), same is not None)
        else:
            self._admit_custody(data, same is not None)
        if same is not None:
            if same != data["hash"]:
                raise BundleError(
                    "{where}与本机的不同（记录链分叉）：已拒绝导入，本机数据未改变", where=where
                )
            return
        last = self.session.execute(
            select(cls.seq, cls.hash).where(*group).order_by(cls.seq.desc()).limit(1)
        ).first()
        seq, prev = (0, GENESIS) if last is None else (int(last[0]), str(last[1]))
        if data["seq"] != seq + 1 or data["prev_hash"] != prev:
            raise BundleError(
                "{where}接不上本机的记录（本机到第 {seq} 条）：请先导入此前的交接包",
                where=where,
                seq=seq,
            )
        self.session.execute(insert(rows.table(name)).values(**rows.decode(name, data)))
        self._count(self.result.inserted, name)
        if name == "audit_events":
            self.audit_devices.add(str(data["device_id"]))
        if name == "custody_events":
            self.touched_inspections.add(str(data["inspection_id"]))

    def _admit_device(self, device: str, seq: int, held: bool) -> None:
        """Whose log this bundle may bring (inspector/bundle/devices.py): never events of this
        laptop's own chain that it lacks; a device unknown here only with its head statement."""
        if device == self.ch.device_id:
            if not held:
                raise devices.forged_own(device, seq)
            return
        if device in self.here or device in self.new_devices:
            return
        head = self.report.devices.get(device)
        if head is None:
            raise devices.unvouched(device)
        self.new_devices[device] = {
            "head_signer": head.signer_text(),
            "head_signer_sha256": head.signer.fingerprint_sha256,
            "trusted": head.signer.trusted,
            "seq": head.seq,
        }
        if (
            not head.signer.trusted
            and head.signer.fingerprint_sha256 != self.report.signature.fingerprint_sha256
        ):  # (the bundle's own signer unconfirmed is noted already)
            self.result.notes.append(
                f"新设备 {device[:8]} 的记录链头签名者（{head.signer_text()}）未经本机信任列表确认"
            )

    def _admit_custody(self, data: dict[str, Any], held: bool) -> None:
        """A custody entry is written on its device in a change of that device's log: the
        same devices as the log (never this laptop's entries it lacks)."""
        device = str(data["device_id"])
        if device == self.ch.device_id:
            if not held:
                raise devices.forged_own_custody(device, str(data["inspection_id"]), data["seq"])
            return
        if device not in self.here and device not in self.report.devices:
            raise devices.unvouched_custody(device)

    # --- the end ------------------------------------------------------------------------------

    def finish(self) -> None:
        self._check_record_versions()
        insp = rows.table("inspections")
        for inspection in sorted(self.to_sign):
            for name in sorted(SIGNED_CONTENT):
                table = rows.table(name)
                here = set(
                    self.session.scalars(
                        select(table.c.id).where(table.c.inspection_id == inspection)
                    )
                )
                extra = here - self.signed_rows.get((inspection, name), set())
                if extra:
                    raise BundleRefused(
                        "检查 {inspection} 在交接包中已签字，本机却有它签字时没有的{what}："
                        "已拒绝导入，本机数据未改变",
                        inspection=inspection[:8],
                        what=TABLE_NAMES.get(name, name),
                    )
        for inspection, updated_at in sorted(self.to_sign.items()):
            self.session.execute(
                update(insp)
                .where(insp.c.id == inspection)
                .values(status=InspectionStatus.SIGNED, updated_at=updated_at)
            )
        for name in sorted(self.touched_tables):
            problems = self.session.execute(text(f'PRAGMA foreign_key_check("{name}")')).all()
            if problems:
                raise BundleError(
                    "交接包中的{what}引用了本机没有的数据（{parent}）：请先导入此前的交接包",
                    what=TABLE_NAMES.get(name, name),
                    parent=problems[0][2],
                )
        self._check_chains()

    def _check_record_versions(self) -> None:
        """A signed inspection's record row moves only to its next signed version, as on the
        server (``rules.next_signed_version``): the same record, a file that a signature row
        names and that begins with the old file's bytes. An older version, or another PDF
        signed by the same people, would otherwise replace the record this laptop holds."""
        for old, new, inspection in self.signed_record_updates:
            named = {
                str(sha)
                for sha in self.session.scalars(
                    select(RecordSignature.pdf_sha256).where(
                        RecordSignature.record_id == str(new.get("id"))
                    )
                )
            }
            paths = {
                str(old.get("sha256")): old.get("path"),
                str(new.get("sha256")): new.get("path"),
            }

            def extends(before: str, after: str, paths: dict[str, Any] = paths) -> bool:
                return self.records is not None and _file_extends(
                    self.records, str(paths[before]), str(paths[after])
                )

            why = rules.next_signed_version(old, new, named, extends, rows.content)
            if why is not None:
                self._refuse("records", new, inspection, why)

    def _check_chains(self) -> None:
        from inspector.evidence.verify import VerifyReport
        from inspector.evidence.verify import _check_chain as custody_chain

        stamped = _stamped_max(self.session)
        me = self.ch.device_id
        for device in sorted(self.audit_devices):
            if device == me:
                continue  # this laptop's own chain grows by this import's event at the end
            chain = list(
                self.session.scalars(
                    select(AuditEvent)
                    .where(AuditEvent.device_id == device)
                    .order_by(AuditEvent.seq)
                )
            )
            problem = _check_chain(device, chain, stamped.get(device, 0))
            if problem is not None:
                raise BundleError(
                    "导入后设备 {device} 的操作记录链校验未通过：{problem}；已拒绝导入",
                    device=device[:8],
                    problem=problem.message,
                )
        for inspection in sorted(self.touched_inspections):
            events = list(
                self.session.scalars(
                    select(CustodyEvent)
                    .where(CustodyEvent.inspection_id == inspection)
                    .order_by(CustodyEvent.seq)
                )
            )
            report = VerifyReport(inspection_id=inspection)
            custody_chain(report, events)
            if report.problems:
                raise BundleError(
                    "导入后检查 {inspection} 的证据保管链校验未通过：{problem}；已拒绝导入",
                    inspection=inspection[:8],
                    problem=str(report.problems[0]),
                )


def _file_extends(records: RecordStore, old: str, new: str) -> bool:
    """The record file ``new`` is the file ``old`` with more after it (a signature is an
    incremental update: the signed bytes stay a prefix)."""
    try:
        if records.size_of(new) <= records.size_of(old):
            return False
        with records.open(old) as before, records.open(new) as after:
            while chunk := before.read(1 << 20):
                if after.read(len(chunk)) != chunk:
                    return False
    except (OSError, InspectorError):
        return False
    return True


def _columns(cls: type[Base]) -> list[Any]:
    from sqlalchemy import inspect as sa_inspect

    return [attr.columns[0] for attr in sa_inspect(cls).column_attrs]


def _bind(name: str, key: str, value: Any) -> Any:
    return rows.decode(name, {key: value}).get(key, value)


def _without(data: dict[str, Any], keys: Iterable[str]) -> dict[str, Any]:
    drop = set(keys)
    return {k: v for k, v in data.items() if k not in drop}


def _entity(name: str, data: dict[str, Any]) -> str:
    """The row's id as a conflict names it; a team member, beside its inspection, by its
    inspector."""
    if name == "inspection_members":
        return str(data.get("inspector_id"))
    return str(data.get("id"))


def _label(name: str, data: dict[str, Any]) -> str:
    what = TABLE_NAMES.get(name, name)
    if name == "answers":
        return f"条目 {data.get('item_code')} 的检查结果"
    if name == "evidence":
        return f"证据 {str(data.get('id'))[:8]} {data.get('original_name') or ''}".strip()
    if name == "seal_items":
        return f"封存清单第 {data.get('position')} 项"
    if name == "inspections":
        return "检查信息"
    if name == "interviews":
        return f"对 {data.get('interviewee_name')} 的询问笔录"
    if name == "inspection_members":
        return f"检查组成员 {str(data.get('inspector_id'))[:8]}"
    return f"{what} {str(data.get('id'))[:8]}"


def _view(row: BundleConflict) -> ConflictView:
    return ConflictView(
        id=row.id,
        inspection_id=row.inspection_id,
        table_name=row.table_name,
        label=row.label,
        fields=list(row.fields),
        local_state=row.local_state,
        incoming_state=row.incoming_state,
        source=row.source,
        status=row.status,
        settled_by=row.settled_by,
    )


def _merge(
    ws: Workspace, archive: zipfile.ZipFile, report: BundleReport, actor: str | None
) -> ImportResult:
    result = ImportResult(
        bundle_id=report.bundle_id,
        source=report.source_text(),
        inspections=report.inspections,
        notes=list(report.notes),
    )
    with ws.change(actor, "bundle.import") as ch:
        ch.session.execute(text("PRAGMA defer_foreign_keys = ON"))
        merger = _Merger(ch, report, result)
        merger.records = ws.records
        for name in rows.TABLES:
            for data in read_rows(archive, name):
                if name in ("audit_events", "custody_events"):
                    merger.chain(name, data)
                elif name == "tombstones":
                    merger.tombstone(data)
                else:
                    merger.row(name, data)
        merger.finish()
        merger.check_cases(archive)
        # A signed record travels only with its data: a record stating other data than the
        # merged rows is refused and the whole import rolled back.
        from inspector.bundle.signed import check_signed_data

        check_signed_data(ws, ch, merger.touched_inspections, merger.to_sign)
        if not result.changed:
            ch.nothing()
            return result
        row = ch.add(
            BundleImport(
                bundle_id=report.bundle_id,
                manifest_sha256=report.manifest_sha256,
                exporter_device_id=str(report.exporter.get("device_id")),
                signer={**report.signer, "certificate_sha256": report.signature.fingerprint_sha256},
                summary={
                    "inserted": result.inserted,
                    "updated": result.updated,
                    "deleted": result.deleted,
                    "conflicts": len(result.conflicts),
                    # Kept to forward (bundle/devices.py) and to say how a device is known.
                    "device_heads": {d: h.forwarded() for d, h in sorted(report.devices.items())},
                    "new_devices": merger.new_devices,
                },
            )
        )
        ch.entity(row)
        ch.details.update(
            {
                "bundle_id": report.bundle_id,
                "from": report.source_text(),
                "signer": report.signer,
                "exporter": report.exporter,
                "trusted": report.trusted,
                "inspections": [item["id"] for item in report.inspections],
                "conflicts": len(result.conflicts),
            }
        )
    return result


# --- conflicts -------------------------------------------------------------------------------


def list_conflicts(
    ws: Workspace, *, inspection: str | None = None, open_only: bool = True
) -> list[ConflictView]:
    with ws.db.session() as session:
        query = select(BundleConflict).order_by(BundleConflict.created_at)
        if inspection:
            query = query.where(
                ids.prefix_filter(BundleConflict.inspection_id, inspection, ids.INSPECTION)
            )
        if open_only:
            query = query.where(BundleConflict.status == "open")
        return [_view(row) for row in session.scalars(query)]


def _find_conflict(session: Session, text_id: str) -> BundleConflict:
    return ids.resolve_prefix(session, BundleConflict.id, text_id, ids.CONFLICT)


def settle_conflict(
    ws: Workspace, conflict_id: str, keep: str, *, actor: str | None = None
) -> ConflictView:
    """The team leader settles a conflict: ``keep`` = ``local`` (this laptop's version stays)
    or ``incoming`` (the bundle's version replaces it). One ``bundle.settle`` event."""
    if keep not in ("local", "incoming"):
        raise InvalidInput("请选择保留本机版本（local）或交接包版本（incoming）")
    with ws.db.session() as session:
        found = _find_conflict(session, conflict_id)
        inspection_id = found.inspection_id
    with ws.change(actor, "bundle.settle", inspection=inspection_id) as ch:
        session = ch.session
        row = session.get(BundleConflict, found.id)
        assert row is not None
        if row.status != "open":
            raise InvalidInput("这项冲突已经处理过了")
        if ch.inspection is not None:
            leaders = {
                m.inspector.cert_no for m in ch.inspection.members if m.role is MemberRole.LEADER
            }
            if leaders and ch.actor not in leaders:
                raise InvalidInput("只有检查组长可以处理交接冲突")
        if keep == "incoming":
            _apply_incoming(ch, row)
        row.status = keep
        row.settled_by = ch.actor
        row.settled_at = utcnow()
        ch.entity(row)
        ch.details.update({"keep": keep, "table": row.table_name, "label": row.label})
        view = _view(row)
    return view


def _apply_incoming(ch: Change, row: BundleConflict) -> None:
    session = ch.session
    cls = _mapper_class(row.table_name)
    incoming = dict(row.incoming_state)
    if row.table_name == "inspection_members":
        # Keyed by its inspection and inspector: the incoming facts replace this laptop's.
        member = session.get(cls, (row.inspection_id, row.incoming_id))
        assert member is not None  # a team member is never deleted
        values = rows.decode(row.table_name, _without(incoming, rows.BOOKKEEPING))
        for key, value in values.items():
            setattr(member, key, value)
        return
    local = session.get(cls, row.local_id) if row.local_id else None
    if incoming.get("deleted"):
        if local is not None:
            session.delete(local)  # its tombstone came with the bundle
        return
    values = rows.decode(row.table_name, _without(incoming, rows.BOOKKEEPING))
    if local is not None and row.local_id != row.incoming_id:
        ch.delete(local)  # the same item made on both laptops: the incoming one replaces it
        session.flush()
        local = None
    if local is None:
        ch.add(cls(**values))
        return
    for key, value in values.items():
        if key not in ("id", "device_id", "created_at"):
            setattr(local, key, value)
