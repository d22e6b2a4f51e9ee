"""The issuing authority (执法主体) and document numbers (文号): a record is
headed by the bureau its inspection names, not by a laptop-wide name nor by the team's
district; a cross-district check's record and order by the organizing bureau; numbers from
the bureau's templates, given once, in sequence, never again."""

from __future__ import annotations

import json
import re
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from inspector.bureaus import (
    DEFAULT_TEMPLATES,
    Bureau,
    check_template,
    render_number,
    set_bureau,
)
from inspector.db.models import AuditEvent, DocumentNumber
from inspector.errors import InvalidInput
from inspector.inspections import create_inspection, save_answer
from inspector.ledger.order import build_order
from inspector.record.build import build_record
from inspector.workspace import Workspace
from tests.helpers.cli import Cli
from tests.helpers.ledger import LEADER, TEAM, sign, team_keys

JIANGAN = Bureau(
    name="武汉市江岸区医疗保障局",
    credit_code="11420102MB00000006",
    address="武汉市江岸区某路 1 号",
    district="江岸区",
    short="江岸",
    templates=dict(DEFAULT_TEMPLATES),
)
DONGXIHU = Bureau(
    name="武汉市东西湖区医疗保障局",
    credit_code="11420112MB0000000M",
    district="东西湖区",
    short="东西湖",
    templates=dict(DEFAULT_TEMPLATES),
)
CITY = Bureau(
    name="武汉市医疗保障局",
    credit_code="11420100MB00000009",
    address="武汉市江汉区某路 2 号",
    short="武",
    templates={
        "record": "{区简称}医保检〔{年}〕{序号}号",
        "order": "{区简称}医保整〔{年}〕{序号}号",
    },
)


def _text(pdf: Path) -> str:
    found = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    return "".join(found.stdout.split())


def test_a_jiangan_team_s_record_is_headed_by_its_bureau(cli: Cli, tmp_path: Path) -> None:
    """The laptop also serves 东西湖区 and once had 东西湖区 as its one bureau name: a 江岸区
    team's 突击检查 of a 江岸区 clinic is headed 江岸区医疗保障局, numbered from its template."""
    cli("config", "bureau", "武汉市东西湖区医疗保障局")  # the old laptop-wide name
    for bureau in (JIANGAN, DONGXIHU):
        cli("bureau", "set", "--name", bureau.name, "--credit-code", bureau.credit_code or "",
            "--district", bureau.district or "", "--short", bureau.short or "",
            *(["--address", bureau.address] if bureau.address else []),
            "--default-templates")  # fmt: skip
    out, _ = cli("inspection", "new", "--institution", "江岸区某社区卫生服务中心",
                 "--type", "primary_care", "--mode", "surprise", "--district", "江岸区",
                 "--inspector", "张伟:370100001", "--inspector", "李娜:370100002")  # fmt: skip
    inspection = out.strip()
    # An interview record built first does not fix the record's number to the clock's.
    interview, _ = cli("interview", "new", inspection, "--name", "王某", "--json")
    cli("record", "build", "--interview", json.loads(interview)["id"],
        "--out", str(tmp_path / "interview.pdf"))  # fmt: skip
    assert f"笔录编号江岸医保询〔{date.today().year}〕1号" in _text(tmp_path / "interview.pdf")
    cli("record", "build", inspection, "--out", str(tmp_path / "record.pdf"))
    page = _text(tmp_path / "record.pdf")
    year = date.today().year
    assert page.startswith("武汉市江岸区医疗保障局")
    assert "东西湖区医疗保障局" not in page
    assert "统一社会信用代码11420102MB00000006" in page
    assert f"记录编号江岸医保检〔{year}〕1号" in page


def test_a_cross_district_check_is_issued_by_the_organizing_bureau(
    workspace: Workspace, tmp_path: Path
) -> None:
    for bureau in (JIANGAN, DONGXIHU, CITY):
        set_bureau(workspace, bureau)
    where = dict(
        institution="东西湖区某医院",
        type_code="primary_care",
        mode="surprise",
        district="东西湖区",
        team=list(TEAM),
        leader=LEADER,
        team_district="江岸区",
    )
    # Several bureaus, a cross-district check: which one acts is not guessed.
    with pytest.raises(InvalidInput, match="组织检查的医疗保障局"):
        create_inspection(workspace, **where)  # type: ignore[arg-type]
    inspection = create_inspection(workspace, **where, bureau="武汉市医疗保障局")  # type: ignore[arg-type]
    save_answer(workspace, inspection, "P5.1", "problem", note="串换项目", amount="100")
    keys = team_keys(workspace)
    sign(workspace, inspection, keys)
    order = build_order(workspace, inspection, deadline=date.today() + timedelta(days=30))
    year = date.today().year
    assert order.order_no == f"武医保整〔{year}〕1号"
    order_pdf = workspace.records.save_copy(_order_path(workspace, order.id), tmp_path / "o.pdf")
    record_pdf = tmp_path / "r.pdf"
    from inspector.record.status import latest_record, save_record_copy

    record = latest_record(workspace, inspection, None)
    assert record is not None and record.record_no == f"武医保检〔{year}〕1号"
    save_record_copy(workspace, record, record_pdf)
    for pdf in (record_pdf, order_pdf):
        page = _text(pdf)
        assert page.startswith("武汉市医疗保障局"), page[:40]
        assert "江岸区医疗保障局" not in page and "东西湖区医疗保障局" not in page
    assert f"检查记录编号武医保检〔{year}〕1号" in _text(order_pdf)


def _order_path(ws: Workspace, order_id: str) -> str:
    from inspector.db.models import RectificationOrder

    with ws.db.session() as session:
        row = session.get(RectificationOrder, order_id)
        assert row is not None
        return row.path


def test_numbers_are_given_once_in_sequence(workspace: Workspace) -> None:
    set_bureau(workspace, JIANGAN)
    year = date.today().year
    first, second = (
        create_inspection(
            workspace,
            institution=name,
            type_code="primary_care",
            mode="surprise",
            district="江岸区",
            team=list(TEAM),
            leader=LEADER,
        )
        for name in ("甲", "乙")
    )
    build_record(workspace, second)
    build_record(workspace, first)
    build_record(workspace, second)  # a rebuild keeps its number
    with workspace.db.session() as session:
        rows = session.execute(
            select(DocumentNumber.number, DocumentNumber.subject_id).order_by(DocumentNumber.id)
        ).all()
        events = session.scalar(
            select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "record.number")
        )
    assert rows == [(f"江岸医保检〔{year}〕1号", second), (f"江岸医保检〔{year}〕2号", first)]
    assert events == 2  # each number given in an audited change
    # Never changed nor removed, so never given again.
    for statement in (
        "UPDATE document_numbers SET seq = 9",
        "DELETE FROM document_numbers",
    ):
        with pytest.raises(IntegrityError), workspace.db.session() as session:
            session.execute(text(statement))
    with pytest.raises(IntegrityError), workspace.db.session() as session:
        session.execute(
            text(
                "INSERT INTO document_numbers (bureau, kind, year, seq, number, subject_id,"
                " created_at) VALUES (:bureau, 'record', :year, 1, '另一个', 'x', '2026-01-01')"
            ),
            {"bureau": JIANGAN.name, "year": year},
        )


def test_templates() -> None:
    assert (
        render_number("{区简称}医保检〔{年}〕{序号}号", short="江岸", year=2026, seq=12)
        == "江岸医保检〔2026〕12号"
    )
    assert check_template(" 医保检〔{年}〕{序号}号 ") == "医保检〔{年}〕{序号}号"
    # Laptops of one bureau numbering on their own: each number carries the laptop's code.
    assert (
        render_number("江医保检〔{年}〕{设备}-{序号}号", short=None, year=2026, seq=3,
                      device="ab12cd34-0000")
        == "江医保检〔2026〕AB12-3号"
    )  # fmt: skip
    with pytest.raises(InvalidInput, match=re.escape("{年} 和 {序号}")):
        check_template("{区简称}医保检{序号}号")  # next year would repeat this year's
    with pytest.raises(InvalidInput, match=re.escape("{月}")):
        check_template("{区简称}〔{年}〕{月}{序号}号")


def test_a_template_needs_the_short_name_it_uses(workspace: Workspace) -> None:
    with pytest.raises(InvalidInput, match="简称"):
        set_bureau(workspace, Bureau(name="某局", templates=dict(DEFAULT_TEMPLATES)))
    assert workspace.db.setting("bureaus") is None


def test_an_amendment_is_issued_by_the_same_bureau_under_the_next_number(
    workspace: Workspace,
) -> None:
    from inspector.record.content import amend_inspection
    from inspector.record.facts import gather_facts

    set_bureau(workspace, JIANGAN)
    set_bureau(workspace, CITY)
    inspection = create_inspection(
        workspace,
        institution="甲",
        type_code="primary_care",
        mode="surprise",
        district="江岸区",
        team=list(TEAM),
        leader=LEADER,
        bureau="武汉市医疗保障局",
    )
    sign(workspace, inspection, team_keys(workspace))
    amended = amend_inspection(workspace, inspection)
    build_record(workspace, amended)
    from inspector.inspections import get_inspection

    facts = gather_facts(workspace, get_inspection(workspace, amended))
    year = date.today().year
    assert facts.bureau == "武汉市医疗保障局"
    assert facts.record_no == f"武医保检〔{year}〕2号"
    assert facts.amends == f"武医保检〔{year}〕1号"
