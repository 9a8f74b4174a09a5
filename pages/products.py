"""Products & data entry: choose or create a product, enter per-unit activity data, save editor."""

import streamlit as st

import ui
from cfp_core import editor, numbers, store
from ui import allocation, bom, boundary, drafts, importing
from ui import editor as ui_editor
from ui import supplier_factor as supfactor

ui.require_router(__file__)


def history_tab(db, state) -> None:
    """Revision history of the period and the differences between two chosen editor."""
    history = editor.revision_history_frame(db, state.product.model_code, state.period.label, ui.lang(), ui.time_zone())
    if history.empty:
        st.info(ui.tr("products.history.empty"))
        return
    st.dataframe(history, hide_index=True, column_config={
        "revision": ui.tr("label.revision"), "created_at": ui.tr("products.history.created_at"),
        "author": ui.tr("products.history.author"), "comment": ui.tr("products.history.comment"),
        "line_count": ui.tr("products.history.lines"),
        "kg_co2e": st.column_config.NumberColumn(ui.tr("label.total_footprint") + " (kgCO₂e)", format=numbers.KG_FORMAT)})
    revision_numbers = history["revision"].tolist()
    st.subheader(ui.tr("products.history.compare"))
    left, right = st.columns(2)
    code, period = state.product.model_code, state.period.label
    fresh = f"{code}_{period}_{revision_numbers[0]}"  # a new revision (or model) starts at newest vs previous
    old = left.selectbox(ui.tr("products.history.from"), revision_numbers, index=min(1, len(revision_numbers) - 1),
                         key=f"diff_from_{fresh}")
    new = right.selectbox(ui.tr("products.history.to"), revision_numbers, index=0, key=f"diff_to_{fresh}")
    importing.restore_control(db, state, revision_numbers)
    diff = editor.diff_revisions(store.load_inventory(db, code, period, old), store.load_inventory(db, code, period, new),
                                    ui.lang(), state.factor_set)
    if diff.empty:
        st.info(ui.tr("products.history.same"))
        return
    st.dataframe(diff, hide_index=True, key="diff_table", column_config={
        "change": ui.tr("products.diff.change"), "line": ui.tr("label.line"), "field": ui.tr("products.diff.field"),
        "old": ui.tr("products.diff.old"), "new": ui.tr("products.diff.new")})


st.title(ui.tr("nav.products"))
st.caption(ui.tr("products.intro"))
ui_editor.flash()
with ui.open_db() as db:
    product = ui_editor.product_picker(db)
    if product is None:
        ui_editor.product_form(db)
        st.stop()
    period = ui_editor.period_picker(db, product.model_code)
    with ui.stop_on_error():
        state = editor.editor_state(db, product.model_code, period)
    ui.illustrative_badge(product.illustrative or state.template.illustrative)
    drafts.forget_stale_widgets(state)
    entry, scope, details, history, importer, shared = st.tabs([
        ui.tr("products.tab.entry"), ui.tr("boundary.tab"), ui.tr("products.tab.product"),
        ui.tr("products.tab.history"), ui.tr("products.tab.import"), ui.tr("alloc.tab")])
    with entry:
        supfactor.flash()
        supfactor.update_flags(db, product.model_code, state.period.label, title=False)
        ui_editor.copy_offer(db, state)
        edited = drafts.editor_table(state)
        review = editor.review_edits(state, edited, ui.lang())
        ui_editor.show_review(review, state)
        ui_editor.save_controls(db, state, review)
    with scope:
        boundary.boundary_tab(db, state)
    with details:
        ui_editor.product_form(db, product)
    with history:
        history_tab(db, state)
    with importer:
        importing.import_tab(db, state)
        bom.bom_section(db, state)
    with shared:
        allocation.allocation_tab(db, state)
