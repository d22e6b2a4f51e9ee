"""``inspection new|list|show|finish|reopen`` and ``answer``: a visit and its answers."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from datetime import date, datetime
from typing import Any

from inspector.checklists.composer import ComposedItem
from inspector.cli.output import Printer, open_workspace, resolve_option
from inspector.db.models import InspectionStatus, Result
from inspector.errors import InvalidInput
from inspector.inspections import (
    InspectionView,
    TeamMember,
    create_inspection,
    finish_inspection,
    format_fen,
    get_inspection,
    list_inspections,
    parse_member,
    record_answer,
    recusal_clashes,
    reopen_inspection,
)
from inspector.names import RESULT_NAMES, STATUS_NAMES

RESULT_ALIASES = {
    "ok": Result.OK,
    "符合": Result.OK,
    "problem": Result.PROBLEM,
    "发现问题": Result.PROBLEM,
    "na": Result.NOT_APPLICABLE,
    "不适用": Result.NOT_APPLICABLE,
    "unchecked": Result.UNCHECKED,
    "未检查": Result.UNCHECKED,
}


def _local_time(text: str, what: str) -> datetime:
    """A time as the team writes it, in this laptop's time zone."""
    for pattern in ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S"):
        try:
            return datetime.strptime(text.strip(), pattern).astimezone()
        except ValueError:
            continue
    raise InvalidInput("{what}“{text}”应写成 YYYY-MM-DD HH:MM", what=what, text=text)


def cmd_inspection_times(args: argparse.Namespace, out: Printer) -> None:
    from inspector.inspections import set_inspection_times

    start = _local_time(args.start, "开始时间")
    end = _local_time(args.end, "结束时间") if args.end else None
    with open_workspace(args) as ws:
        warnings = set_inspection_times(ws, args.id, start, end)
    for warning in warnings:
        print(f"时钟提示：{warning}", file=sys.stderr)
    text = f"检查时间：{start:%Y-%m-%d %H:%M} 至 {f'{end:%Y-%m-%d %H:%M}' if end else '—'}"
    out.emit(
        {"started_at": start.isoformat(), "ended_at": end.isoformat() if end else None,
         "warnings": warnings},
        text,
    )  # fmt: skip


def cmd_inspection_bureau(args: argparse.Namespace, out: Printer) -> None:
    from inspector.inspections import set_inspection_bureau

    with open_workspace(args) as ws:
        name = set_inspection_bureau(ws, args.id, args.bureau)
    out.emit({"bureau": name}, f"执法主体：{name}")


def cmd_inspection_new(args: argparse.Namespace, out: Printer) -> None:
    with open_workspace(args) as ws:
        library = ws.library
        team: list[TeamMember] = [parse_member(text) for text in args.inspector]
        expiry = None
        if args.agreement_expiry:
            try:
                expiry = date.fromisoformat(args.agreement_expiry)
            except ValueError as error:
                raise InvalidInput(
                    "协议到期日“{agreement_expiry}”应写成 YYYY-MM-DD",
                    agreement_expiry=args.agreement_expiry,
                ) from error
        mode = resolve_option("检查方式", args.mode, library.modes)
        clashing = recusal_clashes(ws, mode, args.district, team, args.team_district)
        if clashing and not args.recusal_override:
            raise InvalidInput(
                "回避：{clashing} 所属区县与被检查机构所在区县（{district}）相同。"
                "交叉检查中应更换检查人员；如确需参加，请用 --recusal-override 理由 说明，"
                "理由将写入检查记录。",
                clashing="、".join(clashing),
                district=args.district,
            )
        if clashing:
            print(
                f"回避提示：{'、'.join(clashing)} 未回避，理由已记录：{args.recusal_override}",
                file=sys.stderr,
            )
        inspection_id = create_inspection(
            ws,
            institution=args.institution,
            type_code=resolve_option("机构类型", args.type, library.types),
            mode=mode,
            district=args.district,
            team=team,
            leader=args.leader,
            focus=[resolve_option("专项", f, library.focus_packs) for f in args.focus or []],
            team_district=args.team_district,
            place=args.place,
            agreement_no=args.agreement_no,
            agreement_expiry=expiry,
            recusal_override=args.recusal_override,
            bureau=args.bureau,
            campaign=args.campaign,
        )
        out.emit({"id": inspection_id}, inspection_id)


def cmd_inspection_list(args: argparse.Namespace, out: Printer) -> None:
    with open_workspace(args) as ws:
        status = InspectionStatus(args.status) if args.status else None
        rows = list_inspections(ws, status)
        data = [
            {
                **asdict(row),
                "status_name": STATUS_NAMES[row.status],
                "type_name": ws.library.types[row.type_code].name
                if row.type_code in ws.library.types
                else row.type_code,
            }
            for row in rows
        ]
        text = "\n".join(
            f"{row.id[:8]}  {row.created_at.astimezone():%Y-%m-%d %H:%M}  "
            f"{STATUS_NAMES[row.status]:<4}  {row.institution_name}（{row.district}"
            f"{f'，检查组来自 {row.team_district}' if row.team_district else ''}）  "
            f"已查 {row.answered} 项，问题 {row.problems} 项"
            for row in rows
        )
        out.emit(data, text or "（本机还没有检查）")


def _item_data(view: InspectionView, item: ComposedItem) -> dict[str, Any]:
    answer = view.answers.get(item.code)
    result = answer.result if answer else Result.UNCHECKED
    return {
        "code": item.code,
        "title": item.title,
        "section": item.section,
        "priority": item.priority,
        "result": {"code": result.value, "name": RESULT_NAMES[result]},
        "note": answer.note if answer else "",
        "amount_yuan": format_fen(answer.amount_fen) if answer else "",
        "violation": answer.violation_code if answer else None,
        "evidence": [e.id for e in view.evidence if e.item_code == item.code],
    }


def cmd_inspection_show(args: argparse.Namespace, out: Printer) -> None:
    with open_workspace(args) as ws:
        view = get_inspection(ws, args.id)
        data = {
            "id": view.id,
            "status": {"code": view.status.value, "name": STATUS_NAMES[view.status]},
            "institution": {
                "name": view.institution_name,
                "type": {"code": view.institution_type, "name": view.institution_type_name},
                "district": view.district,
                "agreement_no": view.agreement_no,
                "agreement_expiry": view.agreement_expiry,
            },
            "mode": {"code": view.mode, "name": view.mode_name},
            "team_district": view.team_district,
            "place": view.place,
            "started_at": view.started_at,
            "ended_at": view.ended_at,
            "created_at": view.created_at,
            "team": [{"name": n, "cert_no": c, "role": r.value} for n, c, r in view.team],
            "checklist_version": view.checklist.version_label,
            "summary": {
                "items": len(view.checklist.items),
                "checked": view.checked,
                "problems": view.problems,
                "amount_total_yuan": format_fen(view.amount_total_fen) or "0.00",
            },
            "items": [_item_data(view, item) for item in view.checklist.items],
            "evidence": view.evidence,
            "records": [{"path": p, "sha256": h, "created_at": t} for p, h, t in view.records],
        }
        lines = [
            f"检查 {view.id}（{STATUS_NAMES[view.status]}）",
            f"机构：{view.institution_name}，{view.institution_type_name}，{view.district}"
            + (f"（检查组来自 {view.team_district}）" if view.team_district else ""),
            f"方式：{view.mode_name}；检查组："
            + "、".join(f"{n}({c}){'*' if r.value == 'leader' else ''}" for n, c, r in view.team),
            f"进度：{view.checked}/{len(view.checklist.items)}，问题 {view.problems} 项，"
            f"金额 {format_fen(view.amount_total_fen) or '0.00'} 元；证据 {len(view.evidence)} 件",
        ]
        for section in view.checklist.sections:
            lines.append(f"[{section.code}] {section.title}")
            for item in section.items:
                answer = view.answers.get(item.code)
                result = RESULT_NAMES[answer.result if answer else Result.UNCHECKED]
                extra = ""
                if answer and answer.note:
                    extra += f"　{answer.note}"
                if answer and answer.result is Result.PROBLEM and answer.amount_fen:
                    extra += f"　{format_fen(answer.amount_fen)} 元"
                lines.append(f"  {item.code:<7} {result:<4} {item.title}{extra}")
        out.emit(data, "\n".join(lines))


def cmd_inspection_finish(args: argparse.Namespace, out: Printer) -> None:
    with open_workspace(args) as ws:
        finish_inspection(ws, args.id)
        out.emit({"id": args.id, "status": "awaiting_signatures"}, "检查已结束，待签字")


def cmd_inspection_reopen(args: argparse.Namespace, out: Printer) -> None:
    with open_workspace(args) as ws:
        reopen_inspection(ws, args.id)
        out.emit({"id": args.id, "status": "in_progress"}, "检查已重新打开")


def cmd_answer(args: argparse.Namespace, out: Printer) -> None:
    result = RESULT_ALIASES.get(args.result)
    if result is None:
        raise InvalidInput(
            "结果“{result}”无效，可选：ok（符合）、problem（发现问题）、na（不适用）、unchecked（未检查）",
            result=args.result,
        )
    with open_workspace(args) as ws:
        answer = record_answer(
            ws,
            args.id,
            args.item,
            result,
            note=args.note,
            amount=args.amount,
            violation=args.violation,
            no_amount=True if args.no_amount else None,
            no_evidence_reason=args.no_evidence_reason,
        )
        data = {
            "item": answer.item_code,
            "result": {"code": answer.result.value, "name": RESULT_NAMES[answer.result]},
            "note": answer.note,
            "amount_yuan": format_fen(answer.amount_fen),
            "violation": answer.violation_code,
            "saved_at": answer.updated_at,
        }
        out.emit(data, f"已保存：{answer.item_code} {RESULT_NAMES[answer.result]}")


def cmd_drug(args: argparse.Namespace, out: Printer) -> None:
    from inspector.drug_checks import save_drug_check

    with open_workspace(args) as ws:
        saved = save_drug_check(
            ws,
            args.id,
            args.item,
            args.entry,
            count=args.count,
            unit=args.unit or "",
            note=args.note or "",
        )
    if saved is None:
        out.emit({"item": args.item, "entry": args.entry, "cleared": True}, "已清除")
    else:
        text = f"已保存：{saved.list_code} {saved.entry_no} {saved.name} {saved.count or ''}"
        out.emit(asdict(saved), text + f"{saved.unit}".rstrip())


def cmd_drugs(args: argparse.Namespace, out: Printer) -> None:
    from inspector.drug_checks import drug_checks, reference_entries

    with open_workspace(args) as ws:
        view = get_inspection(ws, args.id)
        found = {(d.list_code, d.entry_no): d for d in drug_checks(ws, view.id)}
    items = [i for i in view.checklist.items if i.reference]
    if args.item:
        items = [i for i in items if i.code == args.item]
        if not items:
            raise InvalidInput("条目 {item} 没有参考目录", item=args.item)
    data: list[dict[str, Any]] = []
    lines: list[str] = []
    for item in items:
        title, entries = reference_entries(view.checklist, item.reference or "")
        lines.append(f"{item.code} {title}")
        for entry in entries:
            check = found.get((item.reference or "", entry.no))
            data.append(
                {
                    "item": item.code,
                    "list": item.reference,
                    **asdict(entry),
                    "count": check.count if check else None,
                    "unit": check.unit if check else "",
                    "finding": check.note if check else "",
                }
            )
            mark = f"{check.count or ''}{check.unit}　{check.note}" if check else "—"
            lines.append(f"  {entry.no:>2} {entry.name}（{entry.form or '—'}）　{mark}")
    if not items:
        lines.append("本次检查的清单中没有参考目录（选用“2023年重点药品耗材专项”时有附件1）")
    out.emit(data, "\n".join(lines))


# --- parsers -----------------------------------------------------------------------------


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    inspection = commands.add_parser("inspection", help="检查", parents=[common])
    sub = inspection.add_subparsers(dest="action", required=True, metavar="操作")
    new = sub.add_parser("new", help="新建检查", parents=[common])
    new.add_argument("--institution", required=True, help="被检查机构名称")
    new.add_argument("--type", required=True, help="机构类型（代码或中文名）")
    new.add_argument("--mode", required=True, help="检查方式（代码或中文名）")
    new.add_argument("--district", required=True, help="被检查机构所在区县")
    new.add_argument(
        "--inspector",
        action="append",
        required=True,
        metavar="姓名:执法证号[:所属区县]",
        help="检查人员，可重复；交叉检查时写上所属区县，用于回避核对",
    )
    new.add_argument("--leader", metavar="执法证号", help="组长（默认第一位检查人员）")
    new.add_argument("--focus", nargs="*", help="专项代码")
    new.add_argument(
        "--campaign",
        metavar="专项行动",
        help="归入的专项行动（编号或名称，campaign list 列出；其专项清单一并加入）",
    )
    new.add_argument("--team-district", help="检查组所属区县（交叉检查时填写）")
    new.add_argument("--place", help="检查地点")
    new.add_argument("--agreement-no", help="定点协议编号")
    new.add_argument("--agreement-expiry", metavar="YYYY-MM-DD", help="协议到期日")
    new.add_argument(
        "--recusal-override",
        metavar="理由",
        help="交叉检查中本区检查人员仍参加检查的理由（写入检查记录）",
    )
    new.add_argument(
        "--bureau",
        metavar="执法主体",
        help="以哪个医疗保障局的名义检查（名称、简称或区县；默认为被检查机构所在区县的；"
        "交叉检查为组织检查的医疗保障局），见 bureau list",
    )
    new.set_defaults(run=cmd_inspection_new)
    times = sub.add_parser(
        "times", help="填写检查时间（开始、结束；默认取本机时钟）", parents=[common]
    )
    times.add_argument("id", help="检查编号（可只写前几位）")
    times.add_argument("--start", required=True, metavar="YYYY-MM-DD HH:MM", help="开始时间")
    times.add_argument("--end", metavar="YYYY-MM-DD HH:MM", help="结束时间")
    times.set_defaults(run=cmd_inspection_times)
    named = sub.add_parser("bureau", help="指定检查的执法主体（签名前）", parents=[common])
    named.add_argument("id", help="检查编号（可只写前几位）")
    named.add_argument("bureau", help="执法主体（名称、简称或区县）")
    named.set_defaults(run=cmd_inspection_bureau)
    listing = sub.add_parser("list", help="列出本机的检查", parents=[common])
    listing.add_argument("--status", choices=[s.value for s in InspectionStatus])
    listing.set_defaults(run=cmd_inspection_list)
    for name, helptext, run in (
        ("show", "查看检查", cmd_inspection_show),
        ("finish", "结束现场检查（待签字）", cmd_inspection_finish),
        ("reopen", "重新打开待签字的检查", cmd_inspection_reopen),
    ):
        action = sub.add_parser(name, help=helptext, parents=[common])
        action.add_argument("id", help="检查编号（可只写前几位）")
        action.set_defaults(run=run)
    from inspector.cli.legal import add_inspection_parsers

    add_inspection_parsers(sub, common)

    drug = commands.add_parser(
        "drug", help="记录参考目录（附件1）中一种药品、耗材的核查情况", parents=[common]
    )
    drug.add_argument("id", help="检查编号")
    drug.add_argument("item", help="条目编号，如 FK.1")
    drug.add_argument("entry", type=int, help="目录中的序号")
    drug.add_argument("--count", help="数量（不填数量、单位和说明则清除）")
    drug.add_argument("--unit", help="单位，如 盒、支")
    drug.add_argument("--note", help="情况说明")
    drug.set_defaults(run=cmd_drug)
    drugs = commands.add_parser("drugs", help="列出参考目录及逐项核查情况", parents=[common])
    drugs.add_argument("id", help="检查编号")
    drugs.add_argument("--item", help="只列这一条目的目录，如 FK.1")
    drugs.set_defaults(run=cmd_drugs)

    answer = commands.add_parser("answer", help="记录检查条目的结果", parents=[common])
    answer.add_argument("id", help="检查编号")
    answer.add_argument("item", help="条目编号，如 P5.1")
    answer.add_argument("--result", required=True, help="ok|problem|na|unchecked（或中文）")
    answer.add_argument("--note", help="情况说明")
    answer.add_argument("--amount", help="涉及金额（元）")
    answer.add_argument("--violation", help="违规类别代码，如 VH04")
    answer.add_argument(
        "--no-amount", action="store_true", help="发现问题不涉及金额（明确标记，代替 --amount）"
    )
    answer.add_argument("--no-evidence-reason", metavar="原因", help="发现问题没有证据的原因")
    answer.set_defaults(run=cmd_answer)
