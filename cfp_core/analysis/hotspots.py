"""Hotspots (largest stages and lines) of a footprint and rule-based improvement suggestions.

Rules look at a hotspot line's stage, factor family and key and whether its data are primary:
electricity in production → energy efficiency and green-power procurement; a raw-material
stage valued by proxy → supplier-specific data; fuel for transport → logistics; fuel for heat
→ heat recovery/electrification; secondary data → collect primary data.
"""

from __future__ import annotations

import pandas as pd

from cfp_core.calculate import Footprint, LineResult
from cfp_core.factors import FactorFamily
from cfp_core.frames import stage_label
from cfp_core.i18n import t
from cfp_core.models import LifecycleStage
from cfp_core.numbers import fmt_percent

ELECTRICITY = {FactorFamily.ELECTRICITY_CFP.value, FactorFamily.ELECTRICITY_CO2_ORG.value}
TRANSPORT_STAGES = {LifecycleStage.RAW_MATERIAL_TRANSPORT, LifecycleStage.DISTRIBUTION}
TRANSPORT_FUELS = ("fuel.diesel", "fuel.gasoline", "fuel.lng", "fuel.lpg")
HEAT_FUELS = ("fuel.natural_gas", "fuel.lpg", "fuel.lng")
HOTSPOT_COLUMNS = ["kind", "rank", "stage", "stage_label", "label", "factor_key", "family", "kg_co2e", "share"]


def hotspots(footprint: Footprint, top: int = 3, lang: str = "zh") -> pd.DataFrame:
    """Return the ``top`` largest stages and the ``top`` largest lines with their shares of the total.

    Columns: ``kind`` (stage | line), ``rank`` (1 = largest), ``stage``, ``stage_label``, ``label``
    (stage label or the line's activity), ``factor_key``, ``family``, ``kg_co2e``, ``share`` (0–1).
    """
    total = footprint.total_kg_co2e
    stages = sorted((s for s in footprint.stages if s.kg_co2e > 0), key=lambda s: -s.kg_co2e)[:top]
    lines = _top_lines(footprint, top)
    rows = [{"kind": "stage", "rank": n, "stage": s.stage.value, "stage_label": stage_label(s.stage.value, lang),
             "label": stage_label(s.stage.value, lang), "factor_key": "", "family": "", "kg_co2e": s.kg_co2e,
             "share": s.share} for n, s in enumerate(stages, start=1)]
    rows += [{"kind": "line", "rank": n, "stage": r.stage.value, "stage_label": stage_label(r.stage.value, lang),
              "label": r.activity, "factor_key": r.factor_key, "family": r.family, "kg_co2e": r.kg_co2e,
              "share": r.kg_co2e / total if total else 0.0} for n, r in enumerate(lines, start=1)]
    return pd.DataFrame(rows, columns=HOTSPOT_COLUMNS)


def _top_lines(footprint: Footprint, top: int) -> list[LineResult]:
    return sorted((r for r in footprint.lines if r.kg_co2e > 0), key=lambda r: (-r.kg_co2e, r.line_no))[:top]


def _rules(line: LineResult) -> list[str]:
    """Return the suggestion keys that apply to one hotspot line, most specific first."""
    keys: list[str] = []
    if line.family in ELECTRICITY:
        if line.stage == LifecycleStage.RAW_MATERIAL_ACQUISITION:
            keys.append("analysis.suggest.supplier_data")
        elif line.stage == LifecycleStage.PRODUCTION:
            keys += ["analysis.suggest.efficiency", "analysis.suggest.green_power"]
        elif line.stage == LifecycleStage.END_OF_LIFE:
            keys += ["analysis.suggest.end_of_life", "analysis.suggest.green_power"]
        else:
            keys.append("analysis.suggest.green_power")
    elif line.stage in TRANSPORT_STAGES and (line.family == FactorFamily.TRANSPORT
                                             or line.factor_key.startswith(TRANSPORT_FUELS)):
        keys.append("analysis.suggest.logistics")
    elif line.factor_key.startswith(HEAT_FUELS):
        keys.append("analysis.suggest.heat")
    elif line.family == FactorFamily.CUSTOM:
        keys.append("analysis.suggest.custom_factor")
    if line.stage == LifecycleStage.RAW_MATERIAL_ACQUISITION and "analysis.suggest.supplier_data" not in keys:
        keys.append("analysis.suggest.supplier_data")
    if not line.primary and "analysis.suggest.supplier_data" not in keys:
        keys.append("analysis.suggest.primary_data")
    return keys


def suggestion_keys(footprint: Footprint, top: int = 3) -> list[tuple[str, dict]]:
    """Return (i18n key, params) suggestions for the ``top`` hotspot lines, each key once, largest first.

    Params: ``activity`` (the line that triggered it) and ``share`` (its share of the total, 0–1).
    """
    total = footprint.total_kg_co2e
    found: dict[str, dict] = {}
    for line in _top_lines(footprint, top):
        for key in _rules(line):
            found.setdefault(key, {"activity": line.activity, "share": line.kg_co2e / total if total else 0.0})
    return list(found.items())


def suggestions(footprint: Footprint, lang: str = "zh", top: int = 3) -> list[str]:
    """Return improvement suggestions for the footprint's hotspots, as sentences in ``lang``."""
    return [t(key, lang, activity=params["activity"], share=fmt_percent(params["share"], 1))
            for key, params in suggestion_keys(footprint, top)]


HOTSPOT_VIEW = {"kind_label": "trends.col.kind", "label": "trends.col.item", "stage_label": "label.stage",
                "kg_co2e": "label.kg_co2e", "share": "label.share"}


def hotspot_table(footprint: Footprint, top: int = 3, lang: str = "zh") -> pd.DataFrame:
    """Return ``hotspots`` for display: localized headers, ``label.share`` in percent (0–100)."""
    frame = hotspots(footprint, top, lang)
    frame = frame.assign(kind_label=[t(f"analysis.hotspot_kind.{k}", lang) for k in frame["kind"]],
                         share=frame["share"] * 100)[list(HOTSPOT_VIEW)]
    return frame.rename(columns={c: t(k, lang) for c, k in HOTSPOT_VIEW.items()})
