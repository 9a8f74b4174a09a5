"""PCF requests from customers' systems (PACT ``RequestCreatedEvent``) and the approvers' answers.

The disclosure server stores each request in its own database (``store.exchange``); the workspace
lists them (``pcf_requests``) and an approver answers once: ``fulfil_pcf_request`` with published
footprints, or ``reject_pcf_request`` with a reason. The answer is an append-only row of the
workspace store; the disclosure server reads it and sends RequestFulfilledEvent / RequestRejectedEvent
to the requester, retrying with back-off.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from cfp_core import store
from cfp_core.access import Action, Principal, require_member
from cfp_core.errors import NothingToFulfil, ReasonRequired, RequestAlreadyAnswered
from cfp_core.i18n import Msg
from cfp_core.publish.readiness import EXTERNAL_AUDIENCES
from cfp_core.publish.snapshots import load_snapshot
from cfp_core.store.audit import writes
from cfp_core.store.exchange import PcfRequest
from cfp_core.text import check_text


@dataclass(frozen=True)
class Decision:
    """An approver's answer to a PCF request."""

    request_id: str
    decision: str  # fulfilled | rejected
    pf_ids: tuple[str, ...]
    error_code: str
    message: str
    decided: str
    author: str


def decision_for(db: Database, request_id: str) -> Decision | None:
    """Return the recorded answer to a PCF request, or None."""
    rows = list(db.query("select * from pcf_request_decisions where request_id = ?", [request_id]))
    return _decision(rows[0]) if rows else None


def list_decisions(db: Database, since_id: int = 0) -> list[tuple[int, Decision]]:
    """Return (row id, answer) pairs recorded after ``since_id``, oldest first (the server's feed)."""
    rows = db.query("select * from pcf_request_decisions where id > ? order by id", [since_id])
    return [(row["id"], _decision(row)) for row in rows]


def pcf_requests(db: Database, exchange: str | Path | None = None, org_id: str | None = None,
                 open_only: bool = True) -> list[tuple[PcfRequest, Decision | None]]:
    """Return the PCF requests of an organisation with their answers (open ones only, by default)."""
    pairs = [(r, decision_for(db, r.request_id)) for r in store.list_pcf_requests(exchange, org_id)]
    return [(r, d) for r, d in pairs if not open_only or (d is None and r.state == "open")]


@writes(Action.ANSWER_PCF_REQUEST, target=lambda request, pf_ids, result=None: request.request_id)
def fulfil_pcf_request(db: Database, principal: Principal, request: PcfRequest, pf_ids: list[str]) -> Decision:
    """Answer a PCF request with published footprints (snapshot ids) the requesting client may read.

    Raises ``RequestAlreadyAnswered``, ``NothingToFulfil`` (no id, or one the client may not read),
    ``NotFound`` for an unknown snapshot or API client.
    """
    require_member(principal, request.org_id)
    _unanswered(db, request)
    client = store.load_api_client(db, request.client_id)
    chosen = tuple(dict.fromkeys(pf_ids))
    for pf_id in chosen:
        snapshot = load_snapshot(db, pf_id)
        if snapshot.audience not in EXTERNAL_AUDIENCES or not client.may_read(
                snapshot.disclosure.organisation.org_id, snapshot.model_code):
            raise NothingToFulfil(ident=request.request_id)
    if not chosen:
        raise NothingToFulfil(ident=request.request_id)
    return _record(db, principal, request, "fulfilled", chosen, "", "")


@writes(Action.ANSWER_PCF_REQUEST, target=lambda request, message, result=None: request.request_id)
def reject_pcf_request(db: Database, principal: Principal, request: PcfRequest, message: str) -> Decision:
    """Answer a PCF request with a rejection and the reason the requester will read.

    Raises ``RequestAlreadyAnswered``, ``ReasonRequired`` / ``TextRejected`` for an empty or marked-up reason.
    """
    require_member(principal, request.org_id)
    if not message or not message.strip():
        raise ReasonRequired()
    _unanswered(db, request)
    return _record(db, principal, request, "rejected", (), "NotFound", check_text(message, limit=500))


def _unanswered(db: Database, request: PcfRequest) -> None:
    if (done := decision_for(db, request.request_id)) is not None or request.state != "open":
        decision = done.decision if done else request.state
        raise RequestAlreadyAnswered(ident=request.request_id, decision=Msg(f"server.decision.{decision}"))


def _record(db, principal, request, decision, pf_ids, code, message) -> Decision:
    db.table("pcf_request_decisions").insert({
        "request_id": request.request_id, "decision": decision, "pf_ids": json.dumps(list(pf_ids)),
        "error_code": code, "message": message, "decided": store.now(), "author": principal.label})
    return decision_for(db, request.request_id)


def _decision(row: dict) -> Decision:
    return Decision(request_id=row["request_id"], decision=row["decision"], pf_ids=tuple(json.loads(row["pf_ids"])),
                    error_code=row["error_code"] or "", message=row["message"] or "", decided=row["decided"],
                    author=row["author"] or "")
