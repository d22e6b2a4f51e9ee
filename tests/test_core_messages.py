"""The core's messages in the English UI (issue 15, defect 6): a core error carries its message
id (the Chinese template) and values; the app translates the id through Qt, the command line
keeps Chinese."""

from __future__ import annotations

import ast
import string
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from pytestqt.qtbot import QtBot

from inspector.errors import InspectorError, NotFound
from inspector.inspections import TeamMember, create_inspection, save_answer
from inspector.resources import resource_path
from inspector.signing import KeyStore
from inspector.workspace import Workspace
from ui.core_messages import CORE_MESSAGES, core_message
from ui.keys_dialog import KeysDialog

from .signing_pki import make_ca, make_p12

ROOT = Path(__file__).resolve().parent.parent
# Where the errors users meet in the app are raised: answers, evidence intake, signing,
# verification and the trust list.
MODULES = [
    "inspector/inspections.py",
    "inspector/change.py",  # the unit of work (its templates moved from inspections.py)
    "inspector/drug_checks.py",
    "inspector/evidence/intake.py",
    "inspector/evidence/store.py",
    "inspector/evidence/media.py",
    "inspector/record/signing.py",
    "inspector/record/content.py",
    "inspector/signing/keystore.py",
    "inspector/signing/sign.py",
    "inspector/signing/trust.py",
    "inspector/planning/service.py",
    "inspector/planning/draw.py",
    "inspector/planning/rfc3797.py",
    "inspector/claims/sampling.py",
    "inspector/tables.py",
    "inspector/stock/ledgers.py",
    "inspector/stock/reconcile.py",
    "inspector/stock/service.py",
    "inspector/ledger/entries.py",
    "inspector/ledger/cases.py",
    "inspector/ledger/follow_up.py",
    "inspector/ledger/report.py",
    "inspector/ledger/order.py",
    "inspector/bundle/format.py",
    "inspector/bundle/signature.py",
    "inspector/bundle/export.py",
    "inspector/bundle/verify.py",
    "inspector/bundle/merge.py",
    "inspector/bundle/devices.py",
    "inspector/bundle/signed.py",
    "inspector/crypto/vault.py",
    "inspector/crypto/home.py",
    "inspector/crypto/tries.py",
    "inspector/crypto/files.py",
    "inspector/record/store.py",
    "inspector/central/client.py",
    "inspector/central/service.py",
    "inspector/central/auth.py",
    "inspector/central/store.py",
    "inspector/central/app.py",
    "inspector/central/office.py",
]
ERRORS = {
    "InspectorError",
    "NotFound",
    "InvalidInput",
    "StorageError",
    "SigningError",
    "KeyRefused",
    "WrongPassphrase",
    "CertNoMissing",
    "BundleError",
    "BundleRefused",
    "VaultError",
    "Locked",
    "SyncError",
    "ServerRefused",
    "Refused",
    "BaseUnknown",
    "Unauthorized",
    "_invalid",
}


def _raised(path: Path) -> Iterator[tuple[int, ast.expr]]:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ERRORS
            and node.args
        ):
            yield node.lineno, node.args[0]


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.fixture
def english(qapp: QCoreApplication) -> Iterator[None]:
    translator = QTranslator()
    assert translator.load(str(resource_path("translations", "inspector_en.qm")))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def test_every_core_message_users_meet_has_a_message_id() -> None:
    """No f-string (its words could not be looked up), every template listed for lupdate."""
    unlisted = []
    for module in MODULES:
        for line, arg in _raised(ROOT / module):
            where = f"{module}:{line}"
            assert not isinstance(arg, ast.JoinedStr), f"{where}: a template and values, please"
            if isinstance(arg, ast.Constant) and arg.value not in CORE_MESSAGES:
                unlisted.append((where, arg.value))
    assert unlisted == [], "add these to ui/core_messages.py and translate them"
    assert len(CORE_MESSAGES) > 100


def test_every_translation_keeps_the_placeholders(english: None) -> None:
    for template in CORE_MESSAGES:
        translated = QCoreApplication.translate("Core", template)
        assert translated != template, template
        assert _fields(translated) == _fields(template), (template, translated)


def test_the_english_ui_shows_a_core_error_in_english(english: None, workspace: Workspace) -> None:
    inspection_id = create_inspection(
        workspace,
        institution="某社区卫生服务中心",
        type_code="primary_care",
        mode="surprise",
        district="历城区",
        team=[TeamMember("张伟", "370100001")],
    )
    with pytest.raises(NotFound) as caught:
        save_answer(workspace, inspection_id, "P9.99", "ok")
    assert str(caught.value) == "本次检查的清单中没有条目 P9.99"  # the command line's
    assert core_message(caught.value) == "The checklist of this inspection has no item P9.99"
    # Not a listed id: shown as the core wrote it.
    assert core_message(InspectorError("别的消息")) == "别的消息"
    assert core_message(ValueError("x")) == "x"


def test_the_keys_dialog_in_english(
    english: None, qtbot: QtBot, tmp_path: Path, synchronous_tasks: None
) -> None:
    dialog = KeysDialog(KeyStore(tmp_path / "home"))
    qtbot.addWidget(dialog)
    p12 = tmp_path / "zw.p12"
    p12.write_bytes(make_p12(make_ca(), "张伟", "370100001"))
    assert dialog.import_pkcs12(p12, "not the passphrase") is None
    assert dialog.message.text() == "Wrong passphrase: the PKCS#12 file cannot be opened"
    bare = tmp_path / "bare.p12"
    bare.write_bytes(make_p12(make_ca(), "李娜", ""))
    assert dialog.import_pkcs12(bare, "p12-passphrase") is None and dialog.needs_cert_no
    assert "carries no enforcement certificate number" in dialog.message.text()
    info = dialog.import_pkcs12(bare, "p12-passphrase", "370100002")
    assert info is not None and info.cert_no == "370100002"
