"""Shared fixtures: a fresh data directory per test, copied from one migrated template (as Anki
copies a cached empty collection), and paths to the test data shipped in tests/data."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# Offscreen by default, before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# No log file in the data directories tests make: their checks compare whole directories
# (tests/test_diagnostics.py switches it on).
os.environ.setdefault("INSPECTOR_LOG", "off")

from inspector.cli import main as cli_main
from inspector.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
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


@pytest.fixture(scope="session")
def template_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("template-home")
    Workspace.open(home).close()
    return home


@pytest.fixture(scope="session")
def passphrase_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("secrets") / "passphrase.txt"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def encrypted_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from inspector.crypto.home import create_encrypted

    home = tmp_path_factory.mktemp("encrypted-template")
    keys = create_encrypted(home, HOLDER, PASSPHRASE)
    Workspace.open(home, keys).close()
    return home


@pytest.fixture
def home(
    request: pytest.FixtureRequest,
    template_home: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Path:
    """A fresh data directory; ``@pytest.mark.parametrize("home", ["plain", "encrypted"],
    indirect=True)`` runs a test on both. For an encrypted one the command line (in-process
    and in child processes) reads the passphrase from INSPECTOR_HOME_PASSPHRASE_FILE."""
    target = tmp_path / "home"
    if getattr(request, "param", "plain") == "encrypted":
        shutil.copytree(request.getfixturevalue("encrypted_template"), target)
        secret = request.getfixturevalue("passphrase_file")
        monkeypatch.setenv("INSPECTOR_HOME_PASSPHRASE_FILE", str(secret))
    else:
        shutil.copytree(template_home, target)
    return target


def open_home(home: Path | str) -> Workspace:
    """Open a test data directory, plain or encrypted (with the tests' passphrase)."""
    from inspector.crypto.home import unlock
    from inspector.paths import DataDir

    keys = unlock(home, HOLDER, PASSPHRASE) if DataDir(Path(home)).encrypted else None
    return Workspace.open(home, keys)


@pytest.fixture
def workspace(home: Path) -> Iterator[Workspace]:
    ws = open_home(home)
    try:
        yield ws
    finally:
        ws.close()


@pytest.fixture
def system_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The system temp folder, for this process, made an empty folder of its own: what the code
    leaves there can be searched (it is not encrypted)."""
    import tempfile

    folder = tmp_path / "system-temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


class Cli:
    """Runs the command line in-process against one data directory."""

    def __init__(self, home: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.home = home
        self.capsys = capsys

    def __call__(self, *args: str, expect: int | None = 0) -> tuple[str, str]:
        """Run a command; ``expect=None`` takes any exit status."""
        self.capsys.readouterr()
        code = cli_main([*args, "--home", str(self.home)])
        out, err = self.capsys.readouterr()
        assert expect is None or code == expect, (
            f"exit {code}, expected {expect}\nstdout: {out}\nstderr: {err}"
        )
        return out, err


@pytest.fixture
def cli(home: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(home, capsys)


def run_main(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python main.py ...`` in a child process, as a user runs it."""
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, **(env or {})},
        timeout=120,
        check=False,
    )


TEAM = ["--inspector", "张伟:370100001", "--inspector", "李娜:370100002"]


def new_inspection(cli: Cli, *extra: str, type_code: str = "primary_care") -> str:
    out, _ = cli(
        "inspection",
        "new",
        "--institution",
        "历城区某社区卫生服务中心",
        "--type",
        type_code,
        "--mode",
        "surprise",
        "--district",
        "历城区",
        *TEAM,
        *extra,
    )
    return out.strip()


# Two strokes of handwriting: what the tests sign with by hand.
STROKES = [[[0, 0], [20, 30], [40, 0], [60, 30]], [[5, 40], [55, 40]]]
MEMBERS = (("张伟", "370100001"), ("李娜", "370100002"))  # TEAM's names and 执法证号; 李娜 leads


def trial_keys(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """A trial signing key for each member of TEAM, by 执法证号."""
    monkeypatch.setenv("INSPECTOR_KEY_PASSPHRASE", "口令-正确-1234")
    keys = {}
    for name, cert in MEMBERS:
        out, _ = cli("key", "trial", "--name", name, "--cert-no", cert, "--json")
        keys[cert] = json.loads(out)["key_id"]
    return keys


def sign_by_hand(
    cli: Cli,
    inspection_id: str,
    tmp_path: Path,
    *,
    party_signs: bool = False,
    reason: str = "不认可",
) -> None:
    """What a record needs before it is built: both inspectors sign by hand, and the party
    signs too or refuses (for ``reason``) before a witness; the law's minimums are captured
    (tests/helpers/lawful.py); then the visit is finished and its record built."""
    strokes = tmp_path / "strokes.json"
    strokes.write_text(json.dumps(STROKES), encoding="utf-8")
    for name, cert in MEMBERS:
        cli("record", "sign-hand", inspection_id, "--role", "inspector", "--name", name,
            "--cert-no", cert, "--strokes", str(strokes))  # fmt: skip
    if party_signs:
        cli("record", "sign-hand", inspection_id, "--role", "party", "--name", "王某",
            "--strokes", str(strokes))  # fmt: skip
    else:
        cli("record", "refuse", inspection_id, "--representative", "王某", "--reason", reason,
            "--witness", "赵某", "--witness-strokes", str(strokes))  # fmt: skip
    from tests.helpers.lawful import lawful_cli

    lawful_cli(cli, inspection_id)  # the law's minimums (inspector/record/legal.py)
    cli("inspection", "finish", inspection_id)
    cli("record", "build", inspection_id)


# The central service's real parts (PostgreSQL, the test CA, the server): tests/central_fixtures.py
from .central_fixtures import postgres, server, tls  # noqa: E402, F401


@pytest.fixture(autouse=True)
def _no_session_on_the_ui_thread(request: pytest.FixtureRequest) -> Iterator[None]:
    """Every UI test (one that uses qtbot) fails if ui/ code opened a database session on the UI
    thread outside an operation (tests/helpers/threads.py), unless named as known there."""
    if "qtbot" not in request.fixturenames:
        yield
        return
    from tests.helpers.threads import KNOWN_UI_THREAD_SESSIONS, ui_thread_guard

    with ui_thread_guard() as found:
        yield
    collect = os.environ.get("INSPECTOR_COLLECT_UI_SESSIONS")
    if collect:  # to renew the list of known offenders: every one seen, appended to the file
        with open(collect, "a", encoding="utf-8") as out:
            out.writelines(f"{name}\t{request.node.nodeid}\n" for name in found)
        return
    unknown = sorted(set(found) - KNOWN_UI_THREAD_SESSIONS)
    assert not unknown, f"database session opened on the UI thread by: {unknown}"


@pytest.fixture
def synchronous_tasks() -> Iterator[None]:
    """The database executor (ui/ops) and the CPU pool (ui/tasks.py) run their jobs inline, on
    the calling thread, deterministically (still counted as off the UI thread)."""
    from tests.helpers.tasks import inline_tasks

    with inline_tasks():
        yield
