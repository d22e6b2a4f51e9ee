"""The manifest's signature: a detached CMS SignedData (SHA-256, DER) over the manifest's
exact bytes, made and checked with pyHanko, as the record's PAdES signatures are. Anyone can
check it with OpenSSL (docs/bundle.md)::

    openssl cms -verify -binary -inform DER -in manifest.p7s -content manifest.json -noverify
"""

from __future__ import annotations

import asyncio
import io
from dataclasses import dataclass, field
from typing import Any

from asn1crypto import cms
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from pyhanko.sign.general import extract_certificate_info
from pyhanko.sign.validation.generic_cms import async_validate_detached_cms
from pyhanko_certvalidator import ValidationContext

import inspector.signing.verify  # noqa: F401  (keeps pyHanko's chain tracebacks off stderr)
from inspector.bundle.format import BundleError
from inspector.signing.keystore import DEVICE_MARK, TRIAL_MARK, UnlockedKey, key_id_of
from inspector.signing.sign import _asn1_signer


def sign_manifest(manifest: bytes, key: UnlockedKey) -> bytes:
    """The DER of a detached CMS signature over ``manifest``, with the signer's certificate."""
    signer = _asn1_signer(key)

    async def run() -> cms.ContentInfo:
        return await signer.async_sign_general_data(io.BytesIO(manifest), "sha256", detached=True)

    return asyncio.run(run()).dump()


@dataclass(frozen=True)
class SignatureCheck:
    fingerprint_sha256: str  # of the signer's certificate (DER)
    subject: dict[str, str]  # CN, serialNumber, O of the signer
    certificate_pem: str
    trusted: bool  # chains to one of the roots given
    # Who signed, in the words of the manifest's ``signer`` (export._signer_facts) but read
    # from the certificate, so that a manifest cannot name someone else: the identity
    # shown, logged and trusted.
    identity: dict[str, Any] = field(default_factory=dict)


def _subject(cert: x509.Certificate) -> dict[str, str]:
    from cryptography.x509.oid import NameOID

    found: dict[str, str] = {}
    for key, oid in (
        ("name", NameOID.COMMON_NAME),
        ("cert_no", NameOID.SERIAL_NUMBER),
        ("org", NameOID.ORGANIZATION_NAME),
        ("unit", NameOID.ORGANIZATIONAL_UNIT_NAME),
    ):
        values = cert.subject.get_attributes_for_oid(oid)
        if values:
            found[key] = str(values[0].value)
    return found


def certificate_identity(cert: x509.Certificate) -> dict[str, Any]:
    """The signer as the keystore describes the key behind this certificate (KeyInfo: CN the
    name, serialNumber the 执法证号, O the unit, a trial or device mark in O or OU), so that
    it compares field by field with the manifest's ``signer``. A device certificate's
    serialNumber is the device id, not a 执法证号."""
    subject = _subject(cert)
    marks = subject.get("org", "") + subject.get("unit", "")
    device = DEVICE_MARK in marks
    return {
        "kind": "device" if device else "inspector",
        "name": subject.get("name"),
        "cert_no": None if device else subject.get("cert_no"),
        "org": subject.get("org"),
        "key_id": key_id_of(cert.public_key()),
        "trial": device or TRIAL_MARK in marks,
        "fingerprint_sha256": cert.fingerprint(hashes.SHA256()).hex(),
    }


def verify_manifest(
    manifest: bytes, signature: bytes, roots: list[x509.Certificate]
) -> SignatureCheck:
    """Check the signature over the manifest's bytes; ``roots``: certificates the receiver
    trusts (CA certificates of its trust list, or a signer's own certificate). Raises a
    BundleError naming what failed."""
    try:
        info = cms.ContentInfo.load(signature, strict=True)
        if info["content_type"].native != "signed_data":
            raise ValueError("not SignedData")
        signed = info["content"]
        if len(signed["signer_infos"]) != 1:
            raise ValueError("not one signer")
        signer_cert = extract_certificate_info(signed).signer_cert
    except Exception as error:  # malformed DER can raise many kinds of error
        raise BundleError("交接包的签名文件无法读取（不是有效的 CMS 签名）") from error
    der = signer_cert.dump()
    cert = x509.load_der_x509_certificate(der)
    fingerprint = cert.fingerprint(hashes.SHA256()).hex()
    own = [r for r in roots if r.fingerprint(hashes.SHA256()).hex() == fingerprint]
    anchors = [
        asn1_x509.Certificate.load(r.public_bytes(serialization.Encoding.DER)) for r in roots
    ]
    context = ValidationContext(
        trust_roots=anchors, allow_fetching=False, revocation_mode="soft-fail"
    )

    async def run() -> Any:
        return await async_validate_detached_cms(
            io.BytesIO(manifest), signed, signer_validation_context=context
        )

    try:
        status = asyncio.run(run())
    except Exception as error:
        raise BundleError("交接包的签名无法验证：{error}", error=type(error).__name__) from error
    if not status.intact:
        raise BundleError("交接包的清单在签名后被改动（签名摘要不符）")
    if not status.valid:
        raise BundleError("交接包的签名无效（与签名证书的公钥不符）")
    return SignatureCheck(
        fingerprint_sha256=fingerprint,
        subject=_subject(cert),
        certificate_pem=cert.public_bytes(serialization.Encoding.PEM).decode("ascii"),
        trusted=bool(status.trusted) or bool(own),
        identity=certificate_identity(cert),
    )
