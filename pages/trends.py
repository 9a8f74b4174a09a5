"""Trends: footprints over reporting periods, why they changed, hotspots and improvement suggestions."""

import streamlit as st

import ui
from cfp_core import analysis, numbers, store
from cfp_core.i18n import t
from ui import pickers

ui.require_router(__file__)

ALL = "__all__"
DECLARED = "declared"

st.title(ui.tr("nav.trends"))
lang = ui.lang()

with ui.open_db() as db:
    models = analysis.models_with_data(store.list_inventories(db))
    if not models:
        st.info(ui.tr("compare.no_models"))
        st.stop()
    products = analysis.index_products(store.list_products(db))
    factor_sets = analysis.index_factor_sets(store.list_factor_sets(db))
    model_options, basis_options = [ALL, *models], [DECLARED, *factor_sets]
    left, right = st.columns(2)
    model = analysis.pick(model_options, ui.query_param("model"), "WS-TPS-48-900A")
    model = pickers.select(ui.tr("label.model"), model_options, "tr_model", model_options.index(model),
                           lambda m: t("trends.all_models", lang) if m == ALL else m, left)
    basis = analysis.pick(basis_options, ui.query_param("basis"), DECLARED)
    basis = right.selectbox(
        ui.tr("trends.basis"), basis_options, index=basis_options.index(basis), key="tr_basis",
        format_func=lambda s: t("trends.basis.declared", lang) if s == DECLARED
        else analysis.factor_set_label(factor_sets[s], lang))
    set_id = None if basis == DECLARED else basis
    shown = models if model == ALL else [model]
    periods = [] if model == ALL else store.list_periods(db, model)
    period_a = analysis.pick(periods, ui.query_param("a"), periods[0] if periods else None)
    period_b = analysis.pick(periods, ui.query_param("b"), periods[-1] if periods else None)
    if len(periods) > 1:
        left, right = st.columns(2)
        period_a = left.selectbox(ui.tr("trends.period_a"), periods, index=periods.index(period_a), key="tr_a")
        period_b = right.selectbox(ui.tr("trends.period_b"), periods, index=periods.index(period_b), key="tr_b")
    ui.set_query_params(model=model, basis=basis, a=period_a, b=period_b)
    with ui.stop_on_error():
        points = ui.trend_points(db, shown, set_id)
        if len(periods) > 1:
            inv_a, inv_b = store.load_inventory(db, model, period_a), store.load_inventory(db, model, period_b)
            fp_a, fp_b = ui.footprint(db, model, period_a, set_id), ui.footprint(db, model, period_b, set_id)
        latest = ui.footprint(db, model, periods[-1], set_id) if periods else None

ui.illustrative_badge(analysis.any_illustrative_inventory([footprint for _, footprint in points]))
trend = analysis.trend_frame(points, products, lang)
drawn, shown_count, model_count = analysis.leading_models(trend)
chart = analysis.trend_chart(drawn, lang, ui.tr("trends.chart_title"))
st.altair_chart(chart, width="stretch")
if shown_count < model_count:
    st.caption(ui.tr("trends.leading_models", shown=shown_count, total=numbers.grouped(model_count)))
name = f"trends_{'all' if model == ALL else model}"
csv_col, png_col, pdf_col = st.columns(3)
csv_col.download_button(ui.tr("label.download_csv"), lambda: analysis.trends_csv(trend, lang), file_name=f"{name}.csv",
                        mime="text/csv", key="tr_csv")
png_col.download_button(ui.tr("label.download_png"), lambda: analysis.export_png(chart), file_name=f"{name}.png",
                        mime="image/png", key="tr_png")
pdf_col.download_button(ui.tr("trends.download_pdf"), lambda: analysis.export_pdf(chart), file_name=f"{name}.pdf",
                        mime="application/pdf", key="tr_pdf")

if model == ALL:
    st.info(ui.tr("trends.pick_one_model"))
    st.stop()

if len(periods) < 2:
    st.info(ui.tr("trends.need_two_periods"))
else:
    st.subheader(ui.tr("trends.decomp_title", a=period_a, b=period_b))
    decomposition = analysis.decompose_change(inv_a, fp_a, inv_b, fp_b)
    st.markdown(ui.md(analysis.change_sentence(decomposition, lang)))
    headlines = analysis.decomposition_headlines(decomposition, lang)
    for column, (label, value, _) in zip(st.columns(len(headlines)), headlines, strict=True):
        column.metric(label, value)
    footnote = ui.tr("trends.sentence.footnote", method=ui.tr("trends.method"), a=period_a)
    st.caption(f"{ui.md(footnote)} {ui.md(ui.tr('trends.method_help'))}")
    long = analysis.decomposition_long(decomposition, lang)
    st.altair_chart(analysis.decomposition_chart(long, lang), width="stretch")
    ui.analysis_table(analysis.decomposition_table(decomposition, lang), key="tr_decomposition")

st.subheader(ui.tr("trends.hotspots_title", period=periods[-1]))
ui.analysis_table(analysis.hotspot_table(latest, 3, lang), key="tr_hotspots", share_columns=[ui.tr("label.share")])
st.subheader(ui.tr("trends.suggestions_title"))
st.markdown("\n".join(f"- {ui.md(text)}" for text in analysis.suggestions(latest, lang)))
