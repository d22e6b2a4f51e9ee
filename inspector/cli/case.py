"""``case open|list|show|<step>|measure|measure-cancel|pay|due|export``: the case procedure
(案件) from a finding (or a lead) to 结案. Each step is a subcommand with its date
(``--date``, today when not given) and its people; the core refuses a step out of order with the
rule named (inspector/cases/)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from inspector.cli.output import Printer, open_workspace, parse_day
from inspector.inspections import format_fen


def _on(args: argparse.Namespace) -> date:
    return parse_day(args.date, "日期") or date.today()


def _line(case: Any) -> str:
    entries = "、".join(e[:8] for e in case.entry_ids) or (
        f"线索 {case.lead_id}" if case.lead_id else ""
    )
    return (
        f"{case.id[:8]}  {case.opened_on:%Y-%m-%d}  {case.party_name}  {case.stage_name}  "
        f"{case.summary or '—'}  {entries}"
    )


def _show_lines(ws: Any, case: Any) -> list[str]:
    from inspector.cases.deadlines import calendar_of, case_deadlines
    from inspector.cases.rules import DISCRETION_NAMES, PARTY_NAMES, ROLE_NAMES

    lines = [
        f"案件编号：{case.id}",
        f"当事人：{case.party_name}（{PARTY_NAMES.get(case.party_kind, case.party_kind)}）",
        f"案由：{case.summary or '—'}",
        f"阶段：{case.stage_name}",
        "来源："
        + (
            "台账 " + "、".join(e[:8] for e in case.entry_ids)
            if case.entry_ids
            else f"线索 {case.lead_id}"
        ),
        f"检查日期：{case.visit_on:%Y-%m-%d}  登记日期：{case.opened_on:%Y-%m-%d}",
    ]
    if case.officers:
        lines.append(
            "承办人：" + "、".join(f"{o['name']}（{o['cert_no']}）" for o in case.officers)
        )
    if case.end_reason:
        lines.append(f"结束：{case.ended_on:%Y-%m-%d}  {case.end_reason}")
    lines.append("步骤：" + ("" if case.steps else "—"))
    for step in case.steps:
        people = "、".join(
            f"{ROLE_NAMES.get(p.get('role', ''), p.get('role', ''))} {p.get('name', '')}"
            for p in step.people
        )
        lines.append(
            f"  {step.on_date:%Y-%m-%d}  {step.name}  {people}"
            + (f"  {step.document_no}" if step.document_no else "")
        )
        facts = step.facts
        if "statement_last_day" in facts:
            shown = f"    陈述申辩期限至 {facts['statement_last_day']}"
            if facts.get("hearing"):
                shown += f"；听证申请期限至 {facts['hearing_last_day']}"
            if facts.get("provisional"):
                shown += "（节假日未公布，暂定）"
            lines.append(shown)
        for key, label in (
            ("facts", "事实"),
            ("opinion", "审核意见"),
            ("text", "陈述申辩"),
            ("summary", "听证情况"),
            ("reason", "理由"),
        ):
            if facts.get(key):
                lines.append(f"    {label}：{facts[key]}")
        if facts.get("way_name") and step.kind == "serve":
            lines.append(
                f"    {facts['way_name']}，受送达人 {facts.get('recipient', '—')}"
                + (f"，见证人 {facts['witness']}" if facts.get("witness") else "")
                + ("（超过七个工作日）" if facts.get("late") else "")
            )
    lines.append("处理措施：" + ("" if case.measures else "—"))
    for m in case.measures:
        text = f"  {m.id[:8]}  {m.on_date:%Y-%m-%d}  {m.name}"
        if m.article:
            text += f"  条例第{m.article}条"
        if m.amount_fen is not None:
            text += f"  {format_fen(m.amount_fen)} 元，已缴 {format_fen(m.paid_fen)} 元"
        if m.basis_fen is not None:
            text += f"（基数 {format_fen(m.basis_fen)} 元）"
        if m.discretion:
            text += f"  {DISCRETION_NAMES[m.discretion]}：{m.reason}"
        if m.period_from and m.period_to:
            text += f"  {m.period_from:%Y-%m-%d} 至 {m.period_to:%Y-%m-%d}"
        if m.cancelled:
            text += "  （已撤回）"
        lines.append(text)
    for p in case.payments:
        lines.append(
            f"  缴款 {p.on_date:%Y-%m-%d}  {format_fen(p.amount_fen)} 元  措施 {p.measure_id[:8]}"
            + (f"  票据 {p.receipt_no}" if p.receipt_no else "")
        )
    deadlines = case_deadlines(case, date.today(), calendar_of(ws))
    if deadlines:
        lines.append("期限：")
        lines.extend(f"  {d.line()}" for d in deadlines)
    from inspector.cli.case_documents import document_lines

    return lines + document_lines(ws, case.id)


def cmd_open(args: argparse.Namespace, out: Printer) -> None:
    from inspector.cases.core import get_case, open_case
    from inspector.ledger.entries import enter_signed

    with open_workspace(args) as ws:
        enter_signed(ws)
        case_id = open_case(
            ws,
            entries=args.entries,
            lead_id=args.lead,
            institution=args.institution,
            party_name=args.party,
            party_kind="person" if args.person else "org",
            summary=args.summary or "",
            on_date=_on(args),
        )
        case = get_case(ws, case_id)
    out.emit(
        case, f"已登记案件 {case.id[:8]}（{case.party_name}），下一步：case file {case.id[:8]}"
    )


def cmd_list(args: argparse.Namespace, out: Printer) -> None:
    from inspector.cases.core import CaseFilter, list_cases

    with open_workspace(args) as ws:
        cases = list_cases(ws, CaseFilter(stage=args.stage, institution=args.search))
    out.emit(cases, "\n".join(_line(c) for c in cases) or "没有符合条件的案件")


def cmd_show(args: argparse.Namespace, out: Printer) -> None:
    from inspector.cases.core import get_case

    with open_workspace(args) as ws:
        case = get_case(ws, args.case)
        lines = _show_lines(ws, case)
    out.emit(case, "\n".join(lines))


def _stepped(out: Printer, args: argparse.Namespace, step: Any) -> None:
    out.emit(step, f"{args.case}：{step.on_date:%Y-%m-%d} {step.name} 已记录")


def cmd_step(args: argparse.Namespace, out: Printer) -> None:
    from inspector.cases import steps

    on = _on(args)
    with open_workspace(args) as ws:
        kind = args.step
        if kind == "file":
            step = steps.file_case(
                ws,
                args.case,
                on_date=on,
                officers=args.officer or [],
                approver=args.approver,
                document_no=args.doc_no,
            )
        elif kind in ("not-file", "withdraw", "terminate"):
            call = {
                "not-file": steps.not_file,
                "withdraw": steps.withdraw,
                "terminate": steps.terminate,
            }[kind]
            step = call(ws, args.case, on_date=on, reason=args.reason, approver=args.approver)
        elif kind == "investigate":
            step = steps.investigate(
                ws,
                args.case,
                on_date=on,
                facts=args.facts,
                evidence=args.evidence or "",
                by=args.by,
            )
        elif kind == "review":
            step = steps.review(
                ws,
                args.case,
                on_date=on,
                reviewer=args.reviewer,
                reviewer_no=args.reviewer_no,
                opinion=args.opinion,
                passed=not args.fail,
            )
        elif kind == "notify":
            step = steps.notify(
                ws,
                args.case,
                on_date=on,
                way=args.way,
                recipient=args.recipient,
                witness=args.witness,
                consent=args.consent,
                statement_days=args.days,
                by=args.by,
                document_no=args.doc_no,
            )
        elif kind == "statement":
            step = steps.statement(
                ws, args.case, on_date=on, text=args.text, by=args.by, oral=args.oral
            )
        elif kind == "waive":
            step = steps.waive(ws, args.case, on_date=on, written=args.written, by=args.by)
        elif kind == "hearing-request":
            step = steps.hearing_request(ws, args.case, on_date=on, by=args.by)
        elif kind == "hearing":
            step = steps.hearing(
                ws,
                args.case,
                on_date=on,
                host=args.host,
                host_no=args.host_no,
                summary=args.summary,
            )
        elif kind == "decide":
            step = steps.decide(
                ws, args.case, on_date=on, approver=args.approver, document_no=args.doc_no
            )
        elif kind == "serve":
            step = steps.serve(
                ws,
                args.case,
                on_date=on,
                way=args.way,
                recipient=args.recipient,
                witness=args.witness,
                consent=args.consent,
                by=args.by,
            )
        elif kind == "execute":
            step = steps.execute(ws, args.case, on_date=on, reason=args.reason or "", by=args.by)
        elif kind == "close":
            step = steps.close(ws, args.case, on_date=on, approver=args.approver)
        else:
            assert kind == "extend", kind
            step = steps.extend(
                ws,
                args.case,
                on_date=on,
                days=args.days,
                approver=args.approver,
                reason=args.reason,
                collective=args.collective,
            )
    _stepped(out, args, step)


def cmd_measure(args: argparse.Namespace, out: Printer) -> None:
    from inspector.cases.measures import add_measure

    with open_workspace(args) as ws:
        measure = add_measure(
            ws,
            args.case,
            args.kind,
            on_date=_on(args),
            amount=args.amount,
            article=args.article,
            basis=args.basis,
            discretion=args.discretion,
            reason=args.reason or "",
            months=args.months,
            period_from=parse_day(args.period_from, "开始日期"),
            period_to=parse_day(args.period_to, "结束日期"),
        )
    amount = f" {format_fen(measure.amount_fen)} 元" if measure.amount_fen is not None else ""
    out.emit(measure, f"已记录措施 {measure.id[:8]}：{measure.name}{amount}")


def cmd_measure_cancel(args: argparse.Namespace, out: Printer) -> None:
    from inspector.cases.measures import cancel_measure

    with open_workspace(args) as ws:
        cancel_measure(ws, args.case, args.measure, reason=args.reason)
    out.emit({"measure": args.measure, "cancelled": True}, f"措施 {args.measure} 已撤回")


def cmd_pay(args: argparse.Namespace, out: Printer) -> None:
    from inspector.cases.measures import add_payment

    with open_workspace(args) as ws:
        payment = add_payment(
            ws,
            args.case,
            args.measure,
            amount=args.amount,
            on_date=_on(args),
            receipt_no=args.receipt or "",
            note=args.note or "",
        )
    out.emit(
        payment, f"已记录缴款 {format_fen(payment.amount_fen)} 元（{payment.on_date:%Y-%m-%d}）"
    )


def cmd_due(args: argparse.Namespace, out: Printer) -> None:
    from inspector.cases.deadlines import due_cases
    from inspector.enforcement.measures import due as measures_due

    today = parse_day(args.today, "日期") or date.today()
    with open_workspace(args) as ws:
        due = due_cases(ws, today)
        measures = measures_due(ws, today=today)  # 封存, 先行登记保存 near or past their end
    data = [
        {
            "case_id": d.case_id,
            "party_name": d.party_name,
            "stage": d.stage,
            "what": d.what,
            "last_day": d.deadline.last_day,
            "provisional": d.deadline.provisional,
            "state": d.state,
            "days_left": d.deadline.days_left,
        }
        for d in due
    ]
    data += [
        {
            "case_id": m.case_id,
            "measure_id": m.id,
            "party_name": m.institution,
            "stage": None,
            "what": f"{m.kind_name}期限",
            "last_day": m.last_day,
            "provisional": m.provisional,
            "state": m.state,
            "days_left": m.days_left,
        }
        for m in measures
    ]
    lines = [d.line() for d in due] + [
        f"{m.institution}  {m.kind_name} {m.decision_no}  期限至 {m.last_day_text}  "
        f"{m.state_name}（措施 {m.id[:8]}）"
        for m in measures
    ]
    out.emit(data, "\n".join(lines) or "没有到期或逾期的案件期限")


def cmd_export(args: argparse.Namespace, out: Printer) -> None:
    from inspector.cases.core import CaseFilter
    from inspector.cases.figures import export_cases

    with open_workspace(args) as ws:
        count = export_cases(ws, Path(args.out), CaseFilter(stage=args.stage))
    out.emit({"file": args.out, "cases": count}, f"已导出 {count} 个案件：{args.out}")


def _step_parser(sub: Any, common: argparse.ArgumentParser, name: str, help: str) -> Any:
    parser = sub.add_parser(name, help=help, parents=[common])
    parser.add_argument("case", metavar="CASE_ID", help="案件编号（可只写前几位）")
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="日期（默认今天）")
    parser.set_defaults(run=cmd_step, step=name)
    return parser


def _by(parser: Any) -> None:
    parser.add_argument("--by", metavar="执法证号", help="承办人（默认当前检查人员）")


def _service(parser: Any, default: str | None) -> None:
    parser.add_argument(
        "--way",
        default=default,
        required=default is None,
        help="送达方式：直接|留置|邮寄|电子|公告",
    )
    parser.add_argument("--recipient", help="受送达人")
    parser.add_argument("--witness", help="见证人（留置送达必填）")
    parser.add_argument("--consent", action="store_true", help="当事人已同意电子送达并签订确认书")


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    case = commands.add_parser(
        "case", help="案件：立案、调查、审核、告知、决定、送达、执行、结案", parents=[common]
    )
    sub = case.add_subparsers(dest="action", required=True, metavar="操作")

    opening = sub.add_parser("open", help="登记案件（来自台账问题或线索）", parents=[common])
    opening.add_argument("entries", nargs="*", metavar="ENTRY_ID", help="台账编号（同一机构）")
    opening.add_argument("--lead", metavar="LEAD_ID", help="线索编号（不来自台账时）")
    opening.add_argument("--institution", help="线索案件的机构（名单中的名称或编号）")
    opening.add_argument("--party", help="线索案件的当事人（不在机构名单中时）")
    opening.add_argument("--person", action="store_true", help="当事人是个人（条例第四十一条）")
    opening.add_argument("--summary", help="案由")
    opening.add_argument("--date", metavar="YYYY-MM-DD", help="登记日期（默认今天）")
    opening.set_defaults(run=cmd_open)

    listing = sub.add_parser("list", help="列出案件", parents=[common])
    listing.add_argument("--stage", help="阶段代码，或 active（未结束的）")
    listing.add_argument("--search", help="当事人名称包含")
    listing.set_defaults(run=cmd_list)
    show = sub.add_parser("show", help="一个案件的步骤、措施、缴款和期限", parents=[common])
    show.add_argument("case", metavar="CASE_ID")
    show.set_defaults(run=cmd_show)

    p = _step_parser(sub, common, "file", "立案（负责人批准，两名以上承办人）")
    p.add_argument("--officer", action="append", metavar="执法证号", help="承办人（至少两名）")
    p.add_argument("--approver", required=True, help="批准立案的负责人")
    p.add_argument("--doc-no", help="立案审批表文号")
    for name, help_text in (
        ("not-file", "不予立案"),
        ("withdraw", "撤销立案"),
        ("terminate", "终止调查"),
    ):
        p = _step_parser(sub, common, name, help_text)
        p.add_argument("--reason", required=True, help="理由")
        p.add_argument("--approver", required=True, help="批准的负责人")
    p = _step_parser(sub, common, "investigate", "调查终结（查明的事实和证据）")
    p.add_argument("--facts", required=True, help="查明的违法事实")
    p.add_argument("--evidence", help="证据")
    _by(p)
    p = _step_parser(sub, common, "review", "案件审核（法制审核，非本案承办人）")
    p.add_argument("--reviewer", required=True, help="法制审核人员")
    p.add_argument("--reviewer-no", help="审核人员证号")
    p.add_argument("--opinion", required=True, help="审核意见")
    p.add_argument("--fail", action="store_true", help="审核未通过（退回调查）")
    p = _step_parser(sub, common, "notify", "事先告知（送达告知书之日）")
    _service(p, "direct")
    p.add_argument("--days", type=int, help="陈述申辩期限（工作日，默认 5 或本局设置）")
    p.add_argument("--doc-no", help="告知书文号")
    _by(p)
    p = _step_parser(sub, common, "statement", "记录当事人的陈述申辩")
    p.add_argument("--text", required=True, help="陈述申辩的内容")
    p.add_argument("--oral", action="store_true", help="口头提出（已记入笔录）")
    _by(p)
    p = _step_parser(sub, common, "waive", "当事人书面放弃陈述申辩和听证")
    p.add_argument("--written", action="store_true", help="有当事人的书面声明")
    _by(p)
    p = _step_parser(sub, common, "hearing-request", "当事人申请听证")
    _by(p)
    p = _step_parser(sub, common, "hearing", "举行听证（非本案调查人员主持）")
    p.add_argument("--host", required=True, help="听证主持人")
    p.add_argument("--host-no", help="主持人证号")
    p.add_argument("--summary", required=True, help="听证情况")
    p = _step_parser(sub, common, "decide", "作出行政处罚决定（负责人）")
    p.add_argument("--approver", required=True, help="作出决定的负责人")
    p.add_argument("--doc-no", help="决定书文号")
    p = _step_parser(sub, common, "serve", "送达决定书（送达回证）")
    _service(p, None)
    _by(p)
    p = _step_parser(sub, common, "execute", "执行完毕（或写明理由）")
    p.add_argument("--reason", help="未能执行完毕的理由，如已申请人民法院强制执行")
    _by(p)
    p = _step_parser(sub, common, "close", "结案（负责人批准）")
    p.add_argument("--approver", required=True, help="批准结案的负责人")
    p = _step_parser(sub, common, "extend", "延长办案期限（经批准）")
    p.add_argument("--days", type=int, required=True, help="延长的天数")
    p.add_argument("--approver", required=True, help="批准的负责人")
    p.add_argument("--reason", required=True, help="理由")
    p.add_argument("--collective", action="store_true", help="经负责人集体讨论决定")

    measure = sub.add_parser(
        "measure", help="记录处理措施（退回、罚款、没收、协议处理）", parents=[common]
    )
    measure.add_argument("case", metavar="CASE_ID")
    measure.add_argument(
        "kind",
        metavar="KIND",
        help="refund|fine|confiscate|suspend_service|suspend_person|interview|"
        "reject|suspend_settlement|halt|terminate_agreement（或中文名）",
    )
    measure.add_argument("--amount", help="金额（元）")
    measure.add_argument("--article", help="条例条款：38、39、40、41")
    measure.add_argument("--basis", help="罚款基数：造成损失金额或骗取金额（元）")
    measure.add_argument("--discretion", help="从轻|减轻|从重")
    measure.add_argument("--reason", help="裁量理由")
    measure.add_argument("--months", type=int, help="暂停的月数")
    measure.add_argument("--from", dest="period_from", metavar="YYYY-MM-DD", help="开始日期")
    measure.add_argument("--to", dest="period_to", metavar="YYYY-MM-DD", help="结束日期")
    measure.add_argument("--date", metavar="YYYY-MM-DD", help="拟定或采取的日期（默认今天）")
    measure.set_defaults(run=cmd_measure)
    cancel = sub.add_parser("measure-cancel", help="撤回拟定的措施（决定前）", parents=[common])
    cancel.add_argument("case", metavar="CASE_ID")
    cancel.add_argument("measure", metavar="MEASURE_ID")
    cancel.add_argument("--reason", required=True)
    cancel.set_defaults(run=cmd_measure_cancel)
    pay = sub.add_parser("pay", help="记录缴款（退回、罚款、没收、追回）", parents=[common])
    pay.add_argument("case", metavar="CASE_ID")
    pay.add_argument("measure", metavar="MEASURE_ID")
    pay.add_argument("--amount", required=True, help="金额（元）")
    pay.add_argument("--receipt", help="票据号")
    pay.add_argument("--note", help="备注")
    pay.add_argument("--date", metavar="YYYY-MM-DD", help="缴款日期（默认今天）")
    pay.set_defaults(run=cmd_pay)
    due = sub.add_parser("due", help="到期或逾期的案件期限", parents=[common])
    due.add_argument("--today", metavar="YYYY-MM-DD", help="以这一天计算（默认今天）")
    due.set_defaults(run=cmd_due)
    export = sub.add_parser("export", help="导出案件为 Excel（金额分列）", parents=[common])
    export.add_argument("--out", required=True, metavar="FILE.xlsx")
    export.add_argument("--stage", help="阶段代码，或 active")
    export.set_defaults(run=cmd_export)

    from inspector.cli import case_documents

    case_documents.add_parsers(sub, common)

    from inspector.cli import enforcement

    enforcement.add_case_commands(sub, common)  # case seal …, case refer …
