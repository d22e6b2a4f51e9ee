"""The office's signing key on the server: what the office makes on its page (a campaign, a
laptop's assignments) reaches laptops as a publication signed like ``server publish --p12``
signs one, so ``sync pull`` checks it against the same trust list (the bureau's CA).

The key is opened once when the service starts (``server --p12 FILE --passphrase-file F``,
docs/deployment.md) and kept in memory; without it the office can still look, but nothing it
makes can be published (:class:`NoOfficeKey`, said on the page)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography import x509

from inspector.errors import InspectorError, InvalidInput

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from inspector.central.service import Central
    from inspector.signing.keystore import UnlockedKey


class NoOfficeKey(InspectorError):
    """The service was started without the office's signing key."""


@dataclass(frozen=True)
class OfficeSigner:
    """The bureau's key that signs the office's publications (a detached CMS signature over
    the package's bytes, :func:`inspector.bundle.signature.sign_manifest`)."""

    key: UnlockedKey

    @classmethod
    def from_p12(cls, data: bytes, passphrase: str) -> OfficeSigner:
        """Open a PKCS#12 file's key; refuses a certificate not valid today (a laptop would
        refuse every package it signs)."""
        from inspector.signing.keystore import UnlockedKey, open_pkcs12

        private_key, certificate, chain = open_pkcs12(data, passphrase)
        now = datetime.now(UTC)
        if not certificate.not_valid_before_utc <= now <= certificate.not_valid_after_utc:
            raise InvalidInput(
                "本局签名证书不在有效期内（{start} 至 {end}）",
                start=f"{certificate.not_valid_before_utc:%Y-%m-%d}",
                end=f"{certificate.not_valid_after_utc:%Y-%m-%d}",
            )
        return cls(UnlockedKey(None, private_key, certificate, chain))  # type: ignore[arg-type]

    @classmethod
    def from_file(cls, path: Path, passphrase: str) -> OfficeSigner:
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            raise InvalidInput("无法读取本局签名密钥文件：{problem}", problem=str(error)) from error
        return cls.from_p12(data, passphrase)

    @property
    def certificate(self) -> x509.Certificate:
        return self.key.certificate

    @property
    def name(self) -> str:
        from cryptography.x509.oid import NameOID

        found = self.certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
        return str(found[0].value) if found else self.certificate.subject.rfc4514_string()

    def sign(self, body: bytes) -> bytes:
        """The detached CMS signature a laptop's ``sync pull`` verifies (DER)."""
        from inspector.bundle.signature import sign_manifest

        return sign_manifest(body, self.key)


def require(signer: OfficeSigner | None) -> OfficeSigner:
    """The signer, or the refusal the office sees when the service has none."""
    if signer is None:
        raise NoOfficeKey(
            "服务未配置本局签名密钥，无法发布到笔记本：请以 server --p12 密钥文件 "
            "--passphrase-file 口令文件 启动服务"
        )
    return signer


def publish_signed(
    central: Central, signer: OfficeSigner | None, kind: str, name: str, body: bytes
) -> int:
    """Sign ``body`` with the office's key and publish it as the next version of ``kind``
    (:func:`inspector.central.service.publish`, which checks the signature again); the
    version published."""
    from inspector.central.service import publish

    signature = require(signer).sign(body)
    return publish(central, kind, name, body, signature)


def publish_signed_on(
    c: Connection, signer: OfficeSigner | None, kind: str, name: str, body: bytes
) -> int:
    """:func:`publish_signed` inside the caller's transaction (``c``: its connection), so
    that what the office made and its publication are stored together or not at all."""
    from inspector.central.service import publish_on

    signature = require(signer).sign(body)
    return publish_on(c, kind, name, body, signature)
