"""The record as a legal document: the seed's point numbers, the party's particulars,
the recorder and the recusal notice, sources named by their documents, Chinese line breaking,
the signature block kept whole, stamps clear of their labels, photos by evidence number, a
recusal override that is recorded, and amendments that keep what the original stated."""

from __future__ import annotations

import re
import shutil
import subprocess
from itertools import pairwise
from pathlib import Path

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from inspector.checklists.documents import source_label
from inspector.db.models import Inspection
from inspector.errors import InvalidInput, NotFound
from inspector.inspections import (
    TeamMember,
    create_inspection,
    get_inspection,
    parse_member,
    record_answer,
    search_inspections,
)
from inspector.record.build import build_record
from inspector.record.content import (
    amend_inspection,
    check_credit_code,
    get_party_details,
    set_party_details,
    set_statement,
)
from inspector.record.facts import gather_facts
from inspector.record.layout import FONT, chinese_numeral, register_font
from inspector.record.linebreak import NO_LINE_END, NO_LINE_START, ChineseParagraph
from inspector.workspace import Workspace
from tests.helpers.cli import Cli, new_inspection
from tests.helpers.homes import PHOTOS
from tests.helpers.lawful import finish_lawfully

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

TEAM = [TeamMember("张伟", "370100001"), TeamMember("李娜", "370100002")]
SENTENCE = (
    "检查组于现场核对了住院病人，发现“挂床住院”问题，涉及床位费、护理费；经询问，负责人（院长）"
    "表示：“病人请假外出。”另有12345.60元的费用与上传数据不一致（济医保发〔2023〕11号）！"
)


def _text(pdf: Path, *, layout: bool = False) -> str:
    args = ["pdftotext", *(["-layout"] if layout else []), str(pdf), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def _pages(pdf: Path) -> list[str]:
    return ["".join(page.split()) for page in _text(pdf).split("\f")]


def _lines(paragraph: Paragraph, width: float) -> list[str]:
    paragraph.wrap(width, 10_000)
    lines = paragraph.blPara.lines
    if paragraph.blPara.kind == 0:
        return ["".join(words) for _space, words in lines]
    return ["".join(frag.text for frag in line.words) for line in lines]


def _breaches(lines: list[str]) -> int:
    starts = sum(1 for line in lines[1:] if line and line[0] in NO_LINE_START)
    ends = sum(1 for line in lines[:-1] if line and line[-1] in NO_LINE_END)
    return starts + ends


# --- line breaking ---------------------------------------------------------------------


def test_lines_never_start_with_closing_or_end_with_opening_punctuation() -> None:
    register_font()
    style = ParagraphStyle("t", fontName=FONT, fontSize=9.5, leading=13, wordWrap="CJK")
    widths = range(40, 300, 3)
    # reportlab's own CJK wrapping breaks the rules on this sentence (so the test can fail)...
    assert sum(_breaches(_lines(Paragraph(SENTENCE, style), w)) for w in widths) > 10
    for width in widths:
        lines = _lines(ChineseParagraph(SENTENCE + "<br/>第二行（续）", style), width)
        assert _breaches(lines) == 0, (width, lines)
        # ... and nothing is lost or repeated, numbers stay whole where they fit.
        assert "".join(lines) == SENTENCE + "第二行（续）"
        if width > 120:
            assert any("12345.60" in line for line in lines), lines
            assert not any(a[-1].isdigit() and b[0].isdigit() for a, b in pairwise(lines))


def test_an_amount_is_not_split_at_its_thousands_separator() -> None:
    register_font()
    style = ParagraphStyle("t", fontName=FONT, fontSize=10.5, leading=17, wordWrap="CJK")
    text = "拟处理意见：责令退回 30,000.00 元；罚款 120,000.00 元，合计 150,000.00 元。"
    for width in range(60, 300, 2):
        lines = _lines(ChineseParagraph(text, style), width)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")  # nothing lost
        for a, b in pairwise(lines):
            assert not (a.endswith(",") and b[:1].isdigit()), (width, lines)
            assert not (a[-1:].isdigit() and b[:1] in ",0123456789"), (width, lines)


def test_chinese_numerals_past_ten() -> None:
    assert [chinese_numeral(n) for n in (1, 8, 9, 10, 11, 12, 20, 23)] == [
        "一",
        "八",
        "九",
        "十",
        "十一",
        "十二",
        "二十",
        "二十三",
    ]


# --- what the record states ------------------------------------------------------------


def _pharmacy(ws: Workspace, **kwargs: object) -> str:
    return create_inspection(
        ws,
        institution="历下区康泰大药房",
        type_code="retail_pharmacy",
        mode=str(kwargs.pop("mode", "surprise")),
        district="历下区",
        team=kwargs.pop("team", TEAM),  # type: ignore[arg-type]
        leader=str(kwargs.pop("leader", "370100002")),
        focus=["key_drugs_2023"],
        **kwargs,  # type: ignore[arg-type]
    )


def test_sections_keep_the_point_numbers_of_the_seed(workspace: Workspace, tmp_path: Path) -> None:
    inspection_id = _pharmacy(workspace)
    view = get_inspection(workspace, inspection_id)
    numbers = view.checklist.section_numbers()
    points = {s.code: s.point for s in view.checklist.sections if s.point}
    assert 3 not in points.values() and 6 in points.values()
    assert all(numbers[code] == point for code, point in points.items())
    pdf, _ = build_record(workspace, inspection_id, tmp_path / "r.pdf")
    text = "".join(_text(pdf).split())
    six = next(s for s in view.checklist.sections if s.point == 6)
    assert f"六、{six.title}" in text
    assert "检查要点三、五不适用于该类单位" in text
    # Beyond ten: 十一、 never "11、".
    assert not re.search(r"\d+、(重点|附件)", text)
    focus = next(s for s in view.checklist.sections if s.code == "FK")
    assert f"{chinese_numeral(numbers['FK'])}、{focus.title}" in text


def test_the_record_names_its_documents_not_internal_labels(
    workspace: Workspace, tmp_path: Path
) -> None:
    inspection_id = _pharmacy(workspace)
    pdf, _ = build_record(workspace, inspection_id, tmp_path / "r.pdf")
    text = "".join(_text(pdf).split())
    assert "@" not in text and "key_drugs_2023" not in text and "mode-items" not in text
    assert "济医保函〔2019〕2号" in text and "济医保发〔2023〕11号" in text
    assert "2023年重点药品耗材专项" in text
    assert source_label("000", "四、（五）") == "济医保函〔2019〕2号 四、（五）"


def test_the_party_recorder_and_recusal_notice_are_stated(
    workspace: Workspace, tmp_path: Path
) -> None:
    inspection_id = _pharmacy(workspace)
    with pytest.raises(InvalidInput, match="校验位"):
        set_party_details(workspace, inspection_id, credit_code="91350100M000100Y44")
    with pytest.raises(InvalidInput, match="18 位"):
        set_party_details(workspace, inspection_id, credit_code="1234")
    with pytest.raises(InvalidInput, match="不是本检查组的成员"):
        set_party_details(workspace, inspection_id, recorder="999")
    assert get_party_details(workspace, inspection_id).credit_code is None  # nothing stored
    set_party_details(
        workspace,
        inspection_id,
        legal_rep="赵某",
        address="济南市历下区泉城路 1 号",
        phone="0531-88888888",
        credit_code="91350100m000100y43",
        recorder="370100001",
        recusal_told=True,
        recusal_reply="不申请回避",
    )
    set_statement(workspace, inspection_id, "药师当天请假，已补请假条。", "赵某", "店长")
    assert check_credit_code("91350100m000100y43") == "91350100M000100Y43"
    before = gather_facts(workspace, get_inspection(workspace, inspection_id)).data_sha256
    pdf, _ = build_record(workspace, inspection_id, tmp_path / "r.pdf")
    pages = _pages(pdf)
    text = "".join(pages)
    for expected in (
        "法定代表人/负责人赵某",
        "济南市历下区泉城路1号",
        "0531-88888888",
        "91350100M000100Y43",
        "记录人张伟（执法证号370100001）",
        "告知被检查单位申请回避的权利，被检查单位答复：不申请回避",
        "提出意见人：赵某，店长",
    ):
        assert expected in text, expected
    assert all("被检查单位核对签字（每页）" in page for page in pages if page)
    # The particulars are part of the data the record's hash covers.
    set_party_details(workspace, inspection_id, phone="0531-66666666")
    after = gather_facts(workspace, get_inspection(workspace, inspection_id)).data_sha256
    assert after != before


def test_the_signature_block_stays_with_its_heading(workspace: Workspace, tmp_path: Path) -> None:
    inspection_id = _pharmacy(workspace)
    # Statements of growing length move the signature block down the page and over a break.
    for length in range(0, 2400, 240):
        set_statement(workspace, inspection_id, "陈述内容，" * (length // 5 + 1), "赵某", "店长")
        pdf, _ = build_record(workspace, inspection_id, tmp_path / f"r{length}.pdf")
        page = next(p for p in _pages(pdf) if "签名人手写签名" in p)
        # The heading and the note under it (no party confirmation recorded: the signing rule
        # only) on the signature table's page.
        assert "签名检查人员手写签名后，依次以数字证书签名" in page, length


def test_stamps_do_not_cover_the_placeholder_label(workspace: Workspace, tmp_path: Path) -> None:
    from inspector.record.status import latest_record

    inspection_id = _pharmacy(workspace)
    pdf, _ = build_record(workspace, inspection_id, tmp_path / "r.pdf")
    record = latest_record(workspace, inspection_id)
    assert record is not None
    with workspace.db.session() as session:
        from inspector.db.models import Record

        boxes = session.get(Record, record.id).signature_boxes  # type: ignore[union-attr]
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    height = 841.89
    labels = [
        tuple(float(v) for v in m.groups())
        for m in re.finditer(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">数字签名处', html
        )
    ]
    assert len(labels) == len(TEAM)
    for x_min, y_min, x_max, y_max in labels:
        for _page, x1, y1, x2, y2 in boxes.values():
            # pdftotext measures from the top, the PDF from the bottom.
            top, bottom = height - y_max, height - y_min
            overlaps = x_min < x2 and x_max > x1 and bottom > y1 and top < y2
            assert not overlaps


def test_photos_are_numbered_three_to_a_page(workspace: Workspace, tmp_path: Path) -> None:
    from inspector.evidence.intake import add_evidence

    inspection_id = _pharmacy(workspace)
    photos = sorted((PHOTOS / "gps").glob("*.jpg"))[:6]
    assert len(photos) == 6
    add_evidence(workspace, inspection_id, photos, item_code="P2.4")
    pdf, _ = build_record(workspace, inspection_id, tmp_path / "r.pdf")
    pages = _pages(pdf)
    appendix = [p for p in pages if "证据1" in p or "证据材料" in p or "原文件名" in p]
    for number in range(1, 7):
        assert any(f"证据{number}原文件名" in page for page in appendix), number
    # Heading and two photos on the first appendix page, three on the next, one after.
    assert len([p for p in pages if "原文件名" in p]) <= 3


# --- recusal in a cross-district check ------------------------------------------------


def test_a_cross_district_recusal_needs_a_reason_and_is_recorded(
    workspace: Workspace, tmp_path: Path
) -> None:
    team = [TeamMember("张伟", "370100001", "槐荫区"), TeamMember("王强", "370100007", "历下区")]
    with pytest.raises(InvalidInput, match="回避：王强"):
        _pharmacy(workspace, mode="cross", team=team, team_district="槐荫区", leader="370100001")
    with workspace.db.session() as session:
        assert session.query(Inspection).count() == 0
    inspection_id = create_inspection(
        workspace,
        institution="历下区康泰大药房",
        type_code="retail_pharmacy",
        mode="cross",
        district="历下区",
        team=team,
        leader="370100001",
        team_district="槐荫区",
        recusal_override="王强为唯一熟悉药店进销存系统的检查人员，经组长同意参加",
    )
    pdf, _ = build_record(workspace, inspection_id, tmp_path / "r.pdf")
    text = "".join(_text(pdf).split())
    assert "交叉检查回避：王强（历下区）与被检查单位同属一区，未回避，理由：王强为唯一熟悉" in text
    from inspector.audit import event_data, events

    (event,) = [e for e in map(event_data, events(workspace)) if e["action"] == "inspection.create"]
    assert event["details"]["recusal_override"][0]["name"] == "王强"


def test_an_inspector_on_the_command_line_has_a_district() -> None:
    assert parse_member("王强:370100007:历下区") == TeamMember("王强", "370100007", "历下区")
    assert parse_member("王强：370100007") == TeamMember("王强", "370100007", None)
    with pytest.raises(InvalidInput):
        parse_member("王强:370100007:历下区:多余")


# --- amendments -----------------------------------------------------------------------


def _lock(ws: Workspace, inspection_id: str) -> None:
    import sqlite3

    connection = sqlite3.connect(ws.home.database)
    connection.execute("update inspections set status = 'signed' where id = ?", (inspection_id,))
    connection.commit()
    connection.close()


def test_an_amendment_keeps_the_statement_and_time_and_lists_the_corrections(
    workspace: Workspace, tmp_path: Path
) -> None:
    inspection_id = _pharmacy(workspace)
    record_answer(workspace, inspection_id, "P2.4", "problem", note="药师不在岗", violation="VP07")
    set_statement(workspace, inspection_id, "药师当天请假。", "赵某", "店长")
    set_party_details(workspace, inspection_id, legal_rep="赵某", recorder="370100001")
    finish_lawfully(workspace, inspection_id)
    original = get_inspection(workspace, inspection_id)
    build_record(workspace, inspection_id)
    _lock(workspace, inspection_id)

    amendment = amend_inspection(workspace, inspection_id)
    record_answer(workspace, amendment, "P2.4", "problem", note="执业药师不在岗，无请假记录")
    finish_lawfully(workspace, amendment)
    corrected = get_inspection(workspace, amendment)
    assert corrected.ended_at == original.ended_at  # not stretched to the amendment
    assert corrected.started_at == original.started_at
    facts = gather_facts(workspace, corrected)
    assert facts.statement == "药师当天请假。" and facts.representative == "赵某"
    assert facts.party.legal_rep == "赵某" and facts.party.recorder_cert_no == "370100001"
    (correction,) = facts.corrections
    assert correction[0].startswith("P2.4")
    assert "药师不在岗" in correction[1] and "无请假记录" in correction[2]

    pdf, _ = build_record(workspace, amendment, tmp_path / "更正.pdf")
    text = "".join(_text(pdf).split())
    assert "更正事项" in text and "执业药师不在岗，无请假记录" in text
    assert "药师当天请假" in text and "提出意见人：赵某，店长" in text

    rows = {row.id: row for row in search_inspections(workspace)}
    assert rows[amendment].amends_id == inspection_id and not rows[amendment].amended
    assert rows[inspection_id].amended and rows[inspection_id].amends_id is None


# --- the command line -------------------------------------------------------------------


def test_the_command_line_warns_of_recusal_and_records_the_override(cli: Cli) -> None:
    cross = [
        "inspection",
        "new",
        "--institution",
        "历下区康泰大药房",
        "--type",
        "retail_pharmacy",
        "--mode",
        "交叉检查",
        "--district",
        "历下区",
        "--team-district",
        "槐荫区",
        "--inspector",
        "张伟:370100001:槐荫区",
        "--inspector",
        "王强:370100007:历下区",
    ]
    _out, err = cli(*cross, expect=1)
    assert "回避：王强" in err and "--recusal-override" in err
    out, _ = cli("inspection", "list")
    assert "康泰" not in out  # nothing stored
    out, err = cli(*cross, "--recusal-override", "熟悉进销存系统")
    assert "回避提示" in err
    inspection_id = out.strip()
    cli("record", "party", inspection_id, "--credit-code", "1234", expect=1)
    out, _ = cli(
        "record",
        "party",
        inspection_id,
        "--legal-rep",
        "赵某",
        "--recorder",
        "370100001",
        "--recusal-told",
        "yes",
    )
    # Told, but no answer recorded: the party's answer is not made up.
    assert "记录人：张伟" in out and "告知回避权利：已告知；答复未记录" in out
    assert "不申请回避" not in out


def test_interview_commands_take_the_short_id_that_list_prints(cli: Cli) -> None:
    inspection_id = new_inspection(cli)
    cli("interview", "new", inspection_id, "--name", "钱某", "--role", "护士")
    out, _ = cli("interview", "list", inspection_id)
    short = out.split()[0]
    assert len(short) == 8
    out, _ = cli("interview", "ask", short, "-q", "床位病人在哪里？", "-a", "回家了")
    cli("interview", "ask", "zzzz", "-q", "问", "-a", "答", expect=1)


# --- 附件1: key drugs and consumables, entry by entry -----------------------------------


def test_key_drug_lists_come_with_the_checklist_and_take_per_entry_findings(
    workspace: Workspace, tmp_path: Path
) -> None:
    from inspector.drug_checks import drug_checks, reference_entries, save_drug_check

    inspection_id = _pharmacy(workspace)
    view = get_inspection(workspace, inspection_id)
    item = view.checklist.item("FK.1")
    assert item is not None and item.reference == "WM"
    title, entries = reference_entries(view.checklist, "WM")
    assert title == "西药（附件1）" and len(entries) == 30
    assert (entries[0].no, entries[0].name, entries[0].form) == (1, "人血白蛋白", "注射剂")
    assert "CONS" not in view.checklist.references  # FK.4 does not apply to a pharmacy

    with pytest.raises(InvalidInput, match="不是数字"):
        save_drug_check(workspace, inspection_id, "FK.1", 1, count="十二")
    with pytest.raises(NotFound, match="没有序号"):
        save_drug_check(workspace, inspection_id, "FK.1", 31, count="1")
    with pytest.raises(InvalidInput, match="没有参考目录"):
        save_drug_check(workspace, inspection_id, "P2.4", 1, count="1")
    assert drug_checks(workspace, inspection_id) == []
    save_drug_check(
        workspace, inspection_id, "FK.1", 1, count="12", unit="支", note="结算 40 支，库存不符"
    )
    save_drug_check(workspace, inspection_id, "FK.2", 3, count="0.5", unit="盒")
    save_drug_check(workspace, inspection_id, "FK.1", 2, count="3")
    save_drug_check(workspace, inspection_id, "FK.1", 2)  # nothing given: cleared
    checks = drug_checks(workspace, inspection_id)
    assert [(c.list_code, c.entry_no, c.count) for c in checks] == [
        ("TCM", 3, "0.5"),
        ("WM", 1, "12"),
    ]
    pdf, _ = build_record(workspace, inspection_id, tmp_path / "r.pdf")
    text = "".join(_text(pdf).split())
    assert (
        "重点药品、耗材逐项核查" in text and "人血白蛋白" in text and "结算40支，库存不符" in text
    )

    # Locked with the inspection, carried into an amendment.
    _lock(workspace, inspection_id)
    with pytest.raises(InvalidInput):
        save_drug_check(workspace, inspection_id, "FK.1", 1, count="13")
    amendment = amend_inspection(workspace, inspection_id)
    assert [c.count for c in drug_checks(workspace, amendment)] == ["0.5", "12"]
    assert gather_facts(workspace, get_inspection(workspace, amendment)).corrections == []
    save_drug_check(workspace, amendment, "FK.1", 1, count="14", unit="支", note="复点")
    (correction,) = gather_facts(workspace, get_inspection(workspace, amendment)).corrections
    assert correction == ("WM 1 人血白蛋白", "12支；结算 40 支，库存不符", "14支；复点")


def test_the_command_line_lists_and_records_key_drugs(cli: Cli) -> None:
    out, _ = cli(
        "inspection",
        "new",
        "--institution",
        "历下区康泰大药房",
        "--type",
        "retail_pharmacy",
        "--mode",
        "surprise",
        "--district",
        "历下区",
        "--inspector",
        "张伟:370100001",
        "--focus",
        "key_drugs_2023",
    )
    inspection_id = out.strip()
    out, _ = cli("drug", inspection_id, "FK.1", "1", "--count", "12", "--unit", "支")
    assert "人血白蛋白" in out
    out, _ = cli("drugs", inspection_id, "--item", "FK.1")
    assert "1 人血白蛋白（注射剂）　12支" in out and "2 阿托伐他汀" in out
    cli("drug", inspection_id, "FK.1", "1", "--count", "-1", expect=1)


def test_checklist_show_says_when_it_falls_back_to_the_last_good_copy(
    cli: Cli, tmp_path: Path
) -> None:
    import yaml

    from inspector.resources import resource_path

    data = yaml.safe_load(
        resource_path("checklists", "focus-cross-region.yaml").read_text(encoding="utf-8")
    )
    data["id"] = data["focus"]["code"] = "test_pack"
    for section in data["sections"]:
        section["code"] = "T" + section["code"]
    for item in data["items"]:
        item["code"] = "T" + item["code"]
        item["section"] = "T" + item["section"]
    pack = tmp_path / "test-pack.yaml"
    pack.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    cli("checklist", "install", str(pack))
    _out, err = cli("checklist", "show", "--type", "public_hospital", "--mode", "surprise")
    assert err == ""
    (installed,) = (cli.home / "checklists").glob("*.yaml")
    installed.write_text(installed.read_text(encoding="utf-8") + "\n  - [broken", "utf-8")
    _out, err = cli("checklist", "show", "--type", "public_hospital", "--mode", "surprise")
    assert "上次可用" in err and installed.name in err


def test_core_messages_name_no_command_the_command_line_adds_it(
    cli: Cli, workspace: Workspace
) -> None:
    from inspector.inspections import save_answer

    inspection_id = _pharmacy(workspace)
    with pytest.raises(InvalidInput) as empty:
        create_inspection(
            workspace,
            institution="某药店",
            type_code="retail_pharmacy",
            mode="surprise",
            district="历下区",
            team=[],
        )
    finish_lawfully(workspace, inspection_id)
    with pytest.raises(InvalidInput) as finished:
        save_answer(workspace, inspection_id, "P2.4", "ok")
    for error in (empty.value, finished.value):
        assert "--" not in str(error) and "inspection " not in str(error), str(error)
    assert "请先重新打开检查" in str(finished.value)
    _out, err = cli("answer", inspection_id, "P2.4", "--result", "ok", expect=1)
    assert "请先重新打开检查。命令：inspection reopen 检查编号" in err


def test_the_recusal_notice_is_stated_once_and_the_row_lists_who_withdrew(
    workspace: Workspace, tmp_path: Path
) -> None:
    """The 告知事项 row states the recusal notice with the party's answer; the 回避 row only
    who withdrew and why, and is left out when nobody did. Printing only: the data hash is
    the one the facts had before."""
    from inspector.record.legal import recuse_member, tell

    team = [*TEAM, TeamMember("王强", "370100003")]
    inspection_id = _pharmacy(workspace, team=team)
    tell(workspace, inspection_id, "recusal", by="370100001", reply="不申请回避")
    pdf, _ = build_record(workspace, inspection_id, tmp_path / "none.pdf")
    text = "".join(_text(pdf).split())
    assert text.count("申请回避的权利") == 1
    assert "告知被检查单位申请回避的权利，被检查单位答复：不申请回避" in text
    assert "有申请检查人员回避的权利" not in text and "被检查单位表示" not in text
    # No 回避 row: 出示执法证件 follows the 记录人 row.
    assert "回避" not in text[text.index("记录人") : text.index("出示执法证件")]
    assert "（执法证号370100003）回避" not in text

    recuse_member(workspace, inspection_id, "370100003", "与被检查单位负责人系亲属")
    before = gather_facts(workspace, get_inspection(workspace, inspection_id)).data_sha256
    pdf, _ = build_record(workspace, inspection_id, tmp_path / "recused.pdf")
    text = "".join(_text(pdf).split())
    assert "回避王强（执法证号370100003）回避，理由：与被检查单位负责人系亲属" in text
    assert "回避王强" in text[text.index("记录人") : text.index("出示执法证件")]
    assert text.count("申请回避的权利") == 1
    after = gather_facts(workspace, get_inspection(workspace, inspection_id)).data_sha256
    assert after == before
