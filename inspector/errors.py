"""Errors the user can act on. Their message is in Chinese, the language of the users."""

from __future__ import annotations


class InspectorError(Exception):
    """A failure with a message meant for the user (not a bug)."""


class NotFound(InspectorError):
    pass


class InvalidInput(InspectorError):
    pass


class ChecklistError(InspectorError):
    """A checklist file is malformed or inconsistent."""


class StorageError(InspectorError):
    """The database or the evidence store cannot do what was asked (disk full, read-only, ...)."""


class DatabaseTooNew(StorageError):
    pass
