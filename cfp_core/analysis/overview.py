"""The portfolio at a glance: the latest footprint of every product model, its trend and data quality.

One row per model. Each period is valued with the latest revision of its inventory under the
inventory's own factor set (or one chosen set), so the numbers match the reports they came from.
A model whose data do not calculate keeps its row, with the reason in ``problem``.
"""

from __future__ import annotations

import math

import pandas as pd
from sqlite_utils import Database

from cfp_core import service, store
from cfp_core.i18n import t
from cfp_core.models import STAGES, Frozen, ProductModel
from cfp_core.store import memo

OVERVIEW_COLUMNS = [
    "model_code", "name", "unit_label", "latest_period", "latest_kg_co2e", "previous_period",
    "previous_kg_co2e", "delta_share", "trend", "trend_periods", "stages_with_data", "included_stages",
    "completeness", "primary_share", "has_mass", "verified", "illustrative", "history_illustrative",
    "illustrative_mark", "factor_set_id", "problem",
]


class Headline(Frozen):
    """Headline numbers of the portfolio, and the model to feature (verified, real data first)."""

    model_count: int
    verified_count: int
    illustrative_count: int
    latest_period: str | None
    featured_code: str | None
    featured_name: str = ""
    featured_period: str | None = None
    featured_kg_co2e: float | None = None
    featured_unit_label: str = ""


@memo.by_version(copy=pd.DataFrame.copy)
def portfolio_overview(db: Database, lang: str, set_id: str | None = None) -> pd.DataFrame:
    """Return one row per product model (columns ``OVERVIEW_COLUMNS``), ordered by model code.

    ``delta_share`` is (latest − previous) / previous (NaN without a previous period);
    ``completeness`` is stages with data / included stages; ``trend`` lists the totals per period,
    oldest first. ``illustrative`` marks demo data in the latest period, ``history_illustrative``
    demo data in any period (``illustrative_mark`` says which, localized). Values come from
    ``service.portfolio_results`` (materialised, equal to the single path's). Raises ``NotFound`` if
    ``set_id`` is given and not stored. Memoised by the store's version (``store.memo``).
    """
    by_model: dict[str, list] = {}
    for result in service.portfolio_rows(db, set_id):
        by_model.setdefault(result["model_code"], []).append(result)
    rows = [_model_row(product, lang, by_model.get(product.model_code, [])) for product in store.list_products(db)]
    return pd.DataFrame(rows, columns=OVERVIEW_COLUMNS)


def _model_row(product: ProductModel, lang: str, periods: list) -> dict:
    name = product.name_en if lang == "en" and product.name_en else product.name_zh
    unit = t("unit.per_declared_unit", lang, unit=t(f"unit.{product.declared_unit}", lang))
    row = {column: None for column in OVERVIEW_COLUMNS} | {
        "model_code": product.model_code, "name": name, "unit_label": unit, "trend": [], "trend_periods": [],
        "has_mass": product.product_mass_kg is not None, "verified": False,
        "illustrative": product.illustrative, "history_illustrative": False, "problem": "",
    }
    latest = None
    for result in periods:  # oldest first
        if result["problem"] is not None:
            row["problem"] = t("overview.problem", lang, period=result["period"],
                               detail=result["problem"].message(lang))
            continue
        row["trend"].append(result["total_kg_co2e"])
        row["trend_periods"].append(result["period"])
        row["history_illustrative"] |= result["illustrative"]
        latest = result
    if latest is not None:
        row |= _latest_fields(latest, row["trend"], row["trend_periods"])
        row["illustrative"] = product.illustrative or latest["illustrative"]
    row["illustrative_mark"] = _mark(row["illustrative"], row["history_illustrative"], lang)
    return row


def _mark(latest: bool, history: bool, lang: str) -> str:
    if latest:
        return t("label.illustrative", lang)
    return t("overview.mark.history_illustrative", lang) if history else ""


def _latest_fields(result: dict, trend: list[float], periods: list[str]) -> dict:
    previous = trend[-2] if len(trend) > 1 else None
    delta = (trend[-1] - previous) / previous if previous else math.nan
    included = result["included_stages"]
    with_data = sum(1 for s in STAGES if s.value in included and result[f"lines_{s.value}"])
    return {
        "latest_period": periods[-1], "latest_kg_co2e": trend[-1],
        "previous_period": periods[-2] if previous is not None else None, "previous_kg_co2e": previous,
        "delta_share": delta, "stages_with_data": with_data, "included_stages": len(included),
        "completeness": with_data / len(included) if included else 0.0,
        "primary_share": result["primary_data_share"], "verified": result["verified"],
        "factor_set_id": result["factor_set_id"],
    }


def portfolio_headline(frame: pd.DataFrame) -> Headline:
    """Return the headline numbers of a ``portfolio_overview`` frame.

    The featured model is the first verified model with real (not illustrative) data and a
    footprint; failing that, the first model with a footprint.
    """
    valued = frame[frame["latest_kg_co2e"].notna()]
    preferred = valued[valued["verified"] & ~valued["illustrative"]]
    pick = preferred if len(preferred) else valued
    periods = list(frame["latest_period"].dropna())
    base = {"model_count": len(frame), "verified_count": int(frame["verified"].sum()),
            "illustrative_count": int(frame["illustrative"].sum()), "latest_period": max(periods) if periods else None}
    if not len(pick):
        return Headline(featured_code=None, **base)
    row = pick.iloc[0]
    return Headline(featured_code=row["model_code"], featured_name=row["name"], featured_period=row["latest_period"],
                    featured_kg_co2e=float(row["latest_kg_co2e"]), featured_unit_label=row["unit_label"], **base)
