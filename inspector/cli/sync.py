"""``sync enroll|push|status``: this laptop and the bureau's central server
(inspector/central/client.py, docs/central.md)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from inspector.cli.bundle import _Progress
from inspector.cli.output import Printer, open_workspace


def cmd_sync_enroll(args: argparse.Namespace, out: Printer) -> None:
    from inspector.central.client import enroll

    with open_workspace(args) as ws:
        server = enroll(ws, args.url, args.code, Path(args.ca) if args.ca else None)
        data = {"url": server.url, "device": server.server_device, "district": server.district}
    out.emit(data, f"已登记到 {data['url']}（{data['district']}），设备编号 {data['device'][:16]}")


def cmd_sync_push(args: argparse.Namespace, out: Printer) -> None:
    from inspector.central.client import push
    from inspector.cli.keys import read_passphrase

    with open_workspace(args) as ws:
        passphrase = read_passphrase(args, "密钥口令：") if args.key else None
        result = push(
            ws,
            inspections=args.inspection or None,
            reporter=_Progress(),
            key_id=args.key,
            passphrase=passphrase,
            chunk=args.chunk_kib * 1024,
            full=args.full,
        )
    s = result.summary
    text = (
        f"服务器已确认：检查 {len(s.get('inspections', []))} 项；新增 {s.get('inserted', 0)} 条，"
        f"更新 {s.get('updated', 0)} 条，相同 {s.get('unchanged', 0)} 条"
        + (f"，两边都改过、服务器保留原样 {s['kept']} 条" if s.get("kept") else "")
        + f"\n发送 {result.sent_bytes / 1e6:.1f} MB"
        + f"（服务器已有 {result.skipped_bytes / 1e6:.1f} MB）"
        + ("；增量推送：只含上次推送之后的变化" if result.incremental else "")
        + (
            f"\n注意：本机时钟与服务器相差约 {result.clock_off} 秒，已按服务器时间推送；"
            "请校准本机时间"
            if result.clock_off
            else ""
        )
    )
    out.emit(
        {
            "bundle_id": result.bundle_id,
            "sent_bytes": result.sent_bytes,
            "attempted_bytes": result.attempted_bytes,
            "skipped_bytes": result.skipped_bytes,
            "sent_files": result.sent_files,
            "members": result.members,
            "incremental": result.incremental,
            "clock_off": result.clock_off,
            "summary": s,
        },
        text,
    )


def cmd_sync_status(args: argparse.Namespace, out: Printer) -> None:
    from inspector.central.client import confirmed, enrolled

    with open_workspace(args) as ws:
        server = enrolled(ws)
        done = confirmed(ws)
    if server is None:
        out.emit({"enrolled": False}, "本机尚未登记到服务器")
        return
    out.emit(
        {"enrolled": True, "url": server.url, "district": server.district, "confirmed": done},
        f"服务器 {server.url}（{server.district}）\n服务器已确认的检查：{len(done)} 项",
    )


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    sync = commands.add_parser("sync", help="与局端服务器同步：登记、推送", parents=[common])
    sub = sync.add_subparsers(dest="sync_command", required=True, metavar="子命令")
    enroll = sub.add_parser("enroll", help="用一次性登记码登记本机", parents=[common])
    enroll.add_argument("url", metavar="服务器地址", help="https://主机:端口")
    enroll.add_argument("code", metavar="登记码")
    enroll.add_argument("--ca", metavar="CA.pem", help="本局的 CA 证书（验证服务器的 HTTPS 证书）")
    enroll.set_defaults(run=cmd_sync_enroll)
    push = sub.add_parser("push", help="把检查推送到服务器（可断点续传）", parents=[common])
    push.add_argument("--inspection", action="append", metavar="ID", help="只推送这项检查")
    push.add_argument("--key", metavar="KEY_ID", help="用这名检查人员的密钥签名（默认：设备密钥）")
    push.add_argument("--passphrase-file", metavar="FILE", help="从文件第一行读取密钥口令")
    push.add_argument("--passphrase", help=argparse.SUPPRESS)
    push.add_argument(
        "--full", action="store_true", help="推送全部数据（默认只推送上次推送之后的变化）"
    )
    push.add_argument("--chunk-kib", type=int, default=8192, help="分块大小（KiB，默认 8192）")
    push.set_defaults(run=cmd_sync_push)
    pull = sub.add_parser(
        "pull",
        help="从服务器更新机构名录、检查人员名录和检查清单包（验证签名后安装）",
        parents=[common],
    )
    pull.set_defaults(run=cmd_sync_pull)
    assigned = sub.add_parser(
        "assignments",
        help="领取局端下达的任务（双随机抽查的检查和交办的线索；验证本局签名后安装）",
        parents=[common],
    )
    assigned.add_argument("--list", action="store_true", help="只列出已领取的任务，不连接服务器")
    assigned.set_defaults(run=cmd_sync_assignments)
    status = sub.add_parser("status", help="登记情况和服务器已确认的检查", parents=[common])
    status.set_defaults(run=cmd_sync_status)


def cmd_sync_pull(args: argparse.Namespace, out: Printer) -> int:
    from inspector.central.client import pull
    from inspector.central.service import KINDS

    with open_workspace(args) as ws:
        result = pull(ws, reporter=_Progress())
    lines = [f"已安装 {KINDS.get(k, k)} 第 {v} 版：{note}" for k, v, note in result.installed]
    lines += [
        f"未安装 {KINDS.get(k, k)} 第 {v} 版（仍用上一版）：{why}" for k, v, why in result.refused
    ]
    lines += [f"{KINDS.get(k, k)} 已是最新" for k in result.current]
    out.emit(
        {
            "installed": [{"kind": k, "version": v, "note": n} for k, v, n in result.installed],
            "refused": [{"kind": k, "version": v, "reason": w} for k, v, w in result.refused],
            "current": result.current,
        },
        "\n".join(lines) or "服务器尚未发布基础数据",
    )
    return 1 if result.refused else 0


def cmd_sync_assignments(args: argparse.Namespace, out: Printer) -> None:
    from inspector.central.pull_assignments import (
        STATE_NAMES,
        list_assignments,
        pull_assignments,
    )

    with open_workspace(args) as ws:
        result = None if args.list else pull_assignments(ws)
        held = list_assignments(ws)
    lines = []
    if result is not None:
        lines.append(
            f"新领取 {result.added} 项（检查 {result.visits}，线索 {result.leads}）；"
            f"已领取过 {result.already} 项；新撤回 {result.withdrawn} 项"
        )
    lines += [
        f"{a.id[:8]}  {'检查' if a.kind == 'inspection' else '线索'}  {a.title}  {a.team}  "
        f"期限 {a.deadline or '—'}  {STATE_NAMES.get(a.state, a.state)}"
        for a in held
    ]
    out.emit(
        {
            "pulled": None if result is None else result.__dict__,
            "assignments": [
                {
                    "id": a.id,
                    "kind": a.kind,
                    "title": a.title,
                    "team": a.team,
                    "deadline": a.deadline.isoformat() if a.deadline else None,
                    "withdrawn": a.withdrawn,
                    "inspection_id": a.inspection_id,
                    "lead_id": a.lead_id,
                    "state": a.state,
                }
                for a in held
            ],
        },
        "\n".join(lines) or "尚无下达的任务",
    )
