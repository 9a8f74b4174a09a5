"""Card links and QR codes come from the configured public base URL only, never from a browser's host.

The address is the organisation setting ``public_base_url`` (``CFP_PUBLIC_URL`` overrides it). A card
shared outside the company is refused when that address is unset, loopback, private or a local name:
its QR code would be dead for every customer.
"""

from __future__ import annotations

import ipaddress
import os
import urllib.parse

from sqlite_utils import Database

from cfp_core import store
from cfp_core.errors import PublicUrlMissing, PublicUrlNotPublic
from cfp_core.i18n import Msg, normalise_lang
from cfp_core.publish.readiness import EXTERNAL_AUDIENCES

DEFAULT_BASE_URL = "http://127.0.0.1:8443"  # the disclosure server started locally (internal cards only)
_LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".lan", ".home.arpa")


def public_base_url(db: Database | None, org_id: str | None) -> str:
    """Return the public base URL: ``$CFP_PUBLIC_URL``, else the organisation setting, else ""."""
    if env := os.environ.get("CFP_PUBLIC_URL", "").strip():
        return env.rstrip("/")
    if db is None or not org_id:
        return ""
    return store.load_settings(db, org_id).public_base_url


def why_not_public(url: str) -> str | None:
    """Return why customers cannot reach ``url`` (an i18n key under ``server.why``), or None if they can."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "scheme"
    host = parts.hostname.rstrip(".").lower()
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        if host == "localhost" or host.endswith(_LOCAL_SUFFIXES) or "." not in host:
            return "loopback" if host == "localhost" or host.endswith(".localhost") else "local_name"
        return None
    if address.is_loopback:
        return "loopback"
    if not address.is_global:
        return "private"
    return None


def require_public_base_url(db: Database, org_id: str, audience: str) -> str:
    """Return the public base URL for a card shared with ``audience``; raise if customers cannot reach it.

    Internal cards need no public address (returns whatever is set). Raises ``PublicUrlMissing`` when
    unset, ``PublicUrlNotPublic`` for a loopback, private or local address.
    """
    url = public_base_url(db, org_id)
    if audience not in EXTERNAL_AUDIENCES:
        return url
    if not url:
        raise PublicUrlMissing(audience=Msg(f"publish.audience.{audience}"))
    if why := why_not_public(url):
        raise PublicUrlNotPublic(url=url, why=Msg(f"server.why.{why}"))
    return url


def card_url(token: str, base_url: str | None = None, lang: str | None = None) -> str:
    """Return the ASCII link to a card on the disclosure server (``<base>/c/<token>?lang=…``).

    ``base_url`` None means ``$CFP_PUBLIC_URL`` or the local server's address.
    """
    if base_url is None:
        base_url = os.environ.get("CFP_PUBLIC_URL") or DEFAULT_BASE_URL
    base = urllib.parse.quote(base_url.rstrip("/"), safe=":/?&=#%@+,;~")
    query = f"?{urllib.parse.urlencode({'lang': normalise_lang(lang)})}" if lang else ""
    return f"{base}/c/{urllib.parse.quote(token, safe='')}{query}"


def public_card_url(db: Database | None, org_id: str | None, token: str, lang: str | None = None) -> str:
    """Return the full public link of a card from the configured address, or "" when none is set."""
    base = public_base_url(db, org_id)
    return card_url(token, base, lang) if base else ""
