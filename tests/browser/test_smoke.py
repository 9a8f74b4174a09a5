"""Real-browser smoke test: streamlit run app.py + Debian chromium driven by playwright.

Opens every page in Chinese and English, asserts no exception box and the expected headline
numbers, and saves full-page screenshots under test-results/ (look at them).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from cfp_core import store
from cfp_core.access import cli_principal  # noqa: E402

ADMIN = cli_principal("weisidemu", "tests")  # the acting principal of every write in these tests

pytestmark = pytest.mark.browser
pw = pytest.importorskip("playwright.sync_api")

LOOPBACK = ("127.0.0.1", "localhost", "::1")
ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-results" / "screenshots"
PAGES = {  # url path -> text that must be visible once the page has rendered
    "": "93.43", "compare_models": "WS-TPS-48-900A", "compare_factors": "93.43", "trends": "WS-TPS-48-900A",
    "management": "WS-TPS-48-900A",
    "explain": "93.43", "products": "93.43", "factors": "0.5777", "publish": "93.43", "suppliers": "PACT",
    "members": "API", "settings": "PNG", "audit": "CSV", "api_clients": "OAuth2", "supplier_connections": "PACT",
    "supplier_directory": ("保存供应商", "Save supplier"),  # (zh, en): the page has no text common to both
}


def _is_outside(url: str) -> bool:
    return urlsplit(url).scheme in ("http", "https", "ws", "wss") and urlsplit(url).hostname not in LOOPBACK


def open_page(browser, url: str, lang: str):
    # tall viewport: Streamlit scrolls an inner container, so full_page alone shows one screen
    context = browser.new_context(viewport={"width": 1400, "height": 2200}, locale="zh-CN" if lang == "zh" else "en-US")
    page = context.new_page()
    page.outside = []  # requests to any host but the app's own (offline and mainland-China deployments, #12.16)
    page.on("request", lambda request: _is_outside(request.url) and page.outside.append(request.url))
    page.goto(url)
    page.locator("[data-testid='stApp'][data-test-script-state='notRunning']").wait_for(timeout=60_000)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000)
    page.wait_for_timeout(1500)  # vega-lite charts and element skeletons finish drawing after the script
    return context, page


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("path", list(PAGES))
def test_page_renders_without_exception(server, browser, path, lang):
    url, _ = server
    context, page = open_page(browser, f"{url}/{path}?lang={lang}", lang)
    try:
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{path or 'overview'}_{lang}.png"), full_page=True)
        expected = PAGES[path] if isinstance(PAGES[path], str) else PAGES[path][lang == "en"]
        pw.expect(page.get_by_text(expected).filter(visible=True).first).to_be_visible(timeout=30_000)
        assert page.locator("[data-testid='stException']").count() == 0
        assert page.evaluate("() => document.querySelector('link[rel*=icon]')?.href || ''").startswith(url)
        assert not page.outside, f"loaded from outside hosts: {page.outside}"
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_published_card_renders(server, browser, lang):
    from cfp_core.publish import publish

    url, db_file = server
    db = store.open_db(db_file)
    try:
        snapshot = publish(db, ADMIN, "WS-TPS-48-900A", "2025")
    finally:
        db.close()
    context, page = open_page(browser, f"{url}/card?token={snapshot.token}&lang={lang}", lang)
    try:
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"card_{lang}.png"), full_page=True)
        pw.expect(page.get_by_text("93.43").filter(visible=True).first).to_be_visible(timeout=30_000)
        assert page.locator("[data-testid='stException']").count() == 0
    finally:
        context.close()
