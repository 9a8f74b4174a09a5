"""The signed-in identity in the sidebar, and which pages this session may link to."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from cfp_core.access import RoleList
from ui import auth, lang, md, nav, tr


def page_visible(path: str) -> bool:
    """Return True if ``pages/<name>.py`` is in this session's navigation (for links between pages)."""
    who = auth.principal()
    name = Path(path).stem
    return who is not None and (name == "card" or any(row[1] == name for row in nav.visible(who.roles)))


def identity_sidebar(session: auth.Session) -> None:
    """Sidebar: local mode's label, or who is signed in (roles, organisation) with a sign-out button."""
    if session.mode == auth.Mode.LOCAL:
        st.sidebar.info(f"**{tr('auth.local_mode')}**  \n{tr('auth.local_mode_help')}", icon=":material/lock:")
        return
    if session.mode == auth.Mode.SIGNED_OUT:
        return
    who = session.principal.label if session.principal else (session.claims or {}).get("email", "")
    lines = [f"**{md(who)}**"]
    if session.principal:
        lines.append(md(f"{session.principal.org_id} · {RoleList(session.principal.roles).render(lang())}"))
    st.sidebar.caption("  \n".join(lines))
    if st.sidebar.button(tr("auth.sign_out"), key="sign_out", icon=":material/logout:"):
        st.logout()
