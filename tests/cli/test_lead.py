"""``lead …`` and ``claims sample --flagged``: the commands a team runs, their refusals, and that
none prints the reporter's identity."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from inspector.settlement.schema import COLUMN_NAMES
from tests.helpers import settlement_anomalies as anomalies
from tests.helpers.claims import generate, write_csv
from tests.helpers.cli import Cli, new_inspection
from tests.helpers.settlement import write_detail

REPORTER = "举报人郝秘密"
PHONE = "13912345678"


def office_pem(tmp_path: Path) -> Path:
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    path = tmp_path / "office.pem"
    path.write_bytes(
        private.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    return path


def test_lead_commands_from_registration_to_feedback(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inspection = new_inspection(cli)
    # No office key: a reporter cannot be registered, nothing stored.
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{REPORTER}\n{PHONE}\n"))
    _out, err = cli("lead", "add", "--institution", "甲卫生院", "--summary", "冒名住院",
                    "--reporter-stdin", expect=1)  # fmt: skip
    assert "办公室公钥" in err
    assert "没有线索" in cli("lead", "list")[0]
    cli("lead", "office-key", str(office_pem(tmp_path)))
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{REPORTER}\n{PHONE}\n"))
    out, _ = cli("lead", "add", "--institution", "甲卫生院", "--summary", "冒名住院",
                 "--number", "JB-1", "--amount", "800", "--reporter-stdin",
                 "--assigned-by", "市局", "--assigned-to", "区分局",
                 "--assigned-on", "2025-09-30", "--days", "5")  # fmt: skip
    assert "JB-1" in out and "2025-10-14" in out
    cli("lead", "attach", inspection, "JB-1")
    _out, err = cli("lead", "verify", inspection, "JB-1", "--verdict", "真的", expect=1)
    assert "核查结论" in err
    cli("lead", "verify", inspection, "JB-1", "--verdict", "部分属实", "--note", "冒名 1 人次",
        "--amount", "400")  # fmt: skip
    cli("lead", "result", "JB-1", "--result", "已移交", "--reward", "100")
    shown, _ = cli("lead", "show", "JB-1")
    assert "部分属实" in shown and "已密封给办公室" in shown
    listed, _ = cli("lead", "list", "--inspection", inspection)
    data, _ = cli("lead", "show", "JB-1", "--json")
    target = tmp_path / "反馈.xlsx"
    cli("lead", "feedback", str(target))
    rows = list(openpyxl.load_workbook(target).active.iter_rows(values_only=True))
    assert rows[1][0] == "JB-1" and rows[1][11] == "部分属实"
    for printed in (shown, listed, data, out):
        assert REPORTER not in printed and PHONE not in printed
    assert json.loads(data)["has_reporter"] is True


def test_claims_sample_takes_the_flagged_bills_first(cli: Cli, tmp_path: Path) -> None:
    inspection = new_inspection(cli)
    rows = generate(400)
    flagged = [r[0] for r in rows[:3]]
    listing = tmp_path / "疑点.txt"
    listing.write_text("\n".join(flagged), encoding="utf-8")
    source = write_csv(tmp_path / "结算.csv", rows)
    out, _ = cli("claims", "sample", inspection, str(source), "--since", "2018-01-01",
                 "--seed", "7", "--flagged", str(listing), "--json")  # fmt: skip
    data = json.loads(out)
    assert data["rules"]["flagged_count"] == 3
    taken = data["counts"]["flagged"]
    assert 0 < taken == data["flagged_in_rest"] <= 3
    text, _ = cli("claims", "list", inspection, "--rule", "flagged")
    assert sum(number in text for number in flagged) == taken


def _detail_file(folder: Path, detail: anomalies.Detail) -> Path:
    rows = []
    for values in detail.rows:
        row = dict(zip(COLUMN_NAMES, values, strict=True))
        row["unit_price_fen"] = Decimal(row["unit_price_fen"]) / 100
        row["amount_fen"] = Decimal(row["amount_fen"]) / 100
        row["quantity"] = Decimal(str(row["quantity"])).normalize()
        rows.append(row)
    columns = [c for c in COLUMN_NAMES if c != "row_no"]
    return write_detail(folder / "费用明细.csv", rows, columns=columns, title=None)


def test_the_rules_hits_become_leads_and_go_first_in_the_sample(cli: Cli, tmp_path: Path) -> None:
    detail = anomalies.build(patients=60)
    inspection = new_inspection(cli)
    _out, err = cli("lead", "rules", inspection, expect=1)
    assert "还没有规则命中" in err
    _out, err = cli("claims", "sample", inspection, "x.csv", "--since", "2018-01-01", "--seed",
                    "1", "--flagged-from-rules", expect=1)  # fmt: skip
    assert "还没有运行规则" in err
    cli("detail", "import", inspection, str(_detail_file(tmp_path, detail)))
    cli("rules", "run", inspection)
    hits = json.loads(cli("rules", "hits", inspection, "--json")[0])["hits"]
    assert hits
    out, _ = cli("lead", "rules", inspection, "--json")
    assert json.loads(out)["added"] == len(hits)
    assert json.loads(cli("lead", "rules", inspection, "--json")[0])["added"] == 0
    listed = json.loads(cli("lead", "list", "--inspection", inspection, "--json")[0])["leads"]
    assert len(listed) == len(hits)
    assert {lead["source"] for lead in listed} == {"rules"}
    assert sum(lead["amount_fen"] for lead in listed) == sum(h["amount_fen"] for h in hits)

    flagged = sorted({no for hit in hits for no in hit["settlement_nos"]})
    rows = generate(400)
    outpatient = [row for row in rows if row[4] == "门诊"][:3]
    for row, number in zip(outpatient, flagged, strict=False):
        row[0] = number
    source = write_csv(tmp_path / "结算.csv", rows)
    out, _ = cli("claims", "sample", inspection, str(source), "--since", "2018-01-01",
                 "--seed", "7", "--flagged-from-rules", "--json")  # fmt: skip
    data = json.loads(out)
    assert data["rules"]["flagged_count"] == len(flagged)
    assert data["counts"]["flagged"] == min(3, len(flagged))
    assert "规则运行" in data["rules"]["flagged_source"]


def test_only_the_office_key_opens_the_reporter(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public = tmp_path / "office.pem"
    public.write_bytes(
        private.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    secret = tmp_path / "office-private.pem"
    secret.write_bytes(
        private.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(b"office-pass"),
        )
    )
    passphrase = tmp_path / "pass.txt"
    passphrase.write_text("office-pass\n", encoding="utf-8")
    cli("lead", "office-key", str(public))
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{REPORTER}\n{PHONE}\n"))
    cli("lead", "add", "--institution", "甲", "--summary", "乙", "--number", "JB-3",
        "--reporter-stdin")  # fmt: skip
    # The team's public key file is no private key; another office's key does not open it.
    _out, err = cli("lead", "reporter", "JB-3", "--key", str(public), expect=1)
    assert "办公室私钥" in err and REPORTER not in err
    other = tmp_path / "other.pem"
    other.write_bytes(
        rsa.generate_private_key(public_exponent=65537, key_size=2048).private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    _out, err = cli("lead", "reporter", "JB-3", "--key", str(other), expect=1)
    assert "不是用这把办公室密钥密封的" in err
    out, _ = cli("lead", "reporter", "JB-3", "--key", str(secret), "--passphrase-file",
                 str(passphrase))  # fmt: skip
    assert REPORTER in out and PHONE in out
