"""Records that last, on the central service: each signed PDF a laptop pushes (现场检查记录,
询问笔录, 整改通知书, 封存/移送 documents, case documents: ``TABLES``) is validated and given its
PAdES B-LTA version (inspector/signing/archive.py: the DSS with the bureau CA's OCSP answers or
CRLs, an RFC 3161 document timestamp from the bureau's TSA). The pushed file is kept as it came
(the custody chain's SHA-256 names it); the archived version is a new file in the store of which
the pushed one is a prefix.

The push lands whatever the archive does: with no TSA configured, or the TSA or the CA's
services not answering, the record is 未归档 (``pending``, with the reason) and ``server
archive`` archives it later. ``server retimestamp`` (yearly) extends the timestamp chain of
every archived record whose last timestamp's TSA certificate expires within N days.

Why: a signed record is evidence that must still be shown reliable after the inspectors'
certificates expired (电子签名法 第十三条、第十四条; ETSI EN 319 142-1, PAdES B-LTA)."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography import x509
from sqlalchemy import Connection, and_, or_, select, update
from sqlalchemy.dialects.postgresql import insert

from inspector.central import schema as s
from inspector.errors import InspectorError, InvalidInput
from inspector.signing.archive import ArchiveResult, archive_pdf, retimestamp_pdf
from inspector.signing.errors import SigningError
from inspector.signing.keystore import load_certificates

if TYPE_CHECKING:
    from inspector.central.service import Central

log = logging.getLogger(__name__)

TSA_ENV = "INSPECTOR_CENTRAL_TSA_URL"
ROOTS_ENV = "INSPECTOR_CENTRAL_ARCHIVE_ROOTS"
PENDING = "pending"  # 未归档
ARCHIVED = "archived"
STATE_WORDS = {PENDING: "未归档", ARCHIVED: "已归档（PAdES B-LTA）"}
RETIMESTAMP_DAYS = 365


@dataclass(frozen=True)
class ArchiveSettings:
    """The server's configuration: its TSA's URL (None: none configured, records wait as
    未归档) and the CA certificates the signers and the TSA must chain to (the bureau's CA,
    and the TSA's CA when it is another). The OCSP and CRL addresses are those the
    certificates name (the CA's services): the server must be able to reach them."""

    tsa_url: str | None
    roots: tuple[x509.Certificate, ...]
    timeout: int = 30


def settings(tsa_url: str | None, roots_file: str | None) -> ArchiveSettings:
    """From the command line or the environment (docs/deployment.md)."""
    tsa_url = (tsa_url or os.environ.get(TSA_ENV) or "").strip() or None
    roots_file = roots_file or os.environ.get(ROOTS_ENV)
    roots: list[x509.Certificate] = []
    if roots_file:
        try:
            roots = load_certificates(Path(roots_file).read_bytes())
        except OSError as error:
            raise InvalidInput(
                "无法读取归档用的 CA 证书文件 {path}：{error}",
                path=roots_file,
                error=error.strerror or error,
            ) from error
    if tsa_url and not roots:
        raise InvalidInput("配置了时间戳服务，但没有给出医保局 CA 证书（--archive-roots）")
    return ArchiveSettings(tsa_url, tuple(roots))


def _now() -> datetime:
    return datetime.now(UTC)


# What a signed PDF is, table by table: the row's ``sha256`` names the PDF in the store; a
# record is signed once a record_signatures row names that file, an order, an enforcement
# document or a case document once ``signed_by`` is set (a case document: by its last signer,
# every signature it takes made; inspector/cases/documents.py).
SIGNED_BY_TABLES = ("rectification_orders", "enforcement_documents", "case_documents")
TABLES = ("records", *SIGNED_BY_TABLES)
TABLE_WORDS = {
    "records": "记录",
    "rectification_orders": "整改通知书",
    "enforcement_documents": "执法文书",
    "case_documents": "案件文书",
}


def _signed_rows(inspections: Iterable[str] | None, bundle_id: str | None) -> Any:
    """The rows of TABLES whose file is signed and not known to the archive yet."""
    r = s.rows.c
    signatures = s.rows.alias("signatures")
    signed_records = select(signatures.c.data["pdf_sha256"].astext).where(
        signatures.c.table_name == "record_signatures"
    )
    signed_by = r.data["signed_by"].astext
    query = select(r.table_name, r.inspection_id, r.data).where(
        r.deleted.is_(False),
        or_(
            and_(r.table_name == "records", r.data["sha256"].astext.in_(signed_records)),
            and_(r.table_name.in_(SIGNED_BY_TABLES), signed_by.is_not(None), signed_by != ""),
        ),
        r.data["sha256"].astext.not_in(select(s.archived_pdfs.c.source_sha256)),
    )
    if inspections is None:
        return query
    ids = sorted(set(inspections))
    # a case opened from a lead has no inspection: its documents are those this push wrote
    # (asked among the rows without one, so that both branches use ix_rows_inspection_id)
    mine = [r.inspection_id.in_(ids)] if ids else []
    if bundle_id is not None:
        mine.append(and_(r.inspection_id.is_(None), r.bundle_id == bundle_id))
    return query.where(or_(*mine)) if mine else None


def note_pushed(
    c: Connection, inspections: Iterable[str] | None, bundle_id: str | None = None
) -> list[str]:
    """Every signed PDF (TABLES) of these inspections, or written by the push ``bundle_id``
    (None and None: of all), not known yet, as 未归档. Returns their SHA-256."""
    query = _signed_rows(inspections, bundle_id)
    if query is None:
        return []
    added: list[str] = []
    now = _now()
    for table, inspection_id, data in c.execute(query).all():
        sha = str(data["sha256"])
        if sha in added:
            continue
        c.execute(
            insert(s.archived_pdfs)
            .values(
                source_sha256=sha,
                inspection_id=inspection_id,
                table_name=table,
                document_id=str(data["id"]),
                state=PENDING,
                timestamps=0,
                reason="尚未归档",
                updated_at=now,
            )
            .on_conflict_do_nothing()  # another node noted it at the same moment
        )
        added.append(sha)
    return added


def after_push(central: Central, summary: dict[str, Any]) -> None:
    """After a push is committed: its signed records noted, and archived now when the TSA is
    configured. Nothing here may undo or fail the push: a failure leaves them 未归档 (and
    ``server archive`` finds what was not even noted, from the rows)."""
    try:
        with central.engine.begin() as c:
            added = note_pushed(
                c, summary.get("inspections") or [], str(summary.get("bundle_id") or "") or None
            )
        config = central.archive_settings
        if added and config is not None and config.tsa_url:
            archive_pending(central, config, only=added)
    except Exception:  # the push is committed: say what failed in the log, answer the push
        log.exception("archiving the records of push %s failed", summary.get("bundle_id"))


def _read(central: Central, sha256: str) -> bytes:
    with central.store.open(sha256, ".pdf") as handle:
        return handle.read()


def _kept(central: Central, c: Connection, source: str, result: ArchiveResult) -> None:
    archived = central.store.put(result.data, ".pdf")
    row = c.execute(select(s.archived_pdfs).where(s.archived_pdfs.c.source_sha256 == source)).one()
    c.execute(
        update(s.archived_pdfs)
        .where(s.archived_pdfs.c.source_sha256 == source)
        .values(
            state=ARCHIVED,
            archived_sha256=archived,
            timestamps=len(result.timestamps),
            last_timestamp_at=result.timestamps[-1].time,
            holds_until=result.holds_until,
            reason=None,
            updated_at=_now(),
        )
    )
    central._event(
        c,
        "record.archive" if row.state == PENDING else "record.retimestamp",
        None,
        row.inspection_id,
        table=row.table_name,
        document=row.document_id,
        source_sha256=source,
        archived_sha256=archived,
        timestamps=len(result.timestamps),
        holds_until=result.holds_until.isoformat(),
    )


def _failed(c: Connection, source: str, error: InspectorError) -> None:
    c.execute(
        update(s.archived_pdfs)
        .where(s.archived_pdfs.c.source_sha256 == source)
        .values(reason=str(error)[:2000], updated_at=_now())
    )


def archive_pending(
    central: Central,
    config: ArchiveSettings,
    *,
    only: Iterable[str] | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """Archive every 未归档 record (or those of ``only``): each in its own transaction, a
    failure kept as the reason and the record left pending. ``now`` is for tests."""
    if not config.tsa_url:
        raise InvalidInput("没有配置时间戳服务（--tsa-url 或 {env}），不能归档", env=TSA_ENV)
    if only is None:
        with central.engine.begin() as c:  # records pushed before archiving was set up
            note_pushed(c, None)
    query = select(s.archived_pdfs.c.source_sha256).where(s.archived_pdfs.c.state == PENDING)
    if only is not None:
        query = query.where(s.archived_pdfs.c.source_sha256.in_(sorted(set(only))))
    with central.engine.connect() as c:
        pending = list(c.scalars(query.order_by(s.archived_pdfs.c.updated_at)))
    done, failed = _each(central, config, archive_pdf, [(s, s) for s in pending], now)
    return {"archived": done, "failed": failed}


def retimestamp_due(
    central: Central,
    config: ArchiveSettings,
    *,
    days: int = RETIMESTAMP_DAYS,
    now: datetime | None = None,
) -> dict[str, Any]:
    """The yearly run: every archived record whose last TSA certificate expires within
    ``days`` gets a new document timestamp (after the last one's validation data)."""
    if not config.tsa_url:
        raise InvalidInput("没有配置时间戳服务（--tsa-url 或 {env}），不能续签时间戳", env=TSA_ENV)
    if days <= 0:
        raise InvalidInput("天数应大于 0")
    moment = (now or _now()).astimezone(UTC)
    with central.engine.connect() as c:
        due = c.execute(
            select(s.archived_pdfs.c.source_sha256, s.archived_pdfs.c.archived_sha256)
            .where(
                s.archived_pdfs.c.state == ARCHIVED,
                s.archived_pdfs.c.holds_until < moment + timedelta(days=days),
            )
            .order_by(s.archived_pdfs.c.holds_until)
        ).all()
    done, failed = _each(central, config, retimestamp_pdf, [tuple(r) for r in due], now)
    return {"retimestamped": done, "failed": failed}


def _each(
    central: Central,
    config: ArchiveSettings,
    step: Callable[..., ArchiveResult],
    files: list[tuple[str, str]],
    now: datetime | None,
) -> tuple[list[str], list[dict[str, str]]]:
    """``step`` (archive or re-timestamp) on each (pushed file, file to extend), each in its
    own transaction: a failure is kept as the reason and the file stays as it was."""
    done: list[str] = []
    failed: list[dict[str, str]] = []
    for source, current in files:
        try:
            result = step(
                _read(central, current),
                tsa_url=config.tsa_url,
                roots=config.roots,
                now=now,
                timeout=config.timeout,
            )
        except (SigningError, InvalidInput, OSError) as error:
            problem = error if isinstance(error, InspectorError) else SigningError(str(error))
            with central.engine.begin() as c:
                _failed(c, source, problem)
            failed.append({"sha256": source, "reason": str(problem)})
            continue
        with central.engine.begin() as c:
            _kept(central, c, source, result)
        done.append(source)
    return done, failed


def _state(row: Any) -> dict[str, Any]:
    return {
        "table": row.table_name,
        "document_id": row.document_id,
        "state": row.state,
        "state_text": STATE_WORDS.get(row.state, row.state),
        "archived_sha256": row.archived_sha256,
        "timestamps": row.timestamps,
        "holds_until": row.holds_until.isoformat() if row.holds_until else None,
        "reason": row.reason,
    }


def states(central: Central, inspection_id: str) -> dict[str, dict[str, Any]]:
    """The archive state of an inspection's signed PDFs (records, orders, enforcement and case
    documents), by the pushed file's SHA-256."""
    with central.engine.connect() as c:
        found = c.execute(
            select(s.archived_pdfs).where(s.archived_pdfs.c.inspection_id == inspection_id)
        ).all()
    return {row.source_sha256: _state(row) for row in found}


def signed_documents(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The signed orders, enforcement and case documents of an inspection's ``show`` data, as
    the office page lists them (id, sha256, what it is)."""
    from inspector.enforcement.measures import DOCUMENT_KINDS

    enforcement_words = {
        **{k: f"执法文书（{v}）" for k, v in DOCUMENT_KINDS.items()},
        "referral-letter": "案件移送书",
        "referral-list": "案卷清单",
    }
    out = []
    for table in SIGNED_BY_TABLES:
        for row in data["rows"].get(table, []):
            if not row.get("signed_by"):
                continue
            number = row.get("order_no") or row.get("document_no") or row.get("doc_no") or ""
            title = str(row.get("title") or TABLE_WORDS[table])
            if table == "enforcement_documents":
                title = str(enforcement_words.get(str(row.get("kind")), title))
            out.append(
                {
                    "id": str(row["id"]),
                    "sha256": str(row.get("sha256")),
                    "table": table,
                    "title": title,
                    "number": number,
                }
            )
    return out


def archived_pdf(central: Central, data: dict[str, Any], document_id: str) -> bytes:
    """The archived (B-LTA) version of a signed record or document as the inspection's
    ``show`` data holds it now."""
    for table in TABLES:
        for row in data["rows"].get(table, []):
            if row["id"] == document_id:
                state = states(central, data["inspection"]["id"]).get(str(row.get("sha256")))
                if state and state["archived_sha256"]:
                    return _read(central, state["archived_sha256"])
    raise InspectorError("这份记录还没有归档版本：{id}", id=document_id)


def archived_document(central: Central, document_id: str) -> tuple[dict[str, Any], bytes]:
    """The archived version of a signed record or document by its id (or a unique prefix),
    whatever inspection it belongs to or none (a case opened from a lead): the version of
    the file the server holds now. Returns its archive state and the PDF."""
    wanted = document_id.strip().lower()
    if len(wanted) < 4:
        raise InvalidInput("文书编号至少 4 个字符：{id}", id=document_id)
    r = s.rows.c
    with central.engine.connect() as c:
        found = c.execute(
            select(r.table_name, r.data).where(
                r.table_name.in_(TABLES),
                r.deleted.is_(False),
                r.data["id"].astext.startswith(wanted, autoescape=True),
            )
        ).all()
        ids = {str(data["id"]) for _table, data in found}
        if len(ids) > 1:
            raise InvalidInput("文书编号 {id} 不唯一，请多写几位", id=document_id)
        row = None
        if found:
            row = c.execute(
                select(s.archived_pdfs).where(
                    s.archived_pdfs.c.source_sha256 == str(found[0].data.get("sha256"))
                )
            ).first()
    if row is None or not row.archived_sha256:
        raise InspectorError("这份记录还没有归档版本：{id}", id=document_id)
    return _state(row), _read(central, row.archived_sha256)
