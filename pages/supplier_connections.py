"""Supplier connections: suppliers' PACT APIs; add or edit one, fetch now, send a PCF request, import answers."""

import pandas as pd
import streamlit as st

import ui
from cfp_core import io as cfp_io
from cfp_core import numbers
from cfp_core.access import Action

ui.require_router(__file__)

st.title(ui.tr("nav.supplier_connections"))
st.caption(ui.tr("connections.intro"))


def show_result(result) -> None:
    """What one fetch did: counts, the error, and each refused footprint with its problems."""
    (st.error if result.error else st.warning if result.refused else st.success)(ui.md(result.summary(ui.lang())))
    for refusal in result.refused:
        st.markdown(ui.md(ui.tr("connections.refused", path=refusal.path, pf_id=refusal.pf_id)))
        st.markdown("\n".join(f"- {ui.md(problem[ui.lang()])}" for problem in refusal.problems))


def connection_form(db, principal, connections) -> None:
    """Add a connection, or edit one (a new revision; an empty secret keeps the stored one)."""
    by_name = {c.name: c for c in connections}
    with st.expander(ui.tr("connections.add"), expanded=not connections):
        new = ui.tr("connections.new")  # bound now: AppTest calls format_func outside the script run
        chosen = st.selectbox(ui.tr("connections.pick"), ["", *by_name], key="connections_edit",
                              format_func=lambda n: n or new)
        current = by_name.get(chosen)
        with st.form(f"connections_form_{chosen}", clear_on_submit=True):
            name = st.text_input(ui.tr("connections.field.name"), value=chosen, max_chars=80, key="connections_name")
            base = st.text_input(ui.tr("connections.field.base_url"), value=current.base_url if current else "",
                                 key="connections_base_url")
            auth = st.text_input(ui.tr("connections.field.auth_url"), value=current.auth_url if current else "",
                                 help=ui.tr("connections.auth_url_help"), key="connections_auth_url")
            client = st.text_input(ui.tr("connections.field.client_id"), value=current.client_id if current else "",
                                   key="connections_client_id")
            secret = st.text_input(ui.tr("connections.field.secret"), type="password",
                                   help=ui.tr("connections.secret_help"), key="connections_secret")
            if st.form_submit_button(ui.tr("connections.save"), type="primary"):
                with ui.errors_shown():
                    saved = cfp_io.save_connection(db, principal, name, base, client, secret=secret, auth_url=auth)
                    st.session_state["connections_saved"] = ui.tr("connections.saved", name=ui.md(saved.name),
                                                                  revision=saved.revision)
                    del st.session_state["connections_secret"]  # the secret stays in no session
                    st.rerun()


def connections_table(db, connections) -> None:
    """Every connection's latest revision and its latest fetch (never the secret)."""
    last = {f.connection: f for f in reversed(cfp_io.list_fetches(db, connections[0].org_id, limit=200))}
    rows = [{"name": c.name, "revision": c.revision, "base_url": c.base_url, "client_id": c.client_id,
             "saved": numbers.format_time(c.created_at, ui.time_zone()),
             "fetch": last[c.name].summary(ui.lang()) if c.name in last else None} for c in connections]
    st.dataframe(pd.DataFrame(rows), hide_index=True, key="connections_table", placeholder="—", column_config={
        "name": ui.tr("connections.field.name"), "revision": ui.tr("connections.col.revision"),
        "base_url": ui.tr("connections.field.base_url"), "client_id": ui.tr("connections.field.client_id"),
        "saved": ui.tr("connections.col.saved"), "fetch": ui.tr("connections.fetch")})


def requests_section(db, principal, name: str) -> None:
    """Send a PCF request; list the requests sent with their state; import the answers that arrived."""
    st.subheader(ui.tr("connections.request"))
    products = st.text_area(ui.tr("connections.request_products"), key="connections_request_products", height=80)
    comment = st.text_input(ui.tr("connections.request_comment"), key="connections_request_comment", max_chars=500)
    if st.button(ui.tr("connections.request_send"), key="connections_request_send", icon=":material/send:"):
        with ui.errors_shown():
            sent = cfp_io.send_pcf_request(db, principal, name, products.splitlines(), comment)
            st.success(ui.tr("connections.request_sent", event_id=sent.event_id, name=ui.md(name)))
    waiting = cfp_io.waiting_answers(db, principal.org_id)
    if waiting:
        st.info(ui.tr("connections.answers_waiting", count=len(waiting)))
        if st.button(ui.tr("connections.import_answers"), key="connections_import_answers"):
            with ui.errors_shown():
                done = cfp_io.import_request_answers(db, principal)
                st.session_state["connections_saved"] = ui.tr("connections.answers_imported", count=len(done))
                st.rerun()
    sent = cfp_io.list_sent_requests(db, principal.org_id)
    if sent:
        st.markdown(f"**{ui.tr('connections.requests')}**")
        st.dataframe(pd.DataFrame([{"sent": numbers.format_time(r.sent_at, ui.time_zone()), "name": r.connection,
                                    "products": ", ".join(r.criteria.get("productId", [])),
                                    "state": ui.tr(f"connections.state.{r.state}")} for r in sent]),
                     hide_index=True, key="connections_requests", column_config={
                         "sent": ui.tr("connections.col.sent"), "name": ui.tr("connections.pick"),
                         "products": ui.tr("connections.col.products"), "state": ui.tr("connections.col.state")})


with ui.open_db() as db:
    principal = ui.principal(db)
    if message := st.session_state.pop("connections_saved", None):
        st.success(message)
    connections = cfp_io.list_connections(db, principal.org_id)
    if not connections:
        st.info(ui.tr("connections.none"))
    else:
        connections_table(db, connections)
    if principal.can(Action.MANAGE_SUPPLIER_CONNECTIONS):
        connection_form(db, principal, connections)
    if connections:
        name = st.selectbox(ui.tr("connections.pick"), [c.name for c in connections], key="connections_pick")
        filter_text = st.text_area(ui.tr("connections.product_filter"), key="connections_filter", height=68)
        if st.button(ui.tr("connections.fetch"), key="connections_fetch", type="primary", icon=":material/download:"):
            with ui.errors_shown(), st.spinner(ui.tr("connections.fetching", name=name)):
                show_result(cfp_io.pull_connection(db, principal, name, filter_text.splitlines()))
        requests_section(db, principal, name)
