"""The office page (issue 10) in a real headless browser: Playwright driving Debian's Chromium
against the server over HTTPS. The list with its filters, an inspection with its record PDF and
verified signatures, its evidence and its log."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from .central_fixtures import Server
from .conftest import Cli
from .test_bundle import _sign, _visit, team_keys  # noqa: F401

CHROMIUM = Path("/usr/bin/chromium")


def test_the_office_page_lists_filters_and_shows_a_signed_inspection(
    server: Server, cli: Cli, team_keys: dict[str, str], tmp_path: Path,  # noqa: F811
) -> None:  # fmt: skip
    if not CHROMIUM.exists():
        message = "Debian's chromium is not installed"
        if os.environ.get("INSPECTOR_REQUIRE_POSTGRES"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    signed = _visit(cli, tmp_path)
    _sign(cli, signed, team_keys, tmp_path)
    _visit(cli, tmp_path, "--district", "市中区")  # another, unsigned, in another district
    out, _ = cli("sync", "enroll", server.url, server.code(), "--ca", str(server.tls.ca), "--json")
    assert json.loads(out)["district"] == "历城区"
    cli("sync", "push")

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            page = browser.new_page(
                ignore_https_errors=True, viewport={"width": 1100, "height": 800}
            )
            page.goto(server.url + "/office")
            assert "全部检查（共 2 次）" in page.inner_text("h1")
            page.select_option("select[name=district]", "市中区")
            page.click("button[type=submit]")
            page.wait_for_url("**district=**")
            assert "共 1 次" in page.inner_text("h1") and "检查中" in page.inner_text("table")
            page.select_option("select[name=district]", "")
            page.select_option("select[name=status]", "signed")
            page.click("button[type=submit]")
            page.wait_for_url("**status=signed**")
            assert "共 1 次" in page.inner_text("h1")
            assert "已签字" in page.inner_text("table")
            page.click("table a")
            page.wait_for_selector("text=检查记录")
            body = page.inner_text("body")
            assert body.count("✔ 签名有效") == 2 and "✘" not in body
            assert "张伟" in body and "李娜" in body
            assert "床位空置" in body  # the finding's note
            widths = page.eval_on_selector_all("img.thumb", "els => els.map(e => e.naturalWidth)")
            assert widths and all(w > 0 for w in widths)  # every evidence thumbnail loads
            assert "服务器：push.commit" in body and "record.sign" in body
            shot = tmp_path / "office.png"
            page.screenshot(path=str(shot), full_page=False)
            if os.environ.get("INSPECTOR_SAVE_SCREENSHOTS"):
                shutil.copy(shot, Path(os.environ["INSPECTOR_SAVE_SCREENSHOTS"]) / "office.png")
            link = page.get_attribute("a[href$='.pdf']", "href")
            assert link is not None
            response = page.request.get(server.url + link)
            assert response.ok and response.body().startswith(b"%PDF-")
        finally:
            browser.close()
