"""Signatures bound to what was signed, through the app's real buttons: the party signed "无异议"
under one finding of ¥1,000; the team made it two findings of ¥150,000; the signing screen names
the party's signature as void, shows the new record to read, refuses the digital signature until
the party has signed again, and the locked record carries the new signature only. Also: the
screen opens on the record, not in 陈述人, and a 拒签 is saved with the witness's identity."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from inspector.db.models import InspectionStatus
from inspector.inspections import (
    TeamMember,
    create_inspection,
    finish_inspection,
    get_inspection,
    record_answer,
    reopen_inspection,
)
from inspector.record.build import build_record
from inspector.record.content import add_signature, set_statement, signatures
from inspector.record.status import latest_record
from inspector.signing.keystore import KeyStore
from inspector.workspace import Workspace
from tests.helpers.lawful import lawful
from ui.record_dialog import RecordDialog
from ui.signing_dialog import SigningDialog
from ui.tasks import TaskRunner

PASSPHRASE = "试用口令-123456"
OLD = [[[0, 0], [20, 30], [40, 0], [60, 30]]]


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch, synchronous_tasks: None) -> Iterator[list[str]]:
    """Message boxes answered at once; what they said, kept."""
    said: list[str] = []
    for name in ("information", "warning"):
        monkeypatch.setattr(
            QMessageBox, name, lambda _p, _t, text, *a: said.append(text) or QMessageBox.Ok
        )
    yield said


def draw(qtbot: QtBot, dialog: SigningDialog, points: list[tuple[int, int]]) -> None:
    canvas = dialog.pad.canvas
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(*points[0]))
    for x, y in points[1:]:
        qtbot.mouseMove(canvas, QPoint(x, y))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(*points[-1]))


def click(qtbot: QtBot, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isEnabled() and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _party_signed_then_changed(ws: Workspace) -> str:
    inspection_id = create_inspection(
        ws,
        institution="某社区卫生服务中心",
        type_code="primary_care",
        mode="surprise",
        district="历城区",
        team=[TeamMember("张伟", "370100001"), TeamMember("李娜", "370100002")],
        leader="370100002",
    )
    record_answer(ws, inspection_id, "P5.1", "problem", note="床位空置", amount="1000")
    set_statement(ws, inspection_id, "无异议", "王某", "院长")
    lawful(ws, inspection_id)  # the law's minimums, captured before anyone signs
    for name, cert in (("张伟", "370100001"), ("李娜", "370100002")):
        add_signature(ws, inspection_id, "inspector", name, OLD, cert_no=cert)
    add_signature(ws, inspection_id, "party", "王某", OLD, confirmation="signature")
    finish_inspection(ws, inspection_id)
    build_record(ws, inspection_id)
    reopen_inspection(ws, inspection_id)
    record_answer(ws, inspection_id, "P5.1", "problem", note="床位空置", amount="150000")
    record_answer(ws, inspection_id, "P1.1", "problem", note="无资质人员执业", amount="150000")
    lawful(ws, inspection_id)  # the new finding's evidence, or why there is none
    finish_inspection(ws, inspection_id)
    return inspection_id


def _open(qtbot: QtBot, ws: Workspace, inspection_id: str) -> SigningDialog:
    dialog = SigningDialog(ws, TaskRunner(), inspection_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _rebuild(qtbot: QtBot, ws: Workspace, inspection_id: str) -> str:
    """Make the record again with the record screen's button; what its status then says."""
    record = RecordDialog(ws, TaskRunner(), inspection_id)
    qtbot.addWidget(record)
    record.show()
    click(qtbot, record.build_button)
    said = record.status.text()
    record.close()
    return said


def _sign_digitally(qtbot: QtBot, dialog: SigningDialog, key_id: str) -> None:
    dialog.key.setCurrentIndex(dialog.key.findData(key_id))
    dialog.passphrase.setText(PASSPHRASE)
    click(qtbot, dialog.sign_button)


def test_a_void_party_signature_is_named_and_signed_again_through_the_buttons(
    qtbot: QtBot, workspace: Workspace, boxes: list[str]
) -> None:
    inspection_id = _party_signed_then_changed(workspace)
    store = KeyStore(workspace.home)
    keys = {
        cert: store.self_signed_for_trials(name, cert, PASSPHRASE).key_id
        for name, cert in (("张伟", "370100001"), ("李娜", "370100002"))
    }
    said = _rebuild(qtbot, workspace, inspection_id)
    assert "被检查单位代表 王某 的签名已失效（签名后记录内容有变更）" in said
    dialog = _open(qtbot, workspace, inspection_id)

    # Opens on the record to read, not in 陈述人; the record shown is the new one.
    assert dialog.focusWidget() is not dialog.representative
    assert dialog.focusWidget() is dialog.preview
    assert dialog.document.pageCount() >= 1
    status = dialog.status.text()
    assert "被检查单位代表 王某 的签名已失效（签名后记录内容有变更）" in status
    assert "检查人员 张伟 的签名已失效" in status

    # The inspectors sign again by hand, with the real buttons.
    for index in range(2):
        dialog.signer.setCurrentIndex(index)
        draw(qtbot, dialog, [(20, 40), (60, 90), (100, 40)])
        click(qtbot, dialog.save_signature_button)
    _rebuild(qtbot, workspace, inspection_id)
    dialog.refresh()
    boxes.clear()
    _sign_digitally(qtbot, dialog, keys["370100001"])
    assert any("被检查单位代表 王某 的签名已失效" in text for text in boxes), boxes
    assert latest_record(workspace, inspection_id).signed_by == set()
    assert get_inspection(workspace, inspection_id).status is InspectionStatus.AWAITING_SIGNATURES

    # The party reads the record on the screen and signs again.
    dialog.signer.setCurrentIndex(dialog.signer.count() - 1)
    assert dialog.confirmation.isVisible() and not dialog.witness_id.isVisible()
    draw(qtbot, dialog, [(10, 10), (150, 10), (80, 120)])
    click(qtbot, dialog.save_signature_button)
    _rebuild(qtbot, workspace, inspection_id)
    dialog.refresh()
    for cert in ("370100001", "370100002"):
        _sign_digitally(qtbot, dialog, keys[cert])
    assert get_inspection(workspace, inspection_id).status is InspectionStatus.SIGNED
    live = [s for s in signatures(workspace, inspection_id) if s.role == "party"]
    void = [
        s
        for s in signatures(workspace, inspection_id, include_void=True)
        if s.role == "party" and s.voided_at is not None
    ]
    assert len(live) == 1 and len(void) == 1 and live[0].image_png != void[0].image_png
    assert live[0].confirmation == "signature"
    assert "还需手写签名" not in dialog.status.text()


def test_a_refusal_through_the_buttons_keeps_the_witness_identity(
    qtbot: QtBot, workspace: Workspace, boxes: list[str]
) -> None:
    inspection_id = create_inspection(
        workspace,
        institution="某社区卫生服务中心",
        type_code="primary_care",
        mode="surprise",
        district="历城区",
        team=[TeamMember("张伟", "370100001"), TeamMember("李娜", "370100002")],
    )
    dialog = _open(qtbot, workspace, inspection_id)
    dialog.signer.setCurrentIndex(dialog.signer.count() - 1)
    # On its box: a check box's wide row is not all of it a hit.
    qtbot.mouseClick(
        dialog.refused, Qt.MouseButton.LeftButton, pos=QPoint(8, dialog.refused.height() // 2)
    )
    assert dialog.refused.isChecked()
    assert dialog.witness_id.isVisible() and not dialog.confirmation.isVisible()
    dialog.representative.setText("王某")
    dialog.reason.setText("认为检查结果不实")
    dialog.witness.setText("赵某")
    dialog.witness_id.setText("110105194912310021")  # a wrong check digit
    dialog.witness_relation.setText("居委会工作人员")
    draw(qtbot, dialog, [(20, 40), (60, 90), (100, 40)])
    click(qtbot, dialog.save_signature_button)
    assert any("校验位" in text for text in boxes)
    assert signatures(workspace, inspection_id, include_void=True) == []
    dialog.witness_id.setText("11010519491231002X")
    click(qtbot, dialog.save_signature_button)
    witness = next(s for s in signatures(workspace, inspection_id) if s.role == "witness")
    assert (witness.signer_name, witness.id_no, witness.relation) == (
        "赵某",
        "11010519491231002X",
        "居委会工作人员",
    )


def test_the_bureau_s_way_of_confirming_is_the_screen_s_default(
    qtbot: QtBot, workspace: Workspace, boxes: list[str]
) -> None:
    inspection_id = create_inspection(
        workspace,
        institution="某社区卫生服务中心",
        type_code="primary_care",
        mode="surprise",
        district="历城区",
        team=[TeamMember("张伟", "370100001"), TeamMember("李娜", "370100002")],
    )
    assert _open(qtbot, workspace, inspection_id).confirmation.currentData() == "signature"
    workspace.db.set_setting("party_confirmation", "initials")
    assert _open(qtbot, workspace, inspection_id).confirmation.currentData() == "initials"
