"""Adding evidence files to an inspection: check each, keep the original unchanged under its
SHA-256 with its thumbnail and print-size copy, then commit its row and its custody entry.
One bad file never stops the others of a batch.

Files are prepared on a small thread pool (copy and hash, one decode, two small encodes: Pillow
and hashlib release the GIL), at most a few ahead of the commits, so memory stays flat however
large the batch; rows are committed one by one, in order, on the calling thread.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.db.models import Evidence, Inspection, Inspector, utcnow
from inspector.errors import InspectorError, InvalidInput, NotFound, StorageError
from inspector.evidence import custody
from inspector.evidence.media import MediaInfo, display_name, inspect_file, suffix_for
from inspector.evidence.recovery import referenced_in
from inspector.evidence.store import Scratch, Staged, disk_message
from inspector.inspections import mark_started, require_editable, resolve_id
from inspector.progress import Cancelled, NullReporter, Reporter
from inspector.workspace import Workspace

# A photo whose own clock is further than this from the visit gets a warning: more than a
# camera clock left on another time zone (up to 8 h in China's neighbourhood) or a visit that
# ran long, but less than "taken the day before".
TIME_WARNING_HOURS = 12
MAX_WORKERS = 4
THUMB_SUFFIX = ".jpg"


@dataclass
class IntakeResult:
    path: Path
    evidence_id: str | None = None
    sha256: str | None = None
    error: str | None = None
    warning: str | None = None  # EXIF that could not be read
    time_warning: str | None = None  # the camera's time is far from the visit
    duplicate: bool = False  # the same file was already linked to the same place

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def name(self) -> str:
        return display_name(self.path)


@dataclass
class _Prepared:
    path: Path
    info: MediaInfo
    original: Staged
    thumb_sha256: str | None
    print_sha256: str | None


def _expand(paths: Sequence[Path]) -> list[Path]:
    """Files as given; a folder (a camera card's DCIM, say) stands for the files in it, hidden
    files and system folders left out."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                parts = found.relative_to(path).parts
                if any(part.startswith(".") for part in parts):
                    continue  # .Trashes, .thumbnails, macOS ._ files
                if found.is_file():
                    files.append(found)
        else:
            files.append(path)
    return files


def team_member(inspection: Inspection, cert_no: str | None) -> Inspector | None:
    if cert_no is None:
        return None
    for member in inspection.members:
        if member.inspector.cert_no == cert_no:
            return member.inspector
    raise InvalidInput(f"执法证号 {cert_no} 不是本检查组的成员")


def item_codes(inspection: Inspection) -> set[str]:
    return {
        item["code"] for section in inspection.checklist["sections"] for item in section["items"]
    }


def time_warning(
    captured: datetime | None, start: datetime | None, end: datetime | None, now: datetime
) -> str | None:
    """A warning when the photo's own time is more than TIME_WARNING_HOURS before the visit
    started or after it ended (still under way: after now)."""
    if captured is None:
        return None
    margin = timedelta(hours=TIME_WARNING_HOURS)
    begin = start or now
    finish = end or now
    if begin - margin <= captured <= finish + margin:
        return None
    gap = begin - captured if captured < begin else captured - finish
    days, rest = divmod(int(gap.total_seconds()) // 3600, 24)
    span = f"{days} 天 {rest} 小时" if days else f"{rest} 小时"
    when = captured.astimezone().strftime("%Y-%m-%d %H:%M")
    side = "早于" if captured < begin else "晚于"
    return (
        f"拍摄时间（相机时钟）{when} {side}本次检查 {span}，"
        "请核实照片是否为本次现场所拍、相机时钟是否准确"
    )


def add_evidence(
    ws: Workspace,
    inspection_id: str,
    paths: Sequence[Path],
    *,
    item_code: str | None = None,
    added_by: str | None = None,
    reporter: Reporter | None = None,
    workers: int | None = None,
) -> list[IntakeResult]:
    """Add files (or folders) as evidence of an inspection, or of one of its checklist items.
    ``added_by`` is the certificate number of the team member adding them. Cancelling stops
    between two files; those already added stay, with their custody entries."""
    reporter = reporter or NullReporter()
    with ws.db.session() as session:
        inspection = resolve_id(session, inspection_id)
        require_editable(inspection)
        full_id = inspection.id
        if item_code is not None and item_code not in item_codes(inspection):
            raise NotFound(f"本次检查的清单中没有条目 {item_code}")
        adder = team_member(inspection, added_by)
        adder_id = adder.id if adder else None
        actor = custody.actor_of(adder)
    files = _expand(paths)
    reporter.start(len(files), "导入证据")
    results: list[IntakeResult] = []
    workers = workers or min(MAX_WORKERS, os.cpu_count() or 1)
    try:
        scratch_cm = ws.store.scratch(referenced_in(ws.db))
        with scratch_cm as scratch, ThreadPoolExecutor(workers, "intake") as pool:
            pending: deque[tuple[Path, Future[_Prepared]]] = deque()
            queue = iter(files)
            ahead = workers * 2  # prepared files waiting for their commit: memory stays flat
            cancelled = False
            while True:
                while not cancelled and len(pending) < ahead:
                    path = next(queue, None)
                    if path is None:
                        break
                    pending.append((path, pool.submit(_prepare, scratch, path)))
                if not pending:
                    break
                path, future = pending.popleft()
                if cancelled:
                    future.cancel()
                    continue
                results.append(
                    _commit(ws, scratch, full_id, path, future, item_code, adder_id, actor)
                )
                reporter.advance(len(results), display_name(path))
                if reporter.cancelled:
                    cancelled = True  # let running preparations end; their files are removed
    except OSError as error:
        raise StorageError(disk_message(error)) from error
    if len(results) < len(files):
        raise Cancelled()
    return results


def _prepare(scratch: Scratch, path: Path) -> _Prepared:
    """Off the UI thread and in parallel: copy and hash, one decode, the two copies."""
    try:
        if not path.is_file():
            raise InvalidInput("文件不存在或不是普通文件" if not path.exists() else "不是文件")
        if path.stat().st_size == 0:
            raise InvalidInput("文件为空（0 字节）")
        original = scratch.stage(path)
    except OSError as error:
        raise StorageError(disk_message(error)) from error
    try:
        # Decoded from our own copy: the pixels checked are those of the bytes hashed, even if
        # the card is pulled out or the file changes meanwhile.
        info = inspect_file(original.path, derive=True)
        if original.size == 0:
            raise InvalidInput("文件为空（0 字节）")
        items: list[tuple[Staged, str]] = [(original, suffix_for(info.media_type))]
        thumb = print_copy = None
        if info.thumbnail is not None:
            thumb = scratch.stage_bytes(info.thumbnail)
            items.append((thumb, THUMB_SUFFIX))
        if info.print_copy is not None:
            print_copy = scratch.stage_bytes(info.print_copy)
            items.append((print_copy, THUMB_SUFFIX))
        info.thumbnail = info.print_copy = None  # the bytes are on disk now
        scratch.keep(items)
    except BaseException:
        scratch.discard(original)
        raise
    return _Prepared(
        path=path,
        info=info,
        original=original,
        thumb_sha256=thumb.sha256 if thumb else None,
        print_sha256=print_copy.sha256 if print_copy else None,
    )


def _commit(
    ws: Workspace,
    scratch: Scratch,
    inspection_id: str,
    path: Path,
    future: Future[_Prepared],
    item_code: str | None,
    adder_id: str | None,
    actor: dict[str, str] | None,
) -> IntakeResult:
    result = IntakeResult(path=path)
    try:
        prepared = future.result()
    except InspectorError as error:
        result.error = str(error)
        return result
    except OSError as error:
        result.error = disk_message(error)
        return result
    info = prepared.info
    result.sha256 = prepared.original.sha256
    result.warning = info.warning
    try:
        with ws.db.session() as session:
            custody.lock_chain(session, inspection_id)
            inspection = session.get(Inspection, inspection_id)
            if inspection is None:
                raise NotFound("检查已不存在")
            require_editable(inspection)
            existing = _same_place(session, inspection_id, result.sha256, item_code)
            if existing is not None:
                result.evidence_id = existing.id
                result.duplicate = True
                return result
            now = utcnow()
            result.time_warning = time_warning(
                info.captured_at, inspection.started_at, inspection.ended_at, now
            )
            row = Evidence(
                inspection_id=inspection_id,
                item_code=item_code,
                sha256=result.sha256,
                size=prepared.original.size,
                original_name=display_name(path),
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
                added_at=now,
                device_id=ws.db.device_id,
                caption="",
                pages=info.pages,
                thumb_sha256=prepared.thumb_sha256,
                print_sha256=prepared.print_sha256,
                time_warning=result.time_warning,
            )
            session.add(row)
            mark_started(inspection)
            session.flush()
            custody.append(
                session,
                inspection_id,
                "added",
                device_id=ws.db.device_id,
                evidence_id=row.id,
                actor=actor,
                data=evidence_facts(row),
            )
            result.evidence_id = row.id
    except InspectorError as error:
        result.error = str(error)
        result.evidence_id = None
    return result


def _same_place(
    session: Session, inspection_id: str, sha256: str, item_code: str | None
) -> Evidence | None:
    return session.scalar(
        select(Evidence).where(
            Evidence.inspection_id == inspection_id,
            Evidence.sha256 == sha256,
            Evidence.derived_from.is_(None),
            Evidence.item_code.is_(None) if item_code is None else Evidence.item_code == item_code,
        )
    )


def evidence_facts(row: Evidence) -> dict[str, object]:
    """What a custody entry records of a piece of evidence when it comes in."""
    return {
        "sha256": row.sha256,
        "size": row.size,
        "name": row.original_name,
        "media_type": row.media_type,
        "item_code": row.item_code,
        "caption": row.caption,
        "thumb_sha256": row.thumb_sha256,
        "print_sha256": row.print_sha256,
        "source_sha256": row.source_sha256,
        "derived_from": row.derived_from,
        "captured_at": custody.iso(row.captured_at),
        "captured_at_text": row.captured_at_text,
        "gps": None if row.gps_lat is None else [row.gps_lat, row.gps_lon],
        "camera": row.camera,
        "orientation": row.orientation,
        "added_at": custody.iso(row.added_at),
        "time_warning": row.time_warning,
    }
