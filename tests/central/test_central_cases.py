"""The case procedure reaches the office in a push (inspector/central/cases.py): a case, its
steps, measures, payments and documents, keyed in ``rows`` to the inspection its findings came
from (a case from a lead to none); a later push with a new payment updates it; a payment
edited in the laptop's database after it was recorded is refused with the server unchanged.
The leads' assignments and verdicts arrive too."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from tests.helpers.bundle import full_visit
from tests.helpers.cases import HEAD, case_served
from tests.helpers.central import Server, sync_enroll, sync_push
from tests.helpers.cli import Cli, trial_keys

CASE_TABLES = ("cases", "case_steps", "case_measures", "case_payments", "case_documents")


@pytest.fixture
def keys(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    return trial_keys(cli, monkeypatch)


def _held(server: Server) -> dict[str, str]:
    """table → 'count|inspection ids' of the case tables on the server."""
    names = ", ".join(f"'{t}'" for t in CASE_TABLES)
    out = server.sql(
        "select table_name, count(*) || '|' || string_agg(distinct coalesce(inspection_id, "
        f"'NULL'), ',') from rows where table_name in ({names}) and not deleted "
        "group by table_name"
    )
    return dict(line.split("|", 1) for line in out.splitlines() if line)


def _paid(server: Server) -> str:
    return server.sql(
        "select string_agg(m.data->>'kind' || ':' || (p.data->>'amount_fen'), ',' "
        "order by m.data->>'kind') from rows p join rows m on m.table_name = 'case_measures' "
        "and m.row_key = json_build_array(p.data->>'measure_id')::text "
        "where p.table_name = 'case_payments'"
    ).strip()


def test_a_push_carries_the_case_and_a_later_push_its_new_payment(
    server: Server, cli: Cli, keys: dict[str, str], tmp_path: Path
) -> None:
    carried = case_served(cli, keys, tmp_path)
    sync_enroll(cli, server)
    sync_push(cli)
    i = carried.inspection
    assert _held(server) == {
        "cases": f"1|{i}",
        "case_steps": f"7|{i}",
        "case_measures": f"2|{i}",
        "case_payments": f"1|{i}",
        "case_documents": f"1|{i}",
    }
    assert server.sql("select data->>'stage' from rows where table_name = 'cases'").strip() == (
        "served"
    )
    assert _paid(server) == "refund:120000"
    # The signed notice's PDF is in the store under its hash.
    sha = server.sql("select data->>'sha256' from rows where table_name = 'case_documents'")
    assert list((server.store / "files").rglob(f"{sha.strip()}*"))

    cli("case", "pay", carried.case, carried.fine[:8], "--amount", "1500", "--receipt", "R-2")
    cli("case", "execute", carried.case, "--by", "370100001")
    cli("case", "close", carried.case, "--approver", HEAD[0])
    result, _ = sync_push(cli)
    assert result["summary"]["inserted"] > 0
    assert _paid(server) == "fine:150000,refund:120000"
    assert server.sql("select data->>'stage' from rows where table_name = 'cases'").strip() == (
        "closed"
    )
    assert _held(server)["case_steps"] == f"9|{i}"


def test_a_payment_edited_in_the_laptops_database_is_refused(
    server: Server, cli: Cli, keys: dict[str, str], tmp_path: Path
) -> None:
    """The refund's payment raised in the SQLite file (not through the app): the change that
    recorded it hashed the amount paid, so the push is refused and the server holds nothing of
    it."""
    case_served(cli, keys, tmp_path)
    sync_enroll(cli, server)
    connection = sqlite3.connect(cli.home / "inspector.sqlite3")
    connection.execute("update case_payments set amount_fen = 1200000")
    connection.commit()
    connection.close()
    before = server.sql("select count(*) from rows")
    _, err = sync_push(cli, expect=1)
    assert "案件缴款" in err and "被改过" in err and "服务器数据未改变" in err, err
    assert server.sql("select count(*) from rows") == before
    assert _held(server) == {}


def test_a_case_from_a_lead_and_the_leads_assignments_reach_the_office(
    server: Server, cli: Cli, tmp_path: Path
) -> None:
    """A lead assigned (交办) and verified at a visit, and a case opened from another lead
    (no inspection: ``rows.inspection_id`` NULL, its steps too)."""
    inspection = full_visit(cli, tmp_path)
    today = date.today().isoformat()
    cli("lead", "add", "--institution", "历城区某社区卫生服务中心", "--summary", "冒名住院",
        "--number", "JB-1")  # fmt: skip
    cli("lead", "assign", "JB-1", "--by", "王科长", "--to", "张伟", "--on", today,
        "--deadline", today)  # fmt: skip
    cli("lead", "attach", inspection, "JB-1")
    cli("lead", "verify", inspection, "JB-1", "--verdict", "属实", "--note", "冒名 1 人次",
        "--amount", "800")  # fmt: skip
    cli("lead", "add", "--institution", "乙药店", "--summary", "串换药品", "--number", "JB-2")
    out, _ = cli("lead", "list", "--json")
    (lead,) = [item["id"] for item in json.loads(out)["leads"] if item["number"] == "JB-2"]
    out, _ = cli("case", "open", "--lead", lead, "--party", "乙药店", "--json")
    case = json.loads(out)["id"]
    cli("case", "file", case, "--officer", "370100001", "--officer", "370100002",
        "--approver", HEAD[0])  # fmt: skip
    sync_enroll(cli, server)
    sync_push(cli)
    assigned = server.sql(
        "select concat_ws('|', data->>'assigned_by', data->>'assigned_to', data->>'assigned_on', "
        "data->>'deadline', inspection_id) from rows where table_name = 'leads' "
        "and data->>'number' = 'JB-1'"
    ).strip()
    assert assigned == f"王科长|张伟|{today}|{today}|{inspection}"
    verdict = server.sql(
        "select concat_ws('|', data->>'verdict', data->>'amount_fen', inspection_id) from rows "
        "where table_name = 'lead_checks'"
    ).strip()
    assert verdict == f"confirmed|80000|{inspection}"
    assert _held(server) == {"cases": "1|NULL", "case_steps": "1|NULL"}
    opened = server.sql(
        "select concat_ws('|', data->>'lead_id', data->>'stage') from rows "
        "where table_name = 'cases'"
    ).strip()
    assert opened == f"{lead}|filed"
