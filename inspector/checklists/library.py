"""Loading the checklist files: validate each, check references across them, fall back to the last
good copy of a file that breaks, and install new files only when they are good."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from inspector.checklists.schema import (
    ChecklistFile,
    FocusPack,
    InspectionMode,
    InstitutionType,
    Item,
    ReferenceList,
    Section,
    ViolationCategory,
)
from inspector.errors import ChecklistError
from inspector.files import write_atomically
from inspector.resources import resource_path

LAST_GOOD = ".last-good"


# libyaml's parser where PyYAML was built with it (10x faster than the pure-Python one).
_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """YAML as version 1.2 reads booleans: only true/false. YAML 1.1 (PyYAML's default) reads
    no, yes, on and off as booleans, so a key ``no:`` or a value ``NO`` would silently change
    meaning in a hand-edited file."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def load_yaml(text: str) -> Any:
    return yaml.load(text, Loader=_Loader)


# Pydantic's error types, said in Chinese.
_PYDANTIC_ZH = {
    "missing": "缺少必填字段",
    "extra_forbidden": "未知字段（拼写错误？）",
    "string_pattern_mismatch": "格式不符合要求",
    "string_too_short": "不能为空",
    "too_short": "不能为空",
    "string_type": "应为文本",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "list_type": "应为列表",
    "model_type": "应为键值对象",
    "dict_type": "应为键值对象",
    "literal_error": "取值不在允许范围内",
    "greater_than_equal": "数值过小",
    "less_than_equal": "数值过大",
}


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def _item_order(code: str) -> tuple[str, int]:
    prefix, _, number = code.partition(".")
    return prefix, int(number)


@dataclass(frozen=True)
class LoadedFile:
    path: Path
    data: ChecklistFile
    digest: str  # SHA-256 of the file's bytes

    @property
    def label(self) -> str:
        return self.path.name


def _describe_location(raw: Any, loc: tuple[int | str, ...]) -> tuple[str, str]:
    """From a pydantic error location, the entry it is in (by its code) and the field."""
    entry = ""
    node = raw
    walked: list[str] = []
    for part in loc:
        if isinstance(node, dict) and isinstance(node.get("code"), str) and walked:
            entry = node["code"]
        try:
            node = node[part]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            node = None
        walked.append(str(part))
    if isinstance(node, dict) and isinstance(node.get("code"), str) and not entry:
        entry = node["code"]
    # The field is the path below the entry, e.g. "sources[0].quote".
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return entry, text


def parse_file(path: Path) -> LoadedFile:
    """Read and validate one file on its own. Raises ChecklistError naming file, entry, field."""
    try:
        raw_bytes = path.read_bytes()
    except OSError as error:
        raise ChecklistError(
            "清单文件 {file} 无法读取：{error}", file=path.name, error=error.strerror
        ) from error
    try:
        text = raw_bytes.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ChecklistError("清单文件 {file} 不是 UTF-8 编码的文本", file=path.name) from error
    try:
        raw = load_yaml(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"第 {mark.line + 1} 行第 {mark.column + 1} 列" if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise ChecklistError(
            "清单文件 {file}：YAML 语法错误 {where}：{problem}",
            file=path.name,
            where=where,
            problem=problem,
        ) from error
    if not isinstance(raw, dict):
        raise ChecklistError(
            "清单文件 {file}：内容应为键值对象（format、id、version…）", file=path.name
        )
    try:
        data = ChecklistFile.model_validate(raw)
    except ValidationError as error:
        lines = []
        for problem in error.errors()[:10]:
            entry, location = _describe_location(raw, tuple(problem["loc"]))
            reason = _PYDANTIC_ZH.get(problem["type"], problem["msg"])
            if problem["type"] == "literal_error":
                reason += f"（{problem['msg']}）"
            where = f"条目 {entry} 的" if entry else ""
            lines.append(f"{where}字段 {location}：{reason}")
        more = len(error.errors()) - len(lines)
        tail = f"\n  另有 {more} 处错误" if more > 0 else ""
        details = "\n  ".join(lines) + tail
        raise ChecklistError(
            "清单文件 {file} 有错误：\n  {details}", file=path.name, details=details
        ) from error
    if (data.kind == "focus") != (data.focus is not None):
        raise ChecklistError(
            "清单文件 {file}：字段 focus 应且仅应出现在 kind: focus 的文件中", file=path.name
        )
    if data.focus is not None and data.focus.code != data.id:
        raise ChecklistError(
            "清单文件 {file}：字段 focus.code 应与 id（{id}）相同", file=path.name, id=data.id
        )
    return LoadedFile(path=path, data=data, digest=hashlib.sha256(raw_bytes).hexdigest())


# Whom each part of seed 002 附件2 is about, as its headings name them.
VIOLATION_PARTIES = {
    "medical": "定点医疗机构",
    "pharmacy": "定点零售药店",
    "insured": "参保人员",
    "ring": "职业骗保团伙",
    "cross_region": "异地就医",
}
# The parties whose categories an institution type cannot commit: a hospital or clinic is no
# pharmacy, a pharmacy no medical institution.
VIOLATION_PARTIES_NOT_FOR = {
    "public_hospital": frozenset({"pharmacy"}),
    "primary_care": frozenset({"pharmacy"}),
    "private_hospital": frozenset({"pharmacy"}),
    "retail_pharmacy": frozenset({"medical"}),
}


@dataclass
class Library:
    """All checklist content, checked for consistency."""

    files: list[LoadedFile]
    types: dict[str, InstitutionType] = field(default_factory=dict)
    modes: dict[str, InspectionMode] = field(default_factory=dict)
    sections: dict[str, Section] = field(default_factory=dict)
    violations: dict[str, ViolationCategory] = field(default_factory=dict)
    items: dict[str, Item] = field(default_factory=dict)
    focus_packs: dict[str, FocusPack] = field(default_factory=dict)
    reference: dict[str, ReferenceList] = field(default_factory=dict)
    item_pack: dict[str, str | None] = field(default_factory=dict)  # item code -> focus pack
    item_file: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def violation_label(self, code: str | None) -> str:
        """A violation category as users read it, code and title; a title that two parties'
        categories share (seed 002 附件2 ends the list of each party with "其他骗取医保基金支出
        的行为") names the party the category is for."""
        if not code:
            return ""
        found = self.violations.get(code)
        if found is None:
            return code
        shared = any(
            other.title == found.title and other.code != code for other in self.violations.values()
        )
        party = f"（{VIOLATION_PARTIES[found.party]}）" if shared else ""
        return f"{code} {found.title}{party}"

    def violations_for(self, codes: list[str], type_code: str) -> list[str]:
        """The categories of ``codes`` that can apply to an institution of ``type_code``: a
        pharmacy's are not offered for a hospital, nor a hospital's for a pharmacy."""
        refused = VIOLATION_PARTIES_NOT_FOR.get(type_code, frozenset())
        return [
            code
            for code in codes
            if code not in self.violations or self.violations[code].party not in refused
        ]

    @classmethod
    def build(cls, files: list[LoadedFile]) -> Library:
        """Index the files and check every reference; errors name file, entry and field."""
        library = cls(files=files)
        owner: dict[str, str] = {}

        def claim(code: str, kind: str, where: LoadedFile) -> None:
            if code in owner:
                raise ChecklistError(
                    "清单文件 {file}：{kind} 代码 {code} 重复（已在 {owner} 中定义）",
                    file=where.label,
                    kind=kind,
                    code=code,
                    owner=owner[code],
                )
            owner[code] = where.label

        for loaded in files:
            data = loaded.data
            for entry in data.types:
                claim(entry.code, "机构类型", loaded)
                library.types[entry.code] = entry
            for mode in data.modes:
                claim(mode.code, "检查方式", loaded)
                library.modes[mode.code] = mode
            for section in data.sections:
                claim(section.code, "分组", loaded)
                library.sections[section.code] = section
            for violation in data.violations:
                claim(violation.code, "违规类别", loaded)
                library.violations[violation.code] = violation
            for reference in data.reference:
                claim(reference.code, "参考目录", loaded)
                library.reference[reference.code] = reference
            if data.focus is not None:
                claim(data.focus.code, "专项", loaded)
                library.focus_packs[data.focus.code] = data.focus
            for item in data.items:
                claim(item.code, "检查条目", loaded)
                library.items[item.code] = item
                library.item_pack[item.code] = data.focus.code if data.focus else None
                library.item_file[item.code] = loaded.label

        for code, item in library.items.items():
            _check_item_references(library, library.item_file[code], item)
        for required, what in ((library.types, "机构类型"), (library.modes, "检查方式")):
            if not required:
                raise ChecklistError("清单库中没有任何{what}：缺少基础清单文件", what=what)
        return library

    @property
    def versions(self) -> dict[str, str]:
        return {loaded.data.id: loaded.data.version for loaded in self.files}

    def sorted_items(self) -> list[Item]:
        return sorted(
            self.items.values(),
            key=lambda item: (self.sections[item.section].order, _item_order(item.code)),
        )

    def focus_packs_for(self, type_code: str) -> list[FocusPack]:
        """The focus packs that add at least one item for this type."""
        useful = {
            self.item_pack[code]
            for code, item in self.items.items()
            if self.item_pack[code] and type_code in item.applies_to
        }
        return [pack for code, pack in self.focus_packs.items() if code in useful]


def _check_item_references(library: Library, label: str, item: Item) -> None:
    def bad(field_name: str, value: str, known: Iterable[str], what: str) -> ChecklistError:
        return ChecklistError(
            "清单文件 {label}：条目 {code} 的字段 {field_name}：未知的{what} {value}"
            "（可用：{known}）",
            label=label,
            code=item.code,
            field_name=field_name,
            what=what,
            value=repr(value),
            known="、".join(sorted(known)),
        )

    if item.section not in library.sections:
        raise bad("section", item.section, library.sections, "分组")
    for type_code in item.applies_to:
        if type_code not in library.types:
            raise bad("applies_to", type_code, library.types, "机构类型")
    for violation in item.violations:
        if violation not in library.violations:
            raise bad("violations", violation, library.violations, "违规类别")
    for mode in item.modes:
        if mode not in library.modes:
            raise bad("modes", mode, library.modes, "检查方式")
    for type_code in item.applies_notes:
        if type_code not in item.applies_to:
            raise bad("applies_notes", type_code, item.applies_to, "机构类型（应在 applies_to 中）")
    if item.reference is not None and item.reference not in library.reference:
        raise bad("reference", item.reference, library.reference, "参考目录")
    for index, source in enumerate(item.sources):
        for type_code in source.types:
            if type_code not in library.types:
                raise bad(f"sources[{index}].types", type_code, library.types, "机构类型")


def _collect(directory: Path | None) -> list[Path]:
    if directory is None or not directory.is_dir():
        return []
    return sorted(path for path in directory.glob("*.yaml") if path.is_file())


def load_library(user_dir: Path | None = None, shipped_dir: Path | None = None) -> Library:
    """Load the shipped files and those the user installed (a newer version of a file wins).

    A file that fails is replaced by its last good copy (kept in ``user_dir/.last-good``) with a
    warning, so that one broken update never leaves the team without a checklist.
    """
    shipped_dir = shipped_dir or resource_path("checklists")
    last_good = user_dir / LAST_GOOD if user_dir else None
    warnings: list[str] = []
    chosen: dict[str, LoadedFile] = {}

    for path in _collect(shipped_dir) + _collect(user_dir):
        try:
            loaded = parse_file(path)
        except ChecklistError as error:
            fallback = _last_good_copy(last_good, path.name)
            if fallback is None:
                if path.parent == shipped_dir:
                    raise
                warnings.append(f"{error}\n  已忽略该文件。")
                continue
            warnings.append(f"{error}\n  已改用上次可用的版本（{fallback.data.version}）。")
            loaded = fallback
        current = chosen.get(loaded.data.id)
        if current is None or _version_key(loaded.data.version) > _version_key(
            current.data.version
        ):
            chosen[loaded.data.id] = loaded

    files = sorted(chosen.values(), key=lambda loaded: loaded.data.id)
    library = Library.build(files)
    library.warnings = warnings
    if last_good is not None:
        for loaded in files:
            target = last_good / loaded.path.name
            if loaded.path.parent != last_good and _digest(target) != loaded.digest:
                write_atomically(target, loaded.path)
    return library


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _last_good_copy(last_good: Path | None, name: str) -> LoadedFile | None:
    if last_good is None or not (last_good / name).is_file():
        return None
    try:
        return parse_file(last_good / name)
    except ChecklistError:
        return None


def install_file(path: Path, user_dir: Path, shipped_dir: Path | None = None) -> LoadedFile:
    """Install a checklist file (e.g. a campaign pack from the bureau) after checking it alone
    and together with the library. A bad file changes nothing."""
    loaded = parse_file(path)
    current = load_library(user_dir, shipped_dir)
    others = [f for f in current.files if f.data.id != loaded.data.id]
    replaced = next((f for f in current.files if f.data.id == loaded.data.id), None)
    if replaced and _version_key(loaded.data.version) <= _version_key(replaced.data.version):
        raise ChecklistError(
            "清单文件 {file}：版本 {version} 不高于已有版本 {installed}，未安装",
            file=path.name,
            version=loaded.data.version,
            installed=replaced.data.version,
        )
    Library.build(sorted([*others, loaded], key=lambda f: f.data.id))
    target = user_dir / f"{loaded.data.id}.yaml"
    write_atomically(target, path)
    return parse_file(target)
