"""``detail import|show|drop`` as a user runs them: a GBK export imported and shown, a file with
bad rows refused naming each row (exit 1) with what was stored unchanged, and an encrypted data
directory left without the detail in the clear after the command line's import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers.cli import Cli, new_inspection
from tests.helpers.settlement import clean_rows, write_detail

MARK = "QZXMARKERCLI93"


def test_import_show_and_drop(cli: Cli, tmp_path: Path) -> None:
    inspection = new_inspection(cli)
    path = write_detail(tmp_path / "明细.csv", clean_rows(400), encoding="gbk")
    out, _ = cli("detail", "import", inspection[:8], str(path))
    assert "明细 400 行" in out and "（GBK）" in out
    out, _ = cli("detail", "show", inspection[:8], "--json")
    shown = json.loads(out)
    assert shown["rows"] == 400 and shown["encoding"] == "GBK"
    assert shown["first_charge"] <= shown["last_charge"]
    out, _ = cli("detail", "show", inspection[:8])
    assert "费用发生时间：2024-" in out and "拒绝的行：0" in out
    out, _ = cli("detail", "drop", inspection[:8])
    assert "已删除" in out
    _, err = cli("detail", "show", inspection[:8], expect=1)
    assert "还没有导入费用明细" in err


def test_bad_rows_are_named_and_nothing_changes(cli: Cli, tmp_path: Path) -> None:
    inspection = new_inspection(cli)
    cli("detail", "import", inspection, str(write_detail(tmp_path / "a.csv", clean_rows(20))))
    before, _ = cli("detail", "show", inspection, "--json")
    rows = clean_rows(30, seed=2)
    rows[3]["charged_at"] = "昨天"
    rows[20]["amount_fen"] = "12.345"
    out, _ = cli("detail", "import", inspection, str(write_detail(tmp_path / "b.csv", rows)),
                 expect=1)  # fmt: skip
    assert "第 6 行  拒绝：费用发生时间“昨天”不是可识别的日期时间" in out
    assert "第 23 行  拒绝：金额“12.345”不是金额（最多两位小数）" in out
    assert "共拒绝 2 行：未导入任何明细" in out
    after, _ = cli("detail", "show", inspection, "--json")
    assert after == before


def test_a_hostile_file_gets_a_clear_message(cli: Cli, tmp_path: Path) -> None:
    inspection = new_inspection(cli)
    rows = clean_rows(5)
    rows[2]["item_name"] = "y" * 300_000
    _, err = cli("detail", "import", inspection, str(write_detail(tmp_path / "a.csv", rows)),
                 expect=1)  # fmt: skip
    assert "第 5 行不是有效的 CSV" in err and "Traceback" not in err
    fake = tmp_path / "b.xlsx"
    fake.write_bytes(b"PK\x03\x04 not a zip")
    _, err = cli("detail", "import", inspection, str(fake), expect=1)
    assert "不是有效的 Excel" in err


@pytest.mark.parametrize("home", ["encrypted"], indirect=True)
def test_the_command_lines_import_leaves_no_plaintext(
    cli: Cli, home: Path, tmp_path: Path, system_temp: Path
) -> None:
    inspection = new_inspection(cli)
    rows = clean_rows(500)
    for row in rows[::5]:
        row["person_id"] = MARK
    source = tmp_path / "in" / "明细.csv"
    source.parent.mkdir()
    write_detail(source, rows, encoding="utf-16")
    cli("detail", "import", inspection, str(source))
    out, _ = cli("detail", "show", inspection, "--json")
    assert json.loads(out)["rows"] == 500
    needles = [MARK.encode(e) for e in ("utf-8", "utf-16-le", "utf-16-be")]
    for root in (home, system_temp):
        for path in (p for p in root.rglob("*") if p.is_file()):
            data = path.read_bytes()
            assert not any(n in data for n in needles), path
