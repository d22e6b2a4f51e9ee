"""The command line as the tests run it: in-process against one data directory, or ``python
main.py`` in a child process; and the steps of a visit made through it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from inspector.cli import main as cli_main
from tests.helpers.homes import ROOT


class Cli:
    """Runs the command line in-process against one data directory."""

    def __init__(self, home: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.home = home
        self.capsys = capsys

    def __call__(self, *args: str, expect: int | None = 0) -> tuple[str, str]:
        """Run a command; ``expect=None`` takes any exit status."""
        self.capsys.readouterr()
        code = cli_main([*args, "--home", str(self.home)])
        out, err = self.capsys.readouterr()
        assert expect is None or code == expect, (
            f"exit {code}, expected {expect}\nstdout: {out}\nstderr: {err}"
        )
        return out, err


def run_main(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python main.py ...`` in a child process, as a user runs it."""
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, **(env or {})},
        timeout=120,
        check=False,
    )


TEAM = ["--inspector", "张伟:370100001", "--inspector", "李娜:370100002"]


def new_inspection(cli: Cli, *extra: str, type_code: str = "primary_care") -> str:
    out, _ = cli(
        "inspection",
        "new",
        "--institution",
        "历城区某社区卫生服务中心",
        "--type",
        type_code,
        "--mode",
        "surprise",
        "--district",
        "历城区",
        *TEAM,
        *extra,
    )
    return out.strip()


# Two strokes of handwriting: what the tests sign with by hand.
STROKES = [[[0, 0], [20, 30], [40, 0], [60, 30]], [[5, 40], [55, 40]]]
MEMBERS = (("张伟", "370100001"), ("李娜", "370100002"))  # TEAM's names and 执法证号; 李娜 leads


def trial_keys(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """A trial signing key for each member of TEAM, by 执法证号."""
    monkeypatch.setenv("INSPECTOR_KEY_PASSPHRASE", "口令-正确-1234")
    keys = {}
    for name, cert in MEMBERS:
        out, _ = cli("key", "trial", "--name", name, "--cert-no", cert, "--json")
        keys[cert] = json.loads(out)["key_id"]
    return keys


def sign_by_hand(
    cli: Cli,
    inspection_id: str,
    tmp_path: Path,
    *,
    party_signs: bool = False,
    reason: str = "不认可",
) -> None:
    """What a record needs before it is built: both inspectors sign by hand, and the party
    signs too or refuses (for ``reason``) before a witness; the law's minimums are captured
    (tests/helpers/lawful.py); then the visit is finished and its record built."""
    from tests.helpers.lawful import lawful_cli

    lawful_cli(cli, inspection_id)  # the law's minimums, captured before anyone signs
    strokes = tmp_path / "strokes.json"
    strokes.write_text(json.dumps(STROKES), encoding="utf-8")
    for name, cert in MEMBERS:
        cli("record", "sign-hand", inspection_id, "--role", "inspector", "--name", name,
            "--cert-no", cert, "--strokes", str(strokes))  # fmt: skip
    if party_signs:
        cli("record", "sign-hand", inspection_id, "--role", "party", "--name", "王某",
            "--strokes", str(strokes))  # fmt: skip
    else:
        cli("record", "refuse", inspection_id, "--representative", "王某", "--reason", reason,
            "--witness", "赵某", "--witness-id-no", "11010519491231002X",
            "--witness-relation", "无关系", "--witness-strokes", str(strokes))  # fmt: skip
    cli("inspection", "finish", inspection_id)
    cli("record", "build", inspection_id)


def ready_record(cli: Cli, tmp_path: Path) -> str:
    """A visit whose record is built, every handwritten signature on it (the party signs)."""
    inspection_id = new_inspection(cli, "--leader", "370100002")
    sign_by_hand(cli, inspection_id, tmp_path, party_signs=True)
    return inspection_id


def sign_all(cli: Cli, inspection_id: str, keys: dict[str, str]) -> tuple[Path, Path]:
    """Both inspectors sign the record digitally, the leader last: the two signed files."""
    out, _ = cli("record", "sign", inspection_id, "--key", keys["370100001"], "--json")
    first = Path(json.loads(out)["path"])
    out, _ = cli("record", "sign", inspection_id, "--key", keys["370100002"], "--json")
    return first, Path(json.loads(out)["path"])


INTERVIEWEE_ID_NO = "11010519491231002X"  # a 公民身份号码 with a right check character


def interview_ready(cli: Cli, interview: str, *, recorder: str = "370100001") -> None:
    """What the law asks of an interview before anyone signs it: TEAM as 询问人, a 记录人, the
    interviewee identified with the relation to the party, each 询问人's 执法证件 shown, every
    right told (the 回避 notice answered), the interviewee's own confirmation."""
    certs = [cert for _name, cert in MEMBERS]
    cli("interview", "interviewers", interview, *certs)
    cli("interview", "edit", interview, "--recorder", recorder, "--id-no", INTERVIEWEE_ID_NO,
        "--relation", "本单位职工")  # fmt: skip
    for cert in certs:
        cli("interview", "credentials", interview, "--cert-no", cert)
    cli("interview", "rights", interview, "--told", "truthful", "read_correct",
        "--reply", "回避=不申请回避")  # fmt: skip
    cli("interview", "confirm", interview, "--text", "以上笔录我已看过，与我所说的一致")
