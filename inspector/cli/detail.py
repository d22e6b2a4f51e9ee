"""``detail import|show|drop``: an inspection's settlement detail (费用明细), the rows the rules
and the 追溯码 sweep read."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from inspector.cli.output import EXIT_ERROR, Printer, open_workspace
from inspector.inspections import format_fen


class _Progress:
    """Rows read so far, on stderr when it is a terminal."""

    def __init__(self) -> None:
        self.label = ""
        self.tty = sys.stderr.isatty()

    def start(self, total: int, label: str) -> None:
        self.label = label
        if self.tty:
            print(f"\r{label}", end="", file=sys.stderr, flush=True)

    def advance(self, done: int, message: str = "") -> None:
        if self.tty:
            print(f"\r{self.label} {message or done}", end="", file=sys.stderr, flush=True)

    @property
    def cancelled(self) -> bool:
        return False


def _info_lines(info: Any) -> list[str]:
    level = info.institution_level or "（名册中未登记等级）"
    return [
        f"来源：{info.source_name}（{info.encoding}）；SHA-256 {info.source_sha256}",
        f"机构：{info.institution}；等级：{level}",
        f"明细 {info.rows:,} 行（另有空行 {info.blank_rows:,} 行）；"
        f"结算单 {info.settlements:,} 张；参保人 {info.persons:,} 人；"
        f"金额合计 {format_fen(info.amount_fen)} 元",
        f"费用发生时间：{info.first_charge or '—'} 至 {info.last_charge or '—'}",
        "拒绝的行：0（有任何一行被拒绝的文件不会导入）",
        f"导入时间：{info.imported_at}",
    ]


def cmd_import(args: argparse.Namespace, out: Printer) -> int:
    from inspector.settlement.store import import_detail

    with open_workspace(args) as ws:
        report = import_detail(ws, args.inspection, Path(args.file), reporter=_Progress())
    if sys.stderr.isatty():
        print(file=sys.stderr)
    lines = [f"{report.source.name}：{report.rows:,} 行；SHA-256 {report.source_sha256}"]
    if not report.ok:
        lines += [f"第 {r.row} 行  拒绝：{r.reason}" for r in report.refused]
        if report.refused_count > len(report.refused):
            lines.append(f"……另有 {report.refused_count - len(report.refused)} 行被拒绝")
        lines.append(f"共拒绝 {report.refused_count} 行：未导入任何明细，请修改文件后重新导入")
    else:
        assert report.info is not None
        lines = _info_lines(report.info)
        if report.replaced:
            lines.append("已替换该检查先前导入的明细")
    data: dict[str, Any] = {
        "file": str(report.source),
        "sha256": report.source_sha256,
        "rows": report.rows,
        "blank_rows": report.blank_rows,
        "refused_count": report.refused_count,
        "refused": [{"row": r.row, "reason": r.reason} for r in report.refused],
        "stored": report.info.to_data() if report.info else None,
        "replaced": report.replaced,
    }
    out.emit(data, "\n".join(lines))
    return 0 if report.ok else EXIT_ERROR


def cmd_show(args: argparse.Namespace, out: Printer) -> None:
    from inspector.settlement.store import detail_info

    with open_workspace(args) as ws:
        info = detail_info(ws, args.inspection)
    out.emit(info.to_data(), "\n".join(_info_lines(info)))


def cmd_drop(args: argparse.Namespace, out: Printer) -> None:
    from inspector.settlement.store import drop_detail

    with open_workspace(args) as ws:
        info = drop_detail(ws, args.inspection)
    out.emit(
        {"inspection_id": info.inspection_id, "dropped_rows": info.rows},
        f"已删除该检查的费用明细（{info.source_name}，{info.rows:,} 行）",
    )


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    detail = commands.add_parser(
        "detail", help="结算费用明细（规则筛查与追溯码核查的数据）", parents=[common]
    )
    sub = detail.add_subparsers(dest="action", required=True, metavar="操作")
    load = sub.add_parser("import", help="导入费用明细（替换先前导入的）", parents=[common])
    load.add_argument("inspection", metavar="INSPECTION_ID")
    load.add_argument("file", metavar="FILE", help="费用明细（.xlsx，或 CSV：UTF-8、GBK、UTF-16）")
    load.set_defaults(run=cmd_import)
    show = sub.add_parser("show", help="已导入明细的行数、日期范围与来源", parents=[common])
    show.add_argument("inspection", metavar="INSPECTION_ID")
    show.set_defaults(run=cmd_show)
    drop = sub.add_parser("drop", help="删除该检查的费用明细", parents=[common])
    drop.add_argument("inspection", metavar="INSPECTION_ID")
    drop.set_defaults(run=cmd_drop)
