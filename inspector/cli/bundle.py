"""``bundle export|verify|import|conflicts|settle``: hand-over bundles (交接包) between laptops
and to the office (inspector/bundle/, docs/bundle.md)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from inspector.cli.output import EXIT_ERROR, Printer, open_workspace


class _Progress:
    """Progress on stderr for long exports and imports (nothing when not a terminal)."""

    def __init__(self) -> None:
        self.total = 0
        self.label = ""
        self.tty = sys.stderr.isatty()

    def start(self, total: int, label: str) -> None:
        self.total, self.label = total, label

    def advance(self, done: int, message: str = "") -> None:
        if self.tty and self.total:
            print(f"\r{self.label} {done}/{self.total}", end="", file=sys.stderr, flush=True)
            if done == self.total:
                print(file=sys.stderr)

    @property
    def cancelled(self) -> bool:
        return False


def _trust(args: argparse.Namespace) -> list[Any]:
    from inspector.signing.trust import read_certificates

    found = []
    for name in getattr(args, "trust", None) or []:
        found.extend(read_certificates(Path(name)))
    return found


def cmd_bundle_export(args: argparse.Namespace, out: Printer) -> None:
    from inspector.bundle import choose_key, export_bundle
    from inspector.cli.keys import read_passphrase

    with open_workspace(args) as ws:
        passphrase = read_passphrase(args, "密钥口令：") if args.key else None
        key = choose_key(ws, args.key, passphrase)
        result = export_bundle(
            ws,
            Path(args.out),
            inspections=args.inspection or None,
            since=args.since,
            receiver=args.to
            or (args.since if args.since and not args.since.endswith(".zip") else None),
            key=key,
            reporter=_Progress(),
        )
    signer = result.signer
    who = (
        f"本机设备密钥（{signer['name']}）：未使用检查人员的密钥，交接包中已写明"
        if signer["kind"] == "device"
        else f"{signer['name']}（执法证号 {signer['cert_no']}）"
    )
    text = [
        f"已导出交接包：{result.path}",
        f"检查 {result.counts.get('inspections', 0)} 项，文件 {result.files} 个，"
        f"共 {result.size / 1e6:.1f} MB",
        f"签名：{who}",
        f"清单 SHA-256 {result.manifest_sha256}",
    ]
    if result.requires:
        text.append(f"增量：{result.requires} 个证据文件对方已有，未再复制")
    out.emit(
        {
            "path": str(result.path),
            "bundle_id": result.bundle_id,
            "manifest_sha256": result.manifest_sha256,
            "size": result.size,
            "counts": result.counts,
            "files": result.files,
            "requires": result.requires,
            "signer": signer,
        },
        "\n".join(text),
    )


def cmd_bundle_verify(args: argparse.Namespace, out: Printer) -> int:
    from inspector.bundle import BundleError, verify_bundle
    from inspector.bundle.merge import trust_for

    trust = _trust(args)
    if args.no_database:
        roots = trust
    else:
        with open_workspace(args) as ws:
            roots = trust_for(ws, trust)
    try:
        report = verify_bundle(Path(args.file), roots=roots, require_trust=bool(roots))
    except BundleError as error:
        out.emit({"ok": False, "error": str(error)}, f"验证未通过：{error}")
        return EXIT_ERROR
    out.emit(report.to_json(), "\n".join(report.lines()))
    return 0


def cmd_bundle_import(args: argparse.Namespace, out: Printer) -> int:
    from inspector.bundle import import_bundle, preview_bundle

    with open_workspace(args) as ws:
        if args.dry_run:
            report = preview_bundle(ws, Path(args.file), trust=_trust(args))
            out.emit(report.to_json(), "\n".join([*report.lines(), "（预览：未导入）"]))
            return 0
        result = import_bundle(ws, Path(args.file), trust=_trust(args), reporter=_Progress())
    data = {
        "bundle_id": result.bundle_id,
        "from": result.source,
        "changed": result.changed,
        "inserted": result.inserted,
        "updated": result.updated,
        "deleted": result.deleted,
        "kept": result.kept,
        "files": result.files,
        "amendments": result.amendments,
        "conflicts": [_conflict_json(c) for c in result.conflicts],
        "inspections": result.inspections,
        "notes": result.notes,
    }
    out.emit(data, "\n".join(result.lines()))
    return 0


def _conflict_json(c: Any) -> dict[str, Any]:
    return {
        "id": c.id,
        "inspection_id": c.inspection_id,
        "table": c.table_name,
        "label": c.label,
        "fields": c.fields,
        "local": c.local_state,
        "incoming": c.incoming_state,
        "from": c.source,
        "status": c.status,
        "settled_by": c.settled_by,
    }


def cmd_bundle_conflicts(args: argparse.Namespace, out: Printer) -> None:
    from inspector.bundle import list_conflicts

    with open_workspace(args) as ws:
        found = list_conflicts(ws, inspection=args.inspection, open_only=not args.all)
    lines = [
        f"{c.id[:8]}  检查 {(c.inspection_id or '—')[:8]}  {c.label}：{'、'.join(c.fields)}"
        f"  来自 {c.source}  [{c.status}]"
        for c in found
    ] or ["没有待处理的交接冲突"]
    out.emit([_conflict_json(c) for c in found], "\n".join(lines))


def cmd_bundle_settle(args: argparse.Namespace, out: Printer) -> None:
    from inspector.bundle import settle_conflict

    with open_workspace(args) as ws:
        view = settle_conflict(ws, args.id, args.keep)
    which = "本机版本" if args.keep == "local" else "交接包版本"
    out.emit(_conflict_json(view), f"已处理冲突 {view.id[:8]}（{view.label}）：保留{which}")


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    secret = argparse.ArgumentParser(add_help=False)
    secret.add_argument("--passphrase-file", metavar="FILE", help="从文件第一行读取密钥口令")
    secret.add_argument("--passphrase", help=argparse.SUPPRESS)
    trust = argparse.ArgumentParser(add_help=False)
    trust.add_argument(
        "--trust",
        action="append",
        metavar="CERT.pem",
        help="信任这个签名者（其证书或其 CA 证书）；给出或本机有信任列表时，其他签名者被拒绝",
    )

    bundle = commands.add_parser("bundle", help="交接包：导出、验证、导入", parents=[common])
    sub = bundle.add_subparsers(dest="bundle_command", required=True, metavar="子命令")
    export = sub.add_parser(
        "export", help="导出交接包（zip）", parents=[common, secret], allow_abbrev=False
    )
    export.add_argument("--out", required=True, metavar="FILE.zip", help="交接包文件")
    export.add_argument(
        "--inspection", action="append", metavar="ID", help="只导出这项检查（可多次给出）"
    )
    export.add_argument(
        "--since",
        metavar="接收方|FILE.zip",
        help="只导出上次交给这个接收方（或那个交接包）之后的变化",
    )
    export.add_argument("--to", metavar="接收方", help="接收方名称，记下以便下次 --since")
    export.add_argument(
        "--key", metavar="KEY_ID", help="用这名检查人员的密钥签名（默认：设备密钥）"
    )
    export.set_defaults(run=cmd_bundle_export)
    verify = sub.add_parser(
        "verify", help="验证交接包（签名、摘要、签字记录、记录链）", parents=[common, trust]
    )
    verify.add_argument("file", metavar="FILE.zip")
    verify.add_argument("--no-database", action="store_true", help="不读本机数据（只用 --trust）")
    verify.set_defaults(run=cmd_bundle_verify)
    imp = sub.add_parser("import", help="验证并导入交接包", parents=[common, trust])
    imp.add_argument("file", metavar="FILE.zip")
    imp.add_argument("--dry-run", action="store_true", help="只预览其内容和交接人，不导入")
    imp.set_defaults(run=cmd_bundle_import)
    conflicts = sub.add_parser("conflicts", help="列出交接冲突", parents=[common])
    conflicts.add_argument("--inspection", metavar="ID")
    conflicts.add_argument("--all", action="store_true", help="也列出已处理的")
    conflicts.set_defaults(run=cmd_bundle_conflicts)
    settle = sub.add_parser("settle", help="检查组长处理一项交接冲突", parents=[common])
    settle.add_argument("id", metavar="冲突编号")
    settle.add_argument("--keep", required=True, choices=("local", "incoming"))
    settle.set_defaults(run=cmd_bundle_settle)
