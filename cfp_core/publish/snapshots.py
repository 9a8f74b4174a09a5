"""Publishing: immutable, versioned snapshots of a ``Disclosure`` and their status history.

A snapshot freezes the publishable view of one model's footprint in one period as canonical
JSON with its SHA-256. Snapshot rows are never updated: a new version supersedes the previous
one through a *status event* (Deprecated, with a link to the successor), and a withdrawal is
another event. Triggers in the schema refuse UPDATE and DELETE on both tables.
"""

from __future__ import annotations

import json
import secrets
import uuid

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field
from sqlite_utils import Database

from cfp_core import store
from cfp_core.access import Action, Principal, PrincipalKind, require_member
from cfp_core.errors import (
    AlreadyWithdrawn,
    DataChanged,
    NotFound,
    NotPublishable,
    ReasonRequired,
    ReviewRequired,
    UnknownAudience,
)
from cfp_core.i18n import Msg, t
from cfp_core.numbers import format_time
from cfp_core.publish import integrity
from cfp_core.publish.disclosure import Disclosure, build_disclosure
from cfp_core.publish.integrity import SCHEMA
from cfp_core.publish.links import require_public_base_url
from cfp_core.publish.readiness import AUDIENCES, Check, blocking_gaps, gaps_message, readiness
from cfp_core.store.audit import writes
from cfp_core.text import check_text

__all__ = ["AUDIENCES", "Check", "Snapshot", "current_status", "latest_snapshot", "list_snapshots",
           "load_snapshot", "publish", "readiness", "snapshot_table", "verify_snapshot", "withdraw"]

STATUSES = ("Active", "Deprecated", "Withdrawn")


class Snapshot(BaseModel):
    """One published version of a footprint card, with its derived current status."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    snapshot_id: str
    model_code: str
    period: str
    version: int
    created: str  # UTC ISO 8601, fixed when written
    audience: str
    token: str
    content_hash: str
    disclosure: Disclosure
    author: str = ""
    card_schema: str = SCHEMA  # the card schema, which names the canonical JSON hashed (``integrity``)
    status: str = "Active"
    successor_id: str | None = None
    successor_version: int | None = None
    status_reason: str = ""
    preceding_ids: tuple[str, ...] = ()  # earlier versions, oldest first (PACT precedingPfIds)
    stored_payload: str = Field(default="", exclude=True, repr=False)  # the canonical JSON as stored and hashed

    def payload(self) -> dict:
        """Return the hashed content: the disclosure plus the fixed snapshot metadata (no token, no status)."""
        return {
            "schema": self.card_schema,
            "snapshot": {"snapshot_id": self.snapshot_id, "model_code": self.model_code, "period": self.period,
                         "version": self.version, "created": self.created, "audience": self.audience},
            "disclosure": self.disclosure.model_dump(mode="json"),
        }

    def canonical_json(self) -> str:
        """Return the canonical JSON of ``payload()`` (what is stored and hashed)."""
        return integrity.canonical_text(self.payload())

    def content(self) -> dict:
        """Return the hashed content as stored (``payload()`` for a snapshot being made)."""
        return json.loads(self.stored_payload) if self.stored_payload else self.payload()

    @property
    def short_hash(self) -> str:
        """The first 12 hex digits of the content hash (for tables)."""
        return self.content_hash[:12]


def verify_snapshot(snapshot: Snapshot) -> bool:
    """Return True if the snapshot's content still hashes to its recorded SHA-256.

    A loaded snapshot is checked over the stored content (a later version of the models may dump the
    same content with new default fields), in the canonical form its schema names; a snapshot being
    made, over ``payload()``. Content that cannot be read or names no known schema does not verify.
    """
    try:
        return integrity.content_hash(snapshot.content()) == snapshot.content_hash
    except (ValueError, RecursionError):
        return False


@writes(Action.PUBLISH, target=lambda model_code, period, *a, result=None, **k: f"{model_code} {period} v{result.version}")
def publish(db: Database, principal: Principal, model_code: str, period: str, set_id: str | None = None,
            audience: str = "customers") -> Snapshot:
    """Publish the latest inventory of ``model_code`` in ``period`` as a new immutable snapshot version, in one step.

    Single-step publishing is for organisations that switched four eyes off, local mode and the
    command line; a signed-in user of an organisation with four eyes on requests publication and a
    second person approves it (``publish.review``). Raises ``ReviewRequired`` then, ``NotPublishable``
    if the card checklist has blocking gaps, ``NotFound`` if the model or period does not exist,
    ``UnknownAudience`` for an unknown audience, ``PublicUrlMissing`` / ``PublicUrlNotPublic`` for a
    shared card without a public address customers reach.
    """
    org_id = store.load_product(db, model_code).org_id
    require_member(principal, org_id)
    if principal.kind == PrincipalKind.USER and store.load_settings(db, org_id).four_eyes:
        raise ReviewRequired(org=org_id)
    return create_snapshot(db, principal, model_code, period, set_id, audience)


def checked_disclosure(db: Database, model_code: str, period: str, set_id: str | None, audience: str) -> Disclosure:
    """Build the disclosure to publish; raise ``UnknownAudience``, ``PublicUrlMissing`` / ``PublicUrlNotPublic``
    or ``NotPublishable`` (blocking card gaps)."""
    org_id = store.load_product(db, model_code).org_id
    if audience not in AUDIENCES:
        raise UnknownAudience(audience=audience, choices=", ".join(AUDIENCES))
    require_public_base_url(db, org_id, audience)  # a shared card's QR must reach customers
    disclosure = build_disclosure(db, model_code, period, set_id)
    checks = readiness(disclosure, audience=audience)["card"]
    if blocking_gaps(checks):
        raise NotPublishable(target=Msg("publish.target.card"), gaps=gaps_message(checks))
    return disclosure


def create_snapshot(db: Database, principal: Principal, model_code: str, period: str, set_id: str | None,
                    audience: str, expected_hash: str | None = None) -> Snapshot:
    """Write a new snapshot version (unchecked: call from a checked write, inside its transaction).

    ``expected_hash``: the disclosure hash a reviewer approved; ``DataChanged`` if the data moved since.
    The previous Active version of the same model and period becomes Deprecated, linked to the new one.
    """
    disclosure = checked_disclosure(db, model_code, period, set_id, audience)
    if expected_hash is not None and disclosure_hash(disclosure) != expected_hash:
        raise DataChanged(model=model_code, period=period)
    with store.write_transaction(db):
        previous = _latest_row(db, model_code, period)
        snapshot = Snapshot(
            snapshot_id=str(uuid.uuid4()), model_code=model_code, period=period,
            version=(previous["version"] if previous else 0) + 1, created=store.now(), audience=audience,
            token=secrets.token_urlsafe(32), content_hash="", disclosure=disclosure, author=principal.label,
        )
        payload = snapshot.payload()
        db.table("published_snapshots").insert({
            "snapshot_id": snapshot.snapshot_id, "model_code": model_code, "period": period,
            "version": snapshot.version, "token": snapshot.token, "created": snapshot.created,
            "audience": audience, "author": principal.label, "payload": integrity.canonical_text(payload),
            "content_hash": integrity.content_hash(payload),
        })
        _record_event(db, snapshot.snapshot_id, "Active")
        if previous and current_status(db, previous["snapshot_id"]) == "Active":
            _record_event(db, previous["snapshot_id"], "Deprecated", successor_id=snapshot.snapshot_id)
    return load_snapshot(db, snapshot.snapshot_id)


def disclosure_hash(disclosure: Disclosure) -> str:
    """SHA-256 of a disclosure's canonical JSON: what a reviewer approves is exactly what is published."""
    return store.content_hash(disclosure.model_dump(mode="json"))


@writes(Action.WITHDRAW, target=lambda snapshot_id, reason, result=None: f"{result.model_code} {result.period} v{result.version}")
def withdraw(db: Database, principal: Principal, snapshot_id: str, reason: str) -> Snapshot:
    """Record that a snapshot is withdrawn, with the reason buyers will see on the card.

    Raises ``NotFound`` for an unknown snapshot, ``ReasonRequired`` if the reason is empty, ``AlreadyWithdrawn`` if the snapshot is
    already withdrawn, ``TextRejected`` if the reason contains markup.
    """
    if not reason or not reason.strip():
        raise ReasonRequired()
    text = check_text(reason, limit=500)
    with store.write_transaction(db):
        snapshot = load_snapshot(db, snapshot_id)
        require_member(principal, snapshot.disclosure.organisation.org_id)
        if snapshot.status == "Withdrawn":
            raise AlreadyWithdrawn(version=snapshot.version)
        _record_event(db, snapshot_id, "Withdrawn", reason=text)
    return load_snapshot(db, snapshot_id)


def current_status(db: Database, snapshot_id: str) -> str:
    """Return Active, Deprecated or Withdrawn, derived from the latest status event."""
    return _status_info(db, snapshot_id)["status"]


def load_snapshot(db: Database, snapshot_id: str | None = None, token: str | None = None) -> Snapshot:
    """Return a snapshot by id or by its card token, with its current status.

    Raises ``NotFound`` if there is no such snapshot.
    """
    column, value = ("snapshot_id", snapshot_id) if snapshot_id else ("token", token)
    rows = list(db.query(f"select * from published_snapshots where {column} = ?", [value or ""]))
    if not rows or not value:
        raise NotFound(what=Msg("what.snapshot"), ident=snapshot_id or "…")
    return _from_row(db, rows[0])


def list_snapshots(db: Database, model_code: str | None = None, period: str | None = None) -> list[Snapshot]:
    """Return snapshots (of one model, and period if given), newest version first within each model/period."""
    where = [c for c, v in (("model_code = ?", model_code), ("period = ?", period)) if v]
    sql = "select * from published_snapshots" + (" where " + " and ".join(where) if where else "")
    rows = db.query(sql + " order by model_code, period desc, version desc", [v for v in (model_code, period) if v])
    return [_from_row(db, row) for row in rows]


def latest_snapshot(db: Database, model_code: str, period: str) -> Snapshot:
    """Return the newest version published for a model and period. Raises ``NotFound`` if none."""
    row = _latest_row(db, model_code, period)
    if row is None:
        raise NotFound("publish.error.no_snapshot", model=model_code, period=period)
    return _from_row(db, row)


def snapshot_table(snapshots: list[Snapshot], lang: str = "zh", tz=None) -> pd.DataFrame:
    """One row per snapshot for display: version, period, status, created (local in ``tz``), audience, total, hash, token."""
    rows = [{"snapshot_id": s.snapshot_id, "version": s.version, "period": s.period,
             "status": t(f"publish.status.{s.status}", lang), "created": format_time(s.created, tz),
             "audience": t(f"publish.audience.{s.audience}", lang), "total_kg_co2e": s.disclosure.total_kg_co2e,
             "hash": s.short_hash, "token": s.token} for s in snapshots]
    return pd.DataFrame(rows, columns=["snapshot_id", "version", "period", "status", "created", "audience",
                                       "total_kg_co2e", "hash", "token"])


def _latest_row(db: Database, model_code: str, period: str) -> dict | None:
    rows = list(db.query("select * from published_snapshots where model_code = ? and period = ? "
                         "order by version desc limit 1", [model_code, period]))
    return rows[0] if rows else None


def _record_event(db: Database, snapshot_id: str, status: str, successor_id: str = "", reason: str = "") -> None:
    db.table("snapshot_status_events").insert({
        "snapshot_id": snapshot_id, "status": status, "successor_id": successor_id, "reason": reason,
        "created": store.now(),
    })


def _status_info(db: Database, snapshot_id: str) -> dict:
    events = list(db.query("select status, successor_id, reason from snapshot_status_events "
                           "where snapshot_id = ? order by id", [snapshot_id]))
    info = {"status": "Active", "successor_id": None, "reason": ""}
    for event in events:
        info["status"] = event["status"]
        if event["successor_id"]:
            info["successor_id"] = event["successor_id"]
        if event["status"] == "Withdrawn":
            info["reason"] = event["reason"] or ""
    return info


def _from_row(db: Database, row: dict) -> Snapshot:
    payload = json.loads(row["payload"])
    info = _status_info(db, row["snapshot_id"])
    successor = list(db.query("select version from published_snapshots where snapshot_id = ?",
                              [info["successor_id"] or ""]))
    preceding = [r["snapshot_id"] for r in db.query(
        "select snapshot_id from published_snapshots where model_code = ? and period = ? and version < ? "
        "order by version", [row["model_code"], row["period"], row["version"]])]
    return Snapshot(
        snapshot_id=row["snapshot_id"], model_code=row["model_code"], period=row["period"],
        version=row["version"], created=row["created"], audience=row["audience"], token=row["token"],
        content_hash=row["content_hash"], disclosure=Disclosure.model_validate(payload["disclosure"]),
        author=row["author"] or "", card_schema=payload.get("schema", ""), status=info["status"], successor_id=info["successor_id"],
        successor_version=successor[0]["version"] if successor else None, status_reason=info["reason"],
        preceding_ids=tuple(preceding), stored_payload=row["payload"],
    )
