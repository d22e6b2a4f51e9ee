"""Campaigns on a laptop: installed from the office's signed package (``sync pull``, kind
``campaign``; the signature is checked against the trust list before this runs), listed with
their phase and what is due (``campaign list|show``, the home screen), the coverage of this
laptop's district from its own registry, and the campaign a new inspection is tagged with
(:func:`campaign_for`, used by :func:`inspector.inspections.create_inspection`)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.campaigns import (
    FORMAT,
    Campaign,
    Place,
    Schedule,
    coverage,
    place_key,
    schedule,
)
from inspector.db.enums import InspectionStatus
from inspector.db.models import CampaignRow, Inspection, Institution, SyncServer
from inspector.errors import InvalidInput
from inspector.workspace import Workspace

CHINA = timedelta(hours=8)  # China Standard Time (no daylight saving)


def install_package(ws: Workspace, body: bytes, version: int = 0) -> str:
    """Install every campaign of the office's package in one audited change (a package that
    cannot be read changes nothing); the note sync pull shows."""
    try:
        data = json.loads(body.decode("utf-8"))
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError(f"format {data.get('format') if isinstance(data, dict) else '?'}")
        found = [Campaign.of(item) for item in data["campaigns"]]
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as error:
        raise InvalidInput("专项行动发布包的格式无效：{problem}", problem=str(error)) from error
    with ws.change(None, "campaign.install") as ch:
        ch.entity(kind="campaigns", id=str(version))
        for campaign in found:
            row = ch.session.get(CampaignRow, campaign.id)
            if row is None:
                row = ch.add(CampaignRow(id=campaign.id, version=version))
            row.name = campaign.name
            row.doc_no = campaign.doc_no
            row.status = campaign.status
            row.data = campaign.to_dict()
            row.version = version
        ch.details.update({"campaigns": [c.id for c in found], "version": version})
    active = sum(1 for c in found if c.active)
    return f"{len(found)} 项（进行中 {active} 项）"


def local_campaigns(ws: Workspace, *, active_only: bool = False) -> list[Campaign]:
    """The installed campaigns, the latest start first."""
    with ws.db.session() as session:
        found = [Campaign.of(row.data) for row in session.scalars(select(CampaignRow))]
    if active_only:
        found = [c for c in found if c.active]
    return sorted(found, key=lambda c: (c.start, c.name), reverse=True)


def _find(session: Session, text: str) -> Campaign:
    wanted = (text or "").strip()
    rows = (
        list(session.scalars(select(CampaignRow).where(CampaignRow.id.startswith(wanted))))
        if len(wanted) >= 4
        else []
    )
    if len(rows) != 1:
        by_name = list(session.scalars(select(CampaignRow).where(CampaignRow.name == wanted)))
        if len(by_name) == 1:
            rows = by_name
    if len(rows) != 1:
        raise InvalidInput(
            "本机没有这个专项行动：{id}（专项行动由局端制定，sync pull 后可见）", id=wanted[:40]
        )
    return Campaign.of(rows[0].data)


def get_local(ws: Workspace, text: str) -> Campaign:
    """An installed campaign by its id, the beginning of it (4 characters at least) or its
    name."""
    with ws.db.session() as session:
        return _find(session, text)


def campaign_for(session: Session, text: str, type_code: str, district: str) -> Campaign:
    """The campaign a new inspection is tagged with: installed, not closed, and the
    institution (its type and district) in its scope; InvalidInput saying which not."""
    campaign = _find(session, text)
    if not campaign.active:
        raise InvalidInput("专项行动“{name}”已结束，不能再归入新的检查", name=campaign.name)
    if type_code not in campaign.types:
        raise InvalidInput(
            "机构类型 {type} 不在专项行动“{name}”的范围内", type=type_code, name=campaign.name
        )
    if district not in campaign.districts:
        raise InvalidInput(
            "区县 {district} 不在专项行动“{name}”的范围内", district=district, name=campaign.name
        )
    return campaign


def own_district(ws: Workspace) -> str | None:
    """This laptop's district: the one it is enrolled for at the server, else the current
    inspector's."""
    with ws.db.session() as session:
        server = session.scalars(select(SyncServer)).first()
        if server is not None and server.district:
            return str(server.district).split(",")[0].strip()
    from inspector.inspections import current_inspector

    person = current_inspector(ws)
    return getattr(person, "district", None) or None


def local_coverage(
    ws: Workspace, campaign: Campaign, district: str | None = None
) -> dict[str, Any]:
    """Coverage from this laptop's registry and the signed inspections it holds (its own and
    those it received), for ``district`` only when it is in the campaign's scope."""
    first = datetime.combine(campaign.start, datetime.min.time()) - CHINA
    last = datetime.combine(campaign.end + timedelta(days=1), datetime.min.time()) - CHINA
    with ws.db.session() as session:
        registry = [
            Place(place_key(i.name, i.district, i.agreement_no), i.district, i.type_code)
            for i in session.scalars(
                select(Institution).where(
                    Institution.type_code.in_(campaign.types),
                    Institution.district.in_(campaign.districts),
                )
            )
        ]
        inspected = {
            place_key(i.name, i.district, i.agreement_no)
            for i in session.scalars(
                select(Institution)
                .join(Inspection, Inspection.institution_id == Institution.id)
                .where(
                    Inspection.status == InspectionStatus.SIGNED,
                    Inspection.started_at >= first.replace(tzinfo=UTC),
                    Inspection.started_at < last.replace(tzinfo=UTC),
                )
            )
        }
    scope = campaign
    if district is not None and district in campaign.districts:
        scope = Campaign(**{**campaign.__dict__, "districts": (district,)})
    return coverage(scope, registry, inspected)


@dataclass(frozen=True)
class CampaignView:
    """An installed campaign as the home screen and ``campaign list`` show it."""

    campaign: Campaign
    schedule: Schedule
    coverage: dict[str, Any]
    district: str | None  # whose coverage (None: every district in scope)
    type_names: tuple[str, ...] = ()  # the scope's institution types, by the library's names
    pack_names: tuple[str, ...] = ()  # its focus packs, by name

    def to_dict(self) -> dict[str, Any]:
        return {
            "campaign": self.campaign.to_dict(),
            **self.schedule.to_dict(),
            "coverage": self.coverage,
            "district": self.district,
            "type_names": list(self.type_names),
            "pack_names": list(self.pack_names),
        }


def campaign_views(
    ws: Workspace, today: date | None = None, *, active_only: bool = True
) -> list[CampaignView]:
    """Each installed campaign (the active ones by default) with where today stands in it
    and this laptop's district's coverage."""
    from inspector.cases.deadlines import calendar_of

    day = today or (datetime.now(UTC) + CHINA).date()
    district = own_district(ws)
    library = ws.library
    views = []
    for campaign in local_campaigns(ws, active_only=active_only):
        mine = district if district in campaign.districts else None
        views.append(
            CampaignView(
                campaign,
                schedule(campaign, day, calendar_of(ws)),
                local_coverage(ws, campaign, mine),
                mine,
                tuple(library.types[t].name if t in library.types else t for t in campaign.types),
                tuple(
                    library.focus_packs[f].name if f in library.focus_packs else f
                    for f in campaign.focus_packs
                ),
            )
        )
    return views
