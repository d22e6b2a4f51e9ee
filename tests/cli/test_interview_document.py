"""The interview record (询问笔录) as a document: 询问人 chosen per
interview (at least two 执法人员, never a recused one), the 记录人, the interviewee's identity
(身份证号 by its GB 11643 check digit) and relation to the party, the 执法证件 shown and the
rights told printed only as captured, the interviewee's own confirmation printed only as
captured, signatures bound to the interview's content, and short ids on the command line."""

from __future__ import annotations

import itertools
import json
import sqlite3
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from inspector.workspace import Workspace
from tests.helpers.cli import STROKES, Cli, interview_ready, new_inspection, trial_keys

ID_NO = "11010519491231002X"  # a 公民身份号码 with a right check character
MEMBERS = ("370100001", "370100002")


@pytest.fixture
def strokes(tmp_path: Path) -> Path:
    path = tmp_path / "s.json"
    path.write_text(json.dumps(STROKES), encoding="utf-8")
    return path


def _interview(cli: Cli, inspection_id: str, name: str = "刘某") -> str:
    out, _ = cli("interview", "new", inspection_id, "--name", name, "--role", "护士", "--json")
    interview = json.loads(out)["id"]
    cli("interview", "ask", interview, "-q", "床位上的病人在哪里？", "-a", "回家了")
    return interview


def _signed_by_hand(
    cli: Cli, strokes: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[dict[str, str], str, str]:
    """A complete interview signed by hand by all; the team's keys, the inspection, the
    interview."""
    keys = trial_keys(cli, monkeypatch)
    inspection_id = new_inspection(cli, "--leader", "370100002")
    interview = _interview(cli, inspection_id)
    interview_ready(cli, interview[:8])
    _sign_by_hand(cli, inspection_id, interview, strokes)
    return keys, inspection_id, interview


def _sign_by_hand(cli: Cli, inspection_id: str, interview: str, strokes: Path) -> None:
    """The interviewee, then both 询问人 (the 记录人 one of them), sign by hand."""
    cli("record", "sign-hand", inspection_id, "--role", "interviewee", "--name", "刘某",
        "--strokes", str(strokes), "--interview", interview[:8])  # fmt: skip
    for name, cert in (("张伟", "370100001"), ("李娜", "370100002")):
        cli("record", "sign-hand", inspection_id, "--role", "inspector", "--name", name,
            "--cert-no", cert, "--strokes", str(strokes), "--interview", interview[:8])  # fmt: skip


def _row(home: Path, interview: str) -> tuple[object, ...]:
    with sqlite3.connect(home / "inspector.sqlite3") as db:
        return tuple(db.execute("select * from interviews where id = ?", (interview,)).fetchone())


def _text(pdf: Path) -> str:
    done = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def _build(cli: Cli, interview: str, target: Path) -> str:
    cli("record", "build", "--interview", interview[:8], "--out", str(target))
    return _text(target)


def test_a_wrong_id_number_is_refused_and_nothing_stored(cli: Cli, home: Path) -> None:
    interview = _interview(cli, new_inspection(cli))
    before = _row(home, interview)
    _, err = cli("interview", "edit", interview[:8], "--id-no", "110105194912310021", expect=1)
    assert "校验位不对" in err and _row(home, interview) == before
    _, err = cli("interview", "edit", interview[:8], "--id-no", "12345", expect=1)
    assert "18 位" in err and _row(home, interview) == before
    cli("interview", "edit", interview[:8], "--id-no", ID_NO.lower())
    out, _ = cli("interview", "list", new_inspection_id(cli, interview), "--json")
    assert json.loads(out)[0]["id"] == interview and ID_NO in _row(home, interview)


def new_inspection_id(cli: Cli, interview: str) -> str:
    with sqlite3.connect(cli.home / "inspector.sqlite3") as db:
        (found,) = db.execute(
            "select inspection_id from interviews where id = ?", (interview,)
        ).fetchone()
    return str(found)


def test_one_interviewer_is_refused(cli: Cli, home: Path) -> None:
    interview = _interview(cli, new_inspection(cli))
    before = _row(home, interview)
    _, err = cli("interview", "interviewers", interview[:8], "370100001", expect=1)
    assert "询问人须至少两名执法人员" in err and "现有 1 名" in err
    # The same 执法证号 twice is one 执法人员.
    _, err = cli("interview", "interviewers", interview[:8], "370100001", "370100001", expect=1)
    assert "现有 1 名" in err
    assert _row(home, interview) == before


def test_a_recused_member_is_refused_as_interviewer(cli: Cli, home: Path, tmp_path: Path) -> None:
    """A cross-district team kept an inspector of the inspected district (with a reason): he
    may not act as 询问人, and the record never names him as one."""
    out, _ = cli(
        "inspection", "new", "--institution", "历城区某社区卫生服务中心", "--type",
        "primary_care", "--mode", "cross", "--district", "历城区", "--team-district", "市中区",
        "--inspector", "张伟:370100001:市中区", "--inspector", "李娜:370100002:市中区",
        "--inspector", "王强:370100003:历城区", "--recusal-override", "熟悉当地情况",
    )  # fmt: skip
    inspection_id = out.strip()
    interview = _interview(cli, inspection_id)
    before = _row(home, interview)
    _, err = cli("interview", "interviewers", interview[:8], "370100001", "370100003", expect=1)
    assert "王强（执法证号 370100003）已回避" in err and _row(home, interview) == before
    cli("interview", "interviewers", interview[:8], *MEMBERS)
    text = _build(cli, interview, tmp_path / "w.pdf")
    asked = text[text.index("询问人") : text.index("记录人")]
    assert "张伟" in asked and "李娜" in asked and "王强" not in text


def test_signing_an_incomplete_interview_names_what_is_missing(
    cli: Cli, home: Path, strokes: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys = trial_keys(cli, monkeypatch)
    inspection_id = new_inspection(cli, "--leader", "370100002")
    interview = _interview(cli, inspection_id)
    cli("record", "build", "--interview", interview[:8])
    before = _row(home, interview)
    _, err = cli("record", "sign-hand", inspection_id, "--role", "interviewee", "--name", "刘某",
                 "--strokes", str(strokes), "--interview", interview[:8], expect=1)  # fmt: skip
    for missing in ("询问人（至少两名执法人员）", "记录人", "被询问人身份", "确认意见",
                    "告知申请执法人员回避的权利", "告知如实回答询问", "告知核对笔录"):  # fmt: skip
        assert missing in err, err
    _, err = cli("record", "sign", inspection_id, "--key", keys["370100001"],
                 "--interview", interview[:8], expect=1)  # fmt: skip
    assert "询问人" in err and "记录人" in err and "确认意见" in err and "告知" in err
    out, _ = cli("interview", "check", interview[:8], "--json", expect=1)
    assert len(json.loads(out)["missing"]) == 7
    assert _row(home, interview) == before
    with sqlite3.connect(home / "inspector.sqlite3") as db:
        assert db.execute("select count(*) from handwritten_signatures").fetchone() == (0,)
        assert db.execute("select count(*) from record_signatures").fetchone() == (0,)
    # One 询问人 short after all else is captured: still refused, naming it.
    cli("interview", "edit", interview[:8], "--recorder", "370100001", "--id-no", ID_NO)
    cli("interview", "rights", interview[:8], "--told", "truthful", "read_correct",
        "--reply", "回避=不申请回避")  # fmt: skip
    cli("interview", "confirm", interview[:8], "--text", "看过了，是这样")
    _, err = cli("record", "sign-hand", inspection_id, "--role", "interviewee", "--name", "刘某",
                 "--strokes", str(strokes), "--interview", interview[:8], expect=1)  # fmt: skip
    assert "询问人" in err and "记录人" not in err and "确认意见" not in err


def test_only_captured_facts_are_printed(cli: Cli, tmp_path: Path) -> None:
    inspection_id = new_inspection(cli)
    interview = _interview(cli, inspection_id)
    text = _build(cli, interview, tmp_path / "before.pdf")
    assert "以上笔录我已看过" not in text and "出示行政执法证件" not in text
    assert "（未选定）" in text  # no 询问人 chosen: the whole team is not printed as such
    cli("interview", "interviewers", interview[:8], *MEMBERS)
    cli("interview", "edit", interview[:8], "--recorder", "370100001", "--id-no", ID_NO.lower(),
        "--relation", "本单位职工")  # fmt: skip
    cli("interview", "confirm", interview[:8], "--text", "以上笔录我已看过，与我所说的一致")
    cli("interview", "credentials", interview[:8], "--cert-no", "370100002")
    cli("interview", "rights", interview[:8], "--told", "recusal", "truthful", "read_correct",
        "--reply", "回避=不申请回避")  # fmt: skip
    text = _build(cli, interview, tmp_path / "after.pdf")
    assert "以上笔录我已看过，与我所说的一致" in text
    shown = [line for line in text.splitlines() if "出示行政执法证件" in line]
    assert len(shown) == 1 and "李娜" in shown[0] and "370100002" in shown[0]
    assert "张伟（执法证号 370100001）于" not in text  # 张伟 showed nothing that was captured
    for told in ("申请执法人员回避的权利", "如实回答询问", "核对笔录", "不申请回避"):
        assert told in text
    assert ID_NO in text and "本单位职工" in text
    # The main record lists the interview record by number, interviewee and time.
    cli("record", "build", inspection_id, "--out", str(tmp_path / "record.pdf"))
    record = _text(tmp_path / "record.pdf")
    listed = [line for line in record.splitlines() if "-W01" in line]
    assert listed and "刘某" in listed[0] and "询问时间" in listed[0]


def test_a_confirmation_written_on_the_pad_is_printed_as_written(
    cli: Cli, strokes: Path, tmp_path: Path
) -> None:
    interview = _interview(cli, new_inspection(cli))
    _, err = cli("interview", "confirm", interview[:8], expect=1)
    assert "确认意见" in err
    cli("interview", "confirm", interview[:8], "--strokes", str(strokes))
    text = _build(cli, interview, tmp_path / "w.pdf")
    assert "被询问人核对笔录后的确认意见" in text and "以上笔录我已看过" not in text


def test_signatures_are_voided_by_a_change_after_signing(
    cli: Cli, home: Path, strokes: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from inspector.record.signing import missing_handwritten

    keys, inspection_id, interview = _signed_by_hand(cli, strokes, monkeypatch)
    with Workspace.open(home) as ws:
        assert missing_handwritten(ws, inspection_id, interview) == []
    # The answer is changed after everyone signed: every signature on it is void.
    cli("interview", "edit", interview[:8], "1", "-q", "床位上的病人在哪里？", "-a", "在病房")
    with Workspace.open(home) as ws:
        missing = missing_handwritten(ws, inspection_id, interview)
    assert "被询问人 刘某 的签名已失效（签名后记录内容有变更），须重新签名" in missing, missing
    assert any("张伟" in m and "已失效" in m for m in missing), missing
    cli("record", "build", "--interview", interview[:8])
    _, err = cli("record", "sign", inspection_id, "--key", keys["370100001"],
                 "--interview", interview[:8], expect=1)  # fmt: skip
    assert "请先完成手写签名" in err and "被询问人" in err
    with sqlite3.connect(home / "inspector.sqlite3") as db:  # kept, not deleted
        assert db.execute("select count(*) from handwritten_signatures").fetchone() == (3,)


def test_a_complete_interview_is_signed_by_its_interviewers_and_verifies(
    cli: Cli, home: Path, strokes: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys, inspection_id, interview = _signed_by_hand(cli, strokes, monkeypatch)
    cli("record", "build", "--interview", interview[:8])
    for cert in MEMBERS:
        cli("record", "sign", inspection_id, "--key", keys[cert], "--interview", interview[:8])
    final = tmp_path / "signed.pdf"
    cli("record", "export", "--interview", interview[:8], "--out", str(final))
    out, _ = cli("record", "verify", str(final), "--json", expect=2)  # trial keys: untrusted
    report = json.loads(out)
    assert not report["record_problems"], report
    assert any("与本机数据库一致" in note for note in report["notes"])


@pytest.fixture
def same_start(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    prefix = "5ee5a1e0"
    counter = itertools.count(1)
    with monkeypatch.context() as patch:
        patch.setattr(uuid, "uuid4", lambda: uuid.UUID(f"{prefix}{next(counter):024x}"))
        yield prefix


def test_short_ids_and_an_ambiguous_one_lists_candidates(
    cli: Cli, tmp_path: Path, same_start: str
) -> None:
    inspection_id = new_inspection(cli)
    first = _interview(cli, inspection_id, "刘某")
    second = _interview(cli, inspection_id, "钱某")
    assert first[:8] == second[:8] == same_start
    cli("record", "build", "--interview", second)
    target = tmp_path / "w.pdf"
    # No inspection id needed: the interview names its inspection.
    cli("record", "export", "--interview", second, "--out", str(target))
    assert target.read_bytes().startswith(b"%PDF-")
    for command in (
        ("record", "export", "--interview", same_start, "--out", str(target)),
        ("interview", "check", same_start),
        ("interview", "interviewers", same_start, *MEMBERS),
    ):
        _, err = cli(*command, expect=1)
        assert f"编号 {same_start} 对应多个询问笔录" in err, command
        assert "刘某" in err and "钱某" in err
    other = new_inspection(cli)
    _, err = cli("record", "export", other, "--interview", second, "--out", str(target),
                 expect=1)  # fmt: skip
    assert "不属于检查" in err


# Each of what the interviewee must be shown or told (行政处罚法 第五十五条), left out in turn:
# what the step would have captured, and how the refusal names it.
LEFT_OUT = {
    "张伟's 执法证件": ("credentials 370100001", "询问人张伟（执法证号 370100001）出示执法证件"),
    "李娜's 执法证件": ("credentials 370100002", "询问人李娜（执法证号 370100002）出示执法证件"),
    "回避": ("rights recusal", "告知申请执法人员回避的权利"),
    "如实回答": ("rights truthful", "告知如实回答询问、协助调查的义务"),
    "核对更正": ("rights read_correct", "告知核对笔录、补充或更正的权利"),
    "回避's answer": ("reply recusal", "被询问人对回避告知的答复（如 不申请回避）"),
}


def _tell(cli: Cli, interview: str, leave_out: str) -> None:
    """Each 询问人 shows the 执法证件 and each right is told in a call of its own (the 回避
    notice answered), all but ``leave_out``."""
    for cert in MEMBERS:
        if leave_out != f"credentials {cert}":
            cli("interview", "credentials", interview, "--cert-no", cert)
    for right in ("recusal", "truthful", "read_correct"):
        if leave_out == f"rights {right}":
            continue
        if right == "recusal" and leave_out != "reply recusal":
            cli("interview", "rights", interview, "--reply", "回避=不申请回避")
        else:
            cli("interview", "rights", interview, "--told", right)


@pytest.mark.parametrize("left_out", sorted(LEFT_OUT))
def test_each_credential_and_right_not_captured_is_refused_by_name(
    cli: Cli, home: Path, strokes: Path, monkeypatch: pytest.MonkeyPatch, left_out: str
) -> None:
    step, named = LEFT_OUT[left_out]
    keys = trial_keys(cli, monkeypatch)
    inspection_id = new_inspection(cli, "--leader", "370100002")
    interview = _interview(cli, inspection_id)
    cli("interview", "interviewers", interview[:8], *MEMBERS)
    cli("interview", "edit", interview[:8], "--recorder", "370100001", "--id-no", ID_NO)
    cli("interview", "confirm", interview[:8], "--text", "以上笔录我已看过，与我所说的一致")
    _tell(cli, interview[:8], step)
    out, _ = cli("interview", "check", interview[:8], "--json", expect=1)
    assert json.loads(out)["missing"] == [named]
    cli("record", "build", "--interview", interview[:8])
    before = _row(home, interview)
    for role, name, cert in (("interviewee", "刘某", None), ("inspector", "张伟", "370100001")):
        _, err = cli("record", "sign-hand", inspection_id, "--role", role, "--name", name,
                     *(["--cert-no", cert] if cert else []), "--strokes", str(strokes),
                     "--interview", interview[:8], expect=1)  # fmt: skip
        assert "询问笔录还不能签名" in err and named in err, err
    _, err = cli("record", "refuse", inspection_id, "--representative", "刘某", "--reason",
                 "不签", "--witness", "赵某", "--witness-id-no", "11010519491231002X",
                 "--witness-relation", "无关系", "--witness-strokes", str(strokes),
                 "--interview", interview[:8], expect=1)  # fmt: skip
    assert named in err  # a refusal to sign does not excuse what the 询问人 owed
    _, err = cli("record", "sign", inspection_id, "--key", keys["370100001"],
                 "--interview", interview[:8], expect=1)  # fmt: skip
    assert named in err
    assert _row(home, interview) == before
    with sqlite3.connect(home / "inspector.sqlite3") as db:
        assert db.execute("select count(*) from handwritten_signatures").fetchone() == (0,)
        assert db.execute("select count(*) from record_signatures").fetchone() == (0,)
    _tell(cli, interview[:8], "")  # captured now: the interviewee may sign
    cli("interview", "check", interview[:8])
    cli("record", "sign-hand", inspection_id, "--role", "interviewee", "--name", "刘某",
        "--strokes", str(strokes), "--interview", interview[:8])  # fmt: skip


def test_each_right_is_printed_with_its_own_reply(cli: Cli, home: Path, tmp_path: Path) -> None:
    interview = _interview(cli, new_inspection(cli))
    before = _row(home, interview)
    # One reply for several rights would be printed under each: refused, nothing stored.
    _, err = cli("interview", "rights", interview[:8], "--told", "recusal", "truthful",
                 "--reply", "不申请回避", expect=1)  # fmt: skip
    assert "请写明答复针对哪一项告知" in err and "回避=不申请回避" in err
    _, err = cli("interview", "rights", interview[:8], "--reply", "沉默=不说", expect=1)
    assert "请写明答复针对哪一项告知" in err
    _, err = cli("interview", "rights", interview[:8], expect=1)
    assert "告知事项应为" in err
    assert _row(home, interview) == before
    cli("interview", "rights", interview[:8], "--told", "read_correct",
        "--reply", "回避=不申请回避", "--reply", "truthful=明白，会如实回答")  # fmt: skip
    cli("interview", "rights", interview[:8], "--told", "read_correct", "--reply", "知道了")
    text = _build(cli, interview, tmp_path / "w.pdf")
    told = {
        right: [line for line in text.splitlines() if right in line]
        for right in ("申请执法人员回避的权利", "如实回答询问", "核对笔录、补充或更正")
    }
    assert all(len(lines) == 1 for lines in told.values()), told
    recusal, truthful, correct = (lines[0] for lines in told.values())
    assert "答复：不申请回避" in recusal and "明白" not in recusal
    assert "答复：明白，会如实回答" in truthful and "不申请回避" not in truthful
    assert "答复：知道了" in correct and "不申请回避" not in correct
    assert text.count("不申请回避") == 1
    lines = text.splitlines()
    assert lines.index(recusal) < lines.index(truthful) < lines.index(correct)  # as told
