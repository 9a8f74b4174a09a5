"""Explain a footprint in words: one readable sentence per line, the lines of a stage, a line's factor.

A sentence shows the whole chain of one line, e.g.
"柴油: 4.5851 kg × 低位发热量 42.652 MJ/kg × 0.072585 kgCO2/MJ = 14.1951 kgCO₂e".
The numbers come from ``calculate.LineResult``; nothing is recomputed or rounded here
except for display.
"""

from __future__ import annotations

import pandas as pd

from cfp_core.calculate import Footprint, LineResult
from cfp_core.factors import EmissionFactor, FactorSet
from cfp_core.frames import stage_label
from cfp_core.i18n import t
from cfp_core.models import LifecycleStage
from cfp_core.numbers import factor_number, plain


def step_text(kind: str, value: float, unit: str, lang: str) -> str:
    """Return "× NCV 42.652 MJ/kg" (or density) for one conversion step, localized."""
    if kind == "density":
        return t("conv.density", lang, density=plain(value, 3), density_unit=unit)
    return t("conv.ncv", lang, ncv=plain(value, 3), ncv_unit=unit)


def explain_line(line: LineResult, lang: str = "zh") -> str:
    """Return one sentence: activity: amount × conversion steps × factor (× GWP) = result.

    Example: "柴油（原材料运输）: 4.58505 kg × 低位发热量 42.652 MJ/kg × 0.072585 kgCO2/MJ = 14.1949 kgCO₂e".
    """
    parts = [f"{plain(line.amount)} {line.unit}"]
    parts += [step_text(kind, value, unit, lang) for kind, value, unit in line.conversion_steps]
    if not line.conversion_steps and line.coefficient != 1.0:
        parts.append(t("explain.sentence.unit", lang, amount=plain(line.amount_in_factor_unit),
                       unit=line.factor_unit))
    parts.append(f"× {factor_number(line.factor_value)} kg{line.gas}/{line.factor_unit}")
    if line.gwp != 1.0:
        parts.append(t("explain.sentence.gwp", lang, gwp=plain(line.gwp), gas=line.gas))
    return t("explain.sentence", lang, activity=line.activity, chain=" ".join(parts),
             result=f"{line.kg_co2e:.4f}")


def stage_lines(footprint: Footprint, stage: LifecycleStage | str, lang: str = "zh") -> pd.DataFrame:
    """Return the lines of one stage: ``line_no``, ``activity``, ``sentence``, ``kg_co2e``, ``share_of_stage``."""
    chosen = LifecycleStage(stage)
    total = footprint.stage(chosen).kg_co2e
    rows = [
        {"line_no": r.line_no, "activity": r.activity, "sentence": explain_line(r, lang),
         "kg_co2e": r.kg_co2e, "share_of_stage": r.kg_co2e / total if total else 0.0}
        for r in footprint.lines if r.stage == chosen
    ]
    return pd.DataFrame(rows, columns=["line_no", "activity", "sentence", "kg_co2e", "share_of_stage"])


def stage_line_columns(lang: str) -> dict[str, str]:
    """Return localized headers for ``stage_lines`` columns."""
    return {"line_no": t("label.line", lang), "activity": t("label.activity", lang),
            "sentence": t("explain.col.sentence", lang), "kg_co2e": t("label.kg_co2e", lang),
            "share_of_stage": t("explain.col.share_of_stage", lang)}


def stage_choices(footprint: Footprint, lang: str = "zh") -> dict[str, str]:
    """Return ``{stage id: label}`` for the stages that have lines, in report order."""
    return {s.stage.value: stage_label(s.stage.value, lang) for s in footprint.stages if s.line_count}


def line_choices(footprint: Footprint, stage: LifecycleStage | str) -> dict[int, str]:
    """Return ``{line_no: "N · activity"}`` for the lines of one stage."""
    chosen = LifecycleStage(stage)
    return {r.line_no: f"{r.line_no} · {r.activity}" for r in footprint.lines if r.stage == chosen}


def line_result(footprint: Footprint, line_no: int) -> LineResult:
    """Return the result of line ``line_no``. Raises ``KeyError`` if there is no such line."""
    for result in footprint.lines:
        if result.line_no == line_no:
            return result
    raise KeyError(line_no)


def line_factor(factor_set: FactorSet, line: LineResult) -> EmissionFactor | None:
    """Return the factor a line was valued with, or None for a factor given on the line itself."""
    return factor_set.by_id().get(line.factor_id)
