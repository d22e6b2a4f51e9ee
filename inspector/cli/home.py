"""``home ...``: encryption at rest of the data directory (inspector/crypto/). Passphrases come
from files (``--home-passphrase-file``, ``--new-passphrase-file``) or a prompt, never from an
argument."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from inspector.cli.output import Printer, read_home_passphrase, read_secret_file, unlock_keys
from inspector.errors import InvalidInput

if TYPE_CHECKING:
    from inspector.crypto.vault import Keys, Vault


def _new_passphrase(args: argparse.Namespace) -> str:
    if getattr(args, "new_passphrase_file", None):
        return read_secret_file(Path(args.new_passphrase_file))
    if not sys.stdin.isatty():
        raise InvalidInput("需要新口令：请用 --new-passphrase-file 文件，或在终端中运行以输入")
    first = getpass.getpass("新口令：")
    if getpass.getpass("再输入一次新口令：") != first:
        raise InvalidInput("两次输入的口令不一致")
    return first


def _holder(args: argparse.Namespace) -> str:
    holder = (args.acting or "").strip()
    if not holder:
        raise InvalidInput("请用 --as 执法证号 说明口令属于哪名检查人员")
    return holder


def _vault_and_keys(args: argparse.Namespace) -> tuple[Vault, Keys]:
    from inspector.crypto.home import load_vault

    keys = unlock_keys(args)
    if keys is None:
        raise InvalidInput("数据目录未加密：先运行 home encrypt（或 home init）")
    return load_vault(args.home), keys


def cmd_home_status(args: argparse.Namespace, out: Printer) -> None:
    from inspector.crypto.home import finish_interrupted
    from inspector.crypto.vault import Vault
    from inspector.paths import resolve_home

    data_dir = resolve_home(args.home)
    finish_interrupted(data_dir.root)
    if not data_dir.encrypted:
        out.emit(
            {"root": str(data_dir.root), "encrypted": False},
            f"数据目录 {data_dir.root} 未加密（可运行 home encrypt）",
        )
        return
    vault = Vault.load(data_dir.root)
    holders = vault.holders()
    keyring = [h for h in holders if vault.has_keyring(h)]
    data = {
        "root": str(data_dir.root),
        "encrypted": True,
        "inspectors": holders,
        "keyring": keyring,
        "recovery": vault.has_recovery(),
    }
    out.emit(
        data,
        f"数据目录 {data_dir.root} 已加密\n有口令的检查人员：{'、'.join(holders)}\n"
        f"系统钥匙串：{'、'.join(keyring) or '无'}\n"
        f"局恢复密钥：{'已登记' if vault.has_recovery() else '未登记'}",
    )


def cmd_home_init(args: argparse.Namespace, out: Printer) -> None:
    from inspector.crypto.home import create_encrypted

    holder = _holder(args)
    create_encrypted(args.home, holder, _new_passphrase(args))
    out.emit({"encrypted": True, "inspector": holder}, f"已建立加密的数据目录（{holder} 的口令）")


def cmd_home_encrypt(args: argparse.Namespace, out: Printer) -> None:
    from inspector.crypto.home import encrypt_home

    holder = _holder(args)
    encrypt_home(args.home, holder, _new_passphrase(args))
    out.emit(
        {"encrypted": True, "inspector": holder},
        f"数据目录已加密，明文文件已删除（{holder} 的口令）。\n"
        "提示：删除文件不会擦除磁盘上的旧数据块；建议同时清除磁盘空闲空间。",
    )


def cmd_home_passphrase(args: argparse.Namespace, out: Printer) -> None:
    """Change the passphrase of the inspector unlocking (--as), or add an inspector (--add)."""
    vault, keys = _vault_and_keys(args)
    holder = (args.add or "").strip() or _holder_of(args, vault)
    vault.set_passphrase(keys, holder, _new_passphrase(args))
    vault.save()
    text = f"已为 {holder} 添加口令" if args.add else f"{holder} 的口令已更改"
    out.emit({"inspector": holder, "added": bool(args.add)}, text)


def _holder_of(args: argparse.Namespace, vault: Vault) -> str:
    from inspector.crypto.home import default_holder

    return default_holder(vault, args.acting)


def cmd_home_remove(args: argparse.Namespace, out: Printer) -> None:
    vault, _keys = _vault_and_keys(args)
    vault.remove_holder(args.cert_no)
    vault.save()
    out.emit({"removed": args.cert_no}, f"已删除 {args.cert_no} 的口令")


def cmd_home_recovery(args: argparse.Namespace, out: Printer) -> None:
    vault, keys = _vault_and_keys(args)
    try:
        pem = Path(args.public_key).read_bytes()
    except OSError as error:
        raise InvalidInput("无法读取 {path}：{error}", path=args.public_key, error=error) from error
    fingerprint = vault.set_recovery(keys, pem)
    vault.save()
    out.emit({"recovery_sha256": fingerprint}, f"已登记局恢复公钥（SHA-256 {fingerprint[:16]}…）")


def cmd_home_recover(args: argparse.Namespace, out: Printer) -> None:
    """The office opens the laptop with the recovery private key and sets a new passphrase."""
    from inspector.crypto.home import load_vault

    holder = _holder(args)
    vault = load_vault(args.home)
    try:
        pem = Path(args.recovery_key).read_bytes()
    except OSError as error:
        raise InvalidInput(
            "无法读取 {path}：{error}", path=args.recovery_key, error=error
        ) from error
    password = (
        read_home_passphrase(args, "恢复私钥的口令：", option="recovery_passphrase_file")
        if args.recovery_passphrase_file
        else None
    )
    keys = vault.unlock_with_recovery(pem, password)
    vault.set_passphrase(keys, holder, _new_passphrase(args))
    vault.save()
    out.emit({"inspector": holder}, f"已用恢复密钥打开数据目录，并为 {holder} 设置了新口令")


def cmd_home_keyring(args: argparse.Namespace, out: Printer) -> None:
    vault, keys = _vault_and_keys(args)
    holder = _holder_of(args, vault)
    if args.off:
        vault.remove_keyring(holder)
        text = f"已从系统钥匙串删除 {holder} 的密钥"
    else:
        vault.set_keyring(keys, holder)
        text = f"已在系统钥匙串中保存 {holder} 的密钥：可用 --keyring 打开"
    vault.save()
    out.emit({"inspector": holder, "keyring": not args.off}, text)


def add_parsers(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    home = commands.add_parser("home", help="数据目录加密（口令、恢复密钥）", parents=[common])
    sub = home.add_subparsers(dest="home_command", required=True, metavar="子命令")
    new_file = argparse.ArgumentParser(add_help=False)
    new_file.add_argument(
        "--new-passphrase-file", metavar="FILE", help="新口令所在的文件（第一行）；默认在终端输入"
    )
    status = sub.add_parser("status", help="是否加密、谁有口令", parents=[common])
    status.set_defaults(run=cmd_home_status)
    init = sub.add_parser(
        "init",
        help="建立一个从一开始就加密的新数据目录（--as 执法证号）",
        parents=[common, new_file],
    )
    init.set_defaults(run=cmd_home_init)
    encrypt = sub.add_parser(
        "encrypt", help="加密现有的明文数据目录（--as 执法证号）", parents=[common, new_file]
    )
    encrypt.set_defaults(run=cmd_home_encrypt)
    passphrase = sub.add_parser(
        "passphrase",
        help="更改口令，或用 --add 为另一名检查人员添加口令",
        parents=[common, new_file],
    )
    passphrase.add_argument("--add", metavar="执法证号", help="为这名检查人员添加口令")
    passphrase.set_defaults(run=cmd_home_passphrase)
    remove = sub.add_parser("remove", help="删除一名检查人员的口令", parents=[common])
    remove.add_argument("cert_no", metavar="执法证号")
    remove.set_defaults(run=cmd_home_remove)
    recovery = sub.add_parser("recovery", help="登记局里的恢复公钥（PEM）", parents=[common])
    recovery.add_argument("public_key", metavar="PEM", help="RSA 公钥或证书（PEM）")
    recovery.set_defaults(run=cmd_home_recovery)
    recover = sub.add_parser(
        "recover",
        help="用局里的恢复私钥打开并设置新口令（--as 执法证号）",
        parents=[common, new_file],
    )
    recover.add_argument("--recovery-key", required=True, metavar="PEM", help="恢复私钥（PEM）")
    recover.add_argument("--recovery-passphrase-file", metavar="FILE", help="恢复私钥的口令文件")
    recover.set_defaults(run=cmd_home_recover)
    keyring = sub.add_parser(
        "keyring", help="在系统钥匙串中保存（或 --off 删除）密钥", parents=[common]
    )
    keyring.add_argument("--off", action="store_true", help="删除系统钥匙串中的密钥")
    keyring.set_defaults(run=cmd_home_keyring)
