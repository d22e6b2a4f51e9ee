"""``stock reconcile``: the 进销存 reconciliation of key drugs and consumables (seed 000 point 6,
seed 002 附件1) from the institution's purchase, sales and settlement files, the opening book
stock and the team's count; ``--attach`` puts the table on P6.5 as evidence and the gap as the
finding."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from inspector.cli.output import EXIT_ERROR, Printer, given_day, open_workspace
from inspector.inspections import format_fen

FILES = (
    ("purchases", "购进记录"),
    ("sales", "销售（发药）记录"),
    ("settlements", "医保结算记录"),
    ("opening", "期初库存"),
    ("count", "现场盘点"),
)


def cmd_reconcile(args: argparse.Namespace, out: Printer) -> int:
    from inspector.inspections import get_inspection
    from inspector.stock.ledgers import KIND_NAMES, Kind
    from inspector.stock.service import ITEM, attach_reconciliation, reconcile_files

    files = {Kind(kind): Path(getattr(args, kind)) for kind, _ in FILES if getattr(args, kind)}
    start, end = given_day(args.start, "期间起"), given_day(args.end, "期间止")
    with open_workspace(args) as ws:
        get_inspection(ws, args.inspection)  # a wrong id fails before the files are read
        result, refused = reconcile_files(ws, files, start, end, inspection_id=args.inspection)
        if result is None:
            lines = [
                f"{KIND_NAMES[kind]}（{files[kind].name}）第 {row} 行  拒绝：{reason}"
                for kind, rows in refused.items()
                for row, reason in rows
            ]
            lines.append("有无法读取的行：未进行核对，请修改文件后重新导入")
            out.emit({"refused": {k.value: v for k, v in refused.items()}}, "\n".join(lines))
            return EXIT_ERROR
        attached = None
        if args.attach:
            attached = attach_reconciliation(
                ws, args.inspection, result, violation=args.violation, added_by=args.by
            )
    lines = [
        f"核对期间 {start.isoformat()} 至 {end.isoformat()}；核对品种 {len(result.drugs)} 个，"
        f"有差异 {len(result.flagged)} 个"
    ]
    if result.by_name_only:
        lines.append("（有文件没有规格列：按药品名称比对）")
    lines += [f"（{note}）" for note in result.count_notes]
    for d in result.flagged:
        detail = []
        if d.excess:
            detail.append(f"结算超出 {d.excess}（¥{format_fen(d.excess_fen)}）")
        if d.stock_gap:
            detail.append(f"账实差 {d.stock_gap}")
        if d.oversold:
            detail.append(f"销售超出可售量 {d.oversold}")
        lines.append(
            f"  {d.name} {d.spec}  {'、'.join(d.flags)}"
            + (f"  {'；'.join(detail)}" if detail else "")
            + (f"  [{d.key_drug}]" if d.key_drug else "")
        )
    lines.append(f"结算量超出销售量涉及金额 ¥{format_fen(result.excess_fen) or '0.00'}")
    if attached is None:
        lines.append("预览：未保存（加 --attach 把核对表存为条目 P6.5 的证据并记录问题）")
    elif result.flagged:
        lines.append(f"核对表已存为证据 {attached.evidence_id}；已记为条目 {ITEM} 的问题")
    else:
        lines.append(f"核对表已存为证据 {attached.evidence_id}（无差异）")
    data: dict[str, Any] = result.to_data()
    data["evidence_id"] = attached.evidence_id if attached else None
    out.emit(data, "\n".join(lines))
    return 0


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    stock = commands.add_parser("stock", help="药品、耗材进销存核对", parents=[common])
    sub = stock.add_subparsers(dest="action", required=True, metavar="操作")
    rec = sub.add_parser("reconcile", help="核对进销存与医保结算", parents=[common])
    rec.add_argument("inspection", metavar="INSPECTION", help="检查编号（可只写前几位）")
    rec.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD", help="期间起")
    rec.add_argument("--to", dest="end", required=True, metavar="YYYY-MM-DD", help="期间止")
    for kind, name in FILES:
        required = kind in ("purchases", "sales", "settlements")
        rec.add_argument(
            f"--{kind}", required=required, metavar="FILE", help=f"{name}（Excel/CSV）"
        )
    rec.add_argument("--attach", action="store_true", help="存为条目 P6.5 的证据并记录问题")
    rec.add_argument("--violation", help="违规类别代码（条目 P6.5 可用的，如 VH07）")
    rec.add_argument("--by", metavar="执法证号", help="添加证据的检查人员")
    rec.set_defaults(run=cmd_reconcile)
