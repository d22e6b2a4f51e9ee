"""The command line: the same core as the desktop app, for scripting and for the field without a
mouse. Every command takes ``--home`` and ``--json``; errors go to stderr with a non-zero exit."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from inspector import __version__
from inspector.checklists.composer import Checklist, ComposedItem, compose
from inspector.checklists.library import Library, install_file, load_library, parse_file
from inspector.commandline import Printer, open_workspace
from inspector.db.models import RESULT_NAMES, STATUS_NAMES, InspectionStatus, Result
from inspector.errors import InspectorError, InvalidInput
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
    reopen_inspection,
)

EXIT_ERROR = 1

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


def _resolve(kind: str, text: str, options: dict[str, Any]) -> str:
    """A type, mode or focus pack by its code or its Chinese name."""
    if text in options:
        return text
    for code, entry in options.items():
        if text == entry.name:
            return code
    listing = "；".join(f"{code}（{entry.name}）" for code, entry in options.items())
    raise InvalidInput(f"未知的{kind}：{text}。可选：{listing}")


def _library(args: argparse.Namespace) -> tuple[Library, list[str]]:
    # Checklist commands need no database, but they do read the user's installed files.
    from inspector.paths import resolve_home

    home = resolve_home(args.home)
    library = load_library(user_dir=home.checklists)
    return library, library.warnings


# --- checklist ---------------------------------------------------------------------------


def cmd_checklist_types(args: argparse.Namespace, out: Printer) -> None:
    library, _ = _library(args)
    data = [
        {"code": t.code, "name": t.name, "name_en": t.name_en, "group": t.group}
        for t in library.types.values()
    ]
    out.emit(data, "\n".join(f"{t['code']:<18} {t['name']}" for t in data))


def cmd_checklist_modes(args: argparse.Namespace, out: Printer) -> None:
    library, _ = _library(args)
    data = [
        {
            "code": m.code,
            "name": m.name,
            "name_en": m.name_en,
            "covert": m.covert,
            "description": m.description,
        }
        for m in library.modes.values()
    ]
    out.emit(data, "\n".join(f"{m['code']:<12} {m['name']}　{m['description']}" for m in data))


def cmd_checklist_focus(args: argparse.Namespace, out: Printer) -> None:
    library, _ = _library(args)
    packs = library.focus_packs.values()
    if args.type:
        type_code = _resolve("机构类型", args.type, library.types)
        packs = library.focus_packs_for(type_code)
    data = [
        {"code": p.code, "name": p.name, "name_en": p.name_en, "description": p.description}
        for p in packs
    ]
    out.emit(data, "\n".join(f"{p['code']:<18} {p['name']}　{p['description']}" for p in data))


def _checklist_data(checklist: Checklist, library: Library) -> dict[str, Any]:
    data = checklist.to_snapshot()
    data["type"] = {"code": checklist.type_code, "name": checklist.type_name}
    data["mode"] = {"code": checklist.mode_code, "name": checklist.mode_name}
    data["focus"] = [
        {"code": code, "name": library.focus_packs[code].name}
        for code in checklist.focus
        if code in library.focus_packs
    ]
    for key in ("type_code", "type_name", "mode_code", "mode_name"):
        data.pop(key)
    data["item_count"] = len(checklist.items)
    return data


def _checklist_text(checklist: Checklist) -> str:
    lines = [
        f"{checklist.type_name} · {checklist.mode_name} · 共 {len(checklist.items)} 项"
        + (f" · 专项：{'、'.join(checklist.focus)}" if checklist.focus else ""),
        "（★ 为该类机构的检查重点）",
    ]
    for section in checklist.sections:
        lines.append("")
        lines.append(f"[{section.code}] {section.title}")
        for item in section.items:
            star = "★" if item.priority else " "
            lines.append(f"  {item.code:<7}{star} {item.title}")
    return "\n".join(lines)


def cmd_checklist_show(args: argparse.Namespace, out: Printer) -> None:
    library, _ = _library(args)
    type_code = _resolve("机构类型", args.type, library.types)
    mode_code = _resolve("检查方式", args.mode, library.modes)
    focus = [_resolve("专项", f, library.focus_packs) for f in args.focus or []]
    checklist = compose(library, type_code, mode_code, focus)
    out.emit(_checklist_data(checklist, library), _checklist_text(checklist))


def cmd_checklist_check(args: argparse.Namespace, out: Printer) -> None:
    loaded = parse_file(Path(args.file))
    data = {
        "file": str(args.file),
        "id": loaded.data.id,
        "version": loaded.data.version,
        "items": len(loaded.data.items),
        "ok": True,
    }
    out.emit(
        data,
        f"{args.file}：格式正确（{loaded.data.id} {loaded.data.version}，"
        f"{len(loaded.data.items)} 个条目）",
    )


def cmd_checklist_install(args: argparse.Namespace, out: Printer) -> None:
    from inspector.paths import resolve_home

    home = resolve_home(args.home).ensure()
    loaded = install_file(Path(args.file), home.checklists)
    data = {"id": loaded.data.id, "version": loaded.data.version, "installed": str(loaded.path)}
    out.emit(data, f"已安装清单 {loaded.data.id} {loaded.data.version}")


# --- inspections -------------------------------------------------------------------------


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
                    f"协议到期日“{args.agreement_expiry}”应写成 YYYY-MM-DD"
                ) from error
        inspection_id = create_inspection(
            ws,
            institution=args.institution,
            type_code=_resolve("机构类型", args.type, library.types),
            mode=_resolve("检查方式", args.mode, library.modes),
            district=args.district,
            team=team,
            leader=args.leader,
            focus=[_resolve("专项", f, library.focus_packs) for f in args.focus or []],
            team_district=args.team_district,
            place=args.place,
            agreement_no=args.agreement_no,
            agreement_expiry=expiry,
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
            f"{STATUS_NAMES[row.status]:<4}  {row.institution_name}（{row.district}）  "
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
            f"机构：{view.institution_name}，{view.institution_type_name}，{view.district}",
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
            f"结果“{args.result}”无效，可选：ok（符合）、problem（发现问题）、"
            "na（不适用）、unchecked（未检查）"
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


# --- institution registry ----------------------------------------------------------------


def _institution_data(info: Any, on_date: date | None = None) -> dict[str, Any]:
    check = info.agreement(on_date)
    return {
        "id": info.id,
        "name": info.name,
        "type": {"code": info.type_code, "name": info.type_name},
        "district": info.district,
        "agreement_no": info.agreement_no,
        "agreement_expiry": info.agreement_expiry,
        "level": info.level,
        "agreement_status": {
            "code": check.status.value,
            "name": check.label,
            "message": check.message,
            "items": list(check.items),
        },
    }


def cmd_institution_import(args: argparse.Namespace, out: Printer) -> int:
    from inspector.registry import RowStatus, apply, preview

    with open_workspace(args) as ws:
        planned = preview(Path(args.file), ws)
        rows = planned.rows
        if not args.dry_run:
            rows = apply(ws, planned).rows
    counts = {status.value: sum(1 for r in rows if r.status is status) for status in RowStatus}
    refused = counts[RowStatus.REFUSED.value]
    data = {
        "file": str(planned.path),
        "sheet": planned.sheet,
        "encoding": planned.encoding,
        "header_row": planned.header_row,
        "columns": planned.columns,
        "ignored_columns": planned.ignored_columns,
        "dry_run": bool(args.dry_run),
        "counts": counts,
        "rows": [
            {
                "row": r.row,
                "status": r.status.value,
                "status_name": r.status_name,
                "reason": r.reason,
                "cells": r.cells,
                "type_code": r.entry.type_code if r.entry else None,
                "agreement_expiry": r.entry.agreement_expiry if r.entry else None,
                "institution_id": r.institution_id,
            }
            for r in rows
        ],
    }
    where = f"工作表“{planned.sheet}”，" if planned.sheet else ""
    lines = [f"{planned.path.name}：{where}表头在第 {planned.header_row} 行"]
    if planned.ignored_columns:
        lines[0] += f"；未使用的列：{'、'.join(planned.ignored_columns)}"
    for r in rows:
        place = f"{r.cells.get('name') or '（无名称）'}（{r.cells.get('district') or '无区县'}）"
        lines.append(
            f"第 {r.row} 行  {r.status_name:<3}  {place}" + (f"：{r.reason}" if r.reason else "")
        )
    lines.append(
        f"共 {len(rows)} 行：新增 {counts['new']}，更新 {counts['update']}，"
        f"无变化 {counts['unchanged']}，拒绝 {refused}"
    )
    if args.dry_run:
        lines.append("预览（--dry-run）：未写入任何数据")
    elif refused:
        lines.append(f"其余各行已导入；被拒绝的 {refused} 行未导入，请修改后重新导入")
    else:
        lines.append("已导入")
    out.emit(data, "\n".join(lines))
    return EXIT_ERROR if refused else 0


def cmd_institution_list(args: argparse.Namespace, out: Printer) -> None:
    from inspector.registry import search_institutions

    with open_workspace(args) as ws:
        type_code = _resolve("机构类型", args.type, ws.library.types) if args.type else None
        found = search_institutions(ws, args.search or "", type_code)
    today = date.today()
    data = [_institution_data(info, today) for info in found]
    text = "\n".join(
        f"{info.name}  {info.type_name}  {info.district}  "
        f"协议 {info.agreement_no or '—'}  {info.agreement(today).label}"
        for info in found
    )
    out.emit(data, text or "（机构名单中没有符合条件的机构）")


def cmd_institution_show(args: argparse.Namespace, out: Printer) -> None:
    from inspector.registry import find_institution

    with open_workspace(args) as ws:
        info = find_institution(ws, args.name)
    data = _institution_data(info)
    expiry = info.agreement_expiry.isoformat() if info.agreement_expiry else "—"
    lines = [
        info.name,
        f"类型：{info.type_name}（{info.type_code}）",
        f"区县：{info.district}",
        f"协议编号：{info.agreement_no or '—'}",
        f"协议到期日：{expiry}",
        f"等级：{info.level or '—'}",
        f"协议状态：{data['agreement_status']['name']}。{data['agreement_status']['message']}",
    ]
    out.emit(data, "\n".join(lines))


# --- parser ------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: a subcommand's default must not overwrite an option given before it.
    common.add_argument(
        "--home",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="数据目录（默认：INSPECTOR_HOME 或系统用户数据目录）",
    )
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="输出 JSON")

    parser = argparse.ArgumentParser(
        prog="inspector", description="医保基金现场检查 Inspector：命令行", parents=[common]
    )
    parser.add_argument("--version", action="version", version=f"Inspector {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="命令")

    checklist = commands.add_parser("checklist", help="检查清单", parents=[common])
    sub = checklist.add_subparsers(dest="action", required=True, metavar="操作")
    sub.add_parser("types", help="机构类型", parents=[common]).set_defaults(run=cmd_checklist_types)
    sub.add_parser("modes", help="检查方式", parents=[common]).set_defaults(run=cmd_checklist_modes)
    focus = sub.add_parser("focus", help="专项（重点领域）", parents=[common])
    focus.add_argument("--type", help="只列出适用于该机构类型的专项")
    focus.set_defaults(run=cmd_checklist_focus)
    show = sub.add_parser("show", help="为一次检查组合清单", parents=[common])
    show.add_argument("--type", required=True, help="机构类型（代码或中文名）")
    show.add_argument("--mode", default="surprise", help="检查方式（默认：突击检查）")
    show.add_argument("--focus", nargs="*", help="专项代码")
    show.set_defaults(run=cmd_checklist_show)
    check = sub.add_parser("check", help="检查清单文件的格式", parents=[common])
    check.add_argument("file")
    check.set_defaults(run=cmd_checklist_check)
    install = sub.add_parser("install", help="安装新的清单文件（如专项包）", parents=[common])
    install.add_argument("file")
    install.set_defaults(run=cmd_checklist_install)

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
        metavar="姓名:执法证号",
        help="检查人员，可重复",
    )
    new.add_argument("--leader", metavar="执法证号", help="组长（默认第一位检查人员）")
    new.add_argument("--focus", nargs="*", help="专项代码")
    new.add_argument("--team-district", help="检查组所属区县（交叉检查时填写）")
    new.add_argument("--place", help="检查地点")
    new.add_argument("--agreement-no", help="定点协议编号")
    new.add_argument("--agreement-expiry", metavar="YYYY-MM-DD", help="协议到期日")
    new.set_defaults(run=cmd_inspection_new)
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

    answer = commands.add_parser("answer", help="记录检查条目的结果", parents=[common])
    answer.add_argument("id", help="检查编号")
    answer.add_argument("item", help="条目编号，如 P5.1")
    answer.add_argument("--result", required=True, help="ok|problem|na|unchecked（或中文）")
    answer.add_argument("--note", help="情况说明")
    answer.add_argument("--amount", help="涉及金额（元）")
    answer.add_argument("--violation", help="违规类别代码，如 VH04")
    answer.set_defaults(run=cmd_answer)

    # The evidence commands live beside their code: evidence ..., verify-evidence.
    from inspector.evidence.commands import add_parsers as add_evidence_parsers

    add_evidence_parsers(commands, common)

    # The signing commands live beside their code: key ..., sign-pdf, verify-pdf.
    from inspector.signing.commands import add_parsers as add_signing_parsers

    add_signing_parsers(commands, common)

    # The record's commands live beside their code: record ..., interview ..., config.
    from inspector.record.commands import add_parsers as add_record_parsers

    add_record_parsers(commands, common)

    institution = commands.add_parser("institution", help="定点机构名单", parents=[common])
    sub = institution.add_subparsers(dest="action", required=True, metavar="操作")
    imp = sub.add_parser("import", help="从 Excel (.xlsx) 或 CSV 导入机构名单", parents=[common])
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--dry-run", action="store_true", help="只预览，不写入")
    imp.set_defaults(run=cmd_institution_import)
    inst_list = sub.add_parser("list", help="列出名单中的机构", parents=[common])
    inst_list.add_argument("--search", metavar="TEXT", help="名称、协议编号或区县中包含的文字")
    inst_list.add_argument("--type", help="机构类型（代码或中文名）")
    inst_list.set_defaults(run=cmd_institution_list)
    inst_show = sub.add_parser("show", help="查看机构及其协议状态", parents=[common])
    inst_show.add_argument("name", metavar="NAME_OR_AGREEMENT_NO", help="机构名称或协议编号")
    inst_show.set_defaults(run=cmd_institution_show)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # A Windows console may not be UTF-8; never crash on printing Chinese.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    parser = build_parser()
    args = parser.parse_args(argv)
    args.home = getattr(args, "home", None)
    args.json = getattr(args, "json", False)
    out = Printer(args.json)
    try:
        code = args.run(args, out)
    except InspectorError as error:
        if args.json:
            print(json.dumps({"error": str(error)}, ensure_ascii=False), file=sys.stderr)
        else:
            print(f"错误：{error}", file=sys.stderr)
        return EXIT_ERROR
    return int(code or 0)
