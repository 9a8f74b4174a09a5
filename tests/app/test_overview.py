"""Overview page (the default page): headline metrics, the portfolio table, role entry points, zh and en."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]

LABELS = {
    "zh": ("总览", "产品型号", "WS-TPS-48-900A 碳足迹（2025）", "93.4346 kgCO₂e/台", "销售", "采购", "管理层"),
    "en": ("Overview", "Product models", "WS-TPS-48-900A footprint (2025)", "93.4346 kgCO₂e per piece",
           "Sales", "Procurement", "Management"),
}


def all_markdown(at) -> str:
    return "\n".join(m.value for m in at.markdown)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_overview_renders_headline_and_table(page_app, lang):
    at = page_app("overview", lang=lang).run()
    assert not at.exception
    title, models_label, featured_label, featured_value, *roles = LABELS[lang]
    assert at.title[0].value == title
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[models_label] == "3"
    assert metrics[featured_label] == featured_value
    table = at.dataframe[0].value.set_index("model_code")
    assert round(table.loc["WS-TPS-48-900A", "latest_kg_co2e"], 2) == 93.43
    assert table.loc["WS-TPS-48-900A", "verified"]
    for role in roles:
        assert f"#### {role}" in all_markdown(at)


def test_overview_is_the_default_page(seeded_db_path):
    default = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not default.exception
    assert default.title[0].value == "总览"
    assert any(m.value == "93.4346 kgCO₂e/台" for m in default.metric)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_overview_marks_illustrative_data(page_app, lang):
    at = page_app("overview", lang=lang).run()
    table = at.dataframe[0].value.set_index("model_code")
    demo = "示例数据" if lang == "zh" else "Illustrative data"
    assert table.loc["WS-TPS-48-300A", "illustrative_mark"] == demo
    assert any(demo in c.value for c in at.caption)


@pytest.mark.parametrize(("lang", "labels"), [
    ("zh", {"发布", "溯源解释", "型号对比", "趋势"}), ("en", {"Publish", "Explain", "Compare models", "Trends"}),
])
def test_role_links_point_at_the_role_pages_in_the_same_language(page_app, lang, labels):
    at = page_app("overview", lang=lang).run()
    links = {link.proto.label: link.proto for link in _page_links(at)}
    assert labels <= set(links)
    pages = {link.page for link in links.values()}
    assert {"publish", "explain", "compare_models", "trends", "products"} <= pages
    assert all(f"lang={lang}" in link.query_string for link in links.values())
    publish = next(link for link in links.values() if link.page == "publish")
    assert "model=WS-TPS-48-900A" in publish.query_string and "period=2025" in publish.query_string


def _page_links(at):
    found, stack = [], [at._tree]
    while stack:
        node = stack.pop()
        if getattr(node, "type", "") == "page_link":
            found.append(node)
        stack.extend(getattr(node, "children", {}).values())
    return found
