"""Sign-in and roles in the workspace: each role sees exactly its pages; signed out, only the sign-in screen.

AppTest seeds ``st.user`` from ``at.user`` (as Streamlit does from its signed identity cookie);
``at.secrets["auth"]`` makes sign-in "configured". Query parameters never change who you are.
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from cfp_core import store
from cfp_core.access import Role, cli_principal
from cfp_core.models import Organisation
from ui import nav

from .conftest import ROOT

AUTH = {"redirect_uri": "http://127.0.0.1:8501/oauth2callback", "cookie_secret": "x" * 32,
        "client_id": "cfp", "client_secret": "s", "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration"}
ORG = "weisidemu"
EDITING = ("data_editor", "file_uploader", "text_area", "chat_input")  # view controls (toggles, pickers) are fine


def _member(seeded_db_path, email: str, *roles: Role) -> dict:
    db = store.open_db(seeded_db_path)
    try:
        store.set_member(db, cli_principal(ORG, "tests"), email=email, roles=roles)
    finally:
        db.close()
    return {"is_logged_in": True, "sub": f"idp|{email}", "email": email, "email_verified": True, "name": email}


def signed_in(user: dict | None, page: str | None = None, lang: str = "en", **query) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.secrets["auth"] = AUTH
    at.user = user or {"is_logged_in": False}
    at.query_params["lang"] = lang
    for name, value in query.items():
        at.query_params[name] = value
    at.run()
    if page:
        at.switch_page(f"pages/{page}.py").run()
    return at


def deep_link(who: dict | None, page: str, lang: str = "en", **query) -> AppTest:
    """Open a page's own URL directly (as a bookmarked or guessed link would), not through the navigation."""
    at = AppTest.from_file(str(ROOT / "pages" / f"{page}.py"), default_timeout=60)
    at.secrets["auth"] = AUTH
    at.user = who or {"is_logged_in": False}
    at.query_params["lang"] = lang
    for name, value in query.items():
        at.query_params[name] = value
    return at.run()


def test_signed_out_only_the_sign_in_screen(seeded_db_path):
    at = signed_in(None)
    assert not at.exception and at.title[0].value == "Sign in to the CFP workspace"
    assert at.button(key="sign_in")
    for page in ("products", "publish", "members", "overview", "card"):
        forged = deep_link(None, page, "en", **{"user": "admin", "role": "admin", "sub": "idp|alice", "is_logged_in": "true"})
        assert forged.title[0].value == "Sign in to the CFP workspace"  # query params are not identity


@pytest.mark.parametrize("roles", [(Role.VIEWER,), (Role.EDITOR,), (Role.APPROVER,), (Role.ADMIN,),
                                   (Role.EDITOR, Role.APPROVER)], ids=lambda r: "+".join(x.value for x in r))
def test_each_role_sees_exactly_its_pages(seeded_db_path, roles):
    user = _member(seeded_db_path, "someone@example.test", *roles)
    names = {row[1] for row in nav.visible(roles)}
    expected = {"overview", "compare_models", "compare_factors", "trends", "management", "explain"}
    if Role.EDITOR in roles:
        expected |= {"products", "suppliers", "supplier_directory", "supplier_connections", "factors", "publish"}
    if Role.APPROVER in roles:
        expected |= {"publish", "audit"}
    if Role.ADMIN in roles:
        expected |= {"members", "settings", "audit", "api_clients", "supplier_connections"}
    assert names == expected
    at = signed_in(user)
    assert not at.exception and at.title[0].value == "Overview"
    assert "someone@example.test" in "\n".join(c.value for c in at.sidebar.caption)
    hidden = {"products", "publish", "members", "settings", "audit"} - names
    for page in sorted(hidden):  # a page outside the role's navigation is not reachable by URL either
        at = deep_link(user, page)
        assert not at.exception and at.title[0].value == "Overview", page


# Inputs that change nothing stored: declared figures are reconciled per request, never saved (#12 item 3).
READ_ONLY_INPUTS = {("explain", "declared_text"), ("explain", "declared_file"), ("explain", "Reconcile")}


def test_a_viewer_has_no_editing_widget_on_any_page(seeded_db_path):
    user = _member(seeded_db_path, "viewer@example.test", Role.VIEWER)
    for _, page, *_ in nav.visible({Role.VIEWER}):
        at = signed_in(user, page=page)
        assert not at.exception, page
        for kind in EDITING:
            widgets = [w for w in getattr(at, kind, []) if (page, w.key) not in READ_ONLY_INPUTS]
            assert not widgets, (page, kind)
        labels = {b.label for b in at.button if (page, b.label) not in READ_ONLY_INPUTS}
        assert labels <= {"Sign out"}, (page, labels)


def test_a_signed_in_user_without_a_role_is_told_whom_to_ask(seeded_db_path):
    _member(seeded_db_path, "admin@example.test", Role.ADMIN)
    at = signed_in({"is_logged_in": True, "sub": "idp|stranger", "email": "stranger@example.test"})
    assert at.title[0].value == "No access yet" and "stranger@example.test" in at.info[0].value


def test_the_first_user_of_an_empty_workspace_sets_up_the_organisation(seeded_db_path):
    user = {"is_logged_in": True, "sub": "idp|founder", "email": "founder@example.test", "email_verified": True}
    at = signed_in(user, lang="zh")
    assert at.title[0].value == "设置您的组织"
    at.text_input[0].input("acme-electronics")
    at.text_input[1].input("艾克米电子有限公司")
    at.text_input[2].input("ACME Electronics Co., Ltd.")
    at.button[0].click().run()
    assert not at.exception and at.title[0].value == "总览"
    db = store.open_db(seeded_db_path)
    try:
        principal = store.principal_for(db, user)
        assert principal.org_id == "acme-electronics" and Role.ADMIN in principal.roles
    finally:
        db.close()


def test_a_new_product_belongs_to_the_signed_in_users_organisation(seeded_db_path):
    db = store.open_db(seeded_db_path)
    try:
        store.bootstrap(db, store.newcomer({"sub": "idp|founder", "email": "f@example.test"}),
                        Organisation(org_id="acme", name_zh="艾克米"))
    finally:
        db.close()
    at = signed_in({"is_logged_in": True, "sub": "idp|founder", "email": "f@example.test"}, page="products")
    assert not at.exception and at.title[0].value.startswith("Products")


def test_four_eyes_in_the_publish_page(seeded_db_path):
    """An editor can only request; the same person cannot approve; another approver approves."""
    editor = _member(seeded_db_path, "erin@example.test", Role.EDITOR, Role.APPROVER)
    approver = _member(seeded_db_path, "abel@example.test", Role.APPROVER)
    query = {"model": "WS-TPS-48-900A", "period": "2025", "set": "cn-cfp-2024", "audience": "internal"}
    at = signed_in(editor, "publish", **query)
    assert not at.exception and not [b for b in at.button if b.key == "publish_button"]  # no single step
    at.text_area(key="request_note").input("2025 data")
    at.button(key="request_button").click().run()
    assert not at.exception and "Publication request #1 sent for review." in at.success[0].value
    at.button(key="approve_button").click().run()  # the requester: refused by the core
    assert "Four eyes" in at.error[0].value
    at = signed_in(approver, "publish", **query)
    assert "2025 data" in "\n".join(m.value for m in at.markdown)
    at.button(key="approve_button").click().run()
    assert not at.exception and "Request #1 approved and published." in at.success[0].value
    db = store.open_db(seeded_db_path)
    try:
        from cfp_core.publish import list_snapshots

        [snapshot] = list_snapshots(db, "WS-TPS-48-900A")
        assert snapshot.author == "abel@example.test <idp|abel@example.test>"
    finally:
        db.close()
