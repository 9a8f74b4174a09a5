"""A deep link opened first after a server start goes through the router (ui.require_router).

Guards the one place that works around Streamlit's legacy ``pages/`` mode
(streamlit/streamlit#9624): if a Streamlit upgrade breaks it, this test fails loudly.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser
pw = pytest.importorskip("playwright.sync_api")


def test_the_first_request_after_start_is_a_deep_link_and_gets_the_router(server, browser):
    url, _ = server  # a fresh server of this module: nothing has run st.navigation yet
    context = browser.new_context(viewport={"width": 1400, "height": 1200})
    page = context.new_page()
    try:
        page.goto(f"{url}/products?lang=en&model=WS-TPS-48-900A")
        page.locator("[data-testid='stApp'][data-test-script-state='notRunning']").wait_for(timeout=60_000)
        pw.expect(page.get_by_role("heading", name="Products & data entry")).to_be_visible(timeout=30_000)
        sidebar = page.get_by_test_id("stSidebar")
        pw.expect(sidebar.get_by_text("Compare factor versions")).to_be_visible()  # the router's navigation
        pw.expect(sidebar.get_by_role("radio", name="English")).to_be_visible()  # the router's language switch
        assert "/products" in page.url
        sidebar.get_by_role("radio", name="中文").click()
        pw.expect(page.get_by_role("heading", name="产品与数据录入")).to_be_visible(timeout=30_000)
        assert page.locator("[data-testid='stException']").count() == 0
    finally:
        context.close()
