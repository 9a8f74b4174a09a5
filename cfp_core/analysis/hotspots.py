"""Hotspots and rule-based improvement suggestions: the one engine of the Trends page and the report.

The engine reads a neutral ``Reading`` (total, stages, lines), made from a ``Footprint`` here
(``reading_of``) and from a published ``Disclosure`` by the report, so both name the same
hotspots and the same suggestions for the same product.

* Hotspot stages: the ``top`` largest stages with a result.
* Hotspot lines: the ``top`` largest lines at ≥ ``HOTSPOT_SHARE`` of the total, at least the largest.
* Suggestions: the largest stage's advice, then per hotspot line, rules on its stage, factor family
  and data source: electricity in production → energy efficiency and green power; a raw-material
  stage → supplier-specific data; fuel or freight in a transport stage → logistics; fuel elsewhere
  → heat recovery/electrification; a user-supplied factor → check it; secondary data → measure it.
  Each suggestion once, in that order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from cfp_core.calculate import Footprint
from cfp_core.factors import FactorFamily
from cfp_core.frames import stage_label
from cfp_core.i18n import Msg, t
from cfp_core.models import LifecycleStage
from cfp_core.numbers import fmt_percent

HOTSPOT_SHARE = 0.10  # a line is a hotspot from 10 % of the total
ELECTRICITY = {FactorFamily.ELECTRICITY_CFP.value, FactorFamily.ELECTRICITY_CO2_ORG.value}
TRANSPORT_STAGES = {LifecycleStage.RAW_MATERIAL_TRANSPORT, LifecycleStage.DISTRIBUTION}
HOTSPOT_COLUMNS = ["kind", "rank", "stage", "stage_label", "label", "line_no", "family", "kg_co2e", "share"]


@dataclass(frozen=True)
class HotspotLine:
    """One activity line as the engine reads it."""

    line_no: int
    stage: LifecycleStage
    activity: str
    kg_co2e: float
    family: str  # FactorFamily value ("custom" for a user-supplied factor)
    primary: bool


@dataclass(frozen=True)
class HotspotStage:
    """One stage total and its share (0–1)."""

    stage: LifecycleStage
    kg_co2e: float
    share: float


@dataclass(frozen=True)
class Reading:
    """What the engine needs of a footprint: its total, its stages and its lines."""

    total: float
    stages: tuple[HotspotStage, ...]
    lines: tuple[HotspotLine, ...]

    def share(self, kg_co2e: float) -> float:
        """Return ``kg_co2e`` as a share (0–1) of the total (0 when the total is 0)."""
        return kg_co2e / self.total if self.total else 0.0


def reading_of(footprint: Footprint) -> Reading:
    """Return the engine's reading of a calculated footprint."""
    return Reading(
        total=footprint.total_kg_co2e,
        stages=tuple(HotspotStage(s.stage, s.kg_co2e, s.share) for s in footprint.stages if s.line_count),
        lines=tuple(HotspotLine(r.line_no, r.stage, r.activity, r.kg_co2e, r.family, r.primary)
                    for r in footprint.lines),
    )


def hotspot_stages(reading: Reading, top: int = 3) -> list[HotspotStage]:
    """Return the ``top`` largest stages with a positive result, largest first."""
    return sorted((s for s in reading.stages if s.kg_co2e > 0), key=lambda s: -s.kg_co2e)[:top]


def hotspot_lines(reading: Reading, top: int = 3) -> list[HotspotLine]:
    """Return up to ``top`` largest lines at ≥ 10 % of the total (at least the largest line), largest first."""
    ranked = sorted((x for x in reading.lines if x.kg_co2e > 0), key=lambda x: (-x.kg_co2e, x.line_no))
    chosen = [x for x in ranked[:top] if reading.share(x.kg_co2e) >= HOTSPOT_SHARE]
    return chosen or ranked[:1]


def _rules(line: HotspotLine) -> list[str]:
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
    elif line.stage in TRANSPORT_STAGES and line.family in (FactorFamily.TRANSPORT, FactorFamily.FUEL_COMBUSTION):
        keys.append("analysis.suggest.logistics")
    elif line.family == FactorFamily.FUEL_COMBUSTION:
        keys.append("analysis.suggest.heat")
    elif line.family == FactorFamily.CUSTOM:
        keys.append("analysis.suggest.custom_factor")
    if line.stage == LifecycleStage.RAW_MATERIAL_ACQUISITION and "analysis.suggest.supplier_data" not in keys:
        keys.append("analysis.suggest.supplier_data")
    if not line.primary and "analysis.suggest.supplier_data" not in keys:
        keys.append("analysis.suggest.primary_data")
    return keys


def suggestion_messages(reading: Reading, top: int = 3) -> list[Msg]:
    """Return the improvement suggestions: the largest stage's, then each hotspot line's, each key once."""
    found: dict[str, Msg] = {}
    stages = hotspot_stages(reading, 1)
    if stages:
        stage = stages[0].stage.value
        found[f"analysis.suggest.stage.{stage}"] = Msg(f"analysis.suggest.stage.{stage}", stage=Msg(f"stage.{stage}"),
                                                        share=fmt_percent(stages[0].share))
    for line in hotspot_lines(reading, top):
        for key in _rules(line):
            found.setdefault(key, Msg(key, activity=line.activity, share=fmt_percent(reading.share(line.kg_co2e))))
    return list(found.values())


def suggestion_keys(footprint: Footprint, top: int = 3) -> list[tuple[str, dict]]:
    """Return (i18n key, params) of ``suggestion_messages`` for a calculated footprint."""
    return [(m.key, m.params) for m in suggestion_messages(reading_of(footprint), top)]


def suggestions(footprint: Footprint, lang: str = "zh", top: int = 3) -> list[str]:
    """Return improvement suggestions for the footprint's hotspots, as sentences in ``lang``."""
    return [m.render(lang) for m in suggestion_messages(reading_of(footprint), top)]


def hotspot_frame(reading: Reading, top: int = 3, lang: str = "zh") -> pd.DataFrame:
    """Return the hotspot stages and lines of a reading, one row each (columns ``HOTSPOT_COLUMNS``)."""
    rows = [{"kind": "stage", "rank": n, "stage": s.stage.value, "stage_label": stage_label(s.stage.value, lang),
             "label": stage_label(s.stage.value, lang), "line_no": None, "family": "", "kg_co2e": s.kg_co2e,
             "share": s.share} for n, s in enumerate(hotspot_stages(reading, top), start=1)]
    rows += [{"kind": "line", "rank": n, "stage": x.stage.value, "stage_label": stage_label(x.stage.value, lang),
              "label": x.activity, "line_no": x.line_no, "family": x.family, "kg_co2e": x.kg_co2e,
              "share": reading.share(x.kg_co2e)} for n, x in enumerate(hotspot_lines(reading, top), start=1)]
    return pd.DataFrame(rows, columns=HOTSPOT_COLUMNS).astype({"line_no": "Int64"})


def hotspots(footprint: Footprint, top: int = 3, lang: str = "zh") -> pd.DataFrame:
    """Return ``hotspot_frame`` of a calculated footprint."""
    return hotspot_frame(reading_of(footprint), top, lang)


HOTSPOT_VIEW = {"kind_label": "trends.col.kind", "label": "trends.col.item", "stage_label": "label.stage",
                "kg_co2e": "label.kg_co2e", "share": "label.share"}


def hotspot_table(footprint: Footprint, top: int = 3, lang: str = "zh") -> pd.DataFrame:
    """Return ``hotspots`` for display: localized headers, ``label.share`` in percent (0–100)."""
    frame = hotspots(footprint, top, lang)
    frame = frame.assign(kind_label=[t(f"analysis.hotspot_kind.{k}", lang) for k in frame["kind"]],
                         share=frame["share"] * 100)[list(HOTSPOT_VIEW)]
    return frame.rename(columns={c: t(k, lang) for c, k in HOTSPOT_VIEW.items()})


def hotspot_line_numbers(lines: Sequence[HotspotLine]) -> str:
    """Return "4, 1, 6": the line numbers of hotspot lines, in order."""
    return ", ".join(str(x.line_no) for x in lines)
