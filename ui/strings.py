"""Names of the core's enumerations as the UI shows them, through Qt's translations (the core
keeps its Chinese names for the command line and the record)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from inspector.db.enums import InspectionStatus, Result


# Literal calls, so that lupdate finds every string.
def result_name(result: Result) -> str:
    translate = QCoreApplication.translate
    return {
        Result.OK: translate("Names", "符合"),
        Result.PROBLEM: translate("Names", "发现问题"),
        Result.NOT_APPLICABLE: translate("Names", "不适用"),
        Result.UNCHECKED: translate("Names", "未检查"),
    }[result]


def status_name(status: InspectionStatus) -> str:
    translate = QCoreApplication.translate
    return {
        InspectionStatus.DRAFT: translate("Names", "草稿"),
        InspectionStatus.IN_PROGRESS: translate("Names", "检查中"),
        InspectionStatus.AWAITING_SIGNATURES: translate("Names", "待签字"),
        InspectionStatus.SIGNED: translate("Names", "已签字"),
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
