"""Signing a PDF: PAdES (ETSI.CAdES.detached, SHA-256) with pyHanko, always as an incremental
update (the original bytes stay a prefix of the result), with a visible stamp whose Chinese label
is drawn with reportlab. The result is written atomically (temporary file, fsync, rename)."""

from __future__ import annotations

import asyncio
import hashlib
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.sign import fields, signers
from pyhanko.sign.fields import MDPPerm, SigFieldSpec, SigSeedSubFilter
from pyhanko.sign.general import SigningError as HankoSigningError
from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes
from pyhanko_certvalidator.registry import SimpleCertificateStore

from inspector.files import write_atomically
from inspector.signing.appearance import stamp_style
from inspector.signing.errors import SigningError
from inspector.signing.keystore import KeyInfo, UnlockedKey, check_validity

Box = tuple[int, float, float, float, float]  # page index, x1, y1, x2, y2 in PDF points
MIN_BOX = 24.0  # points: a stamp smaller than this on either side cannot be read


@dataclass(frozen=True)
class SignResult:
    path: Path
    sha256: str  # of the signed file
    size: int
    field_name: str
    signer: KeyInfo
    signed_at: datetime  # aware, local time; the same moment the stamp and the signature carry


def signature_label(
    key: KeyInfo, signed_at: datetime, extra_lines: Sequence[str] = ()
) -> list[str]:
    """The stamp's lines: the caller's (a role such as 检查组长), then name, 执法证号, time and
    数字签名; a trial certificate says so."""
    lines = [*extra_lines, key.name]
    if key.cert_no:
        lines.append(f"执法证号：{key.cert_no}")
    lines.append(f"时间：{signed_at.strftime('%Y-%m-%d %H:%M:%S')}")
    lines.append("数字签名（试用证书，自签名）" if key.trial else "数字签名")
    return lines


def _asn1_signer(key: UnlockedKey) -> signers.SimpleSigner:
    der = serialization.Encoding.DER
    private = asn1_keys.PrivateKeyInfo.load(
        key.private_key.private_bytes(
            der, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    cert = asn1_x509.Certificate.load(key.certificate.public_bytes(der))
    chain = [asn1_x509.Certificate.load(c.public_bytes(der)) for c in key.chain]
    return signers.SimpleSigner(
        signing_cert=cert,
        signing_key=private,
        cert_registry=SimpleCertificateStore.from_certs(chain),
    )


def _page_count(writer: IncrementalPdfFileWriter) -> int:
    return int(writer.root["/Pages"]["/Count"])


def _is_certified(writer: IncrementalPdfFileWriter) -> bool:
    try:
        return "/DocMDP" in writer.root["/Perms"]
    except KeyError:
        return False


def _existing_field_size(writer: IncrementalPdfFileWriter, name: str) -> tuple[float, float]:
    """Width and height of an empty signature field already in the document."""
    try:
        found = list(fields.enumerate_sig_fields(writer, with_name=name))
    except PdfError as error:
        raise SigningError("文档中的“{name}”不是签名域", name=name) from error
    if not found:
        raise SigningError("文档中没有名为“{name}”的签名域，请给出签名的位置", name=name)
    _, value, ref = found[0]
    if value:
        raise SigningError("签名域“{name}”已经签过名", name=name)
    field = ref.get_object()
    widget = field if "/Rect" in field else field.get("/Kids", [None])[0]
    if widget is None or "/Rect" not in widget.get_object():
        raise SigningError("签名域“{name}”没有位置（不可见的签名域），无法显示签名", name=name)
    x1, y1, x2, y2 = (float(v) for v in widget.get_object()["/Rect"])
    return abs(x2 - x1), abs(y2 - y1)


async def _sign(
    pdf_signer: signers.PdfSigner,
    writer: IncrementalPdfFileWriter,
    output: io.BytesIO,
    signed_at: datetime,
    existing_only: bool,
) -> None:
    """pyHanko's ``async_sign_pdf`` step by step, with the signing time set by us, so that the
    time in the stamp is exactly the time in the signature."""
    session = pdf_signer.init_signing_session(writer, existing_fields_only=existing_only)
    session.system_time = signed_at
    validation_info = await session.perform_presign_validation(writer)
    reserved = await session.estimate_signature_container_size(validation_info, tight=False)
    tbs = session.prepare_tbs_document(validation_info=validation_info, bytes_reserved=reserved)
    prepared, res_output = tbs.digest_tbs_document(output=output)
    post = await tbs.perform_signature(
        document_digest=prepared.document_digest,
        pdf_cms_signed_attrs=PdfCMSSignedAttributes(signing_time=signed_at),
    )
    await post.post_signature_processing(res_output)


def sign_pdf(
    src: Path | bytes,
    dst: Path | Callable[[memoryview], Path],
    key: UnlockedKey,
    *,
    field_name: str,
    box: Box | None,
    label_lines: Sequence[str] = (),
    reason: str = "",
    location: str = "",
    certify: bool = False,
    now: datetime | None = None,
) -> SignResult:
    """Sign ``src`` (a file, or its bytes) into ``dst`` (which may be ``src``, or a function
    that keeps the signed bytes and returns where) with a visible signature.

    ``box`` places a new signature field (page index from 0, then x1, y1, x2, y2 in points from
    the page's lower left corner); ``None`` signs the existing empty field ``field_name``.
    ``label_lines`` come first in the stamp, before the signer's name, 执法证号, time and
    数字签名. ``certify`` makes a certification signature (must be the first; allows later
    signatures, which must then go into empty fields made before it). ``now`` is for tests.
    """
    signed_at = (now or datetime.now()).astimezone().replace(microsecond=0)
    check_validity(key.certificate, signed_at)
    field_name = field_name.strip()
    if not field_name:
        raise SigningError("请给出签名域的名称")
    try:
        original = src if isinstance(src, bytes) else Path(src).read_bytes()
    except OSError as error:
        raise SigningError(
            "无法读取 {src}：{value}", src=src, value=error.strerror or error
        ) from error
    where = "记录" if isinstance(src, bytes) else src
    if not original.startswith(b"%PDF-"):
        raise SigningError("不是 PDF 文件：{src}", src=where)
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(original))
    except (PdfError, ValueError, KeyError) as error:
        raise SigningError(
            "无法读取 PDF（文件可能不完整）：{src}：{error}", src=where, error=error
        ) from error
    if writer.security_handler is not None:
        raise SigningError("不能签署加密的 PDF")

    if box is None:
        width, height = _existing_field_size(writer, field_name)
        field_spec = None
    else:
        page, x1, y1, x2, y2 = int(box[0]), *(float(v) for v in box[1:])
        pages = _page_count(writer)
        if not -pages <= page < pages:
            raise SigningError("页码超出范围：文档共 {pages} 页", pages=pages)
        width, height = abs(x2 - x1), abs(y2 - y1)
        if min(width, height) < MIN_BOX:
            raise SigningError("签名框太小：至少 {MIN_BOX:.0f} × {MIN_BOX:.0f} 点", MIN_BOX=MIN_BOX)
        if list(fields.enumerate_sig_fields(writer, with_name=field_name)):
            raise SigningError("文档中已有名为“{field_name}”的签名域", field_name=field_name)
        rect = (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))
        field_spec = SigFieldSpec(field_name, on_page=page, box=rect)  # type: ignore[arg-type]
    if certify and list(fields.enumerate_sig_fields(writer, filled_status=True)):
        raise SigningError("认证签名必须是文档的第一个签名")
    if box is not None and _is_certified(writer):
        # pyHanko's difference analysis (rightly) counts a new field after a certification
        # signature as a change it does not allow: later signers sign fields made before.
        raise SigningError("文档已有认证签名：后续签名只能签在认证之前已有的空签名域上")

    meta = signers.PdfSignatureMetadata(
        field_name=field_name,
        md_algorithm="sha256",
        subfilter=SigSeedSubFilter.PADES,
        reason=reason or None,
        location=location or None,
        certify=certify,
        docmdp_permissions=MDPPerm.FILL_FORMS,
    )
    lines = signature_label(key.info, signed_at, label_lines)
    pdf_signer = signers.PdfSigner(
        meta,
        _asn1_signer(key),
        stamp_style=stamp_style(lines, width, height),
        new_field_spec=field_spec,
    )
    output = io.BytesIO()
    try:
        asyncio.run(_sign(pdf_signer, writer, output, signed_at, existing_only=box is None))
    except (HankoSigningError, PdfError) as error:
        raise SigningError("签名失败：{error}", error=error) from error
    signed = output.getbuffer()
    if signed[: len(original)] != original:  # pyHanko always appends; make sure
        raise SigningError("内部错误：签名后原文件内容不再是新文件的开头")
    digest = hashlib.sha256(signed).hexdigest()
    size = len(signed)
    if callable(dst):
        written = dst(signed)  # the caller keeps it (the record store, maybe encrypted)
    else:
        written = Path(dst)
        write_atomic(written, signed)
    del signed
    return SignResult(written, digest, size, field_name, key.info, signed_at)


def write_atomic(path: Path, data: bytes | memoryview) -> None:
    """Write the signed file atomically (inspector.files), with the error in the user's words.
    Readable by others as an ordinary file; the folder must exist (it is the user's choice)."""
    try:
        write_atomically(path, data, mode=0o666, make_parents=False)
    except OSError as error:
        raise SigningError(
            "无法写入 {path}：{value}", path=path, value=error.strerror or error
        ) from error
