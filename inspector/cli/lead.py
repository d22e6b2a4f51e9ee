"""``lead …`` (office-key, import, add, list, show, assign, attach, verify, result, rules,
reporter, referral, feedback): leads (疑点/线索) to verify on site and answer one by one
(inspector/leads/store.py). The reporter's identity is read from standard input (never an
argument: it would stay in the shell's history and the process list) and sealed at once to the
office's key; only ``lead reporter``, given the office's private key, prints it (at the
office)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from inspector.cli.output import Printer, open_workspace, parse_day
from inspector.errors import InvalidInput, NotFound
from inspector.inspections import format_fen


def _line(view: Any) -> str:
    from datetime import date

    amount = format_fen(view.amount_fen)
    note = view.deadline_note(date.today())
    deadline = (
        f"  期限 {view.deadline:%Y-%m-%d}" + (f"（{note}）" if note else "")
        if view.deadline
        else ""
    )
    where = f"  检查 {view.inspection_id[:8]}" if view.inspection_id else ""
    return (
        f"{view.number}  {view.source_name}  {view.institution_name}  {view.summary}"
        + (f"  {amount} 元" if amount else "")
        + f"  {view.verdict_name}{where}{deadline}"
    )


def _data(view: Any) -> dict[str, Any]:
    from dataclasses import asdict

    return asdict(view) | {"verdict_name": view.verdict_name}


def cmd_office_key(args: argparse.Namespace, out: Printer) -> None:
    from inspector.leads.store import set_office_key

    try:
        pem = Path(args.pem).read_bytes()
    except OSError as error:
        raise NotFound("找不到文件：{path}", path=args.pem) from error
    with open_workspace(args) as ws:
        fingerprint = set_office_key(ws, pem)
    out.emit(
        {"office_key_sha256": fingerprint},
        f"已登记办公室公钥（SHA-256 {fingerprint[:16]}…）：举报人信息将密封给办公室",
    )


def cmd_import(args: argparse.Namespace, out: Printer) -> None:
    from inspector.leads.store import import_leads

    with open_workspace(args) as ws:
        result = import_leads(ws, Path(args.file))
    out.emit(
        {"added": result.added, "already": result.already, "sealed": result.sealed},
        f"{Path(args.file).name}：导入 {result.added} 条线索"
        + (f"，{result.already} 条此前已登记" if result.already else "")
        + (f"；{result.sealed} 条的举报人信息已密封给办公室" if result.sealed else ""),
    )


def _reporter(args: argparse.Namespace) -> tuple[str, str]:
    if not args.reporter_stdin:
        return "", ""
    lines = sys.stdin.read().splitlines()
    name = lines[0].strip() if lines else ""
    contact = lines[1].strip() if len(lines) > 1 else ""
    if not name and not contact:
        raise InvalidInput("标准输入中没有举报人信息（第一行姓名，第二行联系方式）")
    return name, contact


def cmd_add(args: argparse.Namespace, out: Printer) -> None:
    from inspector.leads.store import NewLead, add_lead, get_lead, parse_source

    name, contact = _reporter(args)
    new = NewLead(
        institution=args.institution,
        summary=args.summary,
        source=parse_source(args.source),
        number=args.number,
        amount_fen=_amount(args.amount),
        received_on=parse_day(args.received, "受理日期"),
        assigned_by=args.assigned_by or "",
        assigned_to=args.assigned_to or "",
        assigned_on=parse_day(args.assigned_on, "交办日期"),
        deadline=parse_day(args.deadline, "办理期限"),
        deadline_days=args.days,
        settlement_nos=tuple(args.settlement or ()),
        reporter_name=name,
        reporter_contact=contact,
    )
    with open_workspace(args) as ws:
        view = get_lead(ws, add_lead(ws, new))
    out.emit(_data(view), "已登记线索：" + _line(view))


def _amount(text: str | None) -> int | None:
    from inspector.inspections import parse_amount

    return parse_amount(text)


def cmd_list(args: argparse.Namespace, out: Printer) -> None:
    from inspector.leads.store import list_leads

    with open_workspace(args) as ws:
        views = list_leads(ws, args.inspection)
    lines = [_line(v) for v in views] or ["没有线索"]
    out.emit({"leads": [_data(v) for v in views]}, "\n".join(lines))


def cmd_show(args: argparse.Namespace, out: Printer) -> None:
    from inspector.leads.store import get_lead

    with open_workspace(args) as ws:
        view = get_lead(ws, args.lead)
    check = view.check
    lines = [
        f"线索编号：{view.number}（{view.source_name}）",
        f"机构：{view.institution_name}",
        f"内容：{view.summary}",
        f"涉及金额：{format_fen(view.amount_fen) or '—'} 元",
        f"受理日期：{view.received_on:%Y-%m-%d}",
        f"交办：{view.assigned_by or '—'} → {view.assigned_to or '—'}"
        + (f"（{view.assigned_on:%Y-%m-%d}）" if view.assigned_on else ""),
        f"办理期限：{view.deadline:%Y-%m-%d}" if view.deadline else "办理期限：—",
        "举报人信息：已密封给办公室，本机无法查看" if view.has_reporter else "举报人信息：无",
        f"结算单号：{'、'.join(view.settlement_nos) or '—'}",
        f"核查：{view.verdict_name}"
        + (f"（检查 {view.inspection_id[:8]}）" if view.inspection_id else ""),
    ]
    if check is not None:
        lines.append(f"核查情况：{check.note or '—'}")
        lines.append(f"查实金额：{format_fen(check.amount_fen) or '—'} 元")
        lines.append(f"证据：{len(check.evidence_ids)} 件")
    lines.append(f"办理结果：{view.result or '—'}")
    if view.reward_fen is not None:
        lines.append(f"奖励金额：{format_fen(view.reward_fen)} 元")
    out.emit(_data(view), "\n".join(lines))


def cmd_assign(args: argparse.Namespace, out: Printer) -> None:
    from inspector.leads.store import assign_lead

    on = parse_day(args.on, "交办日期")
    assert on is not None
    with open_workspace(args) as ws:
        last = assign_lead(
            ws,
            args.lead,
            assigned_by=args.by,
            assigned_to=args.to,
            assigned_on=on,
            deadline=parse_day(args.deadline, "办理期限"),
            days=args.days,
        )
    out.emit(
        {"lead": args.lead, "deadline": last},
        f"{args.lead}：{args.by} 交办 {args.to}" + (f"，办理期限 {last:%Y-%m-%d}" if last else ""),
    )


def cmd_attach(args: argparse.Namespace, out: Printer) -> None:
    from inspector.leads.store import attach_leads

    with open_workspace(args) as ws:
        added = attach_leads(ws, args.inspection, args.leads)
    out.emit({"attached": added}, f"已把 {added} 条线索加入检查 {args.inspection} 的核查事项")


def cmd_verify(args: argparse.Namespace, out: Printer) -> None:
    from inspector.leads.store import VERDICT_NAMES, parse_verdict, verify_lead

    verdict = parse_verdict(args.verdict)
    with open_workspace(args) as ws:
        verify_lead(
            ws, args.inspection, args.lead, verdict, args.note or "", args.amount, args.evidence
        )
    out.emit(
        {"lead": args.lead, "verdict": verdict},
        f"{args.lead}：{VERDICT_NAMES[verdict]}" + (f"（{args.note}）" if args.note else ""),
    )


def cmd_result(args: argparse.Namespace, out: Printer) -> None:
    from inspector.leads.store import record_result

    with open_workspace(args) as ws:
        record_result(ws, args.lead, result=args.result, reward=args.reward)
    out.emit({"lead": args.lead}, f"{args.lead}：已记录办理结果")


def cmd_rules(args: argparse.Namespace, out: Printer) -> None:
    from inspector.leads.store import hits_by_rule, leads_from_rules
    from inspector.rules.store import rule_hits

    with open_workspace(args) as ws:
        added = leads_from_rules(ws, args.inspection)
        summary = hits_by_rule(rule_hits(ws, args.inspection))
    lines = [
        f"  {s.rule_code} {s.rule_name}（{s.rule_type}）："
        f"{s.hits} 处，{format_fen(s.amount_fen)} 元"
        for s in summary
    ]
    lines.append(f"已把 {len(added)} 处命中登记为线索并加入检查 {args.inspection} 的核查事项")
    out.emit({"added": len(added), "rules": summary}, "\n".join(lines))


def cmd_reporter(args: argparse.Namespace, out: Printer) -> None:
    """At the office only: the reporter opened with the office's private key."""
    from inspector.cli.output import read_secret_file
    from inspector.leads.store import open_reporter

    try:
        pem = Path(args.key).read_bytes()
    except OSError as error:
        raise NotFound("找不到文件：{path}", path=args.key) from error
    password = read_secret_file(Path(args.passphrase_file)) if args.passphrase_file else None
    with open_workspace(args) as ws:
        name, contact = open_reporter(ws, args.lead, pem, password)
    out.emit({"name": name, "contact": contact}, f"举报人：{name}\n联系方式：{contact or '—'}")


def cmd_referral(args: argparse.Namespace, out: Printer) -> None:
    from inspector.leads.store import get_lead, lead_from_referral

    with open_workspace(args) as ws:
        view = get_lead(ws, lead_from_referral(ws, args.received))
    out.emit(_data(view), "已把移送来的案件登记为线索：" + _line(view))


def cmd_feedback(args: argparse.Namespace, out: Printer) -> None:
    from inspector.leads.feedback import export_feedback

    with open_workspace(args) as ws:
        count = export_feedback(ws, Path(args.out), args.inspection)
    out.emit({"file": args.out, "leads": count}, f"已导出 {count} 条线索的核查反馈：{args.out}")


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    lead = commands.add_parser("lead", help="线索与疑点：导入、交办、现场核查、逐条反馈",
                               parents=[common])  # fmt: skip
    sub = lead.add_subparsers(dest="action", required=True, metavar="操作")
    key = sub.add_parser(
        "office-key", help="登记办公室公钥（举报人信息密封给它）", parents=[common]
    )
    key.add_argument("pem", metavar="PEM", help="办公室的 RSA 公钥或证书（PEM）")
    key.set_defaults(run=cmd_office_key)
    imp = sub.add_parser("import", help="导入办公室的线索清单（.xlsx 或 CSV）", parents=[common])
    imp.add_argument("file", metavar="FILE")
    imp.set_defaults(run=cmd_import)
    add = sub.add_parser("add", help="登记一条线索（举报、部门移送）", parents=[common])
    add.add_argument("--institution", required=True, help="涉及的机构")
    add.add_argument("--summary", required=True, help="线索内容")
    add.add_argument("--source", default="report", help="来源：report（举报）、office、referral")
    add.add_argument("--number", help="线索编号（默认自动生成）")
    add.add_argument("--amount", help="涉及金额（元）")
    add.add_argument("--received", help="受理日期 YYYY-MM-DD（默认今天）")
    add.add_argument("--assigned-by", help="交办人")
    add.add_argument("--assigned-to", help="承办人")
    add.add_argument("--assigned-on", help="交办日期 YYYY-MM-DD")
    add.add_argument("--deadline", help="办理期限 YYYY-MM-DD")
    add.add_argument("--days", type=int, help="办理时限（交办后的工作日数）")
    add.add_argument("--settlement", action="append", metavar="NO", help="涉及的结算单号")
    add.add_argument(
        "--reporter-stdin",
        action="store_true",
        help="从标准输入读举报人信息（第一行姓名，第二行联系方式），密封给办公室",
    )
    add.set_defaults(run=cmd_add)
    listing = sub.add_parser("list", help="列出线索（或某次检查的线索）", parents=[common])
    listing.add_argument("--inspection", metavar="INSPECTION_ID")
    listing.set_defaults(run=cmd_list)
    show = sub.add_parser("show", help="显示一条线索", parents=[common])
    show.add_argument("lead", metavar="LEAD", help="线索编号")
    show.set_defaults(run=cmd_show)
    assign = sub.add_parser("assign", help="交办：交办人、承办人、办理期限", parents=[common])
    assign.add_argument("lead", metavar="LEAD")
    assign.add_argument("--by", required=True, help="交办人")
    assign.add_argument("--to", required=True, help="承办人")
    assign.add_argument("--on", required=True, help="交办日期 YYYY-MM-DD")
    assign.add_argument("--deadline", help="办理期限 YYYY-MM-DD")
    assign.add_argument("--days", type=int, help="办理时限（工作日）")
    assign.set_defaults(run=cmd_assign)
    attach = sub.add_parser("attach", help="把线索加入检查的核查事项", parents=[common])
    attach.add_argument("inspection", metavar="INSPECTION_ID")
    attach.add_argument("leads", metavar="LEAD", nargs="+")
    attach.set_defaults(run=cmd_attach)
    verify = sub.add_parser("verify", help="记录一条线索的现场核查结论", parents=[common])
    verify.add_argument("inspection", metavar="INSPECTION_ID")
    verify.add_argument("lead", metavar="LEAD")
    verify.add_argument("--verdict", required=True, help="属实、部分属实或不属实")
    verify.add_argument("--note", help="核查情况（属实、部分属实时必填）")
    verify.add_argument("--amount", help="查实金额（元）")
    verify.add_argument("--evidence", action="append", metavar="EVIDENCE_ID", help="证据编号")
    verify.set_defaults(run=cmd_verify)
    result = sub.add_parser("result", help="记录办理结果和奖励", parents=[common])
    result.add_argument("lead", metavar="LEAD")
    result.add_argument("--result", required=True, help="办理结果")
    result.add_argument("--reward", help="举报奖励金额（元）")
    result.set_defaults(run=cmd_result)
    rules = sub.add_parser(
        "rules", help="把最近一次规则运行的命中登记为线索并加入检查", parents=[common]
    )
    rules.add_argument("inspection", metavar="INSPECTION_ID")
    rules.set_defaults(run=cmd_rules)
    reporter = sub.add_parser(
        "reporter", help="（办公室）用办公室私钥查看举报人信息", parents=[common]
    )
    reporter.add_argument("lead", metavar="LEAD")
    reporter.add_argument("--key", required=True, metavar="PEM", help="办公室私钥（PEM）")
    reporter.add_argument("--passphrase-file", metavar="FILE", help="私钥口令文件")
    reporter.set_defaults(run=cmd_reporter)
    referral = sub.add_parser(
        "referral", help="把其他部门移送来的案件（case refer receive）登记为线索", parents=[common]
    )
    referral.add_argument("received", metavar="RECEIVED_ID", help="接收的移送案件编号")
    referral.set_defaults(run=cmd_referral)
    feedback = sub.add_parser("feedback", help="导出逐条反馈表（.xlsx）", parents=[common])
    feedback.add_argument("out", metavar="FILE.xlsx")
    feedback.add_argument("--inspection", metavar="INSPECTION_ID", help="只导出某次检查的线索")
    feedback.set_defaults(run=cmd_feedback)
