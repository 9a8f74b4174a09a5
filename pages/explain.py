"""Explain: total → stage → line → factor → source document, and reconciliation of the declared report."""

import streamlit as st

import ui
from cfp_core import analysis, charts, frames, numbers, store
from cfp_core import library as ft
from cfp_core.analysis import explain, reconcile
from ui.declared import declared_form

ui.require_router(__file__)

L = ui.lang()
st.title(ui.tr("nav.explain"))
st.caption(ui.tr("explain.intro"))
number = st.column_config.NumberColumn
SHOW = {"unit_slip": st.warning, "arithmetic": st.warning, "rounded_activity": st.info, "sum_mismatch": st.info}


def show_provenance(factor) -> None:
    for label, text in ft.factor_provenance(factor, L):
        st.markdown(ui.fact(label, text, ft.provenance_link(factor, label, L)))


with ui.open_db() as db:
    with_data = set(analysis.models_with_data(store.list_inventories(db)))
    products = {p.model_code: p for p in store.list_products(db) if p.model_code in with_data}
    if not products:
        st.info(ui.tr("explain.no_inventory"))
        st.stop()
    sets = {s.set_id: s for s in store.list_factor_sets(db)}
    left, middle, right = st.columns(3)
    with left:
        model = ui.url_selectbox(ui.tr("label.model"), list(products), "model", "explain_model", "WS-TPS-48-900A", lambda m: f"{m} · {ft.product_label(products[m], L)}")
    with middle:
        periods = store.list_periods(db, model)
        period = ui.url_selectbox(ui.tr("label.period"), periods, "period", "explain_period", periods[-1])
    inventory = store.load_inventory(db, model, period)
    with right:
        set_id = ui.url_selectbox(ui.tr("label.factor_set"), list(sets), "set", "explain_set", inventory.factor_set_id, lambda s: ft.set_label(sets[s], L))
    with ui.stop_on_error():
        footprint = ui.footprint(db, model, period, set_id)

ui.illustrative_badge(products[model].illustrative or inventory.illustrative)
unit = ui.tr("unit.per_declared_unit", unit=ui.tr(f"unit.{products[model].declared_unit}"))
st.metric(ui.tr("label.total_footprint"), f"{numbers.metric_value(footprint.total_kg_co2e)} {unit}",
          help=ui.md(ui.tr("explain.total_help", set=ft.set_label(sets[set_id], L), gwp=footprint.gwp_set)))
for key, params in footprint.warnings:
    st.warning(ui.md(ui.tr(key, **params)), icon=":material/warning:")

st.subheader(ui.tr("explain.stages"))
table = frames.stage_table(footprint, L)
st.altair_chart(charts.stage_bar_chart(table, L), width="stretch")
st.dataframe(numbers.as_percent(table, "share"), hide_index=True, column_order=["stage_label", "kg_co2e", "share", "line_count"],
             column_config={"stage_label": ui.tr("label.stage"), "line_count": ui.tr("label.line"),
                            "kg_co2e": number(ui.tr("label.kg_co2e"), format=numbers.KG_FORMAT),
                            "share": number(ui.tr("label.share"), format=numbers.SHARE_FORMAT)})

choices = explain.stage_choices(footprint, L)
if not choices:
    st.info(ui.tr("explain.no_lines"))
    st.stop()
stage = ui.url_selectbox(ui.tr("explain.pick_stage"), list(choices), "stage", "explain_stage", next(iter(choices)), choices.get)
st.subheader(ui.md(ui.tr("explain.lines_of", stage=choices[stage])))
columns = explain.stage_line_columns(L)
st.dataframe(numbers.as_percent(explain.stage_lines(footprint, stage, L), "share_of_stage"), hide_index=True,
             column_order=["line_no", "sentence", "kg_co2e", "share_of_stage"],
             column_config=columns | {"kg_co2e": number(columns["kg_co2e"], format=numbers.KG_FORMAT),
                                      "share_of_stage": number(columns["share_of_stage"], format=numbers.SHARE_FORMAT)})
line_options = explain.line_choices(footprint, stage)
line_no = ui.url_selectbox(ui.tr("explain.pick_line"), list(line_options), "line", "explain_line", next(iter(line_options)), line_options.get)
result = explain.line_result(footprint, line_no)
st.info(ui.md(explain.explain_line(result, L)), icon=":material/calculate:")
st.subheader(ui.tr("explain.factor_of", line=line_no))
factor = explain.line_factor(sets[set_id], result)
if factor is None:
    st.info(ui.tr("explain.custom_factor"))
else:
    show_provenance(factor)

st.header(ui.tr("explain.reconcile.title"))
figures = declared_form(inventory)
with ui.stop_on_error(), ui.open_db() as db:
    reconciliation = reconcile.reconcile_stored(db, model, period, declared=figures)
if not reconciliation.findings:
    st.info(ui.tr("explain.reconcile.none"))
    st.stop()
st.caption(ui.md(ui.tr("explain.reconcile.intro") + " "
                 + ui.tr("explain.reconcile.under", set=ft.set_label(sets[inventory.factor_set_id], L))))
for finding in reconciliation.issues():
    SHOW[finding.kind](f"**{ui.tr(f'reconcile.kind.{finding.kind}')}** — {ui.md(finding.message(L))}",
                       icon=reconcile.KIND_ICONS[finding.kind])
matches = reconciliation.of_kind("match")
with st.expander(ui.tr("explain.reconcile.matches", count=len(matches)), icon=reconcile.KIND_ICONS["match"]):
    for finding in matches:
        st.success(ui.md(finding.message(L)))
with st.expander(ui.tr("explain.reconcile.all")):
    headers = reconcile.reconciliation_columns(L)
    st.dataframe(reconcile.reconciliation_frame(reconciliation, L), hide_index=True, column_order=list(headers),
                 column_config=headers | {c: number(headers[c], format=numbers.KG_FORMAT) for c in ("declared", "recomputed")}
                 | {"difference": number(headers["difference"], format=numbers.KG_DELTA_FORMAT)})
