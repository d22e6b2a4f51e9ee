"""``case seal`` and ``case refer`` on the command line: the whole 封存 cycle with its deadline
across the 2025 National Day holiday and its documents; the refused steps changing nothing; a
referral whose evidence bundle verifies on another laptop and carries only that case; receipt,
feedback, and a return (退回) after which the case goes on; a case received from 公安."""

from __future__ import annotations

import hashlib
import json
import subprocess
import zipfile
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from inspector.db.models import AuditEvent
from tests.helpers.bundle import full_visit, laptop_state, rewrite_bundle, sign_by_keys
from tests.helpers.cli import Cli, new_inspection
from tests.helpers.homes import PHOTOS, open_home

OFFICERS = ["--officer", "370100001", "--officer", "370100002"]


def _events(home: Path) -> int:
    ws = open_home(home)
    try:
        with ws.db.session() as session:
            return int(session.scalar(select(func.count()).select_from(AuditEvent)) or 0)
    finally:
        ws.close()


def _pdf_text(path: Path) -> str:
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return "".join(text.split())  # lines wrap anywhere in Chinese


def _flip(data: bytes) -> bytes:
    """One byte in the middle changed."""
    middle = len(data) // 2
    return data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1 :]


def _kept(home: Path, sha256: str) -> Path:
    """The kept record-store file with this hash (a plain test data directory)."""
    for path in (home / "records").rglob("*.pdf"):
        if hashlib.sha256(path.read_bytes()).hexdigest() == sha256:
            return path
    raise AssertionError(sha256)


def _visit_on_2025_09_01(cli: Cli) -> str:
    inspection = new_inspection(cli, "--leader", "370100002")
    cli("inspection", "times", inspection, "--start", "2025-09-01 09:30",
        "--end", "2025-09-01 11:00")  # fmt: skip
    cli("evidence", "seal", inspection, "--description", "2025年8月门诊收费票据",
        "--quantity", "3", "--unit", "本")  # fmt: skip
    cli("evidence", "seal", inspection, "--description", "药房进销存账簿",
        "--quantity", "1", "--unit", "本")  # fmt: skip
    return inspection


def test_the_whole_seal_cycle_on_the_command_line(
    cli: Cli, team_keys: dict[str, str], tmp_path: Path
) -> None:
    inspection = _visit_on_2025_09_01(cli)
    out, _ = cli("case", "seal", "new", inspection, "--kind", "seal",
                 "--no", "历医保封〔2025〕1号", "--on", "2025-09-05",
                 "--reason", "票据可能被转移、隐匿", "--approved-by", "王局长",
                 *OFFICERS, "--position", "1", "--position", "2",
                 "--place", "本局证物室", "--json")  # fmt: skip
    measure = json.loads(out)
    # 2025-09-05 + 30 days = 2025-10-05, in the National Day holiday: Thursday 2025-10-09.
    assert measure["last_day"] == "2025-10-09"
    seal = measure["id"]
    # The record's sealing list links to the measure.
    out, _ = cli("evidence", "seals", inspection)
    assert out.count("封存 历医保封〔2025〕1号") == 2
    cli("case", "seal", "sign-list", seal, "--on", "2025-09-05", "--party", "王某")
    out, _ = cli("case", "seal", "list", "--due", "--as-of", "2025-10-07")
    assert "即将到期" in out and seal[:8] in out
    cli("case", "seal", "extend", seal, "--on", "2025-10-08", "--reason", "需核查的票据较多",
        "--approved-by", "王局长", "--no", "历医保延〔2025〕1号")  # fmt: skip
    before, shown = _events(cli.home), cli("case", "seal", "show", seal, "--json")[0]
    assert json.loads(shown)["last_day"] == "2025-11-10"  # Saturday Nov 8 → Monday
    # A second extension, and a release dated before the decision: refused, nothing stored.
    _, err = cli("case", "seal", "extend", seal, "--on", "2025-10-20", "--reason", "仍需核查",
                 "--approved-by", "王局长", "--no", "历医保延〔2025〕2号", expect=1)  # fmt: skip
    assert "只能延长一次" in err and "第二十五条" in err
    _, err = cli("case", "seal", "release", seal, "--on", "2025-09-04", "--reason", "decided",
                 "--no", "历医保解〔2025〕1号", expect=1)  # fmt: skip
    assert "早于措施决定日期" in err
    _, err = cli("case", "seal", "release", seal, "--on", "2099-01-01", "--reason", "decided",
                 "--no", "历医保解〔2025〕1号", expect=1)  # fmt: skip
    assert "不能晚于今天" in err
    assert (_events(cli.home), cli("case", "seal", "show", seal, "--json")[0]) == (before, shown)
    cli("case", "seal", "release", seal, "--on", "2025-11-07", "--reason", "decided",
        "--no", "历医保解〔2025〕1号")  # fmt: skip
    out, _ = cli("case", "seal", "show", seal, "--json")
    assert json.loads(out)["state"] == "ended"
    # Its documents, each kept with its hash and saved where asked.
    texts = {}
    for kind in ("decision", "list", "extension", "end"):
        target = tmp_path / f"{kind}.pdf"
        out, _ = cli("case", "seal", "document", seal, kind, "--out", str(target), "--json")
        assert len(json.loads(out)["sha256"]) == 64
        texts[kind] = _pdf_text(target)
    assert "封存决定书" in texts["decision"] and "药房进销存账簿" in texts["decision"]
    assert "六十日" in texts["decision"] and "2025年10月09日" in texts["decision"]
    assert "一式二份" in texts["list"] and "王某" in texts["list"]
    assert "延长至2025年11月10日" in texts["extension"]
    assert "解除封存决定书" in texts["end"] and "退还当事人" in texts["end"]
    out, _ = cli("case", "seal", "show", seal, "--json")
    documents = json.loads(out)["documents"]
    assert len(documents) == 4
    # Signed digitally by an officer of the measure; anyone else's key is refused.
    decision = documents[0]["id"]
    out, _ = cli("key", "trial", "--name", "王五", "--cert-no", "370199999", "--json")
    _, err = cli("case", "seal", "sign", decision, "--key", json.loads(out)["key_id"], expect=1)
    assert "370199999 不在其中" in err
    out, _ = cli("case", "seal", "sign", decision, "--key", team_keys["370100001"], "--json")
    assert json.loads(out)["signed_by"] == "370100001"
    _, err = cli("case", "seal", "sign", decision, "--key", team_keys["370100002"], expect=1)
    assert "已由执法证号 370100001 签名" in err
    out, _ = cli("verify-pdf", str(_kept(cli.home, json.loads(out)["sha256"])), "--json")
    assert json.loads(out)["signatures"][0]["ok"]


def test_an_expired_measure_not_released_is_listed_late(cli: Cli) -> None:
    inspection = _visit_on_2025_09_01(cli)
    out, _ = cli("case", "seal", "new", inspection, "--kind", "preserve",
                 "--no", "历医保登〔2025〕1号", "--on", "2025-09-26", "--reason", "处方可能灭失",
                 "--approved-by", "王局长", *OFFICERS, "--item", "处方笺:40:张",
                 "--json")  # fmt: skip
    # 7 working days: Sep 28 (Sunday) and Oct 11 (Saturday) work, Oct 1-8 do not.
    assert json.loads(out)["last_day"] == "2025-10-13"
    out, _ = cli("case", "seal", "list", "--due", "--as-of", "2025-10-14")
    assert "已逾期未处理" in out
    out, _ = cli("case", "due", "--today", "2025-10-14", "--json")  # with the cases' periods
    (late,) = json.loads(out)
    assert (late["what"], late["state"], late["last_day"]) == (
        "先行登记保存期限", "late", "2025-10-13",
    )  # fmt: skip
    _, err = cli("case", "seal", "new", inspection, "--kind", "seal", "--no", "X",
                 "--on", "2025-08-30", "--reason", "r", "--approved-by", "王局长", *OFFICERS,
                 "--item", "账簿:1:本", expect=1)  # fmt: skip
    assert "早于现场检查日期" in err


def test_a_referral_bundle_verifies_elsewhere_and_carries_only_its_case(
    cli: Cli, office: Cli, team_keys: dict[str, str], tmp_path: Path
) -> None:
    case = full_visit(cli, tmp_path)
    sign_by_keys(cli, case, team_keys, tmp_path)
    other = new_inspection(cli, "--leader", "370100002")
    cli("evidence", "add", other, str(PHOTOS / "cameras"), "--by", "370100001")
    cli(
        "evidence",
        "seal",
        other,
        "--description",
        "另一家的账簿",
        "--quantity",
        "1",
        "--unit",
        "本",
    )
    today = date.today().isoformat()
    out, _ = cli("case", "seal", "new", case, "--kind", "seal", "--no", "历医保封〔2026〕9号",
                 "--on", today, "--reason", "台账可能被转移", "--approved-by", "王局长",
                 *OFFICERS, "--position", "1", "--json")  # fmt: skip
    cli("case", "seal", "document", json.loads(out)["id"], "decision")
    bundle = tmp_path / "referral.zip"
    out, _ = cli("case", "refer", "new", case, "--to", "police",
                 "--receiver", "济南市公安局历城分局", "--no", "历医保移〔2026〕1号",
                 "--on", today, "--facts", "虚构住院套取医保基金",
                 "--bundle", str(bundle), "--key", team_keys["370100002"], "--json")  # fmt: skip
    referral = json.loads(out)
    assert referral["status"] == "referred" and referral["bundle_sha256"]
    # The case's ledger row is handed over (移交) while the police hold it.
    out, _ = cli("ledger", "list", "--json")
    (entry,) = json.loads(out)["entries"]
    assert entry["status"] == "transferred" and referral["entries"] == {entry["id"]: "pending"}
    # The officer handing it over signed the 移送书 and the 案卷清单 with the bundle's key.
    assert {d["signed_by"] for d in referral["documents"]} == {"370100002"}
    kinds = {line["kind"] for line in referral["file_list"]}
    assert {"record", "evidence", "document"} <= kinds
    # Verified on another laptop, as the receiving side does.
    out, _ = office("bundle", "verify", str(bundle))
    assert "验证通过" in out and "移送证据包" in out and "历医保移〔2026〕1号" in out
    # Only this case: its inspection, its files; nothing of the other visit, no action log.
    with zipfile.ZipFile(bundle) as archive:
        names = set(archive.namelist())
        manifest = json.loads(archive.read("manifest.json"))
        inspections = [
            json.loads(line)["id"] for line in archive.read("data/inspections.jsonl").splitlines()
        ]
        seals = archive.read("data/seal_items.jsonl").decode()
    ws = open_home(cli.home)
    try:
        from inspector.evidence.manage import list_evidence

        mine = {e.sha256 for e in list_evidence(ws, case)}
        theirs = {e.sha256 for e in list_evidence(ws, other)}
    finally:
        ws.close()
    carried = {n.split("/")[2].split(".")[0] for n in names if n.startswith("evidence/")}
    assert mine <= carried and not (theirs & carried)
    assert inspections == [case] and [i["id"] for i in manifest["inspections"]] == [case]
    assert "另一家的账簿" not in seals
    assert "data/audit_events.jsonl" not in names and manifest["heads"] == {}
    assert all(other not in n for n in names)
    assert any("referral-letter" in n for n in names)

    # A photo changed on the way, or one of another case slipped in: the receiver's check fails.
    def swap(items: list[tuple[zipfile.ZipInfo, bytes]]) -> list[tuple[zipfile.ZipInfo, bytes]]:
        return [
            (info, _flip(data) if info.filename.startswith("evidence/") else data)
            for info, data in items
        ]

    def slip(items: list[tuple[zipfile.ZipInfo, bytes]]) -> list[tuple[zipfile.ZipInfo, bytes]]:
        photo = (PHOTOS / "cameras" / "Nikon_D70.jpg").read_bytes()
        sha = hashlib.sha256(photo).hexdigest()
        return [*items, (zipfile.ZipInfo(f"evidence/{sha[:2]}/{sha}.jpg"), photo)]

    for change, why in ((swap, "摘要不符"), (slip, "清单未列出")):
        bad = rewrite_bundle(bundle, tmp_path / f"bad-{why}.zip", change)
        out, _ = office("bundle", "verify", str(bad), expect=1)
        assert "验证未通过" in out and why in out
    # Not for merging: the office's import refuses it and keeps its data as it was.
    before = laptop_state(office.home)
    _, err = office("bundle", "import", str(bundle), expect=1)
    assert "移送证据包" in err and laptop_state(office.home) == before
    # A second referral to the police while this one is open: refused.
    _, err = cli("case", "refer", "new", case, "--to", "公安", "--receiver", "x", "--no", "2",
                 "--on", today, "--facts", "f", "--bundle", str(tmp_path / "b2.zip"),
                 expect=1)  # fmt: skip
    assert "未退回前不能重复移送" in err and not (tmp_path / "b2.zip").exists()
    # Feedback before the receipt: refused. Then receipt, and a return: the case goes on.
    _, err = cli("case", "refer", "feedback", referral["id"], "--on", today, "--text", "立案",
                 expect=1)  # fmt: skip
    assert "签收" in err
    cli("case", "refer", "receipt", referral["id"], "--on", today, "--by", "刘警官")
    out, _ = cli("case", "refer", "return", referral["id"], "--on", today,
                 "--reason", "未达刑事立案标准", "--json")  # fmt: skip
    assert json.loads(out)["status"] == "returned"
    out, _ = cli("ledger", "list", "--json")
    assert json.loads(out)["entries"][0]["status"] == "pending"  # the case goes on here
    out, _ = cli("case", "refer", "new", case, "--to", "health", "--receiver", "历城区卫生健康局",
                 "--no", "历医保移〔2026〕2号", "--on", today, "--facts", "超范围执业",
                 "--bundle", str(tmp_path / "b3.zip"), "--json")  # fmt: skip
    assert json.loads(out)["department"] == "health"
    out, _ = cli("case", "refer", "list", "--inspection", case)
    assert "已退回" in out and "已移送" in out


def test_a_case_received_from_the_police_is_registered_once(cli: Cli) -> None:
    args = ("case", "refer", "receive", "--from", "公安", "--sender", "济南市公安局",
            "--no", "济公移〔2026〕3号", "--on", "2026-11-30", "--subject", "某药店",
            "--summary", "倒卖医保药品线索")  # fmt: skip
    out, _ = cli(*args, "--json")
    assert json.loads(out)["department"] == "police"
    _, err = cli(*args, expect=1)
    assert "已经登记过" in err


def test_a_case_is_referred_with_its_own_documents(
    cli: Cli, office: Cli, team_keys: dict[str, str], tmp_path: Path
) -> None:
    from dataclasses import replace

    from inspector.cases.core import open_case
    from inspector.cases.documents import make_document
    from tests.helpers.case_docs import facts

    inspection = full_visit(cli, tmp_path)
    sign_by_keys(cli, inspection, team_keys, tmp_path)
    out, _ = cli("ledger", "list", "--json")
    (entry,) = json.loads(out)["entries"]
    ws = open_home(cli.home)
    try:
        case = open_case(ws, entries=[entry["id"]], summary="虚构住院")
        filing = make_document(ws, "filing", replace(facts(), case_id=case))
    finally:
        ws.close()
    today = date.today().isoformat()
    out, _ = cli("case", "seal", "new", inspection, "--kind", "seal", "--no", "历医保封〔2026〕3号",
                 "--on", today, "--reason", "台账可能被转移", "--approved-by", "王局长",
                 *OFFICERS, "--position", "1", "--case", case[:8], "--json")  # fmt: skip
    assert json.loads(out)["case_id"] == case
    out, _ = cli("case", "seal", "list", "--case", case[:8])
    assert "历医保封〔2026〕3号" in out
    bundle = tmp_path / "drug.zip"
    out, _ = cli("case", "refer", "new", "--case", case[:8], "--to", "药监",
                 "--receiver", "历城区市场监督管理局（药监）", "--no", "历医保移〔2026〕5号",
                 "--on", today, "--facts", "购进来源不明药品", "--bundle", str(bundle),
                 "--json")  # fmt: skip
    referral = json.loads(out)
    assert referral["case_id"] == case and referral["inspection_id"] == inspection
    assert any(line["title"].startswith("立案审批表") for line in referral["file_list"])
    out, _ = office("bundle", "verify", str(bundle))
    assert "验证通过" in out
    with zipfile.ZipFile(bundle) as archive:
        held = {n: archive.read(n) for n in archive.namelist() if n.startswith("records/case-")}
    assert [hashlib.sha256(b).hexdigest() for b in held.values()] == [filing.sha256]
