"""The laptop's side of the office's assignments (``sync assignments``, the app's 下达任务 page):
the package of this laptop's districts and inspectors, signed by the office's key on the
server, checked against this laptop's trust list (the bureau's CA) as ``sync pull`` checks the
office's publications; then installed in one audited change, each assignment once:

- a planned visit becomes a planned inspection (草稿, inspector/inspections.add_planned_inspection,
  as the local draw makes them) under the id the office chose, with the team the draw picked;
  the office's draw comes with it (its inputs run again here must give its result), so the
  visit names its draw as a local one does;
- a lead becomes a lead here (or the one with its number is updated) with its 交办: by whom, to
  whom, the day and the last day (counted in working days by the office, inspector/workdays.py).

A second pull adds nothing. A withdrawn assignment is marked withdrawn; its visit or lead stays
(work may have begun on it; what was done is kept, as every record is). Then the laptop tells
the server what it installed (已领取). The verdicts and the visits go back by ``sync push``
under the office's ids."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.campaigns import Campaign
from inspector.db.models import (
    CampaignRow,
    Draw,
    Inspection,
    Inspector,
    Institution,
    Lead,
    MemberRole,
    OfficeAssignment,
    inspector_id,
)
from inspector.errors import InspectorError, InvalidInput
from inspector.workspace import Workspace

FORMAT = "inspector-assignments/1"

# An assignment's state as this laptop has it (AssignmentView.state): a visit's status
# (InspectionStatus values), or a lead's.
WITHDRAWN = "withdrawn"
MISSING = "missing"  # withdrawn before it was pulled: no visit was made
ANSWERED = "answered"
OPEN = "open"
STATE_NAMES = {
    WITHDRAWN: "已撤回",
    MISSING: "未建立",
    ANSWERED: "已核查",
    OPEN: "待核查",
    "draft": "待检查",
    "in_progress": "检查中",
    "awaiting_signatures": "待签字",
    "signed": "已签署",
}


class AssignmentsRefused(InspectorError):
    """The package is not the office's, not this laptop's, or cannot be read: nothing was
    installed."""


@dataclass
class AssignmentPull:
    added: int = 0  # new assignments installed (visits planned, leads assigned)
    withdrawn: int = 0  # assignments newly marked withdrawn
    already: int = 0  # assignments installed before (left as they are)
    visits: int = 0
    leads: int = 0


def pull_assignments(ws: Workspace) -> AssignmentPull:
    """Pull, check and install this laptop's assignments; tell the server what was installed."""
    from inspector.bundle.format import BundleError
    from inspector.bundle.merge import trust_for
    from inspector.bundle.signature import verify_manifest
    from inspector.central.client import Connection, _answer, enrolled
    from inspector.signing.keystore import KeyStore

    server = enrolled(ws)
    if server is None:
        raise InvalidInput("本机尚未登记到服务器，请先执行 sync enroll 服务器地址 登记码")
    device_key = KeyStore.of(ws).device_key(ws.db.device_id)
    signer = (device_key.private_key, server.server_device)
    connection = Connection(server.url, server.ca_pem)
    try:
        data = _answer(*connection.request("GET", "/api/assignments", signer=signer))
        try:
            body = base64.b64decode(str(data["body"]), validate=True)
            signature = base64.b64decode(str(data["signature"]), validate=True)
        except (KeyError, ValueError) as error:
            raise AssignmentsRefused("服务器下发的任务包无法读取") from error
        try:
            check = verify_manifest(body, signature, trust_for(ws))
        except BundleError as error:
            raise AssignmentsRefused(
                "下发的任务包签名无效，未安装：{problem}", problem=error
            ) from error
        if not check.trusted:
            raise AssignmentsRefused(
                "下发的任务包的签名者不在本机信任列表中（不是本局签发的），未安装"
            )
        package = _read(body, server.server_device)
        result, installed = install_assignments(ws, package)
        if installed:
            _answer(
                *connection.request(
                    "POST",
                    "/api/assignments/ack",
                    json.dumps({"ids": installed}).encode("utf-8"),
                    signer=signer,
                )
            )
    finally:
        connection.keep_clock(ws)
        connection.close()
    return result


def _read(body: bytes, device: str) -> dict[str, Any]:
    try:
        package = json.loads(body)
        if not isinstance(package, dict) or package.get("format") != FORMAT:
            raise ValueError("format")
        if not isinstance(package.get("assignments"), list):
            raise ValueError("assignments")
    except ValueError as error:
        raise AssignmentsRefused("下发的任务包格式无效，未安装") from error
    if package.get("device") != device:
        raise AssignmentsRefused("下发的任务包不是发给本机的，未安装")
    return package


def install_assignments(ws: Workspace, package: dict[str, Any]) -> tuple[AssignmentPull, list[str]]:
    """Install a checked package in one ``assignment.pull`` change (all or nothing); returns
    what was done and the ids of the assignments this laptop now holds."""
    result = AssignmentPull()
    held: list[str] = []
    draws = {str(d["id"]): d for d in package.get("draws") or []}
    campaigns = {str(c["id"]): c for c in package.get("campaigns") or []}
    try:
        with ws.change(None, "assignment.pull") as ch:
            session = ch.session
            for item in package["assignments"]:
                held.append(str(item["id"]))
                row = session.get(OfficeAssignment, str(item["id"]))
                if row is not None:
                    if bool(item.get("withdrawn")) and not row.withdrawn:
                        row.withdrawn = True
                        result.withdrawn += 1
                    else:
                        result.already += 1
                    continue
                if item["kind"] == "inspection":
                    row = _visit(ws, session, item, draws, campaigns)
                    result.visits += 1
                elif item["kind"] == "lead":
                    row = _lead(session, item, ws.db.device_id)
                    result.leads += 1
                else:
                    raise AssignmentsRefused("下发的任务包格式无效，未安装")
                row.withdrawn = bool(item.get("withdrawn"))
                ch.add(row)
                result.added += 1
            if not (result.added or result.withdrawn):
                ch.nothing()
                return result, held
            ch.entity(kind="office_assignments")
            ch.state = {"assignments": sorted(held)}
            ch.details.update({"added": result.added, "withdrawn": result.withdrawn})
            tagged = sorted(
                {str(i["campaign_id"]) for i in package["assignments"] if i.get("campaign_id")}
            )
            if tagged:  # the campaigns the visits were drawn within (专项行动)
                ch.details["campaigns"] = tagged
    except (KeyError, TypeError, ValueError) as error:
        raise AssignmentsRefused("下发的任务包格式无效，未安装") from error
    return result, held


def _team(item: dict[str, Any]) -> str:
    return "、".join(f"{p['name']}（{p['cert_no']}）" for p in item["inspectors"])


def _day(text: Any) -> date | None:
    return date.fromisoformat(str(text)) if text else None


def _record(item: dict[str, Any], title: str) -> OfficeAssignment:
    return OfficeAssignment(
        id=str(item["id"]),
        kind=str(item["kind"]),
        inspection_id=item.get("inspection_id"),
        lead_id=item.get("lead_id"),
        title=title,
        team=_team(item),
        assigned_by=str(item.get("assigned_by") or "")[:64],
        assigned_on=date.fromisoformat(str(item["assigned_on"])),
        deadline=_day(item.get("deadline")),
    )


def _draw(session: Session, draw: dict[str, Any], device: str) -> Draw:
    """The office's draw, stored here as a local one is once its inputs give its result."""
    from inspector.planning.draw import DrawInputs, run

    found = session.get(Draw, str(draw["id"]))
    if found is not None:
        return found
    inputs = DrawInputs.from_json(str(draw["inputs"]))
    result = run(inputs)
    if inputs.sha256 != draw["inputs_sha256"] or result.to_data(inputs) != draw["result"]:
        raise AssignmentsRefused("下发的抽查记录与其公开输入不符，未安装")
    row = Draw(
        id=str(draw["id"]),
        method=inputs.method,
        key=result.key,
        inputs=inputs.to_json(),
        inputs_sha256=inputs.sha256,
        result=dict(draw["result"]),
        device_id=device,
    )
    session.add(row)
    return row


def _campaign(session: Session, campaign_id: str, campaigns: dict[str, Any]) -> Campaign:
    """The campaign a visit was drawn within: as installed here (``sync pull``), else as the
    package carries it (installed now; the next campaign package replaces it)."""
    row = session.get(CampaignRow, campaign_id)
    if row is not None:
        return Campaign.of(row.data)
    if campaign_id not in campaigns:
        raise AssignmentsRefused("下发的任务包格式无效，未安装")
    try:
        found = Campaign.of(campaigns[campaign_id])
    except InvalidInput as error:
        raise AssignmentsRefused("下发的任务包格式无效，未安装") from error
    if found.id != campaign_id:
        raise AssignmentsRefused("下发的任务包格式无效，未安装")
    session.add(
        CampaignRow(
            id=found.id,
            name=found.name,
            doc_no=found.doc_no,
            status=found.status,
            data=found.to_dict(),
            version=0,  # not from a campaign package: any package's version replaces it
        )
    )
    return found


def _visit(
    ws: Workspace,
    session: Session,
    item: dict[str, Any],
    draws: dict[str, Any],
    campaigns: dict[str, Any],
) -> OfficeAssignment:
    from inspector.inspections import add_planned_inspection

    target = item["target"]
    record = _record(item, f"{target['name']}（{target['district']}）")
    if item.get("withdrawn") or session.get(Inspection, str(item["inspection_id"])):
        return record  # withdrawn before it was pulled, or the visit is here already
    place = session.get(Institution, str(target["id"]))
    if place is None:  # the registry not pulled yet: the institution as the office has it
        place = Institution(
            id=str(target["id"]),
            name=str(target["name"]),
            type_code=str(target["type_code"]),
            district=str(target["district"]),
            agreement_no=target.get("agreement_no"),
            device_id=ws.db.device_id,
        )
        session.add(place)
    team = []
    for position, person in enumerate(item["inspectors"]):
        cert = str(person["cert_no"])
        found = session.scalar(select(Inspector).where(Inspector.cert_no == cert))
        if found is None:
            found = Inspector(
                id=inspector_id(cert),
                name=str(person["name"]),
                cert_no=cert,
                district=str(person["district"]),
                device_id=ws.db.device_id,
            )
            session.add(found)
        team.append((found, MemberRole.LEADER if position == 0 else MemberRole.MEMBER))
    draw = item.get("draw_id")
    if draw and draw in draws:
        _draw(session, draws[draw], ws.db.device_id)
    mode = str(item.get("mode") or "random")
    campaign_id = item.get("campaign_id")
    campaign = _campaign(session, str(campaign_id), campaigns) if campaign_id else None
    try:
        visit = add_planned_inspection(
            ws,
            session,
            place,
            mode=mode,
            team=team,
            team_district=team[0][0].district if mode == "cross" else None,
            draw_id=draw if draw in draws else None,
            campaign=campaign,
        )
    except InvalidInput as error:  # the place outside the campaign's scope: not the office's
        raise AssignmentsRefused(
            "下发的任务无法安装（{problem}），未安装", problem=str(error)
        ) from error
    visit.id = str(item["inspection_id"])  # the office's id: the visit it follows
    return record


def _lead(session: Session, item: dict[str, Any], device: str) -> OfficeAssignment:
    target = item["target"]
    number = str(target["number"])
    lead = session.get(Lead, str(item["lead_id"])) or session.scalar(
        select(Lead).where(Lead.number == number)
    )
    record = _record(item, f"{number} {target.get('institution_name') or ''}：{target['summary']}")
    if item.get("withdrawn") and lead is None:
        return record
    if lead is None:
        lead = Lead(
            id=str(item["lead_id"]),
            number=number,
            source=str(target.get("source") or "office"),
            institution_name=str(target.get("institution_name") or ""),
            summary=str(target["summary"]),
            amount_fen=target.get("amount_fen"),
            received_on=_day(target.get("received_on")) or record.assigned_on,
            settlement_nos=list(target.get("settlement_nos") or []),
            reporter_sealed=target.get("reporter_sealed"),
            device_id=device,
        )
        session.add(lead)
    record.lead_id = lead.id
    lead.assigned_by = record.assigned_by
    lead.assigned_to = record.team[:100]
    lead.assigned_on = record.assigned_on
    lead.deadline = record.deadline
    return record


@dataclass(frozen=True)
class AssignmentView:
    id: str
    kind: str
    title: str
    team: str
    assigned_by: str
    assigned_on: date
    deadline: date | None
    withdrawn: bool
    inspection_id: str | None
    lead_id: str | None
    state: str  # STATE_NAMES: the visit's status, or whether the lead was answered, here


def list_assignments(ws: Workspace) -> list[AssignmentView]:
    """The assignments this laptop pulled, the latest first."""
    from inspector.db.models import LeadCheck

    out = []
    with ws.db.session() as session:
        rows = session.scalars(
            select(OfficeAssignment).order_by(
                OfficeAssignment.assigned_on.desc(), OfficeAssignment.id
            )
        ).all()
        for row in rows:
            state = WITHDRAWN if row.withdrawn else ""
            if not state and row.inspection_id:
                visit = session.get(Inspection, row.inspection_id)
                state = MISSING if visit is None else visit.status.value
            if not state and row.lead_id:
                check = session.scalar(
                    select(LeadCheck.verdict).where(
                        LeadCheck.lead_id == row.lead_id, LeadCheck.verdict != "pending"
                    )
                )
                state = ANSWERED if check else OPEN
            out.append(
                AssignmentView(
                    row.id,
                    row.kind,
                    row.title,
                    row.team,
                    row.assigned_by,
                    row.assigned_on,
                    row.deadline,
                    row.withdrawn,
                    row.inspection_id,
                    row.lead_id,
                    state,
                )
            )
    return out
