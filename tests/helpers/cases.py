"""A case carried on the command line for the tests of its travel: a finding of a signed visit
opened as a case, filed, investigated, reviewed, two measures (退回 and 罚款), notified with the
notice signed by the bureau's 负责人, decided and served, and the refund paid."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.helpers.cli import Cli, new_inspection, sign_by_hand

HEAD = ("陈刚", "370100004")
REVIEWER = ("周敏", "370100003")


@dataclass
class Carried:
    inspection: str
    case: str
    refund: str
    fine: str
    notice: str  # the 事先告知书, signed by HEAD
    head_key: str


def case_served(cli: Cli, keys: dict[str, str], tmp_path: Path) -> Carried:
    """The case as the module docstring says (``keys``: tests.helpers.cli.trial_keys)."""
    inspection = new_inspection(cli, "--leader", "370100002")
    cli("answer", inspection, "P5.1", "--result", "problem", "--note", "串换药品",
        "--amount", "1200", "--violation", "VH04")  # fmt: skip
    sign_by_hand(cli, inspection, tmp_path)
    cli("record", "sign", inspection, "--key", keys["370100001"])
    cli("record", "sign", inspection, "--key", keys["370100002"])
    # The bureau's 负责人 and a legal reviewer known here (a visit of theirs registers them).
    cli("inspection", "new", "--institution", "历城区某药店", "--type", "primary_care",
        "--mode", "surprise", "--district", "历城区", "--inspector", f"{HEAD[0]}:{HEAD[1]}",
        "--inspector", f"{REVIEWER[0]}:{REVIEWER[1]}", "--leader", HEAD[1])  # fmt: skip
    out, _ = cli("ledger", "list", "--json")
    entry = json.loads(out)["entries"][0]["id"][:8]
    out, _ = cli("case", "open", entry, "--summary", "串换药品", "--json")
    case = str(json.loads(out)["id"])
    cli("case", "file", case, "--officer", "370100001", "--officer", "370100002",
        "--approver", HEAD[0], "--doc-no", "历医保立〔2026〕1号")  # fmt: skip
    cli("case", "investigate", case, "--facts", "串换药品 1,200 元", "--evidence",
        "处方；结算单", "--by", "370100001")  # fmt: skip
    cli("case", "review", case, "--reviewer", REVIEWER[0], "--reviewer-no", REVIEWER[1],
        "--opinion", "同意")  # fmt: skip
    out, _ = cli("case", "measure", case, "refund", "--amount", "1200", "--json")
    refund = str(json.loads(out)["id"])
    out, _ = cli("case", "measure", case, "fine", "--article", "38", "--basis", "1200",
                 "--amount", "1500", "--discretion", "从轻", "--reason", "主动退回",
                 "--json")  # fmt: skip
    fine = str(json.loads(out)["id"])
    cli("case", "notify", case, "--by", "370100001", "--recipient", "钱院长")
    out, _ = cli("case", "document", case, "--party-address", "济南市历城区山大路1号",
                 "--json")  # fmt: skip
    notice = str(json.loads(out)["id"])
    out, _ = cli("key", "trial", "--name", HEAD[0], "--cert-no", HEAD[1], "--json")
    head_key = str(json.loads(out)["key_id"])
    cli("case", "sign-document", notice[:8], "--key", head_key)
    cli("case", "waive", case, "--written", "--by", "370100002")
    cli("case", "decide", case, "--approver", HEAD[0], "--doc-no", "历医保罚决〔2026〕1号")
    cli("case", "serve", case, "--way", "直接", "--recipient", "钱院长", "--by", "370100001")
    cli("case", "pay", case, refund[:8], "--amount", "1200", "--receipt", "R-1")
    return Carried(inspection, case, refund, fine, notice, head_key)


def shown(cli: Cli, case: str) -> dict[str, Any]:
    """``case show --json`` and ``case documents --json`` of the case, as a laptop shows them."""
    out, _ = cli("case", "show", case, "--json")
    documents, _ = cli("case", "documents", case, "--json")
    return {"case": json.loads(out), "documents": json.loads(documents)}
