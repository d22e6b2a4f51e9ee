"""Records that last: PAdES B-LTA (ETSI EN 319 142-1, the PAdES baseline levels) for a signed
PDF, with pyHanko.

A signature made offline is PAdES B-B: its certificate's validity and revocation status can be
checked only while the certificate is valid and its CA answers. Archiving adds, as incremental
updates after the last signature (the signed bytes stay a prefix of the archived file, so the
custody chain's SHA-256 of the original can still be checked on that prefix):

1. the validation data of every signature in the document security store (DSS): the chain to
   the bureau's CA and the CA's OCSP answers or CRLs, fetched now (while they can be);
2. an RFC 3161 document timestamp from the bureau's time-stamping authority (TSA), which
   proves the signatures and that validation data existed at that moment;
3. the validation data of that timestamp (the TSA's chain and revocation status).

The timestamp holds as long as the TSA's certificate: before it expires (yearly), the chain is
extended: the last timestamp's validation data into the DSS, then a new document timestamp
(:func:`retimestamp_pdf`). A validator years later (:func:`validate_archived`, PAdES-LTA on
pyHanko's primitives) uses the timestamps as proofs of existence and the DSS's revocation data
as of those times, with revocation data required.

Why: a record is evidence that must still be shown reliable when the inspectors' certificates
have expired (电子签名法 第十三条: 可靠的电子签名; 第十四条: 与手写签名或者盖章具有同等的法律效力).
"""

from __future__ import annotations

import asyncio
import hashlib
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.general import SigningError as HankoSigningError
from pyhanko.sign.signers.pdf_signer import PdfTimeStamper
from pyhanko.sign.timestamps.aiohttp_client import HTTPTimeStamper
from pyhanko.sign.timestamps.common_utils import TimestampRequestError
from pyhanko.sign.validation.dss import (
    DocumentSecurityStore,
    NoDSSFoundError,
    collect_validation_info,
)
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko.sign.validation.pdf_embedded import (
    EmbeddedPdfSignature,
    async_validate_pdf_signature,
    async_validate_pdf_timestamp,
)
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.errors import PathBuildingError, PathValidationError

from inspector.errors import InvalidInput
from inspector.signing.errors import SigningError

TIMEOUT = 30  # seconds for one TSA, OCSP or CRL request
DIGEST = "sha256"
# After a signature: later signatures (and nothing else, inspector.signing.revisions) and the
# archive's DSS and document timestamps; after a document timestamp only the archive's.
ALLOWED_LEVELS = (
    ModificationLevel.NONE,
    ModificationLevel.LTA_UPDATES,
    ModificationLevel.FORM_FILLING,
)
LTA_ONLY = (ModificationLevel.NONE, ModificationLevel.LTA_UPDATES)
_NETWORK_ERRORS = (OSError, TimeoutError, asyncio.TimeoutError, TimestampRequestError)


@dataclass(frozen=True)
class DocumentTimestamp:
    """One document timestamp of the chain, read from the file (not validated here)."""

    revision: int
    time: datetime
    tsa: str
    tsa_not_after: datetime  # the timestamp can be validated up to this moment

    def to_json(self) -> dict[str, Any]:
        return {
            "revision": self.revision,
            "time": self.time.isoformat(),
            "tsa": self.tsa,
            "tsa_not_after": self.tsa_not_after.isoformat(),
        }


@dataclass(frozen=True)
class ArchiveResult:
    data: bytes
    sha256: str
    timestamps: tuple[DocumentTimestamp, ...]

    @property
    def holds_until(self) -> datetime:
        """Until when the timestamp chain holds without a new timestamp."""
        return self.timestamps[-1].tsa_not_after


@dataclass(frozen=True)
class LtaVerdict:
    """One signature validated as of a moment (PAdES-LTA with proofs of existence)."""

    field: str
    ok: bool
    indication: str  # 通过, or why not, in words
    message: str | None
    proven_at: datetime | None  # the document timestamp that proves the signature existed

    def to_json(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "ok": self.ok,
            "indication": self.indication,
            "message": self.message,
            "proven_at": self.proven_at.isoformat() if self.proven_at else None,
        }


@dataclass(frozen=True)
class ArchiveCheck:
    at: datetime
    signatures: tuple[LtaVerdict, ...]
    timestamps: tuple[DocumentTimestamp, ...]
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return bool(self.signatures) and not self.problems and all(s.ok for s in self.signatures)

    @property
    def holds_until(self) -> datetime | None:
        return self.timestamps[-1].tsa_not_after if self.timestamps else None

    def to_json(self) -> dict[str, Any]:
        return {
            "at": self.at.isoformat(),
            "ok": self.ok,
            "archived": bool(self.timestamps),
            "holds_until": self.holds_until.isoformat() if self.holds_until else None,
            "timestamps": [t.to_json() for t in self.timestamps],
            "problems": list(self.problems),
            "signatures": [s.to_json() for s in self.signatures],
        }


def _asn1(certs: Sequence[x509.Certificate]) -> list[asn1_x509.Certificate]:
    der = serialization.Encoding.DER
    return [asn1_x509.Certificate.load(c.public_bytes(der)) for c in certs]


def _reader(data: bytes) -> PdfFileReader:
    try:
        return PdfFileReader(io.BytesIO(data))
    except (PdfError, ValueError, KeyError, TypeError) as error:
        raise SigningError(
            "无法读取 PDF（文件可能不完整或已损坏）：{error}", error=error
        ) from error


def timestamps_of(data: bytes) -> tuple[DocumentTimestamp, ...]:
    """The document timestamps of a PDF, oldest first (empty: not archived)."""
    return timestamps_of_reader(_reader(data))


def timestamps_of_reader(reader: PdfFileReader) -> tuple[DocumentTimestamp, ...]:
    out = []
    for ts in sorted(reader.embedded_timestamp_signatures, key=lambda s: s.signed_revision):
        cert = ts.signer_cert
        out.append(
            DocumentTimestamp(
                revision=ts.signed_revision,
                time=_tst_time(ts),
                tsa=cert.subject.human_friendly,
                tsa_not_after=cert["tbs_certificate"]["validity"]["not_after"].native,
            )
        )
    return tuple(out)


def _context(roots: Sequence[x509.Certificate], now: datetime) -> ValidationContext:
    """A context that fetches what the certificates name (OCSP, CRL) as of ``now``."""
    return ValidationContext(
        trust_roots=_asn1(roots),
        allow_fetching=True,
        revocation_mode="require",
        moment=now,
        best_signature_time=now,
        # an OCSP answer dated a moment after our clock (the responder's clock ahead) is still
        # the CA's answer of now
        retroactive_revinfo=True,
    )


def _timestamper(tsa_url: str, timeout: int) -> HTTPTimeStamper:
    return HTTPTimeStamper(tsa_url, timeout=timeout)


async def _archive(
    data: bytes, tsa_url: str, roots: Sequence[x509.Certificate], now: datetime, timeout: int
) -> bytes:
    reader = _reader(data)
    signatures = reader.embedded_regular_signatures
    context = _context(roots, now)
    try:
        paths = []
        for signature in signatures:
            paths += await collect_validation_info(signature, context)
        writer = IncrementalPdfFileWriter(io.BytesIO(data))
        DocumentSecurityStore.supply_dss_in_writer(
            writer, None, paths=paths, validation_context=context
        )
        out = io.BytesIO()
        writer.write(out)
        stamper = PdfTimeStamper(_timestamper(tsa_url, timeout), field_name=_ts_field(reader))
        result = await stamper.async_timestamp_pdf(
            IncrementalPdfFileWriter(out), DIGEST, validation_context=context, output=io.BytesIO()
        )
        return bytes(result.getbuffer())
    finally:
        await context.aclose()


def _ts_field(reader: PdfFileReader) -> str:
    return f"Archive-{len(reader.embedded_timestamp_signatures) + 1}"


def _refuse(error: Exception, tsa_url: str) -> SigningError:
    """What went wrong with the services, in the user's words."""
    if isinstance(error, PathBuildingError):
        return SigningError(
            "签名者证书不能追溯到医保局 CA（信任列表），不能归档：{error}", error=error
        )
    if isinstance(error, PathValidationError):
        return SigningError(
            "证书验证失败（已吊销、已过期或取不到吊销信息），不能归档：{error}", error=error
        )
    if isinstance(error, _NETWORK_ERRORS):
        return SigningError(
            "无法连接时间戳服务或吊销信息服务（{url}）：{error}", url=tsa_url, error=error
        )
    return SigningError("归档失败：{error}", error=error)


def _finish(original: bytes, archived: bytes) -> ArchiveResult:
    if not archived.startswith(original):  # pyHanko always appends; the custody hash needs it
        raise SigningError("内部错误：归档后原文件内容不再是新文件的开头")
    return ArchiveResult(archived, hashlib.sha256(archived).hexdigest(), timestamps_of(archived))


def archive_pdf(
    data: bytes,
    *,
    tsa_url: str,
    roots: Sequence[x509.Certificate],
    now: datetime | None = None,
    timeout: int = TIMEOUT,
) -> ArchiveResult:
    """The PAdES B-LTA version of a signed PDF (DSS, document timestamp, the timestamp's DSS),
    appended to ``data``. ``roots`` are the bureau's CA certificates; every signer must chain
    to them with revocation data available. ``now`` is for tests (the services' clock).

    The file must verify first (:func:`inspector.signing.verify.verify_pdf_data`): a tampered
    file is not archived. A file already archived is refused (extend it with
    :func:`retimestamp_pdf`)."""
    from pathlib import Path

    from inspector.signing.verify import verify_pdf_data

    report = verify_pdf_data(data, Path("archive.pdf"), roots=roots)
    if not report.ok:
        reasons = list(report.problems) + [e for s in report.signatures for e in s.errors]
        raise SigningError("文件验证未通过，不能归档：{reasons}", reasons="；".join(reasons))
    if not report.trusted:
        raise SigningError("签名者证书不能追溯到医保局 CA（信任列表），不能归档")
    if timestamps_of(data):
        raise SigningError("文件已经归档（有文档时间戳）：请用年度续签时间戳延续")
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    try:
        archived = asyncio.run(_archive(data, tsa_url, roots, moment, timeout))
    except (HankoSigningError, SignatureValidationError, PdfError, ValueError, *_NETWORK_ERRORS,
            PathBuildingError, PathValidationError) as error:  # fmt: skip
        raise _refuse(error, tsa_url) from error
    return _finish(data, archived)


async def _retimestamp(
    data: bytes, tsa_url: str, roots: Sequence[x509.Certificate], now: datetime, timeout: int
) -> bytes:
    reader = _reader(data)
    context = _context(roots, now)
    try:
        stamper = PdfTimeStamper(_timestamper(tsa_url, timeout), field_name=_ts_field(reader))
        result = await stamper.async_update_archival_timestamp_chain(
            reader, context, in_place=False, output=io.BytesIO()
        )
        return bytes(result.getbuffer())
    finally:
        await context.aclose()


def retimestamp_pdf(
    data: bytes,
    *,
    tsa_url: str,
    roots: Sequence[x509.Certificate],
    now: datetime | None = None,
    timeout: int = TIMEOUT,
) -> ArchiveResult:
    """Extend the timestamp chain of an archived PDF before the last TSA certificate expires:
    the last timestamp's validation data into the DSS, then a new document timestamp."""
    if not timestamps_of(data):
        raise SigningError("文件还没有归档（没有文档时间戳）：请先归档")
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    try:
        archived = asyncio.run(_retimestamp(data, tsa_url, roots, moment, timeout))
    except (HankoSigningError, SignatureValidationError, PdfError, ValueError, *_NETWORK_ERRORS,
            PathBuildingError, PathValidationError) as error:  # fmt: skip
        raise _refuse(error, tsa_url) from error
    return _finish(data, archived)


def _dss_context(
    reader: PdfFileReader,
    roots: Sequence[x509.Certificate],
    moment: datetime,
    fetch: bool,
) -> ValidationContext:
    """Validation as of ``moment`` with the DSS's certificates, OCSP answers and CRLs, revocation
    data required (an archive that cannot show a certificate was not revoked proves nothing);
    ``fetch``: the CA's services may be asked too (only for the last timestamp, at the time of
    the validation, as its validator then would)."""
    kwargs: dict[str, Any] = {
        "trust_roots": _asn1(roots),
        "moment": moment,
        "allow_fetching": fetch,
        "revocation_mode": "require",
    }
    try:
        return DocumentSecurityStore.read_dss(reader).as_validation_context(kwargs)
    except NoDSSFoundError:
        return ValidationContext(**kwargs)


def _tst_time(ts: EmbeddedPdfSignature) -> datetime:
    return ts.signed_data["encap_content_info"]["content"].parsed["gen_time"].native


async def _validate(
    reader: PdfFileReader, roots: Sequence[x509.Certificate], at: datetime, online: bool
) -> ArchiveCheck:
    """PAdES-LTA (ETSI EN 319 102-1, validation with proofs of existence) on pyHanko's
    primitives: the last document timestamp is validated at ``at``; each earlier one at the
    time of the next (which proves it and its validation data existed then); each signature at
    the time of the first document timestamp after it, with the DSS's revocation data of then.
    pyHanko's own ``ades_lta_validation`` asks for a signature timestamp (PAdES B-T inside the
    signature), which a signature made offline cannot get without changing its signed bytes."""
    signatures = sorted(reader.embedded_regular_signatures, key=lambda s: s.signed_revision)
    stamps = sorted(reader.embedded_timestamp_signatures, key=lambda s: s.signed_revision)
    contexts: list[ValidationContext] = []
    chain_problems: list[str] = []
    try:
        # The timestamp chain, newest first: each proves the ones before it.
        moments = [_tst_time(ts) for ts in stamps[1:]] + ([at] if stamps else [])
        for number, (ts, moment) in enumerate(zip(stamps, moments, strict=True), start=1):
            context = _dss_context(reader, roots, moment, fetch=online and ts is stamps[-1])
            contexts.append(context)
            try:
                ts_status = await async_validate_pdf_timestamp(ts, context)
            except Exception as error:  # a crafted file can make pyHanko raise many kinds
                chain_problems.append(f"第 {number} 个文档时间戳无法验证：{error}")
                continue
            if not (ts_status.intact and ts_status.valid and ts_status.trusted):
                chain_problems.append(
                    f"第 {number} 个文档时间戳在 {moment:%Y-%m-%d} 不能验证"
                    f"（{_status_reason(ts_status)}）"
                )
            elif ts_status.modification_level not in LTA_ONLY:
                chain_problems.append(f"第 {number} 个文档时间戳之后文档被修改（不只是归档数据）")
        verdicts = []
        for signature in signatures:
            later = [ts for ts in stamps if ts.signed_revision > signature.signed_revision]
            moment = _tst_time(later[0]) if later and not chain_problems else at
            context = _dss_context(reader, roots, moment, fetch=online and not later)
            contexts.append(context)
            try:
                status = await async_validate_pdf_signature(signature, context)
            except Exception as error:  # a crafted file can make pyHanko raise many kinds
                verdicts.append(
                    LtaVerdict(str(signature.field_name), False, str(error), None, None)
                )
                continue
            # After the last signature only the archive's revisions; after an earlier one the
            # later signatures too (FORM_FILLING: their fields; the rest is revisions.py's).
            allowed = LTA_ONLY if signature is signatures[-1] else ALLOWED_LEVELS
            ok = bool(
                status.intact
                and status.valid
                and status.trusted
                and status.modification_level in allowed
            )
            verdicts.append(
                LtaVerdict(
                    field=str(signature.field_name),
                    ok=ok and not chain_problems,
                    indication=_status_reason(status) if not ok else "通过",
                    message=None,
                    proven_at=moment if later and not chain_problems else None,
                )
            )
    finally:
        for context in contexts:
            await context.aclose()
    timestamps = timestamps_of_reader(reader)
    return ArchiveCheck(
        at=at,
        signatures=tuple(verdicts),
        timestamps=timestamps,
        problems=tuple(chain_problems),
    )


def _status_reason(status: Any) -> str:
    if not status.intact:
        return "摘要不符，内容被改动"
    if not status.valid:
        return "签名值无效"
    if not status.trusted:
        return "证书在该时间不能验证（已过期、已吊销、没有吊销信息或不能追溯到医保局 CA）"
    level = getattr(status, "modification_level", None)
    if level is not None and level not in LTA_ONLY:
        return f"签名之后文档被修改（{level.name}）"
    return "未通过"


def validate_archived(
    data: bytes, *, roots: Sequence[x509.Certificate], at: datetime, online: bool = True
) -> ArchiveCheck:
    """Every signature of ``data`` validated as of ``at`` (aware), revocation data required.
    A B-B file at a date after its certificates expired fails here; a B-LTA file whose
    timestamp chain holds at ``at`` passes."""
    return asyncio.run(_validate(_reader(data), roots, at.astimezone(UTC), online))


def parse_at(text: str) -> datetime:
    """``--at``: a date (its start, local time) or a date and time (ISO 8601), made aware."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError as error:
        raise InvalidInput(
            "验证时间“{text}”应写成 YYYY-MM-DD 或 YYYY-MM-DDTHH:MM", text=text
        ) from error
    return moment.astimezone() if moment.tzinfo is None else moment
