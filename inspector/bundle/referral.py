"""The evidence bundle of a referral (移送证据包): the bundle format (docs/bundle.md), signed
the same way and checked by the same ``bundle verify`` on the receiving side's laptop, holding
only one case: its inspections with their institution and team, the evidence files and their
rows, the sealing list, the record PDFs and their signatures, the chain of custody, the
compulsory measures and their documents, and the referral's own documents (移送书, 案卷清单).

Nothing else of the laptop goes: no other inspection, no registry, and not the action log
(every device's log names every other case this laptop touched). The rows therefore carry no
change stamps, the manifest says ``"purpose": "referral"`` and an import refuses such a bundle:
it is evidence handed over, not a laptop's data to merge."""

from __future__ import annotations

import hashlib
import json
import os
import uuid
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector import __version__
from inspector.bundle import rows
from inspector.bundle.export import (
    _copy_in,
    _evidence_files,
    _exporter,
    _HashingWriter,
    _Member,
    _Plan,
    _preview,
    _signer_facts,
    _zinfo,
    choose_key,
)
from inspector.bundle.format import FORMAT, MANIFEST, SIGNATURE, VERSION
from inspector.bundle.signature import sign_manifest
from inspector.errors import InvalidInput, StorageError
from inspector.evidence.store import disk_message
from inspector.files import fsync_dir
from inspector.progress import NullReporter
from inspector.signing.keystore import UnlockedKey
from inspector.workspace import Workspace

PURPOSE = "referral"


@dataclass
class ReferralBundle:
    path: Path
    bundle_id: str
    manifest_sha256: str
    size: int
    counts: dict[str, int]
    files: int
    signer: dict[str, Any]


def _team(session: Session, inspections: list[str]) -> set[str]:
    t = rows.table
    found: set[str] = set()
    for query in (
        select(t("inspection_members").c.inspector_id).where(
            t("inspection_members").c.inspection_id.in_(inspections)
        ),
        select(t("evidence").c.added_by).where(t("evidence").c.inspection_id.in_(inspections)),
        select(t("seal_items").c.added_by).where(t("seal_items").c.inspection_id.in_(inspections)),
        select(t("record_signatures").c.inspector_id).where(
            t("record_signatures").c.record_id.in_(
                select(t("records").c.id).where(t("records").c.inspection_id.in_(inspections))
            )
        ),
    ):
        found.update(v for v in session.scalars(query) if v)
    return found


def _queries(session: Session, inspections: list[str]) -> list[tuple[str, Any]]:
    t = rows.table
    insp = t("inspections")
    out: list[tuple[str, Any]] = [
        (
            "institutions",
            select(t("institutions")).where(
                t("institutions").c.id.in_(
                    select(insp.c.institution_id).where(insp.c.id.in_(inspections))
                )
            ),
        ),
        (
            "inspectors",
            select(t("inspectors")).where(t("inspectors").c.id.in_(_team(session, inspections))),
        ),
        (
            "checklist_snapshots",
            select(t("checklist_snapshots")).where(
                t("checklist_snapshots").c.sha256.in_(
                    select(insp.c.snapshot_sha256).where(insp.c.id.in_(inspections))
                )
            ),
        ),
        ("inspections", select(insp).where(insp.c.id.in_(inspections))),
    ]
    for name in (
        "inspection_members",
        "answers",
        "evidence",
        "seal_items",
        "records",
        "compulsory_measures",
        "custody_events",
    ):
        out.append((name, select(t(name)).where(t(name).c.inspection_id.in_(inspections))))
    records = select(t("records").c.id).where(t("records").c.inspection_id.in_(inspections))
    out.append(
        (
            "record_signatures",
            select(t("record_signatures")).where(t("record_signatures").c.record_id.in_(records)),
        )
    )
    documents = t("enforcement_documents")
    out.append(
        (
            "enforcement_documents",
            select(documents).where(
                documents.c.measure_id.in_(
                    select(t("compulsory_measures").c.id).where(
                        t("compulsory_measures").c.inspection_id.in_(inspections)
                    )
                )
            ),
        )
    )
    order = {name: index for index, name in enumerate(rows.TABLES)}
    out.sort(key=lambda item: order[item[0]])
    keyed = []
    for name, query in out:
        columns = [query.selected_columns[c] for c in rows.primary_key(name)]
        if name == "custody_events":
            table = t(name)
            columns = [table.c.inspection_id, table.c.device_id, table.c.seq]
        keyed.append((name, query.order_by(*columns)))
    return keyed


def _unstamped(name: str, data: dict[str, Any]) -> dict[str, Any]:
    # The action log stays home (the module docstring): no row names a change in it.
    if name in rows.STAMPED:
        data = {**data, "change_device_id": None, "change_seq": None}
    return data


def export_referral_bundle(
    ws: Workspace,
    out: Path,
    *,
    inspections: Sequence[str],
    documents: Sequence[tuple[str, bytes]] = (),
    referral: dict[str, Any] | None = None,
    key: UnlockedKey | None = None,
) -> ReferralBundle:
    """Write the referral bundle of ``inspections`` (full ids) to ``out``; ``documents`` are
    (member name under ``records/``, bytes) added as they are (the 移送书 and 案卷清单)."""
    out = Path(out)
    if out.suffix.lower() != ".zip":
        raise InvalidInput("交接包的文件名应以 .zip 结尾：{path}", path=out)
    if not inspections and not documents:
        raise InvalidInput("移送证据包至少要包含一项检查")
    key = key or choose_key(ws, None, None)
    chosen = sorted(set(inspections))
    bundle_id = str(uuid.uuid4())
    temporary = out.with_name(f".{out.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        handle = temporary.open("wb")
    except OSError as error:
        raise StorageError(disk_message(error)) from error
    members: list[_Member] = []
    counts: dict[str, int] = {}
    plan = _Plan(scope=set(chosen), since=None, registry=False)
    preview: list[dict[str, Any]] = []
    try:
        with handle, zipfile.ZipFile(handle, "w", allowZip64=True) as archive:
            with ws.db.session() as session:
                exporter = _exporter(session, ws)
                for name, query in _queries(session, chosen):
                    count = 0
                    with archive.open(_zinfo(rows.member_name(name), True), "w") as sink:
                        writer = _HashingWriter(sink)  # type: ignore[arg-type]
                        for row in session.execute(query):
                            data = _unstamped(name, rows.encode(name, row))
                            writer.write(rows.line(data))
                            count += 1
                            if name == "evidence":
                                _evidence_files(plan, data, set())
                            elif name in ("records", "enforcement_documents"):
                                plan.records[data["path"]] = (data["sha256"], int(data["size"]))
                            elif name == "inspections":
                                preview.append(_preview(session, data))
                    counts[name] = count
                    members.append(
                        _Member(rows.member_name(name), writer.digest.hexdigest(), writer.size)
                    )
            for sha, suffix in sorted(plan.files):
                name = f"evidence/{sha[:2]}/{sha}{suffix}"
                with ws.store.open(sha, suffix) as source:
                    member = _copy_in(
                        archive, name, source, ws.store.size_of(sha, suffix), NullReporter()
                    )
                if member.sha256 != sha:
                    raise StorageError("证据文件已被改动，未导出：{sha256}", sha256=sha)
                members.append(member)
            for path, (sha, size) in sorted(plan.records.items()):
                with ws.records.open(path) as source:
                    member = _copy_in(archive, path, source, size, NullReporter())
                if member.sha256 != sha:
                    raise StorageError("记录文件已被改动，未导出：{name}", name=path)
                members.append(member)
            for name, data in documents:
                archive.writestr(_zinfo(name, False), data)
                members.append(_Member(name, hashlib.sha256(data).hexdigest(), len(data)))
            signer = _signer_facts(key)
            manifest = {
                "format": FORMAT,
                "version": VERSION,
                "purpose": PURPOSE,
                "referral": referral or {},
                "bundle_id": bundle_id,
                "created_at": datetime.now(UTC).isoformat(),
                "made_by": f"Inspector {__version__}",
                "exporter": exporter,
                "signer": signer,
                "receiver": (referral or {}).get("receiver"),
                "since": None,
                "heads": {},
                "device_heads": {},
                "inspections": preview,
                "counts": counts,
                "requires": [],
                "members": [
                    {"name": m.name, "sha256": m.sha256, "size": m.size}
                    for m in sorted(members, key=lambda m: m.name)
                ],
            }
            body = (
                json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
            ).encode("utf-8")
            archive.writestr(_zinfo(MANIFEST, True), body)
            archive.writestr(_zinfo(SIGNATURE, False), sign_manifest(body, key))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, out)
        fsync_dir(out.parent)
    except BaseException as error:
        temporary.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise StorageError(disk_message(error)) from error
        raise
    return ReferralBundle(
        path=out,
        bundle_id=bundle_id,
        manifest_sha256=hashlib.sha256(body).hexdigest(),
        size=out.stat().st_size,
        counts=counts,
        files=len(plan.files) + len(plan.records) + len(documents),
        signer=signer,
    )
