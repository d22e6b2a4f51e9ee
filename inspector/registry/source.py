"""Reading a registry file (.xlsx, or CSV in UTF-8 or GBK): the generic table reader
(inspector/tables.py) with the registry's columns."""

from __future__ import annotations

from pathlib import Path

from inspector.progress import Reporter
from inspector.registry.cells import FIELD_NAMES, HEADER_ALIASES, MAX_ROWS, REQUIRED
from inspector.tables import Header, Table, TableSpec, detect_encoding, read_table

REGISTRY = TableSpec(
    field_names=FIELD_NAMES,
    aliases=HEADER_ALIASES,
    required=REQUIRED,
    max_rows=MAX_ROWS,
    too_many="{name} 超过 {limit} 行，不像是机构名单",
)
SourceFile = Table  # the name the registry's modules use

__all__ = ["REGISTRY", "Header", "SourceFile", "detect_encoding", "read_source"]


def read_source(path: Path, reporter: Reporter | None = None) -> SourceFile:
    """Read a registry file. Raises InvalidInput (in Chinese) for a file that cannot be used at
    all: unknown format, unreadable, no header, a required column missing, too many rows."""
    return read_table(path, REGISTRY, reporter)
