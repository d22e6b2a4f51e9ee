"""Makes tests/data/record_format1/: a data directory holding one inspection whose record was
built and signed by both inspectors (trial keys, valid ten years) with the code of the day its
data hash was format 1. tests/unit/test_record_hash_format.py opens a
copy and checks that ``record verify`` still finds the record's data in it.

Kept for the record of how the snapshot was made; run again only to make a new format's
snapshot (into another folder), never to replace this one:

    PYTHONPATH=. .venv/bin/python tests/data/make_record_format1.py tests/data/record_format1
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

from PIL import Image

from inspector.cli import main

MEMBERS = (("张伟", "370100001"), ("李娜", "370100002"))  # 李娜 leads
STROKES = [[[0, 0], [20, 30], [40, 0], [60, 30]], [[5, 40], [55, 40]]]


def run(home: Path, *args: str) -> str:
    from contextlib import redirect_stdout
    from io import StringIO

    out = StringIO()
    with redirect_stdout(out):
        code = main([*args, "--home", str(home)])
    if code != 0:
        raise SystemExit(f"exit {code}: {args}")
    return out.getvalue().strip()


def make(home: Path) -> None:
    os.environ["INSPECTOR_KEY_PASSPHRASE"] = "口令-正确-1234"
    scratch = Path(tempfile.mkdtemp())
    keys = {}
    for name, cert in MEMBERS:
        out = run(home, "key", "trial", "--name", name, "--cert-no", cert, "--days", "3650",
                  "--json")  # fmt: skip
        keys[cert] = json.loads(out)["key_id"]
    inspection = run(home, "inspection", "new", "--institution", "历城区某社区卫生服务中心",
                     "--type", "primary_care", "--mode", "surprise", "--district", "历城区",
                     "--inspector", "张伟:370100001", "--inspector", "李娜:370100002",
                     "--leader", "370100002")  # fmt: skip
    run(home, "answer", inspection, "P5.1", "--result", "problem", "--note", "床位空置",
        "--amount", "3200", "--violation", "VH04")  # fmt: skip
    run(home, "answer", inspection, "P1.1", "--result", "ok")
    photo = scratch / "ward.jpg"
    Image.new("RGB", (64, 48), (120, 160, 200)).save(photo, quality=80)
    run(home, "evidence", "add", inspection, str(photo), "--item", "P5.1")
    strokes = scratch / "strokes.json"
    strokes.write_text(json.dumps(STROKES), encoding="utf-8")
    for name, cert in MEMBERS:
        run(home, "record", "sign-hand", inspection, "--role", "inspector", "--name", name,
            "--cert-no", cert, "--strokes", str(strokes))  # fmt: skip
    run(home, "record", "refuse", inspection, "--representative", "王某", "--reason", "不认可",
        "--witness", "赵某", "--witness-strokes", str(strokes))  # fmt: skip
    run(home, "inspection", "finish", inspection)
    run(home, "record", "build", inspection)
    for _name, cert in MEMBERS:
        run(home, "record", "sign", inspection, "--key", keys[cert])


if __name__ == "__main__":
    target = Path(sys.argv[1])
    if target.exists() and any(target.iterdir()):
        raise SystemExit(f"{target} is not empty")
    make(target)
