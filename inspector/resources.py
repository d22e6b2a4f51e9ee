"""The one place that finds bundled resources, in a source tree and in a PyInstaller build."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_root() -> Path:
    # PyInstaller unpacks data next to the executable and points sys._MEIPASS at it.
    frozen_root = getattr(sys, "_MEIPASS", None)
    base = Path(frozen_root) if frozen_root else Path(__file__).resolve().parent.parent
    return base / "resources"


def resource_path(*parts: str) -> Path:
    """Path of a file or folder under ``resources/``; refuses paths that climb out of it."""
    root = resources_root().resolve()
    path = root.joinpath(*parts).resolve()
    if path != root and root not in path.parents:
        raise ValueError(f"resource path outside resources/: {'/'.join(parts)}")
    return path
