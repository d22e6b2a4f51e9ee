"""The ledger and the report on the command line, end to end: a visit signed by the team, its
findings in the ledger, progress, the case path, the order signed by the leader, the 回头看
that closes a finding, the export and the report."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest

from tests.helpers.cli import TEAM, Cli, new_inspection, sign_by_hand, trial_keys


@pytest.fixture
def keys(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    return trial_keys(cli, monkeypatch)


def _sign(cli: Cli, inspection_id: str, keys: dict[str, str], tmp_path: Path) -> None:
    sign_by_hand(cli, inspection_id, tmp_path)
    cli("record", "sign", inspection_id, "--key", keys["370100001"])
    cli("record", "sign", inspection_id, "--key", keys["370100002"])


def test_the_ledger_from_the_command_line(cli: Cli, keys: dict[str, str], tmp_path: Path) -> None:
    inspection = new_inspection(cli, "--leader", "370100002")
    cli(
        "answer",
        inspection,
        "P5.1",
        "--result",
        "problem",
        "--note",
        "床位空置",
        "--amount",
        "3200",
        "--violation",
        "VH04",
    )
    cli("answer", inspection, "P5.2", "--result", "problem", "--note", "挂床", "--amount", "800")
    out, _ = cli("ledger", "list")
    assert "没有符合条件" in out  # not signed yet
    _sign(cli, inspection, keys, tmp_path)
    out, _ = cli("ledger", "list", "--json")
    listed = json.loads(out)
    assert [e["item_code"] for e in listed["entries"]] == ["P5.1", "P5.2"]
    assert listed["totals"]["amount_fen"] == 400000
    first, second = (e["id"][:8] for e in listed["entries"])
    out, _ = cli("ledger", "list", "--search", "冒名")
    assert "P5.2" in out and "P5.1" not in out
    out, err = cli("ledger", "progress", first, "--status", "已整改", expect=1)
    assert "回头看" in err
    cli("ledger", "progress", second, "--status", "整改中", "--recovered", "200", "--note", "退回")
    cli(
        "ledger",
        "case",
        first,
        "--kind",
        "协议处理",
        "--date",
        date.today().isoformat(),
        "--body",
        "历城区医疗保障局",
        "--doc-no",
        "历医保协〔2026〕1号",
        "--statement",
        "对金额有异议",
        "--statement-date",
        date.today().isoformat(),
    )
    out, _ = cli("ledger", "show", first)
    assert "协议处理" in out and "历医保协〔2026〕1号" in out and "对金额有异议" in out

    deadline = (date.today() + timedelta(days=5)).isoformat()
    out, _ = cli(
        "ledger",
        "order",
        inspection,
        "--deadline",
        deadline,
        "--json",
        "--out",
        str(tmp_path / "通知书.pdf"),
    )
    order = json.loads(out)["id"]
    assert (tmp_path / "通知书.pdf").stat().st_size > 1000
    _, err = cli("ledger", "order-sign", order[:8], "--key", keys["370100001"], expect=1)
    assert "组长" in err
    cli(
        "ledger",
        "order-sign",
        order[:8],
        "--key",
        keys["370100002"],
        "--out",
        str(tmp_path / "通知书-签名.pdf"),
    )
    out, _ = cli("verify-pdf", str(tmp_path / "通知书-签名.pdf"))
    out, _ = cli("ledger", "due")
    assert "还剩 5 天" in out and "P5.1" in out

    out, _ = cli(
        "ledger", "follow-up", "--inspection", inspection, *TEAM, "--leader", "370100002", "--json"
    )
    visit = json.loads(out)["inspection_id"]
    cli("ledger", "verdict", visit, "RV1", "--result", "已整改")
    cli("ledger", "verdict", visit, "RV2", "--result", "部分整改", "--note", "仍有挂床")
    _sign(cli, visit, keys, tmp_path)
    out, _ = cli("ledger", "list", "--status", "已整改", "--json")
    assert [e["item_code"] for e in json.loads(out)["entries"]] == ["P5.1"]
    out, _ = cli("ledger", "due")
    assert "P5.2" in out and "P5.1" not in out  # closed: no longer due

    cli("ledger", "export", "--out", str(tmp_path / "台账.xlsx"))
    rows = list(openpyxl.load_workbook(tmp_path / "台账.xlsx").active.values)
    assert len(rows) == 3

    today = date.today()
    q = f"{today.year}Q{(today.month - 1) // 3 + 1}"
    out, _ = cli(
        "report",
        "--quarter",
        q,
        "--district",
        "历城区",
        "--json",
        "--out",
        str(tmp_path / "报告.xlsx"),
    )
    figures = json.loads(out)
    assert (figures["inspections"], figures["institutions"], figures["findings"]) == (2, 1, 2)
    assert figures["rectification_rate"] == 0.5
    assert figures["recovered_fen"] == 20000
    assert figures["cases"]["agreement"] == 1
    cli(
        "report",
        "--since",
        today.isoformat(),
        "--until",
        today.isoformat(),
        "--out",
        str(tmp_path / "报告.pdf"),
    )
    assert (tmp_path / "报告.pdf").read_bytes().startswith(b"%PDF")
    _, err = cli("report", "--quarter", "2026Q9", expect=1)
    assert "季度" in err
    _, err = cli("report", expect=1)
    assert "报告期" in err
