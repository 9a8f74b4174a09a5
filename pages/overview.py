"""Overview: the portfolio at a glance, and where each role should start."""

import streamlit as st

import ui
from cfp_core import numbers
from cfp_core.analysis import overview
from ui import identity

ui.require_router(__file__)

ROLES = (  # (role key, icon, [(page file, nav key)])
    ("sales", ":material/storefront:", [("pages/publish.py", "nav.publish"), ("pages/explain.py", "nav.explain")]),
    ("procurement", ":material/shopping_cart:", [("pages/compare_models.py", "nav.compare_models")]),
    ("management", ":material/insights:", [("pages/trends.py", "nav.trends")]),
)


def headline_metrics(headline) -> None:
    """Four headline numbers; the featured model's footprint as the verified report prints it (4 decimals)."""
    cols = st.columns([1, 1, 1, 3])  # the featured footprint carries its unit ("kgCO₂e per piece"): give it room
    cols[0].metric(ui.tr("overview.metric.models"), headline.model_count)
    cols[1].metric(ui.tr("overview.metric.verified"), headline.verified_count)
    cols[2].metric(ui.tr("overview.metric.latest_period"), headline.latest_period or "—")
    if headline.featured_code is None:
        cols[3].metric(ui.tr("overview.metric.featured", model="—", period="—"), ui.tr("overview.metric.none"))
        return
    cols[3].metric(ui.md(ui.tr("overview.metric.featured", model=headline.featured_code, period=headline.featured_period)),
                   f"{numbers.metric_value(headline.featured_kg_co2e)} {headline.featured_unit_label}",
                   help=ui.tr("overview.metric.featured_help"))


def portfolio_table(frame) -> None:
    """The latest footprint of every model with its trend, change and data completeness."""
    col = st.column_config
    st.subheader(ui.tr("overview.table.title"))
    st.dataframe(numbers.as_percent(frame, "delta_share", "completeness", "primary_share"), hide_index=True, key="overview_table", column_order=[
        "model_code", "name", "latest_period", "latest_kg_co2e", "unit_label", "delta_share", "trend",
        "completeness", "primary_share", "verified", "illustrative_mark", "problem",
    ], column_config={
        "model_code": col.TextColumn(ui.tr("overview.col.model"), pinned=True),
        "name": ui.tr("overview.col.name"), "latest_period": ui.tr("overview.col.period"),
        "latest_kg_co2e": col.NumberColumn(ui.tr("overview.col.total"), format=numbers.KG_FORMAT),
        "unit_label": ui.tr("overview.col.unit"),
        "delta_share": col.NumberColumn(ui.tr("overview.col.delta"), format=numbers.PCT_CHANGE_FORMAT, help=ui.tr("overview.col.delta_help")),
        "trend": col.LineChartColumn(ui.tr("overview.col.trend"), help=ui.tr("overview.col.trend_help")),
        "completeness": col.ProgressColumn(ui.tr("overview.col.completeness"), min_value=0.0, max_value=100.0,
                                           format=numbers.SHARE_FORMAT, help=ui.tr("overview.col.completeness_help")),
        "primary_share": col.ProgressColumn(ui.tr("overview.col.primary"), min_value=0.0, max_value=100.0,
                                            format=numbers.SHARE_FORMAT),
        "verified": col.CheckboxColumn(ui.tr("overview.col.verified")),
        "illustrative_mark": col.TextColumn(ui.tr("overview.col.illustrative"), help=ui.tr("label.illustrative_help")),
        "problem": ui.tr("overview.col.problem"),
    })
    if frame["history_illustrative"].any():
        st.caption(ui.tr("overview.illustrative_note"))


def role_cards(headline) -> None:
    """Three entry points (sales, procurement, management), each with one sentence and its pages.

    Sales links open the featured model, so a first click already shows a real footprint.
    """
    st.subheader(ui.tr("overview.roles.title"))
    featured = {"model": headline.featured_code, "period": headline.featured_period} if headline else {}
    for column, (role, icon, links) in zip(st.columns(3), ROLES, strict=True):
        with column.container(border=True):
            st.markdown(f"#### {ui.tr(f'overview.role.{role}')}")
            st.write(ui.tr(f"overview.role.{role}_text"))
            for page, key in links:
                if not identity.page_visible(page):
                    continue
                params = {"lang": ui.lang()} | ({k: v for k, v in featured.items() if v} if role == "sales" else {})
                st.page_link(page, label=ui.tr(key), icon=icon, query_params=params)
    if identity.page_visible("pages/products.py"):
        st.page_link("pages/products.py", label=ui.tr("overview.role.data"), icon=":material/edit_note:",
                     query_params={"lang": ui.lang()})


st.title(ui.tr("nav.overview"))
st.caption(ui.tr("overview.intro"))
with ui.stop_on_error(), ui.open_db() as db:
    frame = overview.portfolio_overview(db, ui.lang())
headline = None if frame.empty else overview.portfolio_headline(frame)
if headline is None:
    st.info(ui.tr("overview.empty"))
else:
    headline_metrics(headline)
    portfolio_table(frame)
role_cards(headline)
