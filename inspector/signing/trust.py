"""The trust list: the bureau's CA certificates that a record's signers must chain to for the
verdict 通过 (``record verify``). Kept in the database (``trusted_certificates``, synced, later
pulled from the central service); every addition and removal is one audited action
(``trust.add``, ``trust.remove``).

Only CA certificates are taken (basic constraints ``cA``), never a self-signed trial
certificate (试用（自签名）) and never a signer's own certificate: a trial key must not make its
own signatures trusted. Certificates in ``keys/trusted/*.pem`` (the earlier way) are still read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from sqlalchemy import select

from inspector import ids
from inspector.db.models import TrustedCertificate
from inspector.errors import InvalidInput
from inspector.signing.errors import SigningError
from inspector.signing.keystore import TRIAL_MARK, KeyStore, describe_name, load_certificates
from inspector.workspace import Workspace


@dataclass(frozen=True)
class TrustedView:
    id: str
    fingerprint_sha256: str
    subject: str
    not_before: datetime
    not_after: datetime
    added_at: datetime
    note: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "fingerprint_sha256": self.fingerprint_sha256,
            "subject": self.subject,
            "not_before": self.not_before.isoformat(),
            "not_after": self.not_after.isoformat(),
            "added_at": self.added_at.isoformat(),
            "note": self.note,
        }


def _view(row: TrustedCertificate) -> TrustedView:
    return TrustedView(
        row.id,
        row.fingerprint_sha256,
        row.subject,
        row.not_before,
        row.not_after,
        row.created_at,
        row.note,
    )


def is_trial(cert: x509.Certificate) -> bool:
    text = cert.subject.rfc4514_string() + cert.issuer.rfc4514_string()
    return TRIAL_MARK in text or TRIAL_MARK in describe_name(cert.subject)


def _check_ca(cert: x509.Certificate) -> None:
    """Refuse what must never be a trust root, with the reason."""
    if is_trial(cert):
        raise InvalidInput("试用（自签名）证书不能加入信任列表：它不能证明签名者的身份")
    try:
        constraints = cert.extensions.get_extension_for_class(x509.BasicConstraints).value
    except x509.ExtensionNotFound:
        constraints = None
    if constraints is None or not constraints.ca:
        raise InvalidInput(
            "{subject} 不是 CA 证书（没有 cA 基本约束）："
            "信任列表只收医保局 CA 的证书，不收签名者本人的证书",
            subject=describe_name(cert.subject),
        )


def read_certificates(path: Path) -> list[x509.Certificate]:
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise InvalidInput(
            "无法读取证书文件 {path}：{value}", path=path, value=error.strerror or error
        ) from error
    if not data:
        raise InvalidInput("证书文件是空的：{path}", path=path)
    try:
        return load_certificates(data)
    except SigningError as error:
        raise InvalidInput("{name}：{error}", name=Path(path).name, error=error) from error


def add_trusted(
    ws: Workspace, path: Path, *, note: str | None = None, actor: str | None = None
) -> list[TrustedView]:
    """Put the CA certificate(s) of a PEM or DER file on the trust list: one ``trust.add``
    event. Nothing is stored when any certificate of the file is refused."""
    certs = read_certificates(path)
    for cert in certs:
        _check_ca(cert)
    added: list[TrustedView] = []
    with ws.change(actor, "trust.add") as ch:
        known = set(ch.session.scalars(select(TrustedCertificate.fingerprint_sha256)))
        for cert in certs:
            fingerprint = cert.fingerprint(hashes.SHA256()).hex()
            if fingerprint in known:
                continue
            known.add(fingerprint)
            row = ch.add(
                TrustedCertificate(
                    fingerprint_sha256=fingerprint,
                    subject=describe_name(cert.subject),
                    not_before=cert.not_valid_before_utc,
                    not_after=cert.not_valid_after_utc,
                    pem=cert.public_bytes(serialization.Encoding.PEM).decode("ascii"),
                    note=(note or "").strip()[:200] or None,
                )
            )
            ch.session.flush()
            ch.entity(row)
            added.append(_view(row))
        if not added:
            raise InvalidInput("这些证书已经在信任列表中")
        ch.details["fingerprints"] = [view.fingerprint_sha256 for view in added]
    return added


def list_trusted(ws: Workspace) -> list[TrustedView]:
    with ws.db.session() as session:
        rows = session.scalars(select(TrustedCertificate).order_by(TrustedCertificate.created_at))
        return [_view(row) for row in rows]


def remove_trusted(ws: Workspace, fingerprint: str, *, actor: str | None = None) -> TrustedView:
    """Take a certificate off the trust list by its SHA-256 fingerprint (or the first hex
    digits of it, at least 6): one ``trust.remove`` event, the row tombstoned."""
    with ws.change(actor, "trust.remove") as ch:
        row = ids.resolve_prefix(
            ch.session,
            TrustedCertificate.fingerprint_sha256,
            fingerprint,
            ids.TRUSTED_CERTIFICATE,
        )
        view = _view(row)
        ch.details["fingerprint"] = view.fingerprint_sha256
        ch.delete(row)
    return view


def trust_roots(ws: Workspace | None) -> list[x509.Certificate]:
    """The certificates verification trusts: the trust list and ``keys/trusted/*.pem``."""
    if ws is None:
        return []
    roots = [x509.load_pem_x509_certificate(pem.encode()) for pem in _pems(ws)]
    for path in KeyStore(ws.home).trusted_files():
        try:
            roots += [c for c in load_certificates(path.read_bytes()) if not is_trial(c)]
        except (OSError, SigningError):
            continue  # verify_pdf names an unreadable root file
    return roots


def _pems(ws: Workspace) -> list[str]:
    with ws.db.session() as session:
        return list(session.scalars(select(TrustedCertificate.pem)))
