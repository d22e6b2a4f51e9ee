"""Exporting an inspection's evidence to a folder (a USB stick for a case file, a referral to
the police): the original files byte for byte, each checked against its hash after copying,
with a manifest of hashes and the whole chain of custody. Each export is itself a custody event.
Allowed in any state: exporting a signed inspection's evidence changes nothing of it."""

from __future__ import annotations

import json
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from inspector.errors import InvalidInput, StorageError
from inspector.evidence import custody
from inspector.evidence.intake import team_member
from inspector.evidence.media import suffix_for
from inspector.evidence.store import CHUNK, disk_error, file_sha256
from inspector.inspections import get_inspection, resolve_id
from inspector.progress import NullReporter, Reporter, check_cancel
from inspector.workspace import Workspace

MANIFEST = "证据清单.json"


@dataclass
class ExportResult:
    folder: Path
    files: int
    manifest: Path


def _safe(name: str) -> str:
    """A file name any file system takes (FAT on USB sticks included)."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", name).strip(" .")
    return cleaned[:120] or "file"


def export_evidence(
    ws: Workspace,
    inspection_id: str,
    folder: Path,
    *,
    by: str | None = None,
    reporter: Reporter | None = None,
) -> ExportResult:
    reporter = reporter or NullReporter()
    view = get_inspection(ws, inspection_id)
    if not view.evidence:
        raise InvalidInput("本次检查还没有证据")
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise InvalidInput(
            "导出目录 {folder} 不是空文件夹，请选择一个新的或空的文件夹", folder=folder
        )
    with ws.db.session() as session:
        inspection = resolve_id(session, view.id)
        actor = custody.actor_of(team_member(inspection, by))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        written: list[dict[str, object]] = []
        reporter.start(len(view.evidence), "导出证据")
        for number, evidence in enumerate(view.evidence, start=1):
            check_cancel(reporter)
            stem = Path(evidence.original_name).stem
            target = folder / f"{number:03d}_{_safe(stem)}{suffix_for(evidence.media_type)}"
            try:
                source = ws.store.open(evidence.sha256, suffix_for(evidence.media_type))
            except StorageError as error:
                raise StorageError(
                    "证据 {file} 的文件缺失，导出中止", file=evidence.original_name
                ) from error
            with source, target.open("wb") as handle:
                shutil.copyfileobj(source, handle, CHUNK)
                handle.flush()
                os.fsync(handle.fileno())
            copied = file_sha256(target)
            if copied != evidence.sha256:
                raise StorageError(
                    "证据 {file} 导出后的哈希与原件不符（{copied}），导出中止",
                    file=evidence.original_name,
                    copied=copied,
                )
            written.append(
                {
                    "file": target.name,
                    "evidence_id": evidence.id,
                    "original_name": evidence.original_name,
                    "sha256": evidence.sha256,
                    "item_code": evidence.item_code,
                    "caption": evidence.caption,
                    "derived_from_sha256": evidence.source_sha256,
                }
            )
            reporter.advance(number, evidence.original_name)
        # Exporting a signed inspection's evidence is still logged: editable=False.
        with ws.change(None, "evidence.export", inspection=view.id, editable=False) as ch:
            session = ch.session
            ch.entity(kind="export", id=str(folder))
            ch.details["files"] = len(written)
            for entry in written:
                ch.custody(
                    "exported",
                    evidence_id=str(entry["evidence_id"]),
                    actor=actor,
                    data={"file": entry["file"], "sha256": entry["sha256"], "folder": str(folder)},
                )
            chain = custody.read_chain(session, view.id)
        manifest = folder / MANIFEST
        manifest.write_text(
            json.dumps(
                {
                    "inspection_id": view.id,
                    "institution": view.institution_name,
                    "files": written,
                    "custody_chain": [
                        {
                            "seq": e.seq,
                            "event": e.event,
                            "evidence_id": e.evidence_id,
                            "at": e.at,
                            "actor": e.actor,
                            "data": e.data,
                            "prev_hash": e.prev_hash,
                            "hash": e.hash,
                        }
                        for e in chain
                    ],
                },
                ensure_ascii=False,
                indent=2,
            ),
            encoding="utf-8",
        )
    except OSError as error:
        raise disk_error(error) from error
    return ExportResult(folder=folder, files=len(written), manifest=manifest)
