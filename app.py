"""Router: page config, the language switch and every page, registered with st.navigation."""

from pathlib import Path

import streamlit as st

import ui

HERE = Path(__file__).parent
PAGES = HERE / "pages"

st.set_page_config(page_title="CFP 产品碳足迹", page_icon=":material/eco:", layout="wide")
ui.language_switch()


def page(name: str, key: str, icon: str, **kwargs) -> st.Page:
    return st.Page(PAGES / f"{name}.py", title=ui.tr(key), icon=icon, url_path=name, **kwargs)


navigation = st.navigation({
    ui.tr("nav.group.view"): [
        page("overview", "nav.overview", ":material/dashboard:", default=True),
        page("compare_models", "nav.compare_models", ":material/compare:"),
        page("compare_factors", "nav.compare_factors", ":material/difference:"),
        page("trends", "nav.trends", ":material/trending_down:"),
        page("explain", "nav.explain", ":material/account_tree:"),
    ],
    ui.tr("nav.group.data"): [
        page("products", "nav.products", ":material/edit_note:"),
        page("suppliers", "nav.suppliers", ":material/local_shipping:"),
        page("factors", "nav.factors", ":material/library_books:"),
        page("publish", "nav.publish", ":material/ios_share:"),
    ],
    "card": [page("card", "nav.card", ":material/badge:", visibility="hidden")],
})
with ui.router():
    navigation.run()
