"""The issuing authority (执法主体) and its document numbers (文号).

A laptop serves one or more bureaus, set by the office (``bureau set`` or the app; pulled from
the central service where the laptop is enrolled): each with its name, 统一社会信用代码, address,
the district it serves, its short name (区简称) and a number template per kind of document,
e.g. ``{区简称}医保检〔{年}〕{序号}号``. Each inspection names the bureau it is carried out in the
name of: by default the one serving the inspected district; a cross-district check names the
bureau that organizes it, not the team's district (行政处罚法 art. 18-20: the authority that
acts is the one named). Documents print that bureau and a number allocated from its template:
once, in sequence per bureau, kind and year, audited, and never given again (the
``document_numbers`` rows are never changed or removed)."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inspector.db.models import DocumentNumber, Inspection
from inspector.errors import InvalidInput
from inspector.workspace import Workspace

BUREAUS_SETTING = "bureaus"  # JSON: the bureaus this laptop serves
LEGACY_SETTING = "bureau"  # the name alone, as laptops set it before there were bureaus

# The kinds of document that are numbered, and what the user calls them.
KINDS = {
    "record": "现场检查记录",
    "interview": "询问笔录",
    "order": "整改通知书",
    # A case's documents sent to the party (inspector/cases/documents.py).
    "case-notice": "行政处罚事先告知书",
    "case-hearing-notice": "听证告知书",
    "case-decision": "行政处罚决定书",
}
# {设备}: this laptop's short code, for bureaus whose laptops number on their own (two laptops
# with one template and no 设备 would give the same numbers: each keeps its own sequence).
PLACEHOLDERS = ("区简称", "年", "序号", "设备")
DEFAULT_TEMPLATES = {
    "record": "{区简称}医保检〔{年}〕{序号}号",
    "interview": "{区简称}医保询〔{年}〕{序号}号",
    "order": "{区简称}医保整改〔{年}〕{序号}号",
    "case-notice": "{区简称}医保罚告〔{年}〕{序号}号",
    "case-hearing-notice": "{区简称}医保听告〔{年}〕{序号}号",
    "case-decision": "{区简称}医保罚决〔{年}〕{序号}号",
}


@dataclass(frozen=True)
class Bureau:
    name: str
    credit_code: str | None = None
    address: str | None = None
    district: str | None = None  # the district it serves (None: a city's bureau)
    short: str | None = None  # 区简称, e.g. 江岸
    templates: dict[str, str] = field(default_factory=dict)  # kind -> template

    def snapshot(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def of(cls, data: dict[str, Any]) -> Bureau:
        return cls(
            name=str(data["name"]),
            credit_code=data.get("credit_code"),
            address=data.get("address"),
            district=data.get("district"),
            short=data.get("short"),
            templates=dict(data.get("templates") or {}),
        )


def check_template(template: str) -> str:
    """A number template as given, or InvalidInput: only the known placeholders, and both the
    year and the sequence number (numbers run per year: without the year, next year's would
    repeat this year's)."""
    text = template.strip()
    used = re.findall(r"\{([^{}]*)\}", text)
    for name in used:
        if name not in PLACEHOLDERS:
            raise InvalidInput(
                "文号模板“{template}”中的 {{{name}}} 不认识；"
                "可用：{{区简称}}、{{年}}、{{序号}}、{{设备}}",
                template=template,
                name=name,
            )
    if "序号" not in used or "年" not in used:
        raise InvalidInput(
            "文号模板“{template}”须含 {{年}} 和 {{序号}}，否则文号会重复", template=template
        )
    return text


def render_number(
    template: str, *, short: str | None, year: int, seq: int, device: str = ""
) -> str:
    """The number a template gives (plain replacement, not str.format: a template is data)."""
    return (
        template.replace("{区简称}", short or "")
        .replace("{年}", str(year))
        .replace("{序号}", str(seq))
        .replace("{设备}", device_code(device))
    )


def device_code(device_id: str) -> str:
    """A laptop's code in a number: the start of its device id, upper case."""
    return device_id.replace("-", "")[:4].upper()


def list_bureaus(ws: Workspace) -> list[Bureau]:
    text = ws.db.setting(BUREAUS_SETTING)
    return [Bureau.of(item) for item in json.loads(text)] if text else []


def check_bureau(bureau: Bureau) -> Bureau:
    from inspector.record.content import check_credit_code

    name = bureau.name.strip()
    if not name:
        raise InvalidInput("请填写执法主体（医疗保障局）的名称")
    templates = {}
    for kind, template in bureau.templates.items():
        if kind not in KINDS:
            raise InvalidInput(
                "没有“{kind}”这种文书；可用：{kinds}", kind=kind, kinds="、".join(KINDS)
            )
        if template.strip():
            templates[kind] = check_template(template)
    if (
        templates
        and not (bureau.short or "").strip()
        and any("{区简称}" in t for t in templates.values())
    ):
        raise InvalidInput("文号模板用到 {{区简称}}：请填写 {name} 的简称", name=name)
    return Bureau(
        name=name,
        credit_code=check_credit_code(bureau.credit_code) if bureau.credit_code else None,
        address=(bureau.address or "").strip() or None,
        district=(bureau.district or "").strip() or None,
        short=(bureau.short or "").strip() or None,
        templates=templates,
    )


def set_bureaus(ws: Workspace, bureaus: list[Bureau]) -> None:
    """Replace the bureaus this laptop serves (one audited ``setting.set`` event)."""
    from inspector.inspections import change_setting

    checked = [check_bureau(b) for b in bureaus]
    names = [b.name for b in checked]
    if len(set(names)) != len(names):
        raise InvalidInput("执法主体名称重复")
    change_setting(
        ws, BUREAUS_SETTING, json.dumps([b.snapshot() for b in checked], ensure_ascii=False)
    )


def set_bureau(ws: Workspace, bureau: Bureau) -> None:
    """Add a bureau, or replace the one of that name."""
    kept = [b for b in list_bureaus(ws) if b.name != bureau.name.strip()]
    set_bureaus(ws, [*kept, bureau])


def find_bureau(ws: Workspace, text: str) -> Bureau:
    """A configured bureau by its name, short name or district."""
    text = text.strip()
    for bureau in list_bureaus(ws):
        if text in (bureau.name, bureau.short, bureau.district):
            return bureau
    raise InvalidInput(
        "本机没有设置执法主体“{name}”：请先用 bureau set 设置（或由中心下发）", name=text
    )


def choose_bureau(
    ws: Workspace, named: str | None, district: str, team_district: str | None
) -> Bureau | None:
    """The bureau an inspection is carried out in the name of: the one named; else the one
    serving the inspected district (the only one, if the laptop serves one). A cross-district
    check is organized above the districts: it names its bureau, or the laptop serves one.
    None when the laptop has no bureaus set (a record then says what it said before)."""
    if named and named.strip():
        return find_bureau(ws, named)
    bureaus = list_bureaus(ws)
    if not bureaus:
        return None
    if len(bureaus) == 1:
        return bureaus[0]
    cross = bool(team_district and team_district.strip() and team_district.strip() != district)
    if not cross:
        for bureau in bureaus:
            if bureau.district == district:
                return bureau
    raise InvalidInput(
        "本机设置了多个执法主体：请指定本次检查以哪个医疗保障局的名义进行"
        "（交叉检查为组织检查的医疗保障局）"
    )


def bureau_name(ws: Workspace, inspection: Inspection) -> str:
    """The name a document of ``inspection`` is issued under."""
    if inspection.bureau:
        return str(inspection.bureau["name"])
    # An inspection named no bureau (made before bureaus were set): what records said then.
    legacy = ws.db.setting(LEGACY_SETTING)
    return legacy or f"{inspection.team_district or inspection.district}医疗保障局"


def bureau_line(bureau: dict[str, Any] | None) -> str:
    """The bureau's particulars under its name on a document: what is set of them."""
    if not bureau:
        return ""
    parts = []
    if bureau.get("credit_code"):
        parts.append(f"统一社会信用代码 {bureau['credit_code']}")
    if bureau.get("address"):
        parts.append(f"地址 {bureau['address']}")
    return "　".join(parts)


def allocate_number(
    session: Session,
    bureau: dict[str, Any] | None,
    kind: str,
    year: int,
    subject_id: str,
    *,
    reuse: bool = True,
    device: str = "",
) -> str | None:
    """The number of a document of ``kind`` about ``subject_id``, from the bureau's template:
    the one given before (``reuse``: a record rebuilt keeps its number), else the next in
    sequence for the bureau, kind and year. None when the bureau has no template for it. Called
    inside the change that makes the document, so the number is audited with it and rolled
    back with it."""
    if not bureau:
        return None
    template = (bureau.get("templates") or {}).get(kind)
    if not template:
        return None
    name = str(bureau["name"])
    if reuse:
        given = session.scalar(
            select(DocumentNumber.number).where(
                DocumentNumber.kind == kind, DocumentNumber.subject_id == subject_id
            )
        )
        if given is not None:
            return given
    last = session.scalar(
        select(func.max(DocumentNumber.seq)).where(
            DocumentNumber.bureau == name, DocumentNumber.kind == kind, DocumentNumber.year == year
        )
    )
    seq = (last or 0) + 1
    number = render_number(template, short=bureau.get("short"), year=year, seq=seq, device=device)
    session.add(
        DocumentNumber(
            bureau=name, kind=kind, year=year, seq=seq, number=number, subject_id=subject_id
        )
    )
    session.flush()
    return number
