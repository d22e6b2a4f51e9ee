"""The unit of work and the action log (issue 8): one event per user action, a chain that
names its first broken or missing link, tombstones instead of bare deletes."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from inspector.audit import audit_head, verify
from inspector.db.models import AuditEvent, Base, Synced, Tombstone
from inspector.errors import InvalidInput
from inspector.inspections import (
    TeamMember,
    create_inspection,
    finish_inspection,
    get_inspection,
    save_answer,
)
from inspector.record.content import add_signature, record_refusal, set_statement
from inspector.workspace import Workspace
from tests.conftest import Cli

TEAM = [TeamMember("张伟", "370100001"), TeamMember("李娜", "370100002")]
STROKES = [[(10.0, 10.0), (50.0, 40.0), (90.0, 20.0)]]


def _new(ws: Workspace) -> str:
    return create_inspection(
        ws,
        institution="某社区卫生服务中心",
        type_code="primary_care",
        mode="surprise",
        district="历城区",
        team=TEAM,
    )


def _count(ws: Workspace) -> int:
    with ws.db.session() as session:
        return session.scalar(select(func.count()).select_from(AuditEvent)) or 0


def _actions(ws: Workspace) -> list[str]:
    with ws.db.session() as session:
        return list(session.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)))


# Every user action routed through the unit of work so far, with the event it leaves.
ACTIONS: dict[str, Callable[[Workspace, str, str], object]] = {
    "answer.save": lambda ws, i, code: save_answer(ws, i, code, "problem", note="床位空置"),
    "answer.clear": lambda ws, i, code: save_answer(ws, i, code, None),
    "statement.set": lambda ws, i, code: set_statement(ws, i, "无异议", "王某", "院长"),
    "signature.add": lambda ws, i, code: add_signature(ws, i, "party", "王某", STROKES),
    "signature.refuse": lambda ws, i, code: record_refusal(
        ws, i, "王某", "不认可", "赵某", STROKES
    ),
}


def test_every_user_action_leaves_exactly_one_event(workspace: Workspace) -> None:
    inspection_id = _new(workspace)
    code = get_inspection(workspace, inspection_id).checklist.items[0].code
    for action, run in ACTIONS.items():
        if action == "signature.add":
            finish_inspection(workspace, inspection_id)  # signing follows the visit
        before = _count(workspace)
        run(workspace, inspection_id, code)
        assert _count(workspace) == before + 1, action
        assert _actions(workspace)[-1] == action
    check = verify(workspace)
    assert check.ok, check.problem
    assert check.devices == 1


def test_a_refused_change_leaves_no_event_and_no_change(workspace: Workspace) -> None:
    inspection_id = _new(workspace)
    before = _count(workspace)
    with pytest.raises(InvalidInput):
        save_answer(workspace, inspection_id, "P1.1", "maybe")
    with pytest.raises(Exception, match="违规类别"):
        save_answer(workspace, inspection_id, "P1.1", "problem", violation="VP05")
    assert _count(workspace) == before


def test_rows_carry_the_device_and_the_event_that_changed_them_last(workspace: Workspace) -> None:
    inspection_id = _new(workspace)
    save_answer(workspace, inspection_id, "P1.1", "ok")
    with workspace.db.session() as session:
        event = session.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()
        assert event is not None
        from inspector.db.models import Answer

        answer = session.scalars(select(Answer)).one()
        assert answer.change_device_id == workspace.db.device_id
        assert answer.change_seq == event.seq
        assert event.entity_id == answer.id
        assert event.state_sha256 is not None


def _raw(workspace: Workspace) -> sqlite3.Connection:
    workspace.db.dispose()
    connection = sqlite3.connect(workspace.home.database)
    connection.execute("DROP TRIGGER audit_events_no_update")
    connection.execute("DROP TRIGGER audit_events_no_delete")
    return connection


def _three_events(workspace: Workspace) -> list[tuple[int, str]]:
    inspection_id = _new(workspace)
    for note in ("一", "二", "三"):
        save_answer(workspace, inspection_id, "P1.1", "problem", note=note)
    with workspace.db.session() as session:
        return [
            (e.seq, e.id)
            for e in session.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()
        ]


def test_the_log_refuses_update_and_delete(workspace: Workspace) -> None:
    _three_events(workspace)
    workspace.db.dispose()
    connection = sqlite3.connect(workspace.home.database)
    with pytest.raises(sqlite3.IntegrityError, match="只能追加"):
        connection.execute("UPDATE audit_events SET action = 'x'")
    with pytest.raises(sqlite3.IntegrityError, match="只能追加"):
        connection.execute("DELETE FROM audit_events")
    connection.close()


def test_a_flipped_byte_is_found_and_named(workspace: Workspace) -> None:
    events = _three_events(workspace)
    seq, event_id = events[1]
    connection = _raw(workspace)
    body = connection.execute("SELECT body FROM audit_events WHERE id = ?", (event_id,)).fetchone()
    flipped = body[0].replace('"action":"answer.save"', '"action":"answer.savf"')
    assert flipped != body[0]
    connection.execute("UPDATE audit_events SET body = ? WHERE id = ?", (flipped, event_id))
    connection.commit()
    connection.close()
    check = verify(workspace)
    assert check.problem is not None
    assert check.problem.seq == seq and check.problem.event_id == event_id


@pytest.mark.parametrize("which", [0, 2])
def test_a_deleted_event_is_found_and_named(workspace: Workspace, which: int) -> None:
    events = _three_events(workspace)
    seq, event_id = events[which]
    connection = _raw(workspace)
    connection.execute("DELETE FROM audit_events WHERE id = ?", (event_id,))
    connection.commit()
    connection.close()
    check = verify(workspace)
    assert check.problem is not None
    assert check.problem.seq == seq
    assert "缺少" in check.problem.message


def test_the_head_hash_changes_with_each_event(workspace: Workspace) -> None:
    first = audit_head(workspace)
    _new(workspace)
    inspection_id = _new(workspace)
    save_answer(workspace, inspection_id, "P1.1", "ok")
    second = audit_head(workspace)
    assert first != second and len(second) == 64


def _synced_tables() -> list[str]:
    return sorted(
        mapper.class_.__tablename__
        for mapper in Base.registry.mappers
        if issubclass(mapper.class_, Synced)
    )


def test_no_synced_row_can_be_deleted_without_its_tombstone(workspace: Workspace) -> None:
    """Over the models: every synced table refuses a bare DELETE (the custody chain refuses
    any), so no code path can hard-delete a synced row without leaving a trace."""
    workspace.db.dispose()
    connection = sqlite3.connect(workspace.home.database)
    names = {
        row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='trigger'")
    }
    connection.close()
    assert len(_synced_tables()) >= 11
    for table in _synced_tables():
        assert f"{table}_delete_needs_tombstone" in names or f"{table}_no_delete" in names, table


def test_a_cleared_answer_leaves_a_tombstone(workspace: Workspace) -> None:
    inspection_id = _new(workspace)
    save_answer(workspace, inspection_id, "P1.1", "ok")
    save_answer(workspace, inspection_id, "P1.1", None)
    with workspace.db.session() as session:
        stone = session.scalars(select(Tombstone)).one()
        assert stone.table_name == "answers"
        assert stone.inspection_id == get_inspection(workspace, inspection_id).id
    save_answer(workspace, inspection_id, "P1.1", "problem")  # answered again: a new row
    assert get_inspection(workspace, inspection_id).answers["P1.1"].result.value == "problem"
    with pytest.raises(sqlite3.IntegrityError, match="tombstone"):
        workspace.db.dispose()
        connection = sqlite3.connect(workspace.home.database)
        try:
            connection.execute("DELETE FROM answers")
        finally:
            connection.close()


def test_audit_commands_show_export_and_verify(
    workspace: Workspace, cli: Cli, tmp_path: Path
) -> None:
    events = _three_events(workspace)
    workspace.close()
    _seq, event_id = events[1]
    out, _ = cli("audit", "show", event_id[:8])
    assert "记录检查结果" in out and event_id in out
    data = json.loads(cli("audit", "show", event_id, "--json")[0])
    assert data["id"] == event_id and data["details"] == {"item_code": "P1.1"}
    target = tmp_path / "log.jsonl"
    cli("audit", "export", "--out", str(target))
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == [e for _s, e in events]
    book_path = tmp_path / "log.xlsx"
    cli("audit", "export", "--out", str(book_path))
    book = openpyxl.load_workbook(book_path, read_only=True)
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[0][0] == "device_id" and len(rows) == 1 + len(events)
    book.close()
    cli("audit", "export", "--out", str(tmp_path / "log.txt"), expect=1)
    verified = json.loads(cli("audit", "verify", "--json")[0])
    assert verified["ok"] and verified["events"] == len(events)


def test_audit_verify_names_the_broken_event(workspace: Workspace, cli: Cli) -> None:
    events = _three_events(workspace)
    seq, event_id = events[0]
    connection = _raw(workspace)
    connection.execute("UPDATE audit_events SET hash = ? WHERE id = ?", ("f" * 64, event_id))
    connection.commit()
    connection.close()
    out, _ = cli("audit", "verify", expect=1)
    assert event_id in out and f"第 {seq} 条" in out
