"""Making a bundle: the rows of the inspections chosen (or of everything, or of what changed
since the last export to a receiver), the files they name, a manifest of every member with
its SHA-256 and size, and the manifest's signature. Streamed to disk: no file and no table is
held whole in memory; the bundle is written under a temporary name and renamed when whole."""

from __future__ import annotations

import hashlib
import io
import json
import os
import stat
import time
import uuid
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import ColumnElement, and_, false, func, or_, select, true
from sqlalchemy.orm import Session

from inspector import __version__
from inspector.bundle import rows
from inspector.bundle.devices import heads_for_export
from inspector.bundle.format import FORMAT, MANIFEST, SIGNATURE, VERSION
from inspector.bundle.rules import CASE_PARTS
from inspector.bundle.signature import sign_manifest
from inspector.db.models import (
    AuditEvent,
    BundleExport,
    Evidence,
    Inspection,
    Inspector,
    Setting,
)
from inspector.errors import InvalidInput, StorageError
from inspector.evidence.manage import stored_files
from inspector.evidence.store import disk_message
from inspector.files import fsync_dir
from inspector.inspections import resolve_id
from inspector.progress import Cancelled, NullReporter, Reporter, check_cancel
from inspector.signing.keystore import KeyStore, UnlockedKey
from inspector.workspace import Workspace

CHUNK = 1 << 20
BATCH = 500
_FILE_MODE = (stat.S_IFREG | 0o644) << 16


@dataclass
class ExportResult:
    path: Path
    bundle_id: str
    manifest_sha256: str
    size: int
    counts: dict[str, int]
    files: int
    signer: dict[str, Any]
    requires: int  # evidence files the receiver already has (an incremental bundle)


@dataclass
class _Member:
    name: str
    sha256: str
    size: int


@dataclass
class _Plan:
    """What goes in: the inspections in scope (None: all) and the change numbers after which
    a row counts as changed (None: every row)."""

    scope: set[str] | None
    since: dict[str, int] | None
    registry: bool  # institutions and inspectors not referred to, draws, conflicts
    files: set[tuple[str, str]] = field(default_factory=set)  # (sha, suffix) to copy in
    requires: set[tuple[str, str]] = field(default_factory=set)
    records: dict[str, tuple[str, int]] = field(default_factory=dict)  # path -> (sha, size)


def heads(session: Session) -> dict[str, int]:
    """Each device's last change number in this laptop's log: how far it knows every laptop."""
    return {
        device: int(seq)
        for device, seq in session.execute(
            select(AuditEvent.device_id, func.max(AuditEvent.seq)).group_by(AuditEvent.device_id)
        )
    }


def marks_since(ws: Workspace, since: str) -> dict[str, int]:
    """The change numbers of the last export to a receiver (by the name given with ``--to``),
    or of an earlier bundle file."""
    path = Path(since)
    if path.suffix.lower() == ".zip" and path.is_file():
        from inspector.bundle.format import MAX_MANIFEST_SIZE, open_zip, read_member

        with open_zip(path) as archive:
            manifest = json.loads(read_member(archive, MANIFEST, MAX_MANIFEST_SIZE))
        return {str(k): int(v) for k, v in (manifest.get("heads") or {}).items()}
    with ws.db.session() as session:
        row = session.scalars(
            select(BundleExport)
            .where(BundleExport.receiver == since.strip())
            .order_by(BundleExport.created_at.desc())
            .limit(1)
        ).first()
        if row is None:
            raise InvalidInput(
                "没有导出给“{receiver}”的交接包记录："
                "第一次请不带 --since 导出（用 --to 记下接收方）",
                receiver=since,
            )
        return {str(k): int(v) for k, v in row.heads.items()}


def _changed(columns: Any, since: dict[str, int] | None) -> ColumnElement[bool]:
    """Rows whose last change (device, number) came after ``since``."""
    if since is None:
        return true()
    device, seq = columns
    known = [and_(device == d, seq > s) for d, s in since.items()]
    return or_(and_(device.is_not(None), device.not_in(list(since)) if since else true()), *known)


def _stamp(name: str) -> tuple[Any, Any]:
    t = rows.table(name)
    if name == "tombstones":
        return t.c.device_id, t.c.change_seq
    if name == "audit_events":
        return t.c.device_id, t.c.seq
    return t.c.change_device_id, t.c.change_seq


def _in(column: Any, ids: set[str] | None) -> ColumnElement[bool]:
    if ids is None:
        return true()
    return column.in_(sorted(ids)) if ids else false()


def _amended(session: Session, ids: set[str]) -> set[str]:
    """The inspections and every one they amend (an amendment needs its original)."""
    found = set(ids)
    todo = set(ids)
    while todo:
        more = set(
            session.scalars(
                select(Inspection.amends_id).where(
                    Inspection.id.in_(sorted(todo)), Inspection.amends_id.is_not(None)
                )
            )
        )
        todo = more - found
        found |= more
    return found


def _plan(session: Session, inspections: list[str] | None, since: dict[str, int] | None) -> _Plan:
    chosen: set[str] | None = None
    if inspections:
        chosen = {resolve_id(session, text).id for text in inspections}
    if since is None:
        scope = None if chosen is None else _amended(session, chosen)
        return _Plan(scope=scope, since=None, registry=chosen is None)
    # Incremental: the inspections any changed row belongs to.
    touched: set[str] = set()
    for name in rows.TABLES:
        t = rows.table(name)
        if name == "inspections":
            column = t.c.id
        elif "inspection_id" in t.c and name not in ("audit_events", "inspection_members"):
            column = t.c.inspection_id
        else:
            continue
        if name == "checklist_snapshots":
            continue
        query = select(column).distinct().where(_changed(_stamp(name), since))
        if name != "tombstones":
            query = query.where(column.is_not(None))
        touched.update(v for v in session.scalars(query) if v)
    # A case's rows name their case; the case names its inspection (a case from a lead none).
    cases = rows.table("cases")
    for name in CASE_PARTS:
        part = rows.table(name)
        changed_cases = select(part.c.case_id).where(_changed(_stamp(name), since))
        touched.update(
            v
            for v in session.scalars(
                select(cases.c.inspection_id).where(cases.c.id.in_(changed_cases))
            )
            if v
        )
    # A tombstone of an inspection's row names it; the inspection itself may be gone.
    existing = set(session.scalars(select(Inspection.id).where(Inspection.id.in_(sorted(touched)))))
    if chosen is not None:
        existing &= chosen
    return _Plan(scope=_amended(session, existing), since=since, registry=chosen is None)


def _queries(session: Session, plan: _Plan) -> Iterator[tuple[str, Any]]:
    """(table, select) for each table, in :data:`rows.TABLES` order."""
    scope = plan.scope
    since = plan.since
    t = rows.table
    insp = t("inspections")
    in_scope = select(insp.c.id).where(_in(insp.c.id, scope))
    for name in rows.TABLES:
        table = t(name)
        query = select(table)
        if name == "inspections":
            query = query.where(_in(table.c.id, scope))
        elif name == "institutions":
            referred = table.c.id.in_(select(insp.c.institution_id).where(_in(insp.c.id, scope)))
            extra = _changed(_stamp(name), since) if plan.registry else false()
            query = query.where(or_(referred, extra))
        elif name == "inspectors":
            refs: list[Any] = [
                select(t("inspection_members").c.inspector_id).where(
                    t("inspection_members").c.inspection_id.in_(in_scope)
                ),
                select(t("evidence").c.added_by).where(t("evidence").c.inspection_id.in_(in_scope)),
                select(t("seal_items").c.added_by).where(
                    t("seal_items").c.inspection_id.in_(in_scope)
                ),
                select(t("handwritten_signatures").c.inspector_id).where(
                    t("handwritten_signatures").c.inspection_id.in_(in_scope)
                ),
                select(t("record_signatures").c.inspector_id).where(
                    t("record_signatures").c.record_id.in_(
                        select(t("records").c.id).where(t("records").c.inspection_id.in_(in_scope))
                    )
                ),
            ]
            extra = _changed(_stamp(name), since) if plan.registry else false()
            query = query.where(or_(*(table.c.id.in_(r) for r in refs), extra))
        elif name == "checklist_snapshots":
            query = query.where(
                table.c.sha256.in_(select(insp.c.snapshot_sha256).where(_in(insp.c.id, scope)))
            )
        elif name == "draws":
            referred = table.c.id.in_(select(insp.c.draw_id).where(_in(insp.c.id, scope)))
            extra = _changed(_stamp(name), since) if plan.registry else false()
            query = query.where(or_(referred, extra))
        elif name == "inspector_conflicts":
            query = query.where(_changed(_stamp(name), since) if plan.registry else false())
        elif name == "inspection_members":
            query = query.where(table.c.inspection_id.in_(in_scope))
        elif name == "record_signatures":
            query = query.where(
                table.c.record_id.in_(
                    select(t("records").c.id).where(t("records").c.inspection_id.in_(in_scope))
                ),
                _changed(_stamp(name), since),
            )
        elif name == "leads":
            # The leads the visits in scope verify; a whole push also carries the leads not
            # attached yet (the office sees what is open).
            checks = t("lead_checks")
            referred = table.c.id.in_(
                select(checks.c.lead_id).where(checks.c.inspection_id.in_(in_scope))
            )
            extra = (
                and_(table.c.inspection_id.is_(None), _changed(_stamp(name), since))
                if plan.registry
                else false()
            )
            query = query.where(or_(referred, extra))
        elif name == "case_actions":  # steps of the ledger rows of the inspections in scope
            entries = t("ledger_entries")
            query = query.where(
                table.c.entry_id.in_(
                    select(entries.c.id).where(entries.c.inspection_id.in_(in_scope))
                ),
                _changed(_stamp(name), since),
            )
        elif name == "cases":
            # A case of the inspections in scope; a case opened from a lead (no inspection)
            # belongs to the office's data, as a lead not attached yet does.
            query = query.where(_case_scope(table, in_scope, plan), _changed(_stamp(name), since))
        elif name in CASE_PARTS:  # a case's steps, measures, payments and documents
            cases = t("cases")
            query = query.where(
                table.c.case_id.in_(select(cases.c.id).where(_case_scope(cases, in_scope, plan))),
                _changed(_stamp(name), since),
            )
        elif name in ("referrals", "enforcement_documents"):
            # A referral of a case that came from no inspection belongs to the office's data.
            query = query.where(
                or_(
                    table.c.inspection_id.in_(in_scope),
                    and_(table.c.inspection_id.is_(None), true() if plan.registry else false()),
                ),
                _changed(_stamp(name), since),
            )
        elif name == "received_referrals":  # the office's register, like the registry's rows
            query = query.where(_changed(_stamp(name), since) if plan.registry else false())
        elif name == "tombstones":
            belongs = or_(
                table.c.inspection_id.in_(in_scope) if scope is not None else true(),
                and_(table.c.inspection_id.is_(None), true() if plan.registry else false()),
            )
            query = query.where(belongs, _changed(_stamp(name), since))
        elif name == "audit_events":
            # Every device's whole chain (or its part after ``since``): a chain cut to one
            # inspection's events could not be verified, nor the rows' change numbers.
            query = query.where(_changed(_stamp(name), since))
        else:
            query = query.where(table.c.inspection_id.in_(in_scope), _changed(_stamp(name), since))
        order = [table.c[c] for c in rows.primary_key(name)]
        if name == "custody_events":
            order = [table.c.inspection_id, table.c.device_id, table.c.seq]
        elif name == "audit_events":
            order = [table.c.device_id, table.c.seq]
        yield name, query.order_by(*order)


def _case_scope(cases: Any, in_scope: Any, plan: _Plan) -> ColumnElement[bool]:
    return or_(
        cases.c.inspection_id.in_(in_scope),
        and_(cases.c.inspection_id.is_(None), true() if plan.registry else false()),
    )


class _HashingWriter:
    def __init__(self, handle: IO[bytes]) -> None:
        self.handle = handle
        self.digest = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> None:
        self.handle.write(data)
        self.digest.update(data)
        self.size += len(data)


def _zinfo(name: str, compress: bool) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=time.gmtime()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    info.external_attr = _FILE_MODE
    return info


def _copy_in(
    archive: zipfile.ZipFile, name: str, source: IO[bytes], size: int, reporter: Reporter
) -> _Member:
    with archive.open(_zinfo(name, False), "w", force_zip64=size >= (1 << 31)) as out:
        writer = _HashingWriter(out)  # type: ignore[arg-type]
        while chunk := source.read(CHUNK):
            writer.write(chunk)
            check_cancel(reporter)
    return _Member(name, writer.digest.hexdigest(), writer.size)


def choose_key(ws: Workspace, key_id: str | None, passphrase: str | None) -> UnlockedKey:
    """The exporting inspector's key (``key_id`` with its passphrase), else this laptop's
    device key, which the manifest then says signed it."""
    store = KeyStore.of(ws)
    if key_id:
        if passphrase is None:
            raise InvalidInput("请提供密钥口令")
        return store.unlock(key_id, passphrase)
    return store.device_key(ws.db.device_id)


class _Sink:
    """Where a bundle's members go while it is made: a zip file (``bundle export``), or memory
    for the tables and nothing for the files (a push sends those from the stores)."""

    def __init__(self, archive: zipfile.ZipFile | None) -> None:
        self.archive = archive
        self.tables: dict[str, bytes] = {}

    @contextmanager
    def table(self, name: str) -> Iterator[IO[bytes]]:
        if self.archive is not None:
            with self.archive.open(_zinfo(name, True), "w", force_zip64=True) as out:
                yield out
            return
        buffer = io.BytesIO()
        yield buffer
        self.tables[name] = buffer.getvalue()


@dataclass
class _Made:
    bundle_id: str
    body: bytes  # the manifest
    signature: bytes
    heads: dict[str, int]
    since: dict[str, int] | None
    signer: dict[str, Any]
    preview: list[dict[str, Any]]
    counts: dict[str, int]
    plan: _Plan
    files: dict[str, tuple[str, str]]  # member → (sha256, suffix) of the evidence store


def _make(
    ws: Workspace,
    sink: _Sink,
    *,
    inspections: list[str] | None,
    marks: dict[str, int] | None,
    receiver: str | None,
    key: UnlockedKey,
    reporter: Reporter,
) -> _Made:
    """The rows into ``sink``, the files into its zip (if any; else only hashed by name: the
    receiver checks each against it), the manifest listing them all, signed by ``key``."""
    signer = _signer_facts(key)
    bundle_id = str(uuid.uuid4())
    counts: dict[str, int] = {}
    members: list[_Member] = []
    files: dict[str, tuple[str, str]] = {}
    with ws.db.session() as session:  # one read transaction: a consistent snapshot
        known = heads(session)
        plan = _plan(session, inspections, marks)
        preview = _write_tables(session, sink, plan, counts, members, reporter)
        exporter = _exporter(session, ws)
        device_heads = heads_for_export(session, ws.db.device_id, key)
    total = len(plan.files) + len(plan.records)
    reporter.start(total, "导出交接包")
    done = 0
    for sha, suffix in sorted(plan.files):
        check_cancel(reporter)
        name = f"evidence/{sha[:2]}/{sha}{suffix}"
        size = ws.store.size_of(sha, suffix)
        if sink.archive is None:
            files[name] = (sha, suffix)
            members.append(_Member(name, sha, size))
        else:
            with ws.store.open(sha, suffix) as source:
                member = _copy_in(sink.archive, name, source, size, reporter)
            if member.sha256 != sha:
                raise StorageError("证据文件已被改动，未导出：{sha256}", sha256=sha)
            members.append(member)
        done += 1
        reporter.advance(done, f"{sha[:12]}{suffix}")
    for path, (sha, size) in sorted(plan.records.items()):
        check_cancel(reporter)
        if sink.archive is None:
            members.append(_Member(path, sha, size))
        else:
            with ws.records.open(path) as source:
                member = _copy_in(sink.archive, path, source, size, reporter)
            if member.sha256 != sha:
                raise StorageError("记录文件已被改动，未导出：{name}", name=path)
            members.append(member)
        done += 1
        reporter.advance(done, path)
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "bundle_id": bundle_id,
        "created_at": datetime.now(UTC).isoformat(),
        "made_by": f"Inspector {__version__}",
        "exporter": exporter,
        "signer": signer,
        "receiver": receiver,
        "since": marks,
        "heads": known,
        "device_heads": device_heads,
        "inspections": preview,
        "counts": counts,
        "requires": [{"sha256": sha, "suffix": suffix} for sha, suffix in sorted(plan.requires)],
        "members": [
            {"name": m.name, "sha256": m.sha256, "size": m.size}
            for m in sorted(members, key=lambda m: m.name)
        ],
    }
    body = (json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode(
        "utf-8"
    )
    return _Made(
        bundle_id=bundle_id,
        body=body,
        signature=sign_manifest(body, key),
        heads=known,
        since=marks,
        signer=signer,
        preview=preview,
        counts=counts,
        plan=plan,
        files=files,
    )


def _log_export(ws: Workspace, made: _Made, receiver: str | None, file: str) -> None:
    with ws.change(None, "bundle.export") as ch:
        row = ch.add(
            BundleExport(
                bundle_id=made.bundle_id,
                receiver=receiver,
                manifest_sha256=hashlib.sha256(made.body).hexdigest(),
                heads=made.heads,
                since=made.since,
                signer=made.signer,
            )
        )
        ch.entity(row)
        ch.details.update(
            {
                "bundle_id": made.bundle_id,
                "receiver": receiver,
                "file": file,
                "inspections": len(made.preview),
                "files": len(made.plan.files) + len(made.plan.records),
                "signer": made.signer.get("name"),
            }
        )


def export_bundle(
    ws: Workspace,
    out: Path,
    *,
    inspections: list[str] | None = None,
    since: str | None = None,
    receiver: str | None = None,
    key: UnlockedKey | None = None,
    reporter: Reporter | None = None,
) -> ExportResult:
    """Write a bundle to ``out`` (see the module docstring). ``since``: a receiver's name (as
    given in ``receiver`` to an earlier export) or an earlier bundle; only what changed after
    it goes in. The export is entered in the log (``bundle.export``) with its receiver."""
    reporter = reporter or NullReporter()
    out = Path(out)
    if out.suffix.lower() != ".zip":
        raise InvalidInput("交接包的文件名应以 .zip 结尾：{path}", path=out)
    marks = marks_since(ws, since) if since else None
    key = key or choose_key(ws, None, None)
    temporary = out.with_name(f".{out.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        handle = temporary.open("wb")
    except OSError as error:
        raise StorageError(disk_message(error)) from error
    try:
        with handle, zipfile.ZipFile(handle, "w", allowZip64=True) as archive:
            made = _make(
                ws,
                _Sink(archive),
                inspections=inspections,
                marks=marks,
                receiver=receiver,
                key=key,
                reporter=reporter,
            )
            archive.writestr(_zinfo(MANIFEST, True), made.body)
            archive.writestr(_zinfo(SIGNATURE, False), made.signature)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, out)
        fsync_dir(out.parent)
    except (Cancelled, BaseException) as error:
        temporary.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise StorageError(disk_message(error)) from error
        raise
    _log_export(ws, made, receiver, out.name)
    return ExportResult(
        path=out,
        bundle_id=made.bundle_id,
        manifest_sha256=hashlib.sha256(made.body).hexdigest(),
        size=out.stat().st_size,
        counts=made.counts,
        files=len(made.plan.files) + len(made.plan.records),
        signer=made.signer,
        requires=len(made.plan.requires),
    )


@dataclass
class PreparedBundle:
    """A bundle that is not written anywhere (a push): its signed manifest, its rows in
    memory, and where each file member's bytes are kept, read (and decrypted) only when sent,
    so no plaintext copy of the laptop's evidence is made on its disk."""

    bundle_id: str
    manifest: bytes
    signature: bytes
    tables: dict[str, bytes]
    files: dict[str, tuple[str, str]]
    records: frozenset[str]  # members that are records, named as in the record store

    def open(self, ws: Workspace, name: str) -> IO[bytes]:
        if name in self.tables:
            return io.BytesIO(self.tables[name])
        if name in self.files:
            return ws.store.open(*self.files[name])
        if name in self.records:
            return ws.records.open(name)
        raise KeyError(name)


def prepare_bundle(
    ws: Workspace,
    *,
    inspections: list[str] | None = None,
    marks: dict[str, int] | None = None,
    receiver: str | None = None,
    key: UnlockedKey | None = None,
    reporter: Reporter | None = None,
) -> PreparedBundle:
    """A bundle as ``export_bundle`` makes it (``marks``: only what changed after these change
    numbers), but kept as a manifest and references for a push to send member by member."""
    sink = _Sink(None)
    made = _make(
        ws,
        sink,
        inspections=inspections,
        marks=marks,
        receiver=receiver,
        key=key or choose_key(ws, None, None),
        reporter=reporter or NullReporter(),
    )
    _log_export(ws, made, receiver, "push")
    return PreparedBundle(
        bundle_id=made.bundle_id,
        manifest=made.body,
        signature=made.signature,
        tables=sink.tables,
        files=made.files,
        records=frozenset(made.plan.records),
    )


def _signer_facts(key: UnlockedKey) -> dict[str, Any]:
    info = key.info
    return {
        "kind": "device" if info.kind == "device" else "inspector",
        "name": info.name,
        "cert_no": info.cert_no,
        "org": info.org,
        "key_id": info.key_id,
        "trial": info.trial,
        "fingerprint_sha256": info.fingerprint_sha256,
    }


def _exporter(session: Session, ws: Workspace) -> dict[str, Any]:
    actor = ws.actor
    person = session.scalar(select(Inspector).where(Inspector.cert_no == actor)) if actor else None
    bureau = session.scalar(select(Setting.value).where(Setting.key == "bureau"))
    return {
        "device_id": ws.db.device_id,
        "actor": actor,
        "actor_name": person.name if person else None,
        "district": person.district if person else None,
        "bureau": bureau,
    }


def _write_tables(
    session: Session,
    sink: _Sink,
    plan: _Plan,
    counts: dict[str, int],
    members: list[_Member],
    reporter: Reporter,
) -> list[dict[str, Any]]:
    preview: list[dict[str, Any]] = []
    added: set[str] = set()  # evidence whose "added"/"annotated" custody entry is in the bundle
    if plan.since is not None:
        custody = rows.table("custody_events")
        added = set(
            session.scalars(
                select(custody.c.evidence_id).where(
                    custody.c.event.in_(("added", "annotated")),
                    _in(custody.c.inspection_id, plan.scope),
                    _changed(_stamp("custody_events"), plan.since),
                )
            )
        )
    for name, query in _queries(session, plan):
        check_cancel(reporter)
        count = 0
        with sink.table(rows.member_name(name)) as out:
            writer = _HashingWriter(out)  # type: ignore[arg-type]
            for row in session.execute(query.execution_options(yield_per=BATCH)):
                data = rows.encode(name, row)
                writer.write(rows.line(data))
                count += 1
                if name == "evidence":
                    _evidence_files(plan, data, added)
                elif name in (
                    "records",
                    "rectification_orders",
                    "enforcement_documents",
                    "case_documents",
                ):  # files of the record store
                    plan.records[data["path"]] = (data["sha256"], int(data["size"]))
                elif name == "inspections":
                    preview.append(_preview(session, data))
        counts[name] = count
        members.append(_Member(rows.member_name(name), writer.digest.hexdigest(), writer.size))
    return preview


def _evidence_files(plan: _Plan, data: dict[str, Any], added: set[str]) -> None:
    row = Evidence(**{k: v for k, v in data.items() if k in ("sha256", "media_type")})
    row.thumb_sha256 = data.get("thumb_sha256")
    row.print_sha256 = data.get("print_sha256")
    new = plan.since is None or data["id"] in added
    for _role, sha, suffix in stored_files(row):
        if new:
            plan.files.add((sha, suffix))
        elif (sha, suffix) not in plan.files:
            plan.requires.add((sha, suffix))
    plan.requires -= set(plan.files)


def _preview(session: Session, data: dict[str, Any]) -> dict[str, Any]:
    institution = session.scalar(
        select(rows.table("institutions").c.name).where(
            rows.table("institutions").c.id == data["institution_id"]
        )
    )
    return {
        "id": data["id"],
        "institution": institution,
        "district": data["district"],
        "team_district": data["team_district"],
        "mode": data["mode"],
        "status": data["status"],
        "record_no": data["record_no"],
        "started_at": data["started_at"],
        "amends_id": data["amends_id"],
    }
