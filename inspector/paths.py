"""Where Inspector keeps its data: ``--home``, then ``INSPECTOR_HOME``, then the platform's
user data directory."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from inspector import APP_NAME

ENV_HOME = "INSPECTOR_HOME"


@dataclass(frozen=True)
class DataDir:
    root: Path

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
