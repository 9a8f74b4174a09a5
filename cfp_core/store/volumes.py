"""Production volumes per model and period, and reduction targets: append-only, one revision per save (#13.5).

Volumes: each save appends the entered (model, period, volume) rows as revision n of the organisation's
volumes; the newest row per (model, period) is the current volume. Targets: each save appends a revision
of one scope (a model, or the portfolio: ``model_code`` ""); the newest revision per scope is current.
The checked writes are ``save_volumes`` (editor) and ``save_target`` (editor or admin).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator
from sqlite_utils import Database

from cfp_core.access import Action, Principal, require_member
from cfp_core.errors import CfpError, NotFound
from cfp_core.i18n import Msg
from cfp_core.models import Frozen
from cfp_core.store import db as store
from cfp_core.store.audit import writes
from cfp_core.text import Identifier, ShortText

PORTFOLIO = ""  # the scope of a portfolio-wide target
MAX_VOLUME = 1e12
TargetKind = Literal["percent", "absolute"]


class VolumeRejected(CfpError, ValueError):
    """A save of production volumes holds nothing, or names a model that is not stored."""

    key = "mgmt.error.volumes"


class TargetRejected(CfpError, ValueError):
    """A reduction target's years or value do not make a target."""

    key = "mgmt.error.target"


class VolumeEntry(Frozen):
    """How many declared units of a model were produced in a period."""

    model_code: Identifier
    period: Identifier
    volume: float = Field(ge=0, le=MAX_VOLUME, allow_inf_nan=False)
    note: ShortText = ""


class ReductionTarget(Frozen):
    """A reduction target: by ``target_year``, ``value`` % below the ``baseline_year`` actual, or an absolute
    level (kgCO₂e per declared unit for a model, tCO₂e for the portfolio)."""

    model_code: str = PORTFOLIO
    baseline_year: int = Field(ge=1990, le=2100)
    target_year: int = Field(ge=1990, le=2100)
    kind: TargetKind = "percent"
    value: float = Field(ge=0, le=MAX_VOLUME, allow_inf_nan=False)
    note: ShortText = ""
    illustrative: bool = False

    @model_validator(mode="after")
    def target_after_baseline(self):
        if self.target_year <= self.baseline_year:
            raise TargetRejected(detail=Msg("mgmt.error.target_years", baseline=self.baseline_year,
                                            target=self.target_year))
        if self.kind == "percent" and not 0 < self.value <= 100:
            raise TargetRejected(detail=Msg("mgmt.error.target_percent", value=self.value))
        return self

    @property
    def is_portfolio(self) -> bool:
        """Return True for a portfolio-wide target."""
        return self.model_code == PORTFOLIO


def put_volumes(db: Database, org_id: str, entries: list[VolumeEntry], author: str = "", comment: str = "",
                illustrative: bool = False) -> int:
    """Append ``entries`` as the next revision of the organisation's volumes; return its number (unchecked)."""
    with store.write_transaction(db):
        current = next(iter(db.query("select max(revision) as r from production_volumes where org_id = ?",
                                     [org_id])))["r"]
        revision, at = (current or 0) + 1, store.now()
        db.table("production_volumes").insert_all([
            {"org_id": org_id, "revision": revision, "model_code": e.model_code, "period": e.period,
             "volume": e.volume, "note": e.note, "illustrative": int(illustrative), "created_at": at,
             "author": author, "comment": comment} for e in entries])
    return revision


@writes(Action.SAVE_VOLUMES, target=lambda entries, comment="", result=None: f"volumes r{result}: {len(entries)} row(s)")
def save_volumes(db: Database, principal: Principal, entries: list[VolumeEntry], comment: str = "") -> int:
    """Store production volumes of the principal's organisation's models as a new revision; return its number.

    Raises ``VolumeRejected`` for no entries or a model that is not stored, ``PermissionDenied`` without the
    editor role or for another organisation's model. Nothing is written unless every entry is accepted.
    """
    if not entries:
        raise VolumeRejected(detail=Msg("mgmt.error.no_volumes"))
    for entry in entries:
        try:
            require_member(principal, store.load_product(db, entry.model_code).org_id)
        except NotFound:
            raise VolumeRejected(detail=Msg("mgmt.error.unknown_model", model=entry.model_code)) from None
    return put_volumes(db, principal.org_id, list(entries), principal.label, comment)


def current_volumes(db: Database) -> dict[tuple[str, str], dict]:
    """Return ``{(model_code, period): row}`` of the newest volume of each model and period.

    A row holds ``volume``, ``revision``, ``illustrative`` (bool), ``created_at``, ``author`` and ``note``.
    """
    rows = db.query("select * from production_volumes order by revision, id")
    return {(r["model_code"], r["period"]): {**r, "illustrative": bool(r["illustrative"])} for r in rows}


def volume_revisions(db: Database) -> list[dict]:
    """Return one row per saved revision of volumes, newest first: revision, created_at, author, rows."""
    return list(db.query("""select revision, min(created_at) as created_at, min(author) as author, count(*) as rows
                            from production_volumes group by org_id, revision order by revision desc"""))


def put_target(db: Database, org_id: str, target: ReductionTarget, author: str = "") -> int:
    """Append a revision of the target of ``target.model_code`` (or the portfolio); return its number (unchecked)."""
    with store.write_transaction(db):
        current = next(iter(db.query("select max(revision) as r from reduction_targets where org_id = ? and "
                                     "model_code = ?", [org_id, target.model_code])))["r"]
        revision = (current or 0) + 1
        db.table("reduction_targets").insert({
            "org_id": org_id, "model_code": target.model_code, "revision": revision,
            "baseline_year": target.baseline_year, "target_year": target.target_year, "kind": target.kind,
            "value": target.value, "note": target.note, "illustrative": int(target.illustrative),
            "created_at": store.now(), "author": author})
    return revision


@writes(Action.SAVE_TARGET, target=lambda target, result=None: f"target {target.model_code or 'portfolio'} r{result}")
def save_target(db: Database, principal: Principal, target: ReductionTarget) -> int:
    """Store a reduction target of one of the principal's models (or its portfolio) as a new revision.

    Raises ``TargetRejected`` for a model that is not stored, ``PermissionDenied`` without the editor or
    admin role or for another organisation's model.
    """
    if not target.is_portfolio:
        try:
            require_member(principal, store.load_product(db, target.model_code).org_id)
        except NotFound:
            raise TargetRejected(detail=Msg("mgmt.error.unknown_model", model=target.model_code)) from None
    return put_target(db, principal.org_id, target.model_copy(update={"illustrative": False}), principal.label)


def current_targets(db: Database) -> list[ReductionTarget]:
    """Return the newest target of each scope, the portfolio first, then models by code."""
    rows = db.query("""select * from reduction_targets t where revision = (select max(revision) from
                       reduction_targets u where u.org_id = t.org_id and u.model_code = t.model_code)
                       order by model_code""")
    fields = ("model_code", "baseline_year", "target_year", "kind", "value", "note", "illustrative")
    return [ReductionTarget(**{k: r[k] for k in fields}) for r in rows]
