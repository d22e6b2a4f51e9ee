"""The office page in a real headless browser: Playwright driving Debian's Chromium
against the server over HTTPS. Sign-in (nothing without it; a wrong password refused; a
district's user sees only that district), the list with its filters, an inspection with its
record PDF and verified signatures, its evidence and its log."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.bundle import full_visit, sign_by_keys
from tests.helpers.central import Server
from tests.helpers.cli import Cli

CHROMIUM = Path("/usr/bin/chromium")


def test_the_office_page_lists_filters_and_shows_a_signed_inspection(
    server: Server, cli: Cli, team_keys: dict[str, str], tmp_path: Path,
) -> None:  # fmt: skip
    if not CHROMIUM.exists():
        message = "Debian's chromium is not installed"
        if os.environ.get("INSPECTOR_REQUIRE_POSTGRES"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    signed = full_visit(cli, tmp_path)
    sign_by_keys(cli, signed, team_keys, tmp_path)
    full_visit(cli, tmp_path, "--district", "市中区")  # another, unsigned, in another district
    out, _ = cli("sync", "enroll", server.url, server.code(), "--ca", str(server.tls.ca), "--json")
    assert json.loads(out)["district"] == "历城区"
    # the device pushes 市中区's inspection too, outside its district: the office says so
    device = json.loads(server.command("server", "devices", "--json").stdout)[0]["id"]
    assert server.command("server", "districts", device[:12], "历城区", "市中区").returncode == 0
    cli("sync", "push")
    server.office_user("局端王", PASSWORD)
    server.office_user("市中区李", PASSWORD, district="市中区")

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            page = browser.new_page(
                ignore_https_errors=True, viewport={"width": 1366, "height": 768}
            )
            console: list[str] = []  # what the browser refused (the pages' CSP), if anything
            page.on("console", lambda message: console.append(message.text))
            # not signed in: every office page and file sends to the sign-in form
            page.goto(server.url + "/office/inspections?status=signed")
            assert "/office/login" in page.url and "登录" in page.inner_text("h1")
            assert page.request.get(server.url + f"/office/inspections/{signed}").url.endswith(
                "/office/login?next=%2Foffice%2Finspections%2F" + signed
            )
            # a wrong password is refused
            _sign_in(page, "局端王", PASSWORD + "x")
            assert "用户名或口令不正确" in page.inner_text("body")
            assert "/office/login" in page.url
            # a form posted without the form's own token (another site's) is refused
            forged = page.request.post(
                server.url + "/office/login",
                form={"name": "局端王", "password": PASSWORD, "csrf": "forged"},
                max_redirects=0,
            )
            assert forged.status == 403
            _sign_in(page, "局端王", PASSWORD)
            page.wait_for_url("**/office/inspections?status=signed")  # back where it was going
            assert "共 1 次" in page.inner_text("h1")
            # the list's links from when /office was the list lead to it
            moved = page.request.get(server.url + "/office?status=signed")
            assert moved.url.endswith("/office/inspections?status=signed"), moved.url
            cookie = next(c for c in page.context.cookies() if c["name"] == "inspector_office")
            assert cookie["httpOnly"] and cookie["secure"] and cookie["sameSite"] == "Strict"
            page.goto(server.url + "/office")
            assert "工作台" in page.inner_text("h1")  # the desk; the list one click away
            page.click("nav >> text=检查列表")
            page.wait_for_url("**/office/inspections")
            assert "全部检查（共 2 次）" in page.inner_text("h1")
            page.select_option("select[name=district]", "市中区")
            page.click("form.filters button[type=submit]")
            page.wait_for_url("**district=**")
            assert "共 1 次" in page.inner_text("h1") and "检查中" in page.inner_text("table")
            page.select_option("select[name=district]", "")
            page.select_option("select[name=status]", "signed")
            page.click("form.filters button[type=submit]")
            page.wait_for_url("**status=signed**")
            assert "共 1 次" in page.inner_text("h1")
            assert "已签字" in page.inner_text("table")
            page.click("table a")
            page.wait_for_selector("text=检查记录")
            body = page.inner_text("body")
            assert body.count("✔ 签名有效") == 2 and "✘" not in body
            assert "张伟" in body and "李娜" in body
            assert "床位空置" in body  # the finding's note
            # every image loaded: the load event (a string evaluated in the page, as
            # wait_for_function does, is an eval the pages' CSP refuses)
            page.wait_for_load_state("load")
            widths = page.eval_on_selector_all("img.thumb", "els => els.map(e => e.naturalWidth)")
            assert widths and all(w > 0 for w in widths)  # every evidence thumbnail loads
            assert "服务器：push.commit" in body and "record.sign" in body
            shot = tmp_path / "office.png"
            page.screenshot(path=str(shot), full_page=False)
            if os.environ.get("INSPECTOR_SAVE_SCREENSHOTS"):
                saved = Path(os.environ["INSPECTOR_SAVE_SCREENSHOTS"])
                shutil.copy(shot, saved / "office-inspection-1366.png")
            link = page.get_attribute("a[href$='.pdf']", "href")
            assert link is not None
            response = page.request.get(server.url + link)
            assert response.ok and response.body().startswith(b"%PDF-")
            photo = page.get_attribute("img.thumb", "src")
            assert photo is not None
            page.click("text=退出")
            page.wait_for_url("**/office/login")
            assert page.request.get(server.url + link).url.split("?")[0].endswith("/office/login")

            # a district's user: only that district's inspections, the others as if not there
            _sign_in(page, "市中区李", PASSWORD)
            page.wait_for_url("**/office")
            page.goto(server.url + "/office/inspections")
            assert "全部检查（共 1 次）" in page.inner_text("h1")
            assert "检查中" in page.inner_text("table") and "已签字" not in page.inner_text("table")
            assert page.request.get(server.url + f"/office/inspections/{signed}").status == 404
            assert page.request.get(server.url + link).status == 404
            assert page.request.get(server.url + photo).status == 404
            # the pages' own stylesheet is admitted by the CSP's hash, nothing was refused
            assert not [m for m in console if "Content Security Policy" in m], console
            assert page.eval_on_selector("body", "b => getComputedStyle(b).marginLeft") != "8px"
        finally:
            browser.close()


PASSWORD = "局端测试口令 2026"


def _sign_in(page: Any, name: str, password: str) -> None:
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_load_state()


# The page as a phone lays it out, and its landmarks: measured beside axe-core.
LAYOUT = """() => ({mains: document.querySelectorAll('main').length,
  headingInMain: !!document.querySelector('main h1'),
  outside: [...document.body.children].filter(e => !['MAIN', 'HEADER'].includes(e.tagName))
    .map(e => e.tagName),
  width: window.innerWidth, scroll: document.documentElement.scrollWidth})"""
PHONE = 390  # a current phone's width in CSS pixels


def _accessible(page: Any, where: str) -> None:
    """axe-core's rules (the script the axe-playwright-python package carries, run in the
    page): no serious or critical violation; then one main landmark holding the heading, and
    nothing wider than the phone."""
    from axe_playwright_python.sync_playwright import Axe

    found = Axe().run(page).response
    grave = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in found["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert not grave, (where, grave)
    assert found["passes"], where  # the rules ran
    layout = page.evaluate(LAYOUT)
    assert layout["mains"] == 1 and layout["headingInMain"] and not layout["outside"], layout
    # a phone lays the page out at its own width (the viewport meta), nothing wider
    assert layout["width"] == PHONE and layout["scroll"] <= PHONE, (where, layout)


def test_the_office_page_on_a_phone_is_accessible_with_small_thumbnails_and_one_link_a_record(
    server: Server, cli: Cli, team_keys: dict[str, str], tmp_path: Path,
) -> None:  # fmt: skip
    if not CHROMIUM.exists():
        message = "Debian's chromium is not installed"
        if os.environ.get("INSPECTOR_REQUIRE_POSTGRES"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    signed = full_visit(cli, tmp_path)
    cli("record", "build", signed)  # a draft built before signing: another version
    sign_by_keys(cli, signed, team_keys, tmp_path)
    cli("sync", "enroll", server.url, server.code(), "--ca", str(server.tls.ca))
    cli("sync", "push")
    server.office_user("局端王", PASSWORD)
    # one photo's pushed thumbnail is gone from the server (pushed before laptops made them):
    # the server makes one once and keeps it
    found = server.sql(
        "select data->>'sha256', data->>'thumb_sha256' from rows where table_name = 'evidence' "
        "and data->>'media_type' like 'image/%' order by row_key limit 1"
    ).strip()
    photo, pushed_thumb = found.split("|")
    (server.store / "files" / pushed_thumb[:2] / f"{pushed_thumb}.jpg").unlink()

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            context = browser.new_context(
                ignore_https_errors=True,
                viewport={"width": PHONE, "height": 844},
                is_mobile=True,
                has_touch=True,
                device_scale_factor=2,
            )
            page = context.new_page()
            page.goto(server.url + "/office/login")
            _accessible(page, "login")
            _sign_in(page, "局端王", PASSWORD)
            page.wait_for_url("**/office")
            _accessible(page, "desk")
            page.goto(server.url + "/office/inspections")
            _accessible(page, "list")
            page.goto(server.url + f"/office/inspections/{signed}")
            page.wait_for_load_state("load")
            _accessible(page, "inspection")

            # thumbnails, not the originals: each small, each loaded
            sources = page.eval_on_selector_all("img.thumb", "els => els.map(e => e.src)")
            widths = page.eval_on_selector_all("img.thumb", "els => els.map(e => e.naturalWidth)")
            assert sources and all(0 < w <= 320 for w in widths), widths
            for source in sources:
                answer = page.request.get(source)
                assert answer.ok and answer.headers["content-type"] == "image/jpeg"
                assert len(answer.body()) < 60_000, (source, len(answer.body()))
            kept = next((server.store / "thumbs").rglob(f"{photo}*.jpg"))
            made = kept.stat().st_mtime_ns
            again = page.request.get(next(s for s in sources if photo in s))
            assert again.ok and kept.stat().st_mtime_ns == made  # made once, then kept
            original = page.request.get(
                server.url + page.get_attribute(f"a:has(img[src*='{photo}'])", "href")
            )
            assert len(original.body()) > 5 * len(again.body())  # not the original, scaled

            # one link per record version, each saying which it is
            links = page.eval_on_selector_all(
                "a[href$='.pdf']", "els => els.map(e => [e.getAttribute('href'), e.innerText])"
            )
            assert len(links) >= 2, links
            assert len({h for h, _t in links}) == len(links)
            assert len({t for _h, t in links}) == len(links), links
            texts = " ".join(t for _h, t in links)
            assert "已签名" in texts and "未签名草稿" in texts
            assert all(re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d", t) for _h, t in links), links
            shot = tmp_path / "office-inspection-390.png"
            page.screenshot(path=str(shot), full_page=False)
            if os.environ.get("INSPECTOR_SAVE_SCREENSHOTS"):
                shutil.copy(shot, Path(os.environ["INSPECTOR_SAVE_SCREENSHOTS"]) / shot.name)
        finally:
            browser.close()
