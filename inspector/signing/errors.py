"""Errors of the signing library; their message is in Chinese, for the user."""

from __future__ import annotations

from inspector.errors import SigningError, WrongPassphrase

__all__ = ["KeyRefused", "SigningError", "WrongPassphrase"]


class KeyRefused(SigningError):
    """A PKCS#12 file, key or certificate that does not meet the requirements."""
