"""Loading rule packs and knowledge files as checklist files are loaded
(inspector/checklists/library.py): each validated alone, the shipped ones
(``resources/rules/``) and the installed ones (``<home>/rules/``, ``<home>/knowledge/``) merged
with the newest version of an id winning, a file that breaks replaced by its last good copy,
and a new file installed only when it is good with the rest (no rule code twice)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from inspector.checklists.library import _PYDANTIC_ZH, _describe_location, load_yaml
from inspector.errors import InvalidInput, Term
from inspector.files import write_atomically
from inspector.paths import DataDir
from inspector.resources import resource_path
from inspector.rules.formats import KnowledgeFile, Rule, RulePack

LAST_GOOD = ".last-good"
RULES = "rules"
KNOWLEDGE = "knowledge"

Model = TypeVar("Model", RulePack, KnowledgeFile)


@dataclass(frozen=True)
class Loaded(Generic[Model]):
    path: Path
    data: Model
    digest: str

    @property
    def label(self) -> str:
        return self.path.name


def _what(model: type[BaseModel]) -> Term:
    return Term("规则包") if model is RulePack else Term("知识库文件")


def parse(path: Path, model: type[Model]) -> Loaded[Model]:
    """Read and validate one file. Raises InvalidInput naming the file, the entry and field."""
    what = _what(model)
    try:
        raw_bytes = path.read_bytes()
    except OSError as error:
        raise InvalidInput(
            "{what} {file} 无法读取：{error}", what=what, file=path.name, error=error.strerror
        ) from error
    try:
        raw = load_yaml(raw_bytes.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise InvalidInput(
            "{what} {file} 不是 UTF-8 编码的文本", what=what, file=path.name
        ) from error
    except yaml.YAMLError as error:
        raise InvalidInput(
            "{what} {file}：YAML 语法错误：{problem}",
            what=what,
            file=path.name,
            problem=str(getattr(error, "problem", None) or error),
        ) from error
    if not isinstance(raw, dict):
        raise InvalidInput(
            "{what} {file}：内容应为键值对象（format、id、version…）", what=what, file=path.name
        )
    try:
        data = model.model_validate(raw)
    except ValidationError as error:
        lines = []
        for problem in error.errors()[:10]:
            entry, location = _describe_location(raw, tuple(problem["loc"]))
            reason = _PYDANTIC_ZH.get(problem["type"], problem["msg"])
            where = f"条目 {entry} 的" if entry else ""
            lines.append(f"{where}字段 {location}：{reason}")
        raise InvalidInput(
            "{what} {file} 有错误：\n  {details}",
            what=what,
            file=path.name,
            details="\n  ".join(lines),
        ) from error
    return Loaded(path=path, data=data, digest=hashlib.sha256(raw_bytes).hexdigest())


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def _files(directory: Path | None) -> list[Path]:
    if directory is None or not directory.is_dir():
        return []
    return sorted(path for path in directory.glob("*.yaml") if path.is_file())


def _load(
    model: type[Model], shipped: Path, user: Path | None, warnings: list[str]
) -> list[Loaded[Model]]:
    last_good = user / LAST_GOOD if user else None
    chosen: dict[str, Loaded[Model]] = {}
    for path in _files(shipped) + _files(user):
        try:
            loaded = parse(path, model)
        except InvalidInput as error:
            fallback = None
            if last_good is not None and (last_good / path.name).is_file():
                try:
                    fallback = parse(last_good / path.name, model)
                except InvalidInput:
                    fallback = None
            if fallback is None:
                if path.parent == shipped:
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
    if last_good is not None:
        for loaded in files:
            target = last_good / loaded.path.name
            if loaded.path.parent != last_good and _digest(target) != loaded.digest:
                target.parent.mkdir(parents=True, exist_ok=True)
                write_atomically(target, loaded.path)
    return files


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


@dataclass
class RuleLibrary:
    packs: list[Loaded[RulePack]]
    knowledge: list[Loaded[KnowledgeFile]]
    rules: dict[str, Rule] = field(default_factory=dict)  # by code, in the packs' order
    rule_pack: dict[str, str] = field(default_factory=dict)  # rule code -> pack id
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def build(
        cls, packs: list[Loaded[RulePack]], knowledge: list[Loaded[KnowledgeFile]]
    ) -> RuleLibrary:
        library = cls(packs=packs, knowledge=knowledge)
        for loaded in packs:
            for rule in loaded.data.rules:
                if rule.code in library.rules:
                    raise InvalidInput(
                        "规则包 {file}：规则代码 {code} 重复（已在规则包 {owner} 中定义）",
                        file=loaded.label,
                        code=rule.code,
                        owner=library.rule_pack[rule.code],
                    )
                library.rules[rule.code] = rule
                library.rule_pack[rule.code] = loaded.data.id
        return library

    @property
    def versions(self) -> dict[str, Any]:
        """What a run used: each pack's and knowledge file's id, version and SHA-256."""
        return {
            "rules": {
                p.data.id: {"version": p.data.version, "sha256": p.digest} for p in self.packs
            },
            "knowledge": {
                k.data.id: {"version": k.data.version, "sha256": k.digest} for k in self.knowledge
            },
        }


def rules_dir(home: DataDir) -> Path:
    return home.root / RULES


def knowledge_dir(home: DataDir) -> Path:
    return home.root / KNOWLEDGE


def shipped_rules() -> Path:
    return resource_path("rules")


def shipped_knowledge() -> Path:
    return resource_path("rules", "knowledge")


def load_rule_library(
    home: DataDir | None = None,
    shipped: Path | None = None,
    shipped_knowledge_dir: Path | None = None,
) -> RuleLibrary:
    warnings: list[str] = []
    packs = _load(RulePack, shipped or shipped_rules(), rules_dir(home) if home else None, warnings)
    knowledge = _load(
        KnowledgeFile,
        shipped_knowledge_dir or shipped_knowledge(),
        knowledge_dir(home) if home else None,
        warnings,
    )
    library = RuleLibrary.build(packs, knowledge)
    library.warnings = warnings
    return library


def install(path: Path, home: DataDir) -> Loaded[Any]:
    """Install a rule pack or a knowledge file (its ``format`` tells which) after checking it
    alone and with the installed ones. A bad file, or one not newer than the installed
    version, changes nothing."""
    kind = _format_of(path)
    model: type[RulePack] | type[KnowledgeFile] = RulePack if kind == RULES else KnowledgeFile
    loaded: Loaded[Any] = parse(path, model)
    library = load_rule_library(home)
    current = library.packs if kind == RULES else library.knowledge
    replaced = next((f for f in current if f.data.id == loaded.data.id), None)
    if replaced and _version_key(loaded.data.version) <= _version_key(replaced.data.version):
        raise InvalidInput(
            "{what} {file}：版本 {version} 不高于已有版本 {installed}，未安装",
            what=_what(model),
            file=path.name,
            version=loaded.data.version,
            installed=replaced.data.version,
        )
    others = [f for f in current if f.data.id != loaded.data.id]
    if kind == RULES:
        RuleLibrary.build(sorted([*others, loaded], key=lambda f: f.data.id), library.knowledge)
    target_dir = rules_dir(home) if kind == RULES else knowledge_dir(home)
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / f"{loaded.data.id}.yaml"
    write_atomically(target, path)
    return parse(target, model)


def _format_of(path: Path) -> str:
    try:
        raw = load_yaml(path.read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        raw = None
    fmt = raw.get("format") if isinstance(raw, dict) else None
    if fmt == "inspector-rules/1":
        return RULES
    if fmt == "inspector-knowledge/1":
        return KNOWLEDGE
    raise InvalidInput(
        "{file} 不是规则包（format: inspector-rules/1）或知识库文件"
        "（format: inspector-knowledge/1）",
        file=path.name,
    )
