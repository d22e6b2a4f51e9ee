"""Verifying a signed PDF: every signature's digest and signature value, what was changed after
each signature (pyHanko's difference analysis), and the signer's certificate against the trust
roots we have (offline there are usually none: that is a warning, not tampering).

``VerifyReport.ok`` is True only when the file reads as a PDF, has at least one signature, every
signature is intact and valid, and nothing was changed after a signature except later signatures
(and their form fields); after the last signature nothing may follow: each later revision is
named with what it changes (the /Info dictionary, the catalog, pages, an empty revision).
Who signed (team, order, completeness) is the record's business: ``inspector.record.signing``."""

from __future__ import annotations

import hashlib
import io
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from asn1crypto import parser as asn1_parser
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel, SuspiciousModification
from pyhanko.sign.validation import validate_pdf_signature, validate_pdf_timestamp
from pyhanko.sign.validation.generic_cms import get_signing_cert_attr
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko.sign.validation.status import PdfSignatureStatus, SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from inspector.signing.archive import DocumentTimestamp, timestamps_of_reader
from inspector.signing.errors import SigningError
from inspector.signing.keystore import TRIAL_MARK, load_certificates
from inspector.signing.revisions import (
    archive_changes,
    foreign_changes,
    page_numbers,
    revision_changes,
    stray_bytes,
)

# pyHanko logs every untrusted chain with a traceback; without a handler of the application's
# Python would print them to stderr. A NullHandler keeps them for an application that configures
# logging, and out of the command line's output.
for _name in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

ALLOWED_AFTER = (
    ModificationLevel.NONE,
    ModificationLevel.LTA_UPDATES,
    ModificationLevel.FORM_FILLING,
)
ARCHIVE_LEVELS = (ModificationLevel.NONE.name, ModificationLevel.LTA_UPDATES.name)
KEY_USAGE = KeyUsageConstraints(
    key_usage={"digital_signature", "non_repudiation"}, match_all_key_usages=False
)
NOT_TRUSTED = "签名者证书不在信任列表中"
# The one unsigned attribute a signature may carry: a timestamp token (PAdES B-T, another
# tool's), itself signed by its authority and checked by pyHanko.
TIMESTAMP_ATTRIBUTES = {"signature_time_stamp_token"}
EOF_WINDOW = 1024  # %%EOF must be in the last KiB (ISO 32000-1, 7.5.5)

COVERAGE_NAMES = {
    SignatureCoverageLevel.ENTIRE_FILE: "entire_file",
    SignatureCoverageLevel.ENTIRE_REVISION: "entire_revision",
    SignatureCoverageLevel.CONTIGUOUS_BLOCK_FROM_START: "partial",
    SignatureCoverageLevel.UNCLEAR: "unclear",
}


@dataclass(frozen=True)
class SignatureVerdict:
    number: int  # 1, 2, ... in signing order
    field: str
    signer_name: str | None
    signer_cert_no: str | None
    signer_org: str | None
    issuer: str | None
    fingerprint_sha256: str | None
    trial: bool
    signed_at: datetime | None  # the time the signer's laptop claimed (no timestamp authority)
    intact: bool  # the signed bytes' digest matches
    signature_valid: bool  # the signature value is the certificate's key's over that digest
    trusted: bool  # the certificate chains to a trust root (keys/trusted/*.pem)
    coverage: str  # entire_file, entire_revision, partial, unclear
    modification: str | None  # pyHanko's level of what came after: NONE ... OTHER
    unchanged: bool  # nothing but later signatures/forms came after
    errors: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    detail: str | None = None  # pyHanko's technical note when something was changed
    signed_end: int | None = None  # the file's length when it was signed (end of its range)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def title(self) -> str:
        who = self.signer_name or "未知签名者"
        if self.signer_cert_no:
            who += f"，执法证号 {self.signer_cert_no}"
        return f"签名 {self.number}「{self.field}」（{who}）"

    @property
    def coverage_text(self) -> str:
        if self.coverage == "entire_file":
            return "签名覆盖整个文档"
        if self.coverage == "entire_revision" and self.unchanged:
            return "签名覆盖签名时的整个文档，之后只增加了后续签名"
        if self.coverage == "entire_revision":
            return "签名后文档被修改"
        return "签名范围不完整"

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "field": self.field,
            "signer_name": self.signer_name,
            "signer_cert_no": self.signer_cert_no,
            "signer_org": self.signer_org,
            "issuer": self.issuer,
            "fingerprint_sha256": self.fingerprint_sha256,
            "trial": self.trial,
            "signed_at": self.signed_at.isoformat() if self.signed_at else None,
            "intact": self.intact,
            "signature_valid": self.signature_valid,
            "trusted": self.trusted,
            "coverage": self.coverage,
            "coverage_text": self.coverage_text,
            "modification": self.modification,
            "unchanged": self.unchanged,
            "ok": self.ok,
            "errors": list(self.errors),
            "warnings": list(self.warnings),
            "detail": self.detail,
            "signed_end": self.signed_end,
        }


@dataclass(frozen=True)
class VerifyReport:
    path: Path
    size: int
    sha256: str | None
    revisions: int
    signatures: tuple[SignatureVerdict, ...]
    problems: tuple[str, ...] = ()  # document-level failures
    warnings: tuple[str, ...] = field(default=())
    # PAdES B-LTA: the document timestamps after the last signature, oldest first
    timestamps: tuple[DocumentTimestamp, ...] = ()

    @property
    def archived(self) -> bool:
        return bool(self.timestamps)

    @property
    def ok(self) -> bool:
        return bool(self.signatures) and not self.problems and all(s.ok for s in self.signatures)

    @property
    def trusted(self) -> bool:
        """Every signer's certificate chains to the trust list (never a trial certificate)."""
        return bool(self.signatures) and all(s.trusted for s in self.signatures)

    @property
    def summary(self) -> str:
        if self.ok:
            n = len(self.signatures)
            return f"验证通过：{n} 个签名完好，签名后文档未被修改"
        return "验证未通过"

    def lines(self) -> list[str]:
        """The report for people, one fact a line."""
        out = [f"{self.path.name}：{self.summary}"]
        out += [f"  错误：{p}" for p in self.problems]
        for sig in self.signatures:
            verdict = "通过" if sig.ok else "未通过"
            out.append(f"{sig.title}：{verdict}")
            if sig.signed_at:
                out.append(f"  签名时间：{sig.signed_at.astimezone():%Y-%m-%d %H:%M:%S}")
            out.append(f"  内容：{'摘要一致' if sig.intact else '摘要不符'}；{sig.coverage_text}")
            out += [f"  错误：{e}" for e in sig.errors]
            out += [f"  注意：{w}" for w in sig.warnings]
            if sig.detail:
                out.append(f"  技术细节：{sig.detail}")
        if self.timestamps:
            last = self.timestamps[-1]
            out.append(
                f"已归档（PAdES B-LTA）：{len(self.timestamps)} 个文档时间戳，"
                f"最近一次 {last.time.astimezone():%Y-%m-%d %H:%M}，"
                f"时间戳链有效至 {last.tsa_not_after.astimezone():%Y-%m-%d}（此前须续签时间戳）"
            )
        out += [f"  注意：{w}" for w in self.warnings]
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "ok": self.ok,
            "trusted": self.trusted,
            "summary": self.summary,
            "size": self.size,
            "sha256": self.sha256,
            "revisions": self.revisions,
            "problems": list(self.problems),
            "warnings": list(self.warnings),
            "signatures": [s.to_json() for s in self.signatures],
            "archived": self.archived,
            "timestamps": [t.to_json() for t in self.timestamps],
        }


def _trust_roots(files: Sequence[Path]) -> tuple[list[asn1_x509.Certificate], list[str]]:
    roots: list[asn1_x509.Certificate] = []
    notes: list[str] = []
    for path in files:
        try:
            certs = load_certificates(Path(path).read_bytes())
        except (OSError, SigningError) as error:
            notes.append(f"信任根文件 {Path(path).name} 无法读取，已忽略：{error}")
            continue
        roots += [
            asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER)) for c in certs
        ]
    return roots, notes


def _name_field(native: dict[str, Any], key: str) -> str | None:
    value = native.get(key)
    if isinstance(value, list):
        value = value[0] if value else None
    return str(value) if value else None


def _detail(status: PdfSignatureStatus) -> str | None:
    """pyHanko's explanation of a change after signing (English, technical), shortened."""
    result = status.diff_result
    if isinstance(result, SuspiciousModification):
        lines = [line.strip() for line in str(result).strip().splitlines() if line.strip()]
        return " ".join(lines[:3])[:600]
    return None


_page_numbers = page_numbers


def _explain(detail: str | None, pages: dict[int, int]) -> str:
    """What was changed, in words, from pyHanko's explanation."""
    if not detail:
        return "页面内容或其他对象被改动或替换"
    changed = sorted({pages[int(n)] for n in re.findall(r"idnum=(\d+)", detail) if int(n) in pages})
    parts = []
    if changed:
        parts.append("第 " + "、".join(str(n) for n in changed) + " 页被改动")
    if "/Contents" in detail:
        parts.append("页面内容（/Contents）被替换")
    if "/Annots" in detail or "annotation" in detail:
        parts.append("页面上的批注被改动")
    return "，".join(parts) or "页面内容或其他对象被改动或替换"


def _signer_facts(number: int, embedded: EmbeddedPdfSignature) -> dict[str, Any]:
    cert = embedded.signer_cert
    subject = cert.subject.native
    org = _name_field(subject, "organization_name")
    unit = _name_field(subject, "organizational_unit_name")
    return {
        "number": number,
        "field": str(embedded.field_name),
        "signer_name": _name_field(subject, "common_name"),
        "signer_cert_no": _name_field(subject, "serial_number"),
        "signer_org": org,
        "issuer": cert.issuer.human_friendly,
        "fingerprint_sha256": cert.sha256.hex(),
        "trial": TRIAL_MARK in (org or "") or TRIAL_MARK in (unit or ""),
        "signed_at": embedded.self_reported_timestamp,
    }


def _unverifiable(base: dict[str, Any], error: str) -> SignatureVerdict:
    return SignatureVerdict(
        **base,
        intact=False,
        signature_valid=False,
        trusted=False,
        coverage="unclear",
        modification=None,
        unchanged=False,
        errors=(error,),
    )


def _container_problems(data: bytes, embedded: EmbeddedPdfSignature) -> list[str]:
    """What in the signature's own bytes no signature covers and yet was changed: /Contents
    (the hex string the byte range leaves out) must hold the CMS in one case of hex digits
    followed by zeros only; the signer's certificate must be bound by the signed
    signing-certificate(-v2) attribute (pyHanko checks it matches when present: we require it
    present); every other certificate in the CMS must be a certificate of the signer's chain,
    each issuing the one below it with a valid signature; no unsigned attribute (this tool
    adds none); the CMS's list of digest algorithms must be the signer's one. A file whose
    unsigned bytes were changed is not the file that was signed (evidence must be authentic)."""
    problems: list[str] = []
    try:
        _, len1, start2, _ = (int(v) for v in embedded.byte_range)
    except (TypeError, ValueError, KeyError, PdfError):
        return problems  # coverage is judged (and named) elsewhere
    gap = data[len1:start2]
    hex_digits = gap[1:-1]
    if not (
        gap.startswith(b"<") and gap.endswith(b">") and re.fullmatch(rb"[0-9a-fA-F]*", hex_digits)
    ):
        problems.append("签名值（/Contents）不是连续的十六进制串：签名中未受保护的字节被改动")
        return problems
    if hex_digits != hex_digits.lower() and hex_digits != hex_digits.upper():
        problems.append("签名值（/Contents）的十六进制大小写混杂：签名中未受保护的字节被改动")
    contents = bytes.fromhex(hex_digits.decode("ascii")) if len(hex_digits) % 2 == 0 else b""
    try:
        der_length = asn1_parser.peek(contents)
    except ValueError:
        der_length = 0
    if not contents or der_length <= 0:
        problems.append("签名值（/Contents）无法读取")
        return problems
    if contents[der_length:].strip(b"\x00"):
        problems.append(
            "签名值（/Contents）中签名数据之后的填充不全是零：签名中未受保护的字节被改动"
        )
    try:
        signed_data = embedded.signed_data
        signer_info = embedded.signer_info
        if get_signing_cert_attr(signer_info["signed_attrs"]) is None:
            problems.append("签名没有在签名属性中绑定签名者证书（signing-certificate-v2）")
        unsigned = {a["type"].native for a in signer_info["unsigned_attrs"] or []}
        if unsigned - TIMESTAMP_ATTRIBUTES:
            problems.append(
                "签名中有未受签名保护的属性（unsigned attributes："
                + "、".join(sorted(str(t) for t in unsigned - TIMESTAMP_ATTRIBUTES))
                + "）：本工具不生成，可能被添加或改动"
            )
        algorithms = [a["algorithm"].native for a in signed_data["digest_algorithms"]]
        if algorithms != [signer_info["digest_algorithm"]["algorithm"].native]:
            problems.append(
                "签名数据列出的摘要算法与签名者使用的不一致：签名中未受保护的字节被改动"
            )
        problems += _chain_problems(embedded)
    except Exception as error:  # a crafted CMS can make asn1crypto raise many kinds of error
        problems.append(f"签名数据无法读取：{type(error).__name__}: {error}")
    return problems


def _chain_problems(embedded: EmbeddedPdfSignature) -> list[str]:
    """Every certificate besides the signer's must be an issuer in the signer's chain: the
    certificates are not signed, so a copy changed in transit is refused here."""
    der = serialization.Encoding.DER
    signer = x509.load_der_x509_certificate(embedded.signer_cert.dump())
    others = [x509.load_der_x509_certificate(c.dump()) for c in embedded.other_embedded_certs]
    others = [c for c in others if c.public_bytes(der) != signer.public_bytes(der)]
    problems: list[str] = []
    current, chain = signer, []
    while current.issuer != current.subject:
        issuer = None
        for candidate in others:
            if candidate in chain or candidate.subject != current.issuer:
                continue
            try:
                current.verify_directly_issued_by(candidate)
            except (ValueError, TypeError, InvalidSignature):
                continue
            issuer = candidate
            break
        if issuer is None:
            break
        chain.append(issuer)
        current = issuer
    if chain and chain[-1].issuer == chain[-1].subject:
        try:
            chain[-1].verify_directly_issued_by(chain[-1])
        except (ValueError, TypeError, InvalidSignature):
            problems.append(
                f"签名中附带的证书「{chain[-1].subject.rfc4514_string()}」自身的签名无效（已被改动）"
            )
    for cert in others:
        if cert not in chain:
            problems.append(
                f"签名中附带的证书「{cert.subject.rfc4514_string()}」不属于签名者的证书链"
                "（可能被改动）"
            )
    return problems


def _judge(
    number: int, embedded: EmbeddedPdfSignature, context: ValidationContext, data: bytes
) -> SignatureVerdict:
    # Any failure to read or validate a signature is a failed signature, named: a malformed
    # signature can make pyHanko raise many kinds of error.
    try:
        base = _signer_facts(number, embedded)
    except Exception as error:
        empty: dict[str, Any] = dict.fromkeys(
            ("signer_name", "signer_cert_no", "signer_org", "issuer", "fingerprint_sha256")
        )
        base = {"number": number, "field": "?", **empty, "trial": False, "signed_at": None}
        if "Signing certificate attribute does not match" in str(error):
            # pyHanko's check of the signed signing-certificate(-v2) attribute: the
            # certificate copy in the CMS is not the one the signer signed with.
            return _unverifiable(
                base, "签名中的签名者证书与签名属性中绑定的证书不符（证书副本被改动）"
            )
        return _unverifiable(base, f"签名中的签名证书无法读取：{type(error).__name__}: {error}")
    try:
        status = validate_pdf_signature(embedded, context, key_usage_settings=KEY_USAGE)
    except Exception as error:
        return _unverifiable(base, f"无法验证：{type(error).__name__}: {error}")
    errors: list[str] = []
    warnings: list[str] = []
    errors += _container_problems(data, embedded)
    if not status.intact:
        errors.append("签名后被签名的内容被改动（摘要不符）")
    elif not status.valid:
        errors.append("签名值无效（与签名证书的公钥不符）")
    level = status.modification_level
    coverage = status.coverage or SignatureCoverageLevel.UNCLEAR
    unchanged = False
    if coverage < SignatureCoverageLevel.ENTIRE_REVISION:
        errors.append("签名的字节范围不完整，不能确定签名覆盖了签名时的整个文档")
    elif level is None or level not in ALLOWED_AFTER:
        what = _explain(_detail(status), _page_numbers(embedded.reader))
        errors.append(f"签名之后文档被修改（不只是增加后续签名）：{what}")
    elif status.docmdp_ok is False:
        errors.append("签名之后的修改违反了认证签名允许的修改范围")
    else:
        unchanged = True
    # A trial (self-signed) certificate is never trusted, whatever the roots say.
    trusted = bool(status.trusted) and not base["trial"]
    if not trusted:
        warnings.append(NOT_TRUSTED)
    if base["trial"]:
        warnings.append("试用证书（自签名），不能证明签名者的身份")
    signed_at = base["signed_at"]
    validity = embedded.signer_cert["tbs_certificate"]["validity"]
    if signed_at is not None:
        if signed_at < validity["not_before"].native:
            warnings.append("签名时间早于证书生效时间")
        elif signed_at > validity["not_after"].native:
            warnings.append("签名时间晚于证书到期时间")
    else:
        warnings.append("签名中没有签名时间")
    return SignatureVerdict(
        **base,
        intact=bool(status.intact),
        signature_valid=bool(status.valid),
        trusted=trusted,
        coverage=COVERAGE_NAMES.get(coverage, "unclear"),
        modification=level.name if level is not None else None,
        unchanged=unchanged,
        errors=tuple(errors),
        warnings=tuple(warnings),
        detail=_detail(status),
        signed_end=_signed_end(embedded),
    )


def _signed_end(embedded: EmbeddedPdfSignature) -> int | None:
    try:
        _, _, start2, len2 = (int(v) for v in embedded.byte_range)
    except (TypeError, ValueError, KeyError, PdfError):
        return None
    return start2 + len2


def _document_problem(data: bytes) -> str | None:
    if not data:
        return "文件是空的"
    if not data.startswith(b"%PDF-"):
        return "不是 PDF 文件（文件开头没有 %PDF-）"
    if b"%%EOF" not in data[-EOF_WINDOW:]:
        return "文件不完整（可能被截断）：文件末尾没有 PDF 结束标记 %%EOF"
    return None


def verify_pdf(
    path: Path, *, trusted: Sequence[Path] = (), roots: Sequence[x509.Certificate] = ()
) -> VerifyReport:
    """Verify every signature of the PDF at ``path``; ``trusted`` are PEM files of trust roots
    (``KeyStore.trusted_files()``), ``roots`` certificates of the trust list
    (``inspector.signing.trust.trust_roots``)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SigningError(
            "无法读取 {path}：{error}", path=path, error=error.strerror or error
        ) from error
    return verify_pdf_data(data, path, trusted=trusted, roots=roots)


def verify_pdf_data(
    data: bytes,
    path: Path,
    *,
    trusted: Sequence[Path] = (),
    roots: Sequence[x509.Certificate] = (),
) -> VerifyReport:
    """:func:`verify_pdf` of a PDF's bytes (a bundle's member, a record the store decrypted),
    never written out in clear; ``path`` is the name the report gives it."""
    digest = hashlib.sha256(data).hexdigest()

    def failed(problem: str, revisions: int = 0) -> VerifyReport:
        return VerifyReport(path, len(data), digest, revisions, (), (problem,))

    problem = _document_problem(data)
    if problem:
        return failed(problem)
    try:
        reader = PdfFileReader(io.BytesIO(data))
        embedded = sorted(reader.embedded_regular_signatures, key=lambda s: s.signed_revision)
        stamps = sorted(reader.embedded_timestamp_signatures, key=lambda s: s.signed_revision)
        revisions = reader.xrefs.total_revisions
    except (PdfError, ValueError, KeyError, TypeError) as error:
        return failed(f"无法读取 PDF 结构（文件可能不完整或已损坏）：{error}")
    if not embedded:
        return failed("文件中没有数字签名", revisions)

    file_roots, notes = _trust_roots(trusted)
    all_roots = file_roots + [
        asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER)) for c in roots
    ]
    verdicts = []
    for number, signature in enumerate(embedded, start=1):
        context = ValidationContext(
            trust_roots=all_roots, allow_fetching=False, revocation_mode="soft-fail"
        )
        verdicts.append(_judge(number, signature, context, data))

    verdicts = _between_signatures(reader, data, embedded, verdicts)
    problems: list[str] = []
    last, last_verdict = embedded[-1], verdicts[-1]
    timestamps: tuple[DocumentTimestamp, ...] = ()
    if last_verdict.ok:
        after = _after_last(data, last, last_verdict, revisions, stamps)
        if after:
            problems.append(f"{last_verdict.title}之后：{after}")
        elif stamps:
            context = ValidationContext(
                trust_roots=all_roots, allow_fetching=False, revocation_mode="soft-fail"
            )
            stamp_problems, stamp_notes = _judge_stamps(stamps, context)
            problems += stamp_problems
            notes += stamp_notes
            try:
                timestamps = timestamps_of_reader(reader)
            except Exception as error:  # a crafted timestamp token: unreadable is a failure
                problems.append(f"文档时间戳无法读取：{type(error).__name__}: {error}")
    elif stamps:
        notes.append("签名未通过验证：其后的归档数据（文档时间戳）不能使其有效")
    return VerifyReport(
        path,
        len(data),
        digest,
        revisions,
        tuple(verdicts),
        tuple(problems),
        tuple(notes),
        timestamps,
    )


def _judge_stamps(
    stamps: list[EmbeddedPdfSignature], context: ValidationContext
) -> tuple[list[str], list[str]]:
    """Each document timestamp must be intact and its token valid; one whose TSA does not chain
    to the trust list is a warning (the archive command checks it against the bureau's)."""
    problems: list[str] = []
    notes: list[str] = []
    for number, stamp in enumerate(stamps, start=1):
        try:
            status = validate_pdf_timestamp(stamp, context)
        except Exception as error:  # a crafted token can make pyHanko raise many kinds
            problems.append(f"第 {number} 个文档时间戳无法验证：{type(error).__name__}: {error}")
            continue
        if not status.intact:
            problems.append(f"第 {number} 个文档时间戳之后被时间戳保护的内容被改动（摘要不符）")
        elif not status.valid:
            problems.append(f"第 {number} 个文档时间戳的签名值无效")
        elif not status.trusted:
            notes.append(f"第 {number} 个文档时间戳的时间戳服务证书不能追溯到信任列表")
    return problems, notes


def _between_signatures(
    reader: PdfFileReader,
    data: bytes,
    embedded: list[EmbeddedPdfSignature],
    verdicts: list[SignatureVerdict],
) -> list[SignatureVerdict]:
    """Between two signatures only the next signature (inspector.signing.revisions): a
    revision between them, or anything but the next signature in its revision, is an error
    of the earlier signature, named with its objects and pages. Stricter than pyHanko's
    difference analysis (which calls a covering form field FORM_FILLING); both must pass."""
    pages = page_numbers(reader)
    out = list(verdicts)
    for index in range(1, len(embedded)):
        before, signature = embedded[index - 1], embedded[index]
        found: list[str] = []
        try:
            between = range(before.signed_revision + 1, signature.signed_revision)
            for n, revision in enumerate(between, start=1):
                found.append(
                    f"签名 {index + 1} 之前有未签名的修订（第 {n} 次）："
                    + "、".join(revision_changes(reader, revision, pages))
                )
            extra = foreign_changes(reader, signature, pages)
            end = verdicts[index - 1].signed_end
            stray = stray_bytes(reader, data, end, before.signed_revision + 1) if end else 0
            if stray:
                found.append(f"签名 {index + 1} 之前有 {stray} 字节不属于任何修订的数据")
        except Exception as error:  # a crafted file: unreadable is a failure, named
            extra = [f"无法读取签名之间的修订：{type(error).__name__}: {error}"]
        if extra:
            found.append(f"签名 {index + 1} 的修订除签名本身外还" + "、".join(extra))
        if found:
            verdict = out[index - 1]
            rule = "（两个签名之间只允许增加下一个签名）"
            out[index - 1] = replace(
                verdict,
                unchanged=False,
                errors=(*verdict.errors, *(f"签名之后文档被修改{rule}：{f}" for f in found)),
            )
    return out


def _after_last(
    data: bytes,
    last: EmbeddedPdfSignature,
    verdict: SignatureVerdict,
    revisions: int,
    stamps: list[EmbeddedPdfSignature],
) -> str | None:
    """What follows the last signature: nothing, or the archive's revisions only (PAdES B-LTA:
    the DSS and document timestamps, inspector.signing.archive); anything else is named with
    what it changes, from its xref section; bytes appended without a revision are counted."""
    _, _, start2, len2 = (int(v) for v in last.byte_range)
    signed_end = start2 + len2
    later = range(last.signed_revision + 1, revisions)
    if later and stamps and stamps[0].signed_revision > last.signed_revision:
        return _not_archive(data, last, verdict, later, stamps)
    if later:
        reader = last.reader
        pages = _page_numbers(reader)
        described = [
            f"第 {n} 次未签名的修订（增量更新）{_revision_changes(reader, rev, pages)}"
            for n, rev in enumerate(later, start=1)
        ]
        return f"文件还有 {len(later)} 次未签名的修订，其内容没有任何签名保护：" + "；".join(
            described
        )
    if signed_end < len(data):
        return f"文件末尾被追加了 {len(data) - signed_end} 字节未签名的数据"
    return None


def _not_archive(
    data: bytes,
    last: EmbeddedPdfSignature,
    verdict: SignatureVerdict,
    later: range,
    stamps: list[EmbeddedPdfSignature],
) -> str | None:
    """After the last signature of an archived file: each revision only the DSS or a document
    timestamp (inspector.signing.revisions.archive_changes), and pyHanko's difference analysis
    must call all of it archival (LTA_UPDATES): no form filled, no field or annotation added."""
    reader = last.reader
    pages = _page_numbers(reader)
    by_revision = {stamp.signed_revision: stamp for stamp in stamps}
    found: list[str] = []
    try:
        for n, revision in enumerate(later, start=1):
            changes = archive_changes(
                reader, revision, pages, by_revision.get(revision), last.signed_revision
            )
            if changes:
                found.append(f"第 {n} 次修订不只是归档数据：" + "、".join(changes))
        stray = stray_bytes(reader, data, verdict.signed_end, later[0]) if verdict.signed_end else 0
        if stray:
            found.append(f"签名与归档数据之间有 {stray} 字节不属于任何修订的数据")
    except Exception as error:  # a crafted file: unreadable is a failure, named
        found.append(f"无法读取签名之后的修订：{type(error).__name__}: {error}")
    if verdict.modification not in (
        ModificationLevel.NONE.name,
        ModificationLevel.LTA_UPDATES.name,
    ):
        found.append(f"签名之后的修改不只是归档数据（pyHanko：{verdict.modification}）")
    return "；".join(found) or None


def _revision_changes(reader: PdfFileReader, revision: int, pages: dict[int, int]) -> str:
    """What one revision changes, in words: empty, the document information dictionary, the
    catalog, pages, other objects (compared with the revision before it)."""
    try:
        refs = {ref.idnum for ref in reader.xrefs.explicit_refs_in_revision(revision)}
        freed = {ref.idnum for ref in reader.xrefs.refs_freed_in_revision(revision)}
        before = reader.get_historical_resolver(revision - 1).trailer_view.raw_get("/Info")
        after = reader.get_historical_resolver(revision).trailer_view.raw_get("/Info")
        root = reader.get_historical_resolver(revision).trailer_view.raw_get("/Root")
    except (PdfError, KeyError, ValueError, TypeError, AttributeError):
        return "：无法读取其交叉引用表"
    if not refs and not freed and before == after:
        return "：一次空的修订（没有改动任何对象），签名后文档已不是签名时的完整文件"
    parts = []
    info_ids = {getattr(ref, "idnum", None) for ref in (before, after)}
    if before != after:
        parts.append("换了文档信息字典（/Info：标题、主题等元数据）")
    elif refs & info_ids:
        parts.append("改写了文档信息字典（/Info：标题、主题等元数据）")
    if getattr(root, "idnum", None) in refs:
        parts.append("改写了文档目录（/Root）")
    changed_pages = sorted(pages[n] for n in refs if n in pages)
    if changed_pages:
        parts.append("改动了第 " + "、".join(str(n) for n in changed_pages) + " 页")
    other = refs - info_ids - {getattr(root, "idnum", None)} - set(pages)
    if other:
        parts.append(f"改动或新增了 {len(other)} 个其他对象")
    if freed:
        parts.append(f"删除了 {len(freed)} 个对象")
    return "：" + "，".join(parts)
