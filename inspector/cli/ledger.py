"""``ledger list|show|progress|case|follow-up|verdict|export|order|order-sign|due``: the problem
ledger (问题台账) after the visit, the case path, the 回头看 and the rectification order."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from inspector.cli.output import Printer, open_workspace, parse_day, resolve_option
from inspector.errors import InvalidInput
from inspector.inspections import format_fen


def _filters(args: argparse.Namespace, ws: Any) -> Any:
    from inspector.ledger.entries import LedgerFilter, parse_status

    library = ws.library
    return LedgerFilter(
        status=parse_status(args.status) if args.status else None,
        district=args.district,
        type_code=resolve_option("机构类型", args.type, library.types) if args.type else None,
        mode=resolve_option("检查方式", args.mode, library.modes) if args.mode else None,
        violation_code=args.violation,
        text=args.search,
        since=parse_day(args.since),
        until=parse_day(args.until),
        due_by=parse_day(args.due_by),
        inspection=args.inspection,
    )


def _line(row: Any) -> str:
    amount = format_fen(row.amount_fen) or "—"
    deadline = f"  期限 {row.deadline:%Y-%m-%d}" if row.deadline else ""
    return (
        f"{row.id[:8]}  {row.found_on:%Y-%m-%d}  {row.district}  {row.institution_name}  "
        f"{row.item_code} {row.item_title}  {amount} 元  {row.status_name}{deadline}"
    )


def _data(row: Any) -> dict[str, Any]:
    from dataclasses import asdict

    return asdict(row) | {"status_name": row.status_name}


def cmd_list(args: argparse.Namespace, out: Printer) -> None:
    from inspector.ledger.entries import enter_signed, ledger_totals, search_entries

    with open_workspace(args) as ws:
        enter_signed(ws)
        filters = _filters(args, ws)
        rows = search_entries(ws, filters, limit=args.limit)
        totals = ledger_totals(ws, filters)
    lines = [_line(row) for row in rows] or ["台账中没有符合条件的问题"]
    lines.append(
        f"共 {totals.count} 个问题（未完成整改 {totals.open} 个），涉及金额 "
        f"{format_fen(totals.amount_fen)} 元，已追回 {format_fen(totals.recovered_fen)} 元"
        + (f"；只列出前 {len(rows)} 个" if len(rows) < totals.count else "")
    )
    out.emit({"entries": [_data(row) for row in rows], "totals": totals.__dict__}, "\n".join(lines))


def cmd_show(args: argparse.Namespace, out: Printer) -> None:
    from inspector.cases.core import CaseFilter, list_cases
    from inspector.ledger.cases import case_path
    from inspector.ledger.entries import get_entry

    with open_workspace(args) as ws:
        row = get_entry(ws, args.entry)
        path = case_path(ws, row.id)
        taken = next(iter(list_cases(ws, CaseFilter(entry=row.id))), None)
        violation = ws.library.violations.get(row.violation_code or "")
    lines = [
        f"台账编号：{row.id}",
        f"机构：{row.institution_name}（{row.district}）  检查：{row.inspection_id[:8]}",
        f"发现日期：{row.found_on:%Y-%m-%d}",
        f"问题：{row.item_code} {row.item_title}",
        f"说明：{row.note or '—'}",
        "违规类别：" + (f"{row.violation_code} {violation.title}" if violation else "—"),
        f"涉及金额：{format_fen(row.amount_fen) or '—'} 元；"
        f"已追回 {format_fen(row.recovered_fen)} 元",
        f"证据：{row.evidence_count} 件",
        f"状态：{row.status_name}"
        + (f"（回头看 {row.closed_by_id[:8]} 销号）" if row.closed_by_id else ""),
        f"整改期限：{row.deadline:%Y-%m-%d}" if row.deadline else "整改期限：—",
        f"整改情况：{row.progress_note or '—'}",
        "被检查单位现场意见（检查记录）："
        + (path.party_statement or "—")
        + (f"（{path.party_representative}）" if path.party_representative else ""),
        "案件处理：" + ("" if path.steps else "—"),
    ]
    if taken is not None:
        lines.append(f"案件：{taken.id[:8]}  {taken.stage_name}（case show {taken.id[:8]}）")
    for step in path.steps:
        lines.append(
            f"  {step.on_date:%Y-%m-%d}  {step.kind_name}  {step.receiving_body}  "
            f"{step.document_no}"
            + (f"  追回 {format_fen(step.recovered_fen)} 元" if step.recovered_fen else "")
        )
        if step.statement:
            when = f"（{step.statement_on:%Y-%m-%d}）" if step.statement_on else ""
            lines.append(f"    陈述申辩{when}：{step.statement}")
    out.emit(_data(row) | {"case_path": path, "case": taken}, "\n".join(lines))


def cmd_progress(args: argparse.Namespace, out: Printer) -> None:
    from inspector.ledger.entries import set_progress

    with open_workspace(args) as ws:
        row = set_progress(
            ws, args.entry, status=args.status, note=args.note, recovered=args.recovered
        )
    out.emit(_data(row), _line(row))


def cmd_case(args: argparse.Namespace, out: Printer) -> None:
    from inspector.ledger.cases import add_case_step

    on_date = parse_day(args.date, "处理日期")
    assert on_date is not None
    with open_workspace(args) as ws:
        step = add_case_step(
            ws,
            args.entry,
            kind=args.kind,
            on_date=on_date,
            receiving_body=args.body,
            document_no=args.doc_no,
            statement=args.statement or "",
            statement_on=parse_day(args.statement_date, "陈述申辩日期"),
            recovered=args.recovered,
            note=args.note or "",
        )
    out.emit(
        step,
        f"已记录：{step.on_date:%Y-%m-%d} {step.kind_name} "
        f"{step.receiving_body} {step.document_no}",
    )


def cmd_follow_up(args: argparse.Namespace, out: Printer) -> None:
    from inspector.inspections import parse_member
    from inspector.ledger.follow_up import create_follow_up, follow_up_items

    with open_workspace(args) as ws:
        visit = create_follow_up(
            ws,
            args.entries,
            inspection=args.inspection,
            team=[parse_member(text) for text in args.inspector],
            leader=args.leader,
        )
        items = follow_up_items(ws, visit)
    lines = [visit, *(f"  {code}  台账 {entry[:8]}" for code, entry, _v in items)]
    out.emit({"inspection_id": visit, "items": items}, "\n".join(lines))


def cmd_verdict(args: argparse.Namespace, out: Printer) -> None:
    from inspector.ledger.follow_up import VERDICT_NAMES, parse_verdict, save_verdict

    with open_workspace(args) as ws:
        save_verdict(ws, args.inspection, args.item, args.result, note=args.note)
    code = parse_verdict(args.result)
    out.emit({"item": args.item, "verdict": code}, f"{args.item}：{VERDICT_NAMES[code]}")


def cmd_export(args: argparse.Namespace, out: Printer) -> None:
    from inspector.ledger.entries import enter_signed, export_ledger

    with open_workspace(args) as ws:
        enter_signed(ws)
        count = export_ledger(ws, Path(args.out), _filters(args, ws))
    out.emit({"file": args.out, "rows": count}, f"已导出 {count} 个问题：{args.out}")


def cmd_order(args: argparse.Namespace, out: Printer) -> None:
    from inspector.ledger.order import build_order, save_order_copy

    per_entry: dict[str, date] = {}
    for text in args.deadline_for or []:
        entry, sep, day = text.replace("＝", "=").partition("=")
        parsed = parse_day(day, "整改期限") if sep else None
        if parsed is None:
            raise InvalidInput(
                "--deadline-for 应写成 台账编号=YYYY-MM-DD，而不是“{text}”", text=text
            )
        per_entry[entry] = parsed
    with open_workspace(args) as ws:
        order = build_order(
            ws, args.inspection, deadline=parse_day(args.deadline, "整改期限"), deadlines=per_entry
        )
        if args.out:
            save_order_copy(ws, order.id, Path(args.out))
    lines = [f"整改通知书 {order.order_no}（编号 {order.id[:8]}），{len(order.deadlines)} 个问题"]
    if args.out:
        lines.append(f"已保存：{args.out}")
    lines.append(f"请组长数字签名：ledger order-sign {order.id[:8]} --key 密钥编号")
    out.emit(order, "\n".join(lines))


def cmd_order_sign(args: argparse.Namespace, out: Printer) -> None:
    from inspector.cli.keys import read_passphrase
    from inspector.ledger.order import save_order_copy, sign_order

    with open_workspace(args) as ws:
        passphrase = read_passphrase(args, "密钥口令：")
        order = sign_order(ws, args.order, args.key, passphrase)
        if args.out:
            save_order_copy(ws, order.id, Path(args.out))
    out.emit(
        order,
        f"整改通知书 {order.order_no} 已由 {order.signed_by} 签名"
        + (f"：{args.out}" if args.out else ""),
    )


def cmd_due(args: argparse.Namespace, out: Printer) -> None:
    from inspector.ledger.order import due_entries

    with open_workspace(args) as ws:
        due = due_entries(ws, within_days=args.days)
    lines = [
        (f"已逾期 {-d.days_left} 天" if d.days_left < 0 else f"还剩 {d.days_left} 天")
        + f"  {_line(d.entry)}"
        for d in due
    ] or [f"{args.days} 天内没有到期的整改"]
    out.emit([{"days_left": d.days_left, **_data(d.entry)} for d in due], "\n".join(lines))


def _filter_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--status", help="待整改|整改中|已整改|移交|已更正（或代码）")
    parser.add_argument("--district", help="区县")
    parser.add_argument("--type", help="机构类型（代码或中文名）")
    parser.add_argument("--mode", help="检查方式（代码或中文名）")
    parser.add_argument("--violation", help="违规类别代码，如 VH04")
    parser.add_argument("--search", help="在机构、问题、说明中查找")
    parser.add_argument("--since", metavar="YYYY-MM-DD", help="发现日期自")
    parser.add_argument("--until", metavar="YYYY-MM-DD", help="发现日期至")
    parser.add_argument("--due-by", metavar="YYYY-MM-DD", help="整改期限不晚于（未完成整改的）")
    parser.add_argument("--inspection", metavar="ID", help="只列出某次检查的问题")


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    secret = argparse.ArgumentParser(add_help=False)
    secret.add_argument("--passphrase-file", metavar="FILE", help="从文件第一行读取密钥口令")
    secret.add_argument("--passphrase", help=argparse.SUPPRESS)  # refused with a message

    ledger = commands.add_parser("ledger", help="问题台账、案件处理、回头看、整改通知书",
                                 parents=[common])  # fmt: skip
    sub = ledger.add_subparsers(dest="action", required=True, metavar="操作")
    listing = sub.add_parser("list", help="列出台账（可筛选、查找）", parents=[common])
    _filter_options(listing)
    listing.add_argument("--limit", type=int, default=200, help="最多列出多少个（默认 200）")
    listing.set_defaults(run=cmd_list)
    show = sub.add_parser("show", help="一个问题的详情和案件处理", parents=[common])
    show.add_argument("entry", metavar="ENTRY_ID", help="台账编号（可只写前几位）")
    show.set_defaults(run=cmd_show)
    progress = sub.add_parser("progress", help="记录整改进展（待整改/整改中、追回金额）",
                              parents=[common])  # fmt: skip
    progress.add_argument("entry", metavar="ENTRY_ID")
    progress.add_argument("--status", help="待整改 或 整改中（销号只能由回头看完成）")
    progress.add_argument("--note", help="整改情况")
    progress.add_argument("--recovered", help="累计追回金额（元）")
    progress.set_defaults(run=cmd_progress)
    case = sub.add_parser("case", help="记录协议处理、移送（行政处罚请用 case open）",
                          parents=[common])  # fmt: skip
    case.add_argument("entry", metavar="ENTRY_ID")
    case.add_argument("--kind", required=True, help="协议处理|移送公安|移送纪检监察")
    case.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="处理或移送日期")
    case.add_argument("--body", required=True, help="处理或接收单位")
    case.add_argument("--doc-no", required=True, help="文书编号")
    case.add_argument("--statement", help="当事人陈述申辩")
    case.add_argument("--statement-date", metavar="YYYY-MM-DD", help="陈述申辩日期")
    case.add_argument("--recovered", help="本次追回金额（元）")
    case.add_argument("--note", help="备注")
    case.set_defaults(run=cmd_case)
    follow = sub.add_parser("follow-up", help="从台账新建回头看", parents=[common])
    follow.add_argument("entries", nargs="*", metavar="ENTRY_ID", help="要回头看的问题")
    follow.add_argument("--inspection", metavar="ID", help="原检查：其全部未整改问题")
    follow.add_argument("--inspector", action="append", required=True, metavar="姓名:执法证号")
    follow.add_argument("--leader", metavar="执法证号", help="组长（默认第一位检查人员）")
    follow.set_defaults(run=cmd_follow_up)
    verdict = sub.add_parser("verdict", help="回头看中原问题的整改结论", parents=[common])
    verdict.add_argument("inspection", metavar="FOLLOW_UP_ID", help="回头看的检查编号")
    verdict.add_argument("item", metavar="ITEM", help="条目编号，如 RV1")
    verdict.add_argument("--result", required=True, help="已整改|部分整改|未整改")
    verdict.add_argument("--note", help="情况说明（部分整改、未整改时必填）")
    verdict.set_defaults(run=cmd_verdict)
    export = sub.add_parser("export", help="导出台账为 Excel", parents=[common])
    export.add_argument("--out", required=True, metavar="FILE.xlsx")
    _filter_options(export)
    export.set_defaults(run=cmd_export)
    order = sub.add_parser("order", help="生成整改通知书（每个问题一个整改期限）", parents=[common])
    order.add_argument("inspection", metavar="INSPECTION_ID", help="已签名的检查")
    order.add_argument("--deadline", metavar="YYYY-MM-DD", help="整改期限（未单独指定的问题）")
    order.add_argument("--deadline-for", action="append", metavar="ENTRY_ID=YYYY-MM-DD",
                       help="某个问题的整改期限")  # fmt: skip
    order.add_argument("--out", metavar="FILE.pdf", help="另存一份")
    order.set_defaults(run=cmd_order)
    order_sign = sub.add_parser(
        "order-sign", help="组长数字签名整改通知书", parents=[common, secret], allow_abbrev=False
    )
    order_sign.add_argument("order", metavar="ORDER_ID")
    order_sign.add_argument("--key", required=True, metavar="KEY_ID")
    order_sign.add_argument("--out", metavar="FILE.pdf", help="另存签名后的通知书")
    order_sign.set_defaults(run=cmd_order_sign)
    due = sub.add_parser("due", help="到期或逾期的整改", parents=[common])
    due.add_argument("--days", type=int, default=7, help="几天内到期（默认 7）")
    due.set_defaults(run=cmd_due)
