"""The management view: portfolio totals weighted by production volume, and reduction targets against actuals.

Portfolio total of a period (tCO₂e) = Σ over models (footprint per declared unit in kgCO₂e × units produced)
/ 1000. The footprints are the service's (``service.trend_inputs``: each period's latest revision under its
declared factor set); this module only weights them. A model with a footprint but no volume for a period is
named in ``missing`` and left out of that total (the total says it is incomplete); a volume without a
footprint is named by ``orphan_volumes``. Nothing is rounded here.

A target's path is a straight line from the baseline year's actual to the target (``baseline × (1 − p/100)``
for a percentage, the level itself for an absolute target) in the target year.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from cfp_core.calculate import Footprint
from cfp_core.frames import stage_label
from cfp_core.i18n import t
from cfp_core.models import STAGES, Inventory
from cfp_core.numbers import UNKNOWN, fmt_number, grouped, kg
from cfp_core.store import ReductionTarget

Points = Sequence[tuple[str, Footprint]]
Volumes = dict[tuple[str, str], dict]
STAGE_COLUMNS = tuple(f"stage_{s.value}" for s in STAGES)
WEIGHTED_COLUMNS = ["model", "period", "year", "kg_per_unit", "volume", "t_co2e", "illustrative_volume"]


def period_years(inventories: Sequence[Inventory]) -> dict[str, int]:
    """Return ``{period label: year of its start}`` (the year a target speaks of)."""
    return {inv.period.label: inv.period.start.year for inv in inventories}


def weighted_frame(points: Points, volumes: Volumes, years: dict[str, int]) -> pd.DataFrame:
    """One row per model and period with a footprint: kg per unit, the volume (NaN: none), tCO₂e (NaN: none)
    and each stage's kg per unit (columns ``STAGE_COLUMNS``, report order)."""
    models = [fp.model_code for _, fp in points]
    periods = [period for period, _ in points]
    entries = [volumes.get(key) for key in zip(models, periods, strict=True)]
    volume = np.array([e["volume"] if e else np.nan for e in entries], dtype=float)
    kg_per_unit = np.array([fp.total_kg_co2e for _, fp in points], dtype=float)
    by_stage = np.array([[s.kg_co2e for s in fp.stages] for _, fp in points], dtype=float).reshape(len(points), len(STAGES))
    frame = pd.DataFrame({"model": models, "period": periods, "year": [years.get(p) for p in periods],
                          "kg_per_unit": kg_per_unit, "volume": volume, "t_co2e": kg_per_unit * volume / 1000,
                          "illustrative_volume": [bool(e and e["illustrative"]) for e in entries]},
                         columns=WEIGHTED_COLUMNS)
    frame[list(STAGE_COLUMNS)] = by_stage
    return frame.sort_values(["period", "model"], ignore_index=True)


def portfolio_totals(weighted: pd.DataFrame) -> pd.DataFrame:
    """One row per period: ``t_co2e`` (Σ of the models with a volume; NaN if none has one), ``models``,
    ``with_volume``, ``missing`` (tuple of model codes without a volume) and ``complete``."""
    rows = []
    for period, group in weighted.groupby("period", sort=True):
        known = group[group["volume"].notna()]
        missing = tuple(group.loc[group["volume"].isna(), "model"])
        rows.append({"period": period, "year": group["year"].iloc[0],
                     "t_co2e": math.fsum(known["t_co2e"]) if len(known) else math.nan,
                     "volume": math.fsum(known["volume"]) if len(known) else math.nan,
                     "models": len(group), "with_volume": len(known), "missing": missing, "complete": not missing,
                     "illustrative": bool(known["illustrative_volume"].any())})
    return pd.DataFrame(rows, columns=["period", "year", "t_co2e", "volume", "models", "with_volume", "missing",
                                       "complete", "illustrative"])


def orphan_volumes(points: Points, volumes: Volumes) -> list[tuple[str, str]]:
    """Return the (model, period) volumes that have no footprint to weight (no inventory for that period)."""
    known = {(fp.model_code, period) for period, fp in points}
    return sorted(key for key in volumes if key not in known)


def stage_frame(weighted: pd.DataFrame, model: str | None = None, lang: str = "zh") -> pd.DataFrame:
    """Long frame ``year``, ``period``, ``stage``, ``stage_label``, ``value`` for the stacked actual bars.

    ``model`` None: the portfolio, tCO₂e per stage of the models with a volume; else that model's kg per unit.
    """
    if model is None:
        rows = weighted[weighted["volume"].notna()]
        values = rows[list(STAGE_COLUMNS)].mul(rows["volume"] / 1000, axis=0)
    else:
        rows = weighted[weighted["model"] == model]
        values = rows[list(STAGE_COLUMNS)]
    sums = values.assign(period=rows["period"], year=rows["year"]).groupby(["period", "year"], as_index=False, dropna=False).sum()
    long = sums.melt(id_vars=["period", "year"], value_vars=list(STAGE_COLUMNS), var_name="stage", value_name="value")
    long["stage"] = long["stage"].map(dict(zip(STAGE_COLUMNS, (s.value for s in STAGES), strict=True)))
    labels = {s.value: stage_label(s.value, lang) for s in STAGES}
    order = {s.value: i for i, s in enumerate(STAGES)}
    frame = long.assign(stage_label=long["stage"].map(labels), rank=long["stage"].map(order))
    return frame.sort_values(["period", "rank"], ignore_index=True)[["year", "period", "stage", "stage_label", "value"]]


def actual_series(target: ReductionTarget, weighted: pd.DataFrame, totals: pd.DataFrame) -> dict[int, float]:
    """Return ``{year: actual}``: the model's kg per unit, or the portfolio's tCO₂e (periods with a total)."""
    if target.is_portfolio:
        frame = totals[totals["t_co2e"].notna()]
        return dict(zip(frame["year"].astype(int), frame["t_co2e"], strict=True))
    frame = weighted[weighted["model"] == target.model_code]
    return dict(zip(frame["year"].astype(int), frame["kg_per_unit"], strict=True))


@dataclass(frozen=True)
class TargetView:
    """A target with its baseline actual, goal, straight-line path and where the latest actual stands."""

    target: ReductionTarget
    baseline: float | None  # the actual of the baseline year (None: no footprint or total that year)
    goal: float | None
    path: pd.DataFrame  # year, value
    latest_year: int | None
    latest_actual: float | None

    @property
    def path_at_latest(self) -> float | None:
        """Return the path's value in the latest actual year (None outside the path or without a path)."""
        if self.latest_year is None or self.path.empty:
            return None
        match = self.path.loc[self.path["year"] == self.latest_year, "value"]
        return float(match.iloc[0]) if len(match) else None

    @property
    def status(self) -> str:
        """"no_baseline", "no_actual", "on_track" (at or below the path) or "behind"."""
        if self.baseline is None:
            return "no_baseline"
        if self.path_at_latest is None or self.latest_actual is None:
            return "no_actual"
        return "on_track" if self.latest_actual <= self.path_at_latest else "behind"


def target_path(target: ReductionTarget, baseline: float) -> pd.DataFrame:
    """Return the straight-line path ``year``, ``value`` from (baseline year, baseline) to (target year, goal)."""
    goal = goal_of(target, baseline)
    span = target.target_year - target.baseline_year
    rows = [{"year": year, "value": baseline + (goal - baseline) * (year - target.baseline_year) / span}
            for year in range(target.baseline_year, target.target_year + 1)]
    return pd.DataFrame(rows, columns=["year", "value"])


def goal_of(target: ReductionTarget, baseline: float | None) -> float | None:
    """Return the level the target asks for in its target year (None: a percentage without a baseline)."""
    if target.kind == "absolute":
        return target.value
    return None if baseline is None else baseline * (1 - target.value / 100)


def target_view(target: ReductionTarget, actual: dict[int, float]) -> TargetView:
    """Return the target against ``actual`` ``{year: value}`` (``actual_series``)."""
    baseline = actual.get(target.baseline_year)
    path = target_path(target, baseline) if baseline is not None else pd.DataFrame(columns=["year", "value"])
    later = [y for y in actual if y >= target.baseline_year]
    latest = max(later) if later else None
    return TargetView(target=target, baseline=baseline, goal=goal_of(target, baseline), path=path, latest_year=latest,
                      latest_actual=actual.get(latest) if latest is not None else None)


def scope_label(target: ReductionTarget, lang: str = "zh") -> str:
    """Return "Portfolio" or the model code."""
    return t("mgmt.portfolio", lang) if target.is_portfolio else target.model_code


def target_summary(target: ReductionTarget, lang: str = "zh") -> str:
    """Return e.g. "−30 % by 2030 vs 2023" or "≤ 60.0000 kgCO₂e per unit by 2030"."""
    unit = t("mgmt.unit.t", lang) if target.is_portfolio else t("mgmt.unit.kg_unit", lang)
    if target.kind == "percent":
        return t("mgmt.target.percent", lang, value=fmt_number(target.value, 2), year=target.target_year,
                 baseline=target.baseline_year)
    return t("mgmt.target.absolute", lang, value=kg(target.value), unit=unit, year=target.target_year,
             baseline=target.baseline_year)


MAX_NAMED = 20  # models named in one sentence or cell; the rest are counted


def named(models: Sequence[str], lang: str = "zh") -> str:
    """Return "A, B, C" (at most ``MAX_NAMED`` codes, then "and N more"), or "—" for none."""
    if not models:
        return UNKNOWN
    shown = ", ".join(models[:MAX_NAMED])
    rest = len(models) - MAX_NAMED
    return shown if rest <= 0 else t("mgmt.and_more", lang, names=shown, count=rest)


TARGET_COLUMNS = ("scope", "target", "baseline", "goal", "latest_year", "latest_actual", "path_value", "status")


def target_table(views: Sequence[TargetView], lang: str = "zh") -> pd.DataFrame:
    """Return one row per target for display: scope, target, baseline, goal, latest actual, path value, status."""
    rows = [{"scope": scope_label(v.target, lang), "target": target_summary(v.target, lang), "baseline": v.baseline,
             "goal": v.goal, "latest_year": str(v.latest_year) if v.latest_year is not None else UNKNOWN,
             "latest_actual": v.latest_actual, "path_value": v.path_at_latest,
             "status": t(f"mgmt.status.{v.status}", lang)} for v in views]
    frame = pd.DataFrame(rows, columns=list(TARGET_COLUMNS))
    return frame.rename(columns={c: t(f"mgmt.col.{c}", lang) for c in TARGET_COLUMNS})


def totals_table(totals: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    """Return ``portfolio_totals`` for display: period, tCO₂e, units, models with a volume, the models without one."""
    frame = pd.DataFrame({
        t("label.period", lang): totals["period"],
        t("mgmt.col.t_co2e", lang): totals["t_co2e"],
        t("mgmt.col.volume", lang): [grouped(v) for v in totals["volume"]],  # units as entered, not kg decimals
        t("mgmt.col.with_volume", lang): [f"{w} / {m}" for w, m in zip(totals["with_volume"], totals["models"],
                                                                         strict=True)],
        t("mgmt.col.missing", lang): [named(m, lang) for m in totals["missing"]],
    })
    return frame


@dataclass(frozen=True)
class ManagementView:
    """Everything the management page shows, computed once from the service's footprints and the store."""

    weighted: pd.DataFrame
    totals: pd.DataFrame
    orphans: list[tuple[str, str]]
    targets: tuple[TargetView, ...]
    charts: tuple[tuple[TargetView | None, pd.DataFrame], ...]  # (target or None: the portfolio alone, stages)
    has_volumes: bool
    illustrative: bool

    @property
    def missing(self) -> list[tuple[str, tuple[str, ...]]]:
        """Return ``(period, model codes)`` for each period with models that have no volume."""
        return [(p, m) for p, m in zip(self.totals["period"], self.totals["missing"], strict=True) if m]

    @property
    def orphan_labels(self) -> list[str]:
        """Return "model period" for each volume without a footprint."""
        return [f"{model} {period}" for model, period in self.orphans]


def management_view(points: Points, inventories: Sequence[Inventory], volumes: Volumes,
                    targets: Sequence[ReductionTarget], lang: str = "zh", years: dict[str, int] | None = None,
                    ) -> ManagementView:
    """Return the volume-weighted totals, the targets against their actuals and each chart's stage frame.

    ``years`` ({period label: start year}) replaces reading them from ``inventories`` (``management_inputs``).
    """
    years = period_years(inventories) if years is None else years
    weighted = weighted_frame(points, volumes, years)
    totals = portfolio_totals(weighted)
    views = tuple(target_view(tg, actual_series(tg, weighted, totals)) for tg in targets)
    has_volumes = bool(weighted["volume"].notna().any())
    charts = [(v, stage_frame(weighted, None if v.target.is_portfolio else v.target.model_code, lang))
              for v in views if has_volumes or not v.target.is_portfolio]
    if has_volumes and not any(v.target.is_portfolio for v in views):
        charts.insert(0, (None, stage_frame(weighted, None, lang)))
    illustrative = bool(weighted["illustrative_volume"].any()) or any(v.target.illustrative for v in views)
    return ManagementView(weighted=weighted, totals=totals, orphans=orphan_volumes(points, volumes), targets=views,
                          charts=tuple(charts), has_volumes=has_volumes, illustrative=illustrative)


def chart_title(view: TargetView | None, lang: str = "zh") -> str:
    """Return the title of one actual-vs-target chart."""
    if view is None:
        return t("mgmt.portfolio_chart", lang)
    return t("mgmt.target_chart", lang, scope=scope_label(view.target, lang), target=target_summary(view.target, lang))


def chart_unit(view: TargetView | None, lang: str = "zh") -> str:
    """Return the y-axis unit of a chart: tCO₂e for the portfolio, kgCO₂e per declared unit for a model."""
    return t("mgmt.unit.t" if view is None or view.target.is_portfolio else "mgmt.unit.kg_unit", lang)


def template_rows(weighted: pd.DataFrame) -> list[dict]:
    """Return volume-template rows: every model and period with a footprint, with its current volume if any."""
    return [{"product_model": m, "period": p, "volume": "" if v != v else v}
            for m, p, v in zip(weighted["model"], weighted["period"], weighted["volume"], strict=True)]
