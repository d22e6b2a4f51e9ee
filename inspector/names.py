"""What the inspectors read for the stored codes: the Chinese names of statuses and results, in
the command line and the record (the app translates its own). Kept out of the ORM module:
storage says what is kept, not how it is called."""

from __future__ import annotations

from inspector.db.enums import InspectionStatus, Result

STATUS_NAMES = {
    InspectionStatus.DRAFT: "草稿",
    InspectionStatus.IN_PROGRESS: "检查中",
    InspectionStatus.AWAITING_SIGNATURES: "待签字",
    InspectionStatus.SIGNED: "已签字",
}

RESULT_NAMES = {
    Result.OK: "符合",
    Result.PROBLEM: "发现问题",
    Result.NOT_APPLICABLE: "不适用",
    Result.UNCHECKED: "未检查",
}
