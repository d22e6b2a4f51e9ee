"""The real app started as a user starts it: ``main.py --smoke-test`` and ``--screenshot``."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.cli import TEAM, run_main


def test_smoke_test_opens_the_main_window_and_the_newest_checklist(tmp_path: Path) -> None:
    home = tmp_path / "home"
    done = run_main("--smoke-test", "--home", str(home))
    assert done.returncode == 0, done.stderr
    assert "home" in done.stdout
    assert "list filled with the core" in done.stdout  # a new data directory: nothing to read
    created = run_main(
        "inspection",
        "new",
        "--institution",
        "某药店",
        "--type",
        "retail_pharmacy",
        "--mode",
        "surprise",
        "--district",
        "市中区",
        *TEAM,
        "--home",
        str(home),
    )
    assert created.returncode == 0, created.stderr
    done = run_main("--smoke-test", "--home", str(home))
    assert done.returncode == 0, done.stderr
    assert f"checklist {created.stdout.strip()[:8]}" in done.stdout
    # Every start after the first fills the list before the core is in (ui/app.py early_list).
    assert "list filled early" in done.stdout
    built = run_main("record", "build", created.stdout.strip(), "--home", str(home))
    assert built.returncode == 0, built.stderr
    done = run_main("--smoke-test", "--home", str(home))
    assert done.returncode == 0, done.stderr
    assert "record preview opened" in done.stdout
    assert "list filled early" in done.stdout


def test_screenshot_saves_a_picture_of_the_main_window(tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    done = run_main("--home", str(tmp_path / "home"), "--screenshot", str(shot))
    assert done.returncode == 0, done.stderr
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 5000
