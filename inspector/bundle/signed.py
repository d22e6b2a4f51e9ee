"""A signed record travels only with its data. An import may not give this laptop a
signed inspection whose rows say something else than its signed record: for every inspection
the import signs here or whose rows it touches (one signed here before keeps the merge's row
by row refusals), each record PDF that carries signatures states a data hash, and the merged
rows must recompute it with the very function ``record verify`` uses
(:func:`inspector.record.facts.data_hash`, by the data hash format the record states). An
inspection marked signed needs a signed record; one not signed may not bring problem-ledger rows
(only signing makes them).

The check runs inside the import's unit of work, after the merge and before the commit: the
record functions read the merged rows through the import's own session (:class:`_Within`), and
a mismatch raises, which rolls the whole import back. The hash compared with is the one in the
Subject of the revision the first signature covers (what the signers signed), never a row of
the bundle, which whoever re-signs the manifest can also change.

Where a row is not as the change that stamped it left it (the state hash of that change's
audit event), the refusal names it: the altered row of a doctored bundle."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from pyhanko.pdf_utils.reader import PdfFileReader
from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.audit import Change, state_hash
from inspector.bundle import rows
from inspector.bundle.format import BundleRefused
from inspector.bundle.merge import TABLE_NAMES, _columns, _label, _mapper_class
from inspector.db.models import (
    AuditEvent,
    Inspection,
    InspectionStatus,
    LedgerEntry,
    Record,
    Setting,
)
from inspector.record.facts import data_hash
from inspector.record.signing import _SUBJECT, _subject_fields
from inspector.workspace import Workspace

# The rows a record's data hash is made of, in the order a refusal looks for the altered one.
STATED = (
    "inspections",
    "answers",
    "evidence",
    "seal_items",
    "handwritten_signatures",
    "interviews",
    "drug_checks",
    "claim_samples",
    "claim_bills",
    "lead_checks",
)


class _Within:
    """The workspace's database as the import's unit of work sees it: every session is that
    one session (not committed, not closed here), so the record functions read the rows just
    merged. Anything else of the database is not for them."""

    def __init__(self, session: Session, device_id: str) -> None:
        self._session = session
        self.device_id = device_id
        self.locked = False

    @contextmanager
    def session(self) -> Iterator[Session]:
        yield self._session

    def setting(self, key: str) -> str | None:
        return self._session.scalar(select(Setting.value).where(Setting.key == key))


def check_signed_data(
    ws: Workspace, ch: Change, touched: Iterable[str], newly_signed: Iterable[str]
) -> None:
    """Refuse the import (:class:`BundleRefused`) when a signed record of an inspection whose
    rows it ``touched``, or that it signs here (``newly_signed``), states data other than the
    merged rows (see the module docstring). An inspection signed here before keeps the row by
    row refusals of the merge (its signed rows cannot change), so it is not judged again."""
    session = ch.session
    session.flush()
    session.expire_all()  # the merge wrote with Core statements: no stale object may answer
    within = dataclasses.replace(ws, db=_Within(session, ws.db.device_id))
    signing = set(newly_signed)
    for inspection in sorted(set(touched) | signing):
        status = session.scalar(select(Inspection.status).where(Inspection.id == inspection))
        if status is None:
            continue  # deleted by the bundle's tombstones
        if status is InspectionStatus.SIGNED and inspection not in signing:
            continue
        records = session.execute(
            select(Record.kind, Record.path, Record.interview_id, Record.record_no)
            .where(Record.inspection_id == inspection)
            .order_by(Record.created_at)
        ).all()
        signed_record = False
        for kind, path, interview_id, record_no in records:
            stated = _signed_subject(ws.records.read_bytes(path))
            if stated is None:
                continue  # a build no one signed (superseded), or an unsigned one
            if stated.get("inspection") != inspection or not stated.get("data"):
                raise BundleRefused(
                    "检查 {inspection} 的已签名记录 {record} 没有写明这项检查及其数据摘要："
                    "已拒绝导入，本机数据未改变",
                    inspection=inspection[:8],
                    record=record_no or path,
                )
            interview = interview_id if kind == "interview_record" else None
            signed_record = signed_record or interview is None
            current = data_hash(within, inspection, interview, stated.get("hashformat"))
            if current != stated.get("data"):
                raise BundleRefused(
                    "检查 {inspection} 已签名的记录 {record} 所载数据与交接包中的数据不一致"
                    "（{where}）：已拒绝导入，本机数据未改变。签名后的数据只能通过更正记录修改",
                    inspection=inspection[:8],
                    record=stated.get("no") or record_no or path,
                    where=_first_altered(session, inspection),
                )
        if status is InspectionStatus.SIGNED and not signed_record:
            raise BundleRefused(
                "检查 {inspection} 在交接包中标为已签字，却没有带数字签名的检查记录："
                "已拒绝导入，本机数据未改变",
                inspection=inspection[:8],
            )
        if status is not InspectionStatus.SIGNED and session.scalar(
            select(LedgerEntry.id).where(LedgerEntry.inspection_id == inspection).limit(1)
        ):
            # Findings enter the ledger only when the record is signed (ledger.enter_findings):
            # a signed inspection passed off as unsigned, its signed record left out.
            raise BundleRefused(
                "检查 {inspection} 未签字，交接包却带来了它的问题台账（只有签字时才会登记）："
                "已拒绝导入，本机数据未改变",
                inspection=inspection[:8],
            )
    if session.new or session.dirty or session.deleted:  # the record functions only read
        raise RuntimeError("checking a signed record changed rows")


def _signed_subject(data: bytes) -> dict[str, str] | None:
    """What a signed record states in its Subject (no, inspection, data, …) as the first
    signature covers it (as ``read_subject_fields``: a later revision cannot change it);
    None for a PDF without signatures."""
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signed = sorted(s.signed_revision for s in reader.embedded_signatures)
        if not signed:
            return None
        info = reader.get_historical_resolver(signed[0]).trailer_view["/Info"]
        subject = str(info.get("/Subject", ""))
    except Exception:  # a PDF pyHanko cannot read: the bundle's check named it already
        return {}
    if not _SUBJECT.search(subject):
        return {}
    return _subject_fields(subject[subject.index("INSPECTOR-RECORD") :])


def _first_altered(session: Session, inspection: str) -> str:
    """The first row of the inspection that is not as the change that stamped it left it:
    its state differs from the state its audit event hashed. A row stamped by a change about
    another row cannot be judged so."""
    for name in STATED:
        cls = _mapper_class(name)
        column = cls.id if name == "inspections" else cls.inspection_id  # type: ignore[attr-defined]
        for row in session.scalars(select(cls).where(column == inspection)):
            event = session.scalar(
                select(AuditEvent).where(
                    AuditEvent.device_id == row.change_device_id,  # type: ignore[attr-defined]
                    AuditEvent.seq == row.change_seq,  # type: ignore[attr-defined]
                )
            )
            if (
                event is None
                or event.entity_type != name
                or event.entity_id != row.id  # type: ignore[attr-defined]
                or not event.state_sha256
            ):
                continue
            if state_hash(row) != event.state_sha256:
                data = rows.encode(name, {c.name: getattr(row, c.key) for c in _columns(cls)})
                return (
                    f"{TABLE_NAMES.get(name, name)}表中的{_label(name, data)}"
                    f"（{name} {str(row.id)[:8]}）与记录它的操作"  # type: ignore[attr-defined]
                    f"（设备 {str(event.device_id)[:8]} 第 {event.seq} 条 {event.action}）"
                    "所存的状态不符，被改过"
                )
    return "操作记录中找不到被改的那一行；也可能是本机的机构或检查人员信息与签名时不同"
