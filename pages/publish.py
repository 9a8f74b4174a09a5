"""Publish: readiness per target, review before publishing (four eyes), immutable snapshots, withdrawal, downloads."""

import streamlit as st

import ui
from cfp_core import publish as pub
from cfp_core import store
from cfp_core.access import Action
from ui import publish as ui_publish
from ui import requests as ui_requests
from ui import review as ui_review

ui.require_router(__file__)

st.title(ui.tr("nav.publish"))
st.caption(ui.tr("publish.intro"))
ui_publish.flash()

with ui.open_db() as db:
    principal = ui.principal(db)
    settings = store.load_settings(db, principal.org_id)
    choice = ui_publish.selectors(db)
    if choice is None:
        st.info(ui.tr("publish.none_yet"))
        st.stop()
    model, period, set_id, audience = choice
    with ui.stop_on_error():
        disclosure = pub.build_disclosure(db, model, period, set_id)
    ui.illustrative_badge(disclosure.illustrative)
    base_url = ui_publish.public_base_url(db, disclosure.organisation.org_id)

    st.subheader(ui.tr("publish.readiness"))
    ui_publish.readiness_tabs(pub.readiness(disclosure, audience=audience))
    ui_review.publish_actions(db, principal, settings, model, period, set_id, audience)

    requests = pub.list_requests(db, principal.org_id)
    if principal.can(Action.APPROVE_PUBLICATION):
        st.subheader(ui.tr("review.queue"))
        ui_review.review_panel(db, principal, requests)
    if requests:
        st.subheader(ui.tr("review.history"))
        ui_review.request_list(requests)

    if principal.can(Action.ANSWER_PCF_REQUEST):
        ui_requests.pcf_requests_section(db)

    st.subheader(ui.tr("publish.snapshots"))
    snapshots = pub.list_snapshots(db, model)
    if not snapshots:
        st.info(ui.tr("publish.none_yet"))
        st.stop()
    ui_publish.snapshot_list(snapshots)
    selected = ui_publish.snapshot_picker(snapshots)
    ui_publish.card_link(selected)
    ui_publish.public_link(db, selected)
    if principal.can(Action.WITHDRAW):
        ui_publish.withdraw_form(db, selected)

st.subheader(ui.tr("publish.downloads"))
prepared = st.session_state.get("publish_files")
if st.button(ui.tr("publish.prepare"), key="prepare_downloads", icon=":material/download:"):
    with ui.stop_on_error():
        files = ui_publish.prepare_files(selected, base_url)
    prepared = st.session_state["publish_files"] = {"id": (selected.snapshot_id, ui.lang()), "files": files}
if prepared and prepared["id"] == (selected.snapshot_id, ui.lang()):
    ui_publish.download_buttons(prepared["files"])
