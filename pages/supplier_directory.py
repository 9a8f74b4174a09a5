"""Supplier directory: the companies we buy from, the parts each supplies, and which part a footprint is for."""

import streamlit as st

import ui
from cfp_core import io as cfp_io
from cfp_core.analysis import supplier_groups
from ui import directory

ui.require_router(__file__)

st.title(ui.tr("nav.supplier_directory"))
st.caption(ui.tr("directory.intro"))
for message in [st.session_state.pop("directory_message", None)]:
    if message:
        st.success(ui.md(message))
with ui.open_db() as db:
    suppliers = cfp_io.list_suppliers(db)
    st.subheader(ui.tr("directory.list"))
    if suppliers:
        st.dataframe(supplier_groups.directory_frame(suppliers, ui.lang()), hide_index=True, key="directory_table")
    else:
        st.info(ui.tr("directory.empty"))
    st.subheader(ui.tr("directory.edit"))
    directory.supplier_form(db, suppliers)
    chosen = st.session_state.get("directory_choose")
    if chosen:
        with st.expander(ui.tr("directory.history")):
            st.dataframe(supplier_groups.history_frame(cfp_io.supplier_history(db, chosen), ui.lang(), ui.time_zone()),
                         hide_index=True, key="directory_history")
    stored = [s for s in cfp_io.list_supplier_disclosures(db) if s.visible]
    st.subheader(ui.tr("directory.assign.title"))
    st.caption(ui.tr("directory.assign.intro"))
    if not stored:
        st.info(ui.tr("directory.assign.no_disclosures"))
    else:
        directory.assignment_form(db, stored, suppliers, cfp_io.disclosure_assignments(db, stored))
