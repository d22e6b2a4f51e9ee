"""The central service's core, over PostgreSQL (SQLAlchemy 2, psycopg 3) and the server's
content-addressed store: enrollment, request authentication, push (manifest → what is missing →
acknowledged chunks → commit) and the office's queries. The HTTP face is app.py."""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from sqlalchemy import (
    Connection,
    Engine,
    create_engine,
    func,
    or_,
    select,
    text,
    true,
    union_all,
    update,
)
from sqlalchemy.dialects.postgresql import insert

from inspector import ids
from inspector.bundle import rows as bundle_rows
from inspector.bundle import rules
from inspector.bundle.devices import DeviceHead
from inspector.bundle.export import _zinfo as zip_info
from inspector.bundle.format import FORMAT, MANIFEST, MAX_MEMBER_SIZE, SIGNATURE, BundleError
from inspector.bundle.rules import FOLLOWED_UP
from inspector.bundle.signature import verify_manifest
from inspector.bundle.verify import read_rows, verify_bundle
from inspector.central import cases as case_rows
from inspector.central import schema as s
from inspector.central.assignments import assigned_visits
from inspector.central.auth import Unauthorized, check_signature, fingerprint
from inspector.central.signed import check_signed_data
from inspector.central.store import FULL, ServerStore, StoreFull, TempFull, check_file_name
from inspector.errors import InspectorError, InvalidInput

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
CODE_HOURS = 72
# Unfinished uploads: the bytes a device may hold in them (acknowledged chunks of files not yet
# whole), and the hours after which an unfinished push and an untouched partial file go
# (server --upload-quota-mib, --upload-hours; docs/central.md). A member larger than the quota
# could never arrive: it is refused when the push begins, as is one over the bundle's own
# limit (MAX_MEMBER_SIZE).
UPLOAD_QUOTA = 16 << 30
UPLOAD_HOURS = 72
CHAINS = frozenset({"custody_events", "audit_events"})


if TYPE_CHECKING:
    from inspector.central.archive import ArchiveSettings


class Refused(InspectorError):
    """A push the server will not take (the laptop shows the reason); nothing was changed."""

    code = "refused"


class BaseUnknown(Refused):
    """An incremental push builds on rows or files this server does not hold (its database was
    restored from an older backup, or the laptop's last push went to another server): the
    laptop pushes everything instead."""

    code = "base_unknown"


def _in_area(area: str | None) -> Any:
    """The inspections a district's office user sees (OfficeUser.sees): in the district or
    made by its teams; all of them for ``None``."""
    t = s.inspections
    return true() if area is None else or_(t.c.district == area, t.c.team_district == area)


def database_url(url: str) -> str:
    """postgresql://… → SQLAlchemy's psycopg 3 dialect."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


# The advisory lock every server takes (for its transaction) to migrate the schema and claim
# the store: servers started at once on one database do this one after another, and each after
# the first finds the schema at head and the store claimed.
STARTUP_LOCK = 0x494E5350  # "INSP"
STORE_ID = "store_id"


def _startup_lock(connection: Connection) -> None:
    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": STARTUP_LOCK})


def migrate(engine: Engine) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        _startup_lock(connection)
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def claim_store(engine: Engine, store: ServerStore) -> str:
    """The store's id, checked against the database's: every server on one database uses one
    store (a directory on shared storage), else a file one server received is missing on
    another (a thumbnail answered 404, a file received again). The first server marks the
    store and records its id; a server whose store holds another id, or none, is refused."""
    with engine.begin() as c:
        _startup_lock(c)
        recorded = c.scalar(
            select(s.server_settings.c.value).where(s.server_settings.c.name == STORE_ID)
        )
        held = store.marker()
        if recorded is None and held is None:
            recorded = secrets.token_hex(16)
            store.mark(recorded)  # the file first: a database naming a store without it is worse
            c.execute(s.server_settings.insert().values(name=STORE_ID, value=recorded))
            return recorded
        if recorded is None:
            raise InspectorError(
                "文件库 {store} 已属于另一个数据库（标记 {held}），不能用于这个数据库；"
                "同一数据库的所有服务器须共用同一个文件库目录（见 docs/deployment.md）",
                store=str(store.root),
                held=held,
            )
        if held is None:
            raise InspectorError(
                "文件库 {store} 中没有这个数据库的文件库标记（{recorded}）：它不是这个数据库的"
                "文件库；同一数据库的所有服务器须共用同一个文件库目录，例如网络文件系统上的"
                "同一目录（见 docs/deployment.md）",
                store=str(store.root),
                recorded=recorded,
            )
        if held != recorded:
            raise InspectorError(
                "文件库 {store} 的标记 {held} 不是这个数据库的文件库标记 {recorded}：它是另一个"
                "数据库的文件库；同一数据库的所有服务器须共用同一个文件库目录"
                "（见 docs/deployment.md）",
                store=str(store.root),
                recorded=recorded,
                held=held,
            )
        return recorded


def _now() -> datetime:
    return datetime.now(UTC)


def member_file(name: str) -> tuple[str, str] | None:
    """(sha256-less suffix) of a member: evidence/ab/<sha><suffix> → its own suffix; data and
    records members by their extension."""
    base = name.rsplit("/", 1)[-1]
    _stem, dot, rest = base.partition(".")
    if not dot:
        return None
    return name, "." + rest


# A device's districts, as the devices table keeps them (one column, no migration): the
# enrolment code's district, or the list the office set (server districts).
DISTRICT_SEPARATOR = ","


@dataclass(frozen=True)
class Proof:
    """An enrollment request's signature headers and body (auth.sign_headers)."""

    device: str
    target: str
    stamp: str
    nonce: str
    signature: str
    body: bytes


@dataclass
class Device:
    id: str
    laptop_device_id: str
    district: str
    certificate: x509.Certificate

    @property
    def districts(self) -> tuple[str, ...]:
        """The districts whose inspections this device may push."""
        return tuple(d for d in self.district.split(DISTRICT_SEPARATOR) if d)


class Central:
    def __init__(
        self,
        url: str,
        store: Path,
        *,
        pool_size: int = 10,
        upload_quota: int = UPLOAD_QUOTA,
        upload_hours: float = UPLOAD_HOURS,
    ) -> None:
        if upload_quota <= 0 or upload_hours <= 0:
            raise InspectorError("上传限额和未完成上传的保留小时数都应大于 0")
        self.engine = create_engine(
            database_url(url), pool_size=pool_size, max_overflow=pool_size, pool_pre_ping=True
        )
        try:
            migrate(self.engine)
            self.store = ServerStore(store)
            self.store_id = claim_store(self.engine, self.store)
        except BaseException:
            self.engine.dispose()
            raise
        self.upload_quota = upload_quota
        self.upload_hours = upload_hours
        self._manifests: dict[tuple[str, str], dict[str, tuple[str, str, int]]] = {}
        # device → the files it sent part of and not all (their bytes count to its quota);
        # read from its unfinished pushes the first time this process meets the device
        self._holding: dict[str, set[tuple[str, str]]] = {}
        # the TSA and CA certificates for archiving signed records (inspector/central/archive.py)
        self.archive_settings: ArchiveSettings | None = None

    def close(self) -> None:
        self.engine.dispose()

    # --- the log --------------------------------------------------------------------------

    @staticmethod
    def _event(
        connection: Connection,
        action: str,
        device: str | None = None,
        inspection: str | None = None,
        **details: Any,
    ) -> None:
        connection.execute(
            s.server_events.insert().values(
                at=_now(),
                action=action,
                device_id=device,
                inspection_id=inspection,
                details=details,
            )
        )

    # --- enrollment -----------------------------------------------------------------------

    def new_code(self, district: str, hours: int = CODE_HOURS) -> str:
        if not district.strip() or DISTRICT_SEPARATOR in district:
            raise InspectorError("请给出设备所属的区县（--district，一个区县）")
        code = "-".join(secrets.token_hex(2).upper() for _ in range(4))
        now = _now()
        with self.engine.begin() as c:
            c.execute(
                s.enrollment_codes.insert().values(
                    code_sha256=hashlib.sha256(code.encode()).hexdigest(),
                    district=district.strip(),
                    created_at=now,
                    expires_at=now + timedelta(hours=hours),
                )
            )
            self._event(c, "enroll.code", district=district.strip())
        return code

    def enroll(
        self,
        code: str,
        certificate_pem: str,
        laptop_device_id: str,
        signers: list[str],
        proof: Proof,
    ) -> dict[str, Any]:
        """Register a device key with a one-time code. ``proof``: the enrollment request signed
        by the key the certificate names (as every later request is), so its body, the code
        included, was signed by whoever holds the key: a certificate alone (public; a
        laptop's is in every bundle it signs) enrolls nothing."""
        try:
            cert = x509.load_pem_x509_certificate(certificate_pem.encode("ascii"))
            signer_certs = [x509.load_pem_x509_certificate(p.encode("ascii")) for p in signers]
        except (ValueError, UnicodeEncodeError) as error:
            raise Refused("登记请求中的证书无效") from error
        device = fingerprint(cert)
        if proof.device != device:
            raise Unauthorized("登记请求没有由所登记的设备密钥签名，已拒绝")
        check_signature(
            cert, "POST", proof.target, proof.stamp, proof.nonce, proof.body, proof.signature
        )
        digest = hashlib.sha256(code.strip().upper().encode()).hexdigest()
        now = _now()
        with self.engine.begin() as c:
            revoked = c.scalar(
                select(s.devices.c.revoked_at).where(
                    s.devices.c.id == device, s.devices.c.revoked_at.is_not(None)
                )
            )
            if revoked is not None:
                # a revocation is for good: a new code cannot give a stolen key back its rights
                raise Refused(
                    "此设备密钥已于 {at} 被管理员吊销，不能再次登记；请联系管理员",
                    at=revoked.isoformat(timespec="seconds"),
                )
            fresh = c.execute(
                insert(s.nonces)
                .values(device_id=device, nonce=proof.nonce, seen_at=now)
                .on_conflict_do_nothing()
                .returning(s.nonces.c.nonce)
            ).first()
            if fresh is None:
                raise Unauthorized("重复的请求（重放），已拒绝")
            used = c.execute(
                update(s.enrollment_codes)
                .where(
                    s.enrollment_codes.c.code_sha256 == digest,
                    s.enrollment_codes.c.used_at.is_(None),
                    s.enrollment_codes.c.expires_at > now,
                )
                .values(used_at=now, used_by=device)
                .returning(s.enrollment_codes.c.district)
            ).first()
            if used is None:
                raise Refused("登记码无效、已过期或已被使用，请向管理员索取新的登记码")
            district = used.district
            c.execute(
                insert(s.devices)
                .values(
                    id=device,
                    laptop_device_id=laptop_device_id,
                    district=district,
                    certificate_pem=certificate_pem,
                    enrolled_at=now,
                    revoked_at=None,
                )
                .on_conflict_do_update(index_elements=["id"], set_={"district": district})
            )
            for signer in [cert, *signer_certs]:
                name = signer.subject.rfc4514_string()
                pem = signer.public_bytes(Encoding.PEM).decode("ascii")
                c.execute(
                    insert(s.device_signers)
                    .values(
                        device_id=device,
                        fingerprint_sha256=fingerprint(signer),
                        name=name,
                        certificate_pem=pem,
                    )
                    .on_conflict_do_nothing()
                )
            self._event(c, "enroll.device", device, district=district, laptop=laptop_device_id)
        return {"device": device, "district": district}

    def revoke(self, device: str) -> None:
        with self.engine.begin() as c:
            found = self._device(c, device)
            c.execute(update(s.devices).where(s.devices.c.id == found).values(revoked_at=_now()))
            self._event(c, "device.revoke", found)

    @staticmethod
    def _device(c: Connection, text: str) -> str:
        """The full id of the enrolled, unrevoked device ``text`` starts."""
        live = s.devices.c.revoked_at.is_(None)
        return str(ids.resolve_prefix(c, s.devices.c.id, text, ids.DEVICE, where=[live]).id)

    def set_districts(self, device: str, districts: list[str]) -> str:
        """The office's override: the districts whose inspections a device may push (instead
        of the one its enrolment code named). Returns the device's full id."""
        names = [d.strip() for d in districts if d.strip()]
        if not names or any(DISTRICT_SEPARATOR in d for d in names):
            raise InspectorError("请给出设备可推送的区县（不含逗号）")
        joined = DISTRICT_SEPARATOR.join(dict.fromkeys(names))
        if len(joined) > s.devices.c.district.type.length:
            raise InspectorError("区县太多，请分别登记设备")
        with self.engine.begin() as c:
            found = self._device(c, device)
            c.execute(update(s.devices).where(s.devices.c.id == found).values(district=joined))
            self._event(c, "device.districts", found, districts=names)
        return found

    def devices(self) -> list[dict[str, Any]]:
        with self.engine.connect() as c:
            return [dict(r._mapping) for r in c.execute(s.devices.select().order_by("enrolled_at"))]

    def admits(self, device: str) -> None:
        """Before a large body is read: the device named is enrolled and not revoked (the
        signature over the body is checked once it is read, by ``authenticate``)."""
        with self.engine.connect() as c:
            row = c.execute(select(s.devices.c.revoked_at).where(s.devices.c.id == device)).first()
        if row is None:
            raise Unauthorized("本设备未在服务器登记（请先 sync enroll）")
        if row.revoked_at is not None:
            raise Unauthorized("本设备已被管理员吊销，服务器拒绝其请求")

    def authenticate(
        self,
        device: str,
        method: str,
        target: str,
        stamp: str,
        nonce: str,
        body: bytes,
        sig: str,
        unsigned: bool = False,
    ) -> Device:
        with self.engine.begin() as c:
            row = c.execute(s.devices.select().where(s.devices.c.id == device)).first()
            if row is None:
                raise Unauthorized("本设备未在服务器登记（请先 sync enroll）")
            if row.revoked_at is not None:
                raise Unauthorized("本设备已被管理员吊销，服务器拒绝其请求")
            cert = x509.load_pem_x509_certificate(row.certificate_pem.encode("ascii"))
            check_signature(cert, method, target, stamp, nonce, body, sig, unsigned)
            fresh = c.execute(
                insert(s.nonces)
                .values(device_id=device, nonce=nonce, seen_at=_now())
                .on_conflict_do_nothing()
                .returning(s.nonces.c.nonce)
            ).first()
            if fresh is None:
                raise Unauthorized("重复的请求（重放），已拒绝")
            if secrets.randbelow(100) == 0:  # now and then: nonces older than the window
                c.execute(s.nonces.delete().where(s.nonces.c.seen_at < _now() - timedelta(hours=1)))
        return Device(row.id, row.laptop_device_id, row.district, cert)

    # --- push -----------------------------------------------------------------------------

    def start_push(self, device: Device, manifest: bytes, signature: bytes) -> dict[str, Any]:
        """Register the push's signed manifest; answer which members the server lacks and how
        many bytes of each it already acknowledged."""
        try:
            data = json.loads(manifest)
        except (ValueError, RecursionError) as error:  # RecursionError: nested 50,000 deep
            raise Refused("推送的清单不是有效的 JSON") from error
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise Refused("推送的不是 Inspector 交接包的清单")
        try:
            check = verify_manifest(manifest, signature, [])
        except BundleError as error:
            raise Refused("推送的清单签名无效：{problem}", problem=error) from error
        self.expire()
        cap = min(self.upload_quota, MAX_MEMBER_SIZE)
        for member in data.get("members") or []:
            size = int(member.get("size") or 0) if isinstance(member, dict) else 0
            if size > cap:
                raise Refused(
                    "推送中的文件 {name} 声明为 {size} 字节，超过服务器允许的单个文件上限"
                    "（{cap} 字节），服务器拒绝接收",
                    name=str(member.get("name")),
                    size=size,
                    cap=cap,
                )
        with self.engine.begin() as c:
            allowed = c.execute(
                s.device_signers.select().where(
                    s.device_signers.c.device_id == device.id,
                    s.device_signers.c.fingerprint_sha256 == check.fingerprint_sha256,
                )
            ).first()
            if allowed is None:
                self._event(c, "push.refused", device.id, why="signer")
                raise Refused(
                    "交接包的签名者不是本设备登记过的检查人员（{who}），服务器拒绝接收；"
                    "请在本机重新登记（sync enroll）以加入新的签名密钥",
                    who=check.subject.get("name", "?"),
                )
            self._check_base(c, data)
            bundle_id = str(data.get("bundle_id"))
            c.execute(
                insert(s.pushes)
                .values(
                    bundle_id=bundle_id,
                    device_id=device.id,
                    manifest=manifest.decode("utf-8"),
                    signature=base64.b64encode(signature).decode("ascii"),
                    manifest_sha256=hashlib.sha256(manifest).hexdigest(),
                    started_at=_now(),
                )
                .on_conflict_do_nothing()
            )
            push = c.execute(s.pushes.select().where(s.pushes.c.bundle_id == bundle_id)).one()
        if push.manifest_sha256 != hashlib.sha256(manifest).hexdigest():
            raise Refused("同一编号的交接包已以不同的内容推送过")
        if push.committed_at is not None:
            return {"bundle_id": bundle_id, "committed": True, "summary": push.summary}
        missing = []
        for member in data.get("members") or []:
            name, sha, size = str(member["name"]), str(member["sha256"]), int(member["size"])
            _name, suffix = member_file(name) or (name, "")
            check_file_name(sha, suffix)
            if not self.store.has(sha, suffix):
                missing.append(
                    {
                        "name": name,
                        "sha256": sha,
                        "size": size,
                        "offset": self.store.acknowledged(sha, suffix),
                    }
                )
        return {"bundle_id": bundle_id, "committed": False, "missing": missing}

    def _check_base(self, c: Connection, manifest: dict[str, Any]) -> None:
        """An incremental push (``since``): the server must hold each laptop's log up to where
        the push starts, and the evidence files it names without carrying (``requires``)."""
        since = {str(k): int(v) for k, v in (manifest.get("since") or {}).items() if int(v) > 0}
        if since:
            r = s.rows.c
            found = c.execute(
                select(r.change_device_id, r.change_seq).where(
                    r.table_name == "audit_events",
                    r.change_device_id.in_(sorted(since)),
                    r.change_seq.in_(sorted(set(since.values()))),
                )
            ).all()
            held = {(row.change_device_id, row.change_seq) for row in found}
            if any((device, seq) not in held for device, seq in since.items()):
                raise BaseUnknown("服务器没有本次增量推送所依据的数据，请推送全部数据")
        self._check_requires(manifest)

    def _check_requires(self, manifest: dict[str, Any]) -> None:
        """The evidence files an incremental push names without carrying are held here."""
        for item in manifest.get("requires") or []:
            sha, suffix = str(item.get("sha256")), str(item.get("suffix"))
            check_file_name(sha, suffix)
            if not self.store.has(sha, suffix):
                raise BaseUnknown("服务器没有本次增量推送所依据的数据，请推送全部数据")

    def _members(self, device: Device, bundle_id: str) -> dict[str, tuple[str, str, int]]:
        """name → (sha256, suffix, size) of a push's members, parsed once per push (each
        chunk names its member)."""
        cached = self._manifests.get((device.id, bundle_id))
        if cached is None:
            _push, manifest = self._push(device, bundle_id)
            cached = {}
            for member in manifest.get("members") or []:
                name = str(member["name"])
                _name, suffix = member_file(name) or (name, "")
                cached[name] = (str(member["sha256"]), suffix, int(member["size"]))
            if len(self._manifests) > 1000:
                self._manifests.clear()
            self._manifests[(device.id, bundle_id)] = cached
        return cached

    def _push(self, device: Device, bundle_id: str) -> tuple[Any, dict[str, Any]]:
        with self.engine.connect() as c:
            push = c.execute(s.pushes.select().where(s.pushes.c.bundle_id == bundle_id)).first()
        if push is None or push.device_id != device.id:
            raise Refused("没有这次推送：{bundle}", bundle=bundle_id[:8])
        return push, json.loads(push.manifest)

    def _held(self, device: Device) -> set[tuple[str, str]]:
        """The unfinished files this device sent part of."""
        files = self._holding.get(device.id)
        if files is None:
            files = set()
            with self.engine.connect() as c:
                manifests = c.scalars(
                    select(s.pushes.c.manifest).where(
                        s.pushes.c.device_id == device.id, s.pushes.c.committed_at.is_(None)
                    )
                ).all()
            for manifest in manifests:
                for member in json.loads(manifest).get("members") or []:
                    _name, suffix = member_file(str(member["name"])) or ("", "")
                    if self.store.acknowledged(str(member["sha256"]), suffix):
                        files.add((str(member["sha256"]), suffix))
            self._holding[device.id] = files
        return files

    def _append(
        self, device: Device, sha: str, suffix: str, size: int, offset: int, data: bytes
    ) -> int:
        """A chunk of an upload, within the device's quota of bytes held in unfinished
        files (an upload that never finishes holds the server's disk until it expires)."""
        files = self._held(device)
        held = 0
        for item in sorted(files):
            part = self.store.acknowledged(*item)
            if part == 0:
                files.discard(item)  # whole now, or expired
            held += part
        if offset + len(data) < size and held + len(data) > self.upload_quota:
            raise Refused(
                "本设备未完成的上传已占用 {held} 字节，再收 {more} 字节将超过上限 {quota} 字节："
                "请先完成或等待此前的推送过期（{hours} 小时）",
                held=held,
                more=len(data),
                quota=self.upload_quota,
                hours=self.upload_hours,
            )
        acknowledged = self.store.append(sha, suffix, size, offset, data)
        if acknowledged < size:
            files.add((sha, suffix))
        else:
            files.discard((sha, suffix))
        return acknowledged

    def expire(self) -> dict[str, int]:
        """Remove the unfinished pushes started more than ``upload_hours`` ago and the partial
        files nobody wrote to for as long (a laptop that comes back starts its push again)."""
        cutoff = _now() - timedelta(hours=self.upload_hours)
        with self.engine.begin() as c:
            expired = c.execute(
                s.pushes.delete()
                .where(s.pushes.c.committed_at.is_(None), s.pushes.c.started_at < cutoff)
                .returning(s.pushes.c.bundle_id, s.pushes.c.manifest)
            ).all()
            gone = {row.bundle_id for row in expired}
            # the whole files only they brought go too (a push never committed keeps nothing)
            whole = self._forget(c, [json.loads(row.manifest) for row in expired])
            files, size = self.store.expire_partials(cutoff.timestamp())
            if gone or files:
                self._event(
                    c, "push.expire", pushes=len(gone), files=files, bytes=size, whole=whole
                )
        for key in [k for k in self._manifests if k[1] in gone]:
            del self._manifests[key]
        if files:
            self._holding.clear()
        return {"pushes": len(gone), "files": files, "bytes": size, "whole": whole}

    def put_chunk(self, device: Device, bundle_id: str, name: str, offset: int, data: bytes) -> int:
        member = self._members(device, bundle_id).get(name)
        if member is None:
            raise Refused("交接包清单中没有这个文件：{name}", name=name)
        sha, suffix, size = member
        return self._append(device, sha, suffix, size, offset, data)

    def put_batch(self, device: Device, bundle_id: str, body: bytes) -> dict[str, int]:
        """Several whole small members in one request (thumbnails, print copies, the rows):
        a JSON line naming them and their sizes, then their bytes one after another."""
        head, newline, rest = body.partition(b"\n")
        try:
            names = json.loads(head) if newline else None
            parts = [(str(n), int(size)) for n, size in names]  # type: ignore[union-attr]
        except (ValueError, TypeError, RecursionError) as error:
            raise Refused("批量上传的格式无效") from error
        if sum(size for _n, size in parts) != len(rest):
            raise Refused("批量上传的长度与说明不符")
        members = self._members(device, bundle_id)
        acknowledged: dict[str, int] = {}
        start = 0
        for name, size in parts:
            member = members.get(name)
            if member is None or member[2] != size:
                raise Refused("交接包清单中没有这个文件：{name}", name=name)
            sha, suffix, _size = member
            acknowledged[name] = self._append(
                device, sha, suffix, size, 0, rest[start : start + size]
            )
            start += size
        return acknowledged

    def commit(self, device: Device, bundle_id: str) -> dict[str, Any]:
        """Verify the whole bundle (as ``bundle verify``) and merge it in one transaction."""
        push, manifest = self._push(device, bundle_id)
        if push.committed_at is not None:
            return dict(push.summary or {})
        try:
            summary = self._commit(device, bundle_id, push, manifest)
        except OSError as error:
            if error.errno not in FULL:
                raise
            # the bundle is put together in the temporary directory before anything is merged
            # (and a merge is one transaction): nothing of this push is stored
            raise TempFull(
                "服务器的临时目录已满，推送未提交，服务器数据未改变；请稍后重试（或联系管理员）"
            ) from error
        # Records that last: the push's signed records archived (PAdES B-LTA) or left 未归档.
        from inspector.central.archive import after_push

        after_push(self, summary)
        return summary

    def _commit(
        self, device: Device, bundle_id: str, push: Any, manifest: dict[str, Any]
    ) -> dict[str, Any]:
        with tempfile.TemporaryDirectory(prefix="inspector-central-") as folder:
            path = Path(folder) / "bundle.zip"
            external = self._assemble(path, push, manifest)
            self._check_requires(manifest)  # again: still held since the push began
            try:
                report = verify_bundle(path, external=external)
            except BundleError as error:
                self._refused(device, bundle_id, manifest, str(error))
                raise Refused("交接包校验未通过：{problem}", problem=error) from error
            with zipfile.ZipFile(path) as archive:
                for attempt in range(5):
                    try:
                        return self._merge(device, push, manifest, archive, report.devices)
                    except _Retry:
                        if attempt == 4:
                            raise Refused("服务器繁忙，请稍后重试推送") from None
                    except Refused as error:
                        self._refused(device, bundle_id, manifest, str(error))
                        raise
        raise AssertionError("unreachable")

    def _assemble(
        self, path: Path, push: Any, manifest: dict[str, Any]
    ) -> dict[str, tuple[str, int]]:
        """The pushed bundle put together at ``path`` (in the temporary directory) as
        ``bundle verify`` reads it; the evidence files stay in the store (returned by name)."""
        external: dict[str, tuple[str, int]] = {}
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr(zip_info(MANIFEST, False), push.manifest.encode("utf-8"))
            archive.writestr(zip_info(SIGNATURE, False), base64.b64decode(push.signature))
            for member in manifest.get("members") or []:
                name, sha, size = (
                    str(member["name"]),
                    str(member["sha256"]),
                    int(member["size"]),
                )
                _name, suffix = member_file(name) or (name, "")
                if not self.store.has(sha, suffix):
                    raise Refused("服务器尚未收到文件 {name}，请继续推送", name=name)
                if name.startswith("evidence/"):
                    # hashed when it arrived; verified by name, not copied again
                    external[name] = (sha, self.store.size_of(sha, suffix))
                    continue
                with (
                    self.store.open(sha, suffix) as source,
                    archive.open(zip_info(name, False), "w", force_zip64=size >= 1 << 31) as out,
                ):
                    while chunk := source.read(1 << 20):
                        out.write(chunk)
        return external

    def _refused(self, device: Device, bundle_id: str, manifest: dict[str, Any], why: str) -> None:
        """A push refused at its commit (the merge rolled back): logged, and gone with the
        files only it brought (a refused push leaves the server as it was; the laptop that
        tries again begins again)."""
        with self.engine.begin() as c:
            self._event(c, "push.refused", device.id, bundle=bundle_id, why=why)
            c.execute(
                s.pushes.delete().where(
                    s.pushes.c.bundle_id == bundle_id, s.pushes.c.committed_at.is_(None)
                )
            )
            self._forget(c, [manifest])
        self._manifests.pop((device.id, bundle_id), None)

    def _forget(self, c: Connection, manifests: list[dict[str, Any]]) -> int:
        """Remove the stored files that only these pushes (refused, or expired unfinished)
        brought: no row names them, no push under way lists them. Returns how many."""
        brought = {
            (str(m["sha256"]), (member_file(str(m["name"])) or ("", ""))[1])
            for manifest in manifests
            for m in manifest.get("members") or []
        }
        if not brought:
            return 0
        shas = sorted({sha for sha, _suffix in brought})
        named: set[str] = set()
        r = s.rows.c
        for table, column in (
            ("evidence", "sha256"),
            ("evidence", "thumb_sha256"),
            ("evidence", "print_sha256"),
            ("records", "sha256"),
            ("record_signatures", "pdf_sha256"),
            ("rectification_orders", "sha256"),
            ("enforcement_documents", "sha256"),
            ("case_documents", "sha256"),
        ):
            named.update(
                c.scalars(
                    select(r.data[column].astext).where(
                        r.table_name == table, r.data[column].astext.in_(shas)
                    )
                )
            )
        # what a push under way was told the server holds (a committed push needs its
        # members no more: its rows are here; the rows' JSON lines are only transport, sent
        # again by a push that lists them)
        for other in c.scalars(
            select(s.pushes.c.manifest).where(s.pushes.c.committed_at.is_(None))
        ):
            listed = json.loads(other)
            named.update(str(m.get("sha256")) for m in listed.get("members") or [])
            named.update(str(m.get("sha256")) for m in listed.get("requires") or [])
        removed = 0
        for sha, suffix in sorted(brought):
            if sha not in named and suffix and self.store.has(sha, suffix):
                self.store.remove(sha, suffix)
                removed += 1
        return removed

    def _merge(
        self,
        device: Device,
        push: Any,
        manifest: dict[str, Any],
        archive: zipfile.ZipFile,
        vouched: dict[str, DeviceHead],
    ) -> dict[str, Any]:
        from sqlalchemy.exc import DBAPIError

        try:
            with self.engine.begin() as c:
                # one commit of a push at a time: a commit sent again (the laptop's connection
                # broke before the answer) waits for the first and answers what it did
                held = c.execute(
                    select(s.pushes.c.committed_at, s.pushes.c.summary)
                    .where(s.pushes.c.bundle_id == push.bundle_id)
                    .with_for_update()
                ).first()
                if held is None:
                    raise Refused("没有这次推送：{bundle}", bundle=str(push.bundle_id)[:8])
                if held.committed_at is not None:
                    return dict(held.summary or {})
                return _Merge(c, self.store, device, push, manifest, vouched).run(archive)
        except DBAPIError as error:  # a deadlock or serialization failure: try again
            code = getattr(error.orig, "sqlstate", None) or ""
            if code in ("40P01", "40001"):
                raise _Retry() from error
            if code in ("53100", "53400"):  # disk_full, configuration_limit_exceeded
                raise StoreFull(
                    "服务器的数据库磁盘已满，推送未提交，服务器数据未改变；请联系管理员"
                ) from error
            if code.startswith("22"):  # data exception: a value the database cannot store
                raise Refused(
                    "推送中有服务器无法保存的数据（{code}），已拒绝，服务器数据未改变", code=code
                ) from error
            raise

    # --- the office -----------------------------------------------------------------------

    def list_inspections(
        self,
        *,
        district: str | None = None,
        type_code: str | None = None,
        mode: str | None = None,
        status: str | None = None,
        since: str | None = None,
        until: str | None = None,
        area: str | None = None,
        limit: int = 100,
        offset: int = 0,
        after: str | None = None,
        category: str | None = None,
        findings: bool = False,
    ) -> tuple[int, list[dict[str, Any]]]:
        """A page of the office list, newest first (started_at DESC NULLS LAST, id), and how
        many there are. ``area``: only the inspections in this district or by its teams (a
        district's office user). ``after``: the page after the row whose ``page_key`` this is
        (keyset paging: read from the list's index where the page before ended, however deep);
        ``offset`` counts rows from the start instead. ``findings``: only those with a finding
        in the problem ledger, ``category``: with one of this violation category (the office
        desk's figures link here, inspector/central/dashboard.py)."""
        from inspector.central.dashboard import finding_exists

        t = s.inspections
        for value in (district, type_code, mode, status, category):
            _check_filter(value)
        where: list[Any] = []
        for column, value in (
            (t.c.district, district),
            (t.c.type, type_code),
            (t.c.mode, mode),
            (t.c.status, status),
        ):
            if value:
                where.append(column == value)
        if since:
            where.append(t.c.started_at >= _day(since))
        if until:
            where.append(t.c.started_at < _day_after(until))
        if category or findings:
            where.append(finding_exists(category))
        key = _page_key(after) if after is not None else None
        with self.engine.connect() as c:
            total = self._count(c, where, area)
            if key is None:
                found = self._page(c, where, area, limit, offset)
            else:
                started, last = key
                found = []
                if started is not None:  # the rows with a start time after the key
                    found = self._page(
                        c,
                        [
                            *where,
                            t.c.started_at <= started,
                            or_(t.c.started_at < started, t.c.id > last),
                        ],
                        area,
                        limit,
                        0,
                    )
                if len(found) < limit:  # then those without one (last in the order)
                    found += self._page(
                        c,
                        [
                            *where,
                            t.c.started_at.is_(None),
                            *([t.c.id > last] if started is None else []),
                        ],
                        area,
                        limit - len(found),
                        0,
                    )
        return total, [_plain(r._mapping) for r in found]

    @staticmethod
    def _areas(where: list[Any], area: str | None) -> list[list[Any]]:
        """The conditions as disjoint parts each read from one index in the list's order: all
        of them; for a district's user, those in the district and those only its teams made
        (``district = A OR team_district = A`` would read neither index in order)."""
        t = s.inspections
        if area is None:
            return [where]
        return [
            [t.c.district == area, *where],
            [t.c.team_district == area, t.c.district.is_distinct_from(area), *where],
        ]

    def _page(
        self, c: Connection, where: list[Any], area: str | None, limit: int, offset: int
    ) -> list[Any]:
        t = s.inspections
        parts = [
            select(t)
            .where(*part)
            .order_by(t.c.started_at.desc().nulls_last(), t.c.id)
            .limit(limit + offset)
            for part in self._areas(where, area)
        ]
        if len(parts) == 1:
            return list(c.execute(parts[0].offset(offset).limit(limit)).all())
        merged = union_all(*parts).subquery()
        return list(
            c.execute(
                select(merged)
                .order_by(merged.c.started_at.desc().nulls_last(), merged.c.id)
                .limit(limit)
                .offset(offset)
            ).all()
        )

    def _count(self, c: Connection, where: list[Any], area: str | None) -> int:
        t = s.inspections
        return sum(
            int(c.scalar(select(func.count()).select_from(t).where(*part)) or 0)
            for part in self._areas(where, area)
        )

    @staticmethod
    def page_key(item: dict[str, Any]) -> str:
        """The key of a listed row (its start time and id) that ``after`` takes."""
        return f"{item.get('started_at') or ''},{item['id']}"

    def filter_values(self, area: str | None = None) -> dict[str, list[str]]:
        """The values each filter offers: from the small table the commit keeps, for a
        district's user those of the inspections it sees."""
        v = s.office_filter_values
        seen = true() if area is None else or_(v.c.district == area, v.c.team_district == area)
        found: dict[str, list[str]] = {"district": [], "type": [], "mode": [], "status": []}
        with self.engine.connect() as c:
            for name, value in c.execute(
                select(v.c.name, v.c.value).distinct().where(seen).order_by(v.c.name, v.c.value)
            ):
                found.setdefault(name, []).append(value)
        return found

    def show(self, inspection_id: str, area: str | None = None) -> dict[str, Any]:
        """An inspection by its id or a prefix of it; with ``area``, among those that district's
        office sees (so that an ambiguous prefix names none it does not)."""
        with self.engine.connect() as c:
            inspection = ids.resolve_prefix(
                c, s.inspections.c.id, inspection_id, ids.SERVER_INSPECTION, where=[_in_area(area)]
            )
            found = c.execute(
                s.rows.select()
                .where(s.rows.c.inspection_id == inspection.id, s.rows.c.deleted.is_(False))
                .order_by(s.rows.c.table_name, s.rows.c.row_key)
            ).all()
            events = c.execute(
                s.server_events.select()
                .where(s.server_events.c.inspection_id == inspection.id)
                .order_by(s.server_events.c.at)
            ).all()
        tables: dict[str, list[dict[str, Any]]] = {}
        for row in found:
            tables.setdefault(row.table_name, []).append(row.data)
        return {
            "inspection": _plain(inspection._mapping),
            "rows": tables,
            "server_events": [_plain(e._mapping) for e in events],
        }

    def head(self, inspection_id: str) -> dict[str, Any]:
        """The office list's line of one inspection (its full id, not a prefix)."""
        with self.engine.connect() as c:
            row = c.execute(
                s.inspections.select().where(s.inspections.c.id == inspection_id)
            ).first()
        if row is None:
            raise InspectorError(ids.SERVER_INSPECTION.not_found, text=inspection_id)
        return _plain(row._mapping)

    def evidence_names(self, inspection_id: str) -> set[tuple[str, str]]:
        """(sha256, suffix) of every stored file the inspection's evidence rows name."""
        from inspector.bundle.verify import evidence_files

        with self.engine.connect() as c:
            found = c.scalars(
                select(s.rows.c.data).where(
                    s.rows.c.table_name == "evidence",
                    s.rows.c.inspection_id == inspection_id,
                    s.rows.c.deleted.is_(False),
                )
            ).all()
        return {f for data in found for f in evidence_files(data)}

    def record_pdf(self, data: dict[str, Any], record_id: str) -> bytes:
        """A record's signed PDF, of an inspection's ``show`` data (read once by the caller)."""
        for record in data["rows"].get("records", []):
            if record["id"] == record_id:
                with self.store.open(record["sha256"], ".pdf") as handle:
                    return handle.read()
        raise InspectorError("没有这份记录：{id}", id=record_id)

    def evidence_thumbnail(self, inspection_id: str, sha256: str, suffix: str) -> bytes:
        """The office page's thumbnail of an evidence file of the inspection: the one the
        laptop pushed, else one made here once (the 3.5 MB originals are not for a list)."""
        from inspector.bundle.verify import evidence_files

        with self.engine.connect() as c:
            found = c.scalars(
                select(s.rows.c.data).where(
                    s.rows.c.table_name == "evidence",
                    s.rows.c.inspection_id == inspection_id,
                    s.rows.c.deleted.is_(False),
                    s.rows.c.data["sha256"].astext == sha256,
                )
            ).all()
        for data in found:
            files = evidence_files(data)
            if files[0] != (sha256, suffix):
                continue
            thumb = data.get("thumb_sha256")
            if thumb and self.store.has(str(thumb), ".jpg"):
                return self.evidence_file(str(thumb), ".jpg")
            return self.store.thumbnail(sha256, suffix)
        raise InspectorError("没有这个证据文件：{sha256}", sha256=sha256[:12])

    def evidence_file(self, sha256: str, suffix: str) -> bytes:
        with self.store.open(sha256, suffix) as handle:
            return handle.read()

    def missing_files(self) -> tuple[int, list[str]]:
        """How many stored files the rows name (evidence and its copies, record PDFs), and
        those the store does not hold (a store restored apart from its database, or lost)."""
        from inspector.bundle.verify import evidence_files

        named: set[tuple[str, str]] = set()
        with self.engine.connect() as c:
            found = c.execution_options(yield_per=1000).execute(
                select(s.rows.c.table_name, s.rows.c.data).where(
                    s.rows.c.table_name.in_(("evidence", "records")), s.rows.c.deleted.is_(False)
                )
            )
            for table, data in found:
                if table == "evidence":
                    named.update(evidence_files(data))
                elif data.get("sha256"):
                    named.add((str(data["sha256"]), ".pdf"))
        missing = sorted(
            f"{sha}{suffix}" for sha, suffix in named if not self.store.has(sha, suffix)
        )
        return len(named), missing

    def check_store(self) -> int:
        """The number of files the rows name, all held; else refused with how many are not."""
        named, missing = self.missing_files()
        if missing:
            raise InspectorError(
                "文件库缺少数据库记录的 {count} 个文件（共 {named} 个），例如 {example}",
                count=len(missing),
                named=named,
                example=missing[0],
            )
        return named

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as c:
            return {
                "inspections": c.scalar(select(func.count()).select_from(s.inspections)) or 0,
                "rows": c.scalar(select(func.count()).select_from(s.rows)) or 0,
                "blobs": sum(1 for _ in self.store.files.rglob("*") if _.is_file()),
            }


class _Retry(Exception):
    pass


def _page_key(text: str) -> tuple[datetime | None, str]:
    """(start time or None, id) of a ``page_key``; a key no page gave is bad input."""
    started, comma, last = text.partition(",")
    moment: datetime | None = None
    try:
        if started:
            moment = datetime.fromisoformat(started)
    except ValueError:
        moment = None
    if (
        not comma
        or not last
        or len(last) > 36
        or not last.isprintable()
        or (started and (moment is None or moment.tzinfo is None))
    ):
        raise InspectorError("翻页位置无效：{after}", after=text[:80])
    return moment, last


def _day(value: str) -> datetime:
    try:
        return datetime.fromisoformat(value).replace(tzinfo=UTC)
    except ValueError as error:
        raise InspectorError("日期无效（应为 YYYY-MM-DD）：{value}", value=value[:40]) from error


def _day_after(value: str) -> datetime:
    """The start of the day after ``value`` (a period's end, inclusive)."""
    try:
        return _day(value) + timedelta(days=1)
    except OverflowError:  # 9999-12-31: no day after it; every moment is before
        return datetime.max.replace(tzinfo=UTC)


FILTER_LENGTH = 100  # the office list's columns (schema: district String(100))


def _check_filter(value: str | None) -> None:
    """A filter's value as the database can compare it: no control characters (PostgreSQL
    refuses a NUL in text), not longer than the columns."""
    if value is None:
        return
    if len(value) > FILTER_LENGTH or any(ord(c) < 32 or ord(c) == 127 for c in value):
        shown = "".join(c if ord(c) >= 32 and ord(c) != 127 else "�" for c in value[:40])
        raise InvalidInput("筛选条件无效：{value}", value=shown)


def _plain(mapping: Any) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in dict(mapping).items()}


class _Merge:
    """One push merged inside one transaction (see docs/central.md: the rules).

    A signed inspection is immutable here as on a laptop (inspector/bundle/merge.py
    ``_Merger``): after the server holds it signed, none of its rows, nor a tombstone of one,
    nor the institution or inspectors it names, changes; only what grows after signing
    (``AFTER_SIGNING``: the record by its next signature, the chains, the ledger's follow-up)
    does, and the record only to a newer signed version of the same file. A correction is an
    amendment (更正记录): a new inspection naming the one it corrects. Rows are attributed to
    their inspection by their own keys (and by the server's copy of the row), never by the
    manifest's list."""

    def __init__(
        self,
        c: Connection,
        store: ServerStore,
        device: Device,
        push: Any,
        manifest: dict[str, Any],
        vouched: dict[str, DeviceHead],
    ) -> None:
        self.c = c
        self.vouched = vouched  # the bundle's verified head statements, by laptop
        self.store = store
        self.device = device
        self.push = push
        self.manifest = manifest
        # the push's claims of how far it knows each laptop's log; judged in ``run`` against
        # what this device delivered (``_known``)
        self.claimed = {str(k): int(v) for k, v in (manifest.get("heads") or {}).items()}
        self.heads: dict[str, int] = {}
        self.delivered: dict[str, int] = {}  # log → the highest entry of it in this push
        self.extended: dict[str, int] = {}  # log → the highest entry new to the server
        self.record_inspection: dict[str, str] = {}
        self.case_inspection: dict[str, Any] = {}  # case → its inspection (central/cases.py)
        self.counts = {"inserted": 0, "updated": 0, "unchanged": 0, "kept": 0}
        self.signed_here: dict[str, bool] = {}  # inspection → signed on the server before
        self.signed_there: set[str] = set()  # signed in the push
        self.pushed: dict[str, dict[str, Any]] = {}  # the push's inspection rows by id
        # the office's live visits → (the team's district, the institution's)
        self.assigned: dict[str, tuple[str, str]] = {}
        self.signatures: dict[str, set[str]] = {}  # record → pdf_sha256 of its signatures
        self.locked: set[str] = set()
        self.touched: set[str] = set()
        self.chains: dict[tuple[str, str, Any], int] = {}  # chain → its last entry's number

    def _inspection_of(self, name: str, data: dict[str, Any]) -> str | None:
        if name == "inspections":
            return str(data["id"])
        if name == "records":
            self.record_inspection[str(data["id"])] = str(data.get("inspection_id"))
        if name == "record_signatures":
            record = str(data.get("record_id"))
            if record not in self.record_inspection:
                found = self.c.scalar(
                    select(s.rows.c.inspection_id).where(
                        s.rows.c.table_name == "records", s.rows.c.row_key == json.dumps([record])
                    )
                )
                self.record_inspection[record] = str(found)
            return self.record_inspection[record]
        if name in rules.CASE_TABLES:  # a case's rows: its inspection (central/cases.py)
            return case_rows.owner(self.c, self.case_inspection, name, data)
        value = data.get("inspection_id")
        return None if value is None else str(value)

    def _lock(self, inspections: set[str]) -> None:
        """One push at a time per inspection, taken in one order (no deadlock among pushes
        that name their inspections at the start; one found later may wait, then retries)."""
        for inspection in sorted(inspections - self.locked):
            self.c.execute(text("select pg_advisory_xact_lock(hashtext(:id))"), {"id": inspection})
            self.locked.add(inspection)

    def _signed_here(self, inspection: str | None) -> bool:
        """Signed on the server before this push (its office line says so)."""
        if inspection is None:
            return False
        if inspection not in self.signed_here:
            self._lock({inspection})
            status = self.c.scalar(
                select(s.inspections.c.status).where(s.inspections.c.id == inspection)
            )
            self.signed_here[inspection] = status == "signed"
        return self.signed_here[inspection]

    def _refuse_signed(self, name: str, inspection: str | None, why: InspectorError) -> None:
        raise Refused(
            "检查 {inspection} 已签字锁定，推送中它的{what}与服务器上的不同（{why}）：已拒绝，"
            "服务器数据未改变。如需更正，请制作更正记录后再推送",
            inspection=(inspection or "")[:8],
            what=_what(name),
            why=why,
        )

    def _survey(self, archive: zipfile.ZipFile) -> set[str]:
        """Before anything is written: every inspection the push's rows belong to (by their
        own keys), the push's own inspection rows and its record signatures."""
        owners = {str(i.get("id")) for i in self.manifest.get("inspections") or []}
        for data in read_rows(archive, "audit_events"):
            log, seq = str(data.get("device_id")), int(data.get("seq") or 0)
            self.delivered[log] = max(seq, self.delivered.get(log, 0))
        for name in bundle_rows.TABLES:
            if name in ("audit_events", "tombstones"):
                # a laptop's log names inspections, it is no row of theirs; a tombstone is
                # judged by the row it deletes (_tombstone)
                continue
            for data in read_rows(archive, name):
                if name == "inspections":
                    self.pushed[str(data["id"])] = data
                    if data.get("status") == "signed":
                        self.signed_there.add(str(data["id"]))
                if name == "record_signatures":
                    record = str(data.get("record_id"))
                    self.signatures.setdefault(record, set()).add(str(data.get("pdf_sha256")))
                owner = self._inspection_of(name, data)
                if owner is not None:
                    owners.add(owner)
        return owners

    def _check_districts(self, owners: set[str]) -> None:
        """A device pushes only the inspections of the districts it was enrolled for: those
        its district's office sees (``_in_area``: the district inspected, or the team's own
        for a cross-district check), as the push says and as the server holds them."""
        held = {
            r.id: r
            for r in self.c.execute(
                select(
                    s.inspections.c.id, s.inspections.c.district, s.inspections.c.team_district
                ).where(s.inspections.c.id.in_(sorted(owners)))
            )
        }
        allowed = set(self.device.districts)
        # a visit of another district the office assigned to this device's team (its live
        # assignment, by the office's inspection id) comes back from it; nothing else does
        self.assigned.update(assigned_visits(self.c, self.device, sorted(owners)))
        for inspection in sorted(owners):
            versions: list[tuple[Any, Any]] = []
            if inspection in self.pushed:
                data = self.pushed[inspection]
                versions.append((data.get("district"), data.get("team_district")))
            if inspection in held:
                versions.append((held[inspection].district, held[inspection].team_district))
            if not versions:
                raise Refused(
                    "推送中有检查 {inspection} 的数据，但服务器上和推送中都没有这次检查："
                    "已拒绝，服务器数据未改变",
                    inspection=inspection[:8],
                )
            for district, team_district in versions:
                assigned = self.assigned.get(inspection)
                if assigned is not None and district == assigned[1]:
                    continue  # the office's visit, of the institution it assigned
                if not {district, team_district} & allowed:
                    raise Refused(
                        "本设备登记的区县是 {allowed}，不能推送{district}的检查 {inspection}："
                        "已拒绝，服务器数据未改变",
                        allowed="、".join(sorted(allowed)),
                        district=str(district),
                        inspection=inspection[:8],
                    )

    def _team_district(self, data: dict[str, Any]) -> str | None:
        """The district of the team the office assigned this visit to, when not the place's
        (the office list shows the visit to both districts' users)."""
        team = self.assigned.get(str(data.get("id")), ("", ""))[0]
        return team if team and team != data.get("district") else None

    def _known(self) -> dict[str, int]:
        """How far this device knows each laptop's log, as the server judges it: the entries
        of that log it delivered, in earlier pushes (``pushed_logs``) or in this one (each
        either equal to the server's copy or linked onto its chain, or the push is refused).
        Its log's entry N carries the hash of all before it, so delivering it proves holding
        them. The manifest's claims only lower this: a push declaring another laptop's head
        at 10^9 knows no more of it than it delivered, and cannot overwrite its rows."""
        p = s.pushed_logs.c
        held = {
            str(r.log_device_id): int(r.seq)
            for r in self.c.execute(
                select(p.log_device_id, p.seq).where(p.device_id == self.device.id)
            )
        }
        for log, seq in self.delivered.items():
            held[log] = max(seq, held.get(log, 0))
        return {
            log: min(claim, held[log])
            for log, claim in self.claimed.items()
            if held.get(log, 0) > 0 and claim > 0
        }

    def _check_vouched(self) -> None:
        """Entries new to the server of an enrolled laptop's log, brought by another device,
        must be vouched for by that laptop: the bundle's head statement for the log, signed by
        one of the signers the laptop enrolled (its device key or its inspectors), reaching
        at least the last new entry. A log's hashes prove order, not origin: a device holding
        a copy of another laptop's log could otherwise append entries in its name after the
        last one pushed. (A laptop never enrolled here has no signers to check against; its
        log is vouched for as the bundle's own verification says, docs/central.md.)"""
        d, signers = s.devices.c, s.device_signers.c
        own = self.device.laptop_device_id
        for log, seq in sorted(self.extended.items()):
            if log == own:
                continue
            devices = [
                row.id for row in self.c.execute(select(d.id).where(d.laptop_device_id == log))
            ]
            if not devices:
                continue
            allowed = set(devices) | set(
                self.c.scalars(
                    select(signers.fingerprint_sha256).where(signers.device_id.in_(devices))
                )
            )
            head = self.vouched.get(log)
            if head is None or head.signer.fingerprint_sha256 not in allowed or head.seq < seq:
                raise Refused(
                    "推送带有设备 {device} 的第 {seq} 条操作记录，但没有该设备登记的签名者签署、"
                    "覆盖这条记录的记录链头：不能证明这些记录出自那台设备，已拒绝，服务器数据未改变",
                    device=log[:8],
                    seq=seq,
                )

    def _record_delivered(self) -> None:
        """After the rows (every delivered entry is now the server's): what this device
        delivered of each log, for the pushes that follow."""
        p = s.pushed_logs
        for log, seq in sorted(self.delivered.items()):
            self.c.execute(
                insert(p)
                .values(device_id=self.device.id, log_device_id=log, seq=seq)
                .on_conflict_do_update(
                    index_elements=["device_id", "log_device_id"],
                    set_={"seq": func.greatest(p.c.seq, seq)},
                )
            )

    def run(self, archive: zipfile.ZipFile) -> dict[str, Any]:
        owners = self._survey(archive)
        self.heads = self._known()
        self._lock(owners)
        self._check_districts(owners)
        for name in bundle_rows.TABLES:
            keys = bundle_rows.primary_key(name)
            for data in read_rows(archive, name):
                self._row(name, json.dumps([data[k] for k in keys], ensure_ascii=False), data)
        case_rows.check_rows(self.c, archive)  # the log is in: each case row as it was stamped
        self._check_vouched()
        self._record_delivered()
        # A push that signs an inspection brings rows that recompute its signed record's data
        # hash (what record verify checks), or it is refused.
        newly = sorted(i for i in self.signed_there if not self._signed_here(i))
        try:
            check_signed_data(self.c, self.store, newly)
        except InspectorError as error:
            raise Refused(error.template, **error.values) from error
        ids = sorted(owners)
        inspection_rows = self._inspection_rows(ids)
        institutions = {
            str(r.data["id"]): r.data
            for r in self.c.execute(
                s.rows.select().where(
                    s.rows.c.table_name == "institutions",
                    s.rows.c.row_key.in_(
                        [json.dumps([i.get("institution_id")]) for i in inspection_rows]
                    ),
                )
            ).all()
        }
        now = _now()
        for data in inspection_rows:
            _check_columns(data)
            institution = institutions.get(str(data.get("institution_id")), {})
            values = {
                "institution": institution.get("name") or "?",
                "district": data.get("district"),
                # the team's district as the office assigned it, when the laptop names none
                "team_district": data.get("team_district") or self._team_district(data),
                "type": institution.get("type_code"),
                "mode": data.get("mode"),
                "status": data.get("status"),
                "record_no": data.get("record_no"),
                "started_at": _moment(data.get("started_at")),
                "amends_id": data.get("amends_id"),
                "device_id": self.device.id,
                "pushed_at": now,
            }
            self.c.execute(
                insert(s.inspections)
                .values(id=data["id"], **values)
                .on_conflict_do_update(index_elements=["id"], set_=values)
            )
            offered = [
                {
                    "name": name,
                    "value": values[name],
                    "district": values["district"] or "",
                    "team_district": values["team_district"] or "",
                }
                for name in ("district", "type", "mode", "status")
                if values[name]
            ]
            if offered:
                self.c.execute(
                    insert(s.office_filter_values).values(offered).on_conflict_do_nothing()
                )
        listed = {str(i.get("id")) for i in self.manifest.get("inspections") or []}
        summary = {
            **self.counts,
            "bundle_id": self.push.bundle_id,
            "inspections": sorted(self.touched | listed),
            "committed_at": now.isoformat(),
        }
        self.c.execute(
            update(s.pushes)
            .where(s.pushes.c.bundle_id == self.push.bundle_id)
            .values(committed_at=now, summary=summary)
        )
        for inspection in sorted(listed):
            Central._event(
                self.c,
                "push.commit",
                self.device.id,
                inspection,
                bundle=self.push.bundle_id,
                signer=self.manifest.get("signer", {}).get("name"),
                inserted=self.counts["inserted"],
                updated=self.counts["updated"],
            )
        return summary

    def _inspection_rows(self, ids: list[str]) -> list[dict[str, Any]]:
        found = self.c.execute(
            s.rows.select().where(
                s.rows.c.table_name == "inspections",
                s.rows.c.row_key.in_([json.dumps([i]) for i in ids]),
            )
        ).all()
        return [r.data for r in found]

    def _referenced_by_signed(self, name: str, entity: Any) -> str | None:
        """A signed inspection (held here signed, or signed in this push) that names this
        institution or inspector (its record states their names), else None."""
        r, i = s.rows.c, s.inspections.c
        if name == "institutions":
            for inspection, data in self.pushed.items():
                if inspection in self.signed_there and data.get("institution_id") == entity:
                    return inspection
            where = [r.table_name == "inspections", r.data["institution_id"].astext == entity]
        elif name == "inspectors":
            where = [r.table_name == "inspection_members", r.data["inspector_id"].astext == entity]
        else:
            return None
        return self.c.scalar(
            select(r.inspection_id)
            .join(s.inspections, i.id == r.inspection_id)
            .where(
                *where,
                r.deleted.is_(False),
                or_(i.status == "signed", i.id.in_(sorted(self.signed_there))),
            )
            .limit(1)
        )

    def _row(self, name: str, key: str, data: dict[str, Any]) -> None:
        inspection = self._inspection_of(name, data)
        stamp_device = (
            data.get("device_id") if name in ("audit_events",) else data.get("change_device_id")
        )
        stamp_seq = data.get("seq") if name == "audit_events" else data.get("change_seq")
        values = {
            "inspection_id": inspection,
            "data": data,
            "change_device_id": stamp_device,
            "change_seq": stamp_seq,
            "bundle_id": self.push.bundle_id,
            "deleted": False,
        }
        inserted = self.c.execute(
            insert(s.rows)
            .values(table_name=name, row_key=key, **values)
            .on_conflict_do_nothing()
            .returning(s.rows.c.row_key)
        ).first()
        if inserted is not None:
            if name == "audit_events" and stamp_device is not None and stamp_seq is not None:
                log = str(stamp_device)
                self.extended[log] = max(int(stamp_seq), self.extended.get(log, 0))
            if not rules.may_add_to_signed(name) and self._signed_here(inspection):
                self._refuse_signed(name, inspection, InspectorError("服务器上没有这条记录"))
            if name in CHAINS:
                self._link(name, data)
            self.counts["inserted"] += 1
            if inspection:
                self.touched.add(inspection)
            if name == "tombstones":
                self._tombstone(data)
            return
        local = self.c.execute(
            s.rows.select()
            .where(s.rows.c.table_name == name, s.rows.c.row_key == key)
            .with_for_update()
        ).one()
        if bundle_rows.content(local.data) == bundle_rows.content(data):
            self.counts["unchanged"] += 1
            return
        if name in CHAINS:
            raise Refused(
                "服务器上{what}第 {key} 条与推送的不同（两份记录分叉），已拒绝，服务器数据未改变",
                what="保管记录" if name == "custody_events" else "操作记录",
                key=key,
            )
        # The row's inspection as the push says and as the server holds it: moving a row out
        # of a signed inspection is changing it.
        owners = {o for o in (inspection, local.inspection_id) if o is not None}
        signed = sorted(o for o in owners if self._signed_here(o))
        if signed and name not in FOLLOWED_UP:
            if name != "records":
                self._refuse_signed(name, signed[0], InspectorError("推送中是另一个版本"))
            problem = self._newer_signed_version(local.data, data)
            if problem is not None:
                self._refuse_signed(name, signed[0], problem)
        # A version the pusher did not know stays (the laptops settle it between them); what
        # it knew is what it delivered of each log (``_known``), never only what it says. A
        # row without a stamp takes the push's.
        held = {"change_device_id": local.change_device_id, "change_seq": local.change_seq}
        if rules.decide(held, data, here={}, there=self.heads, unstamped="update") == "update":
            # the pushing laptop knew the server's version and changed it after
            if name in ("institutions", "inspectors"):
                user = self._referenced_by_signed(name, data.get("id"))
                if user is not None:
                    self._refuse_signed(name, user, InspectorError("签字的记录写明了它"))
            if name == "case_documents":
                case_rows.check_next_document(
                    local.data, data, lambda a, b: _extends(self.store, a, b)
                )
            self.c.execute(
                update(s.rows)
                .where(s.rows.c.table_name == name, s.rows.c.row_key == key)
                .values(**values)
            )
            self.counts["updated"] += 1
            if inspection:
                self.touched.add(inspection)
        else:
            # both changed an unsigned row: the server keeps what it had; the laptops settle
            # it between them (bundle conflicts) and push again. A push that signs the
            # inspection cannot leave the server a version its record does not state.
            pushed_signed = sorted(o for o in owners if o in self.signed_there)
            if pushed_signed and name not in FOLLOWED_UP:
                self._refuse_signed(name, pushed_signed[0], InspectorError("两边各自修改过"))
            self.counts["kept"] += 1

    def _newer_signed_version(
        self, old: dict[str, Any], new: dict[str, Any]
    ) -> InspectorError | None:
        """Why a signed inspection's record row may not become ``new`` (None: it may): only
        the next signature changes it, so the same record (all but its file) whose new file
        is one its signature rows name and begins with the old file's bytes."""
        record = str(new.get("id"))
        named = set(self.signatures.get(record, set()))
        named |= {
            str(d.get("pdf_sha256"))
            for d in self.c.scalars(
                select(s.rows.c.data).where(
                    s.rows.c.table_name == "record_signatures",
                    s.rows.c.data["record_id"].astext == record,
                )
            )
        }
        why = rules.next_signed_version(
            old, new, named, lambda a, b: _extends(self.store, a, b), bundle_rows.content
        )
        return None if why is None else InspectorError(why)

    def _link(self, name: str, data: dict[str, Any]) -> None:
        """A custody or audit entry new to the server follows the entry before it: in this
        push, or (an incremental push starts after 1) the server's own, as an import checks."""
        group = (
            str(data.get("inspection_id")) if name == "custody_events" else "",
            data.get("device_id"),
        )
        seq = int(data.get("seq") or 0)
        last = self.chains.get((name, *group))
        self.chains[(name, *group)] = seq
        if seq <= 1 or last == seq - 1:
            return  # the first entry (verify checked its link) or after one in this push
        r = s.rows.c
        if name == "custody_events":
            where = [
                r.table_name == name,
                r.inspection_id == group[0],
                r.data["device_id"].astext == str(data.get("device_id")),
                r.data["seq"].as_integer() == seq - 1,
            ]
        else:  # an audit entry's stamp is its device and number
            where = [
                r.table_name == name,
                r.change_device_id == str(data.get("device_id")),
                r.change_seq == seq - 1,
            ]
        before = self.c.scalar(select(r.data["hash"].astext).where(*where))
        if before is None or before != data.get("prev_hash"):
            raise Refused(
                "推送中{what}第 {seq} 条接不上服务器上的记录，已拒绝，服务器数据未改变",
                what="保管记录" if name == "custody_events" else "操作记录",
                seq=seq,
            )

    def _tombstone(self, data: dict[str, Any]) -> None:
        table, entity = data.get("table_name"), data.get("entity_id")
        if table in bundle_rows.TABLES and len(bundle_rows.primary_key(str(table))) == 1:
            target = self.c.execute(
                select(s.rows.c.inspection_id, s.rows.c.deleted).where(
                    s.rows.c.table_name == table, s.rows.c.row_key == json.dumps([entity])
                )
            ).first()
            if target is None or target.deleted:
                return
            if target.inspection_id is not None:
                self._lock({target.inspection_id})
                self._check_districts({target.inspection_id})
            # judged by the deleted row's own inspection, whatever the tombstone names
            for owner in (target.inspection_id, data.get("inspection_id")):
                if self._signed_here(owner) or owner in self.signed_there:
                    self._refuse_signed(str(table), owner, InspectorError("推送中删除了它"))
            user = self._referenced_by_signed(str(table), entity)
            if user is not None:
                self._refuse_signed(str(table), user, InspectorError("推送中删除了它"))
            self.c.execute(
                update(s.rows)
                .where(s.rows.c.table_name == table, s.rows.c.row_key == json.dumps([entity]))
                .values(deleted=True)
            )


# The office list's columns (schema.inspections) an inspection row fills, and their widths.
COLUMNS = {
    "district": ("区县", 100),
    "team_district": ("检查组所属区县", 100),
    "mode": ("检查方式", 32),
    "status": ("状态", 32),
    "record_no": ("文书编号", 64),
}


def _check_columns(data: dict[str, Any]) -> None:
    """A pushed inspection's values that the office list holds: text that fits its column, no
    NUL. A district of 101 characters failed the commit with a database error (500) on every
    retry; now the push is refused with what to correct on the laptop."""
    for key, (label, width) in COLUMNS.items():
        value = data.get(key)
        if value is None:
            continue
        text = str(value)
        if len(text) > width or "\x00" in text:
            raise Refused(
                "检查 {inspection} 的{field}过长或含无效字符（至多 {count} 个字符），"
                "请在本机改正后再推送",
                inspection=str(data.get("id"))[:8],
                field=label,
                count=width,
            )


def _what(name: str) -> str:
    return {
        "inspections": "检查信息",
        "inspection_members": "检查组成员",
        "answers": "检查项结论",
        "evidence": "证据",
        "seal_items": "先行登记保存清单",
        "interviews": "询问笔录",
    }.get(name, name)


def _extends(store: ServerStore, old: str, new: str) -> bool:
    """The stored PDF ``new`` is the stored PDF ``old`` with more after it (a signature is an
    incremental update: the signed bytes stay a prefix)."""
    try:
        with store.open(old, ".pdf") as before, store.open(new, ".pdf") as after:
            if store.size_of(new, ".pdf") <= store.size_of(old, ".pdf"):
                return False
            while chunk := before.read(1 << 20):
                if after.read(len(chunk)) != chunk:
                    return False
    except (FileNotFoundError, InspectorError):
        return False
    return True


def _moment(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


# --- reference data the office publishes (sync pull) -------------------------------------------

KINDS = {
    "registry": "机构名录",
    "roster": "检查人员名录",
    "checklist": "检查清单包",
    # The bureaus (执法主体) laptops serve, with their number templates (inspector/bureaus.py).
    "bureaus": "执法主体",
    # The rule engine's packs and knowledge lists (inspector/rules/): one file a publication,
    # its ``format`` telling which.
    "rules": "智能监控规则包",
    "knowledge": "规则知识库",
    # The office's campaigns (专项行动, inspector/central/campaigns.py): every campaign in one
    # package, signed with the service's key (office_signer.py).
    "campaign": "专项行动",
}


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise InspectorError(
            "不认识的发布类型：{kind}（可选：{kinds}）", kind=kind, kinds="、".join(KINDS)
        )


def publish(central: Central, kind: str, name: str, body: bytes, signature: bytes) -> int:
    """Store a signed package as the next version of ``kind``; laptops verify it against their
    trust list before installing."""
    with central.engine.begin() as c:
        return publish_on(c, kind, name, body, signature)


def publish_on(c: Connection, kind: str, name: str, body: bytes, signature: bytes) -> int:
    """:func:`publish` inside the caller's transaction (what the office makes is stored and
    published together, or neither)."""
    _check_kind(kind)
    try:
        check = verify_manifest(body, signature, [])
    except BundleError as error:
        raise Refused("发布文件的签名无效：{problem}", problem=str(error)) from error
    c.execute(text("lock table publications in exclusive mode"))
    last = c.scalar(select(func.max(s.publications.c.version)).where(s.publications.c.kind == kind))
    version = int(last or 0) + 1
    c.execute(
        s.publications.insert().values(
            kind=kind,
            version=version,
            name=name,
            body=body,
            signature=signature,
            signer=check.subject.get("name", "?"),
            published_at=_now(),
        )
    )
    Central._event(c, "publish", None, None, kind=kind, version=version, name=name)
    return version


def publications(central: Central) -> list[dict[str, Any]]:
    """The latest version of each kind."""
    with central.engine.connect() as c:
        found = c.execute(
            select(
                s.publications.c.kind,
                s.publications.c.version,
                s.publications.c.name,
                s.publications.c.signer,
                s.publications.c.published_at,
            )
            .distinct(s.publications.c.kind)
            .order_by(s.publications.c.kind, s.publications.c.version.desc())
        ).all()
    return [_plain(r._mapping) for r in found]


def publication(central: Central, kind: str, version: int) -> dict[str, Any]:
    _check_kind(kind)
    with central.engine.connect() as c:
        row = c.execute(
            s.publications.select().where(
                s.publications.c.kind == kind, s.publications.c.version == version
            )
        ).first()
    if row is None:
        raise InspectorError(
            "服务器上没有这份发布：{kind} 第 {version} 版", kind=kind, version=version
        )
    return {
        "kind": kind,
        "version": version,
        "name": row.name,
        "body": base64.b64encode(row.body).decode("ascii"),
        "signature": base64.b64encode(row.signature).decode("ascii"),
    }
