"""The system-boundary editor: boundary type, included stages, excluded processes with reasons, rules.

A stage is left out of a study by unticking it *and* giving a reason (an excluded process of that
stage); a stage without lines and without a reason stays "missing" everywhere (``models.stage_coverage``).
Saving appends a revision of the inventory with the new boundary; its lines are kept.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from pydantic import ValidationError
from sqlite_utils import Database

from cfp_core import store
from cfp_core.access import Action, Principal, require
from cfp_core.errors import NoChanges, NotFound
from cfp_core.i18n import t
from cfp_core.models import (
    STAGES,
    BoundaryType,
    ExcludedProcess,
    Inventory,
    LifecycleStage,
    ReportingPeriod,
    SystemBoundary,
    stage_coverage,
)
from cfp_core.validation import describe

EXCLUDED_COLUMNS = ("stage", "process", "reason")


def coverage_frame(inventory: Inventory, lang: str) -> pd.DataFrame:
    """One row per stage: ``stage``, ``stage_label``, ``status`` (entered/excluded/missing), ``status_label``, ``lines``."""
    coverage = stage_coverage(inventory)
    return pd.DataFrame([{"stage": s.value, "stage_label": t(f"stage.{s.value}", lang), "status": coverage[s].value,
                          "status_label": t(f"boundary.status.{coverage[s].value}", lang),
                          "lines": len(inventory.lines_in(s))} for s in STAGES])


def excluded_frame(boundary: SystemBoundary, lang: str) -> pd.DataFrame:
    """The excluded processes as an editable frame (stage label, process and reason in the reader's language)."""
    rows = [{"stage": t(f"stage.{e.stage.value}", lang),
             "process": (e.process_en or e.process_zh) if lang == "en" else e.process_zh,
             "reason": (e.reason_en or e.reason_zh) if lang == "en" else (e.reason_zh or e.reason_en)}
            for e in boundary.excluded]
    return pd.DataFrame(rows, columns=list(EXCLUDED_COLUMNS))


def edited_boundary(
    base: SystemBoundary, lang: str, *, boundary: str, included: Sequence[str], excluded: pd.DataFrame,
    cutoff_rule: str = "", allocation_rule: str = "", exempted_percent: float = 0.0,
) -> tuple[SystemBoundary | None, list[str]]:
    """Validate the boundary form; return ``(boundary, [])`` or ``(None, localized issues)``.

    Excluded-process rows are entered in ``lang``: an unchanged row keeps its other-language text.
    Every stage left out needs a reason (an excluded process of that stage), else it is reported.
    """
    stages = {t(f"stage.{s.value}", code): s for code in ("zh", "en") for s in STAGES} | {s.value: s for s in STAGES}
    old = {(e.stage, (e.process_en or e.process_zh) if lang == "en" else e.process_zh): e for e in base.excluded}
    issues, processes = [], []
    for number, row in enumerate(excluded.to_dict("records"), start=1):
        text = {c: "" if pd.isna(row.get(c)) else str(row.get(c)).strip() for c in EXCLUDED_COLUMNS}
        if not any(text.values()):
            continue
        stage = stages.get(text["stage"])
        if stage is None or not text["process"] or not text["reason"]:
            issues.append(t("boundary.issue.row", lang, row=number))
            continue
        kept = old.get((stage, text["process"]))
        other = "zh" if lang == "en" else "en"
        processes.append(ExcludedProcess(
            stage=stage, process_zh=text["process"] if lang == "zh" else (kept.process_zh if kept else text["process"]),
            process_en=text["process"] if lang == "en" else (kept.process_en if kept else ""),
            reason_zh=text["reason"] if lang == "zh" else (getattr(kept, f"reason_{other}") if kept else ""),
            reason_en=text["reason"] if lang == "en" else (getattr(kept, f"reason_{other}") if kept else "")))
    reasons = {p.stage for p in processes}
    for stage in STAGES:
        if stage.value not in included and stage not in reasons:
            issues.append(t("boundary.issue.reason", lang, stage=t(f"stage.{stage.value}", lang)))
    try:
        result = SystemBoundary(boundary=BoundaryType(boundary), included_stages=tuple(
            LifecycleStage(s) for s in STAGES if s.value in included), excluded=tuple(processes),
            cutoff_rule=cutoff_rule, allocation_rule=allocation_rule, exempted_percent=exempted_percent)
    except ValidationError as error:
        return None, issues + describe(error, lang)
    return (None, issues) if issues else (result, [])


def save_boundary(db: Database, principal: Principal, model_code: str, period: ReportingPeriod,
                  boundary: SystemBoundary, comment: str = "", factor_set_id: str | None = None) -> int:
    """Append a revision of the inventory with ``boundary`` (and ``factor_set_id``; lines kept); return its number.

    A period without data gets an inventory without lines. Raises ``NoChanges`` if nothing changed,
    ``NotFound`` for an unknown factor set, ``PermissionDenied`` if ``principal`` may not edit this
    organisation's data.
    """
    require(principal, Action.SAVE_INVENTORY)
    try:
        base = store.load_inventory(db, model_code, period.label)
    except NotFound:
        base = Inventory(model_code=model_code, period=period, illustrative=store.load_product(db, model_code).illustrative)
    set_id = factor_set_id or base.factor_set_id
    store.load_factor_set(db, set_id)
    if (base.boundary, base.factor_set_id) == (boundary, set_id) and store.latest_revision(db, model_code, period.label):
        raise NoChanges(revision=store.latest_revision(db, model_code, period.label))
    return store.save_inventory(db, principal, base.model_copy(update={"boundary": boundary, "factor_set_id": set_id}),
                                comment=comment)
