"""Signing the record digitally, in order, and verifying a record file.

Rules, as a team works: the record must state the current data; every inspector has signed by
hand and the party has signed or refused before a witness; each inspector signs with the key
whose certificate carries their 执法证号; the leader signs last. The first digital signature
locks the inspection (the core refuses changes, and so do database triggers)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from pyhanko.pdf_utils.reader import PdfFileReader
from sqlalchemy import select

from inspector.db.models import (
    InspectionStatus,
    Inspector,
    MemberRole,
    Record,
    RecordSignature,
)
from inspector.errors import InvalidInput, NotFound
from inspector.evidence.verify import verify_evidence
from inspector.inspections import get_inspection
from inspector.record.content import signatures
from inspector.record.facts import gather_facts
from inspector.record.status import latest_record
from inspector.signing.keystore import KeyStore
from inspector.signing.sign import sign_pdf
from inspector.signing.verify import VerifyReport, verify_pdf
from inspector.workspace import Workspace

_SUBJECT = re.compile(r"INSPECTOR-RECORD;no=([^;]*);inspection=([^;]*);data=([0-9a-f]{64})")


def missing_handwritten(
    ws: Workspace, inspection_id: str, interview_id: str | None = None
) -> list[str]:
    """Whose handwritten signature the record (or interview record) still lacks, in words."""
    view = get_inspection(ws, inspection_id)
    kept = [s for s in signatures(ws, view.id) if s.interview_id == interview_id]
    signed = {s.cert_no for s in kept if s.role == "inspector"}
    missing = [f"检查人员 {name}" for name, cert, _role in view.team if cert not in signed]
    party_role = "party" if interview_id is None else "interviewee"
    party = next((s for s in kept if s.role == party_role), None)
    if party is None:
        who = "被检查单位代表" if interview_id is None else "被询问人"
        missing.append(f"{who}（签名或拒签）")
    elif party.refused and not any(s.role == "witness" for s in kept):
        missing.append("拒签的见证人")
    return missing


@dataclass
class SignedRecord:
    path: Path
    sha256: str
    signer: str
    locked: bool  # this signature locked the inspection
    remaining: list[str]  # who still has to sign digitally, leader last


def sign_record(
    ws: Workspace,
    inspection_id: str,
    key_id: str,
    passphrase: str,
    *,
    interview_id: str | None = None,
    now: datetime | None = None,
) -> SignedRecord:
    """Sign the newest record of the inspection (or of one of its interviews) with a key."""
    store = KeyStore(ws.home)
    info = store.get(key_id)
    view = get_inspection(ws, inspection_id)
    finished = (InspectionStatus.AWAITING_SIGNATURES, InspectionStatus.SIGNED)
    if interview_id is None and view.status not in finished:
        raise InvalidInput("请先完成现场检查（结束检查后才能签名记录）")
    record = latest_record(ws, view.id, interview_id)
    if record is None:
        raise InvalidInput("还没有生成检查记录：请先生成记录，核对后再签名")
    if not record.current:
        raise InvalidInput("记录生成后数据有变更：请重新生成记录，核对后再签名")
    members = {cert: (name, role) for name, cert, role in view.team}
    if info.cert_no not in members:
        raise InvalidInput(
            f"该密钥证书上的执法证号（{info.cert_no or '无'}）不属于本检查组，不能签名本记录"
        )
    if info.cert_no in record.signed_by:
        raise InvalidInput(f"{info.name} 已经签过本记录")
    if not record.signed_by:
        missing = missing_handwritten(ws, view.id, interview_id)
        if missing:
            raise InvalidInput("请先完成手写签名：" + "、".join(missing))
    name, role = members[info.cert_no]
    others = [
        n
        for cert, (n, r) in members.items()
        if r is not MemberRole.LEADER and cert not in record.signed_by and cert != info.cert_no
    ]
    if role is MemberRole.LEADER and others:
        raise InvalidInput("组长最后签名：还需 " + "、".join(others) + " 先签名")
    box = record.signature_boxes.get(info.cert_no)
    if box is None:
        raise InvalidInput("记录中没有该检查人员的签名位置：请重新生成记录")
    key = store.unlock(info.key_id, passphrase)
    number = len(record.signatures) + 1
    stem = Path(record.file).stem.split("-signed")[0]
    target, kept_as = ws.records.sibling(record.file, f"{stem}-signed-{number}.pdf")
    result = sign_pdf(
        ws.records.read_bytes(record.file),
        target,
        key,
        field_name=f"inspector-{info.cert_no}",
        box=(int(box[0]), float(box[1]), float(box[2]), float(box[3]), float(box[4])),
        label_lines=["检查组长" if role is MemberRole.LEADER else "检查人员"],
        reason=f"现场检查记录 {record.record_no}",
        location=view.district,
        now=now,
    )
    # The signer is the actor of a digital signature.
    with ws.change(info.cert_no, "record.sign", inspection=view.id, editable=False) as ch:
        session = ch.session
        inspection = ch.inspection
        row = session.get(Record, record.id)
        signer = session.scalar(select(Inspector).where(Inspector.cert_no == info.cert_no))
        assert inspection is not None and row is not None and signer is not None
        session.add(
            RecordSignature(
                record_id=row.id,
                inspector_id=signer.id,
                field_name=f"inspector-{info.cert_no}",
                certificate_sha256=info.fingerprint_sha256 or "",
                pdf_sha256=result.sha256,
            )
        )
        ch.entity(row)
        ch.details["pdf_sha256"] = result.sha256
        row.path = kept_as
        row.sha256 = result.sha256
        row.size = result.size
        # An inspection record's first signature locks the inspection; an interview record's
        # locks that interview (content.add_question refuses once its record is signed).
        locked = interview_id is None and inspection.status is not InspectionStatus.SIGNED
        if locked:
            inspection.status = InspectionStatus.SIGNED
    remaining = [
        n
        for cert, (n, r) in sorted(members.items(), key=lambda kv: kv[1][1] is MemberRole.LEADER)
        if cert not in record.signed_by and cert != info.cert_no
    ]
    return SignedRecord(target, result.sha256, name, locked, remaining)


@dataclass
class RecordCheck:
    """``record verify``: the file's signatures, and, where this laptop knows the record, its
    data and evidence against the database."""

    pdf: VerifyReport
    record_no: str | None = None
    inspection_id: str | None = None
    known: bool = False
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.pdf.ok and not self.problems

    def lines(self) -> list[str]:
        out = self.pdf.lines()
        if self.record_no:
            out.append(f"记录编号：{self.record_no}")
        out += [f"  错误：{p}" for p in self.problems]
        out += [f"  说明：{n}" for n in self.notes]
        out.append("结论：通过" if self.ok else "结论：未通过")
        return out


def read_subject(path: Path) -> tuple[str, str, str] | None:
    """The record number, inspection id and data hash the record carries in its metadata."""
    try:
        with path.open("rb") as handle:
            reader = PdfFileReader(handle, strict=False)
            # The newest /Info dictionary (pyHanko's metadata view does not follow incremental
            # updates here).
            info = reader.trailer_view["/Info"]  # indexing resolves the indirect reference
            subject = str(info.get("/Subject", ""))
    except Exception:  # an unreadable file: verify_pdf says what is wrong with it
        return None
    match = _SUBJECT.search(subject)
    return (match.group(1), match.group(2), match.group(3)) if match else None


def verify_record(ws: Workspace | None, path: Path) -> RecordCheck:
    trusted = KeyStore(ws.home).trusted_files() if ws is not None else []
    check = RecordCheck(pdf=verify_pdf(path, trusted=trusted))
    subject = read_subject(path)
    if subject is None:
        check.problems.append("文件中没有 Inspector 检查记录的标识（记录编号和数据摘要）")
        return check
    check.record_no, check.inspection_id, data_sha256 = subject
    if ws is None:
        return check
    try:
        view = get_inspection(ws, check.inspection_id)
    except (NotFound, InvalidInput):
        check.notes.append("本机数据库中没有这项检查：只验证了文件本身的签名")
        return check
    check.known = True
    if gather_facts(ws, view).data_sha256 != data_sha256:
        check.problems.append("记录所载数据的摘要与本机数据库中的数据不一致")
    else:
        check.notes.append("记录所载数据与本机数据库一致")
    evidence = verify_evidence(ws, view.id)
    for problem in evidence.problems:
        check.problems.append(f"证据：{problem}")
    if evidence.ok:
        check.notes.append(f"{evidence.evidence} 件证据的文件摘要与保管链均核对无误")
    with ws.db.session() as session:
        known_versions = set(
            session.scalars(
                select(RecordSignature.pdf_sha256)
                .join(Record, Record.id == RecordSignature.record_id)
                .where(Record.inspection_id == view.id)
            )
        )
    if check.pdf.sha256 in known_versions:
        check.notes.append("文件与本机保存的签名版本逐字节相同")
    return check
