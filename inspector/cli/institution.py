"""``institution import|list|show``: the bureau's registry of designated institutions."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from inspector.cli.output import EXIT_ERROR, Printer, open_workspace, resolve_option


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
        "agreement_terminated_on": info.agreement_terminated_on,
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
        type_code = resolve_option("机构类型", args.type, ws.library.types) if args.type else None
        found = search_institutions(ws, args.search or "", type_code)
    today = date.today()
    data = [_institution_data(info, today) for info in found]
    text = "\n".join(
        f"{info.name}  {info.type_name}  {info.district}  "
        f"协议 {info.agreement_no or '—'}  {info.agreement(today).label}"
        + ("  已解除协议" if info.agreement_terminated_on else "")
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
    if info.terminated_message:
        lines.append(info.terminated_message)
    out.emit(data, "\n".join(lines))


# --- parsers -----------------------------------------------------------------------------


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
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
