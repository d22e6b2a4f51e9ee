"""The 回头看 (seed 004: 对市级查办的线索每半年进行“回头看”; 列出问题清单，逐个击破、销号管理): a
follow-up inspection made from the ledger, linked to the inspection whose findings it checks
again. Its checklist is a section of those findings, one item each (RV1, RV2, …; origin
``followup:<ledger row id>``), then the items of the 回头看 mode as the composer gives them.

Each finding's verdict is 已整改 (rectified), 未整改 (not_rectified) or 部分整改 (partial), with
a note and new evidence on its item; the answer of the item follows (符合 for 已整改, 发现问题
otherwise), so the record, progress and evidence work as for any item. Signing the follow-up
(the change that locks it) updates the ledger: 已整改 closes the row (销号), the only way a row
is closed; 部分整改 makes it 整改中, 未整改 待整改. New problems found on the mode's items become
rows of their own."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from sqlalchemy import select

from inspector.checklists.composer import ComposedItem, ComposedSection, ComposedSource, compose
from inspector.db.models import (
    Answer,
    FollowUpItem,
    Inspection,
    InspectionMember,
    InspectionStatus,
    LedgerEntry,
    MemberRole,
    Result,
)
from inspector.errors import InvalidInput
from inspector.inspections import (
    TeamMember,
    _find_or_add_inspector,
    _snapshot,
    checklist_of,
    mark_started,
    resolve_id,
)
from inspector.ledger.entries import (
    FOLLOW_UP_ORIGIN,
    IN_PROGRESS,
    OPEN,
    PENDING,
    RECTIFIED,
    STATUS_NAMES,
    TRANSFERRED,
    resolve_entry,
)
from inspector.workspace import Workspace

if TYPE_CHECKING:
    from inspector.audit import Change

MODE = "follow_up"
SECTION = "RV"
VERDICT_NAMES = {"rectified": "已整改", "not_rectified": "未整改", "partial": "部分整改"}
VERDICT_ALIASES = {
    **{code: code for code in VERDICT_NAMES},
    **{name: code for code, name in VERDICT_NAMES.items()},
}
_SOURCES = [
    ComposedSource("004", "二、(二)3.二是", "对市级查办的线索每半年进行“回头看”"),
    ComposedSource("004", "二、(二)3.一是", "列出问题清单，逐个击破、销号管理"),
]


def parse_verdict(text: str) -> str:
    found = VERDICT_ALIASES.get(text.strip())
    if found is None:
        allowed = "、".join(f"{code}（{name}）" for code, name in VERDICT_NAMES.items())
        raise InvalidInput("整改结论“{value}”无效，可选：{allowed}", value=text, allowed=allowed)
    return found


def _item(number: int, row: LedgerEntry) -> ComposedItem:
    described = f"{row.found_on:%Y-%m-%d} 检查发现（{row.item_code}）：{row.item_title}"
    if row.note:
        described += f"。原记录：{row.note}"
    return ComposedItem(
        code=f"{SECTION}{number}",
        section=SECTION,
        title=f"原问题整改：{row.item_title}",
        question=f"{described}。该问题是否已整改到位？",
        guidance=(
            "对照原检查记录、问题台账和整改通知书，逐项核实整改措施是否落实、违规金额是否追回；"
            "整改材料、现场照片作为本次检查的新证据附在本条目下。"
            "结论：已整改（销号）、部分整改或未整改。"
        ),
        guidance_origin="tool",
        violations=[row.violation_code] if row.violation_code else [],
        priority=True,
        origin=f"{FOLLOW_UP_ORIGIN}{row.id}",
        covert=False,
        applies_note="",
        sources=list(_SOURCES),
    )


def create_follow_up(
    ws: Workspace,
    entries: Sequence[str] = (),
    *,
    inspection: str | None = None,
    team: Sequence[TeamMember],
    leader: str | None = None,
) -> str:
    """A 回头看 of the open rows given (ids or prefixes), or of every open row of
    ``inspection``; all of one institution and none already in an unsigned 回头看. One
    ``followup.create`` event. Returns the new inspection's id."""
    if not entries and inspection is None:
        raise InvalidInput("请指定要回头看的问题（台账编号）或原检查")
    if not team:
        raise InvalidInput("检查组至少需要一名检查人员")
    certs = [member.cert_no for member in team]
    if len(set(certs)) != len(certs):
        raise InvalidInput("同一执法证号在检查组中出现了两次")
    leader_cert = leader or team[0].cert_no
    if leader_cert not in certs:
        raise InvalidInput("组长的执法证号 {leader_cert} 不在检查组中", leader_cert=leader_cert)
    with ws.change(None, "followup.create") as ch:
        session = ch.session
        rows: list[LedgerEntry] = [resolve_entry(session, text) for text in entries]
        original: Inspection | None = None
        if inspection is not None:
            original = resolve_id(session, inspection)
            rows += session.scalars(
                select(LedgerEntry)
                .where(LedgerEntry.inspection_id == original.id, LedgerEntry.status.in_(OPEN))
                .order_by(LedgerEntry.item_code)
            ).all()
            if not rows:
                raise InvalidInput("该检查在台账中没有待整改或整改中的问题")
        rows = list({row.id: row for row in rows}.values())
        for row in rows:
            if row.status not in OPEN:
                raise InvalidInput(
                    "问题 {entry} 的状态为“{status}”，只有待整改或整改中的问题可以回头看",
                    entry=row.id[:8],
                    status=STATUS_NAMES.get(row.status, row.status),
                )
        if len({row.institution_id for row in rows}) > 1:
            raise InvalidInput("一次回头看只能针对同一家机构的问题")
        pending = session.execute(
            select(FollowUpItem.entry_id, Inspection.id)
            .join(Inspection, Inspection.id == FollowUpItem.inspection_id)
            .where(
                FollowUpItem.entry_id.in_([row.id for row in rows]),
                Inspection.status != InspectionStatus.SIGNED,
            )
        ).first()
        if pending is not None:
            raise InvalidInput(
                "问题 {entry} 已在尚未签名的回头看 {inspection} 中",
                entry=pending[0][:8],
                inspection=pending[1][:8],
            )
        first = original or session.get(Inspection, rows[0].inspection_id)
        assert first is not None
        place = first.institution
        composed = compose(ws.library, place.type_code, MODE, [])
        section = ComposedSection(
            code=SECTION,
            title="原问题整改情况（回头看）",
            title_en="Findings checked again (follow-up)",
            point=None,
            items=[_item(number, row) for number, row in enumerate(rows, start=1)],
        )
        checklist = replace(composed, sections=[section, *composed.sections])
        visit = Inspection(
            institution=place,
            mode=MODE,
            district=first.district,
            team_district=first.team_district,
            place=first.place,
            focus=[],
            snapshot=_snapshot(session, checklist),
            item_count=len(checklist.items),
            follows_id=first.id,
        )
        ch.add(visit)
        session.flush()
        ch.entity(visit)
        for position, member in enumerate(team):
            person = _find_or_add_inspector(ws, session, member)
            role = MemberRole.LEADER if member.cert_no == leader_cert else MemberRole.MEMBER
            visit.members.append(InspectionMember(inspector=person, role=role, position=position))
        for number, row in enumerate(rows, start=1):
            ch.add(
                FollowUpItem(
                    inspection_id=visit.id, entry_id=row.id, item_code=f"{SECTION}{number}"
                )
            )
        ch.details.update({"follows": first.id, "entries": [row.id for row in rows]})
        session.flush()
        return visit.id


def save_verdict(
    ws: Workspace, inspection_id: str, item_code: str, verdict: str, *, note: str | None = None
) -> None:
    """The team's verdict on a finding checked again, and the item's answer with it, in one
    ``followup.verdict`` event. Evidence goes on the item as for any other."""
    code = parse_verdict(verdict)
    with ws.change(None, "followup.verdict", inspection=inspection_id) as ch:
        session = ch.session
        visit = ch.inspection
        assert visit is not None
        item = session.scalar(
            select(FollowUpItem).where(
                FollowUpItem.inspection_id == visit.id, FollowUpItem.item_code == item_code
            )
        )
        if item is None:
            raise InvalidInput("条目 {item_code} 不是本次回头看的原问题", item_code=item_code)
        if code != "rectified" and not (note or "").strip():
            existing = session.scalar(
                select(Answer.note).where(
                    Answer.inspection_id == visit.id, Answer.item_code == item_code
                )
            )
            if not existing:
                raise InvalidInput("未整改或部分整改时请写明情况")
        item.verdict = code
        result = Result.OK if code == "rectified" else Result.PROBLEM
        answer = session.scalar(
            select(Answer).where(Answer.inspection_id == visit.id, Answer.item_code == item_code)
        )
        if answer is None:
            answer = ch.add(
                Answer(inspection_id=visit.id, item_code=item_code, result=result, note="")
            )
        answer.result = result
        # The note starts with the verdict, so the record (which prints result and note)
        # states 部分整改 and not only 发现问题; a verdict given again replaces the old one.
        text = answer.note if note is None else note
        for name in VERDICT_NAMES.values():
            text = text.removeprefix(f"{name}：").removeprefix(name)
        text = text.strip()
        answer.note = f"{VERDICT_NAMES[code]}：{text}" if text else VERDICT_NAMES[code]
        checklist = checklist_of(ws, visit)
        found = checklist.item(item_code)
        if found is not None and found.violations and result is Result.PROBLEM:
            answer.violation_code = answer.violation_code or found.violations[0]
        mark_started(visit)
        ch.entity(item)
        ch.details.update({"item_code": item_code, "verdict": code})


def _verdict_of(item: FollowUpItem, answer: Answer | None) -> str | None:
    """The verdict the signed answer gives: 符合 is 已整改; 发现问题 is the team's 部分整改 or
    未整改 (未整改 when none was given); no answer, 不适用 or 未检查 change nothing."""
    if answer is None or answer.result not in (Result.OK, Result.PROBLEM):
        return None
    if answer.result is Result.OK:
        return "rectified"
    return item.verdict if item.verdict in ("partial", "not_rectified") else "not_rectified"


def apply_follow_up(ch: Change, visit: Inspection) -> int:
    """In the change that locks ``visit``: a signed 回头看 updates the rows it checked again.
    (An amendment of a 回头看 carries the same items; its answers decide.) Returns the rows
    updated."""
    session = ch.session
    items = session.scalars(select(FollowUpItem).where(FollowUpItem.inspection_id == visit.id))
    by_code = {item.item_code: item for item in items}
    if not by_code and visit.amends_id is not None:
        by_code = {
            item.item_code: item
            for item in session.scalars(
                select(FollowUpItem).where(FollowUpItem.inspection_id == visit.amends_id)
            )
        }
    if not by_code:
        return 0
    answers = {
        answer.item_code: answer
        for answer in session.scalars(select(Answer).where(Answer.inspection_id == visit.id))
    }
    updated = 0
    for code, item in by_code.items():
        verdict = _verdict_of(item, answers.get(code))
        row = session.get(LedgerEntry, item.entry_id)
        if verdict is None or row is None or row.status not in (*OPEN, TRANSFERRED):
            continue
        row.follow_up_verdict = verdict
        if verdict == "rectified":
            row.status = RECTIFIED
            row.closed_by_id = visit.id
        elif row.status != TRANSFERRED:
            row.status = IN_PROGRESS if verdict == "partial" else PENDING
        updated += 1
    ch.details["follow_up_updated"] = updated
    return updated


def follow_up_items(ws: Workspace, inspection_id: str) -> list[tuple[str, str, str | None]]:
    """A 回头看's findings checked again: (item code, ledger row id, verdict)."""
    with ws.db.session() as session:
        visit = resolve_id(session, inspection_id)
        return [
            (item.item_code, item.entry_id, item.verdict)
            for item in session.scalars(
                select(FollowUpItem)
                .where(FollowUpItem.inspection_id == visit.id)
                .order_by(FollowUpItem.created_at, FollowUpItem.item_code)
            )
        ]


def pending_follow_up(ws: Workspace, entry: str) -> tuple[str, str, str | None] | None:
    """The unsigned 回头看 that checks ``entry`` again, if any: (its inspection id, the item
    code, the verdict so far). The 台账 screen takes the verdict there."""
    with ws.db.session() as session:
        row = resolve_entry(session, entry)
        found = session.execute(
            select(FollowUpItem.inspection_id, FollowUpItem.item_code, FollowUpItem.verdict)
            .join(Inspection, Inspection.id == FollowUpItem.inspection_id)
            .where(FollowUpItem.entry_id == row.id, Inspection.status != InspectionStatus.SIGNED)
            .limit(1)
        ).first()
        return None if found is None else (found[0], found[1], found[2])
