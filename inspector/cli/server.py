"""``server`` (the bureau's central service: serve, ``enroll``, ``revoke``, ``devices``) and
``central list|show`` (the office's view from the command line), over the server's PostgreSQL
(inspector/central/, docs/central.md). These run on the server, with its database address;
a laptop never has it."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from inspector.central.limits import HEADER_SECONDS, IDLE_SECONDS, MAX_CONNECTIONS, max_connections
from inspector.cli.output import Printer, read_secret_file
from inspector.errors import InvalidInput

DB_ENV = "INSPECTOR_CENTRAL_DB"
STORE_ENV = "INSPECTOR_CENTRAL_STORE"


@contextmanager
def _central(args: argparse.Namespace) -> Iterator[Any]:
    """The server's store for one command, closed when the command is done."""
    from inspector.central.service import Central

    db = args.db or os.environ.get(DB_ENV)
    store = args.store or os.environ.get(STORE_ENV)
    if not db or not store:
        raise InvalidInput("请给出服务器的数据库（--db postgresql://…）和文件库目录（--store DIR）")
    limits = {}
    if getattr(args, "upload_quota_mib", None) is not None:
        limits["upload_quota"] = int(args.upload_quota_mib) << 20
    if getattr(args, "upload_hours", None) is not None:
        limits["upload_hours"] = float(args.upload_hours)
    central = Central(db, Path(store), **limits)
    try:
        yield central
    finally:
        central.close()


def cmd_server(args: argparse.Namespace, out: Printer) -> int:
    import uvicorn

    from inspector.central.app import make_app
    from inspector.central.limits import server_options

    loopback = args.host in ("127.0.0.1", "::1", "localhost")
    if not (args.tls_cert and args.tls_key) and not (args.plain_http and loopback):
        raise InvalidInput("请给出本局的 HTTPS 证书和私钥（--tls-cert、--tls-key）")
    signer = office_signer(args)
    with _central(args) as central:
        central.archive_settings = _archive_settings(args)
        uvicorn.run(
            make_app(central, signer),
            host=args.host,
            port=args.port,
            ssl_certfile=args.tls_cert,
            ssl_keyfile=args.tls_key,
            log_level="warning",
            access_log=False,
            # connections, idle and header timeouts (inspector/central/limits.py)
            **server_options(
                max_connections=args.max_connections or max_connections(),
                idle_seconds=args.idle_seconds,
                header_seconds=args.header_seconds,
            ),
        )
    return 0


def office_signer(args: argparse.Namespace) -> Any:
    """The office's signing key named by --p12 (its passphrase from --passphrase-file or
    INSPECTOR_KEY_PASSPHRASE), or None when none is named."""
    from inspector.central.office_signer import OfficeSigner
    from inspector.cli.keys import read_passphrase

    if not getattr(args, "p12", None):
        return None
    return OfficeSigner.from_file(Path(args.p12), read_passphrase(args, "本局密钥口令："))


def cmd_server_enroll(args: argparse.Namespace, out: Printer) -> None:
    with _central(args) as central:
        code = central.new_code(args.district, hours=args.hours)
    out.emit(
        {"code": code, "district": args.district, "hours": args.hours},
        f"登记码（一次有效，{args.hours} 小时内）：{code}\n"
        f"在笔记本上执行：sync enroll https://本服务器:端口 {code} --ca 本局CA证书.pem",
    )


def cmd_server_revoke(args: argparse.Namespace, out: Printer) -> None:
    with _central(args) as central:
        central.revoke(args.device)
    out.emit({"revoked": args.device}, f"已吊销设备 {args.device}，其后的请求一律拒绝")


def cmd_server_districts(args: argparse.Namespace, out: Printer) -> None:
    with _central(args) as central:
        device = central.set_districts(args.device, args.districts)
    out.emit(
        {"device": device, "districts": args.districts},
        f"设备 {device[:16]} 可推送的检查：{'、'.join(args.districts)}",
    )


def cmd_server_expire(args: argparse.Namespace, out: Printer) -> None:
    with _central(args) as central:
        done = central.expire()
    out.emit(
        done,
        f"已清除过期的未完成推送 {done['pushes']} 次、未完成的上传文件 {done['files']} 个"
        f"（{done['bytes']} 字节）",
    )


def cmd_server_check_store(args: argparse.Namespace, out: Printer) -> None:
    with _central(args) as central:
        named = central.check_store()
    out.emit({"files": named, "missing": 0}, f"文件库中有数据库记录的全部 {named} 个文件")


def cmd_server_devices(args: argparse.Namespace, out: Printer) -> None:
    with _central(args) as central:
        found = central.devices()
    lines = [
        f"{d['id'][:16]}  {d['district']}  登记于 {d['enrolled_at']:%Y-%m-%d %H:%M}"
        + ("  已吊销" if d["revoked_at"] else "")
        for d in found
    ]
    out.emit(
        [{k: v for k, v in d.items() if k != "certificate_pem"} for d in found],
        "\n".join(lines) or "尚无登记的设备",
    )


def cmd_central_list(args: argparse.Namespace, out: Printer) -> None:
    with _central(args) as central:
        total, items = central.list_inspections(
            district=args.district,
            type_code=args.type,
            mode=args.mode,
            status=args.status,
            since=args.since,
            until=args.until,
            limit=args.limit,
        )
    lines = [
        f"{i['id'][:8]}  {(i['started_at'] or '')[:10]}  {i['district']}  {i['institution']}  "
        f"{i['mode']}  {i['status']}"
        for i in items
    ]
    out.emit(
        {"total": total, "inspections": items},
        "\n".join([*lines, f"共 {total} 次检查（显示 {len(items)} 次）"]),
    )


def cmd_central_show(args: argparse.Namespace, out: Printer) -> None:
    from inspector.central.archive import states

    with _central(args) as central:
        data = central.show(args.id)
        data["archive"] = states(central, data["inspection"]["id"])
    i = data["inspection"]
    rows = data["rows"]
    lines = [
        f"{i['institution']}（{i['district']}）  {i['mode']}  {i['status']}  "
        f"记录编号 {i['record_no'] or '—'}",
        *(f"{name}：{len(items)} 条" for name, items in sorted(rows.items())),
        *(f"服务器 {e['at'][:19]} {e['action']}" for e in data["server_events"]),
        *_archive_lines(data),
    ]
    out.emit(data, "\n".join(lines))


# --- central report: the 情况报告 over every laptop (inspector/central/reports.py) ---------------


def cmd_central_report(args: argparse.Namespace, out: Printer) -> None:
    from inspector.central.reports import ask, central_report, issuing_unit, write_files
    from inspector.cli.report import report_lines

    with _central(args) as central:
        if args.campaign:
            from inspector.central.campaign_reports import ask_campaign

            asked = ask_campaign(
                central, args.campaign, args.since, args.until, args.quarter, args.district,
                args.type,
            )  # fmt: skip
        elif args.quarter:
            raise InvalidInput("--quarter 只用于专项行动的报告（--campaign）")
        else:
            asked = ask(args.since, args.until, args.district, args.type)
        bureau = issuing_unit(central.engine, asked.district, args.bureau)
        figures = central_report(central.engine, asked)
    write_files(
        figures,
        bureau,
        Path(args.xlsx) if args.xlsx else None,
        Path(args.pdf) if args.pdf else None,
    )
    lines = [f"发文单位：{bureau}", *report_lines(figures)]
    lines += [f"已保存：{name}" for name in (args.xlsx, args.pdf) if name]
    data = figures.__dict__ | {
        "rectification_rate": figures.rectification_rate,
        "bureau": bureau,
        "title": figures.title,
    }
    out.emit(data, "\n".join(lines))


def _add_report_parser(csub: Any, common: argparse.ArgumentParser, db: Any) -> None:
    report = csub.add_parser(
        "report",
        help="情况报告（全部笔记本推送的数据；某期、某区县、某类机构）",
        parents=[common, db],
    )
    report.add_argument("--since", metavar="YYYY-MM-DD", help="报告期开始")
    report.add_argument("--until", metavar="YYYY-MM-DD", help="报告期结束（含）")
    report.add_argument("--district", help="区县（默认全部）")
    report.add_argument("--type", help="机构类型代码（默认全部）")
    report.add_argument(
        "--campaign",
        metavar="编号",
        help="专项行动的报告：其区县、机构类型和期间，只计该专项行动的检查",
    )
    report.add_argument(
        "--quarter", metavar="2026Q3", help="专项行动期间内的某一季度（与 --campaign 同用）"
    )
    report.add_argument(
        "--bureau",
        help="发文单位（默认：服务器设置的 INSPECTOR_CENTRAL_BUREAU，或已发布的执法主体）",
    )
    report.add_argument("--xlsx", metavar="FILE.xlsx", help="保存为 Excel（含图表）")
    report.add_argument("--pdf", metavar="FILE.pdf", help="保存为 PDF")
    report.set_defaults(run=cmd_central_report)


def cmd_server_publish(args: argparse.Namespace, out: Printer) -> None:
    from inspector.bundle.signature import sign_manifest
    from inspector.central.service import publish
    from inspector.cli.keys import read_passphrase
    from inspector.signing.keystore import UnlockedKey, open_pkcs12

    path = Path(args.file)
    try:
        body = path.read_bytes()
        p12 = Path(args.p12).read_bytes()
    except OSError as error:
        raise InvalidInput("无法读取文件：{problem}", problem=str(error)) from error
    private_key, certificate, chain = open_pkcs12(p12, read_passphrase(args, "本局密钥口令："))
    key = UnlockedKey(None, private_key, certificate, chain)  # type: ignore[arg-type]
    signature = sign_manifest(body, key)
    with _central(args) as central:
        version = publish(central, args.kind, path.name, body, signature)
    out.emit(
        {"kind": args.kind, "version": version, "name": path.name},
        f"已发布 {args.kind} 第 {version} 版：{path.name}（笔记本执行 sync pull 后安装）",
    )


def _new_password(args: argparse.Namespace) -> str:
    """From --password-file (its first line) or typed twice at the terminal; never an
    argument (it would stay in the shell's history and the process list)."""
    if args.password_file:
        return read_secret_file(Path(args.password_file))
    if not sys.stdin.isatty():
        raise InvalidInput("需要口令：请用 --password-file 文件 提供，或在终端中运行以输入口令")
    first = getpass.getpass("新用户的口令：")
    if getpass.getpass("再输入一次口令：") != first:
        raise InvalidInput("两次输入的口令不一致")
    return first


def cmd_server_user_add(args: argparse.Namespace, out: Printer) -> None:
    from inspector.central.office import Office

    password = _new_password(args)
    with _central(args) as central:
        Office(central.engine).add_user(args.name, password, args.district)
    where = f"（只看 {args.district} 的检查）" if args.district else "（全部区县）"
    out.emit(
        {"name": args.name, "district": args.district},
        f"已添加局端页面用户 {args.name}{where}；再次添加同名用户即更换口令",
    )


def cmd_server_user_disable(args: argparse.Namespace, out: Printer) -> None:
    from inspector.central.office import Office

    with _central(args) as central:
        Office(central.engine).disable_user(args.name)
    out.emit({"disabled": args.name}, f"已停用用户 {args.name}，其登录已失效")


def cmd_server_users(args: argparse.Namespace, out: Printer) -> None:
    from inspector.central.office import Office

    with _central(args) as central:
        found = Office(central.engine).users()
    lines = [
        f"{u['name']}  {u['district'] or '全部区县'}" + ("  已停用" if u["disabled_at"] else "")
        for u in found
    ]
    out.emit(found, "\n".join(lines) or "尚无局端页面用户")


# --- campaigns (专项行动: inspector/central/campaigns.py) ------------------------------------


def _colon(text: str, parts: int, what: str, example: str) -> list[str]:
    """``A:B:C`` split into ``parts`` fields (dates use "-", so ":" separates)."""
    found = text.split(":")
    if len(found) != parts:
        raise InvalidInput("{what}应写作 {example}：{text}", what=what, example=example, text=text)
    return found


def _form_code(text: str) -> str:
    from inspector.campaigns import FORMS

    by_name = {name: code for code, name in FORMS.items()}
    return by_name.get(text.strip(), text.strip())


def cmd_server_campaign_create(args: argparse.Namespace, out: Printer) -> None:
    from inspector.campaigns import build
    from inspector.central.campaigns import create_campaign

    phases = [_colon(p, 3, "阶段", "名称:2026-03-01:2026-04-10") for p in args.phase or []]
    reports = [_colon(r, 2, "报送期限", "情况报告:2026-06-20") for r in args.report or []]
    follow = None
    if args.follow_up:
        parts = args.follow_up.split(":")
        if len(parts) > 3:
            raise InvalidInput(
                "{what}应写作 {example}：{text}",
                what="回头看",
                example="2026-12-31:6:2",
                text=args.follow_up,
            )
        parts += ["6", "1"][len(parts) - 1 :]
        follow = (parts[0], parts[1], parts[2])
    campaign = build(
        name=args.name,
        doc_no=args.doc_no or "",
        phases=[(a, b, c) for a, b, c in phases],
        types=args.type or [],
        districts=args.district or [],
        focus_packs=args.focus or [],
        reports=[(_form_code(f), d) for f, d in reports],
        follow_up=follow,
    )
    signer = office_signer(args)
    with _central(args) as central:
        made, version = create_campaign(central, signer, campaign, args.by)
    out.emit(
        {"campaign": made.to_dict(), "version": version},
        f"已制定专项行动：{made.name}（编号 {made.id[:8]}），已签名发布为专项行动第 {version} 版"
        "（笔记本执行 sync pull 后可见）",
    )


def cmd_server_campaign_close(args: argparse.Namespace, out: Printer) -> None:
    from inspector.central.campaigns import close_campaign

    signer = office_signer(args)
    with _central(args) as central:
        closed, version = close_campaign(central, signer, args.id, args.by)
    out.emit(
        {"campaign": closed.to_dict(), "version": version},
        f"专项行动“{closed.name}”已结束，已发布专项行动第 {version} 版",
    )


def cmd_server_campaign_list(args: argparse.Namespace, out: Printer) -> None:
    from inspector.campaigns import STATUS_NAMES
    from inspector.central.campaigns import campaigns

    with _central(args) as central:
        found = campaigns(central, active_only=args.active)
    lines = [
        f"{c.id[:8]}  {STATUS_NAMES.get(c.status, c.status)}  {c.start} 至 {c.end}  {c.name}"
        + (f"（{c.doc_no}）" if c.doc_no else "")
        for c in found
    ]
    out.emit([c.to_dict() for c in found], "\n".join(lines) or "尚无专项行动")


def cmd_server_campaign_submitted(args: argparse.Namespace, out: Printer) -> None:
    from datetime import date

    from inspector.campaigns import parse_day
    from inspector.central.campaigns import mark_submitted

    form, due = _colon(args.report, 2, "报送期限", "情况报告:2026-06-20")
    day = parse_day(due, "报送期限")
    on = parse_day(args.on, "报送日期") if args.on else date.today()
    signer = office_signer(args)
    with _central(args) as central:
        marked, version = mark_submitted(
            central, signer, args.id, _form_code(form), day, args.by, on
        )
    out.emit(
        {"campaign": marked.to_dict(), "version": version},
        f"专项行动“{marked.name}”的{form.strip()}（{day}）已标记为已报送，"
        f"已发布专项行动第 {version} 版",
    )


def cmd_server_campaign_follow_up_done(args: argparse.Namespace, out: Printer) -> None:
    from datetime import date

    from inspector.campaigns import parse_day
    from inspector.central.campaigns import mark_follow_up_done

    due = parse_day(args.due, "回头看日期")
    on = parse_day(args.on, "完成日期") if args.on else date.today()
    signer = office_signer(args)
    with _central(args) as central:
        marked, version = mark_follow_up_done(central, signer, args.id, due, args.by, on)
    out.emit(
        {"campaign": marked.to_dict(), "version": version},
        f"专项行动“{marked.name}”的回头看（{due}）已标记为已完成，已发布专项行动第 {version} 版",
    )


def progress_lines(progress: dict[str, Any]) -> list[str]:
    """A campaign's progress as lines of text (campaign_progress's dict)."""
    from inspector.campaigns import percent

    c = progress["campaign"]
    lines = [
        f"{c['name']}"
        + (f"（{c['doc_no']}）" if c["doc_no"] else "")
        + f"  {progress['status_name']}",
        "阶段：" + "；".join(f"{p['name']} {p['start']} 至 {p['end']}" for p in c["phases"]),
        f"当前：{progress['phase_text']}",
    ]
    for item in progress["late"]:
        lines.append(f"逾期：{item['title']}（应于 {item['last_day']} 前）")
    for item in progress.get("submitted", []):
        if item.get("kind") == "follow_up":
            lines.append(
                f"已完成：{item['title']}（{item['stated']}，{item['submitted_on']} 完成）"
            )
        else:
            lines.append(
                f"已报送：{item['title']}（{item['stated']}，{item['submitted_on']} 报送）"
            )
    for item in progress["due"]:
        lines.append(
            f"待办：{item['title']}  {item['last_day']} 前，"
            f"还有 {item['working_days_left']} 个工作日"
            + ("（节假日安排待公布）" if item["provisional"] else "")
        )
    cover = progress["coverage"]
    if not cover["registry"]:
        lines.append("覆盖率：服务器上没有发布的机构名录（server publish registry）")
    for row in cover["districts"]:
        lines.append(
            f"覆盖率 {row['district']}：{row['inspected']}/{row['in_scope']}  "
            f"{percent(row['share'])}"
        )
    lines.append(
        f"覆盖率 合计：{cover['inspected']}/{cover['in_scope']}  {percent(cover['share'])}"
    )
    visits = progress.get("assignments", {}).get("visits", {})
    if any(visits.values()):
        lines.append("抽查下达：" + "，".join(f"{k} {v}" for k, v in visits.items()))
    for row in progress.get("assignments", {}).get("late_visits", []):
        lines.append(f"逾期检查：{row['what']}（{row['place']}），逾期 {row['late_days']} 个工作日")
    return lines


def cmd_server_campaign_show(args: argparse.Namespace, out: Printer) -> None:
    from datetime import date

    from inspector.campaigns import parse_day
    from inspector.central.campaigns import campaign_progress

    today = parse_day(args.today, "日期") if args.today else date.today()
    with _central(args) as central:
        progress = campaign_progress(central, args.id, today)
    out.emit(progress, "\n".join(progress_lines(progress)))


def cmd_server_campaign_report(args: argparse.Namespace, out: Printer) -> None:
    from inspector.campaigns import FORMS, parse_day
    from inspector.central.campaign_reports import Statistics, campaign_report, write_due
    from inspector.central.reports import issuing_unit
    from inspector.cli.report import report_lines

    form, due = _colon(args.report, 2, "报送期限", "季度统计表:2026-12-10")
    code, day = _form_code(form), parse_day(due, "报送期限")
    if not args.xlsx and not args.pdf:
        raise InvalidInput("请用 --xlsx 或 --pdf 给出要保存的文件")
    with _central(args) as central:
        produced = campaign_report(central, args.id, code, day)
        district = None if isinstance(produced, Statistics) else produced.district
        bureau = issuing_unit(central.engine, district, args.bureau)
    write_due(
        produced,
        bureau,
        Path(args.xlsx) if args.xlsx else None,
        Path(args.pdf) if args.pdf else None,
    )
    if isinstance(produced, Statistics):
        lines = [f"{produced.campaign} {FORMS[code]}（{day}）"] + [
            f"{q.label}：检查 {q.total.inspections} 次，发现问题 {q.total.findings} 个"
            for q in produced.quarters
            if q.total is not None
        ]
        data: dict[str, Any] = {
            "campaign": produced.campaign,
            "quarters": [
                {
                    "label": q.label,
                    "since": q.since.isoformat(),
                    "until": q.until.isoformat(),
                    "rows": [r.__dict__ for r in q.rows],
                    "total": q.total.__dict__ if q.total else None,
                }
                for q in produced.quarters
            ],
        }
    else:
        lines = [produced.title, *report_lines(produced)]
        data = {"title": produced.title, "inspections": produced.inspections,
                "findings": produced.findings, "amount_fen": produced.amount_fen}  # fmt: skip
    lines = [f"发文单位：{bureau}", *lines]
    lines += [f"已保存：{name}" for name in (args.xlsx, args.pdf) if name]
    out.emit(data | {"bureau": bureau, "form": code, "due": day.isoformat()}, "\n".join(lines))


def add_campaign_parsers(
    sub: Any, common: argparse.ArgumentParser, db: argparse.ArgumentParser
) -> None:
    """``server campaign create|list|show|close|submitted|follow-up-done``."""
    from inspector.campaigns import FORMS

    campaign = sub.add_parser(
        "campaign", help="专项行动：制定、列出、查看、结束", parents=[common, db]
    )
    csub = campaign.add_subparsers(dest="campaign_command", required=True, metavar="子命令")
    key = argparse.ArgumentParser(add_help=False)
    key.add_argument(
        "--p12", required=True, metavar="FILE.p12", help="本局的签名密钥（签名后发布）"
    )
    key.add_argument("--passphrase-file", metavar="FILE", help="从文件第一行读取密钥口令")
    key.add_argument("--passphrase", help=argparse.SUPPRESS)
    key.add_argument("--by", default="服务器命令行", help="记录的制定人（默认：服务器命令行）")
    create = csub.add_parser(
        "create", help="制定专项行动并签名发布给笔记本", parents=[common, db, key]
    )
    create.add_argument("--name", required=True, help="专项行动的名称")
    create.add_argument("--doc-no", help="文号，如 济医保发〔2026〕12号")
    create.add_argument(
        "--phase", action="append", metavar="名称:开始:结束",
        help="阶段及起止日期（按先后给出，可多次），如 自查自纠:2026-03-01:2026-04-10",
    )  # fmt: skip
    create.add_argument(
        "--type", action="append", metavar="类型代码", help="涉及的机构类型（可多次）"
    )
    create.add_argument("--district", action="append", metavar="区县", help="涉及的区县（可多次）")
    create.add_argument(
        "--focus", action="append", metavar="清单包", help="专项清单包代码（可多次）"
    )
    create.add_argument(
        "--report", action="append", metavar="表式:日期",
        help="报送期限（可多次），表式为 " + "、".join(FORMS.values()) + "，如 情况报告:2026-06-20",
    )  # fmt: skip
    create.add_argument(
        "--follow-up", metavar="首次:间隔月数:次数",
        help="回头看：第一次的日期、间隔月数（默认 6，即每半年）和次数（默认 1）",
    )  # fmt: skip
    create.set_defaults(run=cmd_server_campaign_create)
    listing = csub.add_parser("list", help="列出专项行动", parents=[common, db])
    listing.add_argument("--active", action="store_true", help="只列进行中的")
    listing.set_defaults(run=cmd_server_campaign_list)
    show = csub.add_parser("show", help="专项行动的阶段、期限和各区县覆盖率", parents=[common, db])
    show.add_argument("id", metavar="编号", help="专项行动编号（可只写开头）")
    show.add_argument("--today", metavar="YYYY-MM-DD", help=argparse.SUPPRESS)
    show.set_defaults(run=cmd_server_campaign_show)
    close = csub.add_parser("close", help="结束专项行动并发布", parents=[common, db, key])
    close.add_argument("id", metavar="编号", help="专项行动编号（可只写开头）")
    close.set_defaults(run=cmd_server_campaign_close)
    submitted = csub.add_parser(
        "submitted", help="标记一项报送期限为已报送并发布", parents=[common, db, key]
    )
    submitted.add_argument("id", metavar="编号", help="专项行动编号（可只写开头）")
    submitted.add_argument(
        "--report", required=True, metavar="表式:日期",
        help="哪一项报送期限，如 情况报告:2026-06-20（日期为规定的报送日期）",
    )  # fmt: skip
    submitted.add_argument("--on", metavar="YYYY-MM-DD", help="报送的日期（默认今日）")
    submitted.set_defaults(run=cmd_server_campaign_submitted)
    follow_up = csub.add_parser(
        "follow-up-done", help="标记一次回头看为已完成并发布", parents=[common, db, key]
    )
    follow_up.add_argument("id", metavar="编号", help="专项行动编号（可只写开头）")
    follow_up.add_argument(
        "--due", required=True, metavar="YYYY-MM-DD", help="哪一次回头看（规定的日期）"
    )
    follow_up.add_argument("--on", metavar="YYYY-MM-DD", help="完成的日期（默认今日）")
    follow_up.set_defaults(run=cmd_server_campaign_follow_up_done)
    report = csub.add_parser(
        "report", help="生成一项报送期限的报告（情况报告、季度统计表、总结）", parents=[common, db]
    )
    report.add_argument("id", metavar="编号", help="专项行动编号（可只写开头）")
    report.add_argument(
        "--report", required=True, metavar="表式:日期",
        help="哪一项报送期限，如 季度统计表:2026-10-10（日期为规定的报送日期）",
    )  # fmt: skip
    report.add_argument("--bureau", help="发文单位（默认：服务器设置或已发布的执法主体）")
    report.add_argument("--xlsx", metavar="FILE.xlsx", help="保存为 Excel")
    report.add_argument("--pdf", metavar="FILE.pdf", help="保存为 PDF")
    report.set_defaults(run=cmd_server_campaign_report)


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    db = argparse.ArgumentParser(add_help=False)
    db.add_argument("--db", metavar="postgresql://…", help=f"服务器的数据库（或 {DB_ENV}）")
    db.add_argument("--store", metavar="DIR", help=f"服务器的文件库目录（或 {STORE_ENV}）")

    uploads = argparse.ArgumentParser(add_help=False)
    uploads.add_argument(
        "--upload-quota-mib",
        type=int,
        metavar="MIB",
        help="每台设备未完成的上传最多占用的空间（MiB，默认 16384）；单个文件不得超过它",
    )
    uploads.add_argument(
        "--upload-hours",
        type=float,
        metavar="N",
        help="未完成的推送和上传保留的小时数，过期即清除（默认 72）",
    )
    server = commands.add_parser(
        "server",
        help="局端中心服务：运行、登记设备、吊销设备",
        parents=[common, db, uploads, archive_options()],
    )
    server.add_argument("--host", default="127.0.0.1", help="监听地址（默认 127.0.0.1）")
    server.add_argument("--port", type=int, default=8443, help="端口（默认 8443）")
    server.add_argument("--tls-cert", metavar="CERT.pem", help="本局服务器证书（HTTPS）")
    server.add_argument("--tls-key", metavar="KEY.pem", help="本局服务器证书的私钥")
    server.add_argument("--plain-http", action="store_true", help=argparse.SUPPRESS)
    server.add_argument(
        "--p12",
        metavar="FILE.p12",
        help="本局的签名密钥：局端页面制定的专项行动等以它签名后发布给笔记本",
    )
    server.add_argument("--passphrase-file", metavar="FILE", help="从文件第一行读取密钥口令")
    server.add_argument(
        "--max-connections",
        type=int,
        metavar="N",
        help=f"同时的连接和请求至多几个，超过的答 503（默认 {MAX_CONNECTIONS}，"
        "且低于进程可打开的文件数 ulimit -n 减 64）",
    )
    server.add_argument(
        "--idle-seconds",
        type=int,
        default=IDLE_SECONDS,
        metavar="S",
        help=f"保持的连接空闲多少秒后关闭（默认 {IDLE_SECONDS}）",
    )
    server.add_argument(
        "--header-seconds",
        type=float,
        default=HEADER_SECONDS,
        metavar="S",
        help=f"新连接须在多少秒内发完请求头，否则关闭（默认 {HEADER_SECONDS}）",
    )
    server.set_defaults(run=cmd_server)
    sub = server.add_subparsers(dest="server_command", required=False, metavar="子命令")
    enroll = sub.add_parser("enroll", help="给一台笔记本发一次性登记码", parents=[common, db])
    enroll.add_argument("--district", required=True, help="设备所属的区县")
    enroll.add_argument("--hours", type=int, default=72, help="登记码有效小时数（默认 72）")
    enroll.set_defaults(run=cmd_server_enroll)
    revoke = sub.add_parser("revoke", help="吊销一台设备", parents=[common, db])
    revoke.add_argument(
        "device", metavar="设备编号", help="server devices 列出的编号（可只写开头）"
    )
    revoke.set_defaults(run=cmd_server_revoke)
    publish = sub.add_parser(
        "publish",
        help="发布基础数据（本局密钥签名），笔记本 sync pull 后安装",
        parents=[common, db],
    )
    publish.add_argument(
        "kind", choices=("registry", "roster", "checklist", "bureaus", "rules", "knowledge")
    )
    publish.add_argument(
        "file",
        metavar="FILE",
        help="机构名录表格、名录 JSON、清单包 YAML 或执法主体 JSON（bureau list --json 的格式）",
    )
    publish.add_argument("--p12", required=True, metavar="FILE.p12", help="本局的签名密钥")
    publish.add_argument("--passphrase-file", metavar="FILE", help="从文件第一行读取密钥口令")
    publish.add_argument("--passphrase", help=argparse.SUPPRESS)
    publish.set_defaults(run=cmd_server_publish)
    user = sub.add_parser("user", help="局端页面的用户：添加、停用、列出", parents=[common, db])
    usub = user.add_subparsers(dest="user_command", required=True, metavar="子命令")
    add = usub.add_parser("add", help="添加用户（或更换其口令）", parents=[common, db])
    add.add_argument("name", metavar="用户名")
    add.add_argument("--district", help="只让此用户看这个区县的检查（默认：全部区县）")
    add.add_argument("--password-file", metavar="FILE", help="从文件第一行读取口令")
    add.set_defaults(run=cmd_server_user_add)
    disable = usub.add_parser("disable", help="停用用户", parents=[common, db])
    disable.add_argument("name", metavar="用户名")
    disable.set_defaults(run=cmd_server_user_disable)
    users = usub.add_parser("list", help="列出用户", parents=[common, db])
    users.set_defaults(run=cmd_server_users)
    devices = sub.add_parser("devices", help="列出登记的设备", parents=[common, db])
    devices.set_defaults(run=cmd_server_devices)
    districts = sub.add_parser(
        "districts",
        help="设定一台设备可推送哪些区县的检查（代替登记码所写的区县）",
        parents=[common, db],
    )
    districts.add_argument("device", metavar="设备编号", help="server devices 列出的编号")
    districts.add_argument("districts", metavar="区县", nargs="+")
    districts.set_defaults(run=cmd_server_districts)
    expire = sub.add_parser(
        "expire", help="清除过期的未完成推送和上传（服务运行时推送开始时也会清除）",
        parents=[common, db, uploads],
    )  # fmt: skip
    expire.set_defaults(run=cmd_server_expire)
    check = sub.add_parser(
        "check-store", help="检查文件库是否有数据库记录的全部文件（如恢复备份后）",
        parents=[common, db],
    )  # fmt: skip
    check.set_defaults(run=cmd_server_check_store)
    add_campaign_parsers(sub, common, db)
    # The office assigns (inspector/cli/assignments.py).
    from inspector.cli.assignments import add_assignment_parsers

    add_assignment_parsers(sub, common, db)

    central = commands.add_parser("central", help="局端：全部检查（列表、详情）", parents=[common])
    csub = central.add_subparsers(dest="central_command", required=True, metavar="子命令")
    listing = csub.add_parser("list", help="列出检查（可筛选）", parents=[common, db])
    listing.add_argument("--district")
    listing.add_argument("--type", help="机构类型代码")
    listing.add_argument("--mode", help="检查方式代码")
    listing.add_argument("--status", help="状态代码")
    listing.add_argument("--since", metavar="YYYY-MM-DD")
    listing.add_argument("--until", metavar="YYYY-MM-DD")
    listing.add_argument("--limit", type=int, default=100)
    listing.set_defaults(run=cmd_central_list)
    show = csub.add_parser("show", help="一次检查的全部内容", parents=[common, db])
    show.add_argument("id", metavar="检查编号")
    show.set_defaults(run=cmd_central_show)
    _add_report_parser(csub, common, db)
    add_archive_parsers(sub, csub, common, db)


# --- Records that last: server archive, server retimestamp, central archived ----------------


def _archive_settings(args: argparse.Namespace) -> Any:
    from inspector.central.archive import settings

    return settings(getattr(args, "tsa_url", None), getattr(args, "archive_roots", None))


def _archive_lines(data: dict[str, Any]) -> list[str]:
    """Each signed record's and document's archive state (central show)."""
    from inspector.central.archive import TABLE_WORDS, TABLES

    states = data.get("archive") or {}
    lines = []
    for table in TABLES:
        for row in data["rows"].get(table, []):
            state = states.get(str(row.get("sha256")))
            if state is None:
                continue
            line = f"{TABLE_WORDS[table]} {str(row['id'])[:8]}：{state['state_text']}"
            if state["holds_until"]:
                line += f"，时间戳链有效至 {state['holds_until'][:10]}"
            elif state["reason"]:
                line += f"（{state['reason']}）"
            lines.append(line)
    return lines


def cmd_server_archive(args: argparse.Namespace, out: Printer) -> int:
    from inspector.central.archive import archive_pending

    config = _archive_settings(args)
    with _central(args) as central:
        result = archive_pending(central, config)
    lines = [f"已归档 {len(result['archived'])} 份记录或文书（PAdES B-LTA）"]
    lines += [f"未归档 {f['sha256'][:12]}：{f['reason']}" for f in result["failed"]]
    out.emit(result, "\n".join(lines))
    return 1 if result["failed"] else 0


def cmd_server_retimestamp(args: argparse.Namespace, out: Printer) -> int:
    from inspector.central.archive import retimestamp_due

    config = _archive_settings(args)
    with _central(args) as central:
        result = retimestamp_due(central, config, days=args.days)
    lines = [f"已续签时间戳 {len(result['retimestamped'])} 份记录或文书"]
    lines += [f"续签失败 {f['sha256'][:12]}：{f['reason']}" for f in result["failed"]]
    out.emit(result, "\n".join(lines))
    return 1 if result["failed"] else 0


def cmd_central_archived(args: argparse.Namespace, out: Printer) -> None:
    from inspector.central.archive import archived_document, archived_pdf

    with _central(args) as central:
        if args.document is None:  # one id: a record or document, of any inspection or none
            pdf = archived_document(central, args.id)[1]
        else:
            data = central.show(args.id)
            pdf = archived_pdf(central, data, args.document)
    target = Path(args.output)
    try:
        target.write_bytes(pdf)
    except OSError as error:
        raise InvalidInput(
            "无法写入 {path}：{error}", path=target, error=error.strerror or error
        ) from error
    out.emit({"path": str(target), "size": len(pdf)}, f"已保存归档版本：{target}")


def archive_options() -> argparse.ArgumentParser:
    from inspector.central.archive import ROOTS_ENV, TSA_ENV

    options = argparse.ArgumentParser(add_help=False)
    options.add_argument(
        "--tsa-url", metavar="URL", help=f"本局时间戳服务（RFC 3161）的地址（或 {TSA_ENV}）"
    )
    options.add_argument(
        "--archive-roots",
        metavar="CA.pem",
        help=f"签名者和时间戳服务须追溯到的 CA 证书（或 {ROOTS_ENV}）",
    )
    return options


def add_archive_parsers(
    sub: Any, central_sub: Any, common: argparse.ArgumentParser, db: argparse.ArgumentParser
) -> None:
    archive = archive_options()
    pending = sub.add_parser(
        "archive", help="归档未归档的已签名记录和文书（PAdES B-LTA：吊销信息和时间戳）",
        parents=[common, db, archive],
    )  # fmt: skip
    pending.set_defaults(run=cmd_server_archive)
    renew = sub.add_parser(
        "retimestamp", help="年度续签：给时间戳服务证书即将到期的已归档记录加新的时间戳",
        parents=[common, db, archive],
    )  # fmt: skip
    renew.add_argument(
        "--days", type=int, default=365, help="时间戳服务证书在这么多天内到期的记录（默认 365）"
    )
    renew.set_defaults(run=cmd_server_retimestamp)
    archived = central_sub.add_parser(
        "archived",
        help="保存一份已签名记录或文书（整改通知书、执法文书、案件文书）的归档版本（PAdES B-LTA）",
        parents=[common, db],
    )
    archived.add_argument(
        "id", metavar="编号", help="检查编号（后面再写文书编号），或只写记录或文书的编号"
    )
    archived.add_argument(
        "document", nargs="?", metavar="文书编号",
        help="central show --json 中 records、rectification_orders、enforcement_documents、"
        "case_documents 的 id",
    )  # fmt: skip
    archived.add_argument("--output", "-o", required=True, metavar="FILE.pdf")
    archived.set_defaults(run=cmd_central_archived)
