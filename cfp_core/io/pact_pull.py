"""Fetch now: pull a supplier's footprints over PACT v3 into the supplier intake (#10.5).

``pull_connection`` takes a token (``pact_client``), reads ``GET /3/footprints`` page by page following
``Link: rel="next"`` (at most ``MAX_PAGES``), optionally filtered by ``productId``, and passes every footprint
through the same two gates as a file (``pact_intake`` + ``suppliers.read_footprints``). Accepted footprints
are stored with ``save_supplier_disclosure`` (idempotent: the same id and version is one disclosure); a refused
footprint is reported with its JSON path and its problems and nothing of it is written. Each run, also a failed
one, is recorded append-only in ``supplier_fetches`` with its counts.
"""

from __future__ import annotations

import json

import httpx
from pydantic import BaseModel, ConfigDict
from sqlite_utils import Database

from cfp_core import store
from cfp_core.access import Action, Principal, require
from cfp_core.errors import FieldProblem, ImportRejected, RowProblem
from cfp_core.i18n import LANGS, Msg, t
from cfp_core.io.connections import SupplierConnection, load_connection, reveal_secret
from cfp_core.io.pact_client import PactSession, PullFailed, next_link
from cfp_core.io.pact_reader import load_json
from cfp_core.io.supplier_store import find_disclosure, save_supplier_disclosure
from cfp_core.io.suppliers import SupplierDisclosure, read_footprints
from cfp_core.store.audit import writes

MAX_PAGES = 50
PAGE_LIMIT = 100


class Refusal(BaseModel):
    """A footprint the gates refused: where it was (``data[3]`` of page 2), its id, and each problem (zh, en)."""

    model_config = ConfigDict(frozen=True)

    path: str
    pf_id: str = ""
    problems: tuple[dict[str, str], ...] = ()  # {"zh": …, "en": …} per problem


class FetchResult(BaseModel):
    """What one "fetch now" of a connection did: how many came, which were new, duplicate, refused, or the error."""

    model_config = ConfigDict(frozen=True)

    connection: str
    at: str
    fetched: int = 0
    new: tuple[int, ...] = ()  # row ids of disclosures stored by this run
    duplicate: tuple[int, ...] = ()  # row ids that were already stored
    refused: tuple[Refusal, ...] = ()
    error: dict[str, str] | None = None  # {"zh": …, "en": …} when the run failed

    @property
    def ok(self) -> bool:
        """True if the supplier answered (refused footprints may still be listed)."""
        return self.error is None

    def summary(self, lang: str) -> str:
        """"Supplier A: 3 fetched, 2 new, 1 already stored, 0 refused." or, if it failed, the error."""
        if self.error:
            return self.error[lang]
        return t("connections.result", lang, name=self.connection, fetched=self.fetched, new=len(self.new),
                 duplicate=len(self.duplicate), refused=len(self.refused))


def both(error: Exception) -> dict[str, str]:
    """The message of a core error in both languages (stored, then shown in the reader's)."""
    return {lang: error.message(lang) for lang in LANGS}


def session_for(db: Database, connection: SupplierConnection, transport: httpx.BaseTransport | None = None,
                **options) -> PactSession:
    """Open a ``PactSession`` for a connection (its secret decrypted here, for the client only)."""
    return PactSession(connection.name, connection.base_url, connection.token_url, connection.client_id,
                       reveal_secret(db, connection), transport=transport, **options)


def fetch_documents(session: PactSession, product_ids=(), max_pages: int = MAX_PAGES) -> list[tuple[str, object]]:
    """Return (JSON path, footprint) for every footprint of every page. Raises ``PullFailed``."""
    params = [("limit", str(PAGE_LIMIT))] + [("productId", p.strip()) for p in product_ids if p and p.strip()]
    url: str | None = f"{session.base_url}/3/footprints"
    found: list[tuple[str, object]] = []
    for page in range(1, max_pages + 1):
        reply = session.get(url, params=params if page == 1 else None)
        try:
            document = load_json(reply.content, url)
        except ImportRejected as rejected:
            first = rejected.problems[0]  # not JSON, too large or too deep: said in the reader's language
            raise session.fail("malformed", url, where=Msg(first.problem_key, **{**first.params, "value": first.value})) \
                from None
        if not isinstance(document.get("data"), list):
            raise session.fail("malformed", url, where="data")
        prefix = "data" if page == 1 else f"page {page}: data"
        found += [(f"{prefix}[{i}]", item) for i, item in enumerate(document["data"])]
        url = next_link(reply.headers.get("link", ""))
        if url is None:
            return found
        url = str(httpx.URL(str(reply.request.url)).join(url))
    raise session.fail("too_many_pages", url or "", pages=max_pages)


def gate(path: str, footprint: object, source: str) -> SupplierDisclosure | Refusal:
    """Pass one footprint through both gates: the disclosure, or a ``Refusal`` naming each problem."""
    pf_id = str(footprint.get("id", "")) if isinstance(footprint, dict) else ""
    data = json.dumps(footprint, ensure_ascii=False).encode("utf-8")
    try:
        return read_footprints(data, f"{source} {path}")[0]
    except ImportRejected as rejected:
        return Refusal(path=path, pf_id=pf_id, problems=tuple(_problem(path, p) for p in rejected.problems))


def _problem(path: str, problem: RowProblem) -> dict[str, str]:
    """One problem of a refused footprint, at its full JSON path in the supplier's answer ("data[3].pcf.dqi")."""
    where = f"{path}.{problem.column}" if isinstance(problem, FieldProblem) and problem.column else path
    value = str(problem.value if problem.value is not None else "")
    return {lang: t("connections.problem", lang, path=where, value=value[:60] + ("…" if len(value) > 60 else ""),
                    detail=t(problem.problem_key, lang, **{**problem.params, "value": problem.value}))
            for lang in LANGS}


def gate_all(found: list[tuple[str, object]], source: str) -> tuple[list[SupplierDisclosure], list[Refusal]]:
    """Split footprints into accepted disclosures and refusals."""
    accepted, refused = [], []
    for path, footprint in found:
        outcome = gate(path, footprint, source)
        (refused if isinstance(outcome, Refusal) else accepted).append(outcome)
    return accepted, refused


def store_accepted(db: Database, principal: Principal, accepted, part: str = "") -> tuple[list[int], list[int]]:
    """Save accepted disclosures (inside the caller's write); return (new ids, duplicate ids)."""
    new, duplicate = [], []
    for disclosure in accepted:
        existing = find_disclosure(db, disclosure)
        if existing is not None:
            duplicate.append(existing)
        else:
            new.append(save_supplier_disclosure(db, principal, disclosure, part))
    return new, duplicate


@writes(Action.FETCH_SUPPLIER, target=lambda name, *a, result=None, **k:
        f"{name}: {len(result.new)} new, {len(result.duplicate)} duplicate, {len(result.refused)} refused"
        + (" (failed)" if result.error else ""))
def record_fetch(db: Database, principal: Principal, name: str, fetched: int, accepted, refused,
                 error: dict[str, str] | None = None) -> FetchResult:
    """Store what a fetch brought (accepted disclosures) and record the run (editor role; audited)."""
    new, duplicate = store_accepted(db, principal, accepted, part="")
    result = FetchResult(connection=name, at=store.now(), fetched=fetched, new=tuple(new),
                         duplicate=tuple(duplicate), refused=tuple(refused), error=error)
    db.table("supplier_fetches").insert({"org_id": principal.org_id, "connection": name, "at": result.at,
                                         "author": principal.subject, "outcome": result.model_dump_json()})
    return result


def pull_connection(db: Database, principal: Principal, name: str, product_ids=(),
                    transport: httpx.BaseTransport | None = None, **options) -> FetchResult:
    """Fetch now: pull a connection's footprints into the supplier intake and return what happened.

    A failure of the supplier's API (TLS, 401/403, 404, 5xx after retries, timeout, malformed JSON) is
    returned as ``FetchResult.error`` and recorded; nothing is stored then. Raises ``PermissionDenied``
    before any network call, ``NotFound`` for an unknown connection and the secret-key errors.
    """
    require(principal, Action.FETCH_SUPPLIER)
    connection = load_connection(db, principal.org_id, name)
    session = session_for(db, connection, transport, **options)
    try:
        found = fetch_documents(session, product_ids)
    except PullFailed as failed:
        return record_fetch(db, principal, connection.name, 0, [], [], error=both(failed))
    finally:
        session.close()
    accepted, refused = gate_all(found, connection.name)
    return record_fetch(db, principal, connection.name, len(found), accepted, refused)


def list_fetches(db: Database, org_id: str, name: str | None = None, limit: int = 20) -> list[FetchResult]:
    """Return the recorded fetch runs of an organisation (one connection's if ``name``), newest first."""
    where, args = ("and connection = ?", [name]) if name else ("", [])
    rows = db.execute(f"select outcome from supplier_fetches where org_id = ? {where} order by id desc limit ?",
                      [org_id, *args, int(limit)]).fetchall()
    return [FetchResult.model_validate_json(r[0]) for r in rows]
