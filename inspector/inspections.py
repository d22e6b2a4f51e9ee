"""Planning an inspection and recording its answers. Every answer is committed when it is given."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.change import EDITABLE, require_editable, resolve_id  # noqa: F401  (re-exported)
from inspector.checklists.composer import Checklist, compose
from inspector.db.models import (
    Answer,
    ChecklistSnapshot,
    Evidence,
    Inspection,
    InspectionMember,
    InspectionStatus,
    Inspector,
    Institution,
    MemberRole,
    Record,
    Result,
    inspector_id,
    institution_id,
    utcnow,
)
from inspector.errors import InvalidInput, NotFound
from inspector.hashing import sha256_of
from inspector.listing import (
    EVERYTHING,
    InspectionFilter,
    InspectionSummary,
    choice_rows,
    count_rows,
    search_rows,
)
from inspector.names import RESULT_NAMES, STATUS_NAMES
from inspector.workspace import Workspace

if TYPE_CHECKING:
    from inspector.audit import Change
    from inspector.campaigns import Campaign


@dataclass(frozen=True)
class TeamMember:
    name: str
    cert_no: str
    district: str | None = None


def parse_member(text: str) -> TeamMember:
    """``NAME:CERTNO[:DISTRICT]`` (a full-width colon is accepted too: it is what a Chinese IME
    types); the district is the inspector's own, which recusal is checked against."""
    parts = [part.strip() for part in text.replace("：", ":").split(":")]
    if len(parts) not in (2, 3) or not parts[0] or not parts[1]:
        raise InvalidInput("检查人员应写成“姓名:执法证号[:所属区县]”，而不是“{text}”", text=text)
    district = parts[2] if len(parts) == 3 and parts[2] else None
    return TeamMember(name=parts[0], cert_no=parts[1], district=district)


CROSS_MODE = "cross"  # 交叉检查: a team of another district (seed 003)


def recusal_clashes(
    ws: Workspace,
    mode: str,
    district: str,
    team: Sequence[TeamMember],
    team_district: str | None = None,
) -> list[str]:
    """Who must recuse in a cross-district check (交叉检查): members whose own district (as
    given, else as this laptop knows them) is the one inspected, and the team itself when its
    home district is. Empty for other modes: a district's own team inspects its district."""
    if mode != CROSS_MODE or not district.strip():
        return []
    known = {person.cert_no: person.district for person in known_inspectors(ws)}
    return recusal_clashes_among(mode, district, team, known, team_district)


def recusal_clashes_among(
    mode: str,
    district: str,
    team: Sequence[TeamMember],
    known: Mapping[str, str],
    team_district: str | None = None,
) -> list[str]:
    """:func:`recusal_clashes` with the inspectors' districts already read (``known``, by
    certificate number): the app's new-inspection dialog warns as the team is typed."""
    inspected = district.strip()
    if mode != CROSS_MODE or not inspected:
        return []
    clashing = [
        member.name or member.cert_no
        for member in team
        if (member.district or known.get(member.cert_no) or "").strip() == inspected
    ]
    if (team_district or "").strip() == inspected:
        clashing.insert(0, "检查组")
    return clashing


def parse_amount(text: str | None) -> int | None:
    """Yuan as typed (``1234.5``, ``1,234.50``, ``¥12``) to fen; refuses what is not money."""
    if text is None or not str(text).strip():
        return None
    cleaned = re.sub(r"[,，\s¥￥元]", "", str(text))
    try:
        value = Decimal(cleaned)
    except InvalidOperation as error:
        raise InvalidInput("金额“{text}”不是数字", text=text) from error
    if not value.is_finite():
        raise InvalidInput("金额“{text}”不是数字", text=text)
    if value < 0:
        raise InvalidInput("金额不能为负数")
    if value != value.quantize(Decimal("0.01")):
        raise InvalidInput("金额最多保留两位小数（分）")
    if value >= Decimal("1e13"):
        raise InvalidInput("金额过大")
    return int(value * 100)


def format_fen(fen: int | None) -> str:
    if fen is None:
        return ""
    return f"{Decimal(fen) / 100:,.2f}"


@dataclass(frozen=True)
class KnownInspector:
    cert_no: str
    name: str
    district: str


def known_inspectors(ws: Workspace) -> list[KnownInspector]:
    """The inspectors this laptop knows, by name (team suggestions, the current inspector)."""
    with ws.db.session() as session:
        return [
            KnownInspector(p.cert_no, p.name, p.district or "")
            for p in session.scalars(select(Inspector).order_by(Inspector.name, Inspector.cert_no))
        ]


def current_inspector(ws: Workspace) -> KnownInspector | None:
    """Who is working on this laptop (the actor of every event), if chosen."""
    if ws.actor is None:
        return None
    with ws.db.session() as session:
        person = session.scalar(select(Inspector).where(Inspector.cert_no == ws.actor))
        if person is None:
            return None
        return KnownInspector(person.cert_no, person.name, person.district or "")


def set_current_inspector(ws: Workspace, member: TeamMember | str) -> KnownInspector:
    """Choose who works on this laptop: a known inspector by 执法证号, or a new one (name and
    执法证号) entered here. One event, acted by the inspector chosen; the choice is kept for
    the next start."""
    from inspector.workspace import CURRENT_INSPECTOR

    cert_no = (member if isinstance(member, str) else member.cert_no).strip()
    if not cert_no:
        raise InvalidInput("请填写执法证号")
    with ws.change(cert_no, "inspector.current") as ch:
        session = ch.session
        if isinstance(member, TeamMember):
            if not member.name.strip():
                raise InvalidInput("请填写检查人员姓名")
            person = _find_or_add_inspector(ws, session, member)
        else:
            person = session.scalar(select(Inspector).where(Inspector.cert_no == cert_no))
            if person is None:
                raise NotFound(
                    "本机没有执法证号为 {cert_no} 的检查人员：请同时填写姓名", cert_no=cert_no
                )
        added = bool(session.new)  # a new inspector entered here
        if _put_setting(ch, CURRENT_INSPECTOR, cert_no) == cert_no and not added:
            ch.nothing()
        ch.entity(person)
        chosen = KnownInspector(person.cert_no, person.name, person.district or "")
    ws.actor = cert_no
    return chosen


def _put_setting(ch: Change, key: str, value: str) -> str | None:
    """Store a setting in the change; returns the value it had (None: none)."""
    from inspector.db.models import Setting

    row = ch.session.get(Setting, key)
    if row is None:
        ch.add(Setting(key=key, value=value))
        return None
    before = row.value
    if before != value:
        row.value = value
    return before


def change_setting(ws: Workspace, key: str, value: str) -> None:
    """A setting that shapes what records say (the bureau's name, ...): one event, with the
    value before and after. The UI's own state (the last item open) is not an action and is
    kept with ``ws.db.set_setting``."""

    with ws.change(None, "setting.set") as ch:
        before = _put_setting(ch, key, value)
        if before == value:
            ch.nothing()
            return
        ch.entity(kind="setting", id=key)
        ch.state = {key: value}
        ch.details.update({"key": key, "before": before, "after": value})


def _find_or_add_inspector(ws: Workspace, session: Session, member: TeamMember) -> Inspector:
    person = session.scalar(select(Inspector).where(Inspector.cert_no == member.cert_no))
    if person is None:
        person = Inspector(
            id=inspector_id(member.cert_no),
            name=member.name,
            cert_no=member.cert_no,
            district=member.district,
        )
        session.add(person)
    elif person.name != member.name:
        raise InvalidInput(
            "执法证号 {cert_no} 已登记为“{name}”，与“{name2}”不符",
            cert_no=member.cert_no,
            name=person.name,
            name2=member.name,
        )
    elif member.district and person.district != member.district:
        person.district = member.district
    return person


def _find_or_add_institution(
    ws: Workspace,
    session: Session,
    name: str,
    type_code: str,
    district: str,
    agreement_no: str | None = None,
) -> Institution:
    place = session.scalar(
        select(Institution).where(Institution.name == name, Institution.district == district)
    )
    if place is None:
        place = Institution(
            id=institution_id(agreement_no, name, district),
            name=name,
            type_code=type_code,
            district=district,
        )
        session.add(place)
    elif place.type_code != type_code:
        known = ws.library.types.get(place.type_code)
        raise InvalidInput(
            ("机构“{name}”（{district}）已登记为“{value}”，与本次填写的类型不符"),
            name=name,
            district=district,
            value=known.name if known else place.type_code,
        )
    return place


def _snapshot(session: Session, checklist: Checklist) -> ChecklistSnapshot:
    data = checklist.to_snapshot()
    sha256 = sha256_of(data)
    existing = session.get(ChecklistSnapshot, sha256)
    if existing is not None:
        return existing
    snapshot = ChecklistSnapshot(sha256=sha256, version=checklist.version_label, data=data)
    session.add(snapshot)
    return snapshot


def _campaign_focus(ws: Workspace, campaign: Campaign, type_code: str) -> list[str]:
    """The campaign's focus packs a visit of ``type_code`` takes: only those with items for
    its type (a hospitals' pack adds nothing to a pharmacy's visit)."""
    useful = {pack.code for pack in ws.library.focus_packs_for(type_code)}
    return [f for f in campaign.focus_packs if f in useful]


def create_inspection(
    ws: Workspace,
    *,
    institution: str,
    type_code: str,
    mode: str,
    district: str,
    team: Sequence[TeamMember],
    leader: str | None = None,
    focus: Sequence[str] = (),
    team_district: str | None = None,
    place: str | None = None,
    agreement_no: str | None = None,
    agreement_expiry: date | None = None,
    recusal_override: str | None = None,
    bureau: str | None = None,
    campaign: str | None = None,
) -> str:
    """Plan a visit, in the name of ``bureau`` (its name, short name or district; by default
    the one serving the inspected district, see inspector.bureaus.choose_bureau). In a
    cross-district check an inspector of the inspected district stays on
    the team only with a stated reason (``recusal_override``), which the inspection keeps and
    its record prints."""
    institution = institution.strip()
    district = district.strip()
    if not institution:
        raise InvalidInput("请填写被检查机构的名称")
    if not district:
        raise InvalidInput("请填写被检查机构所在的区县")
    tagged = None
    if campaign:
        # The office's campaign (专项行动) the visit is part of: in its scope, and its focus
        # packs join the checklist (a visit's checklist: the eight points, the type's
        # priorities and the campaign's focus).
        from inspector.campaigns.local import campaign_for

        with ws.db.session() as session:
            tagged = campaign_for(session, campaign, type_code, district)
        focus = list(dict.fromkeys([*focus, *_campaign_focus(ws, tagged, type_code)]))
    checklist = compose(ws.library, type_code, mode, list(focus))
    if not team:
        raise InvalidInput("检查组至少需要一名检查人员")
    certs = [member.cert_no for member in team]
    if len(set(certs)) != len(certs):
        raise InvalidInput("同一执法证号在检查组中出现了两次")
    # The seeds' procedure has inspectors work in pairs at least; one person is allowed (a
    # planning draft), but the leader must be one of the team.
    leader_cert = leader or team[0].cert_no
    if leader_cert not in certs:
        raise InvalidInput("组长的执法证号 {leader_cert} 不在检查组中", leader_cert=leader_cert)
    from inspector.bureaus import choose_bureau

    chosen_bureau = choose_bureau(ws, bureau, district, team_district)
    clashing = recusal_clashes(ws, mode, district, team, team_district)
    reason = (recusal_override or "").strip()
    if clashing and not reason:
        raise InvalidInput(
            "回避：{names} 所属区县与被检查机构所在区县（{district}）相同；"
            "交叉检查中如确需参加，须说明理由",
            names="、".join(clashing),
            district=district,
        )
    with ws.change(None, "inspection.create") as ch:
        session = ch.session
        target = _find_or_add_institution(
            ws, session, institution, type_code, district, agreement_no
        )
        if agreement_no is not None:
            target.agreement_no = agreement_no
        if agreement_expiry is not None:
            target.agreement_expiry = agreement_expiry
        inspection = Inspection(
            institution=target,
            mode=mode,
            district=district,
            team_district=team_district,
            place=place,
            focus=list(checklist.focus),
            snapshot=_snapshot(session, checklist),
            item_count=len(checklist.items),
            bureau=chosen_bureau.snapshot() if chosen_bureau else None,
            campaign_id=tagged.id if tagged else None,
        )
        ch.add(inspection)
        ch.entity(inspection)
        if tagged:
            ch.details["campaign"] = tagged.name
        if chosen_bureau:
            ch.details["bureau"] = chosen_bureau.name
        overrides = []
        for position, member in enumerate(team):
            person = _find_or_add_inspector(ws, session, member)
            if clashing and (member.name or member.cert_no) in clashing:
                overrides.append(
                    {
                        "cert_no": person.cert_no,
                        "name": person.name,
                        "district": person.district or district,
                        "reason": reason,
                    }
                )
            role = MemberRole.LEADER if member.cert_no == leader_cert else MemberRole.MEMBER
            inspection.members.append(
                InspectionMember(inspector=person, role=role, position=position)
            )
        if "检查组" in clashing:
            overrides.insert(
                0, {"cert_no": None, "name": "检查组", "district": team_district, "reason": reason}
            )
        inspection.recusal_overrides = overrides
        if overrides:
            ch.details["recusal_override"] = overrides
        session.flush()
        return inspection.id


def add_planned_inspection(
    ws: Workspace,
    session: Session,
    target: Institution,
    *,
    mode: str,
    team: Sequence[tuple[Inspector, MemberRole]],
    team_district: str | None = None,
    draw_id: str | None = None,
    campaign: Campaign | None = None,
) -> Inspection:
    """A planned visit (草稿) to a registered institution with a team already chosen, inside an
    open change (the 双随机 draw plans many in one action). The checklist is composed now.
    ``campaign``: the campaign (专项行动) the visit was drawn within: the visit is tagged with
    it and its focus packs join the checklist, as :func:`create_inspection` does; the
    institution must be in its scope."""
    from inspector.bureaus import choose_bureau

    focus: list[str] = []
    if campaign is not None:
        if not campaign.in_scope(target.type_code, target.district):
            raise InvalidInput(
                "{name}（{district}）不在专项行动“{campaign}”的范围内",
                name=target.name,
                district=target.district,
                campaign=campaign.name,
            )
        focus = _campaign_focus(ws, campaign, target.type_code)
    checklist = compose(ws.library, target.type_code, mode, focus)
    try:
        bureau = choose_bureau(ws, None, target.district, team_district)
    except InvalidInput:
        bureau = None  # several bureaus and none evident: named later (inspection bureau)
    inspection = Inspection(
        institution=target,
        mode=mode,
        district=target.district,
        team_district=team_district,
        focus=list(checklist.focus),
        snapshot=_snapshot(session, checklist),
        item_count=len(checklist.items),
        draw_id=draw_id,
        bureau=bureau.snapshot() if bureau else None,
        campaign_id=campaign.id if campaign is not None else None,
    )
    session.add(inspection)
    for position, (person, role) in enumerate(team):
        inspection.members.append(InspectionMember(inspector=person, role=role, position=position))
    return inspection


@dataclass
class AnswerView:
    item_code: str
    result: Result
    note: str
    amount_fen: int | None
    violation_code: str | None
    updated_at: datetime
    no_amount: bool = False  # 不涉及金额, said explicitly
    no_evidence_reason: str | None = None


@dataclass
class EvidenceView:
    id: str
    item_code: str | None
    sha256: str
    size: int
    original_name: str
    media_type: str
    width: int | None
    height: int | None
    orientation: int | None
    captured_at: datetime | None
    gps_lat: float | None
    gps_lon: float | None
    camera: str | None
    metadata_warning: str | None
    added_at: datetime
    added_by: str | None
    # Caption, derived copies (inspector/evidence/), warnings.
    caption: str = ""
    thumb_sha256: str | None = None
    print_sha256: str | None = None
    derived_from: str | None = None
    source_sha256: str | None = None
    time_warning: str | None = None
    pages: int | None = None
    captured_at_text: str | None = None


@dataclass
class InspectionView:
    id: str
    status: InspectionStatus
    mode: str
    mode_name: str
    institution_name: str
    institution_type: str
    institution_type_name: str
    district: str
    team_district: str | None
    agreement_no: str | None
    agreement_expiry: date | None
    place: str | None
    started_at: datetime | None
    ended_at: datetime | None
    created_at: datetime
    team: list[tuple[str, str, MemberRole]]  # name, cert no, role
    checklist: Checklist
    answers: dict[str, AnswerView] = field(default_factory=dict)
    evidence: list[EvidenceView] = field(default_factory=list)
    records: list[tuple[str, str, datetime]] = field(default_factory=list)  # path, sha, when
    amends_id: str | None = None  # the signed inspection whose record this one corrects
    bureau: dict[str, Any] | None = None  # the 执法主体 (inspector.bureaus.Bureau.snapshot)
    recused: list[tuple[str, str, str]] = field(default_factory=list)  # name, cert no, reason

    @property
    def problems(self) -> int:
        return sum(1 for a in self.answers.values() if a.result is Result.PROBLEM)

    @property
    def checked(self) -> int:
        return sum(1 for a in self.answers.values() if a.result is not Result.UNCHECKED)

    @property
    def amount_total_fen(self) -> int:
        # Amounts typed on an item later judged compliant stay stored but do not count.
        return sum(a.amount_fen or 0 for a in self.answers.values() if a.result is Result.PROBLEM)

    @property
    def leader(self) -> tuple[str, str] | None:
        return next(((n, c) for n, c, r in self.team if r is MemberRole.LEADER), None)


def checklist_of(ws: Workspace, inspection: Inspection) -> Checklist:
    """The inspection's composed checklist. A snapshot never changes (it is kept under its
    hash), so each is read and parsed once per open workspace: an answer saved does not
    reload the whole checklist."""
    key = inspection.snapshot_sha256
    found = ws.checklists.get(key)
    if found is None:
        found = Checklist.from_snapshot(inspection.checklist)
        if len(ws.checklists) >= 64:
            ws.checklists.clear()
        ws.checklists[key] = found
    return found


def get_inspection(ws: Workspace, inspection_id: str) -> InspectionView:
    with ws.db.session() as session:
        inspection = resolve_id(session, inspection_id)
        checklist = checklist_of(ws, inspection)
        mode = ws.library.modes.get(inspection.mode)
        view = InspectionView(
            id=inspection.id,
            status=inspection.status,
            mode=inspection.mode,
            mode_name=mode.name if mode else checklist.mode_name,
            institution_name=inspection.institution.name,
            institution_type=inspection.institution.type_code,
            institution_type_name=checklist.type_name,
            district=inspection.district,
            team_district=inspection.team_district,
            agreement_no=inspection.institution.agreement_no,
            agreement_expiry=inspection.institution.agreement_expiry,
            place=inspection.place,
            started_at=inspection.started_at,
            ended_at=inspection.ended_at,
            created_at=inspection.created_at,
            # A recused member (回避) is not one of the 执法人员: kept apart, never on the team.
            team=[
                (m.inspector.name, m.inspector.cert_no, m.role)
                for m in inspection.members
                if not m.recused
            ],
            recused=[
                (m.inspector.name, m.inspector.cert_no, m.recusal_reason or "")
                for m in inspection.members
                if m.recused
            ],
            checklist=checklist,
            amends_id=inspection.amends_id,
            bureau=inspection.bureau,
        )
        for answer in session.scalars(select(Answer).where(Answer.inspection_id == inspection.id)):
            view.answers[answer.item_code] = AnswerView(
                answer.item_code,
                answer.result,
                answer.note,
                answer.amount_fen,
                answer.violation_code,
                answer.updated_at,
                answer.no_amount,
                answer.no_evidence_reason,
            )
        names = {m.inspector.id: m.inspector.name for m in inspection.members}
        for row in session.scalars(
            select(Evidence)
            .where(Evidence.inspection_id == inspection.id)
            .order_by(Evidence.added_at, Evidence.original_name)
        ):
            view.evidence.append(
                EvidenceView(
                    id=row.id,
                    item_code=row.item_code,
                    sha256=row.sha256,
                    size=row.size,
                    original_name=row.original_name,
                    media_type=row.media_type,
                    width=row.width,
                    height=row.height,
                    orientation=row.orientation,
                    captured_at=row.captured_at,
                    gps_lat=row.gps_lat,
                    gps_lon=row.gps_lon,
                    camera=row.camera,
                    metadata_warning=row.metadata_warning,
                    added_at=row.added_at,
                    added_by=names.get(row.added_by or ""),
                    caption=row.caption,
                    thumb_sha256=row.thumb_sha256,
                    print_sha256=row.print_sha256,
                    derived_from=row.derived_from,
                    source_sha256=row.source_sha256,
                    time_warning=row.time_warning,
                    pages=row.pages,
                    captured_at_text=row.captured_at_text,
                )
            )
        for record in session.scalars(
            select(Record).where(Record.inspection_id == inspection.id).order_by(Record.created_at)
        ):
            view.records.append((record.path, record.sha256, record.created_at))
        return view


def count_inspections(ws: Workspace, filters: InspectionFilter = EVERYTHING) -> int:
    with ws.db.reading() as connection:
        return count_rows(connection, filters)


def search_inspections(
    ws: Workspace,
    filters: InspectionFilter = EVERYTHING,
    offset: int = 0,
    limit: int | None = None,
) -> list[InspectionSummary]:
    """Newest first, a page at a time (the statements: inspector/listing.py)."""
    with ws.db.reading() as connection:
        return search_rows(connection, filters, offset, limit)


def list_inspections(
    ws: Workspace, status: InspectionStatus | None = None
) -> list[InspectionSummary]:
    return search_inspections(ws, InspectionFilter(status=status))


def filter_choices(ws: Workspace) -> tuple[list[str], list[str]]:
    """The districts and modes that occur, for the home list's filters."""
    with ws.db.reading() as connection:
        return choice_rows(connection)


REOPEN_FIRST = "该检查的状态为“{status}”，不能再修改；如需修改，请先重新打开检查。"


def mark_started(inspection: Inspection) -> None:
    """The first answer or piece of evidence starts the visit."""
    if inspection.status is InspectionStatus.DRAFT:
        inspection.status = InspectionStatus.IN_PROGRESS
    if inspection.started_at is None:
        inspection.started_at = utcnow()


class _Keep:
    """The stored value stays (an argument not given)."""


KEEP: Any = _Keep()


def save_answer(
    ws: Workspace,
    inspection_id: str,
    item_code: str,
    result: Result | str | None,
    *,
    note: str | None = None,
    amount: str | None = None,
    amount_fen: int | None = KEEP,
    violation: str | None = None,
    actor: Inspector | str | None = None,
    no_amount: bool | None = None,
    no_evidence_reason: str | None = None,
) -> AnswerView | None:
    """Set an item's answer, for the command line and the app alike (undo puts a whole earlier
    state back through here). Fields not given (None) keep their stored value; ``amount`` is
    typed yuan, ``amount_fen`` exact fen; ``no_amount`` says explicitly that a finding involves
    no money (不涉及金额), ``no_evidence_reason`` why it has no evidence.
    ``result=None`` clears the answer (never answered): the row goes with a tombstone. One
    audit event ``answer.save`` / ``answer.clear``."""
    if result is not None:
        try:
            result = Result(result)
        except ValueError as error:
            allowed = "、".join(f"{r.value}（{RESULT_NAMES[r]}）" for r in Result)
            raise InvalidInput(
                "结果“{result}”无效，可选：{allowed}", result=result, allowed=allowed
            ) from error
    parsed_fen = parse_amount(amount)
    action = "answer.clear" if result is None else "answer.save"
    with ws.change(actor, action, inspection=inspection_id) as ch:
        session = ch.session
        inspection = ch.inspection
        assert inspection is not None
        checklist = checklist_of(ws, inspection)
        item = checklist.item(item_code)
        if item is None:
            raise NotFound("本次检查的清单中没有条目 {item_code}", item_code=item_code)
        if violation is not None and violation != "" and violation not in item.violations:
            names = "、".join(
                f"{code}（{ws.library.violations[code].title}）"
                if code in ws.library.violations
                else code
                for code in item.violations
            )
            raise InvalidInput(
                "条目 {item_code} 可记录的违规类别为：{names}", item_code=item_code, names=names
            )
        answer = session.scalar(
            select(Answer).where(
                Answer.inspection_id == inspection.id, Answer.item_code == item_code
            )
        )
        ch.details["item_code"] = item_code
        if result is None:
            if answer is not None:
                ch.delete(answer)
            else:
                ch.entity(kind="answers")
            return None
        if answer is None:
            answer = ch.add(
                Answer(inspection_id=inspection.id, item_code=item_code, result=result, note="")
            )
        ch.entity(answer)
        answer.result = result
        if note is not None:
            answer.note = note
        if amount is not None:
            answer.amount_fen = parsed_fen
        if amount_fen is not KEEP:
            answer.amount_fen = amount_fen
        if violation is not None:
            answer.violation_code = violation or None
        if no_amount is not None:
            answer.no_amount = no_amount
        elif amount is not None or amount_fen is not KEEP:
            answer.no_amount = False  # an amount typed replaces 不涉及金额
        if no_evidence_reason is not None:
            answer.no_evidence_reason = no_evidence_reason.strip() or None
        if answer.no_amount and answer.amount_fen is not None:
            raise InvalidInput(
                "条目 {item_code} 已填写涉及金额，不能同时标记“不涉及金额”", item_code=item_code
            )
        mark_started(inspection)
        session.flush()
        return AnswerView(
            answer.item_code,
            answer.result,
            answer.note,
            answer.amount_fen,
            answer.violation_code,
            answer.updated_at,
            answer.no_amount,
            answer.no_evidence_reason,
        )


def record_answer(
    ws: Workspace,
    inspection_id: str,
    item_code: str,
    result: Result | str,
    *,
    note: str | None = None,
    amount: str | None = None,
    violation: str | None = None,
    no_amount: bool | None = None,
    no_evidence_reason: str | None = None,
) -> AnswerView:
    """:func:`save_answer` with a result (its older name, kept for its callers)."""
    view = save_answer(
        ws,
        inspection_id,
        item_code,
        result,
        note=note,
        amount=amount,
        violation=violation,
        no_amount=no_amount,
        no_evidence_reason=no_evidence_reason,
    )
    assert view is not None
    return view


def finish_inspection(ws: Workspace, inspection_id: str) -> None:
    """The team is done on site: the record can be made and signed."""
    with ws.change(None, "inspection.finish", inspection=inspection_id) as ch:
        inspection = ch.inspection
        assert inspection is not None
        # The law's minimums (行政处罚法 art. 42; 条例 art. 29): refused before anything
        # changes, naming each thing missing (inspector/record/legal.py).
        from inspector.record.legal import require_minimums

        require_minimums(ws, ch.session, inspection)
        ch.entity(inspection)
        mark_started(inspection)
        if not inspection.times_entered and (
            inspection.amends_id is None or inspection.ended_at is None
        ):
            inspection.ended_at = utcnow()  # an amendment keeps the original visit's time
        inspection.status = InspectionStatus.AWAITING_SIGNATURES
        ch.session.flush()
        _keep_clock_warnings(ws, ch, inspection)


def reopen_inspection(ws: Workspace, inspection_id: str) -> None:
    with ws.change(None, "inspection.reopen", inspection=inspection_id, editable=False) as ch:
        inspection = ch.inspection
        assert inspection is not None
        ch.entity(inspection)
        if inspection.status is not InspectionStatus.AWAITING_SIGNATURES:
            raise InvalidInput(
                "只能重新打开待签字的检查（当前状态：{value}）",
                value=STATUS_NAMES[inspection.status],
            )
        inspection.status = InspectionStatus.IN_PROGRESS
        if inspection.amends_id is None and not inspection.times_entered:
            inspection.ended_at = None


def set_inspection_bureau(ws: Workspace, inspection_id: str, bureau: str) -> str:
    """Name the 执法主体 of a visit not yet signed (a cross-district check: the organizing
    bureau). Returns its name."""
    from inspector.bureaus import find_bureau

    chosen = find_bureau(ws, bureau)
    with ws.change(None, "inspection.bureau", inspection=inspection_id) as ch:
        inspection = ch.inspection
        assert inspection is not None
        before = (inspection.bureau or {}).get("name")
        if inspection.record_no is not None and before != chosen.name:
            # The record's number came from the bureau's sequence: it stays that bureau's.
            raise InvalidInput(
                "记录已编号（{number}），不能再更换执法主体", number=inspection.record_no
            )
        inspection.bureau = chosen.snapshot()
        ch.entity(inspection)
        ch.details.update({"before": before, "after": chosen.name})
    return chosen.name


# How far the laptop's clock may be from the photos' and the server's before the record's
# times are flagged (a wrong clock must not go on the legal record unflagged).
CLOCK_TOLERANCE = timedelta(minutes=10)
LAST_SYNC_CLOCK = "last_sync_clock"  # {"server": ISO time, "laptop": ISO time} at the last sync
PHOTO_CLOCK = (
    "照片 {name} 的拍摄时间 {taken} 与检查时间相差 {minutes} 分钟：请核对本机时钟和检查时间"
)
SERVER_CLOCK = "上次同步时本机时钟与中心服务器相差 {minutes} 分钟：请校准本机时钟并核对检查时间"


def set_inspection_times(
    ws: Workspace, inspection_id: str, start: datetime, end: datetime | None = None
) -> list[str]:
    """The team enters when the visit started and ended (检查时间; the clock's defaults are
    replaced and no longer moved by finish or reopen). Aware times; returns the clock warnings
    (:func:`clock_warnings`), each also kept on the inspection's log."""
    if start.tzinfo is None or (end is not None and end.tzinfo is None):
        raise ValueError("times must carry their time zone")
    if end is not None and end < start:
        raise InvalidInput(
            "检查结束时间 {end} 早于开始时间 {start}",
            end=f"{end.astimezone():%Y-%m-%d %H:%M}",
            start=f"{start.astimezone():%Y-%m-%d %H:%M}",
        )
    if start > utcnow() + CLOCK_TOLERANCE:
        raise InvalidInput(
            "检查开始时间 {start} 在将来", start=f"{start.astimezone():%Y-%m-%d %H:%M}"
        )
    with ws.change(None, "inspection.times", inspection=inspection_id) as ch:
        inspection = ch.inspection
        assert inspection is not None
        ch.details["before"] = [_iso(inspection.started_at), _iso(inspection.ended_at)]
        mark_started(inspection)
        inspection.started_at, inspection.ended_at = start, end
        inspection.times_entered = True
        ch.entity(inspection)
        ch.details["after"] = [_iso(start), _iso(end)]
        ch.session.flush()
        return _keep_clock_warnings(ws, ch, inspection)


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def clock_warnings(ws: Workspace, inspection_id: str) -> list[str]:
    """Why the visit's times may be wrong: a photo whose own time (EXIF) falls more than
    ``CLOCK_TOLERANCE`` outside the visit, or the laptop's clock off the central server's by
    more at the last sync."""
    with ws.db.session() as session:
        return _clock_warnings(ws, session, resolve_id(session, inspection_id))


def _clock_warnings(ws: Workspace, session: Session, inspection: Inspection) -> list[str]:
    warnings = []
    start, end = inspection.started_at, inspection.ended_at
    photos = session.execute(
        select(Evidence.original_name, Evidence.captured_at).where(
            Evidence.inspection_id == inspection.id,
            Evidence.captured_at.is_not(None),
            Evidence.derived_from.is_(None),
        )
    ).all()
    if start is not None:
        finish = end or utcnow()
        for name, taken in photos:
            gap = start - taken if taken < start else taken - finish
            if gap > CLOCK_TOLERANCE:
                warnings.append(
                    PHOTO_CLOCK.format(
                        name=name,
                        taken=f"{taken.astimezone():%Y-%m-%d %H:%M}",
                        minutes=int(gap.total_seconds() // 60),
                    )
                )
    sync = ws.db.setting(LAST_SYNC_CLOCK)
    if sync:
        import json

        seen = json.loads(sync)
        gap = datetime.fromisoformat(seen["laptop"]) - datetime.fromisoformat(seen["server"])
        if abs(gap) > CLOCK_TOLERANCE:
            warnings.append(SERVER_CLOCK.format(minutes=int(abs(gap).total_seconds() // 60)))
    return warnings


def _keep_clock_warnings(ws: Workspace, ch: Change, inspection: Inspection) -> list[str]:
    """The clock warnings kept on the log with the action that fixed the visit's times (one
    event an action: they are part of what finishing or entering the times recorded)."""
    warnings = _clock_warnings(ws, ch.session, inspection)
    if warnings:
        ch.details["clock_warnings"] = warnings
    return warnings
