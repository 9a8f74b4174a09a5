"""The report's reading of a disclosure: hotspots and suggestions (the analysis engine), data actions, limits.

Everything is derived from the data and returned as ``Msg`` objects, so the report renders it in
Chinese or English. Pure.
"""

from __future__ import annotations

import math

from cfp_core.analysis.hotspots import HotspotLine, HotspotStage, Reading, hotspot_lines, suggestion_messages
from cfp_core.i18n import Msg, t
from cfp_core.models import PRIMARY_SOURCES, STAGES, BoundaryType
from cfp_core.numbers import fmt_percent
from cfp_core.publish.disclosure import DisclosedLine, Disclosure

SECONDARY = frozenset({"secondary_default", "proxy"})


class MsgList(Msg):
    """Several messages joined with the reader's list separator (、 or ,)."""

    def __init__(self, items: list[Msg]) -> None:
        super().__init__("report.list_sep")
        self.items = items

    def render(self, lang: str = "zh") -> str:
        return t("report.list_sep", lang).join(item.render(lang) for item in self.items)


def reading(disclosure: Disclosure) -> Reading:
    """Return the hotspot engine's reading of a published disclosure (same engine as the Trends page)."""
    families = {f.factor_id: f.family for f in disclosure.factor_sources}
    return Reading(
        total=disclosure.total_kg_co2e,
        stages=tuple(HotspotStage(s.stage, s.kg_co2e, s.share) for s in disclosure.stages),
        lines=tuple(HotspotLine(x.line_no, x.stage, x.activity, x.kg_co2e, families.get(x.factor_id, "custom"),
                                x.data_source in PRIMARY_SOURCES) for x in disclosure.lines),
    )


def hotspots(disclosure: Disclosure, limit: int = 3) -> list[HotspotLine]:
    """Return the hotspot lines of the disclosure (``analysis.hotspots.hotspot_lines``)."""
    return hotspot_lines(reading(disclosure), limit)


def share_of_total(disclosure: Disclosure, kg_co2e: float) -> str:
    """Return ``kg_co2e`` as a percentage of the total ("25.73%")."""
    total = disclosure.total_kg_co2e
    return fmt_percent(kg_co2e / total if total else 0.0)


def improvement_suggestions(disclosure: Disclosure) -> list[Msg]:
    """Return the reduction suggestions of the hotspot engine: the same as the Trends page shows."""
    return suggestion_messages(reading(disclosure))


def data_actions(disclosure: Disclosure) -> list[Msg]:
    """Return what would improve the study's data: secondary data, pedigree scores, mass, verification, records."""
    actions: list[Msg] = []
    weak = [line for line in disclosure.lines if line.data_source in SECONDARY
            and disclosure.total_kg_co2e and line.kg_co2e / disclosure.total_kg_co2e >= 0.05]
    if weak:
        actions.append(Msg("report.advice.primary_data", lines=", ".join(str(x.line_no) for x in weak),
                           share=share_of_total(disclosure, math.fsum(x.kg_co2e for x in weak))))
    if disclosure.data_quality.technological_dqr is None:
        actions.append(Msg("report.advice.pedigree"))
    if disclosure.product.product_mass_kg is None:
        actions.append(Msg("report.advice.mass"))
    if disclosure.verification is None:
        actions.append(Msg("report.advice.verification"))
    actions.append(Msg("report.advice.data_management"))
    return actions


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
