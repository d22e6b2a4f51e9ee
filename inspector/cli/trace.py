"""``trace``: the 追溯码 sweep on site from the command line. ``trace scan`` reads codes from
stdin one per line, as a USB scanner types them (or a pasted list, a file piped in), checks and
keeps each in the scan log; ``trace import-purchases`` keeps the institution's purchase codes;
``trace report`` shows the sweep classified now, with the log's chain checked; ``trace
findings`` puts the log on P6.5 as evidence and the hits as the finding."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any, TextIO

from inspector.cli.output import EXIT_ERROR, Printer, open_workspace
from inspector.inspections import format_fen

BATCH = 500  # lines of a piped list per change; a terminal's scanner is recorded line by line


def _batches(stream: TextIO) -> Iterator[list[str]]:
    if stream.isatty():
        for line in stream:
            yield [line]
        return
    lines = iter(stream)
    while batch := list(islice(lines, BATCH)):
        yield batch


def cmd_scan(args: argparse.Namespace, out: Printer) -> int:
    from inspector.trace import SOURCES
    from inspector.trace.scans import Sweep

    stored: list[dict[str, Any]] = []
    refused: list[dict[str, str]] = []
    with open_workspace(args) as ws, Sweep(ws, args.inspection) as sweep:
        for lines in _batches(sys.stdin):
            batch = sweep.scan([line for line in lines if line.strip()], args.source)
            for checked in batch.refused:
                refused.append({"text": checked.text, "reason": checked.why})
                if not out.as_json:
                    print(f"拒绝：“{checked.text}”不是药品追溯码：{checked.why}", file=sys.stderr)
            for scan in batch.scans:
                found = scan.found
                stored.append(
                    {"seq": scan.seq, "code": scan.code, "result": scan.result,
                     "flags": list(found.flags) if found else [], "repeat_of": scan.repeat_of}
                )  # fmt: skip
                if not out.as_json:
                    print(f"{scan.seq:>5}  {scan.code}  {scan.result}  {scan.note}".rstrip())
            sys.stdout.flush()
        checked_what = []
        if not sweep.detail_checked:
            checked_what.append("未导入结算明细：未核对结算")
        if not sweep.purchases_checked:
            checked_what.append("未导入购进追溯码：未核对购进")
    lines = [
        f"记录扫码 {len(stored)} 次（来源：{SOURCES[args.source]}）"
        + (f"；{len(refused)} 行不是药品追溯码，未记录" if refused else "")
    ]
    lines += [f"（{note}）" for note in checked_what]
    out.emit({"scans": stored, "refused": refused}, "\n".join(lines))
    return EXIT_ERROR if refused else 0


def cmd_import(args: argparse.Namespace, out: Printer) -> int:
    from inspector.trace.purchases import import_purchases

    with open_workspace(args) as ws:
        done = import_purchases(ws, args.inspection, Path(args.file))
    if not done.ok:
        lines = [f"{done.source_name} 第 {row} 行  拒绝：{reason}" for row, reason in done.refused]
        lines.append("有无法读取的行：未导入，请修改文件后重新导入")
        out.emit({"refused": [list(r) for r in done.refused]}, "\n".join(lines))
        return EXIT_ERROR
    text = f"已导入 {done.source_name}：追溯码 {done.codes} 个"
    if done.other_buyer:
        text += f"（其中 {done.other_buyer} 个的收货单位不是本机构）"
    out.emit(
        {"source": done.source_name, "sha256": done.sha256, "codes": done.codes,
         "other_buyer": done.other_buyer},
        text + f"\nSHA-256 {done.sha256}",
    )  # fmt: skip
    return 0


def _summary_lines(summary: Any) -> list[str]:
    from inspector.trace import RESULTS

    counts = summary.counts
    lines = [
        f"扫码 {len(summary.scans)} 次，追溯码 {len(summary.codes)} 个（重复扫描 "
        f"{summary.repeats} 次，只计一次）："
        + "，".join(f"{name} {counts[name]} 个" for name in RESULTS)
    ]
    if not summary.detail_checked:
        lines.append("（未导入结算明细：未核对结算）")
    if not summary.purchases_checked:
        lines.append("（未导入购进追溯码：未核对购进）")
    for c in summary.hits:
        detail = f"  结算 {c.uses} 次 ¥{format_fen(c.amount_fen)}  {c.item_name}" if c.uses else ""
        buyers = f"  购进机构：{'、'.join(c.buyers)}" if c.buyers else ""
        lines.append(f"  {c.code}  {'、'.join(c.flags)}{detail}{buyers}")
    lines.append(f"已结算仍在架的药品涉及结算金额 ¥{format_fen(summary.amount_fen) or '0.00'}")
    return lines


def cmd_report(args: argparse.Namespace, out: Printer) -> int:
    from inspector.trace.scans import Sweep, verify_scans

    with open_workspace(args) as ws, Sweep(ws, args.inspection) as sweep:
        summary = sweep.summary()
        problems = verify_scans(ws, sweep.inspection_id)
    lines = _summary_lines(summary)
    lines.append("扫码记录链：" + ("完整" if not problems else "；".join(problems)))
    data = summary.to_data()
    data["chain_problems"] = problems
    out.emit(data, "\n".join(lines))
    return EXIT_ERROR if problems else 0


def cmd_findings(args: argparse.Namespace, out: Printer) -> int:
    from inspector.trace import ITEM
    from inspector.trace.scans import Sweep, verify_scans
    from inspector.trace.service import attach_findings

    with open_workspace(args) as ws, Sweep(ws, args.inspection) as sweep:
        problems = verify_scans(ws, sweep.inspection_id)
        if problems:
            out.emit(
                {"chain_problems": problems},
                "扫码记录链不完整，未记录问题：" + "；".join(problems),
            )
            return EXIT_ERROR
        found = attach_findings(ws, sweep.summary(), violation=args.violation, added_by=args.by)
    lines = _summary_lines(found.summary)
    if found.summary.hits:
        lines.append(f"扫码记录已存为证据 {found.evidence_id}；已记为条目 {ITEM} 的问题")
    else:
        lines.append(f"扫码记录已存为证据 {found.evidence_id}（未发现问题）")
    data = found.summary.to_data()
    data["evidence_id"] = found.evidence_id
    out.emit(data, "\n".join(lines))
    return 0


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    from inspector.trace import SOURCES

    trace = commands.add_parser("trace", help="药品追溯码现场扫码核查", parents=[common])
    sub = trace.add_subparsers(dest="action", required=True, metavar="操作")
    scan = sub.add_parser(
        "scan", help="从标准输入逐行读取追溯码（扫码枪每扫一盒输入一行）", parents=[common]
    )
    scan.add_argument("inspection", metavar="INSPECTION", help="检查编号（可只写前几位）")
    scan.add_argument(
        "--source", choices=sorted(SOURCES), default="stdin", help="扫码方式（记入扫码记录）"
    )
    scan.set_defaults(run=cmd_scan)
    imp = sub.add_parser(
        "import-purchases", help="导入本机构带追溯码的购进记录（Excel/CSV）", parents=[common]
    )
    imp.add_argument("inspection", metavar="INSPECTION", help="检查编号（可只写前几位）")
    imp.add_argument("file", metavar="FILE", help="购进追溯码文件（Excel/CSV）")
    imp.set_defaults(run=cmd_import)
    rep = sub.add_parser("report", help="扫码核查结果（按现有资料重新比对）", parents=[common])
    rep.add_argument("inspection", metavar="INSPECTION", help="检查编号（可只写前几位）")
    rep.set_defaults(run=cmd_report)
    fin = sub.add_parser(
        "findings", help="扫码记录存为条目 P6.5 的证据，发现的问题记为该条目的问题",
        parents=[common],
    )  # fmt: skip
    fin.add_argument("inspection", metavar="INSPECTION", help="检查编号（可只写前几位）")
    fin.add_argument("--violation", help="违规类别代码（条目 P6.5 可用的，如 VH07）")
    fin.add_argument("--by", metavar="执法证号", help="添加证据的检查人员")
    fin.set_defaults(run=cmd_findings)
