"""Campaigns on a laptop (inspector/campaigns/local.py): a package installed in one audited
change, a malformed one refused with nothing changed, the campaign a visit is tagged with
checked against its scope, the coverage from the laptop's own registry."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from inspector.audit import events
from inspector.campaigns import FORMAT, build
from inspector.campaigns.local import campaign_views, get_local, install_package
from inspector.db.models import CampaignRow, Inspection
from inspector.errors import InvalidInput
from inspector.workspace import Workspace
from tests.helpers.ledger import signed_inspection, team_keys
from tests.helpers.registry import fill_registry


def _package(today: date, **changes: object) -> tuple[bytes, str]:
    fields: dict[str, object] = {
        "name": "打击欺诈骗保专项行动",
        "phases": [("集中检查", str(today - timedelta(days=5)), str(today + timedelta(days=25)))],
        "types": ["primary_care", "retail_pharmacy"],
        "districts": ["历城区"],
        "focus_packs": ["fields_2023"],
    }
    fields.update(changes)
    campaign = build(**fields)  # type: ignore[arg-type]
    body = {"format": FORMAT, "campaigns": [campaign.to_dict()]}
    return json.dumps(body, ensure_ascii=False).encode(), campaign.id


def _count(ws: Workspace) -> int:
    with ws.db.session() as session:
        return session.scalar(select(func.count()).select_from(CampaignRow)) or 0


def test_a_malformed_package_changes_nothing(workspace: Workspace) -> None:
    body, _id = _package(date.today())
    before = len(events(workspace))
    for bad in (b"not json", json.dumps({"format": "other/1", "campaigns": []}).encode(),
                body.replace(b'"start"', b'"begin"')):  # fmt: skip
        with pytest.raises(InvalidInput, match="格式无效"):
            install_package(workspace, bad, 1)
    assert _count(workspace) == 0 and len(events(workspace)) == before
    assert install_package(workspace, body, 1) == "1 项（进行中 1 项）"
    assert _count(workspace) == 1
    assert events(workspace)[-1].action == "campaign.install"


def test_a_visit_is_tagged_only_within_the_scope_and_counts_to_coverage(
    workspace: Workspace, tmp_path: Path
) -> None:
    fill_registry(workspace, tmp_path)
    body, campaign_id = _package(date.today())
    install_package(workspace, body, 1)
    assert get_local(workspace, "打击欺诈骗保专项行动").id == campaign_id
    with pytest.raises(InvalidInput, match="本机没有这个专项行动"):
        plan_in(workspace, "nope")
    with pytest.raises(InvalidInput, match="区县 槐荫区 不在专项行动"):
        plan_in(workspace, campaign_id, district="槐荫区")
    with pytest.raises(InvalidInput, match="机构类型 public_hospital 不在专项行动"):
        plan_in(workspace, campaign_id, type_code="public_hospital")
    tagged = plan_in(workspace, campaign_id)
    with workspace.db.session() as session:
        visit = session.get(Inspection, tagged)
        assert visit is not None and visit.campaign_id == campaign_id
        assert "fields_2023" in visit.focus  # the campaign's focus pack joined the checklist
        assert session.scalar(select(func.count()).select_from(Inspection)) == 1
    # a pharmacy in scope: the campaign's pack with no item for pharmacies is left out
    useful = {pack.code for pack in workspace.library.focus_packs_for("retail_pharmacy")}
    assert "fields_2023" not in useful
    pharmacy = plan_in(workspace, campaign_id, type_code="retail_pharmacy")
    with workspace.db.session() as session:
        visit = session.get(Inspection, pharmacy)
        assert visit is not None and visit.campaign_id == campaign_id
        assert "fields_2023" not in visit.focus
    (view,) = campaign_views(workspace)
    assert (view.coverage["inspected"], view.coverage["in_scope"]) == (0, 2)
    signed_inspection(workspace, team_keys(workspace), "历城区某社区卫生服务中心",
                      [("P1.1", None, None)])  # fmt: skip
    (view,) = campaign_views(workspace)
    assert (view.coverage["inspected"], view.coverage["in_scope"]) == (1, 2)


def plan_in(ws: Workspace, campaign: str, **where: str) -> str:
    from inspector.inspections import create_inspection, parse_member

    pharmacy = where.get("type_code") == "retail_pharmacy"
    return create_inspection(
        ws,
        institution="历城区过期药店" if pharmacy else "历城区某社区卫生服务中心",
        type_code=where.get("type_code", "primary_care"),
        mode="surprise",
        district=where.get("district", "历城区"),
        team=[parse_member("张伟:370100001")],
        campaign=campaign,
    )
