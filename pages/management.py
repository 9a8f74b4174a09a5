"""Management: portfolio emissions weighted by production volume, reduction targets against the actuals, and the
entry of volumes and targets."""

import streamlit as st

import ui
from cfp_core import analysis, store
from ui import editor as ui_editor
from ui import management as ui_management

ui.require_router(__file__)

st.title(ui.tr("nav.management"))
lang = ui.lang()
mg = analysis.management
ui_editor.flash()

with ui.open_db() as db:
    models = analysis.models_with_data(store.list_inventories(db))
    if not models:
        st.info(ui.tr("compare.no_models"))
        st.stop()
    with ui.stop_on_error():
        inputs = analysis.management_inputs(db)  # materialised results, no inventory loaded (#13)
    view = mg.management_view(inputs.points, (), store.current_volumes(db), store.current_targets(db), lang,
                              years=inputs.years)

    ui.illustrative_badge(view.illustrative or inputs.illustrative)
    st.subheader(ui.tr("mgmt.totals_title"))
    if not view.has_volumes:
        st.info(ui.tr("mgmt.no_volumes"))
    else:
        ui.analysis_table(mg.totals_table(view.totals, lang), key="mg_totals")
        for period, names in view.missing:
            st.warning(ui.md(ui.tr("mgmt.missing", period=period, models=mg.named(names, lang))))
        if view.orphans:
            st.warning(ui.md(ui.tr("mgmt.orphans", items=mg.named(view.orphan_labels, lang))))
        st.caption(ui.tr("mgmt.totals_help"))

    st.subheader(ui.tr("mgmt.targets_title"))
    if not view.targets:
        st.info(ui.tr("mgmt.no_targets"))
    else:
        ui.analysis_table(mg.target_table(view.targets, lang), key="mg_targets")
    for target, stages in view.charts:
        chart = analysis.actual_vs_target_chart(stages, target, mg.chart_unit(target, lang), lang,
                                                mg.chart_title(target, lang))
        st.altair_chart(chart, width="stretch")

    st.subheader(ui.tr("mgmt.volumes_title"))
    ui_management.entry_section(db, view, models)
