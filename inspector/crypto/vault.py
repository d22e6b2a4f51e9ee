"""The data directory's master key and its wraps (``<data dir>/vault.json``).

A random 256-bit master key per data directory. It is never stored as such: ``vault.json``
holds it *wrapped* (AES-256-GCM) once per way in, each wrap bound to its kind and holder as
associated data:

- ``passphrase``: one per inspector (their 执法证号), under a key derived from the passphrase by
  **Argon2id, 64 MiB, 3 passes, 4 lanes, 16-byte salt** (RFC 9106's second recommended setting;
  about 0.08 s on the test machine). Changing a passphrase rewrites that wrap only: nothing
  else is re-encrypted.
- ``keyring``: the OS keyring (Windows Credential Manager, macOS Keychain, Secret Service)
  holds a random 32-byte key for this data directory and inspector, which wraps the master key.
- ``recovery``: the bureau's recovery public key (RSA ≥ 2048, OAEP with SHA-256): the office,
  holding the private key, can open a laptop whose inspector forgot the passphrase.

From the master key HKDF-SHA256 derives, each under its own label, the SQLCipher raw key, the
key that wraps per-file keys and the key of stored names (:class:`Keys`). ``check`` (an HMAC
under the master key) tells a right key from a wrong one for wraps that do not authenticate.

The 执法证号 of each wrap is in clear (sign-in has to list who may open the directory before
anything is decrypted); names, institutions and everything else are inside.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import os
import threading
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from inspector.crypto.files import FileCipher
from inspector.errors import InvalidInput, VaultError, WrongPassphrase
from inspector.files import write_atomically

VAULT = "vault.json"
FORMAT = "inspector-vault"
ARGON2 = {"memory_kib": 65536, "iterations": 3, "lanes": 4}
MIN_PASSPHRASE = 8
KEYRING_SERVICE = "Inspector 医保基金现场检查"
DAMAGED = "密钥文件 {path} 已损坏，无法打开数据目录；请用局里的恢复密钥或备份恢复。数据未被改动。"


class Locked(VaultError):
    """The data directory is encrypted and no key was given."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass(frozen=True)
class Keys:
    """What a master key opens. Held in memory while the directory is unlocked only."""

    master: bytes

    def _derive(self, label: str) -> bytes:
        return HKDF(hashes.SHA256(), 32, salt=None, info=f"inspector/{label}".encode()).derive(
            self.master
        )

    @property
    def database(self) -> bytes:
        return self._derive("sqlcipher")

    def file_cipher(self) -> FileCipher:
        return FileCipher(self._derive("file-keys"), self._derive("names"))


def _aad(directory_id: str, kind: str, holder: str) -> bytes:
    return f"{FORMAT}/1|{directory_id}|{kind}|{holder}".encode()


# One Argon2id at a time per process. OpenSSL (4.0.3, under cryptography 50) runs a multi-lane
# Argon2id on threads of its own; two derivations started at once in two threads never return
# (both wait in its thread start) and a later one raises MemoryError (../shared/FIELD-NOTES.md).
# The lanes cannot change (they are part of every stored hash and wrap), so derivations queue
# here: the server's sign-ins and a laptop unlocking while another thread derives alike.
_KDF_LOCK = threading.Lock()


def kdf(passphrase: str, salt: bytes, params: dict[str, int]) -> bytes:
    """Argon2id of a passphrase (the key files' wraps, the office page's passwords); one at a
    time in this process (see _KDF_LOCK)."""
    derivation = Argon2id(
        salt=salt,
        length=32,
        iterations=int(params["iterations"]),
        lanes=int(params["lanes"]),
        memory_cost=int(params["memory_kib"]),
    )
    with _KDF_LOCK:
        return derivation.derive(passphrase.encode("utf-8"))


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise InvalidInput("口令至少 {count} 个字符", count=MIN_PASSPHRASE)


class Vault:
    """The wraps of one data directory's master key (the file, not the key)."""

    def __init__(self, root: Path, data: dict[str, Any]) -> None:
        self.root = root
        self.data = data

    # --- reading ---------------------------------------------------------------------------

    @staticmethod
    def path_in(root: Path) -> Path:
        return root / VAULT

    @classmethod
    def exists(cls, root: Path) -> bool:
        return cls.path_in(root).exists()

    @classmethod
    def load(cls, root: Path) -> Vault:
        path = cls.path_in(root)
        try:
            data = json.loads(path.read_bytes())
        except FileNotFoundError as error:
            raise VaultError("数据目录没有密钥文件 {path}", path=path) from error
        except (OSError, ValueError) as error:
            raise VaultError(
                DAMAGED,
                path=path,
            ) from error
        if (
            not isinstance(data, dict)
            or data.get("format") != FORMAT
            or not isinstance(data.get("wraps"), list)
            or not isinstance(data.get("directory_id"), str)
        ):
            raise VaultError(
                DAMAGED,
                path=path,
            )
        return cls(root, data)

    @property
    def directory_id(self) -> str:
        return str(self.data["directory_id"])

    def holders(self) -> list[str]:
        """执法证号 of the inspectors with a passphrase wrap, in the order added."""
        return [w["holder"] for w in self.data["wraps"] if w.get("kind") == "passphrase"]

    def has_keyring(self, holder: str) -> bool:
        return self._find("keyring", holder) is not None

    def has_recovery(self) -> bool:
        return any(w.get("kind") == "recovery" for w in self.data["wraps"])

    def _find(self, kind: str, holder: str) -> dict[str, Any] | None:
        for wrap in self.data["wraps"]:
            if wrap.get("kind") == kind and wrap.get("holder") == holder:
                return wrap
        return None

    def _checked(self, master: bytes) -> Keys:
        expected = _unb64(self.data.get("check"))
        if not hmac.compare_digest(expected, _check(master, self.directory_id)):
            raise WrongPassphrase("密钥不符")
        return Keys(master)

    def _damaged(self) -> VaultError:
        return VaultError(
            DAMAGED,
            path=self.path_in(self.root),
        )

    def unlock(self, holder: str, passphrase: str) -> Keys:
        wrap = self._find("passphrase", holder)
        if wrap is None:
            raise VaultError(
                "执法证号 {holder} 在本数据目录没有口令；请由已登记的检查人员添加。", holder=holder
            )
        try:
            key = kdf(passphrase, _unb64(wrap["salt"]), wrap["kdf"])
            master = AESGCM(key).decrypt(
                _unb64(wrap["nonce"]),
                _unb64(wrap["wrapped"]),
                _aad(self.directory_id, "passphrase", holder),
            )
        except InvalidTag as error:
            raise WrongPassphrase("口令不正确，数据目录未打开。") from error
        except (KeyError, ValueError, TypeError) as error:
            raise self._damaged() from error
        try:
            return self._checked(master)
        except (WrongPassphrase, ValueError) as error:
            raise self._damaged() from error

    def unlock_with_keyring(self, holder: str) -> Keys:
        wrap = self._find("keyring", holder)
        if wrap is None:
            raise VaultError(
                "执法证号 {holder} 未在系统钥匙串中保存本数据目录的密钥", holder=holder
            )
        secret = _keyring_get(self._keyring_user(holder))
        if secret is None:
            raise VaultError(
                "系统钥匙串中没有本数据目录的密钥（可能已被删除），请输入口令。", holder=holder
            )
        try:
            master = AESGCM(secret).decrypt(
                _unb64(wrap["nonce"]),
                _unb64(wrap["wrapped"]),
                _aad(self.directory_id, "keyring", holder),
            )
        except InvalidTag as error:
            raise VaultError("系统钥匙串中的密钥与本数据目录不符，请输入口令。") from error
        except (KeyError, ValueError, TypeError) as error:
            raise self._damaged() from error
        return self._checked(master)

    def unlock_with_recovery(self, private_key_pem: bytes, password: str | None = None) -> Keys:
        try:
            private = serialization.load_pem_private_key(
                private_key_pem, password.encode() if password else None
            )
        except (ValueError, TypeError) as error:
            raise VaultError("无法读取恢复私钥（格式不对或口令不正确）") from error
        if not isinstance(private, rsa.RSAPrivateKey):
            raise VaultError("恢复私钥必须是 RSA 私钥")
        fingerprint = _fingerprint(private.public_key())
        wrap = self._find("recovery", fingerprint)
        if wrap is None:
            raise VaultError(
                "本数据目录未用该恢复密钥登记（指纹 {fingerprint}）", fingerprint=fingerprint[:16]
            )
        try:
            master = private.decrypt(_unb64(wrap["wrapped"]), _oaep())
        except ValueError as error:
            raise self._damaged() from error
        try:
            return self._checked(master)
        except WrongPassphrase as error:
            raise self._damaged() from error

    # --- writing ---------------------------------------------------------------------------

    @classmethod
    def create(cls, root: Path, holder: str, passphrase: str) -> tuple[Vault, Keys]:
        """A new master key wrapped for its first inspector (not yet written: :meth:`save`)."""
        check_new_passphrase(passphrase)
        master = os.urandom(32)
        directory_id = str(uuid.uuid4())
        vault = cls(
            root,
            {
                "format": FORMAT,
                "version": 1,
                "directory_id": directory_id,
                "check": _b64(_check(master, directory_id)),
                "wraps": [],
            },
        )
        keys = Keys(master)
        vault.set_passphrase(keys, holder, passphrase)
        return vault, keys

    def save(self) -> None:
        """Atomically: a crash leaves the old file or the new one."""
        payload = json.dumps(self.data, ensure_ascii=False, indent=1).encode("utf-8")
        write_atomically(self.path_in(self.root), payload, mode=0o600)

    def _replace(self, kind: str, holder: str, wrap: dict[str, Any]) -> None:
        wraps = [
            w
            for w in self.data["wraps"]
            if not (w.get("kind") == kind and w.get("holder") == holder)
        ]
        wraps.append({"kind": kind, "holder": holder, **wrap})
        self.data["wraps"] = wraps

    def set_passphrase(self, keys: Keys, holder: str, passphrase: str) -> None:
        """Add an inspector, or change their passphrase: only their wrap is rewritten."""
        check_new_passphrase(passphrase)
        holder = holder.strip()
        if not holder:
            raise InvalidInput("请填写执法证号")
        salt = os.urandom(16)
        nonce = os.urandom(12)
        key = kdf(passphrase, salt, ARGON2)
        wrapped = AESGCM(key).encrypt(
            nonce, keys.master, _aad(self.directory_id, "passphrase", holder)
        )
        self._replace(
            "passphrase",
            holder,
            {
                "kdf": {"name": "argon2id", **ARGON2},
                "salt": _b64(salt),
                "nonce": _b64(nonce),
                "wrapped": _b64(wrapped),
            },
        )

    def remove_holder(self, holder: str) -> None:
        if holder not in self.holders():
            raise VaultError("执法证号 {holder} 在本数据目录没有口令", holder=holder)
        if self.holders() == [holder] and not self.has_recovery():
            raise InvalidInput("不能删除唯一的口令：否则无人能打开本数据目录")
        self.data["wraps"] = [w for w in self.data["wraps"] if w.get("holder") != holder]

    def set_recovery(self, keys: Keys, public_key_pem: bytes) -> str:
        """Wrap for the bureau's recovery public key (PEM: a public key or a certificate)."""
        public = _load_public(public_key_pem)
        fingerprint = _fingerprint(public)
        wrapped = public.encrypt(keys.master, _oaep())
        self.data["wraps"] = [w for w in self.data["wraps"] if w.get("kind") != "recovery"]
        self._replace(
            "recovery", fingerprint, {"algorithm": "RSA-OAEP-SHA256", "wrapped": _b64(wrapped)}
        )
        return fingerprint

    def _keyring_user(self, holder: str) -> str:
        return f"{self.directory_id}/{holder}"

    def set_keyring(self, keys: Keys, holder: str) -> None:
        """Keep a random 32-byte key in the OS keyring and wrap the master key with it."""
        secret = os.urandom(32)
        _keyring_set(self._keyring_user(holder), secret)
        nonce = os.urandom(12)
        wrapped = AESGCM(secret).encrypt(
            nonce, keys.master, _aad(self.directory_id, "keyring", holder)
        )
        self._replace("keyring", holder, {"nonce": _b64(nonce), "wrapped": _b64(wrapped)})

    def remove_keyring(self, holder: str) -> None:
        self.data["wraps"] = [
            w
            for w in self.data["wraps"]
            if not (w.get("kind") == "keyring" and w.get("holder") == holder)
        ]
        _keyring_delete(self._keyring_user(holder))


def _check(master: bytes, directory_id: str) -> bytes:
    return hmac.new(master, f"{FORMAT}/check|{directory_id}".encode(), hashlib.sha256).digest()


def _oaep() -> padding.OAEP:
    return padding.OAEP(mgf=padding.MGF1(hashes.SHA256()), algorithm=hashes.SHA256(), label=None)


def _load_public(pem: bytes) -> rsa.RSAPublicKey:
    from cryptography import x509

    public: object
    try:
        if b"CERTIFICATE" in pem:
            public = x509.load_pem_x509_certificate(pem).public_key()
        else:
            public = serialization.load_pem_public_key(pem)
    except ValueError as error:
        raise InvalidInput("无法读取恢复公钥：需要 PEM 格式的 RSA 公钥或证书") from error
    if not isinstance(public, rsa.RSAPublicKey) or public.key_size < 2048:
        raise InvalidInput("恢复公钥必须是至少 2048 位的 RSA 公钥")
    return public


def _fingerprint(public: rsa.RSAPublicKey) -> str:
    der = public.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return hashlib.sha256(der).hexdigest()


# --- the OS keyring (optional: the `keyring` package, absent on some installs) ----------------


def _keyring() -> Any:
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError as error:
        raise VaultError("本机没有可用的系统钥匙串（未安装 keyring）") from error
    backend = keyring.get_keyring()
    if getattr(backend, "priority", 1) <= 0:  # keyring's "fail" and "null" backends
        raise VaultError("本机没有可用的系统钥匙串")
    return keyring, KeyringError


def _keyring_get(user: str) -> bytes | None:
    keyring, error_type = _keyring()
    try:
        text = keyring.get_password(KEYRING_SERVICE, user)
    except error_type as error:
        raise VaultError("无法读取系统钥匙串：{error}", error=error) from error
    if text is None:
        return None
    try:
        secret = bytes.fromhex(text)
    except ValueError:
        return None
    return secret if len(secret) == 32 else None


def _keyring_set(user: str, secret: bytes) -> None:
    keyring, error_type = _keyring()
    try:
        keyring.set_password(KEYRING_SERVICE, user, secret.hex())
    except error_type as error:
        raise VaultError("无法写入系统钥匙串：{error}", error=error) from error


def _keyring_delete(user: str) -> None:
    try:
        keyring, error_type = _keyring()
    except VaultError:
        return
    with contextlib.suppress(error_type):
        keyring.delete_password(KEYRING_SERVICE, user)
