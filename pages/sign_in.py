"""Sign-in screen: the only page reachable without signing in (and the "no role yet" notice)."""

import streamlit as st

import ui
from ui import auth

ui.require_router(__file__)

session = auth.current()
if session.mode == auth.Mode.NO_ROLE:
    st.title(ui.tr("auth.no_role_title"))
    who = (session.claims or {}).get("email") or (session.claims or {}).get("sub", "")
    st.info(ui.tr("auth.no_role", who=ui.md(who)), icon=":material/person_off:")
else:
    st.title(ui.tr("auth.sign_in_title"))
    st.write(ui.tr("auth.sign_in_intro"))
    if st.button(ui.tr("auth.sign_in"), key="sign_in", type="primary", icon=":material/login:"):
        st.login()
