"""PACT API clients of the disclosure server: who may pull which published footprints.

An administrator creates a client (``create_api_client``); the secret is returned once and only its
argon2 hash is stored. A client reads all published PACT footprints of its organisation, or those of a
list of product models. Revoking appends a revocation; client rows are never changed.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlite_utils import Database

from cfp_core.access import Action, Principal, require_member
from cfp_core.errors import NotFound, UnknownProducts
from cfp_core.i18n import Msg
from cfp_core.store.audit import writes
from cfp_core.store.db import list_products, now
from cfp_core.text import check_text

_HASHER = PasswordHasher()
_DUMMY_HASH = _HASHER.hash("not-a-client-secret")  # verified for unknown ids, so both paths take as long


@dataclass(frozen=True)
class ApiClient:
    """One API client: id, organisation, name, product scope (``None`` = every product) and state."""

    client_id: str
    org_id: str
    name: str
    products: tuple[str, ...] | None
    created: str
    author: str = ""
    revoked: str = ""

    @property
    def active(self) -> bool:
        """True unless the client was revoked."""
        return not self.revoked

    def may_read(self, org_id: str, model_code: str) -> bool:
        """True if the client's scope covers a footprint of ``model_code`` published by ``org_id``."""
        return self.active and org_id == self.org_id and (self.products is None or model_code in self.products)


@writes(Action.MANAGE_API_CLIENTS, target=lambda name, products=None, result=None: result[0].client_id)
def create_api_client(db: Database, principal: Principal, name: str,
                      products: list[str] | tuple[str, ...] | None = None) -> tuple[ApiClient, str]:
    """Create an API client of the principal's organisation; return it with its secret (shown once).

    ``products`` limits the client to those model codes (``None`` or empty: every published footprint).
    Raises ``UnknownProducts`` for a model code that is not stored, ``TextRejected`` for a bad name.
    """
    label = check_text(name, limit=120)
    codes = tuple(dict.fromkeys(products or ()))
    known = {p.model_code: p.org_id for p in list_products(db)}
    if missing := [c for c in codes if c not in known]:
        raise UnknownProducts(codes=", ".join(missing))
    for code in codes:
        require_member(principal, known[code])
    client_id = "cfp-" + secrets.token_hex(8)
    secret = secrets.token_urlsafe(32)
    client = ApiClient(client_id=client_id, org_id=principal.org_id, name=label, products=codes or None,
                       created=now(), author=principal.label)
    db.table("api_clients").insert({
        "client_id": client_id, "org_id": client.org_id, "name": label, "secret_hash": _HASHER.hash(secret),
        "products": json.dumps(list(codes)) if codes else "", "created": client.created, "author": client.author,
    })
    return client, secret


@writes(Action.MANAGE_API_CLIENTS, target=lambda client_id, result=None: client_id)
def revoke_api_client(db: Database, principal: Principal, client_id: str) -> ApiClient:
    """Revoke a client: its secret and tokens stop working. Raises ``NotFound``; revoking twice is a no-op."""
    client = load_api_client(db, client_id)
    require_member(principal, client.org_id)
    if client.active:
        db.table("api_client_revocations").insert({"client_id": client_id, "revoked": now(),
                                                   "author": principal.label})
    return load_api_client(db, client_id)


def list_api_clients(db: Database) -> list[ApiClient]:
    """Return every API client, oldest first (revoked ones included)."""
    return [_client(row) for row in db.query(_SELECT + " order by c.created, c.client_id")]


def load_api_client(db: Database, client_id: str) -> ApiClient:
    """Return one API client. Raises ``NotFound``."""
    rows = list(db.query(_SELECT + " where c.client_id = ?", [client_id]))
    if not rows:
        raise NotFound(what=Msg("what.api_client"), ident=client_id)
    return _client(rows[0])


def authenticate_client(db: Database, client_id: str, secret: str) -> ApiClient | None:
    """Return the active client whose id and secret match, else None (slow on purpose: argon2)."""
    rows = list(db.query("select secret_hash from api_clients where client_id = ?", [client_id]))
    stored = rows[0]["secret_hash"] if rows else _DUMMY_HASH
    try:
        _HASHER.verify(stored, secret)
    except (VerificationError, InvalidHashError):
        return None
    if not rows:
        return None
    client = load_api_client(db, client_id)
    return client if client.active else None


_SELECT = """select c.*, (select min(r.revoked) from api_client_revocations r where r.client_id = c.client_id)
             as revoked from api_clients c"""


def _client(row: dict) -> ApiClient:
    return ApiClient(client_id=row["client_id"], org_id=row["org_id"], name=row["name"],
                     products=tuple(json.loads(row["products"])) if row["products"] else None,
                     created=row["created"], author=row["author"] or "", revoked=row["revoked"] or "")
