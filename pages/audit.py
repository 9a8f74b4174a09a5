"""Audit log: every write with its authenticated subject and time, filtered by who, what and when; CSV export."""

import streamlit as st

import ui
from cfp_core import analysis, store
from cfp_core.access import Action

ui.require_router(__file__)

st.title(ui.tr("nav.audit"))
st.caption(ui.tr("audit.intro"))

with ui.open_db() as db:
    principal = ui.principal(db)
    settings = store.load_settings(db, principal.org_id)
    tz = analysis.audit.zone(getattr(st.context, "timezone", None), settings.time_zone)
    subjects = store.audit_subjects(db, principal.org_id)
    cols = st.columns(3)
    who = cols[0].selectbox(ui.tr("audit.who"), [None, *subjects], key="audit_who",
                            format_func=lambda s: ui.tr("audit.anyone") if s is None else s)
    what = cols[1].selectbox(ui.tr("audit.what"), [None, *[a.value for a in Action]], key="audit_what",
                             format_func=lambda a: ui.tr("audit.anything") if a is None else
                             analysis.audit.action_label(a, ui.lang()))
    days = cols[2].date_input(ui.tr("audit.when"), value=(), key="audit_when")
    start, end = (tuple(days) + (None, None))[:2] if days else (None, None)
    since, until = analysis.audit.utc_range(start, end or start, tz)
    events = store.list_audit_events(db, subject=who, action=what, since=since, until=until,
                                     org_id=principal.org_id, limit=5000)

frame = analysis.audit.audit_frame(events, tz, ui.lang())
st.caption(ui.tr("audit.shown", count=len(frame), tz=str(tz)))
if frame.empty:
    st.info(ui.tr("audit.none"))
else:
    st.dataframe(frame, hide_index=True, key="audit_table", column_config={
        "at": ui.tr("audit.col.at"), "principal": ui.tr("audit.col.who"), "kind": ui.tr("audit.col.kind"),
        "action": ui.tr("audit.col.action"), "target": ui.tr("audit.col.target"),
        "detail": ui.tr("audit.col.detail")})
st.download_button(ui.tr("label.download_csv"), lambda: analysis.frame_csv(frame), file_name="audit_log.csv",
                   mime="text/csv", key="audit_csv", icon=":material/download:", on_click="ignore")
