"""Products & data entry: choose or create a product, enter per-unit activity data, save editor."""

import streamlit as st

import ui
from cfp_core import editor, numbers, store
from cfp_core import io as cfp_io
from cfp_core.errors import ImportRejected
from ui import editor as ui_editor

ui.require_router(__file__)


def history_tab(db, state) -> None:
    """Revision history of the period and the differences between two chosen editor."""
    history = editor.revision_history_frame(db, state.product.model_code, state.period.label, ui.lang())
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
    old = left.selectbox(ui.tr("products.history.from"), revision_numbers, index=min(1, len(revision_numbers) - 1), key="diff_from")
    new = right.selectbox(ui.tr("products.history.to"), revision_numbers, index=0, key="diff_to")
    code, period = state.product.model_code, state.period.label
    diff = editor.diff_revisions(store.load_inventory(db, code, period, old), store.load_inventory(db, code, period, new),
                                    ui.lang(), state.factor_set)
    if diff.empty:
        st.info(ui.tr("products.history.same"))
        return
    st.dataframe(diff, hide_index=True, key="diff_table", column_config={
        "change": ui.tr("products.diff.change"), "line": ui.tr("label.line"), "field": ui.tr("products.diff.field"),
        "old": ui.tr("products.diff.old"), "new": ui.tr("products.diff.new")})


def import_tab(db) -> None:
    """Template downloads and CSV/Excel import; a file with any bad row is rejected whole."""
    st.caption(ui.tr("products.import.intro"))
    left, right = st.columns(2)
    left.download_button(ui.tr("products.import.template_csv"), cfp_io.template_bytes("csv", ui.lang()),
                         file_name=f"cfp_template_{ui.lang()}.csv", mime="text/csv", key="template_csv")
    right.download_button(ui.tr("products.import.template_xlsx"), cfp_io.template_bytes("xlsx", ui.lang()),
                          file_name=f"cfp_template_{ui.lang()}.xlsx", key="template_xlsx")
    upload = st.file_uploader(ui.tr("products.import.upload"), type=["csv", "xlsx"], key="import_file")
    if upload is None:
        return
    with st.status(ui.md(ui.tr("products.import.parsing", name=upload.name)), expanded=True) as status:
        progress = st.progress(0.2)
        try:
            inventories = cfp_io.read_inventory_file(upload.getvalue(), upload.name,
                                                        editor.known_factor_refs(db), ui.lang())
        except ImportRejected as error:
            status.update(label=ui.tr("products.import.failed"), state="error")
            ui.show_error(error)
            return
        progress.progress(1.0)
        status.update(label=ui.tr("products.import.checked", count=len(inventories)), state="complete")
    if st.button(ui.tr("products.import.button"), key="import_go", type="primary"):
        with ui.errors_shown():
            saved = cfp_io.import_inventories(db, ui.principal(db), inventories, comment=upload.name)
            ui_editor.flash(ui.tr("products.import.done", count=len(saved)))
            st.rerun()


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
    ui_editor.forget_stale_widgets(state)
    entry, details, history, importer = st.tabs([ui.tr("products.tab.entry"), ui.tr("products.tab.product"),
                                                 ui.tr("products.tab.history"), ui.tr("products.tab.import")])
    with entry:
        ui_editor.copy_offer(db, state)
        edited = ui_editor.editor_table(state)
        review = editor.review_edits(state, edited, ui.lang())
        ui_editor.show_review(review, state)
        ui_editor.save_controls(db, state, review)
    with details:
        ui_editor.product_form(db, product)
    with history:
        history_tab(db, state)
    with importer:
        import_tab(db)
