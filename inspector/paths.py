"""Where Inspector keeps its data: ``--home``, then ``INSPECTOR_HOME``, then the platform's
user data directory."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from inspector import APP_NAME

if TYPE_CHECKING:
    from inspector.crypto.files import FileCipher

ENV_HOME = "INSPECTOR_HOME"


@dataclass(frozen=True)
class DataDir:
    root: Path
    # Set while an encrypted data directory is unlocked: the stores encrypt and decrypt with it.
    cipher: FileCipher | None = field(default=None, compare=False, repr=False)

    @property
    def vault(self) -> Path:
        """The master key's wraps (inspector/crypto/vault.py): there when encrypted."""
        return self.root / "vault.json"

    @property
    def encrypted(self) -> bool:
        return self.vault.exists()

    @property
    def database(self) -> Path:
        return self.root / "inspector.sqlite3"

    @property
    def evidence(self) -> Path:
        return self.root / "evidence"

    @property
    def records(self) -> Path:
        return self.root / "records"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def checklists(self) -> Path:
        """Checklist files installed by the user (a bureau's new campaign pack)."""
        return self.root / "checklists"

    @property
    def keys(self) -> Path:
        """Signing keys (PKCS#12 files, keys awaiting a certificate) and ``trusted/`` roots."""
        return self.root / "keys"

    @property
    def device_file(self) -> Path:
        return self.root / "device-id"

    @property
    def start_language_file(self) -> Path:
        """A copy of the app's language setting that can be read before the database is open,
        so the first window is painted in the right language (the database stays the truth)."""
        return self.root / "language"

    def start_language(self) -> str | None:
        try:
            text = self.start_language_file.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError):
            return None
        return text or None

    def set_start_language(self, language: str) -> None:
        """Written atomically; a failure only costs the next start its first language."""
        temporary = self.start_language_file.with_suffix(".tmp")
        try:
            temporary.write_text(language, encoding="utf-8")
            os.replace(temporary, self.start_language_file)
        except OSError:
            temporary.unlink(missing_ok=True)

    def ensure(self) -> DataDir:
        for path in (self.root, self.evidence, self.records, self.backups, self.checklists):
            path.mkdir(parents=True, exist_ok=True)
        return self


def resolve_home(explicit: str | os.PathLike[str] | None = None) -> DataDir:
    if explicit:
        return DataDir(Path(explicit).expanduser().resolve())
    env = os.environ.get(ENV_HOME)
    if env:
        return DataDir(Path(env).expanduser().resolve())
    return DataDir(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))
