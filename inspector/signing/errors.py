"""Errors of the signing library; their message is in Chinese, for the user."""

from __future__ import annotations

from inspector.errors import InspectorError


class SigningError(InspectorError):
    """A key, a certificate or a PDF cannot be used as asked."""


class WrongPassphrase(SigningError):
    pass


class KeyRefused(SigningError):
    """A PKCS#12 file, key or certificate that does not meet the requirements."""
