"""Footprint results -> pandas DataFrames with stable column names. Labels are localized here.

Numbers stay unrounded; pages format them (4 decimals in tables).
"""

from __future__ import annotations

import pandas as pd

from cfp_core.calculate import Footprint
from cfp_core.i18n import t
from cfp_core.models import STAGES


def stage_label(stage: str, lang: str) -> str:
    """Return the localized label of a stage id."""
    return t(f"stage.{stage}", lang)


def stage_table(footprint: Footprint, lang: str = "zh", include_empty: bool = False) -> pd.DataFrame:
    """One row per stage in report order: ``stage``, ``stage_label``, ``kg_co2e``, ``share``, ``line_count``."""
    rows = [
        {"stage": s.stage.value, "stage_label": stage_label(s.stage.value, lang), "kg_co2e": s.kg_co2e,
         "share": s.share, "line_count": s.line_count}
        for s in footprint.stages if include_empty or s.line_count
    ]
    return pd.DataFrame(rows, columns=["stage", "stage_label", "kg_co2e", "share", "line_count"])


def line_table(footprint: Footprint, lang: str = "zh") -> pd.DataFrame:
    """One row per activity line with its factor, conversion and result."""
    rows = [
        {"line_no": r.line_no, "stage": r.stage.value, "stage_label": stage_label(r.stage.value, lang),
         "activity": r.activity, "amount": r.amount, "unit": r.unit, "factor_id": r.factor_id,
         "factor_value": r.factor_value, "factor_unit": f"kg{r.gas}/{r.factor_unit}",
         "coefficient": r.coefficient, "kg_co2e": r.kg_co2e,
         "share": r.kg_co2e / footprint.total_kg_co2e if footprint.total_kg_co2e else 0.0}
        for r in footprint.lines
    ]
    return pd.DataFrame(rows)


def stage_order(lang: str) -> list[str]:
    """Return the stage labels in report order (for chart sorting)."""
    return [stage_label(s.value, lang) for s in STAGES]
