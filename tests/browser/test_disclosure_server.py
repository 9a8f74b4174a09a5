"""Real browser on the disclosure server: a card link opened in a fresh context shows the card and nothing else.

No sidebar, no script, no link except this card's own addresses, the report's numbers in Chinese and
English, a QR code (decoded with zxing-cpp) that points at the configured public address, and 404 / 410
for unknown and withdrawn cards. Screenshots land in test-results/screenshots/.
"""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from cfp_core import store
from cfp_core.access import cli_principal
from cfp_core.publish import publish, withdraw
from cfp_core.store.seed import seed_database
from tests.support.product import CARBON

pytestmark = pytest.mark.browser
pw = pytest.importorskip("playwright.sync_api")
zxingcpp = pytest.importorskip("zxingcpp")

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-results" / "screenshots"
PUBLIC = "https://cards.example.com"
ADMIN = cli_principal("weisidemu", "tests")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def disclosure_server(tmp_path_factory):
    """The disclosure server (plain HTTP, cards only) over a seeded store with published cards."""
    folder = tmp_path_factory.mktemp("disclosure")
    db = store.open_db(folder / "cfp.db")
    seed_database(db)
    product = store.load_product(db, "WS-TPS-48-900A")
    store.save_product(db, ADMIN, product.model_copy(update={"product_mass_kg": 120.0, **CARBON}))
    old = publish(db, ADMIN, "WS-TPS-48-900A", "2025", audience="customers")
    current = publish(db, ADMIN, "WS-TPS-48-900A", "2025", audience="customers")
    withdrawn = withdraw(db, ADMIN, old.snapshot_id, "Meter reading corrected")
    db.close()
    port = _free_port()
    env = dict(os.environ, CFP_DISCLOSURE_DB=str(folder / "disclosure.db"))
    proc = subprocess.Popen([sys.executable, "-m", "cfp_core", "--db", str(folder / "cfp.db"), "serve", "--port",
                             str(port), "--public-url", PUBLIC], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while True:
            try:
                if urllib.request.urlopen(f"{url}/healthz", timeout=1).read() == b"ok\n":
                    break
            except OSError:
                if time.time() > deadline:
                    raise RuntimeError("disclosure server did not start") from None
                time.sleep(0.2)
        yield url, current, withdrawn
    finally:
        proc.terminate()
        proc.wait(timeout=15)


@pytest.mark.parametrize(("lang", "heading"), [("zh", "碳足迹"), ("en", "carbon footprint")])
def test_card_link_shows_the_card_and_nothing_else(disclosure_server, browser, lang, heading):
    url, current, _ = disclosure_server
    context = browser.new_context(viewport={"width": 1100, "height": 1800}, locale="zh-CN" if lang == "zh" else "en-US")
    page = context.new_page()
    problems = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    try:
        response = page.goto(f"{url}/c/{current.token}?lang={lang}")
        assert response.status == 200
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"disclosure_card_{lang}.png"), full_page=True)
        pw.expect(page.locator(".cfp-number").first).to_have_text("93.4346")
        assert heading.lower() in page.inner_text("body").lower()
        assert page.locator("[data-testid='stSidebar']").count() == 0 and page.locator("script").count() == 0
        hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
        assert hrefs and all(h.startswith(("/c/", f"{PUBLIC}/c/")) for h in hrefs), hrefs
        assert page.eval_on_selector_all("form, input, button, iframe", "els => els.length") == 0
        assert not [p for p in problems if "Content Security Policy" in p], problems
        # the swatches are styled by the linked stylesheet, not by (CSP-blocked) inline styles
        colour = page.eval_on_selector(".cfp-swatch", "e => getComputedStyle(e).backgroundColor")
        assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
        from PIL import Image

        qr = Image.open(io.BytesIO(page.locator("figure.cfp-qr img").screenshot()))
        decoded = [r.text for r in zxingcpp.read_barcodes(qr)]
        assert decoded == [f"{PUBLIC}/c/{current.token}?lang={lang}"]
    finally:
        context.close()


def test_unknown_and_withdrawn_cards(disclosure_server, browser):
    url, _, withdrawn = disclosure_server
    context = browser.new_context(locale="zh-CN")  # Accept-Language picks the Chinese page
    page = context.new_page()
    try:
        assert page.goto(f"{url}/c/not-a-card-token").status == 404
        assert "未找到卡片" in page.inner_text("body")
        response = page.goto(f"{url}/c/{withdrawn.token}?lang=en")
        assert response.status == 410
        text = page.inner_text("body")
        assert "Meter reading corrected" in text and "93.4346" not in text
    finally:
        context.close()
