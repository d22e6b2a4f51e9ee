"""Key management: PKCS#12 import with its checks, a key and CSR made here with the bureau's
certificate attached later, and self-signed trial keys; stored under keys/ without passphrase."""

from __future__ import annotations

import json
import os
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

from inspector.errors import NotFound
from inspector.paths import DataDir
from inspector.signing import TRIAL_MARK, KeyRefused, KeyStore, SigningError, WrongPassphrase
from tests.helpers.signing_pki import CA, PASS, make_p12

NEW_PASS = "new-key-passphrase"


@pytest.fixture
def store(tmp_path: Path) -> KeyStore:
    return KeyStore(tmp_path / "home")


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("kind", "key_type"), [("rsa2048", "RSA 2048"), ("ec", "EC P-256")])
def test_import_pkcs12_keeps_the_file_and_reads_the_certificate(
    tmp_path: Path, store: KeyStore, ca: CA, kind: str, key_type: str
) -> None:
    data = make_p12(ca, "张伟", "370100001", kind=kind)
    info = store.import_pkcs12(_write(tmp_path, "zw.p12", data), PASS)
    assert (info.name, info.cert_no, info.org, info.key_type) == (
        "张伟",
        "370100001",
        "济南市医疗保障局",
        key_type,
    )
    assert not info.trial and info.kind == "pkcs12"
    assert info.issuer and "测试 CA" in info.issuer
    assert info.not_before and info.not_after and info.not_after > datetime.now(UTC)
    cert = store.certificate(info.key_id)
    assert info.serial == format(cert.serial_number, "x")
    assert len(info.fingerprint_sha256 or "") == 64
    assert info.status() == "可用" and info.problem() is None

    folder = DataDir(tmp_path / "home").keys / info.key_id
    assert (folder / "key.p12").read_bytes() == data  # the original bytes, still protected
    meta = (folder / "meta.json").read_text(encoding="utf-8")
    assert PASS not in meta and "passphrase" not in meta
    assert json.loads(meta)["fingerprint_sha256"] == info.fingerprint_sha256
    if os.name == "posix":
        assert stat.S_IMODE((folder / "key.p12").stat().st_mode) == 0o600
    assert store.list_keys() == [info]
    assert store.get(info.key_id[:6]) == info

    key = store.unlock(info.key_id, PASS)
    assert key.certificate == cert


def test_import_refuses_with_clear_messages(tmp_path: Path, store: KeyStore, ca: CA) -> None:
    good = _write(tmp_path, "good.p12", make_p12(ca, "张伟", "370100001"))
    with pytest.raises(WrongPassphrase, match="口令不正确"):
        store.import_pkcs12(good, "wrong passphrase")
    with pytest.raises(KeyRefused, match="不是 PKCS#12"):
        store.import_pkcs12(_write(tmp_path, "text.p12", b"not a pkcs12 file"), PASS)
    with pytest.raises(KeyRefused, match="空"):
        store.import_pkcs12(_write(tmp_path, "empty.p12", b""), PASS)
    expired = make_p12(ca, "张伟", "1", start=datetime.now(UTC) - timedelta(days=400), days=30)
    with pytest.raises(KeyRefused, match="证书已过期"):
        store.import_pkcs12(_write(tmp_path, "old.p12", expired), PASS)
    future = make_p12(ca, "张伟", "1", start=datetime.now(UTC) + timedelta(days=10))
    with pytest.raises(KeyRefused, match="证书尚未生效"):
        store.import_pkcs12(_write(tmp_path, "future.p12", future), PASS)
    weak = make_p12(ca, "张伟", "1", kind="rsa1024")
    with pytest.raises(KeyRefused, match="至少需要 2048 位"):
        store.import_pkcs12(_write(tmp_path, "weak.p12", weak), PASS)
    p384 = make_p12(ca, "张伟", "1", kind="ec384")
    with pytest.raises(KeyRefused, match="只支持 EC P-256"):
        store.import_pkcs12(_write(tmp_path, "p384.p12", p384), PASS)
    no_key = make_p12(ca, "张伟", "1", with_key=False)
    with pytest.raises(KeyRefused, match="没有私钥"):
        store.import_pkcs12(_write(tmp_path, "nokey.p12", no_key), PASS)
    assert store.list_keys() == []  # nothing was stored by a refused import
    store.import_pkcs12(good, PASS)
    with pytest.raises(SigningError, match="已经在本机"):
        store.import_pkcs12(good, PASS)
    assert len(store.list_keys()) == 1


def test_new_key_and_csr_then_the_bureaus_certificate(tmp_path: Path, store: KeyStore, ca: CA):
    info, csr_pem = store.new_key_and_csr("李娜", "370100002", "济南市医疗保障局", NEW_PASS)
    assert info.kind == "generated" and info.key_type == "EC P-256"
    assert not info.has_certificate and info.status() == "等待证书"
    csr = x509.load_pem_x509_csr(csr_pem)
    assert csr.is_signature_valid
    subject = {a.oid: a.value for a in csr.subject}
    assert subject == {
        NameOID.COMMON_NAME: "李娜",
        NameOID.SERIAL_NUMBER: "370100002",
        NameOID.ORGANIZATION_NAME: "济南市医疗保障局",
    }
    assert store.csr_path(info.key_id).read_bytes() == csr_pem
    key_file = store.root / info.key_id / "key.p8.pem"
    assert b"ENCRYPTED PRIVATE KEY" in key_file.read_bytes()
    with pytest.raises(TypeError):  # encrypted: no key without the passphrase
        serialization.load_pem_private_key(key_file.read_bytes(), None)
    with pytest.raises(SigningError, match="尚未导入"):
        store.unlock(info.key_id, NEW_PASS)

    other = ec.generate_private_key(ec.SECP256R1()).public_key()
    wrong = ca.issue(other, csr.subject).public_bytes(serialization.Encoding.PEM)
    with pytest.raises(KeyRefused, match="不匹配"):
        store.attach_certificate(info.key_id, wrong)
    with pytest.raises(KeyRefused, match="不是证书"):
        store.attach_certificate(info.key_id, b"junk")

    issued = ca.issue(csr.public_key(), csr.subject)
    bundle = issued.public_bytes(serialization.Encoding.DER)  # DER is accepted too
    attached = store.attach_certificate(info.key_id, bundle)
    assert attached.has_certificate and attached.status() == "可用"
    assert attached.fingerprint_sha256 == issued.fingerprint(hashes.SHA256()).hex()
    with pytest.raises(SigningError, match="已有证书"):
        store.attach_certificate(info.key_id, bundle)
    with pytest.raises(WrongPassphrase):
        store.unlock(info.key_id, "not the passphrase")
    key = store.unlock(info.key_id, NEW_PASS)
    assert key.certificate == issued


def test_new_key_with_a_chain_and_rsa(store: KeyStore, ca: CA) -> None:
    info, csr_pem = store.new_key_and_csr(
        "李娜", "370100002", "济南市医疗保障局", NEW_PASS, rsa_bits=3072
    )
    assert info.key_type == "RSA 3072"
    csr = x509.load_pem_x509_csr(csr_pem)
    issued = ca.issue(csr.public_key(), csr.subject)
    bundle = ca.pem + issued.public_bytes(serialization.Encoding.PEM)  # CA first, then ours
    store.attach_certificate(info.key_id, bundle)
    key = store.unlock(info.key_id, NEW_PASS)
    assert isinstance(key.private_key, rsa.RSAPrivateKey)
    assert key.certificate == issued and key.chain == [ca.cert]


def test_new_key_checks_its_input(store: KeyStore) -> None:
    with pytest.raises(SigningError, match="口令太短"):
        store.new_key_and_csr("李娜", "370100002", "济南市医疗保障局", "short")
    with pytest.raises(SigningError, match="执法证号"):
        store.new_key_and_csr("李娜", " ", "济南市医疗保障局", NEW_PASS)
    with pytest.raises(KeyRefused, match="3072"):
        store.new_key_and_csr("李娜", "1", "济南市医疗保障局", NEW_PASS, rsa_bits=2048)
    assert store.list_keys() == []


def test_trial_key_is_marked_everywhere(store: KeyStore) -> None:
    info = store.self_signed_for_trials("王五", "370100009", NEW_PASS, days=30)
    assert info.trial and info.kind == "trial" and info.org == TRIAL_MARK
    assert info.not_after and info.not_after - datetime.now(UTC) < timedelta(days=31)
    cert = store.certificate(info.key_id)
    assert cert.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value == TRIAL_MARK
    assert cert.issuer == cert.subject  # self-signed
    assert "试用" in info.describe()
    key = store.unlock(info.key_id, NEW_PASS)
    assert isinstance(key.private_key, ec.EllipticCurvePrivateKey)
    with pytest.raises(WrongPassphrase):
        store.unlock(info.key_id, "wrong passphrase")
    # Imported again as a PKCS#12 file elsewhere, it is still recognised as a trial key.
    other = KeyStore(store.root.parent / "other")
    p12 = store.root / info.key_id / "key.p12"
    assert other.import_pkcs12(p12, NEW_PASS).trial


def test_key_status_over_time(store: KeyStore) -> None:
    info = store.self_signed_for_trials("王五", "370100009", NEW_PASS, days=30)
    later = datetime.now(UTC) + timedelta(days=40)
    assert info.status(later) == "已过期" and "过期" in (info.problem(later) or "")
    earlier = datetime.now(UTC) - timedelta(days=1)
    assert info.status(earlier) == "尚未生效"


def test_unknown_and_ambiguous_ids(store: KeyStore) -> None:
    with pytest.raises(NotFound):
        store.get("0123")
    with pytest.raises(NotFound):
        store.get("")
    a = store.self_signed_for_trials("甲", "1", NEW_PASS)
    b = store.self_signed_for_trials("乙", "2", NEW_PASS)
    common = ""
    for x, y in zip(a.key_id, b.key_id, strict=True):
        if x != y:
            break
        common += x
    if common:
        with pytest.raises(SigningError, match="多个"):
            store.get(common)
    assert {k.key_id for k in store.list_keys()} == {a.key_id, b.key_id}


def test_trusted_roots_are_pem_files_under_keys_trusted(store: KeyStore, ca: CA) -> None:
    assert store.trusted_files() == []
    folder = store.root / "trusted"
    folder.mkdir(parents=True)
    (folder / "bureau-ca.pem").write_bytes(ca.pem)
    assert store.trusted_files() == [folder / "bureau-ca.pem"]
    assert store.list_keys() == []  # the trusted folder is not a key


def test_a_key_is_bound_to_its_cert_no_when_imported(
    tmp_path: Path, store: KeyStore, ca: CA
) -> None:
    """A certificate without a 执法证号 (no subject serialNumber) is imported only when the
    inspector's 执法证号 is given, and keeps it; one that carries a different number is refused."""
    bare = _write(tmp_path, "bare.p12", make_p12(ca, "张伟", ""))
    with pytest.raises(KeyRefused, match="没有执法证号"):
        store.import_pkcs12(bare, PASS)
    assert store.list_keys() == []
    info = store.import_pkcs12(bare, PASS, cert_no="370100001")
    assert info.cert_no == "370100001" and info.cert_no_bound
    assert store.get(info.key_id).cert_no == "370100001"  # kept in meta.json

    numbered = _write(tmp_path, "numbered.p12", make_p12(ca, "李娜", "370100002"))
    with pytest.raises(KeyRefused, match=r"370100002.*370100009"):
        store.import_pkcs12(numbered, PASS, cert_no="370100009")
    info = store.import_pkcs12(numbered, PASS, cert_no="370100002")
    assert info.cert_no == "370100002" and not info.cert_no_bound


def test_the_bureaus_certificate_must_carry_the_cert_no_the_key_was_made_for(
    store: KeyStore, ca: CA
) -> None:
    info, csr_pem = store.new_key_and_csr("李娜", "370100002", "济南市医疗保障局", NEW_PASS)
    csr = x509.load_pem_x509_csr(csr_pem)
    from tests.helpers.signing_pki import name

    other = ca.issue(csr.public_key(), name("李娜", "370100009"))
    with pytest.raises(KeyRefused, match=r"370100009.*370100002"):
        store.attach_certificate(info.key_id, other.public_bytes(serialization.Encoding.PEM))
    assert not store.get(info.key_id).has_certificate
    without = ca.issue(csr.public_key(), name("李娜"))  # the CA left the number out
    attached = store.attach_certificate(
        info.key_id, without.public_bytes(serialization.Encoding.PEM)
    )
    assert attached.cert_no == "370100002" and attached.cert_no_bound
