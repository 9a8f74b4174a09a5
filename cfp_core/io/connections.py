"""Supplier connections: where a supplier's PACT API is and the client credentials it gave us (#10.5).

A connection is stored as append-only revisions (name, base URL, optional auth URL, client id); every save,
and every change of the secret, is a new revision. The client secret is encrypted at rest with ``cryptography``
Fernet under the key in ``$CFP_SECRET_KEY``: without that key no secret is stored (``SecretKeyMissing`` says
what to set and how to make a key). The secret is never returned by the listing functions, never logged and
never in the audit log; only ``reveal_secret`` decrypts it, for the HTTP client.
"""

from __future__ import annotations

import ipaddress
import os
import urllib.parse

from cryptography.fernet import Fernet, InvalidToken
from pydantic import BaseModel, ConfigDict
from sqlite_utils import Database

from cfp_core import store
from cfp_core.access import Action, Principal
from cfp_core.errors import CfpError, NotFound, TextRejected
from cfp_core.i18n import Msg
from cfp_core.store.audit import writes
from cfp_core.text import check_text

SECRET_ENV = "CFP_SECRET_KEY"


class SecretKeyMissing(CfpError, RuntimeError):
    """A secret was to be stored or read, but ``$CFP_SECRET_KEY`` is not set."""

    key = "connections.error.key_missing"


class SecretKeyInvalid(CfpError, ValueError):
    """``$CFP_SECRET_KEY`` is set but is not a Fernet key (32 url-safe base64-encoded bytes)."""

    key = "connections.error.key_invalid"


class SecretUnreadable(CfpError, RuntimeError):
    """A stored secret does not decrypt under the current key (the key was changed)."""

    key = "connections.error.secret_unreadable"


class ConnectionInvalid(CfpError, ValueError):
    """A field of a supplier connection is empty or not acceptable; the message names the field and the fix."""

    key = "connections.error.invalid"


class SupplierConnection(BaseModel):
    """One revision of a supplier connection, without its secret."""

    model_config = ConfigDict(frozen=True)

    org_id: str
    name: str
    revision: int
    base_url: str
    auth_url: str = ""
    client_id: str
    created_at: str
    author: str = ""

    @property
    def token_url(self) -> str:
        """The OAuth2 token endpoint: ``<auth URL>/auth/token`` (PACT ``{AuthSubpath}/auth/token``), else the base's."""
        base = (self.auth_url or self.base_url).rstrip("/")
        return base if base.endswith("/auth/token") else base + "/auth/token"


def fernet() -> Fernet:
    """Return the Fernet cipher of ``$CFP_SECRET_KEY``. Raises ``SecretKeyMissing`` or ``SecretKeyInvalid``."""
    key = os.environ.get(SECRET_ENV, "").strip()
    if not key:
        raise SecretKeyMissing(env=SECRET_ENV)
    try:
        return Fernet(key.encode("ascii"))
    except (ValueError, UnicodeEncodeError):
        raise SecretKeyInvalid(env=SECRET_ENV) from None


def _field(name: str) -> Msg:
    return Msg(f"connections.field.{name}")


def check_url(value: str, name: str) -> str:
    """Return a base URL without its trailing slash: https, or http on this machine only (tests, a local proxy).

    Raises ``ConnectionInvalid`` for anything else (another scheme, no host, a user:password part, a query).
    """
    text = (value or "").strip().rstrip("/")
    parts = urllib.parse.urlsplit(text)
    if not text or not parts.hostname:
        raise ConnectionInvalid(field=_field(name), reason=Msg("connections.reason.url"))
    if parts.username or parts.password or parts.query or parts.fragment:
        raise ConnectionInvalid(field=_field(name), reason=Msg("connections.reason.url_parts"))
    if parts.scheme == "https" or (parts.scheme == "http" and _loopback(parts.hostname)):
        return text
    raise ConnectionInvalid(field=_field(name), reason=Msg("connections.reason.https"))


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _text(value: str, name: str, limit: int = 200) -> str:
    if not (value or "").strip():
        raise ConnectionInvalid(field=_field(name), reason=Msg("connections.reason.empty"))
    try:
        return check_text(value.strip(), limit=limit)
    except TextRejected as error:
        raise ConnectionInvalid(field=_field(name), reason=Msg(error.key, **error.params)) from None


def _row(row: dict) -> SupplierConnection:
    return SupplierConnection(org_id=row["org_id"], name=row["name"], revision=row["revision"],
                              base_url=row["base_url"], auth_url=row["auth_url"] or "", client_id=row["client_id"],
                              created_at=row["created_at"], author=row["author"] or "")


def _latest_row(db: Database, org_id: str, name: str) -> dict | None:
    rows = list(db.query("select * from supplier_connections where org_id = ? and name = ? "
                         "order by revision desc limit 1", [org_id, name]))
    return rows[0] if rows else None


@writes(Action.MANAGE_SUPPLIER_CONNECTIONS, target=lambda name, *a, result=None, **k: f"{name} r{result.revision}")
def save_connection(db: Database, principal: Principal, name: str, base_url: str, client_id: str,
                    secret: str = "", auth_url: str = "") -> SupplierConnection:
    """Add a connection or save a new revision of it (administrators; audited without the secret).

    An empty ``secret`` keeps the previous revision's (encrypted) secret; a new one is encrypted with
    ``$CFP_SECRET_KEY``. Raises ``ConnectionInvalid`` naming the field, ``SecretKeyMissing`` /
    ``SecretKeyInvalid`` when a secret is given without a usable key.
    """
    name = _text(name, "name", limit=80)
    fields = {"base_url": check_url(base_url, "base_url"),
              "auth_url": check_url(auth_url, "auth_url") if (auth_url or "").strip() else "",
              "client_id": _text(client_id, "client_id")}
    previous = _latest_row(db, principal.org_id, name)
    if secret:
        token = fernet().encrypt(secret.encode("utf-8")).decode("ascii")
    elif previous is not None:
        token = previous["secret_token"]
        if all(previous[k] == v for k, v in fields.items()):
            raise ConnectionInvalid(field=_field("secret"), reason=Msg("connections.reason.unchanged"))
    else:
        raise ConnectionInvalid(field=_field("secret"), reason=Msg("connections.reason.empty"))
    row = {"org_id": principal.org_id, "name": name, "revision": (previous or {"revision": 0})["revision"] + 1,
           **fields, "secret_token": token, "created_at": store.now(), "author": principal.subject}
    db.table("supplier_connections").insert(row)
    return _row(row)


def list_connections(db: Database, org_id: str) -> list[SupplierConnection]:
    """Return the latest revision of every connection of an organisation, by name."""
    rows = db.query("select * from supplier_connections c where org_id = ? and revision = (select max(revision) "
                    "from supplier_connections where org_id = c.org_id and name = c.name) order by name", [org_id])
    return [_row(r) for r in rows]


def connection_history(db: Database, org_id: str, name: str) -> list[SupplierConnection]:
    """Return every revision of one connection, oldest first (without secrets)."""
    rows = db.query("select * from supplier_connections where org_id = ? and name = ? order by revision",
                    [org_id, name])
    return [_row(r) for r in rows]


def load_connection(db: Database, org_id: str, name: str) -> SupplierConnection:
    """Return the latest revision of a connection. Raises ``NotFound``."""
    row = _latest_row(db, org_id, name)
    if row is None:
        raise NotFound(what=Msg("connections.what"), ident=name)
    return _row(row)


def reveal_secret(db: Database, connection: SupplierConnection) -> str:
    """Decrypt the client secret of a connection revision, for the HTTP client only.

    Raises ``SecretKeyMissing``/``SecretKeyInvalid``, or ``SecretUnreadable`` if the key has changed since.
    """
    rows = db.execute("select secret_token from supplier_connections where org_id = ? and name = ? and revision = ?",
                      [connection.org_id, connection.name, connection.revision]).fetchall()
    cipher = fernet()
    try:
        return cipher.decrypt(rows[0][0].encode("ascii")).decode("utf-8")
    except (InvalidToken, IndexError):
        raise SecretUnreadable(name=connection.name, env=SECRET_ENV) from None
