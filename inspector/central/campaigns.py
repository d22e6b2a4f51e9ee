"""The office's campaigns on the server (专项行动, inspector/campaigns): made at the office
(``server campaign create``, the office page's form), kept in ``campaigns`` and published to
laptops as one signed package of every campaign (publication kind ``campaign``, signed with
the service's key, inspector/central/office_signer.py), and followed by
:func:`campaign_progress`: the phase, the deadlines due and late, and coverage by district
(institutions of the published registry in scope, against those with a signed inspection in
the campaign's period)."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, select, text

from inspector.campaigns import (
    ACTIVE,
    CLOSED,
    FORMAT,
    FORMS,
    Campaign,
    Known,
    Place,
    ReportDue,
    RoundDone,
    check,
    coverage,
    place_key,
    schedule,
)
from inspector.central import schema as s
from inspector.central.office_signer import OfficeSigner, publish_signed_on, require
from inspector.central.service import Central
from inspector.errors import InspectorError, InvalidInput

KIND = "campaign"
PACKAGE_NAME = "campaigns.json"
# China Standard Time (no daylight saving): the day an inspection started, as its record says.
CHINA = timezone(timedelta(hours=8))


class NoSuchCampaign(InspectorError):
    pass


@lru_cache(maxsize=1)
def _shipped_library() -> Any:
    from inspector.checklists.library import load_library

    return load_library()


def _published(c: Connection, kind: str) -> tuple[int, str, bytes] | None:
    """The latest publication of ``kind``: its version, file name and bytes."""
    p = s.publications.c
    row = c.execute(
        select(p.version, p.name, p.body).where(p.kind == kind).order_by(p.version.desc()).limit(1)
    ).first()
    return None if row is None else (int(row.version), str(row.name), bytes(row.body))


# The registry as last parsed, per database (its store id) and publication version: every
# campaign's progress reads it, and parsing a city's registry takes a while.
_REGISTRIES: dict[str, tuple[int, list[Place]]] = {}


def _registry(c: Connection, database: str) -> list[Place] | None:
    """The institutions of the registry the office published last (None: it published
    none), read as a laptop's import reads it; rows the import would refuse are left out."""
    from inspector.progress import NullReporter
    from inspector.registry.plan import _parse_rows
    from inspector.registry.source import read_source

    p = s.publications.c
    version = c.scalar(select(func.max(p.version)).where(p.kind == "registry"))
    if version is None:
        return None
    held = _REGISTRIES.get(database)
    if held is not None and held[0] == version:
        return held[1]
    found = _published(c, "registry")
    assert found is not None
    version, name, body = found
    with tempfile.TemporaryDirectory(prefix="inspector-central-") as folder:
        path = Path(folder) / Path(name).name
        path.write_bytes(body)
        source = read_source(path)
        rows = _parse_rows(source, _shipped_library(), NullReporter())
    places = [
        Place(place_key(r.entry.name, r.entry.district, r.entry.agreement_no),
              r.entry.district, r.entry.type_code)
        for r in rows
        if r.entry is not None
    ]  # fmt: skip
    _REGISTRIES[database] = (version, places)
    return places


def known(central: Central) -> Known:
    """What a campaign may name here: the checklist library's institution types and focus
    packs, and the districts the server knows (the published registry's, the enrolled
    devices', the office users', the pushed inspections')."""
    library = _shipped_library()
    packs = {code: pack.name for code, pack in library.focus_packs.items()}
    districts: set[str] = set()
    with central.engine.connect() as c:
        districts |= {str(d) for d in c.scalars(select(s.devices.c.district).distinct()) if d}
        districts |= {str(d) for d in c.scalars(select(s.office_users.c.district).distinct()) if d}
        districts |= {str(d) for d in c.scalars(select(s.inspections.c.district).distinct()) if d}
        places = _registry(c, central.store_id) or []
        districts |= {p.district for p in places}
        published = _published(c, "checklist")
    if published is not None:  # a focus pack the office published (server publish checklist)
        packs.update(_published_pack(*published[1:]))
    # a device may serve several districts ("历城区,市中区": server districts)
    districts = {d.strip() for value in districts for d in value.split(",") if d.strip()}
    return Known(
        types={code: kind.name for code, kind in library.types.items()},
        districts=districts,
        focus_packs=packs,
    )


def _published_pack(name: str, body: bytes) -> dict[str, str]:
    from inspector.checklists.library import ChecklistError, parse_file

    with tempfile.TemporaryDirectory(prefix="inspector-central-") as folder:
        path = Path(folder) / Path(name).name
        path.write_bytes(body)
        try:
            loaded = parse_file(path)
        except ChecklistError:
            return {}
    focus = loaded.data.focus
    return {} if focus is None else {focus.code: focus.name}


def campaigns(central: Central, *, active_only: bool = False) -> list[Campaign]:
    """Every campaign, the newest first."""
    t = s.campaigns.c
    query = select(t.data).order_by(t.created_at.desc(), t.id)
    if active_only:
        query = query.where(t.status == ACTIVE)
    with central.engine.connect() as c:
        return [Campaign.of(d) for d in c.scalars(query)]


def get_campaign(central: Central, campaign_id: str) -> Campaign:
    """A campaign by its id or an unambiguous beginning of it (at least 4 characters)."""
    with central.engine.connect() as c:
        return _get(c, campaign_id)


def _get(c: Connection, campaign_id: str, lock: bool = False) -> Campaign:
    wanted = (campaign_id or "").strip()
    t = s.campaigns.c
    if len(wanted) < 4:
        raise NoSuchCampaign("没有这个专项行动：{id}", id=wanted[:40])
    query = select(t.data).where(t.id.startswith(wanted, autoescape=True)).limit(2)
    if lock:
        query = query.with_for_update()
    found = list(c.scalars(query))
    if not found:
        raise NoSuchCampaign("没有这个专项行动：{id}", id=wanted[:40])
    if len(found) > 1:
        raise NoSuchCampaign("编号 {id} 对应多个专项行动，请写全", id=wanted[:40])
    return Campaign.of(found[0])


def package(c: Connection) -> bytes:
    """Every campaign as laptops install it (the oldest first): one package, so that a laptop
    pulling only the latest version of the kind has them all."""
    t = s.campaigns.c
    found = [Campaign.of(d).to_dict() for d in c.scalars(select(t.data).order_by(t.created_at))]
    body = {"format": FORMAT, "campaigns": found}
    return json.dumps(body, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")


def _publish(c: Connection, signer: OfficeSigner) -> int:
    return publish_signed_on(c, signer, KIND, PACKAGE_NAME, package(c))


def create_campaign(
    central: Central, signer: OfficeSigner | None, campaign: Campaign, by: str
) -> tuple[Campaign, int]:
    """Check, store and publish a new campaign in one transaction (nothing is stored when any
    step fails); the campaign and the package's version."""
    office_key = require(signer)  # before anything is written
    made = Campaign(
        **{
            **campaign.__dict__,
            "status": ACTIVE,
            "created_by": by,
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "closed_at": None,
        }
    )
    check(made, known(central))
    with central.engine.begin() as c:
        c.execute(text("lock table campaigns in exclusive mode"))
        same = c.scalar(
            select(s.campaigns.c.id).where(
                s.campaigns.c.name == made.name, s.campaigns.c.status == ACTIVE
            )
        )
        if same is not None:
            raise InvalidInput("已有同名的进行中专项行动：{name}", name=made.name)
        c.execute(
            s.campaigns.insert().values(
                id=made.id,
                name=made.name,
                doc_no=made.doc_no,
                status=made.status,
                data=made.to_dict(),
                created_by=by,
                created_at=datetime.fromisoformat(made.created_at),
            )
        )
        version = _publish(c, office_key)
        Central._event(c, "campaign.create", None, None, campaign=made.id, by=by)
    return made, version


def close_campaign(
    central: Central, signer: OfficeSigner | None, campaign_id: str, by: str
) -> tuple[Campaign, int]:
    """Close a campaign (laptops stop offering it for new inspections) and publish."""
    office_key = require(signer)
    with central.engine.begin() as c:
        c.execute(text("lock table campaigns in exclusive mode"))
        found = _get(c, campaign_id, lock=True)
        if found.status == CLOSED:
            raise InvalidInput("专项行动“{name}”已经结束", name=found.name)
        now = datetime.now(UTC)
        closed = Campaign(
            **{**found.__dict__, "status": CLOSED, "closed_at": now.isoformat(timespec="seconds")}
        )
        c.execute(
            s.campaigns.update()
            .where(s.campaigns.c.id == found.id)
            .values(status=CLOSED, data=closed.to_dict(), closed_at=now)
        )
        version = _publish(c, office_key)
        Central._event(c, "campaign.close", None, None, campaign=found.id, by=by)
    return closed, version


def mark_submitted(
    central: Central,
    signer: OfficeSigner | None,
    campaign_id: str,
    form: str,
    due: date,
    by: str,
    on: date | None = None,
) -> tuple[Campaign, int]:
    """Mark a report deadline of the campaign 已报送 (handed in ``on``, today by default) and
    publish: the office's page and, after their next pull, the laptops no longer show it late."""
    office_key = require(signer)
    today = datetime.now(CHINA).date()
    day = on or today
    if day > today:  # a report is marked once handed in, never ahead
        raise InvalidInput("报送日期 {on} 晚于今日 {today}", on=day, today=today)
    with central.engine.begin() as c:
        c.execute(text("lock table campaigns in exclusive mode"))
        found = _get(c, campaign_id, lock=True)
        wanted = next((r for r in found.reports if r.form == form and r.due == due), None)
        if wanted is None:
            raise InvalidInput(
                "专项行动“{name}”没有 {due} 到期的{title}",
                name=found.name,
                due=due,
                title=FORMS.get(form, form),
            )
        if wanted.submitted_on is not None:
            raise InvalidInput(
                "{title}（{due}）已于 {on} 标记为已报送",
                title=wanted.title,
                due=due,
                on=wanted.submitted_on,
            )
        marked = Campaign(
            **{
                **found.__dict__,
                "reports": tuple(
                    ReportDue(r.form, r.due, day, by[:64]) if r is wanted else r
                    for r in found.reports
                ),
            }
        )
        c.execute(
            s.campaigns.update().where(s.campaigns.c.id == found.id).values(data=marked.to_dict())
        )
        version = _publish(c, office_key)
        Central._event(
            c, "campaign.submitted", None, None, campaign=found.id, form=form,
            due=due.isoformat(), on=day.isoformat(), by=by,
        )  # fmt: skip
    return marked, version


# --- progress -------------------------------------------------------------------------------


def mark_follow_up_done(
    central: Central,
    signer: OfficeSigner | None,
    campaign_id: str,
    due: date,
    by: str,
    on: date | None = None,
) -> tuple[Campaign, int]:
    """Mark the campaign's 回头看 round of ``due`` (its stated day) 已完成 (done ``on``, today by
    default) and publish, as :func:`mark_submitted` does for a report: the office's page and,
    after their next pull, the laptops no longer show it late."""
    office_key = require(signer)
    today = datetime.now(CHINA).date()
    day = on or today
    if day > today:  # marked once done, never ahead
        raise InvalidInput("完成日期 {on} 晚于今日 {today}", on=day, today=today)
    with central.engine.begin() as c:
        c.execute(text("lock table campaigns in exclusive mode"))
        found = _get(c, campaign_id, lock=True)
        follow = found.follow_up
        if follow is None or due not in follow.dates():
            raise InvalidInput("专项行动“{name}”没有 {due} 的回头看", name=found.name, due=due)
        done = follow.done_on(due)
        if done is not None:
            raise InvalidInput("回头看（{due}）已于 {on} 标记为已完成", due=due, on=done.done_on)
        rounds = sorted((*follow.done, RoundDone(due, day, by[:64])), key=lambda r: r.due)
        marked = replace(found, follow_up=replace(follow, done=tuple(rounds)))
        c.execute(
            s.campaigns.update().where(s.campaigns.c.id == found.id).values(data=marked.to_dict())
        )
        version = _publish(c, office_key)
        Central._event(
            c, "campaign.follow_up_done", None, None, campaign=found.id, due=due.isoformat(),
            on=day.isoformat(), by=by,
        )  # fmt: skip
    return marked, version


def _started_on(value: Any) -> date | None:
    if not value:
        return None
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(CHINA).date()


def _row_data(c: Connection, table: str, keys: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Rows of ``table`` pushed by laptops, by id."""
    wanted = sorted({json.dumps([k], ensure_ascii=False) for k in keys if k})
    out: dict[str, dict[str, Any]] = {}
    r = s.rows.c
    for start in range(0, len(wanted), 1000):
        for data in c.scalars(
            select(r.data).where(
                r.table_name == table,
                r.row_key.in_(wanted[start : start + 1000]),
                r.deleted.is_(False),
            )
        ):
            out[str(data.get("id"))] = data
    return out


def _inspected(c: Connection, campaign: Campaign) -> tuple[set[str], dict[str, int]]:
    """The keys of the institutions with a signed inspection started in the campaign's
    period, and the counts of inspections tagged with the campaign."""
    t = s.inspections.c
    start = datetime.combine(campaign.start, datetime.min.time(), CHINA)
    end = datetime.combine(campaign.end + timedelta(days=1), datetime.min.time(), CHINA)
    signed = {
        str(row.id): row.started_at
        for row in c.execute(
            select(t.id, t.started_at).where(
                t.status == "signed", t.started_at >= start, t.started_at < end
            )
        )
    }
    inspections = _row_data(c, "inspections", signed)
    institutions = _row_data(
        c, "institutions", (str(d.get("institution_id")) for d in inspections.values())
    )
    keys: set[str] = set()
    for data in inspections.values():
        place = institutions.get(str(data.get("institution_id")))
        if place is not None:
            keys.add(
                place_key(
                    str(place.get("name") or ""),
                    str(place.get("district") or ""),
                    place.get("agreement_no"),
                )
            )
    r = s.rows.c
    tagged = {"inspections": 0, "signed": 0}
    for status in c.scalars(
        select(r.data["status"].astext).where(
            r.table_name == "inspections",
            r.deleted.is_(False),
            r.data["campaign_id"].astext == campaign.id,
        )
    ):
        tagged["inspections"] += 1
        tagged["signed"] += status == "signed"
    return keys, tagged


def tagged_inspections(central: Central, campaign_id: str) -> list[str]:
    """The ids of the pushed inspections tagged with the campaign (``campaign_id`` of their
    row), for reports that filter by campaign."""
    r = s.rows.c
    with central.engine.connect() as c:
        campaign = _get(c, campaign_id)
        return sorted(
            str(i)
            for i in c.scalars(
                select(r.inspection_id).where(
                    r.table_name == "inspections",
                    r.deleted.is_(False),
                    r.data["campaign_id"].astext == campaign.id,
                )
            )
        )


def campaign_progress(
    central: Central, campaign_id: str, today: date | None = None, area: str | None = None
) -> dict[str, Any]:
    """Where a campaign stands, for the office's pages (the dashboard's too):

    ``campaign`` (its definition), ``status_name``, ``phase`` (current phase's name or None),
    ``phase_text``, ``due`` and ``late`` (each report and 回头看: title, stated, last_day,
    state, working_days_left, provisional), ``coverage`` (``districts``: per district
    in_scope / inspected / share; totals; ``registry``: False when the office published no
    registry), ``tagged`` (inspections tagged with the campaign, and how many signed) and
    ``assignments`` (the visits drawn within it: counts by state and the late ones, as
    inspector/central/assignments.assignment_status gives them).
    ``area``: a district office user's district (the coverage of that district only)."""
    from inspector.central.assignments import assignment_status

    day = today or datetime.now(CHINA).date()
    with central.engine.connect() as c:
        campaign = _get(c, campaign_id)
        registry = _registry(c, central.store_id)
        keys, tagged = _inspected(c, campaign)
    planned = schedule(campaign, day)
    covered = coverage(campaign, registry or [], keys)
    if area is not None:
        covered = coverage(
            Campaign(**{**campaign.__dict__, "districts": (area,) if area in campaign.districts
                        else ()}),
            registry or [],
            keys,
        )  # fmt: skip
    covered["registry"] = registry is not None
    return {
        "campaign": campaign.to_dict(),
        "status_name": "进行中" if campaign.active else "已结束",
        **planned.to_dict(),
        "coverage": covered,
        "tagged": tagged,
        "assignments": assignment_status(central, area, day, campaign.id),
    }
