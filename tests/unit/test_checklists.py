"""The checklist library and the composer, on the real data files in resources/checklists."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from inspector.checklists.composer import compose
from inspector.checklists.library import Library, install_file, load_library, parse_file
from inspector.errors import ChecklistError, InvalidInput
from inspector.resources import resource_path
from tests.helpers.homes import SEEDS

SHIPPED = resource_path("checklists")
MEDICAL = ("public_hospital", "primary_care", "private_hospital")
ALL_TYPES = {
    "public_hospital",
    "primary_care",
    "private_hospital",
    "retail_pharmacy",
    "insurance_agency",
    "physician",
    "insured_person",
    "relief",
}
ALL_MODES = {"surprise", "covert", "flying", "cross", "random", "third_party", "follow_up"}


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def _seed_text(seed: str) -> str:
    (path,) = SEEDS.glob(f"{seed}_*.txt")
    return re.sub(r"\s+", "", path.read_text(encoding="utf-8"))


def test_the_library_has_every_type_and_mode_of_the_seeds(library: Library) -> None:
    assert set(library.types) == ALL_TYPES
    assert set(library.modes) == ALL_MODES
    assert library.modes["covert"].covert
    assert library.warnings == []


def test_every_quote_is_verbatim_in_its_seed(library: Library) -> None:
    texts = {seed: _seed_text(seed) for seed in ("000", "001", "002", "003", "004")}
    checked = 0
    for loaded in library.files:
        data = loaded.data
        entries = [
            *data.types,
            *data.modes,
            *data.sections,
            *data.violations,
            *data.items,
            *data.reference,
            *([data.focus] if data.focus else []),
        ]
        for entry in entries:
            for source in entry.sources:
                quote = re.sub(r"\s+", "", source.quote)
                assert quote in texts[source.seed], (
                    f"{loaded.label} {getattr(entry, 'code', '')}: {source.quote!r} "
                    f"not in seed {source.seed}"
                )
                checked += 1
    assert checked > 100


def test_the_eight_points_come_from_seed_000(library: Library) -> None:
    points = sorted((s for s in library.sections.values() if s.point), key=lambda s: s.point or 0)
    assert [s.point for s in points] == list(range(1, 9))
    for section in points:
        assert any(source.seed == "000" for source in section.sources)


@pytest.mark.parametrize("type_code", MEDICAL)
def test_each_medical_type_gets_all_eight_points(library: Library, type_code: str) -> None:
    checklist = compose(library, type_code, "surprise")
    points = [s.point for s in checklist.sections if s.point]
    assert points == list(range(1, 9))
    # Every item of the eight points that applies to the type is there.
    expected = {
        i.code
        for i in library.items.values()
        if library.sections[i.section].point
        and type_code in i.applies_to
        and not i.modes
        and library.item_pack[i.code] is None
    }
    assert expected <= {item.code for item in checklist.items}


def test_no_item_twice_and_overlaps_carry_both_sources(library: Library) -> None:
    for type_code in ALL_TYPES:
        codes = [item.code for item in compose(library, type_code, "surprise").items]
        assert len(codes) == len(set(codes)), type_code
    checklist = compose(library, "primary_care", "surprise")
    bed_blocking = [item for item in checklist.items if "挂床" in item.title]
    assert len(bed_blocking) == 1
    (item,) = bed_blocking
    assert item.section == "P5"
    assert item.priority
    assert {"000", "004"} <= {source.seed for source in item.sources}


def test_a_pharmacy_gets_its_priorities_and_no_inpatient_points(library: Library) -> None:
    checklist = compose(library, "retail_pharmacy", "surprise")
    titles = " ".join(item.title + item.question for item in checklist.items)
    assert "执业药师" in titles
    assert "化妆品" in titles and "生活用品" in titles
    assert "住院" not in " ".join(item.title for item in checklist.items)
    points = {s.point for s in checklist.sections if s.point}
    assert 3 not in points and 5 not in points
    assert 1 in points  # the agreement applies to a pharmacy too
    pharmacist = next(item for item in checklist.items if "执业药师" in item.title)
    assert pharmacist.priority
    assert any(s.seed == "004" for s in pharmacist.sources)


def test_other_types_get_their_own_priorities(library: Library) -> None:
    for type_code, words in {
        "insurance_agency": ("内审", "监守自盗"),
        "physician": ("大处方", "过度检查"),
        "insured_person": ("冒名就医",),
        "relief": ("医疗救助",),
    }.items():
        checklist = compose(library, type_code, "surprise")
        text = " ".join(item.title + item.question for item in checklist.items)
        for word in words:
            assert word in text, (type_code, word)
        assert not any(s.point for s in checklist.sections), type_code


def test_every_item_traces_to_a_seed_and_can_record_a_violation(library: Library) -> None:
    for item in library.items.values():
        assert item.sources and all(s.clause for s in item.sources), item.code
        assert item.violations, item.code
        assert item.guidance and item.question, item.code


def test_sources_of_other_types_are_not_shown(library: Library) -> None:
    for type_code in ALL_TYPES:
        for item in compose(library, type_code, "surprise").items:
            original = library.items[item.code]
            shown = {(s.seed, s.clause, s.quote) for s in item.sources}
            for source in original.sources:
                if source.types and type_code not in source.types:
                    assert (source.seed, source.clause, source.quote) not in shown


def test_a_covert_visit_keeps_only_what_can_be_observed(library: Library) -> None:
    open_visit = compose(library, "retail_pharmacy", "surprise")
    covert = compose(library, "retail_pharmacy", "covert")
    assert 0 < len(covert.items) < len(open_visit.items)
    assert all(library.items[item.code].covert for item in covert.items)
    assert any("执业药师" in item.title for item in covert.items)


def test_mode_items_come_only_with_their_mode(library: Library) -> None:
    mode_items = {code for code, item in library.items.items() if item.modes}
    assert mode_items
    surprise = {item.code for item in compose(library, "public_hospital", "surprise").items}
    assert not surprise & mode_items
    follow_up = compose(library, "public_hospital", "follow_up")
    added = [item for item in follow_up.items if item.code in mode_items]
    assert added and all(item.origin == "mode" for item in added)
    assert follow_up.sections[0].code == added[0].section  # procedure first


def test_focus_packs_add_their_items(library: Library) -> None:
    assert {
        "fields_2023",
        "key_drugs_2023",
        "drug_purchasing",
        "claim_review",
        "cross_region",
    } <= set(library.focus_packs)
    base = compose(library, "public_hospital", "surprise")
    focused = compose(library, "public_hospital", "surprise", ["fields_2023", "drug_purchasing"])
    added = [item for item in focused.items if item.origin.startswith("focus:")]
    assert len(focused.items) == len(base.items) + len(added)
    titles = " ".join(item.title for item in added)
    for field in ("骨科", "血液净化", "心血管内科", "检查", "检验", "康复理疗", "挂网"):
        assert field in titles, field
    assert focused.versions.keys() > base.versions.keys()


def test_a_focus_pack_that_adds_nothing_is_refused(library: Library) -> None:
    with pytest.raises(InvalidInput, match="没有适用"):
        compose(library, "insured_person", "surprise", ["drug_purchasing"])
    with pytest.raises(InvalidInput, match="未知的专项"):
        compose(library, "public_hospital", "surprise", ["nonsense"])
    with pytest.raises(InvalidInput, match="未知的机构类型"):
        compose(library, "hospital", "surprise")


def test_key_drug_lists_are_complete(library: Library) -> None:
    lists = {code: ref for code, ref in library.reference.items()}
    assert len(lists) == 4
    for reference in lists.values():
        assert [entry.no for entry in reference.entries] == list(range(1, 31)), reference.code
    names = [e.name for ref in lists.values() for e in ref.entries]
    assert "人血白蛋白" in names and "骨水泥" in names and "炒酸枣仁" in names


def test_violations_of_annex_2_are_all_there(library: Library) -> None:
    parties: dict[str, int] = {}
    for violation in library.violations.values():
        parties[violation.party] = parties.get(violation.party, 0) + 1
    assert parties == {"medical": 9, "pharmacy": 7, "insured": 4, "ring": 4, "cross_region": 4}


def test_the_composed_order_is_points_in_order(library: Library) -> None:
    checklist = compose(library, "private_hospital", "surprise")
    points = [s.point for s in checklist.sections if s.point]
    assert points == sorted(points)
    for section in checklist.sections:
        numbers = [int(item.code.split(".")[1]) for item in section.items]
        assert numbers == sorted(numbers)


# --- malformed files ---------------------------------------------------------------------


def _copy_shipped(tmp_path: Path) -> Path:
    target = tmp_path / "shipped"
    shutil.copytree(SHIPPED, target)
    return target


def _edit(path: Path, change: object) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)  # type: ignore[operator]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _points_file(directory: Path) -> Path:
    for path in directory.glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if any(item["section"] == "P5" for item in data.get("items", [])):
            return path
    raise AssertionError("no file with the P5 items")


def test_a_yaml_syntax_error_names_the_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "broken.yaml"
    bad.write_text("format: inspector-checklist/1\nid: [unclosed\n", encoding="utf-8")
    with pytest.raises(ChecklistError, match=r"broken\.yaml.*第 \d+ 行"):
        parse_file(bad)


def test_a_missing_field_names_file_item_and_field(tmp_path: Path) -> None:
    shipped = _copy_shipped(tmp_path)
    path = _points_file(shipped)
    code = {}

    def drop_guidance(data: dict) -> None:
        item = next(i for i in data["items"] if i["section"] == "P5")
        code["value"] = item["code"]
        del item["guidance"]

    _edit(path, drop_guidance)
    with pytest.raises(ChecklistError) as caught:
        parse_file(path)
    message = str(caught.value)
    assert path.name in message and code["value"] in message and "guidance" in message
    assert "缺少必填字段" in message


def test_an_unknown_reference_names_file_item_and_field(tmp_path: Path) -> None:
    shipped = _copy_shipped(tmp_path)
    path = _points_file(shipped)

    def bad_type(data: dict) -> None:
        data["items"][0]["applies_to"] = ["hospital"]

    _edit(path, bad_type)
    with pytest.raises(ChecklistError, match=rf"{path.name}.*条目 .* 的字段 applies_to.*hospital"):
        load_library(shipped_dir=shipped)


def test_a_duplicate_code_is_refused(tmp_path: Path) -> None:
    shipped = _copy_shipped(tmp_path)
    path = _points_file(shipped)

    def duplicate(data: dict) -> None:
        data["items"][1]["code"] = data["items"][0]["code"]

    _edit(path, duplicate)
    with pytest.raises(ChecklistError, match="重复"):
        load_library(shipped_dir=shipped)


def test_a_broken_update_falls_back_to_the_last_good_version(tmp_path: Path) -> None:
    shipped = _copy_shipped(tmp_path)
    user = tmp_path / "user"
    good = load_library(user_dir=user, shipped_dir=shipped)
    assert not good.warnings
    path = _points_file(shipped)
    path.write_text(path.read_text(encoding="utf-8") + "\n  - [broken", encoding="utf-8")
    fallback = load_library(user_dir=user, shipped_dir=shipped)
    assert fallback.warnings and path.name in fallback.warnings[0]
    assert "上次可用" in fallback.warnings[0]
    assert set(fallback.items) == set(good.items)


def test_install_refuses_a_bad_file_and_changes_nothing(tmp_path: Path) -> None:
    user = tmp_path / "user"
    user.mkdir()
    pack = tmp_path / "pack.yaml"
    shutil.copy(next(SHIPPED.glob("focus-cross-region.yaml")), pack)

    def break_it(data: dict) -> None:
        data["version"] = "2099.1"
        data["items"][0]["section"] = "NOPE"

    _edit(pack, break_it)
    with pytest.raises(ChecklistError, match="section"):
        install_file(pack, user)
    assert [p.name for p in user.iterdir() if p.suffix == ".yaml"] == []


def test_install_takes_a_newer_good_pack(tmp_path: Path) -> None:
    user = tmp_path / "user"
    user.mkdir()
    pack = tmp_path / "pack.yaml"
    shutil.copy(next(SHIPPED.glob("focus-cross-region.yaml")), pack)

    def newer(data: dict) -> None:
        data["version"] = "2099.1"
        data["items"][0]["title"] = "更新后的标题"

    _edit(pack, newer)
    installed = install_file(pack, user)
    library = load_library(user_dir=user)
    first = installed.data.items[0].code
    assert library.items[first].title == "更新后的标题"
    with pytest.raises(ChecklistError, match="不高于"):
        install_file(pack, user)


def test_a_covert_visit_with_nothing_to_observe_is_refused(library: Library) -> None:
    with pytest.raises(InvalidInput, match="暗访只包含"):
        compose(library, "insurance_agency", "covert")


def test_yaml_yes_and_no_stay_text(tmp_path: Path) -> None:
    from inspector.checklists.library import load_yaml

    assert load_yaml("no: 1\nname: NO\nflag: true\nother: off\n") == {
        "no": 1,
        "name": "NO",
        "flag": True,
        "other": "off",
    }


def test_applies_notes_are_shown_only_for_their_type(library: Library) -> None:
    noted = [
        item
        for item in library.items.values()
        if "retail_pharmacy" in item.applies_notes
        and library.item_pack[item.code] is None
        and not item.modes
    ]
    assert noted
    code = noted[0].code
    pharmacy = compose(library, "retail_pharmacy", "surprise").item(code)
    assert pharmacy is not None and "本工具" in pharmacy.applies_note
    for type_code in MEDICAL:
        item = compose(library, type_code, "surprise").item(code)
        if item is not None:
            assert item.applies_note == ""


def test_only_items_of_seed_000_are_labelled_as_points(library: Library) -> None:
    for item in compose(library, "public_hospital", "surprise").items:
        if item.origin == "point":
            assert any(source.seed == "000" for source in library.items[item.code].sources)
    split_charging = next(
        item
        for item in compose(library, "public_hospital", "surprise").items
        if item.title == "分解收费"
    )
    assert split_charging.origin == "type"
