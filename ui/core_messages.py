"""The core's messages in the UI's language. A core error carries a message id (its Chinese
template) and the values to fill in (``inspector.errors.InspectorError``); here the id goes
through Qt's translations (context ``Core``), so the English UI shows English while the command
line stays Chinese. A message not listed here is shown as the core wrote it.

Every template the core raises in the modules users meet in the app (answers, evidence intake,
signing, verification, the trust list) is listed: ``tests/test_core_messages.py`` checks it."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

# Literal QT_TRANSLATE_NOOP calls, so that lupdate finds every message id.
CORE_MESSAGES: frozenset[str] = frozenset((QT_TRANSLATE_NOOP("Core", "这些证书已经在信任列表中"),))


def core_message(error: BaseException) -> str:
    """The error's message in the UI's language."""
    template = getattr(error, "template", None)
    values = getattr(error, "values", None) or {}
    if not isinstance(template, str) or template not in CORE_MESSAGES:
        return str(error)
    text = QCoreApplication.translate("Core", template)
    try:
        return text.format(**values) if values else text
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
        return str(error)
