"""Checking a bundle before anything of it is used: the container (inspector/bundle/format.py),
the manifest's version and signature and who signed it, every member against the manifest
(none missing, none extra, each SHA-256 and size), the rows (known columns, no duplicates,
every file they name present), every custody chain and audit chain (each entry's hash and its
link to the one before), and the signatures of every record PDF. The first failure is raised as
a :class:`BundleError` naming it.

Usable on its own (a server receiving a bundle calls :func:`verify_bundle`, then merges)."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from cryptography import x509

from inspector.bundle import rows
from inspector.bundle.devices import DeviceHead, check_heads
from inspector.bundle.format import (
    FORMAT,
    MANIFEST,
    MAX_LINE,
    MAX_MANIFEST_SIZE,
    MAX_SIGNATURE_SIZE,
    SIGNATURE,
    VERSION,
    BundleError,
    check_name,
    open_zip,
    read_member,
)
from inspector.bundle.signature import SignatureCheck, verify_manifest
from inspector.db.models import AUDIT_EVENT_FIELDS, Evidence
from inspector.errors import StorageError
from inspector.evidence.manage import stored_files
from inspector.evidence.store import disk_message
from inspector.progress import NullReporter, Reporter, check_cancel

CHUNK = 1 << 20
GENESIS = "0" * 64

# Called with an evidence member's hash, suffix and a stream of its bytes (an import stages the
# files it lacks while they are checked, so the bundle is read once).
Sink = Callable[[str, str, IO[bytes]], None]


@dataclass
class BundleReport:
    path: Path
    manifest: dict[str, Any]
    manifest_sha256: str
    signature: SignatureCheck
    trust_configured: bool
    members: int = 0
    size: int = 0
    notes: list[str] = field(default_factory=list)
    # The devices whose chain a head statement in the bundle vouches for (bundle/devices.py).
    devices: dict[str, DeviceHead] = field(default_factory=dict)

    @property
    def bundle_id(self) -> str:
        return str(self.manifest["bundle_id"])

    @property
    def trusted(self) -> bool:
        return self.signature.trusted

    @property
    def signer(self) -> dict[str, Any]:
        """Who signed, read from the signing certificate, never from the manifest's words (the
        manifest must agree with it: :func:`check_signer`)."""
        return dict(self.signature.identity)

    @property
    def exporter(self) -> dict[str, Any]:
        return dict(self.manifest.get("exporter") or {})

    @property
    def inspections(self) -> list[dict[str, Any]]:
        return list(self.manifest.get("inspections") or [])

    @property
    def referral(self) -> dict[str, Any] | None:
        """The referral a referral bundle (inspector/bundle/referral.py) goes with."""
        if self.manifest.get("purpose") != "referral":
            return None
        return dict(self.manifest.get("referral") or {})

    @property
    def counts(self) -> dict[str, int]:
        return dict(self.manifest.get("counts") or {})

    def source_text(self) -> str:
        """Who handed it over, for people: the signer, the laptop, the bureau."""
        signer = self.signer
        if signer.get("kind") == "device":
            who = f"设备密钥（{signer.get('name')}，未使用检查人员的密钥）"
        else:
            who = str(signer.get("name") or "")
            if signer.get("cert_no"):
                who += f"（执法证号 {signer['cert_no']}）"
            if signer.get("trial"):
                who += " [试用证书]"
        exporter = self.exporter
        if exporter.get("actor_name") and signer.get("kind") == "device":
            who += f"；导出人 {exporter['actor_name']}（{exporter.get('actor')}）"
        if exporter.get("bureau"):
            who += f"；{exporter['bureau']}"
        return who

    def lines(self) -> list[str]:
        out = [
            f"{self.path.name}：验证通过（{self.members} 个文件，签名与每个文件的摘要均核对无误）"
        ]
        out.append(f"交接人：{self.source_text()}")
        # The certificate's fingerprint, to compare with one read out by the sender.
        out.append(f"签名证书指纹（SHA-256）：{self.signature.fingerprint_sha256}")
        out.append(f"导出设备：{self.exporter.get('device_id')}")
        out.append(f"导出时间：{self.manifest.get('created_at')}")
        if self.manifest.get("receiver"):
            out.append(f"接收方：{self.manifest['receiver']}")
        if self.manifest.get("since"):
            out.append("增量交接包：只含上次交接之后的变化")
        if self.referral is not None:
            referral = self.referral
            out.append(
                f"移送证据包：移送书 {referral.get('referral_no')}，移送 {referral.get('receiver')}"
                "（只含该案的检查、证据和文书，不能导入）"
            )
        out.append(f"检查：{len(self.inspections)} 项")
        for item in self.inspections:
            district = item.get("district") or ""
            if item.get("team_district"):
                district += f"（检查组来自 {item['team_district']}）"
            out.append(f"  {item['id'][:8]} {item.get('institution') or ''} {district}")
        out += [f"注意：{note}" for note in self.notes]
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": True,
            "path": str(self.path),
            "bundle_id": self.bundle_id,
            "manifest_sha256": self.manifest_sha256,
            "signer": self.signer,
            "signer_certificate_sha256": self.signature.fingerprint_sha256,
            "trusted": self.trusted,
            "exporter": self.exporter,
            "receiver": self.manifest.get("receiver"),
            "incremental": bool(self.manifest.get("since")),
            "referral": self.referral,
            "inspections": self.inspections,
            "counts": self.counts,
            "members": self.members,
            "size": self.size,
            "notes": self.notes,
        }


def read_rows(archive: zipfile.ZipFile, name: str) -> Iterator[dict[str, Any]]:
    """The rows of one table, one at a time (the member's hash was checked already)."""
    member = rows.member_name(name)
    try:
        info = archive.getinfo(member)
    except KeyError:
        return
    with archive.open(info) as handle:
        number = 0
        while True:
            line = handle.readline(MAX_LINE + 1)
            if not line:
                return
            number += 1
            if len(line) > MAX_LINE:
                raise BundleError(
                    "交接包 {member} 第 {number} 行过长", member=member, number=number
                )
            try:
                data = json.loads(line)
            except ValueError as error:
                raise BundleError(
                    "交接包 {member} 第 {number} 行不是有效的 JSON", member=member, number=number
                ) from error
            if not isinstance(data, dict):
                raise BundleError(
                    "交接包 {member} 第 {number} 行不是一条记录", member=member, number=number
                )
            yield data


def _manifest(archive: zipfile.ZipFile) -> tuple[bytes, dict[str, Any]]:
    body = read_member(archive, MANIFEST, MAX_MANIFEST_SIZE)
    try:
        manifest = json.loads(body)
    except ValueError as error:
        raise BundleError("交接包的清单不是有效的 JSON") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BundleError("这不是 Inspector 交接包（清单中没有 {format} 格式标识）", format=FORMAT)
    version = manifest.get("version")
    if not isinstance(version, int):
        raise BundleError("交接包的清单没有格式版本")
    if version > VERSION:
        raise BundleError(
            "交接包由较新版本的 Inspector 制作（格式版本 {version}，本机支持 {supported}），"
            "请先升级本机的 Inspector",
            version=version,
            supported=VERSION,
        )
    for key in ("bundle_id", "members", "signer", "exporter", "heads"):
        if key not in manifest:
            raise BundleError("交接包的清单缺少 {key}", key=key)
    return body, manifest


def _hash_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, sink: Sink | None, reporter: Reporter
) -> str:
    digest = hashlib.sha256()
    count = [0]

    class Reader:
        def read(self, size: int = -1) -> bytes:
            try:
                chunk = handle.read(CHUNK if size < 0 else min(size, CHUNK))
            except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
                # Named here, so that an error of the sink writing (a full disk) is not
                # taken for a damaged bundle.
                raise BundleError(
                    "交接包中的文件已损坏（可能被截断）：{name}", name=info.filename
                ) from error
            count[0] += len(chunk)
            if count[0] > info.file_size:  # more than declared: stop before writing it
                raise BundleError(
                    "交接包中的文件超过其声明的大小（疑似压缩炸弹），已拒绝：{name}",
                    name=info.filename,
                )
            digest.update(chunk)
            check_cancel(reporter)
            return chunk

    try:
        with archive.open(info) as handle:
            if sink is not None:
                try:
                    sink(Reader())  # type: ignore[arg-type, call-arg]
                except OSError as error:  # writing it here failed: not the bundle's fault
                    raise StorageError(disk_message(error)) from error
            while Reader().read():
                pass
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
        raise BundleError(
            "交接包中的文件已损坏（可能被截断）：{name}", name=info.filename
        ) from error
    return digest.hexdigest()


def verify_bundle(
    path: Path,
    *,
    roots: Sequence[x509.Certificate] = (),
    require_trust: bool = False,
    reporter: Reporter | None = None,
    sink: Sink | None = None,
    check_records: bool = True,
    external: dict[str, tuple[str, int]] | None = None,
) -> BundleReport:
    """Verify the bundle at ``path`` (see the module docstring). ``roots``: certificates the
    receiver trusts (its trust list's CA certificates, or signers' own certificates); with
    ``require_trust`` a signer that chains to none of them is refused."""
    external = external or {}  # evidence held by the caller (the central server's store)
    reporter = reporter or NullReporter()
    path = Path(path)
    with open_zip(path) as archive:
        body, manifest = _manifest(archive)
        signature = read_member(archive, SIGNATURE, MAX_SIGNATURE_SIZE)
        check = verify_manifest(body, signature, list(roots))
        signer_notes = check_signer(manifest, check)
        if require_trust and not check.trusted:
            raise BundleError(
                "交接包的签名者不在本机信任的签名者之列（可能来自其他医保局）：{who}，"
                "证书指纹 {fingerprint}",
                who=check.subject.get("name", "?"),
                fingerprint=check.fingerprint_sha256[:16],
            )
        report = BundleReport(
            path=path,
            manifest=manifest,
            manifest_sha256=hashlib.sha256(body).hexdigest(),
            signature=check,
            trust_configured=bool(roots),
        )
        if not check.trusted:
            report.notes.append(
                "签名者未经本机信任列表确认（本机未设置信任的签名者）"
                if not roots
                else "签名者不在本机信任的签名者之列"
            )
        if report.signer.get("kind") == "device":
            report.notes.append("以导出设备的设备密钥签名，不能证明交接人的身份")
        report.notes += signer_notes
        listed = _listed(manifest)
        present: dict[str, zipfile.ZipInfo | None] = {
            info.filename: info
            for info in archive.infolist()
            if info.filename not in (MANIFEST, SIGNATURE)
        }
        for name in external:
            if _evidence_member(name) is None or name in present:
                raise BundleError("交接包中有清单外的文件类型：{name}", name=name)
            present[name] = None
        for name in sorted(listed):
            if name not in present:
                raise BundleError("交接包缺少清单中列出的文件：{name}", name=name)
        for name in sorted(present):
            if name not in listed:
                raise BundleError("交接包中有清单未列出的文件：{name}", name=name)
        reporter.start(len(listed), "校验交接包")
        for done, (name, (sha, size)) in enumerate(sorted(listed.items()), start=1):
            info = present[name]
            if info is None:  # held by the caller, checked by it
                if external[name] != (sha, size):
                    raise BundleError(
                        "交接包中的文件与清单中的摘要不符（已被改动）：{name}", name=name
                    )
                report.members += 1
                report.size += size
                reporter.advance(done, name)
                continue
            if info.file_size != size:
                raise BundleError("交接包中的文件大小与清单不符：{name}", name=name)
            evidence = _evidence_member(name)
            if evidence is not None and evidence[0] != sha:
                raise BundleError("交接包中证据文件的名称与其摘要不符：{name}", name=name)
            member_sink = None
            if sink is not None and evidence is not None:
                e_sha, e_suffix = evidence

                def member_sink(
                    stream: IO[bytes], e_sha: str = e_sha, e_suffix: str = e_suffix
                ) -> None:
                    sink(e_sha, e_suffix, stream)

            actual = _hash_member(archive, info, member_sink, reporter)
            if actual != sha:
                raise BundleError("交接包中的文件与清单中的摘要不符（已被改动）：{name}", name=name)
            report.members += 1
            report.size += size
            reporter.advance(done, name)
        _check_data(archive, manifest, listed)
        report.devices = check_heads(archive, manifest, list(roots), require_trust, check)
        if check_records:
            _check_records(archive, listed)
    return report


# The manifest's ``signer`` fields, each as the certificate must say it too.
_SIGNER_FIELDS = {
    "fingerprint_sha256": "证书指纹",
    "key_id": "密钥编号",
    "kind": "签名者类型",
    "name": "姓名",
    "cert_no": "执法证号",
    "org": "单位",
    "trial": "试用证书",
}


def check_signer(manifest: dict[str, Any], check: SignatureCheck) -> list[str]:
    """Who handed it over is who signed: every ``signer`` field of the manifest
    must be what the CMS signer certificate says (its CN, serialNumber (执法证号), O,
    fingerprint); a manifest naming anyone else is refused, since whoever holds a trusted key
    could otherwise sign in another inspector's name. Returns notes for the reader: a
    certificate without a 执法证号 cannot prove the one the manifest names."""
    claimed = manifest["signer"]
    if not isinstance(claimed, dict):
        raise BundleError("交接包清单中的签名者无效")
    proven = check.identity
    notes: list[str] = []
    for key, label in _SIGNER_FIELDS.items():
        said, actual = claimed.get(key), proven.get(key)
        if key == "cert_no" and actual is None and proven.get("kind") == "inspector" and said:
            # A bureau certificate may lack serialNumber: the key was bound to a 执法证号 on
            # the laptop that signed (keystore._bind_cert_no), which nothing here can check.
            notes.append(f"签名证书中没有执法证号：清单所写的执法证号 {said} 未经证书证明")
            continue
        if said != actual:
            raise BundleError(
                "交接包清单中写明的签名者与实际签名的证书不符（{field}：清单写“{said}”，"
                "签名证书是“{actual}”，证书姓名 {name}）：已拒绝，交接人以签名证书为准",
                field=label,
                said="—" if said is None else said,
                actual="—" if actual is None else actual,
                name=proven.get("name") or "?",
            )
    return notes


def _listed(manifest: dict[str, Any]) -> dict[str, tuple[str, int]]:
    listed: dict[str, tuple[str, int]] = {}
    members = manifest["members"]
    if not isinstance(members, list):
        raise BundleError("交接包清单的文件列表无效")
    for entry in members:
        try:
            name, sha, size = str(entry["name"]), str(entry["sha256"]), int(entry["size"])
        except (KeyError, TypeError, ValueError) as error:
            raise BundleError("交接包清单的文件列表无效") from error
        problem = check_name(name)
        if problem is not None or name in (MANIFEST, SIGNATURE):
            raise BundleError("交接包清单中的文件名不安全：{name}", name=name)
        if name in listed:
            raise BundleError("交接包清单中有重名的文件：{name}", name=name)
        listed[name] = (sha, size)
    return listed


def _evidence_member(name: str) -> tuple[str, str] | None:
    """(sha256, suffix) of an ``evidence/ab/<sha><suffix>`` member."""
    parts = name.split("/")
    if len(parts) != 3 or parts[0] != "evidence":
        return None
    sha, dot, rest = parts[2].partition(".")
    if len(sha) != 64 or not dot or parts[1] != sha[:2]:
        raise BundleError("交接包中证据文件的名称无效：{name}", name=name)
    return sha, "." + rest


def evidence_files(data: dict[str, Any]) -> list[tuple[str, str]]:
    """(sha256, suffix) of the stored files an evidence row names."""
    row = Evidence(sha256=data.get("sha256"), media_type=data.get("media_type") or "")
    row.thumb_sha256 = data.get("thumb_sha256")
    row.print_sha256 = data.get("print_sha256")
    return [(sha, suffix) for _role, sha, suffix in stored_files(row)]


def _check_data(
    archive: zipfile.ZipFile, manifest: dict[str, Any], listed: dict[str, tuple[str, int]]
) -> None:
    known_members = {rows.member_name(name) for name in rows.TABLES}
    for name in listed:
        if name.startswith("data/") and name not in known_members:
            raise BundleError("交接包中有本机不认识的数据表：{name}", name=name)
        if not name.startswith(("data/", "evidence/", "records/")):
            raise BundleError("交接包中有清单外的文件类型：{name}", name=name)
    requires = {
        (str(item.get("sha256")), str(item.get("suffix")))
        for item in manifest.get("requires") or []
        if isinstance(item, dict)
    }
    evidence_members = {e for e in (_evidence_member(n) for n in listed) if e is not None}
    stamped: dict[str, int] = {}  # each laptop's highest change number a row carries
    logged: dict[str, int] = {
        str(k): int(v) for k, v in (manifest.get("since") or {}).items()
    }  # how far each laptop's log goes: the part before an incremental bundle, then its own
    for name in rows.TABLES:
        keys = rows.primary_key(name)
        seen: set[tuple[Any, ...]] = set()
        chain: _Chain | None = None
        if name == "custody_events":
            chain = _Chain("保管记录", ("inspection_id", "device_id"), _custody_fields)
        elif name == "audit_events":
            chain = _Chain("操作记录", ("device_id",), _audit_fields)
        for data in read_rows(archive, name):
            unknown = rows.unknown_columns(name, data)
            if unknown:
                raise BundleError(
                    "交接包的数据表 {table} 有本机不认识的列 {columns}（可能由较新版本制作）",
                    table=name,
                    columns="、".join(unknown),
                )
            try:
                key = tuple(data[k] for k in keys)
                rows.decode(name, data)
            except (KeyError, ValueError, TypeError) as error:
                raise BundleError("交接包的数据表 {table} 中有无效的记录", table=name) from error
            if key in seen:
                raise BundleError(
                    "交接包的数据表 {table} 中有重复的记录：{key}", table=name, key=key
                )
            seen.add(key)
            if name == "evidence":
                for sha, suffix in evidence_files(data):
                    if (sha, suffix) not in evidence_members and (sha, suffix) not in requires:
                        raise BundleError(
                            "交接包缺少证据文件：{sha256}{suffix}", sha256=sha, suffix=suffix
                        )
            elif name in ("records", "enforcement_documents"):
                member = str(data.get("path"))
                if member not in listed:
                    raise BundleError("交接包缺少记录文件：{name}", name=member)
                if listed[member][0] != data.get("sha256"):
                    raise BundleError("记录文件与数据库记录的摘要不符：{name}", name=member)
            elif name == "case_documents":
                member = str(data.get("path"))
                if not member.startswith("records/") or member not in listed:
                    raise BundleError(
                        "交接包缺少案件文书 {title} 的文件：{name}",
                        title=str(data.get("title") or ""),
                        name=member,
                    )
                if listed[member][0] != data.get("sha256"):
                    # The row's SHA-256 is the file as made or signed (the log holds it too).
                    raise BundleError(
                        "交接包中案件文书 {title} 的文件不是该文书保存时的文件（SHA-256 不符，"
                        "文件被替换或改动）：{name}",
                        title=str(data.get("title") or ""),
                        name=member,
                    )
            if chain is not None:
                chain.add(data)
            device, seq = (
                (data.get("device_id"), data.get("seq"))
                if name == "audit_events"
                else (data.get("device_id"), data.get("change_seq"))
                if name == "tombstones"
                else (data.get("change_device_id"), data.get("change_seq"))
            )
            if isinstance(device, str) and isinstance(seq, int):
                book = logged if name == "audit_events" else stamped
                book[device] = max(book.get(device, 0), seq)
    for device, seq in sorted(stamped.items()):
        if logged.get(device, 0) < seq:
            raise BundleError(
                "交接包缺少设备 {device} 的操作记录（数据改动到第 {seq} 条，"
                "操作记录只到第 {logged} 条）",
                device=device[:8],
                seq=seq,
                logged=logged.get(device, 0),
            )


def _custody_fields(data: dict[str, Any]) -> dict[str, Any]:
    return {k: data.get(k) for k in ("seq", "event", "evidence_id", "inspection_id", "device_id")}


def _audit_fields(data: dict[str, Any]) -> dict[str, Any]:
    return {k: data.get(k) for k in AUDIT_EVENT_FIELDS}


class _Chain:
    """A hash chain read in order (by group, then number): each entry's hash is the SHA-256 of
    its body, its body states its columns, and it links to the entry before. A part of a chain
    (an incremental bundle) may start after 1: its first link is checked at import."""

    def __init__(
        self,
        label: str,
        group: tuple[str, ...],
        fields: Callable[[dict[str, Any]], dict[str, Any]],
    ) -> None:
        self.label = label
        self.group = group
        self.fields = fields
        self.current: tuple[Any, ...] | None = None
        self.prev: str | None = None
        self.seq = 0

    def add(self, data: dict[str, Any]) -> None:
        group = tuple(data.get(k) for k in self.group)
        seq = data.get("seq")
        where = f"{self.label}（{'/'.join(str(g)[:8] for g in group)}）第 {seq} 条"
        if group != self.current:
            if self.current is not None and group < self.current:
                raise BundleError("交接包中的{where}次序错乱", where=where)
            self.current, self.prev, self.seq = group, None, int(seq or 0) - 1
        body = str(data.get("body") or "")
        if hashlib.sha256(body.encode("utf-8")).hexdigest() != data.get("hash"):
            raise BundleError("交接包中的{where}内容与其哈希不符", where=where)
        if seq != self.seq + 1:
            raise BundleError("交接包中的{where}序号不连续", where=where)
        try:
            facts = json.loads(body)
        except ValueError as error:
            raise BundleError("交接包中的{where}内容已损坏", where=where) from error
        expected = self.fields(data)
        if data.get("at") and "at" in expected:
            expected["at"] = _iso(expected["at"])
            facts_at = facts.get("at")
            facts = {**facts, "at": _iso(facts_at) if facts_at else facts_at}
        for key, value in expected.items():
            if facts.get(key) != value:
                raise BundleError("交接包中的{where}的字段 {key} 被改动", where=where, key=key)
        if facts.get("prev") != data.get("prev_hash"):
            raise BundleError("交接包中的{where}的链接被改动", where=where)
        if (self.prev is not None and data.get("prev_hash") != self.prev) or (
            seq == 1 and data.get("prev_hash") != GENESIS
        ):
            raise BundleError("交接包中的{where}与上一条的链接断开", where=where)
        self.prev = str(data.get("hash"))
        self.seq = int(seq)


def _iso(value: Any) -> Any:
    from datetime import UTC, datetime

    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat()


def _check_records(archive: zipfile.ZipFile, listed: dict[str, tuple[str, int]]) -> None:
    """Every record PDF's signatures: each must be whole and valid (trust is the receiver's
    matter: a trial key's signature is intact but not trusted); a PDF the rows say was signed
    must carry signatures."""
    from inspector.signing.verify import verify_pdf_data

    signed = {str(data.get("pdf_sha256")) for data in read_rows(archive, "record_signatures")}
    names = sorted(n for n in listed if n.startswith("records/"))
    if not names:
        return
    # From memory: a record holds personal data and the system temp folder is not encrypted.
    for name in names:
        report = verify_pdf_data(archive.read(name), Path(name))
        if not report.signatures:
            if listed[name][0] in signed:
                raise BundleError("记录文件 {name} 应有数字签名，但文件中没有", name=name)
            continue
        if report.problems or not all(sig.ok for sig in report.signatures):
            first = (list(report.problems) + [e for s in report.signatures for e in s.errors])[0]
            raise BundleError(
                "记录文件 {name} 的签名验证未通过：{problem}", name=name, problem=first
            )
