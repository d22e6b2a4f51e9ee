"""Signing the record digitally, in order, and verifying a record file.

Rules, as a team works: the record must state the current data; every inspector has signed by
hand and the party has signed or refused before a witness; each inspector signs with the key
whose certificate carries their 执法证号; the leader signs last. The first digital signature
locks the inspection (the core refuses changes, and so do database triggers)."""

from __future__ import annotations

import hashlib
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
from inspector.ledger.entries import enter_findings
from inspector.record.content import REPLACED, get_interview, signatures
from inspector.record.facts import UnknownHashFormat, data_hash
from inspector.record.interview import require_ready, valid_signatures
from inspector.record.status import latest_record
from inspector.signing.archive import ArchiveCheck, validate_archived
from inspector.signing.keystore import KeyStore
from inspector.signing.revisions import form_fields, page_numbers
from inspector.signing.sign import sign_pdf
from inspector.signing.trust import trust_roots
from inspector.signing.verify import SignatureVerdict, VerifyReport, verify_pdf
from inspector.workspace import Workspace

_SUBJECT = re.compile(r"INSPECTOR-RECORD;no=([^;]*);inspection=([^;]*);data=([0-9a-f]{64})")


def missing_handwritten(
    ws: Workspace, inspection_id: str, interview_id: str | None = None
) -> list[str]:
    """Whose handwritten signature the record (or interview record) still lacks, in words: a
    void signature (given on data that changed since: inspector.record.binding) counts as
    none, and its signer is named as having to sign again."""
    from inspector.record.binding import CHANGED, StaleSignature, stale_signatures

    view = get_inspection(ws, inspection_id)
    stale = stale_signatures(ws, view, interview_id)
    stale_ids = {item.signature.id for item in stale}
    every = [
        s for s in signatures(ws, view.id, include_void=True) if s.interview_id == interview_id
    ]
    kept = [s for s in every if s.voided_at is None and s.id not in stale_ids]
    team = view.team
    title = "检查人员"
    if interview_id is not None:
        # An interview's: its 询问人 and 记录人, and only signatures on its content as it is.
        interview = get_interview(ws, interview_id)
        kept = valid_signatures(kept, interview)
        team = [m for m in team if m[1] in interview.signers]
        title = "询问人/记录人"
    # Void through a change of the data (not replaced by its signer), or about to be.
    void = stale + [
        StaleSignature(s, s.void_reason or CHANGED)
        for s in every
        if s.voided_at is not None and s.void_reason != REPLACED
    ]
    void_of = {(v.signature.role, v.signature.cert_no): v for v in void}
    signed = {s.cert_no for s in kept if s.role == "inspector"}
    missing = []
    for name, cert, _role in team:
        if cert not in signed:
            gone = void_of.get(("inspector", cert))
            missing.append(gone.words if gone else f"{title} {name}")
    party_role = "party" if interview_id is None else "interviewee"
    party = next((s for s in kept if s.role == party_role), None)
    if party is None:
        gone = void_of.get((party_role, None))
        who = "被检查单位代表" if interview_id is None else "被询问人"
        missing.append(gone.words if gone else f"{who}（签名或拒签）")
    elif party.refused and not any(s.role == "witness" for s in kept):
        gone = void_of.get(("witness", None))
        missing.append(gone.words if gone else "拒签的见证人")
    return missing


def built_bytes(ws: Workspace, name: str, *expected: str) -> bytes:
    """The stored file to sign, only if it is byte for byte what was built or what the last
    signature made (the hash kept in its row and in the build's or signature's event): a
    signature goes on the built bytes, never on a file put in the store in their place
    (行政处罚法 第四十一条: electronic records must be authentic and complete)."""
    data = ws.records.read_bytes(name)
    if hashlib.sha256(data).hexdigest() not in expected or len(set(expected)) != 1:
        raise InvalidInput(
            "记录文件 {name} 不是生成（或上一次签名）时的文件：已被替换或改动，拒绝签名；"
            "请重新生成记录",
            name=name,
        )
    return data


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
    team = view.team
    if interview_id is not None:
        # Signing locks the interview: complete first (who asked, who wrote, who was asked,
        # the interviewee's confirmation); its signers are its 询问人 and 记录人.
        interview = require_ready(ws, interview_id)
        interview_id = interview.id
        team = [m for m in team if m[1] in interview.signers]
    if interview_id is None and view.status is not InspectionStatus.SIGNED:
        # Checked again at signing (a notice can change after finishing); once locked by the
        # first signature nothing can change, and a record locked before these rules stays
        # signable by the rest of its team.
        from inspector.change import resolve_id
        from inspector.record.legal import require_minimums

        with ws.db.session() as session:
            require_minimums(ws, session, resolve_id(session, view.id))
    record = latest_record(ws, view.id, interview_id)
    if record is None:
        raise InvalidInput("还没有生成检查记录：请先生成记录，核对后再签名")
    if not record.current:
        raise InvalidInput("记录生成后数据有变更：请重新生成记录，核对后再签名")
    members = {cert: (name, role) for name, cert, role in team}
    if info.cert_no not in members:
        raise InvalidInput(
            "该密钥证书上的执法证号（{value}）不属于本检查组，不能签名本记录",
            value=info.cert_no or "无",
        )
    # (An interview record's signers are its 询问人 and 记录人: another member is refused
    # above as not of its signers.)
    if info.cert_no in record.signed_by:
        raise InvalidInput("{name} 已经签过本记录", name=info.name)
    if not record.signed_by:
        missing = missing_handwritten(ws, view.id, interview_id)
        if missing:
            raise InvalidInput("请先完成手写签名：{missing}", missing="、".join(missing))
    name, role = members[info.cert_no]
    others = [
        n
        for cert, (n, r) in members.items()
        if r is not MemberRole.LEADER and cert not in record.signed_by and cert != info.cert_no
    ]
    if role is MemberRole.LEADER and others:
        raise InvalidInput("组长最后签名：还需 {others} 先签名", others="、".join(others))
    box = record.signature_boxes.get(info.cert_no)
    if box is None:
        raise InvalidInput("记录中没有该检查人员的签名位置：请重新生成记录")
    key = store.unlock(info.key_id, passphrase)
    number = len(record.signatures) + 1
    stem = Path(record.file).stem.split("-signed")[0]
    kept_as = ws.records.sibling_name(record.file, f"{stem}-signed-{number}.pdf")
    expected = record.signatures[-1].pdf_sha256 if record.signatures else record.sha256
    result = sign_pdf(
        built_bytes(ws, record.file, expected, record.sha256),
        lambda data: ws.records.write(kept_as, data),
        key,
        field_name=f"inspector-{info.cert_no}",
        box=(int(box[0]), float(box[1]), float(box[2]), float(box[3]), float(box[4])),
        label_lines=["检查组长" if role is MemberRole.LEADER else "检查人员"],
        reason=f"{'询问笔录' if interview_id else '现场检查记录'} {record.record_no}",
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
            # Its findings enter the problem ledger in the change that locks them.
            enter_findings(ws, ch, inspection)
    remaining = [
        n
        for cert, (n, r) in sorted(members.items(), key=lambda kv: kv[1][1] is MemberRole.LEADER)
        if cert not in record.signed_by and cert != info.cert_no
    ]
    return SignedRecord(result.path, result.sha256, name, locked, remaining)


PASS = "pass"
UNTRUSTED = "untrusted"
FAIL = "fail"
VERDICT_WORDS = {PASS: "通过", UNTRUSTED: "完好但签名者未获信任", FAIL: "不通过"}
EXIT_CODES = {PASS: 0, UNTRUSTED: 2, FAIL: 1}  # record verify's exit status


@dataclass
class RecordCheck:
    """``record verify``: the file's signatures, who signed (the record's team, the leader
    last), whether every signature is there (those the database recorded, else those the
    record's signature block asks for), and, where this laptop knows the record, its data and
    evidence against the database.

    The verdict has three levels: :data:`PASS` (intact, every signer trusted and on the team,
    every expected signature present), :data:`UNTRUSTED` (intact and complete, but a signer's
    certificate does not chain to the trust list), :data:`FAIL` (anything changed, missing or
    not on the team)."""

    pdf: VerifyReport
    record_no: str | None = None
    inspection_id: str | None = None
    known: bool = False
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # PAdES-LTA validation as of a date (``record verify --at``; today for an archived file)
    archive: ArchiveCheck | None = None

    @property
    def verdict(self) -> str:
        if not self.pdf.ok or self.problems:
            return FAIL
        if self.archive is not None and self.archive.ok:
            return PASS  # every signer validated at its proof of existence, revocation required
        return PASS if self.pdf.trusted else UNTRUSTED

    @property
    def ok(self) -> bool:
        return self.verdict == PASS

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.verdict]

    def untrusted_signers(self) -> list[str]:
        return [
            f"{s.signer_name or '未知签名者'}（{_issuer_text(s)}）"
            for s in self.pdf.signatures
            if not s.trusted
        ]

    def lines(self) -> list[str]:
        out = self.pdf.lines()
        if self.archive is not None:
            out += archive_lines(self.archive)
        if self.record_no:
            out.append(f"记录编号：{self.record_no}")
        out += [f"  错误：{p}" for p in self.problems]
        out += [f"  说明：{n}" for n in self.notes]
        if self.verdict == UNTRUSTED:
            out.append(
                "  未获信任："
                + "、".join(self.untrusted_signers())
                + " 的证书不能追溯到信任列表中的医保局 CA（config trust add 加入 CA 证书）"
            )
        out.append(f"结论：{VERDICT_WORDS[self.verdict]}")
        return out


def _issuer_text(sig: SignatureVerdict) -> str:
    return "试用证书" if sig.trial else f"签发者 {sig.issuer or '未知'}"


def _subject_fields(subject: str) -> dict[str, str]:
    return dict(part.split("=", 1) for part in subject.split(";") if "=" in part)


def read_subject(path: Path) -> tuple[str, str, str] | None:
    """The record number, inspection id and data hash the record carries in its metadata."""
    fields = read_subject_fields(path)
    if fields is None:
        return None
    return fields["no"], fields["inspection"], fields["data"]


def read_subject_fields(path: Path) -> dict[str, str] | None:
    """What the record states in its Subject (no, inspection, data, signers, leader), as the
    first signer saw it: the /Info of the revision the first signature covers (a later
    unsigned revision may not change who must sign), else the newest."""
    try:
        with path.open("rb") as handle:
            reader = PdfFileReader(handle, strict=False)
            signed = sorted(s.signed_revision for s in reader.embedded_signatures)
            view = (
                reader.get_historical_resolver(signed[0]).trailer_view
                if signed
                else reader.trailer_view
            )
            info = view["/Info"]  # indexing resolves the indirect reference
            subject = str(info.get("/Subject", ""))
    except Exception:  # an unreadable file: verify_pdf says what is wrong with it
        return None
    if not _SUBJECT.search(subject):
        return None
    return _subject_fields(subject[subject.index("INSPECTOR-RECORD") :])


@dataclass(frozen=True)
class _Member:
    name: str | None
    cert_no: str
    leader: bool

    @property
    def title(self) -> str:
        who = f"{self.name}（执法证号 {self.cert_no}）" if self.name else f"执法证号 {self.cert_no}"
        return ("组长 " if self.leader else "") + who


def _team_from_subject(fields: dict[str, str]) -> list[_Member] | None:
    signers = [c for c in fields.get("signers", "").split(",") if c]
    if not signers:
        return None
    leaders = {c for c in fields.get("leader", "").split(",") if c}
    return [_Member(None, cert, cert in leaders) for cert in signers]


def _signer_cert_no(sig: SignatureVerdict, bindings: dict[str, str]) -> str | None:
    """The 执法证号 of a signature: its certificate's serialNumber, else the one the key was
    bound to when it was imported or made here (by certificate fingerprint)."""
    return sig.signer_cert_no or bindings.get(sig.fingerprint_sha256 or "")


def _check_team(
    check: RecordCheck, team: list[_Member], bindings: dict[str, str], named: set[str]
) -> None:
    """Every signature by a team member, each once, the leader last; every member signed."""
    members = {m.cert_no: m for m in team}
    seen: dict[str, int] = {}
    signatures = check.pdf.signatures
    for sig in signatures:
        cert_no = _signer_cert_no(sig, bindings)
        if cert_no is None or cert_no not in members:
            check.problems.append(
                f"{sig.title}：签名者不是本检查组成员（检查组：{'、'.join(m.title for m in team)}）"
            )
            continue
        if cert_no in seen:
            check.problems.append(f"{sig.title}：{members[cert_no].title} 重复签名")
        seen.setdefault(cert_no, sig.number)
    leaders = [m for m in team if m.leader]
    for leader in leaders:
        at = seen.get(leader.cert_no)
        if at is not None and at != len(signatures):
            after = [s.signer_name or "未知签名者" for s in signatures if s.number > at]
            check.problems.append(
                f"{leader.title} 没有最后签名：签名 {at} 之后还有 {'、'.join(after)} 的签名"
                "（组长应最后签名）"
            )
    for member in team:
        if member.cert_no not in seen and member.cert_no not in named:
            check.problems.append(
                f"缺少 {member.title} 的签名：记录的签名栏要求本检查组每位成员签名"
            )


def _check_against_database(
    ws: Workspace, check: RecordCheck, inspection_id: str, data: bytes
) -> set[str]:
    """The file's signatures must be exactly those the database recorded for this record, in
    order: the same certificate, and the file as it was after each. Returns the 执法证号 of
    the signers named as missing."""
    prefixes = [
        hashlib.sha256(data[: s.signed_end]).hexdigest() if s.signed_end else None
        for s in check.pdf.signatures
    ]
    with ws.db.session() as session:
        rows = session.execute(
            select(RecordSignature, Inspector, Record)
            .join(Inspector, Inspector.id == RecordSignature.inspector_id)
            .join(Record, Record.id == RecordSignature.record_id)
            .where(Record.inspection_id == inspection_id)
            .order_by(RecordSignature.signed_at)
        ).all()
        by_pdf = {sig.pdf_sha256: record.id for sig, _person, record in rows}
        record_id = next((by_pdf[p] for p in prefixes if p in by_pdf), None)
        if record_id is None:
            # Not one of the signed versions made here: the record the file was signed from,
            # if it was made here (its unsigned bytes are a prefix of the file).
            records = session.execute(
                select(Record.id, Record.sha256, Record.size).where(
                    Record.inspection_id == inspection_id
                )
            ).all()
            record_id = next(
                (
                    rid
                    for rid, sha, size in records
                    if size <= len(data) and hashlib.sha256(data[:size]).hexdigest() == sha
                ),
                None,
            )
        expected = [
            (sig.field_name, sig.certificate_sha256, sig.pdf_sha256, person.name, person.cert_no)
            for sig, person, record in rows
            if record.id == record_id
        ]
    missing: set[str] = set()
    if record_id is None and check.pdf.signatures:
        check.problems.append(
            "文件中的签名不是本机记录的任何一个签名版本（本机数据库中没有这些签名）"
        )
        return missing
    for index in range(max(len(expected), len(check.pdf.signatures))):
        if index >= len(check.pdf.signatures):
            _field, _cert, _pdf, name, cert_no = expected[index]
            missing.add(cert_no)
            check.problems.append(
                f"缺少 {name}（执法证号 {cert_no}）的签名：本机数据库记录了这个签名，文件中没有"
                "（文件可能被截回到更早的版本）"
            )
            continue
        sig = check.pdf.signatures[index]
        if index >= len(expected):
            check.problems.append(
                f"{sig.title}：不是本机记录的签名（本机记录了 {len(expected)} 个签名）"
            )
            continue
        _field, cert_sha, pdf_sha, name, cert_no = expected[index]
        if sig.fingerprint_sha256 != cert_sha or prefixes[index] != pdf_sha:
            check.problems.append(
                f"{sig.title}：不是本机记录的第 {index + 1} 个签名"
                f"（本机记录：{name}，执法证号 {cert_no}）"
            )
    if expected and not check.problems:
        check.notes.append(f"文件中的 {len(expected)} 个签名与本机数据库记录的签名一致")
    return missing


def _bindings(ws: Workspace | None) -> dict[str, str]:
    """Certificate fingerprint → 执法证号, for certificates that do not carry it: the keys on
    this laptop (bound when imported or made) and the signatures the database recorded."""
    found: dict[str, str] = {}
    if ws is None:
        return found
    for info in KeyStore(ws.home).list_keys():
        if info.fingerprint_sha256 and info.cert_no:
            found[info.fingerprint_sha256] = info.cert_no
    with ws.db.session() as session:
        for cert_sha, cert_no in session.execute(
            select(RecordSignature.certificate_sha256, Inspector.cert_no).join(
                Inspector, Inspector.id == RecordSignature.inspector_id
            )
        ):
            found.setdefault(cert_sha, cert_no)
    return found


def _built_as_made(check: RecordCheck, path: Path) -> None:
    """A record (or interview record) is built as one revision with no form fields: the first
    signature must sign that revision, and no field but the signatures' may be in the file (a
    field planted before the first signature could cover a page; between signatures only the
    next signature may be added: inspector.signing.revisions)."""
    try:
        with path.open("rb") as handle:
            reader = PdfFileReader(handle, strict=False)
            signed = sorted(s.signed_revision for s in reader.embedded_signatures)
            pages = page_numbers(reader)
            planted = form_fields(reader, pages)
    except Exception:  # an unreadable file: verify_pdf says what is wrong with it
        return
    if signed and signed[0] != 1:
        check.problems.append(
            f"第一个签名之前记录被增量修改过 {signed[0] - 1} 次：签名的不是生成时的记录"
        )
    if planted:
        check.problems.append(
            "记录中有签名域以外的表单域（记录生成时没有表单域，其外观可能遮盖页面内容）："
            + "、".join(planted)
        )


def archive_lines(archive: ArchiveCheck) -> list[str]:
    when = f"{archive.at.astimezone():%Y-%m-%d %H:%M}"
    if archive.ok:
        out = [f"按 {when} 验证（要求吊销信息）：通过"]
    else:
        out = [f"按 {when} 验证（要求吊销信息）：未通过"]
    out += [f"  错误：{p}" for p in archive.problems]
    for sig in archive.signatures:
        if sig.ok and sig.proven_at is not None:
            out.append(
                f"  签名「{sig.field}」：通过，文档时间戳证明其在 "
                f"{sig.proven_at.astimezone():%Y-%m-%d %H:%M} 已存在"
            )
        elif sig.ok:
            out.append(f"  签名「{sig.field}」：通过")
        else:
            out.append(f"  签名「{sig.field}」：未通过（{sig.indication}）")
    if archive.holds_until is not None:
        out.append(
            f"  时间戳链有效至 {archive.holds_until.astimezone():%Y-%m-%d}（此前须续签时间戳）"
        )
    return out


def _check_archive(check: RecordCheck, ws: Workspace | None, path: Path,
                   at: datetime | None) -> None:  # fmt: skip
    """``at``: validate as of that moment (revocation data required; the last timestamp's TSA
    certificate is checked with its CA's services): a failure is a problem of the record."""
    if at is None:
        return
    if not check.pdf.ok:
        return  # the file itself failed: nothing as of any date can make it pass
    try:
        data = path.read_bytes()
        check.archive = validate_archived(data, roots=trust_roots(ws), at=at)
    except Exception as error:  # a crafted file: unreadable is a failure, named
        check.problems.append(f"无法按日期验证：{type(error).__name__}: {error}")
        return
    if at is not None and not check.archive.ok:
        reasons = [*check.archive.problems]
        reasons += [
            f"签名「{s.field}」{s.indication}" for s in check.archive.signatures if not s.ok
        ]
        check.problems.append(
            f"按 {at.astimezone():%Y-%m-%d %H:%M} 验证未通过（要求吊销信息）：" + "；".join(reasons)
        )


def verify_record(ws: Workspace | None, path: Path, *, at: datetime | None = None) -> RecordCheck:
    """``at``: also validate the signatures as of that moment (aware), revocation data required
    (an archived record, PAdES B-LTA, by its document timestamps)."""
    trusted = KeyStore(ws.home).trusted_files() if ws is not None else []
    check = RecordCheck(pdf=verify_pdf(path, trusted=trusted, roots=trust_roots(ws)))
    _check_archive(check, ws, path, at)
    _built_as_made(check, path)
    fields = read_subject_fields(path)
    if fields is None:
        check.problems.append("文件中没有 Inspector 检查记录的标识（记录编号和数据摘要）")
        return check
    check.record_no, check.inspection_id, data_sha256 = (
        fields["no"],
        fields["inspection"],
        fields["data"],
    )
    bindings = _bindings(ws)
    view = None
    if ws is not None:
        try:
            view = get_inspection(ws, check.inspection_id)
        except (NotFound, InvalidInput):
            check.notes.append("本机数据库中没有这项检查：按记录签名栏核对签名人，只验证了文件本身")
    if view is None:
        team = _team_from_subject(fields)
        if team is None:
            check.problems.append("记录中没有写明应签名的检查人员，无法核对签名是否齐全")
        elif check.pdf.signatures:
            _check_team(check, team, bindings, set())
        return check
    assert ws is not None
    check.known = True
    try:
        data = path.read_bytes()
    except OSError:
        data = b""
    missing = _check_against_database(ws, check, view.id, data)
    interview_id = fields.get("interview")
    members = view.team
    if interview_id:
        # An interview record: its signers, its own data.
        try:
            interview = get_interview(ws, interview_id)
        except (NotFound, InvalidInput):
            check.problems.append("本机数据库中没有记录所述的询问笔录")
            return check
        members = [m for m in members if m[1] in interview.signers] or members
    team = [_Member(name, cert, role is MemberRole.LEADER) for name, cert, role in members]
    if check.pdf.signatures:
        _check_team(check, team, bindings, missing)
    try:
        # Recomputed by the rule of the format the record states (none: format 1).
        current = data_hash(ws, view, interview_id or None, fields.get("hashformat"))
    except UnknownHashFormat as error:
        check.problems.append(str(error))
    else:
        if current != data_sha256:
            check.problems.append("记录所载数据的摘要与本机数据库中的数据不一致")
        else:
            check.notes.append("记录所载数据与本机数据库一致")
    evidence = verify_evidence(ws, view.id)
    for problem in evidence.problems:
        check.problems.append(f"证据：{problem}")
    if evidence.ok:
        check.notes.append(f"{evidence.evidence} 件证据的文件摘要与保管链均核对无误")
    if check.pdf.sha256 in {p for p in _known_versions(ws, view.id)}:
        check.notes.append("文件与本机保存的签名版本逐字节相同")
    return check


def _known_versions(ws: Workspace, inspection_id: str) -> set[str]:
    with ws.db.session() as session:
        return set(
            session.scalars(
                select(RecordSignature.pdf_sha256)
                .join(Record, Record.id == RecordSignature.record_id)
                .where(Record.inspection_id == inspection_id)
            )
        )
