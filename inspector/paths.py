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
ENCRYPTING = ".encrypting"


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
        _write_quietly(self.start_language_file, language)

    @property
    def list_names_file(self) -> Path:
        """The names of institution types and inspection modes the home list shows, as the
        last session's checklist library gave them: the list filled at start-up before the
        library is loaded shows them (ui/app.py); the database and the library stay the truth."""
        return self.root / "list-names.json"

    def list_names(self) -> dict[str, dict[str, str]] | None:
        import json  # here: not before the window's first paint

        try:
            names = json.loads(self.list_names_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(names, dict) or not all(
            isinstance(names.get(part), dict) for part in ("types", "modes")
        ):
            return None
        return {part: {str(k): str(v) for k, v in names[part].items()} for part in names}

    def set_list_names(self, names: dict[str, dict[str, str]]) -> None:
        """Written atomically; a failure only costs the next start its early list."""
        import json

        _write_quietly(self.list_names_file, json.dumps(names, ensure_ascii=False, sort_keys=True))

    @property
    def encrypting(self) -> Path:
        """``home encrypt``'s staging folder: there while an encryption is unfinished."""
        return self.root / ENCRYPTING

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


def _write_quietly(path: Path, text: str) -> None:
    """A quick copy of something the database holds, replaced atomically; a failure is not an
    error (the next start only does without it)."""
    temporary = path.with_suffix(".tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        temporary.unlink(missing_ok=True)
