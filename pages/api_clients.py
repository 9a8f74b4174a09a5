"""API clients (administrators): customers' systems that read published PACT footprints from the disclosure server."""

import pandas as pd
import streamlit as st

import ui
from cfp_core import numbers, store

ui.require_router(__file__)

st.title(ui.tr("nav.api_clients"))
st.caption(ui.tr("api_clients.intro"))

with ui.open_db() as db:
    principal = ui.principal(db)
    fresh = st.session_state.pop("api_client_secret", None)
    if fresh:
        st.success(ui.tr("api_clients.created", name=ui.md(fresh["name"])), icon=":material/key:")
        st.markdown(ui.fact(ui.tr("api_clients.client_id"), fresh["client_id"]))
        st.caption(ui.tr("api_clients.secret_once"))
        st.code(fresh["secret"], language=None)
    clients = [c for c in store.list_api_clients(db) if c.org_id == principal.org_id]
    every = ui.tr("api_clients.every_product")
    if not clients:
        st.info(ui.tr("api_clients.none"))
    else:
        st.dataframe(pd.DataFrame([{"name": c.name, "client_id": c.client_id,
                                    "scope": every if c.products is None else ", ".join(c.products),
                                    "created": numbers.format_time(c.created, ui.time_zone()), "by": c.author,
                                    "state": ui.tr("api_clients.revoked" if c.revoked else "api_clients.active")}
                                   for c in clients], columns=["name", "client_id", "scope", "created", "by", "state"]),
                     hide_index=True, key="api_clients_table", placeholder="—", column_config={
                         "name": ui.tr("api_clients.name"), "client_id": ui.tr("api_clients.client_id"),
                         "scope": ui.tr("api_clients.scope"), "created": ui.tr("members.since"),
                         "by": ui.tr("members.by"), "state": ui.tr("publish.col.status")})

    st.subheader(ui.tr("api_clients.create"))
    products = [p.model_code for p in store.list_products(db) if p.org_id == principal.org_id]
    with st.form("api_client_form"):
        name = st.text_input(ui.tr("api_clients.name"), max_chars=120, help=ui.tr("api_clients.name_help"))
        scope = st.multiselect(ui.tr("api_clients.scope"), products, help=ui.tr("api_clients.scope_help"), placeholder=ui.tr("ui.choose_options"))
        if st.form_submit_button(ui.tr("api_clients.create_button"), type="primary"):
            with ui.errors_shown():
                client, secret = store.create_api_client(db, principal, name, scope or None)
                st.session_state["api_client_secret"] = {"name": client.name, "client_id": client.client_id,
                                                         "secret": secret}
                st.rerun()

    active = {c.client_id: c for c in clients if not c.revoked}
    if active:
        st.subheader(ui.tr("api_clients.revoke"))
        chosen = st.selectbox(ui.tr("api_clients.name"), list(active), key="api_client_pick",
                              format_func=lambda i: f"{active[i].name} · {i}")
        if st.button(ui.tr("api_clients.revoke_button"), key="api_client_revoke", icon=":material/key_off:"):
            with ui.errors_shown():
                store.revoke_api_client(db, principal, chosen)
                st.rerun()
