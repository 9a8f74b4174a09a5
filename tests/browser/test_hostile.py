"""Real browser (#14): hostile text shows literally and loads nothing; a broken record shows an error id, never a traceback.

The AppTest layer checks every element's Markdown source (tests/app/test_injection.py); this checks what
chromium actually makes of it: no ``<a>`` or ``<img>`` pointing at the hostile host, no request to it, the
text visible as typed, and no Streamlit exception box, Python type name or server path anywhere on the page.
"""

from __future__ import annotations

import sqlite3

import pytest

from cfp_core.text import WORD_JOINER
from tests.browser.test_smoke import SHOTS, open_page
from tests.support.hostile import EVIL, MODEL, PERIOD, seed_hostile

pytestmark = pytest.mark.browser
pw = pytest.importorskip("playwright.sync_api")

TRACEBACK_SIGNS = ("Traceback", "File \"/", ".py\", line", "ValidationError", "JSONDecodeError", "site-packages")


@pytest.fixture(scope="module")
def hostile_card(server):
    _, db_file = server
    return seed_hostile(db_file)


LIVE = "a[href*='evil.test'], img[src*='evil.test'], [srcset*='evil.test']"
WHERE = """(selector) => [...document.querySelectorAll(selector)].map(e => {
    let p = e, ids = []; while (p) { if (p.dataset && p.dataset.testid) ids.push(p.dataset.testid); p = p.parentElement; }
    return ids.slice(0, 4).join(' < ') + ' :: ' + e.outerHTML.slice(0, 160); })"""


def _no_live_markup(page) -> None:
    assert page.evaluate(WHERE, LIVE) == []
    assert not [u for u in page.outside if "evil.test" in u]
    assert page.locator("[data-testid='stException']").count() == 0


def _as_read(page) -> str:
    """The page's text as a reader reads it (the invisible word joiners that break autolinks left out)."""
    return page.inner_text("body").replace(WORD_JOINER, "")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("path", ["trends", "explain", "publish"])
def test_hostile_text_is_shown_literally_on_workspace_pages(server, browser, hostile_card, path, lang):
    url, _ = server
    context, page = open_page(browser, f"{url}/{path}?lang={lang}&model={MODEL}&period={PERIOD}", lang)
    try:
        _no_live_markup(page)
        assert "evil link](http://evil.test/a)" in _as_read(page)
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_hostile_withdrawn_card_shows_its_reason_as_text(server, browser, hostile_card, lang):
    url, _ = server
    context, page = open_page(browser, f"{url}/card?token={hostile_card}&lang={lang}", lang)
    try:
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"card_hostile_{lang}.png"), full_page=True)
        _no_live_markup(page)
        assert EVIL in _as_read(page)
    finally:
        context.close()


def test_a_broken_record_shows_an_error_id_not_a_traceback(server, browser, hostile_card):
    """A product revision whose stored JSON cannot be read (written around the core): the page says so, plainly."""
    url, db_file = server
    with sqlite3.connect(db_file) as con:
        con.execute("INSERT INTO product_revisions (model_code, revision, payload, created_at, author, comment) "
                    "VALUES ('ZZ-BROKEN', 1, '{\"model_code\": \"ZZ-BROKEN\", ', '2026-12-03T00:00:00Z', 'x', '')")
    for lang in ("zh", "en"):
        context, page = open_page(browser, f"{url}/products?lang={lang}&model=ZZ-BROKEN", lang)
        try:
            SHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SHOTS / f"broken_record_{lang}.png"), full_page=True)
            text = page.inner_text("body")
            assert page.locator("[data-testid='stException']").count() == 0
            assert not [sign for sign in TRACEBACK_SIGNS if sign in text]
            alert = page.locator("[data-testid='stAlert']").filter(has_text="ZZ-BROKEN r1").first.inner_text()
            assert ("无法读取" if lang == "zh" else "cannot be read") in alert
        finally:
            context.close()
