"""The Explain page's declared-figures form: templates to download, figures typed or pasted as CSV."""

from __future__ import annotations

import streamlit as st

import ui
from cfp_core.analysis import declared


def declared_form(inventory):
    """Show the form; return the figures the user submitted (None: the inventory's own declared result)."""
    with st.expander(ui.tr("explain.declared.title"), icon=":material/edit_note:"):
        st.caption(ui.tr("explain.declared.intro"))
        left, right = st.columns(2)
        left.download_button(ui.tr("explain.declared.template_en"), declared.declared_template_bytes(inventory, "en"),
                             file_name="declared_figures.csv", mime="text/csv", key="declared_template_en")
        right.download_button(ui.tr("explain.declared.template_zh"), declared.declared_template_bytes(inventory, "zh"),
                              file_name="declared_figures_zh.csv", mime="text/csv", key="declared_template_zh")
        with st.form("declared_form"):
            text = st.text_area(ui.tr("explain.declared.text"), key="declared_text", height=160,
                                placeholder=",".join(declared.ZH_COLUMNS if ui.lang() == "zh" else declared.COLUMNS))
            submitted = st.form_submit_button(ui.tr("explain.declared.submit"))
    if not (submitted or st.session_state.get("declared_used")) or not (text or "").strip():
        return None
    st.session_state["declared_used"] = True
    with ui.stop_on_error():
        figures = declared.read_declared_text(text, inventory)
    st.caption(ui.tr("explain.declared.using", count=len(figures.texts)))
    return figures
