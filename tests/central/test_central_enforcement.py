"""Compulsory measures, referrals, received cases and their documents travel to the office in
a push like the rest of an inspection's data (and the register of received cases with the
office's rows)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from tests.helpers.bundle import full_visit
from tests.helpers.central import Server, sync_enroll, sync_push
from tests.helpers.cli import Cli

TABLES = ("compulsory_measures", "referrals", "received_referrals", "enforcement_documents")


def test_measures_and_referrals_reach_the_office(server: Server, cli: Cli, tmp_path: Path) -> None:
    inspection = full_visit(cli, tmp_path)
    today = date.today().isoformat()
    out, _ = cli("case", "seal", "new", inspection, "--kind", "seal", "--no", "历医保封〔2026〕1号",
                 "--on", today, "--reason", "台账可能被转移", "--approved-by", "王局长",
                 "--officer", "370100001", "--officer", "370100002", "--position", "1",
                 "--json")  # fmt: skip
    cli("case", "seal", "document", json.loads(out)["id"], "decision")
    cli("case", "refer", "new", inspection, "--to", "health", "--receiver", "历城区卫生健康局",
        "--no", "历医保移〔2026〕1号", "--on", today, "--facts", "超范围执业",
        "--bundle", str(tmp_path / "r.zip"))  # fmt: skip
    cli("case", "refer", "receive", "--from", "police", "--sender", "济南市公安局",
        "--no", "济公移〔2026〕1号", "--on", today, "--subject", "某药店",
        "--summary", "线索")  # fmt: skip
    sync_enroll(cli, server)
    result, _ = sync_push(cli)
    assert result["summary"]["inserted"] > 0
    names = ", ".join(f"'{t}'" for t in TABLES)
    out = server.sql(
        f"select table_name, count(*) from rows where table_name in ({names}) group by table_name"
    )
    counts = dict(line.split("|") for line in out.splitlines() if line)
    # one measure; one referral; one received case; the decision, the 移送书 and 案卷清单
    assert counts == {
        "compulsory_measures": "1",
        "referrals": "1",
        "received_referrals": "1",
        "enforcement_documents": "3",
    }
