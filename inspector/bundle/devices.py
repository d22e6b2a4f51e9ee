"""Which laptops' action logs a bundle may bring (docs/bundle.md, "Whose action logs a bundle
may carry").

A device is a laptop, known by the id that names its chain of audit events. Anyone can write a
chain under an invented id (its hashes prove order, not origin), so a chain is vouched for by a
signed **head statement**: "device D's chain reaches event ``seq`` with hash ``hash``", signed
by the key that signed a bundle made on D itself (the exporting inspector's key, or D's own
device key, whose certificate names D). The exporting laptop states its own head afresh in every
bundle, signed by the same certificate as the manifest; the statements it received for other
laptops it keeps (in the ``bundle_imports`` row of the import) and forwards, so an office that
receives a team leader's bundle can check the members' laptops without having met them.

A receiver takes a device's chain only when the device is already known here (it holds that
device's log), or the bundle carries that device's head statement, valid, matching the chain,
and by a signer it trusts (when it has a trust list: chaining to it, as the bundle's own
signer must). Its own chain only this laptop writes: a bundle bringing events of it that it
lacks is a forgery.
"""

from __future__ import annotations

import base64
import binascii
import json
import zipfile
from dataclasses import dataclass
from typing import Any

from cryptography import x509
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inspector.bundle.format import BundleError
from inspector.bundle.signature import SignatureCheck, sign_manifest, verify_manifest
from inspector.db.models import AuditEvent, BundleImport
from inspector.signing.keystore import DEVICE_MARK, UnlockedKey

STATEMENT = "inspector-device-head"


@dataclass(frozen=True)
class DeviceHead:
    """A verified head statement of one device, as a bundle carried it."""

    device_id: str
    seq: int
    hash: str
    signer: SignatureCheck
    statement: str  # the signed JSON text, kept to forward
    signature: str  # base64 of the detached CMS signature

    def forwarded(self) -> dict[str, str]:
        return {"statement": self.statement, "signature": self.signature}

    def signer_text(self) -> str:
        subject = self.signer.subject
        who = subject.get("name", "?")
        if subject.get("org") == DEVICE_MARK:
            who = f"设备密钥（{who}）"
        elif subject.get("cert_no"):
            who += f"（执法证号 {subject['cert_no']}）"
        return who


def _statement(device_id: str, seq: int, digest: str) -> str:
    return json.dumps(
        {"format": STATEMENT, "device_id": device_id, "seq": seq, "hash": digest},
        ensure_ascii=False,
        sort_keys=True,
    )


def heads_for_export(session: Session, device_id: str, key: UnlockedKey) -> dict[str, Any]:
    """The manifest's ``device_heads``: this laptop's head, signed now by the bundle's key,
    and the newest statement this laptop received for every other device it knows."""
    out: dict[str, Any] = {}
    for summary in session.scalars(select(BundleImport.summary)):
        for device, item in dict((summary or {}).get("device_heads") or {}).items():
            try:
                seq = int(json.loads(item["statement"])["seq"])
                held = int(json.loads(out[device]["statement"])["seq"]) if device in out else -1
            except (KeyError, TypeError, ValueError):
                continue
            if seq > held:
                out[device] = {"statement": item["statement"], "signature": item["signature"]}
    last = session.execute(
        select(AuditEvent.seq, AuditEvent.hash)
        .where(AuditEvent.device_id == device_id)
        .order_by(AuditEvent.seq.desc())
        .limit(1)
    ).first()
    if last is not None:
        text = _statement(device_id, int(last[0]), str(last[1]))
        signature = sign_manifest(text.encode("utf-8"), key)
        out[device_id] = {
            "statement": text,
            "signature": base64.b64encode(signature).decode("ascii"),
        }
    return out


def check_heads(
    archive: zipfile.ZipFile,
    manifest: dict[str, Any],
    roots: list[x509.Certificate],
    require_trust: bool,
    check: SignatureCheck,
) -> dict[str, DeviceHead]:
    """Verify the bundle's head statements against the chains it carries: each signature
    valid (and trusted when trust is required), a device key naming its device, each head on
    the chain the bundle carries; the exporting laptop's head signed by the manifest's
    signer. Returns the statements that vouch for a chain, by device."""
    from inspector.bundle.verify import read_rows

    exporter = str((manifest.get("exporter") or {}).get("device_id") or "")
    if check.subject.get("org") == DEVICE_MARK and check.subject.get("cert_no") != exporter:
        raise BundleError(
            "交接包由设备 {signer} 的设备密钥签名，清单却写明导出设备是 {device}：已拒绝",
            signer=str(check.subject.get("cert_no") or "?")[:8],
            device=exporter[:8],
        )
    raw = manifest.get("device_heads") or {}
    if not isinstance(raw, dict):
        raise BundleError("交接包清单中的设备记录链头无效")
    wanted: dict[tuple[str, int], str] = {}
    parsed: dict[str, tuple[dict[str, Any], str, str]] = {}
    for device, item in raw.items():
        try:
            text, signature = str(item["statement"]), str(item["signature"])
            facts = json.loads(text)
            if facts.get("format") != STATEMENT or facts.get("device_id") != device:
                raise ValueError(device)
            wanted[(device, int(facts["seq"]))] = str(facts["hash"])
        except (KeyError, TypeError, ValueError) as error:
            raise BundleError(
                "交接包中设备 {device} 的记录链头声明无效", device=str(device)[:8]
            ) from error
        parsed[device] = (facts, text, signature)
    found: dict[tuple[str, int], str] = {}
    for data in read_rows(archive, "audit_events"):
        key = (str(data.get("device_id")), data.get("seq"))
        if key in wanted:
            found[key] = str(data.get("hash"))  # type: ignore[index]
    heads: dict[str, DeviceHead] = {}
    for device, (facts, text, signature) in sorted(parsed.items()):
        try:
            der = base64.b64decode(signature, validate=True)
            signer = verify_manifest(text.encode("utf-8"), der, roots)
        except (BundleError, binascii.Error, ValueError) as error:
            raise BundleError(
                "交接包中设备 {device} 的记录链头签名无效", device=device[:8]
            ) from error
        if require_trust and not signer.trusted:
            raise BundleError(
                "交接包中设备 {device} 的记录链头签名者不在本机信任的签名者之列：{who}",
                device=device[:8],
                who=signer.subject.get("name", "?"),
            )
        if signer.subject.get("org") == DEVICE_MARK and signer.subject.get("cert_no") != device:
            raise BundleError(
                "交接包中设备 {device} 的记录链头由另一台设备的设备密钥签名", device=device[:8]
            )
        if device == exporter and signer.fingerprint_sha256 != check.fingerprint_sha256:
            raise BundleError(
                "交接包中导出设备 {device} 的记录链头不是由交接包的签名者签名的",
                device=device[:8],
            )
        seq = int(facts["seq"])
        held = found.get((device, seq))
        if held is None:
            continue  # a head before this (incremental) bundle's part: vouches for nothing here
        if held != facts["hash"]:
            raise BundleError(
                "交接包中设备 {device} 的操作记录与该设备签名的记录链头不符（第 {seq} 条）",
                device=device[:8],
                seq=seq,
            )
        heads[device] = DeviceHead(device, seq, held, signer, text, signature)
    return heads


def known_devices(session: Session) -> set[str]:
    """The devices whose log this laptop holds."""
    return set(session.scalars(select(AuditEvent.device_id).group_by(AuditEvent.device_id)))


def unvouched(device: str) -> BundleError:
    return BundleError(
        "交接包带有本机不认识的设备 {device} 的操作记录，却没有该设备的交接包签名者签署的记录链头，"
        "无法确认这台设备真实存在：已拒绝导入，本机数据未改变",
        device=device[:8],
    )


def forged_own(device: str, seq: int) -> BundleError:
    return BundleError(
        "交接包中有本机（设备 {device}）自己的第 {seq} 条操作记录，本机却没有这条记录："
        "本机的操作记录只能由本机产生，这是伪造的续写，已拒绝导入，本机数据未改变",
        device=device[:8],
        seq=seq,
    )


def unvouched_custody(device: str) -> BundleError:
    return BundleError(
        "交接包带有本机不认识的设备 {device} 的证据保管记录，却没有该设备的交接包签名者签署的"
        "记录链头：已拒绝导入，本机数据未改变",
        device=device[:8],
    )


def forged_own_custody(device: str, inspection: str, seq: Any) -> BundleError:
    return BundleError(
        "交接包中有本机（设备 {device}）自己的检查 {inspection} 第 {seq} 条证据保管记录，"
        "本机却没有这条记录：这是伪造的续写，已拒绝导入，本机数据未改变",
        device=device[:8],
        inspection=inspection[:8],
        seq=seq,
    )


@dataclass(frozen=True)
class DeviceOrigin:
    """How this laptop knows a device whose log it holds (``audit verify``)."""

    device_id: str
    events: int
    how: str


def device_origins(session: Session, me: str) -> list[DeviceOrigin]:
    """Every device of the log with how it is known: this laptop, or the bundle that first
    brought it (its signer, and who signed the device's head)."""
    counts = dict(
        session.execute(
            select(AuditEvent.device_id, func.count()).group_by(AuditEvent.device_id)
        ).all()
    )
    first: dict[str, str] = {}
    for row in session.scalars(select(BundleImport).order_by(BundleImport.created_at)):
        for device, facts in dict((row.summary or {}).get("new_devices") or {}).items():
            if device in first:
                continue
            signer = row.signer or {}
            who = str(signer.get("name") or "?")
            if signer.get("cert_no"):
                who += f"（执法证号 {signer['cert_no']}）"
            role = "导出设备" if device == row.exporter_device_id else "经导出设备转交"
            trust = "已确认" if facts.get("trusted") else "未经本机信任列表确认"
            first[device] = (
                f"由交接包 {row.bundle_id[:8]} 带来（{role}，"
                f"{row.created_at:%Y-%m-%d}），交接包签名者 {who}；"
                f"记录链头签名者 {facts.get('head_signer')}（{trust}）"
            )
    out = []
    for device in sorted(counts):
        if device == me:
            how = "本机"
        else:
            how = first.get(device, "来源未记录（早于设备来源记录的导入，或本机数据目录的副本）")
        out.append(DeviceOrigin(device, int(counts[device]), how))
    return out
