"""Sealing a small secret to the office: what only the holder of the office's private key can
open, whatever laptop, bundle or server copy it passes through (a 举报人's identity).

A random AES-256-GCM key per secret, wrapped with the office's RSA public key (OAEP, SHA-256,
MGF1-SHA-256, at least 2048 bits: the vault's recovery wrap, inspector/crypto/vault.py), the
key's SHA-256 fingerprint as the associated data, so a sealed text moved to another key does
not open. The laptop that seals keeps no way to open: no key of its own is involved."""

from __future__ import annotations

import base64
import json
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from inspector.crypto.vault import _fingerprint, _oaep
from inspector.errors import InvalidInput

FORMAT = "inspector-sealed/1"


def load_office_key(pem: bytes) -> rsa.RSAPublicKey:
    """The office's public key from PEM (a public key or a certificate)."""
    from cryptography import x509

    public: object
    try:
        if b"CERTIFICATE" in pem:
            public = x509.load_pem_x509_certificate(pem).public_key()
        else:
            public = serialization.load_pem_public_key(pem)
    except ValueError as error:
        raise InvalidInput("无法读取办公室公钥：需要 PEM 格式的 RSA 公钥或证书") from error
    if not isinstance(public, rsa.RSAPublicKey) or public.key_size < 2048:
        raise InvalidInput("办公室公钥必须是至少 2048 位的 RSA 公钥")
    return public


def fingerprint(public: rsa.RSAPublicKey) -> str:
    return _fingerprint(public)


def seal(public: rsa.RSAPublicKey, secret: bytes) -> str:
    """``secret`` sealed to ``public``: a JSON text holding only ciphertexts and the key's
    fingerprint."""
    key = AESGCM.generate_key(bit_length=256)
    nonce = os.urandom(12)
    fp = _fingerprint(public)
    body = AESGCM(key).encrypt(nonce, secret, fp.encode("ascii"))
    return json.dumps(
        {
            "format": FORMAT,
            "key_sha256": fp,
            "wrapped": base64.b64encode(public.encrypt(key, _oaep())).decode("ascii"),
            "nonce": base64.b64encode(nonce).decode("ascii"),
            "body": base64.b64encode(body).decode("ascii"),
        },
        sort_keys=True,
    )


def key_of(sealed: str) -> str:
    """The fingerprint of the key a sealed text is sealed to."""
    try:
        return str(json.loads(sealed)["key_sha256"])
    except (ValueError, KeyError, TypeError) as error:
        raise InvalidInput("密封数据已损坏") from error


def open_sealed(private_pem: bytes, sealed: str, password: bytes | None = None) -> bytes:
    """The office opens a sealed text with its private key (PEM)."""
    try:
        private = serialization.load_pem_private_key(private_pem, password)
    except (ValueError, TypeError) as error:
        raise InvalidInput("无法读取办公室私钥（PEM），或口令不对") from error
    if not isinstance(private, rsa.RSAPrivateKey):
        raise InvalidInput("办公室私钥必须是 RSA 私钥")
    try:
        data = json.loads(sealed)
        if data.get("format") != FORMAT:
            raise ValueError(data.get("format"))
        fp = _fingerprint(private.public_key())
        if data["key_sha256"] != fp:
            raise InvalidInput("该数据不是用这把办公室密钥密封的")
        key = private.decrypt(base64.b64decode(data["wrapped"]), _oaep())
        return AESGCM(key).decrypt(
            base64.b64decode(data["nonce"]), base64.b64decode(data["body"]), fp.encode("ascii")
        )
    except (ValueError, KeyError, TypeError, InvalidTag) as error:
        raise InvalidInput("密封数据已损坏") from error
