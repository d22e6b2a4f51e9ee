"""Signed requests: every call after enrollment carries the device's key fingerprint, a
timestamp, a fresh nonce and a signature by the device key over the method, path, timestamp,
nonce and the SHA-256 of the body. The server checks the signature with the certificate it
registered at enrollment, refuses a revoked device, a timestamp outside the window and a nonce
it has seen (a replay)."""

from __future__ import annotations

import base64
import hashlib
import secrets
import time

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

from inspector.errors import InspectorError

WINDOW = 300  # seconds a signed request stays valid (clock skew between laptop and server)
# The refusal of a request signed too far from the server's time: the laptop then signs again
# with the server's time (its Date header) and says its clock is off (client.Connection).
TOO_FAR = "请求的时间与服务器相差超过 {window} 秒（请校准本机时间）"
H_DEVICE = "X-Inspector-Device"
H_TIME = "X-Inspector-Time"
H_NONCE = "X-Inspector-Nonce"
H_SIGNATURE = "X-Inspector-Signature"
H_PAYLOAD = "X-Inspector-Payload"
# A file's bytes need not be hashed into the request's signature (as S3's UNSIGNED-PAYLOAD):
# TLS keeps them intact on the way and the server admits a file only when its bytes hash to
# the name the signed manifest gave it. Everything else signs its body.
UNSIGNED = "UNSIGNED-PAYLOAD"


class Unauthorized(InspectorError):
    pass


def fingerprint(cert: x509.Certificate) -> str:
    return cert.fingerprint(hashes.SHA256()).hex()


def canonical(
    method: str, target: str, stamp: str, nonce: str, body: bytes, unsigned: bool = False
) -> bytes:
    payload = UNSIGNED if unsigned else hashlib.sha256(body).hexdigest()
    return "\n".join([method.upper(), target, stamp, nonce, payload]).encode("utf-8")


def sign_headers(
    private_key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey,
    device: str,
    method: str,
    target: str,
    body: bytes,
    *,
    unsigned: bool = False,
    now: float | None = None,
) -> dict[str, str]:
    """``now``: the moment to sign with (the server's time as the laptop estimates it)."""
    stamp = str(int(time.time() if now is None else now))
    nonce = secrets.token_hex(16)
    message = canonical(method, target, stamp, nonce, body, unsigned)
    if isinstance(private_key, ec.EllipticCurvePrivateKey):
        signature = private_key.sign(message, ec.ECDSA(hashes.SHA256()))
    else:
        signature = private_key.sign(message, padding.PKCS1v15(), hashes.SHA256())
    headers = {} if not unsigned else {H_PAYLOAD: UNSIGNED}
    return {
        **headers,
        H_DEVICE: device,
        H_TIME: stamp,
        H_NONCE: nonce,
        H_SIGNATURE: base64.b64encode(signature).decode("ascii"),
    }


def check_signature(
    cert: x509.Certificate,
    method: str,
    target: str,
    stamp: str,
    nonce: str,
    body: bytes,
    sig: str,
    unsigned: bool = False,
) -> None:
    try:
        moment = int(stamp)
    except ValueError as error:
        raise Unauthorized("请求的时间戳无效") from error
    if abs(time.time() - moment) > WINDOW:
        raise Unauthorized(TOO_FAR, window=WINDOW)
    if not (8 <= len(nonce) <= 64):
        raise Unauthorized("请求缺少随机数")
    try:
        signature = base64.b64decode(sig, validate=True)
    except ValueError as error:
        raise Unauthorized("请求的签名无效") from error
    message = canonical(method, target, stamp, nonce, body, unsigned)
    key = cert.public_key()
    try:
        if isinstance(key, ec.EllipticCurvePublicKey):
            key.verify(signature, message, ec.ECDSA(hashes.SHA256()))
        elif isinstance(key, rsa.RSAPublicKey):
            key.verify(signature, message, padding.PKCS1v15(), hashes.SHA256())
        else:
            raise Unauthorized("不支持的设备密钥类型")
    except InvalidSignature as error:
        raise Unauthorized("请求的签名验证未通过") from error
