"""The system-boundary tab: stage coverage, boundary type, included stages, exclusions with reasons, rules."""

from __future__ import annotations

import streamlit as st

import ui
from cfp_core import editor, library, store
from cfp_core.editor import EditorState
from cfp_core.models import STAGES, BoundaryType
from ui import editor as ui_editor


def boundary_tab(db, state: EditorState) -> None:
    """Show what each stage holds (entered / excluded / missing) and edit the boundary; saving appends a revision."""
    lang, current = ui.lang(), state.template.boundary
    st.caption(ui.tr("boundary.intro"))
    coverage = editor.coverage_frame(state.template, lang)
    st.dataframe(coverage, hide_index=True, column_order=["stage_label", "status_label", "lines"], column_config={
        "stage_label": ui.tr("label.stage"), "status_label": ui.tr("boundary.col.status"),
        "lines": ui.tr("products.history.lines")})
    for stage in coverage[coverage["status"] == "missing"]["stage_label"]:
        st.warning(ui.tr("boundary.status.missing") + f" · {stage}")
    kinds = {ui.tr(f"boundary.{b.value}"): b.value for b in BoundaryType}  # labels as options (AppTest-safe)
    kind = kinds[st.selectbox(ui.tr("boundary.type"), list(kinds), key=f"bd_type_{lang}",
                              index=list(kinds.values()).index(current.boundary.value))]
    stages = {ui.tr(f"stage.{s.value}"): s.value for s in STAGES}
    chosen = st.multiselect(ui.tr("boundary.included"), list(stages), key=f"bd_included_{lang}",
                            default=[ui.tr(f"stage.{s.value}") for s in current.included_stages], placeholder=ui.tr("ui.choose_options"))
    included = [stages[c] for c in chosen]
    st.markdown(f"**{ui.tr('boundary.excluded')}**")
    excluded = st.data_editor(editor.excluded_frame(current, lang), key="bd_excluded", num_rows="dynamic",
                              hide_index=True, width="stretch", column_config={
                                  "stage": st.column_config.SelectboxColumn(ui.tr("label.stage"),
                                                                            options=editor.stage_options(lang)),
                                  "process": st.column_config.TextColumn(ui.tr("boundary.col.process"), max_chars=200),
                                  "reason": st.column_config.TextColumn(ui.tr("boundary.col.reason"), max_chars=200)})
    cutoff = st.text_area(ui.tr("boundary.cutoff"), value=current.cutoff_rule, key="bd_cutoff", max_chars=4000)
    allocation = st.text_area(ui.tr("boundary.allocation"), value=current.allocation_rule, key="bd_alloc",
                              max_chars=4000)
    sets = {library.set_label(fs, lang): fs.set_id for fs in store.list_factor_sets(db)}
    chosen_set = sets[st.selectbox(ui.tr("boundary.factor_set"), list(sets), key=f"bd_set_{lang}",
                                   index=list(sets.values()).index(state.template.factor_set_id)
                                   if state.template.factor_set_id in sets.values() else 0,
                                   help=ui.tr("boundary.factor_set_help"))]
    exempted = st.number_input(ui.tr("boundary.exempted"), min_value=0.0, max_value=100.0, key="bd_exempted",
                               value=float(current.exempted_percent))
    if not st.button(ui.tr("boundary.save"), key="bd_save", type="primary"):
        return
    boundary, issues = editor.edited_boundary(current, lang, boundary=kind, included=included, excluded=excluded,
                                              cutoff_rule=cutoff, allocation_rule=allocation, exempted_percent=exempted)
    if issues:
        st.error("\n".join(f"- {ui.md(issue)}" for issue in issues))
        return
    with ui.errors_shown():
        revision = editor.save_boundary(db, ui.principal(db), state.product.model_code, state.period, boundary,
                                        factor_set_id=chosen_set)
        ui_editor.flash(ui.tr("boundary.saved", revision=revision))
        st.rerun()
