"""A case's documents on the command line: ``case document`` makes the stage's document from
the case (what the law requires read back with pdftotext), ``case show`` lists it, ``case
sign-document`` refuses the wrong role (exit 1, the rule named, nothing changed) and signs by
the person the law names, ``case verify-document`` finds a stored file changed."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers.cli import Cli, new_inspection, sign_by_hand, trial_keys

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

HEAD = ("陈刚", "370100004")
REVIEWER = ("周敏", "370100003")


@pytest.fixture
def keys(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    return trial_keys(cli, monkeypatch)


def _text(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return out.stdout.replace("\n", "").replace(" ", "")


def _case(cli: Cli, keys: dict[str, str], tmp_path: Path) -> str:
    """A finding of a signed visit opened as a case; the bureau's 负责人 and a legal reviewer
    known here (a visit of theirs registers them)."""
    inspection = new_inspection(cli, "--leader", "370100002")
    cli("answer", inspection, "P5.1", "--result", "problem", "--note", "串换药品",
        "--amount", "1200", "--violation", "VH04")  # fmt: skip
    sign_by_hand(cli, inspection, tmp_path)
    cli("record", "sign", inspection, "--key", keys["370100001"])
    cli("record", "sign", inspection, "--key", keys["370100002"])
    cli("inspection", "new", "--institution", "历城区某药店", "--type", "primary_care",
        "--mode", "surprise", "--district", "历城区", "--inspector", f"{HEAD[0]}:{HEAD[1]}",
        "--inspector", f"{REVIEWER[0]}:{REVIEWER[1]}", "--leader", HEAD[1])  # fmt: skip
    out, _ = cli("ledger", "list", "--json")
    entry = json.loads(out)["entries"][0]["id"][:8]
    out, _ = cli("case", "open", entry, "--summary", "串换药品", "--json")
    return str(json.loads(out)["id"][:8])


def _made(cli: Cli, *args: str) -> dict[str, object]:
    out, _ = cli("case", "document", *args, "--json")
    return dict(json.loads(out))


def test_each_stage_document_from_the_case_signed_by_the_person_the_law_names(
    cli: Cli, keys: dict[str, str], tmp_path: Path
) -> None:
    case = _case(cli, keys, tmp_path)
    _out, err = cli("case", "document", case, expect=1)
    assert "请先立案" in err
    cli("case", "file", case, "--officer", "370100001", "--officer", "370100002",
        "--approver", HEAD[0], "--doc-no", "历医保立〔2026〕1号")  # fmt: skip
    filing = _made(cli, case, "--out", str(tmp_path / "立案审批表.pdf"))
    text = _text(tmp_path / "立案审批表.pdf")
    assert filing["kind"] == "filing"
    for phrase in (
        "立案审批表",
        "历医保立〔2026〕1号",
        "串换药品",
        "张伟",
        "370100002",
        "第1页共1页",
    ):
        assert phrase in text, phrase
    cli("case", "investigate", case, "--facts", "串换药品 1,200 元", "--evidence",
        "处方；结算单", "--by", "370100001")  # fmt: skip
    cli("case", "review", case, "--reviewer", REVIEWER[0], "--reviewer-no", REVIEWER[1],
        "--opinion", "同意")  # fmt: skip
    review = _made(cli, case, "--out", str(tmp_path / "审核.pdf"))
    assert review["kind"] == "review" and "周敏" in _text(tmp_path / "审核.pdf")
    cli("case", "measure", case, "refund", "--amount", "1200")
    cli("case", "measure", case, "fine", "--article", "38", "--basis", "1200", "--amount",
        "1500", "--discretion", "从轻", "--reason", "主动退回")  # fmt: skip
    cli("case", "notify", case, "--by", "370100001", "--recipient", "钱院长")
    notice = _made(cli, case, "--party-address", "济南市历城区山大路1号",
                   "--out", str(tmp_path / "告知书.pdf"))  # fmt: skip
    text = _text(tmp_path / "告知书.pdf")
    shown = json.loads(cli("case", "show", case, "--json")[0])
    last = shown["steps"][-1]["facts"]["statement_last_day"]
    y, m, d = last.split("-")
    for phrase in ("行政处罚事先告知书", "串换药品1,200元", "处方", "结算单",
                   "《医疗保障基金使用监督管理条例》第三十八条", "1,500.00", "从轻",
                   "陈述、申辩", f"{y}年{m}月{d}日前"):  # fmt: skip
        assert phrase in text, phrase

    # The notice is the 负责人's to sign: an officer's key is refused, naming the rule.
    before, _ = cli("case", "documents", case, "--json")
    _out, err = cli("case", "sign-document", str(notice["id"])[:8], "--key", keys["370100001"],
                    expect=1)  # fmt: skip
    assert "行政处罚事先告知书由医疗保障行政部门负责人签署（行政处罚法第四十四条）" in err
    assert "370100001" in err
    assert cli("case", "documents", case, "--json")[0] == before
    out, _ = cli("key", "trial", "--name", HEAD[0], "--cert-no", HEAD[1], "--json")
    head_key = json.loads(out)["key_id"]
    cli("case", "sign-document", str(notice["id"])[:8], "--key", head_key,
        "--out", str(tmp_path / "告知书-签名.pdf"))  # fmt: skip
    assert "陈刚" in _text(tmp_path / "告知书-签名.pdf")
    out, _ = cli("case", "verify-document", str(notice["id"])[:8])
    assert "签名有效" in out
    out, _ = cli("case", "show", case)
    assert "行政处罚事先告知书" in out and "已由 370100004 签名" in out
    assert "法制审核意见" in out and "待法制审核人员签名" in out

    cli("case", "waive", case, "--written", "--by", "370100002")
    cli("case", "decide", case, "--approver", HEAD[0], "--doc-no", "历医保罚决〔2026〕1号")
    _made(cli, case, "--out", str(tmp_path / "决定书.pdf"))
    text = _text(tmp_path / "决定书.pdf")
    for phrase in ("行政处罚决定书", "历医保罚决〔2026〕1号",
                   "济南市历城区山大路1号",  # remembered from the notice
                   "书面放弃陈述、申辩", "六十日", "行政复议", "六个月", "行政诉讼"):  # fmt: skip
        assert phrase in text, phrase
    cli("case", "serve", case, "--way", "留置", "--recipient", "钱院长", "--witness", "孙某",
        "--by", "370100001")  # fmt: skip
    service = _made(cli, case, "--out", str(tmp_path / "回证.pdf"))
    text = _text(tmp_path / "回证.pdf")
    for phrase in ("送达回证", "留置送达", "钱院长", "孙某", "历医保罚决〔2026〕1号"):
        assert phrase in text, phrase
    cli("case", "sign-document", str(service["id"])[:8], "--key", keys["370100001"])


def test_a_changed_stored_document_is_refused_and_found_out(
    cli: Cli, keys: dict[str, str], tmp_path: Path
) -> None:
    case = _case(cli, keys, tmp_path)
    cli("case", "file", case, "--officer", "370100001", "--officer", "370100002",
        "--approver", HEAD[0])  # fmt: skip
    cli("case", "investigate", case, "--facts", "串换药品", "--evidence", "处方",
        "--by", "370100001")  # fmt: skip
    _out, err = cli("case", "document", case, expect=1)
    assert "调查终结报告须载明定性及处罚依据（行政处罚法第五十七条）" in err
    cli("case", "measure", case, "fine", "--article", "38", "--basis", "1200", "--amount", "1500")
    report = _made(cli, case)
    [stored] = list((cli.home / "records").glob("case-*/investigation-*.pdf"))
    built = stored.read_bytes()
    stored.write_bytes(built.replace(b"%%EOF", b"%%EOF\n% changed", 1))
    doc = str(report["id"])[:8]
    out, _ = cli("case", "verify-document", doc, expect=1)
    assert "与保存时的哈希不符" in out
    _out, err = cli("case", "sign-document", doc, "--key", keys["370100001"], expect=1)
    assert "已被替换或改动，拒绝签名" in err
    out, _ = cli("case", "documents", case, "--json")
    assert json.loads(out)["documents"][0]["signed_by"] is None
    stored.write_bytes(built)
    out, _ = cli("case", "sign-document", doc, "--key", keys["370100001"])
    assert "待案件承办人 370100002 签名" in out  # both officers sign the report
    out, _ = cli("case", "verify-document", doc, expect=1)
    assert "尚待签名：370100002" in out
    cli("case", "sign-document", doc, "--key", keys["370100002"])
    out, _ = cli("case", "verify-document", doc)
    assert "签名有效" in out
    out, _ = cli("case", "show", case)
    assert "调查终结报告" in out and "已由 370100001、370100002 签名" in out
