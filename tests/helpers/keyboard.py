"""Typing as a user does."""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget


def ime_type(widget: QWidget, text: str) -> None:
    """Type Chinese as an input method does: each phrase arrives as a committed string (QTest's
    key clicks are ASCII only)."""
    for phrase in text.split(" "):
        event = QInputMethodEvent("", [])
        event.setCommitString(phrase)
        QApplication.sendEvent(widget, event)
