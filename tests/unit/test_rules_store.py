"""Rule runs kept per inspection through the audited unit of work, and the reads leads and
sampling use (rule_hits, flagged_settlements)."""

from __future__ import annotations

import duckdb
import pytest
from sqlalchemy import func, select

from inspector.audit import events
from inspector.db.models import Inspection, Institution, RuleHitRow, RuleRun
from inspector.errors import InvalidInput
from inspector.inspections import TeamMember, create_inspection
from inspector.rules.store import (
    flagged_settlements,
    institution_level,
    latest_run,
    rule_hits,
    run_for_inspection,
)
from inspector.settlement.schema import create_detail_table
from inspector.workspace import Workspace
from tests.helpers import settlement_anomalies as anomalies


def _inspection(ws: Workspace, level: str | None = "一级") -> str:
    inspection_id = create_inspection(
        ws, institution="某社区卫生服务中心", type_code="primary_care", mode="surprise",
        district="历城区", team=[TeamMember("张伟", "370100001")],
    )  # fmt: skip
    with ws.change(None, "institution.edit") as ch:
        inspection = ch.session.get(Inspection, inspection_id)
        assert inspection is not None
        institution = ch.session.get(Institution, inspection.institution_id)
        assert institution is not None
        institution.level = level
        ch.entity(institution)
    return inspection_id


def _detail(detail: anomalies.Detail) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    anomalies.load(con, detail)
    return con


def _counts(ws: Workspace) -> tuple[int, int]:
    with ws.db.session() as session:
        runs = session.scalar(select(func.count()).select_from(RuleRun)) or 0
        hits = session.scalar(select(func.count()).select_from(RuleHitRow)) or 0
    return runs, hits


@pytest.mark.parametrize(
    ("text", "level"),
    [("三级甲等", 3), ("二级", 2), ("一级医院", 1), ("未定级", None), (None, None), ("", None)],
)
def test_the_registry_level_is_read(text: str | None, level: int | None) -> None:
    assert institution_level(text) == level


def test_a_run_is_kept_with_its_hits_and_audited(workspace: Workspace) -> None:
    detail = anomalies.build(patients=60)
    inspection_id = _inspection(workspace)
    saved = run_for_inspection(
        workspace, inspection_id[:8], _detail(detail), ledgers=detail.ledgers,
        period=anomalies.PERIOD,
    )  # fmt: skip
    assert saved.result.skipped == []
    hits = rule_hits(workspace, inspection_id)
    assert hits == saved.result.hits
    assert len(hits) == len(detail.plants)
    expected = set().union(*(set(hit.settlement_nos) for hit in saved.result.hits))
    assert flagged_settlements(workspace, inspection_id) == expected
    assert {"S-XB", "S-JB", "S-JXC1"} <= expected
    run = latest_run(workspace, inspection_id)
    assert run is not None
    assert run["context"]["institution_level"] == 1
    assert run["library"]["rules"]["national-starter"]["version"] == "2026.1"
    assert run["hit_count"] == len(hits)
    (event,) = [e for e in events(workspace, inspection=inspection_id) if e.action == "rules.run"]
    assert event.entity_type == "rule_runs" and event.entity_id == saved.run_id


def test_the_latest_run_is_the_one_read(workspace: Workspace) -> None:
    inspection_id = _inspection(workspace, level=None)
    detail = anomalies.build(patients=20)
    first = run_for_inspection(workspace, inspection_id, _detail(detail))
    # Without the level and the ledgers those rules are skipped, and said.
    assert dict(first.result.skipped).keys() == {"JB-01", "JXC-01"}
    clean = anomalies.Detail()
    anomalies._clean(clean, 20, __import__("random").Random(1))
    run_for_inspection(workspace, inspection_id, _detail(clean))
    assert rule_hits(workspace, inspection_id) == []
    assert flagged_settlements(workspace, inspection_id) == set()
    assert _counts(workspace)[0] == 2


def test_nothing_is_stored_without_a_detail_or_for_a_finished_inspection(
    workspace: Workspace,
) -> None:
    inspection_id = _inspection(workspace)
    empty = duckdb.connect()
    create_detail_table(empty)
    with pytest.raises(InvalidInput, match="还没有导入结算明细"):
        run_for_inspection(workspace, inspection_id, empty)
    from inspector.db.enums import InspectionStatus

    with workspace.change(None, "test.finish", inspection=inspection_id) as ch:
        assert ch.inspection is not None
        ch.inspection.status = InspectionStatus.AWAITING_SIGNATURES
        ch.entity(ch.inspection)
    with pytest.raises(InvalidInput, match="不能再修改"):
        run_for_inspection(workspace, inspection_id, _detail(anomalies.build(patients=5)))
    assert _counts(workspace) == (0, 0)
    assert rule_hits(workspace, inspection_id) == []
