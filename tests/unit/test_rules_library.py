"""Rule packs and knowledge files: validated with the entry and field named, a broken
installed file replaced by its last good copy, every knowledge list importable from a sheet."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from inspector.errors import InvalidInput
from inspector.paths import DataDir
from inspector.rules.formats import KnowledgeFile
from inspector.rules.knowledge import import_sheet
from inspector.rules.library import install, load_rule_library, rules_dir
from tests.helpers.stock import write_csv

PACK = """format: inspector-rules/1
id: bureau
version: "2026.1"
title: 本局规则
rules:
  - code: GC-05
    name: 挂床（5日）
    type: 挂床
    description: 连续 5 天只有基本费用
    params: {days: 5}
    basis: [{source: 本局通知}]
"""


def test_a_broken_installed_pack_gives_way_to_its_last_good_copy(tmp_path: Path) -> None:
    home = DataDir(tmp_path / "home").ensure()
    source = tmp_path / "bureau.yaml"
    source.write_text(PACK, encoding="utf-8")
    install(source, home)
    assert load_rule_library(home).rules["GC-05"].params == {"days": 5}  # keeps a last good copy
    (rules_dir(home) / "bureau.yaml").write_text(
        PACK.replace("days: 5", "days: 1"), encoding="utf-8"
    )  # a hand edit below the type's minimum (2 days)
    library = load_rule_library(home)
    assert library.rules["GC-05"].params == {"days": 5}
    (warning,) = library.warnings
    assert "条目 GC-05 的字段" in warning and "已改用上次可用的版本（2026.1）" in warning


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ("type: 挂床", "rules[0].type"),
        ("days: 5", "rules[0].dayz"),
        ('version: "2026.1"', "version"),
        ("basis: [{source: 本局通知}]", "rules[0].basis"),
    ],
)
def test_a_bad_pack_is_refused_naming_the_field(tmp_path: Path, change: str, named: str) -> None:
    bad = {
        "type: 挂床": "type: 挂号",
        "days: 5": "dayz: 5",
        'version: "2026.1"': "version: v1",
        "basis: [{source: 本局通知}]": "basis: []",
    }[change]
    path = tmp_path / "bad.yaml"
    path.write_text(PACK.replace(change, bad), encoding="utf-8")
    home = DataDir(tmp_path / "home").ensure()
    with pytest.raises(InvalidInput) as error:
        install(path, home)
    assert named in str(error.value)
    assert not (rules_dir(home) / "bureau.yaml").exists()


SHEETS = {
    "gender": [["项目编码", "项目名称", "限定性别"], ["A1", "甲", "限女性"]],
    "age": [["医保编码", "名称", "最小年龄", "最大年龄"], ["A2", "乙", "", "17"]],
    "frequency": [["编码", "项目名称", "限定频次", "周期"], ["A3", "丙", "8", "每日"]],
    "repeat": [["编码", "名称", "周期"], ["A4", "丁", "每次住院"]],
    "exclusive": [["主项目编码", "互斥项目编码", "周期"], ["A5", "A6", "日"]],
    "level": [["编码", "名称", "最低机构级别"], ["A7", "戊", "二级及以上"]],
    "price": [["编码", "名称", "最高限价"], ["A8", "己", "12.5"]],
    "drug": [["药品编码", "药品名称", "日最大用量", "最大天数"], ["A9", "庚", "3", "30"]],
    "basic": [["编码", "名称", "类别"], ["B1", "床位费", "床位"]],
}


@pytest.mark.parametrize("kind", sorted(SHEETS))
def test_every_list_imports_from_a_bureau_sheet(tmp_path: Path, kind: str) -> None:
    sheet = write_csv(tmp_path / f"{kind}.csv", SHEETS[kind])
    text, count = import_sheet(
        sheet, kind, id="bureau-k", version="2026.1", title="本局", source="本局目录"
    )
    assert count == 1
    data = KnowledgeFile.model_validate(yaml.safe_load(text))
    (entry,) = getattr(data, kind)
    expected = {
        "gender": ("gender", "女"),
        "age": ("max_age", 17),
        "frequency": ("per", "day"),
        "repeat": ("per", "settlement"),
        "exclusive": ("code_b", "A6"),
        "level": ("min_level", 2),
        "price": ("price", "12.5"),
        "drug": ("max_days", 30),
        "basic": ("category", "床位"),
    }[kind]
    assert getattr(entry, expected[0]) == expected[1]
