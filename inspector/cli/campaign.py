"""``campaign list|show``: the office's campaigns (专项行动) this laptop installed from ``sync
pull``, with the current phase, what is due (late ones marked) and this laptop's district's
coverage (inspector/campaigns/local.py)."""

from __future__ import annotations

import argparse
from typing import Any

from inspector.cli.output import Printer, open_workspace


def _lines(view: Any) -> list[str]:
    from inspector.campaigns import STATUS_NAMES, percent

    c = view.campaign
    lines = [
        f"{c.id[:8]}  {c.name}" + (f"（{c.doc_no}）" if c.doc_no else "")
        + f"  {STATUS_NAMES.get(c.status, c.status)}",
        f"  阶段：{view.schedule.phase_text()}",
    ]  # fmt: skip
    for item in view.schedule.late:
        lines.append(f"  逾期：{item.title}（应于 {item.deadline.last_day} 前）")
    for item in view.schedule.done:
        lines.append(f"  已报送：{item.title}（{item.stated}，{item.submitted_on} 报送）")
    for item in view.schedule.pending:
        lines.append(
            f"  待办：{item.title}  {item.deadline.last_day} 前，"
            f"还有 {item.working_days_left} 个工作日"
            + ("（节假日安排待公布）" if item.deadline.provisional else "")
        )
    for row in view.coverage["districts"]:
        lines.append(
            f"  覆盖率 {row['district']}：{row['inspected']}/{row['in_scope']}  "
            f"{percent(row['share'])}"
        )
    return lines


def _today(args: argparse.Namespace) -> Any:
    from inspector.campaigns import parse_day

    return parse_day(args.today, "日期") if args.today else None


def cmd_campaign_list(args: argparse.Namespace, out: Printer) -> None:
    from inspector.campaigns.local import campaign_views

    with open_workspace(args) as ws:
        views = campaign_views(ws, _today(args), active_only=not args.all)
    lines = [line for view in views for line in _lines(view)]
    out.emit([v.to_dict() for v in views], "\n".join(lines) or "没有进行中的专项行动")


def cmd_campaign_show(args: argparse.Namespace, out: Printer) -> None:
    from inspector.campaigns.local import campaign_views, get_local

    with open_workspace(args) as ws:
        wanted = get_local(ws, args.id)
        view = next(v for v in campaign_views(ws, _today(args), active_only=False)
                    if v.campaign.id == wanted.id)  # fmt: skip
    c = view.campaign
    lines = [
        *_lines(view),
        *(f"  {p.name}：{p.start} 至 {p.end}" for p in c.phases),
        f"  机构类型：{'、'.join(c.types)}",
        f"  区县：{'、'.join(c.districts)}",
        f"  专项清单：{'、'.join(c.focus_packs) or '无'}",
    ]
    out.emit(view.to_dict(), "\n".join(lines))


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    campaign = commands.add_parser(
        "campaign", help="局端制定的专项行动（sync pull 后可见）", parents=[common]
    )
    sub = campaign.add_subparsers(dest="action", required=True, metavar="操作")
    listing = sub.add_parser("list", help="进行中的专项行动：阶段、待办、覆盖率", parents=[common])
    listing.add_argument("--all", action="store_true", help="也列出已结束的")
    listing.add_argument("--today", metavar="YYYY-MM-DD", help=argparse.SUPPRESS)
    listing.set_defaults(run=cmd_campaign_list)
    show = sub.add_parser("show", help="一项专项行动的详情", parents=[common])
    show.add_argument("id", metavar="编号或名称")
    show.add_argument("--today", metavar="YYYY-MM-DD", help=argparse.SUPPRESS)
    show.set_defaults(run=cmd_campaign_show)
