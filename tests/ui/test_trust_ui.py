"""The trust list under the keys dialog and the record check in the app, offscreen."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from pytestqt.qtbot import QtBot

from inspector.audit import export_events
from inspector.signing import KeyStore
from inspector.workspace import Workspace
from tests.helpers.cli import Cli, ready_record, sign_all
from tests.helpers.signing_pki import CA
from ui.keys_dialog import KeysDialog
from ui.tasks import TaskRunner
from ui.trust_dialog import VerifyDialog


def test_the_trust_list_in_the_keys_dialog(
    qtbot: QtBot, workspace: Workspace, ca: CA, tmp_path: Path, synchronous_tasks: None
) -> None:
    dialog = KeysDialog(KeyStore(workspace.home), workspace=workspace)
    qtbot.addWidget(dialog)
    trust = dialog.trust
    assert trust is not None and trust.table.rowCount() == 0
    pem = tmp_path / "ca.pem"
    pem.write_bytes(ca.pem)
    with qtbot.waitSignal(trust.changed):
        added = trust.add_certificate(pem)
    assert added and trust.table.rowCount() == 1
    assert "济南市医疗保障局测试 CA" in trust.table.item(0, 0).text()
    assert trust.add_certificate(pem) is None
    assert "已经在信任列表中" in trust.message.text()

    trial = dialog.make_trial("张伟", "370100001", "trial-passphrase")
    assert trial is not None
    cert = KeyStore(workspace.home).certificate(trial.key_id)
    trial_pem = tmp_path / "trial.pem"
    trial_pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    assert trust.add_certificate(trial_pem) is None
    assert "试用" in trust.message.text() and trust.table.rowCount() == 1

    trust.table.selectRow(0)
    assert trust.remove_button.isEnabled()
    with qtbot.waitSignal(trust.changed):
        trust.remove_button.click()
    assert trust.table.rowCount() == 0
    log = tmp_path / "log.jsonl"
    export_events(workspace, log)
    actions = [json.loads(line)["action"] for line in log.read_text(encoding="utf-8").splitlines()]
    assert actions.count("trust.add") == 1 and actions.count("trust.remove") == 1


@pytest.mark.skipif(shutil.which("pdfsig") is None, reason="needs poppler-utils")
def test_the_app_says_the_three_verdicts(
    qtbot: QtBot,
    cli: Cli,
    ca: CA,
    bureau_keys: dict[str, str],
    tmp_path: Path,
    workspace: Workspace,
) -> None:
    first, final = sign_all(cli, ready_record(cli, tmp_path), bureau_keys)
    dialog = VerifyDialog(workspace, TaskRunner())
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.verified, timeout=30000):
        dialog.verify(final)
    assert dialog.verdict.text() == "结论：完好但签名者未获信任"
    pem = tmp_path / "ca.pem"
    pem.write_bytes(ca.pem)
    cli("config", "trust", "add", str(pem))
    with qtbot.waitSignal(dialog.verified, timeout=30000):
        dialog.verify(final)
    assert dialog.verdict.text() == "结论：通过"
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(first.read_bytes())
    with qtbot.waitSignal(dialog.verified, timeout=30000):
        dialog.verify(cut)
    assert dialog.verdict.text() == "结论：不通过"
    assert "缺少 李娜" in dialog.report.toPlainText()
    assert json.dumps(dialog.check.problems, ensure_ascii=False).count("李娜") >= 1
