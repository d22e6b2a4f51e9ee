"""The office assigns: the 双随机 draw run on the server over the registry and roster the office
published (the laptop's own code: :mod:`inspector.planning.draw`, RFC 3797, and the 抽查结果
workbook of :mod:`inspector.planning.publish` that ``draw verify`` checks), its result as
planned visits assigned to teams, leads assigned to teams (交办, the deadline in working days,
inspector/workdays.py), the package each laptop pulls (signed by the office's key on the
running service, checked on the laptop against its trust list) and what the office sees of
each assignment: 已下达 / 已领取 / 检查中 / 已签署 / 逾期, leads 已交办 / 已核查 / 逾期.

A planned visit's inspection id is chosen here: the laptop makes its visit under that id, so
the inspection it pushes is the assignment's (no matching by institution and date). A lead
keeps its own id (one that arrived by push) or gets one here (a row of the office's file).

Why the office follows assignments to their answer: 《医疗保障基金使用监督管理条例》第二十二条
(医疗保障行政部门应当加强对纳入医疗保障基金支付范围的医疗服务行为和医疗费用的监督) and the
随机抽取检查对象、随机选派执法检查人员 of 国务院《关于在市场监管领域全面推行部门联合
“双随机、一公开”监管的意见》 (国发〔2019〕5号)."""

from __future__ import annotations

import json
import tempfile
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography import x509
from cryptography.x509.oid import NameOID
from sqlalchemy import Connection, or_, select, update

from inspector.campaigns import Campaign
from inspector.central import schema as s
from inspector.errors import InvalidInput, NotFound
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
from inspector.workdays import CALENDAR, add_working_days

if TYPE_CHECKING:  # no import cycle at load
    from inspector.central.service import Central, Device

FORMAT = "inspector-assignments/1"
INSPECTION = "inspection"
LEAD = "lead"

# The states the office sees (assignment_status).
ISSUED = "已下达"
PULLED = "已领取"
UNDER_WAY = "检查中"
SIGNED = "已签署"
LATE = "逾期"
WITHDRAWN = "已撤回"
LEAD_ASSIGNED = "已交办"
LEAD_ANSWERED = "已核查"
VISIT_STATES = (ISSUED, PULLED, UNDER_WAY, SIGNED, LATE)
LEAD_STATES = (LEAD_ASSIGNED, LEAD_ANSWERED, LATE)


def _now() -> datetime:
    return datetime.now(UTC)


def _latest(c: Connection, kind: str) -> tuple[str, bytes] | None:
    row = c.execute(
        select(s.publications.c.name, s.publications.c.body)
        .where(s.publications.c.kind == kind)
        .order_by(s.publications.c.version.desc())
        .limit(1)
    ).first()
    return None if row is None else (str(row.name), bytes(row.body))


# --- the draw's inputs from what the office published ------------------------------------------


def registry_candidates(
    central: Central, *, districts: Sequence[str] = (), types: Sequence[str] = ()
) -> tuple[Candidate, ...]:
    """The institutions of the latest published registry, as a laptop that installed it has
    them (the same reading and checks: inspector/registry/), in the draw's published order,
    with the default risk level and credit (their weights, inspector/planning/weights.py)."""
    from inspector.checklists.library import load_library
    from inspector.db.models import institution_id
    from inspector.planning.weights import default_weights
    from inspector.progress import NullReporter
    from inspector.registry.plan import _parse_rows, _plan
    from inspector.registry.source import read_source

    with central.engine.connect() as c:
        found = _latest(c, "registry")
    if found is None:
        raise InvalidInput("局端尚未发布机构名录（server publish registry）")
    name, body = found
    library = load_library()
    for code in types:
        if code not in library.types:
            raise InvalidInput("未知的机构类型：{code}", code=code)
    with tempfile.TemporaryDirectory(prefix="inspector-registry-") as folder:
        path = Path(folder) / Path(name).name
        path.write_bytes(body)
        rows = _parse_rows(read_source(path), library, NullReporter())
    _plan(rows, [], library)  # a laptop with no institutions yet: duplicates refused alike
    weights = default_weights()
    wanted = [d.strip() for d in districts]
    out = []
    for row in rows:
        entry = row.entry
        if not row.accepted or entry is None:
            continue
        if (wanted and entry.district not in wanted) or (types and entry.type_code not in types):
            continue
        risk, credit = weights.default_risk_level, weights.default_credit_rating
        out.append(
            Candidate(
                id=institution_id(entry.agreement_no, entry.name, entry.district),
                name=entry.name,
                district=entry.district,
                type_code=entry.type_code,
                agreement_no=entry.agreement_no,
                risk_level=risk,
                credit_rating=credit,
                weight=weights.weight(risk, credit),
            )
        )
    return order_candidates(out)


def roster(central: Central) -> tuple[RosterEntry, ...]:
    """The latest published roster (检查人员名录), in the draw's published order."""
    with central.engine.connect() as c:
        found = _latest(c, "roster")
    if found is None:
        raise InvalidInput("局端尚未发布检查人员名录（server publish roster）")
    try:
        people = json.loads(found[1])
        entries = [
            RosterEntry(
                cert_no=str(p["cert_no"]).strip(),
                name=str(p["name"]).strip(),
                district=str(p["district"]).strip(),
                can_lead=bool(p.get("can_lead")),
            )
            for p in people
        ]
    except (ValueError, KeyError, TypeError) as error:
        raise InvalidInput("检查人员名录格式无效") from error
    return order_roster(entries)


def prepare_draw(
    central: Central,
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
    campaign: str | None = None,
) -> DrawInputs:
    """The published inputs of a draw over the office's registry and roster (as
    inspector/planning/service.prepare makes them on a laptop). ``campaign``: a draw within
    that campaign (专项行动), its candidates the institutions of its types and districts
    (those named must be among them); run it with ``run_draw(..., campaign=…)``."""
    if campaign is not None:
        found = campaign_scope(central, campaign, districts, types)
        districts, types = found.districts, found.types
        title = title.strip() or found.name
    parsed = rfc3797.parse_sources(sources)
    return DrawInputs(
        method=method,
        sources=tuple(tuple(values) for values in parsed),
        count=count,
        team_size=team_size,
        cross_district=cross_district,
        reuse_inspectors=reuse_inspectors,
        candidates=registry_candidates(central, districts=districts, types=types),
        roster=roster(central),
        title=title.strip(),
    )


def campaign_scope(
    central: Central, campaign: str, districts: Sequence[str] = (), types: Sequence[str] = ()
) -> Campaign:
    """The campaign a draw is made within, narrowed to the districts and types named (each
    must be in its scope; none named: all of them). A closed campaign draws nothing."""
    from inspector.central.campaigns import get_campaign

    found = get_campaign(central, campaign)
    if not found.active:
        raise InvalidInput("专项行动“{name}”已结束，不能在其中抽查", name=found.name)
    wanted_districts = [d.strip() for d in districts if d.strip()]
    for district in wanted_districts:
        if district not in found.districts:
            raise InvalidInput(
                "区县 {district} 不在专项行动“{name}”的范围内", district=district, name=found.name
            )
    wanted_types = [t.strip() for t in types if t.strip()]
    for code in wanted_types:
        if code not in found.types:
            raise InvalidInput(
                "机构类型 {type} 不在专项行动“{name}”的范围内", type=code, name=found.name
            )
    return Campaign(
        **{
            **found.__dict__,
            "districts": tuple(wanted_districts) or found.districts,
            "types": tuple(wanted_types) or found.types,
        }
    )


def _check_in_campaign(c: Connection, campaign_id: str, inputs: DrawInputs) -> Campaign:
    """The campaign, read again in the draw's transaction (locked against its closing): still
    active, and every candidate of the draw in its scope."""
    row = c.scalar(
        select(s.campaigns.c.data).where(s.campaigns.c.id == campaign_id).with_for_update()
    )
    if row is None:
        raise InvalidInput("没有这个专项行动：{id}", id=campaign_id[:40])
    found = Campaign.of(row)
    if not found.active:
        raise InvalidInput("专项行动“{name}”已结束，不能在其中抽查", name=found.name)
    for place in inputs.candidates:
        if not found.in_scope(place.type_code, place.district):
            raise InvalidInput(
                "{name}（{district}）不在专项行动“{campaign}”的范围内",
                name=place.name,
                district=place.district,
                campaign=found.name,
            )
    return found


@dataclass(frozen=True)
class OfficeDraw:
    id: str
    inputs: DrawInputs
    result: DrawResult
    assignments: list[str]
    at: datetime
    campaign_id: str | None = None


def _deadline(start: date, days: int | None) -> date | None:
    if days is None:
        return None
    if days < 1:
        raise InvalidInput("办理时限至少 1 个工作日")
    return add_working_days(start, days)


def run_draw(
    central: Central,
    inputs: DrawInputs,
    *,
    by: str,
    days: int | None = None,
    today: date | None = None,
    campaign: str | None = None,
) -> OfficeDraw:
    """Run the draw and, in one transaction, store it and assign each visit drawn to its team
    (the leader's district); ``days``: working days to sign the visit; ``campaign``: the
    campaign's id (or its beginning) the draw is made within, kept with the draw and each of
    its visits. Nothing is stored when the draw cannot be made (InvalidInput names why)."""
    campaign_id = None
    if campaign is not None:
        from inspector.central.campaigns import get_campaign

        campaign_id = get_campaign(central, campaign).id
    result = run(inputs)
    published = result.to_data(inputs)
    today = today or date.today()
    deadline = _deadline(today, days)
    draw_id, now = str(uuid.uuid4()), _now()
    mode = "cross" if inputs.cross_district else "random"
    made: list[str] = []
    with central.engine.begin() as c:
        if campaign_id is not None:
            _check_in_campaign(c, campaign_id, inputs)
        c.execute(
            s.office_draws.insert().values(
                id=draw_id,
                campaign_id=campaign_id,
                title=inputs.title,
                inputs=inputs.to_json(),
                inputs_sha256=inputs.sha256,
                key=result.key,
                result=published,
                created_at=now,
                created_by=by,
            )
        )
        for team in result.teams:
            place = inputs.candidates[team.candidate]
            people = [inputs.roster[m] for m in team.members]
            assignment = str(uuid.uuid4())
            c.execute(
                s.assignments.insert().values(
                    id=assignment,
                    kind=INSPECTION,
                    district=people[0].district,
                    inspectors=[
                        {
                            "cert_no": p.cert_no,
                            "name": p.name,
                            "district": p.district,
                            "role": "leader" if i == 0 else "member",
                        }
                        for i, p in enumerate(people)
                    ],
                    target={
                        "id": place.id,
                        "name": place.name,
                        "district": place.district,
                        "type_code": place.type_code,
                        "agreement_no": place.agreement_no,
                    },
                    inspection_id=str(uuid.uuid4()),
                    draw_id=draw_id,
                    campaign_id=campaign_id,
                    mode=mode,
                    assigned_on=today,
                    deadline=deadline,
                    created_at=now,
                    created_by=by,
                )
            )
            made.append(assignment)
        _event(c, "draw.run", draw=draw_id, key=result.key, inputs_sha256=inputs.sha256, by=by,
               assignments=len(made), campaign=campaign_id)  # fmt: skip
    return OfficeDraw(draw_id, inputs, result, made, now, campaign_id)


def _event(c: Connection, action: str, **details: Any) -> None:
    c.execute(
        s.server_events.insert().values(
            at=_now(), action=action, device_id=None, inspection_id=None, details=details
        )
    )


def stored_draw(central: Central, draw_id: str) -> OfficeDraw:
    """A draw made at the office, run again from its stored inputs: one whose inputs no longer
    give its stored result is refused (as a laptop refuses to export such a draw)."""
    if len(draw_id.strip()) < 4:  # a prefix names one draw only when it is long enough
        raise NotFound("局端没有编号为 {draw_id} 的抽查", draw_id=draw_id)
    with central.engine.connect() as c:
        row = c.execute(
            s.office_draws.select().where(
                s.office_draws.c.id.startswith(draw_id.strip(), autoescape=True)
            )
        ).all()
        if len(row) != 1:
            raise NotFound("局端没有编号为 {draw_id} 的抽查", draw_id=draw_id)
        made = list(
            c.scalars(select(s.assignments.c.id).where(s.assignments.c.draw_id == row[0].id))
        )
    found = row[0]
    inputs = DrawInputs.from_json(found.inputs)
    result = run(inputs)
    if inputs.sha256 != found.inputs_sha256 or result.to_data(inputs) != found.result:
        raise InvalidInput("抽查 {draw_id} 的存储记录与其公开输入不符，不能导出", draw_id=draw_id)
    return OfficeDraw(found.id, inputs, result, made, found.created_at, found.campaign_id)


def draw_workbook(central: Central, draw_id: str, target: Path) -> OfficeDraw:
    """The 抽查结果 workbook of an office draw (``draw verify`` checks it)."""
    from inspector.planning.publish import write_publication

    found = stored_draw(central, draw_id)
    write_publication(target, found.inputs, found.result, draw_id=found.id, at=found.at)
    return found


def draws(central: Central) -> list[dict[str, Any]]:
    t = s.office_draws
    with central.engine.connect() as c:
        found = c.execute(
            select(
                t.c.id,
                t.c.title,
                t.c.key,
                t.c.inputs_sha256,
                t.c.created_at,
                t.c.created_by,
                t.c.campaign_id,
            )
            .order_by(t.c.created_at.desc())
            .limit(50)
        ).all()
    return [dict(r._mapping) for r in found]


# --- leads -------------------------------------------------------------------------------------


def _team(central: Central, inspectors: Sequence[str]) -> list[dict[str, str]]:
    """The team named by 执法证号 (the leader first), as the published roster has them."""
    people = {r.cert_no: r for r in roster(central)}
    team = []
    for position, cert in enumerate(c.strip() for c in inspectors if c.strip()):
        person = people.get(cert)
        if person is None:
            raise NotFound("检查人员名录中没有执法证号 {cert_no}", cert_no=cert)
        team.append(
            {
                "cert_no": person.cert_no,
                "name": person.name,
                "district": person.district,
                "role": "leader" if position == 0 else "member",
            }
        )
    if not team:
        raise InvalidInput("请指定承办的检查人员（执法证号，组长在前）")
    return team


def read_lead_file(path: Path) -> list[dict[str, Any]]:
    """The office's lead file (the laptop's columns, README「线索文件」): every row checked, a
    refused row refuses the file. The reporter's identity is not carried by the server (it is
    sealed to the office's key on a laptop, 举报处理暂行办法): a file that names one is refused."""
    from inspector.claims.reader import RowError, parse_date, parse_money
    from inspector.leads.store import LEAD_FILE, OFFICE, SOURCE_ALIASES
    from inspector.tables import cell_text, read_table

    table = read_table(path, LEAD_FILE)
    columns = table.header.columns
    found: list[dict[str, Any]] = []
    refused: list[str] = []
    seen: set[str] = set()
    for number, cells in table.rows:

        def cell(name: str, cells: Sequence[Any] = cells) -> Any:
            index = columns.get(name)
            return cells[index] if index is not None and index < len(cells) else None

        def text(name: str) -> str:
            return cell_text(cell(name)).strip()

        if not any(cell_text(v) for v in cells):
            continue
        try:
            lead_no = text("number")
            if not lead_no or len(lead_no) > 64:
                raise RowError("线索编号为空或过长")
            if lead_no in seen:
                raise RowError(f"线索编号 {lead_no} 重复")
            seen.add(lead_no)
            if text("reporter") or text("reporter_contact"):
                raise RowError("含举报人信息：请在笔记本上导入（举报人信息须加密保存）")
            if not text("institution") or not text("summary"):
                raise RowError("机构名称或线索内容为空")
            received = parse_date(cell("received_on"), "受理日期")
            source = text("source")
            found.append(
                {
                    "number": lead_no,
                    "source": SOURCE_ALIASES.get(source, OFFICE) if source else OFFICE,
                    "institution_name": text("institution"),
                    "summary": text("summary"),
                    "amount_fen": parse_money(cell("amount"), "涉及金额"),
                    "received_on": received.isoformat() if received else None,
                    "settlement_nos": sorted(
                        {x.strip() for x in text("settlement_nos").replace("，", ",").split(",")}
                        - {""}
                    ),
                }
            )
        except RowError as error:
            refused.append(f"第 {number} 行：{error}")
    if refused:
        raise InvalidInput(
            "{name} 有 {count} 行无法导入，未交办任何线索：{rows}",
            name=path.name,
            count=len(refused),
            rows="；".join(refused[:20]),
        )
    return found


def pushed_leads(central: Central, area: str | None = None) -> list[dict[str, Any]]:
    """Leads the laptops pushed that no open assignment holds yet (the office may assign
    them), by number."""
    r, a = s.rows.c, s.assignments.c
    held = select(a.lead_id).where(a.lead_id.is_not(None), a.withdrawn_at.is_(None))
    with central.engine.connect() as c:
        found = c.scalars(select(r.data).where(r.table_name == "leads", r.deleted.is_(False))).all()
        taken = set(c.scalars(held))
    out = [dict(d) for d in found if d.get("id") not in taken]
    return sorted(out, key=lambda d: str(d.get("number")))


def assign_leads(
    central: Central,
    leads: Sequence[dict[str, Any]],
    *,
    inspectors: Sequence[str],
    by: str,
    days: int,
    today: date | None = None,
) -> list[str]:
    """交办 leads to a team: each an assignment with its last day (``days`` working days after
    today, inspector/workdays.py). A lead an open assignment already holds (by id or number)
    is left as it is. Returns the new assignments' ids."""
    team = _team(central, inspectors)
    today = today or date.today()
    deadline = _deadline(today, days)
    now = _now()
    made = []
    a = s.assignments.c
    with central.engine.begin() as c:
        for lead in leads:
            lead_id = str(
                lead.get("id") or uuid.uuid5(uuid.NAMESPACE_URL, f"lead:{lead['number']}")
            )
            held = c.scalar(
                select(a.id).where(
                    a.kind == LEAD,
                    a.withdrawn_at.is_(None),
                    or_(a.lead_id == lead_id, a.target["number"].astext == str(lead["number"])),
                )
            )
            if held is not None:
                continue
            target = {
                k: lead.get(k)
                for k in (
                    "number", "source", "institution_name", "summary", "amount_fen",
                    "received_on", "settlement_nos", "reporter_sealed",
                )
            }  # fmt: skip
            assignment = str(uuid.uuid4())
            c.execute(
                s.assignments.insert().values(
                    id=assignment,
                    kind=LEAD,
                    district=team[0]["district"],
                    inspectors=team,
                    target=target,
                    lead_id=lead_id,
                    assigned_on=today,
                    deadline=deadline,
                    created_at=now,
                    created_by=by,
                )
            )
            made.append(assignment)
        _event(c, "lead.assign", by=by, assignments=len(made), deadline=str(deadline))
    return made


def assign_pushed(central: Central, numbers: Sequence[str], **kwargs: Any) -> list[str]:
    """交办 leads that arrived by push, named by their numbers."""
    by_number = {str(d.get("number")): d for d in pushed_leads(central)}
    chosen = []
    for number in numbers:
        if number.strip() not in by_number:
            raise NotFound("没有待交办的线索 {number}", number=number)
        chosen.append(by_number[number.strip()])
    return assign_leads(central, chosen, **kwargs)


def withdraw(central: Central, assignment: str, by: str) -> str:
    """Withdraw an assignment (撤回): laptops mark it, and keep any work already begun."""
    a = s.assignments.c
    if len(assignment.strip()) < 4:
        raise NotFound("没有编号为 {assignment} 的未撤回任务", assignment=assignment)
    with central.engine.begin() as c:
        found = c.scalars(
            select(a.id).where(
                a.id.startswith(assignment.strip(), autoescape=True), a.withdrawn_at.is_(None)
            )
        ).all()
        if len(found) != 1:
            raise NotFound("没有编号为 {assignment} 的未撤回任务", assignment=assignment)
        c.execute(update(s.assignments).where(a.id == found[0]).values(withdrawn_at=_now()))
        _event(c, "assignment.withdraw", assignment=found[0], by=by)
    return str(found[0])


# --- what a laptop pulls -----------------------------------------------------------------------


def _cert_nos(c: Connection, device: str) -> set[str]:
    """The 执法证号 of the inspectors whose keys the device enrolled (their certificates'
    serialNumber)."""
    out = set()
    for pem in c.scalars(
        select(s.device_signers.c.certificate_pem).where(s.device_signers.c.device_id == device)
    ):
        try:
            cert = x509.load_pem_x509_certificate(pem.encode("ascii"))
        except ValueError:
            continue
        for attr in cert.subject.get_attributes_for_oid(NameOID.SERIAL_NUMBER):
            out.add(str(attr.value))
    return out


def _package_rows(c: Connection, device: Device) -> list[Any]:
    a = s.assignments.c
    certs = _cert_nos(c, device.id)
    found = c.execute(
        s.assignments.select()
        .where(
            or_(
                a.district.in_(list(device.districts)),
                *(a.inspectors.contains([{"cert_no": cert}]) for cert in sorted(certs)),
            )
        )
        .order_by(a.created_at, a.id)
    ).all()
    return list(found)


def assigned_visits(
    c: Connection, device: Device, inspections: Sequence[str]
) -> dict[str, tuple[str, str]]:
    """Of these inspections, the visits the office assigned to this device's districts or
    inspectors (what it pulls, ``_package_rows``) and has not withdrawn: inspection id -> (the
    team's district, the institution's). Such a visit may be of another district (交叉检查, or
    a team drawn from another district's inspectors): the office's assignment lets its team's
    laptop push it, as the institution of that district."""
    a = s.assignments.c
    certs = _cert_nos(c, device.id)
    found = c.execute(
        select(a.inspection_id, a.district, a.target["district"].astext.label("place")).where(
            a.kind == INSPECTION,
            a.inspection_id.in_(sorted(inspections)),
            a.withdrawn_at.is_(None),
            or_(
                a.district.in_(list(device.districts)),
                *(a.inspectors.contains([{"cert_no": cert}]) for cert in sorted(certs)),
            ),
        )
    )
    return {str(r.inspection_id): (str(r.district), str(r.place)) for r in found}


def package(central: Central, device: Device) -> bytes:
    """The assignments of the device's districts and inspectors, withdrawn ones included (the
    laptop marks them), with the draws they came from: the exact bytes the office signs. It
    names the device, so a package for one laptop is refused by another."""
    with central.engine.connect() as c:
        rows = _package_rows(c, device)
        draw_ids = sorted({r.draw_id for r in rows if r.draw_id})
        drawn = c.execute(s.office_draws.select().where(s.office_draws.c.id.in_(draw_ids))).all()
        # the campaigns its visits were drawn within, as the campaign package has them: a
        # laptop that has not pulled that package yet still tags the visit and adds its focus
        campaign_ids = sorted({r.campaign_id for r in rows if r.campaign_id})
        campaigns = list(
            c.scalars(
                select(s.campaigns.c.data)
                .where(s.campaigns.c.id.in_(campaign_ids))
                .order_by(s.campaigns.c.id)
            )
        )
    data = {
        "format": FORMAT,
        "device": device.id,
        "issued_at": _now().isoformat(),
        "draws": [
            {
                "id": d.id,
                "inputs": d.inputs,
                "inputs_sha256": d.inputs_sha256,
                "key": d.key,
                "result": d.result,
            }
            for d in drawn
        ],
        "campaigns": campaigns,
        "assignments": [
            {
                "id": r.id,
                "kind": r.kind,
                "district": r.district,
                "inspectors": r.inspectors,
                "target": r.target,
                "inspection_id": r.inspection_id,
                "lead_id": r.lead_id,
                "draw_id": r.draw_id,
                "campaign_id": r.campaign_id,
                "mode": r.mode,
                "assigned_on": r.assigned_on.isoformat(),
                "deadline": r.deadline.isoformat() if r.deadline else None,
                "assigned_by": r.created_by,
                "withdrawn": r.withdrawn_at is not None,
            }
            for r in rows
        ],
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")


def acknowledge(central: Central, device: Device, ids: Sequence[str]) -> int:
    """The laptop installed these assignments: 已领取 (the first device to say so)."""
    with central.engine.begin() as c:
        allowed = {r.id for r in _package_rows(c, device)}
        wanted = [i for i in ids if i in allowed]
        if not wanted:
            return 0
        done = c.execute(
            update(s.assignments)
            .where(s.assignments.c.id.in_(wanted), s.assignments.c.pulled_at.is_(None))
            .values(pulled_at=_now(), pulled_by=device.id)
        ).rowcount
        _event(c, "assignment.pulled", device=device.id, count=done)
    return int(done)


# --- what the office sees ----------------------------------------------------------------------


def _late_days(deadline: date | None, today: date) -> int:
    if deadline is None or today <= deadline:
        return 0
    return CALENDAR.working_days_between(deadline, today)


def assignment_rows(
    central: Central,
    area: str | None = None,
    today: date | None = None,
    campaign_id: str | None = None,
) -> list[dict[str, Any]]:
    """Every assignment the user of ``area`` sees (its team's district or the place's), with
    its state, the inspection's or lead's progress as pushed, and the working days late;
    ``campaign_id``: only those drawn within that campaign."""
    today = today or date.today()
    a, i, r = s.assignments.c, s.inspections.c, s.rows.c
    where = [] if area is None else [
        or_(a.district == area, a.target["district"].astext == area)
    ]  # fmt: skip
    if campaign_id is not None:
        where.append(a.campaign_id == campaign_id)
    with central.engine.connect() as c:
        found = c.execute(
            select(s.assignments, i.status.label("inspection_status"))
            .select_from(s.assignments.outerjoin(s.inspections, i.id == a.inspection_id))
            .where(*where)
            .order_by(a.created_at.desc(), a.id)
        ).all()
        lead_ids = [row.lead_id for row in found if row.lead_id]
        numbers = [str(row.target.get("number")) for row in found if row.kind == LEAD]
        verdicts: dict[str, str] = {}
        for data in c.scalars(
            select(r.data).where(
                r.table_name == "lead_checks",
                r.deleted.is_(False),
                or_(
                    r.data["lead_id"].astext.in_(lead_ids),
                    r.data["number"].astext.in_(numbers),
                ),
            )
        ):
            if data.get("verdict") and data.get("verdict") != "pending":
                verdicts[str(data["lead_id"])] = str(data["verdict"])
                # a laptop that held the lead before it was assigned answers it under its own
                # id: the number the check copies says which lead it is
                verdicts[f"number:{data.get('number')}"] = str(data["verdict"])
    out = []
    for row in found:
        verdict: str | None = None
        late = _late_days(row.deadline, today)
        if row.kind == INSPECTION:
            if row.inspection_status == "signed":
                state, late = SIGNED, 0
            elif late:
                state = LATE
            elif row.inspection_status is not None:
                state = UNDER_WAY
            elif row.pulled_at is not None:
                state = PULLED
            else:
                state = ISSUED
        else:
            verdict = verdicts.get(str(row.lead_id)) or verdicts.get(
                f"number:{row.target.get('number')}"
            )
            if verdict:
                state, late = LEAD_ANSWERED, 0
            elif late:
                state = LATE
            else:
                state = LEAD_ASSIGNED
        if row.withdrawn_at is not None:
            state, late = WITHDRAWN, 0
        target = dict(row.target)
        out.append(
            {
                "id": row.id,
                "kind": row.kind,
                "state": state,
                "late_days": late,
                "what": target.get("name") or target.get("number"),
                "place": target.get("district") or target.get("institution_name"),
                "summary": target.get("summary"),
                "district": row.district,
                "team": "、".join(f"{p['name']}（{p['cert_no']}）" for p in row.inspectors),
                "inspection_id": row.inspection_id,
                "lead_id": row.lead_id,
                "draw_id": row.draw_id,
                "campaign_id": row.campaign_id,
                "verdict": verdict if row.kind == LEAD else None,
                "assigned_on": row.assigned_on.isoformat(),
                "deadline": row.deadline.isoformat() if row.deadline else None,
                "pulled": row.pulled_at is not None,
            }
        )
    return out


def assignment_status(
    central: Central,
    area: str | None = None,
    today: date | None = None,
    campaign_id: str | None = None,
) -> dict[str, Any]:
    """For the office's desk: counts of visits by state (已下达 / 已领取 / 检查中 / 已签署 /
    逾期) and of leads (已交办 / 已核查 / 逾期), and the late ones of each with the working days
    they are late, the latest first. ``area``: a district user's district (None: all);
    ``campaign_id``: a campaign's assignments only."""
    rows = assignment_rows(central, area, today, campaign_id)
    visits = [r for r in rows if r["kind"] == INSPECTION]
    leads = [r for r in rows if r["kind"] == LEAD]
    return {
        "visits": {state: sum(1 for r in visits if r["state"] == state) for state in VISIT_STATES},
        "leads": {state: sum(1 for r in leads if r["state"] == state) for state in LEAD_STATES},
        "late_visits": sorted(
            (r for r in visits if r["state"] == LATE), key=lambda r: -int(r["late_days"])
        ),
        "late_leads": sorted(
            (r for r in leads if r["state"] == LATE), key=lambda r: -int(r["late_days"])
        ),
        "withdrawn": sum(1 for r in rows if r["state"] == WITHDRAWN),
    }
