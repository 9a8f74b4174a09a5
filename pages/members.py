"""Users & roles (administrators): who holds which role in this organisation."""

import pandas as pd
import streamlit as st

import ui
from cfp_core import numbers, store
from cfp_core.access import Role

ui.require_router(__file__)

ROLES = list(Role)
st.title(ui.tr("nav.members"))
st.caption(ui.tr("members.intro"))
for role in ROLES:
    st.markdown(f"- **{ui.tr(f'role.{role.value}')}** — {ui.tr(f'role.{role.value}_help')}")


def role_names(roles) -> str:
    return ", ".join(ui.tr(f"role.{r.value}") for r in ROLES if r in roles)


def role_checkboxes(prefix: str, held) -> list[Role]:
    """One checkbox per role (roles combine); returns the ticked roles."""
    st.caption(ui.tr("members.roles"))
    cols = st.columns(len(ROLES))
    return [role for col, role in zip(cols, ROLES, strict=True)
            if col.checkbox(ui.tr(f"role.{role.value}"), value=role in held, key=f"{prefix}_{role.value}")]


with ui.open_db() as db:
    principal = ui.principal(db)
    members = store.list_members(db, principal.org_id)
    st.subheader(ui.tr("members.current"))
    if not members:
        st.info(ui.tr("members.none"))
    else:
        st.dataframe(pd.DataFrame([{"email": m.email, "name": m.name, "subject": m.subject or ui.tr("members.pending"),
                                    "roles": role_names(m.roles), "at": numbers.format_time(m.at, ui.time_zone()), "by": m.by} for m in members],
                                  columns=["email", "name", "subject", "roles", "at", "by"]),
                     hide_index=True, key="members_table", column_config={
                         "email": ui.tr("members.email"), "name": ui.tr("members.name"),
                         "subject": ui.tr("members.subject"), "roles": ui.tr("members.roles"),
                         "at": ui.tr("members.since"), "by": ui.tr("members.by")})

    st.subheader(ui.tr("members.add"))
    with st.form("member_add"):
        email = st.text_input(ui.tr("members.email"), max_chars=200, help=ui.tr("members.email_help"))
        name = st.text_input(ui.tr("members.name"), max_chars=200)
        roles = role_checkboxes("member_add", {Role.VIEWER})
        if st.form_submit_button(ui.tr("members.add_button"), type="primary"):
            with ui.errors_shown():
                added = store.set_member(db, principal, email=email, name=name, roles=roles)
                st.success(ui.tr("members.saved", who=ui.md(added.email or added.subject)))

    if members:
        st.subheader(ui.tr("members.change"))
        by_key = {m.member_key: m for m in members}
        key = st.selectbox(ui.tr("members.pick"), list(by_key), key="member_pick",
                           format_func=lambda k: by_key[k].email or by_key[k].subject)
        chosen = by_key[key]
        new_roles = role_checkboxes(f"member_roles_{key}", chosen.roles)
        left, right = st.columns(2)
        if left.button(ui.tr("members.save_roles"), key="member_save", type="primary"):
            with ui.errors_shown():
                store.set_member(db, principal, email=chosen.email, subject=chosen.subject, roles=new_roles)
                st.rerun()
        if right.button(ui.tr("members.remove"), key="member_remove", icon=":material/person_remove:"):
            with ui.errors_shown():
                store.set_member(db, principal, email=chosen.email, subject=chosen.subject, roles=[])
                st.rerun()
