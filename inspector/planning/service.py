"""The draw over the stored data: the roster (检查人员名录) with who may lead and who must
stay away from which institution, the risk level and credit of institutions, the candidates
of a draw, and running it: one ``draw.run`` event that stores the draw and plans the visits
with their teams. The draw itself is :mod:`inspector.planning.draw` (pure)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector import ids
from inspector.db.models import (
    Draw,
    Inspection,
    Inspector,
    InspectorConflict,
    Institution,
    MemberRole,
    inspector_id,
)
from inspector.errors import InvalidInput, NotFound
from inspector.hashing import sha256_of
from inspector.inspections import add_planned_inspection
from inspector.planning import rfc3797
from inspector.planning.draw import (
    Candidate,
    DrawInputs,
    DrawResult,
    RosterEntry,
    order_candidates,
    order_roster,
    run,
)
from inspector.planning.weights import Weights, default_weights
from inspector.workspace import Workspace

MAX_LENGTH = 100


def _text(value: str, empty: str, too_long: str) -> str:
    value = value.strip()
    if not value:
        raise InvalidInput(empty)
    if len(value) > MAX_LENGTH:
        raise InvalidInput(too_long, limit=MAX_LENGTH)
    return value


# --- the roster ---------------------------------------------------------------------------


def add_to_roster(
    ws: Workspace, *, name: str, cert_no: str, district: str, can_lead: bool = False
) -> str:
    """Put an inspector on the roster (or update their district and leader mark)."""
    name = _text(name, "请填写检查人员姓名", "检查人员姓名过长（最多 {limit} 个字）")
    cert_no = _text(cert_no, "请填写执法证号", "执法证号过长（最多 {limit} 个字）")
    district = _text(
        district, "请填写检查人员所在区县", "检查人员所在区县过长（最多 {limit} 个字）"
    )
    with ws.change(None, "roster.add") as ch:
        person = ch.session.scalar(select(Inspector).where(Inspector.cert_no == cert_no))
        if person is None:
            person = ch.add(
                Inspector(id=inspector_id(cert_no), name=name, cert_no=cert_no, district=district)
            )
        elif person.name != name:
            raise InvalidInput(
                "执法证号 {cert_no} 已登记为“{name}”，与“{name2}”不符",
                cert_no=cert_no,
                name=person.name,
                name2=name,
            )
        person.district = district
        person.on_roster = True
        person.can_lead = can_lead
        ch.entity(person)
        return person.id


def remove_from_roster(ws: Workspace, cert_no: str) -> None:
    with ws.change(None, "roster.remove") as ch:
        person = _inspector(ch.session, cert_no)
        if not person.on_roster:
            raise InvalidInput(
                "{name}（{cert_no}）不在检查人员名录中", name=person.name, cert_no=cert_no
            )
        person.on_roster = False
        ch.entity(person)


def _inspector(session: Session, cert_no: str) -> Inspector:
    person = session.scalar(select(Inspector).where(Inspector.cert_no == cert_no.strip()))
    if person is None:
        raise NotFound(
            "没有执法证号为 {cert_no} 的检查人员：请先登记到检查人员名录", cert_no=cert_no
        )
    return person


def _institution(session: Session, text: str) -> Institution:
    text = text.strip()
    found = session.scalars(select(Institution).where(Institution.agreement_no == text)).all()
    if not found:
        found = session.scalars(select(Institution).where(Institution.name == text)).all()
    if not found:
        raise NotFound("机构名单中没有“{text}”", text=text)
    if len(found) > 1:
        raise InvalidInput("“{text}”对应多家机构，请用协议编号指定", text=text)
    return found[0]


def add_conflict(ws: Workspace, cert_no: str, institution: str, reason: str = "") -> None:
    """Mark an inspector as in conflict with an institution (利害关系): never in its team."""
    with ws.change(None, "conflict.add") as ch:
        person = _inspector(ch.session, cert_no)
        place = _institution(ch.session, institution)
        existing = ch.session.scalar(
            select(InspectorConflict).where(
                InspectorConflict.inspector_id == person.id,
                InspectorConflict.institution_id == place.id,
            )
        )
        if existing is not None:
            raise InvalidInput(
                "{name} 与“{place}”的回避关系已登记", name=person.name, place=place.name
            )
        row = ch.add(
            InspectorConflict(inspector_id=person.id, institution_id=place.id, reason=reason)
        )
        ch.entity(row)


def rate_institution(
    ws: Workspace,
    institution: str,
    *,
    risk_level: str | None = None,
    credit_rating: str | None = None,
    weights: Weights | None = None,
) -> None:
    """Record an institution's risk level and/or credit rating (as named in the weights)."""
    weights = weights or default_weights()
    risk = weights.check_risk(risk_level) if risk_level is not None else None
    credit = weights.check_credit(credit_rating) if credit_rating is not None else None
    if risk is None and credit is None:
        raise InvalidInput("请给出风险等级（--risk）或信用等级（--credit）")
    with ws.change(None, "institution.rate") as ch:
        place = _institution(ch.session, institution)
        if risk is not None:
            place.risk_level = risk
        if credit is not None:
            place.credit_rating = credit
        ch.entity(place)


@dataclass(frozen=True)
class RosterView:
    cert_no: str
    name: str
    district: str
    can_lead: bool
    conflicts: list[str]  # institution names


def roster_entries(ws: Workspace) -> tuple[RosterEntry, ...]:
    """The roster in its published order (by 执法证号), with each one's conflicts."""
    with ws.db.session() as session:
        people = session.scalars(select(Inspector).where(Inspector.on_roster.is_(True))).all()
        conflicts: dict[str, list[str]] = {}
        for row in session.scalars(select(InspectorConflict)):
            conflicts.setdefault(row.inspector_id, []).append(row.institution_id)
        return order_roster(
            [
                RosterEntry(
                    cert_no=p.cert_no,
                    name=p.name,
                    district=p.district or "",
                    can_lead=bool(p.can_lead),
                    conflicts=tuple(sorted(conflicts.get(p.id, []))),
                )
                for p in people
            ]
        )


def list_roster(ws: Workspace) -> list[RosterView]:
    entries = roster_entries(ws)
    with ws.db.session() as session:
        names = {p.id: p.name for p in session.scalars(select(Institution))}
    return [
        RosterView(e.cert_no, e.name, e.district, e.can_lead, [names[i] for i in e.conflicts])
        for e in entries
    ]


# --- candidates and the draw --------------------------------------------------------------


def candidates(
    ws: Workspace,
    *,
    districts: Sequence[str] = (),
    types: Sequence[str] = (),
    weights: Weights | None = None,
) -> tuple[Candidate, ...]:
    """The registry's institutions in the district(s) and of the type(s) given (all when none),
    with their weights, in the published order; an institution whose agreement a case 解除
    within the last three years is left out (:func:`terminated_candidates` names them)."""
    weights = weights or default_weights()
    for code in types:
        if code not in ws.library.types:
            raise InvalidInput("未知的机构类型：{code}", code=code)
    query = select(Institution)
    if districts:
        query = query.where(Institution.district.in_([d.strip() for d in districts]))
    if types:
        query = query.where(Institution.type_code.in_(list(types)))
    with ws.db.session() as session:
        from inspector.cases.measures import terminated_institutions

        found = []
        flagged = terminated_institutions(session, date.today())
        for place in session.scalars(query):
            if place.id in flagged:
                continue  # 解除协议 within three years: not designated, not drawn
            risk = place.risk_level or weights.default_risk_level
            credit = place.credit_rating or weights.default_credit_rating
            if risk not in weights.risk_levels or credit not in weights.credit_ratings:
                raise InvalidInput("机构“{name}”的风险等级或信用等级不在权重表中", name=place.name)
            found.append(
                Candidate(
                    id=place.id,
                    name=place.name,
                    district=place.district,
                    type_code=place.type_code,
                    agreement_no=place.agreement_no,
                    risk_level=risk,
                    credit_rating=credit,
                    weight=weights.weight(risk, credit),
                )
            )
    return order_candidates(found)


def terminated_candidates(
    ws: Workspace, *, districts: Sequence[str] = (), types: Sequence[str] = ()
) -> list[tuple[str, date]]:
    """The institutions :func:`candidates` leaves out for a 解除协议 in the last three years:
    (name, the day), by name."""
    from inspector.cases.measures import terminated_institutions

    query = select(Institution.id, Institution.name, Institution.district, Institution.type_code)
    with ws.db.session() as session:
        flagged = terminated_institutions(session, date.today())
        return sorted(
            (name, flagged[place])
            for place, name, district, type_code in session.execute(query)
            if place in flagged
            and (not districts or district in [d.strip() for d in districts])
            and (not types or type_code in types)
        )


def candidates_sha256(found: Sequence[Candidate]) -> str:
    """The SHA-256 published with the candidate list, before the random sources are taken."""
    return sha256_of([c.__dict__ for c in found])


def prepare(
    ws: Workspace,
    *,
    method: str,
    sources: str,
    count: int,
    team_size: int = 2,
    cross_district: bool = False,
    reuse_inspectors: bool = False,
    districts: Sequence[str] = (),
    types: Sequence[str] = (),
    title: str = "",
) -> DrawInputs:
    """The published inputs of a draw over the stored registry and roster."""
    parsed = rfc3797.parse_sources(sources)
    return DrawInputs(
        method=method,
        sources=tuple(tuple(values) for values in parsed),
        count=count,
        team_size=team_size,
        cross_district=cross_district,
        reuse_inspectors=reuse_inspectors,
        candidates=candidates(ws, districts=districts, types=types),
        roster=roster_entries(ws),
        title=title.strip(),
    )


@dataclass(frozen=True)
class DrawOutcome:
    draw_id: str
    inputs: DrawInputs
    result: DrawResult
    inspection_ids: list[str]


def run_draw(ws: Workspace, inputs: DrawInputs) -> DrawOutcome:
    """Run the draw and, in one ``draw.run`` event, store it (inputs, their hash, the result)
    and plan one inspection (草稿) per institution drawn, with its team. Nothing is stored when
    the draw cannot be made."""
    result = run(inputs)
    published = result.to_data(inputs)
    mode = "cross" if inputs.cross_district else "random"
    with ws.change(None, "draw.run") as ch:
        session = ch.session
        draw = ch.add(
            Draw(
                method=inputs.method,
                key=result.key,
                inputs=inputs.to_json(),
                inputs_sha256=inputs.sha256,
                result=published,
            )
        )
        session.flush()
        ch.entity(draw)
        people = {
            p.cert_no: p
            for p in session.scalars(
                select(Inspector).where(Inspector.cert_no.in_([r.cert_no for r in inputs.roster]))
            )
        }
        planned: list[Inspection] = []
        for team in result.teams:
            candidate = inputs.candidates[team.candidate]
            target = session.get(Institution, candidate.id)
            if target is None:
                raise NotFound("机构“{name}”已不在名单中", name=candidate.name)
            members = [people[inputs.roster[m].cert_no] for m in team.members]
            roles = [MemberRole.LEADER] + [MemberRole.MEMBER] * (len(members) - 1)
            planned.append(
                add_planned_inspection(
                    ws,
                    session,
                    target,
                    mode=mode,
                    team=list(zip(members, roles, strict=True)),
                    team_district=members[0].district if inputs.cross_district else None,
                    draw_id=draw.id,
                )
            )
        session.flush()
        ch.details.update(
            {
                "method": inputs.method,
                "sources": [list(s) for s in inputs.sources],
                "key": result.key,
                "inputs_sha256": inputs.sha256,
                "candidates": [c.id for c in inputs.candidates],
                "roster": [r.cert_no for r in inputs.roster],
                "result": published["selected"],
                "inspections": [i.id for i in planned],
            }
        )
        return DrawOutcome(draw.id, inputs, result, [i.id for i in planned])


# --- stored draws ------------------------------------------------------------------------


@dataclass(frozen=True)
class DrawSummary:
    id: str
    at: datetime
    title: str
    method: str
    key: str
    inputs_sha256: str
    institutions: int  # how many were drawn


def list_draws(ws: Workspace) -> list[DrawSummary]:
    """The draws made on this laptop (and received), newest first."""
    with ws.db.session() as session:
        rows = session.scalars(select(Draw).order_by(Draw.created_at.desc())).all()
        return [
            DrawSummary(
                id=d.id,
                at=d.created_at,
                title=DrawInputs.from_json(d.inputs).title,
                method=d.method,
                key=d.key,
                inputs_sha256=d.inputs_sha256,
                institutions=len(d.result.get("selected", [])),
            )
            for d in rows
        ]


@dataclass(frozen=True)
class StoredDraw:
    id: str
    inputs: DrawInputs
    result: DrawResult
    at: datetime


def stored_draw(ws: Workspace, draw_id: str) -> StoredDraw:
    """A stored draw, its result run again from its stored inputs: a draw whose stored
    inputs no longer give its stored result (or no longer hash as stored) is refused."""
    with ws.db.session() as session:
        draw = ids.resolve_prefix(session, Draw.id, draw_id, ids.DRAW)
        inputs = DrawInputs.from_json(draw.inputs)
        full_id, stored, at, sha = draw.id, dict(draw.result), draw.created_at, draw.inputs_sha256
    result = run(inputs)
    if inputs.sha256 != sha or result.to_data(inputs)["selected"] != stored.get("selected"):
        raise InvalidInput("抽查 {draw_id} 的存储记录与其公开输入不符，不能导出", draw_id=draw_id)
    return StoredDraw(full_id, inputs, result, at)
