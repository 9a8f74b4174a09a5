"""Compare factor versions: one model and period under several factor sets, and what moves the total."""

import streamlit as st

import ui
from cfp_core import analysis, numbers, store
from ui import pickers

ui.require_router(__file__)

st.title(ui.tr("nav.compare_factors"))
st.caption(ui.tr("compare.fs.caption"))
lang = ui.lang()

with ui.open_db() as db:
    models = analysis.models_with_data(store.list_inventories(db))
    if not models:
        st.info(ui.tr("compare.no_models"))
        st.stop()
    factor_sets = analysis.index_factor_sets(store.list_factor_sets(db))
    set_ids = list(factor_sets)

    def set_name(set_id: str) -> str:
        return analysis.factor_set_label(factor_sets[set_id], lang)

    left, right = st.columns(2)
    model = analysis.pick(models, ui.query_param("model"), "WS-TPS-48-900A")
    model = pickers.select(ui.tr("label.model"), models, "cf_model", models.index(model), container=left)
    periods = store.list_periods(db, model)
    period = analysis.pick(periods, ui.query_param("period"), periods[-1])
    period = right.selectbox(ui.tr("label.period"), periods, index=periods.index(period), key="cf_period")
    default_sets = analysis.pick_many(set_ids, ui.query_param("sets"), ("cn-cfp-2023", "cn-cfp-2024"))
    chosen = st.multiselect(ui.tr("compare.fs.sets"), set_ids, default=default_sets, key="cf_sets",
                            format_func=set_name, placeholder=ui.tr("ui.choose_options"))
    ui.set_query_params(model=model, period=period, sets=",".join(chosen))
    if len(chosen) < 2:
        st.info(ui.tr("compare.fs.need_two"))
        st.stop()
    with ui.stop_on_error():
        comparison = ui.factor_comparison(db, model, period, chosen)

ui.illustrative_badge(comparison.illustrative)
for key, params in comparison.warnings:
    st.warning(ui.md(ui.tr(key, **params)), icon=":material/warning:")

headlines = analysis.factor_headlines(comparison, lang)
for column, (label, value, delta, color) in zip(st.columns(len(headlines)), headlines, strict=True):
    column.metric(ui.md(label), value, delta, delta_color=color, help=ui.md(label))  # help: the name in full

st.subheader(ui.tr("compare.fs.table_title"))
ui.analysis_table(analysis.factor_stage_frame(comparison, lang), key="cf_table")

st.subheader(ui.tr("compare.fs.waterfall_title"))
a, b = chosen[0], chosen[1]
if len(chosen) > 2:
    left, right = st.columns(2)
    a = left.selectbox(ui.tr("compare.fs.from"), chosen, index=0, key="cf_from", format_func=set_name)
    b = right.selectbox(ui.tr("compare.fs.to"), chosen, index=1, key="cf_to", format_func=set_name)
key, params = analysis.biggest_mover(comparison, a, b) or ("analysis.no_change", {})
st.info(ui.md(ui.tr(key, **params)), icon=":material/lightbulb:")
waterfall = analysis.waterfall_frame(comparison, a, b, lang)
st.altair_chart(analysis.waterfall_chart(waterfall, lang), width="stretch")
axis_from = analysis.waterfall_domain(waterfall)[0]
if axis_from > 0:
    st.caption(ui.tr("compare.fs.axis_zoomed", start=numbers.grouped(axis_from)))

st.subheader(ui.tr("compare.fs.attribution_title"))
ui.analysis_table(analysis.attribution_table(comparison, a, b, lang), key="cf_attribution")
