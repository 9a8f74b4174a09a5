"""Real-browser smoke test: streamlit run app.py + Debian chromium driven by playwright.

Opens every page in Chinese and English, asserts no exception box and the expected headline
numbers, and saves full-page screenshots under test-results/ (look at them).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from cfp_core import store
from cfp_core.seed import seed_database

pytestmark = pytest.mark.browser
pw = pytest.importorskip("playwright.sync_api")

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-results" / "screenshots"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PAGES = {  # url path -> text that must be visible once the page has rendered
    "": "93.43", "compare_models": "WS-TPS-48-900A", "compare_factors": "93.43", "trends": "WS-TPS-48-900A",
    "explain": "93.43", "products": "93.43", "factors": "0.5777", "publish": "93.43", "suppliers": "PACT",
}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """Start the dashboard on a free port with a freshly seeded database; yield (url, db path)."""
    if not os.path.exists(CHROMIUM):
        pytest.fail("chromium is not installed: run scripts/setup.sh test (apt-get install -y chromium)")
    db_file = tmp_path_factory.mktemp("browser") / "cfp.db"
    db = store.open_db(db_file)
    seed_database(db)
    db.close()
    port = _free_port()
    env = dict(os.environ, CFP_DB_PATH=str(db_file))
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1",
         "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while True:
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).read() == b"ok":
                    break
            except OSError:
                if time.time() > deadline:
                    raise RuntimeError("streamlit did not become healthy") from None
                time.sleep(0.2)
        yield url, db_file
    finally:
        proc.terminate()
        proc.wait(timeout=15)


@pytest.fixture(scope="module")
def browser():
    with pw.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


def open_page(browser, url: str, lang: str):
    # tall viewport: Streamlit scrolls an inner container, so full_page alone shows one screen
    context = browser.new_context(viewport={"width": 1400, "height": 2200}, locale="zh-CN" if lang == "zh" else "en-US")
    page = context.new_page()
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
        pw.expect(page.get_by_text(PAGES[path]).filter(visible=True).first).to_be_visible(timeout=30_000)
        assert page.locator("[data-testid='stException']").count() == 0
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_published_card_renders(server, browser, lang):
    from cfp_core.publish import publish

    url, db_file = server
    db = store.open_db(db_file)
    try:
        snapshot = publish(db, "WS-TPS-48-900A", "2025")
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
