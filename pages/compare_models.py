"""Compare models: stage results of several product models side by side, against a baseline model."""

import streamlit as st

import ui
from cfp_core import analysis, store
from ui import pickers

ui.require_router(__file__)

st.title(ui.tr("nav.compare_models"))
lang = ui.lang()

with ui.open_db() as db:
    rows = store.list_inventories(db)
    products = analysis.index_products(store.list_products(db))
    factor_sets = analysis.index_factor_sets(store.list_factor_sets(db))
    periods = analysis.periods_of(rows)
    if not periods:
        st.info(ui.tr("compare.no_models"))
        st.stop()

    left, right = st.columns(2)
    period = analysis.pick(periods, ui.query_param("period"), periods[-1])
    period = left.selectbox(ui.tr("label.period"), periods, index=periods.index(period), key="cm_period")
    set_ids = list(factor_sets)
    set_id = analysis.pick(set_ids, ui.query_param("set"), "cn-cfp-2024")
    set_id = right.selectbox(ui.tr("label.factor_set"), set_ids, index=set_ids.index(set_id), key="cm_set",
                             format_func=lambda s: analysis.factor_set_label(factor_sets[s], lang))
    options = analysis.models_in_period(rows, period)
    opening = analysis.pick_many(options, ui.query_param("models"), ui.latest_models(db, period, analysis.OPENING_MODELS))
    models = pickers.multiselect(ui.tr("compare.models"), options, "cm_models", opening,
                                 placeholder=ui.tr("ui.choose_options"))
    if not models:
        st.info(ui.tr("compare.pick_models"))
        st.stop()
    left, right = st.columns([2, 1], vertical_alignment="bottom")
    baseline = analysis.pick(models, ui.query_param("baseline"), "WS-TPS-48-900A")
    baseline = left.selectbox(ui.tr("compare.baseline"), models, index=models.index(baseline), key="cm_baseline")
    per_kg = right.toggle(ui.tr("compare.per_kg"), key="cm_per_kg", help=ui.tr("compare.per_kg_help"),
                          value=ui.query_param("per") == "kg")
    with ui.stop_on_error():
        footprints = ui.footprints(rows, models, period, set_id)

ui.set_query_params(models=",".join(models), period=period, set=set_id, baseline=baseline, per="kg" if per_kg else None)
ui.illustrative_badge(analysis.any_illustrative(products, models))

metrics = analysis.headline_metrics(footprints, products, baseline, lang, per_kg)
for column, (label, value, delta) in zip(st.columns(len(metrics)), metrics, strict=True):
    column.metric(ui.md(label), value, delta, delta_color="inverse")

unit = analysis.comparison_unit(products, models, per_kg, lang)
st.subheader(ui.tr("compare.table_title"))
table = analysis.comparison_table(footprints, products, baseline, lang, per_kg)
ui.analysis_table(table, key="cm_table")
st.caption(ui.md(ui.tr("compare.unit_caption", unit=unit, baseline=analysis.model_label(baseline, products, lang))))

long = analysis.compare_models_long(footprints, products, lang, per_kg)
_, shown, count = analysis.limit_models(long)
chart = analysis.model_stage_chart(long, lang, title=f"{ui.tr('compare.chart_title')} ({unit})")
st.altair_chart(chart, width="stretch")
if shown < count:
    st.caption(ui.tr("compare.chart_capped", shown=shown, count=count))

name = f"{ui.tr('compare.csv_name')}-{period}"
left, right = st.columns(2)
left.download_button(ui.tr("label.download_csv"), lambda: analysis.frame_csv(table), file_name=f"{name}.csv",
                     mime="text/csv", key="cm_csv", on_click="ignore", icon=":material/download:")
right.download_button(ui.tr("label.download_png"), lambda: analysis.chart_png(chart), file_name=f"{name}.png",
                      mime="image/png", key="cm_png", on_click="ignore", icon=":material/image:")
