"""``trace``: scanning from stdin as a USB scanner types, importing purchase codes, the report
with the chain checked, and the findings on P6.5."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest

from tests.helpers.cli import Cli, new_inspection
from tests.helpers.trace import plant

CODE = "81234567890123456789"


def _scan(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, text: str, *args: str, expect: int = 0
) -> tuple[str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    return cli("trace", "scan", *args, expect=expect)


def test_trace_commands_from_scan_to_findings(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    inspection = new_inspection(cli, type_code="public_hospital")
    shelf = plant(institution="历城区某社区卫生服务中心")
    # Purchases first, with one refused file: nothing stored, rows named.
    bad = tmp_path / "坏.csv"
    bad.write_text(f"药品追溯码\n{CODE}\n12345\n", encoding="utf-8")
    out, _ = cli("trace", "import-purchases", inspection, str(bad), expect=1)
    assert "坏.csv 第 3 行  拒绝" in out and "未导入" in out
    good = shelf.purchase_file(tmp_path / "p.csv")
    out, _ = cli("trace", "import-purchases", inspection, str(good))
    assert f"追溯码 {len(shelf.purchases)} 个" in out and "其中 5 个的收货单位不是本机构" in out

    # As a scanner types: one code per line, Windows line ends, a blank line, one misread.
    text = "\r\n".join([*shelf.scans[:40], "", "6901234567892", *shelf.scans[40:]]) + "\r\n"
    out, err = _scan(cli, monkeypatch, text, inspection, "--source", "scanner", expect=1)
    assert "记录扫码 200 次（来源：扫码枪）；1 行不是药品追溯码，未记录" in out
    assert "“6901234567892”不是药品追溯码：这是商品条码" in err
    assert "未导入结算明细" in out  # no detail imported: the settlement is not checked
    assert out.count("重复扫描（首次为第") == 50
    # The detail imported, the report classifies every code again, settlements checked.
    cli("detail", "import", inspection, str(shelf.detail_file(tmp_path / "明细.csv")))

    out, _ = cli("trace", "report", inspection, "--json")
    data = json.loads(out)
    assert data["scans"] == 200 and data["codes"] == 150 and data["repeats"] == 50
    assert data["counts"] == {
        "重复结算": 10, "已结算仍在架": 20, "非本机构购进": 5, "无购进记录": 10, "正常": 105,
    }  # fmt: skip
    assert data["amount_fen"] == shelf.amount_fen and data["detail_checked"] is True
    assert data["chain_problems"] == []

    out, _ = cli("trace", "findings", inspection, "--violation", "VH07")
    assert "已记为条目 P6.5 的问题" in out
    out, _ = cli("inspection", "show", inspection, "--json")
    (item,) = [i for i in json.loads(out)["items"] if i["code"] == "P6.5"]
    assert item["result"]["code"] == "problem" and "追溯码核查（在架扫码 150 个）" in item["note"]
    assert len(item["evidence"]) == 1
    out, _ = cli("audit", "verify")  # every scan batch and import an event of the chain


def test_a_tampered_log_is_reported_and_takes_no_finding(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    inspection = new_inspection(cli, type_code="public_hospital")
    _scan(cli, monkeypatch, f"{CODE}\n81234567890123456780\n", inspection)
    connection = sqlite3.connect(cli.home / "inspector.sqlite3")
    connection.execute("DROP TRIGGER trace_scans_no_update")
    connection.execute("UPDATE trace_scans SET code = '80000000000000000000' WHERE seq = 1")
    connection.commit()
    connection.close()
    out, _ = cli("trace", "report", inspection, expect=1)
    assert "第 1 条扫码记录被改动" in out
    out, _ = cli("trace", "findings", inspection, expect=1)
    assert "扫码记录链不完整，未记录问题" in out
    out, _ = cli("inspection", "show", inspection, "--json")
    (item,) = [i for i in json.loads(out)["items"] if i["code"] == "P6.5"]
    assert item["result"]["code"] == "unchecked" and item["evidence"] == []


def test_no_scan_no_finding_and_a_replaced_detail_is_refused(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    inspection = new_inspection(cli, type_code="public_hospital")
    _out, err = cli("trace", "findings", inspection, expect=1)
    assert "本次检查还没有扫描追溯码" in err
    shelf = plant()
    cli("detail", "import", inspection, str(shelf.detail_file(tmp_path / "明细.csv")))
    _scan(cli, monkeypatch, f"{CODE}\n", inspection)
    # The stored detail replaced behind the app's back: the sweep says so, records nothing.
    (stored,) = (cli.home / "settlement").glob("*.detail")
    stored.write_bytes(stored.read_bytes()[:-10] + b"0123456789")
    _out, err = cli("trace", "report", inspection, expect=1)
    assert "费用明细文件与导入时不符" in err
    _out, err = _scan(cli, monkeypatch, f"{CODE}\n", inspection, expect=1)
    assert "费用明细文件与导入时不符" in err
    from inspector.audit import events
    from tests.helpers.homes import open_home

    with open_home(cli.home) as ws:
        assert [e.action for e in events(ws)].count("trace.scan") == 1
