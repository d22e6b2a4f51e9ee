"""Digital signatures of PDF records: keys (PKCS#12 from the bureau, a key and CSR made here, or a
self-signed trial key), PAdES signing with a visible Chinese stamp, and verification that agrees
with poppler's pdfsig where pdfsig can tell. Never imports Qt.

    store = KeyStore(data_dir.root)
    key = store.unlock(key_id, passphrase)
    result = sign_pdf(src, dst, key, field_name="inspector-1", box=(0, 60, 60, 240, 120),
                      label_lines=["检查人员"], reason="现场检查记录", location="济南市历城区")
    report = verify_pdf(dst, trusted=store.trusted_files())
"""

from inspector.signing.errors import KeyRefused, SigningError, WrongPassphrase
from inspector.signing.keystore import TRIAL_MARK, KeyInfo, KeyStore, UnlockedKey
from inspector.signing.pdfsig import Agreement, PdfsigVerdict, compare, pdfsig_verdict
from inspector.signing.sign import Box, SignResult, sign_pdf, signature_label
from inspector.signing.verify import SignatureVerdict, VerifyReport, verify_pdf

__all__ = [
    "TRIAL_MARK",
    "Agreement",
    "Box",
    "KeyInfo",
    "KeyRefused",
    "KeyStore",
    "PdfsigVerdict",
    "SignResult",
    "SignatureVerdict",
    "SigningError",
    "UnlockedKey",
    "VerifyReport",
    "WrongPassphrase",
    "compare",
    "pdfsig_verdict",
    "sign_pdf",
    "signature_label",
    "verify_pdf",
]
