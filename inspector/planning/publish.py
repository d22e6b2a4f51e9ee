"""The 抽查结果 workbook for 一公开 publication, and ``draw verify``: the file carries its own
published inputs (candidates in order, roster, sources, rules) as canonical JSON, so anyone can
run the draw again from the file alone and compare it with the result the file states."""

from __future__ import annotations

import json
import warnings
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from inspector.errors import InvalidInput, NotFound
from inspector.files import write_atomically
from inspector.hashing import canonical_json
from inspector.planning.draw import METHODS, DrawInputs, DrawResult, check_team, run

RESULT_SHEET = "抽查结果"
INPUTS_SHEET = "公开输入"
STATED_SHEET = "公开结果"
CHUNK = 30_000  # an Excel cell holds at most 32,767 characters
RESULT_HEADER = (
    "抽取顺序", "候选序号", "机构名称", "区县", "机构类型", "协议编号",
    "风险等级", "信用等级", "权重", "组长", "组员",
)  # fmt: skip


def _person(inputs: DrawInputs, index: int) -> str:
    person = inputs.roster[index]
    return f"{person.name}（{person.cert_no}）"


def result_rows(inputs: DrawInputs, result: DrawResult) -> list[list[Any]]:
    rows: list[list[Any]] = []
    for order, team in enumerate(result.teams, start=1):
        c = inputs.candidates[team.candidate]
        rows.append(
            [
                order,
                team.candidate + 1,
                c.name,
                c.district,
                c.type_code,
                c.agreement_no or "",
                c.risk_level,
                c.credit_rating,
                c.weight,
                _person(inputs, team.members[0]),
                "、".join(_person(inputs, m) for m in team.members[1:]),
            ]
        )
    return rows


def _chunks(text: str) -> list[str]:
    return [text[i : i + CHUNK] for i in range(0, len(text), CHUNK)] or [""]


def write_publication(
    target: Path,
    inputs: DrawInputs,
    result: DrawResult,
    *,
    draw_id: str | None = None,
    at: datetime | None = None,
) -> None:
    """Write the workbook atomically: the result, the candidates and the roster in their
    published order, the sources and method, and the inputs and result as JSON."""
    import openpyxl

    from inspector.xlsx import create_sheet, workbook_bytes

    if target.suffix.lower() != ".xlsx":
        raise InvalidInput("抽查结果文件的扩展名应为 .xlsx")
    book = openpyxl.Workbook(write_only=True)
    sheet = create_sheet(book, RESULT_SHEET)
    sheet.append([inputs.title or "双随机抽查结果"])
    sheet.append([f"方法：{METHODS[inputs.method]}；密钥串：{result.key}"])
    sheet.append(list(RESULT_HEADER))
    for row in result_rows(inputs, result):
        sheet.append(row)

    names = {c.id: c.name for c in inputs.candidates}
    listing = create_sheet(book, "候选名单")
    listing.append(["序号", "机构名称", "区县", "机构类型", "协议编号", "风险等级", "信用等级",
                    "权重", "机构ID"])  # fmt: skip
    for number, c in enumerate(inputs.candidates, start=1):
        listing.append([number, c.name, c.district, c.type_code, c.agreement_no or "",
                        c.risk_level, c.credit_rating, c.weight, c.id])  # fmt: skip
    roster = create_sheet(book, "检查人员")
    roster.append(["序号", "姓名", "执法证号", "所在区县", "可任组长", "回避机构"])
    for number, r in enumerate(inputs.roster, start=1):
        avoided = "、".join(names.get(i, i) for i in r.conflicts)
        roster.append([number, r.name, r.cert_no, r.district, "是" if r.can_lead else "否",
                       avoided])  # fmt: skip
    method = create_sheet(book, "随机源与方法")
    for label, value in (
        ("方法", METHODS[inputs.method]),
        ("随机源", " / ".join(" ".join(str(v) for v in s) for s in inputs.sources)),
        ("密钥串（RFC 3797）", result.key),
        ("抽取机构数", inputs.count),
        ("每组人数", inputs.team_size),
        ("交叉检查（本区县人员回避）", "是" if inputs.cross_district else "否"),
        ("检查人员可重复派出", "是" if inputs.reuse_inspectors else "否"),
        ("公开输入 SHA-256", inputs.sha256),
        ("抽查编号", draw_id or ""),
        ("抽取时间", at.isoformat() if at else ""),
        ("复核", "inspector draw verify 本文件：由“公开输入”重新抽取并与本结果比对"),
    ):
        method.append([label, value])
    raw = create_sheet(book, INPUTS_SHEET)
    for part in _chunks(inputs.to_json()):
        raw.append([part])
    stated = create_sheet(book, STATED_SHEET)
    for part in _chunks(canonical_json(result.to_data(inputs))):
        stated.append([part])
    write_atomically(target, workbook_bytes(book), mode=0o644)


@dataclass
class Verification:
    inputs: DrawInputs | None
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _sheet_text(book: Any, name: str) -> str:
    if name not in book.sheetnames:
        raise InvalidInput("文件中没有“{name}”工作表，不是本软件生成的抽查结果", name=name)
    return "".join(str(row[0] or "") for row in book[name].iter_rows(values_only=True) if row)


def verify_publication(path: Path) -> Verification:
    """Run the draw again from the inputs the file publishes; compare with the result it
    states (JSON) and shows (the 抽查结果 sheet); check every team's recusal."""
    import openpyxl

    if not path.is_file():
        raise NotFound("找不到文件：{path}", path=path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
            raise InvalidInput(
                "{file} 不是有效的 Excel (.xlsx) 文件：{error}", file=path.name, error=error
            ) from error
        try:
            inputs = DrawInputs.from_json(_sheet_text(book, INPUTS_SHEET))
            stated_text = _sheet_text(book, STATED_SHEET)
            facts = (
                {
                    str(row[0]): row[1]
                    for row in book["随机源与方法"].iter_rows(values_only=True)
                    if row and len(row) > 1
                }
                if "随机源与方法" in book.sheetnames
                else {}
            )
            shown = [
                list(row)
                for row in book[RESULT_SHEET].iter_rows(min_row=4, values_only=True)
                if any(cell is not None for cell in row)
            ]
        finally:
            book.close()
    check = Verification(inputs)
    if facts.get("公开输入 SHA-256") != inputs.sha256:
        check.problems.append("“随机源与方法”所述的公开输入 SHA-256 与“公开输入”不符")
    try:
        result = run(inputs)
    except InvalidInput as error:
        check.problems.append(f"按公开输入无法重新抽取：{error}")
        return check
    try:
        stated = json.loads(stated_text)
    except ValueError:
        check.problems.append("“公开结果”已损坏")
        stated = None
    if stated is not None and stated != result.to_data(inputs):
        check.problems.append("文件所述的抽取结果与按公开输入重新抽取的结果不一致")
    expected = [["" if v is None else v for v in row] for row in result_rows(inputs, result)]
    shown = [["" if v is None else v for v in row[: len(RESULT_HEADER)]] for row in shown]
    if shown != expected:
        for number, (want, got) in enumerate(zip(expected, shown, strict=False), start=1):
            if want != got:
                check.problems.append(f"“抽查结果”第 {number} 条与重新抽取的结果不一致")
                break
        else:
            check.problems.append(f"“抽查结果”有 {len(shown)} 条，重新抽取为 {len(expected)} 条")
    for order, team in enumerate(result.teams, start=1):
        for problem in check_team(inputs, team):
            check.problems.append(f"第 {order} 条的检查组违反回避规则：{problem}")
    return check
