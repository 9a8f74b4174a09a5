"""Streamlit section of the publish page: customers' PCF requests (PACT API) and the approvers' answers.

Rendering only: the requests come from the disclosure server's database (``publish.pcf_requests``);
fulfilling and rejecting are the core's checked, audited writes.
"""

from __future__ import annotations

import streamlit as st

import ui
from cfp_core import publish as pub
from cfp_core import store
from cfp_core.errors import CfpError


def _choices(db, request) -> dict[str, str]:
    """Published external footprints the requesting client may read: {snapshot id: label}."""
    try:
        client = store.load_api_client(db, request.client_id)
    except CfpError:
        return {}
    return {s.snapshot_id: f"{s.model_code} · {s.period} · v{s.version}" for s in pub.list_snapshots(db)
            if s.audience in pub.EXTERNAL_AUDIENCES and s.status != "Withdrawn"
            and client.may_read(s.disclosure.organisation.org_id, s.model_code)}


def pcf_requests_section(db) -> None:
    """Open PCF requests of the principal's organisation, each with fulfil and reject."""
    principal = ui.principal(db)
    st.subheader(ui.tr("server.requests.title"))
    waiting = pub.pcf_requests(db, store.exchange_path(), principal.org_id)
    if not waiting:
        st.caption(ui.tr("server.requests.none"))
        return
    for request, _ in waiting:
        label = ui.tr("server.requests.item", received=request.received.replace("T", " ")[:16],
                      client=request.client_id, products=", ".join(request.product_ids) or "—")
        with st.expander(ui.md(label)):
            if request.comment:
                st.caption(ui.md(ui.tr("server.requests.comment", comment=request.comment)))
            choices = _choices(db, request)
            chosen = st.multiselect(ui.tr("server.requests.footprints"), list(choices), format_func=choices.get,
                                    key=f"pcf_pick_{request.request_id}", placeholder=ui.tr("ui.choose_options"))
            if st.button(ui.tr("server.requests.fulfil"), key=f"pcf_fulfil_{request.request_id}", type="primary"):
                with ui.errors_shown():
                    pub.fulfil_pcf_request(db, principal, request, chosen)
                    st.success(ui.tr("server.requests.done"))
            reason = st.text_input(ui.tr("server.requests.reject_reason"), key=f"pcf_reason_{request.request_id}")
            if st.button(ui.tr("server.requests.reject"), key=f"pcf_reject_{request.request_id}"):
                with ui.errors_shown():
                    pub.reject_pcf_request(db, principal, request, reason)
                    st.success(ui.tr("server.requests.done"))
