"""Errors the user can act on. Their message is in Chinese, the language of the users."""

from __future__ import annotations


class InspectorError(Exception):
    """A failure with a message meant for the user (not a bug).

    The message is a template and its values: ``InvalidInput("没有条目 {code}", code="P9")``.
    ``str(error)`` is the Chinese text (the command line's); ``template`` is the message id the
    app translates through Qt (``ui/core_messages.py``), then fills with ``values``."""

    def __init__(self, message: str = "", /, **values: object) -> None:
        self.template = message
        self.values = values
        super().__init__(message.format(**values) if values else message)


class Term(str):
    """A word filled into a message that the UI translates as well (context ``Core``), such as
    the kind of thing an id names (``inspector/ids.py``): ``NotFound("没有编号为 {text} 的{what}",
    text="6004", what=Term("检查"))``."""

    __slots__ = ()


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


class SigningError(InspectorError):
    """A key, a certificate or a PDF cannot be used as asked (inspector/signing/)."""


class VaultError(InspectorError):
    """A key file that cannot be read, or a data directory that cannot be opened
    (inspector/crypto/)."""


class WrongPassphrase(SigningError, VaultError):
    """A passphrase that does not open what it should: a signing key or PKCS#12 file, or the
    data directory's key file. One class, so that the app tells it (and counts the tries) the
    same way wherever it is asked for."""
