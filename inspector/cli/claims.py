"""``claims sample|list|mark``: the bills a team reviews on site, drawn from a settlement
export by the rules of seeds 003 and 004, attached to an inspection, and each one's verdict."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from inspector.cli.output import EXIT_ERROR, Printer, given_day, open_workspace
from inspector.errors import InvalidInput
from inspector.inspections import format_fen

VERDICT_ALIASES = {"ok": "ok", "核实无误": "ok", "problem": "problem", "发现问题": "problem",
                   "pending": "pending", "未核实": "pending"}  # fmt: skip


def _yuan_to_fen(text: str) -> int:
    from inspector.inspections import parse_amount

    fen = parse_amount(text)
    if fen is None:
        raise InvalidInput("请给出金额阈值（元）")
    return fen


def cmd_sample(args: argparse.Namespace, out: Printer) -> int:
    from inspector.claims.sampling import (
        FLAGGED,
        RULE_NAMES,
        Rules,
        attach_sample,
        build_sample,
        flagged_from_rules,
        parse_rate,
        read_flagged,
    )

    rules = Rules(
        since=given_day(args.since, "起始日期"),
        seed=args.seed,
        rate=parse_rate(args.rate),
        threshold_fen=_yuan_to_fen(args.threshold),
        year=args.year,
        top=args.top,
        third_party=args.third_party,
        flagged=read_flagged(Path(args.flagged)) if args.flagged else frozenset(),
        flagged_source=Path(args.flagged).name if args.flagged else "",
    )
    with open_workspace(args) as ws:
        from inspector.inspections import get_inspection

        get_inspection(ws, args.inspection)  # a wrong id fails before the file is read
        if args.flagged_from_rules:
            rules = flagged_from_rules(ws, args.inspection, rules)
        with build_sample(ws, Path(args.file), rules) as report:
            if report.ok and not args.dry_run:
                attach_sample(ws, args.inspection, report, rules)
    lines = [f"{report.source.name}：{report.rows:,} 行；SHA-256 {report.source_sha256}"]
    if not report.ok:
        lines += [f"第 {r.row} 行  拒绝：{r.reason}" for r in report.refused]
        if report.refused_count > len(report.refused):
            lines.append(f"……另有 {report.refused_count - len(report.refused)} 行被拒绝")
        lines.append(f"共拒绝 {report.refused_count} 行：未建立抽样清单，请修改文件后重新导入")
    else:
        lines.append("规则：" + rules.describe(report.year))
        for rule, count in report.counts.items():
            lines.append(f"{RULE_NAMES[rule]}：{count} 张")
        lines.append(f"随机抽样的基数：{report.rest:,} 张")
        if rules.flagged:
            lines.append(
                f"其中智能监控疑点 {report.flagged_in_rest:,} 张，"
                f"因疑点列入 {report.counts.get(FLAGGED, 0):,} 张"
            )
        lines.append(
            "预览（--dry-run）：未保存" if args.dry_run else
            f"已附到检查 {args.inspection}：共 {report.total} 张票据"
        )  # fmt: skip
    data: dict[str, Any] = {
        "file": str(report.source),
        "sha256": report.source_sha256,
        "rows": report.rows,
        "refused_count": report.refused_count,
        "refused": [{"row": r.row, "reason": r.reason} for r in report.refused],
        "rules": rules.to_data() | {"year": report.year},
        "counts": report.counts,
        "rest": report.rest,
        "flagged_in_rest": report.flagged_in_rest,
        "sample_id": report.sample_id,
        "bills": report.total,
        "dry_run": bool(args.dry_run),
    }
    out.emit(data, "\n".join(lines))
    return 0 if report.ok else EXIT_ERROR


def cmd_list(args: argparse.Namespace, out: Printer) -> None:
    from inspector.claims.sampling import samples_of

    with open_workspace(args) as ws:
        samples = samples_of(ws, args.inspection)
    lines = []
    for sample in samples:
        lines.append(f"抽样清单 {sample.id[:8]}：{sample.source_name}（{sample.source_rows:,} 行）")
        lines.append("规则：" + str(sample.rules.get("description", "")))
        for b in sample.bills:
            if args.rule and b.rule != args.rule:
                continue
            if args.verdict and b.verdict != VERDICT_ALIASES.get(args.verdict, args.verdict):
                continue
            rank = f"  门诊第 {b.spender_rank} 名" if b.spender_rank else ""
            lines.append(
                f"{b.bill_no}  {b.rule_name}  {b.patient_name}  {b.kind_name}  "
                f"{b.bill_date.isoformat()}  {format_fen(b.total_fen)} 元{rank}  "
                f"{b.verdict_name}" + (f"：{b.note}" if b.note else "")
            )
    out.emit(samples, "\n".join(lines) or "（该检查没有抽样清单）")


def cmd_mark(args: argparse.Namespace, out: Printer) -> None:
    from inspector.claims.sampling import VERDICTS, mark_bill

    verdict = VERDICT_ALIASES.get(args.result)
    if verdict is None:
        raise InvalidInput(
            "核实结果应为 核实无误（ok）或 发现问题（problem），而不是“{result}”",
            result=args.result,
        )
    with open_workspace(args) as ws:
        mark_bill(ws, args.inspection, args.bill_no, verdict, args.note or "", args.evidence)
    out.emit(
        {"bill_no": args.bill_no, "verdict": verdict, "note": args.note or ""},
        f"{args.bill_no}：{VERDICTS[verdict]}" + (f"（{args.note}）" if args.note else ""),
    )


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    claims = commands.add_parser("claims", help="结算数据抽样复查（住院大额、随机抽样、门诊前列）",
                                 parents=[common])  # fmt: skip
    sub = claims.add_subparsers(dest="action", required=True, metavar="操作")
    sample = sub.add_parser("sample", help="从结算数据抽取票据，附到检查", parents=[common])
    sample.add_argument("inspection", metavar="INSPECTION_ID")
    sample.add_argument("file", metavar="FILE", help="结算数据（.xlsx 或 CSV，UTF-8 或 GBK）")
    sample.add_argument("--since", required=True, help="起始日期 YYYY-MM-DD（如 2018-01-01）")
    sample.add_argument("--seed", type=int, required=True, help="随机种子（非负整数，写入记录）")
    sample.add_argument("--rate", default="10%", help="其余票据的抽样比例（默认 10%%）")
    sample.add_argument("--threshold", default="50000", help="住院大额阈值（元，默认 50000）")
    sample.add_argument("--year", type=int, help="门诊费用排名的年度（默认：最近的门诊年度）")
    sample.add_argument("--top", type=int, default=100, help="门诊费用前多少名（默认 100）")
    sample.add_argument("--third-party", action="store_true", help="第三方复核：比例不低于 10%%")
    sample.add_argument(
        "--flagged",
        metavar="FILE",
        help="智能监控疑点的结算单号清单（.txt 每行一个，或含“结算单号”列的表格）",
    )
    sample.add_argument(
        "--flagged-from-rules",
        action="store_true",
        help="以本检查最近一次规则运行（rules run）命中的结算单号为疑点",
    )
    sample.add_argument("--dry-run", action="store_true", help="只预览，不保存")
    sample.set_defaults(run=cmd_sample)
    listing = sub.add_parser("list", help="列出检查的抽样清单", parents=[common])
    listing.add_argument("inspection", metavar="INSPECTION_ID")
    listing.add_argument(
        "--rule", choices=["large_inpatient", "flagged", "random", "top_outpatient"]
    )
    listing.add_argument("--verdict", help="只列出某种核实结果")
    listing.set_defaults(run=cmd_list)
    mark = sub.add_parser("mark", help="记录一张票据的核实结果", parents=[common])
    mark.add_argument("inspection", metavar="INSPECTION_ID")
    mark.add_argument("bill_no", metavar="BILL_NO", help="结算单号")
    mark.add_argument("--result", required=True, help="核实无误（ok）或 发现问题（problem）")
    mark.add_argument("--note", help="说明（发现问题时必填）")
    mark.add_argument("--evidence", action="append", metavar="EVIDENCE_ID", help="证据编号")
    mark.set_defaults(run=cmd_mark)
