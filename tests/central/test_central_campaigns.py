"""Campaigns (专项行动) from the office to a laptop, over the real server (PostgreSQL, HTTPS):
made with ``server campaign create`` (a wrong one refused, nothing stored or published),
published signed with the office's key, pulled by a laptop that checks the signature (a
tampered package refused, nothing installed), an inspection tagged with it pushed back, and
the coverage by district the server computes against a registry made by hand."""

from __future__ import annotations

import json
import os
import shutil
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.bundle import sign_by_keys
from tests.helpers.central import Server, sync_enroll, sync_push
from tests.helpers.cli import Cli, new_inspection
from tests.helpers.registry import HEADER, write_csv
from tests.helpers.signing_pki import PASS, make_ca, make_p12

# The hand-made registry: 历城区 has three institutions of the campaign's types (one of them
# inspected below), 市中区 one; a clinic of another type and a district outside are not counted.
REGISTRY = [
    HEADER,
    ["历城区某社区卫生服务中心", "社区卫生服务中心", "历城区", "JN-001", "2030-12-31", "一级", ""],
    ["历城区某卫生院", "基层医疗机构", "历城区", "JN-004", "2030-12-31", "", ""],
    ["历城区某大药房", "定点药店", "历城区", "JN-005", "2030-12-31", "", ""],
    ["某大药房连锁店", "定点药店", "市中区", "JN-002", "2030-06-30", "", ""],
    ["济南某医院", "二级及以上公立医疗机构", "历城区", "JN-003", "2030-03-01", "三级甲等", ""],
    ["天桥区某药店", "定点药店", "天桥区", "JN-006", "2030-03-01", "", ""],
]


def _office_key(tmp_path: Path) -> tuple[Path, Path, Path]:
    bureau = make_ca()
    (tmp_path / "ca.pem").write_bytes(bureau.pem)
    secret = tmp_path / "secret.txt"
    secret.write_text(PASS, encoding="utf-8")
    p12 = tmp_path / "bureau.p12"
    p12.write_bytes(make_p12(bureau, "济南市医疗保障局", "BUREAU-1"))
    return tmp_path / "ca.pem", p12, secret


def _create(server: Server, p12: Path, secret: Path, *options: str) -> tuple[int, str, str]:
    done = server.command(
        "server", "campaign", "create", "--p12", str(p12), "--passphrase-file", str(secret),
        "--json", *options,
    )  # fmt: skip
    return done.returncode, done.stdout, done.stderr


def _options(today: date, *, districts: tuple[str, ...] = ("历城区", "市中区")) -> list[str]:
    start = today - timedelta(days=20)
    options = [
        "--name", "打击欺诈骗保专项行动", "--doc-no", "济医保发〔2026〕12号",
        "--phase", f"自查自纠:{start}:{start + timedelta(days=9)}",
        "--phase", f"集中检查:{start + timedelta(days=10)}:{today + timedelta(days=40)}",
        "--phase", f"回头看:{today + timedelta(days=41)}:{today + timedelta(days=70)}",
        "--type", "primary_care", "--type", "retail_pharmacy", "--focus", "fields_2023",
        "--report", f"情况报告:{today + timedelta(days=10)}",
        "--report", f"summary:{today + timedelta(days=80)}",
        "--follow-up", f"{today + timedelta(days=60)}:6:2",
    ]  # fmt: skip
    for district in districts:
        options += ["--district", district]
    return options


def test_a_campaign_goes_from_the_office_to_a_laptop_and_its_coverage_comes_back(
    server: Server, cli: Cli, team_keys: dict[str, str], tmp_path: Path
) -> None:
    ca, p12, secret = _office_key(tmp_path)
    cli("config", "trust", "add", str(ca))
    sync_enroll(cli, server)  # 历城区
    registry = write_csv(tmp_path / "registry.csv", REGISTRY)
    done = server.command(
        "server", "publish", "registry", str(registry), "--p12", str(p12),
        "--passphrase-file", str(secret),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    today = date.today()

    # A campaign that does not hold together: refused with its reason, nothing stored
    bad = _options(today, districts=("历城区", "长清区"))
    code, _out, err = _create(server, p12, secret, *bad)
    assert code == 1 and "不认识的区县：长清区" in err
    backwards = [o.replace("自查自纠:", "自查自纠:2099-01-01:") if o.startswith("自查自纠") else o
                 for o in _options(today)]  # fmt: skip
    code, _out, err = _create(server, p12, secret, *backwards)
    assert code == 1 and "应写作" in err
    order = _options(today)
    order[order.index("--phase") + 1] = f"自查自纠:{today}:{today - timedelta(days=1)}"
    code, _out, err = _create(server, p12, secret, *order)
    assert code == 1 and "早于开始日期" in err
    assert server.sql("select count(*) from campaigns").strip() == "0"
    assert server.sql("select count(*) from publications where kind = 'campaign'").strip() == "0"

    code, out, err = _create(server, p12, secret, *_options(today))
    assert code == 0, err
    made = json.loads(out)
    campaign_id = made["campaign"]["id"]
    assert made["version"] == 1
    listed = json.loads(server.command("server", "campaign", "list", "--json").stdout)
    assert [c["name"] for c in listed] == ["打击欺诈骗保专项行动"]

    # The package altered on the server (a district added): the laptop refuses it, installs
    # nothing
    server.sql(
        "update publications set body = convert_to(replace(convert_from(body, 'UTF8'), "
        "'\"市中区\"', '\"市中区\", \"槐荫区\"'), 'UTF8') where kind = 'campaign'"
    )
    out, _ = cli("sync", "pull", "--json", expect=1)
    refused = json.loads(out)["refused"]
    assert [r["kind"] for r in refused] == ["campaign"] and "签名" in refused[0]["reason"]
    assert [i["kind"] for i in json.loads(out)["installed"]] == ["registry"]
    out, _ = cli("campaign", "list", "--all", "--json")
    assert json.loads(out) == []
    # the office closes nothing and makes another: the next package, signed, installs both
    code, out, err = _create(
        server,
        p12,
        secret,
        *[o if o != "打击欺诈骗保专项行动" else "药店专项检查" for o in _options(today)],
    )
    assert code == 0, err
    out, _ = cli("sync", "pull", "--json")
    installed = json.loads(out)["installed"]
    assert [i["kind"] for i in installed] == ["campaign"]
    out, _ = cli("campaign", "list", "--json")
    views = {v["campaign"]["name"]: v for v in json.loads(out)}
    assert set(views) == {"打击欺诈骗保专项行动", "药店专项检查"}
    view = views["打击欺诈骗保专项行动"]
    assert view["phase"] == "集中检查" and view["district"] == "历城区"
    assert [d["title"] for d in view["due"]][:1] == ["情况报告"]
    assert [d["district"] for d in view["coverage"]["districts"]] == ["历城区"]
    assert (view["coverage"]["inspected"], view["coverage"]["in_scope"]) == (0, 3)

    # An inspection outside the campaign's scope cannot be tagged with it; one inside is,
    # with the campaign's focus pack in its checklist
    _out, err = cli(
        "inspection", "new", "--institution", "济南某医院", "--type", "public_hospital",
        "--mode", "surprise", "--district", "历城区", "--inspector", "张伟:370100001",
        "--campaign", campaign_id[:8], expect=1,
    )  # fmt: skip
    assert "不在专项行动“打击欺诈骗保专项行动”的范围内" in err
    inspection_id = new_inspection(cli, "--leader", "370100002", "--campaign", campaign_id[:8])
    out, _ = cli("inspection", "show", inspection_id, "--json")
    shown = json.loads(out)
    assert "fields_2023" in json.dumps(shown, ensure_ascii=False)
    cli("config", "current_inspector", "370100001")
    cli("answer", inspection_id, "P1.1", "--result", "ok")
    sign_by_keys(cli, inspection_id, team_keys, tmp_path)
    sync_push(cli)
    assert (
        server.sql("select data->>'campaign_id' from rows where table_name = 'inspections'").strip()
        == campaign_id
    )

    # Coverage on the server: 历城区 1 of 3 (the clinic, matched by its agreement number),
    # 市中区 0 of 1; the inspection counted as tagged and signed
    out = server.command("server", "campaign", "show", campaign_id[:8], "--json").stdout
    progress = json.loads(out)
    rows = {
        d["district"]: (d["inspected"], d["in_scope"]) for d in progress["coverage"]["districts"]
    }
    assert rows == {"历城区": (1, 3), "市中区": (0, 1)}
    assert progress["tagged"] == {"inspections": 1, "signed": 1}
    # what the dashboard and the reports call, in process
    from inspector.central.campaigns import campaign_progress, tagged_inspections
    from inspector.central.service import Central

    central = Central(server.db, server.store)
    try:
        assert tagged_inspections(central, campaign_id) == [inspection_id]
        mine = campaign_progress(central, campaign_id, area="市中区")
        assert [d["district"] for d in mine["coverage"]["districts"]] == ["市中区"]
        assert mine["coverage"]["in_scope"] == 1
    finally:
        central.close()
    assert progress["phase"] == "集中检查" and not progress["late"]
    # the laptop counts its own district from its registry the same way
    out, _ = cli("campaign", "show", campaign_id[:8], "--json")
    assert (json.loads(out)["coverage"]["inspected"], json.loads(out)["coverage"]["in_scope"]) == (
        1,
        3,
    )

    # closing is published too: the laptop no longer offers it
    done = server.command(
        "server", "campaign", "close", campaign_id[:8], "--p12", str(p12),
        "--passphrase-file", str(secret), "--json",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    cli("sync", "pull")
    out, _ = cli("campaign", "list", "--json")
    assert [v["campaign"]["name"] for v in json.loads(out)] == ["药店专项检查"]
    _out, err = cli(
        "inspection", "new", "--institution", "历城区某大药房", "--type", "retail_pharmacy",
        "--mode", "surprise", "--district", "历城区", "--inspector", "张伟:370100001",
        "--campaign", campaign_id, expect=1,
    )  # fmt: skip
    assert "已结束" in err


CHROMIUM = Path("/usr/bin/chromium")
PASSWORD = "局端测试口令 2026"


def _sign_in(page: Any, name: str, password: str) -> None:
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_load_state()


def _accessible(page: Any, where: str) -> None:
    """axe-core's rules (the script axe-playwright-python carries): no serious or critical
    violation, and nothing wider than a phone's 390 px."""
    from axe_playwright_python.sync_playwright import Axe

    found = Axe().run(page).response
    grave = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in found["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert not grave, (where, grave)
    scroll = page.evaluate("() => document.documentElement.scrollWidth")
    assert scroll <= 390, (where, scroll)


def _fill(page: Any, today: date, first_end: date) -> None:
    page.fill("input[name=name]", "打击欺诈骗保专项行动")
    page.fill("input[name=doc_no]", "济医保发〔2026〕12号")
    start = today - timedelta(days=20)
    for i, (name, begin, end) in enumerate(
        [
            ("自查自纠", start, first_end),
            ("集中检查", start + timedelta(days=10), today + timedelta(days=40)),
            ("整改", today + timedelta(days=41), today + timedelta(days=70)),
        ]
    ):
        page.fill(f"input[name=phase_name_{i}]", name)
        page.fill(f"input[name=phase_start_{i}]", begin.isoformat())
        page.fill(f"input[name=phase_end_{i}]", end.isoformat())
    for value in ("primary_care", "retail_pharmacy"):
        page.check(f"input[name=type][value={value}]")
    for value in ("历城区", "市中区"):
        page.check(f"input[name=district][value={value}]")
    page.check("input[name=focus][value=fields_2023]")
    page.select_option("select[name=report_form_0]", "situation_report")
    page.fill("input[name=report_due_0]", (today + timedelta(days=10)).isoformat())
    page.select_option("select[name=report_form_1]", "quarterly_statistics")
    page.fill("input[name=report_due_1]", (today + timedelta(days=30)).isoformat())
    page.fill("input[name=follow_first]", (today + timedelta(days=60)).isoformat())


def test_the_office_makes_a_campaign_on_its_page_and_a_laptop_pulls_it_signed(
    server: Server, cli: Cli, tmp_path: Path
) -> None:
    if not CHROMIUM.exists():
        message = "Debian's chromium is not installed"
        if os.environ.get("INSPECTOR_REQUIRE_POSTGRES"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    ca, p12, secret = _office_key(tmp_path)
    registry = write_csv(tmp_path / "registry.csv", REGISTRY)
    done = server.command(
        "server", "publish", "registry", str(registry), "--p12", str(p12),
        "--passphrase-file", str(secret),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    server.office_user("局端王", PASSWORD)
    today = date.today()

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            page = browser.new_page(
                ignore_https_errors=True, viewport={"width": 1366, "height": 768}
            )
            # the service started without the office's key: it says so and publishes nothing
            page.goto(server.url + "/office/campaigns/new")
            _sign_in(page, "局端王", PASSWORD)
            page.wait_for_url("**/office/campaigns/new")
            assert "未配置本局签名密钥" in page.inner_text("main")
            _fill(page, today, today - timedelta(days=11))
            page.click("#create-campaign")
            page.wait_for_selector("#error")
            assert "未配置本局签名密钥" in page.inner_text("#error")
            assert server.sql("select count(*) from campaigns").strip() == "0"

            # started with the key (server --p12 --passphrase-file)
            server.kill()
            server.options = ["--p12", str(p12), "--passphrase-file", str(secret)]
            server.start()
            page.goto(server.url + "/office/campaigns")
            page.click("#new-campaign")
            page.wait_for_url("**/office/campaigns/new")
            assert "未配置" not in page.inner_text("main")
            # phases out of order: refused with the reason, the form kept as typed
            _fill(page, today, today + timedelta(days=15))
            page.click("#create-campaign")
            page.wait_for_selector("#error")
            assert "早于上一阶段“自查自纠”的结束日期" in page.inner_text("#error")
            assert page.input_value("input[name=doc_no]") == "济医保发〔2026〕12号"
            assert page.is_checked("input[name=district][value=市中区]")
            assert server.sql("select count(*) from campaigns").strip() == "0"
            assert (
                server.sql("select count(*) from publications where kind = 'campaign'").strip()
                == "0"
            )
            # a form posted without the page's token (another site's) is refused
            forged = page.request.post(
                server.url + "/office/campaigns",
                form={"name": "伪造", "csrf": "forged"},
                max_redirects=0,
            )
            assert forged.status == 403
            page.fill("input[name=phase_end_0]", (today - timedelta(days=11)).isoformat())
            page.click("#create-campaign")
            page.wait_for_selector("#message")
            assert "已制定并签名发布" in page.inner_text("#message")
            assert page.inner_text("#phase").startswith("集中检查")
            coverage = page.inner_text("table.coverage")
            assert "历城区\t0\t3\t0%" in coverage and "市中区\t0\t1\t0%" in coverage
            deadlines = page.inner_text("table.deadlines")
            assert "情况报告" in deadlines and "季度统计表" in deadlines and "回头看" in deadlines
            shot = tmp_path / "campaign.png"
            page.screenshot(path=str(shot), full_page=True)
            if os.environ.get("INSPECTOR_SAVE_SCREENSHOTS"):
                shutil.copy(shot, Path(os.environ["INSPECTOR_SAVE_SCREENSHOTS"]) / "campaign.png")
            page.goto(server.url + "/office/campaigns")
            assert "打击欺诈骗保专项行动" in page.inner_text("table.campaigns")
            page.click("text=退出")
            page.wait_for_url("**/office/login")

            # a district's user: offered its district only; a form naming another refused;
            # its view of the campaign is its district's coverage
            server.office_user("市中区李", PASSWORD, district="市中区")
            page.goto(server.url + "/office/campaigns/new")
            _sign_in(page, "市中区李", PASSWORD)
            page.wait_for_url("**/office/campaigns/new")
            offered = page.eval_on_selector_all(
                "input[name=district]", "els => els.map(e => e.value)"
            )
            assert offered == ["市中区"]
            token = page.input_value("input[name=csrf]")
            other = page.request.post(
                server.url + "/office/campaigns",
                form={"csrf": token, "name": "越权", "phase_name_0": "自查自纠",
                      "phase_start_0": str(today), "phase_end_0": str(today),
                      "type": "primary_care", "district": "历城区"},
                max_redirects=0,
            )  # fmt: skip
            assert other.status == 400 and "只能制定本区县（市中区）的专项行动" in other.text()
            assert server.sql("select count(*) from campaigns").strip() == "1"
            page.goto(server.url + "/office/campaigns")
            page.click("table.campaigns a")
            page.wait_for_selector("table.coverage")
            coverage = page.inner_text("table.coverage")
            assert "市中区" in coverage and "历城区" not in coverage
            # at a phone's width: axe-core finds nothing serious, nothing wider than the phone
            page.set_viewport_size({"width": 390, "height": 800})
            for where in ("/office/campaigns", "/office/campaigns/new"):
                page.goto(server.url + where)
                _accessible(page, where)
        finally:
            browser.close()

    # a laptop that trusts the bureau's CA pulls it, the signature checked
    cli("config", "trust", "add", str(ca))
    sync_enroll(cli, server)
    out, _ = cli("sync", "pull", "--json")
    assert "campaign" in [i["kind"] for i in json.loads(out)["installed"]]
    out, _ = cli("campaign", "list", "--json")
    (view,) = json.loads(out)
    assert view["campaign"]["name"] == "打击欺诈骗保专项行动"
    assert view["campaign"]["focus_packs"] == ["fields_2023"]
    assert [r["form"] for r in view["campaign"]["reports"]] == [
        "situation_report", "quarterly_statistics",
    ]  # fmt: skip
