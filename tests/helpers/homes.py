"""The tests' data (tests/data), data directories and how a test opens one."""

from __future__ import annotations

from pathlib import Path

from inspector.workspace import Workspace

# This file is tests/helpers/homes.py; the test data stays in tests/data.
ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
PHOTOS = DATA / "photos"
SEEDS = DATA / "seeds"


def phone_batch(folder: Path, count: int, seed: int) -> None:
    """Photos that differ (so every hash is new), a few with EXIF orientation, phone-like."""
    import random

    from PIL import Image

    folder.mkdir(parents=True)
    rng = random.Random(seed)
    with Image.open(PHOTOS / "mobile" / "jolla.jpg") as source:
        exif = source.getexif()
        base = source.convert("RGB").resize((1632, 1224))
    for index in range(count):
        image = base.copy()
        x, y = rng.randrange(1500), rng.randrange(1100)
        colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        image.paste(colour, (x, y, x + 64 + index, y + 64))
        exif[0x0112] = rng.choice([1, 3, 6, 8])
        image.save(folder / f"IMG_{seed:02d}_{index:03d}.jpg", quality=90, exif=exif.tobytes())


# An encrypted data directory's first inspector and passphrase (tests only).
HOLDER = "370100001"
PASSPHRASE = "测试口令 correct horse"


def open_home(home: Path | str) -> Workspace:
    """Open a test data directory, plain or encrypted (with the tests' passphrase)."""
    from inspector.crypto.home import unlock
    from inspector.paths import DataDir

    keys = unlock(home, HOLDER, PASSPHRASE) if DataDir(Path(home)).encrypted else None
    return Workspace.open(home, keys)
