"""The case procedure travels between laptops (inspector/bundle/cases.py): a case from laptop A
shows on laptop B as on A (stage, measures, payments, documents); a later bundle moves it on
and an older one cannot roll it back. Each attack as a holder of a bundle would make it (unzip,
edit, re-hash the manifest, sign it again with the exporting laptop's key): refused, naming
what, and the receiver as it was."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from inspector.bundle.format import MANIFEST
from tests.helpers.bundle import (
    bundle_export,
    bundle_import,
    laptop_state,
    resign_bundle,
    rewrite_bundle,
)
from tests.helpers.cases import HEAD, case_served, shown
from tests.helpers.cli import Cli, new_inspection, trial_keys

Items = list[tuple[zipfile.ZipInfo, bytes]]


@pytest.fixture
def keys(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    return trial_keys(cli, monkeypatch)


def _forged(
    good: Path,
    target: Path,
    home: Path,
    *,
    rows: dict[str, Callable[[dict[str, Any]], None]] | None = None,
    files: Callable[[dict[str, bytes], dict[str, Any]], None] | None = None,
) -> Path:
    """``good`` with rows of ``data/<table>.jsonl`` edited and members replaced (``files``:
    given the members by name and the manifest), every changed member re-hashed in the
    manifest, the manifest signed again by the exporting laptop's device key."""

    def change(items: Items) -> Items:
        members = {info.filename: data for info, data in items}
        manifest = json.loads(members[MANIFEST])
        edited: dict[str, bytes] = {}
        for table, edit in (rows or {}).items():
            name = f"data/{table}.jsonl"
            lines = []
            for line in members[name].decode("utf-8").splitlines():
                data = json.loads(line)
                edit(data)
                lines.append(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
            edited[name] = ("\n".join(lines) + "\n").encode("utf-8")
        if files is not None:
            before = dict(members)
            files(members, manifest)
            edited.update({k: v for k, v in members.items() if before.get(k) != v})
        for entry in manifest["members"]:
            if entry["name"] in edited:
                entry["sha256"] = hashlib.sha256(edited[entry["name"]]).hexdigest()
                entry["size"] = len(edited[entry["name"]])
        out = [(info, edited.get(info.filename, data)) for info, data in items]
        out = [
            (info, json.dumps(manifest).encode("utf-8") if info.filename == MANIFEST else data)
            for info, data in out
        ]
        return resign_bundle(out, home, lambda _m: None)

    return rewrite_bundle(good, target, change)


def _count(home: Path, table: str) -> int:
    connection = sqlite3.connect(home / "inspector.sqlite3")
    try:
        return int(connection.execute(f"select count(*) from {table}").fetchone()[0])
    finally:
        connection.close()


def _refused(office: Cli, bundle: Path, *says: str) -> str:
    before = laptop_state(office.home)
    _, err = bundle_import(office, bundle, expect=1)
    for word in says:
        assert word in err, err
    assert laptop_state(office.home) == before
    return err


# --- a case goes from laptop A to laptop B ---------------------------------------------------


def test_a_case_from_laptop_a_shows_the_same_on_laptop_b(
    cli: Cli, office: Cli, keys: dict[str, str], tmp_path: Path
) -> None:
    carried = case_served(cli, keys, tmp_path)
    bundle = tmp_path / "a.zip"
    made = bundle_export(cli, bundle)
    assert made["counts"]["cases"] == 1 and made["counts"]["case_payments"] == 1
    assert made["counts"]["case_steps"] == 7 and made["counts"]["case_documents"] == 1
    out, _ = bundle_import(office, bundle, "--json")
    assert json.loads(out)["conflicts"] == []
    on_a, on_b = shown(cli, carried.case), shown(office, carried.case)
    assert on_b == on_a
    assert on_b["case"]["stage"] == "served"
    assert [m["kind"] for m in on_b["case"]["measures"]] == ["refund", "fine"]
    assert [p["amount_fen"] for p in on_b["case"]["payments"]] == [120000]
    # The signed notice came with its PDF: B reads the file as signed and checked.
    out, _ = office("case", "verify-document", carried.notice[:8], "--json")
    checked = json.loads(out)
    assert checked["document"]["signatures"] == ["370100004"], checked
    assert not [p for p in checked["problems"] if "哈希" in p or "签名无效" in p], checked
    office("audit", "verify")
    # The same bundle again changes nothing.
    before = laptop_state(office.home)
    out, _ = bundle_import(office, bundle)
    assert "没有变化" in out and laptop_state(office.home) == before


# --- what was changed after the export is refused --------------------------------------------


def test_a_payment_raised_after_the_export_is_refused(
    cli: Cli, office: Cli, keys: dict[str, str], tmp_path: Path
) -> None:
    """The refund's payment raised from 1,200 to 12,000 元 in data/case_payments.jsonl, the
    manifest re-hashed and re-signed: every member hash is in order, only the row lies. The
    change that stamped the payment hashed it as paid: refused, naming the payment."""
    carried = case_served(cli, keys, tmp_path)
    good = tmp_path / "good.zip"
    bundle_export(cli, good)

    def raise_amount(data: dict[str, Any]) -> None:
        data["amount_fen"] = 1200000

    forged = _forged(good, tmp_path / "forged.zip", cli.home, rows={"case_payments": raise_amount})
    out, _ = office("bundle", "verify", str(forged))
    assert "验证通过" in out
    _refused(office, forged, "案件缴款", "被改过", "本机数据未改变")
    assert _count(office.home, "cases") == 0 == _count(office.home, "case_payments")
    # The genuine bundle goes in, with the amount paid.
    bundle_import(office, good)
    assert [p["amount_fen"] for p in shown(office, carried.case)["case"]["payments"]] == [120000]


def test_a_case_step_or_measure_rewritten_after_the_export_is_refused(
    cli: Cli, office: Cli, keys: dict[str, str], tmp_path: Path
) -> None:
    """A step's facts and a fine's amount, each edited in the bundle: each refused."""
    case_served(cli, keys, tmp_path)
    good = tmp_path / "good.zip"
    bundle_export(cli, good)

    def facts(data: dict[str, Any]) -> None:
        if data["kind"] == "investigate":
            data["facts"] = {**data["facts"], "facts": "未发现问题"}

    def lower(data: dict[str, Any]) -> None:
        if data["kind"] == "fine":
            data["amount_fen"] = 100

    step = _forged(good, tmp_path / "step.zip", cli.home, rows={"case_steps": facts})
    _refused(office, step, "案件步骤", "被改过")
    fine = _forged(good, tmp_path / "fine.zip", cli.home, rows={"case_measures": lower})
    _refused(office, fine, "案件处理措施", "被改过")


def test_a_row_added_under_another_changes_stamp_is_refused(
    cli: Cli, office: Cli, keys: dict[str, str], tmp_path: Path
) -> None:
    """A second payment of the fine made up in the bundle, stamped with the first payment's
    change: no change names it."""
    case_served(cli, keys, tmp_path)
    good = tmp_path / "good.zip"
    bundle_export(cli, good)

    def add(members: dict[str, bytes], _manifest: dict[str, Any]) -> None:
        name = "data/case_payments.jsonl"
        (line,) = members[name].decode("utf-8").splitlines()
        made = {**json.loads(line), "id": "0badc0de-0000-4000-8000-000000000001"}
        made["amount_fen"] = 150000
        members[name] += (json.dumps(made, ensure_ascii=False) + "\n").encode("utf-8")

    forged = _forged(good, tmp_path / "forged.zip", cli.home, files=add)
    _refused(office, forged, "案件缴款 0badc0de", "给它盖章的操作记的是另一条数据")


def test_a_swapped_case_document_pdf_is_refused(
    cli: Cli, office: Cli, keys: dict[str, str], tmp_path: Path
) -> None:
    """The signed notice's PDF replaced in the bundle by the notice as made (before it was
    signed: a whole PDF, no broken signature to find), the manifest re-hashed: refused by its
    hash; with the row's hash and size changed to match too: refused by the change that
    signed it. Nothing stored either time."""
    carried = case_served(cli, keys, tmp_path)
    good = tmp_path / "good.zip"
    bundle_export(cli, good)
    with zipfile.ZipFile(good) as archive:
        (line,) = archive.read("data/case_documents.jsonl").decode("utf-8").splitlines()
    row = json.loads(line)
    folder = cli.home / "records" / f"case-{carried.case}"
    (made_first,) = [p for p in folder.glob("notice-*.pdf") if "-signed-" not in p.name]
    unsigned = made_first.read_bytes()

    def swap(members: dict[str, bytes], _manifest: dict[str, Any]) -> None:
        members[row["path"]] = unsigned

    forged = _forged(good, tmp_path / "swapped.zip", cli.home, files=swap)
    _, err = bundle_import(office, forged, expect=1)
    assert "案件文书 行政处罚事先告知书" in err and "SHA-256 不符" in err, err
    assert _count(office.home, "case_documents") == 0
    assert not (office.home / "records" / f"case-{carried.case}").exists()

    def match(data: dict[str, Any]) -> None:
        data["sha256"] = hashlib.sha256(unsigned).hexdigest()
        data["size"] = len(unsigned)

    rowed = _forged(
        good, tmp_path / "rowed.zip", cli.home, rows={"case_documents": match}, files=swap
    )
    _refused(office, rowed, "案件文书", carried.notice[:8], "被改过")
    assert not list((office.home / "records").rglob(f"case-{carried.case}/*.pdf"))


def test_a_bundle_without_the_log_of_its_case_steps_is_refused(
    cli: Cli, office: Cli, keys: dict[str, str], tmp_path: Path
) -> None:
    """The case's last changes cut from the bundle's log (the refund's payment, the service):
    its rows stamped by them are not covered by the log it brings."""
    case_served(cli, keys, tmp_path)
    good = tmp_path / "good.zip"
    bundle_export(cli, good)

    def cut(members: dict[str, bytes], manifest: dict[str, Any]) -> None:
        lines = members["data/audit_events.jsonl"].decode("utf-8").splitlines()
        kept = [
            ln for ln in lines if json.loads(ln)["action"] not in ("case.payment", "case.serve")
        ]
        assert len(kept) == len(lines) - 2
        # the events after the cut would no longer link: cut from the first of them on
        first = next(i for i, ln in enumerate(lines) if json.loads(ln)["action"] == "case.serve")
        members["data/audit_events.jsonl"] = ("\n".join(lines[:first]) + "\n").encode("utf-8")
        manifest["heads"] = {
            d: min(s, json.loads(lines[first - 1])["seq"]) for d, s in manifest["heads"].items()
        }

    forged = _forged(good, tmp_path / "cut.zip", cli.home, files=cut)
    _refused(office, forged, "缺少设备", "操作记录")


# --- an older bundle, a later one ----------------------------------------------------------


def test_an_older_bundle_cannot_roll_a_closed_case_back(
    cli: Cli, office: Cli, keys: dict[str, str], tmp_path: Path
) -> None:
    carried = case_served(cli, keys, tmp_path)
    older = tmp_path / "served.zip"
    bundle_export(cli, older)
    cli("case", "pay", carried.case, carried.fine[:8], "--amount", "1500", "--receipt", "R-2")
    cli("case", "execute", carried.case, "--by", "370100001")
    cli("case", "close", carried.case, "--approver", HEAD[0])
    later = tmp_path / "closed.zip"
    bundle_export(cli, later)
    closed = shown(cli, carried.case)
    assert closed["case"]["stage"] == "closed"

    # In order: B follows A to 结案.
    bundle_import(office, older)
    assert shown(office, carried.case)["case"]["stage"] == "served"
    bundle_import(office, later)
    assert shown(office, carried.case) == closed
    # The older bundle again: nothing moves back, nothing is a conflict.
    out, _ = bundle_import(office, older, "--json")
    result = json.loads(out)
    assert result["conflicts"] == [] and result["updated"] == {}, result
    assert shown(office, carried.case) == closed
    office("audit", "verify")


def test_a_signed_case_document_is_not_replaced_by_another_signed_copy(
    cli: Cli,
    office: Cli,
    keys: dict[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The decision signed on B after it came unsigned from A, and signed on A too by another
    key of the same 负责人: A's bundle brings a signed version that does not continue B's.
    Refused, B's signed file kept."""
    carried = case_served(cli, keys, tmp_path)
    # A makes the decision's document: it is not signed yet when B takes the case.
    out, _ = cli("case", "document", carried.case, "decision", "--json")
    decision = str(json.loads(out)["id"])
    first = tmp_path / "first.zip"
    bundle_export(cli, first)
    bundle_import(office, first)
    monkeypatch.setenv("INSPECTOR_KEY_PASSPHRASE", "口令-正确-1234")
    out, _ = office("key", "trial", "--name", HEAD[0], "--cert-no", HEAD[1], "--json")
    office("case", "sign-document", decision[:8], "--key", json.loads(out)["key_id"])
    cli("case", "sign-document", decision[:8], "--key", carried.head_key)
    second = tmp_path / "second.zip"
    bundle_export(cli, second)
    # Both signed files take the same name: the one here is not overwritten either.
    err = _refused(office, second, "未覆盖")
    assert "decision-" in err and "-signed-1.pdf" in err, err
    out, _ = office("case", "documents", carried.case, "--json")
    (signed,) = [d for d in json.loads(out)["documents"] if d["id"] == decision]
    assert signed["signed_by"] == HEAD[1]


def test_a_case_from_a_lead_travels_with_the_offices_rows(
    cli: Cli, office: Cli, tmp_path: Path
) -> None:
    """A case opened from a lead has no inspection: it goes in a whole bundle (the office's
    rows), not in a bundle of chosen inspections."""
    visit = new_inspection(cli)  # its team: the officers known here
    cli("lead", "add", "--institution", "乙药店", "--summary", "串换药品", "--number", "JB-7")
    out, _ = cli("lead", "list", "--json")
    lead = json.loads(out)["leads"][0]["id"]
    out, _ = cli("case", "open", "--lead", lead, "--party", "乙药店", "--json")
    case = str(json.loads(out)["id"])
    cli("case", "file", case, "--officer", "370100001", "--officer", "370100002",
        "--approver", HEAD[0])  # fmt: skip
    whole = tmp_path / "whole.zip"
    made = bundle_export(cli, whole)
    assert made["counts"]["cases"] == 1 and made["counts"]["case_steps"] == 1
    chosen = bundle_export(cli, tmp_path / "chosen.zip", "--inspection", visit)
    assert chosen["counts"]["cases"] == 0 == chosen["counts"]["case_steps"]
    bundle_import(office, whole)
    assert shown(office, case) == shown(cli, case)
    assert shown(office, case)["case"]["stage"] == "filed"


def test_a_signed_case_document_taken_back_to_its_unsigned_file_is_refused(
    cli: Cli, office: Cli, keys: dict[str, str], tmp_path: Path
) -> None:
    """Laptop A, tampered with, puts the signed notice back to the file as made (no signature)
    in a change of its own log, so the change stamps say A's version is the later one. B,
    holding the signed notice, refuses it: a signed case document moves only to its next
    signature."""
    from inspector.db.models import CaseDocument
    from inspector.workspace import Workspace

    carried = case_served(cli, keys, tmp_path)
    first = tmp_path / "first.zip"
    bundle_export(cli, first)
    bundle_import(office, first)
    folder = cli.home / "records" / f"case-{carried.case}"
    (made,) = [p for p in folder.glob("notice-*.pdf") if "-signed-" not in p.name]
    with Workspace.open(cli.home) as ws, ws.change(None, "case.document", editable=False) as ch:
        row = ch.session.get(CaseDocument, carried.notice)
        assert row is not None and row.signatures
        row.path = str(made.relative_to(cli.home))
        row.sha256 = hashlib.sha256(made.read_bytes()).hexdigest()
        row.size = made.stat().st_size
        row.signatures, row.signed_by, row.signed_at = [], None, None
        ch.entity(row)
    second = tmp_path / "second.zip"
    bundle_export(cli, second)
    _refused(office, second, "案件文书", carried.notice[:8], "签名不是在已有签名之后增加的")
    out, _ = office("case", "documents", carried.case, "--json")
    (notice,) = [d for d in json.loads(out)["documents"] if d["id"] == carried.notice]
    assert notice["signed_by"] == HEAD[1]


def test_an_incremental_bundle_carries_a_payment_alone(
    cli: Cli, office: Cli, keys: dict[str, str], tmp_path: Path
) -> None:
    """Only a payment recorded since the last bundle to B: the incremental bundle carries it
    (its case's inspection is in scope by the payment's case), and B shows it."""
    carried = case_served(cli, keys, tmp_path)
    first = tmp_path / "first.zip"
    bundle_export(cli, first, "--to", "B")
    bundle_import(office, first)
    cli("case", "pay", carried.case, carried.fine[:8], "--amount", "500", "--receipt", "R-2")
    since = tmp_path / "since.zip"
    made = bundle_export(cli, since, "--since", "B", "--to", "B")
    assert made["counts"]["case_payments"] == 1 and made["counts"]["cases"] == 0
    bundle_import(office, since)
    assert shown(office, carried.case) == shown(cli, carried.case)
    assert [p["amount_fen"] for p in shown(office, carried.case)["case"]["payments"]] == [
        120000,
        50000,
    ]
