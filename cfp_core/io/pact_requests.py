"""PCF requests to suppliers and their answers (#10.5).

``send_pcf_request`` POSTs a ``RequestCreatedEvent.3`` CloudEvent to a supplier's ``/3/events``; its
``source`` is our disclosure server's ``/3/events`` (``$CFP_PUBLIC_URL`` or the organisation's public base
URL), where the supplier sends the answer. Our server already receives those answers: ``POST /3/events``
stores every RequestFulfilledEvent / RequestRejectedEvent in its own database (``received_events``), and it
writes nothing else. ``import_request_answers`` (the workspace, an editor) reads them from there read-only,
matches ``requestEventId`` to the requests we sent, passes the fulfilled footprints through the intake's two
gates into the supplier store, and records each answer once (append-only), so a request shows fulfilled or
rejected.
"""

from __future__ import annotations

import json
import os
import uuid
from datetime import UTC, datetime
from pathlib import Path

import httpx
from pydantic import BaseModel, ConfigDict
from sqlite_utils import Database

from cfp_core import store
from cfp_core.access import Action, Principal, require
from cfp_core.i18n import Msg
from cfp_core.io.connections import ConnectionInvalid, check_url, load_connection
from cfp_core.io.pact_pull import gate_all, session_for, store_accepted
from cfp_core.store.audit import writes

EVENT = "org.wbcsd.pact.ProductFootprint."  # the same names as cfp_core.server.filters (a higher floor)
REQUEST_CREATED, FULFILLED, REJECTED = (EVENT + kind + ".3" for kind in
                                        ("RequestCreatedEvent", "RequestFulfilledEvent", "RequestRejectedEvent"))


class SentRequest(BaseModel):
    """A PCF request we sent to a supplier, with its state: sent, fulfilled or rejected (and what came)."""

    model_config = ConfigDict(frozen=True)

    connection: str
    event_id: str
    criteria: dict
    comment: str = ""
    sent_at: str
    author: str = ""
    state: str = "sent"
    answer: dict = {}  # the recorded outcome of the answer: new/duplicate ids, refusals, or the supplier's error


def events_source(db: Database, org_id: str) -> str:
    """Our disclosure server's events URL for answers. Raises ``ConnectionInvalid`` if no public URL is set."""
    base = os.environ.get("CFP_PUBLIC_URL", "").strip() or store.load_settings(db, org_id).public_base_url
    if not base:
        raise ConnectionInvalid(field=Msg("connections.field.public_url"), reason=Msg("connections.reason.public_url"))
    return check_url(base, "public_url") + "/3/events"


def request_event(criteria: dict, comment: str, source: str) -> dict:
    """A RequestCreatedEvent CloudEvent (PACT v3) asking for footprints that meet ``criteria``."""
    data = {name: list(values) for name, values in criteria.items() if values}
    if comment.strip():
        data["comment"] = comment.strip()
    return {"type": REQUEST_CREATED, "specversion": "1.0", "id": str(uuid.uuid4()), "source": source,
            "time": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"), "data": data}


@writes(Action.FETCH_SUPPLIER, target=lambda name, event, *a, result=None, **k: f"{name} request {event['id']}")
def record_pcf_request(db: Database, principal: Principal, name: str, event: dict) -> SentRequest:
    """Record a PCF request the supplier accepted (editor role; audited; append-only)."""
    criteria = {k: v for k, v in event["data"].items() if k != "comment"}
    row = {"org_id": principal.org_id, "connection": name, "event_id": event["id"],
           "criteria": json.dumps(criteria, ensure_ascii=False), "comment": event["data"].get("comment", ""),
           "sent_at": store.now(), "author": principal.subject}
    db.table("supplier_requests").insert(row)
    return SentRequest(connection=name, event_id=event["id"], criteria=criteria, comment=row["comment"],
                       sent_at=row["sent_at"], author=principal.subject)


def send_pcf_request(db: Database, principal: Principal, name: str, product_ids, comment: str = "",
                     source: str | None = None, transport: httpx.BaseTransport | None = None,
                     **options) -> SentRequest:
    """Send a PCF request for ``product_ids`` to a connection's ``/3/events`` and record it once accepted.

    Raises ``PermissionDenied`` before any network call, ``ConnectionInvalid`` without product ids or public
    URL, and ``PullFailed`` if the supplier refuses or cannot be reached (nothing is recorded then).
    """
    require(principal, Action.FETCH_SUPPLIER)
    ids = [p.strip() for p in product_ids if p and p.strip()]
    if not ids:
        raise ConnectionInvalid(field=Msg("connections.field.product_id"), reason=Msg("connections.reason.empty"))
    connection = load_connection(db, principal.org_id, name)
    event = request_event({"productId": ids}, comment, source or events_source(db, principal.org_id))
    session = session_for(db, connection, transport, **options)
    try:
        session.post_event(json.dumps(event, ensure_ascii=False).encode("utf-8"))
    finally:
        session.close()
    return record_pcf_request(db, principal, connection.name, event)


def _answers(db: Database) -> dict[str, dict]:
    rows = db.execute("select request_event_id, kind, outcome from supplier_request_answers order by id").fetchall()
    return {r[0]: {"kind": r[1], **json.loads(r[2])} for r in rows}


def list_sent_requests(db: Database, org_id: str) -> list[SentRequest]:
    """Return the PCF requests we sent, newest first, each with its state (sent, fulfilled, rejected)."""
    answers = _answers(db)
    rows = db.query("select * from supplier_requests where org_id = ? order by id desc", [org_id])
    return [SentRequest(connection=r["connection"], event_id=r["event_id"], criteria=json.loads(r["criteria"]),
                        comment=r["comment"] or "", sent_at=r["sent_at"], author=r["author"] or "",
                        state=answers.get(r["event_id"], {}).get("kind", "sent"),
                        answer=answers.get(r["event_id"], {})) for r in rows]


def waiting_answers(db: Database, org_id: str, exchange: str | Path | None = None) -> list[dict]:
    """Return the answer events our disclosure server received for our requests and not yet imported."""
    target = Path(exchange) if exchange else store.exchange_path()
    if not target.exists():
        return []
    ours = {r[0] for r in db.execute("select event_id from supplier_requests where org_id = ?", [org_id]).fetchall()}
    done = {r[0] for r in db.execute("select answer_event_id from supplier_request_answers").fetchall()}
    source = store.open_readonly(target)
    try:
        rows = source.execute("select body from received_events where type in (?, ?) order by id",
                              [FULFILLED, REJECTED]).fetchall()
    finally:
        source.close()
    events = [json.loads(r[0]) for r in rows]
    return [e for e in events if isinstance(e.get("data"), dict) and str(e["data"].get("requestEventId")) in ours
            and str(e.get("id")) not in done]


@writes(Action.FETCH_SUPPLIER, target=lambda *a, result=None, **k: f"{len(result)} answer(s) imported")
def import_request_answers(db: Database, principal: Principal, exchange: str | Path | None = None) -> list[SentRequest]:
    """Import the answers to our PCF requests (editor role; audited); return the requests answered now.

    Fulfilled footprints go through both intake gates; refused ones are recorded with their problems and
    nothing of them is stored. Each answer event is recorded once, so a second run imports nothing.
    """
    answered = []
    for event in waiting_answers(db, principal.org_id, exchange):
        request_id, data = str(event["data"]["requestEventId"]), event["data"]
        if event["type"] == FULFILLED:
            pfs = data.get("pfs") if isinstance(data.get("pfs"), list) else []
            accepted, refused = gate_all([(f"data.pfs[{i}]", pf) for i, pf in enumerate(pfs)], "answer")
            new, duplicate = store_accepted(db, principal, accepted)
            outcome = {"new": new, "duplicate": duplicate, "refused": [r.model_dump() for r in refused]}
            kind = "fulfilled"
        else:
            error = data.get("error") if isinstance(data.get("error"), dict) else {}
            outcome = {"code": str(error.get("code", ""))[:80], "message": str(error.get("message", ""))[:2000]}
            kind = "rejected"
        db.table("supplier_request_answers").insert({
            "request_event_id": request_id, "answer_event_id": str(event.get("id")), "kind": kind,
            "received": str(event.get("time", "")), "outcome": json.dumps(outcome, ensure_ascii=False),
            "imported_at": store.now(), "author": principal.subject})
        answered.append(request_id)
    return [r for r in list_sent_requests(db, principal.org_id) if r.event_id in answered]

