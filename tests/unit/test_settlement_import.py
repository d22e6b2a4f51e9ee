"""The settlement detail import (费用明细): every encoding and Excel read to the same rows, the
headers' aliases, a file of mixed encodings refused, refused rows named by number with nothing
stored, hostile cells refused with a reason, the institution's level kept, and an encrypted data
directory left without a plaintext byte of the detail after an import and a run."""

from __future__ import annotations

import contextlib
import gzip
import json
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import openpyxl
import pytest

from inspector.audit import events
from inspector.errors import InvalidInput, NotFound, StorageError
from inspector.inspections import TeamMember, create_inspection
from inspector.settlement.reader import open_detail_file
from inspector.settlement.schema import COLUMN_NAMES
from inspector.settlement.store import (
    REASONS_KEPT,
    detail_info,
    drop_detail,
    import_detail,
    open_detail,
)
from inspector.workspace import Workspace
from tests.helpers.claims import claims_inspection
from tests.helpers.registry import fill_registry
from tests.helpers.settlement import DEFAULT_COLUMNS, clean_rows, write_detail

MARK_NAME = "标记药品甲乙丙丁"  # planted: must never be found in the clear on disk
MARK_PERSON = "QZXMARKER0427"


def _expected(rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """The rows as the ``detail`` table should hold them (row numbers after title and header)."""
    out = []
    for number, row in enumerate(rows, start=3):
        born: date = row["birth_date"]
        when: datetime = row["charged_at"]
        age = when.year - born.year - ((when.month, when.day) < (born.month, born.day))
        out.append(
            (number, row["settlement_no"], row["person_id"], row["gender"], born, age,
             row["medical_type"], row["admitted_on"], row["discharged_on"], None, when,
             row["item_code"], row["item_name"], float(row["quantity"]),
             int(row["unit_price_fen"] * 100), int(row["amount_fen"] * 100), row["department"],
             row["doctor"], row["trace_code"])
        )  # fmt: skip
    return out


def _table(ws: Workspace, inspection: str) -> list[tuple[Any, ...]]:
    with open_detail(ws, inspection) as con:
        return con.execute("SELECT * FROM detail ORDER BY row_no").fetchall()


@pytest.fixture
def inspection(workspace: Workspace) -> str:
    return claims_inspection(workspace)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "utf-16"])
def test_each_encoding_gives_the_rows_of_the_file(
    workspace: Workspace, inspection: str, tmp_path: Path, encoding: str
) -> None:
    rows = clean_rows(300)
    path = write_detail(tmp_path / "明细.csv", rows, encoding=encoding)
    report = import_detail(workspace, inspection, path)
    assert report.ok and report.rows == 300 and report.info is not None
    assert report.info.encoding == {"utf-8-sig": "UTF-8", "gbk": "GBK"}.get(
        encoding, encoding.upper()
    )
    assert _table(workspace, inspection) == _expected(rows)


def test_an_excel_file_gives_the_same_rows_as_its_csv(
    workspace: Workspace, inspection: str, tmp_path: Path
) -> None:
    rows = clean_rows(200, seed=3)
    report = import_detail(workspace, inspection, write_detail(tmp_path / "明细.xlsx", rows))
    assert report.ok and report.info is not None and report.info.source_format == "xlsx"
    assert _table(workspace, inspection) == _expected(rows)


def test_the_table_has_exactly_the_schemas_columns(
    workspace: Workspace, inspection: str, tmp_path: Path
) -> None:
    import_detail(workspace, inspection, write_detail(tmp_path / "a.csv", clean_rows(10)))
    with open_detail(workspace, inspection) as con:
        described = con.execute("DESCRIBE detail").fetchall()
    from inspector.settlement.schema import DETAIL_COLUMNS

    assert [(r[0], r[1]) for r in described] == [(c.name, c.sql_type) for c in DETAIL_COLUMNS]


def test_aliases_are_recognised_and_age_may_stand_for_the_birth_date(
    workspace: Workspace, inspection: str, tmp_path: Path
) -> None:
    rows = clean_rows(20)
    for row in rows:
        row["age"] = 40
    columns = [c if c != "birth_date" else "age" for c in DEFAULT_COLUMNS]
    headers = {"settlement_no": "就诊ID", "person_id": "身份证号", "item_code": "项目编码",
               "charged_at": "费用发生时间(必填)", "amount_fen": "金额（元）",
               "medical_type": "医疗类别"}  # fmt: skip
    path = write_detail(tmp_path / "a.csv", rows, columns=columns, headers=headers)
    report = import_detail(workspace, inspection, path)
    assert report.ok, report.refused
    table = _table(workspace, inspection)
    assert {r[COLUMN_NAMES.index("age")] for r in table} == {40}
    assert {r[COLUMN_NAMES.index("birth_date")] for r in table} == {None}


def test_a_file_without_a_required_column_is_refused_naming_it(
    workspace: Workspace, inspection: str, tmp_path: Path
) -> None:
    columns = [c for c in DEFAULT_COLUMNS if c != "item_code"]
    path = write_detail(tmp_path / "a.csv", clean_rows(5), columns=columns)
    with pytest.raises(InvalidInput, match="医保目录编码"):
        import_detail(workspace, inspection, path)


def test_a_file_of_mixed_encodings_is_refused_at_the_line_and_nothing_is_stored(
    workspace: Workspace, inspection: str, tmp_path: Path
) -> None:
    path = write_detail(tmp_path / "a.csv", clean_rows(50), encoding="utf-8")
    more = write_detail(tmp_path / "b.csv", clean_rows(5, seed=9), encoding="gbk", title=None)
    gbk_lines = more.read_bytes().split(b"\r\n")[1:]  # rows appended by another program
    path.write_bytes(path.read_bytes() + b"\r\n".join(gbk_lines))
    with pytest.raises(InvalidInput, match="第 53 行起的文字编码与文件开头（UTF-8）不一致"):
        import_detail(workspace, inspection, path)
    with pytest.raises(NotFound):
        detail_info(workspace, inspection)


def _leftovers(root: Path) -> list[str]:
    return [p.name for p in root.iterdir() if p.name.startswith(".build-")]


def test_refused_rows_are_named_by_number_and_nothing_is_stored(
    workspace: Workspace, inspection: str, tmp_path: Path
) -> None:
    import_detail(workspace, inspection, write_detail(tmp_path / "old.csv", clean_rows(30)))
    before = (detail_info(workspace, inspection), _table(workspace, inspection))
    logged = len(events(workspace))
    rows = clean_rows(40, seed=5)
    rows[4]["charged_at"] = "2024-02-30 10:00"  # row 7
    rows[9]["amount_fen"] = "-12.00"  # row 12
    rows[10]["item_code"] = None  # row 13
    rows[11]["gender"] = "未登记"  # row 14
    rows[12]["quantity"] = "两盒"  # row 15
    rows[13]["admitted_on"], rows[13]["discharged_on"] = date(2024, 5, 2), date(2024, 5, 1)
    report = import_detail(workspace, inspection, write_detail(tmp_path / "new.csv", rows))
    assert not report.ok
    assert [(r.row, r.reason) for r in report.refused] == [
        (7, "费用发生时间“2024-02-30 10:00”不是有效的日期时间"),
        (12, "金额“-12.00”为负数（冲销行请在导出时去掉）"),
        (13, "医保目录编码为空"),
        (14, "性别“未登记”无法识别（应为男或女）"),
        (15, "数量“两盒”不是数字"),
        (16, "出院日期早于入院日期"),
    ]
    assert (detail_info(workspace, inspection), _table(workspace, inspection)) == before
    assert len(events(workspace)) == logged
    assert _leftovers(workspace.home.root) == []


def test_every_refused_row_is_counted_and_the_list_is_bounded(
    workspace: Workspace, inspection: str, tmp_path: Path
) -> None:
    rows = clean_rows(500)
    for row in rows[:300]:
        row["amount_fen"] = "abc"
    report = import_detail(workspace, inspection, write_detail(tmp_path / "a.csv", rows))
    assert report.refused_count == 300 and len(report.refused) == REASONS_KEPT
    assert [r.row for r in report.refused] == list(range(3, 3 + REASONS_KEPT))
    with pytest.raises(NotFound):
        detail_info(workspace, inspection)


def test_hostile_cells_are_refused_with_a_reason(
    workspace: Workspace, inspection: str, tmp_path: Path
) -> None:
    rows = clean_rows(20)
    path = write_detail(tmp_path / "a.xlsx", rows)
    book = openpyxl.load_workbook(path)
    sheet = book.active
    header = [c.value for c in sheet[2]]
    col = {name: header.index(label) + 1 for name, label in (
        ("item_name", "项目名称"), ("amount_fen", "金额"), ("quantity", "数量"),
        ("settlement_no", "结算单号"))}  # fmt: skip
    sheet.cell(3, col["amount_fen"]).value = "=B3*100"  # a formula
    sheet.cell(4, col["item_name"]).value = "药" * 5000  # a huge cell
    sheet.cell(5, col["amount_fen"]).value = datetime(2024, 1, 1)  # a date for money
    sheet.cell(6, col["quantity"]).value = True  # a boolean for a number
    sheet.cell(7, col["settlement_no"]).value = date(2024, 1, 1)  # a date for a code
    sheet.cell(8, col["quantity"]).value = "NaN"
    book.save(path)
    report = import_detail(workspace, inspection, path)
    reasons = {r.row: r.reason for r in report.refused}
    assert "公式" in reasons[3] and "过长" in reasons[4]
    assert "不是金额" in reasons[5] and "不是数字" in reasons[6]
    assert reasons[7] == "结算单号“2024-01-01 00:00:00”不是文字或编码"
    assert reasons[8] == "数量“NaN”不是有效的数字"
    assert report.refused_count == 6
    with pytest.raises(NotFound):
        detail_info(workspace, inspection)


def test_a_cell_past_the_csv_limit_refuses_the_file_clearly(
    workspace: Workspace, inspection: str, tmp_path: Path
) -> None:
    rows = clean_rows(10)
    rows[5]["item_name"] = "x" * 200_000
    path = write_detail(tmp_path / "a.csv", rows)
    with pytest.raises(InvalidInput, match=r"第 8 行不是有效的 CSV.*单元格过大"):
        import_detail(workspace, inspection, path)


def test_a_file_that_is_not_what_its_name_says_is_refused(
    workspace: Workspace, inspection: str, tmp_path: Path
) -> None:
    fake = tmp_path / "a.xlsx"
    fake.write_text("结算单号,人员编号\n1,2\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match="不是有效的 Excel"):
        import_detail(workspace, inspection, fake)
    empty = tmp_path / "b.csv"
    empty.write_bytes(b"")
    with pytest.raises(InvalidInput, match="空文件"):
        import_detail(workspace, inspection, empty)


def test_the_institutions_level_from_the_registry_is_kept(
    workspace: Workspace, tmp_path: Path
) -> None:
    fill_registry(workspace, tmp_path)
    inspection = create_inspection(
        workspace, institution="济南某医院", type_code="public_hospital", mode="surprise",
        district="槐荫区", team=[TeamMember("张伟", "370100001"), TeamMember("李娜", "370100002")],
    )  # fmt: skip
    import_detail(workspace, inspection, write_detail(tmp_path / "a.csv", clean_rows(10)))
    info = detail_info(workspace, inspection)
    assert (info.institution, info.institution_level) == ("济南某医院", "三级甲等")


def test_a_reimport_replaces_and_drop_removes(
    workspace: Workspace, inspection: str, tmp_path: Path
) -> None:
    first = import_detail(workspace, inspection, write_detail(tmp_path / "a.csv", clean_rows(10)))
    assert not first.replaced
    second = import_detail(workspace, inspection, write_detail(tmp_path / "b.csv", clean_rows(7)))
    assert second.replaced and len(_table(workspace, inspection)) == 7
    actions = [e.action for e in events(workspace)]
    assert actions[-2:] == ["detail.import", "detail.import"]
    drop_detail(workspace, inspection)
    assert events(workspace)[-1].action == "detail.drop"
    with pytest.raises(NotFound):
        open_detail(workspace, inspection).__enter__()
    assert list((workspace.home.root / "settlement").iterdir()) == []


def test_a_changed_stored_file_is_refused(
    workspace: Workspace, inspection: str, tmp_path: Path
) -> None:
    import_detail(workspace, inspection, write_detail(tmp_path / "a.csv", clean_rows(10)))
    (data,) = (workspace.home.root / "settlement").glob("*.detail")
    raw = bytearray(data.read_bytes())
    raw[-5] ^= 1
    data.write_bytes(bytes(raw))
    with pytest.raises(StorageError, match="与导入时不符"):
        open_detail(workspace, inspection).__enter__()


def test_the_connection_cannot_write_files(
    workspace: Workspace, inspection: str, tmp_path: Path
) -> None:
    import_detail(workspace, inspection, write_detail(tmp_path / "a.csv", clean_rows(10)))
    out = tmp_path / "out.csv"
    with open_detail(workspace, inspection) as con:
        with pytest.raises(duckdb.Error):
            con.execute(f"COPY detail TO '{out}'")
        with pytest.raises(duckdb.Error):
            con.execute("SET enable_external_access = true")
    assert not out.exists()


# --- no plaintext on an encrypted laptop ------------------------------------------------------


def _marked_rows() -> list[dict[str, Any]]:
    rows = clean_rows(3000, seed=21)
    for row in rows[::7]:
        row["item_name"] = MARK_NAME
        row["person_id"] = MARK_PERSON
    return rows


def _needles() -> list[bytes]:
    found = []
    for text in (MARK_NAME, MARK_PERSON):
        for encoding in ("utf-8", "gbk", "utf-16-le", "utf-16-be"):
            found.append(text.encode(encoding))
    return found


def _files(*roots: Path) -> Iterator[Path]:
    for root in roots:
        if root.is_dir():
            yield from (p for p in root.rglob("*") if p.is_file())


def _plaintext_in(*roots: Path) -> list[str]:
    """Files under ``roots`` holding a marker, as it is or gunzipped."""
    hits = []
    for path in _files(*roots):
        raw = path.read_bytes()
        contents = [raw]
        if raw[:2] == b"\x1f\x8b":
            with contextlib.suppress(OSError, EOFError):
                contents.append(gzip.decompress(raw))
        if any(n in c for c in contents for n in _needles()):
            hits.append(str(path))
    return hits


@pytest.mark.parametrize("home", ["encrypted"], indirect=True)
def test_an_encrypted_laptop_keeps_no_plaintext_of_the_detail(
    workspace: Workspace,
    tmp_path: Path,
    system_temp: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    work = tmp_path / "cwd"  # DuckDB's default spill folder is ".tmp" in the working directory
    work.mkdir()
    monkeypatch.chdir(work)
    inspection = claims_inspection(workspace)
    source = tmp_path / "source" / "明细.csv"
    source.parent.mkdir()
    write_detail(source, _marked_rows(), encoding="gbk")
    assert _plaintext_in(source.parent)  # the search finds the marker where it is
    report = import_detail(workspace, inspection, source)
    assert report.ok
    with open_detail(workspace, inspection) as con:  # a run: sorts and joins over every row
        found = con.execute(
            "SELECT count(*) FROM detail a JOIN detail b USING (person_id) "
            "WHERE a.item_name = ? AND a.row_no < b.row_no",
            [MARK_NAME],
        ).fetchone()
        assert found is not None and found[0] > 0
        con.execute("CREATE TEMP TABLE ranked AS SELECT *, row_number() OVER "
                    "(PARTITION BY person_id ORDER BY charged_at) AS k FROM detail")  # fmt: skip
    assert _plaintext_in(workspace.home.root, system_temp, work) == []
    assert detail_info(workspace, inspection).rows == 3000


@pytest.mark.parametrize("home", ["encrypted"], indirect=True)
def test_a_refused_import_leaves_no_plaintext_either(
    workspace: Workspace, tmp_path: Path, system_temp: Path
) -> None:
    inspection = claims_inspection(workspace)
    rows = _marked_rows()
    rows[-1]["amount_fen"] = "x"
    source = tmp_path / "source" / "明细.xlsx"
    source.parent.mkdir()
    report = import_detail(workspace, inspection, write_detail(source, rows))
    assert not report.ok
    assert _plaintext_in(workspace.home.root, system_temp) == []


def test_home_encrypt_encrypts_an_imported_detail(
    workspace: Workspace, inspection: str, tmp_path: Path, home: Path
) -> None:
    from inspector.crypto.home import encrypt_home, unlock

    import_detail(workspace, inspection, write_detail(tmp_path / "a.csv", _marked_rows()))
    table = _table(workspace, inspection)
    assert _plaintext_in(home)
    workspace.close()
    encrypt_home(home, "370100001", "a long passphrase for the test 1")
    assert _plaintext_in(home) == []
    keys = unlock(home, "370100001", "a long passphrase for the test 1")
    with Workspace.open(home, keys) as encrypted:
        assert _table(encrypted, inspection) == table
        names = [p.name for p in (home / "settlement").iterdir()]
        assert not any(inspection in n for n in names)


def test_the_stored_file_is_the_schemas_columns_in_order(
    workspace: Workspace, inspection: str, tmp_path: Path
) -> None:
    """The plain store: gzip text, records ended by RS, fields parted by US, no header."""
    import_detail(workspace, inspection, write_detail(tmp_path / "a.csv", clean_rows(3)))
    (data,) = (workspace.home.root / "settlement").glob("*.detail")
    records = gzip.decompress(data.read_bytes()).decode("utf-8").split("\x1e")
    assert records[-1] == "" and len(records) == 4
    assert all(len(r.split("\x1f")) == len(COLUMN_NAMES) for r in records[:3])
    manifest = json.loads(next((workspace.home.root / "settlement").glob("*.json")).read_text())
    assert manifest["rows"] == 3 and manifest["inspection_id"] == inspection


def test_a_cell_with_control_characters_is_refused(
    workspace: Workspace, inspection: str, tmp_path: Path
) -> None:
    """The store parts fields and records with US and RS: a cell holding one would shift
    every column after it, so its row is refused. (Excel cannot hold them: XML forbids.)"""
    rows = clean_rows(5)
    rows[1]["item_name"] = "阿莫西林\x1f999\x1e"
    rows[2]["doctor"] = "王\x07医生"
    report = import_detail(workspace, inspection, write_detail(tmp_path / "b.csv", rows))
    assert [(r.row, r.reason) for r in report.refused] == [
        (4, "有单元格含不可见的控制字符"),
        (5, "有单元格含不可见的控制字符"),
    ]
    with pytest.raises(NotFound):
        detail_info(workspace, inspection)


def test_the_reader_streams_rows(tmp_path: Path) -> None:
    source = open_detail_file(write_detail(tmp_path / "a.csv", clean_rows(5)))
    try:
        assert source.header.row == 2 and source.encoding_name == "UTF-8"
        assert [n for n, _ in source.rows] == [3, 4, 5, 6, 7]
    finally:
        source.close()


def test_money_and_quantities_are_exact(
    workspace: Workspace, inspection: str, tmp_path: Path
) -> None:
    rows = clean_rows(3)
    rows[0]["unit_price_fen"], rows[0]["amount_fen"] = Decimal("0.10"), Decimal("0.30")
    rows[0]["quantity"] = "3"
    rows[1]["quantity"] = "0.5"
    rows[1]["unit_price_fen"], rows[1]["amount_fen"] = Decimal("1234567.89"), Decimal("617283.95")
    import_detail(workspace, inspection, write_detail(tmp_path / "a.csv", rows))
    table = _table(workspace, inspection)
    price, amount, qty = (COLUMN_NAMES.index(c) for c in ("unit_price_fen", "amount_fen",
                                                         "quantity"))  # fmt: skip
    assert (table[0][price], table[0][amount], table[0][qty]) == (10, 30, 3.0)
    assert (table[1][price], table[1][amount], table[1][qty]) == (123456789, 61728395, 0.5)
