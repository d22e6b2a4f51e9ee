"""Fixtures shared by the tests of every folder: a fresh data directory per test, copied from one
migrated template (as Anki copies a cached empty collection), the command line against it, the
central service's real parts, and the UI-thread guard. Helpers that are not fixtures live in
tests/helpers/ (homes.py: the test data and data directories; cli.py: the command line)."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

# Offscreen by default, before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# No log file in the data directories tests make: their checks compare whole directories
# (tests/unit/test_diagnostics.py switches it on).
os.environ.setdefault("INSPECTOR_LOG", "off")

from inspector.workspace import Workspace
from tests.helpers.bundle import make_laptop
from tests.helpers.central import REQUIRE, TLS, Cluster, Server, make_tls, start_cluster
from tests.helpers.cli import MEMBERS, Cli, trial_keys
from tests.helpers.homes import HOLDER, PASSPHRASE, open_home
from tests.helpers.signing_pki import CA, PASS, make_ca, make_p12

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication


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


@pytest.fixture
def cli(home: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(home, capsys)


@pytest.fixture
def office(template_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    """The receiving laptop (the office, or the host district's bureau): a second data directory
    under another device id."""
    return Cli(make_laptop(template_home, tmp_path / "office", "office-laptop"), capsys)


@pytest.fixture
def team_keys(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """A trial signing key for each member of TEAM, made through the command line."""
    return trial_keys(cli, monkeypatch)


@pytest.fixture(scope="module")
def ca() -> CA:
    """A bureau's certificate authority (tests/helpers/signing_pki.py), one per test module:
    making one costs a key pair, and the module's tests issue from it."""
    return make_ca()


@pytest.fixture
def bureau_keys(
    cli: Cli, ca: CA, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> dict[str, str]:
    """The team's keys and a third inspector's, issued by the bureau's CA and imported from
    PKCS#12 files."""
    monkeypatch.setenv("INSPECTOR_KEY_PASSPHRASE", PASS)
    keys = {}
    for name, cert in (*MEMBERS, ("王五", "370199999")):
        path = tmp_path / f"{cert}.p12"
        path.write_bytes(make_p12(ca, name, cert))
        out, _ = cli("key", "import", str(path), "--json")
        keys[cert] = json.loads(out)["key_id"]
    return keys


@pytest.fixture
def english(qapp: QCoreApplication) -> Iterator[None]:
    """The UI in English: the shipped translation installed for the test."""
    from PySide6.QtCore import QTranslator

    from inspector.resources import resource_path

    translator = QTranslator()
    assert translator.load(str(resource_path("translations", "inspector_en.qm")))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


# The central service's real parts: a throwaway PostgreSQL cluster, the test CA, the server as
# a child process (tests/helpers/central.py).


@pytest.fixture(scope="session")
def postgres() -> Iterator[Cluster]:
    started = start_cluster()
    if started is None:
        message = "PostgreSQL (Debian's postgresql package) is not installed"
        if os.environ.get(REQUIRE):
            pytest.fail(message + f" and {REQUIRE} is set")
        pytest.skip(message)
    cluster, stop = started
    try:
        yield cluster
    finally:
        stop()


@pytest.fixture(scope="session")
def tls(tmp_path_factory: pytest.TempPathFactory) -> TLS:
    return make_tls(tmp_path_factory.mktemp("tls"))


@pytest.fixture
def server(postgres: Cluster, tls: TLS, tmp_path: Path) -> Iterator[Server]:
    running = Server(postgres, tls, tmp_path / "central-store")
    running.start()
    try:
        yield running
    finally:
        running.kill()


@pytest.fixture(autouse=True)
def _no_session_on_the_ui_thread(request: pytest.FixtureRequest) -> Iterator[None]:
    """Every UI test (one that uses qtbot) fails if ui/ code opened a database session anywhere
    but on the database executor: the UI thread, a thread of the CPU pool, any other thread
    (tests/helpers/threads.py). The database has one thread."""
    if "qtbot" not in request.fixturenames:
        yield
        return
    from tests.helpers.threads import ui_thread_guard

    with ui_thread_guard() as found:
        yield
    assert not found, f"database session opened off the database executor by: {sorted(set(found))}"


@pytest.fixture
def synchronous_tasks() -> Iterator[None]:
    """The database executor (ui/ops) and the CPU pool (ui/tasks.py) run their jobs inline, on
    the calling thread, deterministically (still counted as off the UI thread)."""
    from tests.helpers.tasks import inline_tasks

    with inline_tasks():
        yield
