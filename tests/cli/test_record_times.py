"""检查时间 entered: the start and end of the visit are the team's, set
from the command line (defaults from the clock), printed on the record from those fields and
kept through finish and reopen; a laptop clock that disagrees with the photos' own time or
with the server's at the last sync by more than 10 minutes is flagged on the inspection's log."""

from __future__ import annotations

import json
import subprocess
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from inspector.db.models import AuditEvent
from inspector.evidence.intake import add_evidence
from inspector.inspections import (
    LAST_SYNC_CLOCK,
    clock_warnings,
    finish_inspection,
    get_inspection,
    set_inspection_times,
)
from inspector.workspace import Workspace
from tests.helpers.cli import Cli, new_inspection
from tests.helpers.evidence import photo_taken_at
from tests.helpers.homes import open_home
from tests.helpers.lawful import lawful, lawful_cli
from tests.helpers.ledger import plan


def _events(ws: Workspace, action: str) -> list[dict[str, object]]:
    with ws.db.session() as session:
        return [
            json.loads(body)
            for body in session.scalars(select(AuditEvent.body).where(AuditEvent.action == action))
        ]


def test_the_command_line_sets_the_times_the_record_prints(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    inspection = new_inspection(cli)
    # The end before the start: refused, nothing stored.
    _, err = cli("inspection", "times", inspection, "--start", "2026-12-01 11:00",
                 "--end", "2026-12-01 09:00", expect=1)  # fmt: skip
    assert "早于开始时间" in err
    ws = open_home(home)
    try:
        assert get_inspection(ws, inspection).started_at is None
    finally:
        ws.close()
    cli("inspection", "times", inspection, "--start", "2026-12-01 09:30",
        "--end", "2026-12-01 11:05")  # fmt: skip
    lawful_cli(cli, inspection)
    cli("inspection", "finish", inspection)  # the clock no longer moves the end
    cli("inspection", "reopen", inspection)  # nor clears it
    cli("inspection", "finish", inspection)
    cli("record", "build", inspection, "--out", str(tmp_path / "r.pdf"))
    text = "".join(
        subprocess.run(
            ["pdftotext", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert "检查时间2026-12-0109:30至2026-12-0111:05" in text
    ws = open_home(home)
    try:
        view = get_inspection(ws, inspection)
        assert view.started_at == datetime(2026, 12, 1, 9, 30).astimezone()
        assert view.ended_at == datetime(2026, 12, 1, 11, 5).astimezone()
        (event,) = _events(ws, "inspection.times")
        assert event["details"]["after"][0] == view.started_at.isoformat()  # type: ignore[index]
    finally:
        ws.close()


def test_a_photo_taken_outside_the_visit_flags_the_clock(
    workspace: Workspace, tmp_path: Path
) -> None:
    inspection = plan(workspace, "甲")
    start = datetime(2026, 12, 1, 9, 0).astimezone()
    set_inspection_times(workspace, inspection, start, start + timedelta(hours=2))
    # Taken during the visit, and five minutes before it began: within the tolerance.
    add_evidence(workspace, inspection, [photo_taken_at(tmp_path, start + timedelta(minutes=30))])
    add_evidence(workspace, inspection, [photo_taken_at(tmp_path, start - timedelta(minutes=5))])
    assert clock_warnings(workspace, inspection) == []
    lawful(workspace, inspection)
    finish_inspection(workspace, inspection)
    assert all(
        "clock_warnings" not in e["details"] for e in _events(workspace, "inspection.finish")
    )  # type: ignore[operator]
    # A photo whose own clock says 40 minutes before the visit began: the laptop's clock (or
    # the times entered) may be wrong, and the log says so.
    from inspector.inspections import reopen_inspection

    reopen_inspection(workspace, inspection)
    add_evidence(workspace, inspection, [photo_taken_at(tmp_path, start - timedelta(minutes=40))])
    finish_inspection(workspace, inspection)
    event = _events(workspace, "inspection.finish")[-1]
    (warning,) = event["details"]["clock_warnings"]  # type: ignore[index]
    assert "photo-0820.jpg" in warning and "相差 40 分钟" in warning


def test_a_server_clock_far_from_the_laptop_s_flags_the_times(workspace: Workspace) -> None:
    inspection = plan(workspace, "甲")
    now = datetime.now(UTC)
    workspace.db.set_setting(
        LAST_SYNC_CLOCK,
        json.dumps(
            {"server": (now - timedelta(minutes=25)).isoformat(), "laptop": now.isoformat()}
        ),
    )
    assert any("中心服务器相差 25 分钟" in w for w in clock_warnings(workspace, inspection))
    workspace.db.set_setting(
        LAST_SYNC_CLOCK,
        json.dumps({"server": (now - timedelta(minutes=3)).isoformat(), "laptop": now.isoformat()}),
    )
    assert clock_warnings(workspace, inspection) == []


def test_the_server_s_date_header_is_kept(workspace: Workspace) -> None:
    from inspector.central.client import Connection

    connection = Connection("http://127.0.0.1:9", None)
    now = time.time()
    connection._learn_time("Mon, 07 Dec 2026 04:00:00 GMT", now, now)
    connection.keep_clock(workspace)
    kept = json.loads(workspace.db.setting(LAST_SYNC_CLOCK) or "{}")
    assert kept["server"] == "2026-12-07T04:00:00+00:00"
