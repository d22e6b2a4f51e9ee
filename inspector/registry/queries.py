"""Reading the registry: searching institutions, finding one by name or id, and checking an
institution's agreement for a new inspection."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from inspector.checklists.library import Library
from inspector.db.models import Institution
from inspector.errors import InvalidInput, NotFound
from inspector.registry.agreement import AgreementCheck, agreement_status
from inspector.registry.cells import fold
from inspector.workspace import Workspace

# --- reading the registry ----------------------------------------------------------------


@dataclass(frozen=True)
class InstitutionInfo:
    """An institution as the UI and the command line show it (no session held)."""

    id: str
    name: str
    type_code: str
    type_name: str
    district: str
    agreement_no: str | None
    agreement_expiry: date | None
    level: str | None
    # The day its agreement was 解除 by a case, within the last three years (inspector/cases/).
    agreement_terminated_on: date | None = None

    def agreement(self, on_date: date | None = None) -> AgreementCheck:
        return agreement_status(self, on_date)

    @property
    def agreement_message(self) -> str:
        """The agreement check for a visit today, in Chinese."""
        return self.agreement().message

    @property
    def terminated_message(self) -> str | None:
        """The 解除 flag, in Chinese: when, and until when it holds."""
        if self.agreement_terminated_on is None:
            return None
        from inspector.cases.measures import terminated_until

        return (
            f"医保协议已于 {self.agreement_terminated_on:%Y-%m-%d} 解除（案件处理），"
            f"{terminated_until(self.agreement_terminated_on):%Y-%m-%d} 前不得重新纳入定点"
        )


def terminated(session: Session) -> dict[str, date]:
    """Institution id → the day its agreement was 解除, within the last three years."""
    from inspector.cases.measures import terminated_institutions

    return terminated_institutions(session, date.today())


def _info(
    place: Institution, library: Library, flagged: dict[str, date] | None = None
) -> InstitutionInfo:
    kind = library.types.get(place.type_code)
    return InstitutionInfo(
        id=place.id,
        name=place.name,
        type_code=place.type_code,
        type_name=kind.name if kind else place.type_code,
        district=place.district,
        agreement_no=place.agreement_no,
        agreement_expiry=place.agreement_expiry,
        level=place.level,
        agreement_terminated_on=(flagged or {}).get(place.id),
    )


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_institutions(
    ws: Workspace, text: str = "", type_code: str | None = None, limit: int | None = None
) -> list[InstitutionInfo]:
    """Institutions whose name, agreement number or district contains each word of ``text``
    (spaces separate words), by name."""
    query = select(Institution)
    for word in text.split():
        pattern = _like(word)
        query = query.where(
            or_(
                Institution.name.like(pattern, escape="\\"),
                Institution.agreement_no.like(pattern, escape="\\"),
                Institution.district.like(pattern, escape="\\"),
            )
        )
    if type_code:
        query = query.where(Institution.type_code == type_code)
    query = query.order_by(Institution.name, Institution.district)
    if limit is not None:
        query = query.limit(limit)
    with ws.db.session() as session:
        flagged = terminated(session)
        return [_info(place, ws.library, flagged) for place in session.scalars(query)]


def get_institution(ws: Workspace, institution_id: str) -> InstitutionInfo:
    with ws.db.session() as session:
        place = session.get(Institution, institution_id)
        if place is None:
            raise NotFound("找不到该机构")
        return _info(place, ws.library, terminated(session))


def find_institution(ws: Workspace, text: str) -> InstitutionInfo:
    """One institution by its agreement number or its exact name. A name used in several
    districts is refused with the districts listed."""
    text = text.strip()
    if not text:
        raise InvalidInput("请填写机构名称或协议编号")
    with ws.db.session() as session:
        found = session.scalars(
            select(Institution).where(Institution.agreement_no == fold(text).replace(" ", ""))
        ).all()
        if not found:
            found = session.scalars(select(Institution).where(Institution.name == text)).all()
        if not found:
            raise NotFound(
                "机构名单中没有“{text}”（可用 institution list --search 查找）", text=text
            )
        if len(found) > 1:
            listed = "、".join(f"{p.district}（协议 {p.agreement_no or '无'}）" for p in found)
            raise InvalidInput(
                "“{text}”对应多家机构：{listed}。请用协议编号指定", text=text, listed=listed
            )
        return _info(found[0], ws.library, terminated(session))


def check_agreement(
    ws: Workspace, name: str, district: str, on_date: date | None = None
) -> AgreementCheck:
    """The agreement check for an institution typed by name and district (not picked from the
    registry): not in the registry when no institution of that name and district is stored."""
    with ws.db.session() as session:
        place = session.scalar(
            select(Institution).where(
                Institution.name == name.strip(), Institution.district == district.strip()
            )
        )
        return agreement_status(place, on_date)
