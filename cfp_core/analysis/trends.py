"""Footprints over reporting periods, and why they changed: activity effect vs factor effect.

The change between two periods of E = Σ aᵢ·fᵢ (aᵢ activity in factor units, fᵢ kgCO2e per
factor unit) is split with the symmetric Shapley two-factor decomposition, which leaves no
residual: activity effect = Σ Δaᵢ·(fᵢ,A + fᵢ,B)/2, factor effect = Σ Δfᵢ·(aᵢ,A + aᵢ,B)/2.
Lines are matched by (stage, factor key, factor unit); a line present in one period only is
new or removed activity and counts fully as activity effect.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from cfp_core.calculate import Footprint, LineResult
from cfp_core.factors import FactorFamily
from cfp_core.frames import stage_label
from cfp_core.i18n import t
from cfp_core.models import STAGES, Inventory, ProductModel

METHOD_KEY = "trends.method"
EFFECTS = ("activity", "factor")
MAX_TREND_MODELS = 12  # lines one trend chart can show apart; the export keeps every model


def model_label(model_code: str, products: dict[str, ProductModel], lang: str = "zh") -> str:
    """Return the model code, marked "（示例）"/"(illustrative)" for demo data."""
    product = products.get(model_code)
    if product is not None and product.illustrative:
        return t("analysis.illustrative_mark", lang, model=model_code)
    return model_code


def trend_frame(points: Sequence[tuple[str, Footprint]], products: dict[str, ProductModel] | None = None,
                lang: str = "zh") -> pd.DataFrame:
    """Return one row per model and period, sorted: the total and its change from the model's previous period.

    Columns: ``model``, ``model_label``, ``period``, ``total_kg_co2e``, ``cradle_to_gate_kg_co2e``,
    ``factor_set_id``, ``change_kg_co2e`` and ``change_pct`` (NaN for a model's first period),
    ``illustrative``.
    """
    products = products or {}
    codes = dict.fromkeys(fp.model_code for _, fp in points)  # one label per model, not per point
    labels = {code: model_label(code, products, lang) for code in codes}
    demo = {code: bool(products.get(code) and products[code].illustrative) for code in codes}
    rows = [(fp.model_code, labels[fp.model_code], period, fp.total_kg_co2e, fp.cradle_to_gate_kg_co2e,
             fp.factor_set_id, demo[fp.model_code]) for period, fp in points]
    columns = ["model", "model_label", "period", "total_kg_co2e", "cradle_to_gate_kg_co2e", "factor_set_id",
               "illustrative"]
    frame = pd.DataFrame(rows, columns=columns).sort_values(["model", "period"], ignore_index=True)
    previous = frame.groupby("model")["total_kg_co2e"].shift(1)
    return frame.assign(change_kg_co2e=frame["total_kg_co2e"] - previous,
                        change_pct=(frame["total_kg_co2e"] - previous) / previous * 100)


def leading_models(trend: pd.DataFrame, limit: int = MAX_TREND_MODELS) -> tuple[pd.DataFrame, int, int]:
    """Return the rows of at most ``limit`` models of a ``trend_frame``, and (shown, total) model counts.

    With more models than a line chart can show, the ones kept are those with the largest footprint in
    their latest period (ties by model code), real data before demo data; rows keep their order.
    """
    total = trend["model"].nunique()
    if total <= limit:
        return trend, total, total
    latest = trend.groupby("model", sort=False).tail(1)
    ranked = latest.sort_values(["illustrative", "total_kg_co2e", "model"], ascending=[True, False, True])
    kept = set(ranked["model"].head(limit))
    return trend[trend["model"].isin(kept)].reset_index(drop=True), limit, total


@dataclass(frozen=True)
class EffectGroup:
    """One matched line group (stage, factor key, factor unit) in two periods."""

    stage: str
    factor_key: str
    factor_unit: str
    activity: str  # the line's activity text (as entered)
    status: str  # matched | new | removed
    activity_a: float  # in factor units
    activity_b: float
    factor_a: float  # kgCO2e per factor unit
    factor_b: float
    kg_a: float
    kg_b: float
    activity_effect: float
    factor_effect: float


@dataclass(frozen=True)
class Decomposition:
    """The change of one model's footprint between two periods, split into activity and factor effects."""

    model_code: str
    period_a: str
    period_b: str
    total_a: float
    total_b: float
    groups: tuple[EffectGroup, ...]

    @property
    def change(self) -> float:
        """Return total(b) − total(a) in kgCO2e."""
        return self.total_b - self.total_a

    @property
    def activity_effect(self) -> float:
        """Return the part of the change due to activity (efficiency, new or removed activity)."""
        return math.fsum(g.activity_effect for g in self.groups)

    @property
    def factor_effect(self) -> float:
        """Return the part of the change due to emission factors (e.g. a cleaner grid)."""
        return math.fsum(g.factor_effect for g in self.groups)


def _match_key(line: LineResult) -> tuple[str, str, str]:
    key = f"custom:{line.activity}" if line.family == FactorFamily.CUSTOM else line.factor_key
    return (line.stage.value, key, line.factor_unit)


def _collect(footprint: Footprint) -> dict[tuple[str, str, str], list[LineResult]]:
    groups: dict[tuple[str, str, str], list[LineResult]] = {}
    for line in footprint.lines:
        groups.setdefault(_match_key(line), []).append(line)
    return groups


def _activity_and_factor(lines: list[LineResult] | None) -> tuple[float, float, float]:
    if not lines:
        return 0.0, 0.0, 0.0
    activity = math.fsum(r.amount_in_factor_unit for r in lines)
    kg = math.fsum(r.kg_co2e for r in lines)
    factors = {r.factor_value * r.gwp for r in lines}
    # One factor for the group (the usual case): use it as is, so an unchanged factor has a zero effect.
    factor = factors.pop() if len(factors) == 1 or not activity else kg / activity
    return activity, factor, kg


def _group(key: tuple[str, str, str], lines_a: list | None, lines_b: list | None) -> EffectGroup:
    a_a, f_a, kg_a = _activity_and_factor(lines_a)
    a_b, f_b, kg_b = _activity_and_factor(lines_b)
    if lines_a and lines_b:
        status = "matched"
        activity_effect = (a_b - a_a) * (f_a + f_b) / 2
        factor_effect = (f_b - f_a) * (a_a + a_b) / 2
    else:
        status = "new" if lines_b else "removed"
        activity_effect, factor_effect = kg_b - kg_a, 0.0
    first = (lines_b or lines_a)[0]
    return EffectGroup(stage=key[0], factor_key=first.factor_key, factor_unit=key[2], activity=first.activity,
                       status=status, activity_a=a_a, activity_b=a_b, factor_a=f_a, factor_b=f_b, kg_a=kg_a,
                       kg_b=kg_b, activity_effect=activity_effect, factor_effect=factor_effect)


def decompose_change(inv_a: Inventory, fp_a: Footprint, inv_b: Inventory, fp_b: Footprint) -> Decomposition:
    """Split footprint(b) − footprint(a) into activity and factor effects (Shapley, no residual).

    ``fp_a``/``fp_b`` are the footprints of ``inv_a``/``inv_b`` (each under the factor set chosen
    for it). The two effects sum to the change of the total. Raises nothing.
    """
    groups_a, groups_b = _collect(fp_a), _collect(fp_b)
    order = [s.value for s in STAGES]
    keys = sorted(dict.fromkeys([*groups_a, *groups_b]), key=lambda k: order.index(k[0]))
    return Decomposition(
        model_code=inv_b.model_code, period_a=inv_a.period.label, period_b=inv_b.period.label,
        total_a=fp_a.total_kg_co2e, total_b=fp_b.total_kg_co2e,
        groups=tuple(_group(k, groups_a.get(k), groups_b.get(k)) for k in keys),
    )


def decomposition_frame(decomposition: Decomposition, lang: str = "zh") -> pd.DataFrame:
    """Return one row per line group: stage label, activity, status label, both effects and the change."""
    rows = [{"stage": g.stage, "stage_label": stage_label(g.stage, lang), "activity": g.activity,
             "status": g.status, "status_label": t(f"trends.status.{g.status}", lang),
             "activity_a": g.activity_a, "activity_b": g.activity_b, "factor_unit": g.factor_unit,
             "factor_a": g.factor_a, "factor_b": g.factor_b, "kg_a": g.kg_a, "kg_b": g.kg_b,
             "activity_effect": g.activity_effect, "factor_effect": g.factor_effect,
             "change": g.kg_b - g.kg_a} for g in decomposition.groups]
    return pd.DataFrame(rows, columns=["stage", "stage_label", "activity", "status", "status_label", "activity_a",
                                       "activity_b", "factor_unit", "factor_a", "factor_b", "kg_a", "kg_b",
                                       "activity_effect", "factor_effect", "change"])


def decomposition_long(decomposition: Decomposition, lang: str = "zh") -> pd.DataFrame:
    """Return per-stage effects for the chart: ``stage``, ``stage_label``, ``effect``, ``effect_label``, ``kg_co2e``."""
    rows = []
    for stage in (s.value for s in STAGES):
        groups = [g for g in decomposition.groups if g.stage == stage]
        if not groups:
            continue
        for effect in EFFECTS:
            rows.append({"stage": stage, "stage_label": stage_label(stage, lang), "effect": effect,
                         "effect_label": t(f"trends.effect.{effect}", lang),
                         "kg_co2e": math.fsum(getattr(g, f"{effect}_effect") for g in groups)})
    return pd.DataFrame(rows, columns=["stage", "stage_label", "effect", "effect_label", "kg_co2e"])


DECOMPOSITION_COLUMNS = {"stage_label": "label.stage", "activity": "label.activity", "status_label": "trends.col.status",
                         "activity_effect": "trends.effect.activity", "factor_effect": "trends.effect.factor",
                         "change": "trends.change"}


def decomposition_table(decomposition: Decomposition, lang: str = "zh") -> pd.DataFrame:
    """Return ``decomposition_frame`` for display: localized headers, the columns a reader needs."""
    frame = decomposition_frame(decomposition, lang)[list(DECOMPOSITION_COLUMNS)]
    return frame.rename(columns={c: t(k, lang) for c, k in DECOMPOSITION_COLUMNS.items()})


def any_illustrative_inventory(inventories: Sequence[Inventory]) -> bool:
    """Return True if any of the inventories is demo data."""
    return any(inv.illustrative for inv in inventories)
