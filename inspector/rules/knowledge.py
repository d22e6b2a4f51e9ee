"""The knowledge lists in DuckDB (tables ``k_gender``, ``k_age`` …, one per list of
:class:`~inspector.rules.formats.KnowledgeFile`), and a knowledge file made from a bureau's
spreadsheet (xlsx/CSV, headers recognised as the other readers recognise them)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import duckdb
import yaml
from pydantic import ValidationError

from inspector.checklists.library import _PYDANTIC_ZH
from inspector.errors import InvalidInput, Term
from inspector.rules.formats import KNOWLEDGE_LISTS, KnowledgeFile, yuan_to_fen
from inspector.tables import TableSpec, cell_text, read_table

# Each list's table: its columns (name, DuckDB type) as the engine reads them.
_CODE_NAME = (("code", "VARCHAR"), ("name", "VARCHAR"))
TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "gender": (*_CODE_NAME, ("gender", "VARCHAR")),
    "age": (*_CODE_NAME, ("min_age", "INTEGER"), ("max_age", "INTEGER")),
    "frequency": (*_CODE_NAME, ("max_quantity", "DOUBLE"), ("per", "VARCHAR")),
    "repeat": (*_CODE_NAME, ("per", "VARCHAR")),
    "exclusive": (
        ("code_a", "VARCHAR"),
        ("name_a", "VARCHAR"),
        ("code_b", "VARCHAR"),
        ("name_b", "VARCHAR"),
        ("per", "VARCHAR"),
    ),
    "level": (*_CODE_NAME, ("min_level", "INTEGER")),
    "price": (*_CODE_NAME, ("price_fen", "BIGINT")),
    "drug": (*_CODE_NAME, ("daily_quantity", "DOUBLE"), ("max_days", "INTEGER")),
    "basic": (*_CODE_NAME, ("category", "VARCHAR")),
}
CHUNK = 100_000  # rows per INSERT


def insert_rows(
    con: duckdb.DuckDBPyConnection, table: str, width: int, rows: Sequence[Sequence[Any]]
) -> None:
    """Insert many rows column by column: one list per column, unnested in SQL (DuckDB's
    executemany binds row by row, 100 times slower)."""
    types = [row[1] for row in con.execute(f"DESCRIBE {table}").fetchall()][:width]
    select = ", ".join(f"unnest(${i + 1}::{t}[])" for i, t in enumerate(types))
    for start in range(0, len(rows), CHUNK):
        columns = [list(column) for column in zip(*rows[start : start + CHUNK], strict=True)]
        con.execute(f"INSERT INTO {table} SELECT {select}", columns)


def _values(kind: str, entry: Any) -> tuple[Any, ...]:
    if kind == "price":
        return (entry.code, entry.name, entry.price_fen)
    return tuple(getattr(entry, column) for column, _ in TABLES[kind])


def load_knowledge(con: duckdb.DuckDBPyConnection, files: Iterable[KnowledgeFile]) -> None:
    """(Re)create the ``k_*`` tables from the knowledge files given."""
    files = list(files)
    for kind, columns in TABLES.items():
        con.execute(f"DROP TABLE IF EXISTS k_{kind}")
        con.execute(f"CREATE TABLE k_{kind} ({', '.join(f'{n} {t}' for n, t in columns)})")
        rows = [_values(kind, entry) for data in files for entry in getattr(data, kind)]
        insert_rows(con, f"k_{kind}", len(columns), rows)


# --- import from a spreadsheet ------------------------------------------------------------

_CODE = ("医保目录编码", "项目编码", "医保编码", "目录编码", "药品编码", "编码", "code")
_NAME = ("项目名称", "药品名称", "名称", "通用名", "name")
# Per list: field -> the headers a bureau's sheet may use.
ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "gender": {"code": _CODE, "name": _NAME, "gender": ("限定性别", "限性别", "性别", "gender")},
    "age": {
        "code": _CODE, "name": _NAME,
        "min_age": ("最小年龄", "年龄下限", "最低年龄", "min_age"),
        "max_age": ("最大年龄", "年龄上限", "最高年龄", "max_age"),
    },
    "frequency": {
        "code": _CODE, "name": _NAME,
        "max_quantity": ("限定频次", "最大数量", "限定数量", "频次上限", "max_quantity"),
        "per": ("周期", "频次周期", "per"),
    },
    "repeat": {"code": _CODE, "name": _NAME, "per": ("周期", "频次周期", "per")},
    "exclusive": {
        "code_a": ("项目编码A", "主项目编码", "code_a"),
        "name_a": ("项目名称A", "主项目名称", "name_a"),
        "code_b": ("项目编码B", "互斥项目编码", "code_b"),
        "name_b": ("项目名称B", "互斥项目名称", "name_b"),
        "per": ("周期", "per"),
    },
    "level": {
        "code": _CODE, "name": _NAME,
        "min_level": ("最低机构级别", "限定级别", "机构级别", "医院级别", "min_level"),
    },
    "price": {
        "code": _CODE, "name": _NAME,
        "price": ("最高限价", "限价", "价格", "收费标准", "单价", "price"),
    },
    "drug": {
        "code": _CODE, "name": _NAME,
        "daily_quantity": ("日最大用量", "每日用量", "日用量", "daily_quantity"),
        "max_days": ("最大天数", "限定天数", "疗程天数", "max_days"),
    },
    "basic": {"code": _CODE, "name": _NAME, "category": ("类别", "费用类别", "category")},
}  # fmt: skip
REQUIRED: dict[str, tuple[str, ...]] = {
    "gender": ("code", "gender"),
    "age": ("code",),
    "frequency": ("code", "max_quantity"),
    "repeat": ("code",),
    "exclusive": ("code_a", "code_b"),
    "level": ("code", "min_level"),
    "price": ("code", "price"),
    "drug": ("code", "daily_quantity"),
    "basic": ("code",),
}
# Words a sheet writes for the values the format takes.
_PER = {"日": "day", "每日": "day", "天": "day", "day": "day", "次": "settlement",
        "每次就诊": "settlement", "每次住院": "settlement", "就诊": "settlement",
        "住院": "settlement", "settlement": "settlement"}  # fmt: skip
_LEVEL = {"一级": 1, "二级": 2, "三级": 3, "1": 1, "2": 2, "3": 3}
_GENDER = {"男": "男", "女": "女", "限男性": "男", "限女性": "女", "男性": "男", "女性": "女"}


def _cell(kind: str, fld: str, text: str) -> Any:
    if fld in ("per",):
        return _PER.get(text, text)
    if fld == "gender":
        return _GENDER.get(text, text)
    if fld == "min_level":
        return _LEVEL.get(text.replace("及以上", "").replace("医院", "").strip(), text)
    if fld == "price":
        yuan_to_fen(text.replace("元", "").replace("¥", ""))  # refused here by its row
        return text.replace("元", "").replace("¥", "").replace(",", "")
    return text


def import_sheet(
    path: Path, kind: str, *, id: str, version: str, title: str, source: str
) -> tuple[str, int]:
    """A knowledge file's YAML text from a spreadsheet of one list, and its entry count.
    Raises InvalidInput naming every refused row (nothing is written)."""
    if kind not in KNOWLEDGE_LISTS:
        raise InvalidInput(
            "不认识的知识库类别：{kind}（可选：{kinds}）",
            kind=kind,
            kinds="、".join(KNOWLEDGE_LISTS),
        )
    list_name, model = KNOWLEDGE_LISTS[kind]
    aliases = ALIASES[kind]
    spec = TableSpec(
        field_names={f: f for f in aliases},
        aliases=aliases,
        required=REQUIRED[kind],
        max_rows=2_000_000,
        too_many="{name} 超过 {limit} 行",
    )
    table = read_table(path, spec)
    entries: list[dict[str, Any]] = []
    refused: list[str] = []
    for number, cells in table.rows:
        raw = {
            fld: cell_text(cells[index]) if index < len(cells) else ""
            for fld, index in table.header.columns.items()
        }
        if not any(raw.values()):
            continue
        try:
            values = {f: _cell(kind, f, v) for f, v in raw.items() if v != ""}
            entry = model.model_validate(values)
        except (ValidationError, ValueError) as error:
            if isinstance(error, ValidationError):
                first = error.errors()[0]
                field_name = ".".join(str(p) for p in first["loc"]) or "—"
                reason = f"{field_name}：{_PYDANTIC_ZH.get(first['type'], first['msg'])}"
            else:
                reason = str(error)
            refused.append(f"第 {number} 行：{reason}")
            continue
        entries.append(entry.model_dump(exclude_defaults=True))
    if refused:
        raise InvalidInput(
            "{name} 有 {n} 行无法导入，未生成知识库文件：\n  {rows}",
            name=path.name,
            n=len(refused),
            rows="\n  ".join(refused[:20]),
        )
    if not entries:
        raise InvalidInput("{name} 中没有{what}", name=path.name, what=Term(list_name))
    document = {
        "format": "inspector-knowledge/1",
        "id": id,
        "version": version,
        "title": title,
        "source": source,
        kind: entries,
    }
    try:
        KnowledgeFile.model_validate(document)
    except ValidationError as error:
        raise InvalidInput(
            "知识库文件的标识有误：{problem}", problem=error.errors()[0]["msg"]
        ) from error
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100)
    return text, len(entries)
