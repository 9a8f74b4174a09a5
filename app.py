"""Router: page config, language switch, who is signed in, and the pages each role sees (st.navigation).

Which pages a role sees is ``ui.nav.TABLE``; what a role may write is checked in the core
(``cfp_core.access``), so a page missing from the navigation is a convenience, not the control.
"""

from pathlib import Path

import streamlit as st

import ui
from ui import auth, identity, nav

HERE = Path(__file__).parent
PAGES = HERE / "pages"

# The favicon is served by the app itself: a ":material/…:" or emoji icon loads from Google or a CDN (#12.16).
st.set_page_config(page_title="CFP 产品碳足迹", page_icon=str(HERE / "ui" / "assets" / "favicon.png"), layout="wide")
ui.language_switch()


def page(name: str, key: str, icon: str, **kwargs) -> st.Page:
    return st.Page(PAGES / f"{name}.py", title=ui.tr(key), icon=icon, url_path=name, **kwargs)


def pages_for(session: auth.Session) -> dict:
    """The navigation of this session: the sign-in screen only, the set-up form, or the role's pages."""
    if session.mode == auth.Mode.NEWCOMER:
        return {"": [page("setup", "nav.setup", ":material/domain_add:", default=True)]}
    if session.principal is None:
        return {"": [page("sign_in", "nav.sign_in", ":material/login:", default=True)]}
    roles = session.principal.roles
    groups: dict[str, list[st.Page]] = {}
    for group, name, key, icon, _ in nav.visible(roles):
        groups.setdefault(ui.tr(f"nav.group.{group}"), []).append(page(name, key, icon, default=name == "overview"))
    groups["card"] = [page("card", "nav.card", ":material/badge:", visibility="hidden")]
    return groups


with ui.router():
    with ui.open_db() as db:
        session = auth.resolve(db)
    auth.begin(session)
    identity.identity_sidebar(session)
    navigation = st.navigation(pages_for(session), expanded=True)
    navigation.run()
