"""Real-browser newcomer flow (zh): create a product, enter a line in the table editor, save, see the footprint;
then see why the total moves between the 2023 and 2024 electricity factors.

The grid of ``st.data_editor`` is a canvas: cells are reached by coordinates and edited through the overlay
editors (``.gdg-input`` for text and numbers, a react-select in ``#portal`` for select columns).
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
pw = pytest.importorskip("playwright.sync_api")

SHOTS = Path(__file__).resolve().parents[2] / "test-results" / "screenshots"
ROW = 35  # px: header and row height of the grid
COLUMNS = {"stage": 70, "activity": 143, "amount": 216, "unit": 289, "factor": 520, "data_source": 775}  # px from the grid's left edge


def settle(page, pause: int = 500) -> None:
    """Wait until the script run triggered by the last interaction has finished and painted."""
    page.wait_for_timeout(300)
    page.locator("[data-testid='stApp'][data-test-script-state='notRunning']").wait_for(timeout=60_000)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000)
    page.wait_for_timeout(pause)


def open_cell_editor(page, x: float, y: float, selector: str):
    """Double-click a cell until its overlay editor appears (the first click after a repaint is sometimes lost)."""
    editor = page.locator(selector).first
    for _ in range(6):
        page.mouse.dblclick(x, y)
        try:
            editor.wait_for(timeout=2_000)
            return editor
        except pw.Error:
            continue
    raise AssertionError(f"no cell editor opened at ({x:.0f}, {y:.0f})")


def fill_select(page, editor, text: str) -> None:
    editor.click()
    editor.type(text)
    page.wait_for_timeout(300)
    page.keyboard.press("Enter")
    settle(page, 300)


def add_line(page, stage: str, activity: str, amount: str, unit: str, factor: str, source: str) -> None:
    """Add one row through the grid's trailing "add row" line and fill its cells (text cells keep what is typed)."""
    box = page.get_by_test_id("stDataFrame").first.bounding_box()
    x = {name: box["x"] + offset for name, offset in COLUMNS.items()}
    y = box["y"] + ROW + ROW / 2  # the empty grid: the trailing row sits right under the header
    page.mouse.click(x["stage"], y)  # adds a row (no cell is "required" any more, so no editor opens by itself)
    settle(page, 300)
    box = page.get_by_test_id("stDataFrame").first.bounding_box()  # the rerun may have moved the grid
    x = {name: box["x"] + offset for name, offset in COLUMNS.items()}
    y = box["y"] + ROW + ROW / 2
    fill_select(page, open_cell_editor(page, x["stage"], y, "#portal .glide-select input"), stage)
    for column, value in (("activity", activity), ("amount", amount), ("unit", unit)):
        editor = open_cell_editor(page, x[column], y, ".gdg-input")
        editor.fill(value)
        page.keyboard.press("Enter")
        settle(page, 300)
    for column, value in (("factor", factor), ("data_source", source)):
        fill_select(page, open_cell_editor(page, x[column], y, "#portal .glide-select input"), value)


def test_newcomer_creates_a_product_and_sees_why_factor_versions_differ(server, browser):
    url, _ = server
    context = browser.new_context(viewport={"width": 1400, "height": 2200}, locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(f"{url}/products?lang=zh&model=__new__")
        settle(page)
        inputs = page.get_by_test_id("stTextInput").locator("input")
        inputs.nth(0).fill("NEW-DEMO-1")
        inputs.nth(1).fill("演示电源")
        page.get_by_test_id("stFormSubmitButton").locator("button").click()
        settle(page)
        pw.expect(page.get_by_text("已保存产品 NEW-DEMO-1")).to_be_visible(timeout=30_000)
        pw.expect(page.get_by_test_id("stDataFrame").first).to_be_visible(timeout=30_000)

        add_line(page, "生产", "生产用电", "20", "kWh", "全国电力", "初级数据")  # no default data source (#11)
        metric = page.get_by_test_id("stMetricValue").first
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "newcomer_entered_zh.png"), full_page=True)
        pw.expect(metric).to_contain_text("11.5540 kgCO₂e", timeout=30_000)  # 20 kWh × 0.5777 kgCO2e/kWh
        page.get_by_role("button", name="保存为新修订版本").click()
        settle(page)
        pw.expect(page.get_by_text("已保存 NEW-DEMO-1")).to_be_visible(timeout=30_000)
        pw.expect(metric).to_contain_text("11.5540 kgCO₂e")
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "newcomer_saved_zh.png"), full_page=True)

        page.goto(f"{url}/compare_factors?model=WS-TPS-48-900A&period=2025&sets=cn-cfp-2023,cn-cfp-2024&lang=zh")
        settle(page, 1000)
        for total in ("98.6950", "93.4346"):
            pw.expect(page.get_by_test_id("stMetricValue").filter(has_text=total)).to_be_visible(timeout=30_000)
        pw.expect(page.get_by_text("使总量降低 5.2604")).to_be_visible()  # the explanation of the move
        page.screenshot(path=str(SHOTS / "newcomer_compare_factors_zh.png"), full_page=True)
        assert page.locator("[data-testid='stException']").count() == 0
    finally:
        context.close()
