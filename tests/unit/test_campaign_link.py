"""A visit the office drew within a campaign, installed on the laptop (install_assignments, the
package already checked against the trust list): tagged with the campaign and carrying its
focus pack, the campaign installed with it when this laptop has not pulled it yet; a visit
outside the campaign's scope refuses the package and changes nothing."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from inspector.campaigns import build
from inspector.central.pull_assignments import AssignmentsRefused, install_assignments
from inspector.db.models import AuditEvent, CampaignRow, Inspection, OfficeAssignment
from inspector.workspace import Workspace


def _package(district: str) -> tuple[dict[str, Any], str]:
    today = date.today()
    campaign = build(
        name="基层医疗机构专项检查",
        phases=[("集中检查", str(today - timedelta(days=5)), str(today + timedelta(days=30)))],
        types=["primary_care"],
        districts=["历城区"],
        focus_packs=["fields_2023"],
    )
    item = {
        "id": "a0000000-0000-4000-8000-000000000001",
        "kind": "inspection",
        "district": "历城区",
        "inspectors": [
            {"cert_no": "370100002", "name": "李娜", "district": "历城区", "role": "leader"},
            {"cert_no": "370100001", "name": "张伟", "district": "历城区", "role": "member"},
        ],
        "target": {
            "id": "i0000000-0000-4000-8000-000000000001",
            "name": "甲社区卫生服务中心",
            "district": district,
            "type_code": "primary_care",
            "agreement_no": "A001",
        },
        "inspection_id": "v0000000-0000-4000-8000-000000000001",
        "lead_id": None,
        "draw_id": None,
        "campaign_id": campaign.id,
        "mode": "random",
        "assigned_on": today.isoformat(),
        "deadline": None,
        "assigned_by": "局端王",
        "withdrawn": False,
    }
    package = {"format": "inspector-assignments/1", "draws": [], "assignments": [item],
               "campaigns": [campaign.to_dict()]}  # fmt: skip
    return package, campaign.id


def _counts(ws: Workspace) -> tuple[int, ...]:
    with ws.db.session() as session:
        return tuple(
            int(session.scalar(select(func.count()).select_from(model)) or 0)
            for model in (Inspection, CampaignRow, OfficeAssignment, AuditEvent)
        )


def test_a_visit_drawn_within_a_campaign_is_tagged_with_its_focus(workspace: Workspace) -> None:
    package, campaign_id = _package("历城区")
    result, held = install_assignments(workspace, package)
    assert result.visits == 1 and held == [package["assignments"][0]["id"]]
    with workspace.db.session() as session:
        visit = session.get(Inspection, package["assignments"][0]["inspection_id"])
        assert visit is not None and visit.campaign_id == campaign_id
        assert "fields_2023" in visit.focus
        installed = session.get(CampaignRow, campaign_id)
        assert installed is not None and installed.version == 0
        event = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "assignment.pull")
        ).one()
        assert json.loads(event.body)["details"]["campaigns"] == [campaign_id]


def test_a_visit_outside_its_campaign_refuses_the_package(workspace: Workspace) -> None:
    package, _campaign_id = _package("市中区")
    before = _counts(workspace)
    with pytest.raises(AssignmentsRefused, match="不在专项行动“基层医疗机构专项检查”的范围内"):
        install_assignments(workspace, package)
    assert _counts(workspace) == before
