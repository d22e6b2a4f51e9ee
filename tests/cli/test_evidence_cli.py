"""The evidence commands end to end, and an intake process killed at random moments: after each
kill the next start must leave the store and the database in agreement and the chain whole."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from inspector.workspace import Workspace
from tests.helpers.cli import Cli, new_inspection
from tests.helpers.evidence import assert_store_agrees
from tests.helpers.homes import PHOTOS, ROOT, open_home, phone_batch
from tests.helpers.lawful import lawful_cli


def _evidence(cli: Cli, inspection_id: str) -> list[dict[str, object]]:
    return json.loads(cli("evidence", "list", inspection_id, "--json")[0])


def test_evidence_commands_and_verify(cli: Cli, tmp_path: Path) -> None:
    inspection_id = new_inspection(cli)
    out, _ = cli(
        "evidence", "add", inspection_id, str(PHOTOS / "gps"), "--item", "P1.1", "--by", "370100001"
    )
    assert "共 9 个文件，保存 9 个" in out and "早于本次检查" in out
    rows = _evidence(cli, inspection_id)
    first = str(rows[0]["id"])
    cli("evidence", "caption", first[:8], "收费处价目表", "--by", "370100002")
    cli("evidence", "link", first[:8], "--none")
    _, err = cli("evidence", "link", first[:8], expect=1)
    assert "--item" in err
    out, _ = cli(
        "evidence",
        "annotate",
        first[:8],
        "--arrow",
        "0.1,0.1,0.4,0.4",
        "--circle",
        "0.3,0.3,0.6,0.6",
        "--text",
        "0.1,0.8,此处价格与公示不符",
        "--json",
    )
    annotated = json.loads(out)["evidence_id"]
    out, _ = cli("evidence", "seal", inspection_id, "--description", "价目表", "--quantity", "1",
                 "--unit", "份", "--photo", first[:8])  # fmt: skip
    assert "第 1 项" in out
    assert "价目表" in cli("evidence", "seals", inspection_id)[0]
    cli("evidence", "remove", annotated[:8])
    out, _ = cli("evidence", "log", inspection_id)
    for name in ("添加", "说明", "关联条目", "标注", "封存", "移除"):
        assert name in out
    out, _ = cli("verify-evidence", inspection_id)
    assert "保管链完整" in out
    folder = tmp_path / "导出"
    out, _ = cli("evidence", "export", inspection_id, str(folder), "--json")
    assert json.loads(out)["files"] == 9
    data = json.loads(cli("verify-evidence", inspection_id, "--json")[0])
    assert data["ok"] and data["files"] == 27

    # Tampering is named, with a non-zero exit.
    home = cli.home
    stored = Workspace.open(home)
    photo = stored.store.path_for(str(rows[3]["sha256"]), ".jpg")
    stored.close()
    photo.chmod(0o600)
    data = bytearray(photo.read_bytes())
    data[3000] ^= 0xFF
    photo.write_bytes(bytes(data))
    out, _ = cli("verify-evidence", inspection_id, expect=1)
    assert "发现 1 处不一致" in out and str(rows[3]["original_name"]) in out and "原件" in out
    connection = sqlite3.connect(home / "inspector.sqlite3")
    connection.execute("drop trigger custody_events_no_update")
    connection.execute("update custody_events set body = body || ' ' where seq = 5")
    connection.commit()
    connection.close()
    out, _ = cli("verify-evidence", inspection_id, expect=1)
    assert "保管记录第 5 条" in out


def test_evidence_of_a_finished_inspection_cannot_be_removed_from_the_command_line(
    cli: Cli,
) -> None:
    inspection_id = new_inspection(cli)
    cli("evidence", "add", inspection_id, str(PHOTOS / "gps" / "DSCN0010.jpg"))
    evidence_id = str(_evidence(cli, inspection_id)[0]["id"])
    lawful_cli(cli, inspection_id)
    cli("inspection", "finish", inspection_id)
    _, err = cli("evidence", "remove", evidence_id, expect=1)
    assert "待签字" in err
    _, err = cli("evidence", "add", inspection_id, str(PHOTOS / "gps"), expect=1)
    assert "待签字" in err
    assert len(_evidence(cli, inspection_id)) == 1


# --- killing an intake process ------------------------------------------------------------

BATCH = 40


def _kept_files(store: Path) -> int:
    """Files in the evidence store's own folders (the scratch folders left out)."""
    return sum(
        1
        for folder in store.iterdir()
        if folder.is_dir() and not folder.name.startswith(".")
        for _ in folder.iterdir()
    )


@pytest.mark.slow
@pytest.mark.parametrize("home", ["plain", "encrypted"], indirect=True)
def test_killing_an_intake_at_random_moments_leaves_store_and_database_in_agreement(
    cli: Cli, tmp_path: Path
) -> None:
    inspection_id = new_inspection(cli)
    home = cli.home
    rng = random.Random(20261122)
    killed_midway = 0
    for run in range(6):
        batch = tmp_path / f"card{run}"
        phone_batch(batch, BATCH, run)
        before = len(_evidence(cli, inspection_id))
        child = subprocess.Popen(
            [
                sys.executable,
                str(ROOT / "main.py"),
                "evidence",
                "add",
                inspection_id,
                str(batch),
                "--home",
                str(home),
                "--by",
                "370100001",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ},
        )
        # Kill it at a seeded-random point of the batch: when a random share of its photos
        # (a quarter to three quarters) have their files in the store, with other photos being
        # copied, decoded, journaled, renamed or committed on its threads at that moment. A
        # point in files, not in seconds: the whole batch takes well under a second.
        store = home / "evidence"
        kept_before = _kept_files(store)
        target = kept_before + 3 * rng.randrange(BATCH // 4, 3 * BATCH // 4)  # 3 files a photo
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and child.poll() is None:
            if _kept_files(store) >= target:
                break
            time.sleep(0.002)
        if child.poll() is None:
            child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
        with open_home(home) as ws:  # the next start finishes what the kill left
            assert_store_agrees(ws)
        after = len(_evidence(cli, inspection_id))
        if child.returncode == -signal.SIGKILL and before < after < before + BATCH:
            killed_midway += 1
        out, _ = cli("verify-evidence", inspection_id)
        assert "保管链完整" in out
    assert killed_midway >= 2, "the kills should land in the middle of a batch"
    # What was not taken in before a kill goes in when the batch is added again.
    cards = [str(tmp_path / f"card{run}") for run in range(6)]
    out, _ = cli("evidence", "add", inspection_id, *cards, "--by", "370100001")
    assert "失败 0 个" in out
    assert len(_evidence(cli, inspection_id)) == 6 * BATCH
    with open_home(home) as ws:
        assert_store_agrees(ws)
