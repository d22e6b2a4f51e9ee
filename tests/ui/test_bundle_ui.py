"""Hand-over bundles in the app, offscreen: export off the UI thread, the preview of
what a bundle holds and from whom, the import, and the leader settling a conflict."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from inspector.inspections import (
    InspectionFilter,
    get_inspection,
    save_answer,
)
from inspector.workspace import Workspace
from tests.helpers.bundle import cross_district_inspection, make_laptop
from ui.bundle_dialog import BundleExportDialog, BundleImportDialog, ConflictsDialog
from ui.home import InspectionListModel
from ui.tasks import TaskRunner


@pytest.fixture
def office(template_home: Path, tmp_path: Path) -> Workspace:
    ws = Workspace.open(make_laptop(template_home, tmp_path / "office", "office-laptop"))
    yield ws  # type: ignore[misc]
    ws.close()


def test_export_preview_import_and_settle_in_the_app(
    qtbot: QtBot, workspace: Workspace, office: Workspace, tmp_path: Path
) -> None:
    inspection_id = cross_district_inspection(workspace)
    save_answer(workspace, inspection_id, "P1.1", "ok", actor="370100001")
    runner = TaskRunner()
    dialog = BundleExportDialog(workspace, runner, inspection_id)
    qtbot.addWidget(dialog)
    assert dialog.only_current.isChecked()
    dialog.path.setText(str(tmp_path / "交接包.zip"))
    dialog.receiver.setText("历城区医疗保障局")
    with qtbot.waitSignal(dialog.exported, timeout=60000):
        dialog.start()
    assert (tmp_path / "交接包.zip").is_file() and "交接包.zip" in dialog.message.text()

    importer = BundleImportDialog(office, runner)
    qtbot.addWidget(importer)
    with qtbot.waitSignal(importer.previewed, timeout=60000):
        importer.preview(tmp_path / "交接包.zip")
    assert "设备密钥" in importer.title.text()
    assert "检查组来自 市中区" in importer.details.toPlainText()
    assert importer.import_button.isEnabled()
    with qtbot.waitSignal(importer.imported, timeout=60000):
        importer.import_button.click()
    assert importer.title.text() == "已导入"
    assert get_inspection(office, inspection_id).team_district == "市中区"
    # The host's list: the visit under its own district, the team's home district beside it.
    model = InspectionListModel(office)
    with qtbot.waitSignal(model.filled):  # read on the database executor
        model.set_filters(InspectionFilter(district="历城区"))
    assert model.rowCount() == 1
    assert model.data(model.index(0, 4)) == "历城区（检查组来自 市中区）"

    # Both laptops change the same answer; the next bundle leaves a conflict for the leader.
    save_answer(office, inspection_id, "P1.1", "problem", note="办公室", actor="370100001")
    save_answer(workspace, inspection_id, "P1.1", "na", note="现场", actor="370100001")
    dialog.since.setChecked(True)
    dialog.path.setText(str(tmp_path / "第二次.zip"))
    with qtbot.waitSignal(dialog.exported, timeout=60000):
        dialog.start()
    with qtbot.waitSignal(importer.previewed, timeout=60000):
        importer.preview(tmp_path / "第二次.zip")
    with qtbot.waitSignal(importer.imported, timeout=60000):
        importer.start_import()
    assert "1 项冲突" in importer.title.text() and importer.conflicts_button.isVisibleTo(importer)

    conflicts = ConflictsDialog(office)
    qtbot.addWidget(conflicts)
    qtbot.waitUntil(lambda: conflicts.keep_incoming.isEnabled())  # read on the executor
    assert conflicts.list.count() == 1 and "P1.1" in conflicts.list.item(0).text()
    assert "办公室" in conflicts.details.toPlainText() and "现场" in conflicts.details.toPlainText()
    office.actor = "370100001"  # not the leader
    conflicts.settle("incoming")  # an operation: its refusal arrives on the UI thread
    qtbot.waitUntil(lambda: "组长" in conflicts.message.text())
    assert "组长" in conflicts.message.text() and conflicts.list.count() == 1
    office.actor = "370100002"
    with qtbot.waitSignal(conflicts.settled):
        conflicts.keep_incoming.click()
    assert conflicts.list.count() == 0
    assert get_inspection(office, inspection_id).answers["P1.1"].note == "现场"


def test_a_hostile_bundle_is_refused_in_the_preview(
    qtbot: QtBot, office: Workspace, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"PK\x03\x04 not a whole zip")
    importer = BundleImportDialog(office, TaskRunner())
    qtbot.addWidget(importer)
    with qtbot.waitSignal(importer.failed, timeout=60000):
        importer.preview(bad)
    assert "不完整" in importer.title.text() and not importer.import_button.isEnabled()


def test_a_signer_the_trust_list_lacks_can_be_trusted_for_one_import(
    qtbot: QtBot, workspace: Workspace, office: Workspace, tmp_path: Path
) -> None:
    from cryptography.hazmat.primitives import serialization

    from inspector.bundle import export_bundle
    from inspector.signing import KeyStore
    from inspector.signing.trust import add_trusted
    from tests.helpers.signing_pki import make_ca

    cross_district_inspection(workspace)
    bundle = tmp_path / "交接包.zip"
    export_bundle(workspace, bundle)
    ca = tmp_path / "ca.pem"
    ca.write_bytes(make_ca().pem)
    add_trusted(office, ca)
    importer = BundleImportDialog(office, TaskRunner())
    qtbot.addWidget(importer)
    with qtbot.waitSignal(importer.failed, timeout=60000):
        importer.preview(bundle)
    assert "不在本机信任的签名者之列" in importer.title.text()
    device = KeyStore.of(workspace).device_key(workspace.db.device_id).certificate
    pem = tmp_path / "device.pem"
    pem.write_bytes(device.public_bytes(serialization.Encoding.PEM))
    with qtbot.waitSignal(importer.previewed, timeout=60000):
        assert importer.add_trust(pem)
    with qtbot.waitSignal(importer.imported, timeout=60000):
        importer.start_import()
    assert importer.title.text() == "已导入"
