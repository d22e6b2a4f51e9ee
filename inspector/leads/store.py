"""Leads (疑点/线索): registered from the office's file, from the rule engine's hits, by hand (a
举报, a case another department referred); assigned (交办: by whom, to whom, the last day to
answer, counted in working days by inspector/workdays.py); attached to an inspection, where
each becomes an item to verify on site (属实 / 部分属实 / 不属实, a note, evidence, the amount);
answered one by one (逐条反馈) in the feedback file and the push to the office.

A verdict is part of what the inspection's signed record states (inspector/record/facts.py,
``leads``), and a lead found 属实 or 部分属实 enters the problem ledger when the record is signed,
as an answer's finding does (inspector/ledger/entries.py).

The reporter's identity (举报人 and how to reach them) is kept confidential: the 举报处理
rules (《医疗保障基金使用监督管理举报处理暂行办法》, 国家医保局令第5号) ask that a 实名举报人's
information be kept strictly secret. It is sealed at once to the office's public key
(inspector/crypto/sealed.py) and stored only sealed, on a plain laptop as on an encrypted one:
no laptop, bundle or server copy can read it; only the office, with its private key, opens it.
The office's key rather than a key of the bureau's laptops or the vault's recovery key: the
team verifies what was reported, not who reported it, so no team member needs to read it, and
the recovery key's holder opens whole laptops, a different duty (one key, one purpose)."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inspector.db.models import Inspection, Lead, LeadCheck, Setting
from inspector.errors import InvalidInput, NotFound
from inspector.inspections import format_fen, parse_amount
from inspector.progress import Reporter
from inspector.tables import TableSpec, cell_text, read_table
from inspector.workdays import add_working_days
from inspector.workspace import Workspace

if TYPE_CHECKING:
    from inspector.settlement.schema import RuleHit

OFFICE = "office"
RULES = "rules"
REPORT = "report"
REFERRAL = "referral"
SOURCE_NAMES = {OFFICE: "上级交办", RULES: "智能监控疑点", REPORT: "举报", REFERRAL: "部门移送"}
SOURCE_ALIASES = {
    **{code: code for code in SOURCE_NAMES},
    **{name: code for code, name in SOURCE_NAMES.items()},
    "交办": OFFICE,
    "智能监控": RULES,
    "疑点": RULES,
    "移送": REFERRAL,
}

PENDING = "pending"
CONFIRMED = "confirmed"
PARTLY = "partly"
UNFOUNDED = "unfounded"
VERDICT_NAMES = {PENDING: "未核查", CONFIRMED: "属实", PARTLY: "部分属实", UNFOUNDED: "不属实"}
VERDICT_ALIASES = {
    **{code: code for code in VERDICT_NAMES},
    **{name: code for code, name in VERDICT_NAMES.items()},
}
FOUND = (CONFIRMED, PARTLY)  # a finding: enters the ledger when the record is signed

# The office's RSA public key (PEM) that reporters' identities are sealed to (a setting).
OFFICE_KEY_SETTING = "leads.office_key"
MAX_ROWS = 20_000

# The office's lead file (xlsx or CSV): one lead a row. README, "线索文件".
LEAD_FILE = TableSpec(
    field_names={
        "number": "线索编号",
        "source": "线索来源",
        "institution": "机构名称",
        "summary": "线索内容",
        "amount": "涉及金额",
        "received_on": "受理日期",
        "assigned_by": "交办人",
        "assigned_to": "承办人",
        "assigned_on": "交办日期",
        "deadline": "办理期限",
        "days": "办理时限（工作日）",
        "settlement_nos": "结算单号",
        "reporter": "举报人",
        "reporter_contact": "举报人联系方式",
    },
    aliases={
        "number": ("线索编号", "编号", "举报编号", "lead_no"),
        "source": ("线索来源", "来源", "source"),
        "institution": ("机构名称", "被举报机构", "被举报单位", "定点医药机构", "institution"),
        "summary": ("线索内容", "举报内容", "问题描述", "疑点描述", "summary"),
        "amount": ("涉及金额", "涉及金额（元）", "金额", "amount"),
        "received_on": ("受理日期", "收到日期", "登记日期", "received_on"),
        "assigned_by": ("交办人", "交办单位", "assigned_by"),
        "assigned_to": ("承办人", "承办单位", "核查人", "assigned_to"),
        "assigned_on": ("交办日期", "assigned_on"),
        "deadline": ("办理期限", "办结期限", "反馈期限", "deadline"),
        "days": ("办理时限", "办理时限（工作日）", "工作日", "days"),
        "settlement_nos": ("结算单号", "就诊ID", "settlement_nos"),
        "reporter": ("举报人", "举报人姓名", "reporter"),
        "reporter_contact": ("举报人联系方式", "举报人电话", "联系方式", "reporter_contact"),
    },
    required=("number", "institution", "summary"),
    max_rows=MAX_ROWS,
    too_many="{name} 的行数超过 {limit}，不像是线索清单",
)


def parse_verdict(text: str) -> str:
    found = VERDICT_ALIASES.get(text.strip())
    if found is None:
        allowed = "、".join(f"{code}（{name}）" for code, name in VERDICT_NAMES.items())
        raise InvalidInput("核查结论“{value}”无效，可选：{allowed}", value=text, allowed=allowed)
    return found


def parse_source(text: str) -> str:
    found = SOURCE_ALIASES.get(text.strip())
    if found is None:
        allowed = "、".join(f"{code}（{name}）" for code, name in SOURCE_NAMES.items())
        raise InvalidInput("线索来源“{value}”无效，可选：{allowed}", value=text, allowed=allowed)
    return found


# --- the office's key -----------------------------------------------------------------------


def set_office_key(ws: Workspace, pem: bytes) -> str:
    """Register the office's public key reporters' identities are sealed to; returns its
    SHA-256 fingerprint. One ``setting.set`` event."""
    from inspector.crypto.sealed import fingerprint, load_office_key
    from inspector.inspections import change_setting

    public = load_office_key(pem)
    change_setting(ws, OFFICE_KEY_SETTING, pem.decode("ascii", errors="strict"))
    return fingerprint(public)


def office_key_fingerprint(ws: Workspace) -> str | None:
    from inspector.crypto.sealed import fingerprint, load_office_key

    pem = ws.db.setting(OFFICE_KEY_SETTING)
    return fingerprint(load_office_key(pem.encode("ascii"))) if pem else None


def _sealer(session: Session) -> Any:
    from inspector.crypto.sealed import load_office_key, seal

    pem = session.scalar(select(Setting.value).where(Setting.key == OFFICE_KEY_SETTING))
    if not pem:
        return None
    public = load_office_key(pem.encode("ascii"))
    return lambda secret: seal(public, secret)


def _seal_reporter(session: Session, name: str, contact: str) -> str | None:
    if not name.strip() and not contact.strip():
        return None
    sealer = _sealer(session)
    if sealer is None:
        raise InvalidInput(
            "举报人信息只能密封给办公室保存：请先登记办公室公钥（lead office-key PEM）"
        )
    return str(sealer(f"{name.strip()}\n{contact.strip()}".encode()))


def open_reporter(
    ws: Workspace, lead: str, private_pem: bytes, password: str | None = None
) -> tuple[str, str]:
    """The office opens a lead's sealed reporter (name, contact) with its private key: only
    where that key is (the office), never on a team's laptop. Nothing is stored or logged in
    clear; the opening is an audited read (``lead.reporter``), naming the lead only."""
    from inspector.crypto.sealed import open_sealed

    with ws.db.session() as session:
        row = resolve_lead(session, lead)
        sealed, number = row.reporter_sealed, row.number
    if sealed is None:
        raise NotFound("线索 {number} 没有举报人信息", number=number)
    opened = open_sealed(private_pem, sealed, password.encode() if password else None)
    name, _, contact = opened.decode("utf-8").partition("\n")
    with ws.change(None, "lead.reporter") as ch:
        ch.entity(kind="leads", id=number)
        ch.details["number"] = number
    return name, contact


# --- registering ----------------------------------------------------------------------------


def _deadline(start: date | None, last_day: date | None, days: int | None) -> date | None:
    if last_day is not None:
        return last_day
    if days is None:
        return None
    if days < 0:
        raise InvalidInput("办理时限不能为负数")
    if start is None:
        raise InvalidInput("按工作日计算办理期限需要交办日期或受理日期")
    return add_working_days(start, days)


def _new_number(received: date) -> str:
    return f"XS{received:%Y%m%d}-{uuid.uuid4().hex[:6].upper()}"


@dataclass(frozen=True)
class NewLead:
    """A lead as registered (by hand, or a row of the office's file)."""

    institution: str
    summary: str
    source: str = REPORT
    number: str | None = None
    amount_fen: int | None = None
    received_on: date | None = None
    assigned_by: str = ""
    assigned_to: str = ""
    assigned_on: date | None = None
    deadline: date | None = None
    deadline_days: int | None = None  # working days after 交办 (else 受理)
    settlement_nos: tuple[str, ...] = ()
    reporter_name: str = ""  # sealed at once to the office; never stored in clear
    reporter_contact: str = ""


def _row(session: Session, new: NewLead, today: date) -> Lead:
    if not new.institution.strip():
        raise InvalidInput("请填写线索涉及的机构")
    if not new.summary.strip():
        raise InvalidInput("请填写线索内容")
    received = new.received_on or today
    number = (new.number or "").strip() or _new_number(received)
    if len(number) > 64:
        raise InvalidInput("线索编号过长（最多 64 个字符）")
    return Lead(
        number=number,
        source=new.source,
        institution_name=new.institution.strip(),
        summary=new.summary.strip(),
        amount_fen=new.amount_fen,
        received_on=received,
        assigned_by=new.assigned_by.strip(),
        assigned_to=new.assigned_to.strip(),
        assigned_on=new.assigned_on,
        deadline=_deadline(new.assigned_on or received, new.deadline, new.deadline_days),
        reporter_sealed=_seal_reporter(session, new.reporter_name, new.reporter_contact),
        settlement_nos=sorted(set(new.settlement_nos)),
    )


def add_lead(ws: Workspace, new: NewLead, *, today: date | None = None) -> str:
    """Register one lead by hand (a 举报, a referral). One ``lead.add`` event; returns its id.
    The event's details name the lead's number, never the reporter."""
    parse_source(new.source)
    with ws.change(None, "lead.add") as ch:
        row = _row(ch.session, new, today or date.today())
        if ch.session.scalar(select(Lead.id).where(Lead.number == row.number)):
            raise InvalidInput("线索编号 {number} 已登记", number=row.number)
        ch.add(row)
        ch.session.flush()
        ch.entity(row)
        ch.details.update({"number": row.number, "source": row.source})
        return row.id


@dataclass
class LeadImport:
    path: Path
    added: int = 0
    already: int = 0  # numbers already registered: left as they are
    sealed: int = 0  # rows whose reporter was sealed to the office


def _cell(cells: Sequence[Any], columns: dict[str, int], name: str) -> Any:
    index = columns.get(name)
    return cells[index] if index is not None and index < len(cells) else None


def import_leads(ws: Workspace, path: Path, reporter: Reporter | None = None) -> LeadImport:
    """The office's lead file (columns: README「线索文件」). Every row is checked first: any
    refused row (named by its number) refuses the whole file, nothing imported. A number
    already registered is left as it is (the same file imported twice adds nothing). One
    ``lead.import`` event."""
    from inspector.claims.reader import RowError, parse_date, parse_money

    path = Path(path)
    table = read_table(path, LEAD_FILE, reporter)
    columns = table.header.columns
    parsed: list[tuple[int, NewLead]] = []
    refused: list[str] = []
    seen: dict[str, int] = {}
    today = date.today()
    for number, cells in table.rows:
        if not any(cell_text(c) for c in cells):
            continue

        def text(name: str, cells: Sequence[Any] = cells) -> str:
            return cell_text(_cell(cells, columns, name))

        try:
            lead_no = text("number")
            if not lead_no:
                raise RowError("线索编号为空")
            if lead_no in seen:
                raise RowError(f"线索编号 {lead_no} 与第 {seen[lead_no]} 行重复")
            seen[lead_no] = number
            days_text = text("days")
            try:
                days = int(days_text) if days_text else None
            except ValueError as error:
                raise RowError(f"办理时限“{days_text}”不是整数") from error
            source = text("source")
            new = NewLead(
                number=lead_no,
                source=SOURCE_ALIASES.get(source, OFFICE) if source else OFFICE,
                institution=text("institution"),
                summary=text("summary"),
                amount_fen=parse_money(_cell(cells, columns, "amount"), "涉及金额"),
                received_on=parse_date(_cell(cells, columns, "received_on"), "受理日期"),
                assigned_by=text("assigned_by"),
                assigned_to=text("assigned_to"),
                assigned_on=parse_date(_cell(cells, columns, "assigned_on"), "交办日期"),
                deadline=parse_date(_cell(cells, columns, "deadline"), "办理期限"),
                deadline_days=days,
                settlement_nos=tuple(
                    s for s in text("settlement_nos").replace("，", ",").split(",") if s.strip()
                ),
                reporter_name=text("reporter"),
                reporter_contact=text("reporter_contact"),
            )
            if not new.institution:
                raise RowError("机构名称为空")
            if not new.summary:
                raise RowError("线索内容为空")
        except RowError as error:
            refused.append(f"第 {number} 行：{error}")
            continue
        parsed.append((number, new))
    if refused:
        raise InvalidInput(
            "{name} 有 {count} 行无法导入，未导入任何线索：{rows}",
            name=path.name,
            count=len(refused),
            rows="；".join(refused[:20]),
        )
    result = LeadImport(path)
    with ws.change(None, "lead.import") as ch:
        existing = set(ch.session.scalars(select(Lead.number).where(Lead.number.in_(list(seen)))))
        for _number, new in parsed:
            if new.number in existing:
                result.already += 1
                continue
            row = ch.add(_row(ch.session, new, today))
            result.added += 1
            result.sealed += row.reporter_sealed is not None
        if not result.added:
            ch.nothing()
            return result
        ch.entity(kind="leads")
        with path.open("rb") as handle:
            sha = hashlib.file_digest(handle, "sha256").hexdigest()
        ch.state = {"file_sha256": sha, "added": result.added}
        ch.details.update({"file": path.name, "sha256": sha, "added": result.added})
    return result


def hit_number(hit: RuleHit) -> str:
    """A hit's lead number: the rule and what it found, so the same hit run again is the same
    lead (and is not registered twice)."""
    key = "|".join([hit.rule_code, *sorted(hit.settlement_nos), *map(str, sorted(hit.row_nos))])
    return f"{hit.rule_code}-{hashlib.sha256(key.encode()).hexdigest()[:12].upper()}"[:64]


def leads_from_hits(
    ws: Workspace, hits: Iterable[RuleHit], *, inspection: str | None = None
) -> list[str]:
    """One lead per rule hit (智能监控疑点), named after the rule with its explanation and the
    amount at stake; with ``inspection``, attached to it at once. A hit already registered
    is not registered again. One ``lead.rules`` event; returns the new leads' ids."""
    hits = list(hits)
    with ws.change(None, "lead.rules", inspection=inspection) as ch:
        institution = ch.inspection.institution.name if ch.inspection is not None else ""
        numbers = {hit_number(hit): hit for hit in hits}
        existing = set(
            ch.session.scalars(select(Lead.number).where(Lead.number.in_(list(numbers))))
        )
        added: list[Lead] = []
        for number, hit in numbers.items():
            if number in existing:
                continue
            added.append(
                ch.add(
                    Lead(
                        number=number,
                        source=RULES,
                        institution_name=institution or "—",
                        summary=f"{hit.rule_name}（{hit.rule_type}）：{hit.explanation}",
                        amount_fen=hit.amount_fen,
                        received_on=date.today(),
                        rule_code=hit.rule_code,
                        settlement_nos=sorted(set(hit.settlement_nos)),
                    )
                )
            )
        if not added:
            ch.nothing()
            return []
        ch.session.flush()
        if ch.inspection is not None:
            for lead in added:
                _attach(ch.session, ch, lead, ch.inspection)
        ch.entity(kind="leads")
        ch.state = {"numbers": sorted(lead.number for lead in added)}
        ch.details["added"] = len(added)
        return [lead.id for lead in added]


def resolve_lead(session: Session, text: str) -> Lead:
    """A lead by its number, or by an unambiguous prefix (4 characters at least) of its id."""
    text = text.strip()
    found = session.scalar(select(Lead).where(Lead.number == text))
    if found is not None:
        return found
    if len(text) >= 4:
        rows = session.scalars(
            select(Lead).where(Lead.id.startswith(text.lower(), autoescape=True)).limit(3)
        ).all()
        if len(rows) == 1:
            return rows[0]
        if len(rows) > 1:
            raise InvalidInput("编号 {text} 对应多条线索，请多写几位", text=text)
    raise NotFound("没有编号为 {text} 的线索", text=text)


def assign_lead(
    ws: Workspace,
    lead: str,
    *,
    assigned_by: str,
    assigned_to: str,
    assigned_on: date,
    deadline: date | None = None,
    days: int | None = None,
) -> date | None:
    """交办: who assigns the lead, to whom, when, and the last day to answer (a date, or a
    number of working days after the day it is assigned). Returns the last day."""
    if not assigned_by.strip() or not assigned_to.strip():
        raise InvalidInput("交办需写明交办人和承办人")
    with ws.change(None, "lead.assign") as ch:
        row = resolve_lead(ch.session, lead)
        row.assigned_by = assigned_by.strip()
        row.assigned_to = assigned_to.strip()
        row.assigned_on = assigned_on
        row.deadline = _deadline(assigned_on, deadline, days)
        ch.entity(row)
        ch.details.update({"number": row.number, "deadline": str(row.deadline)})
        return row.deadline


def record_result(ws: Workspace, lead: str, *, result: str, reward: str | None = None) -> None:
    """The lead's 办理结果 and any reward (举报奖励, yuan as typed)."""
    fen = parse_amount(reward)
    with ws.change(None, "lead.result") as ch:
        row = resolve_lead(ch.session, lead)
        row.result = result.strip()
        if reward is not None:
            row.reward_fen = fen
        ch.entity(row)
        ch.details["number"] = row.number


# --- on site --------------------------------------------------------------------------------


def _attach(session: Session, ch: Any, lead: Lead, inspection: Inspection) -> LeadCheck:
    if lead.inspection_id not in (None, inspection.id):
        other = session.get(Inspection, lead.inspection_id)
        if other is not None and other.status.value != "signed":
            raise InvalidInput(
                "线索 {number} 已交给另一项未签字的检查 {inspection} 核查",
                number=lead.number,
                inspection=other.id[:8],
            )
    found = session.scalar(
        select(LeadCheck).where(
            LeadCheck.lead_id == lead.id, LeadCheck.inspection_id == inspection.id
        )
    )
    if found is not None:
        return found
    lead.inspection_id = inspection.id
    return ch.add(
        LeadCheck(
            lead_id=lead.id,
            inspection_id=inspection.id,
            number=lead.number,
            summary=lead.summary,
            verdict=PENDING,
            evidence_ids=[],
        )
    )


def attach_leads(ws: Workspace, inspection: str, leads: Sequence[str]) -> int:
    """Attach leads to a visit: each becomes an item to verify on site. Returns how many were
    new to it. One ``lead.attach`` event."""
    if not leads:
        raise InvalidInput("请指定要核查的线索")
    with ws.change(None, "lead.attach", inspection=inspection) as ch:
        assert ch.inspection is not None
        before = ch.session.scalar(
            select(func.count())
            .select_from(LeadCheck)
            .where(LeadCheck.inspection_id == ch.inspection.id)
        )
        for text in leads:
            _attach(ch.session, ch, resolve_lead(ch.session, text), ch.inspection)
        ch.session.flush()
        after = ch.session.scalar(
            select(func.count())
            .select_from(LeadCheck)
            .where(LeadCheck.inspection_id == ch.inspection.id)
        )
        added = int(after or 0) - int(before or 0)
        if not added:
            ch.nothing()
            return 0
        ch.entity(kind="lead_checks")
        ch.state = {"leads": sorted(leads)}
        ch.details["attached"] = added
        return added


def verify_lead(
    ws: Workspace,
    inspection: str,
    lead: str,
    verdict: str,
    note: str = "",
    amount: str | None = None,
    evidence_ids: Sequence[str] | None = None,
) -> None:
    """The team's verdict on a lead attached to the visit: 属实, 部分属实 (both a finding: they
    need a note) or 不属实, with the amount found and evidence of this inspection."""
    from inspector.evidence.manage import resolve_evidence

    code = parse_verdict(verdict)
    if code in FOUND and not note.strip():
        raise InvalidInput("核查属实或部分属实时请写明查实的问题")
    fen = parse_amount(amount)
    with ws.change(None, "lead.verify", inspection=inspection) as ch:
        assert ch.inspection is not None
        row = resolve_lead(ch.session, lead)
        check = ch.session.scalar(
            select(LeadCheck).where(
                LeadCheck.lead_id == row.id, LeadCheck.inspection_id == ch.inspection.id
            )
        )
        if check is None:
            raise NotFound(
                "线索 {number} 未交给本次检查核查：请先把它加入本次检查", number=row.number
            )
        linked = [
            resolve_evidence(ch.session, text, ch.inspection.id).id for text in evidence_ids or []
        ]
        check.verdict = code
        check.note = note.strip()
        check.amount_fen = fen if code in FOUND else None
        if evidence_ids is not None:
            check.evidence_ids = sorted(set(check.evidence_ids) | set(linked))
        ch.entity(check)
        ch.details.update({"number": row.number, "verdict": code})


# --- reading --------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckView:
    id: str
    inspection_id: str
    verdict: str
    verdict_name: str
    note: str
    amount_fen: int | None
    evidence_ids: list[str]


@dataclass(frozen=True)
class LeadView:
    id: str
    number: str
    source: str
    source_name: str
    institution_name: str
    summary: str
    amount_fen: int | None
    received_on: date
    assigned_by: str
    assigned_to: str
    assigned_on: date | None
    deadline: date | None
    has_reporter: bool  # a sealed identity is kept for the office (never shown)
    result: str
    reward_fen: int | None
    rule_code: str | None
    settlement_nos: list[str]
    inspection_id: str | None
    check: CheckView | None  # the verification on the visit it is attached to

    @property
    def verdict_name(self) -> str:
        return self.check.verdict_name if self.check else VERDICT_NAMES[PENDING]

    def deadline_flags(self, today: date) -> tuple[str, ...]:
        """``late`` / ``due`` for an unanswered lead, and ``provisional`` when the deadline
        crosses a year whose holidays are not published yet (inspector/workdays.py)."""
        from inspector.workdays import CALENDAR, DUE, LATE, Deadline

        if self.deadline is None:
            return ()
        flags: list[str] = []
        if self.check is None or self.check.verdict == PENDING:
            state = Deadline(self.deadline, today).state
            if state in (LATE, DUE):
                flags.append(state)
        if CALENDAR.provisional(self.assigned_on or self.received_on, self.deadline):
            flags.append("provisional")
        return tuple(flags)

    def deadline_note(self, today: date) -> str:
        return "，".join(DEADLINE_NOTES[flag] for flag in self.deadline_flags(today))


DEADLINE_NOTES = {"late": "已逾期", "due": "即将到期", "provisional": "节假日安排待公布"}


def _view(row: Lead, check: LeadCheck | None) -> LeadView:
    return LeadView(
        id=row.id,
        number=row.number,
        source=row.source,
        source_name=SOURCE_NAMES.get(row.source, row.source),
        institution_name=row.institution_name,
        summary=row.summary,
        amount_fen=row.amount_fen,
        received_on=row.received_on,
        assigned_by=row.assigned_by,
        assigned_to=row.assigned_to,
        assigned_on=row.assigned_on,
        deadline=row.deadline,
        has_reporter=row.reporter_sealed is not None,
        result=row.result,
        reward_fen=row.reward_fen,
        rule_code=row.rule_code,
        settlement_nos=list(row.settlement_nos),
        inspection_id=row.inspection_id,
        check=None
        if check is None
        else CheckView(
            check.id,
            check.inspection_id,
            check.verdict,
            VERDICT_NAMES.get(check.verdict, check.verdict),
            check.note,
            check.amount_fen,
            list(check.evidence_ids),
        ),
    )


def list_leads(ws: Workspace, inspection: str | None = None) -> list[LeadView]:
    """Every lead (newest first), or those attached to ``inspection`` (by number)."""
    from inspector.inspections import resolve_id

    with ws.db.session() as session:
        query = select(Lead)
        target = None
        if inspection is not None:
            target = resolve_id(session, inspection).id
            query = query.join(LeadCheck, LeadCheck.lead_id == Lead.id).where(
                LeadCheck.inspection_id == target
            )
            query = query.order_by(Lead.number)
        else:
            query = query.order_by(Lead.received_on.desc(), Lead.number)
        rows = session.scalars(query).all()
        if target is not None:
            wanted = select(LeadCheck).where(LeadCheck.inspection_id == target)
        else:
            wanted = (
                select(LeadCheck)
                .join(Lead, Lead.id == LeadCheck.lead_id)
                .where(LeadCheck.inspection_id == Lead.inspection_id)
            )
        checks = {c.lead_id: c for c in session.scalars(wanted)}
        return [_view(row, checks.get(row.id)) for row in rows]


def get_lead(ws: Workspace, text: str) -> LeadView:
    with ws.db.session() as session:
        row = resolve_lead(session, text)
        check = None
        if row.inspection_id is not None:
            check = session.scalar(
                select(LeadCheck).where(
                    LeadCheck.lead_id == row.id, LeadCheck.inspection_id == row.inspection_id
                )
            )
        return _view(row, check)


# --- what the record states and the ledger enters -------------------------------------------


@dataclass(frozen=True)
class LeadFacts:
    """A lead verified on the visit as the signed record states it."""

    number: str
    summary: str
    verdict: str
    note: str
    amount_fen: int | None
    evidence_ids: list[str]

    def hashed(self) -> list[Any]:
        return [self.number, self.summary, self.verdict, self.note, self.amount_fen,
                sorted(self.evidence_ids)]  # fmt: skip

    @property
    def verdict_name(self) -> str:
        return VERDICT_NAMES.get(self.verdict, self.verdict)


def lead_facts(ws: Workspace, inspection_id: str) -> list[LeadFacts]:
    """The leads verified on a visit, by number: read from the verification rows only (their
    number and summary are copied there), so the record's data are the inspection's own rows."""
    with ws.db.session() as session:
        return [
            LeadFacts(c.number, c.summary, c.verdict, c.note, c.amount_fen, list(c.evidence_ids))
            for c in session.scalars(
                select(LeadCheck)
                .where(LeadCheck.inspection_id == inspection_id)
                .order_by(LeadCheck.number, LeadCheck.id)
            )
        ]


def item_code_of(position: int) -> str:
    """A verified lead's place among the visit's leads, as the ledger and the record name it."""
    return f"XS{position}"


def describe_amount(fen: int | None) -> str:
    return "" if fen is None else f"{format_fen(fen)} 元"


# --- the rule engine's hits -------------------------------------------------------------------


@dataclass(frozen=True)
class RuleSummary:
    """One rule's hits in a run: how many, and the money at stake."""

    rule_code: str
    rule_name: str
    rule_type: str
    hits: int
    amount_fen: int


def hits_by_rule(hits: Iterable[RuleHit]) -> list[RuleSummary]:
    """The hits grouped by rule, in the order the rules first hit."""
    found: dict[str, list[RuleHit]] = {}
    for hit in hits:
        found.setdefault(hit.rule_code, []).append(hit)
    return [
        RuleSummary(
            code, group[0].rule_name, group[0].rule_type, len(group),
            sum(h.amount_fen for h in group),
        )
        for code, group in found.items()
    ]  # fmt: skip


def leads_from_rules(ws: Workspace, inspection: str) -> list[str]:
    """The hits of the inspection's latest rule run (inspector/rules/store.py), each a lead
    attached to it (:func:`leads_from_hits`); returns the new leads' ids."""
    from inspector.rules.store import rule_hits

    hits = rule_hits(ws, inspection)
    if not hits:
        raise InvalidInput("本次检查还没有规则命中：请先导入费用明细并运行规则")
    return leads_from_hits(ws, hits, inspection=inspection)


# --- a case another department referred -------------------------------------------------------


def lead_from_referral(ws: Workspace, received: str) -> str:
    """A case received from 公安 or another department (inspector/enforcement/referrals.py,
    ``receive_referral``) made a lead (source 部门移送): its subject, summary and date, the
    sending body as who assigned it, numbered after its 来文文号; the received referral notes
    the lead. One ``lead.referral`` change; a referral already made a lead is refused."""
    from inspector import ids
    from inspector.db.models import ReceivedReferral
    from inspector.enforcement.referrals import RECEIVED_REFERRAL

    with ws.change(None, "lead.referral") as ch:
        referral = ids.resolve_prefix(ch.session, ReceivedReferral.id, received, RECEIVED_REFERRAL)
        if referral.lead_id is not None:
            raise InvalidInput("来文 {number} 已登记为线索", number=referral.document_no)
        number = f"YS-{referral.document_no}"[:64]
        if ch.session.scalar(select(Lead.id).where(Lead.number == number)):
            raise InvalidInput("线索编号 {number} 已登记", number=number)
        institution = referral.subject
        if referral.institution_id is not None:
            from inspector.db.models import Institution

            found = ch.session.get(Institution, referral.institution_id)
            institution = found.name if found is not None else institution
        lead = ch.add(
            Lead(
                number=number,
                source=REFERRAL,
                institution_name=institution,
                summary=referral.summary,
                received_on=referral.received_on,
                assigned_by=referral.sender,
                settlement_nos=[],
            )
        )
        ch.session.flush()
        referral.lead_id = lead.id
        ch.entity(lead)
        ch.details.update({"number": number, "referral": referral.id})
        return lead.id
