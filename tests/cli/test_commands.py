"""The command line end to end: plan a visit, answer, add the real photos (broken EXIF included),
build the record and read it back with poppler."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers.cli import TEAM, Cli, new_inspection, run_main
from tests.helpers.homes import PHOTOS
from tests.helpers.lawful import lawful_cli

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


def test_checklist_types_and_modes_carry_code_and_chinese_name(cli: Cli) -> None:
    types = json.loads(cli("checklist", "types", "--json")[0])
    assert {"code": "retail_pharmacy", "name": "定点零售药店"}.items() <= next(
        t for t in types if t["code"] == "retail_pharmacy"
    ).items()
    modes = json.loads(cli("checklist", "modes", "--json")[0])
    assert {m["code"]: m["name"] for m in modes}["covert"] == "暗访"
    text = cli("checklist", "types")[0]
    assert "二级及以上公立医疗机构" in text


def test_checklist_show_by_code_or_chinese_name(cli: Cli) -> None:
    by_code = json.loads(cli("checklist", "show", "--type", "retail_pharmacy", "--json")[0])
    by_name = json.loads(
        cli("checklist", "show", "--type", "定点零售药店", "--mode", "突击检查", "--json")[0]
    )
    assert by_code == by_name
    assert by_code["type"] == {"code": "retail_pharmacy", "name": "定点零售药店"}
    items = [i for s in by_code["sections"] for i in s["items"]]
    assert by_code["item_count"] == len(items)
    assert all(i["code"] and i["title"] for i in items)
    assert "执业药师" in cli("checklist", "show", "--type", "retail_pharmacy")[0]


def test_unknown_type_is_a_clear_error(cli: Cli) -> None:
    _, err = cli("checklist", "show", "--type", "hospital", expect=1)
    assert "未知的机构类型" in err and "public_hospital" in err


def test_full_visit_from_plan_to_record(cli: Cli, tmp_path: Path) -> None:
    inspection_id = new_inspection(
        cli,
        "--leader",
        "370100002",
        "--place",
        "住院部",
        "--agreement-no",
        "JN-2024-001",
        "--agreement-expiry",
        "2025-12-31",
    )
    assert len(inspection_id) == 36
    listing = json.loads(cli("inspection", "list", "--json")[0])
    assert [row["id"] for row in listing] == [inspection_id]

    shown = json.loads(cli("inspection", "show", inspection_id[:8], "--json")[0])
    items = {item["code"]: item for item in shown["items"]}
    bed = next(code for code, item in items.items() if "挂床" in item["title"])
    first = shown["items"][0]["code"]

    cli("answer", inspection_id, first, "--result", "ok", "--note", "协议在有效期内")
    cli(
        "answer",
        inspection_id,
        bed,
        "--result",
        "problem",
        "--note",
        "3 张床位病人不在",
        "--amount",
        "12,345.60",
        "--violation",
        "VH04",
    )

    out, _ = cli(
        "evidence",
        "add",
        inspection_id,
        str(PHOTOS / "gps" / "DSCN0010.jpg"),
        str(PHOTOS / "orientation" / "portrait_6.jpg"),
        "--item",
        bed,
        "--by",
        "370100001",
    )
    assert out.count("已保存") == 2
    # A whole folder with broken EXIF: every photo goes in, with a note where EXIF failed.
    out, _ = cli("evidence", "add", inspection_id, str(PHOTOS / "invalid"), "--json")
    stored = json.loads(out)
    assert len(stored) == 7 and all(row["stored"] for row in stored)
    cli("evidence", "add", inspection_id, str(PHOTOS / "mobile" / "jolla.jpg"))

    shown = json.loads(cli("inspection", "show", inspection_id, "--json")[0])
    assert shown["status"]["code"] == "in_progress"
    assert shown["summary"]["problems"] == 1
    assert shown["summary"]["amount_total_yuan"] == "12,345.60"
    assert len(shown["evidence"]) == 10
    bed_item = next(i for i in shown["items"] if i["code"] == bed)
    assert len(bed_item["evidence"]) == 2
    assert bed_item["violation"] == "VH04"

    lawful_cli(cli, inspection_id)
    cli("inspection", "finish", inspection_id)
    pdf = tmp_path / "记录.pdf"
    out, _ = cli("record", "build", inspection_id, "--out", str(pdf), "--json")
    built = json.loads(out)
    assert Path(built["path"]) == pdf and pdf.stat().st_size > 100_000

    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = "".join(text.split())
    for expected in (
        "医疗保障基金现场检查记录",
        "历城区某社区卫生服务中心",
        "基层医疗机构",
        "突击检查",
        "张伟",
        "370100001",
        "李娜",
        "JN-2024-001",
        "协议在有效期内",
        "3张床位病人不在",
        "12,345.60",
        "发现问题",
        "符合",
        "DSCN0010.jpg",
    ):
        assert expected in flat, expected
    for row in stored + [{"sha256": s["sha256"]} for s in shown["evidence"]]:
        assert row["sha256"] in flat
    assert "第1页共" in flat

    fonts = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert fonts, "no fonts listed"
    for line in fonts:
        columns = line.split()
        # name type encoding emb sub uni object-id: every font embedded and subset
        assert columns[-5:-3] == ["yes", "yes"], line

    shown = json.loads(cli("inspection", "show", inspection_id, "--json")[0])
    assert shown["records"][0]["sha256"] == built["sha256"]


def test_errors_go_to_stderr_with_a_non_zero_exit(cli: Cli, tmp_path: Path) -> None:
    inspection_id = new_inspection(cli)
    _, err = cli("inspection", "show", "ffffffff", expect=1)
    assert "没有编号为" in err
    _, err = cli("answer", inspection_id, "P1.1", "--result", "perhaps", expect=1)
    assert "无效" in err
    _, err = cli(
        "answer", inspection_id, "P1.1", "--result", "problem", "--amount", "12.345", expect=1
    )
    assert "两位小数" in err
    _, err = cli("inspection", "show", "ffffffff", "--json", expect=1)
    assert "error" in json.loads(err)
    fake = tmp_path / "fake.jpg"
    fake.write_text("not an image", encoding="utf-8")
    out, _ = cli(
        "evidence",
        "add",
        inspection_id,
        str(fake),
        str(PHOTOS / "cameras" / "Canon_40D.jpg"),
        expect=1,
    )
    assert "未保存" in out and "已保存" in out
    shown = json.loads(cli("inspection", "show", inspection_id, "--json")[0])
    assert len(shown["evidence"]) == 1


def test_the_same_photo_twice_is_one_file(cli: Cli, home: Path) -> None:
    inspection_id = new_inspection(cli)
    photo = str(PHOTOS / "gps" / "DSCN0012.jpg")
    cli("evidence", "add", inspection_id, photo)
    out, _ = cli("evidence", "add", inspection_id, photo)
    assert "未重复添加" in out
    cli("evidence", "add", inspection_id, photo, "--item", "P1.1")
    # One original, one thumbnail, one print-size copy: kept once however often it is linked.
    stored = [p for p in (home / "evidence").rglob("*.jpg")]
    assert len(stored) == 3
    assert sum(1 for p in stored if p.read_bytes() == Path(photo).read_bytes()) == 1
    shown = json.loads(cli("inspection", "show", inspection_id, "--json")[0])
    assert len(shown["evidence"]) == 2


def test_main_py_runs_the_command_line_as_a_user_would(tmp_path: Path) -> None:
    home = tmp_path / "home"
    done = run_main("checklist", "types", "--home", str(home))
    assert done.returncode == 0, done.stderr
    assert "定点零售药店" in done.stdout
    done = run_main(
        "inspection",
        "new",
        "--institution",
        "某药店",
        "--type",
        "retail_pharmacy",
        "--mode",
        "covert",
        "--district",
        "市中区",
        *TEAM,
        "--home",
        str(home),
    )
    assert done.returncode == 0, done.stderr
    done = run_main("--home", str(home), "inspection", "list")
    assert done.returncode == 0 and "某药店" in done.stdout
    done = run_main("inspection", "show", "nope-nope", env={"INSPECTOR_HOME": str(home)})
    assert done.returncode == 1 and "没有编号为" in done.stderr
