"""The Explain page's declared-figures form: templates, figures typed, pasted or uploaded as CSV, and kept.

"Reconcile" checks the figures for this view only; "Reconcile and keep" also stores them (a new revision per
save, checked in the core, editors only), so the next reader of this model and period starts from them.
"""

from __future__ import annotations

import streamlit as st

import ui
from cfp_core import numbers
from cfp_core.access import Action
from cfp_core.analysis import declared


def declared_form(inventory):
    """Show the form; return the figures to reconcile against (None: the inventory's own declared result)."""
    with ui.open_db() as db:
        kept = declared.stored_declared(db, inventory.model_code, inventory.period.label)
    with st.expander(ui.tr("explain.declared.title"), icon=":material/edit_note:", expanded=kept is not None):
        st.caption(ui.tr("explain.declared.intro"))
        left, right = st.columns(2)
        left.download_button(ui.tr("explain.declared.template_en"), declared.declared_template_bytes(inventory, "en"),
                             file_name="declared_figures.csv", mime="text/csv", key="declared_template_en")
        right.download_button(ui.tr("explain.declared.template_zh"), declared.declared_template_bytes(inventory, "zh"),
                              file_name="declared_figures_zh.csv", mime="text/csv", key="declared_template_zh")
        with st.form("declared_form"):
            upload = st.file_uploader(ui.tr("explain.declared.upload"), type=["csv"], key="declared_file")
            text = st.text_area(ui.tr("explain.declared.text"), key="declared_text", height=160,
                                placeholder=",".join(declared.ZH_COLUMNS if ui.lang() == "zh" else declared.COLUMNS))
            check, keep = st.columns(2)
            checked = check.form_submit_button(ui.tr("explain.declared.submit"))
            who = ui.principal()  # keeping is a write (the core checks it); reconciling reads only
            kept_now = who is not None and who.can(Action.SAVE_DECLARED) and keep.form_submit_button(
                ui.tr("explain.declared.keep"), type="primary")
    data, name = (upload.getvalue(), upload.name) if upload is not None else ((text or "").strip(), "declared.csv")
    if checked or kept_now:
        st.session_state["declared_used"] = True  # the figures stay in use on later reruns of the page
    if st.session_state.get("declared_used") and data:
        with ui.stop_on_error():
            figures = declared.read_declared_file(data, name, inventory)
            if kept_now:
                with ui.open_db() as db:
                    revision = declared.save_declared(db, ui.principal(db), inventory, data, name)
                st.success(ui.tr("explain.declared.kept", revision=revision))
        st.caption(ui.tr("explain.declared.using", count=len(figures.texts)))
        return figures
    if kept is None:
        return None
    figures = declared.read_declared_text(kept["csv"], inventory)
    st.caption(ui.md(ui.tr("explain.declared.using_kept", count=len(figures.texts), revision=kept["revision"],
                           source=kept["source"], author=kept["author"], at=numbers.format_time(kept["created_at"]))))
    return figures
