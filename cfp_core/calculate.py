"""Pure calculation: inventory + factor set + GWP set -> Footprint. Nothing is rounded.

For each line: amount (line unit) × conversion coefficient (into the factor's unit, via a
stated NCV or density where needed) × factor value (kg gas per factor unit) × GWP.
Stages sum their lines; the total sums the stages.
"""

from __future__ import annotations

import math

from pydantic import Field

from cfp_core import units
from cfp_core.factors import (
    EmissionFactor,
    FactorBoundary,
    FactorFamily,
    FactorSet,
    GwpSet,
    resolve,
)
from cfp_core.i18n import line_where
from cfp_core.models import (
    CRADLE_TO_GATE,
    PRIMARY_SOURCES,
    STAGES,
    ActivityLine,
    Frozen,
    Inventory,
    LifecycleStage,
    StageStatus,
    stage_coverage,
)


class LineResult(Frozen):
    """The footprint of one activity line, with everything needed to explain it."""

    line_no: int  # 1-based, entry order
    stage: LifecycleStage
    activity: str
    amount: float
    unit: str
    factor_id: str
    factor_key: str
    factor_value: float
    factor_unit: str
    gas: str
    family: str
    coefficient: float  # one line unit in factor units
    conversion_steps: tuple[tuple[str, float, str], ...] = ()
    amount_in_factor_unit: float
    kg_gas: float
    gwp: float
    kg_co2e: float
    biogenic: bool = False
    primary: bool = False


class StageResult(Frozen):
    """One life-cycle stage: its total and its share of the footprint."""

    stage: LifecycleStage
    kg_co2e: float
    share: float  # 0..1 of the total (0 when the total is 0)
    line_count: int
    status: StageStatus = StageStatus.ENTERED  # missing: no lines and no reason for leaving it out


class Footprint(Frozen):
    """Footprint of one declared unit of a product model for one period."""

    model_code: str
    period: str
    factor_set_id: str
    gwp_set: str
    lines: tuple[LineResult, ...]
    stages: tuple[StageResult, ...]  # all six stages in report order
    total_kg_co2e: float
    cradle_to_gate_kg_co2e: float
    fossil_kg_co2e: float
    biogenic_kg_co2e: float
    primary_data_share: float  # share of the total from primary data (0..1)
    missing_stages: tuple[LifecycleStage, ...] = ()  # no lines, not excluded with a reason
    warnings: tuple[tuple[str, dict], ...] = Field(default_factory=tuple)  # (i18n key, params)

    def stage(self, stage: LifecycleStage | str) -> StageResult:
        """Return the result of one stage."""
        return next(s for s in self.stages if s.stage == LifecycleStage(stage))

    def stage_totals(self) -> dict[str, float]:
        """Return ``{stage id: kgCO2e}`` for all six stages (stable keys for JSON)."""
        return {s.stage.value: s.kg_co2e for s in self.stages}


def _custom_factor(line: ActivityLine, line_no: int) -> EmissionFactor:
    custom = line.custom_factor
    return EmissionFactor(
        factor_id=f"custom.line{line_no}", key=f"custom.line{line_no}", name_zh=line.activity,
        value=custom.value, unit=custom.unit, gas=custom.gas, family=FactorFamily.CUSTOM,
        publisher=custom.source, source_document=custom.source, confidence="user",
        ncv=custom.ncv, ncv_unit=custom.ncv_unit,
    )


def line_result(
    line: ActivityLine, line_no: int, factor_set: FactorSet, gwp_set: GwpSet,
    known_ids: dict[str, str] | None = None,
) -> LineResult:
    """Return the footprint of one line under ``factor_set`` and ``gwp_set``.

    Raises ``FactorNotFound`` or ``UnitMismatch`` naming the line.
    """
    where = line_where(line_no, line.stage.value, line.activity)
    if line.custom_factor is not None:
        factor = _custom_factor(line, line_no)
    else:
        factor = resolve(line.factor_ref, factor_set, known_ids, where=where)
    path = units.conversion_path(
        line.unit, factor.unit, factor.ncv, factor.ncv_unit, factor.density, factor.density_unit,
        factor_id=factor.factor_id, where=where,
    )
    converted = line.amount * path.coefficient
    kg_gas = converted * factor.value
    gwp = gwp_set.gwp(factor.gas)
    return LineResult(
        line_no=line_no, stage=line.stage, activity=line.activity, amount=line.amount,
        unit=line.unit, factor_id=factor.factor_id, factor_key=factor.key,
        factor_value=factor.value, factor_unit=factor.unit, gas=factor.gas,
        family=factor.family.value, coefficient=path.coefficient,
        conversion_steps=path.steps, amount_in_factor_unit=converted, kg_gas=kg_gas, gwp=gwp,
        kg_co2e=kg_gas * gwp, biogenic=factor.biogenic, primary=line.data_source in PRIMARY_SOURCES,
    )


def calculate_footprint(
    inventory: Inventory, factor_set: FactorSet, gwp_set: GwpSet,
    known_ids: dict[str, str] | None = None,
) -> Footprint:
    """Return the footprint of one declared unit of ``inventory``'s product.

    ``known_ids`` maps factor ids of other sets to their keys (see ``factors.resolve``).
    Raises ``FactorNotFound``/``UnitMismatch``/``GwpMissing`` naming the first bad line.
    """
    lines = tuple(
        line_result(line, n, factor_set, gwp_set, known_ids)
        for n, line in enumerate(inventory.lines, start=1)
    )
    stage_sums = {s: math.fsum(r.kg_co2e for r in lines if r.stage == s) for s in STAGES}
    total = math.fsum(stage_sums.values())
    coverage = stage_coverage(inventory)
    stages = tuple(
        StageResult(stage=s, kg_co2e=stage_sums[s], share=stage_sums[s] / total if total else 0.0,
                    line_count=sum(1 for r in lines if r.stage == s), status=coverage[s])
        for s in STAGES
    )
    missing = tuple(s for s in STAGES if coverage[s] == StageStatus.MISSING)
    biogenic = math.fsum(r.kg_co2e for r in lines if r.biogenic)
    primary = math.fsum(r.kg_co2e for r in lines if r.primary)
    return Footprint(
        model_code=inventory.model_code, period=inventory.period.label,
        factor_set_id=factor_set.set_id, gwp_set=gwp_set.gwp_id, lines=lines, stages=stages,
        total_kg_co2e=total,
        cradle_to_gate_kg_co2e=math.fsum(stage_sums[s] for s in STAGES if s in CRADLE_TO_GATE),
        fossil_kg_co2e=total - biogenic, biogenic_kg_co2e=biogenic,
        primary_data_share=primary / total if total else 0.0, missing_stages=missing,
        warnings=_warnings(lines, factor_set, gwp_set) + tuple((f"warn.stage_missing.{s.value}", {}) for s in missing),
    )


def _warnings(lines, factor_set: FactorSet, gwp_set: GwpSet) -> tuple[tuple[str, dict], ...]:
    found: list[tuple[str, dict]] = []
    used = {r.factor_id: r for r in lines}
    by_id = factor_set.by_id()
    for factor_id, r in used.items():
        if r.family == FactorFamily.ELECTRICITY_CO2_ORG:
            found.append(("warn.org_factor_in_cfp", {"factor_id": factor_id}))
        factor = by_id.get(factor_id)
        if factor is not None and not factor.verified:
            found.append(("warn.unverified_factor", {"factor_id": factor_id, "confidence": factor.confidence}))
    found += _boundary_warnings(lines, by_id)
    families = {r.family for r in lines}
    if FactorFamily.ELECTRICITY_CO2_ORG in families and FactorFamily.ELECTRICITY_CFP in families:
        found.append(("warn.mixed_families", {"families": ", ".join(sorted(families))}))
    return tuple(found)


_LATER_STAGES = frozenset({LifecycleStage.USE, LifecycleStage.END_OF_LIFE})
_DOWNSTREAM = frozenset({FactorBoundary.CRADLE_TO_GRAVE, FactorBoundary.GATE_TO_GRAVE})


def _boundary_warnings(lines, by_id) -> list[tuple[str, dict]]:
    """A factor whose boundary does not fit its line's stage (e.g. a cradle-to-grave material in raw materials)."""
    found = []
    for r in lines:
        factor = by_id.get(r.factor_id)
        if factor is None or factor.boundary is None or r.family == FactorFamily.TRANSPORT:
            continue
        key = None
        if factor.family == FactorFamily.MATERIAL and factor.boundary in _DOWNSTREAM and r.stage not in _LATER_STAGES:
            key = f"warn.factor_boundary.{factor.boundary.value}"
        elif factor.family == FactorFamily.FUEL_UPSTREAM:
            key = "warn.factor_boundary.upstream_fuel"
        elif factor.family == FactorFamily.MATERIAL and factor.boundary == FactorBoundary.GATE_TO_GATE:
            key = "warn.factor_boundary.gate_to_gate"
        if key:
            found.append((key, {"line": r.line_no, "factor_id": r.factor_id}))
    return found


__all__ = ["Footprint", "LineResult", "StageResult", "calculate_footprint", "line_result"]
