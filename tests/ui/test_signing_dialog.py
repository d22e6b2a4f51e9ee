"""Signing on site through the app: statement, handwritten signatures drawn on the pad (a
refusal with a witness), the record made, then the team's digital signatures, leader last."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from inspector.db.models import InspectionStatus
from inspector.inspections import TeamMember, create_inspection, get_inspection
from inspector.record.build import build_record
from inspector.record.content import get_statement, signatures
from inspector.record.status import latest_record
from inspector.signing.keystore import KeyStore
from inspector.workspace import Workspace
from tests.helpers.lawful import finish_lawfully
from ui.signing_dialog import SigningDialog
from ui.tasks import TaskRunner

PASSPHRASE = "试用口令-123456"


@pytest.fixture(autouse=True)
def quiet(monkeypatch: pytest.MonkeyPatch, synchronous_tasks: None) -> Iterator[None]:
    # Message boxes would wait for a click; the tests read the state instead.
    for name in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: QMessageBox.StandardButton.Ok)
    yield


def draw(qtbot: QtBot, dialog: SigningDialog) -> None:
    canvas = dialog.pad.canvas
    points = [(20, 40), (60, 90), (100, 40), (140, 90)]
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(*points[0]))
    for x, y in points[1:]:
        qtbot.mouseMove(canvas, QPoint(x, y))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(*points[-1]))


def test_the_team_signs_by_hand_then_digitally(qtbot: QtBot, workspace: Workspace) -> None:
    inspection_id = create_inspection(
        workspace,
        institution="某社区卫生服务中心",
        type_code="primary_care",
        mode="surprise",
        district="历城区",
        team=[TeamMember("张伟", "370100001"), TeamMember("李娜", "370100002")],
        leader="370100002",
    )
    store = KeyStore(workspace.home)
    keys = {
        cert: store.self_signed_for_trials(name, cert, PASSPHRASE).key_id
        for name, cert in (("张伟", "370100001"), ("李娜", "370100002"))
    }
    finish_lawfully(workspace, inspection_id)
    dialog = SigningDialog(workspace, TaskRunner(), inspection_id)
    qtbot.addWidget(dialog)
    dialog.show()

    dialog.representative.setText("王某")
    dialog.title.setText("院长")
    dialog.statement.setPlainText("对检查结论有异议。")
    assert dialog.save_statement()
    assert get_statement(workspace, inspection_id) == ("对检查结论有异议。", "王某", "院长")

    assert not dialog.save_signature()  # nothing drawn yet
    for index in range(2):  # both inspectors
        dialog.signer.setCurrentIndex(index)
        draw(qtbot, dialog)
        assert dialog.save_signature()
    dialog.signer.setCurrentIndex(2)  # the party refuses; a witness signs
    dialog.refused.setChecked(True)
    assert dialog.reason.isVisibleTo(dialog)
    dialog.reason.setText("认为检查结果不实")
    dialog.witness.setText("赵某")
    dialog.witness_id.setText("11010519491231002X")
    dialog.witness_relation.setText("居委会工作人员，与被检查单位无关系")
    draw(qtbot, dialog)
    assert dialog.save_signature()
    kept = signatures(workspace, inspection_id)
    assert sorted(s.role for s in kept) == ["inspector", "inspector", "party", "witness"]
    assert all(len(s.image_png or b"") > 100 for s in kept if not s.refused)

    build_record(workspace, inspection_id)
    dialog.refresh()
    assert dialog.key.count() == 2
    dialog.key.setCurrentIndex(dialog.key.findData(keys["370100002"]))  # the leader first:
    dialog.passphrase.setText(PASSPHRASE)
    dialog.sign()
    assert latest_record(workspace, inspection_id).signed_by == set()  # refused, not signed
    for cert in ("370100001", "370100002"):
        dialog.key.setCurrentIndex(dialog.key.findData(keys[cert]))
        dialog.passphrase.setText(PASSPHRASE)
        dialog.sign()
        assert dialog.passphrase.text() == ""  # never left in the field
    assert latest_record(workspace, inspection_id).signed_by == {"370100001", "370100002"}
    assert get_inspection(workspace, inspection_id).status is InspectionStatus.SIGNED
    assert "已签名锁定" in dialog.status.text()
    assert not dialog.save_signature_button.isEnabled()
