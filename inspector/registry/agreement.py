"""The agreement check of point 1 (P1.1 是否签订协议, P1.2 协议是否到期): signed, expiring,
expired, or none, as of a day."""

from __future__ import annotations

import enum
from datetime import date
from typing import NamedTuple, Protocol

# --- the agreement check (point 1) -------------------------------------------------------


class AgreementStatus(enum.StrEnum):
    OK = "ok"
    EXPIRING = "expiring"  # within EXPIRING_DAYS, the expiry day included
    EXPIRED = "expired"
    NO_EXPIRY = "no_expiry"  # an agreement number, but no expiry date on record
    NO_AGREEMENT = "no_agreement"
    NOT_IN_REGISTRY = "not_in_registry"


EXPIRING_DAYS = 30
AGREEMENT_STATUS_NAMES = {
    AgreementStatus.OK: "协议有效",
    AgreementStatus.EXPIRING: "协议即将到期",
    AgreementStatus.EXPIRED: "协议已过期",
    AgreementStatus.NO_EXPIRY: "未登记到期日",
    AgreementStatus.NO_AGREEMENT: "无协议记录",
    AgreementStatus.NOT_IN_REGISTRY: "不在名单中",
}
# Which items of point 1 a status is to be checked against on site.
AGREEMENT_ITEMS = {
    AgreementStatus.OK: (),
    AgreementStatus.EXPIRING: ("P1.2",),
    AgreementStatus.EXPIRED: ("P1.2",),
    AgreementStatus.NO_EXPIRY: ("P1.2",),
    AgreementStatus.NO_AGREEMENT: ("P1.1",),
    AgreementStatus.NOT_IN_REGISTRY: ("P1.1",),
}


class AgreementCheck(NamedTuple):
    status: AgreementStatus
    message: str  # Chinese, one line, names the checklist item

    @property
    def flagged(self) -> bool:
        """True when the visit must look at point 1 (anything but a valid agreement)."""
        return self.status is not AgreementStatus.OK

    @property
    def items(self) -> tuple[str, ...]:
        return AGREEMENT_ITEMS[self.status]

    @property
    def label(self) -> str:
        return AGREEMENT_STATUS_NAMES[self.status]


class HasAgreement(Protocol):
    @property
    def agreement_no(self) -> str | None: ...

    @property
    def agreement_expiry(self) -> date | None: ...


def agreement_status(
    institution: HasAgreement | None, on_date: date | None = None
) -> AgreementCheck:
    """The agreement of an institution (an ``Institution`` row or an ``InstitutionInfo``; None
    when it is not in the registry) on the day of the visit (default: today). The agreement is
    valid through its expiry day."""
    on_date = on_date or date.today()
    if institution is None:
        return AgreementCheck(
            AgreementStatus.NOT_IN_REGISTRY,
            "该机构不在定点机构名单中：现场核实是否签订医保定点服务协议（P1.1）",
        )
    number, expiry = institution.agreement_no, institution.agreement_expiry
    if not number and expiry is None:
        return AgreementCheck(
            AgreementStatus.NO_AGREEMENT,
            "名单中没有该机构的定点协议记录：现场核实是否签订医保定点服务协议（P1.1）",
        )
    if expiry is None:
        return AgreementCheck(
            AgreementStatus.NO_EXPIRY,
            f"协议 {number} 未登记到期日：现场核实协议是否在有效期内（P1.2）",
        )
    left = (expiry - on_date).days
    shown = f"协议 {number}" if number else "协议"
    if left < 0:
        return AgreementCheck(
            AgreementStatus.EXPIRED,
            f"{shown}已于 {expiry.isoformat()} 到期（已过 {-left} 天）："
            "核实到期后是否仍在医保结算（P1.2）",
        )
    if left <= EXPIRING_DAYS:
        when = "今天到期" if left == 0 else f"将于 {expiry.isoformat()} 到期（还有 {left} 天）"
        return AgreementCheck(AgreementStatus.EXPIRING, f"{shown}{when}：核实续签情况（P1.2）")
    return AgreementCheck(AgreementStatus.OK, f"{shown}有效期至 {expiry.isoformat()}")
