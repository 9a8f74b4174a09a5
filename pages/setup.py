"""First sign-in to an empty workspace: name your organisation; you hold every role in it."""

import streamlit as st

import ui
from cfp_core import store
from cfp_core.models import Organisation
from ui import auth

ui.require_router(__file__)

session = auth.current()
st.title(ui.tr("setup.title"))
st.write(ui.tr("setup.intro"))
with st.form("setup_form"):
    org_id = st.text_input(ui.tr("setup.org_id"), help=ui.tr("setup.org_id_help"), max_chars=64)
    name_zh = st.text_input(ui.tr("settings.name_zh"), max_chars=200)
    name_en = st.text_input(ui.tr("settings.name_en"), max_chars=200)
    address = st.text_input(ui.tr("settings.address"), max_chars=200)
    submitted = st.form_submit_button(ui.tr("setup.submit"), type="primary")
if submitted:
    with ui.errors_shown():
        organisation = Organisation(org_id=org_id.strip(), name_zh=name_zh, name_en=name_en, address=address)
        with ui.open_db() as db:
            store.bootstrap(db, store.newcomer(session.claims or {}, organisation.org_id), organisation)
        st.rerun()
