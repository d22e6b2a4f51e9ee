"""What killed runs leave behind is cleaned at the next start, and a command whose reader stops
early (``inspection list | head -1``) ends quietly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from inspector.files import SCRATCH_PREFIX, clean_stale_scratch
from inspector.record.status import latest_record
from tests.helpers.cli import Cli, new_inspection
from tests.helpers.homes import ROOT, open_home

# A child that builds a record and stops inside the layout, so that it can be killed there.
KILLED_BUILD = textwrap.dedent(
    """
    import sys
    from reportlab.platypus import SimpleDocTemplate
    from inspector.record.build import build_record
    from tests.helpers.homes import open_home

    def stop_here(self, *args, **kwargs):
        print("building", flush=True)
        sys.stdin.read()  # until killed

    SimpleDocTemplate.build = stop_here
    with open_home(sys.argv[1]) as ws:
        build_record(ws, sys.argv[2])
    """
)


def _scratch(home: Path) -> list[Path]:
    return sorted(home.glob(f"{SCRATCH_PREFIX}*"))


@pytest.mark.parametrize("home", ["plain", "encrypted"], indirect=True)
def test_a_record_build_killed_midway_leaves_nothing_after_the_next_start(
    cli: Cli, home: Path
) -> None:
    inspection = new_inspection(cli)
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_BUILD, str(home), inspection],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "building"
        # The record is laid out in memory (the data directory may be encrypted): no scratch
        # folder and no draft file on disk while it is built.
        assert _scratch(home) == []
        assert _files(home / "records") == []
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        assert child.stdin is not None and child.stdout is not None
        child.stdin.close()
        child.stdout.close()
    with open_home(home) as ws:
        assert latest_record(ws, inspection) is None
    assert _scratch(home) == [] and _files(home / "records") == []


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def test_a_scratch_folder_in_use_by_a_running_process_is_kept(tmp_path: Path) -> None:
    mine = tmp_path / f"{SCRATCH_PREFIX}{os.getpid()}-abcd1234"
    mine.mkdir()
    finished = subprocess.run([sys.executable, "-c", "pass"], check=True)
    assert finished.returncode == 0
    old_style = tmp_path / f"{SCRATCH_PREFIX}k2j_x9qa"  # older versions' names carry no process
    old_style.mkdir()
    (old_style / "document.pdf").write_bytes(b"%PDF-1.4 partial")
    unrelated = tmp_path / "records"
    unrelated.mkdir()
    assert clean_stale_scratch(tmp_path) == 1
    assert mine.is_dir() and unrelated.is_dir() and not old_style.exists()


def test_a_reader_that_stops_early_ends_the_command_quietly(cli: Cli, home: Path) -> None:
    new_inspection(cli)
    # The pipe's reading end is closed before the command writes: its first write meets a
    # reader that has gone, every time (``| head -1`` is this, with a race).
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        finished = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "inspection", "list", "--home", str(home)],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            check=False,
        )
    finally:
        os.close(write_end)
    assert "Traceback" not in finished.stderr, finished.stderr
    assert "BrokenPipeError" not in finished.stderr
    assert finished.returncode == 141
