"""Test keys and certificates made with ``cryptography``: a bureau CA, PKCS#12 files (RSA-2048,
EC P-256, expired, not yet valid, weak), and small PDFs made with reportlab."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from inspector.resources import resource_path
from inspector.signing import KeyStore, UnlockedKey, sign_pdf

BUREAU = "济南市医疗保障局"
PASS = "p12-passphrase"


def name(cn: str, cert_no: str | None = None, org: str = BUREAU) -> x509.Name:
    attrs = [x509.NameAttribute(NameOID.COMMON_NAME, cn)]
    if cert_no:
        attrs.append(x509.NameAttribute(NameOID.SERIAL_NUMBER, cert_no))
    attrs.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, org))
    return x509.Name(attrs)


@dataclass
class CA:
    key: ec.EllipticCurvePrivateKey
    cert: x509.Certificate

    @property
    def pem(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.PEM)

    def issue(
        self,
        public_key: object,
        subject: x509.Name,
        *,
        start: datetime | None = None,
        days: int = 365,
    ) -> x509.Certificate:
        start = start or datetime.now(UTC) - timedelta(days=1)
        return (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(self.cert.subject)
            .public_key(public_key)  # type: ignore[arg-type]
            .serial_number(x509.random_serial_number())
            .not_valid_before(start)
            .not_valid_after(start + timedelta(days=days))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(
                x509.KeyUsage(True, True, False, False, False, False, False, False, False),
                critical=True,
            )
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(self.key.public_key()),
                critical=False,
            )
            .sign(self.key, hashes.SHA256())
        )


def make_ca() -> CA:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = name("济南市医疗保障局测试 CA", org=BUREAU)
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=30))
        .not_valid_after(now + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(True, False, False, False, False, True, True, False, False),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return CA(key, cert)


def make_p12(
    ca: CA,
    cn: str,
    cert_no: str,
    *,
    kind: str = "ec",
    passphrase: str = PASS,
    start: datetime | None = None,
    days: int = 365,
    with_key: bool = True,
    with_chain: bool = False,
) -> bytes:
    """A PKCS#12 file of a key the CA certified (``with_chain``: the CA's certificate too,
    which the signature's CMS then carries)."""
    key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey
    if kind == "ec":
        key = ec.generate_private_key(ec.SECP256R1())
    elif kind == "ec384":
        key = ec.generate_private_key(ec.SECP384R1())
    else:
        key = rsa.generate_private_key(
            public_exponent=65537, key_size=int(kind.removeprefix("rsa"))
        )
    cert = ca.issue(key.public_key(), name(cn, cert_no), start=start, days=days)
    return pkcs12.serialize_key_and_certificates(
        cn.encode(),
        key if with_key else None,
        cert if with_key else None,
        ([ca.cert] if with_chain else None) if with_key else [cert],
        serialization.BestAvailableEncryption(passphrase.encode()),
    )


def register_font() -> str:
    if "WenQuanYiMicroHei" not in pdfmetrics.getRegisteredFontNames():
        path = resource_path("fonts", "wqy-microhei.ttc")
        pdfmetrics.registerFont(TTFont("WenQuanYiMicroHei", str(path), subfontIndex=0))
    return "WenQuanYiMicroHei"


def make_pdf(path: Path, pages: int = 2, text: str = "现场检查记录（测试）") -> Path:
    font = register_font()
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, initialFontName=font)
    for number in range(pages):
        page.setFont(font, 14)
        page.drawString(72, 760, f"{text} 第 {number + 1} 页")
        page.showPage()
    page.save()
    path.write_bytes(buffer.getvalue())
    return path


def make_store(home: Path, ca: CA) -> KeyStore:
    """A key store with the inspector 张伟 (EC P-256) and the leader 李娜 (RSA-2048), both
    imported from PKCS#12 files the CA issued."""
    store = KeyStore(home)
    for file_name, cn, no, kind in (
        ("inspector.p12", "张伟", "370100001", "ec"),
        ("leader.p12", "李娜", "370100002", "rsa2048"),
    ):
        path = home / file_name
        path.write_bytes(make_p12(ca, cn, no, kind=kind))
        store.import_pkcs12(path, PASS)
    return store


def unlock(store: KeyStore, name: str) -> UnlockedKey:
    info = next(k for k in store.list_keys() if k.name == name)
    return store.unlock(info.key_id, PASS)


INSPECTOR_BOX = (-1, 60.0, 60.0, 250.0, 130.0)
LEADER_BOX = (-1, 300.0, 60.0, 490.0, 130.0)


def sign_twice(
    tmp_path: Path, inspector: UnlockedKey, leader: UnlockedKey, src: Path | None = None
) -> tuple[Path, Path, Path]:
    src = src or make_pdf(tmp_path / "record.pdf")
    first = tmp_path / "signed-1.pdf"
    second = tmp_path / "signed-2.pdf"
    sign_pdf(
        src,
        first,
        inspector,
        field_name="inspector-1",
        box=INSPECTOR_BOX,
        label_lines=["检查人员"],
        reason="现场检查记录",
        location="济南市历城区",
    )
    sign_pdf(
        first,
        second,
        leader,
        field_name="leader",
        box=LEADER_BOX,
        label_lines=["检查组长"],
        reason="现场检查记录",
        location="济南市历城区",
    )
    return src, first, second


def flip_inside_signed_bytes(path: Path, out: Path) -> Path:
    """Change one letter of the producer string (signed by every signature), same length."""
    data = path.read_bytes()
    at = data.index(b"ReportLab PDF Library")
    out.write_bytes(data[:at] + b"r" + data[at + 1 :])
    return out


def replace_page_content(path: Path, out: Path, page_index: int = 0) -> Path:
    """An incremental update after signing that gives a page new content."""
    with path.open("rb") as handle:
        writer = IncrementalPdfFileWriter(handle)
        page_ref = writer.root["/Pages"]["/Kids"][page_index]
        page = page_ref.get_object()
        forged = generic.StreamObject(stream_data=b"BT /F1 24 Tf 72 700 Td (FORGED) Tj ET")
        page["/Contents"] = writer.add_object(forged)
        writer.update_container(page)
        buffer = io.BytesIO()
        writer.write(buffer)
    out.write_bytes(buffer.getvalue())
    return out


def add_unsigned_field(path: Path, out: Path) -> Path:
    """An incremental update after the last signature adding an empty signature field."""
    with path.open("rb") as handle:
        writer = IncrementalPdfFileWriter(handle)
        fields.append_signature_field(
            writer, fields.SigFieldSpec("extra", on_page=0, box=(10, 10, 100, 50))
        )
        buffer = io.BytesIO()
        writer.write(buffer)
    out.write_bytes(buffer.getvalue())
    return out


def with_empty_fields(src: Path, out: Path) -> Path:
    """The record with empty signature fields for the inspector and the leader, as the record
    builder may make them."""
    with src.open("rb") as handle:
        writer = IncrementalPdfFileWriter(handle)
        for name, box in (("inspector-1", INSPECTOR_BOX), ("leader", LEADER_BOX)):
            spec = fields.SigFieldSpec(name, on_page=1, box=tuple(int(v) for v in box[1:]))
            fields.append_signature_field(writer, spec)
        buffer = io.BytesIO()
        writer.write(buffer)
    out.write_bytes(buffer.getvalue())
    return out


def rewrite_info(path: Path, out: Path) -> Path:
    """An incremental update after the last signature that gives the document a new
    information dictionary (/Info): a new title and subject, nothing else."""
    with path.open("rb") as handle:
        writer = IncrementalPdfFileWriter(handle)
        info = generic.DictionaryObject(
            {
                generic.NameObject("/Title"): generic.TextStringObject("改过的标题"),
                generic.NameObject("/Subject"): generic.TextStringObject("改过的主题"),
            }
        )
        ref = writer.add_object(info)
        writer._info = ref  # pyHanko writes the trailer's /Info from here
        writer.trailer["/Info"] = ref
        buffer = io.BytesIO()
        writer.write(buffer)
    out.write_bytes(buffer.getvalue())
    return out


def add_empty_revision(path: Path, out: Path) -> Path:
    """An incremental update that changes no object: an empty xref section and a trailer
    pointing back at the last one (pyHanko's writer writes nothing when nothing changed)."""
    data = path.read_bytes()
    start = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    trailer = re.findall(rb"trailer\s*(<<.*?>>)\s*startxref", data, re.S)[-1]
    trailer = re.sub(rb"/Prev \d+", b"", trailer)
    trailer = trailer[:-2] + b"/Prev %d\n>>" % start
    tail = b"xref\n0 0\ntrailer\n" + trailer + b"\nstartxref\n%d\n%%%%EOF\n" % len(data)
    out.write_bytes(data + tail)
    return out
