"""Lists read a page at a time (the home list, the ledger): the next page is read on the
database executor and appended when it arrives, unless the list was filtered anew meanwhile."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QModelIndex


class PagedModel(Protocol):
    filters: Any
    rows: list[Any]
    total: int
    _fetching: bool

    def beginInsertRows(self, parent: QModelIndex, first: int, last: int) -> None: ...  # noqa: N802
    def endInsertRows(self) -> None: ...  # noqa: N802


def append_page(model: PagedModel, filters: Any, start: int, more: list[Any]) -> None:
    """Append ``more``, the page read from ``start`` for ``filters``; an empty page ends the
    list where it is."""
    if model.filters is not filters or len(model.rows) != start:
        return  # a new list replaced the one this page belongs to
    model._fetching = False
    if not more:
        model.total = len(model.rows)
        return
    model.beginInsertRows(QModelIndex(), len(model.rows), len(model.rows) + len(more) - 1)
    model.rows.extend(more)
    model.endInsertRows()
