"""Adding evidence files to an inspection: check each, keep the original unchanged under its
SHA-256 with its thumbnail and print-size copy, then commit its row and its custody entry.
One bad file never stops the others of a batch.

Files are prepared on a small thread pool (copy and hash, one decode, two small encodes: Pillow
and hashlib release the GIL), at most a few ahead of the commits, so memory stays flat however
large the batch. Rows are committed in order on the calling thread, a few files to a
transaction (GROUP_MIN, or fewer at the end of a batch or when cancelled), once their files are
in the store: a file not yet committed when the process dies is taken out of the store again on
the next start, and goes in when the batch is added again.
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

from inspector.db.models import CustodyEvent, Evidence, Inspection, Inspector, new_id, utcnow
from inspector.errors import InspectorError, InvalidInput, NotFound
from inspector.evidence import custody
from inspector.evidence.media import MediaInfo, display_name, inspect_file, suffix_for
from inspector.evidence.recovery import referenced_in
from inspector.evidence.store import Scratch, Staged, disk_error, disk_message
from inspector.inspections import mark_started, require_editable, resolve_id
from inspector.progress import Cancelled, NullReporter, Reporter
from inspector.workspace import Workspace

# A photo whose own clock is further than this from the visit gets a warning: more than a
# camera clock left on another time zone (up to 8 h in China's neighbourhood) or a visit that
# ran long, but less than "taken the day before".
TIME_WARNING_HOURS = 12
MAX_WORKERS = 4
# Rows committed in one transaction: at least GROUP_MIN when that many are on their way (each
# transaction costs ~10 ms of Python on the committing thread, which the preparing threads
# need on two cores), at most GROUP_MAX.
GROUP_MIN = 8
GROUP_MAX = 16
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
    raise InvalidInput("执法证号 {cert_no} 不是本检查组的成员", cert_no=cert_no)


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
            raise NotFound("本次检查的清单中没有条目 {item_code}", item_code=item_code)
        adder = team_member(inspection, added_by)
        adder_id = adder.id if adder else None
        actor = custody.actor_of(adder)
    files = _expand(paths)
    reporter.start(len(files), "导入证据")
    results: list[IntakeResult] = []
    # More threads than cores: a thread waiting on fsync leaves its core to another.
    workers = workers or min(MAX_WORKERS, 2 * (os.cpu_count() or 1))
    try:
        scratch_cm = ws.store.scratch(referenced_in(ws.db))
        with scratch_cm as scratch, ThreadPoolExecutor(workers, "intake") as pool:
            pending: deque[tuple[Path, Future[_Prepared]]] = deque()
            queue = iter(files)
            # Prepared files waiting for their commit, bounded so that memory stays flat: a
            # group's worth and one file for each thread beyond it.
            ahead = max(workers * 2, GROUP_MIN + workers)
            cancelled = False
            while True:
                while not cancelled and len(pending) < ahead:
                    path = next(queue, None)
                    if path is None:
                        break
                    pending.append((path, pool.submit(_prepare, scratch, path)))
                if not pending:
                    break
                if cancelled:
                    pending.popleft()[1].cancel()
                    continue
                # The next files in order (GROUP_MIN of them, waited for), and with them those
                # after them already prepared: one transaction (one fsync of SQLite's log) for
                # the group, rows still in order.
                group: list[tuple[Path, Future[_Prepared]]] = []
                while pending and len(group) < GROUP_MAX:
                    waiting = group and not pending[0][1].done()
                    if waiting and (len(group) >= GROUP_MIN or reporter.cancelled):
                        break
                    group.append(pending.popleft())
                    group[-1][1].exception()  # wait for it
                for result in _commit_group(ws, full_id, group, item_code, adder_id, actor):
                    results.append(result)
                    reporter.advance(len(results), result.name)
                if reporter.cancelled:
                    cancelled = True  # let running preparations end; their files are removed
    except OSError as error:
        raise disk_error(error) from error
    if len(results) < len(files):
        raise Cancelled()
    return results


def add_evidence_bytes(
    ws: Workspace,
    inspection_id: str,
    name: str,
    data: bytes,
    *,
    item_code: str | None = None,
    added_by: str | None = None,
) -> IntakeResult:
    """Add a document the tool made itself (a reconciliation table) as evidence, from its bytes:
    staged through the store (encrypted there when the data directory is), never written out
    in clear first. ``name`` is the file name it is shown by."""
    with ws.db.session() as session:
        inspection = resolve_id(session, inspection_id)
        require_editable(inspection)
        full_id = inspection.id
        if item_code is not None and item_code not in item_codes(inspection):
            raise NotFound("本次检查的清单中没有条目 {item_code}", item_code=item_code)
        adder = team_member(inspection, added_by)
        adder_id = adder.id if adder else None
        actor = custody.actor_of(adder)
    if not data:
        raise InvalidInput("文件为空（0 字节）")
    path = Path(name)
    try:
        with ws.store.scratch(referenced_in(ws.db)) as scratch:
            future: Future[_Prepared] = Future()
            try:
                future.set_result(_derive(scratch, path, scratch.stage_bytes(data)))
            except (InspectorError, OSError) as error:
                future.set_exception(error)
            (result,) = _commit_group(ws, full_id, [(path, future)], item_code, adder_id, actor)
    except OSError as error:
        raise disk_error(error) from error
    return result


def _prepare(scratch: Scratch, path: Path) -> _Prepared:
    """Off the UI thread and in parallel: copy and hash, one decode, the two copies."""
    try:
        if not path.is_file():
            raise InvalidInput("文件不存在或不是普通文件" if not path.exists() else "不是文件")
        if path.stat().st_size == 0:
            raise InvalidInput("文件为空（0 字节）")
        original = scratch.stage(path)
    except OSError as error:
        raise disk_error(error) from error
    return _derive(scratch, path, original)


def _derive(scratch: Scratch, path: Path, original: Staged) -> _Prepared:
    """A staged original checked and its copies made (one decode), kept in the store."""
    try:
        # Decoded from our own copy: the pixels checked are those of the bytes hashed, even if
        # the card is pulled out or the file changes meanwhile.
        info = inspect_file(
            original.path, derive=True, opener=lambda: scratch.open(original), size=original.size
        )
        original.plain = None  # decoded: the bytes need not stay in memory
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


def _commit_group(
    ws: Workspace,
    inspection_id: str,
    group: Sequence[tuple[Path, Future[_Prepared]]],
    item_code: str | None,
    adder_id: str | None,
    actor: dict[str, str] | None,
) -> list[IntakeResult]:
    """Commit the rows of prepared files, in order, with their custody entries. If the group's
    transaction fails, each file is tried alone, so one file's failure names only that file."""
    results: list[IntakeResult] = []
    ready: list[tuple[IntakeResult, _Prepared]] = []
    for path, future in group:
        result = IntakeResult(path=path)
        results.append(result)
        try:
            prepared = future.result()
        except InspectorError as error:
            result.error = str(error)
            continue
        except OSError as error:
            result.error = disk_message(error)
            continue
        result.sha256 = prepared.original.sha256
        result.warning = prepared.info.warning
        ready.append((result, prepared))
    if not ready:
        return results
    try:
        _insert(ws, inspection_id, ready, item_code, adder_id, actor)
    except InspectorError as error:
        if len(ready) == 1:
            _failed(ready[0][0], error)
            return results
        for one in ready:
            try:
                _insert(ws, inspection_id, [one], item_code, adder_id, actor)
            except InspectorError as single_error:
                _failed(one[0], single_error)
    return results


def _failed(result: IntakeResult, error: InspectorError) -> None:
    result.error = str(error)
    result.evidence_id = None
    result.duplicate = False
    result.time_warning = None


def _insert(
    ws: Workspace,
    inspection_id: str,
    ready: Sequence[tuple[IntakeResult, _Prepared]],
    item_code: str | None,
    adder_id: str | None,
    actor: dict[str, str] | None,
) -> None:
    # One event per committed group: an intake commits as it goes, so that a cancel keeps
    # what came in.
    with ws.change(None, "evidence.add", inspection=inspection_id) as ch:
        session = ch.session
        inspection = ch.inspection
        assert inspection is not None
        ch.details["files"] = len(ready)
        ch.entity(kind="evidence")
        # Rows already linking these files to the same place (one query for the group).
        place = (
            Evidence.item_code.is_(None) if item_code is None else Evidence.item_code == item_code
        )
        shas = sorted({prepared.original.sha256 for _, prepared in ready})
        existing = dict(
            session.execute(
                select(Evidence.sha256, Evidence.id).where(
                    Evidence.inspection_id == inspection_id,
                    Evidence.sha256.in_(shas),
                    Evidence.derived_from.is_(None),
                    place,
                )
            ).all()
        )
        last: CustodyEvent | None = None
        for result, prepared in ready:
            info = prepared.info
            sha256 = prepared.original.sha256
            if sha256 in existing:
                result.evidence_id = existing[sha256]
                result.duplicate = True
                continue
            now = utcnow()
            result.time_warning = time_warning(
                info.captured_at, inspection.started_at, inspection.ended_at, now
            )
            row = Evidence(
                id=new_id(),
                inspection_id=inspection_id,
                item_code=item_code,
                sha256=sha256,
                size=prepared.original.size,
                original_name=display_name(result.path),
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
                created_at=now,
                updated_at=now,
                caption="",
                pages=info.pages,
                thumb_sha256=prepared.thumb_sha256,
                print_sha256=prepared.print_sha256,
                time_warning=result.time_warning,
            )
            ch.add(row)
            mark_started(inspection)
            last = ch.custody(
                "added",
                evidence_id=row.id,
                actor=actor,
                data=evidence_facts(row),
                after=last,
            )
            existing[sha256] = row.id  # the same file twice in one group: one row
            result.evidence_id = row.id


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
