"""The institution registry: reading the bureau's Excel and CSV lists, refusing bad rows with
their row numbers, re-importing without duplicates, and the agreement check of point 1."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl.utils.datetime import to_excel
from sqlalchemy import select

from inspector.checklists.library import load_library
from inspector.db.models import Institution
from inspector.errors import InvalidInput, NotFound
from inspector.inspections import TeamMember, create_inspection
from inspector.progress import Cancelled
from inspector.registry import (
    TYPE_SYNONYMS,
    AgreementStatus,
    CellError,
    InstitutionInfo,
    RowStatus,
    agreement_status,
    apply,
    check_agreement,
    detect_encoding,
    find_institution,
    parse_date_cell,
    parse_type_cell,
    preview,
    search_institutions,
)
from inspector.workspace import Workspace
from tests.helpers.cli import Cli
from tests.helpers.registry import GOOD, HEADER, count, many_rows, write_csv, write_xlsx

LIBRARY = load_library()


def stored(ws: Workspace) -> list[Institution]:
    with ws.db.session() as session:
        return list(session.scalars(select(Institution).order_by(Institution.name)))


def by_row(planned: Any) -> dict[int, Any]:
    return {row.row: row for row in planned.rows}


# --- reading files -----------------------------------------------------------------------


def test_xlsx_with_title_row_date_cells_serials_and_numbers(
    workspace: Workspace, tmp_path: Path
) -> None:
    path = write_xlsx(
        tmp_path / "名单.xlsx",
        [
            ["2026 年度定点医药机构名单"],
            [],
            ["序号", "名称", "类型", "区县", "定点协议编号", "协议有效期至", "机构等级"],
            [1, "甲卫生院", "乡镇卫生院", "章丘区", 2024001, datetime(2026, 12, 31), "一级"],
            [2, "乙药店", "零售药店", "章丘区", "JN-9", 46203, None],  # a serial: 2026-06-30
            [],
            [3, "丙医院", "public_hospital", "历下区", "JN-10", date(2025, 1, 31), "三级"],
        ],
    )
    planned = preview(path, workspace)
    assert (planned.kind, planned.sheet, planned.header_row) == ("xlsx", "名单", 3)
    assert planned.ignored_columns == ["序号"]
    rows = by_row(planned)
    assert sorted(rows) == [4, 5, 7]  # the blank row is skipped, numbers stay Excel's
    assert all(row.status is RowStatus.NEW for row in rows.values())
    first = rows[4].entry
    assert (first.type_code, first.agreement_no, first.agreement_expiry) == (
        "primary_care",
        "2024001",
        date(2026, 12, 31),
    )
    assert rows[5].entry.agreement_expiry == date(2026, 6, 30)
    assert rows[5].entry.type_code == "retail_pharmacy"
    assert rows[5].entry.level is None
    assert count(workspace) == 0  # a preview writes nothing

    result = apply(workspace, planned)
    assert result.counts[RowStatus.NEW] == 3
    assert [p.name for p in stored(workspace)] == ["丙医院", "乙药店", "甲卫生院"]


def test_the_sheet_with_the_list_is_found_among_others(
    workspace: Workspace, tmp_path: Path
) -> None:
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "说明"
    notes.append(["本表由医保局提供"])
    data = book.create_sheet("定点机构")
    for row in [HEADER, *GOOD]:
        data.append(row)
    book.save(tmp_path / "两个表.xlsx")
    planned = preview(tmp_path / "两个表.xlsx", workspace)
    assert planned.sheet == "定点机构"
    assert len(planned.rows) == len(GOOD)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "gbk", "gb18030"])
def test_csv_in_utf8_with_or_without_bom_and_in_gbk(
    workspace: Workspace, tmp_path: Path, encoding: str
) -> None:
    path = write_csv(tmp_path / "名单.csv", [HEADER, *GOOD], encoding)
    planned = preview(path, workspace)
    assert planned.encoding == {"gbk": "gb18030"}.get(encoding, encoding)
    entries = [row.entry for row in planned.rows]
    assert [e.name for e in entries] == [row[0] for row in GOOD]
    assert [e.type_code for e in entries] == [
        "primary_care",
        "retail_pharmacy",
        "public_hospital",
        "private_hospital",
    ]
    assert [e.agreement_expiry for e in entries] == [
        date(2026, 12, 31),
        date(2026, 6, 30),
        date(2027, 3, 1),
        None,
    ]
    assert planned.ignored_columns == ["备注"]


def test_csv_separated_by_tabs_and_with_quoted_commas(workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "名单.csv"
    path.write_text(
        "name\ttype\tdistrict\n某医院（东院区，南门）\tpublic_hospital\t历下区\n", encoding="utf-8"
    )
    assert preview(path, workspace).rows[0].entry.name == "某医院（东院区，南门）"
    path.write_text(
        'name,type,district\n"某医院（东院区,南门）",public_hospital,历下区\n', encoding="utf-8"
    )
    assert preview(path, workspace).rows[0].entry.name == "某医院（东院区,南门）"


def test_encoding_detection() -> None:
    assert detect_encoding("名称".encode("utf-8-sig")) == "utf-8-sig"
    assert detect_encoding("名称".encode()) == "utf-8"
    assert detect_encoding("名称".encode("gbk")) == "gb18030"
    assert detect_encoding("名称".encode("utf-16")) == "utf-16"
    with pytest.raises(InvalidInput, match="编码"):
        detect_encoding(b"\xff\xff\xff\x80")


V = ["某药店", "定点零售药店", "历城区", "JN-1", "2026-01-01", "A级"]


@pytest.mark.parametrize(
    ("header", "row"),
    [
        (["名称", "类型", "区县"], V[:3]),
        (["机构名称", "机构类型", "所在区县", "协议编号", "到期日期", "等级"], V),
        (["Name", "TYPE", "District", "Agreement No", "Expiry", "Level"], V),
        (
            ["机构名称*", "机构类型（必填）", "所属区县", "服务协议编号", "协议到期日", "医院等级"],
            V,
        ),
        (["ｎａｍｅ", "ｔｙｐｅ", "ｄｉｓｔｒｉｃｔ", "agreement_no", "expiry_date", "level"], V),
        (["区县", "备注", "名称", "类型"], ["历城区", "x", "某药店", "定点零售药店"]),
    ],
)
def test_header_variants(
    workspace: Workspace, tmp_path: Path, header: list[str], row: list[str]
) -> None:
    path = write_csv(tmp_path / "h.csv", [header, row])
    entry = preview(path, workspace).rows[0].entry
    assert (entry.name, entry.type_code, entry.district) == ("某药店", "retail_pharmacy", "历城区")
    if len(header) == 6:
        assert (entry.agreement_no, entry.agreement_expiry, entry.level) == (
            "JN-1",
            date(2026, 1, 1),
            "A级",
        )


def test_missing_required_columns_are_named(workspace: Workspace, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "缺列.csv", [["机构名称", "协议编号", "等级"], ["某药店", "1", ""]])
    with pytest.raises(InvalidInput) as error:
        preview(path, workspace)
    message = str(error.value)
    assert "缺少必需的列" in message and "机构类型" in message and "所在区县" in message
    assert "机构名称（" not in message  # the column present is not named as missing


def test_a_file_without_any_header_is_refused(workspace: Workspace, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "无表头.csv", [["甲", "乙", "丙"], ["1", "2", "3"]])
    with pytest.raises(InvalidInput, match=r"找不到表头.*机构名称.*机构类型.*所在区县"):
        preview(path, workspace)


def test_a_column_named_twice_is_refused(workspace: Workspace, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "重复列.csv", [["名称", "机构名称", "类型", "区县"], ["a"] * 4])
    with pytest.raises(InvalidInput, match="都表示机构名称"):
        preview(path, workspace)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("旧版.xls", b"\xd0\xcf\x11\xe0", "另存为 .xlsx"),
        ("空.csv", b"", "空文件"),
        ("假的.xlsx", b"name,type,district\n", "不是有效的 Excel"),
        ("名单.pdf", b"%PDF-1.4", "只能导入"),
    ],
)
def test_unusable_files_are_refused_in_chinese(
    workspace: Workspace, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InvalidInput, match=message):
        preview(path, workspace)
    assert count(workspace) == 0


def test_a_missing_file_is_not_found(workspace: Workspace, tmp_path: Path) -> None:
    with pytest.raises(NotFound, match="找不到文件"):
        preview(tmp_path / "没有.csv", workspace)


# --- bad rows ----------------------------------------------------------------------------


def test_every_kind_of_bad_row_is_refused_with_its_row_number_and_reason(
    workspace: Workspace, tmp_path: Path
) -> None:
    rows = [
        HEADER,
        GOOD[0],  # 2: fine
        ["", "定点药店", "市中区", "JN-10", "", "", ""],  # 3
        ["某药店", "定点药店", "", "JN-11", "", "", ""],  # 4
        ["某医院", "医院", "历下区", "JN-12", "", "", ""],  # 5: ambiguous type
        ["张医生", "医师", "历下区", "JN-13", "", "", ""],  # 6: not an institution
        ["某诊所", "社会办医疗机构", "历下区", "JN-14", "明年", "", ""],  # 7
        ["某诊所二", "社会办医疗机构", "历下区", "JN-15", "2025-02-30", "", ""],  # 8
        ["某诊所三", "社会办医疗机构", "历下区", "", "2026-01-01", "", ""],  # 9
        ["某" * 201, "社会办医疗机构", "历下区", "JN-16", "", "", ""],  # 10
        ["另一中心", "基层医疗机构", "历城区", "JN-001", "", "", ""],  # 11: number of row 2
        ["历城区某社区卫生服务中心", "基层医疗机构", "历城区", "", "", "", ""],  # 12: place of 2
        ["", "", "", "", "", "", "只有备注"],  # 13: blank as far as the list goes
        ["某诊所四", "", "历下区", "", "", "", ""],  # 14
    ]
    planned = preview(write_csv(tmp_path / "坏行.csv", rows), workspace)
    reasons = {row.row: row.reason for row in planned.rows if row.status is RowStatus.REFUSED}
    assert by_row(planned)[2].status is RowStatus.NEW
    assert 13 not in by_row(planned)
    assert sorted(reasons) == [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14]
    assert reasons[3] == "机构名称为空"
    assert reasons[4] == "所在区县为空"
    assert "机构类型“医院”无法识别" in reasons[5] and "定点零售药店" in reasons[5]
    assert "不是定点医药机构的类型" in reasons[6]
    assert "协议到期日“明年”不是可识别的日期" in reasons[7]
    assert "不是有效的日期" in reasons[8]
    assert "没有协议编号" in reasons[9]
    assert "机构名称过长" in reasons[10]
    assert reasons[11] == "协议编号 JN-001 与第 2 行重复"
    assert reasons[12] == "与第 2 行的机构名称和区县相同"
    assert reasons[14] == "机构类型为空"
    assert planned.counts == {
        RowStatus.NEW: 1,
        RowStatus.UPDATE: 0,
        RowStatus.UNCHANGED: 0,
        RowStatus.REFUSED: 11,
    }

    result = apply(workspace, planned)
    assert [p.name for p in stored(workspace)] == ["历城区某社区卫生服务中心"]
    assert len(result.refused) == 11
    assert "拒绝 11 行" in result.summary()


def test_two_reasons_in_one_row_are_both_given(workspace: Workspace, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "a.csv", [HEADER, ["某店", "小卖部", "历下区", "X", "2025-13-01"]])
    reason = preview(path, workspace).rows[0].reason
    assert "机构类型“小卖部”无法识别" in reason and "不是有效的日期" in reason


# --- re-import ---------------------------------------------------------------------------


def test_a_reimport_updates_and_never_duplicates(workspace: Workspace, tmp_path: Path) -> None:
    apply(workspace, preview(write_csv(tmp_path / "2025.csv", [HEADER, *GOOD]), workspace))
    ids = {p.name: p.id for p in stored(workspace)}
    assert len(ids) == 4

    renewed = [list(row) for row in GOOD]
    renewed[0][4] = "2028-12-31"  # agreement renewed
    renewed[1][0] = "某大药房连锁店（更名）"  # renamed, same agreement number
    renewed[2][5] = ""  # a blank level keeps the stored one
    renewed[3][3] = "JN-004"  # agreement number added to the one found by name and district
    renewed.append(["新开药店", "定点药店", "市中区", "JN-005", "2027-01-01", "", ""])
    planned = preview(write_csv(tmp_path / "2026.csv", [HEADER, *renewed]), workspace)
    rows = by_row(planned)
    assert [rows[n].status for n in (2, 3, 4, 5, 6)] == [
        RowStatus.UPDATE,
        RowStatus.UPDATE,
        RowStatus.UNCHANGED,
        RowStatus.UPDATE,
        RowStatus.NEW,
    ]
    assert rows[2].reason == "协议到期日：2026-12-31 → 2028-12-31"
    assert "机构名称：某大药房连锁店 → 某大药房连锁店（更名）" in rows[3].reason
    assert rows[5].reason == "协议编号：（空） → JN-004"
    assert rows[2].institution_id == ids["历城区某社区卫生服务中心"]

    apply(workspace, planned)
    after = {p.name: p for p in stored(workspace)}
    assert len(after) == 5
    assert after["历城区某社区卫生服务中心"].id == ids["历城区某社区卫生服务中心"]
    assert after["历城区某社区卫生服务中心"].agreement_expiry == date(2028, 12, 31)
    assert after["某大药房连锁店（更名）"].id == ids["某大药房连锁店"]
    assert after["济南某医院"].level == "三级甲等"
    assert after["某民营医院"].agreement_no == "JN-004"

    again = preview(write_csv(tmp_path / "2026.csv", [HEADER, *renewed]), workspace)
    assert again.counts[RowStatus.UNCHANGED] == 5 and again.to_write == 0


def test_an_institution_planned_by_hand_is_completed_not_duplicated(
    workspace: Workspace, tmp_path: Path
) -> None:
    create_inspection(
        workspace,
        institution="历城区某社区卫生服务中心",
        type_code="primary_care",
        mode="surprise",
        district="历城区",
        team=[TeamMember("张伟", "370100001")],
    )
    planned = preview(write_csv(tmp_path / "a.csv", [HEADER, GOOD[0]]), workspace)
    assert planned.rows[0].status is RowStatus.UPDATE
    apply(workspace, planned)
    (only,) = stored(workspace)
    assert (only.agreement_no, only.agreement_expiry) == ("JN-001", date(2026, 12, 31))


def test_ambiguous_matches_against_the_stored_registry_are_refused(
    workspace: Workspace, tmp_path: Path
) -> None:
    apply(
        workspace,
        preview(
            write_csv(
                tmp_path / "a.csv",
                [HEADER, ["甲", "定点药店", "历下区", "A-1"], ["乙", "定点药店", "历下区", "A-2"]],
            ),
            workspace,
        ),
    )
    # Number A-1 is 甲; the row names it 乙, which is already another registered institution.
    path = write_csv(tmp_path / "b.csv", [HEADER, ["乙", "定点药店", "历下区", "A-1"]])
    row = preview(path, workspace).rows[0]
    assert row.status is RowStatus.REFUSED and "同名同区县的机构已另有登记" in row.reason
    # Two rows that reach the same stored institution by different keys: the later is refused.
    path = write_csv(
        tmp_path / "c.csv",
        [HEADER, ["甲", "定点药店", "历下区", "A-9"], ["丙", "定点药店", "历下区", "A-1"]],
    )
    rows = preview(path, workspace).rows
    assert rows[0].status is RowStatus.UPDATE
    assert (
        rows[1].status is RowStatus.REFUSED and rows[1].reason == "与第 2 行对应同一家已登记的机构"
    )


def test_apply_matches_again_against_the_database_as_it_is_now(
    workspace: Workspace, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "a.csv", [HEADER, *GOOD])
    first = preview(path, workspace)
    apply(workspace, preview(path, workspace))  # someone else imported meanwhile
    result = apply(workspace, first)
    assert result.counts[RowStatus.UNCHANGED] == 4
    assert count(workspace) == 4


class CancelAfter:
    """A reporter whose user presses cancel after ``checks`` looks at the flag."""

    def __init__(self, checks: int) -> None:
        self.checks = checks
        self.progress: list[int] = []

    def start(self, total: int, label: str) -> None:
        self.total = total

    def advance(self, done: int, message: str = "") -> None:
        self.progress.append(done)

    @property
    def cancelled(self) -> bool:
        self.checks -= 1
        return self.checks < 0


def test_cancel_during_import_commits_nothing(workspace: Workspace, tmp_path: Path) -> None:
    planned = preview(write_csv(tmp_path / "a.csv", [HEADER, *many_rows(300)]), workspace)
    reporter = CancelAfter(120)
    with pytest.raises(Cancelled):
        apply(workspace, planned, reporter)
    assert reporter.progress  # it had made progress before the cancel
    assert count(workspace) == 0
    done = CancelAfter(10_000)
    apply(workspace, planned, done)
    assert count(workspace) == 300
    assert done.progress[-1] == done.total == 300


def test_cancel_while_reading_a_large_file(workspace: Workspace, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", [HEADER, *many_rows(1200)])
    with pytest.raises(Cancelled):
        preview(path, workspace, CancelAfter(1))


def test_a_database_failure_leaves_the_registry_untouched(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import inspector.registry.plan as registry

    planned = preview(write_csv(tmp_path / "a.csv", [HEADER, *many_rows(20)]), workspace)
    real = registry._write
    calls = []

    def failing(*args: Any) -> None:
        calls.append(1)
        if len(calls) == 15:
            raise RuntimeError("boom")
        real(*args)

    monkeypatch.setattr(registry, "_write", failing)
    with pytest.raises(RuntimeError):
        apply(workspace, planned)
    assert count(workspace) == 0


# --- cell parsers ------------------------------------------------------------------------

DATES = st.dates(min_value=date(1950, 1, 1), max_value=date(2099, 12, 31))
FORMATS = [
    lambda d: d.isoformat(),
    lambda d: f"{d.year}/{d.month:02d}/{d.day:02d}",
    lambda d: f"{d.year}/{d.month}/{d.day}",
    lambda d: f"{d.year}.{d.month}.{d.day}",
    lambda d: f"{d.year}年{d.month}月{d.day}日",
    lambda d: f"{d.year}年{d.month:02d}月{d.day:02d}日",
    lambda d: f"{d.year}{d.month:02d}{d.day:02d}",
    lambda d: f" {d.isoformat()} 00:00:00",
    lambda d: f"{d.isoformat()}T00:00",
    lambda d: f"{d.year}－{d.month:02d}－{d.day:02d}",  # full-width, as an IME types it
    lambda d: d,
    lambda d: datetime(d.year, d.month, d.day, 8, 30),
    lambda d: int(to_excel(d)),
    lambda d: float(to_excel(d)) + 0.25,
    lambda d: str(int(to_excel(d))),
]


@given(DATES, st.sampled_from(FORMATS))
def test_every_supported_way_of_writing_a_date_reads_back(day: date, fmt: Any) -> None:
    assert parse_date_cell(fmt(day)) == day


@given(st.one_of(st.text(max_size=30), st.integers(), st.floats(), st.booleans(), st.none()))
def test_a_date_cell_is_a_date_blank_or_a_reason_never_a_crash(value: Any) -> None:
    try:
        parsed = parse_date_cell(value)
    except CellError as error:
        assert "协议到期日" in str(error)
    else:
        assert parsed is None or date(1950, 1, 1) <= parsed or isinstance(value, str)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", None),
        ("   ", None),
        (None, None),
        ("2025-12-31", date(2025, 12, 31)),
        ("2025年1月5日", date(2025, 1, 5)),
        ("2025年1月5", date(2025, 1, 5)),
        (46022, date(2025, 12, 31)),
        ("46022", date(2025, 12, 31)),
    ],
)
def test_date_examples(value: Any, expected: date | None) -> None:
    assert parse_date_cell(value) == expected


@pytest.mark.parametrize("value", ["2025-02-29", "2025-00-10", "12/31/2025", "31.12.2025", 5, 9e9])
def test_dates_refused(value: Any) -> None:
    with pytest.raises(CellError):
        parse_date_cell(value)


TYPE_WRITINGS = [
    *((code, code) for code, kind in LIBRARY.types.items() if kind.group != "person"),
    *((kind.name, code) for code, kind in LIBRARY.types.items() if kind.group != "person"),
    *TYPE_SYNONYMS.items(),
]
REGISTRY_TYPES = [
    code for code, kind in LIBRARY.types.items() if kind.group in ("medical", "pharmacy", "agency")
]


@given(
    st.sampled_from([w for w in TYPE_WRITINGS if w[1] in REGISTRY_TYPES]),
    st.sampled_from(["", " ", "\u3000", "\t"]),
    st.sampled_from(["", " ", "\u3000"]),
    st.booleans(),
)
def test_a_type_written_by_code_name_or_synonym_reads_as_its_code(
    writing: tuple[str, str], before: str, after: str, upper: bool
) -> None:
    text, code = writing
    assert parse_type_cell(before + (text.upper() if upper else text) + after, LIBRARY) == code


@given(st.one_of(st.text(max_size=20), st.integers(), st.none()))
def test_a_type_cell_is_a_registry_type_or_a_reason(value: Any) -> None:
    try:
        code = parse_type_cell(value, LIBRARY)
    except CellError as error:
        assert "机构类型" in str(error) or "不是定点医药机构的类型" in str(error)
    else:
        assert code in REGISTRY_TYPES


def test_the_synonym_table_names_only_known_types() -> None:
    assert set(TYPE_SYNONYMS.values()) <= set(REGISTRY_TYPES)


# --- the agreement check (point 1) -------------------------------------------------------


def info(number: str | None = "JN-1", expiry: date | None = None) -> InstitutionInfo:
    return InstitutionInfo(
        "id", "某药店", "retail_pharmacy", "定点零售药店", "历下区", number, expiry, None
    )


TODAY = date(2026, 3, 1)


@pytest.mark.parametrize(
    ("expiry", "status", "words"),
    [
        (TODAY + timedelta(days=31), AgreementStatus.OK, "有效期至 2026-04-01"),
        (TODAY + timedelta(days=30), AgreementStatus.EXPIRING, "还有 30 天"),
        (TODAY + timedelta(days=1), AgreementStatus.EXPIRING, "还有 1 天"),
        (TODAY, AgreementStatus.EXPIRING, "今天到期"),
        (TODAY - timedelta(days=1), AgreementStatus.EXPIRED, "已过 1 天"),
        (date(2024, 12, 31), AgreementStatus.EXPIRED, "已于 2024-12-31 到期"),
    ],
)
def test_agreement_expiry_edge_days(expiry: date, status: AgreementStatus, words: str) -> None:
    check = agreement_status(info(expiry=expiry), TODAY)
    assert check.status is status
    assert words in check.message
    assert check.flagged is (status is not AgreementStatus.OK)
    if check.flagged:
        assert check.items == ("P1.2",) and "P1.2" in check.message


def test_no_agreement_and_not_in_registry_are_flagged_against_p1_1() -> None:
    status, message = agreement_status(None, TODAY)
    assert status is AgreementStatus.NOT_IN_REGISTRY and "P1.1" in message
    check = agreement_status(info(number=None), TODAY)
    assert check.status is AgreementStatus.NO_AGREEMENT and check.items == ("P1.1",)
    check = agreement_status(info(expiry=None), TODAY)
    assert check.status is AgreementStatus.NO_EXPIRY and check.items == ("P1.2",)


def test_check_agreement_for_a_typed_institution(workspace: Workspace, tmp_path: Path) -> None:
    apply(workspace, preview(write_csv(tmp_path / "a.csv", [HEADER, *GOOD]), workspace))
    check = check_agreement(workspace, "历城区某社区卫生服务中心", "历城区", date(2027, 1, 1))
    assert check.status is AgreementStatus.EXPIRED
    assert check_agreement(workspace, "历城区某社区卫生服务中心", "历下区").status is (
        AgreementStatus.NOT_IN_REGISTRY
    )


# --- searching ---------------------------------------------------------------------------


def test_search_find_and_show(workspace: Workspace, tmp_path: Path) -> None:
    apply(workspace, preview(write_csv(tmp_path / "a.csv", [HEADER, *GOOD]), workspace))
    assert [i.name for i in search_institutions(workspace, "历城")] == ["历城区某社区卫生服务中心"]
    assert [i.name for i in search_institutions(workspace, "JN-00")] == [
        "历城区某社区卫生服务中心",
        "某大药房连锁店",
        "济南某医院",
    ]
    assert [i.name for i in search_institutions(workspace, "某 医院")] == [
        "某民营医院",
        "济南某医院",
    ]
    assert search_institutions(workspace, "%") == []  # LIKE wildcards are literal
    pharmacies = search_institutions(workspace, type_code="retail_pharmacy")
    assert [i.type_name for i in pharmacies] == ["定点零售药店"]
    assert find_institution(workspace, "JN-003").name == "济南某医院"
    assert find_institution(workspace, "ＪＮ－００３").name == "济南某医院"
    assert find_institution(workspace, "某民营医院").agreement_no is None
    with pytest.raises(NotFound):
        find_institution(workspace, "不存在的医院")


# --- the command line --------------------------------------------------------------------


def test_cli_import_dry_run_then_import_with_refused_rows(cli: Cli, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "名单.csv",
        [HEADER, *GOOD, ["某医院", "医院", "历下区", "JN-12", "", "", ""]],
        "gbk",
    )
    out, _ = cli("institution", "import", str(path), "--dry-run", expect=1)
    assert "第 6 行  拒绝" in out and "机构类型“医院”无法识别" in out
    assert "第 2 行  新增" in out and "未写入任何数据" in out
    assert json.loads(cli("institution", "list", "--json")[0]) == []

    out, _ = cli("institution", "import", str(path), "--json", expect=1)
    data = json.loads(out)
    assert data["counts"] == {"new": 4, "update": 0, "unchanged": 0, "refused": 1}
    assert data["rows"][-1] == {
        "row": 6,
        "status": "refused",
        "status_name": "拒绝",
        "reason": data["rows"][-1]["reason"],
        "cells": {
            "name": "某医院",
            "type": "医院",
            "district": "历下区",
            "agreement_no": "JN-12",
            "expiry": "",
            "level": "",
        },
        "type_code": None,
        "agreement_expiry": None,
        "institution_id": None,
    }
    listing = json.loads(cli("institution", "list", "--json")[0])
    assert len(listing) == 4

    good = write_csv(tmp_path / "好.csv", [HEADER, *GOOD])
    out, _ = cli("institution", "import", str(good))
    assert "无变化" in out and "已导入" in out
    assert len(json.loads(cli("institution", "list", "--json")[0])) == 4


def test_cli_list_and_show(cli: Cli, tmp_path: Path) -> None:
    expired = ["过期药店", "定点药店", "历下区", "JN-OLD", "2020-01-01", "", ""]
    cli("institution", "import", str(write_csv(tmp_path / "a.csv", [HEADER, *GOOD, expired])))
    out, _ = cli("institution", "list", "--search", "药")
    assert "过期药店" in out and "协议已过期" in out and "某大药房连锁店" in out
    listed = json.loads(cli("institution", "list", "--type", "社会办医疗机构", "--json")[0])
    assert [i["name"] for i in listed] == ["某民营医院"]
    assert listed[0]["agreement_status"]["code"] == "no_agreement"

    out, _ = cli("institution", "show", "JN-OLD")
    assert "过期药店" in out and "协议已过期" in out and "P1.2" in out
    shown = json.loads(cli("institution", "show", "历城区某社区卫生服务中心", "--json")[0])
    assert shown["agreement_no"] == "JN-001" and shown["type"]["code"] == "primary_care"
    _, err = cli("institution", "show", "没有这家", expect=1)
    assert "机构名单中没有" in err
    _, err = cli("institution", "list", "--type", "医院", expect=1)
    assert "未知的机构类型" in err


def test_cli_import_of_an_unusable_file_is_an_error(cli: Cli, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "缺列.csv", [["机构名称"], ["某药店"]])
    _, err = cli("institution", "import", str(path), expect=1)
    assert "错误：" in err and "机构类型" in err
