"""Review before publishing (four eyes): request, approve or reject; only an approval creates a snapshot.

An editor requests publication of one model and period (factor set, audience, a note). The request
records the hash of exactly the disclosure that would be published; an approver — another person
when four eyes are on — sees what changes against the last published version (``review_summary``)
and approves or rejects it with a reason. Approval publishes that very disclosure (``DataChanged``
if the data moved since the request). Requests and decisions are append-only rows and audit events.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sqlite_utils import Database

from cfp_core import store
from cfp_core.access import Action, Principal, PrincipalKind, require_member
from cfp_core.errors import NotFound, ReasonRequired, RequestClosed, SelfApproval
from cfp_core.i18n import Msg, t
from cfp_core.numbers import format_time
from cfp_core.publish.disclosure import Disclosure
from cfp_core.publish.readiness import Check, readiness
from cfp_core.publish.snapshots import Snapshot, checked_disclosure, create_snapshot, disclosure_hash, latest_snapshot
from cfp_core.store.audit import writes
from cfp_core.text import check_text

OPEN, APPROVED, REJECTED, CANCELLED = "open", "approved", "rejected", "cancelled"


@dataclass(frozen=True)
class Request:
    """One publication request and its decision, if any."""

    request_id: int
    org_id: str
    model_code: str
    period: str
    set_id: str
    audience: str
    note: str
    disclosure_hash: str
    requested_by: str  # subject
    requested_label: str
    requested_at: str
    status: str = OPEN
    decided_by: str = ""
    decided_label: str = ""
    decided_at: str = ""
    reason: str = ""
    snapshot_id: str = ""


@dataclass(frozen=True)
class StageChange:
    """One stage's total in the last published version and in the request (None: stage absent there)."""

    stage: str
    published: float | None
    requested: float | None

    @property
    def delta(self) -> float | None:
        """Requested minus published, or None when the stage is new or gone."""
        if self.published is None or self.requested is None:
            return None
        return self.requested - self.published


@dataclass(frozen=True)
class ReviewSummary:
    """What an approver sees: the requested disclosure against the last published version."""

    request: Request
    requested: Disclosure
    previous: Snapshot | None
    stages: tuple[StageChange, ...]
    checks: dict[str, list[Check]]
    data_changed: bool  # the data moved since the request (approval would fail)

    @property
    def total_delta(self) -> float | None:
        """Requested total minus last published total (None for a first publication)."""
        if self.previous is None:
            return None
        return self.requested.total_kg_co2e - self.previous.disclosure.total_kg_co2e

    @property
    def total_delta_share(self) -> float | None:
        """The total change as a share of the last published total."""
        if self.previous is None or not self.previous.disclosure.total_kg_co2e:
            return None
        return self.total_delta / self.previous.disclosure.total_kg_co2e


def _target(*args, result=None, **kwargs) -> str:
    return f"#{result.request_id} {result.model_code} {result.period}" + (
        f" v{result.snapshot_id[:8]}" if result.snapshot_id else "")


@writes(Action.REQUEST_PUBLICATION, target=_target)
def request_publication(db: Database, principal: Principal, model_code: str, period: str, set_id: str | None = None,
                        audience: str = "customers", note: str = "") -> Request:
    """Ask for publication of ``model_code`` in ``period``; return the open request.

    Raises ``NotPublishable`` (blocking card gaps) and ``UnknownAudience`` now rather than at review.
    """
    org_id = store.load_product(db, model_code).org_id
    require_member(principal, org_id)
    disclosure = checked_disclosure(db, model_code, period, set_id, audience)
    row = {"org_id": org_id, "model_code": model_code, "period": period, "set_id": disclosure.factor_set_id,
           "audience": audience, "note": check_text(note, limit=1000) if note else "",
           "disclosure_hash": disclosure_hash(disclosure), "requested_by": principal.subject,
           "requested_label": principal.label, "requested_at": store.now()}
    request_id = db.table("publication_requests").insert(row).last_pk
    return load_request(db, request_id)


def _decide(db: Database, principal: Principal, request_id: int, decision: str, reason: str,
            snapshot_id: str = "") -> None:
    db.table("publication_decisions").insert({
        "request_id": request_id, "decision": decision, "reason": reason, "decided_by": principal.subject,
        "decided_label": principal.label, "decided_at": store.now(), "snapshot_id": snapshot_id,
    })


def _open_request(db: Database, principal: Principal, request_id: int) -> Request:
    request = load_request(db, request_id)
    require_member(principal, request.org_id)
    if request.status != OPEN:
        raise RequestClosed(request_id=request_id, status=Msg(f"review.status.{request.status}"))
    return request


@writes(Action.APPROVE_PUBLICATION, target=_target)
def approve(db: Database, principal: Principal, request_id: int, reason: str = "") -> Request:
    """Approve a request: publish exactly the reviewed disclosure as a new snapshot; return the closed request.

    Raises ``SelfApproval`` when four eyes are on and the approver requested it, ``DataChanged`` if
    the data changed since the request, ``RequestClosed`` if already decided.
    """
    request = _open_request(db, principal, request_id)
    four_eyes = store.load_settings(db, request.org_id).four_eyes
    if four_eyes and principal.kind == PrincipalKind.USER and principal.subject == request.requested_by:
        raise SelfApproval()
    snapshot = create_snapshot(db, principal, request.model_code, request.period, request.set_id, request.audience,
                               expected_hash=request.disclosure_hash)
    _decide(db, principal, request_id, APPROVED, check_text(reason, limit=1000) if reason else "", snapshot.snapshot_id)
    return load_request(db, request_id)


@writes(Action.REJECT_PUBLICATION, target=_target)
def reject(db: Database, principal: Principal, request_id: int, reason: str) -> Request:
    """Reject a request with the reason the requester will see. Raises ``ReasonRequired``, ``RequestClosed``."""
    if not reason or not reason.strip():
        raise ReasonRequired("review.error.reason_required")
    _open_request(db, principal, request_id)
    _decide(db, principal, request_id, REJECTED, check_text(reason, limit=1000))
    return load_request(db, request_id)


def load_request(db: Database, request_id: int) -> Request:
    """Return one request with its decision. Raises ``NotFound``."""
    rows = list(db.query(_SELECT + " where r.request_id = ?", [int(request_id)]))
    if not rows:
        raise NotFound(what=Msg("what.request"), ident=str(request_id))
    return _request(rows[0])


def list_requests(db: Database, org_id: str, status: str | None = None) -> list[Request]:
    """Return the organisation's requests, newest first (``status``: open, approved, rejected)."""
    requests = [_request(r) for r in db.query(_SELECT + " where r.org_id = ? order by r.request_id desc", [org_id])]
    return [r for r in requests if status is None or r.status == status]


def review_summary(db: Database, request: Request) -> ReviewSummary:
    """What changes against the last published version: stages, total Δ, readiness, factor and GWP sets."""
    requested = checked_disclosure(db, request.model_code, request.period, request.set_id, request.audience)
    try:
        previous = latest_snapshot(db, request.model_code, request.period)
    except NotFound:
        previous = None
    new = {s.stage.value: s.kg_co2e for s in requested.stages}
    old = {s.stage.value: s.kg_co2e for s in previous.disclosure.stages} if previous else {}
    stages = tuple(StageChange(stage, old.get(stage), new.get(stage)) for stage in dict.fromkeys([*new, *old]))
    return ReviewSummary(request=request, requested=requested, previous=previous, stages=stages,
                         checks=readiness(requested, audience=request.audience),
                         data_changed=disclosure_hash(requested) != request.disclosure_hash)


def stage_table(summary: ReviewSummary, lang: str = "zh") -> pd.DataFrame:
    """Stage rows and a total row: last published, requested, Δ (kgCO2e per declared unit, unrounded)."""
    rows = [{"stage": t(f"stage.{c.stage}", lang), "published": c.published, "requested": c.requested,
             "delta": c.delta} for c in summary.stages]
    previous = summary.previous.disclosure.total_kg_co2e if summary.previous else None
    rows.append({"stage": t("label.total", lang), "published": previous,
                 "requested": summary.requested.total_kg_co2e, "delta": summary.total_delta})
    return pd.DataFrame(rows, columns=["stage", "published", "requested", "delta"])


def request_table(requests: list[Request], lang: str = "zh", tz=None) -> pd.DataFrame:
    """One row per request for display, newest first; times local in ``tz`` (``numbers.format_time``)."""
    rows = [{"request_id": r.request_id, "model_code": r.model_code, "period": r.period,
             "status": t(f"review.status.{r.status}", lang), "requested_by": r.requested_label,
             "requested_at": format_time(r.requested_at, tz), "note": r.note, "decided_by": r.decided_label,
             "reason": r.reason} for r in requests]
    return pd.DataFrame(rows, columns=["request_id", "model_code", "period", "status", "requested_by",
                                       "requested_at", "note", "decided_by", "reason"])


_SELECT = ("select r.*, d.decision, d.decided_by, d.decided_label, d.decided_at, d.reason, d.snapshot_id "
           "from publication_requests r left join publication_decisions d on d.request_id = r.request_id")


def _request(row: dict) -> Request:
    return Request(
        request_id=row["request_id"], org_id=row["org_id"], model_code=row["model_code"], period=row["period"],
        set_id=row["set_id"] or "", audience=row["audience"], note=row["note"] or "",
        disclosure_hash=row["disclosure_hash"], requested_by=row["requested_by"],
        requested_label=row["requested_label"] or "", requested_at=row["requested_at"],
        status=row["decision"] or OPEN, decided_by=row["decided_by"] or "", decided_label=row["decided_label"] or "",
        decided_at=row["decided_at"] or "", reason=row["reason"] or "", snapshot_id=row["snapshot_id"] or "",
    )
