"""The core's messages in the English UI: a core error carries its message
id (the Chinese template) and values; the app translates the id through Qt, the command line
keeps Chinese."""

from __future__ import annotations

import ast
import os
import string
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from inspector.errors import InspectorError, NotFound
from inspector.inspections import TeamMember, create_inspection, save_answer
from inspector.signing import KeyStore
from inspector.workspace import Workspace
from tests.helpers.homes import ROOT
from tests.helpers.signing_pki import make_ca, make_p12
from ui.core_messages import CORE_MESSAGES, core_message
from ui.keys_dialog import KeysDialog

# Where the errors users meet in the app are raised: answers, evidence intake, signing,
# verification and the trust list.
MODULES = [
    "inspector/inspections.py",
    "inspector/change.py",  # the unit of work
    "inspector/drug_checks.py",
    "inspector/evidence/intake.py",
    "inspector/evidence/store.py",
    "inspector/evidence/media.py",
    "inspector/record/signing.py",
    "inspector/record/content.py",
    "inspector/record/interview.py",
    "inspector/record/interview_rules.py",
    "inspector/record/legal.py",  # the law's minimums of an on-site record
    "inspector/record/facts.py",
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
    "inspector/workdays.py",  # the working-day calendar of deadlines
    "inspector/leads/store.py",  # leads to verify on site
    "inspector/leads/feedback.py",
    "inspector/crypto/sealed.py",
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
    "inspector/central/dashboard.py",
    # campaigns (专项行动): made at the office, installed and shown on laptops
    "inspector/campaigns/__init__.py",
    "inspector/campaigns/local.py",
    "inspector/central/campaigns.py",
    "inspector/central/office_signer.py",
    "inspector/central/cases.py",  # the case procedure's rows in a push
    # Records that last (PAdES B-LTA): archiving, re-timestamping, validation as of a date.
    "inspector/signing/archive.py",
    "inspector/central/archive.py",
    # Modules whose messages carry values, and the database's known failures.
    "inspector/audit.py",
    "inspector/checklists/composer.py",
    "inspector/checklists/library.py",
    "inspector/claims/reader.py",
    "inspector/settlement/reader.py",
    "inspector/settlement/store.py",
    "inspector/evidence/annotate.py",
    "inspector/evidence/export.py",
    "inspector/evidence/manage.py",
    "inspector/evidence/sealing.py",
    "inspector/planning/publish.py",
    "inspector/planning/weights.py",
    "inspector/registry/queries.py",
    "inspector/signing/verify.py",
    "inspector/db/migrate.py",
    "inspector/bureaus.py",
    # The rule engine: packs, knowledge files, runs (the 线索与疑点 screen runs them).
    "inspector/rules/library.py",
    "inspector/rules/knowledge.py",
    "inspector/rules/stock.py",
    "inspector/rules/store.py",
    "inspector/cases/documents.py",  # a case's documents
    "inspector/cases/stage_documents.py",
    # The case procedure: its steps, measures, payments and deadlines.
    "inspector/cases/core.py",
    "inspector/cases/steps.py",
    "inspector/cases/measures.py",
    "inspector/cases/deadlines.py",
    "inspector/cases/figures.py",
    # Compulsory measures and referrals, and the referral bundle.
    "inspector/enforcement/measures.py",
    "inspector/enforcement/referrals.py",
    "inspector/bundle/referral.py",
    # The 追溯码 sweep on site.
    "inspector/trace/codes.py",
    "inspector/trace/purchases.py",
    "inspector/trace/scans.py",
    "inspector/trace/service.py",
    # The office assigns: its draws and assignments, and the laptop's pull of them.
    "inspector/central/assignments.py",
    "inspector/central/pull_assignments.py",
    # The 情况报告 over every laptop (the office page and central report).
    "inspector/central/reports.py",
    # A campaign's reports: 情况报告, 季度统计表, 总结 (the office page and server campaign report).
    "inspector/central/campaign_reports.py",
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
    "ChecklistError",
    "DatabaseTooNew",
    "NoOfficeKey",
    "NoSuchCampaign",
    "AssignmentsRefused",
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


# Modules allowed to build a message with an f-string: module -> how many (none; an exception
# would be counted here, not silently allowed).
F_STRINGS_LEFT: dict[str, int] = {}


def _error_classes() -> set[str]:
    """InspectorError and every class of the core that derives from it (by name)."""
    bases: dict[str, set[str]] = {}
    for path in (ROOT / "inspector").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                names = {
                    b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in node.bases
                }
                bases.setdefault(node.name, set()).update(names)
    found = {"InspectorError"}
    while True:
        more = {name for name, parents in bases.items() if parents & found} - found
        if not more:
            return found
        found |= more


def test_no_core_error_is_built_from_an_f_string() -> None:
    """Across the whole core (the command line's modules too): a template and its values, so
    that the message id can be looked up and translated."""
    classes = _error_classes() | {"_invalid"}
    assert {"WrongPassphrase", "ChecklistError", "DatabaseTooNew"} <= classes
    found: dict[str, list[int]] = {}
    for path in sorted((ROOT / "inspector").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name in classes and isinstance(node.args[0], ast.JoinedStr):
                found.setdefault(path.relative_to(ROOT).as_posix(), []).append(node.lineno)
    counts = {module: len(lines) for module, lines in found.items()}
    assert counts == F_STRINGS_LEFT, found


def test_the_storage_failures_users_meet_are_listed(english: None) -> None:
    from inspector.db import errors

    shown = {*errors.MESSAGES.values(), errors.SIGNED_AND_LOCKED}
    assert shown <= CORE_MESSAGES
    assert QCoreApplication.translate("Core", errors.DISK_FULL).startswith("The disk is full")
    # And the files' (evidence, records, the ledger's attachments).
    import errno

    from inspector.evidence.store import disk_error

    for number in (errno.ENOSPC, errno.EACCES, errno.EIO):
        error = disk_error(OSError(number, os.strerror(number)))
        assert error.template in CORE_MESSAGES
        assert core_message(error) != str(error)


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
