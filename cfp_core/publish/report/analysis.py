"""Rule-based reading of a disclosure for the report: hotspots, improvement suggestions, assumptions.

Everything is derived from the data and returned as ``Msg`` objects, so the report renders it in
Chinese or English. Pure.
"""

from __future__ import annotations

import math

from cfp_core.i18n import Msg, t
from cfp_core.models import STAGES, BoundaryType
from cfp_core.numbers import fmt_percent
from cfp_core.publish.disclosure import DisclosedLine, Disclosure

HOTSPOT_SHARE = 0.10  # a line is a hotspot from 10 % of the total
SECONDARY = frozenset({"secondary_default", "proxy"})
_FAMILY_ADVICE = {
    "electricity_cfp": "electricity", "electricity_co2_org": "electricity", "fuel_combustion": "fuel",
    "transport": "transport", "material": "material", "custom": "custom",
}


class MsgList(Msg):
    """Several messages joined with the reader's list separator (、 or ,)."""

    def __init__(self, items: list[Msg]) -> None:
        super().__init__("report.list_sep")
        self.items = items

    def render(self, lang: str = "zh") -> str:
        return t("report.list_sep", lang).join(item.render(lang) for item in self.items)


def hotspots(disclosure: Disclosure, limit: int = 3) -> list[DisclosedLine]:
    """Return up to ``limit`` lines with the largest results, those at ≥ 10 % of the total (at least one)."""
    ranked = sorted(disclosure.lines, key=lambda line: line.kg_co2e, reverse=True)
    total = disclosure.total_kg_co2e
    chosen = [line for line in ranked[:limit] if total and line.kg_co2e / total >= HOTSPOT_SHARE]
    return chosen or ranked[:1]


def share_of_total(disclosure: Disclosure, kg_co2e: float) -> str:
    """Return ``kg_co2e`` as a percentage of the total ("25.73%")."""
    total = disclosure.total_kg_co2e
    return fmt_percent(kg_co2e / total if total else 0.0)


def improvement_suggestions(disclosure: Disclosure) -> list[Msg]:
    """Return rule-based suggestions: the hotspot stage, hotspot lines, data quality, then good practice."""
    suggestions: list[Msg] = []
    if disclosure.stages:
        top = max(disclosure.stages, key=lambda s: s.kg_co2e)
        suggestions.append(Msg(f"report.advice.stage.{top.stage.value}", stage=Msg(f"stage.{top.stage.value}"),
                               share=fmt_percent(top.share)))
    families = {f.factor_id: f.family for f in disclosure.factor_sources}
    grouped: dict[str, list[DisclosedLine]] = {}
    for line in hotspots(disclosure):
        grouped.setdefault(_FAMILY_ADVICE.get(families.get(line.factor_id, "custom"), "custom"), []).append(line)
    for family, lines in grouped.items():
        suggestions.append(Msg(f"report.advice.family.{family}", lines=_numbers(lines),
                               share=share_of_total(disclosure, math.fsum(x.kg_co2e for x in lines))))
    weak = [line for line in disclosure.lines if line.data_source in SECONDARY
            and disclosure.total_kg_co2e and line.kg_co2e / disclosure.total_kg_co2e >= 0.05]
    if weak:
        suggestions.append(Msg("report.advice.primary_data", lines=", ".join(str(x.line_no) for x in weak),
                               share=share_of_total(disclosure, math.fsum(x.kg_co2e for x in weak))))
    if disclosure.data_quality.technological_dqr is None:
        suggestions.append(Msg("report.advice.pedigree"))
    if disclosure.product.product_mass_kg is None:
        suggestions.append(Msg("report.advice.mass"))
    if disclosure.verification is None:
        suggestions.append(Msg("report.advice.verification"))
    suggestions.append(Msg("report.advice.data_management"))
    return suggestions


def assumptions_and_limitations(disclosure: Disclosure) -> list[Msg]:
    """Return the assumptions and limitations the data imply (ISO 14067 clause 7 / Annex A)."""
    items = [Msg("report.limit.single_impact", gwp=disclosure.gwp_set)]
    co2_only = [line for line in disclosure.lines if not line.factor_unit.startswith("kgCO2e")]
    if co2_only:
        items.append(Msg("report.limit.co2_only", lines=_numbers(co2_only)))
    converted = [line for line in disclosure.lines if line.factor_unit.rsplit("/", 1)[-1] != line.unit]
    if converted:
        items.append(Msg("report.limit.converted", lines=_numbers(converted)))
    proxies = [line for line in disclosure.lines if line.data_source == "proxy"]
    if proxies:
        items.append(Msg("report.limit.proxy", lines=_numbers(proxies),
                         share=share_of_total(disclosure, math.fsum(x.kg_co2e for x in proxies))))
    missing = [s for s in STAGES if s not in disclosure.boundary.included_stages]
    if missing and disclosure.boundary.boundary == BoundaryType.CRADLE_TO_GRAVE:
        items.append(Msg("report.limit.not_quantified",
                         stages=MsgList([Msg(f"stage.{s.value}") for s in missing])))
    items.append(Msg("report.limit.separate"))
    items.extend(Msg(key, **params) for key, params in disclosure.warnings)
    if disclosure.illustrative:
        items.append(Msg("report.limit.illustrative"))
    return items


def source_breakdown(disclosure: Disclosure) -> list[tuple[str, float, float]]:
    """Return (data-source type, kgCO2e, share of total) per type present, in a fixed order."""
    order = ("primary_measured", "supplier_specific", "secondary_default", "proxy")
    total = disclosure.total_kg_co2e
    rows = []
    for source in order:
        kg = math.fsum(line.kg_co2e for line in disclosure.lines if line.data_source == source)
        if any(line.data_source == source for line in disclosure.lines):
            rows.append((source, kg, kg / total if total else 0.0))
    return rows


def _numbers(lines: list[DisclosedLine]) -> str:
    return ", ".join(str(line.line_no) for line in lines)
