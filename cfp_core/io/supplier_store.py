"""Stored supplier disclosures: idempotent, append-only intake and the hide / retract / restore events.

The same PACT id (and v2 ``version``) saved twice is one disclosure: the second save returns the first row's
id and writes nothing. A newer footprint supersedes an older one when it lists the older id in
``precedingPfIds``, or names the same company and product (an overlapping ``companyIds`` and ``productIds``)
and was created later. A wrong disclosure is hidden or retracted by an event with a reason; nothing is
deleted, and the history of every disclosure stays readable.
"""

from __future__ import annotations

import json
from functools import lru_cache

from pydantic import BaseModel, ConfigDict
from sqlite_utils import Database

from cfp_core import store
from cfp_core.access import Action, Principal
from cfp_core.errors import NotFound, ReasonRequired
from cfp_core.i18n import Msg
from cfp_core.io.suppliers import SupplierDisclosure
from cfp_core.store.audit import writes

EVENT_KINDS = ("hidden", "retracted", "restored")
ACTIVE, SUPERSEDED, HIDDEN, RETRACTED = "active", "superseded", "hidden", "retracted"


class DisclosureEvent(BaseModel):
    """One hide / retract / restore event of a stored disclosure."""

    model_config = ConfigDict(frozen=True)

    kind: str
    reason: str
    at: str
    author: str


class StoredDisclosure(BaseModel):
    """A stored disclosure with its row id, time received, state and history."""

    model_config = ConfigDict(frozen=True)

    id: int
    received_at: str
    part: str
    disclosure: SupplierDisclosure
    state: str = ACTIVE  # active, superseded, hidden or retracted
    superseded_by: int | None = None
    events: tuple[DisclosureEvent, ...] = ()

    @property
    def visible(self) -> bool:
        """True if the disclosure is neither hidden nor retracted (a superseded one stays visible, flagged)."""
        return self.state in (ACTIVE, SUPERSEDED)


def _identity(disclosure: SupplierDisclosure) -> str:
    return f"{disclosure.pf_id.lower()}#{disclosure.raw.get('version', '')}"


def find_disclosure(db: Database, disclosure: SupplierDisclosure) -> int | None:
    """Return the row id of the stored disclosure with the same PACT id (and v2 version), or None."""
    wanted = _identity(disclosure)
    for row_id, payload in db.execute("SELECT id, payload FROM supplier_disclosures ORDER BY id").fetchall():
        if _identity(_parsed(payload)) == wanted:
            return row_id
    return None


@writes(Action.IMPORT_SUPPLIER, target=lambda disclosure, part="", result=None: f"{disclosure.supplier} #{result}")
def save_supplier_disclosure(db: Database, principal: Principal, disclosure: SupplierDisclosure, part: str = "") -> int:
    """Store a disclosure once and return its row id (editor role; audited).

    Idempotent: if the same PACT id (and v2 ``version``) is already stored, its id is returned and nothing is
    written. Raises ``sqlite3.OperationalError`` if the database is locked past its busy timeout.
    """
    existing = find_disclosure(db, disclosure)
    if existing is not None:
        return existing
    table = db.table("supplier_disclosures")
    table.insert({
        "supplier": disclosure.supplier, "product": disclosure.product, "part": part or disclosure.product,
        "received_at": store.now(), "spec_version": disclosure.spec_version,
        "payload": disclosure.model_dump_json(), "content_hash": store.content_hash(disclosure.raw),
    })
    return table.last_pk


def import_supplier_file(db: Database, principal: Principal, disclosures, part: str = "") -> list[tuple[int, bool]]:
    """Store every disclosure of one accepted file; return (row id, newly stored) for each, in order."""
    before = {row[0] for row in db.execute("SELECT id FROM supplier_disclosures").fetchall()}
    ids = [save_supplier_disclosure(db, principal, d, part) for d in disclosures]
    return [(i, i not in before) for i in ids]


@writes(Action.WITHDRAW_SUPPLIER, target=lambda disclosure_id, kind, reason, result=None: f"#{disclosure_id} {kind}")
def mark_supplier_disclosure(db: Database, principal: Principal, disclosure_id: int, kind: str, reason: str) -> int:
    """Append a hide / retract / restore event with a reason (editor role; audited); return the event id.

    Raises ``ReasonRequired`` if the reason is empty, ``NotFound`` if there is no such disclosure, and
    ``ValueError`` if ``kind`` is not one of ``EVENT_KINDS``.
    """
    if kind not in EVENT_KINDS:
        raise ValueError(f"unknown event kind {kind!r}")
    if not reason.strip():
        raise ReasonRequired()
    if not db.execute("SELECT 1 FROM supplier_disclosures WHERE id = ?", [disclosure_id]).fetchone():
        raise NotFound(what=Msg("suppliers.what"), ident=f"#{disclosure_id}")
    table = db.table("supplier_disclosure_events")
    table.insert({"disclosure_id": disclosure_id, "kind": kind, "reason": reason.strip(), "at": store.now(),
                  "author": principal.subject})
    return table.last_pk


def _supersedes(newer: SupplierDisclosure, older: SupplierDisclosure) -> bool:
    if newer.pf_id == older.pf_id:
        return False
    if older.pf_id in newer.preceding_pf_ids:
        return True
    same = set(newer.company_ids) & set(older.company_ids) and set(newer.product_ids) & set(older.product_ids)
    return bool(same) and newer.created > older.created


@lru_cache(maxsize=20_000)
def _parsed(payload: str) -> SupplierDisclosure:
    """The stored payload as a disclosure; the same text is parsed once per process (frozen, so shared)."""
    return SupplierDisclosure.model_validate_json(payload)


def _candidates(parsed: list, withdrawn: dict):
    """Return ``positions(i)``: the positions, in store order, of the non-withdrawn disclosures that could
    supersede the ``i``-th (it lists its id in ``precedingPfIds``, or shares a company id and a product id).

    An index instead of every pair: the first candidate that ``_supersedes`` is the same one a scan of every
    row finds, since a row that is no candidate never supersedes.
    """
    by_preceding: dict[str, list[int]] = {}
    by_pair: dict[tuple[str, str], list[int]] = {}
    for position, (row_id, _, _, d) in enumerate(parsed):
        if row_id in withdrawn:
            continue
        for pf_id in set(d.preceding_pf_ids):
            by_preceding.setdefault(pf_id, []).append(position)
        for pair in {(c, p) for c in d.company_ids for p in d.product_ids}:
            by_pair.setdefault(pair, []).append(position)

    def positions(i: int) -> list[int]:
        d = parsed[i][3]
        found = set(by_preceding.get(d.pf_id, ()))
        for pair in {(c, p) for c in d.company_ids for p in d.product_ids}:
            found.update(by_pair.get(pair, ()))
        return sorted(found)

    return positions


def list_supplier_disclosures(db: Database, include_hidden: bool = True) -> list[StoredDisclosure]:
    """Return the stored disclosures, oldest first, with their state (active, superseded, hidden, retracted)."""
    rows = db.execute("SELECT id, received_at, part, payload FROM supplier_disclosures ORDER BY id").fetchall()
    events: dict[int, list[DisclosureEvent]] = {}
    for r in db.execute("SELECT disclosure_id, kind, reason, at, author FROM supplier_disclosure_events "
                        "ORDER BY id").fetchall():
        events.setdefault(r[0], []).append(DisclosureEvent(kind=r[1], reason=r[2], at=r[3], author=r[4] or ""))
    parsed = [(r[0], r[1], r[2] or "", _parsed(r[3])) for r in rows]
    withdrawn = {i: e[-1].kind for i, e in events.items() if e[-1].kind in (HIDDEN, RETRACTED)}
    candidates = _candidates(parsed, withdrawn)
    result = []
    for position, (row_id, received, part, disclosure) in enumerate(parsed):
        newer = next((parsed[p][0] for p in candidates(position) if _supersedes(parsed[p][3], disclosure)), None)
        state = withdrawn.get(row_id) or (SUPERSEDED if newer is not None else ACTIVE)
        stored = StoredDisclosure(id=row_id, received_at=received, part=part, disclosure=disclosure, state=state,
                                  superseded_by=newer, events=tuple(events.get(row_id, ())))
        if include_hidden or stored.visible:
            result.append(stored)
    return result


def disclosure_history(stored: StoredDisclosure) -> list[dict]:
    """Return the disclosure's history as rows (received, then each event), for a table."""
    rows = [{"at": stored.received_at, "kind": "received", "reason": stored.disclosure.filename, "author": ""}]
    return rows + [json.loads(e.model_dump_json()) for e in stored.events]
