"""Streamlit widgets of review before publishing: single-step publish or a request, the approver's review.

Rendering only: the summary, diff table and every decision come from ``cfp_core.publish``.
"""

from __future__ import annotations

import streamlit as st

import ui
from cfp_core import numbers
from cfp_core import publish as pub
from cfp_core.access import Action, PrincipalKind
from cfp_core.publish import card
from ui.publish import card_link, public_link, readiness_tabs


def publish_actions(db, principal, settings, model: str, period: str, set_id: str, audience: str) -> None:
    """Single-step publish (four eyes off, local mode) or a publication request with a note (four eyes on)."""
    single_step = principal.can(Action.PUBLISH) and not (
        settings.four_eyes and principal.kind == PrincipalKind.USER)
    if single_step:
        if st.button(ui.tr("publish.button"), key="publish_button", type="primary", icon=":material/ios_share:"):
            with ui.errors_shown():
                published = pub.publish(db, principal, model, period, set_id=set_id, audience=audience)
                st.success(ui.tr("publish.done", version=published.version, hash=published.short_hash))
                card_link(published)
                public_link(db, published)
        return
    if not principal.can(Action.REQUEST_PUBLICATION):
        st.caption(ui.tr("review.approver_only"))
        return
    st.caption(ui.tr("review.four_eyes_on"))
    note = st.text_area(ui.tr("review.note"), key="request_note", max_chars=1000, placeholder=ui.tr("review.note_help"))
    if st.button(ui.tr("review.request"), key="request_button", type="primary", icon=":material/rate_review:"):
        with ui.errors_shown():
            request = pub.request_publication(db, principal, model, period, set_id=set_id, audience=audience,
                                              note=note)
            st.session_state["publish_flash"] = ui.tr("review.requested", request_id=request.request_id)
            st.rerun()


def request_list(requests) -> None:
    """Table of the organisation's publication requests (newest first)."""
    frame = pub.request_table(requests, ui.lang(), ui.time_zone())
    st.dataframe(frame, hide_index=True, key="request_table", placeholder="—", column_config={
        "request_id": st.column_config.NumberColumn(ui.tr("review.col.request"), format="#%d"),
        "model_code": ui.tr("label.model"), "period": ui.tr("publish.col.period"),
        "status": ui.tr("publish.col.status"), "requested_by": ui.tr("review.col.requested_by"),
        "requested_at": ui.tr("review.col.requested_at"), "note": ui.tr("review.note"),
        "decided_by": ui.tr("review.col.decided_by"), "reason": ui.tr("review.reason")})


def review_panel(db, principal, requests) -> None:
    """For approvers: pick an open request, see what changes against the last published version, decide."""
    pending = [r for r in requests if r.status == "open"]
    if not pending:
        st.info(ui.tr("review.none_open"))
        return
    by_id = {r.request_id: r for r in pending}
    chosen = st.selectbox(ui.tr("review.pick"), list(by_id), key="review_pick",
                          format_func=lambda i: f"#{i} · {by_id[i].model_code} · {by_id[i].period} · "
                                                f"{by_id[i].requested_label}")
    request = by_id[chosen]
    with ui.stop_on_error():
        summary = pub.review_summary(db, request)
    lang = ui.lang()
    when = numbers.format_time(request.requested_at, ui.time_zone())
    st.markdown(ui.fact(ui.tr("review.col.requested_by"), f"{request.requested_label} · {when}"))
    if request.note:
        st.markdown(ui.fact(ui.tr("review.note"), request.note))
    if summary.data_changed:
        st.warning(ui.tr("review.data_changed"), icon=":material/warning:")
    d, prev = summary.requested, summary.previous
    cols = st.columns(3)
    cols[0].metric(ui.tr("review.requested_total"), numbers.metric_value(d.total_kg_co2e),
                   numbers.metric_delta(summary.total_delta), delta_color="inverse")
    cols[1].metric(ui.tr("review.published_total"),
                   numbers.metric_value(prev.disclosure.total_kg_co2e) if prev else numbers.UNKNOWN)
    cols[2].metric(ui.tr("review.change"), numbers.signed_percent(summary.total_delta_share))
    st.caption(ui.tr("review.unit"))
    st.dataframe(pub.stage_table(summary, lang), hide_index=True, key="review_stages", placeholder="—", column_config={
        "stage": ui.tr("label.stage"),
        "published": st.column_config.NumberColumn(ui.tr("review.published"), format=numbers.KG_FORMAT),
        "requested": st.column_config.NumberColumn(ui.tr("review.requested_col"), format=numbers.KG_FORMAT),
        "delta": st.column_config.NumberColumn("Δ", format=numbers.KG_DELTA_FORMAT)})
    facts = [(ui.tr("label.factor_set"), card.name_in(lang, d.factor_set_name_zh, d.factor_set_name_en),
              card.name_in(lang, prev.disclosure.factor_set_name_zh, prev.disclosure.factor_set_name_en) if prev else "—"),
             (ui.tr("review.gwp_set"), d.gwp_set, prev.disclosure.gwp_set if prev else "—"),
             (ui.tr("review.inventory_revision"), f"r{d.inventory_revision}",
              f"r{prev.disclosure.inventory_revision} (v{prev.version})" if prev else "—")]
    for label, now, before in facts:
        st.markdown(ui.fact(label, ui.tr("review.now_before", now=now, before=before)))
    with st.expander(ui.tr("publish.readiness")):
        readiness_tabs(summary.checks)
    reason = st.text_input(ui.tr("review.reason"), key="review_reason", max_chars=1000)
    left, right = st.columns(2)
    if left.button(ui.tr("review.approve"), key="approve_button", type="primary", icon=":material/check:",
                   disabled=not principal.can(Action.APPROVE_PUBLICATION)):
        with ui.errors_shown():
            done = pub.approve(db, principal, request.request_id, reason)
            st.session_state["publish_flash"] = ui.tr("review.approved", request_id=done.request_id)
            st.rerun()
    if right.button(ui.tr("review.reject"), key="reject_button", icon=":material/close:",
                    disabled=not principal.can(Action.REJECT_PUBLICATION)):
        with ui.errors_shown():
            done = pub.reject(db, principal, request.request_id, reason)
            st.session_state["publish_flash"] = ui.tr("review.rejected", request_id=done.request_id)
            st.rerun()
