"""``server draw``, ``server assign-leads``, ``server withdraw`` and ``server assignments``: the
office assigns visits (the 双随机 draw over the published registry and roster) and leads to
teams, and follows them (inspector/central/assignments.py). These run on the server."""

from __future__ import annotations

import argparse
import getpass
from datetime import date
from pathlib import Path
from typing import Any

from inspector.cli.output import Printer


def _day(text: str) -> date:
    from inspector.errors import InvalidInput

    try:
        return date.fromisoformat(text.strip())
    except ValueError as error:
        raise InvalidInput("日期格式应为 YYYY-MM-DD：{value}", value=text) from error


def _by(args: argparse.Namespace) -> str:
    return str(args.by or getpass.getuser())[:64]


def cmd_server_draw(args: argparse.Namespace, out: Printer) -> None:
    from inspector.central.assignments import draw_workbook, prepare_draw, run_draw
    from inspector.cli.server import _central

    with _central(args) as central:
        inputs = prepare_draw(
            central,
            method=args.method,
            sources=args.sources,
            count=args.count,
            team_size=args.team_size,
            cross_district=args.cross,
            reuse_inspectors=args.reuse,
            districts=args.district or (),
            types=args.type or (),
            title=args.title or "",
            campaign=args.campaign,
        )
        made = run_draw(central, inputs, by=_by(args), days=args.days, campaign=args.campaign)
        if args.output:
            draw_workbook(central, made.id, Path(args.output))
    lines = [f"抽查 {made.id[:8]}：密钥串 {made.result.key}；已下达 {len(made.assignments)} 项检查"]
    if made.campaign_id:
        lines[0] += f"，归入专项行动 {made.campaign_id[:8]}"
    for team in made.result.teams:
        place = inputs.candidates[team.candidate]
        people = "、".join(inputs.roster[m].name for m in team.members)
        lines.append(f"  {place.name}（{place.district}）：{people}")
    if args.output:
        lines.append(f"抽查结果已写入 {args.output}（draw verify 可复核）")
    out.emit(
        {
            "draw_id": made.id,
            "campaign_id": made.campaign_id,
            "key": made.result.key,
            "inputs_sha256": inputs.sha256,
            "assignments": made.assignments,
            "result": made.result.to_data(inputs)["selected"],
        },
        "\n".join(lines),
    )


def cmd_server_draw_export(args: argparse.Namespace, out: Printer) -> None:
    from inspector.central.assignments import draw_workbook
    from inspector.cli.server import _central

    with _central(args) as central:
        made = draw_workbook(central, args.draw, Path(args.output))
    out.emit({"draw_id": made.id, "file": args.output}, f"已写入 {args.output}")


def cmd_server_assign_leads(args: argparse.Namespace, out: Printer) -> None:
    from inspector.central.assignments import assign_leads, assign_pushed, read_lead_file
    from inspector.cli.server import _central
    from inspector.errors import InvalidInput

    if bool(args.file) == bool(args.number):
        raise InvalidInput("请给出线索文件（--file）或已推送线索的编号（--number），二者选一")
    with _central(args) as central:
        options: dict[str, Any] = {
            "inspectors": args.inspector,
            "by": _by(args),
            "days": args.days,
            "today": _day(args.on) if args.on else None,
        }
        if args.file:
            made = assign_leads(central, read_lead_file(Path(args.file)), **options)
        else:
            made = assign_pushed(central, args.number, **options)
    out.emit({"assignments": made}, f"已交办 {len(made)} 条线索（{args.days} 个工作日内反馈）")


def cmd_server_withdraw(args: argparse.Namespace, out: Printer) -> None:
    from inspector.central.assignments import withdraw
    from inspector.cli.server import _central

    with _central(args) as central:
        found = withdraw(central, args.assignment, _by(args))
    out.emit({"withdrawn": found}, f"已撤回任务 {found[:8]}（笔记本下次领取时标记）")


def cmd_server_assignments(args: argparse.Namespace, out: Printer) -> None:
    from inspector.central.assignments import assignment_rows, assignment_status
    from inspector.cli.server import _central

    with _central(args) as central:
        rows = assignment_rows(central, args.district)
        status = assignment_status(central, args.district)
    lines = [
        f"{r['id'][:8]}  {r['state']}"
        + (f"（逾期 {r['late_days']} 个工作日）" if r["late_days"] else "")
        + f"  {r['what']}  {r['team']}  期限 {r['deadline'] or '—'}"
        for r in rows
    ]
    counts = "，".join(f"{k} {v}" for k, v in status["visits"].items())
    lead_counts = "，".join(f"{k} {v}" for k, v in status["leads"].items())
    lines.append(f"检查：{counts}；线索：{lead_counts}")
    out.emit({"assignments": rows, "status": status}, "\n".join(lines))


def add_assignment_parsers(
    sub: Any, common: argparse.ArgumentParser, db: argparse.ArgumentParser
) -> None:
    """The office's assignment commands under ``server``."""
    from inspector.planning.draw import METHODS, RFC3797

    by = argparse.ArgumentParser(add_help=False)
    by.add_argument("--by", metavar="姓名", help="下达人（默认：当前系统用户）")
    draw = sub.add_parser(
        "draw",
        help="双随机抽查：在局端发布的机构名录和检查人员名录上抽取，结果下达给检查组",
        parents=[common, db, by],
    )
    draw.add_argument(
        "--sources", required=True, help="公开随机源（RFC 3797），如 “9319 / 2 5 8 10 12”"
    )
    draw.add_argument("--count", type=int, required=True, help="抽取机构数")
    draw.add_argument("--method", choices=list(METHODS), default=RFC3797)
    draw.add_argument("--team-size", type=int, default=2, help="每组人数（默认 2）")
    draw.add_argument("--cross", action="store_true", help="交叉检查：本区县人员回避")
    draw.add_argument("--reuse", action="store_true", help="检查人员可重复派出")
    draw.add_argument("--district", action="append", help="只抽这个区县的机构（可重复）")
    draw.add_argument("--type", action="append", help="只抽这类机构（类型代码，可重复）")
    draw.add_argument("--title", help="抽查标题（在专项行动中抽查时默认为其名称）")
    draw.add_argument(
        "--campaign", metavar="编号",
        help="在这个专项行动中抽查：只抽其范围内的机构类型和区县，检查归入该专项行动",
    )  # fmt: skip
    draw.add_argument("--days", type=int, help="办理时限（工作日，自今日起）")
    draw.add_argument(
        "--output", metavar="FILE.xlsx", help="同时写出抽查结果（draw verify 可复核）"
    )
    draw.set_defaults(run=cmd_server_draw)
    export = sub.add_parser("draw-export", help="写出局端一次抽查的抽查结果", parents=[common, db])
    export.add_argument("draw", metavar="抽查编号")
    export.add_argument("output", metavar="FILE.xlsx")
    export.set_defaults(run=cmd_server_draw_export)
    leads = sub.add_parser(
        "assign-leads", help="把线索交办给检查组（线索文件，或笔记本推送来的线索）",
        parents=[common, db, by],
    )  # fmt: skip
    leads.add_argument("--file", metavar="FILE", help="局端的线索文件（.xlsx 或 CSV）")
    leads.add_argument("--number", action="append", help="已推送线索的编号（可重复）")
    leads.add_argument(
        "--inspector", action="append", required=True, metavar="执法证号",
        help="承办的检查人员（可重复，组长在前）",
    )  # fmt: skip
    leads.add_argument("--days", type=int, required=True, help="办理时限（工作日，自交办日起）")
    leads.add_argument(
        "--on", metavar="YYYY-MM-DD", help="交办日期（默认今日；如补录已书面交办的线索）"
    )
    leads.set_defaults(run=cmd_server_assign_leads)
    withdraw = sub.add_parser("withdraw", help="撤回一项任务", parents=[common, db, by])
    withdraw.add_argument("assignment", metavar="任务编号")
    withdraw.set_defaults(run=cmd_server_withdraw)
    listing = sub.add_parser(
        "assignments", help="下达的任务及其状态（已下达、已领取、检查中、已签署、逾期）",
        parents=[common, db],
    )  # fmt: skip
    listing.add_argument("--district", help="只看这个区县")
    listing.set_defaults(run=cmd_server_assignments)
