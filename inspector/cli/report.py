"""``report``: the 情况报告 for a period and a district (or all), printed, and written as an
Excel workbook with charts or a PDF with charts."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from inspector.cli.output import Printer, open_workspace, parse_day
from inspector.errors import InvalidInput
from inspector.inspections import format_fen


def cmd_report(args: argparse.Namespace, out: Printer) -> None:
    from inspector.ledger.entries import enter_signed
    from inspector.ledger.report import Within, quarter, report_figures, write_report
    from inspector.record.facts import BUREAU_SETTING

    since = until = None
    if args.quarter:
        if args.since or args.until:
            raise InvalidInput("--quarter 与 --since/--until 只能选一种")
        since, until = quarter(args.quarter)
    elif args.since or args.until or not args.campaign:
        since, until = parse_day(args.since, "开始日期"), parse_day(args.until, "结束日期")
        if since is None or until is None:
            raise InvalidInput("请给出报告期：--quarter 2026Q3，或 --since 与 --until")
    with open_workspace(args) as ws:
        enter_signed(ws)
        within = None
        if args.campaign:  # the campaign's visits, districts and types; its period by default
            from inspector.campaigns.local import get_local

            campaign = get_local(ws, args.campaign)
            within = Within(campaign.id, campaign.name, campaign.districts, campaign.types)
            since, until = since or campaign.start, until or campaign.end
        assert since is not None and until is not None
        figures = report_figures(ws, since, until, args.district, args.type, within)
        if args.out:
            write_report(ws, figures, Path(args.out), ws.db.setting(BUREAU_SETTING))
    lines = report_lines(figures)
    if args.out:
        lines.append(f"已保存：{args.out}")
    data = figures.__dict__ | {"rectification_rate": figures.rectification_rate}
    out.emit(data, "\n".join(lines))


def report_lines(figures: Any) -> list[str]:
    """The figures as printed by ``report`` and ``central report``."""
    from inspector.ledger.cases import KIND_NAMES
    from inspector.ledger.entries import STATUS_NAMES
    from inspector.ledger.report import case_money_rows, measure_rows, typical_lines

    return [
        f"情况报告：{figures.scope}，{figures.period}",
        f"检查机构 {figures.institutions} 家，检查 {figures.inspections} 次",
        *(f"  {c.name}：{c.institutions} 家 / {c.inspections} 次" for c in figures.by_type),
        "按检查方式：",
        *(f"  {c.name}：{c.institutions} 家 / {c.inspections} 次" for c in figures.by_mode),
        f"发现问题 {figures.findings} 个，涉及金额 {format_fen(figures.amount_fen)} 元，"
        f"追回 {format_fen(figures.recovered_fen)} 元",
        *(
            f"  {c.name}：{c.findings} 个，{format_fen(c.amount_fen)} 元"
            for c in figures.by_category
        ),
        "按区县：",
        *(
            f"  {d.name}：{d.institutions} 家 / {d.inspections} 次，问题 {d.findings} 个，"
            f"{format_fen(d.amount_fen)} 元，整改率 {d.rectification_rate:.1%}"
            for d in figures.by_district
        ),
        "整改："
        + "，".join(f"{STATUS_NAMES[k]} {v}" for k, v in figures.by_status.items())
        + f"；整改率 {figures.rectification_rate:.1%}",
        "案件处理："
        + "，".join(f"{KIND_NAMES[k]} {v}" for k, v in figures.cases.items())
        + f"；移交问题 {figures.handed_over} 个",
        f"案件 {figures.case_count} 件（本期登记）：",
        *(
            f"  {name}：{count} 项，决定 {decided:,.2f} 元，已缴 {paid:,.2f} 元"
            for name, count, decided, paid in case_money_rows(figures)
        ),
        "处理措施："
        + "，".join(f"{name} {count}" for name, count in measure_rows(figures) if count),
        "典型案例：",
        *(f"  {line}" for line in typical_lines(figures)),
    ]


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    report = commands.add_parser("report", help="情况报告（某期、某区县的检查和整改统计）",
                                 parents=[common])  # fmt: skip
    report.add_argument("--quarter", metavar="2026Q3", help="季度")
    report.add_argument("--since", metavar="YYYY-MM-DD", help="报告期开始")
    report.add_argument("--until", metavar="YYYY-MM-DD", help="报告期结束（含）")
    report.add_argument("--district", help="区县（默认全部）")
    report.add_argument("--type", help="机构类型代码（默认全部）")
    report.add_argument(
        "--campaign", metavar="编号", help="专项行动：只计归入它的检查（默认报告期为其期间）"
    )
    report.add_argument("--out", metavar="FILE.xlsx|FILE.pdf", help="保存为 Excel（含图表）或 PDF")
    report.set_defaults(run=cmd_report)
