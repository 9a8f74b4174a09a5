"""Comparisons of footprints across product models (pure functions over ``Footprint`` results).

``compare_models`` lays stages out against models with differences from a baseline model,
per declared unit or per kilogram of product. The factor-set comparison lives in
``analysis.factor_compare``, trends and the activity/factor decomposition in ``analysis.trends``,
hotspots and suggestions in ``analysis.hotspots``; the wing's face (``cfp_core.analysis``) exports
them all. Nothing is rounded; pages format for display (``column_formats``).
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterable, Sequence

import pandas as pd

from cfp_core.analysis.factor_compare import (
    FactorComparison,
    factor_set_label,
)
from cfp_core.analysis.trends import (
    Decomposition,
    model_label,
)
from cfp_core.calculate import Footprint
from cfp_core.errors import NotFound
from cfp_core.factors import FactorFamily
from cfp_core.frames import stage_label
from cfp_core.i18n import Msg, t
from cfp_core.models import STAGES, ProductModel
from cfp_core.numbers import metric_delta, metric_value
from cfp_core.text import neutralise_formula

TOTAL = "total"


def per_unit_values(footprint: Footprint, product: ProductModel | None, per_kg: bool = False) -> dict[str, float]:
    """Return ``{stage id | "total": kgCO2e}`` per declared unit, or per kg of product.

    Per kg without a known ``product_mass_kg`` gives NaN for every entry. A missing stage (no lines,
    not excluded with a reason) is NaN, shown as "—", never a 0 that compares as −100 %.
    """
    missing = {s.value for s in footprint.missing_stages}
    values = {k: (math.nan if k in missing else v) for k, v in footprint.stage_totals().items()}
    values |= {TOTAL: footprint.total_kg_co2e}
    if not per_kg:
        return values
    mass = product.product_mass_kg if product is not None else None
    return {k: (v / mass if mass else math.nan) for k, v in values.items()}


def _stages_with_lines(footprints: Iterable[Footprint]) -> list[str]:
    used = {s.stage.value for fp in footprints for s in fp.stages if s.line_count}
    return [s.value for s in STAGES if s.value in used]


def _check_models(footprints: Sequence[Footprint], baseline: str | None) -> None:
    codes = [fp.model_code for fp in footprints]
    if baseline is not None and baseline not in codes:
        raise NotFound(what=Msg("what.product"), ident=baseline)


def compare_models(
    footprints: Sequence[Footprint], products: dict[str, ProductModel], baseline: str | None,
    lang: str = "zh", per_kg: bool = False,
) -> pd.DataFrame:
    """Return the stage × model table with differences from ``baseline``.

    Rows: stages that have lines in any model (report order), then the total. Columns: the
    localized stage label, one value column per model (illustrative models marked), then for
    every other model "Δ" (value − baseline) and "Δ%" (percent of the baseline value).
    Values are kgCO2e per declared unit, or per kg of product when ``per_kg`` (NaN where the
    mass is unknown). Percent headers start with ``PERCENT_PREFIX`` in both languages.
    Raises ``NotFound`` if ``baseline`` is not among the footprints.
    """
    _check_models(footprints, baseline)
    rows = _stages_with_lines(footprints) + [TOTAL]
    values = {fp.model_code: per_unit_values(fp, products.get(fp.model_code), per_kg) for fp in footprints}
    data: dict[str, list] = {t("label.stage", lang): [_row_label(r, lang) for r in rows]}
    for code, by_row in values.items():
        data[model_label(code, products, lang)] = [by_row[r] for r in rows]
    base = values.get(baseline) if baseline else None
    for code, by_row in values.items():
        if base is None or code == baseline:
            continue
        label = model_label(code, products, lang)
        deltas = [by_row[r] - base[r] for r in rows]
        data[t("analysis.delta_col", lang, model=label)] = deltas
        data[t("analysis.pct_col", lang, model=label)] = [
            d / base[r] * 100 if base[r] else math.nan for d, r in zip(deltas, rows, strict=True)]
    return pd.DataFrame(data)


WIDE_TABLE_MODELS = 8  # beyond this, one row per model reads (and renders) better than 3 columns per model


def compare_models_rows(
    footprints: Sequence[Footprint], products: dict[str, ProductModel], baseline: str | None,
    lang: str = "zh", per_kg: bool = False,
) -> pd.DataFrame:
    """Return the comparison with one row per model: stage columns, the total, Δ and Δ% of the total.

    The transposed form of ``compare_models`` for many models (differences for the total only).
    Raises ``NotFound`` if ``baseline`` is not among the footprints.
    """
    _check_models(footprints, baseline)
    stages = _stages_with_lines(footprints)
    values = {fp.model_code: per_unit_values(fp, products.get(fp.model_code), per_kg) for fp in footprints}
    base = values[baseline][TOTAL] if baseline else math.nan
    delta_col, pct_col = t("analysis.delta_total", lang), t("analysis.pct_total", lang)
    rows = []
    for code, by_row in values.items():
        row = {t("label.model", lang): model_label(code, products, lang)}
        row |= {stage_label(s, lang): by_row[s] for s in stages}
        delta = by_row[TOTAL] - base
        row |= {t("label.total", lang): by_row[TOTAL], delta_col: delta,
                pct_col: delta / base * 100 if base else math.nan}
        rows.append(row)
    return pd.DataFrame(rows)


def comparison_table(
    footprints: Sequence[Footprint], products: dict[str, ProductModel], baseline: str | None,
    lang: str = "zh", per_kg: bool = False,
) -> pd.DataFrame:
    """Return ``compare_models`` for up to ``WIDE_TABLE_MODELS`` models, else ``compare_models_rows``."""
    builder = compare_models if len(footprints) <= WIDE_TABLE_MODELS else compare_models_rows
    return builder(footprints, products, baseline, lang, per_kg)


def _row_label(row: str, lang: str) -> str:
    return t("label.total", lang) if row == TOTAL else stage_label(row, lang)


def compare_models_long(
    footprints: Sequence[Footprint], products: dict[str, ProductModel], lang: str = "zh",
    per_kg: bool = False,
) -> pd.DataFrame:
    """Return the long frame for the stacked stage bar: ``model``, ``model_label``, ``stage``, ``kg_co2e``.

    One row per model and stage with lines; ``kg_co2e`` is per kg of product when ``per_kg``
    (models without a mass are left out then, since they have no per-kg value).
    """
    stages = _stages_with_lines(footprints)
    rows = []
    for fp in footprints:
        values = per_unit_values(fp, products.get(fp.model_code), per_kg)
        if math.isnan(values[TOTAL]):
            continue
        label = model_label(fp.model_code, products, lang)
        rows += [{"model": fp.model_code, "model_label": label, "stage": s, "kg_co2e": values[s]} for s in stages]
    return pd.DataFrame(rows, columns=["model", "model_label", "stage", "kg_co2e"])


def compare_models_csv(
    footprints: Sequence[Footprint], products: dict[str, ProductModel], baseline: str | None,
    lang: str = "zh", per_kg: bool = False,
) -> bytes:
    """Return the comparison table as UTF-8 CSV (with BOM for Excel), numbers to 4 decimals.

    Text cells that start with a spreadsheet formula trigger are neutralised; unknown
    per-kg values are empty cells. Raises ``NotFound`` if ``baseline`` is not compared.
    """
    return frame_csv(compare_models(footprints, products, baseline, lang, per_kg))


def frame_csv(frame: pd.DataFrame) -> bytes:
    """Return ``frame`` as UTF-8-with-BOM CSV: 4 decimals, neutralised text, no index."""
    safe = frame.rename(columns=neutralise_formula).copy()
    for column in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[column]):
            safe[column] = safe[column].map(neutralise_formula)
    buffer = io.StringIO()
    safe.to_csv(buffer, index=False, float_format="%.4f", na_rep="")
    return buffer.getvalue().encode("utf-8-sig")


def headline_metrics(
    footprints: Sequence[Footprint], products: dict[str, ProductModel], baseline: str | None,
    lang: str = "zh", per_kg: bool = False, limit: int = 4,
) -> list[tuple[str, str, str | None]]:
    """Return (label, value, delta vs baseline) for the baseline and the first other models, at most ``limit``.

    Values and deltas follow the headline rule of ``cfp_core.numbers`` (4 decimals).
    """
    values = {fp.model_code: per_unit_values(fp, products.get(fp.model_code), per_kg)[TOTAL] for fp in footprints}
    order = [baseline] if baseline in values else []
    order += [c for c in values if c != baseline][: max(limit - len(order), 0)]
    base = values.get(baseline, math.nan)
    return [(model_label(c, products, lang), metric_value(values[c]),
             None if c == baseline else metric_delta(values[c] - base)) for c in order]


def factor_headlines(comparison: FactorComparison, lang: str = "zh") -> list[tuple[str, str, str | None, str]]:
    """Return (set name, total, delta vs the first set, delta colour) for every compared factor set.

    A lower total is green ("inverse"), except under a set of organisation-accounting electricity CO₂
    factors: that total is not a product footprint, so its delta is grey ("off") and its name says so.
    """
    deltas = comparison.deltas()
    out = []
    for n, (fs, fp) in enumerate(zip(comparison.sets, comparison.footprints, strict=True)):
        comparable = FactorFamily.ELECTRICITY_CO2_ORG not in fs.families()
        label = factor_set_label(fs, lang) if comparable else t("compare.fs.not_comparable", lang,
                                                                  set=factor_set_label(fs, lang))
        out.append((label, metric_value(fp.total_kg_co2e), None if n == 0 else metric_delta(deltas[fs.set_id]),
                    "inverse" if comparable else "off"))
    return out


def decomposition_headlines(decomposition: Decomposition, lang: str = "zh") -> list[tuple[str, str, str | None]]:
    """Return (label, value, None) for the total change, the activity effect and the factor effect."""
    return [(t("trends.change", lang), metric_delta(decomposition.change), None),
            (t("trends.effect.activity", lang), metric_delta(decomposition.activity_effect), None),
            (t("trends.effect.factor", lang), metric_delta(decomposition.factor_effect), None)]
