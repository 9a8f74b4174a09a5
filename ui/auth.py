"""Who is using the workspace: sign-in (Streamlit's own OIDC), local mode, and the session's principal.

* Sign-in configured (an ``[auth]`` section in ``.streamlit/secrets.toml``): nothing but the sign-in
  screen is reachable until ``st.user`` is logged in; the principal is the member the core finds for
  the id-token claims (``store.principal_for``). ``st.user`` is set by Streamlit from its signed
  identity cookie only: no query parameter or widget can change it.
* No sign-in configured: *local mode*, one local admin, and only on a loopback address
  (``access.check_exposure`` refuses anything else unless ``CFP_INSECURE_PUBLIC_DEMO=1``).

The principal is decided once per script run, in ``app.py``, and every write of the core checks it.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from enum import StrEnum

import streamlit as st
from streamlit import config

from cfp_core import store
from cfp_core.access import Principal, Role, check_exposure, local_admin

_run = threading.local()


class Mode(StrEnum):
    LOCAL = "local"  # no sign-in configured: the one local admin (loopback only)
    SIGNED_IN = "signed_in"  # a member of an organisation
    SIGNED_OUT = "signed_out"  # sign-in configured, nobody signed in: the sign-in screen only
    NEWCOMER = "newcomer"  # signed in, holds no role, and the workspace is empty: set it up
    NO_ROLE = "no_role"  # signed in, holds no role in a set-up workspace: ask an admin


@dataclass(frozen=True)
class Session:
    mode: Mode
    principal: Principal | None = None
    claims: dict | None = None


def sign_in_configured() -> bool:
    """Return True if an OIDC provider is configured (``[auth]`` in ``.streamlit/secrets.toml``)."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all  # noqa: BLE001
        return False


def insecure_override() -> bool:
    """The loudly named escape hatch for throw-away demos on a public address without sign-in."""
    return os.environ.get("CFP_INSECURE_PUBLIC_DEMO", "") == "1"


def listening_address() -> str:
    """The address the server listens on (AppTest has no server: treated as this machine)."""
    if config.get_option("global.appTest"):
        return "127.0.0.1"
    return str(config.get_option("server.address") or "")


def claims() -> dict:
    """The signed-in user's id-token claims (from Streamlit's signed identity cookie)."""
    return {k: v for k, v in st.user.to_dict().items() if k not in ("tokens", "is_logged_in")}


def resolve(db) -> Session:
    """Decide who this script run acts as. Raises ``ExposedWithoutSignIn`` in local mode on a public address."""
    if not sign_in_configured():
        check_exposure(listening_address(), False, insecure_override())
        orgs = store.list_organisations(db)
        return Session(Mode.LOCAL, local_admin(orgs[0].org_id if orgs else "my-company"))
    if not st.user.is_logged_in:
        return Session(Mode.SIGNED_OUT)
    user = claims()
    principal = store.principal_for(db, user)
    if principal is not None:
        return Session(Mode.SIGNED_IN, principal, user)
    return Session(Mode.NO_ROLE if store.has_members(db) else Mode.NEWCOMER, None, user)


def begin(session: Session) -> None:
    """Remember this run's session (called by ``app.py`` before the page runs)."""
    _run.session = session


def current() -> Session:
    """This run's session (local mode's admin when ``app.py`` has not decided yet)."""
    return getattr(_run, "session", None) or Session(Mode.SIGNED_OUT)


def principal() -> Principal | None:
    """The acting principal of this run, or None (signed out / no role)."""
    return current().principal


def has_role(*roles: Role) -> bool:
    """Return True if the acting principal holds one of ``roles``."""
    p = principal()
    return p is not None and bool(p.roles & set(roles))
