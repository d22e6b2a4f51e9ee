"""The signing keys on this laptop, in ``<data dir>/keys/``: one folder per key, named by the key's
id (the first 16 hex digits of the SHA-256 of its public key), holding

- ``key.p12``: a PKCS#12 file imported as it was given (still protected by its passphrase), or a
  trial key made here, in the same form;
- or ``key.p8.pem`` (a key made here, encrypted PKCS#8 under the passphrase), ``request.csr.pem``
  (its certificate request for the bureau's CA) and, once the bureau's certificate is attached,
  ``cert.pem`` (and ``chain.pem`` for the CA certificates that came with it);
- ``meta.json``: what the lists show (subject, issuer, validity, fingerprint), never a passphrase.

``keys/trusted/*.pem`` holds trust roots (the bureau CA's certificate) for verification; the
trust list proper is in the database (``inspector.signing.trust``). A key is bound to its
holder's 执法证号 (``meta.json`` ``cert_no``; ``cert_no_bound`` when the certificate lacks it).

Every file goes through :meth:`KeyStore._write` and :meth:`KeyStore._read`, where encryption at
rest will go. Writes are atomic (temporary file, fsync, rename); a new key's folder is filled
under a temporary name and renamed into place, so a crash never leaves half a key.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from asn1crypto import pkcs12 as asn1_pkcs12
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from inspector import ids
from inspector.errors import NotFound
from inspector.files import fsync_dir, write_atomically
from inspector.paths import DataDir
from inspector.signing.errors import KeyRefused, SigningError, WrongPassphrase

if TYPE_CHECKING:
    from inspector.workspace import Workspace

TRIAL_MARK = "试用（自签名）"
META = "meta.json"
P12 = "key.p12"
P8 = "key.p8.pem"
CSR = "request.csr.pem"
CERT = "cert.pem"
CHAIN = "chain.pem"
TRUSTED = "trusted"
DEVICE = ".device"  # this laptop's own key (bundles signed where no inspector's key is set up)
DEVICE_MARK = "设备密钥（自签名）"
MIN_PASSPHRASE = 8
KIND_PKCS12 = "pkcs12"  # imported from the bureau
KIND_GENERATED = "generated"  # made here with a CSR; usable once the certificate is attached
KIND_TRIAL = "trial"  # self-signed, for trials only

PrivateKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey


@dataclass(frozen=True)
class KeyInfo:
    """What is known of a stored key without its passphrase."""

    key_id: str
    kind: str
    name: str  # subject CN: the signer's name
    cert_no: str | None  # subject serialNumber: the 执法证号
    org: str | None  # subject O (a trial certificate says 试用（自签名） here)
    key_type: str  # "EC P-256", "RSA 3072"
    trial: bool
    created_at: datetime
    issuer: str | None = None
    serial: str | None = None  # certificate serial number, hex
    not_before: datetime | None = None
    not_after: datetime | None = None
    fingerprint_sha256: str | None = None  # of the certificate (DER), hex
    # The 执法证号 was bound to the key here (given at import, or the one the key was made
    # for) because the certificate does not carry it in its subject (serialNumber).
    cert_no_bound: bool = False

    @property
    def has_certificate(self) -> bool:
        return self.fingerprint_sha256 is not None

    def problem(self, now: datetime | None = None) -> str | None:
        """Why the key cannot sign now, or None when it can."""
        now = now or datetime.now(UTC)
        if not self.has_certificate:
            return "尚未导入医保局签发的证书（已生成证书请求）"
        assert self.not_before is not None and self.not_after is not None
        if now < self.not_before:
            return f"证书尚未生效（生效时间 {_local(self.not_before)}）"
        if now > self.not_after:
            return f"证书已过期（到期时间 {_local(self.not_after)}）"
        return None

    def status(self, now: datetime | None = None) -> str:
        """A short status for lists: 可用, 等待证书, 已过期, 尚未生效."""
        problem = self.problem(now)
        if problem is None:
            return "可用"
        if not self.has_certificate:
            return "等待证书"
        return "已过期" if "过期" in problem else "尚未生效"

    def describe(self) -> str:
        no = f"（执法证号 {self.cert_no}）" if self.cert_no else ""
        return f"{self.name}{no}" + (f" [{TRIAL_MARK}]" if self.trial else "")

    def to_json(self) -> dict[str, Any]:
        return {
            "key_id": self.key_id,
            "kind": self.kind,
            "name": self.name,
            "cert_no": self.cert_no,
            "org": self.org,
            "key_type": self.key_type,
            "trial": self.trial,
            "created_at": self.created_at.isoformat(),
            "issuer": self.issuer,
            "serial": self.serial,
            "not_before": self.not_before.isoformat() if self.not_before else None,
            "not_after": self.not_after.isoformat() if self.not_after else None,
            "fingerprint_sha256": self.fingerprint_sha256,
            "cert_no_bound": self.cert_no_bound,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> KeyInfo:
        def moment(key: str) -> datetime | None:
            value = data.get(key)
            return datetime.fromisoformat(value) if value else None

        created = moment("created_at")
        assert created is not None
        return cls(
            key_id=data["key_id"],
            kind=data["kind"],
            name=data["name"],
            cert_no=data.get("cert_no"),
            org=data.get("org"),
            key_type=data["key_type"],
            trial=bool(data.get("trial")),
            created_at=created,
            issuer=data.get("issuer"),
            serial=data.get("serial"),
            not_before=moment("not_before"),
            not_after=moment("not_after"),
            fingerprint_sha256=data.get("fingerprint_sha256"),
            cert_no_bound=bool(data.get("cert_no_bound")),
        )


@dataclass(frozen=True)
class UnlockedKey:
    """A key opened with its passphrase: ready to sign. Keep it only as long as needed."""

    info: KeyInfo
    private_key: PrivateKey
    certificate: x509.Certificate
    chain: list[x509.Certificate] = field(default_factory=list)


def _local(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _attr(name: x509.Name, oid: x509.ObjectIdentifier) -> str | None:
    values = name.get_attributes_for_oid(oid)
    if not values:
        return None
    value = values[0].value
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else value


def describe_name(name: x509.Name) -> str:
    """A distinguished name for people: CN, O, serialNumber, else RFC 4514."""
    parts = [
        _attr(name, oid)
        for oid in (NameOID.COMMON_NAME, NameOID.ORGANIZATION_NAME, NameOID.SERIAL_NUMBER)
    ]
    shown = " / ".join(p for p in parts if p)
    return shown or name.rfc4514_string()


def key_type(public_key: Any) -> str:
    """The key's type for people, or KeyRefused when it is not one we sign with."""
    if isinstance(public_key, rsa.RSAPublicKey):
        if public_key.key_size < 2048:
            raise KeyRefused(
                "RSA 密钥只有 {key_size} 位，至少需要 2048 位", key_size=public_key.key_size
            )
        return f"RSA {public_key.key_size}"
    if isinstance(public_key, ec.EllipticCurvePublicKey):
        if not isinstance(public_key.curve, ec.SECP256R1):
            raise KeyRefused(
                "不支持的椭圆曲线 {name}：只支持 EC P-256（secp256r1）", name=public_key.curve.name
            )
        return "EC P-256"
    raise KeyRefused(
        ("不支持的密钥类型 {type_name}：只支持 RSA（至少 2048 位）或 EC P-256"),
        type_name=type(public_key).__name__,
    )


def key_id_of(public_key: Any) -> str:
    spki = public_key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return hashlib.sha256(spki).hexdigest()[:16]


def _same_key(a: Any, b: Any) -> bool:
    der = serialization.Encoding.DER
    spki = serialization.PublicFormat.SubjectPublicKeyInfo
    return bool(a.public_bytes(der, spki) == b.public_bytes(der, spki))


def check_validity(cert: x509.Certificate, now: datetime | None = None) -> None:
    now = now or datetime.now(UTC)
    if now < cert.not_valid_before_utc:
        raise KeyRefused("证书尚未生效：生效时间 {local}", local=_local(cert.not_valid_before_utc))
    if now > cert.not_valid_after_utc:
        raise KeyRefused("证书已过期：到期时间 {local}", local=_local(cert.not_valid_after_utc))


def _cert_fields(cert: x509.Certificate) -> dict[str, Any]:
    return {
        "issuer": describe_name(cert.issuer),
        "serial": format(cert.serial_number, "x"),
        "not_before": cert.not_valid_before_utc.isoformat(),
        "not_after": cert.not_valid_after_utc.isoformat(),
        "fingerprint_sha256": cert.fingerprint(hashes.SHA256()).hex(),
    }


def _subject_fields(name: x509.Name) -> dict[str, Any]:
    cn = _attr(name, NameOID.COMMON_NAME)
    if not cn:
        raise KeyRefused("证书的主题中没有姓名（CN）")
    org = _attr(name, NameOID.ORGANIZATION_NAME)
    unit = _attr(name, NameOID.ORGANIZATIONAL_UNIT_NAME)
    trial = TRIAL_MARK in (org or "") or TRIAL_MARK in (unit or "")
    return {
        "name": cn,
        "cert_no": _attr(name, NameOID.SERIAL_NUMBER),
        "org": org,
        "trial": trial,
    }


def load_certificates(data: bytes) -> list[x509.Certificate]:
    """Certificates from PEM (one or several) or DER bytes."""
    try:
        if b"-----BEGIN" in data:
            return x509.load_pem_x509_certificates(data)
        return [x509.load_der_x509_certificate(data)]
    except ValueError as error:
        raise KeyRefused("不是证书文件（需要 PEM 或 DER 格式的 X.509 证书）") from error


def _pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def _check_new_passphrase(passphrase: str) -> bytes:
    if len(passphrase) < MIN_PASSPHRASE:
        raise SigningError("口令太短：至少 {MIN_PASSPHRASE} 个字符", MIN_PASSPHRASE=MIN_PASSPHRASE)
    return passphrase.encode("utf-8")


def _pkcs12_encryption(passphrase: bytes) -> serialization.KeySerializationEncryption:
    return (
        serialization.PrivateFormat.PKCS12.encryption_builder()
        .kdf_rounds(100_000)
        .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC)
        .hmac_hash(hashes.SHA256())
        .build(passphrase)
    )


def _is_pkcs12(data: bytes) -> bool:
    try:
        pfx = asn1_pkcs12.Pfx.load(data, strict=True)
        return bool(pfx["version"].native is not None and pfx["auth_safe"]["content_type"].native)
    except (ValueError, TypeError, KeyError):
        return False


def open_pkcs12(
    data: bytes, passphrase: str
) -> tuple[PrivateKey, x509.Certificate, list[x509.Certificate]]:
    """The key, certificate and CA certificates of a PKCS#12 file, with clear errors."""
    secret = passphrase.encode("utf-8")
    attempts: list[bytes | None] = [secret] if secret else [None, b""]
    loaded = None
    for attempt in attempts:
        try:
            loaded = pkcs12.load_key_and_certificates(data, attempt)
            break
        except ValueError:
            continue
        except TypeError:  # a password given for an unprotected file, or none for a protected
            continue
    if loaded is None:
        if not _is_pkcs12(data):
            raise KeyRefused("不是 PKCS#12 文件（.p12 / .pfx），或文件已损坏")
        raise WrongPassphrase("口令不正确，无法打开 PKCS#12 文件")
    private_key, cert, others = loaded
    if private_key is None:
        raise KeyRefused("PKCS#12 文件中没有私钥")
    if cert is None:
        raise KeyRefused("PKCS#12 文件中没有证书")
    if not isinstance(private_key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey):
        key_type(private_key.public_key())  # raises with the type's name
        raise KeyRefused("不支持的密钥类型")
    if not _same_key(private_key.public_key(), cert.public_key()):
        raise KeyRefused("PKCS#12 文件中的证书与私钥不匹配")
    return private_key, cert, list(others)


class KeyStore:
    """The keys under ``<data dir>/keys/``."""

    def __init__(self, home: Path | DataDir, workspace: Workspace | None = None) -> None:
        data_dir = home if isinstance(home, DataDir) else DataDir(Path(home))
        if data_dir.cipher is None and data_dir.encrypted:  # locked, or opened without keys
            raise SigningError("数据目录已锁定：请先解锁")
        self.root = data_dir.keys
        # An encrypted data directory's key files are AES-256-GCM (inspector/crypto/files.py).
        self.cipher = data_dir.cipher
        # With a workspace, every key added or changed is one event in the action log.
        self.workspace = workspace

    @classmethod
    def of(cls, workspace: Workspace) -> KeyStore:
        """The workspace's key store, its changes on the action log."""
        return cls(workspace.home, workspace)

    @contextmanager
    def _logged(self, action: str, key_id: str, meta: dict[str, Any]) -> Iterator[None]:
        """The files are written inside the change: a refused write leaves no event, a
        failed event no files."""
        if self.workspace is None:
            yield
            return
        with self.workspace.change(None, action) as ch:
            ch.entity(kind="key", id=key_id)
            ch.state = meta
            ch.details.update(
                {k: meta.get(k) for k in ("kind", "name", "cert_no", "org", "key_type")}
            )
            yield

    # --- files (the one place that reads and writes them) ----------------------------------

    def _ensure_root(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        if os.name == "posix":
            os.chmod(self.root, 0o700)

    def _write(self, path: Path, data: bytes) -> None:
        # Every key file goes through here (encrypted in an encrypted data directory), private
        # to the user.
        if self.cipher is not None:
            data = self.cipher.encrypt(data)
        write_atomically(path, data, mode=0o600, make_parents=False)

    def _read(self, path: Path) -> bytes:
        if self.cipher is not None:
            return self.cipher.read(path)
        return path.read_bytes()

    def csr_bytes(self, key_id: str) -> bytes:
        """The certificate request (PEM) to send to the bureau's CA."""
        info = self.get(key_id)
        path = self.root / info.key_id / CSR
        if not path.is_file():
            raise NotFound("密钥 {key_id} 没有证书请求（不是在本机生成的密钥）", key_id=info.key_id)
        return self._read(path)

    def _add_folder(
        self, action: str, key_id: str, files: dict[str, bytes], meta: dict[str, Any]
    ) -> KeyInfo:
        self._ensure_root()
        target = self.root / key_id
        if target.exists():
            existing = self._info(target)
            raise SigningError(
                "这个密钥已经在本机：{value}，编号 {key_id}",
                value=existing.describe(),
                key_id=key_id,
            )
        staging = self.root / f".new-{uuid.uuid4().hex}"
        staging.mkdir(mode=0o700)
        meta = {"version": 1, "key_id": key_id, **meta}
        moved = False
        try:
            with self._logged(action, key_id, meta):
                for name, data in files.items():
                    self._write(staging / name, data)
                self._write(staging / META, _dump(meta))
                os.replace(staging, target)
                moved = True
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            if moved:  # the event was not stored: neither is the key
                shutil.rmtree(target, ignore_errors=True)
            raise
        fsync_dir(self.root)
        return KeyInfo.from_json(meta)

    def _info(self, folder: Path) -> KeyInfo:
        return KeyInfo.from_json(json.loads(self._read(folder / META)))

    # --- reading ---------------------------------------------------------------------------

    def list_keys(self) -> list[KeyInfo]:
        """Every key, by signer name then creation time."""
        if not self.root.is_dir():
            return []
        infos = [
            self._info(folder)
            for folder in self.root.iterdir()
            if folder.is_dir() and not folder.name.startswith(".") and (folder / META).is_file()
        ]
        return sorted(infos, key=lambda info: (info.name, info.created_at))

    def get(self, key_id: str) -> KeyInfo:
        """A key by its id or the first characters of it."""
        return ids.pick(self.list_keys(), key_id, ids.KEY, lambda info: info.key_id)

    def csr_path(self, key_id: str) -> Path:
        info = self.get(key_id)
        path = self.root / info.key_id / CSR
        if not path.is_file():
            raise NotFound("密钥 {key_id} 没有证书请求（不是在本机生成的密钥）", key_id=info.key_id)
        return path

    def certificate(self, key_id: str) -> x509.Certificate:
        """The key's certificate (no passphrase needed)."""
        info = self.get(key_id)
        folder = self.root / info.key_id
        if (folder / CERT).is_file():
            return load_certificates(self._read(folder / CERT))[0]
        raise NotFound("密钥 {key_id} 还没有证书", key_id=info.key_id)

    def trusted_files(self) -> list[Path]:
        """Trust roots for verification: ``keys/trusted/*.pem`` (the bureau CA's certificate)."""
        folder = self.root / TRUSTED
        return sorted(folder.glob("*.pem")) if folder.is_dir() else []

    # --- adding keys -----------------------------------------------------------------------

    def import_pkcs12(
        self,
        path: Path,
        passphrase: str,
        *,
        cert_no: str | None = None,
        now: datetime | None = None,
    ) -> KeyInfo:
        """Import a PKCS#12 file from the bureau, kept byte for byte (still protected). The key
        is bound to its holder's 执法证号: the certificate's (subject serialNumber), which
        ``cert_no`` must equal when given, or ``cert_no`` when the certificate has none."""
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            raise SigningError(
                "无法读取文件 {path}：{value}", path=path, value=error.strerror or error
            ) from error
        if not data:
            raise KeyRefused("文件是空的：{path}", path=path)
        private_key, cert, _others = open_pkcs12(data, passphrase)
        kind_name = key_type(cert.public_key())
        check_validity(cert, now)
        subject = _bind_cert_no(_subject_fields(cert.subject), cert_no)
        meta = {
            "kind": KIND_TRIAL if subject["trial"] else KIND_PKCS12,
            **subject,
            "key_type": kind_name,
            "created_at": datetime.now(UTC).isoformat(),
            **_cert_fields(cert),
            "source_name": Path(path).name,
        }
        # The certificate also in the clear, so lists and attach need no passphrase.
        files = {P12: data, CERT: _pem(cert)}
        return self._add_folder("key.import", key_id_of(private_key.public_key()), files, meta)

    def new_key_and_csr(
        self, name: str, cert_no: str, org: str, passphrase: str, *, rsa_bits: int | None = None
    ) -> tuple[KeyInfo, bytes]:
        """A new key (EC P-256, or RSA with ``rsa_bits``) and its certificate request (PEM) with
        CN=name, serialNumber=执法证号, O=bureau. The key is stored encrypted with the passphrase
        until the bureau's certificate is attached."""
        secret = _check_new_passphrase(passphrase)
        subject = _subject(name, cert_no, org)
        private_key: PrivateKey
        if rsa_bits is not None:
            if rsa_bits < 3072:
                raise KeyRefused("新生成的 RSA 密钥至少 3072 位")
            private_key = rsa.generate_private_key(public_exponent=65537, key_size=rsa_bits)
        else:
            private_key = ec.generate_private_key(ec.SECP256R1())
        csr = (
            x509.CertificateSigningRequestBuilder()
            .subject_name(subject)
            .add_extension(_key_usage(), critical=True)
            .sign(private_key, hashes.SHA256())
        )
        csr_pem = csr.public_bytes(serialization.Encoding.PEM)
        key_pem = private_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(secret),
        )
        meta = {
            "kind": KIND_GENERATED,
            **_subject_fields(subject),
            "key_type": key_type(private_key.public_key()),
            "created_at": datetime.now(UTC).isoformat(),
        }
        files = {P8: key_pem, CSR: csr_pem}
        info = self._add_folder("key.create", key_id_of(private_key.public_key()), files, meta)
        return info, csr_pem

    def attach_certificate(
        self, key_id: str, cert_data: bytes, *, now: datetime | None = None
    ) -> KeyInfo:
        """Attach the certificate the bureau's CA issued for a key made here (PEM or DER; a PEM
        bundle may carry the CA certificates too). Refused when it is not for this key."""
        info = self.get(key_id)
        folder = self.root / info.key_id
        if info.kind != KIND_GENERATED:
            raise SigningError(
                "密钥 {key_id} 不是在本机生成的，证书已在其 PKCS#12 文件中", key_id=info.key_id
            )
        if info.has_certificate:
            raise SigningError("密钥 {key_id} 已有证书", key_id=info.key_id)
        csr = x509.load_pem_x509_csr(self._read(folder / CSR))
        certs = load_certificates(cert_data)
        mine = [c for c in certs if _same_key(c.public_key(), csr.public_key())]
        if not mine:
            raise KeyRefused(
                "证书与密钥 {key_id} 不匹配：证书中的公钥不是这个密钥的（证书主题：{subject}）",
                key_id=info.key_id,
                subject=describe_name(certs[0].subject),
            )
        cert = mine[0]
        check_validity(cert, now)
        # The key was made for a 执法证号 (in its CSR): the certificate must carry the same, or
        # none (then the key keeps the one it was made for).
        subject = _bind_cert_no(_subject_fields(cert.subject), info.cert_no, made_for=True)
        chain = [c for c in certs if c is not cert]
        meta = json.loads(self._read(folder / META))
        meta.update(subject)
        meta.update(_cert_fields(cert))
        with self._logged("key.attach_certificate", info.key_id, meta):
            if chain:
                self._write(folder / CHAIN, b"".join(_pem(c) for c in chain))
            self._write(folder / CERT, _pem(cert))
            self._write(folder / META, _dump(meta))
        return KeyInfo.from_json(meta)

    def self_signed_for_trials(
        self, name: str, cert_no: str, passphrase: str, days: int = 365
    ) -> KeyInfo:
        """A self-signed key for trials, marked 试用（自签名） in its subject (O) so that every
        list, stamp and verification shows it. Stored as a PKCS#12 file under the passphrase."""
        secret = _check_new_passphrase(passphrase)
        if days < 1:
            raise SigningError("有效天数至少为 1")
        subject = _subject(name, cert_no, TRIAL_MARK)
        private_key = ec.generate_private_key(ec.SECP256R1())
        now = datetime.now(UTC)
        cert = (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(subject)
            .public_key(private_key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(minutes=5))
            .not_valid_after(now + timedelta(days=days))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(_key_usage(), critical=True)
            .add_extension(
                x509.SubjectKeyIdentifier.from_public_key(private_key.public_key()), critical=False
            )
            .sign(private_key, hashes.SHA256())
        )
        data = pkcs12.serialize_key_and_certificates(
            name.encode("utf-8"), private_key, cert, None, _pkcs12_encryption(secret)
        )
        meta = {
            "kind": KIND_TRIAL,
            **_subject_fields(subject),
            "key_type": "EC P-256",
            "created_at": now.isoformat(),
            **_cert_fields(cert),
        }
        return self._add_folder(
            "key.create_trial",
            key_id_of(private_key.public_key()),
            {P12: data, CERT: _pem(cert)},
            meta,
        )

    # --- using a key -----------------------------------------------------------------------

    def unlock(self, key_id: str, passphrase: str) -> UnlockedKey:
        """Open a key with its passphrase (WrongPassphrase when it is not the right one)."""
        info = self.get(key_id)
        folder = self.root / info.key_id
        if info.kind == KIND_GENERATED:
            if not info.has_certificate:
                raise SigningError(
                    "密钥 {key_id}：{value}", key_id=info.key_id, value=info.problem()
                )
            try:
                private_key = serialization.load_pem_private_key(
                    self._read(folder / P8), passphrase.encode("utf-8")
                )
            except (ValueError, TypeError) as error:
                raise WrongPassphrase(
                    "口令不正确，无法打开密钥 {key_id}", key_id=info.key_id
                ) from error
            if not isinstance(private_key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey):
                raise KeyRefused("不支持的密钥类型")
            cert = load_certificates(self._read(folder / CERT))[0]
            chain = (
                load_certificates(self._read(folder / CHAIN)) if (folder / CHAIN).is_file() else []
            )
            return UnlockedKey(info, private_key, cert, chain)
        try:
            private_key, cert, chain = open_pkcs12(self._read(folder / P12), passphrase)
        except WrongPassphrase as error:
            raise WrongPassphrase(
                "口令不正确，无法打开密钥 {key_id}", key_id=info.key_id
            ) from error
        return UnlockedKey(info, private_key, cert, chain)

    # --- the laptop's device key --------------------------------------------------------------

    def device_key(self, device_id: str) -> UnlockedKey:
        """This laptop's own key, made on first use: a self-signed EC P-256 certificate
        naming the device (CN), marked 设备密钥（自签名） (O). It signs a hand-over bundle where no
        inspector's key is set up, so that the receiver still knows which laptop made it and
        that nothing changed; it proves no person's identity. Kept without a passphrase (like
        an SSH host key), readable by the user only, in ``keys/.device/``."""
        folder = self.root / DEVICE
        if (folder / P8).is_file() and (folder / CERT).is_file():
            private_key = serialization.load_pem_private_key(self._read(folder / P8), None)
            if not isinstance(private_key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey):
                raise KeyRefused("不支持的密钥类型")
            cert = load_certificates(self._read(folder / CERT))[0]
            return UnlockedKey(self._device_info(cert), private_key, cert)
        self._ensure_root()
        private_key = ec.generate_private_key(ec.SECP256R1())
        subject = x509.Name(
            [
                x509.NameAttribute(NameOID.COMMON_NAME, f"Inspector 设备 {device_id[:8]}"),
                x509.NameAttribute(NameOID.SERIAL_NUMBER, device_id),
                x509.NameAttribute(NameOID.ORGANIZATION_NAME, DEVICE_MARK),
            ]
        )
        now = datetime.now(UTC)
        cert = (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(subject)
            .public_key(private_key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(minutes=5))
            .not_valid_after(now + timedelta(days=3650 * 3))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(_key_usage(), critical=True)
            .sign(private_key, hashes.SHA256())
        )
        staging = self.root / f".new-{uuid.uuid4().hex}"
        staging.mkdir(mode=0o700)
        info = self._device_info(cert)
        try:
            with self._logged("key.create_device", info.key_id, info.to_json()):
                self._write(
                    staging / P8,
                    private_key.private_bytes(
                        serialization.Encoding.PEM,
                        serialization.PrivateFormat.PKCS8,
                        serialization.NoEncryption(),
                    ),
                )
                self._write(staging / CERT, _pem(cert))
                os.replace(staging, folder)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        fsync_dir(self.root)
        return UnlockedKey(info, private_key, cert)

    def _device_info(self, cert: x509.Certificate) -> KeyInfo:
        return KeyInfo.from_json(
            {
                "key_id": key_id_of(cert.public_key()),
                "kind": "device",
                "name": _attr(cert.subject, NameOID.COMMON_NAME) or "",
                "cert_no": None,
                "org": DEVICE_MARK,
                "key_type": "EC P-256",
                "trial": True,
                "created_at": cert.not_valid_before_utc.isoformat(),
                **_cert_fields(cert),
            }
        )


class CertNoMissing(KeyRefused):
    """The certificate carries no 执法证号 and none was given to bind the key to."""


def _bind_cert_no(
    subject: dict[str, Any], given: str | None, *, made_for: bool = False
) -> dict[str, Any]:
    """The subject's fields with the 执法证号 the key is bound to (see ``import_pkcs12``)."""
    given = (given or "").strip() or None
    carried = subject.get("cert_no")
    if carried and given and carried != given:
        if made_for:
            raise KeyRefused(
                (
                    "证书上的执法证号 {carried} 与生成密钥时的执法证号 {given} 不"
                    "符：请医保局核对后重新签发"
                ),
                carried=carried,
                given=given,
            )
        raise KeyRefused(
            "证书上的执法证号是 {carried}，与指定的执法证号 {given} 不符",
            carried=carried,
            given=given,
        )
    if carried:
        return {**subject, "cert_no_bound": False}
    if not given:
        raise CertNoMissing(
            "证书中没有执法证号（主题中没有 serialNumber）：导入时请指定持有人的执法证号"
            "（key import --cert-no），签名和验证都按它核对检查组成员"
        )
    return {**subject, "cert_no": given, "cert_no_bound": True}


def _subject(name: str, cert_no: str, org: str) -> x509.Name:
    name, cert_no, org = name.strip(), cert_no.strip(), org.strip()
    if not name:
        raise SigningError("请填写姓名")
    if not cert_no:
        raise SigningError("请填写执法证号")
    if not org:
        raise SigningError("请填写单位（医保局名称）")
    for label, value, limit in (("姓名", name, 64), ("执法证号", cert_no, 64), ("单位", org, 64)):
        if len(value) > limit:
            raise SigningError("{label}太长（最多 {limit} 个字符）", label=label, limit=limit)
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, name),
            x509.NameAttribute(NameOID.SERIAL_NUMBER, cert_no),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
        ]
    )


def _key_usage() -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=True,
        content_commitment=True,  # non-repudiation: a signature on a record
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )


def _dump(meta: dict[str, Any]) -> bytes:
    return json.dumps(meta, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")
