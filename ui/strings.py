"""Names of the core's enumerations as the UI shows them, through Qt's translations (the core
keeps its Chinese names for the command line and the record)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from inspector.db.models import InspectionStatus, Result


def _t(text: str) -> str:
    return QCoreApplication.translate("Names", text)


def result_name(result: Result) -> str:
    return {
        Result.OK: _t("符合"),
        Result.PROBLEM: _t("发现问题"),
        Result.NOT_APPLICABLE: _t("不适用"),
        Result.UNCHECKED: _t("未检查"),
    }[result]


def status_name(status: InspectionStatus) -> str:
    return {
        InspectionStatus.DRAFT: _t("草稿"),
        InspectionStatus.IN_PROGRESS: _t("检查中"),
        InspectionStatus.AWAITING_SIGNATURES: _t("待签字"),
        InspectionStatus.SIGNED: _t("已签字"),
    }[status]


def money(fen: int | None) -> str:
    """Yuan in the user's locale, e.g. ¥12,345.60."""
    if fen is None:
        return ""
    return QLocale().toCurrencyString(fen / 100, "¥", 2)


def plain_amount(fen: int | None) -> str:
    """Yuan for an input field: no currency sign, no grouping, two decimals."""
    if fen is None:
        return ""
    return f"{fen // 100}.{fen % 100:02d}"
