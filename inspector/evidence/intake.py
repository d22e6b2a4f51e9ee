"""Adding evidence files to an inspection: check each, keep the original unchanged under its
SHA-256, then commit its row. One bad file never stops the others of a batch."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from inspector.db.models import Evidence
from inspector.errors import InspectorError, InvalidInput, NotFound
from inspector.evidence.media import inspect_file, suffix_for
from inspector.inspections import mark_started, require_editable, resolve_id
from inspector.progress import NullReporter, Reporter, check_cancel
from inspector.workspace import Workspace


@dataclass
class IntakeResult:
    path: Path
    evidence_id: str | None = None
    sha256: str | None = None
    error: str | None = None
    warning: str | None = None
    duplicate: bool = False  # the same file was already linked to the same place

    @property
    def ok(self) -> bool:
        return self.error is None


def _expand(paths: Sequence[Path]) -> list[Path]:
    """Files as given; a folder stands for the files in it (a camera card's DCIM, say)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file()))
        else:
            files.append(path)
    return files


def add_evidence(
    ws: Workspace,
    inspection_id: str,
    paths: Sequence[Path],
    *,
    item_code: str | None = None,
    added_by: str | None = None,
    reporter: Reporter | None = None,
) -> list[IntakeResult]:
    reporter = reporter or NullReporter()
    with ws.db.session() as session:
        inspection = resolve_id(session, inspection_id)
        require_editable(inspection)
        full_id = inspection.id
        if item_code is not None:
            codes = {
                item["code"]
                for section in inspection.checklist["sections"]
                for item in section["items"]
            }
            if item_code not in codes:
                raise NotFound(f"本次检查的清单中没有条目 {item_code}")
        adder_id = None
        if added_by is not None:
            team = {m.inspector.cert_no: m.inspector.id for m in inspection.members}
            if added_by not in team:
                raise InvalidInput(f"执法证号 {added_by} 不是本检查组的成员")
            adder_id = team[added_by]
    files = _expand(paths)
    reporter.start(len(files), "导入证据")
    results: list[IntakeResult] = []
    for done, path in enumerate(files, start=1):
        check_cancel(reporter)
        results.append(_take_one(ws, full_id, path, item_code, adder_id))
        reporter.advance(done, path.name)
    return results


def _take_one(
    ws: Workspace, inspection_id: str, path: Path, item_code: str | None, adder_id: str | None
) -> IntakeResult:
    result = IntakeResult(path=path)
    try:
        info = inspect_file(path)
        # The file goes to the store first, fsynced under its hash; the row follows. A crash in
        # between leaves a stored file no row names (harmless), never a row without its file.
        sha256, size = ws.store.put(path, suffix_for(info.media_type))
        result.sha256 = sha256
        result.warning = info.warning
        with ws.db.session() as session:
            existing = session.scalar(
                select(Evidence).where(
                    Evidence.inspection_id == inspection_id,
                    Evidence.sha256 == sha256,
                    Evidence.item_code.is_(None)
                    if item_code is None
                    else Evidence.item_code == item_code,
                )
            )
            if existing is not None:
                result.evidence_id = existing.id
                result.duplicate = True
                return result
            inspection = resolve_id(session, inspection_id)
            require_editable(inspection)
            row = Evidence(
                inspection_id=inspection_id,
                item_code=item_code,
                sha256=sha256,
                size=size,
                original_name=path.name[:500],
                media_type=info.media_type,
                width=info.width,
                height=info.height,
                orientation=info.orientation,
                captured_at=info.captured_at,
                captured_at_text=info.captured_at_text,
                gps_lat=info.gps_lat,
                gps_lon=info.gps_lon,
                camera=info.camera,
                metadata_warning=info.warning,
                added_by=adder_id,
                device_id=ws.db.device_id,
            )
            session.add(row)
            mark_started(inspection)
            session.flush()
            result.evidence_id = row.id
    except InspectorError as error:
        result.error = str(error)
    return result
