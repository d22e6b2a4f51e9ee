"""The command line's signing commands (``key ...``, ``sign-pdf``, ``verify-pdf``). A passphrase
is never an argument (it would stay in the shell's history and in the process list): it comes from
``--passphrase-file``, the environment variable ``INSPECTOR_KEY_PASSPHRASE`` or an interactive
prompt."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from inspector.cli.output import EXIT_ERROR, Printer, open_workspace
from inspector.errors import InvalidInput
from inspector.files import write_atomically

ENV_PASSPHRASE = "INSPECTOR_KEY_PASSPHRASE"
DEFAULT_BOX_SIZE = (180.0, 64.0)  # points: where sign-pdf puts a stamp when not told
DEFAULT_MARGIN = 40.0


def _store(args: argparse.Namespace) -> Any:
    from inspector.cli.output import unlocked_home
    from inspector.signing.keystore import KeyStore

    return KeyStore(unlocked_home(args))


@contextmanager
def _changing_store(args: argparse.Namespace) -> Iterator[Any]:
    """The key store for a command that adds or changes a key: on the action log."""
    from inspector.signing.keystore import KeyStore

    with open_workspace(args) as workspace:
        yield KeyStore.of(workspace)


def read_passphrase(args: argparse.Namespace, prompt: str, *, confirm: bool = False) -> str:
    """From --passphrase-file (its first line), INSPECTOR_KEY_PASSPHRASE, or a prompt."""
    if getattr(args, "passphrase", None) is not None:
        raise InvalidInput(
            "口令不能写在命令行上（会留在命令历史和进程列表中）：请用 --passphrase-file 文件、"
            "环境变量 {variable} 或在终端中输入；请考虑更换这个口令",
            variable=ENV_PASSPHRASE,
        )
    if getattr(args, "passphrase_file", None):
        path = Path(args.passphrase_file)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise InvalidInput(
                "无法读取口令文件 {path}：{error}", path=path, error=error
            ) from error
        lines = text.splitlines()
        return lines[0] if lines else ""
    env = os.environ.get(ENV_PASSPHRASE)
    if env is not None:
        return env
    if not sys.stdin.isatty():
        raise InvalidInput(
            "需要口令：请用 --passphrase-file 文件 或环境变量 {variable} 提供，"
            "或在终端中运行以输入口令",
            variable=ENV_PASSPHRASE,
        )
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("再输入一次口令：") != first:
        raise InvalidInput("两次输入的口令不一致")
    return first


def _local(moment: Any) -> str:
    return "—" if moment is None else moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _key_line(info: Any) -> str:
    badge = " [试用]" if info.trial else ""
    until = f"有效期至 {_local(info.not_after)}" if info.not_after else "未导入证书"
    return (
        f"{info.key_id}  {info.name}  执法证号 {info.cert_no or '—'}"
        f"{'（导入时绑定）' if info.cert_no_bound else ''}  {info.org or '—'}  "
        f"{info.key_type}  {info.status()}  {until}{badge}"
    )


def _key_data(info: Any) -> dict[str, Any]:
    return {**info.to_json(), "status": info.status(), "problem": info.problem()}


# --- key ---------------------------------------------------------------------------------


def cmd_key_import(args: argparse.Namespace, out: Printer) -> None:
    with _changing_store(args) as store:
        passphrase = read_passphrase(args, "PKCS#12 文件的口令：")
        info = store.import_pkcs12(Path(args.file), passphrase, cert_no=args.cert_no)
        out.emit(_key_data(info), f"已导入密钥：{_key_line(info)}")


def cmd_key_new(args: argparse.Namespace, out: Printer) -> None:
    with _changing_store(args) as store:
        passphrase = read_passphrase(args, "为新密钥设置口令：", confirm=True)
        info, _csr = store.new_key_and_csr(
            args.name, args.cert_no, args.org, passphrase, rsa_bits=3072 if args.rsa else None
        )
        if args.csr_out:
            path = Path(args.csr_out)
            write_atomically(path, store.csr_bytes(info.key_id), mode=0o644)
        elif store.cipher is not None:
            # The kept request is encrypted: it goes where the user can send it from.
            path = Path.cwd() / f"csr-{info.key_id}.pem"
            write_atomically(path, store.csr_bytes(info.key_id), mode=0o644)
        else:
            path = store.csr_path(info.key_id)
        out.emit(
            {**_key_data(info), "csr_path": str(path)},
            f"已生成密钥 {info.key_id}（{info.key_type}）。\n"
            f"证书请求（CSR）：{path}\n"
            f"请把证书请求交给医保局的 CA，收到证书后运行：key attach {info.key_id} 证书文件",
        )


def cmd_key_attach(args: argparse.Namespace, out: Printer) -> None:
    with _changing_store(args) as store:
        try:
            data = Path(args.cert_file).read_bytes()
        except OSError as error:
            raise InvalidInput(
                "无法读取证书文件 {cert_file}：{error}",
                cert_file=args.cert_file,
                error=error.strerror,
            ) from error
        info = store.attach_certificate(args.key_id, data)
        out.emit(_key_data(info), f"证书已导入：{_key_line(info)}")


def cmd_key_trial(args: argparse.Namespace, out: Printer) -> None:
    with _changing_store(args) as store:
        passphrase = read_passphrase(args, "为试用密钥设置口令：", confirm=True)
        info = store.self_signed_for_trials(args.name, args.cert_no, passphrase, days=args.days)
        out.emit(
            _key_data(info),
            f"已生成试用（自签名）密钥：{_key_line(info)}\n注意：试用证书不能证明签名者的身份",
        )


def cmd_key_list(args: argparse.Namespace, out: Printer) -> None:
    store = _store(args)
    infos = store.list_keys()
    text = "\n".join(_key_line(i) for i in infos) if infos else "本机还没有签名密钥"
    out.emit([_key_data(i) for i in infos], text)


# --- sign-pdf, verify-pdf ----------------------------------------------------------------


def _box(args: argparse.Namespace, existing: int) -> tuple[int, float, float, float, float]:
    page = args.page - 1 if args.page > 0 else args.page
    if args.box:
        try:
            x1, y1, x2, y2 = (float(v) for v in args.box.split(","))
        except ValueError as error:
            raise InvalidInput("--box 应为 x1,y1,x2,y2（单位：点，从页面左下角起）") from error
        return page, x1, y1, x2, y2
    width, height = DEFAULT_BOX_SIZE
    x1 = DEFAULT_MARGIN + (existing % 3) * (width + 10)
    y1 = DEFAULT_MARGIN + (existing // 3) * (height + 10)
    return page, x1, y1, x1 + width, y1 + height


def _signature_count(path: Path) -> int:
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        with path.open("rb") as handle:
            return len(PdfFileReader(handle).embedded_signatures)
    except (OSError, PdfError, ValueError):
        return 0  # sign_pdf says what is wrong with the file


def cmd_sign_pdf(args: argparse.Namespace, out: Printer) -> None:
    from inspector.signing.sign import sign_pdf

    store = _store(args)
    info = store.get(args.key)
    problem = info.problem()
    if problem:
        raise InvalidInput("密钥 {key_id} 不能签名：{problem}", key_id=info.key_id, problem=problem)
    src = Path(args.file)
    existing = _signature_count(src)
    passphrase = read_passphrase(args, f"密钥 {info.key_id}（{info.name}）的口令：")
    key = store.unlock(info.key_id, passphrase)
    if args.existing_field and not args.field:
        raise InvalidInput("--existing-field 需要同时用 --field 指明签名域")
    field = args.field or f"Signature{existing + 1}"
    box = None if args.existing_field else _box(args, existing)
    result = sign_pdf(
        src,
        Path(args.out),
        key,
        field_name=field,
        box=box,
        label_lines=args.label or [],
        reason=args.reason or "",
        location=args.location or "",
        certify=args.certify,
    )
    data = {
        "path": str(result.path),
        "sha256": result.sha256,
        "size": result.size,
        "field": result.field_name,
        "signed_at": result.signed_at.isoformat(),
        "signer": _key_data(result.signer),
    }
    out.emit(
        data,
        f"已签名：{result.path}\n签名域 {result.field_name}，签名人 {result.signer.describe()}，"
        f"时间 {result.signed_at:%Y-%m-%d %H:%M:%S}\nSHA-256 {result.sha256}",
    )


def cmd_verify_pdf(args: argparse.Namespace, out: Printer) -> int:
    from inspector.signing.verify import verify_pdf

    path = Path(args.file)
    if not path.is_file():
        raise InvalidInput("没有这个文件：{path}", path=path)
    from inspector.signing.trust import trust_roots

    with open_workspace(args) as ws:
        roots = trust_roots(ws)
    report = verify_pdf(path, trusted=_store(args).trusted_files(), roots=roots)
    data = report.to_json()
    lines = report.lines()
    ok = report.ok
    if args.at:
        from inspector.record.signing import archive_lines
        from inspector.signing.archive import parse_at, validate_archived

        check = validate_archived(path.read_bytes(), roots=roots, at=parse_at(args.at))
        data["at"] = check.to_json()
        lines += archive_lines(check)
        ok = ok and check.ok
    if args.pdfsig:
        from inspector.signing.pdfsig import compare, pdfsig_verdict

        verdict = pdfsig_verdict(path)
        agreement, sentence = compare(report, verdict)
        data["pdfsig"] = {
            "available": verdict.available,
            "ok": verdict.ok,
            "agreement": agreement.value,
            "note": sentence,
            "signatures": [
                {
                    "field": s.field,
                    "validation": s.validation,
                    "total_document_signed": s.total_document_signed,
                }
                for s in verdict.signatures
            ],
        }
        lines.append(f"pdfsig：{sentence}")
    data["ok"] = ok
    out.emit(data, "\n".join(lines))
    return 0 if ok else EXIT_ERROR


# --- parser ------------------------------------------------------------------------------


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add ``key ...``, ``sign-pdf`` and ``verify-pdf`` to the command line's subparsers."""
    secret = argparse.ArgumentParser(add_help=False)
    secret.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help=f"从文件第一行读取口令（或用环境变量 {ENV_PASSPHRASE}；都没有时在终端提示输入）",
    )
    # Only to refuse it with a clear message (and so that argparse does not take it for an
    # abbreviation of --passphrase-file).
    secret.add_argument("--passphrase", help=argparse.SUPPRESS)

    key = commands.add_parser("key", help="数字签名密钥", parents=[common])
    sub = key.add_subparsers(dest="action", required=True, metavar="操作")
    imp = sub.add_parser(
        "import",
        help="导入医保局签发的 PKCS#12 文件（.p12/.pfx）",
        parents=[common, secret],
        allow_abbrev=False,
    )
    imp.add_argument("file", metavar="FILE.p12")
    imp.add_argument(
        "--cert-no",
        help="持有人的执法证号：证书中没有时必填（密钥与它绑定），有时须与证书一致",
    )
    imp.set_defaults(run=cmd_key_import)

    new = sub.add_parser(
        "new", help="生成密钥和证书请求（CSR）", parents=[common, secret], allow_abbrev=False
    )
    new.add_argument("--name", required=True, help="姓名")
    new.add_argument("--cert-no", required=True, help="执法证号")
    new.add_argument("--org", required=True, help="单位（医保局名称）")
    new.add_argument("--rsa", action="store_true", help="生成 RSA-3072 密钥（默认 EC P-256）")
    new.add_argument(
        "--csr-out", metavar="FILE", help="证书请求另存到此文件（加密的数据目录默认写到当前文件夹）"
    )
    new.set_defaults(run=cmd_key_new)

    attach = sub.add_parser("attach", help="导入 CA 为本机密钥签发的证书", parents=[common])
    attach.add_argument("key_id", metavar="KEY_ID", help="密钥编号（可只写前几位）")
    attach.add_argument("cert_file", metavar="CERT_FILE", help="证书（PEM 或 DER）")
    attach.set_defaults(run=cmd_key_attach)

    trial = sub.add_parser(
        "trial", help="生成试用（自签名）密钥", parents=[common, secret], allow_abbrev=False
    )
    trial.add_argument("--name", required=True, help="姓名")
    trial.add_argument("--cert-no", required=True, help="执法证号")
    trial.add_argument("--days", type=int, default=365, help="有效天数（默认 365）")
    trial.set_defaults(run=cmd_key_trial)

    sub.add_parser("list", help="列出本机的密钥", parents=[common]).set_defaults(run=cmd_key_list)

    sign = commands.add_parser(
        "sign-pdf",
        help="用密钥给 PDF 加数字签名（增量更新，可见签章）",
        parents=[common, secret],
        allow_abbrev=False,
    )
    sign.add_argument("file", metavar="FILE.pdf")
    sign.add_argument("--key", required=True, metavar="KEY_ID", help="密钥编号")
    sign.add_argument(
        "--out", required=True, metavar="OUT.pdf", help="签名后的文件（可与原文件相同）"
    )
    sign.add_argument("--field", metavar="NAME", help="签名域名称（默认 SignatureN）")
    sign.add_argument("--page", type=int, default=-1, help="签章所在页（从 1 起；默认最后一页）")
    sign.add_argument("--box", metavar="x1,y1,x2,y2", help="签章位置（点，从页面左下角起）")
    sign.add_argument(
        "--existing-field", action="store_true", help="签在文档中已有的空签名域 --field 上"
    )
    sign.add_argument("--label", action="append", metavar="TEXT", help="签章上的附加行，可重复")
    sign.add_argument("--reason", help="签名原因")
    sign.add_argument("--location", help="签名地点")
    sign.add_argument("--certify", action="store_true", help="认证签名（须为第一个签名）")
    sign.set_defaults(run=cmd_sign_pdf)

    verify = commands.add_parser(
        "verify-pdf", help="验证 PDF 的数字签名及签名后是否被修改", parents=[common]
    )
    verify.add_argument("file", metavar="FILE.pdf")
    verify.add_argument("--pdfsig", action="store_true", help="同时用 poppler 的 pdfsig 对照")
    verify.add_argument(
        "--at", metavar="YYYY-MM-DD", help="按这一日期验证签名，要求吊销信息（PAdES B-LTA）"
    )
    verify.set_defaults(run=cmd_verify_pdf)
