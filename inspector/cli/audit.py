"""``audit show|export|verify``: the action log (全过程记录), one event per user action."""

from __future__ import annotations

import argparse
from pathlib import Path

from inspector.cli.output import EXIT_ERROR, Printer, open_workspace


def cmd_audit_show(args: argparse.Namespace, out: Printer) -> int:
    from inspector.audit import event_data, find_event

    with open_workspace(args) as ws:
        data = event_data(find_event(ws, args.id))
    lines = [
        f"编号：{data['id']}",
        f"操作：{data['action_name']}（{data['action']}）",
        f"时间：{data['at']}",
        f"操作人：{data['actor'] or '（未选择当前检查人员）'}",
        f"设备：{data['device_id']}  序号：{data['seq']}",
        f"检查：{data['inspection_id'] or '—'}",
        f"对象：{data['entity_type'] or '—'} {data['entity_id'] or ''}".rstrip(),
        f"新状态哈希：{data['state_sha256'] or '—'}",
        f"上一条哈希：{data['prev_hash']}",
        f"本条哈希：{data['hash']}",
    ]
    out.emit(data, "\n".join(lines))
    return 0


def cmd_audit_export(args: argparse.Namespace, out: Printer) -> int:
    from inspector.audit import export_events

    target = Path(args.out)
    with open_workspace(args) as ws:
        count = export_events(ws, target)
    out.emit({"file": str(target), "events": count}, f"已导出 {count} 条操作记录：{target}")
    return 0


def cmd_audit_verify(args: argparse.Namespace, out: Printer) -> int:
    from inspector.audit import audit_head, device_origins, verify

    with open_workspace(args) as ws:
        check = verify(ws)
        head = audit_head(ws)
        origins = device_origins(ws)
    problem = check.problem
    data = {
        "ok": check.ok,
        "events": check.events,
        "devices": check.devices,
        "device_origins": [
            {"device_id": o.device_id, "events": o.events, "how": o.how} for o in origins
        ],
        "head_sha256": head,
        "problem": None
        if problem is None
        else {
            "device_id": problem.device_id,
            "seq": problem.seq,
            "event_id": problem.event_id,
            "message": problem.message,
        },
    }
    if problem is None:
        text = f"操作记录完好：{check.events} 条，{check.devices} 台设备；链头哈希 {head}"
        text += "".join(f"\n  设备 {o.device_id}：{o.events} 条，{o.how}" for o in origins)
    else:
        where = f"（编号 {problem.event_id}）" if problem.event_id else ""
        text = f"操作记录已被改动：设备 {problem.device_id}：{problem.message}{where}"
    out.emit(data, text)
    return 0 if problem is None else EXIT_ERROR


def add_parsers(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    audit = commands.add_parser("audit", help="操作记录（全过程记录）", parents=[common])
    sub = audit.add_subparsers(dest="audit_command", required=True, metavar="子命令")
    show = sub.add_parser("show", help="显示一条操作记录", parents=[common])
    show.add_argument("id", help="操作记录编号（或其前缀）")
    show.set_defaults(run=cmd_audit_show)
    export = sub.add_parser("export", help="导出全部操作记录", parents=[common])
    export.add_argument("--out", required=True, metavar="FILE", help="导出文件（.jsonl 或 .xlsx）")
    export.set_defaults(run=cmd_audit_export)
    verify = sub.add_parser("verify", help="校验操作记录的哈希链", parents=[common])
    verify.set_defaults(run=cmd_audit_verify)
