"""``draw``: the 双随机、一公开 draw. The roster and its recusal marks, the risk level and credit
of institutions, the ordered candidate list to publish first, the draw itself, and
``draw verify FILE``, which runs a published draw again from the file alone."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from inspector.cli.output import EXIT_ERROR, Printer, open_workspace, resolve_option
from inspector.errors import InvalidInput

METHOD_CHOICES = {"rfc3797": "rfc3797", "weighted": "sha256-weighted"}


def cmd_roster_add(args: argparse.Namespace, out: Printer) -> None:
    from inspector.planning.service import add_to_roster

    with open_workspace(args) as ws:
        add_to_roster(
            ws, name=args.name, cert_no=args.cert_no, district=args.district, can_lead=args.leader
        )
    role = "，可任组长" if args.leader else ""
    out.emit(
        {"cert_no": args.cert_no, "name": args.name, "district": args.district,
         "can_lead": args.leader},
        f"已登记：{args.name}（{args.cert_no}），{args.district}{role}",
    )  # fmt: skip


def cmd_roster_remove(args: argparse.Namespace, out: Printer) -> None:
    from inspector.planning.service import remove_from_roster

    with open_workspace(args) as ws:
        remove_from_roster(ws, args.cert_no)
    out.emit({"cert_no": args.cert_no}, f"已移出检查人员名录：{args.cert_no}")


def cmd_roster_list(args: argparse.Namespace, out: Printer) -> None:
    from inspector.planning.service import list_roster

    with open_workspace(args) as ws:
        people = list_roster(ws)
    text = "\n".join(
        f"{p.cert_no}  {p.name}  {p.district}{'  组长' if p.can_lead else ''}"
        + (f"  回避：{'、'.join(p.conflicts)}" if p.conflicts else "")
        for p in people
    )
    out.emit(people, text or "（检查人员名录为空：用 draw roster add 登记）")


def cmd_conflict(args: argparse.Namespace, out: Printer) -> None:
    from inspector.planning.service import add_conflict

    with open_workspace(args) as ws:
        add_conflict(ws, args.cert_no, args.institution, args.reason or "")
    out.emit(
        {"cert_no": args.cert_no, "institution": args.institution},
        f"已登记回避：{args.cert_no} 不参加“{args.institution}”的检查",
    )


def cmd_rate(args: argparse.Namespace, out: Printer) -> None:
    from inspector.planning.service import rate_institution

    with open_workspace(args) as ws:
        rate_institution(ws, args.institution, risk_level=args.risk, credit_rating=args.credit)
    out.emit(
        {"institution": args.institution, "risk_level": args.risk, "credit_rating": args.credit},
        f"已登记“{args.institution}”：风险等级 {args.risk or '不变'}，"
        f"信用等级 {args.credit or '不变'}",
    )


def _types(ws: Any, given: list[str] | None) -> list[str]:
    return [resolve_option("机构类型", t, ws.library.types) for t in given or []]


def cmd_candidates(args: argparse.Namespace, out: Printer) -> None:
    from inspector.planning.service import candidates, candidates_sha256, terminated_candidates

    with open_workspace(args) as ws:
        types = _types(ws, args.type)
        found = candidates(ws, districts=args.district or [], types=types)
        left_out = terminated_candidates(ws, districts=args.district or [], types=types)
    digest = candidates_sha256(found)
    lines = [
        f"{n:>4}  {c.name}  {c.district}  协议 {c.agreement_no or '—'}  "
        f"风险 {c.risk_level}  信用 {c.credit_rating}  权重 {c.weight}"
        for n, c in enumerate(found, start=1)
    ]
    lines.append(f"共 {len(found)} 家；候选名单 SHA-256：{digest}")
    if left_out:
        lines.append(
            "三年内被解除医保协议、不列入候选："
            + "、".join(f"{name}（{day:%Y-%m-%d} 解除）" for name, day in left_out)
        )
    left = [{"name": name, "terminated_on": day} for name, day in left_out]
    out.emit({"candidates": found, "sha256": digest, "left_out": left}, "\n".join(lines))


def cmd_run(args: argparse.Namespace, out: Printer) -> int:
    from inspector.planning.draw import run
    from inspector.planning.publish import write_publication
    from inspector.planning.service import prepare, run_draw, stored_draw

    target = Path(args.out)
    if target.suffix.lower() != ".xlsx":
        raise InvalidInput("--out 的扩展名应为 .xlsx")
    with open_workspace(args) as ws:
        inputs = prepare(
            ws,
            method=METHOD_CHOICES[args.method],
            sources=args.sources,
            count=args.institutions,
            team_size=args.team_size,
            cross_district=args.cross_district,
            reuse_inspectors=args.reuse_inspectors,
            districts=args.district or [],
            types=_types(ws, args.type),
            title=args.title or "",
        )
        if args.dry_run:
            result, draw_id, planned, stored_at = run(inputs), None, [], None
        else:
            outcome = run_draw(ws, inputs)
            result, draw_id, planned = outcome.result, outcome.draw_id, outcome.inspection_ids
            stored_at = stored_draw(ws, draw_id).at  # the time the draw is kept with
    from inspector.db.models import utcnow

    at = stored_at or utcnow()
    write_publication(target, inputs, result, draw_id=draw_id, at=at)
    if args.notice:
        from inspector.planning.notice import write_notice

        write_notice(Path(args.notice), inputs, result, draw_id=draw_id, at=at)
    selected = result.to_data(inputs)["selected"]
    lines = [f"密钥串：{result.key}", f"公开输入 SHA-256：{inputs.sha256}"]
    for order, team in enumerate(result.teams, start=1):
        c = inputs.candidates[team.candidate]
        people = [inputs.roster[m] for m in team.members]
        lines.append(
            f"{order}. {c.name}（{c.district}，候选第 {team.candidate + 1} 号）  组长 "
            f"{people[0].name}" + "".join(f"、{p.name}" for p in people[1:])
        )
    lines.append(f"抽查结果已写入 {target}" + (f"；公告 {args.notice}" if args.notice else ""))
    if args.dry_run:
        lines.append("预览（--dry-run）：未保存抽查，未建立检查")
    else:
        lines.append(f"已建立 {len(planned)} 项计划检查（草稿）；抽查编号 {draw_id}")
    data = {
        "draw_id": draw_id,
        "key": result.key,
        "inputs_sha256": inputs.sha256,
        "selected": selected,
        "inspections": planned,
        "out": str(target),
        "dry_run": bool(args.dry_run),
    }
    out.emit(data, "\n".join(lines))
    return 0


def cmd_verify(args: argparse.Namespace, out: Printer) -> int:
    from inspector.planning.publish import verify_publication

    check = verify_publication(Path(args.file))
    inputs = check.inputs
    assert inputs is not None
    lines = [
        f"候选 {len(inputs.candidates)} 家，检查人员 {len(inputs.roster)} 名，"
        f"抽取 {inputs.count} 家；密钥串 {inputs.key}",
        f"公开输入 SHA-256：{inputs.sha256}",
    ]
    lines += [f"不符：{p}" for p in check.problems]
    lines.append("复核通过：按公开输入重新抽取，结果一致" if check.ok else "复核未通过")
    out.emit(
        {"ok": check.ok, "problems": check.problems, "inputs_sha256": inputs.sha256},
        "\n".join(lines),
    )
    return 0 if check.ok else EXIT_ERROR


def cmd_list(args: argparse.Namespace, out: Printer) -> None:
    from inspector.planning.draw import METHODS
    from inspector.planning.service import list_draws

    with open_workspace(args) as ws:
        draws = list_draws(ws)
    text = "\n".join(
        f"{d.id}  {d.at.astimezone():%Y-%m-%d %H:%M}  {d.title or '（无标题）'}  "
        f"{METHODS.get(d.method, d.method)}  {d.institutions} 家  密钥串 {d.key}"
        for d in draws
    )
    out.emit(draws, text or "（尚无抽查：用 draw run 抽取）")


def cmd_publish(args: argparse.Namespace, out: Printer) -> None:
    from inspector.planning.publish import write_publication
    from inspector.planning.service import stored_draw

    target = Path(args.out)
    with open_workspace(args) as ws:
        draw = stored_draw(ws, args.draw)
    if target.suffix.lower() == ".pdf":
        from inspector.planning.notice import write_notice

        write_notice(target, draw.inputs, draw.result, draw_id=draw.id, at=draw.at)
    else:
        write_publication(target, draw.inputs, draw.result, draw_id=draw.id, at=draw.at)
    out.emit(
        {"draw": draw.id, "out": str(target), "inputs_sha256": draw.inputs.sha256},
        f"抽查结果已写入 {target}（由存储的公开输入重新抽取，与存储的结果一致）",
    )


# --- parsers -----------------------------------------------------------------------------


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    draw = commands.add_parser("draw", help="双随机抽查（RFC 3797，可公开复核）", parents=[common])
    sub = draw.add_subparsers(dest="action", required=True, metavar="操作")

    roster = sub.add_parser("roster", help="检查人员名录", parents=[common])
    roster_sub = roster.add_subparsers(dest="roster_action", required=True, metavar="操作")
    add = roster_sub.add_parser("add", help="登记检查人员", parents=[common])
    add.add_argument("--name", required=True, help="姓名")
    add.add_argument("--cert-no", required=True, help="执法证号")
    add.add_argument("--district", required=True, help="所在区县")
    add.add_argument("--leader", action="store_true", help="可任组长")
    add.set_defaults(run=cmd_roster_add)
    remove = roster_sub.add_parser("remove", help="移出名录", parents=[common])
    remove.add_argument("cert_no", metavar="CERT_NO")
    remove.set_defaults(run=cmd_roster_remove)
    listing = roster_sub.add_parser("list", help="列出名录", parents=[common])
    listing.set_defaults(run=cmd_roster_list)

    conflict = sub.add_parser("conflict", help="登记回避（利害关系）", parents=[common])
    conflict.add_argument("cert_no", metavar="CERT_NO", help="执法证号")
    conflict.add_argument("institution", metavar="INSTITUTION", help="机构名称或协议编号")
    conflict.add_argument("--reason", help="回避理由")
    conflict.set_defaults(run=cmd_conflict)

    rate = sub.add_parser("rate", help="登记机构的风险等级和信用等级", parents=[common])
    rate.add_argument("institution", metavar="INSTITUTION", help="机构名称或协议编号")
    rate.add_argument("--risk", help="风险等级（见 resources/planning/weights.yaml，如 高/中/低）")
    rate.add_argument("--credit", help="信用等级（如 A/B/C/D）")
    rate.set_defaults(run=cmd_rate)

    def filters(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--district", action="append", help="区县（可重复）")
        parser.add_argument("--type", action="append", help="机构类型（代码或中文名，可重复）")

    cand = sub.add_parser("candidates", help="候选名单（先公开）及其 SHA-256", parents=[common])
    filters(cand)
    cand.set_defaults(run=cmd_candidates)

    run = sub.add_parser("run", help="抽取机构和检查组，写出抽查结果", parents=[common])
    run.add_argument("--institutions", type=int, required=True, metavar="N", help="抽取机构数")
    run.add_argument(
        "--sources", required=True, help="随机源，组间用 / 分隔，如 “9319 / 2 5 12 8 10”"
    )
    run.add_argument("--out", required=True, metavar="FILE.xlsx", help="抽查结果文件")
    run.add_argument("--notice", metavar="FILE.pdf", help="另写一份 PDF 公告（一公开）")
    run.add_argument(
        "--method", choices=sorted(METHOD_CHOICES), default="weighted",
        help="weighted：按风险和信用加权（SHA-256，默认）；rfc3797：等概率（MD5）",
    )  # fmt: skip
    run.add_argument("--team-size", type=int, default=2, help="每组人数（默认 2）")
    run.add_argument("--cross-district", action="store_true", help="交叉检查：本区县人员回避")
    run.add_argument("--reuse-inspectors", action="store_true", help="同一人可进多个检查组")
    run.add_argument("--title", help="标题（写入抽查结果）")
    run.add_argument("--dry-run", action="store_true", help="只抽取并写文件，不保存、不建检查")
    filters(run)
    run.set_defaults(run=cmd_run)

    listing = sub.add_parser("list", help="已做的抽查", parents=[common])
    listing.set_defaults(run=cmd_list)
    publish = sub.add_parser("publish", help="再次写出一次已做抽查的抽查结果", parents=[common])
    publish.add_argument("draw", metavar="DRAW_ID", help="抽查编号（或其开头）")
    publish.add_argument(
        "--out", required=True, metavar="FILE", help="抽查结果：.xlsx 工作簿（可复核）或 .pdf 公告"
    )
    publish.set_defaults(run=cmd_publish)

    verify = sub.add_parser("verify", help="由文件中的公开输入重新抽取并比对", parents=[common])
    verify.add_argument("file", metavar="FILE")
    verify.set_defaults(run=cmd_verify)
