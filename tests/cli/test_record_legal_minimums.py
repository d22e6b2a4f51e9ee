"""The law's minimums of an on-site record are the core's rules: ``inspection finish`` and
``record sign`` refuse a team of fewer than two 执法人员 with distinct 执法证号 (a recused one
not counted), a certificate not shown, a notice not told, no 记录人, a party not
identified, an empty finding; each refusal names what is missing and changes nothing
stored."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from inspector.audit import log_state
from tests.helpers.cli import STROKES, Cli, new_inspection, sign_by_hand, trial_keys
from tests.helpers.homes import open_home
from tests.helpers.lawful import CREDIT_CODE, ID_NO, lawful_cli

LAW = "《行政处罚法》第四十二条"
ZHANG, LI = "370100001", "370100002"


def _stored(home: Path) -> dict[str, Any]:
    """Everything a refusal could have changed: the log's head and length, and the rows."""
    ws = open_home(home)
    try:
        with ws.db.session() as session:
            rows = {
                table: sorted(
                    tuple(str(v) for v in row)
                    for row in session.execute(text(f"SELECT * FROM {table}"))
                )
                for table in ("inspections", "inspection_members", "answers", "inspectors")
            }
        return {"log": log_state(ws), **rows}
    finally:
        ws.close()


def _refused(cli: Cli, home: Path, *args: str) -> str:
    """Run a command that must be refused (exit 1) with nothing stored changed; its message."""
    before = _stored(home)
    _, err = cli(*args, expect=1)
    assert _stored(home) == before, "a refused command changed what is stored"
    return err


def _solo(cli: Cli, type_code: str = "primary_care", mode: str = "surprise") -> str:
    out, _ = cli("inspection", "new", "--institution", "某机构", "--type", type_code, "--mode",
                 mode, "--district", "历城区", "--inspector", f"张伟:{ZHANG}")  # fmt: skip
    return out.strip()


def test_a_team_of_one_is_refused_at_finish_naming_it(cli: Cli, home: Path) -> None:
    inspection_id = _solo(cli)
    lawful_cli(cli, inspection_id, [ZHANG])  # everything else the law asks is there
    err = _refused(cli, home, "inspection", "finish", inspection_id)
    assert "至少两名执法证号不同的执法人员" in err and "现有 1 名" in err and LAW in err
    # A second 执法人员 joins and shows the certificate: the visit finishes.
    cli("inspection", "member", inspection_id, f"李娜:{LI}")
    cli("inspection", "certificate", inspection_id, LI)
    cli("inspection", "finish", inspection_id)


@pytest.mark.skipif(shutil.which("pdfsig") is None, reason="needs poppler-utils")
def test_a_team_of_one_finished_before_the_rule_is_refused_at_sign(
    cli: Cli, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A record finished before these rules existed (the check bypassed at finish, as an old
    database holds it) cannot be signed: ``record sign`` checks them again."""
    import inspector.record.legal as legal

    keys = trial_keys(cli, monkeypatch)
    inspection_id = _solo(cli)
    strokes = tmp_path / "strokes.json"
    strokes.write_text(json.dumps(STROKES), encoding="utf-8")
    cli("record", "sign-hand", inspection_id, "--role", "inspector", "--name", "张伟",
        "--cert-no", ZHANG, "--strokes", str(strokes))  # fmt: skip
    cli("record", "sign-hand", inspection_id, "--role", "party", "--name", "王某",
        "--strokes", str(strokes))  # fmt: skip
    with monkeypatch.context() as patch:
        patch.setattr(legal, "require_minimums", lambda *_args: None)
        cli("inspection", "finish", inspection_id)
    cli("record", "build", inspection_id)
    err = _refused(cli, home, "record", "sign", inspection_id, "--key", keys[ZHANG])
    assert "至少两名执法证号不同的执法人员" in err and LAW in err
    assert "记录人" in err and "告知申请回避的权利" in err


def test_sign_is_refused_when_a_minimum_went_missing_after_finish(
    cli: Cli, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys = trial_keys(cli, monkeypatch)
    inspection_id = new_inspection(cli, "--leader", LI)
    sign_by_hand(cli, inspection_id, tmp_path)  # lawful, finished and built
    cli("inspection", "certificate", inspection_id, ZHANG, "--undo")
    err = _refused(cli, home, "record", "sign", inspection_id, "--key", keys[ZHANG])
    assert "张伟（370100001）出示执法证件的时间" in err and LAW in err


def test_the_same_certificate_number_twice_is_refused(cli: Cli, home: Path) -> None:
    _, err = cli("inspection", "new", "--institution", "某机构", "--type", "primary_care",
                 "--mode", "surprise", "--district", "历城区", "--inspector", f"张伟:{ZHANG}",
                 "--inspector", f"张薇:{ZHANG}", expect=1)  # fmt: skip
    assert "同一执法证号" in err
    inspection_id = _solo(cli)
    err = _refused(cli, home, "inspection", "member", inspection_id, f"张伟:{ZHANG}")
    assert "同一执法证号" in err


def test_a_recused_member_does_not_count(cli: Cli, home: Path) -> None:
    inspection_id = new_inspection(cli)
    cli("inspection", "recuse", inspection_id, LI, "--reason", "与被检查单位负责人系亲属")
    lawful_cli(cli, inspection_id, [ZHANG])
    err = _refused(cli, home, "inspection", "finish", inspection_id)
    assert "至少两名执法证号不同的执法人员" in err and "现有 1 名" in err
    assert "李娜" not in err  # nor is the recused member's certificate asked for
    # A recused member cannot tell, record or show a certificate for the team.
    err = _refused(cli, home, "inspection", "certificate", inspection_id, LI)
    assert "已回避" in err
    err = _refused(cli, home, "inspection", "tell", inspection_id, "duty", "--by", LI)
    assert "已回避" in err
    out, _ = cli("inspection", "show", inspection_id, "--json")
    assert [m["cert_no"] for m in json.loads(out)["team"]] == [ZHANG]


def test_a_certificate_not_shown_is_refused_naming_who(cli: Cli, home: Path) -> None:
    inspection_id = new_inspection(cli)
    lawful_cli(cli, inspection_id)
    cli("inspection", "certificate", inspection_id, LI, "--undo")
    err = _refused(cli, home, "inspection", "finish", inspection_id)
    assert "李娜（370100002）出示执法证件的时间" in err and "张伟" not in err


@pytest.mark.parametrize(
    ("notice", "named"),
    [
        ("recusal", "告知申请回避的权利"),
        ("duty", "告知配合检查的义务"),
        ("opinion", "告知对本记录提出意见的权利"),
    ],
)
def test_each_notice_not_told_is_refused(cli: Cli, home: Path, notice: str, named: str) -> None:
    inspection_id = new_inspection(cli)
    for cert in (ZHANG, LI):
        cli("inspection", "certificate", inspection_id, cert)
    replies = {"recusal": "不申请回避", "duty": "配合"}
    for other in ("recusal", "duty", "opinion"):
        if other != notice:
            reply = ["--reply", replies[other]] if other in replies else []
            cli("inspection", "tell", inspection_id, other, "--by", ZHANG, *reply)
    cli("record", "party", inspection_id, "--credit-code", CREDIT_CODE, "--recorder", ZHANG)
    err = _refused(cli, home, "inspection", "finish", inspection_id)
    assert named in err
    others = {"告知申请回避的权利", "告知配合检查的义务", "告知对本记录提出意见的权利"} - {named}
    assert not any(other in err for other in others)
    reply = ["--reply", replies[notice]] if notice in replies else []
    cli("inspection", "tell", inspection_id, notice, "--by", LI, *reply)
    cli("inspection", "finish", inspection_id)


def test_the_recusal_notice_needs_the_party_s_answer(cli: Cli, home: Path) -> None:
    inspection_id = new_inspection(cli)
    lawful_cli(cli, inspection_id)
    cli("record", "party", inspection_id, "--recusal-reply", "")
    err = _refused(cli, home, "inspection", "finish", inspection_id)
    assert "被检查单位对回避告知的答复" in err


def test_no_recorder_is_refused(cli: Cli, home: Path) -> None:
    inspection_id = new_inspection(cli)
    lawful_cli(cli, inspection_id)
    cli("record", "party", inspection_id, "--recorder", "")
    err = _refused(cli, home, "inspection", "finish", inspection_id)
    assert "记录人" in err


def test_a_unit_needs_a_valid_credit_code(cli: Cli, home: Path) -> None:
    inspection_id = new_inspection(cli)
    lawful_cli(cli, inspection_id)
    err = _refused(cli, home, "record", "party", inspection_id, "--credit-code",
                   CREDIT_CODE[:-1] + "0")  # fmt: skip
    assert "校验位不对" in err
    err = _refused(cli, home, "record", "party", inspection_id, "--id-no", ID_NO)
    assert "请填写统一社会信用代码" in err
    cli("record", "party", inspection_id, "--credit-code", "")
    err = _refused(cli, home, "inspection", "finish", inspection_id)
    assert "被检查单位的统一社会信用代码" in err


@pytest.mark.parametrize("type_code", ["physician", "insured_person"])
def test_a_person_is_identified_by_id_number_not_a_credit_code(
    cli: Cli, home: Path, type_code: str
) -> None:
    inspection_id = new_inspection(cli, type_code=type_code)
    for cert in (ZHANG, LI):
        cli("inspection", "certificate", inspection_id, cert)
    cli("inspection", "tell", inspection_id, "recusal", "--by", ZHANG, "--reply", "不申请回避")
    cli("inspection", "tell", inspection_id, "duty", "--by", ZHANG)
    cli("inspection", "tell", inspection_id, "opinion", "--by", LI)
    cli("record", "party", inspection_id, "--recorder", ZHANG)
    err = _refused(cli, home, "inspection", "finish", inspection_id)
    assert "被检查人的身份证号" in err and "统一社会信用代码" not in err
    err = _refused(cli, home, "record", "party", inspection_id, "--credit-code", CREDIT_CODE)
    assert "请填写身份证号" in err
    err = _refused(cli, home, "record", "party", inspection_id, "--id-no", ID_NO[:-1] + "1")
    assert "身份证号" in err and "校验位不对" in err
    out, _ = cli("record", "party", inspection_id, "--id-no", ID_NO.lower(), "--json")
    assert json.loads(out)["id_no"] == ID_NO
    cli("inspection", "finish", inspection_id)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_an_empty_finding_is_refused_naming_the_item(cli: Cli, home: Path) -> None:
    inspection_id = new_inspection(cli)
    lawful_cli(cli, inspection_id)
    cli("answer", inspection_id, "P1.1", "--result", "problem")
    err = _refused(cli, home, "inspection", "finish", inspection_id)
    assert "发现问题 P1.1 的情况说明、涉及金额或“不涉及金额”、证据或无证据的原因" in err
    cli("answer", inspection_id, "P1.1", "--result", "problem", "--note", "未公示")
    err = _refused(cli, home, "inspection", "finish", inspection_id)
    assert "P1.1 的涉及金额或“不涉及金额”、证据或无证据的原因" in err
    err = _refused(cli, home, "answer", inspection_id, "P1.1", "--result", "problem",
                   "--amount", "10", "--no-amount")  # fmt: skip
    assert "不能同时" in err
    cli("answer", inspection_id, "P1.1", "--result", "problem", "--no-amount",
        "--no-evidence-reason", "公示栏已拆除，无法拍照")  # fmt: skip
    cli("inspection", "finish", inspection_id)
    out, _ = cli("record", "build", inspection_id, "--json")
    pdf = json.loads(out)["path"]
    printed = subprocess.run(
        ["pdftotext", pdf, "-"], capture_output=True, text=True, check=True
    ).stdout.replace("\n", "")
    assert "不涉及金额" in printed and "公示栏已拆除，无法拍照" in printed
    assert "张伟（370100001）于" in printed and "告知被检查单位申请回避的权利" in printed
    assert "被检查单位意见" in printed and "陈述、申辩" not in printed


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_a_covert_visit_captures_at_disclosure(cli: Cli, home: Path) -> None:
    out, _ = cli("inspection", "new", "--institution", "某药店", "--type", "retail_pharmacy",
                 "--mode", "covert", "--district", "历城区", "--inspector", f"张伟:{ZHANG}",
                 "--inspector", f"李娜:{LI}")  # fmt: skip
    inspection_id = out.strip()
    lawful_cli(cli, inspection_id)
    err = _refused(cli, home, "inspection", "finish", inspection_id)
    assert "暗访亮明身份的时间" in err
    cli("inspection", "disclose", inspection_id, "--at", "2026-12-01T10:30")
    cli("inspection", "finish", inspection_id)
    out, _ = cli("record", "build", inspection_id, "--json")
    printed = subprocess.run(
        ["pdftotext", json.loads(out)["path"], "-"], capture_output=True, text=True, check=True
    ).stdout.replace("\n", "")
    assert "暗访，于 2026-12-01 10:30 亮明身份" in printed
    assert "出示证件和告知在亮明身份时进行" in printed


def test_disclosure_is_only_for_a_covert_visit(cli: Cli, home: Path) -> None:
    inspection_id = new_inspection(cli)
    err = _refused(cli, home, "inspection", "disclose", inspection_id)
    assert "只有暗访" in err


def test_minimums_lists_what_is_missing(cli: Cli) -> None:
    inspection_id = new_inspection(cli)
    out, _ = cli("inspection", "minimums", inspection_id, "--json", expect=1)
    codes = [m["code"] for m in json.loads(out)["missing"]]
    assert codes == [
        f"cert_shown:{ZHANG}",
        f"cert_shown:{LI}",
        "notice:recusal",
        "notice:duty",
        "notice:opinion",
        "recorder",
        "party",
    ]
    lawful_cli(cli, inspection_id)
    out, _ = cli("inspection", "minimums", inspection_id)
    assert "均已记录" in out


def test_the_check_digits(cli: Cli) -> None:
    from inspector.errors import InvalidInput
    from inspector.record.interview_rules import check_id_number

    assert check_id_number(" 11010519491231002x ") == ID_NO
    for bad in ("1101051949123100", "11010519491331002X", "110105194912310021", "A" * 18):
        with pytest.raises(InvalidInput):
            check_id_number(bad)
